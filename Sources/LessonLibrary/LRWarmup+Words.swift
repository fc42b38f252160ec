// The words of lr-warmup, and the sentences computed from its numbers. Slots in «»: «w» the warm-up,
// «v» a value, «steps» a list of steps.

import Foundation
import TraceCore

extension LRWarmup {
    static let words = Words(
        captions: [
            "d_model": ("Model width", "A wider model takes smaller steps: the schedule scales with $d_{\\text{model}}^{-0.5}$."),
            "d_model, paper": ("Model width", "The paper's base model: $d_{\\text{model}} = 512$. A wider model takes smaller steps: the schedule scales with $d_{\\text{model}}^{-0.5}$."),
            "warmup_steps": ("Warm-up steps", "The step where the rise ends and the decay begins."),
            "warmup_steps, paper": ("Warm-up steps", "The paper's $w = 4000$: the step where the rise ends and the decay begins."),
            "factor": ("Factor", "A constant multiplier of the whole schedule (The Annotated Transformer's `factor`)."),
            "factor, one": ("Factor", "1, as in the paper, which has no factor."),
            "steps": ("Steps", "The optimizer's steps to compute the learning rate at, counted from 1."),
            "steps, spread": ("Steps", "The optimizer's steps, counted from 1: the start, four points of the warm-up up to $w$, and four after it."),
            "scale": ("scale", "The same at every step: $f \\cdot d_{\\text{model}}^{-0.5}$."),
            "decay": ("the decay", "Falls as the step grows: the branch that sets the rate after the warm-up."),
            "rise": ("the rise", "Grows in proportion to the step: the branch that sets the rate during the warm-up. At $s = w$ it equals the decay: $w^{-0.5}$ = «v»."),
            "lr": ("learning rate", "«which»"),
            "peak_step": ("the step of the peak", "Where the branches meet: $s^{-0.5} = s w^{-1.5}$ gives $s^{1.5} = w^{1.5}$, so $s = w$. Before it the rise is the smaller branch, after it the decay."),
            "peak_lr": ("the peak learning rate", "$k w^{-0.5}$: no step has a larger rate, since before $w$ the rise is below $w^{-0.5}$ and after it the decay is."),
        ],
        text: [
            "summary": "The Transformer's learning-rate schedule: a linear warm-up, then a decay as 1/√step",
            "title": "The learning-rate schedule with warm-up",
            "why": #"""
                The Transformer is trained with a learning rate that changes with every step of the optimizer: \#
                it **rises linearly** for the first $w$ steps (the warm-up), then **falls as $1/\sqrt{s}$**. The \#
                rate of every step is one formula, the smaller of two branches.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \eta(s) = f \cdot d_{\text{model}}^{-0.5} \cdot \min\left(s^{-0.5},\; s w^{-1.5}\right), \qquad s = 1, 2, \dots
                """#,
            "convention": #"""
                Section 5.3 of the paper, with $f = 1$ and $w = 4000$ for the base model. $s$ counts the \#
                optimizer's steps from 1 (at $s = 0$ the first branch is infinite; The Annotated Transformer reads \#
                step 0 as 1). In PyTorch this is a `LambdaLR` whose function is this formula, on an optimizer \#
                whose own rate is 1. Hugging Face's linear schedule, used for BERT, also rises linearly for \#
                $w$ steps but then falls **linearly** to 0, not as $1/\sqrt{s}$. Nothing here is learned: there is \#
                no backward pass.
                """#,
            "legend n": "steps at which the rate is computed",
            "legend d_model": "model width",
            "legend w": "warm-up steps",
            "label step": "step",
            "heading steps": "Steps",
            "heading peak": "The peak",
            "heading summary": "Summary",
            "figure": "The learning rate against the step",
            "figure panel": "lr",
            "figure description": "The learning rate from step 1 to step «last»: a straight rise to the peak at step «w», then a long fall as 1/√s.",
            "lr, rise, one": "Step «steps» is inside the warm-up ($s < w$): the rise is the smaller branch.",
            "lr, decay, one": "Step «steps» is past the warm-up ($s > w$): the decay is the smaller branch.",
            "lr, rise": "Steps «steps» are inside the warm-up ($s < w$): the rise is the smaller branch, and the rate grows in proportion to the step.",
            "lr, peak": "At step «w» both branches are equal: the peak.",
            "lr, decay": "Steps «steps» are past the warm-up ($s > w$): the decay is the smaller branch, and the rate falls as $1/\\sqrt{s}$.",
            "summary first": "Step «first» has «ratio» of the peak rate «peak»: the rate at step $s \\le w$ is the peak times $s/w$.",
            "summary last": "Step «last» has «ratio» of the peak: past the warm-up the rate is the peak times $\\sqrt{w/s}$, so it halves each time the step is multiplied by 4.",
            "summary d_model": "Every rate is proportional to $d_{\\text{model}}^{-0.5}$ = «v»: a model twice as wide takes steps $1/\\sqrt{2}$ as large.",
            "slides optimum": #"""
                - Seed 001: “글로벌 옵티마에 도달하기 위한, 적절한 러닝레이트를 가하도록 러닝레이트 스케쥴러를 정해야 한다” \#
                (a scheduler is chosen to apply the right learning rate to reach the global optimum). What the numbers \#
                show is narrower: the schedule is a fixed function of the step that never looks at the loss. It sets \#
                step «first»'s rate to «lr first», «ratio» of the peak «peak» at step «w», and lets it fall after that. \#
                Whether training then reaches a global optimum, or any optimum, is not something the schedule can \#
                promise; the paper gives no reason for the warm-up, and the usual one is that large early steps \#
                destabilize a post-norm Transformer (Xiong et al. 2020).
                """#,
            "default.summary": "the paper's base model: d_model 512, 4000 warm-up steps, from step 1 to 20000",
            "default.story": "The paper's base model, $d_{\\text{model}} = 512$ and $w = 4000$, at nine steps from the first to the 20000th.",
            "tiny.summary": "d_model 4 and 4 warm-up steps: ten steps a student can compute by hand",
            "tiny.story": #"""
                A toy schedule small enough to redo with a pencil: $d_{\text{model}} = 4$ makes the scale $4^{-0.5} = 0.5$, \#
                and $w = 4$ makes the rise $s/8$; the peak is at step 4.
                """#,
        ])

    /// What each step's rate comes from: the steps on the rise, at the peak, on the decay.
    static func lrCaption(_ p: LRWarmupInput, lr: [Double]) -> Caption {
        let w = words
        let rising = p.steps.filter { $0 < p.warmup }
        let falling = p.steps.filter { $0 > p.warmup }
        var parts: [String] = []
        if !rising.isEmpty { parts.append(w(rising.count == 1 ? "lr, rise, one" : "lr, rise", ["steps": stepList(rising)])) }
        if p.steps.contains(p.warmup) { parts.append(w("lr, peak", ["w": numberLabel(p.warmup)])) }
        if !falling.isEmpty { parts.append(w(falling.count == 1 ? "lr, decay, one" : "lr, decay", ["steps": stepList(falling)])) }
        return w.caption("lr", ["which": parts.joined(separator: " ")])
    }

    static func riseCaption(_ p: LRWarmupInput) -> Caption {
        words.caption("rise", ["v": shown(pow(p.warmup, -0.5), p)])
    }

    /// Steps in a sentence: "1, 500 and 1000"; more than four as the first and the last ("5 … 10 (6 steps)").
    static func stepList(_ steps: [Double]) -> String {
        let labels = steps.map(numberLabel)
        return labels.count > 4 ? "\(labels[0]) … \(labels[labels.count - 1]) (\(labels.count) steps)" : listed(labels)
    }

    /// A rate in a sentence, in the form the tables show it.
    static func shown(_ x: Double, _ p: LRWarmupInput) -> String { NumberStyle(precision: 4, exponentBelow: p.exponentBelow).fixed(x) }

    /// The share of the peak a step at or before the warm-up's end has, s/w, as a fraction in lowest
    /// terms ("1/4000"); after it, √(w/s) as a decimal.
    static func ratio(step s: Double, _ p: LRWarmupInput) -> String {
        guard s <= p.warmup else { return NumberStyle(precision: 4).fixed((p.warmup / s).squareRoot()) }
        func gcd(_ a: Double, _ b: Double) -> Double { b == 0 ? a : gcd(b, a.truncatingRemainder(dividingBy: b)) }
        let g = gcd(s, p.warmup)
        return "\(numberLabel(s / g))/\(numberLabel(p.warmup / g))"
    }

    static func summaryWords(_ p: LRWarmupInput, lr: [Double], peak: Double) -> String {
        let w = words
        var said: [String] = []
        if let k = p.steps.indices.min(by: { p.steps[$0] < p.steps[$1] }), p.steps[k] < p.warmup {
            said.append(w("summary first", ["first": numberLabel(p.steps[k]), "ratio": ratio(step: p.steps[k], p), "peak": shown(peak, p)]))
        }
        if let k = p.steps.indices.max(by: { p.steps[$0] < p.steps[$1] }), p.steps[k] > p.warmup {
            said.append(w("summary last", ["last": numberLabel(p.steps[k]), "ratio": ratio(step: p.steps[k], p)]))
        }
        said.append(w("summary d_model", ["v": shown(pow(p.dModel, -0.5), p)]))
        return said.joined(separator: " ")
    }

    static func slides(_ p: LRWarmupInput, lr: [Double], peak: Double) -> [String] {
        guard let k = p.steps.indices.min(by: { p.steps[$0] < p.steps[$1] }) else { return [] }
        return [words("slides optimum", ["first": numberLabel(p.steps[k]), "lr first": shown(lr[k], p), "ratio": ratio(step: p.steps[k], p),
                                         "peak": shown(peak, p), "w": numberLabel(p.warmup)])]
    }
}
