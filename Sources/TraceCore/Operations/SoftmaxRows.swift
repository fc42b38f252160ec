// The softmax of each row, computed as exp(x − rowmax)/rowsum so that no exponential overflows.
// Written out as `exp(0.2500 - 0.3750)/(exp(…) + exp(…))`, then as `0.3679/2.2504`.
// Backward (for later): ∂x_ij = a_ij (∂a_ij − Σ_k a_ik ∂a_ik).

import Foundation

struct SoftmaxRows: Operation {
    let a: Traced

    var operands: [Traced] { [a] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\\operatorname{softmax}\\left(\(w.plain(a))\\right)", .atom)
    }

    private var rows: Matrix {
        guard case .matrix(let m) = a.value else { preconditionFailure("softmax of a non-matrix") }
        return m
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        let m = rows
        let row = index / m.cols
        let topValue = m.row(row).entries.max() ?? 0
        let top = topValue < 0 ? "(\(w.fixed(topValue)))" : w.fixed(topValue)
        func shifted(_ c: Int) -> String { "exp(\(w.entry(a, row * m.cols + c).text) - \(top))" }
        let terms = w.terms(m.cols, shifted)
        return Arithmetic("\(shifted(index % m.cols))/(\(terms.joined(separator: " + ")))", .product)
    }

    /// The exp of the shifted score over the row's sum of such exps, as numbers.
    func lastStage(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> String? {
        let m = rows
        let entries = m.row(index / m.cols).entries
        let top = entries.max() ?? 0
        let total = entries.map { Foundation.exp($0 - top) }.reduce(0, +)
        return "\(w.fixed(Foundation.exp(entries[index % m.cols] - top)))/\(w.fixed(total))"
    }
}

/// The softmax of each row of a matrix: exp(x_ij − max_j x_ij) / Σ_j exp(x_ij − max_j x_ij).
public func softmaxRows(_ x: Traced) -> Traced {
    guard case .matrix(let m) = x.value else { preconditionFailure("softmax of a non-matrix") }
    var entries = m.entries
    for r in 0..<m.rows {
        let row = m.row(r).entries
        let top = row.max() ?? 0
        let exps = row.map { Foundation.exp($0 - top) }
        let total = exps.reduce(0, +)
        for c in 0..<m.cols { entries[r * m.cols + c] = exps[c] / total }
    }
    return Traced(.matrix(Matrix(rows: m.rows, cols: m.cols, entries: entries)), SoftmaxRows(a: x))
}
