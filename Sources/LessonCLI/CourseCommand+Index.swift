// The index of a course's notes, OUT/README.md: every note in the course's order with its lesson,
// its source and how many of its claims hold, a failing note marked so that it shows at a glance;
// then how to read a note and the notation, as in Lessons/README.md.

import LessonLibrary
import TraceCore
import TraceRender

extension CourseCommand {
    static func index(_ notes: [Note]) -> String {
        let failing = notes.filter(\.fails)
        let checking = notes.filter { $0.claims != nil }
        let verdict = !failing.isEmpty ? courseWords("some fail", ["notes": failing.map(claimsLink).joined(separator: ", ")])
            : checking.isEmpty ? courseWords("no claims")
            : courseWords(checking.count == 1 ? "all hold, one note" : "all hold", ["notes": String(checking.count)])
        var lines = [indexMark, courseWords("title"), "", courseWords("made"), "", verdict, "", courseWords("header"), "|---|---|---|---|"]
        for note in notes {
            let link = "[\(markdownText(note.file))](\(linkDestination(note.file)))"
            let lesson = note.lesson.summary + (note.backward ? notesWords("backward pass") : "")
            let source = note.source.map { markdownText($0, limit: 120) } ?? "—"
            var claims = "—"
            if let counts = note.claims {
                let shown = courseWords(note.fails ? "fails" : "holds", ["held": String(counts.held), "total": String(counts.total)])
                claims = "[\(shown)](\(linkDestination(note.file))#\(linkDestination(claimsAnchor)))"
            }
            lines.append("| \(link) | \(lesson) | \(source) | \(claims) |")
        }
        return lines.joined(separator: "\n") + "\n\n" + reading(for: Set(notes.map { $0.lesson.id })) + "\n"
    }

    /// How to read a note and the notation, with the notation's rows for lessons this course does
    /// not have left out. A row is left out only when its "used in" names nothing but other lessons.
    static func reading(for lessons: Set<String>) -> String {
        let recurrent = ["rnn-unroll", "lstm-gates", "gru", "char-lm", "birnn", "seq2seq-attention"]
        let groups: [(names: [String], lessons: [String])] = [
            (["recurrent lessons", "순환 레슨", "Keras's weights", "Keras의 가중치"], recurrent),
            (["attention", "어텐션"], ["attention-qkv", "multi-head-attention", "transformer-block", "decoder-block"]),
            (["positional encoding", "포지셔널 인코딩"], ["positional-encoding"]),
            (["layer norm", "레이어 정규화"], ["layer-norm", "transformer-block", "decoder-block"]),
        ]
        func usedBy(_ part: String) -> [String]? {
            if Lessons.ids.contains(part) { return [part] }
            return groups.first { $0.names.contains { part.hasSuffix($0) } }?.lessons
        }
        let rows = notesWords("reading").split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard line.hasPrefix("| "), cells.count == 3 else { return true }
            let parts = cells[2].components(separatedBy: ", ").map { usedBy($0) }
            guard parts.allSatisfy({ $0 != nil }) else { return true }
            return parts.contains { $0!.contains(where: lessons.contains) }
        }
        return rows.joined(separator: "\n")
    }

    /// A link to a note's claims: "[gru--week2.md](gru--week2.md#claims)".
    static func claimsLink(_ note: Note) -> String {
        "[\(markdownText(note.file))](\(linkDestination(note.file))#\(linkDestination(claimsAnchor)))"
    }

    /// The anchor GitHub and pandoc give the heading of a note's claims table ("claims", "주장-검증"):
    /// lower case, spaces as hyphens, other punctuation dropped.
    static var claimsAnchor: String {
        String(MarkdownRenderer.claimsHeading.lowercased().unicodeScalars.compactMap { scalar -> Character? in
            if scalar == " " { return "-" }
            let letter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "_"
            return letter ? Character(scalar) : nil
        })
    }
}

let courseWords = Words(text: [
    "title": "# Lecture notes",
    "made": "Made by `lesson render --from` from this course's inputs, one note for each `LESSON--NAME.json` (its claims in `LESSON--NAME.claims.json` beside it); do not edit by hand: edit an input and render again. Each note is the Markdown trace of one lesson on one input, every intermediate value written out.",
    "some fail": "**✗ Claims do not hold in «notes».** The note's table of claims gives, for each claim, the computed value and the likely reason.",
    "all hold": "✓ Every claim holds, in each of the «notes» notes that check claims.",
    "all hold, one note": "✓ Every claim holds, in the one note that checks claims.",
    "no claims": "No note checks claims: a `LESSON--NAME.claims.json` beside an input gives its note some.",
    "header": "| note | lesson | source | claims |",
    "holds": "✓ «held» of «total» hold",
    "fails": "**✗ «held» of «total» hold**",
], korean: courseKorean)
