// attention-qkv: one head of scaled dot-product attention, in the textbook row convention.
//
// Convention: tokens are rows. Q = X W_Q, K = X W_K, V = X W_V (W_Q, W_K: d_model × d_k,
// W_V: d_model × d_v); scores S = Q Kᵀ; scaled Ŝ = S / √d_k (+ M, −∞ above the diagonal when
// causal); weights A = softmax(Ŝ) row by row; output O = A V. The softmax is computed as
// exp(Ŝ − rowmax) / rowsum, which is the same function and what PyTorch does to avoid overflow.
// Others: PyTorch's nn.Linear stores weights out × in and computes X Wᵀ (see multi-head-attention);
// torch.nn.functional.scaled_dot_product_attention takes Q, K, V already projected.
// References: Vaswani et al. 2017, "Attention Is All You Need", eq. (1); J. Alammar, "The
// Illustrated Transformer" (2018); seed notes 000 (Q, K, V; 2 words × 4 dims), 001 (√d_k), 004 (masking).

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum AttentionQKV: Lesson {
    static let id = "attention-qkv"
    static let summary = "Scaled dot-product attention, one head: queries, keys, values, softmax, weighted sum"

    static let sentence: JSON = .fields([
        "x": .rows([[1, 0, 1, 0], [0, 2, 0, 1], [1, 1, 0, 1]]),
        "w_q": .rows([[0, 1, 0, -1], [-1, -1, 0.5, 1], [0, -1, 0.5, 0], [0.5, 1, 1, 0.5]]),
        "w_k": .rows([[-1, -1, 0.5, 0.5], [0, 0.5, 1, 1], [-1, 0.5, -1, 0.5], [0.5, 0, 1, -1]]),
        "w_v": .rows([[1, 0], [0, 1], [0.5, 0], [0, 0.5]]),
        "causal": .bool(false),
        "tokens": .strings(["The", "cat", "sat"]),
    ])

    static let examples = [
        Example(
            name: "default",
            summary: "“The cat sat”: “sat” attends mostly to “cat”",
            story: """
            Three tokens, “The cat sat”, each an embedding of 4 numbers (a row of $X$), as in the seed \
            notes' example of words × 4 dimensions. The weights were chosen so that the query of “sat” \
            matches the key of “cat” best: in the attention weights, row “sat” puts most of its weight on \
            column “cat”, so the output for “sat” is mostly the value vector of “cat”. Each query is \
            compared with every key, including its own.
            """,
            input: sentence),
        Example(
            name: "causal",
            summary: "the same sentence with a causal mask: no token looks ahead",
            story: """
            The same three tokens with `causal: true`, as in a decoder's masked self-attention (seed \
            notes 004): a token may attend to itself and to the tokens before it, never to later ones, \
            because when generating text the later tokens do not exist yet. The mask adds $-\\infty$ to \
            the scores of future positions before the softmax, so their weights are exactly 0 and each row \
            still sums to 1. Compare with `lesson attention-qkv`: row “The” can only attend to itself.
            """,
            input: .fields([
                "x": sentence["x"]!, "w_q": sentence["w_q"]!, "w_k": sentence["w_k"]!, "w_v": sentence["w_v"]!,
                "causal": .bool(true), "tokens": sentence["tokens"]!,
            ])),
        Example(
            name: "illustrated-transformer",
            summary: "The Illustrated Transformer's numbers: 112 and 96, ÷ 8 → 14 and 12, softmax 0.88 and 0.12",
            story: """
            Jay Alammar's *The Illustrated Transformer* (2018), quoted in seed notes 000, walks through \
            self-attention for “Thinking Machines” with $d_{k} = 64$: the scores of “Thinking” are \
            $q_{1} \\cdot k_{1} = 112$ and $q_{1} \\cdot k_{2} = 96$; divided by $\\sqrt{64} = 8$ they are 14 and \
            12; the softmax turns them into 0.88 and 0.12. The figure does not print the vectors, so this \
            example chooses some that give exactly those scores. $X$ is the 2 × 2 identity, a toy input (the \
            article's embeddings have 512 numbers), so that the rows of $W_{Q}$, $W_{K}$, $W_{V}$ are the \
            query, key and value vectors themselves: $q_{1}$ is 64 ones, \
            $k_{1}$ is 64 × 1.75 and $k_{2}$ 64 × 1.5. The second query (64 × 0.5) and the values \
            ($v_{1}$ all ones, $v_{2}$ all zeros, so the output shows the weights directly) are not in the \
            source. The six numbers of the figure are checked as claims, marked ✓ where they appear.
            """,
            input: .fields([
                "x": .rows([[1, 0], [0, 1]]),
                "w_q": .rows([Array(repeating: 1, count: 64), Array(repeating: 0.5, count: 64)]),
                "w_k": .rows([Array(repeating: 1.75, count: 64), Array(repeating: 1.5, count: 64)]),
                "w_v": .rows([Array(repeating: 1, count: 64), Array(repeating: 0, count: 64)]),
                "tokens": .strings(["Thinking", "Machines"]),
            ]),
            claims: .fields([
                "source": .string("The Illustrated Transformer (J. Alammar, 2018), the self-attention figure, steps 2–4 (112, 96, 14, 12, 0.88, 0.12); seed notes 000 quote its 0.88 and 0.12"),
                "claims": .array([
                    .fields(["value": .string("scores"), "at": .numbers([1, 1]), "expected": .number(112)]),
                    .fields(["value": .string("scores"), "at": .numbers([1, 2]), "expected": .number(96)]),
                    .fields(["value": .string("scaled"), "at": .numbers([1, 1]), "expected": .number(14)]),
                    .fields(["value": .string("scaled"), "at": .numbers([1, 2]), "expected": .number(12)]),
                    .fields(["value": .string("weights"), "at": .numbers([1, 1]), "expected": .number(0.88)]),
                    .fields(["value": .string("weights"), "at": .numbers([1, 2]), "expected": .number(0.12)]),
                ]),
            ])),
    ] + SourcedExamples.attention

    /// Scores left undivided by √d_k: the same as multiplying the query weights by √d_k.
    static let alternatives = [
        Alternative("scores not divided by √d_k (plain dot-product attention)") { input in
            guard case .array(let rows)? = input["w_q"], case .array(let first)? = rows.first else { return nil }
            let scale = Double(first.count).squareRoot()
            return input.setting("w_q", .array(rows.map { row in
                guard case .array(let items) = row else { return row }
                return .array(items.map { item in
                    if case .number(let x, _) = item { return .number(x * scale) }
                    return item
                })
            }))
        },
    ]

    static let maxTokens = 2_048
    static let maxWidth = 1_024

    static func trace(_ json: JSON, file: String, example: Example?) throws -> Trace {
        var reader = try InputReader(json, file: file)
        let xIn = try reader.requiredMatrix("x", "the token embeddings, one row per token (n × d_model)")
        let (n, dModel) = (xIn.rows, xIn.cols)
        try reader.expect(n, "the number of tokens (rows of x)", atMost: maxTokens)
        try reader.expect(dModel, "d_model (columns of x)", atMost: maxWidth)
        let wQIn = try reader.requiredMatrix("w_q", "the query weights, d_model × d_k")
        try reader.expect(wQIn.cols, "d_k (columns of w_q)", atMost: maxWidth)
        let dK = wQIn.cols
        try reader.expect(wQIn, "w_q", rows: ("d_model", dModel), cols: ("d_k", dK))
        let wKIn = try reader.requiredMatrix("w_k", "the key weights, d_model × d_k")
        try reader.expect(wKIn, "w_k", rows: ("d_model", dModel), cols: ("d_k (columns of w_q)", dK))
        let wVIn = try reader.requiredMatrix("w_v", "the value weights, d_model × d_v")
        try reader.expect(wVIn.cols, "d_v (columns of w_v)", atMost: maxWidth)
        let dV = wVIn.cols
        try reader.expect(wVIn, "w_v", rows: ("d_model", dModel), cols: ("d_v", dV))
        let causal = try reader.bool("causal") ?? false
        let tokens = try reader.labels("tokens", count: n, per: "token (row of x)")
        try reader.finish()
        let (nd, kd, vd) = (Double(n), Double(dK), Double(dV))
        try reader.expectWork(multiplyAdds: nd * Double(dModel) * (2 * kd + vd) + nd * nd * (kd + vd),
                              recordedNumbers: nd * (2 * kd + 2 * vd) + 6 * nd * nd)

        let tokenRows = sequenceLabels(tokens, count: n)
        let tokenColumns = tokens ?? numberLabels(n)
        let tr = Trace(lesson: id, title: causal ? "Scaled dot-product attention, one head, with a causal mask" : "Scaled dot-product attention, one head",
                       example: example?.name ?? file)
        tr.say("""
        A recurrent network passes information along the sequence one step at a time. **Attention** lets \
        every token look at every other token directly, in one step: each token asks a question (its \
        **query**), every token offers a description of itself (its **key**) and a content (its \
        **value**). How well a query matches each key decides how much of each value the token takes in. \
        The result for each token is a weighted average of all the values, with weights that depend on \
        the input, so the same layer can relate a verb to its subject in one sentence and to its object \
        in another (seed notes 000 and 003).
        """)
        tr.heading("The equations")
        tr.math("""
        \\begin{aligned}
        Q &= X W_{Q}, \\quad K = X W_{K}, \\quad V = X W_{V} \\\\
        S &= Q K^{\\top} && \\text{scores: } S_{ij} = q_{i} \\cdot k_{j} \\\\
        \\hat{S} &= S / \\sqrt{d_{k}}\(causal ? " + M" : "") && \\text{scaled\(causal ? ", masked" : "")} \\\\
        A_{ij} &= \\frac{\\exp(\\hat{S}_{ij})}{\\sum_{j'} \\exp(\\hat{S}_{ij'})} && \\text{weights: softmax of each row} \\\\
        O &= A V && \\text{output: } o_{i} = \\textstyle\\sum_{j} A_{ij} v_{j}
        \\end{aligned}
        """)
        tr.say("""
        **Why divide by $\\sqrt{d_{k}}$** (seed notes 001): if the entries of $q$ and $k$ are independent \
        with mean 0 and variance 1, their dot product, a sum of $d_{k}$ products, has variance $d_{k}$. With \
        $d_{k} = 64$ the scores have a standard deviation of 8, differences of 10 or 20 between them are \
        common, and the softmax of such numbers puts almost all weight on one token: it *saturates*, and its \
        gradient vanishes. Dividing by $\\sqrt{d_{k}}$ brings the variance back \
        to 1. The softmax is computed as $\\exp(\\hat{S}_{ij} - m_{i}) / \\sum_{j'} \\exp(\\hat{S}_{ij'} - m_{i})$ \
        with $m_{i}$ the row's largest entry: subtracting the same number from a whole row does not change \
        the softmax, and it keeps $\\exp$ from overflowing (PyTorch does the same).
        """)
        tr.say("""
        **Convention.** Tokens are rows and the weights multiply from the right, $Q = X W_{Q}$, as in the \
        paper and The Illustrated Transformer. PyTorch's `nn.Linear` stores a weight as out × in and \
        computes $X W^{\\top}$ (`lesson multi-head-attention` uses that form); \
        `torch.nn.functional.scaled_dot_product_attention(Q, K, V)` computes the steps from $S$ on.
        """)
        tr.introduceInputs(legend: [
            (symbol: "n", meaning: "tokens (rows of $X$)", size: n),
            (symbol: "d_{\\text{model}}", meaning: "numbers per token embedding", size: dModel),
            (symbol: "d_{k}", meaning: "numbers per query and key", size: dK),
            (symbol: "d_{v}", meaning: "numbers per value (and per output row)", size: dV),
        ], example: example)
        let x = tr.input("x", "X", .matrix(xIn), title: "Token embeddings",
                         meaning: "Row i is the embedding of token i.",
                         labels: Labels(rowHeader: "token", rows: tokenRows, columns: numberLabels(dModel)))
        let weightRows = Labels(rowHeader: "input", rows: numberLabels(dModel))
        let wQ = tr.input("w_q", "W_{Q}", .matrix(wQIn), title: "Query weights",
                          meaning: "Column j makes entry j of every query from the embedding.",
                          labels: Labels(rowHeader: weightRows.rowHeader, rows: weightRows.rows, columns: numberLabels(dK)))
        let wK = tr.input("w_k", "W_{K}", .matrix(wKIn), title: "Key weights",
                          meaning: "Column j makes entry j of every key.",
                          labels: Labels(rowHeader: weightRows.rowHeader, rows: weightRows.rows, columns: numberLabels(dK)))
        let wV = tr.input("w_v", "W_{V}", .matrix(wVIn), title: "Value weights",
                          meaning: "Column j makes entry j of every value.",
                          labels: Labels(rowHeader: weightRows.rowHeader, rows: weightRows.rows, columns: numberLabels(dV)))

        tr.heading("Step by step")
        tr.heading("Queries, keys and values", level: 3)
        let perToken = { (count: Int) in Labels(rowHeader: "token", rows: tokenRows, columns: numberLabels(count)) }
        let q = tr.record("Q", "Q", x * wQ, title: "queries",
                          meaning: "Row i is what token i is looking for.", labels: perToken(dK))
        let k = tr.record("K", "K", x * wK, title: "keys",
                          meaning: "Row j is how token j presents itself to the queries.", labels: perToken(dK))
        let v = tr.record("V", "V", x * wV, title: "values",
                          meaning: "Row j is what token j hands over when attended to.", labels: perToken(dV))

        tr.heading("Scores and their scaling", level: 3)
        let pairs = Labels(rowHeader: "query \\ key", rows: tokenRows, columns: tokenColumns)
        let scores = tr.record("scores", "S", q * k.transposed, title: "scores",
                               meaning: "Entry (i, j) is the dot product $q_{i} \\cdot k_{j}$: large when query i and key j point the same way.",
                               labels: pairs)
        let scale = tr.constant("\\sqrt{d_{k}}", .scalar(Double(dK).squareRoot()), title: "Scale",
                             meaning: "The square root of $d_{k} = \(dK)$.")
        var scaledExpression = scores / scale
        if causal {
            let mask = Matrix(rows: n, cols: n, entries: (0..<(n * n)).map { $0 % n > $0 / n ? -Double.infinity : 0 })
            let m = tr.constant("M", .matrix(mask), title: "Causal mask (from `causal: true`)",
                             meaning: "0 where key j is not in query i's future (j ≤ i), −∞ where it is: adding −∞ makes that weight exactly 0 after the softmax.",
                             labels: pairs)
            scaledExpression = scaledExpression + m
        }
        let scaled = tr.record("scaled", "\\hat{S}", scaledExpression, title: causal ? "scaled and masked scores" : "scaled scores",
                               meaning: "The scores divided by $\\sqrt{d_{k}}$, so their spread does not grow with $d_{k}$\(causal ? "; future positions are −∞" : "").",
                               labels: pairs)

        tr.figure(.heatmaps(title: "Scaled scores \\hat{S} before the softmax".replacingOccurrences(of: "\\hat{S}", with: "Ŝ"),
                            panels: [Heatmap(title: "Ŝ = Q Kᵀ / √d_k\(causal ? " + M" : "")", rows: tokenColumns, columns: tokenColumns,
                                             values: scaled.value.matrix, rowHeader: "query", columnHeader: "key")],
                            scale: .diverging),
                  description: "Heatmap of the scaled scores, one row per query token and one column per key token: red is positive, blue negative, white zero\(causal ? ", grey the masked (−∞) entries" : ""); the numbers are in the table above.")

        tr.heading("Softmax, row by row", level: 3)
        let rowMax = tr.record("max", "m", reduceRows(.max, scaled), title: "largest scaled score of each row",
                               meaning: "Subtracted before exp: the softmax does not change, and exp cannot overflow.",
                               labels: Labels(rowHeader: "query", rows: tokenRows))
        let e = tr.record("exp", "E", exp(scaled - broadcast(rowMax, .perRow, rows: n, cols: n)), title: "exponentials",
                          meaning: "Each shifted score's exponential, between 0 and 1: the row's largest becomes exactly 1\(causal ? ", masked ones exactly 0" : "").",
                          labels: pairs)
        let sum = tr.record("sum", "z", reduceRows(.sum, e), title: "row sums of the exponentials",
                            meaning: "The softmax's denominator, one per query.",
                            labels: Labels(rowHeader: "query", rows: tokenRows))
        let weights = tr.record("weights", "A", e / broadcast(sum, .perRow, rows: n, cols: n), title: "attention weights",
                                meaning: "Row i says how much token i takes from each token: every entry between 0 and 1, each row summing to 1 (up to rounding in the last decimal shown).",
                                labels: pairs)

        tr.figure(.heatmaps(title: "Attention weights A",
                            panels: [Heatmap(title: "A = softmax(Ŝ), row by row", rows: tokenColumns, columns: tokenColumns,
                                             values: weights.value.matrix, rowHeader: "query", columnHeader: "key")],
                            scale: .unit),
                  description: "Heatmap of the attention weights, one row per query token and one column per key token, on a 0 to 1 colour scale (dark purple 0, yellow 1); each row sums to 1. The numbers are in the table above.")

        tr.heading("Output", level: 3)
        let output = tr.record("output", "O", weights * v, title: "output",
                               meaning: "Row i is the weighted average $\\sum_{j} A_{ij} v_{j}$ of the value rows: token i's new representation.",
                               labels: perToken(dV))
        _ = output

        tr.heading("Summary")
        if causal {
            tr.say("""
            Every token attended to itself and the tokens before it, in one step; reading each row of $A$ says \
            who looks at whom, and the zeros above the diagonal are the mask at work. The rows of $A$ still sum \
            to 1, so each output row is an average of the value rows it may see. The mask is the only place \
            where order enters: token 1's output is its own value, whatever comes after it. Without a mask \
            (`lesson attention-qkv`), order does not matter at all, which is why Transformers add a positional \
            encoding (`lesson positional-encoding`).
            """)
        } else {
            tr.say("""
            Every token attended to every token in one step, with weights computed from the input itself; \
            reading each row of $A$ says who looks at whom. Two things to notice: the rows of $A$ sum to 1, so \
            each output row is an average of value rows and stays on their scale; and nothing here depends on \
            the order of the tokens — shuffle the rows of $X$ and the rows of $O$ shuffle the same way. That is \
            why Transformers add a positional encoding (`lesson positional-encoding`).
            """)
        }
        return tr
    }
}
