// gelu(x) = x Φ(x) = 0.5·x·(1 + erf(x/√2)), Φ the standard normal's distribution function: the exact
// form (PyTorch's F.gelu default, approximate="none"), not the tanh approximation
// 0.5·x·(1 + tanh(√(2/π)(x + 0.044715 x³))) of GPT-2. Hendrycks & Gimpel 2016.

import Foundation

public struct GELU: ElementwiseFunction {
    public init() {}
    public var name: String { "gelu" }
    public func latex(_ argument: String) -> String { "\\operatorname{gelu}\\left(\(argument)\\right)" }
    public func callAsFunction(_ x: Double) -> Double { 0.5 * x * (1 + erf(x / 2.0.squareRoot())) }
    /// gelu′(x) = Φ(x) + x φ(x), φ(x) = e^{−x²/2}/√(2π) the normal density.
    public func derivative(_ x: Double, _ y: Double) -> Double {
        0.5 * (1 + erf(x / 2.0.squareRoot())) + x * Foundation.exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }
}

public func gelu(_ x: Traced) -> Traced { apply(GELU(), x) }

/// gelu′ = Φ(x) + x φ(x), written out with erf and exp so every number can be checked by hand:
/// 0.5·(1 + erf(x/√2)) + x·exp(−x²/2)/√(2π).
extension GELU: Differentiable {
    func derivativeLatex(x: String, y: String) -> LaTeX { LaTeX("\\left(\\Phi\\left(\(x)\\right) + \(x) \\odot \\varphi\\left(\(x)\\right)\\right)", .atom) }
    func derivativeWritten(x: String, y: String, value: Double) -> Arithmetic {
        Arithmetic("(0.5·(1 + erf(\(x)/1.4142135624)) + \(x)·exp(-0.5·\(x)^2)/2.5066282746)", .atom)
    }
}
