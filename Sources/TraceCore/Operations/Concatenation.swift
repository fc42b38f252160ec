// Matrices side by side (the heads' outputs, concatenated), or vectors one after another (blocks
// of a stacked bias put in another order): each entry is copied from its part.
// Backward: the gradient cut back into the parts' columns (or entries).

struct Concatenation: Operation {
    let parts: [Traced]

    var operands: [Traced] { parts }
    var writing: Writing { .view }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\\operatorname{concat}\\left(" + parts.map { w.plain($0) }.joined(separator: ", ") + "\\right)", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        if case .vector = result {
            var entry = index
            for part in parts {
                if entry < part.value.count { return w.entry(part, entry) }
                entry -= part.value.count
            }
            preconditionFailure("entry outside the concatenation")
        }
        guard case .matrix(let m) = result else { preconditionFailure("concatenation of non-matrices") }
        let row = index / m.cols
        var col = index % m.cols
        for part in parts {
            guard case .matrix(let p) = part.value else { continue }
            if col < p.cols { return w.entry(part, row * p.cols + col) }
            col -= p.cols
        }
        preconditionFailure("column outside the concatenation")
    }

    /// Each part gets its own columns (a vector's part, its own entries) of the gradient back.
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        var first = 0
        let isVector = result.value.shape.count == 1
        return zip(parts, needs).map { part, needed in
            let count = part.value.shape.last ?? 1
            defer { first += count }
            guard needed else { return nil }
            let range = first..<(first + count)
            return isVector ? gradient.rows(range, sliceSymbol(gradient, "\(first + 1):\(first + count)"))
                : gradient.columns(range, sliceSymbol(gradient, #":,\,"# + "\(first + 1):\(first + count)"))
        }
    }
}

/// Matrices side by side (the heads' outputs, concatenated).
public func concatColumns(_ parts: [Traced]) -> Traced {
    let matrices = parts.map { part -> Matrix in
        guard case .matrix(let m) = part.value else { preconditionFailure("concatenation of a non-matrix") }
        return m
    }
    let rows = matrices.first?.rows ?? 0
    let cols = matrices.map(\.cols).reduce(0, +)
    var entries: [Double] = []
    entries.reserveCapacity(rows * cols)
    for r in 0..<rows { for m in matrices { entries += m.row(r).entries } }
    return Traced(.matrix(Matrix(rows: rows, cols: cols, entries: entries)), Concatenation(parts: parts))
}

/// Vectors one after another: blocks of a stacked vector, in the order given.
public func concatEntries(_ parts: [Traced]) -> Traced {
    let entries = parts.flatMap { part -> [Double] in
        guard case .vector(let v) = part.value else { preconditionFailure("entry concatenation of a non-vector") }
        return v.entries
    }
    return Traced(.vector(Vector(entries)), Concatenation(parts: parts))
}

/// Vectors laid out as the rows of a matrix, each row the entries of its parts one after another
/// (birnn's output: row t is →h_t followed by ←h_t; seq2seq's M: row i is h_i alone). Backward: each part gets its own row and
/// columns of the gradient.
struct RowConcatenation: Operation {
    let rows: [[Traced]]

    var operands: [Traced] { rows.flatMap { $0 } }
    var writing: Writing { .view }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        // Each row its parts transposed, side by side; a long run by its first and last rows.
        let cells = w.equations.shown(rows.count, limit: w.equations.maxRows).map { r in
            r.map { rows[$0].map { transposed(w.operand($0, atLeast: .atom)) }.joined(separator: " & ") } ?? "\\vdots"
        }
        return LaTeX("\\begin{bmatrix} " + cells.joined(separator: " \\\\ ") + " \\end{bmatrix}", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        guard case .matrix(let m) = result else { preconditionFailure("row concatenation of non-vectors") }
        var col = index % m.cols
        for part in rows[index / m.cols] {
            if col < part.value.count { return w.entry(part, col) }
            col -= part.value.count
        }
        preconditionFailure("column outside the row concatenation")
    }

    /// Part j of row t gets row t's entries of the gradient in its columns: (∂L/∂O)_{t, cols}.
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        var need = needs.makeIterator()
        return rows.enumerated().flatMap { t, parts -> [Traced?] in
            var first = 0
            return parts.map { part in
                let count = part.value.count
                defer { first += count }
                guard need.next() == true else { return nil }
                let row = gradient.row(t, sliceSymbol(gradient, "\(t + 1),:"))
                // A part that is its whole row (seq2seq's h_i as row i of M) takes the row as it is.
                if parts.count == 1 { return row }
                return row.rows(first..<(first + count), sliceSymbol(gradient, "\(t + 1),\\,\(first + 1):\(first + count)"))
            }
        }
    }
}

/// A matrix whose row t is the vectors `rows[t]` one after another (each row as long as the others).
public func concatRows(_ rows: [[Traced]]) -> Traced {
    let entries = rows.flatMap { parts in parts.flatMap { $0.value.flat } }
    let cols = rows.first.map { $0.reduce(0) { $0 + $1.value.count } } ?? 0
    return Traced(.matrix(Matrix(rows: rows.count, cols: cols, entries: entries)), RowConcatenation(rows: rows))
}
