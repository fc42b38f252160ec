// layer-norm: layer normalization over the last dimension, one row (token) at a time.
//
// Convention (torch.nn.LayerNorm(D), elementwise affine): for each row x of the input,
//   μ = mean(x),  σ² = mean((x − μ)²)  (biased: divide by D),  x̂ = (x − μ) / √(σ² + ε),
//   y = x̂ ⊙ γ + β   with γ = weight (ones), β = bias (zeros), ε = eps (1e-5).
// Others: torch.var divides by D − 1 by default (unbiased); The Annotated Transformer's LayerNorm
// uses the unbiased std and puts ε outside the root, (x − μ)/(σ + ε).
// References: Ba, Kiros & Hinton 2016, "Layer Normalization"; PyTorch docs for torch.nn.LayerNorm;
// seed notes 001 (residual + layer norm; batch, layer, instance and group norm).

import JSONFormat
import LessonInput
import TraceCore

enum LayerNorm: Lesson {
    static let id = "layer-norm"
    static let summary = "Layer normalization: each token's features to mean 0 and variance 1, then scale and shift"

    static let examples = [
        Example(
            name: "default",
            summary: "two tokens that differ only in scale and offset come out the same",
            story: """
            Two tokens with 4 features each. The second is the first doubled and shifted by 10 \
            ($x_{2} = 2 x_{1} + 10$): the same pattern at another scale, as happens when one token's \
            activations grew larger on the way through the layers. After normalization both rows are the \
            same (up to the tiny $\\epsilon$), and the learned scale $\\gamma$ and shift $\\beta$ then act on \
            that common pattern.
            """,
            input: .fields([
                "input": .rows([[1, 2, 3, 6], [12, 14, 16, 22]]),
                "weight": .numbers([1, 1, 2, 0.5]),
                "bias": .numbers([0, 0, 1, -1]),
                "eps": .number(1e-5),
                "tokens": .strings(["cat", "CAT"]),
            ])),
    ] + SourcedExamples.layerNorm

    static let maxRows = 4_096
    static let maxWidth = 4_096

    static let alternatives = Alternative.switching("variance", [
        ("unbiased", "the unbiased variance, dividing by D − 1 (torch.var's default)"),
        ("biased", "the biased variance, dividing by D (nn.LayerNorm)"),
    ]) + Alternative.switching("eps_placement", [
        ("outside", "ε outside the square root, (x − μ)/(σ + ε)"),
        ("inside", "ε inside the square root, (x − μ)/√(σ² + ε) (nn.LayerNorm)"),
    ]) + [Alternative("The Annotated Transformer's LayerNorm: unbiased σ and ε outside the root (`variance: \"unbiased\"`, `eps_placement: \"outside\"`)") {
        $0.setting("variance", .string("unbiased"))?.setting("eps_placement", .string("outside"))
    }]

