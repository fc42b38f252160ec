// char-lm: the seed's numbers, the sentences recomputed from the values (with counter-inputs), the
// generation's draws, and the refusals of bad input.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct CharLMTests {
    static func example(_ name: String) throws -> Example { try #require(CharLM.examples.first { $0.name == name }) }

    static func note(_ input: JSON, example: Example? = nil, backward: Bool = false) throws -> (trace: Trace, text: String) {
        let trace = try CharLM.run(input, file: "lm.json", example: example, claims: nil, backward: backward)
        return (trace, MarkdownRenderer(command: "lesson char-lm").render(trace))
    }

    static func values(_ trace: Trace, _ name: String) throws -> [Double] { try #require(trace[name], "no \(name)").value.flat }

    /// The default example with `field` set to `value`.
    static func changed(_ field: String, _ value: JSON) throws -> JSON {
        try #require(try example("default").input.setting(field, value))
    }

    // MARK: The seed's numbers

    @Test func theSeedsScoresAndPercentagesAreJudged() throws {
        let seed = try Self.example("seed-hello")
        let trace = try CharLM.trace(seed.input, file: "x", example: nil)
        // y_1 prints as the seed's scores, to the note's 4 decimals.
        let y = try Self.values(trace, "y[1]")
        #expect(y.map { NumberStyle(precision: 4).fixed($0) } == ["1.0000", "2.2000", "-3.0000", "4.1000"])
        try trace.check(try ClaimSet(try #require(seed.claims), file: "c"), file: "c", lesson: CharLM.self, input: seed.input)
        let verdicts = try #require(trace.claims?.verdicts)
        #expect(verdicts.count == 8 && verdicts.filter(\.holds).count == 7)
        let text = try Self.note(seed.input, example: seed).text
        let p = try Self.values(trace, "p[1]")
        let bullet = try #require(text.split(separator: "\n").first { $0.hasPrefix("- Seed 002: “h: 3%") })
        #expect(bullet.contains("Partly") && bullet.contains(NumberStyle(precision: 2).fixed(100 * p[0]) + "%"))
        // Rounded, 4 + 13 + 0 + 84 = 101: the seed took 1 from “h” to make 100.
        #expect(bullet.contains("“h” is 4%, not 3%") && bullet.contains("the seed's four sum to 100, the rounded ones ([4, 13, 0, 84]) to 101"), "\(bullet)")
        // The seed's “predicts o, the answer is e”, from y_1 and the text.
        #expect(text.contains("is largest at “o”, and the next character is “e”") && y.firstIndex(of: y.max()!) == 3)
    }

    // MARK: Sentences from the numbers

    @Test func eachStepSaysWhatItPredictsAndWhetherItIsRight() throws {
        for name in ["default", "seed-hello"] {
            let (trace, text) = try Self.note(try Self.example(name).input)
            for t in 1...4 {
                let p = try Self.values(trace, "p[\(t)]")
                let best = p.indices.max { p[$0] < p[$1] }!
                let target = Array("helo").firstIndex(of: Array("hello")[t])!
                let char = "“\(Array("helo")[best])”"
                let said = "The likeliest is \(char) ($p_{\(t),\\text{\(Array("helo")[best])}} = \(inSentence(p[best]))$)"
                #expect(text.contains(said + (best == target ? ", the target: right." : ", but the target")), "\(name) step \(t)")
            }
        }
    }

    @Test func theRepeatedInputIsToldApartOrNot() throws {
        let (trace, text) = try Self.note(try Self.example("default").input)
        let (p3, p4) = (try Self.values(trace, "p[3]"), try Self.values(trace, "p[4]"))
        // The default model tells its two “l” apart: “l” then “o”.
        #expect(p3.firstIndex(of: p3.max()!) == 2 && p4.firstIndex(of: p4.max()!) == 3)
        #expect(text.contains("Confirmed: steps 3 and 4 both read “l”"))
        // Counter-input: an output layer that ignores h (W_fc = 0) predicts alike at both.
        let blind = try Self.changed("fc.weight", .rows([[0, 0], [0, 0], [0, 0], [0, 0]]))
        let (_, blindText) = try Self.note(blind)
        #expect(blindText.contains("Not here: steps 3 and 4 both read “l”"))
    }

    @Test func perplexityIsTheGeometricMeanOfTheTargetsInverse() throws {
        let (trace, text) = try Self.note(try Self.example("default").input)
        let targets = [1, 2, 2, 3]
        let inverse = try (1...4).map { t in 1 / (try Self.values(trace, "p[\(t)]"))[targets[t - 1]] }
        let mean = pow(inverse.reduce(1, *), 0.25)
        let ppl = try Self.values(trace, "perplexity")[0]
        #expect(abs(mean - ppl) < 1e-12)
        #expect(text.contains("= \(NumberStyle(precision: 4).fixed(ppl))$: on average as unsure as a choice among \(NumberStyle(precision: 4).fixed(ppl)) characters."))
        let loss = try Self.values(trace, "loss")[0]
        #expect(abs(loss - (try (1...4).map { try Self.values(trace, "loss[\($0)]")[0] }.reduce(0, +) / 4)) < 1e-15)
    }

    @Test func aPerplexityAboveVIsSaidWithTheTargetsMeanProbability() throws {
        let (trace, text) = try Self.note(try Self.example("seed-hello").input)
        let loss = try Self.values(trace, "loss")[0]
        #expect(exp(loss) > 4)
        #expect(text.contains("on average (geometrically) the targets got \(inSentence(exp(-loss))), less than the $1/4$"))
        // The trained model is better than picking evenly: no such sentence.
        #expect(!(try Self.note(try Self.example("default").input).text.contains("less than the $1/")))
    }

    @Test func greedyGenerationGoesOnPastTheText() throws {
        let (trace, text) = try Self.note(try Self.example("default").input)
        let chosen = try (1...6).map { Int(try Self.values(trace, "gen.next[\($0)]")[0]) - 1 }
        let written = "h" + String(chosen.map { Array("helo")[$0] })
        #expect(text.contains("The model wrote h → \(written.dropFirst()): “\(written)”."))
        #expect(written.hasPrefix("hello") && text.contains("Its first 5 characters are the training text"))
        // The steps that read the text repeat training's values: kept under gen.* names, not shown again.
        #expect(try Self.values(trace, "gen.p[2]") == (try Self.values(trace, "p[2]")))
        #expect(trace["gen.y[2]"]?.isShown == false && trace["gen.y[5]"]?.isShown == true)
        // Greedy: each choice is the largest probability it was chosen from.
        for k in 1...6 {
            let p = try Self.values(trace, "gen.p[\(k)]")
            #expect(p.indices.max { p[$0] < p[$1] } == chosen[k - 1])
        }
    }

    @Test func eachDrawFallsInTheStretchOfTheCharacterChosen() throws {
        let (trace, text) = try Self.note(try Self.example("seed-hello").input)
        var generator = SplitMix64(state: 3)
        for k in 1...4 {
            let (sums, u, j) = (try Self.values(trace, "gen.cum[\(k)]"), try Self.values(trace, "gen.u[\(k)]")[0], Int(try Self.values(trace, "gen.next[\(k)]")[0]))
            #expect(u == Double(generator.next() >> 11) * 0x1p-53)
            #expect((j == 1 ? 0 : sums[j - 2]) <= u && u < sums[j - 1])
        }
        // SplitMix64's published first output for seed 0.
        var zero = SplitMix64(state: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
        #expect(text.contains("falls in “o”'s stretch"))
    }

    @Test func theScoresGradientIsSoftmaxMinusOneHot() throws {
        let (trace, text) = try Self.note(try Self.example("default").input, backward: true)
        let targets = [1, 2, 2, 3]
        for t in 1...4 {
            let (p, g) = (try Self.values(trace, "p[\(t)]"), try Self.values(trace, "y[\(t)].grad"))
            for j in 0..<4 { #expect(abs(g[j] - (p[j] - (j == targets[t - 1] ? 1 : 0)) / 4) < 1e-15) }
        }
        #expect(text.contains("| o | (0.8085 - 1)·0.2500 = (-0.1915)·0.2500 | -0.0479 |"))
        #expect(!text.contains("G_{"), "the loss's share is W_fc^T ∂L/∂y_t here, not a G")
        #expect(trace.gradientChecks.count == 4 && trace.gradientChecks.allSatisfy { $0.relativeDifference < 1e-6 })
    }

    @Test func everyCellAndTheEmbeddingRunBackward() throws {
        let base = try Self.example("default").input
        let lstm = try #require(base.setting("cell", .string("lstm"))?
            .setting("rnn.weight_ih_l0", .rows(Array(repeating: [0.1, -0.2, 0.3, 0.4], count: 8)))?
            .setting("rnn.weight_hh_l0", .rows(Array(repeating: [0.2, -0.1], count: 8))))
        let gru = try #require(base.setting("cell", .string("gru"))?
            .setting("rnn.weight_ih_l0", .rows([[0.1, 0.2], [0.3, -0.1], [0.2, 0.5], [-0.4, 0.1], [0.3, 0.3], [0.1, -0.2]]))?
            .setting("rnn.weight_hh_l0", .rows(Array(repeating: [0.2, -0.1], count: 6)))?
            .setting("embedding.weight", .rows([[1, 0], [0, 1], [0.5, 0.5], [-1, 1]])))
        for input in [lstm, gru] {
            let (trace, text) = try Self.note(input, backward: true)
            #expect(trace.backwardProblems.isEmpty, "\(trace.backwardProblems)")
            #expect(trace.gradientChecks.allSatisfy { $0.relativeDifference < 1e-6 })
            #expect(!text.contains("⟦"))
        }
        #expect(try Self.note(gru, backward: true).trace["embedding.weight.grad"] != nil)
    }

    @Test func aTargetWhoseProbabilityRoundsTo0CostsWhatLogSoftmaxSays() throws {
        let input = try Self.changed("fc.bias", .numbers([0, -800, 0, 0]))
        let trace = try CharLM.trace(input, file: "lm.json", example: nil)
        let y = try Self.values(trace, "y[1]")
        let top = y.max()!
        let expected = top + Foundation.log(y.map { Foundation.exp($0 - top) }.reduce(0, +)) - y[1]
        let loss = try Self.values(trace, "loss[1]")[0]
        #expect(loss.isFinite && abs(loss - expected) <= 1e-12 * expected)
        #expect(try Self.values(trace, "p[1]")[1] == 0)
    }

    @Test func characterMarkupStaysText() throws {
        let input = try #require(try Self.example("default").input.setting("text", .string("a|$*_`b"))?
            .setting("rnn.weight_ih_l0", .rows([[1, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0, 0]]))?
            .setting("fc.weight", .rows(Array(repeating: [0.5, -0.5], count: 7)))?
            .setting("fc.bias", .numbers([0, 0, 0, 0, 0, 0, 0]))?
            .setting("generate", .fields(["length": .number(3)])))
        let text = try Self.note(input).text
        #expect(tableProblems(text).isEmpty, "\(tableProblems(text))")
        #expect(text.contains("The text is “a\\|\\$\\*\\_\\`b”"))
        #expect(!text.contains("“$”") && !text.contains("“*”") && !text.contains("| | |"))
    }

    @Test func scoresThatAreNotNumbersPredictNothing() throws {
        let input = try #require(try Self.example("default").input.setting("rnn.weight_ih_l0", .rows([[1e308, 0, 0, 0], [1e308, 0, 0, 0]]))?
            .setting("fc.weight", .rows([[1e308, 1e308], [-1e308, -1e308], [0, 0], [0, 0]])))
        let (trace, text) = try Self.note(input)
        #expect(try Self.values(trace, "p[1]").contains(where: \.isNaN))
        #expect(text.contains("nothing is predicted") && !text.contains("= nan$), the target"))
    }

    // MARK: Bad input

    @Test func aTemperatureThatOverflowsTheScoresIsRefused() throws {
        let input = try Self.changed("generate", .fields(["mode": .string("sample"), "temperature": .number(5e-324)]))
        let error = try #require(throws: LessonError.self) { try CharLM.trace(input, file: "lm.json", example: nil) }
        #expect(error.code == .data && error.message.hasPrefix("lm.json: generate.temperature is 5e-324, so small that the scores divided by it overflow"))
        // 1e-300 still works: the likeliest character gets all the probability.
        let cold = try CharLM.trace(try Self.changed("generate", .fields(["mode": .string("sample"), "temperature": .number(1e-300)])), file: "lm.json", example: nil)
        #expect(try Self.values(cold, "gen.p[1]").sorted() == [0, 0, 0, 1])
    }

    @Test func aSeedAbove2To53IsRefusedNotRounded() throws {
        let json = try JSON.parse(Array(#"{"seed": 9007199254740993}"#.utf8))
        let input = try Self.changed("generate", json)
        let error = try #require(throws: LessonError.self) { try CharLM.trace(input, file: "lm.json", example: nil) }
        #expect(error.message.hasSuffix("got 9007199254740993"))
        let exact = try JSON.parse(Array(#"{"seed": 9007199254740992, "mode": "sample"}"#.utf8))
        #expect(throws: Never.self) { try CharLM.trace(try Self.changed("generate", exact), file: "lm.json", example: nil) }
    }

    @Test(arguments: [
        ("text", JSON.string("h"), "text must have at least 2 characters"),
        ("vocab", JSON.strings(["h", "e", "o"]), "text has “l” (character 3), which is not in vocab"),
        ("vocab", JSON.strings(["h", "e", "l", "o", "e"]), "vocab has “e” twice (entries 2 and 5)"),
        ("vocab", JSON.strings(["h", "el", "o"]), "vocab[2] must be a single character"),
        ("cell", JSON.string("transformer"), "cell must be \"rnn\" or \"lstm\" or \"gru\""),
        ("rnn.weight_ih_l0", JSON.rows([[1, 0, 0], [0, 1, 0]]), "rnn.weight_ih_l0 must be hidden × the vocabulary size V = 2 × 4, got 2 × 3"),
        ("fc.weight", JSON.rows([[1, 0], [0, 1], [1, 1]]), "fc.weight must be the vocabulary size V × hidden = 4 × 2, got 3 × 2"),
        ("fc.weight", JSON.rows([[1, 0, 1], [0, 1, 1], [1, 1, 1], [0, 0, 0]]), "fc.weight must be the vocabulary size V × hidden = 4 × 2, got 4 × 3"),
        ("embedding.weight", JSON.rows([[1, 0], [0, 1]]), "embedding.weight must have one row per character of the vocabulary = 4 rows, got 2"),
        ("generate", JSON.fields(["mode": .string("beam")]), "generate.mode must be \"greedy\""),
        ("generate", JSON.fields(["temperature": .number(0)]), "generate.temperature must be a number above 0"),
        ("generate", JSON.fields(["seed": .number(1.5)]), "generate.seed must be a whole number from 0 to 2^53"),
        ("generate", JSON.fields(["start": .string("z")]), "generate.start is “z”, which is not in vocab"),
        ("generate", JSON.fields(["lenght": .number(3)]), "unknown field generate.lenght (did you mean 'length'?)"),
        ("generate", JSON.fields(["length": .number(0)]), "generate.length must be a whole number from 1 to 1000"),
    ])
    func badInputNamesTheField(_ field: String, _ value: JSON, _ message: String) throws {
        let input = try Self.changed(field, value)
        do {
            _ = try CharLM.trace(input, file: "lm.json", example: nil)
            Issue.record("\(field) = \(value) was accepted")
        } catch let error as LessonError {
            #expect(error.code == .data)
            #expect(error.message.hasPrefix("lm.json: " + message), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }
}
