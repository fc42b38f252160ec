// No input crashes the program: seeded random mutations of every lesson's example input and of
// claim files must end with exit 0, 1 or a documented error code and exactly one `error:` line,
// even when the mutation puts a line break into a field name or an argument.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

extension SplitMix64 {
    /// A value in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Runs the command in-process with `stdin`, returning the status and what went to stderr (what
/// goes to a file with `-o` is the test's to read).
func runInProcess(_ arguments: [String], stdin: [UInt8]) -> (status: Int32, err: String) {
    nonisolated(unsafe) var err = ""
    let io = LessonCommand.IO(readStdin: { stdin }, out: { _ in }, err: { err += $0 })
    let status = LessonCommand.run(arguments, io: io)
    return (status, err)
}

@Suite struct RobustnessTests {
    static let documented: Set<Int32> = [0, 1, 64, 65, 66, 73]

    /// Byte-level damage: flips, deletions, insertions of JSON-ish characters, truncation.
    static func damage(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var out = bytes
        let alphabet = Array("{}[],:\"-+.eE0123456789 \\truefalsnul\u{0}\u{FF}é".utf8)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !out.isEmpty else { break }
            let i = Int.random(in: 0..<out.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: out[i] = alphabet.randomElement(using: &rng)!
            case 1: out.remove(at: i)
            case 2: out.insert(alphabet.randomElement(using: &rng)!, at: i)
            case 3: out = Array(out[..<i])
            default: out.insert(contentsOf: out[i..<min(out.count, i + 12)], at: i)
            }
        }
        return out
    }

    /// Structural damage: a field removed, renamed, given another kind of value, a row dropped,
    /// a number made huge, negative, fractional or non-numeric.
    static func mutate(_ json: JSON, _ rng: inout SplitMix64, depth: Int = 0) -> JSON {
        let replacements: [JSON] = [.null, .bool(true), .string("x"), .number(1e308), .number(-1), .number(0), .number(0.5),
                                    .number(3), .array([]), .array([.number(1)]), .array([.array([])]), .object([])]
        switch json {
        case .object(var members) where !members.isEmpty:
            let i = Int.random(in: 0..<members.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: members.remove(at: i)
            case 1: members[i].key += ["_", "s", "0", "\n", "\t"].randomElement(using: &rng)!
            case 2: members[i].value = replacements.randomElement(using: &rng)!
            default: members[i].value = mutate(members[i].value, &rng, depth: depth + 1)
            }
            return .object(members)
        case .array(var items) where !items.isEmpty:
            let i = Int.random(in: 0..<items.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: items.remove(at: i)
            case 1: items.append(items[i])
            case 2: items[i] = replacements.randomElement(using: &rng)!
            default: items[i] = mutate(items[i], &rng, depth: depth + 1)
            }
            return .array(items)
        default:
            return replacements.randomElement(using: &rng)!
        }
    }

    /// The run ends with a documented status and says exactly one line on stderr when it fails:
    /// `error: …` for an error, `lesson: …` for failed claims; nothing when it succeeds.
    func expectDocumented(_ arguments: [String], _ stdin: [UInt8], _ what: String) {
        let (status, err) = runInProcess(arguments, stdin: stdin)
        #expect(Self.documented.contains(status), "\(what): exit \(status)")
        let oneLine = err.hasSuffix("\n") && err.filter { $0 == "\n" }.count == 1
        switch status {
        case 0: #expect(err.isEmpty, "\(what): \(err)")
        case 1: #expect(err.hasPrefix("lesson: ") && oneLine, "\(what): \(err)")
        default: #expect(err.hasPrefix("error: ") && oneLine, "\(what): \(err)")
        }
    }

