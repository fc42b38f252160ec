// The smaller or the larger of two numbers, entry by entry (a scalar against every entry): BLEU's
// clipped count min(count, max_ref), its brevity penalty min(1, e^{1 − r/c}). Written `min(2, 1)`.
// No backward rule: the lessons that use it have nothing to learn.

struct Extremum: Operation {
    let largest: Bool
    let a: Traced
    let b: Traced

    var operands: [Traced] { [a, b] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\\\(largest ? "max" : "min")\\left(\(w.plain(a)), \(w.plain(b))\\right)", .atom)
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic("\(largest ? "max" : "min")(\(w.entry(a, index).text), \(w.entry(b, index).text))", .atom)
    }
}

/// The smaller of `a` and `b`, entry by entry.
public func minimum(_ a: Traced, _ b: Traced) -> Traced {
    Traced(a.value.zip(b.value) { Swift.min($0, $1) }, Extremum(largest: false, a: a, b: b))
}

/// The larger of `a` and `b`, entry by entry.
public func maximum(_ a: Traced, _ b: Traced) -> Traced {
    Traced(a.value.zip(b.value) { Swift.max($0, $1) }, Extremum(largest: true, a: a, b: b))
}

/// A number written into an equation as itself (the 1 of min(1, …)), exact.
public func exactly(_ x: Double) -> Traced {
    constant(.scalar(x), numberLabel(x))
}
