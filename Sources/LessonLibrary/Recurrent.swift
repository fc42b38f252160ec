// What the three recurrent lessons share: PyTorch's fields (weight_ih_l0, …), read and checked
// with the gates stacked in rows, and shown as labelled input tables; the layers of a stack
// (weight_ih_l1, …) in Recurrent+Layers.swift; a cell's keys and Keras's arrays in
// RecurrentLayouts.swift.

import Foundation
import JSONFormat
import LessonInput
import TraceCore

/// The inputs of `nn.RNN`, `nn.LSTM` or `nn.GRU` with one layer and an unbatched sequence.
struct RecurrentInput {
    let x: Matrix           // T × I, row t is x_t
    let wIh: Matrix         // gates·H × I
    let wHh: Matrix         // gates·H × H
    let bIh: Vector?        // gates·H, zeros when not given
    var bHh: Vector?        // var: the GRU takes its b_hn out to show what it adds (GRU.otherRule)
    let h0: Vector?         // H, zeros when not given (layer 0's row of h0Rows with several layers)
    let c0: Vector?         // H (LSTM only)
    var upper: [LayerWeights]   // the layers above the first (Recurrent+Layers.swift); [] for one layer
    let h0Rows: Matrix?     // num_layers × H, with several layers
    let c0Rows: Matrix?
    /// The layer this input is seen as (0 for the whole module: its fields are layer 0's).
    let layer: Int
    var tokens: [String]?   // var: char-lm's generated steps are labelled with what they read
    let gates: [String]     // ["i", "f", "g", "o"], one letter per stacked block; [] for the RNN
    let gradOutput: Matrix? // T × H: ∂L/∂h_t in row t (the backward pass), ones when not given
    let bpttSteps: Int?     // truncated BPTT: the state entering every k-th step is detached
    /// Whether every x_t is one-hot (then the note says so once, for all steps).
    let everyStepOneHot: Bool
    /// The keys the weights were given under: PyTorch's, a cell's or Keras's (RecurrentLayouts.swift).
    var layout: WeightLayout
    /// What the steps are called in headings (the time steps; a generated text's steps in char-lm).
    var repeats = Repeats.timeSteps
    /// Put before every value's name (`gen.` for char-lm's generated steps).
    var namePrefix = ""
    /// The loss's share of ∂L/∂h_t in LaTeX, for index t: char-lm's W_fcᵀ ∂L/∂y_t; nil where the
    /// loss gives it as G_t.
    var share: ((String) -> String)?
    /// What the input's columns are, for the tables of W_ih (char-lm's characters); nil numbers them.
    var inputNames: [String]?
    /// The mark the symbols wear: a hat on char-lm's generated steps (ĥ_k, beside the trained ones),
    /// an arrow on each direction's values and weights in birnn (→h_t, ←W_ih).
    var mark: SymbolMark?
    /// The letter of the step's index in headings: `t`, or seq2seq's encoder's `i` (its source positions).
    var indexLetter = "t"
    /// A superscript on the input x_t the cell reads (seq2seq's decoder's `^{\text{dec}}`); "" for none.
    var inputSuperscript = ""
    /// The letter of the state in names and symbols: `h`, or seq2seq's decoder's `s` (`dec.s[t]`, s_t).
    var stateLetter = "h"
    /// A word every symbol of the cell but its state carries as a superscript (seq2seq's `enc`, `dec`:
    /// `W_{ih}^{\text{enc}}`, `f_{2}^{\text{dec}}`); nil for none.
    var tag: String?
    /// A model's own caption for ∂L/∂h_t (or ∂L/∂c_t: `state` is "h" or "c") at position t, where
    /// what reaches the state is not what reaches a lone cell's (seq2seq's states feed the attention
    /// too); nil keeps the cell's.
    var ownStateGradient: ((_ state: String, _ t: Int) -> Caption?)?
    /// Whether the cell reads the sequence from its last row to its first (birnn's reverse direction).
    /// Names, symbols and headings keep the position in the sequence: the k-th step computed is at
    /// position T + 1 − k, and the values are kept in the order computed.
    var reversed = false

    var steps: Int { x.rows }
    var inputSize: Int { x.cols }
    var hidden: Int { wHh.cols }

    /// The largest sizes accepted, so a typo cannot ask for gigabytes.
    static let maxSteps = 2_048
    static let maxSize = 1_024

