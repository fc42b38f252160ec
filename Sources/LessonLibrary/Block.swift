// What the Transformer's two blocks share (transformer-block, decoder-block): their typed input,
// read and checked once, and the run of their sublayers, each wrapped in a residual connection and
// a layer norm.
//
// Convention (PyTorch's nn.TransformerEncoderLayer / nn.TransformerDecoderLayer, batch_first=True,
// dropout 0 or eval mode, one sequence): sublayer k (self-attention, the decoder's cross-attention,
// the feed-forward network) and its layer norm k,
//   post-norm (norm_first=False, the paper's):  x_k = LayerNorm_k(x_{k−1} + Sublayer_k(x_{k−1})),
//   pre-norm  (norm_first=True, GPT-2's):        x_k = x_{k−1} + Sublayer_k(LayerNorm_k(x_{k−1})),
// x_0 the block's input (src or tgt), the last x_k its output. The attentions are multi-head-attention's
// (HeadsRun), the norms layer-norm's (NormRun, biased variance, ε inside the root); the feed-forward
// network is nn.Linear's x Wᵀ + b twice with relu or the exact gelu between: FFN(x) = act(x W₁ᵀ + b₁) W₂ᵀ + b₂.
// References: Vaswani et al. 2017, §3.1–3.3; Xiong et al. 2020, "On Layer Normalization in the
// Transformer Architecture" (pre-norm); PyTorch docs for nn.TransformerEncoderLayer and
// nn.TransformerDecoderLayer; seed notes 000, 001, 002 (residual connections), 004.

import JSONFormat
import LessonInput
import TraceCore

/// One attention's state_dict keys under its prefix (`self_attn.`, `multihead_attn.`).
struct AttentionWeights {
    let wIn: Matrix         // 3E × E
    let bIn: Vector?        // 3E, zeros when left out
    let wO: Matrix          // E × E
    let bO: Vector?         // E
}

/// The feed-forward network's `linear1` and `linear2`.
struct FeedForwardWeights {
    let w1: Matrix          // F × E
    let b1: Vector?         // F
    let w2: Matrix          // E × F
    let b2: Vector?         // E
    var width: Int { w1.rows }
}

/// One layer norm's `weight` (γ, ones when left out) and `bias` (β, zeros).
struct NormWeights {
    let gamma: Vector?
    let beta: Vector?
}

/// A Transformer block's input: the encoder layer's fields, and for the decoder `memory`, the
/// cross-attention's keys and a third norm.
struct BlockInput {
    var x: Matrix               // L × E: src, or the decoder's tgt (T × E); var for the reruns of the slides
    let memory: Matrix?         // S × E, the encoder's output (decoder only)
    let heads: Int
    let gelu: Bool
    let normFirst: Bool
    let eps: Double
    var causal: Bool            // the self-attention's mask
    let selfAttention: AttentionWeights
    let crossAttention: AttentionWeights?
    let ff: FeedForwardWeights
    let norms: [NormWeights]    // norm1, norm2 (, norm3)
    let tokens: [String]?
    let memoryTokens: [String]?
    let gradOutput: Matrix?     // L × E

    /// The largest feed-forward width accepted.
    static let maxHidden = 4_096

    var decoder: Bool { memory != nil }
    var l: Int { x.rows }
    var e: Int { x.cols }
    var s: Int { memory?.rows ?? x.rows }
    var f: Int { ff.width }
    /// The input's field name: `src`, or `tgt`.
    var inputName: String { decoder ? "tgt" : "src" }
    /// The sublayers in order.
    var sublayers: [Sublayer] { decoder ? [.selfAttention, .crossAttention, .feedForward] : [.selfAttention, .feedForward] }

