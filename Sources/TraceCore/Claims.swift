// Claims: numbers printed on a slide, checked against the computation (SPEC "Claims").
// A claim holds when |computed − expected| ≤ tolerance; by default half a unit in the last
// decimal the number is written with ("0.88" → 0.005, "112" → 0.5, "0.6398" → 0.00005).

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

    public init(value: String, at: [Int], expected: Double, written: String, tolerance: Double) {
        (self.value, self.at, self.expected, self.written, self.tolerance) = (value, at, expected, written, tolerance)
    }
}

/// Claims with the source they come from.
public struct ClaimSet: Sendable {
    let source: String
    let claims: [Claim]

    public init(source: String, claims: [Claim]) {
        self.source = source
        self.claims = claims
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
    public var holds: Bool { abs(computed - claim.expected) <= claim.tolerance }
    public var difference: Double { computed - claim.expected }
    /// For a claim that fails: the likely reason, when one is found.
    public internal(set) var reason: String?
}

extension Trace {
    /// Checks every claim against the computed values; an unknown value or an index out of range
    /// is an input error naming the claims file.
    public func check(_ set: ClaimSet, file: String) throws {
        var verdicts: [Verdict] = []
        for (n, claim) in set.claims.enumerated() {
            let path = "claims[\(n + 1)]"
            guard let step = self[claim.value] else {
                throw LessonError.data(file, "\(path) names \"\(escaped(claim.value))\", which \(lesson) does not compute"
                    + suggestion(for: claim.value, in: computedSteps.map(\.name)))
            }
            let shape = step.value.shape
            guard claim.at.count == shape.count, zip(claim.at, shape).allSatisfy({ $0 >= 1 && $0 <= $1 }) else {
                let expected = shape.isEmpty ? "no \"at\" (it is a number)"
                    : "\"at\" within " + shape.map { "1…\($0)" }.joined(separator: " × ")
                throw LessonError.data(file, "\(path): \(escaped(claim.value)) has shape \(shape), so the claim needs \(expected)")
            }
            let index = shape.count == 2 ? (claim.at[0] - 1) * shape[1] + claim.at[1] - 1 : (claim.at.first ?? 1) - 1
            verdicts.append(Verdict(claim: claim, index: index, computed: step.value.flat[index], reason: nil))
        }
        claims = (set.source, verdicts)
    }

    /// Gives each failing claim the likely reason `reason` finds for it.
    public func explainFailures(_ reason: (Verdict) -> String?) {
        guard let (source, verdicts) = claims else { return }
        claims = (source, verdicts.map { verdict in
            var verdict = verdict
            if !verdict.holds { verdict.reason = reason(verdict) }
            return verdict
        })
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
