// Reading a lesson's input object field by field, with errors that name the file, the field
// and what was expected (SPEC "Errors"). A lesson asks for each field it knows; whatever is
// left is an unknown field, reported with the closest known name.

import Foundation
import JSONFormat
import TraceCore

public struct InputReader {
    let file: String
    private let members: [JSONMember]
    /// Where each key is first, by its bytes (a stacked module has hundreds of fields).
    private let positions: [[UInt8]: Int]
    private var known: [String] = []
    private var knownBytes: Set<[UInt8]> = []

    /// Whether the backward pass will run too: the work limits then count its work.
    public var backward = false

    public init(_ json: JSON, file: String, backward: Bool = false) throws {
        self.backward = backward
        guard case .object(let members) = json else {
            throw LessonError.data(file, "the top level must be a JSON object of named fields, got \(json.kindDescription)")
        }
        self.file = file
        self.members = members
        var positions: [[UInt8]: Int] = [:]
        for (i, member) in members.enumerated() where positions[Array(member.key.utf8)] == nil { positions[Array(member.key.utf8)] = i }
        self.positions = positions
    }

    private mutating func field(_ key: String) -> JSON? {
        if knownBytes.insert(Array(key.utf8)).inserted { known.append(key) }
        return given(key)
    }

    /// The value of the first member named `key`, byte for byte.
    private func given(_ key: String) -> JSON? { positions[Array(key.utf8)].map { members[$0].value } }

    // Keys match byte for byte, as the JSON reader tells them apart: of two spellings of one
    // name, the one the lesson does not know is an unknown field.
    private func isKnown(_ key: String) -> Bool { knownBytes.contains(Array(key.utf8)) }

    public func fail(_ message: String) -> LessonError { .data(file, message) }

    // MARK: Fields

    /// A matrix: an array of equally long arrays of numbers. `what` says what it holds.
    public mutating func matrix(_ key: String, _ what: String) throws -> Matrix? {
        guard let json = field(key) else { return nil }
        guard case .array(let rows) = json, !rows.isEmpty else {
            throw fail("\(key) must be \(what): a non-empty array of rows, got \(describe(json))")
        }
        var entries: [Double] = []
        var cols = 0
        for (r, row) in rows.enumerated() {
            guard case .array(let items) = row else {
                throw fail("\(key) must be \(what): an array of rows, but \(key)[\(r + 1)] is \(row.kindDescription)")
            }
            if r == 0 {
                cols = items.count
                guard cols > 0 else { throw fail("\(key)[1] is empty; each row of \(key) needs at least one number") }
                entries.reserveCapacity(rows.count * cols)
            } else if items.count != cols {
                throw fail("\(key) has rows of different lengths: row 1 has \(cols) numbers, row \(r + 1) has \(items.count)")
            }
            for (c, item) in items.enumerated() {
                guard case .number(let x, _) = item else { throw notANumber(item, "\(key)[\(r + 1)][\(c + 1)]") }
                entries.append(x)
            }
        }
        return Matrix(rows: rows.count, cols: cols, entries: entries)
    }

    /// A matrix the lesson cannot do without; `what` says what it holds, for both errors.
    public mutating func requiredMatrix(_ key: String, _ what: String) throws -> Matrix {
        try required(try matrix(key, what), key, what)
    }

