// A course's folder read (SPEC "A course of your own"): which files are inputs and claims, the
// lesson each names, and for a name that is wrong, the nearest valid one.

import JSONFormat
import LessonLibrary
import TraceCore

extension CourseCommand {
    /// Every input in `dir`, in the course's order: the lessons' order, then by name. A file whose
    /// name does not say its lesson and note, or claims without their input, is an error naming it.
    static func inputs(in dir: String) throws -> [Input] {
        let folder = withoutTrailingSlashes(dir)
        func path(_ name: String) -> String { folder == "/" ? "/\(name)" : "\(folder)/\(name)" }
        let names = try Files.listing(folder, refusingNonUTF8: true).filter { !$0.hasPrefix(".") && $0.lowercased().hasSuffix(".json") }
        var inputs: [Input] = []
        var claims: [String] = []
        var folders: Set<String> = []
        for name in names {
            // Files only, or links to them: a subfolder is not read, and a pipe could block.
            switch Files.kind(path(name)) {
            case .folder where name.hasSuffix(claimsSuffix):
                throw LessonError(.noInput, "cannot read \(escaped(path(name))): it is a folder, not a file of claims")
            case .folder:
                folders.insert(name)
                continue
            case .file: break
            case .nothing: throw LessonError(.noInput, "cannot read \(escaped(path(name))): it is a link to nothing")
            case .other: throw LessonError(.noInput, "cannot read \(escaped(path(name))): it is not a regular file (a pipe or a device); a course's inputs are files")
            }
            guard name.hasSuffix(".json") else {
                throw LessonError.data(path(name), "a course's files end in .json (lower case); did you mean '\(escaped(String(name.dropLast(5)) + ".json"))'?")
            }
            if name.hasSuffix(claimsSuffix) {
                claims.append(name)
                continue
            }
            let stem = String(name.dropLast(".json".count))
            inputs.append(Input(lesson: try lesson(of: stem, path: path(name)), stem: stem, path: path(name)))
        }
        for name in claims {
            let stem = String(name.dropLast(claimsSuffix.count))
            guard let n = inputs.firstIndex(where: { $0.stem == stem }) else {
                // An input of the same NAME ("lstm--week1" beside lstm-gates--week1.json) is the nearest;
                // else its own name may be what is wrong, and that is said first.
                func nameOf(_ stem: String) -> Substring? { stem.range(of: "--").map { stem[$0.upperBound...] } }
                let sameName = nameOf(stem).flatMap { own in inputs.first { nameOf($0.stem) == own }?.stem }
                if sameName == nil { _ = try lesson(of: stem, path: path(name), suffix: claimsSuffix) }
                if folders.contains(stem + ".json") {
                    throw LessonError.data(path(name), "claims without an input: \(escaped(stem)).json beside it is a folder, not a file")
                }
                let nearest = sameName ?? closest(to: stem, in: inputs.map(\.stem))
                throw LessonError.data(path(name), "claims without an input: there is no \(escaped(stem)).json beside it"
                    + (nearest.map { "; did you mean '\(escaped($0 + claimsSuffix))'?" } ?? ""))
            }
            inputs[n].claimsPath = path(name)
        }
        // Names the same but for case or for how their letters are encoded (é as one character or
        // two) would be one note on macOS and Windows, or find each other's claims.
        try refuseSameNames(inputs.map(\.path) + claims.map(path))
        guard !inputs.isEmpty else {
            throw LessonError.data(folder, "no inputs: a course's folder holds LESSON--NAME.json files, "
                + "e.g. 'lesson lstm-gates --print-input > \(shellWord(path("lstm-gates--week1.json")))'")
        }
        let order = Dictionary(uniqueKeysWithValues: Lessons.ids.enumerated().map { ($1, $0) })
        return inputs.sorted { a, b in
            let (x, y) = (order[a.lesson.id] ?? 0, order[b.lesson.id] ?? 0)
            return x != y ? x < y : naturallyBefore(a.stem, b.stem)
        }
    }

