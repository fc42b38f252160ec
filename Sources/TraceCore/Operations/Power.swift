// A base raised to an exponent, entry by entry (a scalar against every entry): the positional
// encoding's divisors base^{2i/d}, the learning-rate schedule's step^{-0.5}.

import Foundation

struct Power: Operation {
    let base: Traced
    let exponent: Traced

    var operands: [Traced] { [base, exponent] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\(w.operand(base, atLeast: .atom))^{\(w.plain(exponent))}", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        // An exponent written into the equation (the −0.5 of a square root's inverse) is exact: at
        // --precision 0 it must not round to 0.
        guard let leaf = exponent.leaf, leaf.given else { return Arithmetic("\(w.factor(base, index))^\(w.factor(exponent, index))", .atom) }
        let e = exponent.value.flat[exponent.value.count == 1 ? 0 : index]
        let text = NumberStyle(precision: NumberStyle.maxPrecision).given(e)
        return Arithmetic("\(w.factor(base, index))^\(e < 0 ? "(\(text))" : text)", .atom)
    }
}

/// `base` raised to each entry of `exponent`.
public func power(_ base: Traced, _ exponent: Traced) -> Traced {
    Traced(base.value.zip(exponent.value, Foundation.pow), Power(base: base, exponent: exponent))
}
