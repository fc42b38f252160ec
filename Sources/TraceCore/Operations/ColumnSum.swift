// One number per column of a matrix, its sum down the rows: the gradient of a bias added to
// every row (one copy per token) is the sum of the copies' gradients.

struct ColumnSum: Operation {
    let a: Traced

    var operands: [Traced] { [a] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\\operatorname{colsum}\\left(\(w.plain(a))\\right)", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        guard case .matrix(let m) = a.value else { preconditionFailure("column sum of a non-matrix") }
        var first = true
        let terms = w.terms(m.rows) { r -> String in
            defer { first = false }
            return first ? w.entry(a, r * m.cols + index).text : w.addend(a, r * m.cols + index)
        }
        return Arithmetic(terms.joined(separator: " + "), m.rows == 1 ? .atom : .sum)
    }
}

/// The sum of each column of a matrix.
func sumColumns(_ x: Traced) -> Traced {
    guard case .matrix(let m) = x.value else { preconditionFailure("column sum of a non-matrix") }
    var sums = [Double](repeating: 0, count: m.cols)
    for r in 0..<m.rows { for c in 0..<m.cols { sums[c] += m[r, c] } }
    return Traced(.vector(Vector(sums)), ColumnSum(a: x))
}
