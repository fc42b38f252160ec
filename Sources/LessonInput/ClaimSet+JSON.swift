// Reading a claims file (SPEC "Claims") into the core's `ClaimSet`, with errors that name the
// file, the claim and what was expected.

import Foundation
import JSONFormat
import TraceCore

extension ClaimSet {
    /// The most claims one file may hold: far more numbers than any slide prints, few enough that
    /// checking them and explaining each failure stays quick.
    public static let maxClaims = 1_000

    /// The most decimals a file's `decimals` may give: as many as `--precision` shows.
    public static let maxDecimals = NumberStyle.maxPrecision

    /// Reads `{"source": …, "tolerance" or "decimals": …, "claims": [{"value": …, "at": […],
    /// "expected": …, "tolerance": …}]}`. A claim's own tolerance comes first, then the file's
    /// `tolerance`, then half a unit in the file's `decimals`, then in the number's last decimal.
    public init(_ json: JSON, file: String) throws {
        let source: String
        func fail(_ message: String) -> LessonError { .data(file, message) }
        guard case .object(let members) = json else {
            throw fail("claims must be a JSON object with \"source\" and \"claims\", got \(json.kindDescription)")
        }
        // Keys match byte for byte, as the JSON reader tells them apart.
        func isOne(of names: [String], _ key: String) -> Bool { names.contains { $0.utf8.elementsEqual(key.utf8) } }
        let topLevel = ["source", "claims", "tolerance", "decimals", "backward"]
        for member in members where !isOne(of: topLevel, member.key) {
            throw fail("unknown field \"\(echoed(member.key))\" in the claims" + suggestion(for: member.key, in: topLevel))
        }
        switch json["source"] {
        case .string(let text)?: source = text
        case nil: source = file
        case let other?: throw fail("source must be a string, got \(other.kindDescription)")
        }
        /// What a bad number was: its text, or its kind.
        func got(_ json: JSON) -> String { json.numberText.map { echoed($0) } ?? json.kindDescription }
        var fileTolerance: Double?
        if let json = json["tolerance"] {
            guard case .number(let t, _) = json, t >= 0, t.isFinite else {
                throw fail("tolerance must be a number ≥ 0 (how far every claim may be from the computed value), got \(got(json))")
            }
            fileTolerance = t
        }
        var fileDecimals: Int?
        if let json = json["decimals"] {
            guard case .number(let d, _) = json, d == d.rounded(), d >= 0, d <= Double(ClaimSet.maxDecimals) else {
                throw fail("decimals must be a whole number from 0 to \(ClaimSet.maxDecimals) (the decimals every claim was printed with), got \(got(json))")
            }
            fileDecimals = Int(d)
        }
        if fileTolerance != nil && fileDecimals != nil {
            throw fail("tolerance and decimals are both set; give one: tolerance (how far every claim may be off) or decimals (how many decimals the source printed)")
        }
        var backward = false
        if let json = json["backward"] {
            guard case .bool(let wanted) = json else {
                throw fail("backward must be true or false (true: a course's note gets a backward note beside it), got \(json.kindDescription)")
            }
            backward = wanted
        }
        guard case .array(let items)? = json["claims"] else {
            throw fail("claims must be an array of {\"value\", \"at\", \"expected\"} objects")
        }
        guard items.count <= ClaimSet.maxClaims else {
            throw fail("claims holds \(items.count) claims, more than the limit of \(ClaimSet.maxClaims)")
        }
        let claims = try items.enumerated().map { n, item in
            let path = "claims[\(n + 1)]"
            guard case .object(let fields) = item else { throw fail("\(path) must be an object, got \(item.kindDescription)") }
            let known = ["value", "at", "expected", "tolerance"]
            for field in fields where !isOne(of: known, field.key) {
                throw fail("unknown field \"\(echoed(field.key))\" in \(path)" + suggestion(for: field.key, in: known))
            }
            guard case .string(let value)? = item["value"] else { throw fail("\(path).value must be the name of a value, e.g. \"h[2]\"") }
            var at: [Int] = []
            if let json = item["at"] {
                // One index per axis: an array of matrices (B × T × D) takes three.
                guard case .array(let indices) = json, indices.count <= 8 else {
                    throw fail("\(path).at must be [row, column] or [entry], counted from 1 (one index per axis: [b, t, d] for an array of matrices)")
                }
                at = try indices.map { index in
                    guard case .number(let x, _) = index, x == x.rounded(), x >= 1, x <= 1e9 else {
                        throw fail("\(path).at must hold whole numbers from 1, got \(index.kindDescription)")
                    }
                    return Int(x)
                }
            }
            let written: String
            if let text = item["expected"]?.numberText {
                written = text
            } else if case .string(let text)? = item["expected"] {
                written = text.trimmingCharacters(in: .whitespaces)
            } else {
                throw fail("\(path).expected must be a number or a string holding one")
            }
            var tolerance: Double
            var fromFile = false
            let expected: Double
            if let special = nonFinite(written) {
                // A masked score claimed as "-inf": it holds for that very value, so no tolerance.
                (expected, tolerance) = (special, 0)
            } else {
                // Double("0x1p-2") and Double("nan") would read; a slide prints plain decimals.
                guard isPlainDecimal(written), let number = Double(written), number.isFinite else {
                    throw fail("\(path).expected must be a finite decimal number (such as 0.88 or -1.5e-3), \"inf\", \"-inf\" or \"nan\", got \"\(echoed(written))\"")
                }
                expected = number
                let fromTop = fileTolerance ?? fileDecimals.map { 0.5 * pow(10, -Double($0)) }
                (tolerance, fromFile) = (fromTop ?? Claim.defaultTolerance(written), fromTop != nil)
            }
            if let json = item["tolerance"] {
                guard case .number(let t, _) = json, t >= 0 else { throw fail("\(path).tolerance must be a number ≥ 0") }
                if expected.isFinite { (tolerance, fromFile) = (t, false) }
            }
            // A number written with more decimals than the file says every number has keeps its own.
            let decimals = fileDecimals.map { max($0, Claim.writtenDecimals(written) ?? $0) }
            if let decimals, let file = fileDecimals, decimals > file, item["tolerance"] == nil {
                (tolerance, fromFile) = (Claim.defaultTolerance(written), false)
            }
            return Claim(value: value, at: at, expected: expected, written: written, tolerance: tolerance, decimals: decimals,
                         fileTolerance: fromFile)
        }
        self.init(source: source, claims: claims, backward: backward)
    }
}

