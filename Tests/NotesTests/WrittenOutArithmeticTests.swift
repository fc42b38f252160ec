// Turns the golden lecture notes (Lessons/*.md, and Lessons/ko/*.md if present) into a check of
// correctness: every line of arithmetic the notes write out is evaluated again from the numbers it
// shows, and must give the value it prints.
//
// What counts as a written-out line (the forms `lesson` writes, see TraceRender/Markdown.swift):
//   - a row of a vector step's table (alignment row `|---|---|---:|`):
//     `| label | EXPR = EXPR = … | VALUE ✓ |` (claim marks ✓/✗ are ignored);
//   - an entry of a matrix step, below its table: `- entry (i, j): EXPR = EXPR = … = VALUE`;
//   - a scalar step, a line of its own: `EXPR = EXPR = … = VALUE` (no current note has one);
//   - a row of the claims table, whose `computed − claimed` column is arithmetic too.
// An EXPR is built from numbers (`0.5`, `-0.6250`, `1e-05`, `inf`, `-inf`, `nan`), `+ - · / ^`
// (`−` read as `-`), parentheses and the functions σ, tanh, relu, gelu, erf, exp, log, sqrt, sin, cos,
// max(a, b, …) and min(a, b, …): sums, products, quotients (`0.3679/2.2504`), means (`(1 + 2 + 3 + 6)/4`), one
// minus (`(1 - 0.0759)`), powers (`10000^0.5000`), softmax entries
// (`exp(a - m)/(exp(…) + …) = 0.2431/1.4862`). An unknown function or character fails the test,
// so a new form cannot slip through unchecked.
//
// How a line is compared: interval arithmetic. The notes round every computed number to the
// precision their footer states (4 decimals; a translation without the footer: the decimals most
// printed values have) and show numbers the user gave as written, but only when those have no more
// decimals than that (`NumberStyle.given`). So a number with fewer decimals than the precision,
// or in exponent form (`1e-05`), is exact, and any other stands for every real within half a unit
// of its last decimal (`0.9241` is [0.92405, 0.92415]). Treating every integer as ±0.5 would hide
// a changed weight (`2·1` → `3·1`); treating every number as exact would reject correct lines, as
// "every value is computed from the unrounded values before it". Each stage is evaluated in
// interval arithmetic (rounded outwards; sin and cos include ±1 when an extremum lies inside), and
// must overlap the printed value and the stage before it; two consecutive stages `f(a) = f(b)` must
// also have overlapping arguments, which catches a changed argument even where f saturates. A
// claimed number is exact (quoted from a source); computed and difference are rounded.
//
// A stage containing `⋯` (a long sum cut short) cannot be evaluated: it is skipped, and the other
// stages of its line are still checked against the printed value ("partly cut short"). A line
// whose every stage is cut short is counted as skipped.
//
// The tests: every line holds (failures are reported at the note's file and line, with the stage
// and the intervals); a note with computed steps has checked lines, and all notes together at
// least 100; lines of the notes with one digit changed are rejected; a digit of every number of
// every line changed to (d + 5) mod 10 is rejected whenever the change moves a stage or the value
// further than the rounding can absorb, and most changes are (some cannot be seen from the line
// alone: a factor next to an exact 0, an argument of max that is not the largest, the last digit
// of one of several rounded terms); made-up lines for the forms no note has yet.
//
// Environment: NOTES_ARITHMETIC_SUMMARY=1 prints lines and stages checked per note and the digit
// changes caught (=missed also lists the changes that went unnoticed); NOTES_ARITHMETIC_EXHAUSTIVE=1
// changes every digit rather than one per number.
//
// Everything but the suite is fileprivate, so the helpers cannot clash with types of the package.

import Foundation
import Testing

// MARK: - Interval arithmetic

/// A closed interval of reals, possibly unbounded; NaN endpoints stand for "not a number".
fileprivate struct Interval: CustomStringConvertible, Sendable {
    var lo: Double
    var hi: Double

    static let nan = Interval(lo: .nan, hi: .nan)
    static let everything = Interval(lo: -.infinity, hi: .infinity)

    static func exact(_ x: Double) -> Interval { make(x, x) }

    /// The interval between two endpoints, widened by `ulps` units in the last place to cover the
    /// rounding of the Double arithmetic that produced them.
    static func make(_ a: Double, _ b: Double, ulps: Int = 1) -> Interval {
        if a.isNaN || b.isNaN { return .nan }
        var (lo, hi) = (min(a, b), max(a, b))
        for _ in 0..<ulps {
            if lo.isFinite { lo = lo.nextDown }
            if hi.isFinite { hi = hi.nextUp }
        }
        return Interval(lo: lo, hi: hi)
    }

    var isNaN: Bool { lo.isNaN || hi.isNaN }

    /// Whether the two intervals share a point, with a slack of 1e-9 (relative) for the rounding
    /// errors of the program that wrote the note. NaN matches only NaN.
    func overlaps(_ other: Interval) -> Bool {
        if isNaN || other.isNaN { return isNaN && other.isNaN }
        var scale = 1.0
        for x in [lo, hi, other.lo, other.hi] where x.isFinite { scale = max(scale, abs(x)) }
        let slack = 1e-9 * scale
        return lo <= other.hi + slack && other.lo <= hi + slack
    }

    var description: String {
        func f(_ x: Double) -> String {
            x.isNaN ? "nan" : x.isInfinite ? (x < 0 ? "-inf" : "inf") : String(format: "%.9g", x)
        }
        return lo == hi ? "[\(f(lo))]" : "[\(f(lo)), \(f(hi))]"
    }

    static func + (a: Interval, b: Interval) -> Interval { make(a.lo + b.lo, a.hi + b.hi) }
    static func - (a: Interval, b: Interval) -> Interval { make(a.lo - b.hi, a.hi - b.lo) }
    static prefix func - (a: Interval) -> Interval { Interval(lo: -a.hi, hi: -a.lo) }

    static func * (a: Interval, b: Interval) -> Interval {
        if a.isNaN || b.isNaN { return .nan }
        // An exact zero times an unbounded end is still zero.
        func times(_ x: Double, _ y: Double) -> Double { x == 0 || y == 0 ? 0 : x * y }
        let c = [times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)]
        return make(c.min()!, c.max()!)
    }

    static func / (a: Interval, b: Interval) -> Interval {
        if a.isNaN || b.isNaN { return .nan }
        if b.lo <= 0 && b.hi >= 0 { return b.lo == 0 && b.hi == 0 ? .nan : .everything }
        let c = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi]
        if c.contains(where: \.isNaN) { return .everything }
        return make(c.min()!, c.max()!)
    }

    /// base^exponent for a positive base: monotone in each argument, so extreme at the corners.
    static func power(_ base: Interval, _ exponent: Interval) -> Interval {
        if base.isNaN || exponent.isNaN { return .nan }
        guard base.lo > 0 else { return .everything }
        let c = [Foundation.pow(base.lo, exponent.lo), Foundation.pow(base.lo, exponent.hi),
                 Foundation.pow(base.hi, exponent.lo), Foundation.pow(base.hi, exponent.hi)]
        return make(c.min()!, c.max()!, ulps: 4)
    }

    /// A nondecreasing function, evaluated at both ends (4 ulps for the library's error).
    func monotone(_ f: (Double) -> Double) -> Interval {
        isNaN ? .nan : Interval.make(f(lo), f(hi), ulps: 4)
    }

    /// sin or cos: the ends' values, and ±1 wherever a maximum or minimum lies inside.
    func periodic(_ f: (Double) -> Double, maximumAt top: Double, minimumAt bottom: Double) -> Interval {
        if isNaN { return .nan }
        guard lo.isFinite, hi.isFinite, hi - lo < 2 * Double.pi else { return Interval(lo: -1, hi: 1) }
        func reaches(_ phase: Double) -> Bool {
            let k = ((lo - phase) / (2 * Double.pi)).rounded(.up)
            // Neighbouring k too, and a little slack: a critical point just outside only widens.
            let candidates: [Double] = [k - 1, k, k + 1].map { (j: Double) -> Double in phase + j * 2 * Double.pi }
            return candidates.contains { (x: Double) -> Bool in x >= lo - 1e-9 && x <= hi + 1e-9 }
        }
        var result = Interval.make(f(lo), f(hi), ulps: 4)
        if reaches(top) { result.hi = 1 }
        if reaches(bottom) { result.lo = -1 }
        return Interval(lo: max(result.lo, -1), hi: min(result.hi, 1))
    }

    static func maximum(_ xs: [Interval]) -> Interval {
        if xs.contains(where: \.isNaN) { return .nan }
        return Interval(lo: xs.map(\.lo).max()!, hi: xs.map(\.hi).max()!)
    }

    static func minimum(_ xs: [Interval]) -> Interval {
        if xs.contains(where: \.isNaN) { return .nan }
        return Interval(lo: xs.map(\.lo).min()!, hi: xs.map(\.hi).min()!)
    }
}

