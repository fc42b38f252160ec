// relu(x) = max(x, 0). Its derivative at 0 is taken as 0, as PyTorch does.

public struct ReLU: ElementwiseFunction {
    public init() {}
    public var name: String { "relu" }
    public func latex(_ argument: String) -> String { "\\operatorname{relu}\\left(\(argument)\\right)" }
    public func callAsFunction(_ x: Double) -> Double { x > 0 ? x : 0 }
    public func derivative(_ x: Double, _ y: Double) -> Double { x > 0 ? 1 : 0 }
}

func relu(_ x: Traced) -> Traced { apply(ReLU(), x) }

/// relu′ as the Iverson bracket [x > 0]: 1 where the unit is on, 0 where it is off.
extension ReLU: Differentiable {
    func derivativeLatex(x: String, y: String) -> LaTeX { LaTeX("\\left[\(x) > 0\\right]", .atom) }
    func derivativeWritten(x: String, y: String, value: Double) -> Arithmetic { Arithmetic(value > 0 ? "1" : "0", .number) }
}
