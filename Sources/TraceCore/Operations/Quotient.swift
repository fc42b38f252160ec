// Entrywise division a / b (a scalar divides every entry): scaling by √d_k, normalizing by a sum.
// Backward: ∂a = ∂y / b, ∂b = −∂y ⊙ a / b².

struct Quotient: Operation {
    let a: Traced
    let b: Traced

    var operands: [Traced] { [a, b] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\\frac{\(w.plain(a))}{\(w.plain(b))}", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        // A product below the line goes in parentheses too: x/(z·z), not x/z·z.
        let below = w.entry(b, b.value.count == 1 ? 0 : index)
        let divisor = below.shape == .number || below.shape == .atom ? below.text : "(\(below.text))"
        return Arithmetic("\(w.factor(a, index))/\(divisor)", .product)
    }

    /// ∂a = ∂y / b; ∂b = −∂y ⊙ a / (b ⊙ b) (b entrywise, as a broadcast denominator is).
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        [needs[0] ? gradient / b : nil, needs[1] ? negated(hadamard(gradient, a) / hadamard(b, b)) : nil]
    }
}

/// Elementwise division (a scalar divides every entry).
public func / (lhs: Traced, rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, /), Quotient(a: lhs, b: rhs))
}
