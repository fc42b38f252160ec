// The sentences of a Transformer block chosen from its numbers: how far each residual sum moves a
// token, what each norm does to the rows' scale, which hidden units relu switches off. The words
// are in Block+Words.swift.

import TraceCore

extension BlockRun {
    /// Sentences name at most this many tokens before "…".
    static let named = 4
    static let style = NumberStyle(precision: 2)

    /// Token i in a sentence: “cat”, or token 2 (user text only when it is plain words).
    func spoken(_ i: Int) -> String {
        guard let token = p.tokens?[i], !token.isEmpty, token.count <= 24,
              token.allSatisfy({ $0.isLetter || $0.isNumber || " '’-.,".contains($0) }) else {
            return blockWords("token i", ["i": "\(i + 1)"])
        }
        return blockWords("token", ["token": token])
    }

    /// The first `named` rows' items, then "…" when there are more.
    func rowsListed(_ count: Int, _ item: (Int) -> String) -> String {
        let items = (0..<min(count, Self.named)).map(item)
        return items.joined(separator: ", ") + (count > Self.named ? ", …" : "")
    }

    static func norm(_ m: Matrix, row r: Int) -> Double { (0..<m.cols).reduce(0.0) { $0 + m[r, $1] * m[r, $1] }.squareRoot() }

    /// The residual sum's caption: how far the sublayer moves each token from the row it came from.
    func addCaption(_ k: Int, x: Traced, symbol: String, sublayer: SublayerRun) -> Caption {
        let sub: String
        switch sublayer {
        case .attention(let run): sub = run.naming.symbol("Y")
        case .feedForward: sub = #"Y_{\text{ff}}"#
        }
        let (xm, ym) = (x.value.matrix, sublayer.output.value.matrix)
        let list = rowsListed(xm.rows) { i in
            let size = Self.norm(xm, row: i)
            let ratio = size == 0 ? "—" : Self.style.fixed(Self.norm(ym, row: i) / size)
            return blockWords("share item", ["token": spoken(i), "ratio": ratio])
        }
        let share = blockWords("share", ["input": symbol, "sub": sub, "list": list])
        return blockWords.caption("add", ["k": "\(k)", "input": symbol, "sub": sub, "share": share])
    }

    /// What norm k did: the rows' standard deviations going in, mean 0 and variance 1 coming out,
    /// the largest row beside the smallest (all of the rows tied at the largest as shown), and where
    /// ε changes an entry of X̂ at 4 decimals. The general words are said at the first norm only.
    func normSaying(_ k: Int, run: NormRun) -> String {
        let std = run.std.value.flat
        let stds = rowsListed(std.count) { Self.style.fixed(std[$0]) }
        let tokens = rowsListed(std.count) { spoken($0) }
        // The normalized rows' variance, σ²/(σ² + ε): 1 but for ε's share, as shown.
        let normalized = run.normalized.value.matrix
        let variances = LayerNorm.moments(normalized, divisor: normalized.cols).map { Self.style.fixed($0.variance) }
        let shown = Set(variances).sorted()
        let variance = shown.count == 1 ? shown[0] : (shown.first ?? "") + "–" + (shown.last ?? "")
        // The largest and smallest s as shown, every row tied at each named.
        let first = norms.count == 1
        var contrast = ""
        if let high = std.max(), let low = std.min(), Self.style.fixed(high) != Self.style.fixed(low) {
            let large = listed(std.indices.filter { Self.style.fixed(std[$0]) == Self.style.fixed(high) }.map { spoken($0) })
            let small = listed(std.indices.filter { Self.style.fixed(std[$0]) == Self.style.fixed(low) }.map { spoken($0) })
            contrast = blockWords(first ? "norm saying, contrast" : "norm saying, contrast, short",
                                  ["large": large, "small": small, "s": Self.style.fixed(high), "t": Self.style.fixed(low), "ratio": Self.style.fixed(high / low)])
        }
        // ε in X̂: the first entry whose 4 decimals change without it.
        var eps = ""
        let (centered, variance2) = (run.centered.value.matrix, run.variance.value.flat)
        let four = NumberStyle(precision: 4)
        search: for i in 0..<centered.rows where variance2[i] > 0 {
            for j in 0..<centered.cols {
                let without = centered[i, j] / variance2[i].squareRoot()
                if four.fixed(without) != four.fixed(normalized[i, j]) {
                    eps = blockWords("norm saying, eps", ["k": "\(k)", "at": "\(i + 1), \(j + 1)", "without": four.fixed(without), "with": four.fixed(normalized[i, j])])
                    break search
                }
            }
        }
        // What γ and β do; after norm 1, said only when it differs from norm 1's.
        let (scales, shifts) = affine(k - 1)
        let sameAsFirst = !first && affine(0) == (scales, shifts)
        let afterwards = sameAsFirst ? "" : blockWords(scales ? (shifts ? "norm saying, scale and shift" : "norm saying, scale") : (shifts ? "norm saying, shift" : "norm saying, neither"), ["k": "\(k)"])
        return blockWords(first ? "norm saying" : "norm saying, again", ["k": "\(k)", "stds": stds, "tokens": tokens, "var": variance, "contrast": contrast,
                                                                         "affine": afterwards, "eps": eps])
    }

