// The Korean notes (SPEC "Korean notes"): every table of words has its Korean twin with the same
// keys and slots, every Korean note finds all its words and says them in Korean, and the JSON
// trace does not depend on the language.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct KoreanTests {
    /// Every table of words in the sources, by name.
    static let tables: [(name: String, words: Words)] = [
        ("recurrent", recurrentWords), ("reasons", reasonWords), ("sources", sourceWords), ("markdown", markdownWords),
        ("shared", sharedWords), ("backward", backwardWords), ("block", blockWords), ("block lesson", blockLessonWords),
        ("block slides", blockSlideWords), ("layouts", layoutWords), ("layers", layersWords), ("notes", notesWords), ("course", courseWords), ("sampling", samplingWords),
        ("rnn-unroll", RNNUnroll.words), ("lstm-gates", LSTMGates.words), ("gru", GRU.words), ("char-lm", CharLM.words),
        ("birnn", BiRNN.words), ("seq2seq-attention", Seq2Seq.words), ("bleu", Bleu.words), ("attention-qkv", AttentionQKV.words),
        ("multi-head-attention", MultiHeadAttention.words), ("positional-encoding", PositionalEncoding.words),
        ("layer-norm", LayerNorm.words), ("norms", Norms.words), ("transformer-block", TransformerBlock.words),
        ("decoder-block", DecoderBlock.words), ("lr-warmup", LRWarmup.words), ("vit-patches", VitPatches.words),
    ]

    /// Slots that only English grammar needs (a plural's ending, a verb's agreement): a Korean
    /// sentence may leave them out. Every other slot carries a number or a name and must be said.
    static let grammarSlots: Set<String> = ["Plural", "plural", "singular", "s", "es", "verb", "is", "are", "has", "a", "an", "were", "they", "read", "their"]

    static var sources: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources") }

    @Test func everyTableIsListed() throws {
        // The English tables in the sources (a Korean one lives in a file named …+Korean.swift).
        var count = 0
        let files = try #require(FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
        for case let url as URL in files where url.pathExtension == "swift" && !url.lastPathComponent.hasSuffix("+Korean.swift") {
            let text = try String(contentsOf: url, encoding: .utf8)
            count += text.components(separatedBy: "\n").filter { $0.contains("= Words(") }.count
        }
        #expect(count == Self.tables.count, "a table of words is missing from KoreanTests.tables")
    }

    @Test func everyKeyHasItsKoreanWordsWithTheSameSlots() throws {
        for (name, words) in Self.tables {
            let english = try #require(words.entries(.en))
            guard let korean = words.entries(.ko) else {
                Issue.record("\(name) has no Korean table")
                continue
            }
            for (key, text) in english.sorted(by: { $0.key < $1.key }) {
                guard let said = korean[key] else {
                    // Only an entry with no words (an equation) may be used as it is.
                    #expect(Words.hasNoWords(text), "\(name): no Korean words for “\(key)”")
                    continue
                }
                let (en, ko) = (Words.slots(in: text), Words.slots(in: said))
                #expect(ko.subtracting(en).isEmpty, "\(name) “\(key)”: Korean slots \(ko.subtracting(en).sorted()) are not English slots")
                #expect(en.subtracting(ko).subtracting(Self.grammarSlots).isEmpty, "\(name) “\(key)”: Korean words leave out \(en.subtracting(ko).sorted())")
                // (A Korean entry of slots and punctuation alone, a list's joiner, needs no Hangul.)
                if !Words.hasNoWords(text) && !Words.hasNoWords(said) {
                    #expect(said.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(name) “\(key)” is not in Korean: \(said.prefix(80))")
                }
            }
            for key in korean.keys where english[key] == nil {
                Issue.record("\(name): Korean words for “\(key)”, which English does not have")
            }
        }
    }

    @Test func everyKoreanNoteFindsItsWordsInKorean() throws {
        let notes = try NotesCommand.notes()
        let english = notes.filter { !$0.file.hasPrefix("ko/") && $0.file.hasSuffix(".md") }
        let korean = notes.filter { $0.file.hasPrefix("ko/") && $0.file.hasSuffix(".md") }
        #expect(Set(korean.map { String($0.file.dropFirst(3)) }) == Set(english.map(\.file)), "every note has its Korean twin")
        var sources: Set<String> = []
        for lesson in Lessons.all {
            for example in lesson.examples {
                if case .string(let source)? = example.claims?["source"] { sources.insert(source) }
            }
        }
        for note in korean {
            #expect(!note.text.contains("⟦"), "\(note.file) asks for words it does not have")
            let leaks = Self.englishRuns(in: note.text, sources: sources)
            #expect(leaks.isEmpty, "\(note.file) says in English: \(leaks.prefix(5).joined(separator: " | "))")
        }
    }

    @Test func theConventionSwitchesSpeakKoreanToo() throws {
        for (name, markdown) in try Language.$current.withValue(.ko) { try WordsTests.variantNotes() } {
            #expect(!markdown.contains("⟦"), "\(name) asks for words it does not have")
            let leaks = Self.englishRuns(in: markdown, sources: [])
            #expect(leaks.isEmpty, "\(name) says in English: \(leaks.prefix(5).joined(separator: " | "))")
        }
    }

    @Test func theJSONTraceIsTheSameInBothLanguages() throws {
        for lesson in Lessons.all {
            for example in lesson.examples {
                for backward in lesson.learns ? [false, true] : [false] {
                    func json() throws -> String {
                        JSONTraceRenderer.render(try lesson.run(example.input, file: example.file, example: example, claims: example.claimSet(), backward: backward))
                    }
                    // An example a pass refuses (positional-encoding's wave has no x to learn) is refused in both.
                    guard let english = try? json() else { continue }
                    let korean = try Language.$current.withValue(.ko) { try json() }
                    #expect(english == korean, "\(lesson.id) \(example.name)\(backward ? " --backward" : "")")
                }
            }
        }
    }

    @Test func theLanguageFlagIsChecked() throws {
        let wrong = try lesson(["lstm-gates", "--lang", "kr"])
        #expect(wrong.status == 64)
        #expect(wrong.err == "error: --lang must be en (English) or ko (Korean), got 'kr' (did you mean 'ko'?)\n")
        let list = try lesson(["list", "--lang", "ko"])
        #expect(list.status == 0)
        #expect(list.out.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) })
        let help = try lesson(["list", "--help"])
        #expect(help.status == 0 && help.out.contains("  --lang en|ko ") && help.err.isEmpty)
        let note = try lesson(["lstm-gates", "--lang", "ko"])
        #expect(note.status == 0 && note.out.contains("`lesson lstm-gates --lang ko --format json`"))
    }

    /// Runs of three or more English words in `text`'s prose: outside math, code, links, quotes
    /// (a token, a title), parentheses (the English of a term), a link's text (a note's file name) and the claims' sources.
    static func englishRuns(in text: String, sources: Set<String>) -> [String] {
        var prose = text
        for source in sources { prose = prose.replacingOccurrences(of: source, with: " ") }
        var inFence = false
        var found: [String] = []
        let lines = prose.components(separatedBy: "\n")
        for (n, line) in lines.enumerated() {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if inFence { continue }
            // Of a table, only its header is words: its rows hold numbers and the input's own text.
            if line.hasPrefix("|") && !(n + 1 < lines.count && lines[n + 1].hasPrefix("|---")) { continue }
            // A table's header is checked cell by cell: a cell may be a token of the input ("The").
            let pieces = line.hasPrefix("|") ? line.split(separator: "|").map(String.init) : [line]
            for piece in pieces {
                var kept = ""
                var closing: [Character] = []
                let openers: [Character: Character] = ["$": "$", "`": "`", "(": ")", "“": "”", "\"": "\"", "<": ">", "‘": "’", "[": "]"]
                for c in piece {
                    if let last = closing.last {
                        if c == last { closing.removeLast() } else if last == ")", c == "(" { closing.append(")") }
                        continue
                    }
                    if let close = openers[c] { closing.append(close); kept.append(" "); continue }
                    kept.append(c)
                }
                var run: [String] = []
                let words: [Substring] = kept.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "-") }) + [""]
                for word in words {
                    // A word: ASCII, with two letters or more (not "---", not the e- of 1.2e-04, not a number's nan).
                    if word.unicodeScalars.allSatisfy({ $0.isASCII }), word.filter(\.isLetter).count > 1, !["nan", "inf", "-inf"].contains(word) {
                        run.append(String(word))
                    } else {
                        if run.count >= 3 { found.append(run.joined(separator: " ")) }
                        run = []
                    }
                }
            }
        }
        return found
    }
}
