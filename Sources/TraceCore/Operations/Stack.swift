// Vectors as the rows of a matrix (the encoder's states h_1 … h_S as the memory M the attention
// reads): each entry is copied from its row's vector.
// Backward: row i of the gradient goes back to vector i.

struct Stack: Operation {
    let rows: [Traced]

    var operands: [Traced] { rows }
    var writing: Writing { .view }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        let shown = rows.count > 3 ? [w.plain(rows[0]), #"\dots"#, w.plain(rows[rows.count - 1])] : rows.map { w.plain($0) }
        return LaTeX(#"\begin{bmatrix} "# + shown.map { $0 + #"^{\top}"# }.joined(separator: #" \\ "#) + #" \end{bmatrix}"#, .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        guard case .matrix(let m) = result else { preconditionFailure("a stack is a matrix") }
        return w.entry(rows[index / m.cols], index % m.cols)
    }

    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        rows.indices.map { i in needs[i] ? gradient.row(i, sliceSymbol(gradient, "\(i + 1),:")) : nil }
    }
}

/// Vectors of one size as the rows of a matrix, in the order given.
public func stackRows(_ rows: [Traced]) -> Traced {
    let entries = rows.flatMap { row -> [Double] in
        guard case .vector(let v) = row.value else { preconditionFailure("a stack of a non-vector") }
        return v.entries
    }
    let cols = rows.first?.value.count ?? 0
    return Traced(.matrix(Matrix(rows: rows.count, cols: cols, entries: entries)), Stack(rows: rows))
}
