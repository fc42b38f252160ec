// Two conventions a lecturer could not express before issue 13: attention-qkv's `scale: "none"`
// (plain dot-product attention) and layer norm's `eps: 0`, whose row of equal numbers is 0/0. Their
// values against PyTorch are in ReferenceTests (the fixtures' "scale-none" and "eps0" cases); here,
// what the note says of them, the backward pass, and the likely reason that selects the scale.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

/// The note and trace of `lesson` run on `input` as the command line runs it: with `--backward`,
/// the gradient check too.
func runNote(_ lesson: any Lesson.Type, _ input: JSON) throws -> (text: String, trace: Trace) {
    let trace = try lesson.run(input, file: "x", example: nil, claims: nil, backward: true)
    return (MarkdownRenderer(command: "lesson \(lesson.id)").render(trace), trace)
}

@Suite struct AttentionScaleTests {
    let c = AttentionCommentaryTests()
    var sentence: JSON { AttentionQKV.examples[0].input }

    @Test func unscaledScoresAreTheScoresThemselves() throws {
        for causal in [false, true] {
            let input = try #require(sentence.setting("scale", .string("none"))?.setting("causal", .bool(causal)))
            let (text, trace) = try runNote(AttentionQKV.self, input)
            let (scores, scaled) = (try c.matrix(trace, "scores"), try c.matrix(trace, "scaled"))
            for i in 0..<scores.rows {
                for j in 0..<scores.cols {
                    // Ŝ = S, or −∞ where masked: nothing divided.
                    #expect(scaled[i, j] == (causal && j > i ? -.infinity : scores[i, j]))
                }
            }
            // The trace says so, and shows no √d_k constant.
            #expect(text.contains("**Not scaled:** this note leaves the scores undivided"))
            #expect(text.contains(causal ? #"\hat{S} = S + M"# : #"\hat{S} = S"#))
            #expect(!text.contains(#"**Scale** $\sqrt{d_{k}}$"#) && !text.contains(#"\hat{S} = \frac{S}{\sqrt{d_{k}}}"#))
            #expect(!text.contains("Confirmed: undivided"), "the √d_k bullet compares a division that did not happen")
            #expect(text.hasPrefix(causal ? "# Dot-product attention, one head, not scaled, with a causal mask" : "# Dot-product attention, one head, not scaled\n"))
            // The backward pass: ∂L/∂S is ∂L/∂Ŝ itself, and the gradient check holds.
            let (dS, dScaled) = (try c.matrix(trace, "scores.grad"), try c.matrix(trace, "scaled.grad"))
            #expect(dS.entries == dScaled.entries)
            #expect(!trace.gradientChecks.isEmpty && trace.gradientChecks.allSatisfy { $0.relativeDifference < 1e-6 })
            #expect(trace.backwardProblems.isEmpty)
        }
        // The default divides, and says so.
        let (text, trace) = try c.note(AttentionQKV.self, try #require(sentence.setting("scale", .string("sqrt_dk"))))
        #expect(try c.matrix(trace, "scaled").entries == (try c.matrix(trace, "scores")).entries.map { $0 / 2 })
        #expect(text.contains(#"**Scale** $\sqrt{d_{k}}$"#) && text.hasPrefix("# Scaled dot-product attention, one head\n"))
    }

    @Test func theReasonSelectsTheScale() throws {
        // A claim computed without √d_k, checked against the default, and the other way round.
        let unscaledInput = try #require(sentence.setting("scale", .string("none")))
        let unscaled = try AttentionQKV.trace(unscaledInput, file: "x", example: nil)
        let scaled = try AttentionQKV.trace(sentence, file: "x", example: nil)
        let a = try #require(unscaled["weights"]).value.flat[7]
        let b = try #require(scaled["weights"]).value.flat[7]
        func reason(_ input: JSON, _ expected: Double) throws -> String? {
            let set = try ClaimSet(try JSON.parse(Array(#"{"claims": [{"value": "weights", "at": [3, 2], "expected": \#(expected), "tolerance": 1e-9}]}"#.utf8)), file: "c")
            let trace = try AttentionQKV.run(input, file: "x", example: nil, claims: (set, "c"))
            return trace.claims?.verdicts.first?.reason
        }
        let none = try reason(sentence, a)
        #expect(none?.contains(#"scores not divided by √d_k, plain dot-product attention (`scale: "none"`)"#) == true, "\(none ?? "nil")")
        let back = try reason(unscaledInput, b)
        #expect(back?.contains(#"(`scale: "sqrt_dk"`)"#) == true, "\(back ?? "nil")")
    }

    @Test func aBadScaleIsAnInputError() throws {
        #expect(throws: LessonError(.data, #"x: scale must be "sqrt_dk" or "none", got "nnone" (did you mean 'none'?)"#)) {
            try AttentionQKV.trace(try #require(sentence.setting("scale", .string("nnone"))), file: "x", example: nil)
        }
        #expect(throws: LessonError(.data, #"x: scale must be "sqrt_dk" or "none", got a boolean"#)) {
            try AttentionQKV.trace(try #require(sentence.setting("scale", .bool(false))), file: "x", example: nil)
        }
    }
}

@Suite struct LayerNormEpsZeroTests {
    let c = AttentionCommentaryTests()

    /// “cat” normalizes as usual; “flat”, a row of equal numbers, is 0/0 with ε = 0.
    let input = JSON.fields([
        "input": .rows([[1, 2, 3, 6], [0.5, 0.5, 0.5, 0.5]]),
        "weight": .numbers([1, 1, 2, 0.5]),
        "bias": .numbers([0, 0, 1, -1]),
        "eps": .number(0),
        "tokens": .strings(["cat", "flat"]),
    ])

    @Test func aRowOfEqualNumbersIsNotANumber() throws {
        let (text, trace) = try runNote(LayerNorm.self, input)
        let normalized = try c.matrix(trace, "normalized")
        // Row 1 as with any ε (σ² = 3.5, s = √3.5); row 2 0/0, as F.layer_norm(x, (4,), eps=0).
        #expect(abs(normalized[0, 0] - (-2 / 3.5.squareRoot())) < 1e-15)
        #expect((0..<4).allSatisfy { normalized[1, $0].isNaN })
        #expect(try c.matrix(trace, "output").entries.suffix(4).allSatisfy(\.isNaN))
        // What the note says: ε is 0, why “flat” is nan, the figure's grey, the check's nan.
        #expect(text.contains("0, as PyTorch allows: a row of equal numbers then has $s = 0$"))
        #expect(text.contains("“flat” has equal numbers, so its deviations and its $s$ are all 0 ($\\epsilon = 0$): $0/0$ is not a number (nan)"))
        #expect(text.contains("| 2 · flat | nan | nan | nan | nan |"))
        #expect(text.contains("- (2, 1): 0.0000/0.0000 = nan"))
        #expect(text.contains("grey not a number (nan)"))
        #expect(!text.contains("Keeps a constant row from dividing by zero."))
        // The seed's statements are about the rows that are numbers: no “variance 1.0000–nan”.
        let box = try #require(c.bullets(text))
        #expect(box.contains { $0.contains("its rows have mean 0.0000 and variance 1.0000;") })
        #expect(!box.contains { $0.contains("nan") })
        // The backward pass: the loss is nan, the check says what it cannot measure, the compact rule is checked on row 1.
        #expect(text.contains("so the loss and the gradients that pass through that row are nan") && text.contains("the check says nothing of the nan row's entries"))
        #expect(text.contains("The chain above compresses into the compact rule"))
        #expect(trace.gradientChecks.count == 3 && trace.gradientChecks.allSatisfy { $0.numeric.isNaN })
        #expect(try #require(trace["bias.grad"]).value.flat == [2, 2, 2, 2])
        #expect(trace.backwardProblems.isEmpty)
        // The JSON trace writes "nan", as SPEC says.
        let json = try JSON.parse(Array(JSONTraceRenderer.render(trace).utf8))
        guard case .array(let values)? = json["values"],
              let row = values.first(where: { $0["name"] == .string("normalized") })?["value"],
              case .array(let rows) = row else { Issue.record("no normalized"); return }
        #expect(rows[1] == .array(Array(repeating: .string("nan"), count: 4)))
    }

    @Test func theFirstRowNaNSkipsTheCompactCheck() throws {
        let flatFirst = try #require(input.setting("input", .rows([[0.5, 0.5, 0.5, 0.5], [1, 2, 3, 6]]))?.setting("tokens", .strings(["flat", "cat"])))
        let (text, _) = try c.note(LayerNorm.self, flatFirst, backward: true)
        #expect(text.contains("Row 1 is nan here (0/0), so the compact rule of the equations is not checked on an entry of it"))
        #expect(!text.contains("The chain above compresses"))
        #expect(text.contains("after $\\gamma$ and $\\beta$, “cat” has mean"))
    }

    @Test func epsZeroWithoutAFlatRowChangesNothingButEps() throws {
        let varied = try #require(input.setting("input", .rows([[1, 2, 3, 6], [12, 14, 16, 22]])))
        let (text, trace) = try runNote(LayerNorm.self, varied)
        #expect(!text.contains("nan"))
        #expect(!trace.gradientChecks.isEmpty && trace.gradientChecks.allSatisfy { $0.relativeDifference < 1e-6 })
        #expect(text.contains("0, as PyTorch allows"))
    }

    @Test func aNegativeEpsIsAnInputError() throws {
        #expect(throws: LessonError(.data, "x: eps must be a number ≥ 0, got -0.001")) {
            try LayerNorm.trace(try #require(input.setting("eps", .number(-0.001))), file: "x", example: nil)
        }
    }
}
