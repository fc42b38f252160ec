// The exponential e^x (the softmax's numerators).

import Foundation

public struct Exp: ElementwiseFunction {
    public init() {}
    public var name: String { "exp" }
    public func latex(_ argument: String) -> String { "\\exp\\left(\(argument)\\right)" }
    public func callAsFunction(_ x: Double) -> Double { Foundation.exp(x) }
    public func derivative(_ x: Double, _ y: Double) -> Double { y }
}

public func exp(_ x: Traced) -> Traced { apply(Exp(), x) }
