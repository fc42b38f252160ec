// char-lm's commentary: phrases chosen from the values (which character a step predicts, which
// step costs most, where a generated text leaves the training text), and the slides box.

import Foundation
import JSONFormat
import TraceCore

extension CharLM {
    /// “e” as a sentence names a character.
    static func quoted(_ m: CharLMInput, _ j: Int) -> String { "“\(said(m.vocab[j]))”" }

    /// The largest entry's index, the first of a tie, and whether another ties with it.
    static func likeliest(_ p: [Double]) -> (best: Int, tie: Int?) {
        let best = p.indices.reduce(0) { p[$1] > p[$0] ? $1 : $0 }
        return (best, p.indices.first { $0 != best && p[$0] == p[best] })
    }

    /// The text, its vocabulary, and a table of what each step reads and is scored on.
    static func textTable(_ m: CharLMInput) -> String {
        let w = words
        let vocab = listed(m.vocab.indices.map { quoted(m, $0) })
        let rows = (0..<m.steps).map { t in "| \(t + 1) | \(said(m.vocab[m.inputs[t]])) | \(said(m.vocab[m.targets[t]])) |" }
        let shownRows = rows.count > 8 ? Array(rows.prefix(5)) + ["| ⋯ | ⋯ | ⋯ |"] + Array(rows.suffix(2)) : rows
        return w("text", ["text": m.text.map(said).joined(), "n": "\(m.text.count)", "vocab": vocab, "V": "\(m.vocabSize)",
                          "vocab source": w(m.vocabGiven ? "vocab given" : "vocab from text")])
            + "\n\n" + ([w("text table header")] + shownRows).joined(separator: "\n")
    }


    /// p_t's caption: its meaning once, then which character it favours and whether that is the target.
    static func probabilityCaption(_ m: CharLMInput, _ t: Int, y: [Double], once: SaidOnce) -> Caption {
        let top = y.max() ?? 0          // once, not per entry
        let p = y.map { exp($0 - top) }
        let total = p.reduce(0, +)
        let probabilities = p.map { $0 / total }
        // Scores that are not numbers give no ranking to speak of.
        guard !probabilities.contains(where: \.isNaN) else { return once(words, "p[t]", adding: [words("predicts, nan")]) }
        let (best, tie) = likeliest(probabilities)
        let k = m.targets[t - 1]
        let slots = ["chosen": quoted(m, best), "target": quoted(m, k), "other": tie.map { quoted(m, $0) } ?? "",
                     "p": "p_{\(t),\(charSymbol(m.vocab[best], index: best))} = \(inSentence(probabilities[best]))",
                     "q": "p_{\(t),\(charSymbol(m.vocab[k], index: k))} = \(inSentence(probabilities[k]))"]
        let key = tie != nil ? "predicts, tie" : best == k ? "predicts, right" : "predicts, wrong"
        return once(words, "p[t]", adding: [words(key, slots)])
    }


    /// L's caption: which step costs most, when one stands out.
    static func lossSaying(_ m: CharLMInput, losses: [Double]) -> Caption {
        let caption = words.caption("loss")
        guard losses.count > 1, let top = losses.indices.max(by: { losses[$0] < losses[$1] }) else { return caption }
        let rest = losses.enumerated().filter { $0.offset != top }.map(\.element)
        // "Most" only when the step costs at least twice the next dearest.
        guard let next = rest.max(), losses[top] >= 2 * next else { return caption }
        let k = m.targets[top]
        let said = words("loss worst", ["t": "\(top + 1)", "l": inSentence(losses[top]), "target": quoted(m, k),
                                        "q": inSentence(exp(-losses[top]))])
        return Caption(title: caption.title, meaning: caption.meaning + " " + said)
    }

    static func perplexitySaying(_ m: CharLMInput, _ loss: Double) -> Caption {
        let caption = words.caption("perplexity")
        let slots = ["ppl": inSentence(exp(loss)), "V": "\(m.vocabSize)", "mean": inSentence(exp(-loss))]
        let worse = exp(loss) > Double(m.vocabSize) ? words("perplexity worse", slots) : ""
        let here = m.vocabSize == 1 ? words("perplexity here, one character", slots) : words("perplexity here", slots) + worse
        return Caption(title: caption.title, meaning: caption.meaning + " " + here)
    }

    /// What generation does: greedy or sampled, and the temperature's effect.
    static func generationSaying(_ m: CharLMInput, _ g: Generation) -> String {
        var said = words(g.greedy ? "generation, greedy" : "generation, sample", ["start": quoted(m, g.start), "seed": "\(g.seed)", "length": "\(g.length)"])
        if g.temperature != 1 {
            said += words("generation, temperature", ["tau": JSON.format(g.temperature), "effect": words(g.temperature < 1 ? "sharper" : "flatter")])
        }
        return g.greedy ? said : said + "\n\n" + words("generator", ["seed": "\(g.seed)"])
    }

    static func temperatureCaption(_ g: Generation, _ t: Int, once: SaidOnce) -> Caption {
        guard g.temperature != 1 else { return once(words, "gen.p[t]") }
        return once(words, "gen.p[t], temperature", ["tau": JSON.format(g.temperature), "effect": words(g.temperature < 1 ? "sharper" : "flatter")])
    }

