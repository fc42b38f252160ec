// Layer norm's steps (the mean, the deviations, the variance, the standard deviation, the
// normalized rows and the output), recorded onto any trace from given values: in its own lesson,
// and as `norm1`, `norm2`, `norm3` in the Transformer's blocks. The mathematics is the lesson's
// (LayerNorm.swift's convention); the names get a prefix and the symbols a tag.

import TraceCore

/// How one layer norm's values are named in a trace: `norm1.mean`, $\mu_{1}$, and its output `norm1`.
struct NormNaming {
    /// Put before the steps' names: "" in layer-norm, "norm1." in a block.
    let prefix: String
    /// The output's name: "output" in layer-norm, "norm1" in a block.
    let output: String
    /// The output's symbol.
    let outputSymbol: String
    /// Put on every other symbol as a subscript: "" in layer-norm, "1" in a block.
    let tag: String
    /// Words for the captions that say more than the lesson's: used instead of layer-norm's.
    var captions: Words? = nil

    static let plain = NormNaming(prefix: "", output: "output", outputSymbol: "Y", tag: "")

    /// `\mu`, or `\mu_{1}`.
    func symbol(_ base: String) -> String { tag.isEmpty ? base : tagged(base, tag) }
    func name(_ base: String) -> String { prefix + base }

    func caption(_ key: String, _ slots: [String: String] = [:]) -> Caption {
        if let captions, captions.hasCaption(key) { return captions.caption(key, slots) }
        return LayerNorm.words.caption(key, slots)
    }
}

/// The values one layer norm computed, in the order it computed them.
struct NormRun {
    let naming: NormNaming
    let mean, centered, variance, std, normalized, output: Traced

    /// Records the steps onto `tr`: `x` (N × D) normalized row by row, scaled by `gamma`, shifted
    /// by `beta` (D each); `p` holds the same numbers, for the words chosen from them.
    init(_ p: LayerNormInput, in tr: Trace, x: Traced, gamma: Traced, beta: Traced, eps: Traced, naming: NormNaming, identity: Bool,
         labels: (perRow: Labels, table: Labels)) {
        let w = LayerNorm.words
        let n = naming
        let (rows, d) = (p.x.rows, p.x.cols)
        let divisor = p.unbiased ? d - 1 : d
        let sizes = ["D": "\(d)", "divisor": "\(divisor)"]
        let (perRow, table) = labels

        tr.heading(w("heading moments"), level: 3)
        // μ = (1/D) Σ_j x_j                                                                                       N
        mean = tr.record(n.name("mean"), n.symbol(#"\mu"#), reduceRows(.mean(divisor: d), x), n.caption("mean"), labels: perRow)
        // x − μ                                                                                                   N × D
        centered = tr.record(n.name("centered"), n.symbol(#"\tilde{X}"#), x - broadcast(mean, .perRow, rows: rows, cols: d), n.caption("centered"), labels: table)
        // σ² = (1/D) Σ_j (x_j − μ)²  (or 1/(D − 1))                                                              N
        variance = tr.record(n.name("var"), n.symbol(#"\sigma^{2}"#), reduceRows(.mean(divisor: divisor), square(centered)),
                             n.caption(p.unbiased ? "var, unbiased" : "var", sizes), labels: perRow)
        // s = √(σ² + ε)  (or √σ² + ε)                                                                            N
        let (variance, centered) = (variance, centered)
        std = p.epsOutside
            ? tr.record(n.name("std"), n.symbol("s"), sqrt(variance) + eps, n.caption("std, outside", ["eps": LayerNorm.epsSentence(p, variance: variance.value.flat)]), labels: perRow)
            : tr.record(n.name("std"), n.symbol("s"), sqrt(variance + eps), n.caption("std", ["eps": LayerNorm.epsSentence(p, variance: variance.value.flat)]), labels: perRow)

        tr.heading(w("heading normalize"), level: 3)
        // x̂ = (x − μ)/s                                                                                          N × D
        let xHat = centered / broadcast(std, .perRow, rows: rows, cols: d)
        let normalizedCaption = n.captions?.hasCaption("normalized") == true ? n.caption("normalized") : LayerNorm.normalizedCaption(p, xHat.value.matrix)
        normalized = tr.record(n.name("normalized"), n.symbol(#"\hat{X}"#), xHat, normalizedCaption, labels: table)
        // y = γ ⊙ x̂ + β                                                                                          N × D
        output = tr.record(n.output, n.outputSymbol,
                           hadamard(normalized, broadcast(gamma, .perColumn, rows: rows, cols: d)) + broadcast(beta, .perColumn, rows: rows, cols: d),
                           n.caption(identity ? "output, identity" : "output"), labels: table)
        self.naming = naming
    }

    /// The way back from the output to the mean, through the normalization: the output's
    /// gradient must be complete before this; the input's, γ's and β's are the caller's to record.
    func recordBack(_ back: Backprop, in tr: Trace) {
        let n = naming
        tr.heading(LayerNorm.words("heading back through"), level: 3)
        back.record(output, n.caption("output.grad"))
        back.record(normalized, n.caption("normalized.grad"))
        back.record(std, n.caption("std.grad"))
        back.record(variance, n.caption("var.grad"))
        back.record(centered, n.caption("centered.grad"))
        back.record(mean, n.caption("mean.grad"))
    }
}
