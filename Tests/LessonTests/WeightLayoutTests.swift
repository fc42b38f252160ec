// The recurrent lessons' weights under other libraries' keys (RecurrentLayouts.swift): Keras's
// kernel, recurrent_kernel and bias, and nn.RNNCell/LSTMCell/GRUCell's weight_ih, …, give the
// numbers PyTorch's keys give; the trace shows the mapping; a transposed weight, mixed keys and a
// reset rule the bias contradicts are errors that say so. (Against PyTorch itself: the keras- and
// cell- cases of ReferenceTests.)

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

/// A lesson's default example with its weights as Keras stores them, converted here by hand:
/// kernel = W_ihᵀ with its blocks in Keras's order (`kerasBlocks[k]` is the PyTorch block Keras's
/// block k holds), one bias b_ih + b_hh, or (`twoRows`) the rows b_ih and b_hh.
func kerasInput(_ lesson: any Lesson.Type, kerasBlocks: [Int], twoRows: Bool = false) throws -> JSON {
    guard case .object(let members) = try #require(lesson.examples.first).input else { throw LessonError.data("", "no example") }
    func numbers(_ json: JSON?) -> [[Double]]? {
        guard case .array(let rows)? = json else { return nil }
        return rows.map { row in
            if case .array(let items) = row { return items.compactMap { if case .number(let x, _) = $0 { x } else { nil } } }
            if case .number(let x, _) = row { return [x] }
            return []
        }
    }
    let wIh = try #require(numbers(members.first { $0.key == "weight_ih_l0" }?.value))
    let wHh = try #require(numbers(members.first { $0.key == "weight_hh_l0" }?.value))
    let h = wHh[0].count
    let zeros = [[Double]](repeating: [0], count: wIh.count)
    let bIh = numbers(members.first { $0.key == "bias_ih_l0" }?.value) ?? zeros
    let bHh = numbers(members.first { $0.key == "bias_hh_l0" }?.value) ?? zeros
    // PyTorch's row r of block g is Keras's column r of the block that holds g.
    let order = kerasBlocks.flatMap { g in (g * h)..<((g + 1) * h) }
    func kerasArray(_ w: [[Double]]) -> JSON { .rows((0..<w[0].count).map { j in order.map { w[$0][j] } }) }
    func kerasBias(_ b: [[Double]]) -> [Double] { order.map { b[$0][0] } }
    var keras = members.filter { !["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"].contains($0.key) }
    keras.append(JSONMember("kernel", kerasArray(wIh)))
    keras.append(JSONMember("recurrent_kernel", kerasArray(wHh)))
    let bias: JSON = twoRows ? .rows([kerasBias(bIh), kerasBias(bHh)])
        : .numbers(zip(kerasBias(bIh), kerasBias(bHh)).map { $0 + $1 })
    keras.append(JSONMember("bias", bias))
    return .object(keras)
}

/// `input` with its keys renamed.
func renaming(_ input: JSON, _ names: [String: String]) -> JSON {
    guard case .object(let members) = input else { return input }
    return .object(members.map { JSONMember(names[$0.key] ?? $0.key, $0.value) })
}

@Suite struct WeightLayoutTests {
    static let lessons: [(lesson: any Lesson.Type, kerasBlocks: [Int])] =
        [(RNNUnroll.self, [0]), (LSTMGates.self, [0, 1, 2, 3]), (GRU.self, [1, 0, 2])]

