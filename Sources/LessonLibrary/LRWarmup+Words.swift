// The words of lr-warmup, and the sentences computed from its numbers. Slots in «»: «w» the warm-up,
// «v» a value, «steps» a list of steps.

import Foundation
import TraceCore

extension LRWarmup {
    static let words = Words(
        captions: [
            "d_model": ("Model width", "A wider model trains with a smaller learning rate: the schedule scales with $d_{\\text{model}}^{-0.5}$."),
            "d_model, paper": ("Model width", "The paper's base model: $d_{\\text{model}} = 512$. A wider model trains with a smaller learning rate: the schedule scales with $d_{\\text{model}}^{-0.5}$."),
            "warmup_steps": ("Warm-up steps", "The step where the rise ends and the decay begins."),
            "warmup_steps, paper": ("Warm-up steps", "The paper's $w = 4000$: the step where the rise ends and the decay begins."),
            "factor": ("Factor", "A constant multiplier of the whole schedule: The Annotated Transformer's `factor` (2 in its first version); the paper has none, which is $f = 1$."),
            "factor, one": ("Factor", "1: the paper has no factor. The Annotated Transformer's `factor` (2 in its first version) multiplies the whole schedule."),
            "steps": ("Steps", "The optimizer's steps to compute the learning rate at, counted from 1."),
            "steps, paper": ("Steps", "The optimizer's steps, counted from 1: the start, four points of the warm-up up to $w$, four after it, and the base model's last step, 100000."),
            "steps, spread": ("Steps", "The optimizer's steps, counted from 1: the start, four points of the warm-up up to $w$, and four after it."),
            "scale": ("scale", "The same at every step: $f \\cdot d_{\\text{model}}^{-0.5}$."),
            "decay": ("the decay", "Falls as the step grows: the branch that sets the rate after the warm-up."),
            "rise": ("the rise", "Grows in proportion to the step: the branch that sets the rate during the warm-up. At $s = w$ it equals the decay: $w^{-0.5}$ = «v»."),
            "lr": ("learning rate", "«which»"),
            "peak_step": ("the step of the peak", "Where the branches meet: $s^{-0.5} = s w^{-1.5}$ gives $s^{1.5} = w^{1.5}$, so $s = w$. Step $w$ belongs to both branches: the last step of the rise and the first of the decay."),
            "peak_lr": ("the peak learning rate", "No step has a larger rate: before $w$ the rise is below $w^{-0.5}$, and after it the decay is below it too. Without the rounded $k$: $\\eta_{\\text{peak}} = f / \\sqrt{d_{\\text{model}} w}$ = «exact»."),
        ],
        text: [
            "summary": "The Transformer's learning-rate schedule: a linear warm-up, then a decay as 1/√step",
            "title": "The learning-rate schedule with warm-up",
            "why": #"""
                The Transformer is trained with a learning rate $\eta$ that changes with every step of the \#
                optimizer: it **rises linearly** up to step $w$ (the warm-up), then **falls as $1/\sqrt{s}$**. The \#
                rate of every step is one formula, the smaller of two branches.

                **Why warm up, and why decay.** The paper states the schedule without a reason. The usual ones: at \#
                the start the weights are random, the gradients large and Adam's running estimates of their size \#
                built from a handful of steps, so full-size steps can throw training off; a post-norm Transformer \#
                (layer norm after each residual addition, as in the paper) is the most fragile here (Xiong et al. \#
                2020, “On Layer Normalization in the Transformer Architecture”; Liu et al. 2020, RAdam). Later, \#
                smaller steps let training settle instead of jumping around a minimum.
                """#,
            "heading equations": "The equations",
            "convention": #"""
                Section 5.3 of the paper, with $f = 1$ and $w = 4000$ for the base model, trained for 100000 steps \#
                with Adam ($\beta_{1} = 0.9$, $\beta_{2} = 0.98$, $\epsilon = 10^{-9}$): step $s$ moves each weight by \#
                $\eta(s)$ times Adam's normalized gradient, so by about $\eta(s)$ at most. $s$ counts the optimizer's \#
                steps from 1; in code $s^{-0.5}$ divides by zero at $s = 0$. In PyTorch the schedule is a `LambdaLR` \#
                on an optimizer whose own rate is 1 (`LambdaLR` multiplies that rate by its function's value); the \#
                function is called with the number of steps taken so far, from 0, so it must compute $\eta(s + 1)$, or \#
                read 0 as 1 as The Annotated Transformer does. Hugging Face's linear schedule, which reproduces \#
                BERT's, also rises linearly for $w$ steps but then falls **linearly** to 0, and its peak is a rate \#
                of its own; here $w$ sets the peak too. Nothing here is learned: there is no backward pass.
                """#,
            "legend d_model": "model width",
            "legend w": "warm-up steps",
            "label step": "step",
            "label k": "k",
            "heading steps": "Steps",
            "heading peak": "The peak",
            "heading summary": "Summary",
            "figure": "The learning rate against the step",
            "figure panel": "η",
            "figure description": "The learning rate from step 1 to step «last»: a straight rise to the peak at step «w», then a long fall as 1/√s.",
            "lr, rise, one": "Step «steps» is inside the warm-up ($s < w$): the rise is the smaller branch.",
            "lr, decay, one": "Step «steps» is past the warm-up ($s > w$): the decay is the smaller branch.",
            "lr, rise": "Steps «steps» are inside the warm-up ($s < w$): the rise is the smaller branch, and the rate grows in proportion to the step.",
            "lr, peak": "At step «w» both branches are equal: the peak.",
            "lr, decay": "Steps «steps» are past the warm-up ($s > w$): the decay is the smaller branch, and the rate falls as $1/\\sqrt{s}$.",
            "summary first": "Step «first» has «ratio» of the peak rate «peak»: the rate at step $s \\le w$ is the peak times $s/w$.",
            "summary last": "Step «last» has «ratio» of the peak: from step $w$ on the rate is the peak times $\\sqrt{w/s}$, so it halves each time the step is multiplied by 4.",
            "summary equal": "Steps «a» and «b» have the same rate, «v»: «share» of the peak, on the rise at $s/w$ = «a»/«w» and on the decay at $\\sqrt{w/s}$ = √(«w»/«b»).",
            "summary d_model": "Every rate is proportional to $d_{\\text{model}}^{-0.5}$ = «v»: a model twice as wide trains with a learning rate $1/\\sqrt{2}$ as large. The peak is also proportional to $w^{-0.5}$: a warm-up twice as long ends at a peak $1/\\sqrt{2}$ as high.",
            "slides optimum": #"""
                - Seed 001: “글로벌 옵티마에 도달하기 위한, 적절한 러닝레이트를 가하도록 러닝레이트 스케쥴러를 정해야 한다” \#
                (a scheduler must be chosen to apply the right learning rate to reach the global optimum) and \#
                “경험적으로 이 트렌스포머 모델이 이런 곳에서 잘 커버한다는 것을 알게 되었읍니다” (this was found by \#
                experience). The second agrees with the paper, which gives no reason for its schedule. What the numbers \#
                show is narrower: the schedule is a fixed function of the step that never looks at the loss. It sets \#
                step «first»'s rate to «lr first», «ratio» of the peak «peak» at step «w», and lets it fall after that. \#
                Whether training then reaches a global optimum, or any optimum, is not something the schedule can \#
                promise. What is true in the seed's words: the falling rate lets training settle near a minimum \#
                once it is close, where full-size steps would keep jumping around it.
                """#,
            "default.summary": "the paper's base model: d_model 512, 4000 warm-up steps, from step 1 to its last, 100000",
            "default.story": "The paper's base model, $d_{\\text{model}} = 512$ and $w = 4000$, at ten steps from the first to the 100000th, where its training ended.",
            "tiny.summary": "d_model 4 and 4 warm-up steps: nine steps a student can compute by hand",
            "tiny.story": #"""
                A toy schedule small enough to redo with a pencil: $d_{\text{model}} = 4$ makes the scale $4^{-0.5} = 0.5$, \#
                and $w = 4$ makes the rise $s/8$; the peak is at step 4.
                """#,

            // Lists of steps.
            "step list": "«list» and «last»",
            "step list, long": "«first» … «last» («count» steps)",
        ], korean: korean)

    /// What each step's rate comes from: the steps on the rise, at the peak, on the decay.
    static func lrCaption(_ p: LRWarmupInput) -> Caption {
        let w = words
        let rising = p.steps.filter { $0 < p.warmup }
        let falling = p.steps.filter { $0 > p.warmup }
        var parts: [String] = []
        if !rising.isEmpty { parts.append(w(rising.count == 1 ? "lr, rise, one" : "lr, rise", ["steps": stepList(rising)])) }
        if p.steps.contains(p.warmup) { parts.append(w("lr, peak", ["w": numberLabel(p.warmup)])) }
        if !falling.isEmpty { parts.append(w(falling.count == 1 ? "lr, decay, one" : "lr, decay", ["steps": stepList(falling)])) }
        return w.caption("lr", ["which": parts.joined(separator: " ")])
    }

    /// The peak without the rounded k: f/√(d_model·w), e.g. "1/√2048000 = 6.9877e-04".
    static func peakCaption(_ p: LRWarmupInput, peak: Double) -> Caption {
        words.caption("peak_lr", ["exact": "\(numberLabel(p.factor))/√\(numberLabel(p.dModel * p.warmup)) = \(shown(peak, p))"])
    }

    static func riseCaption(_ p: LRWarmupInput) -> Caption {
        words.caption("rise", ["v": shown(pow(p.warmup, -0.5), p)])
    }

    /// Steps in a sentence: "1, 500 and 1000"; more than eight as the first and the last ("1 … 3999
    /// (3999 steps)").
    static func stepList(_ steps: [Double]) -> String {
        let labels = steps.map(numberLabel)
        guard labels.count > 1 else { return labels.first ?? "" }
        if labels.count > 8 { return words("step list, long", ["first": labels[0], "last": labels[labels.count - 1], "count": "\(labels.count)"]) }
        return words("step list", ["list": labels.dropLast().joined(separator: ", "), "last": labels[labels.count - 1]])
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
        // Two steps with one rate, one on each side of the peak: a/w = √(w/b), so b = w³/a², found
        // exactly (no tolerance: rates that underflow to 0 are not equal shares of the peak).
        let given = Set(p.steps)
        if let a = p.steps.sorted().first(where: { a in
            let b = p.warmup * p.warmup * p.warmup / (a * a)
            return a < p.warmup && b == b.rounded() && given.contains(b) && b * a * a == p.warmup * p.warmup * p.warmup }),
           let ka = p.steps.firstIndex(of: a) {
            let b = p.warmup * p.warmup * p.warmup / (a * a)
            said.append(w("summary equal", ["a": numberLabel(a), "b": numberLabel(b), "w": numberLabel(p.warmup),
                                             "v": shown(lr[ka], p), "share": ratio(step: a, p)]))
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
