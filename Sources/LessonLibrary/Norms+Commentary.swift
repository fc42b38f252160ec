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
        let isZero = paddedRows(p)
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
            if p.b > 1, realSteps > 0 { said.append(paddedSequenceAlone(p, tr, b: b, rows: steps.filter { !isZero[$0] })) }
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
        // Alone, batch norm is instance norm: the number it gives is the instance-normed one here.
        var instance = ""
        if let j, shownEntry(alone, "batch.output", j) == shownEntry(tr, "instance.output", j) {
            instance = words("mixing, instance", slots)
            if let pad = isZero.firstIndex(of: true), j == 0, shownEntry(tr, "batch.output", pad * p.d) == shownEntry(alone, "batch.output", 0) {
                instance += words("mixing, coincidence", ["pad batch": shownEntry(tr, "batch.output", pad * p.d)])
            }
        }
        said.append(words(j == nil ? "mixing, none" : "mixing", slots.merging(["instance": instance]) { a, _ in a }))
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
                                                "verdict": words(holds ? "verdict, holds" : "verdict, not always"),
                                                "batch n": "\(p.b * p.t)", "D": "\(p.d)", "T": "\(p.t)", "group n": "\(p.t * p.d / p.groups)"])]
        let pads = paddedRows(p).filter { $0 }.count
        let tokens = pads > 0 && pads < p.b * p.t ? words("slides layer, tokens", ["words": "\(p.b * p.t - pads)", "pads": "\(pads)"]) : ""
        bullets.append(words("slides layer", ["count": "\(p.b * p.t)", "D": "\(p.d)", "tokens": tokens]))
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
        var largestSum = 0.0
        for kind in Kind.allCases {
            guard let share = share(kind, p, tr) else { continue }
            for members in grouping(kind, p).members { largestSum = max(largestSum, abs(members.reduce(0.0) { $0 + share[$1] })) }
        }
        let said = words("input.grad shares", ["shares": listed(shares), "total": shownEntry(tr, "input.grad", 0)]) + " "
            + words("shares sum to 0", ["largest": largestSum == 0 ? "0" : String(format: "%.1e", largestSum)])
        guard p.gradOutput == nil, let dx = tr["input.grad"]?.value.flat else { return said }
        // With G all ones, L is the sum of every output, which is 0 over each set whatever X is.
        let largest = dx.map(abs).max() ?? 0
        return said + " " + words("backward ones", ["largest": largest == 0 ? "0" : String(format: "%.1e", largest)])
    }
}

extension Norms {
    /// Per row of the (B·T) × D matrix: whether it is a padded step, all 0 in a tensor that is not.
    static func paddedRows(_ p: NormsInput) -> [Bool] {
        let zero = (0..<(p.b * p.t)).map { r in (0..<p.d).allSatisfy { p.x[r, $0] == 0 } }
        return zero.contains(false) ? zero : zero.map { _ in false }
    }

    /// The padded sequence `b` run alone, its real `rows` only (no padding): which outputs of its
    /// first token's feature 1 change with the padding its batch-mates set, and which do not.
    static func paddedSequenceAlone(_ p: NormsInput, _ tr: Trace, b: Int, rows: [Int]) -> String {
        let entries = rows.flatMap { r in (0..<p.d).map { p.x[r, $0] } }
        let tokens = p.tokens.map { labels in [rows.map { labels[b][$0 % p.t] }] }
        let alone = Trace.$valuesOnly.withValue(true) {
            derive(NormsInput(x: Matrix(rows: rows.count, cols: p.d, entries: entries), b: 1, t: rows.count, d: p.d,
                              groups: p.groups, eps: p.eps, tokens: tokens), example: nil, file: "", backward: false)
        }
        let first = rows[0]
        var changes: [String] = [], same: [String] = []
        var value = ""
        for kind in [Kind.layer, .instance, .group] {
            let (with, without) = (shownEntry(tr, "\(kind.rawValue).output", first * p.d), shownEntry(alone, "\(kind.rawValue).output", 0))
            if with == without {
                same.append(words("name \(kind.rawValue)"))
                value = with
            } else {
                changes.append(words("padding alone, change", ["norm": words("name \(kind.rawValue)"), "alone": without, "with": with]))
            }
        }
        let sentence = p.tokens.map { labels in "“" + rows.map { markdownText(labels[b][$0 % p.t], limit: 40) }.joined(separator: " ") + "”" }
            ?? words("set sequence", ["b": "\(b + 1)"])
        let said = words("padding alone", [
            "sentence": sentence, "real steps": "\(rows.count)", "first": token(p, first),
            "changes": changes.joined(separator: ", "), "same": same.isEmpty ? "" : words("padding alone, same", ["norms": listed(same), "value": value]),
        ])
        let layerOnly = same == [words("name layer")] && changes.count == 2
        return said + (layerOnly ? words("padding alone, verdict") : "")
    }

    /// Token (1, 1) alone, as a decoder generating one token at a time normalizes it: batch norm's
    /// sets shrink to one number each, layer norm's set is the same.
    static func decodingSentence(_ p: NormsInput, _ tr: Trace) -> String {
        guard p.b * p.t > 1 else { return "" }
        let one = NormsInput(x: Matrix(rows: 1, cols: p.d, entries: (0..<p.d).map { p.x[0, $0] }), b: 1, t: 1, d: p.d,
                             groups: p.groups, eps: p.eps, tokens: p.tokens.map { [[$0[0][0]]] })
        let alone = Trace.$valuesOnly.withValue(true) { derive(one, example: nil, file: "", backward: false) }
        let batch = (0..<p.d).map { shownEntry(alone, "batch.output", $0) }
        let layer = (0..<p.d).map { shownEntry(alone, "layer.output", $0) }
        let here = (0..<p.d).map { shownEntry(tr, "layer.output", $0) }
        guard layer == here else { return "" }
        let all = Set(batch).count == 1 ? words("every feature", ["value": batch[0]]) : "(" + batch.joined(separator: ", ") + ")"
        return words("decoding", ["token": token(p, 0), "one": all, "layer one": "(" + layer.joined(separator: ", ") + ")"])
    }

