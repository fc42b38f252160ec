// The Markdown trace stays readable when the input is large: long sequences show their first and
// last steps, long sums their first and last terms, wide tables their corners.

import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct MarkdownTests {
    /// An RNN input with `steps` time steps, `inputSize` inputs and `hidden` units.
    func rnnInput(steps: Int, inputSize: Int, hidden: Int) -> JSON {
        func entry(_ r: Int, _ c: Int) -> Double { Double((r * 7 + c * 3) % 11 - 5) / 10 }
        func rows(_ n: Int, _ m: Int) -> JSON { .rows((0..<n).map { r in (0..<m).map { c in entry(r, c) } }) }
        return .fields(["input": rows(steps, inputSize), "weight_ih_l0": rows(hidden, inputSize), "weight_hh_l0": rows(hidden, hidden)])
    }

    func markdown(_ json: JSON) throws -> String {
        MarkdownRenderer(command: "lesson rnn-unroll").render(try RNNUnroll.trace(json, file: "big.json", example: nil))
    }

    @Test func shortSequencesShowEveryStep() throws {
        let text = try markdown(rnnInput(steps: 6, inputSize: 2, hidden: 2))
        for t in 1...6 { #expect(text.contains("#### `h[\(t)]` · hidden state")) }
        #expect(!text.contains("repeat the same computation"))
    }

    @Test func longSequencesShowTheirFirstAndLastSteps() throws {
        let text = try markdown(rnnInput(steps: 10, inputSize: 2, hidden: 2))
        #expect(text.contains("#### `h[1]`") && text.contains("#### `h[2]`") && text.contains("#### `h[10]`"))
        #expect(!text.contains("#### `h[3]`") && !text.contains("#### `a[9]`"))
        #expect(text.contains("### t = 3 … 9"))
        #expect(text.contains("Steps 3 to 9 repeat the same computation"))
        #expect(text.contains("`lesson rnn-unroll --format json` has every value"))
        // The summary keeps all ten rows (no more than twelve) and the last one.
        #expect(text.contains("| 10 | "))
    }

    @Test func longSumsAndWideTablesAreCut() throws {
        let text = try markdown(rnnInput(steps: 30, inputSize: 20, hidden: 20))
        #expect(text.contains(" + ⋯ + "))
        #expect(text.contains("| ⋯ | ⋯ | ⋯ |"))
        #expect(text.contains("\\cdots"))
        #expect(!text.contains("| 15 | "), "summary rows between the first and last are cut")
        #expect(text.contains("| 30 | "))
        #expect(text.utf8.count < 60_000)
    }
}
