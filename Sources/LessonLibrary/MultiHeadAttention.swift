// multi-head-attention: torch.nn.MultiheadAttention with a batch of one and no dropout, and the
// paper's general form with any head size.
//
// Convention (PyTorch): nn.Linear's form y = x Wᵀ + b with weights stored out × in.
//   Q = X_q W_Qᵀ + b_Q, K = X_k W_Kᵀ + b_K, V = X_v W_Vᵀ + b_V, where W_Q, W_K, W_V are the three
//   blocks of h·d_k rows of in_proj_weight (3·h·d_k × d_model) and b_Q, b_K, b_V those of in_proj_bias.
//   Head m takes columns (m−1)·d_k+1 … m·d_k of Q, K and V:
//   S⁽ᵐ⁾ = Q⁽ᵐ⁾ K⁽ᵐ⁾ᵀ,  Ŝ⁽ᵐ⁾ = S⁽ᵐ⁾ / √d_k (+ M),  A⁽ᵐ⁾ = softmax(Ŝ⁽ᵐ⁾),  O⁽ᵐ⁾ = A⁽ᵐ⁾ V⁽ᵐ⁾.
//   Y = concat(O⁽¹⁾ … O⁽ʰ⁾) W_Oᵀ + b_O with W_O = out_proj.weight (d_model × h·d_k);
//   the returned weights Ā are the mean of A⁽¹⁾ … A⁽ʰ⁾ (average_attn_weights=True).
// PyTorch ties d_k (head_dim) to d_model / h; `head_dim` given is the paper's general form, as in
// seed notes 000/001's 8 heads × 3 = 24 columns projected by a 24 × 4 W^O.
// Others: the paper writes Q W_i^Q with a separate matrix per head; those are the column blocks of
// W_Qᵀ here; attention-qkv stores its W_Q in × out, the transpose of this one.
// References: Vaswani et al. 2017, section 3.2.2; PyTorch docs for torch.nn.MultiheadAttention;
// seed notes 000, 001 (8 heads × 3 = 24 → W^O → 4), 003.

import JSONFormat
import LessonInput
import TraceCore

enum MultiHeadAttention: Lesson {
    static let id = "multi-head-attention"
    static var summary: String { words("summary") }

    static let examples = [
        Example("default", words, input: .fields([
            "query": .rows([[1, 0, 1, 0], [0, 2, 0, 1], [1, 1, 0, 1]]),
            "num_heads": .number(2),
            "in_proj_weight": .rows([
                [1, -1, -1, -1], [1, 0.5, 1, -0.5], [0.5, -0.5, 0, -1], [0.5, 1, 0.5, -1],
                [0, -0.5, 1, 1], [-1, 0, 1, 1], [0.5, 0.5, -1, 0.5], [0, -1, -0.5, 0],
                [0.5, 0, 0.5, 1], [0.5, -0.5, 0.5, 0], [-1, -1, 0.5, -0.5], [0, -0.5, -0.5, -1],
            ]),
            "in_proj_bias": .numbers(Array(repeating: 0, count: 12)),
            "out_proj.weight": .rows([[-0.5, 1, 0, -0.5], [0, 1, -0.5, 0], [0, 0.5, 0, 0.5], [0, 0.5, 1, -1]]),
            "out_proj.bias": .numbers([0, 0, 0, 0.1]),
            "causal": .bool(false),
            "tokens": .strings(["The", "cat", "sat"]),
        ])),
        // Seed notes 000/001: X of 2 words × 4 numbers, 8 heads of 3, concatenated to 24 columns and
        // projected back to 4 by W^O (out_proj.weight 4 × 24). Head m's blocks are rows 3m−2 … 3m of
        // W_Q (rows 1–24), W_K (25–48) and W_V (49–72); chosen so that heads 1 and 2 disagree.
        Example("seed-8-heads", words, input: .fields([
            "query": .rows([[1, 0, 1, 0], [0, 1, 0, 1]]),
            "num_heads": .number(8),
            "head_dim": .number(3),
            "in_proj_weight": .rows([
                // W_Q, heads 1 … 8
                [1, 0, 0.5, 0], [0, -1, 0, 0.5], [0.5, 0, 0, -1],
                [1, 0, 0.5, 0], [0, 1, 0, 0.5], [0, 0, 0.5, 0.5],
                [0.5, 0.5, 0.5, 0.5], [1, 1, 0, 0], [0, 0, 0.5, 0.5],
                [1, -1, 0, 0], [0.5, 0.5, 0.5, 0.5], [0, 0, 1, 0.5],
                [0.5, 0, 0, -0.5], [0, 0.5, -0.5, 0], [0, 0, 0, 0.5],
                [0.5, 0, 0, 0], [0, 0.5, 0, 0], [0, 0, 0.5, 0.5],
                [0.5, 0.5, 0.5, 0.5], [1, 0, 0, 1], [0, 0, 0.5, 0],
                [-1, 0, 0, 0.5], [0, 1, -0.5, 0], [0.5, 0, 0, 1],
                // W_K
                [1, 0, 0.5, 0], [0, -1, 0, 0.5], [0.5, 0, 0, -1],
                [0, 1, 0, 0.5], [1, 0, 0.5, 0], [0, 0, 0, 0],
                [1, 0, 1, 0], [0.5, 0, 0.5, 0], [0, -1, 0, -1],
                [-1, 1, 0, 0], [0, 1, 0, 1], [0, 0, 0, 1],
                [1, -1, 0.5, 0], [0, 1, 0, -1], [0.5, 0.5, 0.5, 0.5],
                [0.5, 0, 0.5, 0], [0, 0.5, 0, 0.5], [0, 0, 0, 0.5],
                [1, -1, 0.5, -0.5], [0.5, 0, 0.5, 0], [0, -1, 0, -0.5],
                [0, 1, 0.5, 0], [-1, 0, 0, 0.5], [0, 0.5, 1, 0],
                // W_V
                [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0],
                [0, 0, 0, 1], [0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5],
                [1, 0, 1, 0], [0, -1, 0, 0], [0, 0, 0, 1],
                [-1, 0, 0, 0], [0, 0.5, 0, 0.5], [0, 1, 1, 0],
                [0.5, 0, 0.5, 0], [0, 0.5, 0, 0.5], [1, -1, 0, 0],
                [0, 1, 0, 0], [0, 0, -1, 0], [0.5, 0, 0, 0.5],
                [1, 1, 0, 0], [0, 0, 1, 1], [-0.5, 0, 0.5, 0],
                [0, 0, 1, -1], [1, 0, 0, 0], [0, 0.5, 0.5, 0],
            ]),
            "out_proj.weight": .rows([
                [1, 0, 0, 0, 1, -0.5, 0, 0, 1, 0, -0.5, 0, 1, 0, 0, -0.5, 1, 0, 0, 0, 1, 0, 0, 0],
                [0, 1, 0, 0, -0.5, 1, 0, 0, 0, 1, 0, 0, 0, 1, -0.5, 0, 0, 1, 0, -0.5, 0, 1, 0, 0],
                [0, 0, 1, -0.5, 0, 0, 1, 0, -0.5, 0, 1, 0, 0, -0.5, 1, 0, 0, 0, 1, 0, 0, 0, 1, -0.5],
                [0, 0, -0.5, 1, 0, 0, 0, 1, 0, 0, 0, 1, -0.5, 0, 0, 1, 0, -0.5, 0, 1, 0, 0, -0.5, 1],
            ]),
            "tokens": .strings(["Thinking", "Machines"]),
        ])),
    ]

