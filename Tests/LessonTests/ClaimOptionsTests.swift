// What a claims file can say beyond one number per claim (SPEC "Claims", last paragraph): a
// tolerance or the printed decimals for the whole file, "inf", "-inf" and "nan", and `at` left out
// for a value with one entry.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct ClaimOptionsTests {
    func claims(_ text: String) throws -> ClaimSet { try ClaimSet(try JSON.parse(Array(text.utf8)), file: "claims.json") }

    /// `lesson` run on `input` with the claims `text`, their reasons found.
    func checked(_ lesson: any Lesson.Type, _ input: JSON, _ text: String) throws -> Trace {
        try lesson.run(input, file: "x", example: nil, claims: (try claims(text), "claims.json"))
    }

    /// One token whose query is the weight itself: Q(1, 1) = `q`.
    func oneQuery(_ q: Double) -> JSON {
        .fields(["x": .rows([[1]]), "w_q": .rows([[q]]), "w_k": .rows([[1]]), "w_v": .rows([[1]])])
    }

    @Test func aFileToleranceAppliesToClaimsWithoutTheirOwn() throws {
        let set = try claims(#"{"tolerance": 0.01, "claims": [{"value": "Q", "at": [1, 1], "expected": 0.5}, {"value": "Q", "at": [1, 1], "expected": 0.5, "tolerance": 0.2}]}"#)
        #expect(set.claims.map(\.tolerance) == [0.01, 0.2])
        #expect(set.claims.map(\.fileTolerance) == [true, false])
        let trace = try checked(AttentionQKV.self, oneQuery(0.6), #"{"tolerance": 0.15, "claims": [{"value": "Q", "at": [1, 1], "expected": 0.5}, {"value": "Q", "at": [1, 1], "expected": 0.5, "tolerance": 0.05}]}"#)
        #expect(trace.claims?.verdicts.map(\.holds) == [true, false])
    }

    @Test func fileDecimalsSetTheToleranceAndTheReasonsDecimals() throws {
        // NumPy at precision 4 prints 0.12009 rounded as 0.1201 and 0.12 as "0.12": with the file's
        // decimals "0.12" is claimed to 4 decimals, so it fails, and it is 0.12009 cut, not rounded.
        let set = try claims(#"{"decimals": 4, "claims": [{"value": "Q", "at": [1, 1], "expected": "0.12"}, {"value": "Q", "at": [1, 1], "expected": "1."}]}"#)
        #expect(set.claims.map(\.decimals) == [4, 4])
        #expect(set.claims.allSatisfy { abs($0.tolerance - 0.00005) < 1e-18 })
        let cut = try checked(AttentionQKV.self, oneQuery(0.12009), #"{"decimals": 4, "claims": [{"value": "Q", "at": [1, 1], "expected": "0.12"}]}"#)
        let verdict = try #require(cut.claims?.verdicts.first)
        #expect(!verdict.holds)
        #expect(verdict.reason?.hasPrefix("cut to 4 decimals instead of rounded") == true, "\(verdict.reason ?? "nil")")
        #expect(verdict.reason?.contains("0.1201") == true, "\(verdict.reason ?? "nil")")
        // Without the file's decimals the same "0.12" holds: it is written with 2.
        let loose = try checked(AttentionQKV.self, oneQuery(0.12009), #"{"claims": [{"value": "Q", "at": [1, 1], "expected": "0.12"}]}"#)
        #expect(loose.claimsHold)
        #expect(loose.claims?.verdicts.first?.claim.decimals == 2)
        // "1." at 4 decimals: 1.00004 holds, 1.0001 is one unit off, which nothing gives.
        let held = try checked(AttentionQKV.self, oneQuery(1.00004), #"{"decimals": 4, "claims": [{"value": "Q", "at": [1, 1], "expected": "1."}]}"#)
        #expect(held.claimsHold)
        // The summary does not say "half a unit of its last written decimal" of "1.".
        #expect(MarkdownRenderer(command: "lesson attention-qkv").render(held).contains("All 1 claims hold (each within the tolerance the claims file gives, unless it says otherwise)."))
        let off = try checked(AttentionQKV.self, oneQuery(1.0001), #"{"decimals": 4, "claims": [{"value": "Q", "at": [1, 1], "expected": "1."}]}"#)
        #expect(off.claims?.verdicts.first?.reason == "a slip: no rounding or convention gives it", "\(off.claims?.verdicts.first?.reason ?? "nil")")
        // The summary shows two decimals more than the file's.
        let markdown = MarkdownRenderer(command: "lesson attention-qkv").render(off)
        #expect(markdown.contains("| `Q` | (1, 1) | 1. | 1.000100 | 0.000100 | ✗ |"), "\(markdown.suffix(600))")
    }

    @Test func aMaskedScoreIsClaimedAsMinusInfinity() throws {
        let causal = try #require(AttentionQKV.examples.first { $0.name == "causal" }).input
        let trace = try checked(AttentionQKV.self, causal, #"""
            {"source": "a decoder slide", "claims": [
              {"value": "scaled", "at": [1, 2], "expected": "-inf"},
              {"value": "scaled", "at": [1, 3], "expected": "-inf", "tolerance": 5},
              {"value": "scaled", "at": [2, 1], "expected": "-inf"},
              {"value": "scaled", "at": [2, 3], "expected": "inf"},
              {"value": "scaled", "at": [2, 3], "expected": "nan"},
              {"value": "weights", "at": [1, 2], "expected": "-inf"}]}
            """#)
        let verdicts = try #require(trace.claims?.verdicts)
        #expect(verdicts.map(\.holds) == [true, true, false, false, false, false])
        #expect(verdicts[0].difference == 0)
        #expect(verdicts.dropFirst(2).allSatisfy { $0.difference.isNaN })
        let markdown = MarkdownRenderer(command: "lesson attention-qkv").render(trace)
        #expect(markdown.contains("| 1 · The | -0.6250 | -inf ✓ | -inf ✓ |"))
        #expect(markdown.contains("| 2 · cat | 2.5000 ✗ | 3.3750 | -inf ✗ |"))
        #expect(markdown.contains("| `scaled` | (1, 2) | -inf | -inf | 0.0000 | ✓ |  |"))
        // No difference is shown between a number and an infinity, nor between two infinities.
        #expect(markdown.contains("| `scaled` | (2, 1) | -inf | 2.5000 | — | ✗ |"))
        #expect(markdown.contains("| `scaled` | (2, 3) | inf | -inf | — | ✗ |"))
        #expect(markdown.contains("| `scaled` | (2, 3) | nan | -inf | — | ✗ |"))
        #expect(!markdown.contains("| nan | ✗") && !markdown.contains("| nan | ✓"))
        #expect(markdown.contains("2 of 6 claims hold."))
        // The JSON trace writes them as SPEC says: "inf", "-inf", "nan".
        let json = try JSON.parse(Array(JSONTraceRenderer.render(trace).utf8))
        guard case .array(let items)? = json["claims"] else { Issue.record("no claims"); return }
        #expect(items.map { $0["expected"] } == [.string("-inf"), .string("-inf"), .string("-inf"), .string("inf"), .string("nan"), .string("-inf")])
        #expect(items[0]["computed"] == .string("-inf") && items[0]["holds"] == .bool(true))
        #expect(items[2]["computed"] == .number(2.5))
    }

    @Test func nanIsClaimedForZeroOverZero() throws {
        let input = JSON.fields(["input": .rows([[2, 2, 2]]), "eps": .number(0)])
        let trace = try checked(LayerNorm.self, input, #"{"claims": [{"value": "normalized", "at": [1, 1], "expected": "nan"}, {"value": "std", "expected": 0}, {"value": "output", "at": [1, 2], "expected": 0}]}"#)
        #expect(trace.claims?.verdicts.map(\.holds) == [true, true, false])
        #expect(trace.claims?.verdicts.last?.difference.isNaN == true)
    }

    @Test func atMayBeLeftOutForAValueWithOneEntry() throws {
        // Layer norm of one row: mean has shape [1]; attention of one token: scores are 1 × 1.
        let row = JSON.fields(["input": .rows([[1, 2, 3, 6]])])
        #expect(try checked(LayerNorm.self, row, #"{"claims": [{"value": "mean", "expected": 3}, {"value": "var", "expected": 3.5}, {"value": "var", "at": [1], "expected": 3.5}]}"#).claimsHold)
        let one = try checked(AttentionQKV.self, oneQuery(2), #"{"claims": [{"value": "scores", "expected": 2}, {"value": "weights", "expected": 1}, {"value": "scores", "at": [1, 1], "expected": 2}]}"#)
        #expect(one.claims?.verdicts.map(\.holds) == [true, true, true])
        let markdown = MarkdownRenderer(command: "lesson attention-qkv").render(one)
        #expect(markdown.contains("| `scores` |  | 2 | 2.0000 | 0.0000 | ✓ |  |"))
        #expect(markdown.contains("2.0000 ✓"))
        // A value with more entries still needs it.
        let trace = try LayerNorm.trace(JSON.fields(["input": .rows([[1, 2], [3, 5]])]), file: "x", example: nil)
        #expect(throws: LessonError(.data, #"claims.json: claims[1]: mean has shape [2], so the claim needs "at" within 1…2"#)) {
            try trace.check(try claims(#"{"claims": [{"value": "mean", "expected": 1.5}]}"#), file: "claims.json")
        }
        let attention = try AttentionQKV.trace(AttentionQKV.examples[0].input, file: "x", example: nil)
        #expect(throws: LessonError(.data, #"claims.json: claims[1]: weights has shape [3, 3], so the claim needs "at" within 1…3 × 1…3"#)) {
            try attention.check(try claims(#"{"claims": [{"value": "weights", "expected": 1}]}"#), file: "claims.json")
        }
    }

    @Test func badFileOptionsAreInputErrors() throws {
        let cases: [(String, String)] = [
            (#"{"tolerance": -0.1, "claims": []}"#, "tolerance must be a number ≥ 0 (how far every claim may be from the computed value), got -0.1"),
            (#"{"tolerance": "0.1", "claims": []}"#, "tolerance must be a number ≥ 0 (how far every claim may be from the computed value), got a string"),
            (#"{"decimals": 2.5, "claims": []}"#, "decimals must be a whole number from 0 to 15 (the decimals every claim was printed with), got 2.5"),
            (#"{"decimals": -1, "claims": []}"#, "decimals must be a whole number from 0 to 15 (the decimals every claim was printed with), got -1"),
            (#"{"decimals": 16, "claims": []}"#, "decimals must be a whole number from 0 to 15 (the decimals every claim was printed with), got 16"),
            (#"{"decimals": 1e300, "claims": []}"#, "decimals must be a whole number from 0 to 15 (the decimals every claim was printed with), got 1e300"),
            (#"{"decimals": "4", "claims": []}"#, "decimals must be a whole number from 0 to 15 (the decimals every claim was printed with), got a string"),
            (#"{"decimals": 4, "tolerance": 0.001, "claims": []}"#,
             "tolerance and decimals are both set; give one: tolerance (how far every claim may be off) or decimals (how many decimals the source printed)"),
            (#"{"decimal": 4, "claims": []}"#, #"unknown field "decimal" in the claims (did you mean 'decimals'?)"#),
            (#"{"claims": [{"value": "scaled", "at": [1, 2], "expected": "-Infinit"}]}"#,
             #"claims[1].expected must be a finite decimal number (such as 0.88 or -1.5e-3), "inf", "-inf" or "nan", got "-Infinit""#),
            (#"{"claims": [{"value": "x", "expected": 1}, {"value": "y", "expected": 1, "tolerance": -1}]}"#, "claims[2].tolerance must be a number ≥ 0"),
        ]
        for (text, message) in cases {
            #expect(throws: LessonError(.data, "claims.json: " + message), "\(text)") { try claims(text) }
        }
        // What is accepted: the edges of the range, and the words in any case.
        #expect(try claims(#"{"decimals": 0, "claims": []}"#).claims.isEmpty)
        #expect(try claims(#"{"decimals": 15, "claims": []}"#).claims.isEmpty)
        let words = try claims(#"{"claims": [{"value": "s", "expected": "-INF"}, {"value": "s", "expected": " NaN "}, {"value": "s", "expected": "inf"}]}"#).claims
        #expect(words[0].expected == -.infinity && words[1].expected.isNaN && words[2].expected == .infinity)
        #expect(words.allSatisfy { $0.decimals == nil && $0.tolerance == 0 })
    }

    /// The command line end to end: the README's NumPy example holds (exit 0), a bad option is one
    /// error line and exit 65.
    @Test func theCommandLineReadsTheOptions() throws {
        let numpy = #"""
            {"source": "a notebook, cell 12", "decimals": 4,
             "claims": [{"value": "scaled", "at": [1, 2], "expected": "-inf"},
                        {"value": "weights", "at": [1, 1], "expected": "1."},
                        {"value": "weights", "at": [3, 2], "expected": "0.6984"},
                        {"value": "output", "at": [1, 2], "expected": "0."}]}
            """#
        let run = try lesson(["attention-qkv", "--example", "causal", "--expect", "-"], stdin: numpy)
        #expect(run.status == 0 && run.err.isEmpty, "\(run.err)")
        #expect(run.out.contains("All 4 claims hold"))
        let bad = try lesson(["attention-qkv", "--expect", "-"], stdin: #"{"decimals": 4.5, "claims": []}"#)
        #expect(bad.status == 65)
        #expect(bad.err == "error: <stdin>: decimals must be a whole number from 0 to 15 (the decimals every claim was printed with), got 4.5\n")
    }
}
