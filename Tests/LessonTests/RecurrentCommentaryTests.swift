// The recurrent lessons' commentary follows the numbers beside it. For every example of
// rnn-unroll, lstm-gates and gru, forward and backward, and the GRU under its other conventions:
// each sentence that names units and their values ("Unit 2 forgets: $f_{3} = 0.08$") says what
// those values are; a caption that would be the same at every step is said once; x_t is called
// one-hot exactly where it is (once for all steps when every x_t is); the GRU says at z's first
// step and in its equations which share z keeps, quotes the other reset rule's numbers right, and
// does not say a unit "keeps" a zero state; the LSTM's cell state does not promise a gradient its
// forget gate cuts, and says the forget gate alone only of the cell's direct path; the slides box
// has its form, its place and arithmetic that holds; and the lessons' words speak of the model, not
// of the tool.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

struct RecurrentCase: CustomTestStringConvertible, Sendable {
    let lesson: String
    let example: String
    let backward: Bool
    /// Fields set on the example's input: the GRU's conventions.
    var fields: [String: String] = [:]
    var testDescription: String {
        "\(lesson) \(example)\(backward ? " --backward" : "")" + fields.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
    }
}

@Suite struct RecurrentCommentaryTests {
    static let lessons = ["rnn-unroll", "lstm-gates", "gru"]

    static let cases: [RecurrentCase] = lessons.flatMap { id in
        (Lessons.named(id)?.examples ?? []).flatMap { example in
            [false, true].map { RecurrentCase(lesson: id, example: example.name, backward: $0) }
        }
    } + [["reset": "before"], ["update_gate": "takes-candidate"], ["reset": "before", "update_gate": "takes-candidate"]].flatMap { fields in
        [false, true].map { RecurrentCase(lesson: "gru", example: "default", backward: $0, fields: fields) }
    } + [RecurrentCase(lesson: "rnn-unroll", example: "default", backward: true, fields: ["nonlinearity": "relu"])]

