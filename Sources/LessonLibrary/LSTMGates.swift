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

enum LSTMGates: Lesson {
    static let id = "lstm-gates"
    static let summary = "An LSTM cell gate by gate: input, forget, candidate and output gates, cell and hidden state"

    static let examples = [
        Example(
            name: "default",
            summary: "“Alice sleeps .”: at the period the forget gate keeps the subject and drops the clause",
            story: """
            The sentence “Alice sleeps .” arrives one token at a time, each token a one-hot vector over three \
            kinds of word: a name (column 1), a verb (column 2), a period (column 3). The weights were chosen \
            by hand so that each of the two cell units has a job. **Unit 1 remembers the subject**: its input \
            gate opens for the name and its forget gate stays near 1 throughout. **Unit 2 remembers that a \
            clause is under way**: its input gate opens for the verb, and its forget gate closes at the \
            period. Watch $f_{3}$: near 1 for unit 1 (keep “Alice”, the next sentence may say “she”) and near \
            0 for unit 2 (the clause is over), so $c_{3}$ keeps one memory and drops the other.
            """,
            input: .fields([
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
    ] + SourcedExamples.lstm

    /// TensorFlow 1's LSTMCell stacks its gates i, g (its "j"), f, o and adds 1 to the forget bias.
    static let alternatives = [
        Alternative("the weights stacked i, g, f, o (TensorFlow 1's LSTMCell order) instead of PyTorch's i, f, g, o") { reorderBlocks($0, [0, 2, 1, 3]) },
        Alternative("1 added to the forget gate's bias (TensorFlow 1's LSTMCell forget_bias=1.0)") { input in
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

    static func trace(_ json: JSON, file: String, example: Example?) throws -> Trace {
        var reader = try InputReader(json, file: file)
        let p = try RecurrentInput(&reader, gates: ["i", "f", "g", "o"], cellState: true)
        try reader.finish()

        let tr = Trace(lesson: id, title: "The LSTM cell, gate by gate", example: example?.name ?? file)
        tr.say("""
        A vanilla RNN (`lesson rnn-unroll`) overwrites its whole memory at every step: $h_{t} = \\tanh(W_{hh} h_{t-1} + \\dots)$. \
        When it learns, the gradient from a late step back to an early one is multiplied by $W_{hh}$ and by \
        $\\tanh'$ once per step, and vanishes (or explodes) over long sequences (seed notes 002).
        """)
        tr.say("""
        The **long short-term memory** cell adds a second state, the **cell state** $c_{t}$, that is updated \
        by *addition*: $c_{t} = f_{t} \\odot c_{t-1} + i_{t} \\odot g_{t}$. From $c_{t-1}$ to $c_{t}$ the \
        gradient is only multiplied by the forget gate $f_{t}$, not squashed by a weight matrix and a \
        nonlinearity, so information (and its gradient) can travel across many steps, like a conveyor belt \
        (seed notes 000). Three **gates**, each a vector of numbers between 0 and 1, decide per unit how much \
        to forget ($f$), how much of the new candidate $g$ to write ($i$), and how much of the memory to show \
        as the hidden state $h_{t}$ ($o$). $c_{t}$ is the long-term memory; $h_{t}$ is the short-term view of \
        it that the next layer sees.
        """)
        tr.heading("The equations")
        tr.math("""
        \\begin{aligned}
        a_{t} &= W_{ih}\\, x_{t} + b_{ih} + W_{hh}\\, h_{t-1} + b_{hh} && \\text{4H numbers, stacked } i, f, g, o \\\\
        i_{t} &= \\sigma(a_{t}^{i}) && \\text{input gate} \\\\
        f_{t} &= \\sigma(a_{t}^{f}) && \\text{forget gate} \\\\
        g_{t} &= \\tanh(a_{t}^{g}) && \\text{candidate (cell input)} \\\\
        o_{t} &= \\sigma(a_{t}^{o}) && \\text{output gate} \\\\
        c_{t} &= f_{t} \\odot c_{t-1} + i_{t} \\odot g_{t} \\\\
        h_{t} &= o_{t} \\odot \\tanh(c_{t})
        \\end{aligned}
        """)
        tr.say("""
        $\\sigma(z) = 1/(1 + e^{-z})$ is the logistic sigmoid, which squashes any number into (0, 1); \
        $\\tanh(z) = (e^{z} - e^{-z})/(e^{z} + e^{-z})$ squashes it into (−1, 1); $\\odot$ multiplies entry by \
        entry. $a_{t}$ is the **pre-activation** of all four gates, stacked: its blocks $a_{t}^{i}$, $a_{t}^{f}$, \
        $a_{t}^{g}$, $a_{t}^{o}$ are rows 1 … H, H+1 … 2H, 2H+1 … 3H and 3H+1 … 4H, labelled i₁ …, f₁ …, g₁ …, \
        o₁ … in the tables. Written with the blocks of the weights, \
        $f_{t} = \\sigma(W_{if} x_{t} + b_{if} + W_{hf} h_{t-1} + b_{hf})$ as in PyTorch's documentation.
        """)
        tr.say("""
        **Convention.** This is `torch.nn.LSTM`: the four gates' weights are stacked in the rows of \
        `weight_ih_l0` and `weight_hh_l0` in the order **i, f, g, o**, with two biases. colah's \
        “Understanding LSTM Networks” and the seed notes write the candidate $g_{t}$ as $\\tilde{C}_{t}$ and \
        use one matrix per gate on the concatenation $[h_{t-1}, x_{t}]$; that is the same computation with \
        $W_{ih}$ and $W_{hh}$ side by side. Keras stacks i, f, c, o (the same order under other names). \
        There are no peephole connections.
        """)
        let input = p.present(in: tr, hiddenHolds: "$h_{t}$, $c_{t}$ and each gate", extra: [
            (symbol: "4H", meaning: "rows of the stacked weights and of $a_{t}$", size: 4 * p.hidden),
        ], example: example)

        tr.heading("Step by step")
        tr.say("""
        Each step computes all four gates' pre-activations at once (one stacked product, as PyTorch does), \
        splits them into the four gates, then updates the cell and the hidden state.
        """)
        var hPrev = input.h0
        var cPrev = input.c0 ?? input.h0  // always present: the LSTM's inputs include c0
        var (iS, fS, gS, oS, cS, hS): ([Traced], [Traced], [Traced], [Traced], [Traced], [Traced]) = ([], [], [], [], [], [])
        for t in 1...p.steps {
            tr.section(.timeSteps, t, of: p.steps, p.stepHeading(t))
            let x = input.x.row(t - 1, "x_{\(t)}")
            let (hp, cp) = ("h_{\(t - 1)}", "c_{\(t - 1)}")
            let a = tr.record("a[\(t)]", "a_{\(t)}", input.wIh * x + input.bIh + input.wHh * hPrev + input.bHh,
                              title: "stacked pre-activations of the four gates",
                              meaning: "Rows i₁…, f₁…, g₁…, o₁… are the four gates' weighted sums of $x_{\(t)}$ and $\(hp)$; the next four values apply a nonlinearity to one block each.",
                              labels: p.stackedLabels)
            func block(_ g: Int, _ letter: String) -> Traced { a.rows(p.block(g), "a_{\(t)}^{\(letter)}") }
            let i = tr.record("i[\(t)]", "i_{\(t)}", sigmoid(block(0, "i")), title: "input gate",
                              meaning: "How much of the candidate $g_{\(t)}$ each unit writes into its cell: 0 writes nothing, 1 writes it all.",
                              labels: p.unitLabels)
            let f = tr.record("f[\(t)]", "f_{\(t)}", sigmoid(block(1, "f")), title: "forget gate",
                              meaning: "How much of the old cell state $\(cp)$ each unit keeps: 1 keeps it, 0 forgets it.",
                              labels: p.unitLabels)
            let g = tr.record("g[\(t)]", "g_{\(t)}", tanh(block(2, "g")), title: "candidate",
                              meaning: "The new content each unit could write, between −1 and 1 (colah's $\\tilde{C}_{t}$).",
                              labels: p.unitLabels)
            let o = tr.record("o[\(t)]", "o_{\(t)}", sigmoid(block(3, "o")), title: "output gate",
                              meaning: "How much of each unit's memory is shown in the hidden state $h_{\(t)}$.",
                              labels: p.unitLabels)
            let c = tr.record("c[\(t)]", "c_{\(t)}", hadamard(f, cPrev) + hadamard(i, g), title: "cell state",
                              meaning: "Kept old memory plus written new content: an addition, which is why the gradient survives many steps.",
                              labels: p.unitLabels)
            let h = tr.record("h[\(t)]", "h_{\(t)}", hadamard(o, tanh(c)), title: "hidden state",
                              meaning: "The part of the squashed memory $\\tanh(c_{\(t)})$ that the output gate lets out: this is the layer's output at step \(t).",
                              labels: p.unitLabels)
            iS.append(i); fS.append(f); gS.append(g); oS.append(o); cS.append(c); hS.append(h)
            (hPrev, cPrev) = (h, c)
        }

        tr.heading("Summary")
        tr.figure(.lines(title: "LSTM gates over time", steps: p.stepLabels, panels: [
            LinePanel(title: "input gate i", series: unitSeries(iS), range: 0...1),
            LinePanel(title: "forget gate f", series: unitSeries(fS), range: 0...1),
            LinePanel(title: "candidate g", series: unitSeries(gS), range: -1...1),
            LinePanel(title: "output gate o", series: unitSeries(oS), range: 0...1),
        ]), description: "Four small plots, one per gate, with the time steps across and one line per unit; the sigmoid gates are drawn on 0 to 1, the candidate on −1 to 1. The numbers are in the table below.")
        tr.figure(.lines(title: "Cell and hidden state over time", steps: p.stepLabels, panels: [
            LinePanel(title: "cell state c", series: unitSeries(cS), range: -1...1),
            LinePanel(title: "hidden state h", series: unitSeries(hS), range: -1...1),
        ]), description: "The cell state and the hidden state over time, one line per unit; h stays within ±tanh(c).")
        tr.say("The gates at every step, one column per unit:")
        tr.summary(rowHeader: "t", rows: p.stepLabels,
                   columns: [(symbol: "i_{t}", values: iS), (symbol: "f_{t}", values: fS), (symbol: "g_{t}", values: gS), (symbol: "o_{t}", values: oS)])
        tr.say("The two states:")
        tr.summary(rowHeader: "t", rows: p.stepLabels, columns: [(symbol: "c_{t}", values: cS), (symbol: "h_{t}", values: hS)])
        tr.say("""
        What to notice: where a forget gate is near 1 and the input gate near 0, the cell state changes \
        only slowly (it is multiplied by $f_{t}$ and nothing is added), and so does its gradient; where the \
        forget gate is near 0, the unit starts over. $h_{t}$ is never larger than $\\tanh(c_{t})$ in size, because the output gate only scales it down.
        """)
        return tr
    }
}
