// The weights of the three recurrent lessons under other libraries' keys, read and mapped onto
// the layout the lessons compute with: nn.RNN/LSTM/GRU's weight_ih_l0 (gates·H × I), weight_hh_l0
// (gates·H × H), bias_ih_l0, bias_hh_l0 (gates·H), gates stacked in the rows.
//
//   nn.RNNCell/LSTMCell/GRUCell: weight_ih, weight_hh, bias_ih, bias_hh. The same shapes and
//     meaning under other names: shown under them, nothing to derive.
//   Keras's SimpleRNN, LSTM, GRU (`layer.get_weights()`): kernel (I × gates·H), recurrent_kernel
//     (H × gates·H), bias (gates·H; the GRU with reset_after=True: 2 × 3H, row 1 the input
//     bias, row 2 the recurrent bias). Keras multiplies row vectors, x_t · kernel, so
//       W_ih = kernelᵀ and W_hh = recurrent_kernelᵀ, blocks reordered;
//     its LSTM stacks i, f, c, o (PyTorch's i, f, g, o: the same order), its GRU z, r, h where
//     PyTorch stacks r, z, n, and SimpleRNN has one block. One bias (SimpleRNN, LSTM, the GRU
//     with reset_after=False) is b_ih, and b_hh = 0. The GRU's reset_after=False is the
//     `reset: "before"` rule (r ⊙ h_{t-1} before W_hn); its update h = z ⊙ h_{t-1} + (1 − z) ⊙ h̃
//     is PyTorch's. The trace shows Keras's arrays as given and derives PyTorch's weights from
//     them with Transpose, Slice and Concatenation, so the backward pass carries the gradients
//     back to the arrays given (kernel.grad, …).
// References: Keras's keras/src/layers/rnn/simple_rnn.py, lstm.py, gru.py (build and call);
// the PyTorch docs for nn.RNN, nn.LSTM, nn.GRU and their cells.

import JSONFormat
import LessonInput
import TraceCore

/// The keys a recurrent lesson's weights were given under.
enum WeightLayout: Sendable {
    /// nn.RNN/LSTM/GRU's state_dict: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0.
    case module
    /// nn.RNNCell/LSTMCell/GRUCell's: weight_ih, weight_hh, bias_ih, bias_hh.
    case cell
    /// Keras's: kernel, recurrent_kernel, bias.
    case keras(KerasWeights)
    /// nn.RNN/LSTM/GRU's state_dict keys with a prefix and a suffix: a submodule's of a larger model
    /// (char-lm's rnn.weight_ih_l0, seq2seq's encoder.weight_ih_l0) or a bidirectional module's reverse
    /// direction (weight_ih_l0_reverse).
    case keyed(prefix: String, suffix: String)

