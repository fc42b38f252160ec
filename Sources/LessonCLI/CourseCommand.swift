// `lesson render --from DIR` (SPEC "A course of your own"): a lecturer's folder of inputs becomes a
// folder of notes. Each LESSON--NAME.json in DIR is an input of lesson LESSON, LESSON--NAME.claims.json
// beside it its claims (and, with "backward": true, the wish for a backward note too); each becomes
// OUT/LESSON--NAME.md with its figures in OUT/figures/, and OUT/README.md lists them in the course's
// order with their claims. Every input is read and run before anything is written: one bad file
// names itself and nothing is written. `--check` writes nothing and fails (exit 1) on a stale,
// missing or left-over note or a claim that does not hold, so a course repository can run it in CI.

import JSONFormat
import LessonInput
import LessonLibrary
import TraceCore
import TraceRender

enum CourseCommand {
    /// One input of the folder, named LESSON--NAME.json.
    struct Input {
        let lesson: any Lesson.Type
        /// "gru--week2": the note is gru--week2.md.
        let stem: String
        /// The folder's path of the input, and of its claims if it has any, as messages name them.
        let path: String
        var claimsPath: String?
    }

    /// What one note of the course is: its file, lesson, source and claims, for the index.
    /// (`var text`: its links to the built-in notes are put right once every note is known.)
    struct Note {
        /// The input it is made from, as messages name it.
        let input: String
        let file: String
        var text: String
        let lesson: any Lesson.Type
        let backward: Bool
        let source: String?
        /// How many claims hold, of how many; nil when the note checks none.
        let claims: (held: Int, total: Int)?
        /// Its figures: file names inside figures/, and their SVG.
        let figures: [(file: String, svg: String)]
        var fails: Bool { claims.map { $0.held < $0.total } ?? false }
    }

    static let claimsSuffix = ".claims.json"

    /// A link to a built-in note, as the lessons' words write them: "[layer-norm.md](layer-norm.md)".
    nonisolated(unsafe) static let builtInLink = #/\[[^\]\n]*\]\(([a-z0-9-]+)\.md(#[^)\s]*)?\)/#

    static func run(_ options: RenderOptions, from dir: String, io: LessonCommand.IO) throws {
        let inputs = try inputs(in: dir)
        let (notes, files) = try Language.$current.withValue(options.language) { () throws -> ([Note], [(file: String, text: String)]) in
            let made = try inputs.flatMap(notesOf)
            let noteFiles = Set(made.map(\.file))
            let notes = made.map { $0.linkingOnly(noteFiles) }
            // Notes and figures whose names would be one file ("gru--a--Backward.md" beside gru--a's
            // backward note, a long name's figures cut to another input's).
            try refuseSameFiles(notes)
            let files = [("README.md", index(notes))] + notes.flatMap { note in [(note.file, note.text)] } + figures(of: notes)
            return (notes, files)
        }
        let folder = NotesFolder(options.folder, languages: [""], orphanWhy: "no input makes it", isOurs: isOurs)
        let failing = notes.filter(\.fails)
        let words = ["lesson", "render", "--from", shellWord(dir)] + (options.out.map { ["--out", shellWord($0)] } ?? [])
            + (options.language == .en ? [] : ["--lang", options.language.rawValue])
        let command = words.joined(separator: " ")
        // Quoted as the built-in render's is, unless a folder's name is quoted already.
        let rerun = command.contains("'") ? "run \(command) again" : "run '\(command)'"
        try refuseForeignIndex(in: folder)
        try folder.refuseObstacles(files)
        try refuseHandWritten(notes, in: folder)
        if options.check {
            let found = folder.compare(files)
            try found.list(io: io)
            for note in failing {
                guard let claims = note.claims else { continue }
                try io.out("claims fail: \(folder.shown)/\(escaped(note.file)) (\(claims.held) of \(claims.total) hold)\n")
            }
            guard found.isEmpty && failing.isEmpty else {
                var findings = found.findings(of: files)
                var todo = found.todo(rerun: rerun)
                if !failing.isEmpty {
                    findings.append("claims do not hold in \(failing.count == 1 ? "1 note" : "\(failing.count) notes")")
                    todo.append("correct the input or the claims")
                }
                throw LessonError(.failed, "in \(folder.shown)/, " + findings.joined(separator: ", ") + "; " + todo.joined(separator: ", "))
            }
            try io.out("\(NotesCommand.describe(files)) in \(folder.shown)/ are up to date; \(claimsHeld(notes))\n")
            return
        }
        try folder.write(files, io: io)
        for file in folder.leftOvers(files) { try io.out("left over: \(folder.shown)/\(escaped(file.path)) (\(file.why); delete it)\n") }
        if !failing.isEmpty {
            throw LessonError(.failed, "claims do not hold in " + failing.map { note in
                "\(escaped(note.file)) (\(note.claims?.held ?? 0) of \(note.claims?.total ?? 0) hold)"
            }.joined(separator: ", ") + "; each note's table of claims says which and why")
        }
    }

