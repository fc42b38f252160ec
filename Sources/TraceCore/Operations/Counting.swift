// Values counted rather than computed (how often an n-gram occurs in a sentence, a sentence's
// length): no arithmetic to write out, so the trace shows their table; and sums of whole vectors'
// entries (BLEU's matches and totals per order n), written out term by term. No backward rule:
// a count has no gradient.

/// A value counted from the input's tokens; `latex` says what was counted.
struct Counted: Operation {
    let latex: String

    var operands: [Traced] { [] }
    var writing: Writing { .view }
    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX(latex, .atom) }
    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic(w.fixed(result.flat[index]), .number)
    }
}

/// `value`, counted from the tokens as `latex` says (`\operatorname{Count}(g)`).
public func counted(_ value: Value, _ latex: String) -> Traced {
    Traced(value, Counted(latex: latex))
}

/// Entry k is the sum of all the entries of part k (one number per part).
struct EntrySums: Operation {
    let parts: [Traced]

    var operands: [Traced] { parts }
    var writing: Writing { .staysWritten }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        // A part that is one number (an order with no n-gram: 0) is its own sum.
        let sums = parts.map { $0.value.shape.isEmpty ? w.plain($0) : "\\textstyle\\sum " + w.operand($0, atLeast: .atom) }
        if sums.count == 1 { return LaTeX(sums[0], .sum) }
        let shown = w.equations.shown(sums.count, limit: w.equations.maxTerms).map { $0.map { sums[$0] } ?? "\\cdots" }
        return LaTeX("\\left(" + shown.joined(separator: ",\\ ") + "\\right)", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        let part = parts[index]
        let count = part.value.count
        // Counts are whole numbers a student adds up to check: every one is written (up to a table's length).
        let limit = part.leaf?.given == true ? w.equations.maxCountTerms : w.equations.maxTerms
        let terms = w.terms(count, limit: limit) { i in i == 0 ? w.entry(part, i).text : w.addend(part, i) }
        return Arithmetic(terms.joined(separator: " + "), count == 1 ? .number : .sum)
    }
}

/// One number per part: the sum of its entries.
public func entrySums(_ parts: [Traced]) -> Traced {
    Traced(.vector(Vector(parts.map { $0.value.flat.reduce(0, +) })), EntrySums(parts: parts))
}

/// The sum of all the entries of `x`, a number.
public func entrySum(_ x: Traced) -> Traced {
    Traced(.scalar(x.value.flat.reduce(0, +)), EntrySums(parts: [x]))
}