    /// The trace and its Markdown.
    static func run(_ c: RecurrentCase) throws -> (trace: Trace, markdown: String) {
        let lesson = try #require(Lessons.named(c.lesson))
        let example = try #require(lesson.examples.first { $0.name == c.example })
        var input = example.input
        for (key, value) in c.fields.sorted(by: { $0.key < $1.key }) { input = try #require(input.setting(key, .string(value))) }
        let trace = try lesson.run(input, file: example.file, example: c.fields.isEmpty ? example : nil, claims: nil, backward: c.backward)
        return (trace, MarkdownRenderer(command: "lesson \(c.lesson)").render(trace))
    }

    /// The lines of prose: not tables, headings, math, figures or list entries of arithmetic.
    static func prose(_ markdown: String) -> [String] {
        var inMath = false
        return markdown.split(separator: "\n").map(String.init).filter { line in
            if line.hasPrefix("```") { inMath.toggle(); return false }
            // A matrix's entries written out ("- (1, 2): 0.5·1 = 0.5000") are arithmetic, not prose.
            let entry = line.hasPrefix("- (") && line.contains("): ")
            return !inMath && !entry && !line.hasPrefix("|") && !line.hasPrefix("#") && !line.hasPrefix("!")
                && !line.hasPrefix("**") && !line.hasPrefix(">") && !line.isEmpty
        }
    }

    // MARK: Sentences on units

    /// "Unit 2 forgets: $f_{3} = 0.08$.", "Units 1 and 2 keep their cells: $f_{2} = 0.93$ and $0.95$."
    static func unitSentence() throws -> Regex<AnyRegexOutput> { try Regex(#"(?:Unit|Units) ([0-9, and]+?)(?: and ([0-9]+) more)? ([^:.$]+): \$([a-z])_\{([0-9]+)\}(?: = ([-0-9.]+)\$(?: and \$([-0-9.]+)\$)?|\$ from ([-0-9.]+) to ([-0-9.]+))"#) }

    /// What a phrase says of a value: below 0.1, above 0.9, a saturated tanh, a relu that is off.
    enum Band { case low, high, saturated, off }

    static func band(_ phrase: String, letter: String, takesCandidate: Bool) -> Band? {
        switch letter {
        case "i": return phrase.contains("almost nothing") ? .low : phrase.contains("write") ? .high : nil
        case "f": return phrase.contains("forget") || phrase.contains("passes back") || phrase.contains("pass back") ? .low
            : phrase.contains("keep") ? .high : nil
        case "o": return phrase.contains("hide") ? .low : phrase.contains("show") ? .high : nil
        case "r": return phrase.contains("shut") || phrase.contains("hide") ? .low : phrase.contains("nearly whole") ? .high : nil
        case "z":
            let keeps = phrase.contains("keep")
            return keeps != takesCandidate ? .high : .low
        case "h": return phrase.contains("near ±1") ? .saturated : nil
        case "a": return phrase.contains("off") ? .off : nil
        default: return nil
        }
    }

    @Test(arguments: cases)
    func everySentenceOnUnitsSaysWhatTheirValuesAre(_ c: RecurrentCase) throws {
        let (trace, markdown) = try Self.run(c)
        var checked = 0
        let unitSentence = try Self.unitSentence()
        for line in Self.prose(markdown) {
            for match in line.matches(of: unitSentence) {
                let units = String(match.output[1].substring ?? "").split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                let phrase = String(match.output[3].substring ?? "")
                let letter = String(match.output[4].substring ?? "")
                let t = try #require(Int(match.output[5].substring ?? ""))
                // The sentence at ∂L/∂c names f: "passes back to c only f_{t} = …".
                let value = try #require(trace["\(letter)[\(t)]"], "\(letter)[\(t)] in “\(line)”").value.flat
                let printed = [6, 7, 8, 9].compactMap { match.output[$0].substring.flatMap { Double($0) } }
                let said = units.map { value[$0 - 1] }
                if match.output[6].substring != nil {
                    // "= a" for all, or "= a and b" for two units, at the decimals printed.
                    for (x, p) in zip(said, printed.count == 1 ? Array(repeating: printed[0], count: said.count) : printed) {
                        #expect(abs(x - p) <= 0.005 + 1e-12, "\(x) printed as \(p) in “\(line)”")
                    }
                } else {
                    #expect(abs((said.min() ?? 0) - printed[0]) <= 0.005 + 1e-12 && abs((said.max() ?? 0) - printed[1]) <= 0.005 + 1e-12, "“\(line)”")
                }
                guard let band = Self.band(phrase, letter: letter, takesCandidate: c.fields["update_gate"] == "takes-candidate" || c.example == "click4ai") else {
                    Issue.record("no band for “\(phrase)” in “\(line)”")
                    continue
                }
                for x in said {
                    switch band {
                    case .low: #expect(x < 0.1, "\(x) is not near 0: “\(line)”")
                    case .high: #expect(x > 0.9, "\(x) is not near 1: “\(line)”")
                    case .saturated: #expect(1 - x * x < 0.1, "\(x) is not saturated: “\(line)”")
                    case .off: #expect(x <= 0, "\(x) is not off: “\(line)”")
                    }
                }
                checked += 1
            }
        }
        // "Unit 2 passes straight back to $c_{2}$ only $f_{3} = 0.08$ of …": a forget gate near 0, printed right.
        let straight = try Regex(#"passes? straight back to \$c_\{([0-9]+)\}\$ only \$f_\{([0-9]+)\} = ([-0-9.]+)\$"#)
        for line in Self.prose(markdown) {
            for match in line.matches(of: straight) {
                let (before, t) = (try #require(Int(match.output[1].substring ?? "")), try #require(Int(match.output[2].substring ?? "")))
                #expect(before == t - 1, "“\(line)”")
                let printed = try #require(Double(match.output[3].substring ?? ""))
                let f = try #require(trace["f[\(t)]"]).value.flat
                #expect(f.contains { abs($0 - printed) <= 0.005 + 1e-12 && $0 < 0.1 }, "“\(line)”")
            }
        }
        // The default LSTM's story is told by its gates: unit 1 writes at step 1, unit 2 at step 2 and forgets at step 3.
        if c.lesson == "lstm-gates" && c.example == "default" {
            #expect(checked >= 3)
            #expect(markdown.contains("Unit 2 forgets: $f_{3} = 0.08$."))
            #expect(markdown.contains(#"Unit 2 passes straight back to $c_{2}$ only $f_{3} = 0.08$ of the gradient that reaches $c_{3}$."#))
        }
    }

    // MARK: Said once

    @Test(arguments: cases)
    func noCaptionIsSaidTwice(_ c: RecurrentCase) throws {
        let (_, markdown) = try Self.run(c)
        var seen: [String: Int] = [:]
        for line in Self.prose(markdown) where line.split(separator: " ").count >= 6 { seen[line, default: 0] += 1 }
        let repeated = seen.filter { $0.value > 1 }.map(\.key)
        #expect(repeated.isEmpty, "said more than once: \(repeated)")
    }

    // MARK: One-hot inputs

    @Test(arguments: cases.filter { !$0.backward })
    func oneHotIsSaidExactlyWhereItIs(_ c: RecurrentCase) throws {
        let (trace, markdown) = try Self.run(c)
        let x = try #require(trace.steps.first { $0.name == "input" }).value.matrix
        func oneHot(_ t: Int) -> Int? {
            let row = (0..<x.cols).map { x[t - 1, $0] }
            guard x.cols > 1, row.filter({ $0 == 1 }).count == 1, row.allSatisfy({ $0 == 0 || $0 == 1 }) else { return nil }
            return (row.firstIndex(of: 1) ?? 0) + 1
        }
        // Every step one-hot: said once, in general, with x_1's column.
        let every = x.rows > 1 && (1...x.rows).allSatisfy { oneHot($0) != nil }
        // With several layers the sequence is layer 1's (PyTorch's l0) input: its weights' symbol says so.
        let w = trace["l0.h[1]"] == nil ? "W_{ih}" : "W_{ih}^{(0)}"
        #expect(markdown.components(separatedBy: "Each $x_{t}$ is one-hot").count - 1 == (every ? 1 : 0))
        if every, let j = oneHot(1) {
            #expect(markdown.contains("Each $x_{t}$ is one-hot, so $\(w) x_{t}$ is the column of $\(w)$ where $x_{t}$ has its 1 (column \(j) for $x_{1}$)."))
        }
        for t in 1...x.rows where !(Repeats.leftOut(of: x.rows)?.contains(t) ?? false) {
            let said = oneHot(t).map { "$x_{\(t)}$ is one-hot, so $\(w) x_{\(t)}$ is column \($0) of $\(w)$." }
            #expect(markdown.contains("$x_{\(t)}$ is one-hot") == (said != nil && !every), "x_\(t)")
            if let said, !every { #expect(markdown.contains(said)) }
        }
    }

    // MARK: The GRU's update gate and reset gate

    @Test func theGRUSaysWhichShareZKeepsWhereZFirstAppears() throws {
        for takes in [false, true] {
            let c = RecurrentCase(lesson: "gru", example: "default", backward: false, fields: takes ? ["update_gate": "takes-candidate"] : [:])
            let (_, markdown) = try Self.run(c)
            let equations = try #require(markdown.range(of: "```math")).lowerBound
            let firstZ = try #require(markdown.range(of: "#### $z_{1}$ · update gate"))
            let caption = markdown[firstZ.upperBound...].prefix { $0 != "#" }
            if takes {
                #expect(markdown[equations...].contains(#"\text{update gate: near 1 takes } n_{t}"#))
                #expect(caption.contains("**PyTorch's $z$ is the other share**"), "\(caption)")
            } else {
                #expect(markdown[equations...].contains(#"\text{update gate: near 1 keeps } h_{t-1}"#))
                #expect(caption.contains("**PyTorch's $z$ keeps the old state**"), "\(caption)")
                // The slides' form, so that a student with colah's figure does not flip the gate.
                #expect(caption.contains(#"colah's figure writes $h_{t} = (1 - z_{t}) \odot h_{t-1} + z_{t} \odot \tilde h_{t}$"#), "\(caption)")
            }
        }
    }

    @Test(arguments: cases.filter { $0.lesson == "gru" })
    func theResetGateIsDescribedForItsConvention(_ c: RecurrentCase) throws {
        let (_, markdown) = try Self.run(c)
        // Reset after (PyTorch) scales W_hn h + b_hn, after the product: not "the old state".
        #expect(!markdown.contains("lets the old state in") && !markdown.contains("lets into its candidate"))
        let before = c.fields["reset"] == "before" || c.example == "click4ai"
        #expect(markdown.contains(before ? "passes on to $W_{hn}$, before the product" : "The reset gate acts *after* the product"))
    }

    // MARK: The LSTM's cell state

    @Test(arguments: cases.filter { $0.lesson == "lstm-gates" })
    func theCellStatePromisesNoGradientItsForgetGateCuts(_ c: RecurrentCase) throws {
        let (trace, markdown) = try Self.run(c)
        #expect(!markdown.contains("which is why the gradient survives many steps"))
        // "Multiplied by the forget gate alone" holds only along the cell's direct path, and says so.
        #expect(markdown.contains("Backwards, along this direct path, $c_{t}$ passes its gradient to $c_{t-1}$ multiplied by $f_{t}$ alone"))
        #expect(!markdown.contains("back to $c_{t-1}$ the gradient is multiplied by the forget gate alone"))
        #expect(!markdown.contains("Along the cell state alone"))
        // The forward "notice" that spoke of gates near 0 and 1 whether or not there were any is gone.
        #expect(!markdown.contains("What to notice"))
        // Every unit whose forget gate closes is said to pass back little, at that step's c.
        let steps = (1...).prefix { trace["f[\($0)]"] != nil }.count
        for t in 2...max(2, steps) where steps >= 2 && !(Repeats.leftOut(of: steps)?.contains(t) ?? false) {
            let (f, before) = (try #require(trace["f[\(t)]"]).value.flat, try #require(trace["f[\(t - 1)]"]).value.flat)
            let closed = f.indices.filter { f[$0] < 0.1 && before[$0] >= 0.1 }
            #expect(markdown.contains("straight back to $c_{\(t - 1)}$ only") == !closed.isEmpty, "f[\(t)] = \(f)")
        }
    }

    // MARK: The slides box

    static let bullet = #"^- Seed 00[0-4]: “[^”]+” (Confirmed|Refuted|Partly|Only when|Only where)[^:]*: .+\.$"#
    static let product = #"\$\(?(-?[0-9.]+)\)? \\cdot \(?(-?[0-9.]+)\)? = (-?[0-9.]+)\$"#

    @Test(arguments: cases)
    func theSlidesBoxHasItsFormAndItsArithmeticHolds(_ c: RecurrentCase) throws {
        let (trace, markdown) = try Self.run(c)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "## What the seed notes say, and what the numbers show") else {
            // The default examples all have one.
            #expect(c.example != "default", "no slides box")
            return
        }
        var bullets = lines[(start + 1)...].drop { $0.isEmpty }.prefix { !$0.isEmpty }
        // With several layers, a sentence first says which layer the bullets speak of.
        if trace["l0.h[1]"] != nil {
            #expect(bullets.first?.hasPrefix("The slides speak of one layer reading the sequence: here that is layer 1 (PyTorch's l0)") == true)
            bullets = lines[(bullets.endIndex)...].drop { $0.isEmpty }.prefix { !$0.isEmpty }
        }
        #expect(!bullets.isEmpty)
        let (bullet, product) = (try Regex(Self.bullet), try Regex(Self.product))
        for line in bullets {
            #expect(line.firstMatch(of: bullet) != nil, "\(line)")
            for m in line.matches(of: product) {
                let numbers = (1...3).compactMap { m.output[$0].substring.flatMap { Double($0) } }
                try #require(numbers.count == 3)
                #expect(abs(numbers[0] * numbers[1] - numbers[2]) <= 0.0002, "\(line)")
            }
        }
        // Placed just before the summary.
        let next = lines[(start + 1)...].first { $0.hasPrefix("## ") }
        #expect(next == "## Summary")
    }

    static func box(_ lesson: String, _ example: String, fields: [String: String] = [:]) throws -> String {
        let (_, markdown) = try Self.run(RecurrentCase(lesson: lesson, example: example, backward: false, fields: fields))
        return String(markdown.split(separator: "## Summary")[0].split(separator: "## What the seed notes say")[1])
    }

    @Test func theVerdictsFollowTheNumbers() throws {
        // "Unchanged" is only partly true: along the cell's direct path the gradient is multiplied by f_2 ⊙ f_3
        // (0.8653, 0.0700); with the paths through h and the gates ∂c_3/∂c_1's diagonal is 0.8907, 0.0972
        // (central differences in numpy agree).
        let lstm = try Self.box("lstm-gates", "default")
        #expect(lstm.contains("unchanged.” Partly: along the cell's direct path, $c_{3}$'s gradient reaches $c_{1}$ multiplied by $f_{2} \\odot f_{3}$: $0.8653$ (unit 1) and $0.0700$ (unit 2)"))
        #expect(lstm.contains(#"$\partial c_{3} / \partial c_{1}$ has $0.8907$ (unit 1) and $0.0972$ (unit 2) on its diagonal"#))
        // The belt carries unit 1 and its gate drops unit 2: what the slide says the gates are for.
        #expect(lstm.contains("Confirmed: the belt carries unit 1 on (at least 0.92 of its cell at each step), and the gate drops the rest: unit 2 passes on only $f_{3} = 0.08$ of its cell at step 3."))
        // f is the share kept: 0.076 keeps 7.6%.
        #expect(lstm.contains("unit 2's $f_{3} = 0.0760$ keeps 7.6% of $c_{2} = 0.7461$ and forgets 92.4%"))
        // The vanishing example: 0.42 and 0.37 over 19 steps, beside the RNN's size ratio on the same sequence.
        let vanishing = try Self.box("lstm-gates", "vanishing")
        #expect(vanishing.contains("unchanged.” Partly") && vanishing.contains("$0.4243$ (unit 1) and $0.3699$ (unit 2)"))
        let rnn = try Self.run(RecurrentCase(lesson: "rnn-unroll", example: "vanishing", backward: true)).trace
        func size(_ t: Int) throws -> Double { try #require(rnn["h[\(t)].grad"]).value.flat.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        #expect(vanishing.contains("rnn-unroll's vanishing RNN keeps $\(readable(try size(1) / size(20)))$ of its gradient's size from step 20 to step 1"))
        #expect(vanishing.contains("like a conveyor belt") || vanishing.contains("Like a conveyor belt"))
        #expect(vanishing.contains("that is what the gates are for.” Confirmed"))
        // The seed's W_hh = 3 does not explode here: its tanh is saturated; with every a_t = 0 it would.
        let toy = try Self.box("rnn-unroll", "seed-toy")
        #expect(toy.contains("Only when the tanh is not saturated") && toy.contains("it vanishes"))
        #expect(toy.contains("With every $a_{t} = 0$ (as for $x_{1} = -0.65$ and $x_{2} = -0.5$), each factor would be $W_{hh}$ itself and the product $3^{2} = 9$: amplified."))
        // The same letter twice, two different states: what an output layer would need.
        #expect(try Self.box("rnn-unroll", "default").contains("Confirmed for the states: $x_{2} = x_{3}$, yet $h_{2} = [0.3732, 0.0040]$ and $h_{3} = [0.8166, 0.3141]$ differ"))
        // The slide's input gate and "1 − input gate" in PyTorch's names; the ¾ for any size.
        let gru = try Self.box("gru", "default")
        #expect(gru.contains("Confirmed, in PyTorch's names: the slide's input gate is $1 - z_{t}$ and its “1 − input gate”, the forget gate's role, is $z_{t}$"))
        #expect(gru.contains("three quarters of its weights and of its matrix products' work for any $I$ and $H$") && !gru.contains("add to 1"))
    }

    @Test func theSeedToysUnsaturatedInputsZeroEveryPreActivation() throws {
        let example = try #require(RNNUnroll.examples.first { $0.name == "seed-toy" })
        let input = try #require(example.input.setting("input", .rows([[-0.65], [-0.5]])))
        let trace = try RNNUnroll.run(input, file: "toy.json", example: nil, claims: nil, backward: false)
        for t in 1...2 { #expect(abs(try #require(trace["a[\(t)]"]).value.flat[0]) < 1e-12, "a[\(t)]") }
    }

    @Test func theGRUQuotesTheOtherResetRulesNumbers() throws {
        for before in [false, true] {
            let (this, markdown) = try Self.run(RecurrentCase(lesson: "gru", example: "default", backward: false, fields: before ? ["reset": "before"] : [:]))
            let (other, _) = try Self.run(RecurrentCase(lesson: "gru", example: "default", backward: false, fields: before ? [:] : ["reset": "before"]))
            let (h, o) = (try #require(this["h[3]"]).value.flat, try #require(other["h[3]"]).value.flat)
            // The note's own h_3 is quoted before the steps compute it: said as such.
            #expect(markdown.contains("under that rule this example would end at $h_{3} = \(vectorSaid(o))$, not at the $h_{3} = \(vectorSaid(h))$ computed below."), "\(markdown.prefix(3000))")
            // The default example has no b_hn: the whole difference is where r_t meets the old state.
            #expect(!markdown.contains("with $b_{hn} = 0$"))
        }
        // Unit 2 keeps 0.30 of its clause under the slides' rule, 0.10 under PyTorch's.
        #expect(try Self.run(RecurrentCase(lesson: "gru", example: "default", backward: false)).markdown.contains("$h_{3} = [0.6507, 0.2996]$, not at the $h_{3} = [0.6393, 0.0991]$ computed below"))
        // click4ai starts from h_0 = 0 for one step: the two rules agree.
        #expect(try Self.run(RecurrentCase(lesson: "gru", example: "click4ai", backward: false)).markdown.contains("scaling what reaches each unit's candidate, $b_{hn}$ included: the same numbers here."))
    }

    /// With a b_hn the rules differ twice (where r_t meets the state, and whether b_hn is scaled by
    /// it): the sentence quotes the two rules' h_T without b_hn, and says which part counts more.
    @Test func theGRUsOtherResetRuleSaysWhatBhnAdds() throws {
        let example = try #require(GRU.examples.first { $0.name == "default" })
        for (bhn, mostly) in [([1.0, 1], "Most of that difference is where $b_{hn}$ goes"), ([-0.5, -0.5], "Part of it is where $b_{hn}$ goes"),
                              ([0.001, -0.001], "Most of it is where $r_{t}$ meets the old state")] {
            let input = try #require(example.input.setting("bias_hh_l0", .numbers([0, 0, 0, 0] + bhn)))
            let markdown = MarkdownRenderer(command: "lesson gru").render(try GRU.trace(input, file: "x.json", example: nil))
            // The same two rules with b_hn = 0: the default example's own numbers.
            let withoutBhn = MarkdownRenderer(command: "lesson gru").render(try GRU.trace(example.input, file: "x.json", example: nil))
            let before = try #require(example.input.setting("reset", .string("before")))
            let h = try #require(try GRU.trace(example.input, file: "x.json", example: nil)["h[3]"]).value.flat
            let other = try #require(try GRU.trace(before, file: "x.json", example: nil)["h[3]"]).value.flat
            #expect(withoutBhn.contains(vectorSaid(h)) && withoutBhn.contains(vectorSaid(other)))
            #expect(markdown.contains("\(mostly)"), "\(markdown.prefix(2500))")
            #expect(markdown.contains("with $b_{hn} = 0$ this rule would\(bhn[0] == 0.001 ? " still" : "") end at $\(vectorSaid(h))$ and that one at $\(vectorSaid(other))$."))
        }
    }

    @Test(arguments: cases.filter { $0.lesson == "gru" && !$0.backward })
    func aUnitWithAZeroStateIsNotSaidToKeepIt(_ c: RecurrentCase) throws {
        let (trace, markdown) = try Self.run(c)
        let takes = c.fields["update_gate"] == "takes-candidate" || c.example == "click4ai"
        let steps = (1...).prefix { trace["z[\($0)]"] != nil }.count
        for t in 1...steps where !(Repeats.leftOut(of: steps)?.contains(t) ?? false) {
            let z = try #require(trace["z[\(t)]"]).value.flat
            let old = t == 1 ? (try #require(trace.steps.first { $0.name == "h0" })).value.flat : try #require(trace["h[\(t - 1)]"]).value.flat
            // A unit that keeps a zero state (its gate newly in the keeping band) ignores the step's input.
            let before = t == 1 ? nil : try #require(trace["z[\(t - 1)]"]).value.flat
            func keeping(_ x: Double) -> Bool { takes ? x < 0.1 : x > 0.9 }
            for u in z.indices where keeping(z[u]) && old[u] == 0 && !(before.map { keeping($0[u]) } ?? false) {
                #expect(!markdown.contains("Unit \(u + 1) keeps its old state: $z_{\(t)}"))
                #expect(markdown.contains("Unit \(u + 1) ignores"), "unit \(u + 1), step \(t)")
            }
        }
    }

    // MARK: Words about the model

    @Test func theWordsSpeakOfTheModelNotOfTheTool() {
        let tool = ["`--", "`lesson", "_l0`", "`grad_output", "bptt_steps", "left out", "--format", "JSON"]
        for (name, words) in [("recurrent", recurrentWords), ("rnn-unroll", RNNUnroll.words), ("lstm-gates", LSTMGates.words), ("gru", GRU.words)] {
            // The alternatives name other libraries' settings for a failed claim; summaries are for `--help`.
            for key in words.keys where !key.hasPrefix("alternative") && !key.hasSuffix(".summary") {
                let text = words.text(key) ?? words.caption(key).meaning
                for word in tool { #expect(!text.contains(word), "\(name): \(key) says \(word)") }
            }
        }
    }
}
