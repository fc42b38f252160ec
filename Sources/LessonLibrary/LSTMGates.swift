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
        tr.heading(w("heading equations"))
        tr.math(w("equations"))
        tr.say(w("symbols"))
        let input = p.present(in: tr, hiddenHolds: w("hidden holds"), extra: [
            (symbol: "4H", meaning: w("legend 4H"), size: 4 * p.hidden),
        ], example: example)
        let c0 = p.presentCellState(in: tr)

        tr.heading(w("heading steps"))
        var hPrev = input.h0                                                    // H
        var cPrev = c0                                                          // H
        var (iS, fS, gS, oS, cS, hS): ([Traced], [Traced], [Traced], [Traced], [Traced], [Traced]) = ([], [], [], [], [], [])
        var aS: [Traced] = []
        let stackedOnce = p.stackedLabels
        let once = SaidOnce()
        for t in 1...p.steps {
            tr.section(.timeSteps, t, of: p.steps, p.stepHeading(t))
            if p.startsChunk(t) { (hPrev, cPrev) = (hPrev.detached, cPrev.detached) }   // truncated BPTT
            let x = input.x.row(t - 1, "x_{\(t)}")                               // I
            // a_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh                      4H
            let a = tr.record("a[\(t)]", "a_{\(t)}", input.wIh * x + input.bIh + input.wHh * hPrev + input.bHh,
                              p.preActivationCaption(w, "a[t]", t, hPrev: hPrev, once: once), labels: stackedOnce)
            func block(_ g: Int, _ letter: String) -> Traced { a.rows(p.block(g), "a_{\(t)}^{\(letter)}") }
            // The gate values come first: their captions say which units are near 0 or 1.
            let (iv, fv, gv, ov) = (sigmoid(block(0, "i")), sigmoid(block(1, "f")), tanh(block(2, "g")), sigmoid(block(3, "o")))
            func said(_ gate: String, _ value: Traced, _ before: [Traced]) -> Caption {
                gateCaption(gate, t, value, before: t == 1 ? nil : before.last, once: once)
            }
            let i = tr.record("i[\(t)]", "i_{\(t)}", iv, said("i", iv, iS), labels: p.unitLabels)                  // H
            let f = tr.record("f[\(t)]", "f_{\(t)}", fv, RecurrentInput.isZero(cPrev)
                              ? once(w, "f[t]", adding: [w("zero cell", stepSlots(t))]) : said("f", fv, fS), labels: p.unitLabels)  // H
            let g = tr.record("g[\(t)]", "g_{\(t)}", gv, once(w, "g[t]"), labels: p.unitLabels)  // H
            let o = tr.record("o[\(t)]", "o_{\(t)}", ov, said("o", ov, oS), labels: p.unitLabels)                  // H
            // c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t                                  H
            let c = tr.record("c[\(t)]", "c_{\(t)}", hadamard(f, cPrev) + hadamard(i, g), cellCaption(t, f, before: t == 1 ? nil : fS.last, once: once),
                              labels: p.unitLabels)
            // h_t = o_t ⊙ tanh(c_t)                                             H
            let h = tr.record("h[\(t)]", "h_{\(t)}", hadamard(o, tanh(c)), once(w, "h[t]"), labels: p.unitLabels)
            iS.append(i); fS.append(f); gS.append(g); oS.append(o); cS.append(c); hS.append(h); aS.append(a)
            (hPrev, cPrev) = (h, c)
        }

        p.slides(slides(p, i: iS, f: fS, g: gS, c: cS), in: tr)
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
        if backward {
            derivePass(back: p, tr, input, c0: c0, steps: (a: aS, i: iS, f: fS, g: gS, o: oS, c: cS, h: hS))
        }
        return tr
    }

    /// A gate's caption: its meaning once, then the units that have just come near 0 or 1.
    static func gateCaption(_ gate: String, _ t: Int, _ value: Traced, before: Traced?, once: SaidOnce) -> Caption {
        once(words, "\(gate)[t]", adding: bandSayings(words, gate, symbol: "\(gate)_{\(t)}", now: value.value.flat,
                                                       before: before?.value.flat, bands: Band.gate))
    }

    /// c_t's caption: what it is and how its gradient goes back (once), then the units whose
    /// forget gate has just closed, which pass back little of it.
    static func cellCaption(_ t: Int, _ f: Traced, before: Traced?, once: SaidOnce) -> Caption {
        once(words, "c[t]", adding: bandSayings(words, "c", symbol: "f_{\(t)}", now: f.value.flat, before: before?.value.flat,
                                                 bands: [Band.gate[0]], slots: stepSlots(t)))
    }

    /// The seed statements this example's numbers bear on (LSTMGates+Words.swift has them), each
    /// with its verdict computed from the values.
    static func slides(_ p: RecurrentInput, i: [Traced], f: [Traced], g: [Traced], c: [Traced]) -> [String] {
        let w = words
        let style = NumberStyle(precision: 4)
        var bullets: [String] = []
        // Seed 002: a gate of 0.3 lets 30% through: the largest write i ⊙ g.
        var best: (t: Int, u: Int, ig: Double)?
        for t in 0..<p.steps where p.isShown(t + 1) {
            for (u, (iu, gu)) in zip(i[t].value.flat, g[t].value.flat).enumerated() where abs(iu * gu) > abs(best?.ig ?? 0) {
                best = (t, u, iu * gu)
            }
        }
        if let (t, u, ig) = best {
            let (iu, gu) = (i[t].value.flat[u], g[t].value.flat[u])
            bullets.append(w("slide percent") + " " + w("percent", [
                "u": "\(u + 1)", "t": "\(t + 1)", "i": style.fixed(iu), "g": style.fixed(gu), "ig": style.fixed(ig),
                "pct": NumberStyle(precision: 0).fixed(100 * iu)]))
        }
        guard p.steps > 1 else { return bullets }
        // Seed 000: the conveyor belt: what share of its cell each unit passes on, at its lowest forget gate after step 1.
        let lowest = (0..<p.hidden).compactMap { u in (1..<p.steps).map { (t: $0, f: f[$0].value.flat[u]) }.min { $0.f < $1.f } }
        // A unit whose forget gate falls below one half drops most of its cell: the belt breaks there.
        let breaks = lowest.indices.filter { lowest[$0].f < 0.5 }
        let keeping = lowest.indices.filter { lowest[$0].f >= 0.5 }
        let kept = keeping.map { lowest[$0].f }.min().map(atLeast)
        if breaks.isEmpty, let kept {
            bullets.append(w("slide belt") + " " + w("belt, confirmed", ["min": kept]))
        } else {
            let said = breaks.prefix(3).map { u in w("belt break", ["u": "\(u + 1)", "t": "\(lowest[u].t + 1)", "f": inSentence(lowest[u].f)]) }
            let slots = ["breaks": listed(said, more: breaks.count - said.count), "others": unitList(keeping, lower: true)]
            bullets.append(w("slide belt") + " " + (kept.map { w(keeping.count == 1 ? "belt, only when" : "belt, only when, several",
                                                                 slots.merging(["min": $0]) { a, _ in a }) }
                                                     ?? w("belt, only when, all", slots)))
        }
        // Seed 002: the additive update and the gradient: ∂c_T/∂c_1 along the cell alone is f_2 ⊙ … ⊙ f_T.
        let (product, symbol) = forgetProduct(f, from: 1)
        bullets.append(w("slide additive") + " " + w(product.allSatisfy { $0 >= 0.1 } ? "additive, confirmed" : "additive, only when", [
            "T": "\(p.steps)", "product": symbol, "values": perUnit(product)]))
        return bullets
    }

    /// Along the cell state alone, ∂c_T/∂c_first = f_{first+1} ⊙ … ⊙ f_T, per unit, and its symbol.
    static func forgetProduct(_ f: [Traced], from first: Int) -> (product: [Double], symbol: String) {
        let last = f.count
        var product = [Double](repeating: 1, count: f.first?.value.count ?? 0)
        for t in (first + 1)...max(first + 1, last) where t <= last {
            for (u, fu) in f[t - 1].value.flat.enumerated() { product[u] *= fu }
        }
        let symbol = last == first + 1 ? "f_{\(last)}" : last == first + 2 ? #"f_{\#(first + 1)} \odot f_{\#(last)}"#
            : #"f_{\#(first + 1)} \odot \cdots \odot f_{\#(last)}"#
        return (product, symbol)
    }

    /// "0.8653 (unit 1) and 0.0700 (unit 2)": a product per unit, the first four.
    static func perUnit(_ values: [Double]) -> String {
        let said = values.prefix(4).enumerated().map { words("unit value", ["v": "$\(readable($1))$", "u": "\($0 + 1)"]) }
        return listed(said, more: values.count - said.count)
    }

    /// The backward pass, step T first: ∂L/∂h_t, then ∂L/∂c_t (through h_t and from c_{t+1} through
    /// f_{t+1} alone), the four gates, and their stacked pre-activation; then the inputs' sums.
    static func derivePass(back p: RecurrentInput, _ tr: Trace, _ input: RecurrentInput.Inputs, c0: Traced,
                           steps s: (a: [Traced], i: [Traced], f: [Traced], g: [Traced], o: [Traced], c: [Traced], h: [Traced])) {
        let w = words
        let gOut = p.beginBackward(in: tr, equations: w("backward equations"))
        let back = Backprop(tr, differentiable: p.differentiable(input, c0: c0))
        for (t, h) in s.h.enumerated() { back.seed(h, gOut.row(t, "G_{\(t + 1)}")) }
        let once = SaidOnce()
        for t in stride(from: p.steps, through: 1, by: -1) {
            tr.section(.stepsBack, p.steps + 1 - t, of: p.steps, p.stepHeading(t))
            let slots = stepSlots(t)
            back.record(s.h[t - 1], p.stateGradientCaption("h", t, once: once))
            back.record(s.c[t - 1], p.stateGradientCaption("c", t, once: once))
            back.record(s.o[t - 1], once(w, "o[t].grad", slots))
            back.record(s.g[t - 1], once(w, "g[t].grad", slots))
            // With c_{t-1} = 0 there is nothing to forget: said where it happens, not once.
            back.record(s.f[t - 1], t > 1 || !RecurrentInput.isZero(c0) ? once(w, "f[t].grad", slots) : w.caption("f[t].grad, zero c0", slots))
            back.record(s.i[t - 1], once(w, "i[t].grad", slots))
            back.record(s.a[t - 1], once(w, "a[t].grad", slots))
        }
        // The product of the forget gates is in the slides box; a cut (truncated BPTT) stops it sooner.
        if let k = p.bpttSteps, k < p.steps, p.steps > 1 {
            let first = ((p.steps - 1) / k) * k + 1                              // the last chunk's first step
            if first < p.steps {
                let (product, symbol) = forgetProduct(s.f, from: first)
                tr.say(w("forget product", ["T": "\(p.steps)", "first": "\(first)", "product": symbol, "units": perUnit(product)]))
            }
        }
        p.recordInputGradients(back, input, c0: c0, in: tr)
        p.endBackward(in: tr, back: back, states: [("h", s.h), ("c", s.c)])
    }
}
