// The documented limits (README "Limits") are the real ones: each size limit can be reached with
// everything else small and is refused one beyond; the work a lesson states is what its trace
// holds; the reader's limits cover every input a lesson accepts; and what an input echoes or asks
// a suggestion for stays short whatever its size. Work is counted, never timed.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore

/// A rows × cols matrix of small numbers, made without a clock or a random source.
private func matrix(_ rows: Int, _ cols: Int) -> JSON {
    func entry(_ r: Int, _ c: Int) -> JSON { .number(Double((r * 7 + c * 3) % 19 - 9) / 10) }
    return .array((0..<rows).map { r in JSON.array((0..<cols).map { c in entry(r, c) }) })
}

/// The lesson's typed input read from `json` (only the checks, no computing), and the work it stated.
private func stated(_ lesson: String, _ json: JSON) throws -> (multiplyAdds: Double, traceNumbers: Double) {
    var reader = try InputReader(json, file: "limits.json")
    switch lesson {
    case "rnn-unroll": _ = try RecurrentInput(&reader, gates: [], cellState: false)
    case "lstm-gates": _ = try RecurrentInput(&reader, gates: ["i", "f", "g", "o"], cellState: true)
    case "gru": _ = try RecurrentInput(&reader, gates: ["r", "z", "n"], cellState: false)
    case "attention-qkv": _ = try AttentionInput(&reader)
    case "multi-head-attention": _ = try MultiHeadInput(&reader)
    case "positional-encoding": _ = try PositionalInput(&reader)
    case "layer-norm": _ = try LayerNormInput(&reader)
    case "norms": _ = try NormsInput(&reader)
    case "char-lm": _ = try CharLMInput(&reader)
    case "seq2seq-attention": _ = try Seq2SeqInput(&reader)
    case "birnn": _ = try BiRNNInput(&reader)
    case "lr-warmup": _ = try LRWarmupInput(&reader)
    case "vit-patches": _ = try VitPatchesInput(&reader)
    case "transformer-block": _ = try BlockInput(&reader, decoder: false)
    case "decoder-block": _ = try BlockInput(&reader, decoder: true)
    default: throw LessonError(.usage, "no lesson \(lesson)")
    }
    return try #require(reader.statedWork)
}

/// seq2seq-attention over `source` × `target` rows of `width` numbers, cells of `hidden` units, with `extra` fields.
private func seq2seq(_ cell: String, source: Int, target: Int, width: Int = 1, hidden: Int, extra: [String: JSON] = [:]) -> JSON {
    let g = cell == "lstm" ? 4 : cell == "gru" ? 3 : 1
    var fields: [String: JSON] = ["cell": .string(cell), "source": matrix(source, width), "target": matrix(target, width),
                                  "encoder.weight_ih_l0": matrix(g * hidden, width), "encoder.weight_hh_l0": matrix(g * hidden, hidden),
                                  "decoder.weight_ih_l0": matrix(g * hidden, width), "decoder.weight_hh_l0": matrix(g * hidden, hidden)]
    for (k, v) in extra { fields[k] = v }
    return .object(fields.sorted { $0.key < $1.key }.map { JSONMember($0.key, $0.value) })
}

/// char-lm on `text` with a cell of `hidden` units (and an embedding of that width).
private func charLM(_ cell: String, text: String, vocab given: [Character]? = nil, hidden: Int, embedding: Int? = nil, generate: JSON? = nil) -> JSON {
    var vocab: [Character] = given ?? []
    for c in text where given == nil && !vocab.contains(c) { vocab.append(c) }
    let blocks = cell == "lstm" ? 4 : cell == "gru" ? 3 : 1
    var fields: [JSONMember] = [JSONMember("text", .string(text)), JSONMember("cell", .string(cell)),
                                JSONMember("rnn.weight_ih_l0", matrix(blocks * hidden, embedding ?? vocab.count)),
                                JSONMember("rnn.weight_hh_l0", matrix(blocks * hidden, hidden)), JSONMember("fc.weight", matrix(vocab.count, hidden))]
    if let embedding { fields.append(JSONMember("embedding.weight", matrix(vocab.count, embedding))) }
    if let given { fields.append(JSONMember("vocab", .strings(given.map(String.init)))) }
    if let generate { fields.append(JSONMember("generate", generate)) }
    return .object(fields)
}

