// birnn: a bidirectional recurrent network (seed 001): one cell reads the sequence left to right,
// another, with weights of its own, right to left, and each position's output is the two states
// side by side.
//
// Convention (torch.nn.RNN/LSTM/GRU(bidirectional=True), one layer, unbatched): the forward
// direction is the cell of rnn-unroll (tanh), lstm-gates or gru over t = 1 … T with weight_ih_l0, …,
// from row 1 of h0 (and of c0 for the LSTM); the reverse direction is the same cell over t = T … 1 with
// weight_ih_l0_reverse, …, from row 2:
//   →h_t = cell(x_t, →h_{t-1}; →W),   ←h_t = cell(x_t, ←h_{t+1}; ←W),   y_t = [→h_t ; ←h_t]  (2H),
// y_t and not o_t, which is the LSTM's output gate.
// Names keep the position in the sequence: bwd.h[t] reads x_t, and bwd.h[1] is the reverse
// direction's last step. PyTorch's h_n (2 × H) has rows →h_T and ←h_1: its row 2 is output row 1's second half.
// Others: Keras's Bidirectional(merge_mode="concat") concatenates in the same order; "sum", "mul"
// and "ave" merge the two states into H numbers instead.
// References: M. Schuster and K. K. Paliwal, "Bidirectional Recurrent Neural Networks" (1997);
// A. Graves and J. Schmidhuber, "Framewise phoneme classification with bidirectional LSTM" (2005);
// PyTorch docs for torch.nn.RNN ("bidirectional", "h_0", "output"); seed notes 001 (bidirectional RNN).

import JSONFormat
import LessonInput
import TraceCore

enum BiRNN: Lesson {
    static let id = "birnn"
    static var summary: String { words("summary") }

    /// The reverse direction's steps, at positions T, T − 1, … 1: a run left out in the middle is named counting down.
    static var reverseSteps: Repeats {
        Repeats(singular: words("step"), plural: words("steps"), counter: "t", sameWork: words("reverse steps, same work"),
                resultsShown: words("reverse steps, results shown"), countsDown: true)
    }
    /// The reverse direction's way back, at positions 1, 2, … T (its last step first).
    static var reverseStepsBack: Repeats {
        Repeats(singular: words("step"), plural: words("steps"), counter: "t", sameWork: words("reverse steps back, same work"),
                resultsShown: words("reverse steps back, results shown"))
    }

    /// “bank of the river”: two numbers a word, made up so that a student can follow them (how much
    /// water, how much money); “city”, the other sentence “What the seed notes say” reads, is −“river”.
    static let bankSentence: JSON = .rows([[0.5, 0.5], [0.1, -0.1], [0, 0.1], [1, -1]])

