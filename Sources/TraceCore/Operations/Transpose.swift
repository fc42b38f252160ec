// The transpose Xᵀ: entry (r, c) is entry (c, r) of X, no arithmetic.

struct Transpose: Operation {
    let a: Traced

    var operands: [Traced] { [a] }
    var writing: Writing { .view }

    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX("\(w.operand(a, atLeast: .atom))^{\\top}", .atom) }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        guard case .matrix(let m) = result else { preconditionFailure("transpose of a non-matrix") }
        return w.entry(a, (index % m.cols) * m.rows + index / m.cols)
    }
}

extension Traced {
    /// The transpose `Xᵀ`.
    public var transposed: Traced {
        guard case .matrix(let m) = value else { preconditionFailure("transpose of a non-matrix") }
        return Traced(.matrix(m.transposed), Transpose(a: self))
    }
}