/// The value of "inf", "-inf" or "nan" (any case), as NumPy and PyTorch print them, with a "+"
/// or spelled out as JavaScript and Excel do ("Infinity"); nil for anything else.
func nonFinite(_ text: String) -> Double? {
    switch text.lowercased() {
    case "inf", "+inf", "infinity", "+infinity": return .infinity
    case "-inf", "-infinity": return -.infinity
    case "nan", "+nan", "-nan": return .nan
    default: return nil
    }
}

/// Whether `text` is a decimal number as a slide prints it: an optional sign, digits with an
/// optional decimal point (".88" and "5." too), and an optional exponent (`e-3`); ASCII only.
func isPlainDecimal(_ text: String) -> Bool {
    var bytes = Substring(text).utf8[...]
    func digits() -> Int {
        let count = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        bytes = bytes.dropFirst(count)
        return count
    }
    if bytes.first == 0x2B || bytes.first == 0x2D { bytes = bytes.dropFirst() }         // + -
    var mantissa = digits()
    if bytes.first == 0x2E { bytes = bytes.dropFirst(); mantissa += digits() }           // .
    guard mantissa > 0 else { return false }
    if bytes.first == 0x65 || bytes.first == 0x45 {                                        // e E
        bytes = bytes.dropFirst()
        if bytes.first == 0x2B || bytes.first == 0x2D { bytes = bytes.dropFirst() }
        guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
}
