// Writing a computed value's record three ways: the symbolic equation (LaTeX), the same
// equation with the numbers substituted (LaTeX matrices), and each entry written out as the
// arithmetic a student would do with a pencil ("0.5·1 + (-0.3)·2 + 0.1").

import Foundation

struct EquationWriter {
    let style: NumberStyle
    /// Matrices larger than this are shown by their corners with dots.
    var maxRows = 16
    var maxCols = 8
    /// Sums of products longer than this are written with their first and last terms.
    var maxTerms = 8

    // MARK: Symbolic

    /// `W_{ih} x_{1} + b_{ih}`: the operation with every operand shown by its symbol.
    func symbolic(_ t: Traced) -> String { latex(t, numbers: false).text }

    /// The same with every operand shown by its numbers.
    func substituted(_ t: Traced) -> String { latex(t, numbers: true).text }

    private enum Precedence: Int, Comparable {
        case sum = 0, product = 1, atom = 2
        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
    }

    private func latex(_ t: Traced, numbers: Bool) -> (text: String, precedence: Precedence) {
        func operand(_ t: Traced, atLeast p: Precedence) -> String {
            let (text, precedence) = latex(t, numbers: numbers)
            return precedence < p ? "\\left(\(text)\\right)" : text
        }
        switch t.op {
        case .step(_, let symbol, _), .part(_, _, let symbol):
            if numbers { return (matrix(t.value, given: isGiven(t)), .atom) }
            // A symbol written as an expression ("X - \mu") groups like one.
            return (symbol, symbol.contains(" ") ? .sum : .atom)
        case .product(let a, let b):
            return ("\(operand(a, atLeast: .atom)) \(operand(b, atLeast: .atom))", .product)
        case .sum(let a, let b):
            return ("\(operand(a, atLeast: .sum)) + \(operand(b, atLeast: .sum))", .sum)
        case .difference(let a, let b):
            return ("\(operand(a, atLeast: .sum)) - \(operand(b, atLeast: .product))", .sum)
        case .hadamard(let a, let b):
            return ("\(operand(a, atLeast: .atom)) \\odot \(operand(b, atLeast: .atom))", .product)
        case .oneMinus(let a):
            return ("\\left(1 - \(operand(a, atLeast: .product))\\right)", .atom)
        case .apply(let f, let a):
            if f == .sqrt { return ("\\sqrt{\(latex(a, numbers: numbers).text)}", .atom) }
            return ("\(latexName(f))\\left(\(latex(a, numbers: numbers).text)\\right)", .atom)
        case .quotient(let a, let b):
            return ("\\frac{\(latex(a, numbers: numbers).text)}{\(latex(b, numbers: numbers).text)}", .atom)
        case .transpose(let a):
            return ("\(operand(a, atLeast: .atom))^{\\top}", .atom)
        case .reduce(let reduction, let a):
            let inner = latex(a, numbers: numbers).text
            switch reduction {
            case .sum: return ("\\operatorname{rowsum}\\left(\(inner)\\right)", .atom)
            case .max: return ("\\operatorname{rowmax}\\left(\(inner)\\right)", .atom)
            case .mean(let divisor):
                return ("\\tfrac{1}{\(divisor)}\\operatorname{rowsum}\\left(\(inner)\\right)", .product)
            }
        case .broadcast(let a, let how):
            // With numbers, a vector repeated as every row is shown as a row.
            if numbers, how == .perColumn, case .vector(let v) = a.value {
                return (matrix(.matrix(Matrix(rows: 1, cols: v.count, entries: v.entries)), given: isGiven(a)), .atom)
            }
            return latex(a, numbers: numbers)
        case .concatColumns(let parts):
            return ("\\operatorname{concat}\\left(" + parts.map { latex($0, numbers: numbers).text }.joined(separator: ", ") + "\\right)", .atom)
        case .power(let base, let exponent):
            return ("\(operand(base, atLeast: .atom))^{\(latex(exponent, numbers: numbers).text)}", .atom)
        case .sinusoid(let a, _):
            return ("\\operatorname{sin/cos}\\left(\(latex(a, numbers: numbers).text)\\right)", .atom)
        case .pairExponent(let pairs, let d):
            return (numbers ? "\\tfrac{2}{\(d)} " + matrix(.vector(Vector(pairs.map(Double.init))), given: true) : "\\frac{2i}{\(d)}", .product)
        case .softmaxRows(let a):
            return ("\\operatorname{softmax}\\left(\(latex(a, numbers: numbers).text)\\right)", .atom)
        }
    }

