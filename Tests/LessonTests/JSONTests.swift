import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

struct JSONTests {
    // MARK: Helpers

    private func parse(_ text: String) throws(JSONSyntaxError) -> JSON {
        try JSON.parse(Array(text.utf8))
    }

    /// The error parsing `bytes` throws, or nil when it parses.
    private func parseError(_ bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            _ = try JSON.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    private func parseError(_ text: String) -> JSONSyntaxError? {
        parseError(Array(text.utf8))
    }

    /// One input that must be rejected, with the exact message and position expected.
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var input: String
        var message: String
        var line: Int
        var column: Int

        init(_ input: String, _ message: String, _ line: Int, _ column: Int) {
            self.input = input
            self.message = message
            self.line = line
            self.column = column
        }

        var testDescription: String { String(reflecting: input) }
    }

    static let errorCases: [ErrorCase] = [
        // Empty input and trailing content.
        ErrorCase("", "expected a JSON value, found the end of the input", 1, 1),
        ErrorCase(" \n\t", "expected a JSON value, found the end of the input", 2, 2),
        ErrorCase("[1] x", "expected the end of the input after the JSON value, found 'x'", 1, 5),
        ErrorCase("{} {}", "expected the end of the input after the JSON value, found '{'", 1, 4),
        ErrorCase("1 2", "expected the end of the input after the JSON value, found '2'", 1, 3),
        // Unterminated strings, arrays and objects (reported at the end, naming where they began).
        ErrorCase("\"abc", "unterminated string: the string that starts at line 1, column 1 has no closing '\"'", 1, 5),
        ErrorCase("[\"a\\", "unterminated string: the string that starts at line 1, column 2 has no closing '\"'", 1, 5),
        ErrorCase("[1, 2", "unterminated array: the '[' at line 1, column 1 is never closed", 1, 6),
        ErrorCase("[1,", "unterminated array: the '[' at line 1, column 1 is never closed", 1, 4),
        ErrorCase("[", "unterminated array: the '[' at line 1, column 1 is never closed", 1, 2),
        ErrorCase("{\"a\": [1]", "unterminated object: the '{' at line 1, column 1 is never closed", 1, 10),
        ErrorCase("{\"a\"", "unterminated object: the '{' at line 1, column 1 is never closed", 1, 5),
        ErrorCase("{\"a\":", "unterminated object: the '{' at line 1, column 1 is never closed", 1, 6),
        ErrorCase("[{\n}, [", "unterminated array: the '[' at line 2, column 4 is never closed", 2, 5),
        // Missing commas and colons, wrong closers.
        ErrorCase("[1 2]", "expected ',' or ']' after an array element, found '2'", 1, 4),
        ErrorCase("[1}", "expected ',' or ']' after an array element, found '}'", 1, 3),
        ErrorCase("{\"a\" 1}", "expected ':' after the key \"a\", found '1'", 1, 6),
        ErrorCase("{\"a\": 1 \"b\": 2}", "expected ',' or '}' after an object member, found '\"'", 1, 9),
        ErrorCase("{\"a\": 1]", "expected ',' or '}' after an object member, found ']'", 1, 8),
        ErrorCase("{1: 2}", "expected a string key or '}' after '{', found '1'", 1, 2),
        ErrorCase("{\"a\": 1, 2}", "expected a string key after ',' in an object, found '2'", 1, 10),
        ErrorCase("{a: 1}", "expected a string key or '}' after '{', found 'a' (object keys must be in double quotes)", 1, 2),
        ErrorCase("[,1]", "expected a JSON value, found ','", 1, 2),
        ErrorCase("[1,,2]", "expected a JSON value, found ','", 1, 4),
        ErrorCase("]", "expected a JSON value, found ']'", 1, 1),
        // Trailing commas (reported at the comma).
        ErrorCase("[1, 2,]", "trailing comma before ']' (JSON does not allow a comma after the last element)", 1, 6),
        ErrorCase("{\"a\": 1 , }", "trailing comma before '}' (JSON does not allow a comma after the last member)", 1, 9),
        // Single quotes, comments, NaN and Infinity, misspelled literals.
        ErrorCase("['a']", "expected a JSON value, found a single quote (JSON strings use double quotes)", 1, 2),
        ErrorCase("{'a': 1}", "expected a string key or '}' after '{', found a single quote (JSON strings use double quotes)", 1, 2),
        ErrorCase("[1] // note", "expected the end of the input after the JSON value, found a comment (JSON does not allow comments)", 1, 5),
        ErrorCase("/* note */ 1", "expected a JSON value, found a comment (JSON does not allow comments)", 1, 1),
        ErrorCase("[1, # note\n2]", "expected a JSON value, found '#' (JSON does not allow comments)", 1, 5),
        ErrorCase("NaN", "expected a JSON value, found 'NaN' (JSON has no NaN or Infinity)", 1, 1),
        ErrorCase("[Infinity]", "expected a JSON value, found 'Infinity' (JSON has no NaN or Infinity)", 1, 2),
        ErrorCase("-Infinity", "invalid number: expected a digit after '-', found 'Infinity' (JSON has no NaN or Infinity)", 1, 1),
        ErrorCase("True", "expected a JSON value, found 'True' (JSON's true, false and null are lowercase)", 1, 1),
        ErrorCase("tru", "expected a JSON value, found 'tru'", 1, 1),
        ErrorCase("nulls", "expected a JSON value, found 'nulls'", 1, 1),
        ErrorCase("undefined", "expected a JSON value, found 'undefined'", 1, 1),
        // Malformed numbers (reported at the start of the number).
        ErrorCase("012", "invalid number '012': leading zeros are not allowed", 1, 1),
        ErrorCase("[-00.5]", "invalid number '-00.5': leading zeros are not allowed", 1, 2),
        ErrorCase("+1", "invalid number '+1': a number cannot start with '+'", 1, 1),
        ErrorCase(".5", "invalid number '.5': a number must start with a digit (write 0.5, not .5)", 1, 1),
        ErrorCase("1.", "invalid number '1.': expected a digit after the decimal point", 1, 1),
        ErrorCase("[1.e5]", "invalid number '1.e5': expected a digit after the decimal point", 1, 2),
        ErrorCase("1e", "invalid number '1e': expected a digit in the exponent", 1, 1),
        ErrorCase("1E+", "invalid number '1E+': expected a digit in the exponent", 1, 1),
        ErrorCase("-", "invalid number: expected a digit after '-', found the end of the input", 1, 1),
        ErrorCase("- 1", "invalid number: expected a digit after '-', found the character U+0020", 1, 1),
        ErrorCase("0x1F", "expected the end of the input after the JSON value, found 'x1F'", 1, 2),
        ErrorCase("1e999", "number 1e999 is too large for a 64-bit float", 1, 1),
        ErrorCase("[-1e999]", "number -1e999 is too large for a 64-bit float", 1, 2),
        ErrorCase("1e99999999999999999999999999", "number 1e99999999999999999999999999 is too large for a 64-bit float", 1, 1),
        // Escapes and control characters in strings.
        ErrorCase("\"a\\x\"", "invalid escape '\\x' in a string (JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)", 1, 3),
        ErrorCase("\"\\'\"", "invalid escape '\\'' in a string (JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)", 1, 2),
        ErrorCase("\"\\u12G4\"", "invalid escape: '\\u' must be followed by four hex digits", 1, 2),
        ErrorCase("\"\\u12\"", "invalid escape: '\\u' must be followed by four hex digits", 1, 2),
        ErrorCase("\"a\tb\"", "unescaped tab in a string (write \\t)", 1, 3),
        ErrorCase("[\"ab\n\"]", "unescaped line break in a string (close the string with '\"' before the end of the line, or write \\n)", 1, 5),
        ErrorCase("\"\u{1}\"", "unescaped control character U+0001 in a string (write \\u0001)", 1, 2),
        ErrorCase("\"\u{1F}\"", "unescaped control character U+001F in a string (write \\u001F)", 1, 2),
        // Surrogates in \u escapes.
        ErrorCase("\"\\uD800\"", "invalid surrogate pair: \\uD800 is a high surrogate and must be followed by a low surrogate \\uDC00 to \\uDFFF", 1, 2),
        ErrorCase("\"x\\ud83d\\u0041\"", "invalid surrogate pair: \\uD83D is a high surrogate and must be followed by a low surrogate \\uDC00 to \\uDFFF", 1, 3),
        ErrorCase("\"\\uD83D\\uD83D\"", "invalid surrogate pair: \\uD83D is a high surrogate and must be followed by a low surrogate \\uDC00 to \\uDFFF", 1, 2),
        ErrorCase("\"\\uDE00\"", "invalid surrogate pair: \\uDE00 is a low surrogate without a high surrogate \\uD800 to \\uDBFF before it", 1, 2),
        // Duplicate keys (reported at the second key).
        ErrorCase("{\"x\": 1, \"x\": 2}", "duplicate key \"x\"", 1, 10),
        ErrorCase("{\"a\": {\"x\": 1}, \"b\": {\"x\": 2, \"y\": 3, \"x\": 4}}", "duplicate key \"x\"", 1, 39),
        ErrorCase("{\"a\\nb\": 1, \"a\\u000ab\": 2}", "duplicate key \"a\\nb\"", 1, 13),
        // Characters that are not JSON whitespace.
        ErrorCase("\u{C}1", "expected a JSON value, found the control character U+000C", 1, 1),
        ErrorCase("[1]\u{0}", "expected the end of the input after the JSON value, found the control character U+0000", 1, 4),
        ErrorCase("\u{A0}1", "expected a JSON value, found the character U+00A0", 1, 1),
        ErrorCase("[é]", "expected a JSON value, found 'é'", 1, 2),
    ]


