// The words of layer-norm. Keys are value names or names for the paragraphs; slots: «D», the
// features per row, and «divisor», what the variance divides by.

import TraceCore

extension LayerNorm {
    static let words = Words(
        captions: [
            "output.grad": ("gradient of the output", "The loss's gradient $G$ itself: the output is what the loss sees."),
            "normalized.grad": ("gradient of the normalized rows", #"Each feature's gradient scaled by its $\gamma_{j}$."#),
            "std.grad": ("gradient of the standard deviations", #"Every entry of a row was divided by $s$: a larger $s$ shrinks them all, so $\frac{\partial L}{\partial s} = -\sum_{j} \frac{\partial L}{\partial \hat x_{j}} \tilde x_{j} / s^{2}$."#),
            "var.grad": ("gradient of the variances", "Through the square root."),
            "centered.grad": ("gradient of the centred rows", #"Two paths: directly through $\tilde X / s$, and through the variance, which squares every centred entry."#),
            "mean.grad": ("gradient of the means", "The mean was subtracted from every entry of its row."),
            "input.grad": ("gradient of the input", #"Each entry directly, and through the mean it helped make (a share $1/d_{\text{model}}$ of the mean's gradient)."#),
            "weight.grad": ("gradient of the gains", #"$\gamma_{j}$ scaled feature j of every row: a sum down the column."#),
            "bias.grad": ("gradient of the shifts", #"$\beta_{j}$ was added to feature j of every row: a sum down the column."#),
            "input": ("Input", "Row i: token i's features."),
            "weight": ("Scale", "Multiplies feature j."),
            "weight, ones": ("Scale", "All 1: no scaling."),
            "bias": ("Shift", "Added to feature j."),
            "bias, zeros": ("Shift", "No shift."),
            "eps": ("Epsilon", "Keeps a constant row from dividing by zero."),
            "mean": ("row means", ""),
            "centered": ("deviations", "Every row now sums to 0."),
            "var": ("row variances", #"Dividing by $d_{\text{model}} = «D»$: the biased variance."#),
            "var, unbiased": ("row variances", #"Dividing by $d_{\text{model}} - 1 = «divisor»$: the unbiased variance of `torch.var`, not `nn.LayerNorm`'s."#),
            "std": ("standard deviations", "What each deviation is divided by."),
            "std, outside": ("standard deviations", "ε outside the root, as The Annotated Transformer; `nn.LayerNorm` puts it inside."),
            "normalized": ("normalized", "Each deviation in units of its row's $s$."),
            "normalized, same": ("normalized", "«rows» are now the same to 4 decimals: scale and offset are gone."),
            "output": ("output", #"Feature j scaled by $\gamma_{j}$ and shifted by $\beta_{j}$, alike in every row."#),
            "output, identity": ("output", #"$\gamma = 1$ and $\beta = 0$: the same as $\hat X$."#),
        ],
        text: [
            "backward equations": #"""
                \frac{\partial L}{\partial \hat{X}} = \frac{\partial L}{\partial Y} \odot \gamma, \qquad
                \frac{\partial L}{\partial x_{j}} = \frac{1}{s} \left(\frac{\partial L}{\partial \hat{x}_{j}} - \frac{1}{d_{\text{model}}} \sum_{k} \frac{\partial L}{\partial \hat{x}_{k}} - \hat{x}_{j} \frac{1}{d_{\text{model}}} \sum_{k} \frac{\partial L}{\partial \hat{x}_{k}} \hat{x}_{k}\right) \text{ for each row}
                """#,
            "heading back through": "Back through the normalization",
            "heading input gradients": "The inputs' gradients",
            "compact": #"""
                The chain above compresses into the compact rule of the equations. The mean's path removes \#
                the average of $\frac{\partial L}{\partial \hat x}$ (shifting a whole row changes nothing after \#
                normalizing), and the variance's path removes its component along $\hat x$ (scaling a row changes \#
                nothing either). For entry (1, 1), with row 1's mean of $\frac{\partial L}{\partial \hat x}$ equal \#
                to «mean shown» and mean of $\frac{\partial L}{\partial \hat x} \odot \hat x$ equal to «product shown»: \#
                (1/«s») · («dxhat» − «mean» − «xhat» · «product») = «result», the «found» found above. \#
                Each row of $\frac{\partial L}{\partial X}$ sums to 0: moving a whole row up or down changes nothing after normalizing.
                """#,
            "compact, other convention": "With this convention's variance or ε the compact rule changes its constants; the chain above is the gradient.",
            "summary": "Layer normalization: each token's features to mean 0 and variance 1, then scale and shift",
            "title": "Layer normalization",
            "default.summary": "two tokens that differ only in scale and offset come out the same",
            "default.story": #"Two tokens of 4 features, the second the first doubled and shifted by 10 ($x_{2} = 2 x_{1} + 10$): one pattern at two scales."#,
            "alternative unbiased": "the unbiased variance, dividing by D − 1 (torch.var's default)",
            "alternative biased": "the biased variance, dividing by D (nn.LayerNorm)",
            "alternative outside": "ε outside the square root, (x − μ)/(σ + ε)",
            "alternative inside": "ε inside the square root, (x − μ)/√(σ² + ε) (nn.LayerNorm)",
            "alternative annotated": #"The Annotated Transformer's LayerNorm: unbiased σ and ε outside the root (`variance: "unbiased"`, `eps_placement: "outside"`)"#,
            "why": #"""
                **Layer normalization** brings each token's features to mean 0 and variance 1, then applies a \#
                learned scale $\gamma$ and shift $\beta$. In the Transformer it follows every residual connection, \#
                $\operatorname{LayerNorm}(x + \operatorname{Sublayer}(x))$ (seed notes 001).
                """#,
            "norms": #"""
                Batch norm pools each feature over a batch; layer norm uses the token's own features only, \#
                whatever the batch or sequence length.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                \mu &= \tfrac{1}{d_{\text{model}}} \textstyle\sum_{j} x_{j} && \text{mean of the row} \\
                \sigma^{2} &= \tfrac{1}{d_{\text{model}}} \textstyle\sum_{j} (x_{j} - \mu)^{2} && \text{variance} \\
                \hat{x}_{j} &= \frac{x_{j} - \mu}{\sqrt{\sigma^{2} + \epsilon}} && \text{normalized} \\
                y_{j} &= \gamma_{j}\, \hat{x}_{j} + \beta_{j} && \text{scaled and shifted}
                \end{aligned}
                """#,
            "convention": #"""
                **Convention:** `nn.LayerNorm`, with the biased variance (divide by $d_{\text{model}}$) and \#
                $\epsilon$ inside the root. `torch.var` divides by $d_{\text{model}} - 1$; The Annotated \#
                Transformer uses that $\sigma$ with $\epsilon$ outside, $(x - \mu)/(\sigma + \epsilon)$.
                """#,
            "another convention, unbiased": #"""
                **This trace uses another convention** (`variance: "unbiased"`): the variance divides by \#
                $d_{\text{model}} - 1$, as `torch.var` does, so its numbers differ from `nn.LayerNorm`'s.
                """#,
            "another convention, outside": #"""
                **This trace uses another convention** (`eps_placement: "outside"`): $\epsilon$ is added after \#
                the square root, $\hat x = (x - \mu)/(\sigma + \epsilon)$, so its numbers differ from `nn.LayerNorm`'s.
                """#,
            "another convention, both": #"""
                **This trace uses another convention** (`variance: "unbiased"` and `eps_placement: "outside"`), \#
                The Annotated Transformer's: the variance divides by $d_{\text{model}} - 1$ and $\epsilon$ is added \#
                after the square root, $\hat x = (x - \mu)/(\sigma + \epsilon)$, so its numbers differ from \#
                `nn.LayerNorm`'s.
                """#,
            "legend N": "tokens (rows), each normalized on its own",
            "legend D": "features per token",
            "heading steps": "Step by step",
            "heading moments": "Mean and variance",
            "heading normalize": "Normalize, scale, shift",
            "heading summary": "Summary",
            "figure": "Layer norm: input beside output",
            "figure input": "input X",
            "figure output": "output Y",
            "figure description": "Each with its own colour scale: red positive, white 0, blue negative.",
            "notice": #"""
                Only the pattern of each row's features survives normalization; $\gamma$ and $\beta$, shared by \#
                every row, then set the scale the next layer receives.
                """#,

            // Sentences from the numbers.
            "token": "“«token»”",
            "row": "row «i»",
            "list and": " and ",

            // What the slides say, and what the numbers show.
            "heading slides": "What the slides say, and what the numbers show",
            "slides moments, before": #"""
                - Seed 001: “Normalization brings the mean to 0 and the variance to 1.” Only when $\gamma = 1$ \#
                and $\beta = 0$, or before them: the rows of $\hat X$ have mean «mean» and variance «var»; after \#
                them, «first»'s mean is «output mean» and its variance «output var».
                """#,
            "slides moments, confirmed": #"""
                - Seed 001: “Normalization brings the mean to 0 and the variance to 1.” Confirmed: with \#
                $\gamma = 1$ and $\beta = 0$, every row of the output has mean «mean» and variance «var».
                """#,
            "slides moments, small": #"""
                - Seed 001: “Normalization brings the mean to 0 and the variance to 1.” Only when $\sigma^{2}$ is \#
                far above $\epsilon$: «row» has $\sigma^{2} = «var»$, so its row of $\hat X$ has variance «normalized var».
                """#,
            "slides own": #"""
                - Seed 001: “Layer norm normalizes each word with its own mean and variance.” Confirmed: «first» \#
                has $\mu = «mean 1»$ and $\sigma^{2} = «var 1»$, «last» $\mu = «mean 2»$ and $\sigma^{2} = «var 2»$.
                """#,
        ])
}
