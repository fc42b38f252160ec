// A vector spread over a matrix, for entrywise arithmetic with it: one number per row (a mean, a
// row sum) or one per column (a bias, a gain).
// Backward: the gradient summed over the copies (column sums for a per-column bias).

/// How a vector is spread over a matrix.
public enum BroadcastRule: Sendable {
    /// Entry r fills row r (a per-row number: a mean, a row sum).
    case perRow
    /// The vector is repeated as every row (a per-column number: a bias, a gain).
    case perColumn
}

struct Broadcast: Operation {
    let a: Traced
    let rule: BroadcastRule

    var operands: [Traced] { [a] }
    var writing: Writing { .view }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        w.latex(of: a)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        guard case .matrix(let m) = result else { preconditionFailure("broadcast to a non-matrix") }
        return w.entry(a, rule == .perRow ? index / m.cols : index % m.cols)
    }

    /// Each copy passes its gradient back to the one number it copies: row sums for a per-row
    /// number, column sums for a per-column one.
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        guard needs[0] else { return [nil] }
        return [rule == .perRow ? reduceRows(.sum, gradient) : sumColumns(gradient)]
    }
}

/// A vector spread over a matrix of `rows` × `cols`, for entrywise arithmetic with it.
public func broadcast(_ v: Traced, _ rule: BroadcastRule, rows: Int, cols: Int) -> Traced {
    guard case .vector(let vector) = v.value else { preconditionFailure("broadcast of a non-vector") }
    var entries = [Double](repeating: 0, count: rows * cols)
    for r in 0..<rows {
        for c in 0..<cols { entries[r * cols + c] = rule == .perRow ? vector[r] : vector[c] }
    }
    return Traced(.matrix(Matrix(rows: rows, cols: cols, entries: entries)), Broadcast(a: v, rule: rule))
}
