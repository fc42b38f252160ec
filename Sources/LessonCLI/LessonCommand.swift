// The command line (SPEC "Commands"): parses the arguments by hand (we take no package), runs a
// lesson or `render`, and turns every failure into one `error:` line and a documented exit code.

import Foundation
import LessonLibrary
import TraceCore
import TraceRender

public enum LessonCommand {
    static let version = "0.1.0"

    /// Where the command's output goes; the real program passes the standard streams.
    public struct IO {
        var readStdin: () throws -> [UInt8]
        var out: (String) throws -> Void
        var err: (String) -> Void

        public init(readStdin: @escaping () throws -> [UInt8], out: @escaping (String) throws -> Void, err: @escaping (String) -> Void) {
            self.readStdin = readStdin
            self.out = out
            self.err = err
        }

        /// The process's standard streams, read and written with system calls: a closed, full or
        /// broken stream is an error with its exit code (66 in, 73 out), never a trap.
        public static func standard() -> IO {
            StandardStreams.claim()
            return IO(readStdin: Files.readStandardInput, out: Files.writeStandardOutput, err: StandardStreams.writeError)
        }
    }

    /// The program: the process's arguments and standard streams; the exit status. An argument
    /// that is not UTF-8 (a file name in another encoding) is refused rather than misread.
    public static func main() -> Int32 {
        let io = IO.standard()
        var arguments: [String] = []
        for i in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[i], let argument = String(validatingCString: pointer) else {
                io.err("error: argument \(i) is not valid UTF-8; give file names in UTF-8\n")
                return LessonError.Code.usage.rawValue
            }
            arguments.append(argument)
        }
        return run(arguments, io: io)
    }

    /// Runs `lesson` with `arguments` (without the program name) and returns the exit status.
    public static func run(_ arguments: [String], io: IO) -> Int32 {
        do {
            try dispatch(arguments, io: io)
            return 0
        } catch let error as LessonError {
            // Failed claims and stale notes are findings, not errors: said plainly. The message is
            // escaped once more as a whole, for the user text other layers echo (a JSON key, a
            // claimed value's name), so it stays one line.
            io.err((error.code == .failed ? "lesson: " : "error: ") + escaped(error.message) + "\n")
            return error.code.rawValue
        } catch {
            io.err("error: \(escaped(String(describing: error)))\n")
            return LessonError.Code.data.rawValue
        }
    }

    private static func dispatch(_ arguments: [String], io: IO) throws {
        guard let first = arguments.first else { try io.out(help); return }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "--help", "-h", "help", "--version":
            // `lesson help gru`: that lesson's help; `lesson help render`: render's.
            if first != "--version", rest.count == 1 {
                if rest[0] == "render" { try io.out(renderHelp); return }
                guard let lesson = Lessons.named(rest[0]) else {
                    throw LessonError(.usage, "unknown lesson '\(escaped(rest[0]))'\(suggestion(for: rest[0], in: Lessons.ids + ["render"])); 'lesson list' shows them")
                }
                try io.out(lessonHelp(lesson))
                return
            }
            guard rest.isEmpty else {
                throw LessonError(.usage, "'lesson \(escaped(first))' takes \(first == "--version" ? "no arguments" : "at most a lesson's id"), "
                    + "got '\(escaped(rest.joined(separator: " ")))'; for a lesson's help: 'lesson <id> --help'")
            }
            try io.out(first == "--version" ? "lesson \(version)\n" : help)
        case "list":
            if let word = rest.first, !word.hasPrefix("-") {
                throw LessonError(.usage, "'lesson list' takes only --lang, got '\(escaped(word))'")
            }
            var options = ListOptions()
            try parse(rest, ListOptions.flags, into: &options, command: "lesson list")
            if options.help {
                try io.out("lesson list: every lesson, in the course's order: its id and one-line title.\n\nUSAGE:\n  lesson list [OPTIONS]\n\nOPTIONS:\n"
                    + ListOptions.flags.map { "  " + $0.usage.padding(toLength: helpColumn - 2, withPad: " ", startingAt: 0) + $0.help + "\n" }.joined())
                return
            }
            let width = Lessons.ids.map(\.count).max() ?? 0
            try Language.$current.withValue(options.language) {
                for lesson in Lessons.all {
                    try io.out(lesson.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + lesson.summary + "\n")
                }
            }
        case "render":
            let options = try RenderOptions(rest)
            if options.help { try io.out(renderHelp); return }
            if let dir = options.from {
                try CourseCommand.run(options, from: dir, io: io)
            } else {
                try NotesCommand.run(options, io: io)
            }
        default:
            if first.hasPrefix("-") {
                throw LessonError(.usage, "unknown option '\(escaped(first))'\(suggestion(for: first, in: ["--help", "-h", "--version"])); "
                    + "start with a lesson: 'lesson list' shows them")
            }
            guard let lesson = Lessons.named(first) else {
                let hint = suggestion(for: first, in: Lessons.ids + ["list", "render"])
                throw LessonError(.usage, "unknown lesson '\(escaped(first))'\(hint); 'lesson list' shows them")
            }
            let options = try LessonOptions(rest, lesson: lesson)
            try Language.$current.withValue(options.language) { try runLesson(lesson, options, io: io) }
        }
    }

    // MARK: Running one lesson

    static func runLesson(_ lesson: any Lesson.Type, _ options: LessonOptions, io: IO) throws {
        if options.help { try io.out(lessonHelp(lesson)); return }
        let (json, file, example) = try options.loadInput(io: io)
        if options.printInput {
            try emit(json.rendered(), to: options.output, io: io)
            return
        }
        let trace = try lesson.run(json, file: file, example: example, claims: options.claims(example, io: io), backward: options.backward)
        if example == nil { trace.example = options.input == "-" ? file : fileName(file) }
        let text: String
        var figures: [(path: String, text: String)] = []
        switch options.format {
        case .json:
            text = JSONTraceRenderer.render(trace)
        case .markdown:
            var renderer = MarkdownRenderer(precision: options.precision, command: options.reproducingCommand())
            // Figures go beside a note in a file; a device or pipe (`-o /dev/stdout`) is like stdout.
            if let output = options.output, !Files.isStream(output) {
                // Figures go beside the note: notes/lstm.md links lstm-figure1.svg in notes/; beside
                // the file a link names, so that the note's relative links hold.
                let (folder, stem) = figurePlace(for: try Files.resolved(output), count: trace.figures.count)
                renderer.figureLinks = .init(folder: "", stem: stem)
                figures = renderer.figureFiles(trace).map { (folder + $0.file, $0.svg) }
            }
            text = renderer.render(trace)
        }
        // The note and its figures together, or nothing.
        if let output = options.output {
            try Files.write([(output, text)] + figures)
        } else {
            try io.out(text)
        }
        if !trace.claimsHold {
            let failed = trace.claims?.verdicts.filter { !$0.holds }.count ?? 0
            throw LessonError(.failed, "\(failed) of \(trace.claims?.verdicts.count ?? 0) claims do not hold; the trace says which and why")
        }
    }

    /// Writes all of `text` to `path` atomically (a temporary file renamed over it), or to stdout.
    static func emit(_ text: String, to path: String?, io: IO) throws {
        guard let path else { try io.out(text); return }
        try Files.write([(path, text)])
    }

    /// The folder of the figures of the note `output` and the stem of their names ("notes/" and
    /// "gru" for notes/gru.md), the stem shortened when a figure's name would be too long for the
    /// file system although the note's is not.
    static func figurePlace(for output: String, count: Int) -> (folder: String, stem: String) {
        let slash = output.lastIndex(of: "/")
        let folder = slash.map { String(output[...$0]) } ?? ""
        var stem = slash.map { String(output[output.index(after: $0)...]) } ?? output
        if stem.hasSuffix(".md") { stem.removeLast(3) }
        let suffix = "-figure\(max(count, 1)).svg".utf8.count
        if stem.utf8.count + suffix > Files.maxNameBytes {
            // Cut, and told apart from other cut names by a hash of the whole (FNV-1a, 32 bits).
            let hash = stem.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
            let tag = "~" + String(hash, radix: 16)
            while stem.utf8.count + tag.utf8.count + suffix > Files.maxNameBytes { stem.removeLast() }
            stem += tag
        }
        return (folder, stem)
    }

    // MARK: Help

    /// The column where the help of every flag starts, so both tables line up.
    static let helpColumn: Int = {
        let widths: [Int] = LessonOptions.flags.map(\.usage.count) + RenderOptions.flags.map(\.usage.count)
        return 4 + (widths.max() ?? 0)
    }()

    static let exitStatus = """
    EXIT STATUS: 0 ok, 1 failed claims or stale notes, 64 usage error, 65 invalid input data,
                 66 input file unreadable, 73 output not writable.
    """

    static let help = ([
        "lesson \(version): how sequence models compute, every intermediate value written out.",
        "",
        "USAGE:",
        "  lesson list [--lang ko]       every lesson: id and one-line title",
        "  lesson <id> [OPTIONS]         Markdown trace of the lesson's default example, to stdout",
        "  lesson render [OPTIONS]       regenerate the lecture notes in \(RenderOptions.defaultFolder)/ (or --out DIR)",
        "  lesson render --from DIR      a course of your own: each LESSON--NAME.json in DIR becomes a note in DIR/notes/",
        "  lesson --help | lesson <id> --help | lesson --version",
        "",
        "OPTIONS of lesson <id>:",
    ] + helpLines(LessonOptions.flags, column: helpColumn) + [
        "",
        "OPTIONS of lesson render:",
    ] + helpLines(RenderOptions.flags, column: helpColumn) + [
        "",
        exitStatus,
        "",
    ]).joined(separator: "\n")

    static let renderHelp = ([
        "lesson render: regenerate the lecture notes (every lesson's examples, with their figures)",
        "",
        "USAGE:",
        "  lesson render [OPTIONS]             the built-in examples' notes, in \(RenderOptions.defaultFolder)/ and \(RenderOptions.defaultFolder)/ko/",
        "  lesson render --from DIR [OPTIONS]  a course of your own: each LESSON--NAME.json in DIR (its claims in",
        "                                      LESSON--NAME.claims.json) becomes DIR/notes/LESSON--NAME.md, indexed in",
        "                                      DIR/notes/README.md; \"backward\": true in the claims adds a backward note",
        "",
        "OPTIONS:",
    ] + helpLines(RenderOptions.flags, column: helpColumn) + [
        "",
        exitStatus,
        "",
    ]).joined(separator: "\n")

    static func lessonHelp(_ lesson: any Lesson.Type) -> String {
        var lines = ["lesson \(lesson.id): \(lesson.summary)", "", "USAGE:", "  lesson \(lesson.id) [OPTIONS]", "", "OPTIONS:"]
        // A lesson with nothing to learn (BLEU) refuses --backward: its help does not offer it.
        lines += helpLines(LessonOptions.flags.filter { lesson.learns || !$0.names.contains("--backward") }, column: helpColumn)
        lines += ["", "EXAMPLES:"]
        let width = lesson.examples.map(\.name.count).max() ?? 0
        for example in lesson.examples {
            lines.append("  " + example.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + example.summary)
        }
        // A lesson with nothing to learn (BLEU) has no module, so no state_dict.
        let fields = lesson.learns ? "PyTorch state_dict keys" : "named fields"
        lines += ["", "INPUT: a JSON object of \(fields); 'lesson \(lesson.id) --print-input' shows one to edit.", ""]
        return lines.joined(separator: "\n")
    }
}
