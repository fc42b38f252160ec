// The natural logarithm log x (BLEU's log p_n; a probability's log-likelihood). log 0 is −∞, as
// Foundation gives it: a caller that must not show −∞ checks for 0 first.

import Foundation

struct Log: ElementwiseFunction {
    init() {}
    var name: String { "log" }
    func latex(_ argument: String) -> String { "\\log\\left(\(argument)\\right)" }
    func callAsFunction(_ x: Double) -> Double { Foundation.log(x) }
    func derivative(_ x: Double, _ y: Double) -> Double { 1 / x }
}

public func log(_ x: Traced) -> Traced { apply(Log(), x) }

extension Log: Differentiable {
    func derivativeLatex(x: String, y: String) -> LaTeX { LaTeX("\\frac{1}{\(x)}", .atom) }
    func derivativeWritten(x: String, y: String, value: Double) -> Arithmetic { Arithmetic("1/\(x)", .product) }
}
