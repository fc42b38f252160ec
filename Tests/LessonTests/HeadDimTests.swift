// Multi-head attention's head_dim: the paper's general form (h heads of any width d_k, W_O of
// d_model × h·d_k), its errors and limits, and the seed notes' 8 heads × 3 = 24 → 4 example.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

/// A rows × cols matrix of small numbers, made without a clock or a random source.
private func matrix(_ rows: Int, _ cols: Int, _ seed: Int = 0) -> JSON {
    .rows((0..<rows).map { r in (0..<cols).map { c in Double((r * 7 + c * 3 + seed) % 11 - 5) / 4 } })
}

/// A multi-head input with `heads` heads of `headDim` (left out when nil) on `n` tokens of `e` numbers.
private func input(n: Int = 3, e: Int = 4, heads: Int, headDim: Int?, wInRows: Int? = nil, wOCols: Int? = nil,
                   bias: Int? = nil) -> JSON {
    let width = max(heads * (headDim ?? e / max(heads, 1)), 1)
    var fields: [JSONMember] = [JSONMember("query", matrix(n, e)), JSONMember("num_heads", .number(Double(heads)))]
    if let headDim { fields.append(JSONMember("head_dim", .number(Double(headDim)))) }
    fields += [JSONMember("in_proj_weight", matrix(wInRows ?? 3 * width, e, 1)), JSONMember("out_proj.weight", matrix(e, wOCols ?? width, 2))]
    if let bias { fields.append(JSONMember("in_proj_bias", .numbers(Array(repeating: 0.5, count: bias)))) }
    return .object(fields)
}

private func message(_ json: JSON) -> String? {
    do {
        _ = try MultiHeadAttention.trace(json, file: "bad.json", example: nil)
        return nil
    } catch {
        return (error as? LessonError)?.message
    }
}

@Suite struct HeadDimTests {
    @Test(arguments: [
        (input(heads: 2, headDim: 0), "bad.json: head_dim must be a whole number ≥ 1 (numbers per head), got 0"),
        (input(heads: 2, headDim: -3), "bad.json: head_dim must be a whole number ≥ 1 (numbers per head), got -3"),
        (input(heads: 0, headDim: 2), "bad.json: num_heads must be a whole number ≥ 1, got 0"),
        (input(heads: 3, headDim: nil, wInRows: 12, wOCols: 4),
         "bad.json: num_heads must be a whole number ≥ 1 that divides E = 4, got 3 (or give head_dim, the numbers per head)"),
        (input(heads: 2, headDim: 3, wInRows: 12), "bad.json: in_proj_weight must be 3·num_heads·head_dim × E = 18 × 4, got 12 × 4"),
        (input(heads: 2, headDim: 3, wOCols: 4), "bad.json: out_proj.weight must be E × num_heads·head_dim = 4 × 6, got 4 × 4"),
        (input(heads: 2, headDim: 3, bias: 12), "bad.json: in_proj_bias must have 3·num_heads·head_dim = 18 numbers, got 12"),
        (input(heads: 2, headDim: nil, bias: 6), "bad.json: in_proj_bias must have 3E = 12 numbers, got 6"),
        (input(n: 1, e: 1, heads: 2, headDim: 513, wInRows: 1, wOCols: 1),
         "bad.json: num_heads · head_dim (the columns of Q, K and V) is 1026, more than the limit of 1024"),
        (input(n: 1, e: 1, heads: 1_000_000_000, headDim: 1_000_000_000, wInRows: 1, wOCols: 1),
         "bad.json: num_heads · head_dim (the columns of Q, K and V) is 1000000000000000000, more than the limit of 1024"),
    ] as [(JSON, String)])
    func badShapesAndSizesNameTheField(_ json: JSON, _ expected: String) {
        #expect(message(json) == expected)
    }

    @Test func aHeadDimThatIsNotAWholeNumberIsRefused() {
        var json = input(heads: 2, headDim: 3)
        json = json.setting("head_dim", .number(1.5)) ?? json
        #expect(message(json) == "bad.json: head_dim must be a whole number (numbers per head), got 1.5")
        json = json.setting("head_dim", .string("3")) ?? json
        #expect(message(json) == "bad.json: head_dim must be a whole number (numbers per head), got a string")
    }

