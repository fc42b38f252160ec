// The Markdown trace: what a student reads and checks with a pencil.
// Words, equation, numbers, meaning, in the rhythm of the Annotated Transformer.

import Foundation
import TraceCore

public struct MarkdownRenderer {
    private let words = markdownWords
    var style: NumberStyle
    var equations: EquationWriter
    /// The command that reproduces this trace, named in the footer.
    let command: String

    /// A computed value's table longer than this shows its first rows and its last two.
    let maxRows = 16
    /// A given value's table: every number given is shown, up to this many rows (a 72-row stacked
    /// projection of 8 heads), after which a large input is cut like a computed value. Counts
    /// (BLEU's n-grams) too: a student checks their sums.
    let maxInputRows = 80
    /// Tables wider than this show their first columns and their last two (the 24 columns of 8 heads × 3 fit).
    let maxCols = 24
    /// A matrix's entries written out below its table: those of at most this many columns.
    let maxWrittenColumns = 8
    /// Summary tables longer than this show their first and last rows.
    let maxSummaryRows = 12
    /// Summary tables wider than this show the first and last units of each value.
    let maxSummaryColumns = 12

    /// Where figures go: linked as `folder + stem-figureN.svg`; nil when the Markdown goes to
    /// stdout, where a figure is only described and the reader is told how to get it.
    public struct FigureLinks: Sendable {
        let folder: String
        let stem: String
        public init(folder: String, stem: String) {
            self.folder = folder
            self.stem = stem
        }
        func file(_ number: Int) -> String { "\(stem)-figure\(number).svg" }
    }

    public var figureLinks: FigureLinks?

    /// The SVG files of the trace's figures: (file name, content), named as the Markdown links them.
    public func figureFiles(_ trace: Trace) -> [(file: String, svg: String)] {
        guard let links = figureLinks else { return [] }
        return trace.figures.enumerated().map { (links.file($0.offset + 1), SVGRenderer().render($0.element)) }
    }

    public init(precision: Int = 4, command: String, figureLinks: FigureLinks? = nil) {
        self.figureLinks = figureLinks
        style = NumberStyle(precision: precision)
        equations = EquationWriter(style: style)
        // The command names the input file: a line break in its name must not end the sentence's line.
        self.command = escaped(command)
    }

    /// The heading of a note's claims table, in the language of the run: what a link to it names.
    public static var claimsHeading: String { markdownWords("claims") }

    public func render(_ trace: Trace) -> String {
        var renderer = self
        if let small = trace.exponentBelow {
            renderer.style = NumberStyle(precision: style.precision, exponentBelow: small)
            renderer.equations = EquationWriter(style: renderer.style)
        }
        for verdict in trace.claims?.verdicts ?? [] {
            renderer.marks[verdict.claim.value, default: [:]][verdict.index] = verdict.holds
        }
        let document = renderer.document(trace)
        return Language.current == .ko ? introducingTerms(document) : document
    }

    /// ✓ or ✗ for claimed entries: value name → entry → holds.
    private var marks: [String: [Int: Bool]] = [:]

    private func mark(_ name: String, _ index: Int) -> String {
        guard let holds = marks[name]?[index] else { return "" }
        return holds ? " ✓" : " ✗"
    }

    private func document(_ trace: Trace) -> String {
        var out: [String] = ["# \(trace.title)", ""]
        var skipping = false
        var figureNumber = 0
        for block in trace.blocks {
            if case .section(let repeats, let index, let count, let text) = block {
                let leftOut = Repeats.leftOut(of: count)
                skipping = leftOut?.contains(index) ?? false
                if let leftOut, index == leftOut.lowerBound { out += elided(repeats, leftOut) }
                if !skipping { out += ["### " + markdownText(text, limit: maxHeading), ""] }
                continue
            }
            // A heading ends the run of sections: what follows is shown again.
            if case .heading = block { skipping = false }
            if skipping { continue }
            switch block {
            case .section:
                break
            case .heading(let level, let text):
                out += [String(repeating: "#", count: level) + " " + text, ""]
            case .prose(let text):
                out += [text, ""]
            case .math(let latex):
                out += display(latex)
            case .legend(let rows):
                out += [words("legend header"), "|---|---|---|"]
                out += rows.map { "| $\($0.symbol)$ | \(cell($0.meaning)) | \($0.size) |" }
                out.append("")
            case .step(let id):
                out += step(trace.steps[id])
            case .summary(let table):
                out += summary(table)
            case .gradientCheck:
                out += gradientCheck(trace.gradientChecks)
            case .figure(let figure, let description):
                figureNumber += 1
                // What the figure leaves out (`FigureLimits`) is said after its description.
                let description = ([description] + figureNotes(figure.capped().leftOut)).joined(separator: " ")
                if let links = figureLinks {
                    out += ["![\(figure.title). \(description)](\(linkDestination(links.folder + links.file(figureNumber))))", ""]
                } else {
                    out += [words("figure on stdout", ["title": figure.title, "description": description, "command": command]), ""]
                }
            }
        }
        if let (source, verdicts) = trace.claims {
            let counts = Set(trace.steps.filter(\.exact).map(\.name))
            out += claimsSection(source, verdicts, finding: trace.claimsFinding, counts: counts)
        }
        out += [
            "---",
            "",
            words(style.exponentBelow == nil ? "footer" : "footer, exponent",
                  ["precision": "\(style.precision)", "command": command, "below": style.exponentBelow.map { NumberStyle(precision: 4).given($0) } ?? ""]),
        ]
        return out.joined(separator: "\n") + "\n"
    }

