// positional-encoding: the sinusoidal positional encoding of "Attention Is All You Need".
//
// Convention (the paper, section 3.5), positions pos = 0 … n−1, columns j = 0 … d−1, pair i = ⌊j/2⌋:
//   PE(pos, 2i) = sin(pos / base^(2i/d)),   PE(pos, 2i+1) = cos(pos / base^(2i/d)),   base = 10000.
// An odd d leaves the last column a sine. The encoding is added to the token embeddings x.
// Others: The Illustrated Transformer draws the d/2 sines first and the d/2 cosines after
// (same frequencies, columns reordered); learned position embeddings (BERT, GPT-2) are a table.
// References: Vaswani et al. 2017, section 3.5; seed notes 000 and 001 (sinusoidal encoding).

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum PositionalEncoding: Lesson {
    static let id = "positional-encoding"
    static var summary: String { words("summary") }

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

    static let alternatives = Alternative.switching("layout", words, [
        ("concatenated", "alternative concatenated"),
        ("interleaved", "alternative interleaved"),
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
        tr.heading(w("heading equations"))
        tr.math(w("equations"))
        tr.say(w("convention"))
        if p.concatenated { tr.say(w("concatenated", halves)) }
        tr.say(w("why sinusoids"))
        if d % 2 == 0 {
            // Every sine has its cosine: dot products and distances depend on the gap alone.
            tr.say(w("why gap"))
            tr.math(w("gap"))
        }
        tr.introduceInputs(legend: [
            (symbol: "n", meaning: w("legend n"), size: n),
            (symbol: #"d_{\text{model}}"#, meaning: w("legend d"), size: d),
            (symbol: #"\lceil d_{\text{model}}/2 \rceil"#, meaning: w("legend pairs"), size: sineCount),
        ], example: example)
        let first = p.positions.entries.first ?? 0
        let positions = tr.input("positions", "pos", .vector(p.positions),                                     // n
                                 first == 0 ? w.caption("positions") : w.caption("positions, from 1", ["first": numberLabel(first)]),
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
        let sinusoids = sinusoid(angles, sines: sines)
        let pe = tr.record("PE", "PE", sinusoids, peCaption(p, pe: sinusoids.value.matrix, divisors: divisor.value.flat, pairs: pairs, sines: sines, halves: halves),
                           labels: table)
        tr.figure(.heatmaps(title: w("figure"),
                            panels: [Heatmap(title: w("figure panel"), rows: p.positions.entries.map(numberLabel),
                                             columns: columns, values: pe.value.matrix, rowHeader: sharedWords("label position"), columnHeader: sharedWords("label column"))],
                            scale: .diverging),
                  description: w("figure description", ["rows": w(n == 1 ? "one row" : "many rows", ["r": n == 1 ? "1" : "1–\(n)"]),
                                                         "positions": w(n == 1 ? "figure one position" : "figure positions", ["p": positionRange(p.positions.entries)])]))
        var output: Traced?
        if let x {
            tr.heading(w("heading adding"), level: 3)
            output = tr.record("output", "X + PE", x + pe, w.caption("output"), labels: table)               // n × d
        }

        tr.slides(slides(p, pe: pe.value.matrix, output: output?.value.matrix, divisors: divisor.value.flat, pairs: pairs, sines: sines))
        tr.heading(w("heading summary"))
        tr.say(relativePosition(p, pe: pe.value.matrix, divisors: divisor.value.flat, pairs: pairs) ?? w("notice"))
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

    /// A number as the tables show it.
    static func shown(_ x: Double) -> String { NumberStyle(precision: 4).fixed(x) }

    /// `1 position`, `100 positions`.
    static func positions(_ count: Double) -> String {
        count == 1 ? words("one position") : words("many positions", ["count": said(count)])
    }

    /// `1 and 3`, `1, 3 and 5`, `1, 3, …, 15`.
    static func listed(_ items: [String]) -> String {
        items.count > 3 ? "\(items[0]), \(items[1]), …, \(items[items.count - 1])" : LessonLibrary.listed(items)
    }

    /// `0–3` for increasing positions, else the list.
    static func positionRange(_ pos: [Double]) -> String {
        guard pos.count > 2, pos.indices.dropFirst().allSatisfy({ pos[$0] == pos[$0 - 1] + 1 }) else { return listed(pos.map(numberLabel)) }
        return "\(numberLabel(pos[0]))–\(numberLabel(pos[pos.count - 1]))"
    }

    /// A row in a sentence: “the”, or row 1 without tokens.
    static func named(_ p: PositionalInput, _ r: Int) -> String {
        p.tokens.map { words("token", ["token": $0[r]]) } ?? words("row", ["i": "\(r + 1)"])
    }

    /// The angular frequency ω_i of each pair i = 0, 1, …: one over its divisor.
    static func frequencies(_ divisors: [Double], pairs: [Int]) -> [Double] {
        (0...(pairs.max() ?? 0)).compactMap { i in pairs.firstIndex(of: i).map { 1 / divisors[$0] } }
    }

    /// How fast the first and the last pair turn: positions per radian, the divisor of each pair.
    static func divisorCaption(_ divisors: [Double], pairs: [Int]) -> Caption {
        guard let first = divisors.first, let lastPair = pairs.max(), lastPair > 0,
              let last = pairs.firstIndex(of: lastPair).map({ divisors[$0] }) else {
            return words.caption("divisor, one pair", ["first": positions(divisors.first ?? 1)])
        }
        return words.caption("divisor", ["first": positions(first), "last pair": "\(lastPair)", "last": positions(last)])
    }

    /// Which table columns hold the sines (the paper's even columns, counted from 0) and the
    /// cosines, and how far the slowest pair turns between the first row and the farthest position.
    static func peCaption(_ p: PositionalInput, pe: Matrix, divisors: [Double], pairs: [Int], sines: [Bool], halves: [String: String]) -> Caption {
        guard pe.cols > 1 else { return words.caption("PE, one column") }
        var slots = halves
        let sineColumns = sines.indices.filter { sines[$0] }
        slots["sine columns"] = words(sineColumns.count == 1 ? "one column" : "many columns", ["c": listed(sineColumns.map { "\($0 + 1)" })])
        slots["paper sine columns"] = listed(sines.indices.filter { sines[$0] }.map { "\($0)" })
        slots["cosine columns"] = listed(sines.indices.filter { !sines[$0] }.map { "\($0 + 1)" })
        slots["slow"] = ""
        let pos = p.positions.entries
        if let last = pairs.max(), last > 0, pe.rows > 1,
           let sine = sines.indices.first(where: { pairs[$0] == last && sines[$0] }),
           let cosine = sines.indices.first(where: { pairs[$0] == last && !sines[$0] }),
           let far = pos.indices.max(by: { abs(pos[$0]) < abs(pos[$1]) }), far != 0 {
            let angle = pos[far] / divisors[sine]
            slots["slow"] = words(abs(angle) < 0.1 ? "slow, hardly" : "slow", [
                "sine": "\(sine + 1)", "cosine": "\(cosine + 1)", "angle": shown(angle), "pos": numberLabel(p.positions[far]),
                "sine from": shown(pe[0, sine]), "sine to": shown(pe[far, sine]), "cosine from": shown(pe[0, cosine]), "cosine to": shown(pe[far, cosine]),
            ])
        }
        return words.caption(p.concatenated ? "PE, concatenated" : "PE", slots)
    }

    /// The dot product of rows pos and pos + k, Σ_i cos(k ω_i), the same for every pos when the
    /// positions are evenly spaced and every sine has its cosine: the sentence that says so, with the
    /// first gap that gives a larger product (nearer rows) if there is one, or nil when it does not hold.
    static func relativePosition(_ p: PositionalInput, pe: Matrix, divisors: [Double], pairs: [Int]) -> String? {
        let pos = p.positions.entries
        guard pe.rows >= 3, pe.cols % 2 == 0 else { return nil }
        let step = pos[1] - pos[0]
        guard step > 0, pos.indices.dropFirst().allSatisfy({ pos[$0] - pos[$0 - 1] == step }) else { return nil }
        let dots = (0..<(pe.rows - 1)).map { r in (0..<pe.cols).reduce(0.0) { $0 + pe[r, $1] * pe[r + 1, $1] } }
        guard let neighbours = dots.first, dots.allSatisfy({ abs($0 - neighbours) <= 1e-9 * max(1, abs(neighbours)) }) else { return nil }
        let omegas = frequencies(divisors, pairs: pairs)
        func dot(_ k: Double) -> Double { omegas.reduce(0.0) { $0 + Foundation.cos(k * $1) } }
        func distance(_ k: Double) -> Double { (2 * Double(omegas.count) - 2 * dot(k)).squareRoot() }
        let terms = omegas.count <= 3 ? words("terms, few", ["terms": omegas.map { #"\cos(\#(shown(step * $0)))"# }.joined(separator: " + ")]) : ""
        // The first gap, in steps, whose rows have a larger dot product than neighbours (a bounded search).
        let limit = max(2, min(10_000, 1_000_000 / max(1, omegas.count)))
        let farther = (2...limit).first { dot(Double($0) * step) > neighbours + 1e-9 * max(1, abs(neighbours)) }.map { m in
            words("farther", ["a": numberLabel(pos[0]), "b": numberLabel(pos[0] + Double(m) * step), "dot": shown(dot(Double(m) * step)),
                              "distance": shown(distance(Double(m) * step)), "neighbours": shown(distance(step))])
        } ?? ""
        return words("notice, relative", ["step": said(step), "terms": terms, "dot": shown(neighbours), "farther": farther])
    }

    /// The seed notes' statements this example's numbers bear on, each with its verdict computed
    /// from the values: seed 000 on order, seed 001 on the periods, on i, and on distinct positions.
    static func slides(_ p: PositionalInput, pe: Matrix, output: Matrix?, divisors: [Double], pairs: [Int], sines: [Bool]) -> [String] {
        [output.flatMap { order(p, pe: pe, output: $0) }, periods(p, divisors: divisors, pairs: pairs),
         whatIIs(p, pe: pe, divisors: divisors, pairs: pairs, sines: sines), distinctRows(p, pe: pe)].compactMap { $0 }
    }

    /// Seed 000: “A B C D or B A C D, the same encodings”. The first token moved to the second
    /// position enters with another row.
    static func order(_ p: PositionalInput, pe: Matrix, output: Matrix) -> String? {
        let pos = p.positions.entries
        guard output.rows > 1, output.cols <= 8, pos[0] != pos[1] else { return nil }
        let style = NumberStyle(precision: 4)
        let moved = (0..<output.cols).map { style.fixed(output[0, $0] - pe[0, $0] + pe[1, $0]) }
        let row = (0..<output.cols).map { style.fixed(output[0, $0]) }
        guard moved != row else { return nil }
        return words("slides order", ["token": named(p, 0), "pos": numberLabel(p.positions[0]), "other": numberLabel(p.positions[1]),
                                      "moved": moved.joined(separator: ", "), "row": row.joined(separator: ", ")])
    }

    /// Seed 001: “different periods”. Pair i repeats every 2π · base^{2i/d} positions.
    static func periods(_ p: PositionalInput, divisors: [Double], pairs: [Int]) -> String? {
        let omegas = frequencies(divisors, pairs: pairs)
        guard omegas.count > 1, let slowest = omegas.last, let fastest = omegas.first else { return nil }
        let style = NumberStyle(precision: 2)
        let ratio = omegas.count > 2 ? words("slides periods, ratio", ["ratio": said(fastest / omegas[1])]) : ""
        return words("slides periods", ["first divisor": said(1 / fastest), "first": style.fixed(2 * Double.pi / fastest),
                                        "last pair": "\(omegas.count - 1)", "last divisor": said(1 / slowest),
                                        "last": style.fixed(2 * Double.pi / slowest), "ratio": ratio])
    }

    /// Seed 001: “i is the position”. In the row of the farthest position, a column of pair 1 (pair 0
    /// when there is one pair) shows i and pos apart.
    static func whatIIs(_ p: PositionalInput, pe: Matrix, divisors: [Double], pairs: [Int], sines: [Bool]) -> String? {
        guard pe.rows > 0, let column = pairs.firstIndex(of: pairs.contains(1) ? 1 : 0) else { return nil }
        let pos = p.positions.entries
        guard let row = pos.indices.max(by: { abs(pos[$0]) < abs(pos[$1]) }) else { return nil }
        let paper = words(p.concatenated ? "slides i, concatenated" : "slides i, paper", ["paper": "\(column)", "i": "\(pairs[column])"])
        return words("slides i", ["pos": numberLabel(p.positions[row]), "column": "\(column + 1)", "paper": paper, "function": sines[column] ? "sin" : "cos",
                                  "divisor": numberLabel(divisors[column]), "value": shown(pe[row, column])])
    }

    /// Seed 001: different positions, different vectors. The nearest rows and every pair tied with
    /// them (only neighbours beyond a size where comparing every pair would cost more than the lesson).
    static func distinctRows(_ p: PositionalInput, pe: Matrix) -> String? {
        guard pe.rows > 1 else { return nil }
        let pos = p.positions.entries
        func distance(_ a: Int, _ b: Int) -> Double { (0..<pe.cols).reduce(0.0) { $0 + (pe[a, $1] - pe[b, $1]) * (pe[a, $1] - pe[b, $1]) }.squareRoot() }
        if let repeated = pos.indices.first(where: { r in pos[..<r].contains(pos[r]) }), let earlier = pos.firstIndex(of: pos[repeated]) {
            return words("slides distinct, repeated", ["r1": "\(earlier + 1)", "r2": "\(repeated + 1)", "a": numberLabel(pos[repeated])])
        }
        let everyPair = pe.rows * pe.rows * pe.cols <= 4_000_000
        let candidates = everyPair ? (0..<pe.rows).flatMap { a in ((a + 1)..<pe.rows).map { (a, $0) } } : (1..<pe.rows).map { ($0 - 1, $0) }
        let distances = candidates.map { distance($0.0, $0.1) }
        // Distances equal up to rounding are a tie (every neighbour, when the positions are evenly spaced).
        guard let least = distances.min() else { return nil }
        let tied = candidates.indices.filter { distances[$0] <= least + 1e-9 * max(1, least) }.map { candidates[$0] }
        guard let closest = tied.first else { return nil }
        let slots = ["a": numberLabel(pos[closest.0]), "b": numberLabel(pos[closest.1]), "distance": shown(least), "n": "\(pe.rows)"]
        if least == 0 { return words("slides distinct, coincide", slots) }
        guard everyPair else { return words("slides distinct, neighbours", slots) }
        let named = tied.map { words("pair of positions", ["a": numberLabel(pos[$0.0]), "b": numberLabel(pos[$0.1])]) }
        let gaps = Set(tied.map { pos[$0.1] - pos[$0.0] })
        let list = named.count > 3 && gaps.count == 1
            ? words("list more", ["first": named[0], "last": named[named.count - 1], "count": "\(named.count)", "gap": said(abs(gaps.first ?? 0))])
            : words("pairs few", ["pairs": named.joined(separator: ", ")])
        let tie = tied.count > 1 && gaps.count == 1 && pe.cols % 2 == 0 ? words("slides distinct, tie") : ""
        return words("slides distinct, all", slots.merging(["pairs": list, "tie": tie]) { $1 })
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
