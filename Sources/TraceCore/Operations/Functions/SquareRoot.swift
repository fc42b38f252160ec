// The square root √x (a standard deviation from a variance).

struct SquareRoot: ElementwiseFunction {
    init() {}
    var name: String { "sqrt" }
    func latex(_ argument: String) -> String { "\\sqrt{\(argument)}" }
    func callAsFunction(_ x: Double) -> Double { x.squareRoot() }
    func derivative(_ x: Double, _ y: Double) -> Double { 1 / (2 * y) }
}

public func sqrt(_ x: Traced) -> Traced { apply(SquareRoot(), x) }

extension SquareRoot: Differentiable {
    func derivativeLatex(x: String, y: String) -> LaTeX { LaTeX("\\frac{1}{2 \(y)}", .atom) }
    func derivativeWritten(x: String, y: String, value: Double) -> Arithmetic { Arithmetic("1/(2·\(y))", .product) }
}