    /// Reads the fields in the order a student would write them; `gates` are the stacked blocks.
    init(_ reader: inout InputReader, gates: [String], cellState: Bool) throws {
        let blocks = max(gates.count, 1)
        let stacked = blocks == 1 ? "hidden" : "\(blocks)·hidden"
        let x = try reader.requiredMatrix("input", "the sequence, one row of input numbers per time step")
        // Keras's arrays are read (and checked) by the layout and come out in PyTorch's rows.
        layout = try WeightLayout(&reader, gates: gates, inputSize: x.cols)
        let (wIh, wHh, bIh, bHh, h) = try Self.readWeights(&reader, layout: layout, blocks: blocks, input: ("input", x.cols),
                                                            beforeShapes: { reader in
            try reader.expect(x.rows, "the number of time steps (rows of input)", atMost: Self.maxSteps)
            try reader.expect(x.cols, "the input size (columns of input)", atMost: Self.maxSize)
        })
        let upper = try Self.readUpperLayers(&reader, blocks: blocks, stacked: stacked, hidden: h)
        try Self.expectStackWork(&reader, layers: upper.count + 1, steps: x.rows)
        let (h0, h0Rows) = try Self.readState(&reader, "h0", "the initial hidden state", hidden: h, layers: upper.count + 1)
        var (c0, c0Rows): (Vector?, Matrix?) = (nil, nil)
        if cellState { (c0, c0Rows) = try Self.readState(&reader, "c0", "the initial cell state", hidden: h, layers: upper.count + 1) }
        tokens = try reader.labels("tokens", count: x.rows, per: "time step (row of input)")
        gradOutput = try reader.matrix("grad_output", "∂L/∂output for the backward pass, T × hidden: row t is ∂L/∂h_t")
        if let gradOutput { try reader.expect(gradOutput, "grad_output", rows: ("T (rows of input)", x.rows), cols: ("hidden", h)) }
        bpttSteps = try reader.integer("bptt_steps", "the steps of each chunk of truncated backpropagation through time")
        if let k = bpttSteps, k < 1 { throw reader.fail("bptt_steps must be a whole number ≥ 1, got \(k)") }
        // Per step the stacked products; the trace holds the inputs (biases and states shown even
        // when left out) and per step a and h (RNN) or the stacked rows and six H-vectors (LSTM, GRU).
        // Each layer above the first: its weights and biases, and the same per step, reading H numbers.
        // Keras's arrays are shown too, beside PyTorch's weights worked out from them.
        let (t, stackRows, hd, layers) = (Double(x.rows), Double(blocks * h), Double(h), Double(upper.count + 1))
        let inputs = Double(x.entries.count + wIh.entries.count + wHh.entries.count + (layout.keras?.numbers ?? 0))
            + 2 * stackRows + hd * (cellState ? 2 : 1) * layers + Double(upper.count) * stackRows * (2 * hd + 2)
        let work = t * stackRows * Double(x.cols + h) + Double(upper.count) * t * stackRows * 2 * hd
        // The backward pass adds per step an outer product for each weight (the terms of its sum).
        try reader.expectWork(multiplyAdds: work,
                              traceNumbers: inputs + t * (blocks == 1 ? 2 * hd : 10 * hd) * layers,
                              backwardNumbers: work)
        (self.x, self.wIh, self.wHh, self.bIh, self.bHh, self.h0, self.c0) = (x, wIh, wHh, bIh, bHh, h0, c0)
        (self.upper, self.h0Rows, self.c0Rows, layer) = (upper, h0Rows, c0Rows, 0)
        self.gates = gates
        everyStepOneHot = x.rows > 1 && (0..<x.rows).allSatisfy { Self.oneHotColumn(x, $0) != nil }
    }

    /// The cell's weights and biases, gates stacked in rows, under `layout`'s keys (Keras's arrays
    /// come read already, in PyTorch's rows), checked against the width of what the cell reads,
    /// `input`: (what it is, its size). `beforeShapes`: the checks of the caller's own sizes, said
    /// before the weights' shapes.
    static func readWeights(_ reader: inout InputReader, layout: WeightLayout, blocks: Int, input: (String, Int),
                            beforeShapes: (inout InputReader) throws -> Void = { _ in })
        throws -> (wIh: Matrix, wHh: Matrix, bIh: Vector?, bHh: Vector?, hidden: Int) {
        let stacked = blocks == 1 ? "hidden" : "\(blocks)·hidden"
        let (ih, hh, bih, bhh) = layout.fields
        let wIh = try layout.keras?.wIh ?? reader.requiredMatrix(ih, "the input weights, \(stacked) × input")
        let wHh = try layout.keras?.wHh ?? reader.requiredMatrix(hh, "the recurrent weights, \(stacked) × hidden")
        let h = WeightLayout.hidden(wHh, blocks: blocks)
        try beforeShapes(&reader)
        try reader.expect(h, "the hidden size (columns of \(hh))", atMost: Self.maxSize)
        // W_hh first: its columns give the hidden size, so a W_hh of the wrong rows is W_hh's fault.
        try reader.expect(wHh, hh, rows: (stacked, blocks * h), cols: ("hidden", h),
                          stored: WeightLayout.pyTorchStores(hh, "\(stacked) × hidden", transposeOf: "recurrent_kernel"))
        try reader.expect(wIh, ih, rows: (stacked, blocks * h), cols: input,
                          stored: WeightLayout.pyTorchStores(ih, "\(stacked) × input", transposeOf: "kernel"))
        let bIh = try layout.keras.map(\.bIh) ?? reader.vector(bih, "\(stacked) numbers")
        let bHh = try layout.keras.map(\.bHh) ?? reader.vector(bhh, "\(stacked) numbers")
        if let bIh { try reader.expect(bIh, bih, count: (stacked, blocks * h)) }
        if let bHh { try reader.expect(bHh, bhh, count: (stacked, blocks * h)) }
        return (wIh, wHh, bIh, bHh, h)
    }

    // MARK: Labels


