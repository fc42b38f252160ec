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
}

/// Runs the binary with `arguments` in `folder`, feeding `stdin`.
func lesson(_ arguments: [String], stdin: String = "", in folder: URL? = nil) throws -> Run {
    let process = Process()
    process.executableURL = lessonBinary
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let (input, output, error) = (Pipe(), Pipe(), Pipe())
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a large output cannot block the child.
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
               err: String(decoding: errData, as: UTF8.self))
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
        #expect(run.out.contains("#### `f[3]` · forget gate"))
    }

    @Test func listVersionHelp() throws {
        let list = try lesson(["list"])
        #expect(list.status == 0)
        #expect(list.out.split(separator: "\n").map { String($0.prefix { $0 != " " }) } == Lessons.ids)
        #expect(Lessons.ids.count == Set(Lessons.ids).count)
        #expect(try lesson(["--version"]).out == "lesson \(LessonCommand.version)\n")
        let help = try lesson(["--help"])
        #expect(help.status == 0 && help.out.contains("USAGE:") && help.out.contains("lesson render"))
        let lessonHelp = try lesson(["gru", "--help"])
        #expect(lessonHelp.status == 0 && lessonHelp.out.contains("default"))
    }

    @Test func twoRunsAreByteIdentical() throws {
        for id in Lessons.ids {
            #expect(try lesson([id]).out == lesson([id]).out)
            #expect(try lesson([id, "--format", "json"]).out == lesson([id, "--format", "json"]).out)
        }
    }

    @Test(arguments: Lessons.ids)
    func printInputRoundTrips(_ id: String) throws {
        let printed = try lesson([id, "--print-input"])
        #expect(printed.status == 0)
        let fromStdin = try lesson([id, "--input", "-", "--format", "json"], stdin: printed.out)
        let builtIn = try lesson([id, "--format", "json"])
        #expect(fromStdin.status == 0, "\(fromStdin.err)")
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
        BadInput(what: "non-positive eps", lesson: "layer-norm", file: #"{"input": [[1, 2]], "eps": 0}"#,
                 status: 65, words: ["eps must be a positive number, got 0"]),
        BadInput(what: "misshapen attention weight", lesson: "attention-qkv", file: #"{"x": [[1, 2]], "w_q": [[1]], "w_k": [[1]], "w_v": [[1]]}"#,
                 status: 65, words: ["w_q must be d_model × d_k = 2 × 1, got 1 × 1"]),
        BadInput(what: "boolean for a number", lesson: "positional-encoding", file: #"{"positions": [0, true], "d_model": 2}"#,
                 status: 65, words: ["positions[2] must be a number, got a boolean"]),
        BadInput(what: "misspelt required field", lesson: "gru", file: #"{"input": [[1]], "weight_ih_10": [[1], [1], [1]], "weight_hh_l0": [[1], [1], [1]]}"#,
                 status: 65, words: ["missing field weight_ih_l0", "is \"weight_ih_10\" a misspelling of it?"]),
        BadInput(what: "NaN literal", lesson: "layer-norm", file: #"{"input": [[NaN, 1]]}"#, status: 65, words: ["bad.json", "not valid JSON"]),
        BadInput(what: "deep nesting", lesson: "gru", file: String(repeating: "[", count: 100_000), status: 65,
                 words: ["nesting deeper than"]),
        // 10,000 steps × 4·128 rows × (1 + 128) columns: 6.6e8 multiply-adds, over the limit.
        BadInput(what: "absurd work", lesson: "lstm-gates",
                 file: "{\"input\": [" + Array(repeating: "[1]", count: 10_000).joined(separator: ",")
                     + "], \"weight_ih_l0\": [" + Array(repeating: "[1]", count: 512).joined(separator: ",")
                     + "], \"weight_hh_l0\": [" + Array(repeating: "[" + Array(repeating: "0", count: 128).joined(separator: ",") + "]", count: 512).joined(separator: ",") + "]}",
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
        let unknownLesson = try lesson(["lstm-gate"])
        #expect(unknownLesson.status == 64)
        #expect(unknownLesson.err == "error: unknown lesson 'lstm-gate' (did you mean 'lstm-gates'?); 'lesson list' shows them\n")
        let unknownFlag = try lesson(["gru", "--fromat", "json"])
        #expect(unknownFlag.status == 64 && unknownFlag.err.contains("did you mean '--format'"))
        #expect(try lesson(["gru", "--format", "yaml"]).status == 64)
        #expect(try lesson(["gru", "--precision", "-1"]).status == 64)
        #expect(try lesson(["gru", "--precision"]).status == 64)
        #expect(try lesson(["gru", "--example", "defualt"]).err.contains("did you mean 'default'"))
        #expect(try lesson(["gru", "--example", "default", "--input", "x.json"]).status == 64)
        #expect(try lesson(["--frobnicate"]).status == 64)
    }

    @Test func invalidUTF8AndHugeFiles() throws {
        let folder = try temporaryFolder()
        try Data([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]).write(to: folder.appendingPathComponent("bytes.json"))
        let bytes = try lesson(["gru", "--input", "bytes.json"], in: folder)
        #expect(bytes.status == 65 && bytes.err.contains("invalid UTF-8"), "\(bytes.err)")
        // A sparse file larger than the input limit is refused before it is read.
        let huge = folder.appendingPathComponent("huge.json")
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.seek(toOffset: UInt64(Files.maxInputBytes) + 10)
        try handle.write(contentsOf: Data([0x20]))
        try handle.close()
        let big = try lesson(["gru", "--input", "huge.json"], in: folder)
        #expect(big.status == 65 && big.err.contains("more than the limit of 64 MiB"), "\(big.err)")
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
        #expect(json.status == 1 && json.out.contains("\"holds\": false") && json.out.contains("\"reason\": \"the computed value cut"))
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
        #expect(run.out.contains("**This trace uses another convention** (`variance: \"unbiased\"`)"))
        try Data(#"{"input": [[1, 2]], "variance": "unbaised"}"#.utf8).write(to: folder.appendingPathComponent("typo.json"))
        let typo = try lesson(["layer-norm", "--input", "typo.json"], in: folder)
        #expect(typo.status == 65 && typo.err.contains("did you mean 'unbiased'"))
    }

    @Test func figuresGoBesideTheNoteOrAreDescribed() throws {
        let folder = try temporaryFolder()
        let run = try lesson(["lstm-gates", "-o", "notes/lstm.md"], in: folder)
        #expect(run.status == 66 || run.status == 73, "no folder yet: \(run.err)")
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
        #expect(empty.status == 1 && empty.err.contains("stale: notes/README.md"))
        let written = try lesson(["render", "--out", "notes"], in: folder)
        #expect(written.status == 0, "\(written.err)")
        #expect(try lesson(["render", "--check", "--out", "notes"], in: folder).status == 0)
        let note = folder.appendingPathComponent("notes/gru.md")
        try Data("changed\n".utf8).write(to: note)
        let stale = try lesson(["render", "--check", "--out", "notes"], in: folder)
        #expect(stale.status == 1 && stale.err.contains("stale: notes/gru.md"))
        // A figure no note links is stale too.
        try Data("<svg/>".utf8).write(to: folder.appendingPathComponent("notes/figures/old-figure9.svg"))
        _ = try lesson(["render", "--out", "notes"], in: folder)
        let extra = try lesson(["render", "--check", "--out", "notes"], in: folder)
        #expect(extra.status == 1 && extra.err.contains("stale: notes/figures/old-figure9.svg (no note uses it; delete it)"))
    }
}

@Suite struct GoldenNotesTests {
    /// The notes in Lessons/ are the golden traces: each must be exactly what `lesson render` writes.
    /// Re-record deliberately with `swift run lesson render`; this test never writes.
    @Test func lessonsFolderIsUpToDate() throws {
        let notes = try NotesCommand.notes()
        #expect(notes.filter { $0.file.hasSuffix(".md") }.count == Lessons.all.map { $0.examples.count }.reduce(1, +))
        #expect(notes.contains { $0.file.hasPrefix("figures/") && $0.file.hasSuffix(".svg") })
        for note in notes {
            let path = repositoryRoot.appendingPathComponent("Lessons/\(note.file)")
            let committed = try? String(contentsOf: path, encoding: .utf8)
            #expect(committed == note.text, "Lessons/\(note.file) is stale: run 'swift run lesson render' and review the diff")
        }
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
