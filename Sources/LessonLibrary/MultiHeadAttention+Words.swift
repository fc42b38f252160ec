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
            "query, self": ("Query input", #"Keys and values come from the same rows, $X_{k} = X_{v} = X_{q}$: **self-attention**."#),
            "query, self with value": ("Query input", #"The keys come from the same rows, the values from $X_{v}$."#),
            "query, cross": ("Query input", "Row i is query token i."),
            "key": ("Key input", "Row j is key token j: **cross-attention**, the queries attend to another sequence."),
            "value": ("Value input", "Row j is what key token j hands over."),
            "num_heads": ("Heads", ""),
            "in_proj_weight": ("Input projection", #"$W_{Q}$, $W_{K}$, $W_{V}$ stacked: row “Q c” makes column c of $Q$."#),
            "in_proj_bias": ("Input projection bias", "$b_{Q}$, $b_{K}$, $b_{V}$ stacked."),
            "in_proj_bias, zeros": ("Input projection bias", ""),
            "out_proj.weight": ("Output projection", #"Stored out × in like every PyTorch weight: the slides' $W^{O}$ is $W_{O}^{\top}$. Row j makes column j of $Y$."#),
            "out_proj.bias": ("Output bias", ""),
            "Q": ("projected queries", #"""
                Row i is token i's query $q_{i}$, all heads side by side. $X_{q} W_{Q}^{\top}$, as $W_{Q}$ is stored \#
                out × in: the slides' and [attention-qkv.md](attention-qkv.md)'s $W_{Q}$ (in × out) is this $W_{Q}^{\top}$.
                """#),
            "K": ("projected keys", ""),
            "V": ("projected values", ""),
            "scale": ("Scale", #"Per head: $d_{k} = «d_k»$, not $d_{\text{model}} = «d_model»$."#),
            "scale, one head": ("Scale", ""),
            "M": ("Causal mask", "−∞ where key j comes after query i: those weights become 0."),
            "head[m].scores": ("scores", #"$Q^{(«m»)}$, $K^{(«m»)}$, $V^{(«m»)}$ are «columns» of $Q$, $K$, $V$. Entry (i, j): $q_{i} \cdot k_{j}$ over these columns only."#),
            "head[m].scaled": ("scaled scores", ""),
            "head[m].scaled, causal": ("scaled scores", "Future keys get −∞."),
            "head[m].weights": ("attention weights", ""),
            "head[m].output": ("output", ""),
            "concat": ("heads side by side", ""),
            "output": ("output", #"$d_{\text{model}} = «d_model»$ numbers per token again, so a Transformer can add $X_{q} + Y$ (residual connection, seed 001)."#),
            "weights": ("attention weights averaged over heads", ""),
        ],
        text: [
            "alternative, blocks transposed": "the blocks $W_{Q}$, $W_{K}$, $W_{V}$ of `in_proj_weight` each stored the other way round (in × out, for $X W$)",
            "alternative, every weight transposed": "every weight stored the other way round: the blocks of `in_proj_weight` and `out_proj.weight` (in × out, for $X W$)",
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
            "default.story": "“The cat sat”, as in [attention-qkv.md](attention-qkv.md), with weights chosen so that the 2 heads disagree.",
            "seed-8-heads.summary": "the seed notes' “Thinking Machines”: 8 heads of 3, concatenated to 24, projected back to 4 by a 24 × 4 W^O",
            "seed-8-heads.story": #"""
                The Illustrated Transformer's drawing, which seeds 000 and 001 copy: “Thinking Machines”, 2 words \#
                of 4 numbers, 8 heads of 3. The weights are chosen by hand so that head 1 looks at the token itself \#
                and head 2 at the other one; they do not give the slides' 0.88 and 0.12 (seed 000), which \#
                [attention-qkv--illustrated-transformer.md](attention-qkv--illustrated-transformer.md) reproduces.
                """#,
            "why": #"""
                Several attention heads run side by side, each attending in its own way.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                Q &= X_{q} W_{Q}^{\top} + b_{Q}, \quad K = X_{k} W_{K}^{\top} + b_{K}, \quad V = X_{v} W_{V}^{\top} + b_{V} \\
                S^{(m)} &= Q^{(m)} K^{(m)\top}, \quad \hat S^{(m)} = \frac{S^{(m)}}{\sqrt{d_k}} && m = 1 \dots h \\
                A^{(m)} &= \operatorname{softmax}(\hat S^{(m)}), \quad O^{(m)} = A^{(m)} V^{(m)} \\
                Y &= \operatorname{concat}(O^{(1)}, \dots, O^{(h)})\, W_{O}^{\top} + b_{O} \\
                \bar A &= \tfrac{1}{h} \textstyle\sum_{m} A^{(m)}
                \end{aligned}
                """#,
            "equations, causal": #"""
                \begin{aligned}
                Q &= X_{q} W_{Q}^{\top} + b_{Q}, \quad K = X_{k} W_{K}^{\top} + b_{K}, \quad V = X_{v} W_{V}^{\top} + b_{V} \\
                S^{(m)} &= Q^{(m)} K^{(m)\top}, \quad \hat S^{(m)} = \frac{S^{(m)}}{\sqrt{d_k}} + M && m = 1 \dots h \\
                A^{(m)} &= \operatorname{softmax}(\hat S^{(m)}), \quad O^{(m)} = A^{(m)} V^{(m)} \\
                Y &= \operatorname{concat}(O^{(1)}, \dots, O^{(h)})\, W_{O}^{\top} + b_{O} \\
                \bar A &= \tfrac{1}{h} \textstyle\sum_{m} A^{(m)}
                \end{aligned}
                """#,
            "slices": #"""
                Head $m$ takes columns $(m-1) d_k + 1$ to $m d_k$ of $Q$, $K$, $V$ (numbered 1 to $d_k$ inside it), \#
                made from all $d_{\text{model}}$ numbers of a token by its own rows of $W_{Q}$, $W_{K}$, $W_{V}$: each \#
                head has its own projections (seed 001's question), the paper's $W_{Q}^{(m)}$, $W_{K}^{(m)}$, $W_{V}^{(m)}$. $O^{(m)}$ fills the same columns of the concatenation $C$. The softmax, as in \#
                [attention-qkv.md](attention-qkv.md), subtracts each row's largest score first; the weights stay the same.
                """#,
            "convention": #"""
                **Convention.** PyTorch's `nn.MultiheadAttention` is followed (a batch of one, no dropout); like \#
                the paper, it sets $d_k = d_{\text{model}}/h$.
                """#,
            "convention, head_dim": #"""
                **Convention.** PyTorch's `nn.MultiheadAttention` (a batch of one, no dropout) ties $d_k$ to \#
                $d_{\text{model}}/h$, as the paper does ($512/8 = 64$); here $d_k = «d_k»$ is chosen freely, as \#
                the paper's formulas allow, so $Q$, $K$, $V$ and $C$ have $h d_k = «D»$ columns.
                """#,
            "legend n": "tokens ($n = n_q = n_k$)",
            "legend n_q": "query tokens (rows of the output)",
            "legend n_k": "key and value tokens",
            "legend d_model": "numbers per token (PyTorch's embed_dim $E$)",
            "legend h": "heads",
            "legend d_k": "numbers per head ($d_v = d_k$; head_dim)",
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
            "heads, results": #"their outputs fill «columns» of the concatenation $C$ below, and their largest weights are listed with the average $\bar A$"#,
            "heads, results, some listed": #"their outputs fill «columns» of the concatenation $C$ below, and the largest weights of heads up to «listed» are listed with the average $\bar A$"#,
            "heading concatenate": "Concatenate and project",
            "figure": "Attention weights of each head, and their average",
            "figure, first heads": "Attention weights of heads 1 to «drawn» of «heads», and the average of all «heads»",
            "panel head": "head «m»",
            "panel average": "average",
            "figure, description": "Rows are queries, columns keys; 0 is dark purple, 1 yellow.",
            "figure, description, first heads": "One heatmap per head (the first «drawn») and the average of all: rows are queries, columns keys, 0 dark purple, 1 yellow.",
            "numbers, elided": #"The numbers of heads 1, 2 and «last» and of the average are in the tables above, the largest weights of heads 3 to «listed» with $\bar A$."#,
            "heading summary": "Summary",
            "notice": #"""
                Each head is [attention-qkv.md](attention-qkv.md)'s attention with its own projections to «d_k» \#
                columns; $W_{O}$ maps the «D» concatenated columns to «d_model» numbers per token.
                """#,
            "notice, one head": #"""
                With one head this is [attention-qkv.md](attention-qkv.md)'s attention on all «D» columns of $Q$, \#
                $K$ and $V$, followed by $W_{O}$; $\bar A$ is that head's weights.
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
            "average": #"Not used in $«Y»$, which combines the heads through $«C»$ and $«W_O»$; returned for inspection."#,
            "average, differ": #"It hides how the heads differ: «query» → «key» is «one» in head «oneHead», «other» in head «otherHead», «mean» on average."#,
            "average, close": #"The heads differ by at most «spread» on any entry («query» → «key»: «low» to «high»), so the average loses little here."#,
            "average, one head": "With one head, the average is that head's weights.",
            "left out, largest": "The heads not written out weigh most: «list».",
            "left out, largest, more": "The heads not written out weigh most: «list»; heads «first» to «last» enter only the average.",
            "left out, head": "in head «m», «picks»",
            "more queries": ", …",
            "slides, differ": "- Seed 001: “Each head looks at the same query from another viewpoint.” Only when the heads' weights differ«how»: for «query», head «a» puts «wa» on «keyA», head «b» «wb» on «keyB».",
            "slides, differ, chosen": " (here by hand; in training by random starts, seed 004)",
            "slides, agree": "- Seed 001: “Each head looks at the same query from another viewpoint.” Only when the heads' weights differ: here every head weighs the same key most for every query.",
            "slides, concat": #"- Seeds 000, 003: “A learned matrix reduces the concatenation back to the embedding size.” Confirmed: $C$ is «n» × «D», $Y = C W_{O}^{\top} + b_{O}$ is «n» × «d_model»."#,
            "slides, concat, same size": #"- Seeds 000, 003: “A learned matrix reduces the concatenation back to the embedding size.” Only when $h d_k > d_{\text{model}}$: here, as in the paper, $C$ already has $h d_k = d_{\text{model}} = «D»$ columns."#,
            "slides, 24 to 4": #"- Seed 001: “8 heads × 3 = 24 columns; a 24 × 4 $W^{O}$ gives vectors of 4.” Confirmed: $C$ is «n» × 24 and $Y = C W_{O}^{\top} + b_{O}$ is «n» × 4."#,
            "slides, value size": #"- Seed 000: “The output has the size of the value vectors (not so in multi-head attention).” Confirmed: each $O^{(m)}$ has $V^{(m)}$'s «d_k» columns, $C$ has «D», $Y$ has «d_model»."#,
            "slides, mix": #"- Seed 004: “Concat → Linear brings the heads' outputs into harmony.” Confirmed: every column of $Y$ draws on «heads»; $W_{O}$ is not block by block, so it mixes columns within a head too."#,
            "slides, mix, apart": #"- Seed 004: “Concat → Linear brings the heads' outputs into harmony.” Only when $W_{O}$ combines heads: column «j» of $Y$ draws on «heads» alone."#,
            "mix, all": "all «h» heads",
            "mix, both": "both heads",
            "mix, at least": "at least «k» of the «h» heads",
            "mix, one": "head «m»",
            "mix, none": "no head",
            "slides, self": "- Seed 000: “After the softmax, a word relates most to itself.” «verdict»: «count»in head «m», «query» puts «self» on itself, «other» on «key».",
            "slides, self, count": "it holds in «held» of the «rows» rows over the heads, but ",
            "refuted": "Refuted",
            "not always": "Not always",
            "slides, self, confirmed": "- Seed 000: “After the softmax, a word relates most to itself.” Confirmed: in every head each token's largest weight is its own (at least «self»).",
        ],
        korean: koreanWords)
}

/// The sentences of a multi-head trace that are chosen from its numbers: which key each query
/// weighs most, how the heads differ, and what the seed notes' statements come to.
struct Speaker {
    let w = MultiHeadAttention.words
    let queries: [String]
    let keys: [String]
    let selfAttention: Bool
    let causal: Bool
    /// The weights were chosen by hand: a built-in example's.
    let handChosen: Bool
    let (nQ, dModel, heads, dK, width): (Int, Int, Int, Int, Int)
    /// The query input (for seed 001's plain dot products) and the output projection (which heads
    /// each column of Y draws on).
    let xQ: Matrix
    let wO: Matrix
    /// The attention's symbols (tagged inside a Transformer block).
    var naming = AttentionNaming.plain
    /// Weights in sentences: two decimals.
    let style = NumberStyle(precision: 2)
    /// Queries named in a sentence before "…".
    static let named = 4
    /// Heads not written out whose largest weights are listed under the average.
    static let listedHeads = 6

    init(_ p: MultiHeadInput, handChosen: Bool) {
        /// A token as prose: quoted when it is plain words, else by its number (no user text is
        /// read as Markdown or math).
        func spoken(_ token: String?, _ i: Int, _ fallback: String, _ slot: String) -> String {
            let plain = token.map { t in
                !t.isEmpty && t.count <= 24 && t.allSatisfy { $0.isLetter || $0.isNumber || " '’-.,".contains($0) }
            } ?? false
            return plain ? MultiHeadAttention.words("token", ["token": token ?? ""]) : MultiHeadAttention.words(fallback, [slot: "\(i + 1)"])
        }
        queries = (0..<p.nQ).map { spoken(p.tokens?[$0], $0, p.selfAttention ? "token i" : "query i", "i") }
        keys = p.selfAttention ? queries : (0..<p.nK).map { spoken(p.keyTokens?[$0], $0, "key j", "j") }
        (selfAttention, causal, self.handChosen) = (p.selfAttention, p.causal, handChosen)
        (nQ, dModel, heads, dK, width) = (p.nQ, p.dModel, p.heads, p.headDim, p.width)
        (xQ, wO) = (p.query, p.wO)
    }

    /// The key row `i` weighs most (the first of equal ones), and whether another key ties with it.
    func strongest(_ a: Matrix, _ i: Int) -> (key: Int, weight: Double, tie: Bool) {
        var best = 0
        for j in 0..<a.cols where a[i, j] > a[i, best] { best = j }
        let tie = (0..<a.cols).contains { $0 != best && a[i, $0] == a[i, best] }
        return (best, a[i, best], tie)
    }

    /// Which key each query weighs most, with the weight: “The” → “cat” (0.67), … for the first `named` queries.
    func picks(_ a: Matrix) -> String {
        (0..<min(a.rows, Self.named)).map { i -> String in
            let top = strongest(a, i)
            return w(top.tie ? "pick, tie" : "pick", ["query": queries[i], "key": keys[top.key], "weight": style.fixed(top.weight)])
        }.joined(separator: ", ")
    }

    /// A head's weights: which key each query weighs most, with the weight.
    func weightsCaption(_ a: Matrix) -> Caption {
        let title = w.caption("head[m].weights").title
        return Caption(title: title, meaning: w(a.rows > Self.named ? "weights, largest, more" : "weights, largest", ["list": picks(a), "n": "\(a.rows)"]))
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

    /// The averaged weights: that Y does not use them, what they hide (from the entry where the heads
    /// differ most), and the largest weights of the heads the Markdown leaves out.
    func averageCaption(_ weights: [Matrix], average: Matrix, leftOut: ClosedRange<Int>?) -> Caption {
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
        // The two heads named in head order, whichever is the larger.
        let (one, other) = low < high ? (low, high) : (high, low)
        let slots = ["query": queries[bi], "key": keys[bj], "one": style.fixed(column[one]), "oneHead": "\(one + 1)",
                     "other": style.fixed(column[other]), "otherHead": "\(other + 1)", "mean": style.fixed(average[bi, bj]), "spread": style.fixed(spread),
                     "low": style.fixed(column[low]), "high": style.fixed(column[high])]
        let symbols = ["Y": naming.symbol("Y"), "C": naming.symbol("C"), "W_O": naming.sub("W", "O")]
        var sentences = [w("average", symbols), w(spread >= 0.3 ? "average, differ" : "average, close", slots)]
        if let leftOut {
            // Heads 3 … h−1 have no tables: their largest weights here, the first `listedHeads` of them.
            let listed = leftOut.prefix(Self.listedHeads)
            let list = listed.map { m in
                w("left out, head", ["m": "\(m)", "picks": picks(weights[m - 1]) + (first.rows > Self.named ? w("more queries") : "")])
            }.joined(separator: "; ")
            let last = listed.last ?? leftOut.lowerBound
            sentences.append(last < leftOut.upperBound
                ? w("left out, largest, more", ["list": list, "first": "\(last + 1)", "last": "\(leftOut.upperBound)"])
                : w("left out, largest", ["list": list]))
        }
        return Caption(title: title, meaning: sentences.joined(separator: " "))
    }

    /// The seed notes' statements this example's numbers bear on, one bullet each.
    func slides(_ weights: [Matrix]) -> [String] {
        guard let first = weights.first else { return [] }
        var bullets: [String] = []
        if weights.count > 1 {
            if let d = disagreement(weights) {
                bullets.append(w("slides, differ", ["query": queries[d.query], "a": "\(d.a + 1)", "wa": style.fixed(weights[d.a][d.query, d.keyA]),
                                                    "keyA": keys[d.keyA], "b": "\(d.b + 1)", "wb": style.fixed(weights[d.b][d.query, d.keyB]),
                                                    "keyB": keys[d.keyB], "how": handChosen ? w("slides, differ, chosen") : ""]))
            } else {
                bullets.append(w("slides, agree"))
            }
        }
        let sizes = ["n": "\(nQ)", "D": "\(width)", "d_model": "\(dModel)", "d_k": "\(dK)"]
        // The seed's own shapes (8 heads × 3 = 24 columns, brought back to 4), or the general statement.
        bullets.append(w((heads, dK, dModel) == (8, 3, 4) ? "slides, 24 to 4" : width == dModel ? "slides, concat, same size" : "slides, concat", sizes))
        if width != dModel { bullets.append(w("slides, value size", sizes)) }
        if let mix = mixing() { bullets.append(mix) }
        // A token and itself: only in self-attention, where key j is token j.
        if selfAttention && first.rows == first.cols {
            if let bullet = itselfHighest(weights) { bullets.append(bullet) }
            if let plain = plainDotProducts() { bullets.append(plain) }
        }
        return bullets
    }

    /// Seed 004: Concat → Linear makes the heads' outputs work together. Which heads each column of Y
    /// draws on (a nonzero weight of W_O in the head's columns); the column that draws on fewest.
    func mixing() -> String? {
        guard heads > 1 else { return nil }
        let drawn = (0..<dModel).map { j in (0..<heads).filter { m in (m * dK..<(m + 1) * dK).contains { wO[j, $0] != 0 } } }
        guard let fewest = drawn.indices.min(by: { drawn[$0].count < drawn[$1].count }) else { return nil }
        let k = drawn[fewest].count
        guard k > 1 else {
            let alone = k == 1 ? w("mix, one", ["m": "\(drawn[fewest][0] + 1)"]) : w("mix, none")
            return w("slides, mix, apart", ["j": "\(fewest + 1)", "heads": alone])
        }
        let which = k == heads ? w(k == 2 ? "mix, both" : "mix, all", ["h": "\(k)"]) : w("mix, at least", ["k": "\(k)", "h": "\(heads)"])
        return w("slides, mix", ["heads": which])
    }

    /// Seed 000: after the softmax a token weighs itself most. As attention-qkv's verdict, over every
    /// head: a row holds when its own weight is strictly the largest and fails when another is larger;
    /// rows that tie at the top or see only themselves (the first under the mask) say nothing.
    func itselfHighest(_ weights: [Matrix]) -> String? {
        var (held, smallest) = (0, Double.infinity)
        var fails: [(m: Int, i: Int, other: Int)] = []
        for (m, a) in weights.enumerated() {
            for i in 0..<a.rows where !causal || i > 0 {
                let other = (0..<a.cols).filter { $0 != i }.max { a[i, $0] < a[i, $1] } ?? i
                guard other != i, !AttentionQKV.tied(a[i, other], a[i, i]) else { continue }
                if a[i, i] > a[i, other] { held += 1; smallest = min(smallest, a[i, i]) } else { fails.append((m, i, other)) }
            }
        }
        guard let fail = fails.first else { return held == 0 ? nil : w("slides, self, confirmed", ["self": style.fixed(smallest)]) }
        let a = weights[fail.m]
        let count = held == 0 ? "" : w("slides, self, count", ["held": "\(held)", "rows": "\(held + fails.count)"])
        return w("slides, self", ["verdict": w(held == 0 ? "refuted" : "not always"), "count": count, "m": "\(fail.m + 1)", "query": queries[fail.i],
                                  "self": style.fixed(a[fail.i, fail.i]), "other": style.fixed(a[fail.i, fail.other]), "key": keys[fail.other]])
    }

    /// Seed 001: with plain dot products (no projections) a token is most similar to itself, by far:
    /// attention-qkv's statement and verdict, on X_q.
    func plainDotProducts() -> String? { AttentionQKV.plainDotProducts(xQ, symbol: "X_{q}") { queries[$0] } }
}
