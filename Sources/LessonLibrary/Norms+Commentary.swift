// What the numbers of norms say: the seed's argument for layer norm in sequence models (padding
// moves batch statistics; batch statistics mix sentences), made with this example's numbers,
// partly by rerunning the derivation, values only, on a variant of the input.

import Foundation
import TraceCore

extension Norms {
    /// Entry `index` of a recorded value, as 4 decimals show it ("" when it is not there).
    static func shownEntry(_ tr: Trace?, _ name: String, _ index: Int) -> String {
        guard let flat = tr?[name]?.value.flat, flat.indices.contains(index) else { return "" }
        return NumberStyle(precision: 4).fixed(flat[index])
    }

    /// Token (b, t) in a sentence: “cat” (sequence 1, step 2), or step 2 of sequence 1.
    static func token(_ p: NormsInput, _ row: Int) -> String {
        let (b, t) = (row / p.t + 1, row % p.t + 1)
        return p.tokens.map { words("token, labelled", ["token": markdownText($0[b - 1][t - 1], limit: 40), "b": "\(b)", "t": "\(t)"]) }
            ?? words("token", ["b": "\(b)", "t": "\(t)"])
    }

    /// Set `set` of `kind` in a sentence: feature 2, “cat”, feature 2 of sequence 1, group 1 of sequence 2.
    static func setName(_ kind: Kind, _ p: NormsInput, _ set: Int) -> String {
        switch kind {
        case .batch: return words("set batch", ["d": "\(set + 1)"])
        case .layer: return token(p, set)
        case .instance: return words("set instance", ["d": "\(set % p.d + 1)", "b": "\(set / p.d + 1)"])
        case .group: return words("set group", ["g": "\(set % p.groups + 1)", "b": "\(set / p.groups + 1)"])
        }
    }

    /// The input with sequence 1 alone (B = 1): what its statistics are without the others.
    static func firstSequenceAlone(_ p: NormsInput) -> NormsInput {
        NormsInput(x: Matrix(rows: p.t, cols: p.d, entries: Array(p.x.entries.prefix(p.t * p.d))), b: 1, t: p.t, d: p.d,
                   groups: p.groups, eps: p.eps, tokens: p.tokens.map { [$0[0]] })
    }

    /// The summary: what padding does to batch norm and not to layer norm, and how batch statistics
    /// mix the sequences, each with the numbers.
    static func sequencesSentence(_ p: NormsInput, _ tr: Trace) -> String {
        let style = NumberStyle(precision: 4)
        var said: [String] = []
        // Padding: a step of zeros, in a tensor that is not all zeros.
        let isZero = (0..<(p.b * p.t)).map { r in (0..<p.d).allSatisfy { p.x[r, $0] == 0 } }
        if let pad = isZero.firstIndex(of: true), isZero.contains(false) {
            let real = isZero.filter { !$0 }.count
            let sum = (0..<(p.b * p.t)).reduce(0.0) { $0 + p.x[$1, 0] }
            // The padded sequence's instance statistics, with its pad and over its real steps alone.
            let b = pad / p.t
            let steps = (b * p.t)..<((b + 1) * p.t)
            let realSteps = steps.filter { !isZero[$0] }.count
            let sequenceSum = steps.reduce(0.0) { $0 + p.x[$1, 0] }
            said.append(words("padding", [
                "pad": token(p, pad), "mean": shownEntry(tr, "batch.mean", 0), "rows": "\(p.b * p.t)",
                "real mean": style.fixed(sum / Double(real)), "real": "\(real)",
                "pad batch": shownEntry(tr, "batch.output", pad * p.d), "pad layer": shownEntry(tr, "layer.output", pad * p.d),
                "b": "\(b + 1)", "instance": shownEntry(tr, "instance.mean", b * p.d), "T": "\(p.t)",
                "instance real": style.fixed(sequenceSum / Double(realSteps)), "real steps": "\(realSteps)",
            ]))
        }
        guard p.b > 1 else {
            // Alone, a sequence's batch statistics are its instance statistics.
            let (bn, inorm) = (tr["batch.output"]?.value.flat ?? [], tr["instance.output"]?.value.flat ?? [])
            let same = zip(bn, inorm).allSatisfy { style.fixed($0) == style.fixed($1) }
            return (said + [words(same ? "one sequence" : "one sequence, differs")]).joined(separator: " ")
        }
        let alone = Trace.$valuesOnly.withValue(true) { derive(firstSequenceAlone(p), example: nil, file: "", backward: false) }
        let with = tr["batch.output"]?.value.flat ?? []
        let without = alone["batch.output"]?.value.flat ?? []
        let j = (0..<p.d).first { style.fixed(with[$0]) != style.fixed(without[$0]) }
        let slots = ["token": token(p, 0), "B": "\(p.b)", "j": "\((j ?? 0) + 1)",
                     "with": shownEntry(tr, "batch.output", j ?? 0), "alone": shownEntry(alone, "batch.output", j ?? 0),
                     "layer": shownEntry(tr, "layer.output", j ?? 0), "layer alone": shownEntry(alone, "layer.output", j ?? 0)]
        said.append(words(j == nil ? "mixing, none" : "mixing", slots))
        return said.joined(separator: " ")
    }

