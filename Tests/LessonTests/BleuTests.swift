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
        Bad(json: input(.string("a"), refs, ["max_n": .number(1e300)]), field: "max_n must be a whole number from 1 to 16, got 1e"),
        // 28 references of 3,200 words against 10,000 words at order 16: legal in every size, and 3 s of counting.
        Bad(json: input(.strings((0..<Bleu.maxWords).map { "w\($0)" }), .array(Array(repeating: .strings((0..<3_200).map { "w\($0)" }), count: 28)),
                        ["max_n": .number(16)]),
            field: "more than the limit of 2500000"),
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

    @Test func thePenaltyOfAZeroScoreIsSaidAsWhatItWouldTake() throws {
        for (name, zero) in [("default", false), ("no-4-gram", true)] {
            let example = try #require(Bleu.examples.first { $0.name == name })
            let trace = try Bleu.trace(example.input, file: "x", example: example)
            let text = MarkdownRenderer(command: "lesson bleu").render(trace)
            let bp = try #require(trace["bp"]).value.flat[0]
            let off = "\(Int((100 * (1 - bp)).rounded()))%"
            #expect((try #require(trace["bleu"]).value.flat[0] == 0) == zero)
            #expect(text.contains(zero ? "would take \(off) off a score above 0" : "takes \(off) off the score"), "\(name)")
        }
    }

    @Test func theHelpDoesNotOfferTheBackwardPass() throws {
        let help = try lesson(["bleu", "--help"])
        #expect(help.status == 0 && !help.out.contains("--backward") && help.out.contains("--expect"))
        #expect(try lesson(["char-lm", "--help"]).out.contains("--backward"))
    }

    @Test func theSeparatorsPythonSplitsOnSplitWords() throws {
        let trace = try Bleu.trace(Self.input(.string("a\u{1C}b\u{1F}c d"), .strings(["a b c d"])), file: "bleu.json", example: nil)
        #expect(trace["totals"]?.value.flat.first == 4)
    }

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
                #expect(said.contains("The lowest precision is at order \(lowest):"), "\(weights): \(said)")
                #expect(p[lowest - 1] == p.indices.filter { weights[$0] > 0 }.map { p[$0] }.min())
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

    // MARK: After a student's reading (issue 14)

    static func parsed(_ json: JSON) throws -> BleuInput {
        var reader = try InputReader(json, file: "bleu.json", backward: false)
        return try BleuInput(&reader)
    }

    static func fixed(_ x: Double) -> String { NumberStyle(precision: 4).fixed(x) }

    static func example(_ name: String) throws -> (trace: Trace, markdown: String) {
        let example = try #require(Bleu.examples.first { $0.name == name })
        let trace = try Bleu.trace(example.input, file: example.file, example: example)
        return (trace, MarkdownRenderer(command: "lesson bleu").render(trace))
    }

    /// The scores the words quote instead of 0 are NLTK's: its method 0's number (the fixtures'
    /// nltk_sentence_bleu, where NLTK returns one) and, recomputed from the counts for every case,
    /// sentence_bleu's own score.
    @Test func theScoresQuotedInsteadOfZeroAreNLTKs() throws {
        let file = try readJSON("Tests/LessonTests/Reference/bleu.json")
        guard case .array(let cases)? = file["cases"] else { Issue.record("bleu.json has no cases"); return }
        var quoted = 0
        for c in cases {
            let input = try #require(c["input"])
            let p = try Self.parsed(input)
            let expected = numbers(try #require(c["values"]?["bleu"]))[0]
            #expect(abs(Bleu.score(p) - expected) <= 1e-9 * expected, "\(c["name"].map { $0.rendered() } ?? ""): \(Bleu.score(p)) vs \(expected)")
            let (_, markdown) = try Self.run(input)
            guard case .number(let nltk, _)? = c["nltk_sentence_bleu"] else {
                #expect(!markdown.contains("method 0) warns"))
                continue
            }
            quoted += 1
            #expect(abs(Bleu.score(p, method0: true) - nltk) <= 1e-9 * nltk, "\(Bleu.score(p, method0: true)) vs \(nltk)")
            let said = EquationWriter(style: NumberStyle(precision: 4)).latexNumber(String(format: "%.1e", nltk))
            #expect(markdown.contains("which gives $\(said)$ here"), "\(said)")
        }
        #expect(quoted >= 2)
    }

    /// A zero score: the product written out with its 0, the add-one score the same pair would get
    /// (the add-one trace's own), and no "lowers the score" nor "small score"; a score above 0 does
    /// say the penalty lowers it, when there is one.
    @Test func aZeroScoreIsWrittenOutAndSaysWhatSmoothingGives() throws {
        for candidate in ["the cat sat on the mat", "the the the the the the the", "the the cat on the mat", "the cat is sitting on the mat"] {
            let (trace, markdown) = try Self.run(Self.input(.string(candidate)))
            let (bleu, bp) = (try Self.values(trace, "bleu")[0], try Self.values(trace, "bp")[0])
            let summary = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("BLEU = ") }).description
            let smoothed = try Self.run(Self.input(.string(candidate), Self.refs, ["smoothing": .string("add-one")])).trace
            #expect(markdown.contains("add-one smoothing gives \(Self.fixed(try Self.values(smoothed, "bleu")[0]))") == (bleu == 0), "\(candidate)")
            #expect(markdown.contains("\n\(Self.fixed(bp))·0 = 0\n") == (bleu == 0), "\(candidate)")
            #expect(summary.hasPrefix(bleu == 0 ? "BLEU = 0." : "BLEU = \(Self.fixed(bleu))."), "\(summary)")
            #expect(summary.contains("lowers the score") == (bleu > 0 && bp < 1), "\(candidate): \(summary)")
            #expect(summary.contains("nothing to lower in a score of 0") == (bleu == 0 && bp < 1), "\(candidate): \(summary)")
            #expect(!markdown.contains("small score") && !markdown.contains("however well the lower orders"))
        }
    }

    /// Seed 004's statement quotes the note's own p₂, smoothed if the note's is, and the reversed
    /// candidate's p₂ under the same smoothing.
    @Test func theWordOrderStatementUsesTheNotesSmoothing() throws {
        for smoothing in ["add-one", "epsilon", "none"] {
            for candidate in ["the cat sat on the mat", "the the cat on the mat"] {
                let more: [String: JSON] = ["smoothing": .string(smoothing)]
                let (trace, markdown) = try Self.run(Self.input(.string(candidate), Self.refs, more))
                let words = candidate.split(separator: " ").map { JSON.string(String($0)) }
                let reversed = try Self.run(Self.input(.array(words.reversed()), Self.refs, more)).trace
                let (p2, back) = (try Self.values(trace, "precisions")[1], try Self.values(reversed, "precisions")[1])
                let line = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("- Seed 004") })
                #expect(line.contains("falls from \(Self.fixed(p2)) to \(Self.fixed(back))") == (back < p2), "\(smoothing): \(line)")
                #expect(line.contains("$p_{1} = \(Self.fixed(try Self.values(trace, "precisions")[0]))$"))
            }
        }
    }

    /// Smoothed precisions are called so and said to stand for m/t; an unmatched order's precision
    /// is said to be the smoothing's alone, in the caption and the summary, and only then.
    @Test func aSmoothedPrecisionIsSaidToComeFromTheSmoothing() throws {
        for (candidate, smoothing) in [("the cat sat on the mat", "add-one"), ("the the cat on the mat", "add-one"), ("the cat sat on the mat", "none"),
                                       ("the cat sat on the mat", "epsilon"), ("the the cat on the mat", "epsilon")] {
            let (trace, markdown) = try Self.run(Self.input(.string(candidate), Self.refs, ["smoothing": .string(smoothing)]))
            let (m, p) = (try Self.values(trace, "matches"), try Self.values(trace, "precisions"))
            let step = try #require(trace["precisions"])
            let smoothed = trace["numerators"] != nil
            #expect((step.title == "smoothed precisions") == smoothed && step.meaning.contains("in place of $m_{n}/t_{n}$") == smoothed, "\(candidate) \(smoothing)")
            let lifted = p.indices.filter { m[$0] == 0 && p[$0] > 0 }
            #expect(step.meaning.contains("comes from the smoothing alone") == !lifted.isEmpty, "\(candidate) \(smoothing): \(step.meaning)")
            let lowest = try #require(p.indices.min { p[$0] < p[$1] })
            let summary = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("BLEU = ") }).description
            if try Self.values(trace, "bleu")[0] > 0 {
                #expect(summary.contains("no \(Bleu.grams(lowest + 1, plural: true)) are shared") == (m[lowest] == 0), "\(summary)")
                #expect(summary.contains("the hardest to share") == (m[lowest] > 0), "\(summary)")
            }
        }
    }

    /// Add-one's m' and t' write every term, its 0 too.
    @Test func theSmoothedCountsWriteEveryTerm() throws {
        let (trace, markdown) = try Self.example("no-4-gram-add-one")
        let (m, t) = (try Self.values(trace, "matches"), try Self.values(trace, "totals"))
        for n in 1...4 {
            let one = n == 1 ? 0 : 1
            #expect(markdown.contains("| n = \(n) | \(numberLabel(m[n - 1])) + \(one) | \(numberLabel(m[n - 1] + Double(one))) |"), "m' n = \(n)")
            #expect(markdown.contains("| n = \(n) | \(numberLabel(t[n - 1])) + \(one) | \(numberLabel(t[n - 1] + Double(one))) |"), "t' n = \(n)")
        }
    }

    /// Each note says what the reference table and the largest count mean once, not per order; the
    /// example it gives for "not their sum" is the numbers' own, and with no n-gram in two
    /// references it gives none.
    @Test func theSameWordsAreSaidOncePerNote() throws {
        for example in Bleu.examples {
            let (trace, markdown) = try Self.example(example.name)
            #expect(markdown.components(separatedBy: "How often the same n-gram occurs in each reference").count == 2, "\(example.name)")
            #expect(markdown.components(separatedBy: "The largest count in any **one** reference").count == 2, "\(example.name)")
            let said = (1...4).compactMap { n in trace["ngrams[\(n)].max_ref"].flatMap { $0.meaning.isEmpty ? nil : (n, $0.meaning) } }
            let (n, meaning) = try #require(said.first)
            #expect(said.count == 1)
            guard let open = meaning.range(of: "“"), let close = meaning.range(of: "”") else { continue }
            let gram = String(meaning[open.upperBound..<close.lowerBound])
            let refs = try #require(trace["ngrams[\(n)].ref_counts"])
            let row = try #require(refs.labels.rows.firstIndex(of: gram))
            let found = (0..<refs.value.matrix.cols).map { refs.value.matrix[row, $0] }.filter { $0 > 0 }
            #expect(found.count >= 2)
            #expect(meaning.contains("occurs \(LessonLibrary.listed(found.map(numberLabel))) times in \(found.count) references and counts \(numberLabel(found.max()!)), not \(numberLabel(found.reduce(0, +)))"), "\(meaning)")
        }
        let (trace, _) = try Self.run(Self.input(.string("a b"), .strings(["a x", "y b"])))
        #expect(try #require(trace["ngrams[1].max_ref"]).meaning == "The largest count in any **one** reference, not their sum.")
    }

    /// A table of counts shows every n-gram, and the matches and totals add every count up: the
    /// paper's Candidate 1 has 17 bigrams, and nothing is hidden behind “⋯”.
    @Test func countsAreShownWhole() throws {
        let (trace, markdown) = try Self.example("papineni-2002-candidate-1")
        #expect(!markdown.contains("⋯"))
        #expect(try #require(trace["ngrams[2].count"]).value.count == 17)
        let clipped = try Self.values(trace, "ngrams[1].clipped").map(numberLabel).joined(separator: " + ")
        #expect(markdown.contains("| n = 1 | \(clipped) | 17"), "\(clipped)")
    }

    /// The hand check of the geometric mean: the product of the precisions as the fraction of the
    /// products of their numerators and denominators, in lowest terms; none for epsilon's 0.1 or
    /// unequal weights.
    @Test func theGeometricMeanCanBeCheckedByHand() throws {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let (main, _) = try Self.example("default")
        #expect(try #require(main["geometric_mean"]).meaning.contains("multiply to $1/9$"))
        for (candidate, more) in [("the the cat on the mat", [:]), ("the the cat on the mat", ["smoothing": JSON.string("add-one")]),
                                  ("the cat on the mat", [:]), ("the cat on a mat", ["smoothing": .string("epsilon")]),
                                  ("the the cat on the mat", ["weights": .numbers([0.4, 0.3, 0.2, 0.1])])] as [(String, [String: JSON])] {
            let (trace, _) = try Self.run(Self.input(.string(candidate), Self.refs, more))
            let meaning = try #require(trace["geometric_mean"]).meaning
            let numerators = try trace["numerators"].map { $0.value.flat } ?? Self.values(trace, "matches")
            let denominators = try trace["denominators"].map { $0.value.flat } ?? Self.values(trace, "totals")
            let whole = numerators.allSatisfy { $0 == $0.rounded() } && more["weights"] == nil
            let (a, b) = (Int(numerators.reduce(1, *)), Int(denominators.reduce(1, *)))
            let g = gcd(a, b)
            #expect(meaning.contains("multiply to $\(b / g == 1 ? "\(a / g)" : "\(a / g)/\(b / g)")$") == whole, "\(candidate) \(more): \(meaning)")
            if whole { #expect(try abs(pow(Double(a) / Double(b), 0.25) - Self.values(trace, "geometric_mean")[0]) < 1e-12) }
        }
    }

    /// A short candidate's penalty is shown at work on the first two words of a reference: their
    /// precisions and penalty are those of that candidate's own trace.
    @Test func theBrevityPenaltysExampleIsComputed() throws {
        for (candidate, short) in [("the cat on the mat", true), ("the cat is sitting on the mat all day", false)] {
            let (trace, _) = try Self.run(Self.input(.string(candidate)))
            let meaning = try #require(trace["bp"]).meaning
            #expect(meaning.contains("Precision alone would reward saying little") == short)
            guard short else { continue }
            let (two, _) = try Self.run(Self.input(.string("the cat")))
            let (p, bp) = (try Self.values(two, "precisions"), try Self.values(two, "bp")[0])
            #expect(meaning.contains("“the cat”, the first two words of reference 1, has $p_{1} = \(numberLabel(p[0]))$ and $p_{2} = \(numberLabel(p[1]))$"), "\(meaning)")
            #expect(meaning.contains("$e^{1 - 7/2} = \(Self.fixed(bp))$"), "\(meaning)")
        }
    }

    /// The stories and the convention, against the numbers: add-one raises every order above the
    /// first; “sat” is the one word of the candidate in no reference; the references carry no period.
    @Test func theStoriesSayWhatTheNumbersShow() throws {
        let (plain, markdown) = try Self.example("no-4-gram")
        let (smoothed, _) = try Self.example("no-4-gram-add-one")
        let (p, q) = (try Self.values(plain, "precisions"), try Self.values(smoothed, "precisions"))
        #expect(p[0] == q[0] && (1..<4).allSatisfy { q[$0] > p[$0] })
        let unigrams = try #require(plain["ngrams[1].max_ref"])
        #expect(unigrams.labels.rows.indices.filter { unigrams.value.flat[$0] == 0 }.map { unigrams.labels.rows[$0] } == ["sat"])
        #expect(markdown.contains("$\\log$ is the natural logarithm") && markdown.contains("| $K$ | number of references"))
        let paper = try #require(Bleu.examples.first { $0.name == "papineni-2002" })
        #expect(try Self.parsed(paper.input).references.allSatisfy { $0.allSatisfy { !$0.contains(".") } })
    }
}
