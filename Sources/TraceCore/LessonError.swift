// Every way a run can fail, with the exit codes of SPEC "Errors" (BSD sysexits).

/// A failure the user can act on: printed as one `error:` line, then the program exits with `code`.
public struct LessonError: Error, Equatable, Sendable {
    public enum Code: Int32, Sendable {
        /// Claims that do not hold, or `render --check` finding stale files.
        case failed = 1
        /// Unknown lesson, example or flag; a bad flag value.
        case usage = 64
        /// Malformed JSON, wrong shapes, unknown fields, sizes beyond the limits.
        case data = 65
        /// An input file that cannot be read.
        case noInput = 66
        /// An output that cannot be written.
        case cantCreate = 73
    }

    public let code: Code
    /// The message after `error: `, naming the file, the field and what was expected.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func data(_ file: String, _ message: String) -> LessonError { LessonError(.data, "\(escaped(file)): \(message)") }
}

/// The closest of `candidates` to `word` by edit distance, if it is close enough to be a likely typo:
/// within `max(2, length / 3)` edits, compared case-insensitively by Characters.
///
/// The work is bounded whatever the text: a word or candidate longer than `maxSuggestedLength`
/// is never a typo of a name, and a candidate whose length differs by more than the allowed edits
/// is skipped before comparing (the distance is at least the difference), so each comparison costs
/// at most `maxSuggestedLength`² steps.
public func closest(to word: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        var current = previous
        for (i, ca) in a.enumerated() {
            current[0] = i + 1
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
    // Characters of a name short enough to compare, else nil; the UTF-8 count bounds it cheaply first.
    func letters(_ text: String) -> [Character]? {
        guard text.utf8.count <= 4 * maxSuggestedLength else { return nil }
        let letters = Array(text.lowercased())
        return letters.count <= maxSuggestedLength ? letters : nil
    }
    guard let w = letters(word) else { return nil }
    let allowed = max(2, w.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        // Fewer UTF-8 bytes than w.count − allowed means too few Characters: skipped undecoded.
        guard candidate.utf8.count >= w.count - allowed, let c = letters(candidate), abs(c.count - w.count) <= allowed else { continue }
        let d = distance(w, c)
        if d <= allowed && d < (best?.distance ?? .max) { best = (candidate, d) }
    }
    return best?.candidate
}

/// The longest word `closest(to:in:)` compares, in Characters: far above any name it suggests.
public let maxSuggestedLength = 200

/// " (did you mean 'x'?)" or "".
public func suggestion(for word: String, in candidates: [String]) -> String {
    closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
}
