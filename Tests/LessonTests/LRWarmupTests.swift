// lr-warmup: bad input is refused with one line naming the field; --backward is refused, as a
// schedule has nothing to learn; the peak is the largest rate and sits at w; the words name the
// branch each step's numbers take; small rates are shown in exponent form, and only then.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct LRWarmupTests {
    static func run(_ json: JSON) throws -> (trace: Trace, markdown: String) {
        let trace = try LRWarmup.trace(json, file: "lr.json", example: nil)
        return (trace, MarkdownRenderer(command: "lesson lr-warmup").render(trace))
    }

    static let bad: [(JSON, String)] = [
        (.fields(["warmup_steps": .number(0)]), "warmup_steps must be a whole number of at least 1"),
        (.fields(["warmup_steps": .number(-5)]), "warmup_steps must be a whole number of at least 1"),
        (.fields(["warmup_steps": .number(2.5)]), "warmup_steps must be a whole number"),
        (.fields(["d_model": .number(0)]), "d_model must be a whole number of at least 1"),
        (.fields(["factor": .number(0)]), "factor must be a positive number"),
        (.fields(["steps": .numbers([1, 0])]), "steps[2] must be a whole number from 1"),
        (.fields(["steps": .numbers([1.5])]), "steps[1] must be a whole number from 1"),
        (.fields(["steps": .numbers([2e12])]), "steps[1] must be a whole number from 1 to 10¹²"),
        (.fields(["steps": .array([])]), "steps must be the optimizer's steps"),
        (.fields(["steps": .strings(["1"])]), "steps[1] must be a number"),
        (.fields(["warmup": .number(10)]), "unknown field \"warmup\""),
        // Rates below the smallest normal double would print as 0 and make the shares of the peak lie.
        (.fields(["factor": .number(5e-324), "d_model": .number(1e9), "warmup_steps": .number(1e9)]), "factor 5e-324 is so small that the learning rate at step 1 underflows"),
    ]

    @Test func badInputIsOneLineNamingTheField() throws {
        for (json, field) in Self.bad {
            let error = try #require(throws: LessonError.self) { try Self.run(json) }
            #expect(error.code == .data)
            #expect(error.message.hasPrefix("lr.json: ") && error.message.contains(field), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func theCommandLineRefusesTheBackwardPass() throws {
        let run = try lesson(["lr-warmup", "--backward"])
        #expect(run.status == 65 && run.out.isEmpty)
        #expect(run.err.hasPrefix("error: ") && run.err.contains("nothing to learn") && run.err.filter { $0 == "\n" }.count == 1, "\(run.err)")
        let help = try lesson(["lr-warmup", "--help"])
        #expect(help.status == 0 && !help.out.contains("--backward"))
    }

    @Test func thePeakIsTheLargestRateAndSitsAtTheWarmup() throws {
        for (d, w) in [(512.0, 4000.0), (4, 4), (64, 1), (100, 7)] {
            let steps = (1...60).map { Double($0) * w / 10 }.map { max(1, $0.rounded()) }
            let (trace, _) = try Self.run(.fields(["d_model": .number(d), "warmup_steps": .number(w), "steps": .numbers(steps)]))
            let lr = try #require(trace["lr"]).value.flat
            let peak = try #require(trace["peak_lr"]).value.flat[0]
            #expect(try #require(trace["peak_step"]).value.flat[0] == w)
            #expect(lr.allSatisfy { $0 <= peak * (1 + 1e-15) })
            #expect(abs(peak - pow(d, -0.5) * pow(w, -0.5)) <= 1e-15 * peak)
            // Before w the rate grows with the step, after it the rate falls.
            let pairs = zip(steps, lr).sorted { $0.0 < $1.0 }
            for (a, b) in zip(pairs, pairs.dropFirst()) where a.0 != b.0 {
                if b.0 <= w { #expect(b.1 > a.1) } else if a.0 >= w { #expect(b.1 < a.1) }
            }
        }
    }

    @Test func theWordsNameTheBranchEachStepTakes() throws {
        let (trace, text) = try Self.run(.fields(["warmup_steps": .number(10), "steps": .numbers([20, 1, 10, 5])]))
        let (rise, decay) = (try #require(trace["rise"]).value.flat, try #require(trace["decay"]).value.flat)
        // Steps 1 and 5 take the rise, 20 the decay, 10 both.
        #expect(rise[1] < decay[1] && rise[3] < decay[3] && rise[0] > decay[0] && abs(rise[2] - decay[2]) <= 1e-15)
        #expect(text.contains("Steps 1 and 5 are inside the warm-up") && text.contains("At step 10 both branches are equal")
                && text.contains("Step 20 is past the warm-up"))
        #expect(text.contains("Step 1 has 1/10 of the peak") && text.contains("Step 20 has 0.7071 of the peak"), "\(text)")
        // Without a step past w, nothing is said of the decay's steps.
        let early = try Self.run(.fields(["warmup_steps": .number(10), "steps": .numbers([1, 2])])).markdown
        #expect(!early.contains("past the warm-up ($s > w$)") && !early.contains("of the peak: past"))
    }

    @Test func smallRatesAreShownInExponentFormAndOnlyThen() throws {
        let paper = try Self.run(.fields([:]))
        #expect(paper.markdown.contains("| 4000 | 4.4194e-02·min(1.5811e-02, 1.5811e-02) = 4.4194e-02·1.5811e-02 | 6.9877e-04 |"))
        #expect(paper.markdown.contains("those below 0.1 in exponent form"))
        let tiny = try #require(LRWarmup.examples.first { $0.name == "tiny" })
        let trace = try LRWarmup.trace(tiny.input, file: "x", example: tiny)
        let text = MarkdownRenderer(command: "lesson lr-warmup").render(trace)
        #expect(text.contains("| 1 | 0.5000·min(1.0000, 0.1250) = 0.5000·0.1250 | 0.0625 |") && !text.contains("e-0"))
        // The JSON trace keeps full precision either way.
        let json = JSONTraceRenderer.render(paper.trace)
        #expect(json.contains("0.00069877"))
    }

    @Test func exponentsStayExactAtPrecisionZero() throws {
        let tiny = try #require(LRWarmup.examples.first { $0.name == "tiny" })
        let trace = try LRWarmup.trace(tiny.input, file: "x", example: tiny)
        let text = MarkdownRenderer(precision: 0, command: "lesson lr-warmup").render(trace)
        #expect(text.contains("| 4 | 4^(-0.5) |") && text.contains("1·4^(-0.5) = ") && !text.contains("^0 ") && !text.contains("^(-2)"))
    }

    @Test func aClaimedGradientIsRefusedAsNothingToLearn() throws {
        let run = try lesson(["lr-warmup", "--expect", "-"], stdin: #"{"claims": [{"value": "lr.grad", "at": [1], "expected": 1}]}"#)
        #expect(run.status == 65 && run.err.contains("has nothing to learn, so it has no gradients") && !run.err.contains("add --backward"), "\(run.err)")
    }

    @Test func equalRatesOnBothSidesOfThePeakAreFoundExactly() throws {
        // a/w = √(w/b) ⇔ b = w³/a²: 2 and 16 with w = 4; 3 and 7.1 have no partner.
        let (_, text) = try Self.run(.fields(["warmup_steps": .number(4), "d_model": .number(4), "steps": .numbers([3, 16, 2, 7])]))
        #expect(text.contains("Steps 2 and 16 have the same rate"))
        let none = try Self.run(.fields(["warmup_steps": .number(4), "d_model": .number(4), "steps": .numbers([3, 7])])).markdown
        #expect(!none.contains("have the same rate"))
    }

    @Test func theDefaultStepsSpreadFromOneThroughThePeak() {
        #expect(LRWarmupInput.spread(warmup: 4000) == [1, 500, 1000, 2000, 4000, 8000, 12000, 16000, 20000])
        #expect(LRWarmupInput.spread(warmup: 1) == [1, 2, 3, 4, 5])
        #expect(LRWarmupInput.spread(warmup: 3) == [1, 2, 3, 6, 9, 12, 15])
    }
}
