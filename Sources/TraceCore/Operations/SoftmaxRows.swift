// The softmax of each row, computed as exp(x − rowmax)/rowsum so that no exponential overflows.
// Written out as `exp(0.2500 - 0.3750)/(exp(…) + exp(…))`, then as `0.3679/2.2504`.
// Backward: ∂x_ij = a_ij (∂a_ij − Σ_k a_ik ∂a_ik), the compact form of the Jacobian-vector product.

import Foundation

struct SoftmaxRows: Operation {
    let a: Traced
    /// Each row's largest entry and its sum of shifted exponentials, kept from the forward pass.
    let rowMax: [Double]
    let rowSum: [Double]

    var operands: [Traced] { [a] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\\operatorname{softmax}\\left(\(w.plain(a))\\right)", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        let cols = rowSum.isEmpty ? 1 : result.count / rowSum.count
        let row = index / cols
        let top = rowMax[row] < 0 ? "(\(w.fixed(rowMax[row])))" : w.fixed(rowMax[row])
        func shifted(_ c: Int) -> String { "exp(\(w.entry(a, row * cols + c).text) - \(top))" }
        let terms = w.terms(cols, shifted)
        return Arithmetic("\(shifted(index % cols))/(\(terms.joined(separator: " + ")))", .product)
    }

    /// The exp of the shifted score over the row's sum of such exps, as numbers.
    func lastStage(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> String? {
        guard !rowSum.isEmpty else { return nil }
        let row = index / (result.count / rowSum.count)
        return "\(w.fixed(Foundation.exp(a.value.flat[index] - rowMax[row])))/\(w.fixed(rowSum[row]))"
    }

    /// The softmax's Jacobian-vector product, row by row: ∂x = A ⊙ (∂A − rowsum(A ⊙ ∂A)); for a
    /// vector (seq2seq's α_t), ∂x = a ⊙ ∂a − a · (aᵀ∂a).
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        guard needs[0] else { return [nil] }
        guard case .matrix(let m) = result.value else { return [hadamard(result, gradient) - hadamard(result, dot(result, gradient))] }
        let along = reduceRows(.sum, hadamard(result, gradient))
        return [hadamard(result, gradient - broadcast(along, .perRow, rows: m.rows, cols: m.cols))]
    }
}

/// The softmax of a vector (char-lm's scores over the characters), as the one row of a matrix.
public func softmax(_ x: Traced) -> Traced {
    guard case .vector(let v) = x.value else { preconditionFailure("softmax of a non-vector") }
    let top = v.entries.max() ?? 0
    let exps = v.entries.map { Foundation.exp($0 - top) }
    let total = exps.reduce(0, +)
    return Traced(.vector(Vector(exps.map { $0 / total })), SoftmaxRows(a: x, rowMax: [top], rowSum: [total]))
}

/// The softmax of each row of a matrix: exp(x_ij − max_j x_ij) / Σ_j exp(x_ij − max_j x_ij).
public func softmaxRows(_ x: Traced) -> Traced {
    guard case .matrix(let m) = x.value else { preconditionFailure("softmax of a non-matrix") }
    var entries = m.entries
    var (rowMax, rowSum) = ([Double](), [Double]())
    for r in 0..<m.rows {
        let row = m.row(r).entries
        let top = row.max() ?? 0
        let exps = row.map { Foundation.exp($0 - top) }
        let total = exps.reduce(0, +)
        for c in 0..<m.cols { entries[r * m.cols + c] = exps[c] / total }
        rowMax.append(top)
        rowSum.append(total)
    }
    return Traced(.matrix(Matrix(rows: m.rows, cols: m.cols, entries: entries)), SoftmaxRows(a: x, rowMax: rowMax, rowSum: rowSum))
}
