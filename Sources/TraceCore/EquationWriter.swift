// Writing a computed value's record two ways: the symbolic equation (LaTeX), and each entry
// written out as the arithmetic a student would do with a pencil ("0.5·1 + (-0.3)·2 + 0.1"). The
// operations say how each is written; this walks the record and handles parentheses, numbers and stages.


public struct EquationWriter: Sendable {
    let style: NumberStyle
    /// A LaTeX column of rows (a gradient's rows put back in place) longer than this shows its first and last.
    var maxRows = 16
    /// Sums of products longer than this are written with their first and last terms.
    var maxTerms = 8
    /// Sums of counts (whole numbers a student adds up) are written whole up to this many terms, a given table's length.
    var maxCountTerms = 80

    public init(style: NumberStyle) { self.style = style }

    // MARK: LaTeX

    /// `W_{ih} x_{1} + b_{ih}`: the operation with every operand shown by its symbol.
    public func symbolic(_ t: Traced) -> String { latex(t).text }

    func latex(_ t: Traced) -> LaTeX {
        if let leaf = t.leaf {
            // A symbol written as an expression ("X - \mu") groups like one.
            return LaTeX(leaf.symbol, isCompound(leaf.symbol) ? .sum : .atom)
        }
        return t.operation.latex(LaTeXWriter(equations: self))
    }

    /// `1e-05` as `10^{-5}` and `2.5e+20` as `2.5 \times 10^{20}`; other numbers as they are.
    public func latexNumber(_ text: String) -> String {
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<e]
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        let power = "10^{\(exponent)}"
        return mantissa == "1" ? power : mantissa == "-1" ? "-" + power : "\(mantissa) \\times \(power)"
    }

    /// The indices to show of `count`: all, or the first few and the last two with a gap (nil).
    public func shown(_ count: Int, limit: Int) -> [Int?] {
        if count <= limit { return Array(0..<count) }
        let head = limit - 3
        return Array(0..<head) + [nil] + [count - 2, count - 1]
    }

    /// Whether `t` is shown by its symbol (a slice of another value is only a view of it).
    public func isLeaf(_ t: Traced) -> Bool { t.leaf != nil }

    /// Whether a value only rearranges others' entries (a transpose, blocks put in another order):
    /// every entry a copy, with no arithmetic to write out.
    public func isView(_ t: Traced) -> Bool {
        t.leaf != nil || (t.operation.writing == .view && t.operation.operands.allSatisfy(isView))
    }

    // MARK: Written out

    /// Entry `index` (row-major) of a computed value as the arithmetic that produces it, in stages
    /// a student can check one at a time: as written (`0.5·1 + (-0.3)·2 + 0.1 + 0.4·0.2`), then with
    /// each product and function replaced by its value (`= -0.1000 + 0.1 + 0.0800`); a function of a
    /// compound argument ends with the argument's value (`σ(…) = σ(0.0800)`).
    public func writtenOut(_ t: Traced, _ index: Int) -> String {
        var stages: [String]
        if let (name, a, i) = t.operation.function(at: index, of: t.value) {
            if a.leaf != nil { return entry(t, index, .full).text }
            stages = [entry(a, i, .full).text, entry(a, i, .collapsingChildren).text, style.fixed(a.value.flat[i])]
                .map { "\(name)(\($0))" }
        } else if let last = t.operation.lastStage(index, of: t.value, ArithmeticWriter(equations: self, mode: .full)) {
            stages = [entry(t, index, .full).text, last]
        } else {
            stages = [entry(t, index, .full).text, entry(t, index, .collapsingChildren).text]
        }
        var distinct: [String] = []
        for stage in stages where distinct.last != stage { distinct.append(stage) }
        // A last stage that is the result as the table prints it adds nothing (`3·1 = 3.0000`).
        if distinct.count > 1, distinct.last == style.fixed(t.value.flat[index]) { distinct.removeLast() }
        return distinct.joined(separator: " = ")
    }

    enum Mode {
        /// Every operand written out down to the given and recorded numbers.
        case full
        /// This node written out, its operands collapsed.
        case collapsingChildren
        /// Products and functions shown by their values; sums still written out.
        case collapsed
    }

    func entry(_ t: Traced, _ index: Int, _ mode: Mode) -> Arithmetic {
        // A scalar operand takes part in every entry.
        let index = t.value.count == 1 ? 0 : index
        if let leaf = t.leaf { return number(t.value.flat[index], given: leaf.given) }
        let childMode: Mode = mode == .full ? .full : .collapsed
        switch t.operation.writing {
        case .view:
            return t.operation.writtenOut(index, of: t.value, ArithmeticWriter(equations: self, mode: mode))
        case .staysWritten:
            return t.operation.writtenOut(index, of: t.value, ArithmeticWriter(equations: self, mode: childMode))
        case .collapses:
            if mode == .collapsed { return number(t.value.flat[index], given: false) }
            return t.operation.writtenOut(index, of: t.value, ArithmeticWriter(equations: self, mode: childMode))
        }
    }

    func number(_ x: Double, given: Bool) -> Arithmetic {
        let text = style.number(x, given: given)
        return Arithmetic(text, text.hasPrefix("-") ? .negativeNumber : .number)
    }
}