    static func trace(_ json: JSON, file: String, example: Example?) throws -> Trace {
        var reader = try InputReader(json, file: file)
        let xIn = try reader.requiredMatrix("input", "the rows to normalize, N × D")
        let (n, d) = (xIn.rows, xIn.cols)
        try reader.expect(n, "the number of rows of input", atMost: maxRows)
        try reader.expect(d, "the number of columns of input", atMost: maxWidth)
        let gammaIn = try reader.vector("weight", "D numbers (the scale γ)")
        if let gammaIn { try reader.expect(gammaIn, "weight", count: ("D (columns of input)", d)) }
        let betaIn = try reader.vector("bias", "D numbers (the shift β)")
        if let betaIn { try reader.expect(betaIn, "bias", count: ("D (columns of input)", d)) }
        let epsIn = try reader.number("eps", "the small number added to the variance") ?? 1e-5
        guard epsIn > 0 else { throw reader.fail("eps must be a positive number, got \(JSON.format(epsIn))") }
        let tokens = try reader.labels("tokens", count: n, per: "row of input")
        let unbiased = try reader.choice("variance", ["biased", "unbiased"]) == "unbiased"
        let epsOutside = try reader.choice("eps_placement", ["inside", "outside"]) == "outside"
        try reader.finish()
        try reader.expectWork(multiplyAdds: 6 * Double(n) * Double(d), recordedNumbers: 4 * Double(n) * Double(d))
        if unbiased && d < 2 { throw reader.fail("variance \"unbiased\" divides by D − 1, so input needs at least 2 columns, got 1") }
        let divisor = unbiased ? d - 1 : d

        let rowLabels = sequenceLabels(tokens, count: n)
        let perRow = Labels(rowHeader: "row", rows: rowLabels)
        let table = Labels(rowHeader: "row", rows: rowLabels, columns: numberLabels(d))
        let features = Labels(rowHeader: "feature")

        let tr = Trace(lesson: id, title: "Layer normalization", example: example?.name ?? file)
        tr.say("""
        Deep networks train badly when the scale of their activations drifts from layer to layer: a \
        layer tuned for inputs around 1 receives inputs around 100. **Layer normalization** rescales each \
        token's vector of features to mean 0 and variance 1, then lets the network choose the scale and \
        offset it wants with two learned vectors, $\\gamma$ and $\\beta$. In the Transformer it follows every \
        residual connection, $\\operatorname{LayerNorm}(x + \\operatorname{Sublayer}(x))$ (seed notes 001).
        """)
        tr.say("""
        **Batch, layer, instance and group norm** (seed notes 001) differ only in *which* numbers share a \
        mean and variance. Batch norm normalizes each feature across the examples of a batch, so its result \
        depends on the other examples and needs running averages at test time. Layer norm normalizes each \
        example (here, each token) across its own features, so it works the same for a batch of one and \
        for sequences of any length, which is why Transformers use it. Instance norm (images) normalizes \
        each channel of each example over its pixels; group norm normalizes groups of channels.
        """)
        tr.heading("The equations")
        tr.math("""
        \\begin{aligned}
        \\mu &= \\tfrac{1}{D} \\textstyle\\sum_{j} x_{j} && \\text{mean of the row} \\\\
        \\sigma^{2} &= \\tfrac{1}{D} \\textstyle\\sum_{j} (x_{j} - \\mu)^{2} && \\text{variance, dividing by } D \\\\
        \\hat{x}_{j} &= \\frac{x_{j} - \\mu}{\\sqrt{\\sigma^{2} + \\epsilon}} && \\text{normalized} \\\\
        y_{j} &= \\gamma_{j}\\, \\hat{x}_{j} + \\beta_{j} && \\text{scaled and shifted}
        \\end{aligned}
        """)
        tr.say("""
        **Convention.** This is `torch.nn.LayerNorm(D)`: the **biased** variance (divide by $D$, not \
        $D - 1$) and $\\epsilon$ **inside** the square root. `torch.var(x)` divides by $D - 1$ by default, and \
        The Annotated Transformer writes $(x - \\mu)/(\\sigma + \\epsilon)$ with the unbiased $\\sigma$; both give \
        slightly different numbers. $\\epsilon$ only guards against dividing by zero when a row is constant.
        """)
        if unbiased || epsOutside {
            let fields = [unbiased ? "`variance: \"unbiased\"`" : nil, epsOutside ? "`eps_placement: \"outside\"`" : nil].compactMap { $0 }
            let changes = [unbiased ? "the variance divides by $D - 1$ (torch.var's default)" : nil,
                           epsOutside ? "$\\epsilon$ is added after the square root, $\\hat{x} = (x - \\mu)/(\\sigma + \\epsilon)$" : nil].compactMap { $0 }
            tr.say("""
            **This trace uses another convention** (\(fields.joined(separator: " and "))), so its numbers differ \
            from `torch.nn.LayerNorm`'s: \(changes.joined(separator: "; "))\(unbiased && epsOutside ? ", together exactly The Annotated Transformer's LayerNorm" : ""). \
            The steps it changes say so.
            """)
        }
        tr.introduceInputs(legend: [
            (symbol: "N", meaning: "rows normalized independently (tokens)", size: n),
            (symbol: "D", meaning: "features per row", size: d),
        ], example: example)
        let x = tr.input("input", "X", .matrix(xIn), title: "Input", meaning: "Row i is one token's features; each row is normalized on its own.",
                         labels: table)
        let gamma = tr.input("weight", "\\gamma", .vector(gammaIn ?? Vector(Array(repeating: 1, count: d))), title: "Scale",
                             meaning: "Multiplies feature j after normalization." + (gammaIn == nil ? " Not in the input, so ones (PyTorch's initial value)." : ""),
                             labels: features)
        let beta = tr.input("bias", "\\beta", .vector(betaIn ?? .zeros(d)), title: "Shift",
                            meaning: "Added to feature j last." + (betaIn == nil ? " Not in the input, so zeros (PyTorch's initial value)." : ""),
                            labels: features)
        let eps = tr.input("eps", "\\epsilon", .scalar(epsIn), title: "Epsilon",
                           meaning: "Added to the variance so that a constant row does not divide by zero.")

        tr.heading("Step by step")
        tr.heading("Mean and variance of each row", level: 3)
        let mean = tr.record("mean", "\\mu", reduceRows(.mean(divisor: d), x), title: "mean of each row",
                             meaning: "The center of each row's features.", labels: perRow)
        let centered = tr.record("centered", "\\tilde{X}", x - broadcast(mean, .perRow, rows: n, cols: d), title: "deviations from the mean",
                                 meaning: "Each feature minus its row's mean: every row now sums to 0.", labels: table)
        let variance = tr.record("var", "\\sigma^{2}", reduceRows(.mean(divisor: divisor), hadamard(centered, centered)), title: "variance of each row",
                                 meaning: unbiased
                                     ? "The squared deviations summed and divided by D − 1 = \(divisor): the **unbiased** variance of `torch.var`, not LayerNorm's (which divides by D = \(d))."
                                     : "The mean squared deviation (dividing by D = \(d), PyTorch's biased variance).", labels: perRow)
        let std = epsOutside
            ? tr.record("std", "s", sqrt(variance) + eps, title: "standard deviation plus ε, s = √σ² + ε",
                        meaning: "**ε outside the root** (The Annotated Transformer): the square root first, then ε added. nn.LayerNorm puts ε inside, √(σ² + ε).",
                        labels: perRow)
            : tr.record("std", "s", sqrt(variance + eps), title: "standard deviation (with ε), s = √(σ² + ε)",
                        meaning: "The typical size of a deviation: what each deviation is divided by.", labels: perRow)

        tr.heading("Normalize, then scale and shift", level: 3)
        let normalized = tr.record("normalized", "\\hat{X}", centered / broadcast(std, .perRow, rows: n, cols: d), title: "normalized",
                                   meaning: "Each row now has mean 0 and variance 1 (just under 1, because of ε).", labels: table)
        let output = tr.record("output", "Y", hadamard(normalized, broadcast(gamma, .perColumn, rows: n, cols: d)) + broadcast(beta, .perColumn, rows: n, cols: d),
                      title: "output", meaning: "Feature j scaled by $\\gamma_{j}$ and shifted by $\\beta_{j}$: the scale the next layer learned to want.",
                      labels: table)

        tr.figure(.heatmaps(title: "Layer norm: input beside output",
                            panels: [Heatmap(title: "input X", rows: rowLabels, columns: numberLabels(d), values: xIn, rowHeader: "row", columnHeader: "feature"),
                                     Heatmap(title: "output Y", rows: rowLabels, columns: numberLabels(d), values: output.value.matrix, rowHeader: "row", columnHeader: "feature")],
                            scale: .diverging, shared: false),
                  description: "Two heatmaps, each with its own colour scale (red positive, white 0, blue negative): the input rows on the left, the normalized, scaled and shifted rows on the right. Rows with the same pattern at different scales look alike after normalization.")

        tr.heading("Summary")
        tr.say("""
        Whatever the scale and offset of a row, its normalized version has mean 0 and variance 1; only the \
        *pattern* of the features survives, and $\\gamma$ and $\\beta$ are the same for every row. Rows never \
        mix: each token is normalized with its own mean and variance.
        """)
        return tr
    }
}
