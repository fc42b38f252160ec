// What the three recurrent lessons share: PyTorch's one-layer fields (weight_ih_l0, …), read and
// checked with the gates stacked in rows, and shown as labelled input tables.

import LessonInput
import TraceCore

/// The inputs of `nn.RNN`, `nn.LSTM` or `nn.GRU` with one layer and an unbatched sequence.
struct RecurrentInput {
    let x: Matrix           // T × I, row t is x_t
    let wIh: Matrix         // gates·H × I
    let wHh: Matrix         // gates·H × H
    let bIh: Vector?        // gates·H, zeros when not given
    let bHh: Vector?
    let h0: Vector?         // H, zeros when not given
    let c0: Vector?         // H (LSTM only)
    let tokens: [String]?
    let gates: [String]     // ["i", "f", "g", "o"], one letter per stacked block; [] for the RNN

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
        let wIh = try reader.requiredMatrix("weight_ih_l0", "the input weights, \(stacked) × input")
        let wHh = try reader.requiredMatrix("weight_hh_l0", "the recurrent weights, \(stacked) × hidden")
        let h = wHh.cols
        try reader.expect(x.rows, "the number of time steps (rows of input)", atMost: Self.maxSteps)
        try reader.expect(x.cols, "the input size (columns of input)", atMost: Self.maxSize)
        try reader.expect(h, "the hidden size (columns of weight_hh_l0)", atMost: Self.maxSize)
        try reader.expect(wIh, "weight_ih_l0", rows: (stacked, blocks * h), cols: ("input", x.cols))
        try reader.expect(wHh, "weight_hh_l0", rows: (stacked, blocks * h), cols: ("hidden", h))
        let bIh = try reader.vector("bias_ih_l0", "\(stacked) numbers")
        let bHh = try reader.vector("bias_hh_l0", "\(stacked) numbers")
        if let bIh { try reader.expect(bIh, "bias_ih_l0", count: (stacked, blocks * h)) }
        if let bHh { try reader.expect(bHh, "bias_hh_l0", count: (stacked, blocks * h)) }
        let h0 = try reader.vector("h0", "the initial hidden state (hidden numbers)")
        if let h0 { try reader.expect(h0, "h0", count: ("hidden", h)) }
        var c0: Vector?
        if cellState {
            c0 = try reader.vector("c0", "the initial cell state (hidden numbers)")
            if let c0 { try reader.expect(c0, "c0", count: ("hidden", h)) }
        }
        tokens = try reader.labels("tokens", count: x.rows, per: "time step (row of input)")
        // Per step the stacked products; the trace holds the inputs (biases and states shown even
        // when left out) and per step a and h (RNN) or the stacked rows and six H-vectors (LSTM, GRU).
        let (t, stackRows, hd) = (Double(x.rows), Double(blocks * h), Double(h))
        let inputs = Double(x.entries.count + wIh.entries.count + wHh.entries.count) + 2 * stackRows + hd * (cellState ? 2 : 1)
        try reader.expectWork(multiplyAdds: t * stackRows * Double(x.cols + h),
                              traceNumbers: inputs + t * (blocks == 1 ? 2 * hd : 10 * hd))
        (self.x, self.wIh, self.wHh, self.bIh, self.bHh, self.h0, self.c0) = (x, wIh, wHh, bIh, bHh, h0, c0)
        self.gates = gates
    }

    // MARK: Labels


    /// The heading of time step t: `t = 1 · "Alice"`.
    func stepHeading(_ t: Int) -> String {
        guard let tokens else { return sharedWords("label step", ["t": "\(t)"]) }
        return sharedWords("label step, token", ["t": "\(t)", "token": tokens[t - 1]])
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
        ] + extra, example: example)
        return record(in: tr, own: own, ownKey: ownKey)
    }

    private func record(in tr: Trace, own: Words?, ownKey: (String) -> String) -> Inputs {
        let w = recurrentWords
        func caption(_ key: String, _ slots: [String: String] = [:]) -> Caption {
            if let own, own.hasCaption(ownKey(key)) { return own.caption(ownKey(key), slots) }
            return w.caption(key, slots)
        }
        let h = hidden
        let rows = wIh.rows
        let perRow = gates.isEmpty ? w("per row, one unit")
            : w(h == 1 ? "per row, one gate" : "per row, stacked", ["gates": gates.joined(separator: ", "), "H": "\(h)"])
        func defaulted(_ key: String, _ given: Bool, default note: String) -> Caption {
            let described = caption(key, ["per row": perRow])
            return given ? described : Caption(title: described.title, meaning: described.meaning + " " + w(note))
        }
        let inputColumns = (1...inputSize).map { sharedWords("label input j", ["j": "\($0)"]) }
        let unitColumns = (1...h).map { sharedWords("label unit j", ["j": "\($0)"]) }
        let x = tr.input("input", "X", .matrix(self.x), caption("input"),
                         labels: Labels(rowHeader: sharedWords("label t"), rows: stepLabels, columns: inputColumns))
        let wIh = tr.input("weight_ih_l0", "W_{ih}", .matrix(self.wIh), caption("weight_ih_l0", ["per row": perRow]),
                           labels: Labels(rowHeader: stackedLabels.rowHeader, rows: stackedLabels.rows, columns: inputColumns))
        let wHh = tr.input("weight_hh_l0", "W_{hh}", .matrix(self.wHh), caption("weight_hh_l0", ["per row": perRow]),
                           labels: Labels(rowHeader: stackedLabels.rowHeader, rows: stackedLabels.rows, columns: unitColumns))
        let bIh = tr.input("bias_ih_l0", "b_{ih}", .vector(self.bIh ?? .zeros(rows)),
                           defaulted("bias_ih_l0", self.bIh != nil, default: "bias left out"), labels: stackedLabels)
        let bHh = tr.input("bias_hh_l0", "b_{hh}", .vector(self.bHh ?? .zeros(rows)),
                           defaulted("bias_hh_l0", self.bHh != nil, default: "bias left out"), labels: stackedLabels)
        let h0 = tr.input("h0", "h_{0}", .vector(self.h0 ?? .zeros(h)),
                          defaulted("h0", self.h0 != nil, default: "state left out"), labels: unitLabels)
        return Inputs(x: x, wIh: wIh, wHh: wHh, bIh: bIh, bHh: bHh, h0: h0)
    }

    /// The LSTM's initial cell state, shown after the other inputs.
    func presentCellState(in tr: Trace) -> Traced {
        var caption = recurrentWords.caption("c0")
        if c0 == nil { caption = Caption(title: caption.title, meaning: caption.meaning + " " + recurrentWords("state left out")) }
        return tr.input("c0", "c_{0}", .vector(c0 ?? .zeros(hidden)), caption, labels: unitLabels)
    }

    /// Rows of gate `g` (0-based block) in a stacked vector.
    func block(_ g: Int) -> Range<Int> { (g * hidden)..<((g + 1) * hidden) }
}

/// `₁₂` for 12: Unicode subscript digits for table labels.
func subscripted(_ n: Int) -> String {
    let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
}
