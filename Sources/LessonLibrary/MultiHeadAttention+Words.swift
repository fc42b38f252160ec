// The words of multi-head-attention: what each value means and the story around the equations.
// Keys are value names with «k» for the head, or names for the paragraphs; ", causal" marks the
// words used with the mask. «columns» is a head's columns in words ("columns 3–4"), «first» its
// first column, «head_dim» the number of columns per head.

import TraceCore

extension MultiHeadAttention {
    static let words = Words(
        captions: [
            "output.grad": ("gradient of the output", "The loss's gradient G itself: the output is what the loss sees."),
            "concat.grad": ("gradient of the concatenated heads", #"$\frac{\partial L}{\partial Y} W_{O}$: each head's columns get what $W_{O}$ passes back to them."#),
            "head[k].output.grad": ("gradient of head «k»'s output", "Head «k»'s own columns of the concatenation's gradient."),
            "head[k].weights.grad": ("gradient of head «k»'s attention weights", #"$\frac{\partial L}{\partial O_{«k»}} V_{«k»}^{\top}$, as in one head of attention."#),
            "head[k].scaled.grad": ("gradient of head «k»'s scaled scores", #"The softmax's rule $A \odot \left(\frac{\partial L}{\partial A} - \operatorname{rowsum}\left(A \odot \frac{\partial L}{\partial A}\right)\right)$: each weight's gradient less its row's weighted average, times the weight."#),
            "head[k].scaled.grad, causal": ("gradient of head «k»'s scaled scores", #"The softmax's rule $A \odot \left(\frac{\partial L}{\partial A} - \operatorname{rowsum}\left(A \odot \frac{\partial L}{\partial A}\right)\right)$; a masked entry has weight 0, so its gradient is 0."#),
            "head[k].scores.grad": ("gradient of head «k»'s scores", #"Divided by $\sqrt{E/h}$, as the scores were."#),
            "head[k].V.grad": ("gradient of head «k»'s values", #"$A_{«k»}^{\top} \frac{\partial L}{\partial O_{«k»}}$."#),
            "head[k].K.grad": ("gradient of head «k»'s keys", #"The scores' gradient, transposed, times head «k»'s queries."#),
            "head[k].Q.grad": ("gradient of head «k»'s queries", #"The scores' gradient times head «k»'s keys."#),
            "V.grad": ("gradient of the projected values", "The heads' value gradients side by side, each in the columns its slice came from."),
            "K.grad": ("gradient of the projected keys", "The heads' key gradients side by side."),
            "Q.grad": ("gradient of the projected queries", "The heads' query gradients side by side."),
            "query.grad": ("gradient of the query input", #"$\frac{\partial L}{\partial Q} W_{Q}$: back through the query projection."#),
            "query.grad, self": ("gradient of the query input", #"Self-attention: the same rows made $Q$, $K$ and $V$, so their gradient is the sum of three terms, one through each projection."#),
            "query.grad, value": ("gradient of the query input", #"The query's rows also served as the values (value was left out), so their gradient has a term through $W_{Q}$ and one through $W_{V}$."#),
            "key.grad": ("gradient of the key input", #"$\frac{\partial L}{\partial K} W_{K}$: back through the key projection."#),
            "value.grad": ("gradient of the value input", #"$\frac{\partial L}{\partial V} W_{V}$: back through the value projection."#),
            "in_proj_weight.grad": ("gradient of the stacked projections", #"Blocks $W_{Q}, W_{K}, W_{V}$: each $\left(\frac{\partial L}{\partial Q}\right)^{\top} X_{q}$ and so on, the input's rows summed over tokens."#),
            "in_proj_bias.grad": ("gradient of the stacked biases", "Each block is its projection's gradient summed over the tokens (the column sums): the bias was added to every row."),
            "out_proj.weight.grad": ("gradient of the output projection", #"$\left(\frac{\partial L}{\partial Y}\right)^{\top} C$: a sum over the query tokens."#),
            "out_proj.bias.grad": ("gradient of the output bias", "The column sums of the output's gradient: the bias was added to every row."),
            "query, self": ("Query input",
                            "Row i is token i. No `key` or `value` is given, so this is **self-attention**: keys and values come from the same rows."),
            "query, self with value": ("Query input",
                                       "Row i is token i. No `key` is given, so this is **self-attention**: the keys come from the same rows, the values from `value`."),
            "query, cross": ("Query input", "Row i is query token i."),
            "key": ("Key input", "Row j is key token j: **cross-attention**, the queries attend to another sequence."),
            "value": ("Value input", "Row j is the content that key token j hands over."),
            "num_heads": ("Heads", "Each head works on E/h = «head_dim» columns."),
            "in_proj_weight": ("Input projection",
                               #"Rows q₁…: $W_{Q}$; rows k₁…: $W_{K}$; rows v₁…: $W_{V}$, each E × E and applied as $X W^{\top}$: row j makes entry j of every projected vector."#),
            "in_proj_bias": ("Input projection bias", "$b_{Q}$, $b_{K}$, $b_{V}$ stacked."),
            "out_proj.weight": ("Output projection", "Mixes the concatenated heads: row j makes output entry j."),
            "out_proj.bias": ("Output bias", "Added last."),
            "Q": ("projected queries", "Row i is token i's query, all heads' parts side by side."),
            "K": ("projected keys", "Row j is token j's key."),
            "V": ("projected values", "Row j is token j's value."),
            "scale": ("Scale", "The square root of head_dim = «head_dim»."),
            "M": ("Causal mask (from `causal: true`)", "−∞ where key j comes after query i: those weights become 0."),
            "head[k].Q": ("head «k»'s queries", "Only «columns» of $Q$: this is all head «k» sees of each query."),
            "head[k].K": ("head «k»'s keys", "The same «columns», of $K$."),
            "head[k].V": ("head «k»'s values", "The same «columns», of $V$."),
            "head[k].scores": ("head «k»'s scores", "Dot products of head «k»'s query and key slices."),
            "head[k].scaled": ("head «k»'s scaled scores", #"Divided by $\sqrt{E/h}$, the square root of this head's width."#),
            "head[k].scaled, causal": ("head «k»'s scaled scores", #"Divided by $\sqrt{E/h}$, the square root of this head's width, future keys −∞."#),
            "head[k].weights": ("head «k»'s attention weights",
                                "Row i: how much query i takes from each key, in this head; each entry is the exp of its shifted score over the row's sum of such exps, and each row sums to 1."),
            "head[k].output": ("head «k»'s output",
                               "Row i: the weighted average of head «k»'s value slices. Its columns are head-local: column 1 here is column «first» of the concatenation."),
            "concat": ("heads side by side", "Head k's output fills columns (k−1)·«head_dim»+1 … k·«head_dim»: the same columns its slices came from."),
            "concat, one column": ("heads side by side", "Head k's output fills column k: the same column its slices came from."),
            "output": ("output", "$W_{O}$ mixes the heads: every output entry can draw on every head."),
            "weights": ("attention weights averaged over heads",
                        "What PyTorch returns as the attention weights by default: the mean of the heads' weights. It hides how differently the heads attend."),
        ],
        text: [
            "backward why": "Multi-head attention passes back through the output projection, splits the gradient into the heads' columns, runs each head's attention backward as attention-qkv does, and puts the heads' gradients back together before the input projections.",
            "backward equations": #"""
                \frac{\partial L}{\partial C} = \frac{\partial L}{\partial Y} W_{O}, \quad
                \frac{\partial L}{\partial \mathrm{scaled}_{k}} = A_{k} \odot \left(\frac{\partial L}{\partial A_{k}} - \operatorname{rowsum}\left(A_{k} \odot \frac{\partial L}{\partial A_{k}}\right)\right), \quad
                \frac{\partial L}{\partial W_{Q}} = \left(\frac{\partial L}{\partial Q}\right)^{\top} X_{q}
                """#,
            "heading back through": "Back through the output projection",
            "heading head back": "Head «k», backward",
            "heads, same work back": "pass the gradient back in the same way",
            "heads, results back": "their gradients are in the columns of the projections' gradients below",
            "heading projections back": "Back to the projections",
            "heading input gradients": "The inputs' gradients",
            "summary": "Multi-head attention as torch.nn.MultiheadAttention: project, split into heads, attend, concatenate, project",
            "title": "Multi-head attention",
            "default.summary": "“The cat sat” with 2 heads: each head attends differently",
            "default.story": #"""
                The sentence of `lesson attention-qkv`, “The cat sat”, with $E = 4$ and 2 heads of 2 numbers \#
                each. The weights were chosen so that the two heads disagree: for “sat”, head 1 looks mostly at \#
                “cat” and head 2 mostly at “The”. Neither head alone has the whole picture; the output projection \#
                $W_{O}$ mixes what both found. This is the point of several heads: each can attend to a different \#
                relation at the same cost as one wide head.
                """#,
            "why": #"""
                One attention head computes one set of weights: each token can attend in one way only. \#
                **Multi-head attention** runs several smaller heads side by side, each on its own slice of the \#
                projected queries, keys and values, so that one head can follow, say, the subject of a verb while \#
                another follows the previous word. The heads' outputs are concatenated and mixed by an output \#
                projection $W_{O}$ (seed notes 000, 001). With $h$ heads of $E/h$ numbers the cost is that of one \#
                head of width $E$.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                Q &= X_{q} W_{Q}^{\top} + b_{Q}, \quad K = X_{k} W_{K}^{\top} + b_{K}, \quad V = X_{v} W_{V}^{\top} + b_{V} \\
                A_{k} &= \operatorname{softmax}\left(\frac{Q_{k} K_{k}^{\top}}{\sqrt{E/h}}\right), \quad O_{k} = A_{k} V_{k} && k = 1 \dots h \\
                \text{output} &= \operatorname{concat}(O_{1}, \dots, O_{h})\, W_{O}^{\top} + b_{O}, \qquad \text{weights} = \tfrac{1}{h} \textstyle\sum_{k} A_{k}
                \end{aligned}
                """#,
            "equations, causal": #"""
                \begin{aligned}
                Q &= X_{q} W_{Q}^{\top} + b_{Q}, \quad K = X_{k} W_{K}^{\top} + b_{K}, \quad V = X_{v} W_{V}^{\top} + b_{V} \\
                A_{k} &= \operatorname{softmax}\left(\frac{Q_{k} K_{k}^{\top}}{\sqrt{E/h}} + M\right), \quad O_{k} = A_{k} V_{k} && k = 1 \dots h \\
                \text{output} &= \operatorname{concat}(O_{1}, \dots, O_{h})\, W_{O}^{\top} + b_{O}, \qquad \text{weights} = \tfrac{1}{h} \textstyle\sum_{k} A_{k}
                \end{aligned}
                """#,
            "slices": #"""
                $Q_{k}$ is **columns** $(k-1)\frac{E}{h} + 1$ to $k\frac{E}{h}$ of $Q$ (likewise $K_{k}$, $V_{k}$), written \#
                $Q_{:,\,a:b}$: all rows, columns a to b, counted from 1 and including b. A head does not get its own \#
                rows or tokens; it gets its own slice of every token's projected vector. The softmax is taken row by \#
                row as $\exp(\hat{s}_{ij} - m_{i}) / \sum_{j'} \exp(\hat{s}_{ij'} - m_{i})$ with $m_{i}$ the row's largest \#
                entry, as in `lesson attention-qkv`, which shows the exponentials and sums as steps of their own. \#
                $L$ and $S$ are PyTorch's names for the query and key lengths.
                """#,
            "convention": #"""
                **Convention.** This is `torch.nn.MultiheadAttention(E, num_heads)` called with a batch of one, \#
                no dropout, `need_weights=True` and `average_attn_weights=True`. Like every `nn.Linear`, its weights \#
                are stored out × in and applied as $X W^{\top} + b$; `in_proj_weight` stacks $W_{Q}$, $W_{K}$, $W_{V}$ \#
                in its rows. The paper's per-head matrices $W^{Q}_{i}$ are the column blocks of $W_{Q}^{\top}$. \#
                PyTorch fixes the head size at $E/h$, so the concatenation has $E$ columns and $W_{O}$ is E × E; \#
                The Illustrated Transformer's toy (seed notes 001: 8 heads × 3 = 24 columns, then $W^{O}$ of 24 × 4) \#
                chooses the head size freely, which this module does not allow.
                """#,
            "convention, causal": "`causal: true` passes the mask $M$ (−∞ where key j > query i) as `attn_mask`.",
            "legend L": "query tokens (rows of the output; PyTorch's target length)",
            "legend S": "key and value tokens (PyTorch's source length)",
            "legend E": "embedding size",
            "legend h": "heads",
            "legend E/h": "numbers per head (head_dim)",
            "left out": "Not in the input, so zeros.",
            "heading steps": "Step by step",
            "heading projections": "Projections",
            "heading head": "Head «k»: «columns»",
            "column": "column «first»",
            "columns": "columns «first»–«last»",
            "head": "head",
            "heads": "heads",
            "heads, same work": "repeat the same computation on their own columns",
            "heads, results": #"their outputs fill «columns» of the concatenation $C$ below, and their weights are part of the average $\bar{A}$ at the end and of the figure"#,
            "heads, results, some drawn": #"their outputs fill «columns» of the concatenation $C$ below, and their weights are part of the average $\bar{A}$ at the end and, up to head «drawn», of the figure"#,
            "heading concatenate": "Concatenate and project",
            "figure": "Attention weights of each head, and their average",
            "figure, first heads": "Attention weights of heads 1 to «drawn» of «heads», and the average of all «heads»",
            "panel head": "head «k»",
            "panel average": "average",
            "figure, description": "One heatmap per head and one of their average, rows the queries and columns the keys, on a 0 to 1 colour scale (dark purple 0, yellow 1).",
            "figure, description, first heads": "One heatmap per head (the first «drawn») and one of their average, rows the queries and columns the keys, on a 0 to 1 colour scale (dark purple 0, yellow 1).",
            "numbers": "The numbers are in the tables above.",
            "numbers, elided": "The numbers of heads 1, 2 and «last» and of the average are in the tables above; `--format json` has the others.",
            "heading summary": "Summary",
            "notice": #"""
                Each head ran the attention of `lesson attention-qkv` on its own «head_dim»-column slice, with its \#
                own weights; the concatenation puts the slices back side by side and $W_{O}$ mixes them. Compare \#
                the heads' weight tables: they are computed from the same tokens and can still disagree. The \#
                averaged weights that PyTorch returns are a summary, not what any head used.
                """#,
            "notice, elided": #"""
                Each head ran the attention of `lesson attention-qkv` on its own «head_dim»-column slice, with its \#
                own weights; the concatenation puts the slices back side by side and $W_{O}$ mixes them. Compare \#
                the heads' weights in the figure: they are computed from the same tokens and can still disagree. The \#
                averaged weights that PyTorch returns are a summary, not what any head used.
                """#,
        ])
}
