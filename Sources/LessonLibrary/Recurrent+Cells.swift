// A cell of rnn-unroll (tanh), lstm-gates or gru inside a larger model (char-lm, birnn,
// seq2seq-attention): its values over the steps recorded by its lesson's own forward function,
// and its steps back by its lesson's own step.

import TraceCore

/// The cell's values over the steps, as its own lesson records them.
enum CellRun {
    case rnn(RNNUnroll.Layer)
    case lstm(LSTMGates.Layer)
    case gru(GRU.Layer)

    static let gruConvention = GRU.Convention(resetBefore: false, takesCandidate: false)

    init(_ cell: String, _ p: RecurrentInput, _ layer: LayerInputs, in tr: Trace, once: SaidOnce, hooks: StepHooks? = nil) {
        switch cell {
        case "lstm": self = .lstm(LSTMGates.forward(p, layer, in: tr, once: once, hooks: hooks))
        case "gru": self = .gru(GRU.forward(p, layer, Self.gruConvention, in: tr, once: once, hooks: hooks))
        default:
            let (hs, pre) = RNNUnroll.forward(p, layer, f: Tanh(), nonlinearity: "tanh", in: tr, once: once, hooks: hooks)
            self = .rnn(RNNUnroll.Layer(p: p, inputs: layer, hs: hs, pre: pre))
        }
    }

    var hs: [Traced] {
        switch self {
        case .rnn(let l): return l.hs
        case .lstm(let l): return l.h
        case .gru(let l): return l.h
        }
    }

    /// The LSTM's cell states c_t (nil for the other cells), in the order computed.
    var cs: [Traced]? {
        if case .lstm(let l) = self { return l.c }
        return nil
    }

    /// Step t of the way back through the cell, as its lesson takes it.
    func stepBack(_ t: Int, _ back: Backprop, once: SaidOnce) {
        switch self {
        case .rnn(let l): RNNUnroll.stepBack(l.p, l, t, nonlinearity: "tanh", back, once: once)
        case .lstm(let l): LSTMGates.stepBack(l, t, cStart: l.inputs.c0 ?? l.inputs.h0, back, once: once)
        case .gru(let l): GRU.stepBack(l, t, Self.gruConvention, back, once: once)
        }
    }

    /// The states whose gradient sizes the figure shows.
    var states: [(letter: String, values: [Traced], layer: Int?)] {
        switch self {
        case .lstm(let l): return [("h", l.h, nil), ("c", l.c, nil)]
        default: return [("h", hs, nil)]
        }
    }
}