    static let moduleKeys = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"]
    static let cellKeys = ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]
    static let kerasKeys = ["kernel", "recurrent_kernel", "bias"]

    /// Which keys the input uses (Keras's arrays are read here); keys of two layouts are an error.
    init(_ reader: inout InputReader, gates: [String], inputSize: Int) throws {
        let given = reader.givenFields
        // A module's keys of any layer (weight_ih_l1, …), so that no layout is mixed with them.
        let module = given.filter { key in Self.moduleKeys.contains { key.hasPrefix($0.dropLast()) } }
        let cell = given.filter(Self.cellKeys.contains)
        let keras = given.filter(Self.kerasKeys.contains)
        let names = RecurrentNames(gates: gates)
        let used = [("PyTorch's nn.\(names.module)", module), ("nn.\(names.cell)'s", cell), ("Keras's \(names.keras)", keras)]
            .filter { !$0.1.isEmpty }
        if used.count > 1 {
            let said = used.map { "\($0.0) (\($0.1.map { echoed($0) }.joined(separator: ", ")))" }
            throw reader.fail("the weights are given under two layouts' keys, \(said.joined(separator: " and ")); give them under one")
        }
        if !keras.isEmpty {
            self = .keras(try KerasWeights(&reader, gates: gates, inputSize: inputSize))
        } else {
            self = cell.isEmpty ? .module : .cell
        }
    }

    /// The fields that hold PyTorch's weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 as given
    /// (Keras's derived weights keep PyTorch's names).
    var fields: (wIh: String, wHh: String, bIh: String, bHh: String) {
        var keys = if case .cell = self { Self.cellKeys } else { Self.moduleKeys }
        if case .keyed(let prefix, let suffix) = self { keys = keys.map { prefix + $0 + suffix } }
        return (keys[0], keys[1], keys[2], keys[3])
    }

    var keras: KerasWeights? {
        if case .keras(let weights) = self { return weights }
        return nil
    }

    /// How PyTorch stores a weight, said when one is given the other way round.
    static func pyTorchStores(_ key: String, _ shape: String, transposeOf keras: String) -> String {
        "PyTorch stores \(key) \(shape), the transpose of Keras's \(keras)"
    }

    /// The hidden size from the recurrent weights, gates·H × H; from their rows when they are
    /// H × gates·H, the other way round, so that the shape error can say so.
    static func hidden(_ wHh: Matrix, blocks: Int) -> Int {
        blocks > 1 && wHh.cols == blocks * wHh.rows && wHh.rows != blocks * wHh.cols ? wHh.rows : wHh.cols
    }

    /// The GRU's reset rule: the input's `reset`, or the one Keras's bias implies: one 3H bias is
    /// reset_after=False ("before"), a 2 × 3H bias reset_after=True ("after"). A `reset` that
    /// contradicts the bias is an error; without a bias, Keras's default (and PyTorch's), "after".
    func gruReset(_ given: String?, _ reader: InputReader) throws -> String? {
        guard let bias = keras?.bias else { return given }
        let implied = bias.shape.count == 2 ? "after" : "before"
        guard let given else { return implied }
        guard given == implied else {
            let shape = bias.shape.count == 2 ? "a 2 × 3·hidden matrix, Keras's reset_after=True" : "3·hidden numbers, Keras's reset_after=False"
            throw reader.fail("reset is \"\(given)\", but bias is \(shape), whose reset gate comes \(implied) the product: "
                + "give reset \"\(implied)\" or leave it out")
        }
        return given
    }
}

/// The names of one recurrent layer in PyTorch and Keras: nn.LSTM, nn.LSTMCell, LSTM.
struct RecurrentNames {
    let module: String
    let cell: String
    let keras: String
    /// Keras's letters for PyTorch's gates, in PyTorch's order (i, f, c, o for i, f, g, o).
    let kerasLetters: [String]
    /// For each of PyTorch's blocks, the block of Keras's stacking it is (the GRU: r, z, n ← z, r, h).
    let kerasBlock: [Int]

    init(gates: [String]) {
        switch gates.count {
        case 4: (module, keras, kerasLetters, kerasBlock) = ("LSTM", "LSTM", ["i", "f", "c", "o"], [0, 1, 2, 3])
        // Keras's candidate is "h" in its source; h̃ here, as h is the state.
        case 3: (module, keras, kerasLetters, kerasBlock) = ("GRU", "GRU", ["r", "z", "h̃"], [1, 0, 2])
        default: (module, keras, kerasLetters, kerasBlock) = ("RNN", "SimpleRNN", [], [0])
        }
        cell = module + "Cell"
    }

    /// Keras's gate letters in Keras's order: z, r, h for the GRU.
    var kerasOrder: [String] {
        kerasLetters.isEmpty ? [] : kerasBlock.indices.map { k in kerasLetters[kerasBlock.firstIndex(of: k) ?? k] }
    }

    var isReordered: Bool { kerasBlock != Array(kerasBlock.indices) }

