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
