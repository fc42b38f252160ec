// Large inputs stay readable and complete: bounded Markdown, every value in the JSON, and cost
// that grows linearly with the number of values recorded.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct LargeInputTests {
    func matrix(_ rows: Int, _ cols: Int, seed: Int) -> JSON {
        .rows((0..<rows).map { r in (0..<cols).map { c in Double((r * 31 + c * 17 + seed) % 200 - 100) / 100 } })
    }

    func lstm(steps: Int) -> JSON {
        .fields(["input": matrix(steps, 8, seed: 1), "weight_ih_l0": matrix(128, 8, seed: 2), "weight_hh_l0": matrix(128, 32, seed: 3)])
    }

    @Test func aThousandStepLSTMStaysReadable() throws {
        let trace = try LSTMGates.trace(lstm(steps: 1000), file: "big.json", example: nil)
        let markdown = MarkdownRenderer(command: "lesson lstm-gates --input big.json").render(trace)
        #expect(markdown.utf8.count < 600_000)
        #expect(markdown.contains("Steps 3 to 999 repeat the same computation"))
        let json = try JSON.parse(Array(JSONTraceRenderer.render(trace).utf8))
        guard case .array(let values)? = json["values"] else { Issue.record("no values"); return }
        #expect(values.count == 7 * 1000)
    }

    @Test func attentionOver256TokensStaysReadable() throws {
        let input: JSON = .fields(["x": matrix(256, 64, seed: 4), "w_q": matrix(64, 64, seed: 5), "w_k": matrix(64, 64, seed: 6),
                                   "w_v": matrix(64, 64, seed: 7)])
        let trace = try AttentionQKV.trace(input, file: "big.json", example: nil)
        let markdown = MarkdownRenderer(command: "lesson attention-qkv --input big.json").render(trace)
        #expect(markdown.utf8.count < 600_000)
        let json = try JSON.parse(Array(JSONTraceRenderer.render(trace).utf8))
        guard case .array(let values)? = json["values"], let weights = values.first(where: { $0["name"] == .string("weights") }) else {
            Issue.record("no weights"); return
        }
        #expect(numbers(weights["value"] ?? .null).count == 256 * 256)
    }

    @Test func costGrowsLinearly() throws {
        func seconds(_ steps: Int) throws -> Double {
            let start = Date()
            let trace = try LSTMGates.trace(lstm(steps: steps), file: "x", example: nil)
            _ = JSONTraceRenderer.render(trace)
            _ = MarkdownRenderer(command: "lesson").render(trace)
            return Date().timeIntervalSince(start)
        }
        _ = try seconds(50)  // warm up
        let (small, large) = (try seconds(200), try seconds(800))
        // Four times the values: linear cost is about 4×; quadratic would be about 16×.
        #expect(large / small < 9, "200 steps: \(small) s, 800 steps: \(large) s")
    }
}
