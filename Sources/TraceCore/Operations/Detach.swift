// A value passed on with its gradient stopped (PyTorch's `.detach()`): truncated backpropagation
// through time treats the state entering a new chunk of steps as a constant. Written as the value
// itself: the forward arithmetic is the same.

struct Detach: Operation {
    let a: Traced

    var operands: [Traced] { [a] }
    var writing: Writing { .view }
    func latex(_ w: LaTeXWriter) -> LaTeX { w.latex(of: a) }
    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic { w.entry(a, index) }
    /// Nothing flows back.
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? { nil }
}

extension Traced {
    /// The same value, with no gradient flowing back through it.
    public var detached: Traced { Traced(value, Detach(a: self)) }
}
