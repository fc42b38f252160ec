// Values that remember how they were computed (micrograd's idea): every operation returns a
// `Traced` holding its result and the operation with its operands. When a lesson records a
// Traced value, the renderers ask the operation to write itself: symbolically, with the numbers
// put in, and entry by entry as the arithmetic a student does with a pencil. Lessons never
// write an equation or its numbers themselves.

/// A value with the record of the operation that produced it.
public struct Traced: Sendable {
    public let value: Value
    let operation: any Operation

    /// A rerun that keeps values only (`Trace.valuesOnly`) records no operation: nothing will be
    /// written out or differentiated, and operands are let go at once.
    init(_ value: Value, _ operation: @autoclosure () -> any Operation) {
        self.value = value
        self.operation = Trace.valuesOnly ? Untraced() : operation()
    }

    /// Shown by a symbol of its own (an input, a recorded value, a slice of one), not as arithmetic.
    var leaf: Leaf? { operation.leaf }

    /// Whether its numbers are the user's (shown as written) rather than computed.
    var isGiven: Bool { operation.leaf?.given ?? false }
}

/// The operation of a value computed in a rerun that keeps values only.
struct Untraced: Operation {
    var operands: [Traced] { [] }
    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX("", .atom) }
    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic { Arithmetic("", .atom) }
}

/// How tightly a piece of LaTeX or arithmetic binds, to decide where parentheses go.
enum Precedence: Int, Comparable, Sendable {
    case sum = 0, product = 1, atom = 2
    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
}

/// A value shown by its symbol: `x_{1}`, `W_{ih}`, `a_{1}^{f}`.
struct Leaf: Sendable {
    let symbol: String
    /// The user's numbers (shown as written), or computed ones (shown rounded).
    let given: Bool
}

/// One operation: how it computes (done when it is built), how it is written in LaTeX, how one
/// entry of its result is written out, and (for the backward pass) how a gradient flows back
/// to its operands. Adding an operation is adding one type that conforms to this.
protocol Operation: Sendable {
    /// The values it was computed from, in the order they are written.
    var operands: [Traced] { get }

    /// Set for values shown by their symbol (inputs, recorded values, slices).
    var leaf: Leaf? { get }

    /// The operation in LaTeX, its operands written by `w` (by symbol, or with numbers).
    func latex(_ w: LaTeXWriter) -> LaTeX

    /// How it takes part in written-out arithmetic.
    var writing: Writing { get }

    /// Entry `index` (row-major) of `result` as arithmetic on its operands' entries.
    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic

    /// For an elementwise function of one operand entry (σ, tanh, sin, …): its plain name, the
    /// operand and the operand's entry, so the arithmetic can be staged as `σ(…) = σ(0.0800)`.
    func function(at index: Int, of result: Value) -> (name: String, operand: Traced, index: Int)?

    /// A last stage of its own after the arithmetic as written (the softmax's `0.3679/2.2504`).
    func lastStage(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> String?

    /// The backward rule (the chain rule for this operation): given `gradient` = ∂L/∂result as an
    /// expression, ∂L/∂operand for each operand whose entry in `needs` is true (nil for the others),
    /// as expressions a student can read: ∂L/∂a = ∂L/∂h ⊙ (1 − h²). `result` is the value itself,
    /// by its symbol when it was recorded. nil: nothing flows back (a constant, a stopped gradient).
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]?
}

/// How an operation takes part in written-out arithmetic.
enum Writing: Sendable {
    /// Written out where it stands; once collapsed, shown by its value (products, functions).
    case collapses
    /// Always written out, even when collapsed (sums and differences: the additions stay visible).
    case staysWritten
    /// Rearranges entries without arithmetic (transpose, broadcast, concatenation): the entry of
    /// the operand it came from is written in its place.
    case view
}

extension Operation {
    var leaf: Leaf? { nil }
    var writing: Writing { .collapses }
    func function(at index: Int, of result: Value) -> (name: String, operand: Traced, index: Int)? { nil }
    func lastStage(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> String? { nil }
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? { nil }
}

/// LaTeX text and how tightly it binds.
struct LaTeX: Sendable {
    let text: String
    let precedence: Precedence
    init(_ text: String, _ precedence: Precedence) {
        self.text = text
        self.precedence = precedence
    }
}

/// Written-out arithmetic for one entry, and its shape (to decide on parentheses).
struct Arithmetic: Sendable {
    enum Shape: Sendable { case negativeNumber, number, sum, product, atom }
    let text: String
    let shape: Shape
    init(_ text: String, _ shape: Shape) {
        self.text = text
        self.shape = shape
    }
}
