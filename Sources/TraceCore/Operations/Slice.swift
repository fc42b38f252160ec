// Part of a value under a symbol of its own: row t of the input (x_t), a gate's block of a stacked
// weight (W_{if}), one head's columns of the projected queries (Q_{:,1:2}).
// Backward: the gradient placed into the slice's place in a zero gradient of the source (Scatter).

struct Slice: Operation {
    enum Part: Sendable, Hashable {
        /// Row `index` of a matrix, as a vector.
        case row(Int)
        /// Rows `range` of a vector (entries) or a matrix.
        case rows(Range<Int>)
        /// Columns `range` of a matrix.
        case columns(Range<Int>)
    }

    let source: Traced
    let part: Part
    let symbol: String

    var operands: [Traced] { [source] }
    var leaf: Leaf? { Leaf(symbol: symbol, given: source.isGiven) }
    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX(symbol, .atom) }
    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic(w.fixed(result.flat[index]), .number)
    }

    /// The gradient goes back to the slice's place in the source; the rest of the source gets 0.
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        [needs[0] ? scatter([(part, gradient)], into: source.value) : nil]
    }

    static func apply(_ part: Part, to value: Value) -> Value {
        switch (part, value) {
        case (.row(let r), .matrix(let m)): return .vector(m.row(r))
        case (.rows(let range), .vector(let v)): return .vector(v.slice(range))
        case (.rows(let range), .matrix(let m)): return .matrix(m.rowSlice(range))
        case (.columns(let range), .matrix(let m)): return .matrix(m.columnSlice(range))
        default: preconditionFailure("\(part) of a \(value.shape.count)-dimensional value")
        }
    }
}

/// The symbol of part `index` (`:,\,1:2`) of a gradient: `\left(\frac{…}{…}\right)_{:,\,1:2}`, or
/// of a gradient's transpose (Keras's kernel's, from ∂L/∂W_ih): `\left(\left(\frac{…}{…}\right)^{\top}\right)_{…}`.
func sliceSymbol(_ g: Traced, _ index: String) -> String {
    let symbol = g.leaf?.symbol ?? (g.operation as? Transpose)?.a.leaf.map { transposed($0.symbol) } ?? "G"
    return "\\left(\(symbol)\\right)_{\(index)}"
}

extension Traced {
    /// Row `index` (0-based) of a matrix as a vector, e.g. `x.row(0, "x_{1}")`.
    public func row(_ index: Int, _ symbol: String) -> Traced { slice(.row(index), symbol) }

    /// Rows `range` of a stacked vector or matrix, e.g. the forget gate's block `W_{if}`.
    public func rows(_ range: Range<Int>, _ symbol: String) -> Traced { slice(.rows(range), symbol) }

    /// Columns `range` of a matrix, e.g. one head's share of the projected queries.
    public func columns(_ range: Range<Int>, _ symbol: String) -> Traced { slice(.columns(range), symbol) }

    private func slice(_ part: Slice.Part, _ symbol: String) -> Traced {
        Traced(Slice.apply(part, to: value), Slice(source: self, part: part, symbol: symbol))
    }
}