    /// The heading of time step t: `t = 1 · "Alice"`.
    func stepHeading(_ t: Int) -> String {
        guard let tokens else { return sharedWords("label step", ["letter": indexLetter, "t": "\(t)"]) }
        return sharedWords("label step, token", ["letter": indexLetter, "t": "\(t)", "token": tokens[t - 1]])
    }

    var stepLabels: [String] { sequenceLabels(tokens, count: steps) }

    /// Rows of a stacked weight or bias: `i₁, i₂, f₁, f₂, …`.
    var stackedLabels: Labels {
        let rows = gates.isEmpty ? (1...hidden).map { "\($0)" }
            : gates.flatMap { g in (1...hidden).map { "\(g)\(subscripted($0))" } }
        return Labels(rowHeader: sharedWords(gates.isEmpty ? "label unit" : "label gate, unit"), rows: rows)
    }

    var unitLabels: Labels { Labels(rowHeader: sharedWords("label unit")) }

    // MARK: Tracing the inputs

    /// The inputs as traced values, for the lesson's equations.
    struct Inputs {
        let x, wIh, wHh, bIh, bHh, h0: Traced
        /// Keras's arrays as given (kernel, recurrent_kernel, bias), which wIh … bHh are worked out from.
        var given: [Traced] = []
    }

    /// The shape legend (T, I, H, then `extra` rows), the example's story, and every input as a
    /// table under "Inputs" (defaults included and marked as such); returns the inputs traced.
    /// `own` holds a lesson's captions for inputs whose meaning differs in it (the GRU's biases),
    /// found under `ownKey(field)`; the others come from the shared words.
    func present(in tr: Trace, hiddenHolds: String, extra: [(symbol: String, meaning: String, size: Int)],
                 example: Example?, own: Words? = nil, ownKey: (String) -> String = { $0 }) -> Inputs {
        tr.introduceInputs(legend: [
            (symbol: "T", meaning: recurrentWords("legend T"), size: steps),
            (symbol: "I", meaning: recurrentWords("legend I"), size: inputSize),
            (symbol: "H", meaning: recurrentWords("legend H", ["holds": hiddenHolds]), size: hidden),
        ] + extra + (isStacked ? [(symbol: "N", meaning: layersWords("legend L"), size: layerCount)] : []), example: example)
        return record(in: tr, own: own, ownKey: ownKey)
    }

    /// The inputs as tables, from X (or, with `given`, from a sequence a model around the cell
    /// made and showed itself: char-lm's one-hot characters). `state`: h_0 as a model around the
    /// cell showed it (birnn's row of its 2 × H h0), not shown again. `initialState` false: the
    /// cell's h_0 is no input of its own (seq2seq's encoder starts from zeros, its decoder from the
    /// encoder): zeros, not shown.
    func record(in tr: Trace, given: Traced? = nil, state: Traced? = nil, own: Words? = nil, ownKey: (String) -> String = { $0 },
                initialState: Bool = true) -> Inputs {
        let w = recurrentWords
        func caption(_ key: String, _ slots: [String: String] = [:]) -> Caption {
            if let own, own.hasCaption(ownKey(key)) { return own.caption(ownKey(key), slots) }
            return w.caption(key, slots)
        }
        let h = hidden
        let rows = wIh.rows
        let perRow = gates.isEmpty ? ""
            : w(h == 1 ? "per row, one gate" : "per row, stacked", ["gates": gates.joined(separator: ", "), "H": "\(h)"])
        let inputColumns = inputNames ?? (1...inputSize).map { sharedWords("label input j", ["j": "\($0)"]) }
        let unitColumns = (1...h).map { sharedWords("label unit j", ["j": "\($0)"]) }
        let x = given ?? tr.input("input", "X", .matrix(self.x), caption("input"),
                                  labels: Labels(rowHeader: sharedWords("label t"), rows: stepLabels, columns: inputColumns))
        presentLayout(in: tr)
        let (ih, hh, bih, bhh) = layout.fields
        let weights: PresentedWeights = layout.keras.map {
            presentKeras($0, in: tr, caption: caption, inputColumns: inputColumns, unitColumns: unitColumns)
        } ?? (
            tr.input(ih, symbol("W_{ih}"), .matrix(self.wIh), caption("weight_ih_l0", ["per row": perRow]),
                     labels: Labels(rowHeader: stackedLabels.rowHeader, rows: stackedLabels.rows, columns: inputColumns)),
            tr.input(hh, symbol("W_{hh}"), .matrix(self.wHh), caption("weight_hh_l0", ["per row": perRow]),
                     labels: Labels(rowHeader: stackedLabels.rowHeader, rows: stackedLabels.rows, columns: unitColumns)),
            tr.input(bih, symbol("b_{ih}"), .vector(self.bIh ?? .zeros(rows)), caption("bias_ih_l0"), labels: stackedLabels),
            tr.input(bhh, symbol("b_{hh}"), .vector(self.bHh ?? .zeros(rows)), caption("bias_hh_l0"), labels: stackedLabels),
            [])
        let h0 = state ?? (initialState ? tr.input("h0", "h_{0}", stateValue(self.h0, h0Rows), caption("h0"), labels: isStacked ? stateLabels : unitLabels)
            : constant(stateValue(nil, nil), symbol("h_{0}")))
        return Inputs(x: x, wIh: weights.wIh, wHh: weights.wHh, bIh: weights.bIh, bHh: weights.bHh, h0: h0, given: weights.given)
    }

