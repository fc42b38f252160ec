// `lesson render --from DIR` end to end on the built binary (issue 18): a course folder of three
// weeks renders, its index shows which claims hold, `--check` passes after a render and fails after
// an input is edited, a misnamed file is named with the nearest valid name, and a bad input anywhere
// writes nothing.

import Foundation
import Testing

@Suite(.serialized) struct CourseTests {
    /// A course folder: week 1 an RNN without claims, week 2 a GRU whose claims come from
    /// `gruClaims`, week 3 an LSTM whose claims hold and ask for a backward note.
    static func course(gruClaims: String) throws -> URL {
        let root = try temporaryFolder()
        let dir = root.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (id, name) in [("rnn-unroll", "week1"), ("gru", "week2"), ("lstm-gates", "week3")] {
            let input = try lesson([id, "--print-input", "-o", "course/\(id)--\(name).json"], in: root)
            #expect(input.status == 0, "\(input.err)")
        }
        try write(gruClaims, to: dir.appendingPathComponent("gru--week2.claims.json"))
        // Week 3's claims: h[1] entry 1 as the lesson computes it, and a gradient.
        let h1 = try #require(computed("h[1]", lesson: "lstm-gates", input: "course/lstm-gates--week3.json", in: root).first)
        let grad = try #require(computed("h[1].grad", lesson: "lstm-gates", input: "course/lstm-gates--week3.json", in: root, backward: true).first)
        try write(#"{"source": "week 3, slide 4", "backward": true, "claims": [{"value": "h[1]", "at": [1], "expected": \#(fixed(h1))}, "#
                  + #"{"value": "h[1].grad", "at": [1], "expected": \#(fixed(grad))}]}"#, to: dir.appendingPathComponent("lstm-gates--week3.claims.json"))
        return root
    }

    /// A value's entries as `lesson --format json` gives them.
    static func computed(_ name: String, lesson id: String, input: String, in folder: URL, backward: Bool = false) throws -> [Double] {
        let run = try lesson([id, "--input", input, "--format", "json"] + (backward ? ["--backward"] : []), in: folder)
        let trace = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        let values = trace?["values"] as? [[String: Any]] ?? []
        let value = values.first { $0["name"] as? String == name }?["value"]
        return (value as? [Double]) ?? (value as? Double).map { [$0] } ?? []
    }

    static func fixed(_ x: Double) -> String { String(format: "%.4f", x) }

    static func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

    static func read(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    /// Every file under `folder`, with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return files }
        for case let path as String in walker {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    static let failingGRUClaims = #"{"source": "last year's slide 9", "claims": [{"value": "h[1]", "at": [1], "expected": 0.9}, {"value": "z[1]", "at": [1], "expected": "0.3"}]}"#

    @Test func aCourseRendersWithItsIndexAndClaims() throws {
        let root = try Self.course(gruClaims: Self.failingGRUClaims)
        let run = try lesson(["render", "--from", "course"], in: root)
        // Written in full, then exit 1 for the claims that fail, named with their note.
        #expect(run.status == 1)
        #expect(run.out == "wrote 4 notes, the index and 7 figures to course/notes/\n")
        #expect(run.err == "lesson: claims do not hold in gru--week2.md (0 of 2 hold); each note's table of claims says which and why\n")
        let notes = root.appendingPathComponent("course/notes")
        #expect(try names(in: notes) == ["README.md", "figures", "gru--week2.md", "lstm-gates--week3--backward.md", "lstm-gates--week3.md", "rnn-unroll--week1.md"])
        let index = try Self.read(notes.appendingPathComponent("README.md"))
        let rows = index.split(separator: "\n").filter { $0.hasPrefix("| [") }.map(String.init)
        // The course's order is the lessons' (rnn-unroll, lstm-gates, gru), not the files'.
        #expect(rows.map { $0.split(separator: "|")[0].trimmingCharacters(in: .whitespaces) } == [
            "[rnn-unroll--week1.md](rnn-unroll--week1.md)", "[lstm-gates--week3.md](lstm-gates--week3.md)",
            "[lstm-gates--week3--backward.md](lstm-gates--week3--backward.md)", "[gru--week2.md](gru--week2.md)"])
        #expect(rows[0].hasSuffix("| — | — |"))
        // The forward note checks the claim on h[1]; the backward note both, the gradient too.
        #expect(rows[1].hasSuffix("| week 3, slide 4 | [✓ 1 of 1 hold](lstm-gates--week3.md#claims) |"))
        #expect(rows[2].contains("— backward pass | week 3, slide 4 | [✓ 2 of 2 hold](lstm-gates--week3--backward.md#claims) |"))
        #expect(rows[3].hasSuffix("| last year's slide 9 | [**✗ 0 of 2 hold**](gru--week2.md#claims) |"))
        // A failure shows above the table, and each link's anchor is the heading of the note's claims.
        #expect(index.contains("**✗ Claims do not hold in [gru--week2.md](gru--week2.md#claims).**"))
        // The notation below keeps the rows of this course's lessons only.
        #expect(index.contains("| recurrent lessons |") && index.contains("| lstm-gates |") && index.contains("| gru |"))
        #expect(!index.contains("| bleu |") && !index.contains("| char-lm |") && !index.contains("| attention |"))
        for note in ["gru--week2.md", "lstm-gates--week3.md", "lstm-gates--week3--backward.md"] {
            #expect(try Self.read(notes.appendingPathComponent(note)).contains("\n## Claims\n"), "\(note)")
        }
        #expect(!(try Self.read(notes.appendingPathComponent("rnn-unroll--week1.md"))).contains("## Claims"))
        // Each note's footer names the command that prints it, with the input named without its folder.
        #expect(try Self.read(notes.appendingPathComponent("lstm-gates--week3--backward.md"))
            .contains("`lesson lstm-gates --input lstm-gates--week3.json --backward --format json` prints every value"))
        // A note's figures are in figures/, linked from it.
        let gru = try Self.read(notes.appendingPathComponent("gru--week2.md"))
        #expect(gru.contains("](figures/gru--week2-figure1.svg)"))
        #expect(FileManager.default.fileExists(atPath: notes.appendingPathComponent("figures/gru--week2-figure1.svg").path))
    }