    /// An array of `axes` ≥ 3 axes, B × T × D: an array of B matrices, each T rows of D numbers
    /// (or an array of such arrays), every one as long as the first of its level. `what` says what
    /// it holds and its shape. Given as its sizes, and as the matrix whose rows run over the first
    /// `rowAxes` axes (all but the last when nil), row-major: B × T × D as (B·T) × D.
    public mutating func tensor(_ key: String, _ what: String, axes: Int, rowAxes: Int? = nil) throws -> (shape: [Int], matrix: Matrix)? {
        precondition(axes >= 3 && (rowAxes ?? 1) >= 1 && (rowAxes ?? 1) < axes, "a tensor has 3 or more axes, split into rows and columns")
        guard let json = field(key) else { return nil }
        guard case .array(let top) = json, !top.isEmpty else {
            throw fail("\(key) must be \(what): a non-empty array of \(Self.nouns(axes - 1)), got \(describe(json))")
        }
        // The sizes are the first item's at every level; every other item must have them.
        var shape = [top.count]
        var first = top[0]
        while shape.count < axes {
            let path = key + String(repeating: "[1]", count: shape.count)
            guard case .array(let items) = first else {
                throw fail("\(key) must be \(what), \(axes) levels of arrays: \(path) is \(first.kindDescription), where \(Self.noun(axes - shape.count)) belongs")
            }
            guard !items.isEmpty else { throw fail("\(path) is empty; \(key) must be \(what), with no empty array") }
            shape.append(items.count)
            first = items[0]
        }
        var entries: [Double] = []
        entries.reserveCapacity(shape.reduce(1, *))
        // The 1-based indices of the item being read, written out only for a message: a path made
        // for each of a million numbers took most of the time of reading them.
        var index: [Int] = []
        var path: String { key + index.map { "[\($0)]" }.joined() }
        func read(_ json: JSON, depth: Int) throws {
            guard depth < axes else {
                guard case .number(let x, _) = json else {
                    throw fail("\(path) must be a number, got \(json.kindDescription) (\(key) has \(axes) levels: \(what))")
                }
                guard x.isFinite else { throw fail("\(path) must be a finite number") }
                entries.append(x)
                return
            }
            guard case .array(let items) = json else {
                throw fail("\(key) must be \(what), \(axes) levels of arrays: \(path) is \(json.kindDescription), where \(Self.noun(axes - depth)) belongs")
            }
            guard items.count == shape[depth] else {
                let firstPath = key + String(repeating: "[1]", count: depth)
                throw fail("\(key) must be \(what), every array as long as the first of its level: \(path) has \(Self.counted(items.count, axes - depth - 1)), \(firstPath) has \(shape[depth])")
            }
            for (i, item) in items.enumerated() {
                index.append(i + 1)
                try read(item, depth: depth + 1)
                index.removeLast()
            }
        }
        for (i, item) in top.enumerated() {
            index = [i + 1]
            try read(item, depth: 1)
        }
        let rows = shape[..<(rowAxes ?? axes - 1)].reduce(1, *)
        return (shape, Matrix(rows: rows, cols: entries.count / rows, entries: entries))
    }

    /// What arrays of `axes` axes are called, several: numbers (0 axes), rows, matrices, arrays of k levels.
    private static func nouns(_ axes: Int) -> String {
        axes < 3 ? ["numbers", "rows", "matrices"][axes] : "arrays of \(axes) levels"
    }

    /// `count` arrays of `axes` axes: "1 row", "3 rows".
    private static func counted(_ count: Int, _ axes: Int) -> String {
        count != 1 ? "\(count) \(nouns(axes))" : axes < 3 ? "1 " + ["number", "row", "matrix"][axes] : "1 array of \(axes) levels"
    }

    /// One array of `axes` ≥ 1 axes: a row (of numbers), a matrix, an array of k levels.
    private static func noun(_ axes: Int) -> String {
        axes == 1 ? "a row of numbers" : axes == 2 ? "a matrix" : "an array of \(axes) levels"
    }

    /// A vector: an array of numbers.
    public mutating func vector(_ key: String, _ what: String) throws -> Vector? {
        guard let json = field(key) else { return nil }
        guard case .array(let items) = json, !items.isEmpty else {
            throw fail("\(key) must be \(what): a non-empty array of numbers, got \(describe(json))")
        }
        return Vector(try items.enumerated().map { try number($0.element, "\(key)[\($0.offset + 1)]") })
    }

    /// One of a few words.
    public mutating func choice(_ key: String, _ allowed: [String]) throws -> String? {
        guard let json = field(key) else { return nil }
        let list = allowed.map { "\"\($0)\"" }.joined(separator: " or ")
        guard case .string(let word) = json else { throw fail("\(key) must be \(list), got \(json.kindDescription)") }
        guard allowed.contains(word) else {
            throw fail("\(key) must be \(list), got \"\(echoed(word))\"" + suggestion(for: word, in: allowed))
        }
        return word
    }

    /// A string; `what` says what it holds.
    public mutating func string(_ key: String, _ what: String) throws -> String? {
        guard let json = field(key) else { return nil }
        guard case .string(let text) = json else { throw fail("\(key) must be a string (\(what)), got \(json.kindDescription)") }
        return text
    }

