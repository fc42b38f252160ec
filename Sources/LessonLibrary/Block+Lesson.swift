// The derivation both block lessons write, top to bottom: the equations, the inputs, the sublayers
// (BlockRun), the figure of the token vectors after each sublayer, what the seeds' statements come
// to, and the backward pass. Each lesson brings its own words (title, equations, convention,
// examples) and its own seed statements.

import TraceCore

enum BlockLesson {
    /// The trace of lesson `id` for `p`; `w` holds the lesson's own words, `slides` its statements
    /// chosen from the run.
    static func derive(_ p: BlockInput, id: String, words w: Words, example: Example?, file: String, backward: Bool,
                       slides: (BlockRun) -> [String], figures: (BlockRun, Trace) -> Void = { _, _ in }) -> Trace {
        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why", ["norm": w.text(p.normFirst ? "why, pre" : "why, post") ?? ""]))
        tr.heading(w("heading equations"))
        // The causal mask is an argument of the self-attention, as PyTorch's attn_mask is.
        tr.math(w(p.normFirst ? "equations, pre" : "equations, post", ["mask": p.causal ? blockLessonWords("equations, mask") : ""]))
        tr.say(blockLessonWords("symbols", ["tags": blockLessonWords(p.decoder ? "symbols, tags, decoder" : "symbols, tags"),
                                            "mask": p.causal ? blockLessonWords("symbols, mask") : "",
                                            "act": blockLessonWords(p.gelu ? "act, gelu" : "act, relu")]))
        let common = blockLessonWords("convention, common", ["order": w(p.normFirst ? "convention, pre" : "convention, post"),
                                                             "activation": blockLessonWords(p.gelu ? "convention, gelu" : "convention, relu")])
        tr.say(w("convention", ["common": common, "annotated": blockLessonWords(p.normFirst ? "convention, annotated, pre" : "convention, annotated, post"),
                                "mask": p.causal ? w("convention, causal") : ""]))
        tr.introduceInputs(legend: (p.decoder ? [(symbol: "T", meaning: blockLessonWords("legend T"), size: p.l),
                                                 (symbol: "S", meaning: blockLessonWords("legend S"), size: p.s)]
                                               : [(symbol: "n", meaning: blockLessonWords("legend L"), size: p.l)]) + [
            (symbol: "E", meaning: blockLessonWords("legend E"), size: p.e),
            (symbol: "h", meaning: blockLessonWords("legend h"), size: p.heads),
            (symbol: "d_{k}", meaning: blockLessonWords("legend d_k"), size: p.e / p.heads),
            (symbol: "F", meaning: blockLessonWords("legend F"), size: p.f),
        ], example: example)
        let inputs = p.recordInputs(in: tr, captions: w)
        let run = BlockRun(p, in: tr, inputs: inputs, handChosen: example != nil)

        tr.heading(blockLessonWords("heading figure"))
        tr.figure(.heatmaps(title: blockLessonWords("figure"), panels: run.stages.map { stage in
                                Heatmap(title: stage.name, rows: p.tokens ?? numberLabels(p.l), columns: numberLabels(p.e), values: stage.value.value.matrix,
                                        rowHeader: sharedWords("label token"), columnHeader: sharedWords("label feature"))
                            }, scale: .diverging),
                  description: blockLessonWords("figure, description", ["stages": run.stages.map { "`\($0.name)`" }.joined(separator: ", ")]))
        figures(run, tr)
        tr.slides(slides(run))
        tr.heading(blockLessonWords("heading summary"))
        tr.say(w("notice", ["norms": run.normsNotice(stackNorm: w("stack norm"))]))
        if backward { derivePass(p, tr, run: run, words: w, story: example?.backwardStory) }
        return tr
    }

