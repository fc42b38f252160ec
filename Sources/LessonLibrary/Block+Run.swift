// A Transformer block's sublayers run on the board: the inputs recorded, then for each sublayer
// its attention (HeadsRun) or feed-forward network, the residual sum and the layer norm (NormRun),
// in the order post-norm or pre-norm puts them; and the way back, in reverse. The words are in
// Block+Words.swift, the sentences chosen from the numbers in Block+Commentary.swift.

import TraceCore

/// A block's inputs as the trace holds them.
struct BlockInputs {
    let x: Traced                   // src / tgt, L × E
    let memory: Traced?             // S × E
    let h: Traced                   // nhead
    let eps: Traced
    /// Per attention (self, cross): in_proj_weight, in_proj_bias, out_proj.weight, out_proj.bias.
    let attention: [(wIn: Traced, bIn: Traced, wO: Traced, bO: Traced)]
    let w1, b1, w2, b2: Traced
    let norms: [(gamma: Traced, beta: Traced)]
    /// The arrays given (not a bias or norm left out): what gets a gradient, in the order shown.
    let differentiable: [Traced]
}

/// The feed-forward network's three values.
struct FeedForwardRun {
    let linear1, hidden, output: Traced
}

/// What one sublayer computed.
enum SublayerRun {
    case attention(HeadsRun)
    case feedForward(FeedForwardRun)

    var output: Traced {
        switch self {
        case .attention(let run): return run.output
        case .feedForward(let run): return run.output
        }
    }

    /// The output's name in the trace: `self_attn.output`, `ff.output`.
    var outputName: String {
        switch self {
        case .attention(let run): return run.naming.name("output")
        case .feedForward: return "ff.output"
        }
    }
}

/// The block's values, sublayer by sublayer.
struct BlockRun {
    let p: BlockInput
    let inputs: BlockInputs
    /// Per sublayer k: what flowed in (x_{k−1}), the sublayer, its residual sum, its norm.
    var incoming: [Traced] = []
    var sublayers: [SublayerRun] = []
    var adds: [Traced] = []
    var norms: [NormRun] = []
    /// The weights are a built-in example's, chosen by hand.
    let handChosen: Bool
    var output: Traced { p.normFirst ? adds[adds.count - 1] : norms[norms.count - 1].output }

    /// Everything an attention of the block needs to be named: `self_attn.` and `cross_attn.`.
    static func naming(_ sublayer: Sublayer, _ p: BlockInput) -> AttentionNaming {
        let cross = sublayer == .crossAttention
        let tag = cross ? "ca" : "sa"
        return AttentionNaming(prefix: cross ? "cross_attn." : "self_attn.", tag: tag, captions: blockAttentionWords(tag: tag, cross: cross, p: p))
    }

    /// Norm k's names: `norm1.mean`, …, its output `norm1` (`output` for post-norm's last).
    /// `eps`: ε's sentence under the standard deviations (nil: left out, said at norm 1 already).
    static func naming(norm k: Int, _ p: BlockInput, eps: String? = nil) -> NormNaming {
        let last = !p.normFirst && k == p.sublayers.count
        return NormNaming(prefix: "norm\(k).", output: last ? "output" : "norm\(k)", outputSymbol: last ? "Y" : "N_{\(k)}", tag: "\(k)",
                          captions: blockNormWords(k: k, last: last, normFirst: p.normFirst, eps: eps))
    }

    /// Records the sublayers onto `tr` in the order the convention runs them.
    init(_ p: BlockInput, in tr: Trace, inputs: BlockInputs, handChosen: Bool) {
        (self.p, self.inputs, self.handChosen) = (p, inputs, handChosen)
        let w = blockWords
        let table = p.table(p.e)
        var x = inputs.x
        var symbol = "X"                         // x's symbol, for the words
        let count = p.sublayers.count
        for (index, sublayer) in p.sublayers.enumerated() {
            let k = index + 1
            let last = k == count
            incoming.append(x)
            let slots = ["k": "\(k)", "k-1": "\(k - 1)"]
            if p.normFirst {
                tr.heading(w("heading norm", slots))
                tr.say(w(k == 1 ? "norm, pre, first" : "norm, pre", slots))
                let normed = norm(k, of: x, in: tr)
                let sub = run(sublayer, on: normed.output, symbol: "N_{\(k)}", in: tr, handChosen: handChosen)
                tr.heading(w(last ? "heading add, output" : "heading add", slots))
                let add = tr.record(last ? "output" : "add\(k)", last ? "Y" : "Z_{\(k)}", x + sub.output,
                                    addCaption(k, x: x, symbol: symbol, sublayer: sub), labels: table)
                adds.append(add)
                (x, symbol) = (add, "Z_{\(k)}")
            } else {
                let sub = run(sublayer, on: x, symbol: symbol, in: tr, handChosen: handChosen)
                tr.heading(w(k == 1 ? "heading add" : "heading add and norm", slots))
                let add = tr.record("add\(k)", "Z_{\(k)}", x + sub.output, addCaption(k, x: x, symbol: symbol, sublayer: sub), labels: table)
                adds.append(add)
                if k == 1 { tr.heading(w("heading norm", slots)) }
                (x, symbol) = (norm(k, of: add, in: tr).output, "N_{\(k)}")
            }
        }
    }

