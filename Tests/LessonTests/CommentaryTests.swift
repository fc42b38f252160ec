// The commentary of attention-qkv, positional-encoding and layer-norm follows the numbers beside it:
// every sentence that names a token, a weight, a verdict or a count is checked here against the
// values of the same run, for the default and every named example, forward and backward, and for
// inputs made to turn each sentence the other way (ties, an even row, a masked row, a refuting
// diagonal, repeated positions, a constant row). The seed notes' box has its form and its place.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct AttentionCommentaryTests {
    static let lessons: [any Lesson.Type] = [AttentionQKV.self, PositionalEncoding.self, LayerNorm.self]

    static let examples: [ExampleCase] = lessons.flatMap { lesson in lesson.examples.map { ExampleCase(lesson: lesson.id, example: $0.name) } }

    /// The Markdown of a run and its trace: an example (with its claims) or an input of our own.
    func note(_ lesson: any Lesson.Type, _ input: JSON? = nil, example name: String = "default", backward: Bool = false) throws -> (text: String, trace: Trace) {
        let example = try #require(lesson.examples.first { $0.name == name })
        let trace = input == nil
            ? try lesson.run(example.input, file: example.file, example: example, claims: try example.claimSet(), backward: backward)
            : try lesson.trace(try #require(input), file: "x", example: nil, backward: backward)
        return (MarkdownRenderer(command: "lesson \(lesson.id)").render(trace), trace)
    }

    func input(_ text: String) throws -> JSON { try JSON.parse(Array(text.utf8)) }

    func matrix(_ trace: Trace, _ name: String) throws -> Matrix { try #require(trace[name]).value.matrix }

    /// The lines of the box "What the seed notes say, and what the numbers show", or nil without one.
    func bullets(_ text: String) -> [Substring]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "## What the seed notes say, and what the numbers show") else { return nil }
        return lines[(start + 1)...].prefix { !$0.hasPrefix("#") }.filter { !$0.isEmpty }
    }

    // MARK: Every example

    @Test(arguments: examples)
    func theSeedBoxHasItsFormAndItsPlace(_ c: ExampleCase) throws {
        let lesson = try #require(Lessons.named(c.lesson))
        // Positional encoding without x has no backward pass.
        let withoutX = c.lesson == "positional-encoding" && lesson.examples.first { $0.name == c.example }?.input["x"] == nil
        for backward in withoutX ? [false] : [false, true] {
            let (text, _) = try note(lesson, example: c.example, backward: backward)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard let box = lines.firstIndex(of: "## What the seed notes say, and what the numbers show") else { continue }
            // Just before the summary: the next heading is "## Summary".
            #expect(lines[(box + 1)...].first { $0.hasPrefix("#") } == "## Summary", "\(c)")
            let form = #/^- Seed 00[0-4]: “.+” (Confirmed|Refuted|Not always|Partly|Incomplete|Only when [^:]+):? .+\.$/#
            for bullet in try #require(bullets(text)) {
                #expect(bullet.wholeMatch(of: form) != nil, "\(c): \(bullet)")
            }
        }
    }

    @Test(arguments: examples)
    func notesSayNothingAboutTheTool(_ c: ExampleCase) throws {
        let lesson = try #require(Lessons.named(c.lesson))
        let (text, _) = try note(lesson, example: c.example)
        for phrase in ["Not in the input", "initial value", "`causal: true`", "`layout:", "cut to their corners", "⟦"] {
            #expect(!text.contains(phrase), "\(c): \(phrase)")
        }
    }

    // MARK: attention-qkv

    /// Each row's phrase in the weights' caption names the key with the largest weight and, for a
    /// peaked row, a largest weight over twice the next.
    @Test(arguments: AttentionQKV.examples.map(\.name))
    func eachRowNamesTheKeyItWeighsMost(_ name: String) throws {
        let (text, trace) = try note(AttentionQKV.self, example: name)
        let a = try matrix(trace, "weights")
        let tokens = AttentionQKV.examples.first { $0.name == name }?.input["tokens"].flatMap { json -> [String]? in
            guard case .array(let items) = json else { return nil }
            return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        }
        let names = tokens ?? (1...a.rows).map { "token \($0)" }
        let caption = try #require(text.split(separator: "\n").first { $0.hasPrefix("“\(names[0])”") || $0.hasPrefix("token 1 ") })
        let phrase = #/“([^”]+)” (is peaked on |is spread \(|sees only |spreads evenly|weighs )(itself|“([^”]+)”)?/#
        var seen = 0
        for match in caption.matches(of: phrase) {
            let row = try #require(names.firstIndex(of: String(match.1)))
            let largest = (0..<a.cols).map { a[row, $0] }.max() ?? 0
            if let key = match.4.map(String.init) ?? (match.3 == "itself" ? names[row] : nil) {
                let column = try #require(names.firstIndex(of: key))
                #expect(abs(a[row, column] - largest) < 1e-12, "\(name): \(match.0)")
            }
            if match.2 == "is peaked on " {
                let sorted = (0..<a.cols).map { a[row, $0] }.sorted(by: >)
                #expect(sorted[0] > 2 * sorted[1], "\(name): \(match.0)")
            }
            seen += 1
        }
        // Rows whose query is 0 are said together: “e”, “l” and “o” have query 0.
        let q = try matrix(trace, "Q")
        if let group = caption.firstMatch(of: #/([^;]+) ha(?:s|ve) query 0/#) {
            for match in group.1.matches(of: #/“([^”]+)”/#) {
                let row = try #require(names.firstIndex(of: String(match.1)))
                #expect((0..<q.cols).allSatisfy { q[row, $0] == 0 }, "\(name): \(match.1)")
                seen += 1
            }
        }
        #expect(seen == a.rows, "\(name): \(caption)")
    }

    @Test func theDefaultNoteRefutesItselfHighestWithItsDiagonal() throws {
        let (text, trace) = try note(AttentionQKV.self)
        let a = try matrix(trace, "weights")
        // No token of “The cat sat” weighs itself most: the seed statement is refuted by every row.
        #expect((0..<a.rows).allSatisfy { i in (0..<a.cols).contains { a[i, $0] > a[i, i] } })
        let box = try #require(bullets(text))
        #expect(box.contains { $0.contains("relates most to itself") && $0.contains("Refuted: “The”, “cat” and “sat” each weigh another token more")
                && $0.contains(NumberStyle(precision: 2).fixed(a[0, 0])) })
        // d_k = 4, d_v = 2: k · v does not exist, and the seed's K · V is refuted.
        #expect(try matrix(trace, "K").cols != matrix(trace, "V").cols)
        #expect(box.contains { $0.contains("dot product of K and V") && $0.contains("Refuted: at these widths $k \\cdot v$ does not exist") })
    }

    @Test func aTokenThatWeighsItselfMostConfirmsTheSeed() throws {
        // X = I, W_Q = W_K = I: each query matches its own key best.
        let json = try input(#"{"x": [[1, 0], [0, 1]], "w_q": [[2, 0], [0, 2]], "w_k": [[1, 0], [0, 1]], "w_v": [[1, 0], [0, 1]], "tokens": ["a", "b"]}"#)
        let (text, _) = try note(AttentionQKV.self, json)
        let box = try #require(bullets(text))
        #expect(box.contains { $0.contains("relates most to itself") && $0.contains("Confirmed") })
        #expect(text.contains("“a” is peaked on itself"))
    }

    @Test func tiesEvenRowsAndMaskedRowsAreSaidAsTheyAre() throws {
        // Tokens 2 and 3 are alike, so row 1 ties their keys; row 2's query is 0, so it spreads evenly;
        // with the mask, row 1 sees only itself.
        let json = try input(#"{"x": [[1, 0], [0, 1], [0, 1]], "w_q": [[1], [0]], "w_k": [[0], [1]], "w_v": [[1], [1]]}"#)
        let (text, _) = try note(AttentionQKV.self, json)
        #expect(text.contains("token 1 weighs token 2 and token 3 equally"))
        #expect(text.contains("token 2 and token 3 have query 0, so every key gets 0.33"))
        let causal = try note(AttentionQKV.self, json.setting("causal", .bool(true))).text
        #expect(causal.contains("token 1 sees only itself (1)"))
        #expect(causal.contains("token 2 and token 3 have query 0, so each weighs the keys it sees alike"))
        #expect(causal.contains("every weight above the diagonal of $A$ is 0"))
    }

    @Test func theUndividedSoftmaxIsComputed() throws {
        let (text, trace) = try note(AttentionQKV.self, example: "illustrated-transformer")
        let s = try matrix(trace, "scores")
        // Row “Thinking”, the only one the source gives: 112 and 96 undivided.
        let undivided = 1 / (1 + Foundation.exp(s[0, 1] - s[0, 0]))
        #expect(try #require(bullets(text)).contains { $0.contains("undivided, “Thinking”'s top weight is \(NumberStyle(precision: 4).fixed(undivided))") })
        #expect(try #require(bullets(text)).contains { $0.contains("0.88, with Machines 0.12") && $0.contains("Confirmed") })
    }

    @Test func onlyASlideSizedInputGetsTheBox() throws {
        let row = "[" + Array(repeating: "0.1", count: 2).joined(separator: ", ") + "]"
        let x = "[" + Array(repeating: row, count: 65).joined(separator: ", ") + "]"
        let json = try input(#"{"x": \#(x), "w_q": [[1], [0]], "w_k": [[1], [1]], "w_v": [[1], [0]]}"#)
        #expect(bullets(try note(AttentionQKV.self, json).text) == nil)
    }

    // MARK: positional-encoding

    @Test func theDotProductOfNeighboursIsSaidOnlyWhereItHolds() throws {
        let (text, trace) = try note(PositionalEncoding.self)
        let pe = try matrix(trace, "PE")
        let dot = (0..<pe.cols).reduce(0.0) { $0 + pe[0, $1] * pe[1, $1] }
        #expect(text.contains(#"$PE_{pos} \cdot PE_{pos+1} = \cos(1.0000) + \cos(0.0100) = \#(NumberStyle(precision: 4).fixed(dot))$"#))
        // Unevenly spaced positions, or an odd width (a sine without its cosine): no such sentence.
        for fields in [#"{"positions": [0, 1, 3], "d_model": 4}"#, #"{"positions": 4, "d_model": 5}"#] {
            #expect(!(try note(PositionalEncoding.self, try input(fields)).text.contains(#"PE_{pos} \cdot PE_{pos+1} ="#)), "\(fields)")
        }
    }

    @Test func theSeedsPositionStatementsFollowTheRows() throws {
        let box = try #require(bullets(try note(PositionalEncoding.self).text))
        #expect(box.contains { $0.contains("“$i$ is the position.” Refuted") && $0.contains(#"$\sin(3/100) = 0.0300$"#) })
        #expect(box.contains { $0.contains("encoding vector different") && $0.contains("Confirmed") })
        // A position given twice gets the same row twice.
        let repeated = try #require(bullets(try note(PositionalEncoding.self, try input(#"{"positions": [0, 2, 2], "d_model": 4}"#)).text))
        #expect(repeated.contains { $0.contains("Only when the positions differ: rows 2 and 3 are both position 2") })
    }

    @Test func thePairsSpeedsAreTheDivisors() throws {
        let text = try note(PositionalEncoding.self, example: "machine-learning-mastery").text
        #expect(text.contains("Pair 0 turns one radian per 1 position, pair 1 per 10 positions."))
        let slower = try note(PositionalEncoding.self, try input(#"{"positions": 3, "d_model": 4, "base": 0.25}"#)).text
        #expect(slower.contains("pair 1 per 0.50 positions"))
    }

    // MARK: layer-norm

    @Test func meanZeroVarianceOneHoldsForTheNormalizedRows() throws {
        let (text, trace) = try note(LayerNorm.self)
        let y = try matrix(trace, "output")
        let mean = (0..<y.cols).reduce(0.0) { $0 + y[0, $1] } / Double(y.cols)
        let box = try #require(bullets(text))
        #expect(box.contains { $0.contains(#"Confirmed for $\hat X$, before the slide's affine step"#) && $0.contains(NumberStyle(precision: 4).fixed(mean)) })
        #expect(box.contains { $0.contains("“cat” has $\\mu = 3$") && $0.contains("“CAT” $\\mu = 16$") })
        #expect(text.contains("“cat” and “CAT” are now the same to 4 decimals"))
        // Raschka's rows: γ = 1, β = 0, so the output itself has mean 0 and variance 1.
        let raschka = try #require(bullets(try note(LayerNorm.self, example: "raschka-llm-from-scratch").text))
        #expect(raschka.contains { $0.contains("Confirmed for $\\hat X$") && $0.contains("$\\gamma = 1$ and $\\beta = 0$ leave them so") })
        // A constant row normalizes to 0, not to variance 1.
        let constant = try #require(bullets(try note(LayerNorm.self, try input(#"{"input": [[2, 2, 2], [1, 2, 3]]}"#)).text))
        #expect(constant.contains { $0.contains("Only when $\\sigma^{2}$ is far above $\\epsilon$: row 1") })
    }

    @Test func rowsThatDifferAreNotCalledTheSame() throws {
        let text = try note(LayerNorm.self, try input(#"{"input": [[1, 2, 4], [1, 3, 4]]}"#)).text
        #expect(!text.contains("now the same"))
    }

    // MARK: The math GitHub draws as written

    /// Inline math with nothing GitHub's Markdown would change: no `_` after a character that is not
    /// a letter or digit, no backslash before ASCII punctuation (the rule of NotesFormTests, here on
    /// the inputs that switch to other words).
    @Test func inlineMathIsSafeUnderEveryConvention() throws {
        let variants: [(any Lesson.Type, String)] = [
            (LayerNorm.self, #"{"input": [[1, 2, 3]], "variance": "unbiased", "eps_placement": "outside"}"#),
            (LayerNorm.self, #"{"input": [[1, 2, 3]], "eps_placement": "outside"}"#),
            (PositionalEncoding.self, #"{"positions": 3, "d_model": 6, "layout": "concatenated", "x": [[0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1], [0, 1, 0, 1, 0, 1]]}"#),
            (AttentionQKV.self, #"{"x": [[1, 0], [0, 1]], "w_q": [[1], [1]], "w_k": [[1], [2]], "w_v": [[1], [0]], "causal": true}"#),
        ]
        for (lesson, fields) in variants {
            for backward in [false, true] {
                let text = try note(lesson, try input(fields), backward: backward).text
                var display = false
                for line in text.split(separator: "\n") {
                    if line == "```math" || (display && line == "```") { display.toggle(); continue }
                    if display { continue }
                    let spans = line.split(separator: "$", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                    for span in spans {
                        let characters = Array(span)
                        for (i, c) in characters.enumerated() where i > 0 {
                            #expect(!(c == "_" && !(characters[i - 1].isLetter || characters[i - 1].isNumber)), "\(lesson.id): $\(span)$")
                            #expect(!(characters[i - 1] == "\\" && ",;!{}|_".contains(c)), "\(lesson.id): $\(span)$")
                        }
                    }
                }
            }
        }
    }
}
