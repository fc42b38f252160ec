// The matrix product: W x (matrix × vector) or A B (matrix × matrix). An entry is written out as
// its sum of products, `0.5·1 + (-0.3)·2`; long sums show their first and last terms.
// Backward: ∂A = ∂Y Bᵀ (an outer product for a vector), ∂B = Aᵀ ∂Y.

struct MatrixProduct: Operation {
    let a: Traced
    let b: Traced
    /// Aᵀ B without a transposed copy of A (the backward pass's W_hhᵀ ∂L/∂a_t, at every step).
    var transposesA = false

    var operands: [Traced] { [a, b] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        let left = transposesA ? transposed(w.operand(a, atLeast: .atom)) : w.operand(a, atLeast: .atom)
        return LaTeX("\(left) \(w.operand(b, atLeast: .atom))", .product)
    }

    /// Entry (row, k) of the left factor as written (of Aᵀ when transposed), row-major in A.
    private func left(_ row: Int, _ k: Int, _ m: Matrix) -> Int { transposesA ? k * m.cols + row : row * m.cols + k }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        guard case .matrix(let m) = a.value else { preconditionFailure("product needs a matrix on the left") }
        let inner = transposesA ? m.rows : m.cols
        let (row, col, bCols): (Int, Int, Int)
        if case .matrix(let mb) = b.value {
            (row, col, bCols) = (index / mb.cols, index % mb.cols, mb.cols)
        } else {
            (row, col, bCols) = (index, 0, 1)
        }
        // A term with a 0 factor (a one-hot input's) is left out.
        let kept = (0..<inner).filter { k in !w.vanishes(a, left(row, k, m)) && !w.vanishes(b, k * bCols + col) }
        guard !kept.isEmpty else { return Arithmetic("0", .number) }
        let terms = w.terms(kept.count) { j in "\(w.factor(a, left(row, kept[j], m)))·\(w.factor(b, kept[j] * bCols + col))" }
        return Arithmetic(terms.joined(separator: " + "), kept.count == 1 ? .product : .sum)
    }

    /// ∂A = ∂Y Bᵀ (for a vector B the outer product ∂y xᵀ), ∂B = Aᵀ ∂Y.
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        guard !transposesA else { return nil }   // made by the backward pass only, never differentiated
        let ofA: Traced? = needs[0] ? (b.value.shape.count == 1 ? outer(gradient, b) : gradient * transpose(b)) : nil
        return [ofA, needs[1] ? transposedTimes(a, gradient) : nil]
    }
}

/// `aᵀ g`: a transposed operand's own operand as it is, else the product with A read transposed.
func transposedTimes(_ a: Traced, _ g: Traced) -> Traced {
    if let t = a.operation as? Transpose { return t.a * g }
    return Traced(a.value.productTransposingLeft(g.value), MatrixProduct(a: a, b: g, transposesA: true))
}

/// Matrix product: `W * x` (matrix × vector) or `A * B` (matrix × matrix).
public func * (lhs: Traced, rhs: Traced) -> Traced {
    Traced(lhs.value.product(rhs.value), MatrixProduct(a: lhs, b: rhs))
}
