// Building JSON values in code: the built-in examples and the JSON trace.

extension JSON {
    /// An array of numbers.
    public static func numbers(_ xs: [Double]) -> JSON { .array(xs.map { .number($0) }) }
    /// An array of rows of numbers.
    public static func rows(_ rows: [[Double]]) -> JSON { .array(rows.map { .numbers($0) }) }
    /// An array of strings.
    public static func strings(_ xs: [String]) -> JSON { .array(xs.map { .string($0) }) }
    /// An object from key–value pairs, in this order.
    public static func fields(_ pairs: KeyValuePairs<String, JSON>) -> JSON { .object(pairs.map { JSONMember($0.key, $0.value) }) }
}