    /// The heading and sentence that stand for the sections left out.
    private func elided(_ repeats: Repeats, _ range: ClosedRange<Int>) -> [String] {
        let (first, last) = (range.lowerBound, range.upperBound)
        // A run counted down (the backward pass's steps T, T−1, …) names its items by their own numbers.
        let count = last + 1
        let (from, to) = repeats.countsDown ? (count + 1 - first, count + 1 - last) : (first, last)
        let heading = repeats.counter.map { "\($0) = \(from) … \(to)" }
            ?? "\(repeats.plural.prefix(1).uppercased() + repeats.plural.dropFirst()) \(from) … \(to)"
        let plural = repeats.plural.prefix(1).uppercased() + repeats.plural.dropFirst()
        return ["### " + heading, "",
                words("left out", ["Plural": plural, "first": "\(from)", "last": "\(to)", "same work": repeats.sameWork,
                                   "results": repeats.resultsShown, "command": command, "singular": repeats.singular]), ""]
    }

    // MARK: Steps

    /// Display math as a fenced `math` block: GitHub leaves its inside alone (no Markdown escapes,
    /// no emphasis), and pandoc and KaTeX read it as display math.
    private func display(_ latex: String) -> [String] { ["```math", latex, "```", ""] }

    private func step(_ s: Step) -> [String] {
        guard let computed = s.computed else { return input(s) }
        var out = ["#### $\(s.symbol)$ · \(s.title)", ""]
        let symbolic = equations.symbolic(computed)
        if symbolic != s.symbol { out += display("\(s.symbol) = \(symbolic)") }
        // A slice of another value, a transpose, blocks put in another order: only a view, whose
        // table says it all, with no arithmetic to write out.
        if equations.isView(computed) {
            // A number counted (a sentence's length) needs no table; one that is only another (∂L/∂L = 1), its equation said.
            if case .scalar(let x) = s.value {
                guard s.exact else { return out + paragraph(s.meaning) }
                return out + ["$\(s.symbol) = \(style.number(x, given: true))$\(mark(s.name, 0))", ""] + paragraph(s.meaning)
            }
            if case .vector(let v) = s.value {
                // A vector is a column headed by its symbol, as a computed vector's table is.
                out += ["| \(cell(s.labels.rowHeader)) | $\(s.symbol)$ |", "|---|---:|"]
                for i in equations.shown(v.count, limit: s.exact ? maxInputRows : maxRows) {
                    guard let i else { out.append("| ⋯ | ⋯ |"); continue }
                    out.append("| \(rowLabel(s.labels, i)) | \(style.number(v[i], given: s.exact))\(mark(s.name, i)) |")
                }
                out += [""] + paragraph(s.meaning)
                return out
            }
            out += matrixTable(s.value.matrix, labels: s.labels, given: s.exact, name: s.name) + [""]
            out += paragraph(s.meaning)
            return out
        }
        // The numbers go into the table, each entry with its arithmetic; the operands are shown
        // once, where they are given or computed, and referred to here by their symbols.
        switch s.value {
        case .scalar(let x):
            out += ["\(equations.writtenOut(computed, 0)) = \(style.number(x, given: s.exact))\(mark(s.name, 0))", ""]
        case .vector(let v):
            out += ["| \(cell(s.labels.rowHeader)) | \(words("written out")) | $\(s.symbol)$ |", "|---|---|---:|"]
            for i in equations.shown(v.count, limit: s.exact ? maxInputRows : maxRows) {
                guard let i else { out.append("| ⋯ | ⋯ | ⋯ |"); continue }
                out.append("| \(rowLabel(s.labels, i)) | \(equations.writtenOut(computed, i)) | \(style.number(v[i], given: s.exact))\(mark(s.name, i)) |")
            }
            out.append("")
        case .matrix(let m):
            out += matrixTable(m, labels: s.labels, given: s.exact, name: s.name)
            let at = axisLabels(s.labels.shape, m)
            // Every entry of a small matrix; else the first and the last row, each entry by entry.
            let columns = equations.shown(m.cols, limit: maxWrittenColumns).compactMap { $0 }
            let rows = m.entries.count <= 4 || m.rows <= 3 ? Array(0..<m.rows) : [0, m.rows - 1]
            var lines: [String] = []
            for i in rows.flatMap({ r in columns.map { r * m.cols + $0 } }) {
                let (r, c) = (i / m.cols, i % m.cols)
                let (written, value) = (equations.writtenOut(computed, i), style.fixed(m.entries[i]))
                // A copied entry (a concatenation, a slice) has no arithmetic to show.
                if written != value {
                    lines.append(words("entry", ["row": at.row(r), "column": at.column(c), "arithmetic": written, "value": value]))
                }
            }
            if !lines.isEmpty { out += [""] + lines }
            out.append("")
        }
        out += paragraph(s.meaning)
        return out
    }

