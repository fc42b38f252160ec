// seq2seq-attention's built-in examples: a three-word translation whose alignment crosses, and seed
// 004's context at step 4.

import JSONFormat

enum Seq2SeqExamples {
    static let words = Seq2Seq.words

    /// The encoder's cell: one-hot words in, states about 120° apart, so that each is easy to tell apart.
    static let encoder: [String: JSON] = [
        "encoder.weight_ih_l0": .rows([[1.5, -0.6, -0.6], [0, 1.1, -1.1]]),
        "encoder.weight_hh_l0": .rows([[0.2, 0], [0, 0.2]]),
    ]

    static let all: [Example] = [
        // 나는 너를 사랑해 → I love you: the verb comes last in Korean, second in English.
        Example("default", words, input: .object(ordered([
            ("cell", .string("rnn")),
            ("source", .rows([[1, 0, 0], [0, 1, 0], [0, 0, 1]])),
            ("source_tokens", .strings(["나는", "너를", "사랑해"])),
            ("target", .rows([[1, 0, 0], [0, 1, 0], [0, 0, 1]])),
            ("target_tokens", .strings(["<s>", "I", "love"])),
        ] + encoder.sorted { $0.key < $1.key } + [
            ("decoder.weight_ih_l0", .rows([[1.5, -0.6, -0.6], [0, -1.1, 1.1]])),
            ("decoder.weight_hh_l0", .rows([[0.2, 0], [0, 0.2]])),
            ("score", .string("dot")),
            ("combine.weight", .rows([[1.5, 0, 0.3, 0], [0, 1.5, 0, 0.3]])),
            ("out.weight", .rows([[2, 0], [-1, -1.7], [-1, 1.7]])),
            ("class_tokens", .strings(["I", "love", "you"])),
            ("targets", .numbers([1, 2, 3])),
        ]))),
        // Seed 004's c_4 = Σ ⟨s_4, h_i⟩ h_i: the same encoder, a fourth decoder step, the contexts alone.
        Example("seed-004", words, input: .object(ordered([
            ("cell", .string("rnn")),
            ("source", .rows([[1, 0, 0], [0, 1, 0], [0, 0, 1]])),
            ("target", .rows([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])),
        ] + encoder.sorted { $0.key < $1.key } + [
            ("decoder.weight_ih_l0", .rows([[1.5, -0.6, -0.6, 2], [0, -1.1, 1.1, 0.9]])),
            ("decoder.weight_hh_l0", .rows([[0.2, 0], [0, 0.2]])),
            ("score", .string("dot")),
        ]))),
    ]

    static func ordered(_ members: [(String, JSON)]) -> [JSONMember] { members.map { JSONMember($0.0, $0.1) } }
}
