// The words of attention-qkv: what each value means and the story around the equations.
// Keys are value names, or names for the paragraphs; ", causal" marks the words used with the mask.

import TraceCore

extension AttentionQKV {
    static let words = Words(
        captions: [
            "output.grad": ("gradient of the output", "The loss's gradient G itself: the output is what the loss sees."),
            "weights.grad": ("gradient of the attention weights", #"$\frac{\partial L}{\partial O} V^{\top}$: entry (i, j) is how well token j's value row lines up with what L wants from output row i."#),
            "sum.grad": ("gradient of the row sums", #"Each weight is $E_{ij}/z_{i}$, so a larger $z_{i}$ lowers every weight of its row: $-\sum_{j} \frac{\partial L}{\partial A_{ij}} E_{ij} / z_{i}^{2}$."#),
            "exp.grad": ("gradient of the exponentials", #"Through the weight $E_{ij}/z_{i}$ directly, and through the row sum $z_{i}$ that every weight of the row divides by."#),
            "exp.grad, causal": ("gradient of the exponentials", #"Through the weight $E_{ij}/z_{i}$ directly, and through the row sum $z_{i}$. A masked entry's exponential is 0, and so is what it passes back."#),
            "max.grad": ("gradient of the row maxima", #"0 up to rounding: raising $m_{i}$ by δ multiplies every $E_{ij}$ of the row and their sum $z_{i}$ by $e^{-\delta}$, so no weight moves. The shift is there so that exp cannot overflow, not to change anything."#),
            "scaled.grad": ("gradient of the scaled scores", #"Through exp ($\exp' = E$), and through the row maximum, whose gradient (0) goes to the row's largest entry ($\mathbb{1}_{\max}$ is 1 there and 0 elsewhere)."#),
            "scaled.grad, causal": ("gradient of the scaled scores", #"Through exp ($\exp' = E$), and through the row maximum, whose gradient (0) goes to the row's largest entry ($\mathbb{1}_{\max}$ is 1 there and 0 elsewhere). A masked score's gradient is 0: no change to it reaches the loss."#),
            "scores.grad": ("gradient of the scores", #"Divided by $\sqrt{d_{k}}$, as the scores were."#),
            "V.grad": ("gradient of the values", #"$A^{\top} \frac{\partial L}{\partial O}$: value row j collects the output gradients of the queries that attended to token j, weighted by how much they did."#),
            "K.grad": ("gradient of the keys", #"$\left(\frac{\partial L}{\partial S}\right)^{\top} Q$: for key j, the queries weighted by how much L rises with their score against it. (Training moves against the gradient, to lower L.)"#),
            "Q.grad": ("gradient of the queries", #"$\frac{\partial L}{\partial S} K$: for query i, the keys weighted by how much L rises with its score against them."#),
            "x.grad": ("gradient of the embeddings", #"Through all three projections: $X$ made $Q$, $K$ and $V$, so its gradient is the sum of three terms."#),
            "w_q.grad": ("gradient of the query weights", #"$X^{\top} \frac{\partial L}{\partial Q}$."#),
            "w_k.grad": ("gradient of the key weights", #"$X^{\top} \frac{\partial L}{\partial K}$."#),
            "w_v.grad": ("gradient of the value weights", #"$X^{\top} \frac{\partial L}{\partial V}$."#),
            "x": ("Token embeddings", "Row i is the embedding of token i."),
            "w_q": ("Query weights", "Column j makes entry j of every query from the embedding."),
            "w_k": ("Key weights", "Column j makes entry j of every key."),
            "w_v": ("Value weights", "Column j makes entry j of every value."),
            "Q": ("queries", "Row i is what token i is looking for."),
            "K": ("keys", "Row j is how token j presents itself to the queries."),
            "V": ("values", "Row j is what token j hands over when attended to."),
            "scores": ("scores", #"Entry (i, j) is the dot product $q_{i} \cdot k_{j}$: large when query i and key j point the same way."#),
            "scale": ("Scale", #"The square root of $d_{k} = «d_k»$."#),
            "M": ("Causal mask (from `causal: true`)",
                  "0 where key j is not in query i's future (j ≤ i), −∞ where it is: adding −∞ makes that weight exactly 0 after the softmax."),
            "scaled": ("scaled scores", #"The scores divided by $\sqrt{d_{k}}$, so their spread does not grow with $d_{k}$."#),
            "scaled, causal": ("scaled and masked scores",
                               #"The scores divided by $\sqrt{d_{k}}$, so their spread does not grow with $d_{k}$; future positions are −∞."#),
            "max": ("largest scaled score of each row", "Subtracted before exp: the softmax does not change, and exp cannot overflow."),
            "exp": ("exponentials", "Each shifted score's exponential, between 0 and 1: the row's largest becomes exactly 1."),
            "exp, causal": ("exponentials", "Each shifted score's exponential, between 0 and 1: the row's largest becomes exactly 1, masked ones exactly 0."),
            "sum": ("row sums of the exponentials", "The softmax's denominator, one per query."),
            "weights": ("attention weights",
                        "Row i says how much token i takes from each token: every entry between 0 and 1, each row summing to 1 (up to rounding in the last decimal shown)."),
            "output": ("output", #"Row i is the weighted average $\sum_{j} A_{ij} v_{j}$ of the value rows: token i's new representation."#),
        ],
        text: [
            "backward equations": #"""
                \frac{\partial L}{\partial A} = \frac{\partial L}{\partial O} V^{\top}, \quad
                \frac{\partial L}{\partial \hat{S}} = A \odot \left(\frac{\partial L}{\partial A} - \operatorname{rowsum}\left(A \odot \frac{\partial L}{\partial A}\right)\right), \quad
                \frac{\partial L}{\partial S} = \frac{\partial L}{\partial \hat{S}} \Big/ \sqrt{d_{k}}, \quad
                \frac{\partial L}{\partial Q} = \frac{\partial L}{\partial S} K, \quad
                \frac{\partial L}{\partial K} = \left(\frac{\partial L}{\partial S}\right)^{\top} Q, \quad
                \frac{\partial L}{\partial V} = A^{\top} \frac{\partial L}{\partial O}
                """#,
            "heading back through": "Back through attention",
            "heading input gradients": "The inputs' gradients",
            "softmax compact": #"""
                The three steps through the softmax (sum, exp, max) compress into one well-known rule. With \#
                $A_{ij} = e^{\hat{S}_{ij}} / \sum_{k} e^{\hat{S}_{ik}}$, changing $\hat{S}_{ij}$ moves $A_{ij}$ by \#
                $A_{ij}(1 - A_{ij})$ and every other $A_{ik}$ of the row by $-A_{ik} A_{ij}$, so \#
                $\frac{\partial L}{\partial \hat{S}_{ij}} = A_{ij} \left(\frac{\partial L}{\partial A_{ij}} - \sum_{k} A_{ik} \frac{\partial L}{\partial A_{ik}}\right)$: \#
                each weight's own gradient, less the row's weighted average of them, times the weight. For entry \#
                (1, 1), with the row's average $\sum_{k} A_{1k} \frac{\partial L}{\partial A_{1k}} = «dot»$: \#
                «a» · («da» − «dot») = «result», the «found» found above.
                """#,
            "summary": "Scaled dot-product attention, one head: queries, keys, values, softmax, weighted sum",
            "title": "Scaled dot-product attention, one head",
            "title, causal": "Scaled dot-product attention, one head, with a causal mask",
            "default.summary": "“The cat sat”: “sat” attends mostly to “cat”",
            "default.story": #"""
                Three tokens, “The cat sat”, each an embedding of 4 numbers (a row of $X$), as in the seed \#
                notes' example of words × 4 dimensions. The weights were chosen so that the query of “sat” \#
                matches the key of “cat” best: in the attention weights, row “sat” puts most of its weight on \#
                column “cat”, so the output for “sat” is mostly the value vector of “cat”. Each query is \#
                compared with every key, including its own.
                """#,
            "causal.summary": "the same sentence with a causal mask: no token looks ahead",
            "causal.story": #"""
                The same three tokens with `causal: true`, as in a decoder's masked self-attention (seed \#
                notes 004): a token may attend to itself and to the tokens before it, never to later ones, \#
                because when generating text the later tokens do not exist yet. The mask adds $-\infty$ to \#
                the scores of future positions before the softmax, so their weights are exactly 0 and each row \#
                still sums to 1. Compare with `lesson attention-qkv`: row “The” can only attend to itself.
                """#,
            "illustrated-transformer.summary": "The Illustrated Transformer's numbers: 112 and 96, ÷ 8 → 14 and 12, softmax 0.88 and 0.12",
            "illustrated-transformer.story": #"""
                Jay Alammar's *The Illustrated Transformer* (2018), quoted in seed notes 000, walks through \#
                self-attention for “Thinking Machines” with $d_{k} = 64$: the scores of “Thinking” are \#
                $q_{1} \cdot k_{1} = 112$ and $q_{1} \cdot k_{2} = 96$; divided by $\sqrt{64} = 8$ they are 14 and \#
                12; the softmax turns them into 0.88 and 0.12. The figure does not print the vectors, so this \#
                example chooses some that give exactly those scores. $X$ is the 2 × 2 identity, a toy input (the \#
                article's embeddings have 512 numbers), so that the rows of $W_{Q}$, $W_{K}$, $W_{V}$ are the \#
                query, key and value vectors themselves: $q_{1}$ is 64 ones, \#
                $k_{1}$ is 64 × 1.75 and $k_{2}$ 64 × 1.5. The second query (64 × 0.5) and the values \#
                ($v_{1}$ all ones, $v_{2}$ all zeros, so the output shows the weights directly) are not in the \#
                source. The six numbers of the figure are checked as claims, marked ✓ where they appear.
                """#,
            "illustrated-transformer.source": "The Illustrated Transformer (J. Alammar, 2018), the self-attention figure, steps 2–4 (112, 96, 14, 12, 0.88, 0.12); seed notes 000 quote its 0.88 and 0.12",
            "alternative, unscaled": "scores not divided by √d_k (plain dot-product attention)",
            "why": #"""
                A recurrent network passes information along the sequence one step at a time. **Attention** lets \#
                every token look at every other token directly, in one step: each token asks a question (its \#
                **query**), every token offers a description of itself (its **key**) and a content (its \#
                **value**). How well a query matches each key decides how much of each value the token takes in. \#
                The result for each token is a weighted average of all the values, with weights that depend on \#
                the input, so the same layer can relate a verb to its subject in one sentence and to its object \#
                in another (seed notes 000 and 003).
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                Q &= X W_{Q}, \quad K = X W_{K}, \quad V = X W_{V} \\
                S &= Q K^{\top} && \text{scores: } S_{ij} = q_{i} \cdot k_{j} \\
                \hat{S} &= S / \sqrt{d_{k}} && \text{scaled} \\
                A_{ij} &= \frac{\exp(\hat{S}_{ij})}{\sum_{j'} \exp(\hat{S}_{ij'})} && \text{weights: softmax of each row} \\
                O &= A V && \text{output: } o_{i} = \textstyle\sum_{j} A_{ij} v_{j}
                \end{aligned}
                """#,
            "equations, causal": #"""
                \begin{aligned}
                Q &= X W_{Q}, \quad K = X W_{K}, \quad V = X W_{V} \\
                S &= Q K^{\top} && \text{scores: } S_{ij} = q_{i} \cdot k_{j} \\
                \hat{S} &= S / \sqrt{d_{k}} + M && \text{scaled, masked} \\
                A_{ij} &= \frac{\exp(\hat{S}_{ij})}{\sum_{j'} \exp(\hat{S}_{ij'})} && \text{weights: softmax of each row} \\
                O &= A V && \text{output: } o_{i} = \textstyle\sum_{j} A_{ij} v_{j}
                \end{aligned}
                """#,
            "scaling": #"""
                **Why divide by $\sqrt{d_{k}}$** (seed notes 001): if the entries of $q$ and $k$ are independent \#
                with mean 0 and variance 1, their dot product, a sum of $d_{k}$ products, has variance $d_{k}$. With \#
                $d_{k} = 64$ the scores have a standard deviation of 8, differences of 10 or 20 between them are \#
                common, and the softmax of such numbers puts almost all weight on one token: it *saturates*, and its \#
                gradient vanishes. Dividing by $\sqrt{d_{k}}$ brings the variance back \#
                to 1. The softmax is computed as $\exp(\hat{S}_{ij} - m_{i}) / \sum_{j'} \exp(\hat{S}_{ij'} - m_{i})$ \#
                with $m_{i}$ the row's largest entry: subtracting the same number from a whole row does not change \#
                the softmax, and it keeps $\exp$ from overflowing (PyTorch does the same).
                """#,
            "convention": #"""
                **Convention.** Tokens are rows and the weights multiply from the right, $Q = X W_{Q}$, as in the \#
                paper and The Illustrated Transformer. PyTorch's `nn.Linear` stores a weight as out × in and \#
                computes $X W^{\top}$ (`lesson multi-head-attention` uses that form); \#
                `torch.nn.functional.scaled_dot_product_attention(Q, K, V)` computes the steps from $S$ on.
                """#,
            "legend n": "tokens (rows of $X$)",
            "legend d_model": "numbers per token embedding",
            "legend d_k": "numbers per query and key",
            "legend d_v": "numbers per value (and per output row)",
            "heading steps": "Step by step",
            "heading projections": "Queries, keys and values",
            "heading scores": "Scores and their scaling",
            "figure scaled": "Scaled scores Ŝ before the softmax",
            "panel scaled": "Ŝ = Q Kᵀ / √d_k",
            "panel scaled, causal": "Ŝ = Q Kᵀ / √d_k + M",
            "figure scaled, description": "Heatmap of the scaled scores, one row per query token and one column per key token: red is positive, blue negative, white zero; the numbers are in the table above.",
            "figure scaled, description, causal": "Heatmap of the scaled scores, one row per query token and one column per key token: red is positive, blue negative, white zero, grey the masked (−∞) entries; the numbers are in the table above.",
            "heading softmax": "Softmax, row by row",
            "figure weights": "Attention weights A",
            "panel weights": "A = softmax(Ŝ), row by row",
            "figure weights, description": "Heatmap of the attention weights, one row per query token and one column per key token, on a 0 to 1 colour scale (dark purple 0, yellow 1); each row sums to 1. The numbers are in the table above.",
            "heading output": "Output",
            "heading summary": "Summary",
            "notice": #"""
                Every token attended to every token in one step, with weights computed from the input itself; \#
                reading each row of $A$ says who looks at whom. Two things to notice: the rows of $A$ sum to 1, so \#
                each output row is an average of value rows and stays on their scale; and nothing here depends on \#
                the order of the tokens — shuffle the rows of $X$ and the rows of $O$ shuffle the same way. That is \#
                why Transformers add a positional encoding (`lesson positional-encoding`).
                """#,
            "notice, causal": #"""
                Every token attended to itself and the tokens before it, in one step; reading each row of $A$ says \#
                who looks at whom, and the zeros above the diagonal are the mask at work. The rows of $A$ still sum \#
                to 1, so each output row is an average of the value rows it may see. The mask is the only place \#
                where order enters: token 1's output is its own value, whatever comes after it. Without a mask \#
                (`lesson attention-qkv`), order does not matter at all, which is why Transformers add a positional \#
                encoding (`lesson positional-encoding`).
                """#,
        ])
}