private func recurrent(_ lesson: String, steps: Int, inputs: Int, hidden: Int) -> JSON {
    let stack = ["rnn-unroll": 1, "lstm-gates": 4, "gru": 3][lesson, default: 1] * hidden
    return .fields(["input": matrix(steps, inputs), "weight_ih_l0": matrix(stack, inputs), "weight_hh_l0": matrix(stack, hidden)])
}

/// birnn with a `cell` of `hidden` units a direction: both directions' weights, and `extra` fields.
private func birnn(_ cell: String, steps: Int, inputs: Int, hidden: Int, extra: [JSONMember] = []) -> JSON {
    let stack = ["lstm": 4, "gru": 3][cell, default: 1] * hidden
    return .object([JSONMember("cell", .string(cell)), JSONMember("input", matrix(steps, inputs))]
        + ["", "_reverse"].flatMap { s in [JSONMember("weight_ih_l0" + s, matrix(stack, inputs)), JSONMember("weight_hh_l0" + s, matrix(stack, hidden))] }
        + extra)
}

/// Just enough of a recurrent input for its sizes to be checked: they are, before the weights' rows.
private func recurrentSizes(steps: Int, inputs: Int, hidden: Int) -> JSON {
    .fields(["input": matrix(steps, inputs), "weight_ih_l0": matrix(1, 1), "weight_hh_l0": matrix(1, hidden)])
}

/// vit-patches on a `channels` × `height` × `width` image (H × W for `channels` nil) cut into `p` × `p` patches of `e` numbers, with `extra` fields.
private func vit(channels: Int?, height: Int, width: Int, p: Int = 1, e: Int = 1, extra: [JSONMember] = []) -> JSON {
    let image: JSON = channels.map { c in .array((0..<c).map { _ in matrix(height, width) }) } ?? matrix(height, width)
    let weight = JSON.array((0..<e).map { _ in .array((0..<(channels ?? 1)).map { _ in matrix(p, p) }) })
    return .object([JSONMember("image", image), JSONMember("patch_size", .number(Double(p))), JSONMember("conv_proj.weight", weight)] + extra)
}

/// A Transformer block of `tokens` rows of `width` numbers, `heads` heads, `hidden` feed-forward units;
/// a decoder block with `memory` rows; `extra` fields added.
private func block(tokens: Int, width: Int, heads: Int, hidden: Int, memory: Int? = nil, extra: [JSONMember] = []) -> JSON {
    let attention = ["self_attn."] + (memory == nil ? [] : ["multihead_attn."])
    return .object([JSONMember(memory == nil ? "src" : "tgt", matrix(tokens, width)), JSONMember("nhead", .number(Double(heads))),
                    JSONMember("linear1.weight", matrix(hidden, width)), JSONMember("linear2.weight", matrix(width, hidden))]
        + attention.flatMap { [JSONMember($0 + "in_proj_weight", matrix(3 * width, width)), JSONMember($0 + "out_proj.weight", matrix(width, width))] }
        + (memory.map { [JSONMember("memory", matrix($0, width))] } ?? []) + extra)
}

private func attention(tokens: Int, width: Int, causal: Bool = true) -> JSON {
    .fields(["x": matrix(tokens, width), "w_q": matrix(width, width), "w_k": matrix(width, width), "w_v": matrix(width, width),
             "causal": .bool(causal)])
}

private func multiHead(queries: Int, keys: Int? = nil, width: Int, heads: Int, causal: Bool = true) -> JSON {
    var fields: [JSONMember] = [JSONMember("query", matrix(queries, width)), JSONMember("num_heads", .number(Double(heads))),
                                JSONMember("in_proj_weight", matrix(3 * width, width)), JSONMember("out_proj.weight", matrix(width, width)),
                                JSONMember("causal", .bool(causal))]
    if let keys { fields += [JSONMember("key", matrix(keys, width)), JSONMember("value", matrix(keys, width))] }
    return .object(fields)
}

@Suite struct LimitsTests {
    /// One input at a size limit with everything else as small as it goes, and the message one beyond it.
    struct Reach: Sendable, CustomTestStringConvertible {
        let lesson: String
        let atLimit: @Sendable () -> JSON
        let beyond: @Sendable () -> JSON
        let message: String
        var testDescription: String { "\(lesson): \(message)" }
    }

