// The numbers a lesson works on: vectors and matrices of Double, and `Value`, which is either.
// Plain value types with a few honest operations; recording lives in Traced.swift.

/// A column vector of Doubles (PyTorch's 1-D tensor).
public struct Vector: Equatable, Sendable {
    public var entries: [Double]

    public init(_ entries: [Double]) { self.entries = entries }
    public static func zeros(_ count: Int) -> Vector { Vector(Array(repeating: 0, count: count)) }

    public var count: Int { entries.count }
    public subscript(i: Int) -> Double { entries[i] }

    /// Entries `range` as a shorter vector (a gate's slice of a stacked vector).
    func slice(_ range: Range<Int>) -> Vector { Vector(Array(entries[range])) }
}

/// A row-major matrix of Doubles (PyTorch's 2-D tensor: `rows × cols`).
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let cols: Int
    public var entries: [Double]

    public init(rows: Int, cols: Int, entries: [Double]) {
        precondition(entries.count == rows * cols, "matrix entries must be rows × cols")
        self.rows = rows
        self.cols = cols
        self.entries = entries
    }

    static func zeros(_ rows: Int, _ cols: Int) -> Matrix {
        Matrix(rows: rows, cols: cols, entries: Array(repeating: 0, count: rows * cols))
    }

    public subscript(r: Int, c: Int) -> Double { entries[r * cols + c] }

    public func row(_ r: Int) -> Vector { Vector(Array(entries[(r * cols)..<((r + 1) * cols)])) }

    /// Rows `range` (a gate's block of a stacked weight matrix).
    func rowSlice(_ range: Range<Int>) -> Matrix {
        Matrix(rows: range.count, cols: cols, entries: Array(entries[(range.lowerBound * cols)..<(range.upperBound * cols)]))
    }

    /// Columns `range` (one head's share of a projection).
    func columnSlice(_ range: Range<Int>) -> Matrix {
        var out: [Double] = []
        out.reserveCapacity(rows * range.count)
        for r in 0..<rows { out += entries[(r * cols + range.lowerBound)..<(r * cols + range.upperBound)] }
        return Matrix(rows: rows, cols: range.count, entries: out)
    }

    var transposed: Matrix {
        var out = [Double](repeating: 0, count: rows * cols)
        for r in 0..<rows { for c in 0..<cols { out[c * rows + r] = self[r, c] } }
        return Matrix(rows: cols, cols: rows, entries: out)
    }
}

/// A scalar, a vector or a matrix: what a trace step holds.
public enum Value: Equatable, Sendable {
    case scalar(Double)
    case vector(Vector)
    case matrix(Matrix)

    /// `[]`, `[n]` or `[rows, cols]`, as in the JSON trace.
    public var shape: [Int] {
        switch self {
        case .scalar: return []
        case .vector(let v): return [v.count]
        case .matrix(let m): return [m.rows, m.cols]
        }
    }

    /// All entries, row-major.
    public var flat: [Double] {
        switch self {
        case .scalar(let x): return [x]
        case .vector(let v): return v.entries
        case .matrix(let m): return m.entries
        }
    }

    public var count: Int { flat.count }

    /// The matrix, or the vector as a column, or the scalar as 1 × 1.
    public var matrix: Matrix {
        switch self {
        case .scalar(let x): return Matrix(rows: 1, cols: 1, entries: [x])
        case .vector(let v): return Matrix(rows: v.count, cols: 1, entries: v.entries)
        case .matrix(let m): return m
        }
    }

    /// The same shape with other entries (row-major).
    func reshaped(_ entries: [Double]) -> Value {
        switch self {
        case .scalar: return .scalar(entries[0])
        case .vector: return .vector(Vector(entries))
        case .matrix(let m): return .matrix(Matrix(rows: m.rows, cols: m.cols, entries: entries))
        }
    }

    /// Applies `f` to every entry.
    func map(_ f: (Double) -> Double) -> Value { reshaped(flat.map(f)) }

    /// Combines two values of the same shape entry by entry; a scalar combines with every entry.
    func zip(_ other: Value, _ f: (Double, Double) -> Double) -> Value {
        switch (self, other) {
        case (.scalar(let a), _): return other.map { f(a, $0) }
        case (_, .scalar(let b)): return map { f($0, b) }
        default:
            precondition(shape == other.shape, "shapes \(shape) and \(other.shape) differ")
            let (a, b) = (flat, other.flat)
            return reshaped([Double](unsafeUninitializedCapacity: a.count) { buffer, count in
                for i in 0..<a.count { buffer[i] = f(a[i], b[i]) }
                count = a.count
            })
        }
    }

