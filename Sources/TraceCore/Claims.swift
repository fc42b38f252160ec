// Claims: numbers printed on a slide, checked against the computation (SPEC "Claims").
// A claim holds when |computed − expected| ≤ tolerance; by default half a unit in the last
// decimal the number is written with ("0.88" → 0.005, "112" → 0.5, "0.6398" → 0.00005), or in
// the file's `decimals`. A claimed "inf", "-inf" or "nan" holds when the entry is that very
// infinity, or not a number.

import Foundation

public struct Claim: Sendable, Equatable {
    /// The value's name in the trace: `weights`, `h[2]`.
    public let value: String
    /// 1-based (row, column) or (entry); empty for a scalar.
    public let at: [Int]
    public let expected: Double
    /// The number as written, trailing zeros kept.
    public let written: String
    public let tolerance: Double
    /// The decimals the source printed: the claims file's `decimals` (NumPy prints `1.` and
    /// `0.5403` alike at precision 4), else those the number is written with ("0.880" → 3); nil in
    /// exponent form and for "inf", "-inf" and "nan". What the likely reasons round and cut to.
    public let decimals: Int?
    /// Whether `tolerance` is the claims file's (its top-level `tolerance` or `decimals`) rather than
    /// the claim's own or half a unit of its last written decimal.
    public let fileTolerance: Bool

    /// `decimals` nil: those of `written`.
    public init(value: String, at: [Int], expected: Double, written: String, tolerance: Double, decimals: Int? = nil,
                fileTolerance: Bool = false) {
        (self.value, self.at, self.expected, self.written, self.tolerance) = (value, at, expected, written, tolerance)
        self.decimals = expected.isFinite ? decimals ?? Claim.writtenDecimals(written) : nil
        self.fileTolerance = fileTolerance
    }

    /// Whether `x` is the number claimed: within the tolerance of a finite claim, the same
    /// infinity for "inf" or "-inf", not a number for "nan". `slack` widens the tolerance (the
    /// room single precision leaves, when a likely reason tries float32).
    public func admits(_ x: Double, slack: Double = 0) -> Bool {
        if expected.isNaN { return x.isNaN }
        if expected.isInfinite { return x == expected }
        return abs(x - expected) <= tolerance + slack
    }
}

/// Claims with the source they come from.
public struct ClaimSet: Sendable {
    public let source: String
    public let claims: [Claim]
    /// `"backward": true`: the claims ask for the backward pass (a course's backward note, SPEC
    /// "A course of your own"); `--expect` leaves the choice to `--backward`.
    public let backward: Bool

    public init(source: String, claims: [Claim], backward: Bool = false) {
        self.source = source
        self.claims = claims
        self.backward = backward
    }

    /// The claims that `keep` keeps, with the same source.
    public func filter(_ keep: (Claim) -> Bool) -> ClaimSet {
        ClaimSet(source: source, claims: claims.filter(keep), backward: backward)
    }
}

extension Claim {
    /// Half a unit in the last written decimal: "0.88" → 0.005, "112" → 0.5, "1.5e-3" → 0.00005.
    public static func defaultTolerance(_ written: String) -> Double {
        let lower = written.lowercased()
        let (mantissa, exponent): (Substring, Int) = {
            guard let e = lower.firstIndex(of: "e") else { return (Substring(lower), 0) }
            return (lower[..<e], Int(lower[lower.index(after: e)...]) ?? 0)
        }()
        let decimals = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        // In Doubles: an exponent such as e-9223372036854775808 must not overflow an Int.
        return 0.5 * pow(10, Double(exponent) - Double(decimals))
    }
}

/// A claim with what the computation says of it.
public struct Verdict: Sendable {
    public let claim: Claim
    /// The entry claimed, row-major within the value.
    public let index: Int
    public let computed: Double
    public var holds: Bool { claim.admits(computed) }
    /// computed − expected; 0 when both are the same infinity or both not a number, and not a
    /// number when only one of them is finite or they are different infinities (no difference to show).
    public var difference: Double {
        if computed.isFinite && claim.expected.isFinite { return computed - claim.expected }
        return claim.admits(computed) && !claim.expected.isFinite ? 0 : .nan
    }
    /// For a claim that fails: the likely reason, when one is found.
    public internal(set) var reason: String?
    /// The reason as the Markdown table says it, when it refers to the finding above the table.
    public internal(set) var reasonInTable: String?
}

extension Trace {
    /// Checks every claim against the computed values; an unknown value or an index out of range
    /// is an input error naming the claims file.
    /// `learns`: whether the lesson has gradients at all, for what a claimed `.grad` is told.
    public func check(_ set: ClaimSet, file: String, learns: Bool = true) throws {
        var verdicts: [Verdict] = []
        for (n, claim) in set.claims.enumerated() {
            let path = "claims[\(n + 1)]"
            guard let step = self[claim.value] else {
                let gradient = claim.value.hasSuffix(".grad") && !computedSteps.contains { $0.name.hasSuffix(".grad") }
                throw LessonError.data(file, "\(path) names \"\(echoed(claim.value))\", which \(lesson) does not compute"
                    + (gradient ? (learns ? " without --backward; add --backward to check gradients" : ": it has nothing to learn, so it has no gradients")
                       : suggestion(for: claim.value, in: computedSteps.map(\.name))))
            }
            let shape = step.shape
            // `at` may be left out for a value with one entry (shape [], [1] or [1, 1]).
            let oneEntry = claim.at.isEmpty && step.value.flat.count == 1
            guard oneEntry || (claim.at.count == shape.count && zip(claim.at, shape).allSatisfy({ $0 >= 1 && $0 <= $1 })) else {
                let expected = shape.isEmpty ? "no \"at\" (it is a number)"
                    : "\"at\" within " + shape.map { "1…\($0)" }.joined(separator: " × ")
                throw LessonError.data(file, "\(path): \(echoed(claim.value)) has shape \(shape), so the claim needs \(expected)")
            }
            let index = oneEntry ? 0 : entryIndex(claim.at, in: shape)
            verdicts.append(Verdict(claim: claim, index: index, computed: step.value.flat[index]))
        }
        claims = (set.source, verdicts)
    }

