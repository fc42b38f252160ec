// Stacked layers (nn.RNN/LSTM/GRU with num_layers > 1): layer l reads the hidden states of layer
// l − 1 as its input sequence, with weights of its own (weight_ih_l1 is gates·H × H), and starts
// from row l of h0 (num_layers × H, PyTorch's unbatched (num_layers, H)).
//
// Names: the values of the layers below the top carry PyTorch's index as a prefix (`l0.h[2]`,
// `l0.f[1]`); the top layer's keep the plain names, so `h[t]` is still row t of the module's
// output. Symbols: with more than one layer every symbol carries the layer's PyTorch index as a
// superscript, as the field names do: weight_ih_l1 is W_{ih}^{(1)}, l0.h[2] is h_{2}^{(0)}, and the
// top layer's h[2] is h_{2}^{(1)}. One layer keeps the one-layer names and symbols.
// References: PyTorch docs for torch.nn.LSTM ("num_layers", "h_0"); Graves 2013, "Generating
// Sequences With Recurrent Neural Networks" (deep RNNs: stacked hidden layers).

import JSONFormat
import LessonInput
import TraceCore

/// The weights of one layer above the first (PyTorch's l1, l2, …).
struct LayerWeights {
    let wIh: Matrix         // gates·H × H: it reads the layer below's h
    let wHh: Matrix         // gates·H × H
    let bIh: Vector?
    var bHh: Vector?
}

/// One layer's inputs as its derivation reads them: x_t per step (the sequence's rows for the
/// first layer; the layer below's recorded h_t above it, shown by reference), its weights and its
/// initial states (a row of h0 and c0 when there are several layers).
struct LayerInputs {
    let xs: [Traced]
    let wIh, wHh, bIh, bHh, h0: Traced
    let c0: Traced?
    /// The weights traced for this layer alone (layers above the first), for the backward pass.
    let own: [Traced]
}

/// The mark a cell's symbols wear (`RecurrentInput.mark`): LaTeX's `command` over the letter of
/// each symbol whose letter is in `letters`, as `\hat h_{2}` or `\overleftarrow{W_{ih}}`.
struct SymbolMark: Sendable {
    let command: String
    let letters: String
    /// Whether the initial states h_0 and c_0 wear it too (not the hat: they are the trained run's).
    let initialStates: Bool