    static func drawCaption(_ t: Int, bits: UInt64, once: SaidOnce) -> Caption {
        once(words, "gen.u[t]", adding: [words("draw here", ["t": "\(t)", "z": "\(bits)"])])
    }

    /// After a choice: a character whose column of W_ih is 0 (one-hot inputs) adds nothing when read.
    static func zeroColumnSaying(_ m: CharLMInput, _ j: Int, _ g: Generation, _ t: Int) -> String {
        guard m.embedding == nil, t < g.length, (0..<m.recurrent.wIh.rows).allSatisfy({ m.recurrent.wIh[$0, j] == 0 }) else { return "" }
        return words("zero column", ["chosen": quoted(m, j), "why": m.inputs.contains(j) ? "" : words("zero column, never read")])
    }

    /// The choice's caption: the likeliest character (greedy), or the stretch the draw fell in.
    static func choiceCaption(_ m: CharLMInput, _ g: Generation, _ t: Int, p: [Double], chosen: Int, u: Double?, once: SaidOnce) -> Caption {
        let (best, tie) = likeliest(p)
        let symbol = { (j: Int) in "\\hat p_{\(t),\(charSymbol(m.vocab[j], index: j))} = \(inSentence(p[j]))" }
        guard let u else {
            let said = words(tie != nil ? "choice, greedy tie" : "choice, greedy", ["chosen": quoted(m, best), "other": tie.map { quoted(m, $0) } ?? "", "p": symbol(best)])
            return once(words, "gen.next[t], greedy", adding: [said + zeroColumnSaying(m, chosen, g, t)])
        }
        let low = p[..<chosen].reduce(0, +)
        var said = words("choice, sample", ["t": "\(t)", "u": NumberStyle(precision: 4).fixed(u), "chosen": quoted(m, chosen),
                                            "low": NumberStyle(precision: 4).fixed(low), "high": NumberStyle(precision: 4).fixed(low + p[chosen]),
                                            "p": inSentence(p[chosen])])
        if chosen != best { said += words("choice, sample, unlikely", ["best": quoted(m, best), "q": inSentence(p[best])]) }
        return once(words, "gen.next[t], sample", adding: [said + zeroColumnSaying(m, chosen, g, t)])
    }