    /// A source that writes X W stores each projection in × out: the blocks of `in_proj_weight`
    /// transposed in place (when they are square), and with them `out_proj.weight`.
    static let alternatives = [
        Alternative(words("alternative, blocks transposed")) { transposingBlocks($0, outProjection: false) },
        Alternative(words("alternative, every weight transposed")) { transposingBlocks($0, outProjection: true) },
    ]

    static func transposingBlocks(_ input: JSON, outProjection: Bool) -> JSON? {
        guard case .array(let rows)? = input["in_proj_weight"], rows.count % 3 == 0 else { return nil }
        let size = rows.count / 3
        var blocks: [JSON] = []
        for b in 0..<3 {
            guard let transposed = JSON.array(Array(rows[(b * size)..<((b + 1) * size)])).transposedMatrix,
                  case .array(let block) = transposed, block.count == size else { return nil }
            blocks += block
        }
        var result = input.setting("in_proj_weight", .array(blocks))
        if outProjection {
            guard let out = input["out_proj.weight"]?.transposedMatrix else { return nil }
            result = result?.setting("out_proj.weight", out)
        }
        return result
    }

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
    /// Shapes: n_q query tokens, n_k key tokens, d_model numbers per token, h heads of d_k columns
    /// each, D = h·d_k columns of Q, K, V and C (d_model unless head_dim is given).
    static func derive(_ p: MultiHeadInput, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        let masked = p.causal ? ", causal" : ""           // the words that say the mask is there
        let (nQ, nK, dModel, heads, dK, width) = (p.nQ, p.nK, p.dModel, p.heads, p.headDim, p.width)
        let sizes = ["d_k": "\(dK)", "D": "\(width)", "d_model": "\(dModel)"]

        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        tr.math(w("equations" + masked))
        tr.say(w("slices"))
        tr.say(w(p.headDimGiven && width != dModel ? "convention, head_dim" : "convention", sizes))
        tr.introduceInputs(legend: (p.selfAttention
            ? [(symbol: "n", meaning: w("legend n"), size: nQ)]
            : [(symbol: "n_{q}", meaning: w("legend n_q"), size: nQ), (symbol: "n_{k}", meaning: w("legend n_k"), size: nK)]) + [
            (symbol: #"d_{\text{model}}"#, meaning: w("legend d_model"), size: dModel),
            (symbol: "h", meaning: w("legend h"), size: heads),
            (symbol: "d_{k}", meaning: w("legend d_k"), size: dK),
        ], example: example)
        let queryKind = p.key != nil ? "query, cross" : p.value != nil ? "query, self with value" : "query, self"
        let xQ = tr.input("query", "X_{q}", .matrix(p.query), w.caption(queryKind), labels: p.queryTable(dModel))              // n_q × d_model
        let xK = p.key.map { tr.input("key", "X_{k}", .matrix($0), w.caption("key"), labels: p.keyTable(dModel)) } ?? xQ      // n_k × d_model
        let xV = p.value.map { tr.input("value", "X_{v}", .matrix($0), w.caption("value"), labels: p.keyTable(dModel)) } ?? xQ  // n_k × d_model
        let h = tr.input("num_heads", "h", .scalar(Double(heads)), w.caption("num_heads"))
        let stacked = ["Q", "K", "V"].flatMap { m in (1...width).map { w("label makes", ["matrix": m, "c": "\($0)"]) } }
        let wIn = tr.input("in_proj_weight", "W_{in}", .matrix(p.wIn), w.caption("in_proj_weight"),                          // 3D × d_model
                           labels: Labels(rowHeader: w("label makes header"), rows: stacked, columns: numberLabels(dModel)))
        let bIn = tr.input("in_proj_bias", "b_{in}", .vector(p.bIn ?? .zeros(3 * width)), w.caption(p.bIn == nil ? "in_proj_bias, zeros" : "in_proj_bias"),          // 3D
                           labels: Labels(rowHeader: w("label makes header"), rows: stacked))
        let wO = tr.input("out_proj.weight", "W_{O}", .matrix(p.wO), w.caption("out_proj.weight"),                             // d_model × D
                          labels: Labels(rowHeader: sharedWords("label row"), rows: numberLabels(dModel), columns: numberLabels(width)))
        let bO = tr.input("out_proj.bias", "b_{O}", .vector(p.bO ?? .zeros(dModel)), w.caption("out_proj.bias"),              // d_model
                          labels: Labels(rowHeader: sharedWords("label entry")))

        tr.heading(w("heading steps"))
        let speaker = Speaker(p, handChosen: example != nil)
        let run = HeadsRun(p, in: tr, inputs: (xQ, xK, xV, wIn, bIn, wO, bO, h), naming: .plain, speaker: speaker)
        let (weights, average, leftOut) = (run.weights, run.average, run.leftOut)
        // With many heads the Markdown writes out heads 1, 2 and h only: the words say where the rest are.
        let elided = leftOut != nil
        let listed = leftOut.map { $0.lowerBound + Speaker.listedHeads - 1 } ?? 0      // the last left-out head listed under Ā
        let headWeights = weights.map { $0.value.matrix }

        tr.figure(.heatmaps(title: w(heads > drawnHeads ? "figure, first heads" : "figure", ["drawn": "\(drawnHeads)", "heads": "\(heads)"]),
                            panels: weights.prefix(drawnHeads).enumerated().map { k, a in
                                queryKeyHeatmap(w("panel head", ["m": "\(k + 1)"]), p.queryNames, p.keyColumns, a)
                            } + (average.map { [queryKeyHeatmap(w("panel average"), p.queryNames, p.keyColumns, $0)] } ?? []),
                            scale: .unit),
                  description: w(heads > drawnHeads ? "figure, description, first heads" : "figure, description", ["drawn": "\(drawnHeads)"])
                      + (elided ? " " + w("numbers, elided", ["last": "\(heads)", "listed": "\(min(listed, heads - 1))"]) : ""))

        tr.slides(speaker.slides(headWeights))
        tr.heading(w("heading summary"))
        tr.say(w(heads == 1 ? "notice, one head" : "notice", sizes))
        if backward {
            let given = [xQ] + (p.key == nil ? [] : [xK]) + (p.value == nil ? [] : [xV]) + [wIn] + (p.bIn == nil ? [] : [bIn]) + [wO] + (p.bO == nil ? [] : [bO])
            derivePass(back: p, tr, differentiable: given, inputs: [xQ, xK, xV, wIn, bIn, wO, bO], run: run)
        }
        return tr
    }

    /// The backward pass: through the output projection and the concatenation into each head (the
    /// last first), each head as attention-qkv's, then the projections and the inputs.
    static func derivePass(back p: MultiHeadInput, _ tr: Trace, differentiable: [Traced], inputs: [Traced], run: HeadsRun) {
        let w = words
        let g = tr.beginBackward(why: backwardWords("backward why") + " " + w("backward why"), equations: w("backward equations"),
                                 output: run.output, symbol: "Y", given: p.gradOutput, labels: p.queryTable(p.dModel))
        let back = Backprop(tr, differentiable: differentiable)
        back.seed(run.output, g)
        run.recordBack(back, in: tr)
        tr.heading(w("heading input gradients"), level: 3)
        let keys = ["query.grad" + (p.key == nil ? ", self" : p.value == nil ? ", value" : ""), "key.grad", "value.grad", "in_proj_weight.grad",
                    "in_proj_bias.grad", "out_proj.weight.grad", "out_proj.bias.grad"]
        // A key or value left out is the query's own rows: its share is in query.grad, recorded once.
        for (input, key) in zip(inputs, keys) { back.record(input, w.caption(key)) }
        tr.endBackward(back)
    }
}
