// The trace: everything a lesson computed, in order, with the words that go with it.
// Lessons append to it top to bottom; the Markdown and JSON renderers read it.

/// One value of the trace: an input the lesson was given, or a value it computed.
public struct Step: Sendable {
    let id: Int
    /// The name in the JSON trace and in claims: `f[1]`, `h[3]`; an input's field name.
    public let name: String
    /// The LaTeX symbol: `f_{1}`.
    public let symbol: String
    /// A few words for the heading: "forget gate".
    public let title: String
    public let value: Value
    /// How it was computed; nil for an input.
    public let computed: Traced?
    /// One sentence on what the value means, for a student.
    public let meaning: String
    /// Labels for the rows (tokens, units, gate units) and columns, with the rows' header.
    public let labels: Labels
    /// Whether the note shows it (not a value kept for the JSON trace only: `Trace.hiding`).
    public var isShown = true
    /// Whether its numbers are whole counts (BLEU's n-gram counts), shown without decimals.
    public var exact = false

    public var isInput: Bool { computed == nil }

    /// The value's shape as the JSON trace, claims and tables give it: its `Labels.shape` when it
    /// has more than two axes, else the scalar's, vector's or matrix's.
    public var shape: [Int] { labels.shape ?? value.shape }
}

/// The words that go with one value: a few for its heading, one sentence on what it means.
public struct Caption: Sendable {
    public let title: String
    public let meaning: String
    public init(title: String, meaning: String) {
        self.title = title
        self.meaning = meaning
    }
}

/// How the rows and columns of a value are labelled in tables.
public struct Labels: Sendable {
    public var rowHeader: String
    public var rows: [String]
    public var columns: [String]
    /// The shape of a value of more than two axes (B × T × D), computed as a matrix whose rows run
    /// over the leading axes (Tensor.swift); nil for a scalar, vector or matrix. A gradient, which
    /// takes its value's labels, takes its shape too.
    public var shape: [Int]?

    public init(rowHeader: String = "", rows: [String] = [], columns: [String] = [], shape: [Int]? = nil) {
        self.rowHeader = rowHeader
        self.rows = rows
        self.columns = columns
        self.shape = shape
    }
}

/// A table gathering vector values side by side, one row each (e.g. h_t for every step t).
public struct SummaryTable: Sendable {
    public struct Column: Sendable {
        public let symbol: String
        public let values: [Vector]
        /// What each entry is (a character of char-lm's p_t), for the header; nil numbers them.
        public var entries: [String]? = nil
    }
    public let rowHeader: String
    public let rows: [String]
    public let columns: [Column]
}

/// What a lesson repeats (time steps, heads, directions, layers), and how a long run of them is
/// shortened: its middle items are not written out, and the note says where their results are.
public struct Repeats: Sendable {
    /// Runs of more sections than this show the first two and the last in full.
    static let maxWrittenOut = 6

    /// The sections of a run of `count` that the Markdown leaves out (1-based), if any.
    public static func leftOut(of count: Int) -> ClosedRange<Int>? {
        count > maxWrittenOut ? 3...(count - 1) : nil
    }
    /// One of them, and several: "step", "steps"; "head", "heads".
    public let singular: String
    public let plural: String
    /// The symbol that counts them in a heading ("t" gives "t = 3 … 7"); nil names them ("Heads 3 … 7").
    public let counter: String?
    /// What the left-out items do: "repeat the same computation on the next inputs".
    public let sameWork: String
    /// Where their results are shown: "the summary below shows their results".
    public let resultsShown: String
    /// Whether the run is counted down (item 1 is the last step): the backward pass through time.
    public let countsDown: Bool

    public init(singular: String, plural: String, counter: String? = nil, sameWork: String, resultsShown: String, countsDown: Bool = false) {
        self.countsDown = countsDown
        self.singular = singular
        self.plural = plural
        self.counter = counter
        self.sameWork = sameWork
        self.resultsShown = resultsShown
    }

}

/// One row of the gradient check: an input's entry whose gradient is largest, its gradient from the
/// backward pass, and the central difference (L(θ + ε) − L(θ − ε))/2ε from two reruns of the forward pass.
public struct GradientCheck: Sendable {
    public let name: String
    public let symbol: String
    /// The entry, 1-based: (row, column) or (entry).
    public let at: [Int]
    public let analytic: Double
    public let numeric: Double
    public init(name: String, symbol: String, at: [Int], analytic: Double, numeric: Double) {
        (self.name, self.symbol, self.at, self.analytic, self.numeric) = (name, symbol, at, analytic, numeric)
    }
    /// Below this size a gradient counts as 0: the central difference's rounding (about
    /// 10⁻¹⁶·L/ε) would otherwise make a zero gradient look wrong.
    public static let floor = 1e-3
    /// |analytic − numeric| / max(|analytic|, |numeric|, floor).
    public var relativeDifference: Double {
        abs(analytic - numeric) / max(abs(analytic), abs(numeric), Self.floor)
    }
}