    /// Norm k of `x`, recorded, with what it did to the rows' scale.
    private mutating func norm(_ k: Int, of x: Traced, in tr: Trace) -> NormRun {
        let weights = p.norms[k - 1]
        let traced = inputs.norms[k - 1]
        let lp = LayerNormInput(part: x.value.matrix, gamma: weights.gamma, beta: weights.beta, eps: p.eps, tokens: p.tokens)
        let identity = (weights.gamma?.entries.allSatisfy { $0 == 1 } ?? true) && (weights.beta?.entries.allSatisfy { $0 == 0 } ?? true)
        // Whether ε changes a standard deviation as 4 decimals show it: after norm 1, said only then.
        let style = NumberStyle(precision: 4)
        let variances = LayerNorm.moments(x.value.matrix, divisor: x.value.matrix.cols).map(\.variance)
        let epsShows = variances.contains { style.fixed(($0 + p.eps).squareRoot()) != style.fixed($0.squareRoot()) }
        let eps = k > 1 && !epsShows ? nil : LayerNorm.epsSentence(lp, variance: variances, words: blockWords)
        let run = NormRun(lp, in: tr, x: x, gamma: traced.gamma, beta: traced.beta, eps: inputs.eps, naming: Self.naming(norm: k, p, eps: eps),
                          identity: identity, labels: (Labels(rowHeader: sharedWords("label token"), rows: p.rows), p.table(p.e)))
        norms.append(run)
        if !Trace.valuesOnly { tr.say(normSaying(k, run: run)) }
        return run
    }

    /// Sublayer `sublayer` on `x` (its queries' rows for an attention), recorded.
    private mutating func run(_ sublayer: Sublayer, on x: Traced, symbol: String, in tr: Trace, handChosen: Bool) -> SublayerRun {
        let input = "$\(symbol)$"
        let w = blockWords
        let run: SublayerRun
        switch sublayer {
        case .selfAttention, .crossAttention:
            let cross = sublayer == .crossAttention
            let index = cross ? 1 : 0
            let weights = cross ? p.crossAttention! : p.selfAttention
            let traced = inputs.attention[index]
            let mp = MultiHeadInput(part: x.value.matrix, key: cross ? p.memory : nil, heads: p.heads, wIn: weights.wIn, bIn: weights.bIn,
                                    wO: weights.wO, bO: weights.bO, causal: !cross && p.causal, tokens: p.tokens, keyTokens: cross ? p.memoryTokens : nil)
            let key = cross ? inputs.memory! : x
            tr.heading(w(cross ? "heading cross" : p.causal ? "heading self, masked" : "heading self"))
            tr.say(w(cross ? "cross" : p.normFirst ? "self, pre" : "self", ["input": input, "d_k": "\(p.e / p.heads)", "h": "\(p.heads)"]))
            var speaker = Speaker(mp, handChosen: handChosen)
            speaker.naming = Self.naming(sublayer, p)
            let said = speaker
            speaker.naming.weightsCaption = { a in BlockRun.weightsCaption(said, a) }
            run = .attention(HeadsRun(mp, in: tr, inputs: (x, key, key, traced.wIn, traced.bIn, traced.wO, traced.bO, inputs.h),
                                      naming: speaker.naming, speaker: speaker))
        case .feedForward:
            let (l, f) = (p.l, p.f)
            tr.heading(w("heading ff"))
            tr.say(w(p.gelu ? "ff, gelu" : "ff", ["input": input, "F": "\(f)", "E": "\(p.e)"]))
            // U = X W₁ᵀ + b₁                                                    L × F
            let linear1 = tr.record("ff.linear1", "U", x * inputs.w1.transposed + broadcast(inputs.b1, .perColumn, rows: l, cols: f),
                                    w.caption("ff.linear1", ["input": symbol]), labels: p.table(f, unit: true))
            // H = act(U)                                                        L × F
            let activated = p.gelu ? gelu(linear1) : apply(ReLU(), linear1)
            let hidden = tr.record("ff.hidden", "H", activated, hiddenCaption(activated.value.matrix, linear1: linear1.value.matrix),
                                   labels: p.table(f, unit: true))
            // Y_ff = H W₂ᵀ + b₂                                                 L × E
            let output = tr.record("ff.output", #"Y_{\text{ff}}"#, hidden * inputs.w2.transposed + broadcast(inputs.b2, .perColumn, rows: l, cols: p.e),
                                   w.caption("ff.output"), labels: p.table(p.e))
            run = .feedForward(FeedForwardRun(linear1: linear1, hidden: hidden, output: output))
        }
        sublayers.append(run)
        return run
    }