    /// The way back: the loss's gradient, each sublayer in reverse, then the inputs' gradients and
    /// the gradient check.
    static func derivePass(_ p: BlockInput, _ tr: Trace, run: BlockRun, words w: Words, story: String?) {
        let lw = blockLessonWords
        let g = tr.beginBackward(why: backwardWords("backward why") + " " + lw(p.normFirst ? "backward why, pre" : "backward why, post"),
                                 equations: lw("backward equations"), output: run.output, symbol: "Y", given: p.gradOutput, labels: p.table(p.e))
        if let story { tr.say(story) }
        if !p.normFirst, let gamma = tr.steps.first(where: { $0.name == "norm\(p.sublayers.count).weight" })?.value.flat {
            tr.say(uniformGradientSaying(p, gamma: gamma, g: g.value.matrix))
        }
        let inputs = run.inputs
        let back = Backprop(tr, differentiable: inputs.differentiable)
        back.seed(run.output, g)
        run.recordBack(back, in: tr)
        tr.heading(blockWords("heading input gradients"))
        let first = blockWords("sublayer \(run.name(p.sublayers[0]))")
        if let dx = back.record(inputs.x, blockWords.caption(p.normFirst ? "x.grad, pre" : "x.grad", ["first": first])), let straight = back.gradient(of: run.adds[0]) {
            tr.say(residualSaying(p, run: run, dx: dx.value.matrix, straight: straight.value.matrix))
        }
        if let memory = inputs.memory { back.record(memory, blockWords.caption("memory.grad")) }
        for (weights, sublayer) in zip(inputs.attention, [Sublayer.selfAttention, .crossAttention]) {
            let n = BlockRun.naming(sublayer, p)
            let slots = ["Y": n.symbol("Y"), "C": n.symbol("C"), "Q": n.symbol("Q"), "WQ": n.sub("W", "Q"), "WK": n.sub("W", "K"), "WV": n.sub("W", "V")]
            back.record(weights.wIn, blockWords.caption("in_proj_weight.grad", slots))
            back.record(weights.bIn, blockWords.caption("in_proj_bias.grad"))
            back.record(weights.wO, blockWords.caption("out_proj.weight.grad", slots))
            back.record(weights.bO, blockWords.caption("out_proj.bias.grad", slots))
        }
        for (value, key) in [(inputs.w1, "linear1.weight.grad"), (inputs.b1, "linear1.bias.grad"), (inputs.w2, "linear2.weight.grad"), (inputs.b2, "linear2.bias.grad")] {
            back.record(value, blockWords.caption(key))
        }
        for (k, norm) in inputs.norms.enumerated() {
            let slots = ["k": "\(k + 1)", "out": BlockRun.naming(norm: k + 1, p).outputSymbol]
            back.record(norm.gamma, blockWords.caption("norm.weight.grad", slots))
            back.record(norm.beta, blockWords.caption("norm.bias.grad", slots))
        }
        tr.endBackward(back, level: 2)
    }

    /// Post-norm ends in a norm: its rule removes each row's mean gradient and the part along the
    /// normalized row, so a gradient G ⊙ γ that is the same across a row would pass back nothing.
    static func uniformGradientSaying(_ p: BlockInput, gamma: [Double], g: Matrix) -> String {
        let style = NumberStyle(precision: 2)
        let row = (0..<g.cols).map { style.fixed(g[0, $0] * gamma[$0]) }
        let uniform = (0..<g.rows).allSatisfy { r in (0..<g.cols).allSatisfy { g[r, $0] * gamma[$0] == g[r, 0] * gamma[0] } }
        return blockLessonWords(uniform ? "uniform gradient, here" : "uniform gradient", ["k": "\(p.sublayers.count)", "row": row.joined(separator: ", ")])
    }

    /// How much of the input's gradient comes straight through the first residual sum.
    static func residualSaying(_ p: BlockInput, run: BlockRun, dx: Matrix, straight: Matrix) -> String {
        let style = NumberStyle(precision: 4)
        func shown(_ values: [Double]) -> String { "(" + values.map { style.fixed($0) }.joined(separator: ", ") + ")" }
        let total = (0..<dx.cols).map { dx[0, $0] }
        let direct = (0..<dx.cols).map { straight[0, $0] }
        let through = zip(total, direct).map { $0 - $1 }
        func size(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        let tail = blockLessonWords(p.normFirst ? "residual tail, pre" : "residual tail, post", ["norms": listed((1...p.sublayers.count).map { "\($0)" })])
        return blockLessonWords("residual share", ["token": run.spoken(0), "total": shown(total), "direct": shown(direct), "through": shown(through),
                                                   "first": blockWords("sublayer \(run.name(p.sublayers[0]))"), "tail": tail,
                                                   "direct size": NumberStyle(precision: 2).fixed(size(direct)), "through size": NumberStyle(precision: 2).fixed(size(through))])
    }
}

extension BlockRun {
    /// The token vectors after each step of the block, in order: the input, each sublayer's output,
    /// residual sum and norm output; named as the trace names them.
    var stages: [(name: String, value: Traced)] {
        var result: [(name: String, value: Traced)] = [(p.inputName, inputs.x)]
        // What each sublayer adds, beside its sum, so the residual's two terms can be read apart:
        // when the figure has room for every panel (the encoder's 7, not the decoder's 10).
        let withSublayers = 1 + 3 * adds.count <= FigureLimits.standard.panels
        for k in 0..<adds.count {
            let sub = withSublayers ? [(name: sublayers[k].outputName, value: sublayers[k].output)] : []
            let add = (name: p.normFirst && k == adds.count - 1 ? "output" : "add\(k + 1)", value: adds[k])
            let norm = (name: norms[k].naming.output, value: norms[k].output)
            result += p.normFirst ? [norm] + sub + [add] : sub + [add, norm]
        }
        return result
    }
}
