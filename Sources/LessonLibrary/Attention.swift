// What the two attention lessons share: their typed inputs, read and checked once (the limits on
// tokens and widths, `causal` and `tokens`), the causal mask, and the labels of token tables and of
// query × key tables and heatmaps.

import LessonInput
import TraceCore

/// The largest sizes accepted, so a typo cannot ask for gigabytes.
enum AttentionLimits {
    static let maxTokens = 960
    static let maxWidth = 1_024
}

extension InputReader {
    /// A required matrix whose rows are tokens, within the limits on tokens and width;
    /// `tokens` and `width` name its rows and columns in the errors.
    mutating func tokenMatrix(_ key: String, _ what: String, tokens: String, width: String) throws -> Matrix {
        let m = try requiredMatrix(key, what)
        try expect(m.rows, tokens, atMost: AttentionLimits.maxTokens)
        try expect(m.cols, width, atMost: AttentionLimits.maxWidth)
        return m
    }

    /// `causal` (false when left out), then `tokens`: one label per row of the queries.
    mutating func maskAndTokens(count: Int, per what: String) throws -> (causal: Bool, tokens: [String]?) {
        let causal = try bool("causal") ?? false
        return (causal, try labels("tokens", count: count, per: what))
    }
}

/// The causal mask: 0 where key j is query i or before it (j ≤ i), −∞ where it comes later.
func causalMask(queries: Int, keys: Int) -> Matrix {                           // queries × keys
    Matrix(rows: queries, cols: keys, entries: (0..<(queries * keys)).map { $0 % keys > $0 / keys ? -Double.infinity : 0 })
}

// MARK: Labels

/// A table with one row per token (`1 · The`) and numbered or given columns.
func tokenTable(_ rows: [String], columns: [String]) -> Labels { Labels(rowHeader: sharedWords("label token"), rows: rows, columns: columns) }

/// A query × key table: rows the queries (`1 · The`), columns the keys (`The`).
func queryKeyTable(_ queries: [String], _ keys: [String]) -> Labels { Labels(rowHeader: sharedWords("label query key"), rows: queries, columns: keys) }

/// A heatmap of a query × key matrix.
func queryKeyHeatmap(_ title: String, _ queries: [String], _ keys: [String], _ values: Traced) -> Heatmap {
    Heatmap(title: title, rows: queries, columns: keys, values: values.value.matrix, rowHeader: sharedWords("label query"), columnHeader: sharedWords("label key"))
}

// MARK: attention-qkv

/// One head in the textbook row convention: `x` (n × d_model) and `w_q`, `w_k`, `w_v`.
struct AttentionInput {
    let x: Matrix           // n × d_model, row i is token i
    let wQ: Matrix          // d_model × d_k
    let wK: Matrix          // d_model × d_k
    let wV: Matrix          // d_model × d_v
    let causal: Bool
    let tokens: [String]?
    let gradOutput: Matrix? // n × d_v: ∂L/∂O for the backward pass, ones when not given

    var n: Int { x.rows }
    var dModel: Int { x.cols }
    var dK: Int { wQ.cols }
    var dV: Int { wV.cols }

