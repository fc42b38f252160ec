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
    /// `scale: "none"`: plain dot-product attention, the scores not divided by √d_k.
    let unscaled: Bool
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
        unscaled = try reader.choice("scale", ["sqrt_dk", "none"]) == "none"
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

/// `torch.nn.MultiheadAttention`'s call and state_dict: `query` (n_q × d_model), `key` and `value`
/// (n_k × d_model, both the query's rows when left out), `num_heads`, `head_dim` (d_model / h when
/// left out, as PyTorch; another value is the paper's general form) and the projections.
struct MultiHeadInput {
    let query: Matrix       // n_q × d_model
    let key: Matrix?        // n_k × d_model; nil: self-attention, the keys come from the query's rows
    let value: Matrix?      // n_k × d_model; nil: the query's rows
    let heads: Int          // h
    let headDim: Int        // d_k, numbers per head
    let headDimGiven: Bool  // false: d_k = d_model / h, PyTorch's only choice
    let wIn: Matrix         // 3·h·d_k × d_model: W_Q, W_K, W_V stacked in rows
    let bIn: Vector?        // 3·h·d_k, zeros when not given
    let wO: Matrix          // d_model × h·d_k
    let bO: Vector?         // d_model, zeros when not given
    let causal: Bool
    let tokens: [String]?   // one per query token
    let gradOutput: Matrix? // n_q × d_model: ∂L/∂output for the backward pass, ones when not given
    /// Labels of the key tokens in cross-attention (a Transformer decoder's memory); numbered when nil.
    var keyTokens: [String]? = nil

    var nQ: Int { query.rows }
    var nK: Int { key?.rows ?? query.rows }
    var dModel: Int { query.cols }
    /// h·d_k: the columns of Q, K, V and of the concatenation (d_model unless head_dim is given).
    var width: Int { heads * headDim }
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
        let givenDim = try reader.integer("head_dim", "numbers per head")
        let headDim: Int
        if let givenDim {
            // The paper's general form: any number of heads of any width, within the widths' limit.
            guard heads >= 1 else { throw reader.fail("num_heads must be a whole number ≥ 1, got \(heads)") }
            guard givenDim >= 1 else { throw reader.fail("head_dim must be a whole number ≥ 1 (numbers per head), got \(givenDim)") }
            try reader.expect(heads * givenDim, "num_heads · head_dim (the columns of Q, K and V)", atMost: AttentionLimits.maxWidth)
            headDim = givenDim
        } else {
            guard heads >= 1, e % heads == 0 else {
                throw reader.fail("num_heads must be a whole number ≥ 1 that divides E = \(e), got \(heads) (or give head_dim, the numbers per head)")
            }
            headDim = e / heads
        }
        let width = heads * headDim
        // The stacked projections' rows: "3E" in PyTorch's own form, 3·num_heads·head_dim in the paper's.
        let (rowsName, colsName) = givenDim == nil ? ("3E", "E") : ("3·num_heads·head_dim", "num_heads·head_dim")
        let wIn = try reader.requiredMatrix("in_proj_weight", "W_Q, W_K, W_V stacked, \(rowsName) × E")
        try reader.expect(wIn, "in_proj_weight", rows: (rowsName, 3 * width), cols: ("E", e))
        let bIn = try reader.vector("in_proj_bias", "\(rowsName) numbers")
        if let bIn { try reader.expect(bIn, "in_proj_bias", count: (rowsName, 3 * width)) }
        let wO = try reader.requiredMatrix("out_proj.weight", "the output projection W_O, E × \(colsName)")
        try reader.expect(wO, "out_proj.weight", rows: ("E", e), cols: (colsName, width))
        let bO = try reader.vector("out_proj.bias", "E numbers")
        if let bO { try reader.expect(bO, "out_proj.bias", count: ("E", e)) }
        (causal, tokens) = try reader.maskAndTokens(count: query.rows, per: "query token (row of query)")
        gradOutput = try reader.matrix("grad_output", "∂L/∂output for the backward pass, L × E")
        if let gradOutput { try reader.expect(gradOutput, "grad_output", rows: ("L (rows of query)", query.rows), cols: ("E", e)) }
        // The projections (D = h·d_k columns) and each head's two L × S products; the trace holds the
        // inputs, Q, K and V (a head's columns are views of them), three L × S tables per head, the average, the mask, the
        // heads' outputs and the concatenation (L × D) and the output (L × E).
        let (ld, sd, ed, hd, dd) = (Double(query.rows), Double(s), Double(e), Double(heads), Double(width))
        let inputs = Double(query.entries.count + (key?.entries.count ?? 0) + (value?.entries.count ?? 0)) + 4 * ed * dd + 3 * dd + ed + 2
        try reader.expectWork(multiplyAdds: (ld + 2 * sd) * ed * dd + 2 * ld * sd * dd + ld * dd * ed + hd * ld * sd,
                              traceNumbers: inputs + (ld + 2 * sd) * dd + 2 * ld * dd + ld * ed + (3 * hd + (causal ? 2 : 1)) * ld * sd)
        (self.query, self.key, self.value, self.heads, self.headDim, self.headDimGiven) = (query, key, value, heads, headDim, givenDim != nil)
        (self.wIn, self.bIn, self.wO, self.bO) = (wIn, bIn, wO, bO)
    }

    /// Columns of head m (1-based) in Q, K, V and the concatenation.
    func columns(ofHead m: Int) -> Range<Int> { ((m - 1) * headDim)..<(m * headDim) }

    // MARK: Labels

    var queryRows: [String] { sequenceLabels(tokens, count: nQ) }
    /// The queries on a figure's axis: `The`, … (or `1`, `2`, …).
    var queryNames: [String] { tokens ?? numberLabels(nQ) }
    /// The key tokens are the query tokens in self-attention, and numbered otherwise.
    var keyRows: [String] { selfAttention ? queryRows : sequenceLabels(keyTokens, count: nK) }
    var keyColumns: [String] { selfAttention ? queryNames : keyTokens ?? (1...max(nK, 1)).map { sharedWords("label key j", ["j": "\($0)"]) } }
    var pairs: Labels { queryKeyTable(queryRows, keyColumns) }
    /// One row per query token, or per key token, with `count` numbered columns.
    func queryTable(_ count: Int) -> Labels { tokenTable(queryRows, columns: numberLabels(count)) }
    func keyTable(_ count: Int) -> Labels { tokenTable(keyRows, columns: numberLabels(count)) }
}