    private func input(_ s: Step) -> [String] {
        let name = s.name.isEmpty ? "" : " · `\(s.name)`,"
        // A value of zeros (a zero bias, h₀ = 0) is said in words: a table of zeros tells nothing more.
        if s.value.count > 1 && s.value.flat.allSatisfy({ $0 == 0 }) {
            return ["**\(s.title)**\(name) $\(s.symbol)$, \(shapeText(s)), \(words("all zero"))", ""] + paragraph(s.meaning)
        }
        var out = ["**\(s.title)**\(name) $\(s.symbol)$, \(shapeText(s))", ""]
        switch s.value {
        case .scalar(let x):
            out += ["$\(s.symbol) = \(equations.latexNumber(style.given(x)))$", ""]
        case .vector(let v):
            out += ["| \(cell(s.labels.rowHeader)) | $\(s.symbol)$ |", "|---|---:|"]
            for i in equations.shown(v.count, limit: maxInputRows) {
                guard let i else { out.append("| ⋯ | ⋯ |"); continue }
                out.append("| \(rowLabel(s.labels, i)) | \(style.given(v[i])) |")
            }
            out.append("")
        case .matrix(let m):
            out += matrixTable(m, labels: s.labels, given: true)
            out.append("")
        }
        out += paragraph(s.meaning)
        return out
    }

    private func matrixTable(_ m: Matrix, labels: Labels, given: Bool, name: String = "") -> [String] {
        let cols = equations.shown(m.cols, limit: maxCols)
        let at = axisLabels(labels.shape, m)
        let header = cols.map { c in c.map { labels.columns.indices.contains($0) ? label(labels.columns[$0]) : at.column($0) } ?? "⋯" }
        var out = ["| \(cell(labels.rowHeader)) | " + header.joined(separator: " | ") + " |",
                   "|---|" + String(repeating: "---:|", count: cols.count)]
        for r in equations.shown(m.rows, limit: given ? maxInputRows : maxRows) {
            guard let r else {
                out.append("| ⋯ | " + cols.map { _ in "⋯" }.joined(separator: " | ") + " |")
                continue
            }
            let entries = cols.map { c in c.map { style.number(m[r, $0], given: given) + mark(name, r * m.cols + $0) } ?? "⋯" }
            out.append("| \(labels.rows.indices.contains(r) ? label(labels.rows[r]) : at.row(r)) | " + entries.joined(separator: " | ") + " |")
        }
        return out
    }

    private func summary(_ table: SummaryTable) -> [String] {
        // Wide tables keep the first and last units of each value.
        let total = table.columns.map { $0.values.first?.count ?? 0 }.reduce(0, +)
        let units = table.columns.map { column in
            equations.shown(column.values.first?.count ?? 0, limit: total > maxSummaryColumns ? 4 : maxSummaryColumns)
        }
        var header = ["| \(cell(table.rowHeader))"]
        for (column, shown) in zip(table.columns, units) {
            header += shown.map { u in
                u.map { i in "$\(column.symbol)$ (" + (column.entries.map { i < $0.count ? label($0[i]) : "\(i + 1)" } ?? "\(i + 1)") + ")" } ?? "⋯"
            }
        }
        let count = header.count - 1
        var out = [header.joined(separator: " | ") + " |", "|---|" + String(repeating: "---:|", count: count)]
        for r in equations.shown(table.rows.count, limit: maxSummaryRows) {
            guard let r else {
                out.append("| ⋯ |" + String(repeating: " ⋯ |", count: count))
                continue
            }
            let entries = zip(table.columns, units).flatMap { column, shown in
                shown.map { u in u.map { style.fixed(column.values[r][$0]) } ?? "⋯" }
            }
            out.append("| \(label(table.rows[r])) | " + entries.joined(separator: " | ") + " |")
        }
        out.append("")
        return out
    }

    // MARK: Gradient check

