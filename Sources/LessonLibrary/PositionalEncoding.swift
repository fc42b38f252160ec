// positional-encoding: the sinusoidal positional encoding of "Attention Is All You Need".
//
// Convention (the paper, section 3.5), positions pos = 0 … n−1, columns j = 0 … d−1, pair i = ⌊j/2⌋:
//   PE(pos, 2i) = sin(pos / base^(2i/d)),   PE(pos, 2i+1) = cos(pos / base^(2i/d)),   base = 10000.
// An odd d leaves the last column a sine. The encoding is added to the token embeddings x.
// Others: The Illustrated Transformer draws the d/2 sines first and the d/2 cosines after
// (same frequencies, columns reordered); learned position embeddings (BERT, GPT-2) are a table.
// References: Vaswani et al. 2017, section 3.5; seed notes 000 and 001 (sinusoidal encoding).

import JSONFormat
import LessonInput
import TraceCore

enum PositionalEncoding: Lesson {
    static let id = "positional-encoding"
    static let summary = words("summary")

    static let examples = [
        Example("default", words, input: .fields([
            "positions": .numbers([0, 1, 2, 3]),
            "d_model": .number(4),
            "base": .number(10000),
            "x": .rows([[0.1, 0.2, 0.3, 0.4], [0.5, -0.5, 0.5, -0.5], [0, 1, 0, 1], [-0.2, 0, 0.2, 0]]),
            "tokens": .strings(["the", "cat", "sat", "down"]),
        ])),
        Example("wave", words, input: .fields(["positions": .number(50), "d_model": .number(16)])),
    ] + SourcedExamples.positional

    static let maxPositions = 10_000
    static let maxWidth = 4_096

