// multi-head-attention: torch.nn.MultiheadAttention with a batch of one and no dropout.
//
// Convention (PyTorch): nn.Linear's form y = x Wᵀ + b with weights stored out × in.
//   Q = X_q W_Qᵀ + b_Q, K = X_k W_Kᵀ + b_K, V = X_v W_Vᵀ + b_V, where W_Q, W_K, W_V are rows
//   1…E, E+1…2E, 2E+1…3E of in_proj_weight (3E × E) and b_Q, b_K, b_V the blocks of in_proj_bias.
//   Head k (head_dim = E / num_heads) takes columns (k−1)·head_dim+1 … k·head_dim of Q, K and V:
//   A_k = softmax(Q_k K_kᵀ / √head_dim (+ M)),  O_k = A_k V_k.
//   output = concat(O_1 … O_h) W_Oᵀ + b_O with W_O = out_proj.weight (E × E);
//   the returned weights are the mean of A_1 … A_h (average_attn_weights=True).
// Others: the paper writes Q W_i^Q with a separate matrix per head; those are the column blocks
// here. The Illustrated Transformer's toy concatenates 8 heads × 3 = 24 columns and projects to 4.
// References: Vaswani et al. 2017, section 3.2.2; PyTorch docs for torch.nn.MultiheadAttention;
// seed notes 000, 001 (8 heads × 3 = 24 → W^O → 4), 003.

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum MultiHeadAttention: Lesson {
    static let id = "multi-head-attention"
    static let summary = "Multi-head attention as torch.nn.MultiheadAttention: project, split into heads, attend, concatenate, project"

    static let examples = [
        Example(
            name: "default",
            summary: "“The cat sat” with 2 heads: each head attends differently",
            story: """
            The sentence of `lesson attention-qkv`, “The cat sat”, with $E = 4$ and 2 heads of 2 numbers \
            each. The weights were chosen so that the two heads disagree: for “sat”, head 1 looks mostly at \
            “cat” and head 2 mostly at “The”. Neither head alone has the whole picture; the output projection \
            $W_{O}$ mixes what both found. This is the point of several heads: each can attend to a different \
            relation at the same cost as one wide head.
            """,
            input: .fields([
                "query": .rows([[1, 0, 1, 0], [0, 2, 0, 1], [1, 1, 0, 1]]),
                "num_heads": .number(2),
                "in_proj_weight": .rows([
                    [1, -1, -1, -1], [1, 0.5, 1, -0.5], [0.5, -0.5, 0, -1], [0.5, 1, 0.5, -1],
                    [0, -0.5, 1, 1], [-1, 0, 1, 1], [0.5, 0.5, -1, 0.5], [0, -1, -0.5, 0],
                    [0.5, 0, 0.5, 1], [0.5, -0.5, 0.5, 0], [-1, -1, 0.5, -0.5], [0, -0.5, -0.5, -1],
                ]),
                "in_proj_bias": .numbers([0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1]),
                "out_proj.weight": .rows([[-0.5, 1, 0, -0.5], [0, 1, -0.5, 0], [0, 0.5, 0, 0.5], [0, 0.5, 1, -1]]),
                "out_proj.bias": .numbers([0, 0, 0, 0.1]),
                "causal": .bool(false),
                "tokens": .strings(["The", "cat", "sat"]),
            ])),
    ]

    static let maxTokens = 2_048
    static let maxWidth = 1_024

    static func trace(_ json: JSON, file: String, example: Example?) throws -> Trace {
        var reader = try InputReader(json, file: file)
        let queryIn = try reader.requiredMatrix("query", "the queries' inputs, L × E")
        let (l, e) = (queryIn.rows, queryIn.cols)
        try reader.expect(l, "the number of query tokens (rows of query)", atMost: maxTokens)
        try reader.expect(e, "the embedding size E (columns of query)", atMost: maxWidth)
        let keyGiven = try reader.matrix("key", "S × E, one row per key token")
        if let keyGiven { try reader.expect(keyGiven.rows, "the number of key tokens (rows of key)", atMost: maxTokens) }
        let keyIn = keyGiven ?? queryIn
        let s = keyIn.rows
        try reader.expect(keyIn, "key", rows: ("S", s), cols: ("E (columns of query)", e))
        let valueGiven = try reader.matrix("value", "S × E, one row per key token")
        let valueIn = valueGiven ?? queryIn
        try reader.expect(valueIn, valueGiven == nil ? "value (which defaults to query)" : "value",
                          rows: ("S (rows of key)", s), cols: ("E", e))
        let heads = try reader.required(try reader.integer("num_heads", "how many heads"), "num_heads", "how many heads, a whole number dividing E")
        guard heads >= 1, e % heads == 0 else {
            throw reader.fail("num_heads must be a whole number ≥ 1 that divides E = \(e), got \(heads)")
        }
        let wIn = try reader.requiredMatrix("in_proj_weight", "W_Q, W_K, W_V stacked, 3E × E")
        try reader.expect(wIn, "in_proj_weight", rows: ("3E", 3 * e), cols: ("E", e))
        let bIn = try reader.vector("in_proj_bias", "3E numbers")
        if let bIn { try reader.expect(bIn, "in_proj_bias", count: ("3E", 3 * e)) }
        let wOIn = try reader.requiredMatrix("out_proj.weight", "the output projection W_O, E × E")
        try reader.expect(wOIn, "out_proj.weight", rows: ("E", e), cols: ("E", e))
        let bOIn = try reader.vector("out_proj.bias", "E numbers")
        if let bOIn { try reader.expect(bOIn, "out_proj.bias", count: ("E", e)) }
        let causal = try reader.bool("causal") ?? false
        let tokens = try reader.labels("tokens", count: l, per: "query token (row of query)")
        try reader.finish()
        let (ld, sd, ed, hd) = (Double(l), Double(s), Double(e), Double(heads))
        try reader.expectWork(multiplyAdds: (ld + 2 * sd) * ed * ed + 2 * ld * sd * ed + ld * ed * ed + hd * ld * sd,
                              recordedNumbers: 3 * (ld + 2 * sd) * ed + 4 * hd * ld * sd + ld * sd)

        let selfAttention = keyGiven == nil
        let headDim = e / heads
        let queryRows = sequenceLabels(tokens, count: l)
        let keyRows = selfAttention ? queryRows : sequenceLabels(nil, count: s)
        let keyColumns = selfAttention ? (tokens ?? numberLabels(s)) : numberLabels(s, prefix: "key ")
        let features = numberLabels(e)

        let tr = Trace(lesson: id, title: "Multi-head attention", example: example?.name ?? file)
        tr.say("""
        One attention head computes one set of weights: each token can attend in one way only. \
        **Multi-head attention** runs several smaller heads side by side, each on its own slice of the \
        projected queries, keys and values, so that one head can follow, say, the subject of a verb while \
        another follows the previous word. The heads' outputs are concatenated and mixed by an output \
        projection $W_{O}$ (seed notes 000, 001). With $h$ heads of $E/h$ numbers the cost is that of one \
        head of width $E$.
        """)
        tr.heading("The equations")
        tr.math("""
        \\begin{aligned}
        Q &= X_{q} W_{Q}^{\\top} + b_{Q}, \\quad K = X_{k} W_{K}^{\\top} + b_{K}, \\quad V = X_{v} W_{V}^{\\top} + b_{V} \\\\
        A_{k} &= \\operatorname{softmax}\\left(\\frac{Q_{k} K_{k}^{\\top}}{\\sqrt{E/h}}\(causal ? " + M" : "")\\right), \\quad O_{k} = A_{k} V_{k} && k = 1 \\dots h \\\\
        \\text{output} &= \\operatorname{concat}(O_{1}, \\dots, O_{h})\\, W_{O}^{\\top} + b_{O}, \\qquad \\text{weights} = \\tfrac{1}{h} \\textstyle\\sum_{k} A_{k}
        \\end{aligned}
        """)
        tr.say("""
        $Q_{k}$ is **columns** $(k-1)\\frac{E}{h} + 1$ to $k\\frac{E}{h}$ of $Q$ (likewise $K_{k}$, $V_{k}$), written \
        $Q_{:,\\,a:b}$: all rows, columns a to b, counted from 1 and including b. A head does not get its own \
        rows or tokens; it gets its own slice of every token's projected vector. The softmax is taken row by \
        row as $\\exp(\\hat{s}_{ij} - m_{i}) / \\sum_{j'} \\exp(\\hat{s}_{ij'} - m_{i})$ with $m_{i}$ the row's largest \
        entry, as in `lesson attention-qkv`, which shows the exponentials and sums as steps of their own. \
        $L$ and $S$ are PyTorch's names for the query and key lengths.
        """)
        tr.say("""
        **Convention.** This is `torch.nn.MultiheadAttention(E, num_heads)` called with a batch of one, \
        no dropout, `need_weights=True` and `average_attn_weights=True`. Like every `nn.Linear`, its weights \
        are stored out × in and applied as $X W^{\\top} + b$; `in_proj_weight` stacks $W_{Q}$, $W_{K}$, $W_{V}$ \
        in its rows. The paper's per-head matrices $W^{Q}_{i}$ are the column blocks of $W_{Q}^{\\top}$. \
        PyTorch fixes the head size at $E/h$, so the concatenation has $E$ columns and $W_{O}$ is E × E; \
        The Illustrated Transformer's toy (seed notes 001: 8 heads × 3 = 24 columns, then $W^{O}$ of 24 × 4) \
        chooses the head size freely, which this module does not allow.\(causal ? " `causal: true` passes the mask $M$ (−∞ where key j > query i) as `attn_mask`." : "")
        """)
        tr.introduceInputs(legend: [
            (symbol: "L", meaning: "query tokens (rows of the output; PyTorch's target length)", size: l),
            (symbol: "S", meaning: "key and value tokens (PyTorch's source length)", size: s),
            (symbol: "E", meaning: "embedding size", size: e),
            (symbol: "h", meaning: "heads", size: heads),
            (symbol: "E/h", meaning: "numbers per head (head_dim)", size: headDim),
        ], example: example)
        let xQ = tr.input("query", "X_{q}", .matrix(queryIn), title: "Query input",
                          meaning: selfAttention ? "Row i is token i. No `key` or `value` is given, so this is **self-attention**: keys and values come from the same rows."
                                                 : "Row i is query token i.",
                          labels: Labels(rowHeader: "token", rows: queryRows, columns: features))
        let xK = keyGiven.map {
            tr.input("key", "X_{k}", .matrix($0), title: "Key input", meaning: "Row j is key token j: **cross-attention**, the queries attend to another sequence.",
                     labels: Labels(rowHeader: "token", rows: keyRows, columns: features))
        } ?? xQ
        let xV = valueGiven.map {
            tr.input("value", "X_{v}", .matrix($0), title: "Value input", meaning: "Row j is the content that key token j hands over.",
                     labels: Labels(rowHeader: "token", rows: keyRows, columns: features))
        } ?? (keyGiven == nil ? xQ : xQ)
        let headCount = tr.input("num_heads", "h", .scalar(Double(heads)), title: "Heads", meaning: "Each head works on E/h = \(headDim) columns.")
        let stacked = ["q", "k", "v"].flatMap { letter in (1...e).map { "\(letter)\(subscripted($0))" } }
        let w = tr.input("in_proj_weight", "W_{in}", .matrix(wIn), title: "Input projection",
                         meaning: "Rows q₁…: $W_{Q}$; rows k₁…: $W_{K}$; rows v₁…: $W_{V}$, each E × E and applied as $X W^{\\top}$: row j makes entry j of every projected vector.",
                         labels: Labels(rowHeader: "row", rows: stacked, columns: features))
        let b = tr.input("in_proj_bias", "b_{in}", .vector(bIn ?? .zeros(3 * e)), title: "Input projection bias",
                         meaning: "$b_{Q}$, $b_{K}$, $b_{V}$ stacked." + (bIn == nil ? " Not in the input, so zeros." : ""),
                         labels: Labels(rowHeader: "row", rows: stacked))
        let wO = tr.input("out_proj.weight", "W_{O}", .matrix(wOIn), title: "Output projection",
                          meaning: "Mixes the concatenated heads: row j makes output entry j.",
                          labels: Labels(rowHeader: "row", rows: features, columns: features))
        let bO = tr.input("out_proj.bias", "b_{O}", .vector(bOIn ?? .zeros(e)), title: "Output bias",
                          meaning: "Added last." + (bOIn == nil ? " Not in the input, so zeros." : ""),
                          labels: Labels(rowHeader: "entry"))

        func block(_ m: Traced, _ k: Int, _ symbol: String) -> Traced { m.rows((k * e)..<((k + 1) * e), symbol) }
        func bias(_ v: Traced, rows: Int) -> Traced { broadcast(v, .perColumn, rows: rows, cols: e) }

        tr.heading("Step by step")
        tr.heading("Projections", level: 3)
        let q = tr.record("Q", "Q", xQ * block(w, 0, "W_{Q}").transposed + bias(block(b, 0, "b_{Q}"), rows: l), title: "projected queries",
                          meaning: "Row i is token i's query, all heads' parts side by side.",
                          labels: Labels(rowHeader: "token", rows: queryRows, columns: features))
        let k = tr.record("K", "K", xK * block(w, 1, "W_{K}").transposed + bias(block(b, 1, "b_{K}"), rows: s), title: "projected keys",
                          meaning: "Row j is token j's key.", labels: Labels(rowHeader: "token", rows: keyRows, columns: features))
        let v = tr.record("V", "V", xV * block(w, 2, "W_{V}").transposed + bias(block(b, 2, "b_{V}"), rows: s), title: "projected values",
                          meaning: "Row j is token j's value.", labels: Labels(rowHeader: "token", rows: keyRows, columns: features))

        let scale = tr.constant("\\sqrt{E/h}", .scalar(Double(headDim).squareRoot()), title: "Scale", meaning: "The square root of head_dim = \(headDim).")
        let pairs = Labels(rowHeader: "query \\ key", rows: queryRows, columns: keyColumns)
        var mask: Traced?
        if causal {
            let m = Matrix(rows: l, cols: s, entries: (0..<(l * s)).map { $0 % s > $0 / s ? -Double.infinity : 0 })
            mask = tr.constant("M", .matrix(m), title: "Causal mask (from `causal: true`)",
                               meaning: "−∞ where key j comes after query i: those weights become 0.", labels: pairs)
        }

        // With many heads, heads 3 … h−1 are left out of the Markdown; their results still show.
        let headRepeats = Repeats(singular: "head", plural: "heads",
                                  sameWork: "repeat the same computation on their own columns",
                                  resultsShown: "their outputs fill columns \(2 * headDim + 1)–\((heads - 1) * headDim) of the concatenation $C$ below, "
                                      + "and their weights are part of the average $\\bar{A}$ at the end\(heads > 8 ? "" : " and of the figure")")
        var outputs: [Traced] = []
        var weights: [Traced] = []
        for head in 1...heads {
            let range = ((head - 1) * headDim)..<(head * headDim)
            let columns = headDim == 1 ? "column \(range.lowerBound + 1)" : "columns \(range.lowerBound + 1)–\(range.upperBound)"
            tr.section(headRepeats, head, of: heads, "Head \(head): \(columns)")
            let sliceColumns = (range.lowerBound..<range.upperBound).map { "\($0 + 1)" }
            let headColumns = numberLabels(headDim)
            let qk = tr.record("head[\(head)].Q", "Q_{\(head)}", q.columns(range, "Q_{:,\\,\(range.lowerBound + 1):\(range.upperBound)}"),
                               title: "head \(head)'s queries", meaning: "Only \(columns) of $Q$: this is all head \(head) sees of each query.",
                               labels: Labels(rowHeader: "token", rows: queryRows, columns: sliceColumns))
            let kk = tr.record("head[\(head)].K", "K_{\(head)}", k.columns(range, "K_{:,\\,\(range.lowerBound + 1):\(range.upperBound)}"),
                               title: "head \(head)'s keys", meaning: "The same \(columns), of $K$.",
                               labels: Labels(rowHeader: "token", rows: keyRows, columns: sliceColumns))
            let vk = tr.record("head[\(head)].V", "V_{\(head)}", v.columns(range, "V_{:,\\,\(range.lowerBound + 1):\(range.upperBound)}"),
                               title: "head \(head)'s values", meaning: "The same \(columns), of $V$.",
                               labels: Labels(rowHeader: "token", rows: keyRows, columns: sliceColumns))
            let scores = tr.record("head[\(head)].scores", "\\mathrm{scores}_{\(head)}", qk * kk.transposed, title: "head \(head)'s scores",
                                   meaning: "Dot products of head \(head)'s query and key slices.", labels: pairs)
            var scaled = scores / scale
            if let mask { scaled = scaled + mask }
            let scaledStep = tr.record("head[\(head)].scaled", "\\mathrm{scaled}_{\(head)}", scaled, title: "head \(head)'s scaled scores",
                                       meaning: "Divided by $\\sqrt{E/h}$, the square root of this head's width\(causal ? ", future keys −∞" : "").", labels: pairs)
            let a = tr.record("head[\(head)].weights", "A_{\(head)}", softmaxRows(scaledStep), title: "head \(head)'s attention weights",
                              meaning: "Row i: how much query i takes from each key, in this head; each entry is the exp of its shifted score over the row's sum of such exps, and each row sums to 1.", labels: pairs)
            let o = tr.record("head[\(head)].output", "O_{\(head)}", a * vk, title: "head \(head)'s output",
                              meaning: "Row i: the weighted average of head \(head)'s value slices. Its columns are head-local: column 1 here is column \(range.lowerBound + 1) of the concatenation.",
                              labels: Labels(rowHeader: "token", rows: queryRows, columns: headColumns))
            outputs.append(o)
            weights.append(a)
        }

        tr.heading("Concatenate and project", level: 3)
        let concat = tr.record("concat", "C", concatColumns(outputs), title: "heads side by side",
                               meaning: "Head k's output fills columns \(headDim == 1 ? "k" : "(k−1)·\(headDim)+1 … k·\(headDim)"): the same columns its slices came from.",
                               labels: Labels(rowHeader: "token", rows: queryRows, columns: features))
        _ = tr.record("output", "Y", concat * wO.transposed + bias(bO, rows: l), title: "output",
                      meaning: "$W_{O}$ mixes the heads: every output entry can draw on every head.",
                      labels: Labels(rowHeader: "token", rows: queryRows, columns: features))
        let average = tr.record("weights", "\\bar{A}", weights.dropFirst().reduce(weights[0], +) / headCount, title: "attention weights averaged over heads",
                      meaning: "What PyTorch returns as the attention weights by default: the mean of the heads' weights. It hides how differently the heads attend.",
                      labels: pairs)

        tr.figure(.heatmaps(title: "Attention weights of each head, and their average",
                            panels: weights.enumerated().prefix(8).map { k, a in
                                Heatmap(title: "head \(k + 1)", rows: tokens ?? numberLabels(l), columns: keyColumns,
                                        values: a.value.matrix, rowHeader: "query", columnHeader: "key")
                            } + [Heatmap(title: "average", rows: tokens ?? numberLabels(l), columns: keyColumns, values: average.value.matrix,
                                         rowHeader: "query", columnHeader: "key")],
                            scale: .unit),
                  description: "One heatmap per head\(heads > 8 ? " (the first 8)" : "") and one of their average, rows the queries and columns the keys, on a 0 to 1 colour scale (dark purple 0, yellow 1). The numbers are in the tables above.")

        tr.heading("Summary")
        tr.say("""
        Each head ran the attention of `lesson attention-qkv` on its own \(headDim)-column slice, with its \
        own weights; the concatenation puts the slices back side by side and $W_{O}$ mixes them. Compare \
        the heads' weight tables: they are computed from the same tokens and can still disagree. The \
        averaged weights that PyTorch returns are a summary, not what any head used.
        """)
        return tr
    }
}