    @Test func aBadHeadDimIsOneErrorLineAndExit65() throws {
        let folder = try temporaryFolder()
        try Data(input(heads: 2, headDim: 0).rendered().utf8).write(to: folder.appendingPathComponent("bad.json"))
        let run = try lesson(["multi-head-attention", "--input", "bad.json"], in: folder)
        #expect(run.status == 65 && run.out.isEmpty)
        #expect(run.err == "error: bad.json: head_dim must be a whole number ≥ 1 (numbers per head), got 0\n")
    }

    @Test func theWidestHeadsAreWithinTheLimits() throws {
        // h·d_k at the width limit, with everything else small: accepted, and the work stated is what the trace holds.
        for (heads, headDim) in [(1, AttentionLimits.maxWidth), (AttentionLimits.maxWidth, 1), (8, 128)] {
            let json = input(n: 2, e: 1, heads: heads, headDim: headDim)
            var reader = try InputReader(json, file: "x.json")
            _ = try MultiHeadInput(&reader)
            let work = try #require(reader.statedWork)
            #expect(work.multiplyAdds <= InputReader.maxMultiplyAdds && work.traceNumbers <= InputReader.maxTraceNumbers)
            let trace = try MultiHeadAttention.trace(json, file: "x.json", example: nil)
            #expect(work.traceNumbers == Double(trace.numberCount), "\(heads) × \(headDim)")
        }
        // Heads wider than the model, cross-attention with a mask: the stated trace is the trace.
        var json = input(n: 3, e: 3, heads: 2, headDim: 4)
        json = json.setting("key", matrix(5, 3))?.setting("value", matrix(5, 3, 4))?.setting("causal", .bool(true)) ?? json
        var reader = try InputReader(json, file: "x.json")
        _ = try MultiHeadInput(&reader)
        #expect(try #require(reader.statedWork).traceNumbers == Double(try MultiHeadAttention.trace(json, file: "x.json", example: nil).numberCount))
    }

