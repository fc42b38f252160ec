// One number per set of entries of a matrix (its sum or mean), for statistics taken over cells
// that are neither one row nor one column: batch norm's feature over every sequence and step,
// instance norm's feature over one sequence's steps, group norm's band of features over them.
// Written out term by term. And its partner, the spread of one number per set back over the
// set's entries, for arithmetic entry by entry with it.
// Backward: a set's mean passes 1/n of its gradient to each of its entries (a spread); a spread
// passes back to each number the sum of its copies' gradients (a set's sum).

/// Which set each entry of a matrix (row-major) belongs to, and how the sum over a set is written.
public struct Grouping: Sendable {
    /// Per set, its entries in increasing order.
    public let members: [[Int]]
    /// Per entry, its set.
    public let set: [Int]
    /// The sum's subscript in LaTeX: what a set runs over (`b,t`; `t, j \in g`).
    let over: String

    /// `set[i]`: the set of entry i, in 0..<count.
    public init(set: [Int], count: Int, over: String) {
        var members = [[Int]](repeating: [], count: count)
        for (i, s) in set.enumerated() { members[s].append(i) }
        (self.members, self.set, self.over) = (members, set, over)
    }
}

struct GroupReduction: Operation {
    let a: Traced
    let grouping: Grouping
    /// nil: the sum; else the sum over this divisor (the mean).
    let divisor: Int?

    var operands: [Traced] { [a] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        let sum = "\\sum_{\(grouping.over)} \(w.operand(a, atLeast: .atom))"
        return divisor.map { LaTeX("\\tfrac{1}{\($0)} \(sum)", .product) } ?? LaTeX(sum, .sum)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        var members = grouping.members[index]
        // A sum (a spread's gradient) leaves out its terms with a factor that is exactly 0, as `sum`
        // does; a quotient with such a numerator (−0·x̃/s²) counts too. A mean keeps every term: its
        // count is the divisor.
        if divisor == nil {
            members = members.filter { !vanishes($0, w) }
            guard !members.isEmpty else { return Arithmetic("0", .number) }
        }
        let terms = w.terms(members.count) { k in k == 0 ? w.entry(a, members[k]).text : w.addend(a, members[k]) }
        let sum = terms.joined(separator: " + ")
        guard let divisor else { return Arithmetic(sum, members.count == 1 ? .atom : .sum) }
        return Arithmetic(members.count == 1 ? "\(sum)/\(divisor)" : "(\(sum))/\(divisor)", .product)
    }

    /// Whether entry `i` of the summand is 0 for a factor that is exactly 0 (a zero of G), so
    /// that it carries no information.
    private func vanishes(_ i: Int, _ w: ArithmeticWriter) -> Bool {
        guard a.value.flat[i] == 0 else { return false }
        if w.vanishes(a, i) { return true }
        let text = w.equations.entry(a, i, .full).text
        // −0/(s·s): a quotient of a vanishing numerator; −0.0000: a gradient that is exactly 0,
        // every term of it having had such a factor.
        return text.drop { $0 == "-" || $0 == "(" }.hasPrefix("0/") || !text.contains { $0.isNumber && $0 != "0" }
    }

    /// Each entry of a set gets the set's gradient (over n for a mean).
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        guard needs[0], case .matrix(let m) = a.value else { return [nil] }
        let each = divisor.map { gradient / constant(.scalar(Double($0)), "\($0)") } ?? gradient
        return [spreadGroups(each, grouping, rows: m.rows, cols: m.cols)]
    }
}

struct GroupSpread: Operation {
    let a: Traced
    let grouping: Grouping

    var operands: [Traced] { [a] }
    var writing: Writing { .view }

    func latex(_ w: LaTeXWriter) -> LaTeX { w.latex(of: a) }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        w.entry(a, grouping.set[index])
    }

    /// Each number was copied to every entry of its set: the copies' gradients summed.
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        needs[0] ? [reduceGroups(gradient, grouping, mean: false)] : [nil]
    }
}

/// One number per set of `grouping`: the sum of the set's entries of `x` (a matrix), or their mean.
public func reduceGroups(_ x: Traced, _ grouping: Grouping, mean: Bool) -> Traced {
    let flat = x.value.flat
    let sums = grouping.members.map { members -> Double in
        let sum = members.reduce(0.0) { $0 + flat[$1] }
        return mean ? sum / Double(members.count) : sum
    }
    let divisor = mean ? grouping.members.first?.count ?? 1 : nil
    precondition(!mean || grouping.members.allSatisfy { $0.count == divisor }, "a mean over sets of different sizes")
    return Traced(.vector(Vector(sums)), GroupReduction(a: x, grouping: grouping, divisor: divisor))
}

/// A vector of one number per set of `grouping`, copied to every entry of its set: a `rows` × `cols` matrix.
public func spreadGroups(_ v: Traced, _ grouping: Grouping, rows: Int, cols: Int) -> Traced {
    let flat = v.value.flat
    return Traced(.matrix(Matrix(rows: rows, cols: cols, entries: grouping.set.map { flat[$0] })), GroupSpread(a: v, grouping: grouping))
}
