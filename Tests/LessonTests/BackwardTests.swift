// The backward pass (`--backward`) as a whole: every example of every lesson runs it without a
// mistake in the order of its gradients, every gradient check passes, the JSON trace lists the
// gradients after the forward values, the seed's toy shows its chain of factors, the vanishing
// examples show the RNN's gradient fading where the LSTM's does not, and bad input for the new
// fields gets one error line. (The gradients themselves are compared with torch.autograd in
// ReferenceTests.)

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

struct ExampleCase: CustomTestStringConvertible, Sendable {
    let lesson: String
    let example: String
    var testDescription: String { "\(lesson) \(example)" }
}

@Suite struct BackwardTests {
    static let examples = Lessons.all.filter { $0.learns }.flatMap { lesson in
        // Positional encoding without x has nothing to differentiate; BLEU has nothing to learn.
        lesson.examples.filter { lesson.id != "positional-encoding" || $0.input["x"] != nil }.map { ExampleCase(lesson: lesson.id, example: $0.name) }
    }

    func run(_ c: ExampleCase) throws -> Trace {
        let lesson = try #require(Lessons.named(c.lesson))
        let example = try #require(lesson.examples.first { $0.name == c.example })
        return try lesson.run(example.input, file: example.file, example: example, claims: nil, backward: true)
    }

    @Test(arguments: examples)
    func everyExampleRunsBackwardAndItsGradientsCheck(_ c: ExampleCase) throws {
        let trace = try run(c)
        #expect(trace.backwardProblems.isEmpty, "\(trace.backwardProblems)")
        #expect(!trace.gradientChecks.isEmpty)
        for check in trace.gradientChecks {
            #expect(check.relativeDifference < 1e-6, "\(check.name): backward \(check.analytic), central difference \(check.numeric)")
        }
        // Every gradient is finite, and named after a value or input of the forward pass.
        let gradients = trace.computedSteps.filter { $0.name.hasSuffix(".grad") }
        #expect(!gradients.isEmpty)
        // Every sentence has its words (a missing key shows as ⟦no words for …⟧).
        let markdown = MarkdownRenderer(command: "lesson \(c.lesson) --backward").render(trace)
        #expect(!markdown.contains("⟦"), "\(markdown.split(separator: "\n").first { $0.contains("⟦") } ?? "")")
        let names = Set(trace.steps.map(\.name))
        for g in gradients {
            #expect(g.value.flat.allSatisfy { $0.isFinite }, "\(g.name)")
            #expect(names.contains(String(g.name.dropLast(5))), "\(g.name)")
        }
    }

