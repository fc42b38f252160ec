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

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum LSTMGates: RecurrentLesson {
    static let id = "lstm-gates"
    static var summary: String { words("summary") }

    static let examples = [
        Example("default", words, input: defaultInput),
        Example("vanishing", words, input: .fields([
            "input": RNNUnroll.vanishingSequence,
            "weight_ih_l0": .rows([[0.5], [0.5], [0], [0], [1], [-1], [0.5], [0.5]]),
            "weight_hh_l0": .rows([[0.1, 0.1], [0.1, 0.1], [0.1, -0.1], [-0.1, 0.1], [0.4, -0.3], [0.2, 0.5], [0.1, 0.1], [0.1, 0.1]]),
            "bias_ih_l0": .numbers([0, 0, 3, 3, 0, 0, 0, 0]),
            "grad_output": .rows(Array(repeating: [0, 0], count: 19) + [[1, 1]]),
        ])),
        Example("two-layers", words, input: twoLayers),
    ] + SourcedExamples.lstm

    /// “Alice sleeps .”: weights chosen by hand so that unit 1 keeps the subject and unit 2 the clause.
    static let defaultInput: JSON = .fields([
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
        ])

    /// The default example as layer 1 of nn.LSTM(3, 2, num_layers=2), with a second layer on top
    /// that reads its h_t: unit 1 follows layer 1's subject unit, unit 2 its clause unit.
    static let twoLayers: JSON = {
        let layer2: KeyValuePairs<String, JSON> = [
            "weight_ih_l1": .rows([[2, 0], [0, 2],
                                   [1, 1], [1, 1],
                                   [2, -1], [-1, 2],
                                   [1, 0], [0, 1]]),
            "weight_hh_l1": .rows([[0.1, 0], [0, 0.1],
                                   [0, 0], [0, 0],
                                   [0.2, 0], [0, 0.2],
                                   [0, 0], [0, 0]]),
            "bias_ih_l1": .numbers([0, 0, 1, 1, 0, 0, 0, 0]),
            "bias_hh_l1": .numbers([0, 0, 0, 0, 0, 0, 0, 0]),
        ]
        return layer2.reduce(defaultInput) { input, field in input.setting(field.key, field.value) ?? input }
    }()

    /// TensorFlow 1's LSTMCell stacks its gates i, g (its "j"), f, o and adds 1 to the forget bias
    /// (in every layer of a stack).
    static let alternatives = [
        Alternative(words("alternative, gate order")) { reorderBlocks($0, [0, 2, 1, 3]) },
        Alternative(words("alternative, forget bias")) { input in
            var result = input
            for l in 0..<RecurrentInput.maxLayers {
                guard case .array(let weights)? = input["weight_ih_l\(l)"], weights.count % 4 == 0 else { return l == 0 ? nil : result }
                let h = weights.count / 4
                var bias = [Double](repeating: 0, count: 4 * h)
                if case .array(let given)? = input["bias_ih_l\(l)"] {
                    for (i, b) in given.enumerated() where i < bias.count { if case .number(let x, _) = b { bias[i] = x } }
                }
                for i in h..<(2 * h) { bias[i] += 1 }
                guard let next = result.setting("bias_ih_l\(l)", .numbers(bias)) else { return nil }
                result = next
            }
            return result
        },
    ]

    /// The stacked fields of every layer with their four blocks of rows put in `order`.
    static func reorderBlocks(_ input: JSON, _ order: [Int]) -> JSON? {
        var result = input
        let keys = (0..<RecurrentInput.maxLayers).lazy.prefix { input["weight_ih_l\($0)"] != nil }
            .flatMap { l in ["weight_ih_l\(l)", "weight_hh_l\(l)", "bias_ih_l\(l)", "bias_hh_l\(l)"] }
        for key in keys {
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
        p.sayLayers(in: tr)
        let input = p.present(in: tr, hiddenHolds: w("hidden holds"), extra: [
            (symbol: "4H", meaning: w("legend 4H"), size: 4 * p.hidden),
        ], example: example)
        let c0 = p.presentCellState(in: tr)

        // Layer by layer (one with num_layers = 1), each reading the h_t of the one below.
        var layers: [Layer] = []
        let once = SaidOnce()
        for l in 0..<p.layerCount {
            let (lp, li) = p.beginLayer(l, in: tr, input, c0: c0, below: layers.last?.h, heading: w("heading steps"))
            layers.append(forward(lp, li, in: tr, once: once))
        }

        // The slides box speaks of the layer that reads the sequence itself.
        let first = layers[0]
        p.slides(slides(first.p, i: first.i, f: first.f, g: first.g, o: first.o, c: first.c,
                        beside: example?.name == "vanishing" ? RNNUnroll.vanishingRatio() : nil), in: tr)
        for s in layers {
            let lp = s.p
            lp.summaryHeading(w("heading summary"), in: tr)
            if lp.drawsFigures {
                tr.figure(.lines(title: lp.titled(w("figure gates")), steps: p.stepLabels, panels: [
                    LinePanel(title: w("panel i"), series: unitSeries(s.i), range: 0...1),
                    LinePanel(title: w("panel f"), series: unitSeries(s.f), range: 0...1),
                    LinePanel(title: w("panel g"), series: unitSeries(s.g), range: -1...1),
                    LinePanel(title: w("panel o"), series: unitSeries(s.o), range: 0...1),
                ]), description: w("figure gates, description"))
                tr.figure(.lines(title: lp.titled(w("figure states")), steps: p.stepLabels, panels: [
                    LinePanel(title: w("panel c"), series: unitSeries(s.c), range: -1...1),
                    LinePanel(title: w("panel h"), series: unitSeries(s.h), range: -1...1),
                ]), description: w("figure states, description"))
            }
            if lp.layer == 0 { tr.say(w("summary gates")) }
            tr.summary(rowHeader: sharedWords("label t"), rows: p.stepLabels,
                       columns: [(symbol: lp.symbol("i_{t}"), values: s.i), (symbol: lp.symbol("f_{t}"), values: s.f),
                                 (symbol: lp.symbol("g_{t}"), values: s.g), (symbol: lp.symbol("o_{t}"), values: s.o)])
            if lp.layer == 0 { tr.say(w("summary states")) }
            tr.summary(rowHeader: sharedWords("label t"), rows: p.stepLabels,
                       columns: [(symbol: lp.symbol("c_{t}"), values: s.c), (symbol: lp.symbol("h_{t}"), values: s.h)])
        }
        if backward {
            derivePass(back: p, tr, input, c0: c0, layers: layers, story: example?.backwardStory)
        }
        return tr
    }

    /// One layer's values per step, and the layer as a one-layer input with its traced inputs.
    struct Layer {
        let p: RecurrentInput
        let inputs: LayerInputs
        let a, i, f, g, o, c, h: [Traced]
    }

    /// One layer over the sequence, gate by gate. Its names and symbols say the layer when there
    /// are several (Recurrent+Layers.swift).
    static func forward(_ p: RecurrentInput, _ input: LayerInputs, in tr: Trace, once: SaidOnce, hooks: StepHooks? = nil) -> Layer {
        let w = words
        var hPrev = input.h0                                                    // H
        var cPrev = input.c0 ?? input.h0                                        // H (c0 is always traced for the LSTM)
        var (iS, fS, gS, oS, cS, hS): ([Traced], [Traced], [Traced], [Traced], [Traced], [Traced]) = ([], [], [], [], [], [])
        var aS: [Traced] = []
        let stackedOnce = p.stackedLabels
        for k in 1...p.steps {
            let t = p.position(k)                                               // k, or T + 1 − k in reverse
            let x = hooks?.input(t) ?? input.xs[t - 1]                          // I (H above the first layer): chosen before the step's heading
            tr.section(p.repeats, k, of: p.steps, p.stepHeading(t))
            if p.startsChunk(t) { (hPrev, cPrev) = (hPrev.detached, cPrev.detached) }   // truncated BPTT
            // a_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh                      4H
            let a = tr.record(p.named("a[\(t)]"), p.symbol("a_{\(t)}"), input.wIh * x + input.bIh + input.wHh * hPrev + input.bHh,
                              p.preActivationCaption(w, "a[t]", t, hPrev: hPrev, once: once), labels: stackedOnce)
            func block(_ g: Int, _ letter: String) -> Traced { a.rows(p.block(g), p.symbol("a_{\(t)}", letter)) }
            // The gate values come first: their captions say which units are near 0 or 1.
            let (iv, fv, gv, ov) = (sigmoid(block(0, "i")), sigmoid(block(1, "f")), tanh(block(2, "g")), sigmoid(block(3, "o")))
            func said(_ gate: String, _ value: Traced, _ before: [Traced]) -> Caption {
                gateCaption(p, gate, t, value, before: k == 1 ? nil : before.last, once: once)
            }
            let i = tr.record(p.named("i[\(t)]"), p.symbol("i_{\(t)}"), iv, said("i", iv, iS), labels: p.unitLabels)                  // H
            let f = tr.record(p.named("f[\(t)]"), p.symbol("f_{\(t)}"), fv, RecurrentInput.isZero(cPrev)
                              ? once(w, "f[t]", adding: [w("zero cell", p.symbolSlots(t))]) : said("f", fv, fS), labels: p.unitLabels)  // H
            let g = tr.record(p.named("g[\(t)]"), p.symbol("g_{\(t)}"), gv, once(w, "g[t]"), labels: p.unitLabels)  // H
            let o = tr.record(p.named("o[\(t)]"), p.symbol("o_{\(t)}"), ov, said("o", ov, oS), labels: p.unitLabels)                  // H
            // c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t                                  H
            let c = tr.record(p.named("c[\(t)]"), p.symbol("c_{\(t)}"), hadamard(f, cPrev) + hadamard(i, g),
                              cellCaption(p, t, f, before: k == 1 ? nil : fS.last, once: once), labels: p.unitLabels)
            // h_t = o_t ⊙ tanh(c_t)                                             H
            let h = tr.record(p.named("h[\(t)]"), p.symbol("h_{\(t)}"), hadamard(o, tanh(c)), once(w, "h[t]"), labels: p.unitLabels)
            iS.append(i); fS.append(f); gS.append(g); oS.append(o); cS.append(c); hS.append(h); aS.append(a)
            (hPrev, cPrev) = (h, c)
            hooks?.after(t, h)
        }
        return Layer(p: p, inputs: input, a: aS, i: iS, f: fS, g: gS, o: oS, c: cS, h: hS)
    }

    /// A gate's caption: its meaning once, then the units that have just come near 0 or 1.
    static func gateCaption(_ p: RecurrentInput, _ gate: String, _ t: Int, _ value: Traced, before: Traced?, once: SaidOnce) -> Caption {
        once(words, "\(gate)[t]", adding: bandSayings(words, gate, symbol: p.symbol("\(gate)_{\(t)}"), now: value.value.flat,
                                                       before: before?.value.flat, bands: Band.gate))
    }

    /// c_t's caption: what it is and how its gradient goes back (once), then the units whose
    /// forget gate has just closed, which pass back little of it.
    static func cellCaption(_ p: RecurrentInput, _ t: Int, _ f: Traced, before: Traced?, once: SaidOnce) -> Caption {
        once(words, "c[t]", adding: bandSayings(words, "c", symbol: p.symbol("f_{\(t)}"), now: f.value.flat, before: before?.value.flat,
                                                 bands: [Band.gate[0]], slots: p.stepSlots(t).merging(["sup": p.sup]) { a, _ in a }))
    }

    /// The seed statements this example's numbers bear on (LSTMGates+Words.swift has them), each
    /// with its verdict computed from the values. `beside`: how much of its gradient's size the RNN
    /// of rnn-unroll's vanishing example keeps from its last step back to its first (the same
    /// sequence, for the vanishing example).
    static func slides(_ p: RecurrentInput, i: [Traced], f: [Traced], g: [Traced], o: [Traced], c: [Traced],
                       beside: Double?) -> [String] {
        let w = words
        let style = NumberStyle(precision: 4)
        func product(_ x: Double, _ y: Double) -> String { y < 0 ? "(\(style.fixed(y)))" : style.fixed(y) }
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
                "u": "\(u + 1)", "t": "\(t + 1)", "i": style.fixed(iu), "g": style.fixed(gu), "ig": style.fixed(ig), "sup": p.sup,
                "pct": NumberStyle(precision: 0).fixed(100 * iu)]))
        }
        // Seed 002: f as "forgetting some percent": f is the share kept; the lowest f shown that
        // has a nonzero cell to act on.
        var lowest: (t: Int, u: Int, f: Double)?
        for t in 0..<p.steps where p.isShown(t + 1) {
            let before = t == 0 ? (p.c0?.entries ?? []) : c[t - 1].value.flat
            for (u, fu) in f[t].value.flat.enumerated() where u < before.count && before[u] != 0 && fu < (lowest?.f ?? .infinity) {
                lowest = (t, u, fu)
            }
        }
        if let (t, u, fu) = lowest {
            let before = t == 0 ? (p.c0?[u] ?? 0) : c[t - 1].value.flat[u]
            bullets.append(w("slide forget share") + " " + w("forget share", [
                "u": "\(u + 1)", "t": "\(t + 1)", "t-1": "\(t)", "f": style.fixed(fu), "c": style.fixed(before), "sup": p.sup,
                "cc": product(fu, before), "fc": style.fixed(fu * before),
                "kept": NumberStyle(precision: 1).fixed(100 * fu), "lost": NumberStyle(precision: 1).fixed(100 * (1 - fu))]))
        }
        guard p.steps > 1 else { return bullets }
        // Seed 000: the conveyor belt: what share of its cell each unit passes on, at its lowest forget gate after step 1.
        let lowestPerUnit = (0..<p.hidden).compactMap { u in (1..<p.steps).map { (t: $0, f: f[$0].value.flat[u]) }.min { $0.f < $1.f } }
        // A unit whose forget gate falls below one half drops most of its cell: the gate drops it there.
        let breaks = lowestPerUnit.indices.filter { lowestPerUnit[$0].f < 0.5 }
        let keeping = lowestPerUnit.indices.filter { lowestPerUnit[$0].f >= 0.5 }
        let kept = keeping.map { lowestPerUnit[$0].f }.min().map(atLeast)
        if breaks.isEmpty, let kept {
            bullets.append(w("slide belt") + " " + w("belt, confirmed", ["min": kept]))
        } else {
            let said = breaks.prefix(3).map { u in
                w("belt break", ["u": "\(u + 1)", "t": "\(lowestPerUnit[u].t + 1)", "f": inSentence(lowestPerUnit[u].f), "sup": p.sup])
            }
            let slots = ["breaks": listed(said, more: breaks.count - said.count), "others": unitList(keeping, lower: true)]
            bullets.append(w("slide belt") + " " + (kept.map { w(keeping.count == 1 ? "belt, kept and dropped" : "belt, kept and dropped, several",
                                                                 slots.merging(["min": $0]) { a, _ in a }) }
                                                     ?? w("belt, only when, all", slots)))
        }
        // Seed 002: the additive update and the gradient: ∂c_T/∂c_1 along the cell's direct path is
        // f_2 ⊙ … ⊙ f_T; the whole Jacobian adds the paths through h and the gates.
        let (direct, symbol) = forgetProduct(p, f, from: 1)
        var beside = beside.map { w("additive, rnn", ["ratio": readable($0), "T": "\(p.steps)"]) } ?? ""
        if let whole = cellJacobianDiagonal(p, i: i, f: f, g: g, o: o, c: c) {
            beside += w("additive, whole", ["T": "\(p.steps)", "values": perUnit(whole), "sup": p.sup])
        }
        bullets.append(w("slide additive") + " " + w(direct.allSatisfy { $0 >= 0.995 } ? "additive, confirmed" : "additive, partly", [
            "T": "\(p.steps)", "product": symbol, "values": perUnit(direct), "beside": beside, "sup": p.sup]))
        return bullets
    }

    /// The diagonal of ∂c_T/∂c_1 with every path (the cell's direct one, and through h_{t-1} into the
    /// gates), by carrying one tangent per unit forward from c_1 (h_1 = o_1 ⊙ tanh(c_1) moves with
    /// it, o_1 does not). nil where that would be much work (it is H · T · 4H · H multiply-adds).
    static func cellJacobianDiagonal(_ p: RecurrentInput, i: [Traced], f: [Traced], g: [Traced], o: [Traced],
                                     c: [Traced]) -> [Double]? {
        let (hn, steps) = (p.hidden, p.steps)
        guard steps > 1, Double(hn * hn) * Double(4 * hn) * Double(steps) <= 1e7 else { return nil }
        func tanhSlope(_ x: Double) -> Double { let y = Foundation.tanh(x); return 1 - y * y }
        return (0..<hn).map { u in
            var dc = [Double](repeating: 0, count: hn)
            dc[u] = 1
            let (o1, c1) = (o[0].value.flat, c[0].value.flat)
            var dh = (0..<hn).map { k in o1[k] * tanhSlope(c1[k]) * dc[k] }
            for t in 1..<steps {
                let (it, ft, gt, ot, ct, cPrev) = (i[t].value.flat, f[t].value.flat, g[t].value.flat, o[t].value.flat, c[t].value.flat, c[t - 1].value.flat)
                // da = W_hh dh, per block; the gates' slopes from their values.
                func da(_ row: Int) -> Double { (0..<hn).reduce(0) { $0 + p.wHh[row, $1] * dh[$1] } }
                var next = [Double](repeating: 0, count: hn)
                for k in 0..<hn {
                    let di = it[k] * (1 - it[k]) * da(k)
                    let df = ft[k] * (1 - ft[k]) * da(hn + k)
                    let dg = (1 - gt[k] * gt[k]) * da(2 * hn + k)
                    next[k] = df * cPrev[k] + ft[k] * dc[k] + di * gt[k] + it[k] * dg
                }
                dh = (0..<hn).map { k in
                    let dO = ot[k] * (1 - ot[k]) * da(3 * hn + k)
                    return dO * Foundation.tanh(ct[k]) + ot[k] * tanhSlope(ct[k]) * next[k]
                }
                dc = next
            }
            return dc[u]
        }
    }

    /// Along the cell's direct path, ∂c_T/∂c_first = f_{first+1} ⊙ … ⊙ f_T, per unit, and its symbol
    /// in layer `p`.
    static func forgetProduct(_ p: RecurrentInput, _ f: [Traced], from first: Int) -> (product: [Double], symbol: String) {
        let last = f.count
        var product = [Double](repeating: 1, count: f.first?.value.count ?? 0)
        for t in (first + 1)...max(first + 1, last) where t <= last {
            for (u, fu) in f[t - 1].value.flat.enumerated() { product[u] *= fu }
        }
        let (from, to) = (p.symbol("f_{\(first + 1)}"), p.symbol("f_{\(last)}"))
        let symbol = last == first + 1 ? to : last == first + 2 ? #"\#(from) \odot \#(to)"# : #"\#(from) \odot \cdots \odot \#(to)"#
        return (product, symbol)
    }

    /// "0.8653 (unit 1) and 0.0700 (unit 2)": a product per unit, the first four.
    static func perUnit(_ values: [Double]) -> String {
        let said = values.prefix(4).enumerated().map { words("unit value", ["v": "$\(readable($1))$", "u": "\($0 + 1)"]) }
        return listed(said, more: values.count - said.count)
    }

    /// The backward pass, step T first: ∂L/∂h_t, then ∂L/∂c_t (through h_t and from c_{t+1} through
    /// f_{t+1} alone), the four gates, and their stacked pre-activation; then the inputs' sums.
    /// Step t of a layer's way back: ∂L/∂h_t and ∂L/∂c_t (complete: step t + 1's shares are in),
    /// then the gates' and the pre-activation's. `cStart`: the layer's c_0.
    static func stepBack(_ s: Layer, _ t: Int, cStart: Traced, _ back: Backprop, once: SaidOnce) {
        let (w, lp) = (words, s.p)
        let (slots, k) = (lp.symbolSlots(t), lp.computed(t))
        back.record(s.h[k], lp.stateGradientCaption("h", t, once: once))
        back.record(s.c[k], lp.stateGradientCaption("c", t, once: once))
        back.record(s.o[k], once(w, "o[t].grad", slots))
        back.record(s.g[k], once(w, "g[t].grad", slots))
        // With c_{t-1} = 0 there is nothing to forget: said where it happens, not once.
        back.record(s.f[k], k > 0 || !RecurrentInput.isZero(cStart) ? once(w, "f[t].grad", slots)
                    : lp.isStacked ? once.exactly(w, "f[t].grad, zero c0", slots) : w.caption("f[t].grad, zero c0", slots))
        back.record(s.i[k], once(w, "i[t].grad", slots))
        back.record(s.a[k], once(w, "a[t].grad", slots))
    }

    static func derivePass(back p: RecurrentInput, _ tr: Trace, _ input: RecurrentInput.Inputs, c0: Traced, layers: [Layer], story: String?) {
        let w = words
        let gOut = p.beginBackward(in: tr, equations: w("backward equations"), story: story)
        let back = Backprop(tr, differentiable: p.differentiable(input, c0: c0) + layers.flatMap(\.inputs.own))
        for (t, h) in layers[layers.count - 1].h.enumerated() { back.seed(h, gOut.row(t, "G_{\(t + 1)}")) }
        let once = SaidOnce()
        // The top layer first; each passes ∂L/∂h_t of the layer below down through its W_ih.
        for s in layers.reversed() {
            let lp = s.p
            lp.beginLayerBack(in: tr)
            let cStart = s.inputs.c0 ?? c0
            for t in stride(from: p.steps, through: 1, by: -1) {
                tr.section(.stepsBack, p.steps + 1 - t, of: p.steps, p.stepHeading(t))
                stepBack(s, t, cStart: cStart, back, once: once)
            }
            // The product of the forget gates is in the slides box; a cut (truncated BPTT) stops it sooner.
            if let k = p.bpttSteps, k < p.steps, p.steps > 1 {
                let first = ((p.steps - 1) / k) * k + 1                              // the last chunk's first step
                if first < p.steps {
                    let (product, symbol) = forgetProduct(lp, s.f, from: first)
                    tr.say(w("forget product", ["T": "\(p.steps)", "first": "\(first)", "product": symbol, "units": perUnit(product), "sup": lp.sup]))
                }
            }
            lp.recordLayerGradients(back, s.inputs, in: tr)
        }
        p.recordInputGradients(back, input, c0: c0, in: tr)
        p.endBackward(in: tr, back: back, states: layers.flatMap { s in
            [(letter: "h", values: s.h, layer: p.isStacked ? s.p.layer : nil), (letter: "c", values: s.c, layer: p.isStacked ? s.p.layer : nil)]
        })
    }
}
