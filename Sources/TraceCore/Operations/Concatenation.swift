// Matrices side by side (the heads' outputs, concatenated): each entry is copied from its part.
// Backward: the gradient cut back into the parts' columns.

struct Concatenation: Operation {
    let parts: [Traced]

    var operands: [Traced] { parts }
    var writing: Writing { .view }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\\operatorname{concat}\\left(" + parts.map { w.plain($0) }.joined(separator: ", ") + "\\right)", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
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

    /// Each part gets its own columns of the gradient back.
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        var first = 0
        return zip(parts, needs).map { part, needed in
            let cols = part.value.shape.last ?? 1
            defer { first += cols }
            return needed ? gradient.columns(first..<(first + cols), sliceSymbol(gradient, #":,\,"# + "\(first + 1):\(first + cols)")) : nil
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
