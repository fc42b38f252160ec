// No input crashes the program: seeded random mutations of every lesson's example input and of
// claim files must end with exit 0, 1 or a documented error code and exactly one `error:` line,
// even when the mutation puts a line break into a field name or an argument.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

/// SplitMix64: a small seeded generator, so every run mutates the same way.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Runs the command in-process with `stdin`, returning the status and what went to stderr.
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
            for _ in 0..<60 {
                expectDocumented([id, "--input", "-", "--format", "json"], Self.damage(text, &rng), "\(id) bytes")
                var json = example.input
                for _ in 0..<Int.random(in: 1...3, using: &rng) { json = Self.mutate(json, &rng) }
                expectDocumented([id, "--input", "-"], Array(json.rendered().utf8), "\(id) fields \(json.rendered())")
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
}
