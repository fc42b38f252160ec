// −a, entry by entry: a gradient through a difference's right side or through 1 − z.

struct Negation: Operation {
    let a: Traced

    var operands: [Traced] { [a] }
    var writing: Writing { .staysWritten }

    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX("-\(w.operand(a, atLeast: .product))", .sum) }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        let written = w.entry(a, index)
        switch written.shape {
        case .negativeNumber: return Arithmetic("-(\(written.text))", .sum)
        case .number: return Arithmetic("-" + written.text, .negativeNumber)
        case .sum: return Arithmetic("-(\(written.text))", .sum)
        case .product, .atom: return Arithmetic("-" + written.text, .sum)
        }
    }
}

/// `−x`, entry by entry.
func negated(_ x: Traced) -> Traced {
    Traced(x.value.map { -$0 }, Negation(a: x))
}