    @Test func checkPassesAfterARenderAndFailsAfterAnEdit() throws {
        let root = try Self.course(gruClaims: Self.failingGRUClaims)
        // Before any render: every file missing, and the failing claims listed.
        let before = try lesson(["render", "--from", "course", "--check"], in: root)
        #expect(before.status == 1)
        #expect(before.out.hasPrefix("missing: course/notes/README.md\n"))
        #expect(before.out.hasSuffix("claims fail: course/notes/gru--week2.md (0 of 2 hold)\n"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("course/notes").path))
        // The GRU's claims corrected to what it computes: every claim holds.
        let h = try #require(Self.computed("h[1]", lesson: "gru", input: "course/gru--week2.json", in: root).first)
        try Self.write(#"{"source": "last year's slide 9", "claims": [{"value": "h[1]", "at": [1], "expected": \#(Self.fixed(h))}]}"#,
                       to: root.appendingPathComponent("course/gru--week2.claims.json"))
        #expect(try lesson(["render", "--from", "course"], in: root).status == 0)
        let green = try lesson(["render", "--from", "course", "--check"], in: root)
        #expect(green.status == 0)
        #expect(green.out == "4 notes, the index and 7 figures in course/notes/ are up to date; every claim holds (3 claims, checked in 3 notes)\n")
        #expect(green.err == "")
        // The same folder spelled another way gives the same files: nothing depends on the path.
        let absolute = try lesson(["render", "--from", root.appendingPathComponent("course").path + "/", "--check"], in: root)
        #expect(absolute.status == 0, "\(absolute.out)")
        // An input edited: its note is stale.
        let input = root.appendingPathComponent("course/rnn-unroll--week1.json")
        try Self.write(try Self.read(input).replacingOccurrences(of: "0.5", with: "0.25"), to: input)
        let stale = try lesson(["render", "--from", "course", "--check"], in: root)
        #expect(stale.status == 1)
        #expect(stale.out.contains("stale: course/notes/rnn-unroll--week1.md\n"))
        #expect(stale.err == "lesson: in course/notes/, 1 note is stale; run 'lesson render --from course'\n")
        // An input taken away: its note is left over.
        try FileManager.default.removeItem(at: input)
        let gone = try lesson(["render", "--from", "course", "--check"], in: root)
        #expect(gone.status == 1)
        #expect(gone.out.contains("left over: course/notes/rnn-unroll--week1.md (no input makes it; delete it)\n"))
        #expect(gone.out.contains("left over: course/notes/figures/rnn-unroll--week1-figure1.svg (no note uses it; delete it)\n"))
    }