    /// What norm `index` (0-based) does after normalizing, from its values: a γ of ones does not
    /// scale, a β of zeros (or none given) does not shift.
    func affine(_ index: Int) -> (scales: Bool, shifts: Bool) {
        let weights = p.norms[index]
        return (!(weights.gamma?.entries.allSatisfy { $0 == 1 } ?? true), !(weights.beta?.entries.allSatisfy { $0 == 0 } ?? true))
    }

    /// The summary's words on the norms: post-norm's output is normalized (then scaled), pre-norm's
    /// is not, from the output rows' standard deviations.
    func normsNotice(stackNorm: String) -> String {
        let y = output.value.matrix
        let stds = LayerNorm.moments(y, divisor: y.cols).map { $0.variance.squareRoot() }
        let scaled = p.norms.indices.filter { affine($0).scales }
        let shifted = p.norms.indices.filter { affine($0).shifts }
        func part(_ what: String, _ norms: [Int]) -> String? {
            if norms.isEmpty { return nil }
            if norms.count == p.norms.count { return blockLessonWords(what) }
            return blockLessonWords("notice, in norms", ["what": blockLessonWords(what), "s": norms.count == 1 ? "" : "s", "list": listed(norms.map { "\($0 + 1)" })])
        }
        let parts = [part("notice, scale", scaled), part("notice, shift", shifted)].compactMap { $0 }
        let afterwards = (parts.isEmpty ? "" : blockLessonWords("notice, affine", ["parts": parts.count == 2 ? blockLessonWords("notice, both", ["first": parts[0], "second": parts[1]]) : parts.joined()]))
            + (shifted.isEmpty && !scaled.isEmpty ? blockLessonWords("notice, no shift") : "")
        let last = p.norms.count - 1
        let set = blockLessonWords(scaled.contains(last) ? (shifted.contains(last) ? "notice, set" : "notice, set, scale") : (shifted.contains(last) ? "notice, set, shift" : "notice, set, neither"),
                                   ["k": "\(last + 1)"])
        let slots = ["stds": rowsListed(stds.count) { Self.style.fixed(stds[$0]) }, "tokens": rowsListed(stds.count) { spoken($0) },
                     "k": "\(p.sublayers.count)", "stack norm": stackNorm, "affine": afterwards, "set": set]
        return blockLessonWords(p.normFirst ? "notice, norms, pre" : "notice, norms, post", slots)
    }

