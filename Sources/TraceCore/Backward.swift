// The backward pass (reverse-mode automatic differentiation, done as on the board): starting from
// ∂L/∂output, each recorded value's gradient is the sum, over the places it was used, of what each
// use passes back by its operation's rule. A lesson records the gradients in reverse order of the
// forward pass, so every gradient is complete when it is recorded, and each one is a recorded
// value like any other: its chain rule written symbolically, with numbers, and entry by entry.
// Only values that depend on a differentiable input get a gradient (PyTorch's requires_grad).

/// The gradients of one trace, recorded into it as `<name>.grad`.
public final class Backprop {
    private let trace: Trace
    /// Per step: whether it depends on a differentiable input.
    private var requires: [Bool]
    /// Per step: what each use passes back so far, with the step it came from (−1: the loss) and
    /// the slice of the value it concerns (nil: all of it).
    private var contributions: [Int: [(from: Int, part: Slice.Part?, gradient: Traced)]] = [:]
    /// The recorded gradients, by step.
    private var recorded: [Int: Traced] = [:]
    /// Computed steps that received a gradient and have not passed it on yet.
    private var pending = Set<Int>()
    /// The step whose gradient is being passed back, for the order of the terms.
    private var current = -1
    /// Gradients recorded out of order: a lesson's mistake, kept on the trace by `finish`.
    private var mistakes: [String] = []

    /// The backward pass over `trace`, whose inputs `differentiable` (as the lesson traced them)
    /// get gradients; other inputs (sizes, positions, left-out defaults) are constants.
    public init(_ trace: Trace, differentiable: [Traced]) {
        self.trace = trace
        let given = Set(differentiable.compactMap { ($0.operation as? Recorded)?.id })
        requires = []
        for step in trace.steps {
            requires.append(step.computed.map { requiresGradient($0) } ?? given.contains(step.id))
        }
    }

    private func requiresGradient(_ t: Traced) -> Bool {
        if let r = t.operation as? Recorded { return r.id < requires.count && requires[r.id] }
        return t.operation.operands.contains { requiresGradient($0) }
    }

    /// The loss's share: ∂L/∂`output` = `gradient` (PyTorch's `output.backward(gradient)`).
    public func seed(_ output: Traced, _ gradient: Traced) {
        guard let id = (output.operation as? Recorded)?.id, requires[id] else { return }
        contributions[id, default: []].append((-1, nil, gradient))
        pending.insert(id)
        trace.lossTerms.append((name: trace.steps[id].name, gradient: gradient.value))
    }

    /// Records ∂L/∂`value` as `<name>.grad` and passes it back to what `value` was computed from.
    /// nil when the loss does not depend on `value` (or `value` on nothing differentiable).
    @discardableResult
    public func record(_ value: Traced, _ caption: @autoclosure () -> Caption, labels: Labels? = nil) -> Traced? {
        guard let id = (value.operation as? Recorded)?.id else {
            mistakes.append("a gradient asked of a value that is not recorded")
            return nil
        }
        let step = trace.steps[id]
        // Only a computed value passes its gradient on: one still waiting to be recorded after this one is a mistake.
        if pending.contains(where: { $0 > id }), let later = pending.filter({ $0 > id }).min() {
            mistakes.append("\(step.name).grad recorded before \(trace.steps[later].name).grad, which passes gradient back to it")
        }
        guard requires[id], let uses = contributions[id], !uses.isEmpty, recorded[id] == nil else { return nil }
        let g = trace.record(step.name + ".grad", gradientSymbol(step.symbol), assemble(uses, like: step.value), caption(),
                             labels: labels ?? step.labels)
        recorded[id] = g
        pending.remove(id)
        current = id
        if let computed = step.computed { passBack(g, through: computed, result: value) }
        return g
    }

    /// Ends the pass: what went wrong in the lesson's order is kept on the trace, for the tests.
    public func finish() {
        trace.backwardProblems = mistakes + unrecorded.map { "\($0) received a gradient that was never recorded" }
    }

    /// The gradient recorded for `value`, if any.
    public func gradient(of value: Traced) -> Traced? {
        (value.operation as? Recorded).flatMap { recorded[$0.id] }
    }

    /// Values that received a gradient but never had it recorded (the lesson forgot them).
    private var unrecorded: [String] {
        contributions.keys.filter { recorded[$0] == nil && requires[$0] }.sorted().map { trace.steps[$0].name }
    }

    /// The gradient of a value from its uses, in the order of the forward pass: the loss's share
    /// first, then each later use; uses of one slice (a gate's block, a row) put in their place.
    private func assemble(_ uses: [(from: Int, part: Slice.Part?, gradient: Traced)], like value: Value) -> Traced {
        let ordered = uses.enumerated().sorted { ($0.element.from, $0.offset) < ($1.element.from, $1.offset) }.map(\.element)
        var terms = ordered.filter { $0.part == nil }.map(\.gradient)
        var parts: [(part: Slice.Part, gradient: Traced)] = []
        var place: [Slice.Part: Int] = [:]
        for use in ordered {
            guard let part = use.part else { continue }
            if let i = place[part] {
                parts[i].gradient = mergedScatter(parts[i].gradient, use.gradient) ?? total([parts[i].gradient, use.gradient])
            } else {
                place[part] = parts.count
                parts.append((part, use.gradient))
            }
        }
        if !parts.isEmpty { terms.append(scatter(parts, into: value)) }
        return total(terms)
    }

    /// Walks the expression of a recorded value from its gradient down to the recorded values and
    /// inputs it used, each operation applying its backward rule.
    private func passBack(_ gradient: Traced, through node: Traced, result: Traced) {
        if let leaf = node.operation as? Recorded {
            add(gradient, to: leaf.id, part: nil)
            return
        }
        if let slice = node.operation as? Slice, let leaf = slice.source.operation as? Recorded {
            add(gradient, to: leaf.id, part: slice.part)
            return
        }
        let operands = node.operation.operands
        let needs = operands.map { requiresGradient($0) }
        guard needs.contains(true), let gradients = node.operation.backward(gradient, result: result, needs: needs) else { return }
        for (operand, g) in zip(operands, gradients) {
            if let g { passBack(g, through: operand, result: operand) }
        }
    }
}

extension Backprop {
    /// A use's share of the gradient of step `id` (of its slice `part`).
    fileprivate func add(_ gradient: Traced, to id: Int, part: Slice.Part?) {
        guard requires[id] else { return }
        contributions[id, default: []].append((current, part, gradient))
        if trace.steps[id].computed != nil { pending.insert(id) }
    }
}

/// ∂L/∂x in LaTeX: `\frac{\partial L}{\partial h_{2}}`.
public func gradientSymbol(_ symbol: String) -> String {
    let of = isCompound(symbol) ? "\\left(\(symbol)\\right)" : symbol
    return "\\frac{\\partial L}{\\partial \(of)}"
}
