// transformer-block: one encoder layer of the Transformer, torch.nn.TransformerEncoderLayer with
// batch_first=True and dropout 0 (eval mode), on one sequence.
//
// Convention (PyTorch): post-norm (norm_first=False, the paper's)
//   Y_sa = MultiHead(X, X, X),  Z₁ = X + Y_sa,  N₁ = LayerNorm₁(Z₁),
//   U = N₁ W₁ᵀ + b₁,  H = act(U),  Y_ff = H W₂ᵀ + b₂,  Z₂ = N₁ + Y_ff,  Y = LayerNorm₂(Z₂);
// pre-norm (norm_first=True, GPT-2's): N₁ = LayerNorm₁(X), Y_sa = MultiHead(N₁, N₁, N₁), Z₁ = X + Y_sa,
//   N₂ = LayerNorm₂(Z₁), Y_ff = FFN(N₂), Y = Z₁ + Y_ff.
// act is relu or the exact gelu u·Φ(u) (erf; not the tanh approximation). MultiHead is
// multi-head-attention's (nn.MultiheadAttention's in_proj/out_proj, d_k = E/h), optionally with a
// causal mask; LayerNorm is layer-norm's (biased variance, ε inside the root). nn.Linear: x Wᵀ + b.
// Others: The Annotated Transformer's LayerNorm uses the unbiased std with ε outside the root, and
// its layers are pre-norm with a final norm after the stack.
// References: Vaswani et al. 2017, §3.1 and §3.3; Xiong et al. 2020 (pre-norm); Hendrycks & Gimpel
// 2016 (gelu); PyTorch docs for nn.TransformerEncoderLayer; seed notes 000, 001 (Add & Norm, the
// position-wise feed-forward network), 002 (residual connections).

import JSONFormat
import LessonInput
import TraceCore

enum TransformerBlock: Lesson {
    static let id = "transformer-block"
    static var summary: String { words("summary") }

    /// “The cat sat” of multi-head-attention's default, its attention weights, and a small
    /// feed-forward network; norm 2's γ differs from feature to feature so that the gradients of
    /// the post-norm block are not all 0 (see the backward note).
    static let defaultInput: [String: JSON] = [
        "src": .rows([[1, 0, 1, 0], [0, 2, 0, 1], [1, 1, 0, 1]]),
        "nhead": .number(2),
        "self_attn.in_proj_weight": MultiHeadAttention.examples[0].input["in_proj_weight"] ?? .null,
        "self_attn.out_proj.weight": MultiHeadAttention.examples[0].input["out_proj.weight"] ?? .null,
        "self_attn.out_proj.bias": .numbers([0, 0, 0, 0.1]),
        "linear1.weight": .rows([[0.5, -0.5, 0.3, 0.1], [-0.4, 0.6, 0.2, -0.3], [0.2, 0.1, -0.5, 0.4],
                                 [0.7, 0, -0.2, -0.6], [-0.3, -0.2, 0.4, 0.5], [0.1, 0.4, 0.6, -0.1]]),
        "linear1.bias": .numbers([0.1, 0, -0.1, 0.2, 0, -0.2]),
        "linear2.weight": .rows([[0.4, -0.3, 0.2, 0.5, -0.1, 0.3], [-0.2, 0.5, 0.1, -0.4, 0.3, 0.2],
                                 [0.3, 0.2, -0.5, 0.1, 0.4, -0.3], [-0.1, -0.4, 0.3, 0.2, -0.2, 0.5]]),
        "linear2.bias": .numbers([0, 0.1, -0.1, 0]),
        "norm1.weight": .numbers([1, 0.8, 1.2, 1]),
        "norm1.bias": .numbers([0, 0.1, 0, -0.1]),
        "norm2.weight": .numbers([1.5, 0.5, 1, 1.2]),
        "norm2.bias": .numbers([0.1, 0, -0.1, 0]),
        "tokens": .strings(["The", "cat", "sat"]),
    ]

    /// The fields in the order `--print-input` shows them.
    static let fieldOrder = ["src", "nhead", "activation", "norm_first", "causal", "self_attn.in_proj_weight", "self_attn.out_proj.weight",
                             "self_attn.out_proj.bias", "linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias",
                             "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias", "tokens"]

    static func input(_ changes: [String: JSON]) -> JSON { blockExample(defaultInput, order: fieldOrder, changes) }

    static let examples = [
        Example("default", words, input: input([:])),
        Example("pre-norm", words, input: input(["norm_first": .bool(true)])),
        Example("gelu", words, input: input(["activation": .string("gelu")])),
    ]

    static func isWeight(_ field: String) -> Bool { field.hasSuffix("weight") && !field.hasPrefix("norm") }

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try BlockInput(&reader, decoder: false)
        try reader.finish()
        return BlockLesson.derive(p, id: id, words: words, example: example, file: file, backward: backward, slides: slides)
    }
}
