// A value of the trace (an input, or a recorded computed value) as it is used further on: shown
// by its symbol, its arithmetic already written out where it was recorded.

struct Recorded: Operation {
    /// The step of the trace it stands for.
    let id: Int
    let symbol: String
    let isInput: Bool
    /// Whole counts, written as given numbers are (`2`, not `2.0000`).
    var exact = false

    var operands: [Traced] { [] }
    var leaf: Leaf? { Leaf(symbol: symbol, given: isInput || exact) }
    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX(symbol, .atom) }
    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic(w.fixed(result.flat[index]), .number)
    }
}