    /// A list of strings; `what` says what it holds.
    public mutating func strings(_ key: String, _ what: String) throws -> [String]? {
        guard let json = field(key) else { return nil }
        guard case .array(let items) = json else { throw fail("\(key) must be \(what), got \(json.kindDescription)") }
        return try items.enumerated().map { i, item in
            guard case .string(let s) = item else { throw fail("\(key)[\(i + 1)] must be a string, got \(item.kindDescription)") }
            return s
        }
    }

    /// An object of fields of its own (read by the lesson); `what` says what it holds.
    public mutating func object(_ key: String, _ what: String) throws -> JSON? {
        guard let json = field(key) else { return nil }
        guard case .object = json else { throw fail("\(key) must be \(what), got \(json.kindDescription)") }
        return json
    }

    /// true or false.
    public mutating func bool(_ key: String) throws -> Bool? {
        guard let json = field(key) else { return nil }
        guard case .bool(let value) = json else { throw fail("\(key) must be true or false, got \(json.kindDescription)") }
        return value
    }

    /// A number.
    public mutating func number(_ key: String) throws -> Double? {
        guard let json = field(key) else { return nil }
        return try number(json, key)
    }

    /// The names of the fields given, in order: for a lesson that reads one of several layouts.
    public var givenFields: [String] { members.map(\.key) }

    /// Whether the field is there and holds an array of arrays: for a field that takes a vector or a matrix.
    public func holdsRows(_ key: String) -> Bool {
        if case .array(let items)? = given(key), case .array? = items.first { return true }
        return false
    }

    /// Whether the field is there and holds a number (not an array): for a field that takes either.
    public func holdsNumber(_ key: String) -> Bool {
        if case .number? = given(key) { return true }
        return false
    }

    /// The fields' names as given, without marking any as known: for a lesson that reads which
    /// fields there are (the layers of a stacked module, `weight_ih_l0`, `weight_ih_l1`, …).
    public var keys: [String] { members.map(\.key) }

    /// A field's value as it is, for a field of a form the reader has no method for (a sentence:
    /// a string, or a list of strings).
    public mutating func json(_ key: String) -> JSON? { field(key) }

    /// A field's value as given, without marking it as known: to say what a field holds before
    /// reading it another way.
    public func peek(_ key: String) -> JSON? { given(key) }

    /// A whole number.
    public mutating func integer(_ key: String, _ what: String) throws -> Int? {
        guard let json = field(key) else { return nil }
        guard case .number(let x, _) = json else {
            throw fail("\(key) must be a whole number (\(what)), got \(json.kindDescription)")
        }
        guard x == x.rounded() else { throw fail("\(key) must be a whole number (\(what)), got \(json.numberText ?? "")") }
        guard abs(x) <= 1e9 else { throw fail("\(key) must be a whole number between −10⁹ and 10⁹ (\(what)), got \(json.numberText ?? "")") }
        return Int(x)
    }

    /// Labels, one per row of a sequence.
    public mutating func labels(_ key: String, count: Int, per what: String) throws -> [String]? {
        guard let json = field(key) else { return nil }
        guard case .array(let items) = json else {
            throw fail("\(key) must be an array of \(count) strings, one per \(what), got \(json.kindDescription)")
        }
        guard items.count == count else {
            throw fail("\(key) must have one label per \(what) = \(count), got \(items.count)")
        }
        return try items.enumerated().map { index, item in
            guard case .string(let s) = item else {
                throw fail("\(key)[\(index + 1)] must be a string, got \(item.kindDescription)")
            }
            return s
        }
    }

    /// "an empty array" or the kind of value.
    private func describe(_ json: JSON) -> String {
        if case .array(let items) = json, items.isEmpty { return "an empty array" }
        return json.kindDescription
    }

    private func number(_ json: JSON, _ path: @autoclosure () -> String) throws -> Double {
        guard case .number(let x, _) = json else { throw notANumber(json, path()) }
        return x
    }

    private func notANumber(_ json: JSON, _ path: String) -> LessonError { fail("\(path) must be a number, got \(json.kindDescription)") }

    // MARK: Checks

