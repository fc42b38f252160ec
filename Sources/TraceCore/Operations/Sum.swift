// Entrywise sum a + b (a scalar adds to every entry). Stays written out when its operands are
// collapsed, so the additions remain visible: `-0.1000 + 0.1 + 0.0800`. Backward: ∂a = ∂b = ∂(a + b).

struct Sum: Operation {
    let a: Traced
    let b: Traced
    /// Whether a 0 is written as a term: counts added up (BLEU's m + 1 for n ≥ 2: `5 + 0`, `0 + 1`), where the 0 was counted.
    var writesZeros = false

    var operands: [Traced] { [a, b] }
    var writing: Writing { .staysWritten }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\(w.operand(a, atLeast: .sum)) + \(w.operand(b, atLeast: .sum))", .sum)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        if writesZeros { return Arithmetic("\(w.entry(a, index).text) + \(w.addend(b, index))", .sum) }
        return w.sum([(a, index), (b, index)])
    }

    /// Each addend changes the sum one for one: ∂a = ∂b = ∂(a + b).
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        [needs[0] ? gradient : nil, needs[1] ? gradient : nil]
    }
}

public func + (lhs: Traced, rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, +), Sum(a: lhs, b: rhs))
}

/// `a + b` entry by entry, written with every term, a 0 too (`5 + 0`, `0 + 1`): counts added up.
public func countSum(_ lhs: Traced, _ rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, +), Sum(a: lhs, b: rhs, writesZeros: true))
}
