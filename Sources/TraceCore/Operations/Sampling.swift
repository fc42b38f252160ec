// Choosing the next character from a distribution p (char-lm's generation): the running sums
// C_j = p_1 + … + p_j, a uniform draw u from a 64-bit generator's output, and the choice — the
// first j with C_j > u, or, greedily, the largest p_j (the lower index on a tie). Nothing of it is
// differentiated: sampling has no gradient.

/// C_j = p_1 + … + p_j, written out as the sum of the entries so far (`0.0377 + 0.1251`).
struct CumulativeSum: Operation {
    let a: Traced

    var operands: [Traced] { [a] }

    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX("\\operatorname{cumsum}\\left(\(w.plain(a))\\right)", .atom) }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        // The sum so far plus this entry: the entry before it is in the row above.
        guard index > 0 else { return w.entry(a, 0) }
        return Arithmetic("\(w.fixed(result.flat[index - 1])) + \(w.addend(a, index))", .sum)
    }
}

/// The running sums of a vector's entries.
public func cumulativeSum(_ x: Traced) -> Traced {
    var running = 0.0
    return Traced(x.value.map { running += $0; return running }, CumulativeSum(a: x))
}

/// u = (z ≫ 11) · 2⁻⁵³: the top 53 bits of a 64-bit output z as a number in [0, 1).
struct UniformDraw: Operation {
    let bits: UInt64
    let symbol: String

    var operands: [Traced] { [] }

    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX("\\left(\(symbol) \\gg 11\\right) \\cdot 2^{-53}", .product) }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic("\(bits >> 11)/2^53", .product)
    }
}

/// The draw from 64 random bits, `symbol` naming them (`z_{1}`).
public func uniformDraw(_ bits: UInt64, symbol: String) -> Traced {
    Traced(.scalar(Double(bits >> 11) * 0x1p-53), UniformDraw(bits: bits, symbol: symbol))
}

/// The index (from 1) chosen from running sums C by a draw u (the first j with C_j > u; the last
/// with p_j > 0 if rounding leaves none), or from p greedily (its largest entry, the first of a tie).
struct Choice: Operation {
    let from: Traced
    let draw: Traced?

    var operands: [Traced] { [from] + (draw.map { [$0] } ?? []) }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        guard let draw else { return LaTeX("\\operatorname{argmax}_{j} \\left(\(w.plain(from))\\right)_{j}", .atom) }
        return LaTeX("\\min \\{ j : \\left(\(w.plain(from))\\right)_{j} > \(w.plain(draw)) \\}", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        let entries = from.value.flat
        let j = Int(result.flat[0]) - 1
        guard let draw else {
            return Arithmetic("argmax(" + w.terms(entries.count) { w.entry(from, $0).text }.joined(separator: ", ") + ")", .atom)
        }
        // C_{j-1} ≤ u < C_j: the draw falls in the j-th stretch.
        let u = w.entry(draw, 0).text
        let below = j > 0 ? samplingWords("sum", ["k": "\(j)", "value": w.entry(from, j - 1).text]) + " ≤ " : ""
        let above = draw.value.flat[0] < entries[j] ? " < " + samplingWords("sum", ["k": "\(j + 1)", "value": w.entry(from, j).text]) : ""
        return Arithmetic(samplingWords("draw", ["below": below, "u": u, "above": above]), .atom)
    }
}

/// The words of a draw written out: “sum 1 = 0.0377 ≤ u = 0.1135 < sum 2 = 0.1628, so j = 2”.
let samplingWords = Words(text: [
    "sum": "sum «k» = «value»",
    "draw": "«below»u = «u»«above», so j",
], korean: Words(text: [
    "sum": "합 «k» = «value»",
    "draw": "«below»u = «u»«above», 따라서 j",
]))

/// The greedy choice from p: the index (from 1) of its largest entry, the first of a tie.
public func argmaxChoice(_ p: Traced) -> Traced {
    let entries = p.value.flat
    let best = entries.indices.reduce(0) { entries[$1] > entries[$0] ? $1 : $0 }
    return Traced(.scalar(Double(best + 1)), Choice(from: p, draw: nil))
}

/// The sampled choice from running sums C and a draw u: the first j with C_j > u, or (when
/// rounding leaves the last sum at or below u) the last j whose probability `p` is above 0.
public func sampledChoice(_ cumulative: Traced, _ u: Traced, p: [Double]) -> Traced {
    let sums = cumulative.value.flat
    let draw = u.value.flat[0]
    let j = sums.firstIndex { $0 > draw } ?? (p.lastIndex { $0 > 0 } ?? sums.count - 1)
    return Traced(.scalar(Double(j + 1)), Choice(from: cumulative, draw: u))
}
