// lstm-gates: one LSTM layer over a sequence, gate by gate.
//
// Convention (torch.nn.LSTM, one layer, unbatched): the four gates are stacked in the rows of
// weight_ih_l0 (4H × I), weight_hh_l0 (4H × H) and the biases in the order i, f, g, o:
//   a_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh          (4H numbers)
//   i_t = σ(a_t^i), f_t = σ(a_t^f), g_t = tanh(a_t^g), o_t = σ(a_t^o)
//   c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t,   h_t = o_t ⊙ tanh(c_t)
// Others: colah's "Understanding LSTM Networks" writes g as C̃ and one weight W_f on [h_{t-1}, x_t];
// Keras stacks i, f, c, o (the same order); no peepholes here (Gers & Schmidhuber 2000 add them).
// References: PyTorch docs for torch.nn.LSTM; Hochreiter & Schmidhuber 1997; Gers et al. 2000
// (forget gate); seed notes 000 and 002 (gates, additive cell state and the gradient).

import JSONFormat
import LessonInput
import TraceCore

enum LSTMGates: RecurrentLesson {
    static let id = "lstm-gates"
    static let summary = words("summary")

    static let examples = [
        Example("default", words, input: .fields([
            "input": .rows([[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
            "weight_ih_l0": .rows([[3, -2, -2], [-2, 3, -2],
                                   [2, 2, 2], [2, 2, -3],
                                   [1, 0, 0], [0, 1, 0],
                                   [1, 1, 1], [1, 1, 1]]),
            "weight_hh_l0": .rows([[0.1, -0.1], [0.2, 0.1],
                                   [0.1, 0.2], [-0.1, 0.1],
                                   [0.2, -0.2], [0.1, 0.3],
                                   [0.1, 0], [0, 0.1]]),
            "bias_ih_l0": .numbers([0, 0, 0.5, 0.5, 0, 0, 0, 0]),
            "bias_hh_l0": .numbers([0, 0, 0, 0, 0, 0, 0, 0]),
            "tokens": .strings(["Alice", "sleeps", "."]),
        ])),
        Example("vanishing", words, input: .fields([
            "input": RNNUnroll.vanishingSequence,
            "weight_ih_l0": .rows([[0.5], [0.5], [0], [0], [1], [-1], [0.5], [0.5]]),
            "weight_hh_l0": .rows([[0.1, 0.1], [0.1, 0.1], [0.1, -0.1], [-0.1, 0.1], [0.4, -0.3], [0.2, 0.5], [0.1, 0.1], [0.1, 0.1]]),
            "bias_ih_l0": .numbers([0, 0, 3, 3, 0, 0, 0, 0]),
            "grad_output": .rows(Array(repeating: [0, 0], count: 19) + [[1, 1]]),
        ])),
    ] + SourcedExamples.lstm

    /// TensorFlow 1's LSTMCell stacks its gates i, g (its "j"), f, o and adds 1 to the forget bias.
    static let alternatives = [
        Alternative(words("alternative, gate order")) { reorderBlocks($0, [0, 2, 1, 3]) },
        Alternative(words("alternative, forget bias")) { input in
            guard case .array(let weights)? = input["weight_ih_l0"], weights.count % 4 == 0 else { return nil }
            let h = weights.count / 4
            var bias = [Double](repeating: 0, count: 4 * h)
            if case .array(let given)? = input["bias_ih_l0"] {
                for (i, b) in given.enumerated() where i < bias.count { if case .number(let x, _) = b { bias[i] = x } }
            }
            for i in h..<(2 * h) { bias[i] += 1 }
            return input.setting("bias_ih_l0", .numbers(bias))
        },
    ]

    /// The stacked fields with their four blocks of rows put in `order`.
    static func reorderBlocks(_ input: JSON, _ order: [Int]) -> JSON? {
        var result = input
        for key in ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"] {
            guard case .array(let rows)? = input[key] else { continue }
            guard rows.count % 4 == 0 else { return nil }
            let h = rows.count / 4
            let reordered = order.flatMap { Array(rows[($0 * h)..<(($0 + 1) * h)]) }
            guard let next = result.setting(key, .array(reordered)) else { return nil }
            result = next
        }
        return result
    }

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try RecurrentInput(&reader, gates: ["i", "f", "g", "o"], cellState: true)
        try reader.finish()
        return derive(p, example: example, file: file, backward: backward)
    }

    /// The derivation, on the board: the mathematics here, its words in LSTMGates+Words.swift.
    /// Shapes: T steps, I inputs, H hidden units; stacked blocks have 4H rows.
    static func derive(_ p: RecurrentInput, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why"))
        tr.say(w("cell state"))
        tr.heading(w("heading equations"))
        tr.math(w("equations"))
        tr.say(w("symbols"))
        tr.say(w("convention"))
        let input = p.present(in: tr, hiddenHolds: w("hidden holds"), extra: [
            (symbol: "4H", meaning: w("legend 4H"), size: 4 * p.hidden),
        ], example: example)
        let c0 = p.presentCellState(in: tr)

        tr.heading(w("heading steps"))
        tr.say(w("steps"))
        var hPrev = input.h0                                                    // H
        var cPrev = c0                                                          // H
        var (iS, fS, gS, oS, cS, hS): ([Traced], [Traced], [Traced], [Traced], [Traced], [Traced]) = ([], [], [], [], [], [])
        var aS: [Traced] = []
        let stackedOnce = p.stackedLabels
        for t in 1...p.steps {
            tr.section(.timeSteps, t, of: p.steps, p.stepHeading(t))
            if p.startsChunk(t) { (hPrev, cPrev) = (hPrev.detached, cPrev.detached) }   // truncated BPTT
            lazy var slots = stepSlots(t)                                      // for the words, made only when shown
            let x = input.x.row(t - 1, "x_{\(t)}")                               // I
            // a_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh                      4H
            let a = tr.record("a[\(t)]", "a_{\(t)}", input.wIh * x + input.bIh + input.wHh * hPrev + input.bHh,
                              w.caption("a[t]", slots), labels: stackedOnce)
            func block(_ g: Int, _ letter: String) -> Traced { a.rows(p.block(g), "a_{\(t)}^{\(letter)}") }
            let i = tr.record("i[\(t)]", "i_{\(t)}", sigmoid(block(0, "i")), w.caption("i[t]", slots), labels: p.unitLabels)  // H
            let f = tr.record("f[\(t)]", "f_{\(t)}", sigmoid(block(1, "f")), w.caption("f[t]", slots), labels: p.unitLabels)  // H
            let g = tr.record("g[\(t)]", "g_{\(t)}", tanh(block(2, "g")), w.caption("g[t]", slots), labels: p.unitLabels)     // H
            let o = tr.record("o[\(t)]", "o_{\(t)}", sigmoid(block(3, "o")), w.caption("o[t]", slots), labels: p.unitLabels)  // H
            // c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t                                  H
            let c = tr.record("c[\(t)]", "c_{\(t)}", hadamard(f, cPrev) + hadamard(i, g), w.caption("c[t]", slots), labels: p.unitLabels)
            // h_t = o_t ⊙ tanh(c_t)                                             H
            let h = tr.record("h[\(t)]", "h_{\(t)}", hadamard(o, tanh(c)), w.caption("h[t]", slots), labels: p.unitLabels)
            iS.append(i); fS.append(f); gS.append(g); oS.append(o); cS.append(c); hS.append(h); aS.append(a)
            (hPrev, cPrev) = (h, c)
        }

        tr.heading(w("heading summary"))
        tr.figure(.lines(title: w("figure gates"), steps: p.stepLabels, panels: [
            LinePanel(title: w("panel i"), series: unitSeries(iS), range: 0...1),
            LinePanel(title: w("panel f"), series: unitSeries(fS), range: 0...1),
            LinePanel(title: w("panel g"), series: unitSeries(gS), range: -1...1),
            LinePanel(title: w("panel o"), series: unitSeries(oS), range: 0...1),
        ]), description: w("figure gates, description"))
        tr.figure(.lines(title: w("figure states"), steps: p.stepLabels, panels: [
            LinePanel(title: w("panel c"), series: unitSeries(cS), range: -1...1),
            LinePanel(title: w("panel h"), series: unitSeries(hS), range: -1...1),
        ]), description: w("figure states, description"))
        tr.say(w("summary gates"))
        tr.summary(rowHeader: sharedWords("label t"), rows: p.stepLabels,
                   columns: [(symbol: "i_{t}", values: iS), (symbol: "f_{t}", values: fS), (symbol: "g_{t}", values: gS), (symbol: "o_{t}", values: oS)])
        tr.say(w("summary states"))
        tr.summary(rowHeader: sharedWords("label t"), rows: p.stepLabels, columns: [(symbol: "c_{t}", values: cS), (symbol: "h_{t}", values: hS)])
        tr.say(w("notice"))
        if backward {
            derivePass(back: p, tr, input, c0: c0, steps: (a: aS, i: iS, f: fS, g: gS, o: oS, c: cS, h: hS))
        }
        return tr
    }

    /// Along the cell state alone, ∂c_T/∂c_1 = f_2 ⊙ … ⊙ f_T: the product of the forget gates, per
    /// unit (a chunk of truncated BPTT stops it at its cut).
    static func forgetProduct(_ p: RecurrentInput, forget: [Traced]) -> String {
        let first = p.bpttSteps.map { k in ((p.steps - 1) / k) * k + 1 } ?? 1          // the last chunk's first step
        var product = [Double](repeating: 1, count: p.hidden)
        for t in (first + 1)...max(first + 1, p.steps) where t <= p.steps {
            for (u, f) in forget[t - 1].value.flat.enumerated() { product[u] *= f }
        }
        let units = product.prefix(4).enumerated().map { "$\(readable($1))$ (unit \($0 + 1))" }.joined(separator: ", ") + (p.hidden > 4 ? ", …" : "")
        return words("forget product", ["T": "\(p.steps)", "first": "\(first)", "next": "\(first + 1)", "units": units])
    }

    /// ∂L/∂c_t's caption, with the range of the forget gate f_{t+1} it passes back through.
    static func cellCaption(_ p: RecurrentInput, _ t: Int, forget: [Traced]) -> Caption {
        let caption = p.stateGradientCaption("c", t)
        guard t < p.steps, !p.startsChunk(t + 1) else { return caption }
        let keep = p.slopeSlots(forget[t].value.flat).merging(["t+1": "\(t + 1)"]) { a, _ in a }
        return Caption(title: caption.title, meaning: caption.meaning + " " + words("c[t].grad, forget", keep))
    }

    /// The backward pass, step T first: ∂L/∂h_t, then ∂L/∂c_t (through h_t and from c_{t+1} through
    /// f_{t+1} alone), the four gates, and their stacked pre-activation; then the inputs' sums.
    static func derivePass(back p: RecurrentInput, _ tr: Trace, _ input: RecurrentInput.Inputs, c0: Traced,
                           steps s: (a: [Traced], i: [Traced], f: [Traced], g: [Traced], o: [Traced], c: [Traced], h: [Traced])) {
        let w = words
        let gOut = p.beginBackward(in: tr, equations: w("backward equations"))
        let back = Backprop(tr, differentiable: p.differentiable(input, c0: c0))
        for (t, h) in s.h.enumerated() { back.seed(h, gOut.row(t, "G_{\(t + 1)}")) }
        for t in stride(from: p.steps, through: 1, by: -1) {
            tr.section(.stepsBack, p.steps + 1 - t, of: p.steps, p.stepHeading(t))
            lazy var slots = stepSlots(t)                                      // for the words, made only when shown
            back.record(s.h[t - 1], p.stateGradientCaption("h", t))
            back.record(s.c[t - 1], cellCaption(p, t, forget: s.f))
            back.record(s.o[t - 1], w.caption("o[t].grad", slots))
            back.record(s.g[t - 1], w.caption("g[t].grad", slots))
            back.record(s.f[t - 1], w.caption(t == 1 && p.c0 == nil ? "f[t].grad, zero c0" : "f[t].grad", slots))
            back.record(s.i[t - 1], w.caption("i[t].grad", slots))
            back.record(s.a[t - 1], w.caption("a[t].grad", slots))
        }
        if p.steps > 1 { tr.say(forgetProduct(p, forget: s.f)) }
        p.recordInputGradients(back, input, c0: c0, in: tr)
        p.endBackward(in: tr, back: back, states: [("h", s.h), ("c", s.c)])
    }
}