    private func latexName(_ f: Activation) -> String {
        switch f {
        case .sigmoid: return "\\sigma"
        case .tanh: return "\\tanh"
        case .relu: return "\\operatorname{relu}"
        case .exp: return "\\exp"
        case .sqrt: return "\\sqrt"
        case .sin: return "\\sin"
        case .cos: return "\\cos"
        }
    }

    /// A value as a LaTeX matrix (a vector as a column), large ones by their corners.
    func matrix(_ value: Value, given: Bool) -> String {
        func n(_ x: Double) -> String {
            guard x.isFinite else { return x.isNaN ? "\\text{nan}" : (x < 0 ? "-\\infty" : "\\infty") }
            return latexNumber(style.number(x, given: given))
        }
        let (rows, cols): (Int, Int)
        switch value {
        case .scalar(let x): return n(x)
        case .vector(let v): (rows, cols) = (v.count, 1)
        case .matrix(let m): (rows, cols) = (m.rows, m.cols)
        }
        let flat = value.flat
        let rowIndices = shown(rows, limit: maxRows)
        let colIndices = shown(cols, limit: maxCols)
        let lines = rowIndices.map { r -> String in
            guard let r else {
                return colIndices.map { $0 == nil ? "\\ddots" : "\\vdots" }.joined(separator: " & ")
            }
            return colIndices.map { c in c.map { n(flat[r * cols + $0]) } ?? "\\cdots" }.joined(separator: " & ")
        }
        return "\\begin{bmatrix} " + lines.joined(separator: " \\\\ ") + " \\end{bmatrix}"
    }