    static let steps = RecurrentInput.maxSteps, size = RecurrentInput.maxSize
    static let tokens = AttentionLimits.maxTokens, width = AttentionLimits.maxWidth
    static let reaches: [Reach] = ["rnn-unroll", "lstm-gates", "gru"].flatMap { lesson in [
        Reach(lesson: lesson, atLimit: { recurrent(lesson, steps: steps, inputs: 1, hidden: 1) },
              beyond: { recurrentSizes(steps: steps + 1, inputs: 1, hidden: 1) },
              message: "the number of time steps (rows of input) is \(steps + 1), more than the limit of \(steps)"),
        Reach(lesson: lesson, atLimit: { recurrent(lesson, steps: 1, inputs: size, hidden: 1) },
              beyond: { recurrentSizes(steps: 1, inputs: size + 1, hidden: 1) },
              message: "the input size (columns of input) is \(size + 1), more than the limit of \(size)"),
        Reach(lesson: lesson, atLimit: { recurrent(lesson, steps: 1, inputs: 1, hidden: size) },
              beyond: { recurrentSizes(steps: 1, inputs: 1, hidden: size + 1) },
              message: "the hidden size (columns of weight_hh_l0) is \(size + 1), more than the limit of \(size)"),
    ] } + [
        Reach(lesson: "attention-qkv", atLimit: { attention(tokens: tokens, width: 1) }, beyond: { attention(tokens: tokens + 1, width: 1) },
              message: "the number of tokens (rows of x) is \(tokens + 1), more than the limit of \(tokens)"),
        Reach(lesson: "attention-qkv", atLimit: { attention(tokens: 1, width: width) }, beyond: { attention(tokens: 1, width: width + 1) },
              message: "d_model (columns of x) is \(width + 1), more than the limit of \(width)"),
        Reach(lesson: "multi-head-attention", atLimit: { multiHead(queries: tokens, width: 1, heads: 1) },
              beyond: { multiHead(queries: tokens + 1, width: 1, heads: 1) },
              message: "the number of query tokens (rows of query) is \(tokens + 1), more than the limit of \(tokens)"),
        Reach(lesson: "multi-head-attention", atLimit: { multiHead(queries: 1, keys: tokens, width: 1, heads: 1) },
              beyond: { multiHead(queries: 1, keys: tokens + 1, width: 1, heads: 1) },
              message: "the number of key tokens (rows of key) is \(tokens + 1), more than the limit of \(tokens)"),
        Reach(lesson: "multi-head-attention", atLimit: { multiHead(queries: 1, width: width, heads: width) },
              beyond: { multiHead(queries: 1, width: width + 1, heads: 1) },
              message: "the embedding size E (columns of query) is \(width + 1), more than the limit of \(width)"),
        Reach(lesson: "positional-encoding", atLimit: { .fields(["positions": .number(10_000), "d_model": .number(1), "x": matrix(10_000, 1)]) },
              beyond: { .fields(["positions": .numbers((0...10_000).map(Double.init)), "d_model": .number(1)]) },
              message: "the number of positions is 10001, more than the limit of 10000"),
        Reach(lesson: "positional-encoding", atLimit: { .fields(["positions": .number(1), "d_model": .number(4_096), "x": matrix(1, 4_096)]) },
              beyond: { .fields(["positions": .number(1), "d_model": .number(4_097)]) },
              message: "d_model is 4097, more than the limit of 4096"),
        Reach(lesson: "layer-norm", atLimit: { .fields(["input": matrix(4_096, 1)]) }, beyond: { .fields(["input": matrix(4_097, 1)]) },
              message: "the number of rows of input is 4097, more than the limit of 4096"),
        Reach(lesson: "layer-norm", atLimit: { .fields(["input": matrix(1, 4_096)]) }, beyond: { .fields(["input": matrix(1, 4_097)]) },
              message: "the number of columns of input is 4097, more than the limit of 4096"),
        Reach(lesson: "norms", atLimit: { .fields(["input": .array([matrix(1, Norms.maxEntries)])]) },
              beyond: { .fields(["input": .array([matrix(1, Norms.maxEntries + 1)])]) },
              message: "the number of entries of input (B·T·D) is \(Norms.maxEntries + 1), more than the limit of \(Norms.maxEntries)"),
        Reach(lesson: "norms", atLimit: { .fields(["input": .array([matrix(Norms.maxTokens, 1)])]) },
              beyond: { .fields(["input": .array([matrix(Norms.maxTokens / 2 + 1, 1), matrix(Norms.maxTokens / 2 + 1, 1)])]) },
              message: "the number of tokens of input (B·T) is \(Norms.maxTokens + 2), more than the limit of \(Norms.maxTokens)"),
        Reach(lesson: "vit-patches", atLimit: { vit(channels: 64, height: 1, width: 1) }, beyond: { vit(channels: 65, height: 1, width: 1) },
              message: "the number of channels of image is 65, more than the limit of 64"),
        Reach(lesson: "vit-patches", atLimit: { vit(channels: nil, height: 1_024, width: 1) }, beyond: { vit(channels: nil, height: 1_025, width: 1) },
              message: "the height of image is 1025, more than the limit of 1024"),
        Reach(lesson: "vit-patches", atLimit: { vit(channels: 1, height: 1, width: 1_024) }, beyond: { vit(channels: 1, height: 1, width: 1_025) },
              message: "the width of image is 1025, more than the limit of 1024"),
        Reach(lesson: "vit-patches", atLimit: { vit(channels: nil, height: 1, width: 1, e: 1_024) }, beyond: { vit(channels: nil, height: 1, width: 1, e: 1_025) },
              message: "E (the first axis of conv_proj.weight) is 1025, more than the limit of 1024"),
        Reach(lesson: "birnn", atLimit: { birnn("rnn", steps: steps, inputs: 1, hidden: 1) },
              beyond: { birnn("rnn", steps: steps + 1, inputs: 1, hidden: 1) },
              message: "the number of time steps (rows of input) is \(steps + 1), more than the limit of \(steps)"),
        Reach(lesson: "birnn", atLimit: { birnn("lstm", steps: 1, inputs: size, hidden: 1) },
              beyond: { birnn("lstm", steps: 1, inputs: size + 1, hidden: 1) },
              message: "the input size (columns of input) is \(size + 1), more than the limit of \(size)"),
        Reach(lesson: "birnn", atLimit: { birnn("rnn", steps: 1, inputs: 1, hidden: size) },
              beyond: { birnn("rnn", steps: 1, inputs: 1, hidden: size + 1) },
              message: "the hidden size (columns of weight_hh_l0) is \(size + 1), more than the limit of \(size)"),
        Reach(lesson: "char-lm", atLimit: { charLM("rnn", text: String(repeating: "ab", count: 500), hidden: 1) },
              beyond: { charLM("rnn", text: String(repeating: "ab", count: 500) + "a", hidden: 1) },
              message: "the length of text is 1001, more than the limit of 1000"),
        Reach(lesson: "char-lm", atLimit: { charLM("rnn", text: "一丁", vocab: (0..<1_024).map { Character(UnicodeScalar(0x4E00 + $0)!) }, hidden: 1) },
              beyond: { charLM("rnn", text: "一丁", vocab: (0..<1_025).map { Character(UnicodeScalar(0x4E00 + $0)!) }, hidden: 1) },
              message: "the vocabulary size is 1025, more than the limit of 1024"),
        Reach(lesson: "char-lm", atLimit: { charLM("rnn", text: "ab", hidden: size) }, beyond: { charLM("rnn", text: "ab", hidden: size + 1) },
              message: "the hidden size (columns of rnn.weight_hh_l0) is \(size + 1), more than the limit of \(size)"),
        Reach(lesson: "char-lm", atLimit: { charLM("rnn", text: "ab", hidden: 1, generate: .fields(["length": .number(1_000)])) },
              beyond: { charLM("rnn", text: "ab", hidden: 1, generate: .fields(["length": .number(1_001)])) },
              message: "generate.length must be a whole number from 1 to 1000 (the characters to generate), got 1001"),
        Reach(lesson: "seq2seq-attention", atLimit: { seq2seq("rnn", source: 2_048, target: 1, hidden: 1) },
              beyond: { seq2seq("rnn", source: 2_049, target: 1, hidden: 1) },
              message: "the source's length (rows of source) is 2049, more than the limit of 2048"),
        Reach(lesson: "seq2seq-attention", atLimit: { seq2seq("rnn", source: 1, target: 2_048, hidden: 1) },
              beyond: { seq2seq("rnn", source: 1, target: 2_049, hidden: 1) },
              message: "the target's length (rows of target) is 2049, more than the limit of 2048"),
        Reach(lesson: "seq2seq-attention", atLimit: { seq2seq("rnn", source: 1, target: 1, width: size, hidden: 1) },
              beyond: { seq2seq("rnn", source: 1, target: 1, width: size + 1, hidden: 1) },
              message: "the source's width (columns of source) is \(size + 1), more than the limit of \(size)"),
        Reach(lesson: "seq2seq-attention", atLimit: { seq2seq("rnn", source: 1, target: 1, hidden: size) },
              beyond: { seq2seq("rnn", source: 1, target: 1, hidden: size + 1) },
              message: "the hidden size (columns of encoder.weight_hh_l0) is \(size + 1), more than the limit of \(size)"),
        Reach(lesson: "seq2seq-attention", atLimit: { seq2seq("rnn", source: 1, target: 1, hidden: 1, extra: [
                  "combine.weight": matrix(1, 2), "out.weight": matrix(size, 1)]) },
              beyond: { seq2seq("rnn", source: 1, target: 1, hidden: 1, extra: ["combine.weight": matrix(1, 2), "out.weight": matrix(size + 1, 1)]) },
              message: "the number of classes (rows of out.weight) is \(size + 1), more than the limit of \(size)"),
        Reach(lesson: "lr-warmup", atLimit: { .fields(["steps": .numbers((1...LRWarmup.maxSteps).map(Double.init))]) },
              beyond: { .fields(["steps": .numbers((1...(LRWarmup.maxSteps + 1)).map(Double.init))]) },
              message: "the number of steps is \(LRWarmup.maxSteps + 1), more than the limit of \(LRWarmup.maxSteps)"),
    ]