    /// Gives each failing claim (by its position) the likely reason found for it; `finding` is
    /// what explains several claims at once, said once above them.
    public func explainFailures(_ reasons: [Int: (reason: String, inTable: String?)], finding: String?) {
        guard let (source, verdicts) = claims else { return }
        claims = (source, verdicts.enumerated().map { n, verdict in
            var verdict = verdict
            if !verdict.holds, let found = reasons[n] { (verdict.reason, verdict.reasonInTable) = found }
            return verdict
        })
        claimsFinding = finding
    }

    /// Whether every claim holds (true when there are none).
    public var claimsHold: Bool { claims?.verdicts.allSatisfy(\.holds) ?? true }
}

extension Claim {
    /// How many decimals the number is written with ("0.880" → 3), nil in exponent form.
    public static func writtenDecimals(_ written: String) -> Int? {
        guard !written.lowercased().contains("e") else { return nil }
        guard let dot = written.firstIndex(of: ".") else { return 0 }
        return written.distance(from: dot, to: written.endIndex) - 1
    }
}

/// Finds another entry of a value close to a claimed number (the "another entry" reason): the first
/// entry, row-major, other than the claimed one, within the claim's tolerance. The first few
/// searches in a value scan it; after that the value is sorted once, so that many claims on one
/// large value cost O(n log n) in all instead of O(n) each.
public final class NearbyEntries {
    private let trace: Trace
    private var searched: [String: (scans: Int, sorted: SortedEntries?)] = [:]
    /// Scans of one value before it is sorted (a sort costs about as much as a hundred scans).
    static let scansBeforeSorting = 64

    public init(_ trace: Trace) { self.trace = trace }

    /// The first position other than `excluded` of value `name` whose entry x has
    /// |x − expected| ≤ tolerance, or nil (also for a name the trace does not compute).
    public func first(in name: String, near expected: Double, tolerance: Double, excluding excluded: Int) -> Int? {
        guard let flat = trace[name]?.value.flat else { return nil }
        var state = searched[name] ?? (0, nil)
        defer { searched[name] = state }
        if state.sorted == nil && state.scans < Self.scansBeforeSorting {
            state.scans += 1
            return flat.indices.first { $0 != excluded && abs(flat[$0] - expected) <= tolerance }
        }
        if state.sorted == nil { state.sorted = SortedEntries(flat) }
        return state.sorted?.first(near: expected, tolerance: tolerance, excluding: excluded)
    }
}

/// A value's entries in increasing order, with the smallest position over any run of that order.
struct SortedEntries {
    let flat: [Double]
    /// Positions of the entries that are not NaN (NaN is never near a number), by increasing entry.
    let order: [Int32]
    /// Where each position is in `order`; -1 for NaN.
    let rank: [Int32]
    /// A segment tree over `order`: node k > 0 holds the smallest position below it, leaves at count + i.
    let smallest: [Int32]

    init(_ flat: [Double]) {
        self.flat = flat
        // Sorted as (entry, position) pairs side by side, which is several times faster than
        // sorting positions by looking their entries up.
        var pairs = flat.indices.compactMap { flat[$0].isNaN ? nil : (entry: flat[$0], position: Int32($0)) }
        pairs.sort { $0.entry < $1.entry }
        let order = pairs.map(\.position)
        pairs = []
        var rank = [Int32](repeating: -1, count: flat.count)
        for (k, position) in order.enumerated() { rank[Int(position)] = Int32(k) }
        var smallest = [Int32](repeating: .max, count: 2 * order.count)
        for (k, position) in order.enumerated() { smallest[order.count + k] = position }
        for node in stride(from: order.count - 1, to: 0, by: -1) { smallest[node] = min(smallest[2 * node], smallest[2 * node + 1]) }
        (self.order, self.rank, self.smallest) = (order, rank, smallest)
    }

    /// As `NearbyEntries.first`. |x − expected| ≤ tolerance holds on one run of the order, because
    /// the rounded x − expected never decreases as x grows: two binary searches find it.
    func first(near expected: Double, tolerance: Double, excluding excluded: Int) -> Int? {
        let low = partition { flat[Int($0)] - expected >= -tolerance }
        let high = partition { flat[Int($0)] - expected > tolerance }
        guard low < high else { return nil }
        let skipped = excluded >= 0 && excluded < rank.count ? Int(rank[excluded]) : -1
        let best = (low..<high).contains(skipped)
            ? min(smallestPosition(low..<skipped), smallestPosition((skipped + 1)..<high))
            : smallestPosition(low..<high)
        return best == .max ? nil : Int(best)
    }

    /// The first index of `order` where `isPast` holds (it holds from there on).
    private func partition(_ isPast: (Int32) -> Bool) -> Int {
        var (low, high) = (0, order.count)
        while low < high {
            let middle = (low + high) / 2
            if isPast(order[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The smallest position in `order[range]`, .max for an empty range.
    private func smallestPosition(_ range: Range<Int>) -> Int32 {
        var (left, right) = (range.lowerBound + order.count, range.upperBound + order.count)
        var best = Int32.max
        while left < right {
            if left & 1 == 1 { best = min(best, smallest[left]); left += 1 }
            if right & 1 == 1 { right -= 1; best = min(best, smallest[right]) }
            (left, right) = (left / 2, right / 2)
        }
        return best
    }
}