    /// The LSTM's initial cell state, shown after the other inputs.
    func presentCellState(in tr: Trace) -> Traced {
        tr.input("c0", "c_{0}", stateValue(c0, c0Rows), recurrentWords.caption("c0"), labels: isStacked ? stateLabels : unitLabels)
    }

    // MARK: Commentary: phrases chosen from the values

    /// A pre-activation's caption at step t (`key` in `words`): its meaning once, then what the
    /// numbers add: x_t one-hot, h_{t-1} zero (when `hPrev` is given).
    func preActivationCaption(_ words: Words, _ key: String, _ t: Int, hPrev: Traced?, once: SaidOnce) -> Caption {
        var said = (oneHotSaying(t) ?? zeroUnitsSaying(t)).map { [$0] } ?? []
        if let hPrev, Self.isZero(hPrev) { said.append(recurrentWords("zero state", symbolSlots(t))) }
        return once(words, key, adding: said)
    }

    /// The sentence on x_t at a pre-activation: when it is one-hot, the product is one column of
    /// W_ih (the written-out sum leaves its zero terms out). When every x_t is, said once, at step
    /// 1, for all of them; else at each step where it is; nil otherwise.
    func oneHotSaying(_ t: Int) -> String? {
        guard let j = Self.oneHotColumn(x, t - 1) else { return nil }
        let slots = symbolSlots(t).merging(["j": "\(j + 1)", "x_t": inputSymbol(indexLetter), "x_1": inputSymbol("1")]) { _, b in b }
        if everyStepOneHot { return t == position(1) ? recurrentWords("one-hot, every step", slots) : nil }
        return recurrentWords("one-hot", slots)
    }

    /// Above the first layer, the units of the layer below's h_t that are exactly 0: their columns
    /// of W_ih add nothing at this step (the written-out sum leaves them out). nil in the first
    /// layer, whose sequence is shown whole, and where no unit is 0.
    func zeroUnitsSaying(_ t: Int) -> String? {
        let units = (0..<inputSize).filter { x[t - 1, $0] == 0 }
        guard layer > 0, !units.isEmpty else { return nil }
        let slots = symbolSlots(t).merging(["units": unitList(units), "columns": listed(units.map { "\($0 + 1)" })]) { a, _ in a }
        if units.count == inputSize { return recurrentWords("zero input", slots) }
        return recurrentWords(units.count == 1 ? "zero units, one" : "zero units", slots)
    }

    /// The column (0-based) of row `r`'s single 1 when the row is one-hot (of more than one number).
    static func oneHotColumn(_ x: Matrix, _ r: Int) -> Int? {
        let row = (0..<x.cols).map { x[r, $0] }
        guard x.cols > 1, row.filter({ $0 == 1 }).count == 1, row.allSatisfy({ $0 == 0 || $0 == 1 }) else { return nil }
        return row.firstIndex(of: 1)
    }

    /// A state that is all zeros (h_0 or c_0 left out or given as zeros, or a relu state that is off).
    static func isZero(_ v: Traced) -> Bool { v.value.flat.allSatisfy { $0 == 0 } }

    /// The position in the sequence of the k-th step computed (from 1): k, or T + 1 − k in reverse.
    func position(_ k: Int) -> Int { reversed ? steps + 1 - k : k }
    /// The position of the state the step at position t starts from: t − 1, or t + 1 in reverse.
    func before(_ t: Int) -> Int { reversed ? t + 1 : t - 1 }
    /// The position of the step after the one at t: t + 1, or t − 1 in reverse.
    func after(_ t: Int) -> Int { reversed ? t - 1 : t + 1 }
    /// Where position t's values are in the arrays kept in the order computed (from 0).
    func computed(_ t: Int) -> Int { reversed ? steps - t : t - 1 }
    /// «t» and «t-1» (the state's position before the step) of the step at position t; for the
    /// words said once, of any step: «prev» and «next», the subscripts of the state before and the
    /// step after (t-1 and t+1, or t+1 and t-1 in reverse), and «next step» as a sentence says it.
    func stepSlots(_ t: Int) -> [String: String] {
        ["t": "\(t)", "t-1": "\(before(t))", "prev": reversed ? "t+1" : "t-1", "next": reversed ? "t-1" : "t+1",
         "next step": reversed ? "t − 1" : "t + 1"]
    }

    /// Whether step t (from 1) is written out in the Markdown: long runs leave out their middle.
    func isShown(_ t: Int) -> Bool { !(Repeats.leftOut(of: steps)?.contains(t) ?? false) }

    /// The slides box, before the summary (`Trace.slides`): the bullets' words are written without their "- ".
    /// The slides speak of one layer reading the sequence: with several, the bullets are computed
    /// from layer 1 (PyTorch's l0), in its symbols, and the box says so.
    func slides(_ bullets: @autoclosure () -> [String], in tr: Trace) {
        tr.slides(bullets().map { "- " + $0 }, intro: isStacked ? layersWords("slides layer", layerSlots(0)) : nil)
    }

    // MARK: The backward pass

