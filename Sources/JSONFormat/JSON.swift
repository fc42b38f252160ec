// A small, strict JSON reader and writer (RFC 8259) with no dependencies.
//
// The reader works on UTF-8 bytes with an integer index and an explicit stack for arrays and
// objects, so it runs in linear time, never recurses, and reports every problem as a
// `JSONSyntaxError` with a line and column instead of trapping.

/// A JSON value as read from a file. Objects keep their members in file order.
/// Numbers keep the text they were written with, so a caller can tell "0.50" from "0.5"; a number
/// built in code (`JSON.number(_:)`) has empty text and stands for `JSON.format(value)`, formatted
/// only when written, so a trace of millions of numbers holds no string per number.
///
/// Equality is structural and includes a number's text (`numberText`): `.number(0.5, text: "0.50")`
/// is not equal to `.number(0.5, text: "0.5")`, and `.number(0.5)` equals the latter. Strings and
/// keys compare with Swift `String` equality (canonical equivalence); the reader and
/// `subscript(key:)` tell keys apart by their bytes.
public enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double, text: String)
    case string(String)
    case array([JSON])
    case object([JSONMember])

    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x, s), .number(y, t)):
            return x == y && (s == t || (s.isEmpty ? format(x) : s) == (t.isEmpty ? format(y) : t))
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x == y
        default: return false
        }
    }

    /// A number's text as written: its own, or `JSON.format(value)` when it has none; nil for
    /// anything but a number.
    public var numberText: String? {
        guard case .number(let value, let text) = self else { return nil }
        return text.isEmpty ? JSON.format(value) : text
    }
}

/// One member of a JSON object.
public struct JSONMember: Equatable, Sendable {
    public var key: String
    public var value: JSON

    public init(_ key: String, _ value: JSON) {
        self.key = key
        self.value = value
    }
}