    // MARK: The way back

    /// From the output's gradient back to each sublayer's input, the last sublayer first: its
    /// norm and residual sum (in the reverse of the order they ran), then inside the sublayer.
    func recordBack(_ back: Backprop, in tr: Trace) {
        let w = blockWords
        for k in stride(from: p.sublayers.count, through: 1, by: -1) {
            let slots = ["k": "\(k)"]
            let last = k == p.sublayers.count
            tr.heading(w(p.normFirst ? "heading back sublayer, pre" : "heading back sublayer", ["k": "\(k)", "sublayer": w("sublayer \(name(p.sublayers[k - 1]))")]))
            if p.normFirst {
                tr.heading(w("heading back add", slots), level: 3)
                back.record(adds[k - 1], w.caption(last ? "output.grad, pre" : "add.grad, pre", slots))
                recordBack(sublayers[k - 1], back, in: tr)
                norms[k - 1].recordBack(back, in: tr)
            } else {
                norms[k - 1].recordBack(back, in: tr)
                tr.heading(w("heading back add", slots), level: 3)
                back.record(adds[k - 1], w.caption("add.grad", slots))
                recordBack(sublayers[k - 1], back, in: tr)
            }
        }
    }

    private func recordBack(_ sublayer: SublayerRun, _ back: Backprop, in tr: Trace) {
        let w = blockWords
        switch sublayer {
        case .attention(let run): run.recordBack(back, in: tr)
        case .feedForward(let run):
            tr.heading(w("heading back ff"), level: 3)
            back.record(run.output, w.caption("ff.output.grad"))
            back.record(run.hidden, w.caption(p.gelu ? "ff.hidden.grad, gelu" : "ff.hidden.grad"))
            back.record(run.linear1, w.caption(p.gelu ? "ff.linear1.grad, gelu" : "ff.linear1.grad"))
        }
    }

    func name(_ sublayer: Sublayer) -> String {
        switch sublayer {
        case .selfAttention: return p.causal ? "masked self" : "self"
        case .crossAttention: return "cross"
        case .feedForward: return "ff"
        }
    }
}

extension BlockInput {
    /// Row labels: `1 · The`, ….
    var rows: [String] { sequenceLabels(tokens, count: l) }
    var memoryRows: [String] { sequenceLabels(memoryTokens, count: s) }
    /// One row per token, `count` columns (numbered, or `unit j` for the hidden layer).
    func table(_ count: Int, unit: Bool = false) -> Labels {
        tokenTable(rows, columns: unit ? (1...max(count, 1)).map { sharedWords("label unit j", ["j": "\($0)"]) } : numberLabels(count))
    }

