// The words of positional-encoding. Keys are value names or names for the paragraphs; slots:
// «sines» and «cosines», the sizes of the two halves in the concatenated layout.

import TraceCore

extension PositionalEncoding {
    static let words = Words(
        captions: [
            "output.grad": ("gradient of the output", "The loss's gradient G itself: the output is what the loss sees."),
            "x.grad": ("gradient of the embeddings", #"The sum passes the gradient on unchanged: $\frac{\partial L}{\partial X} = \frac{\partial L}{\partial (X + PE)}$. The encoding itself has no gradient: it is made from the positions alone, with nothing to learn (a learned position embedding, as in BERT or ViT, would get this same gradient)."#),
            "positions": ("Positions", "The position of each row, counted from 0 as in the paper."),
            "d_model": ("Width", "The number of columns of the encoding, equal to the embedding width."),
            "base": ("Base", #"Sets how slowly the last columns turn: wavelengths grow geometrically from $2\pi$ positions towards $2\pi \cdot base$ (reached only as $d$ grows)."#),
            "x": ("Embeddings", "The token embeddings the encoding is added to."),
            "exponent": ("exponents 2i/d", "Columns 2i and 2i+1 (counting from 0) share the exponent $2i/d$, so they share a frequency."),
            "exponent, concatenated": ("exponents 2i/d", "Sine column i and cosine column i (each counted from 0 in its half) share the exponent $2i/d$, so they share a frequency."),
            "divisor": ("divisors", "How many positions it takes for the angle to grow by one radian: 1 for the first pair, then growing geometrically; the last pair's is $base^{2i/d}$ with its own $i$, close to $base$ only when $d$ is large."),
            "angle": ("angles", "Entry (pos, j) is $pos / base^{2i/d}$: fast-turning in the first columns, slow in the last."),
            "PE": ("positional encoding", "sin of the angle in the paper's even columns (the tables' odd ones), cos in the others: every row a different pattern, every entry between −1 and 1."),
            "PE, concatenated": ("positional encoding", "sin of the angle in the first «sines» columns, cos in the last «cosines» (the concatenated layout): every row a different pattern, every entry between −1 and 1."),
            "output": ("embeddings plus positions", "What the first Transformer layer receives: the token's meaning and its position in one vector."),
        ],
        text: [
            "backward equations": #"\frac{\partial L}{\partial X} = \frac{\partial L}{\partial (X + PE)}"#,
            "heading back through": "Back through the sum",
            "summary": "Sinusoidal positional encoding: sines and cosines of geometric frequencies, added to the embeddings",
            "title": "Sinusoidal positional encoding",
            "default.summary": "four positions, d_model 4, added to four embeddings",
            "default.story": #"""
                Four positions (0 to 3) and $d_{\text{model}} = 4$, so there are two frequency pairs: columns 1–2 turn \#
                with angle $pos / 10000^{0} = pos$ (one radian per position), columns 3–4 with \#
                $pos / 10000^{2/4} = pos / 100$, a hundred times slower. The fast pair tells neighbouring \#
                positions apart; the slow pair changes little here but keeps distant positions apart in long \#
                sequences. The encoding is added to four token embeddings of “the cat sat down”.
                """#,
            "wave.summary": "50 positions × 16 columns: the wave pattern of the encoding",
            "wave.story": #"""
                Fifty positions and $d_{\text{model}} = 16$, large enough to see the pattern the formula makes: \#
                in the heatmap the first columns alternate quickly down the positions, and each later pair of \#
                columns waves more slowly, until the last pairs barely change over 50 positions. The tables are \#
                cut to their corners; `--format json` has every value.
                """#,
            "alternative concatenated": "the concatenated layout, all sines then all cosines (as drawn in The Illustrated Transformer)",
            "alternative interleaved": "the paper's interleaved layout, sin and cos alternating",
            "alternative from 1": "positions counted from 1 instead of 0",
            "why": #"""
                Attention treats its input as a *set*: shuffle the tokens and every output is shuffled the same \#
                way (`lesson attention-qkv`). Word order matters, so the Transformer adds to each token embedding a \#
                vector that depends only on the token's **position**. The original paper uses fixed sinusoids: \#
                each pair of columns is a sine and a cosine of the position at one frequency, and the frequencies \#
                fall geometrically from one radian per position to one turn per $2\pi \cdot 10000$ positions.
                """#,
            "why sinusoids": #"""
                **Why sinusoids** (seed notes 000, 001): the values stay between −1 and 1 however long the \#
                sequence; every position gets a different vector; the same formula works for positions never seen \#
                in training; and shifting by $k$ positions is the same linear map for every position, a rotation \#
                of each (sin, cos) pair by the angle $k \omega_{i}$, which makes relative positions easy to read \#
                off with a matrix product:
                """#,
            "rotation": #"""
                \begin{bmatrix} \sin(\omega_{i}(pos + k)) \\ \cos(\omega_{i}(pos + k)) \end{bmatrix} = \#
                \begin{bmatrix} \cos(\omega_{i} k) & \sin(\omega_{i} k) \\ -\sin(\omega_{i} k) & \cos(\omega_{i} k) \end{bmatrix} \#
                \begin{bmatrix} \sin(\omega_{i}\, pos) \\ \cos(\omega_{i}\, pos) \end{bmatrix}, \qquad \omega_{i} = \frac{1}{base^{2i/d}}
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                PE_{pos,\,2i} &= \sin\left(\frac{pos}{base^{2i/d}}\right), \qquad PE_{pos,\,2i+1} = \cos\left(\frac{pos}{base^{2i/d}}\right) \\
                \text{output} &= X + PE
                \end{aligned}
                """#,
            "convention": #"""
                Seed notes 001 write $i$ for the position; here, as in the paper, $pos$ is the position and $i$ \#
                numbers the frequency pairs. **Convention.** The paper's layout: sines in the even columns, cosines in the odd ones, counting \#
                columns from 0 as the paper does (so the tables' column 1 is the paper's column 0, a sine), with \#
                $base = 10000$ and positions from 0. The Illustrated Transformer draws the same numbers with all \#
                sines first and all cosines after (`layout: "concatenated"`). An odd $d$ leaves one sine without its cosine.
                """#,
            "concatenated": #"""
                **This trace uses the concatenated layout** (`layout: "concatenated"`): the «sines» sines come \#
                first and the «cosines» cosines after, with the same frequencies, as The Illustrated \#
                Transformer draws the encoding. The numbers are the paper's, in other columns: column j of the sine \#
                half and column j of the cosine half share frequency j.
                """#,
            "legend n": "positions (rows)",
            "legend d": #"$d_{\text{model}}$: columns of the encoding"#,
            "legend pairs": "frequencies (column pairs)",
            "heading steps": "Step by step",
            "heading frequencies": "One frequency per pair of columns",
            "heading angles": "Angles, then sines and cosines",
            "heading adding": "Adding the encoding",
            "heading summary": "Summary",
            "figure": "The positional encoding",
            "figure panel": "PE: positions down, columns across",
            "figure description": "Heatmap of the encoding, one row per position and one column per dimension: red +1, white 0, blue −1. The first columns change fastest down the rows; the last, slowest.",
            "notice": #"""
                Read the encoding column by column: the first pair of columns oscillates fastest, the last slowest, \#
                like the hands of a clock. Any two positions differ in some column, and nearby positions have \#
                similar rows, so the model can learn both absolute and relative position from the sum.
                """#,
        ])
}
