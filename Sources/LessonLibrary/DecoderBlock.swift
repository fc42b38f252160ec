// decoder-block: one decoder layer of the Transformer, torch.nn.TransformerDecoderLayer with
// batch_first=True and dropout 0 (eval mode), on one target sequence and the encoder's output.
//
// Convention (PyTorch): post-norm (norm_first=False, the paper's)
//   Y_sa = MultiHead(X, X, X) with the causal mask,  Z₁ = X + Y_sa,  N₁ = LayerNorm₁(Z₁),
//   Y_ca = MultiHead(N₁, M, M) (queries from the decoder, keys and values from the memory M, no mask),
//   Z₂ = N₁ + Y_ca,  N₂ = LayerNorm₂(Z₂),  Y_ff = FFN(N₂),  Z₃ = N₂ + Y_ff,  Y = LayerNorm₃(Z₃);
// pre-norm (norm_first=True): each sublayer reads LayerNorm_k of the running sum and is added to it,
//   Y = X + Y_sa + Y_ca + Y_ff with Y_sa on N₁ = LayerNorm₁(X), Y_ca on N₂, Y_ff on N₃.
// The self-attention's mask is on by default (`tgt_causal`: it stands for passing PyTorch's causal
// tgt_mask from generate_square_subsequent_mask; PyTorch masks nothing without one); the attentions are multi-head-attention's, the norms
// layer-norm's, FFN(x) = act(x W₁ᵀ + b₁) W₂ᵀ + b₂ with relu or the exact gelu.
// Others: The Annotated Transformer's decoder layer is pre-norm with its own LayerNorm (unbiased
// std, ε outside the root) and a final norm after the stack.
// References: Vaswani et al. 2017, §3.1–3.2.3; PyTorch docs for nn.TransformerDecoderLayer; seed
// notes 000 (the encoder sends its output to the decoder, the decoder's masking), 004 (masked
// multi-head attention, encoder–decoder attention: Q from the decoder, K and V from the encoder).

import JSONFormat
import LessonInput
import TraceCore

enum DecoderBlock: Lesson {
    static let id = "decoder-block"
    static var summary: String { words("summary") }

    /// “I love you” reading the memory of “나는 너를 사랑해” (seq2seq-attention's sentence pair), with
    /// the self-attention of multi-head-attention's default and a cross-attention whose queries and
    /// keys are scaled identities, so that a target row looks at the memory rows most like it.
    static let defaultInput: [String: JSON] = [
        "tgt": .rows([[1, -0.5, 0.5, -1], [0.5, -1, 1, -0.5], [-1, 1, 0, -0.5]]),
        "memory": .rows([[1.2, -0.6, 0.5, -1.1], [-0.9, 1.4, -0.3, -0.2], [0.3, -1, 1.3, -0.6]]),
        "nhead": .number(2),
        "self_attn.in_proj_weight": TransformerBlock.defaultInput["self_attn.in_proj_weight"] ?? .null,
        "self_attn.out_proj.weight": TransformerBlock.defaultInput["self_attn.out_proj.weight"] ?? .null,
        "multihead_attn.in_proj_weight": .rows([
            [1.5, 0, 0, 0], [0, 1.5, 0, 0], [0, 0, 1.5, 0], [0, 0, 0, 1.5],
            [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1],
            [0.5, 0, 0.5, -0.5], [-0.5, 1, 0, 0], [0, 0.5, 1, 0.5], [0.5, 0, -0.5, 1],
        ]),
        "multihead_attn.out_proj.weight": .rows([[1, 0, -0.5, 0], [0, 0.5, 0, 1], [0.5, 0, 1, 0], [0, -0.5, 0.5, 0.5]]),
        "multihead_attn.out_proj.bias": .numbers([0.1, 0, 0, -0.1]),
        "linear1.weight": TransformerBlock.defaultInput["linear1.weight"] ?? .null,
        "linear1.bias": TransformerBlock.defaultInput["linear1.bias"] ?? .null,
        "linear2.weight": TransformerBlock.defaultInput["linear2.weight"] ?? .null,
        "linear2.bias": TransformerBlock.defaultInput["linear2.bias"] ?? .null,
        "norm1.weight": .numbers([1, 0.8, 1.2, 1]),
        "norm2.weight": .numbers([1.2, 1, 0.9, 1]),
        "norm3.weight": .numbers([1.5, 0.5, 1, 1.2]),
        "norm3.bias": .numbers([0.1, 0, -0.1, 0]),
        "tokens": .strings(["I", "love", "you"]),
        "memory_tokens": .strings(["나는", "너를", "사랑해"]),
    ]

    static let fieldOrder = ["tgt", "memory", "nhead", "activation", "norm_first", "tgt_causal", "self_attn.in_proj_weight", "self_attn.out_proj.weight",
                             "multihead_attn.in_proj_weight", "multihead_attn.out_proj.weight", "multihead_attn.out_proj.bias",
                             "linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias",
                             "norm1.weight", "norm2.weight", "norm3.weight", "norm3.bias", "tokens", "memory_tokens"]

    static func input(_ changes: [String: JSON]) -> JSON { blockExample(defaultInput, order: fieldOrder, changes) }

    static let examples = [
        Example("default", words, input: input([:])),
        Example("pre-norm", words, input: input(["norm_first": .bool(true)])),
    ]

    static func isWeight(_ field: String) -> Bool { field.hasSuffix("weight") && !field.hasPrefix("norm") }

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try BlockInput(&reader, decoder: true)
        try reader.finish()
        return BlockLesson.derive(p, id: id, words: words, example: example, file: file, backward: backward, slides: slides, figures: crossFigure)
    }

    /// The encoder–decoder attention's weights: decoder tokens on the rows, memory tokens on the
    /// columns, one panel per head and their average.
    static func crossFigure(_ run: BlockRun, _ tr: Trace) {
        guard let index = run.p.sublayers.firstIndex(of: .crossAttention), case .attention(let cross) = run.sublayers[index] else { return }
        let drawn = MultiHeadAttention.drawnHeads
        let p = cross.p
        tr.figure(.heatmaps(title: words(p.heads > drawn ? "figure cross, first heads" : "figure cross", ["drawn": "\(drawn)", "heads": "\(p.heads)"]),
                            panels: cross.weights.prefix(drawn).enumerated().map { k, a in
                                queryKeyHeatmap(MultiHeadAttention.words("panel head", ["m": "\(k + 1)"]), p.queryNames, p.keyColumns, a)
                            } + (cross.average.map { [queryKeyHeatmap(MultiHeadAttention.words("panel average"), p.queryNames, p.keyColumns, $0)] } ?? []),
                            scale: .unit),
                  description: words("figure cross, description"))
    }
}
