// The sum of many terms of one shape: a weight's gradient over the time steps that share it
// (∂L/∂W_hh = Σ_t ∂L/∂a_t h_{t-1}ᵀ), or a value's gradient over its uses. Long sums are written
// with their first two terms and the last.

struct Total: Operation {
    let terms: [Traced]

    var operands: [Traced] { terms }
    var writing: Writing { .staysWritten }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        let shown = w.equations.shown(terms.count, limit: w.equations.maxTerms)
        let written = shown.map { i in i.map { w.operand(terms[$0], atLeast: .sum) } ?? "\\cdots" }
        return LaTeX(written.joined(separator: " + "), terms.count == 1 ? .atom : .sum)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        w.sum(terms.map { ($0, index) })
    }

    /// Each term changes the sum one for one (char-lm's loss, a mean of the steps' losses).
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        needs.map { $0 ? gradient : nil }
    }
}

/// The sum of `terms` (one shape), entry by entry; a single term is itself.
public func total(_ terms: [Traced]) -> Traced {
    guard terms.count > 1, var sum = terms.first?.value.flat else { return terms[0] }
    for term in terms.dropFirst() {
        let entries = term.value.flat
        for i in sum.indices { sum[i] += entries[i] }
    }
    return Traced(terms[0].value.reshaped(sum), Total(terms: terms))
}
