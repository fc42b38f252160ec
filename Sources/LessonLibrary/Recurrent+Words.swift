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
        "grad_output": ("Gradient of the loss", #"The loss is $L = \sum_{t} G_{t} \cdot «h»$: row t, $G_{t}$, is the loss's own share of $\frac{\partial L}{\partial «h»}$; later steps add theirs below."#),
        "h[t].grad": ("gradient of the hidden state", #"The loss's own share «Gt», plus what step «next step» passes back through $«WhhT»$."#),
        "h[t].grad, last": ("gradient of the hidden state", #"No later step uses $«h_t»«sup»$, so its gradient is the loss's share «G» alone."#),
        "h[t].grad, cut": ("gradient of the hidden state", #"Only the loss's share «G»: $«h_t»«sup»$ entered step «t+1» detached (truncated BPTT), so nothing flows back from there."#),
        "c[t].grad": ("gradient of the cell state", #"Two paths reach $c_{t}$: through $h_{t} = o_{t} \odot \tanh(c_{t})$, and from $c_{«next»}$ multiplied by the forget gate $f_{«next»}$ alone."#),
        "c[t].grad, last": ("gradient of the cell state", #"Only through $«h_t»«sup» = «o_t»«sup» \odot \tanh(«c_t»«sup»)$: no later step uses $«c_t»«sup»$."#),
        "c[t].grad, cut": ("gradient of the cell state", #"Only through $«h_t»«sup»$: $«c_t»«sup»$ entered step «t+1» detached (truncated BPTT), so nothing flows back from there."#),
        "weight_ih_l0.grad": ("gradient of the input weights", #"One term $\frac{\partial L}{\partial «a»} x_{t}^{\top}$ per step, summed: the same $«Wih»$ acted at every step."#),
        "weight_hh_l0.grad": ("gradient of the recurrent weights", #"One term $\frac{\partial L}{\partial «ah»} «hT»$ per step, summed: backpropagation through time."#),
        "weight_hh_l0.grad, zero h0": ("gradient of the recurrent weights", #"One term $\frac{\partial L}{\partial «ah»} «hT»$ per step, summed: backpropagation through time. $«h0» = 0$, so step 1 adds nothing."#),
        "bias_ih_l0.grad": ("gradient of the input bias", #"The sum of $\frac{\partial L}{\partial «a»}$ over the steps: the bias is added at every step."#),
        "bias_hh_l0.grad": ("gradient of the recurrent bias", #"The same sum as for $b_{ih}«sup»$: the two biases are added side by side, so they always get the same gradient."#),
        "bias_hh_l0.grad, gru": ("gradient of the recurrent bias", #"Rows r and z: the same sums as for $b_{ih}«sup»$. Rows n differ: $b_{hn}«sup»$ sits inside $r_{t}«sup» \odot (W_{hn}«sup» h_{t-1}«sup» + b_{hn}«sup»)$, so each step's share is scaled by the reset gate."#),
        "bias_hh_l0.grad, gru, reset before": ("gradient of the recurrent bias", #"Rows r and z: the same sums as for $b_{ih}«sup»$. Rows n are the same sums too: with the reset gate before the product, $b_{hn}«sup»$ is added beside $W_{in}«sup» x_{t} + b_{in}«sup»$."#),
        "h0.grad": ("gradient of the initial hidden state", #"What reaches the start of the sequence: step 1 passes back $W_{hh}^{\top} \frac{\partial L}{\partial a_{1}}$."#),
        "h0.grad, layers": ("gradient of the initial hidden state", #"Row l is what reaches the start of layer l's steps: its step 1 passes back $W_{hh}^{(l)\top} \frac{\partial L}{\partial a_{1}^{(l)}}$."#),
        "h0.grad, gru": ("gradient of the initial hidden state", #"What reaches the start of the sequence from step 1: directly through the update gate, and through $W_{hh}$ into both gates and the candidate."#),
        "h0.grad, gru, layers": ("gradient of the initial hidden state", #"Row l is what reaches the start of layer l's steps from its step 1: directly through its update gate, and through $W_{hh}^{(l)}$ into its gates and candidate."#),
        "c0.grad": ("gradient of the initial cell state", #"What reaches the start along the cell state: $\frac{\partial L}{\partial c_{1}} \odot f_{1}$."#),
        "c0.grad, layers": ("gradient of the initial cell state", #"Row l is what reaches the start of layer l's cell state: $\frac{\partial L}{\partial c_{1}^{(l)}} \odot f_{1}^{(l)}$."#),
        "input.grad": ("gradient of the input sequence", #"Row t is $«WihT» \frac{\partial L}{\partial «a»}$: how L would change with each input number of step t."#),
    ],
    text: [
        "legend T": "time steps (rows of the input)",
        "legend I": "input size: numbers per step",
        "legend H": "hidden size: numbers in «holds»",
        "per row, stacked": "; rows stacked by gate, «gates», «H» each",
        "per row, one gate": "; one row per gate, «gates»",
        "one-hot": #"$«x»$ is one-hot, so $«Wih» «x»$ is column «j» of $«Wih»$."#,
        "one-hot, every step": #"Each $«x_t»$ is one-hot, so $«Wih» «x_t»$ is the column of $«Wih»$ where $«x_t»$ has its 1 (column «j» for $«x_1»$)."#,
        "zero units, one": #"«units» of $«x»$ is 0, so column «columns» of $«Wih»$ adds nothing."#,
        "zero units": #"«units» of $«x»$ are 0, so columns «columns» of $«Wih»$ add nothing."#,
        "zero input": #"$«x» = 0$, so $«Wih» «x»$ adds nothing."#,
        "zero state": #"$«h-1» = 0$, so $«Whh» «h-1»$ adds nothing."#,
        "units, one": "Unit «u»",
        "units": "Units «list»",
        "units, one, lower": "unit «u»",
        "units, lower": "units «list»",
        "value": "$«symbol» = «v»$",
        "values, two": "$«symbol» = «a»$ and $«b»$",
        "values, range": "$«symbol»$ from «low» to «high»",
        "grad_output ones": "All ones: L is the sum of every entry of every $«h»$.",
        "grad_output last": #"Only row «T» is not 0: the loss sees $«hT»$ alone, so the earlier $G_{t}$ add nothing on the way back."#,
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
        "gradient sizes, every step": "Each step also adds its own share «Gt» of the loss, so this is not the gradient of one output travelling back alone.",
        "shares": #"At every step «parts»«cells»: so these sizes are not those of one output's gradient travelling back alone."#,
        "share, loss": #"the loss adds its share «Gt» to $\frac{\partial L}{\partial «h»}$"#,
        "share, layer above": #"layer «above» passes $«WihT» \frac{\partial L}{\partial «a»}$ down to $\frac{\partial L}{\partial «h»}$"#,
        "share, cell": #" (and through it to $\frac{\partial L}{\partial «c»}$)"#,
        "share, cells": #" (and through each $h_{t}$ to its layer's $c_{t}$)"#,
        "backward equations": "Step by step, from the last:",
        "gradient sizes": #"$\lVert \partial L / \partial «state»_{t}«sup» \rVert$ is $«last»$ at the last step («T») and $«first»$ at step «t»: step «t»'s is $«ratio»$ times step «T»'s."#,
        "gradient sizes, cut": #"Steps 1 to «t» get exactly 0 (not drawn on the log scale): truncated BPTT stops the gradient at a cut, it does not vanish."#,
        "gradient sizes, none": #"Steps 1 to «t» get exactly 0 (not drawn on the log scale): the loss does not depend on them."#,
        "input gradients": #"""
            The same weights act at each of the «T» steps, so each weight's gradient is a sum of «T» terms, \#
            one per step, written out term by term below.
            """#,
        "repeats step": "step",
        "repeats steps": "steps",
        "repeats same work": "repeat the same computation on the next inputs",
        "repeats results shown": "the summary below shows their results",
        "repeats same work, generated": "feed the character chosen back in the same way",
        "repeats results shown, generated": "the figure below shows their distributions",
        "repeats same work, back": "pass the gradient back in the same way",
        "repeats results shown, back": "the figure below shows the size of their gradients",
    ],
    korean: recurrentKorean)

extension Repeats {
    /// The time steps of a recurrent lesson, whose summary table shows every step.
    static var timeSteps: Repeats {
        Repeats(singular: recurrentWords("repeats step"), plural: recurrentWords("repeats steps"), counter: "t",
                sameWork: recurrentWords("repeats same work"), resultsShown: recurrentWords("repeats results shown"))
    }
    /// The steps of a generated text (char-lm): each reads the character chosen at the step before.
    static var generatedSteps: Repeats {
        Repeats(singular: recurrentWords("repeats step"), plural: recurrentWords("repeats steps"), counter: "t",
                sameWork: recurrentWords("repeats same work, generated"), resultsShown: recurrentWords("repeats results shown, generated"))
    }
    /// The time steps of the backward pass, last first.
    static var stepsBack: Repeats {
        Repeats(singular: recurrentWords("repeats step"), plural: recurrentWords("repeats steps"), counter: "t",
                sameWork: recurrentWords("repeats same work, back"), resultsShown: recurrentWords("repeats results shown, back"),
                countsDown: true)
    }
}

/// The slots of time step t: «t» and «t-1».
func stepSlots(_ t: Int) -> [String: String] { ["t": "\(t)", "t-1": "\(t - 1)"] }
