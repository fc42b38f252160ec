// The Markdown trace stays readable when the input is large: long sequences show their first and
// last steps, long sums their first and last terms, wide tables their corners. User text (tokens,
// a claims file's source) is escaped so it cannot break a table, a heading or a link.

import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct MarkdownTests {
    /// An RNN input with `steps` time steps, `inputSize` inputs and `hidden` units.
    func rnnInput(steps: Int, inputSize: Int, hidden: Int) -> JSON {
        func entry(_ r: Int, _ c: Int) -> Double { Double((r * 7 + c * 3) % 11 - 5) / 10 }
        func rows(_ n: Int, _ m: Int) -> JSON { .rows((0..<n).map { r in (0..<m).map { c in entry(r, c) } }) }
        return .fields(["input": rows(steps, inputSize), "weight_ih_l0": rows(hidden, inputSize), "weight_hh_l0": rows(hidden, hidden)])
    }

    func markdown(_ json: JSON) throws -> String {
        MarkdownRenderer(command: "lesson rnn-unroll").render(try RNNUnroll.trace(json, file: "big.json", example: nil))
    }

    @Test func shortSequencesShowEveryStep() throws {
        let text = try markdown(rnnInput(steps: 6, inputSize: 2, hidden: 2))
        for t in 1...6 { #expect(text.contains("#### $h_{\(t)}$ · hidden state")) }
        #expect(!text.contains("repeat the same computation"))
    }

    @Test func longSequencesShowTheirFirstAndLastSteps() throws {
        let text = try markdown(rnnInput(steps: 10, inputSize: 2, hidden: 2))
        #expect(text.contains("#### $h_{1}$") && text.contains("#### $h_{2}$") && text.contains("#### $h_{10}$"))
        #expect(!text.contains("#### $h_{3}$") && !text.contains("#### $a_{9}$"))
        #expect(text.contains("### t = 3 … 9"))
        #expect(text.contains("Steps 3 to 9 repeat the same computation"))
        #expect(text.contains("`lesson rnn-unroll --format json` has every value"))
        // The summary keeps all ten rows (no more than twelve) and the last one.
        #expect(text.contains("| 10 | "))
    }

    @Test func longSumsAndWideTablesAreCut() throws {
        let text = try markdown(rnnInput(steps: 30, inputSize: 20, hidden: 20))
        #expect(text.contains(" + ⋯ + "))
        #expect(text.contains("| ⋯ | ⋯ | ⋯ |"))
        // Row 15 is in the inputs' tables (a given value is shown up to 80 rows), not in the summary's.
        let summary = try #require(text.range(of: "## Summary")).upperBound
        #expect(!text[summary...].contains("| 15 | "), "summary rows between the first and last are cut")
        #expect(text.contains("| 30 | "))
        #expect(text.utf8.count < 60_000)
    }

    // MARK: User text

    @Test func userTextIsEscapedForMarkdown() {
        #expect(markdownText("The cat") == "The cat")
        #expect(markdownText("a|b") == #"a\|b"#)
        // Visible escapes, their backslash escaped in turn: "\\n" shows as \n.
        #expect(markdownText("line\nbreak\r# heading") == ##"line\\nbreak\\r\# heading"##)
        #expect(markdownText("*x* _y_ `z` <b> $m$ &amp; ~~s~~ ^t^") == #"\*x\* \_y\_ \`z\` \<b\> \$m\$ \&amp; \~\~s\~\~ \^t\^"#)
        #expect(markdownText(#"C:\dir\"#) == #"C:\\dir\\"#)
        // A "[" alone stays; "](" would make a link.
        #expect(markdownText("[1, 2] and") == "[1, 2] and" && markdownText("[x](y)") == #"[x\](y)"#)
        #expect(markdownText("\u{1}\u{7F}\u{2028}") == #"\\u{1}\\u{7F}\\u{2028}"#)
        // Capped: 39 characters and "…".
        #expect(markdownText(String(repeating: "é", count: 100), limit: 40) == String(repeating: "é", count: 39) + "…")
        #expect(markdownText(String(repeating: "é", count: 40), limit: 40) == String(repeating: "é", count: 40))
    }

    @Test func figureLinksArePercentEncoded() {
        #expect(linkDestination("figures/gru-figure1.svg") == "figures/gru-figure1.svg")
        #expect(linkDestination("my notes (v2) #1 50% ?-figure1.svg") == "my%20notes%20%28v2%29%20%231%2050%25%20%3F-figure1.svg")
        #expect(linkDestination("노트-figure1.svg") == "%EB%85%B8%ED%8A%B8-figure1.svg")
    }

    @Test func tokensCannotBreakTablesOrHeadings() throws {
        let tokens = ["a|b", "line\nbreak\r# heading", "\u{1}*x*", "$x$ \\frac", "`code`",
                      "[x](http://e)", "<b>", String(repeating: "long", count: 30)]
        guard case .object(var members) = rnnInput(steps: tokens.count, inputSize: 2, hidden: 2) else { Issue.record("not an object"); return }
        members.append(JSONMember("tokens", .strings(tokens)))
        let text = try markdown(.object(members))
        #expect(tableProblems(text).isEmpty, "\(tableProblems(text))")
        // One heading per step, each on one line, and no line that a token starts.
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("### t = ") }
        #expect(headings.count == 4)
        // A heading holding a long token is cut to 80 characters after "### ".
        #expect(headings.contains { $0.count == 4 + 80 && $0.hasSuffix("…") } && headings.allSatisfy { $0.count <= 4 + 80 })
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("# heading") || $0.hasPrefix("break") })
        #expect(text.contains(##"### t = 2 · “line\\nbreak\\r\# heading”"##))
        // A long label ("8 · longlong…") is cut to 40 characters in tables.
        #expect(text.contains("| 8 · " + String(repeating: "long", count: 8) + "lon… |"))
        #expect(!text.contains(String(repeating: "long", count: 18)))
        // Tokens never reach the LaTeX: no equation holds one.
        let math = text.components(separatedBy: "```math\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first }
        #expect(math.count > 5 && math.allSatisfy { !$0.contains("frac") && !$0.contains("code") })
        #expect(text.contains(#"\$x\$ \\frac"#))
    }
}

