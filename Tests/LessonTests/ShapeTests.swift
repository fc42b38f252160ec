// Arrays of more than two axes (B × T × D): computed as a matrix over the leading axes, carrying
// their shape into the JSON trace (nested), claims (one index per axis), gradients, the gradient
// check, the Markdown tables and the input reader.

import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct ShapeTests {
    /// A 2 × 2 × 3 input X (entries 1 … 12, stored 4 × 3), Y = X + X, and, with the backward pass, X.grad.
    func doubled(backward: Bool = false) -> Trace {
        let tr = Trace(lesson: "shape", title: "Shape", example: "test")
        let shape = Labels(shape: [2, 2, 3])
        let x = tr.input("input", "X", .matrix(Matrix(rows: 4, cols: 3, entries: (1...12).map(Double.init))),
                         Caption(title: "input", meaning: ""), labels: shape)
        let y = tr.record("output", "Y", x + x, Caption(title: "output", meaning: ""), labels: shape)
        if backward {
            let back = Backprop(tr, differentiable: [x])
            back.seed(y, tr.input("grad_output", "G", .matrix(Matrix(rows: 4, cols: 3, entries: (1...12).map { Double($0) / 10 })),
                                  Caption(title: "G", meaning: ""), labels: shape))
            back.record(y, Caption(title: "", meaning: ""))
            back.record(x, Caption(title: "", meaning: ""))
            back.finish()
        }
        return tr
    }

    @Test func indicesAreRowMajorOverEveryAxis() {
        #expect(indices(of: 8, in: [2, 2, 3]) == [2, 1, 3])
        #expect(entryIndex([2, 1, 3], in: [2, 2, 3]) == 8)
        #expect((0..<24).allSatisfy { entryIndex(indices(of: $0, in: [2, 3, 2, 2]), in: [2, 3, 2, 2]) == $0 })
        #expect(indices(of: 5, in: [2, 3]) == [2, 3] && indices(of: 4, in: [7]) == [5])
        // B × T × D as (B·T) × D; E × C × P × P as E × (C·P·P) or (E·C·P) × P.
        #expect(rowAxes(of: [2, 2, 3], rows: 4) == 2)
        #expect(rowAxes(of: [4, 3, 2, 2], rows: 4) == 1 && rowAxes(of: [4, 3, 2, 2], rows: 24) == 3)
    }

    @Test func theJSONTraceNestsTheValueAndGivesItsShape() throws {
        let json = try JSON.parse(Array(JSONTraceRenderer.render(doubled(backward: true)).utf8))
        guard case .array(let values)? = json["values"] else { Issue.record("no values"); return }
        #expect(values.count == 3)
        for value in values {
            #expect(value["shape"] == .array([2, 2, 3].map { .number(Double($0)) }))
        }
        let output = try #require(values.first)
        let expected: [[[Double]]] = [[[2, 4, 6], [8, 10, 12]], [[14, 16, 18], [20, 22, 24]]]
        #expect(output["value"] == .array(expected.map { .array($0.map { .array($0.map { .number($0) }) }) }))
        // X.grad = 2G, shaped as X.
        let grad = try #require(values.last)
        #expect(grad["name"] == .string("input.grad"))
        guard case .array(let matrices)? = grad["value"], case .array(let rows) = matrices[1], case .array(let last) = rows[1],
              case .number(let x, _) = last[2] else { Issue.record("input.grad is not 2 × 2 × 3"); return }
        #expect(matrices.count == 2 && rows.count == 2 && last.count == 3 && abs(x - 2.4) < 1e-12)
    }

    @Test func claimsTakeOneIndexPerAxis() throws {
        let tr = doubled()
        let set = try ClaimSet(try JSON.parse(Array(#"{"claims": [{"value": "output", "at": [2, 1, 3], "expected": 18}, {"value": "output", "at": [1, 2, 1], "expected": 9}]}"#.utf8)), file: "c.json")
        try tr.check(set, file: "c.json")
        let verdicts = try #require(tr.claims?.verdicts)
        #expect(verdicts.map(\.index) == [8, 3])
        #expect(verdicts.map(\.holds) == [true, false])
        for at in ["[3, 1, 1]", "[1, 1]", "[1, 1, 1, 1]", "[1, 4, 1]"] {
            let bad = try ClaimSet(try JSON.parse(Array(#"{"claims": [{"value": "output", "at": \#(at), "expected": 1}]}"#.utf8)), file: "c.json")
            #expect(throws: LessonError(.data, #"c.json: claims[1]: output has shape [2, 2, 3], so the claim needs "at" within 1…2 × 1…2 × 1…3"#)) {
                try tr.check(bad, file: "c.json")
            }
        }
    }

    @Test func theMarkdownNamesTheLeadingIndicesOfEachRow() {
        let markdown = MarkdownRenderer(command: "lesson shape").render(doubled(backward: true))
        #expect(markdown.contains("$X$, 2 × 2 × 3"))
        // The input's table: rows (b, t), columns d.
        #expect(markdown.contains("| 2, 1 | 7 | 8 | 9 |"))
        // Each entry written out with all three indices.
        #expect(markdown.contains("- (2, 2, 3): "))
        #expect(!markdown.contains("- (3, 3): "))
    }

    @Test func theGradientCheckNudgesAnEntryOfANestedArray() throws {
        let json = try JSON.parse(Array(#"{"input": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}"#.utf8))
        let nudged = try #require(json.nudging("input", at: 6, by: 0.5))
        #expect(nudged["input"] == (try JSON.parse(Array("[[[1, 2], [3, 4]], [[5, 6], [7.5, 8]]]".utf8))))
        #expect(json.nudging("input", at: 8, by: 0.5) == nil)
    }

    func read(_ text: String, axes: Int = 3, rowAxes: Int? = nil) throws -> (shape: [Int], matrix: Matrix)? {
        var reader = try InputReader(try JSON.parse(Array(text.utf8)), file: "t.json")
        return try reader.tensor("input", "the sequences, B × T × D", axes: axes, rowAxes: rowAxes)
    }

    @Test func theReaderGivesTheShapeAndTheMatrix() throws {
        let read3 = try #require(try read(#"{"input": [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]}"#))
        #expect(read3.shape == [2, 2, 3])
        #expect(read3.matrix == Matrix(rows: 4, cols: 3, entries: (1...12).map(Double.init)))
        let read4 = try #require(try read(#"{"input": [[[[1, 2], [3, 4]]], [[[5, 6], [7, 8]]]]}"#, axes: 4, rowAxes: 1))
        #expect(read4.shape == [2, 1, 2, 2] && read4.matrix.rows == 2 && read4.matrix.cols == 4)
        #expect(try read(#"{"other": 1}"#) == nil)
    }

    @Test func theReaderRefusesWhatIsNotAnArrayOfMatrices() {
        let cases: [(String, String)] = [
            (#"[[[1, 2], [3, 4]], [[5, 6], [7, 8], [9, 10]]]"#,
             "input must be the sequences, B × T × D, every array as long as the first of its level: input[2] has 3 rows, input[1] has 2"),
            (#"[[[1, 2], [3, 4]], [[5, 6], [7]]]"#,
             "input must be the sequences, B × T × D, every array as long as the first of its level: input[2][2] has 1 number, input[1][1] has 2"),
            (#"[[1, 2], [3, 4]]"#,
             "input must be the sequences, B × T × D, 3 levels of arrays: input[1][1] is a number, where a row of numbers belongs"),
            (#"[[[1, 2]], 3]"#,
             "input must be the sequences, B × T × D, 3 levels of arrays: input[2] is a number, where a matrix belongs"),
            (#"[[[1, [2]]]]"#,
             "input[1][1][2] must be a number, got an array (input has 3 levels: the sequences, B × T × D)"),
            (#"[[[1, "2"]]]"#,
             "input[1][1][2] must be a number, got a string (input has 3 levels: the sequences, B × T × D)"),
            (#"[]"#, "input must be the sequences, B × T × D: a non-empty array of matrices, got an empty array"),
            (#"[[[]]]"#, "input[1][1] is empty; input must be the sequences, B × T × D, with no empty array"),
        ]
        for (given, message) in cases {
            #expect(throws: LessonError(.data, "t.json: " + message)) { try read(#"{"input": \#(given)}"#) }
        }
    }
}
