// The words of the examples taken from published sources and the seed notes: each example's
// one-line summary and the story that tells a student what the source printed and what to watch.

import TraceCore

let sourceWords = Words(text: [
    "ai-by-hand.summary": "Tom Yeh's “AI by hand” RNN with relu, as worked out on AI Stack Exchange: h₁ = [3, 6], h₂ = [1, 17]",
    "ai-by-hand.story": #"""
        A hand-calculation exercise by Tom Yeh (“AI by hand”), worked out in the answer to AI Stack \#
        Exchange question 45724, “Can anyone please explain the recurrent neural network calculation \#
        shown in the image?”: a relu RNN with one input number and two hidden units, input weights \#
        $[1, 2]^{\top}$, recurrent weights with rows $[1, -1]$ and $[1, 1]$, no bias, $h_{0} = 0$, \#
        and inputs 3 then 4. The answer prints $h_{1} = [3, 6]$ and $h_{2} = [1, 17]$; they are checked \#
        below. (Its output layer $y_{t} = [-1, 1] \cdot h_{t}$, giving 3 and 16, is not part of this lesson; \#
        the answer also uses the letter V for two different matrices.)
        """#,
    "seed-toy.summary": "the seed notes' scalar RNN h₃ = tanh(2x₃ + 3 tanh(2x₂ + 3h₁ + 1) + 1)",
    "seed-toy.story": #"""
        Seed notes 002 explain vanishing and exploding gradients with a scalar RNN: $W_{xh} = 2$, \#
        $W_{hh} = 3$, $b = 1$, unrolled as $h_{3} = \tanh(2x_{3} + 3\tanh(2x_{2} + 3h_{1} + 1) + 1)$. The notes \#
        give no numbers for $x$ and $h_{1}$; this example takes $h_{1} = 0.1$ (this note's initial state \#
        $h_{0}$), $x_{2} = 0.5$ and $x_{3} = -0.5$. Each step multiplies the previous state by $W_{hh} = 3$ \#
        before the tanh; the gradient of $h_{3}$ with respect to $h_{1}$ is the product of \#
        $3 \cdot \tanh'(a_{t})$ over the steps: up to 3 per step where the tanh is not saturated \#
        ($\tanh'(0) = 1$), far less where it is.
        """#,
    "seed-toy.backward": #"""
        $G$ is 1 on the last state only, so $L = h_{2}$: the backward pass below is the seed's \#
        $\partial h_{3} / \partial h_{1}$, written here as $\partial h_{2} / \partial h_{0}$ (this note's $h_{0}$, $x_{1}$, $x_{2}$ are the \#
        seed's $h_{1}$, $x_{2}$, $x_{3}$), and $\frac{\partial L}{\partial h_{0}}$ at the end is that derivative.
        """#,
    "gomez-2016.summary": "Aidan Gomez's numerical LSTM example (2016): two steps, hidden size 1",
    "gomez-2016.story": #"""
        Aidan Gomez's “Backpropogating an LSTM: A Numerical Example” (2016) runs a one-unit LSTM on two \#
        inputs, $x_{0} = [1, 2]$ and $x_{1} = [0.5, 3]$, with one weight row, one recurrent weight and one \#
        bias per gate. The post lists its gates in the order a (the candidate, PyTorch's $g$), i, f, o; \#
        here they are stacked in PyTorch's order i, f, g, o, and its single bias per gate is $b_{ih}$ \#
        ($b_{hh} = 0$). The post's step 0 is this note's $t = 1$. Its numbers are \#
        checked from the reproduction in Jae Duk Seo's “Back to Basics: Deriving Back Propagation on simple \#
        RNN/LSTM (feat. Aidan Gomez)” (2018). Two were computed from the post's own printed numbers, and \#
        the verdict finds which: the state $0.78572$ (exactly 0.785726, which rounds to 0.78573) from the \#
        printed $i$ and $g$, and the last output $out_{1} = 0.77197$ (exactly 0.771981) from the printed \#
        $h_{1}$ and state 1.5176, cut to 5 decimals.
        """#,
    "click4ai.summary": "a GRU practice problem (click4ai) that uses colah's update gate and 3-decimal rounding",
    "click4ai.story": #"""
        The GRU-cell practice problem of the click4ai site concatenates $[x_{t}, h_{t-1}]$ and multiplies \#
        by one 2 × 4 matrix per gate, without biases, from $x = [1.0, 0.5]$ and $h_{0} = 0$. The first two \#
        columns of each matrix are rows of $W_{ih}$ here, the last two rows of $W_{hh}$. It blends \#
        with $h_{t} = (1 - z) \odot h_{t-1} + z \odot \hat{h}$ ($\hat{h}$ is $n_{t}$ here), colah's convention (the \#
        update gate takes the candidate), and it resets before the matrix product. It prints every value to 3 decimals, and three \#
        of them are off in the last decimal. Two are slips that no rounding gives: $\tanh(0.55) = 0.50052$ is \#
        printed 0.500 and $\tanh(0.35) = 0.3364$ is printed 0.337. The third, $h_{1} = [0.300, 0.198]$, was \#
        multiplied from the problem's own printed numbers (0.587 · 0.337 = 0.1978), where the exact second \#
        entry rounds to 0.197.
        """#,
    "illustrated-self-attention.summary": "Raimi Karim's “Illustrated: Self-Attention”: 3 inputs × 4 dims, scores without the √d_k",
    "illustrated-self-attention.story": #"""
        Raimi Karim's “Illustrated: Self-Attention” (Towards Data Science) works through three inputs of \#
        4 numbers, $[1, 0, 1, 0]$, $[0, 2, 0, 2]$ and $[1, 1, 1, 1]$, with 4 × 3 query, key and value \#
        weights, in the same row convention as this lesson. Its scores $Q K^{\top}$ are checked below and \#
        hold. But the article does **not** divide by $\sqrt{d_{k}}$: its softmax weights (as printed by its \#
        PyTorch code, e.g. 0.063379 and 0.46831 for input 1) are the softmax of the raw scores, so they \#
        fail here, and the verdict names the reason. (Its final outputs, such as $[2.0, 7.0, 1.5]$, were \#
        then computed from a softmax rounded by hand to $[0.0, 0.5, 0.5]$; they are not claimed.)
        """#,
    "machine-learning-mastery.summary": "Machine Learning Mastery's table for “I am a robot”: base 100, d_model = 4",
    "machine-learning-mastery.story": #"""
        Machine Learning Mastery's “A Gentle Introduction to Positional Encoding in Transformer Models, \#
        Part 1” encodes the four words of “I am a robot” with $d_{\text{model}} = 4$ and the base 100 (the \#
        article's $n$) instead of 10000, so that the slow pair of columns turns visibly: its angles are $pos/10$. It \#
        prints the whole 4 × 4 matrix to 8 decimals from its NumPy code; rows 2 and 4 are checked here.
        """#,
    "raschka-llm-from-scratch.summary": "Sebastian Raschka's layer-norm walk-through (Build a Large Language Model From Scratch, ch. 4)",
    "raschka-llm-from-scratch.story": #"""
        Chapter 4 of Sebastian Raschka's *Build a Large Language Model (From Scratch)* normalizes two rows \#
        of 6 activations by hand before defining its LayerNorm class. That walk-through uses `var()`'s \#
        default, the **unbiased** variance, and no $\epsilon$, so this example divides by $d_{\text{model}} - 1$ \#
        with a negligible $\epsilon = 10^{-12}$. The book printed its inputs to 4 decimals but computed from \#
        the unrounded ones, which moves the normalized values by up to 3e-4; those claims are checked to 5e-4. (The LayerNorm class the chapter defines next uses the biased variance and $\epsilon = 10^{-5}$, \#
        as PyTorch does, and would give visibly different numbers, e.g. 0.6746 for the first entry.)
        """#,
], korean: sourceKorean)
