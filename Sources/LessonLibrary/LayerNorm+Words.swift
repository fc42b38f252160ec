// The words of layer-norm. Keys are value names or names for the paragraphs; slots: «D», the
// features per row, and «divisor», what the variance divides by.

import TraceCore

extension LayerNorm {
    static let words = Words(
        captions: [
            "output.grad": ("gradient of the output", "The loss's gradient G itself: the output is what the loss sees."),
            "normalized.grad": ("gradient of the normalized rows", #"$\frac{\partial L}{\partial Y} \odot \gamma$: each feature's gradient scaled by its gain."#),
            "std.grad": ("gradient of the standard deviations", #"Every entry of a row was divided by $s$: a larger $s$ shrinks them all, so $\frac{\partial L}{\partial s} = -\sum_{j} \frac{\partial L}{\partial \hat{x}_{j}} \tilde{x}_{j} / s^{2}$."#),
            "var.grad": ("gradient of the variances", #"Through the square root: $\frac{\partial L}{\partial s} / (2 s)$."#),
            "centered.grad": ("gradient of the centred rows", #"Two paths: directly through $\tilde{X}/s$, and through the variance, which squares every centred entry (hence the two terms $\tilde{x} \cdot \frac{\partial L}{\partial \sigma^{2}}/D$)."#),
            "mean.grad": ("gradient of the means", #"Minus the row sum of $\frac{\partial L}{\partial \tilde{X}}$: the mean was subtracted from every entry."#),
            "input.grad": ("gradient of the input", #"Each entry directly (through $\tilde{X}$) and through the mean it helped make (a share $\frac{1}{D}$ of the mean's gradient)."#),
            "weight.grad": ("gradient of the gains", #"$\gamma_{j}$ scaled feature j of every row: the column sums of $\frac{\partial L}{\partial Y} \odot \hat{X}$."#),
            "bias.grad": ("gradient of the shifts", #"$\beta_{j}$ was added to feature j of every row: the column sums of $\frac{\partial L}{\partial Y}$."#),
            "input": ("Input", "Row i is one token's features; each row is normalized on its own."),
            "weight": ("Scale", "Multiplies feature j after normalization."),
            "weight, left out": ("Scale", "Multiplies feature j after normalization. Not in the input, so ones (PyTorch's initial value)."),
            "bias": ("Shift", "Added to feature j last."),
            "bias, left out": ("Shift", "Added to feature j last. Not in the input, so zeros (PyTorch's initial value)."),
            "eps": ("Epsilon", "Added to the variance so that a constant row does not divide by zero."),
            "mean": ("mean of each row", "The center of each row's features."),
            "centered": ("deviations from the mean", "Each feature minus its row's mean: every row now sums to 0."),
            "var": ("variance of each row", "The mean squared deviation (dividing by D = «D», PyTorch's biased variance)."),
            "var, unbiased": ("variance of each row", "The squared deviations summed and divided by D − 1 = «divisor»: the **unbiased** variance of `torch.var`, not LayerNorm's (which divides by D = «D»)."),
            "std": ("standard deviation (with ε), s = √(σ² + ε)", "The typical size of a deviation: what each deviation is divided by."),
            "std, outside": ("standard deviation plus ε, s = √σ² + ε", "**ε outside the root** (The Annotated Transformer): the square root first, then ε added. nn.LayerNorm puts ε inside, √(σ² + ε)."),
            "normalized": ("normalized", "Each row now has mean 0 and variance 1 (just under 1, because of ε)."),
            "output": ("output", #"Feature j scaled by $\gamma_{j}$ and shifted by $\beta_{j}$: the scale the next layer learned to want."#),
        ],
        text: [
            "backward equations": #"""
                \frac{\partial L}{\partial \hat{X}} = \frac{\partial L}{\partial Y} \odot \gamma, \qquad
                \frac{\partial L}{\partial x_{j}} = \frac{1}{s} \left(\frac{\partial L}{\partial \hat{x}_{j}} - \frac{1}{D} \sum_{k} \frac{\partial L}{\partial \hat{x}_{k}} - \hat{x}_{j} \frac{1}{D} \sum_{k} \frac{\partial L}{\partial \hat{x}_{k}} \hat{x}_{k}\right) \text{ for each row}
                """#,
            "heading back through": "Back through the normalization",
            "heading input gradients": "The inputs' gradients",
            "compact": #"""
                The chain above compresses into the compact rule of the equations. The mean's path removes \#
                the average of $\frac{\partial L}{\partial \hat{x}}$ (shifting a whole row changes nothing after \#
                normalizing), and the variance's path removes its component along $\hat{x}$ (scaling a row changes \#
                nothing either). For entry (1, 1), with row 1's mean of $\frac{\partial L}{\partial \hat{x}}$ = «mean» \#
                and mean of $\frac{\partial L}{\partial \hat{x}} \odot \hat{x}$ = «product»: \#
                (1/«s») · («dxhat» − «mean» − «xhat» · «product») = «result», the «found» found above. \#
                Each row of $\frac{\partial L}{\partial X}$ sums to 0: moving a whole row up or down changes nothing after normalizing.
                """#,
            "compact, other convention": "With this convention's variance or ε the compact rule changes its constants; the chain above is the gradient.",
            "summary": "Layer normalization: each token's features to mean 0 and variance 1, then scale and shift",
            "title": "Layer normalization",
            "default.summary": "two tokens that differ only in scale and offset come out the same",
            "default.story": #"""
                Two tokens with 4 features each. The second is the first doubled and shifted by 10 \#
                ($x_{2} = 2 x_{1} + 10$): the same pattern at another scale, as happens when one token's \#
                activations grew larger on the way through the layers. After normalization both rows are the \#
                same (up to the tiny $\epsilon$), and the learned scale $\gamma$ and shift $\beta$ then act on \#
                that common pattern.
                """#,
            "alternative unbiased": "the unbiased variance, dividing by D − 1 (torch.var's default)",
            "alternative biased": "the biased variance, dividing by D (nn.LayerNorm)",
            "alternative outside": "ε outside the square root, (x − μ)/(σ + ε)",
            "alternative inside": "ε inside the square root, (x − μ)/√(σ² + ε) (nn.LayerNorm)",
            "alternative annotated": #"The Annotated Transformer's LayerNorm: unbiased σ and ε outside the root (`variance: "unbiased"`, `eps_placement: "outside"`)"#,
            "why": #"""
                Deep networks train badly when the scale of their activations drifts from layer to layer: a \#
                layer tuned for inputs around 1 receives inputs around 100. **Layer normalization** rescales each \#
                token's vector of features to mean 0 and variance 1, then lets the network choose the scale and \#
                offset it wants with two learned vectors, $\gamma$ and $\beta$. In the Transformer it follows every \#
                residual connection, $\operatorname{LayerNorm}(x + \operatorname{Sublayer}(x))$ (seed notes 001).
                """#,
            "norms": #"""
                **Batch, layer, instance and group norm** (seed notes 001) differ only in *which* numbers share a \#
                mean and variance. Batch norm normalizes each feature across the examples of a batch, so its result \#
                depends on the other examples and needs running averages at test time. Layer norm normalizes each \#
                example (here, each token) across its own features, so it works the same for a batch of one and \#
                for sequences of any length, which is why Transformers use it. Instance norm (images) normalizes \#
                each channel of each example over its pixels; group norm normalizes groups of channels.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                \mu &= \tfrac{1}{D} \textstyle\sum_{j} x_{j} && \text{mean of the row} \\
                \sigma^{2} &= \tfrac{1}{D} \textstyle\sum_{j} (x_{j} - \mu)^{2} && \text{variance, dividing by } D \\
                \hat{x}_{j} &= \frac{x_{j} - \mu}{\sqrt{\sigma^{2} + \epsilon}} && \text{normalized} \\
                y_{j} &= \gamma_{j}\, \hat{x}_{j} + \beta_{j} && \text{scaled and shifted}
                \end{aligned}
                """#,
            "convention": #"""
                **Convention.** This is `torch.nn.LayerNorm(D)`: the **biased** variance (divide by $D$, not \#
                $D - 1$) and $\epsilon$ **inside** the square root. `torch.var(x)` divides by $D - 1$ by default, and \#
                The Annotated Transformer writes $(x - \mu)/(\sigma + \epsilon)$ with the unbiased $\sigma$; both give \#
                slightly different numbers. $\epsilon$ only guards against dividing by zero when a row is constant.
                """#,
            "another convention, unbiased": #"""
                **This trace uses another convention** (`variance: "unbiased"`), so its numbers differ \#
                from `torch.nn.LayerNorm`'s: the variance divides by $D - 1$ (torch.var's default). \#
                The steps it changes say so.
                """#,
            "another convention, outside": #"""
                **This trace uses another convention** (`eps_placement: "outside"`), so its numbers differ \#
                from `torch.nn.LayerNorm`'s: $\epsilon$ is added after the square root, $\hat{x} = (x - \mu)/(\sigma + \epsilon)$. \#
                The steps it changes say so.
                """#,
            "another convention, both": #"""
                **This trace uses another convention** (`variance: "unbiased"` and `eps_placement: "outside"`), so its numbers differ \#
                from `torch.nn.LayerNorm`'s: the variance divides by $D - 1$ (torch.var's default); $\epsilon$ is added after the square root, $\hat{x} = (x - \mu)/(\sigma + \epsilon)$, together exactly The Annotated Transformer's LayerNorm. \#
                The steps it changes say so.
                """#,
            "legend N": "rows normalized independently (tokens)",
            "legend D": "features per row",
            "heading steps": "Step by step",
            "heading moments": "Mean and variance of each row",
            "heading normalize": "Normalize, then scale and shift",
            "heading summary": "Summary",
            "figure": "Layer norm: input beside output",
            "figure input": "input X",
            "figure output": "output Y",
            "figure description": "Two heatmaps, each with its own colour scale (red positive, white 0, blue negative): the input rows on the left, the normalized, scaled and shifted rows on the right. Rows with the same pattern at different scales look alike after normalization.",
            "notice": #"""
                Whatever the scale and offset of a row, its normalized version has mean 0 and variance 1; only the \#
                *pattern* of the features survives, and $\gamma$ and $\beta$ are the same for every row. Rows never \#
                mix: each token is normalized with its own mean and variance.
                """#,
        ])
}
