// Entrywise sum a + b (a scalar adds to every entry). Stays written out when its operands are
// collapsed, so the additions remain visible: `-0.1000 + 0.1 + 0.0800`. Backward: ∂a = ∂b = ∂(a + b).

struct Sum: Operation {
    let a: Traced
    let b: Traced

    var operands: [Traced] { [a, b] }
    var writing: Writing { .staysWritten }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\(w.operand(a, atLeast: .sum)) + \(w.operand(b, atLeast: .sum))", .sum)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        w.sum([(a, index), (b, index)])
    }

    /// Each addend changes the sum one for one: ∂a = ∂b = ∂(a + b).
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        [needs[0] ? gradient : nil, needs[1] ? gradient : nil]
    }
}

public func + (lhs: Traced, rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, +), Sum(a: lhs, b: rhs))
}
