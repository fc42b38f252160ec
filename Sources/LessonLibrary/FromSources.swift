// Named examples taken from published sources and from the seed notes, each with the numbers
// the source prints as claims. Where a source's number is misprinted or oddly rounded, the
// claim stays as printed and the verdict in the trace explains it: that is the point.

import JSONFormat
import LessonInput
import TraceCore

extension Example {
    /// An example whose claims come from `source`; each claim is (value, at, expected as printed).
    init(name: String, summary: String, story: String, input: JSON, source: String,
         claims: [(value: String, at: [Double], expected: String, tolerance: Double?)]) {
        let items: [JSON] = claims.map { claim in
            var fields = [JSONMember("value", .string(claim.value))]
            if !claim.at.isEmpty { fields.append(JSONMember("at", .numbers(claim.at))) }
            fields.append(JSONMember("expected", .string(claim.expected)))
            if let tolerance = claim.tolerance { fields.append(JSONMember("tolerance", .number(tolerance))) }
            return .object(fields)
        }
        self.init(name: name, summary: summary, story: story, input: input,
                  claims: .fields(["source": .string(source), "claims": .array(items)]))
    }
}

/// Claims without an explicit tolerance: half a unit in the last printed decimal.
private func printed(_ value: String, _ at: [Double], _ expected: String) -> (value: String, at: [Double], expected: String, tolerance: Double?) {
    (value, at, expected, nil)
}

enum SourcedExamples {
    // MARK: rnn-unroll

