// The words of attention-qkv: what each value means and the story around the equations.
// Keys are value names, or names for the paragraphs; ", causal" marks the words used with the mask.
// Sentences about the example's numbers have slots the lesson fills from the values (AttentionQKV.swift).

import TraceCore

extension AttentionQKV {
    static let words = Words(
        captions: [
            "output.grad": ("gradient of the output", "The loss's gradient $G$ itself: the output is what the loss sees."),
            "weights.grad": ("gradient of the attention weights", "Entry (i, j): how well value row j lines up with what $L$ wants from output row i."),
            "sum.grad": ("gradient of the row sums", #"Each weight is $E_{ij}/z_{i}$, so a larger $z_{i}$ lowers every weight of row i."#),
            "exp.grad": ("gradient of the exponentials", #"Through the weight $E_{ij}/z_{i}$ directly, and through the row sum $z_{i}$."#),
            "exp.grad, causal": ("gradient of the exponentials", #"Through the weight $E_{ij}/z_{i}$ directly, and through the row sum $z_{i}$. A masked exponential is 0 and passes nothing back."#),
            "max.grad": ("gradient of the row maxima", #"0 up to rounding: raising $m_{i}$ scales every $E_{ij}$ of the row and $z_{i}$ alike, so no weight moves."#),
            "scaled.grad": ("gradient of the scaled scores", #"Through exp ($\exp' = E$), and through the row maximum, whose 0 goes to the row's largest entry."#),
            "scaled.grad, causal": ("gradient of the scaled scores", #"Through exp ($\exp' = E$), and through the row maximum, whose 0 goes to the row's largest entry. A masked score's gradient is 0: no change to it reaches the loss."#),
            "scores.grad": ("gradient of the scores", #"Divided by $\sqrt{d_{k}}$, as the scores were."#),
            "scores.grad, unscaled": ("gradient of the scores", #"The same as $\frac{\partial L}{\partial \hat{S}}$: nothing divided the scores."#),
            "V.grad": ("gradient of the values", "Value row j collects the output gradients of the queries, each weighted by how much it attended to token j."),
            "K.grad": ("gradient of the keys", "For key j, the queries, weighted by how much $L$ rises with their score against it. (Training moves against the gradient, to lower $L$.)"),
            "Q.grad": ("gradient of the queries", "For query i, the keys, weighted by how much $L$ rises with its score against them."),
            "x.grad": ("gradient of the embeddings", "$X$ made $Q$, $K$ and $V$: three terms."),
            "w_q.grad": ("gradient of the query weights", "Summed over the tokens: one $W_{Q}$ made every query."),
            "w_k.grad": ("gradient of the key weights", "Likewise for the keys."),
            "w_v.grad": ("gradient of the value weights", "And for the values."),
            "x": ("Token embeddings", ""),
            "w_q": ("Query weights", ""),
            "w_k": ("Key weights", ""),
            "w_v": ("Value weights", ""),
            "Q": ("queries", #"Row i, $q_{i}$: what token i looks for."#),
            "K": ("keys", #"Row j, $k_{j}$: what token j offers."#),
            "V": ("values", #"Row j, $v_{j}$: what token j hands over."#),
            "scores": ("scores", ""),
            "scale": ("Scale", ""),
            "M": ("Causal mask", "−∞ where key j comes after query i: its weight becomes 0."),
            "scaled": ("scaled scores", ""),
            "scaled, one": ("scaled scores", #"$\sqrt{d_{k}} = 1$: the scores unchanged."#),
            "scaled, causal": ("scaled and masked scores", "Future keys are −∞."),
            "scaled, unscaled": ("scores, not scaled", #"Not divided by $\sqrt{d_{k}}$: $\hat{S}$ is $S$ itself."#),
            "scaled, unscaled, causal": ("masked scores, not scaled", #"Not divided by $\sqrt{d_{k}}$, only masked: future keys are −∞."#),
            "max": ("row maxima", #"Subtracted against overflow: $A$ is unchanged, as $e^{-m_{i}}$ cancels in $E_{ij}/z_{i}$."#),
            "exp": ("exponentials", "The row's largest becomes 1."),
            "exp, causal": ("exponentials", "The row's largest becomes 1, a masked one 0."),
            "sum": ("row sums", "The softmax's denominators, shifted like $E$."),
            "weights": ("attention weights", "«rows»."),
            "output": ("output", ""),
        ],
        text: [
            "backward equations": #"""
                \frac{\partial L}{\partial A} = \frac{\partial L}{\partial O} V^{\top}, \quad
                \frac{\partial L}{\partial \hat{S}} = A \odot \left(\frac{\partial L}{\partial A} - \operatorname{rowsum}\left(A \odot \frac{\partial L}{\partial A}\right)\right), \quad
                \frac{\partial L}{\partial S} = \frac{\partial L}{\partial \hat{S}}«divided», \quad
                \frac{\partial L}{\partial Q} = \frac{\partial L}{\partial S} K, \quad
                \frac{\partial L}{\partial K} = \left(\frac{\partial L}{\partial S}\right)^{\top} Q, \quad
                \frac{\partial L}{\partial V} = A^{\top} \frac{\partial L}{\partial O}
                """#,
            "heading back through": "Back through attention",
            "heading input gradients": "The inputs' gradients",
            "softmax compact": #"""
                The three steps through the softmax compress into one rule. Changing $\hat S_{ij}$ moves $A_{ij}$ \#
                by $A_{ij}(1 - A_{ij})$ and every other $A_{ik}$ of the row by $-A_{ik} A_{ij}$, so \#
                $\frac{\partial L}{\partial \hat S_{ij}} = A_{ij} \left(\frac{\partial L}{\partial A_{ij}} - \sum_{k} A_{ik} \frac{\partial L}{\partial A_{ik}}\right)$: \#
                the weight's own gradient, less the row's average of them, times the weight. For entry \#
                (1, 1), with $\sum_{k} A_{1k} \frac{\partial L}{\partial A_{1k}} = «dot shown»$: \#
                «a» · («da» − «dot») = «result», the «found» found above.
                """#,
            "summary": "Scaled dot-product attention, one head: queries, keys, values, softmax, weighted sum",
            "title": "Scaled dot-product attention, one head",
            "title, causal": "Scaled dot-product attention, one head, with a causal mask",
            "title, unscaled": "Dot-product attention, one head, not scaled",
            "title, unscaled, causal": "Dot-product attention, one head, not scaled, with a causal mask",
            "default.summary": "“The cat sat”: “sat” attends mostly to “cat”",
            "default.story": "“The cat sat”, with the query of “sat” made to match the key of “cat” best.",
            "causal.summary": "the same sentence with a causal mask: no token looks ahead",
            "causal.story": #"""
                The same tokens with a causal mask, as in a decoder (seed notes 000, 004): a token sees itself and \#
                the tokens before it. In training the whole target sentence goes in at once (teacher forcing), so \#
                the later tokens, the answers, are there and must be hidden; when generating they do not exist yet.
                """#,
            "illustrated-transformer.summary": "The Illustrated Transformer's numbers: 112 and 96, ÷ 8 → 14 and 12, softmax 0.88 and 0.12",
            "illustrated-transformer.story": #"""
                Jay Alammar's *The Illustrated Transformer* (2018), quoted in seed notes 000, scores “Thinking” \#
                against “Thinking Machines” with $d_{k} = 64$: 112 and 96, divided by $\sqrt{64} = 8$ to 14 and 12, \#
                softmax 0.88 and 0.12. The article prints no vectors, so these are chosen to give exactly those \#
                scores: $X$ is the 2 × 2 identity, so the rows of $W_{Q}$, $W_{K}$, $W_{V}$ are the queries, keys and \#
                values themselves ($q_{1}$ is 64 ones, $k_{1}$ 64 entries of 1.75, $k_{2}$ 64 of 1.5). $q_{2}$ (entries 0.5) and \#
                the values ($v_{1}$ ones, $v_{2}$ zeros, so that the output shows the weights) are chosen, not the source's.
                """#,
            "alternative, unscaled": "scores not divided by √d_k, plain dot-product attention",
            "alternative, scaled": "scores divided by √d_k, the paper's scaled dot-product attention",
            "why": #"""
                **Attention** compares each token's **query** with every token's **key**; the better they match, \#
                the more of that token's **value** it takes in.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                Q &= X W_{Q}, \quad K = X W_{K}, \quad V = X W_{V} \\
                S &= Q K^{\top} && \text{scores: } S_{ij} = q_{i} \cdot k_{j} \\
                \hat{S} &= «scaled» && \text{«step»} \\
                A_{ij} &= \frac{\exp(\hat{S}_{ij})}{\sum_{j'} \exp(\hat{S}_{ij'})} && \text{weights: softmax of each row} \\
                O &= A V && \text{output: } o_{i} = \textstyle\sum_{j} A_{ij} v_{j}
                \end{aligned}
                """#,
            "scaling, unscaled": #"""
                **Not scaled:** this note leaves the scores undivided, plain dot-product attention as many \#
                tutorials compute it, so $\hat{S} = S$. The paper divides by $\sqrt{d_{k}}$: \#
                for independent entries of mean 0 and variance 1, $q \cdot k$, a sum of $d_{k}$ products, has \#
                variance $d_{k}$, and the division restores 1, so the softmax does not saturate.
                """#,
            // The step from S to Ŝ in the equations: «scaled» and «step».
            "Ŝ": #"S / \sqrt{d_{k}}"#,
            "Ŝ, causal": #"S / \sqrt{d_{k}} + M"#,
            "Ŝ, unscaled": "S",
            "Ŝ, unscaled, causal": "S + M",
            "Ŝ step": "scaled",
            "Ŝ step, causal": "scaled, masked",
            "Ŝ step, unscaled": "not scaled",
            "Ŝ step, unscaled, causal": "masked, not scaled",
            "∂S divided": #" \Big/ \sqrt{d_{k}}"#,
            "∂S divided, unscaled": "",
            "scaling": #"""
                **Why $\sqrt{d_{k}}$:** for independent entries of mean 0 and variance 1, $q \cdot k$, a sum of \#
                $d_{k}$ products, has variance $d_{k}$; the division restores 1, so the softmax does not saturate.
                """#,
            "convention": #"""
                **Convention:** $Q = X W_{Q}$, weights in × out, as in the paper (the multi-head note uses PyTorch's \#
                $X W^{\top}$).
                """#,
            "legend n": "tokens",
            "legend d_model": "numbers per token",
            "legend d_k": "per query and key",
            "legend d_v": "per value",
            "heading steps": "Step by step",
            "heading projections": "Queries, keys and values",
            "heading scores": "Scores",
            "figure scaled": "Scaled scores Ŝ",
            "panel scaled": "Ŝ = Q Kᵀ / √d_k",
            "panel scaled, causal": "Ŝ = Q Kᵀ / √d_k + M",
            "panel scaled, unscaled": "Ŝ = Q Kᵀ (not scaled)",
            "panel scaled, unscaled, causal": "Ŝ = Q Kᵀ + M (not scaled)",
            "figure scaled, unscaled": "Scores Ŝ, not scaled",
            "figure scaled, description": "Red positive, blue negative.",
            "figure scaled, description, causal": "Red positive, blue negative, grey masked (−∞).",
            "heading softmax": "Softmax",
            "figure weights": "Attention weights A",
            "panel weights": "A = softmax(Ŝ), row by row",
            "figure weights, description": "0 dark purple, 1 yellow.",
            "heading output": "Output",
            "heading summary": "Summary",
            "notice": #"""
                Shuffle the tokens and each keeps its output row, only moved with it (seed 000: “A B C D” and \#
                “B A C D” encode alike): attention ignores order, so Transformers add a positional encoding.
                """#,
            "notice, causal": #"""
                The mask is the only place where order enters: without it, shuffled tokens would keep their \#
                output rows, only moved with them.
                """#,
            // What the weights say, row by row: «query» and «key» are tokens, «weight» a weight.
            "token": "“«token»”",
            "token number": "token «i»",
            "itself": "itself",
            "row one key": "«query» sees only «key» (1)",
            "row even": "«query» spreads evenly («weight» on each)",
            "row tie": "«query» weighs «key» and «second» equally («weight» each)",
            "row peaked": "«query» is peaked on «key» («weight», over twice the next, «second» «second weight»)",
            "row spread": "«query» is spread («key» «weight», under twice the next, «second» «second weight»)",
            "rows joined": "; ",
            "blank row": "«tokens» has query 0, so «alike»",
            "blank rows": "«tokens» have query 0, so «alike»",
            "blank rows weight": "every key gets «weight»",
            "blank rows, causal": "each weighs the keys it sees alike",
            "rows left out": "…",

            // What the seed notes say, and what the numbers show: one bullet per seed statement.
            "confirmed": "Confirmed",
            "refuted": "Refuted",
            "not always": "Not always",
            "slides widths": #"""
                - Seed 000: “Q and K need the same width; V need not, and the output takes V's.” Confirmed: \#
                $d_{k} = «d_k»$, $d_{v} = «d_v»$, $O$ is «n» × «d_v».
                """#,
            "slides kv, widths": #"""
                - Seed 000: “The score is the dot product of K and V.” Refuted: at these widths $k \cdot v$ does not \#
                exist; the score is $q_{i} \cdot k_{j}$, as the seed says elsewhere.
                """#,
            "slides kv, entry": #"""
                - Seed 000: “The score is the dot product of K and V.” Refuted: $q_{«i»} \cdot k_{«i»} = «qk»$, but \#
                $k_{«i»} \cdot v_{«i»} = «kv»$; the score is $q_{i} \cdot k_{j}$, as the seed says elsewhere.
                """#,
            "slides plain, confirmed": #"""
                - Seed 001: “With plain dot products, similarity with itself comes out far the largest.” \#
                Confirmed: each row of $«X» «X»^{\top}$«rows» is largest on its own token.
                """#,
            "slides plain": #"""
                - Seed 001: “With plain dot products, similarity with itself comes out far the largest.” \#
                «verdict»: in $«X» «X»^{\top}$«rows», «query» · «other» «compares» «query» · «query» = «self», which only a \#
                token at least as long can do ($x_{i} \cdot x_{j} \le |x_{i}| |x_{j}|$; «other» · «other» = «other self»). \#
                Seed 001's queries and keys fix this.
                """#,
            "gram rows": " (rows «rows»)",
            "gram row": " (row «i»: «row»)",
            "equals": "=",
            "exceeds": "= «value» >",
            "slides self, confirmed": #"""
                - Seed 000: “After the softmax, a word relates most to itself.” Confirmed: every token weighs \#
                itself most («weights»), as $W_{Q}$ and $W_{K}$ make it here.
                """#,
            "slides self": #"""
                - Seed 000: “After the softmax, a word relates most to itself.” «verdict»: «said»; $W_{Q}$ and \#
                $W_{K}$ decide, nothing forces the diagonal of $A$ to be largest.
                """#,
            "slides self fails, one": "«tokens» weighs another token more («weights» on itself)",
            "slides self fails, more": "«tokens» each weigh another token more («weights» on themselves)",
            "slides self holds, one": "«tokens» weighs itself most («weights»)",
            "slides self holds, more": "«tokens» each weigh themselves most («weights»)",
            "chosen query": "«token» (its query chosen here, not the source's)",
            "but": ", but ",
            "slides softmax": #"""
                - Seed 004: “$c_{4} = \sum_{i} \langle s_{4}, h_{i} \rangle h_{i}$” Incomplete: it has no softmax (the \#
                seed adds it later), nor projections or scaling: used as weights, «query»'s scores «scores» (here \#
                after the projections) sum to «sum», not 1; their softmax is «softmax».
                """#,
            "slides softmax, one": #"""
                - Seed 004: “$c_{4} = \sum_{i} \langle s_{4}, h_{i} \rangle h_{i}$” Incomplete: it has no softmax (the \#
                seed adds it later), nor projections or scaling: «query»'s scores «scores» (here after the \#
                projections) would be its weights (they happen to sum to 1); their softmax is «softmax».
                """#,
            "slides scale": #"""
                - Seed 001: “Without dividing by $\sqrt{d_{k}}$ the softmax piles onto the largest score.” \#
                Confirmed: undivided, «query»'s top weight is «unscaled» (above); divided by «scale», «scaled».
                """#,
            "slides average": #"""
                - Seed 003: “The query, dotted with every key, finds the most similar value.” Partly: the largest \#
                weight of row «i» of $A$ falls on «key», but $o_{«i»}$ = «output» is neither «key»'s value «value» nor \#
                the sum «seen» «sum»: it is their average weighted by that row.
                """#,
            "all values": "of the values",
            "values seen": "of the values it sees",
            "slides mask, confirmed": #"""
                - Seed 000: “Masking makes each word depend only on the words before it.” Confirmed: every \#
                weight above the diagonal of $A$ is 0 (a word sees itself too), so «first»'s output is its value, «value».
                """#,
            "slides thinking": #"""
                - Seed 000: “Thinking's interaction with itself becomes 0.88, with Machines 0.12.” «verdict»: \#
                the softmax of «s1» and «s2» is «a1» and «a2».
                """#,
        ],
        korean: koreanWords)
}
