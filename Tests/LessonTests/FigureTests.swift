// Figures: well-formed, byte-stable SVG whose content matches the values it draws; any Double
// (±1.8e308, subnormals, inf, nan) drawn with finite, short numbers; large figures cut to
// `FigureLimits`, saying so.

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

    // MARK: Odd values

    static let odd: [Double] = [1.7976931348623157e308, -1.7976931348623157e308, 1e308, -1e308, 9e307, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 0,
                                .infinity, -.infinity, .nan, 1]

    func panel(_ m: Matrix, _ title: String = "p") -> Heatmap {
        Heatmap(title: title, rows: (1...m.rows).map { "r\($0)" }, columns: (1...m.cols).map { "c\($0)" }, values: m, rowHeader: "row", columnHeader: "column")
    }

    @Test func heatmapsOfOddValuesDrawFiniteShortNumbersAndGreyCells() {
        let matrices = [
            Matrix(rows: 3, cols: 4, entries: Self.odd),
            Matrix(rows: 2, cols: 2, entries: [3, 3, 3, 3]),
            Matrix(rows: 2, cols: 2, entries: [0, 0, 0, 0]),
            Matrix(rows: 2, cols: 2, entries: [.leastNonzeroMagnitude, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 0]),
            Matrix(rows: 1, cols: 3, entries: [.nan, .infinity, -.infinity]),
            // Too many cells for numbers in them: colours only.
            Matrix(rows: 9, cols: 9, entries: (0..<81).map { Self.odd[$0 % Self.odd.count] }),
        ]
        for m in matrices {
            for scale in [ColourScale.unit, .diverging] {
                for shared in [true, false] {
                    let svg = SVGRenderer().render(.heatmaps(title: "Odd values", panels: [panel(m), panel(m)], scale: scale, shared: shared))
                    #expect(svgProblems(svg).isEmpty, "\(m.entries) \(scale) shared \(shared): \(svgProblems(svg))")
                    // Grey exactly where a value is not a number one can colour.
                    let grey = svg.components(separatedBy: "fill=\"#d9d9d9\"").count - 1
                    #expect(grey == 2 * m.entries.filter { !$0.isFinite }.count, "\(m.entries) \(scale)")
                }
            }
        }
    }

    @Test func linePanelsOfOddValuesDrawFiniteShortNumbers() {
        let n = Self.odd.count
        let series: [[Double]] = [Self.odd, Self.odd.reversed(), Array(repeating: 3, count: n), Array(repeating: .leastNonzeroMagnitude, count: n),
                                  Array(repeating: .nan, count: n)]
        for range: ClosedRange<Double>? in [nil, 0...1, -1...1] {
            for steps in [n, 1] {
                let figure = Figure.lines(title: "Odd values", steps: (1...steps).map(String.init),
                                          panels: [LinePanel(title: "a", series: series.map { Array($0.prefix(steps)) }, range: range),
                                                   LinePanel(title: "b", series: [Array(repeating: 7, count: steps)], range: range)])
                let svg = SVGRenderer().render(figure)
                #expect(svgProblems(svg).isEmpty, "\(String(describing: range)) \(steps) steps: \(svgProblems(svg))")
                #expect(svg.contains("<polyline") == (steps > 1))
            }
        }
    }

    @Test func aScaleAsWideAsTheLargestDoublesColoursLikeASmallOne() {
        // Scaled by a power of two, so the values keep their ratios exactly; 10 × 2^1022 overflows.
        let small = Matrix(rows: 2, cols: 3, entries: [1, -1, 0.5, -0.25, 0, 0.75])
        let huge = Matrix(rows: 2, cols: 3, entries: small.entries.map { $0 * 0x1p1022 })
        func colours(_ m: Matrix) -> [Substring] {
            let svg = SVGRenderer().render(.heatmaps(title: "Scale", panels: [panel(m)], scale: .diverging))
            return svg.split(separator: "\"").filter { $0.count == 7 && $0.hasPrefix("#") }
        }
        #expect(colours(small).count > 20)
        #expect(colours(huge) == colours(small))
    }

    @Test func largeValuesAreLabelledCompactly() {
        #expect(shown(0.7) == "0.70" && shown(-12.5) == "-12.50" && shown(0) == "0.00")
        #expect(shown(9e307) == "9e+307" && shown(-1.7976931348623157e308) == "-1.8e+308" && shown(.leastNonzeroMagnitude) == "4.94e-324")
        #expect(shown(0.00089) == "0.00089" && shown(0.00089, inCell: true) == "0.00" && shown(12345, inCell: true) == "1.23e+04")
    }

    // MARK: Logarithmic line panels

    func logFigure(_ series: [[Double]], steps: Int? = nil, range: ClosedRange<Double>? = nil) -> Figure {
        let count = steps ?? series.map(\.count).max() ?? 1
        return .lines(title: "Gradient", steps: (1...max(count, 1)).map(String.init),
                      panels: [LinePanel(title: "‖∂L/∂h_t‖", series: series, range: range, scale: .logarithmic)])
    }

    /// The numbers of every `d="…"` of a `<path>`, which `svgProblems` does not read as coordinates.
    func pathNumbers(_ svg: String) -> [Double] {
        svg.components(separatedBy: "<path d=\"").dropFirst().flatMap { path in
            path.prefix { $0 != "\"" }.split { $0 == " " || $0 == "," || $0 == "M" || $0 == "L" }.map { Double($0) ?? .nan }
        }
    }

    /// The labels on a log axis, top to bottom, with their heights.
    func decadeLabels(_ svg: String) -> [(label: String, y: Double)] {
        svg.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("<text"), let start = line.range(of: "\">10"), let y = line.range(of: " y=\"") else { return nil }
            let label = String(line[line.index(start.lowerBound, offsetBy: 2)...].prefix { $0 != "<" })
            guard label.count > 2, label.dropFirst(2).allSatisfy({ "⁻⁰¹²³⁴⁵⁶⁷⁸⁹".contains($0) }) else { return nil }
            return (label, Double(line[y.upperBound...].prefix { $0 != "\"" }) ?? .nan)
        }.sorted { $0.y < $1.y }
    }

    @Test func aLogAxisSpansWholeDecadesLabelledWithSuperscripts() {
        #expect(SVGRenderer.powerOfTen(-3) == "10⁻³" && SVGRenderer.powerOfTen(0) == "10⁰" && SVGRenderer.powerOfTen(2) == "10²"
                && SVGRenderer.powerOfTen(-324) == "10⁻³²⁴" && SVGRenderer.powerOfTen(10) == "10¹⁰")
        let vanishing: [Double] = [1, 0.3, 0.05, 0.004, 2e-4, 1e-5]
        #expect(SVGRenderer.decades(vanishing, range: nil) == -5...0)
        // A range is in values, widened to decades; a bound ≤ 0 has no place and is ignored.
        #expect(SVGRenderer.decades(vanishing, range: 1e-8...1) == -8...0)
        #expect(SVGRenderer.decades([0.5, 0.2], range: 0...3) == -1...1)
        #expect(SVGRenderer.decades([0.75, 0.9, 1], range: nil) == -1...0)
        #expect(SVGRenderer.decades([3, 4], range: nil) == 0...1)
        // At least one decade, even for one value that is a power of ten.
        #expect(SVGRenderer.decades([100], range: nil) == 2...3)
        #expect(SVGRenderer.decades([0, -1, .nan, .infinity], range: nil) == 0...1)

        let svg = SVGRenderer().render(logFigure([vanishing]))
        #expect(svgProblems(svg).isEmpty, "\(svgProblems(svg))")
        #expect(svg.contains(">‖∂L/∂h_t‖ (log scale)</text>"))
        let labels = decadeLabels(svg)
        #expect(labels.map(\.label) == ["10⁰", "10⁻¹", "10⁻²", "10⁻³", "10⁻⁴", "10⁻⁵"])
        // Equal steps per decade; 1 at the top of the panel (y 50), 1e-5 at its bottom (y 200).
        #expect(labels.map(\.y) == [54, 84, 114, 144, 174, 204])
        #expect(pathNumbers(svg) == [60, 50, 104, 65.7, 148, 89, 192, 121.9, 236, 161, 280, 200])
    }

    @Test func manyDecadesAreLabelledEverySecondOrThird() {
        for (low, every) in [(-8, 1), (-12, 2), (-16, 2), (-20, 3), (-24, 3), (-40, 5), (-300, 50)] {
            let decades = low...0
            #expect(SVGRenderer.labelledEvery(decades) == every, "\(decades)")
            let labels = decadeLabels(SVGRenderer().render(logFigure([[1, pow(10, Double(low))]])))
            #expect(labels.count >= 3 && labels.count <= 9, "\(decades): \(labels.map(\.label))")
            #expect(labels.first?.label == "10⁰" && labels.contains { $0.label == SVGRenderer.powerOfTen(-every) })
            if every > 1 { #expect(!labels.contains { $0.label == "10⁻¹" }, "\(decades)") }
            // Labels at least 16 px apart: they do not collide.
            #expect(zip(labels, labels.dropFirst()).allSatisfy { $1.y - $0.y >= 16 }, "\(decades)")
        }
    }

    @Test func aValueWithNoPlaceOnALogAxisLeavesAGap() {
        // 0 and nan split the line into three pieces, in one path; no coordinate for them.
        let svg = SVGRenderer().render(logFigure([[1, 0.1, 0, 0.01, 0.001, .nan, 1e-4, 1e-5]]))
        #expect(svgProblems(svg).isEmpty, "\(svgProblems(svg))")
        let path = svg.components(separatedBy: "<path d=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(path.count == 1 && path.first?.filter { $0 == "M" }.count == 3, "\(path)")
        #expect(pathNumbers(svg).count == 2 * 6 && pathNumbers(svg).allSatisfy { $0.isFinite })
        #expect(svg.components(separatedBy: "<circle").count - 1 == 6)
        // A point alone between gaps is a dot, on a long axis too, where points are not dotted.
        let long = (0..<40).map { $0 == 20 ? 0.5 : $0 == 19 || $0 == 21 ? -1 : Double.infinity }
        let alone = SVGRenderer().render(logFigure([long]))
        #expect(!alone.contains("<path") && alone.components(separatedBy: "<circle").count - 1 == 1)
        #expect(svgProblems(alone).isEmpty)
        // A series of one step is a dot, as on a linear axis.
        let one = SVGRenderer().render(logFigure([[0.02], [0]]))
        #expect(!one.contains("<path") && one.components(separatedBy: "<circle").count - 1 == 1 && svgProblems(one).isEmpty)
    }

    @Test func extremeValuesOnALogAxisDrawFiniteCoordinates() {
        let n = Self.odd.count
        let series: [[Double]] = [[1e-300, 1e300, 1e-300], [.leastNonzeroMagnitude, .greatestFiniteMagnitude], Self.odd, Self.odd.reversed(),
                                  Array(repeating: 0, count: n), Array(repeating: -1, count: n), Array(repeating: .nan, count: n),
                                  Array(repeating: .leastNonzeroMagnitude, count: n), Array(repeating: .greatestFiniteMagnitude, count: n)]
        #expect(SVGRenderer.decades(series.flatMap { $0 }, range: nil) == -324...309)
        for range: ClosedRange<Double>? in [nil, 1e-8...1, 0...1, -1...1, .leastNonzeroMagnitude...Double.greatestFiniteMagnitude] {
            for steps in [n, 1, 300] {
                for drawn in [series, [series[4]], [series[6]], [series[0]]] {
                    let svg = SVGRenderer().render(logFigure(drawn.map { Array($0.prefix(steps)) }, steps: steps, range: range))
                    let where_ = "\(String(describing: range)) \(steps) steps \(drawn.count) series"
                    #expect(svgProblems(svg).isEmpty, "\(where_): \(svgProblems(svg))")
                    #expect(pathNumbers(svg).allSatisfy { $0.isFinite && abs($0) < 1e4 }, "\(where_)")
                    #expect((1...9).contains(decadeLabels(svg).count), "\(where_)")
                }
            }
        }
        // All zeros: an empty panel on one decade, 10⁰ … 10¹.
        let zeros = SVGRenderer().render(logFigure([[0, 0, 0]]))
        #expect(decadeLabels(zeros).map(\.label) == ["10¹", "10⁰"] && !zeros.contains("<path") && !zeros.contains("<circle"))
    }

    @Test func linearPanelsAreDrawnAsBefore() {
        let values: [[Double]] = [[1, 0.3, 0.05, 0.004, 2e-4, 1e-5], [0.2, 0, .nan, 0.5, 1, 0.1]]
        let steps = (1...6).map(String.init)
        func figure(_ second: LineScale) -> String {
            SVGRenderer().render(.lines(title: "T", steps: steps, panels: [LinePanel(title: "a", series: values, range: 0...1),
                                                                            LinePanel(title: "b", series: values, range: 0...1, scale: second)]))
        }
        let linear = figure(.linear)
        #expect(LinePanel(title: "a", series: values, range: nil).scale == .linear)
        #expect(!linear.contains("10⁰") && !linear.contains("log scale") && !linear.contains("<path") && linear.contains(">0.50</text>"))
        // A linear panel beside a log one is drawn the same as beside a linear one.
        let beside = figure(.logarithmic)
        let firstPanel = { (svg: String) in svg.components(separatedBy: ">b").first ?? "" }
        #expect(firstPanel(beside) == firstPanel(linear) && firstPanel(linear).contains("<polyline"))
        #expect(beside.contains(">b (log scale)</text>") && beside.contains("10⁰"))
    }

    @Test func aCappedLogPanelStaysLogarithmic() {
        let figure = logFigure([(0..<500).map { pow(0.9, Double($0)) }])
        guard case .lines(_, let steps, let panels) = figure.capped().figure else { Issue.record("not lines"); return }
        #expect(steps.count == FigureLimits.standard.steps && panels.map(\.scale) == [.logarithmic])
        #expect(panels.first?.series.first?.count == FigureLimits.standard.steps)
    }

    // MARK: Limits

    @Test func aLargeHeatmapDrawsItsFirstRowsAndColumnsAndSaysSo() {
        let m = Matrix(rows: 10_000, cols: 500, entries: (0..<5_000_000).map { Double($0 % 7) - 3 })
        let figure = Figure.heatmaps(title: "Large", panels: [panel(m), panel(m, "q")], scale: .diverging, shared: false)
        let svg = SVGRenderer().render(figure)
        let limits = FigureLimits.standard
        #expect(svg.utf8.count < 2_000_000, "\(svg.utf8.count) bytes")
        #expect(svg.components(separatedBy: "<rect").count - 1 <= 2 * (limits.rows * limits.columns + 1) + 1)
        // Every other row and column labelled at this size: 63 the last.
        #expect(svg.contains(">r63<") && !svg.contains(">r65<") && svg.contains(">c63<") && !svg.contains(">c65<"))
        let note = "Only rows 1–64 of 10,000 and columns 1–64 of 500 are drawn."
        #expect(svg.contains(">\(note)</text>"))
        #expect(svgProblems(svg).isEmpty)
        // The Markdown says it too, beside the link and on stdout.
        let trace = Trace(lesson: "x", title: "X", example: "default")
        trace.figure(figure, description: "A picture.")
        let linked = MarkdownRenderer(command: "lesson x", figureLinks: .init(folder: "", stem: "x")).render(trace)
        #expect(linked.contains("![Large. A picture. \(note)](x-figure1.svg)"))
        #expect(MarkdownRenderer(command: "lesson x").render(trace).contains("A picture. \(note)"))
    }

    @Test func longLinesManyUnitsAndManyPanelsAreCut() {
        let steps = 10_000
        let panels = (1...17).map { p in
            LinePanel(title: "panel \(p)", series: (0..<20).map { u in (0..<steps).map { Double(($0 + u * p) % 13) / 13 } }, range: 0...1)
        }
        let svg = SVGRenderer().render(.lines(title: "Long", steps: (1...steps).map(String.init), panels: panels))
        let limits = FigureLimits.standard
        let polylines = svg.components(separatedBy: "<polyline points=\"").dropFirst()
        #expect(polylines.count == limits.panels * limits.units)
        #expect(polylines.allSatisfy { $0.prefix { $0 != "\"" }.split(separator: " ").count == limits.steps })
        #expect(svg.contains(">panel 8<") && !svg.contains(">panel 9<") && svg.contains(">panel 17<"))
        for note in ["Only steps 1–200 of 10,000 are drawn.", "Only units 1–8 of 20 are drawn.",
                     "The 8 panels from “panel 9” to “panel 16” are not drawn."] {
            #expect(svg.contains(">\(note)</text>"), "\(note)")
        }
        #expect(svg.utf8.count < 500_000 && svgProblems(svg).isEmpty)
    }

    @Test func twoRowsOfCellsMeetAtEachPosition() {
        let (forward, reverse) = ([[0.5, -0.25], [0.75, 1]], [[-1, 0], [0.25, .nan]])
        let figure = Figure.directions(Directions(title: "Both ways", positions: ["1 · a", "2 · b"], forward: forward, reverse: reverse,
                                                  rowNames: ["output", "forward →", "reverse ←", "input"]))
        let svg = SVGRenderer().render(figure)
        // Two cells a position, one arrow a row between the two positions; every value shown, in its
        // cell and again in the output; a value that is not a number grey.
        #expect(svg.components(separatedBy: "rx=\"4\"").count - 1 == 4)
        #expect(svg.components(separatedBy: "marker-end=\"url(#arrow)\"").count - 1 == 2)
        // (±1 and 0 label the colour bar too.)
        for v in ["0.50", "-0.25", "0.75", "1.00", "-1.00", "0.00", "0.25", "nan"] {
            #expect(svg.components(separatedBy: ">\(v)</text>").count - 1 == (["1.00", "-1.00", "0.00"].contains(v) ? 3 : 2), "\(v)")
        }
        #expect(svg.contains("#d9d9d9") && svg.contains(">1 · a</text>") && svg.contains(">reverse ←</text>") && svgProblems(svg).isEmpty)
        #expect(SVGRenderer().render(figure) == svg)
        // A long sequence of wide states: its first positions and units, and the words say so.
        let long = (0..<40).map { t in (0..<12).map { Double(t - $0) / 40 } }
        let cut = SVGRenderer().render(.directions(Directions(title: "Long", positions: (1...40).map(String.init), forward: long, reverse: long,
                                                              rowNames: ["o", "f", "r", "x"])))
        let limits = FigureLimits.standard
        #expect(cut.components(separatedBy: "rx=\"4\"").count - 1 == 2 * limits.cells)
        #expect(cut.contains(">Only steps 1–16 of 40 are drawn.</text>") && cut.contains(">Only units 1–8 of 12 are drawn.</text>"))
        #expect(!cut.contains(">17</text>") && svgProblems(cut).isEmpty)
    }

    @Test func manyHeadsSayWhichAreNotDrawn() throws {
        let e = 16
        func rows(_ n: Int, _ m: Int, _ k: Int) -> JSON { .rows((0..<n).map { r in (0..<m).map { c in Double((r * k + c * 3) % 7 - 3) / 4 } }) }
        let input = JSON.fields(["query": rows(3, e, 5), "num_heads": .number(16), "in_proj_weight": rows(3 * e, e, 11), "out_proj.weight": rows(e, e, 2)])
        let trace = try MultiHeadAttention.trace(input, file: "x", example: nil)
        let renderer = MarkdownRenderer(command: "lesson multi-head-attention", figureLinks: .init(folder: "", stem: "m"))
        let svg = try #require(renderer.figureFiles(trace).first).svg
        #expect(svg.contains(">head 8<") && !svg.contains(">head 9<") && !svg.contains(">head 16<") && svg.contains(">average<"))
        // The title says so, in the SVG and in the Markdown's alternative text.
        let title = "Attention weights of heads 1 to 8 of 16, and the average of all 16"
        #expect(svg.contains("<title>\(title)</title>"))
        #expect(renderer.render(trace).contains("![\(title). One heatmap per head (the first 8)"))
    }
}

/// What is wrong with an SVG as a file: not well-formed XML, or a number in an attribute or a
/// text that is not finite or is long (a 309-digit label); empty when nothing is. A cell may say
/// "nan" (its value), nothing else may.
func svgProblems(_ svg: String) -> [String] {
    final class Collector: NSObject, XMLParserDelegate {
        var problems: [String] = []
        func check(_ text: String, attribute: Bool) {
            let words = text.lowercased().split { !$0.isLetter }
            if text != "nan" || attribute, words.contains(where: { ["nan", "inf", "infinity"].contains($0) }) { problems.append("not a number: \(text)") }
            var digits = 0
            for c in text {
                digits = c.isASCII && c.isNumber ? digits + 1 : 0
                if digits > 10 { problems.append("long number: \(text.prefix(40))…"); break }
            }
            if attribute, let x = Double(text), !(x.isFinite && abs(x) < 1e7) { problems.append("coordinate \(text)") }
        }
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            for value in attributes.values { check(value, attribute: true) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { check(string, attribute: false) }
    }
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = Collector()
    parser.delegate = collector
    let wellFormed = parser.parse()
    return (wellFormed ? [] : ["not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")"]) + collector.problems
}