/// The tables of `markdown` whose rows do not all have as many cells as their header (a "|" not
/// escaped as "\|" splits a cell); empty when every table is whole.
func tableProblems(_ markdown: String) -> [String] {
    func pipes(_ line: Substring) -> Int {
        var (count, backslashes) = (0, 0)
        for c in line {
            if c == "|" && backslashes % 2 == 0 { count += 1 }
            backslashes = c == "\\" ? backslashes + 1 : 0
        }
        return count
    }
    var problems: [String] = []
    var header: Int?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
        guard line.hasPrefix("|") else { header = nil; continue }
        if let header, pipes(line) != header { problems.append(String(line)) }
        if header == nil { header = pipes(line) }
    }
    return problems
}

/// Every value the JSON trace records is in the Markdown, once, where it is given or computed: for
/// each lesson's default example, forward and backward, every step has its heading (an input its
/// bold line) and every entry's number, as the tables print it, between that heading and the next.
@Suite struct EveryValueIsShownTests {
    static let ids = Lessons.all.map { $0.id }

    /// The steps of `trace` not found in `markdown`, or found without one of their numbers.
    static func missing(_ trace: Trace, in markdown: String) -> [String] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // As the Markdown shows numbers: in exponent form below the trace's threshold, if it has one.
        let style = NumberStyle(precision: 4, exponentBelow: trace.exponentBelow)
        var problems: [String] = []
        for step in trace.steps where !step.symbol.isEmpty && step.isShown {
            let heading = "#### $" + step.symbol + "$ · " + step.title
            let start: Int? = step.isInput
                ? lines.firstIndex { $0.hasPrefix("**" + step.title + "**") && $0.contains("$" + step.symbol + "$") }
                : lines.firstIndex(of: heading)
            guard let start else {
                problems.append(step.name + " is not shown")
                continue
            }
            var end = start + 1
            while end < lines.count && !lines[end].hasPrefix("#") && !lines[end].hasPrefix("**") { end += 1 }
            let block = lines[start..<end].joined(separator: "\n")
            for x in step.value.flat.prefix(64) {
                // A table of zeros is said in words: "all 0".
                // An input, a count (an index chosen), or a number that is a given one (∂L/∂L = 1), as written.
                let exact = step.exact || (step.computed.map(\.isGiven) ?? true)
                let text = exact ? style.given(x) : style.fixed(x)
                // A number alone is written in LaTeX: 1e-05 as 10^{-5}.
                let latex = EquationWriter(style: style).latexNumber(text)
                if !block.contains(text) && !block.contains(latex) && !(x == 0 && block.contains("all 0")) { problems.append(step.name + " shows no " + text) }
            }
        }
        return problems
    }

    @Test(arguments: ids)
    func everyRecordedValueIsInItsStep(_ id: String) throws {
        let lesson = try #require(Lessons.named(id))
        let example = try #require(lesson.examples.first)
        for backward in lesson.learns ? [false, true] : [false] {
            let trace = try lesson.run(example.input, file: example.file, example: example, claims: nil, backward: backward)
            #expect(trace.steps.count >= 5)
            let problems = Self.missing(trace, in: MarkdownRenderer(command: "lesson " + id).render(trace))
            #expect(problems.isEmpty, "\(id) backward: \(backward): \(problems)")
        }
    }
}
