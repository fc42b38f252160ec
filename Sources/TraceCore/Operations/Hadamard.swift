// The elementwise (Hadamard) product a ⊙ b: how a gate scales what passes through it.

struct Hadamard: Operation {
    let a: Traced
    let b: Traced

    var operands: [Traced] { [a, b] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\(w.operand(a, atLeast: .atom)) \\odot \(w.operand(b, atLeast: .atom))", .product)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic("\(w.factor(a, index))·\(w.factor(b, index))", .product)
    }
}

/// Elementwise (Hadamard) product `a ⊙ b`.
public func hadamard(_ lhs: Traced, _ rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, *), Hadamard(a: lhs, b: rhs))
}
