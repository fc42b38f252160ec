// Claims: numbers from a source checked against the computation, with the SPEC's tolerance rule.

import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

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
        // Each must throw exactly this error: a data error (65) naming the file, the claim and what was expected.
        #expect(throws: LessonError(.data, #"c: claims[1] names "weight", which attention-qkv does not compute (did you mean 'weights'?)"#)) {
            try trace.check(try claims(#"{"claims": [{"value": "weight", "at": [1, 1], "expected": 1}]}"#), file: "c")
        }
        #expect(throws: LessonError(.data, #"c: claims[1]: weights has shape [3, 3], so the claim needs "at" within 1…3 × 1…3"#)) {
            try trace.check(try claims(#"{"claims": [{"value": "weights", "at": [4, 1], "expected": 1}]}"#), file: "c")
        }
        #expect(throws: LessonError(.data, #"c: claims[1]: weights has shape [3, 3], so the claim needs "at" within 1…3 × 1…3"#)) {
            try trace.check(try claims(#"{"claims": [{"value": "weights", "at": [1], "expected": 1}]}"#), file: "c")
        }
        // Only plain decimals and the non-finite words ("inf", "-inf", "nan", "Infinity" …): Double(_:) alone
        // would read hexadecimal, "infinity" with any sign, and "nan(0x1)".
        for text in ["abc", "0x1p-2", "0X1P-2", "nan(0x1)", "-infinit", "snan", "1e", ".", "+", "1.2.3", "1e5x", "١٢"] {
            #expect(throws: LessonError(.data, #"claims.json: claims[1].expected must be a finite decimal number (such as 0.88 or -1.5e-3), "inf", "-inf" or "nan", got ""# + text + #"""#)) {
                try claims(#"{"claims": [{"value": "weights", "at": [1, 1], "expected": ""# + text + #""}]}"#)
            }
        }
        for text in ["0.88", ".88", "5.", "-1.5e-3", "+2E+2", " 0.5 "] {
            #expect(try claims(#"{"claims": [{"value": "weights", "at": [1, 1], "expected": ""# + text + #""}]}"#).claims.count == 1, "\(text)")
        }
        #expect(throws: LessonError(.data, #"claims.json: unknown field "expect" in claims[1] (did you mean 'expected'?)"#)) {
            try claims(#"{"claims": [{"value": "weights", "at": [1, 1], "expect": 1}]}"#)
        }
        // The file name given is the one the message names; a check that throws nothing fails here.
        let error = try #require(throws: LessonError.self) {
            try trace.check(try claims(#"{"claims": [{"value": "weight", "at": [1, 1], "expected": 1}]}"#), file: "c.json")
        }
        #expect(error.code == .data)
        #expect(error.message == #"c.json: claims[1] names "weight", which attention-qkv does not compute (did you mean 'weights'?)"#)
        // A failed check leaves no verdicts behind.
        #expect(trace.claims == nil)
    }
}

@Suite struct ReasonTests {
    /// The reason given for one failing claim on `lesson`'s default example (or `input`).
    func reason(_ lesson: any Lesson.Type, _ claim: String, input: JSON? = nil) throws -> String? {
        let json = input ?? lesson.examples[0].input
        let trace = try lesson.trace(json, file: "x", example: nil)
        let set = try ClaimSet(try JSON.parse(Array("{\"claims\": [\(claim)]}".utf8)), file: "claims.json")
        try trace.check(set, file: "claims.json", lesson: lesson, input: json)
        let verdict = try #require(trace.claims?.verdicts.first)
        #expect(!verdict.holds)
        return verdict.reason
    }

    @Test func truncationAndASlip() throws {
        // f[3] unit 2 is 0.0760: "0.07" is it cut; "0.0761" is one unit off, which nothing gives.
        #expect(try reason(LSTMGates.self, #"{"value": "f[3]", "at": [2], "expected": 0.07}"#)?.hasPrefix("cut to 2 decimals instead of rounded") == true)
        #expect(try reason(LSTMGates.self, #"{"value": "f[3]", "at": [2], "expected": "0.0761"}"#) == "a slip: no rounding or convention gives it")
    }

    @Test func anotherConventionIsNamed() throws {
        // The number the unbiased variance gives, claimed against nn.LayerNorm's default.
        let unbiased = try LayerNorm.trace(try #require(LayerNorm.examples[0].input.setting("variance", .string("unbiased"))), file: "x", example: nil)
        let value = try #require(unbiased["var"]).value.flat[0]
        let why = try reason(LayerNorm.self, #"{"value": "var", "at": [1], "expected": \#(value), "tolerance": 1e-9}"#)
        #expect(why?.contains("unbiased variance") == true, "\(why ?? "nil")")
        // The GRU with the reset gate before the product.
        let before = try GRU.trace(try #require(GRU.examples[0].input.setting("reset", .string("before"))), file: "x", example: nil)
        let n3 = try #require(before["n[3]"]).value.flat[1]
        let gru = try reason(GRU.self, #"{"value": "n[3]", "at": [2], "expected": \#(n3), "tolerance": 1e-9}"#)
        #expect(gru?.contains("reset gate applied before") == true, "\(gru ?? "nil")")
        // The concatenated positional-encoding layout.
        let concat = try PositionalEncoding.trace(try #require(PositionalEncoding.examples[0].input.setting("layout", .string("concatenated"))), file: "x", example: nil)
        let pe = try #require(concat["PE"]).value.flat[4 * 3 + 1]
        let layout = try reason(PositionalEncoding.self, #"{"value": "PE", "at": [4, 2], "expected": \#(pe), "tolerance": 1e-9}"#)
        #expect(layout?.contains("concatenated layout") == true, "\(layout ?? "nil")")
    }

    /// On an input far larger than a slide's, the lesson is not run again under other conventions,
    /// and a reason that finds nothing says so.
    @Test func aLargeInputIsNotRunAgain() throws {
        let input = JSON.fields(["positions": .number(9_000), "d_model": .number(64)])
        let trace = try PositionalEncoding.trace(input, file: "x", example: nil)
        #expect(trace.numberCount > Trace.maxNumbersToRerun)
        let why = try reason(PositionalEncoding.self, #"{"value": "PE", "at": [3, 2], "expected": 7.5}"#, input: input)
        #expect(why?.hasPrefix("a slip: no rounding or convention gives it (other conventions, float32 and rounded intermediates are tried only on inputs whose trace holds at most 1000000 numbers)") == true,
                "\(why ?? "nil")")
        let small = try reason(PositionalEncoding.self, #"{"value": "PE", "at": [3, 2], "expected": 7.5}"#)
        #expect(small == "a slip: no rounding or convention gives it")
    }

    @Test func aTransposedWeightIsNamed() throws {
        let input = AttentionQKV.examples[0].input
        guard let transposed = input["w_q"]?.transposedMatrix, let rewritten = input.setting("w_q", transposed) else {
            Issue.record("no w_q"); return
        }
        let value = try #require(try AttentionQKV.trace(rewritten, file: "x", example: nil)["Q"]).value.flat[1]
        let why = try reason(AttentionQKV.self, #"{"value": "Q", "at": [1, 2], "expected": \#(value), "tolerance": 1e-9}"#)
        #expect(why?.contains("`w_q` stored the other way round") == true, "\(why ?? "nil")")
    }

    @Test func swappedEntriesAndSigns() throws {
        // scores (1, 2) = 0.5 and (2, 1) = 5: claiming 5 at (1, 2) is a swapped row and column.
        #expect(try reason(AttentionQKV.self, #"{"value": "scores", "at": [1, 2], "expected": 5}"#)?.contains("row and column swapped") == true)
        #expect(try reason(AttentionQKV.self, #"{"value": "scores", "at": [1, 1], "expected": 1.25}"#) == "the sign is flipped")
        #expect(try reason(AttentionQKV.self, #"{"value": "scores", "at": [1, 1], "expected": 123}"#)?.hasPrefix("a slip") == true)
    }
}

@Suite struct SourcedExampleTests {
    /// How many claims of each sourced example hold; the others are the sources' slips.
    static let expected: [String: (holding: Int, total: Int)] = [
        "illustrated-transformer": (6, 6), "ai-by-hand": (4, 4), "gomez-2016": (7, 9), "click4ai": (5, 8),
        "illustrated-self-attention": (4, 7), "seed-hello": (7, 8), "machine-learning-mastery": (8, 8),
        "raschka-llm-from-scratch": (8, 8),
        "papineni-2002": (2, 2), "papineni-2002-candidate-1": (4, 4), "papineni-2002-candidate-2": (4, 4),
    ]

    @Test func everySourcedExampleHasItsVerdict() throws {
        var seen: Set<String> = []
        for lesson in Lessons.all {
            for example in lesson.examples {
                guard let claims = example.claims else { continue }
                let trace = try lesson.trace(example.input, file: "x", example: example)
                try trace.check(try ClaimSet(claims, file: "c"), file: "c", lesson: lesson, input: example.input)
                let verdicts = try #require(trace.claims?.verdicts)
                let counts = try #require(Self.expected[example.name], "\(example.name) has no expected verdict")
                #expect(verdicts.filter(\.holds).count == counts.holding && verdicts.count == counts.total, "\(example.name)")
                for failure in verdicts where !failure.holds {
                    #expect(failure.reason != nil, "\(example.name) \(failure.claim.value)")
                }
                seen.insert(example.name)
            }
        }
        #expect(seen == Set(Self.expected.keys))
    }
}
