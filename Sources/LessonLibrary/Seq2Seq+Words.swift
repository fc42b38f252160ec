// The words of seq2seq-attention: what each value means and the story around the equations.
// Slots: «t» a target step, «i» a source position, «S», «T» their counts; «lesson» the cell's lesson.

import TraceCore

extension Seq2Seq {
    static let words = Words(
        captions: [
            "source": ("Source", #"Row $i$ is $x_{i}$, the encoder's input at source position $i$ (a word's embedding, say)."#),
            "target": ("Target inputs", #"Row $t$ is $x_{t}^{\text{dec}}$, the decoder's input at step $t$. With teacher forcing this is the right translation so far (the target shifted by one: the start symbol, then each word the decoder should have written), not the decoder's own guesses."#),
            "target, no targets": ("Decoder inputs", #"Row $t$ is $x_{t}^{\text{dec}}$, the decoder's input at step $t$ (with teacher forcing, the right output so far, not the decoder's own guesses)."#),
            "weight_ih_l0, enc": ("Input weights", #"Multiply $x_{i}$«per row»."#),
            "weight_hh_l0, enc": ("Recurrent weights", #"Multiply $h_{i-1}$, the same matrix at every step«per row»."#),
            "bias_ih_l0, enc": ("Input bias", ""),
            "bias_hh_l0, enc": ("Recurrent bias", ""),
            "weight_ih_l0, dec": ("Input weights", #"Multiply $x_{t}^{\text{dec}}$: the decoder has weights of its own.«per row»"#),
            "weight_hh_l0, dec": ("Recurrent weights", #"Multiply $s_{t-1}$«per row»."#),
            "bias_ih_l0, dec": ("Input bias", ""),
            "bias_hh_l0, dec": ("Recurrent bias", ""),
            "s[t].grad": ("gradient of the decoder state", #"What reaches $s_{«t»}$: its uses at step «t» («uses»), plus what step «t+1» passes back through the decoder's cell."#),
            "s[t].grad, last": ("gradient of the decoder state", #"The last step: only its uses at step «t» («uses») reach $s_{«t»}$."#),
            "h[i].grad": ("gradient of the encoder state", #"Row «i» of $\partial L / \partial M$ (what every decoder step's attention passes to $h_{«i»}$), plus what step «i+1» passes back through the encoder's cell."#),
            "h[i].grad, last": ("gradient of the encoder state", #"Row «i» of $\partial L / \partial M$ (what every decoder step's attention passes to $h_{«i»}$), plus what the decoder's first step passes back: it started from $s_{0} = h_{«i»}$."#),
            "c[t].grad, dec": ("gradient of the decoder's cell state", #"Through $s_{«t»} = o_{«t»}^{\text{dec}} \odot \tanh(c_{«t»}^{\text{dec}})$, plus what step «t+1» passes back through its forget gate."#),
            "c[t].grad, dec, last": ("gradient of the decoder's cell state", #"Through $s_{«t»} = o_{«t»}^{\text{dec}} \odot \tanh(c_{«t»}^{\text{dec}})$ only: the last step."#),
            "c[i].grad, enc": ("gradient of the encoder's cell state", #"Through $h_{«i»}$, plus what step «i+1» passes back through its forget gate."#),
            "c[i].grad, enc, last": ("gradient of the encoder's cell state", #"Through $h_{«i»}$, plus what the decoder's first step passes back: it started from $c_{0}^{\text{dec}} = c_{«i»}^{\text{enc}}$."#),
            "attn.weight, general": ("Score weights", #"$W_{a}$ of the score $s_{t}^{\top} W_{a} h_{i}$: it lets a decoder state match an encoder state that is not simply parallel to it."#),
            "attn.weight, concat": ("Score weights", #"$W_{a} = [\,W_{a}^{s}\;\; W_{a}^{h}\,]$ of the score $v_{a}^{\top} \tanh(W_{a} [s_{t} ; h_{i}])$: its first $H$ columns read $s_{t}$, its last $H$ read $h_{i}$."#),
            "attn.v": ("Score vector", #"$v_{a}$ turns the $H$ numbers of $\tanh(W_{a} [s_{t} ; h_{i}])$ into one score."#),
            "combine.weight": ("Combine weights", #"$W_{c}$ reads the context and the decoder state side by side, $[c_{t} ; s_{t}]$ (Luong et al.'s order: context first), and makes the attentional state $\tilde h_{t}$."#),
            "combine.bias": ("Combine bias", ""),
            "out.weight": ("Output weights", #"Row $j$ turns $\tilde h_{t}$ into class $j$'s score."#),
            "out.bias": ("Output bias", ""),
            "memory": ("encoder states", #"The encoder's states as rows, $h_{i}$ in row $i$: what every decoder step attends over. The decoder reads all of them, not only the last."#),
            "keys, general": ("keys", #"Row $i$ is $(W_{a} h_{i})^{\top}$: the score $s_{t}^{\top} W_{a} h_{i}$ is $s_{t}$ dotted with it, so $W_{a}$ is applied once per source position, not once per pair."#),
            "keys, concat": ("keys", #"Row $i$ is $(W_{a}^{h} h_{i})^{\top}$, the part of $W_{a} [s_{t} ; h_{i}]$ that does not depend on the decoder step, computed once."#),
            "q[t]": ("query part", #"$W_{a}^{s} s_{t}$, the part of $W_{a} [s_{t} ; h_{i}]$ that does not depend on the source position."#),
            "u[t]": ("score features", #"Row $i$ is $\tanh(W_{a}^{s} s_{t} + W_{a}^{h} h_{i}) = \tanh(W_{a} [s_{t} ; h_{i}])$: one small layer per pair of states."#),
            "e[t], dot": ("attention scores", #"$e_{t,i} = s_{t}^{\top} h_{i}$: large where the decoder state and encoder state $i$ point the same way."#),
            "e[t], general": ("attention scores", #"$e_{t,i} = s_{t}^{\top} W_{a} h_{i}$, row $i$ of $K$ times $s_{t}$."#),
            "e[t], concat": ("attention scores", #"$e_{t,i} = v_{a}^{\top} \tanh(W_{a} [s_{t} ; h_{i}])$, row $i$ of $U_{t}$ times $v_{a}$."#),
            "alpha[t]": ("attention weights", #"The softmax of the scores: positive, summing to 1 over the source positions. They say how much of each $h_{i}$ goes into the context. Each exponent has the largest score taken off first: the weights do not change, and no exp can overflow."#),
            "c[t]": ("context", #"$c_{t} = \sum_{i} \alpha_{t,i} h_{i}$: the encoder states averaged with the attention weights, a different mix at every decoder step."#),
            "cs[t]": ("context and state", #"The context and the decoder state one after the other, as the combine layer reads them."#),
            "h_tilde[t]": ("attentional state", #"$\tanh(W_{c} [c_{t} ; s_{t}] + b_{c})$: what the decoder knows ($s_{t}$) and what it looked up ($c_{t}$), in one vector."#),
            "y[t]": ("output scores", #"One score (a logit) per output class."#),
            "p[t]": ("probabilities", #"The softmax of the scores: the decoder's prediction of the next word."#),
            "loss[t]": ("loss", #"$-\log$ of the probability given to the right class."#),
            "loss": ("mean loss", #"The mean over the $T$ steps, as `F.cross_entropy` computes it."#),
            "grad_output": ("Gradient of the output", #"∂L/∂«X»_t in row $t$: the loss is $L = \sum_{t} G_{t} \cdot «X»_{t}$, as PyTorch's `backward(grad_output)`."#),
            "loss.grad": ("gradient of the loss", #"The backward pass starts here: $L$ changes one for one with itself."#),
            "loss[t].grad": ("gradient of a step's loss", #"$L$ is the mean of the «T» steps' losses, so each counts $1/«T»$."#),
            "y[t].grad": ("gradient of the output scores", #"Softmax minus one-hot, times $\partial L/\partial \ell_{t}$: positive where raising the score would raise the loss."#),
            "y[t].grad, given": ("gradient of the output scores", #"Row $t$ of $G$."#),
            "h_tilde[t].grad": ("gradient of the attentional state", #"Back through the output layer: $W_{out}^{\top}$ times the scores' gradient."#),
            "h_tilde[t].grad, given": ("gradient of the attentional state", #"Row $t$ of $G$."#),
            "cs[t].grad": ("gradient of the combine layer's input", #"Back through the tanh (its slope $1 - \tilde h_{t}^{2}$) and then $W_{c}^{\top}$. Its first $H$ entries are the context's gradient, its last $H$ the decoder state's share."#),
            "c[t].grad": ("gradient of the context", #"The first $H$ entries of the combine layer's input gradient."#),
            "c[t].grad, given": ("gradient of the context", #"Row $t$ of $G$."#),
            "alpha[t].grad": ("gradient of the weights", #"$\partial L/\partial \alpha_{t,i} = h_{i} \cdot \partial L/\partial c_{t}$: a weight's gradient is how well its encoder state lines up with the context's gradient."#),
            "e[t].grad, dot": ("gradient of the attention scores", #"Through the softmax: $\alpha_{t,i}$ times (its weight's gradient less the weighted mean of them all). The scores' gradients sum to 0: raising every score alike changes nothing."#),
            "e[t].grad, general": ("gradient of the attention scores", #"Through the softmax: $\alpha_{t,i}$ times (its weight's gradient less the weighted mean of them all). The scores' gradients sum to 0: raising every score alike changes nothing."#),
            "e[t].grad, concat": ("gradient of the attention scores", #"Through the softmax: $\alpha_{t,i}$ times (its weight's gradient less the weighted mean of them all). The scores' gradients sum to 0: raising every score alike changes nothing."#),
            "u[t].grad": ("gradient of the score features", #"Row $i$ is $\partial L/\partial e_{t,i}$ times $v_{a}$."#),
            "q[t].grad": ("gradient of the query part", #"The sum over the source positions of the rows of $\partial L/\partial U_{t}$, each through the tanh's slope."#),
            "keys.grad": ("gradient of the keys", #"Every decoder step's share, summed."#),
            "memory.grad": ("gradient of the encoder states", #"Row $i$ gathers what every decoder step passes to $h_{i}$: through its score and through its share of the context. This is the short path attention makes: each $h_{i}$ gets gradient straight from every decoder step, not only back through the encoder's chain."#),
            "cell weight.grad": ("gradient", #"Each of the cells' weights and biases is shared by its steps: its gradient is the sum of every step's term, as in the cell's lesson."#),
            "out.weight.grad": ("gradient of the output weights", #"The sum over the steps of $\frac{\partial L}{\partial y_{t}} \tilde h_{t}^{\top}$."#),
            "out.bias.grad": ("gradient of the output bias", #"The sum of $\frac{\partial L}{\partial y_{t}}$ over the steps."#),
            "combine.weight.grad": ("gradient of the combine weights", #"The sum over the steps of the combine layer's gradient times $[c_{t} ; s_{t}]^{\top}$."#),
            "combine.bias.grad": ("gradient of the combine bias", ""),
            "attn.v.grad": ("gradient of the score vector", #"The sum over the steps and positions of $\partial L/\partial e_{t,i}$ times row $i$ of $U_{t}$."#),
            "attn.weight.grad": ("gradient of the score weights", #"Every step's and every position's share, summed."#),
            "target.grad": ("gradient of the target inputs", #"Row $t$ is what the decoder's step $t$ passes back to its input."#),
            "source.grad": ("gradient of the source", #"Row $i$ is what the encoder's step $i$ passes back to its input."#),
        ],
        text: [
            "title": "Sequence to sequence with attention",
            "summary": "Encoder–decoder with Luong attention: scores, weights, context at each decoder step",
            "why": #"""
                A **sequence-to-sequence** model translates: an **encoder** reads the source sentence into states \#
                $h_{1} \dots h_{S}$, and a **decoder** writes the target a word at a time from states $s_{1}, s_{2}, \dots$ \#
                Without attention the decoder sees the source only through the encoder's last state $h_{S}$, which must \#
                hold the whole sentence (seed 004: that context vector "holds the last word most clearly"). With **attention**, every decoder \#
                step looks back at *every* encoder state: it scores each $h_{i}$ against its own state $s_{t}$, turns the \#
                scores into weights with a softmax, and takes the weighted average of the $h_{i}$, the context $c_{t}$. \#
                Which source words a target word draws on is then something the model computes, and you can read it: \#
                the weights, drawn as a matrix, are the alignment of the two sentences.
                """#,
            "heading equations": "Equations",
            "default.summary": "나는 너를 사랑해 → I love you: three words whose alignment crosses",
            "default.story": #"""
                The source is Korean, *나는 너를 사랑해* ("I", "you" as object, "love"), and the target English, *I love \#
                you*. Each word is a one-hot row: the source's columns are its three words, the decoder's the three words \#
                it reads, `<s>`, "I" and "love" (its output classes are "I", "love" and "you"). With teacher forcing the \#
                decoder reads the start symbol, then "I", then "love", and at each step should predict the next English \#
                word. The verb comes last in Korean and second in English, so a good alignment is not in order: "love" \#
                should draw on the third source word, "you" on the second. The weights were chosen by hand, to one \#
                decimal: the encoder's input weights put its three states about 120° apart, and the decoder's are the \#
                same with the second row's signs flipped, so that after `<s>`, "I" and "love" its states point like \#
                $h_{1}$, $h_{3}$ and $h_{2}$. The cells are plain tanh RNNs, to keep the numbers few; seed 004 notes that \#
                LSTM or GRU cells are the usual choice (`"cell": "lstm"` or `"gru"` runs the same model with them).
                """#,
            "seed-004.summary": "Seed 004's c_4 = Σ ⟨s_4, h_i⟩ h_i, set beside the softmax's context",
            "seed-004.story": #"""
                Seed 004 builds attention into seq2seq as $c_{4} = \langle s_{4}, h_{1} \rangle h_{1} + \langle s_{4}, h_{2} \rangle h_{2} \#
                + \langle s_{4}, h_{3} \rangle h_{3}$: the decoder's fourth state $s_{4}$ scored against three encoder states, \#
                the scores used as the weights. This example is the default one's encoder and decoder (its first three \#
                steps are the default's), with a fourth decoder input and no layers after the context, so that $c_{4}$ \#
                is the last thing computed. "What the seed notes say" below sets the seed's sum beside the context real \#
                attention computes, with the softmax.
                """#,
            "looks most at, first": #"Step «t» looks most at source position «i»«token»: $\alpha_{«t»,«i»} = «a»$ (an even spread would give each «even»)."#,
            "looks most at": #"Step «t» looks most at source position «i»«token»: $\alpha_{«t»,«i»} = «a»$."#,
            "token": " (“«token»”)",
            "class j": "class «j»",
            "position i": "position «i»",
            "and so on": ", and so on",
            "predicts": "The likeliest is «chosen» ($«p»$).",
            "predicts, tie, no target": "«chosen» and «other» tie as likeliest ($«p»$).",
            "predicts, right": "The likeliest is «chosen» ($«p»$), the right one.",
            "predicts, wrong": "The likeliest is «chosen» ($«p»$), but the right one is «target» ($«q»$): wrong.",
            "predicts, tie": "«chosen» and «other» tie as likeliest ($«p»$); the right one is «target» ($«q»$).",
            "alignment pair": "step «t» on «source» («a»)",
            "alignment, nan": "Some scores overflowed, so some weights are not numbers (nan): the alignment cannot be read from them.",
            "alignment, none": "No step has a single largest weight: no step prefers one source position.",
            "alignment, some": "The steps with a single largest weight: «pairs»; the others have no single largest.",
            "weights, nan": #"The scores at step «t» are not all finite numbers (they overflowed), so neither are its weights: the softmax of infinities has no value."#,
            "weights, even": #"Step «t» spreads its weight evenly: each $\alpha_{«t»,i} = «a»$; it prefers no source position."#,
            "weights, tie": #"Step «t» looks equally at «which» («a» each)."#,
            "alignment": "The largest weight of each step: «pairs».",
            "alignment, in order": "The largest weight of each step: «pairs». The steps look at the source in its own order.",
            "alignment, crossing": "The largest weight of each step: «pairs». The alignment is not in the source's order: step «t» looks at position «i», before position «j», where step «s» looked.",
            "alignment, crossing, words": "The largest weight of each step: «pairs». The alignment is not in the source's order: step «t» looks at position «i», before position «j», where step «s» looked, as when two languages order their words differently.",
            "slide seed context": #"Seed 004's RNN + attention: “$c_{4} = \langle s_{4}, h_{1} \rangle h_{1} + \langle s_{4}, h_{2} \rangle h_{2} + \langle s_{4}, h_{3} \rangle h_{3}$”, the dot products themselves as the weights (its Transformer part later adds the softmax)."#,
            "seed context": #"Computed at «which» with these numbers: the weights $\langle s_{«t»}, h_{i} \rangle = e_{«t»,i}$ are «e», summing to «sum»«negative», and give $\sum_{i} e_{«t»,i} h_{i} = «raw»$ (length «rawNorm»). The softmax makes them «alpha», positive and summing to 1, and $c_{«t»} = «c»$ (length «norm»): an average of the $h_{i}$, which the seed's sum is not (were $s_{«t»}$ twice as long, the seed's weights and its context would double, while the softmax's weights would only grow sharper). Real attention, Luong's and the Transformer's alike, has the softmax."#,
            "seed step 4": "step 4, as the seed,",
            "all of them": "all of them",
            "n of them": "«n»",
            "seed step last": "step «t» (the last here; the seed's is step 4),",
            "seed negative": ", with «which» weighed negatively (subtracted)",
            "seed negative, several": ", with «which» weighed negatively (subtracted)",
            "slide last state": #"Seed 004 (translated): “the context vector holds the last word most clearly, so the decoder, translating from that $h$, looks hardest at the last word” (its context vector is the encoder's last state, here $s_{0} = h_{«S»}$, not this lesson's $c_{t}$)."#,
            "last state": #"Without attention the decoder reads the source only through $s_{0} = h_{«S»}$. With it, the weights on $h_{«S»}$ over the «T» steps are «weights»: at «others» of them another encoder state gets the largest weight."#,
            "last state, confirmed": #"Without attention the decoder reads the source only through $s_{0} = h_{«S»}$. Here too $h_{«S»}$ gets the largest weight at every step («weights»): these weights still look mostly at the last state."#,
            "equations, dot": #"""
                \begin{aligned}
                h_{i} &= \operatorname{cell}^{\text{enc}}(x_{i}, h_{i-1}),\ h_{0} = 0 && \text{the encoder, } i = 1 \dots S \\
                s_{t} &= \operatorname{cell}^{\text{dec}}(x_{t}^{\text{dec}}, s_{t-1}),\ s_{0} = h_{S} && \text{the decoder, } t = 1 \dots T \\
                e_{t,i} &= s_{t}^{\top} h_{i} && \text{score: dot} \\
                """#,
            "equations, general": #"""
                \begin{aligned}
                h_{i} &= \operatorname{cell}^{\text{enc}}(x_{i}, h_{i-1}),\ h_{0} = 0 && \text{the encoder, } i = 1 \dots S \\
                s_{t} &= \operatorname{cell}^{\text{dec}}(x_{t}^{\text{dec}}, s_{t-1}),\ s_{0} = h_{S} && \text{the decoder, } t = 1 \dots T \\
                e_{t,i} &= s_{t}^{\top} W_{a} h_{i} && \text{score: general} \\
                """#,
            "equations, concat": #"""
                \begin{aligned}
                h_{i} &= \operatorname{cell}^{\text{enc}}(x_{i}, h_{i-1}),\ h_{0} = 0 && \text{the encoder, } i = 1 \dots S \\
                s_{t} &= \operatorname{cell}^{\text{dec}}(x_{t}^{\text{dec}}, s_{t-1}),\ s_{0} = h_{S} && \text{the decoder, } t = 1 \dots T \\
                e_{t,i} &= v_{a}^{\top} \tanh(W_{a} [s_{t} ; h_{i}]) && \text{score: concat} \\
                """#,
            "equations, attention": #"""
                \alpha_{t} &= \operatorname{softmax}(e_{t}) && \text{the attention weights over } i \\
                c_{t} &= \textstyle\sum_{i=1}^{S} \alpha_{t,i} h_{i} && \text{the context} \\
                """#,
            "equations, combine": #"""
                \tilde h_{t} &= \tanh(W_{c} [c_{t} ; s_{t}] + b_{c}) && \text{the attentional state} \\
                """#,
            "equations, out": #"""
                y_{t} &= W_{out} \tilde h_{t} + b_{out}, \quad p_{t} = \operatorname{softmax}(y_{t}) && \text{the next word's probabilities} \\
                """#,
            "equations, loss": #"""
                \ell_{t} &= -\log p_{t,k_{t}}, \quad L = \tfrac{1}{T} \textstyle\sum_{t=1}^{T} \ell_{t} && k_{t} \text{ the right class at step } t \\
                """#,
            "equations, end": #"""
                \end{aligned}
                """#,
            "convention": #"""
                **Convention:** Luong et al. (2015), "global attention": the score reads the decoder's state \#
                *after* its step, $s_{t}$, and the context does not feed back into the decoder's steps«combine» \#
                (Luong et al.'s *input feeding*, which passes $\tilde h_{t-1}$ into step $t$, is left out). The cells are \#
                PyTorch's («module»), computed as in the «lesson» lesson, with their `state_dict` keys under `encoder.` \#
                and `decoder.`; their symbols carry $\text{enc}$ or $\text{dec}$ (their states are $h_{i}$ and $s_{t}$). \#
                The encoder's states are the rows of $M$, so that $e_{t} = M s_{t}$ and $c_{t} = M^{\top} \alpha_{t}$; \#
                $\langle a, b \rangle$ is the dot product $a^{\top} b$. **Bahdanau et al. (2015)** differ: they score with \#
                the state *before* the step, $s_{t-1}$, feed the context into the decoder's input \#
                ($s_{t} = \operatorname{cell}([x_{t}^{\text{dec}} ; c_{t}], s_{t-1})$), read a bidirectional encoder \#
                (lesson birnn), and use the additive score $v^{\top} \tanh(W s_{t-1} + U h_{i})$, which is this lesson's \#
                `"score": "concat"`, $v_{a}^{\top} \tanh(W_{a} [s_{t} ; h_{i}])$, up to biases. Seed 004 writes the context \#
                without the softmax, $c_{4} = \sum_{i} \langle s_{4}, h_{i} \rangle h_{i}$, in row vectors ($s_{4} W$ where \#
                these notes write $W s_{4}$), and lists the limits that remain: the $h_{i}$ still come through the RNN's \#
                chain, so far words fade, and each $h_{i}$ knows nothing of the words after it (a bidirectional \#
                encoder's answer to the second).
                """#,
            "convention, combine": #"""
                : it joins $s_{t}$ in $\tilde h_{t}$. Seed 004's $\hat y_{4} = s_{4} W_{y} + c_{4} W_{y}' + x_{4} W_{x}$ \#
                reads the context at the output too, but linearly and with the input as well, where $\tilde h_{t}$ puts \#
                a tanh between
                """#,
            "cell module, rnn": "`nn.RNN`, tanh",
            "cell equation, rnn": #": $h_{i} = \tanh(W_{ih}^{\text{enc}} x_{i} + b_{ih}^{\text{enc}} + W_{hh}^{\text{enc}} h_{i-1} + b_{hh}^{\text{enc}})$"#,
            "cell module, lstm": "`nn.LSTM`",
            "cell module, gru": "`nn.GRU`",
            "label c unit": "c, unit «j»",
            "label s unit": "s, unit «j»",
            "label t, reads": "step t · reads",
            "cell lesson, rnn": "rnn-unroll",
            "cell lesson, lstm": "lstm-gates",
            "cell lesson, gru": "gru",
            "legend S": "source positions (encoder steps)",
            "legend T": "decoder steps",
            "legend H": "hidden units, the same in the encoder and the decoder",
            "legend V": "output classes: the words the decoder can predict",
            "label i": "i",
            "label class": "class",
            "label entry": "entry",
            "label t, target": "step t · reads → should predict",
            "label i, source": "source position i",
            "heading encoder weights": "The encoder's cell",
            "heading decoder weights": "The decoder's cell",
            "heading encoder": "The encoder",
            "encoder": #"""
                The encoder is the cell of the «lesson» lesson («module»«equation»), run over the «S» source rows from a zero state; each \#
                equation is written out below, and what the cell's values mean is said in that lesson. Its states \#
                $h_{1} \dots h_{«S»}$ are kept: the attention reads them all.
                """#,
            "heading decoder": "The decoder, with attention at each step",
            "decoder": #"""
                The decoder starts from the encoder's last state, $s_{0} = h_{«S»}$, and reads the target rows. At each of its \#
                «T» steps it computes its state $s_{t}$ with a cell of the same kind and weights of its own, then scores all «S» encoder states \#
                against it, turns the scores into weights, and mixes the states into the context.
                """#,
            "heading loss": "The loss",
            "heading summary": "Summary: the alignment",
            "figure alignment": "Attention weights (alignment)",
            "panel alignment": "α_t,i",
            "figure alignment, description": "Heatmap of the attention weights: one row per target step, one column per source position; each row sums to 1.",
            "backward why": #"""
                The gradient goes back through each decoder step's layers and attention to its state $s_{t}$, then through \#
                the decoder's cell as in its lesson. Every decoder step also passes gradient to every encoder state \#
                through the attention; the encoder's states gather it, and it goes back through the encoder's cell.
                """#,
            "heading decoder back": "The decoder's steps, back",
            "short path, cancel": #"The two parts partly cancel: $\frac{\partial L}{\partial h_{1}}$ has length $«total»$."#,
            "short path, add": #"Together, $\frac{\partial L}{\partial h_{1}}$ has length $«total»$."#,
            "short path": #"Attention's short path, in numbers: row 1 of $\frac{\partial L}{\partial M}$, what the attention at every decoder step passes straight to $h_{1}$, has length $«direct»$; the rest of $\frac{\partial L}{\partial h_{1}}$ comes back through the encoder's step 2 (length $«chain»$), and itself carries the attention's gradient to the later states, passed back. «together» Without attention, gradient could reach $h_{1}$ only from the decoder's start, $s_{0} = h_{«S»}$, back through every encoder step."#,
            "heading memory back": "The encoder states' gradient from the attention",
            "heading encoder back": "The encoder's steps, back",
            "heading weight gradients": "The weights' gradients",
        ],
        korean: korean
    )
}
