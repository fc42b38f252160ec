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

import JSONFormat
import LessonInput
import TraceCore

enum MultiHeadAttention: Lesson {
    static let id = "multi-head-attention"
    static let summary = words("summary")

    static let examples = [
        Example("default", words, input: .fields([
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

    /// The figure draws at most this many heads and their average (within `FigureLimits`' panels);
    /// its title then says which heads it shows.
    static let drawnHeads = FigureLimits.standard.panels - 1

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try MultiHeadInput(&reader)
        try reader.finish()
        return derive(p, example: example, file: file, backward: backward)
    }

    /// The derivation, on the board: the mathematics here, its words in MultiHeadAttention+Words.swift.
    /// Shapes: L query tokens, S key tokens, E numbers per token, h heads of E/h columns each.
    static func derive(_ p: MultiHeadInput, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        let masked = p.causal ? ", causal" : ""           // the words that say the mask is there
        let (l, s, e, heads, headDim) = (p.l, p.s, p.e, p.heads, p.headDim)
        let dim = ["head_dim": "\(headDim)"]
        /// "column 3" or "columns 3–4": a range of columns in words, counted from 1.
        func columnWords(_ range: Range<Int>) -> String {
            let slots = ["first": "\(range.lowerBound + 1)", "last": "\(range.upperBound)"]
            return range.count == 1 ? w("column", slots) : w("columns", slots)
        }
        func defaulted(_ key: String, given: Bool) -> Caption {
            let caption = w.caption(key)
            return given ? caption : Caption(title: caption.title, meaning: caption.meaning + " " + w("left out"))
        }

        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        tr.math(w("equations" + masked))
        tr.say(w("slices"))
        tr.say(p.causal ? w("convention") + " " + w("convention, causal") : w("convention"))
        tr.introduceInputs(legend: [
            (symbol: "L", meaning: w("legend L"), size: l),
            (symbol: "S", meaning: w("legend S"), size: s),
            (symbol: "E", meaning: w("legend E"), size: e),
            (symbol: "h", meaning: w("legend h"), size: heads),
            (symbol: "E/h", meaning: w("legend E/h"), size: headDim),
        ], example: example)
        let queryKind = p.key != nil ? "query, cross" : p.value != nil ? "query, self with value" : "query, self"
        let xQ = tr.input("query", "X_{q}", .matrix(p.query), w.caption(queryKind), labels: p.queryTable(p.features))      // L × E
        let xK = p.key.map { tr.input("key", "X_{k}", .matrix($0), w.caption("key"), labels: p.keyTable(p.features)) } ?? xQ      // S × E
        let xV = p.value.map { tr.input("value", "X_{v}", .matrix($0), w.caption("value"), labels: p.keyTable(p.features)) } ?? xQ  // S × E
        let h = tr.input("num_heads", "h", .scalar(Double(heads)), w.caption("num_heads", dim))
        let wIn = tr.input("in_proj_weight", "W_{in}", .matrix(p.wIn), w.caption("in_proj_weight"), labels: p.inProjLabels)      // 3E × E
        let bIn = tr.input("in_proj_bias", "b_{in}", .vector(p.bIn ?? .zeros(3 * e)), defaulted("in_proj_bias", given: p.bIn != nil),
                           labels: p.inBiasLabels)                                                                                // 3E
        let wO = tr.input("out_proj.weight", "W_{O}", .matrix(p.wO), w.caption("out_proj.weight"), labels: p.outProjLabels)      // E × E
        let bO = tr.input("out_proj.bias", "b_{O}", .vector(p.bO ?? .zeros(e)), defaulted("out_proj.bias", given: p.bO != nil),
                          labels: p.outBiasLabels)                                                                                // E

        func block(_ m: Traced, _ k: Int, _ symbol: String) -> Traced { m.rows((k * e)..<((k + 1) * e), symbol) }
        func bias(_ v: Traced, rows: Int) -> Traced { broadcast(v, .perColumn, rows: rows, cols: e) }

        tr.heading(w("heading steps"))
        tr.heading(w("heading projections"), level: 3)
        // Q = X_q W_Qᵀ + b_Q,  K = X_k W_Kᵀ + b_K,  V = X_v W_Vᵀ + b_V
        let q = tr.record("Q", "Q", xQ * block(wIn, 0, "W_{Q}").transposed + bias(block(bIn, 0, "b_{Q}"), rows: l), w.caption("Q"),
                          labels: p.queryTable(p.features))                                                                       // L × E
        let k = tr.record("K", "K", xK * block(wIn, 1, "W_{K}").transposed + bias(block(bIn, 1, "b_{K}"), rows: s), w.caption("K"),
                          labels: p.keyTable(p.features))                                                                         // S × E
        let v = tr.record("V", "V", xV * block(wIn, 2, "W_{V}").transposed + bias(block(bIn, 2, "b_{V}"), rows: s), w.caption("V"),
                          labels: p.keyTable(p.features))                                                                         // S × E

        let scale = tr.constant(#"\sqrt{E/h}"#, .scalar(Double(headDim).squareRoot()), w.caption("scale", dim))
        let mask = p.causal ? tr.constant("M", .matrix(causalMask(queries: l, keys: s)), w.caption("M"), labels: p.pairs) : nil  // L × S

        // A long run of heads shows heads 1, 2 and h in full; heads 3 … h−1 are named, with where their results are.
        let leftOut = Repeats.leftOut(of: heads)
        let leftOutColumns = leftOut.map { columnWords(p.columns(ofHead: $0.lowerBound).lowerBound..<p.columns(ofHead: $0.upperBound).upperBound) } ?? ""
        let headRepeats = Repeats(singular: w("head"), plural: w("heads"), sameWork: w("heads, same work"),
                                  resultsShown: heads - 1 <= drawnHeads
                                      ? w("heads, results", ["columns": leftOutColumns])
                                      : w("heads, results, some drawn", ["columns": leftOutColumns, "drawn": "\(drawnHeads)"]))
        var outputs: [Traced] = []
        var weights: [Traced] = []
        var perHead: [[Traced]] = []                                            // Q_k, K_k, V_k, scores, scaled, A_k, O_k
        var sum: Traced?                                                        // A_1 + … + A_k so far
        for head in 1...heads {
            let range = p.columns(ofHead: head)
            let (first, last) = (range.lowerBound + 1, range.upperBound)
            let slots = ["k": "\(head)", "columns": columnWords(range), "first": "\(first)"]
            tr.section(headRepeats, head, of: heads, w("heading head", slots))
            let sliceColumns = (first...last).map { "\($0)" }
            let qk = tr.record("head[\(head)].Q", "Q_{\(head)}", q.columns(range, #"Q_{:,\,\#(first):\#(last)}"#), w.caption("head[k].Q", slots),
                               labels: p.queryTable(sliceColumns))                                                                // L × E/h
            let kk = tr.record("head[\(head)].K", "K_{\(head)}", k.columns(range, #"K_{:,\,\#(first):\#(last)}"#), w.caption("head[k].K", slots),
                               labels: p.keyTable(sliceColumns))                                                                  // S × E/h
            let vk = tr.record("head[\(head)].V", "V_{\(head)}", v.columns(range, #"V_{:,\,\#(first):\#(last)}"#), w.caption("head[k].V", slots),
                               labels: p.keyTable(sliceColumns))                                                                  // S × E/h
            // scores_k = Q_k K_kᵀ                                                  L × S
            let scores = tr.record("head[\(head)].scores", #"\mathrm{scores}_{\#(head)}"#, qk * kk.transposed, w.caption("head[k].scores", slots),
                                   labels: p.pairs)
            // scaled_k = scores_k / √(E/h) (+ M)                                   L × S
            var scaled = scores / scale
            if let mask { scaled = scaled + mask }
            let scaledStep = tr.record("head[\(head)].scaled", #"\mathrm{scaled}_{\#(head)}"#, scaled, w.caption("head[k].scaled" + masked, slots),
                                       labels: p.pairs)
            // A_k = softmax(scaled_k), row by row                                  L × S
            let a = tr.record("head[\(head)].weights", "A_{\(head)}", softmaxRows(scaledStep), w.caption("head[k].weights", slots), labels: p.pairs)
            // O_k = A_k V_k                                                        L × E/h
            let o = tr.record("head[\(head)].output", "O_{\(head)}", a * vk, w.caption("head[k].output", slots),
                              labels: p.queryTable(numberLabels(headDim)))
            outputs.append(o)
            weights.append(a)
            perHead.append([qk, kk, vk, scores, scaledStep, a, o])
            sum = sum.map { $0 + a } ?? a
        }

        // With many heads the Markdown writes out heads 1, 2 and h only: the words say where the rest are.
        let elided = leftOut != nil
        tr.heading(w("heading concatenate"), level: 3)
        // C = concat(O_1, …, O_h)                                                  L × E
        let concat = tr.record("concat", "C", concatColumns(outputs), w.caption(headDim == 1 ? "concat, one column" : "concat", dim),
                               labels: p.queryTable(p.features))
        // Y = C W_Oᵀ + b_O                                                         L × E
        let output = tr.record("output", "Y", concat * wO.transposed + bias(bO, rows: l), w.caption("output"), labels: p.queryTable(p.features))
        // Ā = (A_1 + … + A_h) / h                                                  L × S
        let average = sum.map { tr.record("weights", #"\bar{A}"#, $0 / h, w.caption("weights"), labels: p.pairs) }

        tr.figure(.heatmaps(title: w(heads > drawnHeads ? "figure, first heads" : "figure", ["drawn": "\(drawnHeads)", "heads": "\(heads)"]),
                            panels: weights.prefix(drawnHeads).enumerated().map { k, a in
                                queryKeyHeatmap(w("panel head", ["k": "\(k + 1)"]), p.queryNames, p.keyColumns, a)
                            } + (average.map { [queryKeyHeatmap(w("panel average"), p.queryNames, p.keyColumns, $0)] } ?? []),
                            scale: .unit),
                  description: w(heads > drawnHeads ? "figure, description, first heads" : "figure, description", ["drawn": "\(drawnHeads)"])
                      + " " + w(elided ? "numbers, elided" : "numbers", ["last": "\(heads)"]))

        tr.heading(w("heading summary"))
        tr.say(w(elided ? "notice, elided" : "notice", dim))
        if backward {
            let given = [xQ] + (p.key == nil ? [] : [xK]) + (p.value == nil ? [] : [xV]) + [wIn] + (p.bIn == nil ? [] : [bIn]) + [wO] + (p.bO == nil ? [] : [bO])
            derivePass(back: p, tr, differentiable: given, inputs: [xQ, xK, xV, wIn, bIn, wO, bO], qkv: [q, k, v], heads: perHead,
                       concat: concat, output: output)
        }
        return tr
    }

    /// The backward pass: through the output projection and the concatenation into each head (the
    /// last first), each head as attention-qkv's, then the projections and the inputs.
    static func derivePass(back p: MultiHeadInput, _ tr: Trace, differentiable: [Traced], inputs: [Traced], qkv: [Traced],
                           heads: [[Traced]], concat: Traced, output: Traced) {
        let w = words
        let g = tr.beginBackward(why: backwardWords("backward why") + " " + w("backward why"), equations: w("backward equations"),
                                 output: output, symbol: "Y", given: p.gradOutput, labels: p.queryTable(p.features))
        let back = Backprop(tr, differentiable: differentiable)
        back.seed(output, g)
        tr.heading(w("heading back through"), level: 3)
        back.record(output, w.caption("output.grad"))
        back.record(concat, w.caption("concat.grad"))
        let repeats = Repeats(singular: w("head"), plural: w("heads"), sameWork: w("heads, same work back"),
                              resultsShown: w("heads, results back"), countsDown: true)
        for head in stride(from: p.heads, through: 1, by: -1) {
            let slots = ["k": "\(head)"]
            tr.section(repeats, p.heads + 1 - head, of: p.heads, w("heading head back", slots))
            let s = heads[head - 1]
            for (value, key) in zip(s.reversed(), ["output", "weights", "scaled", "scores", "V", "K", "Q"]) {
                back.record(value, w.caption("head[k].\(key).grad" + (key == "scaled" && p.causal ? ", causal" : ""), slots))
            }
        }
        tr.heading(w("heading projections back"), level: 3)
        for (value, key) in zip(qkv.reversed(), ["V", "K", "Q"]) { back.record(value, w.caption("\(key).grad")) }
        tr.heading(w("heading input gradients"), level: 3)
        let keys = ["query.grad" + (p.key == nil ? ", self" : p.value == nil ? ", value" : ""), "key.grad", "value.grad", "in_proj_weight.grad",
                    "in_proj_bias.grad", "out_proj.weight.grad", "out_proj.bias.grad"]
        // A key or value left out is the query's own rows: its share is in query.grad, recorded once.
        for (input, key) in zip(inputs, keys) { back.record(input, w.caption(key)) }
        tr.endBackward(back)
    }
}