    /// Whether the state entering step t is detached (truncated BPTT: t begins a chunk after the first).
    func startsChunk(_ t: Int) -> Bool { bpttSteps.map { t > 1 && (t - 1) % $0 == 0 } ?? false }

    /// The backward part's heading, account and equations, and the loss's gradient G.
    func beginBackward(in tr: Trace, equations: String, story: String? = nil) -> Traced {
        let w = recurrentWords
        tr.heading(backwardWords("heading backward"))
        tr.say(w("backward why"))
        if let story { tr.say(story) }
        tr.heading(backwardWords("heading loss"), level: 3)
        let g = presentLoss(in: tr)
        tr.heading(w("heading steps back"), level: 3)
        tr.say(w("backward equations"))
        tr.math(equations)
        if let k = bpttSteps { tr.say(w(k >= steps ? "truncated, one chunk" : "truncated", ["k": "\(k)", "T": "\(steps)"])) }
        if isStacked { tr.say(layersWords("backward layers", layerSlots(upper.count))) }
        return g
    }

    /// The caption of ∂L/∂h_t (or ∂L/∂c_t): what reaches it, at the last step, at a chunk's end, or
    /// between, which is the same at every step and said once. `between`: a lesson's own words for
    /// a step with a next one (the GRU's path through z).
    func stateGradientCaption(_ state: String, _ t: Int, once: SaidOnce, between: (words: Words, key: String)? = nil) -> Caption {
        if let own = ownStateGradient?(state, t) { return own }
        let kind = t == position(steps) ? ", last" : startsChunk(after(t)) ? ", cut" : ""
        let slots = stepSlots(t).merging(["t+1": "\(after(t))", "sup": sup, "h_t": marked("h_{\(t)}"), "c_t": marked("c_{\(t)}"), "o_t": marked("o_{\(t)}"), "WhhT": transposed("W_{hh}"),
                                          "Gt": "$\(lossShare("t"))$", "G": "$\(lossShare("\(t)"))$"]) { a, _ in a }
        // Below the top layer, h_t's gradient comes from the layer above, not from the loss. The
        // same words at the same step of another layer (its symbols aside) are not said again.
        if state == "h" && !isTop {
            return kind.isEmpty ? once(layersWords, "h[t].grad, below", slots) : once.exactly(layersWords, "h[t].grad, below" + kind, slots)
        }
        if kind.isEmpty { return once(between?.words ?? recurrentWords, between?.key ?? "\(state)[t].grad", slots) }
        if isStacked { return once.exactly(recurrentWords, "\(state)[t].grad" + kind, slots) }
        return recurrentWords.caption("\(state)[t].grad" + kind, slots)
    }

    /// The loss's own share of ∂L/∂h at step `index` (`t` or a number): G_t, or char-lm's W_fcᵀ ∂L/∂y_t.
    func lossShare(_ index: String) -> String {
        share?(index) ?? "G_{\(index)}"
    }

    /// The size of the states' gradients per step (the vanishing gradient, seen), then the
    /// gradient check. `layer`: the layer of a state, with several (nil with one).
    func endBackward(in tr: Trace, back: Backprop, states: [(letter: String, values: [Traced], layer: Int?)]) {
        let w = recurrentWords
        let sizes = states.map { state in
            (letter: state.letter, sup: state.layer.map { "^{(\($0))}" } ?? "", norms: state.values.map { Self.gradientSize(back, $0) },
             panel: state.layer.map { layersWords("panel gradient size, layer", ["state": state.letter, "l": "\($0)"]) }
                ?? w("panel gradient size", ["state": state.letter]),
             fromLoss: state.letter == "h" && (state.layer ?? upper.count) == upper.count)
        }
        // With several layers the layers' steps back are level 2 headings: the sizes and the check, of every layer, follow at theirs.
        let level = isStacked ? 2 : 3
        tr.heading(w("heading gradient sizes"), level: level)
        tr.figure(.lines(title: w("figure gradient sizes"), steps: stepLabels, panels: sizes.map { state in
            LinePanel(title: state.panel, series: [state.norms], range: nil, scale: .logarithmic)
        }), description: w("figure gradient sizes, description"))
        // Whether the loss reaches the states before the last directly (a share G_t at earlier steps).
        let g = gradOutput?.entries ?? [1]
        let earlier = gradOutput.map { m in (0..<(m.rows - 1) * m.cols).contains { g[$0] != 0 } } ?? (steps > 1)
        for state in sizes {
            // The first step the gradient reaches: before it, truncated BPTT (or a loss on later steps only) leaves 0.
            guard let last = state.norms.last, let reached = state.norms.firstIndex(where: { $0 != 0 }) else { continue }
            let first = state.norms[reached]
            var said = w("gradient sizes", ["state": state.letter, "sup": state.sup, "T": "\(steps)", "last": readable(last), "first": readable(first),
                                             "t": "\(reached + 1)", "ratio": readable(last > 0 ? first / last : 0)])
            if reached > 0 {
                said += " " + w(bpttSteps != nil ? "gradient sizes, cut" : "gradient sizes, none", ["state": state.letter, "t": "\(reached)"])
            }
            tr.say(said + (sizes.count == 1 && earlier && state.fromLoss ? " " + w("gradient sizes, every step", ["Gt": "$\(lossShare("t"))$"]) : ""))
        }
        if sizes.count > 1, let shares = sharesSaying(earlier: earlier, states: zip(states, sizes).map { ($1.letter, $1.norms, $0.layer) }) { tr.say(shares) }
        let cut = bpttSteps.map { $0 < steps } ?? false
        tr.endBackward(back, note: cut ? w("check, truncated") : nil, level: level)
    }

