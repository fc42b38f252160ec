// The dot product aᵀb of two vectors, a number: written out as its sum of products.
// Backward: ∂a = ∂y · b, ∂b = ∂y · a.

struct Dot: Operation {
    let a: Traced
    let b: Traced

    var operands: [Traced] { [a, b] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\(transposed(w.operand(a, atLeast: .atom))) \(w.operand(b, atLeast: .atom))", .product)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        // A term with a 0 factor carries nothing and is left out, as in a matrix product.
        let kept = (0..<a.value.count).filter { !w.vanishes(a, $0) && !w.vanishes(b, $0) }
        guard !kept.isEmpty else { return Arithmetic("0", .number) }
        let terms = w.terms(kept.count) { j in "\(w.factor(a, kept[j]))·\(w.factor(b, kept[j]))" }
        return Arithmetic(terms.joined(separator: " + "), kept.count == 1 ? .product : .sum)
    }

    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        [needs[0] ? hadamard(gradient, b) : nil, needs[1] ? hadamard(gradient, a) : nil]
    }
}

/// aᵀb, a number, of two vectors of one size.
public func dot(_ a: Traced, _ b: Traced) -> Traced {
    Traced(.scalar(zip(a.value.flat, b.value.flat).reduce(0) { $0 + $1.0 * $1.1 }), Dot(a: a, b: b))
}
