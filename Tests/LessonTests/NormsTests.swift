// norms: the four normalizations' sets, their figures, the commentary made from the numbers, the
// JSON shapes, the backward pass and the input's errors. Values against PyTorch: ReferenceTests.

import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct NormsTests {
    let example = Norms.examples[0]

    func trace(_ input: JSON, backward: Bool = false) throws -> Trace {
        try Norms.trace(input, file: "norms.json", example: nil, backward: backward)
    }

    /// The default example with `key` set to `value`.
    func setting(_ key: String, _ value: JSON) -> JSON { example.input.setting(key, value) ?? example.input }

    @Test func eachMeanTakesItsSet() throws {
        let tr = try trace(example.input)
        // Sequence 1: (1 2 3 6; 2 0 4 2; 3 4 2 3), sequence 2: (5 3 1 3; 1 5 3 3; 0 0 0 0).
        let batchSum: Double = 1 + 2 + 3 + 5 + 1 + 0, groupSum: Double = 1 + 2 + 2 + 0 + 3 + 4
        #expect(tr["batch.mean"]?.value.flat.first == batchSum / 6)
        #expect(tr["layer.mean"]?.value.flat == [3, 2, 3, 3, 3, 0])
        #expect(tr["instance.mean"]?.value.flat.prefix(2) == [2, 2])
        #expect(tr["group.mean"]?.value.flat.first == groupSum / 6)
        // Every output has mean 0 over each of its sets.
        for kind in Norms.Kind.allCases {
            let y = try #require(tr["\(kind.rawValue).output"]?.value.flat)
            let g = Norms.grouping(kind, try NormsInput.reading(example.input))
            for members in g.members { #expect(abs(members.reduce(0.0) { $0 + y[$1] }) < 1e-12) }
        }
    }

    @Test func eachFigureHighlightsTheCellsOfOneMean() throws {
        let tr = try trace(example.input)
        let sizes = tr.figures.compactMap { figure -> Int? in
            guard case .blocks(let blocks) = figure else { return nil }
            return blocks.highlighted.filter { $0 }.count
        }
        #expect(sizes == [6, 4, 3, 6])
        let svg = SVGRenderer().render(tr.figures[0])
        #expect(svg.contains("sequence 2") && svg.contains("feature d") && svg.contains("stroke=\"#b35806\""))
    }

    @Test func theSummaryArguesWithTheNumbers() throws {
        let tr = try trace(example.input)
        let markdown = MarkdownRenderer(command: "lesson norms").render(tr)
        let style = NumberStyle(precision: 4)
        // The padded step: batch norm's output of it is not 0, layer norm's is.
        let batchPad = try #require(tr["batch.output"]?.value.flat[5 * 4])
        #expect(markdown.contains("the pad's batch-normed feature 1 is \(style.fixed(batchPad))"))
        #expect(markdown.contains("where the 5 real tokens alone have 2.4000"))
        // Sequence 1 alone in its batch: batch norm's output of token (1, 1) moves, layer norm's does not.
        let alone = try trace(setting("input", .array([.rows([[1, 2, 3, 6], [2, 0, 4, 2], [3, 4, 2, 3]])])).removing("tokens").removing("grad_output"))
        let (with, without) = (try #require(tr["batch.output"]?.value.flat[0]), try #require(alone["batch.output"]?.value.flat[0]))
        #expect(style.fixed(with) != style.fixed(without))
        #expect(markdown.contains("equal to \(style.fixed(with)) in this batch of 2, and \(style.fixed(without)) when sequence 1"))
        #expect(tr["layer.output"]?.value.flat.prefix(4) == alone["layer.output"]?.value.flat.prefix(4))
        // Two equal sequences, no padding: nothing to mix, nothing padded, and the note says so.
        let twins = try trace(setting("input", .array([.rows([[1, 2, 3, 6], [2, 0, 4, 2]]), .rows([[1, 2, 3, 6], [2, 0, 4, 2]])]))
            .removing("tokens").removing("grad_output"))
        let said = MarkdownRenderer(command: "lesson norms").render(twins)
        #expect(said.contains("happen to share its statistics") && !said.contains("is padding"))
        // Alone, a sequence's batch norm is its instance norm.
        #expect(MarkdownRenderer(command: "lesson norms").render(alone).contains("the two outputs agree"))
    }

    @Test func theJSONTraceGivesEachValueItsShape() throws {
        let json = try JSON.parse(Array(JSONTraceRenderer.render(try trace(example.input)).utf8))
        guard case .array(let values)? = json["values"] else { Issue.record("no values"); return }
        func shape(_ name: String) -> JSON? { values.first { $0["name"] == .string(name) }?["shape"] }
        let dims = { (d: [Int]) in JSON.array(d.map { .number(Double($0)) }) }
        #expect(shape("batch.mean") == dims([4]) && shape("layer.mean") == dims([2, 3]))
        #expect(shape("instance.var") == dims([2, 4]) && shape("group.std") == dims([2, 2]))
        #expect(shape("batch.output") == dims([2, 3, 4]))
        let layer = try #require(values.first { $0["name"] == .string("layer.mean") })
        #expect(layer["value"] == (try JSON.parse(Array("[[3, 2, 3], [3, 3, 0]]".utf8))))
    }

    @Test func claimsNameACellByItsThreeIndices() throws {
        let tr = try trace(example.input)
        let claims = try ClaimSet(try JSON.parse(Array(#"{"claims": [{"value": "layer.output", "at": [2, 3, 1], "expected": 0}, {"value": "layer.mean", "at": [1, 2], "expected": 2}]}"#.utf8)), file: "c.json")
        try tr.check(claims, file: "c.json")
        #expect(tr.claims?.verdicts.map(\.holds) == [true, true])
        #expect(tr.claims?.verdicts.map(\.index) == [20, 1])
    }

    @Test func theBackwardPassChecksOut() throws {
        let tr = try Norms.run(example.input, file: "norms.json", example: example, claims: nil, backward: true)
        #expect(tr.backwardProblems.isEmpty)
        let check = try #require(tr.gradientChecks.first)
        #expect(check.relativeDifference < 1e-6)
        // G all ones: every output sums to 0 over its sets, so the loss is constant and the note says so.
        let ones = try Norms.run(example.input.removing("grad_output"), file: "norms.json", example: nil, claims: nil, backward: true)
        let largest = try #require(ones["input.grad"]?.value.flat.map(abs).max())
        #expect(largest < 1e-12)
        #expect(MarkdownRenderer(command: "lesson norms").render(ones).contains("every gradient is 0 but for rounding"))
    }

    @Test func thePaddedSentenceAloneShowsInstanceAndGroupNormDependOnTheBatch() throws {
        let tr = try trace(example.input)
        let markdown = MarkdownRenderer(command: "lesson norms").render(tr)
        let style = NumberStyle(precision: 4)
        // “dogs ran” without its pad: T = 2. Instance and group norm of “dogs” move, layer norm's does not.
        let alone = try trace(setting("input", .array([.rows([[5, 3, 1, 3], [1, 5, 3, 3]])])).removing("tokens").removing("grad_output"))
        let dogs = 3 * 4
        for kind in ["instance", "group"] {
            let (with, without) = (try #require(tr["\(kind).output"]?.value.flat[dogs]), try #require(alone["\(kind).output"]?.value.flat[0]))
            #expect(style.fixed(with) != style.fixed(without))
            #expect(markdown.contains("\(style.fixed(without)) alone and \(style.fixed(with)) in this batch under \(kind) norm"))
        }
        let layer = try #require(alone["layer.output"]?.value.flat[0])
        #expect(style.fixed(layer) == style.fixed(try #require(tr["layer.output"]?.value.flat[dogs])))
        #expect(markdown.contains("under layer norm it is \(style.fixed(layer)) in both"))
        #expect(!markdown.contains("instance and group norm too, never look beyond"))
        // The pad's layer norm: s = √ε, and 1/√ε the factor the caption names.
        #expect(markdown.contains("multiplies by \(String(format: "%.0f", 1 / (1e-5).squareRoot()))"))
        // The number of groups is N_g: G is the loss's gradient, and the forward note has no G.
        #expect(markdown.contains("$N_{g} = 2$") && !markdown.contains("$G$"))
    }

    @Test func batchNormCarriesALossOnOneSentenceIntoTheOther() throws {
        let tr = try Norms.run(example.input, file: "norms.json", example: example, claims: nil, backward: true)
        let markdown = MarkdownRenderer(command: "lesson norms").render(tr)
        let style = NumberStyle(precision: 4)
        let p = try NormsInput.reading(example.input)
        let dx = try #require(tr["input.grad"]?.value.flat)
        // G is 0 in sequence 2 (rows 4–6): what reaches it is batch norm's share, ∂L/∂x̃ + ∂L/∂μ/6.
        let centered = try #require(tr["batch.centered.grad"]?.value.flat), mean = try #require(tr["batch.mean.grad"]?.value.flat)
        for i in 12..<24 { #expect(abs(dx[i] - (centered[i] + mean[i % 4] / 6)) < 1e-12) }
        #expect(dx[12..<24].contains { abs($0) > 1e-3 })
        #expect(markdown.contains("reaches sequence 2 too: feature 1 of “dogs” (step 1 of sequence 2) \(style.fixed(dx[12]))"))
        // L itself, from the outputs and G.
        let g = try #require(p.gradOutput?.entries)
        let loss = try ["batch", "layer", "instance", "group"].reduce(0.0) { total, kind in
            try #require(tr["\(kind).output"]?.value.flat).enumerated().reduce(total) { $0 + g[$1.offset] * $1.element }
        }
        #expect(markdown.contains("($L = \(style.fixed(loss))$ here)"))
        // Terms with a zero of G as a factor are left out of the written-out sums.
        #expect(!markdown.contains("-0/(") && !markdown.contains("(-0.0000) + (-0.0000)"))
        // The variance's path back is one term, the derivative of x̃ ⊙ x̃ written 2·x̃.
        #expect(markdown.contains(#"{6} \odot 2 \cdot \left(\tilde X_{\text{BN}}\right) + "#))
    }

    @Test func badInputIsOneErrorLine() throws {
        let cases: [(JSON, String)] = [
            (setting("groups", .number(3)), "groups must divide D = 4 (the features per sequence step), got 3"),
            (setting("groups", .number(0)), "groups must divide D = 4 (the features per sequence step), got 0"),
            (setting("eps", .number(-1)), "eps must be a number ≥ 0, got -1"),
            (setting("input", .array([.rows([[1, 2], [3, 4]]), .rows([[1, 2]])])),
             "input must be the sequences, B × T × D: B sequences of T steps of D features, every array as long as the first of its level: input[2] has 1 row, input[1] has 2"),
            (setting("grad_output", .array([.rows([[1, 2, 3, 4]])])), "grad_output must be B × T × D = 2 × 3 × 4, as input, got 1 × 1 × 4"),
            (setting("tokens", .array([.strings(["a", "b", "c"])])),
             "tokens must be B = 2 lists of T = 3 labels, one per step of each sequence, got 1 lists"),
        ]
        for (input, message) in cases {
            #expect(throws: LessonError(.data, "norms.json: " + message)) { try trace(input) }
        }
        // A list of the wrong length says how many labels it has.
        let short = JSON.fields(["input": .array([.rows([[1, 2], [3, 4]])]), "tokens": .array([.strings(["a"])])])
        #expect(throws: LessonError(.data, "norms.json: tokens[1] must be a list of T = 2 labels, one per step, got 1 label")) { try trace(short) }
    }

    @Test func numbersThatOverflowAreRefusedNotNormalizedToZero() throws {
        let cases: [([[[Double]]], String)] = [
            // The variance overflows: the true output is ±1, float64's would be 0.
            ([[[1e200, -1e200, 1e200, -1e200]]], "input: layer norm's variance over step 1 of sequence 1 overflows (inf)"),
            ([[[1e308, 1e308, -1e308, 1e308]]], "input: layer norm's mean over step 1 of sequence 1 overflows (inf)"),
            ([[[1e160, -1e160], [3, 4]]], "input: batch norm's variance over feature 1 overflows (inf)"),
        ]
        for (x, message) in cases {
            let input = JSON.fields(["input": .array(x.map { .rows($0) })])
            let error = try #require(throws: LessonError.self) { try trace(input) }
            #expect(error.code == .data && error.message.hasPrefix("norms.json: " + message), "\(error.message)")
            #expect(error.message.hasSuffix("numbers this large cannot be normalized in float64; scale the input down"))
        }
        // A finite forward pass whose gradient overflows names grad_output.
        let g = JSON.fields(["input": .array([.rows([[1, 2, 3, 4], [2, 0, 1, 1]])]),
                             "grad_output": .array([.rows([[1e308, 1e308, 1e308, 1e308], [1, 2, 3, 4]])])])
        _ = try trace(g)
        let back = try #require(throws: LessonError.self) { try trace(g, backward: true) }
        #expect(back.message.hasPrefix("norms.json: grad_output: ") && back.message.contains("overflows (") && back.message.contains("in the backward pass"))
        // Large numbers that do not overflow are normalized as any others.
        let large = try trace(.fields(["input": .array([.rows([[1e150, -1e150, 1e150, -1e150]])])]))
        #expect(try #require(large["layer.output"]).value.flat.map { ($0 * 1e4).rounded() / 1e4 } == [1, -1, 1, -1])
    }

    @Test func epsZeroWithEqualNumbersIsRefused() throws {
        // 0/0: PyTorch gives nan; the note's sentences would have nothing to say of it.
        let constant = JSON.fields(["input": .array([.rows([[2, 2, 2, 2], [2, 2, 2, 2]])]), "eps": .number(0)])
        for backward in [false, true] {
            #expect(throws: LessonError(.data, "norms.json: eps: with eps 0, batch norm's feature 1 has variance 0 (its numbers are equal), so its output would be 0/0 (nan); use an eps above 0, such as PyTorch's 1e-5")) {
                try trace(constant, backward: backward)
            }
        }
        // ε = 0 with no set of equal numbers is PyTorch's too, and computed.
        let spread = try trace(.fields(["input": .array([.rows([[1, 2, 3, 4], [2, 0, 1, 5]])]), "eps": .number(0)]))
        #expect(try #require(spread["layer.output"]).value.flat.allSatisfy(\.isFinite))
    }

    @Test func setsOfOneNumberSayPyTorchRefusesThem() throws {
        func note(_ x: [[[Double]]], groups: Int? = nil) throws -> String {
            let input = JSON.fields(["input": .array(x.map { .rows($0) })])
            let fields = groups.map { input.setting("groups", .number(Double($0))) ?? input } ?? input
            return MarkdownRenderer(command: "lesson norms").render(try trace(fields))
        }
        let phrases = ["batch": "`nn.BatchNorm1d` in training mode refuses", "instance": "`nn.InstanceNorm1d` refuses", "group": "`nn.GroupNorm` refuses"]
        func said(_ text: String) -> [String] { phrases.keys.sorted().filter { text.contains(phrases[$0]!) } }
        // B·T = 1: every set of batch, instance and group norm (2 groups of 1) is one number.
        #expect(try said(note([[[1, 2]]])) == ["batch", "group", "instance"])
        // T = 1 but B = 2: batch norm's sets hold 2 numbers; group norm's 2 features.
        #expect(try said(note([[[1, 2, 3, 4]], [[2, 0, 1, 1]]])) == ["instance"])
        #expect(try said(note([[[1, 2, 3, 4]], [[2, 0, 1, 1]]], groups: 4)) == ["group", "instance"])
        // The default example: no set of one number, no such sentence.
        #expect(said(MarkdownRenderer(command: "lesson norms").render(try trace(example.input))).isEmpty)
    }

    @Test func aNegatedTermShownAsZeroIsWrittenZero() throws {
        // At 0 decimals −0.3 shows as 0: its negation too, not as -0 beside the 0 it evaluates to.
        let tr = try Norms.run(example.input, file: "norms.json", example: example, claims: nil, backward: true)
        let markdown = MarkdownRenderer(precision: 0, command: "lesson norms").render(tr)
        #expect(markdown.contains("| 1, 1 | -1 + (-2) + 0 + 0 + 0 | -2 |") && markdown.contains("| -(-1) + 0 + 0 + 0 + 0 + 0 = 1 + 0 + 0 + 0 + 0 + 0 |"))
        #expect(!markdown.contains("(-0)") && !markdown.contains("| -0 + "))
    }
}

extension NormsInput {
    /// The input read from `json`, for tests.
    static func reading(_ json: JSON) throws -> NormsInput {
        var reader = try InputReader(json, file: "norms.json")
        return try NormsInput(&reader)
    }
}
