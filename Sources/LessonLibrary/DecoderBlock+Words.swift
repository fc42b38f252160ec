// The words of decoder-block: its title, equations and convention, the examples' stories, the
// inputs' captions, the cross-attention's figure and the seeds' statements on the decoder.

import TraceCore

extension DecoderBlock {
    static let words = Words(
        captions: [
            "tgt": ("Target input", "One target token per row: its embedding with its position already added (attention alone does not see the order), or the output of the block below. In training the rows are the whole right answer at once, shifted right by one behind a start token (teacher forcing), so that row i learns to predict token i + 1."),
            "memory": ("Memory", "The encoder's output, one row per source token: every decoder layer reads the same rows."),
        ],
        text: [
            "summary": "One Transformer decoder layer as torch.nn.TransformerDecoderLayer: masked self-attention, encoder–decoder attention, the feed-forward network, each with Add & Norm",
            "title": "Transformer decoder block",
            "why": #"""
                A decoder block has three sublayers, each wrapped in a residual connection and a layer norm: \#
                **masked self-attention** over the target tokens so far (no token sees a later one), **encoder–decoder \#
                attention** in which each target token queries the encoder's output $M$ (the memory), and the \#
                **feed-forward network** on each token alone.
                """#,
            "heading equations": "The equations",
            "equations, post": #"""
                \begin{aligned}
                Y_{\text{sa}} &= \operatorname{MultiHead}(X, X, X«mask»), \quad Z_{1} = X + Y_{\text{sa}}, \quad N_{1} = \operatorname{LayerNorm}_{1}(Z_{1}) && \text{masked self-attention} \\
                Y_{\text{ca}} &= \operatorname{MultiHead}(N_{1}, M, M), \quad Z_{2} = N_{1} + Y_{\text{ca}}, \quad N_{2} = \operatorname{LayerNorm}_{2}(Z_{2}) && \text{encoder–decoder attention} \\
                U &= N_{2} W_{1}^{\top} + b_{1}, \quad H = \operatorname{act}(U), \quad Y_{\text{ff}} = H W_{2}^{\top} + b_{2} && \text{feed-forward} \\
                Z_{3} &= N_{2} + Y_{\text{ff}}, \quad Y = \operatorname{LayerNorm}_{3}(Z_{3}) && \text{Add \& Norm}
                \end{aligned}
                """#,
            "equations, pre": #"""
                \begin{aligned}
                N_{1} &= \operatorname{LayerNorm}_{1}(X), \quad Z_{1} = X + \operatorname{MultiHead}(N_{1}, N_{1}, N_{1}«mask») && \text{masked self-attention} \\
                N_{2} &= \operatorname{LayerNorm}_{2}(Z_{1}), \quad Z_{2} = Z_{1} + \operatorname{MultiHead}(N_{2}, M, M) && \text{encoder–decoder attention} \\
                N_{3} &= \operatorname{LayerNorm}_{3}(Z_{2}), \quad Y = Z_{2} + \operatorname{act}(N_{3} W_{1}^{\top} + b_{1}) W_{2}^{\top} + b_{2} && \text{feed-forward}
                \end{aligned}
                """#,
            "convention": #"""
                **Convention.** PyTorch's `nn.TransformerDecoderLayer(batch_first=True)` on one sequence, with dropout 0 \#
                (or in eval mode); its cross-attention's weights are `multihead_attn.*`, its values here `cross_attn.…`. \#
                «common»«mask» «annotated»
                """#,
            "convention, post": #"post-norm (`norm_first` false, PyTorch's default and the paper's), $\operatorname{LayerNorm}(x + \operatorname{Sublayer}(x))$"#,
            "convention, pre": #"pre-norm (`norm_first` true), $x + \operatorname{Sublayer}(\operatorname{LayerNorm}(x))$, with no norm after the last sum"#,
            "convention, causal": #" The self-attention is masked, as PyTorch's is when given `tgt_mask = nn.Transformer.generate_square_subsequent_mask(T)`; without `tgt_mask` PyTorch masks nothing (`tgt_is_causal` is only a hint). The encoder–decoder attention is not masked (PyTorch's `memory_mask` would hide source positions, padding usually)."#,
            "notice": #"""
                Three sublayers, one pattern, in the order seed 004 reads them: the self-attention mixes the target \#
                tokens so far (understand what has been said), the encoder–decoder attention brings in the source \#
                through $M$ (look it up), the feed-forward network transforms each token alone (on the way to predicting \#
                the next word). The block maps $T \times E$ to $T \times E$, so blocks stack; the residual sums carry \#
                each token's own row past every sublayer; «norms»
                """#,
            "stack norm": "`nn.TransformerDecoder(norm=…)`",
            "figure cross": "Encoder–decoder attention: each head's weights, and their average",
            "figure cross, first heads": "Encoder–decoder attention: heads 1 to «drawn» of «heads», and the average of all «heads»",
            "figure cross, description": "Rows are the decoder's tokens (the queries), columns the memory's (the keys); 0 is dark purple, 1 yellow.",
            "default.summary": "“I love you” reading the memory of “나는 너를 사랑해”: masked self-attention, encoder–decoder attention, feed-forward, three Add & Norms",
            "default.story": #"""
                The target “I love you” (3 rows of 4 numbers) and a memory of 3 rows standing for the encoder's output on \#
                “나는 너를 사랑해”, the sentence pair of [seq2seq-attention.md](seq2seq-attention.md). The self-attention \#
                has [multi-head-attention.md](multi-head-attention.md)'s projection matrices, with no output bias. The \#
                cross-attention's $W_{Q}$ and $W_{K}$ are scaled identities: in each head, a query weighs most the memory \#
                row with the largest dot product between $N_{1}$'s row and that memory row over the head's columns. The feed-forward \#
                network is [transformer-block.md](transformer-block.md)'s. Post-norm, relu, masked. The rows' numbers are \#
                chosen by hand, not taken from a trained model, and each row is labelled with the word it stands for.
                """#,
            "default.backward": #"""
                The loss is the sum of the output's entries ($G$ all ones); norm 3's $\gamma_{3}$ differs from \#
                feature to feature, which is what lets a gradient through, as the next paragraph shows.
                """#,
            "pre-norm.summary": "the same decoder block with norm_first: norm, sublayer, add",
            "pre-norm.story": #"""
                [decoder-block.md](decoder-block.md)'s example with `norm_first: true`: each sublayer reads normalized \#
                rows and its output is added to the raw ones, so the output is $X + Y_{\text{sa}} + Y_{\text{ca}} + Y_{\text{ff}}$.
                """#,

            // The seeds' statements.
            "slides, mask": #"- Seeds 000, 004: “The decoder's self-attention is masked: each word depends only on the words before it.” Confirmed, counting the word itself: every weight on a later token is 0 in every head, so «first» puts 1.00 on itself and «last» spreads over all «T».«rerun» PyTorch masks only when given `tgt_mask`: without it, this example's $Y$ changes by up to «without»."#,
            "slides, mask, why": #"- Why the mask (seed 000: “for training”; seed 004: the answer cannot be shown while it is being learned): in training the whole right answer goes in at once, and without the mask each row could read the very word it is to predict. With it, all «T» positions train in one pass as if the words came one at a time. At test time there is no answer yet: the decoder generates one token at a time and feeds its own output back."#,
            "slides, mask, rerun": " The whole layer keeps it: rerun with «last»'s row of $X$ changed (+1 in every entry), rows 1 to «T-1» of $Y$ stay exactly as they were and only «last»'s row moves (by up to «moved»).",
            "slides, mask, rerun, moved": " Rerun with «last»'s row of $X$ changed (+1 in every entry), rows 1 to «T-1» of $Y$ move by up to «before» (rounding) and «last»'s row by up to «moved».",
            "slides, mask, off": #"- Seeds 000, 004: “The decoder's self-attention is masked.” Not here: `tgt_causal` is false, and «first» puts «later» on later tokens (head «m»)."#,
            "slides, cross": #"- Seed 004: “Q from the decoder's output embeddings, K and V from the encoder's.” Nearly: $Q_{\text{ca}}$ has T = «T» rows made from $N_{«k»}$ (the decoder's rows after the self-attention and norm «k», not its input $X$), $K_{\text{ca}}$ and $V_{\text{ca}}$ S = «S» rows made from $M$ alone (row j of $K_{\text{ca}}$ from row j of $M$), so the weights are «T» × «S». Averaged over the heads (what PyTorch returns by default, `average_attn_weights`): «picks». «heads»«chosen»"#,
            "slides, cross, heads agree": "Each head's own largest weights (in its weights' caption) fall on the same memory rows.",
            "slides, cross, heads differ": "Each head has its own (in its weights' caption): for «list», «n» of the «T» target tokens, the heads' largest weights fall on different memory rows.",
            "slides, cross, chosen": #" The alignment is built in, not learned: $W_{Q,\text{ca}}$ and $W_{K,\text{ca}}$ were chosen as scaled identities and $M$'s rows by hand, so in each head a query weighs most the memory row with the largest dot product between $N_{«k»}$'s row and that memory row over the head's columns."#,
            "slides, sent": #"- Seed 000: “The encoder sends K and V to the decoder.” Partly: what crosses is $M$ itself («S» × «E»); $K_{\text{ca}}$ and $V_{\text{ca}}$ are made from it inside the decoder layer, by the layer's own $W_{K,\text{ca}}$ and $W_{V,\text{ca}}$, so every decoder layer of a stack makes its own keys and values from the same $M$."#,
        ], korean: korean)

    /// The seeds' statements the decoder's numbers bear on.
    static func slides(_ run: BlockRun) -> [String] {
        var bullets = [run.sameSizeBullet(), run.residualBullet()]
        bullets += run.maskBullets()
        if let cross = run.crossBullet() {
            bullets.append(cross)
            bullets.append(words("slides, sent", ["S": "\(run.p.s)", "E": "\(run.p.e)"]))
        }
        bullets.append(run.sumBullet())
        if let ff = run.positionWiseBullet() { bullets.append(ff) }
        return bullets
    }
}