    /// "every claim holds (11 claims, checked in 5 notes)", or "no note checks claims". A claim
    /// checked in both an input's notes counts once.
    static func claimsHeld(_ notes: [Note]) -> String {
        let checking = notes.filter { $0.claims != nil }
        guard !checking.isEmpty else { return "no note checks claims" }
        let perInput = Dictionary(grouping: checking, by: \.input).values.map { $0.compactMap(\.claims?.total).max() ?? 0 }
        let total = perInput.reduce(0, +)
        return "every claim holds (\(total == 1 ? "1 claim" : "\(total) claims"), checked in \(checking.count == 1 ? "1 note" : "\(checking.count) notes"))"
    }

    // MARK: The notes

    /// The note of `input`, and its backward note when its claims ask for one.
    static func notesOf(_ input: Input) throws -> [Note] {
        let json = try parseJSON(try Files.read(input.path), file: input.path)
        // Claims named as an input ("gru--week2.claim.json", "gru--week2-claims.json").
        if case .object(let members) = json, members.contains(where: { $0.key == "claims" }) {
            // "week2.claim", "week2-claims": the misspelt or misjoined word taken off.
            var base = input.stem
            if let cut = base.lastIndex(where: { ".-_".contains($0) }), closest(to: String(base[base.index(after: cut)...]), in: ["claims"]) != nil {
                base = String(base[..<cut])
            }
            throw LessonError.data(input.path, "it holds claims, not an input: claims are named LESSON--NAME\(claimsSuffix), beside the input "
                + "LESSON--NAME.json they check; did you mean '\(escaped(base + claimsSuffix))'?")
        }
        let read = try input.claimsPath.map { try readClaims($0, lesson: input.lesson) }
        let (claims, givenSource) = (read?.set, read?.source)
        let backward = claims?.backward ?? false
        if backward, let path = input.claimsPath, (input.stem + "--backward.md").utf8.count > Files.maxNameBytes {
            throw LessonError.data(path, "\"backward\": true, but the backward note's name, \(echoed(input.stem))--backward.md, would be longer "
                + "than the \(Files.maxNameBytes) bytes a file name may have; shorten the input's name")
        }
        let file = fileName(input.path)
        var notes: [Note] = []
        // The backward note first: it checks every claim, so a claim's error names its place in the file.
        for back in backward ? [true, false] : [false] {
            // The forward note checks the claims on forward values; the backward note all of them.
            let set = back ? claims : claims?.filter { !$0.value.hasSuffix(".grad") }
            let checked = set.flatMap { $0.claims.isEmpty ? nil : $0 }
            let trace: Trace
            do {
                trace = try input.lesson.run(json, file: input.path, example: nil, claims: checked.map { ($0, input.claimsPath ?? "") }, backward: back)
            } catch let error as LessonError where back {
                // The course asked for the backward pass in its claims file, not with the flag.
                throw LessonError(error.code, error.message.replacingOccurrences(of: "--backward", with: "the backward note (\"backward\": true in "
                    + "\(escaped(fileName(input.claimsPath ?? "")))"  + ")"))
            }
            trace.example = file
            let stem = input.stem + (back ? "--backward" : "")
            let command = "lesson \(input.lesson.id) --input \(shellWord(file))"
                + (Language.current == .en ? "" : " --lang \(Language.current.rawValue)") + (back ? " --backward" : "")
            // A long name's figures are named as `lesson <id> -o` names them, shortened to fit.
            let figureStem = LessonCommand.figurePlace(for: stem + ".md", count: trace.figures.count).stem
            let renderer = MarkdownRenderer(command: command, figureLinks: .init(folder: "figures/", stem: figureStem))
            let verdicts = trace.claims?.verdicts
            notes.append(Note(input: input.path, file: stem + ".md", text: renderer.render(trace), lesson: input.lesson, backward: back, source: givenSource,
                              claims: verdicts.map { ($0.filter(\.holds).count, $0.count) }, figures: renderer.figureFiles(trace)))
        }
        return notes.reversed()
    }

    /// The claims file at `path`, and the `source` it gives, if any (without one the note's claims
    /// name the file, and the index shows none). A course's claims file may hold only a `source`
    /// and `"backward": true`: it then checks nothing.
    static func readClaims(_ path: String, lesson: any Lesson.Type) throws -> (set: ClaimSet, source: String?) {
        var json = try parseJSON(try Files.read(path), file: path)
        var given: String?
        if case .object(var members) = json {
            if case .string(let source)? = members.first(where: { $0.key == "source" })?.value,
               !source.trimmingCharacters(in: .whitespaces).isEmpty {
                given = source
            }
            if !members.contains(where: { $0.key == "claims" }) { members.append(JSONMember("claims", .array([]))) }
            // Without a source of its own, the claims are from the file, named without its folder.
            if !members.contains(where: { $0.key == "source" }) { members.insert(JSONMember("source", .string(fileName(path))), at: 0) }
            json = .object(members)
        }
        let set = try ClaimSet(json, file: path)
        if set.backward && !lesson.learns {
            throw LessonError.data(path, "\"backward\": true, but \(lesson.id) has nothing to learn, so it has no backward pass; remove it")
        }
        if !set.backward && lesson.learns, let n = set.claims.firstIndex(where: { $0.value.hasSuffix(".grad") }) {
            throw LessonError.data(path, "claims[\(n + 1)] names \"\(echoed(set.claims[n].value))\", a gradient: put \"backward\": true in this file "
                + "for a backward note that computes it")
        }
        return (set, given)
    }

