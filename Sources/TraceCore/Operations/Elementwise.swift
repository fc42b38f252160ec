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

/// How a function's derivative is written, for the backward pass.
protocol Differentiable: ElementwiseFunction {
    /// f′ in LaTeX from the argument `x` and the result `y` as written: `y \odot (1 - y)`.
    func derivativeLatex(x: String, y: String) -> LaTeX
    /// f′ of one entry as arithmetic, from the entries of x and y written as factors; `value` is
    /// f′ itself, for a derivative that is a plain number (relu's 0 or 1).
    func derivativeWritten(x: String, y: String, value: Double) -> Arithmetic
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

    /// ∂x = ∂y ⊙ f′(x), f′ written from the result where it can be (σ′ = y(1 − y), tanh′ = 1 − y²).
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        guard needs[0], let f = f as? any Differentiable else { return [nil] }
        return [hadamard(gradient, derivative(f, of: a, result: result))]
    }
}

/// f′(x) entry by entry, as the chain rule multiplies it in: `h_t` ↦ 1 − h_t².
struct Derivative: Operation {
    let f: any Differentiable
    /// The argument and the result (by its symbol when it was recorded).
    let x: Traced
    let y: Traced

    var operands: [Traced] { [x, y] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        f.derivativeLatex(x: w.operand(x, atLeast: .atom), y: w.operand(y, atLeast: .atom))
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        f.derivativeWritten(x: w.factor(x, index), y: w.factor(y, index), value: result.flat[index])
    }
}

func derivative(_ f: any Differentiable, of x: Traced, result y: Traced) -> Traced {
    Traced(y.value.zip(x.value) { f.derivative($1, $0) }, Derivative(f: f, x: x, y: y))
}

/// `f` applied to every entry of `x`.
public func apply(_ f: any ElementwiseFunction, _ x: Traced) -> Traced {
    Traced(x.value.map { f($0) }, Elementwise(f: f, a: x))
}
