// The flags of `lesson <id>` and `lesson render`: one table per command, from which the parser,
// the suggestion for a misspelt flag and the help text are all made. Parsed by hand with
// swift-argument-parser's manners: `--flag value` or `--flag=value`, usage errors (64).

import JSONFormat
import LessonInput
import Foundation
import LessonLibrary
import TraceCore

enum OutputFormat: String, CaseIterable {
    case markdown, json

    /// "markdown or json".
    static var choices: String { allCases.map(\.rawValue).joined(separator: " or ") }
}

/// One flag of a command: its names, the value it takes, its line of help, and what it sets.
struct Flag<Options>: Sendable {
    /// The value a flag takes: how the help shows it ("FILE") and what it must be, for the error
    /// when it is missing ("a JSON file, or '-' for standard input").
    struct Value: Sendable {
        let placeholder: String
        let meaning: String
    }

    /// Every name it answers to, the short one first: `-o`, `--output`.
    let names: [String]
    /// nil for a switch such as `--check`.
    let value: Value?
    /// One line for the help text.
    let help: String
    /// Sets the flag on the options; a switch is given "".
    let apply: @Sendable (inout Options, String) throws -> Void

    init(_ names: String..., value: Value? = nil, help: String, apply: @escaping @Sendable (inout Options, String) throws -> Void) {
        self.names = names
        self.value = value
        self.help = help
        self.apply = apply
    }

    /// How the help shows it: `-o, --output FILE`.
    var usage: String { names.joined(separator: ", ") + (value.map { " \($0.placeholder)" } ?? "") }
}

extension Flag.Value {
    init(_ placeholder: String, _ meaning: String) { self.init(placeholder: placeholder, meaning: meaning) }
}

/// Reads `arguments` into `options` by the table `flags`; `command` ("lesson gru") names the
/// command in messages.
func parse<Options>(_ arguments: [String], _ flags: [Flag<Options>], into options: inout Options, command: String) throws {
    // Asking for help is answered whatever else is on the line, mistakes included.
    if let help = flags.first(where: { $0.names.contains("--help") }), arguments.contains(where: help.names.contains) {
        try help.apply(&options, "")
        return
    }
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        var name = argument
        var attached: String?
        if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
            name = String(argument[..<eq])
            attached = String(argument[argument.index(after: eq)...])
        }
        guard let flag = flags.first(where: { $0.names.contains(name) }) else {
            if !name.hasPrefix("-") || name == "-" {
                throw LessonError(.usage, "unexpected argument '\(escaped(argument))' for '\(command)'; see '\(command) --help'")
            }
            let hint = suggestion(for: name, in: flags.flatMap(\.names))
            throw LessonError(.usage, "unknown option '\(escaped(name))' for '\(command)'\(hint); see '\(command) --help'")
        }
        if let value = flag.value {
            // `--out --check` forgot the folder: the next flag is not taken for it.
            let next = attached == nil ? rest.first : nil
            if let next, flags.contains(where: { $0.names.contains(next) }) {
                throw LessonError(.usage, "\(name) needs a value: \(value.meaning); got the option '\(next)' instead")
            }
            guard let given = attached ?? rest.popFirst() else {
                throw LessonError(.usage, "\(name) needs a value: \(value.meaning)")
            }
            guard !given.isEmpty else { throw LessonError(.usage, "\(name) needs a value: \(value.meaning), got an empty one") }
            try flag.apply(&options, given)
        } else {
            if let attached { throw LessonError(.usage, "\(name) takes no value, got '\(escaped(attached))'") }
            try flag.apply(&options, "")
        }
    }
}

/// The lines of a flag table for the help text, the help aligned at `column`.
func helpLines<Options>(_ flags: [Flag<Options>], column: Int) -> [String] {
    flags.map { "  " + $0.usage.padding(toLength: column - 2, withPad: " ", startingAt: 0) + $0.help }
}

struct LessonOptions {
    static let defaultPrecision = 4

    var example: String?
    var input: String?
    var printInput = false
    var format = OutputFormat.markdown
    var precision = defaultPrecision
    var output: String?
    var expect: String?
    var backward = false
    var language = Language.en
    var help = false
    let lesson: any Lesson.Type

