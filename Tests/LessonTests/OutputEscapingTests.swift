// Every output format survives what the user gives it, end to end on the built binary: values as
// large as the largest Doubles draw a figure (no trap), tokens and a claims file's source cannot
// break the Markdown, the SVG's XML or the JSON, and figure links resolve whatever the note's name.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite(.serialized) struct OutputEscapingTests {
    /// Writes `json` to `name` in `folder`.
    func write(_ json: JSON, _ name: String, in folder: URL) throws {
        try Data(json.rendered().utf8).write(to: folder.appendingPathComponent(name))
    }

    func read(_ name: String, in folder: URL) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
    }

    /// The link destinations of the figures in `markdown`: what is between "](" and ")".
    func figureLinks(_ markdown: String) -> [String] {
        markdown.components(separatedBy: "](").dropFirst().compactMap { rest in
            let link = String(rest.prefix { $0 != ")" })
            return link.hasSuffix(".svg") ? link : nil
        }
    }

    // Inputs whose variance overflows (9e307 in a row) are refused (OverflowTests); these stay finite.
    @Test(arguments: [
        ["input": JSON.rows([[1, 1e150, 3], [2, 4, 6]])],
        ["input": .rows([[1, 2, 3], [2, 4, 6]]), "bias": .numbers([9e307, -9e307, 1]), "weight": .numbers([9e307, 1, 1])],
        ["input": .rows([[1e153, -1e153, Double.leastNonzeroMagnitude], [3, 3, 3]])],
    ])
    func layerNormWithHugeValuesDrawsItsFigure(fields: [String: JSON]) throws {
        let folder = try temporaryFolder()
        try write(.object(fields.sorted { $0.key < $1.key }.map { JSONMember($0.key, $0.value) }), "x.json", in: folder)
        let run = try lesson(["layer-norm", "--input", "x.json", "-o", "out.md"], in: folder)
        #expect(run.status == 0, "\(run.err)")
        #expect(figureLinks(try read("out.md", in: folder)) == ["out-figure1.svg"])
        let svg = try read("out-figure1.svg", in: folder)
        #expect(svgProblems(svg).isEmpty, "\(svgProblems(svg))")
    }

    @Test func attentionWithHugeScoresDrawsItsFigures() throws {
        let folder = try temporaryFolder()
        let input = JSON.fields(["x": .rows([[1e300, 1e300], [1e300, -1e300], [1, 1]]), "w_q": .rows([[1e10, 0], [0, 1e10]]),
                                 "w_k": .rows([[1e10, 0], [0, 1e10]]), "w_v": .rows([[1, 0], [0, 1]]), "causal": .bool(true)])
        try write(input, "x.json", in: folder)
        let run = try lesson(["attention-qkv", "--input", "x.json", "-o", "out.md"], in: folder)
        #expect(run.status == 0, "\(run.err)")
        for file in ["out-figure1.svg", "out-figure2.svg"] {
            let svg = try read(file, in: folder)
            #expect(svgProblems(svg).isEmpty, "\(file): \(svgProblems(svg))")
        }
    }

    static let tokens = ["a|b\\", "line\nbreak\r# heading", "\u{1}\u{7F}<x>&\"$\\frac{1}{2}$_~^%#"]
    static let source = "slide\n# Injected heading | and *more*\r\n<script>"

    @Test func tokensAndASourceCannotBreakTheMarkdownOrTheSVG() throws {
        let folder = try temporaryFolder()
        let input = try #require(LSTMGates.examples[0].input.setting("tokens", .strings(Self.tokens)))
        try write(input, "x.json", in: folder)
        try write(.fields(["source": .string(Self.source), "claims": .array([.fields(["value": .string("h[1]"), "at": .numbers([1]), "expected": .number(0.5)])])]),
                  "claims.json", in: folder)
        let run = try lesson(["lstm-gates", "--input", "x.json", "--expect", "claims.json", "-o", "my notes.md"], in: folder)
        #expect(run.status == 0 || run.status == 1, "\(run.err)")
        let markdown = try read("my notes.md", in: folder)
        #expect(tableProblems(markdown).isEmpty, "\(tableProblems(markdown))")
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("# Injected") || $0.hasPrefix("break") || $0.hasPrefix("<script") })
        #expect(!markdown.contains("\r") && !markdown.contains("\u{1}") && !markdown.contains("\u{7F}"))
        #expect(lines.contains(##"Checked against: slide\\n\# Injected heading \| and \*more\*\\r\\n\<script\>."##))
        #expect(lines.filter { $0.hasPrefix("### t = ") }.count == 3)
        // The figures: valid XML, the tokens shown as visible escapes.
        #expect(figureLinks(markdown) == ["my%20notes-figure1.svg", "my%20notes-figure2.svg"])
        for file in ["my notes-figure1.svg", "my notes-figure2.svg"] {
            let svg = try read(file, in: folder)
            #expect(svgProblems(svg).isEmpty, "\(file): \(svgProblems(svg))")
            // Cut to 16 characters as shown: the escape counts.
            #expect(svg.contains(#">2 · line\nbreak…<"#))
        }
    }

    @Test func theJSONTraceKeepsTheSourceExactly() throws {
        let folder = try temporaryFolder()
        try write(.fields(["source": .string(Self.source), "claims": .array([.fields(["value": .string("h[1]"), "at": .numbers([1]), "expected": .number(0.5)])])]),
                  "claims.json", in: folder)
        let run = try lesson(["lstm-gates", "--expect", "claims.json", "--format", "json"], in: folder)
        #expect(run.status == 0 || run.status == 1, "\(run.err)")
        let json = try JSON.parse(Array(run.out.utf8))
        #expect(json["source"] == .string(Self.source))
        #expect(!run.out.contains("\r") && !run.out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test(arguments: ["my notes.md", "notes (v2) #1 50% ?.md", "노트 ü.md"])
    func figureLinksResolveToTheFilesWritten(note: String) throws {
        let folder = try temporaryFolder()
        let run = try lesson(["gru", "-o", note], in: folder)
        #expect(run.status == 0, "\(run.err)")
        let links = figureLinks(try read(note, in: folder))
        #expect(links.count == 1)
        for link in links {
            // Nothing a Markdown link destination or a URL reads as syntax is left bare.
            #expect(!link.contains { " ()#?<>\"".contains($0) || !$0.isASCII }, "\(link)")
            let file = try #require(link.removingPercentEncoding)
            #expect(file == String(note.dropLast(3)) + "-figure1.svg")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
        }
    }
}
