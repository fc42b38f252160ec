// One number per row of a matrix: its sum, its largest entry, or its sum over a divisor (a mean;
// one less than the row length for an unbiased variance). Written out term by term.
// Backward: the row's gradient spread back over the row (÷ divisor for a mean; to the largest entry for a max).

/// What a row reduction computes from each row of a matrix.
public enum Reduction: Sendable, Equatable {
    case sum
    case max
    /// The row's sum divided by `divisor`.
    case mean(divisor: Int)
}

struct RowReduction: Operation {
    let reduction: Reduction
    let a: Traced

    var operands: [Traced] { [a] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        let inner = w.plain(a)
        switch reduction {
        case .sum: return LaTeX("\\operatorname{rowsum}\\left(\(inner)\\right)", .atom)
        case .max: return LaTeX("\\operatorname{rowmax}\\left(\(inner)\\right)", .atom)
        case .mean(let divisor): return LaTeX("\\tfrac{1}{\(divisor)}\\operatorname{rowsum}\\left(\(inner)\\right)", .product)
        }
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        guard case .matrix(let m) = a.value else { preconditionFailure("row reduction of a non-matrix") }
        // The first term needs no parentheses even when negative.
        func addend(_ i: Int) -> String {
            let written = w.entry(a, i)
            return written.shape == .negativeNumber && i % m.cols > 0 ? "(\(written.text))" : written.text
        }
        let terms = w.terms(m.cols) { c in
            reduction == .max ? w.entry(a, index * m.cols + c).text : addend(index * m.cols + c)
        }
        switch reduction {
        case .sum: return Arithmetic(terms.joined(separator: " + "), m.cols == 1 ? .number : .sum)
        case .max: return Arithmetic("max(" + terms.joined(separator: ", ") + ")", .atom)
        case .mean(let divisor): return Arithmetic("(" + terms.joined(separator: " + ") + ")/\(divisor)", .product)
        }
    }
}

extension RowReduction {
    /// A row's sum takes each entry one for one, its mean 1/divisor of each; its largest entry
    /// passes the whole gradient to the entry that was largest (the first, if two tie).
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        guard needs[0], case .matrix(let m) = a.value else { return [nil] }
        let spread = { (g: Traced) in broadcast(g, .perRow, rows: m.rows, cols: m.cols) }
        switch reduction {
        case .sum: return [spread(gradient)]
        case .mean(let divisor): return [spread(gradient / constant(.scalar(Double(divisor)), "\(divisor)"))]
        case .max:
            var oneHot = [Double](repeating: 0, count: m.rows * m.cols)
            for r in 0..<m.rows {
                let row = m.row(r).entries
                if let top = row.indices.first(where: { row[$0] == row.max() }) { oneHot[r * m.cols + top] = 1 }
            }
            let largest = constant(.matrix(Matrix(rows: m.rows, cols: m.cols, entries: oneHot)), #"\mathbb 1_{\max}"#)
            return [hadamard(spread(gradient), largest)]
        }
    }
}

/// One number per row of a matrix: its sum, its maximum or its mean.
public func reduceRows(_ reduction: Reduction, _ x: Traced) -> Traced {
    guard case .matrix(let m) = x.value else { preconditionFailure("row reduction of a non-matrix") }
    let rows = (0..<m.rows).map { r -> Double in
        let row = m.row(r).entries
        switch reduction {
        case .sum: return row.reduce(0, +)
        case .max: return row.max() ?? 0
        case .mean(let divisor): return row.reduce(0, +) / Double(divisor)
        }
    }
    return Traced(.vector(Vector(rows)), RowReduction(reduction: reduction, a: x))
}
