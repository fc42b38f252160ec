// The words of char-lm: what each value means and the story around the equations. Slots: «t» the
// step, «T» the steps, «V» the characters; «char», «target», «chosen» characters as the note shows
// them; «p» probabilities and «v» numbers as a sentence shows them.

import TraceCore

extension CharLM {
    static let words = Words(
        captions: [
            "one-hot": ("One-hot inputs", #"Row $t$ is $x_{t}$, the character $s_{t}$ as a one-hot vector: 1 in its own column, 0 elsewhere."#),
            "embedding.weight": ("Embedding", #"One row of numbers per character (`nn.Embedding`): $x_{t}$ is the row of the character read at step $t$, learned like any weight."#),
            "fc.weight": ("Output weights", #"Row $j$ turns the hidden state into character $j$'s score: $y_{t,j}$ is row $j$ of $W_{fc}$ times $h_{t}$, plus entry $j$ of $b_{fc}$."#),
            "fc.bias": ("Output bias", "Each character's score when the hidden state is 0: what the model scores with nothing remembered."),
            "y[t]": ("scores", #"One score (a *logit*) per character: the larger, the likelier the model finds it as the next character."#),
            "p[t]": ("next-character probabilities", #"The softmax turns the scores into probabilities that sum to 1, in the same order. Each exponent has the largest score taken off first: the probabilities do not change, and no exp can overflow."#),
            "loss[t]": ("loss", #"$-\log$ of the probability given to the character that does come next: 0 for a sure, right prediction, and the larger the less the target was given."#),
            "loss": ("mean loss", #"The mean of the steps' losses, as `F.cross_entropy` computes it; training lowers it by making each target more probable."#),
            "perplexity": ("perplexity", #"$e^{L}$: on average the model is as unsure as if it picked evenly among $\operatorname{PPL}$ characters. Picking evenly among the $V$ characters gives $V$; a sure, right model gives 1."#),
            "gen.y[t]": ("scores", ""),
            "gen.p[t]": ("next-character probabilities", #"The softmax of the scores, as in training."#),
            "gen.p[t], temperature": ("probabilities at temperature τ", #"The softmax of the scores divided by $\tau = «tau»$ (the largest of them taken off each exponent, as always): «effect»"#),
            "gen.cum[t]": ("running sums", #"$C_{t,j}$ (sum $j$ below) adds the probabilities up to character $j$: the draw falls in character $j$'s stretch, from $C_{t,j-1}$ to $C_{t,j}$ ($C_{t,0} = 0$), whose length is its probability."#),
            "gen.u[t]": ("the draw", #"The top 53 bits of the generator's next 64-bit output $Z_{t}$ ($\gg 11$ shifts out the other 11), over $2^{53}$: a number in $[0, 1)$, every value equally likely."#),
            "gen.next[t], greedy": ("next character", #"The likeliest character (of a tie, the first), by its place in the vocabulary, counted from 1."#),
            "gen.next[t], sample": ("next character", #"The character whose stretch the draw falls in, by its place in the vocabulary, counted from 1: each is drawn as often as its probability."#),
            "loss.grad": ("gradient of the loss", #"The backward pass starts here: $L$ changes one for one with itself."#),
            "loss[t].grad": ("gradient of a step's loss", #"$L$ is the mean of the «T» steps' losses, so each counts $1/«T»$."#),
            "y[t].grad": ("gradient of the scores", #"Softmax minus one-hot: each character's probability, less 1 at the target, times $\partial L/\partial \ell_{t}$. A score's gradient is positive where raising it would raise the loss; a small step of gradient descent changes the weights so that, to first order, each score moves against its gradient: the target's (negative) up, the others down."#),
            "fc.weight.grad": ("gradient of the output weights", #"Shared by every step: the sum over the steps of $\frac{\partial L}{\partial y_{t}} h_{t}^{\top}$."#),
            "fc.bias.grad": ("gradient of the output bias", #"The sum of $\frac{\partial L}{\partial y_{t}}$ over the steps."#),
            "embedding.weight.grad": ("gradient of the embedding", #"Row $j$ collects $\frac{\partial L}{\partial x_{t}}$, what the cell passes back to its input ($W_{ih}^{\top}$ times the gradient of its pre-activation), from every step that read character $j$; a row never read gets 0."#),
        ],
        text: [
            "title": "A character-level language model",
            "summary": "A character-level language model: next-character probabilities, cross-entropy, perplexity, generation",
            "why": #"""
                A **language model** gives, at each point of a text, a probability to every character that could \#
                come next. A recurrent one reads the text a character at a time: its hidden state $h_{t}$ holds what \#
                it has read, an output layer turns $h_{t}$ into one score per character, and the softmax turns the \#
                scores into probabilities. Training makes the probability of the character that actually comes next \#
                large; generating feeds the model's own choices back in, one character after another.
                """#,
            "heading equations": "The equations",
            "equations, one-hot": #"""
                \begin{aligned}
                x_{t} &= \operatorname{onehot}(s_{t}) && \text{the character read at step } t \\
                «cell» \\
                y_{t} &= W_{fc} h_{t} + b_{fc} && \text{one score per character} \\
                p_{t} &= \operatorname{softmax}(y_{t}) && \text{the next character's probabilities} \\
                \ell_{t} &= -\log p_{t,s_{t+1}} && \text{the loss at step } t \\
                L &= \tfrac{1}{T} \textstyle\sum_{t=1}^{T} \ell_{t}, \qquad \operatorname{PPL} = e^{L}
                \end{aligned}
                """#,
            "equations, embedding": #"""
                \begin{aligned}
                x_{t} &= E_{s_{t}} && \text{the embedding's row for the character read at step } t \\
                «cell» \\
                y_{t} &= W_{fc} h_{t} + b_{fc} && \text{one score per character} \\
                p_{t} &= \operatorname{softmax}(y_{t}) && \text{the next character's probabilities} \\
                \ell_{t} &= -\log p_{t,s_{t+1}} && \text{the loss at step } t \\
                L &= \tfrac{1}{T} \textstyle\sum_{t=1}^{T} \ell_{t}, \qquad \operatorname{PPL} = e^{L}
                \end{aligned}
                """#,
            "cell equation, rnn": #"h_{t} &= \tanh(W_{ih} x_{t} + b_{ih} + W_{hh} h_{t-1} + b_{hh}) && \text{the cell}"#,
            "cell equation, lstm": #"h_{t}, c_{t} &= \operatorname{LSTM}(x_{t}, h_{t-1}, c_{t-1}) && \text{the cell}"#,
            "cell equation, gru": #"h_{t} &= \operatorname{GRU}(x_{t}, h_{t-1}) && \text{the cell}"#,
            "cell name, rnn": "a vanilla RNN (`nn.RNN`, tanh)",
            "cell name, lstm": "an LSTM (`nn.LSTM`)",
            "cell name, gru": "a GRU (`nn.GRU`)",
            "cell lesson, rnn": "rnn-unroll",
            "cell lesson, lstm": "lstm-gates",
            "cell lesson, gru": "gru",
            "convention": #"""
                **Convention:** PyTorch's modules: the cell is «cell», computed as in the «lesson» lesson; the \#
                output layer is `nn.Linear`, $W_{fc}$ stored out × in; the loss is `F.cross_entropy`, the mean \#
                over the $T$ steps, in nats (Karpathy's min-char-rnn sums them instead, so its gradients are \#
                $T$ times these). $s_{1} \dots s_{n}$ are the characters of the text, $T = n - 1$, and $p_{t,j}$ \#
                is entry $j$ of $p_{t}$.«mapping»
                """#,
            "mapping, rnn": " Seed 002's $W_{xh}$, $W_{hh}$ and $W_{hy}$ are $W_{ih}$, $W_{hh}$ and $W_{fc}$ here.",
            "mapping, gru": #" $W_{hn}$ and $b_{hn}$ are the n rows of $W_{hh}$ and $b_{hh}$."#,
            "legend T": "steps: characters read (one fewer than the text has)",
            "legend V": "characters in the vocabulary",
            "legend H": "hidden units",
            "legend E": "numbers per character in the embedding: the cell's input size",
            "label character": "character",
            "label step, target": "t · reads → target",
            "label step, chosen": "t · reads → chosen",
            "and so on": ", and so on",
            "text": #"""
                The text is “«text»” («n» characters), over the vocabulary «vocab» («V» characters«vocab source»). \#
                Step $t$ reads $s_{t}$ and is scored on the next character, $s_{t+1}$:
                """#,
            "vocab given": "",
            "vocab from text": ", in the order they first appear",
            "text table header": "| $t$ | reads $s_{t}$ | target $s_{t+1}$ |\n|---:|---|---|",
            "embedding rows": "Each $x_{t}$ is the row of $E$ for the character read: «rows».",
            "heading steps": "Training: the steps, with teacher forcing",
            "teacher forcing": #"""
                **Teacher forcing:** every step reads the true character of the text, whatever the model \#
                predicted at the step before. Each of the «T» steps is scored on its own, and the loss is their mean.
                """#,
            "heading loss": "The loss and the perplexity",
            "heading generation": "Generating: the model feeds itself",
            "generation, greedy": #"""
                Now the model writes «length» characters on its own. It starts again from $h_{0}$, reads «start», \#
                and at each step reads the character it chose at the step before ($\hat x_{t+1}$ is character \#
                $j_{t}$): greedily, the likeliest one. \#
                Every value of a generated step wears a hat: the character read $\hat x_{t}$, the cell's values \#
                ($\hat h_{t}$, …), the scores $\hat y_{t}$ and the probabilities $\hat p_{t}$.
                """#,
            "generation, sample": #"""
                Now the model writes «length» characters on its own. It starts again from $h_{0}$, reads «start», \#
                and at each step reads the character it chose at the step before ($\hat x_{t+1}$ is character \#
                $j_{t}$), drawn from $\hat p_{t}$: a \#
                number $u_{t}$ in $[0, 1)$ comes from the generator below, and the chosen character is the first \#
                whose running sum $C_{t,j}$ exceeds $u_{t}$, so each is drawn with its probability. Every value of \#
                a generated step wears a hat: the character read $\hat x_{t}$, the cell's values ($\hat h_{t}$, …), \#
                the scores $\hat y_{t}$ and the probabilities $\hat p_{t}$.
                """#,
            "generator": #"""
                The generator is SplitMix64, seeded with «seed»: its state starts at the seed, and for each \#
                output $Z_{t}$ it adds 0x9E3779B97F4A7C15 to the state and mixes a copy $z$ of the new state, \#
                all modulo $2^{64}$ ($\oplus$ is exclusive or, $\gg$ a shift to the right):

                ```math
                z \leftarrow (z \oplus (z \gg 30)) \cdot \text{0xBF58476D1CE4E5B9}, \quad
                z \leftarrow (z \oplus (z \gg 27)) \cdot \text{0x94D049BB133111EB}, \quad
                Z_{t} = z \oplus (z \gg 31)
                ```
                """#,
            "generation, temperature": #" With temperature $\tau = «tau»$, $\hat p_{t} = \operatorname{softmax}(\hat y_{t} / \tau)$: «effect»"#,
            "sharper": "below 1, it makes the likely characters likelier.",
            "flatter": "above 1, it evens the probabilities out.",
            "same as training": #"""
                So far the model has read what training read, from the same $h_{0}$: step «t»'s values are \#
                training's, $\hat h_{«t»} = h_{«t»}$, $\hat y_{«t»} = y_{«t»}$ and $\hat p_{«t»} = p_{«t»}$, shown above.
                """#,
            "same as training, again": #"Still training's: $\hat h_{«t»} = h_{«t»}$, $\hat y_{«t»} = y_{«t»}$ and $\hat p_{«t»} = p_{«t»}$."#,
            "same as training, temperature": #"""
                So far the model has read what training read, from the same $h_{0}$: step «t»'s state and scores \#
                are training's, $\hat h_{«t»} = h_{«t»}$ and $\hat y_{«t»} = y_{«t»}$, shown above.
                """#,
            "same as training, temperature, again": #"Still training's: $\hat h_{«t»} = h_{«t»}$ and $\hat y_{«t»} = y_{«t»}$."#,
            "generated, differs at the end": " Its last choice, «chosen», leaves the training text (which has «target» there); generation stops before reading it.",
            "zero column": " «chosen»'s column of $W_{ih}$ is 0«why», so at the next step the character read adds nothing.",
            "zero column, never read": " (no training step reads it)",
            "generated text": "The model wrote «start» → «text»: “«whole»”.",
            "generated, the text": " It is the training text: every choice was the true next character.",
            "generated, text then more": " Its first «n» characters are the training text; after it the model writes «more», which no training target asked for.",
            "generated, differs": " It leaves the training text at step «t»: «chosen» where the text has «target», and from there it reads its own choice.",
            "generated, shorter": " It is the start of the training text.",
            "predicts, right": "The likeliest is «chosen» ($«p»$), the target: right.",
            "predicts, wrong": "The likeliest is «chosen» ($«p»$), but the target «target» gets $«q»$: wrong.",
            "predicts, nan": "The scores are not all numbers (nan), so neither are the probabilities: nothing is predicted.",
            "predicts, tie": "«chosen» and «other» tie as likeliest ($«p»$); the target «target» gets $«q»$.",
            "loss, note": "Here $-\\log «q» = «l»$.",
            "loss worst": "Step «t» costs most ($\\ell_{«t»} = «l»$): its target «target» got only «q».",
            "loss even": "Every step costs about the same.",
            "perplexity here": "Here $\\operatorname{PPL} = «ppl»$, against «V» for picking evenly among the «V» characters.",
            "perplexity worse": " It is above «V»: on average (geometrically) the targets got «mean», less than the $1/«V»$ that picking evenly would give them.",
            "perplexity here, one character": "Here $\\operatorname{PPL} = «ppl»$: with one character in the vocabulary, every prediction is sure and right.",
            "draw here": "Here $Z_{«t»} = «z»$.",
            "choice, greedy": "The likeliest is «chosen» ($«p»$).",
            "choice, greedy tie": "«chosen» and «other» tie ($«p»$); the first is taken.",
            "choice, sample": "$u_{«t»} = «u»$ falls in «chosen»'s stretch, from «low» to «high»: «chosen», whose probability is «p».",
            "choice, sample, unlikely": " It is not the likeliest («best», «q»): sampling takes the less likely characters too, as often as their probabilities say.",
            "heading summary": "Summary",
            "figure p": "Training: the next-character probabilities",
            "panel p": "p_t (rows: steps; columns: characters)",
            "figure p, description": "One row per step, labelled with the character read and the target; the brighter a cell, the likelier that character.",
            "figure generated": "Generating: the distributions the characters were chosen from",
            "panel generated": "p̂_t (rows: steps; columns: characters)",
            "figure generated, description": "One row per generated step, labelled with the character read and the one chosen.",
            "summary right": "The likeliest character is the target at «right» of the «T» steps«wrong»; the mean loss is «L», a perplexity of «ppl».",
            "summary wrong steps": " (not at step «steps»)",
            "summary wrong steps, several": " (not at steps «steps»)",
            "heading steps back": "Back through the steps",
            "backward why": #"""
                Training lowers $L$ by gradient descent, so it needs $\partial L/\partial \theta$ for every weight \#
                it was given (a bias left out is fixed at 0 and gets none). \#
                The backward pass starts at $L$, goes to each step's loss, then to its scores — where it takes the \#
                famous form *softmax minus one-hot* — and back through the cell, step by step as in the cell's \#
                own lesson, with $W_{fc}^{\top} \frac{\partial L}{\partial y_{t}}$ joining $\frac{\partial L}{\partial h_{t}}$ at each step.
                """#,
            "backward equations": #"""
                \begin{aligned}
                \frac{\partial L}{\partial \ell_{t}} &= \frac{1}{«T»}, \qquad
                \frac{\partial L}{\partial y_{t}} = \left(p_{t} - \operatorname{onehot}(s_{t+1})\right) \frac{\partial L}{\partial \ell_{t}}, \qquad
                \frac{\partial L}{\partial W_{fc}} = \sum_{t=1}^{T} \frac{\partial L}{\partial y_{t}} h_{t}^{\top} \\
                \frac{\partial L}{\partial h_{t}} &= W_{fc}^{\top} \frac{\partial L}{\partial y_{t}} + «from next»
                \end{aligned}
                """#,
            "from next, rnn": #"W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}} \;(\text{for } t < T), \qquad \frac{\partial L}{\partial a_{t}} = \frac{\partial L}{\partial h_{t}} \odot \left(1 - h_{t}^{2}\right), \qquad \frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \frac{\partial L}{\partial a_{t}} h_{t-1}^{\top}"#,
            "from next, lstm": #"W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}}, \qquad \frac{\partial L}{\partial c_{t}} = \frac{\partial L}{\partial h_{t}} \odot o_{t} \odot \left(1 - \tanh^{2} c_{t}\right) + \frac{\partial L}{\partial c_{t+1}} \odot f_{t+1} \;(\text{the terms of } t + 1 \text{ for } t < T)"#,
            "from next, gru": #"W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}^{h}} + \frac{\partial L}{\partial h_{t+1}} \odot z_{t+1} \;(\text{for } t < T)"#,
            "heading weight gradients": "The weights' gradients: one term per step",
            "scores push": "The target «target»'s gradient, $«g»$, is the most negative: descent pushes its score up most; «top»'s, $«h»$, the largest: pushed down most.",
            "scores push, target top": "The target «target» is also the likeliest: its gradient, $«g»$, is negative, so descent pushes its score up, and every other down, the more the likelier it was.",
            "default.summary": "“hello” with a trained two-unit RNN: every next character right; greedy generation goes on past the text",
            "default.story": #"""
                Seed 002's task: a character-level language model reads “hello” over the four characters h, e, \#
                l, o. The seed gives no weights (`--example seed-hello` builds a model whose first scores are \#
                the seed's); this model was trained on “hello”, with two hidden units, few enough to check \#
                every number by hand, no cell biases (`nn.RNN(bias=False)`: left out here, so they are 0), a \#
                little weight decay, and its weights rounded to one decimal. Weight \#
                decay took the column of “o” in $W_{ih}$ to 0: no step reads “o”. Watch steps 3 and 4: both \#
                read “l”, and only the hidden state can tell the model that the first “l” is followed by “l” \#
                and the second by “o”.
                """#,
            "default.backward": #"""
                The model is trained already: every target is likely, so the gradients are small, as the entries \#
                of $\partial L/\partial y_{t}$ show.
                """#,
            "seed-hello.summary": "seed 002's scores [1.0, 2.2, −3.0, 4.1] and “h: 3%, e: 13% l: 0%, o: 84%”, then sampling",
            "seed-hello.story": #"""
                Seed 002's figure (from A. Karpathy's “The Unreasonable Effectiveness of Recurrent Neural \#
                Networks”): a three-unit RNN reads “h” and scores the next character $[1.0, 2.2, -3.0, 4.1]$ \#
                over h, e, l, o, so it predicts “o” where the text goes on with “e”; the notes quote the \#
                probabilities as “h: 3%, e: 13% l: 0%, o: 84%” and sample from them. The weights here make \#
                $h_{1}$ about the figure's $[0.3, -0.1, 0.9]$, and the output bias makes up the rest, so that \#
                $y_{1}$ prints as the seed's scores. The model is untrained: watch the loss, and what sampling writes.
                """#,
            "slides percent": #"""
                Seed 002: “h: 3%, e: 13% l: 0%, o: 84%.” «verdict»: the softmax of the scores «scores» is \#
                «percents»«off».
                """#,
            "slides percent off": "; rounded, «misses»",
            "slides percent miss": "«token» is «rounded»%, not «quoted»%",
            "slides percent sums": "; the seed's four sum to «quoted», the rounded ones («rounded») to «sum»",
            "slides predicts o": #"""
                Seed 002: “the result [1.0, 2.2, −3.0, 4.1] gives the output “o”, but the answer is “e”.” \#
                «verdict»: $y_{1} = «scores»$ is largest at «chosen», and the next character is «target».
                """#,
            "slides same input": #"""
                Seed 002: “steps 3 and 4 both read “l” but must predict different characters, using $h_{t}$.” \#
                «verdict»
                """#,
            "same input, apart": #"Confirmed: steps «s» and «t» both read «char»; $h_{«s»} = «hs»$ and $h_{«t»} = «ht»$ differ, and the model predicts «a» ($«pa»$) and then «b» ($«pb»$), the targets «ta» and «tb»."#,
            "same input, alike": #"Not here: steps «s» and «t» both read «char», and $h_{«s»} = «hs»$ and $h_{«t»} = «ht»$ differ, but the model predicts «a» at both ($«pa»$, $«pb»$), where the targets are «ta» and «tb»."#,
            "slides perplexity": #"""
                Seed 004: “exp of the cross-entropy is the perplexity.” Confirmed: $e^{L} = e^{«L»} = «ppl»$, which is \#
                also the geometric mean of $1/p$ over the targets, $\left(«inverse»\right)^{1/«T»} = «ppl»$: on average as unsure as a choice among «ppl» characters.
                """#,
            "confirmed": "Confirmed",
            "partly": "Partly",
            "refuted": "Refuted",
        ], korean: korean)
}
