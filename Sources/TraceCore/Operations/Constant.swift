// A number the backward pass needs that is no value of the trace: a divisor (the 4 of a mean over
// four features), the indicator of a row's largest entry. Shown by its symbol, exact.

struct Constant: Operation {
    let symbol: String

    var operands: [Traced] { [] }
    var leaf: Leaf? { Leaf(symbol: symbol, given: true) }
    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX(symbol, .atom) }
    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic(w.fixed(result.flat[index]), .number)
    }
}

/// `value` shown as `symbol`.
public func constant(_ value: Value, _ symbol: String) -> Traced {
    Traced(value, Constant(symbol: symbol))
}