// MARK: - Numbers as written

fileprivate enum Written {
    /// The interval a number in a note stands for. `exactBelow`: numbers with fewer decimals than
    /// this are exact (given by the user and shown as written); nil makes every number exact.
    static func interval(_ text: String, exactBelow precision: Int?) -> Interval? {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") || body.hasPrefix("−") { negative = true; body = body.dropFirst() }
        switch body {
        case "inf": return .exact(negative ? -.infinity : .infinity)
        case "nan": return .nan
        default: break
        }
        // Digits, at most one point, and an exponent: `12`, `0.9241`, `1e-05`.
        var decimals = -1, hasExponent = false, digits = 0
        for (k, b) in body.utf8.enumerated() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if decimals >= 0 && !hasExponent { decimals += 1 }
            case UInt8(ascii: "."):
                guard decimals < 0, !hasExponent else { return nil }
                decimals = 0
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard digits > 0, !hasExponent else { return nil }
                hasExponent = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard hasExponent, k > 0 else { return nil }
            default:
                return nil
            }
        }
        guard digits > 0, body.utf8.first != UInt8(ascii: "."), let magnitude = Double(body) else { return nil }
        let value = negative ? -magnitude : magnitude
        decimals = max(decimals, 0)
        // Exponent form is a given number shown as written (`1e-05`), or a small computed one with
        // `precision` decimals in its mantissa (a learning rate's `6.9877e-04`).
        if hasExponent {
            guard let precision, decimals >= precision, let e = body.split(whereSeparator: { $0 == "e" || $0 == "E" }).last,
                  let exponent = Double(e) else { return .exact(value) }
            let half = 0.5 * Foundation.pow(10, exponent - Double(decimals))
            return .make(value - half, value + half)
        }
        guard let precision, decimals >= precision else { return .exact(value) }
        let half = 0.5 * Foundation.pow(10, Double(-decimals))
        return .make(value - half, value + half)
    }

    /// A printed value without the claim marks ` ✓` and ` ✗`.
    static func stripMarks(_ text: String) -> String {
        var t = Plain.trimmed(text)
        while t.hasSuffix("✓") || t.hasSuffix("✗") { t = Plain.trimmed(t.dropLast()) }
        return String(t)
    }
}

/// Splitting and trimming on plain ASCII separators (Foundation's are slow in debug builds).
fileprivate enum Plain {
    static func trimmed<S: StringProtocol>(_ s: S) -> Substring where S.SubSequence == Substring {
        var t = s[...]
        while t.first == " " { t = t.dropFirst() }
        while t.last == " " { t = t.dropLast() }
        return t
    }

    /// `s` cut at every occurrence of `separator`.
    static func split(_ s: String, _ separator: String) -> [Substring] { split(s[...], separator) }

    static func split(_ s: Substring, _ separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = s
        while let r = find(separator, in: rest) {
            parts.append(rest[..<r.lowerBound])
            rest = rest[r.upperBound...]
        }
        parts.append(rest)
        return parts
    }

    /// The first occurrence of `needle` in `s`, compared byte by byte.
    static func find(_ needle: String, in s: String) -> Range<String.Index>? { find(needle, in: s[...]) }

    static func find(_ needle: String, in s: Substring) -> Range<String.Index>? {
        let sep = Array(needle.utf8)
        let u = s.utf8
        guard let first = sep.first else { return nil }
        var i = u.startIndex
        while i < u.endIndex {
            if u[i] == first {
                var j = u.index(after: i), k = 1
                while k < sep.count, j < u.endIndex, u[j] == sep[k] { j = u.index(after: j); k += 1 }
                if k == sep.count { return i..<j }
            }
            i = u.index(after: i)
        }
        return nil
    }
}

// MARK: - Reading and evaluating a stage

fileprivate struct ArithmeticError: Error, CustomStringConvertible, Sendable {
    let description: String
}

/// A number as written and the interval it stands for.
fileprivate struct Literal: Sendable {
    let text: String
    let value: Interval
    /// Numbers with fewer decimals than this are exact; nil: exact however written.
    let exactBelow: Int?

    init(_ text: String, exactBelow: Int?) throws {
        guard let value = Written.interval(text, exactBelow: exactBelow) else {
            throw ArithmeticError(description: "not a number: \(text)")
        }
        self.text = text
        self.value = value
        self.exactBelow = exactBelow
    }
}

fileprivate enum Token: Sendable {
    case number(Literal)
    case name(String), op(Character), open, close, comma

    var text: String {
        switch self {
        case .number(let n): return n.text
        case .name(let t): return t
        case .op(let c): return String(c)
        case .open: return "("
        case .close: return ")"
        case .comma: return ","
        }
    }
}

