// seq2seq-attention: an encoder–decoder with Luong attention (seed 004's RNN + attention:
// c_4 = Σ ⟨s_4, h_i⟩ h_i): the decoder's state s_t scores every encoder state h_i, the softmax turns
// the scores into weights, and the context c_t is the weighted sum of the h_i.
//
// Convention (Luong et al. 2015, "global attention", one sequence, no batch): the encoder is the cell
// of rnn-unroll (tanh), lstm-gates or gru (its state_dict under `encoder.`) over the source, from zeros;
// the decoder is the same kind of cell (under `decoder.`) over the target rows (teacher forcing: row t
// is its input at step t), starting from the encoder's last state (h, and c for the LSTM):
//   e_{t,i} = s_t · h_i (dot) · s_tᵀ W_a h_i (general) · vᵀ tanh(W_a [s_t ; h_i]) (concat),
//   α_t = softmax(e_t),  c_t = Σ_i α_{t,i} h_i,  h̃_t = tanh(W_c [c_t ; s_t] + b_c),
//   y_t = W_out h̃_t + b_out,  ℓ_t = −log softmax(y_t)_{target_t},  L = (1/T) Σ_t ℓ_t.
// Computed with the encoder's states as the rows of M (S × H): e_t = M s_t; general e_t = K s_t with
// K = M W_aᵀ (row i is W_a h_i); concat e_t = U_t v, U_t = tanh(K + 1 q_tᵀ) with K = M (W_a^h)ᵀ and
// q_t = W_a^s s_t (W_a = [W_a^s  W_a^h], its columns for s and for h).
// Others: Bahdanau et al. 2015 score with s_{t−1} (before the step), feed c_t into the decoder's input,
// and use an additive score with biases; seed 004 leaves out the softmax.
// References: M.-T. Luong, H. Pham, C. Manning, "Effective Approaches to Attention-based Neural Machine
// Translation" (2015), eqs. 5–8; D. Bahdanau, K. Cho, Y. Bengio, "Neural Machine Translation by Jointly
// Learning to Align and Translate" (2015); I. Sutskever et al., "Sequence to Sequence Learning with
// Neural Networks" (2014); PyTorch docs for nn.RNN/LSTM/GRU, nn.Linear, F.cross_entropy; seed notes
// 003 (seq2seq) and 004 (RNN + attention).

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum Seq2Seq: Lesson {
    static let id = "seq2seq-attention"
    static var summary: String { words("summary") }

    static let examples: [Example] = Seq2SeqExamples.all

    static func isWeight(_ field: String) -> Bool {
        field.hasSuffix("weight_ih_l0") || field.hasSuffix("weight_hh_l0") || ["attn.weight", "combine.weight", "out.weight"].contains(field)
    }

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let m = try Seq2SeqInput(&reader)
        try reader.finish()
        return derive(m, example: example, file: file, backward: backward)
    }

    /// The values each decoder step computes after its cell.
    struct DecoderStep {
        var q: Traced?, u: Traced?
        var e, alpha, c: Traced
        var joined: Traced?, hTilde: Traced?, y: Traced?, loss: Traced?
    }

    /// The derivation, on the board: the mathematics here, its words in Seq2Seq+Words.swift.
    /// Shapes: S source positions, T target steps, H hidden units, V output classes.
    static func derive(_ m: Seq2SeqInput, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        var (enc, dec) = (m.encoder, m.decoder)
        (enc.ownStateGradient, dec.ownStateGradient) = stateGradientCaptions(m)
        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        let parts = ["equations, \(m.score)", "equations, attention"] + (m.combineWeight == nil ? [] : ["equations, combine"])
            + (m.outWeight == nil ? [] : ["equations, out"]) + (m.targets == nil ? [] : ["equations, loss"]) + ["equations, end"]
        tr.math(parts.map { w($0) }.joined(separator: "\n"))
        tr.say(w("convention", ["lesson": w("cell lesson, \(m.cell)"), "module": w("cell module, \(m.cell)"),
                                "combine": m.combineWeight == nil ? "" : w("convention, combine")]))
        tr.introduceInputs(legend: [
            (symbol: "S", meaning: w("legend S"), size: m.sourceSteps),
            (symbol: "T", meaning: w("legend T"), size: m.targetSteps),
            (symbol: "H", meaning: w("legend H"), size: m.hidden),
        ] + (m.vocabSize.map { [(symbol: "V", meaning: w("legend V"), size: $0)] } ?? []), example: example)

        // The inputs: the two sequences, the two cells' weights, the attention's and the layers'.
        let hiddenColumns = (1...m.hidden).map { sharedWords("label unit j", ["j": "\($0)"]) }
        let sourceRows = sequenceLabels(enc.tokens, count: m.sourceSteps)
        let targetRows = sequenceLabels(dec.tokens, count: m.targetSteps)
        let source = tr.input("source", "X", .matrix(enc.x), w.caption("source"),
                              labels: Labels(rowHeader: w("label i"), rows: sourceRows, columns: numberLabels(enc.inputSize)))
        let target = tr.input("target", #"X^{\text{dec}}"#, .matrix(dec.x), w.caption(m.targets == nil ? "target, no targets" : "target"),
                              labels: Labels(rowHeader: sharedWords("label t"), rows: targetRows, columns: numberLabels(dec.inputSize)))
        // The cells' weights, in words of their own: what they mean is said in the cells' lessons.
        tr.heading(w("heading encoder weights"), level: 3)
        let encInputs = enc.record(in: tr, given: source, own: w, ownKey: { "\($0), enc" }, initialState: false)
        tr.heading(w("heading decoder weights"), level: 3)
        let decInputs = dec.record(in: tr, given: target, own: w, ownKey: { "\($0), dec" }, initialState: false)
        let attnLabels = Labels(rowHeader: sharedWords("label unit"))
        let wA = m.attnWeight.map { tr.input("attn.weight", "W_{a}", .matrix($0), w.caption("attn.weight, \(m.score)"), labels: attnLabels) }
        let v = m.attnV.map { tr.input("attn.v", "v_{a}", .vector($0), w.caption("attn.v"), labels: attnLabels) }
        let wC = m.combineWeight.map { tr.input("combine.weight", "W_{c}", .matrix($0), w.caption("combine.weight"), labels: attnLabels) }
        let bC = wC.map { _ in tr.input("combine.bias", "b_{c}", .vector(m.combineBias ?? .zeros(m.hidden)), w.caption("combine.bias"), labels: attnLabels) }
        let classes = m.classTokens ?? m.vocabSize.map { numberLabels($0) } ?? []
        let classLabels = Labels(rowHeader: w("label class"), rows: classes)
        let wOut = m.outWeight.map { tr.input("out.weight", "W_{out}", .matrix($0), w.caption("out.weight"),
                                              labels: Labels(rowHeader: w("label class"), rows: classes, columns: hiddenColumns)) }
        let bOut = wOut.map { _ in tr.input("out.bias", "b_{out}", .vector(m.outBias ?? .zeros(classes.count)), w.caption("out.bias"), labels: classLabels) }

        // The encoder: h_1 … h_S from zeros, its lesson's steps; its meanings are said in that lesson.
        let once = SaidOnce(meanings: false)     // the cells' words
        let said = SaidOnce()                    // this lesson's, at the first step that has them
        tr.heading(w("heading encoder"))
        tr.say(w("encoder", ["lesson": w("cell lesson, \(m.cell)"), "module": w("cell module, \(m.cell)"), "S": "\(m.sourceSteps)",
                             "equation": m.cell == "rnn" ? w("cell equation, rnn") : ""]))
        let encC0 = m.cell == "lstm" ? constant(.vector(.zeros(m.hidden)), #"c_{0}^{\text{enc}}"#) : nil
        let encLayer = LayerInputs(xs: (0..<m.sourceSteps).map { source.row($0, "x_{\($0 + 1)}") }, wIh: encInputs.wIh, wHh: encInputs.wHh,
                                   bIh: encInputs.bIh, bHh: encInputs.bHh, h0: encInputs.h0, c0: encC0, own: [])
        let encoder = CellRun(m.cell, enc, encLayer, in: tr, once: once)
        let hs = encoder.hs
        let memory = tr.record("memory", "M", concatRows(hs.map { [$0] }), w.caption("memory"), labels: Labels(rowHeader: w("label i"), rows: sourceRows, columns: hiddenColumns))

        // What the score needs from the encoder alone, once: the keys W_a h_i.
        var keys: Traced?
        var wAs: Traced?
        if let wA {
            let h = m.hidden
            let wAh = m.score == "concat" ? wA.columns(h..<(2 * h), #"W_{a}^{h}"#) : wA
            wAs = m.score == "concat" ? wA.columns(0..<h, #"W_{a}^{s}"#) : nil
            keys = tr.record("keys", "K", memory * wAh.transposed, w.caption("keys, \(m.score)"),
                             labels: Labels(rowHeader: w("label i"), rows: sourceRows, columns: hiddenColumns))
        }

        // The decoder: s_0 = h_S (and c_0 = c_S), then per step the cell and the attention.
        tr.heading(w("heading decoder"))
        tr.say(w("decoder", ["S": "\(m.sourceSteps)", "T": "\(m.targetSteps)"]))
        var steps: [DecoderStep] = []
        let sourceLabels = Labels(rowHeader: w("label i"), rows: sourceRows)
        let unitLabels = Labels(rowHeader: sharedWords("label unit"))
        let hooks = StepHooks(input: { t in target.row(t - 1, #"x_{\#(t)}^{\text{dec}}"#) }, after: { t, s in
            var q: Traced?, u: Traced?
            let e: Traced
            switch m.score {
            case "general":
                e = tr.record("e[\(t)]", "e_{\(t)}", keys! * s, said(w, "e[t], general"), labels: sourceLabels)
            case "concat":
                let qt = tr.record("q[\(t)]", "q_{\(t)}", wAs! * s, said(w, "q[t]"), labels: unitLabels)
                let ut = tr.record("u[\(t)]", "U_{\(t)}", tanh(keys! + broadcast(qt, .perColumn, rows: m.sourceSteps, cols: m.hidden)),
                                   said(w, "u[t]"), labels: Labels(rowHeader: w("label i"), rows: sourceRows, columns: hiddenColumns))
                e = tr.record("e[\(t)]", "e_{\(t)}", ut * v!, said(w, "e[t], concat"), labels: sourceLabels)
                (q, u) = (qt, ut)
            default:
                e = tr.record("e[\(t)]", "e_{\(t)}", memory * s, said(w, "e[t], dot"), labels: sourceLabels)
            }
            let alpha = tr.record("alpha[\(t)]", #"\alpha_{\#(t)}"#, softmax(e), weightsCaption(m, t, e: e.value.flat, said: said), labels: sourceLabels)
            let c = tr.record("c[\(t)]", "c_{\(t)}", memory.transposed * alpha, said(w, "c[t]"), labels: unitLabels)
            var step = DecoderStep(q: q, u: u, e: e, alpha: alpha, c: c)
            if let wC, let bC {
                // [c_t ; s_t] recorded, so that the way back names what it splits into ∂L/∂c_t and ∂L/∂s_t.
                let joined = tr.record("cs[\(t)]", #"\left[c_{\#(t)};s_{\#(t)}\right]"#, concatEntries([c, s]), said(w, "cs[t]"),
                                       labels: Labels(rowHeader: w("label entry"), rows: (1...m.hidden).map { w("label c unit", ["j": "\($0)"]) } + (1...m.hidden).map { w("label s unit", ["j": "\($0)"]) }))
                step.joined = joined
                step.hTilde = tr.record("h_tilde[\(t)]", #"\tilde h_{\#(t)}"#, tanh(wC * joined + bC), said(w, "h_tilde[t]"), labels: unitLabels)
            }
            if let wOut, let bOut, let hTilde = step.hTilde {
                let y = tr.record("y[\(t)]", "y_{\(t)}", wOut * hTilde + bOut, said(w, "y[t]"), labels: classLabels)
                let p = tr.record("p[\(t)]", "p_{\(t)}", softmax(y), probabilityCaption(m, t, y: y.value.flat, said: said), labels: classLabels)
                step.y = y
                if let k = m.targets?[t - 1] {
                    step.loss = tr.record("loss[\(t)]", #"\ell_{\#(t)}"#,
                                          crossEntropy(y, p, target: k, picked: "p_{\(t),\(classSymbol(m, k))}", oneHot: #"\operatorname{onehot}(\#(classSymbol(m, k)))"#),
                                          said(w, "loss[t]"))
                }
            }
            steps.append(step)
        })
        let decLayer = LayerInputs(xs: [], wIh: decInputs.wIh, wHh: decInputs.wHh, bIh: decInputs.bIh, bHh: decInputs.bHh,
                                   h0: hs[hs.count - 1], c0: encoder.cs?.last, own: [])
        let decoder = CellRun(m.cell, dec, decLayer, in: tr, once: once, hooks: hooks)

        var loss: Traced?
        if m.targets != nil {
            tr.heading(w("heading loss"))
            let count = constant(.scalar(Double(m.targetSteps)), "\(m.targetSteps)")
            loss = tr.record("loss", "L", total(steps.compactMap(\.loss)) / count, w.caption("loss"))
        }

        tr.slides(slides(m, memory: memory.value, steps: steps).map { "- " + $0 })
        tr.heading(w("heading summary"))
        let stepRows = (0..<m.targetSteps).map { t in stepLabel(m, t + 1) }
        tr.figure(.heatmaps(title: w("figure alignment"), panels: [Heatmap(title: w("panel alignment"), rows: stepRows, columns: sourceRows,
                                                                           values: rowsMatrix(steps.map(\.alpha)), rowHeader: w(m.targets == nil ? "label t, reads" : "label t, target"),
                                                                           columnHeader: w("label i, source"))], scale: .unit),
                  description: w("figure alignment, description"))
        tr.summary(rowHeader: w(m.targets == nil ? "label t, reads" : "label t, target"), rows: stepRows, columns: [(symbol: #"\alpha_{t}"#, values: steps.map(\.alpha))], entries: sourceRows)
        tr.say(alignmentSaying(m, alpha: steps.map { $0.alpha.value.flat }))

        if backward {
            derivePass(m, tr, enc: (encInputs, encoder), dec: (decInputs, decoder), source: source, target: target, memory: memory, keys: keys,
                       layers: (wA, v, wC, bC, wOut, bOut), steps: steps, loss: loss, story: example?.backwardStory)
        }
        return tr
    }

    // MARK: The backward pass

    /// The captions of ∂L/∂h_i (encoder) and ∂L/∂s_t (decoder), and of the LSTM's ∂L/∂c: what
    /// reaches a state here is more than what reaches a lone cell's (the attention, the decoder's start).
    static func stateGradientCaptions(_ m: Seq2SeqInput) -> (encoder: (String, Int) -> Caption?, decoder: (String, Int) -> Caption?) {
        let w = words
        let encoder: (String, Int) -> Caption? = { state, i in
            let last = i == m.sourceSteps ? ", last" : ""
            return w.caption(state == "c" ? "c[i].grad, enc" + last : "h[i].grad" + last, ["i": "\(i)", "i+1": "\(i + 1)"])
        }
        let decoder: (String, Int) -> Caption? = { state, t in
            let last = t == m.targetSteps ? ", last" : ""
            let uses = (m.score == "concat" ? ["$q_{\(t)}$"] : ["$e_{\(t)}$"]) + (m.combineWeight == nil ? [] : [#"$\tilde h_{\#(t)}$"#])
            return w.caption(state == "c" ? "c[t].grad, dec" + last : "s[t].grad" + last, ["t": "\(t)", "t+1": "\(t + 1)", "uses": listed(uses)])
        }
        return (encoder, decoder)
    }

    /// From the loss (or ∂L/∂ of the last value of each step) back: each decoder step's layers and
    /// attention, then its cell; the memory's gradient gathers every step's share; then the
    /// encoder's steps, whose last state also reaches the decoder through s_0.
    static func derivePass(_ m: Seq2SeqInput, _ tr: Trace, enc: (RecurrentInput.Inputs, CellRun), dec: (RecurrentInput.Inputs, CellRun),
                           source: Traced, target: Traced, memory: Traced, keys: Traced?,
                           layers: (wA: Traced?, v: Traced?, wC: Traced?, bC: Traced?, wOut: Traced?, bOut: Traced?),
                           steps: [DecoderStep], loss: Traced?, story: String?) {
        let w = words
        let (encP, decP) = (m.encoder, m.decoder)
        tr.heading(backwardWords("heading backward"))
        tr.say(w("backward why"))
        if let story { tr.say(story) }
        func given(_ t: Traced?, _ present: Bool) -> [Traced] { present ? t.map { [$0] } ?? [] : [] }
        let differentiable = [source, target] + encP.differentiable(enc.0).dropFirst() + decP.differentiable(dec.0).dropFirst()
            + given(layers.wA, true) + given(layers.v, true) + given(layers.wC, true) + given(layers.bC, m.combineBias != nil)
            + given(layers.wOut, true) + given(layers.bOut, m.outBias != nil)
        let back = Backprop(tr, differentiable: Array(differentiable))
        tr.heading(backwardWords("heading loss"), level: 3)
        if let loss {
            back.seed(loss, constant(.scalar(1), "1"))
            back.record(loss, w.caption("loss.grad"))
        } else {
            let last = steps.map { $0.y ?? $0.hTilde ?? $0.c }
            let width = last.first?.value.count ?? m.hidden
            let g = tr.input("grad_output", "G", .matrix(m.gradOutput ?? Matrix(rows: m.targetSteps, cols: width, entries: Array(repeating: 1, count: m.targetSteps * width))),
                             w.caption("grad_output", ["X": m.outWeight != nil ? "y" : m.combineWeight != nil ? #"\tilde h"# : "c"]),
                             labels: Labels(rowHeader: sharedWords("label t"), rows: sequenceLabels(decP.tokens, count: m.targetSteps), columns: numberLabels(width)))
            for (t, x) in last.enumerated() { back.seed(x, g.row(t, "G_{\(t + 1)}")) }
        }
        let (once, said) = (SaidOnce(meanings: false), SaidOnce())
        tr.heading(w("heading decoder back"), level: 3)
        for t in stride(from: m.targetSteps, through: 1, by: -1) {
            let step = steps[t - 1]
            tr.section(.stepsBack, m.targetSteps + 1 - t, of: m.targetSteps, decP.stepHeading(t))
            if let l = step.loss { back.record(l, said(w, "loss[t].grad", ["T": "\(m.targetSteps)"])) }
            if let y = step.y { back.record(y, said(w, m.targets == nil ? "y[t].grad, given" : "y[t].grad")) }
            if let hTilde = step.hTilde { back.record(hTilde, said(w, m.outWeight == nil ? "h_tilde[t].grad, given" : "h_tilde[t].grad")) }
            if let joined = step.joined { back.record(joined, said(w, "cs[t].grad")) }
            back.record(step.c, said(w, m.combineWeight == nil ? "c[t].grad, given" : "c[t].grad"))
            back.record(step.alpha, said(w, "alpha[t].grad"))
            back.record(step.e, said(w, "e[t].grad, \(m.score)"))
            if let u = step.u { back.record(u, said(w, "u[t].grad")) }
            if let q = step.q { back.record(q, said(w, "q[t].grad")) }
            dec.1.stepBack(t, back, once: once)
        }
        tr.heading(w("heading memory back"), level: 3)
        if let keys { back.record(keys, w.caption("keys.grad")) }
        back.record(memory, w.caption("memory.grad"))
        tr.heading(w("heading encoder back"), level: 3)
        for i in stride(from: m.sourceSteps, through: 1, by: -1) {
            tr.section(.stepsBack, m.sourceSteps + 1 - i, of: m.sourceSteps, encP.stepHeading(i))
            enc.1.stepBack(i, back, once: once)
        }
        if let said = shortPathSaying(m, back: back, memory: memory, hs: enc.1.hs) { tr.say(said) }
        tr.heading(w("heading weight gradients"), level: 3)
        for (inputs, p) in [(dec.0, decP), (enc.0, encP)] {
            for weight in [inputs.wIh, inputs.wHh] { back.record(weight, said(w, "cell weight.grad")) }
            if p.bIh != nil { back.record(inputs.bIh, said(w, "cell weight.grad")) }
            if p.bHh != nil { back.record(inputs.bHh, said(w, "cell weight.grad")) }
        }
        for (value, key) in [(layers.wOut, "out.weight.grad"), (layers.bOut, "out.bias.grad"), (layers.wC, "combine.weight.grad"),
                             (layers.bC, "combine.bias.grad"), (layers.v, "attn.v.grad"), (layers.wA, "attn.weight.grad")] {
            if let value { back.record(value, w.caption(key)) }
        }
        back.record(target, w.caption("target.grad"))
        back.record(source, w.caption("source.grad"))
        tr.endBackward(back)
    }
}
