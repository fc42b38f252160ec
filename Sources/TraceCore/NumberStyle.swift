// How numbers are shown in Markdown: the same on every machine and locale.

import Foundation

/// Number formatting for the Markdown trace.
///
/// Computed values are rounded to `precision` decimals ("0.6457"); numbers the user gave are
/// shown as written when they have no more decimals than that ("0.5", "-1"). A value that
/// rounds to zero never shows a minus sign.
public struct NumberStyle: Sendable {
    public let precision: Int
    /// Nonzero computed values smaller than this in magnitude are shown in exponent form with
    /// `precision` decimals (a learning rate's 1.7469e-07, not 0.0000); nil: never.
    public let exponentBelow: Double?

    public static let maxPrecision = 15

    public init(precision: Int, exponentBelow: Double? = nil) {
        self.precision = min(max(precision, 0), NumberStyle.maxPrecision)
        self.exponentBelow = exponentBelow
    }

    /// A computed value: fixed decimals.
    public func fixed(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        // Beyond 10¹⁵ fixed decimals would print up to 309 digits: the exponent form instead.
        if abs(x) >= 1e15 { return String(format: "%.\(precision)e", x) }
        if let small = exponentBelow, x != 0, abs(x) < small { return String(format: "%.\(precision)e", x) }
        // printf's %f rounds the exact binary value and ignores the locale (Swift never calls setlocale);
        // `exactFixed` does the same arithmetic without Foundation's formatting, which a long note
        // calls hundreds of thousands of times.
        let text = exactFixed(x, precision)
        if text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// A number the user gave: as written if it has at most `precision` decimals, else fixed.
    public func given(_ x: Double) -> String {
        guard x.isFinite else { return fixed(x) }
        if x == 0 { return "0" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        let text = x.description  // shortest round-trip form
        // A small number written like 1e-05 stays as written rather than rounding to 0.0000, a
        // huge one like 1e+20 rather than spelling out 21 digits.
        if text.contains("e") { return text }
        guard let dot = text.firstIndex(of: ".") else { return fixed(x) }
        return text.distance(from: dot, to: text.endIndex) - 1 <= precision ? text : fixed(x)
    }

    /// A computed value or a given one.
    public func number(_ x: Double, given: Bool) -> String { given ? self.given(x) : fixed(x) }
}

/// A number used as a label (a position in a row label): as the user wrote it, like an input.
public func numberLabel(_ x: Double) -> String { NumberStyle(precision: 4).given(x) }

/// `x` with `decimals` decimals, as printf's `%.Nf` writes it: the exact binary value rounded to
/// nearest, ties to even. For |x| < 10¹⁵ and at most 15 decimals, where x·10^N < 2¹⁰⁰.
func exactFixed(_ x: Double, _ decimals: Int) -> String {
    let magnitude = abs(x)
    // x = m·2^e exactly, so x·10^N = m·5^N·2^(e+N): a 128-bit integer, shifted.
    let m = magnitude.isNormal ? magnitude.significandBitPattern | (1 << 52) : magnitude.significandBitPattern
    let e = magnitude.isNormal ? Int(magnitude.exponent) - 52 : -1074
    var five: UInt64 = 1
    for _ in 0..<decimals { five *= 5 }
    let product = m.multipliedFullWidth(by: five)
    var value = Wide(high: product.high, low: product.low)
    let shift = e + decimals
    if shift >= 0 {
        value = value.shiftedLeft(shift)
    } else {
        let (quotient, remainder, half) = value.splitRight(-shift)
        value = quotient
        if remainder > half || (remainder == half && value.low & 1 == 1) { value = value.plusOne }
    }
    var digits = value.decimalDigits
    if digits.count <= decimals { digits = [UInt8](repeating: UInt8(ascii: "0"), count: decimals + 1 - digits.count) + digits }
    var text = x.sign == .minus ? "-" : ""
    text += String(decoding: digits[..<(digits.count - decimals)], as: UTF8.self)
    if decimals > 0 { text += "." + String(decoding: digits[(digits.count - decimals)...], as: UTF8.self) }
    return text
}

/// An unsigned 128-bit integer as two words, with the few operations `exactFixed` needs.
private struct Wide: Comparable {
    var high: UInt64
    var low: UInt64

    static func < (a: Wide, b: Wide) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }

    func shiftedLeft(_ n: Int) -> Wide {
        guard n > 0 else { return self }
        if n >= 128 { return Wide(high: 0, low: 0) }
        if n >= 64 { return Wide(high: low << (n - 64), low: 0) }
        return Wide(high: (high << n) | (low >> (64 - n)), low: low << n)
    }

    func shiftedRight(_ n: Int) -> Wide {
        guard n > 0 else { return self }
        if n >= 128 { return Wide(high: 0, low: 0) }
        if n >= 64 { return Wide(high: 0, low: high >> (n - 64)) }
        return Wide(high: high >> n, low: (low >> n) | (high << (64 - n)))
    }

    /// self >> n, the bits shifted out, and half of 2^n (what rounding compares them with).
    func splitRight(_ n: Int) -> (quotient: Wide, remainder: Wide, half: Wide) {
        let quotient = shiftedRight(n)
        let remainder = n >= 128 ? self : Wide(high: high & Wide.mask(n - 64), low: n >= 64 ? low : low & Wide.mask(n))
        let half = n > 128 ? Wide(high: UInt64.max, low: UInt64.max) : Wide(high: 0, low: 1).shiftedLeft(n - 1)
        return (quotient, remainder, half)
    }

    /// The low `n` bits set (none for n ≤ 0, all for n ≥ 64).
    private static func mask(_ n: Int) -> UInt64 { n <= 0 ? 0 : n >= 64 ? .max : (1 << n) - 1 }

    var plusOne: Wide { low == .max ? Wide(high: high + 1, low: 0) : Wide(high: high, low: low + 1) }

    /// The decimal digits, most significant first ("0" for zero).
    var decimalDigits: [UInt8] {
        var digits: [UInt8] = []
        var rest = self
        repeat {
            let highPart = rest.high.quotientAndRemainder(dividingBy: 10)
            let lowPart = UInt64(10).dividingFullWidth((high: highPart.remainder, low: rest.low))
            digits.append(UInt8(ascii: "0") + UInt8(lowPart.remainder))
            rest = Wide(high: highPart.quotient, low: lowPart.quotient)
        } while rest.high != 0 || rest.low != 0
        return digits.reversed()
    }
}