    init(_ reader: inout InputReader) throws {
        let x = try reader.tokenMatrix("x", "the token embeddings, one row per token (n × d_model)",
                                       tokens: "the number of tokens (rows of x)", width: "d_model (columns of x)")
        let dModel = x.cols
        let wQ = try reader.requiredMatrix("w_q", "the query weights, d_model × d_k")
        try reader.expect(wQ.cols, "d_k (columns of w_q)", atMost: AttentionLimits.maxWidth)
        let dK = wQ.cols
        try reader.expect(wQ, "w_q", rows: ("d_model", dModel), cols: ("d_k", dK))
        let wK = try reader.requiredMatrix("w_k", "the key weights, d_model × d_k")
        try reader.expect(wK, "w_k", rows: ("d_model", dModel), cols: ("d_k (columns of w_q)", dK))
        let wV = try reader.requiredMatrix("w_v", "the value weights, d_model × d_v")
        try reader.expect(wV.cols, "d_v (columns of w_v)", atMost: AttentionLimits.maxWidth)
        try reader.expect(wV, "w_v", rows: ("d_model", dModel), cols: ("d_v", wV.cols))
        (causal, tokens) = try reader.maskAndTokens(count: x.rows, per: "token (row of x)")
        gradOutput = try reader.matrix("grad_output", "∂L/∂output for the backward pass, n × d_v")
        if let gradOutput { try reader.expect(gradOutput, "grad_output", rows: ("n (rows of x)", x.rows), cols: ("d_v (columns of w_v)", wV.cols)) }
        // The three projections and two n × n products; the trace holds the inputs, Q, K, V, the
        // output, four n × n tables (scores, scaled, exp, weights) and the causal mask.
        let (nd, dd, kd, vd) = (Double(x.rows), Double(dModel), Double(dK), Double(wV.cols))
        try reader.expectWork(multiplyAdds: nd * dd * (2 * kd + vd) + nd * nd * (kd + vd),
                              traceNumbers: nd * dd + dd * (2 * kd + vd) + nd * (2 * kd + 2 * vd + 2) + (causal ? 5 : 4) * nd * nd + 1)
        (self.x, self.wQ, self.wK, self.wV) = (x, wQ, wK, wV)
    }

    // MARK: Labels

    /// Table rows: `1 · The`, ….
    var tokenRows: [String] { sequenceLabels(tokens, count: n) }
    /// Columns and figure axes: `The`, … (or `1`, `2`, … without tokens).
    var tokenNames: [String] { tokens ?? numberLabels(n) }
    /// One row per token, `count` numbered columns.
    func perToken(_ count: Int) -> Labels { tokenTable(tokenRows, columns: numberLabels(count)) }
    /// A weight matrix: one row per embedding number, `count` numbered columns.
    func weightLabels(_ count: Int) -> Labels { Labels(rowHeader: sharedWords("label input"), rows: numberLabels(dModel), columns: numberLabels(count)) }
    /// One number per query.
    var queryLabels: Labels { Labels(rowHeader: sharedWords("label query"), rows: tokenRows) }
    var pairs: Labels { queryKeyTable(tokenRows, tokenNames) }
}

// MARK: multi-head-attention

/// `torch.nn.MultiheadAttention`'s call and state_dict: `query` (L × E), `key` and `value`
/// (S × E, both the query's rows when left out), `num_heads`, and the projections.
struct MultiHeadInput {
    let query: Matrix       // L × E
    let key: Matrix?        // S × E; nil: self-attention, the keys come from the query's rows
    let value: Matrix?      // S × E; nil: the query's rows
    let heads: Int
    let wIn: Matrix         // 3E × E: W_Q, W_K, W_V stacked in rows
    let bIn: Vector?        // 3E, zeros when not given
    let wO: Matrix          // E × E
    let bO: Vector?         // E, zeros when not given
    let causal: Bool
    let tokens: [String]?   // one per query token
    let gradOutput: Matrix? // L × E: ∂L/∂output for the backward pass, ones when not given

    var l: Int { query.rows }
    var s: Int { key?.rows ?? query.rows }
    var e: Int { query.cols }
    var headDim: Int { e / heads }
    var selfAttention: Bool { key == nil }

