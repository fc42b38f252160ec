// The logistic sigmoid σ(x) = 1/(1 + e^{−x}): any number squashed into (0, 1), a gate's opening.

import Foundation

struct Sigmoid: ElementwiseFunction {
    init() {}
    var name: String { "σ" }
    func latex(_ argument: String) -> String { "\\sigma\\left(\(argument)\\right)" }
    func callAsFunction(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }
    func derivative(_ x: Double, _ y: Double) -> Double { y * (1 - y) }
}

public func sigmoid(_ x: Traced) -> Traced { apply(Sigmoid(), x) }

extension Sigmoid: Differentiable {
    func derivativeLatex(x: String, y: String) -> LaTeX { LaTeX("\(y) \\odot \\left(1 - \(y)\\right)", .product) }
    func derivativeWritten(x: String, y: String, value: Double) -> Arithmetic { Arithmetic("\(y)·(1 - \(y))", .product) }
}
