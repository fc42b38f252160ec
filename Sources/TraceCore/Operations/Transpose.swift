// The transpose Xᵀ: entry (r, c) is entry (c, r) of X, no arithmetic. Backward: the gradient transposed.

struct Transpose: Operation {
    let a: Traced

    var operands: [Traced] { [a] }
    var writing: Writing { .view }

    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX(transposed(w.operand(a, atLeast: .atom)), .atom) }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        guard case .matrix(let m) = result else { preconditionFailure("transpose of a non-matrix") }
        return w.entry(a, (index % m.cols) * m.rows + index / m.cols)
    }

    /// ∂X = (∂Xᵀ)ᵀ, written without a double transpose: (Aᵀ G)ᵀ as Gᵀ A.
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        guard needs[0] else { return [nil] }
        if let product = gradient.operation as? MatrixProduct, case .matrix = product.b.value {
            // (A B)ᵀ = Bᵀ Aᵀ, and (Aᵀ B)ᵀ = Bᵀ A.
            return [product.transposesA ? transposedTimes(product.b, product.a) : transpose(product.b) * transpose(product.a)]
        }
        return [transpose(gradient)]
    }
}

/// LaTeX `x` with ⊤; a fraction (a gradient's ∂L/∂S) in parentheses, so the ⊤ is not read as its
/// denominator's; a symbol ending in a superscript (a head's `K^{(1)}`, a decoder's
/// `W_{hh}^{\text{dec}}`) as `K^{(1)\top}`, as a double superscript cannot be written.
func transposed(_ written: String) -> String {
    if written.hasPrefix("\\frac") { return "\\left(\(written)\\right)^{\\top}" }
    if let group = finalSuperscript(written) { return written[..<group.upperBound].dropLast() + "\\top}" }
    return "\(written)^{\\top}"
}

/// The range of a label superscript, `^{(1)}` or `^{\\text{dec}}` (not a power), when it ends `written`
/// as one group (its braces balanced, nothing after).
private func finalSuperscript(_ written: String) -> Range<String.Index>? {
    guard written.hasSuffix("}"), let start = written.range(of: "^{", options: .backwards),
          written[start.upperBound...].hasPrefix("(") || written[start.upperBound...].hasPrefix("\\text{") else { return nil }
    var depth = 0
    for (offset, c) in written[start.upperBound...].enumerated() {
        if c == "{" { depth += 1 }
        if c == "}" {
            if depth == 0 { return offset == written[start.upperBound...].count - 1 ? start.lowerBound..<written.endIndex : nil }
            depth -= 1
        }
    }
    return nil
}

/// `t`ᵀ, with a transpose of a transpose written as the value itself.
func transpose(_ t: Traced) -> Traced {
    (t.operation as? Transpose)?.a ?? t.transposed
}

extension Traced {
    /// The transpose `Xᵀ`.
    public var transposed: Traced {
        guard case .matrix(let m) = value else { preconditionFailure("transpose of a non-matrix") }
        return Traced(.matrix(m.transposed), Transpose(a: self))
    }
}
