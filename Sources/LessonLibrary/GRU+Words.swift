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
            "h[t].grad, gru": ("gradient of the hidden state", #"The loss's share $G_{«t»}$, plus what step «t+1» passes back: directly through $z_{«t+1»} \odot h_{«t»}$, the part of the old state the update gate keeps, and through $W_{hh}$ into both gates and the candidate."#),
            "h[t].grad, gru, takes-candidate": ("gradient of the hidden state", #"The loss's share $G_{«t»}$, plus what step «t+1» passes back: directly through $(1 - z_{«t+1»}) \odot h_{«t»}$, the part of the old state kept, and through $W_{hh}$ into both gates and the candidate."#),
            "n[t].grad": ("gradient of the candidate", #"$\frac{\partial L}{\partial h_{«t»}} \odot (1 - z_{«t»})$: the candidate counts as much as the update gate lets it in."#),
            "n[t].grad, takes-candidate": ("gradient of the candidate", #"$\frac{\partial L}{\partial h_{«t»}} \odot z_{«t»}$: the candidate counts as much as the update gate lets it in."#),
            "rh[t].grad": ("gradient of the reset-scaled state", #"What the candidate's $W_{hn}$ passes back: $W_{hn}^{\top} \left(\frac{\partial L}{\partial n_{«t»}} \odot (1 - n_{«t»}^{2})\right)$."#),
            "z[t].grad": ("gradient of the update gate", #"$\frac{\partial L}{\partial h_{«t»}} \odot (h_{«t-1»} - n_{«t»})$, written as its two terms: raising $z_{«t»}$ moves $h_{«t»}$ from the candidate towards the old state."#),
            "z[t].grad, takes-candidate": ("gradient of the update gate", #"$\frac{\partial L}{\partial h_{«t»}} \odot (n_{«t»} - h_{«t-1»})$, written as its two terms: raising $z_{«t»}$ moves $h_{«t»}$ from the old state towards the candidate."#),
            "r[t].grad": ("gradient of the reset gate", #"$\frac{\partial L}{\partial n_{«t»}} \odot (1 - n_{«t»}^{2}) \odot a^{h,n}_{«t»}$: the reset gate matters where the old state's contribution to the candidate is large."#),
            "r[t].grad, zero h0": ("gradient of the reset gate", #"$h_{0}$ is 0, so there is nothing to reset: whatever $r_{1}$ is, the candidate is the same, and its gradient is 0."#),
            "r[t].grad, reset before": ("gradient of the reset gate", #"$\frac{\partial L}{\partial (r_{«t»} \odot h_{«t-1»})} \odot h_{«t-1»}$: the reset gate matters where the old state is large."#),
            "ah[t].grad": ("gradient of the hidden-side pre-activations", #"Blocks r, z and n, each through its own path: $\sigma'$ for the gates, and for n the candidate's $\tanh'$ times $r_{«t»}$. $W_{hh}^{\top}$ carries it back to $h_{«t-1»}$."#),
            "ah[t].grad, reset before": ("gradient of the hidden-side pre-activations", #"Blocks r and z, each times its gate's $\sigma'$; the candidate's share reaches $h_{«t-1»}$ through $r_{«t»} \odot h_{«t-1»}$ instead."#),
            "ax[t].grad": ("gradient of the input-side pre-activations", #"Blocks r, z and n: the gates' $\sigma'$ and the candidate's $\tanh'$, without the reset gate (the input side is not reset)."#),
            "weight_hh_l0, reset before": ("Recurrent weights", #"""
                Rows r and z multiply the previous hidden state $h_{t-1}$; rows n multiply the reset-scaled state \#
                $r_{t} \odot h_{t-1}$. The same matrix at every step: «per row»; column j multiplies unit j of the state.
                """#),
            "bias_hh_l0": ("Recurrent bias", #"""
                Added with $W_{hh} h_{t-1}$. In rows r and z only the sum $b_{ih} + b_{hh}$ matters; in rows n, \#
                $b_{hn}$ is scaled by the reset gate together with $W_{hn} h_{t-1}$, so it does not act like $b_{in}$.
                """#),
            "bias_hh_l0, reset before": ("Recurrent bias", #"""
                Added with $W_{hh} h_{t-1}$ in rows r and z, and with $W_{hn} (r_{t} \odot h_{t-1})$ in rows n; in every \#
                row only the sum $b_{ih} + b_{hh}$ matters, so one bias would do here (PyTorch's reset-after GRU needs both: there $r_{t}$ scales $b_{hn}$).
                """#),
            "ax[t]": ("input part of the three gates", #"What the input $x_{«t»}$ contributes to each gate (rows r, z, n)."#),
            "ah[t]": ("hidden part of the three gates", #"What the previous state $h_{«t-1»}$ contributes to each gate (rows r, z, n)."#),
            "ah[t], reset before": ("hidden part of the reset and update gates", #"""
                What the previous state $h_{«t-1»}$ contributes to the reset and update gates. With the reset \#
                gate *before* the product, the candidate's hidden part must wait for $r_{«t»}$, so only rows r \#
                and z are computed here.
                """#),
            "r[t]": ("reset gate", "How much of the old state each unit lets into its candidate: 0 makes the candidate ignore the past."),
            "z[t]": ("update gate", #"How much of the old state $h_{«t-1»}$ each unit keeps; the rest, $1 - z_{«t»}$, comes from the candidate."#),
            "z[t], takes-candidate": ("update gate", #"How much of the candidate each unit takes; the rest, $1 - z_{«t»}$, is kept from the old state $h_{«t-1»}$."#),
            "rh[t]": ("reset-scaled previous state", #"""
                **Reset before** (Cho et al. 2014, ONNX's default): the reset gate scales the old state *before* \#
                it meets $W_{hn}$. PyTorch's default instead scales $W_{hn} h_{t-1} + b_{hn}$ after the product.
                """#),
            "n[t]": ("candidate", #"The new content each unit could take, between −1 and 1, built from the input and the hidden part $W_{hn} h_{«t-1»} + b_{hn}$ scaled by the reset gate."#),
            "n[t], reset before": ("candidate", "The new content each unit could take, between −1 and 1, built from the input and the reset-scaled past."),
            "h[t]": ("hidden state", "A blend, unit by unit, of the candidate and the old state: the layer's output at step «t» and its memory."),
            "h[t], takes-candidate": ("hidden state", #"""
                **Update gate reversed** (colah's figure): $z$ weighs the candidate and $1 - z$ the old state, the \#
                opposite of PyTorch. Still a blend, unit by unit: the layer's output at step «t» and its memory.
                """#),
        ],
        text: [
            "backward equations": #"""
                \begin{aligned}
                \frac{\partial L}{\partial h_{t}} &= G_{t} + z_{t+1} \odot \frac{\partial L}{\partial h_{t+1}} + W_{hh}^{\top} \frac{\partial L}{\partial a^{h}_{t+1}} \\
                \frac{\partial L}{\partial n_{t}} &= \frac{\partial L}{\partial h_{t}} \odot (1 - z_{t}), \quad \frac{\partial L}{\partial z_{t}} = \frac{\partial L}{\partial h_{t}} \odot (h_{t-1} - n_{t}) \\
                \frac{\partial L}{\partial r_{t}} &= \frac{\partial L}{\partial n_{t}} \odot (1 - n_{t}^{2}) \odot a^{h,n}_{t}
                \end{aligned}
                """#,
            "backward equations, takes-candidate": #"""
                \begin{aligned}
                \frac{\partial L}{\partial h_{t}} &= G_{t} + (1 - z_{t+1}) \odot \frac{\partial L}{\partial h_{t+1}} + W_{hh}^{\top} \frac{\partial L}{\partial a^{h}_{t+1}} \\
                \frac{\partial L}{\partial n_{t}} &= \frac{\partial L}{\partial h_{t}} \odot z_{t}, \quad \frac{\partial L}{\partial z_{t}} = \frac{\partial L}{\partial h_{t}} \odot (n_{t} - h_{t-1}) \\
                \frac{\partial L}{\partial r_{t}} &= \frac{\partial L}{\partial n_{t}} \odot (1 - n_{t}^{2}) \odot a^{h,n}_{t}
                \end{aligned}
                """#,
            "backward equations, reset before": #"""
                \begin{aligned}
                \frac{\partial L}{\partial h_{t}} &= G_{t} + z_{t+1} \odot \frac{\partial L}{\partial h_{t+1}} + \left(W_{hh}^{r,z}\right)^{\top} \frac{\partial L}{\partial a^{h}_{t+1}} + r_{t+1} \odot W_{hn}^{\top} \left(\frac{\partial L}{\partial n_{t+1}} \odot (1 - n_{t+1}^{2})\right) \\
                \frac{\partial L}{\partial n_{t}} &= \frac{\partial L}{\partial h_{t}} \odot (1 - z_{t}), \quad \frac{\partial L}{\partial z_{t}} = \frac{\partial L}{\partial h_{t}} \odot (h_{t-1} - n_{t}) \\
                \frac{\partial L}{\partial r_{t}} &= \left(W_{hn}^{\top} \left(\frac{\partial L}{\partial n_{t}} \odot (1 - n_{t}^{2})\right)\right) \odot h_{t-1}
                \end{aligned}
                """#,
            "backward equations, reset before, takes-candidate": #"""
                \begin{aligned}
                \frac{\partial L}{\partial h_{t}} &= G_{t} + (1 - z_{t+1}) \odot \frac{\partial L}{\partial h_{t+1}} + \left(W_{hh}^{r,z}\right)^{\top} \frac{\partial L}{\partial a^{h}_{t+1}} + r_{t+1} \odot W_{hn}^{\top} \left(\frac{\partial L}{\partial n_{t+1}} \odot (1 - n_{t+1}^{2})\right) \\
                \frac{\partial L}{\partial n_{t}} &= \frac{\partial L}{\partial h_{t}} \odot z_{t}, \quad \frac{\partial L}{\partial z_{t}} = \frac{\partial L}{\partial h_{t}} \odot (n_{t} - h_{t-1}) \\
                \frac{\partial L}{\partial r_{t}} &= \left(W_{hn}^{\top} \left(\frac{\partial L}{\partial n_{t}} \odot (1 - n_{t}^{2})\right)\right) \odot h_{t-1}
                \end{aligned}
                """#,
            "summary": "A GRU cell gate by gate: reset and update gates, candidate and hidden state",
            "title": "The GRU cell, gate by gate",
            "default.summary": "“Alice sleeps .”: at the period the update gate keeps the subject and replaces the clause",
            "default.story": #"""
                The same sentence as in `lesson lstm-gates`: “Alice sleeps .” as one-hot vectors over a name \#
                (column 1), a verb (column 2) and a period (column 3), with hand-chosen weights. **Unit 1 \#
                remembers the subject**: its update gate is near 0 at “Alice” (take the new candidate) and near 1 \#
                afterwards (keep it). **Unit 2 marks a clause under way**: it takes its candidate at “sleeps”. \#
                At the period its reset gate $r_{3}$ is near 0, so its candidate ignores the past and is close to \#
                0, and its update gate is near 0 again, so the clause is replaced while the subject stays. \#
                This input leaves out `bias_hh_l0`, so that bias is zeros.
                """#,

            // The conventions a failed claim may have used (`reason` tries each).
            "alternative reset before": "the GRU with the reset gate applied before the matrix product (Cho et al. 2014, ONNX's default)",
            "alternative reset after": "the GRU with the reset gate applied after the matrix product (PyTorch)",
            "alternative takes-candidate": #"the update gate reversed, h = z⊙n + (1−z)⊙h (colah's figure, the seed notes' "1 − input gate")"#,
            "alternative keeps-previous": "the update gate as in PyTorch, h = (1−z)⊙n + z⊙h",
            "alternative both": #"both the reset gate before the product and the update gate reversed (`reset: "before"`, `update_gate: "takes-candidate"`)"#,

            "why": #"""
                The **gated recurrent unit** (Cho et al., 2014) is the lighter LSTM (seed notes 002): it keeps the \#
                LSTM's idea of updating the memory by a gated *blend* instead of overwriting it, with fewer parts. \#
                There is no separate cell state, the hidden state $h_{t}$ is the memory; and instead of separate \#
                forget and input gates, one **update gate** $z_{t}$ decides per unit how much of the old state to \#
                keep, and the rest, $1 - z_{t}$, is taken from the new **candidate** $n_{t}$. A **reset gate** \#
                $r_{t}$ decides how much of the old state may shape that candidate. Three blocks of weights instead \#
                of the LSTM's four: about three quarters of the parameters, and in practice often as good.
                """#,
            "why, takes-candidate": #"""
                The **gated recurrent unit** (Cho et al., 2014) is the lighter LSTM (seed notes 002): it keeps the \#
                LSTM's idea of updating the memory by a gated *blend* instead of overwriting it, with fewer parts. \#
                There is no separate cell state, the hidden state $h_{t}$ is the memory; and instead of separate \#
                forget and input gates, one **update gate** $z_{t}$ decides per unit how much of the new \#
                **candidate** $n_{t}$ to take, and the rest, $1 - z_{t}$, is kept from the old state. A **reset \#
                gate** $r_{t}$ decides how much of the old state may shape that candidate. Three blocks of weights \#
                instead of the LSTM's four: about three quarters of the parameters, and in practice often as good.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                a^{x}_{t} &= W_{ih}\, x_{t} + b_{ih} && \text{3H numbers, stacked } r, z, n \\
                «ah» \\
                r_{t} &= \sigma(a^{x,r}_{t} + a^{h,r}_{t}) && \text{reset gate} \\
                z_{t} &= \sigma(a^{x,z}_{t} + a^{h,z}_{t}) && \text{update gate} \\
                «n» && \text{candidate} \\
                «h»
                \end{aligned}
                """#,
            "equation ah": #"a^{h}_{t} &= W_{hh}\, h_{t-1} + b_{hh} && \text{3H numbers, stacked } r, z, n"#,
            "equation ah, reset before": #"a^{h}_{t} &= W_{hh}^{r,z}\, h_{t-1} + b_{hh}^{r,z} && \text{2H numbers, stacked } r, z"#,
            "equation n": #"n_{t} &= \tanh(a^{x,n}_{t} + r_{t} \odot a^{h,n}_{t})"#,
            "equation n, reset before": #"n_{t} &= \tanh(a^{x,n}_{t} + W_{hn} (r_{t} \odot h_{t-1}) + b_{hn})"#,
            "equation h": #"h_{t} &= (1 - z_{t}) \odot n_{t} + z_{t} \odot h_{t-1}"#,
            "equation h, takes-candidate": #"h_{t} &= z_{t} \odot n_{t} + (1 - z_{t}) \odot h_{t-1}"#,
            "symbols": #"""
                $\sigma(z) = 1/(1 + e^{-z})$ squashes any number into (0, 1), $\tanh$ into (−1, 1), and $\odot$ \#
                multiplies entry by entry. $a^{x}_{t}$ and $a^{h}_{t}$ each stack three blocks of H rows, labelled \#
                r₁ …, z₁ …, n₁ … in the tables: $a^{x,r}_{t}$ is rows 1 … H of $a^{x}_{t}$, $a^{x,z}_{t}$ rows H+1 … 2H, \#
                $a^{x,n}_{t}$ rows 2H+1 … 3H, and likewise for $a^{h}_{t}$. Written with the blocks of the weights, $n_{t} = \tanh(W_{in} x_{t} + b_{in} + r_{t} \odot (W_{hn} h_{t-1} + b_{hn}))$, \#
                as in PyTorch's documentation. The input and hidden parts are kept apart ($a^{x}_{t}$ and $a^{h}_{t}$) \#
                because the reset gate multiplies only the hidden part of the candidate.
                """#,
            "symbols, reset before": #"""
                $\sigma(z) = 1/(1 + e^{-z})$ squashes any number into (0, 1), $\tanh$ into (−1, 1), and $\odot$ \#
                multiplies entry by entry. $a^{x}_{t}$ stacks three blocks of H rows, labelled r₁ …, z₁ …, n₁ … in \#
                the tables: $a^{x,r}_{t}$ is rows 1 … H, $a^{x,z}_{t}$ rows H+1 … 2H and $a^{x,n}_{t}$ rows 2H+1 … 3H. \#
                $a^{h}_{t}$ stacks only the first two blocks, $a^{h,r}_{t}$ and $a^{h,z}_{t}$, computed with \#
                $W_{hh}^{r,z}$ and $b_{hh}^{r,z}$, rows 1 … 2H of $W_{hh}$ and $b_{hh}$. The last block, $W_{hn}$ and \#
                $b_{hn}$ (rows 2H+1 … 3H), multiplies the old state only after the reset gate has scaled it: \#
                written with the blocks of the weights, $n_{t} = \tanh(W_{in} x_{t} + b_{in} + W_{hn} (r_{t} \odot h_{t-1}) + b_{hn})$, \#
                as in ONNX's documentation. The input and hidden parts are kept apart ($a^{x}_{t}$ and $a^{h}_{t}$) \#
                because the candidate's hidden part cannot be computed with the others: it needs $r_{t}$ first.
                """#,
            "convention": #"""
                **Convention.** This is `torch.nn.GRU`: gates stacked **r, z, n** in the rows of `weight_ih_l0` and \#
                `weight_hh_l0`, the reset gate applied *after* the matrix product ($r_{t} \odot (W_{hn} h_{t-1} + b_{hn})$, \#
                as cuDNN and Keras with `reset_after=True`), and $z_{t}$ near 1 meaning *keep the old state*. \#
                Cho et al. (2014), ONNX's default and Keras with `reset_after=False` reset *before* the product, \#
                $W_{hn} (r_{t} \odot h_{t-1})$, which gives different numbers. colah's figure writes \#
                $h_{t} = z_{t} \odot n_{t} + (1 - z_{t}) \odot h_{t-1}$, and the seed notes describe the same \#
                (“the forget gate is replaced by 1 − input gate”): their $z$ is PyTorch's $1 - z$.
                """#,
            "convention, reset before": #"""
                **Convention.** This trace is not `torch.nn.GRU`'s: the input says `reset: "before"`, so its numbers \#
                differ from PyTorch's. The gates are stacked **r, z, n** in the rows of `weight_ih_l0` and \#
                `weight_hh_l0` and $z_{t}$ near 1 means *keep the old state*, both as in PyTorch. But the \#
                reset gate multiplies $h_{t-1}$ *before* the matrix product, $W_{hn} (r_{t} \odot h_{t-1}) + b_{hn}$, \#
                as Cho et al. (2014), ONNX's default and Keras with `reset_after=False`; PyTorch, cuDNN and Keras \#
                with `reset_after=True` apply it *after*, $r_{t} \odot (W_{hn} h_{t-1} + b_{hn})$. The steps where \#
                this changes the computation say so.
                """#,
            "convention, takes-candidate": #"""
                **Convention.** This trace is not `torch.nn.GRU`'s: the input says `update_gate: "takes-candidate"`, \#
                so its numbers differ from PyTorch's. The gates are stacked **r, z, n** in the rows of \#
                `weight_ih_l0` and `weight_hh_l0`, and the reset gate is applied *after* the matrix product, \#
                $r_{t} \odot (W_{hn} h_{t-1} + b_{hn})$, as in PyTorch, cuDNN and Keras with `reset_after=True`. But \#
                the update gate says how much of the *candidate* to take, $h_{t} = z_{t} \odot n_{t} + (1 - z_{t}) \odot h_{t-1}$, \#
                as in colah's figure and the seed notes (“the forget gate is replaced by 1 − input gate”): $z_{t}$ \#
                near 1 means *take the candidate*, and this $z$ is PyTorch's $1 - z$. The steps where this changes \#
                the computation say so.
                """#,
            "convention, reset before, takes-candidate": #"""
                **Convention.** This trace is not `torch.nn.GRU`'s: the input says `reset: "before"` and \#
                `update_gate: "takes-candidate"`, so its numbers differ from PyTorch's. The gates are stacked \#
                **r, z, n** in the rows of `weight_ih_l0` and `weight_hh_l0`, as in PyTorch. But the reset gate \#
                multiplies $h_{t-1}$ *before* the matrix product, $W_{hn} (r_{t} \odot h_{t-1}) + b_{hn}$, as Cho \#
                et al. (2014), ONNX's default and Keras with `reset_after=False` (PyTorch, cuDNN and Keras with \#
                `reset_after=True` apply it *after*, $r_{t} \odot (W_{hn} h_{t-1} + b_{hn})$); and the update gate \#
                says how much of the *candidate* to take, $h_{t} = z_{t} \odot n_{t} + (1 - z_{t}) \odot h_{t-1}$, \#
                as in colah's figure and the seed notes (“the forget gate is replaced by 1 − input gate”): $z_{t}$ \#
                near 1 means *take the candidate*, and this $z$ is PyTorch's $1 - z$. The steps where this changes \#
                the computation say so.
                """#,
            "hidden holds": "$h_{t}$ and each gate",
            "legend 3H": "rows of the stacked weights, $a^{x}_{t}$ and $a^{h}_{t}$",
            "legend 3H, reset before": "rows of the stacked weights and of $a^{x}_{t}$",
            "legend 2H, reset before": "rows of $a^{h}_{t}$: the reset and update gates only",
            "heading steps": "Step by step",
            "steps": "Each step computes the input part and the hidden part of all three gates, then the gates, the candidate and the blend.",
            "steps, reset before": #"""
                Each step computes the input part of all three gates and the hidden part of the reset and update \#
                gates, then those two gates, the reset-scaled old state, the candidate and the blend.
                """#,
            "heading summary": "Summary",
            "figure": "GRU gates and state over time",
            "panel r": "reset gate r",
            "panel z": "update gate z",
            "panel n": "candidate n",
            "panel h": "hidden state h",
            "figure, description": "Four small plots with the time steps across and one line per unit: the gates on 0 to 1, the candidate and the state on −1 to 1. The numbers are in the table below.",
            "notice": #"""
                What to notice: where $z_{t}$ is near 1 the unit's state passes through unchanged (like an LSTM cell \#
                with its forget gate open and its input gate shut); where it is near 0 the unit takes its candidate. \#
                Each $h_{t}$ lies between $n_{t}$ and $h_{t-1}$, entry by entry, because it is a weighted average of the two.
                """#,
            "notice, takes-candidate": #"""
                What to notice: where $z_{t}$ is near 0 the unit's state passes through unchanged (like an LSTM cell \#
                with its forget gate open and its input gate shut); where it is near 1 the unit takes its candidate. \#
                Each $h_{t}$ lies between $n_{t}$ and $h_{t-1}$, entry by entry, because it is a weighted average of the two.
                """#,
        ])
}
