// The likely reasons of failing claims on worked examples of our own, each written the way a
// published one went wrong (Reference/make_sources.py says how each source computed): the reason
// must be the one that explains the source, found from the numbers, not a guess that merely fits.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct LikelyReasonTests {
    /// A source of Reference/sources.json, checked: its trace with the verdicts.
    func checked(_ name: String) throws -> Trace {
        let file = try readJSON("Tests/LessonTests/Reference/sources.json")
        guard case .array(let sources)? = file["sources"],
              let source = sources.first(where: { $0["name"] == .string(name) }),
              case .string(let id)? = source["lesson"], let lesson = Lessons.named(id),
              let input = source["input"], let claims = source["claims"] else { throw SourceMissing(name: name) }
        let trace = try lesson.trace(input, file: name, example: nil)
        try trace.check(try ClaimSet(claims, file: "\(name).claims"), file: "\(name).claims", lesson: lesson, input: input)
        return trace
    }
    struct SourceMissing: Error { let name: String }

    func failures(_ trace: Trace) -> [Verdict] { trace.claims?.verdicts.filter { !$0.holds } ?? [] }

    @Test func aFloat32SourceIsFoundOnceForTheWholeFile() throws {
        let trace = try checked("float32")
        let failing = failures(trace)
        #expect(failing.count >= 3, "the float32 source should differ from float64 in several printed numbers")
        let finding = try #require(trace.claimsFinding)
        #expect(finding.contains("single precision (float32)") && finding.contains("of \(trace.claims?.verdicts.count ?? 0) claims hold"), "\(finding)")
        for v in failing {
            #expect(v.reason?.contains("single precision (float32)") == true, "\(v.claim.value): \(v.reason ?? "nil")")
            #expect(v.reasonInTable?.hasPrefix("the change above gives") == true)
        }
        // Said once: the Markdown names float32 in the finding, and the table refers to it.
        let markdown = MarkdownRenderer(precision: 4, command: "lesson").render(trace)
        #expect(markdown.components(separatedBy: "single precision (float32)").count == 2)
    }

    @Test func aSourceThatGoesOnFromItsPrintedNumbers() throws {
        let trace = try checked("reuses")
        let reasons = Dictionary(failures(trace).map { ($0.claim.value, $0.reason ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(reasons["a[3]"]?.hasPrefix("computed from the source's own printed numbers, `h[2]` (1) = 0.820") == true, "\(reasons)")
        #expect(reasons["a[2]"]?.hasPrefix("computed from the source's own printed numbers, `h[1]` (1) = 0.635") == true, "\(reasons)")
    }

    @Test func aWrongFormulaGetsNoConventionThatBreaksTheFile() throws {
        let trace = try checked("formula")
        let failing = failures(trace)
        #expect(failing.count >= 3)
        // Not one slip each: the same words for all, which the finding above explains.
        for v in failing {
            #expect(v.reason == "no rounding or convention gives it, nor \(failing.count - 1) other failing claims of this file: the source computes something else",
                    "\(v.claim.at): \(v.reason ?? "nil")")
            #expect(v.reasonInTable == "no rounding or convention gives it (see above)")
        }
        let finding = try #require(trace.claimsFinding)
        #expect(finding.contains("\(failing.count) failing claims have no likely reason") && !finding.contains("concatenated"), "\(finding)")
    }

    @Test func percentagesRoundedToSumTo100() throws {
        let trace = try checked("percentages")
        let failing = failures(trace)
        #expect(failing.count == 1)
        #expect(failing.first?.reason?.hasPrefix("rounded, then adjusted so that the row sums to 1: rounded to 2 decimals the row is 0.19, 0.31, 0.51 (sum 1.01)") == true,
                "\(failing.first?.reason ?? "nil")")
        // The seed's own: "h 3%, e 13%, l 0%, o 84%".
        let seed = try #require(CharLM.examples.first { $0.name == "seed-hello" })
        let seedTrace = try CharLM.trace(seed.input, file: "x", example: nil)
        try seedTrace.check(try ClaimSet(try #require(seed.claims), file: "c"), file: "c", lesson: CharLM.self, input: seed.input)
        let seedFailing = failures(seedTrace)
        #expect(seedFailing.count == 1 && seedFailing.allSatisfy { $0.reason?.hasPrefix("rounded, then adjusted so that the row sums to 1") == true },
                "\(seedFailing.map { $0.reason ?? "nil" })")
    }

    @Test func nothingExplainsASlip() throws {
        let trace = try checked("slip")
        #expect(failures(trace).map(\.reason) == ["a slip: no rounding or convention gives it"])
        #expect(trace.claimsFinding == nil)
    }

    @Test func everyWeightTransposedTogether() throws {
        let trace = try checked("transposed")
        let finding = try #require(trace.claimsFinding)
        #expect(finding.contains("every weight stored the other way round (`w_q`, `w_k` and `w_v` transposed)"), "\(finding)")
        #expect(trace.claims?.verdicts.count == 5 && finding.contains("5 of 5 claims hold"))
    }

    /// The input is never offered as "stored the other way round": only weights are.
    @Test func theInputIsNoWeight() throws {
        let input = JSON.fields(["x": .rows([[1, 2], [3, 4]]), "w_q": .rows([[1, 0], [0, 1]]), "w_k": .rows([[1, 0], [0, 1]]),
                                 "w_v": .rows([[1, 0], [0, 1]])])
        // Q = X W_Q = X; with X transposed, Q (2, 1) would be 2.
        let trace = try AttentionQKV.trace(input, file: "x", example: nil)
        let claims = try ClaimSet(try JSON.parse(Array(#"{"claims": [{"value": "Q", "at": [2, 1], "expected": 2}]}"#.utf8)), file: "c")
        try trace.check(claims, file: "c", lesson: AttentionQKV.self, input: input)
        let reason = try #require(failures(trace).first?.reason)
        #expect(!reason.contains("`x`") && trace.claimsFinding == nil, "\(reason)")
        #expect(!AttentionQKV.isWeight("x") && !RNNUnroll.isWeight("input") && RNNUnroll.isWeight("weight_hh_l0"))
    }

    /// nn.MultiheadAttention's stacked projections written X W by a source: each block of
    /// in_proj_weight, and out_proj.weight, stored in × out.
    @Test func multiHeadBlocksTransposed() throws {
        let input = MultiHeadAttention.examples[0].input
        let source = try #require(MultiHeadAttention.transposingBlocks(input, outProjection: true))
        let theirs = try MultiHeadAttention.trace(source, file: "x", example: nil)
        let output = try #require(theirs["output"]).value.flat
        let claims = (0..<min(3, output.count)).map { #"{"value": "output", "at": [1, \#($0 + 1)], "expected": \#(output[$0]), "tolerance": 1e-9}"# }
        let trace = try MultiHeadAttention.trace(input, file: "x", example: nil)
        try trace.check(try ClaimSet(try JSON.parse(Array("{\"claims\": [\(claims.joined(separator: ", "))]}".utf8)), file: "c"),
                        file: "c", lesson: MultiHeadAttention.self, input: input)
        #expect(trace.claimsFinding?.contains("every weight stored the other way round: the blocks") == true, "\(trace.claimsFinding ?? "nil")")
    }

    /// A claim the change found does not fix on its own is explained under it, and says so.
    @Test func reasonsUnderTheFindingSaySo() throws {
        let file = try readJSON("Tests/LessonTests/Reference/sources.json")
        guard case .array(let sources)? = file["sources"],
              let input = sources.first(where: { $0["name"] == .string("transposed") })?["input"] else { throw SourceMissing(name: "transposed") }
        // The source's Q and K as printed, and its weight (1, 1), 0.359543, cut to 0.35.
        let claims = #"{"claims": [{"value": "Q", "at": [1, 1], "expected": "1.00"}, {"value": "K", "at": [2, 3], "expected": "1.00"}, {"value": "weights", "at": [1, 1], "expected": "0.35"}]}"#
        let trace = try AttentionQKV.trace(input, file: "x", example: nil)
        try trace.check(try ClaimSet(try JSON.parse(Array(claims.utf8)), file: "c"), file: "c", lesson: AttentionQKV.self, input: input)
        #expect(trace.claimsFinding?.contains("every weight stored the other way round") == true)
        let weights = try #require(trace.claims?.verdicts.last)
        #expect(weights.reason?.hasPrefix("with the change above, cut to 2 decimals instead of rounded: the computed 0.3595") == true, "\(weights.reason ?? "nil")")
    }

    /// Numbers cut to 2 decimals, one of them 2.24, whose double is 2.2399999999999998: cutting the
    /// double would give 2.23 and take the claim for proof that the source rounds.
    @Test func cutDecimalsAreCutAsWritten() throws {
        let input = JSON.fields(["input": .rows([[3, 1, 4, 1.5, 5]])])
        let claims = #"{"claims": [{"value": "mean", "expected": "2.90"}, {"value": "var", "expected": "2.24"}, {"value": "normalized", "at": [1, 1], "expected": "0.06"}]}"#
        let trace = try LayerNorm.trace(input, file: "x", example: nil)
        try trace.check(try ClaimSet(try JSON.parse(Array(claims.utf8)), file: "c"), file: "c", lesson: LayerNorm.self, input: input)
        #expect(try #require(trace["var"]).value.flat[0] != 2.24, "the example needs a variance whose double is not 2.24")
        #expect(failures(trace).map(\.reason) == ["cut to 2 decimals instead of rounded: the computed 0.0668, rounded, is 0.07"])
    }

    /// The lower layer's last state claimed as the output: PyTorch's h_n[0] taken for h_T.
    @Test func anotherLayersValue() throws {
        let example = try #require(LSTMGates.examples.first { $0.name == "two-layers" })
        let trace = try LSTMGates.trace(example.input, file: "x", example: nil)
        let lower = try #require(trace["l0.h[3]"]).value.flat
        let claims = lower.indices.map { #"{"value": "h[3]", "at": [\#($0 + 1)], "expected": "\#(NumberStyle(precision: 4).fixed(lower[$0]))"}"# }
        try trace.check(try ClaimSet(try JSON.parse(Array("{\"claims\": [\(claims.joined(separator: ", "))]}".utf8)), file: "c"),
                        file: "c", lesson: LSTMGates.self, input: example.input)
        let failing = failures(trace)
        #expect(!failing.isEmpty && failing.allSatisfy { $0.reason?.hasPrefix("these are `l0.h[3]`'s numbers") == true }, "\(failing.map(\.reason))")
    }
}
