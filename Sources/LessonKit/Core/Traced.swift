// Values that remember how they were computed (micrograd's idea): every operation returns a
// `Traced` holding its result and the operation with its operands. When a lesson records a
// Traced value, the renderers read this record to write the equation symbolically, with the
// numbers substituted, and entry by entry as sums of products. Lessons never format strings.

import Foundation

/// An elementwise function.
public enum Activation: String, Sendable {
    case sigmoid, tanh, relu, exp, sqrt, sin, cos

    func callAsFunction(_ x: Double) -> Double {
        switch self {
        case .sigmoid: return 1 / (1 + Foundation.exp(-x))
        case .tanh: return Foundation.tanh(x)
        case .relu: return x > 0 ? x : 0
        case .exp: return Foundation.exp(x)
        case .sqrt: return x.squareRoot()
        case .sin: return Foundation.sin(x)
        case .cos: return Foundation.cos(x)
        }
    }
}

/// What a row reduction computes from each row of a matrix.
public enum Reduction: Sendable, Equatable {
    case sum
    case max
    /// The row's sum divided by `divisor` (the row length for a mean; one less for an unbiased variance).
    case mean(divisor: Int)
}

/// How a vector is spread over a matrix.
public enum Broadcast: Sendable {
    /// Entry r fills row r (a per-row number: a mean, a row sum).
    case perRow
    /// The vector is repeated as every row (a per-column number: a bias, a gain).
    case perColumn
}

/// A value with the record of the operation that produced it.
public struct Traced: Sendable {
    public let value: Value
    let op: Op

    indirect enum Op: Sendable {
        /// A step of the trace: an input or a recorded value, shown by its symbol.
        case step(id: Int, symbol: String, isInput: Bool)
        /// Row `index` of a matrix (a token's vector), or rows `range` of a stack (a gate's block).
        case part(Traced, Part, symbol: String)
        case product(Traced, Traced)
        case sum(Traced, Traced)
        case difference(Traced, Traced)
        case hadamard(Traced, Traced)
        case oneMinus(Traced)
        case apply(Activation, Traced)
        case quotient(Traced, Traced)
        case transpose(Traced)
        case reduce(Reduction, Traced)
        case broadcast(Traced, Broadcast)
        case concatColumns([Traced])
        /// `base` to the power of each entry.
        case power(base: Traced, exponent: Traced)
        /// Column j gets sin where `sines[j]`, else cos (positional encoding).
        case sinusoid(Traced, sines: [Bool])
        /// The exponents 2i/d of the positional encoding, one per column.
        case pairExponent(pairs: [Int], d: Int)
        /// The softmax of each row, computed as exp(x − rowmax) / rowsum.
        case softmaxRows(Traced)
    }

    enum Part: Sendable {
        case row(Int)
        case rows(Range<Int>)
        case columns(Range<Int>)
    }

    init(_ value: Value, _ op: Op) {
        self.value = value
        self.op = op
    }

    /// Row `index` (0-based) of a matrix as a vector, e.g. `x.row(0, "x_{1}")`.
    public func row(_ index: Int, _ symbol: String) -> Traced {
        guard case .matrix(let m) = value else { preconditionFailure("row of a non-matrix") }
        return Traced(.vector(m.row(index)), .part(self, .row(index), symbol: symbol))
    }

    /// Rows `range` of a stacked vector or matrix, e.g. the forget gate's block `W_{if}`.
    public func rows(_ range: Range<Int>, _ symbol: String) -> Traced {
        Traced(value.rows(range), .part(self, .rows(range), symbol: symbol))
    }

    /// Columns `range` of a matrix, e.g. one head's share of the projected queries.
    public func columns(_ range: Range<Int>, _ symbol: String) -> Traced {
        guard case .matrix(let m) = value else { preconditionFailure("columns of a non-matrix") }
        return Traced(.matrix(m.columnSlice(range)), .part(self, .columns(range), symbol: symbol))
    }

    /// The transpose `Xᵀ`.
    public var transposed: Traced {
        guard case .matrix(let m) = value else { preconditionFailure("transpose of a non-matrix") }
        return Traced(.matrix(m.transposed), .transpose(self))
    }
}