/// Why some bytes are not one complete JSON value, and where the reader noticed.
///
/// `line` and `column` are 1-based. A line ends at LF, CR LF or a lone CR. The column counts
/// Unicode scalars (not bytes, not grapheme clusters) from the start of the line, so "é" and a tab
/// are one column each; a UTF-8 byte order mark at the start of the input is not counted.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, e.g. "expected ',' or ']' after an array element, found '}'".
    var message: String
    /// 1-based line.
    var line: Int
    /// 1-based column, counted in Unicode scalars.
    var column: Int
    /// Valid JSON, but more than an input may hold (JSONLimits, or a number beyond a Double), rather
    /// than malformed.
    public var isLimit = false

    init(message: String, line: Int, column: Int, isLimit: Bool = false) {
        self.message = message
        self.line = line
        self.column = column
        self.isLimit = isLimit
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// How much one document may hold. The reader refuses the first thing beyond a limit as soon as it
/// reaches it, so any input costs time and memory in proportion to the limits, not to its size.
/// The standard limits are set by what the lessons accept (LessonInput's `InputReader` limits):
/// `values` a little above the most numbers a lesson's trace may hold (5,000,000, its input
/// included), `arrayElements` far above the most rows (10,000 positions) and claims (10,000).
public struct JSONLimits: Sendable, Equatable {
    /// Levels of nested arrays and objects.
    public var depth: Int
    /// Unicode scalars in one string or key (an escape such as \u00E9 is one).
    public var stringLength: Int
    /// Elements of one array.
    public var arrayElements: Int
    /// Members of one object.
    public var objectMembers: Int
    /// Values in the whole document: every number, string, literal, array and object, and every key.
    public var values: Int

    public init(depth: Int, stringLength: Int, arrayElements: Int, objectMembers: Int, values: Int) {
        (self.depth, self.stringLength, self.arrayElements, self.objectMembers, self.values)
            = (depth, stringLength, arrayElements, objectMembers, values)
    }

    public static let standard = JSONLimits(depth: 256, stringLength: 1_000, arrayElements: 100_000,
                                            objectMembers: 1_000, values: 6_000_000)
}

extension JSON {
    /// Parses UTF-8 bytes. Throws JSONSyntaxError for anything that is not one complete JSON value.
    ///
    /// Strict RFC 8259: whitespace is space, tab, LF and CR only; a UTF-8 byte order mark at the
    /// start is skipped. Duplicate keys in an object (the same bytes: "é" precomposed and "e" with a
    /// combining accent are two keys), invalid UTF-8, numbers too large for a `Double` and anything
    /// beyond `limits` are errors; numbers that underflow become 0.
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .standard) throws(JSONSyntaxError) -> JSON {
        var parser = JSONParser(bytes, limits: limits)
        return try parser.parseDocument()
    }

    /// A number written as `JSON.format(value)` (its text is left empty until then).
    public static func number(_ value: Double) -> JSON {
        .number(value, text: "")
    }

    /// Shortest round-trip text for a finite Double: integral values in ±1e15 without ".0" ("3", "-2"), else Swift's `description` ("0.1", "1e-05", "1.5e+20"), never "-0" ("0" instead). Precondition: finite.
    ///
    /// The range ±1e15 is inclusive (1e15 gives "1000000000000000"). The function does not trap
    /// when the precondition is broken: NaN and infinities give "null", as JavaScript does.
    public static func format(_ value: Double) -> String {
        var text = ""
        write(value, to: &text)
        return text
    }

    /// Appends `format(value)` to `out` without making a string of it first (the writer does this
    /// for every number of a trace).
    static func write(_ value: Double, to out: inout String) {
        if !value.isFinite {
            out.append("null")
        } else if value == 0 {
            out.append("0")
        } else if value.rounded(.towardZero) == value && value.magnitude <= 1e15 {
            out.append(String(Int64(value)))
        } else {
            value.write(to: &out)   // the digits of `description`
        }
    }

    /// Pretty text ending in "\n": objects one member per line ("key": value) indented by 2 spaces per level; an array whose elements are all scalars (null, bool, number, string) on one line as [1, 2, 3]; any other array one element per line; empty array "[]", empty object "{}". Strings escaped: \" \\ \n \r \t \b \f and other control characters as \u00XX; non-ASCII written as UTF-8 unchanged.
    ///
    /// Numbers are written with their `text`; a number with empty text is written as
    /// `JSON.format(value)`.
    public func rendered() -> String {
        var out = ""
        // Room for the whole text at once: a large trace's string is otherwise copied as it grows.
        out.reserveCapacity(24 * leafCount + 64)
        JSONWriter.write(self, indent: 0, into: &out)
        out.append("\n")
        return out
    }

    /// The numbers, strings and literals in this value, for an estimate of its written size.
    var leafCount: Int {
        switch self {
        case .array(let items): return items.reduce(0) { $0 + $1.leafCount }
        case .object(let members): return members.reduce(0) { $0 + 1 + $1.value.leafCount }
        default: return 1
        }
    }

    /// Member lookup on objects (nil for other cases or a missing key); keys match byte for byte.
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        for member in members where member.key.utf8.elementsEqual(key.utf8) {
            return member.value
        }
        return nil
    }

    /// A short name of the kind for error messages: "null", "a boolean", "a number", "a string", "an array", "an object".
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

// MARK: - Writer

private enum JSONWriter {
    static func write(_ value: JSON, indent: Int, into out: inout String) {
        switch value {
        case .null:
            out.append("null")
        case .bool(let flag):
            out.append(flag ? "true" : "false")
        case .number(let number, let text):
            if text.isEmpty { JSON.write(number, to: &out) } else { out.append(text) }
        case .string(let string):
            writeString(string, into: &out)
        case .array(let elements):
            if elements.isEmpty {
                out.append("[]")
            } else if elements.allSatisfy(isScalar) {
                out.append("[")
                for (index, element) in elements.enumerated() {
                    if index > 0 { out.append(", ") }
                    write(element, indent: indent, into: &out)
                }
                out.append("]")
            } else {
                out.append("[\n")
                for (index, element) in elements.enumerated() {
                    appendSpaces(indent + 2, to: &out)
                    write(element, indent: indent + 2, into: &out)
                    out.append(index == elements.count - 1 ? "\n" : ",\n")
                }
                appendSpaces(indent, to: &out)
                out.append("]")
            }
        case .object(let members):
            if members.isEmpty {
                out.append("{}")
            } else {
                out.append("{\n")
                for (index, member) in members.enumerated() {
                    appendSpaces(indent + 2, to: &out)
                    writeString(member.key, into: &out)
                    out.append(": ")
                    write(member.value, indent: indent + 2, into: &out)
                    out.append(index == members.count - 1 ? "\n" : ",\n")
                }
                appendSpaces(indent, to: &out)
                out.append("}")
            }
        }
    }

