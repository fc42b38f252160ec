// The flags of `lesson <id>` and `lesson render`, parsed by hand with swift-argument-parser's
// manners: `--flag value` or `--flag=value`, a suggestion for a misspelt flag, usage errors (64).

import JSONFormat
import LessonInput
import LessonLibrary
import TraceCore
import TraceRender

enum OutputFormat: String { case markdown, json }

/// Splits `--flag=value` and hands out flags and their values in order.
struct ArgumentStream {
    private var items: [String]
    let context: String  // "lesson gru", for messages

    init(_ arguments: [String], context: String) {
        items = []
        for argument in arguments {
            if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                items.append(String(argument[..<eq]))
                items.append(String(argument[argument.index(after: eq)...]))
            } else {
                items.append(argument)
            }
        }
        items.reverse()
        self.context = context
    }

    mutating func next() -> String? { items.popLast() }

    mutating func value(for flag: String, _ what: String) throws -> String {
        guard let value = items.popLast() else {
            throw LessonError(.usage, "\(flag) needs a value: \(what)")
        }
        return value
    }

    func unknown(_ flag: String, known: [String]) -> LessonError {
        LessonError(.usage, "unknown option '\(flag)' for '\(context)'\(suggestion(for: flag, in: known)); see '\(context) --help'")
    }
}

struct LessonOptions {
    var example: String?
    var input: String?
    var printInput = false
    var format = OutputFormat.markdown
    var precision = 4
    var output: String?
    var expect: String?
    var help = false
    let lesson: any Lesson.Type

    static let flags = ["--example", "--input", "--print-input", "--format", "--precision", "--expect", "-o", "--output", "--help"]

    init(_ arguments: [String], lesson: any Lesson.Type) throws {
        self.lesson = lesson
        var args = ArgumentStream(arguments, context: "lesson \(lesson.id)")
        while let flag = args.next() {
            switch flag {
            case "--example":
                let name = try args.value(for: flag, "the name of a built-in example")
                guard lesson.examples.contains(where: { $0.name == name }) else {
                    let names = lesson.examples.map(\.name)
                    throw LessonError(.usage, "unknown example '\(name)' for \(lesson.id)\(suggestion(for: name, in: names)); "
                        + "the examples are \(names.joined(separator: ", "))")
                }
                example = name
            case "--input":
                input = try args.value(for: flag, "a JSON file, or '-' for standard input")
            case "--print-input":
                printInput = true
            case "--format":
                let value = try args.value(for: flag, "markdown or json")
                guard let parsed = OutputFormat(rawValue: value) else {
                    throw LessonError(.usage, "--format must be markdown or json, got '\(value)'")
                }
                format = parsed
            case "--precision":
                let value = try args.value(for: flag, "a whole number of decimals from 0 to \(NumberStyle.maxPrecision)")
                guard let n = Int(value), (0...NumberStyle.maxPrecision).contains(n) else {
                    throw LessonError(.usage, "--precision must be a whole number from 0 to \(NumberStyle.maxPrecision), got '\(value)'")
                }
                precision = n
            case "--expect":
                expect = try args.value(for: flag, "a JSON file of claims, or '-' for standard input")
            case "-o", "--output":
                output = try args.value(for: flag, "the file to write")
            case "--help", "-h":
                help = true
            default:
                if !flag.hasPrefix("-") || flag == "-" {
                    throw LessonError(.usage, "unexpected argument '\(flag)' for 'lesson \(lesson.id)'; see 'lesson \(lesson.id) --help'")
                }
                throw args.unknown(flag, known: Self.flags)
            }
        }
        if example != nil && input != nil {
            throw LessonError(.usage, "--example and --input both choose the example; give one of them")
        }
        if expect == "-" && input == "-" {
            throw LessonError(.usage, "--input and --expect cannot both read standard input; give one of them a file")
        }
    }

    /// The claims to check: the `--expect` file, else those of the chosen built-in example, if any.
    func claims(_ example: Example?, io: LessonCommand.IO) throws -> (ClaimSet, String)? {
        if let expect {
            let (bytes, name) = expect == "-" ? (io.readStdin(), "<stdin>") : (try Files.read(expect), expect)
            let json: JSON
            do {
                json = try JSON.parse(bytes)
            } catch {
                throw LessonError(.data, "\(name): not valid JSON: \(error.description)")
            }
            return (try ClaimSet(json, file: name), name)
        }
        guard let example, let claims = example.claims else { return nil }
        let name = "example '\(example.name)' claims"
        return (try ClaimSet(claims, file: name), name)
    }

    /// The input object, the name it goes by in messages, and the built-in example if one was chosen.
    func loadInput(io: LessonCommand.IO) throws -> (JSON, String, Example?) {
        if let input {
            let (bytes, name) = input == "-" ? (io.readStdin(), "<stdin>") : (try Files.read(input), input)
            let json: JSON
            do {
                json = try JSON.parse(bytes)
            } catch {
                throw LessonError(.data, "\(name): not valid JSON: \(error.description)")
            }
            return (json, name, nil)
        }
        let name = example ?? "default"
        guard let chosen = lesson.examples.first(where: { $0.name == name }) else {
            throw LessonError(.usage, "\(lesson.id) has no example '\(name)'")
        }
        return (chosen.input, "example '\(name)'", chosen)
    }

    /// The command that prints this trace, for the footer's pointer to `--format json`.
    func reproducingCommand(_ lesson: any Lesson.Type) -> String {
        if let input { return "lesson \(lesson.id) --input \(input)" }
        if let example, example != "default" { return "lesson \(lesson.id) --example \(example)" }
        return "lesson \(lesson.id)"
    }
}

struct RenderOptions {
    var out = "Lessons"
    var check = false

    init(_ arguments: [String]) throws {
        var args = ArgumentStream(arguments, context: "lesson render")
        while let flag = args.next() {
            switch flag {
            case "--out": out = try args.value(for: flag, "the folder for the notes")
            case "--check": check = true
            default: throw args.unknown(flag, known: ["--out", "--check"])
            }
        }
    }
}
