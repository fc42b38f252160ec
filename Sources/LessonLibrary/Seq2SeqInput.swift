// seq2seq-attention's input: the source and target sequences, the encoder's and the decoder's
// cells (their state_dicts under `encoder.` and `decoder.`), the attention's score and weights,
// and the optional combine and output layers and targets. Read and checked here, so that
// Seq2Seq.swift reads as the derivation.

import JSONFormat
import LessonInput
import TraceCore

struct Seq2SeqInput {
    /// "rnn", "lstm" or "gru": the encoder's and the decoder's cell.
    let cell: String
    /// The encoder over the source (S × I, from a zero state) and the decoder over the target
    /// (T × I', from the encoder's last state).
    let encoder: RecurrentInput
    let decoder: RecurrentInput
    /// "dot", "general" or "concat".
    let score: String
    let attnWeight: Matrix?     // general: H × H; concat: H × 2H
    let attnV: Vector?          // concat: H
    let combineWeight: Matrix?  // H × 2H
    let combineBias: Vector?    // H
    let outWeight: Matrix?      // V × H
    let outBias: Vector?        // V
    /// The target classes, 0-based (given 1-based).
    let targets: [Int]?
    /// A label per output class (the target vocabulary's words), for tables and sentences.
    let classTokens: [String]?
    /// ∂L/∂X for the last value computed at each step, stacked T × its size (ones when not given).
    let gradOutput: Matrix?

    var sourceSteps: Int { encoder.steps }
    var targetSteps: Int { decoder.steps }
    var hidden: Int { encoder.hidden }
    var vocabSize: Int? { outWeight?.rows }

    static let cells = ["rnn", "lstm", "gru"]
    static let scores = ["dot", "general", "concat"]

