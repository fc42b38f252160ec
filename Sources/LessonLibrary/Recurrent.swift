// What the three recurrent lessons share: PyTorch's one-layer fields (weight_ih_l0, …), read and
// checked with the gates stacked in rows, and shown as labelled input tables.

import JSONFormat
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
    static let maxSteps = 10_000
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
        // Per step: the stacked products, and about four numbers kept per stacked row.
        let (t, stackRows) = (Double(x.rows), Double(blocks * h))
        try reader.expectWork(multiplyAdds: t * stackRows * Double(x.cols + h), recordedNumbers: t * stackRows * 4)
        (self.x, self.wIh, self.wHh, self.bIh, self.bHh, self.h0, self.c0) = (x, wIh, wHh, bIh, bHh, h0, c0)
        self.gates = gates
    }

    // MARK: Labels


    /// The heading of time step t: `t = 1 · "Alice"`.
    func stepHeading(_ t: Int) -> String {
        guard let tokens else { return "t = \(t)" }
        return "t = \(t) · “\(tokens[t - 1])”"
    }

    var stepLabels: [String] { sequenceLabels(tokens, count: steps) }

    /// Rows of a stacked weight or bias: `i₁, i₂, f₁, f₂, …`.
    var stackedLabels: Labels {
        let rows = gates.isEmpty ? (1...hidden).map { "\($0)" }
            : gates.flatMap { g in (1...hidden).map { "\(g)\(subscripted($0))" } }
        return Labels(rowHeader: gates.isEmpty ? "unit" : "gate, unit", rows: rows)
    }

    var unitLabels: Labels { Labels(rowHeader: "unit") }

    // MARK: Tracing the inputs

    /// The inputs as traced values, for the lesson's equations.
    struct Inputs {
        let x, wIh, wHh, bIh, bHh, h0: Traced
        let c0: Traced?
    }

    /// The shape legend (T, I, H, then `extra` rows), the example's story, and every input as a
    /// table under "Inputs" (defaults included and marked as such); returns the inputs traced.
    func present(in tr: Trace, hiddenHolds: String, extra: [(symbol: String, meaning: String, size: Int)],
                 example: Example?) -> Inputs {
        tr.introduceInputs(legend: [
            (symbol: "T", meaning: "time steps (rows of the input)", size: steps),
            (symbol: "I", meaning: "input size: numbers per step", size: inputSize),
            (symbol: "H", meaning: "hidden size: numbers in \(hiddenHolds)", size: hidden),
        ] + extra, example: example)
        return record(in: tr)
    }

    private func record(in tr: Trace) -> Inputs {
        let h = hidden
        let rows = wIh.rows
        let biasDefault = " Not in the input, so zeros (a new PyTorch module starts with random biases; an input that leaves them out means zero)."
        let stateDefault = " Not in the input, so zeros, as in PyTorch when no initial state is passed."
        let perRow = gates.isEmpty ? "one row per hidden unit"
            : "one row per gate and unit, stacked by gate (\(gates.joined(separator: ", ")), \(h) rows each)"
        let inputColumns = (1...inputSize).map { "in \($0)" }
        let unitColumns = (1...h).map { "unit \($0)" }
        let x = tr.input("input", "X", .matrix(self.x), title: "Input sequence",
                         meaning: "Row t is $x_{t}$, the input at time step t; column j is its input number j.",
                         labels: Labels(rowHeader: "t", rows: stepLabels, columns: inputColumns))
        let wIh = tr.input("weight_ih_l0", "W_{ih}", .matrix(self.wIh), title: "Input weights",
                           meaning: "Multiplies $x_{t}$: \(perRow); column j multiplies input number j.",
                           labels: Labels(rowHeader: stackedLabels.rowHeader, rows: stackedLabels.rows, columns: inputColumns))
        let wHh = tr.input("weight_hh_l0", "W_{hh}", .matrix(self.wHh), title: "Recurrent weights",
                           meaning: "Multiplies the previous hidden state $h_{t-1}$, the same matrix at every step: \(perRow); column j multiplies unit j of $h_{t-1}$.",
                           labels: Labels(rowHeader: stackedLabels.rowHeader, rows: stackedLabels.rows, columns: unitColumns))
        let bIh = tr.input("bias_ih_l0", "b_{ih}", .vector(self.bIh ?? .zeros(rows)), title: "Input bias",
                           meaning: "Added with $W_{ih} x_{t}$.\(self.bIh == nil ? biasDefault : "")", labels: stackedLabels)
        let bHh = tr.input("bias_hh_l0", "b_{hh}", .vector(self.bHh ?? .zeros(rows)), title: "Recurrent bias",
                           meaning: "Added with $W_{hh} h_{t-1}$; PyTorch keeps two biases where the equations need only their sum.\(self.bHh == nil ? biasDefault : "")",
                           labels: stackedLabels)
        let h0 = tr.input("h0", "h_{0}", .vector(self.h0 ?? .zeros(h)), title: "Initial hidden state",
                          meaning: "The hidden state before the first step.\(self.h0 == nil ? stateDefault : "")", labels: unitLabels)
        var c0: Traced?
        if gates.count == 4 {
            c0 = tr.input("c0", "c_{0}", .vector(self.c0 ?? .zeros(h)), title: "Initial cell state",
                          meaning: "The cell state before the first step.\(self.c0 == nil ? stateDefault : "")", labels: unitLabels)
        }
        return Inputs(x: x, wIh: wIh, wHh: wHh, bIh: bIh, bHh: bHh, h0: h0, c0: c0)
    }

    /// Rows of gate `g` (0-based block) in a stacked vector.
    func block(_ g: Int) -> Range<Int> { (g * hidden)..<((g + 1) * hidden) }
}

/// `₁₂` for 12: Unicode subscript digits for table labels.
func subscripted(_ n: Int) -> String {
    let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
}