    @Test(arguments: Lessons.ids)
    func mutatedInputsNeverCrash(_ id: String) throws {
        let lesson = try #require(Lessons.named(id))
        var rng = SplitMix64(state: UInt64(id.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
        for example in lesson.examples {
            let text = Array(example.input.rendered().utf8)
            // The backward pass's fields too: a grad_output of ones of the right shape, and for a
            // recurrent lesson bptt_steps, each then mutated like the rest.
            var withGradient = example.input
            if let trace = try? lesson.trace(example.input, file: "mutated", example: nil) {
                // The output's shape: `output`, or the recurrent lessons' stacked h[1 … T].
                let states = trace.computedSteps.filter { $0.name.hasPrefix("h[") }
                let shape = trace["output"].map { $0.value.shape } ?? states.first.map { [states.count, $0.value.count] }
                if let shape, shape.count == 2 {
                    let ones = JSON.array(Array(repeating: .array(Array(repeating: .number(1), count: shape[1])), count: shape[0]))
                    withGradient = withGradient.setting("grad_output", ones) ?? withGradient
                    if trace["output"] == nil { withGradient = withGradient.setting("bptt_steps", .number(2)) ?? withGradient }
                }
            }
            for round in 0..<60 {
                expectDocumented([id, "--input", "-", "--format", "json"], Self.damage(text, &rng), "\(id) bytes")
                var json = example.input
                for _ in 0..<Int.random(in: 1...3, using: &rng) { json = Self.mutate(json, &rng) }
                expectDocumented([id, "--input", "-"], Array(json.rendered().utf8), "\(id) fields \(json.rendered())")
                if round % 4 == 0 {
                    var backward = withGradient
                    for _ in 0..<Int.random(in: 1...3, using: &rng) { backward = Self.mutate(backward, &rng) }
                    expectDocumented([id, "--input", "-", "--backward"], Array(backward.rendered().utf8), "\(id) backward \(backward.rendered())")
                }
            }
        }
    }

    @Test func mutatedClaimsNeverCrash() throws {
        var rng = SplitMix64(state: 7)
        let claims: JSON = .fields([
            "source": .string("a slide"),
            "claims": .array([
                .fields(["value": .string("weights"), "at": .numbers([1, 2]), "expected": .number(0.39)]),
                .fields(["value": .string("scores"), "at": .numbers([2, 2]), "expected": .string("6.75"), "tolerance": .number(0.01)]),
            ]),
        ])
        for _ in 0..<300 {
            var json = claims
            for _ in 0..<Int.random(in: 1...3, using: &rng) { json = Self.mutate(json, &rng) }
            expectDocumented(["attention-qkv", "--expect", "-"], Array(json.rendered().utf8), "claims \(json.rendered())")
            expectDocumented(["attention-qkv", "--expect", "-"], Self.damage(Array(claims.rendered().utf8), &rng), "claim bytes")
        }
    }

    @Test func randomArgumentsNeverCrash() {
        var rng = SplitMix64(state: 11)
        let words = ["lstm-gates", "gru", "list", "render", "--check", "--out", "--example", "default", "causal", "--input",
                     "-", "--format", "json", "markdown", "xml", "--precision", "99", "-3", "2", "--expect", "-o",
                     "--help", "--version", "--print-input", "", "--", "=", "--format=json", "--precision=", "nope",
                     "a\nb", "--format=\t", "\u{1B}[2J", "--exam\nple"]
        for _ in 0..<300 {
            let arguments = (0..<Int.random(in: 0...5, using: &rng)).map { _ in words.randomElement(using: &rng)! }
            // Never let a random render write into the repository.
            if arguments.contains("render") && !arguments.contains("--check") { continue }
            if arguments.contains("-o") || arguments.contains("--out") { continue }
            expectDocumented(arguments, Array("{}".utf8), "args \(arguments)")
        }
    }

    // MARK: The output side

    /// Numbers at the edges of what a Double holds, and those that make scales degenerate.
    static let extremes: [Double] = [1.7976931348623157e308, -1.7976931348623157e308, 9e307, -9e307, 1e300,
                                     5e-324, -5e-324, 2.2250738585072014e-308, 0, 1e-300, 1, -1]

    /// `json` with some of its numbers replaced by extremes: each number with chance 1 in `odds`,
    /// or every number of an array by one extreme (all equal).
    static func extreme(_ json: JSON, _ rng: inout SplitMix64, odds: Int) -> JSON {
        switch json {
        case .object(let members):
            return .object(members.map { JSONMember($0.key, extreme($0.value, &rng, odds: odds)) })
        case .array(let items):
            if rng.below(4 * odds) == 0, items.allSatisfy({ if case .number = $0 { true } else { false } }) {
                let x = extremes[rng.below(extremes.count)]
                return .array(items.map { _ in .number(x) })
            }
            return .array(items.map { extreme($0, &rng, odds: odds) })
        case .number where rng.below(odds) == 0:
            return .number(extremes[rng.below(extremes.count)])
        default:
            return json
        }
    }

    /// Every figure of every lesson drawn from inputs with extreme numbers, through `-o`: the run
    /// ends as documented, and when it writes, each figure is well-formed XML whose numbers are all
    /// finite (no `nan`, no `inf`, no 300-digit label).
    @Test(arguments: Lessons.ids)
    func extremeValuesThroughEveryFigure(_ id: String) throws {
        let lesson = try #require(Lessons.named(id))
        var rng = SplitMix64(state: UInt64(id.utf8.reduce(7) { $0 &* 131 &+ UInt64($1) }))
        let folder = try temporaryFolder()
        var written = 0
        for example in lesson.examples {
            // More rounds while nothing is drawn: a lesson that refuses numbers that overflow (norms,
            // vit-patches) may refuse a dozen such inputs in a row.
            for round in 0..<48 where round < 12 || written == 0 {
                let json = Self.extreme(example.input, &rng, odds: [1, 3, 8][round % 3])
                let note = folder.appendingPathComponent("n\(round).md").path
                let arguments = [id, "--input", "-", "-o", note]
                let stdin = Array(json.rendered().utf8)
                expectDocumented(arguments, stdin, "\(id) extremes \(json.rendered())")
                guard runInProcess(arguments, stdin: stdin).status == 0 else { continue }
                for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".svg") {
                    let svg = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                    written += 1
                    #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(id): \(name) is not well-formed")
                    // Every attribute (coordinates, sizes, colours) finite; text may say "nan" of a NaN cell.
                    // (but the font names: NanumGothic is a font with Hangul)
                    let attributes = svg.matches(of: try Regex(#"([a-z-]+)="([^"]*)""#)).filter { $0.output[1].substring != "font-family" }
                        .compactMap { $0.output[2].substring.map(String.init) }
                    #expect(!attributes.contains { $0.lowercased().contains("nan") || $0.lowercased().contains("inf") }, "\(id): \(name) has a non-finite attribute")
                    #expect(!svg.contains(try Regex("[0-9]{40}")), "\(id): \(name) has a number of 40 digits or more")
                    try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                }
            }
        }
        #expect(written > 0 || lesson.examples.isEmpty, "\(id): some extreme input must be drawn")
    }
}