    /// The flags of `lesson <id>`, in the order the help lists them.
    static let flags: [Flag<LessonOptions>] = [
        Flag("--example", value: .init("NAME", "the name of a built-in example"),
             help: "a named built-in example (the lesson's --help lists them)") { options, name in
            let names = options.lesson.examples.map(\.name)
            guard names.contains(name) else {
                throw LessonError(.usage, "unknown example '\(escaped(name))' for \(options.lesson.id)\(suggestion(for: name, in: names)); "
                    + "the examples are \(names.joined(separator: ", "))")
            }
            options.example = name
        },
        Flag("--input", value: .init("FILE", "a JSON file, or '-' for standard input"),
             help: "the example read from a JSON file ('-' = stdin), instead of --example") { $0.input = $1 },
        Flag("--print-input", help: "the example's input as JSON, to edit and feed back with --input") { options, _ in
            options.printInput = true
        },
        Flag("--format", value: .init(OutputFormat.allCases.map(\.rawValue).joined(separator: "|"), OutputFormat.choices),
             help: "Markdown (default) or the machine-readable trace") { options, value in
            guard let parsed = OutputFormat(rawValue: value) else {
                throw LessonError(.usage, "--format must be \(OutputFormat.choices), got '\(escaped(value))'")
            }
            options.format = parsed
        },
        Flag("--precision", value: .init("N", "a whole number of decimals from 0 to \(NumberStyle.maxPrecision)"),
             help: "decimals shown in Markdown (default \(defaultPrecision), 0 to \(NumberStyle.maxPrecision))") { options, value in
            guard let n = Int(value), (0...NumberStyle.maxPrecision).contains(n) else {
                throw LessonError(.usage, "--precision must be a whole number from 0 to \(NumberStyle.maxPrecision), got '\(escaped(value))'")
            }
            options.precision = n
        },
        Flag("--backward", help: "the backward pass too: every gradient, written out, and a gradient check") { options, _ in
            options.backward = true
        },
        languageFlag(),
        Flag("--expect", value: .init("FILE", "a JSON file of claims, or '-' for standard input"),
             help: "check claimed numbers ('-' = stdin); exit 1 if any claim fails") { $0.expect = $1 },
        Flag("-o", "--output", value: .init("FILE", "the file to write, or '-' for standard output"),
             help: "write to FILE instead of stdout, its figures beside it") { $0.output = $1 == "-" ? nil : $1 },
        Flag("-h", "--help", help: "the lesson's examples and these flags") { options, _ in options.help = true },
    ]

    init(_ arguments: [String], lesson: any Lesson.Type) throws {
        self.lesson = lesson
        try parse(arguments, Self.flags, into: &self, command: "lesson \(lesson.id)")
        if example != nil && input != nil {
            throw LessonError(.usage, "--example and --input both choose the example; give one of them")
        }
        if printInput && expect != nil {
            throw LessonError(.usage, "--print-input prints the input and checks nothing; give --expect without it")
        }
        if printInput && backward {
            throw LessonError(.usage, "--print-input prints the input and computes nothing; give --backward without it")
        }
        if expect == "-" && input == "-" {
            throw LessonError(.usage, "--input and --expect cannot both read standard input; give one of them a file")
        }
    }

    /// The claims to check: the `--expect` file, else those of the chosen built-in example, if any.
    func claims(_ example: Example?, io: LessonCommand.IO) throws -> (set: ClaimSet, file: String)? {
        if let expect {
            var (json, name) = try readJSON(expect, io: io)
            // Without a source of its own, the claims are from the file: named without its folder,
            // so that no path of this machine reaches the output.
            if case .object(var members) = json, !members.contains(where: { $0.key == "source" }), expect != "-" {
                members.insert(JSONMember("source", .string(fileName(expect))), at: 0)
                json = .object(members)
            }
            return (try ClaimSet(json, file: name), name)
        }
        return try example?.claimSet()
    }

    /// The input object, the name it goes by in messages, and the built-in example if one was chosen.
    func loadInput(io: LessonCommand.IO) throws -> (JSON, String, Example?) {
        if let input {
            let (json, name) = try readJSON(input, io: io)
            return (json, name, nil)
        }
        let name = example ?? "default"
        guard let chosen = lesson.examples.first(where: { $0.name == name }) else {
            throw LessonError(.usage, "\(lesson.id) has no example '\(escaped(name))'")
        }
        return (chosen.input, chosen.file, chosen)
    }

    /// A JSON file (or standard input for '-') parsed, and the name it goes by in messages.
    private func readJSON(_ path: String, io: LessonCommand.IO) throws -> (JSON, String) {
        let (bytes, name) = path == "-" ? (try io.readStdin(), "<stdin>") : (try Files.read(path), path)
        return (try parseJSON(bytes, file: name), name)
    }

    /// The command that prints this trace, for the footer's pointer to `--format json`.
    /// The input file is named without its folder: the output must not depend on where it is.
    func reproducingCommand() -> String {
        let flag = (language == .en ? "" : " --lang \(language.rawValue)") + (backward ? " --backward" : "")
        if let input { return "lesson \(lesson.id) --input \(shellWord(input == "-" ? "-" : fileName(input)))" + flag }
        if let example, example != "default" { return "lesson \(lesson.id) --example \(example)" + flag }
        return "lesson \(lesson.id)" + flag
    }
}

