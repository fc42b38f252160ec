// Stacked layers (num_layers > 1) in the recurrent lessons: the layers are read from the keys
// given, h0 and c0 have a row per layer, errors name the field and the shape expected, the lower
// layers' values carry the prefix l0., l1., … and the top layer's the plain names. The values
// and gradients against PyTorch are in the reference fixtures ("layers2-…", "layers3-…").

import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

/// A rows × cols matrix of small numbers that differ from entry to entry.
private func matrix(_ rows: Int, _ cols: Int, _ seed: Int = 0) -> JSON {
    .rows((0..<rows).map { r in (0..<cols).map { c in Double((r * 7 + c * 3 + seed * 5) % 19 - 9) / 20 } })
}

/// A recurrent input of `layers` layers (stacked blocks `blocks`), with every weight, bias and state.
private func stacked(_ blocks: Int, layers: Int, steps: Int = 3, inputs: Int = 3, hidden: Int = 2, cell: Bool = false) -> JSON {
    var fields: [JSONMember] = [JSONMember("input", matrix(steps, inputs, 1))]
    for l in 0..<layers {
        fields += [JSONMember("weight_ih_l\(l)", matrix(blocks * hidden, l == 0 ? inputs : hidden, 2 + l)),
                   JSONMember("weight_hh_l\(l)", matrix(blocks * hidden, hidden, 3 + l)),
                   JSONMember("bias_ih_l\(l)", .numbers((0..<(blocks * hidden)).map { Double($0 % 3) / 10 }))]
    }
    fields.append(JSONMember("h0", matrix(layers, hidden, 7)))
    if cell { fields.append(JSONMember("c0", matrix(layers, hidden, 8))) }
    return .object(fields)
}

private let recurrentIDs = ["rnn-unroll", "lstm-gates", "gru"]

/// The lesson, its stacked blocks and whether it has a cell state.
private func shape(_ id: String) throws -> (lesson: any Lesson.Type, blocks: Int, cell: Bool) {
    let lesson = try #require(Lessons.named(id))
    return (lesson, ["rnn-unroll": 1, "lstm-gates": 4, "gru": 3][id] ?? 1, id == "lstm-gates")
}

/// The message of the input error `json` gives, or nil when it is accepted.
private func failure(_ lesson: any Lesson.Type, _ json: JSON) -> String? {
    do {
        _ = try lesson.trace(json, file: "net.json", example: nil)
        return nil
    } catch let error as LessonError {
        #expect(error.code == .data)
        return error.message
    } catch {
        return "unexpected \(error)"
    }
}

