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
        Arithmetic("\(w.factor(base, index))^\(w.factor(exponent, index))", .atom)
    }
}

/// `base` raised to each entry of `exponent`.
public func power(_ base: Traced, _ exponent: Traced) -> Traced {
    Traced(base.value.zip(exponent.value, Foundation.pow), Power(base: base, exponent: exponent))
}
