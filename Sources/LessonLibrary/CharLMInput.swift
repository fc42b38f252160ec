// char-lm's input: the text and its characters, the cell's state_dict under `rnn.`, the output
// layer `fc` (and an `embedding`), and what to generate. Read and checked here, so that CharLM.swift
// reads as the derivation.

import JSONFormat
import LessonInput
import TraceCore

/// What to generate after training: `length` characters from `start`, greedily or by sampling
/// from softmax(y/temperature) with SplitMix64(seed).
struct Generation {
    let start: Int              // index in the vocabulary, 0-based
    let length: Int
    let greedy: Bool
    let temperature: Double
    let seed: UInt64

    static let maxLength = 1_000
    static let fields = ["start", "length", "mode", "temperature", "seed"]
}

struct CharLMInput {
    let text: [Character]
    let vocab: [Character]
    /// "rnn", "lstm" or "gru".
    let cell: String
    let embedding: Matrix?      // V × E
    let fcWeight: Matrix        // V × H
    let fcBias: Vector?         // V
    /// The cell over the inputs text[1…n−1] (one-hot, or their rows of the embedding).
    let recurrent: RecurrentInput
    let generation: Generation?
    /// Whether the vocabulary was given (else the text's characters in order of appearance).
    let vocabGiven: Bool

    /// The vocabulary index of each character of the text.
    let indices: [Int]
    var steps: Int { text.count - 1 }
    var vocabSize: Int { vocab.count }
    var inputs: [Int] { Array(indices.dropLast()) }
    var targets: [Int] { Array(indices.dropFirst()) }

    /// The longest string a JSON input holds (JSONLimits.standard): 999 steps.
    static let maxText = JSONLimits.standard.stringLength
    static let cells = ["rnn", "lstm", "gru"]

