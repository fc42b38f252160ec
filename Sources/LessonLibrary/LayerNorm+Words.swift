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
            "input": ("Input", "One token per row."),
            "weight": ("Scale", "One number per feature, used in every row."),
            "weight, ones": ("Scale", "All 1: no scaling."),
            "bias": ("Shift", "Likewise per feature."),
            "bias, zeros": ("Shift", "No shift."),
            "eps": ("Epsilon", "Keeps a constant row from dividing by zero."),
            "eps, zero": ("Epsilon", "0, as PyTorch allows: a row of equal numbers then has $s = 0$, and its normalized entries are 0/0."),
            "mean": ("row means", ""),
            "centered": ("deviations", "Every row now sums to 0."),
            "var": ("row variances", ""),
            "var, unbiased": ("row variances", ""),
            "std": ("standard deviations", "«eps»"),
            "std, outside": ("standard deviations", "«eps»"),
            "normalized": ("normalized", "Each deviation in units of its row's $s$."),
            "normalized, nan, one": ("normalized", #"Each deviation in units of its row's $s$. «rows» has equal numbers, so its deviations and its $s$ are all 0 ($\epsilon = 0$): $0/0$ is not a number (nan), as in PyTorch, and so is the row's output. Any $\epsilon > 0$ would make the row 0."#),
            "normalized, nan, more": ("normalized", #"Each deviation in units of its row's $s$. «rows» have equal numbers, so their deviations and their $s$ are all 0 ($\epsilon = 0$): $0/0$ is not a number (nan), as in PyTorch, and so are their outputs. Any $\epsilon > 0$ would make the rows 0."#),
            "normalized, same": ("normalized", #"«rows» are now the same to 4 decimals: a row $a x + b$ with $a > 0$ normalizes as $x$ does (with $a < 0$, as $-x$ does) while $a^{2} \sigma^{2}$ is far above $\epsilon$."#),
            "output": ("output", ""),
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
            "compact, nan": "Row 1 is nan here (0/0), so the compact rule of the equations is not checked on an entry of it; the chain above is the gradient.",
            "check, nan": #"Here the output holds nan (0/0 in a row of equal numbers with $\epsilon = 0$), so the loss and the gradients that pass through that row are nan, as PyTorch's are. A central difference that nudges an entry of that row makes the row unequal and the loss a number again, so it measures another function there: the check says nothing of the nan row's entries."#,
            "compact, other convention": "With this convention's variance or ε the compact rule changes its constants; the chain above is the gradient.",
            "summary": "Layer normalization: each token's features to mean 0 and variance 1, then scale and shift",
            "title": "Layer normalization",
            "default.summary": "two tokens, one a positive multiple of the other plus an offset, come out the same",
            "default.story": "Two tokens of 4 features, “CAT” = 2 × “cat” + 10 feature by feature: one pattern at two scales.",
            "alternative unbiased": "the unbiased variance, dividing by D − 1 (torch.var's default)",
            "alternative biased": "the biased variance, dividing by D (nn.LayerNorm)",
            "alternative outside": "ε outside the square root, (x − μ)/(√σ² + ε)",
            "alternative inside": "ε inside the square root, (x − μ)/√(σ² + ε) (nn.LayerNorm)",
            "alternative annotated": #"The Annotated Transformer's LayerNorm: unbiased variance and ε outside the root (`variance: "unbiased"`, `eps_placement: "outside"`)"#,
            "why": #"""
                **Layer normalization** brings each token's features to mean 0 and variance 1, then applies a \#
                learned scale $\gamma$ and shift $\beta$. The original Transformer normalizes after each residual \#
                sum, $\operatorname{LayerNorm}(x + \operatorname{Sublayer}(x))$ (post-LN); GPT-2, Raschka's book and \#
                The Annotated Transformer before the sublayer, $x + \operatorname{Sublayer}(\operatorname{LayerNorm}(x))$ (pre-LN).
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                \mu &= \tfrac{1}{d_{\text{model}}} \textstyle\sum_{j} x_{j} && \text{mean of the row} \\
                \sigma^{2} &= \tfrac{1}{«divisor»} \textstyle\sum_{j} (x_{j} - \mu)^{2} && \text{variance} \\
                s &= «s» && \text{standard deviation} \\
                \hat{x}_{j} &= (x_{j} - \mu)/s && \text{normalized} \\
                y_{j} &= \gamma_{j}\, \hat{x}_{j} + \beta_{j} && \text{scaled and shifted}
                \end{aligned}
                """#,
            "s, inside": #"\sqrt{\sigma^{2} + \epsilon}"#,
            "s, outside": #"\sqrt{\sigma^{2}} + \epsilon"#,
            "convention": #"""
                Here $x$ is one row (token) of $X$, $x_{j}$ its feature $j$, $y$ its row of $Y$. «convention»
                """#,
            "convention, nn": #"""
                As in `nn.LayerNorm`, the variance is biased (÷ $d_{\text{model}}$) and $\epsilon$ sits inside the \#
                root; The Annotated Transformer divides by $d_{\text{model}} - 1$ and adds $\epsilon$ after the root.
                """#,
            "another convention, unbiased": #"""
                **This note uses another convention**: it divides by \#
                $d_{\text{model}} - 1$ (the unbiased variance, `torch.var`'s default); `nn.LayerNorm` divides by \#
                $d_{\text{model}}$.
                """#,
            "another convention, outside": #"""
                **This note uses another convention**: it adds $\epsilon$ after the \#
                root, as The Annotated Transformer; `nn.LayerNorm` adds it inside.
                """#,
            "another convention, both": #"""
                **This note uses another convention**, The Annotated Transformer's: it divides by $d_{\text{model}} - 1$ (the unbiased variance) and adds \#
                $\epsilon$ after the root; `nn.LayerNorm` divides by $d_{\text{model}}$ and adds $\epsilon$ inside.
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
            "figure description, nan": "Each with its own colour scale: red positive, white 0, blue negative, grey not a number (nan).",
            "notice": #"""
                Only the pattern of each row's features survives normalization; $\gamma$ and $\beta$ then set the \#
                scale the next layer receives.
                """#,

            // Sentences from the numbers.
            "token": "“«token»”",
            "row": "row «i»",

            // What the seed notes say, and what the numbers show.
            "slides moments": #"""
                - Seed 001: “Normalization makes the variance 1 and the mean 0.” Confirmed for $\hat X$, before \#
                the slide's affine step: its rows have mean «mean» and variance «var»«biased»«after».
                """#,
            "slides moments, biased": #" (÷ «divisor»; «biased var» ÷ $d_{\text{model}} = «D»$, as `nn.LayerNorm` divides)"#,
            "slides moments, after": #"; after $\gamma$ and $\beta$, «first» has mean «output mean» and variance «output var»"#,
            "slides moments, identity": #"; $\gamma = 1$ and $\beta = 0$ leave them so"#,
            "slides moments, small": #"""
                - Seed 001: “Normalization makes the variance 1 and the mean 0.” Only when $\sigma^{2}$ is \#
                far above $\epsilon$: «row» has $\sigma^{2} = «var»$, so its row of $\hat X$ has variance «normalized var».
                """#,
            "slides samples": #"""
                - Seed 001: “Normalization uses the mean and variance of the given samples.” Only when the norm is \#
                batch norm: layer norm averages each token's own «D» features, not a feature over the tokens \#
                (feature 1's mean would be «column mean»).
                """#,
            "slides affine": #"""
                - Seed 001: “Normalize with each word's mean and variance, then an affine transformation per \#
                ‘layer’.” Confirmed (one $\gamma_{j}$ and $\beta_{j}$ per feature, shared by every token): \#
                «first» has $\mu = «mean 1»$, $\sigma^{2} = «var 1»$, «last» $\mu = «mean 2»$, $\sigma^{2} = «var 2»$, «affine».
                """#,
            "slides affine, feature": "and feature «j» of both is scaled by «gamma», shifted by «beta»",
            "slides affine, identity": #"and every $\gamma_{j} = 1$, $\beta_{j} = 0$ here"#,
            "std eps": #"At 4 decimals $\epsilon$ does not show: it changes $s$ only from decimal «decimal» on."#,
            "std eps, shows": #"Here $\epsilon$ shows: without it, «row» would have $s = «without»$."#,
        ], korean: korean)
}
