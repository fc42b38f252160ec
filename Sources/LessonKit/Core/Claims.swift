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
}

/// Claims with the source they come from.
public struct ClaimSet: Sendable {
    public let source: String
    public let claims: [Claim]

    /// Reads `{"source": …, "claims": [{"value": …, "at": […], "expected": …, "tolerance": …}]}`.
    public init(_ json: JSON, file: String) throws {
        func fail(_ message: String) -> LessonError { .data(file, message) }
        guard case .object(let members) = json else {
            throw fail("claims must be a JSON object with \"source\" and \"claims\", got \(json.kindDescription)")
        }
        for member in members where !["source", "claims"].contains(member.key) {
            throw fail("unknown field \"\(member.key)\" in the claims" + suggestion(for: member.key, in: ["source", "claims"]))
        }
        switch json["source"] {
        case .string(let text)?: source = text
        case nil: source = file
        case let other?: throw fail("source must be a string, got \(other.kindDescription)")
        }
        guard case .array(let items)? = json["claims"] else {
            throw fail("claims must be an array of {\"value\", \"at\", \"expected\"} objects")
        }
        claims = try items.enumerated().map { n, item in
            let path = "claims[\(n + 1)]"
            guard case .object(let fields) = item else { throw fail("\(path) must be an object, got \(item.kindDescription)") }
            let known = ["value", "at", "expected", "tolerance"]
            for field in fields where !known.contains(field.key) {
                throw fail("unknown field \"\(field.key)\" in \(path)" + suggestion(for: field.key, in: known))
            }
            guard case .string(let value)? = item["value"] else { throw fail("\(path).value must be the name of a value, e.g. \"h[2]\"") }
            var at: [Int] = []
            if let json = item["at"] {
                guard case .array(let indices) = json, indices.count <= 2 else {
                    throw fail("\(path).at must be [row, column] or [entry], counted from 1")
                }
                at = try indices.map { index in
                    guard case .number(let x, _) = index, x == x.rounded(), x >= 1, x <= 1e9 else {
                        throw fail("\(path).at must hold whole numbers from 1, got \(index.kindDescription)")
                    }
                    return Int(x)
                }
            }
            let written: String
            switch item["expected"] {
            case .number(_, let text)?: written = text
            case .string(let text)?: written = text.trimmingCharacters(in: .whitespaces)
            default: throw fail("\(path).expected must be a number or a string holding one")
            }
            guard let expected = Double(written), expected.isFinite else {
                throw fail("\(path).expected must be a finite number, got \"\(written)\"")
            }
            var tolerance = Claim.defaultTolerance(written)
            if let json = item["tolerance"] {
                guard case .number(let t, _) = json, t >= 0 else { throw fail("\(path).tolerance must be a number ≥ 0") }
                tolerance = t
            }
            return Claim(value: value, at: at, expected: expected, written: written, tolerance: tolerance)
        }
    }

    init(source: String, claims: [Claim]) {
        self.source = source
        self.claims = claims
    }
}

extension Claim {
    /// Half a unit in the last written decimal: "0.88" → 0.005, "112" → 0.5, "1.5e-3" → 0.00005.
    static func defaultTolerance(_ written: String) -> Double {
        let lower = written.lowercased()
        let (mantissa, exponent): (Substring, Int) = {
            guard let e = lower.firstIndex(of: "e") else { return (Substring(lower), 0) }
            return (lower[..<e], Int(lower[lower.index(after: e)...]) ?? 0)
        }()
        let decimals = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        return 0.5 * pow(10, Double(exponent - decimals))
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
                throw LessonError.data(file, "\(path) names \"\(claim.value)\", which \(lesson) does not compute"
                    + suggestion(for: claim.value, in: computedSteps.map(\.name)))
            }
            let shape = step.value.shape
            guard claim.at.count == shape.count, zip(claim.at, shape).allSatisfy({ $0 >= 1 && $0 <= $1 }) else {
                let expected = shape.isEmpty ? "no \"at\" (it is a number)"
                    : "\"at\" within " + shape.map { "1…\($0)" }.joined(separator: " × ")
                throw LessonError.data(file, "\(path): \(claim.value) has shape \(shape), so the claim needs \(expected)")
            }
            let index = shape.count == 2 ? (claim.at[0] - 1) * shape[1] + claim.at[1] - 1 : (claim.at.first ?? 1) - 1
            verdicts.append(Verdict(claim: claim, index: index, computed: step.value.flat[index], reason: nil))
        }
        claims = (set.source, verdicts)
    }

    /// Whether every claim holds (true when there are none).
    public var claimsHold: Bool { claims?.verdicts.allSatisfy(\.holds) ?? true }
}
