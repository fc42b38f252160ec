// seq2seq-attention's built-in examples.

import JSONFormat

enum Seq2SeqExamples {
    static let words = Seq2Seq.words

    static let all: [Example] = [
        Example("default", words, input: .fields([
            "cell": .string("rnn"),
            "source": .rows([[1, 0], [0, 1], [1, 1]]),
            "target": .rows([[0, 0], [1, 0], [0, 1]]),
            "encoder.weight_ih_l0": .rows([[0.5, -0.4], [0.3, 0.8]]),
            "encoder.weight_hh_l0": .rows([[0.2, -0.1], [0.4, 0.3]]),
            "decoder.weight_ih_l0": .rows([[0.6, 0.1], [-0.5, 0.7]]),
            "decoder.weight_hh_l0": .rows([[0.9, 0.2], [-0.3, 0.8]]),
            "combine.weight": .rows([[0.5, -0.2, 0.3, 0.1], [0.1, 0.4, -0.6, 0.2]]),
            "out.weight": .rows([[1.0, -0.5], [-0.7, 0.9], [0.3, 0.6]]),
            "targets": .numbers([1, 2, 3]),
        ])),
    ]
}