fileprivate enum Tokenizer {
    static func tokens(_ text: String, precision: Int) throws -> [Token] {
        // Unicode scalars: `·`, `σ` and `−` are one scalar each, and scalars are fast to compare.
        let c = Array(text.unicodeScalars)
        var out: [Token] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < c.count && c[k].value >= 48 && c[k].value <= 57 }
        func isLetter(_ k: Int) -> Bool {
            guard k < c.count else { return false }
            let v = c[k].value
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || c[k] == "σ"
        }
        func string(_ range: Range<Int>) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: c[range])
            return String(s)
        }
        func readNumber() -> String {
            let start = i
            while isDigit(i) || (i < c.count && c[i] == ".") { i += 1 }
            if i < c.count, c[i] == "e" || c[i] == "E" {
                let sign = i + 1 < c.count && (c[i + 1] == "+" || c[i + 1] == "-") ? 1 : 0
                if isDigit(i + 1 + sign) {
                    i += 1 + sign
                    while isDigit(i) { i += 1 }
                }
            }
            return string(start..<i)
        }
        func number(_ text: String) throws -> Token { .number(try Literal(text, exactBelow: precision)) }
        func readName() -> String {
            let start = i
            while isLetter(i) { i += 1 }
            return string(start..<i)
        }
        while i < c.count {
            let ch = c[i]
            let valueEnded: Bool
            switch out.last {
            case .number?, .close?: valueEnded = true
            default: valueEnded = false
            }
            if ch == " " {
                i += 1
            } else if isDigit(i) || ch == "." {
                out.append(try number(readNumber()))
            } else if (ch == "-" || ch == "−") && !valueEnded && (isDigit(i + 1) || isLetter(i + 1)) {
                // A minus written against a number is its sign (`-0.5000`, `-inf`).
                i += 1
                if isDigit(i) {
                    out.append(try number("-" + readNumber()))
                } else {
                    let name = readName()
                    if name == "inf" || name == "nan" {
                        out.append(try number("-" + name))
                    } else {
                        out += [.op("-"), .name(name)]  // a function negated: `-σ(…)`
                    }
                }
            } else if ch == "−" || ch == "-" {
                out.append(.op("-")); i += 1
            } else if ch == "+" || ch == "·" || ch == "/" || ch == "^" {
                out.append(.op(Character(ch))); i += 1
            } else if ch == "(" {
                out.append(.open); i += 1
            } else if ch == ")" {
                out.append(.close); i += 1
            } else if ch == "," {
                out.append(.comma); i += 1
            } else if isLetter(i) {
                let name = readName()
                out.append(name == "inf" || name == "nan" ? try number(name) : .name(name))
            } else {
                throw ArithmeticError(description: "unexpected character “\(ch)” in `\(text)`")
            }
        }
        return out
    }
}

/// What a stage evaluates to, and, when the whole stage is one call `f(a)`, f and a's interval.
fileprivate struct StageValue {
    var value: Interval
    var call: (name: String, argument: Interval)?
}

/// Evaluates a stage in interval arithmetic as it reads it (recursive descent):
/// sum := product (('+' | '-') product)*, product := power (('·' | '/') power)*,
/// power := unary ('^' power)?, unary := '-' unary | primary,
/// primary := number | '(' sum ')' | name '(' sum (',' sum)* ')'.
fileprivate struct Evaluator {
    static let functions: Set<String> = ["σ", "tanh", "relu", "gelu", "erf", "exp", "log", "sqrt", "sin", "cos", "max", "min"]

    private let tokens: [Token]
    private let precision: Int
    private var position = 0
    private var call: (name: String, argument: Interval)?

    static func evaluate(_ tokens: [Token], precision: Int) throws -> StageValue {
        var e = Evaluator(tokens: tokens, precision: precision)
        let value = try e.sum()
        guard e.position == tokens.count else {
            throw ArithmeticError(description: "unexpected “\(tokens[e.position].text)”")
        }
        return StageValue(value: value, call: e.call)
    }

    static func evaluate(_ text: String, precision: Int) throws -> StageValue {
        try evaluate(Tokenizer.tokens(text, precision: precision), precision: precision)
    }

    private init(tokens: [Token], precision: Int) {
        self.tokens = tokens
        self.precision = precision
    }

    private var next: Token? { position < tokens.count ? tokens[position] : nil }

    /// Takes the next token if it is the operator `op` (`(`, `)` and `,` stand for themselves).
    private mutating func take(_ op: Character) -> Bool {
        guard position < tokens.count else { return false }
        let matches: Bool
        switch tokens[position] {
        case .op(let c): matches = c == op
        case .open: matches = op == "("
        case .close: matches = op == ")"
        case .comma: matches = op == ","
        default: matches = false
        }
        if matches { position += 1 }
        return matches
    }

    private mutating func sum() throws -> Interval {
        var left = try product()
        while case .op(let op)? = next, op == "+" || op == "-" {
            position += 1
            let right = try product()
            left = op == "+" ? left + right : left - right
        }
        return left
    }

    private mutating func product() throws -> Interval {
        var left = try power()
        while case .op(let op)? = next, op == "·" || op == "/" {
            position += 1
            let right = try power()
            left = op == "·" ? left * right : left / right
        }
        return left
    }

    private mutating func power() throws -> Interval {
        let base = try unary()
        if take("^") { return .power(base, try power()) }
        return base
    }

    private mutating func unary() throws -> Interval {
        if take("-") { return -(try unary()) }
        return try primary()
    }

    private mutating func primary() throws -> Interval {
        let start = position
        switch next {
        case .number(let n)?:
            position += 1
            return n.value
        case .open?:
            position += 1
            let inner = try sum()
            guard take(")") else { throw ArithmeticError(description: "missing “)”") }
            return inner
        case .name(let name)?:
            position += 1
            guard Evaluator.functions.contains(name) else { throw ArithmeticError(description: "unknown function \(name)") }
            guard take("(") else { throw ArithmeticError(description: "\(name) without “(”") }
            var args = [try sum()]
            while take(",") { args.append(try sum()) }
            guard take(")") else { throw ArithmeticError(description: "missing “)” after the arguments of \(name)") }
            guard name == "max" || name == "min" || args.count == 1 else { throw ArithmeticError(description: "\(name) takes one argument") }
            if start == 0 && position == tokens.count && args.count == 1 { call = (name, args[0]) }
            return Evaluator.apply(name, args)
        default:
            throw ArithmeticError(description: "expected a number, “(” or a function, found \(next.map { "“\($0.text)”" } ?? "the end")")
        }
    }

    static func apply(_ name: String, _ xs: [Interval]) -> Interval {
        switch name {
        case "max": return .maximum(xs)
        case "min": return .minimum(xs)
        case "σ": return xs[0].monotone { 1 / (1 + Foundation.exp(-$0)) }
        case "tanh": return xs[0].monotone(Foundation.tanh)
        case "relu": return xs[0].monotone { max(0, $0) }
        case "erf": return xs[0].monotone(Foundation.erf)
        case "gelu":
            // x Φ(x): falling to its minimum at x ≈ −0.7518, rising after it.
            let x = xs[0]
            if x.isNaN { return .nan }
            let f = { (u: Double) in 0.5 * u * (1 + Foundation.erf(u / 2.0.squareRoot())) }
            var result = Interval.make(f(x.lo), f(x.hi), ulps: 4)
            let bottom = -0.751791524693564457
            if x.lo < bottom && bottom < x.hi { result = Interval.make(min(result.lo, f(bottom)), result.hi, ulps: 4) }
            return result
        case "exp": return xs[0].monotone(Foundation.exp)
        case "log":
            // log 0 = −∞; below 0, not a number.
            let x = xs[0]
            if x.isNaN || x.hi < 0 { return .nan }
            return Interval(lo: max(x.lo, 0), hi: x.hi).monotone(Foundation.log)
        case "sqrt":
            let x = xs[0]
            if x.isNaN || x.hi < 0 { return .nan }
            return Interval(lo: max(x.lo, 0), hi: x.hi).monotone(Foundation.sqrt)
        case "sin": return xs[0].periodic(Foundation.sin, maximumAt: .pi / 2, minimumAt: -.pi / 2)
        default: return xs[0].periodic(Foundation.cos, maximumAt: 0, minimumAt: .pi)
        }
    }
}