    /// The length of a value's gradient (0 when it has none), scaled by its largest entry first so
    /// that a gradient of 1e155 or 1e-170 has a finite, nonzero length.
    static func gradientSize(_ back: Backprop, _ t: Traced) -> Double {
        let entries = back.gradient(of: t)?.value.flat ?? []
        let largest = entries.reduce(0) { max($0, abs($1)) }
        guard largest > 0, largest.isFinite else { return largest.isNaN ? .nan : largest }
        return largest * entries.reduce(0) { $0 + ($1 / largest) * ($1 / largest) }.squareRoot()
    }

    /// With several states (the LSTM's c, a stack's layers): the gradients that take in a share of
    /// their own at the steps before the last, so that their sizes are not one output's gradient
    /// travelling back: the top layer's h (the loss's G_t, when it has earlier rows), each lower
    /// layer's h (what the layer above passes down, when that layer's gradient reaches an earlier
    /// step), and through each h its c. Said once, after the sizes; nil when none does.
    private func sharesSaying(earlier: Bool, states: [(letter: String, norms: [Double], layer: Int?)]) -> String? {
        let w = recurrentWords
        func reachesEarlier(_ l: Int) -> Bool {
            states.first { $0.letter == "h" && ($0.layer ?? upper.count) == l }.map { $0.norms.dropLast().contains { $0 != 0 } } ?? false
        }
        let layers = (0...upper.count).reversed().filter { $0 == upper.count ? earlier : reachesEarlier($0 + 1) }
        let parts = layers.map { l in
            l == upper.count ? w("share, loss", ["h": symbol("h_{t}", inLayer: l), "Gt": "$\(lossShare("t"))$"])
                : w("share, layer above", ["h": symbol("h_{t}", inLayer: l), "above": "\(l + 2)", "WihT": transposed("W_{ih}", inLayer: l + 1),
                                           "a": inputSide("t", inLayer: l + 1)])
        }
        guard let first = layers.first else { return nil }
        let cells = !states.contains { $0.letter == "c" } ? ""
            : layers.count == 1 ? w("share, cell", ["c": symbol("c_{t}", inLayer: first)]) : w("share, cells")
        return w("shares", ["parts": listed(parts), "cells": cells])
    }

    /// The loss's gradient, ∂L/∂h_t for every step as one T × H input (ones when not given).
    func presentLoss(in tr: Trace) -> Traced {
        // The loss sees the module's output, the top layer's h_t.
        let slots = ["h": symbol("h_{t}", inLayer: upper.count), "hT": symbol("h_{\(steps)}", inLayer: upper.count), "T": "\(steps)"]
        var caption = recurrentWords.caption("grad_output", slots)
        if gradOutput?.entries.allSatisfy({ $0 == 1 }) ?? true {
            caption = Caption(title: caption.title, meaning: caption.meaning + " " + recurrentWords("grad_output ones", slots))
        } else if let g = gradOutput, steps > 1, g.entries[..<((steps - 1) * hidden)].allSatisfy({ $0 == 0 }) {
            // Only the last row: the loss of a many-to-one task, which sees the last state alone.
            caption = Caption(title: caption.title, meaning: caption.meaning + " " + recurrentWords("grad_output last", slots))
        }
        let unitColumns = (1...hidden).map { sharedWords("label unit j", ["j": "\($0)"]) }
        return tr.input("grad_output", "G", .matrix(gradOutput ?? Matrix(rows: steps, cols: hidden, entries: Array(repeating: 1, count: steps * hidden))),
                        caption, labels: Labels(rowHeader: sharedWords("label t"), rows: stepLabels, columns: unitColumns))
    }

    /// The inputs that get gradients: the sequence, the weights, and the biases and states given.
    func differentiable(_ inputs: Inputs, c0 traced: Traced? = nil) -> [Traced] {
        [inputs.x, inputs.wIh, inputs.wHh] + (bIh == nil ? [] : [inputs.bIh]) + (bHh == nil ? [] : [inputs.bHh])
            + (h0 == nil ? [] : [inputs.h0]) + (c0 == nil ? [] : traced.map { [$0] } ?? []) + inputs.given
    }

