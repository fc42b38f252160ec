// The command line end to end, on the built `lesson` binary: output, exit codes, one `error:`
// line for each kind of bad input, nothing half-written, and the --print-input round trip.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

/// The `lesson` executable that `swift test` built beside the test bundle.
let lessonBinary: URL = {
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("lesson")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder.deleteLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/lesson")
}()

struct Run {
    let status: Int32
    let out: String
    let err: String
    /// The bytes of standard output, for comparisons that must be byte for byte (two Strings
    /// compare equal when their Unicode is merely canonically equivalent).
    let outBytes: [UInt8]
}

/// Runs the binary with `arguments` in `folder`, feeding `stdin`.
func lesson(_ arguments: [String], stdin: String = "", in folder: URL? = nil) throws -> Run {
    let process = Process()
    process.executableURL = lessonBinary
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    return try finish(process, stdin: Data(stdin.utf8))
}

/// Starts `process`, feeds it `stdin` (none: /dev/null), and waits for it, reading both output
/// pipes to the end before waiting, so a large output cannot block the child.
func finish(_ process: Process, stdin: Data?) throws -> Run {
    let (input, output, error) = (Pipe(), Pipe(), Pipe())
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    if let stdin {
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
    }
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = error.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
               err: String(decoding: errData, as: UTF8.self), outBytes: Array(outData))
}

/// A fresh empty folder for one test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A bad input that must fail with `status` and one `error:` line containing each of `words`.
struct BadInput: CustomTestStringConvertible, Sendable {
    let what: String
    let lesson: String
    let file: String
    let status: Int32
    let words: [String]
    var testDescription: String { what }
}

@Suite(.serialized) struct CommandLineTests {
    @Test func defaultLessonPrintsItsTrace() throws {
        let run = try lesson(["lstm-gates"])
        #expect(run.status == 0)
        #expect(run.err.isEmpty)
        #expect(run.out.hasPrefix("# The LSTM cell, gate by gate\n"))
        #expect(run.out.contains("#### $f_{3}$ · forget gate"))
    }

    @Test func listVersionHelp() throws {
        let list = try lesson(["list"])
        #expect(list.status == 0)
        #expect(list.out.split(separator: "\n").map { String($0.prefix { $0 != " " }) } == Lessons.ids)
        #expect(Lessons.ids.count == Set(Lessons.ids).count)
        #expect(try lesson(["--version"]).out == "lesson \(LessonCommand.version)\n")
        for flag in ["--help", "-h", "help"] {
            let help = try lesson([flag])
            #expect(help.status == 0 && help.err.isEmpty)
            #expect(help.out == Self.help, "lesson \(flag)")
        }
        #expect(try lesson([]).out == Self.help)
        for flag in ["--help", "-h"] {
            let lessonHelp = try lesson(["gru", flag])
            #expect(lessonHelp.status == 0 && lessonHelp.err.isEmpty)
            #expect(lessonHelp.out == Self.gruHelp, "lesson gru \(flag)")
            let renderHelp = try lesson(["render", flag])
            #expect(renderHelp.status == 0 && renderHelp.err.isEmpty)
            #expect(renderHelp.out == Self.renderHelp, "lesson render \(flag)")
        }
    }

    /// The help texts, exactly: a change to a flag's table shows here, to be made deliberately.
    static let help = """
        lesson \(LessonCommand.version): how sequence models compute, every intermediate value written out.

        USAGE:
          lesson list [--lang ko]       every lesson: id and one-line title
          lesson <id> [OPTIONS]         Markdown trace of the lesson's default example, to stdout
          lesson render [OPTIONS]       regenerate the lecture notes in Lessons/ (or --out DIR)
          lesson render --from DIR      a course of your own: each LESSON--NAME.json in DIR becomes a note in DIR/notes/
          lesson --help | lesson <id> --help | lesson --version

        OPTIONS of lesson <id>:
          --example NAME          a named built-in example (the lesson's --help lists them)
          --input FILE            the example read from a JSON file ('-' = stdin), instead of --example
          --print-input           the example's input as JSON, to edit and feed back with --input
          --format markdown|json  Markdown (default) or the machine-readable trace
          --precision N           decimals shown in Markdown (default 4, 0 to 15)
          --backward              the backward pass too: every gradient, written out, and a gradient check
          --lang en|ko            the language of the words: English (default) or Korean
          --expect FILE           check claimed numbers ('-' = stdin); exit 1 if any claim fails
          -o, --output FILE       write to FILE instead of stdout, its figures beside it
          -h, --help              the lesson's examples and these flags

        OPTIONS of lesson render:
          --from DIR              a course of your own: each LESSON--NAME.json in DIR becomes a note
          --out DIR               the folder of the notes (default Lessons/, with --from DIR/notes/)
          --check                 write nothing; exit 1 listing stale, missing and left-over files (and failing claims)
          --lang en|ko            with --from: the notes' language, English (default) or Korean (in DIR/notes/ko/)
          -h, --help              this help

        EXIT STATUS: 0 ok, 1 failed claims or stale notes, 64 usage error, 65 invalid input data,
                     66 input file unreadable, 73 output not writable.

        """

