// The words of positional-encoding. Keys are value names or names for the paragraphs; slots:
// «sines» and «cosines», the sizes of the two halves in the concatenated layout.

import TraceCore

extension PositionalEncoding {
    static let words = Words(
        captions: [
            "output.grad": ("gradient of the output", "The loss's gradient $G$ itself: the output is what the loss sees."),
            "x.grad": ("gradient of the embeddings", "A sum passes the gradient on unchanged. $PE$, made from the positions alone, has none (a learned position embedding, as in BERT or ViT, would get this same gradient)."),
            "positions": ("Positions", "Counted from 0."),
            "d_model": ("Width", "The embedding width."),
            "base": ("Base", "The paper's value."),
            "base, other": ("Base", "The paper uses 10000."),
            "x": ("Embeddings", "The tokens' embeddings."),
            "exponent": ("exponents", "One per pair of columns."),
            "exponent, concatenated": ("exponents", "One per pair: sine column i and cosine column i of each half share it."),
            "divisor": ("divisors", "Pair 0 turns one radian per «first», pair «last pair» per «last»."),
            "divisor, one pair": ("divisors", "One pair: one radian per «first»."),
            "angle": ("angles", "In radians."),
            "PE": ("positional encoding", "sin in the tables' odd columns, cos in the even ones; every entry between −1 and 1."),
            "PE, one column": ("positional encoding", "sin of the angle, between −1 and 1."),
            "PE, concatenated": ("positional encoding", "sin in the first «sines» columns, cos in the last «cosines»; every entry between −1 and 1."),
            "output": ("embeddings plus positions", "Each token's embedding plus its position's row."),
        ],
        text: [
            "backward equations": #"\frac{\partial L}{\partial X} = \frac{\partial L}{\partial (X + PE)}"#,
            "heading back through": "Back through the sum",
            "summary": "Sinusoidal positional encoding: sines and cosines of geometric frequencies, added to the embeddings",
            "title": "Sinusoidal positional encoding",
            "default.summary": "four positions, d_model 4, added to four embeddings",
            "default.story": #"Four positions and $d_{\text{model}} = 4$, added to the embeddings of “the cat sat down”."#,
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
                Attention ignores token order (the attention-qkv note), so the Transformer adds to each embedding \#
                a vector that depends only on its **position**: sines and cosines of it, one frequency per pair of \#
                columns, the frequencies spaced geometrically (seed notes 000, 001).
                """#,
            "why sinusoids": #"""
                **Why sinusoids:** every entry stays between −1 and 1 however long the sequence, positions never \#
                seen in training get a vector too, and moving $k$ positions on turns each (sin, cos) pair by the \#
                same angle $k \omega_{i}$ whatever the position:
                """#,
            "rotation": #"""
                \begin{bmatrix} \sin(\omega_{i}(pos + k)) \\ \cos(\omega_{i}(pos + k)) \end{bmatrix} = \#
                \begin{bmatrix} \cos(\omega_{i} k) & \sin(\omega_{i} k) \\ -\sin(\omega_{i} k) & \cos(\omega_{i} k) \end{bmatrix} \#
                \begin{bmatrix} \sin(\omega_{i}\, pos) \\ \cos(\omega_{i}\, pos) \end{bmatrix}, \qquad \omega_{i} = \frac{1}{base^{2i/d_{\text{model}}}}
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                PE_{pos,\,2i} &= \sin\left(\frac{pos}{base^{2i/d_{\text{model}}}}\right), \qquad PE_{pos,\,2i+1} = \cos\left(\frac{pos}{base^{2i/d_{\text{model}}}}\right) \\
                \text{output} &= X + PE
                \end{aligned}
                """#,
            "convention": #"""
                Here $pos$ is the position, from 0, and $i$ the paper's frequency index, not a token as in the \#
                attention notes: columns $2i$ and $2i + 1$ share a frequency. The tables count columns from 1: \#
                column 1 is the paper's column 0, a sine. The Illustrated Transformer puts all sines first.
                """#,
            "concatenated": #"""
                **This trace uses the concatenated layout:** the «sines» sines first, then the «cosines» cosines, \#
                at the same frequencies, as The Illustrated Transformer draws it.
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
            "figure description": "Rows: positions; columns: dimensions; red +1, white 0, blue −1.",
            "notice, relative": #"""
                Moving on by «step» position«s» turns each pair by its own fixed angle, so \#
                $PE_{pos} \cdot PE_{pos+«step»}$ is «dot» for every $pos$ here: relative position can be read \#
                from a dot product.
                """#,
            "notice": "The encoding depends on the position alone: the same position gets the same row in every sentence.",

            // Sentences from the numbers.
            "one position": "1 position",
            "many positions": "«count» positions",
            "plural": "s",

            // What the slides say, and what the numbers show.
            "heading slides": "What the slides say, and what the numbers show",
            "slides i": #"""
                - Seed 001: “$i$ is the position.” Refuted: $i$ counts frequency pairs and $pos$ positions; at \#
                $pos = «pos»$, column «column» is $\«function»(«pos»/«divisor») = «value»$ with $i = «i»$.
                """#,
            "slides distinct, all": #"""
                - Seed 001: “Different positions get different vectors; sines and cosines hardly ever coincide.” \#
                Confirmed: the closest two rows, positions «a» and «b», are «distance» apart.
                """#,
            "slides distinct, neighbours": #"""
                - Seed 001: “Different positions get different vectors; sines and cosines hardly ever coincide.” \#
                Confirmed: neighbouring rows are at least «distance» apart (positions «a» and «b»).
                """#,
            "slides distinct, repeated": #"""
                - Seed 001: “Different positions get different vectors; sines and cosines hardly ever coincide.” \#
                Only when the positions differ: rows «r1» and «r2» are both position «a», and so are their vectors.
                """#,
            "slides distinct, coincide": #"""
                - Seed 001: “Different positions get different vectors; sines and cosines hardly ever coincide.” \#
                Refuted: positions «a» and «b» get the same row.
                """#,
        ])
}