    init(_ reader: inout InputReader) throws {
        let query = try reader.tokenMatrix("query", "the queries' inputs, L × E",
                                           tokens: "the number of query tokens (rows of query)",
                                           width: "the embedding size E (columns of query)")
        let e = query.cols
        let key = try reader.matrix("key", "S × E, one row per key token")
        if let key {
            try reader.expect(key.rows, "the number of key tokens (rows of key)", atMost: AttentionLimits.maxTokens)
            try reader.expect(key, "key", rows: ("S", key.rows), cols: ("E (columns of query)", e))
        }
        let s = key?.rows ?? query.rows
        let value = try reader.matrix("value", "S × E, one row per key token")
        try reader.expect(value ?? query, value == nil ? "value (which defaults to query)" : "value",
                          rows: ("S (rows of key)", s), cols: ("E", e))
        let heads = try reader.required(try reader.integer("num_heads", "how many heads"), "num_heads", "how many heads, a whole number dividing E")
        guard heads >= 1, e % heads == 0 else {
            throw reader.fail("num_heads must be a whole number ≥ 1 that divides E = \(e), got \(heads)")
        }
        let wIn = try reader.requiredMatrix("in_proj_weight", "W_Q, W_K, W_V stacked, 3E × E")
        try reader.expect(wIn, "in_proj_weight", rows: ("3E", 3 * e), cols: ("E", e))
        let bIn = try reader.vector("in_proj_bias", "3E numbers")
        if let bIn { try reader.expect(bIn, "in_proj_bias", count: ("3E", 3 * e)) }
        let wO = try reader.requiredMatrix("out_proj.weight", "the output projection W_O, E × E")
        try reader.expect(wO, "out_proj.weight", rows: ("E", e), cols: ("E", e))
        let bO = try reader.vector("out_proj.bias", "E numbers")
        if let bO { try reader.expect(bO, "out_proj.bias", count: ("E", e)) }
        (causal, tokens) = try reader.maskAndTokens(count: query.rows, per: "query token (row of query)")
        gradOutput = try reader.matrix("grad_output", "∂L/∂output for the backward pass, L × E")
        if let gradOutput { try reader.expect(gradOutput, "grad_output", rows: ("L (rows of query)", query.rows), cols: ("E", e)) }
        // The projections and each head's two L × S products; the trace holds the inputs, Q, K, V
        // and their slices, three L × S tables per head, the average, the mask, and three L × E values.
        let (ld, sd, ed, hd) = (Double(query.rows), Double(s), Double(e), Double(heads))
        let inputs = Double(query.entries.count + (key?.entries.count ?? 0) + (value?.entries.count ?? 0)) + 4 * ed * ed + 4 * ed + 2
        try reader.expectWork(multiplyAdds: (ld + 2 * sd) * ed * ed + 2 * ld * sd * ed + ld * ed * ed + hd * ld * sd,
                              traceNumbers: inputs + 2 * (ld + 2 * sd) * ed + 3 * ld * ed + (3 * hd + (causal ? 2 : 1)) * ld * sd)
        (self.query, self.key, self.value, self.heads) = (query, key, value, heads)
        (self.wIn, self.bIn, self.wO, self.bO) = (wIn, bIn, wO, bO)
    }

    /// Columns of head k (1-based) in Q, K, V and the concatenation.
    func columns(ofHead k: Int) -> Range<Int> { ((k - 1) * headDim)..<(k * headDim) }

    // MARK: Labels

    var queryRows: [String] { sequenceLabels(tokens, count: l) }
    /// The queries on a figure's axis: `The`, … (or `1`, `2`, …).
    var queryNames: [String] { tokens ?? numberLabels(l) }
    /// The key tokens are the query tokens in self-attention, and numbered otherwise.
    var keyRows: [String] { selfAttention ? queryRows : sequenceLabels(nil, count: s) }
    var keyColumns: [String] { selfAttention ? queryNames : (1...max(s, 1)).map { sharedWords("label key j", ["j": "\($0)"]) } }
    var features: [String] { numberLabels(e) }
    var pairs: Labels { queryKeyTable(queryRows, keyColumns) }
    /// One row per query token, or per key token.
    func queryTable(_ columns: [String]) -> Labels { tokenTable(queryRows, columns: columns) }
    func keyTable(_ columns: [String]) -> Labels { tokenTable(keyRows, columns: columns) }
    /// Rows of `in_proj_weight` and `in_proj_bias`: `q₁ … q_E, k₁ …, v₁ …`.
    var stackedRows: [String] { ["q", "k", "v"].flatMap { letter in (1...e).map { "\(letter)\(subscripted($0))" } } }
    var inProjLabels: Labels { Labels(rowHeader: sharedWords("label row"), rows: stackedRows, columns: features) }
    var inBiasLabels: Labels { Labels(rowHeader: sharedWords("label row"), rows: stackedRows) }
    var outProjLabels: Labels { Labels(rowHeader: sharedWords("label row"), rows: features, columns: features) }
    var outBiasLabels: Labels { Labels(rowHeader: sharedWords("label entry")) }
}