    @Test func headDimGivenAsPyTorchsIsPyTorchsForm() throws {
        // head_dim = E / num_heads written out changes no value.
        let tied = try MultiHeadAttention.trace(input(heads: 2, headDim: nil), file: "x", example: nil)
        let given = try MultiHeadAttention.trace(input(heads: 2, headDim: 2), file: "x", example: nil)
        #expect(tied.computedSteps.map(\.name) == given.computedSteps.map(\.name))
        for (a, b) in zip(tied.computedSteps, given.computedSteps) { #expect(a.value.flat == b.value.flat, "\(a.name)") }
    }

    @Test func headsNeedNotDivideTheModelWidth() throws {
        // 3 heads of 1 on 2 numbers per token: Q, K, V and C have 3 columns, the output 2.
        let trace = try MultiHeadAttention.trace(input(n: 2, e: 2, heads: 3, headDim: 1), file: "x", example: nil)
        #expect(trace["Q"]?.value.shape == [2, 3] && trace["concat"]?.value.shape == [2, 3] && trace["output"]?.value.shape == [2, 2])
        #expect(trace["head[3].scores"] != nil && trace["head[4].scores"] == nil)
    }

    /// The seed notes' example: “Thinking Machines”, 8 heads of 3, 24 columns, W_O 24 × 4.
    static let seed = MultiHeadAttention.examples.first { $0.name == "seed-8-heads" }

    @Test func theSeedExampleHasTheSeedsShapes() throws {
        let example = try #require(Self.seed)
        let trace = try MultiHeadAttention.trace(example.input, file: "x", example: example)
        #expect(trace["Q"]?.value.shape == [2, 24] && trace["concat"]?.value.shape == [2, 24] && trace["output"]?.value.shape == [2, 4])
        #expect((1...8).allSatisfy { trace["head[\($0)].weights"]?.value.shape == [2, 2] })
        #expect(trace.steps.contains { $0.name == "out_proj.weight" && $0.value.shape == [4, 24] })
        // Scaled by √3: entry (1, 1) of head 1.
        let scores = try #require(trace["head[1].scores"]?.value.flat.first), scaled = try #require(trace["head[1].scaled"]?.value.flat.first)
        #expect(abs(scaled - scores / 3.0.squareRoot()) < 1e-15)
        // Heads 1 and 2 disagree: head 1 weighs each token itself most, head 2 the other one.
        let a1 = try #require(trace["head[1].weights"]).value.matrix, a2 = try #require(trace["head[2].weights"]).value.matrix
        #expect(a1[0, 0] > a1[0, 1] && a1[1, 1] > a1[1, 0] && a2[0, 1] > a2[0, 0] && a2[1, 0] > a2[1, 1])
    }

    @Test func theSeedExamplesNoteSaysWhatTheNumbersShow() throws {
        let example = try #require(Self.seed)
        let trace = try MultiHeadAttention.trace(example.input, file: "x", example: example)
        let md = MarkdownRenderer(command: "lesson multi-head-attention --example seed-8-heads").render(trace)
        #expect(md.contains("### Head 8: columns 22–24") && md.contains("### Heads 3 … 7"))
        #expect(md.contains("Largest weight per query: “Thinking” → “Thinking” (0.85), “Machines” → “Machines” (0.73)."))
        #expect(md.contains("Largest weight per query: “Thinking” → “Machines” (0.79), “Machines” → “Thinking” (0.79)."))
        #expect(md.contains("## What the seed notes say, and what the numbers show"))
        #expect(md.contains("- Seed 001: “8 heads × 3 = 24 columns; a 24 × 4 $W^{O}$ gives vectors of 4.” Confirmed: $C$ is 2 × 24 and $Y = C W_{O}^{\\top} + b_{O}$ is 2 × 4."))
        #expect(md.contains("Not always: it holds in 11 of the 16 rows over the heads, but in head 2, “Thinking” puts 0.21 on itself, 0.79 on “Machines”."))
        // X_q's rows are orthogonal and of equal length: with plain dot products each token is most like itself.
        #expect(md.contains("with itself comes out far the largest.” Confirmed: each row of $X_{q} X_{q}^{\\top}$ (rows (2, 0) and (0, 2)) is largest on its own token."))
        // The output has the values' size per head, not after W_O; every column of Y draws on 7 or 8 heads.
        #expect(md.contains("Confirmed: each $O^{(m)}$ has $V^{(m)}$'s 3 columns, $C$ has 24, $Y$ has 4."))
        #expect(md.contains("every column of $Y$ draws on at least 7 of the 8 heads"))
        // The per-head scale, the hand-chosen weights, and the heads without tables listed with Ā.
        #expect(md.contains("Per head: $d_{k} = 3$, not $d_{\\text{model}} = 4$."))
        #expect(md.contains("(here by hand; in training by random starts, seed 004)"))
        #expect(md.contains("in head 3, “Thinking” → “Thinking” (0.91), “Machines” → “Thinking” (0.91); in head 4,"))
        #expect(md.contains("the largest weights of heads 3 to 7 with $\\bar A$."))
        // The slides' 0.88 is not this example's: the note says where it is reproduced.
        #expect(md.contains("(attention-qkv--illustrated-transformer.md)"))
        // 24 × 4 said once, PyTorch's tie once; no tool text but the renderer's own sentences.
        #expect(md.components(separatedBy: "24 × 4").count - 1 == 1)
        #expect(md.components(separatedBy: "ties $d_k$").count - 1 == 1 && !md.contains("it needs"))
        #expect(md.components(separatedBy: "--format json").count - 1 == 2, "the left-out heads' sentence and the footer")
        #expect(!md.contains("⟦"))
    }

    @Test func theSeedExampleRunsBackward() throws {
        let example = try #require(Self.seed)
        let trace = try MultiHeadAttention.run(example.input, file: "x", example: example, claims: nil, backward: true)
        #expect(trace["in_proj_weight.grad"]?.value.shape == [72, 4] && trace["out_proj.weight.grad"]?.value.shape == [4, 24])
        #expect(trace.gradientChecks.count == 3)
        for check in trace.gradientChecks { #expect(check.relativeDifference < 1e-6, "\(check.name)") }
    }

    @Test func theDefaultExamplesCommentaryFollowsItsNumbers() throws {
        let example = try #require(MultiHeadAttention.examples.first)
        let trace = try MultiHeadAttention.trace(example.input, file: "x", example: example)
        let md = MarkdownRenderer(command: "lesson multi-head-attention").render(trace)
        // Head 1 looks at “cat” from every token, head 2 at “The” from “cat” and “sat”.
        #expect(md.contains("Largest weight per query: “The” → “cat” (0.67), “cat” → “cat” (0.75), “sat” → “cat” (0.63)."))
        #expect(md.contains("Largest weight per query: “The” → “sat” (0.46), “cat” → “The” (0.94), “sat” → “The” (0.74)."))
        #expect(md.contains("It hides how the heads differ: “cat” → “The” is 0.06 in head 1, 0.94 in head 2, 0.50 on average."))
        #expect(md.contains("Not always: it holds in 1 of the 6 rows over the heads, but in head 1, “The” puts 0.16 on itself, 0.67 on “cat”."))
        // Seed 001's plain dot products X_q X_qᵀ, as attention-qkv says it: “sat” ties with “cat”.
        #expect(md.contains("with itself comes out far the largest.” Not always: in $X_{q} X_{q}^{\\top}$ (rows (2, 0, 1), (0, 5, 3) and (1, 3, 3)), “sat” · “cat” = “sat” · “sat” = 3"))
        // h·d_k = d_model: nothing to reduce; W_O mixes both heads; Ā plays no part in Y.
        #expect(md.contains("Only when $h d_k > d_{\\text{model}}$: here, as in the paper, $C$ already has $h d_k = d_{\\text{model}} = 4$ columns."))
        #expect(md.contains("every column of $Y$ draws on both heads") && !md.contains("only mixes"))
        #expect(md.contains("Not used in $Y$") && md.contains("$X_{k} = X_{v} = X_{q}$") && md.contains("$n = n_q = n_k$"))
        #expect(md.contains("Per head: $d_{k} = 2$, not $d_{\\text{model}} = 4$.") && md.contains("the slides' $W^{O}$ is $W_{O}^{\\top}$"))
        #expect(md.components(separatedBy: "--format json").count - 1 == 1, "the footer only")
        // One notation: no L, S or E as sizes, heads as superscripts, d_k in the scale.
        #expect(md.contains("$\\sqrt{d_{k}} = 1.4142$") && md.contains("#### $A^{(2)}$ · attention weights"))
        #expect(!md.contains("E/h") && !md.contains("$L$") && !md.contains("$S$") && !md.contains("q₁"))
    }

    @Test func headsThatAgreeAreSaidToAgree() throws {
        // Two identical heads: every query weighs the same key most in both, and the average loses nothing.
        let e = 4
        let block: [[Double]] = [[1, 0, 0.5, 0], [0, 1, 0, -0.5]]
        let json = JSON.fields(["query": .rows([[1, 0, 1, 0], [0, 2, 0, 1], [1, 1, 0, 1]]), "num_heads": .number(2),
                                "in_proj_weight": .rows(Array(repeating: block, count: 6).flatMap { $0 }),
                                "out_proj.weight": matrix(e, e)])
        let md = MarkdownRenderer(command: "lesson multi-head-attention").render(try MultiHeadAttention.trace(json, file: "x", example: nil))
        #expect(md.contains("Only when the heads' weights differ: here every head weighs the same key most for every query."))
        #expect(md.contains("The heads differ by at most 0.00 on any entry"))
    }

    @Test func thePrintedInputRoundTrips() throws {
        let example = try #require(Self.seed)
        let run = try lesson(["multi-head-attention", "--example", "seed-8-heads", "--print-input"])
        #expect(run.status == 0)
        let printed = try JSON.parse(Array(run.out.utf8))
        guard case .number(let headDim, _)? = printed["head_dim"] else { Issue.record("no head_dim"); return }
        #expect(headDim == 3)
        let again = try MultiHeadAttention.trace(printed, file: "x", example: nil)
        let original = try MultiHeadAttention.trace(example.input, file: "x", example: nil)
        #expect(again.computedSteps.map(\.value.flat) == original.computedSteps.map(\.value.flat))
    }
}

/// The seed notes' box in the multi-head notes: its form in every example, forward and backward, and
/// the verdicts that turn with the numbers (W_O that keeps the heads apart, a tie at the top).
@Suite struct MultiHeadSlidesTests {
    func note(_ json: JSON, example: Example? = nil, backward: Bool = false) throws -> String {
        MarkdownRenderer(command: "lesson multi-head-attention").render(try MultiHeadAttention.trace(json, file: "x", example: example, backward: backward))
    }

    func bullets(_ text: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "## What the seed notes say, and what the numbers show") else { return [] }
        return lines[(start + 1)...].prefix { !$0.hasPrefix("#") }.filter { !$0.isEmpty }
    }

    @Test(arguments: MultiHeadAttention.examples.map(\.name))
    func theBoxHasItsFormAndItsPlace(_ name: String) throws {
        let example = try #require(MultiHeadAttention.examples.first { $0.name == name })
        for backward in [false, true] {
            let text = try note(example.input, example: example, backward: backward)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let box = try #require(lines.firstIndex(of: "## What the seed notes say, and what the numbers show"))
            #expect(lines[(box + 1)...].first { $0.hasPrefix("#") } == "## Summary", "\(name)")
            let form = #/^- Seeds? 00[0-4](, 00[0-4])*: “.+” (Confirmed|Refuted|Not always|Incomplete|Only when [^:]+):? .+\.$/#
            for bullet in bullets(text) { #expect(bullet.wholeMatch(of: form) != nil, "\(name): \(bullet)") }
            #expect(!text.contains("only mixes") && !text.contains("back into"), "\(name)")
        }
    }

    @Test func anOutputProjectionThatKeepsTheHeadsApartIsSaidToKeepThem() throws {
        // W_O block-diagonal: columns 1–2 of Y from head 1, columns 3–4 from head 2.
        let apart: [[Double]] = [[1, 0.5, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, -0.5, 1]]
        let json = try #require(MultiHeadAttention.examples.first?.input.setting("out_proj.weight", .rows(apart)))
        let box = bullets(try note(json))
        #expect(box.contains("- Seed 004: “Concat → Linear brings the heads' outputs into harmony.” Only when $W_{O}$ combines heads: column 1 of $Y$ draws on head 1 alone."))
        // Weights not chosen by hand (no example): the viewpoint bullet does not say they were.
        #expect(box.contains { $0.contains("Only when the heads' weights differ: for") })
    }

    @Test func aTieAtTheTopSaysNothingAsInAttentionQKV() throws {
        // Two tokens that are the same vector: every score in a row is equal, each weight 0.5, a tie.
        let json = JSON.fields(["query": .rows([[1, 0], [1, 0]]), "num_heads": .number(2),
                                "in_proj_weight": .rows([[1, 0], [0, 1], [1, 0], [0, 1], [1, 0], [0, 1]]),
                                "out_proj.weight": .rows([[1, 0], [0, 1]])])
        let box = bullets(try note(json))
        // Every row ties at the top: it says nothing either way, so there is no bullet, as in attention-qkv.
        #expect(!box.contains { $0.hasPrefix("- Seed 000:") })
        // The plain dot products tie too: refuted, as attention-qkv says it.
        #expect(box.contains { $0.hasPrefix("- Seed 001: “With plain dot products, similarity with itself comes out far the largest.” Refuted: in $X_{q} X_{q}^{\\top}$ (rows (1, 1) and (1, 1)), token 1 · token 2 = token 1 · token 1 = 1") })
    }
}
