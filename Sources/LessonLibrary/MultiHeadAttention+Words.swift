// The words of multi-head-attention: what each value means, the story around the equations, and
// the sentences chosen from the numbers (which key each query weighs most, whether the heads
// differ, what the seed notes' statements come to). Keys are value names with «m» for the head,
// or names for the paragraphs; ", causal" marks the words used with the mask. «columns» is a
// head's columns in words ("columns 3–4"); «h», «d_k», «D» and «d_model» are the sizes.

import TraceCore

extension MultiHeadAttention {
    static let words = Words(
        captions: [
            "output.grad": ("gradient of the output", "The loss's gradient G itself: the output is what the loss sees."),
            "concat.grad": ("gradient of the concatenated heads", #"$\frac{\partial L}{\partial Y} W_{O}$: each head's columns get what $W_{O}$ passes back to them."#),
            "head[m].output.grad": ("gradient of head «m»'s output", "Head «m»'s own columns of the concatenation's gradient."),
            "head[m].weights.grad": ("gradient of head «m»'s attention weights", #"$\frac{\partial L}{\partial O} V^{\top}$ within the head, as in one head of attention."#),
            "head[m].scaled.grad": ("gradient of head «m»'s scaled scores", #"The softmax's rule $A \odot \left(\frac{\partial L}{\partial A} - \operatorname{rowsum}\left(A \odot \frac{\partial L}{\partial A}\right)\right)$: each weight's gradient less its row's weighted average, times the weight."#),
            "head[m].scaled.grad, causal": ("gradient of head «m»'s scaled scores", #"The softmax's rule $A \odot \left(\frac{\partial L}{\partial A} - \operatorname{rowsum}\left(A \odot \frac{\partial L}{\partial A}\right)\right)$; a masked entry has weight 0, so its gradient is 0."#),
            "head[m].scores.grad": ("gradient of head «m»'s scores", #"Divided by $\sqrt{d_{k}}$, as the scores were."#),
            "head[m].V.grad": ("gradient of head «m»'s values", #"$A^{\top} \frac{\partial L}{\partial O}$ within the head."#),
            "head[m].K.grad": ("gradient of head «m»'s keys", "The scores' gradient, transposed, times the head's queries."),
            "head[m].Q.grad": ("gradient of head «m»'s queries", "The scores' gradient times the head's keys."),
            "V.grad": ("gradient of the projected values", "The heads' value gradients side by side, each in the columns its slice came from."),
            "K.grad": ("gradient of the projected keys", "The heads' key gradients side by side."),
            "Q.grad": ("gradient of the projected queries", "The heads' query gradients side by side."),
            "query.grad": ("gradient of the query input", #"$\frac{\partial L}{\partial Q} W_{Q}$: back through the query projection."#),
            "query.grad, self": ("gradient of the query input", #"Self-attention: the same rows made $Q$, $K$ and $V$, so their gradient is the sum of three terms, one through each projection."#),
            "query.grad, value": ("gradient of the query input", #"The query's rows also served as the values, so their gradient has a term through $W_{Q}$ and one through $W_{V}$."#),
            "key.grad": ("gradient of the key input", #"$\frac{\partial L}{\partial K} W_{K}$: back through the key projection."#),
            "value.grad": ("gradient of the value input", #"$\frac{\partial L}{\partial V} W_{V}$: back through the value projection."#),
            "in_proj_weight.grad": ("gradient of the stacked projections", #"Blocks $W_{Q}, W_{K}, W_{V}$: each $\left(\frac{\partial L}{\partial Q}\right)^{\top} X_{q}$ and so on, the input's rows summed over tokens."#),
            "in_proj_bias.grad": ("gradient of the stacked biases", "Each block is its projection's gradient summed over the tokens (the column sums): the bias was added to every row."),
            "out_proj.weight.grad": ("gradient of the output projection", #"$\left(\frac{\partial L}{\partial Y}\right)^{\top} C$: a sum over the query tokens."#),
            "out_proj.bias.grad": ("gradient of the output bias", "The column sums of the output's gradient: the bias was added to every row."),
            "query, self": ("Query input", "Keys and values come from the same rows: **self-attention**."),
            "query, self with value": ("Query input", #"The keys come from the same rows, the values from $X_{v}$."#),
            "query, cross": ("Query input", "Row i is query token i."),
            "key": ("Key input", "Row j is key token j: **cross-attention**, the queries attend to another sequence."),
            "value": ("Value input", "Row j is what key token j hands over."),
            "num_heads": ("Heads", ""),
            "in_proj_weight": ("Input projection", #"$W_{Q}$, $W_{K}$, $W_{V}$ stacked: row “Q c” makes column c of $Q$."#),
            "in_proj_bias": ("Input projection bias", "$b_{Q}$, $b_{K}$, $b_{V}$ stacked."),
            "out_proj.weight": ("Output projection", #"Row j makes column j of $Y$."#),
            "out_proj.bias": ("Output bias", ""),
            "Q": ("projected queries", #"""
                Row i is token i's query $q_{i}$, all heads side by side. PyTorch stores $W_{Q}$ out × in, hence \#
                $X_{q} W_{Q}^{\top}$: attention-qkv's $W_{Q}$ (in × out) is this $W_{Q}^{\top}$.
                """#),
            "K": ("projected keys", ""),
            "V": ("projected values", ""),
            "scale": ("Scale", ""),
            "M": ("Causal mask", "−∞ where key j comes after query i: those weights become 0."),
            "head[m].Q": ("queries", ""),
            "head[m].K": ("keys", ""),
            "head[m].V": ("values", ""),
            "head[m].scores": ("scores", #"Entry (i, j): $q_{i} \cdot k_{j}$ over the head's columns only."#),
            "head[m].scaled": ("scaled scores", ""),
            "head[m].scaled, causal": ("scaled scores", "Future keys get −∞."),
            "head[m].weights": ("attention weights", ""),
            "head[m].output": ("output", "Row i: the value rows averaged with row i's weights."),
            "concat": ("heads side by side", ""),
            "output": ("output", #"$W_{O}$ mixes the heads: each output column can draw on every head."#),
            "output, resized": ("output", #"$W_{O}^{\top}$ is «D» × «d_model»: it mixes the heads and brings the «D» columns back to $d_{\text{model}} = «d_model»$."#),
            "weights": ("attention weights averaged over heads", ""),
        ],
        text: [
            "backward why": "Multi-head attention passes back through the output projection, splits the gradient into the heads' columns, runs each head's attention backward as attention-qkv does, and puts the heads' gradients back together before the input projections.",
            "backward equations": #"""
                \frac{\partial L}{\partial C} = \frac{\partial L}{\partial Y} W_{O}, \quad
                \frac{\partial L}{\partial \hat S^{(m)}} = A^{(m)} \odot \left(\frac{\partial L}{\partial A^{(m)}} - \operatorname{rowsum}\left(A^{(m)} \odot \frac{\partial L}{\partial A^{(m)}}\right)\right), \quad
                \frac{\partial L}{\partial W_{Q}} = \left(\frac{\partial L}{\partial Q}\right)^{\top} X_{q}
                """#,
            "heading back through": "Back through the output projection",
            "heading head back": "Head «m», backward",
            "heads, same work back": "pass the gradient back in the same way",
            "heads, results back": "their gradients are in the columns of the projections' gradients below",
            "heading projections back": "Back to the projections",
            "heading input gradients": "The inputs' gradients",
            "summary": "Multi-head attention as torch.nn.MultiheadAttention: project, split into heads, attend, concatenate, project",
            "title": "Multi-head attention",
            "default.summary": "“The cat sat” with 2 heads: each head attends differently",
            "default.story": "attention-qkv's “The cat sat”, with weights chosen so that the 2 heads disagree.",
            "seed-8-heads.summary": "the seed notes' “Thinking Machines”: 8 heads of 3, concatenated to 24, projected back to 4 by a 24 × 4 W^O",
            "seed-8-heads.story": #"""
                The seed notes' toy: “Thinking Machines”, 2 words of 4 numbers, 8 heads of $d_{k} = 3$ (PyTorch's \#
                module cannot: it needs $h d_k = d_{\text{model}}$), their outputs side by side in 24 columns and \#
                $W_{O}^{\top}$ (24 × 4) bringing them back to 4. Hand-chosen weights: head 1 looks at the token \#
                itself, head 2 at the other one.
                """#,
            "why": #"""
                Several attention heads run side by side, each on its own slice of the projected queries, keys \#
                and values, so each can attend in its own way.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                Q &= X_{q} W_{Q}^{\top} + b_{Q}, \quad K = X_{k} W_{K}^{\top} + b_{K}, \quad V = X_{v} W_{V}^{\top} + b_{V} \\
                S^{(m)} &= Q^{(m)} K^{(m)\top}, \quad \hat S^{(m)} = \frac{S^{(m)}}{\sqrt{d_k}} && m = 1 \dots h \\
                A^{(m)} &= \operatorname{softmax}(\hat S^{(m)}), \quad O^{(m)} = A^{(m)} V^{(m)} \\
                Y &= \operatorname{concat}(O^{(1)}, \dots, O^{(h)})\, W_{O}^{\top} + b_{O}, \qquad \bar A = \tfrac{1}{h} \textstyle\sum_{m} A^{(m)}
                \end{aligned}
                """#,
            "equations, causal": #"""
                \begin{aligned}
                Q &= X_{q} W_{Q}^{\top} + b_{Q}, \quad K = X_{k} W_{K}^{\top} + b_{K}, \quad V = X_{v} W_{V}^{\top} + b_{V} \\
                S^{(m)} &= Q^{(m)} K^{(m)\top}, \quad \hat S^{(m)} = \frac{S^{(m)}}{\sqrt{d_k}} + M && m = 1 \dots h \\
                A^{(m)} &= \operatorname{softmax}(\hat S^{(m)}), \quad O^{(m)} = A^{(m)} V^{(m)} \\
                Y &= \operatorname{concat}(O^{(1)}, \dots, O^{(h)})\, W_{O}^{\top} + b_{O}, \qquad \bar A = \tfrac{1}{h} \textstyle\sum_{m} A^{(m)}
                \end{aligned}
                """#,
            "slices": #"""
                Head $m$ takes columns $(m-1) d_k + 1$ to $m d_k$ of $Q$, $K$ and $V$ (a slice of every token), \#
                numbered 1 to $d_k$ inside the head; its output $O^{(m)}$ fills the same columns of $C$. The \#
                softmax is attention-qkv's, row by row.
                """#,
            "convention": #"""
                **Convention.** PyTorch's `nn.MultiheadAttention` (a batch of one, no dropout), which ties $d_k$ \#
                to $d_{\text{model}}/h$ and returns the average weights $\bar A$.
                """#,
            "convention, head_dim": #"""
                **Convention.** PyTorch's `nn.MultiheadAttention` (a batch of one, no dropout) ties $d_k$ to \#
                $d_{\text{model}}/h$; here $d_k = «d_k»$ is chosen, the paper's general form, so $Q$, $K$, $V$ and \#
                $C$ have $h d_k = «D»$ columns and $W_{O}$ is stored «d_model» × «D». $\bar A$ is the heads' average.
                """#,
            "legend n": "tokens",
            "legend n_q": "query tokens (rows of the output)",
            "legend n_k": "key and value tokens",
            "legend d_model": "numbers per token (PyTorch's embed_dim $E$)",
            "legend h": "heads",
            "legend d_k": "numbers per head (head_dim)",
            "label makes header": "makes",
            "label makes": "«matrix» «c»",
            "heading steps": "Step by step",
            "heading projections": "Projections",
            "heading head": "Head «m»: «columns»",
            "column": "column «first»",
            "columns": "columns «first»–«last»",
            "head": "head",
            "heads": "heads",
            "heads, same work": "repeat the same computation on their own columns",
            "heads, results": #"their outputs fill «columns» of the concatenation $C$ below, and their weights are part of the average $\bar A$ at the end and of the figure"#,
            "heads, results, some drawn": #"their outputs fill «columns» of the concatenation $C$ below, and their weights are part of the average $\bar A$ at the end and, up to head «drawn», of the figure"#,
            "heading concatenate": "Concatenate and project",
            "figure": "Attention weights of each head, and their average",
            "figure, first heads": "Attention weights of heads 1 to «drawn» of «heads», and the average of all «heads»",
            "panel head": "head «m»",
            "panel average": "average",
            "figure, description": "Rows are queries, columns keys; 0 is dark purple, 1 yellow.",
            "figure, description, first heads": "One heatmap per head (the first «drawn») and the average of all: rows are queries, columns keys, 0 dark purple, 1 yellow.",
            "numbers": "The numbers are in the tables above.",
            "numbers, elided": "The numbers of heads 1, 2 and «last» and of the average are in the tables above; `--format json` has the others.",
            "heading slides": "What the slides say, and what the numbers show",
            "heading summary": "Summary",
            "notice": #"""
                Each head is attention-qkv's attention on «d_k» of the «D» columns of $Q$, $K$, $V$; $W_{O}$ mixes \#
                the heads' outputs back into «d_model» numbers per token.
                """#,
            "notice, one head": #"""
                With one head this is attention-qkv's attention on all «D» columns of $Q$, $K$ and $V$, followed \#
                by $W_{O}$; $\bar A$ is that head's weights.
                """#,

            // Sentences chosen from the numbers.
            "weights, largest": "Largest weight per query: «list».",
            "weights, largest, more": "Largest weight per query: «list», … (the table has all «n»).",
            "pick": "«query» → «key» («weight»)",
            "pick, tie": "«query» → «key» and others («weight» each)",
            "token": "“«token»”",
            "token i": "token «i»",
            "query i": "query «i»",
            "key j": "key «j»",
            "average, differ": #"It hides how the heads differ: «query» → «key» is «low» in head «lowHead», «high» in head «highHead», «mean» on average."#,
            "average, close": #"The heads differ by at most «spread» on any entry («query» → «key»: «low» to «high»), so the average loses little here."#,
            "average, one head": "With one head, the average is that head's weights.",
            "slides, differ": "- Seed 001: “Each head looks at the same query from another viewpoint.” Confirmed: for «query», head «a» puts «wa» on «keyA», head «b» «wb» on «keyB».",
            "slides, agree": "- Seed 001: “Each head looks at the same query from another viewpoint.” Only when the weights make the heads differ: here every head weighs the same key most for every query.",
            "slides, concat": #"- Seeds 000, 003: “The heads' outputs are concatenated, then a learned matrix brings them back to the embedding size.” Confirmed: $C$ is «n» × «D», $Y = C W_{O}^{\top} + b_{O}$ is «n» × «d_model»."#,
            "slides, concat, same size": #"- Seeds 000, 003: “The heads' outputs are concatenated, then a learned matrix brings them back to the embedding size.” Confirmed, though $C$ already has $h d_k = d_{\text{model}} = «D»$ columns: $W_{O}$ only mixes the heads."#,
            "slides, 24 to 4": #"- Seed 001: “8 heads × 3 = 24 columns; a 24 × 4 $W^{O}$ gives vectors of 4.” Confirmed: $W_{O}^{\top}$ is 24 × 4 (PyTorch stores $W_{O}$ as 4 × 24)."#,
            "slides, self, refuted": "- Seeds 000, 001: “Similarity with itself is always the highest.” Refuted: in head «m», «query» puts «self» on itself, «other» on «key».",
            "slides, self, confirmed": "- Seeds 000, 001: “Similarity with itself is always the highest.” Only when $W_{Q}$ and $W_{K}$ make it so, as here: in every head each token weighs itself most (at least «self»).",
        ])
}

/// The sentences of a multi-head trace that are chosen from its numbers: which key each query
/// weighs most, how the heads differ, and what the seed notes' statements come to.
struct Speaker {
    let w = MultiHeadAttention.words
    let queries: [String]
    let keys: [String]
    let selfAttention: Bool
    let (nQ, dModel, heads, dK, width): (Int, Int, Int, Int, Int)
    /// Weights in sentences: two decimals.
    let style = NumberStyle(precision: 2)
    /// Queries named in a sentence before "…".
    static let named = 4

    init(_ p: MultiHeadInput) {
        /// A token as prose: quoted when it is plain words, else by its number (no user text is
        /// read as Markdown or math).
        func spoken(_ token: String?, _ i: Int, _ fallback: String, _ slot: String) -> String {
            let plain = token.map { t in
                !t.isEmpty && t.count <= 24 && t.allSatisfy { $0.isLetter || $0.isNumber || " '’-.,".contains($0) }
            } ?? false
            return plain ? MultiHeadAttention.words("token", ["token": token ?? ""]) : MultiHeadAttention.words(fallback, [slot: "\(i + 1)"])
        }
        queries = (0..<p.nQ).map { spoken(p.tokens?[$0], $0, p.selfAttention ? "token i" : "query i", "i") }
        keys = p.selfAttention ? queries : (0..<p.nK).map { spoken(nil, $0, "key j", "j") }
        selfAttention = p.selfAttention
        (nQ, dModel, heads, dK, width) = (p.nQ, p.dModel, p.heads, p.headDim, p.width)
    }

    /// The key row `i` weighs most (the first of equal ones), and whether another key ties with it.
    func strongest(_ a: Matrix, _ i: Int) -> (key: Int, weight: Double, tie: Bool) {
        var best = 0
        for j in 0..<a.cols where a[i, j] > a[i, best] { best = j }
        let tie = (0..<a.cols).contains { $0 != best && a[i, $0] == a[i, best] }
        return (best, a[i, best], tie)
    }

    /// A head's weights: which key each query weighs most, with the weight.
    func weightsCaption(_ a: Matrix) -> Caption {
        let title = w.caption("head[m].weights").title
        let picks = (0..<min(a.rows, Self.named)).map { i -> String in
            let top = strongest(a, i)
            return w(top.tie ? "pick, tie" : "pick", ["query": queries[i], "key": keys[top.key], "weight": style.fixed(top.weight)])
        }
        let list = w(a.rows > Self.named ? "weights, largest, more" : "weights, largest", ["list": picks.joined(separator: ", "), "n": "\(a.rows)"])
        return Caption(title: title, meaning: list)
    }

    /// Where two heads disagree most: the query, and for head 1 and another head, the key each
    /// weighs most there; nil when every head weighs the same key most for every query.
    func disagreement(_ weights: [Matrix]) -> (query: Int, a: Int, keyA: Int, b: Int, keyB: Int)? {
        guard let first = weights.first else { return nil }
        var found: (query: Int, a: Int, keyA: Int, b: Int, keyB: Int, strength: Double)?
        for (m, a) in weights.enumerated().dropFirst() {
            for i in 0..<a.rows {
                let (one, other) = (strongest(first, i), strongest(a, i))
                guard one.key != other.key else { continue }
                let strength = one.weight + other.weight
                if strength > (found?.strength ?? -1) { found = (i, 0, one.key, m, other.key, strength) }
            }
        }
        return found.map { ($0.query, $0.a, $0.keyA, $0.b, $0.keyB) }
    }

    /// The averaged weights: what they hide, from the entry where the heads differ most.
    func averageCaption(_ weights: [Matrix], average: Matrix) -> Caption {
        let title = w.caption("weights").title
        guard weights.count > 1, let first = weights.first else { return Caption(title: title, meaning: w("average, one head")) }
        // The entry whose weights spread most over the heads.
        var (bi, bj, spread) = (0, 0, -1.0)
        for i in 0..<first.rows {
            for j in 0..<first.cols {
                let column = weights.map { $0[i, j] }
                let s = (column.max() ?? 0) - (column.min() ?? 0)
                if s > spread { (bi, bj, spread) = (i, j, s) }
            }
        }
        let column = weights.map { $0[bi, bj] }
        let low = column.indices.min { column[$0] < column[$1] } ?? 0
        let high = column.indices.max { column[$0] < column[$1] } ?? 0
        let slots = ["query": queries[bi], "key": keys[bj], "low": style.fixed(column[low]), "lowHead": "\(low + 1)",
                     "high": style.fixed(column[high]), "highHead": "\(high + 1)", "mean": style.fixed(average[bi, bj]), "spread": style.fixed(spread)]
        return Caption(title: title, meaning: w(spread >= 0.3 ? "average, differ" : "average, close", slots))
    }

    /// The seed notes' statements this example's numbers bear on, one bullet each.
    func slides(_ weights: [Matrix]) -> [String] {
        guard let first = weights.first else { return [] }
        var bullets: [String] = []
        if weights.count > 1 {
            if let d = disagreement(weights) {
                bullets.append(w("slides, differ", ["query": queries[d.query], "a": "\(d.a + 1)", "wa": style.fixed(weights[d.a][d.query, d.keyA]),
                                                    "keyA": keys[d.keyA], "b": "\(d.b + 1)", "wb": style.fixed(weights[d.b][d.query, d.keyB]),
                                                    "keyB": keys[d.keyB]]))
            } else {
                bullets.append(w("slides, agree"))
            }
        }
        let sizes = ["n": "\(nQ)", "D": "\(width)", "d_model": "\(dModel)"]
        bullets.append(w(width == dModel ? "slides, concat, same size" : "slides, concat", sizes))
        // The seed's own shapes: 8 heads × 3 = 24 columns, brought back to 4.
        if (heads, dK, dModel) == (8, 3, 4) { bullets.append(w("slides, 24 to 4")) }
        // A token and itself: only in self-attention, where key j is token j.
        if selfAttention && first.rows == first.cols {
            var counter: (head: Int, query: Int, key: Int)?
            var smallest = Double.infinity
            search: for (m, a) in weights.enumerated() {
                for i in 0..<a.rows {
                    let top = strongest(a, i)
                    if top.key != i || top.tie { counter = (m, i, top.key); break search }
                    smallest = min(smallest, a[i, i])
                }
            }
            if let c = counter {
                let a = weights[c.head]
                let other = c.key == c.query ? (0..<a.cols).first { $0 != c.query && a[c.query, $0] == a[c.query, c.query] } ?? c.key : c.key
                bullets.append(w("slides, self, refuted", ["m": "\(c.head + 1)", "query": queries[c.query], "self": style.fixed(a[c.query, c.query]),
                                                           "other": style.fixed(a[c.query, other]), "key": keys[other]]))
            } else {
                bullets.append(w("slides, self, confirmed", ["self": style.fixed(smallest)]))
            }
        }
        return bullets
    }
}