// MARK: - Operations. Each computes its value now and keeps its operands for the renderers.

/// Matrix product: `W * x` (matrix × vector) or `A * B` (matrix × matrix).
public func * (lhs: Traced, rhs: Traced) -> Traced {
    Traced(lhs.value.product(rhs.value), .product(lhs, rhs))
}

public func + (lhs: Traced, rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, +), .sum(lhs, rhs))
}

public func - (lhs: Traced, rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, -), .difference(lhs, rhs))
}

/// Elementwise (Hadamard) product `a ⊙ b`.
public func hadamard(_ lhs: Traced, _ rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, *), .hadamard(lhs, rhs))
}

/// `1 − z`, elementwise.
public func oneMinus(_ x: Traced) -> Traced {
    Traced(x.value.map { 1 - $0 }, .oneMinus(x))
}

public func sigmoid(_ x: Traced) -> Traced { apply(.sigmoid, x) }
public func tanh(_ x: Traced) -> Traced { apply(.tanh, x) }
public func relu(_ x: Traced) -> Traced { apply(.relu, x) }

public func apply(_ f: Activation, _ x: Traced) -> Traced {
    Traced(x.value.map { f($0) }, .apply(f, x))
}

public func exp(_ x: Traced) -> Traced { apply(.exp, x) }
public func sqrt(_ x: Traced) -> Traced { apply(.sqrt, x) }

/// Elementwise division (a scalar divides every entry).
public func / (lhs: Traced, rhs: Traced) -> Traced {
    Traced(lhs.value.zip(rhs.value, /), .quotient(lhs, rhs))
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
    return Traced(.vector(Vector(rows)), .reduce(reduction, x))
}

/// A vector spread over a matrix of `shape` (rows, cols), for entrywise arithmetic with it.
public func broadcast(_ v: Traced, _ how: Broadcast, rows: Int, cols: Int) -> Traced {
    guard case .vector(let vector) = v.value else { preconditionFailure("broadcast of a non-vector") }
    var entries = [Double](repeating: 0, count: rows * cols)
    for r in 0..<rows {
        for c in 0..<cols { entries[r * cols + c] = how == .perRow ? vector[r] : vector[c] }
    }
    return Traced(.matrix(Matrix(rows: rows, cols: cols, entries: entries)), .broadcast(v, how))
}

/// Matrices side by side (the heads' outputs, concatenated).
public func concatColumns(_ parts: [Traced]) -> Traced {
    let matrices = parts.map { part -> Matrix in
        guard case .matrix(let m) = part.value else { preconditionFailure("concatenation of a non-matrix") }
        return m
    }
    let rows = matrices[0].rows
    let cols = matrices.map(\.cols).reduce(0, +)
    var entries: [Double] = []
    entries.reserveCapacity(rows * cols)
    for r in 0..<rows { for m in matrices { entries += m.row(r).entries } }
    return Traced(.matrix(Matrix(rows: rows, cols: cols, entries: entries)), .concatColumns(parts))
}

/// `base` raised to each entry of `exponent`.
public func power(_ base: Traced, _ exponent: Traced) -> Traced {
    Traced(base.value.zip(exponent.value, Foundation.pow), .power(base: base, exponent: exponent))
}

/// sin of the columns where `sines[j]`, cos of the others.
public func sinusoid(_ angles: Traced, sines: [Bool]) -> Traced {
    guard case .matrix(let m) = angles.value else { preconditionFailure("sinusoid of a non-matrix") }
    var entries = m.entries
    for i in entries.indices { entries[i] = sines[i % m.cols] ? Foundation.sin(entries[i]) : Foundation.cos(entries[i]) }
    return Traced(.matrix(Matrix(rows: m.rows, cols: m.cols, entries: entries)), .sinusoid(angles, sines: sines))
}

/// The exponents 2i/d, where column j belongs to frequency pair i = pairs[j].
public func pairExponents(_ pairs: [Int], d: Int) -> Traced {
    Traced(.vector(Vector(pairs.map { 2 * Double($0) / Double(d) })), .pairExponent(pairs: pairs, d: d))
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
    return Traced(.matrix(Matrix(rows: m.rows, cols: m.cols, entries: entries)), .softmaxRows(x))
}