    init(_ reader: inout InputReader, decoder: Bool) throws {
        let inputName = decoder ? "tgt" : "src"
        let tokensWord = decoder ? "T" : "L"
        x = try reader.tokenMatrix(inputName, "the block's input, one row per token (\(tokensWord) × E)",
                                   tokens: "the number of tokens (rows of \(inputName))", width: "the embedding size E (columns of \(inputName))")
        let e = x.cols
        if decoder {
            let memory = try reader.tokenMatrix("memory", "the encoder's output, one row per source token (S × E)",
                                                tokens: "the number of memory tokens (rows of memory)", width: "the columns of memory")
            try reader.expect(memory, "memory", rows: ("S", memory.rows), cols: ("E (columns of tgt)", e))
            self.memory = memory
        } else {
            memory = nil
        }
        let heads = try reader.required(try reader.integer("nhead", "how many heads"), "nhead", "how many heads, a whole number dividing E")
        guard heads >= 1, e % heads == 0 else { throw reader.fail("nhead must be a whole number ≥ 1 that divides E = \(e), got \(heads)") }
        self.heads = heads
        gelu = try reader.choice("activation", ["relu", "gelu"]) == "gelu"
        normFirst = try reader.bool("norm_first") ?? false
        eps = try reader.number("layer_norm_eps") ?? 1e-5
        guard eps > 0 else { throw reader.fail("layer_norm_eps must be a number > 0, got \(JSON.format(eps))") }
        causal = try reader.bool(decoder ? "tgt_causal" : "causal") ?? decoder
        selfAttention = try Self.attention(&reader, "self_attn.", e: e)
        crossAttention = decoder ? try Self.attention(&reader, "multihead_attn.", e: e) : nil
        let w1 = try reader.requiredMatrix("linear1.weight", "the feed-forward network's first layer, F × E")
        try reader.expect(w1.rows, "the feed-forward width F (rows of linear1.weight)", atMost: Self.maxHidden)
        let f = w1.rows
        // F is read from linear1.weight's rows, so a wrong width is said of its columns.
        guard w1.cols == e else {
            throw reader.fail("linear1.weight must be F × E, with E = \(e) columns (the columns of \(inputName)), got \(w1.rows) × \(w1.cols)"
                + (w1.rows == e ? "; it looks transposed: nn.Linear stores its weight out × in, so linear1.weight is F × E" : ""))
        }
        let b1 = try reader.vector("linear1.bias", "F numbers")
        if let b1 { try reader.expect(b1, "linear1.bias", count: ("F (rows of linear1.weight)", f)) }
        let w2 = try reader.requiredMatrix("linear2.weight", "the feed-forward network's second layer, E × F")
        try reader.expect(w2, "linear2.weight", rows: ("E", e), cols: ("F (rows of linear1.weight)", f))
        let b2 = try reader.vector("linear2.bias", "E numbers")
        if let b2 { try reader.expect(b2, "linear2.bias", count: ("E", e)) }
        ff = FeedForwardWeights(w1: w1, b1: b1, w2: w2, b2: b2)
        norms = try (1...(decoder ? 3 : 2)).map { k in
            let gamma = try reader.vector("norm\(k).weight", "E numbers (the scale γ)")
            if let gamma { try reader.expect(gamma, "norm\(k).weight", count: ("E", e)) }
            let beta = try reader.vector("norm\(k).bias", "E numbers (the shift β)")
            if let beta { try reader.expect(beta, "norm\(k).bias", count: ("E", e)) }
            return NormWeights(gamma: gamma, beta: beta)
        }
        tokens = try reader.labels("tokens", count: x.rows, per: "token (row of \(inputName))")
        memoryTokens = decoder ? try reader.labels("memory_tokens", count: memory?.rows ?? 0, per: "row of memory") : nil
        gradOutput = try reader.matrix("grad_output", "∂L/∂output for the backward pass, \(tokensWord) × E")
        if let gradOutput { try reader.expect(gradOutput, "grad_output", rows: ("\(tokensWord) (rows of \(inputName))", x.rows), cols: ("E", e)) }
        try reader.expectWork(multiplyAdds: Self.multiplyAdds(l: x.rows, s: memory?.rows, e: e, f: f, heads: heads),
                              traceNumbers: Self.traceNumbers(l: x.rows, s: memory?.rows, e: e, f: f, heads: heads, causal: causal))
        if reader.backward {
            // The gradient check reruns the block twice for each array given.
            let attentions = [selfAttention] + (crossAttention.map { [$0] } ?? [])
            let given = attentions.map { 2 + ($0.bIn == nil ? 0 : 1) + ($0.bO == nil ? 0 : 1) }.reduce(0, +)
                + 2 + (b1 == nil ? 0 : 1) + (b2 == nil ? 0 : 1) + norms.map { ($0.gamma == nil ? 0 : 1) + ($0.beta == nil ? 0 : 1) }.reduce(0, +)
            let arrays = Double(given + (decoder ? 2 : 1))
            let rerun = 2 * arrays * Self.traceNumbers(l: x.rows, s: memory?.rows, e: e, f: f, heads: heads, causal: causal)
            if rerun > Self.maxCheckedNumbers {
                func text(_ x: Double) -> String { String(format: "%.2e", x) }
                throw reader.fail("with --backward, the gradient check reruns the block \(Int(2 * arrays)) times (twice for each array given), about \(text(rerun)) numbers in all, more than the limit of \(text(Self.maxCheckedNumbers)); use fewer or shorter rows")
            }
        }
    }

