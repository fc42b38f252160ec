// Multi-head attention's projections, heads, concatenation and output projection, recorded onto
// any trace from given inputs: in its own lesson, and inside the Transformer's blocks under
// `self_attn.` and `cross_attn.` (as CellRun lets seq2seq-attention reuse the recurrent cells).
// The mathematics is the lesson's (MultiHeadAttention.swift's convention); the names get a prefix
// and the symbols a tag, so that two attentions in one trace stay apart.

import TraceCore

/// How one attention's values are named in a trace: `self_attn.Q`, $Q_{\text{sa}}$.
struct AttentionNaming {
    /// Put before every value's name: "" in multi-head-attention, "self_attn." in a block.
    let prefix: String
    /// Put on every symbol: "" in multi-head-attention, "sa" in a block.
    let tag: String
    /// Words for the captions that say more than the lesson's (symbols, what the block adds): a
    /// caption found here is used instead of multi-head-attention's.
    var captions: Words? = nil
    /// A head's weights' caption said the block's way (near ties named), instead of the lesson's.
    var weightsCaption: (@Sendable (Matrix) -> Caption)? = nil

    static let plain = AttentionNaming(prefix: "", tag: "")

    /// `Q`, or `Q_{\text{sa}}`; the tag goes before a superscript, `S_{\text{sa}}^{(1)}`, which
    /// then stays last (where a transpose joins it: `K_{\text{sa}}^{(1)\top}`).
    func symbol(_ base: String) -> String { tag.isEmpty ? base : tagged(base, "\\text{\(tag)}") }
    /// A letter with a subscript: `W_{Q}`, or `W_{Q,\text{sa}}`.
    func sub(_ letter: String, _ lower: String) -> String {
        tag.isEmpty ? "\(letter)_{\(lower)}" : "\(letter)_{\(lower),\\text{\(tag)}}"
    }
    func name(_ base: String) -> String { prefix + base }

    /// The caption of `key`: the block's own words when it has them, else the lesson's.
    func caption(_ key: String, _ slots: [String: String] = [:]) -> Caption {
        if let captions, captions.hasCaption(key) { return captions.caption(key, slots) }
        return MultiHeadAttention.words.caption(key, slots)
    }
}

/// The values one multi-head attention computed, in the order it computed them.
struct HeadsRun {
    let p: MultiHeadInput
    let naming: AttentionNaming
    let q, k, v: Traced
    /// Per head: S⁽ᵐ⁾, Ŝ⁽ᵐ⁾, A⁽ᵐ⁾, O⁽ᵐ⁾.
    let heads: [[Traced]]
    let weights: [Traced]
    let concat, output: Traced
    /// Ā, the mean of the heads' weights (not on the loss's path).
    let average: Traced?
    /// The heads the Markdown does not write out, in a long run of them.
    let leftOut: ClosedRange<Int>?

