// attention-qkv: one head of scaled dot-product attention, in the textbook row convention.
//
// Convention: tokens are rows. Q = X W_Q, K = X W_K, V = X W_V (W_Q, W_K: d_model × d_k,
// W_V: d_model × d_v); scores S = Q Kᵀ; scaled Ŝ = S / √d_k (+ M, −∞ above the diagonal when
// causal); weights A = softmax(Ŝ) row by row; output O = A V. The softmax is computed as
// exp(Ŝ − rowmax) / rowsum, which is the same function and what PyTorch does to avoid overflow.
// Others: PyTorch's nn.Linear stores weights out × in and computes X Wᵀ (see multi-head-attention);
// torch.nn.functional.scaled_dot_product_attention takes Q, K, V already projected. `scale: "none"`
// is plain dot-product attention (Luong et al. 2015's "dot" score; many tutorials): Ŝ = S (+ M),
// F.scaled_dot_product_attention(…, scale=1).
// References: Vaswani et al. 2017, "Attention Is All You Need", eq. (1); J. Alammar, "The
// Illustrated Transformer" (2018); seed notes 000 (Q, K, V; 2 words × 4 dims), 001 (√d_k), 004 (masking).

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum AttentionQKV: Lesson {
    static let id = "attention-qkv"
    static var summary: String { words("summary") }

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
                // The source is data, in the JSON trace: the same in every language (as FromSources' sources).
                "source": .string("The Illustrated Transformer (J. Alammar, 2018), the self-attention figure, steps 2–4 (112, 96, 14, 12, 0.88, 0.12); seed notes 000 quote its 0.88 and 0.12"),
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

    /// Scores left undivided by √d_k (plain dot-product attention), or divided when the input says not.
    static let alternatives = Alternative.switching("scale", words, [
        ("none", "alternative, unscaled"),
        ("sqrt_dk", "alternative, scaled"),
    ])

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
        let unscaled = p.unscaled ? ", unscaled" : ""     // … and those that say Ŝ = S
        let (n, dK, dV) = (p.n, p.dK, p.dV)
        let tr = Trace(lesson: id, title: w("title" + unscaled + masked), example: example?.name ?? file)
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        tr.math(w("equations", ["scaled": w("Ŝ" + unscaled + masked), "step": w("Ŝ step" + unscaled + masked)]))
        tr.say(w("scaling" + unscaled))
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
        // Ŝ = S / √d_k, or S with scale "none" (+ M: −∞ where key j comes after query i)   n × n
        var scaledScores = p.unscaled ? scores : scores / tr.constant(#"\sqrt{d_{k}}"#, .scalar(Double(dK).squareRoot()), w.caption("scale"))
        if p.causal {
            scaledScores = scaledScores + tr.constant("M", .matrix(causalMask(queries: n, keys: n)), w.caption("M"), labels: p.pairs)
        }
        let scaledCaption = p.unscaled ? "scaled" + unscaled + masked : p.causal ? "scaled, causal" : dK == 1 ? "scaled, one" : "scaled"
        let scaled = tr.record("scaled", #"\hat{S}"#, scaledScores, w.caption(scaledCaption), labels: p.pairs)
        tr.figure(.heatmaps(title: w("figure scaled" + unscaled), panels: [queryKeyHeatmap(w("panel scaled" + unscaled + masked), p.tokenNames, p.tokenNames, scaled)],
                            scale: .diverging),
                  description: w("figure scaled, description" + masked))

        tr.heading(w("heading softmax"), level: 3)
        // A_ij = exp(Ŝ_ij − m_i) / Σ_j' exp(Ŝ_ij' − m_i)
        let rowMax = tr.record("max", "m", reduceRows(.max, scaled), w.caption("max"), labels: p.queryLabels)                     // n
        let e = tr.record("exp", "E", exp(scaled - broadcast(rowMax, .perRow, rows: n, cols: n)), w.caption("exp" + masked),
                          labels: p.pairs)                                                                                         // n × n
        let sum = tr.record("sum", "z", reduceRows(.sum, e), w.caption("sum"), labels: p.queryLabels)                             // n
        let a = e / broadcast(sum, .perRow, rows: n, cols: n)                                                                     // n × n
        let weights = tr.record("weights", "A", a, w.caption("weights", ["rows": rowsWords(p, a.value.matrix, scaled: scaled.value.matrix, queries: q.value.matrix)]),
                                labels: p.pairs)
        tr.figure(.heatmaps(title: w("figure weights"), panels: [queryKeyHeatmap(w("panel weights"), p.tokenNames, p.tokenNames, weights)],
                            scale: .unit),
                  description: w("figure weights, description"))

        tr.heading(w("heading output"), level: 3)
        // O = A V                                                                  n × d_v
        let output = tr.record("output", "O", weights * v, w.caption("output"), labels: p.perToken(dV))

        let evidence = Evidence(p: p, k: k.value.matrix, v: v.value.matrix, scores: scores.value.matrix, scaled: scaled.value.matrix,
                                weights: weights.value.matrix, output: output.value.matrix, chosen: chosenQueries[example?.name ?? ""] ?? [])
        tr.slides(slides(evidence, example: example?.name))
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
        let unscaled = p.unscaled ? ", unscaled" : ""
        let g = tr.beginBackward(why: backwardWords("backward why"), equations: w("backward equations", ["divided": w("∂S divided" + unscaled)]), output: s.output, symbol: "O",
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
        back.record(s.scores, w.caption("scores.grad" + unscaled))
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



    /// What each row of A does, from its numbers: one key it can see, an even spread, a tie at the
    /// top, peaked (the largest weight more than twice the next) or spread. Rows whose query is 0
    /// weigh every key they see alike, whatever the keys: they are said together, once. Rows 1, 2
    /// and n beyond 4 rows.
    static func rowsWords(_ p: AttentionInput, _ a: Matrix, scaled: Matrix, queries q: Matrix) -> String {
        let w = words
        func blank(_ i: Int) -> Bool { visible(scaled, row: i).count > 1 && (0..<q.cols).allSatisfy { q[i, $0] == 0 } }
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
        let all: [Int?] = a.rows <= 4 ? Array(0..<a.rows) : [0, 1, nil, a.rows - 1]
        let rows = all.filter { $0.map { !blank($0) } ?? true }
        var said = rows.map { $0.map(phrase) ?? w("rows left out") }
        let blanks = (0..<a.rows).filter(blank)
        if let first = blanks.first {
            let alike = p.causal ? w("blank rows, causal") : w("blank rows weight", ["weight": quoted([a[first, 0]])[0]])
            said.append(w(blanks.count == 1 ? "blank row" : "blank rows", ["tokens": listed(blanks.map { named(p, $0) }), "alike": alike]))
        }
        return said.joined(separator: w("rows joined"))
    }
}

// MARK: What the seed notes say, and what the numbers show

extension AttentionQKV {
    /// The values the seed notes' statements are checked against. `chosen`: rows whose query the
    /// example's source does not give (chosen to fill the example): a verdict resting on them says so.
    struct Evidence {
        let p: AttentionInput
        let k: Matrix, v: Matrix, scores: Matrix, scaled: Matrix, weights: Matrix, output: Matrix
        let chosen: Set<Int>

        /// Rows whose query the source gives.
        var sourced: [Int] { (0..<weights.rows).filter { !chosen.contains($0) } }
        /// Rows that see more than one key.
        func compares(_ i: Int) -> Bool { visible(scaled, row: i).count > 1 }
    }

    /// The Illustrated Transformer gives only “Thinking”'s scores; “Machines”' query is chosen.
    static let chosenQueries: [String: Set<Int>] = ["illustrated-transformer": [1]]

    /// The seed notes' sampling probabilities for h, e, l, o (seed notes 002), in percent.

    /// The softmax of `xs`.
    static func softmax(_ xs: [Double]) -> [Double] {
        let top = xs.max() ?? 0
        let e = xs.map { Foundation.exp($0 - top) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    /// Numbers as a sentence lists them: `0.0036, 0.8776, 0.1188`, 4 decimals.
    static func fourPlaces(_ xs: [Double]) -> String { row(xs.map { NumberStyle(precision: 4).fixed($0) }) }

    /// A vector in a sentence, 2 decimals: `(0.32, 2.13)`.
    static func vector(_ xs: [Double]) -> String { "(" + row(xs.map { NumberStyle(precision: 2).fixed($0) }) + ")" }

    /// The seed notes' statements this example's numbers bear on, each with its verdict computed
    /// from the values, in the order of the note, for inputs of a slide's size (up to 64 tokens:
    /// beyond, the box would cost more time than it is worth to a reader).
    static func slides(_ c: Evidence, example: String?) -> [String] {
        guard c.weights.rows <= 64 else { return [] }
        let quotedRow = softmaxRow(c)
        return [widths(c), keysAndValues(c), plainDotProducts(c), itselfHighest(c),
                quotedRow.map { withoutSoftmax(c, row: $0.row) }, quotedRow.flatMap { $0.grows ? scaling(c, row: $0.row) : nil },
                weightedAverage(c), c.p.causal ? masking(c) : nil,
                example == "illustrated-transformer" ? thinking(c) : nil].compactMap { $0 }
    }

    /// The undivided softmax of row i's scores, over the keys it sees.
    static func undivided(_ c: Evidence, row i: Int) -> [Double] { softmax(visible(c.scaled, row: i).map { c.scores[i, $0] }) }

    /// The row seeds 004 and 001 (√d_k) both quote: the one whose largest weight would grow most
    /// without the division by √d_k (when it grows visibly), else the one whose raw scores sum
    /// farthest from 1. Only rows whose query the source gives.
    static func softmaxRow(_ c: Evidence) -> (row: Int, grows: Bool)? {
        let rows = c.sourced.filter(c.compares)
        let growth = rows.map { i in (row: i, by: (undivided(c, row: i).max() ?? 0) - (visible(c.scaled, row: i).map { c.weights[i, $0] }.max() ?? 0)) }
        if c.p.dK > 1, let most = growth.max(by: { $0.by < $1.by }), most.by >= 0.005 { return (most.row, true) }
        func total(_ i: Int) -> Double { visible(c.scaled, row: i).reduce(0.0) { $0 + c.scores[i, $1] } }
        return rows.max { abs(total($0) - 1) < abs(total($1) - 1) }.map { ($0, false) }
    }

    /// Seed 000: the score is K · V. With d_k ≠ d_v that product does not exist; with d_k = d_v, a
    /// query the source gives whose q_i · k_i is not k_i · v_i refutes it; else the numbers cannot tell.
    static func keysAndValues(_ c: Evidence) -> String? {
        let w = words
        if c.p.dK != c.p.dV { return w("slides kv, widths", ["d_k": "\(c.p.dK)", "d_v": "\(c.p.dV)"]) }
        func kv(_ i: Int) -> Double { (0..<c.k.cols).reduce(0.0) { $0 + c.k[i, $1] * c.v[i, $1] } }
        guard let i = c.sourced.first(where: { !tied(c.scores[$0, $0], kv($0)) }) else { return nil }
        return w("slides kv, entry", ["i": "\(i + 1)", "qk": numberLabel(c.scores[i, i]), "kv": numberLabel(kv(i))])
    }

    /// Seed 000: Q and K must be as wide as each other, V need not be, and the output is as wide as V.
    /// Shown only when d_k ≠ d_v.
    static func widths(_ c: Evidence) -> String? {
        guard c.p.dK != c.p.dV else { return nil }
        return words("slides widths", ["d_k": "\(c.p.dK)", "d_v": "\(c.p.dV)", "n": "\(c.output.rows)"])
    }

    /// Seed 001: with plain dot products x_i · x_j a token is most similar to itself, by far. Each
    /// row of X Xᵀ holds when its own entry is strictly its largest. Nothing when X is the identity
    /// (an example that makes the weights' rows the vectors: X Xᵀ = I says nothing), or so large
    /// that X Xᵀ would cost more than a slide's worth of work.
    static func plainDotProducts(_ c: Evidence) -> String? {
        plainDotProducts(c.p.x, symbol: "X") { named(c.p, $0) }
    }

    /// Seed 001's bullet on the rows of `x` (written `symbol`, tokens named by `named`): shared with
    /// multi-head attention, whose queries are $X_{q}$.
    static func plainDotProducts(_ x: Matrix, symbol: String, named: (Int) -> String) -> String? {
        let w = words
        let identity = x.rows == x.cols && (0..<x.rows).allSatisfy { i in (0..<x.cols).allSatisfy { x[i, $0] == (i == $0 ? 1 : 0) } }
        guard x.rows > 1, !identity, x.rows * x.rows * x.cols <= 4_000_000 else { return nil }
        let gram = (0..<x.rows).map { i in (0..<x.rows).map { j in (0..<x.cols).reduce(0.0) { $0 + x[i, $1] * x[j, $1] } } }
        let rivals = (0..<x.rows).map { i -> (row: Int, other: Int, margin: Double) in
            let other = (0..<x.rows).filter { $0 != i }.max { gram[i][$0] < gram[i][$1] } ?? i
            return (i, other, gram[i][other] - gram[i][i])
        }
        func holds(_ r: (row: Int, other: Int, margin: Double)) -> Bool { r.margin < 0 && !tied(gram[r.row][r.other], gram[r.row][r.row]) }
        func shown(_ i: Int) -> String { "(" + row(gram[i].map(numberLabel)) + ")" }
        let every = x.rows <= 4 ? w("gram rows", ["rows": listed((0..<x.rows).map(shown))]) : ""
        guard let closest = rivals.filter({ !holds($0) }).max(by: { $0.margin < $1.margin }) else { return w("slides plain, confirmed", ["rows": every, "X": symbol]) }
        let (i, j) = (closest.row, closest.other)
        let compares = w(tied(gram[i][j], gram[i][i]) ? "equals" : "exceeds", ["value": numberLabel(gram[i][j])])
        let held = rivals.filter(holds).map(\.row)
        let quotedRows = x.rows <= 4 ? every : w("gram row", ["i": "\(i + 1)", "row": shown(i)])
        return w("slides plain", ["verdict": w(held.isEmpty ? "refuted" : "not always"), "rows": quotedRows, "query": named(i), "other": named(j), "X": symbol,
                                  "compares": compares, "self": numberLabel(gram[i][i]), "other self": numberLabel(gram[j][j])])
    }

    /// Seed 000: after the softmax, a token's weight on itself is the highest. A row holds when its
    /// own weight is strictly its largest, fails when another is larger; rows that can see one key
    /// only (the first under the mask) or tie at the top say nothing either way. A failing row whose
    /// query is chosen says so.
    static func itselfHighest(_ c: Evidence) -> String? {
        let w = words
        let a = c.weights
        func largestOther(_ i: Int) -> Double { visible(c.scaled, row: i).filter { $0 != i }.map { a[i, $0] }.max() ?? 0 }
        let rows = (0..<a.rows).filter { c.compares($0) && c.scaled[$0, $0].isFinite && !tied(a[$0, $0], largestOther($0)) }
        guard !rows.isEmpty else { return nil }
        let (holds, fails) = (rows.filter { a[$0, $0] > largestOther($0) }, rows.filter { a[$0, $0] < largestOther($0) })
        func diagonal(_ rows: [Int]) -> String { listed(quoted(rows.map { a[$0, $0] })) }
        func tokens(_ rows: [Int]) -> String { listed(rows.map { c.chosen.contains($0) ? w("chosen query", ["token": named(c.p, $0)]) : named(c.p, $0) }) }
        func said(_ key: String, _ rows: [Int]) -> String {
            w(key + (rows.count == 1 ? ", one" : ", more"), ["tokens": tokens(rows), "weights": diagonal(rows)])
        }
        if fails.isEmpty { return w("slides self, confirmed", ["weights": diagonal(holds)]) }
        if holds.isEmpty { return w("slides self", ["verdict": w("refuted"), "said": said("slides self fails", fails)]) }
        return w("slides self", ["verdict": w("not always"), "said": said("slides self holds", holds) + w("but") + said("slides self fails", fails)])
    }

    /// Seed 004: c₄ = Σ ⟨s₄, h_i⟩ h_i: no projections, no scaling, no softmax. The quoted row's raw
    /// scores as weights, their sum, and their softmax.
    static func withoutSoftmax(_ c: Evidence, row i: Int) -> String {
        let raw = visible(c.scaled, row: i).map { c.scores[i, $0] }
        let total = raw.reduce(0, +)
        return words(tied(total, 1) ? "slides softmax, one" : "slides softmax", ["query": named(c.p, i), "scores": row(raw.map(numberLabel)),
                                        "sum": numberLabel(total), "softmax": fourPlaces(softmax(raw))])
    }

    /// Seed 001: without √d_k the softmax piles onto the largest score: the quoted row's largest
    /// weight, undivided (shown in seed 004's bullet) and divided.
    static func scaling(_ c: Evidence, row i: Int) -> String {
        let keys = visible(c.scaled, row: i)
        let style = NumberStyle(precision: 4)
        return words("slides scale", ["query": named(c.p, i), "unscaled": style.fixed(undivided(c, row: i).max() ?? 0),
                                      "scale": numberLabel(Double(c.p.dK).squareRoot()), "scaled": style.fixed(keys.map { c.weights[i, $0] }.max() ?? 0)])
    }

    /// Seed 003: the query finds the most similar value. The row that comes closest to a pick (the
    /// largest top weight) whose output is still neither the best match's value nor the sum of the values.
    static func weightedAverage(_ c: Evidence) -> String? {
        func two(_ xs: [Double]) -> [String] { xs.map { NumberStyle(precision: 2).fixed($0) } }
        let rows = c.sourced.filter(c.compares).sorted { i, j in
            let (a, b) = (visibleKeys(c.weights, scaled: c.scaled, row: i).first.map { c.weights[i, $0] } ?? 0,
                          visibleKeys(c.weights, scaled: c.scaled, row: j).first.map { c.weights[j, $0] } ?? 0)
            return a != b ? a > b : i < j
        }
        for i in rows {
            let keys = visibleKeys(c.weights, scaled: c.scaled, row: i)
            guard let top = keys.first else { continue }
            let o = (0..<c.output.cols).map { c.output[i, $0] }
            let best = (0..<c.v.cols).map { c.v[top, $0] }
            let sum = (0..<c.v.cols).map { col in keys.reduce(0.0) { $0 + c.v[$1, col] } }
            guard two(o) != two(best), two(o) != two(sum), two(best) != two(sum) else { continue }
            return words("slides average", ["i": "\(i + 1)", "output": vector(o), "key": named(c.p, top), "value": vector(best),
                                            "sum": vector(sum), "seen": words(keys.count == c.weights.cols ? "all values" : "values seen")])
        }
        return nil
    }

    /// Seed 000 on the decoder's mask: each token depends only on those before it (and itself).
    static func masking(_ c: Evidence) -> String? {
        let a = c.weights
        let ahead = (0..<a.rows).contains { i in (0..<a.cols).contains { $0 > i && a[i, $0] != 0 } }
        guard !ahead, c.output.rows > 0 else { return nil }
        return words("slides mask, confirmed", ["first": named(c.p, 0), "value": vector((0..<c.output.cols).map { c.output[0, $0] })])
    }

    /// Seed 000 quoting The Illustrated Transformer: “Thinking” 0.88 on itself, 0.12 on “Machines”.
    static func thinking(_ c: Evidence) -> String? {
        let (scaled, a) = (c.scaled, c.weights)
        guard a.rows >= 1, a.cols >= 2 else { return nil }
        let style = NumberStyle(precision: 4)
        let holds = NumberStyle(precision: 2).fixed(a[0, 0]) == "0.88" && NumberStyle(precision: 2).fixed(a[0, 1]) == "0.12"
        return words("slides thinking", ["verdict": words(holds ? "confirmed" : "refuted"), "s1": numberLabel(scaled[0, 0]), "s2": numberLabel(scaled[0, 1]),
                                         "a1": style.fixed(a[0, 0]), "a2": style.fixed(a[0, 1])])
    }
}