    /// Mean and biased variance of `values` at `members`.
    static func moments(_ values: [Double], _ members: [Int]) -> (mean: Double, variance: Double) {
        let n = Double(max(members.count, 1))
        let mean = members.reduce(0.0) { $0 + values[$1] } / n
        return (mean, members.reduce(0.0) { $0 + (values[$1] - mean) * (values[$1] - mean) } / n)
    }

    /// The seed's statements on normalization (seed 001), each with its verdict from the values.
    static func slides(_ p: NormsInput, _ tr: Trace) -> [String] {
        let style = NumberStyle(precision: 4)
        // Each normalization's output over its sets: mean 0, and variance σ²/(σ² + ε), 1 unless σ² is near ε.
        var parts: [String] = []
        var smallest: (kind: Kind, set: Int, variance: Double)?
        for kind in Kind.allCases {
            guard let y = tr["\(kind.rawValue).output"]?.value.flat else { continue }
            let g = grouping(kind, p)
            let all = g.members.map { moments(y, $0) }
            guard let first = all.first else { continue }
            parts.append(words("slides moments, one", ["norm": words("name \(kind.rawValue)"), "set": setName(kind, p, 0),
                                                        "mean": style.fixed(first.mean + 0), "var": style.fixed(first.variance)]))
            if let low = all.indices.min(by: { all[$0].variance < all[$1].variance }), all[low].variance < (smallest?.variance ?? .infinity) {
                smallest = (kind, low, all[low].variance)
            }
        }
        let holds = smallest.map { style.fixed($0.variance) == style.fixed(1) } ?? true
        let constant = smallest.flatMap { holds ? nil : $0 }.map {
            words("slides samples, constant", ["norm": words("name \($0.kind.rawValue)"), "set": setName($0.kind, p, $0.set), "var": style.fixed($0.variance)])
        } ?? ""
        var bullets = [words("slides samples", ["moments": listed(parts), "constant": constant,
                                                "verdict": words(holds ? "verdict, holds" : "verdict, not always")])]
        bullets.append(words("slides layer", ["count": "\(p.b * p.t)", "D": "\(p.d)"]))
        return bullets
    }

    /// input.grad's entry (1, 1, 1) as the four normalizations' shares, each the share of its deviation
    /// and of its mean: ∂L/∂x̃ + (1/n)·∂L/∂μ.
    static func inputGradientSentence(_ p: NormsInput, _ tr: Trace) -> String {
        let style = NumberStyle(precision: 4)
        var shares: [String] = []
        for kind in Kind.allCases {
            guard let centered = tr["\(kind.rawValue).centered.grad"]?.value.flat, let mean = tr["\(kind.rawValue).mean.grad"]?.value.flat else { continue }
            let g = grouping(kind, p)
            let n = Double(g.members[g.set[0]].count)
            shares.append(words("share", ["norm": words("name \(kind.rawValue)"), "share": style.fixed(centered[0] + mean[g.set[0]] / n)]))
        }
        let said = words("input.grad shares", ["shares": listed(shares), "total": shownEntry(tr, "input.grad", 0)])
        guard p.gradOutput == nil, let dx = tr["input.grad"]?.value.flat else { return said }
        // With G all ones, L is the sum of every output, which is 0 over each set whatever X is.
        let largest = dx.map(abs).max() ?? 0
        return said + " " + words("backward ones", ["largest": largest == 0 ? "0" : String(format: "%.1e", largest)])
    }
}

extension NormsInput {
    /// An input made from another's parts (a variant for the commentary), with no grad_output.
    init(x: Matrix, b: Int, t: Int, d: Int, groups: Int, eps: Double, tokens: [[String]]?) {
        (self.x, self.b, self.t, self.d, self.groups, self.eps, self.tokens, self.gradOutput) = (x, b, t, d, groups, eps, tokens, nil)
    }
}
