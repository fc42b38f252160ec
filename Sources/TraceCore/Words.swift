// A lesson's words kept apart from its mathematics: titles, meanings and prose in one table per
// lesson, keyed by value name ("f[t]") or by a name for the paragraph ("convention"). Slots such
// as «t» and «t-1» are filled in when the words are used, so a second language is another table
// with the same keys: the Korean table sits beside the English one (`korean:`), in its own file,
// and `Language.current` picks the table. A key the Korean table lacks shows as ⟦…⟧, which the
// tests catch: never a silent English fallback.

/// The language of a note's words (SPEC "Korean notes"); numbers, names and equations are the same in both.
public enum Language: String, Sendable, CaseIterable {
    case en, ko

    /// The language the words of the trace being made are in: set around a run with
    /// `Language.$current.withValue(.ko) { … }`, English otherwise.
    @TaskLocal public static var current: Language = .en
}

public struct Words: Sendable {
    /// One language's words: paragraphs and captions by key.
    struct Table: Sendable {
        var text: [String: String]
        var captions: [String: Caption]
    }

    private let english: Table
    private let korean: Table?
    /// The English entries with no words in them (an equation, a symbol): every language uses them as they are.
    private let neutral: Table
    /// Keys given twice: a slip a test catches (a dictionary literal would trap on it instead).
    let duplicates: [String]

    /// `captions`: value name → (title, meaning); `text`: paragraph name → Markdown; `korean`: the
    /// same keys in Korean.
    public init(captions: KeyValuePairs<String, (String, String)> = [:], text: KeyValuePairs<String, String> = [:], korean: Words? = nil) {
        var seen: [String: Int] = [:]
        for key in captions.map(\.key) + text.map(\.key) { seen[key, default: 0] += 1 }
        duplicates = seen.filter { $0.value > 1 }.map(\.key).sorted() + (korean?.duplicates ?? []).map { "ko: " + $0 }
        english = Table(text: Dictionary(text.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }),
                        captions: Dictionary(captions.map { ($0.key, Caption(title: $0.value.0, meaning: $0.value.1)) }, uniquingKeysWith: { a, _ in a }))
        self.korean = korean?.english
        neutral = Table(text: english.text.filter { Self.hasNoWords($0.value) },
                        captions: english.captions.filter { Self.hasNoWords($0.value.title) && Self.hasNoWords($0.value.meaning) })
    }

    /// The table of the current language.
    private var table: Table? { Language.current == .ko ? korean : english }

    /// The paragraph `key` with its slots filled.
    public func callAsFunction(_ key: String, _ slots: [String: String] = [:]) -> String {
        guard let words = table?.text[key] ?? neutral.text[key] else { return Self.missing(key) }
        return Self.fill(words, slots)
    }

    /// The caption of value `key` with its slots filled.
    public func caption(_ key: String, _ slots: [String: String] = [:]) -> Caption {
        guard let caption = table?.captions[key] ?? neutral.captions[key] else { return Caption(title: Self.missing(key), meaning: Self.missing(key)) }
        return Caption(title: Self.fill(caption.title, slots), meaning: Self.fill(caption.meaning, slots))
    }

    /// The paragraph `key` with its slots filled, or nil when there is none (an example's own words).
    /// Whether there is one is the English table's say; a Korean table that lacks it shows ⟦…⟧.
    public func text(_ key: String, _ slots: [String: String] = [:]) -> String? {
        guard english.text[key] != nil else { return nil }
        return callAsFunction(key, slots)
    }

    /// Whether there is a caption under `key`.
    public func hasCaption(_ key: String) -> Bool { english.captions[key] != nil }

    /// Every key, for tests.
    var keys: [String] { Array(english.text.keys) + Array(english.captions.keys) }

    /// Each language's words by key (a caption as its title and meaning, joined by a newline), for tests.
    func entries(_ language: Language) -> [String: String]? {
        guard let table = language == .ko ? korean : english else { return nil }
        return table.text.merging(table.captions.mapValues { $0.title + "\n" + $0.meaning }) { a, _ in a }
    }

    /// Whether `words` says nothing in any language: what is left without its math ($…$, LaTeX
    /// commands, the names in \operatorname{…} and \begin{…}, a \text{…} in a sub- or superscript;
    /// not other \text{…}, which is words), code (`…`) and slots («…») has no run of three letters.
    static func hasNoWords(_ words: String) -> Bool {
        var rest = ""
        var skipping: Character? = nil
        var chars = Array(words)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let end = skipping {
                if c == end { skipping = nil }
            } else if c == "$" || c == "`" {
                skipping = c
            } else if c == "«" {
                skipping = "»"
            } else if c == "\\" {
                // A command and, for the text-like ones, its braced argument.
                var j = i + 1
                while j < chars.count, chars[j].isLetter { j += 1 }
                let name = String(chars[(i + 1)..<j])
                // A \text{…} in a subscript or superscript is a label of the symbol: x_{\text{pos}}.
                let scripted = name == "text" && i >= 2 && chars[i - 1] == "{" && (chars[i - 2] == "_" || chars[i - 2] == "^")
                if scripted || ["operatorname", "mathrm", "mathit", "mathbf", "begin", "end"].contains(name), j < chars.count, chars[j] == "{" {
                    while j < chars.count, chars[j] != "}" { j += 1 }
                    j += 1
                }
                i = j
                rest.append(" ")
                continue
            } else {
                rest.append(c)
            }
            i += 1
        }
        chars = Array(rest)
        var run = 0
        for c in chars {
            run = c.isLetter ? run + 1 : 0
            if run >= 3 { return false }
        }
        return true
    }

    /// The slot names «…» in `words`, for tests.
    static func slots(in words: String) -> Set<String> {
        var found: Set<String> = []
        var rest = words[...]
        while let open = rest.range(of: "«"), let close = rest[open.upperBound...].range(of: "»") {
            found.insert(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// What a missing key shows: visible in the note, and caught by the tests, never a trap.
    static func missing(_ key: String) -> String {
        Language.current == .en ? "⟦no words for \(key)⟧" : "⟦no \(Language.current.rawValue) words for \(key)⟧"
    }

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
