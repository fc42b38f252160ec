// The exponential e^x (the softmax's numerators).

import Foundation

struct Exp: ElementwiseFunction {
    init() {}
    var name: String { "exp" }
    func latex(_ argument: String) -> String { "\\exp\\left(\(argument)\\right)" }
    func callAsFunction(_ x: Double) -> Double { Foundation.exp(x) }
    func derivative(_ x: Double, _ y: Double) -> Double { y }
}

public func exp(_ x: Traced) -> Traced { apply(Exp(), x) }

extension Exp: Differentiable {
    func derivativeLatex(x: String, y: String) -> LaTeX { LaTeX(y, .atom) }
    func derivativeWritten(x: String, y: String, value: Double) -> Arithmetic { Arithmetic(y, .atom) }
}