    static let gruHelp = """
        lesson gru: A GRU cell gate by gate: reset and update gates, candidate and hidden state

        USAGE:
          lesson gru [OPTIONS]

        OPTIONS:
          --example NAME          a named built-in example (the lesson's --help lists them)
          --input FILE            the example read from a JSON file ('-' = stdin), instead of --example
          --print-input           the example's input as JSON, to edit and feed back with --input
          --format markdown|json  Markdown (default) or the machine-readable trace
          --precision N           decimals shown in Markdown (default 4, 0 to 15)
          --backward              the backward pass too: every gradient, written out, and a gradient check
          --lang en|ko            the language of the words: English (default) or Korean
          --expect FILE           check claimed numbers ('-' = stdin); exit 1 if any claim fails
          -o, --output FILE       write to FILE instead of stdout, its figures beside it
          -h, --help              the lesson's examples and these flags

        EXAMPLES:
          default   “Alice sleeps .”: at the period the update gate keeps the subject and replaces the clause
          click4ai  a GRU practice problem (click4ai) that uses colah's update gate and 3-decimal rounding

        INPUT: a JSON object of PyTorch state_dict keys; 'lesson gru --print-input' shows one to edit.

        """

    static let renderHelp = """
        lesson render: regenerate the lecture notes (every lesson's examples, with their figures)

        USAGE:
          lesson render [OPTIONS]             the built-in examples' notes, in Lessons/ and Lessons/ko/
          lesson render --from DIR [OPTIONS]  a course of your own: each LESSON--NAME.json in DIR (its claims in
                                              LESSON--NAME.claims.json) becomes DIR/notes/LESSON--NAME.md, indexed in
                                              DIR/notes/README.md; "backward": true in the claims adds a backward note

        OPTIONS:
          --from DIR              a course of your own: each LESSON--NAME.json in DIR becomes a note
          --out DIR               the folder of the notes (default Lessons/, with --from DIR/notes/)
          --check                 write nothing; exit 1 listing stale, missing and left-over files (and failing claims)
          --lang en|ko            with --from: the notes' language, English (default) or Korean (in DIR/notes/ko/)
          -h, --help              this help

        EXIT STATUS: 0 ok, 1 failed claims or stale notes, 64 usage error, 65 invalid input data,
                     66 input file unreadable, 73 output not writable.

        """

