// positional-encoding: the sinusoidal positional encoding of "Attention Is All You Need".
//
// Convention (the paper, section 3.5), positions pos = 0 … n−1, columns j = 0 … d−1, pair i = ⌊j/2⌋:
//   PE(pos, 2i) = sin(pos / base^(2i/d)),   PE(pos, 2i+1) = cos(pos / base^(2i/d)),   base = 10000.
// An odd d leaves the last column a sine. The encoding is added to the token embeddings x.
// Others: The Illustrated Transformer draws the d/2 sines first and the d/2 cosines after
// (same frequencies, columns reordered); learned position embeddings (BERT, GPT-2) are a table.
// References: Vaswani et al. 2017, section 3.5; seed notes 000 and 001 (sinusoidal encoding).

import JSONFormat
import LessonInput
import TraceCore

enum PositionalEncoding: Lesson {
    static let id = "positional-encoding"
    static let summary = "Sinusoidal positional encoding: sines and cosines of geometric frequencies, added to the embeddings"

    static let examples = [
        Example(
            name: "default",
            summary: "four positions, d_model 4, added to four embeddings",
            story: """
            Four positions (0 to 3) and $d_{\\text{model}} = 4$, so there are two frequency pairs: columns 1–2 turn \
            with angle $pos / 10000^{0} = pos$ (one radian per position), columns 3–4 with \
            $pos / 10000^{2/4} = pos / 100$, a hundred times slower. The fast pair tells neighbouring \
            positions apart; the slow pair changes little here but keeps distant positions apart in long \
            sequences. The encoding is added to four token embeddings of “the cat sat down”.
            """,
            input: .fields([
                "positions": .numbers([0, 1, 2, 3]),
                "d_model": .number(4),
                "base": .number(10000),
                "x": .rows([[0.1, 0.2, 0.3, 0.4], [0.5, -0.5, 0.5, -0.5], [0, 1, 0, 1], [-0.2, 0, 0.2, 0]]),
                "tokens": .strings(["the", "cat", "sat", "down"]),
            ])),
        Example(
            name: "wave",
            summary: "50 positions × 16 columns: the wave pattern of the encoding",
            story: """
            Fifty positions and $d_{\\text{model}} = 16$, large enough to see the pattern the formula makes: \
            in the heatmap the first columns alternate quickly down the positions, and each later pair of \
            columns waves more slowly, until the last pairs barely change over 50 positions. The tables are \
            cut to their corners; `--format json` has every value.
            """,
            input: .fields(["positions": .numbers((0..<50).map(Double.init)), "d_model": .number(16)])),
    ] + SourcedExamples.positional

    static let maxPositions = 10_000
    static let maxWidth = 4_096

    static let alternatives = Alternative.switching("layout", [
        ("concatenated", "the concatenated layout, all sines then all cosines (as drawn in The Illustrated Transformer)"),
        ("interleaved", "the paper's interleaved layout, sin and cos alternating"),
    ]) + [Alternative("positions counted from 1 instead of 0") { input in
        guard case .array(let positions)? = input["positions"] else { return nil }
        return input.setting("positions", .array(positions.map { p in
            if case .number(let x, _) = p { return .number(x + 1) }
            return p
        }))
    }]

