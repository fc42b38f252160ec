// Claims: numbers from a source checked against the computation, with the SPEC's tolerance rule.

import Testing
@testable import LessonKit

@Suite struct ClaimsTests {
    func claims(_ text: String) throws -> ClaimSet { try ClaimSet(try JSON.parse(Array(text.utf8)), file: "claims.json") }

    @Test func toleranceIsHalfAUnitOfTheLastWrittenDecimal() {
        #expect(Claim.defaultTolerance("0.88") == 0.005)
        #expect(Claim.defaultTolerance("112") == 0.5)
        #expect(abs(Claim.defaultTolerance("0.6398") - 0.00005) < 1e-18)
        #expect(abs(Claim.defaultTolerance("0.50") - 0.005) < 1e-18)
        #expect(abs(Claim.defaultTolerance("1.5e-3") - 0.00005) < 1e-18)
    }

    @Test func theIllustratedTransformerNumbersHold() throws {
        let example = try #require(AttentionQKV.examples.first { $0.name == "illustrated-transformer" })
        let trace = try AttentionQKV.trace(example.input, file: "x", example: example)
        try trace.check(try ClaimSet(try #require(example.claims), file: "claims"), file: "claims")
        let verdicts = try #require(trace.claims?.verdicts)
        #expect(verdicts.count == 6 && verdicts.allSatisfy(\.holds))
        #expect(verdicts.map(\.computed).prefix(4) == [112, 96, 14, 12])
        let markdown = MarkdownRenderer(command: "lesson attention-qkv").render(trace)
        #expect(markdown.contains("| 1 · Thinking | 0.8808 ✓ | 0.1192 ✓ |"))
        #expect(markdown.contains("All 6 claims hold"))
    }

    @Test func aMisprintedNumberFailsAndIsMarked() throws {
        let trace = try AttentionQKV.trace(AttentionQKV.examples[0].input, file: "x", example: nil)
        try trace.check(try claims(#"{"source": "a slide", "claims": [{"value": "weights", "at": [3, 2], "expected": 0.70}, {"value": "weights", "at": [3, 2], "expected": "0.6984"}]}"#), file: "claims.json")
        let verdicts = try #require(trace.claims?.verdicts)
        #expect(verdicts.map(\.holds) == [true, true])
        try trace.check(try claims(#"{"claims": [{"value": "weights", "at": [3, 2], "expected": 0.72}]}"#), file: "claims.json")
        #expect(trace.claimsHold == false)
        let markdown = MarkdownRenderer(command: "lesson attention-qkv").render(trace)
        #expect(markdown.contains("0.6984 ✗"))
        #expect(markdown.contains("0 of 1 claims hold."))
    }

    @Test func badClaimsAreInputErrors() throws {
        let trace = try AttentionQKV.trace(AttentionQKV.examples[0].input, file: "x", example: nil)
        #expect(throws: LessonError.self) { try trace.check(try claims(#"{"claims": [{"value": "weight", "at": [1, 1], "expected": 1}]}"#), file: "c") }
        #expect(throws: LessonError.self) { try trace.check(try claims(#"{"claims": [{"value": "weights", "at": [4, 1], "expected": 1}]}"#), file: "c") }
        #expect(throws: LessonError.self) { try trace.check(try claims(#"{"claims": [{"value": "weights", "at": [1], "expected": 1}]}"#), file: "c") }
        #expect(throws: LessonError.self) { try claims(#"{"claims": [{"value": "weights", "at": [1, 1], "expected": "abc"}]}"#) }
        #expect(throws: LessonError.self) { try claims(#"{"claims": [{"value": "weights", "at": [1, 1], "expect": 1}]}"#) }
        do {
            try trace.check(try claims(#"{"claims": [{"value": "weight", "at": [1, 1], "expected": 1}]}"#), file: "c.json")
        } catch let error as LessonError {
            #expect(error.code == .data)
            #expect(error.message.contains("did you mean 'weights'"))
        }
    }
}
