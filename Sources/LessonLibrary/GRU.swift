// gru: one GRU layer over a sequence, gate by gate.
//
// Convention (torch.nn.GRU, one layer, unbatched): the gates are stacked in the rows of
// weight_ih_l0 (3H × I), weight_hh_l0 (3H × H) and the biases in the order r, z, n:
//   a^x_t = W_ih x_t + b_ih,   a^h_t = W_hh h_{t-1} + b_hh          (3H numbers each)
//   r_t = σ(a^{x,r}_t + a^{h,r}_t),   z_t = σ(a^{x,z}_t + a^{h,z}_t)
//   n_t = tanh(a^{x,n}_t + r_t ⊙ a^{h,n}_t)          (r applied after W_hn h: "reset after")
//   h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}            (z near 1 keeps the previous state)
// Others: Cho et al. 2014 and ONNX's default apply r before the matrix, W_hn (r ⊙ h); colah's
// figure and the seed notes' "1 − input gate" swap the roles of z and 1 − z.
// References: PyTorch docs for torch.nn.GRU; Cho et al. 2014, "Learning Phrase Representations
// using RNN Encoder–Decoder"; seed notes 000 and 002 (GRU as the lighter LSTM).

import JSONFormat
import LessonInput
import TraceCore

enum GRU: Lesson {
    static let id = "gru"
    static let summary = "A GRU cell gate by gate: reset and update gates, candidate and hidden state"