    init(_ reader: inout InputReader) throws {
        let text = Array(try reader.required(reader.string("text", "the training text, at least 2 characters"), "text",
                                             "the training text, at least 2 characters"))
        guard text.count >= 2 else {
            throw reader.fail("text must have at least 2 characters (each step reads one and predicts the next), got \(text.count)")
        }
        try reader.expect(text.count, "the length of text", atMost: Self.maxText)
        // The vocabulary: given (a list of single characters, or a string of them), or the text's own.
        var vocab: [Character] = []
        vocabGiven = reader.peek("vocab") != nil
        if let given = reader.peek("vocab") {
            vocab = try Self.readVocab(&reader, given)
        } else {
            for c in text where !vocab.contains(c) { vocab.append(c) }
        }
        try reader.expect(vocab.count, "the vocabulary size", atMost: RecurrentInput.maxSize)
        var position: [Character: Int] = [:]
        for (j, c) in vocab.enumerated() {
            if let first = position[c] {
                throw reader.fail("vocab has “\(echoed(String(c)))” twice (entries \(first + 1) and \(j + 1)); each character once")
            }
            position[c] = j
        }
        indices = try text.enumerated().map { i, c in
            guard let j = position[c] else {
                throw reader.fail("text has “\(echoed(String(c)))” (character \(i + 1)), which is not in vocab; add it to vocab")
            }
            return j
        }
        let cell = try reader.choice("cell", Self.cells) ?? "rnn"
        let v = vocab.count
        let embedding = try reader.matrix("embedding.weight", "one row of numbers per character of the vocabulary, V × E")
        if let embedding {
            guard embedding.rows == v else {
                throw reader.fail("embedding.weight must have one row per character of the vocabulary = \(v) rows, got \(embedding.rows)")
            }
            try reader.expect(embedding.cols, "the embedding size (columns of embedding.weight)", atMost: RecurrentInput.maxSize)
        }
        // The inputs text[1…n−1]: one-hot over the vocabulary, or their rows of the embedding.
        let inputIndices = indices.dropLast()
        let x = embedding.map { e in Matrix(rows: inputIndices.count, cols: e.cols, entries: inputIndices.flatMap { e.row($0).entries }) }
            ?? Matrix(rows: inputIndices.count, cols: v, entries: inputIndices.flatMap { j in (0..<v).map { $0 == j ? 1.0 : 0 } })
        let gates = cell == "lstm" ? ["i", "f", "g", "o"] : cell == "gru" ? ["r", "z", "n"] : []
        let tokens = inputIndices.map { shown(vocab[$0]) }
        let cellState = cell == "lstm"
        var recurrent = try RecurrentInput(part: &reader, layout: .keyed(prefix: "rnn.", suffix: ""), x: x, tokens: tokens, gates: gates,
                                           inputSize: embedding == nil ? ("the vocabulary size V", v) : ("the embedding size E", x.cols)) { reader, h in
            let (h0, _) = try RecurrentInput.readState(&reader, "h0", "the initial hidden state", hidden: h, layers: 1)
            let c0 = cellState ? try RecurrentInput.readState(&reader, "c0", "the initial cell state", hidden: h, layers: 1).0 : nil
            return (h0, c0)
        }
        if embedding == nil { recurrent.inputNames = vocab.map(shown) }
        recurrent.share = { #"W_{fc}^{\top} \frac{\partial L}{\partial y_{\#($0)}}"# }
        self.recurrent = recurrent
        let h = recurrent.hidden
        fcWeight = try reader.requiredMatrix("fc.weight", "the output layer's weights, one row of hidden numbers per character: V × H")
        try reader.expect(fcWeight, "fc.weight", rows: ("the vocabulary size V", v), cols: ("hidden", h),
                          stored: "PyTorch's nn.Linear stores its weight out × in")
        fcBias = try reader.vector("fc.bias", "one number per character of the vocabulary")
        if let fcBias { try reader.expect(fcBias, "fc.bias", count: ("the vocabulary size V", v)) }
        generation = try Self.readGeneration(&reader, position: position, text: text)
        (self.text, self.vocab, self.cell, self.embedding) = (text, vocab, cell, embedding)
        // Per step the cell's products, then V × H for the scores; the generated steps again, each a
        // cell step and the scores. The trace holds the inputs (X or E, the cell's weights with both
        // biases, h0 and c0, fc's weight and bias), per step the cell's values (a, h: 2H; the LSTM's
        // a, i, f, g, o, c, h and the GRU's a^x, a^h, r, z, n, h: 10H) and y, p and ℓ, then L and the
        // perplexity; per generated step the cell's values, ŷ, p̂, the choice (and C and u when sampling).
        let (t, vd, hd, id) = (Double(text.count - 1), Double(v), Double(h), Double(x.cols))
        let generated = Double(generation?.length ?? 0)
        let blocks = Double(max(gates.count, 1))
        let cellWork = blocks * hd * (id + hd)
        let cellValues = gates.isEmpty ? 2 * hd : 10 * hd
        let inputs = Double(embedding?.entries.count ?? x.entries.count) + blocks * hd * (id + hd + 2) + hd * (cell == "lstm" ? 2 : 1) + vd * hd + vd
        let sampled = generation.map { !$0.greedy } ?? false
        try reader.expectWork(multiplyAdds: (t + generated) * (cellWork + vd * hd),
                              traceNumbers: inputs + t * (cellValues + 2 * vd + 1) + 2 + generated * (cellValues + 2 * vd + 1 + (sampled ? vd + 1 : 0)),
                              backwardNumbers: t * (cellWork + vd * hd))
    }

    /// `vocab`: a list of one-character strings, or one string of its characters.
    private static func readVocab(_ reader: inout InputReader, _ json: JSON) throws -> [Character] {
        let what = "the characters the model knows: a list of single characters, or a string of them"
        if case .string = json { return Array(try reader.string("vocab", what) ?? "") }
        guard let items = try reader.strings("vocab", what) else { return [] }
        return try items.enumerated().map { i, item in
            guard item.count == 1, let c = item.first else {
                throw reader.fail("vocab[\(i + 1)] must be a single character, got “\(echoed(item))” (\(item.count) characters)")
            }
            return c
        }
    }

    /// `generate`: an object of start, length, mode, temperature and seed, each optional.
    private static func readGeneration(_ reader: inout InputReader, position: [Character: Int], text: [Character]) throws -> Generation? {
        let what = "what to generate, an object such as {\"start\": \"h\", \"length\": 4, \"mode\": \"greedy\", \"temperature\": 1, \"seed\": 0}"
        guard let json = try reader.object("generate", what) else { return nil }
        guard case .object(let members) = json else { return nil }
        var fields: [String: JSON] = [:]
        for member in members {
            guard Generation.fields.contains(member.key) else {
                throw reader.fail("unknown field generate.\(echoed(member.key))" + suggestion(for: member.key, in: Generation.fields)
                    + "; the fields of generate are " + Generation.fields.joined(separator: ", "))
            }
            if fields[member.key] == nil { fields[member.key] = member.value }
        }
        func number(_ key: String, _ what: String) throws -> Double? {
            guard let value = fields[key] else { return nil }
            guard case .number(let x, _) = value else { throw reader.fail("generate.\(key) must be \(what), got \(value.kindDescription)") }
            return x
        }
        func whole(_ key: String, _ what: String, from low: Int, to high: Int) throws -> Int? {
            guard let x = try number(key, what) else { return nil }
            guard x == x.rounded(), x >= Double(low), x <= Double(high) else {
                throw reader.fail("generate.\(key) must be \(what), got \(fields[key]?.numberText ?? JSON.format(x))")
            }
            return Int(x)
        }
        var startIndex = position[text[0]] ?? 0
        if let start = fields["start"] {
            guard case .string(let s) = start else { throw reader.fail("generate.start must be one character of vocab, got \(start.kindDescription)") }
            guard s.count == 1, let c = s.first else {
                throw reader.fail("generate.start must be a single character, got “\(echoed(s))” (\(s.count) characters)")
            }
            guard let j = position[c] else { throw reader.fail("generate.start is “\(echoed(s))”, which is not in vocab; add it to vocab") }
            startIndex = j
        }
        let length = try whole("length", "a whole number from 1 to \(Generation.maxLength) (the characters to generate)", from: 1, to: Generation.maxLength) ?? 4
        var greedy = true
        if let mode = fields["mode"] {
            guard case .string(let word) = mode, ["greedy", "sample"].contains(word) else {
                let got = if case .string(let word) = mode { "“\(echoed(word))”" } else { mode.kindDescription }
                throw reader.fail("generate.mode must be \"greedy\" (the likeliest character) or \"sample\" (drawn from the softmax), got \(got)")
            }
            greedy = word == "greedy"
        }
        let temperature = try number("temperature", "a number above 0 (1 samples from the model's own softmax)") ?? 1
        guard temperature > 0 else {
            throw reader.fail("generate.temperature must be a number above 0 (1 samples from the model's own softmax), got \(fields["temperature"]?.numberText ?? JSON.format(temperature))")
        }
        // Whole numbers up to 2⁵³, which a JSON number holds exactly.
        let seedWhat = "a whole number from 0 to 2^53 (the seed of the SplitMix64 generator)"
        let seed = try whole("seed", seedWhat, from: 0, to: 1 << 53) ?? 0
        // A number above 2^53 written out in digits reads as a nearby double: refused, not rounded.
        if let text = fields["seed"]?.numberText, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), UInt64(text) != UInt64(seed) {
            throw reader.fail("generate.seed must be \(seedWhat), got \(echoed(text))")
        }
        return Generation(start: startIndex, length: length, greedy: greedy, temperature: temperature, seed: UInt64(seed))
    }
}

