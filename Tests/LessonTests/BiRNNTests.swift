// birnn: the two directions' order and names, PyTorch's h_n inside the output, the sentences
// recomputed from the values (with counter-inputs), the reverse direction's words, and the
// refusals of bad input.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct BiRNNTests {
    static func example(_ name: String) throws -> Example { try #require(BiRNN.examples.first { $0.name == name }) }

    static func note(_ input: JSON, example: Example? = nil, backward: Bool = false) throws -> (trace: Trace, text: String) {
        let trace = try BiRNN.run(input, file: "bi.json", example: example, claims: nil, backward: backward)
        return (trace, MarkdownRenderer(command: "lesson birnn").render(trace))
    }

    static func values(_ trace: Trace, _ name: String) throws -> [Double] { try #require(trace[name], "no \(name)").value.flat }

    /// A vector's length, ‖v‖.
    static func length(_ v: [Double]) -> Double { sqrt(v.map { $0 * $0 }.reduce(0, +)) }

    /// The default example with `field` set to `value` (or left out, with nil).
    static func changed(_ field: String, _ value: JSON?) throws -> JSON {
        let input = try example("default").input
        guard let value else { return input.removing(field) }
        return try #require(input.setting(field, value))
    }

    /// The part of a note between two headings.
    static func part(_ text: String, from start: String, to end: String) throws -> Substring {
        let from = try #require(text.range(of: start))
        let to = try #require(text.range(of: end, range: from.upperBound..<text.endIndex))
        return text[from.upperBound..<to.lowerBound]
    }

    // MARK: The two directions

    @Test func theReverseDirectionRunsFromTheLastPositionAndKeepsItsNames() throws {
        let trace = try BiRNN.trace(try Self.example("default").input, file: "x", example: nil)
        let order = trace.computedSteps.map(\.name).filter { $0.hasPrefix("bwd.h[") }
        #expect(order == ["bwd.h[4]", "bwd.h[3]", "bwd.h[2]", "bwd.h[1]"])
        // bwd.h[4] reads x_4 from a zero state: tanh(←W_ih x_4), the row of “river”.
        let h4 = try Self.values(trace, "bwd.h[4]")
        #expect(h4 == [tanh(1.2 * 1 + -0.8 * -1), tanh(-0.6 * 1 + 1.1 * -1)])
        // Row t of the output is [→h_t ; ←h_t]; PyTorch's h_n is [→h_T ; ←h_1], both inside it.
        let output = try Self.values(trace, "output")
        for t in 1...4 {
            #expect(Array(output[(4 * (t - 1))..<(4 * t)]) == (try Self.values(trace, "fwd.h[\(t)]")) + (try Self.values(trace, "bwd.h[\(t)]")))
        }
    }

    @Test func theForwardHalfAtPosition1HasReadX1Alone() throws {
        let (trace, text) = try Self.note(try Self.example("default").input)
        // The module on “bank” alone: the same →h_1, another ←h_1, as the slides box says.
        let alone = try BiRNN.trace(try Self.changed("input", .rows([[0.5, 0.5]])).removing("tokens"), file: "x", example: nil)
        #expect(try Self.values(alone, "fwd.h[1]") == (try Self.values(trace, "fwd.h[1]")))
        let (b1, b1Alone) = (try Self.values(trace, "bwd.h[1]"), try Self.values(alone, "bwd.h[1]"))
        #expect(b1 != b1Alone)
        #expect(text.contains("on $x_{1}$ by itself it would be \(vectorSaid(b1Alone))"))
        // “bank of the city”: the last row negated leaves →h_1 … →h_3 and changes ←h_1.
        let city = try BiRNN.trace(try Self.changed("input", .rows([[0.5, 0.5], [0.1, -0.1], [0, 0.1], [-1, 1]])), file: "x", example: nil)
        for t in 1...3 { #expect(try Self.values(city, "fwd.h[\(t)]") == (try Self.values(trace, "fwd.h[\(t)]"))) }
        #expect(text.contains("while $\\overleftarrow{h_{1}}$ becomes \(vectorSaid(try Self.values(city, "bwd.h[1]")))"))
    }

    @Test func theSlidesVerdictsFollowTheNumbers() throws {
        let text = try Self.note(try Self.example("default").input).text
        // The seed hedges (더 효율적이라는 듯): the numbers show that the other side arrives, not that it is more efficient.
        #expect(text.contains("is apparently more efficient”") && text.contains("What the numbers show is that the other side reaches position 1"))
        #expect(!text.contains("Confirmed: $\\overrightarrow{h_{1}}"))
        #expect(text.contains("True by construction") && text.contains("differ, as they were given: `weight_ih_l0` and `weight_ih_l0_reverse` in 4 of their 4 entries"))
        // Counter-inputs: a reverse direction whose recurrent weights pass nothing on brings nothing from the right;
        let blind = try Self.note(try Self.changed("weight_hh_l0_reverse", .rows([[0, 0], [0, 0]]))).text
        #expect(blind.contains("Not in these numbers") && blind.contains("recurrent weights are all 0") && !blind.contains("What the numbers show"))
        // nor does a sequence of zeros, though the weights would carry it: the sentence says which.
        let zeros = try Self.note(try Self.changed("input", .rows(Array(repeating: [0, 0], count: 4)))).text
        #expect(zeros.contains("Not in these numbers") && !zeros.contains("recurrent weights are all 0"))
        // two directions given the same numbers are still two parameters.
        let same = try Self.changed("weight_ih_l0_reverse", .rows([[0.7, -0.4], [0.2, 0.9]]))
        let twins = try Self.note(try #require(same.setting("weight_hh_l0_reverse", .rows([[0.5, 0.1], [-0.3, 0.4]])))).text
        #expect(twins.contains("True by construction") && twins.contains("Here the two directions were given the same numbers"))
    }

    @Test func theReverseDirectionsWordsSpeakOfTheStepToItsRight() throws {
        for name in ["default", "lstm", "gru"] {
            let text = try Self.note(try Self.example(name).input, backward: true).text
            let forward = try Self.part(text, from: "## Forward direction: t = 1", to: "## Reverse direction")
            let reverse = try Self.part(text, from: "## Reverse direction: t = 4", to: "## The output")
            let reverseBack = try Self.part(text, from: "## Reverse direction, back", to: "## Forward direction, back")
            // The reverse direction starts from ←h_5, and says so with its arrow.
            #expect(reverse.contains("\\overleftarrow{h_{5}} = 0$"), "\(name)")
            #expect(!reverse.contains("h_{0}") && !forward.contains("h_{5}"), "\(name)")
            // Its way back is said first, in its own order: step t − 1 passes back, never t + 1.
            #expect(reverseBack.contains("The two ways back are independent") && !reverseBack.contains("computed last"), "\(name)")
            #expect(reverseBack.contains("step t − 1 passes back") && !reverseBack.contains("t + 1") && !reverseBack.contains("a_{t+1}"), "\(name)")
            #expect(!reverseBack.contains("h_{t-1}"), "\(name)")
        }
        let lstm = try Self.note(try Self.example("lstm").input).text
        #expect(lstm.contains("$\\overleftarrow{c_{5}} = 0$: nothing to keep yet."))
    }

    @Test func everyExamplesGradientCheckPasses() throws {
        for example in BiRNN.examples {
            let trace = try BiRNN.run(example.input, file: "x", example: example, claims: nil, backward: true)
            #expect(trace.backwardProblems.isEmpty, "\(example.name): \(trace.backwardProblems)")
            #expect(trace.gradientChecks.count >= 5)
            for check in trace.gradientChecks { #expect(check.relativeDifference < 1e-6, "\(example.name) \(check.name)") }
        }
    }

    @Test func h0GetsOneGradientRowPerDirection() throws {
        let input = try Self.changed("h0", .rows([[0.1, -0.2], [0.3, 0.4]]))
        let trace = try BiRNN.run(input, file: "x", example: nil, claims: nil, backward: true)
        let g = try Self.values(trace, "h0.grad")
        // Row 1 from the forward direction's first step: →W_hhᵀ ∂L/∂→a_1; row 2 from the reverse's first, at t = 4.
        let (fa, ba) = (try Self.values(trace, "fwd.a[1].grad"), try Self.values(trace, "bwd.a[4].grad"))
        let (f, b) = ([[0.5, 0.1], [-0.3, 0.4]], [[0.9, 0.2], [0.1, 0.9]])
        let expected = (0..<2).map { j in f[0][j] * fa[0] + f[1][j] * fa[1] } + (0..<2).map { j in b[0][j] * ba[0] + b[1][j] * ba[1] }
        for (a, e) in zip(g, expected) { #expect(abs(a - e) < 1e-12) }
    }

    // MARK: What a student's reading found (issue 15)

    /// Every sentence of `text` that contains `marker` (the note's paragraphs split at ". ").
    static func sentence(_ text: String, _ marker: String) throws -> Substring {
        let at = try #require(text.range(of: marker), "no “\(marker)”")
        let start = text[..<at.lowerBound].range(of: "\n", options: .backwards)?.upperBound ?? text.startIndex
        let end = text[at.upperBound...].firstIndex(of: "\n") ?? text.endIndex
        return text[start..<end]
    }

    @Test func theInputGradientsHeadingNamesWhatFollowsAndWhatWasLeftOut() throws {
        let text = try Self.note(try Self.example("default").input, backward: true).text
        #expect(text.contains("### The input\n") && !text.contains("### The initial states and the input"))
        #expect(text.contains("`h0` and all four biases were not given, so they are zeros here, constants with no gradient: in every lesson only the arrays given get one."))
        // Counter-inputs: h0 given, one bias left out; then every array given.
        var input = try Self.changed("h0", .rows([[0.1, -0.2], [0.3, 0.4]]))
        for key in ["bias_ih_l0", "bias_hh_l0", "bias_ih_l0_reverse"] { input = try #require(input.setting(key, .numbers([0.1, 0.2]))) }
        let some = try Self.note(input, backward: true).text
        #expect(some.contains("### The initial states and the input") && some.contains("`bias_hh_l0_reverse` was not given, so it is zeros here"))
        let all = try Self.note(try #require(input.setting("bias_hh_l0_reverse", .numbers([0.1, 0.2]))), backward: true).text
        #expect(!all.contains("not given, so"))
        // An LSTM without c0 says so; its h0 was given.
        let lstm = try Self.note(try #require(try Self.example("lstm").input.setting("h0", .rows([[0, 0], [0, 0]]))), backward: true).text
        #expect(lstm.contains("`c0`, `bias_hh_l0` and `bias_hh_l0_reverse` were not given"))
    }

    @Test func theOutputRowIsYAndHnIsTwoRows() throws {
        for name in ["default", "lstm", "gru"] {
            let text = try Self.note(try Self.example(name).input, backward: true).text
            #expect(text.contains("y_{t} &= \\begin{bmatrix}") && text.contains("#### $Y$ · output"), "\(name)")
            #expect(!text.contains("o_{t} &=") && !text.contains("$O$") && !text.contains("partial O}"), "\(name)")
            #expect(text.contains("`h_n` is 2 × H, its row 1 $\\overrightarrow{h_{4}}$ and its row 2 $\\overleftarrow{h_{1}}$"), "\(name)")
            #expect(!text.contains("[\\overrightarrow{h_{4}} ; \\overleftarrow{h_{1}}]"), "\(name)")
            // Only the LSTM has c0.
            let convention = try Self.sentence(text, "**Convention:**")
            #expect(convention.contains("`c0`") == (name == "lstm"), "\(name)")
        }
        // The LSTM's output gate keeps o_t.
        #expect(try Self.note(try Self.example("lstm").input).text.contains("\\overleftarrow{o_{4}}"))
    }

    @Test func theLSTMStorySaysWhichRowsAreZeroFromTheWeights() throws {
        let example = try Self.example("lstm")
        let (trace, text) = try Self.note(example.input, example: example)
        #expect(text.contains("The reverse direction's input gate, forget gate and output gate read the input alone: their rows of $\\overleftarrow{W_{hh}}$ are 0."))
        let sigma2 = NumberStyle(precision: 2).fixed(1 / (1 + exp(-2.0)))
        #expect(text.contains("The forget gate's rows of $\\overleftarrow{W_{ih}}$ are 0 too, so it is a constant, $\\sigma(2) = \(sigma2)$"))
        // On “river”: ←i_4 as computed, unit 1's gate open and unit 2's nearly shut.
        let i4 = try Self.values(trace, "bwd.i[4]")
        #expect(i4[0] >= 0.5 && i4[1] < 0.1)
        #expect(text.contains("$\\overleftarrow{i_{4}}$ is \(BiRNN.twoSaid(i4)): unit 1's input gate opens and unit 2's input gate stays nearly shut, so “river” is written into the cell of unit 1."))
        let f = try (1...3).flatMap { try Self.values(trace, "bwd.f[\($0)]") }
        #expect(f.allSatisfy { NumberStyle(precision: 2).fixed($0) == sigma2 })
        #expect(text.contains("$\\overleftarrow{f_{t}}$ is \(sigma2) at every word"))
        // Counter-input: the output gate reads the state, the forget gate the input: neither is said alone or constant.
        var rows = [[0.0, 0], [0, 0], [0, 0], [0, 0], [0.9, 0.2], [0.1, 0.9], [0.3, 0], [0, 0.3]]
        var input = try #require(example.input.setting("weight_hh_l0_reverse", .rows(rows)))
        rows = [[1, -1], [-1, 1], [0.5, 0], [0, 0.5], [1.2, -0.8], [-0.6, 1.1], [0.5, 0.5], [0.5, 0.5]]
        input = try #require(input.setting("weight_ih_l0_reverse", .rows(rows)))
        let (other, otherText) = try Self.note(input, example: example)
        #expect(otherText.contains("The reverse direction's input gate and forget gate read the input alone: their rows"))
        #expect(!otherText.contains("is a constant"))
        let g = try (1...3).flatMap { try Self.values(other, "bwd.f[\($0)]") }.map { NumberStyle(precision: 2).fixed($0) }
        #expect(otherText.contains("$\\overleftarrow{f_{t}}$ is between \(g.min()!) and \(g.max()!)"))
    }

    @Test func theGRUStoryGivesTheUpdateGatesValues() throws {
        let example = try Self.example("gru")
        let (trace, text) = try Self.note(example.input, example: example)
        let z = try (1...4).map { try Self.values(trace, "bwd.z[\($0)]") }
        #expect(z[3][0] < 0.5 && z[3][1] >= 0.5)
        #expect(text.contains("on “river”, $\\overleftarrow{z_{4}}$ is \(BiRNN.twoSaid(z[3])), so unit 1 takes most of its candidate and unit 2 keeps most of its zero start."))
        let between = z[1] + z[2]
        let percent = { (x: Double) in NumberStyle(precision: 0).fixed(100 * x) }
        #expect(text.contains("On “of” and “the”, $\\overleftarrow{z}$ is \(BiRNN.twoSaid(z[1])) and \(BiRNN.twoSaid(z[2])), so on these words the state keeps between \(percent(between.min()!))% and \(percent(between.max()!))% of itself directly"))
        #expect(!text.contains("about 70%"))
        #expect(text.contains("The reset gate's rows of $\\overleftarrow{W_{ih}}$ are 0 too, so it is a constant, $\\sigma(1) = \(NumberStyle(precision: 2).fixed(1 / (1 + exp(-1.0))))$"))
        // Counter-input: h_5 not zero, and unit 2's z on “river” below 0.5: both units take their candidate, from a start.
        var input = try #require(example.input.setting("h0", .rows([[0, 0], [0.5, 0.5]])))
        input = try #require(input.setting("weight_ih_l0_reverse", .rows([[0, 0], [0, 0], [-1, 1], [-1, 1], [1.2, -0.8], [-0.6, 1.1]])))
        let (other, otherText) = try Self.note(input, example: example)
        #expect(try Self.values(other, "bwd.z[4]").allSatisfy { $0 < 0.5 })
        #expect(otherText.contains("so unit 1 takes most of its candidate and unit 2 takes most of its candidate.") && !otherText.contains("given as zeros"))
    }

    @Test func theGradientSizesSayWhichWayEachTravelsAndWhetherItGrows() throws {
        let (trace, text) = try Self.note(try Self.example("default").input, backward: true)
        func norm(_ name: String) throws -> Double { Self.length(try Self.values(trace, name)) }
        #expect(try norm("fwd.h[1].grad") > norm("fwd.h[4].grad") && norm("bwd.h[4].grad") > norm("bwd.h[1].grad"))
        #expect(text.contains("it grows on its way leftwards") && text.contains("it grows on its way rightwards"))
        #expect(!text.contains("a line that falls in its direction of travel"))
        // Counter-input: only the last position's output in the loss: the forward direction's gradient shrinks on its way left.
        let g = try Self.changed("grad_output", .rows([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [1, 1, 1, 1]]))
        let (other, otherText) = try Self.note(g, backward: true)
        let (f4, f1) = (try Self.values(other, "fwd.h[4].grad"), try Self.values(other, "fwd.h[1].grad"))
        let (size1, size4) = (Self.length(f1), Self.length(f4))
        #expect(size1 < size4)
        #expect(otherText.contains("it shrinks on its way leftwards"))
    }

    @Test func theSeedsWordsAreItsOwn() throws {
        let text = try Self.note(try Self.example("default").input, example: try Self.example("default")).text
        #expect(text.contains("the vectors from the forward and reverse directions (the seed's 포워드/백워드) are concatenated"))
        #expect(!text.contains("backward pass are concatenated"))
        #expect(text.contains("An example made up here") && !text.contains("Seed 001's bidirectional RNN reads a sentence"))
        #expect(text.contains("“What the seed notes say” below") && !text.contains("slides box"))
        #expect(text.contains("independent and can run in parallel"))
    }

    @Test func theSummaryPointsToTheFigureWithoutRepeatingTheOutput() throws {
        let (trace, text) = try Self.note(try Self.example("default").input)
        let summary = try Self.part(text, from: "## Summary", to: "---")
        #expect(!summary.contains("| t |"))
        let (b4, b1) = (try Self.values(trace, "bwd.h[4]"), try Self.values(trace, "bwd.h[1]"))
        #expect(zip(b4, b1).allSatisfy { ($0 > 0) == ($1 > 0) })
        #expect(summary.contains("the reverse row has the signs of $\\overleftarrow{h_{4}} = \(vectorSaid(b4))$"))
        // Counter-input: with no recurrent weights the reverse row forgets “river”: unit 2's sign at “bank” is not its sign there.
        let (blind, blindText) = try Self.note(try Self.changed("weight_hh_l0_reverse", .rows([[0, 0], [0, 0]])))
        let (c4, c1) = (try Self.values(blind, "bwd.h[4]"), try Self.values(blind, "bwd.h[1]"))
        #expect((c4[0] > 0) == (c1[0] > 0) && (c4[1] > 0) != (c1[1] > 0))
        #expect(blindText.contains("the reverse row changes colour on its way left: unit 2 has one sign in"))
    }

    @Test func farAwayInformationStillComesStepByStep() throws {
        let (trace, text) = try Self.note(try Self.example("default").input)
        let city = try BiRNN.trace(try Self.changed("input", .rows([[0.5, 0.5], [0.1, -0.1], [0, 0.1], [-1, 1]])), file: "x", example: nil)
        func moved(_ t: Int) throws -> Double {
            let (a, b) = (try Self.values(trace, "bwd.h[\(t)]"), try Self.values(city, "bwd.h[\(t)]"))
            return Self.length(zip(a, b).map { $0 - $1 })
        }
        let (near, far) = (try moved(3), try moved(1))
        #expect(far < near)
        #expect(text.contains("only through 3 recurrent steps of the reverse direction, and negating it moves $\\overleftarrow{h_{3}}$, one step away, by \(readable(near)) (the length of the change) but $\\overleftarrow{h_{1}}$ by \(readable(far))"))
        // Counter-input: the LSTM's example loses nothing on the way.
        let lstm = try Self.note(try Self.example("lstm").input).text
        #expect(lstm.contains("here nothing is lost on the way"))
    }

    @Test func aValueThatRoundsToZeroHasNoSignInAFigure() {
        #expect(shown(-0.0023, inCell: true) == "0.00")
        #expect(shown(-0.0) == "0.00" && shown(-0.004) == "-0.004" && shown(-0.0051, inCell: true) == "-0.01")
    }

    // MARK: Bad input

    @Test(arguments: [
        ("weight_ih_l0_reverse", nil,
         "missing field weight_ih_l0_reverse: the reverse direction's input weights, hidden × input = 2 × 2"),
        ("weight_hh_l0_reverse", nil,
         "missing field weight_hh_l0_reverse: the reverse direction's recurrent weights, hidden × hidden = 2 × 2"),
        ("weight_ih_l0_reverse", JSON.rows([[1, 0, 0], [0, 1, 0]]), "weight_ih_l0_reverse must be hidden × input = 2 × 2, got 2 × 3"),
        ("weight_hh_l0_reverse", JSON.rows([[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
         "weight_hh_l0_reverse must be hidden × hidden = 2 × 2 (the forward direction's hidden size, from weight_hh_l0), got 3 × 3"),
        ("bias_ih_l0_reverse", JSON.numbers([1, 2, 3]), "bias_ih_l0_reverse must have hidden = 2 numbers, got 3"),
        ("h0", JSON.numbers([0, 0]), "h0 must be 2 × hidden = 2 × 2, row 1 the forward direction's and row 2 the reverse's (PyTorch's (2, H) for one bidirectional layer): a vector of 2 numbers is one direction's only"),
        ("h0", JSON.rows([[0, 0]]), "h0 must be 2 × hidden = 2 × 2, row 1 the forward direction's and row 2 the reverse's, got 1 × 2"),
        ("c0", JSON.rows([[0, 0], [0, 0]]), "unknown field \"c0\""),
        ("grad_output", JSON.rows([[1, 1], [1, 1], [1, 1], [1, 1]]), "grad_output must be T (rows of input) × 2·hidden = 4 × 4, got 4 × 2"),
        ("cell", JSON.string("transformer"), "cell must be \"rnn\" or \"lstm\" or \"gru\""),
        ("tokens", JSON.strings(["bank", "of"]), "tokens must have one label per time step (row of input) = 4, got 2"),
        ("weight_ih_l0_revers", JSON.rows([[1, 0], [0, 1]]), "unknown field \"weight_ih_l0_revers\" (did you mean 'weight_ih_l0_reverse'?)"),
    ] as [(String, JSON?, String)])
    func badInputNamesTheFieldAndTheShape(_ field: String, _ value: JSON?, _ message: String) throws {
        let input = try Self.changed(field, value)
        do {
            _ = try BiRNN.trace(input, file: "bi.json", example: nil, backward: field == "grad_output")
            Issue.record("\(field) = \(String(describing: value)) was accepted")
        } catch let error as LessonError {
            #expect(error.code == .data)
            #expect(error.message.hasPrefix("bi.json: " + message), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func theGradientChecksRerunsAreBounded() throws {
        // Every array given (11 for an LSTM) at 676 steps: 22 reruns of two directions of 682 steps, 30,008 direction-steps.
        func input(_ steps: Int) -> JSON {
            let row: (Int) -> JSON = { n in .numbers(Array(repeating: 0.1, count: n)) }
            let rows: (Int, Int) -> JSON = { r, n in .array(Array(repeating: row(n), count: r)) }
            var fields: [JSONMember] = [JSONMember("cell", .string("lstm")), JSONMember("input", rows(steps, 1)),
                                        JSONMember("h0", rows(2, 1)), JSONMember("c0", rows(2, 1))]
            for s in ["", "_reverse"] {
                fields += [JSONMember("weight_ih_l0" + s, rows(4, 1)), JSONMember("weight_hh_l0" + s, rows(4, 1)),
                           JSONMember("bias_ih_l0" + s, row(4)), JSONMember("bias_hh_l0" + s, row(4))]
            }
            return .object(fields)
        }
        let error = try #require(throws: LessonError.self) { try BiRNN.trace(input(676), file: "bi.json", example: nil, backward: true) }
        #expect(error.message == "bi.json: with --backward, the gradient check reruns both directions 22 times (twice for each of the 11 arrays given), about 30008 direction-steps, more than the limit of 30000; use fewer steps")
        var reader = try InputReader(input(675), file: "bi.json", backward: true)
        #expect(throws: Never.self) { _ = try BiRNNInput(&reader) }
        // Without --backward nothing is rerun.
        #expect(throws: Never.self) { _ = try BiRNN.trace(input(676), file: "bi.json", example: nil) }
    }

    @Test func anLSTMsStatesAreTwoRowsEach() throws {
        let lstm = try Self.example("lstm").input
        let input = try #require(lstm.setting("c0", .numbers([0, 0])))
        let error = try #require(throws: LessonError.self) { try BiRNN.trace(input, file: "bi.json", example: nil) }
        #expect(error.message.hasPrefix("bi.json: c0 must be 2 × hidden = 2 × 2, row 1 the forward direction's"))
        let given = try #require(lstm.setting("c0", .rows([[0.5, 0], [0, -0.5]])))
        let trace = try BiRNN.run(given, file: "x", example: nil, claims: nil, backward: true)
        #expect(trace["c0.grad"]?.value.shape == [2, 2])
    }
}