// MARK: - Lines of the notes

/// A line of a note with arithmetic in it.
fileprivate struct NoteLine: Sendable {
    enum Kind: Sendable { case vectorRow, matrixEntry, scalarStep, claimRow }
    let file: String
    let number: Int
    let text: String
    let kind: Kind
    /// The note's precision: numbers with fewer decimals are exact.
    let precision: Int
    /// The stages and value, read once (nil: a table row with no arithmetic).
    let parsed: Result<ParsedLine?, ArithmeticError>

    init(file: String, number: Int, text: String, kind: Kind, precision: Int) {
        (self.file, self.number, self.text, self.kind, self.precision) = (file, number, text, kind, precision)
        do {
            parsed = .success(try NoteLine.parse(text, kind: kind, precision: precision))
        } catch let error as ArithmeticError {
            parsed = .failure(error)
        } catch {
            parsed = .failure(ArithmeticError(description: "\(error)"))
        }
    }

    var location: String { "\(file):\(number)" }

    static func cells(_ row: String) -> [String] {
        var t = Plain.trimmed(row)
        if t.hasPrefix("|") { t = t.dropFirst() }
        if t.hasSuffix("|") { t = t.dropLast() }
        return Plain.split(t, " | ").map { String(Plain.trimmed($0)) }
    }

    /// The stages and the printed value; nil for a table row with no arithmetic (`| ⋯ | ⋯ | ⋯ |`).
    static func parse(_ text: String, kind: Kind, precision: Int) throws -> ParsedLine? {
        let stages: [String], value: String
        switch kind {
        case .vectorRow:
            let c = NoteLine.cells(text)
            guard c.count >= 3 else { throw ArithmeticError(description: "a written-out row with \(c.count) cells") }
            if c.allSatisfy({ $0 == "⋯" }) { return nil }
            (stages, value) = (Plain.split(c[c.count - 2], " = ").map(String.init), Written.stripMarks(c[c.count - 1]))
        case .matrixEntry, .scalarStep:
            let body = kind == .scalarStep ? Substring(text) : text[(Plain.find("): ", in: text)?.upperBound ?? text.startIndex)...]
            let parts = Plain.split(body, " = ").map(String.init)
            guard parts.count >= 2 else { throw ArithmeticError(description: "no “ = value” at the end") }
            (stages, value) = (Array(parts.dropLast()), Written.stripMarks(parts.last!))
        case .claimRow:
            // computed − claimed = difference: the claimed number is quoted from a source, so it is
            // exact; computed and difference are rounded to the decimals they show.
            let c = NoteLine.cells(text)
            guard c.count >= 5 else { throw ArithmeticError(description: "a claims row with \(c.count) cells") }
            let (computed, difference) = (try Literal(c[3], exactBelow: 0), try Literal(c[4], exactBelow: 0))
            guard let claimed = try? Literal(c[2], exactBelow: nil) else {
                return ParsedLine(stageTexts: ["\(c[3]) - \(c[2])"], stages: [nil], value: difference, precision: 0)
            }
            return ParsedLine(stageTexts: ["\(c[3]) - \(c[2])"], stages: [[.number(computed), .op("-"), .number(claimed)]],
                              value: difference, precision: 0)
        }
        let tokens = try stages.map { Plain.find("⋯", in: $0) != nil ? nil : try Tokenizer.tokens($0, precision: precision) }
        return ParsedLine(stageTexts: stages, stages: tokens, value: try Literal(value, exactBelow: precision), precision: precision)
    }
}

/// A line's stages as tokens (nil: cut short with `⋯`) and its printed value.
fileprivate struct ParsedLine: Sendable {
    var stageTexts: [String]
    var stages: [[Token]?]
    var value: Literal
    var precision: Int

    /// The stages and value as read (for messages about changed lines).
    var rendered: String {
        let shown = zip(stageTexts, stages).map { text, tokens in
            tokens.map { $0.map(\.text).joined(separator: " ") } ?? text
        }
        return (shown + [value.text]).joined(separator: " = ")
    }
}

fileprivate struct LineResult {
    /// Each stage's interval; nil where it was cut short or could not be read.
    var stages: [Interval?] = []
    var value: Interval?
    var problems: [String] = []
    var evaluatedStages: Int { stages.compactMap { $0 }.count }
    var elidedStages = 0
    var holds: Bool { evaluatedStages > 0 && problems.isEmpty }
}

