// Large inputs stay readable and complete: bounded Markdown, every value in the JSON, and cost
// that grows linearly with the number of values recorded, counted rather than timed.

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

    /// What a trace costs to build and render, counted (no clock): the operations the renderers
    /// walk below each recorded value, down to the values shown by their symbol (inputs, recorded
    /// values, slices of them); the entries those operations hold; the numbers the JSON trace
    /// lists; and the bytes of the JSON and the Markdown.
    struct Cost: Equatable, CustomStringConvertible {
        var operations = 0
        var entries = 0
        var jsonNumbers = 0
        var jsonBytes = 0
        var markdownBytes = 0

        var description: String {
            "\(operations) operations, \(entries) entries, \(jsonNumbers) JSON numbers, \(jsonBytes) B JSON, \(markdownBytes) B Markdown"
        }

        static func - (a: Cost, b: Cost) -> Cost {
            Cost(operations: a.operations - b.operations, entries: a.entries - b.entries, jsonNumbers: a.jsonNumbers - b.jsonNumbers,
                 jsonBytes: a.jsonBytes - b.jsonBytes, markdownBytes: a.markdownBytes - b.markdownBytes)
        }
    }

    func cost(steps: Int) throws -> Cost {
        let trace = try LSTMGates.trace(lstm(steps: steps), file: "x", example: nil)
        var cost = Cost()
        // An operation that reached back through earlier steps instead of using their recorded
        // values would make this walk grow with the step count (or explode): it stops at a budget.
        let budget = 10_000_000
        func walk(_ traced: Traced) {
            guard cost.operations < budget else { return }
            cost.operations += 1
            cost.entries += traced.value.count
            // A leaf is shown by its symbol; below it is only what it was taken from (a slice's whole input).
            guard traced.leaf == nil else { return }
            for operand in traced.operation.operands { walk(operand) }
        }
        for step in trace.steps { if let computed = step.computed { walk(computed) } }
        let json = JSONTraceRenderer.render(trace)
        cost.jsonBytes = json.utf8.count
        guard case .array(let values)? = try JSON.parse(Array(json.utf8))["values"] else { Issue.record("no values"); return cost }
        cost.jsonNumbers = values.map { numbers($0["value"] ?? .null).count }.reduce(0, +)
        cost.markdownBytes = MarkdownRenderer(command: "lesson").render(trace).utf8.count
        return cost
    }

    @Test func costGrowsLinearly() throws {
        let (c100, c200, c400) = (try cost(steps: 100), try cost(steps: 200), try cost(steps: 400))
        let all = "\(c100); \(c200); \(c400)"
        // Every step after the first does the same work, so the cost counted in operations and
        // entries is a + b·steps exactly: the last 200 steps cost twice the 100 before them.
        // Quadratic cost would make them cost about 6 times as much, and exactly twice fails too.
        let (early, late) = (c200 - c100, c400 - c200)
        #expect(early.operations > 0 && late.operations == 2 * early.operations, "\(all)")
        #expect(early.entries > 0 && late.entries == 2 * early.entries, "\(all)")
        // A step's operations stay few: they use the recorded values, not reach back through them.
        #expect(early.operations / 100 <= 35, "\(early.operations / 100) operations per step")
        // Each LSTM step records a (4H = 128 numbers) and i, f, g, o, c, h (H = 32 each).
        #expect([c100, c200, c400].map(\.jsonNumbers) == [320 * 100, 320 * 200, 320 * 400])
        // The JSON holds every value: its bytes vary only with the numbers' digits and signs.
        #expect(early.jsonBytes > 0 && abs(Double(late.jsonBytes) / Double(2 * early.jsonBytes) - 1) < 0.05, "\(all)")
        // The Markdown shows the first and last steps in full and summarizes the rest: its size does
        // not grow with the steps (it differs only in the digits of the last steps' numbers).
        #expect(abs(Double(c400.markdownBytes) / Double(c100.markdownBytes) - 1) < 0.02, "\(all)")
    }
}