/// Whether a symbol is written as an expression ("X + PE", `r_{1} \odot h_{0}`): a space outside
/// every brace. `\frac{\partial L}{\partial h_{1}}` is one symbol.
func isCompound(_ symbol: String) -> Bool {
    var depth = 0
    for c in symbol {
        if c == "{" { depth += 1 } else if c == "}" { depth -= 1 } else if c == " " && depth == 0 { return true }
    }
    return false
}

/// What an operation's `latex` gets: its operands written by their symbols.
struct LaTeXWriter {
    let equations: EquationWriter

    /// An operand, in parentheses when it binds less tightly than `p`.
    func operand(_ t: Traced, atLeast p: Precedence) -> String {
        let written = equations.latex(t)
        return written.precedence < p ? "\\left(\(written.text)\\right)" : written.text
    }

    /// An operand's LaTeX and precedence, for an operation that is written as its operand.
    func latex(of t: Traced) -> LaTeX { equations.latex(t) }

    /// An operand as it is, for a place that brackets it already (a function's argument, a fraction).
    func plain(_ t: Traced) -> String { equations.latex(t).text }
}

/// What an operation's `writtenOut` gets: its operands' entries, written out as far as this stage goes.
struct ArithmeticWriter {
    let equations: EquationWriter
    let mode: EquationWriter.Mode

    /// Entry `i` of an operand as it is.
    func entry(_ t: Traced, _ i: Int) -> Arithmetic { equations.entry(t, i, mode) }

    /// Entry `i` of an operand as a factor: a negative number or a sum in parentheses.
    func factor(_ t: Traced, _ i: Int) -> String {
        let written = entry(t, i)
        return written.shape == .negativeNumber || written.shape == .sum ? "(\(written.text))" : written.text
    }

    /// Entry `i` of an operand after a plus sign: a negative number in parentheses.
    func addend(_ t: Traced, _ i: Int) -> String {
        let written = entry(t, i)
        return written.shape == .negativeNumber ? "(\(written.text))" : written.text
    }

    /// Terms `0..<count` as written, long ones by their first and last with `⋯` between.
    func terms(_ count: Int, limit: Int? = nil, _ term: (Int) -> String) -> [String] {
        equations.shown(count, limit: limit ?? equations.maxTerms).map { $0.map(term) ?? "⋯" }
    }

    /// Whether entry `i` of an operand is a 0 that carries no information: a number 0 (a one-hot
    /// input's, a zero bias's, h₀'s) or arithmetic made only of such terms. A sum that cancels to 0
    /// (`1·1 + 1·(-1)`) is work to show, and stays.
    func vanishes(_ t: Traced, _ i: Int) -> Bool {
        guard t.value.flat[t.value.count == 1 ? 0 : i] == 0 else { return false }
        return t.leaf != nil || equations.entry(t, i, .full).text == "0"
    }

    /// Entries added up, `a + b + (-c)`, those that vanish left out ("0" when every one does).
    func sum(_ addends: [(operand: Traced, index: Int)]) -> Arithmetic {
        let kept = addends.filter { !vanishes($0.operand, $0.index) }
        guard let first = kept.first else { return Arithmetic("0", .number) }
        if kept.count == 1 { return entry(first.operand, first.index) }
        let written = terms(kept.count) { k in k == 0 ? entry(first.operand, first.index).text : addend(kept[k].operand, kept[k].index) }
        return Arithmetic(written.joined(separator: " + "), .sum)
    }

    /// A computed number, rounded.
    func fixed(_ x: Double) -> String { equations.style.fixed(x) }
}