    /// The hidden layer's caption: the units relu switches off, token by token (or what gelu does
    /// to the negative entries).
    func hiddenCaption(_ h: Matrix, linear1 u: Matrix) -> Caption {
        let all = h.rows * h.cols
        if p.gelu {
            let negatives = u.entries.filter { $0 < 0 }.count
            let lowest = h.entries.indices.min { h.entries[$0] < h.entries[$1] } ?? 0
            // The smallest positive entry of U, shrunk; gelu's lowest value, found on a grid of 10⁻⁴.
            let four = NumberStyle(precision: 4)
            let positive = u.entries.indices.filter { u.entries[$0] > 0 }.min { u.entries[$0] < u.entries[$1] }
            let positiveWords = positive.map { blockWords("gelu positive", ["u": four.fixed(u.entries[$0]), "h": four.fixed(h.entries[$0])]) } ?? ""
            let grid = (0...30_000).map { -3 + Double($0) * 1e-4 }
            let lowestU = grid.min { GELU()($0) < GELU()($1) } ?? 0
            return blockWords.caption("ff.hidden, gelu", ["smallest": Self.style.fixed(h.entries[lowest]), "u": Self.style.fixed(u.entries[lowest]),
                                                          "negatives": "\(negatives)", "all": "\(all)", "positive": positiveWords,
                                                          "min": four.fixed(GELU()(lowestU)), "umin": Self.style.fixed(lowestU),
                                                          "u11": four.fixed(u[0, 0]), "phi11": four.fixed(u[0, 0] == 0 ? 0.5 : h[0, 0] / u[0, 0]), "h11": four.fixed(h[0, 0])])
        }
        let off = (0..<h.rows).map { i in (0..<h.cols).filter { h[i, $0] == 0 } }
        let count = off.map(\.count).reduce(0, +)
        guard count > 0 else { return blockWords.caption("ff.hidden, relu, none off", ["all": "\(all)"]) }
        let list = rowsListed(h.rows) { i in
            off[i].isEmpty ? blockWords("off list none", ["token": spoken(i)])
                : blockWords("off list item", ["token": spoken(i), "s": off[i].count == 1 ? "" : "s", "units": listed(off[i].map { "\($0 + 1)" })])
        }
        let allOn = off.allSatisfy { $0.count < h.cols } ? blockWords("all on") : ""
        return blockWords.caption("ff.hidden, relu", ["off": "\(count)", "all": "\(all)", "list": list, "allOn": allOn])
    }
}

// MARK: What the seeds' statements come to

extension BlockRun {
    /// What sublayer k (0-based) read: x_{k−1}, or norm k's output in pre-norm.
    func sublayerInput(_ index: Int) -> Matrix {
        p.normFirst ? norms[index].output.value.matrix : incoming[index].value.matrix
    }

    /// A row of numbers in a sentence: (0.12, −0.50, …).
    static func shownRow(_ m: Matrix, _ r: Int) -> String {
        "(" + (0..<m.cols).map { NumberStyle(precision: 2).fixed(m[r, $0]) }.joined(separator: ", ") + ")"
    }

    /// Seed 001: the sublayers keep the input's size, so the residual sum can add them.
    func sameSizeBullet() -> String {
        blockSlideWords("slides, same size", ["L": "\(p.l)", "E": "\(p.e)"])
    }

    /// Seed 001: a residual sublayer makes only the change to its input. The changes' lengths
    /// against the rows they are added to, over every sum.
    func residualBullet() -> String {
        var ratios: [Double] = []
        for (k, sub) in sublayers.enumerated() {
            let (x, y) = (incoming[k].value.matrix, sub.output.value.matrix)
            for i in 0..<x.rows where Self.norm(x, row: i) > 0 { ratios.append(Self.norm(y, row: i) / Self.norm(x, row: i)) }
        }
        guard let low = ratios.min(), let high = ratios.max() else { return "" }
        return blockSlideWords("slides, residual", ["low": Self.style.fixed(low), "high": Self.style.fixed(high), "sums": "\(sublayers.count)",
                                                          "size": blockSlideWords(high < 0.2 ? "residual, small" : "residual, not small")])
    }