    /// Whether a file in the notes' folder is named as this command names notes and figures
    /// (LESSON--NAME.md, LESSON--NAME-figureN.svg): only such a file can be left over.
    @Sendable static func isOurs(_ name: String) -> Bool {
        guard let separator = name.range(of: "--"), Lessons.ids.contains(String(name[..<separator.lowerBound])) else { return false }
        return name.hasSuffix(".md") || (name.hasSuffix(".svg") && name.contains("-figure"))
    }

    /// The figures of every note, in figures/.
    static func figures(of notes: [Note]) -> [(file: String, text: String)] {
        notes.flatMap { note in note.figures.map { ("figures/\($0.file)", $0.svg) } }
    }

    /// The index of a course folder is ours when its first line is this mark; any other README.md
    /// there is the lecturer's own and is not written over.
    static let indexMark = "<!-- Made by 'lesson render --from' from the course's inputs: edit those, not the notes. -->"

    /// A note's file there that this command did not write (one of the lecturer's own, beside the
    /// inputs when OUT is DIR) is not written over: every note ends with a footer that names
    /// `lesson … --format json`.
    static func refuseHandWritten(_ notes: [Note], in folder: NotesFolder) throws {
        for note in notes {
            guard let bytes = Files.fileContents("\(folder.path)/\(note.file)"), bytes != Array(note.text.utf8) else { continue }
            let tail = String(decoding: bytes.suffix(2_000), as: UTF8.self)
            if !tail.contains("--format json`") {
                throw LessonError(.cantCreate, "\(folder.shown)/\(escaped(note.file)) is not a note that 'lesson render --from' wrote, and is not written over; "
                    + "move it away, or give another --out")
            }
        }
    }

    static func refuseForeignIndex(in folder: NotesFolder) throws {
        let path = "\(folder.path)/README.md"
        guard Files.kind(path) != .nothing else { return }
        // Only the first line is read; one that cannot be read, or is not a file, is not ours either.
        let mark = Array(indexMark.utf8)
        let first = Files.firstBytes(path, count: mark.count + 2) ?? []
        // A checkout may have turned the line's end into CR LF.
        if !first.starts(with: mark + [10]) && !first.starts(with: mark + [13, 10]) {
            throw LessonError(.cantCreate, "\(folder.shown)/README.md is not an index that 'lesson render --from' wrote, and is not written over; "
                + "choose another --out, or move it away")
        }
    }
}

/// Whether `a` comes before `b` with runs of digits compared as numbers: week2 before week10.
func naturallyBefore(_ a: String, _ b: String) -> Bool {
    func parts(_ text: String) -> [(digits: Bool, text: String)] {
        var out: [(digits: Bool, text: String)] = []
        for c in text {
            let digit = c.isASCII && c.isNumber
            if let last = out.last, last.digits == digit { out[out.count - 1].text.append(c) } else { out.append((digit, String(c))) }
        }
        return out
    }
    for (x, y) in zip(parts(a), parts(b)) where x.text != y.text {
        if x.digits && y.digits {
            let (p, q) = (x.text.drop { $0 == "0" }, y.text.drop { $0 == "0" })
            if p.count != q.count { return p.count < q.count }
            if p != q { return p < q }
            continue
        }
        // Letters as a reader sorts them (Week3 after week1), then by their bytes.
        let (p, q) = (x.text.lowercased(), y.text.lowercased())
        if p != q { return Array(p.utf8).lexicographicallyPrecedes(Array(q.utf8)) }
        return Array(x.text.utf8).lexicographicallyPrecedes(Array(y.text.utf8))
    }
    if parts(a).count != parts(b).count { return parts(a).count < parts(b).count }
    return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
}

extension CourseCommand.Note {
    /// The note with each link to a built-in note this course does not have ([layer-norm.md](layer-norm.md))
    /// written as the command that prints it (`lesson layer-norm`), so that no link leads nowhere.
    func linkingOnly(_ files: Set<String>) -> Self {
        var note = self
        note.text = text.replacing(CourseCommand.builtInLink) { match -> String in
            let stem = String(match.output.1)
            guard !files.contains(stem + ".md") else { return String(match.output.0) }
            var parts = stem.components(separatedBy: "--")
            let backward = parts.count > 1 && parts.last == "backward"
            if backward { parts.removeLast() }
            guard let lesson = Lessons.named(parts[0]), parts.count <= 2 else { return String(match.output.0) }
            let example = parts.count == 2 ? " --example \(parts[1])" : ""
            let lang = Language.current == .en ? "" : " --lang \(Language.current.rawValue)"
            return "`lesson \(lesson.id)\(example)\(lang)\(backward ? " --backward" : "")`"
        }
        return note
    }
}
