// The words the three recurrent lessons share: their inputs' captions, the legend, the time steps.

import TraceCore

let recurrentWords = Words(
    captions: [
        "input": ("Input sequence", #"Row t is $x_{t}$."#),
        "weight_ih_l0": ("Input weights", #"Multiplies $x_{t}$«per row»."#),
        "weight_hh_l0": ("Recurrent weights", #"Multiplies $h_{t-1}$, the same matrix at every step."#),
        "bias_ih_l0": ("Input bias", ""),
        "bias_hh_l0": ("Recurrent bias", #"Only the sum $b_{ih} + b_{hh}$ matters."#),
        "h0": ("Initial hidden state", ""),
        "c0": ("Initial cell state", ""),
        "grad_output": ("Gradient of the loss", #"The loss is $L = \sum_{t} G_{t} \cdot h_{t}$: row t, $G_{t}$, is the loss's own share of $\frac{\partial L}{\partial h_{t}}$; later steps add theirs below."#),
        "h[t].grad": ("gradient of the hidden state", #"The loss's own share $G_{t}$, plus what step t + 1 passes back through $W_{hh}^{\top}$."#),
        "h[t].grad, last": ("gradient of the hidden state", #"No later step uses $h_{«t»}$, so its gradient is the loss's share $G_{«t»}$ alone."#),
        "h[t].grad, cut": ("gradient of the hidden state", #"Only the loss's share $G_{«t»}$: $h_{«t»}$ entered step «t+1» detached (truncated BPTT), so nothing flows back from there."#),
        "c[t].grad": ("gradient of the cell state", #"Two paths reach $c_{t}$: through $h_{t} = o_{t} \odot \tanh(c_{t})$, and from $c_{t+1}$ multiplied by the forget gate $f_{t+1}$ alone."#),
        "c[t].grad, last": ("gradient of the cell state", #"Only through $h_{«t»} = o_{«t»} \odot \tanh(c_{«t»})$: no later step uses $c_{«t»}$."#),
        "c[t].grad, cut": ("gradient of the cell state", #"Only through $h_{«t»}$: $c_{«t»}$ entered step «t+1» detached (truncated BPTT), so nothing flows back from there."#),
        "weight_ih_l0.grad": ("gradient of the input weights", #"One term $\frac{\partial L}{\partial a_{t}} x_{t}^{\top}$ per step, summed: the same $W_{ih}$ acted at every step."#),
        "weight_hh_l0.grad": ("gradient of the recurrent weights", #"One term $\frac{\partial L}{\partial a_{t}} h_{t-1}^{\top}$ per step, summed: backpropagation through time."#),
        "weight_hh_l0.grad, zero h0": ("gradient of the recurrent weights", #"One term $\frac{\partial L}{\partial a_{t}} h_{t-1}^{\top}$ per step, summed: backpropagation through time. $h_{0} = 0$, so step 1 adds nothing."#),
        "bias_ih_l0.grad": ("gradient of the input bias", #"The sum of $\frac{\partial L}{\partial a_{t}}$ over the steps: the bias is added at every step."#),
        "bias_hh_l0.grad": ("gradient of the recurrent bias", #"The same sum as for $b_{ih}$: the two biases are added side by side, so they always get the same gradient."#),
        "bias_hh_l0.grad, gru": ("gradient of the recurrent bias", #"Rows r and z: the same sums as for $b_{ih}$. Rows n differ: $b_{hn}$ sits inside $r_{t} \odot (W_{hn} h_{t-1} + b_{hn})$, so each step's share is scaled by the reset gate."#),
        "bias_hh_l0.grad, gru, reset before": ("gradient of the recurrent bias", #"Rows r and z: the same sums as for $b_{ih}$. Rows n are the same sums too: with the reset gate before the product, $b_{hn}$ is added beside $W_{in} x_{t} + b_{in}$."#),
        "h0.grad": ("gradient of the initial hidden state", #"What reaches the start of the sequence: step 1 passes back $W_{hh}^{\top} \frac{\partial L}{\partial a_{1}}$."#),
        "c0.grad": ("gradient of the initial cell state", #"What reaches the start along the cell state: $\frac{\partial L}{\partial c_{1}} \odot f_{1}$."#),
        "input.grad": ("gradient of the input sequence", #"Row t is $W_{ih}^{\top} \frac{\partial L}{\partial a_{t}}$: how L would change with each input number of step t."#),
    ],
    text: [
        "legend T": "time steps (rows of the input)",
        "legend I": "input size: numbers per step",
        "legend H": "hidden size: numbers in «holds»",
        "per row, stacked": "; rows stacked by gate, «gates», «H» each",
        "per row, one gate": "; one row per gate, «gates»",
        "one-hot": #"$x_{«t»}$ is one-hot, so $W_{ih} x_{«t»}$ is column «j» of $W_{ih}$."#,
        "one-hot, every step": #"Each $x_{t}$ is one-hot, so $W_{ih} x_{t}$ is the column of $W_{ih}$ where $x_{t}$ has its 1 (column «j» for $x_{1}$)."#,
        "zero state": #"$h_{«t-1»} = 0$, so $W_{hh} h_{«t-1»}$ adds nothing."#,
        "units, one": "Unit «u»",
        "units": "Units «list»",
        "units, one, lower": "unit «u»",
        "units, lower": "units «list»",
        "value": "$«symbol» = «v»$",
        "values, two": "$«symbol» = «a»$ and $«b»$",
        "values, range": "$«symbol»$ from «low» to «high»",
        "grad_output ones": "All ones: L is the sum of every entry of every $h_{t}$.",
        "grad_output last": #"Only row «T» is not 0: the loss sees $h_{«T»}$ alone, so the earlier $G_{t}$ add nothing on the way back."#,
        "backward why": #"""
            Training needs the gradient of a loss $L$ with respect to every weight. The chain rule gives it \#
            from the output back: each value's gradient is the sum, over the places it was used, of what \#
            each use passes back. In a recurrent network those places are the time steps, so the gradient \#
            goes back through time (BPTT), step $T$ first.
            """#,
        "truncated": #"""
            **Truncated BPTT**: the «T» steps are cut into chunks of «k», and the state \#
            entering each chunk after the first is held constant (PyTorch's `h.detach()`). The gradient stops \#
            at each cut; the loss still covers every step.
            """#,
        "truncated, one chunk": "Truncated BPTT in chunks of «k» steps covers all «T» steps in one chunk, so nothing is cut.",
        "heading steps back": "Back through the steps",
        "heading input gradients": "The inputs' gradients: one term per step",
        "check, truncated": #"With truncated BPTT the gradient above is not the derivative of L itself but of L with the state entering each chunk held fixed; so each rerun holds those states at their values from the first run, and the central difference checks that gradient. Without the cuts the derivative differs by what the cuts leave out."#,
        "heading gradient sizes": "The size of the gradient, step by step",
        "figure gradient sizes": "How large the gradient is at each step",
        "panel gradient size": "‖∂L/∂«state»ₜ‖",
        "figure gradient sizes, description": "The length of each state's gradient vector per time step, on a logarithmic scale: a line that falls towards step 1 is a gradient that vanishes on its way back.",
        "gradient sizes, every step": "Each step also adds its own share $G_{t}$ of the loss, so this is not the gradient of one output travelling back alone.",
        "backward equations": "Step by step, from the last:",
        "gradient sizes": #"$\lVert \partial L / \partial «state»_{t}«sup» \rVert$ is $«last»$ at the last step («T») and $«first»$ at step «t»: step «t»'s is $«ratio»$ times step «T»'s."#,
        "gradient sizes, cut": #"Steps 1 to «t» get exactly 0 (not drawn on the log scale): truncated BPTT stops the gradient at a cut, it does not vanish."#,
        "gradient sizes, none": #"Steps 1 to «t» get exactly 0 (not drawn on the log scale): the loss does not depend on them."#,
        "input gradients": #"""
            The same weights act at each of the «T» steps, so each weight's gradient is a sum of «T» terms, \#
            one per step, written out term by term below.
            """#,
    ])

extension Repeats {
    /// The time steps of a recurrent lesson, whose summary table shows every step.
    static let timeSteps = Repeats(singular: "step", plural: "steps", counter: "t",
                                   sameWork: "repeat the same computation on the next inputs",
                                   resultsShown: "the summary below shows their results")
    /// The time steps of the backward pass, last first.
    static let stepsBack = Repeats(singular: "step", plural: "steps", counter: "t",
                                   sameWork: "pass the gradient back in the same way",
                                   resultsShown: "the figure below shows the size of their gradients",
                                   countsDown: true)
}

/// The slots of time step t: «t» and «t-1».
func stepSlots(_ t: Int) -> [String: String] { ["t": "\(t)", "t-1": "\(t - 1)"] }