    /// `kind`'s share of ∂L/∂X: its deviations' gradient plus 1/|S| of its means' spread over each set.
    static func share(_ kind: Kind, _ p: NormsInput, _ tr: Trace) -> [Double]? {
        guard let centered = tr["\(kind.rawValue).centered.grad"]?.value.flat, let mean = tr["\(kind.rawValue).mean.grad"]?.value.flat else { return nil }
        let g = grouping(kind, p)
        return centered.indices.map { centered[$0] + mean[g.set[$0]] / Double(g.members[g.set[$0]].count) }
    }

    /// Batch norm mixing sentences backward: ∂L/∂X in the sequences where G is 0 everywhere, all of
    /// it batch norm's share. nil when G reaches every sequence, or nothing reaches the others.
    static func backwardMixingSentence(_ p: NormsInput, _ tr: Trace) -> String? {
        guard let g = p.gradOutput, let dx = tr["input.grad"]?.value.flat, let batch = share(.batch, p, tr),
              let layer = share(.layer, p, tr) else { return nil }
        let (rows, d) = (p.b * p.t, p.d)
        let loaded = (0..<rows).filter { r in (0..<d).contains { g[r, $0] != 0 } }
        let sequences = Set(loaded.map { $0 / p.t })
        let others = (0..<p.b).filter { !sequences.contains($0) }
        let outside = others.flatMap { b in (b * p.t)..<((b + 1) * p.t) }
        let scale = dx.map(abs).max() ?? 0
        guard !loaded.isEmpty, !outside.isEmpty, outside.contains(where: { r in (0..<d).contains { abs(dx[r * d + $0]) > 1e-12 * scale } }),
              outside.allSatisfy({ r in (0..<d).allSatisfy { abs(dx[r * d + $0] - batch[r * d + $0]) <= 1e-12 * max(scale, 1) } }) else { return nil }
        let style = NumberStyle(precision: 4)
        let name = { (bs: [Int]) in listed(bs.map { words("set sequence", ["b": "\($0 + 1)"]) }) }
        let whereG = loaded.count == 1 ? token(p, loaded[0]) : name(sequences.sorted())
        let shown = outside.prefix(6).map { token(p, $0) + " " + style.fixed(dx[$0 * d]) }
        var said = words("backward mixing", ["where": whereG, "others": name(others), "cells": listed(Array(shown), more: outside.count - shown.count)])
        let layerRows = (0..<rows).filter { r in (0..<d).contains { abs(layer[r * d + $0]) > 1e-12 * max(scale, 1) } }
        if !layerRows.isEmpty, Set(layerRows).isSubset(of: Set(loaded)) {
            said += words("backward mixing, layer", ["tokens": listed(layerRows.map { token(p, $0) })])
        }
        return said
    }

    /// L = Σ G ⊙ (the four outputs), G all ones when not given, as 4 decimals show it.
    static func loss(_ p: NormsInput, _ outputs: [Normalized]) -> String {
        let sum = outputs.reduce(0.0) { total, n in
            n.output.value.flat.enumerated().reduce(total) { $0 + (p.gradOutput?.entries[$1.offset] ?? 1) * $1.element }
        }
        return "$L = " + NumberStyle(precision: 4).fixed(sum) + "$"
    }

    /// The standard deviations' caption's last words: for a set whose variance is not above ε, s is
    /// √ε alone, and dividing by it multiplies by 1/√ε.
    static func tinyVariance(_ kind: Kind, _ p: NormsInput, _ variance: [Double]) -> String {
        guard !Trace.valuesOnly, p.eps > 0, let low = variance.indices.min(by: { variance[$0] < variance[$1] }), variance[low] <= p.eps else { return "" }
        let style = NumberStyle(precision: 4)
        let s = (variance[low] + p.eps).squareRoot()
        return words("std, tiny", ["set": setName(kind, p, low), "var": style.fixed(variance[low]), "s": style.fixed(s),
                                   "sd": style.fixed(variance[low].squareRoot()), "inv": String(format: "%.0f", 1 / s)])
    }

    /// The output caption's slots: the variance every set comes out with, and the set that does not.
    static func outputMoments(_ kind: Kind, _ p: NormsInput, variance: [Double], y: [Double]) -> [String: String] {
        guard !Trace.valuesOnly else { return [:] }
        let style = NumberStyle(precision: 4)
        let g = grouping(kind, p)
        let after = g.members.map { moments(y, $0).variance }
        guard let low = after.indices.min(by: { after[$0] < after[$1] }), style.fixed(after[low]) != style.fixed(1) else {
            return ["variance": words("variance near 1"), "constant": ""]
        }
        let key = variance[low] == 0 ? "output, constant" : "output, small"
        return ["variance": words("variance near 1"),
                "constant": words(key, ["set": setName(kind, p, low), "var": style.fixed(after[low]), "before": style.fixed(variance[low])])]
    }
}

extension NormsInput {
    /// An input made from another's parts (a variant for the commentary), with no grad_output.
    init(x: Matrix, b: Int, t: Int, d: Int, groups: Int, eps: Double, tokens: [[String]]?) {
        (self.x, self.b, self.t, self.d, self.groups, self.eps, self.tokens, self.gradOutput) = (x, b, t, d, groups, eps, tokens, nil)
    }
}