fileprivate enum Checker {
    static func check(_ line: NoteLine) -> LineResult {
        do {
            guard let parsed = try line.parsed.get() else { return LineResult() }
            return check(parsed)
        } catch {
            return LineResult(problems: ["cannot be read: \(error)"])
        }
    }

    /// `explain: false` records the first problem without describing it and stops there (fast,
    /// for changed lines).
    static func check(_ line: ParsedLine, explain: Bool = true) -> LineResult {
        var result = LineResult()
        let value = line.value.value
        result.value = value
        var previous: (index: Int, stage: StageValue)?
        for (k, tokens) in line.stages.enumerated() {
            var name: String { "stage \(k + 1) of \(line.stages.count) `\(line.stageTexts[k])`" }
            guard let tokens else {
                result.elidedStages += 1
                result.stages.append(nil)
                continue
            }
            let stage: StageValue
            do {
                stage = try Evaluator.evaluate(tokens, precision: line.precision)
            } catch {
                result.problems.append("\(name) cannot be read: \(error)")
                result.stages.append(nil)
                continue
            }
            result.stages.append(stage.value)
            func problem(_ text: @autoclosure () -> String) { result.problems.append(explain ? text() : "") }
            if !stage.value.overlaps(value) {
                problem("\(name) gives \(stage.value), but the printed value \(line.value.text) stands for \(value)")
            }
            if let p = previous {
                if !stage.value.overlaps(p.stage.value) {
                    problem("\(name) gives \(stage.value), but stage \(p.index + 1) gives \(p.stage.value)")
                }
                if let f = p.stage.call, let g = stage.call, f.name == g.name, !f.argument.overlaps(g.argument) {
                    problem("the argument of \(f.name) is \(g.argument) in \(name), but \(f.argument) in stage \(p.index + 1)")
                }
            }
            previous = (k, stage)
            if !explain && !result.problems.isEmpty { break }
        }
        return result
    }

    /// A line of its own that is nothing but stages of arithmetic and a value.
    static func isScalarStep(_ text: String, precision: Int) -> Bool {
        guard let first = text.first, !"|$#>!*\\`[".contains(first), !text.hasPrefix("- "),
              Plain.find(" = ", in: text) != nil, text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return false }
        let parts = Plain.split(text, " = ").map(String.init)
        guard Written.interval(Written.stripMarks(parts.last!), exactBelow: precision) != nil else { return false }
        return parts.dropLast().allSatisfy { Plain.find("⋯", in: $0) != nil || (try? Evaluator.evaluate($0, precision: precision)) != nil }
    }

    /// `- entry (2, 3): …` or `- (1, 2, 3): …`, or the same with the word translated.
    static func isMatrixEntry(_ text: String) -> Bool {
        guard text.hasPrefix("- "), let colon = Plain.find("): ", in: text) else { return false }
        let label = text[..<colon.lowerBound]
        guard let open = label.lastIndex(of: "(") else { return false }
        let inside = Plain.split(label[label.index(after: open)...], ", ")
        // (i, j), or one index per axis of an array of matrices: (b, t, d).
        return inside.count >= 2 && inside.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}

// MARK: - Changed digits

fileprivate enum Mutations {
    /// The line with one digit of one number (in a stage or the printed value) changed to
    /// (d + 5) mod 10: every digit of every number, or (`exhaustive: false`) one digit of each
    /// number, the first, second, … in turn from one number to the next (`salt` varies the turn
    /// from line to line).
    static func changedDigits(_ line: ParsedLine, exhaustive: Bool = true, salt: Int = 0) -> [ParsedLine] {
        var turn = salt
        func variants(_ literal: Literal) -> [Literal] {
            let scalars = Array(literal.text.unicodeScalars)
            let digits = scalars.indices.filter { scalars[$0].value >= 48 && scalars[$0].value <= 57 }
            guard !digits.isEmpty else { return [] }
            turn += 1
            return (exhaustive ? digits : [digits[turn % digits.count]]).compactMap { i in
                let v = scalars[i].value
                var changed = scalars
                changed[i] = Unicode.Scalar(48 + (v - 48 + 5) % 10)!
                var s = String.UnicodeScalarView()
                s.append(contentsOf: changed)
                return try? Literal(String(s), exactBelow: literal.exactBelow)
            }
        }
        var out: [ParsedLine] = []
        for (s, tokens) in line.stages.enumerated() {
            guard let tokens else { continue }
            for (t, token) in tokens.enumerated() {
                guard case .number(let literal) = token else { continue }
                for v in variants(literal) {
                    var m = line
                    m.stages[s]![t] = .number(v)
                    out.append(m)
                }
            }
        }
        for v in variants(line.value) {
            var m = line
            m.value = v
            out.append(m)
        }
        return out
    }

    /// Whether a change moved some stage, or the printed value, further than the rounding of the
    /// numbers shown can absorb: then no interval of the changed line can still overlap, and the
    /// check must reject it. (A change that moves nothing that far, like a factor next to an
    /// exact 0, can still be consistent with some unrounded numbers.)
    static func isBeyondRounding(original: LineResult, changed: LineResult) -> Bool {
        guard let v = original.value, let v2 = changed.value, v.isFinite, v2.isFinite else { return false }
        for (a, b) in zip(original.stages, changed.stages) {
            guard let a, let b, a.isFinite, b.isFinite else { continue }
            let margin = 1e-8 * max(1, abs(a.lo), abs(a.hi), abs(b.lo), abs(b.hi), abs(v.lo), abs(v.hi))
            if abs(b.middle - a.middle) > (a.width + b.width) / 2 + v.width + margin { return true }
            if abs(v2.middle - v.middle) > (v.width + v2.width) / 2 + a.width + margin { return true }
        }
        return false
    }
}

fileprivate extension Interval {
    var isFinite: Bool { lo.isFinite && hi.isFinite }
    var middle: Double { (lo + hi) / 2 }
    var width: Double { hi - lo }
}

// MARK: - Notes