    @Test(arguments: reaches)
    func eachSizeLimitIsReachedAndHeld(_ reach: Reach) throws {
        // At the limit the work limits do not bite; one beyond, the size limit names itself.
        let work = try stated(reach.lesson, reach.atLimit())
        #expect(work.multiplyAdds <= InputReader.maxMultiplyAdds && work.traceNumbers <= InputReader.maxTraceNumbers)
        let error = try #require(throws: LessonError.self) { try stated(reach.lesson, reach.beyond()) }
        #expect(error == LessonError(.data, "limits.json: " + reach.message))
    }

    @Test func theWorkLimitsNameThemselves() throws {
        // Both limits at once: a square of sizes at their limits asks too much.
        let madds = try #require(throws: LessonError.self) { try stated("rnn-unroll", recurrent("rnn-unroll", steps: 100, inputs: 1_024, hidden: 1_024)) }
        #expect(madds.message == "limits.json: this input needs about 2.10e+08 multiply-adds, more than the limit of 2.00e+08; use fewer or smaller rows")
        let numbers = try #require(throws: LessonError.self) { try stated("layer-norm", .fields(["input": matrix(4_096, 305)])) }
        #expect(numbers.message == "limits.json: this input's trace would hold about 5.01e+06 numbers, more than the limit of 5.00e+06; use fewer or smaller rows")
        #expect(try stated("layer-norm", .fields(["input": matrix(4_096, 304)])).traceNumbers <= InputReader.maxTraceNumbers)
    }

