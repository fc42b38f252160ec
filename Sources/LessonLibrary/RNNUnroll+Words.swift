// The words of rnn-unroll: what each value means and the story around the equations.
// Keys are value names with «t» for the step, or names for the paragraphs; «f» is the
// nonlinearity's LaTeX symbol, «nonlinearity» its name in the input, «T» the last step.

import TraceCore

extension RNNUnroll {
    static let words = Words(
        captions: [
            "a[t].grad, tanh": ("gradient of the pre-activation",
                                #"$\tanh' = 1 - h_{«t»}^{2}$ scales each unit's gradient, from «low» to «high»."#),
            "a[t].grad, tanh, one unit": ("gradient of the pre-activation",
                                #"$\tanh' = 1 - h_{«t»}^{2} = «slope»$ scales the gradient: near 0 when $h_{«t»}$ is near ±1 (saturated), near 1 when it is near 0."#),
            "a[t].grad, relu": ("gradient of the pre-activation",
                                "relu′ passes the gradient where the unit was on and blocks it where it was off (a ≤ 0): off here: «off»."),
            "a[t]": ("pre-activation",
                     #"Each unit's weighted evidence: what the input says ($W_{ih} x_{«t»}$) plus what the memory $h_{«t-1»}$ says ($W_{hh} h_{«t-1»}$), plus the biases."#),
            "h[t], tanh": ("hidden state",
                           #"The new memory: $\tanh$ squashes each sum into (−1, 1), so the state stays bounded however long the sequence."#),
            "h[t], relu": ("hidden state",
                           "The new memory: relu keeps positive sums and sets negative ones to 0; unlike tanh it does not bound the state."),
        ],
        text: [
            "vanishing.summary": "twenty steps, the loss on the last state only: the gradient vanishes on its way back",
            "vanishing.story": #"""
                A sequence of twenty numbers, one per step, read by a two-unit tanh RNN; `grad_output` is 0 \#
                except at the last step, so the loss sees only $h_{20}$ (as when a whole sentence is classified \#
                from its last state). Run it with `--backward` and watch the gradient travel back: at every step \#
                it is multiplied by $\tanh'$ (at most 1) and by $W_{hh}^{\top}$, whose entries are below 1 here, \#
                so it shrinks step after step, and the first inputs barely reach the loss. This is the vanishing \#
                gradient of seed notes 002. `lesson lstm-gates --example vanishing` reads the same sequence with an \#
                LSTM whose forget gates stay near 1: its cell state carries the gradient back.
                """#,
            "one unit chain": #"""
                With one unit, the gradient that reaches $h_{0}$ from the last state is a product of one factor \#
                per step, each the tanh's slope times $W_{hh}$: $\frac{\partial h_{«T»}}{\partial h_{0}} = «symbols» = «numbers» = «product»$.
                """#,
            "saturated": "Unit «unit» is near ±1 (saturated) and passes almost nothing back.",
            "saturated, several": "Units «unit» are near ±1 (saturated) and pass almost nothing back.",
            "chain shrinks": "Each factor $\\tanh' \\cdot W_{hh}$ here («factors») is below 1 in size, so each step back shrinks the gradient: it vanishes.",
            "chain grows": "Each factor here («factors») is above 1 in size, so each step back enlarges the gradient: it explodes.",
            "chain mixed": "Some factors here («factors») are below 1 in size and some above: the gradient shrinks at some steps and grows at others.",
            "one unit bound": #"Since $\tanh' \le 1$, the product is at most $|W_{hh}|^{«T»} = «w»^{«T»} = «bound»$ in size, reached when no step saturates ($a_{t}$ near 0): with $|W_{hh}| > 1$ the same network explodes on inputs that keep the tanh unsaturated, and vanishes on inputs that saturate it."#,
            "one unit chain, relu": #"""
                With one unit, the gradient that reaches $h_{0}$ from the last state is a product of one factor \#
                per step, each relu's slope (1 or 0) times $W_{hh}$: $\frac{\partial h_{«T»}}{\partial h_{0}} = «symbols» = «numbers» = «product»$.
                """#,
            "backward equations, tanh": #"\frac{\partial L}{\partial h_{t}} = G_{t} + W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}}, \qquad \frac{\partial L}{\partial a_{t}} = \frac{\partial L}{\partial h_{t}} \odot \left(1 - h_{t}^{2}\right), \qquad \frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \frac{\partial L}{\partial a_{t}} h_{t-1}^{\top}"#,
            "backward equations, relu": #"\frac{\partial L}{\partial h_{t}} = G_{t} + W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}}, \qquad \frac{\partial L}{\partial a_{t}} = \frac{\partial L}{\partial h_{t}} \odot \left[a_{t} > 0\right], \qquad \frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \frac{\partial L}{\partial a_{t}} h_{t-1}^{\top}"#,
            "summary": "A vanilla RNN unrolled over time: one weight matrix reused at every step",
            "title": "A vanilla RNN, unrolled over time",
            "default.summary": "“e l l”: the same letter twice gives two different hidden states",
            "default.story": #"""
                The seed notes' character-level language model reads “hello” one letter at a time. Here it \#
                reads “e”, “l”, “l”, each as a *one-hot* vector: a 1 in the letter's column and 0 elsewhere, \#
                with the columns standing for h, e and l (inputs 1, 2, 3). Steps 2 and 3 get exactly the same \#
                input, yet their hidden states differ: $h_{2}$ and $h_{3}$ also carry what came before. That \#
                memory is what lets a language model built on $h_{t}$ predict a different next letter after \#
                each “l” (“l” after the first, “o” after the second, in “hello”); the output layer that would \#
                turn $h_{t}$ into those predictions is not part of this lesson.
                """#,
            "alternative relu": "the RNN with relu instead of tanh",
            "alternative tanh": "the RNN with tanh instead of relu",
            "why": #"""
                A recurrent neural network reads a sequence one element at a time and keeps a **hidden state** \#
                $h_{t}$, a vector that summarizes everything read so far. At every step the same cell combines the \#
                new input $x_{t}$ with the previous state $h_{t-1}$ through the **same** weights: the network is one \#
                small function applied again and again, which is why it can read sequences of any length.
                """#,
            "unrolling": #"""
                “Unrolling” means drawing (and computing) that loop as a chain, one copy of the cell per time step. \#
                The chain also shows the vanilla RNN's weakness (seed notes 002): the gradient that flows from \#
                $h_{T}$ back to $h_{1}$ is multiplied by $W_{hh}$ and by the derivative of the nonlinearity once per \#
                step, so over long sequences it shrinks to nothing or blows up. The LSTM (`lesson lstm-gates`) and \#
                the GRU (`lesson gru`) were built to fix that.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                a_{t} &= W_{ih}\, x_{t} + b_{ih} + W_{hh}\, h_{t-1} + b_{hh} \\
                h_{t} &= «f»(a_{t})
                \end{aligned}
                """#,
            "symbols, tanh": #"""
                $a_{t}$ is the **pre-activation**, the weighted sum before the nonlinearity; \#
                $\tanh(z) = (e^{z} - e^{-z})/(e^{z} + e^{-z})$ squashes any number into (−1, 1).
                """#,
            "symbols, relu": #"""
                $a_{t}$ is the **pre-activation**, the weighted sum before the nonlinearity; \#
                $\operatorname{relu}(z) = \max(0, z)$ keeps positive numbers and sets negative ones to 0.
                """#,
            "convention": #"""
                **Convention.** This is `torch.nn.RNN` with `nonlinearity="«nonlinearity»"`: vectors are columns, \#
                $W_{ih}$ is hidden × input and $W_{hh}$ is hidden × hidden, and there are two biases whose sum is the \#
                one bias of the textbook. Notes that use row vectors (seed 004: $h_{t} = \tanh(x_{t} W_{x} + h_{t-1} W + b)$) \#
                store the transposed matrices, $W_{x} = W_{ih}^{\top}$ and $W = W_{hh}^{\top}$, and compute the same numbers.
                """#,
            "hidden holds": "$h_{t}$",
            "heading steps": "Step by step",
            "steps": "Each step does the same two things: a weighted sum of the new input and the old state, then the nonlinearity.",
            "heading summary": "Summary",
            "figure h": "Hidden state over time",
            "panel h": "hidden state h",
            "figure h, description, tanh": "The hidden state at each time step, one line per unit, on −1 to 1 (tanh's range). The numbers are in the table below.",
            "figure h, description, relu": "The hidden state at each time step, one line per unit. The numbers are in the table below.",
            "notice": #"""
                The last hidden state $h_{«T»}$ is what a many-to-one task (say, sentiment of a sentence) would \#
                feed to its output layer; a many-to-many task (tagging, language modelling) uses every $h_{t}$. Two \#
                things to notice: every row was computed with the same $W_{ih}$, $W_{hh}$ and biases, and each \#
                $h_{t}$ depends on all the inputs before it only through $h_{t-1}$.
                """#,
        ])
}
