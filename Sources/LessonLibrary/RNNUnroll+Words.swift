// The words of rnn-unroll: what each value means and the story around the equations.
// Keys are value names with «t» for the step, or names for the paragraphs; «f» is the
// nonlinearity's LaTeX symbol, «nonlinearity» its name in the input, «T» the last step.

import TraceCore

extension RNNUnroll {
    static let words = Words(
        captions: [
            "a[t].grad, tanh": ("gradient of the pre-activation",
                                #"$\tanh' = 1 - h_{t}^{2}$ scales each unit's gradient: near 0 where $h_{t}$ is near ±1 (saturated), near 1 where it is near 0."#),
            "a[t].grad, tanh, one unit": ("gradient of the pre-activation",
                                #"$\tanh' = 1 - h_{t}^{2}$ scales the gradient: near 0 where $h_{t}$ is near ±1 (saturated), near 1 where it is near 0."#),
            "a[t].grad, relu": ("gradient of the pre-activation",
                                #"relu′ passes the gradient where a unit was on ($a_{t} > 0$) and blocks it where it was off."#),
            "a[t]": ("pre-activation", #"Each unit's weighted sum of the input and the previous state, plus both biases."#),
            "h[t], tanh": ("hidden state", #"$\tanh$ squashes each sum into (−1, 1), so the state stays bounded however long the sequence."#),
            "h[t], relu": ("hidden state", "relu keeps positive sums and sets negative ones to 0; unlike tanh, it does not bound the state."),
        ],
        text: [
            "vanishing.summary": "twenty steps, the loss on the last state only: the gradient vanishes on its way back",
            "vanishing.story": #"""
                Twenty numbers, one per step, read by a two-unit tanh RNN. The loss sees only the last state \#
                $h_{20}$, as when a sentence is classified from its last state; its backward pass shows how \#
                little of the gradient reaches the first steps: the vanishing gradient of seed 002. The LSTM \#
                lesson reads the same sequence and keeps it.
                """#,
            "one unit chain": #"""
                With one unit, the gradient that reaches $h_{0}«sup»$ from the last state is a product of one factor \#
                per step, each the tanh's slope times $«Whh»$: $\frac{\partial h_{«T»}«sup»}{\partial h_{0}«sup»} = «symbols» = «numbers» = «product»$.
                """#,
            "gradient saturated": "«units» is near ±1, saturated: «values», so it passes almost nothing back.",
            "gradient saturated, several": "«units» are near ±1, saturated: «values», so they pass almost nothing back.",
            "gradient off": "«units» is off: «values», so it passes nothing back.",
            "gradient off, several": "«units» are off: «values», so they pass nothing back.",
            "slope here": #"Here $\tanh' = «slope»$."#,
            "chain shrinks": "Each factor $\\tanh' \\cdot «Whh»$ here («factors») is below 1 in size, so each step back shrinks the gradient: it vanishes.",
            "chain grows": "Each factor here («factors») is above 1 in size, so each step back enlarges the gradient: it explodes.",
            "chain mixed": "Some factors here («factors») are below 1 in size and some above: the gradient shrinks at some steps and grows at others.",
            "one unit bound": #"Since $\tanh' \le 1$, the product is at most $|«Whh»|^{«T»} = «w»^{«T»} = «bound»$ in size, reached when no step saturates ($a_{t}«sup»$ near 0): with $|«Whh»| > 1$ the same network explodes on inputs that keep the tanh unsaturated, and vanishes on inputs that saturate it."#,
            "one unit chain, relu": #"""
                With one unit, the gradient that reaches $h_{0}«sup»$ from the last state is a product of one factor \#
                per step, each relu's slope (1 or 0) times $«Whh»$: $\frac{\partial h_{«T»}«sup»}{\partial h_{0}«sup»} = «symbols» = «numbers» = «product»$.
                """#,
            "backward equations, tanh": #"\frac{\partial L}{\partial h_{t}} = G_{t} + W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}}, \qquad \frac{\partial L}{\partial a_{t}} = \frac{\partial L}{\partial h_{t}} \odot \left(1 - h_{t}^{2}\right), \qquad \frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \frac{\partial L}{\partial a_{t}} h_{t-1}^{\top}"#,
            "backward equations, relu": #"\frac{\partial L}{\partial h_{t}} = G_{t} + W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}}, \qquad \frac{\partial L}{\partial a_{t}} = \frac{\partial L}{\partial h_{t}} \odot \left[a_{t} > 0\right], \qquad \frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \frac{\partial L}{\partial a_{t}} h_{t-1}^{\top}"#,
            "summary": "A vanilla RNN unrolled over time: one weight matrix reused at every step",
            "title": "A vanilla RNN, unrolled over time",
            "default.summary": "“e l l”: the same letter twice gives two different hidden states",
            "default.story": #"""
                The seed notes' character-level language model reads “hello” one letter at a time. Here it \#
                reads the slide's steps 2 to 4, “e”, “l”, “l”, each a *one-hot* vector over h, e and l (inputs \#
                1, 2, 3; the slide's last letter, “o”, is only ever predicted). So the slide's steps 3 and 4 \#
                are steps 2 and 3 here: the same input, two different states, because $h_{t}$ also carries what \#
                came before.
                """#,
            "alternative relu": "the RNN with relu instead of tanh",
            "alternative tanh": "the RNN with tanh instead of relu",
            "why": #"""
                A recurrent network reads a sequence one element at a time and keeps a **hidden state** $h_{t}$ \#
                that summarizes what it has read. Every step applies the same cell, with the **same** weights, to \#
                the new input $x_{t}$ and the previous state $h_{t-1}$, so it reads sequences of any length. \#
                Unrolled, the loop becomes a chain with one copy of the cell per step; going back along that \#
                chain, a gradient is multiplied by $W_{hh}^{\top}$ and the nonlinearity's slope once per step.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                a_{t} &= W_{ih}\, x_{t} + b_{ih} + W_{hh}\, h_{t-1} + b_{hh} \\
                h_{t} &= «f»(a_{t})
                \end{aligned}
                """#,
            "symbols, tanh": #"""
                $a_{t}$ is the **pre-activation**; $\tanh(z) = (e^{z} - e^{-z})/(e^{z} + e^{-z})$ lies in (−1, 1). \#
                **Convention**: `torch.nn.RNN`, column vectors, $W_{ih}$ (H × I) and $W_{hh}$ (H × H) \#
                multiplying from the left, and two biases where one would do.
                """#,
            "symbols, relu": #"""
                $a_{t}$ is the **pre-activation**; $\operatorname{relu}(z) = \max(0, z)$. **Convention**: \#
                `torch.nn.RNN` with relu, column vectors, $W_{ih}$ (H × I) and $W_{hh}$ (H × H) multiplying \#
                from the left, and two biases where one would do.
                """#,
            "hidden holds": "$h_{t}$",
            "heading steps": "Step by step",
            "h saturated": #"«units» is near ±1, where tanh is flat: «values»."#,
            "h saturated, several": #"«units» are near ±1, where tanh is flat: «values»."#,
            "h off": #"«units» is off: «values», so relu gives 0."#,
            "h off, several": #"«units» are off: «values», so relu gives 0."#,
            "heading summary": "Summary",
            "figure h": "Hidden state over time",
            "panel h": "hidden state h",
            "figure h, description, tanh": "One line per unit, on tanh's range −1 to 1; the numbers are in the table below.",
            "figure h, description, relu": "One line per unit; the numbers are in the table below.",
            "notice": #"""
                A many-to-one task (the sentiment of a sentence) would pass the last state $«hT»$ to its \#
                output layer; a many-to-many task (tagging, language modelling) uses every $«ht»$.
                """#,
            "slide same input": #"Seed 002: “Steps 3 and 4 both read ‘l’, yet must predict different letters.”"#,
            "same input, other state": #"Confirmed for the states: $x_{«s»} = x_{«t»}$, yet $h_{«s»}«sup» = «hs»$ and $h_{«t»}«sup» = «ht»$ differ, which is what lets an output layer predict different letters."#,
            "same input, same state": #"Refuted here: $x_{«s»} = x_{«t»}$ and $h_{«s»}«sup» = h_{«t»}«sup» = «hs»$, so the state does not tell them apart."#,
            "slide row form": #"Seed 004: “$h_{t} = \tanh(x_{t} W_{x} + h_{t-1} W + b)$.”"#,
            "row form": #"Confirmed, transposed: with $W_{x} = «WihT»$, $W = «WhhT»$ and $b = b_{ih}«sup» + b_{hh}«sup»$, the row $x_{1} W_{x} + b = «row»$ is $«Wih» x_{1} + b_{ih}«sup» + b_{hh}«sup»$ laid on its side, so every $h_{t}«sup»$ comes out the same."#,
            "slide powers": #"Seed 002: “From $h_{3}$ back to $h_{1}$ the gradient is multiplied by $\tanh'$, $W_{hh}$ (3), $\tanh'$, $W_{hh}$ (3): amplified by $W_{hh}$'s powers; by 0.2 tiny, by 3 huge.”"#,
            "powers, only when": #"Only when «condition»: here $«Whh» = «w»$, yet each step back multiplies by $«slope» «Whh»$ = «factors», so $\partial h_{«T»}«sup» / \partial h_{0}«sup» = «product»$: it vanishes."#,
            "powers, unsaturated": #"With every $a_{t}«sup» = 0$«inputs», each factor would be $«Whh»$ itself and the product $«w»^{«T»} = «bound»$: amplified."#,
            "unsaturated inputs": " (as for «inputs»)",
            "list two inputs": "$x_{1} = «x1»$ and $x_{2} = «x2»$",
            "list inputs": #"$x_{1} = «x1»$ and $x_{2} = \dots = x_{«T»} = «xt»$"#,
            "powers, shrinks": #"Confirmed, the small-$W_{hh}$ case: with $«Whh» = «w»$, each step back multiplies by $«slope» «Whh»$ = «factors», so $\partial h_{«T»}«sup» / \partial h_{0}«sup» = «product»$: it vanishes."#,
            "powers, grows": #"Confirmed: with $«Whh» = «w»$, each step back multiplies by $«slope» «Whh»$ = «factors», so $\partial h_{«T»}«sup» / \partial h_{0}«sup» = «product»$: it explodes."#,
            "condition, tanh": "the tanh is not saturated",
            "condition, relu": "the unit stays on",
            "powers, bound": #"Confirmed, the small-$W_{hh}$ case: each step back multiplies the gradient by $«WhhT»$ and the slopes $1 - «hsq»$, at most $\lVert «Whh» \rVert_{F} = «norm»$ times the largest slope, so what travels from $h_{«T»}«sup»$ back to $h_{0}«sup»$ keeps at most $«bound»$ of its size."#,
        ],
        korean: korean)
}
