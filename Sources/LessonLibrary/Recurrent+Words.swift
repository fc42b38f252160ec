// The words the three recurrent lessons share: their inputs' captions, the legend, the time steps.

import TraceCore

let recurrentWords = Words(
    captions: [
        "input": ("Input sequence", #"Row t is $x_{t}$, the input at time step t; column j is its input number j."#),
        "weight_ih_l0": ("Input weights", #"Multiplies $x_{t}$: «per row»; column j multiplies input number j."#),
        "weight_hh_l0": ("Recurrent weights", #"Multiplies the previous hidden state $h_{t-1}$, the same matrix at every step: «per row»; column j multiplies unit j of $h_{t-1}$."#),
        "bias_ih_l0": ("Input bias", #"Added with $W_{ih} x_{t}$."#),
        "bias_hh_l0": ("Recurrent bias", #"Added with $W_{hh} h_{t-1}$; PyTorch keeps two biases where the equations need only their sum."#),
        "h0": ("Initial hidden state", "The hidden state before the first step."),
        "c0": ("Initial cell state", "The cell state before the first step."),
    ],
    text: [
        "legend T": "time steps (rows of the input)",
        "legend I": "input size: numbers per step",
        "legend H": "hidden size: numbers in «holds»",
        "per row, one unit": "one row per hidden unit",
        "per row, stacked": "one row per gate and unit, stacked by gate («gates», «H» rows each)",
        "per row, one gate": "one row per gate, stacked by gate («gates», 1 row each)",
        "bias left out": "Not in the input, so zeros (a new PyTorch module starts with random biases; an input that leaves them out means zero).",
        "state left out": "Not in the input, so zeros, as in PyTorch when no initial state is passed.",
    ])

extension Repeats {
    /// The time steps of a recurrent lesson, whose summary table shows every step.
    static let timeSteps = Repeats(singular: "step", plural: "steps", counter: "t",
                                   sameWork: "repeat the same computation on the next inputs",
                                   resultsShown: "the summary below shows their results")
}

/// The slots of time step t: «t» and «t-1».
func stepSlots(_ t: Int) -> [String: String] { ["t": "\(t)", "t-1": "\(t - 1)"] }
