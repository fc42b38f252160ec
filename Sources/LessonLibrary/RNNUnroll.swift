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

enum RNNUnroll: Lesson {
    static let id = "rnn-unroll"
    static let summary = "A vanilla RNN unrolled over time: one weight matrix reused at every step"

    static let examples = [
        Example(
            name: "default",
            summary: "“e l l”: the same letter twice gives two different hidden states",
            story: """
            The seed notes' character-level language model reads “hello” one letter at a time. Here it \
            reads “e”, “l”, “l”, each as a *one-hot* vector: a 1 in the letter's column and 0 elsewhere, \
            with the columns standing for h, e and l (inputs 1, 2, 3). Steps 2 and 3 get exactly the same \
            input, yet their hidden states differ: $h_{2}$ and $h_{3}$ also carry what came before. That \
            memory is what lets a language model built on $h_{t}$ predict a different next letter after \
            each “l” (“l” after the first, “o” after the second, in “hello”); the output layer that would \
            turn $h_{t}$ into those predictions is not part of this lesson.
            """,
            input: .fields([
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
        ("relu", "the RNN with relu instead of tanh"), ("tanh", "the RNN with tanh instead of relu"),
    ])

    static func trace(_ json: JSON, file: String, example: Example?) throws -> Trace {
        var reader = try InputReader(json, file: file)
        let p = try RecurrentInput(&reader, gates: [], cellState: false)
        let nonlinearity = try reader.choice("nonlinearity", ["tanh", "relu"]) ?? "tanh"
        try reader.finish()
        let isTanh = nonlinearity == "tanh"
        let f: any ElementwiseFunction = isTanh ? Tanh() : ReLU()
        let fName = isTanh ? "\\tanh" : "\\operatorname{relu}"

        let tr = Trace(lesson: id, title: "A vanilla RNN, unrolled over time", example: example?.name ?? file)
        tr.say("""
        A recurrent neural network reads a sequence one element at a time and keeps a **hidden state** \
        $h_{t}$, a vector that summarizes everything read so far. At every step the same cell combines the \
        new input $x_{t}$ with the previous state $h_{t-1}$ through the **same** weights: the network is one \
        small function applied again and again, which is why it can read sequences of any length.
        """)
        tr.say("""
        “Unrolling” means drawing (and computing) that loop as a chain, one copy of the cell per time step. \
        The chain also shows the vanilla RNN's weakness (seed notes 002): the gradient that flows from \
        $h_{T}$ back to $h_{1}$ is multiplied by $W_{hh}$ and by the derivative of the nonlinearity once per \
        step, so over long sequences it shrinks to nothing or blows up. The LSTM (`lesson lstm-gates`) and \
        the GRU (`lesson gru`) were built to fix that.
        """)
        tr.heading("The equations")
        tr.math("""
        \\begin{aligned}
        a_{t} &= W_{ih}\\, x_{t} + b_{ih} + W_{hh}\\, h_{t-1} + b_{hh} \\\\
        h_{t} &= \(fName)(a_{t})
        \\end{aligned}
        """)
        tr.say(isTanh
            ? "$a_{t}$ is the **pre-activation**, the weighted sum before the nonlinearity; $\\tanh(z) = (e^{z} - e^{-z})/(e^{z} + e^{-z})$ squashes any number into (−1, 1)."
            : "$a_{t}$ is the **pre-activation**, the weighted sum before the nonlinearity; $\\operatorname{relu}(z) = \\max(0, z)$ keeps positive numbers and sets negative ones to 0.")
        tr.say("""
        **Convention.** This is `torch.nn.RNN` with `nonlinearity="\(nonlinearity)"`: vectors are columns, \
        $W_{ih}$ is hidden × input and $W_{hh}$ is hidden × hidden, and there are two biases whose sum is the \
        one bias of the textbook. Notes that use row vectors (seed 004: $h_{t} = \\tanh(x_{t} W_{x} + h_{t-1} W + b)$) \
        store the transposed matrices, $W_{x} = W_{ih}^{\\top}$ and $W = W_{hh}^{\\top}$, and compute the same numbers.
        """)
        let input = p.present(in: tr, hiddenHolds: "$h_{t}$", extra: [], example: example)

        tr.heading("Step by step")
        tr.say("Each step does the same two things: a weighted sum of the new input and the old state, then the nonlinearity.")
        var hPrev = input.h0
        var hs: [Traced] = []
        for t in 1...p.steps {
            tr.section(.timeSteps, t, of: p.steps, p.stepHeading(t))
            let x = input.x.row(t - 1, "x_{\(t)}")
            let hSymbol = "h_{\(t - 1)}"
            let a = tr.record("a[\(t)]", "a_{\(t)}", input.wIh * x + input.bIh + input.wHh * hPrev + input.bHh,
                              title: "pre-activation",
                              meaning: "Each unit's weighted evidence: what the input says ($W_{ih} x_{\(t)}$) plus what the memory $\(hSymbol)$ says ($W_{hh} \(hSymbol)$), plus the biases.",
                              labels: p.unitLabels)
            let h = tr.record("h[\(t)]", "h_{\(t)}", apply(f, a), title: "hidden state",
                              meaning: isTanh
                                  ? "The new memory: $\\tanh$ squashes each sum into (−1, 1), so the state stays bounded however long the sequence."
                                  : "The new memory: relu keeps positive sums and sets negative ones to 0; unlike tanh it does not bound the state.",
                              labels: p.unitLabels)
            hs.append(h)
            hPrev = h
        }

        tr.heading("Summary")
        tr.figure(.lines(title: "Hidden state over time", steps: p.stepLabels, panels: [
            LinePanel(title: "hidden state h", series: unitSeries(hs), range: isTanh ? -1...1 : 0...1),
        ]), description: "The hidden state at each time step, one line per unit\(isTanh ? ", on −1 to 1 (tanh's range)" : ""). The numbers are in the table below.")
        tr.summary(rowHeader: "t", rows: p.stepLabels, columns: [(symbol: "h_{t}", values: hs)])
        tr.say("""
        The last hidden state $h_{\(p.steps)}$ is what a many-to-one task (say, sentiment of a sentence) would \
        feed to its output layer; a many-to-many task (tagging, language modelling) uses every $h_{t}$. Two \
        things to notice: every row was computed with the same $W_{ih}$, $W_{hh}$ and biases, and each \
        $h_{t}$ depends on all the inputs before it only through $h_{t-1}$.
        """)
        return tr
    }
}
