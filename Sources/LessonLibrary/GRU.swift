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

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum GRU: RecurrentLesson {
    static let id = "gru"
    static var summary: String { words("summary") }

    static let examples = [
        Example("default", words, input: .fields([
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

    static let alternatives = Alternative.switching("reset", words, [
        ("before", "alternative reset before"),
        ("after", "alternative reset after"),
    ]) + Alternative.switching("update_gate", words, [
        ("takes-candidate", "alternative takes-candidate"),
        ("keeps-previous", "alternative keeps-previous"),
    ]) + [Alternative(words("alternative both")) {
        $0.setting("reset", .string("before"))?.setting("update_gate", .string("takes-candidate"))
    }]

    /// Which of the published GRUs: where the reset gate meets the old state, and which side of
    /// the blend the update gate weighs.
    struct Convention {
        /// `reset: "before"`: n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn) (Cho et al., ONNX);
        /// else PyTorch's r ⊙ (W_hn h + b_hn).
        let resetBefore: Bool
        /// `update_gate: "takes-candidate"`: h = z ⊙ n + (1 − z) ⊙ h_prev (colah); else PyTorch's.
        let takesCandidate: Bool

        /// The words' key for `key` under this convention: `"h[t], takes-candidate"`, or `key`
        /// itself where the words are the same under every convention.
        func key(_ key: String, reset: Bool = false, update: Bool = false) -> String {
            key + (reset && resetBefore ? ", reset before" : "") + (update && takesCandidate ? ", takes-candidate" : "")
        }
    }

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try RecurrentInput(&reader, gates: ["r", "z", "n"], cellState: false)
        let convention = Convention(
            // Keras's bias implies a rule of its own (RecurrentLayouts.swift).
            resetBefore: try p.layout.gruReset(reader.choice("reset", ["after", "before"]), reader) == "before",
            takesCandidate: try reader.choice("update_gate", ["keeps-previous", "takes-candidate"]) == "takes-candidate")
        try reader.finish()
        return derive(p, convention, example: example, file: file, backward: backward)
    }

    /// The derivation, on the board: the mathematics here, its words in GRU+Words.swift.
    /// Shapes: T steps, I inputs, H hidden units; stacked blocks have 3H rows (2H for the hidden
    /// part when the reset gate comes before the product).
    static func derive(_ p: RecurrentInput, _ c: Convention, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        tr.math(w("equations", [
            "ah": w(c.key("equation ah", reset: true)),
            "z": w(c.key("equation z", update: true)),
            "n": w(c.key("equation n", reset: true)),
            "h": w(c.key("equation h", update: true)),
        ]))
        tr.say(w(c.key("symbols", reset: true)))
        tr.say(w("convention", [
            "which": w(c.resetBefore || c.takesCandidate ? "which, other" : "which, pytorch"),
            "reset": w(c.resetBefore ? "reset before" : "reset after", ["other": otherRule(p, c)]),
            "update": c.takesCandidate ? w("update takes") : "",
        ]))
        let legend = c.resetBefore
            ? [(symbol: "3H", meaning: w("legend 3H, reset before"), size: 3 * p.hidden),
               (symbol: "2H", meaning: w("legend 2H, reset before"), size: 2 * p.hidden)]
            : [(symbol: "3H", meaning: w("legend 3H"), size: 3 * p.hidden)]
        p.sayLayers(in: tr)
        let input = p.present(in: tr, hiddenHolds: w("hidden holds"), extra: legend, example: example,
                              own: w, ownKey: { c.key($0, reset: true) })

        // Layer by layer (one with num_layers = 1), each reading the h_t of the one below.
        var layers: [Layer] = []
        let once = SaidOnce()
        for l in 0..<p.layerCount {
            let (lp, li) = p.beginLayer(l, in: tr, input, c0: nil, below: layers.last?.h, heading: w("heading steps"),
                                        own: w, ownKey: { c.key($0, reset: true) })
            layers.append(forward(lp, li, c, in: tr, once: once))
        }

        // The slides box speaks of the layer that reads the sequence itself.
        p.slides(slides(layers[0].p, c, z: layers[0].z), in: tr)
        for s in layers {
            let lp = s.p
            lp.summaryHeading(w("heading summary"), in: tr)
            if lp.drawsFigures {
                tr.figure(.lines(title: lp.titled(w("figure")), steps: p.stepLabels, panels: [
                    LinePanel(title: w("panel r"), series: unitSeries(s.r), range: 0...1),
                    LinePanel(title: w(c.key("panel z", update: true)), series: unitSeries(s.z), range: 0...1),
                    LinePanel(title: w("panel n"), series: unitSeries(s.n), range: -1...1),
                    LinePanel(title: w("panel h"), series: unitSeries(s.h), range: -1...1),
                ]), description: w("figure, description"))
            }
            if lp.layer == 0 { tr.say(w(c.key("summary z", update: true))) }
            tr.summary(rowHeader: sharedWords("label t"), rows: p.stepLabels,
                       columns: [(symbol: lp.symbol("r_{t}"), values: s.r), (symbol: lp.symbol("z_{t}"), values: s.z),
                                 (symbol: lp.symbol("n_{t}"), values: s.n), (symbol: lp.symbol("h_{t}"), values: s.h)])
        }
        if backward {
            derivePass(back: p, c, tr, input, layers: layers)
        }
        return tr
    }

    /// One layer's values per step, and the layer as a one-layer input with its traced inputs.
    struct Layer {
        let p: RecurrentInput
        let inputs: LayerInputs
        let ax, ah, r, z, rh, n, h: [Traced]
    }

    /// One layer over the sequence, gate by gate. Its names and symbols say the layer when there
    /// are several (Recurrent+Layers.swift).
    static func forward(_ p: RecurrentInput, _ input: LayerInputs, _ c: Convention, in tr: Trace, once: SaidOnce, hooks: StepHooks? = nil) -> Layer {
        let w = words
        let rz = 0..<(2 * p.hidden)                                             // rows of the r and z blocks
        var hPrev = input.h0                                                    // H
        var (rs, zs, ns, hs): ([Traced], [Traced], [Traced], [Traced]) = ([], [], [], [])
        var (axs, ahs, rhs): ([Traced], [Traced], [Traced]) = ([], [], [])
        let stackedOnce = p.stackedLabels
        for k in 1...p.steps {
            let t = p.position(k)                                               // k, or T + 1 − k in reverse
            let x = hooks?.input(t) ?? input.xs[t - 1]                          // I (H above the first layer): chosen before the step's heading
            tr.section(p.repeats, k, of: p.steps, p.stepHeading(t))
            if p.startsChunk(t) { hPrev = hPrev.detached }                      // truncated BPTT
            lazy var slots = symbolSlots(p, t)                                  // for the words, made only when shown
            // a^x_t = W_ih x_t + b_ih                                          3H
            let ax = tr.record(p.named("ax[\(t)]"), p.symbol("a_{\(t)}", "x"), input.wIh * x + input.bIh,
                               p.preActivationCaption(w, "ax[t]", t, hPrev: nil, once: once), labels: stackedOnce)
            // a^h_t = W_hh h_{t-1} + b_hh                                      3H (reset after)
            // a^h_t = W_hh^{r,z} h_{t-1} + b_hh^{r,z}                          2H (reset before)
            let zeroState = c.key("zero state", reset: true)
            let ah = c.resetBefore
                ? tr.record(p.named("ah[\(t)]"), p.symbol("a_{\(t)}", "h"),
                            input.wHh.rows(rz, p.symbol("W_{hh}", "r,z")) * hPrev + input.bHh.rows(rz, p.symbol("b_{hh}", "r,z")),
                            once(w, "ah[t], reset before", adding: RecurrentInput.isZero(hPrev) ? [w(zeroState, slots)] : []),
                            labels: Labels(rowHeader: stackedOnce.rowHeader, rows: Array(stackedOnce.rows[rz])))
                : tr.record(p.named("ah[\(t)]"), p.symbol("a_{\(t)}", "h"), input.wHh * hPrev + input.bHh,
                            once(w, "ah[t]", adding: RecurrentInput.isZero(hPrev) ? [w(zeroState, slots)] : []), labels: stackedOnce)
            func block(_ part: Traced, _ g: Int, _ side: String, _ letter: String) -> Traced {
                part.rows(p.block(g), p.symbol("a_{\(t)}", "\(side),\(letter)"))
            }
            // r_t = σ(a^{x,r}_t + a^{h,r}_t)                                   H
            let rv = sigmoid(block(ax, 0, "x", "r") + block(ah, 0, "h", "r"))
            // With nothing for r to scale (a^{h,n} = 0, or h_{t-1} = 0 before the product), r is idle.
            let idle = c.resetBefore ? RecurrentInput.isZero(hPrev) : ah.value.flat[p.block(2)].allSatisfy { $0 == 0 }
            let r = tr.record(p.named("r[\(t)]"), p.symbol("r_{\(t)}"), rv, idle
                              ? once(w, c.key("r[t]", reset: true), adding: [w(c.key("r idle", reset: true), slots)])
                              : gateCaption(p, c.resetBefore ? "r before" : "r", c.key("r[t]", reset: true), t, rv, before: rs.last, once: once),
                              labels: p.unitLabels)
            // z_t = σ(a^{x,z}_t + a^{h,z}_t)                                   H
            let zv = sigmoid(block(ax, 1, "x", "z") + block(ah, 1, "h", "z"))
            let z = tr.record(p.named("z[\(t)]"), p.symbol("z_{\(t)}"), zv, updateCaption(p, c, t, zv, before: zs.last, hPrev: hPrev, once: once),
                              labels: p.unitLabels)
            let candidate: Traced
            if c.resetBefore {
                // n_t = tanh(a^{x,n}_t + W_hn (r_t ⊙ h_{t-1}) + b_hn)          H
                let rh = tr.record(p.named("rh[\(t)]"), p.symbol("r_{\(t)}") + #" \odot "# + p.symbol("h_{\(p.before(t))}"), hadamard(r, hPrev),
                                   once(w, "rh[t]"), labels: p.unitLabels)
                rhs.append(rh)
                candidate = tanh(block(ax, 2, "x", "n") + input.wHh.rows(p.block(2), p.symbol("W_{hn}")) * rh
                                 + input.bHh.rows(p.block(2), p.symbol("b_{hn}")))
            } else {
                // n_t = tanh(a^{x,n}_t + r_t ⊙ a^{h,n}_t)                       H
                candidate = tanh(block(ax, 2, "x", "n") + hadamard(r, block(ah, 2, "h", "n")))
            }
            let n = tr.record(p.named("n[\(t)]"), p.symbol("n_{\(t)}"), candidate, once(w, c.key("n[t]", reset: true)), labels: p.unitLabels)
            // h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}   (takes-candidate: z_t ⊙ n_t + (1 − z_t) ⊙ h_{t-1})   H
            let blend = c.takesCandidate ? hadamard(z, n) + hadamard(oneMinus(z), hPrev) : hadamard(oneMinus(z), n) + hadamard(z, hPrev)
            let h = tr.record(p.named("h[\(t)]"), p.symbol("h_{\(t)}"), blend, once(w, c.key("h[t]", update: true)), labels: p.unitLabels)
            rs.append(r); zs.append(z); ns.append(n); hs.append(h); axs.append(ax); ahs.append(ah)
            hPrev = h
            hooks?.after(t, h)
        }
        return Layer(p: p, inputs: input, ax: axs, ah: ahs, r: rs, z: zs, rh: rhs, n: ns, h: hs)
    }

    /// The slots of step t's words: the layer's symbols (Recurrent+Layers.swift) and the GRU's own:
    /// «ah», «ahn» (its blocks), «r», «bhh» and «bhhrz».
    static func symbolSlots(_ p: RecurrentInput, _ t: Int) -> [String: String] {
        p.symbolSlots(t).merging(["ah": p.symbol("a_{\(t)}", "h"), "ahn": p.symbol("a_{\(t)}", "h,n"), "r": p.symbol("r_{\(t)}"),
                                  "bhh": p.symbol("b_{hh}"), "bhhrz": p.symbol("b_{hh}", "r,z")]) { a, _ in a }
    }

    /// A gate's caption (`caption` names its words): its meaning once, then the units
    /// that have just come near 0 or 1, in the phrases "«band» low" and "«band» high".
    static func gateCaption(_ p: RecurrentInput, _ band: String, _ caption: String, _ t: Int, _ value: Traced, before: Traced?, once: SaidOnce) -> Caption {
        once(words, caption, adding: bandSayings(words, band, symbol: p.symbol("\(band.prefix(1))_{\(t)}"), now: value.value.flat,
                                                         before: before?.value.flat, bands: Band.gate))   // nil at the first step computed
    }

    /// z's caption: what it weighs (once), then the units that have just come near 0 or 1; a unit
    /// whose old state is 0 and that keeps it is said to ignore the step's input.
    static func updateCaption(_ p: RecurrentInput, _ c: Convention, _ t: Int, _ z: Traced, before: Traced?, hPrev: Traced,
                              once: SaidOnce) -> Caption {
        let band = c.takesCandidate ? "z flipped" : "z"
        let (now, prior, old) = (z.value.flat, before?.value.flat, hPrev.value.flat)                    // prior: nil at the first step
        let input = p.tokens.map { words("input, token", ["token": $0[t - 1]]) } ?? words("input, step", ["x": p.inputSymbol("\(t)")])
        let said = bandSayings(words, band, symbol: p.symbol("z_{\(t)}"), now: now, before: prior, bands: Band.gate) { old[$0] != 0 }
            + bandSayings(words, band + " zero", symbol: p.symbol("z_{\(t)}"), now: now, before: prior, bands: Band.gate,
                          slots: ["input": input]) { old[$0] == 0 }
        return once(words, c.key("z[t]", update: true), adding: said)
    }

    /// The convention's sentence on the other reset rule: the last state this example would end
    /// at under it, or that the numbers are the same (h_0 = 0 and one step, say). The rules differ
    /// twice: where r_t meets the old state (before or after W_hn mixes the units), and whether
    /// b_hn is scaled by r_t; with a b_hn, the same two runs without it say which counts more.
    static func otherRule(_ p: RecurrentInput, _ c: Convention) -> String {
        // Worked out for a slide-sized input only: four more passes would slow a large input down.
        guard !Trace.valuesOnly, p.steps * 3 * p.hidden * (p.inputSize + p.hidden) * p.layerCount <= 100_000 else { return words("other rule, large") }
        let otherRule = Convention(resetBefore: !c.resetBefore, takesCandidate: c.takesCandidate)
        let (this, other) = (lastState(p, c), lastState(p, otherRule))
        func apart(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) } }
        if apart(this, other) < 5e-5 { return words("other rule, same") }
        // The top layer's h_T, which the steps below compute: the note's own value, said as such.
        let last = p.symbol("h_{\(p.steps)}", inLayer: p.upper.count)
        let said = words("other rule", ["h": last, "other": vectorSaid(other), "this": vectorSaid(this)])
        guard let q = withoutBhn(p) else { return said }
        let (this0, other0) = (lastState(q, c), lastState(q, otherRule))
        let slots = ["this0": vectorSaid(this0), "other0": vectorSaid(other0)]
        // How far apart the rules end without b_hn, beside how far with it: the order's share.
        let share = apart(this0, other0) / apart(this, other)
        let key = share < 5e-5 ? "bias only" : share < 0.4 ? "mostly bias" : share < 0.8 ? "both" : "mostly order"
        return said + " " + words("other rule, " + key, slots)
    }

    /// The input with b_hn = 0 in every layer (the n rows of each b_hh), under PyTorch's keys so
    /// that its values are computed from these numbers; nil when every b_hn is 0 already.
    static func withoutBhn(_ p: RecurrentInput) -> RecurrentInput? {
        let n = p.block(2)
        func zeroed(_ b: Vector?) -> Vector? {
            b.map { var v = $0; for i in n { v.entries[i] = 0 }; return v }
        }
        let biases = [p.bHh] + p.upper.map(\.bHh)
        guard biases.contains(where: { b in b.map { v in n.contains { v[$0] != 0 } } ?? false }) else { return nil }
        var q = p
        q.bHh = zeroed(p.bHh)
        q.upper = p.upper.map { var w = $0; w.bHh = zeroed($0.bHh); return w }
        q.layout = .module
        return q
    }

    /// h_T under a convention: the same derivation, its values only (no words, no figures).
    static func lastState(_ p: RecurrentInput, _ c: Convention) -> [Double] {
        let trace = Trace.$valuesOnly.withValue(true) { derive(p, c, example: nil, file: "", backward: false) }
        return trace["h[\(p.steps)]"]?.value.flat ?? []
    }

    /// The seed statements this example's numbers bear on (GRU+Words.swift has them), each with
    /// its verdict computed from the values.
    static func slides(_ p: RecurrentInput, _ c: Convention, z: [Traced]) -> [String] {
        let w = words
        var bullets: [String] = []
        // Seed 002: "1 − input gate": the unit and step (shown, after the first where there is one)
        // whose update gate is furthest from one half.
        let steps = (1...p.steps).filter { p.isShown($0) && ($0 > 1 || p.steps == 1) }
        var best: (t: Int, u: Int, z: Double)?
        for t in steps {
            for (u, zu) in z[t - 1].value.flat.enumerated() where abs(zu - 0.5) > abs((best?.z ?? 0.5) - 0.5) { best = (t, u, zu) }
        }
        if let (t, u, zu) = best {
            bullets.append(w("slide one minus") + " " + w(c.takesCandidate ? "one minus, takes-candidate" : "one minus", [
                "u": "\(u + 1)", "t": "\(t)", "t-1": "\(t - 1)", "z": inSentence(zu), "rest": inSentence(1 - zu), "sup": p.sup]))
        }
        // Seed 002: lighter: three blocks of weights and biases where the LSTM has four.
        let (i, h) = (p.inputSize, p.hidden)
        bullets.append(w("slide lighter") + " " + w("lighter", [
            "I": "\(i)", "H": "\(h)", "gru": "\(3 * h * (i + h + 2))", "lstm": "\(4 * h * (i + h + 2))",
            "gruWork": "\(3 * h * (i + h))", "lstmWork": "\(4 * h * (i + h))"]))
        return bullets
    }

    /// The backward pass, step T first: ∂L/∂h_t, the candidate, the update and reset gates, and
    /// the two stacked pre-activations; then the inputs' sums.
    /// Step t of a layer's way back: ∂L/∂h_t (complete: step t + 1's shares are in), then the
    /// candidate's, the gates' and the pre-activations'.
    static func stepBack(_ s: Layer, _ t: Int, _ c: Convention, _ back: Backprop, once: SaidOnce) {
        let (w, lp) = (words, s.p)
        let slots = symbolSlots(lp, t)
        let k = lp.computed(t)
        back.record(s.h[k], lp.stateGradientCaption("h", t, once: once, between: (w, c.key("h[t].grad, gru", update: true))))
        back.record(s.n[k], once(w, c.key("n[t].grad", update: true), slots))
        if c.resetBefore { back.record(s.rh[k], once(w, "rh[t].grad", slots)) }
        back.record(s.z[k], once(w, c.key("z[t].grad", update: true), slots))
        // With nothing for r to scale, its gradient is 0: said where it happens, not once.
        let idle = c.resetBefore ? RecurrentInput.isZero(k == 0 ? s.inputs.h0 : s.h[k - 1])
            : s.ah[k].value.flat[lp.block(2)].allSatisfy { $0 == 0 }
        back.record(s.r[k], idle ? w.caption(c.key("r[t].grad, idle", reset: true), slots) : once(w, c.key("r[t].grad", reset: true), slots))
        back.record(s.ah[k], once(w, c.key("ah[t].grad", reset: true), slots))
        back.record(s.ax[k], once(w, "ax[t].grad", slots))
    }

    static func derivePass(back p: RecurrentInput, _ c: Convention, _ tr: Trace, _ input: RecurrentInput.Inputs, layers: [Layer]) {
        let w = words
        let gOut = p.beginBackward(in: tr, equations: w(c.key("backward equations", reset: true, update: true)))
        let back = Backprop(tr, differentiable: p.differentiable(input) + layers.flatMap(\.inputs.own))
        for (t, h) in layers[layers.count - 1].h.enumerated() { back.seed(h, gOut.row(t, "G_{\(t + 1)}")) }
        let once = SaidOnce()
        let biasHh = c.resetBefore ? "bias_hh_l0.grad, gru, reset before" : "bias_hh_l0.grad, gru"
        // The top layer first; each passes ∂L/∂h_t of the layer below down through its W_ih.
        for s in layers.reversed() {
            let lp = s.p
            lp.beginLayerBack(in: tr)
            for t in stride(from: p.steps, through: 1, by: -1) {
                tr.section(.stepsBack, p.steps + 1 - t, of: p.steps, p.stepHeading(t))
                stepBack(s, t, c, back, once: once)
            }
            lp.recordLayerGradients(back, s.inputs, in: tr)
        }
        p.recordInputGradients(back, input, in: tr, biasHh: biasHh, h0: "h0.grad, gru", hiddenSide: c.resetBefore ? nil : "h")
        p.endBackward(in: tr, back: back, states: layers.map { (letter: "h", values: $0.h, layer: p.isStacked ? $0.p.layer : nil) })
    }
}
