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

import JSONFormat
import LessonInput
import TraceCore

enum AttentionQKV: Lesson {
    static let id = "attention-qkv"
    static let summary = words("summary")

    static let sentence: JSON = .fields([
        "x": .rows([[1, 0, 1, 0], [0, 2, 0, 1], [1, 1, 0, 1]]),
        "w_q": .rows([[0, 1, 0, -1], [-1, -1, 0.5, 1], [0, -1, 0.5, 0], [0.5, 1, 1, 0.5]]),
        "w_k": .rows([[-1, -1, 0.5, 0.5], [0, 0.5, 1, 1], [-1, 0.5, -1, 0.5], [0.5, 0, 1, -1]]),
        "w_v": .rows([[1, 0], [0, 1], [0.5, 0], [0, 0.5]]),
        "causal": .bool(false),
        "tokens": .strings(["The", "cat", "sat"]),
    ])

    static let examples = [
        Example("default", words, input: sentence),
        Example("causal", words, input: sentence.setting("causal", .bool(true)) ?? sentence),
        Example("illustrated-transformer", words, input: .fields([
            "x": .rows([[1, 0], [0, 1]]),
            "w_q": .rows([Array(repeating: 1, count: 64), Array(repeating: 0.5, count: 64)]),
            "w_k": .rows([Array(repeating: 1.75, count: 64), Array(repeating: 1.5, count: 64)]),
            "w_v": .rows([Array(repeating: 1, count: 64), Array(repeating: 0, count: 64)]),
            "tokens": .strings(["Thinking", "Machines"]),
        ]),
            claims: .fields([
                "source": .string(words("illustrated-transformer.source")),
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
        Alternative(words("alternative, unscaled")) { input in
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

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try AttentionInput(&reader)
        try reader.finish()
        return derive(p, example: example, file: file, backward: backward)
    }

    /// The derivation, on the board: the mathematics here, its words in AttentionQKV+Words.swift.
    /// Shapes: n tokens, d_model numbers per embedding, d_k per query and key, d_v per value.
    static func derive(_ p: AttentionInput, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        let masked = p.causal ? ", causal" : ""           // the words that say the mask is there
        let (n, dK, dV) = (p.n, p.dK, p.dV)
        let tr = Trace(lesson: id, title: w("title" + masked), example: example?.name ?? file)
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        tr.math(w("equations" + masked))
        tr.say(w("scaling"))
        tr.say(w("convention"))
        tr.introduceInputs(legend: [
            (symbol: "n", meaning: w("legend n"), size: n),
            (symbol: #"d_{\text{model}}"#, meaning: w("legend d_model"), size: p.dModel),
            (symbol: "d_{k}", meaning: w("legend d_k"), size: dK),
            (symbol: "d_{v}", meaning: w("legend d_v"), size: dV),
        ], example: example)
        let x = tr.input("x", "X", .matrix(p.x), w.caption("x"), labels: p.perToken(p.dModel))                              // n × d_model
        let wQ = tr.input("w_q", "W_{Q}", .matrix(p.wQ), w.caption("w_q"), labels: p.weightLabels(dK))                             // d_model × d_k
        let wK = tr.input("w_k", "W_{K}", .matrix(p.wK), w.caption("w_k"), labels: p.weightLabels(dK))                             // d_model × d_k
        let wV = tr.input("w_v", "W_{V}", .matrix(p.wV), w.caption("w_v"), labels: p.weightLabels(dV))                             // d_model × d_v

        tr.heading(w("heading steps"))
        tr.heading(w("heading projections"), level: 3)
        let q = tr.record("Q", "Q", x * wQ, w.caption("Q"), labels: p.perToken(dK))                                               // n × d_k
        let k = tr.record("K", "K", x * wK, w.caption("K"), labels: p.perToken(dK))                                               // n × d_k
        let v = tr.record("V", "V", x * wV, w.caption("V"), labels: p.perToken(dV))                                               // n × d_v

        tr.heading(w("heading scores"), level: 3)
        // S = Q Kᵀ                                                                 n × n
        let scores = tr.record("scores", "S", q * k.transposed, w.caption("scores"), labels: p.pairs)
        let scale = tr.constant(#"\sqrt{d_{k}}"#, .scalar(Double(dK).squareRoot()), w.caption("scale", ["d_k": "\(dK)"]))
        // Ŝ = S / √d_k (+ M: −∞ where key j comes after query i)                   n × n
        var scaledScores = scores / scale
        if p.causal {
            scaledScores = scaledScores + tr.constant("M", .matrix(causalMask(queries: n, keys: n)), w.caption("M"), labels: p.pairs)
        }
        let scaled = tr.record("scaled", #"\hat{S}"#, scaledScores, w.caption("scaled" + masked), labels: p.pairs)
        tr.figure(.heatmaps(title: w("figure scaled"), panels: [queryKeyHeatmap(w("panel scaled" + masked), p.tokenNames, p.tokenNames, scaled)],
                            scale: .diverging),
                  description: w("figure scaled, description" + masked))

        tr.heading(w("heading softmax"), level: 3)
        // A_ij = exp(Ŝ_ij − m_i) / Σ_j' exp(Ŝ_ij' − m_i)
        let rowMax = tr.record("max", "m", reduceRows(.max, scaled), w.caption("max"), labels: p.queryLabels)                     // n
        let e = tr.record("exp", "E", exp(scaled - broadcast(rowMax, .perRow, rows: n, cols: n)), w.caption("exp" + masked),
                          labels: p.pairs)                                                                                         // n × n
        let sum = tr.record("sum", "z", reduceRows(.sum, e), w.caption("sum"), labels: p.queryLabels)                             // n
        let weights = tr.record("weights", "A", e / broadcast(sum, .perRow, rows: n, cols: n), w.caption("weights"), labels: p.pairs)  // n × n
        tr.figure(.heatmaps(title: w("figure weights"), panels: [queryKeyHeatmap(w("panel weights"), p.tokenNames, p.tokenNames, weights)],
                            scale: .unit),
                  description: w("figure weights, description"))

        tr.heading(w("heading output"), level: 3)
        // O = A V                                                                  n × d_v
        let output = tr.record("output", "O", weights * v, w.caption("output"), labels: p.perToken(dV))

        tr.heading(w("heading summary"))
        tr.say(w("notice" + masked))
        if backward {
            derivePass(back: p, tr, inputs: [x, wQ, wK, wV],
                       values: (q: q, k: k, v: v, scores: scores, scaled: scaled, max: rowMax, exp: e, sum: sum, weights: weights, output: output))
        }
        return tr
    }

    /// The backward pass: from ∂L/∂O through A V, the softmax's three steps (sum, exp, max), the
    /// scaling and Q Kᵀ, to the projections and the inputs.
    static func derivePass(back p: AttentionInput, _ tr: Trace, inputs: [Traced],
                           values s: (q: Traced, k: Traced, v: Traced, scores: Traced, scaled: Traced, max: Traced, exp: Traced, sum: Traced, weights: Traced, output: Traced)) {
        let w = words
        let masked = p.causal ? ", causal" : ""
        let g = tr.beginBackward(why: backwardWords("backward why"), equations: w("backward equations"), output: s.output, symbol: "O",
                                 given: p.gradOutput, labels: p.perToken(p.dV))
        let back = Backprop(tr, differentiable: inputs)
        back.seed(s.output, g)
        tr.heading(w("heading back through"), level: 3)
        back.record(s.output, w.caption("output.grad"))
        back.record(s.weights, w.caption("weights.grad"))
        back.record(s.sum, w.caption("sum.grad"))
        back.record(s.exp, w.caption("exp.grad" + masked))
        back.record(s.max, w.caption("max.grad"))
        let scaled = back.record(s.scaled, w.caption("scaled.grad" + masked))
        if let scaled { tr.say(w("softmax compact", softmaxCheck(weights: s.weights.value, gradient: tr, scaledGradient: scaled.value))) }
        back.record(s.scores, w.caption("scores.grad"))
        back.record(s.v, w.caption("V.grad"))
        back.record(s.k, w.caption("K.grad"))
        back.record(s.q, w.caption("Q.grad"))
        tr.heading(w("heading input gradients"), level: 3)
        for (input, key) in zip(inputs, ["x.grad", "w_q.grad", "w_k.grad", "w_v.grad"]) { back.record(input, w.caption(key)) }
        tr.endBackward(back)
    }

    /// The slots of the compact softmax backward checked on entry (1, 1): A₁₁, ∂A₁₁, the row's
    /// Σ_k A₁ₖ ∂A₁ₖ and the result A₁₁ (∂A₁₁ − Σ), which equals ∂Ŝ₁₁ found step by step.
    static func softmaxCheck(weights: Value, gradient tr: Trace, scaledGradient: Value) -> [String: String] {
        let style = NumberStyle(precision: 4)
        guard let dA = tr["weights.grad"]?.value.matrix else { return [:] }
        let a = weights.matrix
        let dot = (0..<a.cols).reduce(0.0) { $0 + a[0, $1] * dA[0, $1] }
        func n(_ x: Double) -> String { let t = style.fixed(x); return t.hasPrefix("-") ? "(\(t))" : t }
        return ["a": style.fixed(a[0, 0]), "da": style.fixed(dA[0, 0]), "dot": n(dot),
                "result": style.fixed(a[0, 0] * (dA[0, 0] - dot)), "found": style.fixed(scaledGradient.flat[0])]
    }
}
