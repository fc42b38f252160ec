// The words of birnn: what each value means and the story around the equations. Slots: «T» the
// positions; «fh1», «bh1», … the two directions' states as symbols (→h_1, ←h_1); «f1», «b1» their
// numbers as a sentence shows them; «cell», «lesson» the cell and the lesson that computes it.

import TraceCore

extension BiRNN {
    static let words = Words(
        captions: [
            "input": ("Input sequence", #"Row t is $x_{t}$. Both directions read these same rows, the forward one from the top, the reverse one from the bottom."#),
            "h0": ("Initial hidden states", #"PyTorch's `h0` of a bidirectional layer, 2 × H: row 1 is the forward direction's start, $«fh0»$; row 2 the reverse direction's, $«bh0»$, the state it has before it reads $x_{«T»}$."#),
            "c0": ("Initial cell states", #"Row 1 is $«fc0»$, where the forward direction's cell state starts; row 2 is $«bc0»$, the reverse direction's."#),
            "forward weight_ih_l0": ("Forward input weights", #"Multiply $x_{t}$ in the forward direction«per row»."#),
            "forward weight_hh_l0": ("Forward recurrent weights", #"Multiply $\overrightarrow{h_{t-1}}$, the state of the position to the left: the forward direction carries what it has read rightwards."#),
            "forward bias_ih_l0": ("Forward input bias", ""),
            "forward bias_hh_l0": ("Forward recurrent bias", #"Only the sum $\overrightarrow{b_{ih}} + \overrightarrow{b_{hh}}$ matters."#),
            "forward bias_hh_l0, gru": ("Forward recurrent bias", #"In rows r and z only $\overrightarrow{b_{ih}} + \overrightarrow{b_{hh}}$ matters; $\overrightarrow{b_{hn}}$ is scaled by the reset gate."#),
            "reverse weight_ih_l0": ("Reverse input weights", #"The reverse direction's own: they multiply the same $x_{t}$ with other numbers«per row»."#),
            "reverse weight_hh_l0": ("Reverse recurrent weights", #"Multiply $\overleftarrow{h_{t+1}}$, the state of the position to the right: the reverse direction carries what it has read leftwards."#),
            "reverse bias_ih_l0": ("Reverse input bias", ""),
            "reverse bias_hh_l0": ("Reverse recurrent bias", #"Only the sum $\overleftarrow{b_{ih}} + \overleftarrow{b_{hh}}$ matters."#),
            "reverse bias_hh_l0, gru": ("Reverse recurrent bias", #"In rows r and z only $\overleftarrow{b_{ih}} + \overleftarrow{b_{hh}}$ matters; $\overleftarrow{b_{hn}}$ is scaled by the reset gate."#),
            "output": ("output", #"Row t is $«fht»$ followed by $«bht»$, «2H» numbers: what `«module»(bidirectional=True)` returns as `output`. Its first half has read $x_{1} \dots x_{t}$, its second half $x_{t} \dots x_{«T»}$: together, the whole sequence, seen from position t. Each entry is copied from the state it comes from."#),
            "grad_output": ("Gradient of the loss", #"The loss is $L = \sum_{t} G_{t} \cdot y_{t}$, $y_{t}$ row t of $Y$: row t of $G$ is $\frac{\partial L}{\partial y_{t}}$, its first H numbers for $\overrightarrow{h_{t}}$, its last H for $\overleftarrow{h_{t}}$."#),
            "grad_output, ones": ("Gradient of the loss", #"The loss is $L = \sum_{t} G_{t} \cdot y_{t}$, $y_{t}$ row t of $Y$: row t of $G$ is $\frac{\partial L}{\partial y_{t}}$, its first H numbers for $\overrightarrow{h_{t}}$, its last H for $\overleftarrow{h_{t}}$. All ones: L is the sum of every entry of the output."#),
            "output.grad": ("gradient of the output", #"The loss's gradient itself, $G$: the output is not used again. Its columns split it between the two directions: the first H of row t go to $\overrightarrow{h_{t}}$, the last H to $\overleftarrow{h_{t}}$."#),
            "weight_ih_l0.grad": ("gradient of the input weights", #"One term $\frac{\partial L}{\partial «a»} x_{t}^{\top}$ per position, summed: the same $«Wih»$ acted at every position."#),
            "weight_hh_l0.grad": ("gradient of the recurrent weights", #"One term $\frac{\partial L}{\partial «ah»} «hT»$ per position, summed: backpropagation through time, in this direction's order."#),
            "weight_hh_l0.grad, zero h0": ("gradient of the recurrent weights", #"One term $\frac{\partial L}{\partial «ah»} «hT»$ per position, summed: backpropagation through time, in this direction's order. $«h0» = 0$, so its first step, at t = «first», adds nothing."#),
            "bias_ih_l0.grad": ("gradient of the input bias", #"The sum of $\frac{\partial L}{\partial «a»}$ over the positions: the bias is added at every step."#),
            "bias_hh_l0.grad": ("gradient of the recurrent bias", #"The same sum as for $«bih»$: the two biases are added side by side, so they always get the same gradient."#),
            "bias_hh_l0.grad, gru": ("gradient of the recurrent bias", #"Rows r and z: the same sums as for $«bih»$. Rows n differ: $b_{hn}$ sits inside $r_{t} \odot (W_{hn} h + b_{hn})$, so each step's share is scaled by the reset gate."#),
            "h0.grad": ("gradient of the initial hidden states", #"Row 1 is what reaches the forward direction's start $«fh0»$ from its step at t = 1; row 2 what reaches the reverse direction's start $«bh0»$ from its step at t = «T»."#),
            "c0.grad": ("gradient of the initial cell states", #"Row 1 is what reaches $«fc0»$ along the forward direction's cell state, from its step at t = 1; row 2 what reaches $«bc0»$ from the reverse direction's step at t = «T»."#),
            "input.grad": ("gradient of the input sequence", #"Both directions read $x_{t}$, so row t is the sum of what each passes back to it: $«fWihT» \frac{\partial L}{\partial «fa»} + «bWihT» \frac{\partial L}{\partial «ba»}$."#),
        ],
        text: [
            "title": "A bidirectional RNN: reading the sequence both ways",
            "summary": "A bidirectional RNN: a forward and a reverse pass with weights of their own, their states side by side at each position",
            "why": #"""
                A recurrent network that reads left to right knows, at position t, only what came before: \#
                its $h_{t}$ has read $x_{1} \dots x_{t}$. The meaning of a word often depends on what comes \#
                after it. A **bidirectional** network reads the sequence twice, with two cells that share \#
                nothing: a forward one, left to right, and a reverse one, right to left, with weights of its \#
                own. At each position it puts the two states side by side, so position t's vector has seen \#
                the words on both sides of it.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                «cell»
                y_{t} &= \begin{bmatrix} \overrightarrow{h_{t}} \\ \overleftarrow{h_{t}} \end{bmatrix} && \text{2H numbers: row } t \text{ of the output } Y
                \end{aligned}
                """#,
            "cell equations, rnn": #"""
                \overrightarrow{h_{t}} &= \tanh(\overrightarrow{W_{ih}} x_{t} + \overrightarrow{b_{ih}} + \overrightarrow{W_{hh}} \overrightarrow{h_{t-1}} + \overrightarrow{b_{hh}}) && t = 1 \dots T \text{, from } \overrightarrow{h_{0}} \\
                \overleftarrow{h_{t}} &= \tanh(\overleftarrow{W_{ih}} x_{t} + \overleftarrow{b_{ih}} + \overleftarrow{W_{hh}} \overleftarrow{h_{t+1}} + \overleftarrow{b_{hh}}) && t = T \dots 1 \text{, from } \overleftarrow{h_{T+1}} \\
                """#,
            "cell equations, lstm": #"""
                \overrightarrow{h_{t}}, \overrightarrow{c_{t}} &= \operatorname{LSTM}(x_{t}, \overrightarrow{h_{t-1}}, \overrightarrow{c_{t-1}}; \overrightarrow{W}) && t = 1 \dots T \text{, from } \overrightarrow{h_{0}}, \overrightarrow{c_{0}} \\
                \overleftarrow{h_{t}}, \overleftarrow{c_{t}} &= \operatorname{LSTM}(x_{t}, \overleftarrow{h_{t+1}}, \overleftarrow{c_{t+1}}; \overleftarrow{W}) && t = T \dots 1 \text{, from } \overleftarrow{h_{T+1}}, \overleftarrow{c_{T+1}} \\
                """#,
            "cell equations, gru": #"""
                \overrightarrow{h_{t}} &= \operatorname{GRU}(x_{t}, \overrightarrow{h_{t-1}}; \overrightarrow{W}) && t = 1 \dots T \text{, from } \overrightarrow{h_{0}} \\
                \overleftarrow{h_{t}} &= \operatorname{GRU}(x_{t}, \overleftarrow{h_{t+1}}; \overleftarrow{W}) && t = T \dots 1 \text{, from } \overleftarrow{h_{T+1}} \\
                """#,
            "cell name, rnn": "a vanilla RNN cell (tanh)",
            "cell name, lstm": "an LSTM cell",
            "cell name, gru": "a GRU cell",
            "cell lesson, rnn": "rnn-unroll",
            "cell lesson, lstm": "lstm-gates",
            "cell lesson, gru": "gru",
            "convention": #"""
                **Convention:** PyTorch's `nn.RNN`, `nn.LSTM` or `nn.GRU` with `bidirectional=True`, one layer, \#
                one sequence. Each direction is «cell», computed as in the «lesson» lesson. Its weights are \#
                the module's: the forward direction's `weight_ih_l0`, `weight_hh_l0`, `bias_ih_l0`, \#
                `bias_hh_l0`, the reverse direction's the same keys with `_reverse`; an arrow tells them apart \#
                ($\overrightarrow{W_{ih}}$, $\overleftarrow{W_{ih}}$), and every value of a direction wears its \#
                arrow too. «states» **The index is the position in the sequence**, in both directions: \#
                $\overleftarrow{h_{t}}$ (`bwd.h[t]`) has read $x_{t}$, and the reverse direction computes \#
                $\overleftarrow{h_{«T»}}$ first and $\overleftarrow{h_{1}}$ last. Row t of the output holds \#
                both states of position t, so the reverse direction's *last* state is in row 1: PyTorch's \#
                `h_n` is 2 × H, its row 1 $\overrightarrow{h_{«T»}}$ and its row 2 $\overleftarrow{h_{1}}$, \#
                which equals the second half of output row 1. Keras's `Bidirectional` concatenates in the same order with \#
                `merge_mode="concat"`; its `"sum"`, `"mul"` and `"ave"` merge the two states into H numbers instead.
                """#,
            "convention states": #"""
                `h0` is 2 × H: row 1 is the forward direction's $\overrightarrow{h_{0}}$, row 2 the reverse \#
                direction's, which it holds before reading $x_{«T»}$: here $\overleftarrow{h_{«T+1»}}$.
                """#,
            "convention states, lstm": #"""
                `h0` and `c0` are 2 × H each: row 1 is the forward direction's $\overrightarrow{h_{0}}$ and \#
                $\overrightarrow{c_{0}}$, row 2 the reverse direction's, which it holds before reading \#
                $x_{«T»}$: here $\overleftarrow{h_{«T+1»}}$ and $\overleftarrow{c_{«T+1»}}$.
                """#,
            "legend T": "positions (rows of the input), read by both directions",
            "legend I": "input size: numbers per position",
            "legend H": "hidden size of each direction (the output has 2H numbers per position)",
            "label direction": "direction",
            "label forward": "forward →",
            "label reverse": "reverse ←",
            "label forward j": "→«j»",
            "label reverse j": "←«j»",
            "heading forward weights": "The forward direction's weights",
            "heading reverse weights": "The reverse direction's weights",
            "weights apart": #"""
                The two directions share the input and nothing else: each has its own weights and biases, \#
                and neither reads the other's states. So they are independent and can run in parallel, as \#
                seed 001 builds them, two modules side by side (병렬적으로, “in parallel”); they meet only in the output.
                """#,
            "heading forward": "Forward direction: t = 1 … «T», left to right",
            "forward reads": #"""
                The forward direction starts from $«h0»$ and reads $x_{1}, x_{2}, \dots, x_{«T»}$ in order: \#
                the cell of the «lesson» lesson, with the forward weights.
                """#,
            "heading reverse": "Reverse direction: t = «T» … 1, right to left",
            "reverse reads": #"""
                The reverse direction starts from $«h0»$ and reads «order»: the same cell with its own \#
                weights, and with $«hnext»$, the state of the position to the right, where the forward \#
                direction has $«hprev»$. The steps keep the \#
                positions of the words they read, so they count down. What each value means was said in \#
                the forward direction; here only what these numbers add.
                """#,
            "order, long": "$x_{«T»}$ first, then $x_{«T-1»}$, and so on to $x_{1}$",
            "order, two": "$x_{2}$ first, then $x_{1}$",
            "order, one": "$x_{1}$, its one input, as the forward direction does",
            "heading output": "The output: both states at each position",
            "h_n": #"PyTorch's `h_n` holds each direction's last state: $«fhT» = «fT»$, the first half of row «T», and $«bh1» = «b1»$, the second half of row 1."#,
            "h_n, one step": #"With one position, PyTorch's `h_n` is the output's one row, split in two: $«fhT» = «fT»$ and $«bh1» = «b1»$."#,
            "heading summary": "Summary",
            "figure states": "The two directions' states at each position",
            "row output": "output",
            "row forward": "forward →",
            "row reverse": "reverse ←",
            "row input": "input",
            "figure states, description": #"""
                The network unrolled over the positions, a column each: the forward direction's cells in \#
                one row, each passing its state to the right, the reverse direction's in the row below, each \#
                passing its state to the left; both read the input at the bottom of the column, and the \#
                output at its top is the two states side by side. Each square is a unit's value, red above \#
                0 and blue below.
                """#,
            "summary saying": #"""
                Position t's output row has both sides of $x_{t}$: $«fht»$ has read $x_{t}$ and what lies to its \#
                left, $«bht»$ $x_{t}$ and what lies to its right (the output table above holds every row). The two ends of the sequence are where each direction has read everything: \#
                $«fhT» = «fT»$ and $«bh1» = «b1»$, PyTorch's `h_n`, which a classifier of the whole \#
                sequence would read; a tagger reads the rows of $Y$, one per position.
                """#,
            "summary carried": #"""
                In the figure, the reverse row has the signs of $«bhT» = «bT»$, at «last», all the way \#
                to «first»: each of its units keeps its sign at every position to the left (whether from «last» or \#
                from the words between, the rerun with «last» changed, above, tells).
                """#,
            "summary not carried": #"""
                In the figure, the reverse row changes colour on its way left: «units» «has» one sign in \#
                $«bhT» = «bT»$, which read «last», and the other in $«bh1» = «b1»$.
                """#,
            "slide other side": #"Seed 001: “If the information has to come from the other side, reading both ways like this is apparently more efficient” (더 효율적이라는 듯: the seed hedges)."#,
            "other side, shown": #"""
                What the numbers show is that the other side reaches position 1, not whether that is more \#
                efficient: $«fh1» = «f1»$ has read $x_{1}$ alone (the same weights run on $x_{1}$ by itself give \#
                the same numbers), while $«bh1» = «b1»$ has read all «T» positions: on $x_{1}$ by itself it would be «b1 alone».
                """#,
            "other side, last input": #"""
                Change only the last input, $x_{«T»}$ to $-x_{«T»}$, and the forward states before position «T» \#
                stay as they are, while $«bh1»$ becomes «b1 negated»: the end of the sequence reaches its first position.
                """#,
            "other side, step by step, fades": #"""
                It still gets there one step at a time, as any recurrent network: $x_{«T»}$ reaches $«bh1»$ only \#
                through «steps» recurrent steps of the reverse direction, and negating it moves $«bhT-1»$, one \#
                step away, by «near» (the length of the change) but $«bh1»$ by «far»: «share»% of it.
                """#,
            "other side, step by step, grows": #"""
                It still gets there one step at a time, as any recurrent network: $x_{«T»}$ reaches $«bh1»$ only \#
                through «steps» recurrent steps of the reverse direction; negating it moves $«bhT-1»$, one \#
                step away, by «near» (the length of the change) and $«bh1»$ by «far»: here nothing is lost on the way.
                """#,
            "other side, not here, weights": #"""
                Not in these numbers: $«bh1» = «b1»$ is the same with $x_{1}$ alone, so nothing from the right \#
                reaches position 1 (the reverse direction's recurrent weights are all 0: they pass nothing on).
                """#,
            "other side, not here": #"""
                Not in these numbers: $«bh1» = «b1»$ is the same with $x_{1}$ alone: what the reverse direction \#
                carries from the right leaves position 1's state where $x_{1}$ alone puts it.
                """#,
            "slide own parameters": #"Seed 001: “Each is an RNN with separate parameters of its own.”"#,
            "own parameters, construction": #"""
                True by construction: the module holds two sets of weights, `weight_ih_l0`, `weight_hh_l0` \#
                and the same keys with `_reverse`, and the backward pass gives each its own gradient.
                """#,
            "own parameters, differ": #"""
                The numbers add only that these two sets differ, as they were given: `weight_ih_l0` and \#
                `weight_ih_l0_reverse` in «ih» of their «ihN» entries, `weight_hh_l0` and `weight_hh_l0_reverse` in «hh» of «hhN».
                """#,
            "own parameters, same numbers": #"""
                Here the two directions were given the same numbers, yet they are two parameters: training \#
                moves them apart.
                """#,
            "slide concatenate": #"Seed 001: “For the hidden state vector of a time step, the vectors from the forward and reverse directions (the seed's 포워드/백워드) are concatenated.”"#,
            "concatenate, confirmed": #"""
                Confirmed: row 1 of $Y$ is $y_{1} = [«fh1» ; «bh1»] = «row1»$, «2H» numbers, and so at every position. \#
                Concatenated, not added: Keras's `merge_mode="sum"` would give «sum», H numbers in which the \#
                two directions can no longer be told apart.
                """#,
            "backward why": #"""
                The gradient goes back from the output through each direction separately: the two \#
                directions meet only in the output, so each gets its share of $G$ there and goes back through \#
                its own steps with its own weights. Only the input $x_{t}$, which both read, adds what the two pass back.
                """#,
            "backward equations, words": #"""
                Then each direction back through its steps as in its cell's lesson, $G_{t}$ there being the \#
                direction's half of row t: the forward direction from t = T down to 1 (its step t + 1 passes \#
                back to $\overrightarrow{h_{t}}$), the reverse direction from t = 1 up to T (its step t − 1 \#
                passes back to $\overleftarrow{h_{t}}$):
                """#,
            "backward equations": #"""
                \begin{aligned}
                \frac{\partial L}{\partial \overrightarrow{h_{t}}} &= \left(\frac{\partial L}{\partial Y}\right)_{t,\,1:H} + «next» \\
                \frac{\partial L}{\partial \overleftarrow{h_{t}}} &= \left(\frac{\partial L}{\partial Y}\right)_{t,\,H+1:2H} + «next reverse»
                \end{aligned}
                """#,
            "from next, rnn": #"\overrightarrow{W_{hh}}^{\top} \frac{\partial L}{\partial \overrightarrow{a_{t+1}}}"#,
            "from next, lstm": #"\overrightarrow{W_{hh}}^{\top} \frac{\partial L}{\partial \overrightarrow{a_{t+1}}}"#,
            "from next, gru": #"\overrightarrow{z_{t+1}} \odot \frac{\partial L}{\partial \overrightarrow{h_{t+1}}} + \overrightarrow{W_{hh}}^{\top} \frac{\partial L}{\partial \overrightarrow{a_{t+1}}^{h}}"#,
            "from next reverse, rnn": #"\overleftarrow{W_{hh}}^{\top} \frac{\partial L}{\partial \overleftarrow{a_{t-1}}}"#,
            "from next reverse, lstm": #"\overleftarrow{W_{hh}}^{\top} \frac{\partial L}{\partial \overleftarrow{a_{t-1}}}"#,
            "from next reverse, gru": #"\overleftarrow{z_{t-1}} \odot \frac{\partial L}{\partial \overleftarrow{h_{t-1}}} + \overleftarrow{W_{hh}}^{\top} \frac{\partial L}{\partial \overleftarrow{a_{t-1}}^{h}}"#,
            "step": "step",
            "steps": "steps",
            "reverse steps, same work": "repeat the same computation on the inputs to the left",
            "reverse steps, results shown": "the summary below shows their results",
            "reverse steps back, same work": "pass the gradient back in the same way",
            "reverse steps back, results shown": "the figure below shows the size of their gradients",
            "heading reverse back": "Reverse direction, back through its steps: t = 1 … «T»",
            "reverse back": #"""
                The two ways back are independent, as the two directions were: this note takes the reverse \#
                one first. It begins where the direction ended, at t = 1, and goes rightwards: the gradient of \#
                $\overleftarrow{h_{t}}$ is complete once step t − 1 has passed its share back.
                """#,
            "heading gradient sizes": "The size of the gradient, position by position",
            "heading forward back": "Forward direction, back through its steps: t = «T» … 1",
            "heading weight gradients": "The weights' and the inputs' gradients",
            "weight gradients": "Each direction's weights acted at all «T» positions: each gradient is a sum of one term per position.",
            "heading input gradients": "The initial states and the input",
            "heading input gradients, input only": "The input",
            "all four biases": "all four biases",
            "left out, no gradient": "«list» «were» not given, so «they» zeros here, constants with no gradient: in every lesson only the arrays given get one. In a PyTorch module the biases are parameters and would get one; give them in the input to see it.",
            "figure gradient sizes": "How large the gradient is at each position, in each direction",
            "panel gradient size, forward": "‖∂L/∂→«state»ₜ‖",
            "panel gradient size, reverse": "‖∂L/∂←«state»ₜ‖",
            "figure gradient sizes, description": #"""
                The length of each direction's state gradient per position, on a logarithmic scale. The \#
                forward direction's gradient travels from the right end to the left, so its panel is read \#
                from right to left; the reverse direction's from the left end to the right, so its panel is \#
                read from left to right.
                """#,
            "gradient sizes": #"$\lVert \partial L / \partial «state» \rVert$ is $«first»$ at t = «start», where its way back begins, and $«last»$ at t = «end»: «change»."#,
            "gradient sizes, grows": "it grows on its way «way»",
            "gradient sizes, shrinks": "it shrinks on its way «way»",
            "gradient sizes, same": "it keeps its size on its way «way»",
            "way, leftwards": "leftwards",
            "way, rightwards": "rightwards",
            "gradient sizes, one position": #"$\lVert \partial L / \partial «state» \rVert$ is $«first»$ at the one position."#,
            "gradient sizes, every position": "Every position adds its own share of $G$ to both directions, so these are not the sizes of one output's gradient travelling back alone.",
            "default.summary": "“bank of the river”: the last word reaches the first position through the reverse direction",
            "default.story": #"""
                An example made up here for seed 001's bidirectional RNN (the seed has none): in “bank of the \#
                river”, which bank is meant, the side of a river or a house of money, only the last word says; \#
                a left-to-right network has read “bank” alone when it writes position 1. Each word is two \#
                made-up numbers, how much it has to do with water and with money: “bank” is 0.5 and 0.5, \#
                “river” 1 and −1 (“city” would be −1 and 1). Each direction has two tanh units, weights with \#
                one decimal, no biases and zero initial states (left out, so 0); the reverse direction's \#
                recurrent weights are large (0.9 on the diagonal) so that it carries “river” back to “bank”. \#
                “What the seed notes say” below runs the same network on “bank of the city” (the last row \#
                negated) and on “bank” alone.
                """#,
            "default.backward": #"""
                The loss is the sum of every output number ($G$ all ones). Watch the two directions go back in \#
                opposite orders, each from its own end of the sentence.
                """#,
            "lstm.summary": "“bank of the river” read both ways by two LSTM cells",
            "lstm.story": #"The default example's sentence, read by two LSTM cells (`nn.LSTM(2, 2, bidirectional=True)`). «computed»"#,
            "gru.summary": "“bank of the river” read both ways by two GRU cells",
            "gru.story": #"The default example's sentence, read by two GRU cells (`nn.GRU(2, 2, bidirectional=True)`, PyTorch's reset-after candidate«h0»). «computed»"#,
            "story h0 zeros": "; `h0` given as zeros",
            "gate i": "input gate",
            "gate f": "forget gate",
            "gate o": "output gate",
            "gate r": "reset gate",
            "gate z": "update gate",
            "story input alone": #"The reverse direction's «gates» «read» the input alone: «their» rows of $\overleftarrow{W_{hh}}$ are 0."#,
            "story constant gate": #"The «gate»'s rows of $\overleftarrow{W_{ih}}$ are 0 too, so it is a constant, $\sigma(«b») = «v»$, from its biases alone."#,
            "story constant gate, units": #"The «gate»'s rows of $\overleftarrow{W_{ih}}$ are 0 too, so it is a constant, $\sigma(«b») = «v»$ unit by unit, from its biases alone."#,
            "story lstm last": #"On «last», $«i»$ is «v»: «units»«written»."#,
            "lstm unit gate": "unit «j»'s input gate «state»",
            "forget biases of": "of «b»",
            "gate opens": "opens",
            "gate half": "is half open",
            "gate shut": "stays nearly shut",
            "lstm written": #", so «last» is written into the cell of «units»"#,
            "unit": "unit «j»",
            "story lstm kept, same": #"On the way to «first», $«f»$ is «v» at every word, so the cell's direct path keeps «v» of what it holds at each step (the candidate, which reads the state through $\overleftarrow{W_{hh}}$, can write back more)."#,
            "story lstm kept, range": #"On the way to «first», $«f»$ is between «min» and «max», so the cell's direct path keeps that much of what it holds at each step (the candidate, which reads the state through $\overleftarrow{W_{hh}}$, can write back more)."#,
            "story lstm forward": #"The forward direction has gates of its own, with forget biases «b»."#,
            "story gru last": #"PyTorch's $z$ keeps the old state: on «last», $«z»$ is «v», so «units»."#,
            "gru takes": "unit «j» takes most of its candidate",
            "gru keeps": "unit «j» keeps most of its «start»",
            "gru start zero": "zero start",
            "gru start": "start",
            "story gru between": #"On «words», $\overleftarrow{z}$ is «values», so on these words the state keeps between «min»% and «max»% of itself directly (the candidate reads the state too, through $\overleftarrow{W_{hn}}$), on its way from «last» to «first»."#,
        ], korean: korean)
}