    /// Records the block's inputs: the sequence(s), the sizes, each attention's weights, the
    /// feed-forward network's and the norms'.
    func recordInputs(in tr: Trace, captions w: Words) -> BlockInputs {
        let x = tr.input(inputName, "X", .matrix(x), w.caption(inputName), labels: table(e))
        let memory = memory.map { tr.input("memory", "M", .matrix($0), w.caption("memory"), labels: tokenTable(memoryRows, columns: numberLabels(e))) }
        let h = tr.input("nhead", "h", .scalar(Double(heads)), blockWords.caption("nhead", ["d_k": "\(e / heads)"]))
        var differentiable = [x] + (memory.map { [$0] } ?? [])
        var attention: [(wIn: Traced, bIn: Traced, wO: Traced, bO: Traced)] = []
        for (weights, sublayer) in zip([selfAttention] + (crossAttention.map { [$0] } ?? []), [Sublayer.selfAttention, .crossAttention]) {
            let n = BlockRun.naming(sublayer, self)
            let key = sublayer == .crossAttention ? "multihead_attn." : "self_attn."
            let stacked = ["Q", "K", "V"].flatMap { m in (1...e).map { MultiHeadAttention.words("label makes", ["matrix": m, "c": "\($0)"]) } }
            let makes = MultiHeadAttention.words("label makes header")
            let slots = ["WQ": n.sub("W", "Q"), "WK": n.sub("W", "K"), "WV": n.sub("W", "V"), "bQ": n.sub("b", "Q"), "bK": n.sub("b", "K"),
                         "bV": n.sub("b", "V"), "WO": n.sub("W", "O"), "Q": n.symbol("Q"), "Y": n.symbol("Y")]
            let wIn = tr.input(key + "in_proj_weight", n.sub("W", "in"), .matrix(weights.wIn), blockWords.caption("in_proj_weight", slots),
                               labels: Labels(rowHeader: makes, rows: stacked, columns: numberLabels(e)))
            let bIn = tr.input(key + "in_proj_bias", n.sub("b", "in"), .vector(weights.bIn ?? .zeros(3 * e)),
                               blockWords.caption(weights.bIn == nil ? "bias, zeros" : "in_proj_bias", slots), labels: Labels(rowHeader: makes, rows: stacked))
            let wO = tr.input(key + "out_proj.weight", n.sub("W", "O"), .matrix(weights.wO), blockWords.caption("out_proj.weight", slots),
                              labels: Labels(rowHeader: sharedWords("label row"), rows: numberLabels(e), columns: numberLabels(e)))
            let bO = tr.input(key + "out_proj.bias", n.sub("b", "O"), .vector(weights.bO ?? .zeros(e)),
                              blockWords.caption(weights.bO == nil ? "bias, zeros" : "out_proj.bias"), labels: Labels(rowHeader: sharedWords("label entry")))
            attention.append((wIn, bIn, wO, bO))
            differentiable += [wIn] + (weights.bIn == nil ? [] : [bIn]) + [wO] + (weights.bO == nil ? [] : [bO])
        }
        let unitRows = Labels(rowHeader: sharedWords("label unit"), rows: (1...max(f, 1)).map { sharedWords("label unit j", ["j": "\($0)"]) }, columns: numberLabels(e))
        let w1 = tr.input("linear1.weight", "W_{1}", .matrix(ff.w1), blockWords.caption("linear1.weight"), labels: unitRows)
        let b1 = tr.input("linear1.bias", "b_{1}", .vector(ff.b1 ?? .zeros(f)), blockWords.caption(ff.b1 == nil ? "bias, zeros" : "linear1.bias"),
                          labels: Labels(rowHeader: sharedWords("label unit")))
        let w2 = tr.input("linear2.weight", "W_{2}", .matrix(ff.w2), blockWords.caption("linear2.weight"),
                          labels: Labels(rowHeader: sharedWords("label row"), rows: numberLabels(e), columns: (1...max(f, 1)).map { sharedWords("label unit j", ["j": "\($0)"]) }))
        let b2 = tr.input("linear2.bias", "b_{2}", .vector(ff.b2 ?? .zeros(e)), blockWords.caption(ff.b2 == nil ? "bias, zeros" : "linear2.bias"),
                          labels: Labels(rowHeader: sharedWords("label entry")))
        differentiable += [w1] + (ff.b1 == nil ? [] : [b1]) + [w2] + (ff.b2 == nil ? [] : [b2])
        var norms: [(gamma: Traced, beta: Traced)] = []
        // "One number per feature" is said of the first γ and the first β given, not of every one.
        var (gammaSaid, betaSaid) = (false, false)
        for (index, weights) in self.norms.enumerated() {
            let k = index + 1
            let features = Labels(rowHeader: sharedWords("label feature"))
            let gamma = tr.input("norm\(k).weight", #"\gamma_{\#(k)}"#, .vector(weights.gamma ?? Vector(Array(repeating: 1, count: e))),
                                 blockWords.caption(weights.gamma == nil ? "norm.weight, ones" : gammaSaid ? "norm.weight, again" : "norm.weight", ["k": "\(k)"]), labels: features)
            let beta = tr.input("norm\(k).bias", #"\beta_{\#(k)}"#, .vector(weights.beta ?? .zeros(e)),
                                blockWords.caption(weights.beta == nil ? "norm.bias, zeros" : betaSaid ? "norm.bias, again" : "norm.bias", ["k": "\(k)"]), labels: features)
            gammaSaid = gammaSaid || weights.gamma != nil
            betaSaid = betaSaid || weights.beta != nil
            norms.append((gamma, beta))
            differentiable += (weights.gamma == nil ? [] : [gamma]) + (weights.beta == nil ? [] : [beta])
        }
        let eps = tr.input("layer_norm_eps", #"\epsilon"#, .scalar(self.eps), blockWords.caption("layer_norm_eps"))
        return BlockInputs(x: x, memory: memory, h: h, eps: eps, attention: attention, w1: w1, b1: b1, w2: w2, b2: b2, norms: norms,
                           differentiable: differentiable)
    }
}