    /// Records Q, K, V, each head's steps, the concatenation, the output and the heads' average
    /// onto `tr`, from the inputs as the trace already holds them. Shapes as in
    /// `MultiHeadAttention.derive`: n_q × d_model queries, n_k × d_model keys and values.
    init(_ p: MultiHeadInput, in tr: Trace, inputs: (xQ: Traced, xK: Traced, xV: Traced, wIn: Traced, bIn: Traced, wO: Traced, bO: Traced, h: Traced),
         naming: AttentionNaming, speaker: Speaker) {
        let w = MultiHeadAttention.words
        let n = naming
        let masked = p.causal ? ", causal" : ""
        let (nQ, nK, dModel, heads, dK, width) = (p.nQ, p.nK, p.dModel, p.heads, p.headDim, p.width)
        let sizes = ["d_k": "\(dK)", "D": "\(width)", "d_model": "\(dModel)"]
        /// "column 3" or "columns 3–4": a range of columns in words, counted from 1.
        func columnWords(_ range: Range<Int>) -> String {
            let slots = ["first": "\(range.lowerBound + 1)", "last": "\(range.upperBound)"]
            return range.count == 1 ? w("column", slots) : w("columns", slots)
        }
        /// A caption said once: at the first of a run of heads, and not again.
        func once(_ key: String, first: Bool, _ slots: [String: String] = [:]) -> Caption {
            let caption = n.caption(key, slots)
            return first ? caption : Caption(title: caption.title, meaning: "")
        }
        func block(_ m: Traced, _ k: Int, _ symbol: String) -> Traced { m.rows((k * width)..<((k + 1) * width), symbol) }
        func bias(_ v: Traced, rows: Int) -> Traced { broadcast(v, .perColumn, rows: rows, cols: v.value.count) }
        let (xQ, xK, xV, wIn, bIn, wO, bO) = (inputs.xQ, inputs.xK, inputs.xV, inputs.wIn, inputs.bIn, inputs.wO, inputs.bO)

        tr.heading(w("heading projections"), level: 3)
        // Q = X_q W_Qᵀ + b_Q,  K = X_k W_Kᵀ + b_K,  V = X_v W_Vᵀ + b_V
        q = tr.record(n.name("Q"), n.symbol("Q"), xQ * block(wIn, 0, n.sub("W", "Q")).transposed + bias(block(bIn, 0, n.sub("b", "Q")), rows: nQ),
                      n.caption("Q"), labels: p.queryTable(width))                                                                  // n_q × D
        k = tr.record(n.name("K"), n.symbol("K"), xK * block(wIn, 1, n.sub("W", "K")).transposed + bias(block(bIn, 1, n.sub("b", "K")), rows: nK),
                      n.caption("K"), labels: p.keyTable(width))                                                                    // n_k × D
        v = tr.record(n.name("V"), n.symbol("V"), xV * block(wIn, 2, n.sub("W", "V")).transposed + bias(block(bIn, 2, n.sub("b", "V")), rows: nK),
                      n.caption("V"), labels: p.keyTable(width))                                                                    // n_k × D

        let scale = tr.constant(#"\sqrt{d_{k}}"#, .scalar(Double(dK).squareRoot()), n.caption(dK == dModel ? "scale, one head" : "scale", sizes))
        let mask = p.causal ? tr.constant(n.symbol("M"), .matrix(causalMask(queries: nQ, keys: nK)), n.caption("M"), labels: p.pairs) : nil  // n_q × n_k

        // A long run of heads shows heads 1, 2 and h in full; heads 3 … h−1 are named, with where their results are.
        let leftOut = Repeats.leftOut(of: heads)
        let leftOutColumns = leftOut.map { columnWords(p.columns(ofHead: $0.lowerBound).lowerBound..<p.columns(ofHead: $0.upperBound).upperBound) } ?? ""
        let listed = leftOut.map { $0.lowerBound + Speaker.listedHeads - 1 } ?? 0      // the last left-out head listed under Ā
        let headRepeats = Repeats(singular: w("head"), plural: w("heads"), sameWork: w("heads, same work"),
                                  resultsShown: listed >= heads - 1
                                      ? w("heads, results", ["columns": leftOutColumns])
                                      : w("heads, results, some listed", ["columns": leftOutColumns, "listed": "\(listed)"]))
        var outputs: [Traced] = []
        var weights: [Traced] = []
        var perHead: [[Traced]] = []                                            // S⁽ᵐ⁾, Ŝ⁽ᵐ⁾, A⁽ᵐ⁾, O⁽ᵐ⁾
        var sum: Traced?                                                        // A⁽¹⁾ + … + A⁽ᵐ⁾ so far
        for m in 1...heads {
            let range = p.columns(ofHead: m)
            let first = m == 1
            let slots = ["m": "\(m)", "columns": columnWords(range)]
            tr.section(headRepeats, m, of: heads, w("heading head", slots))
            // The head's columns of Q, K and V: views, shown in Q, K and V's tables, not copied.   n_q × d_k, n_k × d_k
            let (qm, km, vm) = (q.columns(range, n.symbol("Q^{(\(m))}")), k.columns(range, n.symbol("K^{(\(m))}")), v.columns(range, n.symbol("V^{(\(m))}")))
            // S⁽ᵐ⁾ = Q⁽ᵐ⁾ K⁽ᵐ⁾ᵀ                                                   n_q × n_k
            let scores = tr.record(n.name("head[\(m)].scores"), n.symbol("S^{(\(m))}"), qm * km.transposed,
                                   once("head[m].scores", first: first, slots), labels: p.pairs)
            // Ŝ⁽ᵐ⁾ = S⁽ᵐ⁾ / √d_k (+ M)                                             n_q × n_k
            var scaled = scores / scale
            if let mask { scaled = scaled + mask }
            let scaledStep = tr.record(n.name("head[\(m)].scaled"), n.symbol(#"\hat S^{(\#(m))}"#), scaled, once("head[m].scaled" + masked, first: first),
                                       labels: p.pairs)
            // A⁽ᵐ⁾ = softmax(Ŝ⁽ᵐ⁾), row by row                                    n_q × n_k
            let softmax = softmaxRows(scaledStep)
            let a = tr.record(n.name("head[\(m)].weights"), n.symbol("A^{(\(m))}"), softmax,
                              n.weightsCaption?(softmax.value.matrix) ?? speaker.weightsCaption(softmax.value.matrix), labels: p.pairs)
            // O⁽ᵐ⁾ = A⁽ᵐ⁾ V⁽ᵐ⁾                                                      n_q × d_k
            let o = tr.record(n.name("head[\(m)].output"), n.symbol("O^{(\(m))}"), a * vm, once("head[m].output", first: first), labels: p.queryTable(dK))
            outputs.append(o)
            weights.append(a)
            perHead.append([scores, scaledStep, a, o])
            sum = sum.map { $0 + a } ?? a
        }

        tr.heading(w("heading concatenate"), level: 3)
        // C = concat(O⁽¹⁾, …, O⁽ʰ⁾)                                                n_q × D
        concat = tr.record(n.name("concat"), n.symbol("C"), concatColumns(outputs), n.caption("concat"), labels: p.queryTable(width))
        // Y = C W_Oᵀ + b_O                                                         n_q × d_model
        output = tr.record(n.name("output"), n.symbol("Y"), concat * wO.transposed + bias(bO, rows: nQ),
                           n.caption("output", sizes), labels: p.queryTable(dModel))
        // Ā = (A⁽¹⁾ + … + A⁽ʰ⁾) / h                                                 n_q × n_k
        let headWeights = weights.map { $0.value.matrix }
        average = sum.map { tr.record(n.name("weights"), n.symbol(#"\bar A"#), $0 / inputs.h,
                                      speaker.averageCaption(headWeights, average: ($0 / inputs.h).value.matrix, leftOut: leftOut), labels: p.pairs) }
        (self.p, self.naming, self.heads, self.weights, self.leftOut) = (p, naming, perHead, weights, leftOut)
    }

    /// The way back from the output to Q, K and V: through the output projection and the
    /// concatenation into each head (the last first), each head as attention-qkv's. The output's
    /// gradient must be complete (its later uses recorded) before this.
    func recordBack(_ back: Backprop, in tr: Trace) {
        let w = MultiHeadAttention.words
        let n = naming
        tr.heading(w("heading back through"), level: 3)
        back.record(output, n.caption("output.grad"))
        back.record(concat, n.caption("concat.grad"))
        let repeats = Repeats(singular: w("head"), plural: w("heads"), sameWork: w("heads, same work back"),
                              resultsShown: w("heads, results back"), countsDown: true)
        for m in stride(from: p.heads, through: 1, by: -1) {
            // Each rule is said at the first head written (head h); the others repeat it.
            let first = m == p.heads
            let slots = ["m": "\(m)"]
            tr.section(repeats, p.heads + 1 - m, of: p.heads, w("heading head back", slots))
            let s = heads[m - 1]
            for (value, key) in zip(s.reversed(), ["output", "weights", "scaled", "scores"]) {
                let caption = n.caption("head[m].\(key).grad" + (key == "scaled" && p.causal ? ", causal" : ""), slots)
                back.record(value, first ? caption : Caption(title: caption.title, meaning: ""))
            }
        }
        tr.heading(w("heading projections back"), level: 3)
        for (value, key) in zip([v, k, q], ["V", "K", "Q"]) { back.record(value, n.caption("\(key).grad")) }
    }
}

extension MultiHeadInput {
    /// The attention of a larger model (a Transformer block): its queries' rows `query` and, for
    /// cross-attention, the rows `key` that give both keys and values; PyTorch's d_k = E / h.
    init(part query: Matrix, key: Matrix?, heads: Int, wIn: Matrix, bIn: Vector?, wO: Matrix, bO: Vector?, causal: Bool,
         tokens: [String]?, keyTokens: [String]?) {
        (self.query, self.key, self.value, self.heads, headDim, headDimGiven) = (query, key, key, heads, query.cols / heads, false)
        (self.wIn, self.bIn, self.wO, self.bO, self.causal, self.tokens, gradOutput) = (wIn, bIn, wO, bO, causal, tokens, nil)
        self.keyTokens = keyTokens
    }
}

/// `base` with the subscript `tag`, put before a superscript: `\sigma^{2}` ↦ `\sigma_{1}^{2}`.
/// An accent's braces go (`\hat{X}` ↦ `\hat X_{1}`), so that no `_` follows a `}` in inline math,
/// where GitHub's Markdown could read `}_{` as emphasis.
func tagged(_ base: String, _ tag: String) -> String {
    var base = base
    for accent in ["\\hat", "\\tilde", "\\bar"] where base.hasPrefix(accent + "{") && base.hasSuffix("}") {
        base = accent + " " + base.dropFirst(accent.count + 1).dropLast()
    }
    guard let hat = base.range(of: "^{") else { return "\(base)_{\(tag)}" }
    return String(base[..<hat.lowerBound]) + "_{\(tag)}" + String(base[hat.lowerBound...])
}
