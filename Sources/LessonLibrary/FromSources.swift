// Named examples taken from published sources and from the seed notes, each with the numbers
// the source prints as claims. Where a source's number is misprinted or oddly rounded, the
// claim stays as printed and the verdict in the trace explains it: that is the point.

import JSONFormat
import LessonInput
import TraceCore

extension Example {
    /// An example whose claims come from `source`; each claim is (value, at, expected as printed).
    /// Its summary and story are `words("NAME.summary")` and `words("NAME.story")`.
    init(_ name: String, _ words: Words, input: JSON, source: String,
         claims: [(value: String, at: [Double], expected: String, tolerance: Double?)]) {
        let items: [JSON] = claims.map { claim in
            var fields = [JSONMember("value", .string(claim.value))]
            if !claim.at.isEmpty { fields.append(JSONMember("at", .numbers(claim.at))) }
            fields.append(JSONMember("expected", .string(claim.expected)))
            if let tolerance = claim.tolerance { fields.append(JSONMember("tolerance", .number(tolerance))) }
            return .object(fields)
        }
        self.init(name, words, input: input, claims: .fields(["source": .string(source), "claims": .array(items)]))
    }
}

/// Claims without an explicit tolerance: half a unit in the last printed decimal.
private func printed(_ value: String, _ at: [Double], _ expected: String) -> (value: String, at: [Double], expected: String, tolerance: Double?) {
    (value, at, expected, nil)
}

enum SourcedExamples {
    // MARK: rnn-unroll

    static let rnn = [
        Example("ai-by-hand", sourceWords, input: .fields([
            "input": .rows([[3], [4]]),
            "weight_ih_l0": .rows([[1], [2]]),
            "weight_hh_l0": .rows([[1, -1], [1, 1]]),
            "nonlinearity": .string("relu"),
        ]),
            source: "AI Stack Exchange, question 45724 (answer 45731), on Tom Yeh's “AI by hand” RNN exercise",
            claims: [printed("h[1]", [1], "3"), printed("h[1]", [2], "6"), printed("h[2]", [1], "1"), printed("h[2]", [2], "17")]),
        Example("seed-toy", sourceWords, input: .fields([
            "input": .rows([[0.5], [-0.5]]),
            "h0": .numbers([0.1]),
            "weight_ih_l0": .rows([[2]]),
            "weight_hh_l0": .rows([[3]]),
            "bias_ih_l0": .numbers([1]),
            "tokens": .strings(["x₂", "x₃"]),
            "grad_output": .rows([[0], [1]]),
        ])),
    ]

    // MARK: lstm-gates

    static let lstm = [
        Example("gomez-2016", sourceWords, input: .fields([
            "input": .rows([[1, 2], [0.5, 3]]),
            "weight_ih_l0": .rows([[0.95, 0.8], [0.7, 0.45], [0.45, 0.25], [0.6, 0.4]]),
            "weight_hh_l0": .rows([[0.8], [0.1], [0.15], [0.25]]),
            "bias_ih_l0": .numbers([0.65, 0.15, 0.2, 0.1]),
            "tokens": .strings(["x₀", "x₁"]),
        ]),
            source: "A. Gomez, “Backpropogating an LSTM: A Numerical Example” (2016), as reproduced by J. D. Seo (2018)",
            claims: [
                printed("g[1]", [1], "0.81775"), printed("i[1]", [1], "0.96083"), printed("f[1]", [1], "0.85195"),
                printed("o[1]", [1], "0.81757"), printed("c[1]", [1], "0.78572"), printed("h[1]", [1], "0.53631"),
                printed("i[2]", [1], "0.98118"), printed("c[2]", [1], "1.5176"), printed("h[2]", [1], "0.77197"),
            ]),
    ]

    // MARK: gru

    static let gru = [
        Example("click4ai", sourceWords, input: .fields([
            "input": .rows([[1.0, 0.5]]),
            "weight_ih_l0": .rows([[0.2, 0.4], [0.4, 0.1], [0.3, 0.2], [0.1, 0.5], [0.5, 0.1], [0.2, 0.3]]),
            "weight_hh_l0": .rows([[0.3, 0.1], [0.2, 0.3], [0.1, 0.4], [0.3, 0.2], [0.2, 0.3], [0.4, 0.1]]),
            "reset": .string("before"),
            "update_gate": .string("takes-candidate"),
        ]),
            source: "click4ai practice problem “GRU cell” (click4ai.perfionixai.com/problems/gru-cell)",
            claims: [
                printed("z[1]", [1], "0.599"), printed("z[1]", [2], "0.587"), printed("r[1]", [1], "0.599"),
                printed("r[1]", [2], "0.611"), printed("n[1]", [1], "0.500"), printed("n[1]", [2], "0.337"),
                printed("h[1]", [1], "0.300"), printed("h[1]", [2], "0.198"),
            ]),
    ]

    // MARK: attention-qkv