    /// A field the lesson cannot do without.
    public func required<T>(_ value: T?, _ key: String, _ what: String) throws -> T {
        guard let value else {
            // A field the lesson does not know, spelt like the missing one, is probably it.
            let unknown = members.map(\.key).filter { !isKnown($0) }
            let hint = closest(to: key, in: unknown).map { " (is \"\(echoed($0))\" a misspelling of it?)" } ?? ""
            throw fail("missing field \(key): \(what)\(hint)")
        }
        return value
    }

    /// `weight_ih_l0 must be 4·hidden × input = 8 × 3, got 8 × 2`. A matrix with the shape the
    /// other way round is asked whether it is transposed, and `stored` (how its library stores
    /// it: "Keras stores the kernel input × 4·hidden") says why it might be.
    public func expect(_ m: Matrix, _ key: String, rows: (String, Int), cols: (String, Int), stored: String? = nil) throws {
        guard m.rows != rows.1 || m.cols != cols.1 else { return }
        let transposed = m.rows == cols.1 && m.cols == rows.1
        let why = transposed ? stored.map { " (\($0))" } ?? "" : ""
        throw fail("\(key) must be \(rows.0) × \(cols.0) = \(rows.1) × \(cols.1)\(why), got \(m.rows) × \(m.cols)"
            + (transposed ? ": is it transposed?" : ""))
    }

    /// `bias_ih_l0 must have 4·hidden = 8 numbers, got 6`.
    public func expect(_ v: Vector, _ key: String, count: (String, Int)) throws {
        guard v.count != count.1 else { return }
        throw fail("\(key) must have \(count.0) = \(count.1) numbers, got \(v.count)")
    }

    /// A size within the documented limits.
    public func expect(_ size: Int, _ what: String, atMost limit: Int) throws {
        guard size > limit else { return }
        throw fail("\(what) is \(size), more than the limit of \(limit)")
    }

    /// The documented limits on the work one run may do, so that no input can ask for more than
    /// a second or two and a few hundred megabytes, whatever the output: multiply-adds, and the
    /// numbers the trace holds (the inputs and every value shown or computed), which the JSON
    /// trace and the tables are made of.
    public static let maxMultiplyAdds = 200_000_000.0
    public static let maxTraceNumbers = 5_000_000.0
    /// The numbers the backward pass may hold in the terms of its sums (the weights' outer products per step).
    public static let maxGradientTerms = 20_000_000.0

    /// The work the lesson stated with `expectWork`, kept so tests can hold it to the trace it makes.
    public private(set) var statedWork: (multiplyAdds: Double, traceNumbers: Double)?

    /// Refuses an input whose computation would exceed the limits, before any of it is done.
    public mutating func expectWork(multiplyAdds: Double, traceNumbers: Double, backwardNumbers: Double = 0) throws {
        // The backward pass about triples the work and doubles the values; the terms of the weights'
        // sums over the steps (`backwardNumbers`) are held until the sums are written, within a
        // budget of their own.
        let multiplyAdds = backward ? 3 * multiplyAdds : multiplyAdds
        let traceNumbers = backward ? 2 * traceNumbers : traceNumbers
        statedWork = (multiplyAdds, traceNumbers)
        func text(_ x: Double) -> String { x >= 1e6 ? String(format: "%.2e", x) : String(Int(x)) }
        if multiplyAdds > Self.maxMultiplyAdds {
            throw fail("this input needs about \(text(multiplyAdds)) multiply-adds\(backward ? " with --backward" : ""), more than the limit of \(text(Self.maxMultiplyAdds)); use fewer or smaller rows")
        }
        if backward && backwardNumbers > Self.maxGradientTerms {
            throw fail("this input's backward pass would hold about \(text(backwardNumbers)) numbers in the terms of its gradients' sums, more than the limit of \(text(Self.maxGradientTerms)); use fewer or smaller rows")
        }
        if traceNumbers > Self.maxTraceNumbers {
            throw fail("this input's trace would hold about \(text(traceNumbers)) numbers\(backward ? " with --backward" : ""), more than the limit of \(text(Self.maxTraceNumbers)); use fewer or smaller rows")
        }
    }

    /// Every field was one the lesson knows.
    public func finish() throws {
        for member in members where !isKnown(member.key) {
            throw fail("unknown field \"\(echoed(member.key))\"" + suggestion(for: member.key, in: known)
                + "; the fields are " + known.joined(separator: ", "))
        }
    }
}
