// User text echoed in a message (a file name, a flag value, an example name) is escaped, so a
// name with a line break cannot split the one `error:` line that SPEC "Errors" promises.

/// `text` with its control characters and line or paragraph separators written as escapes:
/// `\n`, `\r`, `\t`, and `\u{1B}` for the others (the bidirectional controls among them). Everything else, backslashes included, is kept.
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
    case .control, .lineSeparator, .paragraphSeparator: return true
    // The bidirectional controls, which would show the rest of a line reversed (an error message,
    // a table row); other format characters (the joiners of emoji) are kept.
    case .format: return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        || [0x200E, 0x200F, 0x061C].contains(scalar.value)
    default: return false
    }
}

/// User text echoed in a message, escaped and, beyond `limit` characters (Unicode scalars), cut to
/// its first `limit` followed by "…(N characters)": a megabyte key gives a short one-line message.
public func echoed(_ text: String, limit: Int = 80) -> String {
    let count = text.unicodeScalars.count
    guard count > limit else { return escaped(text) }
    var shown = String.UnicodeScalarView()
    shown.append(contentsOf: text.unicodeScalars.prefix(limit))
    return escaped(String(shown)) + "…(\(count) characters)"
}

// User text inside Markdown (here, not in TraceRender, so that a lesson can quote a token in a sentence).

/// User text (a token, a label, a claims file's source) as Markdown inline text on one line:
/// control characters as visible escapes (`\n`), so a line break cannot end a table row or start
/// a heading; the punctuation that Markdown, GitHub or pandoc read as markup (emphasis, code,
/// links, HTML, math, table cells, entities, strike-through, superscript) backslash-escaped; at
/// most `limit` characters, the rest shown as "…".
public func markdownText(_ text: String, limit: Int? = nil) -> String {
    var plain = escaped(text)
    if let limit, plain.count > limit { plain = String(plain.prefix(max(limit - 1, 0))) + "…" }
    // A backslash too: before a letter pandoc reads a LaTeX command (`\n` would vanish), before a space a non-breaking space.
    let markup: Set<Character> = ["\\", "`", "*", "_", "<", ">", "$", "|", "&", "~", "^", "#"]
    var out = ""
    var characters = plain.makeIterator()
    var next = characters.next()
    while let c = next {
        next = characters.next()
        let escape = switch c {
        // A "[" alone is text; "](", "][" and pandoc's "]{" would make a link or a span.
        case "]": next.map { "([{".contains($0) } ?? true
        default: markup.contains(c)
        }
        if escape { out.append("\\") }
        out.append(c)
    }
    return out
}