    static let examples = [
        Example(
            name: "default",
            summary: "“Alice sleeps .”: at the period the update gate keeps the subject and replaces the clause",
            story: """
            The same sentence as in `lesson lstm-gates`: “Alice sleeps .” as one-hot vectors over a name \
            (column 1), a verb (column 2) and a period (column 3), with hand-chosen weights. **Unit 1 \
            remembers the subject**: its update gate is near 0 at “Alice” (take the new candidate) and near 1 \
            afterwards (keep it). **Unit 2 marks a clause under way**: it takes its candidate at “sleeps”. \
            At the period its reset gate $r_{3}$ is near 0, so its candidate ignores the past and is close to \
            0, and its update gate is near 0 again, so the clause is replaced while the subject stays. \
            This input leaves out `bias_hh_l0`, so that bias is zeros.
            """,
            input: .fields([
                "input": .rows([[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
                "weight_ih_l0": .rows([[2, 2, 2], [1, 1, -3],
                                       [-3, 2, 2], [2, -3, -3],
                                       [1, 0, 0], [0, 1, 0]]),
                "weight_hh_l0": .rows([[0.1, -0.1], [0.2, 0.1],
                                       [0.1, 0.2], [-0.1, 0.1],
                                       [0.5, -0.3], [0.4, 0.6]]),
                "bias_ih_l0": .numbers([0, 0, 0.5, 0.5, 0, 0]),
                "tokens": .strings(["Alice", "sleeps", "."]),
            ])),
    ] + SourcedExamples.gru

    static let alternatives = Alternative.switching("reset", [
        ("before", "the GRU with the reset gate applied before the matrix product (Cho et al. 2014, ONNX's default)"),
        ("after", "the GRU with the reset gate applied after the matrix product (PyTorch)"),
    ]) + Alternative.switching("update_gate", [
        ("takes-candidate", "the update gate reversed, h = z⊙n + (1−z)⊙h (colah's figure, the seed notes' \"1 − input gate\")"),
        ("keeps-previous", "the update gate as in PyTorch, h = (1−z)⊙n + z⊙h"),
    ]) + [Alternative("both the reset gate before the product and the update gate reversed (`reset: \"before\"`, `update_gate: \"takes-candidate\"`)") {
        $0.setting("reset", .string("before"))?.setting("update_gate", .string("takes-candidate"))
    }]

    static func trace(_ json: JSON, file: String, example: Example?) throws -> Trace {
        var reader = try InputReader(json, file: file)
        let p = try RecurrentInput(&reader, gates: ["r", "z", "n"], cellState: false)
        let resetBefore = try reader.choice("reset", ["after", "before"]) == "before"
        let takesCandidate = try reader.choice("update_gate", ["keeps-previous", "takes-candidate"]) == "takes-candidate"
        try reader.finish()
        let h = p.hidden

        let tr = Trace(lesson: id, title: "The GRU cell, gate by gate", example: example?.name ?? file)
        tr.say("""
        The **gated recurrent unit** (Cho et al., 2014) is the lighter LSTM (seed notes 002): it keeps the \
        LSTM's idea of updating the memory by a gated *blend* instead of overwriting it, with fewer parts. \
        There is no separate cell state, the hidden state $h_{t}$ is the memory; and instead of separate \
        forget and input gates, one **update gate** $z_{t}$ decides per unit how much of the old state to \
        keep, and the rest, $1 - z_{t}$, is taken from the new **candidate** $n_{t}$. A **reset gate** \
        $r_{t}$ decides how much of the old state may shape that candidate. Three blocks of weights instead \
        of the LSTM's four: about three quarters of the parameters, and in practice often as good.
        """)
        tr.heading("The equations")
        tr.math("""
        \\begin{aligned}
        a^{x}_{t} &= W_{ih}\\, x_{t} + b_{ih} && \\text{3H numbers, stacked } r, z, n \\\\
        a^{h}_{t} &= W_{hh}\\, h_{t-1} + b_{hh} && \\text{\(resetBefore ? "2H numbers, stacked } r, z" : "3H numbers, stacked } r, z, n") \\\\
        r_{t} &= \\sigma(a^{x,r}_{t} + a^{h,r}_{t}) && \\text{reset gate} \\\\
        z_{t} &= \\sigma(a^{x,z}_{t} + a^{h,z}_{t}) && \\text{update gate} \\\\
        \(resetBefore ? "n_{t} &= \\tanh(a^{x,n}_{t} + W_{hn} (r_{t} \\odot h_{t-1}) + b_{hn})"
                       : "n_{t} &= \\tanh(a^{x,n}_{t} + r_{t} \\odot a^{h,n}_{t})") && \\text{candidate} \\\\
        \(takesCandidate ? "h_{t} &= z_{t} \\odot n_{t} + (1 - z_{t}) \\odot h_{t-1}" : "h_{t} &= (1 - z_{t}) \\odot n_{t} + z_{t} \\odot h_{t-1}")
        \\end{aligned}
        """)
        tr.say("""
        $\\sigma(z) = 1/(1 + e^{-z})$ squashes any number into (0, 1), $\\tanh$ into (−1, 1), and $\\odot$ \
        multiplies entry by entry. $a^{x}_{t}$ and $a^{h}_{t}$ each stack three blocks of H rows, labelled \
        r₁ …, z₁ …, n₁ … in the tables: $a^{x,r}_{t}$ is rows 1 … H of $a^{x}_{t}$, $a^{x,z}_{t}$ rows H+1 … 2H, \
        $a^{x,n}_{t}$ rows 2H+1 … 3H, and likewise for $a^{h}_{t}$. Written with the blocks of the weights, $n_{t} = \\tanh(W_{in} x_{t} + b_{in} + r_{t} \\odot (W_{hn} h_{t-1} + b_{hn}))$, \
        as in PyTorch's documentation. The input and hidden parts are kept apart ($a^{x}_{t}$ and $a^{h}_{t}$) \
        because the reset gate multiplies only the hidden part of the candidate.
        """)
        tr.say("""
        **Convention.** This is `torch.nn.GRU`: gates stacked **r, z, n** in the rows of `weight_ih_l0` and \
        `weight_hh_l0`, the reset gate applied *after* the matrix product ($r_{t} \\odot (W_{hn} h_{t-1} + b_{hn})$, \
        as cuDNN and Keras with `reset_after=True`), and $z_{t}$ near 1 meaning *keep the old state*. \
        Cho et al. (2014), ONNX's default and Keras with `reset_after=False` reset *before* the product, \
        $W_{hn} (r_{t} \\odot h_{t-1})$, which gives different numbers. colah's figure writes \
        $h_{t} = z_{t} \\odot n_{t} + (1 - z_{t}) \\odot h_{t-1}$, and the seed notes describe the same \
        (“the forget gate is replaced by 1 − input gate”): their $z$ is PyTorch's $1 - z$.
        """)
        if resetBefore || takesCandidate {
            tr.say("""
            **This trace uses another convention** (the input's \([resetBefore ? "`reset: \"before\"`" : nil, takesCandidate ? "`update_gate: \"takes-candidate\"`" : nil].compactMap { $0 }.joined(separator: " and "))), so its \
            numbers differ from `torch.nn.GRU`'s: \
            \([resetBefore ? "the reset gate multiplies $h_{t-1}$ *before* the matrix product, $W_{hn} (r_{t} \\odot h_{t-1}) + b_{hn}$, as Cho et al. (2014) and ONNX's default" : nil,
                takesCandidate ? "the update gate says how much of the *candidate* to take, $h_{t} = z_{t} \\odot n_{t} + (1 - z_{t}) \\odot h_{t-1}$, as in colah's figure" : nil].compactMap { $0 }.joined(separator: "; ")). \
            The steps where this changes the computation say so.
            """)
        }
        let input = p.present(in: tr, hiddenHolds: "$h_{t}$ and each gate", extra: [
            (symbol: "3H", meaning: "rows of the stacked weights, $a^{x}_{t}$ and $a^{h}_{t}$", size: 3 * p.hidden),
        ], example: example)

        tr.heading("Step by step")
        tr.say("Each step computes the input part and the hidden part of all three gates, then the gates, the candidate and the blend.")
        var hPrev = input.h0
        var (rs, zs, ns, hs): ([Traced], [Traced], [Traced], [Traced]) = ([], [], [], [])
        for t in 1...p.steps {
            tr.section(.timeSteps, t, of: p.steps, p.stepHeading(t))
            let x = input.x.row(t - 1, "x_{\(t)}")
            let hp = "h_{\(t - 1)}"
            let ax = tr.record("ax[\(t)]", "a^{x}_{\(t)}", input.wIh * x + input.bIh,
                               title: "input part of the three gates",
                               meaning: "What the input $x_{\(t)}$ contributes to each gate (rows r, z, n).",
                               labels: p.stackedLabels)
            let rz = 0..<(2 * h)
            let ah = resetBefore
                ? tr.record("ah[\(t)]", "a^{h}_{\(t)}", input.wHh.rows(rz, "W_{hh}^{r,z}") * hPrev + input.bHh.rows(rz, "b_{hh}^{r,z}"),
                            title: "hidden part of the reset and update gates",
                            meaning: "What the previous state $\(hp)$ contributes to the reset and update gates. With the reset gate *before* the product, the candidate's hidden part must wait for $r_{\(t)}$, so only rows r and z are computed here.",
                            labels: Labels(rowHeader: p.stackedLabels.rowHeader, rows: Array(p.stackedLabels.rows[rz])))
                : tr.record("ah[\(t)]", "a^{h}_{\(t)}", input.wHh * hPrev + input.bHh,
                            title: "hidden part of the three gates",
                            meaning: "What the previous state $\(hp)$ contributes to each gate (rows r, z, n).",
                            labels: p.stackedLabels)
            func block(_ part: Traced, _ g: Int, _ side: String, _ letter: String) -> Traced {
                part.rows(p.block(g), "a^{\(side),\(letter)}_{\(t)}")
            }
            let r = tr.record("r[\(t)]", "r_{\(t)}", sigmoid(block(ax, 0, "x", "r") + block(ah, 0, "h", "r")), title: "reset gate",
                              meaning: "How much of the old state each unit lets into its candidate: 0 makes the candidate ignore the past.",
                              labels: p.unitLabels)
            let z = tr.record("z[\(t)]", "z_{\(t)}", sigmoid(block(ax, 1, "x", "z") + block(ah, 1, "h", "z")), title: "update gate",
                              meaning: takesCandidate
                                  ? "How much of the candidate each unit takes; the rest, $1 - z_{\(t)}$, is kept from the old state $\(hp)$."
                                  : "How much of the old state $\(hp)$ each unit keeps; the rest, $1 - z_{\(t)}$, comes from the candidate.",
                              labels: p.unitLabels)
            let candidate: Traced
            if resetBefore {
                let resetState = tr.record("rh[\(t)]", "r_{\(t)} \\odot \(hp)", hadamard(r, hPrev), title: "reset-scaled previous state",
                                           meaning: "**Reset before** (Cho et al. 2014, ONNX's default): the reset gate scales the old state *before* it meets $W_{hn}$. PyTorch's default instead scales $W_{hn} h_{t-1} + b_{hn}$ after the product.",
                                           labels: p.unitLabels)
                candidate = tanh(block(ax, 2, "x", "n") + input.wHh.rows(p.block(2), "W_{hn}") * resetState + input.bHh.rows(p.block(2), "b_{hn}"))
            } else {
                candidate = tanh(block(ax, 2, "x", "n") + hadamard(r, block(ah, 2, "h", "n")))
            }
            let n = tr.record("n[\(t)]", "n_{\(t)}", candidate, title: "candidate",
                              meaning: "The new content each unit could take, between −1 and 1, built from the input and the reset-scaled past.",
                              labels: p.unitLabels)
            let blend = takesCandidate ? hadamard(z, n) + hadamard(oneMinus(z), hPrev) : hadamard(oneMinus(z), n) + hadamard(z, hPrev)
            let hNew = tr.record("h[\(t)]", "h_{\(t)}", blend, title: "hidden state",
                                 meaning: takesCandidate
                                     ? "**Update gate reversed** (colah's figure): $z$ weighs the candidate and $1 - z$ the old state, the opposite of PyTorch. Still a blend, unit by unit: the layer's output at step \(t) and its memory."
                                     : "A blend, unit by unit, of the candidate and the old state: the layer's output at step \(t) and its memory.",
                                 labels: p.unitLabels)
            rs.append(r); zs.append(z); ns.append(n); hs.append(hNew)
            hPrev = hNew
        }

        tr.heading("Summary")
        tr.figure(.lines(title: "GRU gates and state over time", steps: p.stepLabels, panels: [
            LinePanel(title: "reset gate r", series: unitSeries(rs), range: 0...1),
            LinePanel(title: "update gate z", series: unitSeries(zs), range: 0...1),
            LinePanel(title: "candidate n", series: unitSeries(ns), range: -1...1),
            LinePanel(title: "hidden state h", series: unitSeries(hs), range: -1...1),
        ]), description: "Four small plots with the time steps across and one line per unit: the gates on 0 to 1, the candidate and the state on −1 to 1. The numbers are in the table below.")
        tr.summary(rowHeader: "t", rows: p.stepLabels,
                   columns: [(symbol: "r_{t}", values: rs), (symbol: "z_{t}", values: zs), (symbol: "n_{t}", values: ns), (symbol: "h_{t}", values: hs)])
        tr.say("""
        What to notice: where $z_{t}$ is near \(takesCandidate ? "0" : "1") the unit's state passes through unchanged (like an LSTM cell \
        with its forget gate open and its input gate shut); where it is near \(takesCandidate ? "1" : "0") the unit takes its candidate. \
        Each $h_{t}$ lies between $n_{t}$ and $h_{t-1}$, entry by entry, because it is a weighted average of the two.
        """)
        return tr
    }
}