    @Test func vitPatchesBackwardBoundsTheGradientChecksReruns() throws {
        // A 224 × 224 RGB image in 16 × 16 patches with every array given: E = 66 is within 10⁸
        // multiply-adds over the check's 10 reruns, E = 67 is not.
        func input(_ e: Int) -> JSON {
            vit(channels: 3, height: 224, width: 224, p: 16, e: e, extra: [
                JSONMember("conv_proj.bias", .numbers((0..<e).map { Double($0 % 5) / 10 })), JSONMember("class_token", .numbers(Array(repeating: 0.5, count: e))),
                JSONMember("pos_embedding", matrix(197, e))])
        }
        func read(_ json: JSON, backward: Bool) throws {
            var reader = try InputReader(json, file: "limits.json", backward: backward)
            _ = try VitPatchesInput(&reader)
        }
        try read(input(66), backward: true)
        try read(input(67), backward: false)
        let error = try #require(throws: LessonError.self) { try read(input(67), backward: true) }
        #expect(error.message == "limits.json: with --backward, the gradient check reruns the forward pass 10 times (twice for each of the 5 arrays given), about 1.01e+08 multiply-adds in all, more than the limit of 1.00e+08; use a smaller image, fewer channels or a smaller E")
        // With the image and the weight alone, 4 reruns: E = 67 is checked.
        try read(vit(channels: 3, height: 224, width: 224, p: 16, e: 67), backward: true)
    }

