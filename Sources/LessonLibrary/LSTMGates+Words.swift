// The words of lstm-gates: what each value means and the story around the equations.
// Keys are value names with «t» for the step, or names for the paragraphs.

import TraceCore

extension LSTMGates {
    static let words = Words(
        captions: [
            "o[t].grad": ("gradient of the output gate", #"$\frac{\partial L}{\partial h_{«t»}} \odot \tanh(c_{«t»})$: the output gate matters most where the squashed memory is large."#),
            "g[t].grad": ("gradient of the candidate", #"$\frac{\partial L}{\partial c_{«t»}} \odot i_{«t»}$: the candidate reaches the loss only as far as the input gate let it in."#),
            "f[t].grad": ("gradient of the forget gate", #"$\frac{\partial L}{\partial c_{«t»}} \odot c_{«t-1»}$: forgetting matters only where there was something to forget."#),
            "f[t].grad, zero c0": ("gradient of the forget gate", #"$\frac{\partial L}{\partial c_{1}} \odot c_{0}$, and $c_{0}$ is 0: at the first step there is nothing to forget, so the forget gate gets no gradient."#),
            "i[t].grad": ("gradient of the input gate", #"$\frac{\partial L}{\partial c_{«t»}} \odot g_{«t»}$: writing matters as much as what would be written."#),
            "a[t].grad": ("gradient of the stacked pre-activation", #"Each gate's gradient times its own derivative ($\sigma' = y(1 - y)$ for i, f, o; $\tanh' = 1 - g^{2}$ for g), stacked i, f, g, o as $a_{«t»}$ is; $W_{hh}^{\top}$ carries it back to $h_{«t-1»}$."#),
            "a[t]": ("stacked pre-activations of the four gates",
                     #"Rows i₁…, f₁…, g₁…, o₁… are the four gates' weighted sums of $x_{«t»}$ and $h_{«t-1»}$; the next four values apply a nonlinearity to one block each."#),
            "i[t]": ("input gate", #"How much of the candidate $g_{«t»}$ each unit writes into its cell: 0 writes nothing, 1 writes it all."#),
            "f[t]": ("forget gate", #"How much of the old cell state $c_{«t-1»}$ each unit keeps: 1 keeps it, 0 forgets it."#),
            "g[t]": ("candidate", #"The new content each unit could write, between −1 and 1 (colah's $\tilde{C}_{t}$)."#),
            "o[t]": ("output gate", #"How much of each unit's memory is shown in the hidden state $h_{«t»}$."#),
            "c[t]": ("cell state", "Kept old memory plus written new content: an addition, which is why the gradient survives many steps."),
            "h[t]": ("hidden state", #"The part of the squashed memory $\tanh(c_{«t»})$ that the output gate lets out: this is the layer's output at step «t»."#),
        ],
        text: [
            "vanishing.summary": "the twenty steps of rnn-unroll's vanishing example: the cell state carries the gradient back",
            "vanishing.story": #"""
                The sequence of `lesson rnn-unroll --example vanishing`, twenty numbers, read by a two-unit LSTM \#
                whose forget bias of 3 keeps both forget gates near 0.95; `grad_output` is 0 except at the last \#
                step, so the loss sees only $h_{20}$. Run it with `--backward`: on its way back the cell state's \#
                gradient is multiplied at each step by the forget gate alone ($\frac{\partial L}{\partial c_{t}}$ gets \#
                $\frac{\partial L}{\partial c_{t+1}} \odot f_{t+1}$), with no weight matrix and no squashing; the \#
                backward part gives the product of the nineteen forget gates, and its figure shows the cell \#
                state's gradient keeping its size where the RNN's falls by orders of magnitude. This is why the \#
                LSTM was built (seed notes 002). (The hidden state's own gradient drops at once after step 20 \#
                for another reason: this $W_{hh}$'s entries are small, so little goes back through it.)
                """#,
            "forget product": #"Along the cell state alone, what reaches $c_{«first»}$ from $c_{«T»}$ is multiplied by $f_{«next»} \odot \cdots \odot f_{«T»}$ and nothing else: «units». A vanilla RNN's gradient is multiplied instead by $W_{hh}^{\top}$ and $\tanh'$ at every step (`lesson rnn-unroll --example vanishing --backward`)."#,
            "c[t].grad, forget": #"Here $f_{«t+1»}$ runs from «low» to «high»: the share of $\frac{\partial L}{\partial c_{«t+1»}}$ each unit passes back."#,
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
                The sentence “Alice sleeps .” arrives one token at a time, each token a one-hot vector over three \#
                kinds of word: a name (column 1), a verb (column 2), a period (column 3). The weights were chosen \#
                by hand so that each of the two cell units has a job. **Unit 1 remembers the subject**: its input \#
                gate opens for the name and its forget gate stays near 1 throughout. **Unit 2 remembers that a \#
                clause is under way**: its input gate opens for the verb, and its forget gate closes at the \#
                period. Watch $f_{3}$: near 1 for unit 1 (keep “Alice”, the next sentence may say “she”) and near \#
                0 for unit 2 (the clause is over), so $c_{3}$ keeps one memory and drops the other.
                """#,
            "why": #"""
                A vanilla RNN (`lesson rnn-unroll`) overwrites its whole memory at every step: $h_{t} = \tanh(W_{hh} h_{t-1} + \dots)$. \#
                When it learns, the gradient from a late step back to an early one is multiplied by $W_{hh}$ and by \#
                $\tanh'$ once per step, and vanishes (or explodes) over long sequences (seed notes 002).
                """#,
            "cell state": #"""
                The **long short-term memory** cell adds a second state, the **cell state** $c_{t}$, that is updated \#
                by *addition*: $c_{t} = f_{t} \odot c_{t-1} + i_{t} \odot g_{t}$. From $c_{t-1}$ to $c_{t}$ the \#
                gradient is only multiplied by the forget gate $f_{t}$, not squashed by a weight matrix and a \#
                nonlinearity, so information (and its gradient) can travel across many steps, like a conveyor belt \#
                (seed notes 000). Three **gates**, each a vector of numbers between 0 and 1, decide per unit how much \#
                to forget ($f$), how much of the new candidate $g$ to write ($i$), and how much of the memory to show \#
                as the hidden state $h_{t}$ ($o$). $c_{t}$ is the long-term memory; $h_{t}$ is the short-term view of \#
                it that the next layer sees.
                """#,
            "alternative, gate order": "the weights stacked i, g, f, o (TensorFlow 1's LSTMCell order) instead of PyTorch's i, f, g, o",
            "alternative, forget bias": "1 added to the forget gate's bias (TensorFlow 1's LSTMCell forget_bias=1.0)",
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                a_{t} &= W_{ih}\, x_{t} + b_{ih} + W_{hh}\, h_{t-1} + b_{hh} && \text{4H numbers, stacked } i, f, g, o \\
                i_{t} &= \sigma(a_{t}^{i}) && \text{input gate} \\
                f_{t} &= \sigma(a_{t}^{f}) && \text{forget gate} \\
                g_{t} &= \tanh(a_{t}^{g}) && \text{candidate (cell input)} \\
                o_{t} &= \sigma(a_{t}^{o}) && \text{output gate} \\
                c_{t} &= f_{t} \odot c_{t-1} + i_{t} \odot g_{t} \\
                h_{t} &= o_{t} \odot \tanh(c_{t})
                \end{aligned}
                """#,
            "symbols": #"""
                $\sigma(z) = 1/(1 + e^{-z})$ is the logistic sigmoid, which squashes any number into (0, 1); \#
                $\tanh(z) = (e^{z} - e^{-z})/(e^{z} + e^{-z})$ squashes it into (−1, 1); $\odot$ multiplies entry by \#
                entry. $a_{t}$ is the **pre-activation** of all four gates, stacked: its blocks $a_{t}^{i}$, $a_{t}^{f}$, \#
                $a_{t}^{g}$, $a_{t}^{o}$ are rows 1 … H, H+1 … 2H, 2H+1 … 3H and 3H+1 … 4H, labelled i₁ …, f₁ …, g₁ …, \#
                o₁ … in the tables. Written with the blocks of the weights, \#
                $f_{t} = \sigma(W_{if} x_{t} + b_{if} + W_{hf} h_{t-1} + b_{hf})$ as in PyTorch's documentation.
                """#,
            "convention": #"""
                **Convention.** This is `torch.nn.LSTM`: the four gates' weights are stacked in the rows of \#
                `weight_ih_l0` and `weight_hh_l0` in the order **i, f, g, o**, with two biases. colah's \#
                “Understanding LSTM Networks” and the seed notes write the candidate $g_{t}$ as $\tilde{C}_{t}$ and \#
                use one matrix per gate on the concatenation $[h_{t-1}, x_{t}]$; that is the same computation with \#
                $W_{ih}$ and $W_{hh}$ side by side. Keras stacks i, f, c, o (the same order under other names). \#
                There are no peephole connections.
                """#,
            "hidden holds": "$h_{t}$, $c_{t}$ and each gate",
            "legend 4H": "rows of the stacked weights and of $a_{t}$",
            "heading steps": "Step by step",
            "steps": #"""
                Each step computes all four gates' pre-activations at once (one stacked product, as PyTorch does), \#
                splits them into the four gates, then updates the cell and the hidden state.
                """#,
            "heading summary": "Summary",
            "figure gates": "LSTM gates over time",
            "panel i": "input gate i",
            "panel f": "forget gate f",
            "panel g": "candidate g",
            "panel o": "output gate o",
            "figure gates, description": "Four small plots, one per gate, with the time steps across and one line per unit; the sigmoid gates are drawn on 0 to 1, the candidate on −1 to 1. The numbers are in the table below.",
            "figure states": "Cell and hidden state over time",
            "panel c": "cell state c",
            "panel h": "hidden state h",
            "figure states, description": "The cell state and the hidden state over time, one line per unit; h stays within ±tanh(c).",
            "summary gates": "The gates at every step, one column per unit:",
            "summary states": "The two states:",
            "notice": #"""
                What to notice: where a forget gate is near 1 and the input gate near 0, the cell state changes \#
                only slowly (it is multiplied by $f_{t}$ and nothing is added), and so does its gradient; where the \#
                forget gate is near 0, the unit starts over. $h_{t}$ is never larger than $\tanh(c_{t})$ in size, because the output gate only scales it down.
                """#,
        ])
}