    // MARK: Values and round trips

    @Test func parsesScalars() throws {
        #expect(try parse("null") == .null)
        #expect(try parse("true") == .bool(true))
        #expect(try parse("false") == .bool(false))
        #expect(try parse("0") == .number(0, text: "0"))
        #expect(try parse("-0") == .number(-0.0, text: "-0"))
        #expect(try parse("-12.5e-1") == .number(-1.25, text: "-12.5e-1"))
        #expect(try parse("1E+2") == .number(100, text: "1E+2"))
        #expect(try parse("\"\"") == .string(""))
        #expect(try parse("\"héllo 😀\"") == .string("héllo 😀"))
        #expect(try parse("[]") == .array([]))
        #expect(try parse("{}") == .object([]))
        #expect(try parse(" \t\r\n[ 1 ,\n2 ]\r\n ") == .array([.number(1, text: "1"), .number(2, text: "2")]))
    }

    @Test func roundTripsEveryKind() throws {
        let value = JSON.object([
            JSONMember("null", .null),
            JSONMember("yes", .bool(true)),
            JSONMember("no", .bool(false)),
            JSONMember("int", .number(-42)),
            JSONMember("real", .number(0.1)),
            JSONMember("tiny", .number(1e-300)),
            JSONMember("huge", .number(1.7976931348623157e308)),
            JSONMember("text", .string("tab\tquote\" backslash\\ nul\u{0} é 😀 \u{1F} / \u{7F}")),
            JSONMember("", .string("")),
            JSONMember("list", .array([.number(1), .string("two"), .null, .bool(false)])),
            JSONMember("mixed", .array([.array([]), .object([]), .array([.array([.number(3)])])])),
            JSONMember("nested", .object([JSONMember("deeper", .object([JSONMember("deepest", .array([]))]))])),
        ])
        let text = value.rendered()
        #expect(try JSON.parse(Array(text.utf8)) == value)
        #expect(try JSON.parse(Array(text.utf8)).rendered() == text)

        for scalar: JSON in [.null, .bool(true), .number(2.5), .string("x\ny")] {
            #expect(try JSON.parse(Array(scalar.rendered().utf8)) == scalar)
        }
    }