    /// Inputs of every lesson, with its options: (lesson, input).
    static let shapes: [(String, JSON)] = ["rnn-unroll", "lstm-gates", "gru"].flatMap { lesson in
        [(lesson, recurrent(lesson, steps: 5, inputs: 3, hidden: 2)), (lesson, recurrent(lesson, steps: 1, inputs: 1, hidden: 4))]
    } + [
        ("gru", JSON.fields(["input": matrix(3, 2), "weight_ih_l0": matrix(9, 2), "weight_hh_l0": matrix(9, 3), "reset": .string("before"),
                             "h0": .numbers([1, 0, -1]), "bias_hh_l0": .numbers(Array(repeating: 0.5, count: 9))])),
        ("attention-qkv", attention(tokens: 4, width: 3)), ("attention-qkv", attention(tokens: 5, width: 2, causal: false)),
        ("attention-qkv", JSON.fields(["x": matrix(3, 4), "w_q": matrix(4, 2), "w_k": matrix(4, 2), "w_v": matrix(4, 5)])),
        ("multi-head-attention", multiHead(queries: 3, width: 4, heads: 2)),
        ("multi-head-attention", multiHead(queries: 2, keys: 5, width: 6, heads: 3, causal: false)),
        ("positional-encoding", JSON.fields(["positions": .number(7), "d_model": .number(5)])),
        ("positional-encoding", JSON.fields(["positions": .numbers([0, 3, 9]), "d_model": .number(4), "x": matrix(3, 4)])),
        ("layer-norm", JSON.fields(["input": matrix(3, 5)])),
        ("layer-norm", JSON.fields(["input": matrix(2, 4), "weight": .numbers([1, 2, 3, 4]), "variance": .string("unbiased")])),
        ("norms", JSON.fields(["input": .array([matrix(3, 4), matrix(3, 4)])])),
        ("norms", JSON.fields(["input": .array([matrix(2, 6), matrix(2, 6), matrix(2, 6)]), "groups": .number(3), "eps": .number(0.1)])),
        ("vit-patches", vit(channels: nil, height: 4, width: 6, p: 2, e: 3)),
        ("vit-patches", vit(channels: 3, height: 3, width: 3, p: 3, e: 2, extra: [JSONMember("conv_proj.bias", .numbers([1, 2])),
                                                                                  JSONMember("class_token", .array([.array([.numbers([1, 2])])])),
                                                                                  JSONMember("pos_embedding", matrix(2, 2))])),
        ("birnn", birnn("rnn", steps: 4, inputs: 3, hidden: 2)),
        ("birnn", birnn("lstm", steps: 3, inputs: 2, hidden: 2, extra: [JSONMember("h0", matrix(2, 2)), JSONMember("c0", matrix(2, 2)),
                                                                      JSONMember("bias_ih_l0", .numbers(Array(repeating: 0.1, count: 8)))])),
        ("birnn", birnn("gru", steps: 1, inputs: 1, hidden: 3, extra: [JSONMember("tokens", .strings(["one"]))])),
        ("char-lm", charLM("rnn", text: "hello", hidden: 2)),
        ("char-lm", charLM("lstm", text: "abcab", hidden: 3, embedding: 2, generate: .fields(["mode": .string("sample"), "length": .number(7)]))),
        ("char-lm", charLM("gru", text: "xyzzy", hidden: 2, generate: .fields(["length": .number(5), "temperature": .number(0.5)]))),
        ("char-lm", charLM("rnn", text: "ab", hidden: 1, embedding: 3, generate: .fields(["start": .string("b"), "mode": .string("sample"), "temperature": .number(2)]))),
        ("seq2seq-attention", seq2seq("rnn", source: 3, target: 2, width: 2, hidden: 2)),
        ("seq2seq-attention", seq2seq("lstm", source: 2, target: 3, hidden: 3, extra: ["score": .string("general"), "attn.weight": matrix(3, 3),
                                                                                       "combine.weight": matrix(3, 6)])),
        ("seq2seq-attention", seq2seq("gru", source: 4, target: 2, width: 3, hidden: 2, extra: [
            "score": .string("concat"), "attn.weight": matrix(2, 4), "attn.v": .numbers([1, -1]), "combine.weight": matrix(2, 4),
            "combine.bias": .numbers([0.1, 0.2]), "out.weight": matrix(5, 2), "targets": .numbers([1, 5])])),
        ("lr-warmup", JSON.fields([:])),
        ("lr-warmup", JSON.fields(["d_model": .number(4), "warmup_steps": .number(3), "steps": .numbers([5, 1, 3, 3])])),
        ("transformer-block", block(tokens: 3, width: 4, heads: 2, hidden: 6)),
        ("transformer-block", block(tokens: 5, width: 6, heads: 3, hidden: 2, extra: [JSONMember("causal", .bool(true)), JSONMember("norm_first", .bool(true)),
                                                                                     JSONMember("linear1.bias", .numbers([0.1, 0.2]))])),
        ("decoder-block", block(tokens: 3, width: 4, heads: 2, hidden: 5, memory: 2)),
        ("decoder-block", block(tokens: 1, width: 2, heads: 1, hidden: 1, memory: 4, extra: [JSONMember("tgt_causal", .bool(false)),
                                                                                             JSONMember("norm3.weight", .numbers([1, 2]))])),
    ]

