// One number per row of a matrix: its sum, its largest entry, or its sum over a divisor (a mean;
// one less than the row length for an unbiased variance). Written out term by term.

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
