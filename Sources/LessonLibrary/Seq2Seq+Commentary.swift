// seq2seq-attention's commentary: sentences computed from the numbers they speak of.

import Foundation
import TraceCore

extension Seq2Seq {
    /// α_t's caption: its meaning, then where step t looks: the largest weight, with its source
    /// position (and token), and how far it is from an even spread.
    static func weightsCaption(_ m: Seq2SeqInput, _ t: Int, e: [Double], said: SaidOnce) -> Caption {
        let caption = said(words, "alpha[t]")
        let top = e.max() ?? 0          // once, not per entry
        let exps = e.map { exp($0 - top) }
        let sum = exps.reduce(0, +)
        let alpha = exps.map { $0 / sum }
        func with(_ said: String) -> Caption { Caption(title: caption.title, meaning: caption.meaning.isEmpty ? said : caption.meaning + " " + said) }
        // Scores that overflowed give no weights to speak of; equal weights, no position preferred.
        if alpha.contains(where: \.isNaN) { return with(words("weights, nan", ["t": "\(t)"])) }
        guard let best = alpha.indices.max(by: { alpha[$0] < alpha[$1] }), alpha.count > 1 else { return caption }
        let tied = alpha.indices.filter { alpha[$0] == alpha[best] }
        if tied.count == alpha.count { return with(words("weights, even", ["t": "\(t)", "a": inSentence(alpha[best])])) }
        if tied.count > 1 {
            return with(words("weights, tie", ["t": "\(t)", "which": listed(tied.map { sourceSaid(m, $0) }), "a": inSentence(alpha[best])]))
        }
        let token = m.encoder.tokens.map { words("token", ["token": markdownText($0[best])]) } ?? ""
        let looks = words(t == 1 ? "looks most at, first" : "looks most at", ["t": "\(t)", "i": "\(best + 1)", "token": token, "a": inSentence(alpha[best]),
                                                                     "even": inSentence(1 / Double(alpha.count))])
        return with(looks)
    }
}

extension Seq2Seq {
    /// Class k in a LaTeX subscript: its label when it is a word of letters or digits (`\text{love}`), else its number.
    static func classSymbol(_ m: Seq2SeqInput, _ k: Int) -> String {
        guard let label = m.classTokens?[k], !label.isEmpty, label.count <= 12, label.allSatisfy({ $0.isLetter || $0.isNumber }) else { return "\(k + 1)" }
        return "\\text{\(label)}"
    }

    /// A decoder step as the summary's rows name it: what it reads and, with targets, what it should predict.
    static func stepLabel(_ m: Seq2SeqInput, _ t: Int) -> String {
        let reads = m.decoder.tokens?[t - 1]
        guard let k = m.targets?[t - 1] else { return reads.map { "\(t) · \($0)" } ?? "\(t)" }
        let target = m.classTokens?[k] ?? "\(k + 1)"
        return "\(t) · \(reads ?? "") → \(target)".replacingOccurrences(of: " ·  →", with: " →")
    }

    /// Class j as a sentence names it: its label in quotes, or "class j".
    static func classSaid(_ m: Seq2SeqInput, _ j: Int) -> String {
        m.classTokens.map { "“\(markdownText($0[j]))”" } ?? words("class j", ["j": "\(j + 1)"])
    }

    /// Source position i as a sentence names it: its token in quotes, or "position i".
    static func sourceSaid(_ m: Seq2SeqInput, _ i: Int) -> String {
        m.encoder.tokens.map { "“\(markdownText($0[i]))”" } ?? words("position i", ["i": "\(i + 1)"])
    }

    /// p_t's caption: its meaning once, then the likeliest class and, with targets, whether it is the right one.
    static func probabilityCaption(_ m: Seq2SeqInput, _ t: Int, y: [Double], said: SaidOnce) -> Caption {
        let top = y.max() ?? 0          // once, not per entry
        let exps = y.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        let p = exps.map { $0 / total }
        guard !p.contains(where: \.isNaN) else { return said(words, "p[t]") }
        let (best, tie) = CharLM.likeliest(p)
        let k = m.targets?[t - 1]
        var slots = ["chosen": classSaid(m, best), "p": "p_{\(t),\(classSymbol(m, best))} = \(inSentence(p[best]))", "other": tie.map { classSaid(m, $0) } ?? ""]
        if let k { slots.merge(["target": classSaid(m, k), "q": "p_{\(t),\(classSymbol(m, k))} = \(inSentence(p[k]))"]) { _, b in b } }
        let key = tie != nil ? (k == nil ? "predicts, tie, no target" : "predicts, tie") : k == nil ? "predicts" : best == k ? "predicts, right" : "predicts, wrong"
        return said(words, "p[t]", adding: [words(key, slots)])
    }

