// 1 − z, entry by entry: the share a gate leaves to the other side (the GRU's 1 − z). Backward: −∂.

struct OneMinus: Operation {
    let a: Traced

    var operands: [Traced] { [a] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\\left(1 - \(w.operand(a, atLeast: .product))\\right)", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic("(1 - \(w.factor(a, index)))", .atom)
    }

    /// ∂z = −∂(1 − z).
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        [needs[0] ? negated(gradient) : nil]
    }
}

/// `1 − z`, elementwise.
public func oneMinus(_ x: Traced) -> Traced {
    Traced(x.value.map { 1 - $0 }, OneMinus(a: x))
}
