// The words of transformer-block: its title, equations and convention, the examples' stories, the
// input's caption and the summary. The sublayers' words are the blocks' (Block+Words.swift).

import TraceCore

extension TransformerBlock {
    static let words = Words(
        captions: [
            "src": ("Input", "One token per row: the embeddings (with their positions added) or the output of the block below."),
        ],
        text: [
            "summary": "One Transformer encoder layer as torch.nn.TransformerEncoderLayer: self-attention, Add & Norm, the position-wise feed-forward network, Add & Norm",
            "title": "Transformer encoder block",
            "why": #"""
                An encoder block turns each token's vector into a new one of the same size: **self-attention** lets every \#
                token gather from the others, a **feed-forward network** transforms each token on its own, and around each \#
                of the two a **residual connection** adds the sublayer's output to what went in, with a **layer norm** \#
                «norm». The Transformer stacks such blocks (six in the paper).
                """#,
            "why, post": "after each sum, to keep the rows' scale in hand",
            "why, pre": "in front of each sublayer, so that the sublayer reads rows of one scale (the sums themselves are not normalized)",
            "heading equations": "The equations",
            "equations, post": #"""
                \begin{aligned}
                Y_{\text{sa}} &= \operatorname{MultiHead}(X, X, X«mask») && \text{self-attention} \\
                Z_{1} &= X + Y_{\text{sa}}, \quad N_{1} = \operatorname{LayerNorm}_{1}(Z_{1}) && \text{Add \& Norm} \\
                U &= N_{1} W_{1}^{\top} + b_{1}, \quad H = \operatorname{act}(U), \quad Y_{\text{ff}} = H W_{2}^{\top} + b_{2} && \text{feed-forward} \\
                Z_{2} &= N_{1} + Y_{\text{ff}}, \quad Y = \operatorname{LayerNorm}_{2}(Z_{2}) && \text{Add \& Norm}
                \end{aligned}
                """#,
            "equations, pre": #"""
                \begin{aligned}
                N_{1} &= \operatorname{LayerNorm}_{1}(X), \quad Y_{\text{sa}} = \operatorname{MultiHead}(N_{1}, N_{1}, N_{1}«mask»), \quad Z_{1} = X + Y_{\text{sa}} && \text{Norm, self-attention, Add} \\
                N_{2} &= \operatorname{LayerNorm}_{2}(Z_{1}), \quad U = N_{2} W_{1}^{\top} + b_{1}, \quad H = \operatorname{act}(U), \quad Y_{\text{ff}} = H W_{2}^{\top} + b_{2} && \text{Norm, feed-forward} \\
                Y &= Z_{1} + Y_{\text{ff}} && \text{Add}
                \end{aligned}
                """#,
            "convention": #"""
                **Convention.** PyTorch's `nn.TransformerEncoderLayer(batch_first=True)` on one sequence, with dropout 0 \#
                (or in eval mode). «common»«mask» «annotated»
                """#,
            "convention, post": #"post-norm (`norm_first` false, PyTorch's default and the paper's), $\operatorname{LayerNorm}(x + \operatorname{Sublayer}(x))$"#,
            "convention, pre": #"pre-norm (`norm_first` true, as GPT-2), $x + \operatorname{Sublayer}(\operatorname{LayerNorm}(x))$, with no norm after the last sum"#,
            "convention, causal": #" With `causal`, the self-attention's mask (PyTorch's `src_mask` from `generate_square_subsequent_mask`) hides later tokens."#,
            "notice": #"""
                The block maps $n \times E$ to $n \times E$, so blocks stack. Between tokens only the attention mixes; the \#
                residual sums carry each token's own row past every sublayer; «norms»
                """#,
            "stack norm": "`nn.TransformerEncoder(norm=…)`",
            "default.summary": "“The cat sat” through a post-norm encoder block: attention, Add & Norm, a feed-forward network of 6 units, Add & Norm",
            "default.story": #"""
                “The cat sat” with the attention's projections of [multi-head-attention.md](multi-head-attention.md), a \#
                feed-forward network of F = 6 hidden units, and the norms' scales chosen by hand (not all ones), \#
                in PyTorch's default order: post-norm, relu.
                """#,
            "default.backward": #"""
                The loss is the sum of the output's entries ($G$ all ones); norm 2's $\gamma_{2}$ differs from feature \#
                to feature, which is what lets a gradient through, as the next paragraph shows.
                """#,
            "pre-norm.summary": "the same block with norm_first: norm, sublayer, add (GPT-2's order)",
            "pre-norm.story": #"""
                [transformer-block.md](transformer-block.md)'s example with `norm_first: true`: each sublayer reads \#
                normalized rows and its output is added to the raw ones, so the output is $X + Y_{\text{sa}} + Y_{\text{ff}}$.
                """#,
            "gelu.summary": "the default block with the exact gelu instead of relu",
            "gelu.story": #"""
                [transformer-block.md](transformer-block.md)'s example with `activation: "gelu"`: where relu cuts $U$'s negative entries to 0, gelu keeps \#
                a little of them, and it shrinks small positive entries too (the hidden layer's caption has the numbers).
                """#,
        ], korean: korean)

    /// The seeds' statements the block's numbers bear on.
    static func slides(_ run: BlockRun) -> [String] {
        [run.sameSizeBullet(), run.residualBullet()] + (run.selfPeakBullet().map { [$0] } ?? []) + [run.sumBullet()] + (run.positionWiseBullet().map { [$0] } ?? [])
    }
}
