// bleu: bad input is refused with one line naming the field; --backward is refused, as BLEU has
// nothing to learn; the paper's 2/7; the commentary follows the numbers (what was clipped, the
// lowest precision, the reference length taken, the penalty, why a score is 0, the seed's
// statement on word order), each checked on inputs where it holds and on counter-inputs where it
// does not; no nan and no −∞ anywhere; tokens cannot break the Markdown; the stories hold to their
// examples; and the words speak of the metric, not of the tool.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct BleuTests {
    static let refs: JSON = .strings(["the cat is sitting on the mat", "there is a cat on the mat"])

    /// A bleu input: the candidate, the references, and other fields.
    static func input(_ candidate: JSON, _ references: JSON = refs, _ more: [String: JSON] = [:]) -> JSON {
        var members = [JSONMember("candidate", candidate), JSONMember("references", references)]
        for (key, value) in more.sorted(by: { $0.key < $1.key }) { members.append(JSONMember(key, value)) }
        return .object(members)
    }

    static func run(_ json: JSON) throws -> (trace: Trace, markdown: String) {
        let trace = try Bleu.trace(json, file: "bleu.json", example: nil)
        return (trace, MarkdownRenderer(command: "lesson bleu").render(trace))
    }

    static func values(_ trace: Trace, _ name: String) throws -> [Double] { try #require(trace[name]).value.flat }

    // MARK: Bad input

    struct Bad: CustomTestStringConvertible, Sendable {
        let json: JSON
        /// What the one error line must name.
        let field: String
        var testDescription: String { "\(field): \(json.rendered())" }
    }

    static let bad: [Bad] = [
        Bad(json: .fields(["references": refs]), field: "missing field candidate"),
        Bad(json: input(.string("")), field: "candidate must be a sentence"),
        Bad(json: input(.string(" \t ")), field: "candidate must be a sentence"),
        Bad(json: input(.array([])), field: "candidate must be a sentence"),
        Bad(json: input(.number(3)), field: "candidate must be a sentence"),
        Bad(json: input(.strings(["a", ""])), field: "candidate[2] must be a word"),
        Bad(json: input(.array([.string("a"), .number(1)])), field: "candidate[2] must be a word"),
        Bad(json: .fields(["candidate": .string("a")]), field: "missing field references"),
        Bad(json: input(.string("a"), .array([])), field: "references must list at least one"),
        Bad(json: input(.string("a"), .string("a b")), field: "references must be a list"),
        Bad(json: input(.string("a"), .strings(["a b", ""])), field: "references[2] must be a sentence"),
        Bad(json: input(.string("a"), .array([.strings(["a"]), .array([])])), field: "references[2] must be a sentence"),
        Bad(json: input(.string("a"), refs, ["max_n": .number(0)]), field: "max_n must be at least 1"),
        Bad(json: input(.string("a"), refs, ["max_n": .number(-2)]), field: "max_n must be at least 1"),
        Bad(json: input(.string("a"), refs, ["max_n": .number(2.5)]), field: "max_n must be a whole number"),
        Bad(json: input(.string("a"), refs, ["max_n": .string("4")]), field: "max_n must be a whole number"),
        Bad(json: input(.string("a"), refs, ["max_n": .number(17)]), field: "max_n is 17, more than the limit of 16"),
        Bad(json: input(.string("a"), refs, ["weights": .numbers([0.5, 0.5]), "max_n": .number(4)]), field: "weights must have max_n = 4 numbers"),
        Bad(json: input(.string("a"), refs, ["weights": .numbers([0.5, -0.5])]), field: "weights[2] must be ≥ 0"),
        Bad(json: input(.string("a"), refs, ["weights": .numbers([0, 0])]), field: "weights must not all be 0"),
        Bad(json: input(.string("a"), refs, ["weights": .strings(["a"])]), field: "weights[1] must be a number"),
        Bad(json: input(.string("a"), refs, ["smoothing": .string("laplace")]), field: "smoothing must be \"none\" or \"add-one\" or \"epsilon\""),
        Bad(json: input(.string("a"), refs, ["smoothing": .number(1)]), field: "smoothing must be"),
        Bad(json: input(.string("a"), refs, ["refrences": refs]), field: "unknown field \"refrences\""),
        Bad(json: input(.strings(Array(repeating: "w", count: Bleu.maxWords + 1))), field: "the number of words of candidate is 10001"),
        Bad(json: input(.string(Array(repeating: "w", count: Bleu.maxWords + 1).joined(separator: " "))), field: "the number of words of candidate is 10001"),
        Bad(json: input(.string("a"), .strings(Array(repeating: "a", count: Bleu.maxReferences + 1))), field: "the number of references is 1001"),
        Bad(json: input(.string("a"), .strings(Array(repeating: Array(repeating: "w", count: 5_000).joined(separator: " "), count: 21))),
            field: "the number of words over all references is 105000"),
        // Within every size limit, 10,000 words' n-grams counted in 1,000 references are too many counts to show.
        Bad(json: input(.strings(Array(repeating: "w", count: Bleu.maxWords)), .strings(Array(repeating: "w w", count: 1_000))),
            field: "the trace could hold up to 40115022 counts"),
    ]

    @Test(arguments: bad)
    func badInputIsOneLineNamingTheField(_ c: Bad) throws {
        do {
            _ = try Bleu.trace(c.json, file: "bleu.json", example: nil)
            Issue.record("accepted: \(c.json.rendered().prefix(200))")
        } catch let error as LessonError {
            #expect(error.code == .data)
            #expect(error.message.hasPrefix("bleu.json: "), "\(error.message)")
            #expect(error.message.contains(c.field), "\(error.message)")
            #expect(!error.message.contains("\n") && error.message.count < 400, "\(error.message)")
        }
    }

    @Test func theCommandLineRefusesBadInputAndTheBackwardPass() throws {
        let empty = try lesson(["bleu", "--input", "-"], stdin: Self.input(.string("a"), .array([])).rendered())
        #expect(empty.status == 65 && empty.out.isEmpty)
        #expect(empty.err.hasPrefix("error: <stdin>: references") && empty.err.filter { $0 == "\n" }.count == 1, "\(empty.err)")
        for arguments in [["bleu", "--backward"], ["bleu", "--example", "papineni-2002", "--backward"]] {
            let run = try lesson(arguments)
            #expect(run.status == 65 && run.out.isEmpty, "\(arguments)")
            #expect(run.err.hasPrefix("error: ") && run.err.contains("BLEU has nothing to learn") && run.err.contains("no gradient"), "\(run.err)")
            #expect(run.err.filter { $0 == "\n" }.count == 1)
        }
    }

    // MARK: The numbers

    @Test func thePapersModifiedUnigramPrecisionIsTwoSevenths() throws {
        let example = try #require(Bleu.examples.first { $0.name == "papineni-2002" })
        let trace = try Bleu.run(example.input, file: example.file, example: example, claims: try example.claimSet())
        #expect(try Self.values(trace, "ngrams[1].count") == [7])
        #expect(try Self.values(trace, "ngrams[1].max_ref") == [2])
        #expect(try Self.values(trace, "matches")[0] == 2 && Self.values(trace, "totals")[0] == 7)
        #expect(try Self.values(trace, "precisions")[0] == 2.0 / 7.0)
        #expect(trace.claims?.verdicts.allSatisfy(\.holds) == true)
        // Plain precision would count all seven.
        #expect(try Self.values(trace, "ngrams[1].count")[0] / Self.values(trace, "totals")[0] == 1)
        #expect(MarkdownRenderer(command: "lesson bleu").render(trace).contains("| n = 1 | 2/7 | 0.2857 |"))
    }

    @Test func wordsAreSplitOnRunsOfWhiteSpaceOrGivenAsAList() throws {
        let split = try Self.run(Self.input(.string("  the\tcat\n on  "), .strings(["the cat"]), ["max_n": .number(1)])).trace
        let listed = try Self.run(Self.input(.strings(["the", "cat", "on"]), .array([.strings(["the", "cat"])]), ["max_n": .number(1)])).trace
        #expect(try Self.values(split, "c") == [3] && Self.values(split, "precisions") == Self.values(listed, "precisions"))
        // A token of a list keeps its spaces: "New York" is one word.
        let city = try Self.run(Self.input(.strings(["New York"]), .array([.strings(["New York"])]), ["max_n": .number(1)])).trace
        #expect(try Self.values(city, "c") == [1] && Self.values(city, "precisions") == [1])
        // The same words as a string are two.
        let split2 = try Self.run(Self.input(.strings(["New York"]), .strings(["New York"]), ["max_n": .number(1)])).trace
        #expect(try Self.values(split2, "ref_lengths") == [2] && Self.values(split2, "precisions") == [0])
    }

    /// No value of any smoothing, on inputs with empty orders and no common word, is nan or infinite,
    /// and no note prints them.
    @Test(arguments: ["none", "add-one", "epsilon"])
    func noNaNAndNoInfinity(_ smoothing: String) throws {
        for candidate in ["the cat sat on the mat", "dogs bark", "the", "mat the on cat the the"] {
            let (trace, markdown) = try Self.run(Self.input(.string(candidate), Self.refs, ["smoothing": .string(smoothing)]))
            let notFinite = trace.steps.filter { !$0.value.flat.allSatisfy { $0.isFinite } }.map(\.name)
            #expect(notFinite.isEmpty, "\(candidate) \(smoothing): \(notFinite)")
            // Only the words' −∞ (`\infty`, log 0) may appear.
            let numbers = markdown.replacingOccurrences(of: "\\infty", with: "")
            #expect(!numbers.contains("nan") && !numbers.contains("inf"), "\(candidate) \(smoothing)")
        }
    }

    /// A slide's smoothed score is recognized as one.
    @Test func aSmoothedScoreOnASlideIsExplained() throws {
        let example = try #require(Bleu.examples.first { $0.name == "no-4-gram" })
        let claims = try ClaimSet(.fields(["source": .string("a slide"), "claims": .array([.fields(["value": .string("bleu"), "expected": .string("0.4110")])])]), file: "c")
        let trace = try Bleu.run(example.input, file: example.file, example: nil, claims: (claims, "c"))
        let verdict = try #require(trace.claims?.verdicts.first)
        #expect(!verdict.holds)
        let said = (trace.claimsFinding ?? "") + (verdict.reason ?? "")
        #expect(said.contains("add-one smoothing"), "\(said)")
    }

    // MARK: Commentary from the numbers

    /// The clipped count's caption names exactly the n-grams whose count was cut, with both counts,
    /// and exactly those in no reference; on a candidate with no repeat, it says nothing was clipped.
    @Test func theClippedCaptionNamesWhatWasCut() throws {
        for candidate in ["the the cat on the mat", "the the the the the the the", "the cat sat on the mat", "mat the on cat the the the"] {
            let (trace, _) = try Self.run(Self.input(.string(candidate)))
            for n in 1...4 {
                guard let clipped = trace["ngrams[\(n)].clipped"] else { continue }
                let (count, maxRef) = (try Self.values(trace, "ngrams[\(n)].count"), try Self.values(trace, "ngrams[\(n)].max_ref"))
                let grams = clipped.labels.rows
                // More than three are named by their first three and a count.
                let cutOnes = grams.indices.filter { count[$0] > maxRef[$0] && maxRef[$0] > 0 }
                for g in grams.indices where cutOnes.count <= 3 {
                    let cut = "“\(grams[g])” from \(numberLabel(count[g])) to \(numberLabel(maxRef[g]))"
                    #expect(clipped.meaning.contains(cut) == cutOnes.contains(g), "\(candidate) n = \(n): \(cut) in “\(clipped.meaning)”")
                }
                let absent = grams.indices.filter { maxRef[$0] == 0 }
                #expect(clipped.meaning.contains("in no reference") || clipped.meaning.contains("in any reference") == !absent.isEmpty, "\(clipped.meaning)")
                let nothing = absent.isEmpty && !grams.indices.contains { count[$0] > maxRef[$0] }
                #expect(clipped.meaning.contains("nothing is clipped") == nothing, "\(candidate) n = \(n): \(clipped.meaning)")
                #expect(clipped.meaning.hasPrefix("Counted: \(numberLabel(zip(count, maxRef).map { min($0, $1) }.reduce(0, +))) of the candidate's \(numberLabel(count.reduce(0, +)))"))
            }
        }
    }

    /// The precisions' caption names the order with the lowest precision, and says "down to" only
    /// when the precisions never rise with n.
    @Test func thePrecisionCaptionNamesTheLowestOrder() throws {
        let inputs = [Self.input(.string("the the cat on the mat")),
                      // p_2 below p_3: the caption must not say the precisions fall.
                      Self.input(.string("a b c x d e f"), .strings(["a b y c x d e f"]), ["max_n": .number(3)])]
        for json in inputs {
            let (trace, _) = try Self.run(json)
            let p = try Self.values(trace, "precisions")
            let meaning = try #require(trace["precisions"]).meaning
            let lowest = try #require(p.min())
            let orders = p.indices.filter { p[$0] == lowest }.map { "$n = \($0 + 1)$" }
            #expect(meaning.contains(NumberStyle(precision: 4).fixed(lowest) + " at " + LessonLibrary.listed(orders)), "\(meaning)")
            let falling = p.indices.dropFirst().allSatisfy { p[$0] <= p[$0 - 1] }
            #expect(meaning.contains("down to") == falling, "\(p): \(meaning)")
        }
    }

    /// The summary names the lowest precision among the orders that count (a weight above 0), and
    /// none when they are all equal.
    @Test func theSummaryNamesTheLowestOrderThatCounts() throws {
        let refs: JSON = .strings(["a b c d x", "a b c y e f z"])
        for (weights, lowest) in [([0.25, 0.25, 0.5], 3), ([0.6, 0.4, 0], 2), ([0.5, 0.5], 2), ([1.0], nil)] as [([Double], Int?)] {
            let (trace, markdown) = try Self.run(Self.input(.string("a b c d e f"), refs, ["weights": .numbers(weights)]))
            let p = try Self.values(trace, "precisions")
            let said = markdown.split(separator: "\n").first { $0.hasPrefix("BLEU = ") }.map(String.init) ?? ""
            if let lowest {
                #expect(said.contains("The lowest precision is at order \(lowest) ($p_{\(lowest)} = \(NumberStyle(precision: 4).fixed(p[lowest - 1]))$)"), "\(weights): \(said)")
            } else {
                #expect(!said.contains("lowest"), "\(said)")
            }
        }
    }

    /// r is the closest reference length, the shorter on a tie, and the caption says which and why.
    @Test func theReferenceLengthTakenAndWhy() throws {
        // (candidate words, reference lengths, r, a tie between different lengths)
        let cases: [(Int, [Int], Int, Bool)] = [(6, [5, 7], 5, true), (6, [5, 8], 5, false), (6, [8, 7], 7, false), (4, [3, 5, 5], 3, true), (7, [7, 9], 7, false)]
        for (c, lengths, r, tie) in cases {
            let sentence = { (k: Int) in JSON.string((0..<k).map { "w\($0)" }.joined(separator: " ")) }
            let (trace, _) = try Self.run(Self.input(sentence(c), .array(lengths.map(sentence)), ["max_n": .number(1)]))
            #expect(try Self.values(trace, "r") == [Double(r)])
            let meaning = try #require(trace["r"]).meaning
            let k = try #require(lengths.firstIndex(of: r)) + 1
            #expect(meaning.hasPrefix("Reference \(k)"), "\(meaning)")
            #expect(meaning.contains("on a tie the shorter length is taken") == tie, "\(lengths): \(meaning)")
        }
    }

    /// The penalty's caption: the share it takes off a short candidate, none for a long one.
    @Test func theBrevityPenaltySaysWhatItTakes() throws {
        for (candidate, short) in [("the cat on the mat", true), ("the cat is sitting on the mat", false), ("the cat is sitting on the mat all day", false)] {
            let (trace, _) = try Self.run(Self.input(.string(candidate)))
            let bp = try Self.values(trace, "bp")[0]
            let meaning = try #require(trace["bp"]).meaning
            #expect((bp < 1) == short)
            if short {
                #expect(meaning.contains("takes \(NumberStyle(precision: 0).fixed(100 * (1 - bp)))% off"), "\(meaning)")
            } else {
                #expect(meaning.contains("no penalty") && bp == 1, "\(meaning)")
            }
        }
    }

    /// With no smoothing, an order without a match makes BLEU 0, and the words name exactly those
    /// orders; smoothed, the same pair scores above 0 and no such words appear.
    @Test func aZeroScoreNamesTheOrdersWithoutAMatch() throws {
        for candidate in ["the cat sat on the mat", "the the the the the the the", "the cat on the mat"] {
            for smoothing in ["none", "add-one", "epsilon"] {
                let (trace, markdown) = try Self.run(Self.input(.string(candidate), Self.refs, ["smoothing": .string(smoothing)]))
                let p = try Self.values(trace, "precisions")
                let bleu = try Self.values(trace, "bleu")[0]
                let zeros = p.indices.filter { p[$0] == 0 }
                #expect((bleu == 0) == !zeros.isEmpty, "\(candidate) \(smoothing): \(p) → \(bleu)")
                for n in 1...4 { #expect(markdown.contains("$p_{\(n)} = 0$") == zeros.contains(n - 1), "\(candidate) \(smoothing) n = \(n)") }
                #expect((trace["log_precisions"] == nil) == !zeros.isEmpty)
            }
        }
    }

    /// A candidate with no word of any reference scores 0 whatever the smoothing (as NLTK), and says why.
    @Test func noWordInCommonScoresZeroEvenSmoothed() throws {
        for smoothing in ["none", "add-one", "epsilon"] {
            let (trace, markdown) = try Self.run(Self.input(.string("dogs bark loudly"), Self.refs, ["smoothing": .string(smoothing)]))
            #expect(try Self.values(trace, "bleu") == [0])
            #expect(markdown.contains("No word of the candidate is in any reference"), "\(smoothing)")
        }
        let (_, markdown) = try Self.run(Self.input(.string("dogs bark on the mat"), Self.refs, ["smoothing": .string("epsilon")]))
        #expect(!markdown.contains("No word of the candidate"))
    }

    /// Seed 004's statement: the numbers it quotes are the lesson's own, on the reversed candidate.
    @Test func theSeedsWordOrderStatementHoldsToTheNumbers() throws {
        for candidate in ["the the cat on the mat", "on the mat the cat", "the cat the"] {
            let (trace, markdown) = try Self.run(Self.input(.string(candidate)))
            let words = candidate.split(separator: " ").map(String.init)
            let reversed = try Self.run(Self.input(.strings(words.reversed()))).trace
            let style = NumberStyle(precision: 4)
            let (p2, back) = (try Self.values(trace, "precisions")[1], try Self.values(reversed, "precisions")[1])
            #expect(try Self.values(trace, "precisions")[0] == Self.values(reversed, "precisions")[0])
            let line = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("- Seed 004") })
            if words == words.reversed() {
                #expect(line.contains("reads the same backwards"))
            } else if back < p2 {
                #expect(line.contains("Confirmed") && line.contains("falls from \(style.fixed(p2)) to \(style.fixed(back))"), "\(line)")
            } else {
                #expect(line.contains("Not visible here") && line.contains("reversed \(style.fixed(back))"), "\(line)")
            }
        }
    }

    // MARK: The examples and the words

    /// What each story says of its example's numbers.
    @Test func theStoriesHoldToTheirExamples() throws {
        func trace(_ name: String) throws -> Trace {
            let example = try #require(Bleu.examples.first { $0.name == name })
            return try Bleu.trace(example.input, file: example.file, example: example)
        }
        let main = try trace("default")
        // “the extra "the" clipped”, “"cat on the mat" only the second reference has”, “6 words where the references have 7”.
        #expect(try Self.values(main, "ngrams[1].count")[0] == 3 && Self.values(main, "ngrams[1].clipped")[0] == 2)
        let fourGrams = try #require(main["ngrams[4].ref_counts"])
        let row = try #require(fourGrams.labels.rows.firstIndex(of: "cat on the mat"))
        #expect(fourGrams.value.matrix[row, 0] == 0 && fourGrams.value.matrix[row, 1] == 1)
        #expect(try Self.values(main, "c") == [6] && Self.values(main, "ref_lengths") == [7, 7])
        #expect(try Self.values(trace("no-4-gram"), "bleu") == [0] && Self.values(trace("no-4-gram"), "matches")[3] == 0)
        #expect(try Self.values(trace("no-4-gram-add-one"), "precisions")[3] == 0.25 && Self.values(trace("no-4-gram-add-one"), "bleu")[0] > 0)
        #expect(try Self.values(trace("papineni-2002-candidate-2"), "matches")[2] == 0 && Self.values(trace("papineni-2002-candidate-2"), "bleu") == [0])
    }

    /// Tokens are user text: in the sentences' table, the n-gram tables and the sentences about them
    /// they cannot end a row, start a heading or open markup.
    @Test func tokensCannotBreakTheMarkdown() throws {
        let tokens = ["a|b", "line\nbreak", "# x", "*y*", "$z$", "<b>"]
        let (_, markdown) = try Self.run(Self.input(.strings(tokens + tokens), .array([.strings(tokens)])))
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("break") || $0.hasPrefix("# x") || $0.hasPrefix("<b>") })
        #expect(!markdown.contains("*y*") && !markdown.contains("<b>") && !markdown.contains("$z$"))
        // Every table row has as many cells as its header.
        var columns: Int?
        for line in lines {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
    }

    /// Every path of the derivation finds its words: each smoothing, one order, one reference, ties,
    /// weights of 0, candidates too short for an order, with and without a common word.
    @Test func everyPathFindsItsWords() throws {
        let inputs: [JSON] = [
            Self.input(.string("the cat"), .strings(["the cat sat"]), ["smoothing": .string("add-one"), "max_n": .number(1)]),
            Self.input(.string("the cat"), .strings(["the cat sat"]), ["smoothing": .string("add-one")]),
            Self.input(.string("the cat"), .strings(["the cat sat"]), ["smoothing": .string("epsilon")]),
            Self.input(.string("the cat is on the mat"), Self.refs, ["smoothing": .string("epsilon"), "max_n": .number(2)]),
            Self.input(.string("a b c d e f"), .strings(["a b c d x", "a b c y e f z", "q r s t u v w"]), ["weights": .numbers([0.6, 0.4, 0])]),
            Self.input(.string("a b c d e f"), .strings(["a b c d x", "a b c y e f z"]), ["weights": .numbers([0.5, 0.5, 0.5])]),
            Self.input(.string("dogs bark"), Self.refs),
            Self.input(.string("x y z x y z x y z"), .strings(["x y z", "x"])),
        ]
        for json in inputs {
            let (_, markdown) = try Self.run(json)
            #expect(!markdown.contains("⟦no words"), "\(json.rendered()): \(markdown.components(separatedBy: "\n").filter { $0.contains("⟦") })")
        }
    }

    @Test func theWordsSpeakOfTheMetricNotOfTheTool() {
        let tool = ["`--", "`lesson", "--format", "JSON", "left out", "field", "`no-4-gram`"]
        for key in Bleu.words.keys where !key.hasSuffix(".summary") {
            let text = Bleu.words.text(key) ?? Bleu.words.caption(key).meaning
            for word in tool { #expect(!text.contains(word), "\(key) says \(word)") }
        }
        #expect(Bleu.words.duplicates.isEmpty)
    }
}
