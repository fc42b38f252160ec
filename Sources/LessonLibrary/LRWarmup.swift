// lr-warmup: the Transformer's learning-rate schedule, a linear warm-up and an inverse-square-root decay.
//
// Convention (Vaswani et al. 2017, section 5.3), for the optimizer's step s = 1, 2, … and w = warmup_steps:
//   lr(s) = factor · d_model^−0.5 · min(s^−0.5, s · w^−1.5).
// For s < w the second branch is the smaller, so lr rises linearly; for s > w the first, so lr falls as
// 1/√s; at s = w both are w^−0.5, and lr peaks at factor · d_model^−0.5 · w^−0.5.
// Others: The Annotated Transformer's `rate` is this formula, with step 0 read as 1; in PyTorch it is a
// LambdaLR whose lambda is this formula on an optimizer with lr = 1; Hugging Face's linear schedule
// (BERT) rises linearly and then falls linearly to 0 instead.
// References: Vaswani et al. 2017, "Attention Is All You Need", section 5.3; The Annotated Transformer
// (Rush et al.), "Optimizer"; seed notes 001 (러닝 레이트 스케쥴러).

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum LRWarmup: Lesson {
    static let id = "lr-warmup"
    static var summary: String { words("summary") }
    /// A schedule is a fixed function of the step: nothing in it is learned.
    static let learns = false

    static let examples = [
        Example("default", words, input: .fields([
            "d_model": .number(512),
            "warmup_steps": .number(4000),
            "factor": .number(1),
            "steps": .numbers(LRWarmupInput.paperSteps),
        ])),
        Example("tiny", words, input: .fields([
            "d_model": .number(4),
            "warmup_steps": .number(4),
            "factor": .number(1),
            "steps": .numbers((1...8).map(Double.init) + [16]),
        ])),
    ]

    static let maxSteps = 10_000
    /// The largest step and warm-up: far beyond any training run, and exact in a Double.
    static let maxStep = 1e12

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try LRWarmupInput(&reader)
        try reader.finish()
        return derive(p, example: example, file: file)
    }

    /// The derivation: the two branches at every step, the smaller of the two scaled, and the peak
    /// where they meet. Words in LRWarmup+Words.swift.
    static func derive(_ p: LRWarmupInput, example: Example?, file: String) -> Trace {
        let w = words
        let n = p.steps.count
        let stepLabels = Labels(rowHeader: w("label step"), rows: p.steps.map(numberLabel))

        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        // A learning rate of a few ten-thousandths is shown in exponent form (6.9877e-04, not 0.0007),
        // and so are the factors it is the product of, so that each keeps five significant digits.
        tr.exponentBelow = p.exponentBelow
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        tr.math(#"\eta(s) = f \cdot d_{\text{model}}^{-0.5} \cdot \min\left(s^{-0.5},\; s w^{-1.5}\right), \qquad s = 1, 2, \dots"#)
        tr.say(w("convention"))
        tr.introduceInputs(legend: [
            (symbol: #"d_{\text{model}}"#, meaning: w("legend d_model"), size: Int(p.dModel)),
            (symbol: "w", meaning: w("legend w"), size: Int(p.warmup)),
        ], example: example)
        let dModel = tr.input("d_model", #"d_{\text{model}}"#, .scalar(p.dModel), w.caption(p.dModel == 512 ? "d_model, paper" : "d_model"))
        let warmup = tr.input("warmup_steps", "w", .scalar(p.warmup), w.caption(p.warmup == 4000 ? "warmup_steps, paper" : "warmup_steps"))
        let factor = tr.input("factor", "f", .scalar(p.factor), w.caption(p.factor == 1 ? "factor, one" : "factor"))
        let steps = tr.input("steps", "s", .vector(Vector(p.steps)), w.caption(!p.stepsGiven ? "steps, spread" : p.steps == LRWarmupInput.paperSteps ? "steps, paper" : "steps"),
                             labels: Labels(rowHeader: w("label k"), rows: numberLabels(n)))

        tr.heading(w("heading steps"))
        // k = f · d_model^−0.5: the same at every step.
        let k = tr.record("scale", "k", product(factor, power(dModel, exactly(-0.5))), w.caption("scale"))
        // The two branches: the decay s^−0.5 and the rise s · w^−1.5.
        let decay = tr.record("decay", #"s^{-0.5}"#, power(steps, exactly(-0.5)), w.caption("decay"), labels: stepLabels)
        let rise = tr.record("rise", #"s w^{-1.5}"#, product(steps, power(warmup, exactly(-1.5))),
                             riseCaption(p), labels: stepLabels)
        // lr = k · min(s^−0.5, s · w^−1.5)
        let lr = tr.record("lr", #"\eta"#, product(k, minimum(decay, rise)), lrCaption(p), labels: stepLabels)

        // The peak: the branches meet where s^−0.5 = s · w^−1.5, that is at s = w.
        tr.heading(w("heading peak"))
        tr.recordCount("peak_step", #"s_{\text{peak}}"#, warmup, w.caption("peak_step"))
        let peak = tr.record("peak_lr", #"\eta_{\text{peak}}"#, product(k, power(warmup, exactly(-0.5))),
                             peakCaption(p, peak: p.factor / (p.dModel * p.warmup).squareRoot()))

        let curve = curvePoints(p)
        tr.figure(.lines(title: w("figure"), steps: curve.labels,
                         panels: [LinePanel(title: w("figure panel"), series: [curve.steps.map { p.rate($0) }], range: 0...peak.value.flat[0])]),
                  description: w("figure description", ["w": numberLabel(p.warmup), "last": numberLabel(curve.steps.last ?? 1)]))

        tr.slides(slides(p, lr: lr.value.flat, peak: peak.value.flat[0]))
        tr.heading(w("heading summary"))
        tr.say(summaryWords(p, lr: lr.value.flat, peak: peak.value.flat[0]))
        return tr
    }

    /// The steps the figure draws, from 1 to the last step given or 2w, whichever is larger, so that
    /// the rise, the peak and the fall all show: every step up to 96, else 97 evenly spaced, of which
    /// the axis labels five (0, ¼, ½, ¾ and all of the way) so that long numbers do not overlap.
    static func curvePoints(_ p: LRWarmupInput) -> (steps: [Double], labels: [String]) {
        let last = max(p.steps.max() ?? 1, 2 * p.warmup)
        if last <= 96 {
            let steps = (1...Int(last)).map(Double.init)
            return (steps, steps.map(numberLabel))
        }
        var steps = (0...96).map { max(1, (last * Double($0) / 96).rounded()) }
        // The peak drawn where it is: the grid's nearest point moved onto w.
        steps[Int((p.warmup * 96 / last).rounded())] = p.warmup
        return (steps, steps.indices.map { $0 % 24 == 0 ? numberLabel(steps[$0]) : "" })
    }
}

/// The input of lr-warmup: the width, the warm-up, the factor and the steps, checked once.
struct LRWarmupInput {
    let dModel: Double
    let warmup: Double
    let factor: Double
    let steps: [Double]
    let stepsGiven: Bool

    /// The default example's steps: the spread of the paper's w = 4000, and the base model's last
    /// step (100K steps, section 5.2).
    static let paperSteps = spread(warmup: 4000) + [100_000]
    /// factor · d_model^−0.5, the schedule's scale.
    var scale: Double { factor * pow(dModel, -0.5) }
    /// Where the Markdown turns to exponent form: below 0.1 when a rate is below 0.01, else never.
    var exponentBelow: Double? { steps.contains { rate($0) < 0.01 } ? 0.1 : nil }
    /// The schedule at step s (the figure draws it between the steps given).
    func rate(_ s: Double) -> Double { scale * min(pow(s, -0.5), s * pow(warmup, -1.5)) }

    /// The default steps: from 1 through the warm-up (w/8, w/4, w/2, w) and on to 5w, where lr has
    /// fallen to √(1/5) of its peak.
    static func spread(warmup w: Double) -> [Double] {
        let points = [1, w / 8, w / 4, w / 2, w, 2 * w, 3 * w, 4 * w, 5 * w].map { max(1, $0.rounded()) }
        var seen = Set<Double>()
        return points.filter { seen.insert($0).inserted }
    }

    init(_ reader: inout InputReader) throws {
        if reader.backward {
            throw reader.fail("--backward: the learning-rate schedule has nothing to learn: it is a fixed function of the step, with no weight to train and no input a gradient could reach; run it without --backward")
        }
        func whole(_ key: String, _ what: String, default value: Double) throws -> Double {
            guard let given = try reader.integer(key, what) else { return value }
            guard given >= 1 else { throw reader.fail("\(key) must be a whole number of at least 1 (\(what)), got \(given)") }
            return Double(given)
        }
        dModel = try whole("d_model", "the model's width", default: 512)
        warmup = try whole("warmup_steps", "the steps of the linear warm-up", default: 4000)
        factor = try reader.number("factor") ?? 1
        guard factor > 0 else { throw reader.fail("factor must be a positive number, got \(JSON.format(factor))") }
        let given = try reader.vector("steps", "the optimizer's steps to compute lr at, whole numbers from 1, e.g. [1, 1000, 4000, 8000]")
        stepsGiven = given != nil
        steps = given?.entries ?? Self.spread(warmup: warmup)
        try reader.expect(steps.count, "the number of steps", atMost: LRWarmup.maxSteps)
        for (k, s) in steps.enumerated() where s != s.rounded() || s < 1 || s > LRWarmup.maxStep {
            throw reader.fail("steps[\(k + 1)] must be a whole number from 1 to 10¹², the optimizer's step (counted from 1), got \(JSON.format(s))")
        }
        // A factor so small that a rate is not a normal double (it would print as 0, and ratios of it lie).
        if let s = steps.first(where: { rate($0) < Double.leastNormalMagnitude }) {
            throw reader.fail("factor \(JSON.format(factor)) is so small that the learning rate at step \(JSON.format(s)) underflows below 10⁻³⁰⁸; use a larger factor")
        }
        // The trace holds the three numbers and the steps, k, both branches, lr, and the peak's two numbers.
        let n = Double(steps.count)
        try reader.expectWork(multiplyAdds: 4 * n, traceNumbers: 4 * n + 6)
    }
}
