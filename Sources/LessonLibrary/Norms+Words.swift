// The words of norms. Keys are value names (without the normalization's prefix) or names for the
// paragraphs; slots: «tag» (BN, LN, IN, GN), «norm» (its name), «over» (what it averages over),
// «n» (how many cells each mean takes).

import TraceCore

extension Norms {
    static let words = Words(
        captions: [
            "input": ("Input", "B sequences of T steps, one token of D features per row; the row labelled b, t is step t of sequence b."),
            "groups": ("Groups", "Group norm's groups of features: «size» features each."),
            "eps": ("Epsilon", "Added to every variance, so a set of equal numbers does not divide by zero."),
            "mean": ("«norm»: means", "One mean per set of «n» cells: «over»."),
            "centered": ("«norm»: deviations", "Each cell minus its set's mean: every set now sums to 0."),
            "var": ("«norm»: variances", "The mean square deviation of each set (divided by «n», biased)."),
            "std": ("«norm»: standard deviations", #"$s = \sqrt{\sigma^{2} + \epsilon}$ for each set."#),
            "output": ("«norm»: output", "Each deviation in units of its set's $s$: every set now has mean 0 and variance near 1."),
            "output.grad": ("gradient of the «tag» output", "The loss's gradient $G$ itself: each of the four outputs meets it once in $L$."),
            "std.grad": ("gradient of the «tag» standard deviations", #"Every cell of a set was divided by its $s$: $-\sum \frac{\partial L}{\partial y} \tilde x / s^{2}$ over the set."#),
            "var.grad": ("gradient of the «tag» variances", "Through the square root."),
            "centered.grad": ("gradient of the «tag» deviations", #"Two paths: directly through $\tilde X / s$, and through the variance, which squares every deviation."#),
            "mean.grad": ("gradient of the «tag» means", "The mean was subtracted from every cell of its set."),
            "input.grad": ("gradient of the input", "Each cell directly, through each of the four deviations, and through the four means it helped make."),
        ],
        text: [
            "summary": "Batch, layer, instance and group norm of one batch of sequences: which cells each averages over",
            "title": "Batch, layer, instance and group normalization",
            "why": #"""
                A normalization shifts and scales numbers to mean 0 and variance 1, so that the next layer sees \#
                numbers of one size whatever came before. The four normalizations below do the same arithmetic \#
                on the same batch of sequences; they differ only in which cells each mean and variance is taken \#
                over. That choice decides what a token's output depends on: the other tokens of its sentence, or \#
                the other sentences of the batch too, padding included. Sequence models (the Transformer) use layer \#
                norm; this note shows with the numbers why.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \mu_{S} = \frac{1}{|S|} \sum_{(b,t,d) \in S} x_{b,t,d}, \qquad
                \sigma^{2}_{S} = \frac{1}{|S|} \sum_{(b,t,d) \in S} (x_{b,t,d} - \mu_{S})^{2}, \qquad
                y_{b,t,d} = \frac{x_{b,t,d} - \mu_{S}}{\sqrt{\sigma^{2}_{S} + \epsilon}} \quad \text{for the set } S \ni (b,t,d)
                """#,
            "convention": #"""
                The sets: **batch norm**, feature $d$ over every sequence $b$ and step $t$ ($|S| = BT$; \#
                `nn.BatchNorm1d(D, affine=False)` in training mode, on the $(B, D, T)$ layout); **layer norm**, \#
                token $(b, t)$ over its features ($|S| = D$; `nn.LayerNorm(D, elementwise_affine=False)`); \#
                **instance norm**, feature $d$ of sequence $b$ over its steps ($|S| = T$; `nn.InstanceNorm1d(D)`); \#
                **group norm**, a band of $D/G$ features of sequence $b$ over its steps ($|S| = TD/G$; \#
                `nn.GroupNorm(G, D, affine=False)`). The variance is biased (divided by $|S|$) and $\epsilon$ is \#
                inside the root, as in PyTorch. Left out: the modules' learned scale $\gamma$ and shift $\beta$ \#
                (one per feature, applied after; see `layer-norm`), and batch norm's running averages, which it \#
                uses instead of the batch's statistics in eval mode.
                """#,
            "legend B": "sequences in the batch",
            "legend T": "steps (tokens) per sequence",
            "legend D": "features per token",
            "legend G": "groups of features (group norm)",
            "label d": "feature",
            "label b, t": "b, t",
            "label b, d": "b, d",
            "label b, g": "b, g",
            "name batch": "batch norm",
            "name layer": "layer norm",
            "name instance": "instance norm",
            "name group": "group norm",
            "over batch": "a feature over every sequence and step",
            "over layer": "a token over its features",
            "over instance": "a feature of one sequence over its steps",
            "over group": "a band of «size» features of one sequence over its steps",
            "heading batch": "Batch norm: each feature over the whole batch",
            "heading layer": "Layer norm: each token over its features",
            "heading instance": "Instance norm: each feature of one sequence over its steps",
            "heading group": "Group norm: each band of features of one sequence over its steps",
            "why batch": "Each of the $D$ features is averaged over all $B$ sequences and $T$ steps: «n» cells, from every sentence in the batch, padding included.",
            "why layer": "Each token is averaged over its own $D$ features: «n» cells, from that token alone.",
            "why instance": "Each feature of each sequence is averaged over that sequence's $T$ steps: «n» cells, from one sentence.",
            "why group": "The features are cut into $G$ bands; each band of each sequence is averaged over that sequence's steps: «n» cells, from one sentence.",
            "figure batch": "Batch norm: feature «j» is averaged over every sequence and step",
            "figure layer": "Layer norm: token (1, 1) is averaged over its features",
            "figure instance": "Instance norm: feature «j» of sequence 1 is averaged over its steps",
            "figure group": "Group norm: features 1–«last» of sequence 1 (group 1 of «G») are averaged over its steps",
            "figure description": "The input as one block per sequence (rows: steps, columns: features); the highlighted cells are the «n» that one mean of «norm» takes: «over».",
            "figure sequence": "sequence «b»",
            "figure rows": "step t",
            "figure columns": "feature d",
            "token": "step «t» of sequence «b»",
            "token, labelled": "“«token»” (step «t» of sequence «b»)",
            "heading summary": "Summary",
            "padding": #"""
                «pad» is padding: all 0, there only to make the sequences equally long. Batch norm counts it as a \#
                token: feature 1's mean is «mean» over the «rows» rows, where the «real» real tokens alone have \#
                «real mean», and the padded step's batch-normed feature 1 is «pad batch», a number the next layer \#
                cannot tell from a word's. Layer norm takes each token on its own: the padded step stays «pad layer» \#
                ($0/\sqrt{\epsilon}$), and no real token's layer-normed output depends on it. Instance and group \#
                norm average over the steps, so the pad moves its own sequence's statistics: instance norm's mean \#
                of feature 1 in sequence «b» is «instance» over «T» steps, «instance real» over its «real steps» real ones.
                """#,
            "mixing": #"""
                Batch statistics mix sentences: «token» has batch-normed feature «j» equal to «with» in this batch \#
                of «B», and «alone» when sequence 1 is normalized in a batch of its own. Its layer-normed feature \#
                «j» is «layer» in this batch and «layer alone» alone: layer norm, and instance and group norm too, never \#
                look beyond the token's own sentence, so a sentence's output does not depend on what it is batched with.
                """#,
            "mixing, none": "«token»'s batch-normed features come out the same, to 4 decimals, with sequence 1 alone in its batch: here the other sequences happen to share its statistics.",
            "one sequence": "With one sequence, batch norm's sets are instance norm's (a feature over the steps), and the two outputs agree.",
            "one sequence, differs": "With one sequence, batch norm's sets are instance norm's (a feature over the steps).",
            "slides moments, one": "«norm»'s «set»: mean «mean», variance «var»",
            "set batch": "feature «d»",
            "set instance": "feature «d» of sequence «b»",
            "set group": "group «g» of sequence «b»",
            "slides samples": #"""
                - Seed 001: “주어진 다수의 샘플들에 대해 평균과 분산을 사용해 분산을 1로, 평균을 0으로 만들어주는 일” \#
                (normalizing makes the mean 0 and the variance 1, using the mean and variance of many samples). \#
                «verdict»: after normalizing, «moments».«constant» Which samples form a set is all that tells the four apart.
                """#,
            "verdict, holds": #"Confirmed, set by set (a variance comes out as $\sigma^{2}/(\sigma^{2} + \epsilon)$, just under 1)"#,
            "verdict, not always": "Confirmed, but not for a set of equal numbers",
            "check, nan": #"Here an output holds nan ($0/0$ in a set of equal numbers with $\epsilon = 0$), so the loss and the gradients are nan, as PyTorch's are, and the check says nothing."#,
            "slides samples, constant": " But «norm»'s «set» has variance «var» after normalizing: its numbers are equal, so its deviations are all 0.",
            "slides layer": #"""
                - Seed 001: “각각의 단어에 대한 평균과 분산을 정규화 한 후, 각 '레이어'별로 affine transformation을 \#
                통해 처리해준다. 이것이 레이어 노멀라이제이션” (layer norm normalizes each word's mean and variance, \#
                then applies an affine transformation per 'layer'). The first half is confirmed: layer norm has one \#
                mean and one variance per word («count» here), each over that word's «D» features. The affine \#
                transformation's scale and shift are per feature, shared by every word and position \#
                (`nn.LayerNorm`'s weight and bias, $D$ numbers each; the `layer-norm` lesson has them); this note leaves them out.
                """#,
            "backward why": #"""
                The four outputs meet one gradient $G$ (`grad_output`, not the number of groups): $L = \sum G \odot (Y_{\text{BN}} + Y_{\text{LN}} + Y_{\text{IN}} + Y_{\text{GN}})$, \#
                so each normalization passes its own share back to the input, and $\frac{\partial L}{\partial X}$ is their sum.
                """#,
            "backward equations": #"""
                \frac{\partial L}{\partial x} = \sum_{\text{BN, LN, IN, GN}} \frac{1}{s_{S}} \left(g - \frac{1}{|S|} \sum_{S} g - y \, \frac{1}{|S|} \sum_{S} g \, y\right)
                \quad \text{for the set } S \ni x \text{ of each, with } g = \frac{\partial L}{\partial y}
                """#,
            "heading back through": "Back through «norm»",
            "heading input gradient": "The input's gradient",
            "share": "«norm» «share»",
            "input.grad shares": "Entry (1, 1, 1) of $\\frac{\\partial L}{\\partial X}$ gathers the four normalizations' shares, each its deviation's gradient plus $1/|S|$ of its mean's: «shares», in all «total».",
            "backward ones": "With $G$ all ones, $L$ is the sum of the four outputs, and every output sums to 0 over each of its sets whatever $X$ is: $L$ does not change with $X$, so every gradient is 0 but for rounding (the largest entry of $\\frac{\\partial L}{\\partial X}$ is «largest»). A `grad_output` that is not uniform shows each normalization's gradient.",
            "default.summary": "two sentences, the second padded to three steps: what batch norm mixes and layer norm keeps apart",
            "default.story": "Two sentences of 4 features per token: “the cat sat” and “dogs ran”, padded with a step of zeros to three steps, as a batch of sentences of different lengths is. Feature numbers are small whole numbers, so each mean can be checked by hand. The backward pass takes $G$ = 1 at entry (1, 1, 1) and 0 elsewhere: $L$ is the sum of that one cell's four outputs.",
        ])
}
