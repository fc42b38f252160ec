// tanh(x) = (e^x − e^{−x})/(e^x + e^{−x}): any number squashed into (−1, 1).

import Foundation

public struct Tanh: ElementwiseFunction {
    public init() {}
    public var name: String { "tanh" }
    public func latex(_ argument: String) -> String { "\\tanh\\left(\(argument)\\right)" }
    public func callAsFunction(_ x: Double) -> Double { Foundation.tanh(x) }
    public func derivative(_ x: Double, _ y: Double) -> Double { 1 - y * y }
}

public func tanh(_ x: Traced) -> Traced { apply(Tanh(), x) }

extension Tanh: Differentiable {
    /// A symbol with a superscript of its own (a layer's $g_{3}^{(1)}$) is braced before it is squared.
    func derivativeLatex(x: String, y: String) -> LaTeX {
        LaTeX("\\left(1 - \(y.contains("^") ? "{\(y)}" : y)^{2}\\right)", .atom)
    }
    func derivativeWritten(x: String, y: String, value: Double) -> Arithmetic { Arithmetic("(1 - \(y)^2)", .atom) }
}