fileprivate struct Note: Sendable {
    let file: String
    let lines: [NoteLine]
    /// Computed steps (headings `#### $symbol$ · title`): a note with any has arithmetic to check.
    let computedSteps: Int

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Read once for all the tests.
    static let loaded: Result<[Note], ArithmeticError> = {
        do { return .success(try readAll()) } catch { return .failure(ArithmeticError(description: "\(error)")) }
    }()

    static func all() throws -> [Note] { try loaded.get() }

    /// Lessons/*.md but README.md, and Lessons/ko/*.md if there are translations.
    static func readAll() throws -> [Note] {
        var notes: [Note] = []
        for folder in ["Lessons", "Lessons/ko"] {
            let dir = root.appendingPathComponent(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
                if folder == "Lessons" { throw ArithmeticError(description: "cannot list \(dir.path)") }
                continue
            }
            for name in names.sorted() where name.hasSuffix(".md") && name != "README.md" {
                let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                notes.append(read(text, file: folder + "/" + name))
            }
        }
        return notes
    }

    static func read(_ text: String, file: String) -> Note {
        enum Table { case writtenOut, claims, other }
        var table: Table?
        var inDisplay = false
        var found: [(number: Int, text: String, kind: NoteLine.Kind)] = []
        var computedSteps = 0
        for (n, raw) in Plain.split(text, "\n").enumerated() {
            let line = String(Plain.trimmed(raw))
            func add(_ kind: NoteLine.Kind) { found.append((n + 1, line, kind)) }
            // Display math: a fenced `math` block.
            if line == "```math" || (inDisplay && line == "```") { inDisplay.toggle(); continue }
            if inDisplay { continue }
            if line.hasPrefix("#### ") { computedSteps += 1 }
            if line.hasPrefix("|") {
                if line.hasPrefix("|---") {
                    // The renderer's tables differ in their alignment rows.
                    table = line == "|---|---|---:|" ? .writtenOut
                        : line == "|---|---|---:|---:|---:|---|---|" ? .claims : .other
                } else if table == .writtenOut {
                    add(.vectorRow)
                } else if table == .claims {
                    add(.claimRow)
                }
                continue
            }
            table = nil
            if Checker.isMatrixEntry(line) {
                add(.matrixEntry)
            } else if Checker.isScalarStep(line, precision: 4) {
                add(.scalarStep)
            }
        }
        let precision = statedPrecision(text) ?? commonPrecision(found.filter { $0.kind != .claimRow }.map(\.text)) ?? 4
        let lines = found.map { NoteLine(file: file, number: $0.number, text: $0.text, kind: $0.kind, precision: precision) }
        return Note(file: file, lines: lines, computedSteps: computedSteps)
    }

    /// The footer's "Numbers are rounded to 4 decimals" (in Korean, "수는 소수점 아래 4자리로 반올림").
    static func statedPrecision(_ text: String) -> Int? {
        guard let r = Plain.find("rounded to ", in: text) ?? Plain.find("수는 소수점 아래 ", in: text) else { return nil }
        return Int(text[r.upperBound...].prefix(while: \.isNumber))
    }

    /// Without that footer (a translation), the decimals most printed values have: computed
    /// values always show exactly the precision.
    static func commonPrecision(_ lines: [String]) -> Int? {
        var counts: [Int: Int] = [:]
        for line in lines {
            var t = Plain.trimmed(line)
            if t.hasSuffix("|") { t = Plain.trimmed(t.dropLast()) }
            let value = String(Plain.split(Written.stripMarks(String(t)), " ").last ?? "")
            guard value.first?.isNumber == true || value.hasPrefix("-"), let dot = value.firstIndex(of: ".") else { continue }
            counts[value.distance(from: dot, to: value.endIndex) - 1, default: 0] += 1
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}

fileprivate struct NoteSummary {
    var checkedLines = 0
    var partlyElidedLines = 0
    var skippedLines = 0
    var evaluatedStages = 0
    var checkedByKind: [NoteLine.Kind: Int] = [:]
    var failures: [(message: String, location: SourceLocation)] = []

    init() {}

    init(_ note: Note) {
        for line in note.lines {
            let r = Checker.check(line)
            if !r.problems.isEmpty {
                // Reported at the note's line, so an editor or CI log points at the note itself.
                let location = SourceLocation(fileID: line.file, filePath: Note.root.appendingPathComponent(line.file).path,
                                              line: line.number, column: 1)
                failures.append(("\(line.location): \(r.problems.joined(separator: "; "))\n    \(line.text)", location))
            } else if r.evaluatedStages == 0 {
                // Every stage cut short with ⋯ (an elision row of a table has no stages at all).
                if r.elidedStages > 0 { skippedLines += 1 }
            } else {
                checkedLines += 1
                evaluatedStages += r.evaluatedStages
                if r.elidedStages > 0 { partlyElidedLines += 1 }
                checkedByKind[line.kind, default: 0] += 1
            }
        }
    }

    mutating func add(_ other: NoteSummary) {
        checkedLines += other.checkedLines
        partlyElidedLines += other.partlyElidedLines
        skippedLines += other.skippedLines
        evaluatedStages += other.evaluatedStages
        checkedByKind.merge(other.checkedByKind, uniquingKeysWith: +)
    }

    var text: String {
        let kinds = [(NoteLine.Kind.vectorRow, "vector rows"), (.matrixEntry, "matrix entries"), (.scalarStep, "scalar steps"), (.claimRow, "claims rows")]
        return "\(checkedLines) lines checked ("
            + kinds.map { "\(checkedByKind[$0.0] ?? 0) \($0.1)" }.joined(separator: ", ")
            + "; \(evaluatedStages) stages), \(partlyElidedLines) partly cut short, \(skippedLines) skipped"
    }
}

fileprivate let summaryRequested = ProcessInfo.processInfo.environment["NOTES_ARITHMETIC_SUMMARY"]

// MARK: - Tests

@Suite("Written-out arithmetic in the lecture notes")
struct WrittenOutArithmeticTests {
    @Test("Every written-out line gives the value it prints")
    func everyLineHolds() throws {
        let notes = try Note.all()
        #expect(notes.count >= 1, "no notes in \(Note.root.path)/Lessons")
        var total = NoteSummary()
        var report: [String] = []
        for note in notes {
            let s = NoteSummary(note)
            for failure in s.failures { Issue.record(Comment(rawValue: failure.message), sourceLocation: failure.location) }
            if note.computedSteps > 0 {
                #expect(s.checkedLines > 0, "\(note.file) has \(note.computedSteps) computed steps, but no line of arithmetic was checked")
            }
            #expect(s.skippedLines <= s.checkedLines, "\(note.file): more lines skipped (\(s.skippedLines)) than checked (\(s.checkedLines))")
            total.add(s)
            report.append("\(note.file): \(s.text)")
        }
        #expect(total.checkedLines >= 100, "only \(total.checkedLines) lines of arithmetic checked in all the notes")
        if summaryRequested != nil { print((report + ["total: \(total.text)"]).joined(separator: "\n")) }
    }

    /// Each note read again with the first digit of one printed value changed in the first
    /// checked line of each kind (vector row, matrix entry, claims row): the whole pipeline, from
    /// finding the lines to checking them, must report exactly those lines.
    @Test("A note with digits changed fails at those lines")
    func changedNoteFails() throws {
        var tried = 0
        for note in try Note.all() {
            let text = try String(contentsOf: Note.root.appendingPathComponent(note.file), encoding: .utf8)
            var lines = Plain.split(text, "\n").map(String.init)
            var kinds: Set<NoteLine.Kind> = []
            var changed: [Int] = []
            for line in note.lines where Checker.check(line).holds && kinds.insert(line.kind).inserted {
                guard let parsed = try line.parsed.get(),
                      let value = lines[line.number - 1].range(of: parsed.value.text, options: .backwards),
                      let digit = lines[line.number - 1][value].firstIndex(where: \.isNumber),
                      let d = lines[line.number - 1][digit].wholeNumberValue else { continue }
                lines[line.number - 1].replaceSubrange(digit...digit, with: String((d + 5) % 10))
                changed.append(line.number)
            }
            let summary = NoteSummary(Note.read(lines.joined(separator: "\n"), file: note.file))
            #expect(summary.failures.map(\.location.line) == changed,
                    "\(note.file): lines \(changed) changed, failures: \(summary.failures.map(\.message))")
            tried += changed.count
        }
        #expect(tried >= 18, "only \(tried) lines changed")
    }

    /// Lines of the notes (as they were when this test was written), each with one digit changed:
    /// the original must pass and the changed line must be rejected. A line that is no longer in
    /// any note is checked all the same, as a line of a note with 4 decimals.
    @Test("A changed digit in a real line is caught", arguments: [
        // a vector step, a sum in two stages (rnn-unroll, a[2]): the printed value, a weight's
        // input, a product's value
        ("| 1 | 0.5·0 + (-0.6)·0 + 0.9·1 + 0.1 + 0.4·(-0.4621) + (-0.7)·0.6044 + 0 = 0.9000 + 0.1 + (-0.6079) + 0 | 0.3921 |",
         "| 1 | 0.5·0 + (-0.6)·0 + 0.9·1 + 0.1 + 0.4·(-0.4621) + (-0.7)·0.6044 + 0 = 0.9000 + 0.1 + (-0.6079) + 0 | 0.3931 |"),
        ("| 1 | 0.5·0 + (-0.6)·0 + 0.9·1 + 0.1 + 0.4·(-0.4621) + (-0.7)·0.6044 + 0 = 0.9000 + 0.1 + (-0.6079) + 0 | 0.3921 |",
         "| 1 | 0.5·0 + (-0.6)·0 + 0.9·1 + 0.1 + 0.4·(-0.4621) + (-0.7)·0.6054 + 0 = 0.9000 + 0.1 + (-0.6079) + 0 | 0.3921 |"),
        ("| 1 | 0.5·0 + (-0.6)·0 + 0.9·1 + 0.1 + 0.4·(-0.4621) + (-0.7)·0.6044 + 0 = 0.9000 + 0.1 + (-0.6079) + 0 | 0.3921 |",
         "| 1 | 0.5·0 + (-0.6)·0 + 0.9·1 + 0.1 + 0.4·(-0.4621) + (-0.7)·0.6044 + 0 = 0.9000 + 0.1 + (-0.6179) + 0 | 0.3921 |"),
        // a given integer weight (gru, ax[1])
        ("| z₁ | (-3)·1 + 2·0 + 2·0 + 0.5 = -3.0000 + 0.5 | -2.5000 |", "| z₁ | (-4)·1 + 2·0 + 2·0 + 0.5 = -3.0000 + 0.5 | -2.5000 |"),
        // a function of a single number (rnn-unroll, h[1]): its value, its argument
        ("| 2 | tanh(0.7000) | 0.6044 |", "| 2 | tanh(0.7000) | 0.6045 |"),
        ("| 2 | tanh(0.7000) | 0.6044 |", "| 2 | tanh(0.7010) | 0.6044 |"),
        // a function in stages (gru, r[1]): the argument changed in the last stage only
        ("| 1 | σ(2.0000 + 0.0000) = σ(2.0000) | 0.8808 |", "| 1 | σ(2.0000 + 0.0000) = σ(2.0002) | 0.8808 |"),
        // one minus (gru, h[1])
        ("| 1 | (1 - 0.0759)·0.7616 + 0.0759·0 = 0.7038 + 0.0000 | 0.7038 |",
         "| 1 | (1 - 0.0769)·0.7616 + 0.0759·0 = 0.7038 + 0.0000 | 0.7038 |"),
        // max (attention-qkv, m)
        ("| 1 · The | max(-0.6250, 0.2500, 0.3750) | 0.3750 |", "| 1 · The | max(-0.6250, 0.2500, 0.3850) | 0.3750 |"),
        // a mean (layer-norm, μ)
        ("| 1 · cat | (1 + 2 + 3 + 6)/4 | 3.0000 |", "| 1 · cat | (1 + 2 + 3 + 7)/4 | 3.0000 |"),
        // sqrt with a given epsilon (layer-norm, s)
        ("| 1 · cat | sqrt(3.5000 + 1e-05) = sqrt(3.5000) | 1.8708 |", "| 1 · cat | sqrt(3.5000 + 1e-05) = sqrt(3.5000) | 1.8718 |"),
        // a power and a pair exponent (positional-encoding)
        ("| 3 (sin, i = 1) | 10000^0.5000 | 100.0000 |", "| 3 (sin, i = 1) | 10000^0.5100 | 100.0000 |"),
        ("| 3 (sin, i = 1) | 2·1/4 | 0.5000 |", "| 3 (sin, i = 1) | 2·1/4 | 0.5002 |"),
        // matrix entries: a quotient, exp of a difference, sin and cos (attention-qkv, positional-encoding)
        ("- entry (1, 1): 0.3679/2.2504 = 0.1635", "- entry (1, 1): 0.3679/2.2514 = 0.1635"),
        ("- entry (1, 2): exp(0.2500 - 0.3750) = exp(-0.1250) = 0.8825", "- entry (1, 2): exp(0.2500 - 0.3750) = exp(-0.1350) = 0.8825"),
        ("- entry (4, 1): sin(3.0000) = 0.1411", "- entry (4, 1): sin(3.0000) = 0.1421"),
        ("- entry (4, 2): cos(3.0000) = -0.9900", "- entry (4, 2): cos(3.0100) = -0.9900"),
        // a product of a matrix and a matrix (attention-qkv, output)
        ("- entry (1, 2): 0.1635·0.0000 + 0.3922·2.5000 + 0.4444·1.5000 = 1.6469",
         "- entry (1, 2): 0.1635·0.0000 + 0.3922·2.5000 + 0.4444·1.6000 = 1.6469"),
        // a softmax entry (multi-head-attention): the value, a stage's denominator
        ("- entry (1, 1): exp(0.0000 - 1.4142)/(exp(0.0000 - 1.4142) + exp(1.4142 - 1.4142) + exp(0.0000 - 1.4142)) = 0.2431/1.4862 = 0.1636",
         "- entry (1, 1): exp(0.0000 - 1.4142)/(exp(0.0000 - 1.4142) + exp(1.4142 - 1.4142) + exp(0.0000 - 1.4142)) = 0.2431/1.4862 = 0.1646"),
        ("- entry (1, 1): exp(0.0000 - 1.4142)/(exp(0.0000 - 1.4142) + exp(1.4142 - 1.4142) + exp(0.0000 - 1.4142)) = 0.2431/1.4862 = 0.1636",
         "- entry (1, 1): exp(0.0000 - 1.4142)/(exp(0.0000 - 1.4142) + exp(1.4142 - 1.4142) + exp(0.0000 - 1.4142)) = 0.2431/1.4962 = 0.1636"),
        // -inf from the causal mask (attention-qkv--causal)
        ("- entry (1, 2): exp(-inf - (-0.6250)) = exp(-inf) = 0.0000", "- entry (1, 2): exp(-inf - (-0.6250)) = exp(-inf) = 0.0010"),
        // a claims row (attention-qkv--illustrated-transformer): the difference, the claim
        ("| `weights` | (1, 1) | 0.88 | 0.8808 | 0.0008 | ✓ |  |", "| `weights` | (1, 1) | 0.88 | 0.8808 | 0.0003 | ✓ |  |"),
        ("| `weights` | (1, 1) | 0.88 | 0.8808 | 0.0008 | ✓ |  |", "| `weights` | (1, 1) | 0.83 | 0.8808 | 0.0008 | ✓ |  |"),
    ])
    func changedDigitIsCaught(original: String, changed: String) throws {
        let kind: NoteLine.Kind = original.hasPrefix("- ") ? .matrixEntry : original.hasPrefix("| `") ? .claimRow : .vectorRow
        let line = try Note.all().lazy.flatMap(\.lines).first { $0.text == original }
            ?? NoteLine(file: "example", number: 0, text: original, kind: kind, precision: 4)
        #expect(line.kind == kind)
        let before = Checker.check(line)
        #expect(before.holds, "the original line should pass: \(original) \(before.problems)")
        let after = Checker.check(NoteLine(file: line.file, number: line.number, text: changed, kind: line.kind, precision: line.precision))
        #expect(!after.problems.isEmpty, "a changed digit went unnoticed: \(changed)")
    }

    /// A digit of every number of every checked line changed to (d + 5) mod 10, one at a time
    /// (every digit with NOTES_ARITHMETIC_EXHAUSTIVE=1). A change that moves a stage or the printed value further than the rounding of the
    /// numbers shown allows must be caught, every one. Other changes cannot always be seen from
    /// the line alone (a factor next to an exact 0, an argument of max that is not the largest,
    /// the last digit of one of several rounded terms, 1e-05 added to 3.5000), so for all changes
    /// together this asserts a rate.
    @Test("A changed digit anywhere in the notes is caught when the line can show it")
    func digitChangesAreCaught() throws {
        // One digit per number by default (fast); every digit with NOTES_ARITHMETIC_EXHAUSTIVE=1.
        let exhaustive = ProcessInfo.processInfo.environment["NOTES_ARITHMETIC_EXHAUSTIVE"] != nil
        var caught = 0, total = 0
        var missed: [String] = []
        for note in try Note.all() {
            for line in note.lines {
                guard let parsed = try? line.parsed.get() else { continue }
                let original = Checker.check(parsed)
                guard original.holds else { continue }
                for changed in Mutations.changedDigits(parsed, exhaustive: exhaustive, salt: line.number) {
                    // Stops at the first problem; a line without one was evaluated in full.
                    let result = Checker.check(changed, explain: false)
                    total += 1
                    if !result.problems.isEmpty {
                        caught += 1
                    } else if Mutations.isBeyondRounding(original: original, changed: result) {
                        Issue.record("\(line.location): a change beyond rounding went unnoticed: \(changed.rendered)")
                    } else {
                        missed.append("\(line.location): \(changed.rendered)")
                    }
                }
            }
        }
        #expect(total >= (exhaustive ? 5000 : 1000), "only \(total) digit changes tried")
        #expect(Double(caught) >= 0.8 * Double(total), "only \(caught) of \(total) single-digit changes caught")
        if summaryRequested != nil {
            print("digit changes\(exhaustive ? " (every digit)" : " (one digit per number)"): \(total) tried, \(caught) caught, "
                + "\(missed.count) missed but within rounding")
            if summaryRequested == "missed" { print(missed.joined(separator: "\n")) }
        }
    }

    /// Forms that no current note may have, on made-up lines: each line passes, and fails with
    /// its value changed.
    @Test("The check reads every form the notes can write", arguments: [
        (NoteLine.Kind.scalarStep, "0.5·2 + 0.25 = 1.0000 + 0.25", "1.2500", "1.2600"),
        (.scalarStep, "relu(-0.3000 + 0.1)", "0.0000", "0.1000"),
        (.matrixEntry, "sin(1.5708)", "1.0000", "0.9990"),
        (.matrixEntry, "cos(3.1416)", "-1.0000", "-0.9990"),
        (.matrixEntry, "sin(-1.5708)", "-1.0000", "-0.9990"),
        (.matrixEntry, "0.5·(-inf) + 1", "-inf", "-1.0000"),
        (.matrixEntry, "sqrt(-1)", "nan", "1.0000"),
        (.matrixEntry, "2^0.5000", "1.4142", "1.4152"),
        (.matrixEntry, "-σ(0.0000)", "-0.5000", "-0.5010"),
        (.matrixEntry, "max(-1, -2)", "-1.0000", "-2.0000"),
        (.vectorRow, "min(3, 2)", "2", "3"),
        (.vectorRow, "log(0.5000)", "-0.6931", "-0.6941"),
        (.vectorRow, "log(0)", "-inf", "0.0000"),
        (.scalarStep, "min(1, exp(1 - 7/6)) = min(1, 0.8465)", "0.8465", "0.8475"),
        (.matrixEntry, "(1 - 0.2500)·3 = 0.7500·3", "2.2500", "2.2600"),
        (.matrixEntry, "0.6 − 1", "-0.4000", "-0.5000"),
        (.matrixEntry, "1·2 + ⋯ + 3·4 = 20.0000", "20.0000", "21.0000"),
        (.vectorRow, "σ(1·2 + (-0.5)) = σ(1.5000)", "0.8176 ✓", "0.8186 ✓"),
    ])
    fileprivate func readsEveryForm(kind: NoteLine.Kind, stages: String, value: String, wrongValue: String) throws {
        func line(_ v: String) -> NoteLine {
            let text = switch kind {
            case .vectorRow: "| 1 | \(stages) | \(v) |"
            case .matrixEntry: "- entry (1, 1): \(stages) = \(v)"
            case .scalarStep, .claimRow: "\(stages) = \(v)"
            }
            return NoteLine(file: "made-up.md", number: 1, text: text, kind: kind, precision: 4)
        }
        let good = Checker.check(line(value))
        #expect(good.holds, "\(line(value).text): \(good.problems)")
        #expect(!Checker.check(line(wrongValue)).problems.isEmpty, "\(line(wrongValue).text) should fail")
        if kind == .scalarStep {
            #expect(Checker.isScalarStep(line(value).text, precision: 4), "not read as a scalar step: \(line(value).text)")
        }
    }

    @Test("Numbers stand for what the notes' rounding allows")
    func writtenNumbers() throws {
        let rounded = try #require(Written.interval("0.9241", exactBelow: 4))
        #expect(abs(rounded.lo - 0.92405) < 1e-12 && abs(rounded.hi - 0.92415) < 1e-12)
        #expect(try #require(Written.interval("0.5", exactBelow: 4)).width < 1e-15)
        #expect(try #require(Written.interval("-3", exactBelow: 4)).width < 1e-15)
        #expect(try #require(Written.interval("1e-05", exactBelow: 4)).width < 1e-18)
        #expect(abs(try #require(Written.interval("12", exactBelow: 0)).width - 1) < 1e-12)
        #expect(Written.interval("-inf", exactBelow: 4)?.lo == -.infinity)
        #expect(Written.interval("nan", exactBelow: 4)?.isNaN == true)
        #expect(Written.interval("0x10", exactBelow: 4) == nil)
        #expect(Written.stripMarks("0.9241 ✓") == "0.9241")
        #expect(!Checker.isScalarStep("The square root of d = 4.", precision: 4))
        #expect(!Checker.isScalarStep("$d = 4$", precision: 4))
        #expect(Checker.isMatrixEntry("- entry (12, 3): 1 = 1.0000"))
        #expect(Note.commonPrecision(["| 1 | 2·0.5 | 1.00 ✓ |", "- entry (1, 1): 0.5 = 0.50", "- entry (1, 2): 1/8 = 0.125"]) == 2)
        #expect(Note.statedPrecision("Numbers are rounded to 6 decimals; numbers") == 6)
        #expect(!Checker.isMatrixEntry("- the entry (a, b): x"))
    }
}