    /// How the generated text stands to the training text.
    static func generatedComparison(_ m: CharLMInput, _ g: Generation, _ run: GeneratedRun) -> String {
        let text = m.indices
        let written = [g.start] + run.chosen
        guard g.start == text[0] else { return "" }
        if let t = zip(written, text).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            let slots = ["t": "\(t)", "chosen": quoted(m, written[t]), "target": quoted(m, text[t])]
            return words(t == written.count - 1 ? "generated, differs at the end" : "generated, differs", slots)
        }
        if written.count == text.count { return words("generated, the text") }
        if written.count < text.count { return words("generated, shorter") }
        let more = written[text.count...].map { said(m.vocab[$0]) }.joined()
        return words("generated, text then more", ["n": "\(text.count)", "more": "“\(more)”"])
    }

    /// ∂L/∂y_t's caption: its meaning once, then which scores the step pushes up and down most.
    static func scoresGradientCaption(_ m: CharLMInput, _ t: Int, p: [Double], once: SaidOnce) -> Caption {
        let k = m.targets[t - 1]
        let scale = 1 / Double(m.steps)
        let gradient = p.enumerated().map { ($0.element - ($0.offset == k ? 1 : 0)) * scale }
        let (best, _) = likeliest(p)
        let slots = ["T": "\(m.steps)"]
        if best == k {
            return once(words, "y[t].grad", slots, adding: [words("scores push, target top", ["target": quoted(m, k), "g": twoDecimals(gradient[k])])])
        }
        let top = gradient.indices.max { gradient[$0] < gradient[$1] } ?? best
        return once(words, "y[t].grad", slots, adding: [words("scores push", ["target": quoted(m, k), "g": twoDecimals(gradient[k]),
                                                                                "top": quoted(m, top), "h": twoDecimals(gradient[top])])])
    }

    /// A gradient in a sentence: 2 decimals, or the readable form when those would show 0.
    static func twoDecimals(_ x: Double) -> String {
        let two = NumberStyle(precision: 2).fixed(x)
        return two == "0.00" || two == "-0.00" ? readable(x) : two
    }

    /// The closing sentence: how many steps the model gets right, the loss and the perplexity.
    static func summarySaying(_ m: CharLMInput, p: [[Double]], loss: Double) -> String {
        let wrong = (0..<m.steps).filter { likeliest(p[$0]).best != m.targets[$0] || likeliest(p[$0]).tie != nil }
        let steps = listed(wrong.map { "\($0 + 1)" })
        let wrongSaid = wrong.isEmpty ? "" : words(wrong.count == 1 ? "summary wrong steps" : "summary wrong steps, several", ["steps": steps])
        return words("summary right", ["right": "\(m.steps - wrong.count)", "T": "\(m.steps)", "wrong": wrongSaid,
                                       "L": inSentence(loss), "ppl": inSentence(exp(loss))])
    }

    // MARK: The slides box

    static let seedScores: [Double] = [1.0, 2.2, -3.0, 4.1]
    static let seedPercentages: [Double] = [3, 13, 0, 84]

    /// The seed statements this example's numbers bear on, each with its verdict computed from the values.
    static func slides(_ m: CharLMInput, p: [[Double]], y: [[Double]], h: [[Double]], loss: Double, perplexity: Double) -> [String] {
        var bullets: [String] = []
        // Seed 002's first step, where the scores print as the seed's (to its one decimal).
        if m.vocabSize == 4, let y1 = y.first, zip(y1, seedScores).allSatisfy({ abs($0 - $1) < 0.05 }) {
            let (best, _) = likeliest(y1)
            let k = m.targets[0]
            bullets.append(words("slides predicts o", ["verdict": words(best == 3 && k == 1 ? "confirmed" : "refuted"),
                                                       "scores": "[" + y1.map { NumberStyle(precision: 2).fixed($0) }.joined(separator: ", ") + "]",
                                                       "chosen": quoted(m, best), "target": quoted(m, k)]))
            if let said = percentages(m, y: y1, p: p[0]) { bullets.append(said) }
        }
        if let said = sameInput(m, p: p, h: h) { bullets.append(said) }
        // Seed 004: perplexity = exp(cross-entropy), and the geometric mean it is.
        let targetP = (0..<m.steps).map { p[$0][m.targets[$0]] }
        // Six decimals: the product of the reciprocals magnifies a fourth decimal's rounding.
        let inverse = targetP.prefix(4).map { "1/\(NumberStyle(precision: 6).fixed($0))" }.joined(separator: " \\cdot ") + (m.steps > 4 ? #" \cdots"# : "")
        bullets.append(words("slides perplexity", ["L": NumberStyle(precision: 4).fixed(loss), "ppl": NumberStyle(precision: 4).fixed(perplexity),
                                                   "inverse": inverse, "T": "\(m.steps)"]))
        return bullets
    }

    /// Seed 002's “h: 3%, e: 13%, l: 0%, o: 84%”, against p_1: which round differently, and what the
    /// quoted and the rounded percentages sum to.
    static func percentages(_ m: CharLMInput, y: [Double], p: [Double]) -> String? {
        guard p.count == seedPercentages.count else { return nil }
        let percent = p.map { 100 * $0 }
        let rounded = percent.map { $0.rounded() }
        let misses = percent.indices.filter { rounded[$0] != seedPercentages[$0] }
        func row(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        var off = ""
        if !misses.isEmpty {
            let said = misses.map { words("slides percent miss", ["token": quoted(m, $0), "rounded": numberLabel(rounded[$0]),
                                                                  "quoted": numberLabel(seedPercentages[$0])]) }
            off = words("slides percent off", ["misses": listed(said)])
            let (quotedSum, roundedSum) = (seedPercentages.reduce(0, +), rounded.reduce(0, +))
            if quotedSum != roundedSum {
                off += words("slides percent sums", ["quoted": numberLabel(quotedSum), "rounded": row(rounded.map(numberLabel)), "sum": numberLabel(roundedSum)])
            }
        }
        return words("slides percent", ["verdict": words(misses.isEmpty ? "confirmed" : misses.count < percent.count ? "partly" : "refuted"),
                                        "scores": row(y.map { NumberStyle(precision: 2).fixed($0) }),
                                        "percents": row(percent.map { NumberStyle(precision: 2).fixed($0) + "%" }), "off": off])
    }

    /// Seed 002's steps 3 and 4: the first two steps that read the same character but have different
    /// targets, and whether the model tells them apart.
    static func sameInput(_ m: CharLMInput, p: [[Double]], h: [[Double]]) -> String? {
        var seen: [Int: Int] = [:]
        var pair: (Int, Int)?
        for t in 0..<m.steps {
            if let s = seen[m.inputs[t]], m.targets[s] != m.targets[t] { pair = (s, t); break }
            if seen[m.inputs[t]] == nil { seen[m.inputs[t]] = t }
        }
        guard let (s, t) = pair else { return nil }
        let (a, b) = (likeliest(p[s]).best, likeliest(p[t]).best)
        let apart = a == m.targets[s] && b == m.targets[t]
        let slots = ["s": "\(s + 1)", "t": "\(t + 1)", "char": quoted(m, m.inputs[s]), "hs": vectorSaid(h[s]), "ht": vectorSaid(h[t]),
                     "a": quoted(m, a), "b": quoted(m, b),
                     "pa": "p_{\(s + 1),\(charSymbol(m.vocab[a], index: a))} = \(inSentence(p[s][a]))",
                     "pb": "p_{\(t + 1),\(charSymbol(m.vocab[b], index: b))} = \(inSentence(p[t][b]))",
                     "ta": quoted(m, m.targets[s]), "tb": quoted(m, m.targets[t])]
        let verdict = apart ? words("same input, apart", slots) : a == b ? words("same input, alike", slots) : nil
        return verdict.map { words("slides same input", ["verdict": $0]) }
    }
}
