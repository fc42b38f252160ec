// Values that remember how they were computed (micrograd's idea): every operation returns a
// `Traced` holding its result and the operation with its operands. When a lesson records a
// Traced value, the renderers read this record to write the equation symbolically, with the
// numbers substituted, and entry by entry as sums of products. Lessons never format strings.

import Foundation

/// An elementwise nonlinearity.
public enum Activation: String, Sendable {
    case sigmoid, tanh, relu

    func callAsFunction(_ x: Double) -> Double {
        switch self {
        case .sigmoid: return 1 / (1 + Foundation.exp(-x))
        case .tanh: return Foundation.tanh(x)
        case .relu: return x > 0 ? x : 0
        }
    }
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
    }

    enum Part: Sendable {
        case row(Int)
        case rows(Range<Int>)
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