/// A piece of the document, in reading order.
public enum Block: Sendable {
    /// A section heading (level 2 or 3) in Markdown with inline LaTeX allowed.
    case heading(level: Int, text: String)
    /// The start of item `index` (1-based) of `count` that the lesson repeats (a time step, a
    /// head): long runs show only the first two and the last in full.
    case section(Repeats, index: Int, count: Int, text: String)
    /// A paragraph of Markdown prose.
    case prose(String)
    /// Displayed equations, LaTeX.
    case math(String)
    /// A value of the trace: the input table or the computed step with its equations.
    case step(Int)
    case summary(SummaryTable)
    /// The shape legend: symbol, meaning, size in this example.
    case legend([(symbol: String, meaning: String, size: Int)])
    /// A picture, with a text alternative that says what it shows.
    case figure(Figure, description: String)
    /// The gradient check table (its rows are the trace's `gradientChecks`).
    case gradientCheck
}

/// Everything one run of a lesson produced, in computation order.
public final class Trace {
    /// Set for the reruns of the gradient check, which need the values alone: no words, no
    /// figures, no summaries are made.
    @TaskLocal public static var valuesOnly = false
    /// Set for the reruns that look for why a claim fails: every value is changed so as it is
    /// recorded, and what follows is computed from it.
    @TaskLocal public static var adjustment: Adjustment?

    public let lesson: String
    public let title: String
    /// The example's name, or the input file's (without its folder: no path reaches the output).
    public var example: String
    public private(set) var steps: [Step] = []
    public private(set) var blocks: [Block] = []
    /// The numbers the trace holds, over all its steps: what the work limits count.
    public var numberCount: Int { steps.reduce(0) { $0 + $1.value.count } }
    /// The first computed step of each name, so that looking a value up (a claim per entry) is O(1).
    private var computedByName: [String: Int] = [:]
    /// The loss of the backward pass, L = Σ ⟨gradient, value⟩ over these recorded outputs: what a
    /// rerun of the forward pass evaluates for the gradient check.
    public internal(set) var lossTerms: [(name: String, gradient: Value)] = []
    /// Gradients recorded out of order or not at all: a lesson's mistake (empty in a correct lesson).
    public internal(set) var backwardProblems: [String] = []
    /// The gradient check of the backward pass, one row per differentiable input.
    public var gradientChecks: [GradientCheck] = []
    /// The claims checked against this trace, with where they come from.
    public internal(set) var claims: (source: String, verdicts: [Verdict])?
    /// What explains several failing claims at once (a convention that fits the whole claims file).
    public internal(set) var claimsFinding: String?

    public init(lesson: String, title: String, example: String) {
        self.lesson = lesson
        self.title = title
        self.example = example
    }

    // MARK: Words

    public func heading(_ text: String, level: Int = 2) {
        inLeftOutSection = false
        append(.heading(level: level, text: text))
    }

    /// Whether what is recorded now is kept for the JSON trace and claims only: values the note has
    /// shown already under other names (char-lm's generated steps that repeat the trained ones).
    /// No value, word, heading or figure is shown while it is set.
    public var hiding = false

    private func append(_ block: Block) { if !hiding { blocks.append(block) } }
    /// Whether the section being recorded is one the Markdown leaves out (the middle of a long
    /// run of steps or heads): its values need no words.
    private var inLeftOutSection = false
    /// Starts the section of item `index` (1-based) of `count` of what the lesson repeats.
    public func section(_ repeats: Repeats, _ index: Int, of count: Int, _ text: @autoclosure () -> String) {
        inLeftOutSection = Repeats.leftOut(of: count)?.contains(index) ?? false
        if Self.valuesOnly || hiding { return }
        blocks.append(.section(repeats, index: index, count: count, text: text()))
    }
    public func say(_ prose: @autoclosure () -> String) { if !Self.valuesOnly && !hiding { blocks.append(.prose(prose())) } }
    public func math(_ latex: @autoclosure () -> String) { if !Self.valuesOnly && !hiding { blocks.append(.math(latex())) } }
    public func legend(_ rows: [(symbol: String, meaning: String, size: Int)]) { append(.legend(rows)) }
    public func figure(_ figure: @autoclosure () -> Figure, description: @autoclosure () -> String) {
        if !Self.valuesOnly && !hiding { blocks.append(.figure(figure(), description: description())) }
    }
    /// Where the gradient check table goes.
    public func gradientCheckTable() { blocks.append(.gradientCheck) }

    /// The figures in reading order.
    public var figures: [Figure] {
        blocks.compactMap { if case .figure(let figure, _) = $0 { return figure } else { return nil } }
    }