    private func gradientCheck(_ rows: [GradientCheck]) -> [String] {
        guard !rows.isEmpty else { return [] }
        var out = [words("gradient check header"), "|---|---|---:|---:|---:|"]
        for row in rows {
            let at = "(" + row.at.map(String.init).joined(separator: ", ") + ")"
            out.append("| `\(row.name)` $\(row.symbol)$ | \(at) | \(significant(row.analytic)) | \(significant(row.numeric)) | \(exponent(row.relativeDifference)) |")
        }
        out.append("")
        return out
    }

    /// Ten significant digits: enough to see where a gradient and its central difference part.
    private func significant(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        return String(format: "%.10g", x)
    }

    /// A small positive number as `3.2e-11`.
    private func exponent(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : "inf" }
        return x == 0 ? "0" : String(format: "%.1e", x)
    }

    // MARK: Claims

    /// `counts`: the values that are whole counts (an index chosen, an n-gram count), shown as whole numbers.
    private func claimsSection(_ source: String, _ verdicts: [Verdict], finding: String?, counts: Set<String>) -> [String] {
        let holding = verdicts.filter(\.holds).count
        var out = ["## " + words("claims"), "", words("checked against", ["source": markdownText(source)]), ""]
        if let finding { out += [finding, ""] }
        out += [words("claims header"), "|---|---|---:|---:|---:|---|---|"]
        for v in verdicts {
            let at = v.claim.at.isEmpty ? "" : "(" + v.claim.at.map(String.init).joined(separator: ", ") + ")"
            // Two more decimals than the claim is written with, so the difference shows.
            let shown = NumberStyle(precision: max(style.precision, (v.claim.decimals ?? 0) + 2))
            // No difference between a number and an infinity or nan: a dash.
            let whole = counts.contains(v.claim.value)
            let difference = v.difference.isNaN ? "—" : whole ? shown.given(v.difference) : shown.fixed(v.difference)
            out.append("| `\(v.claim.value)` | \(at) | \(label(v.claim.written)) | \(whole ? shown.given(v.computed) : shown.fixed(v.computed)) | \(difference) "
                + "| \(v.holds ? "✓" : "✗") | \(cell(v.reasonInTable ?? v.reason ?? "")) |")
        }
        // Half a unit of the last written decimal, unless the claims file set a tolerance or decimals.
        let fileWide = verdicts.contains { $0.claim.fileTolerance }
        out += ["", holding == verdicts.count
            ? words(fileWide ? "all hold, file" : "all hold", ["count": "\(verdicts.count)"])
            : words("some hold", ["holding": "\(holding)", "count": "\(verdicts.count)"]), ""]
        return out
    }

    // MARK: Helpers

    /// A paragraph and the blank line after it; nothing for no text (a caption said at the first head only).
    private func paragraph(_ text: String) -> [String] { text.isEmpty ? [] : [text, ""] }

    private func rowLabel(_ labels: Labels, _ i: Int) -> String {
        labels.rows.indices.contains(i) ? label(labels.rows[i]) : "\(i + 1)"
    }

    /// Labels (tokens, units) as shown in tables: plain text, at most this many characters.
    let maxLabel = 40
    /// A section's heading (its token included), likewise.
    let maxHeading = 80

    /// A label, plain text that may come from the user (a token), safe inside a table cell.
    private func label(_ text: String) -> String { markdownText(text, limit: maxLabel) }

    /// How row r and column c of a value's matrix are named: by their numbers, or, for a value of
    /// more than two axes, by the indices of the axes they run over ("1, 2": b = 1, t = 2).
    private func axisLabels(_ shape: [Int]?, _ m: Matrix) -> (row: (Int) -> String, column: (Int) -> String) {
        guard let shape, shape.count > 2 else { return ({ "\($0 + 1)" }, { "\($0 + 1)" }) }
        let k = rowAxes(of: shape, rows: m.rows)
        let (leading, trailing) = (Array(shape[..<k]), Array(shape[k...]))
        func named(_ i: Int, _ axes: [Int]) -> String { indices(of: i, in: axes).map(String.init).joined(separator: ", ") }
        return ({ named($0, leading) }, { named($0, trailing) })
    }

    private func shapeText(_ s: Step) -> String {
        if let shape = s.labels.shape, shape.count > 2 { return shape.map(String.init).joined(separator: " × ") }
        switch s.value {
        case .scalar: return words("a number")
        case .vector(let v): return v.count == 1 ? words("one number") : words("numbers", ["count": "\(v.count)"])
        case .matrix(let m): return "\(m.rows) × \(m.cols)"
        }
    }

    /// Our own words (a header, a reason; they may hold `$…$`) safe inside a table cell.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

/// A relative path as a Markdown link destination: every byte but letters, digits, `-._~` and `/`
/// percent-encoded (UTF-8), so a space, parentheses, `#`, `%`, `?` or a non-ASCII name links the
/// same on GitHub and in pandoc.
public func linkDestination(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
        }
    }
    return out
}
