// attention-qkv's box "What the seed notes say, and what the numbers show": every number a bullet
// quotes is recomputed here from the values of the same run, and every verdict is the one the
// numbers give (Confirmed when every row holds, Not always when some do, Refuted when none does),
// for the default and every named example and for inputs made to turn each verdict.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct AttentionSlidesTests {
    /// The helpers of the other attention-qkv tests: a run's Markdown and trace, an input, a matrix.
    let shared = AttentionCommentaryTests()

    func note(_ input: JSON? = nil, example name: String = "default", backward: Bool = false) throws -> (text: String, trace: Trace) {
        try shared.note(AttentionQKV.self, input, example: name, backward: backward)
    }

    func input(_ text: String) throws -> JSON { try shared.input(text) }

    func matrix(_ trace: Trace, _ name: String) throws -> Matrix { try shared.matrix(trace, name) }

    /// The box's bullets, or none.
    func bullets(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "## What the seed notes say, and what the numbers show") else { return [] }
        return lines[(start + 1)...].prefix { !$0.hasPrefix("#") }.filter { !$0.isEmpty }.map(String.init)
    }

    /// The bullet that quotes `statement`, if any.
    func bullet(_ text: String, _ statement: String) -> String? { bullets(text).first { $0.contains(statement) } }

    /// `1, 2.2, -3` as numbers.
    func numbers(_ list: Substring) -> [Double] { list.split(separator: ", ").compactMap { Double($0) } }

    static let names = AttentionQKV.examples.map(\.name)

    // MARK: Seed 004: the softmax of the quoted scores

    /// The numbers the seed 004 bullet gives as “their softmax” are the softmax of the raw scores it
    /// quotes, those scores are a row of S (the keys the query sees), and the sum is theirs.
    @Test(arguments: names)
    func theSeed004BulletsSoftmaxIsTheSoftmaxOfItsScores(_ name: String) throws {
        for backward in [false, true] {
            let (text, trace) = try note(example: name, backward: backward)
            let said = try #require(bullet(text, "c_{4} = "), "\(name): no seed 004 bullet")
            let form = #/scores ([-0-9., ]+) \(here after the projections\) sum to ([-0-9.]+), not 1; their softmax is ([-0-9., ]+)\.$/#
            let match = try #require(said.firstMatch(of: form), "\(name): \(said)")
            let (scores, total, softmax) = (numbers(match.1), try #require(Double(match.2)), numbers(match.3))
            #expect(scores.count == softmax.count && scores.count > 1, "\(said)")
            #expect(abs(scores.reduce(0, +) - total) < 1e-9, "\(said)")
            let top = scores.max() ?? 0
            let e = scores.map { Foundation.exp($0 - top) }
            for (quoted, exact) in zip(softmax, e.map { $0 / e.reduce(0, +) }) {
                #expect(abs(quoted - exact) <= 0.00005 + 1e-12, "\(name): \(quoted) vs \(exact)")
            }
            // The scores are one row of S, over the keys its query sees.
            let s = try matrix(trace, "scores")
            let scaled = try matrix(trace, "scaled")
            let rows = (0..<s.rows).filter { i in
                let seen = (0..<s.cols).filter { scaled[i, $0].isFinite }
                return seen.count == scores.count && zip(seen, scores).allSatisfy { abs(s[i, $0.0] - $0.1) < 1e-9 }
            }
            #expect(!rows.isEmpty, "\(name): \(scores) is no row of S")
            #expect(said.contains("Incomplete: it has no softmax (the seed adds it later), nor projections or scaling"))
        }
    }

    /// The √d_k bullet quotes the same row: its undivided top weight is the largest of the seed 004
    /// bullet's softmax, and its divided one is A's.
    @Test func theScalingBulletQuotesTheSameRow() throws {
        let (text, trace) = try note()
        let a = try matrix(trace, "weights")
        let said = try #require(bullet(text, "Without dividing by"))
        #expect(said.contains("undivided, “sat”'s top weight is 0.8776 (above); divided by 2, \(NumberStyle(precision: 4).fixed(a[2, 1]))."))
        #expect(try #require(bullet(text, "c_{4} = ")).contains("“sat”'s scores 0.25, 5.75, 3.75 (here after the projections) sum to 9.75, not 1; their softmax is 0.0036, 0.8776, 0.1188."))
    }

    // MARK: Self-similarity: Confirmed, Not always, Refuted

    /// Seed 001 on X Xᵀ: “The” and “cat” hold, “sat” ties with “cat”: Not always, with X Xᵀ's rows shown.
    @Test func plainDotProductsAreNotAlwaysLargestOnThemselves() throws {
        let said = try #require(bullet(try note().text, "With plain dot products"))
        #expect(said.contains("Not always: in $X X^{\\top}$ (rows (2, 0, 1), (0, 5, 3) and (1, 3, 3)), “sat” · “cat” = “sat” · “sat” = 3"))
        #expect(said.contains("“cat” · “cat” = 5"))
        // X = I (the Illustrated Transformer's chosen vectors) says nothing either way.
        #expect(bullet(try note(example: "illustrated-transformer").text, "With plain dot products") == nil)
        // Every row strictly largest on itself: Confirmed; a row repeated, so no row is: Refuted.
        let held = try note(try input(#"{"x": [[2, 0], [1, 2]], "w_q": [[1], [0]], "w_k": [[1], [0]], "w_v": [[1], [0]]}"#)).text
        #expect(try #require(bullet(held, "With plain dot products")).contains("Confirmed"))
        let twice = try note(try input(#"{"x": [[1, 2], [1, 2]], "w_q": [[1], [0]], "w_k": [[1], [0]], "w_v": [[1], [0]]}"#)).text
        #expect(try #require(bullet(twice, "With plain dot products")).contains("Refuted: in $X X^{\\top}$"))
    }

    /// Seed 000 on A's diagonal: Refuted only when every row fails, Not always when some hold; a
    /// failing row whose query the source does not give says so.
    @Test func aTokenWeighingItselfMostIsNotAlwaysSo() throws {
        let refuted = try #require(bullet(try note().text, "relates most to itself"))
        #expect(refuted.contains("Refuted: “The”, “cat” and “sat” each weigh another token more (0.16, 0.35 and 0.26 on themselves)"))
        #expect(refuted.contains("nothing forces the diagonal of $A$ to be largest"))
        let causal = try #require(bullet(try note(example: "causal").text, "relates most to itself"))
        #expect(causal.contains("Not always: “cat” weighs itself most (0.71), but “sat” weighs another token more (0.26 on itself)"))
        let (text, trace) = try note(example: "illustrated-transformer")
        let a = try matrix(trace, "weights")
        #expect(a[0, 0] > a[0, 1] && a[1, 1] < a[1, 0])
        let thinking = try #require(bullet(text, "relates most to itself"))
        #expect(thinking.contains("Not always: “Thinking” weighs itself most (0.88), but “Machines” (its query chosen here, not the source's)"))
    }

    // MARK: Seed 000: K · V, widths; seed 003: a weighted average

    @Test func keysAndValuesAreRefutedOnlyWhereTheNumbersDoSo() throws {
        // d_k = 4 ≠ d_v = 2: k · v does not exist; the widths statement holds with O 3 × 2.
        let text = try note().text
        #expect(try #require(bullet(text, "K and V")).contains("at these widths $k \\cdot v$ does not exist"))
        #expect(try #require(bullet(text, "the same width")).contains("Confirmed: $d_{k} = 4$, $d_{v} = 2$, $O$ is 3 × 2."))
        // Karim's d_k = d_v = 3: q₁ · k₁ against k₁ · v₁, both from the trace.
        let (karim, trace) = try note(example: "illustrated-self-attention")
        let (s, k, v) = (try matrix(trace, "scores"), try matrix(trace, "K"), try matrix(trace, "V"))
        let kv = (0..<k.cols).reduce(0.0) { $0 + k[0, $1] * v[0, $1] }
        #expect(s[0, 0] != kv)
        #expect(try #require(bullet(karim, "K and V")).contains("$q_{1} \\cdot k_{1} = \(numberLabel(s[0, 0]))$, but $k_{1} \\cdot v_{1} = \(numberLabel(kv))$"))
        #expect(bullet(karim, "the same width") == nil)
        // The Illustrated Transformer: v₁ = q₁, so the source's row cannot tell Q · K from K · V.
        #expect(bullet(try note(example: "illustrated-transformer").text, "K and V") == nil)
    }

    @Test func theOutputIsAWeightedAverageNotAPick() throws {
        let (text, trace) = try note()
        let (o, v) = (try matrix(trace, "output"), try matrix(trace, "V"))
        func two(_ xs: [Double]) -> String { "(" + xs.map { NumberStyle(precision: 2).fixed($0) }.joined(separator: ", ") + ")" }
        let said = try #require(bullet(text, "finds the most similar value"))
        let sum = (0..<v.cols).map { c in (0..<v.rows).reduce(0.0) { $0 + v[$1, c] } }
        #expect(said.contains("Partly: the largest weight of row 3 of $A$ falls on “cat”, but $o_{3}$ = \(two([o[2, 0], o[2, 1]])) is neither “cat”'s value \(two([v[1, 0], v[1, 1]])) nor the sum of the values \(two(sum))"))
        // The Illustrated Transformer's v₁ + v₂ = v₁: nothing to tell apart, no bullet.
        #expect(bullet(try note(example: "illustrated-transformer").text, "finds the most similar value") == nil)
    }

    // MARK: The summary and the filler rows

    /// “Each keeps its output row, only moved”: swapping two tokens swaps their output rows, unchanged.
    @Test func shuffledTokensKeepTheirOutputRows() throws {
        let (text, trace) = try note()
        #expect(text.contains("Shuffle the tokens and each keeps its output row"))
        let swapped = try input(#"{"x": [[0, 2, 0, 1], [1, 0, 1, 0], [1, 1, 0, 1]], "w_q": [[0, 1, 0, -1], [-1, -1, 0.5, 1], [0, -1, 0.5, 0], [0.5, 1, 1, 0.5]], "w_k": [[-1, -1, 0.5, 0.5], [0, 0.5, 1, 1], [-1, 0.5, -1, 0.5], [0.5, 0, 1, -1]], "w_v": [[1, 0], [0, 1], [0.5, 0], [0, 0.5]]}"#)
        let (o, moved) = (try matrix(trace, "output"), try matrix(try note(swapped).trace, "output"))
        for (from, to) in [(0, 1), (1, 0), (2, 2)] {
            for c in 0..<o.cols { #expect(abs(o[from, c] - moved[to, c]) < 1e-12) }
        }
    }

    /// “Peaked” and “spread” say what they mean with the numbers beside them.
    @Test func peakedAndSpreadAreSaidWithTheirMeasure() throws {
        let text = try note().text
        #expect(text.contains("“The” is spread (“sat” 0.44, under twice the next, “cat” 0.39)"))
        #expect(text.contains("“sat” is peaked on “cat” (0.70, over twice the next, itself 0.26)"))
    }
}
