// Entries picked from another value by position, with no arithmetic: an image cut into patches,
// each patch's pixels laid out as one row (ViT's patchify, `conv_proj`'s view of the image).
// Entry k of the result is entry `indices[k]` (row-major) of the source.
// Backward: each source entry gets back the gradient entries that were picked from it, added
// (`Ungather`); an entry never picked gets 0, one picked once its one entry as it is.

struct Gather: Operation {
    let source: Traced
    /// The row-major entry of `source` each entry of the result copies.
    let indices: [Int]
    /// The rearrangement in LaTeX, `\operatorname{patches}_{2}`, and the way back, `\operatorname{unpatch}_{2}`.
    let name: String
    let inverseName: String

    var operands: [Traced] { [source] }
    var writing: Writing { .view }

    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX("\(name)\\left(\(w.plain(source))\\right)", .atom) }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic { w.entry(source, indices[index]) }

    /// The gradient put back where each entry came from.
    func backward(_ gradient: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        [needs[0] ? ungather(gradient, indices, like: source.value, name: inverseName, inverseName: name) : nil]
    }
}

/// The way back of a `Gather`: entry i of the result is the sum of the gradient's entries k with
/// `indices[k] == i`.
struct Ungather: Operation {
    let gradient: Traced
    let indices: [Int]
    /// Per entry of the result, the gradient's entries put there, in order.
    let picked: [[Int]]
    let name: String
    let inverseName: String
    /// A permutation (every entry picked exactly once) only moves entries; otherwise they add up.
    let writing: Writing

    var operands: [Traced] { [gradient] }

    func latex(_ w: LaTeXWriter) -> LaTeX { LaTeX("\(name)\\left(\(w.plain(gradient))\\right)", .atom) }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        w.sum(picked[index].map { (operand: gradient, index: $0) })
    }

    /// Gathering is the way back of scattering.
    func backward(_ g: Traced, result: Traced, needs: [Bool]) -> [Traced?]? {
        [needs[0] ? gather(g, indices, like: gradient.value, name: inverseName, inverseName: name) : nil]
    }
}

/// The entries `indices` (row-major) of `source` as a `rows` × `cols` matrix; `name` and
/// `inverseName` write the rearrangement and its way back in LaTeX.
public func gather(_ source: Traced, _ indices: [Int], rows: Int, cols: Int, name: String, inverseName: String) -> Traced {
    gather(source, indices, like: .matrix(Matrix.zeros(rows, cols)), name: name, inverseName: inverseName)
}

/// The entries `indices` (row-major) of `source`, as a value shaped like `like`.
func gather(_ source: Traced, _ indices: [Int], like: Value, name: String, inverseName: String) -> Traced {
    precondition(indices.count == like.count, "a gather of \(indices.count) entries into \(like.count)")
    let entries = source.value.flat
    return Traced(like.reshaped(indices.map { entries[$0] }), Gather(source: source, indices: indices, name: name, inverseName: inverseName))
}

/// The way back of `gather`: `gradient`'s entries added into a zero value shaped like `like` at
/// `indices`.
func ungather(_ gradient: Traced, _ indices: [Int], like: Value, name: String, inverseName: String) -> Traced {
    var picked = [[Int]](repeating: [], count: like.count)
    for (k, i) in indices.enumerated() { picked[i].append(k) }
    let g = gradient.value.flat
    let entries = picked.map { $0.reduce(0.0) { $0 + g[$1] } }
    let writing: Writing = picked.allSatisfy { $0.count == 1 } ? .view : .staysWritten
    return Traced(like.reshaped(entries), Ungather(gradient: gradient, indices: indices, picked: picked, name: name, inverseName: inverseName, writing: writing))
}
