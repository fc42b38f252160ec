// rnn-unroll: a vanilla (Elman) RNN unrolled over a sequence, one time step after another.
//
// Convention (torch.nn.RNN, one layer, unbatched): column vectors, weights H × I and H × H,
//   a_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh,   h_t = tanh(a_t)  (or relu(a_t)).
// Others: the row form h_t = tanh(x_t W_x + h_{t-1} W + b) (seed 004) uses the transposed
// weights and one bias; Karpathy's char-rnn writes W_xh, W_hh for W_ih, W_hh.
// References: PyTorch docs for torch.nn.RNN; J. Elman, "Finding Structure in Time" (1990);
// seed notes 002 (RNN cell, unrolling, vanishing gradients) and 004 (row form).

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum RNNUnroll: RecurrentLesson {
    static let id = "rnn-unroll"
    static var summary: String { words("summary") }

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
        Example("vanishing", words, input: vanishingInput),
    ] + SourcedExamples.rnn

    /// Twenty steps of one input number, two units, and a loss on the last state only: the
    /// gradient's way back to step 1, to set beside lstm-gates' `vanishing` on the same sequence.
    static let vanishingSequence: JSON = .rows([[0.5], [-0.2], [0.9], [0.1], [-0.7], [0.3], [0.8], [-0.4], [0.6], [0], [-0.9], [0.2], [0.7], [-0.1], [0.4], [-0.6], [0.9], [-0.3], [0.5], [0.1]])
    static let vanishingInput: JSON = .fields([
        "input": vanishingSequence,
        "weight_ih_l0": .rows([[0.8], [-0.5]]),
        "weight_hh_l0": .rows([[0.4, -0.3], [0.2, 0.5]]),
        "grad_output": .rows(Array(repeating: [0, 0], count: 19) + [[1, 1]]),
    ])

    /// How much of its gradient's size the vanishing example keeps from step 20 back to step 1,
    /// ‖∂L/∂h_1‖ / ‖∂L/∂h_20‖: what lstm-gates' vanishing example sets its cell state beside.
    static func vanishingRatio() -> Double? {
        guard case .array(let rows) = vanishingSequence,
              let trace = try? trace(vanishingInput, file: "vanishing", example: nil, backward: true) else { return nil }
        func norm(_ t: Int) -> Double? { trace["h[\(t)].grad"].map { $0.value.flat.reduce(0) { $0 + $1 * $1 }.squareRoot() } }
        guard let first = norm(1), let last = norm(rows.count), last > 0 else { return nil }
        return first / last
    }

    static let alternatives = Alternative.switching("nonlinearity", words, [
        ("relu", "alternative relu"), ("tanh", "alternative tanh"),
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
        tr.heading(w("heading equations"))
        tr.math(w("equations", ["f": fSymbol]))
        tr.say(w("symbols, \(nonlinearity)"))
        p.sayLayers(in: tr)
        let input = p.present(in: tr, hiddenHolds: w("hidden holds"), extra: [], example: example)

        // Layer by layer (one with num_layers = 1), each reading the h_t of the one below.
        var layers: [Layer] = []
        let once = SaidOnce()
        for l in 0..<p.layerCount {
            let (lp, li) = p.beginLayer(l, in: tr, input, c0: nil, below: layers.last?.hs, heading: w("heading steps"))
            let (hs, pre) = forward(lp, li, f: f, nonlinearity: nonlinearity, in: tr, once: once)
            layers.append(Layer(p: lp, inputs: li, hs: hs, pre: pre))
        }

        // The slides box speaks of the layer that reads the sequence itself.
        p.slides(slides(layers[0].p, hs: layers[0].hs, pre: layers[0].pre, nonlinearity: nonlinearity), in: tr)
        for layer in layers {
            let (lp, hs) = (layer.p, layer.hs)
            lp.summaryHeading(w("heading summary"), in: tr)
            if lp.drawsFigures {
                tr.figure(.lines(title: lp.titled(w("figure h")), steps: p.stepLabels, panels: [
                    LinePanel(title: w("panel h"), series: unitSeries(hs), range: isTanh ? -1...1 : 0...1),
                ]), description: w("figure h, description, \(nonlinearity)"))
            }
            tr.summary(rowHeader: sharedWords("label t"), rows: p.stepLabels, columns: [(symbol: lp.symbol("h_{t}"), values: hs)])
            // The module's output is the top layer's h_t: what an output layer reads.
            if lp.isTop { tr.say(w("notice", ["hT": lp.symbol("h_{\(p.steps)}"), "ht": lp.symbol("h_{t}")])) }
        }
        if backward { derivePass(back: p, tr, input, layers: layers, nonlinearity: nonlinearity, example: example) }
        return tr
    }

    /// One layer's values: the layer as a one-layer input, its inputs, h_t and a_t per step.
    struct Layer {
        let p: RecurrentInput
        let inputs: LayerInputs
        let hs: [Traced]
        let pre: [Traced]
    }

    /// One layer over the sequence: a_t and h_t per step. Its names and symbols say the layer when
    /// there are several (Recurrent+Layers.swift).
    static func forward(_ p: RecurrentInput, _ input: LayerInputs, f: any ElementwiseFunction, nonlinearity: String, in tr: Trace,
                        once: SaidOnce, hooks: StepHooks? = nil) -> (hs: [Traced], pre: [Traced]) {
        let w = words
        var hPrev = input.h0                                                    // H
        var (hs, pre): ([Traced], [Traced]) = ([], [])
        for k in 1...p.steps {
            let t = p.position(k)                                               // k, or T + 1 − k in reverse
            let x = hooks?.input(t) ?? input.xs[t - 1]                          // I (H above the first layer): chosen before the step's heading
            tr.section(p.repeats, k, of: p.steps, p.stepHeading(t))
            if p.startsChunk(t) { hPrev = hPrev.detached }                      // truncated BPTT
            // a_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh                      H
            let a = tr.record(p.named("a[\(t)]"), p.symbol("a_{\(t)}"), input.wIh * x + input.bIh + input.wHh * hPrev + input.bHh,
                              p.preActivationCaption(w, "a[t]", t, hPrev: hPrev, once: once), labels: p.unitLabels)
            // h_t = f(a_t)                                                     H
            let fa = apply(f, a)
            let h = tr.record(p.named("h[\(t)]"), p.symbol("h_{\(t)}"), fa,
                              stateCaption(p, t, nonlinearity, a: a, h: fa, before: k == 1 ? nil : hPrev, once: once), labels: p.unitLabels)
            hs.append(h)
            pre.append(a)
            hPrev = h
            hooks?.after(t, h)
        }
        return (hs, pre)
    }

    /// h_t's caption: what the nonlinearity does (once), then the units that have just
    /// saturated (tanh) or just turned off (relu).
    static func stateCaption(_ p: RecurrentInput, _ t: Int, _ nonlinearity: String, a: Traced, h: Traced, before: Traced?, once: SaidOnce) -> Caption {
        let (now, prior) = (h.value.flat, before?.value.flat)
        let said = nonlinearity == "tanh"
            ? bandSayings(words, "h", symbol: p.symbol("h_{\(t)}"), now: now, before: prior, bands: Band.saturated)
            : bandSayings(words, "h", symbol: p.symbol("h_{\(t)}"), now: now, before: prior, bands: [Band(name: "off") { $0 == 0 }],
                          shown: (p.symbol("a_{\(t)}"), a.value.flat))
        return once(words, "h[t], \(nonlinearity)", adding: said)
    }

    /// The seed statements this example's numbers bear on (RNNUnroll+Words.swift has them), each
    /// with its verdict computed from the values.
    static func slides(_ p: RecurrentInput, hs: [Traced], pre: [Traced], nonlinearity: String) -> [String] {
        let w = words
        var bullets: [String] = []
        // Seed 002: the same input at two steps, told apart by the state.
        let rows = (0..<p.steps).map { t in (0..<p.inputSize).map { p.x[t, $0] } }
        var (seen, repeated): ([[Double]: Int], (s: Int, t: Int)?) = ([:], nil)
        for (t, row) in rows.enumerated() where p.isShown(t + 1) {
            if let s = seen[row] { repeated = (s, t); break }
            seen[row] = t
        }
        if let (s, t) = repeated {
            let (hs1, ht1) = (hs[s].value.flat, hs[t].value.flat)
            let slots = ["s": "\(s + 1)", "t": "\(t + 1)", "hs": vectorSaid(hs1), "ht": vectorSaid(ht1), "sup": p.sup]
            bullets.append(w("slide same input") + " " + w(hs1 == ht1 ? "same input, same state" : "same input, other state", slots))
        }
        // Seed 004: the row form, the same numbers transposed.
        if nonlinearity == "tanh" {
            let x1 = rows[0]
            let row = (0..<p.hidden).map { u in
                (0..<p.inputSize).reduce(0.0) { $0 + p.wIh[u, $1] * x1[$1] } + (p.bIh?[u] ?? 0) + (p.bHh?[u] ?? 0)
            }
            bullets.append(w("slide row form") + " " + w("row form", symbols(p).merging(["row": vectorSaid(row)]) { a, _ in a }))
        }
        // Seed 002: W_hh multiplied at every step back. One unit: the exact chain of factors;
        // several: a bound on its size, said only where it proves the gradient vanishes.
        if let verdict = powers(p, hs: hs, pre: pre, nonlinearity: nonlinearity) { bullets.append(w("slide powers") + " " + verdict) }
        return bullets
    }

    /// Seed 002's "by 0.2 tiny, by 3 huge", checked: with one unit, ∂h_T/∂h_0 as the product of its
    /// factors f′(a_t)·W_hh; with several, at most Π_t max_u f′(a_t)·‖W_hh‖_F (the Frobenius norm
    /// bounds the spectral one), said when that bound is below 0.1.
    static func powers(_ p: RecurrentInput, hs: [Traced], pre: [Traced], nonlinearity: String) -> String? {
        let isTanh = nonlinearity == "tanh"
        let slopes = (0..<p.steps).map { t in
            zip(hs[t].value.flat, pre[t].value.flat).map { h, a in isTanh ? 1 - h * h : (a > 0 ? 1.0 : 0) }
        }
        let a = p.symbol("a_{t}")
        let slots = symbols(p).merging(["T": "\(p.steps)", "slope": isTanh ? #"\tanh'(\#(a))"# : #"\operatorname{relu}'(\#(a))"#]) { a, _ in a }
        if p.hidden == 1 {
            let w = p.wHh[0, 0]
            let factors = slopes.reversed().map { $0[0] * w }
            let product = factors.reduce(1, *)
            let shown = factors.prefix(4).map(inSentence).joined(separator: ", ") + (factors.count > 4 ? ", …" : "")
            let all = slots.merging(["w": JSON.format(w), "factors": shown, "product": readable(product)]) { a, _ in a }
            if abs(product) == 1 { return nil }
            if abs(product) > 1 { return words("powers, grows", all) }
            guard abs(w) > 1 else { return words("powers, shrinks", all) }
            let verdict = words("powers, only when", all.merging(["condition": words("condition, \(nonlinearity)")]) { a, _ in a })
            guard isTanh else { return verdict }
            // The slide's other case: unsaturated (every a_t = 0, tanh' = 1), each factor is W_hh itself.
            let bound = all.merging(["bound": sized(pow(abs(w), Double(p.steps))), "inputs": zeroingInputs(p).map { words("unsaturated inputs", ["inputs": $0]) } ?? ""]) { _, b in b }
            return verdict + " " + words("powers, unsaturated", bound)
        }
        let norm = p.wHh.entries.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let bound = slopes.reduce(1.0) { $0 * ($1.max() ?? 0) * norm }
        guard bound < 0.1 else { return nil }
        return words("powers, bound", slots.merging(["norm": inSentence(norm), "bound": readable(bound)]) { a, _ in a })
    }

    /// The slots of the layer's symbols the words name: «Wih», «Whh», their transposes «WihT»,
    /// «WhhT», «hsq» ($h_{t}^{2}$, braced when $h_{t}$ has a superscript of its own) and «sup».
    static func symbols(_ p: RecurrentInput) -> [String: String] {
        ["Wih": p.symbol("W_{ih}"), "Whh": p.symbol("W_{hh}"), "WihT": p.transposed("W_{ih}"), "WhhT": p.transposed("W_{hh}"),
         "hsq": p.isStacked ? "{\(p.symbol("h_{t}"))}^{2}" : "h_{t}^{2}", "sup": p.sup]
    }

    /// A product in a sentence: as a given number (`9`) where it is one of moderate size, else `readable`.
    static func sized(_ x: Double) -> String {
        abs(x) >= 1e-3 && abs(x) < 1e4 ? NumberStyle(precision: 4).given(x) : readable(x)
    }

    /// With one input number and one unit, the inputs that make every pre-activation 0 (the tanh
    /// at its steepest): x_1 = −(W_hh h_0 + b)/W_ih, then x_t = −b/W_ih, as h_{t−1} = 0. In LaTeX.
    static func zeroingInputs(_ p: RecurrentInput) -> String? {
        guard p.inputSize == 1, p.hidden == 1, p.wIh[0, 0] != 0 else { return nil }
        let b = (p.bIh?[0] ?? 0) + (p.bHh?[0] ?? 0)
        let first = -(p.wHh[0, 0] * (p.h0?[0] ?? 0) + b) / p.wIh[0, 0]
        let later = -b / p.wIh[0, 0]
        let style = NumberStyle(precision: 4)
        let (x1, xt) = (style.given(first), style.given(later))
        switch p.steps {
        case 1: return "$x_{1} = \(x1)$"
        case 2: return words("list two inputs", ["x1": x1, "x2": xt])
        default: return words("list inputs", ["x1": x1, "xt": xt, "T": "\(p.steps)"])
        }
    }

    /// ∂L/∂a_t's caption: what the nonlinearity's slope does (said once), then what it does here: its
    /// value with one unit, the units saturated (tanh, slope below 0.1) or off (relu).
    static func slopeCaption(_ p: RecurrentInput, _ t: Int, a: Traced, h: Traced, nonlinearity: String, once: SaidOnce) -> Caption {
        let slope = h.value.flat.map { nonlinearity == "tanh" ? 1 - $0 * $0 : ($0 > 0 ? 1 : 0) }
        let oneUnit = p.hidden == 1 && nonlinearity == "tanh"
        let key = "a[t].grad, \(nonlinearity)" + (oneUnit ? ", one unit" : "")
        let adding = oneUnit ? [words("slope here", ["slope": NumberStyle(precision: 4).fixed(slope[0])])]
            : nonlinearity == "tanh" ? bandSayings(words, "gradient", symbol: p.symbol("h_{\(t)}"), now: h.value.flat, before: nil, bands: Band.saturated)
            : bandSayings(words, "gradient", symbol: p.symbol("h_{\(t)}"), now: h.value.flat, before: nil, bands: [Band(name: "off") { $0 == 0 }],
                          shown: (p.symbol("a_{\(t)}"), a.value.flat))
        return once(words, key, p.stepSlots(t), adding: adding)
    }

    /// With one unit, ∂h_T/∂h_0 as the product of its factors f′(a_t)·W_hh, t = T … 1 (seed notes
    /// 002's tanh′·3·tanh′·3), with the numbers.
    static func oneUnitChain(_ p: RecurrentInput, hs: [Traced], pre: [Traced], nonlinearity: String) -> String {
        let isTanh = nonlinearity == "tanh"
        let w = p.wHh[0, 0]
        let slopes = (0..<p.steps).reversed().map { t -> Double in
            isTanh ? 1 - hs[t].value.flat[0] * hs[t].value.flat[0] : (pre[t].value.flat[0] > 0 ? 1 : 0)
        }
        let style = NumberStyle(precision: 4)
        let factors = Array(zip((1...p.steps).reversed(), slopes))
        let shown = factors.count > 4 ? Array(factors.prefix(2)) + [nil] + [factors.last] : factors.map { Optional($0) }
        let given = JSON.format(w)
        let symbols = shown.map { f in f.map { (isTanh ? #"\tanh'"# : #"\operatorname{relu}'"#) + "(\(p.symbol("a_{\($0.0)}"))) \(p.symbol("W_{hh}"))" } ?? #"\cdots"# }
        let numbers = shown.map { f in f.map { "\(style.fixed($0.1)) \\cdot \(given)" } ?? #"\cdots"# }
        let product = slopes.reduce(1.0) { $0 * $1 * w }
        let sizes = slopes.map { abs($0 * w) }
        let verdict = sizes.allSatisfy { $0 < 1 } ? "chain shrinks" : sizes.allSatisfy { $0 > 1 } ? "chain grows" : "chain mixed"
        let layer = Self.symbols(p)
        let chain = words(isTanh ? "one unit chain" : "one unit chain, relu", layer.merging([
            "T": "\(p.steps)", "symbols": symbols.joined(separator: #" \cdot "#), "numbers": numbers.joined(separator: #" \cdot "#),
            "product": readable(product)]) { _, b in b }) + " " + words(verdict, layer.merging(["factors": sizes.prefix(4).map { style.fixed($0) }.joined(separator: ", ")
                                                                     + (sizes.count > 4 ? ", …" : "")]) { _, b in b })
        // tanh′ ≤ 1: |W_hh|^T is the largest the product can be, reached when no unit saturates
        // (the slides box says so already where the product is below 1).
        guard isTanh, abs(w) > 1, abs(product) >= 1 else { return chain }
        return chain + " " + words("one unit bound", layer.merging(["w": given, "T": "\(p.steps)", "bound": readable(pow(abs(w), Double(p.steps)))]) { _, b in b })
    }

    /// Step t of a layer's way back: ∂L/∂h_t (complete: the loss's share and step t + 1's are in), then ∂L/∂a_t.
    static func stepBack(_ lp: RecurrentInput, _ layer: Layer, _ t: Int, nonlinearity: String, _ back: Backprop, once: SaidOnce) {
        let (hs, pre, i) = (layer.hs, layer.pre, lp.computed(t))
        back.record(hs[i], lp.stateGradientCaption("h", t, once: once))
        back.record(pre[i], slopeCaption(lp, t, a: pre[i], h: hs[i], nonlinearity: nonlinearity, once: once))
    }

    /// The backward pass, from ∂L/∂h_t = G_t back through the steps: ∂L/∂a_t = ∂L/∂h_t ⊙ f′(a_t),
    /// ∂L/∂h_{t-1} gets W_hhᵀ ∂L/∂a_t, and each weight sums one term per step.
    static func derivePass(back p: RecurrentInput, _ tr: Trace, _ input: RecurrentInput.Inputs, layers: [Layer], nonlinearity: String,
                           example: Example?) {
        let g = p.beginBackward(in: tr, equations: words("backward equations, \(nonlinearity)"), story: example?.backwardStory)
        let back = Backprop(tr, differentiable: p.differentiable(input) + layers.flatMap(\.inputs.own))
        for (t, h) in layers[layers.count - 1].hs.enumerated() { back.seed(h, g.row(t, "G_{\(t + 1)}")) }
        let once = SaidOnce()
        // The top layer first; each passes ∂L/∂h_t of the layer below down through its W_ih.
        for layer in layers.reversed() {
            let (lp, hs, pre) = (layer.p, layer.hs, layer.pre)
            lp.beginLayerBack(in: tr)
            for t in stride(from: p.steps, through: 1, by: -1) {
                tr.section(.stepsBack, p.steps + 1 - t, of: p.steps, p.stepHeading(t))
                stepBack(lp, layer, t, nonlinearity: nonlinearity, back, once: once)
            }
            if p.hidden == 1 { tr.say(oneUnitChain(lp, hs: hs, pre: pre, nonlinearity: nonlinearity)) }
            lp.recordLayerGradients(back, layer.inputs, in: tr)
        }
        p.recordInputGradients(back, input, in: tr)
        p.endBackward(in: tr, back: back, states: layers.map { (letter: "h", values: $0.hs, layer: p.isStacked ? $0.p.layer : nil) })
    }
}
