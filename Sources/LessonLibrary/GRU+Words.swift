// The words of gru: what each value means and the story around the equations.
// Keys are value names with «t» for the step, or names for the paragraphs. Where the words
// depend on the convention, a key names the convention it is for: ", reset before" (the input's
// `reset: "before"`) and ", takes-candidate" (`update_gate: "takes-candidate"`); the key without
// them is PyTorch's convention. «ah», «n» and «h» in "equations" are filled with the lines of
// the convention in use.

import TraceCore

extension GRU {
    static let words = Words(
        captions: [
            "h[t].grad, gru": ("gradient of the hidden state", #"The loss's share «Gt», plus what step «next step» passes back: directly through $z_{«next»} \odot h_{t}$, the part of the old state the update gate keeps, and through $W_{hh}$ into both gates and the candidate."#),
            "h[t].grad, gru, takes-candidate": ("gradient of the hidden state", #"The loss's share «Gt», plus what step «next step» passes back: directly through $(1 - z_{«next»}) \odot h_{t}$, the part of the old state kept, and through $W_{hh}$ into both gates and the candidate."#),
            "n[t].grad": ("gradient of the candidate", "The candidate counts as much as $1 - z_{t}$ lets it in."),
            "n[t].grad, takes-candidate": ("gradient of the candidate", "The candidate counts as much as $z_{t}$ lets it in."),
            "rh[t].grad": ("gradient of the reset-scaled state", #"What the candidate's $W_{hn}$ passes back."#),
            "z[t].grad": ("gradient of the update gate", #"Written as its two terms: raising $z_{t}$ moves $h_{t}$ from the candidate towards the old state."#),
            "z[t].grad, takes-candidate": ("gradient of the update gate", #"Written as its two terms: raising $z_{t}$ moves $h_{t}$ from the old state towards the candidate."#),
            "r[t].grad": ("gradient of the reset gate", #"The reset gate matters where the old state's part of the candidate, $a_{t}^{h,n}$, is large."#),
            "r[t].grad, reset before": ("gradient of the reset gate", "The reset gate matters where the old state is large."),
            "r[t].grad, idle": ("gradient of the reset gate", #"$«ahn» = 0$: whatever $«r»$ is, the candidate is the same, so its gradient is 0."#),
            "r[t].grad, idle, reset before": ("gradient of the reset gate", #"$«h-1» = 0$: whatever $«r»$ is, the candidate is the same, so its gradient is 0."#),
            "ah[t].grad": ("gradient of the hidden-side pre-activations", #"Blocks r, z and n, each through its own path: $\sigma'$ for the gates, and for n the candidate's $\tanh'$ times $r_{t}$. $W_{hh}^{\top}$ carries it back to $h_{«prev»}$."#),
            "ah[t].grad, reset before": ("gradient of the hidden-side pre-activations", #"Blocks r and z, each times its gate's $\sigma'$; the candidate's share reaches $h_{«prev»}$ through $r_{t} \odot h_{«prev»}$ instead."#),
            "ax[t].grad": ("gradient of the input-side pre-activations", #"Blocks r, z and n: the gates' $\sigma'$ and the candidate's $\tanh'$, without the reset gate (the input side is not reset)."#),
            "weight_hh_l0, reset before": ("Recurrent weights", #"Rows r and z multiply $h_{t-1}$, rows n the reset-scaled $r_{t} \odot h_{t-1}$."#),
            "bias_hh_l0": ("Recurrent bias", #"In rows r and z only $b_{ih} + b_{hh}$ matters; $b_{hn}$ is scaled by the reset gate."#),
            "bias_hh_l0, reset before": ("Recurrent bias", #"Only $b_{ih} + b_{hh}$ matters: with the reset gate before the product, $b_{hn}$ is added beside $b_{in}$."#),
            "ax[t]": ("input part of the three gates", #"What the input $x_{t}$ adds to each gate (rows r, z, n)."#),
            "ah[t]": ("hidden part of the three gates", #"What the previous state $h_{t-1}$ adds to each gate (rows r, z, n)."#),
            "ah[t], reset before": ("hidden part of the reset and update gates", #"What $h_{t-1}$ adds to the reset and update gates; the candidate's part waits for $r_{t}$."#),
            "r[t]": ("reset gate", #"How much of the old state's part of the candidate, $a_{t}^{h,n} = W_{hn} h_{t-1} + b_{hn}$, each unit lets in: 0 leaves only the input's part."#),
            "r[t], reset before": ("reset gate", #"How much of the old state $h_{t-1}$ each unit passes on to $W_{hn}$, before the product: 0 leaves only the input's part and $b_{hn}$."#),
            "z[t]": ("update gate", #"How much of its old state $h_{t-1}$ each unit keeps; the rest, $1 - z_{t}$, is taken from the candidate. **PyTorch's $z$ keeps the old state**, as Cho et al.'s and Keras's do; colah's figure writes $h_{t} = (1 - z_{t}) \odot h_{t-1} + z_{t} \odot \tilde h_{t}$, its $\tilde h_{t}$ being $n_{t}$: its $z$ is this $1 - z_{t}$."#),
            "z[t], takes-candidate": ("update gate", #"How much of the candidate each unit takes; the rest, $1 - z_{t}$, is kept from $h_{t-1}$. This is colah's $z$, $h_{t} = (1 - z_{t}) \odot h_{t-1} + z_{t} \odot \tilde h_{t}$, its $\tilde h_{t}$ being $n_{t}$; **PyTorch's $z$ is the other share**, $1 - z_{t}$, the part of the old state kept."#),
            "rh[t]": ("reset-scaled previous state", #"$r_{t} \odot h_{t-1}$: each unit's old state times its reset gate, what $W_{hn}$ then mixes."#),
            "n[t]": ("candidate", #"The new content each unit could take, between −1 and 1."#),
            "n[t], reset before": ("candidate", #"The new content each unit could take, between −1 and 1."#),
            "h[t]": ("hidden state", #"A blend per unit, $1 - z_{t}$ of the candidate and $z_{t}$ of the old state, so each unit's $h_{t}$ lies between its $n_{t}$ and $h_{t-1}$. $h_{t}$ is both the layer's output and its memory."#),
            "h[t], takes-candidate": ("hidden state", #"A blend per unit, $z_{t}$ of the candidate and $1 - z_{t}$ of the old state, so each unit's $h_{t}$ lies between its $n_{t}$ and $h_{t-1}$. $h_{t}$ is both the layer's output and its memory."#),
        ],
        text: [
            "backward equations": #"""
                \begin{aligned}
                \frac{\partial L}{\partial h_{t}} &= G_{t} + z_{t+1} \odot \frac{\partial L}{\partial h_{t+1}} + W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}^{h}} \\
                \frac{\partial L}{\partial n_{t}} &= \frac{\partial L}{\partial h_{t}} \odot (1 - z_{t}), \quad \frac{\partial L}{\partial z_{t}} = \frac{\partial L}{\partial h_{t}} \odot (h_{t-1} - n_{t}) \\
                \frac{\partial L}{\partial r_{t}} &= \frac{\partial L}{\partial n_{t}} \odot (1 - n_{t}^{2}) \odot a_{t}^{h,n}
                \end{aligned}
                """#,
            "backward equations, takes-candidate": #"""
                \begin{aligned}
                \frac{\partial L}{\partial h_{t}} &= G_{t} + (1 - z_{t+1}) \odot \frac{\partial L}{\partial h_{t+1}} + W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}^{h}} \\
                \frac{\partial L}{\partial n_{t}} &= \frac{\partial L}{\partial h_{t}} \odot z_{t}, \quad \frac{\partial L}{\partial z_{t}} = \frac{\partial L}{\partial h_{t}} \odot (n_{t} - h_{t-1}) \\
                \frac{\partial L}{\partial r_{t}} &= \frac{\partial L}{\partial n_{t}} \odot (1 - n_{t}^{2}) \odot a_{t}^{h,n}
                \end{aligned}
                """#,
            "backward equations, reset before": #"""
                \begin{aligned}
                \frac{\partial L}{\partial h_{t}} &= G_{t} + z_{t+1} \odot \frac{\partial L}{\partial h_{t+1}} + \left(W_{hh}^{r,z}\right)^{\top} \frac{\partial L}{\partial a_{t+1}^{h}} + r_{t+1} \odot W_{hn}^{\top} \left(\frac{\partial L}{\partial n_{t+1}} \odot (1 - n_{t+1}^{2})\right) \\
                \frac{\partial L}{\partial n_{t}} &= \frac{\partial L}{\partial h_{t}} \odot (1 - z_{t}), \quad \frac{\partial L}{\partial z_{t}} = \frac{\partial L}{\partial h_{t}} \odot (h_{t-1} - n_{t}) \\
                \frac{\partial L}{\partial r_{t}} &= \left(W_{hn}^{\top} \left(\frac{\partial L}{\partial n_{t}} \odot (1 - n_{t}^{2})\right)\right) \odot h_{t-1}
                \end{aligned}
                """#,
            "backward equations, reset before, takes-candidate": #"""
                \begin{aligned}
                \frac{\partial L}{\partial h_{t}} &= G_{t} + (1 - z_{t+1}) \odot \frac{\partial L}{\partial h_{t+1}} + \left(W_{hh}^{r,z}\right)^{\top} \frac{\partial L}{\partial a_{t+1}^{h}} + r_{t+1} \odot W_{hn}^{\top} \left(\frac{\partial L}{\partial n_{t+1}} \odot (1 - n_{t+1}^{2})\right) \\
                \frac{\partial L}{\partial n_{t}} &= \frac{\partial L}{\partial h_{t}} \odot z_{t}, \quad \frac{\partial L}{\partial z_{t}} = \frac{\partial L}{\partial h_{t}} \odot (n_{t} - h_{t-1}) \\
                \frac{\partial L}{\partial r_{t}} &= \left(W_{hn}^{\top} \left(\frac{\partial L}{\partial n_{t}} \odot (1 - n_{t}^{2})\right)\right) \odot h_{t-1}
                \end{aligned}
                """#,
            "summary": "A GRU cell gate by gate: reset and update gates, candidate and hidden state",
            "title": "The GRU cell, gate by gate",
            "default.summary": "“Alice sleeps .”: at the period the update gate keeps the subject and replaces the clause",
            "default.story": #"""
                The same sentence as in the LSTM lesson: “Alice sleeps .” as one-hot vectors over a name \#
                (column 1), a verb (column 2) and a period (column 3), with hand-chosen weights. **Unit 1 \#
                remembers the subject**: it takes its candidate at “Alice” and keeps it afterwards. **Unit 2 \#
                marks a clause under way**: it takes its candidate at “sleeps”, and at the period it shuts the \#
                old state out of its candidate and takes that candidate, near 0, so the clause is dropped \#
                while the subject stays.
                """#,

            // The conventions a failed claim may have used (`reason` tries each).
            "alternative reset before": "the GRU with the reset gate applied before the matrix product (Cho et al. 2014, ONNX's default)",
            "alternative reset after": "the GRU with the reset gate applied after the matrix product (PyTorch)",
            "alternative takes-candidate": #"the update gate reversed, h = z⊙n + (1−z)⊙h (colah's figure, the seed notes' "1 − input gate")"#,
            "alternative keeps-previous": "the update gate as in PyTorch, h = (1−z)⊙n + z⊙h",
            "alternative both": #"both the reset gate before the product and the update gate reversed (`reset: "before"`, `update_gate: "takes-candidate"`)"#,

            "why": #"""
                The **gated recurrent unit** (Cho et al., 2014), seed 002's lighter LSTM, has no cell state: the \#
                hidden state $h_{t}$ is the memory, updated by a gated *blend* instead of being overwritten. An \#
                **update gate** $z_{t}$ weighs, per unit, the old state against a new **candidate** $n_{t}$; a \#
                **reset gate** $r_{t}$ decides how much the old state shapes that candidate.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                a_{t}^{x} &= W_{ih}\, x_{t} + b_{ih} && \text{3H numbers, stacked } r, z, n \\
                «ah» \\
                r_{t} &= \sigma(a_{t}^{x,r} + a_{t}^{h,r}) && \text{reset gate} \\
                «z» \\
                «n» && \text{candidate} \\
                «h»
                \end{aligned}
                """#,
            "equation ah": #"a_{t}^{h} &= W_{hh}\, h_{t-1} + b_{hh} && \text{3H numbers, stacked } r, z, n"#,
            "equation ah, reset before": #"a_{t}^{h} &= W_{hh}^{r,z}\, h_{t-1} + b_{hh}^{r,z} && \text{2H numbers, stacked } r, z"#,
            "equation z": #"z_{t} &= \sigma(a_{t}^{x,z} + a_{t}^{h,z}) && \text{update gate: near 1 keeps } h_{t-1}"#,
            "equation z, takes-candidate": #"z_{t} &= \sigma(a_{t}^{x,z} + a_{t}^{h,z}) && \text{update gate: near 1 takes } n_{t}"#,
            "equation n": #"n_{t} &= \tanh(a_{t}^{x,n} + r_{t} \odot a_{t}^{h,n})"#,
            "equation n, reset before": #"n_{t} &= \tanh(a_{t}^{x,n} + W_{hn} (r_{t} \odot h_{t-1}) + b_{hn})"#,
            "equation h": #"h_{t} &= (1 - z_{t}) \odot n_{t} + z_{t} \odot h_{t-1}"#,
            "equation h, takes-candidate": #"h_{t} &= z_{t} \odot n_{t} + (1 - z_{t}) \odot h_{t-1}"#,
            "symbols": #"""
                $\sigma(u) = 1/(1 + e^{-u})$ lies in (0, 1), $\tanh$ in (−1, 1). $a_{t}^{x}$ and $a_{t}^{h}$ each \#
                stack three blocks of H rows, r, z, n ($a_{t}^{x,r}$ is rows 1 … H of $a_{t}^{x}$, and so on), kept \#
                apart because $r_{t}$ scales only the hidden part of the candidate: PyTorch's documentation writes \#
                $n_{t} = \tanh(W_{in} x_{t} + b_{in} + r_{t} \odot (W_{hn} h_{t-1} + b_{hn}))$, with $W_{in}$, $b_{in}$, \#
                $W_{hn}$, $b_{hn}$ the n rows (2H + 1 … 3H) of $W_{ih}$, $b_{ih}$, $W_{hh}$, $b_{hh}$.
                """#,
            "symbols, reset before": #"""
                $\sigma(u) = 1/(1 + e^{-u})$ lies in (0, 1), $\tanh$ in (−1, 1). $a_{t}^{x}$ stacks three blocks \#
                of H rows, r, z, n ($a_{t}^{x,r}$ is rows 1 … H, and so on); $a_{t}^{h}$ only the first two, \#
                computed with $W_{hh}^{r,z}$ and $b_{hh}^{r,z}$, rows 1 … 2H of $W_{hh}$ and $b_{hh}$. The last \#
                block, $W_{hn}$ and $b_{hn}$ (rows 2H + 1 … 3H), must wait for $r_{t}$: \#
                $n_{t} = \tanh(W_{in} x_{t} + b_{in} + W_{hn} (r_{t} \odot h_{t-1}) + b_{hn})$, with $W_{in}$, $b_{in}$ the n rows \#
                of $W_{ih}$, $b_{ih}$.
                """#,
            "convention": "**Convention.** «which» «reset»«update»",
            "which, pytorch": "`torch.nn.GRU`, gates stacked **r, z, n**.",
            "which, other": "Gates stacked **r, z, n** as in `torch.nn.GRU`, but not its numbers.",
            "reset after": #"The reset gate acts *after* the product, $r_{t} \odot (W_{hn} h_{t-1} + b_{hn})$: it scales what reaches each unit's candidate, $b_{hn}$ included. colah's figure and Cho et al. (2014) act before it, $W_{hn} (r_{t} \odot h_{t-1}) + b_{hn}$, scaling each unit's state before $W_{hn}$ mixes the units and adding $b_{hn}$ unscaled: «other»"#,
            "reset before": #"The reset gate acts *before* the product, $W_{hn} (r_{t} \odot h_{t-1}) + b_{hn}$, as in colah's figure and Cho et al. (2014): it scales each unit's state before $W_{hn}$ mixes the units, and $b_{hn}$ is added unscaled. PyTorch acts after it, $r_{t} \odot (W_{hn} h_{t-1} + b_{hn})$, scaling what reaches each unit's candidate, $b_{hn}$ included: «other»"#,
            "other rule, same": "the same numbers here.",
            "other rule, large": "in general other numbers (the same where every $r_{t}$ is 1).",
            "other rule": #"under that rule this example would end at $«h» = «other»$, not at the $«h» = «this»$ computed below."#,
            "other rule, mostly bias": #"Most of that difference is where $b_{hn}$ goes, scaled by $r_{t}$ or not: with $b_{hn} = 0$ this rule would end at $«this0»$ and that one at $«other0»$."#,
            "other rule, bias only": #"All of that difference is where $b_{hn}$ goes, scaled by $r_{t}$ or not: with $b_{hn} = 0$ both rules would end at $«this0»$."#,
            "other rule, both": #"Part of it is where $b_{hn}$ goes, scaled by $r_{t}$ or not, and part where $r_{t}$ meets the old state: with $b_{hn} = 0$ this rule would end at $«this0»$ and that one at $«other0»$."#,
            "other rule, mostly order": #"Most of it is where $r_{t}$ meets the old state, not where $b_{hn}$ goes: with $b_{hn} = 0$ this rule would still end at $«this0»$ and that one at $«other0»$."#,
            "update takes": #" And $z_{t}$ near 1 *takes the candidate*, as in colah's figure: this $z$ is PyTorch's $1 - z$."#,
            "hidden holds": "$h_{t}$ and each gate",
            "legend 3H": "rows of the stacked weights, $a_{t}^{x}$ and $a_{t}^{h}$",
            "legend 3H, reset before": "rows of the stacked weights and of $a_{t}^{x}$",
            "legend 2H, reset before": "rows of $a_{t}^{h}$: the reset and update gates only",
            "heading steps": "Step by step",
            "zero state": #"$«h-1» = 0$, so $«ah» = «bhh»$."#,
            "zero state, reset before": #"$«h-1» = 0$, so $«ah» = «bhhrz»$."#,
            "r idle": #"$«ahn» = 0$, so $«r»$ changes nothing here."#,
            "r idle, reset before": #"$«h-1» = 0$, so $«r»$ changes nothing here."#,
            "r low": #"«units» shuts out the old state's part of its candidate: «values»."#,
            "r low, several": #"«units» shut out the old state's part of their candidates: «values»."#,
            "r high": #"«units» lets the old state's part in nearly whole: «values»."#,
            "r high, several": #"«units» let the old state's part in nearly whole: «values»."#,
            "r before low": #"«units» hides its old state from $W_{hn}$: «values»."#,
            "r before low, several": #"«units» hide their old states from $W_{hn}$: «values»."#,
            "r before high": #"«units» passes its old state to $W_{hn}$ nearly whole: «values»."#,
            "r before high, several": #"«units» pass their old states to $W_{hn}$ nearly whole: «values»."#,
            "z low": "«units» takes its candidate: «values».",
            "z low, several": "«units» take their candidates: «values».",
            "z high": "«units» keeps its old state: «values».",
            "z high, several": "«units» keep their old states: «values».",
            "z flipped low": "«units» keeps its old state: «values».",
            "z flipped low, several": "«units» keep their old states: «values».",
            "z flipped high": "«units» takes its candidate: «values».",
            "z flipped high, several": "«units» take their candidates: «values».",
            "z zero low": "«units» takes its candidate: «values».",
            "z zero low, several": "«units» take their candidates: «values».",
            "z zero high": "«units» ignores «input», keeping its zero state: «values».",
            "z zero high, several": "«units» ignore «input», keeping their zero states: «values».",
            "z flipped zero low": "«units» ignores «input», keeping its zero state: «values».",
            "z flipped zero low, several": "«units» ignore «input», keeping their zero states: «values».",
            "z flipped zero high": "«units» takes its candidate: «values».",
            "z flipped zero high, several": "«units» take their candidates: «values».",
            "input, token": "“«token»”",
            "input, step": #"$«x»$"#,
            "summary z": #"$z_{t}$ is the share of $h_{t-1}$ each unit keeps:"#,
            "summary z, takes-candidate": #"$z_{t}$ is the share of the candidate $n_{t}$ each unit takes:"#,
            "heading summary": "Summary",
            "figure": "GRU gates and state over time",
            "panel r": "reset gate r",
            "panel z": "update gate z (keeps h)",
            "panel z, takes-candidate": "update gate z (takes n)",
            "panel n": "candidate n",
            "panel h": "hidden state h",
            "figure, description": "One plot per value, one line per unit: the gates on 0 to 1, the candidate and the state on −1 to 1. The numbers are in the table below.",
            "slide one minus": #"Seed 002: “The GRU drops the forget gate and uses 1 − input gate in its place.”"#,
            "one minus": #"Confirmed, in PyTorch's names: the slide's input gate is $1 - z_{t}$ and its “1 − input gate”, the forget gate's role, is $z_{t}$: unit «u» keeps $z_{«t»}«sup» = «z»$ of $h_{«t-1»}«sup»$ and takes $1 - z_{«t»}«sup» = «rest»$ of $n_{«t»}«sup»$."#,
            "one minus, takes-candidate": #"Confirmed: the slide's input gate is this $z_{t}$ and its “1 − input gate”, the forget gate's role, is $1 - z_{t}$: unit «u» takes $z_{«t»}«sup» = «z»$ of $n_{«t»}«sup»$ and keeps $1 - z_{«t»}«sup» = «rest»$ of $h_{«t-1»}«sup»$."#,
            "slide lighter": #"Seed 002: “The GRU is a lighter LSTM: less memory, faster to compute.”"#,
            "lighter": #"Confirmed: three blocks of H rows where the LSTM has four, so three quarters of its weights and of its matrix products' work for any $I$ and $H$; here «gru» weights and biases against «lstm», «gruWork» multiply-adds per step against «lstmWork»."#,
        ],
        korean: korean)
}
