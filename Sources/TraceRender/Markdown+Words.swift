// The words of the Markdown trace and its figures, around every lesson's own: how to read a step,
// the claims table, the footer, left-out sections, the figures' legends. Slots in «»; a second language is another table.

import TraceCore

let markdownWords = Words(text: [
    "how to read": #"""
        > **How to read each step.** The heading gives the value's name as `--format json` lists it \#
        (`«name»` is $«symbol»$). Then come its equation, the same equation with the numbers \#
        put in, and its table. Each entry is written out as the arithmetic that gives it: in the *written out* \#
        column for a vector, and below the table for a matrix (every entry of a small matrix, else those of its \#
        first and last rows). Where there are products or functions, the arithmetic is shown in stages: as \#
        written, then with each product or function replaced by its value. A vector written next to a matrix \#
        as a column (one number per row, like a mean) applies to each row; written as a row (one number per \#
        column, like a bias) it applies to every row. Every value is computed from the unrounded values before \#
        it, so redoing a step from the rounded numbers shown can differ slightly in the last decimal.
        """#,
    "left out": "«Plural» «first» to «last» «same work», so they are not written out here; «results», and `«command» --format json` has every value of every «singular».",
    "figure on stdout": "> **Figure: «title».** «description» The picture is written as an SVG file beside the note with `«command» -o NOTE.md`, and is in the lecture notes in `Lessons/`.",
    "footer": "Numbers are rounded to «precision» decimals; numbers you gave are shown as written. `«command» --format json` prints every value at full precision.",
    "legend header": "| symbol | meaning | in this example |",
    "written out": "written out",
    "entry": "- entry («row», «column»): «arithmetic» = «value»",
    "a number": "a number",
    "one number": "1 number",
    "numbers": "«count» numbers",
    "claims": "Claims",
    "checked against": "Checked against: «source».",
    "claims header": "| value | at | claimed | computed | computed − claimed | | likely reason |",
    "all hold": "All «count» claims hold (each within half a unit of its last written decimal unless it says otherwise).",
    "some hold": "«holding» of «count» claims hold.",
    "figure unit": "unit «u»",
    "figure first units": "(first «count» units)",
])
