// A gradient put back together from the gradients of a value's slices: the four gate blocks of
// the LSTM's a_t stacked, the rows x_t of the input one under the other, the heads' columns side
// by side. What no slice covers gets 0 (a part of the value that did not reach the loss).

struct Scatter: Operation {
    let parts: [(part: Slice.Part, gradient: Traced)]
    let rows: Int
    let cols: Int

    var operands: [Traced] { parts.map(\.gradient) }
    var writing: Writing { .view }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        let sorted = parts.sorted { $0.part.first < $1.part.first }
        let byColumns = { if case .columns? = sorted.first?.part { return true } else { return false } }()
        let cells: [String]
        if sorted.allSatisfy({ if case .row = $0.part { return true } else { return false } }) {
            // Single rows, each a transposed vector; a long run by its first and last.
            let found = Dictionary(sorted.map { ($0.part.first, $0.gradient) }, uniquingKeysWith: { a, _ in a })
            cells = w.equations.shown(rows, limit: w.equations.maxRows).map { r in
                r.map { found[$0].map { transposed(w.operand($0, atLeast: .atom)) } ?? "0" } ?? "\\vdots"
            }
        } else {
            // Blocks in order, a 0 for each gap between them.
            var blocks: [String] = []
            var next = 0
            for (part, g) in sorted {
                if part.first > next { blocks.append("0") }
                blocks.append(w.plain(g))
                next = part.end
            }
            if next < (byColumns ? cols : rows) { blocks.append("0") }
            cells = blocks
        }
        return LaTeX("\\begin{bmatrix} " + cells.joined(separator: byColumns ? " & " : " \\\\ ") + " \\end{bmatrix}", .atom)
    }

    /// The entries, row-major, of the value it builds.
    var scatteredEntries: [Double] {
        var entries = [Double](repeating: 0, count: rows * cols)
        for (part, g) in parts {
            let values = g.value.flat
            switch part {
            case .row(let r): for c in 0..<cols { entries[r * cols + c] += values[c] }
            case .rows(let range): for i in 0..<(range.count * cols) { entries[range.lowerBound * cols + i] += values[i] }
            case .columns(let range):
                for r in 0..<rows { for (j, c) in range.enumerated() { entries[r * cols + c] += values[r * range.count + j] } }
            }
        }
        return entries
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        let (r, c) = (index / cols, index % cols)
        for (part, g) in parts {
            switch part {
            case .row(let row) where row == r: return w.entry(g, c)
            case .rows(let range) where range.contains(r): return w.entry(g, (r - range.lowerBound) * cols + c)
            case .columns(let range) where range.contains(c): return w.entry(g, r * range.count + c - range.lowerBound)
            default: continue
            }
        }
        return Arithmetic("0", .number)
    }
}

extension Slice.Part {
    /// The first row (or column) the part covers, and one past its last.
    var first: Int {
        switch self {
        case .row(let r): return r
        case .rows(let range), .columns(let range): return range.lowerBound
        }
    }
    var end: Int {
        switch self {
        case .row(let r): return r + 1
        case .rows(let range), .columns(let range): return range.upperBound
        }
    }
}

/// A zero value shaped like `source` with each part's gradient in its place (parts disjoint).
func scatter(_ parts: [(part: Slice.Part, gradient: Traced)], into source: Value) -> Traced {
    // A vector is a column: its blocks of entries are blocks of rows.
    let (rows, cols) = source.shape.count == 2 ? (source.shape[0], source.shape[1]) : (source.count, 1)
    let operation = Scatter(parts: parts, rows: rows, cols: cols)
    return Traced(source.reshaped(operation.scatteredEntries), operation)
}

/// Two gradients each put back into parts of the same value, as one when no entry is covered
/// twice (a row of a bias whose blocks were used one by one, as Keras's GRU bias is): one
/// matrix of blocks rather than a sum of mostly zero matrices. nil when they are not such.
func mergedScatter(_ a: Traced, _ b: Traced) -> Traced? {
    guard let x = a.operation as? Scatter, let y = b.operation as? Scatter, x.rows == y.rows, x.cols == y.cols else { return nil }
    var covered = [Bool](repeating: false, count: x.rows * x.cols)
    for (part, _) in x.parts + y.parts {
        for index in part.entries(rows: x.rows, cols: x.cols) {
            if covered[index] { return nil }
            covered[index] = true
        }
    }
    return scatter(x.parts + y.parts, into: a.value)
}

extension Slice.Part {
    /// The row-major indices the part covers in a rows × cols value.
    func entries(rows: Int, cols: Int) -> [Int] {
        switch self {
        case .row(let r): return Array((r * cols)..<((r + 1) * cols))
        case .rows(let range): return Array((range.lowerBound * cols)..<(range.upperBound * cols))
        case .columns(let range): return (0..<rows).flatMap { r in range.map { r * cols + $0 } }
        }
    }
}
