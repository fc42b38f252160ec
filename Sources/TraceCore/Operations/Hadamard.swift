// The elementwise (Hadamard) product a ⊙ b: how a gate scales what passes through it.
// Backward: ∂a = ∂y ⊙ b, ∂b = ∂y ⊙ a (a gate scales the gradient as it scaled the value).

struct Hadamard: Operation {
    let a: Traced
    let b: Traced
    /// Whether a factor 0 is written as itself: a product that is the step (BLEU's BP · 0 = 0), not a term of a sum.
    var keepsZero = false
    /// Whether it is x ⊙ x, a square: its gradient is one term, ∂y ⊙ 2·x, not one per factor.
    var squares = false

    var operands: [Traced] { [a, b] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        // ⊙ is associative: a chain of them (∂L/∂i ⊙ i ⊙ (1 − i)) needs no parentheses.
        func side(_ t: Traced) -> String {
            w.operand(t, atLeast: t.operation is Hadamard || t.operation is Derivative ? .product : .atom)
        }
        // A number times a vector is a plain product (char-lm's (p − onehot) · ∂L/∂ℓ, BLEU's BP times its geometric mean).
        let scalar = a.value.shape.isEmpty || b.value.shape.isEmpty
        let times = scalar ? "\\cdot" : "\\odot"
        return LaTeX("\(side(a)) \(times) \(side(b))", .product)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        // A factor that is a 0 of no information (c₀ = 0) makes the product one too: a sum leaves it out.
        if !keepsZero && (w.vanishes(a, index) || w.vanishes(b, index)) { return Arithmetic("0", .number) }
        return Arithmetic("\(w.factor(a, index))·\(w.factor(b, index))", .product)
    }

    /// Each factor's gradient is the incoming one times the other factor: ∂a = ∂y ⊙ b.
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        if squares { return [needs[0] ? hadamard(gradient, hadamard(constant(.scalar(2), "2"), a)) : nil, nil] }
        return [needs[0] ? hadamard(gradient, b) : nil, needs[1] ? hadamard(gradient, a) : nil]
    }
}

/// Elementwise (Hadamard) product `a ⊙ b`.
public func hadamard(_ lhs: Traced, _ rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, *), Hadamard(a: lhs, b: rhs))
}

/// `a ⊙ b` written out with every factor, a 0 too (`0.8465·0`): for a product that is a step of its
/// own, where the 0 is the point (BLEU's score when one precision is 0).
public func product(_ lhs: Traced, _ rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, *), Hadamard(a: lhs, b: rhs, keepsZero: true))
}

/// `x ⊙ x`, written as that product; backward, one term ∂y ⊙ 2·x (a variance's squared deviations).
public func square(_ x: Traced) -> Traced {
    Traced(x.value.zip(x.value, *), Hadamard(a: x, b: x, squares: true))
}