    @Test func aMisnamedFileIsNamedWithTheNearestValidName() throws {
        let cases: [(file: String, nearest: String)] = [
            ("lstm_gates--week4.json", "lstm-gates--week4.json"),
            ("lstm-gate--week4.json", "lstm-gates--week4.json"),
            ("lstm-gates-week4.json", "lstm-gates--week4.json"),
            // No lesson in the name: the one whose fields the file has (an LSTM's weights: 4H rows).
            ("week4.json", "lstm-gates--week4.json"),
            ("week4--lstm-gates.json", "lstm-gates--week4.json"),
            ("lstm-gates—week4.json", "lstm-gates--week4.json"),
            ("lstm-gates--week4.JSON", "lstm-gates--week4.json"),
            // Claims named as an input: said so, whatever the NAME (any NAME is an input's own).
            ("lstm-gates--week3.claim.json", "lstm-gates--week3.claims.json"),
            ("lstm-gates--week3-claims.json", "lstm-gates--week3.claims.json"),
        ]
        for (file, nearest) in cases {
            let root = try Self.course(gruClaims: Self.failingGRUClaims)
            let dir = root.appendingPathComponent("course")
            let content = file.contains("claim") ? "lstm-gates--week3.claims.json" : "lstm-gates--week3.json"
            if file.contains("claim") { try FileManager.default.removeItem(at: dir.appendingPathComponent("gru--week2.claims.json")) }
            try FileManager.default.copyItem(at: dir.appendingPathComponent(content), to: dir.appendingPathComponent(file))
            let run = try lesson(["render", "--from", "course"], in: root)
            #expect(run.status == 65, "\(file)")
            #expect(isOneErrorLine(run.err), "\(run.err)")
            #expect(run.err.hasPrefix("error: course/\(file): "), "\(run.err)")
            #expect(run.err.contains("did you mean '\(nearest)'?"), "\(run.err)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("notes").path), "\(file)")
        }
    }

