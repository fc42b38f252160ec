// The positional encoding's exponents 2i/d, one per column, where column j belongs to frequency
// pair i = pairs[j]. A constant of the lesson: it has no operands and nothing flows back.

struct PairExponent: Operation {
    let pairs: [Int]
    let d: Int

    var operands: [Traced] { [] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\\frac{2i}{\(d)}", .product)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic("2·\(pairs[index])/\(d)", .product)
    }
}

/// The exponents 2i/d, where column j belongs to frequency pair i = pairs[j].
public func pairExponents(_ pairs: [Int], d: Int) -> Traced {
    Traced(.vector(Vector(pairs.map { 2 * Double($0) / Double(d) })), PairExponent(pairs: pairs, d: d))
}
