// The matrix product: W x (matrix × vector) or A B (matrix × matrix). An entry is written out as
// its sum of products, `0.5·1 + (-0.3)·2`; long sums show their first and last terms.
// Backward: ∂A = ∂Y Bᵀ (an outer product for a vector), ∂B = Aᵀ ∂Y.

struct MatrixProduct: Operation {
    let a: Traced
    let b: Traced

    var operands: [Traced] { [a, b] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\(w.operand(a, atLeast: .atom)) \(w.operand(b, atLeast: .atom))", .product)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        guard case .matrix(let m) = a.value else { preconditionFailure("product needs a matrix on the left") }
        let inner = m.cols
        let (row, col, bCols): (Int, Int, Int)
        if case .matrix(let mb) = b.value {
            (row, col, bCols) = (index / mb.cols, index % mb.cols, mb.cols)
        } else {
            (row, col, bCols) = (index, 0, 1)
        }
        let terms = w.terms(inner) { k in "\(w.factor(a, row * inner + k))·\(w.factor(b, k * bCols + col))" }
        return Arithmetic(terms.joined(separator: " + "), inner == 1 ? .product : .sum)
    }

    /// ∂A = ∂Y Bᵀ (for a vector B the outer product ∂y xᵀ), ∂B = Aᵀ ∂Y.
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        let ofA: Traced? = needs[0] ? (b.value.shape.count == 1 ? outer(gradient, b) : gradient * transpose(b)) : nil
        return [ofA, needs[1] ? transpose(a) * gradient : nil]
    }
}

/// Matrix product: `W * x` (matrix × vector) or `A * B` (matrix × matrix).
public func * (lhs: Traced, rhs: Traced) -> Traced {
    Traced(lhs.value.product(rhs.value), MatrixProduct(a: lhs, b: rhs))
}
