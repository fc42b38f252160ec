// Entrywise division a / b (a scalar divides every entry): scaling by √d_k, normalizing by a sum.

struct Quotient: Operation {
    let a: Traced
    let b: Traced

    var operands: [Traced] { [a, b] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\\frac{\(w.plain(a))}{\(w.plain(b))}", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic("\(w.factor(a, index))/\(w.factor(b, b.value.count == 1 ? 0 : index))", .product)
    }
}

/// Elementwise division (a scalar divides every entry).
public func / (lhs: Traced, rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, /), Quotient(a: lhs, b: rhs))
}