/// `--lang en|ko`: the language of the note's words (SPEC "Korean notes"); numbers and names are the same.
func languageFlag<Options: HasLanguage>(help: String = "the language of the words: English (default) or Korean") -> Flag<Options> {
    Flag("--lang", value: .init(Language.allCases.map(\.rawValue).joined(separator: "|"), Language.choices), help: help) { options, value in
        guard let language = Language(rawValue: value) else {
            throw LessonError(.usage, "--lang must be \(Language.choices), got '\(escaped(value))'\(suggestion(for: value, in: Language.allCases.map(\.rawValue)))")
        }
        options.language = language
    }
}

protocol HasLanguage { var language: Language { get set } }

/// `lesson list [--lang ko]`.
struct ListOptions: HasLanguage {
    var language = Language.en
    var help = false
    static let flags: [Flag<ListOptions>] = [
        languageFlag(),
        Flag("-h", "--help", help: "this help") { options, _ in options.help = true },
    ]
}
extension LessonOptions: HasLanguage {}

extension Language {
    /// "en (English) or ko (Korean)", for help and messages.
    static let choices = "en (English) or ko (Korean)"
}

struct RenderOptions: HasLanguage {
    static let defaultFolder = "Lessons"

    /// A course's folder of inputs (SPEC "A course of your own"); nil for the built-in examples.
    var from: String?
    /// nil: the default, Lessons/ or the course's notes/ (notes/ko/ in Korean).
    var out: String?
    var check = false
    /// Only with `--from`: the built-in notes are written in every language.
    var lang: Language?
    var help = false

    var language: Language {
        get { lang ?? .en }
        set { lang = newValue }
    }

    /// The flags of `lesson render`, in the order the help lists them.
    static let flags: [Flag<RenderOptions>] = [
        Flag("--from", value: .init("DIR", "a folder of LESSON--NAME.json inputs"),
             help: "a course of your own: each LESSON--NAME.json in DIR becomes a note") { options, dir in
            if let given = options.from { throw LessonError(.usage, "--from is given twice ('\(escaped(given))' and '\(escaped(dir))'); give one folder") }
            options.from = dir
        },
        Flag("--out", value: .init("DIR", "the folder for the notes"),
             help: "the folder of the notes (default \(defaultFolder)/, with --from DIR/notes/)") { options, dir in
            if let given = options.out { throw LessonError(.usage, "--out is given twice ('\(escaped(given))' and '\(escaped(dir))'); give one folder") }
            options.out = dir
        },
        Flag("--check", help: "write nothing; exit 1 listing stale, missing and left-over files (and failing claims)") { options, _ in
            options.check = true
        },
        languageFlag(help: "with --from: the notes' language, English (default) or Korean (in DIR/notes/ko/)"),
        Flag("-h", "--help", help: "this help") { options, _ in options.help = true },
    ]

    init(_ arguments: [String]) throws {
        try parse(arguments, Self.flags, into: &self, command: "lesson render")
        if from == nil, let lang {
            throw LessonError(.usage, "--lang \(lang.rawValue) goes with --from; 'lesson render' writes the built-in notes in every language "
                + "(\(Self.defaultFolder)/ and \(Self.defaultFolder)/ko/)")
        }
    }

    /// Where the notes go: `--out`, else Lessons/, or for a course DIR/notes/ (DIR/notes/ko/ in Korean).
    var folder: String {
        if let out { return out }
        guard let from else { return Self.defaultFolder }
        let base = (withoutTrailingSlashes(from) == "/" ? "" : withoutTrailingSlashes(from)) + "/notes"
        return language == .en ? base : "\(base)/\(language.rawValue)"
    }
}

/// `bytes` parsed as JSON; not JSON is an input error naming `file`.
func parseJSON(_ bytes: [UInt8], file: String) throws -> JSON {
    do {
        return try JSON.parse(bytes)
    } catch {
        throw LessonError(.data, "\(escaped(file)): \(error.isLimit ? "" : "not valid JSON: ")\(error.description)")
    }
}

/// The last part of a path: "lstm.json" for "/home/me/slides/lstm.json".
func fileName(_ path: String) -> String {
    let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
    return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
}

/// `word` as the shell reads it back: as it is when it is plain, else in single quotes; control
/// characters written as escapes, so that a command shown in a note stays on one line.
func shellWord(_ word: String) -> String {
    let plain = !word.isEmpty && word.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "._-+/,:@%=".unicodeScalars.contains($0))
    }
    return plain ? word : "'" + escaped(word).replacingOccurrences(of: "'", with: "'\\''") + "'"
}