    static func isScalar(_ value: JSON) -> Bool {
        switch value {
        case .array, .object: return false
        case .null, .bool, .number, .string: return true
        }
    }

    static func appendSpaces(_ count: Int, to out: inout String) {
        out.append(String(repeating: " ", count: count))
    }

    static func writeString(_ string: String, into out: inout String) {
        out.append("\"")
        // Runs without anything to escape are copied whole; only `"`, `\` and control characters
        // (all ASCII, so every cut falls between Unicode scalars) are written one by one.
        let (bytes, scalars) = (string.utf8, string.unicodeScalars)
        var run = bytes.startIndex
        var index = run
        while index != bytes.endIndex {
            let value = UInt32(bytes[index])
            guard value < 0x20 || value == 0x22 || value == 0x5C else {
                index = bytes.index(after: index)
                continue
            }
            out.append(contentsOf: Substring(scalars[run..<index]))
            switch value {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case 0x08: out.append("\\b")
            case 0x0C: out.append("\\f")
            default:
                out.append("\\u00")
                out.append(hexDigit(value >> 4, uppercase: false))
                out.append(hexDigit(value & 0xF, uppercase: false))
            }
            index = bytes.index(after: index)
            run = index
        }
        out.append(contentsOf: Substring(scalars[run..<index]))
        out.append("\"")
    }
}

private func hexDigit(_ value: UInt32, uppercase: Bool) -> Character {
    let digits: [Character] = uppercase
        ? ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
        : ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
    return digits[Int(value & 0xF)]
}

/// "U+00E9"-style code, at least four uppercase hex digits.
private func codePoint(_ value: UInt32) -> String {
    var digits = ""
    var rest = value
    repeat {
        digits.insert(hexDigit(rest & 0xF, uppercase: true), at: digits.startIndex)
        rest >>= 4
    } while rest > 0
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// A string as it would be written in JSON, shortened for use inside an error message.
private func quotedForMessage(_ string: String) -> String {
    let limit = 40
    var shown = string
    if string.unicodeScalars.count > limit {
        shown = String(String.UnicodeScalarView(string.unicodeScalars.prefix(limit))) + "..."
    }
    var out = ""
    JSONWriter.writeString(shown, into: &out)
    return out
}

// MARK: - Parser

/// 10⁰ … 10²², every power of ten a Double holds exactly.
private let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

private enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let apostrophe: UInt8 = 0x27
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let star: UInt8 = 0x2A
    static let upperE: UInt8 = 0x45
    static let leftBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let rightBracket: UInt8 = 0x5D
    static let lowerE: UInt8 = 0x65
    static let lowerU: UInt8 = 0x75
    static let leftBrace: UInt8 = 0x7B
    static let rightBrace: UInt8 = 0x7D

    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == 0x5F }
}

/// A key compared and hashed by its UTF-8 bytes, not by canonical equivalence as `String` is:
/// two spellings of "é" are two keys, and the unknown-field check names the one a lesson does not know.
private struct ExactKey: Hashable {
    let text: String

    static func == (a: ExactKey, b: ExactKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
    }
}

/// An array or object that has been opened and not yet closed.
private struct OpenContainer {
    let isObject: Bool
    /// Byte offset of the '[' or '{'.
    let opening: Int
    var elements: [JSON] = []
    var members: [JSONMember] = []
    var keys: Set<ExactKey> = []
    var pendingKey = ""
}