    /// A gate letter in LaTeX: h̃ is `\tilde{h}`.
    static func latex(_ letter: String) -> String { letter == "h̃" ? #"\tilde{h}"# : letter }
}

/// Keras's arrays as given, and PyTorch's weights worked out from them.
struct KerasWeights: Sendable {
    let kernel: Matrix            // I × gates·H, columns stacked in Keras's order
    let recurrentKernel: Matrix   // H × gates·H
    /// gates·H numbers, the GRU's 2 × 3H with reset_after=True; nil: left out (use_bias=False).
    let bias: Value?
    let kerasBlock: [Int]
    let hidden: Int

    /// How many numbers the arrays hold: what the trace shows besides PyTorch's weights.
    var numbers: Int { kernel.entries.count + recurrentKernel.entries.count + (bias?.count ?? 0) }

    /// PyTorch's weights and biases, gates in rows in PyTorch's order (what the lesson computes with).
    var wIh: Matrix { pyTorchRows(kernel) }
    var wHh: Matrix { pyTorchRows(recurrentKernel) }
    /// One bias is the input's; a two-row one is the input's and the recurrent one's.
    var bIh: Vector? { bias.map { reordered(row($0, 0)) } }
    var bHh: Vector? { bias.flatMap { $0.shape.count == 2 ? reordered(row($0, 1)) : nil } }

    init(_ reader: inout InputReader, gates: [String], inputSize: Int) throws {
        let names = RecurrentNames(gates: gates)
        let blocks = names.kerasBlock.count
        let stacked = blocks == 1 ? "hidden" : "\(blocks)·hidden"
        let kernel = try reader.requiredMatrix("kernel", "Keras's input weights, input × \(stacked)")
        let recurrent = try reader.requiredMatrix("recurrent_kernel", "Keras's recurrent weights, hidden × \(stacked)")
        // H from recurrent_kernel's rows, or from its columns when it is the other way round.
        let h = blocks > 1 && recurrent.rows == blocks * recurrent.cols && recurrent.cols != blocks * recurrent.rows
            ? recurrent.cols : recurrent.rows
        try reader.expect(h, "the hidden size (rows of recurrent_kernel)", atMost: RecurrentInput.maxSize)
        try reader.expect(kernel, "kernel", rows: ("input", inputSize), cols: (stacked, blocks * h),
                          stored: "Keras stores the kernel input × \(stacked)")
        try reader.expect(recurrent, "recurrent_kernel", rows: ("hidden", h), cols: (stacked, blocks * h),
                          stored: "Keras stores the recurrent kernel hidden × \(stacked)")
        var bias: Value?
        if reader.holdsRows("bias") {
            let two = try reader.requiredMatrix("bias", "Keras's biases")
            guard gates.count == 3 else {
                throw reader.fail("bias must be \(stacked) = \(blocks * h) numbers (Keras's \(names.keras) has one bias), got a \(two.rows) × \(two.cols) matrix")
            }
            try reader.expect(two, "bias", rows: ("2", 2), cols: (stacked, blocks * h),
                              stored: "Keras's GRU with reset_after=True stores its input and recurrent biases as the rows of a 2 × 3·hidden matrix")
            bias = .matrix(two)
        } else if let one = try reader.vector("bias", "Keras's bias, \(stacked) numbers (the GRU's with reset_after=True: 2 × 3·hidden)") {
            try reader.expect(one, "bias", count: (stacked, blocks * h))
            bias = .vector(one)
        }
        (self.kernel, recurrentKernel, self.bias, kerasBlock, hidden) = (kernel, recurrent, bias, names.kerasBlock, h)
    }

    /// Keras's columns of block k: `k·H ..< (k+1)·H`.
    func columns(_ k: Int) -> Range<Int> { (k * hidden)..<((k + 1) * hidden) }

    /// Keras's n × gates·H array as PyTorch's gates·H × n: row g·H + u is column k·H + u, k
    /// being gate g's block in Keras's order.
    private func pyTorchRows(_ m: Matrix) -> Matrix {
        let order = kerasBlock.flatMap { columns($0) }
        return Matrix(rows: m.cols, cols: m.rows, entries: order.flatMap { c in (0..<m.rows).map { m[$0, c] } })
    }