    /// Every flag in the tables is parsed, named in the help, and offered as a suggestion.
    @Test func theFlagTablesDriveParsingHelpAndSuggestions() throws {
        for flag in LessonOptions.flags {
            #expect(Self.help.contains("  \(flag.usage) ") && Self.gruHelp.contains("  \(flag.usage) "), "\(flag.usage)")
            for name in flag.names {
                // Parsing only takes a file's name; nothing is read or written here.
                let arguments = flag.value == nil ? [name] : [name, name == "--example" ? "default" : name == "--format" ? "json" : name == "--lang" ? "ko" : "3"]
                #expect(throws: Never.self, "\(name)") { _ = try LessonOptions(arguments, lesson: GRU.self) }
                // One letter dropped from a long name is suggested back.
                if name.count > 4 {
                    let typo = String(name.dropLast())
                    let error = #expect(throws: LessonError.self) { _ = try LessonOptions([typo], lesson: GRU.self) }
                    #expect(error?.message.contains("(did you mean '\(name)'?)") == true, "\(typo): \(error?.message ?? "")")
                }
            }
        }
        for flag in RenderOptions.flags {
            #expect(Self.help.contains("  \(flag.usage) ") && Self.renderHelp.contains("  \(flag.usage) "), "\(flag.usage)")
        }
        // Values are taken as `--flag value` and `--flag=value`; switches take none.
        let options = try LessonOptions(["--format=json", "--precision", "7", "-o", "x.md", "--example=click4ai"], lesson: GRU.self)
        #expect(options.format == .json && options.precision == 7 && options.output == "x.md" && options.example == "click4ai")
        #expect(throws: LessonError(.usage, "--print-input takes no value, got 'yes'")) {
            _ = try LessonOptions(["--print-input=yes"], lesson: GRU.self)
        }
        #expect(throws: LessonError(.usage, "--out needs a value: the folder for the notes")) { _ = try RenderOptions(["--out"]) }
        let render = try RenderOptions(["--out=notes", "--check"])
        #expect(render.out == "notes" && render.check && !render.help)
    }

    @Test func twoRunsAreByteIdentical() throws {
        for id in Lessons.ids {
            for arguments in [[id], [id, "--format", "json"]] {
                let (first, second) = (try lesson(arguments), try lesson(arguments))
                #expect(first.status == 0 && second.status == 0, "\(arguments): \(first.err)")
                #expect(!first.outBytes.isEmpty && first.outBytes == second.outBytes, "\(arguments)")
            }
        }
    }

    @Test(arguments: Lessons.ids)
    func printInputRoundTrips(_ id: String) throws {
        let printed = try lesson([id, "--print-input"])
        #expect(printed.status == 0)
        let fromStdin = try lesson([id, "--input", "-", "--format", "json"], stdin: printed.out)
        let builtIn = try lesson([id, "--format", "json"])
        #expect(fromStdin.status == 0, "\(fromStdin.err)")
        #expect(builtIn.status == 0 && builtIn.out.hasPrefix("{\n  \"lesson\": \"\(id)\""), "\(builtIn.err)")
        // Same values; only the example's name differs ("default" against the input's name).
        #expect(fromStdin.out.replacingOccurrences(of: "\"<stdin>\"", with: "\"default\"") == builtIn.out)
    }

    @Test func jsonTraceHasTheSpecShape() throws {
        let run = try lesson(["lstm-gates", "--format", "json"])
        let json = try JSON.parse(Array(run.out.utf8))
        #expect(json["lesson"] == .string("lstm-gates"))
        #expect(json["example"] == .string("default"))
        guard case .array(let values)? = json["values"] else { Issue.record("no values"); return }
        let names = values.compactMap { v -> String? in if case .string(let s)? = v["name"] { return s } else { return nil } }
        #expect(Array(names.prefix(7)) == ["a[1]", "i[1]", "f[1]", "g[1]", "o[1]", "c[1]", "h[1]"])
        #expect(names.count == 21)
        #expect(values[2]["shape"] == .array([.number(2, text: "2")]))
        #expect(values[2]["equation"] == .string("f_{1} = \\sigma\\left(a_{1}^{f}\\right)"))
        // Full precision: the value parses back to exactly what the lesson computed.
        let trace = try LSTMGates.trace(LSTMGates.examples[0].input, file: "x", example: nil)
        #expect(numbers(values[2]["value"]!) == trace["f[1]"]!.value.flat)
    }

    @Test func outputFileIsWrittenWholeAndFailuresWriteNothing() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("note.md")
        let ok = try lesson(["gru", "-o", target.path])
        #expect(ok.status == 0 && ok.out.isEmpty)
        let written = try String(contentsOf: target, encoding: .utf8)
        // The same note as on stdout, except that the figure is linked instead of described.
        #expect(written.hasPrefix("# The GRU cell, gate by gate\n") && written.contains("](note-figure1.svg)"))
        #expect(written.split(separator: "\n").count == (try lesson(["gru"]).out).split(separator: "\n").count)
        // A failing run leaves the existing file untouched and no temporary file behind.
        let bad = try lesson(["gru", "--input", folder.appendingPathComponent("missing.json").path, "-o", target.path])
        #expect(bad.status == 66)
        #expect(try String(contentsOf: target, encoding: .utf8) == written)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["note-figure1.svg", "note.md"])
        // An output that cannot be written: exit 73, one error line.
        let unwritable = try lesson(["gru", "-o", folder.appendingPathComponent("no/such/dir/x.md").path])
        #expect(unwritable.status == 73)
        #expect(unwritable.err.hasPrefix("error: cannot write ") && unwritable.err.filter { $0 == "\n" }.count == 1)
        let directory = try lesson(["gru", "-o", folder.path])
        #expect(directory.status == 73 && directory.err.contains("is a directory"))
    }

    static let badInputs: [BadInput] = [
        BadInput(what: "malformed JSON", lesson: "gru", file: "{\"input\": [[1, 2]", status: 65, words: ["bad.json", "not valid JSON", "line 1"]),
        BadInput(what: "empty file", lesson: "gru", file: "", status: 65, words: ["bad.json", "not valid JSON"]),
        BadInput(what: "top level not an object", lesson: "gru", file: "[1, 2]", status: 65, words: ["bad.json", "JSON object", "an array"]),
        BadInput(what: "missing field", lesson: "lstm-gates", file: #"{"input": [[1, 2]], "weight_hh_l0": [[1]]}"#, status: 65,
                 words: ["bad.json", "missing field weight_ih_l0"]),
        BadInput(what: "misshapen weight", lesson: "lstm-gates",
                 file: #"{"input": [[1, 2, 3]], "weight_ih_l0": [[1, 2], [1, 2], [1, 2], [1, 2], [1, 2], [1, 2], [1, 2], [1, 2]], "weight_hh_l0": [[1, 2], [1, 2], [1, 2], [1, 2], [1, 2], [1, 2], [1, 2], [1, 2]]}"#,
                 status: 65, words: ["bad.json: weight_ih_l0 must be 4·hidden × input = 8 × 3, got 8 × 2"]),
        BadInput(what: "ragged matrix", lesson: "rnn-unroll", file: #"{"input": [[1, 2], [3]], "weight_ih_l0": [[1, 2]], "weight_hh_l0": [[1]]}"#,
                 status: 65, words: ["input has rows of different lengths", "row 2 has 1"]),
        BadInput(what: "string for a number", lesson: "rnn-unroll", file: #"{"input": [[1, "2"]], "weight_ih_l0": [[1, 2]], "weight_hh_l0": [[1]]}"#,
                 status: 65, words: ["input[1][2] must be a number, got a string"]),
        BadInput(what: "unknown field with a suggestion", lesson: "rnn-unroll",
                 file: #"{"input": [[1]], "weight_ih_l0": [[1]], "weight_hh_l0": [[1]], "bias_ih_10": [0]}"#,
                 status: 65, words: ["unknown field \"bias_ih_10\"", "did you mean 'bias_ih_l0'"]),
        BadInput(what: "bad bias length", lesson: "gru", file: #"{"input": [[1]], "weight_ih_l0": [[1], [1], [1]], "weight_hh_l0": [[1], [1], [1]], "bias_hh_l0": [1, 2]}"#,
                 status: 65, words: ["bias_hh_l0 must have 3·hidden = 3 numbers, got 2"]),
        BadInput(what: "bad nonlinearity", lesson: "rnn-unroll", file: #"{"input": [[1]], "weight_ih_l0": [[1]], "weight_hh_l0": [[1]], "nonlinearity": "tanhh"}"#,
                 status: 65, words: ["nonlinearity must be \"tanh\" or \"relu\"", "did you mean 'tanh'"]),
        BadInput(what: "wrong number of tokens", lesson: "rnn-unroll", file: #"{"input": [[1], [2]], "weight_ih_l0": [[1]], "weight_hh_l0": [[1]], "tokens": ["a"]}"#,
                 status: 65, words: ["tokens must have one label per time step"]),
        BadInput(what: "number too large", lesson: "rnn-unroll", file: #"{"input": [[1e999]], "weight_ih_l0": [[1]], "weight_hh_l0": [[1]]}"#,
                 status: 65, words: ["bad.json", "too large"]),
        BadInput(what: "heads that do not divide E", lesson: "multi-head-attention",
                 file: #"{"query": [[1, 2, 3]], "num_heads": 2, "in_proj_weight": [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]], "out_proj.weight": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]}"#,
                 status: 65, words: ["num_heads must be a whole number ≥ 1 that divides E = 3, got 2"]),
        BadInput(what: "negative eps", lesson: "layer-norm", file: #"{"input": [[1, 2]], "eps": -1e-5}"#,
                 status: 65, words: ["eps must be a number ≥ 0, got -1e-05"]),
        BadInput(what: "misshapen attention weight", lesson: "attention-qkv", file: #"{"x": [[1, 2]], "w_q": [[1]], "w_k": [[1]], "w_v": [[1]]}"#,
                 status: 65, words: ["w_q must be d_model × d_k = 2 × 1, got 1 × 1"]),
        BadInput(what: "boolean for a number", lesson: "positional-encoding", file: #"{"positions": [0, true], "d_model": 2}"#,
                 status: 65, words: ["positions[2] must be a number, got a boolean"]),
        BadInput(what: "misspelt required field", lesson: "gru", file: #"{"input": [[1]], "weight_ih_10": [[1], [1], [1]], "weight_hh_l0": [[1], [1], [1]]}"#,
                 status: 65, words: ["missing field weight_ih_l0", "is \"weight_ih_10\" a misspelling of it?"]),
        BadInput(what: "NaN literal", lesson: "layer-norm", file: #"{"input": [[NaN, 1]]}"#, status: 65, words: ["bad.json", "not valid JSON"]),
        BadInput(what: "deep nesting", lesson: "gru", file: String(repeating: "[", count: 100_000), status: 65,
                 words: ["nesting deeper than"]),
        // 2,048 steps × 4·256 rows × (1 + 256) columns: 5.4e8 multiply-adds, over the limit.
        BadInput(what: "absurd work", lesson: "lstm-gates",
                 file: "{\"input\": [" + Array(repeating: "[1]", count: 2_048).joined(separator: ",")
                     + "], \"weight_ih_l0\": [" + Array(repeating: "[1]", count: 1_024).joined(separator: ",")
                     + "], \"weight_hh_l0\": [" + Array(repeating: "[" + Array(repeating: "0", count: 256).joined(separator: ",") + "]", count: 1_024).joined(separator: ",") + "]}",
                 status: 65, words: ["multiply-adds, more than the limit"]),
        BadInput(what: "negative width", lesson: "positional-encoding", file: #"{"positions": [0], "d_model": -4}"#,
                 status: 65, words: ["d_model must be at least 1, got -4"]),
        BadInput(what: "fractional width", lesson: "positional-encoding", file: #"{"positions": [0], "d_model": 2.5}"#,
                 status: 65, words: ["d_model must be a whole number", "got 2.5"]),
        BadInput(what: "empty sequence", lesson: "rnn-unroll", file: #"{"input": [], "weight_ih_l0": [[1]], "weight_hh_l0": [[1]]}"#,
                 status: 65, words: ["input must be", "non-empty"]),
    ]

    @Test(arguments: badInputs)
    func badInputGetsOneErrorLine(_ bad: BadInput) throws {
        let folder = try temporaryFolder()
        try Data(bad.file.utf8).write(to: folder.appendingPathComponent("bad.json"))
        let run = try lesson([bad.lesson, "--input", "bad.json"], in: folder)
        #expect(run.status == bad.status, "\(run.err)")
        #expect(run.out.isEmpty)
        #expect(run.err.hasPrefix("error: ") && run.err.hasSuffix("\n") && run.err.filter { $0 == "\n" }.count == 1, "\(run.err)")
        for word in bad.words { #expect(run.err.contains(word), "\(run.err) lacks \(word)") }
    }

    @Test func usageErrors() throws {
        // Each usage error: exit 64, nothing on stdout, exactly this one line on stderr.
        let cases: [([String], String)] = [
            (["lstm-gate"], "unknown lesson 'lstm-gate' (did you mean 'lstm-gates'?); 'lesson list' shows them"),
            (["gru", "--fromat", "json"], "unknown option '--fromat' for 'lesson gru' (did you mean '--format'?); see 'lesson gru --help'"),
            (["gru", "--outptu", "x.md"], "unknown option '--outptu' for 'lesson gru' (did you mean '--output'?); see 'lesson gru --help'"),
            (["gru", "--format", "yaml"], "--format must be markdown or json, got 'yaml'"),
            (["gru", "--precision", "-1"], "--precision must be a whole number from 0 to 15, got '-1'"),
            (["gru", "--precision=16"], "--precision must be a whole number from 0 to 15, got '16'"),
            (["gru", "--precision"], "--precision needs a value: a whole number of decimals from 0 to 15"),
            (["gru", "-o"], "-o needs a value: the file to write, or '-' for standard output"),
            (["gru", "--example", "defualt"], "unknown example 'defualt' for gru (did you mean 'default'?); the examples are default, click4ai"),
            (["gru", "--example", "default", "--input", "x.json"], "--example and --input both choose the example; give one of them"),
            (["gru", "--input", "-", "--expect", "-"], "--input and --expect cannot both read standard input; give one of them a file"),
            (["gru", "--check"], "unknown option '--check' for 'lesson gru'; see 'lesson gru --help'"),
            (["gru", "--print-input=yes"], "--print-input takes no value, got 'yes'"),
            (["gru", "--print-input", "--backward"], "--print-input prints the input and computes nothing; give --backward without it"),
            (["gru", "extra"], "unexpected argument 'extra' for 'lesson gru'; see 'lesson gru --help'"),
            (["gru", "-"], "unexpected argument '-' for 'lesson gru'; see 'lesson gru --help'"),
            (["list", "gru"], "'lesson list' takes only --lang, got 'gru'"),
            (["render", "--chek"], "unknown option '--chek' for 'lesson render' (did you mean '--check'?); see 'lesson render --help'"),
            (["render", "--example", "default"], "unknown option '--example' for 'lesson render'; see 'lesson render --help'"),
            (["render", "notes"], "unexpected argument 'notes' for 'lesson render'; see 'lesson render --help'"),
            (["render", "--check=no"], "--check takes no value, got 'no'"),
            (["--frobnicate"], "unknown option '--frobnicate'; start with a lesson: 'lesson list' shows them"),
            (["--verison"], "unknown option '--verison' (did you mean '--version'?); start with a lesson: 'lesson list' shows them"),
        ]
        for (arguments, message) in cases {
            let run = try lesson(arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.out.isEmpty, "\(arguments)")
            #expect(run.err == "error: \(message)\n", "\(arguments)")
        }
    }

    /// User text echoed in an error (a file name, a flag value, an example or lesson name, a JSON
    /// key) has its control characters escaped, so the error stays one line.
    @Test func echoedUserTextIsEscaped() throws {
        let folder = try temporaryFolder()
        let cases: [([String], Int32, String)] = [
            (["gru", "--input", "a\nb.json"], 66, "cannot read a\\nb.json: no such file or directory"),
            (["gru", "--expect", "c\tlaims.json"], 66, "cannot read c\\tlaims.json: no such file or directory"),
            (["gru", "--format", "json\nmarkdown"], 64, "--format must be markdown or json, got 'json\\nmarkdown'"),
            (["gru", "--precision=4\r"], 64, "--precision must be a whole number from 0 to 15, got '4\\r'"),
            (["gru", "--example", "default\n"], 64, "unknown example 'default\\n' for gru (did you mean 'default'?); the examples are default, click4ai"),
            (["gru", "--\u{1B}[2J"], 64, "unknown option '--\\u{1B}[2J' for 'lesson gru'; see 'lesson gru --help'"),
            (["gru", "x\u{2028}y"], 64, "unexpected argument 'x\\u{2028}y' for 'lesson gru'; see 'lesson gru --help'"),
            (["gru\n"], 64, "unknown lesson 'gru\\n' (did you mean 'gru'?); 'lesson list' shows them"),
            (["gru", "-o", "no\ndir/x.md"], 73, "cannot write no\\ndir/x.md: no such file or directory"),
        ]
        for (arguments, status, message) in cases {
            let run = try lesson(arguments, in: folder)
            #expect(run.status == status, "\(arguments): \(run.err)")
            #expect(run.err == "error: \(message)\n", "\(arguments)")
        }
        // A file whose name holds a line break, read and found wanting by the lesson's input reader.
        try Data(#"{"input": [[1]]}"#.utf8).write(to: folder.appendingPathComponent("my\nlstm.json"))
        let reader = try lesson(["lstm-gates", "--input", "my\nlstm.json"], in: folder)
        #expect(reader.status == 65)
        #expect(reader.err.hasPrefix("error: my\\nlstm.json: missing field weight_ih_l0") && reader.err.filter { $0 == "\n" }.count == 1,
                "\(reader.err)")
        // Keys and values inside the JSON, echoed by other layers, are escaped too.
        try Data(#"{"input": [[1]], "weight_ih_l0": [[1]], "weight_hh_l0": [[1]], "bias\nx": [0]}"#.utf8).write(to: folder.appendingPathComponent("key.json"))
        let key = try lesson(["rnn-unroll", "--input", "key.json"], in: folder)
        #expect(key.status == 65 && key.err.hasPrefix("error: key.json: unknown field \"bias\\nx\"") && key.err.filter { $0 == "\n" }.count == 1,
                "\(key.err)")
        try Data(#"{"claims": [{"value": "we\right", "at": [1, 1], "expected": 1}]}"#.utf8).write(to: folder.appendingPathComponent("claims.json"))
        let claim = try lesson(["attention-qkv", "--expect", "claims.json"], in: folder)
        #expect(claim.status == 65 && claim.err.hasPrefix("error: claims.json: claims[1] names \"we\\right\"") && claim.err.filter { $0 == "\n" }.count == 1,
                "\(claim.err)")
        // A choice and a claimed value, echoed back.
        try Data(#"{"input": [[1]], "weight_ih_l0": [[1]], "weight_hh_l0": [[1]], "nonlinearity": "ta\nnh"}"#.utf8).write(to: folder.appendingPathComponent("choice.json"))
        let choice = try lesson(["rnn-unroll", "--input", "choice.json"], in: folder)
        #expect(choice.status == 65 && choice.err.contains("got \"ta\\nnh\"") && choice.err.filter { $0 == "\n" }.count == 1, "\(choice.err)")
        try Data(#"{"claims": [{"value": "weights", "at": [1, 1], "expected": "0.5\n1"}]}"#.utf8).write(to: folder.appendingPathComponent("expected.json"))
        let expected = try lesson(["attention-qkv", "--expect", "expected.json"], in: folder)
        #expect(expected.status == 65 && expected.err.contains("0.5\\n1") && expected.err.filter { $0 == "\n" }.count == 1, "\(expected.err)")
        // The folder of `render --check`, in its stale lines and its summary.
        let render = try lesson(["render", "--check", "--out", "no\nnotes"], in: folder)
        #expect(render.status == 1)
        let lines = render.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "missing: no\\nnotes/README.md" && lines.last == "")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("missing: no\\nnotes/") }, "\(render.out)")
        #expect(render.err.hasPrefix("lesson: in no\\nnotes/, ") && render.err.filter { $0 == "\n" }.count == 1, "\(render.err)")
    }

    @Test func escapingWritesControlCharactersOut() {
        #expect(escaped("plain name.json") == "plain name.json")
        #expect(escaped("a\nb\tc\rd") == "a\\nb\\tc\\rd")
        #expect(escaped("\u{0}\u{1B}\u{7F}\u{85}\u{2028}\u{2029}") == "\\u{0}\\u{1B}\\u{7F}\\u{85}\\u{2028}\\u{2029}")
        #expect(escaped("é 한글 \\n ∑") == "é 한글 \\n ∑")
        #expect(escaped("\r\n") == "\\r\\n")
        #expect(escaped("a\u{202E}b\u{2067}c\u{200F}") == "a\\u{202E}b\\u{2067}c\\u{200F}")
        #expect(escaped("👩\u{200D}💻") == "👩\u{200D}💻", "a joiner is not a control")
    }

    @Test func invalidUTF8AndHugeFiles() throws {
        let folder = try temporaryFolder()
        try Data([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]).write(to: folder.appendingPathComponent("bytes.json"))
        let bytes = try lesson(["gru", "--input", "bytes.json"], in: folder)
        #expect(bytes.status == 65 && bytes.err.contains("invalid UTF-8"), "\(bytes.err)")
        // A sparse file larger than the input limit is refused before it is read.
        let huge = folder.appendingPathComponent("huge.json")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.seek(toOffset: UInt64(Files.maxInputBytes) + 10)
        try handle.write(contentsOf: Data([0x20]))
        try handle.close()
        let big = try lesson(["gru", "--input", "huge.json"], in: folder)
        #expect(big.status == 65 && big.err.contains("more than the limit of 24 MiB"), "\(big.err)")
    }

    @Test func unreadableInputs() throws {
        let folder = try temporaryFolder()
        let missing = try lesson(["gru", "--input", "missing.json"], in: folder)
        #expect(missing.status == 66 && missing.err == "error: cannot read missing.json: no such file or directory\n")
        let directory = try lesson(["gru", "--input", "."], in: folder)
        #expect(directory.status == 66 && directory.err.contains("is a directory"))
    }

    @Test func exampleClaimsAreMarkedAndHold() throws {
        let run = try lesson(["attention-qkv", "--example", "illustrated-transformer"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("| 1 · Thinking | 112.0000 ✓ | 96.0000 ✓ |"))
        let json = try lesson(["attention-qkv", "--example", "illustrated-transformer", "--format", "json"])
        let parsed = try JSON.parse(Array(json.out.utf8))
        guard case .array(let claims)? = parsed["claims"] else { Issue.record("no claims"); return }
        #expect(claims.count == 6 && claims.allSatisfy { $0["holds"] == .bool(true) })
    }

    @Test func expectChecksClaimsFromAFile() throws {
        let folder = try temporaryFolder()
        func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        try write("good.json", #"{"source": "slide 3", "claims": [{"value": "f[3]", "at": [1], "expected": 0.93}, {"value": "h[3]", "at": [2], "expected": "0.0598"}]}"#)
        let good = try lesson(["lstm-gates", "--expect", "good.json"], in: folder)
        #expect(good.status == 0, "\(good.err)")
        #expect(good.out.contains("All 2 claims hold") && good.out.contains("0.9332 ✓"))
        try write("bad.json", #"{"claims": [{"value": "f[3]", "at": [2], "expected": 0.07}]}"#)
        let bad = try lesson(["lstm-gates", "--expect", "bad.json"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.out.contains("0.0760 ✗") && bad.out.contains("instead of rounded"))
        #expect(bad.err == "lesson: 1 of 1 claims do not hold; the trace says which and why\n")
        let json = try lesson(["lstm-gates", "--expect", "bad.json", "--format", "json"], in: folder)
        #expect(json.status == 1 && json.out.contains("\"holds\": false") && json.out.contains("\"reason\": \"cut to 2 decimals"))
        // From standard input too.
        let piped = try lesson(["lstm-gates", "--expect", "-"], stdin: #"{"claims": [{"value": "c[3]", "at": [1], "expected": 0.6377}]}"#)
        #expect(piped.status == 0, "\(piped.err)")
        try write("unknown.json", #"{"claims": [{"value": "f[4]", "at": [1], "expected": 0.5}]}"#)
        let unknown = try lesson(["lstm-gates", "--expect", "unknown.json"], in: folder)
        #expect(unknown.status == 65 && unknown.err.contains("unknown.json: claims[1] names \"f[4]\""), "\(unknown.err)")
        try write("range.json", #"{"claims": [{"value": "f[3]", "at": [3], "expected": 0.5}]}"#)
        #expect(try lesson(["lstm-gates", "--expect", "range.json"], in: folder).status == 65)
        try write("broken.json", #"{"claims": [}"#)
        #expect(try lesson(["lstm-gates", "--expect", "broken.json"], in: folder).status == 65)
        #expect(try lesson(["lstm-gates", "--expect", "missing.json"], in: folder).status == 66)
        #expect(try lesson(["lstm-gates", "--input", "-", "--expect", "-"], in: folder).status == 64)
    }

    @Test func conventionSwitchesAreReadAndNamed() throws {
        let folder = try temporaryFolder()
        let printed = try lesson(["layer-norm", "--print-input"])
        let switched = printed.out.replacingOccurrences(of: "\"eps\": 0.00001", with: "\"eps\": 0.00001, \"variance\": \"unbiased\"")
            .replacingOccurrences(of: "\"eps\": 1e-05", with: "\"eps\": 1e-05,\n  \"variance\": \"unbiased\"")
        try Data(switched.utf8).write(to: folder.appendingPathComponent("ln.json"))
        let run = try lesson(["layer-norm", "--input", "ln.json"], in: folder)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("**This note uses another convention**: it divides by $d_{\\text{model}} - 1$"))
        try Data(#"{"input": [[1, 2]], "variance": "unbaised"}"#.utf8).write(to: folder.appendingPathComponent("typo.json"))
        let typo = try lesson(["layer-norm", "--input", "typo.json"], in: folder)
        #expect(typo.status == 65 && typo.err.contains("did you mean 'unbiased'"))
    }

    @Test func figuresGoBesideTheNoteOrAreDescribed() throws {
        let folder = try temporaryFolder()
        // No folder yet: the output cannot be written (73; 66 is for an input that cannot be read),
        // and nothing is written.
        let run = try lesson(["lstm-gates", "-o", "notes/lstm.md"], in: folder)
        #expect(run.status == 73, "no folder yet: \(run.err)")
        #expect(run.err == "error: cannot write notes/lstm.md: no such file or directory\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
        #expect(try lesson(["lstm-gates", "-o", "notes/lstm.md"], in: folder).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("notes").path).sorted()
        #expect(files == ["lstm-figure1.svg", "lstm-figure2.svg", "lstm.md"])
        let note = try String(contentsOf: folder.appendingPathComponent("notes/lstm.md"), encoding: .utf8)
        #expect(note.contains("](lstm-figure1.svg)"))
        let stdout = try lesson(["lstm-gates"])
        #expect(stdout.out.contains("> **Figure: LSTM gates over time.**") && stdout.out.contains("`lesson lstm-gates -o NOTE.md`"))
        #expect(!stdout.out.contains(".svg)"))
    }

    @Test func precisionChangesTheDecimals() throws {
        let run = try lesson(["rnn-unroll", "--precision", "6"])
        #expect(run.status == 0)
        #expect(run.out.contains("Numbers are rounded to 6 decimals"))
    }

    @Test func renderWritesAndChecksTheNotes() throws {
        let folder = try temporaryFolder()
        let empty = try lesson(["render", "--check", "--out", "notes"], in: folder)
        #expect(empty.status == 1 && empty.out.hasPrefix("missing: notes/README.md\n"))
        #expect(empty.err == "lesson: in notes/, \(NotesCommand.describe(try NotesCommand.notes())) of the \(try NotesCommand.notes().count) files are missing; run 'lesson render' and commit\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "--check writes nothing")
        let written = try lesson(["render", "--out", "notes"], in: folder)
        #expect(written.status == 0, "\(written.err)")
        #expect(written.out == "wrote \(NotesCommand.describe(try NotesCommand.notes())) to notes/\n")
        let fresh = try lesson(["render", "--check", "--out", "notes"], in: folder)
        #expect(fresh.status == 0 && fresh.err.isEmpty, "\(fresh.err)")
        #expect(fresh.out == "\(NotesCommand.describe(try NotesCommand.notes())) in notes/ are up to date\n")
        let note = folder.appendingPathComponent("notes/gru.md")
        try Data("changed\n".utf8).write(to: note)
        let stale = try lesson(["render", "--check", "--out", "notes"], in: folder)
        #expect(stale.status == 1)
        #expect(stale.out == "stale: notes/gru.md\n")
        #expect(stale.err == "lesson: in notes/, 1 note is stale; run 'lesson render' and commit\n")
        // A figure no note links is stale too, and `render` leaves it for the user to delete.
        try Data("<svg/>".utf8).write(to: folder.appendingPathComponent("notes/figures/old-figure9.svg"))
        #expect(try lesson(["render", "--out", "notes"], in: folder).status == 0)
        let extra = try lesson(["render", "--check", "--out", "notes"], in: folder)
        #expect(extra.status == 1)
        #expect(extra.out == "left over: notes/figures/old-figure9.svg (no note uses it; delete it)\n")
        #expect(extra.err == "lesson: in notes/, 1 file is left over; delete what is left over and commit\n")
    }

    /// A note no example produces any more (its example removed or renamed) is stale: `render
    /// --check` names it and fails, and passes again once it is deleted.
    @Test func renderCheckFindsOrphanNotes() throws {
        let folder = try temporaryFolder()
        let written = try lesson(["render", "--out", "notes"], in: folder)
        #expect(written.status == 0, "\(written.err)")
        #expect(try lesson(["render", "--check", "--out", "notes"], in: folder).status == 0)
        let orphan = folder.appendingPathComponent("notes/gru--renamed-example.md")
        try Data("# An example that was renamed\n".utf8).write(to: orphan)
        // Not notes: files that are not Markdown, and Markdown in a folder below.
        try Data("keep\n".utf8).write(to: folder.appendingPathComponent("notes/NOTES.txt"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes/drafts"), withIntermediateDirectories: true)
        try Data("# 초안\n".utf8).write(to: folder.appendingPathComponent("notes/drafts/gru.md"))
        let check = try lesson(["render", "--check", "--out", "notes"], in: folder)
        #expect(check.status == 1)
        #expect(check.out == "left over: notes/gru--renamed-example.md (no example produces it; delete it)\n")
        #expect(check.err == "lesson: in notes/, 1 file is left over; delete what is left over and commit\n")
        // With a stale note too, both are named, the note first.
        try Data("changed\n".utf8).write(to: folder.appendingPathComponent("notes/gru.md"))
        let both = try lesson(["render", "--check", "--out", "notes"], in: folder)
        #expect(both.status == 1)
        #expect(both.out == "stale: notes/gru.md\n"
            + "left over: notes/gru--renamed-example.md (no example produces it; delete it)\n")
        #expect(both.err == "lesson: in notes/, 1 note is stale, 1 file is left over; "
            + "run 'lesson render', delete what is left over and commit\n")
        // Rendering again does not delete it; the check keeps failing until it is deleted.
        #expect(try lesson(["render", "--out", "notes"], in: folder).status == 0)
        #expect(try lesson(["render", "--check", "--out", "notes/"], in: folder).status == 1)
        try FileManager.default.removeItem(at: orphan)
        let clean = try lesson(["render", "--check", "--out", "notes/"], in: folder)
        #expect(clean.status == 0 && clean.err.isEmpty, "\(clean.err)")
    }
}

@Suite struct GoldenNotesTests {
    /// The notes in Lessons/ are the golden traces: each must be exactly what `lesson render` writes.
    /// Re-record deliberately with `swift run lesson render`; this test never writes.
    @Test func lessonsFolderIsUpToDate() throws {
        let notes = try NotesCommand.notes()
        // A note per example, one more per example with a backward note, and the index; in English and in Korean.
        let learning = Lessons.all.filter { $0.learns }
        let backward = learning.flatMap { $0.examples }.filter { $0.hasBackwardNote }
        #expect(notes.filter { $0.file.hasSuffix(".md") }.count == 2 * Lessons.all.map { $0.examples.count }.reduce(1, +) + 2 * backward.count)
        #expect(backward.count == learning.count + 4)
        for note in notes where note.file.hasSuffix("--backward.md") {
            #expect(note.text.contains(note.file.hasPrefix("ko/") ? "## 역전파" : "## Backward pass"), "\(note.file)")
        }
        #expect(notes.contains { $0.file.hasPrefix("figures/") && $0.file.hasSuffix(".svg") })
        for note in notes {
            // Byte for byte: two Strings compare equal when they are only canonically equivalent.
            let path = repositoryRoot.appendingPathComponent("Lessons/\(note.file)")
            let committed = try? Data(contentsOf: path)
            #expect(committed == Data(note.text.utf8), "Lessons/\(note.file) is stale: run 'swift run lesson render' and review the diff")
        }
        // Nothing is left over in Lessons/: every note and figure there is one that render writes.
        let left = NotesFolder(repositoryRoot.appendingPathComponent("Lessons").path, languages: ["", "ko/"], orphanWhy: "")
            .leftOvers(notes)
        #expect(left.isEmpty, "left over in Lessons/: \(left.map(\.path)); delete them")
    }

    @Test func theDefaultExamplesTellTheirStories() throws {
        // LSTM: at the period the forget gate keeps unit 1 (the subject) and drops unit 2 (the clause).
        let lstm = try LSTMGates.trace(LSTMGates.examples[0].input, file: "x", example: nil)
        let f3 = try #require(lstm["f[3]"]).value.flat
        #expect(f3[0] > 0.9 && f3[1] < 0.1)
        // RNN: the same input "l" at steps 2 and 3 gives different hidden states.
        let rnn = try RNNUnroll.trace(RNNUnroll.examples[0].input, file: "x", example: nil)
        let (h2, h3) = (try #require(rnn["h[2]"]).value.flat, try #require(rnn["h[3]"]).value.flat)
        #expect(abs(h2[0] - h3[0]) > 0.1)
        // GRU: at the period unit 1 keeps its state (z near 1), unit 2 takes its candidate (z near 0, r near 0).
        let gru = try GRU.trace(GRU.examples[0].input, file: "x", example: nil)
        let (z3, r3) = (try #require(gru["z[3]"]).value.flat, try #require(gru["r[3]"]).value.flat)
        #expect(z3[0] > 0.9 && z3[1] < 0.1 && r3[1] < 0.1)
    }
}