private struct JSONParser {
    let bytes: [UInt8]
    let limits: JSONLimits
    /// Offset of the first byte after an optional byte order mark; columns count from here.
    let start: Int
    var position: Int
    /// Values and keys read so far, against `limits.values`.
    var values = 0

    init(_ bytes: [UInt8], limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        start = hasByteOrderMark ? 3 : 0
        position = start
    }

    /// Counts one more value or key, refusing the one beyond `limits.values`.
    mutating func countValue() throws(JSONSyntaxError) {
        values += 1
        guard values <= limits.values else {
            throw error("more than \(limits.values) values (numbers, strings, arrays, objects and keys) in one document, the limit for an input", at: position, limit: true)
        }
    }

    // MARK: Document

    mutating func parseDocument() throws(JSONSyntaxError) -> JSON {
        skipWhitespace()
        guard position < bytes.count else {
            throw error("expected a JSON value, found the end of the input", at: position)
        }
        var stack: [OpenContainer] = []
        nextValue: while true {
            skipWhitespace()
            guard position < bytes.count else { throw endOfInput(inside: stack) }
            var value: JSON
            let byte = bytes[position]
            try countValue()
            switch byte {
            case ASCII.leftBracket, ASCII.leftBrace:
                guard stack.count < limits.depth else {
                    throw error("nesting deeper than \(limits.depth) levels", at: position, limit: true)
                }
                let isObject = byte == ASCII.leftBrace
                let opening = position
                position += 1
                skipWhitespace()
                if position < bytes.count && bytes[position] == (isObject ? ASCII.rightBrace : ASCII.rightBracket) {
                    position += 1
                    value = isObject ? .object([]) : .array([])
                } else {
                    stack.append(OpenContainer(isObject: isObject, opening: opening))
                    if isObject {
                        try readKey(into: &stack, expectation: "expected a string key or '}' after '{'")
                    }
                    continue nextValue
                }
            case ASCII.quote:
                value = .string(try readString())
            case ASCII.minus, ASCII.zero...ASCII.nine:
                value = try readNumber()
            default:
                value = try readLiteral()
            }

            // Put the finished value into the innermost open container, closing containers as
            // long as the input closes them.
            while let top = stack.indices.last {
                let isObject = stack[top].isObject
                if isObject {
                    stack[top].members.append(JSONMember(stack[top].pendingKey, value))
                } else {
                    stack[top].elements.append(value)
                }
                skipWhitespace()
                guard position < bytes.count else { throw endOfInput(inside: stack) }
                let closer = isObject ? ASCII.rightBrace : ASCII.rightBracket
                switch bytes[position] {
                case ASCII.comma:
                    let comma = position
                    position += 1
                    skipWhitespace()
                    if position < bytes.count && bytes[position] == closer {
                        let what = isObject ? "member" : "element"
                        throw error(
                            "trailing comma before '\(Character(Unicode.Scalar(closer)))' (JSON does not allow a comma after the last \(what))",
                            at: comma)
                    }
                    // Refused at the first one too many, before it is read.
                    if isObject && stack[top].members.count >= limits.objectMembers {
                        throw error("an object of more than \(limits.objectMembers) members, the limit for an input", at: position, limit: true)
                    }
                    if !isObject && stack[top].elements.count >= limits.arrayElements {
                        throw error("an array of more than \(limits.arrayElements) elements, the limit for an input", at: position, limit: true)
                    }
                    if isObject {
                        try readKey(into: &stack, expectation: "expected a string key after ',' in an object")
                    }
                    continue nextValue
                case closer:
                    position += 1
                    let container = stack.removeLast()
                    value = container.isObject ? .object(container.members) : .array(container.elements)
                default:
                    throw unexpected(
                        isObject ? "expected ',' or '}' after an object member" : "expected ',' or ']' after an array element",
                        at: position)
                }
            }

            skipWhitespace()
            guard position == bytes.count else {
                throw unexpected("expected the end of the input after the JSON value", at: position)
            }
            return value
        }
    }