    private func reordered(_ v: Vector) -> Vector { Vector(kerasBlock.flatMap { k in v.entries[columns(k)] }) }

    private func row(_ value: Value, _ r: Int) -> Vector {
        switch value {
        case .matrix(let m): return m.row(r)
        case .vector(let v): return v
        case .scalar(let x): return Vector([x])
        }
    }
}

// MARK: The trace

extension RecurrentInput {
    /// PyTorch's weights as the trace shows them, and the arrays given that they come from.
    typealias PresentedWeights = (wIh: Traced, wHh: Traced, bIh: Traced, bHh: Traced, given: [Traced])

    /// The sentence that says a cell's keys are the layer's, under other names.
    func presentLayout(in tr: Trace) {
        guard case .cell = layout else { return }
        let names = RecurrentNames(gates: gates)
        tr.say(layoutWords("cell keys", ["cell": names.cell, "module": names.module]))
    }

    /// Keras's arrays as given, then PyTorch's W_ih, W_hh, b_ih, b_hh worked out from them, each
    /// a step of its own: transposed, and (the GRU) their blocks put in PyTorch's order.
    func presentKeras(_ k: KerasWeights, in tr: Trace, caption: (String, [String: String]) -> Caption,
                      inputColumns: [String], unitColumns: [String]) -> PresentedWeights {
        let w = layoutWords
        let names = RecurrentNames(gates: gates)
        let h = hidden
        let kerasOrder = names.kerasOrder
        let stacked = gates.isEmpty ? "hidden" : "\(gates.count)·hidden"
        // Keras's columns, labelled with its own letters: z₁, z₂, r₁, …
        let kerasColumns = kerasOrder.isEmpty ? unitColumns : kerasOrder.flatMap { g in (1...h).map { "\(g)\(subscripted($0))" } }
        let slots = ["keras": kerasOrder.joined(separator: ", "), "pytorch": gates.joined(separator: ", "), "H": "\(h)",
                     "layer": names.keras, "stacked": stacked]
        let perColumn = kerasOrder.isEmpty ? "" : w("per column, stacked", slots)
        let kernel = tr.input("kernel", "W_{x}", .matrix(k.kernel), w.caption("kernel", slots.merging(["per column": perColumn]) { a, _ in a }),
                              labels: Labels(rowHeader: "", rows: inputColumns, columns: kerasColumns))
        let recurrent = tr.input("recurrent_kernel", "W_{h}", .matrix(k.recurrentKernel),
                                 w.caption("recurrent_kernel", slots.merging(["per column": perColumn]) { a, _ in a }),
                                 labels: Labels(rowHeader: "", rows: unitColumns, columns: kerasColumns))
        let bias: Traced? = k.bias.map { value in
            if case .matrix = value {
                return tr.input("bias", "B", value, w.caption("bias, two rows", slots),
                                labels: Labels(rowHeader: "", rows: [w("row input bias"), w("row recurrent bias")], columns: kerasColumns))
            }
            return tr.input("bias", "B", value, w.caption("bias", slots),
                            labels: Labels(rowHeader: sharedWords(gates.isEmpty ? "label unit" : "label gate, unit"), rows: kerasColumns))
        }

        // The mapping, said once, then each weight worked out.
        let biasSaid = k.bias == nil ? "bias, none" : k.bias?.shape.count == 2 ? "bias, two rows" : gates.count == 3 ? "bias, one, gru" : "bias, one"
        tr.say(w("keras mapping", slots.merging([
            "order": w(names.isReordered ? "order, reordered" : gates.isEmpty ? "order, one block" : "order, same", slots),
            "bias": w(biasSaid, slots)]) { a, _ in a }))
        let reorderedKey = names.isReordered ? ", reordered" : ""
        /// Keras's array's blocks of columns in PyTorch's order (`symbol`'s columns of each gate).
        func pyTorchOrder(_ m: Traced, _ symbol: String) -> Traced {
            guard names.isReordered else { return m }
            return concatColumns(k.kerasBlock.enumerated().map { g, block in
                m.columns(k.columns(block), "\(symbol)^{[\(RecurrentNames.latex(kerasOrder[block]))]}")
            })
        }
        let stackedLabels = self.stackedLabels
        let wIh = tr.record("weight_ih_l0", "W_{ih}", pyTorchOrder(kernel, "W_{x}").transposed,
                            w.caption("weight_ih_l0, keras" + reorderedKey, slots),
                            labels: Labels(rowHeader: stackedLabels.rowHeader, rows: stackedLabels.rows, columns: inputColumns))
        let wHh = tr.record("weight_hh_l0", "W_{hh}", pyTorchOrder(recurrent, "W_{h}").transposed,
                            w.caption("weight_hh_l0, keras" + reorderedKey, slots),
                            labels: Labels(rowHeader: stackedLabels.rowHeader, rows: stackedLabels.rows, columns: unitColumns))
        /// Row `row` of the bias (a one-bias vector: itself), its blocks in PyTorch's order.
        func biasRow(_ bias: Traced, _ row: Int?) -> Traced {
            let whole = row.map { bias.row($0, "B_{\($0 + 1)}") } ?? bias
            guard names.isReordered else { return whole }
            return concatEntries(k.kerasBlock.map { block in
                whole.rows(k.columns(block), (row.map { "B_{\($0 + 1)}" } ?? "B") + "^{[\(RecurrentNames.latex(kerasOrder[block]))]}")
            })
        }
        let zeros = Value.vector(.zeros(wIh.value.shape[0]))
        let bIh: Traced
        let bHh: Traced
        switch (bias, k.bias?.shape.count) {
        case (let given?, 2?):
            bIh = tr.record("bias_ih_l0", "b_{ih}", biasRow(given, 0), w.caption("bias_ih_l0, keras, row 1" + reorderedKey, slots), labels: stackedLabels)
            bHh = tr.record("bias_hh_l0", "b_{hh}", biasRow(given, 1), w.caption("bias_hh_l0, keras, row 2" + reorderedKey, slots), labels: stackedLabels)
        case (let given?, _):
            bIh = tr.record("bias_ih_l0", "b_{ih}", biasRow(given, nil), w.caption("bias_ih_l0, keras" + reorderedKey, slots), labels: stackedLabels)
            bHh = tr.input("bias_hh_l0", "b_{hh}", zeros, w.caption("bias_hh_l0, keras, one bias", slots), labels: stackedLabels)
        default:
            bIh = tr.input("bias_ih_l0", "b_{ih}", zeros, caption("bias_ih_l0", [:]), labels: stackedLabels)
            bHh = tr.input("bias_hh_l0", "b_{hh}", zeros, caption("bias_hh_l0", [:]), labels: stackedLabels)
        }
        return (wIh, wHh, bIh, bHh, [kernel, recurrent] + (bias.map { [$0] } ?? []))
    }

    /// The gradients of Keras's arrays, after PyTorch's weights' (whose transposes and blocks they are).
    func recordGivenGradients(_ back: Backprop, _ inputs: Inputs) {
        guard let k = layout.keras else { return }
        let w = layoutWords
        let names = RecurrentNames(gates: gates)
        let slots = ["keras": names.kerasOrder.joined(separator: ", "), "pytorch": gates.joined(separator: ", "), "layer": names.keras]
        let reorderedKey = names.isReordered ? ", reordered" : ""
        // In the order given: kernel, recurrent_kernel, bias.
        for (name, given) in zip(WeightLayout.kerasKeys, inputs.given) {
            let key = name == "bias" && k.bias?.shape.count == 2 ? "bias.grad, two rows" : name + ".grad"
            back.record(given, w.caption(key + reorderedKey, slots))
        }
    }
}
