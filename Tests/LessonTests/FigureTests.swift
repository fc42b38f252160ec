// Figures: well-formed, byte-stable SVG whose content matches the values it draws.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct FigureTests {
    final class Collector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var elements = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements += 1
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }

    @Test func everyNoteFigureIsWellFormedSVG() throws {
        let figures = try NotesCommand.notes().filter { $0.file.hasSuffix(".svg") }
        #expect(figures.count >= Lessons.all.count)
        for figure in figures {
            let parser = XMLParser(data: Data(figure.text.utf8))
            let collector = Collector()
            parser.delegate = collector
            #expect(parser.parse(), "\(figure.file) is not well-formed XML")
            #expect(figure.text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && collector.elements > 5, "\(figure.file)")
        }
    }

    @Test func aHeatmapShowsTheValuesOfItsTable() throws {
        let example = try #require(AttentionQKV.examples.first)
        #expect(example.name == "default")
        let trace = try AttentionQKV.trace(example.input, file: "x", example: example)
        let renderer = MarkdownRenderer(command: "lesson attention-qkv", figureLinks: .init(folder: "figures/", stem: "attention-qkv"))
        let figures = renderer.figureFiles(trace)
        #expect(figures.map(\.file) == ["attention-qkv-figure1.svg", "attention-qkv-figure2.svg"])
        let weights = try #require(figures.last).svg
        // The cell of "sat" attending to "cat" prints its weight, 0.70, as in the table.
        #expect(weights.contains(">0.70</text>"))
        #expect(weights.contains(">The</text>") && weights.contains(">sat</text>"))
        // Byte-stable: byte for byte the golden file committed in Lessons/figures/, and the file
        // another process (the built `lesson`) writes beside a note.
        let folder = try temporaryFolder()
        let run = try lesson(["attention-qkv", "-o", "attention-qkv.md"], in: folder)
        #expect(run.status == 0, "\(run.err)")
        for figure in figures {
            let golden = try Data(contentsOf: repositoryRoot.appendingPathComponent("Lessons/figures/\(figure.file)"))
            #expect(golden == Data(figure.svg.utf8), "Lessons/figures/\(figure.file) differs from the render")
            let written = try Data(contentsOf: folder.appendingPathComponent(figure.file))
            #expect(written == Data(figure.svg.utf8), "\(figure.file) written by lesson differs from the render")
        }
    }
}
