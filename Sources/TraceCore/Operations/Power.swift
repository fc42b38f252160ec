// A base raised to each entry of an exponent: the positional encoding's divisors base^{2i/d}.

import Foundation

struct Power: Operation {
    let base: Traced
    let exponent: Traced

    var operands: [Traced] { [base, exponent] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\(w.operand(base, atLeast: .atom))^{\(w.plain(exponent))}", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic("\(w.factor(base, 0))^\(w.factor(exponent, index))", .atom)
    }
}

/// `base` raised to each entry of `exponent`.
public func power(_ base: Traced, _ exponent: Traced) -> Traced {
    Traced(base.value.zip(exponent.value, Foundation.pow), Power(base: base, exponent: exponent))
}