    @Test func theJSONTraceListsTheGradientsAfterTheForwardValues() throws {
        let run = try lesson(["lstm-gates", "--backward", "--format", "json"])
        #expect(run.status == 0)
        let json = try JSON.parse(Array(run.out.utf8))
        guard case .array(let values)? = json["values"] else { Issue.record("no values"); return }
        let names = values.compactMap { v -> String? in if case .string(let s)? = v["name"] { return s } else { return nil } }
        let first = try #require(names.firstIndex { $0.hasSuffix(".grad") })
        #expect(names[..<first].allSatisfy { !$0.hasSuffix(".grad") } && names[first...].allSatisfy { $0.hasSuffix(".grad") })
        // Backward order: the last step's state first, the inputs last.
        #expect(names[first] == "h[3].grad")
        for name in ["weight_ih_l0.grad", "weight_hh_l0.grad", "bias_ih_l0.grad", "bias_hh_l0.grad", "input.grad", "c[1].grad", "f[2].grad"] {
            #expect(names.contains(name), "\(name)")
        }
        // No gradient for inputs that were left out (h0, c0) or for the loss's own G.
        for name in ["h0.grad", "c0.grad", "grad_output.grad"] { #expect(!names.contains(name), "\(name)") }
        // The forward pass alone has no gradient.
        let forward = try lesson(["lstm-gates", "--format", "json"])
        #expect(!forward.out.contains(".grad"))
    }

    @Test func theSeedToyShowsItsChainOfFactors() throws {
        let run = try lesson(["rnn-unroll", "--example", "seed-toy", "--backward"])
        #expect(run.status == 0)
        // ∂h_2/∂h_0 (the seed's ∂h_3/∂h_1) as tanh′·3·tanh′·3, with numbers that multiply out.
        let line = try #require(run.out.split(separator: "\n").first { $0.contains(#"\frac{\partial h_{2}}{\partial h_{0}}"#) })
        #expect(line.contains(#"\tanh'(a_{2}) W_{hh} \cdot \tanh'(a_{1}) W_{hh}"#))
        let numbers = try #require(line.firstMatch(of: try Regex(#"= ([0-9.]+) \\cdot 3 \\cdot ([0-9.]+) \\cdot 3 = ([0-9.]+)\$"#)))
        let (a, b, product) = (Double(numbers.output[1].substring!)!, Double(numbers.output[2].substring!)!, Double(numbers.output[3].substring!)!)
        #expect(abs(a * 3 * b * 3 - product) < 1e-3)
        #expect(line.contains("it vanishes"))
    }

    @Test func theRNNsGradientVanishesWhereTheLSTMsDoesNot() throws {
        func norms(_ lesson: String, _ state: String) throws -> [Double] {
            let trace = try run(ExampleCase(lesson: lesson, example: "vanishing"))
            return try (1...20).map { t in
                try #require(trace["\(state)[\(t)].grad"]).value.flat.reduce(0) { $0 + $1 * $1 }.squareRoot()
            }
        }
        let rnn = try norms("rnn-unroll", "h")
        let lstm = try norms("lstm-gates", "c")
        // The RNN's falls by more than a thousand times on its way from step 20 to step 1; the
        // LSTM's cell-state gradient keeps more than half its size.
        #expect(rnn[0] < rnn[19] / 1_000)
        #expect(lstm[0] > lstm[19] / 2)
        // The story's forget gates "near 0.95".
        let forget = try run(ExampleCase(lesson: "lstm-gates", example: "vanishing"))
        for t in 1...20 { #expect(try #require(forget["f[\(t)]"]).value.flat.allSatisfy { (0.93...0.97).contains($0) }, "f[\(t)]") }
    }

    @Test func truncatedBPTTStopsTheGradientAtEachCut() throws {
        var input = RNNUnroll.vanishingInput
        input = input.setting("bptt_steps", .number(5))!
        let trace = try RNNUnroll.run(input, file: "cut.json", example: nil, claims: nil, backward: true)
        // h_5, h_10, h_15 entered the next chunk detached, and the loss sees only h_20: nothing
        // reaches steps 1 … 15.
        for t in 1...15 { #expect(trace["h[\(t)].grad"]?.value.flat.allSatisfy { $0 == 0 } ?? true, "h[\(t)]") }
        #expect(trace["h[16].grad"]?.value.flat.contains { $0 != 0 } == true)
        #expect(trace.gradientChecks.allSatisfy { $0.relativeDifference < 1e-6 })
    }

    @Test func theGradientsSizeIsSaidForAnyMagnitudeAndCuts() throws {
        // Huge and tiny gradients have a finite length; steps a cut leaves at 0 are said to be cut.
        for scale in [1e155, 1e-170] {
            let input: JSON = .fields(["input": .rows([[1], [0]]), "weight_ih_l0": .rows([[0.5], [0.1]]),
                                       "weight_hh_l0": .rows([[0.1, 0], [0, 0.1]]), "grad_output": .rows([[scale, scale], [scale, scale]])])
            let trace = try RNNUnroll.run(input, file: "norm.json", example: nil, claims: nil, backward: true)
            let markdown = MarkdownRenderer(command: "lesson rnn-unroll --input norm.json --backward").render(trace)
            let sentence = try #require(markdown.split(separator: "\n").first { $0.contains(#"\lVert \partial L / \partial h_{t} \rVert"#) })
            #expect(!sentence.contains("infty") && !sentence.contains("nan") && !sentence.contains("$0.0000$"), "\(sentence)")
        }
        let cut = try RNNUnroll.run(RNNUnroll.vanishingInput.setting("bptt_steps", .number(5))!, file: "cut.json", example: nil, claims: nil, backward: true)
        let markdown = MarkdownRenderer(command: "lesson rnn-unroll --input cut.json --backward").render(cut)
        #expect(markdown.contains("Steps 1 to 15 get exactly 0"))
        #expect(markdown.contains("With truncated BPTT the gradient above is not the derivative of L itself"))
    }

    @Test func aClaimOnAGradientNeedsBackward() throws {
        let folder = try temporaryFolder()
        try Data(#"{"claims": [{"value": "h[1].grad", "at": [1], "expected": 2.1987}]}"#.utf8).write(to: folder.appendingPathComponent("c.json"))
        let without = try lesson(["rnn-unroll", "--expect", "c.json"], in: folder)
        #expect(without.status == 65)
        #expect(without.err.contains("without --backward; add --backward to check gradients"))
        let with = try lesson(["rnn-unroll", "--expect", "c.json", "--backward"], in: folder)
        #expect(with.status == 0, "\(with.err)")
        #expect(with.out.contains("1 claim") || with.out.contains("claims hold") || with.out.contains("✓"))
    }

    static let badInputs: [BadInput] = [
        BadInput(what: "grad_output of the wrong shape", lesson: "rnn-unroll",
                 file: #"{"input": [[1], [2]], "weight_ih_l0": [[1]], "weight_hh_l0": [[1]], "grad_output": [[1, 1]]}"#,
                 status: 65, words: ["grad_output must be T (rows of input) × hidden = 2 × 1, got 1 × 2"]),
        BadInput(what: "grad_output too large a number", lesson: "layer-norm", file: #"{"input": [[1, 2]], "grad_output": [[1, 1e999]]}"#,
                 status: 65, words: ["bad.json", "too large"]),
        BadInput(what: "grad_output of text", lesson: "attention-qkv",
                 file: #"{"x": [[1]], "w_q": [[1]], "w_k": [[1]], "w_v": [[1]], "grad_output": [["1"]]}"#,
                 status: 65, words: ["grad_output[1][1] must be a number, got a string"]),
        BadInput(what: "grad_output without x", lesson: "positional-encoding", file: #"{"positions": 2, "d_model": 2, "grad_output": [[1, 1], [1, 1]]}"#,
                 status: 65, words: ["grad_output is ∂L/∂(x + PE), but there is no x"]),
        BadInput(what: "grad_output for multi-head attention", lesson: "multi-head-attention",
                 file: #"{"query": [[1, 2]], "num_heads": 1, "in_proj_weight": [[1, 0], [0, 1], [1, 0], [0, 1], [1, 0], [0, 1]], "out_proj.weight": [[1, 0], [0, 1]], "grad_output": [[1]]}"#,
                 status: 65, words: ["grad_output must be L (rows of query) × E = 1 × 2, got 1 × 1"]),
        BadInput(what: "bptt_steps zero", lesson: "lstm-gates",
                 file: #"{"input": [[1]], "weight_ih_l0": [[1], [1], [1], [1]], "weight_hh_l0": [[1], [1], [1], [1]], "bptt_steps": 0}"#,
                 status: 65, words: ["bptt_steps must be a whole number ≥ 1, got 0"]),
        BadInput(what: "bptt_steps fractional", lesson: "gru",
                 file: #"{"input": [[1]], "weight_ih_l0": [[1], [1], [1]], "weight_hh_l0": [[1], [1], [1]], "bptt_steps": 1.5}"#,
                 status: 65, words: ["bptt_steps must be a whole number", "got 1.5"]),
        BadInput(what: "bptt_steps as text", lesson: "rnn-unroll",
                 file: #"{"input": [[1]], "weight_ih_l0": [[1]], "weight_hh_l0": [[1]], "bptt_steps": "2"}"#,
                 status: 65, words: ["bptt_steps must be a whole number", "got a string"]),
    ]

    @Test(arguments: badInputs)
    func badBackwardInputGetsOneErrorLine(_ bad: BadInput) throws {
        let folder = try temporaryFolder()
        try Data(bad.file.utf8).write(to: folder.appendingPathComponent("bad.json"))
        for flags in [[], ["--backward"]] {
            let run = try lesson([bad.lesson, "--input", "bad.json"] + flags, in: folder)
            #expect(run.status == bad.status, "\(run.err)")
            #expect(run.out.isEmpty)
            #expect(run.err.hasPrefix("error: ") && run.err.hasSuffix("\n") && run.err.filter { $0 == "\n" }.count == 1, "\(run.err)")
            for word in bad.words { #expect(run.err.contains(word), "\(run.err) lacks \(word)") }
        }
    }

    @Test func positionalEncodingWithoutXHasNoBackwardPass() throws {
        let run = try lesson(["positional-encoding", "--example", "wave", "--backward"])
        #expect(run.status == 65)
        #expect(run.out.isEmpty)
        #expect(run.err == "error: example 'wave': --backward needs x: the encoding PE depends on no input a gradient could reach; give x (n × d_model), the embeddings PE is added to\n")
    }
}
