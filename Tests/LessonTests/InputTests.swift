// Typed inputs read as the SPEC describes them: positional-encoding's `positions` as a count n
// (positions 0 … n−1) or as a list, with an error naming the field for anything else.

import Testing
@testable import JSONFormat
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct InputTests {
    func trace(_ positions: JSON) throws -> Trace {
        try PositionalEncoding.trace(.fields(["positions": positions, "d_model": .number(4)]), file: "pe.json", example: nil)
    }

    @Test func positionsAsACountAreTheFirstNPositions() throws {
        let counted = try trace(.number(3))
        let listed = try trace(.numbers([0, 1, 2]))
        #expect(counted["PE"]?.value == listed["PE"]?.value)
        #expect(counted["PE"]?.value.shape == [3, 4])
    }

    @Test(arguments: [(JSON.number(0), "positions must be at least 1 when it is a count, got 0"),
                      (JSON.number(2.5), "positions must be a whole number"),
                      (JSON.number(20_000), "the number of positions is 20000, more than the limit of 10000"),
                      (JSON.string("x"), "positions must be the count n of positions")])
    func badPositionsNameTheField(_ positions: JSON, _ message: String) {
        do {
            _ = try trace(positions)
            Issue.record("\(positions) was accepted")
        } catch let error as LessonError {
            #expect(error.code == .data)
            #expect(error.message.hasPrefix("pe.json: " + message), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func theWaveExampleCountsItsPositions() throws {
        let wave = try #require(PositionalEncoding.examples.first { $0.name == "wave" })
        #expect(wave.input["positions"] == .number(50))
        #expect(try PositionalEncoding.trace(wave.input, file: "x", example: wave)["PE"]?.value.shape == [50, 16])
    }
}

@Suite struct ExtremeInputTests {
    /// Values spanning the whole range of Doubles: the figures are still drawn, with finite colours.
    @Test func heatmapsOfTheLargestDoublesAreDrawn() throws {
        let input = JSON.fields(["input": .rows([[1e308, -1e308, 0]])])
        let trace = try LayerNorm.trace(input, file: "huge.json", example: nil)
        let renderer = MarkdownRenderer(command: "lesson layer-norm", figureLinks: .init(folder: "", stem: "n"))
        let svg = try #require(renderer.figureFiles(trace).first?.svg)
        #expect(svg.contains("fill=\"#") && !svg.contains("nan"))
    }

    /// A claim written with an exponent beyond any Int's reach gets a tolerance, not a trap.
    @Test func aClaimWithAnEnormousExponentIsRead() {
        #expect(Claim.defaultTolerance("0.5e-9223372036854775808") == 0)
        #expect(Claim.defaultTolerance("1e9223372036854775807") == .infinity)
    }
}
