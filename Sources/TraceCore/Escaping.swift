// User text echoed in a message (a file name, a flag value, an example name) is escaped, so a
// name with a line break cannot split the one `error:` line that SPEC "Errors" promises.

/// `text` with its control characters and line or paragraph separators written as escapes:
/// `\n`, `\r`, `\t`, and `\u{1B}` for the others. Everything else, backslashes included, is kept.
public func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where needsEscape(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

private func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator: true
    default: false
    }
}