    /// Every named value of `a` that `b` has too agrees with it (a one-bias Keras input adds the
    /// two biases first, so to rounding).
    func expectSameValues(_ a: Trace, _ b: Trace, names: [String]) throws {
        for name in names {
            let (x, y) = (try #require(a[name]).value.flat, try #require(b[name]).value.flat)
            #expect(x.count == y.count)
            for (u, v) in zip(x, y) { #expect(abs(u - v) <= 1e-12, "\(name): \(u) vs \(v)") }
        }
    }

    func forwardNames(_ trace: Trace) -> [String] {
        trace.computedSteps.map(\.name).filter { $0.hasPrefix("h[") || $0.hasPrefix("a[") || $0.hasPrefix("z[") || $0.hasPrefix("f[") }
    }

    @Test(arguments: [0, 1, 2])
    func kerasWeightsGivePyTorchsNumbersAndGradients(_ which: Int) throws {
        let (lesson, blocks) = Self.lessons[which]
        let example = try #require(lesson.examples.first)
        let keras = try kerasInput(lesson, kerasBlocks: blocks, twoRows: lesson.id == GRU.id)
        let pyTorch = try lesson.run(example.input, file: "torch.json", example: nil, claims: nil, backward: true)
        let trace = try lesson.run(keras, file: "keras.json", example: nil, claims: nil, backward: true)
        try expectSameValues(trace, pyTorch, names: forwardNames(pyTorch))
        // PyTorch's weights are worked out as steps, under PyTorch's names.
        let wIh = try #require(trace["weight_ih_l0"])
        #expect(wIh.computed != nil && trace["weight_hh_l0"] != nil && trace["bias_ih_l0"] != nil)
        // kernel.grad is ∂L/∂W_ih transposed, its blocks back in Keras's order.
        let gIh = try #require(pyTorch.steps.first { $0.name == "weight_ih_l0.grad" }).value
        let gKernel = try #require(trace["kernel.grad"]).value
        guard case .matrix(let g) = gIh, case .matrix(let k) = gKernel else { Issue.record("not matrices"); return }
        #expect(k.rows == g.cols && k.cols == g.rows)
        let h = g.rows / blocks.count
        for (c, row) in blocks.flatMap({ b in (b * h)..<((b + 1) * h) }).enumerated() {
            for j in 0..<g.cols { #expect(abs(k[j, c] - g[row, j]) <= 1e-12) }
        }
        #expect(trace["recurrent_kernel.grad"] != nil && trace["bias.grad"] != nil)
        #expect(trace.backwardProblems.isEmpty, "\(trace.backwardProblems)")
        // The gradient check nudges Keras's arrays, and passes.
        let checked = Set(trace.gradientChecks.map(\.name))
        #expect(checked.isSuperset(of: ["kernel", "recurrent_kernel", "bias", "input"]), "\(checked)")
        for check in trace.gradientChecks { #expect(check.relativeDifference < 1e-6, "\(check.name): \(check.analytic) vs \(check.numeric)") }
    }

    @Test func theStatedWorkCountsKerassArraysToo() throws {
        let inputs: [(any Lesson.Type, [String], JSON)] = [
            (RNNUnroll.self, [], try kerasInput(RNNUnroll.self, kerasBlocks: [0])),
            (LSTMGates.self, ["i", "f", "g", "o"], try kerasInput(LSTMGates.self, kerasBlocks: [0, 1, 2, 3]).removing("bias")),
            (GRU.self, ["r", "z", "n"], try kerasInput(GRU.self, kerasBlocks: [1, 0, 2], twoRows: true)),
        ]
        for (lesson, gates, input) in inputs {
            var reader = try InputReader(input, file: "keras.json")
            _ = try RecurrentInput(&reader, gates: gates, cellState: gates.count == 4)
            let trace = try lesson.trace(input, file: "keras.json", example: nil)
            #expect(try #require(reader.statedWork).traceNumbers == Double(trace.numberCount), "\(lesson.id)")
        }
    }

    @Test func theTraceShowsTheMappingForAStudent() throws {
        let keras = try kerasInput(GRU.self, kerasBlocks: [1, 0, 2], twoRows: true)
        let note = MarkdownRenderer(command: "lesson gru").render(try GRU.trace(keras, file: "keras.json", example: nil))
        // The arrays as given, a sentence on why they are transposed, then each weight worked out.
        let given = try #require(note.range(of: "`kernel`, $W_{x}$, 3 × 6"))
        let said = try #require(note.range(of: "Keras multiplies row vectors"))
        let derived = try #require(note.range(of: #"W_{ih} = \operatorname{concat}\left(W_{x}^{[r]}, W_{x}^{[z]}, W_{x}^{[\tilde{h}]}\right)^{\top}"#))
        #expect(given.upperBound < said.lowerBound && said.upperBound < derived.lowerBound)
        #expect(note.contains("Its GRU stacks the gates z, r, h̃"))
        #expect(note.contains(#"b_{hh} = \operatorname{concat}\left(B_{2}^{[r]}, B_{2}^{[z]}, B_{2}^{[\tilde{h}]}\right)"#))
        // The LSTM's blocks keep their places: a transpose only.
        let lstm = MarkdownRenderer(command: "lesson lstm-gates")
            .render(try LSTMGates.trace(try kerasInput(LSTMGates.self, kerasBlocks: [0, 1, 2, 3]), file: "keras.json", example: nil))
        #expect(lstm.contains(#"W_{ih} = W_{x}^{\top}"#) && lstm.contains("so the blocks keep their places"))
        #expect(lstm.contains(#"Keras has one bias, added with the input's part: it is $b_{ih}$, and $b_{hh} = 0$."#))
    }

    @Test func theGRUsOneBiasIsResetBefore() throws {
        // Keras's reset_after=False: one 3H bias, the reset gate before W_hn, b_hh = 0.
        guard case .object(var members) = try kerasInput(GRU.self, kerasBlocks: [1, 0, 2], twoRows: true) else { return }
        let i = try #require(members.firstIndex { $0.key == "bias" })
        guard case .array(let rows) = members[i].value else { return }
        members[i] = JSONMember("bias", rows[0])
        let keras = try GRU.trace(.object(members), file: "keras.json", example: nil)
        let example = try #require(GRU.examples.first).input
        let before = try GRU.trace(try #require(example.setting("reset", .string("before"))), file: "torch.json", example: nil)
        try expectSameValues(keras, before, names: forwardNames(before))
        #expect(keras["bias_hh_l0"] == nil, "b_hh is 0, shown as an input")
        // The same explicitly is fine; the other rule is an error.
        _ = try GRU.trace(.object(members + [JSONMember("reset", .string("before"))]), file: "keras.json", example: nil)
        try expectError(GRU.self, .object(members + [JSONMember("reset", .string("after"))]),
                        #"reset is "after", but bias is 3·hidden numbers, Keras's reset_after=False, whose reset gate comes before the product"#)
    }

    @Test(arguments: [0, 1, 2])
    func cellKeysAreTheLayersUnderOtherNames(_ which: Int) throws {
        let lesson = Self.lessons[which].lesson
        let example = try #require(lesson.examples.first).input
        let cell = renaming(example, ["weight_ih_l0": "weight_ih", "weight_hh_l0": "weight_hh", "bias_ih_l0": "bias_ih", "bias_hh_l0": "bias_hh"])
        let layer = try lesson.run(example, file: "layer.json", example: nil, claims: nil, backward: true)
        let trace = try lesson.run(cell, file: "cell.json", example: nil, claims: nil, backward: true)
        try expectSameValues(trace, layer, names: forwardNames(layer))
        // The gradients are the given fields': weight_ih.grad, as PyTorch's cell names them.
        #expect(trace["weight_ih.grad"]?.value == layer["weight_ih_l0.grad"]?.value)
        #expect(trace["weight_hh.grad"]?.value == layer["weight_hh_l0.grad"]?.value)
        #expect(trace.gradientChecks.contains { $0.name == "weight_ih" })
        for check in trace.gradientChecks { #expect(check.relativeDifference < 1e-6, "\(check.name)") }
        let note = MarkdownRenderer(command: "lesson").render(trace)
        #expect(note.contains("The weights are given under `nn.\(["RNN", "LSTM", "GRU"][which])Cell`'s keys"))
    }

    func expectError(_ lesson: any Lesson.Type, _ input: JSON, _ message: String) throws {
        do {
            _ = try lesson.trace(input, file: "bad.json", example: nil)
            Issue.record("accepted: \(message)")
        } catch let error as LessonError {
            #expect(error.code == .data)
            #expect(error.message.hasPrefix("bad.json: " + message), "\(error.message)")
        }
    }

    /// `input` with member `key` replaced by its transpose.
    func transposing(_ input: JSON, _ key: String) throws -> JSON {
        let transposed = try #require(input[key]?.transposedMatrix)
        return try #require(input.setting(key, transposed))
    }

    @Test func badShapesAreErrorsThatSaySo() throws {
        let keras = try kerasInput(LSTMGates.self, kerasBlocks: [0, 1, 2, 3])
        try expectError(LSTMGates.self, try transposing(keras, "kernel"),
                        "kernel must be input × 4·hidden = 3 × 8 (Keras stores the kernel input × 4·hidden), got 8 × 3: is it transposed?")
        try expectError(LSTMGates.self, try transposing(keras, "recurrent_kernel"),
                        "recurrent_kernel must be hidden × 4·hidden = 2 × 8 (Keras stores the recurrent kernel hidden × 4·hidden), got 8 × 2: is it transposed?")
        let example = try #require(LSTMGates.examples.first).input
        try expectError(LSTMGates.self, try transposing(example, "weight_ih_l0"),
                        "weight_ih_l0 must be 4·hidden × input = 8 × 3 (PyTorch stores weight_ih_l0 4·hidden × input, the transpose of Keras's kernel), got 3 × 8: is it transposed?")
        try expectError(LSTMGates.self, try transposing(example, "weight_hh_l0"),
                        "weight_hh_l0 must be 4·hidden × hidden = 8 × 2 (PyTorch stores weight_hh_l0 4·hidden × hidden, the transpose of Keras's recurrent_kernel), got 2 × 8: is it transposed?")
        // A cell's keys the same way round as the layer's.
        let cell = renaming(example, ["weight_ih_l0": "weight_ih", "weight_hh_l0": "weight_hh", "bias_ih_l0": "bias_ih", "bias_hh_l0": "bias_hh"])
        try expectError(LSTMGates.self, try transposing(cell, "weight_ih"), "weight_ih must be 4·hidden × input = 8 × 3 (PyTorch stores weight_ih")
        // Wrong sizes that are no transpose: said plainly.
        try expectError(LSTMGates.self, try #require(keras.setting("kernel", .rows([[1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]]))),
                        "kernel must be input × 4·hidden = 3 × 8, got 3 × 6")
        try expectError(LSTMGates.self, try #require(keras.setting("bias", .numbers([1, 2, 3]))), "bias must have 4·hidden = 8 numbers, got 3")
        // Two bias rows are the GRU's (reset_after=True) alone, and two of them exactly.
        try expectError(LSTMGates.self, try #require(keras.setting("bias", .rows([[0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]]))),
                        "bias must be 4·hidden = 8 numbers (Keras's LSTM has one bias), got a 2 × 8 matrix")
        let gru = try kerasInput(GRU.self, kerasBlocks: [1, 0, 2], twoRows: true)
        try expectError(GRU.self, try transposing(gru, "bias"), "bias must be 2 × 3·hidden = 2 × 6 (Keras's GRU with reset_after=True stores")
        try expectError(GRU.self, try #require(gru.setting("bias", .rows([[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]]))),
                        "bias must be 2 × 3·hidden = 2 × 6, got 3 × 6")
        try expectError(GRU.self, try #require(gru.setting("reset", .string("before"))),
                        #"reset is "before", but bias is a 2 × 3·hidden matrix, Keras's reset_after=True, whose reset gate comes after the product"#)
    }

    @Test func keysOfTwoLayoutsAreAnError() throws {
        let keras = try kerasInput(RNNUnroll.self, kerasBlocks: [0])
        let example = try #require(RNNUnroll.examples.first).input
        try expectError(RNNUnroll.self, try #require(keras.setting("bias_hh_l0", .numbers([0, 0]))),
                        "the weights are given under two layouts' keys, PyTorch's nn.RNN (bias_hh_l0) and Keras's SimpleRNN (kernel, recurrent_kernel, bias); give them under one")
        try expectError(RNNUnroll.self, try #require(example.setting("weight_ih", .rows([[1, 0, 0], [0, 1, 0]]))),
                        "the weights are given under two layouts' keys, PyTorch's nn.RNN (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0) and nn.RNNCell's (weight_ih)")
        try expectError(RNNUnroll.self, try #require(keras.setting("bias_ih", .numbers([0, 0]))),
                        "the weights are given under two layouts' keys, nn.RNNCell's (bias_ih) and Keras's SimpleRNN")
        // A Keras array alone asks for the others.
        try expectError(RNNUnroll.self, renaming(example, ["bias_ih_l0": "bias"]).removing("weight_ih_l0").removing("weight_hh_l0").removing("bias_hh_l0"),
                        "missing field kernel: Keras's input weights, input × hidden")
    }

    @Test func aKerasFilePrintsAndReadsBackTheSame() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("keras.json")
        try Data(try kerasInput(GRU.self, kerasBlocks: [1, 0, 2], twoRows: true).rendered().utf8).write(to: file)
        let printed = try lesson(["gru", "--input", file.path, "--print-input"])
        #expect(printed.status == 0, "\(printed.err)")
        let fromStdin = try lesson(["gru", "--input", "-", "--format", "json"], stdin: printed.out)
        let direct = try lesson(["gru", "--input", file.path, "--format", "json"])
        #expect(fromStdin.status == 0 && direct.status == 0, "\(fromStdin.err)\(direct.err)")
        #expect(fromStdin.out.replacingOccurrences(of: "\"<stdin>\"", with: "\"keras.json\"") == direct.out)
        #expect(direct.out.contains("\"name\": \"weight_ih_l0\""))
    }
}
