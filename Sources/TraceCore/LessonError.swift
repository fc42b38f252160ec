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

/// The closest of `candidates` to `word` by edit distance, if it is close enough to be a likely typo.
public func closest(to word: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
    let w = Array(word.lowercased())
    let scored = candidates.map { (candidate: $0, distance: distance(w, Array($0.lowercased()))) }
    guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
    return best.distance <= max(2, w.count / 3) ? best.candidate : nil
}

/// " (did you mean 'x'?)" or "".
public func suggestion(for word: String, in candidates: [String]) -> String {
    closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
}
