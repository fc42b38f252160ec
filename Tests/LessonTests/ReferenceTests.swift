// Every named value of every recurrent lesson against PyTorch float64 (torch.nn.RNN, LSTM, GRU).
// The fixtures are made by Reference/make_reference.py and committed; CI needs no Python.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func readJSON(_ relativePath: String) throws -> JSON {
    let data = try Data(contentsOf: repositoryRoot.appendingPathComponent(relativePath))
    return try JSON.parse(Array(data))
}

struct ReferenceCase: CustomTestStringConvertible, Sendable {
    let lesson: String
    let name: String
    let input: JSON
    let values: [JSONMember]
    /// ∂L/∂name from torch.autograd, `output.backward(grad_output)`; empty when the case has none.
    let grads: [JSONMember]
    var testDescription: String { "\(lesson) \(name)" }
}

func referenceCases(_ lesson: String) -> [ReferenceCase] {
    guard let file = try? readJSON("Tests/LessonTests/Reference/\(lesson).json"),
          case .array(let cases)? = file["cases"] else { return [] }
    return cases.compactMap { c in
        guard case .string(let name)? = c["name"], let input = c["input"], case .object(let values)? = c["values"] else { return nil }
        var grads: [JSONMember] = []
        if case .object(let members)? = c["grads"] { grads = members }
        return ReferenceCase(lesson: lesson, name: name, input: input, values: values, grads: grads)
    }
}

/// Every number of a (nested) array; the strings "inf", "-inf" and "nan" stand for non-finite values.
func numbers(_ json: JSON) -> [Double] {
    switch json {
    case .number(let x, _): return [x]
    case .array(let items): return items.flatMap(numbers)
    case .string("inf"): return [.infinity]
    case .string("-inf"): return [-.infinity]
    case .string("nan"): return [.nan]
    default: return []
    }
}

/// The values SPEC names for a lesson, given the case's input.
func specNames(_ lesson: String, _ input: JSON) -> [String] {
    func rows(_ key: String) -> Int { if case .array(let r)? = input[key] { return r.count } else { return 0 } }
    switch lesson {
    case "rnn-unroll": return (1...rows("input")).flatMap { t in ["a", "h"].map { "\($0)[\(t)]" } }
    case "lstm-gates": return (1...rows("input")).flatMap { t in ["i", "f", "g", "o", "c", "h"].map { "\($0)[\(t)]" } }
    case "gru": return (1...rows("input")).flatMap { t in ["r", "z", "n", "h"].map { "\($0)[\(t)]" } }
    case "attention-qkv": return ["Q", "K", "V", "scores", "scaled", "weights", "output"]
    case "multi-head-attention":
        guard case .number(let h, _)? = input["num_heads"] else { return [] }
        return ["Q", "K", "V"] + (1...Int(h)).flatMap { k in ["scores", "weights", "output"].map { "head[\(k)].\($0)" } }
            + ["concat", "output", "weights"]
    case "positional-encoding": return ["PE"] + (input["x"] == nil ? [] : ["output"])
    case "layer-norm": return ["mean", "var", "normalized", "output"]
    case "vit-patches": return ["patches", "embeddings", "tokens", "output"]
    case "char-lm":
        guard case .string(let text)? = input["text"] else { return [] }
        let cell: [String]
        switch input["cell"] {
        case .string("lstm")?: cell = ["i", "f", "g", "o", "c", "h"]
        case .string("gru")?: cell = ["r", "z", "n", "h"]
        default: cell = ["h"]
        }
        let steps = (1..<text.count).flatMap { t in (cell + ["y", "p", "loss"]).map { "\($0)[\(t)]" } } + ["loss", "perplexity"]
        guard let generate = input["generate"] else { return steps }
        let length = generate["length"].flatMap { if case .number(let n, _) = $0 { return Int(n) } else { return nil } } ?? 4
        let sampled = generate["mode"] == .string("sample")
        return steps + (1...length).flatMap { k in (["y", "p", "next"] + (sampled ? ["u"] : [])).map { "gen.\($0)[\(k)]" } }
    case "bleu": return ["matches", "totals", "precisions", "bp", "bleu"]
    case "lr-warmup": return ["lr", "peak_step", "peak_lr"]
    case "norms": return ["batch", "layer", "instance", "group"].flatMap { n in ["mean", "var", "output"].map { "\(n).\($0)" } }
    case "birnn":
        return ["fwd.", "bwd."].flatMap { d in (1...rows("input")).flatMap { t in cellValues(input).map { "\(d)\($0)[\(t)]" } } } + ["output"]
    case "seq2seq-attention":
        let cell = cellValues(input)
        let encoder = (1...rows("source")).flatMap { i in cell.map { "enc.\($0)[\(i)]" } }
        let decoder = (1...rows("target")).flatMap { t in cell.map { "dec.\($0 == "h" ? "s" : $0)[\(t)]" } }
        let layers = (input["combine.weight"] == nil ? [] : ["h_tilde"]) + (input["out.weight"] == nil ? [] : ["y"])
        let attention = (1...rows("target")).flatMap { t in (["e", "alpha", "c"] + layers).map { "\($0)[\(t)]" } }
        return encoder + decoder + attention + (input["targets"] == nil ? [] : ["loss"])
    case "transformer-block", "decoder-block":
        guard case .number(let h, _)? = input["nhead"] else { return [] }
        let decoder = lesson == "decoder-block"
        let count = decoder ? 3 : 2
        func attention(_ prefix: String) -> [String] {
            ["Q", "K", "V"].map { prefix + $0 } + (1...Int(h)).flatMap { k in ["scores", "scaled", "weights", "output"].map { "\(prefix)head[\(k)].\($0)" } }
                + ["concat", "output", "weights"].map { prefix + $0 }
        }
        // Post-norm: add k then norm k (the last norm is the output); pre-norm: norm k then add k (the last add is the output).
        let preNorm = input["norm_first"] == .bool(true)
        let sums = (1...count).map { preNorm && $0 == count ? "output" : "add\($0)" }
        let norms = (1...count).map { !preNorm && $0 == count ? "output" : "norm\($0)" }
        let steps = (1...count).flatMap { k in ["mean", "var", "normalized"].map { "norm\(k).\($0)" } }
        return attention("self_attn.") + (decoder ? attention("cross_attn.") : []) + ["ff.linear1", "ff.hidden", "ff.output"] + sums + norms + steps
    default: return []
    }
}

