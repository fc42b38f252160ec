// The gradient check of every backward trace: for each differentiable input, its entry with the
// largest gradient is nudged by ±ε and the forward pass rerun, and the central difference
// (L(θ + ε) − L(θ − ε))/2ε set beside the gradient the backward pass found. Agreement to about
// 1e-6 relative says the chain rule was applied right; it is the check CS231n teaches.

import Dispatch
import JSONFormat
import Foundation
import TraceCore

/// The nudge of the central difference: small enough for the curvature's error (≈ ε²), large
/// enough for rounding's (≈ 1e-16/ε).
let gradientCheckStep = 1e-6

extension Lesson {
    /// Fills `trace.gradientChecks`: one row per input that has a gradient, in the order shown.
    static func checkGradients(_ trace: Trace, input: JSON, file: String) {
        var rows: [(name: String, symbol: String, index: Int, at: [Int], analytic: Double)] = []
        for step in trace.steps where step.isInput && !step.name.isEmpty {
            guard let gradient = trace[step.name + ".grad"] else { continue }
            let entries = gradient.value.flat
            // The largest finite entry (a nan one, from 0/0, is no size), else the first.
            let finite = entries.indices.filter { entries[$0].isFinite }
            guard let index = finite.max(by: { abs(entries[$0]) < abs(entries[$1]) }) ?? entries.indices.first else { continue }
            let at = step.shape.isEmpty ? [index + 1] : indices(of: index, in: step.shape)
            rows.append((step.name, gradientSymbol(step.symbol), index, at, entries[index]))
        }
        // Two reruns a row, each keeping its values only, on as many cores as there are.
        let losses = Losses(count: 2 * rows.count)
        let jobs = rows.flatMap { row in [(row.name, row.index, gradientCheckStep), (row.name, row.index, -gradientCheckStep)] }
        let original = OriginalRun(trace)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { j in
            let (name, index, delta) = jobs[j]
            let value = Trace.$valuesOnly.withValue(true) { () -> Double in
                guard let nudged = input.nudging(name, at: index, by: delta),
                      let value = try? lossOf(nudged, file: file, original: original) else { return .nan }
                return value
            }
            losses.set(j, value)
        }
        let found = losses.values
        for (r, row) in rows.enumerated() {
            let numeric = (found[2 * r] - found[2 * r + 1]) / (2 * gradientCheckStep)
            trace.gradientChecks.append(GradientCheck(name: row.name, symbol: row.symbol, at: row.at, analytic: row.analytic, numeric: numeric))
        }
    }

    /// L = Σ ⟨G, output⟩ of the forward pass rerun on `input`, with the original's loss terms.
    static func lossOf(_ input: JSON, file: String, original: OriginalRun) throws -> Double {
        try trace(input, file: file, example: nil, backward: false).loss(terms: original.lossTerms)
    }
}

/// The reruns' losses, written from several threads. A lock from Foundation, not Synchronization's
/// Mutex, which macOS has only from version 15.
private final class Losses: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Double]
    init(count: Int) { stored = Array(repeating: .nan, count: count) }
    func set(_ i: Int, _ x: Double) { lock.lock(); stored[i] = x; lock.unlock() }
    var values: [Double] { lock.lock(); defer { lock.unlock() }; return stored }
}

/// What a rerun of the gradient check needs of the original run: the loss's terms, and the
/// values by name (the states entering each chunk of truncated BPTT).
public struct OriginalRun: Sendable {
    let lossTerms: [(name: String, gradient: Value)]
    let values: [String: Value]

    init(_ trace: Trace) {
        lossTerms = trace.lossTerms
        var values: [String: Value] = [:]
        for step in trace.computedSteps where values[step.name] == nil { values[step.name] = step.value }
        self.values = values
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
        guard let array = self[key], case .array = array, let nudged = Self.nudged(array, at: index, by: delta) else { return nil }
        return setting(key, nudged)
    }

    /// A number, or an array of equally shaped arrays (a vector, a matrix, an array of matrices),
    /// with its entry `index` (row-major) moved by `delta`.
    private static func nudged(_ json: JSON, at index: Int, by delta: Double) -> JSON? {
        switch json {
        case .number(let x, _):
            return index == 0 ? .number(x + delta) : nil
        case .array(var items):
            guard let size = items.first.map(numberCount), size > 0, index / size < items.count,
                  let item = nudged(items[index / size], at: index % size, by: delta) else { return nil }
            items[index / size] = item
            return .array(items)
        default:
            return nil
        }
    }

    /// How many numbers an array holds, counting its first item's as every item's.
    private static func numberCount(_ json: JSON) -> Int {
        guard case .array(let items) = json else { return 1 }
        return items.count * (items.first.map(numberCount) ?? 0)
    }
}