    /// `1e-05` as `10^{-5}` and `2.5e+20` as `2.5 \times 10^{20}`; other numbers as they are.
    func latexNumber(_ text: String) -> String {
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<e]
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        let power = "10^{\(exponent)}"
        return mantissa == "1" ? power : mantissa == "-1" ? "-" + power : "\(mantissa) \\times \(power)"
    }

    /// The indices to show of `count`: all, or the first few and the last two with a gap (nil).
    func shown(_ count: Int, limit: Int) -> [Int?] {
        if count <= limit { return Array(0..<count) }
        let head = limit - 3
        return Array(0..<head) + [nil] + [count - 2, count - 1]
    }

    // MARK: Written out

    /// Entry `index` (row-major) of a computed value as the arithmetic that produces it, in stages
    /// a student can check one at a time: as written (`0.5·1 + (-0.3)·2 + 0.1 + 0.4·0.2`), then with
    /// each product and function replaced by its value (`= -0.1000 + 0.1 + 0.0800`); a function of a
    /// compound argument ends with the argument's value (`σ(…) = σ(0.0800)`).
    func writtenOut(_ t: Traced, _ index: Int) -> String {
        var stages: [String]
        if let (name, a, i) = function(t, index) {
            if isLeaf(a) { return entry(t, index, .full).text }
            stages = [entry(a, i, .full).text, entry(a, i, .collapsingChildren).text, style.fixed(a.value.flat[i])]
                .map { "\(name)(\($0))" }
        } else if case .softmaxRows(let a) = t.op, case .matrix(let m) = a.value {
            // exp of the shifted score over the row's sum of such exps.
            let row = index / m.cols
            let entries = m.row(row).entries
            let top = entries.max() ?? 0
            let total = entries.map { Foundation.exp($0 - top) }.reduce(0, +)
            stages = [entry(t, index, .full).text,
                      "\(style.fixed(Foundation.exp(entries[index % m.cols] - top)))/\(style.fixed(total))"]
        } else {
            stages = [entry(t, index, .full).text, entry(t, index, .collapsingChildren).text]
        }
        var distinct: [String] = []
        for stage in stages where distinct.last != stage { distinct.append(stage) }
        return distinct.joined(separator: " = ")
    }

    /// When entry `index` of `t` is a function of one entry of an operand: its name, the operand, the index.
    private func function(_ t: Traced, _ index: Int) -> (String, Traced, Int)? {
        switch t.op {
        case .apply(let f, let a): return (plainName(f), a, a.value.count == 1 ? 0 : index)
        case .sinusoid(let a, let sines):
            guard case .matrix(let m) = a.value else { return nil }
            return (sines[index % m.cols] ? "sin" : "cos", a, index)
        default: return nil
        }
    }

    private func plainName(_ f: Activation) -> String {
        switch f {
        case .sigmoid: return "σ"
        case .tanh: return "tanh"
        case .relu: return "relu"
        case .exp: return "exp"
        case .sqrt: return "sqrt"
        case .sin: return "sin"
        case .cos: return "cos"
        }
    }

    func isLeaf(_ t: Traced) -> Bool {
        switch t.op {
        case .step, .part: return true
        default: return false
        }
    }

    /// Whether a leaf's numbers were given by the user (shown as written) or computed.
    private func isGiven(_ t: Traced) -> Bool {
        switch t.op {
        case .step(_, _, let isInput): return isInput
        case .part(let source, _, _): return isGiven(source)
        default: return false
        }
    }

    private enum Shape { case negativeNumber, number, sum, product, atom }

    private enum Mode {
        /// Every operand written out down to the given and recorded numbers.
        case full
        /// This node written out, its operands collapsed.
        case collapsingChildren
        /// Products and functions shown by their values; sums still written out.
        case collapsed
    }

    private func entry(_ t: Traced, _ index: Int, _ mode: Mode) -> (text: String, shape: Shape) {
        // A scalar operand takes part in every entry.
        let index = t.value.count == 1 ? 0 : index
        let childMode: Mode = mode == .full ? .full : .collapsed
        func number(_ x: Double, given: Bool) -> (text: String, shape: Shape) {
            let text = style.number(x, given: given)
            return (text, text.hasPrefix("-") ? .negativeNumber : .number)
        }
        func factor(_ t: Traced, _ i: Int) -> String {
            let (text, shape) = entry(t, i, childMode)
            return shape == .negativeNumber || shape == .sum ? "(\(text))" : text
        }
        func addend(_ t: Traced, _ i: Int) -> String {
            let (text, shape) = entry(t, i, childMode)
            return shape == .negativeNumber ? "(\(text))" : text
        }
        switch t.op {
        case .step, .part:
            return number(t.value.flat[index], given: isGiven(t))
        case .sum(let a, let b):
            return ("\(entry(a, index, childMode).text) + \(addend(b, index))", .sum)
        case .difference(let a, let b):
            return ("\(entry(a, index, childMode).text) - \(factor(b, index))", .sum)
        case .transpose(let a):
            guard case .matrix(let m) = t.value else { preconditionFailure("transpose of a non-matrix") }
            return entry(a, (index % m.cols) * m.rows + index / m.cols, mode)
        case .broadcast(let a, let how):
            guard case .matrix(let m) = t.value else { preconditionFailure("broadcast to a non-matrix") }
            return entry(a, how == .perRow ? index / m.cols : index % m.cols, mode)
        case .concatColumns(let parts):
            guard case .matrix(let m) = t.value else { preconditionFailure("concatenation of non-matrices") }
            let row = index / m.cols
            var col = index % m.cols
            for part in parts {
                guard case .matrix(let p) = part.value else { continue }
                if col < p.cols { return entry(part, row * p.cols + col, mode) }
                col -= p.cols
            }
            preconditionFailure("column outside the concatenation")
        case .product, .hadamard, .oneMinus, .apply, .quotient, .reduce, .power, .sinusoid, .pairExponent, .softmaxRows:
            if mode == .collapsed { return number(t.value.flat[index], given: false) }
            return written(t, index, childMode)
        }
    }

    /// A product or a function, written out.
    private func written(_ t: Traced, _ index: Int, _ childMode: Mode) -> (text: String, shape: Shape) {
        func factor(_ t: Traced, _ i: Int) -> String {
            let (text, shape) = entry(t, i, childMode)
            return shape == .negativeNumber || shape == .sum ? "(\(text))" : text
        }
        switch t.op {
        case .step, .part, .sum, .difference, .transpose, .broadcast, .concatColumns:
            preconditionFailure("not a product or a function")
        case .quotient(let a, let b):
            return ("\(factor(a, index))/\(factor(b, b.value.count == 1 ? 0 : index))", .product)
        case .reduce(let reduction, let a):
            guard case .matrix(let m) = a.value else { preconditionFailure("row reduction of a non-matrix") }
            func addend(_ i: Int) -> String {
                let (text, shape) = entry(a, i, childMode)
                return shape == .negativeNumber && i % m.cols > 0 ? "(\(text))" : text
            }
            let terms = shown(m.cols, limit: maxTerms).map { c in
                c.map { reduction == .max ? entry(a, index * m.cols + $0, childMode).text : addend(index * m.cols + $0) } ?? "⋯"
            }
            switch reduction {
            case .sum: return (terms.joined(separator: " + "), m.cols == 1 ? .number : .sum)
            case .max: return ("max(" + terms.joined(separator: ", ") + ")", .atom)
            case .mean(let divisor): return ("(" + terms.joined(separator: " + ") + ")/\(divisor)", .product)
            }
        case .power(let base, let exponent):
            return ("\(factor(base, 0))^\(factor(exponent, index))", .atom)
        case .sinusoid(let a, let sines):
            guard case .matrix(let m) = a.value else { preconditionFailure("sinusoid of a non-matrix") }
            return ("\(sines[index % m.cols] ? "sin" : "cos")(\(entry(a, index, childMode).text))", .atom)
        case .pairExponent(let pairs, let d):
            return ("2·\(pairs[index])/\(d)", .product)
        case .softmaxRows(let a):
            guard case .matrix(let m) = a.value else { preconditionFailure("softmax of a non-matrix") }
            let row = index / m.cols
            let topValue = m.row(row).entries.max() ?? 0
            let top = topValue < 0 ? "(\(style.fixed(topValue)))" : style.fixed(topValue)
            func shifted(_ c: Int) -> String { "exp(\(entry(a, row * m.cols + c, childMode).text) - \(top))" }
            let terms = shown(m.cols, limit: maxTerms).map { c in c.map(shifted) ?? "⋯" }
            return ("\(shifted(index % m.cols))/(\(terms.joined(separator: " + ")))", .product)
        case .product(let a, let b):
            guard case .matrix(let m) = a.value else { preconditionFailure("product needs a matrix on the left") }
            let inner = m.cols
            let (row, col, bCols): (Int, Int, Int)
            if case .matrix(let mb) = b.value {
                (row, col, bCols) = (index / mb.cols, index % mb.cols, mb.cols)
            } else {
                (row, col, bCols) = (index, 0, 1)
            }
            // A long sum shows its first and last terms: enough to see the pattern, and bounded.
            let terms = shown(inner, limit: maxTerms).map { k in
                k.map { "\(factor(a, row * inner + $0))·\(factor(b, $0 * bCols + col))" } ?? "⋯"
            }
            return (terms.joined(separator: " + "), inner == 1 ? .product : .sum)
        case .hadamard(let a, let b):
            return ("\(factor(a, index))·\(factor(b, index))", .product)
        case .oneMinus(let a):
            return ("(1 - \(factor(a, index)))", .atom)
        case .apply(let f, let a):
            return ("\(plainName(f))(\(entry(a, index, childMode).text))", .atom)
        }
    }
}