    /// Two of `paths` whose names are one on macOS and Windows: an error naming both, their letters'
    /// codes shown where they look the same.
    static func refuseSameNames(_ paths: [String]) throws {
        let groups = Dictionary(grouping: paths) { fileName($0).lowercased() }.values.filter { $0.count > 1 }
        guard let same = groups.map({ $0.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }).min(by: { $0[0] < $1[0] }) else { return }
        func shown(_ path: String) -> String {
            let name = fileName(path)
            let plain = same.allSatisfy { fileName($0) == name } ? name.unicodeScalars.map { $0.isASCII ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined() : name
            return escaped(plain)
        }
        throw LessonError.data(same[1], "its name and \(shown(same[0])) differ only in case or in how their letters are encoded "
            + "(\(shown(same[1])) and \(shown(same[0]))), so their notes would be one file on macOS and Windows; rename one")
    }

    /// Two notes or figures that would be one file: the same name but for case (where case does not
    /// count), or a long name's figures cut to the name of another's.
    static func refuseSameFiles(_ notes: [Note]) throws {
        var made: [String: (file: String, input: String)] = [:]
        for note in notes {
            for file in [note.file] + note.figures.map({ "figures/\($0.file)" }) {
                let key = file.lowercased()
                if let other = made[key], other.input != note.input || other.file != file {
                    throw LessonError.data(note.input, "its \(escaped(file)) and the \(escaped(other.file)) of \(escaped(other.input)) would be one file "
                        + "(where case does not count, as on macOS and Windows); rename one of the inputs")
                }
                made[key] = (file, note.input)
            }
        }
    }

    /// The lesson a file's name `stem` (without `suffix`) names, or an error naming the file and
    /// the nearest valid name.
    static func lesson(of stem: String, path: String, suffix: String = ".json") throws -> any Lesson.Type {
        let nearest = { nearestName(stem, path: path).map { "; did you mean '\(escaped($0 + suffix))'?" } ?? "; 'lesson list' shows the lessons" }
        guard let separator = stem.range(of: "--") else {
            throw LessonError.data(path, "the name must be LESSON--NAME\(suffix), LESSON a lesson's id and NAME the note's own" + nearest())
        }
        let id = String(stem[..<separator.lowerBound])
        let name = stem[separator.upperBound...]
        guard let lesson = Lessons.named(id) else {
            throw LessonError.data(path, "'\(echoed(id))' is not a lesson: the name must be LESSON--NAME\(suffix), LESSON a lesson's id" + nearest())
        }
        guard !name.isEmpty else {
            throw LessonError.data(path, "the name gives no NAME after the lesson: it must be LESSON--NAME\(suffix); "
                + "e.g. '\(id)--week1\(suffix)'")
        }
        if name.hasSuffix("--backward") {
            throw LessonError.data(path, "a NAME ending in --backward is kept for backward notes; for one, put \"backward\": true in "
                + "\(escaped(String(stem.dropLast("--backward".count)) + claimsSuffix))")
        }
        return lesson
    }

    /// The valid name (without its suffix) nearest `stem`: the lesson's id put right ("lstm_gates",
    /// "lstm-gate"), the "--" put in ("gru-week2"), or, for a name without a lesson ("week3"), the
    /// lesson whose examples' fields the file's content has.
    static func nearestName(_ stem: String, path: String) -> String? {
        // A dash of typography ("gru—week2") meant as the two hyphens.
        let stem = stem.replacingOccurrences(of: "—", with: "--").replacingOccurrences(of: "–", with: "--")
        var (given, rest) = ("", stem)
        if let separator = stem.range(of: "--") {
            (given, rest) = (String(stem[..<separator.lowerBound]), String(stem[separator.upperBound...]))
            // "week2--gru": the two parts the other way round.
            if !Lessons.ids.contains(given) && Lessons.ids.contains(rest) { (given, rest) = (rest, given) }
        } else if let id = Lessons.ids.sorted(by: { $0.count > $1.count }).first(where: { id in
            let lower = stem.lowercased().replacingOccurrences(of: "_", with: "-")
            return lower == id || ["-", ".", " "].contains { lower.hasPrefix(id + $0) }
        }) {
            (given, rest) = (id, String(stem.dropFirst(min(id.count + 1, stem.count))))
        }
        // The file's fields say more than a near spelling: "rnn" is closer to birnn than to rnn-unroll.
        let id = Lessons.ids.contains(given) ? given
            : lessonByContent(path) ?? closest(to: given.lowercased().replacingOccurrences(of: "_", with: "-"), in: Lessons.ids)
        guard let id else { return nil }
        return "\(id)--\(rest.isEmpty ? "NAME" : rest)"
    }

    /// The lesson whose examples' inputs share the most fields with the object in `path`, if one
    /// stands out; the recurrent cells, whose fields are the same, told apart by their gates' rows.
    static func lessonByContent(_ path: String) -> String? {
        guard let bytes = Files.fileContents(path), case .object(let members)? = try? JSON.parse(bytes) else { return nil }
        let keys = Set(members.map(\.key))
        guard !keys.isEmpty else { return nil }
        var best: (ids: [String], score: Double) = ([], 0)
        for lesson in Lessons.all {
            let score = lesson.examples.map { example -> Double in
                guard case .object(let fields) = example.input else { return 0 }
                let known = Set(fields.map(\.key))
                return Double(keys.intersection(known).count) / Double(keys.union(known).count)
            }.max() ?? 0
            if score > best.score + 1e-12 { best = ([lesson.id], score) } else if abs(score - best.score) <= 1e-12 { best.ids.append(lesson.id) }
        }
        guard best.score >= 0.5 else { return nil }
        if best.ids.count == 1 { return best.ids[0] }
        // rnn-unroll, gru and lstm-gates: weight_hh_l0 has H, 3H or 4H rows of H.
        if case .array(let rows)? = members.first(where: { $0.key == "weight_hh_l0" })?.value, case .array(let row)? = rows.first, !row.isEmpty {
            let gates = [1: "rnn-unroll", 3: "gru", 4: "lstm-gates"][rows.count / row.count]
            if let gates, best.ids.contains(gates), rows.count % row.count == 0 { return gates }
        }
        return nil
    }
}