    @Test func theStatedTraceNumbersAreWhatTheTraceHolds() throws {
        for (id, input) in Self.shapes {
            let lesson = try #require(Lessons.named(id))
            let trace = try lesson.trace(input, file: "limits.json", example: nil)
            // Every input, constant and computed value the trace keeps.
            let held = Double(trace.numberCount)
            #expect(try stated(id, input).traceNumbers == held, "\(id) \(input.rendered())")
        }
    }

    @Test func theReaderHoldsEveryInputALessonAccepts() {
        // Every number of an accepted input is in its trace, so the value limit is above the
        // trace limit with room for rows (at most 10,000 per matrix), labels and keys.
        let limits = JSONLimits.standard
        #expect(Double(limits.values) >= InputReader.maxTraceNumbers + 100_000)
        let longestArray = [RecurrentInput.maxSteps, 4 * RecurrentInput.maxSize, AttentionLimits.maxTokens, 3 * AttentionLimits.maxWidth,
                            PositionalEncoding.maxPositions, PositionalEncoding.maxWidth, LayerNorm.maxRows, LayerNorm.maxWidth, VitPatches.maxSide,
                            VitPatches.maxWidth, ClaimSet.maxClaims, LRWarmup.maxSteps]
        #expect(limits.arrayElements >= longestArray.max() ?? 0)
        // The longest names a lesson knows and labels from the examples fit the string limit.
        #expect(limits.stringLength >= 1_000 && limits.objectMembers >= 100)
    }
}

@Suite struct EchoTests {
    func error(_ body: () throws -> Void) -> LessonError? {
        do { try body(); return nil } catch { return error as? LessonError }
    }

    @Test func aHugeUnknownKeyGivesAShortOneLineError() throws {
        // Built in code, past the reader's string limit: the message cuts the key and asks no
        // suggestion of it.
        let key = String(repeating: "k", count: 1_000_000) + "\n"
        let message = try #require(error { _ = try LayerNorm.trace(.object([JSONMember("input", matrix(1, 2)), JSONMember(key, .number(1))]),
                                                                  file: "big.json", example: nil) }).message
        #expect(message.hasPrefix("big.json: unknown field \"\(String(repeating: "k", count: 80))…(1000001 characters)\"; the fields are input"))
        #expect(message.count < 300 && !message.contains("\n"), "\(message.count) characters")
        // A missing field with a huge misspelling beside it.
        let missing = try #require(error { _ = try LayerNorm.trace(.object([JSONMember(key, matrix(1, 2))]), file: "big.json", example: nil) }).message
        #expect(missing.count < 300 && !missing.contains("\n"), "\(missing.count) characters")
    }

    @Test func hugeClaimTextIsShortened() throws {
        let trace = try LayerNorm.trace(LayerNorm.examples[0].input, file: "x", example: nil)
        let name = String(repeating: "v", count: 100_000)
        let claims = ClaimSet(source: "s", claims: [Claim(value: name, at: [1], expected: 1, written: "1", tolerance: 0.5)])
        let unknown = try #require(error { try trace.check(claims, file: "c.json") }).message
        #expect(unknown.hasPrefix("c.json: claims[1] names \"\(String(repeating: "v", count: 80))…(100000 characters)\", which layer-norm does not compute"))
        #expect(unknown.count < 300)
        let written = String(repeating: "9", count: 100_000) + "x"
        let expected = try #require(error {
            _ = try ClaimSet(.fields(["claims": .array([.fields(["value": .string("var"), "expected": .string(written)])])]), file: "c.json")
        }).message
        #expect(expected.count < 300 && expected.hasSuffix("…(100001 characters)\""), "\(expected.suffix(40))")
    }

    @Test func echoedTextIsCutAfter80Characters() {
        #expect(echoed(String(repeating: "a", count: 80)) == String(repeating: "a", count: 80))
        #expect(echoed(String(repeating: "é", count: 81)) == String(repeating: "é", count: 80) + "…(81 characters)")
        #expect(echoed("a\nb") == "a\\nb")
    }
}

