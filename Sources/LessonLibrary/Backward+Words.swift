// The words every backward pass shares: its headings, the loss, the gradient check.

import TraceCore

let backwardWords = Words(
    captions: [
        "grad_output": ("Gradient of the loss", #"$G = \frac{\partial L}{\partial «output»}$ as the loss sees it: $L = \sum G \odot «output»$, the sum of every entry of $«output»$ times the entry of $G$ in its place, so each entry of $G$ says how much L gains per unit of that entry of the output. This is PyTorch's `output.backward(grad_output)`."#),
    ],
    text: [
        "grad_output left out": "Here every entry of $G$ is 1: L is the sum of every entry of the output.",
        "backward why": #"""
            Training needs the gradient of a loss $L$ with respect to every weight and input. Backpropagation \#
            gets it with the chain rule, from the output back to the inputs, in the reverse order of the \#
            forward pass: each value's gradient is the sum, over every place the value was used, of what that \#
            use passes back.
            """#,
        "heading backward": "Backward pass",
        "heading loss": "The loss",
        "heading check": "Gradient check",
        "check": #"""
            Each array's entry with the largest gradient in size is nudged by $\pm 10^{-6}$ and the forward pass run \#
            again: the central difference of the loss must match the gradient found above, to about $10^{-8}$ \#
            relative (rounding). It checks one entry per array: a wrong step of the chain rule that moves that \#
            entry's gradient only a little, or moves only other entries, could still pass.
            """#,
    ], korean: backwardKorean)

extension Trace {
    /// The backward part's heading, the lesson's account and equations, and the loss's gradient G
    /// (shaped like `output`, ones when `given` is nil), shown as an input.
    func beginBackward(why: String, equations: String, output: Traced, symbol: String, given: Matrix?, labels: Labels) -> Traced {
        let w = backwardWords
        heading(w("heading backward"))
        say(why)
        heading(w("heading loss"), level: 3)
        var caption = w.caption("grad_output", ["output": symbol])
        if given == nil { caption = Caption(title: caption.title, meaning: caption.meaning + " " + w("grad_output left out")) }
        let shape = output.value.matrix
        let g = input("grad_output", "G", .matrix(given ?? Matrix(rows: shape.rows, cols: shape.cols, entries: Array(repeating: 1, count: shape.entries.count))),
                      caption, labels: labels)
        // The rules after G, which they start from.
        math(equations)
        return g
    }

    /// The gradient check, at the end of the backward part; `level`: its heading's (2 after a
    /// stack's layers, whose parts are level 2).
    func endBackward(_ back: Backprop, note: String? = nil, level: Int = 3) {
        back.finish()
        heading(backwardWords("heading check"), level: level)
        say(backwardWords("check") + (note.map { " " + $0 } ?? ""))
        gradientCheckTable()
    }
}
