// A folder of notes, their figures beside them in `figures/`: compared with the notes a run makes
// (`--check`), or written all at once. Shared by `lesson render` and `lesson render --from`.

import TraceCore

struct NotesFolder {
    /// The folder as given, without a trailing slash.
    let path: String
    /// The subfolders that hold notes of their own ("" and "ko/" for Lessons/; "" for a course).
    let languages: [String]
    /// Why a note there that no run makes is left over: "no example produces it".
    let orphanWhy: String
    /// Whether a file there (its name inside a language's folder or `figures/`) is one a run could
    /// have made, so that one no run makes now is left over; other files are the lecturer's own.
    let isOurs: @Sendable (String) -> Bool

    init(_ path: String, languages: [String], orphanWhy: String, isOurs: @escaping @Sendable (String) -> Bool = { _ in true }) {
        self.path = withoutTrailingSlashes(path)
        self.languages = languages
        self.orphanWhy = orphanWhy
        self.isOurs = isOurs
    }

    /// The folder as messages show it.
    var shown: String { escaped(path) }

    /// What differs between `notes` and the folder.
    struct Differences {
        var missing: [(file: String, text: String)] = []
        var stale: [(file: String, text: String)] = []
        var leftOver: [(path: String, why: String)] = []
        let shown: String

        var isEmpty: Bool { missing.isEmpty && stale.isEmpty && leftOver.isEmpty }

        /// One line a file, on stdout.
        func list(io: LessonCommand.IO) throws {
            for note in missing { try io.out("missing: \(shown)/\(escaped(note.file))\n") }
            for note in stale { try io.out("stale: \(shown)/\(escaped(note.file))\n") }
            for file in leftOver { try io.out("left over: \(shown)/\(escaped(file.path)) (\(file.why); delete it)\n") }
        }

        /// "2 notes of the 9 files are missing", "1 figure is stale", "1 file is left over".
        func findings(of notes: [(file: String, text: String)]) -> [String] {
            func verb(_ files: [(file: String, text: String)]) -> String { files.count == 1 ? "is" : "are" }
            var found: [String] = []
            if !missing.isEmpty { found.append("\(NotesCommand.describe(missing)) of the \(notes.count) files \(verb(missing)) missing") }
            if !stale.isEmpty { found.append("\(NotesCommand.describe(stale)) \(verb(stale)) stale") }
            if !leftOver.isEmpty { found.append(leftOver.count == 1 ? "1 file is left over" : "\(leftOver.count) files are left over") }
            return found
        }

        /// What to do about them: `rerun` for missing or stale files, deleting the left-over ones.
        func todo(rerun: String) -> [String] {
            [missing.isEmpty && stale.isEmpty ? nil : rerun, leftOver.isEmpty ? nil : "delete what is left over"].compactMap { $0 }
        }
    }

    /// What would stop a render writing `notes` here, so that `--check` says it as the render
    /// would: the folder (or a subfolder) being something else, or a link, a pipe, a device or a
    /// folder where a file goes. A link there is refused rather than followed: it could lead to an
    /// input, or out of the folder.
    func refuseObstacles(_ notes: [(file: String, text: String)]) throws {
        func refuse(_ file: String, _ why: String) -> LessonError { LessonError(.cantCreate, "cannot write \(escaped(file)): \(why)") }
        let folders = [path] + languages.flatMap { sub in [sub.isEmpty ? nil : "\(path)/\(sub.dropLast())", "\(path)/\(sub)figures"].compactMap { $0 } }
        for folder in folders {
            switch Files.kind(folder) {
            case .folder, .nothing where !Files.isLink(folder): continue
            case .nothing: throw refuse(folder, "it is a link to nothing; remove it, or give another --out")
            default: throw refuse(folder, "it is not a folder; move it away, or give another --out")
            }
        }
        for note in notes {
            let file = "\(path)/\(note.file)"
            if Files.isLink(file) { throw refuse(file, "it is a link, which a render would write through; remove it") }
            if ![.file, .nothing].contains(Files.kind(file)) { throw refuse(file, "it is not a regular file; move it away") }
        }
    }

    /// The files of `notes` missing from the folder or different there, and the files there that
    /// `notes` does not hold.
    func compare(_ notes: [(file: String, text: String)]) -> Differences {
        // Something other than a file where a note goes (a pipe, a folder) is stale, and never read.
        let found = notes.map { note -> [UInt8]? in
            let file = "\(path)/\(note.file)"
            return Files.kind(file) == .nothing ? nil : Files.fileContents(file) ?? []
        }
        var differences = Differences(shown: shown)
        differences.missing = zip(notes, found).filter { $0.1 == nil }.map(\.0)
        differences.stale = zip(notes, found).filter { note, bytes in bytes.map { $0 != Array(note.text.utf8) } ?? false }.map(\.0)
        differences.leftOver = leftOvers(notes)
        return differences
    }

    /// The files in the folder that `notes` does not produce: a note (`*.md`) of an example or
    /// input that is gone or renamed, and a figure in `figures/` no note links any more.
    func leftOvers(_ notes: [(file: String, text: String)]) -> [(path: String, why: String)] {
        let expected = Set(notes.map(\.file))
        var found: [(path: String, why: String)] = []
        for sub in languages {
            let orphans = Files.list("\(path)/\(sub)").filter { $0.hasSuffix(".md") && isOurs($0) }.map { sub + $0 }.filter { !expected.contains($0) }
            let figures = Files.list("\(path)/\(sub)figures").filter { $0.hasSuffix(".svg") && isOurs($0) }.map { "\(sub)figures/\($0)" }
                .filter { !expected.contains($0) }
            found += orphans.map { ($0, orphanWhy) } + figures.map { ($0, "no note uses it") }
        }
        return found
    }

    /// Writes every note and figure, or none: folders this run made are taken away again on failure.
    func write(_ notes: [(file: String, text: String)], io: LessonCommand.IO) throws {
        try refuseObstacles(notes)
        var made: [String] = []
        for sub in languages {
            made += try Files.makeFolder(sub.isEmpty ? path : "\(path)/\(sub.dropLast())") + Files.makeFolder("\(path)/\(sub)figures")
        }
        do {
            try Files.write(notes.map { ("\(path)/\($0.file)", $0.text) })
        } catch {
            Files.removeFolders(made)
            throw error
        }
        do {
            try io.out("wrote \(NotesCommand.describe(notes)) to \(shown)/\n")
        } catch let error as LessonError {
            // The notes are in place; only the report of it failed. Said, so no script re-runs blind.
            throw LessonError(error.code, "wrote \(NotesCommand.describe(notes)) to \(shown)/, then \(error.message)")
        }
    }
}

/// `path` without the slashes at its end ("notes" for "notes//"); "/" stays "/".
func withoutTrailingSlashes(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    return String(trimmed)
}