    /// Seed 002: x_{l+2} = x_l + F(x_l) + F(x_{l+1}). Pre-norm's output is exactly the input plus
    /// every sublayer's output (each sublayer reads the running sum, through its norm); post-norm's
    /// last sum adds the last sublayer's output to norm K−1's output instead, and the difference from
    /// the plain sum is what the norms did.
    func sumBullet() -> String {
        let x = inputs.x.value.matrix
        let y = output.value.matrix
        let subs = sublayers.map { $0.output.value.matrix }
        let sum = Matrix(rows: x.rows, cols: x.cols, entries: x.entries.indices.map { i in subs.reduce(x.entries[i]) { $0 + $1.entries[i] } })
        let terms = sublayers.map { sub -> String in
            switch sub {
            case .attention(let run): return "$\(run.naming.symbol("Y"))$"
            case .feedForward: return #"$Y_{\text{ff}}$"#
            }
        }
        let count = p.sublayers.count
        let kinds = listed(p.sublayers.map { blockWords("sublayer \(name($0))") })
        var slots = ["terms": terms.joined(separator: " + "), "token": spoken(0), "y": Self.shownRow(y, 0), "sum": Self.shownRow(sum, 0),
                     "lesson": p.decoder ? DecoderBlock.id : TransformerBlock.id, "kinds": kinds, "K": "\(count)", "K-1": "\(count - 1)",
                     "last": terms[count - 1], "reads": "$Z_{\(count - 1)}$"]
        if !p.normFirst {
            slots["z"] = Self.shownRow(adds[count - 1].value.matrix, 0)
        }
        return blockSlideWords(p.normFirst ? "slides, sum, pre" : "slides, sum, post", slots)
    }

    /// Seed 001's question, “why feed-forward?”: the network runs on each token's row alone. The
    /// last token's row is put through the two layers by itself and compared with its row of Y_ff.
    func positionWiseBullet() -> String? {
        guard let index = p.sublayers.firstIndex(of: .feedForward), case .feedForward(let ff) = sublayers[index] else { return nil }
        let x = sublayerInput(index)
        let i = x.rows - 1
        let (w1, w2) = (p.ff.w1, p.ff.w2)
        let b1 = p.ff.b1?.entries ?? Array(repeating: 0, count: p.f)
        let b2 = p.ff.b2?.entries ?? Array(repeating: 0, count: p.e)
        let act: (Double) -> Double = p.gelu ? { GELU()($0) } : { max($0, 0) }
        let hidden = (0..<p.f).map { j in act((0..<p.e).reduce(b1[j]) { $0 + x[i, $1] * w1[j, $1] }) }
        let alone = (0..<p.e).map { j in (0..<p.f).reduce(b2[j]) { $0 + hidden[$1] * w2[j, $1] } }
        let out = ff.output.value.matrix
        let same = (0..<p.e).allSatisfy { abs(alone[$0] - out[i, $0]) <= 1e-9 * max(1, abs(out[i, $0])) }
        return blockSlideWords(same ? "slides, position-wise" : "slides, position-wise, differs",
                          ["token": spoken(i), "row": Self.shownRow(out, i), "L": "\(p.l)", "why": whyFeedForward()])
    }
}

// MARK: Near ties, reruns and the seeds' claims on attention

extension BlockRun {
    /// Two weights closer than this are "nearly tied" in a sentence.
    static let nearTie = 0.01

    /// Which key each query weighs most, as multi-head-attention says it, with the runner-up named
    /// when it is within `nearTie`: “I” → “나는” (0.48), nearly tied with “사랑해” (0.48).
    static func picks(_ speaker: Speaker, _ a: Matrix) -> String {
        (0..<min(a.rows, Speaker.named)).map { i -> String in
            let top = speaker.strongest(a, i)
            let runnerUp = (0..<a.cols).filter { $0 != top.key }.max { a[i, $0] < a[i, $1] }
            let slots = ["query": speaker.queries[i], "key": speaker.keys[top.key], "weight": speaker.style.fixed(top.weight)]
            if !top.tie, let other = runnerUp, top.weight - a[i, other] < nearTie {
                return blockWords("pick, near tie", slots.merging(["other": speaker.keys[other], "w2": NumberStyle(precision: 4).fixed(a[i, other]),
                                                                   "w1": NumberStyle(precision: 4).fixed(top.weight)]) { _, new in new })
            }
            return MultiHeadAttention.words(top.tie ? "pick, tie" : "pick", slots)
        }.joined(separator: ", ")
    }

    /// A head's weights' caption in a block: the largest weight per query, near ties named.
    static func weightsCaption(_ speaker: Speaker, _ a: Matrix) -> Caption {
        let title = MultiHeadAttention.words.caption("head[m].weights").title
        return Caption(title: title, meaning: MultiHeadAttention.words(a.rows > Speaker.named ? "weights, largest, more" : "weights, largest",
                                                                       ["list": picks(speaker, a), "n": "\(a.rows)"]))
    }

