// Why a claimed number fails: the verdict looks for the likely reason, in this order —
// truncation instead of rounding, one unit off in the last decimal, another published convention
// (the lesson's alternatives), a weight stored transposed, another entry of the same value, a
// flipped sign. Each candidate is computed, never guessed: an alternative reruns the lesson.

import Foundation
import JSONFormat
import LessonInput
import TraceCore

/// Another formulation a slide may have used: what it is, and the input rewritten to use it.
public struct Alternative: Sendable {
    let description: String
    let rewrite: @Sendable (JSON) -> JSON?

    init(_ description: String, rewrite: @escaping @Sendable (JSON) -> JSON?) {
        self.description = description
        self.rewrite = rewrite
    }

    /// Alternatives that set convention `field` to each of its other `values`.
    static func switching(_ field: String, _ values: [(value: String, description: String)]) -> [Alternative] {
        values.map { option in
            Alternative("\(option.description) (`\(field): \"\(option.value)\"`)") { input in
                input[field] == .string(option.value) ? nil : input.setting(field, .string(option.value))
            }
        }
    }
}

extension JSON {
    /// The object with member `key` set to `value` (replaced in place or appended).
    func setting(_ key: String, _ value: JSON) -> JSON? {
        guard case .object(var members) = self else { return nil }
        if let i = members.firstIndex(where: { $0.key == key }) { members[i].value = value } else { members.append(JSONMember(key, value)) }
        return .object(members)
    }

    /// A matrix (array of equal rows) transposed, or nil.
    var transposedMatrix: JSON? {
        guard case .array(let rows) = self, case .array(let first)? = rows.first else { return nil }
        var columns = Array(repeating: [JSON](), count: first.count)
        for row in rows {
            guard case .array(let items) = row, items.count == first.count else { return nil }
            for (c, item) in items.enumerated() { columns[c].append(item) }
        }
        return .array(columns.map { .array($0) })
    }
}

extension Trace {
    /// Checks `set` against this trace and finds the likely reason of each failure by
    /// recomputing `lesson` on rewritten versions of `input`.
    func check(_ set: ClaimSet, file: String, lesson: any Lesson.Type, input: JSON, backward: Bool = false) throws {
        try check(set, file: file)
        guard let verdicts = claims?.verdicts, verdicts.contains(where: { !$0.holds }) else { return }
        // Running the lesson again under each convention and with each input transposed, and
        // looking for the claimed number elsewhere, are for inputs of a slide's size; on a large
        // one they would cost seconds and explain nothing.
        let slideSized = numberCount <= Self.maxNumbersToRerun
        var computed: [(String, Trace)]?
        func alternatives() -> [(String, Trace)] {
            if let computed { return computed }
            var found: [(String, Trace)] = []
            if slideSized, case .object(let members) = input {
                found = lesson.alternatives.compactMap { alternative in
                    guard let rewritten = alternative.rewrite(input),
                          let trace = try? lesson.trace(rewritten, file: file, example: nil, backward: backward) else { return nil }
                    return (alternative.description, trace)
                }
                found += members.compactMap { member in
                    guard let transposed = member.value.transposedMatrix, transposed != member.value,
                          let rewritten = input.setting(member.key, transposed),
                          let trace = try? lesson.trace(rewritten, file: file, example: nil, backward: backward) else { return nil }
                    return (reasonWords("transposed field", ["field": member.key]), trace)
                }
            }
            computed = found
            return found
        }
        let style = NumberStyle(precision: 4)
        let nearby = NearbyEntries(self)
        explainFailures { reason($0, alternatives: alternatives, slideSized: slideSized, style: style, nearby: nearby) }
    }

    /// The largest trace (in numbers) for which the reasons that need another run, or a search
    /// of a whole value, are tried.
    static let maxNumbersToRerun = 1_000_000

    private func reason(_ v: Verdict, alternatives: () -> [(String, Trace)], slideSized: Bool, style: NumberStyle, nearby: NearbyEntries) -> String {
        let claim = v.claim
        let decimals = Claim.writtenDecimals(claim.written)
        if let decimals {
            let scale = pow(10, Double(decimals))
            let truncated = (v.computed * scale).rounded(.towardZero) / scale
            if abs(truncated - claim.expected) <= 1e-9 * max(1, abs(claim.expected)) {
                return reasonWords("truncated", ["decimals": "\(decimals)", "rounded": NumberStyle(precision: decimals).fixed(v.computed)])
            }
            if abs(v.difference) <= 1.5 / scale {
                return reasonWords("last decimal")
            }
        }
        for (description, trace) in alternatives() {
            guard let value = trace[claim.value]?.value.flat, v.index < value.count else { continue }
            if abs(value[v.index] - claim.expected) <= claim.tolerance {
                return reasonWords("convention", ["convention": description, "value": style.fixed(value[v.index])])
            }
        }
        if let step = self[claim.value] {
            let flat = step.value.flat
            if step.value.shape.count == 2, claim.at.count == 2 {
                let (rows, cols) = (step.value.shape[0], step.value.shape[1])
                let (r, c) = (claim.at[0] - 1, claim.at[1] - 1)
                if c < rows, r < cols, abs(flat[c * cols + r] - claim.expected) <= claim.tolerance, r != c {
                    return reasonWords("swapped", ["at": "(\(c + 1), \(r + 1))"])
                }
            }
            // Among a million entries some other one lies near any number by chance: no reason.
            if slideSized, let other = nearby.first(in: claim.value, near: claim.expected, tolerance: claim.tolerance, excluding: v.index) {
                let at = step.value.shape.count == 2 ? "(\(other / step.value.shape[1] + 1), \(other % step.value.shape[1] + 1))" : "\(other + 1)"
                return reasonWords("other entry", ["at": at])
            }
        }
        if abs(-v.computed - claim.expected) <= claim.tolerance { return reasonWords("sign") }
        return reasonWords(slideSized ? "none" : "none, large input", ["numbers": "\(Self.maxNumbersToRerun)"])
    }
}

extension Lesson {
    /// The lesson run on `input` (named `file` in messages), with `claims` checked against it and
    /// each failing claim given its likely reason: what the command line and `render` both do.
    public static func run(_ input: JSON, file: String, example: Example?, claims: (set: ClaimSet, file: String)?,
                           backward: Bool = false) throws -> Trace {
        let trace = try trace(input, file: file, example: example, backward: backward)
        if backward { checkGradients(trace, input: input, file: file) }
        if let claims { try trace.check(claims.set, file: claims.file, lesson: self, input: input, backward: backward) }
        return trace
    }
}

extension Example {
    /// The name a built-in example goes by in messages.
    public var file: String { "example '\(name)'" }

    /// The example's own claims, if it carries any, with the name they go by in messages.
    public func claimSet() throws -> (set: ClaimSet, file: String)? {
        guard let claims else { return nil }
        let file = "example '\(name)' claims"
        return (try ClaimSet(claims, file: file), file)
    }
}
