// `lesson render`: the lecture notes in Lessons/ are the traces of every lesson's examples.
// `--check` regenerates them in memory and lists the files that differ, are missing, or that no
// example produces any more (exit 1).

import LessonLibrary
import TraceCore
import TraceRender

enum NotesCommand {
    /// Every note: its file name inside the folder and its content. The English notes are at the
    /// top, the Korean ones in `ko/`; a Korean figure that is byte for byte the English one (it has
    /// no words) is not written twice: the Korean note links the English file.
    static func notes() throws -> [(file: String, text: String)] {
        let english = try notes(in: .en)
        var korean = try Language.$current.withValue(.ko) { try notes(in: .ko) }
        let englishFiles = Dictionary(english.map { ($0.file, $0.text) }, uniquingKeysWith: { a, _ in a })
        let shared = Set(korean.filter { $0.file.hasPrefix("figures/") && englishFiles[$0.file] == $0.text }.map(\.file))
        korean = korean.filter { !shared.contains($0.file) }.map { note in
            guard note.file.hasSuffix(".md") else { return note }
            var text = note.text
            for figure in shared where text.contains("](\(figure))") {
                text = text.replacingOccurrences(of: "](\(figure))", with: "](../\(figure))")
            }
            return (note.file, text)
        }
        return english + korean.map { ("\(Language.ko.rawValue)/\($0.file)", $0.text) }
    }

    /// The notes in `language` (the current one), with file names inside that language's folder.
    private static func notes(in language: Language) throws -> [(file: String, text: String)] {
        var notes: [(file: String, text: String)] = []
        var index = [String(notesWords("introduction").dropLast())]
        let lang = language == .en ? "" : " --lang \(language.rawValue)"
        for lesson in Lessons.all {
            for example in lesson.examples {
                // The forward note, and for some examples the backward one (`--backward`) beside it.
                for backward in lesson.learns && example.hasBackwardNote ? [false, true] : [false] {
                    let stem = (example.name == "default" ? lesson.id : "\(lesson.id)--\(example.name)") + (backward ? "--backward" : "")
                    let file = stem + ".md"
                    let command = (example.name == "default" ? "lesson \(lesson.id)" : "lesson \(lesson.id) --example \(example.name)")
                        + lang + (backward ? " --backward" : "")
                    let trace = try lesson.run(example.input, file: example.file, example: example, claims: example.claimSet(), backward: backward)
                    let renderer = MarkdownRenderer(command: command, figureLinks: .init(folder: "figures/", stem: stem))
                    notes.append((file, renderer.render(trace)))
                    notes += renderer.figureFiles(trace).map { ("figures/\($0.file)", $0.svg) }
                    index.append("| [\(file)](\(file)) | \(lesson.summary) | \(example.summary)\(backward ? notesWords("backward pass") : "") |")
                }
            }
        }
        notes.insert(("README.md", index.joined(separator: "\n") + "\n"), at: 0)
        return notes
    }

    static func run(_ options: RenderOptions, io: LessonCommand.IO) throws {
        // In a course's folder, `--from` was meant: the built-in notes would land in a new Lessons/.
        if options.out == nil, Files.kind(RenderOptions.defaultFolder) == .nothing,
           let input = Files.list(".").first(where: { $0.hasSuffix(".json") && !$0.hasSuffix(CourseCommand.claimsSuffix) && CourseCommand.isOurs(String($0.dropLast(5)) + ".md") }) {
            throw LessonError(.usage, "this folder holds a course's inputs (\(escaped(input)), …) and no \(RenderOptions.defaultFolder)/: "
                + "for their notes, 'lesson render --from .'; for the built-in examples' notes, give --out DIR")
        }
        let notes = try notes()
        let folder = NotesFolder(options.folder, languages: ["", "ko/"], orphanWhy: "no example produces it")
        if options.check {
            try folder.refuseObstacles(notes)
            let found = folder.compare(notes)
            try found.list(io: io)
            guard found.isEmpty else {
                throw LessonError(.failed, "in \(folder.shown)/, " + found.findings(of: notes).joined(separator: ", ") + "; "
                    + found.todo(rerun: "run 'lesson render'").joined(separator: ", ") + " and commit")
            }
            try io.out("\(describe(notes)) in \(folder.shown)/ are up to date\n")
            return
        }
        try folder.write(notes, io: io)
    }

    /// "18 notes, the index and 25 figures", "1 figure": what `files` holds, by kind.
    static func describe(_ files: [(file: String, text: String)]) -> String {
        func count(_ n: Int, _ one: String, _ many: String) -> String? { n == 0 ? nil : n == 1 ? "1 \(one)" : "\(n) \(many)" }
        let figures = files.filter { $0.file.hasSuffix(".svg") }.count
        let indexes = files.filter { $0.file == "README.md" || $0.file.hasSuffix("/README.md") }.count
        let parts = [count(files.count - figures - indexes, "note", "notes"), indexes == 0 ? nil : indexes == 1 ? "the index" : "\(indexes) indexes",
                     count(figures, "figure", "figures")]
        let shown = parts.compactMap { $0 }
        return shown.count <= 1 ? (shown.first ?? "no files") : shown.dropLast().joined(separator: ", ") + " and " + shown.last!
    }
}
