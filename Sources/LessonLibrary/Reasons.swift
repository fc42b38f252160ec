// Why a claimed number fails (SPEC "Claims"): a reason must explain the claim, not just fit it.
// Every candidate is computed, never guessed: a convention or a transposed weight reruns the lesson
// on the rewritten input; float32, rounded intermediates and the source's own printed numbers rerun
// it with its values changed as they are recorded (TraceCore's `Adjustment`). `LikelyReasons`
// says in which order they are tried.

import Foundation
import JSONFormat
import LessonInput
import TraceCore

/// Another formulation a slide may have used: what it is, and the input rewritten to use it.
public struct Alternative: Sendable {
    /// Said in the language of the run: looked up when the claim is checked, not when the lesson is listed.
    private let describe: @Sendable () -> String
    var description: String { describe() }
    let rewrite: @Sendable (JSON) -> JSON?

    init(_ description: @autoclosure @escaping @Sendable () -> String, rewrite: @escaping @Sendable (JSON) -> JSON?) {
        describe = description
        self.rewrite = rewrite
    }

    /// Alternatives that set convention `field` to each of its other `values`, each described by `words(key)`.
    static func switching(_ field: String, _ words: Words, _ values: [(value: String, key: String)]) -> [Alternative] {
        values.map { option in
            Alternative("\(words(option.key)) (`\(field): \"\(option.value)\"`)") { input in
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
    /// recomputing `lesson` on rewritten versions of `input`, or with its values changed as a
    /// source's own computation changes them (`Adjustment`).
    func check(_ set: ClaimSet, file: String, lesson: any Lesson.Type, input: JSON, backward: Bool = false) throws {
        try check(set, file: file, learns: lesson.learns)
        guard let verdicts = claims?.verdicts, verdicts.contains(where: { !$0.holds }) else { return }
        func find() -> (reasons: [Int: (reason: String, inTable: String?)], finding: String?) {
            LikelyReasons(trace: self, verdicts: verdicts, lesson: lesson, input: input, file: file, backward: backward).find()
        }
        guard Language.current != .en else {
            let found = find()
            return explainFailures(found.reasons, finding: found.finding)
        }
        // The JSON trace is the same in every language: its reasons are the English ones, and the
        // note's table says them in the language of the run (a second search, as deterministic as the first).
        let english = Language.$current.withValue(.en) { find() }
        let found = find()
        let reasons = english.reasons.reduce(into: [:]) { all, pair in
            all[pair.key] = (reason: pair.value.reason, inTable: found.reasons[pair.key].map { $0.inTable ?? $0.reason })
        }
        explainFailures(reasons, finding: found.finding)
    }

    /// The largest trace (in numbers) for which the reasons that need another run, or a search
    /// of a whole value, are tried.
    static let maxNumbersToRerun = 1_000_000
}

/// The search for why claims fail. First, what would explain the claims file as a whole: another
/// convention, weights stored the other way round, or single precision; it is taken only when more
/// claims hold with it and none that held breaks, and said once. Then, claim by claim, under it: a
/// row of probabilities rounded and made to sum to 1, numbers computed from the source's own
/// printed intermediates, numbers cut instead of rounded (unless the file shows the source rounds),
/// every intermediate rounded; an entry swapped, another entry, another layer's value, a sign; else
/// a slip, or, when there are many, the source computing something else.
final class LikelyReasons {
    let trace: Trace
    let verdicts: [Verdict]
    let lesson: any Lesson.Type
    let input: JSON
    let file: String
    let backward: Bool
    /// Reruns are for inputs of a slide's size; on a large one they would cost seconds and explain nothing.
    let slideSized: Bool
    /// The reruns made, by what they changed (nil: the lesson refused the input).
    private var reruns: [String: [Double]?] = [:]
    /// The values each claimed value was computed from, by name.
    private var dependencies: [String: Set<String>] = [:]
    /// The operations the searches for those values may still visit, in all (a thousand claims on
    /// the states of a long sequence would otherwise each walk back through all of it).
    private var walkLeft = 500_000
    /// The computed values by their name without a layer's prefix (`h[4]` for `l0.h[4]`).
    private lazy var byUnprefixedName: [Substring: [Step]] = Dictionary(grouping: trace.computedSteps) { Self.unprefixed($0.name) }
    /// How many more reruns the search may make: two hundred on a slide, so that a thousand
    /// claims stay quick, and fewer on a larger input (their numbers count against 3·10⁶; six at least).
    private var rerunsLeft: Int

    init(trace: Trace, verdicts: [Verdict], lesson: any Lesson.Type, input: JSON, file: String, backward: Bool) {
        (self.trace, self.verdicts, self.lesson, self.input, self.file, self.backward) = (trace, verdicts, lesson, input, file, backward)
        let numbers = trace.numberCount
        slideSized = numbers <= Trace.maxNumbersToRerun
        rerunsLeft = min(200, max(6, 3_000_000 / max(numbers, 1)))
    }

    /// A way the source may have computed: an input rewritten (a convention) and a change to every value.
    struct Setting {
        let description: String
        let input: JSON
        let adjustment: Adjustment?
        /// What single precision adds to a claim's tolerance (0 in double precision).
        let slack: @Sendable (Double) -> Double
    }

    /// Single precision's room: a float32 computation differs from the exact one on float32
    /// numbers by a few units in the last place of its terms, about 2⁻²¹ of their size.
    static let float32Slack: @Sendable (Double) -> Double = { x in max(1, abs(x)) * 0x1p-21 }

    func find() -> (reasons: [Int: (reason: String, inTable: String?)], finding: String?) {
        var reasons: [Int: (reason: String, inTable: String?)] = [:]
        var finding: String?
        var base = (setting: Setting?.none, values: verdicts.map(\.computed))
        if slideSized, let best = bestSetting() {
            let count = verdicts.count
            let held = verdicts.filter(\.holds).count
            finding = reasonWords("finding", ["description": best.setting.description, "with": "\(best.holding)", "count": "\(count)", "without": "\(held)"])
            for (n, v) in verdicts.enumerated() where !v.holds && fits(v.claim, best.values[n], best.setting) {
                let value = shown(best.values[n], v.claim)
                // Within single precision's own rounding, not the claim's half unit: said.
                let roomy = !v.claim.admits(best.values[n])
                reasons[n] = (reasonWords("by finding", ["finding": best.setting.description, "value": value, "with": "\(best.holding)", "count": "\(count)", "without": "\(held)"])
                                + (roomy ? reasonWords("within float32") : ""),
                              reasonWords("by finding, table", ["value": value]) + (roomy ? reasonWords("within float32") : ""))
            }
            base = (best.setting, best.values)
        }
        let rounds = sourceRounds(base.values)
        var slips: [Int] = []
        for (n, v) in verdicts.enumerated() where !v.holds && reasons[n] == nil {
            let (reason, isSlip) = claimReason(n, v, base: base, sourceRounds: rounds)
            // Worked out under the change found: its numbers, not the table's computed ones.
            reasons[n] = (base.setting == nil || isSlip ? reason : reasonWords("under finding", ["reason": reason]), nil)
            if isSlip { slips.append(n) }
        }
        // Many failures that nothing explains are no slips of the pen: said once, above them.
        if finding == nil, slips.count >= 3, slideSized {
            finding = reasonWords("many slips", ["count": "\(slips.count)"])
            for n in slips {
                reasons[n] = (reasonWords("not a slip", ["others": "\(slips.count - 1)"]), reasonWords("not a slip, table"))
            }
        }
        return (reasons, finding)
    }

    // MARK: The whole file

    /// The setting under which the most claims hold, if more hold than now and every claim that
    /// holds now still does; on a tie, the one whose numbers come nearest the claims that still
    /// fail (in tolerances), then the first.
    func bestSetting() -> (setting: Setting, values: [Double], holding: Int)? {
        let held = verdicts.filter(\.holds).count
        var best: (setting: Setting, values: [Double], holding: Int, misfit: Double)?
        for setting in settings() {
            guard rerunsLeft > 0 else { break }
            rerunsLeft -= 1
            guard let values = values(setting) else { continue }
            let holds = verdicts.indices.map { fits(verdicts[$0].claim, values[$0], setting) }
            guard zip(verdicts, holds).allSatisfy({ !$0.holds || $1 }) else { continue }
            let holding = holds.filter { $0 }.count
            guard holding > held else { continue }
            let misfit = verdicts.indices.reduce(0.0) { sum, n in
                let claim = verdicts[n].claim
                guard !holds[n], claim.expected.isFinite, values[n].isFinite else { return sum }
                return sum + min(abs(values[n] - claim.expected) / max(claim.tolerance, 1e-300), 1e12)
            }
            if let current = best, holding < current.holding || (holding == current.holding && misfit >= current.misfit) { continue }
            best = (setting, values, holding, misfit)
        }
        return best.map { ($0.setting, $0.values, $0.holding) }
    }

    /// Every whole-file setting to try: the lesson's conventions, its weights transposed one at a
    /// time and all together, and single precision.
    func settings() -> [Setting] {
        let exact: @Sendable (Double) -> Double = { _ in 0 }
        var settings = lesson.alternatives.compactMap { alternative in
            alternative.rewrite(input).map { Setting(description: alternative.description, input: $0, adjustment: nil, slack: exact) }
        }
        if case .object(let members) = input {
            let weights = members.filter { lesson.isWeight($0.key) }.compactMap { member -> (key: String, value: JSON)? in
                guard let transposed = member.value.transposedMatrix, transposed != member.value else { return nil }
                return (member.key, transposed)
            }
            for weight in weights {
                guard let rewritten = input.setting(weight.key, weight.value) else { continue }
                settings.append(Setting(description: reasonWords("transposed field", ["field": weight.key]), input: rewritten, adjustment: nil, slack: exact))
            }
            if weights.count > 1 {
                let rewritten = weights.reduce(Optional(input)) { json, weight in json?.setting(weight.key, weight.value) }
                let fields = weights.map { "`\($0.key)`" }
                if let rewritten {
                    settings.append(Setting(description: reasonWords("transposed fields", ["fields": listed(fields)]), input: rewritten, adjustment: nil, slack: exact))
                }
            }
        }
        settings.append(Setting(description: reasonWords("float32"), input: input, adjustment: .float32, slack: Self.float32Slack))
        return settings
    }

    // MARK: Claim by claim

    func claimReason(_ n: Int, _ v: Verdict, base: (setting: Setting?, values: [Double]), sourceRounds: Bool) -> (reason: String, isSlip: Bool) {
        let claim = v.claim
        let computed = base.values[n]
        let decimals = claim.decimals
        if let row = adjustedRow(n, values: base.values) { return (row, false) }
        if slideSized, let found = fromClaimedIntermediates(n, v, base: base, cut: false) { return (found, false) }
        if let decimals, !sourceRounds, isCut(computed, to: decimals, claim) {
            let style = NumberStyle(precision: decimals)
            return (reasonWords("truncated", ["decimals": "\(decimals)", "rounded": style.fixed(computed), "computed": shown(computed, claim)]), false)
        }
        if slideSized, !sourceRounds, let found = fromClaimedIntermediates(n, v, base: base, cut: true) { return (found, false) }
        if slideSized {
            for d in Set(verdicts.compactMap(\.claim.decimals)).sorted() where d > 0 {
                if let values = rerun("decimals \(d)", base.setting, then: .decimals(d)), fits(claim, values[n], base.setting) {
                    return (reasonWords("rounded steps", ["decimals": "\(d)", "value": shown(values[n], claim)]), false)
                }
            }
        }
        // A nan is not one entry's number: another nan elsewhere tells nothing of where it came from.
        if !claim.expected.isNaN, let other = otherPosition(v, computedBy: base.setting) { return (other, false) }
        if base.setting == nil, let layer = otherLayer(v) { return (layer, false) }
        if fits(claim, -computed, base.setting) { return (reasonWords("sign"), false) }
        return (reasonWords(slideSized ? "slip" : "slip, large input", ["numbers": "\(Trace.maxNumbersToRerun)"]), true)
    }

    /// Whether `x` cut (not rounded) to `decimals` decimals is the claimed number.
    func isCut(_ x: Double, to decimals: Int, _ claim: Claim) -> Bool {
        guard x.isFinite else { return false }
        return abs(Adjustment.cut(x, decimals) - claim.expected) <= 1e-9 * max(1, abs(claim.expected))
    }

    /// Whether the file shows its source rounding (not cutting): some claim equals its value
    /// rounded but not its value cut to the claim's decimals.
    func sourceRounds(_ values: [Double]) -> Bool {
        verdicts.indices.contains { n in
            let claim = verdicts[n].claim
            guard let d = claim.decimals, values[n].isFinite else { return false }
            let rounded = (values[n] * pow(10, Double(d))).rounded() / pow(10, Double(d))
            return abs(rounded - claim.expected) <= 1e-9 * max(1, abs(claim.expected)) && !isCut(values[n], to: d, claim)
        }
    }

    /// A row of probabilities (its entries sum to 1) claimed entry by entry, each within one unit
    /// of the last decimal, summing to 1 as claimed though the rounded row does not: the source
    /// rounded, then moved a unit to make the row sum to 1 (100%).
    func adjustedRow(_ n: Int, values: [Double]) -> String? {
        let v = verdicts[n]
        guard let d = v.claim.decimals, let step = trace[v.claim.value] else { return nil }
        let width = step.value.shape.count == 2 ? step.value.shape[1] : step.value.count
        let row = v.index / width
        var claimed = [Int?](repeating: nil, count: width)
        for (m, other) in verdicts.enumerated() where other.claim.value == v.claim.value && other.index / width == row {
            guard other.claim.decimals == d, values[m].isFinite else { return nil }
            claimed[other.index % width] = m
        }
        let members = claimed.compactMap { $0 }
        guard members.count == width, width > 1 else { return nil }
        let scale = pow(10, Double(d))
        let exact = members.map { values[$0] }
        let units = members.map { (verdicts[$0].claim.expected * scale).rounded() }
        let rounded = exact.map { ($0 * scale).rounded() }
        guard abs(exact.reduce(0, +) - 1) <= 1e-9, units.reduce(0, +) == scale, rounded.reduce(0, +) != scale,
              zip(exact, units).allSatisfy({ abs($0 * scale - $1) < 1 }) else { return nil }
        let style = NumberStyle(precision: d)
        func written(_ xs: [Double]) -> String { xs.map { style.fixed($0 / scale) }.joined(separator: ", ") }
        return reasonWords("row adjusted", ["decimals": "\(d)", "rounded": written(rounded), "sum": style.fixed(rounded.reduce(0, +) / scale),
                                            "claimed": written(units)])
    }

    /// The claim recomputed from the source's own printed numbers for the values it was computed
    /// from (claimed entries of the values it depends on);
    /// the result rounded, or (`cut`) cut to the claim's decimals.
    func fromClaimedIntermediates(_ n: Int, _ v: Verdict, base: (setting: Setting?, values: [Double]), cut: Bool) -> String? {
        if dependencies[v.claim.value] == nil {
            // Each search of the values a claim was computed from is paid from one budget of operations.
            let found = walkLeft > 0 ? trace.dependencies(of: v.claim.value, limit: walkLeft) : nil
            walkLeft -= found?.visited ?? walkLeft
            dependencies[v.claim.value] = found?.names ?? []
        }
        let sources = dependencies[v.claim.value] ?? []
        // The nearest two dozen printed numbers it depends on: enough for any slide, few enough to try one by one.
        let candidates = verdicts.indices.filter { m in
            let other = verdicts[m].claim
            return other.value != v.claim.value && sources.contains(other.value) && other.expected.isFinite
                && abs(base.values[m] - other.expected) > 1e-12 * max(1, abs(other.expected))
        }.suffix(24).map { $0 }
        func rerun(_ used: [Int]) -> [Double]? {
            var replaced: [String: [Int: Double]] = [:]
            for m in used { replaced[verdicts[m].claim.value, default: [:]][verdicts[m].index] = verdicts[m].claim.expected }
            return self.rerun("claimed " + used.map(String.init).joined(separator: ","), base.setting, then: .replacing(replaced))
        }
        // All of the source's printed numbers, as a source that prints its steps goes on from them;
        // said are those that matter (leaving one out changes the result). Else one alone, the
        // nearest first.
        func explained(_ used: [Int]) -> (key: String, value: Double)? {
            guard let values = rerun(used) else { return nil }
            if !cut { return fits(v.claim, values[n], base.setting) ? ("from claimed", values[n]) : nil }
            guard let d = v.claim.decimals, isCut(values[n], to: d, v.claim) else { return nil }
            return ("from claimed, cut", values[n])
        }
        var found: (used: [Int], key: String, value: Double)?
        if !candidates.isEmpty, let (key, value) = explained(candidates) {
            let used = candidates.filter { m in rerun(candidates.filter { $0 != m }).map { $0[n] != value } ?? true }
            found = (used, key, value)
        } else {
            for m in candidates.reversed() {
                if let (key, value) = explained([m]) { found = ([m], key, value); break }
            }
        }
        guard let (used, key, value) = found, !used.isEmpty else { return nil }
        let said = used.map { m in
            let other = verdicts[m].claim
            let at = other.at.isEmpty ? "" : " (" + other.at.map(String.init).joined(separator: ", ") + ")"
            return reasonWords("claimed number", ["name": other.value, "at": at, "claimed": other.written, "computed": shown(base.values[m], other)])
        }
        let list = said.count > 4 ? listed(Array(said.prefix(3)), more: said.count - 3) : listed(said)
        return reasonWords(key, ["list": list, "value": shown(value, v.claim), "decimals": "\(v.claim.decimals ?? 0)"])
    }

    /// Row and column swapped, or another entry of the same value (on slide-sized inputs: among a
    /// million entries some other one lies near any number by chance).
    func otherPosition(_ v: Verdict, computedBy setting: Setting?) -> String? {
        let claim = v.claim
        guard let step = trace[claim.value], setting == nil else { return nil }
        let flat = step.value.flat
        if step.value.shape.count == 2, claim.at.count == 2 {
            let (rows, cols) = (step.value.shape[0], step.value.shape[1])
            let (r, c) = (claim.at[0] - 1, claim.at[1] - 1)
            if c < rows, r < cols, r != c, fits(claim, flat[c * cols + r], nil) {
                return reasonWords("swapped", ["at": "(\(c + 1), \(r + 1))"])
            }
        }
        // Not when the source printed that entry too, at its own place: then the claim is no copy of it.
        if slideSized, let other = NearbyEntries(trace).first(in: claim.value, near: claim.expected, tolerance: claim.tolerance, excluding: v.index),
           !verdicts.contains(where: { $0.claim.value == claim.value && $0.index == other }) {
            let position = indices(of: other, in: step.shape)
            let at = position.count > 1 ? "(" + position.map(String.init).joined(separator: ", ") + ")" : "\(other + 1)"
            return reasonWords("other entry", ["at": at])
        }
        return nil
    }

    /// In a stack of layers, the same value of another layer (`l0.h[4]` for `h[4]`: PyTorch's
    /// h_n[0] taken for the output): every failing claim on the value is that layer's entry.
    func otherLayer(_ v: Verdict) -> String? {
        guard let shape = trace[v.claim.value]?.value.shape else { return nil }
        let failing = verdicts.filter { $0.claim.value == v.claim.value && !$0.holds }
        for step in byUnprefixedName[Self.unprefixed(v.claim.value)] ?? [] where step.name != v.claim.value && step.value.shape == shape {
            let flat = step.value.flat
            if failing.allSatisfy({ $0.claim.admits(flat[$0.index]) }) {
                return reasonWords("other layer", ["other": step.name])
            }
        }
        return nil
    }

    /// A value's name without a layer's prefix: `h[4]` for `l0.h[4]`.
    static func unprefixed(_ name: String) -> Substring {
        guard name.first == "l", let dot = name.firstIndex(of: "."), dot > name.index(after: name.startIndex),
              name[name.index(after: name.startIndex)..<dot].allSatisfy(\.isNumber) else { return Substring(name) }
        return name[name.index(after: dot)...]
    }

    // MARK: Reruns

    /// `values(setting, then: extra)`, made once for `key`, while the budget lasts.
    func rerun(_ key: String, _ setting: Setting?, then extra: Adjustment) -> [Double]? {
        if let made = reruns[key] { return made }
        guard rerunsLeft > 0 else { return nil }
        rerunsLeft -= 1
        let made = values(setting, then: extra)
        reruns[key] = made
        return made
    }

    /// Every claimed entry computed under `setting` (nil: the lesson as given), then `extra`; nil
    /// when the lesson refuses the rewritten input or lacks a claimed value.
    func values(_ setting: Setting?, then extra: Adjustment? = nil) -> [Double]? {
        let adjustment: Adjustment? = switch (setting?.adjustment, extra) {
        case let (a?, b?): a.then(b)
        case let (a, b): a ?? b
        }
        let rerun = Trace.$valuesOnly.withValue(true) {
            Trace.$adjustment.withValue(adjustment) {
                try? lesson.trace(setting?.input ?? input, file: file, example: nil, backward: backward)
            }
        }
        guard let rerun else { return nil }
        var found: [Double] = []
        for v in verdicts {
            guard let step = rerun[v.claim.value], step.value.shape == trace[v.claim.value]?.value.shape else { return nil }
            found.append(step.value.flat[v.index])
        }
        return found
    }

    /// Whether `x` makes `claim` hold, with single precision's room under a float32 setting.
    func fits(_ claim: Claim, _ x: Double, _ setting: Setting?) -> Bool {
        claim.admits(x, slack: setting?.slack(x) ?? 0)
    }

    /// A number in a reason: two decimals more than the claim is written with, at least four.
    func shown(_ x: Double, _ claim: Claim) -> String {
        NumberStyle(precision: max(4, (claim.decimals ?? 2) + 2)).fixed(x)
    }
}

extension Lesson {
    /// The lesson run on `input` (named `file` in messages), with `claims` checked against it and
    /// each failing claim given its likely reason: what the command line and `render` both do.
    public static func run(_ input: JSON, file: String, example: Example?, claims: (set: ClaimSet, file: String)?,
                           backward: Bool = false) throws -> Trace {
        let trace = try trace(input, file: file, example: example, backward: backward)
        try refuseOverflowingVariances(trace, file: file)
        if backward { checkGradients(trace, input: input, file: file) }
        if let claims { try trace.check(claims.set, file: claims.file, lesson: self, input: input, backward: backward) }
        return trace
    }
}

extension Lesson {
    /// A variance that overflows to ∞ from finite numbers (squares beyond 10³⁰⁸) would divide every
    /// deviation to 0: a finite output that is wrong, where PyTorch gives nan. Refused, naming it.
    static func refuseOverflowingVariances(_ trace: Trace, file: String) throws {
        for step in trace.computedSteps where step.name == "var" || step.name.hasSuffix(".var") {
            guard let k = step.value.flat.firstIndex(of: .infinity) else { continue }
            throw LessonError.data(file, "\(step.name) overflows at entry \(k + 1): the numbers it is the variance of are too large for float64 (their squares pass 10³⁰⁸), so every deviation would be divided by ∞; scale the input down")
        }
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

// The weights a source may store the other way round (x·W with W in × out, as Keras and the
// textbook row form do): never the input sequence, which has one row per step or token.
extension RecurrentLesson {
    static func isWeight(_ field: String) -> Bool {
        field.hasPrefix("weight_") || field == "kernel" || field == "recurrent_kernel"
    }
}

extension AttentionQKV {
    static func isWeight(_ field: String) -> Bool { ["w_q", "w_k", "w_v"].contains(field) }
}

extension MultiHeadAttention {
    static func isWeight(_ field: String) -> Bool { field == "out_proj.weight" }
}