    init(_ reader: inout InputReader) throws {
        cell = try reader.choice("cell", Self.cells) ?? "rnn"
        let gates = cell == "lstm" ? ["i", "f", "g", "o"] : cell == "gru" ? ["r", "z", "n"] : []
        let source = try reader.requiredMatrix("source", "the source sequence, one row of input numbers per position")
        try reader.expect(source.rows, "the source's length (rows of source)", atMost: RecurrentInput.maxSteps)
        try reader.expect(source.cols, "the source's width (columns of source)", atMost: RecurrentInput.maxSize)
        let target = try reader.requiredMatrix("target", "the decoder's inputs, one row per target step (teacher forcing)")
        try reader.expect(target.rows, "the target's length (rows of target)", atMost: RecurrentInput.maxSteps)
        try reader.expect(target.cols, "the target's width (columns of target)", atMost: RecurrentInput.maxSize)
        let sourceTokens = try reader.labels("source_tokens", count: source.rows, per: "source position (row of source)")
        let targetTokens = try reader.labels("target_tokens", count: target.rows, per: "target step (row of target)")
        // A sequence whose width is not what its cell reads is the sequence's fault, named as such.
        for (field, sequence, cell) in [("source", source, "encoder"), ("target", target, "decoder")] {
            if case .array(let rows)? = reader.peek("\(cell).weight_ih_l0"), case .array(let first)? = rows.first, first.count != sequence.cols {
                throw reader.fail("\(field) must have \(first.count) columns, the input size \(cell).weight_ih_l0 reads (its columns), got \(sequence.rows) × \(sequence.cols)")
            }
        }
        // The encoder starts from zeros; the decoder from the encoder's last state (no h0 of its own).
        var encoder = try RecurrentInput(part: &reader, layout: .keyed(prefix: "encoder.", suffix: ""), x: source, tokens: sourceTokens,
                                         gates: gates, inputSize: ("the source's width (columns of source)", source.cols)) { _, _ in (nil, nil) }
        let h = encoder.hidden
        let hh = "decoder.weight_hh_l0"
        if let given = reader.peek(hh), case .array(let rows) = given, case .array(let first)? = rows.first, first.count != h {
            throw reader.fail("\(hh) must have hidden = \(h) columns, the encoder's hidden size (the decoder starts from the encoder's last state), got \(first.count)")
        }
        var decoder = try RecurrentInput(part: &reader, layout: .keyed(prefix: "decoder.", suffix: ""), x: target, tokens: targetTokens,
                                         gates: gates, inputSize: ("the target's width (columns of target)", target.cols)) { _, _ in (nil, nil) }
        (encoder.namePrefix, encoder.tag, encoder.indexLetter) = ("enc.", "enc", "i")
        (decoder.namePrefix, decoder.tag, decoder.stateLetter, decoder.inputSuperscript) = ("dec.", "dec", "s", #"^{\text{dec}}"#)
        self.encoder = encoder
        self.decoder = decoder

        // The score and its weights.
        score = try reader.choice("score", Self.scores) ?? "dot"
        for field in ["attn.weight", "attn.v"] where reader.peek(field) != nil && (score == "dot" || (field == "attn.v" && score == "general")) {
            throw reader.fail("\(field) is not used by score \"\(score)\": \(field == "attn.v" ? "only \"concat\" has v" : "\"dot\" has no weights"); leave it out or choose another score")
        }
        switch score {
        case "general":
            let w = try reader.required(reader.matrix("attn.weight", "W_a of the score sᵀ W_a h, hidden × hidden"), "attn.weight",
                                        "W_a of the score sᵀ W_a h, hidden × hidden = \(h) × \(h) (score \"general\")")
            try reader.expect(w, "attn.weight", rows: ("hidden", h), cols: ("hidden", h))
            (attnWeight, attnV) = (w, nil)
        case "concat":
            let w = try reader.required(reader.matrix("attn.weight", "W_a of the score vᵀ tanh(W_a [s ; h]), hidden × 2·hidden"), "attn.weight",
                                        "W_a of the score vᵀ tanh(W_a [s ; h]), hidden × 2·hidden = \(h) × \(2 * h) (score \"concat\")")
            try reader.expect(w, "attn.weight", rows: ("hidden", h), cols: ("2·hidden", 2 * h), stored: "PyTorch's nn.Linear stores its weight out × in")
            let v = try reader.required(reader.vector("attn.v", "v of the score vᵀ tanh(W_a [s ; h]), hidden numbers"), "attn.v",
                                        "v of the score vᵀ tanh(W_a [s ; h]), hidden = \(h) numbers (score \"concat\")")
            try reader.expect(v, "attn.v", count: ("hidden", h))
            (attnWeight, attnV) = (w, v)
        default:
            (attnWeight, attnV) = (nil, nil)
        }

        // The combine layer h̃_t = tanh(W_c [c_t ; s_t] + b_c), the output layer, the targets.
        combineWeight = try reader.matrix("combine.weight", "W_c of h̃ = tanh(W_c [c ; s] + b_c), hidden × 2·hidden")
        if let w = combineWeight {
            try reader.expect(w, "combine.weight", rows: ("hidden", h), cols: ("2·hidden", 2 * h), stored: "PyTorch's nn.Linear stores its weight out × in")
        }
        combineBias = try reader.vector("combine.bias", "b_c, hidden numbers")
        if let b = combineBias {
            guard combineWeight != nil else { throw reader.fail("combine.bias needs combine.weight (hidden × 2·hidden = \(h) × \(2 * h)), which is not given") }
            try reader.expect(b, "combine.bias", count: ("hidden", h))
        }
        outWeight = try reader.matrix("out.weight", "W_out of y = W_out h̃ + b_out, V × hidden")
        if let w = outWeight {
            guard combineWeight != nil else { throw reader.fail("out.weight needs combine.weight (hidden × 2·hidden = \(h) × \(2 * h)): the output layer reads h̃_t") }
            guard w.cols == h, w.rows >= 1 else {
                throw reader.fail("out.weight must be V × hidden = V × \(h), one row per class of the output, got \(w.rows) × \(w.cols)")
            }
            try reader.expect(w.rows, "the number of classes (rows of out.weight)", atMost: RecurrentInput.maxSize)
        }
        outBias = try reader.vector("out.bias", "b_out, one number per class")
        if let b = outBias {
            guard let w = outWeight else { throw reader.fail("out.bias needs out.weight (V × hidden), which is not given") }
            try reader.expect(b, "out.bias", count: ("V (rows of out.weight)", w.rows))
        }
        targets = try Self.readTargets(&reader, steps: target.rows, classes: outWeight?.rows)
        if reader.peek("class_tokens") != nil && outWeight == nil {
            throw reader.fail("class_tokens needs out.weight (V × hidden): they label its rows, the output classes")
        }
        classTokens = try reader.labels("class_tokens", count: outWeight?.rows ?? 0, per: "output class (row of out.weight)")

        // ∂L/∂(the last value computed at each step): not with targets, which give the loss.
        gradOutput = try reader.matrix("grad_output", "∂L/∂X for the backward pass, one row per target step")
        if let g = gradOutput {
            if targets != nil { throw reader.fail("grad_output is not used with targets: the loss L is the mean cross-entropy, and ∂L/∂L = 1") }
            let (what, width) = outWeight.map { ("y_t: V", $0.rows) } ?? (combineWeight != nil ? ("h̃_t: hidden", h) : ("c_t: hidden", h))
            try reader.expect(g, "grad_output", rows: ("T (rows of target)", target.rows), cols: (what, width))
        }

        // Per encoder step the cell; per decoder step the cell, then S scores (concat: S rows of H
        // features) and the context, the combine and output layers. The trace holds the inputs, every
        // cell value (RNN 2H a step, LSTM and GRU 10H), M and the keys, and per decoder step e, α, c
        // (concat: q and U), [c ; s] and h̃, y and p, ℓ.
        let (s, t, hd, g) = (Double(source.rows), Double(target.rows), Double(h), Double(max(gates.count, 1)))
        let v = Double(outWeight?.rows ?? 0)
        let (i, i2) = (Double(source.cols), Double(target.cols))
        let (general, concat, combine, out, loss) = (score == "general", score == "concat", combineWeight != nil, outWeight != nil, targets != nil)
        func count(_ yes: Bool, _ x: Double) -> Double { yes ? x : 0 }
        let inputs = s * i + t * i2 + g * hd * (i + i2 + 2 * hd + 4) + count(general, hd * hd) + count(concat, 2 * hd * hd + hd)
            + count(combine, 2 * hd * hd + hd) + count(out, v * hd + v)
        let perStep = t * (2 * s + hd + count(concat, hd + s * hd) + count(combine, 3 * hd) + count(out, 2 * v) + count(loss, 1))
        let traced = inputs + (s + t) * (gates.isEmpty ? 2 : 10) * hd + s * hd + count(general || concat, s * hd)
            + perStep + count(loss, 1)
        let cellWork = g * hd * (hd + i) * s + g * hd * (hd + i2) * t
        let attentionWork = t * s * hd * (concat ? 3 : 2) + count(general || concat, s * hd * hd) + t * (count(combine, 2 * hd * hd) + v * hd)
        try reader.expectWork(multiplyAdds: cellWork + attentionWork, traceNumbers: traced, backwardNumbers: cellWork + attentionWork)
        // With --backward the gradient check reruns the model twice for each array given, each rerun
        // computing every value of the forward pass again (measured: 5 × 10⁷ numbers take about 2 s).
        let arrays = 2 + 2 * 2 + [encoder.bIh, encoder.bHh, decoder.bIh, decoder.bHh].compactMap { $0 }.count
            + [attnWeight != nil, attnV != nil, combineWeight != nil, combineBias != nil, outWeight != nil, outBias != nil].filter { $0 }.count
        let rerun = Double(2 * arrays) * traced
        let steps = 2 * arrays * (source.rows + target.rows + 6)
        if reader.backward && steps > RecurrentInput.maxCheckedCellSteps {
            throw reader.fail("with --backward, the gradient check reruns the model \(2 * arrays) times (twice for each of the \(arrays) arrays given), about \(steps) cell-steps (S + T + 6 a rerun), more than the limit of \(RecurrentInput.maxCheckedCellSteps); use fewer or shorter rows")
        }
        if reader.backward && rerun > Self.maxCheckedNumbers {
            func text(_ x: Double) -> String { String(format: "%.2e", x) }
            throw reader.fail("with --backward, the gradient check reruns the model \(2 * arrays) times (twice for each of the \(arrays) arrays given), about \(text(rerun)) numbers in all, more than the limit of \(text(Self.maxCheckedNumbers)); use fewer or shorter rows")
        }
    }

    /// The numbers the gradient check's reruns may compute in all (each rerun the whole forward pass).
    static let maxCheckedNumbers = 20_000_000.0

    /// The targets, 1-based in the input: one class per target step, within 1…V.
    static func readTargets(_ reader: inout InputReader, steps: Int, classes: Int?) throws -> [Int]? {
        guard let json = reader.json("targets") else { return nil }
        let what = "one class per target step, 1-based"
        guard let v = classes else { throw reader.fail("targets needs out.weight (V × hidden): the loss scores the output y_t") }
        guard case .array(let items) = json else { throw reader.fail("targets must be an array of \(steps) whole numbers (\(what)), got \(json.kindDescription)") }
        guard items.count == steps else { throw reader.fail("targets must have \(steps) entries (\(what)), one per row of target, got \(items.count)") }
        return try items.enumerated().map { k, item in
            guard case .number(let x, _) = item, x == x.rounded(), x >= 1, x <= Double(v) else {
                throw reader.fail("targets entry \(k + 1) must be a whole number from 1 to V = \(v) (a row of out.weight), got \(item.numberText ?? item.kindDescription)")
            }
            return Int(x) - 1
        }
    }
}
