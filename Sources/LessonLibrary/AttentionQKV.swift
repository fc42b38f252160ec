// attention-qkv: one head of scaled dot-product attention, in the textbook row convention.
//
// Convention: tokens are rows. Q = X W_Q, K = X W_K, V = X W_V (W_Q, W_K: d_model × d_k,
// W_V: d_model × d_v); scores S = Q Kᵀ; scaled Ŝ = S / √d_k (+ M, −∞ above the diagonal when
// causal); weights A = softmax(Ŝ) row by row; output O = A V. The softmax is computed as
// exp(Ŝ − rowmax) / rowsum, which is the same function and what PyTorch does to avoid overflow.
// Others: PyTorch's nn.Linear stores weights out × in and computes X Wᵀ (see multi-head-attention);
// torch.nn.functional.scaled_dot_product_attention takes Q, K, V already projected.
// References: Vaswani et al. 2017, "Attention Is All You Need", eq. (1); J. Alammar, "The
// Illustrated Transformer" (2018); seed notes 000 (Q, K, V; 2 words × 4 dims), 001 (√d_k), 004 (masking).

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum AttentionQKV: Lesson {
    static let id = "attention-qkv"
    static let summary = words("summary")

    static let sentence: JSON = .fields([
        "x": .rows([[1, 0, 1, 0], [0, 2, 0, 1], [1, 1, 0, 1]]),
        "w_q": .rows([[0, 1, 0, -1], [-1, -1, 0.5, 1], [0, -1, 0.5, 0], [0.5, 1, 1, 0.5]]),
        "w_k": .rows([[-1, -1, 0.5, 0.5], [0, 0.5, 1, 1], [-1, 0.5, -1, 0.5], [0.5, 0, 1, -1]]),
        "w_v": .rows([[1, 0], [0, 1], [0.5, 0], [0, 0.5]]),
        "causal": .bool(false),
        "tokens": .strings(["The", "cat", "sat"]),
    ])

    static let examples = [
        Example("default", words, input: sentence),
        Example("causal", words, input: sentence.setting("causal", .bool(true)) ?? sentence),
        Example("illustrated-transformer", words, input: .fields([
            "x": .rows([[1, 0], [0, 1]]),
            "w_q": .rows([Array(repeating: 1, count: 64), Array(repeating: 0.5, count: 64)]),
            "w_k": .rows([Array(repeating: 1.75, count: 64), Array(repeating: 1.5, count: 64)]),
            "w_v": .rows([Array(repeating: 1, count: 64), Array(repeating: 0, count: 64)]),
            "tokens": .strings(["Thinking", "Machines"]),
        ]),
            claims: .fields([
                "source": .string(words("illustrated-transformer.source")),
                "claims": .array([
                    .fields(["value": .string("scores"), "at": .numbers([1, 1]), "expected": .number(112)]),
                    .fields(["value": .string("scores"), "at": .numbers([1, 2]), "expected": .number(96)]),
                    .fields(["value": .string("scaled"), "at": .numbers([1, 1]), "expected": .number(14)]),
                    .fields(["value": .string("scaled"), "at": .numbers([1, 2]), "expected": .number(12)]),
                    .fields(["value": .string("weights"), "at": .numbers([1, 1]), "expected": .number(0.88)]),
                    .fields(["value": .string("weights"), "at": .numbers([1, 2]), "expected": .number(0.12)]),
                ]),
            ])),
    ] + SourcedExamples.attention

    /// Scores left undivided by √d_k: the same as multiplying the query weights by √d_k.
    static let alternatives = [
        Alternative(words("alternative, unscaled")) { input in
            guard case .array(let rows)? = input["w_q"], case .array(let first)? = rows.first else { return nil }
            let scale = Double(first.count).squareRoot()
            return input.setting("w_q", .array(rows.map { row in
                guard case .array(let items) = row else { return row }
                return .array(items.map { item in
                    if case .number(let x, _) = item { return .number(x * scale) }
                    return item
                })
            }))
        },
    ]

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try AttentionInput(&reader)
        try reader.finish()
        return derive(p, example: example, file: file, backward: backward)
    }

    /// The derivation, on the board: the mathematics here, its words in AttentionQKV+Words.swift.
    /// Shapes: n tokens, d_model numbers per embedding, d_k per query and key, d_v per value.
    static func derive(_ p: AttentionInput, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        let masked = p.causal ? ", causal" : ""           // the words that say the mask is there
        let (n, dK, dV) = (p.n, p.dK, p.dV)
        let tr = Trace(lesson: id, title: w("title" + masked), example: example?.name ?? file)
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        tr.math(w("equations" + masked))
        tr.say(w("scaling"))
        tr.say(w("convention"))
        tr.introduceInputs(legend: [
            (symbol: "n", meaning: w("legend n"), size: n),
            (symbol: #"d_{\text{model}}"#, meaning: w("legend d_model"), size: p.dModel),
            (symbol: "d_{k}", meaning: w("legend d_k"), size: dK),
            (symbol: "d_{v}", meaning: w("legend d_v"), size: dV),
        ], example: example)
        let x = tr.input("x", "X", .matrix(p.x), w.caption("x"), labels: p.perToken(p.dModel))                              // n × d_model
        let wQ = tr.input("w_q", "W_{Q}", .matrix(p.wQ), w.caption("w_q"), labels: p.weightLabels(dK))                             // d_model × d_k
        let wK = tr.input("w_k", "W_{K}", .matrix(p.wK), w.caption("w_k"), labels: p.weightLabels(dK))                             // d_model × d_k
        let wV = tr.input("w_v", "W_{V}", .matrix(p.wV), w.caption("w_v"), labels: p.weightLabels(dV))                             // d_model × d_v

        tr.heading(w("heading steps"))
        tr.heading(w("heading projections"), level: 3)
        let q = tr.record("Q", "Q", x * wQ, w.caption("Q"), labels: p.perToken(dK))                                               // n × d_k
        let k = tr.record("K", "K", x * wK, w.caption("K"), labels: p.perToken(dK))                                               // n × d_k
        let v = tr.record("V", "V", x * wV, w.caption("V"), labels: p.perToken(dV))                                               // n × d_v

        tr.heading(w("heading scores"), level: 3)
        // S = Q Kᵀ                                                                 n × n
        let scores = tr.record("scores", "S", q * k.transposed, w.caption("scores"), labels: p.pairs)
        let scale = tr.constant(#"\sqrt{d_{k}}"#, .scalar(Double(dK).squareRoot()), w.caption("scale", ["d_k": "\(dK)"]))
        // Ŝ = S / √d_k (+ M: −∞ where key j comes after query i)                   n × n
        var scaledScores = scores / scale
        if p.causal {
            scaledScores = scaledScores + tr.constant("M", .matrix(causalMask(queries: n, keys: n)), w.caption("M"), labels: p.pairs)
        }
        let scaled = tr.record("scaled", #"\hat{S}"#, scaledScores, w.caption(p.causal ? "scaled, causal" : dK == 1 ? "scaled, one" : "scaled"), labels: p.pairs)
        tr.figure(.heatmaps(title: w("figure scaled"), panels: [queryKeyHeatmap(w("panel scaled" + masked), p.tokenNames, p.tokenNames, scaled)],
                            scale: .diverging),
                  description: w("figure scaled, description" + masked))

        tr.heading(w("heading softmax"), level: 3)
        // A_ij = exp(Ŝ_ij − m_i) / Σ_j' exp(Ŝ_ij' − m_i)
        let rowMax = tr.record("max", "m", reduceRows(.max, scaled), w.caption("max"), labels: p.queryLabels)                     // n
        let e = tr.record("exp", "E", exp(scaled - broadcast(rowMax, .perRow, rows: n, cols: n)), w.caption("exp" + masked),
                          labels: p.pairs)                                                                                         // n × n
        let sum = tr.record("sum", "z", reduceRows(.sum, e), w.caption("sum"), labels: p.queryLabels)                             // n
        let a = e / broadcast(sum, .perRow, rows: n, cols: n)                                                                     // n × n
        let weights = tr.record("weights", "A", a, w.caption("weights", ["rows": rowsWords(p, a.value.matrix, scaled: scaled.value.matrix)]),
                                labels: p.pairs)
        tr.figure(.heatmaps(title: w("figure weights"), panels: [queryKeyHeatmap(w("panel weights"), p.tokenNames, p.tokenNames, weights)],
                            scale: .unit),
                  description: w("figure weights, description"))

        tr.heading(w("heading output"), level: 3)
        // O = A V                                                                  n × d_v
        let output = tr.record("output", "O", weights * v, w.caption("output"), labels: p.perToken(dV))

        let bullets = Trace.valuesOnly ? [] : slides(p, example: example?.name, scores: scores.value.matrix, scaled: scaled.value.matrix,
                                                      weights: weights.value.matrix, output: output.value.matrix)
        if !bullets.isEmpty {
            tr.heading(w("heading slides"))
            tr.say(bullets.joined(separator: "\n"))
        }
        tr.heading(w("heading summary"))
        tr.say(w("notice" + masked))
        if backward {
            derivePass(back: p, tr, inputs: [x, wQ, wK, wV],
                       values: (q: q, k: k, v: v, scores: scores, scaled: scaled, max: rowMax, exp: e, sum: sum, weights: weights, output: output))
        }
        return tr
    }

    /// The backward pass: from ∂L/∂O through A V, the softmax's three steps (sum, exp, max), the
    /// scaling and Q Kᵀ, to the projections and the inputs.
    static func derivePass(back p: AttentionInput, _ tr: Trace, inputs: [Traced],
                           values s: (q: Traced, k: Traced, v: Traced, scores: Traced, scaled: Traced, max: Traced, exp: Traced, sum: Traced, weights: Traced, output: Traced)) {
        let w = words
        let masked = p.causal ? ", causal" : ""
        let g = tr.beginBackward(why: backwardWords("backward why"), equations: w("backward equations"), output: s.output, symbol: "O",
                                 given: p.gradOutput, labels: p.perToken(p.dV))
        let back = Backprop(tr, differentiable: inputs)
        back.seed(s.output, g)
        tr.heading(w("heading back through"), level: 3)
        back.record(s.output, w.caption("output.grad"))
        back.record(s.weights, w.caption("weights.grad"))
        back.record(s.sum, w.caption("sum.grad"))
        back.record(s.exp, w.caption("exp.grad" + masked))
        back.record(s.max, w.caption("max.grad"))
        let scaled = back.record(s.scaled, w.caption("scaled.grad" + masked))
        if let scaled { tr.say(w("softmax compact", softmaxCheck(weights: s.weights.value, gradient: tr, scaledGradient: scaled.value))) }
        back.record(s.scores, w.caption("scores.grad"))
        back.record(s.v, w.caption("V.grad"))
        back.record(s.k, w.caption("K.grad"))
        back.record(s.q, w.caption("Q.grad"))
        tr.heading(w("heading input gradients"), level: 3)
        for (input, key) in zip(inputs, ["x.grad", "w_q.grad", "w_k.grad", "w_v.grad"]) { back.record(input, w.caption(key)) }
        tr.endBackward(back)
    }

    /// The slots of the compact softmax backward checked on entry (1, 1): A₁₁, ∂A₁₁, the row's
    /// Σ_k A₁ₖ ∂A₁ₖ and the result A₁₁ (∂A₁₁ − Σ), which equals ∂Ŝ₁₁ found step by step.
    static func softmaxCheck(weights: Value, gradient tr: Trace, scaledGradient: Value) -> [String: String] {
        let style = NumberStyle(precision: 4)
        guard let dA = tr["weights.grad"]?.value.matrix else { return [:] }
        let a = weights.matrix
        let dot = (0..<a.cols).reduce(0.0) { $0 + a[0, $1] * dA[0, $1] }
        func n(_ x: Double) -> String { let t = style.fixed(x); return t.hasPrefix("-") ? "(\(t))" : t }
        return ["a": style.fixed(a[0, 0]), "da": style.fixed(dA[0, 0]), "dot": n(dot), "dot shown": style.fixed(dot),
                "result": style.fixed(a[0, 0] * (dA[0, 0] - dot)), "found": style.fixed(scaledGradient.flat[0])]
    }
}

// MARK: What the numbers say

extension AttentionQKV {
    /// The seed notes' sampling probabilities for h, e, l, o (seed notes 002), in percent.
    static let seedPercentages: [Double] = [3, 13, 0, 84]

    /// A token in a sentence: “sat”, or “token 3” without labels.
    static func named(_ p: AttentionInput, _ i: Int) -> String {
        p.tokens.map { words("token", ["token": $0[i]]) } ?? words("token number", ["i": "\(i + 1)"])
    }

    /// Whether two weights are the same number (up to the last bits of the arithmetic).
    static func tied(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(a)) }

    /// Weights as a sentence quotes them: 2 decimals, or 4 where 2 would show different weights alike.
    static func quoted(_ xs: [Double]) -> [String] {
        let two = xs.map { NumberStyle(precision: 2).fixed($0) }
        let blurred = xs.indices.contains { i in xs.indices.contains { j in two[i] == two[j] && !tied(xs[i], xs[j]) } }
        return blurred ? xs.map { NumberStyle(precision: 4).fixed($0) } : two
    }

    /// `A`, `A and B`, `A, B and C`, `A, B, C and 2 more`.
    static func listed(_ items: [String]) -> String {
        let w = words
        if items.count > 4 {
            return w("and more", ["listed": items.prefix(3).joined(separator: ", "), "more": "\(items.count - 3)"])
        }
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + w("list and") + last
    }

    /// A row of numbers in a sentence: `(1.50, 0.00)`, its middle left out beyond 4 entries.
    static func row(_ xs: [String]) -> String {
        let shown = xs.count > 4 ? Array(xs.prefix(3)) + [words("rows left out"), xs[xs.count - 1]] : xs
        return shown.joined(separator: ", ")
    }

    /// The keys query i may see: all of them, or those at or before it under the mask.
    static func visible(_ scaled: Matrix, row i: Int) -> [Int] { (0..<scaled.cols).filter { scaled[i, $0].isFinite } }

    /// The keys query i may see, by weight, largest first.
    static func visibleKeys(_ a: Matrix, scaled: Matrix, row i: Int) -> [Int] {
        visible(scaled, row: i).sorted { a[i, $0] != a[i, $1] ? a[i, $0] > a[i, $1] : $0 < $1 }
    }

    /// A sentence that starts with a token: “sat” as it is, token 2 as Token 2.
    static func opening(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// What each row of A does, from its numbers: one key it can see, an even spread, a tie at the
    /// top, peaked (the largest weight more than twice the next) or spread. Rows 1, 2 and n beyond 4 rows.
    static func rowsWords(_ p: AttentionInput, _ a: Matrix, scaled: Matrix) -> String {
        let w = words
        func phrase(_ i: Int) -> String {
            let keys = visibleKeys(a, scaled: scaled, row: i)
            func key(_ j: Int) -> String { j == i ? w("itself") : named(p, j) }
            let query = named(p, i)
            guard let top = keys.first, let last = keys.last else { return "" }
            guard keys.count > 1 else { return w("row one key", ["query": query, "key": key(top)]) }
            let next = keys[1]
            let shown = quoted([a[i, top], a[i, next]])
            let slots = ["query": query, "key": key(top), "second": key(next), "weight": shown[0], "second weight": shown[1]]
            if tied(a[i, top], a[i, last]) { return w("row even", slots) }
            if tied(a[i, top], a[i, next]) { return w("row tie", slots) }
            return w(a[i, top] > 2 * a[i, next] ? "row peaked" : "row spread", slots)
        }
        let rows: [Int?] = a.rows <= 4 ? Array(0..<a.rows) : [0, 1, nil, a.rows - 1]
        return rows.map { $0.map(phrase) ?? w("rows left out") }.joined(separator: "; ")
    }

    /// The seed notes' statements this example's numbers bear on, each with its verdict computed
    /// from the values, for inputs of a slide's size (up to 64 tokens: beyond, the box would cost
    /// more time than it is worth to a reader). The seed-char-softmax example is the seed's language
    /// model in disguise: only its quoted percentages are about these numbers.
    static func slides(_ p: AttentionInput, example: String?, scores s: Matrix, scaled: Matrix, weights a: Matrix, output o: Matrix) -> [String] {
        guard a.rows <= 64 else { return [] }
        if example == "seed-char-softmax" { return [percentages(p, scaled: scaled, weights: a)].compactMap { $0 } }
        return [keysAndValues(p, scores: s), scaling(p, scores: s, scaled: scaled, weights: a),
                itselfHighest(p, scaled: scaled, weights: a), plainDotProducts(p), withoutSoftmax(p, scores: s, scaled: scaled, weights: a),
                p.causal ? masking(p, weights: a, output: o) : nil,
                example == "illustrated-transformer" ? thinking(scaled: scaled, weights: a) : nil].compactMap { $0 }
    }

    /// Seed 000: the score is K · V. It is q_i · k_j: the largest score says which.
    static func keysAndValues(_ p: AttentionInput, scores s: Matrix) -> String? {
        guard let largest = s.entries.indices.max(by: { s.entries[$0] < s.entries[$1] }) else { return nil }
        let (i, j) = (largest / s.cols, largest % s.cols)
        return words("slides kv", ["score": numberLabel(s[i, j]), "i": "\(i + 1)", "j": "\(j + 1)"])
    }

    /// Seed 001: without √d_k the softmax piles onto the largest score. The row whose largest weight
    /// would grow most without the division; nothing when d_k = 1 or no row changes visibly.
    static func scaling(_ p: AttentionInput, scores s: Matrix, scaled: Matrix, weights a: Matrix) -> String? {
        guard p.dK > 1 else { return nil }
        let growth = (0..<a.rows).map { i -> (row: Int, undivided: Double, divided: Double) in
            let keys = visible(scaled, row: i)
            let top = keys.map { s[i, $0] }.max() ?? 0
            let total = keys.reduce(0.0) { $0 + Foundation.exp(s[i, $1] - top) }
            return (i, 1 / total, keys.map { a[i, $0] }.max() ?? 0)
        }
        guard let most = growth.max(by: { $0.undivided - $0.divided < $1.undivided - $1.divided }),
              most.undivided - most.divided >= 0.005 else { return nil }
        let style = NumberStyle(precision: 4)
        return words("slides scale", ["query": named(p, most.row), "unscaled": style.fixed(most.undivided), "scaled": style.fixed(most.divided)])
    }

    /// Seed 000: after the softmax, a token's weight on itself is the highest. Rows that can see one
    /// key only (the first under the mask) say nothing either way.
    static func itselfHighest(_ p: AttentionInput, scaled: Matrix, weights a: Matrix) -> String? {
        let w = words
        // Each row that sees more than itself, with its largest weight.
        let rows = (0..<a.rows).compactMap { i -> (row: Int, largest: Double)? in
            let keys = visible(scaled, row: i)
            guard keys.count > 1, scaled[i, i].isFinite else { return nil }
            return (i, keys.map { a[i, $0] }.max() ?? 0)
        }
        guard !rows.isEmpty else { return nil }
        let below = { (r: (row: Int, largest: Double)) in r.largest > a[r.row, r.row] && !tied(a[r.row, r.row], r.largest) }
        let (holds, fails) = (rows.filter { !below($0) }.map(\.row), rows.filter(below).map(\.row))
        func diagonal(_ rows: [Int]) -> String { listed(quoted(rows.map { a[$0, $0] })) }
        func tokens(_ rows: [Int]) -> String { listed(rows.map { named(p, $0) }) }
        guard !fails.isEmpty else { return w("slides self, confirmed", ["weights": diagonal(holds)]) }
        let held = holds.isEmpty ? "" : w("slides self holds", ["tokens": opening(tokens(holds)), "do": w(holds.count == 1 ? "does" : "do"), "weights": diagonal(holds)])
        return w("slides self, refuted", ["tokens": tokens(fails), "weigh": w(fails.count == 1 ? "weighs" : "weigh"), "weights": diagonal(fails), "holds": held])
    }

    /// Seed 001: with plain dot products x_i · x_j a token is most similar to itself, by far. The
    /// row of X Xᵀ where another token comes closest to (or beyond) the token's own; nothing for an
    /// input so large that X Xᵀ would cost more than a slide's worth of work.
    static func plainDotProducts(_ p: AttentionInput) -> String? {
        let x = p.x
        guard x.rows > 1, x.rows * x.rows * x.cols <= 4_000_000 else { return nil }
        let gram = (0..<x.rows).map { i in (0..<x.rows).map { j in (0..<x.cols).reduce(0.0) { $0 + x[i, $1] * x[j, $1] } } }
        func dot(_ i: Int, _ j: Int) -> Double { gram[i][j] }
        let rivals = (0..<x.rows).map { i -> (row: Int, other: Int, margin: Double) in
            let other = (0..<x.rows).filter { $0 != i }.max { dot(i, $0) < dot(i, $1) } ?? i
            return (i, other, dot(i, other) - dot(i, i))
        }
        guard let closest = rivals.max(by: { $0.margin < $1.margin }) else { return nil }
        let (i, j) = (closest.row, closest.other)
        guard closest.margin >= 0 || tied(dot(i, j), dot(i, i)) else { return words("slides plain, confirmed") }
        let compares = words(tied(dot(i, j), dot(i, i)) ? "equals" : "exceeds", ["value": numberLabel(dot(i, j))])
        return words("slides plain, refuted", ["query": named(p, i), "other": named(p, j), "compares": compares, "self": numberLabel(dot(i, i))])
    }

    /// Seed 004: c = Σ ⟨s, h_i⟩ h_i, no softmax. The row whose scores, as weights, would sum
    /// farthest from 1.
    static func withoutSoftmax(_ p: AttentionInput, scores s: Matrix, scaled: Matrix, weights a: Matrix) -> String? {
        let rows = (0..<a.rows).map { i -> (row: Int, keys: [Int], total: Double) in
            let keys = (0..<a.cols).filter { scaled[i, $0].isFinite }
            return (i, keys, keys.reduce(0.0) { $0 + s[i, $1] })
        }
        guard let farthest = rows.max(by: { abs($0.total - 1) < abs($1.total - 1) }) else { return nil }
        let (i, keys) = (farthest.row, farthest.keys)
        let negative = keys.contains { s[i, $0] < 0 } ? words("slides softmax negative") : ""
        return words("slides softmax", ["query": named(p, i), "scores": row(keys.map { numberLabel(s[i, $0]) }), "sum": numberLabel(farthest.total),
                                        "negative": negative, "weights": row(quoted(keys.map { a[i, $0] }))])
    }

    /// Seed 000 on the decoder's mask: each token depends only on those before it (and itself).
    static func masking(_ p: AttentionInput, weights a: Matrix, output o: Matrix) -> String? {
        let ahead = (0..<a.rows).contains { i in (0..<a.cols).contains { $0 > i && a[i, $0] != 0 } }
        guard !ahead, o.rows > 0 else { return nil }
        let first = (0..<o.cols).map { o[0, $0] }
        return words("slides mask, confirmed", ["first": named(p, 0), "value": "(" + row(quoted(first)) + ")"])
    }

    /// Seed 000 quoting The Illustrated Transformer: “Thinking” 0.88 on itself, 0.12 on “Machines”.
    static func thinking(scaled: Matrix, weights a: Matrix) -> String? {
        guard a.rows >= 1, a.cols >= 2 else { return nil }
        let style = NumberStyle(precision: 4)
        let holds = NumberStyle(precision: 2).fixed(a[0, 0]) == "0.88" && NumberStyle(precision: 2).fixed(a[0, 1]) == "0.12"
        return words("slides thinking", ["verdict": words(holds ? "confirmed" : "refuted"), "s1": numberLabel(scaled[0, 0]), "s2": numberLabel(scaled[0, 1]),
                                         "a1": style.fixed(a[0, 0]), "a2": style.fixed(a[0, 1])])
    }

    /// Seed 002's “h: 3%, e: 13%, l: 0%, o: 84%”, against the softmax of its scores (row 1).
    static func percentages(_ p: AttentionInput, scaled: Matrix, weights a: Matrix) -> String? {
        guard a.rows >= 1, a.cols == seedPercentages.count else { return nil }
        let percent = (0..<a.cols).map { 100 * a[0, $0] }
        let misses = percent.indices.filter { percent[$0].rounded() != seedPercentages[$0] }
        var off = ""
        if !misses.isEmpty {
            let said = misses.map { words("slides percent miss", ["token": named(p, $0), "rounded": numberLabel(percent[$0].rounded()),
                                                                   "quoted": numberLabel(seedPercentages[$0])]) }
            let rest = percent.indices.filter { !misses.contains($0) }
            off = words("slides percent off", ["misses": listed(said)])
                + (rest.isEmpty ? "" : words("slides percent rest", ["rest": listed(rest.map { named(p, $0) })]))
        }
        return words("slides percent", ["verdict": words(misses.isEmpty ? "confirmed" : "refuted"),
                                        "scores": row((0..<a.cols).map { numberLabel(scaled[0, $0]) }),
                                        "percents": row(percent.map { NumberStyle(precision: 2).fixed($0) + "%" }), "off": off])
    }
}