    /// The block's output on `q`, a changed input, computed again without words.
    func rerun(_ q: BlockInput) -> Matrix {
        Trace.$valuesOnly.withValue(true) {
            let tr = Trace(lesson: "", title: "", example: "")
            let inputs = q.recordInputs(in: tr, captions: q.decoder ? DecoderBlock.words : TransformerBlock.words)
            return BlockRun(q, in: tr, inputs: inputs, handChosen: false).output.value.matrix
        }
    }

    /// The largest change of an entry in rows `rows` between two outputs.
    static func largestChange(_ a: Matrix, _ b: Matrix, rows: Range<Int>) -> Double {
        rows.flatMap { i in (0..<a.cols).map { abs(a[i, $0] - b[i, $0]) } }.max() ?? 0
    }

    /// Seeds 000, 004 on the decoder's mask: each word depends on itself and the words before it,
    /// shown on the weights and on the whole layer (the last token's row changed, the rows before
    /// it of Y unchanged); why training needs it; what PyTorch does without tgt_mask.
    func maskBullets() -> [String] {
        guard p.decoder, case .attention(let selfRun) = sublayers[0] else { return [] }
        let t = p.l
        let style = NumberStyle(precision: 2)
        // The largest weight on a later token, over the heads: 0 under the mask.
        var later = (weight: 0.0, head: 0)
        for (m, a) in selfRun.weights.enumerated() {
            for i in 0..<t { for j in (i + 1)..<max(t, i + 1) where a.value.matrix[i, j] > later.weight { later = (a.value.matrix[i, j], m + 1) } }
        }
        guard later.weight == 0 else {
            return [DecoderBlock.words("slides, mask, off", ["first": spoken(0), "later": style.fixed(later.weight), "m": "\(later.head)"])]
        }
        let y = output.value.matrix
        // The last token's row changed by 1 in every entry: the rows before it must not move.
        var changed = p
        changed.x = Matrix(rows: t, cols: p.e, entries: p.x.entries.enumerated().map { $0.offset >= (t - 1) * p.e ? $0.element + 1 : $0.element })
        let yChanged = rerun(changed)
        let before = Self.largestChange(y, yChanged, rows: 0..<(t - 1))
        let moved = Self.largestChange(y, yChanged, rows: (t - 1)..<t)
        // The same layer without the mask: what PyTorch computes when tgt_mask is not given.
        var unmasked = p
        unmasked.causal = false
        let without = Self.largestChange(y, rerun(unmasked), rows: 0..<t)
        let four = NumberStyle(precision: 4)
        let rerunWords = t < 2 ? "" : DecoderBlock.words(before == 0 ? "slides, mask, rerun" : "slides, mask, rerun, moved",
                                                         ["last": spoken(t - 1), "T-1": "\(t - 1)", "before": four.fixed(before), "moved": four.fixed(moved)])
        return [DecoderBlock.words("slides, mask", ["first": spoken(0), "last": spoken(t - 1), "T": "\(t)", "rerun": rerunWords, "without": four.fixed(without)]),
                DecoderBlock.words("slides, mask, why", ["T": "\(t)"])]
    }

    /// Seeds 000, 001: a token's self-attention weight is largest on itself. Counted over every
    /// head's query rows.
    func selfPeakBullet() -> String? {
        guard !p.decoder, case .attention(let selfRun) = sublayers[0] else { return nil }
        let speaker = Speaker(MultiHeadInput(part: sublayerInput(0), key: nil, heads: p.heads, wIn: p.selfAttention.wIn, bIn: p.selfAttention.bIn,
                                             wO: p.selfAttention.wO, bO: p.selfAttention.bO, causal: p.causal, tokens: p.tokens, keyTokens: nil),
                              handChosen: handChosen)
        var onItself: [String] = []
        var elsewhere: [String] = []
        for (m, a) in selfRun.weights.enumerated() {
            let w = a.value.matrix
            for i in 0..<w.rows {
                let top = speaker.strongest(w, i)
                let item = blockWords("peak item", ["m": "\(m + 1)", "query": spoken(i), "key": spoken(top.key), "weight": Self.style.fixed(top.weight)])
                if top.key == i && !top.tie { onItself.append(item) } else { elsewhere.append(item) }
            }
        }
        let rows = p.l * p.heads
        let slots = ["s": onItself.count == 1 ? "s" : "", "rows": "\(rows)", "h": "\(p.heads)", "n": "\(p.l)", "count": "\(onItself.count)", "itself": Self.listedAll(onItself),
                     "elsewhere": Self.listedAll(elsewhere), "chosen": handChosen ? blockSlideWords("slides, self peak, chosen") : ""]
        if onItself.count == rows { return blockSlideWords("slides, self peak, all", slots) }
        return blockSlideWords(onItself.isEmpty ? "slides, self peak, none" : "slides, self peak", slots)
    }

