// The words of lstm-gates: what each value means and the story around the equations.
// Keys are value names with «t» for the step, or names for the paragraphs.

import TraceCore

extension LSTMGates {
    static let words = Words(
        captions: [
            "o[t].grad": ("gradient of the output gate", #"The output gate matters most where the squashed memory $\tanh(c_{t})$ is large."#),
            "g[t].grad": ("gradient of the candidate", #"The candidate reaches the loss only as far as the input gate $i_{t}$ lets it in."#),
            "f[t].grad": ("gradient of the forget gate", #"Forgetting matters only where there was something to forget, $c_{«prev»}$."#),
            "f[t].grad, zero c0": ("gradient of the forget gate", #"$«c-1»«sup» = 0$: at the first step there is nothing to forget, so the forget gate gets no gradient."#),
            "i[t].grad": ("gradient of the input gate", #"Writing matters as much as what would be written, $g_{t}$."#),
            "a[t].grad": ("gradient of the stacked pre-activation", #"Each gate's gradient times its own slope ($\sigma' = \sigma(1 - \sigma)$ for i, f, o; $\tanh' = 1 - g^{2}$ for g), stacked as $a_{t}$ is; $W_{hh}^{\top}$ carries it back to $h_{«prev»}$."#),
            "a[t]": ("stacked pre-activations", #"The four gates' weighted sums, stacked i, f, g, o; the next four steps squash one block each."#),
            "i[t]": ("input gate", #"How much of the candidate $g_{t}$ each unit writes into its cell: 0 nothing, 1 all of it."#),
            "f[t]": ("forget gate", #"How much of the old cell state $c_{t-1}$ each unit keeps: 1 keeps it, 0 forgets it."#),
            "g[t]": ("candidate", #"The new content each unit could write, between −1 and 1."#),
            "o[t]": ("output gate", #"How much of its squashed memory $\tanh(c_{t})$ each unit shows as its hidden state."#),
            "c[t]": ("cell state", #"Old memory kept, $f_{t} \odot c_{t-1}$, plus new content written, $i_{t} \odot g_{t}$. Backwards, along this direct path, $c_{t}$ passes its gradient to $c_{t-1}$ multiplied by $f_{t}$ alone, with no weight matrix and no squashing; its other paths back run through the gates and $W_{hh}$ to $h_{t-1}$."#),
            "h[t]": ("hidden state", #"The layer's output at this step."#),
        ],
        text: [
            "two-layers.summary": "“Alice sleeps .” through two stacked layers: layer 2 reads layer 1's hidden states",
            "two-layers.story": #"""
                The default example's sentence and its LSTM, now as layer 1 of two, as \#
                `nn.LSTM(3, 2, num_layers=2)` stacks them: its values are the default example's, named \#
                `l0.i[t]`, `l0.h[t]`, … here. Layer 2 reads layer 1's hidden state $h_{t}^{(0)}$ as its input \#
                at each step. Its input and output gates each read one unit of layer 1, unit 1 the subject's \#
                and unit 2 the clause's (the i rows of $W_{ih}^{(1)}$ are 2, 0 and 0, 2, its o rows 1, 0 and 0, 1); \#
                its forget gates read both units alike (rows 1, 1), and its candidates mix them (rows 2, −1 and \#
                −1, 2). Its recurrent weights $W_{hh}^{(1)}$ link each unit to itself only, in the i and g rows. \#
                Its input is no longer one-hot: a column of $W_{ih}^{(1)}$ acts at every step where the unit of \#
                $h_{t}^{(0)}$ it multiplies is not 0. Its $h_{t}^{(1)}$ is the module's output.
                """#,
            "two-layers.backward": #"""
                The loss sees layer 2's hidden states $h_{t}^{(1)}$ only. Layer 1's weights get their gradient through layer 2: \#
                each of layer 2's steps passes $W_{ih}^{(1)\top} \frac{\partial L}{\partial a_{t}^{(1)}}$ down \#
                to $h_{t}^{(0)}$, which then goes back through layer 1's steps as in the one-layer lesson.
                """#,
            "vanishing.summary": "the twenty steps of rnn-unroll's vanishing example: the cell state carries the gradient back",
            "vanishing.story": #"""
                The twenty numbers of rnn-unroll's vanishing example, read by a two-unit LSTM whose forget bias \#
                of 3 keeps both forget gates near 0.95. The loss sees only $h_{20}$; the slides box below \#
                follows its gradient back along the cell state, beside the RNN's.
                """#,
            "vanishing.backward": #"""
                The hidden state's gradient falls at once: this $W_{hh}$'s entries are small, so little goes \#
                back through them. The cell state's goes back along the forget gates.
                """#,
            "forget product": #"Along the cell's direct path, what reaches $c_{«first»}«sup»$ from $c_{«T»}«sup»$ is multiplied by $«product»$ and nothing else: «units»."#,
            "backward equations": #"""
                \begin{aligned}
                \frac{\partial L}{\partial h_{t}} &= G_{t} + W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}} \\
                \frac{\partial L}{\partial c_{t}} &= \frac{\partial L}{\partial h_{t}} \odot o_{t} \odot \left(1 - \tanh^{2}(c_{t})\right) + \frac{\partial L}{\partial c_{t+1}} \odot f_{t+1} \\
                \frac{\partial L}{\partial f_{t}} &= \frac{\partial L}{\partial c_{t}} \odot c_{t-1}, \quad \frac{\partial L}{\partial i_{t}} = \frac{\partial L}{\partial c_{t}} \odot g_{t}, \quad \frac{\partial L}{\partial g_{t}} = \frac{\partial L}{\partial c_{t}} \odot i_{t}, \quad \frac{\partial L}{\partial o_{t}} = \frac{\partial L}{\partial h_{t}} \odot \tanh(c_{t})
                \end{aligned}
                """#,
            "summary": "An LSTM cell gate by gate: input, forget, candidate and output gates, cell and hidden state",
            "title": "The LSTM cell, gate by gate",
            "default.summary": "“Alice sleeps .”: at the period the forget gate keeps the subject and drops the clause",
            "default.story": #"""
                The sentence “Alice sleeps .” arrives one token at a time, each a one-hot vector over three \#
                kinds of word: a name (column 1), a verb (column 2), a period (column 3). The weights were \#
                chosen by hand so that **unit 1 remembers the subject** (it writes at the name and keeps its \#
                cell) and **unit 2 remembers that a clause is under way** (it writes at the verb and forgets \#
                at the period).
                """#,
            "why": #"""
                A vanilla RNN rewrites its whole state at every step, and a gradient going back is multiplied \#
                by $W_{hh}^{\top}$ and $\tanh'$ once per step (seed 002). The **long short-term memory** adds a \#
                **cell state** $c_{t}$, carried from step to step by a gate and an addition: along this direct \#
                path, never through a weight matrix. Three **gates** between 0 and 1 decide per unit how much \#
                of the cell to keep ($f$), how much of the candidate $g$ to write ($i$), and how much of the \#
                memory to show as the hidden state $h_{t}$ ($o$).
                """#,
            "alternative, gate order": "the weights stacked i, g, f, o (TensorFlow 1's LSTMCell order) instead of PyTorch's i, f, g, o",
            "alternative, forget bias": "1 added to the forget gate's bias (TensorFlow 1's LSTMCell forget_bias=1.0)",
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                a_{t} &= W_{ih}\, x_{t} + b_{ih} + W_{hh}\, h_{t-1} + b_{hh} && \text{4H numbers, stacked } i, f, g, o \\
                i_{t} &= \sigma(a_{t}^{i}) && \text{input gate} \\
                f_{t} &= \sigma(a_{t}^{f}) && \text{forget gate} \\
                g_{t} &= \tanh(a_{t}^{g}) && \text{candidate} \\
                o_{t} &= \sigma(a_{t}^{o}) && \text{output gate} \\
                c_{t} &= f_{t} \odot c_{t-1} + i_{t} \odot g_{t} && \text{cell state} \\
                h_{t} &= o_{t} \odot \tanh(c_{t}) && \text{hidden state}
                \end{aligned}
                """#,
            "symbols": #"""
                $\sigma(u) = 1/(1 + e^{-u})$ lies in (0, 1), $\tanh$ in (−1, 1). $a_{t}^{i}$, $a_{t}^{f}$, \#
                $a_{t}^{g}$, $a_{t}^{o}$ are the four blocks of H rows of $a_{t}$ (i₁ …, f₁ …, g₁ …, o₁ … in the \#
                tables): PyTorch's documentation writes $a_{t}^{f}$ as $W_{if} x_{t} + b_{if} + W_{hf} h_{t-1} + b_{hf}$, \#
                with $W_{if}$ the f rows of $W_{ih}$, and so on. **Convention**: `torch.nn.LSTM`, the gates stacked **i, f, g, o**, two biases, no \#
                peepholes. colah and the seeds write $g_{t}$ as $\tilde C_{t}$ and one matrix per gate acting on \#
                $[h_{t-1}, x_{t}]$: the same computation, $W_{ih}$ and $W_{hh}$ side by side.
                """#,
            "hidden holds": "$h_{t}$, $c_{t}$ and each gate",
            "legend 4H": "rows of the stacked weights and of $a_{t}$",
            "heading steps": "Step by step",
            "zero cell": #"$«c-1»«sup» = 0$: nothing to keep yet."#,
            "i low": "«units» writes almost nothing: «values».",
            "i low, several": "«units» write almost nothing: «values».",
            "i high": "«units» writes its candidate: «values».",
            "i high, several": "«units» write their candidates: «values».",
            "f low": "«units» forgets: «values».",
            "f low, several": "«units» forget: «values».",
            "f high": "«units» keeps its cell: «values».",
            "f high, several": "«units» keep their cells: «values».",
            "o low": "«units» hides its memory: «values».",
            "o low, several": "«units» hide their memories: «values».",
            "o high": "«units» shows its memory: «values».",
            "o high, several": "«units» show their memories: «values».",
            "c low": #"«units» passes straight back to $c_{«t-1»}«sup»$ only «values» of the gradient that reaches $c_{«t»}«sup»$."#,
            "c low, several": #"«units» pass straight back to $c_{«t-1»}«sup»$ only «values» of the gradient that reaches $c_{«t»}«sup»$."#,
            "heading summary": "Summary",
            "figure gates": "LSTM gates over time",
            "panel i": "input gate i",
            "panel f": "forget gate f",
            "panel g": "candidate g",
            "panel o": "output gate o",
            "figure gates, description": "One plot per gate, one line per unit: the sigmoid gates on 0 to 1, the candidate on −1 to 1. The numbers are in the table below.",
            "figure states": "Cell and hidden state over time",
            "panel c": "cell state c",
            "panel h": "hidden state h",
            "figure states, description": "One line per unit; h stays within ±tanh(c).",
            "summary gates": "The gates, one column per unit:",
            "summary states": "The states:",
            "slide percent": #"Seed 002: “A sigmoid gate of 0.3 lets 30% of the vector it multiplies through.”"#,
            "percent": #"Confirmed: unit «u»'s $i_{«t»}«sup» = «i»$ writes «pct»% of its candidate $g_{«t»}«sup» = «g»$: $«i» \cdot «g» = «ig»$."#,
            "slide belt": #"Seed 000: “Like a conveyor belt, the cell state carries the needed information on to the next step; that is what the gates are for.”"#,
            "belt, confirmed": #"Confirmed: after the first step every forget gate is at least «min», so every cell passes on at least that share of itself at each step."#,
            "belt, kept and dropped": #"Confirmed: the belt carries «others» on (at least «min» of its cell at each step), and the gate drops the rest: «breaks»."#,
            "belt, kept and dropped, several": #"Confirmed: the belt carries «others» on (at least «min» of their cells at each step), and the gate drops the rest: «breaks»."#,
            "belt, only when, all": #"Only where the forget gate stays near 1: «breaks»."#,
            "belt break": #"unit «u» passes on only $f_{«t»}«sup» = «f»$ of its cell at step «t»"#,
            "slide additive": #"Seed 002: “Addition copies the gradient back, so it reaches distant time steps unchanged.”"#,
            "additive, confirmed": #"Confirmed: along the cell's direct path, $c_{«T»}«sup»$'s gradient reaches $c_{1}«sup»$ multiplied only by $«product»$: «values»«beside»."#,
            "additive, partly": #"Partly: along the cell's direct path, $c_{«T»}«sup»$'s gradient reaches $c_{1}«sup»$ multiplied by $«product»$: «values»«beside»."#,
            "additive, rnn": #", where rnn-unroll's vanishing RNN keeps $«ratio»$ of its gradient's size from step «T» to step 1"#,
            "additive, whole": #"; with the paths through $h$ and the gates, $\partial c_{«T»}«sup» / \partial c_{1}«sup»$ has «values» on its diagonal"#,
            "slide forget share": #"Seed 002: “Multiplying by a value between 0 and 1, the forget gate can be read as forgetting some percent.”"#,
            "forget share": #"Confirmed, with $f$ the share kept: unit «u»'s $f_{«t»}«sup» = «f»$ keeps «kept»% of $c_{«t-1»}«sup» = «c»$ and forgets «lost»%: $«f» \cdot «cc» = «fc»$."#,
            "unit value": "«v» (unit «u»)",
        ],
        korean: korean)
}
