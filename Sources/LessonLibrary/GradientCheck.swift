// The gradient check of every backward trace: for each differentiable input, its entry with the
// largest gradient is nudged by ±ε and the forward pass rerun, and the central difference
// (L(θ + ε) − L(θ − ε))/2ε set beside the gradient the backward pass found. Agreement to about
// 1e-6 relative says the chain rule was applied right; it is the check CS231n teaches.

import JSONFormat
import TraceCore

/// The nudge of the central difference: small enough for the curvature's error (≈ ε²), large
/// enough for rounding's (≈ 1e-16/ε).
let gradientCheckStep = 1e-6

extension Lesson {
    /// Fills `trace.gradientChecks`: one row per input that has a gradient, in the order shown.
    static func checkGradients(_ trace: Trace, input: JSON, file: String) {
        for step in trace.steps where step.isInput && !step.name.isEmpty {
            guard let gradient = trace[step.name + ".grad"] else { continue }
            let entries = gradient.value.flat
            guard let index = entries.indices.max(by: { abs(entries[$0]) < abs(entries[$1]) }) else { continue }
            let shape = gradient.value.shape
            let at = shape.count == 2 ? [index / shape[1] + 1, index % shape[1] + 1] : [index + 1]
            func loss(_ delta: Double) -> Double {
                guard let nudged = input.nudging(step.name, at: index, by: delta),
                      let value = try? lossOf(nudged, file: file, original: trace) else { return .nan }
                return value
            }
            let numeric = (loss(gradientCheckStep) - loss(-gradientCheckStep)) / (2 * gradientCheckStep)
            trace.gradientChecks.append(GradientCheck(name: step.name, symbol: gradientSymbol(step.symbol), at: at,
                                                      analytic: entries[index], numeric: numeric))
        }
    }

    /// L = Σ ⟨G, output⟩ of the forward pass rerun on `input`, with the original's loss terms.
    public static func lossOf(_ input: JSON, file: String, original: Trace) throws -> Double {
        try trace(input, file: file, example: nil, backward: false).loss(terms: original.lossTerms)
    }
}

extension Trace {
    /// Σ ⟨gradient, value⟩ over `terms`, with this trace's values.
    func loss(terms: [(name: String, gradient: Value)]) -> Double {
        var sum = 0.0
        for term in terms {
            guard let step = self[term.name] else { return .nan }
            for (g, y) in zip(term.gradient.flat, step.value.flat) { sum += g * y }
        }
        return sum
    }
}

extension JSON {
    /// The object without member `key`.
    func removing(_ key: String) -> JSON {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { !$0.key.utf8.elementsEqual(key.utf8) })
    }

    /// The object with entry `index` (row-major) of its number array `key` moved by `delta`.
    func nudging(_ key: String, at index: Int, by delta: Double) -> JSON? {
        guard case .array(let items)? = self[key] else { return nil }
        if case .array(let first)? = items.first {
            let cols = first.count
            let (r, c) = (index / cols, index % cols)
            guard r < items.count, case .array(var row) = items[r], c < row.count, case .number(let x, _) = row[c] else { return nil }
            row[c] = .number(x + delta)
            var rows = items
            rows[r] = .array(row)
            return setting(key, .array(rows))
        }
        guard index < items.count, case .number(let x, _) = items[index] else { return nil }
        var entries = items
        entries[index] = .number(x + delta)
        return setting(key, .array(entries))
    }
}
