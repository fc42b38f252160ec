// How numbers are shown in Markdown: the same on every machine and locale.

import Foundation

/// Number formatting for the Markdown trace.
///
/// Computed values are rounded to `precision` decimals ("0.6457"); numbers the user gave are
/// shown as written when they have no more decimals than that ("0.5", "-1"). A value that
/// rounds to zero never shows a minus sign.
public struct NumberStyle: Sendable {
    public let precision: Int

    public static let maxPrecision = 15

    public init(precision: Int) {
        self.precision = min(max(precision, 0), NumberStyle.maxPrecision)
    }

    /// A computed value: fixed decimals.
    public func fixed(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        // Beyond 10¹⁵ fixed decimals would print up to 309 digits: the exponent form instead.
        if abs(x) >= 1e15 { return String(format: "%.\(precision)e", x) }
        // printf's %f rounds the exact binary value and ignores the locale (Swift never calls setlocale).
        let text = String(format: "%.\(precision)f", x)
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