    /// Every item of a short list (a block of a few heads and tokens), not the first three and
    /// “n more”; a long one as `listed` shortens it.
    static func listedAll(_ items: [String]) -> String {
        guard items.count > 4, items.count <= 8, let last = items.last else { return listed(items) }
        return sharedWords("list", ["list": items.dropLast().joined(separator: ", "), "last": last])
    }

    /// Seed 004: Q from the decoder, K and V from the encoder; the averaged weights' alignment and
    /// each head's, and that the alignment was chosen.
    func crossBullet() -> String? {
        guard let index = p.sublayers.firstIndex(of: .crossAttention), case .attention(let cross) = sublayers[index], let average = cross.average else { return nil }
        let speaker = Speaker(cross.p, handChosen: true)
        let k = p.normFirst ? index + 1 : index
        // Each head's own picks are in its weights' caption: here only the target tokens on which
        // the heads' largest weights fall on different memory rows.
        let split = (0..<p.l).filter { i in Set(cross.weights.map { speaker.strongest($0.value.matrix, i).key }).count > 1 }
        let heads = split.isEmpty ? DecoderBlock.words("slides, cross, heads agree")
            : DecoderBlock.words("slides, cross, heads differ", ["list": listed(split.map { spoken($0) }), "n": "\(split.count)", "T": "\(p.l)"])
        return DecoderBlock.words("slides, cross", ["T": "\(p.l)", "S": "\(p.s)", "k": "\(k)", "picks": Self.picks(speaker, average.value.matrix),
                                                    "heads": heads,
                                                    "chosen": handChosen ? DecoderBlock.words("slides, cross, chosen", ["k": "\(k)"]) : ""])
    }

    /// Seed 001's “why feed-forward?”: the attention's output is linear in the values; the network
    /// adds a nonlinearity per token, and its parameters against the attention's.
    func whyFeedForward() -> String {
        let (e, f) = (p.e, p.f)
        // Each attention has 4 E² weights and 4 E biases; the decoder has two.
        let n = p.sublayers.filter { $0 != .feedForward }.count
        let ffn = 2 * e * f + f + e
        let attention = n * (4 * e * e + 4 * e)
        // Thousands grouped with commas, the same in every locale.
        func count(_ n: Int) -> String {
            let digits = Array(String(n))
            return String(digits.enumerated().flatMap { i, d in (i > 0 && (digits.count - i) % 3 == 0 ? [","] : []) + [d] })
        }
        let paper = (e: 512, f: 2048)
        let paperFFN = 2 * paper.e * paper.f + paper.f + paper.e
        let paperAttention = n * (4 * paper.e * paper.e + 4 * paper.e)
        let share = NumberStyle(precision: 2).fixed(100 * Double(paperFFN) / Double(paperFFN + paperAttention))
        let paperWords = blockSlideWords("why ff, paper", ["ffn": count(paperFFN), "attention": count(paperAttention), "share": share,
                                                           "total": count(paperFFN + paperAttention)])
        return blockSlideWords(ffn > attention ? "slides, why ff, more" : "slides, why ff, fewer",
                               ["act": p.gelu ? "gelu" : "relu", "E": "\(e)", "F": "\(f)", "ffn": count(ffn), "attention": count(attention), "paper": paperWords,
                                "attentions": blockSlideWords(n == 1 ? "why ff, attention" : "why ff, attentions", ["n": "\(n)"])])
    }
}
