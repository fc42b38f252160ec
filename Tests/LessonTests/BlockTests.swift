// transformer-block and decoder-block: the refusals of bad input, the backward pass's order and
// checks, and the sentences recomputed from the values (residual shares, relu's zeros, the
// pre-norm sum, the mask, the cross-attention's keys from the memory, the uniform gradient).

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct BlockTests {
    static func encoder(_ changes: [String: JSON] = [:], removing: [String] = []) -> JSON {
        var fields = TransformerBlock.defaultInput.merging(changes) { _, new in new }
        for k in removing { fields[k] = nil }
        return .object(fields.sorted { $0.key < $1.key }.map { JSONMember($0.key, $0.value) })
    }

    static func decoder(_ changes: [String: JSON] = [:]) -> JSON {
        let fields = DecoderBlock.defaultInput.merging(changes) { _, new in new }
        return .object(fields.sorted { $0.key < $1.key }.map { JSONMember($0.key, $0.value) })
    }

    static func refusal(_ lesson: any Lesson.Type, _ input: JSON, backward: Bool = false) -> String {
        do {
            _ = try lesson.trace(input, file: "block.json", example: nil, backward: backward)
            return "accepted"
        } catch let error as LessonError {
            return error.code == .data ? error.message : "code \(error.code)"
        } catch { return "\(error)" }
    }

    static func note(_ lesson: any Lesson.Type, _ input: JSON, backward: Bool = false) throws -> (trace: Trace, text: String) {
        let trace = try lesson.run(input, file: "block.json", example: nil, claims: nil, backward: backward)
        return (trace, MarkdownRenderer(command: "lesson \(lesson.id)").render(trace))
    }

    static func values(_ trace: Trace, _ name: String) throws -> Matrix { try #require(trace[name], "no \(name)").value.matrix }

    // MARK: Bad input

    @Test func badInputIsRefusedNamingTheFieldAndTheShape() {
        let cases: [(any Lesson.Type, JSON, String)] = [
            (TransformerBlock.self, Self.encoder(["nhead": .number(3)]), "nhead must be a whole number ≥ 1 that divides E = 4, got 3"),
            (TransformerBlock.self, Self.encoder(["linear1.weight": .rows(Array(repeating: [0.1, 0.2, 0.3], count: 8))]),
             "linear1.weight must be F × E, with E = 4 columns (the columns of src), got 8 × 3"),
            (TransformerBlock.self, Self.encoder(["linear1.weight": .rows(Array(repeating: Array(repeating: 0.1, count: 6), count: 4))]),
             "got 4 × 6; it looks transposed: nn.Linear stores its weight out × in"),
            (TransformerBlock.self, Self.encoder(["linear2.weight": .rows(Array(repeating: [0.1, 0.2, 0.3, 0.4], count: 4))]),
             "linear2.weight must be E × F (rows of linear1.weight) = 4 × 6, got 4 × 4"),
            (TransformerBlock.self, Self.encoder(["self_attn.in_proj_weight": .rows(Array(repeating: [1, 0, 0, 0], count: 8))]),
             "self_attn.in_proj_weight must be 3E × E = 12 × 4, got 8 × 4"),
            (TransformerBlock.self, Self.encoder(["norm2.weight": .numbers([1, 1, 1])]), "norm2.weight must have E = 4 numbers, got 3"),
            (TransformerBlock.self, Self.encoder(["activation": .string("gelu_tanh")]), #"activation must be "relu" or "gelu", got "gelu_tanh""#),
            (TransformerBlock.self, Self.encoder(["norm_frist": .bool(true)]), #"unknown field "norm_frist" (did you mean 'norm_first'?)"#),
            (TransformerBlock.self, Self.encoder(["grad_output": .rows([[1, 1, 1, 1]])]), "grad_output must be L (rows of src) × E = 3 × 4, got 1 × 4"),
            (TransformerBlock.self, Self.encoder(["layer_norm_eps": .number(0)]), "layer_norm_eps must be a number > 0, got 0"),
            (TransformerBlock.self, Self.encoder(removing: ["linear2.weight"]), "missing field linear2.weight"),
            (TransformerBlock.self, Self.encoder(["tgt_causal": .bool(true)]), #"unknown field "tgt_causal""#),
            (DecoderBlock.self, Self.decoder(["memory": .rows([[1, 0, 0], [0, 1, 0]])]), "memory must be S × E (columns of tgt) = 2 × 4, got 2 × 3"),
            (DecoderBlock.self, Self.decoder(["memory_tokens": .strings(["a"])]), "memory_tokens must have one label per row of memory = 3, got 1"),
            (DecoderBlock.self, Self.decoder(["multihead_attn.out_proj.bias": .numbers([0, 0])]), "multihead_attn.out_proj.bias must have E = 4 numbers, got 2"),
            (DecoderBlock.self, Self.decoder(["grad_output": .rows([[1, 1, 1, 1]])]), "grad_output must be T (rows of tgt) × E = 3 × 4, got 1 × 4"),
            (DecoderBlock.self, Self.decoder(["causal": .bool(true)]), #"unknown field "causal""#),
        ]
        for (lesson, input, expected) in cases {
            let said = Self.refusal(lesson, input)
            #expect(said.hasPrefix("block.json: ") && said.contains(expected), "\(expected) → \(said)")
            #expect(!said.contains("\n"))
        }
    }

    @Test func theGradientChecksRerunsAreBounded() throws {
        // 270 tokens of 64: within the forward limits, but the reruns of the check would compute too much.
        let e = 64
        func m(_ r: Int, _ c: Int) -> JSON {
            var rows: [[Double]] = []
            for i in 0..<r {
                var row: [Double] = []
                for j in 0..<c { row.append(Double((i * 7 + j * 3) % 19 - 9) / 10) }
                rows.append(row)
            }
            return .rows(rows)
        }
        let input = JSON.fields(["src": m(270, e), "nhead": .number(8), "self_attn.in_proj_weight": m(3 * e, e), "self_attn.out_proj.weight": m(e, e),
                                 "linear1.weight": m(256, e), "linear2.weight": m(e, 256)])
        #expect(throws: Never.self) {
            var reader = try InputReader(input, file: "block.json", backward: false)
            _ = try BlockInput(&reader, decoder: false)
        }
        #expect(Self.refusal(TransformerBlock.self, input, backward: true).hasPrefix("block.json: with --backward, the gradient check reruns the block 10 times"))
    }

    // MARK: The backward pass

    static let allExamples: [(lesson: any Lesson.Type, example: Example)] =
        TransformerBlock.examples.map { (TransformerBlock.self as any Lesson.Type, $0) } + DecoderBlock.examples.map { (DecoderBlock.self as any Lesson.Type, $0) }

    @Test(arguments: 0..<5)
    func everyExamplesGradientsAreInOrderAndChecked(_ index: Int) throws {
        let (lesson, example) = Self.allExamples[index]
        let trace = try lesson.run(example.input, file: "block.json", example: example, claims: nil, backward: true)
        #expect(trace.backwardProblems.isEmpty, "\(trace.backwardProblems)")
        #expect(Self.allExamples.count == 5 && trace.gradientChecks.count >= 10)
        for check in trace.gradientChecks { #expect(check.relativeDifference < 1e-6, "\(lesson.id) \(example.name) \(check.name)") }
        // Not all ~0: the example's norm weights let a gradient through.
        let dx = try Self.values(trace, (lesson.id == DecoderBlock.id ? "tgt" : "src") + ".grad")
        #expect(dx.entries.map(abs).max() ?? 0 > 0.1)
    }

    @Test func aPostNormBlockWithUniformGradientPassesNothingBackAndSaysSo() throws {
        let (trace, text) = try Self.note(TransformerBlock.self, Self.encoder(removing: ["norm2.weight"]), backward: true)
        #expect(try Self.values(trace, "src.grad").entries.allSatisfy { abs($0) < 1e-9 })
        #expect(text.contains("one number $c$ across each row"))
        let (_, varied) = try Self.note(TransformerBlock.self, Self.encoder(), backward: true)
        #expect(varied.contains("Had $G \\odot \\gamma_{2}$ been one number $c$ across"))
        // Every slot filled; the norms above the first sum named; the variance's path back one term.
        #expect(!varied.contains("«") && varied.contains("(norms 1 and 2 here)"))
        #expect(varied.contains(#"\odot 2 \cdot \left(\tilde X_{1}\right)"#))
    }

    @Test func theResidualsShareOfTheInputsGradientIsTheSumsGradient() throws {
        for normFirst in [false, true] {
            let (trace, text) = try Self.note(TransformerBlock.self, Self.encoder(["norm_first": .bool(normFirst)]), backward: true)
            let (dx, straight) = (try Self.values(trace, "src.grad"), try Self.values(trace, "add1.grad"))
            let style = NumberStyle(precision: 4)
            let direct = "(" + (0..<4).map { style.fixed(straight[0, $0]) }.joined(separator: ", ") + ")"
            let through = "(" + (0..<4).map { style.fixed(dx[0, $0] - straight[0, $0]) }.joined(separator: ", ") + ")"
            #expect(text.contains("is the residual sum's gradient \(direct)"))
            #expect(text.contains("plus \(through)"))
        }
    }

    // MARK: Sentences from the numbers

    @Test func reluSwitchesOffTheUnitsItSays() throws {
        let (trace, text) = try Self.note(TransformerBlock.self, Self.encoder())
        let h = try Self.values(trace, "ff.hidden")
        let zeros = h.entries.filter { $0 == 0 }.count
        #expect(zeros > 0 && zeros < h.entries.count)
        #expect(text.contains("relu switches off \(zeros) of the \(h.entries.count) units"))
        // gelu switches none off; it says how many entries of U are negative.
        let (gelu, geluText) = try Self.note(TransformerBlock.self, Self.encoder(["activation": .string("gelu")]))
        let negatives = try Self.values(gelu, "ff.linear1").entries.filter { $0 < 0 }.count
        #expect(geluText.contains("\(negatives) of the \(h.entries.count) entries of U are negative"))
    }

    @Test func preNormsOutputIsTheInputPlusEverySublayer() throws {
        let (trace, text) = try Self.note(TransformerBlock.self, Self.encoder(["norm_first": .bool(true)]))
        let x = try #require(trace.steps.first { $0.name == "src" }).value.matrix
        let (y, a, f) = ( try Self.values(trace, "output"), try Self.values(trace, "self_attn.output"), try Self.values(trace, "ff.output"))
        for i in 0..<y.entries.count { #expect(abs(y.entries[i] - (x.entries[i] + a.entries[i] + f.entries[i])) < 1e-12) }
        #expect(text.contains("Confirmed in this pre-norm block"))
        // Its output is not normalized: the summary gives the output rows' standard deviations.
        let stds = LayerNorm.moments(y, divisor: y.cols).map { NumberStyle(precision: 2).fixed($0.variance.squareRoot()) }
        #expect(text.contains("the output itself is not normalized: its rows' standard deviations are \(stds.joined(separator: ", "))"))
        // Post-norm: the last sum Z₂ = N₁ + Y_ff, set beside the plain sum.
        let (postTrace, post) = try Self.note(TransformerBlock.self, Self.encoder())
        let z2 = try Self.values(postTrace, "add2")
        #expect(post.contains("Not in this post-norm block") && post.contains("$Z_{2}$ = \(BlockRun.shownRow(z2, 0))"))
    }

    @Test func theDecodersMaskAndCrossAttentionAreSaidFromTheWeights() throws {
        let (trace, text) = try Self.note(DecoderBlock.self, Self.decoder())
        // Masked: no weight on a later token; the cross-attention's keys are S × E, from the memory.
        for m in 1...2 {
            let a = try Self.values(trace, "self_attn.head[\(m)].weights")
            #expect(a[0, 1] == 0 && a[0, 2] == 0 && a[1, 2] == 0)
        }
        let k = try Self.values(trace, "cross_attn.K")
        #expect((k.rows, k.cols) == (3, 4))
        #expect(text.contains("every weight on a later token is 0 in every head"))
        #expect(text.contains("“I” → “나는”"))
        // The cross weights' average is not on the loss's path: no gradient.
        let back = try Self.note(DecoderBlock.self, Self.decoder(), backward: true).trace
        #expect(back["cross_attn.weights.grad"] == nil && back["memory.grad"] != nil)
        // Without the mask, later tokens get weight.
        let open = try Self.note(DecoderBlock.self, Self.decoder(["tgt_causal": .bool(false)])).text
        #expect(open.contains("Not here: `tgt_causal` is false"))
    }

    @Test func theMasksRerunLeavesTheEarlierRowsAsTheySay() throws {
        let (trace, text) = try Self.note(DecoderBlock.self, Self.decoder())
        let y = try Self.values(trace, "output")
        // The last target token changed by 1 in every entry: rows 1 and 2 of Y do not move.
        var tgt = try #require(trace.steps.first { $0.name == "tgt" }).value.matrix.entries
        for j in 8..<12 { tgt[j] += 1 }
        let changed = try Self.values(try DecoderBlock.trace(Self.decoder(["tgt": .rows([Array(tgt[0..<4]), Array(tgt[4..<8]), Array(tgt[8..<12])])]),
                                                             file: "x", example: nil), "output")
        #expect((0..<8).allSatisfy { changed.entries[$0] == y.entries[$0] })
        let moved = (8..<12).map { abs(changed.entries[$0] - y.entries[$0]) }.max() ?? 0
        #expect(moved > 0.01 && text.contains("rows 1 to 2 of $Y$ stay exactly as they were and only “you”'s row moves (by up to \(NumberStyle(precision: 4).fixed(moved)))"))
        // Without PyTorch's tgt_mask the output changes: by as much as the note says.
        let open = try Self.values(try DecoderBlock.trace(Self.decoder(["tgt_causal": .bool(false)]), file: "x", example: nil), "output")
        let without = (0..<12).map { abs(open.entries[$0] - y.entries[$0]) }.max() ?? 0
        #expect(without > 0.01 && text.contains("without it, this example's $Y$ changes by up to \(NumberStyle(precision: 4).fixed(without))"))
    }

    @Test func nearTiesAndSelfPeaksAreCountedFromTheWeights() throws {
        let (trace, text) = try Self.note(DecoderBlock.self, Self.decoder())
        // Cross head 2's “I” row: its top two weights within 0.01 are said to be nearly tied.
        let a = try Self.values(trace, "cross_attn.head[2].weights")
        let row = (0..<3).map { a[0, $0] }.sorted(by: >)
        #expect(row[0] - row[1] < BlockRun.nearTie)
        let four = NumberStyle(precision: 4)
        #expect(text.contains("nearly tied with “사랑해” (\(four.fixed(row[0])) against \(four.fixed(row[1])))"))
        // The encoder's self-attention: how many query rows peak on their own token.
        let (encoder, encoderText) = try Self.note(TransformerBlock.self, Self.encoder())
        var onItself = 0
        for m in 1...2 {
            let w = try Self.values(encoder, "self_attn.head[\(m)].weights")
            for i in 0..<3 where (0..<3).allSatisfy({ $0 == i || w[i, $0] < w[i, i] }) { onItself += 1 }
        }
        #expect(onItself < 6 && encoderText.contains("of the 6 query rows (2 heads × 3 tokens), \(onItself) peak"))
        // The parameter counts: 2EF + F + E against 4E² + 4E.
        #expect(encoderText.contains("= \(2 * 4 * 6 + 6 + 4) parameters here, fewer than the attention's $4 E^{2} + 4 E$ = \(4 * 16 + 16)"))
    }

    @Test func theNormsSentencesFollowTheirNumbers() throws {
        let (trace, text) = try Self.note(TransformerBlock.self, Self.encoder())
        // The ratio of the largest s to the smallest, from the unrounded s: 2.04, where 1.03/0.51 gives 2.02.
        let s = try #require(trace["norm1.std"]).value.flat
        let style = NumberStyle(precision: 2)
        let (high, low) = (try #require(s.max()), try #require(s.min()))
        #expect(style.fixed(high / low) != style.fixed((Double(style.fixed(high)) ?? 0) / (Double(style.fixed(low)) ?? 1)))
        #expect(text.contains("$s$ = \(style.fixed(high)), \(style.fixed(high / low)) times"))
        // Norm 2's variance 1 is said of X̂₂, whose rows have it; the output's rows do not.
        #expect(text.contains("leave with mean 0 and variance 1.00 in every row of $\\hat X_{2}$"))
        // The decoder's β₁ and β₂ are not given (0): no shift said of them; β₃ is, and shifts.
        let decoder = try Self.note(DecoderBlock.self, Self.decoder()).text
        #expect(decoder.contains("$\\beta_{1}$ is 0, so nothing is shifted") && !decoder.contains("$\\gamma_{1}$ and $\\beta_{1}$ then scale and shift"))
        #expect(decoder.contains("$\\gamma_{3}$ and $\\beta_{3}$ then scale and shift"))
        #expect(decoder.contains("shifts it by its $\\beta$ in norm 3"))
        let shifted = try Self.note(DecoderBlock.self, Self.decoder(["norm1.bias": .numbers([0.1, 0, 0, 0])])).text
        #expect(shifted.contains("$\\gamma_{1}$ and $\\beta_{1}$ then scale and shift"))
    }

    @Test func theDecodersParametersCountBothAttentions() throws {
        let text = try Self.note(DecoderBlock.self, Self.decoder()).text
        func grouped(_ n: Int) -> String { n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))) }
        let (e, f) = (512, 2048)
        let ffn = 2 * e * f + f + e
        let attentions = 2 * (4 * e * e + 4 * e)
        #expect(ffn < attentions)
        #expect(text.contains("= \(2 * 4 * 6 + 6 + 4) parameters here, fewer than the 2 attentions' $2 (4 E^{2} + 4 E)$ = \(2 * (4 * 16 + 16))"))
        #expect(text.contains("\(grouped(ffn)) against \(grouped(attentions)), \(NumberStyle(precision: 2).fixed(100 * Double(ffn) / Double(ffn + attentions)))%"))
        // The mask is an argument in the equations.
        #expect(text.contains("\\operatorname{MultiHead}(X, X, X; M_{\\text{sa}})"))
    }

    @Test func theRefactoredAttentionAndNormKeepTheirLessonsNames() throws {
        // multi-head-attention and layer-norm record the same names as before the blocks reused them.
        let mha = try MultiHeadAttention.trace(MultiHeadAttention.examples[0].input, file: "x", example: nil)
        #expect(mha.computedSteps.map(\.name).prefix(3) == ["Q", "K", "V"])
        #expect(mha["head[2].weights"] != nil && mha["weights"] != nil)
        let norm = try LayerNorm.trace(LayerNorm.examples[0].input, file: "x", example: nil)
        #expect(norm.computedSteps.map(\.name) == ["mean", "centered", "var", "std", "normalized", "output"])
    }
}
