// The words of positional-encoding. Keys are value names or names for the paragraphs; slots:
// «sines» and «cosines», the sizes of the two halves in the concatenated layout.

import TraceCore

extension PositionalEncoding {
    static let words = Words(
        captions: [
            "output.grad": ("gradient of the output", "The loss's gradient $G$ itself: the output is what the loss sees."),
            "x.grad": ("gradient of the embeddings", "A sum passes the gradient on unchanged. $PE$, made from the positions alone, has none (a learned position embedding, as in BERT or ViT, would get this same gradient)."),
            "positions": ("Positions", ""),
            "positions, from 1": ("Positions", "Counted from «first», not from the paper's 0."),
            "d_model": ("Width", ""),
            "base": ("Base", "The paper's value."),
            "base, other": ("Base", "The paper uses 10000."),
            "x": ("Embeddings", ""),
            "exponent": ("exponents", ""),
            "exponent, concatenated": ("exponents", "One per pair: sine column i and cosine column i of each half share it."),
            "divisor": ("divisors", "Pair 0 turns one radian per «first», pair «last pair» per «last»."),
            "divisor, one pair": ("divisors", "One pair: one radian per «first»."),
            "angle": ("angles", "In radians."),
            "PE": ("positional encoding", "Sines in table «sine columns» (the paper's «paper sine columns»), cosines in «cosine columns».«slow»"),
            "PE, one column": ("positional encoding", "The sine of the angle."),
            "PE, concatenated": ("positional encoding", "Sines in the first «sines» columns, cosines in the last «cosines».«slow»"),
            "output": ("embeddings plus positions", ""),
        ],
        text: [
            "backward equations": #"\frac{\partial L}{\partial X} = \frac{\partial L}{\partial (X + PE)}"#,
            "heading back through": "Back through the sum",
            "summary": "Sinusoidal positional encoding: sines and cosines of geometric frequencies, added to the embeddings",
            "title": "Sinusoidal positional encoding",
            "default.summary": "four positions, d_model 4, added to four embeddings",
            "default.story": "The embeddings of “the cat sat down”, one position each.",
            "wave.summary": "50 positions × 16 columns: the wave pattern of the encoding",
            "wave.story": #"""
                Fifty positions and $d_{\text{model}} = 16$, enough to see the pattern in the heatmap: the first \#
                columns alternate quickly down the positions, each later pair waves more slowly, and the last \#
                pairs barely change over 50 positions.
                """#,
            "alternative concatenated": "the concatenated layout, all sines then all cosines (as drawn in The Illustrated Transformer)",
            "alternative interleaved": "the paper's interleaved layout, sin and cos alternating",
            "alternative from 1": "positions counted from 1 instead of 0",
            "why": #"""
                Attention ignores token order (seeds 000, 001, 003 and 004), so the Transformer adds to each \#
                embedding a vector of its **position**: sines and cosines at geometrically spaced frequencies.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                PE_{pos,\,2i} &= \sin(\omega_{i}\, pos), \qquad PE_{pos,\,2i+1} = \cos(\omega_{i}\, pos), \qquad \omega_{i} = \frac{1}{base^{2i/d_{\text{model}}}} \\
                \text{output} &= X + PE
                \end{aligned}
                """#,
            "convention": #"""
                $pos$ is the position; $i$ indexes frequencies, not tokens as in the attention notes. The paper \#
                counts columns from 0, so columns $2i$ and $2i + 1$ share $\omega_{i}$; the tables count from 1.
                """#,
            "why sinusoids": #"""
                **Why sinusoids:** every entry stays between −1 and 1, any position gets a vector, and moving $k$ \#
                positions on rotates each (sin, cos) pair by $k \omega_{i}$ whatever $pos$, so $PE_{pos+k}$ is a \#
                linear function of $PE_{pos}$ (the paper's reason).
                """#,
            "why gap": #"""
                Dot products and distances of rows depend only on the gap $k$ \#
                ($\sin a \sin b + \cos a \cos b = \cos(a - b)$; each pair has length 1):
                """#,
            "gap": #"""
                PE_{pos} \cdot PE_{pos+k} = \textstyle\sum_{i} \cos k\omega_{i}, \qquad \#
                \lVert PE_{pos} - PE_{pos+k} \rVert = \sqrt{\textstyle\sum_{i} (2 - 2\cos k\omega_{i})}
                """#,
            "concatenated": #"""
                **This note puts all sines first,** as The Illustrated Transformer draws them: «sines» sines, then \#
                «cosines» cosines at the same frequencies.
                """#,
            "legend n": "positions",
            "legend d": "columns",
            "legend pairs": "frequency pairs",
            "heading steps": "Step by step",
            "heading frequencies": "Frequencies",
            "heading angles": "Angles and sinusoids",
            "heading adding": "Adding the encoding",
            "heading summary": "Summary",
            "figure": "The positional encoding",
            "figure panel": "PE: positions down, columns across",
            "figure description": "Rows: «positions» («rows»); columns: table columns; red +1, white 0, blue −1.",
            "one column": "column «c»",
            "many columns": "columns «c»",
            "figure one position": "position «p»",
            "figure positions": "positions «p»",
            "one row": "table row «r»",
            "many rows": "table rows «r»",
            "notice, relative": #"""
                Neighbours have $PE_{pos} \cdot PE_{pos+«step»} = «terms»«dot»$ at every $pos$ here. The dot product \#
                cannot tell before from after ($PE_{pos-«step»}$ gives the same)«farther».
                """#,
            "terms, few": "«terms» = ",
            "farther": #"""
                , nor near from far: $PE_{«a»} \cdot PE_{«b»} = «dot»$ is larger, those rows only «distance» apart \#
                (neighbours: «neighbours»)
                """#,
            "slow, hardly": " The slowest pair hardly moves: by $pos = «pos»$ its angle is only «angle» (columns «sine» and «cosine»: «sine from» → «sine to», «cosine from» → «cosine to»).",
            "slow": " By $pos = «pos»$ the slowest pair reaches the angle «angle» (columns «sine» and «cosine»: «sine from» → «sine to», «cosine from» → «cosine to»).",
            "token": "“«token»”",
            "row": "row «i»",
            "notice": "The encoding depends on the position alone: the same position gets the same row in every sentence.",

            // Sentences from the numbers.
            "one position": "1 position",
            "many positions": "«count» positions",
            "plural": "s",

            // What the seed notes say, and what the numbers show.
            "slides order": #"""
                - Seed 000: “Feed in A B C D or B A C D: the encoded values do not change.” Only when nothing \#
                marks the position: «token» at $pos = «other»$ would enter as («moved»), not («row»).
                """#,
            "slides periods": #"""
                - Seed 001: “Sine and cosine, periodic functions with different periods.” Confirmed: pair 0 \#
                repeats every $2\pi \cdot «first divisor» \approx «first»$ positions, pair «last pair» every \#
                $2\pi \cdot «last divisor» \approx «last»$«ratio».
                """#,
            "slides periods, ratio": ", each pair's period «ratio» times the one before",
            "slides i": #"""
                - Seed 001: “$i$ is the position.” Refuted (if the missing slide image is the paper's formula): \#
                $i$ counts frequency pairs; at $pos = «pos»$, table column «column»«paper» is \#
                $\«function»(«pos»/«divisor») = «value»$.
                """#,
            "slides i, concatenated": " ($i = «i»$)",
            "slides i, paper": ", the paper's $2i = «paper»$ ($i = «i»$),",
            "slides distinct, all": #"""
                - Seed 001: “A different position makes the encoding vector different.” Confirmed for these «n» \#
                positions: the nearest rows, «distance» apart, are those of «pairs»«tie».
                """#,
            "slides distinct, tie": " (a tie: only the gap counts)",
            "pair of positions": "«a» and «b»",
            "list more": "all «count» pairs with gap «gap», from «first» to «last»",
            "pairs few": "positions «pairs»",
            "slides distinct, neighbours": #"""
                - Seed 001: “A different position makes the encoding vector different.” Confirmed for these «n» \#
                positions: neighbouring rows are at least «distance» apart (positions «a» and «b»).
                """#,
            "slides distinct, repeated": #"""
                - Seed 001: “A different position makes the encoding vector different.” Only when the positions \#
                differ: rows «r1» and «r2» are both position «a», and so are their vectors.
                """#,
            "slides distinct, coincide": #"""
                - Seed 001: “A different position makes the encoding vector different.” Refuted: positions «a» \#
                and «b» get the same row.
                """#,
        ],
        korean: koreanWords)
}
