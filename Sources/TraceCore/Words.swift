// A lesson's words kept apart from its mathematics: titles, meanings and prose in one table per
// lesson, keyed by value name ("f[t]") or by a name for the paragraph ("convention"). Slots such
// as «t» and «t-1» are filled in when the words are used, so a second language is another table
// with the same keys.

public struct Words: Sendable {
    private let text: [String: String]
    private let captions: [String: Caption]
    /// Keys given twice: a slip a test catches (a dictionary literal would trap on it instead).
    let duplicates: [String]

    /// `captions`: value name → (title, meaning); `text`: paragraph name → Markdown.
    public init(captions: KeyValuePairs<String, (String, String)> = [:], text: KeyValuePairs<String, String> = [:]) {
        var seen: [String: Int] = [:]
        for key in captions.map(\.key) + text.map(\.key) { seen[key, default: 0] += 1 }
        duplicates = seen.filter { $0.value > 1 }.map(\.key).sorted()
        self.captions = Dictionary(captions.map { ($0.key, Caption(title: $0.value.0, meaning: $0.value.1)) }, uniquingKeysWith: { a, _ in a })
        self.text = Dictionary(text.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// The paragraph `key` with its slots filled.
    public func callAsFunction(_ key: String, _ slots: [String: String] = [:]) -> String {
        guard let words = text[key] else { return Self.missing(key) }
        return Self.fill(words, slots)
    }

    /// The caption of value `key` with its slots filled.
    public func caption(_ key: String, _ slots: [String: String] = [:]) -> Caption {
        guard let caption = captions[key] else { return Caption(title: Self.missing(key), meaning: Self.missing(key)) }
        return Caption(title: Self.fill(caption.title, slots), meaning: Self.fill(caption.meaning, slots))
    }

    /// The paragraph `key` with its slots filled, or nil when there is none (an example's own words).
    public func text(_ key: String, _ slots: [String: String] = [:]) -> String? {
        text[key].map { Self.fill($0, slots) }
    }

    /// Whether there is a caption under `key`.
    public func hasCaption(_ key: String) -> Bool { captions[key] != nil }

    /// Every key, for tests.
    var keys: [String] { Array(text.keys) + Array(captions.keys) }

    /// What a missing key shows: visible in the note, and caught by the tests, never a trap.
    static func missing(_ key: String) -> String { "⟦no words for \(key)⟧" }

    /// One pass over `words`: each «name» with a slot is replaced by its value (values are not
    /// read again, so a value holding «…» stays as it is); an unknown «name» is left as written.
    private static func fill(_ words: String, _ slots: [String: String]) -> String {
        // Searched byte by byte in UTF-8 («» are C2 AB and C2 BB): a lesson fills thousands of captions.
        let bytes = Array(words.utf8)
        guard let first = marker(0xAB, in: bytes, from: 0) else { return words }
        var filled: [UInt8] = []
        filled.reserveCapacity(bytes.count)
        var position = 0
        var open: Int? = first
        while let start = open, let end = marker(0xBB, in: bytes, from: start + 2) {
            filled += bytes[position..<start]
            let name = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
            if let value = slots[name] { filled += value.utf8 } else { filled += bytes[start..<(end + 2)] }
            position = end + 2
            open = marker(0xAB, in: bytes, from: position)
        }
        filled += bytes[position...]
        return String(decoding: filled, as: UTF8.self)
    }

    /// The index of the next `C2 second` pair (« or ») in `bytes` from `from`.
    private static func marker(_ second: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i + 1 < bytes.count {
            if bytes[i] == 0xC2 && bytes[i + 1] == second { return i }
            i += 1
        }
        return nil
    }
}
