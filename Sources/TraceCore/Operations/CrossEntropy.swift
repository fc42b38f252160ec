// The cross-entropy of one step's scores y with its target k: ℓ = −log p_k, read from the recorded
// p = softmax(y) (written out `-log(0.1251)`), as F.cross_entropy computes it from the scores.
// Backward: to the scores directly, ∂y = (p − onehot(k)) ∂ℓ, the "softmax minus one-hot" every
// classifier's gradient starts with; p itself is off the loss's path, as it is in PyTorch.

import Foundation

struct CrossEntropy: Operation {
    let y: Traced
    let p: Traced
    /// The target's index, 0-based.
    let target: Int
    /// The target's entry of p (`p_{1,\text{e}}`) and the one-hot of the target (`\operatorname{onehot}(\text{e})`).
    let picked: String
    let oneHot: String

    var operands: [Traced] { [y, p] }

    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX("-\\log \(picked)", .sum) }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic("-log(\(w.entry(p, target).text))", .negativeNumber)
    }

    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        guard needs[0] else { return [nil, nil] }
        let residual = Traced(p.value.reshaped(p.value.flat.enumerated().map { $0.offset == target ? $0.element - 1 : $0.element }),
                              MinusOneHot(p: p, target: target, oneHot: oneHot))
        return [hadamard(residual, gradient), nil]
    }
}

/// p − onehot(k): each entry of p, less 1 at the target (`0.1251 - 1`).
struct MinusOneHot: Operation {
    let p: Traced
    let target: Int
    let oneHot: String

    var operands: [Traced] { [p] }

    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX("\(w.operand(p, atLeast: .sum)) - \(oneHot)", .sum) }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        index == target ? Arithmetic("\(w.entry(p, index).text) - 1", .sum) : w.entry(p, index)
    }
}

/// −log p_k, with p = softmax(y) recorded and `target` k 0-based; `picked` and `oneHot` are the
/// symbols of p_k and of onehot(k).
/// The value is computed from the scores, as log-softmax does (m + log Σ exp(y − m) − y_k), so that a
/// target whose probability rounds to 0 still costs a finite amount.
public func crossEntropy(_ y: Traced, _ p: Traced, target: Int, picked: String, oneHot: String) -> Traced {
    let scores = y.value.flat
    let top = scores.max() ?? 0
    let loss = top + Foundation.log(scores.reduce(0) { $0 + Foundation.exp($1 - top) }) - scores[target]
    return Traced(.scalar(loss), CrossEntropy(y: y, p: p, target: target, picked: picked, oneHot: oneHot))
}