    static let examples = [
        Example("default", words, input: .fields([
            "cell": .string("rnn"),
            "input": bankSentence,
            "weight_ih_l0": .rows([[0.7, -0.4], [0.2, 0.9]]),
            "weight_hh_l0": .rows([[0.5, 0.1], [-0.3, 0.4]]),
            "weight_ih_l0_reverse": .rows([[1.2, -0.8], [-0.6, 1.1]]),
            "weight_hh_l0_reverse": .rows([[0.9, 0.2], [0.1, 0.9]]),
            "tokens": .strings(["bank", "of", "the", "river"]),
        ])),
        Example("lstm", words, input: .fields([
            "cell": .string("lstm"),
            "input": bankSentence,
            "weight_ih_l0": .rows([[0.5, 0.5], [-0.5, 0.5], [0.7, -0.4], [0.2, 0.9], [0.3, 0.3], [0.4, -0.2], [0.5, 0.5], [0.5, 0.5]]),
            "weight_hh_l0": .rows([[0.1, 0], [0, 0.1], [0.2, 0], [0, 0.2], [0.5, 0.1], [-0.3, 0.4], [0.1, 0], [0, 0.1]]),
            "bias_ih_l0": .numbers([0, 0, 1, 1, 0, 0, 0, 0]),
            "weight_ih_l0_reverse": .rows([[1, -1], [-1, 1], [0, 0], [0, 0], [1.2, -0.8], [-0.6, 1.1], [0.5, 0.5], [0.5, 0.5]]),
            "weight_hh_l0_reverse": .rows([[0, 0], [0, 0], [0, 0], [0, 0], [0.9, 0.2], [0.1, 0.9], [0, 0], [0, 0]]),
            "bias_ih_l0_reverse": .numbers([-1, -1, 2, 2, 0, 0, 1, 1]),
            "tokens": .strings(["bank", "of", "the", "river"]),
        ])),
        Example("gru", words, input: .fields([
            "cell": .string("gru"),
            "input": bankSentence,
            "weight_ih_l0": .rows([[0.3, 0.3], [-0.2, 0.4], [0.5, 0.5], [0.5, -0.5], [0.7, -0.4], [0.2, 0.9]]),
            "weight_hh_l0": .rows([[0.2, 0], [0, 0.2], [0.1, 0], [0, 0.1], [0.5, 0.1], [-0.3, 0.4]]),
            "weight_ih_l0_reverse": .rows([[0, 0], [0, 0], [-1, 1], [1, -1], [1.2, -0.8], [-0.6, 1.1]]),
            "weight_hh_l0_reverse": .rows([[0, 0], [0, 0], [0, 0], [0, 0], [0.9, 0.2], [0.1, 0.9]]),
            "bias_ih_l0_reverse": .numbers([1, 1, 1, 1, 0, 0]),
            "h0": .rows([[0, 0], [0, 0]]),
            "tokens": .strings(["bank", "of", "the", "river"]),
        ])),
    ]

    static let weightFields = ["weight_ih_l0", "weight_hh_l0", "weight_ih_l0_reverse", "weight_hh_l0_reverse"]