    /// Reads `"key" :` for the innermost (object) container, with whitespace skipped before.
    mutating func readKey(into stack: inout [OpenContainer], expectation: String) throws(JSONSyntaxError) {
        let top = stack.count - 1
        guard position < bytes.count else { throw endOfInput(inside: stack) }
        guard bytes[position] == ASCII.quote else {
            if ASCII.isLetter(bytes[position]) {
                throw error("\(expectation), found '\(word(at: position))' (object keys must be in double quotes)", at: position)
            }
            throw unexpected(expectation, at: position)
        }
        let keyStart = position
        try countValue()
        let key = try readString()
        guard stack[top].keys.insert(ExactKey(text: key)).inserted else {
            throw error("duplicate key \(quotedForMessage(key))", at: keyStart)
        }
        skipWhitespace()
        guard position < bytes.count else { throw endOfInput(inside: stack) }
        guard bytes[position] == ASCII.colon else {
            throw unexpected("expected ':' after the key \(quotedForMessage(key))", at: position)
        }
        position += 1
        stack[top].pendingKey = key
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case ASCII.space, ASCII.tab, ASCII.lineFeed, ASCII.carriageReturn:
                position += 1
            default:
                return
            }
        }
    }

    // MARK: Scalars

    mutating func readLiteral() throws(JSONSyntaxError) -> JSON {
        let first = position
        let byte = bytes[first]
        if ASCII.isLetter(byte) {
            var end = first
            while end < bytes.count && ASCII.isWordByte(bytes[end]) { end += 1 }
            let length = end - first
            if length == 4 && bytes[first] == 0x74 && bytes[first + 1] == 0x72 && bytes[first + 2] == 0x75 && bytes[first + 3] == 0x65 {
                position = end
                return .bool(true)
            }
            if length == 5 && bytes[first] == 0x66 && bytes[first + 1] == 0x61 && bytes[first + 2] == 0x6C
                && bytes[first + 3] == 0x73 && bytes[first + 4] == 0x65 {
                position = end
                return .bool(false)
            }
            if length == 4 && bytes[first] == 0x6E && bytes[first + 1] == 0x75 && bytes[first + 2] == 0x6C && bytes[first + 3] == 0x6C {
                position = end
                return .null
            }
        }
        if byte == ASCII.plus {
            throw error("invalid number '\(numberLikeText(at: first))': a number cannot start with '+'", at: first)
        }
        if byte == ASCII.dot {
            throw error(
                "invalid number '\(numberLikeText(at: first))': a number must start with a digit (write 0.5, not .5)",
                at: first)
        }
        throw unexpected("expected a JSON value", at: first)
    }

    mutating func readNumber() throws(JSONSyntaxError) -> JSON {
        let first = position
        if bytes[position] == ASCII.minus { position += 1 }
        guard position < bytes.count && ASCII.isDigit(bytes[position]) else {
            throw error("invalid number: expected a digit after '-', found \(found(at: position))", at: first)
        }
        if bytes[position] == ASCII.zero {
            position += 1
            if position < bytes.count && ASCII.isDigit(bytes[position]) {
                throw error("invalid number '\(numberLikeText(at: first))': leading zeros are not allowed", at: first)
            }
        } else {
            skipDigits()
        }
        if position < bytes.count && bytes[position] == ASCII.dot {
            position += 1
            guard position < bytes.count && ASCII.isDigit(bytes[position]) else {
                throw error(
                    "invalid number '\(numberLikeText(at: first))': expected a digit after the decimal point",
                    at: first)
            }
            skipDigits()
        }
        if position < bytes.count && (bytes[position] == ASCII.lowerE || bytes[position] == ASCII.upperE) {
            position += 1
            if position < bytes.count && (bytes[position] == ASCII.plus || bytes[position] == ASCII.minus) {
                position += 1
            }
            guard position < bytes.count && ASCII.isDigit(bytes[position]) else {
                throw error("invalid number '\(numberLikeText(at: first))': expected a digit in the exponent", at: first)
            }
            skipDigits()
        }
        let text = String(decoding: bytes[first..<position], as: UTF8.self)
        guard let value = exactValue(first..<position) ?? Double(text), value.isFinite else {
            throw error("number \(abbreviated(first..<position)) is too large for a 64-bit float", at: first, limit: true)
        }
        return .number(value, text: text)
    }

    /// The value of a well-formed number by Clinger's fast path, or nil to leave it to `Double(_:)`:
    /// when its digits make an integer m ≤ 2⁵³ and its decimal exponent s is within ±22, m and 10^|s|
    /// are exact Doubles, so one multiplication or division rounds correctly (most inputs: 0.25, -1.5e-3).
    func exactValue(_ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        let negative = bytes[index] == ASCII.minus
        if negative { index += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var afterDot = false
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == ASCII.dot {
                afterDot = true
            } else if ASCII.isDigit(byte) {
                if mantissa != 0 || byte != ASCII.zero {
                    guard digits < 16 else { return nil }
                    mantissa = mantissa * 10 + UInt64(byte - ASCII.zero)
                    digits += 1
                }
                if afterDot { scale -= 1 }
            } else {
                break
            }
            index += 1
        }
        if index < range.upperBound {
            index += 1  // 'e' or 'E'
            let negativeExponent = bytes[index] == ASCII.minus
            if bytes[index] == ASCII.minus || bytes[index] == ASCII.plus { index += 1 }
            var exponent = 0
            while index < range.upperBound {
                guard exponent < 1_000 else { return nil }
                exponent = exponent * 10 + Int(bytes[index] - ASCII.zero)
                index += 1
            }
            scale += negativeExponent ? -exponent : exponent
        }
        guard mantissa <= 1 << 53, (-22...22).contains(scale) else { return mantissa == 0 ? (negative ? -0.0 : 0) : nil }
        let magnitude = scale >= 0 ? Double(mantissa) * exactPowersOfTen[scale] : Double(mantissa) / exactPowersOfTen[-scale]
        return negative ? -magnitude : magnitude
    }

    mutating func skipDigits() {
        while position < bytes.count && ASCII.isDigit(bytes[position]) { position += 1 }
    }

    /// The run of number-like characters at `offset`, for messages about malformed numbers.
    func numberLikeText(at offset: Int) -> String {
        var end = offset
        while end < bytes.count {
            let byte = bytes[end]
            guard ASCII.isDigit(byte) || byte == ASCII.dot || byte == ASCII.plus || byte == ASCII.minus
                || byte == ASCII.lowerE || byte == ASCII.upperE else { break }
            end += 1
        }
        return abbreviated(offset..<end)
    }

    // MARK: Strings

    /// Reads a string starting at the opening quote under `position`.
    mutating func readString() throws(JSONSyntaxError) -> String {
        let opening = position
        position += 1
        var segmentStart = position
        var decoded: [UInt8] = []
        var hasEscapes = false
        // Unicode scalars so far: an escape or a UTF-8 sequence is one.
        var length = 0
        while position < bytes.count {
            let byte = bytes[position]
            length += 1
            if length > limits.stringLength && byte != ASCII.quote {
                throw error("a string of more than \(limits.stringLength) characters, the limit for a key, a label or a name", at: opening, limit: true)
            }
            if byte == ASCII.quote {
                let string: String
                if hasEscapes {
                    decoded.append(contentsOf: bytes[segmentStart..<position])
                    string = String(decoding: decoded, as: UTF8.self)
                } else {
                    string = String(decoding: bytes[segmentStart..<position], as: UTF8.self)
                }
                position += 1
                return string
            } else if byte == ASCII.backslash {
                decoded.append(contentsOf: bytes[segmentStart..<position])
                hasEscapes = true
                try readEscape(into: &decoded, opening: opening)
                segmentStart = position
            } else if byte < 0x20 {
                throw controlCharacterError(byte, at: position)
            } else if byte < 0x80 {
                position += 1
            } else {
                guard let length = utf8SequenceLength(at: position) else {
                    throw error("invalid UTF-8", at: position)
                }
                position += length
            }
        }
        throw unterminatedString(opening: opening)
    }

    func unterminatedString(opening: Int) -> JSONSyntaxError {
        error("unterminated string: the string that starts at \(place(of: opening)) has no closing '\"'", at: bytes.count)
    }

    func controlCharacterError(_ byte: UInt8, at offset: Int) -> JSONSyntaxError {
        switch byte {
        case ASCII.lineFeed, ASCII.carriageReturn:
            return error(
                "unescaped line break in a string (close the string with '\"' before the end of the line, or write \\n)",
                at: offset)
        case ASCII.tab:
            return error("unescaped tab in a string (write \\t)", at: offset)
        default:
            let code = codePoint(UInt32(byte))
            return error("unescaped control character U+\(code) in a string (write \\u\(code))", at: offset)
        }
    }

    /// Reads one escape sequence starting at the backslash under `position`.
    mutating func readEscape(into decoded: inout [UInt8], opening: Int) throws(JSONSyntaxError) {
        let backslash = position
        guard backslash + 1 < bytes.count else { throw unterminatedString(opening: opening) }
        let letter = bytes[backslash + 1]
        let simple: UInt8?
        switch letter {
        case ASCII.quote: simple = ASCII.quote
        case ASCII.backslash: simple = ASCII.backslash
        case ASCII.slash: simple = ASCII.slash
        case 0x62: simple = 0x08  // b
        case 0x66: simple = 0x0C  // f
        case 0x6E: simple = 0x0A  // n
        case 0x72: simple = 0x0D  // r
        case 0x74: simple = 0x09  // t
        case ASCII.lowerU: simple = nil
        default:
            if letter >= 0x80 && utf8SequenceLength(at: backslash + 1) == nil {
                throw error("invalid UTF-8", at: backslash + 1)
            }
            let shown = letter > 0x20 && letter < 0x7F
                ? "'\\\(Character(Unicode.Scalar(letter)))'"
                : "'\\' followed by \(found(at: backslash + 1))"
            throw error(
                "invalid escape \(shown) in a string (JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)",
                at: backslash)
        }
        if let simple {
            decoded.append(simple)
            position += 2
            return
        }
        guard let unit = hexQuad(at: backslash + 2) else {
            throw error("invalid escape: '\\u' must be followed by four hex digits", at: backslash)
        }
        position += 6
        var scalar = unit
        if unit >= 0xD800 && unit <= 0xDBFF {
            guard position + 1 < bytes.count, bytes[position] == ASCII.backslash, bytes[position + 1] == ASCII.lowerU,
                  let low = hexQuad(at: position + 2), low >= 0xDC00 && low <= 0xDFFF else {
                throw error(
                    "invalid surrogate pair: \\u\(codePoint(unit)) is a high surrogate and must be followed by a low surrogate \\uDC00 to \\uDFFF",
                    at: backslash)
            }
            position += 6
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        } else if unit >= 0xDC00 && unit <= 0xDFFF {
            throw error(
                "invalid surrogate pair: \\u\(codePoint(unit)) is a low surrogate without a high surrogate \\uD800 to \\uDBFF before it",
                at: backslash)
        }
        appendUTF8(scalar, to: &decoded)
    }

    /// The value of four hex digits at `offset`, or nil.
    func hexQuad(at offset: Int) -> UInt32? {
        guard offset >= 0 && offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for index in offset..<(offset + 4) {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: UTF-8

    /// The length of the well-formed UTF-8 sequence at `offset` (RFC 3629: no overlong forms,
    /// no surrogates, nothing above U+10FFFF), or nil.
    func utf8SequenceLength(at offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        let second = bytes[offset + 1]
        guard second >= secondLow && second <= secondHigh else { return nil }
        for index in (offset + 2)..<(offset + length) where bytes[index] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }

    /// The scalar of the well-formed UTF-8 sequence at `offset`, or nil.
    func scalar(at offset: Int) -> Unicode.Scalar? {
        guard let length = utf8SequenceLength(at: offset) else { return nil }
        var value = UInt32(bytes[offset])
        switch length {
        case 2: value &= 0x1F
        case 3: value &= 0x0F
        case 4: value &= 0x07
        default: break
        }
        for index in (offset + 1)..<(offset + length) {
            value = value << 6 | UInt32(bytes[index] & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | value >> 6))
            out.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | value >> 12))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(UInt8(0xF0 | value >> 18 & 0x07))
            out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        }
    }

    // MARK: Errors

    func error(_ message: String, at offset: Int, limit: Bool = false) -> JSONSyntaxError {
        let (line, column) = location(of: offset)
        return JSONSyntaxError(message: message, line: line, column: column, isLimit: limit)
    }

    /// "expected X, found Y", or "invalid UTF-8" when the bytes at `offset` are not UTF-8.
    func unexpected(_ expectation: String, at offset: Int) -> JSONSyntaxError {
        if offset < bytes.count && bytes[offset] >= 0x80 && utf8SequenceLength(at: offset) == nil {
            return error("invalid UTF-8", at: offset)
        }
        return error("\(expectation), found \(found(at: offset))", at: offset)
    }

    /// The error for running out of input while arrays, objects or both are still open.
    func endOfInput(inside stack: [OpenContainer]) -> JSONSyntaxError {
        guard let innermost = stack.last else {
            return error("expected a JSON value, found the end of the input", at: bytes.count)
        }
        let kind = innermost.isObject ? "object" : "array"
        let bracket = innermost.isObject ? "{" : "["
        return error(
            "unterminated \(kind): the '\(bracket)' at \(place(of: innermost.opening)) is never closed",
            at: bytes.count)
    }

    /// A description of what is at `offset`, with a hint for common mistakes.
    func found(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the input" }
        let byte = bytes[offset]
        switch byte {
        case _ where ASCII.isLetter(byte):
            let text = word(at: offset)
            switch text.lowercased() {
            case "nan", "infinity", "inf":
                return "'\(text)' (JSON has no NaN or Infinity)"
            case "true", "false", "null":
                return "'\(text)' (JSON's true, false and null are lowercase)"
            default:
                return "'\(text)'"
            }
        case ASCII.apostrophe:
            return "a single quote (JSON strings use double quotes)"
        case ASCII.slash:
            let next = offset + 1 < bytes.count ? bytes[offset + 1] : 0
            if next == ASCII.slash || next == ASCII.star {
                return "a comment (JSON does not allow comments)"
            }
            return "'/'"
        case ASCII.hash:
            return "'#' (JSON does not allow comments)"
        case 0x21...0x7E:
            return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x00..<0x20, 0x7F:
            return "the control character U+\(codePoint(UInt32(byte)))"
        default:
            guard let scalar = scalar(at: offset) else { return "invalid UTF-8" }
            switch scalar.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse,
                 .unassigned, .surrogate, .nonspacingMark, .spacingMark, .enclosingMark:
                return "the character U+\(codePoint(scalar.value))"
            default:
                return "'\(Character(scalar))'"
            }
        }
    }

    /// The identifier-like word at `offset` (letters, digits, '_'), shortened.
    func word(at offset: Int) -> String {
        var end = offset
        while end < bytes.count && ASCII.isWordByte(bytes[end]) { end += 1 }
        return abbreviated(offset..<end)
    }

    /// The ASCII bytes in `range` shortened for a message (the first 24, "...", the last 12), without
    /// decoding the middle of a long run.
    func abbreviated(_ range: Range<Int>) -> String {
        guard range.count > 40 else { return String(decoding: bytes[range], as: UTF8.self) }
        return String(decoding: bytes[range.prefix(24)], as: UTF8.self) + "..."
            + String(decoding: bytes[range.suffix(12)], as: UTF8.self)
    }

    func place(of offset: Int) -> String {
        let (line, column) = location(of: offset)
        return "line \(line), column \(column)"
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = start
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == ASCII.lineFeed {
                if index == start || bytes[index - 1] != ASCII.carriageReturn {
                    line += 1
                    column = 1
                }
            } else if byte == ASCII.carriageReturn {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }
}