    /// char-lm's generated steps: the step values; weights, biases, x and the initial states keep theirs.
    static let hat = SymbolMark(command: #"\hat"#, letters: "aifgocrznh", initialStates: false)
    /// birnn's two directions: every value and weight of the cell, not the sequence x it reads.
    static let forward = SymbolMark(command: #"\overrightarrow"#, letters: "aifgocrznhWb", initialStates: true)
    static let reverse = SymbolMark(command: #"\overleftarrow"#, letters: "aifgocrznhWb", initialStates: true)

    /// `base` (`h_{2}`, `W_{ih}`) marked, or as it is when its letter is not marked.
    func apply(_ base: String) -> String {
        guard let letter = base.first, letters.contains(letter), base.dropFirst().hasPrefix("_{"),
              initialStates || !base.hasSuffix("_{0}") else { return base }
        // The hat over its letter, without braces, as the notes have always written it (`\hat h_{2}`);
        // an arrow over the whole symbol (`\overleftarrow{h_{2}}`): one group, so that an equation
        // needs no parentheses around it, and no `}_{`, whose `_` GitHub may read as emphasis.
        return command == #"\hat"# ? "\(command) \(letter)" + base.dropFirst() : "\(command){\(base)}"
    }
}

/// What a model around the cell does at each step (char-lm): `input(t)` gives x_t when step t
/// begins (a generated text's next character, chosen at step t − 1), and `after(t, h_t)` records
/// what the model computes from h_t before step t + 1 begins.
struct StepHooks {
    let input: (Int) -> Traced
    let after: (Int, Traced) -> Void
}

extension RecurrentInput {
    /// The most layers read: enough for any real module, and a bound on the loop over the keys.
    static let maxLayers = 64
    /// A stack's cells (layers × steps): each is a handful of recorded values, whose count, not the
    /// arithmetic, is what a deep stack over a long sequence costs; four times one layer's most steps.
    static let maxLayerSteps = 8_192
    /// With --backward the gradient check reruns the whole stack twice for each array given (four
    /// a layer): at most this many layer-steps in all those reruns, each layer counted with 6 steps
    /// more for what it sets up (measured: an LSTM stack at the limit takes about 2.5 s).
    static let maxCheckedLayerSteps = 70_000
    /// The same for a model of two cells side by side (birnn's directions, seq2seq's encoder and
    /// decoder), whose reruns also build the model around the cells: at most this many cell-steps in
    /// all the reruns (measured: 65,600 took about 3 s, every array of a GRU given).
    static let maxCheckedCellSteps = 30_000

    /// The limits of a stack of more than one layer (one layer has its own, in steps and sizes).
    static func expectStackWork(_ reader: inout InputReader, layers: Int, steps: Int) throws {
        guard layers > 1 else { return }
        let cells = layers * steps
        guard cells <= maxLayerSteps else {
            throw reader.fail("\(layers) layers × \(steps) steps are \(cells) cells, more than the limit of \(maxLayerSteps) for a stack; use fewer layers or steps")
        }
        let reruns = 2 * (4 * layers + 3)
        let rerun = reruns * layers * (steps + 6)
        if reader.backward && rerun > maxCheckedLayerSteps {
            throw reader.fail("with --backward, the gradient check reruns the \(layers) layers \(reruns) times (twice for each array), about \(rerun) layer-steps, more than the limit of \(maxCheckedLayerSteps); use fewer layers or steps")
        }
    }

    var layerCount: Int { upper.count + 1 }
    /// Whether the module has more than one layer (then names and symbols say which).
    var isStacked: Bool { !upper.isEmpty }

    /// Whether this layer's summary draws its figures: in a deep stack only the first two layers'
    /// and the top one's are drawn, as a long run of steps shows only its first two and its last
    /// (the tables keep every layer's values).
    var drawsFigures: Bool { !(Repeats.leftOut(of: layerCount)?.contains(layer + 1) ?? false) }
    /// Whether this view is the top layer, whose h_t is the module's output.
    var isTop: Bool { layer == upper.count }

    /// A value's name in this layer: `l0.h[2]` below the top layer, `h[2]` in it (and with one layer).
    func named(_ name: String) -> String {
        let name = stateLetter != "h" && name.hasPrefix("h[") ? stateLetter + name.dropFirst() : name
        return namePrefix + (isTop ? name : "l\(layer).\(name)")
    }

    /// A symbol of this layer: `h_{2}^{(0)}` with several layers, `h_{2}` with one; `sup` is a
    /// superscript the symbol has anyway (a gate's block: `a_{2}^{(0),i}`).
    /// `inLayer`: another layer's symbol (the layer above's, in a lower layer's words).
    /// A tagged cell's symbols carry the tag first (`f_{2}^{\text{dec}}`), except its state, whose
    /// letter says which cell it is (seq2seq's h_i and s_t).
    func symbol(_ base: String, _ sup: String? = nil, inLayer other: Int? = nil) -> String {
        // A rerun that keeps values only (the gradient check's) shows no symbol: not worth building.
        if Trace.valuesOnly { return base }
        let isState = base.hasPrefix("h_{")
        let parts = (isState ? [] : tag.map { [#"\text{\#($0)}"#] } ?? []) + (isStacked ? ["(\(other ?? layer))"] : []) + (sup.map { [$0] } ?? [])
        var base = mark?.apply(base) ?? base
        if isState && stateLetter != "h" { base = stateLetter + base.dropFirst() }
        return parts.isEmpty ? base : base + "^{" + parts.joined(separator: ",") + "}"
    }

    /// `base` with the mark the symbols wear (`\overleftarrow{c_{5}}`), without the layer's superscript: for words that add «sup».
    func marked(_ base: String) -> String { mark?.apply(base) ?? base }

    /// A figure's title, with the layer it shows when there are several.
    func titled(_ title: String) -> String {
        isStacked ? title + layersWords(" figure, layer", layerSlots(layer)) : title
    }

    /// «n» (the student's count, from 1), «l» (PyTorch's index), «L» (layers).
    func layerSlots(_ l: Int) -> [String: String] { ["n": "\(l + 1)", "l": "\(l)", "L": "\(layerCount)", "below": "\(l - 1)"] }

    // MARK: Reading

    /// The layers above the first, from the keys given: weight_ih_l1, weight_hh_l1 (and optionally
    /// bias_ih_l1, bias_hh_l1), …, numbered from l0 without a gap.
    static func readUpperLayers(_ reader: inout InputReader, blocks: Int, stacked: String, hidden h: Int) throws -> [LayerWeights] {
        let indices = reader.keys.compactMap(layerIndex)
        guard let top = indices.max(), top > 0 else { return [] }
        if top >= maxLayers { throw reader.fail("\(reader.keys.first { layerIndex($0) == top } ?? "") names layer \(top + 1); at most \(maxLayers) layers are read (l0 … l\(maxLayers - 1))") }
        return try (1...top).map { l in
            let why = "layer \(l + 1) reads layer \(l)'s h"
            // A layer left out below one that is given: a gap, or a layer with biases and no weights.
            for (key, what) in [("weight_ih_l\(l)", "input"), ("weight_hh_l\(l)", "recurrent")] where !reader.keys.contains(key) {
                let given = reader.keys.first { (layerIndex($0) ?? -1) >= l } ?? ""
                throw reader.fail("missing field \(key): layer \(l + 1) (PyTorch's l\(l)) needs its \(what) weights, \(stacked) × hidden = \(blocks * h) × \(h), as \(given) is given (the layers are numbered from l0 without a gap)")
            }
            let wIh = try reader.requiredMatrix("weight_ih_l\(l)", "the input weights of layer \(l + 1) (PyTorch's l\(l)), \(stacked) × hidden")
            let wHh = try reader.requiredMatrix("weight_hh_l\(l)", "the recurrent weights of layer \(l + 1) (PyTorch's l\(l)), \(stacked) × hidden")
            for (m, key) in [(wIh, "weight_ih_l\(l)"), (wHh, "weight_hh_l\(l)")] where m.rows != blocks * h || m.cols != h {
                throw reader.fail("\(key) must be \(stacked) × hidden = \(blocks * h) × \(h) (\(why)), got \(m.rows) × \(m.cols)")
            }
            let bIh = try reader.vector("bias_ih_l\(l)", "\(stacked) numbers")
            let bHh = try reader.vector("bias_hh_l\(l)", "\(stacked) numbers")
            if let bIh { try reader.expect(bIh, "bias_ih_l\(l)", count: (stacked, blocks * h)) }
            if let bHh { try reader.expect(bHh, "bias_hh_l\(l)", count: (stacked, blocks * h)) }
            return LayerWeights(wIh: wIh, wHh: wHh, bIh: bIh, bHh: bHh)
        }
    }

    /// The layer index of a weight or bias key (`weight_ih_l1` → 1), nil for other keys.
    private static func layerIndex(_ key: String) -> Int? {
        let prefixes = ["weight_ih_l", "weight_hh_l", "bias_ih_l", "bias_hh_l"]
        guard let prefix = prefixes.first(where: { key.hasPrefix($0) }) else { return nil }
        let digits = key.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits == "0" || digits.first != "0" else { return nil }
        return Int(digits)
    }

    /// An initial state: one vector of H numbers for one layer; num_layers × H (a row per layer,
    /// PyTorch's unbatched (num_layers, H)) for several. Returns layer 0's row and, for several
    /// layers, the whole matrix.
    static func readState(_ reader: inout InputReader, _ key: String, _ what: String, hidden h: Int, layers: Int) throws -> (Vector?, Matrix?) {
        guard layers > 1 else {
            // PyTorch's own unbatched state of one layer is (1, H): one row, as a stack's.
            if reader.holdsRows(key), let m = try reader.matrix(key, "\(what), 1 × hidden: one row for the one layer") {
                guard m.rows == 1, m.cols == h else { throw reader.fail("\(key) must be hidden = \(h) numbers, or 1 × \(h) (PyTorch's (num_layers, H) for one layer), got \(m.rows) × \(m.cols)") }
                return (m.row(0), nil)
            }
            let v = try reader.vector(key, "\(what) (hidden numbers)")
            if let v { try reader.expect(v, key, count: ("hidden", h)) }
            return (v, nil)
        }
        let shape = "num_layers × hidden = \(layers) × \(h)"
        if case .array(let items)? = reader.peek(key), let first = items.first, case .number = first {
            throw reader.fail("\(key) must be \(shape), one row per layer as PyTorch's (num_layers, H): a vector of \(items.count) numbers is the state of one layer only")
        }
        guard let m = try reader.matrix(key, "\(what), \(shape): one row per layer") else { return (nil, nil) }
        guard m.rows == layers, m.cols == h else { throw reader.fail("\(key) must be \(shape), one row per layer, got \(m.rows) × \(m.cols)") }
        return (m.row(0), m)
    }

    /// Layer `l` seen as a one-layer input: its input sequence `x` (the layer below's h, T × H,
    /// above the first), its weights, and its rows of h0 and c0.
    init(layer l: Int, of whole: RecurrentInput, input x: Matrix) {
        let weights = l == 0 ? LayerWeights(wIh: whole.wIh, wHh: whole.wHh, bIh: whole.bIh, bHh: whole.bHh) : whole.upper[l - 1]
        (self.x, wIh, wHh, bIh, bHh) = (x, weights.wIh, weights.wHh, weights.bIh, weights.bHh)
        h0 = whole.h0Rows.map { $0.row(l) } ?? (l == 0 ? whole.h0 : nil)
        c0 = whole.c0Rows.map { $0.row(l) } ?? (l == 0 ? whole.c0 : nil)
        (tokens, gates, gradOutput, bpttSteps) = (whole.tokens, whole.gates, whole.gradOutput, whole.bpttSteps)
        (upper, h0Rows, c0Rows, layer) = (whole.upper, whole.h0Rows, whole.c0Rows, l)
        // Keras's layers and PyTorch's cells have one layer: a layer above the first is a module's.
        layout = l == 0 ? whole.layout : .module
        everyStepOneHot = x.rows > 1 && (0..<x.rows).allSatisfy { Self.oneHotColumn(x, $0) != nil }
    }

    // MARK: Tracing each layer

    /// The labels of h0's and c0's rows with several layers: one per layer.
    var stateLabels: Labels {
        Labels(rowHeader: layersWords("label layer"), rows: (0..<layerCount).map { layersWords("label layer l", layerSlots($0)) },
               columns: (1...hidden).map { sharedWords("label unit j", ["j": "\($0)"]) })
    }

    /// An initial state as shown: a vector for one layer, num_layers × H for several (zeros when left out).
    func stateValue(_ one: Vector?, _ rows: Matrix?) -> Value {
        guard isStacked else { return .vector(one ?? .zeros(hidden)) }
        return .matrix(rows ?? Matrix(rows: layerCount, cols: hidden, entries: Array(repeating: 0, count: layerCount * hidden)))
    }

    /// Starts layer `l`'s part of the steps: `heading` for one layer; with several, a heading per
    /// layer, and above the first, the layer's own weights and what it reads. Returns the layer as
    /// a one-layer input, and its traced inputs. `below`: the layer below's h_t, its input.
    func beginLayer(_ l: Int, in tr: Trace, _ inputs: Inputs, c0: Traced?, below: [Traced]?, heading: String,
                    own: Words? = nil, ownKey: (String) -> String = { $0 }) -> (RecurrentInput, LayerInputs) {
        guard isStacked else {
            tr.heading(heading)
            return (self, LayerInputs(xs: (0..<steps).map { inputs.x.row($0, "x_{\($0 + 1)}") }, wIh: inputs.wIh, wHh: inputs.wHh,
                                      bIh: inputs.bIh, bHh: inputs.bHh, h0: inputs.h0, c0: c0, own: []))
        }
        let w = layersWords
        let slots = layerSlots(l)
        tr.heading(w(l == upper.count ? "heading layer, top" : "heading layer", slots))
        let h0 = inputs.h0.row(l, "h_{0}^{(\(l))}")
        let c0Row = c0.map { $0.row(l, "c_{0}^{(\(l))}") }
        guard l > 0, let below else {
            tr.say(w("layer first", slots))
            let view = RecurrentInput(layer: 0, of: self, input: x)
            return (view, LayerInputs(xs: (0..<steps).map { inputs.x.row($0, "x_{\($0 + 1)}") }, wIh: inputs.wIh, wHh: inputs.wHh,
                                      bIh: inputs.bIh, bHh: inputs.bHh, h0: h0, c0: c0Row, own: []))
        }
        let rows = below.map { $0.value.flat }
        let view = RecurrentInput(layer: l, of: self, input: Matrix(rows: steps, cols: hidden, entries: rows.flatMap { $0 }))
        tr.say(w(l == upper.count ? "layer reads, top" : "layer reads", slots))
        // What these weights and biases are was said at layer 1's: here only their titles.
        func caption(_ key: String, _ slots: [String: String] = [:]) -> Caption {
            let caption = own.flatMap { $0.hasCaption(ownKey(key)) ? $0.caption(ownKey(key), slots) : nil } ?? recurrentWords.caption(key, slots)
            return Caption(title: caption.title, meaning: "")
        }
        let perRow = gates.isEmpty ? ""
            : recurrentWords(hidden == 1 ? "per row, one gate" : "per row, stacked", ["gates": gates.joined(separator: ", "), "H": "\(hidden)"])
        let unitColumns = (1...hidden).map { sharedWords("label unit j", ["j": "\($0)"]) }
        let stacked = Labels(rowHeader: stackedLabels.rowHeader, rows: stackedLabels.rows, columns: unitColumns)
        let wIh = tr.input("weight_ih_l\(l)", view.symbol("W_{ih}"), .matrix(view.wIh),
                           w.caption("weight_ih, upper", slots.merging(["per row": perRow]) { a, _ in a }), labels: stacked)
        let wHh = tr.input("weight_hh_l\(l)", view.symbol("W_{hh}"), .matrix(view.wHh), caption("weight_hh_l0", ["per row": perRow]), labels: stacked)
        let rowCount = view.wIh.rows
        let bIh = tr.input("bias_ih_l\(l)", view.symbol("b_{ih}"), .vector(view.bIh ?? .zeros(rowCount)), caption("bias_ih_l0"), labels: stackedLabels)
        let bHh = tr.input("bias_hh_l\(l)", view.symbol("b_{hh}"), .vector(view.bHh ?? .zeros(rowCount)), caption("bias_hh_l0"), labels: stackedLabels)
        let own = [wIh, wHh] + (view.bIh == nil ? [] : [bIh]) + (view.bHh == nil ? [] : [bHh])
        return (view, LayerInputs(xs: below, wIh: wIh, wHh: wHh, bIh: bIh, bHh: bHh, h0: h0, c0: c0Row, own: own))
    }

    /// With several layers, where the notation differs from the one-layer notes: said after the equations.
    func sayLayers(in tr: Trace) {
        guard isStacked else { return }
        tr.say(layersWords("layers", layerSlots(upper.count).merging(["stack": gates.isEmpty ? "H" : "\(gates.count)H"]) { a, _ in a }))
    }

    /// The summary's heading, before the first layer's; with several layers, a heading per layer below it.
    func summaryHeading(_ heading: String, in tr: Trace) {
        if layer == 0 { tr.heading(heading) }
        if isStacked { tr.heading(layersWords("heading layer summary", layerSlots(layer)), level: 3) }
    }

    /// `^{(0)}` after a symbol written in the words (`$c_{«t»}«sup»$`) with several layers; nothing with one.
    var sup: String { isStacked ? "^{(\(layer))}" : tag.map { #"^{\text{\#($0)}}"# } ?? "" }

    /// A symbol of this layer, transposed: `W_{ih}^{(0)\top}` with several layers, `W_{ih}^{\top}` with one.
    func transposed(_ base: String, inLayer other: Int? = nil) -> String {
        (mark?.apply(base) ?? base) + (isStacked ? "^{(\(other ?? layer))\\top}" : tag.map { #"^{\text{\#($0)}\top}"# } ?? "^{\\top}")
    }

    /// This layer's input at step `t` as a symbol: $x_{t}$ in the first layer, the layer below's
    /// $h_{t}^{(l-1)}$ above it.
    func inputSymbol(_ t: String) -> String { layer == 0 ? "x_{\(t)}" + inputSuperscript : "h_{\(t)}^{(\(layer - 1))}" }

    /// The pre-activation $W_{ih}$ writes into at step `t`: $a_{t}$, the GRU's input part $a_{t}^{x}$.
    func inputSide(_ t: String, inLayer other: Int? = nil) -> String {
        symbol("a_{\(t)}", gates == ["r", "z", "n"] ? "x" : nil, inLayer: other)
    }

    /// The slots of the symbols a layer's words name, for step `t`: «h-1» (the state before it),
    /// «c-1» (the cell state before it, without the layer's superscript: the words add «sup»), «x» (its input), «Wih», «Whh», «a» (the pre-activation W_ih writes into), «sup».
    func symbolSlots(_ t: Int) -> [String: String] {
        stepSlots(t).merging(["h-1": symbol("h_{\(before(t))}"), "c-1": marked("c_{\(before(t))}"), "x": inputSymbol("\(t)"), "Wih": symbol("W_{ih}"), "Whh": symbol("W_{hh}"),
                              "a": inputSide("\(t)"), "sup": sup]) { a, _ in a }
    }

    // MARK: The backward pass

    /// With several layers: the heading of this layer's steps back (the top layer's first), at the
    /// level of the forward pass's layers so that its steps sit under it; below the top, what
    /// takes the place of the loss's share G_t.
    func beginLayerBack(in tr: Trace) {
        guard isStacked else { return }
        let slots = layerSlots(layer)
        tr.heading(layersWords(isTop ? "heading layer back, top" : "heading layer back", slots))
        guard !isTop else { return }
        tr.say(layersWords("backward below", slots.merging([
            "above": "\(layer + 2)", "WihT": transposed("W_{ih}", inLayer: layer + 1), "a": inputSide("t", inLayer: layer + 1),
            "h": symbol("h_{t}")]) { a, _ in a }))
    }

    /// The gradients of a layer's own weights (a layer above the first), after its steps back:
    /// they are complete once the layer is done, before the layer below begins.
    func recordLayerGradients(_ back: Backprop, _ li: LayerInputs, in tr: Trace) {
        guard layer > 0 else { return }
        let slots = layerSlots(layer)
        tr.heading(layersWords("heading layer weights", slots), level: 3)
        back.record(li.wIh, layersWords.caption("weight_ih, upper.grad", slots))
        back.record(li.wHh, layersWords.caption(RecurrentInput.isZero(li.h0) ? "weight_hh, upper.grad, zero h0" : "weight_hh, upper.grad", slots))
        back.record(li.bIh, layersWords.caption("bias_ih, upper.grad", slots))
        back.record(li.bHh, layersWords.caption("bias_hh, upper.grad", slots))
    }
}

/// The words of stacked layers.
let layersWords = Words(
    captions: [
        "weight_ih, upper": ("Input weights", #"Multiplies $h_{t}^{(«below»)}$, the hidden state of the layer below at step t«per row»."#),
        "weight_ih, upper.grad": ("gradient of the input weights", #"One term $\frac{\partial L}{\partial a_{t}^{(«l»)}} h_{t}^{(«below»)\top}$ per step, summed: the same $W_{ih}^{(«l»)}$ acted at every step."#),
        "weight_hh, upper.grad": ("gradient of the recurrent weights", #"One term $\frac{\partial L}{\partial a_{t}^{(«l»)}} h_{t-1}^{(«l»)\top}$ per step, summed: backpropagation through time in layer «n»."#),
        "weight_hh, upper.grad, zero h0": ("gradient of the recurrent weights", #"One term $\frac{\partial L}{\partial a_{t}^{(«l»)}} h_{t-1}^{(«l»)\top}$ per step, summed: backpropagation through time in layer «n». $h_{0}^{(«l»)} = 0$, so step 1 adds nothing."#),
        "bias_ih, upper.grad": ("gradient of the input bias", #"Layer «n»'s input bias: the sum over the steps of what its step passes back to it, as for layer 1's below."#),
        "bias_hh, upper.grad": ("gradient of the recurrent bias", #"Layer «n»'s recurrent bias: the sum over the steps of what its step passes back to it, as for layer 1's below."#),
        "h[t].grad, below": ("gradient of the hidden state", #"What step t + 1 passes back through $«WhhT»$, plus what the layer above passes down from its step t through its input weights."#),
        "h[t].grad, below, last": ("gradient of the hidden state", #"Only what the layer above passes down from its step «t»: no later step of this layer uses $h_{«t»}«sup»$."#),
        "h[t].grad, below, cut": ("gradient of the hidden state", #"Only what the layer above passes down from its step «t»: $h_{«t»}«sup»$ entered step «t+1» detached (truncated BPTT), so nothing flows back from there."#),
    ],
    text: [
        "layers": #"""
            **«L» layers**, stacked as `num_layers = «L»` stacks them: layer 1 (PyTorch's l0) reads the \#
            sequence $x_{t}$; each layer above reads the hidden states $h_{t}$ of the layer below as its input \#
            sequence, with weights of its own (`weight_ih_l1` is «stack» × H: it reads the H numbers of the layer \#
            below). The equations above hold in every layer. **Notation**: where the one-layer \#
            notes write $h_{t}$, $W_{ih}$, …, here a superscript gives PyTorch's layer index, as the field \#
            names do: $h_{t}^{(0)}$ is layer l0's, $W_{ih}^{(1)}$ is `weight_ih_l1`. In the value names the \#
            layers below the top carry the prefix `l0.`, `l1.`, … (`l0.h[2]`); the top layer's keep the \#
            plain names, so `h[t]` is the module's output at step t. `h0` (and `c0`) has one row per layer.
            """#,
        "layer first": #"It reads the input sequence: $x_{t}$ is row t of $X$."#,
        "layer reads": #"Its input at step t is $h_{t}^{(«below»)}$, the hidden state of the layer below (shown above in its part; `l«below».h[t]`): the same equations, with $x_{t} = h_{t}^{(«below»)}$. Its own weights:"#,
        "layer reads, top": #"Its input at step t is $h_{t}^{(«below»)}$, the hidden state of the layer below (shown above in its part; `l«below».h[t]`): the same equations, with $x_{t} = h_{t}^{(«below»)}$. Its $h_{t}$ is the module's output. Its own weights:"#,
        "heading layer": "Layer «n» of «L» (PyTorch's l«l»), step by step",
        "heading layer, top": "Layer «n» of «L» (PyTorch's l«l», the top), step by step",
        "backward below": #"The loss does not see this layer's $«h»$: in the equations above, $G_{t}$ is replaced by what layer «above» passes down from its step t, $«WihT» \frac{\partial L}{\partial «a»}$, and every other symbol takes the superscript («l»)."#,
        "heading layer back": "Layer «n» of «L» (PyTorch's l«l»), back through the steps",
        "heading layer back, top": "Layer «n» of «L» (PyTorch's l«l», the top), back through the steps",
        "heading layer weights": "Layer «n»'s weights' gradients (PyTorch's l«l»)",
        "heading input gradients": "Layer «n»'s weights' gradients (PyTorch's l«l»), and the inputs': one term per step",
        "backward layers": #"""
            The top layer first: each of its steps passes a gradient down to the input it read, the \#
            hidden state of the layer below, which then goes back through its own steps the same way. The \#
            equations above are the top layer's, every symbol with the superscript («l»).
            """#,
        " figure, layer": ", layer «n» (PyTorch's l«l»)",
        "heading layer summary": "Layer «n» of «L» (PyTorch's l«l»)",
        "slides layer": #"The slides speak of one layer reading the sequence: here that is layer «n» (PyTorch's l«l»), so the numbers below are its own, each symbol with the superscript («l»)."#,
        "label layer": "layer",
        "legend L": "layers (`num_layers`), each reading the hidden states of the one below",
        "label layer l": "l«l»",
        "panel gradient size, layer": "‖∂L/∂«state»ₜ‖, l«l»",
    ],
    korean: layersKorean)
