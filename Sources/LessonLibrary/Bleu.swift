// bleu: sentence BLEU, the translation metric of Papineni et al. 2002 (seed 004).
//
// Convention (NLTK's nltk.translate.bleu_score.sentence_bleu, which follows the paper), orders
// n = 1 … N, over the candidate's distinct n-grams g:
//   count_n(g) = how often g occurs in the candidate;  maxref_n(g) = how often it occurs in the one
//   reference that has it most;  clip_n(g) = min(count_n(g), maxref_n(g));
//   m_n = Σ_g clip_n(g) (matches),  t_n = Σ_g count_n(g) = c − n + 1 (totals),  p_n = m_n / max(t_n, 1);
//   c = the candidate's length, r = the reference length closest to c (the shorter on a tie);
//   BP = 1 if c > r else exp(1 − r/c), written min(1, exp(1 − r/c));
//   BLEU = BP · exp(Σ_n w_n log p_n),  w_n = 1/N unless given.
// Smoothing (NLTK's SmoothingFunction): "none" is method0, except that a zero p_n (with w_n > 0)
// gives BLEU = 0 exactly, where method0 warns and puts the smallest normal double (2.2·10⁻³⁰⁸) in
// place of each zero p_n (about 10⁻⁷⁷ per empty order of 4, computed in the note); "add-one" is method2,
// (m_n + 1)/(t_n + 1) for n ≥ 2 only; "epsilon" is method1, a zero m_n replaced by 0.1. As
// sentence_bleu does, a candidate with no word in any reference (m_1 = 0) scores 0 whatever the
// smoothing. An order with w_n = 0 takes no part in the mean (NLTK's 0 · log p_n).
// Others: sacreBLEU tokenizes the text itself and smooths with "exp" by default; corpus BLEU adds up
// m_n, t_n, c and r over all sentences before dividing, so it is not the mean of sentence BLEUs.
// References: Papineni, Roukos, Ward & Zhu 2002, "BLEU: a Method for Automatic Evaluation of Machine
// Translation" (ACL), sections 2.1–2.3; NLTK's bleu_score module (sentence_bleu, modified_precision,
// closest_ref_length, brevity_penalty, SmoothingFunction.method0/1/2); Lin & Och 2004 (add-one);
// seed notes 004 (BLEU: n-gram precision, since the order of the words matters too).

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum Bleu: Lesson {
    static let id = "bleu"
    static var summary: String { words("summary") }
    /// BLEU counts: there is no weight to train and no input a gradient could reach.
    static let learns = false

    static let examples = [
        Example("default", words, input: .fields([
            "candidate": .string("the the cat on the mat"),
            "references": .strings(["the cat is sitting on the mat", "there is a cat on the mat"]),
        ])),
        Example("no-4-gram", words, input: .fields([
            "candidate": .string("the cat sat on the mat"),
            "references": .strings(["the cat is sitting on the mat", "there is a cat on the mat"]),
        ])),
        Example("no-4-gram-add-one", words, input: .fields([
            "candidate": .string("the cat sat on the mat"),
            "references": .strings(["the cat is sitting on the mat", "there is a cat on the mat"]),
            "smoothing": .string("add-one"),
        ])),
    ] + SourcedExamples.bleu

    /// A slide's score may be a smoothed one.
    static let alternatives = Alternative.switching("smoothing", words, [
        ("add-one", "alternative add-one"),
        ("epsilon", "alternative epsilon"),
        ("none", "alternative none"),
    ])

    /// Limits: words per sentence, references, words over all references, and the largest order.
    static let maxWords = 10_000
    static let maxReferences = 1_000
    static let maxReferenceWords = 100_000
    static let maxOrder = 16
    /// The most counts a trace may hold (each candidate n-gram counted in each reference).
    static let maxCounts = 2_500_000.0

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try BleuInput(&reader)
        try reader.finish()
        return derive(p, example: example, file: file)
    }

    /// The derivation: N orders of n-grams counted and clipped, the precisions, the brevity penalty,
    /// their geometric mean. Words in Bleu+Words.swift.
    static func derive(_ p: BleuInput, example: Example?, file: String) -> Trace {
        let w = words
        let (c, refs, orders) = (p.candidate.count, p.references.count, p.weights.count)
        let orderLabels = Labels(rowHeader: w("label order"), rows: (1...orders).map { "n = \($0)" })
        let referenceNames = (1...refs).map { w("reference k", ["k": "\($0)"]) }

        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        tr.math(w("equations"))
        tr.say(w("convention", ["smoothing": w("smoothing \(p.smoothing.rawValue)")]))
        tr.introduceInputs(legend: [
            (symbol: "c", meaning: w("legend c"), size: c),
            (symbol: "K", meaning: w("legend K"), size: refs),
            (symbol: "N", meaning: w("legend N"), size: orders),
        ], example: example)
        tr.say(sentenceTable(p))
        let weights = tr.input("weights", "w", .vector(Vector(p.weights)),
                               w.caption(p.weightsGiven ? "weights" : "weights, uniform", ["N": "\(orders)"]), labels: orderLabels)

        // Per order: every distinct n-gram of the candidate, counted in it and in each reference.
        tr.heading(w("heading counts"))
        tr.say(w("counts intro"))
        let repeats = Repeats(singular: w("order"), plural: w("orders"), counter: "n", sameWork: w("same work"), resultsShown: w("results shown"))
        var countParts: [Traced] = []
        var clipParts: [Traced] = []
        var clippedWords: (named: [String], count: Int) = ([], 0)
        let tables = (1...orders).map { NGramTable(p, n: $0) }
        // The same words for every order are said once: where they first apply, or where an example shows them.
        let firstCounted = tables.firstIndex { !$0.grams.isEmpty }.map { $0 + 1 }
        let maxRefShown = maxRefExample(tables, references: refs)
        for n in 1...orders {
            tr.section(repeats, n, of: orders, w("section", ["n": "\(n)", "grams": grams(n, plural: true)]))
            let table = tables[n - 1]
            guard !table.grams.isEmpty else {
                tr.say(w("no n-grams", ["n": "\(n)", "c": "\(c)", "grams": grams(n, plural: true)]))
                countParts.append(exactly(0))
                clipParts.append(exactly(0))
                continue
            }
            let labels = Labels(rowHeader: w("label n-gram"), rows: table.grams.map { $0.joined(separator: " ") })
            let count = tr.recordCount("ngrams[\(n)].count", #"\operatorname{count}^{(\#(n))}"#,
                                       counted(.vector(Vector(table.counts)), #"\operatorname{Count}_{\text{cand}}(g)"#),
                                       countCaption(table, n: n), labels: labels)
            let perReference = tr.recordCount("ngrams[\(n)].ref_counts", #"\operatorname{ref}^{(\#(n))}"#,
                                              counted(.matrix(table.referenceCounts), #"\operatorname{Count}_{\text{ref}_{k}}(g)"#),
                                              n == firstCounted ? w.caption("ref_counts") : untold(w.caption("ref_counts")), labels: Labels(rowHeader: w("label n-gram"), rows: labels.rows, columns: referenceNames))
            let maxRef = tr.recordCount("ngrams[\(n)].max_ref", #"\operatorname{maxref}^{(\#(n))}"#, reduceRows(.max, perReference),
                                        n == (maxRefShown?.order ?? firstCounted) ? maxRefCaption(maxRefShown, references: refs) : untold(w.caption("max_ref")),
                                        labels: labels)
            let clipped = tr.recordCount("ngrams[\(n)].clipped", #"\operatorname{clip}^{(\#(n))}"#, minimum(count, maxRef),
                                         clipCaption(table, n: n, counts: count.value.flat, maxRef: maxRef.value.flat), labels: labels)
            if n == 1 { clippedWords = clippedNGrams(table.grams, counts: count.value.flat, maxRef: maxRef.value.flat) }
            countParts.append(count)
            clipParts.append(clipped)
        }

        tr.heading(w("heading precisions"))
        let matches = tr.recordCount("matches", "m", entrySums(clipParts), w.caption("matches"), labels: orderLabels)
        let totals = tr.recordCount("totals", "t", entrySums(countParts), w.caption("totals", ["c": "\(c)"]), labels: orderLabels)
        let (m, t) = (matches.value.flat, totals.value.flat)
        var numerators = matches
        var denominators = totals
        // A candidate shorter than n has no n-gram: NLTK divides by 1, not by 0.
        let emptyOrders = t.indices.filter { t[$0] == 0 }
        if p.smoothing == .addOne && orders > 1 {
            let delta = tr.constant(#"\mathbb 1_{n \ge 2}"#, .vector(Vector((1...orders).map { $0 == 1 ? 0 : 1 })), w.caption("delta"), labels: orderLabels)
            numerators = tr.recordCount("numerators", "m'", countSum(matches, delta), w.caption("numerators, add-one"), labels: orderLabels)
            let below = emptyOrders.isEmpty ? totals : maximum(totals, exactly(1))
            denominators = tr.recordCount("denominators", "t'", countSum(below, delta),
                                          w.caption(emptyOrders.isEmpty ? "denominators, add-one" : "denominators, add-one, empty",
                                                    ["orders": ordersNamed(emptyOrders)]), labels: orderLabels)
        } else if !emptyOrders.isEmpty {
            denominators = tr.recordCount("denominators", "t'", maximum(totals, exactly(1)),
                                          w.caption("denominators, empty", ["orders": ordersNamed(emptyOrders)]), labels: orderLabels)
        }
        if p.smoothing == .addOne && orders == 1 { tr.say(w("add-one, unused")) }
        if p.smoothing == .epsilon {
            let zeros = m.indices.filter { m[$0] == 0 }
            if zeros.isEmpty {
                tr.say(w("epsilon, unused"))
            } else {
                let epsilon = tr.constant(#"\varepsilon"#, .vector(Vector(m.map { $0 == 0 ? BleuInput.epsilon : 0 })),
                                          w.caption("epsilon", ["orders": ordersNamed(zeros)]), labels: orderLabels)
                numerators = tr.record("numerators", "m'", matches + epsilon, w.caption("numerators, epsilon"), labels: orderLabels)
            }
        }
        let quotient = numerators / denominators
        let smoothed = numerators.value.flat != m || denominators.value.flat != t.map { max($0, 1) }
        let precisions = tr.record("precisions", "p", quotient,
                                   precisionCaption(p, precisions: quotient.value.flat, matches: m, totals: t, smoothed: smoothed), labels: orderLabels)
        let pn = precisions.value.flat
        if orders > 1 {
            tr.figure(.lines(title: w(smoothed ? "figure, smoothed" : "figure"), steps: (1...orders).map { "\($0)" },
                             panels: [LinePanel(title: w("figure panel"), series: [pn], range: 0...1)]),
                      description: w("figure description", ["first": shown(pn[0]), "last": shown(pn[orders - 1]), "N": "\(orders)"]))
        }

        // The brevity penalty: precision alone would reward a candidate that says little.
        tr.heading(w("heading brevity"))
        let lengths = p.references.map { Double($0.count) }
        let r = closestLength(lengths, c: Double(c))
        let cT = tr.recordCount("c", "c", counted(.scalar(Double(c)), #"\lvert \text{candidate} \rvert"#), w.caption("c"))
        tr.recordCount("ref_lengths", #"\ell"#, counted(.vector(Vector(lengths)), #"\lvert \text{ref}_{k} \rvert"#), w.caption("ref_lengths"),
                       labels: Labels(rowHeader: w("label reference"), rows: referenceNames))
        let rT = tr.recordCount("r", "r", counted(.scalar(r), #"\ell_{k^{*}},\ k^{*} = \arg\min_{k} \lvert \ell_{k} - c \rvert"#),
                                rCaption(lengths, c: Double(c), r: r))
        let used = (0..<orders).filter { p.weights[$0] > 0 }
        let zeroOrders = used.filter { pn[$0] == 0 }
        let scoreIsZero = m[0] == 0 || !zeroOrders.isEmpty
        let bp = tr.record("bp", "BP", minimum(exactly(1), exp(exactly(1) - rT / cT)), bpCaption(p, c: Double(c), r: r, zeroScore: scoreIsZero))

        // The geometric mean of the precisions, and the score.
        tr.heading(w("heading score"))
        let bleu: Traced
        if scoreIsZero {
            // log 0 = −∞: one order without a match makes the mean 0 whatever the others.
            let why = m[0] == 0 ? w("zero, no word")
                : zeroReason(zeroOrders, totals: t, c: c) + " " + instead(p, matches: m, totals: t)
            let mean = tr.constant(#"\bar{p}"#, .scalar(0), w.caption("mean, zero", ["why": why]))
            // Exactly 0, shown as the whole number it is; the product written out, its factor 0 too.
            bleu = tr.recordCount("bleu", #"\text{BLEU}"#, product(bp, mean), w.caption("bleu, zero"))
        } else {
            let inMean = used.count == orders ? precisions : concatEntries(used.map { precisions.rows($0..<($0 + 1), "p_{\($0 + 1)}") })
            let weightsInMean = used.count == orders ? weights : concatEntries(used.map { weights.rows($0..<($0 + 1), "w_{\($0 + 1)}") })
            let logs = tr.record("log_precisions", #"\log{p}"#, log(inMean),
                                 w.caption(used.count == orders ? "log_precisions" : "log_precisions, some",
                                           ["orders": ordersNamed(used)]),
                                 labels: Labels(rowHeader: w("label order"), rows: used.map { "n = \($0 + 1)" }))
            let logMean = tr.record("log_mean", #"\textstyle\sum_{n} w_{n} \log p_{n}"#, entrySum(hadamard(weightsInMean, logs)), w.caption("log_mean"))
            let mean = tr.record("geometric_mean", #"\bar{p}"#, exp(logMean),
                                 meanCaption(pn, used: used, weights: p.weights, numerators: numerators.value.flat,
                                             denominators: denominators.value.flat))
            bleu = tr.record("bleu", #"\text{BLEU}"#, hadamard(bp, mean), w.caption(bp.value.flat[0] < 1 ? "bleu, penalized" : "bleu"))
        }

        tr.slides(slides(p, precisions: pn))
        tr.heading(w("heading summary"))
        tr.say(notice(p, c: c, r: r, matches: m, precisions: pn, bleu: bleu.value.flat[0], clippedWords: clippedWords))
        return tr
    }
}

// MARK: Counting

/// The n-grams of a candidate for one order n, with their counts in the candidate and in each reference.
struct NGramTable {
    /// The distinct n-grams in order of first appearance.
    let grams: [[String]]
    let counts: [Double]
    /// grams × references.
    let referenceCounts: Matrix

    init(_ p: BleuInput, n: Int) {
        // Words as numbers, so that an n-gram is hashed as a few integers.
        var ids: [String: Int] = [:]
        func encode(_ sentence: [String]) -> [Int] { sentence.map { word in ids[word] ?? { ids[word] = ids.count; return ids.count - 1 }() } }
        let candidate = encode(p.candidate)
        var order: [[Int]] = []
        var count: [[Int]: Int] = [:]
        if candidate.count >= n {
            for start in 0...(candidate.count - n) {
                let gram = Array(candidate[start..<(start + n)])
                if count[gram] == nil { order.append(gram) }
                count[gram, default: 0] += 1
            }
        }
        var perReference: [Double] = Array(repeating: 0, count: order.count * p.references.count)
        for (k, reference) in p.references.enumerated() {
            let words = reference.map { ids[$0] ?? -1 }
            guard words.count >= n else { continue }
            var found: [[Int]: Int] = [:]
            for start in 0...(words.count - n) {
                let gram = Array(words[start..<(start + n)])
                if count[gram] != nil { found[gram, default: 0] += 1 }
            }
            for (g, gram) in order.enumerated() { perReference[g * p.references.count + k] = Double(found[gram] ?? 0) }
        }
        let names = ids.sorted { $0.value < $1.value }.map(\.key)
        grams = order.map { $0.map { names[$0] } }
        counts = order.map { Double(count[$0] ?? 0) }
        referenceCounts = Matrix(rows: order.count, cols: p.references.count, entries: perReference)
    }

    /// m_n: each n-gram's count clipped by its largest count in one reference, added up.
    var clipped: Double {
        counts.indices.reduce(0.0) { sum, g in sum + min(counts[g], (0..<referenceCounts.cols).map { referenceCounts[g, $0] }.max() ?? 0) }
    }
}

extension Bleu {
    /// The reference length closest to c, the shorter on a tie (NLTK's closest_ref_length).
    static func closestLength(_ lengths: [Double], c: Double) -> Double {
        lengths.min { (abs($0 - c), $0) < (abs($1 - c), $1) } ?? 0
    }

    /// The n-grams whose count was cut, as “the” from 3 to 2: the first three, and how many more.
    static func clippedNGrams(_ grams: [[String]], counts: [Double], maxRef: [Double]) -> (named: [String], count: Int) {
        let cut = grams.indices.filter { counts[$0] > maxRef[$0] && maxRef[$0] > 0 }
        return (cut.prefix(3).map { words("clipped gram", ["gram": quoted(grams[$0]), "count": numberLabel(counts[$0]), "max": numberLabel(maxRef[$0])]) }, cut.count)
    }
}

// MARK: What the numbers say

extension Bleu {
    /// A number in a sentence, as the tables show it.
    static func shown(_ x: Double) -> String { NumberStyle(precision: 4).fixed(x) }

    /// A share as a whole percentage: 0.1535 → 15%.
    static func percent(_ x: Double) -> String { NumberStyle(precision: 0).fixed(100 * x) }

    /// An n-gram in a sentence: “the cat”, escaped so a token cannot break the Markdown.
    static func quoted(_ gram: [String]) -> String { "“" + markdownText(gram.joined(separator: " "), limit: 40) + "”" }

    /// unigram(s), bigram(s), trigram(s), 4-gram(s).
    static func grams(_ n: Int, plural: Bool) -> String {
        let name = n <= 3 ? words("gram \(n)") : words("gram n", ["n": "\(n)"])
        return plural ? words("plural", ["name": name]) : name
    }

    /// `order 3`, `orders 3 and 4`.
    static func ordersNamed(_ indices: [Int]) -> String {
        words(indices.count == 1 ? "order k" : "orders k", ["k": listed(indices.map { "\($0 + 1)" })])
    }

    /// Why the geometric mean is 0: the orders with n-grams but no match, and those the candidate is too short to have.
    static func zeroReason(_ orders: [Int], totals: [Double], c: Int) -> String {
        let unmatched = orders.filter { totals[$0] > 0 }
        let missing = orders.filter { totals[$0] == 0 }
        var reasons: [String] = []
        if !unmatched.isEmpty {
            reasons.append(words("zero, unmatched", ["orders": listed(unmatched.map { "$p_{\($0 + 1)} = 0$" }),
                                                     "grams": either(unmatched.map { grams($0 + 1, plural: true) })]))
        }
        if !missing.isEmpty {
            reasons.append(words("zero, too short", ["orders": listed(missing.map { "$p_{\($0 + 1)} = 0$" }), "c": "\(c)",
                                                     "grams": either(missing.map { grams($0 + 1, plural: true) })]))
        }
        return reasons.joined(separator: " ") + " " + words("zero, mean")
    }

    /// Items after a negation: "bigrams or trigrams", "bigrams, trigrams or 4-grams".
    static func either(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return words("either", ["list": items.dropLast().joined(separator: ", "), "last": last])
    }

    /// The first (up to three) of `count` items, and how many more.
    static func some(_ first: [String], of count: Int) -> String {
        count > first.count ? listed(first, more: count - first.count) : listed(first)
    }

    /// The candidate and the references, one row each, a word per column (long ones by their start and end).
    static func sentenceTable(_ p: BleuInput) -> String {
        // Many references: the first ones and the last.
        let shownReferences = EquationWriter(style: NumberStyle(precision: 4)).shown(p.references.count, limit: 12)
        let rows = [(words("label candidate"), p.candidate)] + shownReferences.map { k in
            k.map { (words("reference k", ["k": "\($0 + 1)"]), p.references[$0]) } ?? ("⋯", [])
        }
        // Long sentences: their first words, a word per numbered column.
        let width = rows.map(\.1.count).max() ?? 0
        let columns = min(width, 24)
        let cut = width > columns
        var lines = ["| | " + (1...columns).map { "\($0)" }.joined(separator: " | ") + (cut ? " | ⋯" : "") + " | " + words("label words") + " |",
                     "|---|" + String(repeating: ":---:|", count: columns + (cut ? 1 : 0)) + "---:|"]
        for (name, sentence) in rows {
            let cells = (0..<columns).map { sentence.indices.contains($0) ? markdownText(sentence[$0], limit: 20) : "" }
                + (cut ? [sentence.count > columns ? "⋯" : ""] : [])
            lines.append("| \(name) | " + cells.joined(separator: " | ") + " | \(name == "⋯" ? "⋯" : "\(sentence.count)") |")
        }
        return words("sentences") + "\n\n" + lines.joined(separator: "\n") + (cut ? "\n\n" + words("sentences, cut", ["columns": "\(columns)"]) : "")
    }

    /// A caption's title without its sentence: words said once already, at another order.
    static func untold(_ caption: Caption) -> Caption { Caption(title: caption.title, meaning: "") }

    /// The first n-gram that occurs in two references or more, where taking the largest count, not
    /// the sum, shows (one with unequal counts if there is one: it shows which is taken): its order,
    /// its words, its count in each reference. Not one in a left-out order.
    static func maxRefExample(_ tables: [NGramTable], references: Int) -> (order: Int, gram: String, counts: [Double])? {
        guard references > 1 else { return nil }
        let hidden = Repeats.leftOut(of: tables.count)
        var found: [(order: Int, gram: String, counts: [Double])] = []
        for (i, table) in tables.enumerated() where !(hidden?.contains(i + 1) ?? false) {
            for g in table.grams.indices {
                let counts = (0..<references).map { table.referenceCounts[g, $0] }
                let present = counts.filter { $0 > 0 }
                guard present.count >= 2 else { continue }
                if Set(present).count > 1 { return (i + 1, quoted(table.grams[g]), counts) }
                if found.isEmpty { found.append((i + 1, quoted(table.grams[g]), counts)) }
            }
        }
        return found.first
    }

    /// Why the largest count in one reference, not the sum: on the example, when there is one.
    static func maxRefCaption(_ example: (order: Int, gram: String, counts: [Double])?, references: Int) -> Caption {
        if references == 1 { return words.caption("max_ref, one") }
        guard let example else { return words.caption("max_ref, plain") }
        let found = example.counts.filter { $0 > 0 }
        return words.caption("max_ref", ["gram": example.gram, "counts": listed(found.map(numberLabel)),
                                         "max": numberLabel(found.max() ?? 0), "sum": numberLabel(found.reduce(0, +)),
                                         "in": "\(found.count)"])
    }

    /// How many n-grams the candidate has, and where they start.
    static func countCaption(_ table: NGramTable, n: Int) -> Caption {
        let total = table.counts.reduce(0, +)
        let start = n == 1 ? words("one per word") : n == 2 ? words("one per start, one") : words("one per start", ["before": "\(n - 1)"])
        return words.caption(table.grams.count == 1 ? "count, one" : "count", [
            "t": numberLabel(total), "G": "\(table.grams.count)", "grams": grams(n, plural: true), "gram": grams(n, plural: false),
            "times": total == 1 ? words("once") : words("times", ["t": numberLabel(total)]), "where": start])
    }

    /// Which n-grams were clipped and by how much, and which are in no reference.
    static func clipCaption(_ table: NGramTable, n: Int, counts: [Double], maxRef: [Double]) -> Caption {
        let clipped = clippedNGrams(table.grams, counts: counts, maxRef: maxRef)
        let absent = table.grams.indices.filter { maxRef[$0] == 0 }
        let total = counts.reduce(0, +)
        let kept = zip(counts, maxRef).reduce(0) { $0 + min($1.0, $1.1) }
        var parts: [String] = []
        if clipped.count > 0 { parts.append(words(clipped.count == 1 ? "clipped, one" : "clipped, more", ["grams": some(clipped.named, of: clipped.count)])) }
        if !absent.isEmpty {
            parts.append(words(absent.count == table.grams.count ? (absent.count == 1 ? "absent, only" : "absent, all") : absent.count == 1 ? "absent, one" : "absent", [
                "count": "\(absent.count)", "G": "\(table.grams.count)", "grams": some(absent.prefix(3).map { quoted(table.grams[$0]) }, of: absent.count),
                "kind": grams(n, plural: table.grams.count != 1), "only": grams(n, plural: false)]))
        }
        if parts.isEmpty { parts.append(words("nothing clipped", ["grams": grams(n, plural: true)])) }
        return words.caption("clipped", ["kept": numberLabel(kept), "total": numberLabel(total), "grams": grams(n, plural: total != 1),
                                         "details": parts.joined(separator: " ")])
    }

    /// The precisions: how they fall with n, the lowest, and the orders without a match; smoothed,
    /// which of them owe everything to the smoothing.
    static func precisionCaption(_ p: BleuInput, precisions: [Double], matches: [Double], totals: [Double], smoothed: Bool) -> Caption {
        let orders = precisions.count
        // An order the candidate is too short for has nothing to match: it is said where its total is.
        let unmatched = matches.indices.filter { matches[$0] == 0 && totals[$0] > 0 }
        // Smoothed, an unmatched order's precision is not 0: it comes from the smoothing alone.
        let lifted = unmatched.filter { precisions[$0] > 0 }
        let none = unmatched.isEmpty ? ""
            : smoothed && !lifted.isEmpty ? words("unmatched, smoothed", ["grams": either(lifted.map { grams($0 + 1, plural: true) }),
                                                                          "orders": listed(lifted.map { "$p_{\($0 + 1)}$" })])
            : words("unmatched", ["grams": either(unmatched.map { grams($0 + 1, plural: true) })])
        let caption: Caption
        if orders == 1 {
            caption = words.caption("precisions, one", ["p": shown(precisions[0]), "unmatched": none])
        } else {
            let lowest = precisions.min() ?? 0
            let at = precisions.indices.filter { precisions[$0] == lowest }
            let slots = ["first": shown(precisions[0]), "lowest": shown(lowest), "at": listed(at.map { "$n = \($0 + 1)$" }), "unmatched": none]
            let falling = precisions.indices.dropFirst().allSatisfy { precisions[$0] <= precisions[$0 - 1] }
            caption = words.caption(at.count == orders ? "precisions, equal" : falling ? "precisions, falling" : "precisions", slots)
        }
        guard smoothed else { return caption }
        return Caption(title: words("smoothed precisions"), meaning: words("precisions, smoothed") + " " + caption.meaning)
    }

    /// Which reference length was taken as r, and why.
    static func rCaption(_ lengths: [Double], c: Double, r: Double) -> Caption {
        let gap = abs(r - c)
        let chosen = lengths.firstIndex(of: r) ?? 0
        let rivals = lengths.indices.filter { abs(lengths[$0] - c) == gap && lengths[$0] != r }
        let same = lengths.indices.filter { lengths[$0] == r && $0 != chosen }
        let slots = ["k": "\(chosen + 1)", "r": numberLabel(r), "c": numberLabel(c), "gap": numberLabel(gap),
                     "same": listed(same.map { "\($0 + 1)" }), "rivals": listed(rivals.map { "\($0 + 1)" }),
                     "rival length": rivals.first.map { numberLabel(lengths[$0]) } ?? ""]
        let tie = rivals.isEmpty ? "" : words(rivals.count == 1 ? "r, tie" : "r, ties", slots)
        let alike = same.isEmpty ? "" : words(same.count == 1 ? "r, same, one" : "r, same", slots)
        if lengths.count == 1 { return words.caption("r, one", slots) }
        return words.caption(gap == 0 ? "r, exact" : "r", slots.merging(["tie": tie, "same sentence": alike]) { $1 })
    }

    /// Whether the brevity penalty punishes the candidate, and by how much; a short candidate's
    /// penalty shown at work on a shorter one still, the paper's kind of example (§2.2).
    /// `zeroScore`: the score is 0 anyway, and the penalty has nothing to take off.
    static func bpCaption(_ p: BleuInput, c: Double, r: Double, zeroScore: Bool = false) -> Caption {
        let slots = ["c": numberLabel(c), "r": numberLabel(r), "off": percent(1 - min(1, Foundation.exp(1 - r / c))),
                     "example": shortExample(p)]
        if c > r { return words.caption("bp, longer", slots) }
        if c == r { return words.caption("bp, equal", slots) }
        return words.caption(zeroScore ? "bp, shorter, zero score" : "bp, shorter", slots)
    }

    /// The first two words of the first reference that has two, as a candidate: both precisions 1,
    /// and only the brevity penalty holds it back ("" when no reference has two words).
    static func shortExample(_ p: BleuInput) -> String {
        guard let k = p.references.firstIndex(where: { $0.count >= 2 }) else { return "" }
        let candidate = Array(p.references[k].prefix(2))
        let short = BleuInput(candidate: candidate, references: p.references, weights: p.weights, weightsGiven: p.weightsGiven, smoothing: .none)
        let r = closestLength(p.references.map { Double($0.count) }, c: 2)
        return words("bp, example", ["gram": quoted(candidate), "k": "\(k + 1)", "p1": numberLabel(unsmoothed(short, n: 1)),
                                     "p2": numberLabel(unsmoothed(short, n: 2)), "r": numberLabel(r), "bp": shown(min(1, Foundation.exp(1 - r / 2)))])
    }

    /// The geometric mean, and the order that pulls it down most; with uniform weights and whole
    /// counts, the product of the precisions as a fraction, to check the mean by hand.
    static func meanCaption(_ precisions: [Double], used: [Int], weights: [Double], numerators: [Double], denominators: [Double]) -> Caption {
        guard used.count > 1, let lowest = used.min(by: { precisions[$0] < precisions[$1] }) else { return words.caption("geometric_mean, one") }
        let uniform = used.allSatisfy { abs(weights[$0] - 1 / Double(used.count)) <= 1e-12 }
        let fraction = uniform ? productFraction(used.map { numerators[$0] }, used.map { denominators[$0] }) : nil
        let hint = fraction.map { words("geometric_mean, by hand", ["fraction": $0.denominator == 1 ? "\($0.numerator)" : "\($0.numerator)/\($0.denominator)",
                                                                     "count": "\(used.count)"]) } ?? ""
        return words.caption(uniform ? "geometric_mean" : "geometric_mean, weighted", [
            "n": "\(lowest + 1)", "count": "\(used.count)", "by hand": hint])
    }

    /// Π a_i / Π b_i in lowest terms, for whole a_i, b_i; nil for fractions or when a product overflows.
    static func productFraction(_ a: [Double], _ b: [Double]) -> (numerator: Int, denominator: Int)? {
        func gcd(_ x: Int, _ y: Int) -> Int { y == 0 ? x : gcd(y, x % y) }
        var (numerator, denominator) = (1, 1)
        for (x, y) in zip(a, b) {
            guard x == x.rounded(), y == y.rounded(), x >= 0, y >= 1, x < 1e15, y < 1e15 else { return nil }
            let (n, overflowN) = numerator.multipliedReportingOverflow(by: Int(x))
            let (d, overflowD) = denominator.multipliedReportingOverflow(by: Int(y))
            guard !overflowN, !overflowD else { return nil }
            let g = max(gcd(n, d), 1)
            (numerator, denominator) = (n / g, d / g)
        }
        return (numerator, denominator)
    }

    /// What to notice: the score, what pulled it down, the clipping and the length.
    static func notice(_ p: BleuInput, c: Int, r: Double, matches: [Double], precisions: [Double], bleu: Double,
                       clippedWords: (named: [String], count: Int)) -> String {
        var sentences = [words("notice score", ["bleu": bleu == 0 ? "0" : shown(bleu)])]
        if matches[0] == 0 {
            sentences.append(words("notice no word"))
        } else if let zero = precisions.indices.first(where: { precisions[$0] == 0 && p.weights[$0] > 0 }) {
            let short = Double(c) < Double(zero + 1)
            sentences.append(words(short ? "notice zero, short" : "notice zero", ["n": "\(zero + 1)", "c": "\(c)", "grams": grams(zero + 1, plural: true)]))
        } else if precisions.count > 1,
                  // Among the orders that count: one weighted 0 takes no part in the score.
                  let lowest = precisions.indices.filter({ p.weights[$0] > 0 }).min(by: { precisions[$0] < precisions[$1] }),
                  precisions.indices.contains(where: { p.weights[$0] > 0 && precisions[$0] > precisions[lowest] }) {
            // A smoothed order without a match owes its precision to the smoothing: it is not "hard to share", it is not shared.
            let key = unsmoothed(p, n: lowest + 1) == 0 ? "notice lowest, unmatched" : "notice lowest"
            sentences.append(words(key, ["n": "\(lowest + 1)", "grams": grams(lowest + 1, plural: true)]))
        }
        if clippedWords.count > 0 { sentences.append(words("notice clipped", ["grams": some(clippedWords.named, of: clippedWords.count)])) }
        let slots = ["c": "\(c)", "r": numberLabel(r)]
        sentences.append(Double(c) >= r ? words("notice long enough", slots) : words(bleu > 0 ? "notice short" : "notice short, zero", slots))
        return sentences.joined(separator: " ")
    }

    /// Seed 004's statement, checked on the example: n-grams rather than words, because order matters.
    /// The candidate's words in reverse order keep p_1 and change p_2 (unless it reads the same backwards).
    static func slides(_ p: BleuInput, precisions: [Double]) -> [String] {
        guard p.weights.count >= 2, p.candidate.count >= 2 else { return [] }
        let backwards = Array(p.candidate.reversed())
        let reversed = BleuInput(candidate: backwards, references: p.references, weights: p.weights, weightsGiven: p.weightsGiven, smoothing: p.smoothing)
        // As the note's precisions are: smoothed, if they are.
        let table = NGramTable(reversed, n: 2)
        let reversedP2 = precision(m: table.clipped, t: max(table.counts.reduce(0, +), 1), n: 2, smoothing: p.smoothing)
        let (p1, p2) = (precisions[0], precisions[1])
        let slots = ["p1": shown(p1), "p2": shown(p2), "reversed": shown(reversedP2),
                     "words": quoted(Array(backwards.prefix(6))) + (backwards.count > 6 ? " …" : "")]
        if p.candidate == backwards { return [words("slides order, palindrome", slots)] }
        return [words(reversedP2 < p2 ? "slides order" : "slides order, not here", slots)]
    }

    /// p_n as the note computes it with the input's smoothing, from the counts alone.
    /// p_n from its clipped matches m and candidate n-grams t (≥ 1), smoothed as `smoothing` says.
    static func precision(m: Double, t: Double, n: Int, smoothing: BleuInput.Smoothing) -> Double {
        switch smoothing {
        case .none: return m / t
        case .addOne: return n == 1 ? m / t : (m + 1) / (t + 1)
        case .epsilon: return (m == 0 ? BleuInput.epsilon : m) / t
        }
    }

    /// Sentence BLEU of `p` in plain numbers, as NLTK's sentence_bleu: 0 when no word matches; with
    /// `method0`, a zero precision replaced by the smallest normal double (NLTK's method 0), else
    /// a zero precision gives 0. `counts`: the clipped matches and the candidate's n-grams per order,
    /// when the derivation has counted them already.
    static func score(_ p: BleuInput, method0: Bool = false, counts: (matches: [Double], totals: [Double])? = nil) -> Double {
        let (matches, totals) = counts ?? {
            let tables = (1...p.weights.count).map { NGramTable(p, n: $0) }
            return (tables.map(\.clipped), tables.map { $0.counts.reduce(0, +) })
        }()
        let c = Double(p.candidate.count)
        let r = closestLength(p.references.map { Double($0.count) }, c: c)
        let bp = min(1, Foundation.exp(1 - r / c))
        guard matches[0] > 0 else { return 0 }
        var sum = 0.0
        for n in 1...p.weights.count where p.weights[n - 1] > 0 {
            var pn = precision(m: matches[n - 1], t: max(totals[n - 1], 1), n: n, smoothing: p.smoothing)
            if pn == 0 {
                guard method0 else { return 0 }
                pn = Double.leastNormalMagnitude
            }
            sum += p.weights[n - 1] * Foundation.log(pn)
        }
        return bp * Foundation.exp(sum)
    }

    /// What NLTK's method 0 and add-one smoothing give instead of 0, from the counts made.
    static func instead(_ p: BleuInput, matches: [Double], totals: [Double]) -> String {
        let addOne = BleuInput(candidate: p.candidate, references: p.references, weights: p.weights, weightsGiven: p.weightsGiven, smoothing: .addOne)
        let nltk = String(format: "%.1e", score(p, method0: true, counts: (matches, totals)))
        return words("zero, instead", ["nltk": EquationWriter(style: NumberStyle(precision: 4)).latexNumber(nltk),
                                       "add-one": shown(score(addOne, counts: (matches, totals)))])
    }

    /// m_n / max(t_n, 1) as counted, without smoothing.
    static func unsmoothed(_ p: BleuInput, n: Int) -> Double {
        let table = NGramTable(p, n: n)
        return table.clipped / max(table.counts.reduce(0, +), 1)
    }
}

/// The input of bleu: the candidate and its references as words, the weights of the orders and the
/// smoothing, checked once.
struct BleuInput {
    enum Smoothing: String { case none, addOne = "add-one", epsilon }
    /// What epsilon smoothing puts in place of a zero count (NLTK's default).
    static let epsilon = 0.1

    let candidate: [String]
    let references: [[String]]
    /// One per order n = 1 … N.
    let weights: [Double]
    let weightsGiven: Bool
    let smoothing: Smoothing

    init(candidate: [String], references: [[String]], weights: [Double], weightsGiven: Bool, smoothing: Smoothing) {
        (self.candidate, self.references, self.weights, self.weightsGiven, self.smoothing) = (candidate, references, weights, weightsGiven, smoothing)
    }

    init(_ reader: inout InputReader) throws {
        if reader.backward {
            throw reader.fail("--backward: BLEU has nothing to learn: it counts n-grams, and a count has no gradient (no weight to train, no input a gradient could reach); run it without --backward")
        }
        let sentence = "a sentence: a string of words separated by spaces, or a list of word strings"
        candidate = try Self.words(reader.required(reader.json("candidate"), "candidate", sentence), "candidate", reader)
        let referencesJSON = try reader.required(reader.json("references"), "references", "a list of reference sentences, each " + sentence)
        guard case .array(let items) = referencesJSON else {
            throw reader.fail("references must be a list of reference sentences (each \(sentence)), got \(referencesJSON.kindDescription)")
        }
        guard !items.isEmpty else { throw reader.fail("references must list at least one reference sentence, got an empty list") }
        try reader.expect(items.count, "the number of references", atMost: Bleu.maxReferences)
        references = try items.enumerated().map { try Self.words($0.element, "references[\($0.offset + 1)]", reader) }
        try reader.expect(references.reduce(0) { $0 + $1.count }, "the number of words over all references", atMost: Bleu.maxReferenceWords)

        // A number far out of range is told the range it must be in, not the reader's general one.
        if reader.holdsNumber("max_n"), case .number(let x, _)? = reader.peek("max_n"), abs(x) > 1e9 {
            let written = reader.peek("max_n")?.numberText.flatMap { $0.isEmpty ? nil : $0 } ?? JSON.format(x)
            throw reader.fail("max_n must be a whole number from 1 to \(Bleu.maxOrder), got \(written)")
        }
        let order = try reader.integer("max_n", "the largest n-gram order, e.g. 4")
        let given = try reader.vector("weights", "one weight per order n = 1 … max_n")
        let orders = order ?? given?.count ?? 4
        guard orders >= 1 else { throw reader.fail("max_n must be at least 1, got \(orders)") }
        try reader.expect(orders, "max_n", atMost: Bleu.maxOrder)
        if let given {
            try reader.expect(given, "weights", count: ("max_n", orders))
            if let negative = given.entries.firstIndex(where: { $0 < 0 }) {
                throw reader.fail("weights[\(negative + 1)] must be ≥ 0 (a weight of the geometric mean), got \(JSON.format(given.entries[negative]))")
            }
            guard given.entries.contains(where: { $0 > 0 }) else { throw reader.fail("weights must not all be 0: at least one order must count") }
        }
        weights = given?.entries ?? Array(repeating: 1 / Double(orders), count: orders)
        weightsGiven = given != nil
        smoothing = Smoothing(rawValue: try reader.choice("smoothing", ["none", "add-one", "epsilon"]) ?? "none") ?? .none

        // Counting reads each sentence once per order; the trace holds, per order, every distinct
        // n-gram's count in the candidate and in each reference, its largest and its clipped count.
        let (c, refs) = (Double(candidate.count), Double(references.count))
        let referenceWords = Double(references.reduce(0) { $0 + $1.count })
        let grams = (1...orders).reduce(0.0) { $0 + max(0, c - Double($1) + 1) }
        let n = Double(orders)
        // At most one distinct n-gram per position: the trace's counts can be fewer, never more.
        let counts = grams * (refs + 3) + 9 * n + refs + 4
        // Counting, not the trace, is what these cost: at 5 × 10⁶ a run took 3 s; half keeps it near 1.5 s.
        if counts > Bleu.maxCounts {
            throw reader.fail("the trace could hold up to \(Int(counts)) counts (each n-gram of the candidate, for each of the \(orders) orders, counted in each of the \(references.count) references), more than the limit of \(Int(Bleu.maxCounts)); use fewer references, a shorter candidate or a smaller max_n")
        }
        try reader.expectWork(multiplyAdds: (c + referenceWords) * n * (n + 1) / 2 + grams * refs, traceNumbers: counts)
    }

    /// A sentence as words: a string split on runs of white space, or a list of non-empty strings.
    static func words(_ json: JSON, _ key: String, _ reader: InputReader) throws -> [String] {
        let what = "a sentence: a string of words separated by spaces, or a list of word strings"
        let words: [String]
        switch json {
        case .string(let text):
            // Python's str.split also splits on the separators U+001C–U+001F, as NLTK's users split.
            words = text.split(whereSeparator: { $0.isWhitespace || ("\u{1C}"..."\u{1F}").contains($0) }).map(String.init)
            guard !words.isEmpty else { throw reader.fail("\(key) must be \(what), got a string with no words") }
        case .array(let items):
            guard !items.isEmpty else { throw reader.fail("\(key) must be \(what), got an empty list") }
            try reader.expect(items.count, "the number of words of \(key)", atMost: Bleu.maxWords)
            words = try items.enumerated().map { i, item in
                guard case .string(let word) = item, !word.isEmpty else {
                    throw reader.fail("\(key)[\(i + 1)] must be a word (a non-empty string), got \(item == .string("") ? "an empty string" : item.kindDescription)")
                }
                return word
            }
        default:
            throw reader.fail("\(key) must be \(what), got \(json.kindDescription)")
        }
        try reader.expect(words.count, "the number of words of \(key)", atMost: Bleu.maxWords)
        return words
    }
}
