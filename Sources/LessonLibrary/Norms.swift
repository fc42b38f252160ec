// norms: one batch of sequences, B × T × D, normalized four ways (seed 001: why layer norm, and
// not batch norm, for sequences).
//
// Convention (PyTorch; biased variance, ε inside the root, no affine): for each set S of cells
//   μ = (1/|S|) Σ_S x,   σ² = (1/|S|) Σ_S (x − μ)²,   y = (x − μ) / √(σ² + ε),
// where S is, for entry (b, t, d),
//   batch norm     feature d over every sequence b and step t (|S| = B·T): nn.BatchNorm1d(D, affine=False)
//                  in training mode, on the (B, D, T) layout;
//   layer norm     token (b, t) over its D features: nn.LayerNorm(D, elementwise_affine=False);
//   instance norm  feature d of sequence b over its T steps: nn.InstanceNorm1d(D) on (B, D, T);
//   group norm     sequence b's group g of D/N_g features (features (g−1)·D/N_g+1 … g·D/N_g) over
//                  its T steps: nn.GroupNorm(N_g, D, affine=False) on (B, D, T).
// N_g (the input's `groups`) is the number of groups: G is the loss's grad_output, as in every backward note.
// Others: batch norm in eval mode uses running averages of these statistics (its running_var
// unbiased, ÷ (B·T − 1)); each module's affine γ, β (per feature) would follow.
// References: Ioffe & Szegedy 2015 (batch norm); Ba, Kiros & Hinton 2016 (layer norm); Ulyanov,
// Vedaldi & Lempitsky 2016 (instance norm); Wu & He 2018 (group norm); PyTorch's docs; seed 001.
// The tensor is computed as its (B·T) × D matrix, one row per token; each statistic is a mean over
// the sets of one grouping (GroupReduction), so the four sections are the same steps over other sets.

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum Norms: Lesson {
    static let id = "norms"
    static var summary: String { words("summary") }

    static let examples = [
        Example("default", words, input: .fields([
            "input": .array([
                .rows([[1, 2, 3, 6], [2, 0, 4, 2], [3, 4, 2, 3]]),
                .rows([[5, 3, 1, 3], [1, 5, 3, 3], [0, 0, 0, 0]]),
            ]),
            "groups": .number(2),
            "eps": .number(1e-5),
            "tokens": .array([.strings(["the", "cat", "sat"]), .strings(["dogs", "ran", "<pad>"])]),
            "grad_output": .array([
                .rows([[1, 2, -1, 1], [0, 0, 0, 0], [0, 0, 0, 0]]),
                .rows([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]),
            ]),
        ])),
    ]

    /// At most this many numbers in the tensor (B·T·D).
    static let maxEntries = 65_536
    /// At most this many tokens (B·T): each is a row of nine values and their gradients, and in
    /// `--format json` an array of its own, which costs more than its numbers when D is small.
    static let maxTokens = 16_384

    /// The four normalizations, in the order the note takes them.
    enum Kind: String, CaseIterable {
        case batch, layer, instance, group
        /// The symbols' subscript: BN, LN, IN, GN.
        var tag: String { ["batch": "BN", "layer": "LN", "instance": "IN", "group": "GN"][rawValue] ?? "" }
    }

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try NormsInput(&reader)
        try reader.finish()
        let tr = derive(p, example: example, file: file, backward: backward)
        // Error messages stay English, whatever the language of the note.
        if let refusal = Language.$current.withValue(.en, operation: { notFinite(p, tr) }) { throw reader.fail(refusal) }
        return tr
    }

    /// Why a value computed from finite numbers is not finite, as an error's words: a sum or a square
    /// past float64's largest number (about 1.8e308), or 0/0 with ε = 0. nil when every value is finite.
    static func notFinite(_ p: NormsInput, _ tr: Trace) -> String? {
        func shown(_ x: Double) -> String { x.isNaN ? "nan" : x < 0 ? "-inf" : "inf" }
        for kind in Kind.allCases {
            let g = grouping(kind, p)
            // A set named by its indices, never by a label the input gave.
            let set = { (i: Int) in kind == .layer ? words("token", ["b": "\(i / p.t + 1)", "t": "\(i % p.t + 1)"]) : setName(kind, p, i) }
            let norm = words("name \(kind.rawValue)")
            for (value, what) in [("mean", "mean"), ("centered", "deviation"), ("var", "variance")] {
                guard let flat = tr["\(kind.rawValue).\(value)"]?.value.flat, let i = flat.firstIndex(where: { !$0.isFinite }) else { continue }
                return "input: \(norm)'s \(what) over \(set(value == "centered" ? g.set[i] : i)) overflows (\(shown(flat[i]))): numbers this large cannot be normalized in float64; scale the input down"
            }
            // s = √(σ² + ε) is 0 only for a variance of 0 (equal numbers) with ε = 0: the output would be 0/0.
            if let s = tr["\(kind.rawValue).std"]?.value.flat, let i = s.firstIndex(of: 0) {
                return "eps: with eps 0, \(norm)'s \(set(i)) has variance 0 (its numbers are equal), so its output would be 0/0 (nan); use an eps above 0, such as PyTorch's 1e-5"
            }
        }
        // The forward pass is finite: a gradient past float64's largest number comes from grad_output.
        if let step = tr.computedSteps.first(where: { $0.name.hasSuffix(".grad") && $0.value.flat.contains { !$0.isFinite } }) {
            let x = step.value.flat.first { !$0.isFinite } ?? .nan
            return "\(p.gradOutput == nil ? "input" : "grad_output"): \(step.name) overflows (\(shown(x))) in the backward pass: numbers this large cannot be carried back in float64; scale \(p.gradOutput == nil ? "the input" : "grad_output") down"
        }
        return nil
    }

    /// Which set of `kind` entry i of the (B·T) × D matrix belongs to, and how many sets there are.
    static func grouping(_ kind: Kind, _ p: NormsInput) -> Grouping {
        let (t, d, g) = (p.t, p.d, p.groups)
        let entries = 0..<(p.b * t * d)
        switch kind {
        case .batch: return Grouping(set: entries.map { $0 % d }, count: d, over: "b,t")
        case .layer: return Grouping(set: entries.map { $0 / d }, count: p.b * t, over: "d")
        case .instance: return Grouping(set: entries.map { ($0 / (t * d)) * d + $0 % d }, count: p.b * d, over: "t")
        case .group: return Grouping(set: entries.map { ($0 / (t * d)) * g + ($0 % d) / (d / g) }, count: p.b * g, over: #"t,\, d \in g"#)
        }
    }

    /// The labels of one statistic per set of `kind`: its shape and its rows' names.
    static func statisticLabels(_ kind: Kind, _ p: NormsInput) -> Labels {
        let w = words
        switch kind {
        case .batch: return Labels(rowHeader: w("label d"), rows: numberLabels(p.d))
        case .layer: return Labels(rowHeader: w("label b, t"), rows: tokenLabels(p), shape: [p.b, p.t])
        case .instance:
            return Labels(rowHeader: w("label b, d"), rows: (0..<(p.b * p.d)).map { "\($0 / p.d + 1), \($0 % p.d + 1)" }, shape: [p.b, p.d])
        case .group:
            return Labels(rowHeader: w("label b, g"), rows: (0..<(p.b * p.groups)).map { "\($0 / p.groups + 1), \($0 % p.groups + 1)" },
                          shape: [p.b, p.groups])
        }
    }

    /// Row labels of the (B·T) × D matrix: `b, t` and the token, if any.
    static func tokenLabels(_ p: NormsInput) -> [String] {
        (0..<(p.b * p.t)).map { r in "\(r / p.t + 1), \(r % p.t + 1)" + (p.tokens.map { " · " + $0[r / p.t][r % p.t] } ?? "") }
    }

    /// One normalization's recorded values.
    struct Normalized {
        let mean, centered, variance, std, output: Traced
    }

    /// The derivation: the input, then each normalization in its section. Words in Norms+Words.swift.
    static func derive(_ p: NormsInput, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        let (b, t, d) = (p.b, p.t, p.d)
        let table = Labels(rowHeader: w("label b, t"), rows: tokenLabels(p), columns: numberLabels(d), shape: [b, t, d])

        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        tr.math(w("equations"))
        tr.say(w("convention"))
        tr.introduceInputs(legend: [
            (symbol: "B", meaning: w("legend B"), size: b),
            (symbol: "T", meaning: w("legend T"), size: t),
            (symbol: "D", meaning: w("legend D"), size: d),
            (symbol: "N_{g}", meaning: w("legend groups"), size: p.groups),
        ], example: example)
        let x = tr.input("input", "X", .matrix(p.x), w.caption("input"), labels: table)                    // (B·T) × D
        tr.input("groups", "N_{g}", .scalar(Double(p.groups)), w.caption("groups", ["size": "\(d / p.groups)"]))
        let eps = tr.input("eps", #"\epsilon"#, .scalar(p.eps), w.caption("eps"))

        var normalized: [Kind: Normalized] = [:]
        for kind in Kind.allCases {
            normalized[kind] = normalize(kind, x, eps, p, tr: tr, table: table)
        }

        tr.slides(slides(p, tr))
        tr.heading(w("heading summary"))
        if !Trace.valuesOnly { tr.say(sequencesSentence(p, tr)) }
        if !Trace.valuesOnly { tr.say(decodingSentence(p, tr)) }
        if backward, let outputs = Optional(Kind.allCases.compactMap({ normalized[$0] })) {
            // The example's story of its G goes with the loss, before the G it explains.
            let why = [example?.backwardStory, w("backward why", ["L": loss(p, outputs)])].compactMap { $0 }.joined(separator: " ")
            let g = tr.beginBackward(why: why, equations: w("backward equations"), output: outputs[0].output, symbol: "Y",
                                     given: p.gradOutput, labels: table)
            let back = Backprop(tr, differentiable: [x])
            for n in outputs { back.seed(n.output, g) }
            for kind in Kind.allCases.reversed() {
                guard let n = normalized[kind] else { continue }
                tr.heading(w("heading back through", ["norm": w("name \(kind.rawValue)")]), level: 3)
                let slots = ["tag": kind.tag, "spread": w("spread \(kind.rawValue)")]
                back.record(n.output, w.caption("output.grad", slots))
                back.record(n.std, w.caption("std.grad", slots))
                back.record(n.variance, w.caption("var.grad", slots))
                back.record(n.centered, w.caption("centered.grad", slots))
                back.record(n.mean, w.caption("mean.grad", slots))
            }
            tr.heading(w("heading input gradient"), level: 3)
            if back.record(x, w.caption("input.grad")) != nil {
                tr.say(inputGradientSentence(p, tr))
                if let mixing = backwardMixingSentence(p, tr) { tr.say(mixing) }
            }
            tr.endBackward(back)
        }
        return tr
    }

    /// One normalization, as its section: the means, the deviations, the variances, the standard
    /// deviations and the output.
    static func normalize(_ kind: Kind, _ x: Traced, _ eps: Traced, _ p: NormsInput, tr: Trace, table: Labels) -> Normalized {
        let w = words
        let (rows, cols) = (p.b * p.t, p.d)
        let g = grouping(kind, p)
        let name = kind.rawValue
        let tag = "_{\\text{\(kind.tag)}}"
        let size = [Kind.batch: p.b * p.t, .layer: p.d, .instance: p.t, .group: p.t * p.d / p.groups][kind] ?? 1
        let slots = ["tag": kind.tag, "n": "\(size)", "norm": w("name \(name)"), "over": w("over \(name)", ["size": "\(p.d / p.groups)"]),
                     "spread": w("spread \(name)")]
        let stats = Trace.valuesOnly ? Labels() : statisticLabels(kind, p)

        tr.heading(w("heading \(name)"))
        // PyTorch refuses sets of one number in training mode (but layer norm's): said where it applies.
        tr.say(w("why \(name)", slots) + (size == 1 && kind != .layer ? " " + w("refused \(name)") : ""))
        tr.figure(blocksFigure(kind, p, grouping: g), description: w("figure description", slots.merging(figureSlots(kind, p)) { a, _ in a }))
        // μ = (1/n) Σ_S x                                                                    one per set
        let mean = tr.record("\(name).mean", "\\mu\(tag)", reduceGroups(x, g, mean: true), w.caption("mean", slots), labels: stats)
        // x − μ                                                                               (B·T) × D
        let centered = tr.record("\(name).centered", "\\tilde X\(tag)", x - spreadGroups(mean, g, rows: rows, cols: cols),
                                 w.caption("centered", slots), labels: table)
        // σ² = (1/n) Σ_S (x − μ)²  (biased)                                                   one per set
        let variance = tr.record("\(name).var", "\\sigma\(tag)^{2}", reduceGroups(square(centered), g, mean: true),
                                 w.caption("var", slots), labels: stats)
        // s = √(σ² + ε)                                                                       one per set
        let std = tr.record("\(name).std", "s\(tag)", sqrt(variance + eps), w.caption("std", slots.merging(["tiny": tinyVariance(kind, p, variance.value.flat)]) { a, _ in a }),
                            labels: stats)
        // y = (x − μ)/s                                                                       (B·T) × D
        let y = centered / spreadGroups(std, g, rows: rows, cols: cols)
        let output = tr.record("\(name).output", "Y\(tag)", y,
                               w.caption("output", slots.merging(outputMoments(kind, p, variance: variance.value.flat, y: y.value.flat)) { a, _ in a }),
                               labels: table)
        return Normalized(mean: mean, centered: centered, variance: variance, std: std, output: output)
    }

    /// The cells the first mean of the figure averages: the set of entry (1, 1, 1), feature 1, the
    /// feature the summary and the backward pass follow.
    static func highlightedSet(_ kind: Kind, _ p: NormsInput, _ g: Grouping) -> Int { g.set[0] }

    /// The tensor as B blocks of T × D cells, the cells of one set highlighted.
    static func blocksFigure(_ kind: Kind, _ p: NormsInput, grouping g: Grouping) -> Figure {
        let w = words
        let set = highlightedSet(kind, p, g)
        return .blocks(TensorBlocks(title: w("figure \(kind.rawValue)", figureSlots(kind, p)),
                                    blocks: (0..<p.b).map { w("figure sequence", ["b": "\($0 + 1)"]) },
                                    rows: (0..<p.b).map { b in (0..<p.t).map { t in p.tokens.map { "\(t + 1) · \($0[b][t])" } ?? "\(t + 1)" } },
                                    columns: numberLabels(p.d), values: p.x, highlighted: g.set.map { $0 == set },
                                    rowHeader: w("figure rows"), columnHeader: w("figure columns")))
    }

    /// Which set the figure highlights, in words' slots: the feature, the group.
    static func figureSlots(_ kind: Kind, _ p: NormsInput) -> [String: String] {
        return ["j": "1", "last": "\(p.d / p.groups)", "G": "\(p.groups)"]
    }
}

/// The input of norms, checked once.
struct NormsInput {
    let x: Matrix           // (B·T) × D, row b·T + t is token t of sequence b
    let b, t, d: Int
    let groups: Int
    let eps: Double
    /// Per sequence, one label per step.
    let tokens: [[String]]?
    let gradOutput: Matrix? // (B·T) × D: ∂L/∂Y, the same for the four outputs; ones when not given

    init(_ reader: inout InputReader) throws {
        let shape = "B × T × D: B sequences of T steps of D features"
        let (dims, x) = try reader.required(try reader.tensor("input", "the sequences, \(shape)", axes: 3), "input", "the sequences, \(shape)")
        (b, t, d) = (dims[0], dims[1], dims[2])
        self.x = x
        try reader.expect(b * t * d, "the number of entries of input (B·T·D)", atMost: Norms.maxEntries)
        try reader.expect(b * t, "the number of tokens of input (B·T)", atMost: Norms.maxTokens)
        let given = try reader.integer("groups", "G, the number of groups of features")
        groups = given ?? (d % 2 == 0 ? 2 : 1)
        guard groups >= 1, d % groups == 0 else {
            throw reader.fail("groups must divide D = \(d) (the features per sequence step), got \(groups)")
        }
        eps = try reader.number("eps") ?? 1e-5
        // PyTorch allows ε = 0; a set of equal numbers then divides 0 by 0, which Norms.trace refuses.
        guard eps >= 0 else { throw reader.fail("eps must be a number ≥ 0, got \(JSON.format(eps))") }
        tokens = try Self.tokens(&reader, b: b, t: t)
        if let g = try reader.tensor("grad_output", "∂L/∂output for the backward pass, \(shape)", axes: 3) {
            guard g.shape == dims else {
                throw reader.fail("grad_output must be B × T × D = \(b) × \(t) × \(d), as input, got \(g.shape.map(String.init).joined(separator: " × "))")
            }
            gradOutput = g.matrix
        } else {
            gradOutput = nil
        }
        // Per normalization: the mean, deviations, variance, standard deviation and output; the
        // input and ε. Per entry, about 6 multiply-adds for each of the four.
        let n = Double(b * t * d)
        let sets = Double(d + b * t + b * d + b * groups)
        try reader.expectWork(multiplyAdds: 24 * n, traceNumbers: 9 * n + 3 * sets + 2)
    }

    /// `tokens`: one list of T labels per sequence.
    static func tokens(_ reader: inout InputReader, b: Int, t: Int) throws -> [[String]]? {
        guard let json = reader.json("tokens") else { return nil }
        let what = "B = \(b) lists of T = \(t) labels, one per step of each sequence"
        guard case .array(let lists) = json else { throw reader.fail("tokens must be \(what), got \(json.kindDescription)") }
        guard lists.count == b else { throw reader.fail("tokens must be \(what), got \(lists.count) lists") }
        return try lists.enumerated().map { i, list in
            guard case .array(let items) = list else {
                throw reader.fail("tokens[\(i + 1)] must be a list of T = \(t) labels, one per step, got \(list.kindDescription)")
            }
            guard items.count == t else {
                throw reader.fail("tokens[\(i + 1)] must be a list of T = \(t) labels, one per step, got \(items.count) label\(items.count == 1 ? "" : "s")")
            }
            return try items.enumerated().map { j, item in
                guard case .string(let s) = item else { throw reader.fail("tokens[\(i + 1)][\(j + 1)] must be a string, got \(item.kindDescription)") }
                return s
            }
        }
    }
}