    static let attention = [
        Example("illustrated-self-attention", sourceWords, input: .fields([
            "x": .rows([[1, 0, 1, 0], [0, 2, 0, 2], [1, 1, 1, 1]]),
            "w_q": .rows([[1, 0, 1], [1, 0, 0], [0, 0, 1], [0, 1, 1]]),
            "w_k": .rows([[0, 0, 1], [1, 1, 0], [0, 1, 0], [1, 1, 0]]),
            "w_v": .rows([[0, 2, 0], [0, 3, 0], [1, 0, 3], [1, 1, 0]]),
            "tokens": .strings(["input 1", "input 2", "input 3"]),
        ]),
            source: "R. Karim, “Illustrated: Self-Attention”, Towards Data Science (towardsdatascience.com/illustrated-self-attention-2d627e33b20a)",
            claims: [
                printed("scores", [1, 1], "2"), printed("scores", [1, 2], "4"), printed("scores", [2, 2], "16"),
                printed("scores", [3, 3], "10"),
                printed("weights", [1, 1], "0.063379"), printed("weights", [1, 2], "0.46831"),
                printed("weights", [2, 2], "0.98201"),
            ]),
    ]

    // MARK: positional-encoding

    static let positional = [
        Example("machine-learning-mastery", sourceWords, input: .fields([
            "positions": .numbers([0, 1, 2, 3]),
            "d_model": .number(4),
            "base": .number(100),
            "tokens": .strings(["I", "am", "a", "robot"]),
        ]),
            source: "Machine Learning Mastery, “A Gentle Introduction to Positional Encoding in Transformer Models, Part 1” (machinelearningmastery.com)",
            claims: [
                printed("PE", [2, 1], "0.84147098"), printed("PE", [2, 2], "0.54030231"),
                printed("PE", [2, 3], "0.09983342"), printed("PE", [2, 4], "0.99500417"),
                printed("PE", [4, 1], "0.14112001"), printed("PE", [4, 2], "-0.9899925"),
                printed("PE", [4, 3], "0.29552021"), printed("PE", [4, 4], "0.95533649"),
            ]),
    ]

    // MARK: layer-norm

    static let layerNorm = [
        Example("raschka-llm-from-scratch", sourceWords, input: .fields([
            "input": .rows([[0.2260, 0.3470, 0, 0.2216, 0, 0], [0.2133, 0.2394, 0, 0.5198, 0.3297, 0]]),
            "eps": .number(1e-12),
            "variance": .string("unbiased"),
        ]),
            source: "S. Raschka, Build a Large Language Model (From Scratch), chapter 4, section 4.2 (rasbt/LLMs-from-scratch, ch04.ipynb)",
            claims: [
                printed("mean", [1], "0.1324"), printed("mean", [2], "0.2170"),
                printed("var", [1], "0.0231"), printed("var", [2], "0.0398"),
                ("normalized", [1, 1], "0.6159", 5e-4), ("normalized", [1, 2], "1.4126", 5e-4),
                ("normalized", [1, 3], "-0.8719", 5e-4), ("normalized", [2, 4], "1.5173", 5e-4),
            ]),
    ]

    // MARK: bleu

    /// The paper's examples, lower-cased and without the final period, as the paper counts words.
    static let bleu = [
        Example("papineni-2002", Bleu.words, input: .fields([
            "candidate": .string("the the the the the the the"),
            "references": .strings(["the cat is on the mat", "there is a cat on the mat"]),
        ]),
            source: "Papineni et al. 2002, “BLEU: a Method for Automatic Evaluation of Machine Translation”, section 2.1, Example 2 (modified unigram precision 2/7)",
            claims: [printed("matches", [1], "2"), printed("totals", [1], "7")]),
        Example("papineni-2002-candidate-1", Bleu.words, input: .fields([
            "candidate": .string("it is a guide to action which ensures that the military always obeys the commands of the party"),
            "references": papineniReferences,
        ]),
            source: "Papineni et al. 2002, “BLEU: a Method for Automatic Evaluation of Machine Translation”, section 2.1, Example 1, Candidate 1 (17/18, 10/17)",
            claims: [printed("matches", [1], "17"), printed("totals", [1], "18"), printed("matches", [2], "10"), printed("totals", [2], "17")]),
        Example("papineni-2002-candidate-2", Bleu.words, input: .fields([
            "candidate": .string("it is to insure the troops forever hearing the activity guidebook that party direct"),
            "references": papineniReferences,
        ]),
            source: "Papineni et al. 2002, “BLEU: a Method for Automatic Evaluation of Machine Translation”, section 2.1, Example 1, Candidate 2 (8/14, 1/13)",
            claims: [printed("matches", [1], "8"), printed("totals", [1], "14"), printed("matches", [2], "1"), printed("totals", [2], "13")]),
    ]

    /// Example 1's three references.
    private static let papineniReferences = JSON.strings([
        "it is a guide to action that ensures that the military will forever heed party commands",
        "it is the guiding principle which guarantees the military forces always being under the command of the party",
        "it is the practical guide for the army always to heed the directions of the party",
    ])
}
