// seq2seq-attention's commentary: sentences computed from the numbers they speak of.

import Foundation
import TraceCore

extension Seq2Seq {
    /// α_t's caption: its meaning, then where step t looks: the largest weight, with its source
    /// position (and token), and how far it is from an even spread.
    static func weightsCaption(_ m: Seq2SeqInput, _ t: Int, e: [Double], said: SaidOnce) -> Caption {
        let caption = said(words, "alpha[t]")
        let exps = e.map { exp($0 - (e.max() ?? 0)) }
        let sum = exps.reduce(0, +)
        let alpha = exps.map { $0 / sum }
        guard let best = alpha.indices.max(by: { alpha[$0] < alpha[$1] }), alpha.count > 1 else { return caption }
        let token = m.encoder.tokens.map { words("token", ["token": markdownText($0[best])]) } ?? ""
        let looks = words("looks most at", ["t": "\(t)", "i": "\(best + 1)", "token": token, "a": inSentence(alpha[best]),
                                           "even": inSentence(1 / Double(alpha.count))])
        return Caption(title: caption.title, meaning: caption.meaning.isEmpty ? looks : caption.meaning + " " + looks)
    }
}

extension Seq2Seq {
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
        let exps = y.map { exp($0 - (y.max() ?? 0)) }
        let total = exps.reduce(0, +)
        let p = exps.map { $0 / total }
        guard !p.contains(where: \.isNaN) else { return said(words, "p[t]") }
        let (best, tie) = CharLM.likeliest(p)
        let k = m.targets?[t - 1]
        var slots = ["chosen": classSaid(m, best), "p": "p_{\(t),\(best + 1)} = \(inSentence(p[best]))", "other": tie.map { classSaid(m, $0) } ?? ""]
        if let k { slots.merge(["target": classSaid(m, k), "q": "p_{\(t),\(k + 1)} = \(inSentence(p[k]))"]) { _, b in b } }
        let key = tie != nil ? (k == nil ? "predicts, tie, no target" : "predicts, tie") : k == nil ? "predicts" : best == k ? "predicts, right" : "predicts, wrong"
        return said(words, "p[t]", adding: [words(key, slots)])
    }

    /// After the alignment figure: where each step looks most, and whether the alignment keeps the
    /// source's order or crosses it.
    static func alignmentSaying(_ m: Seq2SeqInput, alpha: [[Double]]) -> String {
        let best = alpha.map { row in row.indices.max { row[$0] < row[$1] } ?? 0 }
        let pairs = best.enumerated().prefix(6).map { t, i in
            words("alignment pair", ["t": "\(t + 1)", "source": sourceSaid(m, i), "a": inSentence(alpha[t][i])])
        }
        let monotone = zip(best, best.dropFirst()).allSatisfy { $0 <= $1 }
        let key = alpha.count < 2 || m.sourceSteps < 2 ? "alignment" : monotone ? "alignment, in order" : "alignment, crossing"
        return words(key, ["pairs": listed(pairs) + (best.count > 6 ? words("and so on") : "")])
    }

    /// The seed statements these numbers bear on: seed 004's context without the softmax (for the
    /// dot score, which is its ⟨s, h⟩), and seq2seq's one state h_S against what attention reads.
    static func slides(_ m: Seq2SeqInput, memory: Value, steps: [DecoderStep]) -> [String] {
        guard case .matrix(let hs) = memory, let last = steps.last else { return [] }
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
            let slots = ["t": "\(t)", "S": "\(m.sourceSteps)", "e": listed(e.map(inSentence)), "sum": inSentence(e.reduce(0, +)),
                         "raw": vectorSaid(raw), "alpha": listed(alpha.map(inSentence)), "c": vectorSaid(c),
                         "rawNorm": inSentence(rawNorm), "norm": inSentence(norm),
                         "negative": negative.isEmpty ? "" : words(negative.count == 1 ? "seed negative" : "seed negative, several",
                                                                    ["which": listed(negative.map { "$h_{\($0 + 1)}$" })])]
            bullets.append(words("slide seed context") + " " + words("seed context", slots))
        }
        // Seq2seq without attention reads h_S alone: how much of the context comes from elsewhere.
        if m.sourceSteps > 1 {
            let shares = steps.map { 1 - $0.alpha.value.flat[m.sourceSteps - 1] }
            let t = shares.indices.max { shares[$0] < shares[$1] } ?? 0
            bullets.append(words("slide last state") + " " + words("last state", ["S": "\(m.sourceSteps)", "t": "\(t + 1)",
                                                                                    "rest": inSentence(shares[t]),
                                                                                    "mine": inSentence(1 - shares[t])]))
        }
        _ = last
        return bullets
    }
}
