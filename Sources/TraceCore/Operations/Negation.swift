// −a, entry by entry: a gradient through a difference's right side or through 1 − z.

struct Negation: Operation {
    let a: Traced

    var operands: [Traced] { [a] }

    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX("-\(w.operand(a, atLeast: .product))", .sum) }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        // Written with a leading minus, so that a sum or product around it puts it in parentheses.
        let written = w.entry(a, index)
        // A number shown as 0 stays 0, as NumberStyle shows a negative one that rounds to 0.
        if written.shape == .number, written.text.allSatisfy({ $0 == "0" || $0 == "." }) { return written }
        switch written.shape {
        case .negativeNumber, .sum: return Arithmetic("-(\(written.text))", .negativeNumber)
        case .number, .product, .atom: return Arithmetic("-" + written.text, .negativeNumber)
        }
    }
}

/// `−x`, entry by entry.
func negated(_ x: Traced) -> Traced {
    Traced(x.value.map { -$0 }, Negation(a: x))
}
