// The built binary against broken streams and odd output paths (issue 10): a full, closed or
// broken standard output, a closed or directory standard input, an endless one; `-o` onto a pipe,
// a device, a link, a protected file or a long name; failures that must leave nothing behind; and
// no path of this machine in the output. Each run ends with its documented exit and one line.

import Foundation
import Testing
@testable import LessonCLI
@testable import LessonLibrary
import TraceCore

/// Runs `script` with /bin/sh in `folder`, `$LESSON` naming the binary; what the script's own
/// standard output and error received.
func shell(_ script: String, in folder: URL) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = folder
    process.environment = ["LESSON": lessonBinary.path, "PATH": "/usr/bin:/bin"]
    return try finish(process, stdin: nil)
}

/// One `error:` line, and nothing else on stderr.
func isOneErrorLine(_ err: String) -> Bool {
    err.hasPrefix("error: ") && err.hasSuffix("\n") && err.filter { $0 == "\n" }.count == 1
}

func names(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}

@Suite(.serialized) struct StreamsAndFilesTests {
    /// A trace of about 5 MB: far more than a pipe holds, so a reader that goes away is noticed.
    static let largeInput = #"{"positions": 2000, "d_model": 64}"#

    @Test func aBrokenStandardOutputIsExit73() throws {
        let folder = try temporaryFolder()
        try Data(Self.largeInput.utf8).write(to: folder.appendingPathComponent("pe.json"))
        // Each script prints the binary's exit status on its own stdout, its stderr passed through.
        let cases = [
            ("a full device", #""$LESSON" gru >/dev/full; echo $?"#, "no space left on device"),
            ("a closed stdout", #""$LESSON" gru >&-; echo $? >&2"#, "it is closed"),
            ("a reader that goes away, SIGPIPE ignored",
             #"trap '' PIPE; { "$LESSON" positional-encoding --input pe.json --format json; echo $? >status; } | head -c 10 >/dev/null; cat status"#,
             "broken pipe"),
        ]
        for (what, script, reason) in cases {
            let run = try shell(script, in: folder)
            let lines = run.err.split(separator: "\n", omittingEmptySubsequences: false)
            // "closed" writes its status on stderr after the error line.
            let (err, status) = what == "a closed stdout" ? (String(lines[0]) + "\n", String(lines[1])) : (run.err, run.out.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(status == "73", "\(what): \(run.out) \(run.err)")
            #expect(isOneErrorLine(err) && err.contains("cannot write to standard output: \(reason)"), "\(what): \(err)")
        }
        // (With SIGPIPE as it usually is, the program just ends on it, as `cat` does; not tested,
        // since a test runner may hand its shell SIGPIPE ignored, which a shell cannot undo.)
    }

    @Test func aBrokenStandardInputIsExit66OrTooLarge() throws {
        let folder = try temporaryFolder()
        let cases = [
            ("a closed stdin", #""$LESSON" gru --input - <&-; echo $?"#, "66", "cannot read standard input: it is closed"),
            ("a directory", #""$LESSON" gru --input - </; echo $?"#, "66", "cannot read standard input: it is a directory"),
            ("claims from a closed stdin", #""$LESSON" gru --expect - <&-; echo $?"#, "66", "cannot read standard input: it is closed"),
            ("an endless stdin", #"yes | "$LESSON" gru --input -; echo $?"#, "65", "standard input: more than the limit of 24 MiB"),
        ]
        for (what, script, status, words) in cases {
            let run = try shell(script, in: folder)
            #expect(run.out == status + "\n", "\(what): \(run.out)")
            #expect(isOneErrorLine(run.err) && run.err.contains(words), "\(what): \(run.err)")
        }
    }

    @Test func aPipeOrADeviceIsWrittenThroughNotReplaced() throws {
        let folder = try temporaryFolder()
        let fifo = try shell(#"mkfifo pipe && { cat pipe >received & } && "$LESSON" gru -o pipe; echo $?; wait; test -p pipe && echo fifo"#, in: folder)
        #expect(fifo.out == "0\nfifo\n" && fifo.err.isEmpty, "\(fifo.out) \(fifo.err)")
        let received = try String(contentsOf: folder.appendingPathComponent("received"), encoding: .utf8)
        let plainNote = try lesson(["gru"]).out
        #expect(received == plainNote, "a pipe receives the note as stdout would, figures described")
        #expect(try names(in: folder) == ["pipe", "received"], "nothing is written beside a pipe")
        let device = try shell(#""$LESSON" gru -o /dev/null; echo $?; test -c /dev/null && echo device; ls /dev | grep -c figure"#, in: folder)
        #expect(device.out == "0\ndevice\n0\n", "\(device.out) \(device.err)")
        let full = try shell(#""$LESSON" gru -o /dev/full; echo $?"#, in: folder)
        #expect(full.out == "73\n" && isOneErrorLine(full.err) && full.err.contains("/dev/full: no space left on device"), "\(full.err)")
        let stdout = try lesson(["gru", "-o", "/dev/stdout"])
        let plain = try lesson(["gru"])
        #expect(stdout.status == 0 && stdout.out == plain.out)
    }

    /// /dev/stdout (or /dev/fd/1) is the descriptor, not the file behind it: a redirection into a
    /// file keeps what is around the note, `>>` appends, and no figure lands beside it.
    @Test func devStdoutIsTheStreamNotTheFileBehindIt() throws {
        let folder = try temporaryFolder()
        let plainNote = try lesson(["gru"]).out
        let run = try shell(#"{ echo HEADER; "$LESSON" gru -o /dev/stdout; echo FOOTER; } >f.md; echo $?; "$LESSON" gru -o /dev/fd/1 >>f.md; echo $?"#, in: folder)
        #expect(run.out == "0\n0\n" && run.err.isEmpty, "\(run.out) \(run.err)")
        #expect(try String(contentsOf: folder.appendingPathComponent("f.md"), encoding: .utf8) == "HEADER\n" + plainNote + "FOOTER\n" + plainNote)
        #expect(try names(in: folder) == ["f.md"])
        let cases = [
            (#""$LESSON" gru -o /dev/stdout >&-; echo $? >&2"#, "73", "cannot write /dev/stdout: the file descriptor 1 is not open for writing"),
            (#""$LESSON" gru --input /dev/stdin <&- 2>&1; echo $?"#, "66", "cannot read /dev/stdin: standard input is closed"),
            (#""$LESSON" gru -o "$(printf 'x\377.md')" 2>&1; echo $?"#, "64", "argument 3 is not valid UTF-8"),
        ]
        for (script, status, words) in cases {
            let result = try shell(script, in: folder)
            let all = result.out + result.err
            #expect(all.hasSuffix(status + "\n") && all.contains("error: " + words) && all.filter { $0 == "\n" }.count == 2, "\(script): \(all)")
        }
        #expect(try names(in: folder) == ["f.md"])
        let dash = try lesson(["gru", "-o", "-"], in: folder)
        let after = try names(in: folder)
        #expect(dash.status == 0 && dash.out == plainNote && after == ["f.md"], "-o - is standard output")
    }

    /// When one of a run's files cannot be put in place, those already moved are taken back: a
    /// replaced file returns, a new one goes, and no temporary or backup file is left.
    @Test func aFailedMoveIsUndone() throws {
        let folder = try temporaryFolder()
        let old = folder.appendingPathComponent("figure.svg").path
        try Data("old figure\n".utf8).write(to: URL(fileURLWithPath: old))
        let fresh = folder.appendingPathComponent("new.svg").path
        var temporaries: [String] = []
        for (i, text) in ["new figure\n", "another\n", "the note\n"].enumerated() {
            let path = folder.appendingPathComponent(".lesson-test-\(i).tmp").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            temporaries.append(path)
        }
        let moves = [(temporaries[0], old, true), (temporaries[1], fresh, false),
                     (temporaries[2], folder.appendingPathComponent("no such folder/note.md").path, false)]
        #expect(throws: LessonError.self) { try Files.moveIntoPlace(moves) }
        #expect(try String(contentsOfFile: old, encoding: .utf8) == "old figure\n")
        #expect(try names(in: folder) == ["figure.svg"])
        // Two notes whose names differ only past where figure names are cut get figures of their own.
        let prefix = String(repeating: "a", count: 243)
        let first = LessonCommand.figurePlace(for: prefix + "111111111.md", count: 2).stem
        let second = LessonCommand.figurePlace(for: prefix + "222222222.md", count: 2).stem
        #expect(first != second && (first + "-figure2.svg").utf8.count <= 255, "\(first) \(second)")
    }

    /// Another user's note in a sticky folder (as in /tmp) cannot be replaced: the run fails with
    /// nothing of it left, no figure and no link kept to take the note back. Needs root, to run
    /// the binary as another user.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func anotherUsersFileInAStickyFolderIsLeftAlone() throws {
        let folder = try temporaryFolder()
        let script = #"""
        chmod 755 . && cp "$LESSON" ./lesson && mkdir st && chmod 1777 st && echo X >st/y.md && chmod 666 st/y.md &&
        setpriv --reuid=65534 --regid=65534 --clear-groups ./lesson lstm-gates -o st/y.md; echo $?; ls -A st
        """#
        let run = try shell(script, in: folder)
        #expect(run.out == "73\ny.md\n" && isOneErrorLine(run.err) && run.err.contains("st/y.md: operation not permitted"), "\(run.out) \(run.err)")
        #expect(try String(contentsOf: folder.appendingPathComponent("st/y.md"), encoding: .utf8) == "X\n")
    }

    @Test func aLinkIsFollowedAndPermissionsAreKept() throws {
        let folder = try temporaryFolder()
        let setUp = try shell("mkdir real && echo old >real/note.md && chmod 600 real/note.md && ln -s real/note.md link.md", in: folder)
        #expect(setUp.status == 0, "\(setUp.err)")
        let run = try lesson(["gru", "-o", "link.md"], in: folder)
        #expect(run.status == 0 && run.err.isEmpty, "\(run.err)")
        let link = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("link.md").path)
        #expect(link[.type] as? FileAttributeType == .typeSymbolicLink, "the link is still a link")
        let note = folder.appendingPathComponent("real/note.md")
        let text = try String(contentsOf: note, encoding: .utf8)
        #expect(text.hasPrefix("# The GRU cell") && text.contains("](note-figure1.svg)"))
        #expect(try names(in: folder.appendingPathComponent("real")) == ["note-figure1.svg", "note.md"], "figures beside the file the link names")
        let mode = try FileManager.default.attributesOfItem(atPath: note.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "an existing file keeps its permissions")
        // A link to a file not there yet: the file is made, the link kept.
        #expect(try shell("ln -s real/new.md new.md", in: folder).status == 0)
        #expect(try lesson(["gru", "-o", "new.md"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("real/new.md").path))
    }

    @Test func aLongFileNameIsAccepted() throws {
        let folder = try temporaryFolder()
        let name = String(repeating: "n", count: 247) + ".md"
        let run = try lesson(["gru", "-o", name], in: folder)
        #expect(run.status == 0 && run.err.isEmpty, "\(run.err)")
        let files = try names(in: folder)
        #expect(files.count == 2 && files.contains(name) && files.allSatisfy { $0.utf8.count <= 255 }, "\(files)")
        let figure = try #require(files.first { $0.hasSuffix(".svg") })
        #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).contains("](\(figure))"))
    }

    @Test func aFailedRunLeavesNothingBehind() throws {
        let folder = try temporaryFolder()
        // The note's path is a folder: refused before its figure is written.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes.md"), withIntermediateDirectories: false)
        let run = try lesson(["gru", "-o", "notes.md"], in: folder)
        #expect(run.status == 73 && isOneErrorLine(run.err), "\(run.err)")
        #expect(try names(in: folder) == ["notes.md"])
        // `render` into a folder where one note cannot go writes none of them.
        let notes = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: notes.appendingPathComponent("gru.md"), withIntermediateDirectories: true)
        let render = try lesson(["render", "--out", "out"], in: folder)
        #expect(render.status == 73 && isOneErrorLine(render.err) && render.err.contains("out/gru.md"), "\(render.err)")
        #expect(try names(in: notes) == ["gru.md"], "no note, no figure, no folder, no temporary file")
        // A folder `render` made itself is taken away again when the run fails (here at the next
        // folder, whose name is too long).
        let nested = try lesson(["render", "--out", "new/" + String(repeating: "x", count: 300)], in: folder)
        #expect(nested.status == 73 && isOneErrorLine(nested.err), "\(nested.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new").path), "the folder it made is gone")
    }

    @Test func noPathOfThisMachineReachesTheOutput() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("my input.json")
        try Data((try lesson(["gru", "--print-input"])).outBytes).write(to: input)
        let claims = folder.appendingPathComponent("slide.json")
        try Data(#"{"claims": [{"value": "h[1]", "at": [1], "expected": 0.5}]}"#.utf8).write(to: claims)
        for format in ["markdown", "json"] {
            let run = try lesson(["gru", "--input", input.path, "--expect", claims.path, "--format", format])
            #expect(run.status == 1, "\(run.err)")
            #expect(!run.out.contains(folder.path) && !run.out.contains(folder.lastPathComponent), "\(format) names the folder")
            #expect(run.out.contains("slide.json"), "the claims are named by their file")
        }
        let markdown = try lesson(["gru", "--input", input.path]).out
        #expect(markdown.contains("lesson gru --input 'my input.json'"), "the footer's command names the file as the shell reads it")
        // Run in two folders, the same input gives the same bytes.
        let other = try temporaryFolder()
        try FileManager.default.copyItem(at: input, to: other.appendingPathComponent("my input.json"))
        let here = try lesson(["gru", "--input", "my input.json"], in: other)
        let there = try lesson(["gru", "--input", input.path])
        #expect(here.outBytes == there.outBytes)
    }

    @Test func askingForHelpOrTheVersionIsExact() throws {
        let folder = try temporaryFolder()
        for arguments in [["render", "--help"], ["render", "--out", "x", "-h"], ["render", "--bogus", "--help"]] {
            let run = try lesson(arguments, in: folder)
            #expect(run.status == 0 && run.out == LessonCommand.renderHelp && run.err.isEmpty, "\(arguments): \(run.err)")
        }
        #expect(try names(in: folder).isEmpty, "help writes nothing")
        let helpGRU = try lesson(["help", "gru"])
        #expect(helpGRU.status == 0 && helpGRU.out == LessonCommand.lessonHelp(GRU.self))
        for arguments in [["--version", "extra"], ["--help", "gru", "x"], ["help", "nope"], ["gru", "--print-input", "--expect", "missing.json"],
                          ["render", "--out", "--check"], ["gru", "-o", ""], ["render", "--out="]] {
            let run = try lesson(arguments, in: folder)
            #expect(run.status == 64 && isOneErrorLine(run.err), "\(arguments): \(run.status) \(run.err)")
        }
    }

    @Test func renderCheckCountsNotesAndFiguresApart() throws {
        let notes = try NotesCommand.notes()
        let figures = notes.filter { $0.file.hasSuffix(".svg") }.count
        let lessons = notes.count - figures - 2
        #expect(NotesCommand.describe(notes) == "\(lessons) notes, 2 indexes and \(figures) figures")
        #expect(NotesCommand.describe(notes.filter { !$0.file.hasPrefix("ko/") }) == "\(lessons / 2) notes, the index and \(figures - notes.filter { $0.file.hasPrefix("ko/figures/") }.count) figures")
        #expect(NotesCommand.describe(Array(notes.filter { $0.file.hasSuffix(".svg") }.prefix(1))) == "1 figure")
        #expect(NotesCommand.describe(Array(notes.filter { $0.file.hasSuffix(".md") && $0.file != "README.md" }.prefix(2))) == "2 notes")
    }
}
