// rnn-unroll: a vanilla (Elman) RNN unrolled over a sequence, one time step after another.
//
// Convention (torch.nn.RNN, one layer, unbatched): column vectors, weights H × I and H × H,
//   a_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh,   h_t = tanh(a_t)  (or relu(a_t)).
// Others: the row form h_t = tanh(x_t W_x + h_{t-1} W + b) (seed 004) uses the transposed
// weights and one bias; Karpathy's char-rnn writes W_xh, W_hh for W_ih, W_hh.
// References: PyTorch docs for torch.nn.RNN; J. Elman, "Finding Structure in Time" (1990);
// seed notes 002 (RNN cell, unrolling, vanishing gradients) and 004 (row form).

import JSONFormat
import LessonInput
import TraceCore

enum RNNUnroll: RecurrentLesson {
    static let id = "rnn-unroll"
    static let summary = words("summary")

    static let examples = [
        Example("default", words, input: .fields([
            "input": .rows([[0, 1, 0], [0, 0, 1], [0, 0, 1]]),
            "weight_ih_l0": .rows([[0.5, -0.6, 0.9], [-0.3, 0.8, 0.2]]),
            "weight_hh_l0": .rows([[0.4, -0.7], [0.6, 0.3]]),
            "bias_ih_l0": .numbers([0.1, 0]),
            "bias_hh_l0": .numbers([0, -0.1]),
            "nonlinearity": .string("tanh"),
            "tokens": .strings(["e", "l", "l"]),
        ])),
    ] + SourcedExamples.rnn

    static let alternatives = Alternative.switching("nonlinearity", [
        ("relu", words("alternative relu")), ("tanh", words("alternative tanh")),
    ])

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try RecurrentInput(&reader, gates: [], cellState: false)
        let nonlinearity = try reader.choice("nonlinearity", ["tanh", "relu"]) ?? "tanh"
        try reader.finish()
        return derive(p, nonlinearity: nonlinearity, example: example, file: file, backward: backward)
    }

    /// The derivation, on the board: the mathematics here, its words in RNNUnroll+Words.swift.
    /// Shapes: T steps, I inputs, H hidden units. `nonlinearity` is "tanh" or "relu".
    static func derive(_ p: RecurrentInput, nonlinearity: String, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        let isTanh = nonlinearity == "tanh"
        let f: any ElementwiseFunction = isTanh ? Tanh() : ReLU()
        let fSymbol = isTanh ? #"\tanh"# : #"\operatorname{relu}"#

        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why"))
        tr.say(w("unrolling"))
        tr.heading(w("heading equations"))
        tr.math(w("equations", ["f": fSymbol]))
        tr.say(w("symbols, \(nonlinearity)"))
        tr.say(w("convention", ["nonlinearity": nonlinearity]))
        let input = p.present(in: tr, hiddenHolds: w("hidden holds"), extra: [], example: example)

        tr.heading(w("heading steps"))
        tr.say(w("steps"))
        var hPrev = input.h0                                                    // H
        var (hs, pre): ([Traced], [Traced]) = ([], [])
        for t in 1...p.steps {
            tr.section(.timeSteps, t, of: p.steps, p.stepHeading(t))
            if p.startsChunk(t) { hPrev = hPrev.detached }                      // truncated BPTT
            let slots = stepSlots(t)
            let x = input.x.row(t - 1, "x_{\(t)}")                               // I
            // a_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh                      H
            let a = tr.record("a[\(t)]", "a_{\(t)}", input.wIh * x + input.bIh + input.wHh * hPrev + input.bHh,
                              w.caption("a[t]", slots), labels: p.unitLabels)
            // h_t = f(a_t)                                                     H
            let h = tr.record("h[\(t)]", "h_{\(t)}", apply(f, a), w.caption("h[t], \(nonlinearity)", slots), labels: p.unitLabels)
            hs.append(h)
            pre.append(a)
            hPrev = h
        }

        tr.heading(w("heading summary"))
        tr.figure(.lines(title: w("figure h"), steps: p.stepLabels, panels: [
            LinePanel(title: w("panel h"), series: unitSeries(hs), range: isTanh ? -1...1 : 0...1),
        ]), description: w("figure h, description, \(nonlinearity)"))
        tr.summary(rowHeader: sharedWords("label t"), rows: p.stepLabels, columns: [(symbol: "h_{t}", values: hs)])
        tr.say(w("notice", ["T": "\(p.steps)"]))
        if backward { derivePass(back: p, tr, input, hs: hs, pre: pre, nonlinearity: nonlinearity) }
        return tr
    }

    /// The backward pass, from ∂L/∂h_t = G_t back through the steps: ∂L/∂a_t = ∂L/∂h_t ⊙ f′(a_t),
    /// ∂L/∂h_{t-1} gets W_hhᵀ ∂L/∂a_t, and each weight sums one term per step.
    static func derivePass(back p: RecurrentInput, _ tr: Trace, _ input: RecurrentInput.Inputs, hs: [Traced], pre: [Traced], nonlinearity: String) {
        let w = words
        let g = p.beginBackward(in: tr, equations: w("backward equations, \(nonlinearity)"))
        let back = Backprop(tr, differentiable: p.differentiable(input))
        for (t, h) in hs.enumerated() { back.seed(h, g.row(t, "G_{\(t + 1)}")) }
        for t in stride(from: p.steps, through: 1, by: -1) {
            tr.section(.stepsBack, p.steps + 1 - t, of: p.steps, p.stepHeading(t))
            back.record(hs[t - 1], p.stateGradientCaption("h", t))
            let slope = hs[t - 1].value.flat.map { nonlinearity == "tanh" ? 1 - $0 * $0 : ($0 > 0 ? 1 : 0) }
            back.record(pre[t - 1], w.caption("a[t].grad, \(nonlinearity)", stepSlots(t).merging(p.slopeSlots(slope)) { a, _ in a }))
        }
        p.recordInputGradients(back, input, in: tr)
        p.endBackward(in: tr, back: back, states: [("h", hs)])
    }
}
