// What every lesson provides, and the list of lessons the command line knows.

import JSONFormat
import LessonInput
import TraceCore

/// A built-in example: an input object (exactly what `--print-input` prints) and the story
/// that tells a student what to watch for in it.
public struct Example: Sendable {
    public let name: String
    /// Where its summary, story and backward story are, looked up in the language of the run.
    private let words: Words?
    private let given: (summary: String, story: String)
    public let input: JSON
    /// Numbers from the example's source, checked and marked ✓ or ✗ in the trace.
    let claims: JSON?
    /// What the backward pass shows in this example, if it has words of its own for it.
    var backwardStory: String? {
        get { givenBackwardStory ?? words?.text("\(name).backward") }
        set { givenBackwardStory = newValue }
    }
    private var givenBackwardStory: String?

    /// One line for `lesson <id> --help`.
    public var summary: String { words.map { $0("\(name).summary") } ?? given.summary }
    /// Markdown prose shown before the inputs.
    var story: String { words.map { $0("\(name).story") } ?? given.story }

    /// An example whose summary and story are `words("NAME.summary")` and `words("NAME.story")`,
    /// and whose backward story, if any, is `words("NAME.backward")`.
    init(_ name: String, _ words: Words, input: JSON, claims: JSON? = nil) {
        self.name = name
        self.words = words
        given = ("", "")
        self.input = input
        self.claims = claims
    }

    /// An example whose words are made from its numbers (already in the language of the run).
    init(name: String, summary: String, story: String, input: JSON, claims: JSON? = nil) {
        self.name = name
        words = nil
        given = (summary, story)
        self.input = input
        self.claims = claims
    }
}

extension Example {
    /// Whether the lecture notes have this example's backward pass too: every lesson's default,
    /// and the examples whose story is about the gradient.
    public var hasBackwardNote: Bool { ["default", "vanishing", "seed-toy", "two-layers"].contains(name) }
}

/// One mechanism, run on tiny numbers, written out step by step.
public protocol Lesson: Sendable {
    /// The command-line name: `lstm-gates`.
    static var id: String { get }
    /// One line for `lesson list`.
    static var summary: String { get }
    /// The built-in examples; the first is `default`.
    static var examples: [Example] { get }
    /// Reads `input` (named `file` in errors), runs the mechanism and returns its trace; with
    /// `backward`, its backward pass too. `example` is the built-in example being run, if any,
    /// whose story the trace tells.
    static func trace(_ input: JSON, file: String, example: Example?, backward: Bool) throws -> Trace
    /// Whether it has anything to learn, so that `--backward` has a gradient to show (not BLEU's counting).
    static var learns: Bool { get }
    /// Other formulations a slide may have used, tried when a claim fails (none by default).
    static var alternatives: [Alternative] { get }
    /// Whether input field `field` is a weight matrix, which a source may store the other way round.
    static func isWeight(_ field: String) -> Bool
    /// The loss the backward pass differentiates, L = Σ ⟨G, output⟩, with the forward pass rerun on
    /// `input` (a nudged copy of the input of `original`): what the gradient check compares with.
    static func lossOf(_ input: JSON, file: String, original: OriginalRun) throws -> Double
}

extension Lesson {
    public static var learns: Bool { true }
    static var alternatives: [Alternative] { [] }
    static func isWeight(_ field: String) -> Bool { false }

    /// The forward pass only.
    public static func trace(_ input: JSON, file: String, example: Example?) throws -> Trace {
        try trace(input, file: file, example: example, backward: false)
    }
}

/// Every lesson, in the order of the curriculum.
public enum Lessons {
    /// The course's order (the seeds'): recurrent cells and what is built from them, then attention,
    /// and the Transformer assembled, trained and applied to images.
    public static let all: [any Lesson.Type] = [RNNUnroll.self, LSTMGates.self, GRU.self, CharLM.self, BiRNN.self, Seq2Seq.self, Bleu.self,
                                                AttentionQKV.self, MultiHeadAttention.self, PositionalEncoding.self, LayerNorm.self, Norms.self,
                                                TransformerBlock.self, DecoderBlock.self, LRWarmup.self, VitPatches.self]