    static let alternatives = Alternative.switching("layout", [
        ("concatenated", words("alternative concatenated")),
        ("interleaved", words("alternative interleaved")),
    ]) + [Alternative(words("alternative from 1")) { input in
        switch input["positions"] {
        case .array(let positions)?:
            return input.setting("positions", .array(positions.map { p in
                if case .number(let x, _) = p { return .number(x + 1) }
                return p
            }))
        case .number(let count, _)? where count == count.rounded() && count >= 1 && count <= Double(maxPositions):
            return input.setting("positions", .numbers((1...Int(count)).map(Double.init)))
        default:
            return nil
        }
    }]

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try PositionalInput(&reader)
        try reader.finish()
        return derive(p, example: example, file: file, backward: backward)
    }

    /// The derivation: n positions, d columns, ⌈d/2⌉ frequencies. Words in PositionalEncoding+Words.swift.
    static func derive(_ p: PositionalInput, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        let (n, d) = (p.positions.count, p.d)
        let rowLabels = sequenceLabels(p.tokens, count: n).enumerated().map { sharedWords("label position of row", ["row": $1, "position": numberLabel(p.positions[$0])]) }
        let columns = numberLabels(d)
        let table = Labels(rowHeader: sharedWords("label row"), rows: rowLabels, columns: columns)
        // Which frequency pair each column belongs to, and whether it holds the sine.
        let sineCount = (d + 1) / 2
        let pairs = (0..<d).map { p.concatenated ? ($0 < sineCount ? $0 : $0 - sineCount) : $0 / 2 }
        let sines = (0..<d).map { p.concatenated ? $0 < sineCount : $0 % 2 == 0 }
        let halves = ["sines": "\(sineCount)", "cosines": "\(d - sineCount)"]

        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why"))
        tr.say(w("why sinusoids"))
        tr.math(w("rotation"))
        tr.heading(w("heading equations"))
        tr.math(w("equations"))
        tr.say(w("convention"))
        if p.concatenated { tr.say(w("concatenated", halves)) }
        tr.introduceInputs(legend: [
            (symbol: "n", meaning: w("legend n"), size: n),
            (symbol: #"d_{\text{model}}"#, meaning: w("legend d"), size: d),
            (symbol: #"\lceil d_{\text{model}}/2 \rceil"#, meaning: w("legend pairs"), size: sineCount),
        ], example: example)
        let positions = tr.input("positions", "pos", .vector(p.positions), w.caption("positions"),             // n
                                 labels: Labels(rowHeader: sharedWords("label row"), rows: sequenceLabels(p.tokens, count: n)))
        tr.input("d_model", #"d_{\text{model}}"#, .scalar(Double(d)), w.caption("d_model"))
        let base = tr.input("base", "base", .scalar(p.base), w.caption(p.base == 10000 ? "base" : "base, other"))
        let x = p.x.map {                                                                                     // n × d
            tr.input("x", "X", .matrix($0), w.caption("x"), labels: Labels(rowHeader: sharedWords("label row"), rows: sequenceLabels(p.tokens, count: n), columns: columns))
        }

        tr.heading(w("heading steps"))
        tr.heading(w("heading frequencies"), level: 3)
        let perColumn = Labels(rowHeader: sharedWords("label column"), rows: (0..<d).map { "\($0 + 1) (\(sines[$0] ? "sin" : "cos"), i = \(pairs[$0]))" })
        // e_j = 2i/d                                                                                           d
        let exponent = tr.record("exponent", "e", pairExponents(pairs, d: d), w.caption(p.concatenated ? "exponent, concatenated" : "exponent"), labels: perColumn)
        // base^{e_j}                                                                                           d
        let divisor = tr.record("divisor", "base^{e}", power(base, exponent), divisorCaption(power(base, exponent).value.flat, pairs: pairs),
                                labels: perColumn)

        tr.heading(w("heading angles"), level: 3)
        // Θ = pos / base^{2i/d}                                                                                n × d
        let angles = tr.record("angle", #"\Theta"#, broadcast(positions, .perRow, rows: n, cols: d) / broadcast(divisor, .perColumn, rows: n, cols: d),
                               w.caption("angle"), labels: table)
        // PE = sin or cos of Θ                                                                                  n × d
        let pe = tr.record("PE", "PE", sinusoid(angles, sines: sines), w.caption(d == 1 ? "PE, one column" : p.concatenated ? "PE, concatenated" : "PE", halves), labels: table)
        tr.figure(.heatmaps(title: w("figure"),
                            panels: [Heatmap(title: w("figure panel"), rows: p.positions.entries.map(numberLabel),
                                             columns: columns, values: pe.value.matrix, rowHeader: sharedWords("label position"), columnHeader: sharedWords("label column"))],
                            scale: .diverging),
                  description: w("figure description"))
        var output: Traced?
        if let x {
            tr.heading(w("heading adding"), level: 3)
            output = tr.record("output", "X + PE", x + pe, w.caption("output"), labels: table)               // n × d
        }

        let bullets = Trace.valuesOnly ? [] : slides(p, pe: pe.value.matrix, divisors: divisor.value.flat, pairs: pairs, sines: sines)
        if !bullets.isEmpty {
            tr.heading(w("heading slides"))
            tr.say(bullets.joined(separator: "\n"))
        }
        tr.heading(w("heading summary"))
        tr.say(relativePosition(p, pe: pe.value.matrix) ?? w("notice"))
        if backward, let x, let output {
            // PE depends on the positions, the width and the base alone: no gradient reaches it.
            let g = tr.beginBackward(why: backwardWords("backward why"), equations: w("backward equations"), output: output, symbol: "(X + PE)",
                                     given: p.gradOutput, labels: table)
            let back = Backprop(tr, differentiable: [x])
            back.seed(output, g)
            tr.heading(w("heading back through"), level: 3)
            back.record(output, w.caption("output.grad"))
            back.record(x, w.caption("x.grad"))
            tr.endBackward(back)
        }
        return tr
    }
}

// MARK: What the numbers say

extension PositionalEncoding {
    /// A number in a sentence: whole numbers as such, others to 2 decimals.
    static func said(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? numberLabel(x) : NumberStyle(precision: 2).fixed(x) }

    /// `1 position`, `100 positions`.
    static func positions(_ count: Double) -> String {
        count == 1 ? words("one position") : words("many positions", ["count": said(count)])
    }

    /// How fast the first and the last pair turn: positions per radian, the divisor of each pair.
    static func divisorCaption(_ divisors: [Double], pairs: [Int]) -> Caption {
        guard let first = divisors.first, let lastPair = pairs.max(), lastPair > 0,
              let last = pairs.firstIndex(of: lastPair).map({ divisors[$0] }) else {
            return words.caption("divisor, one pair", ["first": positions(divisors.first ?? 1)])
        }
        return words.caption("divisor", ["first": positions(first), "last pair": "\(lastPair)", "last": positions(last)])
    }

    /// The dot product of rows pos and pos + k, the same for every pos when the positions are evenly
    /// spaced and every sine has its cosine: the sentence that says so, or nil when it does not hold.
    static func relativePosition(_ p: PositionalInput, pe: Matrix) -> String? {
        let pos = p.positions.entries
        guard pe.rows >= 3, pe.cols % 2 == 0 else { return nil }
        let step = pos[1] - pos[0]
        guard step > 0, pos.indices.dropFirst().allSatisfy({ pos[$0] - pos[$0 - 1] == step }) else { return nil }
        let dots = (0..<(pe.rows - 1)).map { r in (0..<pe.cols).reduce(0.0) { $0 + pe[r, $1] * pe[r + 1, $1] } }
        guard let first = dots.first, dots.allSatisfy({ abs($0 - first) <= 1e-9 * max(1, abs(first)) }) else { return nil }
        return words("notice, relative", ["step": said(step), "s": abs(step) == 1 ? "" : words("plural"), "dot": NumberStyle(precision: 4).fixed(first)])
    }

    /// The seed notes' statements this example's numbers bear on (seed notes 001), each with its
    /// verdict computed from the values.
    static func slides(_ p: PositionalInput, pe: Matrix, divisors: [Double], pairs: [Int], sines: [Bool]) -> [String] {
        [whatIIs(p, pe: pe, divisors: divisors, pairs: pairs, sines: sines), distinctRows(p, pe: pe)].compactMap { $0 }
    }

    /// Seed 001: “i is the position”. In the row of the farthest position, a column of pair 1 (pair 0
    /// when there is one pair) shows i and pos apart.
    static func whatIIs(_ p: PositionalInput, pe: Matrix, divisors: [Double], pairs: [Int], sines: [Bool]) -> String? {
        guard pe.rows > 0, let column = pairs.firstIndex(of: pairs.contains(1) ? 1 : 0) else { return nil }
        let pos = p.positions.entries
        guard let row = pos.indices.max(by: { abs(pos[$0]) < abs(pos[$1]) }) else { return nil }
        return words("slides i", ["pos": numberLabel(p.positions[row]), "column": "\(column + 1)", "function": sines[column] ? "sin" : "cos",
                                  "divisor": numberLabel(divisors[column]), "value": NumberStyle(precision: 4).fixed(pe[row, column]), "i": "\(pairs[column])"])
    }

    /// Seed 001: different positions, different vectors. The closest two rows (only neighbours beyond
    /// a size where comparing every pair would cost more than the lesson itself).
    static func distinctRows(_ p: PositionalInput, pe: Matrix) -> String? {
        guard pe.rows > 1 else { return nil }
        let pos = p.positions.entries
        func distance(_ a: Int, _ b: Int) -> Double { (0..<pe.cols).reduce(0.0) { $0 + (pe[a, $1] - pe[b, $1]) * (pe[a, $1] - pe[b, $1]) }.squareRoot() }
        if let repeated = pos.indices.first(where: { r in pos[..<r].contains(pos[r]) }), let earlier = pos.firstIndex(of: pos[repeated]) {
            return words("slides distinct, repeated", ["r1": "\(earlier + 1)", "r2": "\(repeated + 1)", "a": numberLabel(pos[repeated])])
        }
        let everyPair = pe.rows * pe.rows * pe.cols <= 4_000_000
        let pairs = everyPair ? (0..<pe.rows).flatMap { a in ((a + 1)..<pe.rows).map { (a, $0) } } : (1..<pe.rows).map { ($0 - 1, $0) }
        // The first of the closest pairs: distances equal up to rounding (every neighbour, when the
        // positions are evenly spaced) name the earliest.
        guard let least = pairs.map({ distance($0.0, $0.1) }).min(),
              let closest = pairs.first(where: { distance($0.0, $0.1) <= least + 1e-9 * max(1, least) }) else { return nil }
        let slots = ["a": numberLabel(pos[closest.0]), "b": numberLabel(pos[closest.1]), "distance": NumberStyle(precision: 4).fixed(distance(closest.0, closest.1))]
        if distance(closest.0, closest.1) == 0 { return words("slides distinct, coincide", slots) }
        return words(everyPair ? "slides distinct, all" : "slides distinct, neighbours", slots)
    }
}

/// The input of positional-encoding: the positions (a count n, or a list), the width, the base,
/// and the embeddings to add, checked once.
struct PositionalInput {
    let positions: Vector   // n
    let d: Int
    let base: Double
    let x: Matrix?          // n × d
    let tokens: [String]?
    let concatenated: Bool
    let gradOutput: Matrix? // n × d: ∂L/∂output for the backward pass, ones when not given

    init(_ reader: inout InputReader) throws {
        let what = "the count n of positions 0 … n−1, or a list of positions, e.g. 4 or [0, 1, 2, 3]"
        if reader.holdsNumber("positions") {
            let count = try reader.required(try reader.integer("positions", what), "positions", what)
            guard count >= 1 else { throw reader.fail("positions must be at least 1 when it is a count, got \(count)") }
            try reader.expect(count, "the number of positions", atMost: PositionalEncoding.maxPositions)
            positions = Vector((0..<count).map(Double.init))
        } else {
            positions = try reader.required(try reader.vector("positions", what), "positions", what)
        }
        let n = positions.count
        try reader.expect(n, "the number of positions", atMost: PositionalEncoding.maxPositions)
        d = try reader.required(try reader.integer("d_model", "the width of the encoding"), "d_model", "the width of the encoding, a whole number")
        guard d >= 1 else { throw reader.fail("d_model must be at least 1, got \(d)") }
        try reader.expect(d, "d_model", atMost: PositionalEncoding.maxWidth)
        base = try reader.number("base") ?? 10000
        guard base > 0 else { throw reader.fail("base must be a positive number, got \(JSON.format(base))") }
        x = try reader.matrix("x", "the embeddings to add the encoding to (n × d_model)")
        if let x { try reader.expect(x, "x", rows: ("positions", n), cols: ("d_model", d)) }
        tokens = try reader.labels("tokens", count: n, per: "position")
        concatenated = try reader.choice("layout", ["interleaved", "concatenated"]) == "concatenated"
        gradOutput = try reader.matrix("grad_output", "∂L/∂output for the backward pass, n × d_model")
        if let gradOutput {
            guard x != nil else { throw reader.fail("grad_output is ∂L/∂(x + PE), but there is no x: without x the encoding has nothing to differentiate; give x (n × d_model) or leave grad_output out") }
            try reader.expect(gradOutput, "grad_output", rows: ("positions", n), cols: ("d_model", d))
        }
        if reader.backward && x == nil {
            throw reader.fail("--backward needs x: the encoding PE depends on no input a gradient could reach; give x (n × d_model), the embeddings PE is added to")
        }
        // The trace holds the positions, d_model, base, x, exponents and divisors, the angles, PE and X + PE.
        let (nd, dd) = (Double(n), Double(d))
        try reader.expectWork(multiplyAdds: 4 * nd * dd, traceNumbers: nd + 2 + 2 * dd + (x == nil ? 2 : 4) * nd * dd)
    }
}
