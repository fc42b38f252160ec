// The words of the Markdown trace and its figures, around every lesson's own: the claims table, the footer, left-out sections, the figures' legends. Slots in «»; a second language is another table.

import TraceCore

let markdownWords = Words(text: [
    "left out": "«Plural» «first» to «last» «same work», so they are not written out here; «results», and `«command» --format json` has every value of every «singular».",
    "figure on stdout": "> **Figure: «title».** «description» The picture is written as an SVG file beside the note with `«command» -o NOTE.md`, and is in the lecture notes in `Lessons/`.",
    "footer, exponent": "Numbers are rounded to «precision» decimals, those below «below» in exponent form (1.7469e-07 is 1.7469 · 10⁻⁷) with «precision» decimals before the exponent; given numbers are shown as written. Each value is computed from the unrounded values before it, so redoing a step from the rounded numbers can differ in the last decimal. `«command» --format json` prints every value at full precision.",
    "footer": "Numbers are rounded to «precision» decimals; given numbers are shown as written. Each value is computed from the unrounded values before it, so redoing a step from the rounded numbers can differ in the last decimal. `«command» --format json` prints every value at full precision.",
    "all zero": "all 0.",
    "legend header": "| symbol | meaning | in this example |",
    "gradient check header": "| input | largest entry | backward pass | central difference | relative difference |",
    "written out": "written out",
    "entry": "- («row», «column»): «arithmetic» = «value»",
    "a number": "a number",
    "one number": "1 number",
    "numbers": "«count» numbers",
    "claims": "Claims",
    "checked against": "Checked against: «source».",
    "claims header": "| value | at | claimed | computed | computed − claimed | holds | likely reason |",
    "all hold": "All «count» claims hold (each within half a unit of its last written decimal unless it says otherwise).",
    "all hold, file": "All «count» claims hold (each within the tolerance the claims file gives, unless it says otherwise).",
    "some hold": "«holding» of «count» claims hold.",
    "figure unit": "unit «u»",
    "figure log scale": "«title» (log scale)",
    "figure rows left out": "Only rows 1–«shown» of «total» are drawn.",
    "figure rows and columns left out": "Only rows 1–«shown» of «total» and columns 1–«columns shown» of «columns total» are drawn.",
    "figure columns left out": "Only columns 1–«shown» of «total» are drawn.",
    "figure steps left out": "Only steps 1–«shown» of «total» are drawn.",
    "figure units left out": "Only units 1–«shown» of «total» are drawn.",
    "figure panel left out": "The panel “«first»” is not drawn.",
    "figure panels left out": "The «count» panels from “«first»” to “«last»” are not drawn.",
], korean: markdownKorean)

/// The sentences that say what a figure leaves out (`Figure.capped`), under the picture and after its description.
func figureNotes(_ leftOut: [LeftOut]) -> [String] {
    func counts(_ shown: Int, _ total: Int) -> [String: String] { ["shown": grouped(shown), "total": grouped(total)] }
    var notes: [String] = []
    var rest = leftOut[...]
    while let item = rest.popFirst() {
        switch item {
        // Rows and columns cut from the same matrices are said in one sentence.
        case .rows(let shown, let total):
            if case .columns(let columns, let columnsTotal)? = rest.first {
                rest.removeFirst()
                notes.append(markdownWords("figure rows and columns left out",
                                           counts(shown, total).merging(["columns shown": grouped(columns), "columns total": grouped(columnsTotal)]) { a, _ in a }))
            } else {
                notes.append(markdownWords("figure rows left out", counts(shown, total)))
            }
        case .columns(let shown, let total): notes.append(markdownWords("figure columns left out", counts(shown, total)))
        case .steps(let shown, let total): notes.append(markdownWords("figure steps left out", counts(shown, total)))
        case .units(let shown, let total): notes.append(markdownWords("figure units left out", counts(shown, total)))
        case .panels(let first, let last, let count):
            notes.append(count == 1 ? markdownWords("figure panel left out", ["first": first])
                : markdownWords("figure panels left out", ["first": first, "last": last, "count": grouped(count)]))
        }
    }
    return notes
}

/// A count with its thousands grouped, "10,000", the same in every locale.
func grouped(_ count: Int) -> String {
    let digits = String(count.magnitude)
    var out = ""
    for (i, digit) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
        out.append(digit)
    }
    return (count < 0 ? "-" : "") + out
}