/// A character as a label shows it (the renderer escapes labels): a space as ␣.
func shown(_ c: Character) -> String { c == " " ? "␣" : String(c) }

/// A character in a sentence or a table the lesson writes itself: a space as ␣, control characters
/// as escapes, and what Markdown would read as markup escaped.
func said(_ c: Character) -> String { markdownText(shown(c)) }

extension RecurrentInput {
    /// The cell of a larger model (char-lm, birnn, seq2seq-attention): its weights under `layout`'s
    /// keys, one layer; `x` is the sequence it reads and `inputSize` says what its columns are;
    /// `states` reads its initial states (h0, and c0 for the LSTM) once the hidden size is known.
    init(part reader: inout InputReader, layout: WeightLayout, x: Matrix, tokens: [String]?, gates: [String], inputSize: (String, Int),
         states: (inout InputReader, _ hidden: Int) throws -> (h0: Vector?, c0: Vector?)) throws {
        self.layout = layout
        let (wIh, wHh, bIh, bHh, h) = try Self.readWeights(&reader, layout: layout, blocks: max(gates.count, 1), input: inputSize)
        let (h0, c0) = try states(&reader, h)
        (self.x, self.wIh, self.wHh, self.bIh, self.bHh, self.h0, self.c0) = (x, wIh, wHh, bIh, bHh, h0, c0)
        (upper, h0Rows, c0Rows, layer) = ([], nil, nil, 0)
        (self.tokens, self.gates, gradOutput, bpttSteps) = (tokens, gates, nil, nil)
        everyStepOneHot = x.rows > 1 && (0..<x.rows).allSatisfy { Self.oneHotColumn(x, $0) != nil }
    }

    /// This cell run on another sequence `x` (char-lm's generated characters): its steps named
    /// `gen.h[t]`, …, with hatted symbols, under `repeats`' headings.
    func generating(_ x: Matrix, tokens: [String], repeats: Repeats) -> RecurrentInput {
        var view = RecurrentInput(layer: 0, of: self, input: x)
        (view.namePrefix, view.mark, view.repeats) = ("gen.", .hat, repeats)
        view.tokens = tokens
        return view
    }
}