    /// `entries`: what each entry of the columns' vectors is, for their headers (nil numbers them).
    public func summary(rowHeader: String, rows: [String], columns: [(symbol: String, values: [Traced])], entries: [String]? = nil) {
        if Self.valuesOnly || hiding { return }
        let cols = columns.map { column in
            SummaryTable.Column(symbol: column.symbol, values: column.values.map { traced in
                guard case .vector(let v) = traced.value else { preconditionFailure("summary of a non-vector") }
                return v
            }, entries: entries)
        }
        blocks.append(.summary(SummaryTable(rowHeader: rowHeader, rows: rows, columns: cols)))
    }

    // MARK: Values

    /// Adds an input (a field of the example) and shows it as a labelled table.
    @discardableResult
    func input(_ name: String, _ symbol: String, _ value: Value, title: String, meaning: String,
                      labels: Labels = Labels()) -> Traced {
        add(name: name, symbol: symbol, title: title, value: value, computed: nil, meaning: meaning, labels: labels, isInput: true)
    }

    /// Adds an input with its caption (its labels are not made for a rerun that keeps values only).
    @discardableResult
    public func input(_ name: String, _ symbol: String, _ value: Value, _ caption: Caption, labels: @autoclosure () -> Labels = Labels()) -> Traced {
        input(name, symbol, value, title: caption.title, meaning: caption.meaning, labels: Self.valuesOnly ? Labels() : labels())
    }

    /// Shows a number the lesson derived from its inputs (a scale, a mask), like an input table.
    @discardableResult
    func constant(_ symbol: String, _ value: Value, title: String, meaning: String, labels: Labels = Labels()) -> Traced {
        add(name: "", symbol: symbol, title: title, value: value, computed: nil, meaning: meaning, labels: labels, isInput: true)
    }

    /// Records a computed value under its name: the renderers show its equation, the equation
    /// with numbers, each entry written out, and the table of values.
    @discardableResult
    func record(_ name: String, _ symbol: String, _ computed: Traced, title: String, meaning: String,
                       labels: Labels = Labels()) -> Traced {
        add(name: name, symbol: symbol, title: title, value: computed.value, computed: computed, meaning: meaning,
            labels: labels, isInput: false)
    }

    /// Shows a number derived from the inputs (a scale, a mask) with its caption.
    @discardableResult
    public func constant(_ symbol: String, _ value: Value, _ caption: Caption, labels: Labels = Labels()) -> Traced {
        constant(symbol, value, title: caption.title, meaning: caption.meaning, labels: labels)
    }

    /// Records a computed value with its caption (not made for a rerun that keeps values only).
    @discardableResult
    public func record(_ name: String, _ symbol: String, _ computed: Traced, _ caption: @autoclosure () -> Caption,
                       labels: @autoclosure () -> Labels = Labels()) -> Traced {
        if Self.valuesOnly || hiding { return record(name, symbol, computed, title: "", meaning: "") }
        // Labels still: a gradient shown later takes its value's.
        if inLeftOutSection { return record(name, symbol, computed, title: "", meaning: "", labels: labels()) }
        let words = caption()
        return record(name, symbol, computed, title: words.title, meaning: words.meaning, labels: labels())
    }

    /// Records a value of whole counts (how often an n-gram occurs): shown without decimals, here
    /// and wherever it is used, as a number given is.
    @discardableResult
    public func recordCount(_ name: String, _ symbol: String, _ computed: Traced, _ caption: @autoclosure () -> Caption,
                            labels: @autoclosure () -> Labels = Labels()) -> Traced {
        let words = Self.valuesOnly ? Caption(title: "", meaning: "") : caption()
        return add(name: name, symbol: symbol, title: words.title, value: computed.value, computed: computed, meaning: words.meaning,
                   labels: Self.valuesOnly ? Labels() : labels(), isInput: false, exact: true)
    }

    private func add(name: String, symbol: String, title: String, value given: Value, computed: Traced?, meaning: String,
                     labels: Labels, isInput: Bool, exact: Bool = false) -> Traced {
        let value = Self.adjustment.map { $0.change(name, isInput && !name.isEmpty, given) } ?? given
        precondition(labels.shape.map { $0.count > 2 && $0.reduce(1, *) == value.count } ?? true,
                     "\(name): shape \(labels.shape ?? []) does not fit \(value.shape)")
        let id = steps.count
        steps.append(Step(id: id, name: name, symbol: symbol, title: title, value: value, computed: computed,
                          meaning: meaning, labels: labels, isShown: !hiding, exact: exact))
        if computed != nil && computedByName[name] == nil { computedByName[name] = id }
        append(.step(id))
        return Traced(value, Recorded(id: id, symbol: symbol, isInput: isInput, exact: exact))
    }

    /// The computed values (not the inputs), in computation order: what the JSON trace lists.
    public var computedSteps: [Step] { steps.filter { !$0.isInput } }

    /// A computed value by its name, e.g. `trace["h[2]"]`.
    public subscript(name: String) -> Step? { computedByName[name].map { steps[$0] } }
}
