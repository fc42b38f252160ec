// Entrywise difference a − b (a scalar subtracts from every entry). Backward: ∂a = ∂, ∂b = −∂.

struct Difference: Operation {
    let a: Traced
    let b: Traced

    var operands: [Traced] { [a, b] }
    var writing: Writing { .staysWritten }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\(w.operand(a, atLeast: .sum)) - \(w.operand(b, atLeast: .product))", .sum)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic("\(w.entry(a, index).text) - \(w.factor(b, index))", .sum)
    }

    /// ∂a = ∂(a − b), ∂b = −∂(a − b).
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        [needs[0] ? gradient : nil, needs[1] ? negated(gradient) : nil]
    }
}

public func - (lhs: Traced, rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, -), Difference(a: lhs, b: rhs))
}
