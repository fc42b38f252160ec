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
        let trace = try AttentionQKV.trace(example.input, file: "x", example: example)
        let renderer = MarkdownRenderer(command: "lesson attention-qkv", figureLinks: .init(folder: "", stem: "a"))
        let weights = try #require(renderer.figureFiles(trace).last).svg
        // The cell of "sat" attending to "cat" prints its weight, 0.70, as in the table.
        #expect(weights.contains(">0.70</text>"))
        #expect(weights.contains(">The</text>") && weights.contains(">sat</text>"))
        #expect(renderer.figureFiles(trace).map(\.svg) == renderer.figureFiles(trace).map(\.svg), "byte-stable")
    }
}
