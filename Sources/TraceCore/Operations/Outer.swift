// The outer product u vᵀ of two vectors: how a weight's gradient is made from one step, entry
// (r, c) = ∂L/∂a_r · x_c. Only the backward pass makes it; nothing flows back through it.

struct Outer: Operation {
    let u: Traced
    let v: Traced

    var operands: [Traced] { [u, v] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\(w.operand(u, atLeast: .atom)) \(transposed(w.operand(v, atLeast: .atom)))", .product)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        let cols = v.value.count
        // A factor that is a 0 of no information (a one-hot input's, h₀'s) makes the term one too: the sum leaves it out.
        if w.vanishes(u, index / cols) || w.vanishes(v, index % cols) { return Arithmetic("0", .number) }
        return Arithmetic("\(w.factor(u, index / cols))·\(w.factor(v, index % cols))", .product)
    }
}

/// `u vᵀ` for vectors u and v.
func outer(_ u: Traced, _ v: Traced) -> Traced {
    let (a, b) = (u.value.flat, v.value.flat)
    let entries = [Double](unsafeUninitializedCapacity: a.count * b.count) { buffer, count in
        for r in a.indices { for c in b.indices { buffer[r * b.count + c] = a[r] * b[c] } }
        count = a.count * b.count
    }
    return Traced(.matrix(Matrix(rows: a.count, cols: b.count, entries: entries)), Outer(u: u, v: v))
}
