// seq2seq-attention: the sentences recomputed from the values (with counter-inputs), the seed's
// context without the softmax, the symbols, and the refusals of bad input.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct Seq2SeqTests {
    static func example(_ name: String) throws -> Example { try #require(Seq2Seq.examples.first { $0.name == name }) }

    static func note(_ input: JSON, example: Example? = nil, backward: Bool = false) throws -> (trace: Trace, text: String) {
        let trace = try Seq2Seq.run(input, file: "s2s.json", example: example, claims: nil, backward: backward)
        return (trace, MarkdownRenderer(command: "lesson seq2seq-attention").render(trace))
    }

    static func values(_ trace: Trace, _ name: String) throws -> [Double] { try #require(trace[name], "no \(name)").value.flat }

    /// A small model: rnn cells, H = 2, the dot score, `extra` fields added or replaced.
    static func input(_ extra: [String: JSON] = [:], removing: [String] = []) -> JSON {
        var fields: [String: JSON] = [
            "source": .rows([[1, 0], [0, 1], [1, 1]]),
            "target": .rows([[0, 0], [1, 0]]),
            "encoder.weight_ih_l0": .rows([[0.5, -0.4], [0.3, 0.8]]),
            "encoder.weight_hh_l0": .rows([[0.2, -0.1], [0.4, 0.3]]),
            "decoder.weight_ih_l0": .rows([[0.6, 0.1], [-0.5, 0.7]]),
            "decoder.weight_hh_l0": .rows([[0.9, 0.2], [-0.3, 0.8]]),
        ]
        for (k, v) in extra { fields[k] = v }
        for k in removing { fields[k] = nil }
        return .object(fields.sorted { $0.key < $1.key }.map { JSONMember($0.key, $0.value) })
    }

    static func refusal(_ input: JSON) -> String {
        do {
            _ = try Seq2Seq.trace(input, file: "s2s.json", example: nil)
            return "accepted"
        } catch let error as LessonError {
            return error.code == .data ? error.message : "code \(error.code)"
        } catch { return "\(error)" }
    }

    // MARK: Bad input

    @Test func badInputIsRefusedNamingTheFieldAndTheShape() {
        let general = ["score": JSON.string("general")]
        let out = ["combine.weight": JSON.rows([[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8]]), "out.weight": .rows([[1, 0], [0, 1], [1, 1]])]
        let cases: [(JSON, String)] = [
            // The decoder's hidden size must be the encoder's.
            (Self.input(["decoder.weight_hh_l0": .rows([[0.9, 0.2, 0], [-0.3, 0.8, 0], [0, 0, 1]])]),
             "decoder.weight_hh_l0 must have hidden = 2 columns, the encoder's hidden size"),
            // target rows of the wrong width.
            (Self.input(["target": .rows([[0, 0, 1], [1, 0, 0]])]), "target must have 2 columns, the input size decoder.weight_ih_l0 reads"),
            (Self.input(["source": .rows([[0, 0, 1]])]), "source must have 2 columns, the input size encoder.weight_ih_l0 reads"),
            (Self.input(general), "missing field attn.weight"),
            (Self.input(general.merging(["attn.weight": .rows([[1, 0, 0], [0, 1, 0]])]) { a, _ in a }), "attn.weight must be hidden × hidden = 2 × 2"),
            (Self.input(["score": .string("concat"), "attn.weight": .rows([[1, 0, 0, 0], [0, 1, 0, 0]])]), "missing field attn.v"),
            (Self.input(["attn.weight": .rows([[1, 0], [0, 1]])]), "attn.weight is not used by score \"dot\""),
            (Self.input(["score": .string("cosine")]), "score"),
            (Self.input(["out.weight": .rows([[1, 0]])]), "out.weight needs combine.weight"),
            (Self.input(out.merging(["targets": .numbers([1, 4])]) { a, _ in a }), "targets entry 2 must be a whole number from 1 to V = 3"),
            (Self.input(out.merging(["targets": .numbers([1, 0])]) { a, _ in a }), "targets entry 2 must be a whole number from 1 to V = 3"),
            (Self.input(out.merging(["targets": .numbers([1])]) { a, _ in a }), "targets must have 2 entries"),
            (Self.input(["targets": .numbers([1, 2])]), "targets needs out.weight"),
            (Self.input(out.merging(["targets": .numbers([1, 2]), "grad_output": .rows([[1, 1, 1], [1, 1, 1]])]) { a, _ in a }),
             "grad_output is not used with targets"),
            (Self.input(out.merging(["grad_output": .rows([[1, 1], [1, 1]])]) { a, _ in a }), "grad_output must be"),
            (Self.input(["class_tokens": .strings(["a", "b"])]), "class_tokens needs out.weight"),
            (Self.input(removing: ["decoder.weight_ih_l0"]), "missing field decoder.weight_ih_l0"),
            (Self.input(["h0": .numbers([0, 0])]), "unknown field \"h0\""),
            // A W_hh that is not square is W_hh's fault (its columns give the hidden size), not W_ih's.
            (Self.input(["encoder.weight_hh_l0": .rows([[1, 0, 0], [0, 1, 0]])]), "encoder.weight_hh_l0 must be hidden × hidden = 3 × 3, got 2 × 3"),
        ]
        for (input, expected) in cases {
            let said = Self.refusal(input)
            #expect(said.hasPrefix("s2s.json: ") && said.contains(expected), "\(expected) → \(said)")
            #expect(!said.contains("\n"))
        }
    }

    // MARK: Sentences from the numbers

    @Test func eachStepSaysWhereItLooksMost() throws {
        let (trace, text) = try Self.note(Self.input())
        for t in 1...2 {
            let alpha = try Self.values(trace, "alpha[\(t)]")
            let best = alpha.indices.max { alpha[$0] < alpha[$1] }!
            #expect(text.contains("Step \(t) looks most at source position \(best + 1): $\\alpha_{\(t),\(best + 1)} = \(inSentence(alpha[best]))$"))
        }
    }

    @Test func theAlignmentIsSaidInOrderOrCrossingFromTheWeights() throws {
        // The same model, the source reversed: whichever way the largest weights fall, the sentence follows them.
        for source in [JSON.rows([[1, 0], [0, 1], [1, 1]]), .rows([[1, 1], [0, 1], [1, 0]]), .rows([[0, 1], [1, 0], [0, 0]])] {
            let (trace, text) = try Self.note(Self.input(["source": source]))
            let best = try (1...2).map { t -> Int in
                let a = try Self.values(trace, "alpha[\(t)]")
                return a.indices.max { a[$0] < a[$1] }!
            }
            let inOrder = best[0] <= best[1]
            #expect(text.contains(inOrder ? "The steps look at the source in its own order." : "The alignment is not in the source's order"))
        }
    }

    @Test func theSeedsContextWithoutTheSoftmaxIsComputed() throws {
        let (trace, text) = try Self.note(Self.input())
        // Step min(4, T) = 2: Σ_i e_{2,i} h_i from the recorded e and h.
        let e = try Self.values(trace, "e[2]")
        let h = try (1...3).map { try Self.values(trace, "enc.h[\($0)]") }
        let raw = (0..<2).map { j in (0..<3).reduce(0.0) { $0 + e[$1] * h[$1][j] } }
        #expect(text.contains("\\sum_{i} e_{2,i} h_{i} = \(vectorSaid(raw))"))
        #expect(text.contains("summing to \(inSentence(e.reduce(0, +)))"))
        // Not for another score, whose e is not the seed's ⟨s, h⟩.
        let general = try Self.note(Self.input(["score": .string("general"), "attn.weight": .rows([[1, 0.5], [0, 1]])])).text
        #expect(!general.contains("Computed at step"))
    }

    @Test func predictionsAreJudgedAgainstTheTargets() throws {
        let out: [String: JSON] = ["combine.weight": .rows([[0.5, -0.2, 0.3, 0.1], [0.1, 0.4, -0.6, 0.2]]),
                                   "out.weight": .rows([[1.0, -0.5], [-0.7, 0.9], [0.3, 0.6]]),
                                   "class_tokens": .strings(["I", "love", "you"])]
        for targets in [[1.0, 2], [3, 3]] {
            let (trace, text) = try Self.note(Self.input(out.merging(["targets": .numbers(targets)]) { a, _ in a }))
            for t in 1...2 {
                let p = try Self.values(trace, "p[\(t)]")
                let best = p.indices.max { p[$0] < p[$1] }!
                let right = Int(targets[t - 1]) - 1
                let label = "“\(["I", "love", "you"][best])”"
                let symbol = "\\text{\(["I", "love", "you"][best])}"
                #expect(text.contains("The likeliest is \(label) ($p_{\(t),\(symbol)} = \(inSentence(p[best]))$)" + (best == right ? ", the right one." : ", but the right one")))
            }
        }
    }

    // MARK: Symbols

    @Test func theDecodersValuesAreNamedAndWrittenAsItsOwn() throws {
        let lstm = Self.input(["cell": .string("lstm"),
                               "encoder.weight_ih_l0": .rows(Array(repeating: [0.1, -0.2], count: 8)),
                               "encoder.weight_hh_l0": .rows(Array(repeating: [0.3, 0.1], count: 8)),
                               "decoder.weight_ih_l0": .rows(Array(repeating: [0.2, 0.1], count: 8)),
                               "decoder.weight_hh_l0": .rows(Array(repeating: [-0.1, 0.4], count: 8))])
        let (trace, text) = try Self.note(lstm, backward: true)
        // dec.s[t] for the decoder's state and dec.c[t] for its cell, beside the context c[t].
        for name in ["dec.s[1]", "dec.c[1]", "c[1]", "enc.h[3]", "enc.c[3]", "dec.s[1].grad", "enc.c[3].grad"] { #expect(trace[name] != nil, "\(name)") }
        #expect(trace["dec.h[1]"] == nil)
        #expect(text.contains("#### $s_{1}$") && text.contains("#### $c_{1}^{\\text{dec}}$") && text.contains("#### $c_{1}$ · context"))
        // A transposed label superscript is one superscript, never a double one.
        #expect(!text.contains("}^{\\text{dec}}^{") && !text.contains("}^{\\text{enc}}^{"))
        #expect(text.contains("W_{hh}^{\\text{dec}\\top}"))
    }
}

extension Seq2SeqTests {
    @Test func theExamplesStoriesHoldForTheirNumbers() throws {
        // default: "after <s>, I and love its states point like h_1, h_3 and h_2", and the weights follow.
        let trace = try Seq2Seq.trace(try Self.example("default").input, file: "x", example: nil)
        let h = try (1...3).map { try Self.values(trace, "enc.h[\($0)]") }
        for (t, i) in [(1, 0), (2, 2), (3, 1)] {
            let s = try Self.values(trace, "dec.s[\(t)]")
            let cosines = h.map { hi in zip(s, hi).reduce(0) { $0 + $1.0 * $1.1 } / (hi.reduce(0) { $0 + $1 * $1 }.squareRoot() * s.reduce(0) { $0 + $1 * $1 }.squareRoot()) }
            #expect(cosines.indices.max { cosines[$0] < cosines[$1] } == i, "s_\(t)")
            let alpha = try Self.values(trace, "alpha[\(t)]")
            #expect(alpha.indices.max { alpha[$0] < alpha[$1] } == i)
        }
        // seed-004: "its first three steps are the default's".
        let seed = try Seq2Seq.trace(try Self.example("seed-004").input, file: "x", example: nil)
        for t in 1...3 { #expect(try Self.values(seed, "dec.s[\(t)]") == (try Self.values(trace, "dec.s[\(t)]"))) }
    }
}

extension Seq2SeqTests {
    @Test func theGradientChecksRerunsAreBounded() throws {
        // 1,000 source rows × 1,000 target steps: within the forward limits, but its 12 reruns would compute too much.
        let rows = JSON.rows(Array(repeating: [0.1, -0.2], count: 1_000))
        let input = Self.input(["source": rows, "target": rows])
        #expect(throws: Never.self) {
            var reader = try InputReader(input, file: "s2s.json", backward: false)
            _ = try Seq2SeqInput(&reader)
        }
        let error = try #require(throws: LessonError.self) { try Seq2Seq.trace(input, file: "s2s.json", example: nil, backward: true) }
        #expect(error.message.hasPrefix("s2s.json: with --backward, the gradient check reruns the model 12 times (twice for each of the 6 arrays given)"))
        // A small model is checked.
        #expect(throws: Never.self) { try Seq2Seq.trace(Self.input(), file: "s2s.json", example: nil, backward: true) }
    }
}

extension Seq2SeqTests {
    @Test func evenTiedAndOverflowedWeightsAreSaidAsSuch() throws {
        // A zero source: every encoder state is 0, every score 0, every weight 1/3.
        let zero = try Self.note(Self.input(["source": .rows([[0, 0], [0, 0], [0, 0]])])).text
        #expect(zero.contains("Step 1 spreads its weight evenly: each $\\alpha_{1,i} = 0.33$") && !zero.contains("looks most at"))
        #expect(zero.contains("No step has a single largest weight") && !zero.contains("Here too"))
        // Overflowing scores: the weights are nan, and no sentence reads a position or a sum from them.
        let huge = Self.input(["score": .string("general"), "attn.weight": .rows([[1e308, 1e308], [1e308, 1e308]]),
                               "encoder.weight_ih_l0": .rows([[50, 50], [50, 50]]), "decoder.weight_ih_l0": .rows([[50, 50], [50, 50]])])
        let (trace, text) = try Self.note(huge)
        #expect(try Self.values(trace, "alpha[2]").contains(where: \.isNaN))
        #expect(text.contains("are not all finite numbers (they overflowed)") && text.contains("the alignment cannot be read"))
        #expect(!text.contains("looks most at") && !text.contains("What the seed notes say"))
    }
}

extension Seq2SeqTests {
    @Test func aClaimedNumberIsMarkedWhereItIsShown() throws {
        // A scalar (the loss) and a step's loss: each line of arithmetic ends with its verdict.
        let input = try Self.example("default").input
        let loss = try Self.values(try Seq2Seq.trace(input, file: "x", example: nil), "loss")[0]
        let claims = try ClaimSet(.fields(["claims": .array([
            .fields(["value": .string("loss"), "expected": .number(0.5)]),
            .fields(["value": .string("loss[2]"), "expected": .string(NumberStyle(precision: 4).fixed(-log(0.8346)))]),
        ])]), file: "c.json")
        let trace = try Seq2Seq.run(input, file: "x", example: nil, claims: (set: claims, file: "c.json"), backward: false)
        let text = MarkdownRenderer(command: "lesson seq2seq-attention").render(trace)
        #expect(text.contains("= \(NumberStyle(precision: 4).fixed(loss)) ✗") && abs(loss - 0.5) > 0.05)
        #expect(text.contains("-log(0.8346) = 0.1808 ✓"))
    }
}

extension Seq2SeqTests {
    @Test func theShortPathIsMeasuredFromTheGradients() throws {
        let (trace, text) = try Self.note(try Self.example("default").input, backward: true)
        func length(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        let total = try Self.values(trace, "enc.h[1].grad")
        let direct = Array(try Self.values(trace, "memory.grad").prefix(2))
        let chain = zip(total, direct).map { $0 - $1 }
        #expect(text.contains("passes straight to $h_{1}$, has length $\(readable(length(direct)))$"))
        #expect(text.contains("comes back through the encoder's step 2 (length $\(readable(length(chain)))$)"))
        let cancel = length(total) < max(length(direct), length(chain))
        #expect(text.contains(cancel ? "The two parts partly cancel" : "Together,"))
    }

    @Test func theCrossingStepIsNamed() throws {
        let text = try Self.note(try Self.example("default").input).text
        let trace = try Seq2Seq.trace(try Self.example("default").input, file: "x", example: nil)
        let best = try (1...3).map { t -> Int in
            let a = try Self.values(trace, "alpha[\(t)]")
            return a.indices.max { a[$0] < a[$1] }! + 1
        }
        let t = try #require((1..<3).first { best[$0] < best[$0 - 1] })
        #expect(text.contains("step \(t + 1) looks at position \(best[t]), before position \(best[t - 1]), where step \(t) looked"))
    }
}
