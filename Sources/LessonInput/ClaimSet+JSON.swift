// Reading a claims file (SPEC "Claims") into the core's `ClaimSet`, with errors that name the
// file, the claim and what was expected.

import Foundation
import JSONFormat
import TraceCore

extension ClaimSet {
    /// Reads `{"source": …, "claims": [{"value": …, "at": […], "expected": …, "tolerance": …}]}`.
    public init(_ json: JSON, file: String) throws {
        let source: String
        func fail(_ message: String) -> LessonError { .data(file, message) }
        guard case .object(let members) = json else {
            throw fail("claims must be a JSON object with \"source\" and \"claims\", got \(json.kindDescription)")
        }
        for member in members where !["source", "claims"].contains(member.key) {
            throw fail("unknown field \"\(escaped(member.key))\" in the claims" + suggestion(for: member.key, in: ["source", "claims"]))
        }
        switch json["source"] {
        case .string(let text)?: source = text
        case nil: source = file
        case let other?: throw fail("source must be a string, got \(other.kindDescription)")
        }
        guard case .array(let items)? = json["claims"] else {
            throw fail("claims must be an array of {\"value\", \"at\", \"expected\"} objects")
        }
        let claims = try items.enumerated().map { n, item in
            let path = "claims[\(n + 1)]"
            guard case .object(let fields) = item else { throw fail("\(path) must be an object, got \(item.kindDescription)") }
            let known = ["value", "at", "expected", "tolerance"]
            for field in fields where !known.contains(field.key) {
                throw fail("unknown field \"\(escaped(field.key))\" in \(path)" + suggestion(for: field.key, in: known))
            }
            guard case .string(let value)? = item["value"] else { throw fail("\(path).value must be the name of a value, e.g. \"h[2]\"") }
            var at: [Int] = []
            if let json = item["at"] {
                guard case .array(let indices) = json, indices.count <= 2 else {
                    throw fail("\(path).at must be [row, column] or [entry], counted from 1")
                }
                at = try indices.map { index in
                    guard case .number(let x, _) = index, x == x.rounded(), x >= 1, x <= 1e9 else {
                        throw fail("\(path).at must hold whole numbers from 1, got \(index.kindDescription)")
                    }
                    return Int(x)
                }
            }
            let written: String
            switch item["expected"] {
            case .number(_, let text)?: written = text
            case .string(let text)?: written = text.trimmingCharacters(in: .whitespaces)
            default: throw fail("\(path).expected must be a number or a string holding one")
            }
            guard let expected = Double(written), expected.isFinite else {
                throw fail("\(path).expected must be a finite number, got \"\(escaped(written))\"")
            }
            var tolerance = Claim.defaultTolerance(written)
            if let json = item["tolerance"] {
                guard case .number(let t, _) = json, t >= 0 else { throw fail("\(path).tolerance must be a number ≥ 0") }
                tolerance = t
            }
            return Claim(value: value, at: at, expected: expected, written: written, tolerance: tolerance)
        }
        self.init(source: source, claims: claims)
    }
}