    /// Weights a source stores either way round (a transposed export is a likely reason for a misfit).
    static func isWeight(_ field: String) -> Bool { weightFields.contains(field) }

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let m = try BiRNNInput(&reader)
        try reader.finish()
        return derive(m, example: example, file: file, backward: backward)
    }

    /// The derivation, on the board: the mathematics here, its words in BiRNN+Words.swift, what the
    /// numbers say in BiRNN+Commentary.swift. Shapes: T positions, I inputs, H hidden units a direction.
    static func derive(_ m: BiRNNInput, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        let (fp, bp) = (m.forward, m.reverse)
        let (t, h) = (m.steps, m.hidden)
        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        tr.math(w("equations", ["cell": w("cell equations, \(m.cell)")]))
        let states = w(m.cell == "lstm" ? "convention states, lstm" : "convention states", ["T": "\(t)", "T+1": "\(t + 1)"])
        tr.say(w("convention", ["cell": w("cell name, \(m.cell)"), "lesson": w("cell lesson, \(m.cell)"), "T": "\(t)", "states": states]))
        tr.introduceInputs(legend: [
            (symbol: "T", meaning: w("legend T"), size: t),
            (symbol: "I", meaning: w("legend I"), size: m.inputSize),
            (symbol: "H", meaning: w("legend H"), size: h),
        ], example: told(example, m))

        // The inputs both directions read: the sequence and the initial states, a row a direction.
        let stepLabels = sequenceLabels(m.tokens, count: t)
        let unitColumns = (1...h).map { sharedWords("label unit j", ["j": "\($0)"]) }
        let x = tr.input("input", "X", .matrix(m.x), w.caption("input"), labels: Labels(rowHeader: sharedWords("label t"), rows: stepLabels,
                                                                                          columns: (1...m.inputSize).map { sharedWords("label input j", ["j": "\($0)"]) }))
        let directions = Labels(rowHeader: w("label direction"), rows: [w("label forward"), w("label reverse")], columns: unitColumns)
        let zeros = Matrix(rows: 2, cols: h, entries: Array(repeating: 0, count: 2 * h))
        let slots = ["fh0": fp.symbol("h_{0}"), "bh0": bp.symbol("h_{\(t + 1)}"), "fc0": fp.symbol("c_{0}"), "bc0": bp.symbol("c_{\(t + 1)}")]
        let h0 = tr.input("h0", "H_{0}", .matrix(m.h0 ?? zeros), w.caption("h0", slots.merging(["T": "\(t)"]) { a, _ in a }), labels: directions)
        let c0 = m.cell == "lstm" ? tr.input("c0", "C_{0}", .matrix(m.c0 ?? zeros), w.caption("c0", slots), labels: directions) : nil

        // Each direction's own weights, under its own heading; the GRU's b_hh says what it adds.
        let gru = m.cell == "gru"
        tr.heading(w("heading forward weights"), level: 3)
        let fi = fp.record(in: tr, given: x, state: h0, own: w, ownKey: { "forward " + $0 + (gru && $0 == "bias_hh_l0" ? ", gru" : "") })
        tr.heading(w("heading reverse weights"), level: 3)
        let bi = bp.record(in: tr, given: x, state: h0, own: w, ownKey: { "reverse " + $0 + (gru && $0 == "bias_hh_l0" ? ", gru" : "") })
        tr.say(w("weights apart"))

        // The forward direction, left to right, then the reverse one, right to left: each as its cell's lesson computes it.
        let xs = (0..<t).map { x.row($0, "x_{\($0 + 1)}") }
        func layer(_ p: RecurrentInput, _ i: RecurrentInput.Inputs, row: Int, start: Int) -> LayerInputs {
            LayerInputs(xs: xs, wIh: i.wIh, wHh: i.wHh, bIh: i.bIh, bHh: i.bHh, h0: h0.row(row, p.symbol("h_{\(start)}")),
                        c0: c0?.row(row, p.symbol("c_{\(start)}")), own: [])
        }
        let once = SaidOnce()
        tr.heading(w("heading forward", ["T": "\(t)"]))
        tr.say(w("forward reads", ["T": "\(t)", "h0": fp.symbol("h_{0}"), "lesson": w("cell lesson, \(m.cell)")]))
        let forward = CellRun(m.cell, fp, layer(fp, fi, row: 0, start: 0), in: tr, once: once)
        tr.heading(w("heading reverse", ["T": "\(t)"]))
        let order = w(t > 2 ? "order, long" : t == 2 ? "order, two" : "order, one", ["T": "\(t)", "T-1": "\(t - 1)"])
        tr.say(w("reverse reads", ["order": order, "h0": bp.symbol("h_{\(t + 1)}"), "hnext": bp.symbol("h_{t+1}"), "hprev": fp.symbol("h_{t-1}")]))
        let reverse = CellRun(m.cell, bp, layer(bp, bi, row: 1, start: t + 1), in: tr, once: once)
        // By position: the reverse direction's values are kept in the order computed.
        let (fhs, bhs) = (forward.hs, (1...t).map { reverse.hs[bp.computed($0)] })

        // y_t = [→h_t ; ←h_t]                                                   T × 2H
        tr.heading(w("heading output"))
        let outputColumns = (1...h).map { w("label forward j", ["j": "\($0)"]) } + (1...h).map { w("label reverse j", ["j": "\($0)"]) }
        let output = tr.record("output", "Y", concatRows((0..<t).map { [fhs[$0], bhs[$0]] }), outputCaption(m, fhs: fhs, bhs: bhs),
                               labels: Labels(rowHeader: sharedWords("label t"), rows: stepLabels, columns: outputColumns))

        tr.slides(slides(m, fhs: fhs, bhs: bhs).map { "- " + $0 })
        tr.heading(w("heading summary"))
        tr.figure(.directions(Directions(title: w("figure states"), positions: stepLabels, forward: fhs.map { $0.value.flat },
                                         reverse: bhs.map { $0.value.flat },
                                         rowNames: [w("row output"), w("row forward"), w("row reverse"), w("row input")])),
                  description: w("figure states, description"))
        // The output table above has every state: the summary points to the figure instead of repeating it.
        tr.say(summarySaying(m, fhs: fhs, bhs: bhs))
        if backward {
            derivePass(m, tr, inputs: (x, h0, c0), weights: (fi, bi), runs: (forward, reverse), output: output, story: example?.backwardStory)
        }
        return tr
    }

    // MARK: The backward pass

    /// From G = ∂L/∂Y back: each row of the output's gradient splits into ∂L/∂→h_t and ∂L/∂←h_t, then
    /// each direction goes back through its own steps as its cell's lesson does. The two ways back are
    /// independent; the note takes the reverse one first: t = 1 … T; then the forward one, t = T … 1.
    static func derivePass(_ m: BiRNNInput, _ tr: Trace, inputs: (x: Traced, h0: Traced, c0: Traced?),
                           weights: (forward: RecurrentInput.Inputs, reverse: RecurrentInput.Inputs),
                           runs: (forward: CellRun, reverse: CellRun), output: Traced, story: String?) {
        let w = words
        let (fp, bp) = (m.forward, m.reverse)
        let (t, h) = (m.steps, m.hidden)
        tr.heading(backwardWords("heading backward"))
        tr.say(w("backward why"))
        if let story { tr.say(story) }
        tr.heading(backwardWords("heading loss"), level: 3)
        let ones = Matrix(rows: t, cols: 2 * h, entries: Array(repeating: 1, count: t * 2 * h))
        let gOut = m.gradOutput ?? ones
        let g = tr.input("grad_output", "G", .matrix(gOut),
                         w.caption(gOut.entries.allSatisfy { $0 == 1 } ? "grad_output, ones" : "grad_output"), labels: tr["output"]?.labels ?? Labels())
        func given(_ p: RecurrentInput, _ i: RecurrentInput.Inputs) -> [Traced] {
            [i.wIh, i.wHh] + (p.bIh == nil ? [] : [i.bIh]) + (p.bHh == nil ? [] : [i.bHh])
        }
        let differentiable = [inputs.x] + given(fp, weights.forward) + given(bp, weights.reverse)
            + (m.h0 == nil ? [] : [inputs.h0]) + (m.c0 == nil ? [] : inputs.c0.map { [$0] } ?? [])
        let back = Backprop(tr, differentiable: differentiable)
        back.seed(output, g)
        back.record(output, w.caption("output.grad"))
        tr.say(w("backward equations, words"))
        tr.math(w("backward equations", ["next": w("from next, \(m.cell)"), "next reverse": w("from next reverse, \(m.cell)")]))

        // The reverse direction's way back first (either order gives the same gradients): its last step, at t = 1, first.
        let once = SaidOnce()
        tr.heading(w("heading reverse back", ["T": "\(t)"]))
        tr.say(w("reverse back", ["T": "\(t)"]))
        for k in 1...t {
            tr.section(reverseStepsBack, k, of: t, bp.stepHeading(k))
            runs.reverse.stepBack(k, back, once: once)
        }
        tr.heading(w("heading forward back", ["T": "\(t)"]))
        for k in 1...t {
            let position = t + 1 - k
            tr.section(.stepsBack, k, of: t, fp.stepHeading(position))
            runs.forward.stepBack(position, back, once: once)
        }

        tr.heading(w("heading weight gradients"))
        tr.say(w("weight gradients", ["T": "\(t)"]) + leftOutSaying(m))
        for (p, i, direction) in [(fp, weights.forward, "forward"), (bp, weights.reverse, "reverse")] {
            tr.heading(w("heading \(direction) weights"), level: 3)
            recordWeightGradients(back, p, i, cell: m.cell)
        }
        tr.heading(w(m.h0 == nil && m.c0 == nil ? "heading input gradients, input only" : "heading input gradients"), level: 3)
        let slots = ["fh0": fp.symbol("h_{0}"), "bh0": bp.symbol("h_{\(t + 1)}"), "fc0": fp.symbol("c_{0}"), "bc0": bp.symbol("c_{\(t + 1)}"),
                     "T": "\(t)", "fWihT": fp.transposed("W_{ih}"), "bWihT": bp.transposed("W_{ih}"), "fa": fp.inputSide("t"), "ba": bp.inputSide("t")]
        back.record(inputs.h0, w.caption("h0.grad", slots))
        if let c0 = inputs.c0 { back.record(c0, w.caption("c0.grad", slots)) }
        back.record(inputs.x, w.caption("input.grad", slots))

        // How large the gradient is at each position, in each direction.
        tr.heading(w("heading gradient sizes"))
        let states = [(fp, runs.forward.states), (bp, runs.reverse.states)].flatMap { p, states in
            states.map { state in (p: p, letter: state.letter, norms: (1...t).map { RecurrentInput.gradientSize(back, state.values[p.computed($0)]) }) }
        }
        tr.figure(.lines(title: w("figure gradient sizes"), steps: fp.stepLabels, panels: states.map { state in
            LinePanel(title: w("panel gradient size, \(state.p.reversed ? "reverse" : "forward")", ["state": state.letter]),
                      series: [state.norms], range: nil, scale: .logarithmic)
        }), description: w("figure gradient sizes, description"))
        tr.say(gradientSizesSaying(m, states.map { ($0.p, $0.letter, $0.norms) }))
        tr.endBackward(back, level: 2)
    }

    /// A direction's weights' gradients, each a sum over the positions: its step at every position used them.
    static func recordWeightGradients(_ back: Backprop, _ p: RecurrentInput, _ i: RecurrentInput.Inputs, cell: String) {
        let w = words
        let gru = cell == "gru"
        let first = p.position(1)
        let slots = ["a": p.inputSide("t"), "ah": p.symbol("a_{t}", gru ? "h" : nil), "hT": p.transposed("h_{\(p.reversed ? "t+1" : "t-1")}"),
                     "Wih": p.symbol("W_{ih}"), "Whh": p.symbol("W_{hh}"), "bih": p.symbol("b_{ih}"), "h0": p.symbol("h_{\(p.before(first))}"),
                     "first": "\(first)"]
        back.record(i.wIh, w.caption("weight_ih_l0.grad", slots))
        let zeroStart = p.h0?.entries.allSatisfy { $0 == 0 } ?? true
        back.record(i.wHh, w.caption(zeroStart ? "weight_hh_l0.grad, zero h0" : "weight_hh_l0.grad", slots))
        back.record(i.bIh, w.caption("bias_ih_l0.grad", slots))
        back.record(i.bHh, w.caption(gru ? "bias_hh_l0.grad, gru" : "bias_hh_l0.grad", slots))
    }

    /// " `h0` and all four biases were left out, so they get no gradient, …": the arrays not given, which
    /// the backward pass leaves without a gradient (SPEC: only given arrays get one); "" when all were given.
    static func leftOutSaying(_ m: BiRNNInput) -> String {
        let states = (m.h0 == nil ? ["`h0`"] : []) + (m.cell == "lstm" && m.c0 == nil ? ["`c0`"] : [])
        let biases = [(m.forward.bIh, "bias_ih_l0"), (m.forward.bHh, "bias_hh_l0"), (m.reverse.bIh, "bias_ih_l0_reverse"), (m.reverse.bHh, "bias_hh_l0_reverse")]
            .filter { $0.0 == nil }.map { "`\($0.1)`" }
        let items = states + (biases.count == 4 ? [words("all four biases")] : biases)
        guard !items.isEmpty else { return "" }
        let one = items.count == 1 && biases.count < 4
        return " " + words("left out, no gradient", ["list": listed(items), "were": one ? "was" : "were", "they": one ? "it is" : "they are"])
    }
}