/// The per-step values SPEC names for the cell an input's `cell` names (birnn, seq2seq-attention).
func cellValues(_ input: JSON) -> [String] {
    switch input["cell"] {
    case .string("lstm")?: return ["i", "f", "g", "o", "c", "h"]
    case .string("gru")?: return ["r", "z", "n", "h"]
    default: return ["h"]
    }
}

/// Every value of `fixture` recorded by `trace` and equal to 1e-9 (relative above 1); a non-finite one
/// exactly, NaN where the fixture has NaN.
func expectAgreement(_ trace: Trace, _ fixture: [JSONMember], _ reference: ReferenceCase, with source: String) throws {
    for member in fixture {
        let step = try #require(trace[member.key], "\(reference.lesson) \(reference.name) does not record \(member.key)")
        let (computed, expected) = (step.value.flat, numbers(member.value))
        #expect(computed.count == expected.count, "\(member.key): \(computed.count) values, \(source) has \(expected.count)")
        for (c, e) in zip(computed, expected) {
            let agrees = c.isFinite ? abs(c - e) <= 1e-9 * max(1, abs(e)) : c.isNaN ? e.isNaN : c == e
            #expect(agrees, "\(reference.name) \(member.key): \(c) vs \(source) \(e)")
        }
    }
}

@Suite struct ReferenceTests {
    static let lessons = Lessons.ids

    @Test(arguments: lessons)
    func fixturesCoverTheShapes(_ lesson: String) {
        let cases = referenceCases(lesson)
        #expect(cases.count >= 5, "fixtures for \(lesson) are missing or unreadable")
        // Among them the smallest shape (1 × 1, one step or one token).
        #expect(cases.contains { $0.name.contains("1-") || $0.name.hasSuffix("1") })
    }

    @Test(arguments: lessons.flatMap(referenceCases))
    func namedValuesAgreeWithPyTorch(_ reference: ReferenceCase) throws {
        let lesson = try #require(Lessons.named(reference.lesson))
        let trace = try lesson.trace(reference.input, file: reference.name, example: nil)
        #expect(!reference.values.isEmpty)
        try expectAgreement(trace, reference.values, reference, with: "PyTorch")
        // Every value the SPEC names is in the fixture (so none goes untested).
        let names = specNames(reference.lesson, reference.input)
        #expect(!names.isEmpty)
        for name in names { #expect(reference.values.contains { $0.key == name }, "fixture lacks \(name)") }
    }

    @Test(arguments: lessons.flatMap(referenceCases).filter { !$0.grads.isEmpty })
    func gradientsAgreeWithAutograd(_ reference: ReferenceCase) throws {
        let lesson = try #require(Lessons.named(reference.lesson))
        let trace = try lesson.run(reference.input, file: reference.name, example: nil, claims: nil, backward: true)
        try expectAgreement(trace, reference.grads, reference, with: "autograd")
        // No gradient autograd does not have, of a value the fixture has or an input: each one is
        // on the path to the loss and depends on a differentiable input, or it is not recorded.
        guard case .object(let inputs) = reference.input else { return }
        let known = Set(reference.values.map(\.key) + inputs.map(\.key))
        for step in trace.computedSteps where step.name.hasSuffix(".grad") && known.contains(String(step.name.dropLast(5))) {
            #expect(reference.grads.contains { $0.key == step.name }, "\(reference.name): \(step.name) is not a gradient autograd has")
        }
        // Every gradient check of the case passes; an output with a nan (layer norm's 0/0 with
        // eps = 0) makes the loss nan, and every central difference with it.
        #expect(!trace.gradientChecks.isEmpty)
        let lossIsNaN = trace["output"]?.value.flat.contains(where: \.isNaN) == true
        for check in trace.gradientChecks {
            #expect(lossIsNaN ? check.numeric.isNaN : check.relativeDifference < 1e-6, "\(reference.name) \(check.name): \(check.analytic) vs \(check.numeric)")
        }
    }
}
