// How a rerun changes each value as it is recorded: the ways a source's own computation differs
// from exact arithmetic (its single precision, its rounding of every intermediate number, its
// own printed numbers used for the next step). The reasons a claim fails are found by rerunning a
// lesson under one of these and seeing whether the claim then holds; the lesson's mathematics
// stays as it is, because every later step is computed from the recorded (adjusted) value.

import Foundation

/// A change applied to every value as it is recorded.
public struct Adjustment: Sendable {
    /// For a given input (`given`), a derived constant or a computed value named `name`: its entries changed.
    let change: @Sendable (_ name: String, _ given: Bool, _ value: Value) -> Value

    public init(change: @escaping @Sendable (_ name: String, _ given: Bool, _ value: [Double]) -> [Double]) {
        self.change = { name, given, value in value.reshaped(change(name, given, value.flat)) }
    }

    /// Every number, given or computed, in single precision (IEEE binary32), as a source that ran in
    /// float32 stores its weights and each tensor it computes.
    public static let float32 = Adjustment { _, _, entries in entries.map { Double(Float($0)) } }

    /// Every computed number (not the given ones) rounded half away from zero to `decimals`
    /// decimals, or cut (`cut`), as a hand computation that writes each step down and goes on from it.
    public static func decimals(_ decimals: Int, cut: Bool = false) -> Adjustment {
        let scale = pow(10, Double(decimals))
        return Adjustment { _, given, entries in
            given ? entries : entries.map { x in
                guard x.isFinite else { return x }
                return cut ? Self.cut(x, decimals) : (x * scale).rounded(.toNearestOrAwayFromZero) / scale
            }
        }
    }

    /// `x` cut to `decimals` decimals as a person cuts the decimal number: 2.2399999999999998,
    /// the double nearest 2.24, is 2.24, not 2.23.
    public static func cut(_ x: Double, _ decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        let scaled = x * scale
        let whole = scaled.rounded()
        let snapped = abs(scaled - whole) <= 1e-9 * max(1, abs(scaled)) ? whole : scaled
        return snapped.rounded(.towardZero) / scale
    }

    /// The values named in `entries` with those entries (row-major index → number) replaced: a
    /// source's own printed numbers, from which it computed what follows.
    public static func replacing(_ entries: [String: [Int: Double]]) -> Adjustment {
        Adjustment { name, _, values in
            guard let replaced = entries[name] else { return values }
            var values = values
            for (i, x) in replaced where i < values.count { values[i] = x }
            return values
        }
    }

    /// This change, then `next`.
    public func then(_ next: Adjustment) -> Adjustment {
        Adjustment(rawChange: { name, given, value in next.change(name, given, self.change(name, given, value)) })
    }

    private init(rawChange: @escaping @Sendable (String, Bool, Value) -> Value) { change = rawChange }
}

extension Trace {
    /// The names of the recorded values (given or computed) that the value `name` was computed
    /// from, directly or through other values: what a source's own printed intermediates can reach.
    /// nil when finding them would visit more than `limit` operations (a long sequence's last
    /// state reaches back through all of it); else with the operations visited.
    public func dependencies(of name: String, limit: Int = .max) -> (names: Set<String>, visited: Int)? {
        guard let step = self[name] else { return ([], 0) }
        var seen: Set<Int> = [step.id]
        var names: Set<String> = []
        var pending: [Traced] = step.computed.map { [$0] } ?? []
        var visited = 0
        while let next = pending.popLast() {
            visited += 1
            if visited > limit { return nil }
            if let recorded = next.operation as? Recorded {
                guard seen.insert(recorded.id).inserted else { continue }
                let source = steps[recorded.id]
                if !source.name.isEmpty { names.insert(source.name) }
                if let computed = source.computed { pending.append(computed) }
            } else {
                pending.append(contentsOf: next.operation.operands)
            }
        }
        return (names, visited)
    }
}