    /// The inputs' gradients, after every step's: the weights' as sums over the steps. `biasHh`
    /// names the words of ∂L/∂b_hh (the GRU's n rows differ from b_ih's), `h0` those of ∂L/∂h_0
    /// (the GRU's also goes through its update gate); `hiddenSide`, the pre-activation W_hh writes
    /// into when it is not a_t's own block (the GRU's a_t^h).
    /// `sequence`: whether the sequence X is an input of its own (not for char-lm, which makes it from characters).
    func recordInputGradients(_ back: Backprop, _ inputs: Inputs, c0: Traced? = nil, in tr: Trace, biasHh: String = "bias_hh_l0.grad",
                              h0 h0Key: String = "h0.grad", hiddenSide: String? = nil, sequence: Bool = true, heading: String? = nil) {
        let w = recurrentWords
        tr.heading(heading ?? (isStacked ? layersWords("heading input gradients", layerSlots(0)) : w("heading input gradients")), level: 3)
        tr.say(w("input gradients", ["T": "\(steps)"]))
        let zeroStart = h0.map { $0.entries.allSatisfy { $0 == 0 } } ?? true
        // The symbols of layer 1 (PyTorch's l0), the one these inputs belong to.
        let slots = ["a": inputSide("t"), "ah": symbol("a_{t}", hiddenSide), "hT": transposed("h_{t-1}"), "h0": symbol("h_{0}"),
                     "Wih": symbol("W_{ih}"), "WihT": transposed("W_{ih}"), "sup": sup]
        let weights = [(inputs.wIh, w.caption("weight_ih_l0.grad", slots)),
                       (inputs.wHh, w.caption(zeroStart ? "weight_hh_l0.grad, zero h0" : "weight_hh_l0.grad", slots)),
                       (inputs.bIh, w.caption("bias_ih_l0.grad", slots)), (inputs.bHh, w.caption(biasHh, slots))]
        // Worked out from Keras's arrays, they are computed values: the last worked out goes first.
        for (weight, caption) in inputs.given.isEmpty ? weights : weights.reversed() { back.record(weight, caption) }
        recordGivenGradients(back, inputs)
        back.record(inputs.h0, w.caption(h0Key + (isStacked ? ", layers" : "")))
        if let c0 { back.record(c0, w.caption(isStacked ? "c0.grad, layers" : "c0.grad")) }
        if sequence { back.record(inputs.x, w.caption("input.grad", slots)) }
    }

    /// Rows of gate `g` (0-based block) in a stacked vector.
    func block(_ g: Int) -> Range<Int> { (g * hidden)..<((g + 1) * hidden) }
}

/// The recurrent lessons' loss for the gradient check. With truncated BPTT the backward pass
/// differentiates each chunk with the state entering it held fixed, so the forward pass is rerun
/// chunk by chunk, each after the first starting from the original run's state (h, and c).
protocol RecurrentLesson: Lesson {}

extension RecurrentLesson {
    static func lossOf(_ input: JSON, file: String, original: OriginalRun) throws -> Double {
        guard case .number(let k, _)? = input["bptt_steps"], case .array(let rows)? = input["input"], Int(k) < rows.count else {
            return try trace(input, file: file, example: nil, backward: false).loss(terms: original.lossTerms)
        }
        let size = Int(k)
        var total = 0.0
        for start in stride(from: 0, to: rows.count, by: size) {
            let end = min(start + size, rows.count)
            var chunk = input
            for key in ["bptt_steps", "tokens", "grad_output"] { chunk = chunk.removing(key) }
            chunk = chunk.setting("input", .array(Array(rows[start..<end]))) ?? chunk
            if start > 0 {
                for state in ["h", "c"] {
                    guard let value = original.values["\(state)[\(start)]"] else { continue }
                    // With several layers every layer's state is held: l0.h[start], …, then the top's h[start].
                    let below = (0..<RecurrentInput.maxLayers).lazy.map { original.values["l\($0).\(state)[\(start)]"] }.prefix { $0 != nil }.compactMap { $0 }
                    let state0: JSON = below.isEmpty ? .array(value.flat.map { .number($0) })
                        : .array((Array(below) + [value]).map { row in .array(row.flat.map { .number($0) }) })
                    chunk = chunk.setting("\(state)0", state0) ?? chunk
                }
            }
            let rerun = try trace(chunk, file: file, example: nil, backward: false)
            // The chunk's step j is step start + j of the whole sequence.
            let terms = original.lossTerms.compactMap { term -> (name: String, gradient: Value)? in
                guard term.name.hasPrefix("h["), let t = Int(term.name.dropFirst(2).dropLast()), t > start, t <= end else { return nil }
                return ("h[\(t - start)]", term.gradient)
            }
            total += rerun.loss(terms: terms)
        }
        return total
    }
}

/// A band a unit's value can be in, named for the words: a gate "low" (near 0) or "high" (near 1),
/// a tanh "saturated" (its slope below 0.1).
struct Band: Sendable {
    let name: String
    let contains: @Sendable (Double) -> Bool
    static let gate = [Band(name: "low") { $0 < 0.1 }, Band(name: "high") { $0 > 0.9 }]
    static let saturated = [Band(name: "saturated") { 1 - $0 * $0 < 0.1 }]
}

/// The sentences on a vector at step t: for each band, the units in it that were not at the step
/// before (`before`; nil at the first step, where every unit in a band is said), in `words`'
/// phrase "«key» «band»" (", several" for more than one unit), with their values, or with
/// another vector's (`shown`: a relu unit that is off, said with its pre-activation), and `slots`;
/// `only` picks the units a phrase is for (the GRU's units whose old state is 0 get their own).
func bandSayings(_ words: Words, _ key: String, symbol: String, now: [Double], before: [Double]?, bands: [Band],
                 shown: (symbol: String, values: [Double])? = nil, slots: [String: String] = [:],
                 only: (Int) -> Bool = { _ in true }) -> [String] {
    bands.compactMap { band in
        let units = now.indices.filter { u in only(u) && band.contains(now[u]) && !(before.map { band.contains($0[u]) } ?? false) }
        guard !units.isEmpty else { return nil }
        let (said, values) = shown ?? (symbol, now)
        return words("\(key) \(band.name)" + (units.count == 1 ? "" : ", several"),
                     slots.merging(["units": unitList(units), "values": valuesSaid(said, units.map { values[$0] })]) { _, b in b })
    }
}