    public static var ids: [String] { all.map { $0.id } }

    public static func named(_ id: String) -> (any Lesson.Type)? { all.first { $0.id == id } }
}

extension Trace {
    /// What every lesson shows before its inputs: the shape legend, the example's story, and the
    /// "Inputs" heading.
    func introduceInputs(legend: [(symbol: String, meaning: String, size: Int)], example: Example?) {
        self.legend(legend)
        if let example {
            heading(sharedWords("heading example"))
            say(example.story)
        }
        heading(sharedWords("heading inputs"))
    }
}

/// A matrix whose rows are these vectors' values (a heatmap of one distribution per step).
func rowsMatrix(_ rows: [Traced]) -> Matrix {
    Matrix(rows: rows.count, cols: rows.first?.value.count ?? 0, entries: rows.flatMap { $0.value.flat })
}

/// The entries of vector values over time, one series per unit: `series[u][t]`.
func unitSeries(_ values: [Traced]) -> [[Double]] {
    let rows = values.map { $0.value.flat }
    let units = rows.first?.count ?? 0
    return (0..<units).map { u in rows.map { $0[u] } }
}

/// Row labels for a sequence: `1 · The`, `2 · cat`, … with tokens, else `1`, `2`, ….
func sequenceLabels(_ tokens: [String]?, count: Int) -> [String] {
    (0..<count).map { i in tokens.map { "\(i + 1) · \($0[i])" } ?? "\(i + 1)" }
}

/// Column labels `1`, `2`, … `count`.
func numberLabels(_ count: Int, prefix: String = "") -> [String] { (1...max(count, 1)).map { "\(prefix)\($0)" } }

/// The words every lesson shares: the headings around its inputs, and the labels of table rows
/// and columns.
let sharedWords = Words(text: [
    "heading slides": "What the seed notes say, and what the numbers show",
    "list": "«list» and «last»",
    "list, more": "«list» and «more» more",
    "heading example": "The example",
    "heading inputs": "Inputs",
    "label t": "t",
    "label step": "«letter» = «t»",
    "label step, token": "«letter» = «t» · “«token»”",
    "label unit": "unit",
    "label gate, unit": "gate, unit",
    "label unit j": "unit «j»",
    "label input j": "in «j»",
    "label token": "token",
    "label query": "query",
    "label key": "key",
    "label key j": "key «j»",
    "label query key": #"query \ key"#,
    "label input": "input",
    "label row": "row",
    "label entry": "entry",
    "label feature": "feature",
    "label column": "column",
    "label position": "position",
    "label position of row": "«row» (pos «position»)",
], korean: sharedKorean)

/// Items in a sentence: "a", "a and b", "a, b and c"; more than four as "a, b, c and 2 more", and
/// `more` items not given as "a, b and 5 more".
func listed(_ items: [String], more: Int = 0) -> String {
    if more == 0 && items.count > 4 { return listed(Array(items.prefix(3)), more: items.count - 3) }
    guard let last = items.last else { return "" }
    if more > 0 { return sharedWords("list, more", ["list": items.joined(separator: ", "), "more": "\(more)"]) }
    if items.count == 1 { return last }
    return sharedWords("list", ["list": items.dropLast().joined(separator: ", "), "last": last])
}

extension Trace {
    /// The slides box, before the summary: one bullet ("- Seed 00N: “…” Verdict: …") per seed statement
    /// this example's numbers bear on; nothing when none does, and nothing worked out in the gradient
    /// check's reruns. `intro`: a sentence before the bullets (which layer of a stack they speak of).
    func slides(_ bullets: @autoclosure () -> [String], intro: String? = nil) {
        guard !Trace.valuesOnly else { return }
        let bullets = bullets()
        guard !bullets.isEmpty else { return }
        heading(sharedWords("heading slides"))
        if let intro { say(intro) }
        say(bullets.joined(separator: "\n"))
    }
}
