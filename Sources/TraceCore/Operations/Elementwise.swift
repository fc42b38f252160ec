// A function applied to every entry: σ, tanh, relu, exp, √. The function itself is a small type
// (Functions/) with its value, its name in LaTeX and in plain arithmetic, and its derivative;
// this operation applies it and writes `σ(2.5000)`.

/// A function of one number, applied entry by entry.
public protocol ElementwiseFunction: Sendable {
    /// The name in written-out arithmetic: `σ`, `tanh`.
    var name: String { get }
    /// The function applied to a LaTeX argument: `\sigma\left(x\right)`.
    func latex(_ argument: String) -> String
    func callAsFunction(_ x: Double) -> Double
    /// d f(x)/dx, given x and y = f(x) (σ′ = y(1 − y) needs only y).
    func derivative(_ x: Double, _ y: Double) -> Double
}

struct Elementwise: Operation {
    let f: any ElementwiseFunction
    let a: Traced

    var operands: [Traced] { [a] }

    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX(f.latex(w.plain(a)), .atom) }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic("\(f.name)(\(w.entry(a, index).text))", .atom)
    }

    func function(at index: Int, of result: Value) -> (name: String, operand: Traced, index: Int)? {
        (f.name, a, a.value.count == 1 ? 0 : index)
    }
}

/// `f` applied to every entry of `x`.
public func apply(_ f: any ElementwiseFunction, _ x: Traced) -> Traced {
    Traced(x.value.map { f($0) }, Elementwise(f: f, a: x))
}