    static let rnn = [
        Example(
            name: "ai-by-hand",
            summary: "Tom Yeh's “AI by hand” RNN with relu, as worked out on AI Stack Exchange: h₁ = [3, 6], h₂ = [1, 17]",
            story: #"""
            A hand-calculation exercise by Tom Yeh (“AI by hand”), worked out in the answer to AI Stack \#
            Exchange question 45724, “Can anyone please explain the recurrent neural network calculation \#
            shown in the image?”: a relu RNN with one input number and two hidden units, input weights \#
            $[1, 2]^{\top}$, recurrent weights $\begin{bmatrix} 1 & -1 \\ 1 & 1 \end{bmatrix}$, no bias, $h_{0} = 0$, \#
            and inputs 3 then 4. The answer prints $h_{1} = [3, 6]$ and $h_{2} = [1, 17]$; they are checked \#
            below. (Its output layer $y_{t} = [-1, 1] \cdot h_{t}$, giving 3 and 16, is not part of this lesson; \#
            the answer also uses the letter V for two different matrices.)
            """#,
            input: .fields([
                "input": .rows([[3], [4]]),
                "weight_ih_l0": .rows([[1], [2]]),
                "weight_hh_l0": .rows([[1, -1], [1, 1]]),
                "nonlinearity": .string("relu"),
            ]),
            source: "AI Stack Exchange, question 45724 (answer 45731), on Tom Yeh's “AI by hand” RNN exercise",
            claims: [printed("h[1]", [1], "3"), printed("h[1]", [2], "6"), printed("h[2]", [1], "1"), printed("h[2]", [2], "17")]),
        Example(
            name: "seed-toy",
            summary: "the seed notes' scalar RNN h₃ = tanh(2x₃ + 3 tanh(2x₂ + 3h₁ + 1) + 1)",
            story: #"""
            Seed notes 002 explain vanishing and exploding gradients with a scalar RNN: $W_{xh} = 2$, \#
            $W_{hh} = 3$, $b = 1$, unrolled as $h_{3} = \tanh(2x_{3} + 3\tanh(2x_{2} + 3h_{1} + 1) + 1)$. The notes \#
            give no numbers for $x$ and $h_{1}$; this example takes $h_{1} = 0.1$ (the initial state $h_{0}$ \#
            here, since the trace counts from 0), $x_{2} = 0.5$ and $x_{3} = -0.5$. Each step multiplies the \#
            previous state by $W_{hh} = 3$ before the tanh; the gradient of $h_{3}$ with respect to $h_{1}$ is \#
            the product of $3 \cdot \tanh'(a_{t})$ over the steps, which explodes when the tanh is not saturated \#
            and vanishes when it is (seed notes 002).
            """#,
            input: .fields([
                "input": .rows([[0.5], [-0.5]]),
                "h0": .numbers([0.1]),
                "weight_ih_l0": .rows([[2]]),
                "weight_hh_l0": .rows([[3]]),
                "bias_ih_l0": .numbers([1]),
                "tokens": .strings(["x₂", "x₃"]),
            ])),
    ]

    // MARK: lstm-gates

    static let lstm = [
        Example(
            name: "gomez-2016",
            summary: "Aidan Gomez's numerical LSTM example (2016): two steps, hidden size 1",
            story: #"""
            Aidan Gomez's “Backpropogating an LSTM: A Numerical Example” (2016) runs a one-unit LSTM on two \#
            inputs, $x_{0} = [1, 2]$ and $x_{1} = [0.5, 3]$, with one weight row, one recurrent weight and one \#
            bias per gate. The post lists its gates in the order a (the candidate, PyTorch's $g$), i, f, o; \#
            here they are stacked in PyTorch's order i, f, g, o, and its single bias per gate is `bias_ih_l0` \#
            (`bias_hh_l0` is left out, so zeros). The post's step 0 is this trace's $t = 1$. Its numbers are \#
            checked from the reproduction in Jae Duk Seo's “Back to Basics: Deriving Back Propagation on simple \#
            RNN/LSTM (feat. Aidan Gomez)” (2018). Two were computed from rounded numbers, and the verdict says \#
            so: the state $0.78572$ (exactly 0.785726, which rounds to 0.78573) and the last output \#
            $out_{1} = 0.77197$, from the rounded state 1.5176 (exactly 0.771981).
            """#,
            input: .fields([
                "input": .rows([[1, 2], [0.5, 3]]),
                "weight_ih_l0": .rows([[0.95, 0.8], [0.7, 0.45], [0.45, 0.25], [0.6, 0.4]]),
                "weight_hh_l0": .rows([[0.8], [0.1], [0.15], [0.25]]),
                "bias_ih_l0": .numbers([0.65, 0.15, 0.2, 0.1]),
                "tokens": .strings(["x₀", "x₁"]),
            ]),
            source: "A. Gomez, “Backpropogating an LSTM: A Numerical Example” (2016), as reproduced by J. D. Seo (2018)",
            claims: [
                printed("g[1]", [1], "0.81775"), printed("i[1]", [1], "0.96083"), printed("f[1]", [1], "0.85195"),
                printed("o[1]", [1], "0.81757"), printed("c[1]", [1], "0.78572"), printed("h[1]", [1], "0.53631"),
                printed("i[2]", [1], "0.98118"), printed("c[2]", [1], "1.5176"), printed("h[2]", [1], "0.77197"),
            ]),
    ]

    // MARK: gru

    static let gru = [
        Example(
            name: "click4ai",
            summary: "a GRU practice problem (click4ai) that uses colah's update gate and 3-decimal rounding",
            story: #"""
            The GRU-cell practice problem of the click4ai site concatenates $[x_{t}, h_{t-1}]$ and multiplies \#
            by one 2 × 4 matrix per gate, without biases, from $x = [1.0, 0.5]$ and $h_{0} = 0$. The first two \#
            columns of each matrix are `weight_ih_l0`'s rows here, the last two `weight_hh_l0`'s. It blends \#
            with $h_{t} = (1 - z) \odot h_{t-1} + z \odot \hat{h}$, colah's convention, so the input says \#
            `update_gate: "takes-candidate"`, and it resets before the matrix product (`reset: "before"`), \#
            which makes no difference here because $h_{0} = 0$. It prints every value to 3 decimals, and three \#
            of them are off in the last decimal, as the verdict finds: $\tanh(0.55) = 0.5005$ is printed 0.500, \#
            $\tanh(0.35) = 0.3364$ is printed 0.337, and $h_{1} = [0.300, 0.198]$ was multiplied from rounded \#
            numbers (0.587 · 0.337 = 0.1978) where the exact second entry rounds to 0.197. A minor source, \#
            kept for its convention and its rounding slips.
            """#,
            input: .fields([
                "input": .rows([[1.0, 0.5]]),
                "weight_ih_l0": .rows([[0.2, 0.4], [0.4, 0.1], [0.3, 0.2], [0.1, 0.5], [0.5, 0.1], [0.2, 0.3]]),
                "weight_hh_l0": .rows([[0.3, 0.1], [0.2, 0.3], [0.1, 0.4], [0.3, 0.2], [0.2, 0.3], [0.4, 0.1]]),
                "reset": .string("before"),
                "update_gate": .string("takes-candidate"),
            ]),
            source: "click4ai practice problem “GRU cell” (click4ai.perfionixai.com/problems/gru-cell)",
            claims: [
                printed("z[1]", [1], "0.599"), printed("z[1]", [2], "0.587"), printed("r[1]", [1], "0.599"),
                printed("r[1]", [2], "0.611"), printed("n[1]", [1], "0.500"), printed("n[1]", [2], "0.337"),
                printed("h[1]", [1], "0.300"), printed("h[1]", [2], "0.198"),
            ]),
    ]

    // MARK: attention-qkv

    static let attention = [
        Example(
            name: "illustrated-self-attention",
            summary: "Raimi Karim's “Illustrated: Self-Attention”: 3 inputs × 4 dims, scores without the √d_k",
            story: #"""
            Raimi Karim's “Illustrated: Self-Attention” (Towards Data Science) works through three inputs of \#
            4 numbers, $[1, 0, 1, 0]$, $[0, 2, 0, 2]$ and $[1, 1, 1, 1]$, with 4 × 3 query, key and value \#
            weights, in the same row convention as this lesson. Its scores $Q K^{\top}$ are checked below and \#
            hold. But the article does **not** divide by $\sqrt{d_{k}}$: its softmax weights (as printed by its \#
            PyTorch code, e.g. 0.063379 and 0.46831 for input 1) are the softmax of the raw scores, so they \#
            fail here, and the verdict names the reason. (Its final outputs, such as $[2.0, 7.0, 1.5]$, were \#
            then computed from a softmax rounded by hand to $[0.0, 0.5, 0.5]$; they are not claimed.)
            """#,
            input: .fields([
                "x": .rows([[1, 0, 1, 0], [0, 2, 0, 2], [1, 1, 1, 1]]),
                "w_q": .rows([[1, 0, 1], [1, 0, 0], [0, 0, 1], [0, 1, 1]]),
                "w_k": .rows([[0, 0, 1], [1, 1, 0], [0, 1, 0], [1, 1, 0]]),
                "w_v": .rows([[0, 2, 0], [0, 3, 0], [1, 0, 3], [1, 1, 0]]),
                "tokens": .strings(["input 1", "input 2", "input 3"]),
            ]),
            source: "R. Karim, “Illustrated: Self-Attention”, Towards Data Science (towardsdatascience.com/illustrated-self-attention-2d627e33b20a)",
            claims: [
                printed("scores", [1, 1], "2"), printed("scores", [1, 2], "4"), printed("scores", [2, 2], "16"),
                printed("scores", [3, 3], "10"),
                printed("weights", [1, 1], "0.063379"), printed("weights", [1, 2], "0.46831"),
                printed("weights", [2, 2], "0.98201"),
            ]),
        Example(
            name: "seed-char-softmax",
            summary: "the seed notes' character scores [1.0, 2.2, −3.0, 4.1] → “h 3%, e 13%, l 0%, o 84%”",
            story: #"""
            Seed notes 002 show a character-level language model whose output scores over h, e, l, o are \#
            $[1.0, 2.2, -3.0, 4.1]$, and quote the sampling probabilities “h: 3%, e: 13%, l: 0%, o: 84%”. Those \#
            probabilities are a softmax, the same function attention uses. Here the query of “h” scores the \#
            four keys with exactly those numbers ($X$ is the identity, $d_{k} = 1$, so $\sqrt{d_{k}} = 1$), and \#
            row 1 of the weights is the softmax of the seed's scores. The claims are the percentages as \#
            fractions: 84% and 13% hold, but “3%” is 3.77% **truncated**, not rounded (it would be 4%), and the \#
            verdict says so.
            """#,
            input: .fields([
                "x": .rows([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]),
                "w_q": .rows([[1], [0], [0], [0]]),
                "w_k": .rows([[1.0], [2.2], [-3.0], [4.1]]),
                "w_v": .rows([[1], [0], [0], [0]]),
                "tokens": .strings(["h", "e", "l", "o"]),
            ]),
            source: "seed notes 002 (character-level language model: scores [1.0, 2.2, −3.0, 4.1], “h: 3%, e: 13%, l: 0%, o: 84%”)",
            claims: [
                printed("weights", [1, 1], "0.03"), printed("weights", [1, 2], "0.13"),
                printed("weights", [1, 3], "0.00"), printed("weights", [1, 4], "0.84"),
            ]),
    ]

    // MARK: positional-encoding

    static let positional = [
        Example(
            name: "machine-learning-mastery",
            summary: "Machine Learning Mastery's table for “I am a robot”: n = 100, d = 4",
            story: #"""
            Machine Learning Mastery's “A Gentle Introduction to Positional Encoding in Transformer Models, \#
            Part 1” encodes the four words of “I am a robot” with $d = 4$ and the base written $n = 100$ \#
            instead of 10000, so that the slow pair of columns turns visibly: its angles are $pos/10$. It \#
            prints the whole 4 × 4 matrix to 8 decimals from its NumPy code; rows 2 and 4 are checked here.
            """#,
            input: .fields([
                "positions": .numbers([0, 1, 2, 3]),
                "d_model": .number(4),
                "base": .number(100),
                "tokens": .strings(["I", "am", "a", "robot"]),
            ]),
            source: "Machine Learning Mastery, “A Gentle Introduction to Positional Encoding in Transformer Models, Part 1” (machinelearningmastery.com)",
            claims: [
                printed("PE", [2, 1], "0.84147098"), printed("PE", [2, 2], "0.54030231"),
                printed("PE", [2, 3], "0.09983342"), printed("PE", [2, 4], "0.99500417"),
                printed("PE", [4, 1], "0.14112001"), printed("PE", [4, 2], "-0.9899925"),
                printed("PE", [4, 3], "0.29552021"), printed("PE", [4, 4], "0.95533649"),
            ]),
    ]

    // MARK: layer-norm

    static let layerNorm = [
        Example(
            name: "raschka-llm-from-scratch",
            summary: "Sebastian Raschka's layer-norm walk-through (Build a Large Language Model From Scratch, ch. 4)",
            story: #"""
            Chapter 4 of Sebastian Raschka's *Build a Large Language Model (From Scratch)* normalizes two rows \#
            of 6 activations by hand before defining its LayerNorm class. That walk-through uses `var()`'s \#
            default, the **unbiased** variance, and no $\epsilon$, so the input says `variance: "unbiased"` and \#
            a negligible $\epsilon = 10^{-12}$. The book printed its inputs to 4 decimals but computed from the \#
            unrounded ones, which moves the normalized values by up to 3e-4; those claims carry a tolerance of \#
            5e-4. (The LayerNorm class the chapter defines next uses the biased variance and $\epsilon = 10^{-5}$, \#
            as PyTorch does, and would give visibly different numbers, e.g. 0.6746 for the first entry.)
            """#,
            input: .fields([
                "input": .rows([[0.2260, 0.3470, 0, 0.2216, 0, 0], [0.2133, 0.2394, 0, 0.5198, 0.3297, 0]]),
                "eps": .number(1e-12),
                "variance": .string("unbiased"),
            ]),
            source: "S. Raschka, Build a Large Language Model (From Scratch), chapter 4, section 4.2 (rasbt/LLMs-from-scratch, ch04.ipynb)",
            claims: [
                printed("mean", [1], "0.1324"), printed("mean", [2], "0.2170"),
                printed("var", [1], "0.0231"), printed("var", [2], "0.0398"),
                ("normalized", [1, 1], "0.6159", 5e-4), ("normalized", [1, 2], "1.4126", 5e-4),
                ("normalized", [1, 3], "-0.8719", 5e-4), ("normalized", [2, 4], "1.5173", 5e-4),
            ]),
    ]
}