@Suite struct SuggestionTests {
    @Test func suggestsWithinTheAllowedEdits() {
        #expect(closest(to: "weigth_ih_l0", in: ["weight_ih_l0", "weight_hh_l0"]) == "weight_ih_l0")
        #expect(closest(to: "INPUT", in: ["input", "tokens"]) == "input")
        #expect(closest(to: "xyz", in: ["input", "tokens"]) == nil)
        #expect(closest(to: "", in: ["ab", "abcd"]) == "ab")
    }

    @Test func comparesNamesOfAtMost200Characters() {
        // One edit apart either way; beyond 200 characters no name is a typo, so no edit distance is computed.
        let name = String(repeating: "ab", count: 100)
        #expect(closest(to: name + "c", in: [name + "d", "x"]) == nil)
        #expect(closest(to: String(name.dropLast()) + "c", in: [String(name.dropLast()) + "d"]) == String(name.dropLast()) + "d")
        #expect(closest(to: name, in: [name + "x"]) == nil)
        // A candidate too short or too long for the allowed edits (3 here) is skipped, as its distance would be.
        #expect(closest(to: "abcdefghij", in: ["abcdef", "abcdefghijklmn"]) == nil)
        #expect(closest(to: "abcdefghij", in: ["abcdefgh", "abcdefghijkl"]) == "abcdefgh")
    }
}

@Suite struct ClaimLookupTests {
    @Test func aNameFindsTheFirstComputedValue() throws {
        let trace = try LayerNorm.trace(LayerNorm.examples[0].input, file: "x", example: nil)
        #expect(trace["input"] == nil)                          // an input, not a computed value
        #expect(trace["mean"]?.name == "mean" && trace["mean"]?.isInput == false)
        #expect(trace["nothing"] == nil)
    }

    @Test func nearbyEntriesAgreeWithAScan() {
        // Enough searches in one value that it is sorted, on entries with repeats, infinities and NaN.
        var random = SplitMix64(state: 42)
        let specials: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, 1e308, -1e308]
        let flat = (0..<500).map { _ in random.below(10) == 0 ? specials[random.below(specials.count)] : Double(random.below(41) - 20) / 4 }
        let trace = Trace(lesson: "t", title: "t", example: "e")
        trace.record("v", "v", Traced(.vector(Vector(flat)), Recorded(id: 0, symbol: "v", isInput: true)), title: "", meaning: "")
        let nearby = NearbyEntries(trace)
        let tolerances: [Double] = [0, 0.1, 0.25, 1, 3, 1e308, .infinity]
        for search in 0..<(NearbyEntries.scansBeforeSorting + 400) {
            let expected = search % 50 == 0 ? 1e308 : Double(random.below(61) - 30) / 5
            let tolerance = tolerances[random.below(tolerances.count)]
            let excluded = random.below(flat.count + 1) - 1
            let scan = flat.indices.first { $0 != excluded && abs(flat[$0] - expected) <= tolerance }
            #expect(nearby.first(in: "v", near: expected, tolerance: tolerance, excluding: excluded) == scan,
                    "search \(search): \(expected) ± \(tolerance) excluding \(excluded)")
        }
        #expect(nearby.first(in: "missing", near: 0, tolerance: 1, excluding: 0) == nil)
    }

    @Test func claimsAreLimited() throws {
        let one = JSON.fields(["value": .string("var"), "expected": .number(1)])
        let error = try #require(throws: LessonError.self) {
            try ClaimSet(.fields(["claims": .array(Array(repeating: one, count: ClaimSet.maxClaims + 1))]), file: "c.json")
        }
        #expect(error.message == "c.json: claims holds 1001 claims, more than the limit of 1000")
        #expect(try ClaimSet(.fields(["claims": .array(Array(repeating: one, count: ClaimSet.maxClaims))]), file: "c.json").claims.count == 1_000)
    }
}