    /// The product with this matrix transposed, Aᵀ B (B a vector or a matrix), without copying A.
    func productTransposingLeft(_ other: Value) -> Value {
        guard case .matrix(let a) = self else { preconditionFailure("left factor of a product must be a matrix") }
        let (bCols, b): (Int, [Double]) = {
            switch other {
            case .vector(let v): return (1, v.entries)
            case .matrix(let m): return (m.cols, m.entries)
            case .scalar: preconditionFailure("right factor of a product must be a vector or a matrix")
            }
        }()
        precondition(b.count == a.rows * bCols, "product of (\(a.rows)×\(a.cols))ᵀ and \(other.shape)")
        var out = [Double](repeating: 0, count: a.cols * bCols)
        out.withUnsafeMutableBufferPointer { o in
            a.entries.withUnsafeBufferPointer { m in
                b.withUnsafeBufferPointer { g in
                    for k in 0..<a.rows {
                        if bCols == 1 {
                            // Aᵀ g for a vector g: row k of A scaled by g_k, added in (a loop the processor runs wide).
                            let gk = g[k]
                            for r in 0..<a.cols { o[r] += m[k * a.cols + r] * gk }
                            continue
                        }
                        for r in 0..<a.cols {
                            let x = m[k * a.cols + r]
                            for c in 0..<bCols { o[r * bCols + c] += x * g[k * bCols + c] }
                        }
                    }
                }
            }
        }
        if case .vector = other { return .vector(Vector(out)) }
        return .matrix(Matrix(rows: a.cols, cols: bCols, entries: out))
    }

    /// Matrix product: matrix × vector or matrix × matrix.
    func product(_ other: Value) -> Value {
        guard case .matrix(let a) = self else { preconditionFailure("left factor of a product must be a matrix") }
        switch other {
        case .vector(let v):
            precondition(a.cols == v.count, "product of \(a.rows)×\(a.cols) and \(v.count)")
            // Through buffers, as a long sequence does this at every step, and in four running sums
            // (k mod 4) added at the end, which the processor can carry at once: the same numbers to
            // the last bit or two, in the same order on every machine.
            let out = [Double](unsafeUninitializedCapacity: a.rows) { buffer, count in
                a.entries.withUnsafeBufferPointer { m in
                    v.entries.withUnsafeBufferPointer { x in
                        let n = a.cols
                        guard let base = m.baseAddress else { for r in 0..<a.rows { buffer[r] = 0 }; return }
                        for r in 0..<a.rows {
                            let row = base + r * n
                            var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
                            var k = 0
                            while k + 4 <= n {
                                s0 += row[k] * x[k]; s1 += row[k + 1] * x[k + 1]
                                s2 += row[k + 2] * x[k + 2]; s3 += row[k + 3] * x[k + 3]
                                k += 4
                            }
                            while k < n { s0 += row[k] * x[k]; k += 1 }
                            buffer[r] = (s0 + s1) + (s2 + s3)
                        }
                    }
                }
                count = a.rows
            }
            return .vector(Vector(out))
        case .matrix(let b):
            precondition(a.cols == b.rows, "product of \(a.rows)×\(a.cols) and \(b.rows)×\(b.cols)")
            var out = [Double](repeating: 0, count: a.rows * b.cols)
            for r in 0..<a.rows {
                for k in 0..<a.cols {
                    let x = a[r, k]
                    for c in 0..<b.cols { out[r * b.cols + c] += x * b[k, c] }
                }
            }
            return .matrix(Matrix(rows: a.rows, cols: b.cols, entries: out))
        case .scalar:
            preconditionFailure("right factor of a product must be a vector or a matrix")
        }
    }
}

// MARK: Arrays of more than two axes

// A value with k > 2 axes (SPEC: "a 3-D array is an array of matrices") is computed as a matrix
// whose rows run over all axes but the trailing ones, row-major: B × T × D as (B·T) × D, or
// E × C × P × P as E × (C·P·P) for a product. Its shape is kept beside it (`Labels.shape`); the
// entries, row-major, are the same however the axes are split between rows and columns.

/// The 1-based indices of entry `index` (row-major) of an array of `shape`: (2, 1, 3).
public func indices(of index: Int, in shape: [Int]) -> [Int] {
    var rest = index
    var out = [Int](repeating: 0, count: shape.count)
    for axis in shape.indices.reversed() {
        let size = max(shape[axis], 1)
        out[axis] = rest % size + 1
        rest /= size
    }
    return out
}

/// The row-major position of the entry at 1-based `at` (as many indices as `shape` has axes).
public func entryIndex(_ at: [Int], in shape: [Int]) -> Int {
    zip(at, shape).reduce(0) { $0 * $1.1 + ($1.0 - 1) }
}

/// How many leading axes of `shape` the rows of a `rows`-row matrix run over: the most that fit
/// (so the columns are the last axis when they can be).
public func rowAxes(of shape: [Int], rows: Int) -> Int {
    guard shape.count > 2 else { return shape.count == 2 ? 1 : 0 }
    return (0..<shape.count).reversed().first { shape[..<$0].reduce(1, *) == rows } ?? shape.count - 1
}
