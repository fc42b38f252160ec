// The lessons' words: every key a lesson asks for exists (a missing one would show as ⟦no words
// for …⟧ in a note), no key is given twice, and no note holds a control character.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct WordsTests {
    @Test func everyNoteFindsAllItsWords() throws {
        let notes = try NotesCommand.notes().filter { $0.file.hasSuffix(".md") }
        #expect(notes.count > Lessons.all.count)
        for note in notes {
            #expect(!note.text.contains("⟦no words"), "\(note.file) asks for words its lesson does not have")
        }
    }

    /// The switches that select other paragraphs and captions, on each lesson's default input.
    static let variants: [(any Lesson.Type, [String: JSON])] = [
        (GRU.self, ["reset": .string("before"), "update_gate": .string("takes-candidate")]),
        (LayerNorm.self, ["variance": .string("unbiased"), "eps_placement": .string("outside")]),
        (LayerNorm.self, ["variance": .string("unbiased")]),
        (LayerNorm.self, ["eps_placement": .string("outside")]),
        (PositionalEncoding.self, ["layout": .string("concatenated")]),
        (RNNUnroll.self, ["nonlinearity": .string("relu")]),
        (AttentionQKV.self, ["causal": .bool(true)]),
        (AttentionQKV.self, ["scale": .string("none")]),
        (AttentionQKV.self, ["scale": .string("none"), "causal": .bool(true)]),
        (LayerNorm.self, ["eps": .number(0), "input": .rows([[1, 2, 3, 6], [2, 2, 2, 2]])]),
        (MultiHeadAttention.self, ["causal": .bool(true)]),
    ]

    /// Each variant's note in the current language.
    static func variantNotes() throws -> [(name: String, markdown: String)] {
        try variants.map { lesson, fields in
            var input = lesson.examples[0].input
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) { input = try #require(input.setting(key, value)) }
            let command = "lesson \(lesson.id)" + (Language.current == .en ? "" : " --lang \(Language.current.rawValue)")
            return ("\(lesson.id) with \(fields.keys.sorted())", MarkdownRenderer(command: command).render(try lesson.trace(input, file: "x", example: nil)))
        }
    }

    @Test func conventionSwitchesFindAllTheirWords() throws {
        for (name, markdown) in try Self.variantNotes() {
            #expect(!markdown.contains("⟦no words"), "\(name)")
        }
    }

    @Test func noKeyIsGivenTwice() {
        for (name, words) in [("recurrent", recurrentWords), ("reasons", reasonWords), ("sources", sourceWords), ("markdown", markdownWords), ("shared", sharedWords), ("attention-qkv", AttentionQKV.words), ("multi-head-attention", MultiHeadAttention.words), ("rnn-unroll", RNNUnroll.words), ("gru", GRU.words), ("lstm-gates", LSTMGates.words),
                              ("positional-encoding", PositionalEncoding.words), ("layer-norm", LayerNorm.words)] {
            #expect(words.duplicates.isEmpty, "\(name): \(words.duplicates)")
            #expect(!words.keys.isEmpty)
        }
    }

    @Test func aMissingKeyShowsInsteadOfTrapping() {
        let words = Words(captions: ["a": ("t", "m")], text: ["p": "x «t» y", "p": "again"])
        #expect(words("nothing") == "⟦no words for nothing⟧")
        #expect(words.caption("nothing").title == "⟦no words for nothing⟧")
        #expect(words("p", ["t": "3"]) == "x 3 y")
        #expect(words.duplicates == ["p"])
    }

    @Test func notesHoldNoControlCharacters() throws {
        for note in try NotesCommand.notes() {
            let controls = note.text.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" }
            #expect(controls.isEmpty, "\(note.file) holds \(controls.map { String($0.value, radix: 16) })")
        }
    }
}

@Suite struct WordsFillingTests {
    @Test func slotsAreFilledInOnePass() {
        let words = Words(text: ["p": "«a» and «b», «unknown»"])
        #expect(words("p", ["a": "«b»", "b": "B"]) == "«b» and B, «unknown»")
        #expect(words("p") == "«a» and «b», «unknown»")
    }
}