@Suite struct LayersTests {
    @Test(arguments: recurrentIDs)
    func lowerLayersArePrefixedAndTheTopKeepsThePlainNames(_ id: String) throws {
        let (lesson, blocks, cell) = try shape(id)
        let trace = try lesson.trace(stacked(blocks, layers: 3, cell: cell), file: "net.json", example: nil)
        for t in 1...3 {
            #expect(trace["l0.h[\(t)]"]?.symbol == "h_{\(t)}^{(0)}")
            #expect(trace["l1.h[\(t)]"]?.symbol == "h_{\(t)}^{(1)}")
            #expect(trace["h[\(t)]"]?.symbol == "h_{\(t)}^{(2)}")
            #expect(trace["l2.h[\(t)]"] == nil)
        }
        // Layer 1 reads layer 0's h, not the sequence: its first pre-activation's equation says so.
        let a = try #require(trace[id == "gru" ? "l1.ax[1]" : "l1.a[1]"])
        let equation = EquationWriter(style: NumberStyle(precision: 4)).symbolic(try #require(a.computed))
        #expect(equation.contains("h_{1}^{(0)}") && !equation.contains("x_{1}"), "\(equation)")
        // h0 is shown as one num_layers × H input.
        #expect(trace.steps.first { $0.isInput && $0.name == "h0" }?.value.shape == [3, 2])
    }

    /// Each layer of a stack computes what the one-layer lesson computes on the layer below's h.
    @Test(arguments: recurrentIDs)
    func eachLayerIsTheOneLayerLessonOnTheLayerBelow(_ id: String) throws {
        let (lesson, blocks, cell) = try shape(id)
        let json = stacked(blocks, layers: 2, cell: cell)
        let two = try lesson.trace(json, file: "net.json", example: nil)
        let below = (1...3).flatMap { t in try! #require(two["l0.h[\(t)]"]).value.flat }
        // Layer l1 alone: its weights as l0's, the lower h as its input, row 2 of h0 (and c0).
        func row(_ key: String) -> JSON? { if case .array(let rows)? = json[key] { return rows[1] } else { return nil } }
        var top: [JSONMember] = [JSONMember("input", .rows(stride(from: 0, to: below.count, by: 2).map { Array(below[$0..<($0 + 2)]) })),
                                 JSONMember("weight_ih_l0", try #require(json["weight_ih_l1"])),
                                 JSONMember("weight_hh_l0", try #require(json["weight_hh_l1"])),
                                 JSONMember("bias_ih_l0", try #require(json["bias_ih_l1"])),
                                 JSONMember("h0", try #require(row("h0")))]
        if cell { top.append(JSONMember("c0", try #require(row("c0")))) }
        let one = try lesson.trace(.object(top), file: "one.json", example: nil)
        for t in 1...3 { #expect(two["h[\(t)]"]?.value == one["h[\(t)]"]?.value) }
    }

    @Test func theTwoLayersExampleHasTheDefaultExampleAsItsFirstLayer() throws {
        let example = try #require(LSTMGates.examples.first { $0.name == "two-layers" })
        let two = try LSTMGates.trace(example.input, file: "x", example: example)
        let one = try LSTMGates.trace(LSTMGates.examples[0].input, file: "x", example: nil)
        for step in one.computedSteps { #expect(two["l0." + step.name]?.value == step.value, "\(step.name)") }
        #expect(two["h[3]"] != nil && two["l1.h[3]"] == nil)
    }

    /// The two-layers example's story says how layer 2 is wired: what it says is what its weights are.
    @Test func theTwoLayersStorySaysWhatTheWeightsAre() throws {
        let example = try #require(LSTMGates.examples.first { $0.name == "two-layers" })
        let story = example.story
        func rows(_ key: String, _ gate: Int) throws -> [[Double]] {
            guard case .array(let all)? = example.input[key] else { throw LessonError(.data, "no \(key)") }
            return all[(2 * gate)..<(2 * gate + 2)].map { row in
                guard case .array(let entries) = row else { return [] }
                return entries.compactMap { if case .number(let x, _) = $0 { return x } else { return nil } }
            }
        }
        // i and o read one unit each; f reads both alike; g mixes them.
        let (i, f, g, o) = (try rows("weight_ih_l1", 0), try rows("weight_ih_l1", 1), try rows("weight_ih_l1", 2), try rows("weight_ih_l1", 3))
        #expect(i == [[2, 0], [0, 2]] && o == [[1, 0], [0, 1]])
        #expect(story.contains("the i rows of $W_{ih}^{(1)}$ are 2, 0 and 0, 2, its o rows 1, 0 and 0, 1"))
        #expect(f == [[1, 1], [1, 1]] && story.contains("its forget gates read both units alike (rows 1, 1)"))
        #expect(g == [[2, -1], [-1, 2]] && story.contains("its candidates mix them (rows 2, −1 and −1, 2)"))
        // W_hh^(1): each unit to itself only, in the i and g rows.
        for gate in 0..<4 {
            let block = try rows("weight_hh_l1", gate)
            #expect(block[0][1] == 0 && block[1][0] == 0)
            #expect((block[0][0] != 0) == (gate == 0 || gate == 2) && (block[1][1] != 0) == (gate == 0 || gate == 2))
        }
        #expect(story.contains("$W_{hh}^{(1)}$ link each unit to itself only, in the i and g rows"))
        // Not one-hot, and not every column at every step: unit 2 of h_1^(0) is exactly 0, and the note says so there.
        let trace = try LSTMGates.trace(example.input, file: "x", example: example)
        #expect(try #require(trace["l0.h[1]"]).value.flat[1] == 0)
        #expect(story.contains("a column of $W_{ih}^{(1)}$ acts at every step where the unit of $h_{t}^{(0)}$ it multiplies is not 0"))
        #expect(try #require(trace["a[1]"]).meaning.contains("Unit 2 of $h_{1}^{(0)}$ is 0, so column 2 of $W_{ih}^{(1)}$ adds nothing."))
    }

    /// The backward pass through a stack: every gradient is recorded in order, h0's has a row per
    /// layer, and the gradient check passes, truncated BPTT and another GRU convention included.
    @Test(arguments: recurrentIDs)
    func theBackwardPassGoesDownThroughTheLayers(_ id: String) throws {
        let (lesson, blocks, cell) = try shape(id)
        var json = stacked(blocks, layers: 3, steps: 5, cell: cell).setting("bptt_steps", .number(2))!
        if id == "gru" { json = json.setting("reset", .string("before"))! }
        let trace = try lesson.run(json, file: "net.json", example: nil, claims: nil, backward: true)
        #expect(trace.backwardProblems.isEmpty, "\(trace.backwardProblems)")
        #expect(trace["h0.grad"]?.value.shape == [3, 2])
        #expect(trace["weight_ih_l2.grad"]?.value.shape == [blocks * 2, 2])
        #expect(trace["l0.h[1].grad"] != nil && trace["l1.h[5].grad"] != nil)
        // The top layer's gradients come first, then layer l1's weights', then layer l1's steps.
        let order = trace.computedSteps.map(\.name)
        let (top, weights, lower) = (order.firstIndex(of: "h[1].grad"), order.firstIndex(of: "weight_ih_l2.grad"), order.firstIndex(of: "l1.h[5].grad"))
        #expect(top! < weights! && weights! < lower!)
        #expect(trace.gradientChecks.map(\.name).contains("weight_hh_l1"))
        for check in trace.gradientChecks { #expect(check.relativeDifference < 1e-6, "\(check.name): \(check.analytic) vs \(check.numeric)") }
    }

    /// Each layer's part says what the numbers add; what was said at one layer is not said again.
    @Test(arguments: recurrentIDs)
    func noSentenceIsSaidTwiceInAStack(_ id: String) throws {
        let (lesson, blocks, cell) = try shape(id)
        for backward in [false, true] {
            let json = stacked(blocks, layers: 3, steps: 4, cell: cell).setting("bptt_steps", .number(2))!
            let trace = try lesson.run(json, file: "net.json", example: nil, claims: nil, backward: backward)
            let markdown = MarkdownRenderer(command: "lesson \(id)").render(trace)
            var seen: [String: Int] = [:]
            for line in RecurrentCommentaryTests.prose(markdown) where line.split(separator: " ").count >= 6 { seen[line, default: 0] += 1 }
            #expect(seen.filter { $0.value > 1 }.isEmpty, "said more than once: \(seen.filter { $0.value > 1 }.map(\.key))")
            // A heading per layer, the top one last, and one summary with a part per layer.
            #expect(markdown.contains("## Layer 1 of 3 (PyTorch's l0), step by step"))
            #expect(markdown.contains("## Layer 3 of 3 (PyTorch's l2, the top), step by step"))
            #expect(markdown.components(separatedBy: "\n## Summary\n").count == 2)
            #expect(markdown.contains("### Layer 2 of 3 (PyTorch's l1)\n"))
            // Backward, each layer's steps sit under a level 2 heading, as forward; the sizes and the check follow at level 2.
            if backward {
                let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
                let tail = headings.drop { $0 != "## Backward pass" }
                #expect(Array(tail) == ["## Backward pass", "## Layer 3 of 3 (PyTorch's l2, the top), back through the steps",
                                        "## Layer 2 of 3 (PyTorch's l1), back through the steps", "## Layer 1 of 3 (PyTorch's l0), back through the steps",
                                        "## The size of the gradient, step by step", "## Gradient check"], "\(tail)")
                // Below the top, what takes the place of the loss's share G_t, said once per layer.
                #expect(markdown.contains("The loss does not see this layer's $h_{t}^{(1)}$: in the equations above, $G_{t}$ is replaced by what layer 3 passes down from its step t, $W_{ih}^{(2)\\top}"))
                #expect(markdown.contains("The loss does not see this layer's $h_{t}^{(0)}$"))
            }
            // Every sentence computed from a layer's numbers names that layer's values: no symbol
            // of a step (h_{2}, f_{3}, W_{hh} h_{0}) without its layer's superscript, the slides'
            // quotes and the loss's G_t (which has no layer) aside.
            let plain = try Regex(#"(?:^|[^A-Za-z\\])[a-wyz]_\{[0-9]+\}(?!\^)"#)
            for line in RecurrentCommentaryTests.prose(markdown) {
                let unquoted = line.replacing(try Regex("“[^”]*”"), with: "")
                #expect(unquoted.firstMatch(of: plain) == nil, "\(unquoted)")
            }
        }
    }

    @Test(arguments: recurrentIDs)
    func shapesAndGapsAreNamedInTheError(_ id: String) throws {
        let (lesson, blocks, cell) = try shape(id)
        let json = stacked(blocks, layers: 2, cell: cell)
        let stack = blocks == 1 ? "hidden" : "\(blocks)·hidden"
        // Layer l1 reads H numbers, not the input's I.
        #expect(failure(lesson, json.setting("weight_ih_l1", matrix(blocks * 2, 3))!)
                == "net.json: weight_ih_l1 must be \(stack) × hidden = \(blocks * 2) × 2 (layer 2 reads layer 1's h), got \(blocks * 2) × 3")
        #expect(failure(lesson, json.setting("weight_hh_l1", matrix(blocks * 2 + 1, 2))!)
                == "net.json: weight_hh_l1 must be \(stack) × hidden = \(blocks * 2) × 2 (layer 2 reads layer 1's h), got \(blocks * 2 + 1) × 2")
        #expect(failure(lesson, json.setting("bias_ih_l1", .numbers([1]))!) == "net.json: bias_ih_l1 must have \(stack) = \(blocks * 2) numbers, got 1")
        // h0 has a row per layer; a vector is one layer's.
        #expect(failure(lesson, json.setting("h0", .numbers([0, 0]))!)?.hasPrefix("net.json: h0 must be num_layers × hidden = 2 × 2, one row per layer") == true)
        #expect(failure(lesson, json.setting("h0", matrix(3, 2))!) == "net.json: h0 must be num_layers × hidden = 2 × 2, one row per layer, got 3 × 2")
        if cell { #expect(failure(lesson, json.setting("c0", matrix(2, 3))!) == "net.json: c0 must be num_layers × hidden = 2 × 2, one row per layer, got 2 × 3") }
        // A gap: l0 and l2 without l1.
        var gap = json
        for key in ["weight_ih_l1", "weight_hh_l1", "bias_ih_l1"] { gap = gap.removing(key).setting(key.replacingOccurrences(of: "l1", with: "l2"), json[key]!)! }
        #expect(failure(lesson, gap) == "net.json: missing field weight_ih_l1: layer 2 (PyTorch's l1) needs its input weights, \(stack) × hidden = \(blocks * 2) × 2, as weight_ih_l2 is given (the layers are numbered from l0 without a gap)")
        // A layer with a bias and no weights.
        #expect(failure(lesson, json.setting("bias_hh_l2", .numbers([0]))!)?.hasPrefix("net.json: missing field weight_ih_l2: layer 3 (PyTorch's l2) needs its input weights") == true)
        // Keys that only look like a layer's are unknown fields.
        for key in ["weight_ih_l01", "weight_ih_l+1", "weight_ih_l"] {
            #expect(failure(lesson, json.setting(key, matrix(1, 1))!)?.contains("unknown field \"\(key)\"") == true, "\(key)")
        }
        #expect(failure(lesson, json.setting("weight_ih_l64", matrix(1, 1))!)?.contains("at most 64 layers") == true)
        // One layer: h0 a vector, or PyTorch's (1, H); two rows are two layers' states.
        #expect(failure(lesson, stacked(blocks, layers: 1, cell: cell).setting("h0", matrix(1, 2))!) == nil)
        #expect(failure(lesson, stacked(blocks, layers: 1, cell: cell).setting("h0", matrix(2, 2))!)?.contains("h0 must be hidden = 2 numbers, or 1 × 2") == true)
    }

    /// A slide's stack with TensorFlow 1's LSTM conventions is recognised: the gate order and the
    /// forget bias of 1 are tried in every layer, not in the first alone.
    @Test func tensorFlowsConventionsAreTriedInEveryLayer() throws {
        let input = try #require(LSTMGates.examples.first { $0.name == "two-layers" }).input
        for (alternative, said) in zip(LSTMGates.alternatives, ["i, g, f, o", "forget_bias=1.0"]) {
            let other = try #require(alternative.rewrite(input))
            #expect(other["weight_ih_l1"] != input["weight_ih_l1"] || other["bias_ih_l1"] != input["bias_ih_l1"])
            let h3 = try #require(try LSTMGates.trace(other, file: "x", example: nil)["h[3]"]).value.flat[0]
            let trace = try LSTMGates.trace(input, file: "x", example: nil)
            let set = try ClaimSet(try JSON.parse(Array(#"{"claims": [{"value": "h[3]", "at": [1], "expected": \#(h3), "tolerance": 1e-9}]}"#.utf8)), file: "claims.json")
            try trace.check(set, file: "claims.json", lesson: LSTMGates.self, input: input)
            let reason = try #require(trace.claims?.verdicts.first?.reason)
            #expect(reason.contains(said), "\(reason)")
        }
    }

    /// README "Limits": 64 layers are read, the 65th is refused.
    @Test func sixtyFourLayersAreTheLimit() throws {
        let json = stacked(1, layers: 64, steps: 1, inputs: 1, hidden: 1)
        #expect(try RNNUnroll.trace(json, file: "net.json", example: nil)["l62.h[1]"] != nil)
        #expect(failure(RNNUnroll.self, json.setting("weight_ih_l64", matrix(1, 1))!) == "net.json: weight_ih_l64 names layer 65; at most 64 layers are read (l0 … l63)")
    }

    /// The work a stack states is what its trace holds: every layer counts.
    @Test(arguments: recurrentIDs)
    func theStatedWorkCountsEveryLayer(_ id: String) throws {
        let (lesson, blocks, cell) = try shape(id)
        for layers in [2, 3] {
            let json = stacked(blocks, layers: layers, cell: cell)
            var reader = try InputReader(json, file: "net.json")
            _ = try RecurrentInput(&reader, gates: [1: [], 3: ["r", "z", "n"], 4: ["i", "f", "g", "o"]][blocks] ?? [], cellState: cell)
            let stated = try #require(reader.statedWork)
            #expect(stated.traceNumbers == Double(try lesson.trace(json, file: "net.json", example: nil).numberCount))
        }
    }

    /// A deep stack over a long sequence costs in the number of its cells, and with --backward in
    /// the gradient check's reruns of the whole stack (twice per array): both are limits.
    @Test func aStackHasLimitsOfItsOwn() throws {
        func refusal(_ json: JSON, backward: Bool) -> String? {
            do { _ = try LSTMGates.trace(json, file: "net.json", example: nil, backward: backward); return nil }
            catch let error as LessonError { return error.message } catch { return "\(error)" }
        }
        #expect(refusal(stacked(4, layers: 64, steps: 129, inputs: 1, hidden: 1, cell: true), backward: false)?
            .contains("64 layers × 129 steps are 8256 cells, more than the limit of 8192 for a stack") == true)
        #expect(refusal(stacked(4, layers: 64, steps: 128, inputs: 1, hidden: 1, cell: true), backward: false) == nil)
        #expect(refusal(stacked(4, layers: 35, steps: 1, inputs: 1, hidden: 1, cell: true), backward: true)?
            .contains("with --backward, the gradient check reruns the 35 layers 286 times") == true)
        #expect(refusal(stacked(4, layers: 2, steps: 60, cell: true), backward: true) == nil)
    }
}