/// Captions said once: a lesson meets the same value at every time step, forward and backward, and
/// says what it is the first time (the first step shown, which is never left out); later steps get
/// only what the numbers add, or nothing.
final class SaidOnce {
    private var said: Set<String> = []
    /// false: the meanings count as said already (a cell inside a larger model, whose lesson said
    /// them): only what the numbers add is said.
    private let meanings: Bool

    init(meanings: Bool = true) { self.meanings = meanings }

    func callAsFunction(_ words: Words, _ key: String, _ slots: [String: String] = [:], adding: [String] = []) -> Caption {
        let caption = words.caption(key, slots)
        let first = said.insert(key).inserted && meanings
        return Caption(title: caption.title, meaning: ((first ? [caption.meaning] : []) + adding).joined(separator: " "))
    }

    /// A caption whose meaning is said only the first time these very words are (the same key
    /// with the same slots): a stack's layers meet the same last step.
    /// The layer's superscript («sup») is not part of the words' identity: said at one layer's step,
    /// the words are not said again at the same step of another.
    func exactly(_ words: Words, _ key: String, _ slots: [String: String] = [:]) -> Caption {
        let caption = words.caption(key, slots)
        let identity = words.caption(key, slots.merging(["sup": ""]) { _, b in b }).meaning
        let first = said.insert("\(key) ⟨\(identity)⟩").inserted && meanings
        return Caption(title: caption.title, meaning: first ? caption.meaning : "")
    }
}

/// "Unit 2", "Units 1 and 2", "Units 1, 2, 3 and 5 more" (from 0-based indices), to begin a sentence.
/// `lower`: within a sentence ("unit 2").
func unitList(_ units: [Int], lower: Bool = false) -> String {
    let names = units.map { "\($0 + 1)" }
    let case_ = lower ? ", lower" : ""
    if names.count == 1 { return recurrentWords("units, one" + case_, ["u": names[0]]) }
    return recurrentWords("units" + case_, ["list": listed(Array(names.prefix(names.count > 4 ? 3 : 4)), more: names.count > 4 ? names.count - 3 : 0)])
}

/// `$f_{3} = 0.08$`, `$f_{3} = 0.93$ and $0.95$`, or `$f_{3}$ from 0.91 to 0.99`: the values of
/// some units of one vector.
func valuesSaid(_ symbol: String, _ values: [Double]) -> String {
    let said = values.map(inSentence)
    guard let low = values.min(), let high = values.max() else { return "" }
    if Set(said).count == 1 { return recurrentWords("value", ["symbol": symbol, "v": said[0]]) }
    if said.count == 2 { return recurrentWords("values, two", ["symbol": symbol, "a": said[0], "b": said[1]]) }
    return recurrentWords("values, range", ["symbol": symbol, "low": inSentence(low), "high": inSentence(high)])
}

/// A number in a sentence: 2 decimals, or 4 where 2 would show a gate as exactly 0 or 1 or put it
/// on the edge of "near 0" or "near 1".
func inSentence(_ x: Double) -> String {
    let two = NumberStyle(precision: 2).fixed(x)
    return ["0.00", "1.00", "-1.00", "0.10", "0.90"].contains(two) ? NumberStyle(precision: 4).fixed(x) : two
}

/// A lower bound in a sentence: rounded down to 2 decimals ("at least 0.92" for 0.9273).
func atLeast(_ x: Double) -> String {
    NumberStyle(precision: 2).fixed((x * 100).rounded(.down) / 100)
}

/// `[0.3732, 0.0040]`: a vector in a sentence, its first entries when it is long.
func vectorSaid(_ v: [Double]) -> String {
    let style = NumberStyle(precision: 4)
    let shown = v.prefix(v.count > 4 ? 3 : 4).map { style.fixed($0) } + (v.count > 4 ? [#"\dots"#] : [])
    return "[" + shown.joined(separator: ", ") + "]"
}

/// A size for a sentence, in LaTeX: 4 decimals between 10⁻³ and 10⁴, else `5.9 \times 10^{-7}`.
func readable(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "\\text{nan}" : "\\infty" }
    if x == 0 || (abs(x) >= 1e-3 && abs(x) < 1e4) { return NumberStyle(precision: 4).fixed(x) }
    let exponent = Int((log10(abs(x))).rounded(.down))
    var mantissa = x / pow(10, Double(exponent))
    var e = exponent
    if abs((mantissa * 10).rounded() / 10) >= 10 { mantissa /= 10; e += 1 }
    return String(format: "%.1f", mantissa) + " \\times 10^{\(e)}"
}

/// `₁₂` for 12: Unicode subscript digits for table labels.
func subscripted(_ n: Int) -> String {
    let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
}
