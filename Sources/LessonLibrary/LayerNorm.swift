// layer-norm: layer normalization over the last dimension, one row (token) at a time.
//
// Convention (torch.nn.LayerNorm(D), elementwise affine): for each row x of the input,
//   μ = mean(x),  σ² = mean((x − μ)²)  (biased: divide by D),  x̂ = (x − μ) / √(σ² + ε),
//   y = x̂ ⊙ γ + β   with γ = weight (ones), β = bias (zeros), ε = eps (1e-5).
// Others: torch.var divides by D − 1 by default (unbiased); The Annotated Transformer's LayerNorm
// uses the unbiased std and puts ε outside the root, (x − μ)/(σ + ε).
// References: Ba, Kiros & Hinton 2016, "Layer Normalization"; PyTorch docs for torch.nn.LayerNorm;
// seed notes 001 (residual + layer norm; batch, layer, instance and group norm).

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum LayerNorm: Lesson {
    static let id = "layer-norm"
    static var summary: String { words("summary") }

    static let examples = [
        Example("default", words, input: .fields([
            "input": .rows([[1, 2, 3, 6], [12, 14, 16, 22]]),
            "weight": .numbers([1, 1, 2, 0.5]),
            "bias": .numbers([0, 0, 1, -1]),
            "eps": .number(1e-5),
            "tokens": .strings(["cat", "CAT"]),
        ])),
    ] + SourcedExamples.layerNorm

    static let maxRows = 4_096
    static let maxWidth = 4_096

    static let alternatives = Alternative.switching("variance", words, [
        ("unbiased", "alternative unbiased"),
        ("biased", "alternative biased"),
    ]) + Alternative.switching("eps_placement", words, [
        ("outside", "alternative outside"),
        ("inside", "alternative inside"),
    ]) + [Alternative(words("alternative annotated")) {
        $0.setting("variance", .string("unbiased"))?.setting("eps_placement", .string("outside"))
    }]

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try LayerNormInput(&reader)
        try reader.finish()
        return derive(p, example: example, file: file, backward: backward)
    }

    /// The derivation: N rows of D features, each normalized on its own. Words in LayerNorm+Words.swift.
    static func derive(_ p: LayerNormInput, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        let (n, d) = (p.x.rows, p.x.cols)
        let divisor = p.unbiased ? d - 1 : d
        let rowLabels = sequenceLabels(p.tokens, count: n)
        let (row, feature) = (sharedWords("label row"), sharedWords("label feature"))
        let perRow = Labels(rowHeader: row, rows: rowLabels)
        let table = Labels(rowHeader: row, rows: rowLabels, columns: numberLabels(d))
        let features = Labels(rowHeader: feature)

        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        tr.math(w("equations", ["divisor": p.unbiased ? #"d_{\text{model}} - 1"# : #"d_{\text{model}}"#, "s": w(p.epsOutside ? "s, outside" : "s, inside")]))
        let which = p.unbiased && p.epsOutside ? "another convention, both" : p.unbiased ? "another convention, unbiased"
            : p.epsOutside ? "another convention, outside" : "convention, nn"
        tr.say(w("convention", ["convention": w(which)]))
        tr.introduceInputs(legend: [
            (symbol: "n", meaning: w("legend N"), size: n),
            (symbol: #"d_{\text{model}}"#, meaning: w("legend D"), size: d),
        ], example: example)
        let x = tr.input("input", "X", .matrix(p.x), w.caption("input"), labels: table)                         // N × D
        let gammaValue = p.gamma ?? Vector(Array(repeating: 1, count: d))
        let betaValue = p.beta ?? .zeros(d)
        let identity = gammaValue.entries.allSatisfy { $0 == 1 } && betaValue.entries.allSatisfy { $0 == 0 }
        let gamma = tr.input("weight", #"\gamma"#, .vector(gammaValue),                                            // D
                             w.caption(gammaValue.entries.allSatisfy { $0 == 1 } ? "weight, ones" : "weight"), labels: features)
        let beta = tr.input("bias", #"\beta"#, .vector(betaValue),                                                 // D
                            w.caption(betaValue.entries.allSatisfy { $0 == 0 } ? "bias, zeros" : "bias"), labels: features)
        let eps = tr.input("eps", #"\epsilon"#, .scalar(p.eps), w.caption(p.eps == 0 ? "eps, zero" : "eps"))

        tr.heading(w("heading steps"))
        let run = NormRun(p, in: tr, x: x, gamma: gamma, beta: beta, eps: eps, naming: .plain, identity: identity, labels: (perRow, table))
        let (mean, variance, normalized, output) = (run.mean, run.variance, run.normalized, run.output)

        tr.figure(.heatmaps(title: w("figure"),
                            panels: [Heatmap(title: w("figure input"), rows: rowLabels, columns: numberLabels(d), values: p.x, rowHeader: row, columnHeader: feature),
                                     Heatmap(title: w("figure output"), rows: rowLabels, columns: numberLabels(d), values: output.value.matrix, rowHeader: row, columnHeader: feature)],
                            scale: .diverging, shared: false),
                  description: w(output.value.flat.allSatisfy(\.isFinite) ? "figure description" : "figure description, nan"))

        tr.slides(slides(p, divisor: divisor, identity: identity, mean: mean.value.flat, variance: variance.value.flat,
                         normalized: normalized.value.matrix, output: output.value.matrix))
        tr.heading(w("heading summary"))
        tr.say(w("notice"))
        if backward {
            let differentiable = [x] + (p.gamma == nil ? [] : [gamma]) + (p.beta == nil ? [] : [beta])
            let g = tr.beginBackward(why: backwardWords("backward why"), equations: w("backward equations"), output: output, symbol: "Y",
                                     given: p.gradOutput, labels: table)
            let back = Backprop(tr, differentiable: differentiable)
            back.seed(output, g)
            run.recordBack(back, in: tr)
            tr.heading(w("heading input gradients"), level: 3)
            if let dx = back.record(x, w.caption("input.grad")) {
                // The compact rule is checked on entry (1, 1): not on a row that is nan.
                let rowOneFinite = (0..<d).allSatisfy { dx.value.flat[$0].isFinite }
                tr.say(p.unbiased || p.epsOutside ? w("compact, other convention")
                       : rowOneFinite ? w("compact", compactCheck(tr, dx: dx.value)) : w("compact, nan"))
            }
            back.record(gamma, w.caption("weight.grad"))
            back.record(beta, w.caption("bias.grad"))
            // A nan in the output makes the loss nan, and so every central difference.
            tr.endBackward(back, note: output.value.flat.allSatisfy(\.isFinite) ? nil : w("check, nan"))
        }
        return tr
    }

    /// The slots of the compact backward checked on entry (1, 1): (1/s)(∂x̂ − mean(∂x̂) − x̂ mean(∂x̂ ⊙ x̂)).
    static func compactCheck(_ tr: Trace, dx: Value) -> [String: String] {
        guard let dXhat = tr["normalized.grad"]?.value.matrix, let xHat = tr["normalized"]?.value.matrix,
              let s = tr["std"]?.value.flat.first else { return [:] }
        let style = NumberStyle(precision: 4)
        let d = Double(dXhat.cols)
        let meanGrad = (0..<dXhat.cols).reduce(0.0) { $0 + dXhat[0, $1] } / d
        let meanProduct = (0..<dXhat.cols).reduce(0.0) { $0 + dXhat[0, $1] * xHat[0, $1] } / d
        // A negative number in parentheses where it follows a sign: «a − (−0.2)».
        func n(_ x: Double) -> String { let t = style.fixed(x); return t.hasPrefix("-") ? "(\(t))" : t }
        return ["s": style.fixed(s), "dxhat": style.fixed(dXhat[0, 0]), "mean": n(meanGrad), "mean shown": style.fixed(meanGrad), "xhat": n(xHat[0, 0]),
                "product shown": style.fixed(meanProduct),
                "product": n(meanProduct), "result": style.fixed((dXhat[0, 0] - meanGrad - xHat[0, 0] * meanProduct) / s),
                "found": style.fixed(dx.flat[0])]
    }
}

// MARK: What the numbers say

extension LayerNorm {
    /// A row in a sentence: “cat”, or “row 2” without labels.
    static func named(_ p: LayerNormInput, _ i: Int) -> String {
        p.tokens.map { words("token", ["token": $0[i]]) } ?? words("row", ["i": "\(i + 1)"])
    }

    /// Whether two rows of a matrix show the same numbers to 4 decimals (rows with a nan never do).
    static func alike(_ m: Matrix, _ a: Int, _ b: Int) -> Bool {
        (0..<m.cols).allSatisfy { m[a, $0].isFinite && m[b, $0].isFinite && NumberStyle(precision: 4).fixed(m[a, $0]) == NumberStyle(precision: 4).fixed(m[b, $0]) }
    }

    /// Whether row r of `m` holds numbers only (no nan or infinity).
    static func isFinite(_ m: Matrix, row r: Int) -> Bool { (0..<m.cols).allSatisfy { m[r, $0].isFinite } }

    /// The normalized rows' caption: the rows that are nan (0/0, with ε = 0), else the first rows
    /// that came out alike, if any (looked for among a slide's worth of rows).
    static func normalizedCaption(_ p: LayerNormInput, _ xHat: Matrix) -> Caption {
        let notANumber = (0..<xHat.rows).filter { !isFinite(xHat, row: $0) }
        if !notANumber.isEmpty {
            let listed = LessonLibrary.listed(notANumber.map { named(p, $0) })
            return words.caption(notANumber.count == 1 ? "normalized, nan, one" : "normalized, nan, more",
                                 ["rows": listed.prefix(1).uppercased() + listed.dropFirst()])
        }
        guard xHat.rows * xHat.rows * xHat.cols <= 1_000_000, let first = (0..<xHat.rows).first(where: { a in ((a + 1)..<xHat.rows).contains { alike(xHat, a, $0) } }) else {
            return words.caption("normalized")
        }
        let rows = (first..<xHat.rows).filter { alike(xHat, first, $0) }.map { named(p, $0) }
        let listed = LessonLibrary.listed(rows)
        // The sentence starts with them: “cat” as it is, row 1 as Row 1.
        return words.caption("normalized, same", ["rows": listed.prefix(1).uppercased() + listed.dropFirst()])
    }

    /// Mean and variance of each row of `m` (or of `rows`), the variance divided as the trace divides it.
    static func moments(_ m: Matrix, divisor: Int, rows: Range<Int>? = nil) -> [(mean: Double, variance: Double)] {
        (rows ?? 0..<m.rows).map { r in
            let mean = (0..<m.cols).reduce(0.0) { $0 + m[r, $1] } / Double(m.cols)
            return (mean, (0..<m.cols).reduce(0.0) { $0 + (m[r, $1] - mean) * (m[r, $1] - mean) } / Double(divisor))
        }
    }

    /// What ε does to s: the decimal from which it changes s (the largest change over the rows), or
    /// the row whose s it changes at the 4 decimals shown, with the s it would have without ε.
    /// `words`: a lesson that says more of ε than layer-norm (the blocks) brings its own.
    static func epsSentence(_ p: LayerNormInput, variance: [Double], words: Words = words) -> String {
        let with = variance.map { p.epsOutside ? $0.squareRoot() + p.eps : ($0 + p.eps).squareRoot() }
        let without = variance.map { $0.squareRoot() }
        let style = NumberStyle(precision: 4)
        if let row = variance.indices.first(where: { style.fixed(with[$0]) != style.fixed(without[$0]) }) {
            return words("std eps, shows", ["row": named(p, row), "without": style.fixed(without[row])])
        }
        // The decimal of the change's first digit: the first d with 10^-d ≤ change.
        guard let change = variance.indices.map({ abs(with[$0] - without[$0]) }).max(), change > 0,
              let decimal = (1...30).first(where: { Foundation.pow(10, -Double($0)) <= change * (1 + 1e-9) }) else { return "" }
        return words("std eps", ["decimal": "\(decimal)"])
    }

    /// The seed notes' statements on normalization (seed 001), each with its verdict from the values.
    static func slides(_ p: LayerNormInput, divisor: Int, identity: Bool, mean: [Double], variance: [Double],
                       normalized xHat: Matrix, output y: Matrix) -> [String] {
        // A row that is nan (0/0, with ε = 0) has no mean or variance to speak of: the statements are
        // about the others.
        let finiteRows = (0..<xHat.rows).filter { isFinite(xHat, row: $0) }
        guard let firstFinite = finiteRows.first else { return [] }
        let style = NumberStyle(precision: 4)
        let d = xHat.cols
        // The normalized rows' means (the largest in size) and variances (their range), as 4 decimals show them.
        func range(_ values: [Double]) -> String {
            let shown = Set(values.map { style.fixed($0) }).sorted()
            return shown.count == 1 ? shown[0] : (shown.first ?? "") + "–" + (shown.last ?? "")
        }
        let normal = finiteRows.map { moments(xHat, divisor: divisor, rows: $0..<($0 + 1))[0] }
        let largestMean = normal.map { abs($0.mean) }.max() ?? 0
        var bullets: [String] = []
        if let low = normal.indices.min(by: { normal[$0].variance < normal[$1].variance }), style.fixed(normal[low].variance) != style.fixed(1) {
            bullets.append(words("slides moments, small", ["row": named(p, finiteRows[low]), "var": numberLabel(variance[finiteRows[low]]),
                                                           "normalized var": style.fixed(normal[low].variance)]))
        } else {
            // Under the unbiased convention, the variance nn.LayerNorm's users would measure too.
            let biased = divisor == d ? "" : words("slides moments, biased", ["divisor": "\(divisor)", "D": "\(d)",
                                                                               "biased var": range(finiteRows.map { moments(xHat, divisor: d, rows: $0..<($0 + 1))[0].variance })])
            let out = moments(y, divisor: divisor, rows: firstFinite..<(firstFinite + 1))[0]
            let after = identity ? words("slides moments, identity")
                : words("slides moments, after", ["first": named(p, firstFinite), "output mean": style.fixed(out.mean), "output var": style.fixed(out.variance)])
            bullets.append(words("slides moments", ["mean": style.fixed(largestMean), "var": range(normal.map(\.variance)), "biased": biased, "after": after]))
        }
        if xHat.rows > 1 {
            let columnMean = (0..<p.x.rows).reduce(0.0) { $0 + p.x[$1, 0] } / Double(p.x.rows)
            bullets.append(words("slides samples", ["D": "\(d)", "column mean": numberLabel(columnMean)]))
            let last = xHat.rows - 1
            let gamma = p.gamma?.entries ?? Array(repeating: 1, count: d)
            let beta = p.beta?.entries ?? Array(repeating: 0, count: d)
            let affine = (0..<d).first { gamma[$0] != 1 || beta[$0] != 0 }.map { j in
                words("slides affine, feature", ["j": "\(j + 1)", "gamma": numberLabel(gamma[j]), "beta": numberLabel(beta[j])])
            } ?? words("slides affine, identity")
            bullets.append(words("slides affine", ["first": named(p, 0), "last": named(p, last), "mean 1": numberLabel(mean[0]), "var 1": numberLabel(variance[0]),
                                                   "mean 2": numberLabel(mean[last]), "var 2": numberLabel(variance[last]), "affine": affine]))
        }
        return bullets
    }
}

/// The input of layer-norm (nn.LayerNorm's state_dict keys plus the rows and the conventions), checked once.
struct LayerNormInput {
    let x: Matrix           // N × D
    let gamma: Vector?      // D, ones when left out
    let beta: Vector?       // D, zeros when left out
    let eps: Double
    let tokens: [String]?
    let unbiased: Bool
    let epsOutside: Bool
    let gradOutput: Matrix? // N × D: ∂L/∂output for the backward pass, ones when not given

    /// A layer norm inside a larger model (the Transformer's blocks): `x` the rows it normalizes
    /// there, nn.LayerNorm's convention (biased variance, ε inside the root).
    init(part x: Matrix, gamma: Vector?, beta: Vector?, eps: Double, tokens: [String]?) {
        (self.x, self.gamma, self.beta, self.eps, self.tokens) = (x, gamma, beta, eps, tokens)
        (unbiased, epsOutside, gradOutput) = (false, false, nil)
    }

    init(_ reader: inout InputReader) throws {
        x = try reader.requiredMatrix("input", "the rows to normalize, N × D")
        let (n, d) = (x.rows, x.cols)
        try reader.expect(n, "the number of rows of input", atMost: LayerNorm.maxRows)
        try reader.expect(d, "the number of columns of input", atMost: LayerNorm.maxWidth)
        gamma = try reader.vector("weight", "D numbers (the scale γ)")
        if let gamma { try reader.expect(gamma, "weight", count: ("D (columns of input)", d)) }
        beta = try reader.vector("bias", "D numbers (the shift β)")
        if let beta { try reader.expect(beta, "bias", count: ("D (columns of input)", d)) }
        eps = try reader.number("eps") ?? 1e-5
        // PyTorch allows ε = 0: a row of equal numbers then divides 0 by 0 and gives nan.
        guard eps >= 0 else { throw reader.fail("eps must be a number ≥ 0, got \(JSON.format(eps))") }
        tokens = try reader.labels("tokens", count: n, per: "row of input")
        unbiased = try reader.choice("variance", ["biased", "unbiased"]) == "unbiased"
        epsOutside = try reader.choice("eps_placement", ["inside", "outside"]) == "outside"
        gradOutput = try reader.matrix("grad_output", "∂L/∂output for the backward pass, N × D")
        if let gradOutput { try reader.expect(gradOutput, "grad_output", rows: ("N (rows of input)", n), cols: ("D (columns of input)", d)) }
        // The trace holds the input, γ, β, ε, three N × D values and three numbers per row.
        let (nd, dd) = (Double(n), Double(d))
        try reader.expectWork(multiplyAdds: 6 * nd * dd, traceNumbers: 4 * nd * dd + 2 * dd + 3 * nd + 1)
        if unbiased && d < 2 { throw reader.fail("variance \"unbiased\" divides by D − 1, so input needs at least 2 columns, got 1") }
    }
}
