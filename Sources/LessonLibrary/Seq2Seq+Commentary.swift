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