    @Test func canonicalTextSurvivesParseAndRender() throws {
        let text = """
        {
          "a": [1, 2.50, -0.0, 1e-7, "s"],
          "b": {
            "c": null
          },
          "d": [
            [],
            {}
          ]
        }

        """
        #expect(try parse(text).rendered() == text)
    }

    @Test func keepsMemberOrder() throws {
        let value = try parse(#"{"zebra": 1, "apple": 2, "mango": 3, "Banana": 4}"#)
        guard case .object(let members) = value else {
            Issue.record("expected an object, got \(value.kindDescription)")
            return
        }
        #expect(members.map(\.key) == ["zebra", "apple", "mango", "Banana"])
        #expect(value.rendered() == "{\n  \"zebra\": 1,\n  \"apple\": 2,\n  \"mango\": 3,\n  \"Banana\": 4\n}\n")
    }

    @Test func keepsNumberText() throws {
        let value = try parse("[0.50, 0.5, 1.0e2, 9007199254740993, -0]")
        #expect(value == .array([
            .number(0.5, text: "0.50"),
            .number(0.5, text: "0.5"),
            .number(100, text: "1.0e2"),
            .number(9007199254740992, text: "9007199254740993"),
            .number(-0.0, text: "-0"),
        ]))
        #expect(JSON.number(0.5, text: "0.50") != JSON.number(0.5, text: "0.5"))
        #expect(value.rendered() == "[0.50, 0.5, 1.0e2, 9007199254740993, -0]\n")
    }

    @Test func decodesEscapes() throws {
        let value = try parse(#""q\"b\\s\/b\bf\fn\nr\rt\tA\u0041\u00e9\u00E9\ud83d\ude00\u0000end""#)
        #expect(value == .string("q\"b\\s/b\u{8}f\u{C}n\nr\rt\tAAéé😀\u{0}end"))
    }

    @Test func acceptsWellFormedUTF8() throws {
        // 2-, 3- and 4-byte sequences at the edges of their ranges.
        let bytes: [UInt8] = [0x22, 0xC2, 0x80, 0xDF, 0xBF, 0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80,
                              0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF, 0x22]
        #expect(try JSON.parse(bytes) == .string("\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{10000}\u{10FFFF}"))
    }

    @Test func skipsByteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try JSON.parse(bom + Array("[1]".utf8)) == .array([.number(1)]))
        // Columns do not count the mark.
        let error = parseError(bom + Array("[1 x]".utf8))
        #expect(error == JSONSyntaxError(message: "expected ',' or ']' after an array element, found 'x'", line: 1, column: 4))
        #expect(parseError(bom)?.message == "expected a JSON value, found the end of the input")
        // A mark anywhere else is not whitespace.
        #expect(parseError(Array(" ".utf8) + bom + Array("1".utf8))?.message == "expected a JSON value, found the character U+FEFF")
    }

    // MARK: Errors

    @Test(arguments: JSONTests.errorCases)
    func rejectsInvalidText(_ example: ErrorCase) {
        let error = parseError(example.input)
        #expect(error?.message == example.message)
        #expect(error?.line == example.line)
        #expect(error?.column == example.column)
    }

    @Test func reportsLinesAndColumns() {
        let nested = "{\n  \"a\": [1,\n    2,\n  ]\n}"
        #expect(parseError(nested) == JSONSyntaxError(
            message: "trailing comma before ']' (JSON does not allow a comma after the last element)", line: 3, column: 6))
        // CR LF counts as one line break, a lone CR as one too.
        #expect(parseError("[\r\n1\r\n,]").map { [$0.line, $0.column] } == [3, 1])
        #expect(parseError("[\r1\r\r,]").map { [$0.line, $0.column] } == [4, 1])
        // Columns count Unicode scalars, not bytes.
        #expect(parseError("[\"héllo😀\" x]").map { [$0.line, $0.column] } == [1, 11])
        #expect(parseError("\t\t[1 x]").map { [$0.line, $0.column] } == [1, 6])
        // Long lines and many lines.
        let long = String(repeating: "[", count: 200) + "\n" + String(repeating: " ", count: 1000) + "x"
        #expect(parseError(long).map { [$0.line, $0.column] } == [2, 1001])
    }

    @Test func describesErrors() {
        let error = JSONSyntaxError(message: "expected ',' or ']' after an array element, found '}'", line: 2, column: 7)
        #expect(error.description == "line 2, column 7: expected ',' or ']' after an array element, found '}'")
        #expect("\(error)" == error.description)
        #expect(parseError("[1}")?.description == "line 1, column 3: expected ',' or ']' after an array element, found '}'")
    }

    @Test func rejectsInvalidUTF8() {
        let cases: [(bytes: [UInt8], column: Int)] = [
            ([0x22, 0xFF, 0x22], 2),                          // never valid
            ([0x22, 0x61, 0x80, 0x22], 3),                    // lone continuation byte
            ([0x22, 0xC0, 0x80, 0x22], 2),                    // overlong NUL
            ([0x22, 0xC1, 0xBF, 0x22], 2),                    // overlong
            ([0x22, 0xE0, 0x80, 0x80, 0x22], 2),              // overlong 3-byte
            ([0x22, 0xF0, 0x80, 0x80, 0x80, 0x22], 2),        // overlong 4-byte
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 2),              // encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 2),        // above U+10FFFF
            ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], 2),        // never valid lead
            ([0x22, 0xE2, 0x82, 0x22], 2),                    // truncated by the quote
            ([0x22, 0xE2, 0x82], 2),                          // truncated by the end
            ([0x22, 0xC3, 0xA9, 0xFE, 0x22], 3),              // after a valid "é"
            ([0x22, 0x5C, 0xFF, 0x22], 3),                    // after a backslash
            ([0x5B, 0xFF, 0x5D], 2),                          // outside a string
            ([0x5B, 0x31, 0x5D, 0x80], 4),                    // after the value
            ([0x7B, 0x22, 0x61, 0x22, 0xC3], 5),              // where ':' belongs
            ([0xEF, 0xBB], 1),                                // half a byte order mark
        ]
        for (bytes, column) in cases {
            let error = parseError(bytes)
            #expect(error?.message == "invalid UTF-8", "bytes \(bytes)")
            #expect(error?.line == 1 && error?.column == column, "bytes \(bytes): \(String(describing: error))")
        }
    }

    @Test func tellsKeysApartByTheirBytes() throws {
        // "é" precomposed and "e" + combining acute are equal Swift strings, but two keys: the
        // lesson's unknown-field check then names the one it does not know.
        let json = try parse("{\"\u{E9}\": 1, \"e\u{301}\": 2}")
        guard case .object(let members) = json else { Issue.record("not an object"); return }
        #expect(members.map { Array($0.key.utf8) } == [[0xC3, 0xA9], [0x65, 0xCC, 0x81]])
        #expect(json["e\u{301}"] == .number(2, text: "2"))
        #expect(json["\u{E9}"] == .number(1, text: "1"))
        // The same bytes twice are still a duplicate.
        #expect(parseError("{\"e\u{301}\": 1, \"e\u{301}\": 2}")?.message == "duplicate key \"e\u{301}\"")
    }

    @Test func shortensLongTextInMessages() {
        let key = String(repeating: "k", count: 100)
        #expect(parseError("{\"\(key)\": 1, \"\(key)\": 2}")?.message
            == "duplicate key \"\(String(repeating: "k", count: 40))...\"")
        let digits = String(repeating: "9", count: 400)
        #expect(parseError(digits)?.message
            == "number \(String(repeating: "9", count: 24))...\(String(repeating: "9", count: 12)) is too large for a 64-bit float")
    }

    // MARK: Numbers

    @Test func handlesExtremeNumbers() throws {
        #expect(try parse("1e-999") == .number(0, text: "1e-999"))
        #expect(try parse("-1e-999") == .number(-0.0, text: "-1e-999"))
        #expect(try parse("1e-99999999999999999999999") == .number(0, text: "1e-99999999999999999999999"))
        #expect(try parse("5e-324") == .number(.leastNonzeroMagnitude, text: "5e-324"))
        #expect(try parse("1.7976931348623157e308") == .number(1.7976931348623157e308, text: "1.7976931348623157e308"))
        #expect(parseError("1.7976931348623159e308")?.message == "number 1.7976931348623159e308 is too large for a 64-bit float")
        let maxDigits = String(repeating: "9", count: 308)
        #expect(try parse(maxDigits) == .number(Double(maxDigits)!, text: maxDigits))
        let longFraction = "0." + String(repeating: "0", count: 10_000) + "1"
        #expect(try parse(longFraction) == .number(0, text: longFraction))
        let longMantissa = "1" + String(repeating: "0", count: 10_000) + "e-10000"
        #expect(try parse(longMantissa) == .number(1, text: longMantissa))
    }

    @Test func formatsDoubles() {
        #expect(JSON.format(3) == "3")
        #expect(JSON.format(-2) == "-2")
        #expect(JSON.format(0) == "0")
        #expect(JSON.format(-0.0) == "0")
        #expect(JSON.format(0.1) == "0.1")
        #expect(JSON.format(2.5) == "2.5")
        #expect(JSON.format(-2.5) == "-2.5")
        #expect(JSON.format(1e-5) == "1e-05")
        #expect(JSON.format(1e20) == "1e+20")
        #expect(JSON.format(1.5e20) == "1.5e+20")
        #expect(JSON.format(123456789012345) == "123456789012345")
        #expect(JSON.format(1e15) == "1000000000000000")
        #expect(JSON.format(-1e15) == "-1000000000000000")
        #expect(JSON.format(1e16) == "1e+16")
        #expect(JSON.format(.leastNonzeroMagnitude) == "5e-324")
        #expect(JSON.format(.greatestFiniteMagnitude) == "1.7976931348623157e+308")
        // Outside the precondition: no trap, "null".
        #expect(JSON.format(.nan) == "null")
        #expect(JSON.format(-.infinity) == "null")
        #expect(JSON.number(3) == .number(3, text: "3"))
        #expect(JSON.number(-0.0) == .number(0, text: "0"))
    }

    @Test func formattedDoublesRoundTrip() throws {
        var random = SplitMix64(state: 2024)
        var checked = 0
        while checked < 2000 {
            let value = Double(bitPattern: random.next())
            guard value.isFinite else { continue }
            checked += 1
            let text = JSON.format(value)
            let parsed = try JSON.parse(Array(text.utf8))
            #expect(parsed == .number(value == 0 ? 0 : value, text: text), "\(value)")
        }
    }

    @Test func readsDecimalsExactlyAsDoubleDoes() throws {
        // The reader's fast path (up to 16 digits, powers of ten up to 22) against Double(_:),
        // bit for bit, on the numbers a lesson input holds and on its edges.
        var random = SplitMix64(state: 7)
        var texts = ["0", "-0", "0.0", "-0.0", "9007199254740992", "9007199254740993", "1e22", "1e23", "1e-22", "1e-23",
                     "123456789012345678", "0.1", "0.30000000000000004", "4.35", "1.7976931348623157e308", "2.2250738585072014e-308",
                     "0.000001234", "1234567890123456e-22", "1E+2", "-5e-0"]
        for _ in 0..<5000 {
            let digits = (0..<(1 + random.below(18))).map { _ in String(random.below(10)) }.joined()
            let point = random.below(digits.count + 1)
            var text = (random.below(2) == 0 ? "-" : "") + String(digits.prefix(point)) + (point < digits.count ? "." + digits.dropFirst(point) : "")
            if text.hasPrefix(".") || text.hasPrefix("-.") || text.isEmpty || text == "-" { text = text.replacingOccurrences(of: ".", with: "0.") }
            // JSON allows no leading zeros: "007" becomes "7".
            while text.range(of: #"^-?0[0-9]"#, options: .regularExpression) != nil { text.remove(at: text.firstIndex(of: "0")!) }
            if random.below(3) == 0 { text += "e\(random.below(2) == 0 ? "-" : "")\(random.below(40))" }
            texts.append(text)
        }
        for text in texts {
            guard case .number(let value, _) = try parse(text), let expected = Double(text) else { Issue.record("\(text)"); continue }
            #expect(value.bitPattern == expected.bitPattern, "\(text): \(value) != \(expected)")
        }
    }

    @Test func aNumberBuiltInCodeIsWrittenAsFormatted() throws {
        // Its text is made when written, and it equals the same number read from its text.
        #expect(JSON.number(0.5) == .number(0.5, text: "0.5"))
        #expect(JSON.number(0.5) != .number(0.5, text: "0.50"))
        #expect(JSON.number(0.5) != .number(0.25, text: "0.5"))
        #expect(JSON.number(0.5).numberText == "0.5")
        #expect(JSON.number(-0.0).numberText == "0")
        #expect(JSON.string("0.5").numberText == nil)
        let built = JSON.fields(["x": .numbers([1, 0.1, -2.5e-7])])
        #expect(built.rendered() == "{\n  \"x\": [1, 0.1, -2.5e-07]\n}\n")
        #expect(try JSON.parse(Array(built.rendered().utf8)) == built)
    }

    // MARK: Limits

    /// The standard limits, with one of them changed.
    func limits(values: Int = JSONLimits.standard.values, arrayElements: Int = JSONLimits.standard.arrayElements,
                objectMembers: Int = JSONLimits.standard.objectMembers) -> JSONLimits {
        var limits = JSONLimits.standard
        (limits.values, limits.arrayElements, limits.objectMembers) = (values, arrayElements, objectMembers)
        return limits
    }

    func parseError(_ text: String, limits: JSONLimits) -> JSONSyntaxError? {
        do {
            _ = try JSON.parse(Array(text.utf8), limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func limitsStringsTo1000Characters() throws {
        // Characters are Unicode scalars: an escape and a 4-byte UTF-8 sequence are one each.
        let longest = String(repeating: "a", count: 997) + "\\u00e9" + "😀" + "é"
        #expect(try parse("[\"\(longest)\"]") == .array([.string(String(repeating: "a", count: 997) + "\u{E9}😀é")]))
        #expect(parseError("[1, \"\(longest)x\"]")
            == JSONSyntaxError(message: "a string of more than 1000 characters, the limit for a key, a label or a name", line: 1, column: 5, isLimit: true))
        // A key too, and the reader stops there: 64 MiB of one key costs no more than 1,001 characters.
        var huge = Array("{\"".utf8)
        huge += [UInt8](repeating: 0x6B, count: 64 << 20)
        #expect(parseError(huge)?.message == "a string of more than 1000 characters, the limit for a key, a label or a name")
        #expect(parseError(huge)?.column == 2)
    }

    @Test func limitsArraysObjectsAndValues() {
        // 64 MiB of "0," is refused at the element one beyond the limit, not at the end.
        let zeros = Array(("[" + String(repeating: "0,", count: 32 << 20)).utf8)
        #expect(parseError(zeros) == JSONSyntaxError(
            message: "an array of more than 100000 elements, the limit for an input", line: 1, column: 2 + 2 * 100_000, isLimit: true))
        #expect(parseError("[1, 2, 3]", limits: limits(arrayElements: 3)) == nil)
        #expect(parseError("[1, 2, 3, 4]", limits: limits(arrayElements: 3))
            == JSONSyntaxError(message: "an array of more than 3 elements, the limit for an input", line: 1, column: 11, isLimit: true))
        #expect(parseError("{\"a\": 1, \"b\": 2}", limits: limits(objectMembers: 2)) == nil)
        #expect(parseError("{\"a\": 1, \"b\": 2, \"c\": 3}", limits: limits(objectMembers: 2))
            == JSONSyntaxError(message: "an object of more than 2 members, the limit for an input", line: 1, column: 18, isLimit: true))
        // Values count every number, string, literal, array and object, and every key: here 7.
        let seven = "{\"a\": [1, true], \"b\": null}"
        #expect(parseError(seven, limits: limits(values: 7)) == nil)
        #expect(parseError("[1,]")?.isLimit == false, "malformed JSON is not a limit")
        #expect(parseError("[1e999]")?.isLimit == true, "a number beyond a Double is valid JSON, too large to hold")
        #expect(parseError(seven, limits: limits(values: 6)) == JSONSyntaxError(
            message: "more than 6 values (numbers, strings, arrays, objects and keys) in one document, the limit for an input", line: 1, column: 23, isLimit: true))
        // Many arrays within the element limit meet the value limit.
        let rows = "[" + Array(repeating: "[0, 0, 0]", count: 10).joined(separator: ", ") + "]"
        #expect(parseError(rows, limits: limits(values: 30))?.message.hasPrefix("more than 30 values") == true)
    }

    // MARK: Nesting

    @Test func limitsNestingTo256Levels() throws {
        let deepest = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        let parsed = try parse(deepest)
        #expect(try JSON.parse(Array(parsed.rendered().utf8)) == parsed)
        var value = parsed
        var depth = 1
        while case .array(let elements) = value, let first = elements.first {
            value = first
            depth += 1
        }
        #expect(depth == 256)
        #expect(try parse(String(repeating: "{\"a\":", count: 255) + "[1]" + String(repeating: "}", count: 255))["a"] != nil)

        let tooDeep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        #expect(parseError(tooDeep) == JSONSyntaxError(message: "nesting deeper than 256 levels", line: 1, column: 257, isLimit: true))
    }

    @Test func survivesHundredThousandOpenBrackets() {
        let brackets = [UInt8](repeating: 0x5B, count: 100_000)
        #expect(parseError(brackets) == JSONSyntaxError(message: "nesting deeper than 256 levels", line: 1, column: 257, isLimit: true))
        let objects = String(repeating: "{\"a\":", count: 100_000)
        #expect(parseError(objects) == JSONSyntaxError(message: "nesting deeper than 256 levels", line: 1, column: 1281, isLimit: true))
        let mixed = String(repeating: "[{\"k\":", count: 50_000)
        #expect(parseError(mixed)?.message == "nesting deeper than 256 levels")
    }

    // MARK: Rendering

    @Test func rendersNestedLayout() {
        let value = JSON.object([
            JSONMember("name", .string("demo")),
            JSONMember("sizes", .array([.number(1), .number(2.5), .null, .bool(true), .string("x")])),
            JSONMember("empty", .array([])),
            JSONMember("nothing", .object([])),
            JSONMember("nested", .object([
                JSONMember("rows", .array([
                    .array([.number(1), .number(2)]),
                    .object([JSONMember("k", .bool(false)), JSONMember("note", .string("a \"b\""))]),
                    .array([]),
                    .array([.array([])]),
                ])),
            ])),
        ])
        let expected = """
        {
          "name": "demo",
          "sizes": [1, 2.5, null, true, "x"],
          "empty": [],
          "nothing": {},
          "nested": {
            "rows": [
              [1, 2],
              {
                "k": false,
                "note": "a \\"b\\""
              },
              [],
              [
                []
              ]
            ]
          }
        }

        """
        #expect(value.rendered() == expected)
    }

    @Test func rendersScalarsAndEscapes() throws {
        #expect(JSON.null.rendered() == "null\n")
        #expect(JSON.bool(false).rendered() == "false\n")
        #expect(JSON.number(0.50, text: "0.50").rendered() == "0.50\n")
        #expect(JSON.number(7, text: "").rendered() == "7\n")
        #expect(JSON.array([]).rendered() == "[]\n")
        #expect(JSON.object([]).rendered() == "{}\n")
        let string = JSON.string("q\"b\\n\nr\rt\tb\u{8}f\u{C}c\u{1}\u{1F}\u{0}é😀/\u{7F}")
        #expect(string.rendered() == "\"q\\\"b\\\\n\\nr\\rt\\tb\\bf\\fc\\u0001\\u001f\\u0000é😀/\u{7F}\"\n")
        #expect(JSON.object([JSONMember("a\nb", .null)]).rendered() == "{\n  \"a\\nb\": null\n}\n")
        // Escapes inside grapheme clusters (CR LF, a quote after a combining accent) cut nothing.
        let clusters = JSON.string("e\u{301}\"\r\n\u{301}\\x")
        #expect(Array(clusters.rendered().utf8) == Array("\"e\u{301}\\\"\\r\\n\u{301}\\\\x\"\n".utf8))
        #expect(try JSON.parse(Array(clusters.rendered().utf8)) == clusters)
    }

    // MARK: Accessors

    @Test func looksUpMembers() throws {
        let value = try parse(#"{"a": 1, "b": {"c": [true]}}"#)
        #expect(value["a"] == .number(1, text: "1"))
        #expect(value["b"]?["c"] == .array([.bool(true)]))
        #expect(value["missing"] == nil)
        #expect(value["b"]?["c"]?["x"] == nil)
        #expect(JSON.string("a")["a"] == nil)
        #expect(JSON.null["a"] == nil)
    }

    @Test func describesKinds() {
        #expect(JSON.null.kindDescription == "null")
        #expect(JSON.bool(true).kindDescription == "a boolean")
        #expect(JSON.number(1).kindDescription == "a number")
        #expect(JSON.string("").kindDescription == "a string")
        #expect(JSON.array([]).kindDescription == "an array")
        #expect(JSON.object([]).kindDescription == "an object")
    }

    // MARK: Size and fuzzing

    @Test func parsesALargeArrayOfNumbers() throws {
        var text = "["
        for index in 0..<20_000 {
            if index > 0 { text += "," }
            text += index.isMultiple(of: 2) ? "\(index)" : "-\(index).25e-3"
        }
        text += "]"
        guard case .array(let elements) = try parse(text) else {
            Issue.record("expected an array")
            return
        }
        #expect(elements.count == 20_000)
        #expect(elements[3] == .number(-0.00325, text: "-3.25e-3"))
    }

    @Test func fuzzedInputNeverCrashes() throws {
        let seeds = [
            #"{"name": "demo", "values": [1, -2.5, 3e10, 0.50, true, false, null], "nested": {"a": [[], {}], "b": "x"}}"#,
            #"["esc\"aped\\ \/ \b\f\n\r\t \u0041 \ud83d\ude00", "héllo 😀", -0, 1E-7, 123456789012345678901234567890]"#,
            "{\r\n\t\"k\" : [ 1 , 2 , { \"deep\" : [ [ [ null ] ] ] } ] ,\n \"z\":\"\"\n}",
            #"[[[[[[[[[[1]]]]]]]]]]"#,
            "\u{FEFF}{\"bom\": true}",
        ].map { Array($0.utf8) }
        let interesting: [UInt8] = Array("{}[],:\"\\/-+.eE0123456789tfnu \t\r\n'#*xaD8C".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF8, 0xFF]

        for seed in seeds {
            _ = try JSON.parse(seed)
        }

        var random = SplitMix64(state: 0x5EED_1234)
        var accepted = 0
        var rejected = 0
        for _ in 0..<5000 {
            var bytes = seeds[random.below(seeds.count)]
            for _ in 0...random.below(4) {
                let count = bytes.count
                switch random.below(7) {
                case 0 where count > 0:
                    bytes[random.below(count)] = UInt8(truncatingIfNeeded: random.next())
                case 1 where count > 0:
                    bytes[random.below(count)] = interesting[random.below(interesting.count)]
                case 2:
                    bytes.insert(interesting[random.below(interesting.count)], at: random.below(count + 1))
                case 3 where count > 0:
                    bytes.remove(at: random.below(count))
                case 4 where count > 0:
                    bytes.removeSubrange(random.below(count)...)
                case 5 where count > 1:
                    let from = random.below(count)
                    let to = min(count, from + 1 + random.below(16))
                    bytes.insert(contentsOf: bytes[from..<to], at: random.below(count + 1))
                case 6 where count > 1:
                    bytes.swapAt(random.below(count), random.below(count))
                default:
                    break
                }
            }
            let value: JSON
            do {
                value = try JSON.parse(bytes)
            } catch {
                // The catch is typed: parse throws nothing but JSONSyntaxError.
                let syntaxError: JSONSyntaxError = error
                rejected += 1
                #expect(syntaxError.line >= 1 && syntaxError.column >= 1 && !syntaxError.message.isEmpty)
                continue
            }
            accepted += 1
            // Anything accepted survives rendering and reading back unchanged.
            #expect(try JSON.parse(Array(value.rendered().utf8)) == value)
        }
        #expect(accepted > 0)
        #expect(rejected > 0)
    }
}
