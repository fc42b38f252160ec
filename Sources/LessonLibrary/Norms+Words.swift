// The words of norms. Keys are value names (without the normalization's prefix) or names for the
// paragraphs; slots: «tag» (BN, LN, IN, GN), «norm» (its name), «over» (what it averages over),
// «n» (how many cells each mean takes).

import TraceCore

extension Norms {
    static let words = Words(
        captions: [
            "input": ("Input", "B sequences of T steps, one token of D features per row; the row labelled b, t is step t of sequence b."),
            "groups": ("Groups", "Group norm's groups of features $g = 1 \\dots N_{g}$: «size» features each."),
            "eps": ("Epsilon", "Added to every variance, so a set of equal numbers does not divide by zero."),
            "mean": ("«norm»: means", "One mean per set of «n» cells: «over»."),
            "centered": ("«norm»: deviations", "Each cell minus its set's mean («spread»): every set now sums to 0."),
            "var": ("«norm»: variances", "The mean square deviation of each set (divided by «n», biased)."),
            "std": ("«norm»: standard deviations", #"$s = \sqrt{\sigma^{2} + \epsilon}$ for each set: its standard deviation, made a little larger by $\epsilon$.«tiny»"#),
            "output": ("«norm»: output", "Each deviation in units of its set's $s$: every set now has mean 0 and variance «variance».«constant»"),
            "output.grad": ("gradient of the «tag» output", "The loss's gradient $G$ itself, the same for each of the four outputs: each meets it once in $L$."),
            "std.grad": ("gradient of the «tag» standard deviations", #"Every cell of a set was divided by its $s$: $-\sum \frac{\partial L}{\partial y} \tilde x / s^{2}$ over the set."#),
            "var.grad": ("gradient of the «tag» variances", "Through the square root."),
            "centered.grad": ("gradient of the «tag» deviations", #"Two paths: through the output $\tilde X / s$, and through the variance, the mean over the set of $\tilde X \odot \tilde X$, whose derivative is $2 \tilde X$."#),
            "mean.grad": ("gradient of the «tag» means", "The mean was subtracted from every cell of its set («spread»): its gradient is minus the sum of their deviations' gradients."),
            "input.grad": ("gradient of the input", #"$X$ reaches $L$ only through the four normalizations: each cell through its deviation in each, and through the mean it helped make in each, whose gradient comes back as $1/|S|$ of it to every cell of the set (entry (b, d) of $\frac{\partial L}{\partial \mu_{\text{IN}}}$ to feature d at every step of sequence b, entry (b, g) of $\frac{\partial L}{\partial \mu_{\text{GN}}}$ to every feature $d \in g$ at every step of sequence b)."#),
        ],
        text: [
            "summary": "Batch, layer, instance and group norm of one batch of sequences: which cells each averages over",
            "title": "Batch, layer, instance and group normalization",
            "why": #"""
                A normalization shifts and scales numbers to mean 0 and variance 1, so that the next layer sees \#
                numbers of one size whatever came before. The four normalizations below do the same arithmetic \#
                on the same batch of sequences; they differ only in which cells each mean and variance is taken \#
                over. That choice decides what a token's output depends on: its own features alone (layer norm), \#
                the other tokens of its sentence (instance and group norm), or the other sentences of the batch too, \#
                padding included (batch norm). The Transformer uses layer norm, after each sublayer and its residual \#
                connection: $\operatorname{LayerNorm}(x + \operatorname{Sublayer}(x))$, “Add & Norm” (the \#
                `transformer-block` lesson has it); this note shows with the numbers why layer norm and not batch norm.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \mu_{S} = \frac{1}{|S|} \sum_{(b,t,d) \in S} x_{b,t,d}, \qquad
                \sigma^{2}_{S} = \frac{1}{|S|} \sum_{(b,t,d) \in S} (x_{b,t,d} - \mu_{S})^{2}, \qquad
                y_{b,t,d} = \frac{x_{b,t,d} - \mu_{S}}{\sqrt{\sigma^{2}_{S} + \epsilon}} \quad \text{for the set } S \ni (b,t,d)
                """#,
            "convention": #"""
                The sets: **batch norm**, feature $d$ over every sequence $b$ and step $t$ ($|S| = BT$; \#
                `nn.BatchNorm1d(D, affine=False)` in training mode); **layer norm**, token $(b, t)$ over its \#
                features ($|S| = D$; `nn.LayerNorm(D, elementwise_affine=False)` on the $(B, T, D)$ tensor itself); \#
                **instance norm**, feature $d$ of sequence $b$ over its steps ($|S| = T$; `nn.InstanceNorm1d(D)`); \#
                **group norm**, a group $g$ of $D/N_{g}$ features of sequence $b$ over its steps ($|S| = TD/N_{g}$; \#
                `nn.GroupNorm(N_g, D, affine=False)`). Batch, instance and group norm take the features in \#
                dimension 1, the $(B, D, T)$ layout: `x.transpose(1, 2)` before and after. The variance is biased (divided by $|S|$) and $\epsilon$ is \#
                inside the root, as in PyTorch. Left out: the modules' learned scale $\gamma$ and shift $\beta$ \#
                (one per feature, applied after; see `layer-norm`), and batch norm's running averages, which it \#
                uses instead of the batch's statistics in eval mode.
                """#,
            "legend B": "sequences in the batch",
            "legend T": "steps (tokens) per sequence",
            "legend D": "features per token",
            "legend groups": "groups of features (group norm), each a group $g$ of $D/N_{g}$ features",
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
            "over group": "a group of «size» features of one sequence over its steps",
            "heading batch": "Batch norm: each feature over the whole batch",
            "heading layer": "Layer norm: each token over its features",
            "heading instance": "Instance norm: each feature of one sequence over its steps",
            "heading group": "Group norm: each group of features of one sequence over its steps",
            "why batch": "Each of the $D$ features is averaged over all $B$ sequences and $T$ steps: «n» cells, from every sentence in the batch, padding included.",
            "why layer": "Each token is averaged over its own $D$ features: «n» cells, from that token alone.",
            "why instance": "Each feature of each sequence is averaged over that sequence's $T$ steps: «n» cells, from one sentence.",
            "why group": "The features are cut into $N_{g}$ groups of $D/N_{g}$; each group $g$ of each sequence is averaged over that sequence's steps: «n» cells, from one sentence.",
            "refused batch": "Here $BT = 1$, so each set is one number: `nn.BatchNorm1d` in training mode refuses such a batch (“Expected more than 1 value per channel when training”), as a variance over one number says nothing of the batch. Computed anyway, each number is its own mean, so its deviation is 0, and so is its output.",
            "refused instance": "Here $T = 1$, so each set is one number: `nn.InstanceNorm1d` refuses such an input (“Expected more than 1 spatial element when training”). Computed anyway, each number is its own mean, so its deviation is 0, and so is its output.",
            "refused group": "Here $TD/N_{g} = 1$, so each set is one number: `nn.GroupNorm` refuses such an input (“Expected more than 1 value per channel when training”). Computed anyway, each number is its own mean, so its deviation is 0, and so is its output.",
            "figure batch": "Batch norm: feature «j» is averaged over every sequence and step",
            "figure layer": "Layer norm: token (1, 1) is averaged over its own features",
            "figure instance": "Instance norm: feature «j» of sequence 1 is averaged over its steps",
            "figure group": "Group norm: features 1–«last» of sequence 1 (group 1 of «G») are averaged over its steps",
            "figure description": "The input as one block per sequence (rows: steps, columns: features); the highlighted cells are the «n» that one mean of «norm» takes: «over».",
            "figure sequence": "sequence «b»",
            "figure rows": "step t",
            "figure columns": "feature d",
            "token": "step «t» of sequence «b»",
            "token, labelled": "“«token»” (step «t» of sequence «b»)",
            "heading summary": "Summary",
            "spread batch": "entry d of the means taken from feature d in every row",
            "spread layer": "entry (b, t) of the means taken from every feature of token (b, t)",
            "spread instance": "entry (b, d) of the means taken from feature d at every step of sequence b",
            "spread group": "entry (b, g) of the means taken from every feature $d \\in g$ at every step of sequence b",
            "std, tiny": " Not for «set»: its variance is «var», its standard deviation «sd», and $s = \\sqrt{\\epsilon}$ = «s» is $\\epsilon$'s root alone; dividing by it multiplies by «inv», in the output and in the gradient that comes back through it.",
            "variance near 1": "near 1",
            "output, constant": " But not «set»: its numbers are all equal, so its deviations, its output and its variance («var») are all 0.",
            "output, small": " But not «set», whose variance («before») is not large beside $\\epsilon$: it comes out «var».",
            "every feature": "«value» for every feature",
            "set sequence": "sequence «b»",
            "padding": #"""
                «pad» is padding, there only to make the sequences equally long (all 0 here). Batch norm counts it \#
                as a token: feature 1's mean is «mean» over the «rows» rows, where the «real» real tokens alone have \#
                «real mean», and the pad's batch-normed feature 1 is «pad batch», a number the next layer cannot tell \#
                from a word's. Layer norm takes each token on its own, so no word's layer-normed output depends on \#
                the pad. The pad's own output, «pad layer», is $0/\sqrt{\epsilon}$ only because its features are \#
                all equal here; a real pad position carries a pad embedding plus its position's encoding, and gets \#
                an output like a word's, which attention's padding mask then hides from the other tokens. Instance and group norm average over the \#
                steps, so the pad moves its own sequence's statistics: instance norm's mean of feature 1 in \#
                sequence «b» is «instance» over «T» steps, «instance real» over its «real steps» real ones.
                """#,
            "padding alone": #"""
                And how many pads a sentence gets is set by the longest sentence in its batch: run alone, \#
                «sentence» has no pad (T = «real steps»), and feature 1 of «first» is «changes»«same».
                """#,
            "padding alone, change": "«alone» alone and «with» in this batch under «norm»",
            "padding alone, changes": " (by «norms»)",
            "padding alone, same": "; under «norms» it is «value» in both",
            "padding alone, verdict": " So instance and group norm's outputs depend on the batch too, through the padding; only layer norm's depend on nothing but the token.",
            "mixing": #"""
                Batch statistics mix sentences: «token» has batch-normed feature «j» equal to «with» in this batch \#
                of «B», and «alone» when sequence 1 is normalized in a batch of its own; its layer-normed feature «j» \#
                is «layer» in this batch and «layer alone» alone.«instance»
                """#,
            "mixing, instance": " With one sequence, batch norm's sets are instance norm's (a feature over the steps): «alone» is also the instance-normed feature «j» of «token» here.",
            "mixing, coincidence": " (That the pad's batch-normed feature 1 above is «pad batch» too is a coincidence of these numbers.)",
            "decoding": #"""
                Two more reasons for layer norm. A decoder generating text runs one token at a time: batch norm \#
                over a batch of one token, «token» alone, has one number per set, variance 0, and outputs «one», \#
                while layer norm gives «layer one», as in this batch. And in eval mode batch norm uses running \#
                averages of its training batches' statistics, so it computes something else at test time than in \#
                training; layer norm computes the same in both.
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
                «verdict»: after normalizing, «moments».«constant» Mean 0 and variance 1 hold before a module's scale $\gamma$ and \#
                shift $\beta$ (left out here), which set the mean and variance anew. “Many samples” fits batch norm \#
                alone: its set is a feature over «batch n» cells of the whole batch. Layer norm's set is one token's \#
                own «D» features, instance norm's one feature over a sequence's «T» steps, group norm's «group n» \#
                cells of one sequence: which cells form a set is all that tells the four apart.
                """#,
            "verdict, holds": #"Confirmed, set by set (a variance comes out as $\sigma^{2}/(\sigma^{2} + \epsilon)$, just under 1)"#,
            "verdict, not always": "Confirmed, but not for a set of equal numbers",
            "slides samples, constant": " But «norm»'s «set» has variance «var» after normalizing: its numbers are equal, so its deviations are all 0.",
            "slides layer": #"""
                - Seed 001: “각각의 단어에 대한 평균과 분산을 정규화 한 후, 각 '레이어'별로 affine transformation을 \#
                통해 처리해준다. 이것이 레이어 노멀라이제이션” (layer norm normalizes each word's mean and variance, \#
                then applies an affine transformation per 'layer'). Confirmed: layer norm has one mean and one \#
                variance per token («count» here«tokens»), each over that token's «D» features. And each \#
                `nn.LayerNorm` module, one per place a model normalizes (two per Transformer encoder layer, three per decoder layer), has its own \#
                affine scale $\gamma$ and shift $\beta$, one number per feature ($D$ each), shared by every token \#
                and position; the `layer-norm` lesson has them, this note leaves them out.
                """#,
            "slides layer, tokens": ": «words» words and «pads» pad",
            "backward why": #"""
                The four normalizations are parallel branches: each output is computed from $X$ alone, and the loss \#
                adds them, $L = \sum G \odot (Y_{\text{BN}} + Y_{\text{LN}} + Y_{\text{IN}} + Y_{\text{GN}})$ \#
                («L» here). So each passes its own share back to the input, none depends on another's, and \#
                $\frac{\partial L}{\partial X}$ is their sum; below they come last first, as the pass walks back.
                """#,
            "backward equations": #"""
                \frac{\partial L}{\partial x} = \sum_{\text{BN, LN, IN, GN}} \frac{1}{s_{S}} \left(\frac{\partial L}{\partial y} - \frac{1}{|S|} \sum_{S} \frac{\partial L}{\partial y} - y \, \frac{1}{|S|} \sum_{S} \frac{\partial L}{\partial y} \, y\right)
                \quad \text{for the set } S \ni x \text{ of each, } y \text{ its output}
                """#,
            "heading back through": "Back through «norm»",
            "heading input gradient": "The input's gradient",
            "share": "«norm» «share»",
            "input.grad shares": "Entry (1, 1, 1) of $\\frac{\\partial L}{\\partial X}$ gathers the four normalizations' shares, each its deviation's gradient plus $1/|S|$ of its mean's: «shares», in all «total».",
            "shares sum to 0": "Each normalization's share sums to 0 over each of its sets (the largest such sum, in size, is «largest»): adding one number to every cell of a set does not change that set's output, so the loss cannot change that way.",
            "backward mixing": "$G$ is nonzero only on «where», yet $\\frac{\\partial L}{\\partial X}$ reaches «others» too: feature 1 of «cells». All of it is batch norm's share, the one normalization whose sets cross sentences: a loss on one sentence trains on the others through batch norm, in the backward pass as in the forward.",
            "backward mixing, layer": " Layer norm's share stays on «tokens», where $G$ is nonzero.",
            "backward ones": "With $G$ all ones, $L$ is the sum of the four outputs, and every output sums to 0 over each of its sets whatever $X$ is: $L$ does not change with $X$, so every gradient is 0 but for rounding (the largest entry of $\\frac{\\partial L}{\\partial X}$ is «largest»). A `grad_output` that is not uniform shows each normalization's gradient.",
            "default.summary": "two sentences, the second padded to three steps: what batch norm mixes and layer norm keeps apart",
            "default.story": "Two sentences of 4 features per token: “the cat sat” and “dogs ran”, padded with a step of zeros to three steps, as a batch of sentences of different lengths is. Feature numbers are small whole numbers, so each mean can be checked by hand.",
            "default.backward": "The backward pass takes $G$ nonzero on “the” alone, all four of its features, and 0 elsewhere: a loss on one token of sentence 1, so that whatever reaches sentence 2 shows which normalization carries it; its four numbers differ, since a $G$ equal across a token's features would give layer norm's gradient 0.",
        ], korean: korean)
}
