// Every named value of every recurrent lesson against PyTorch float64 (torch.nn.RNN, LSTM, GRU).
// The fixtures are made by Reference/make_reference.py and committed; CI needs no Python.

import Foundation
import Testing
@testable import LessonKit

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func readJSON(_ relativePath: String) throws -> JSON {
    let data = try Data(contentsOf: repositoryRoot.appendingPathComponent(relativePath))
    return try JSON.parse(Array(data))
}

struct ReferenceCase: CustomTestStringConvertible, Sendable {
    let lesson: String
    let name: String
    let input: JSON
    let values: [JSONMember]
    var testDescription: String { "\(lesson) \(name)" }
}

func referenceCases(_ lesson: String) -> [ReferenceCase] {
    guard let file = try? readJSON("Tests/LessonKitTests/Reference/\(lesson).json"),
          case .array(let cases)? = file["cases"] else { return [] }
    return cases.compactMap { c in
        guard case .string(let name)? = c["name"], let input = c["input"], case .object(let values)? = c["values"] else { return nil }
        return ReferenceCase(lesson: lesson, name: name, input: input, values: values)
    }
}

func numbers(_ json: JSON) -> [Double] {
    switch json {
    case .number(let x, _): return [x]
    case .array(let items): return items.flatMap(numbers)
    default: return []
    }
}

@Suite struct ReferenceTests {
    static let lessons = ["rnn-unroll", "lstm-gates", "gru"]

    @Test(arguments: lessons)
    func fixturesCoverTheShapes(_ lesson: String) {
        let cases = referenceCases(lesson)
        #expect(cases.count >= 6, "fixtures for \(lesson) are missing or unreadable")
        // Among them input 1 / hidden 1, a single step, and a non-square input weight.
        #expect(cases.contains { $0.name.hasPrefix("input1-hidden1-steps1") })
        #expect(cases.contains { $0.name.contains("hidden4") })
    }

    @Test(arguments: lessons.flatMap(referenceCases))
    func namedValuesAgreeWithPyTorch(_ reference: ReferenceCase) throws {
        let lesson = try #require(Lessons.named(reference.lesson))
        let trace = try lesson.trace(reference.input, file: reference.name, example: nil)
        #expect(!reference.values.isEmpty)
        for member in reference.values {
            let step = try #require(trace[member.key], "\(reference.lesson) does not record \(member.key)")
            let expected = numbers(member.value)
            let computed = step.value.flat
            #expect(computed.count == expected.count, "\(member.key): \(computed.count) values, PyTorch has \(expected.count)")
            for (c, e) in zip(computed, expected) {
                #expect(abs(c - e) <= 1e-9 * max(1, abs(e)), "\(reference.name) \(member.key): \(c) vs PyTorch \(e)")
            }
        }
        // Every value the SPEC names, for every step, is in the fixture (so none goes untested).
        let perStep: [String: [String]] = ["rnn-unroll": ["a", "h"], "lstm-gates": ["i", "f", "g", "o", "c", "h"], "gru": ["r", "z", "n", "h"]]
        guard case .array(let rows)? = reference.input["input"] else { Issue.record("no input rows"); return }
        for t in 1...rows.count {
            for name in perStep[reference.lesson] ?? [] {
                #expect(reference.values.contains { $0.key == "\(name)[\(t)]" }, "fixture lacks \(name)[\(t)]")
            }
        }
    }
}