    static func trace(_ json: JSON, file: String, example: Example?) throws -> Trace {
        var reader = try InputReader(json, file: file)
        let positionsIn = try reader.required(try reader.vector("positions", "the positions to encode, usually 0 … n−1"),
                                              "positions", "the positions to encode, e.g. [0, 1, 2, 3]")
        let n = positionsIn.count
        try reader.expect(n, "the number of positions", atMost: maxPositions)
        let d = try reader.required(try reader.integer("d_model", "the width of the encoding"), "d_model", "the width of the encoding, a whole number")
        guard d >= 1 else { throw reader.fail("d_model must be at least 1, got \(d)") }
        try reader.expect(d, "d_model", atMost: maxWidth)
        let baseIn = try reader.number("base", "the base of the wavelengths") ?? 10000
        guard baseIn > 0 else { throw reader.fail("base must be a positive number, got \(JSON.format(baseIn))") }
        let xIn = try reader.matrix("x", "the embeddings to add the encoding to (n × d_model)")
        if let xIn { try reader.expect(xIn, "x", rows: ("positions", n), cols: ("d_model", d)) }
        let tokens = try reader.labels("tokens", count: n, per: "position")
        let concatenated = try reader.choice("layout", ["interleaved", "concatenated"]) == "concatenated"
        try reader.finish()
        try reader.expectWork(multiplyAdds: 4 * Double(n) * Double(d), recordedNumbers: 4 * Double(n) * Double(d))

        let rowLabels = sequenceLabels(tokens, count: n).enumerated().map { "\($1) (pos \(NumberStyle(precision: 4).given(positionsIn[$0])))" }
        let columns = numberLabels(d)
        let table = Labels(rowHeader: "row", rows: rowLabels, columns: columns)
        // Which frequency pair each column belongs to, and whether it holds the sine.
        let sineCount = (d + 1) / 2
        let pairs = (0..<d).map { concatenated ? ($0 < sineCount ? $0 : $0 - sineCount) : $0 / 2 }
        let sines = (0..<d).map { concatenated ? $0 < sineCount : $0 % 2 == 0 }

        let tr = Trace(lesson: id, title: "Sinusoidal positional encoding", example: example?.name ?? file)
        tr.say("""
        Attention treats its input as a *set*: shuffle the tokens and every output is shuffled the same \
        way (`lesson attention-qkv`). Word order matters, so the Transformer adds to each token embedding a \
        vector that depends only on the token's **position**. The original paper uses fixed sinusoids: \
        each pair of columns is a sine and a cosine of the position at one frequency, and the frequencies \
        fall geometrically from one radian per position to one turn per $2\\pi \\cdot 10000$ positions.
        """)
        tr.say("""
        **Why sinusoids** (seed notes 000, 001): the values stay between −1 and 1 however long the \
        sequence; every position gets a different vector; the same formula works for positions never seen \
        in training; and shifting by $k$ positions is the same linear map for every position, a rotation \
        of each (sin, cos) pair by the angle $k \\omega_{i}$, which makes relative positions easy to read \
        off with a matrix product:
        """)
        tr.math("""
        \\begin{bmatrix} \\sin(\\omega_{i}(pos + k)) \\\\ \\cos(\\omega_{i}(pos + k)) \\end{bmatrix} = \
        \\begin{bmatrix} \\cos(\\omega_{i} k) & \\sin(\\omega_{i} k) \\\\ -\\sin(\\omega_{i} k) & \\cos(\\omega_{i} k) \\end{bmatrix} \
        \\begin{bmatrix} \\sin(\\omega_{i}\\, pos) \\\\ \\cos(\\omega_{i}\\, pos) \\end{bmatrix}, \\qquad \\omega_{i} = \\frac{1}{base^{2i/d}}
        """)
        tr.heading("The equations")
        tr.math("""
        \\begin{aligned}
        PE_{pos,\\,2i} &= \\sin\\left(\\frac{pos}{base^{2i/d}}\\right), \\qquad PE_{pos,\\,2i+1} = \\cos\\left(\\frac{pos}{base^{2i/d}}\\right) \\\\
        \\text{output} &= X + PE
        \\end{aligned}
        """)
        tr.say("""
        Seed notes 001 write $i$ for the position; here, as in the paper, $pos$ is the position and $i$ \
        numbers the frequency pairs. **Convention.** The paper's layout: sines in the even columns, cosines in the odd ones, counting \
        columns from 0 as the paper does (so the tables' column 1 is the paper's column 0, a sine), with \
        $base = 10000$ and positions from 0. The Illustrated Transformer draws the same numbers with all \
        sines first and all cosines after (`layout: "concatenated"`). An odd $d$ leaves one sine without its cosine.
        """)
        if concatenated {
            tr.say("""
            **This trace uses the concatenated layout** (`layout: "concatenated"`): the \(sineCount) sines come \
            first and the \(d - sineCount) cosines after, with the same frequencies, as The Illustrated \
            Transformer draws the encoding. The numbers are the paper's, in other columns: column j of the sine \
            half and column j of the cosine half share frequency j.
            """)
        }
        tr.introduceInputs(legend: [
            (symbol: "n", meaning: "positions (rows)", size: n),
            (symbol: "d", meaning: "$d_{\\text{model}}$: columns of the encoding", size: d),
            (symbol: "\\lceil d/2 \\rceil", meaning: "frequencies (column pairs)", size: (d + 1) / 2),
        ], example: example)
        let positions = tr.input("positions", "pos", .vector(positionsIn), title: "Positions",
                                 meaning: "The position of each row, counted from 0 as in the paper.",
                                 labels: Labels(rowHeader: "row", rows: sequenceLabels(tokens, count: n)))
        tr.input("d_model", "d", .scalar(Double(d)), title: "Width", meaning: "The number of columns of the encoding, equal to the embedding width.")
        let base = tr.input("base", "base", .scalar(baseIn), title: "Base",
                            meaning: "Sets how slowly the last columns turn: wavelengths grow geometrically from $2\\pi$ positions towards $2\\pi \\cdot base$ (reached only as $d$ grows).")
        let x = xIn.map {
            tr.input("x", "X", .matrix($0), title: "Embeddings", meaning: "The token embeddings the encoding is added to.",
                     labels: Labels(rowHeader: "row", rows: sequenceLabels(tokens, count: n), columns: columns))
        }

        tr.heading("Step by step")
        tr.heading("One frequency per pair of columns", level: 3)
        let perColumn = Labels(rowHeader: "column", rows: (0..<d).map { "\($0 + 1) (\(sines[$0] ? "sin" : "cos"), i = \(pairs[$0]))" })
        let exponent = tr.record("exponent", "e", pairExponents(pairs, d: d), title: "exponents 2i/d",
                                 meaning: concatenated
                                     ? "Sine column i and cosine column i (each counted from 0 in its half) share the exponent $2i/d$, so they share a frequency."
                                     : "Columns 2i and 2i+1 (counting from 0) share the exponent $2i/d$, so they share a frequency.",
                                 labels: perColumn)
        let wavelength = tr.record("divisor", "base^{e}", power(base, exponent), title: "divisors",
                                   meaning: "How many positions it takes for the angle to grow by one radian: 1 for the first pair, then growing geometrically; the last pair's is $base^{2i/d}$ with its own $i$, close to $base$ only when $d$ is large.",
                                   labels: perColumn)

        tr.heading("Angles, then sines and cosines", level: 3)
        let angles = tr.record("angle", "\\Theta", broadcast(positions, .perRow, rows: n, cols: d) / broadcast(wavelength, .perColumn, rows: n, cols: d),
                               title: "angles", meaning: "Entry (pos, j) is $pos / base^{2i/d}$: fast-turning in the first columns, slow in the last.",
                               labels: table)
        let pe = tr.record("PE", "PE", sinusoid(angles, sines: sines), title: "positional encoding",
                           meaning: concatenated
                               ? "sin of the angle in the first \(sineCount) columns, cos in the last \(d - sineCount) (the concatenated layout): every row a different pattern, every entry between −1 and 1."
                               : "sin of the angle in the paper's even columns (the tables' odd ones), cos in the others: every row a different pattern, every entry between −1 and 1.",
                           labels: table)
        tr.figure(.heatmaps(title: "The positional encoding",
                            panels: [Heatmap(title: "PE: positions down, columns across", rows: (0..<n).map { NumberStyle(precision: 4).given(positionsIn[$0]) },
                                             columns: columns, values: pe.value.matrix, rowHeader: "position", columnHeader: "column")],
                            scale: .diverging),
                  description: "Heatmap of the encoding, one row per position and one column per dimension: red +1, white 0, blue −1. The first columns change fastest down the rows; the last, slowest.")
        if let x {
            tr.heading("Adding the encoding", level: 3)
            _ = tr.record("output", "X + PE", x + pe, title: "embeddings plus positions",
                          meaning: "What the first Transformer layer receives: the token's meaning and its position in one vector.",
                          labels: table)
        }

        tr.heading("Summary")
        tr.say("""
        Read the encoding column by column: the first pair of columns oscillates fastest, the last slowest, \
        like the hands of a clock. Any two positions differ in some column, and nearby positions have \
        similar rows, so the model can learn both absolute and relative position from the sum.
        """)
        return tr
    }
}