    @Test func aBadFileAnywhereWritesNothing() throws {
        let root = try Self.course(gruClaims: Self.failingGRUClaims)
        #expect(try lesson(["render", "--from", "course"], in: root).status == 1)
        let notes = root.appendingPathComponent("course/notes")
        let before = try Self.snapshot(notes)
        let dir = root.appendingPathComponent("course")
        let bad: [(file: String, text: String, words: [String])] = [
            ("rnn-unroll--week1.json", #"{"input": [[1, 2]], "weight_ih_l0": [[1]]}"#, ["course/rnn-unroll--week1.json", "weight_hh_l0"]),
            ("gru--week2.claims.json", #"{"claims": [{"value": "q[1]", "at": [1], "expected": 1}]}"#, ["course/gru--week2.claims.json", "claims[1]", "q[1]"]),
            ("gru--week2.claims.json", #"{"claims": [{"value": "h[1].grad", "at": [1], "expected": 1}]}"#, ["course/gru--week2.claims.json", "\"backward\": true"]),
            ("gru--week2.claims.json", #"{"backward": "yes"}"#, ["course/gru--week2.claims.json", "backward must be true or false"]),
            ("bleu--week6.json", #"{"candidate": "the cat", "references": ["the cat"]}"#, []),
            ("bleu--week6.claims.json", #"{"backward": true}"#, ["course/bleu--week6.claims.json", "nothing to learn"]),
            ("gru--week9.claims.json", #"{"source": "x"}"#, ["course/gru--week9.claims.json", "no gru--week9.json"]),
        ]
        for (file, text, words) in bad {
            try Self.write(text, to: dir.appendingPathComponent(file))
            guard !words.isEmpty else { continue }
            let run = try lesson(["render", "--from", "course"], in: root)
            #expect(run.status == 65, "\(file): \(run.err)")
            #expect(isOneErrorLine(run.err), "\(run.err)")
            for word in words { #expect(run.err.contains(word), "\(run.err)") }
            #expect(try Self.snapshot(notes) == before, "\(file)")
            // Put right again for the next case.
            if file.hasPrefix("gru--week2") { try Self.write(Self.failingGRUClaims, to: dir.appendingPathComponent(file)) }
            if file == "rnn-unroll--week1.json" { _ = try lesson(["rnn-unroll", "--print-input", "-o", "course/\(file)"], in: root) }
            if file == "gru--week9.claims.json" { try FileManager.default.removeItem(at: dir.appendingPathComponent(file)) }
        }
    }

    @Test func koreanNotesGoBesideTheEnglishAndALecturersReadmeIsKept() throws {
        let root = try Self.course(gruClaims: Self.failingGRUClaims)
        let korean = try lesson(["render", "--from", "course", "--lang", "ko"], in: root)
        #expect(korean.status == 1)
        #expect(korean.out == "wrote 4 notes, the index and 7 figures to course/notes/ko/\n")
        let index = try Self.read(root.appendingPathComponent("course/notes/ko/README.md"))
        #expect(index.contains("| [gru--week2.md](gru--week2.md) | "))
        #expect(index.contains("[**✗ 2개 중 0개 성립**](gru--week2.md#%EC%A3%BC%EC%9E%A5-%EA%B2%80%EC%A6%9D)"))
        #expect(try Self.read(root.appendingPathComponent("course/notes/ko/gru--week2.md")).contains("\n## 주장 검증\n"))
        // The English notes' check does not count the Korean folder as left over.
        #expect(try lesson(["render", "--from", "course"], in: root).status == 1)
        let check = try lesson(["render", "--from", "course", "--check"], in: root)
        #expect(!check.out.contains("left over"), "\(check.out)")
        // A README.md of the lecturer's own in the notes' folder is not written over.
        let own = root.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        try Self.write("# My course\n", to: own.appendingPathComponent("README.md"))
        let refused = try lesson(["render", "--from", "course", "--out", "mine"], in: root)
        #expect(refused.status == 73)
        #expect(isOneErrorLine(refused.err) && refused.err.contains("mine/README.md"), "\(refused.err)")
        #expect(try names(in: own) == ["README.md"])
    }

    @Test func usageAndFolderErrors() throws {
        let root = try temporaryFolder()
        let cases: [(arguments: [String], status: Int32, words: [String])] = [
            (["render", "--lang", "ko"], 64, ["--lang ko goes with --from"]),
            (["render", "--from", "nowhere"], 66, ["nowhere", "no such file"]),
            (["render", "--from", "."], 65, ["no inputs", "--print-input"]),
        ]
        for (arguments, status, words) in cases {
            let run = try lesson(arguments, in: root)
            #expect(run.status == status, "\(arguments): \(run.err)")
            #expect(isOneErrorLine(run.err), "\(run.err)")
            for word in words { #expect(run.err.contains(word), "\(run.err)") }
        }
    }

    @Test func aFolderOfOtherThingsIsReadAsDocumented() throws {
        let root = try Self.course(gruClaims: #"{"source": "slide 9"}"#)
        let dir = root.appendingPathComponent("course")
        // A subfolder ending in .json is not read; the lecturer's own Markdown beside the inputs,
        // with the notes written there too, is not called left over.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("old.json"), withIntermediateDirectories: true)
        try Self.write("# Syllabus\n", to: dir.appendingPathComponent("syllabus.md"))
        // Names ordered as numbers: week2 before week10.
        try FileManager.default.copyItem(at: dir.appendingPathComponent("gru--week2.json"), to: dir.appendingPathComponent("gru--week10.json"))
        // A long name: its figures' names are shortened to fit, as `-o` shortens them.
        let long = "rnn-unroll--" + String(repeating: "x", count: 238)
        try FileManager.default.copyItem(at: dir.appendingPathComponent("rnn-unroll--week1.json"), to: dir.appendingPathComponent(long + ".json"))
        let run = try lesson(["render", "--from", "course", "--out", "course"], in: root)
        #expect(run.status == 0, "\(run.err)")
        #expect(!run.out.contains("left over"), "\(run.out)")
        let index = try Self.read(dir.appendingPathComponent("README.md"))
        let notes = index.split(separator: "\n").filter { $0.hasPrefix("| [") }.map { String($0.dropFirst(3).prefix { $0 != "]" }) }
        #expect(notes == ["rnn-unroll--week1.md", "\(long).md", "lstm-gates--week3.md", "lstm-gates--week3--backward.md", "gru--week2.md", "gru--week10.md"])
        // The index names a source only where the claims give one.
        #expect(index.contains("| [gru--week2.md](gru--week2.md) | A GRU cell gate by gate: reset and update gates, candidate and hidden state | slide 9 | — |"))
        let figures = try names(in: dir.appendingPathComponent("figures"))
        #expect(figures.contains { $0.hasPrefix("rnn-unroll--xxx") && $0.contains("~") && $0.utf8.count <= 255 }, "\(figures)")
        let check = try lesson(["render", "--from", "course", "--out", "course", "--check"], in: root)
        #expect(check.status == 0, "\(check.out)\(check.err)")
        // The index with CR LF line ends (a Windows checkout) is still known as ours.
        let crlf = index.replacingOccurrences(of: "\n", with: "\r\n")
        try Self.write(crlf, to: dir.appendingPathComponent("README.md"))
        #expect(try lesson(["render", "--from", "course", "--out", "course"], in: root).status == 0)
    }

    @Test func pipesNamesAndFlagsThatCannotBeTaken() throws {
        let root = try Self.course(gruClaims: #"{"source": "slide 9"}"#)
        // A pipe among the inputs, or where a note goes, is refused at once: never read, never a hang.
        let pipes = try shell("""
            mkfifo course/gru--pipe.json; timeout 20 "$LESSON" render --from course; echo "status $?"; rm course/gru--pipe.json
            mkdir -p course/notes; mkfifo course/notes/gru--week2.md; timeout 20 "$LESSON" render --from course; echo "status $?"
            timeout 20 "$LESSON" render --from course --check >/dev/null; echo "status $?"
            """, in: root)
        #expect(pipes.out == "status 66\nstatus 73\nstatus 73\n", "\(pipes.out)\(pipes.err)")
        #expect(pipes.err.contains("error: cannot read course/gru--pipe.json: it is not a regular file"), "\(pipes.err)")
        #expect(pipes.err.contains("error: cannot write course/notes/gru--week2.md: it is not a regular file"), "\(pipes.err)")
        #expect(try names(in: root.appendingPathComponent("course/notes")) == ["gru--week2.md"])
        try FileManager.default.removeItem(at: root.appendingPathComponent("course/notes"))
        // Two names the same but for case would be one note on macOS.
        let dir = root.appendingPathComponent("course")
        try FileManager.default.copyItem(at: dir.appendingPathComponent("gru--week2.json"), to: dir.appendingPathComponent("gru--Week2.json"))
        let same = try lesson(["render", "--from", "course"], in: root)
        #expect(same.status == 65 && isOneErrorLine(same.err) && same.err.contains("differ only in case"), "\(same.err)")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("gru--Week2.json"))
        // Positional encoding asked for its backward pass without x: the claims file's wish is named.
        try Self.write(#"{"positions": 3, "d_model": 4}"#, to: dir.appendingPathComponent("positional-encoding--week4.json"))
        try Self.write(#"{"backward": true}"#, to: dir.appendingPathComponent("positional-encoding--week4.claims.json"))
        let pe = try lesson(["render", "--from", "course"], in: root)
        #expect(pe.status == 65 && isOneErrorLine(pe.err) && pe.err.contains("\"backward\": true in positional-encoding--week4.claims.json"), "\(pe.err)")
        #expect(!pe.err.contains("--backward "), "\(pe.err)")
        // A flag given twice.
        let twice = try lesson(["render", "--from", "course", "--out", "a", "--out", "b"], in: root)
        #expect(twice.status == 64 && twice.err.contains("--out is given twice"), "\(twice.err)")
    }

    @Test func nothingOfTheLecturersIsWrittenOver() throws {
        let root = try Self.course(gruClaims: #"{"source": "slide 9"}"#)
        let dir = root.appendingPathComponent("course")
        // A link where a note goes would be written through, here onto an input: refused, by the
        // check too, and nothing changes.
        let notes = dir.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: notes.appendingPathComponent("gru--week2.md").path, withDestinationPath: "../gru--week2.json")
        let input = try Self.read(dir.appendingPathComponent("gru--week2.json"))
        for check in [false, true] {
            let run = try lesson(["render", "--from", "course"] + (check ? ["--check"] : []), in: root)
            #expect(run.status == 73 && isOneErrorLine(run.err) && run.err.contains("course/notes/gru--week2.md: it is a link"), "\(run.err)")
        }
        #expect(try Self.read(dir.appendingPathComponent("gru--week2.json")) == input)
        try FileManager.default.removeItem(at: notes)
        // The lecturer's own notes beside the inputs, with the notes written there: not written over.
        try Self.write("# Week 2, my own notes\n", to: dir.appendingPathComponent("gru--week2.md"))
        let own = try lesson(["render", "--from", "course", "--out", "course"], in: root)
        #expect(own.status == 73 && isOneErrorLine(own.err) && own.err.contains("course/gru--week2.md is not a note"), "\(own.err)")
        #expect(try Self.read(dir.appendingPathComponent("gru--week2.md")) == "# Week 2, my own notes\n")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("gru--week2.md"))
        // Two claims files for one input, their names the same but for how é is encoded: refused,
        // so that neither is dropped unread.
        for (name, claims) in [("gru--caf\u{E9}", #"{"source": "one"}"#), ("gru--cafe\u{301}", #"{"source": "two"}"#)] {
            try Data(claims.utf8).write(to: dir.appendingPathComponent(name + ".claims.json"))
        }
        try FileManager.default.copyItem(at: dir.appendingPathComponent("gru--week2.json"), to: dir.appendingPathComponent("gru--caf\u{E9}.json"))
        let same = try lesson(["render", "--from", "course"], in: root)
        #expect(same.status == 65 && isOneErrorLine(same.err) && same.err.contains("\\u{301}"), "\(same.err)")
    }

    @Test func linksToBuiltInNotesTheCourseHasNotNameTheirCommand() throws {
        let root = try temporaryFolder()
        let dir = root.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (id, name) in [("multi-head-attention", "week4"), ("transformer-block", "week5")] {
            #expect(try lesson([id, "--print-input", "-o", "course/\(id)--\(name).json"], in: root).status == 0)
        }
        #expect(try lesson(["render", "--from", "course"], in: root).status == 0)
        let block = try Self.read(dir.appendingPathComponent("notes/transformer-block--week5.md"))
        // layer-norm.md is no note of this course: its command instead; multi-head-attention.md
        // neither (the course's is multi-head-attention--week4.md).
        #expect(block.contains("layer norm as in `lesson layer-norm`"), "\(block)")
        #expect(block.contains("`lesson multi-head-attention`"))
        let links = block.matches(of: #/\]\(([^)]*)\)/#).map { String($0.output.1) }
        #expect(links.allSatisfy { $0.hasPrefix("figures/") }, "\(links)")
        // Plain `render` in a course's folder was meant as --from: said, and nothing written.
        let plain = try lesson(["render"], in: dir)
        #expect(plain.status == 64 && isOneErrorLine(plain.err) && plain.err.contains("'lesson render --from .'"), "\(plain.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Lessons").path))
    }
}
