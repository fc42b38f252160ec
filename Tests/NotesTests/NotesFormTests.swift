// The golden lecture notes (Lessons/*.md) in the form a student can study from and GitHub renders
// as written:
//   - the seven main notes together hold at most 65% of the 21,026 words they had before issue 12
//     (words as `wc -w` counts them: runs of characters between white space);
//   - display math is a fenced `math` block, never `$$` (GitHub applies Markdown inside `$$`);
//   - inline math `$…$` holds nothing GitHub's Markdown would change before the math is drawn: no
//     backslash before ASCII punctuation (`\,` shows as a comma), no `_` after a character that is
//     not a letter or digit (`}_{` can open emphasis), no `*`.

import Foundation
import Testing

@Suite struct NotesFormTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons")

    static let mainNotes = ["rnn-unroll", "lstm-gates", "gru", "attention-qkv", "multi-head-attention",
                            "positional-encoding", "layer-norm"]

    /// Every Markdown file of Lessons/ and Lessons/ko/, the indexes too: (name, text).
    static func notes() throws -> [(name: String, text: String)] {
        var notes: [(name: String, text: String)] = []
        for folder in ["", "ko/"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).filter { $0.hasSuffix(".md") }.sorted()
            notes += try names.map { (folder + $0, try String(contentsOf: root.appendingPathComponent(folder + $0), encoding: .utf8)) }
        }
        return notes
    }

    static func words(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
    }

    @Test func theMainNotesAreShort() throws {
        let before = 21_026
        var total = 0
        for id in Self.mainNotes {
            let text = try String(contentsOf: Self.root.appendingPathComponent(id + ".md"), encoding: .utf8)
            total += Self.words(text)
        }
        #expect(total * 100 <= before * 65, "the seven main notes hold \(total) words; at most \(before * 65 / 100)")
        #expect(total > 1_000, "the notes are read")
    }

    /// Problems with the math of one note: (line, what).
    static func mathProblems(_ text: String) -> [(line: Int, problem: String)] {
        var problems: [(Int, String)] = []
        var inDisplay = false
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line == "```math" || (inDisplay && line == "```") { inDisplay.toggle(); continue }
            if inDisplay { continue }
            if line.contains("$$") { problems.append((n + 1, "display math outside a fenced math block")); continue }
            for span in inlineMath(line) {
                let characters = Array(span)
                for (i, c) in characters.enumerated() {
                    let before = i > 0 ? characters[i - 1] : " "
                    if c == "_" && !(before.isLetter || before.isNumber) {
                        problems.append((n + 1, "`_` after “\(before)” in $\(span)$"))
                    }
                    if c == "*" { problems.append((n + 1, "`*` in $\(span)$")) }
                    // CommonMark's backslash escapes: any ASCII punctuation.
                    if c == "\\", i + 1 < characters.count, ##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.contains(characters[i + 1]) {
                        problems.append((n + 1, "`\\\(characters[i + 1])` in $\(span)$"))
                    }
                }
            }
        }
        return problems
    }

    /// The `$…$` spans of a line: a `$` escaped as `\$` (user text) is not math.
    static func inlineMath(_ line: Substring) -> [String] {
        var spans: [String] = []
        var current: String?
        var previous: Character = " "
        for c in line {
            defer { previous = c }
            if c == "$" && previous != "\\" {
                if let span = current { spans.append(span); current = nil } else { current = "" }
            } else if current != nil {
                current?.append(c)
            }
        }
        return spans
    }

    @Test func mathIsWrittenAsGitHubRendersIt() throws {
        let notes = try Self.notes()
        #expect(notes.count > 7)
        for note in notes {
            for problem in Self.mathProblems(note.text) {
                Issue.record("Lessons/\(note.name):\(problem.line): \(problem.problem)")
            }
        }
    }

    /// A double superscript or subscript (`g_{3}^{(1)}^{2}`) is an error in TeX, MathJax and KaTeX
    /// alike: no note may hold one, in inline or display math.
    @Test func noDoubleScripts() throws {
        let double = #/\^\{(?:[^{}]|\{[^{}]*\})*\}\^|_\{(?:[^{}]|\{[^{}]*\})*\}_/#
        #expect("g_{3}^{(1)}^{2}".contains(double) && "x_{1}_{2}".contains(double))
        #expect(!"{g_{3}^{(1)}}^{2}".contains(double) && !"a_{1}^{f}".contains(double))
        for note in try Self.notes() {
            for (n, line) in note.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains(double) {
                Issue.record("Lessons/\(note.name):\(n + 1): a double superscript or subscript")
            }
        }
    }

    @Test func theMathCheckCatchesWhatGitHubWouldChange() {
        #expect(Self.mathProblems("$$\nx\n$$").count == 2)
        #expect(Self.mathProblems("a $\\hat{S}_{ij}$ b").count == 1)
        #expect(Self.mathProblems("a $x\\,y$ b").count == 1)
        #expect(Self.mathProblems("a $(W x)_{1}$ and $a^*$").count == 2)
        #expect(Self.mathProblems("a $\\hat S_{ij}$, \\$5 and $W_{ih} x_{t}$\n```math\n\\hat{S}_{ij} \\, x\n```").isEmpty)
    }

    /// Where a `**` that closes bold would not close it in CommonMark: right after punctuation
    /// (`)`, `$`, `”`) and right before a letter, as a Korean particle is (`**$\gamma$**는`).
    static func unclosedBold(_ line: Substring) -> Bool {
        let characters = Array(line.replacingOccurrences(of: "`[^`]*`", with: "`c`", options: .regularExpression))
        var delimiters = 0
        var i = 0
        while i + 1 < characters.count {
            guard characters[i] == "*", characters[i + 1] == "*" else { i += 1; continue }
            delimiters += 1
            if delimiters % 2 == 0, i > 0, i + 2 < characters.count {
                let (before, after) = (characters[i - 1], characters[i + 2])
                if (before.isPunctuation || before.isSymbol) && after.isLetter { return true }
            }
            i += 2
        }
        return false
    }

    @Test func boldClosesBeforeAParticle() throws {
        #expect(Self.unclosedBold("**레이어 정규화(layer normalization)**는") && Self.unclosedBold("**$\\gamma$**는"))
        #expect(!Self.unclosedBold("**레이어 정규화**(layer normalization)는") && !Self.unclosedBold("**입력** · `input`"))
        for note in try Self.notes() {
            for (n, line) in note.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where Self.unclosedBold(line) {
                Issue.record("Lessons/\(note.name):\(n + 1): a ** that does not close before a letter: \(line.prefix(120))")
            }
        }
    }
}
