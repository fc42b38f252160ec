// birnn's input: nn.RNN/LSTM/GRU(bidirectional=True)'s state_dict, one layer, unbatched: the
// forward direction's weight_ih_l0, …, the reverse direction's weight_ih_l0_reverse, …, the states
// h0 and c0 as 2 × H (row 1 the forward direction's, row 2 the reverse's), and ∂L/∂output as
// T × 2H. Read and checked here, so that BiRNN.swift reads as the derivation.

import JSONFormat
import LessonInput
import TraceCore

struct BiRNNInput {
    /// "rnn" (tanh), "lstm" or "gru".
    let cell: String
    let x: Matrix               // T × I, row t is x_t
    let tokens: [String]?
    /// Each direction as one cell reading X: the forward one from row 1, the reverse one from row T.
    let forward: RecurrentInput
    let reverse: RecurrentInput
    let h0: Matrix?             // 2 × H, zeros when not given
    let c0: Matrix?             // 2 × H (LSTM only)
    let gradOutput: Matrix?     // T × 2H: row t is ∂L/∂[→h_t ; ←h_t], ones when not given

    var steps: Int { x.rows }
    var inputSize: Int { x.cols }
    var hidden: Int { forward.hidden }

    static let cells = ["rnn", "lstm", "gru"]

    /// The same module reading another sequence `x` (the slides box's reruns), without labels or a loss.
    func reading(_ x: Matrix) -> BiRNNInput {
        func view(_ p: RecurrentInput) -> RecurrentInput {
            var v = RecurrentInput(layer: 0, of: p, input: x)
            (v.mark, v.namePrefix, v.reversed, v.repeats, v.tokens) = (p.mark, p.namePrefix, p.reversed, p.repeats, nil)
            return v
        }
        return BiRNNInput(cell: cell, x: x, tokens: nil, forward: view(forward), reverse: view(reverse), h0: h0, c0: c0, gradOutput: nil)
    }
}