    /// After the alignment figure: where each step looks most, and whether the alignment keeps the
    /// source's order or crosses it.
    static func alignmentSaying(_ m: Seq2SeqInput, alpha: [[Double]]) -> String {
        if alpha.contains(where: { $0.contains(where: \.isNaN) }) { return words("alignment, nan") }
        // Only the steps with one largest weight say where they look.
        let single = alpha.indices.filter { t in
            let top = alpha[t].max()
            return alpha[t].filter { $0 == top }.count == 1
        }
        guard !single.isEmpty else { return words("alignment, none") }
        if single.count < alpha.count {
            let pairs = single.prefix(6).map { t in
                words("alignment pair", ["t": "\(t + 1)", "source": sourceSaid(m, alpha[t].indices.max { alpha[t][$0] < alpha[t][$1] }!),
                                         "a": inSentence(alpha[t].max()!)])
            }
            return words("alignment, some", ["pairs": listed(pairs) + (single.count > 6 ? words("and so on") : "")])
        }
        let best = alpha.map { row in row.indices.max { row[$0] < row[$1] } ?? 0 }
        let pairs = best.enumerated().prefix(6).map { t, i in
            words("alignment pair", ["t": "\(t + 1)", "source": sourceSaid(m, i), "a": inSentence(alpha[t][i])])
        }
        // The first step that looks before where the step before it looked.
        let back = best.indices.dropFirst().first { best[$0] < best[$0 - 1] }
        let key = alpha.count < 2 || m.sourceSteps < 2 ? "alignment" : back == nil ? "alignment, in order"
            : m.encoder.tokens != nil && m.targets != nil ? "alignment, crossing, words" : "alignment, crossing"
        let crossing = back.map { ["t": "\($0 + 1)", "i": "\(best[$0] + 1)", "s": "\($0)", "j": "\(best[$0 - 1] + 1)"] } ?? [:]
        return words(key, crossing.merging(["pairs": listed(pairs) + (best.count > 6 ? words("and so on") : "")]) { a, _ in a })
    }

    /// The seed statements these numbers bear on: seed 004's context without the softmax (for the
    /// dot score, which is its ⟨s, h⟩), and seq2seq's one state h_S against what attention reads.
    static func slides(_ m: Seq2SeqInput, memory: Value, steps: [DecoderStep]) -> [String] {
        guard case .matrix(let hs) = memory, !steps.isEmpty,
              !steps.contains(where: { $0.alpha.value.flat.contains(where: \.isNaN) || $0.e.value.flat.contains(where: { !$0.isFinite }) }) else { return [] }
        var bullets: [String] = []
        if m.score == "dot" {
            // The seed's step 4, or the last when there are fewer.
            let t = min(4, steps.count)
            let e = steps[t - 1].e.value.flat
            let alpha = steps[t - 1].alpha.value.flat
            let raw = (0..<m.hidden).map { j in (0..<m.sourceSteps).reduce(0.0) { $0 + e[$1] * hs[$1, j] } }
            let c = steps[t - 1].c.value.flat
            let rawNorm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let norm = c.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let negative = e.indices.filter { e[$0] < 0 }
            let which = t == 4 ? words("seed step 4") : words("seed step last", ["t": "\(t)"])
            let slots = ["t": "\(t)", "which": which, "S": "\(m.sourceSteps)", "e": listed(e.map(inSentence)), "sum": inSentence(e.reduce(0, +)),
                         "raw": vectorSaid(raw), "alpha": listed(alpha.map(inSentence)), "c": vectorSaid(c),
                         "rawNorm": inSentence(rawNorm), "norm": inSentence(norm),
                         "negative": negative.isEmpty ? "" : words(negative.count == 1 ? "seed negative" : "seed negative, several",
                                                                    ["which": listed(negative.map { "$h_{\($0 + 1)}$" })])]
            bullets.append(words("slide seed context") + " " + words("seed context", slots))
        }
        // Seq2seq without attention reads h_S alone: how much of the context comes from elsewhere.
        if m.sourceSteps > 1 {
            let onLast = steps.map { $0.alpha.value.flat[m.sourceSteps - 1] }
            let shown = onLast.prefix(6).map(inSentence)
            let largest = steps.map { $0.alpha.value.flat.max() ?? 0 }
            // Whether h_S gets the largest weight at every step: then the seed's worry stands here.
            let lastWins = steps.indices.allSatisfy { t in
                onLast[t] == largest[t] && steps[t].alpha.value.flat.filter { $0 == largest[t] }.count == 1
            }
            let others = steps.indices.filter { t in steps[t].alpha.value.flat.enumerated().contains { $0.offset != m.sourceSteps - 1 && $0.element > onLast[t] } }
            bullets.append(words("slide last state", ["S": "\(m.sourceSteps)"]) + " " + words(lastWins ? "last state, confirmed" : "last state", [
                "S": "\(m.sourceSteps)", "weights": listed(shown) + (onLast.count > 6 ? words("and so on") : ""), "T": "\(steps.count)",
                "others": others.count == steps.count ? words("all of them") : words("n of them", ["n": "\(others.count)"])]))
        }
        return bullets
    }
}

extension Seq2Seq {
    /// After the encoder's steps back: what reaches the first source state straight from the
    /// attention (row 1 of ∂L/∂M) beside what comes back along the encoder's chain, by their sizes.
    static func shortPathSaying(_ m: Seq2SeqInput, back: Backprop, memory: Traced, hs: [Traced]) -> String? {
        guard m.sourceSteps > 1, let total = back.gradient(of: hs[0])?.value.flat,
              case .matrix(let g)? = back.gradient(of: memory)?.value else { return nil }
        let direct = g.row(0).entries
        let chain = zip(total, direct).map { $0 - $1 }
        func size(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        let slots = ["direct": readable(size(direct)), "chain": readable(size(chain)), "total": readable(size(total))]
        // Parts pointing apart make a whole shorter than the longer part.
        let together = words(size(total) < max(size(direct), size(chain)) ? "short path, cancel" : "short path, add", slots)
        return words("short path", slots.merging(["S": "\(m.sourceSteps)", "together": together]) { a, _ in a })
    }
}
