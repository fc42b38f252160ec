// The words the Transformer's two blocks share: the sublayers' headings and what each value means,
// the inputs' captions, the way back, and the sentences chosen from the numbers (Block+Commentary.swift
// picks them). «k» is a sublayer's (and its norm's) number; «input» the symbol of what flows in.

import TraceCore

let blockWords = Words(
    captions: [
        // Inputs.
        "nhead": ("Heads", #"Each head has $d_k = E/h = «d_k»$ columns of $Q$, $K$, $V$."#),
        "in_proj_weight": ("Input projection", #"$«WQ»$, $«WK»$, $«WV»$ stacked: row “Q c” makes column c of $«Q»$."#),
        "in_proj_bias": ("Input projection bias", "$«bQ»$, $«bK»$, $«bV»$ stacked."),
        "out_proj.weight": ("Output projection", #"$«WO»$, stored out × in: row j makes column j of the attention's output $«Y»$."#),
        "out_proj.bias": ("Output bias", ""),
        "bias, zeros": ("Bias", "Every entry is 0: nothing is added."),
        "linear1.weight": ("First layer of the feed-forward network", #"$W_{1}$, F × E: row j makes hidden unit j from a token's E numbers."#),
        "linear1.bias": ("First layer's bias", ""),
        "linear2.weight": ("Second layer of the feed-forward network", #"$W_{2}$, E × F: row j makes number j of the output from the F hidden units."#),
        "linear2.bias": ("Second layer's bias", ""),
        "norm.weight": ("Scale of norm «k»", #"$\gamma_{«k»}$, one number per feature."#),
        "norm.weight, again": ("Scale of norm «k»", ""),
        "norm.weight, ones": ("Scale of norm «k»", "Every entry is 1: no scaling."),
        "norm.bias": ("Shift of norm «k»", #"$\beta_{«k»}$, one number per feature."#),
        "norm.bias, again": ("Shift of norm «k»", ""),
        "norm.bias, zeros": ("Shift of norm «k»", "Every entry is 0: no shift."),
        "layer_norm_eps": ("Epsilon", "Added to each variance inside the square root (`layer_norm_eps`)."),

        // The feed-forward network.
        "ff.linear1": ("hidden layer before the activation", #"$«input» W_{1}^{\top} + b_{1}$: every token's row times the same $W_{1}$."#),
        "ff.output": ("feed-forward output", #"$H W_{2}^{\top} + b_{2}$: back to E numbers per token, so it can be added to the row it came from."#),

        // The way back.
        "output.grad, pre": ("gradient of the output", #"The loss's gradient $G$ itself: the output is what the loss sees."#),
        "add.grad, pre": ("gradient of the residual sum «k»", #"Two uses: the next residual sum passes its gradient straight through (the identity), and the next norm passes back what it received."#),
        "add.grad": ("gradient of the residual sum «k»", #"What norm «k» passed back: the sum was only used there."#),
        "ff.output.grad": ("gradient of the feed-forward output", #"The residual sum added $Y_{\text{ff}}$ as it is: the same gradient as the sum's."#),
        "ff.hidden.grad": ("gradient of the hidden layer", #"$\frac{\partial L}{\partial Y_{\text{ff}}} W_{2}$: each hidden unit collects from the E outputs it feeds."#),
        "ff.hidden.grad, gelu": ("gradient of the hidden layer", #"$\frac{\partial L}{\partial Y_{\text{ff}}} W_{2}$: each hidden unit collects from the E outputs it feeds."#),
        "ff.linear1.grad": ("gradient of the hidden layer before relu", #"Through relu: $[U > 0]$ is relu's slope, 1 where the unit was on ($U > 0$) and 0 where relu switched it off, so the gradient passes or stops."#),
        "ff.linear1.grad, gelu": ("gradient of the hidden layer before gelu", #"Through gelu: $\operatorname{gelu}'(u) = \Phi(u) + u \varphi(u)$, with $\Phi$ the standard normal's distribution function and $\varphi$ its density; unlike relu's, never exactly 0."#),
        "x.grad": ("gradient of the block's input", #"Two paths: straight through the first residual sum ($\frac{\partial L}{\partial Z_{1}}$, the last term), and through the «first», where $X$ made the queries, the keys and the values. The written-out terms follow the equation: the products for $Q$, then for $K$, then for $V$ (a product with a 0 factor is left out, so their count differs from row to row), and last the residual sum's gradient."#),
        "x.grad, pre": ("gradient of the block's input", #"Two paths: straight through the first residual sum ($\frac{\partial L}{\partial Z_{1}}$, the last term), and through norm 1 into the «first» (the first two terms: through norm 1's mean and its centred rows)."#),
        "memory.grad": ("gradient of the memory", #"Through the keys and values of the encoder–decoder attention only: $\frac{\partial L}{\partial K_{\text{ca}}} W_{K,\text{ca}} + \frac{\partial L}{\partial V_{\text{ca}}} W_{V,\text{ca}}$; the written-out terms are the products for $K_{\text{ca}}$, then those for $V_{\text{ca}}$. This is what flows back into the encoder; in a stack, every decoder layer reads the same $M$ and adds its own share."#),
        "in_proj_weight.grad": ("gradient of the stacked projections", #"Blocks $«WQ»$, $«WK»$, $«WV»$: each $\left(\frac{\partial L}{\partial «Q»}\right)^{\top}$ times the rows that made $«Q»$ (and so on), summed over tokens."#),
        "in_proj_bias.grad": ("gradient of the stacked biases", "Each block is its projection's gradient summed over the tokens."),
        "out_proj.weight.grad": ("gradient of the output projection", #"$\left(\frac{\partial L}{\partial «Y»}\right)^{\top} «C»$, with $«C»$ the concatenated heads: a sum over the tokens."#),
        "out_proj.bias.grad": ("gradient of the output bias", #"The column sums of $\frac{\partial L}{\partial «Y»}$."#),
        "linear1.weight.grad": ("gradient of the first layer", #"$\left(\frac{\partial L}{\partial U}\right)^{\top}$ times the rows that went in: one outer product per token, summed, as the same $W_{1}$ served every token."#),
        "linear1.bias.grad": ("gradient of the first layer's bias", #"The column sums of $\frac{\partial L}{\partial U}$."#),
        "linear2.weight.grad": ("gradient of the second layer", #"$\left(\frac{\partial L}{\partial Y_{\text{ff}}}\right)^{\top} H$, summed over the tokens."#),
        "linear2.bias.grad": ("gradient of the second layer's bias", #"The column sums of $\frac{\partial L}{\partial Y_{\text{ff}}}$."#),
        "norm.weight.grad": ("gradient of norm «k»'s scale", #"$\gamma_{«k», j}$ scaled feature j of every row: a sum down the column of $\frac{\partial L}{\partial «out»} \odot \hat X_{«k»}$."#),
        "norm.bias.grad": ("gradient of norm «k»'s shift", #"A sum down the column of $\frac{\partial L}{\partial «out»}$."#),

        // Chosen from the numbers.
        "add": ("residual sum «k»", #"$«input» + «sub»$: each token keeps its row and adds what the sublayer made of it. «share»"#),
        "ff.hidden, relu": ("hidden layer", "relu switches off «off» of the «all» units (they are 0): «list». «allOn»"),
        "ff.hidden, relu, none off": ("hidden layer", "relu switches off none of the «all» units here: every entry of U is positive."),
        "ff.hidden, gelu": ("hidden layer", #"gelu is $u \Phi(u)$: a negative $u$ is not cut to 0 but shrunk, to «smallest» at its lowest here (from $u$ = «u»); «negatives» of the «all» entries of U are negative, where relu would give 0. Entry by entry, $u \Phi(u)$: for (1, 1), «u11»·Φ(«u11») = «u11»·«phi11» = «h11».«positive» Nor is gelu monotone: its lowest value is «min», at $u$ ≈ «umin»; below that, a more negative $u$ gives a value closer to 0."#),
    ],
    text: [
        "heading self": "Self-attention",
        "heading self, masked": "Masked self-attention",
        "heading cross": "Encoder–decoder attention",
        "heading ff": "Feed-forward network",
        "heading norm": "Norm «k»",
        "heading add": "Add «k»: the residual connection",
        "heading add, output": "Add «k»: the residual connection, the output",
        "heading add and norm": "Add & Norm «k»",
        "self": #"""
            The multi-head attention of [multi-head-attention.md](multi-head-attention.md) on the rows of «input»: \#
            queries, keys and values all come from them, «h» heads of $d_k$ = «d_k» columns. Its values are named \#
            `self_attn.…`.
            """#,
        "self, pre": #"""
            The multi-head attention of [multi-head-attention.md](multi-head-attention.md) on the normalized rows «input» \#
            (pre-norm: the sublayer sees the normalized rows, the residual sum adds the raw ones): «h» heads of \#
            $d_k$ = «d_k» columns, values named `self_attn.…`.
            """#,
        "cross": #"""
            The same attention with two inputs: the **queries** come from the decoder's rows «input», the **keys \#
            and values** from the encoder's output $M$ (memory), with no mask. Its values are named `cross_attn.…`.
            """#,
        "ff": #"""
            Two linear layers with relu between, applied to each token's row on its own: \#
            $\operatorname{FFN}(x) = \operatorname{relu}(x W_{1}^{\top} + b_{1}) W_{2}^{\top} + b_{2}$, from E = «E» \#
            numbers to F = «F» hidden units and back to «E».
            """#,
        "ff, gelu": #"""
            Two linear layers with gelu between, applied to each token's row on its own: \#
            $\operatorname{FFN}(x) = \operatorname{gelu}(x W_{1}^{\top} + b_{1}) W_{2}^{\top} + b_{2}$, from E = «E» \#
            numbers to F = «F» hidden units and back to «E».
            """#,
        "norm, pre, first": #"""
            Pre-norm normalizes *before* the sublayer: the attention sees $N_{«k»}$, while the residual sum \#
            below adds the sublayer's output to the raw $X$.
            """#,
        "norm, pre": #"Norm «k» normalizes the running sum $Z_{«k-1»}$, which the next sublayer then reads."#,
        "heading back sublayer": "Back through Add & Norm «k» and the «sublayer»",
        "heading back sublayer, pre": "Back through Add «k», the «sublayer» and Norm «k»",
        "sublayer self": "self-attention",
        "sublayer masked self": "masked self-attention",
        "sublayer cross": "encoder–decoder attention",
        "sublayer ff": "feed-forward network",
        "heading back add": "Back through the residual sum «k»",
        "heading back ff": "Back through the feed-forward network",
        "heading input gradients": "The inputs' gradients",

        // Sentences chosen from the numbers.
        "share": #"How far the sum moves each token from $«input»$: the length of its row of $«sub»$ over the length of its row of $«input»$, «list»."#,
        "share item": "«token» «ratio»",
        "gelu positive": #" Small positive entries are shrunk too: «u» gives «h» (relu would keep «u»)."#,
        "pick, near tie": "«query» → «key» («weight»), nearly tied with «other» («w1» against «w2»)",
        "peak item": "head «m»'s «query» → «key», «weight»",
        "all on": "Every token has at least one unit on.",
        "off list item": "«token» unit«s» «units»",
        "off list none": "«token» none",
        "norm saying": #"Norm «k»'s rows arrive with standard deviations $s$ = «stds» («tokens») and leave normalized: mean 0 and variance «var» in every row of $\hat X_{«k»}$.«contrast»«affine» The mean and variance are each token's own, over its E features, not taken over many samples as batch norm's are ([norms.md](norms.md) sets the four norms side by side).«eps»"#,
        "norm saying, again": #"Norm «k»'s rows arrive with $s$ = «stds» («tokens») and leave with mean 0 and variance «var» in every row of $\hat X_{«k»}$, as norm 1's did.«contrast»«affine»«eps»"#,
        "norm saying, contrast": " «large» came in with $s$ = «s», «ratio» times «small»'s «t»; after the norm they have the same variance, so the next sublayer reads them at one scale.",
        "norm saying, contrast, short": " The largest $s$, «large»'s «s», and the smallest, «small»'s «t», now give rows of the same variance.",
        "norm saying, scale and shift": #" $\gamma_{«k»}$ and $\beta_{«k»}$ then scale and shift each feature, by the same numbers in every row."#,
        "norm saying, scale": #" $\gamma_{«k»}$ then scales each feature, by the same number in every row; $\beta_{«k»}$ is 0, so nothing is shifted."#,
        "norm saying, shift": #" $\gamma_{«k»}$ is 1, so nothing is scaled; $\beta_{«k»}$ then shifts each feature, by the same number in every row."#,
        "norm saying, neither": #" $\gamma_{«k»}$ is 1 and $\beta_{«k»}$ 0: the output is $\hat X_{«k»}$ itself."#,
        "std eps": #"At 4 decimals $\epsilon$ does not show in $s$: it changes $s$ only from decimal «decimal» on."#,
        "std eps, shows": #"Here $\epsilon$ shows in $s$: without it, «row» would have $s = «without»$."#,
        "norm saying, eps": #" Here $\epsilon$ shows in $\hat X_{«k»}$: without it, entry («at») would be «without» rather than «with»."#,
        "token": "“«token»”",
        "token i": "token «i»",
        "memory j": "memory row «j»",
    ], korean: blockKorean)

/// The attention captions a block says differently from multi-head-attention: its symbols carry
/// the tag, its output is added back, and the loss reaches it through the rest of the block.
func blockAttentionWords(tag: String, cross: Bool, p: BlockInput) -> Words {
    let t = "\\text{\(tag)}"
    return Words(captions: [
        "Q": ("projected queries", cross
              ? "Row i is decoder token i's query: made from the decoder's rows, not the memory's."
              : "Row i is token i's query, all heads side by side."),
        "K": ("projected keys", cross ? #"Row j is made from row j of the memory $M$ alone: the keys come from the encoder, the decoder's rows do not enter them."# : ""),
        "V": ("projected values", cross ? "Likewise from the memory: what each source token hands over." : ""),
        "head[m].scores": ("scores", #"Head «m» takes «columns» of $Q_{\#(t)}$, $K_{\#(t)}$, $V_{\#(t)}$. Entry (i, j): $q_{i} \cdot k_{j}$ over these columns only."#),
        "output": ("attention output", cross ? "" : #"$d_{\text{model}} = «d_model»$ numbers per token again, so the residual sum can add it to the rows the queries came from."#),
        "output.grad": ("gradient of the attention output", #"The residual sum added it as it is: the sum's gradient."#),
        "concat.grad": ("gradient of the concatenated heads", #"$\frac{\partial L}{\partial Y_{\#(t)}} W_{O,\#(t)}$: each head's columns get what $W_{O,\#(t)}$ passes back to them."#),
        "head[m].weights.grad": ("gradient of head «m»'s attention weights", #"$\frac{\partial L}{\partial O_{\#(t)}^{(«m»)}} \left(V_{\#(t)}^{(«m»)}\right)^{\top}$ within the head.\#(!cross && p.causal ? " Entries at masked positions need not be 0, but they stop here: their weights are 0, and the softmax's rule multiplies each gradient by its weight." : "")"#),
    ], korean: blockAttentionKorean(tag: tag, cross: cross, p: p))
}

/// Norm k's captions in a block: what its output's gradient gathers.
/// `eps`: what ε does to s (nil: said at norm 1 already, so nothing).
func blockNormWords(k: Int, last: Bool, normFirst: Bool, eps: String?) -> Words {
    let output: (String, String) = last
        ? ("gradient of the output", "The loss's gradient $G$ itself: the output is what the loss sees.")
        : normFirst
        ? ("gradient of norm \(k)'s output", "What sublayer \(k) passed back: pre-norm feeds the normalized rows to the sublayer only.")
        : ("gradient of norm \(k)'s output", "Two uses: the next residual sum passes its gradient straight through, and the next sublayer passes back what it received.")
    // What the deviations and the normalized rows are is said at norm 1 only.
    let korean = blockNormKorean(k: k, last: last, normFirst: normFirst, eps: eps)
    return k == 1 ? Words(captions: ["output.grad": output, "std": ("standard deviations", eps ?? "")], korean: korean)
        : Words(captions: ["output.grad": output, "std": ("standard deviations", eps ?? ""), "centered": ("deviations", ""), "normalized": ("normalized", "")], korean: korean)
}

/// The words around both blocks' derivations: the legend, the figure, the backward pass's account.
let blockLessonWords = Words(
    text: [
        "legend L": "tokens (rows of src)",
        "legend T": "target tokens (rows of tgt)",
        "legend S": #"source tokens (rows of memory; not the scores $S^{(m)}$)"#,
        "legend E": #"numbers per token ($d_{\text{model}}$, PyTorch's d_model)"#,
        "legend h": "heads (nhead)",
        "legend d_k": "numbers per head, E / h",
        "legend F": "hidden units of the feed-forward network (dim_feedforward)",
        "symbols": #"""
            $\operatorname{MultiHead}(x_{q}, x_{k}, x_{v})$ is the multi-head attention of \#
            [multi-head-attention.md](multi-head-attention.md): queries $Q = x_{q} W_{Q}^{\top} + b_{Q}$ from the rows of \#
            $x_{q}$, keys and values likewise from $x_{k}$ and $x_{v}$ ($W_{Q}$, $W_{K}$, $W_{V}$ and $b_{Q}$, $b_{K}$, $b_{V}$ \#
            are the three blocks of `in_proj_weight` and `in_proj_bias`), each head $m$'s \#
            $\operatorname{softmax}\left(Q^{(m)} K^{(m)\top}/\sqrt{d_{k}}\right) V^{(m)}$, the heads side by side in $C$, \#
            and $C W_{O}^{\top} + b_{O}$. «tags»«mask» $\operatorname{act}$ is «act» between the feed-forward network's \#
            two layers, and $H$ its hidden layer (not a head).
            """#,
        "symbols, tags": #"""
            The self-attention's symbols carry “sa”; its heads' weights averaged, $\bar A_{\text{sa}}$ (what PyTorch \#
            returns by default), are shown but not used by the output.
            """#,
        "symbols, tags, decoder": #"""
            The self-attention's symbols carry “sa”, the encoder–decoder attention's “ca”; their heads' weights \#
            averaged, $\bar A_{\text{sa}}$ and $\bar A_{\text{ca}}$ (what PyTorch returns by default), are shown but \#
            not used by the output.
            """#,
        "symbols, mask": #" In the masked self-attention, written $\operatorname{MultiHead}(x_{q}, x_{k}, x_{v}; M_{\text{sa}})$, each head's scaled scores get the causal mask $M_{\text{sa}}$ added (its table is below)."#,
        "equations, mask": #"; M_{\text{sa}}"#,
        "act, relu": "relu",
        "act, gelu": "the exact gelu",
        "notice, norms, post": "each norm makes every row of its $\\hat X$ mean 0 and variance 1«affine»: the output's rows have standard deviations «stds» («tokens»), set by «set», not by how large the rows came in.",
        "notice, scale": #"scales each feature by its $\gamma$"#,
        "notice, shift": #"shifts it by its $\beta$"#,
        "notice, in norms": "«what» in norm«s» «list»",
        "notice, affine": ", then «parts»",
        "notice, both": "«first» and «second»",
        "notice, no shift": #" (every $\beta$ is 0: no shift)"#,
        "notice, set": #"$\gamma_{«k»}$ and $\beta_{«k»}$"#,
        "notice, set, scale": #"$\gamma_{«k»}$"#,
        "notice, set, shift": #"$\beta_{«k»}$"#,
        "notice, set, neither": "the norm alone",
        "notice, norms, pre": "the norms feed each sublayer normalized rows, but the output itself is not normalized: its rows' standard deviations are «stds» («tokens»). A stack of pre-norm blocks therefore ends with one more LayerNorm (GPT-2's `ln_f`, «stack norm»).",
        "convention, common": #"The order is «order», with $\operatorname{Sublayer}$ the attention or the feed-forward network; «activation». nn.Linear computes $x W^{\top} + b$, its weights stored out × in. Multi-head attention is as in [multi-head-attention.md](multi-head-attention.md), layer norm as in [layer-norm.md](layer-norm.md) (biased variance, $\epsilon$ inside the root)."#,
        "convention, annotated, post": #"The Annotated Transformer differs in its LayerNorm (unbiased standard deviation, $\epsilon$ outside the root) and puts the norm first (pre-norm), with a final norm after its stack."#,
        "convention, annotated, pre": #"The Annotated Transformer is pre-norm too, with a final norm after its stack, but its LayerNorm differs (unbiased standard deviation, $\epsilon$ outside the root)."#,
        "convention, relu": "relu between the feed-forward network's two layers (PyTorch's default)",
        "convention, gelu": #"the exact gelu, $\operatorname{gelu}(u) = u \Phi(u) = \tfrac{1}{2} u \left(1 + \operatorname{erf}(u/\sqrt{2})\right)$ (PyTorch's `activation="gelu"`), not GPT-2's tanh approximation $\tfrac{1}{2} u \left(1 + \tanh\left(\sqrt{2/\pi} (u + 0.044715 u^{3})\right)\right)$"#,
        "heading figure": "The token vectors, sublayer by sublayer",
        "figure": "Each token's numbers after each step of the block",
        "figure, description": "One heatmap per step («stages»): rows are tokens, columns the E features, on one colour scale around 0 (blue negative, red positive).",
        "heading summary": "Summary",
        "backward why, post": #"""
            The block passes back through its sublayers in reverse: each norm by layer norm's rule, each residual \#
            sum to both of its terms unchanged, each attention as multi-head attention does, the feed-forward \#
            network through its two layers.
            """#,
        "backward why, pre": #"""
            The block passes back through its sublayers in reverse: each residual sum to both of its terms \#
            unchanged, the sublayer's share through the sublayer and then its norm.
            """#,
        "backward equations": #"""
            \frac{\partial L}{\partial x} = \frac{\partial L}{\partial z} + \frac{\partial L}{\partial z} \frac{\partial \operatorname{Sublayer}(x)}{\partial x} \text{ for } z = x + \operatorname{Sublayer}(x), \qquad
            \frac{\partial L}{\partial U} = \frac{\partial L}{\partial H} \odot \operatorname{act}'(U)
            """#,
        "uniform gradient": #"""
            The output is norm «k»'s, so the gradient enters through $\frac{\partial L}{\partial \hat X_{«k»}} = G \odot \gamma_{«k»}$ \#
            (row 1: «row»). Layer norm passes back, row by row, $\frac{1}{s}\left(g - \operatorname{mean}(g) - \hat x \operatorname{mean}(g \odot \hat x)\right)$, \#
            with $g$ the row of that gradient and $\hat x$ the row of $\hat X_{«k»}$ (mean 0, mean square 1): it takes away \#
            the row's mean of $g$ and the part of $g$ along $\hat x$. Had $G \odot \gamma_{«k»}$ been one number $c$ across \#
            a row (as with $G$ all ones and $\gamma_{«k»}$ all ones), then $\operatorname{mean}(g) = c$ and \#
            $\operatorname{mean}(g \odot \hat x) = c \operatorname{mean}(\hat x) = 0$: nothing would pass back to $Z_{«k»}$, \#
            and every gradient below it would be 0 up to rounding (inside norm «k», the gradients of $\hat X_{«k»}$, \#
            $\tilde X_{«k»}$ and $\mu_{«k»}$ need not be, nor those of $\gamma_{«k»}$ and $\beta_{«k»}$).
            """#,
        "uniform gradient, here": #"""
            The output is norm «k»'s, so the gradient enters through $\frac{\partial L}{\partial \hat X_{«k»}} = G \odot \gamma_{«k»}$ \#
            (row 1: «row»), one number $c$ across each row. Layer norm passes back, row by row, \#
            $\frac{1}{s}\left(g - \operatorname{mean}(g) - \hat x \operatorname{mean}(g \odot \hat x)\right)$, with $g$ the row of that \#
            gradient and $\hat x$ the row of $\hat X_{«k»}$ (mean 0): here $\operatorname{mean}(g) = c$ and \#
            $\operatorname{mean}(g \odot \hat x) = 0$, so nothing passes back to $Z_{«k»}$, and every gradient below it is 0 up to \#
            rounding (inside norm «k», the gradients of $\hat X_{«k»}$, $\tilde X_{«k»}$ and $\mu_{«k»}$ need not be, nor \#
            those of $\gamma_{«k»}$ and $\beta_{«k»}$). A $\gamma_{«k»}$ or a \#
            $G$ that differs from feature to feature gives gradients worth reading.
            """#,
        "residual share": #"""
            The residual connection at work: for «token», $\frac{\partial L}{\partial X}$'s row «total» is the residual \#
            sum's gradient «direct» (size «direct size»), which came straight through the sum, plus «through» \#
            (size «through size») through the «first». «tail»
            """#,
        "residual tail, pre": #"""
            Addition copies the gradient: the sum's gradient reaches both of its terms unchanged (seed 002), whatever \#
            the sublayer's Jacobian. In a stack of pre-norm blocks, $x_{l+2} = x_{l} + \mathcal{F}(x_{l}) + \mathcal{F}(x_{l+1})$ with \#
            $\mathcal{F} = \operatorname{Sublayer} \circ \operatorname{LayerNorm}$ keeps a path with no factor at all from the top \#
            to the bottom; without the residual sums, $x_{l+2} = \mathcal{F}(\mathcal{F}(x_{l}))$, and every path back would pass through \#
            both sublayers' Jacobians.
            """#,
        "residual tail, post": #"""
            Addition copies the gradient: the sum's gradient reaches both of its terms unchanged (seed 002), whatever \#
            the sublayer's Jacobian. In post-norm, though, the sum's gradient itself came back through every norm \#
            above it (norms «norms» here), each with its own Jacobian; seed 002's \#
            $x_{l+2} = x_{l} + \mathcal{F}(x_{l}) + \mathcal{F}(x_{l+1})$ is pre-norm's stack, which keeps the norms but moves each inside \#
            its branch ($\mathcal{F} = \operatorname{Sublayer} \circ \operatorname{LayerNorm}$), so that the path of sums has no \#
            factor at all. Without the residual sums, $x_{l+2} = \mathcal{F}(\mathcal{F}(x_{l}))$, and every path back would pass through \#
            both sublayers' Jacobians.
            """#,
    ], korean: blockLessonKorean)

/// The seeds' statements on the blocks, with their verdicts (Block+Commentary.swift chooses them).
let blockSlideWords = Words(
    text: [
        "slides, same size": #"- Seed 001: “Input and output have the same size, so that the residual can be added.” Confirmed: every sublayer's output is «L» × «E», like its input, and each residual sum adds the two entry by entry."#,
        "slides, sum, pre": #"- Seed 002: $x_{l+2} = x_{l} + \mathcal{F}(x_{l}) + \mathcal{F}(x_{l+1})$. Confirmed in this pre-norm block, and exactly: each sublayer reads the running sum through its own norm ($\mathcal{F} = \operatorname{Sublayer} \circ \operatorname{LayerNorm}$) and its output is added to that sum, so the last sublayer's «last» is a function of «reads», the seed's $x_{l+1}$, and $Y = X +$ «terms»: for «token», $Y$ = «y» and $X +$ «terms» = «sum». The seed's $\mathcal{F}$'s are layers of one kind; here they are different sublayers («kinds»)."#,
        "slides, sum, post": #"- Seed 002: $x_{l+2} = x_{l} + \mathcal{F}(x_{l}) + \mathcal{F}(x_{l+1})$. Not in this post-norm block: the last sum is $Z_{«K»} = N_{«K-1»} +$ «last», the sublayer's output added to the normalized rows, not to the plain running sum. For «token», $Z_{«K»}$ = «z», while $X +$ «terms» = «sum» (the same sublayer outputs, each computed here from normalized rows, added without the norms between): the difference is what the norms did, and norm «K» then normalizes $Z_{«K»}$, to $Y$ = «y». The seed's $\mathcal{F}$'s are layers of one kind; here they are different sublayers («kinds»). Pre-norm keeps the plain sum ([«lesson»--pre-norm.md](«lesson»--pre-norm.md))."#,
        "slides, residual": #"- Seed 001: “With the residual connection the sublayer only has to learn the difference from its input.” So it is computed: each sum keeps its input row and adds the sublayer's output as the change. Here the changes are «size»: their lengths are «low» to «high» times the rows they are added to, over the «sums» sums (each residual sum's caption has them token by token); a sublayer with nothing to add could output 0 and pass its input on unchanged."#,
        "residual, small": "small",
        "residual, not small": "not small",
        "slides, self peak": #"- Seeds 000, 001: “A token's attention is highest on itself, of course.” Not here: of the «rows» query rows («h» heads × «n» tokens), «count» peak«s» on the token itself («itself»); the others peak elsewhere («elsewhere»). A weight comes from $q_{i} \cdot k_{j}$, with $W_{Q}$ and $W_{K}$ two different matrices, so nothing makes $q_{i} \cdot k_{i}$ the largest«chosen»."#,
        "slides, self peak, none": #"- Seeds 000, 001: “A token's attention is highest on itself, of course.” Not here: none of the «rows» query rows («h» heads × «n» tokens) peaks on the token itself («elsewhere»). A weight comes from $q_{i} \cdot k_{j}$, with $W_{Q}$ and $W_{K}$ two different matrices, so nothing makes $q_{i} \cdot k_{i}$ the largest«chosen»."#,
        "slides, self peak, all": #"- Seeds 000, 001: “A token's attention is highest on itself, of course.” Here it is, in all «rows» query rows («itself»); but a weight comes from $q_{i} \cdot k_{j}$, with $W_{Q}$ and $W_{K}$ two different matrices, so nothing forces it«chosen»."#,
        "slides, self peak, chosen": "; these weights were chosen by hand, and a trained model's heads need not peak on the token either",
        "slides, why ff, more": #" Why: the attention's output is a weighted average of the value rows, linear in them once the weights are set; the feed-forward network adds a nonlinearity («act») to each token's own row, and holds most of the layer's parameters: $2 E F + F + E$ = «ffn» here against «attentions» = «attention» (at the paper's E = 512, F = 2048: «paper»)."#,
        "slides, why ff, fewer": #" Why: the attention's output is a weighted average of the value rows, linear in them once the weights are set; the feed-forward network adds a nonlinearity («act») to each token's own row. With F = «F» it has $2 E F + F + E$ = «ffn» parameters here, fewer than «attentions» = «attention»; at the paper's E = 512, F = 2048 it has «paper»."#,
        "why ff, attention": #"the attention's $4 E^{2} + 4 E$"#,
        "why ff, attentions": #"the «n» attentions' $«n» (4 E^{2} + 4 E)$"#,
        "why ff, paper": "«ffn» against «attention», «share»% of the «total» parameters outside the norms",
        "slides, position-wise": #"- Seed 001 asks “Why feed-forward?” It is position-wise: each token's row goes through the same two layers on its own. «token»'s row put through them alone gives «row», its row of $Y_{\text{ff}}$ above: no other token enters. The tokens exchange information only in the attention; the feed-forward network then transforms each token's mix, with the same weights for all «L».«why»"#,
        "slides, position-wise, differs": #"- Seed 001 asks “Why feed-forward?” Each token's row should go through the same two layers on its own; «token»'s row put through them alone does not give its row of $Y_{\text{ff}}$ here («row»)."#,
    ], korean: blockSlideKorean)