    /// The numbers the gradient check's reruns may compute in all.
    static let maxCheckedNumbers = 20_000_000.0

    /// One attention's multiply-adds: the projections (n_q + 2 n_k rows of E × E), each head's two
    /// n_q × n_k products, the output projection and the heads' average.
    static func attentionWork(nQ: Double, nK: Double, e: Double, heads: Double) -> Double {
        (nQ + 2 * nK) * e * e + 2 * nQ * nK * e + nQ * e * e + heads * nQ * nK
    }

    /// The block's multiply-adds: the attentions, the feed-forward network's two products, and
    /// about six per entry for each norm and residual.
    static func multiplyAdds(l: Int, s: Int?, e: Int, f: Int, heads: Int) -> Double {
        let (ld, ed, fd, hd) = (Double(l), Double(e), Double(f), Double(heads))
        let cross = s.map { attentionWork(nQ: ld, nK: Double($0), e: ed, heads: hd) } ?? 0
        let norms = Double(s == nil ? 2 : 3)
        return attentionWork(nQ: ld, nK: ld, e: ed, heads: hd) + cross + 2 * ld * ed * fd + norms * 7 * ld * ed
    }

    /// The numbers the trace holds: the inputs, every attention's values (as multi-head-attention
    /// counts them), each norm's seven values, the residual sums and the feed-forward network's.
    static func traceNumbers(l: Int, s: Int?, e: Int, f: Int, heads: Int, causal: Bool) -> Double {
        let (ld, ed, fd, hd) = (Double(l), Double(e), Double(f), Double(heads))
        let norms = Double(s == nil ? 2 : 3)
        // An attention's weights (4E² + 3E + E) and values: Q, K, V, three tables a head, the
        // average, the scale, the mask, the heads' outputs, the concatenation and the output.
        func attention(_ nK: Double, masked: Bool) -> Double {
            4 * ed * ed + 4 * ed + 1 + (ld + 2 * nK) * ed + 2 * ld * ed + ld * ed + (3 * hd + 1) * ld * nK + (masked ? ld * nK : 0)
        }
        let inputs = ld * ed + (s.map { Double($0) * ed } ?? 0) + 1 + 1 + 2 * fd * ed + fd + ed + norms * 2 * ed
        let cross = s.map { attention(Double($0), masked: false) } ?? 0
        // A norm: mean, var, std (L each), centred, normalized, output (L × E); the residual sums L × E.
        let normValues = norms * (3 * ld + 3 * ld * ed)
        return inputs + attention(ld, masked: causal) + cross + normValues + norms * ld * ed + 2 * ld * fd + ld * ed
    }

    static func attention(_ reader: inout InputReader, _ prefix: String, e: Int) throws -> AttentionWeights {
        let wIn = try reader.requiredMatrix(prefix + "in_proj_weight", "W_Q, W_K, W_V stacked, 3E × E")
        try reader.expect(wIn, prefix + "in_proj_weight", rows: ("3E", 3 * e), cols: ("E", e))
        let bIn = try reader.vector(prefix + "in_proj_bias", "3E numbers")
        if let bIn { try reader.expect(bIn, prefix + "in_proj_bias", count: ("3E", 3 * e)) }
        let wO = try reader.requiredMatrix(prefix + "out_proj.weight", "the output projection W_O, E × E")
        try reader.expect(wO, prefix + "out_proj.weight", rows: ("E", e), cols: ("E", e))
        let bO = try reader.vector(prefix + "out_proj.bias", "E numbers")
        if let bO { try reader.expect(bO, prefix + "out_proj.bias", count: ("E", e)) }
        return AttentionWeights(wIn: wIn, bIn: bIn, wO: wO, bO: bO)
    }
}

/// A block's example: the lesson's default fields with `changes`, in the order `order` lists them.
func blockExample(_ defaults: [String: JSON], order: [String], _ changes: [String: JSON]) -> JSON {
    let fields = defaults.merging(changes) { _, new in new }
    return .object(order.compactMap { key in fields[key].map { JSONMember(key, $0) } })
}

/// What a block wraps in a residual connection and a norm.
enum Sublayer {
    case selfAttention, crossAttention, feedForward
}