extension BiRNNInput {
    init(_ reader: inout InputReader) throws {
        let cell = try reader.choice("cell", Self.cells) ?? "rnn"
        let x = try reader.requiredMatrix("input", "the sequence, one row of input numbers per time step")
        try reader.expect(x.rows, "the number of time steps (rows of input)", atMost: RecurrentInput.maxSteps)
        try reader.expect(x.cols, "the input size (columns of input)", atMost: RecurrentInput.maxSize)
        let gates = cell == "lstm" ? ["i", "f", "g", "o"] : cell == "gru" ? ["r", "z", "n"] : []
        let blocks = max(gates.count, 1)
        let stacked = blocks == 1 ? "hidden" : "\(blocks)·hidden"
        let tokens = try reader.labels("tokens", count: x.rows, per: "time step (row of input)")
        let cellState = cell == "lstm"
        // The states are read once the forward direction's weights give H: two rows, one per direction.
        var states: (h0: Matrix?, c0: Matrix?) = (nil, nil)
        var forward = try RecurrentInput(part: &reader, layout: .module, x: x, tokens: tokens, gates: gates, inputSize: ("input", x.cols)) { reader, h in
            states.h0 = try Self.readStates(&reader, "h0", "the initial hidden states", hidden: h)
            if cellState { states.c0 = try Self.readStates(&reader, "c0", "the initial cell states", hidden: h) }
            return (states.h0?.row(0), states.c0?.row(0))
        }
        let h = forward.hidden
        // bidirectional=True has a second set of weights: a module without them is not bidirectional.
        for (key, what, cols) in [("weight_ih_l0_reverse", "input weights", ("input", x.cols)), ("weight_hh_l0_reverse", "recurrent weights", ("hidden", h))]
        where reader.peek(key) == nil {
            throw reader.fail("missing field \(key): the reverse direction's \(what), \(stacked) × \(cols.0) = \(blocks * h) × \(cols.1) (bidirectional=True gives each direction weights of its own)")
        }
        // Both directions have the forward direction's hidden size: said of weight_hh_l0_reverse, whose columns give it.
        if case .array(let rows)? = reader.peek("weight_hh_l0_reverse"), case .array(let first)? = rows.first,
           rows.count != blocks * h || first.count != h {
            throw reader.fail("weight_hh_l0_reverse must be \(stacked) × hidden = \(blocks * h) × \(h) (the forward direction's hidden size, from weight_hh_l0), got \(rows.count) × \(first.count)"
                + (rows.count == h && first.count == blocks * h && blocks > 1 ? ": is it transposed?" : ""))
        }
        var reverse = try RecurrentInput(part: &reader, layout: .keyed(prefix: "", suffix: "_reverse"), x: x, tokens: tokens, gates: gates,
                                         inputSize: ("input", x.cols)) { _, _ in (states.h0?.row(1), states.c0?.row(1)) }
        forward.mark = .forward
        forward.namePrefix = "fwd."
        (reverse.mark, reverse.namePrefix, reverse.reversed, reverse.repeats) = (.reverse, "bwd.", true, BiRNN.reverseSteps)
        let gradOutput = try reader.matrix("grad_output", "∂L/∂output for the backward pass, T × 2·hidden: row t is ∂L/∂[→h_t ; ←h_t]")
        if let gradOutput { try reader.expect(gradOutput, "grad_output", rows: ("T (rows of input)", x.rows), cols: ("2·hidden", 2 * h)) }
        (self.cell, self.x, self.tokens, self.forward, self.reverse) = (cell, x, tokens, forward, reverse)
        (h0, c0, self.gradOutput) = (states.h0, states.c0, gradOutput)
        // With --backward the gradient check reruns both directions twice for each array given, each
        // direction counted with 6 steps more for what it sets up.
        let arrays = 5 + [forward.bIh, forward.bHh, reverse.bIh, reverse.bHh].compactMap { $0 }.count
            + (states.h0 == nil ? 0 : 1) + (states.c0 == nil ? 0 : 1)
        let rerun = 2 * arrays * 2 * (x.rows + 6)
        if reader.backward && rerun > RecurrentInput.maxCheckedCellSteps {
            throw reader.fail("with --backward, the gradient check reruns both directions \(2 * arrays) times (twice for each of the \(arrays) arrays given), about \(rerun) direction-steps, more than the limit of \(RecurrentInput.maxCheckedCellSteps); use fewer steps")
        }
        // Per step of each direction the stacked products. The trace holds the inputs (X; each
        // direction's weights, with both biases shown even when left out; h0, and c0 for the LSTM,
        // 2 × H), per step of each direction a and h (RNN) or the stacked rows and six H-vectors
        // (LSTM, GRU), and the output, T × 2H.
        let (t, stackRows, hd) = (Double(x.rows), Double(blocks * h), Double(h))
        let weights = Double(forward.wIh.entries.count + forward.wHh.entries.count) + 2 * stackRows
        let inputs = Double(x.entries.count) + 2 * weights + 2 * hd * (cellState ? 2 : 1)
        let work = 2 * t * stackRows * Double(x.cols + h)
        // The backward pass adds per step an outer product for each weight (the terms of its sum).
        try reader.expectWork(multiplyAdds: work,
                              traceNumbers: inputs + 2 * t * (blocks == 1 ? 2 * hd : 10 * hd) + t * 2 * hd,
                              backwardNumbers: work)
    }

    /// A state of both directions: 2 × H, row 1 the forward direction's, row 2 the reverse's, as
    /// PyTorch's unbatched (2·num_layers, H) for one bidirectional layer.
    static func readStates(_ reader: inout InputReader, _ key: String, _ what: String, hidden h: Int) throws -> Matrix? {
        let shape = "2 × hidden = 2 × \(h)"
        if case .array(let items)? = reader.peek(key), let first = items.first, case .number = first {
            throw reader.fail("\(key) must be \(shape), row 1 the forward direction's and row 2 the reverse's (PyTorch's (2, H) for one bidirectional layer): a vector of \(items.count) numbers is one direction's only")
        }
        guard let m = try reader.matrix(key, "\(what), \(shape): row 1 the forward direction's, row 2 the reverse's") else { return nil }
        guard m.rows == 2, m.cols == h else {
            throw reader.fail("\(key) must be \(shape), row 1 the forward direction's and row 2 the reverse's, got \(m.rows) × \(m.cols)")
        }
        return m
    }
}
