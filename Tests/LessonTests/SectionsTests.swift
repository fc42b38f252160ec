// What a lesson repeats is named as what it is: a long run of heads is shortened as heads (never
// as time steps), every head is accounted for, and what follows the run is shown again.

import Testing
@testable import JSONFormat
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct SectionsTests {
    /// Multi-head attention with E = heads, one column per head, deterministic weights.
    func manyHeads(_ heads: Int) throws -> (markdown: String, trace: Trace) {
        func rows(_ r: Int, _ c: Int, _ seed: Double) -> JSON {
            var entries: [[Double]] = []
            for i in 0..<r {
                var row: [Double] = []
                for j in 0..<c {
                    let x: Double = Double(i * c + j) * 0.37 + seed
                    row.append(x.truncatingRemainder(dividingBy: 2) - 1)
                }
                entries.append(row)
            }
            return .rows(entries)
        }
        let input = JSON.fields([
            "query": rows(3, heads, 0.1), "num_heads": .number(Double(heads)),
            "in_proj_weight": rows(3 * heads, heads, 0.5), "out_proj.weight": rows(heads, heads, 0.9),
        ])
        let trace = try MultiHeadAttention.trace(input, file: "h.json", example: nil)
        return (MarkdownRenderer(command: "lesson multi-head-attention --input h.json").render(trace), trace)
    }

    @Test func eightHeadsAreAllAccountedFor() throws {
        let (md, trace) = try manyHeads(8)
        #expect(md.contains("### Head 1: column 1") && md.contains("### Head 2: column 2") && md.contains("### Head 8: column 8"))
        #expect(md.contains("### Heads 3 … 7"))
        #expect(md.contains("Heads 3 to 7 repeat the same computation on their own columns"))
        #expect(md.contains("columns 3–7 of the concatenation $C$"))
        #expect(!md.contains("t = 3") && !md.contains("time step"), "heads are not time steps")
        let head3 = try #require(trace["head[3].scores"])
        #expect(!md.contains("#### $\(head3.symbol)$"), "heads 3 to 7 are not written out")
        // What comes after the heads is shown again.
        let head8 = try #require(md.range(of: "### Head 8"))
        let concatenate = try #require(md.range(of: "### Concatenate and project"))
        #expect(head8.lowerBound < concatenate.lowerBound)
        for name in ["concat", "output", "weights"] {
            let step = try #require(trace[name])
            #expect(md.contains("#### $\(step.symbol)$ ·"), "\(name) is shown")
        }
        #expect(md.contains("The numbers of heads 1, 2 and 8 and of the average are in the tables above, the largest weights of heads 3 to 7 with $\\bar A$."))
        #expect(md.contains("The heads not written out weigh most: in head 3, "))
        // The JSON trace keeps every head.
        #expect((1...8).allSatisfy { trace["head[\($0)].weights"] != nil })
    }

    @Test func fewHeadsAreAllWrittenOut() throws {
        let (md, _) = try manyHeads(4)
        #expect((1...4).allSatisfy { md.contains("### Head \($0): column \($0)") })
        #expect(!md.contains("### Heads"))
        #expect(!md.contains("The numbers of heads"), "every head has its tables")
    }

    @Test func twelveHeadsNameTheFiguresLimit() throws {
        let (md, trace) = try manyHeads(12)
        #expect(md.contains("### Heads 3 … 11"))
        #expect(md.contains("(the first 8)"))
        #expect(md.contains("; in head 8, ") && !md.contains("; in head 9, ") && md.contains("heads 9 to 11 enter only the average"))
        guard case .heatmaps(_, let panels, _, _)? = trace.figures.first else { Issue.record("no heatmaps"); return }
        #expect(panels.count == 9, "8 heads and the average")
    }

    @Test func longSequencesAreShortenedAsTimeSteps() throws {
        var input = LSTMGates.examples[0].input
        let steps = (0..<9).map { t in [t % 3 == 0 ? 1.0 : 0, t % 3 == 1 ? 1.0 : 0, t % 3 == 2 ? 1.0 : 0] }
        input = try #require(input.setting("input", .rows(steps))?.setting("tokens", .strings((1...9).map { "w\($0)" })))
        let md = MarkdownRenderer(command: "lesson lstm-gates").render(try LSTMGates.trace(input, file: "x", example: nil))
        #expect(md.contains("### t = 3 … 8"))
        #expect(md.contains("Steps 3 to 8 repeat the same computation on the next inputs"))
        #expect(md.contains("### t = 9 · “w9”") && !md.contains("### t = 4"))
    }
}
