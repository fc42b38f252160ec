// The square root √x (a standard deviation from a variance).

public struct SquareRoot: ElementwiseFunction {
    public init() {}
    public var name: String { "sqrt" }
    public func latex(_ argument: String) -> String { "\\sqrt{\(argument)}" }
    public func callAsFunction(_ x: Double) -> Double { x.squareRoot() }
    public func derivative(_ x: Double, _ y: Double) -> Double { 1 / (2 * y) }
}

public func sqrt(_ x: Traced) -> Traced { apply(SquareRoot(), x) }
