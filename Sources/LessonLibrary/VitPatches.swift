// vit-patches: the input of a Vision Transformer: an image cut into patches, each patch projected
// to a token, a class token put first, position embeddings added.
//
// Convention (torchvision.models.VisionTransformer, `_process_input` and `Encoder`): an image
// C × H × W is cut into N = (H/P)·(W/P) patches of P × P pixels in row-major order (patch 1 top
// left, then along the top row); `conv_proj` = nn.Conv2d(C, E, kernel_size=P, stride=P) maps each
// patch to E numbers, embeddings[n, e] = b_e + Σ_{c,i,j} W[e, c, i, j] · X[c, rP + i, sP + j] for
// patch n at grid row r, column s. That is the paper's flatten-then-linear form x_p^n E with the
// patch flattened in (channel, row, column) order, the order of conv_proj.weight[e].flatten():
// patches · Wᵀ + b with W reshaped E × C·P·P. `class_token` (1 × 1 × E in torchvision) is put
// before the N embeddings; `pos_embedding` ((1, N+1, E) in torchvision) is added to all N + 1 rows.
// Others: implementations that cut patches with einops' `b c (h p1) (w p2) -> b (h w) (p1 p2 c)`
// flatten each patch in (row, column, channel) order and use nn.Linear: the same W with its
// columns in another order.
// References: Dosovitskiy et al. 2021, "An Image is Worth 16x16 Words", eq. 1; torchvision's
// vision_transformer.py; seed notes 000 (Vision Transformer).

import Foundation
import JSONFormat
import LessonInput
import TraceCore

enum VitPatches: Lesson {
    static let id = "vit-patches"
    static var summary: String { words("summary") }

    static let examples = [
        Example("default", words, input: .fields([
            "image": .rows([[2, 1, 1, 0], [1, 0, 0, 1], [1, 0, 3, 1], [0, 1, 0, 2]]),
            "patch_size": .number(2),
            "conv_proj.weight": .array([[[1, 0], [0, -1]], [[0.5, 0.5], [0.5, 0.5]], [[1, -1], [0, 0]]].map { .array([.rows($0)]) }),
            "conv_proj.bias": .numbers([0.1, -0.2, 0]),
            "class_token": .numbers([0.5, -0.5, 1]),
            "pos_embedding": .rows([[0.1, -0.1, 0.1], [0.1, 0.2, 0], [0.2, 0, -0.1], [0, -0.1, 0.2], [-0.2, 0.1, 0.1]]),
            "grad_output": .rows([[1, 0, -1], [0.5, 1, 0], [0, 1, 0], [0, 0, 1], [0, 0.5, 1]]),
        ])),
        Example("rgb", words, input: .fields([
            "image": .array([
                [[1, 1, 0, 0], [1, 0.5, 0, 0], [0, 0, 1, 1], [0, 0, 1, 1]],
                [[0, 0, 1, 1], [0, 0, 1, 0.5], [0, 0, 1, 1], [0, 0, 1, 1]],
                [[0, 0, 0, 0], [0, 0, 0, 0], [1, 1, 1, 1], [1, 0.5, 1, 1]],
            ].map { .rows($0) }),
            "patch_size": .number(2),
            "conv_proj.weight": .array([
                [[[0.5, 0.5], [0.5, 0.5]], [[-0.5, -0.5], [-0.5, -0.5]], [[0, 0], [0, 0]]],
                [[[1, 1], [-1, -1]], [[1, 1], [-1, -1]], [[1, 1], [-1, -1]]],
            ].map { e in .array(e.map { .rows($0) }) }),
            "conv_proj.bias": .numbers([0.1, 0.1]),
            "class_token": .numbers([0.2, -0.2]),
            "pos_embedding": .rows([[0.1, 0.5], [0.1, 0.1], [0.1, -0.1], [-0.1, 0.1], [-0.1, -0.1]]),
        ])),
    ]

    static let maxSide = 1_024
    static let maxChannels = 64
    static let maxWidth = 1_024
    /// The multiply-adds the gradient check's reruns may take in all (each rerun the whole forward pass).
    static let maxCheckedMultiplyAdds = 100_000_000.0

    static func trace(_ json: JSON, file: String, example: Example?, backward: Bool) throws -> Trace {
        var reader = try InputReader(json, file: file, backward: backward)
        let p = try VitPatchesInput(&reader)
        try reader.finish()
        let tr = derive(p, example: example, file: file, backward: backward)
        if let refusal = notFinite(tr, gradOutput: p.gradOutput != nil) { throw reader.fail(refusal) }
        return tr
    }

    /// Why a value computed from finite numbers is not finite, as an error's words: a product or a
    /// sum past float64's largest number (about 1.8e308). nil when every value is finite.
    static func notFinite(_ tr: Trace, gradOutput: Bool) -> String? {
        let causes = [
            "embeddings": ("image, conv_proj.weight and conv_proj.bias", "the patches times conv_proj.weight plus conv_proj.bias"),
            "output": ("class_token, conv_proj.bias and pos_embedding", "the tokens plus pos_embedding"),
        ]
        guard let step = tr.computedSteps.first(where: { $0.value.flat.contains { !$0.isFinite } }) else { return nil }
        let flat = step.value.flat
        let i = flat.firstIndex { !$0.isFinite } ?? 0
        let x = flat[i]
        let value = x.isNaN ? "nan" : x < 0 ? "-inf" : "inf"
        let at = step.shape.count == 2 ? "[\(i / step.shape[1] + 1)][\(i % step.shape[1] + 1)]" : ""
        // The patches and the tokens are copies: the first value to overflow is a sum, forward or back.
        guard let (fields, sum) = causes[step.name] else {
            let fields = gradOutput ? "grad_output and conv_proj.weight" : "conv_proj.weight and the image"
            return "\(fields): \(step.name)\(at) overflows (\(value)) in the backward pass: numbers this large cannot be carried back in float64; scale them down"
        }
        return "\(fields): \(step.name)\(at), \(sum), overflows (\(value)): numbers this large cannot be added up in float64; scale them down"
    }

    /// The derivation: C × H × W pixels, N patches of C·P·P pixels, E numbers per token. Words in VitPatches+Words.swift.
    static func derive(_ p: VitPatchesInput, example: Example?, file: String, backward: Bool) -> Trace {
        let w = words
        let (c, h, wd, pp, e) = (p.channels, p.height, p.width, p.patchSize, p.embed)
        let (across, n) = (p.across, p.count)
        let cpp = c * pp * pp
        let sizes = ["P": "\(pp)", "N": "\(n)", "E": "\(e)", "CPP": "\(cpp)", "C": "\(c)", "H": "\(h)", "W": "\(wd)", "across": "\(across)", "down": "\(h / pp)"]

        let tr = Trace(lesson: id, title: w("title"), example: example?.name ?? file)
        tr.say(w("why"))
        tr.heading(w("heading equations"))
        tr.math(w("equations"))
        tr.say(w("convention", ["channel": c == 1 ? w("convention one channel") : "",
                                "channels": c == 3 ? "" : w("convention channels", ["C": "\(c)"])]))
        tr.introduceInputs(legend: [
            (symbol: "C", meaning: w("legend C"), size: c),
            (symbol: "H", meaning: w("legend H"), size: h),
            (symbol: "W", meaning: w("legend W"), size: wd),
            (symbol: "P", meaning: w("legend P"), size: pp),
            (symbol: "N", meaning: w("legend N"), size: n),
            (symbol: "E", meaning: w("legend E"), size: e),
        ], example: example)

        let patchLabels = (0..<n).map { w("label patch", ["n": "\($0 + 1)"]) }
        let pixelColumns = (0..<cpp).map { pixelLabel($0, p: pp) }
        let imageRows = (0..<(c * h)).map { r in c == 1 ? w("label row", ["i": "\(r + 1)"]) : w("label channel row", ["c": "\(r / h + 1)", "i": "\(r % h + 1)"]) }
        let image = tr.input("image", "X", .matrix(p.image), w.caption(c == 1 ? "image, one channel" : "image", sizes),              // C × H × W
                             labels: shaped(Labels(rowHeader: w("label pixel row"), rows: imageRows, columns: numberLabels(wd)), p.imageShape))
        tr.input("patch_size", "P", .scalar(Double(pp)), w.caption("patch_size", sizes))
        let weight = tr.input("conv_proj.weight", "W_{p}", .matrix(p.weight), w.caption("conv_proj.weight", sizes),                     // E × C × P × P
                              labels: shaped(Labels(rowHeader: w("label output"), rows: numberLabels(e), columns: pixelColumns), p.weightShape))
        let perToken = Labels(rowHeader: w("label entry"))
        let bias = tr.input("conv_proj.bias", "b", .vector(p.bias ?? .zeros(e)), w.caption(p.bias == nil ? "conv_proj.bias, zeros" : "conv_proj.bias"), labels: perToken)
        let classToken = tr.input("class_token", #"x_{\text{class}}"#, .vector(p.classToken ?? .zeros(e)),                          // E
                                  w.caption(p.classToken == nil ? "class_token, zeros" : "class_token"), labels: shaped(perToken, p.classTokenShape))
        let tokenLabels = [w("label class")] + patchLabels
        let table = Labels(rowHeader: w("label token"), rows: tokenLabels, columns: numberLabels(e))
        let positions = tr.input("pos_embedding", #"E_{\text{pos}}"#, .matrix(p.posEmbedding ?? Matrix(rows: n + 1, cols: e, entries: Array(repeating: 0, count: (n + 1) * e))),
                                 w.caption(p.posEmbedding == nil ? "pos_embedding, zeros" : "pos_embedding"), labels: shaped(table, p.posEmbeddingShape))  // (N+1) × E

        tr.heading(w("heading steps"))
        tr.heading(w("heading cut"), level: 3)
        // X_p[n, (c, i, j)] = X[c, rP + i, sP + j]: a rearrangement, every pixel in exactly one place.   N × C·P·P
        let cut = gather(image, patchIndices(p), rows: n, cols: cpp, name: #"\operatorname{patches}_{P}"#, inverseName: #"\operatorname{unpatch}_{P}"#)
        let patches = tr.record("patches", "X_{p}", cut, patchesCaption(p, patches: cut.value.matrix), labels: Labels(rowHeader: w("label patch header"), rows: patchLabels, columns: pixelColumns))
        if !Trace.valuesOnly {
            tr.say(flattening(p, patch: n - 1))
            tr.figure(.patches(PatchGrid(title: w("figure"), channels: (0..<c).map { ch in
                Heatmap(title: c == 1 ? w("figure panel") : w("figure channel", ["c": "\(ch + 1)"]), rows: numberLabels(h), columns: numberLabels(wd),
                        values: Matrix(rows: h, cols: wd, entries: Array(p.image.entries[(ch * h * wd)..<((ch + 1) * h * wd)])),
                        rowHeader: w("label pixel row"), columnHeader: w("label pixel column"))
            }, patchSize: pp, across: across)), description: w("figure description", sizes.merging(["scale": c > 1 ? w("figure one scale") : ""]) { a, _ in a }))
        }

        tr.heading(w("heading project"), level: 3)
        // Z_p = X_p Wᵀ + b: one row per patch, the stride-P convolution.                                  N × E
        let projected = patches * weight.transposed + broadcast(bias, .perColumn, rows: n, cols: e)
        let embeddings = tr.record("embeddings", "Z_{p}", projected, embeddingsCaption(p, patches: patches.value.matrix, embeddings: projected.value.matrix), labels: Labels(rowHeader: w("label patch header"), rows: patchLabels, columns: numberLabels(e)))

        tr.heading(w("heading tokens"), level: 3)
        // Z = [x_classᵀ; Z_p]: the class token first.                                                      (N+1) × E
        let rows = [[classToken]] + (0..<n).map { [embeddings.row($0, "z_{p}^{(\($0 + 1))}")] }
        let tokens = tr.record("tokens", "Z", concatRows(rows), w.caption("tokens", sizes), labels: table)
        // Z_0 = Z + E_pos, the paper's z_0                                                                  (N+1) × E
        let added = tokens + positions
        let output = tr.record("output", "Z_{0}", added, outputCaption(p, embeddings: embeddings.value.matrix, output: added.value.matrix), labels: table)

        tr.slides(slides(p, embeddings: embeddings.value.matrix, output: output.value.matrix))
        tr.heading(w("heading summary"))
        if !Trace.valuesOnly { tr.say(w("notice", sizes.merging(["where": whereEachPatchWas(p)]) { a, _ in a })) }
        tr.heading(w("heading after"))
        tr.say(w("after", sizes))
        if backward {
            let differentiable = [image, weight] + (p.bias == nil ? [] : [bias]) + (p.classToken == nil ? [] : [classToken])
                + (p.posEmbedding == nil ? [] : [positions])
            let g = tr.beginBackward(why: w("backward why"), equations: w("backward equations"), output: output, symbol: "Z_{0}",
                                     given: p.gradOutput, labels: table)
            let back = Backprop(tr, differentiable: differentiable)
            back.seed(output, g)
            tr.heading(w("heading back through"), level: 3)
            // ∂L/∂Z_0 is G, shown just above: kept for the JSON trace, not shown a second time.
            tr.hiding = true
            back.record(output, w.caption("output.grad"))
            tr.hiding = false
            back.record(tokens, w.caption("tokens.grad"))
            back.record(embeddings, w.caption("embeddings.grad"))
            back.record(patches, patchesGradientCaption(p, patches: patches.value.matrix, gradient: g.value.matrix))
            tr.heading(w("heading input gradients"), level: 3)
            back.record(image, w.caption("image.grad", sizes))
            back.record(weight, w.caption("conv_proj.weight.grad", sizes))
            back.record(bias, w.caption("conv_proj.bias.grad", sizes))
            back.record(classToken, w.caption("class_token.grad"))
            // ∂L/∂E_pos is G again: said, not shown a third time.
            tr.hiding = true
            let positionsGradient = back.record(positions, w.caption("pos_embedding.grad"))
            tr.hiding = false
            if positionsGradient != nil { tr.say(w("pos_embedding.grad, said")) }
            tr.endBackward(back)
        }
        return tr
    }

    /// Entry k of the patch matrix (row-major) is pixel `index[k]` of the image (channel-major):
    /// patch n at grid row r = ⌊n / (W/P)⌋, column s = n mod (W/P); its column (c, i, j) reads
    /// X[c, rP + i, sP + j].
    static func patchIndices(_ p: VitPatchesInput) -> [Int] {
        let (pp, h, wd) = (p.patchSize, p.height, p.width)
        var indices: [Int] = []
        indices.reserveCapacity(p.channels * h * wd)
        for n in 0..<p.count {
            let (r, s) = (n / p.across, n % p.across)
            for c in 0..<p.channels { for i in 0..<pp { for j in 0..<pp { indices.append((c * h + r * pp + i) * wd + s * pp + j) } } }
        }
        return indices
    }

    /// A column of the patch matrix (and of W): "(2,1,2)", channel, row and column in the patch, the
    /// channel named even when there is one, as the entries written out (e, c, i, j) name it.
    static func pixelLabel(_ k: Int, p: Int) -> String {
        let (c, i, j) = (k / (p * p), k % (p * p) / p, k % p)
        return words("label pixel", ["c": "\(c + 1)", "i": "\(i + 1)", "j": "\(j + 1)"])
    }
}

/// The input of vit-patches (torchvision VisionTransformer's `conv_proj`, `class_token` and
/// `pos_embedding`, with the image and the patch size), checked once.
struct VitPatchesInput {
    /// C × H × W, computed as a (C·H) × W matrix: channel c is rows c·H ..< (c+1)·H.
    let image: Matrix
    let imageShape: [Int]?      // [C, H, W] when given with channels; nil for H × W
    let channels: Int
    let height: Int
    let width: Int
    let patchSize: Int
    /// E × C × P × P, computed as E × C·P·P: row e is conv_proj.weight[e].flatten().
    let weight: Matrix
    let weightShape: [Int]
    let bias: Vector?           // E, zeros when left out
    let classToken: Vector?     // E, zeros when left out
    let classTokenShape: [Int]? // [1, 1, E] when given so (torchvision's)
    let posEmbedding: Matrix?   // (N+1) × E, zeros when left out
    let posEmbeddingShape: [Int]? // [1, N+1, E] when given so
    let gradOutput: Matrix?     // (N+1) × E: ∂L/∂output, ones when left out

    var embed: Int { weight.rows }
    /// Patches along a row of the image (W/P), and in all (N).
    var across: Int { width / patchSize }
    var count: Int { (height / patchSize) * across }

    init(_ reader: inout InputReader) throws {
        let what = "C × H × W pixels (or H × W for one channel)"
        if depth(reader.peek("image")) > 2 {
            let (shape, pixels) = try reader.required(try reader.tensor("image", what, axes: 3), "image", what)
            (channels, height, width, image, imageShape) = (shape[0], shape[1], shape[2], pixels, shape)
        } else {
            image = try reader.requiredMatrix("image", what)
            (channels, height, width, imageShape) = (1, image.rows, image.cols, nil)
        }
        try reader.expect(channels, "the number of channels of image", atMost: VitPatches.maxChannels)
        try reader.expect(height, "the height of image", atMost: VitPatches.maxSide)
        try reader.expect(width, "the width of image", atMost: VitPatches.maxSide)
        let p = try reader.required(try reader.integer("patch_size", "the side P of a square patch"), "patch_size", "the side P of a square patch")
        guard p >= 1 else { throw reader.fail("patch_size must be at least 1, got \(p)") }
        guard p <= height && p <= width else {
            throw reader.fail("patch_size must be at most the image's shorter side, got \(p): a patch of \(p) × \(p) pixels is larger than the image (\(height) × \(width))")
        }
        guard height % p == 0 && width % p == 0 else {
            throw reader.fail("image is \(height) × \(width), not a multiple of patch_size \(p) in its \(height % p == 0 ? "width" : "height"): each side must be cut into whole patches")
        }
        patchSize = p
        // E × C·P·P: row e is conv_proj.weight[e].flatten().
        let shapeWanted = "E × C × P × P = E × \(channels) × \(p) × \(p)"
        let (weightDims, weights) = try reader.required(try reader.tensor("conv_proj.weight", shapeWanted, axes: 4, rowAxes: 1), "conv_proj.weight", shapeWanted)
        guard weightDims[1] == channels, weightDims[2] == p, weightDims[3] == p else {
            throw reader.fail("conv_proj.weight must be \(shapeWanted) (the image's channels, patch_size twice), got \(weightDims.map(String.init).joined(separator: " × "))")
        }
        let e = weightDims[0]
        try reader.expect(e, "E (the first axis of conv_proj.weight)", atMost: VitPatches.maxWidth)
        (weightShape, weight) = (weightDims, weights)
        bias = try reader.vector("conv_proj.bias", "E numbers")
        if let bias { try reader.expect(bias, "conv_proj.bias", count: ("E (rows of conv_proj.weight)", e)) }
        let n = (height / p) * (width / p)
        let tokenShape = ("N + 1 (the class token and the patches)", n + 1)
        // torchvision's shapes too: class_token 1 × 1 × E, pos_embedding 1 × (N + 1) × E.
        if depth(reader.peek("class_token")) > 1 {
            let wanted = "1 × 1 × E = 1 × 1 × \(e) (torchvision's shape), or E numbers"
            let (shape, m) = try reader.required(try reader.tensor("class_token", wanted, axes: 3), "class_token", wanted)
            guard shape == [1, 1, e] else { throw reader.fail("class_token must be \(wanted), got \(shape.map(String.init).joined(separator: " × "))") }
            (classToken, classTokenShape) = (Vector(m.entries), shape)
        } else {
            classToken = try reader.vector("class_token", "E numbers (or torchvision's 1 × 1 × E)")
            classTokenShape = nil
            if let classToken { try reader.expect(classToken, "class_token", count: ("E (rows of conv_proj.weight)", e)) }
        }
        if depth(reader.peek("pos_embedding")) > 2 {
            let wanted = "1 × (N + 1) × E = 1 × \(n + 1) × \(e) (torchvision's shape; N = \(n) patches), or (N + 1) × E"
            let (shape, m) = try reader.required(try reader.tensor("pos_embedding", wanted, axes: 3), "pos_embedding", wanted)
            guard shape == [1, n + 1, e] else { throw reader.fail("pos_embedding must be \(wanted), got \(shape.map(String.init).joined(separator: " × "))") }
            (posEmbedding, posEmbeddingShape) = (m, shape)
        } else {
            posEmbedding = try reader.matrix("pos_embedding", "(N + 1) × E: a row for the class token and one per patch")
            posEmbeddingShape = nil
            if let posEmbedding {
                try reader.expect(posEmbedding, "pos_embedding", rows: ("N + 1 (the class token and the patches)", n + 1), cols: ("E (rows of conv_proj.weight)", e))
            }
        }
        gradOutput = try reader.matrix("grad_output", "∂L/∂output for the backward pass, (N + 1) × E")
        if let gradOutput { try reader.expect(gradOutput, "grad_output", rows: tokenShape, cols: ("E (rows of conv_proj.weight)", e)) }
        // The trace holds the image, P, W, b, the class token, E_pos, the patches (C·H·W numbers), the
        // embeddings, the tokens and the output; each embedding entry takes C·P·P multiply-adds.
        let (pixelCount, cppCount, nn, ee) = (Double(channels * height * width), Double(channels * p * p), Double(n), Double(e))
        let multiplyAdds = nn * ee * cppCount + 2 * (nn + 1) * ee
        try reader.expectWork(multiplyAdds: multiplyAdds,
                              traceNumbers: 2 * pixelCount + 1 + ee * cppCount + 2 * ee + nn * ee + 3 * (nn + 1) * ee)
        // With --backward the gradient check reruns the forward pass twice for each array given.
        let arrays = 2 + [bias != nil, classToken != nil, posEmbedding != nil].filter { $0 }.count
        let rerun = Double(2 * arrays) * multiplyAdds
        if reader.backward && rerun > VitPatches.maxCheckedMultiplyAdds {
            func text(_ x: Double) -> String { String(format: "%.2e", x) }
            throw reader.fail("with --backward, the gradient check reruns the forward pass \(2 * arrays) times (twice for each of the \(arrays) arrays given), about \(text(rerun)) multiply-adds in all, more than the limit of \(text(VitPatches.maxCheckedMultiplyAdds)); use a smaller image, fewer channels or a smaller E")
        }
    }
}

// MARK: What the numbers say

extension VitPatches {
    /// A number as the tables show it.
    static func shown(_ x: Double) -> String { NumberStyle(precision: 4).fixed(x) }

    /// The first two rows of `m` that are equal, entry for entry, among a slide's worth of rows.
    static func firstEqualRows(_ m: Matrix) -> (Int, Int)? {
        guard m.rows * m.rows * m.cols <= 1_000_000 else { return nil }
        for a in 0..<m.rows {
            if let b = ((a + 1)..<m.rows).first(where: { b in m.row(a) == m.row(b) }) { return (a, b) }
        }
        return nil
    }

    /// Where patch `n` (0-based) lies: its first image row and column, 0-based.
    static func corner(_ p: VitPatchesInput, _ n: Int) -> (row: Int, col: Int) {
        (n / p.across * p.patchSize, n % p.across * p.patchSize)
    }

    /// "rows 3–4, columns 1–2" of the image.
    static func place(_ p: VitPatchesInput, _ n: Int) -> [String: String] {
        let (r, c) = corner(p, n)
        let span = { (a: Int) in p.patchSize == 1 ? "\(a + 1)" : "\(a + 1)–\(a + p.patchSize)" }
        return ["n": "\(n + 1)", "rows": span(r), "columns": span(c)]
    }

    static func patchesCaption(_ p: VitPatchesInput, patches x: Matrix) -> Caption {
        guard !Trace.valuesOnly else { return Caption(title: "", meaning: "") }
        let same = firstEqualRows(x).map { a, b in words("patches, same", ["a": "\(a + 1)", "b": "\(b + 1)"]) } ?? ""
        return words.caption(p.channels == 1 ? "patches, one channel" : "patches", ["CPP": "\(x.cols)", "same": same])
    }

    /// Where the pixels of patch `n` (0-based) went: its row of X_p, column by column, each with the
    /// pixel of the image it copies.
    static func flattening(_ p: VitPatchesInput, patch n: Int) -> String {
        let pp = p.patchSize
        let (r0, c0) = corner(p, n)
        let cpp = p.channels * pp * pp
        var rows: [String] = []
        for k in EquationWriter(style: NumberStyle(precision: 4)).shown(cpp, limit: 16) {
            guard let k else { rows.append("| ⋯ | ⋯ | ⋯ | ⋯ |"); continue }
            let (c, i, j) = (k / (pp * pp), k % (pp * pp) / pp, k % pp)
            let pixel = (c * p.height + r0 + i) * p.width + c0 + j
            rows.append("| \(k + 1) | (\(c + 1), \(i + 1), \(j + 1)) | (\(c + 1), \(r0 + i + 1), \(c0 + j + 1)) | \(numberLabel(p.image.entries[pixel])) |")
        }
        return words("flattening", place(p, n).merging(["PP": "\(pp * pp)", "P": "\(pp)", "r0": "\(r0)", "c0": "\(c0)", "table": rows.joined(separator: "\n")]) { a, _ in a })
    }

    static func embeddingsCaption(_ p: VitPatchesInput, patches x: Matrix, embeddings z: Matrix) -> Caption {
        guard !Trace.valuesOnly else { return Caption(title: "", meaning: "") }
        let norms = (0..<z.rows).map { r in z.row(r).entries.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        var slots = ["conv": words("embeddings conv", ["P": "\(p.patchSize)"])]
        if z.rows > 1, let largest = norms.indices.max(by: { norms[$0] < norms[$1] }) {
            let ties = norms.indices.filter { norms[$0] == norms[largest] }
            slots["largest"] = ties.count > 1 ? words("embeddings largest, tie", ["list": listed(ties.map { "\($0 + 1)" }), "norm": shown(norms[largest])])
                : words("embeddings largest", ["n": "\(largest + 1)", "norm": shown(norms[largest])])
            // Said only when the lengths differ: then the LayerNorm that evens them out is news.
            if Set(norms).count > 1 { slots["largest"]! += words("embeddings length") }
        } else {
            slots["largest"] = ""
        }
        slots["same"] = firstEqualRows(x).map { a, b in words("embeddings same", ["a": "\(a + 1)", "b": "\(b + 1)"]) } ?? ""
        return words.caption("embeddings", slots)
    }

    /// Two patches of equal pixels with different gradients: what tells them apart is G, not the pixels.
    static func patchesGradientCaption(_ p: VitPatchesInput, patches x: Matrix, gradient g: Matrix) -> Caption {
        guard let (a, b) = firstEqualRows(x), g.row(a + 1) != g.row(b + 1) else { return words.caption("patches.grad") }
        return words.caption("patches.grad, same pixels", ["a": "\(a + 1)", "b": "\(b + 1)", "ra": "\(a + 2)", "rb": "\(b + 2)"])
    }

    static func outputCaption(_ p: VitPatchesInput, embeddings z: Matrix, output: Matrix) -> Caption {
        guard !Trace.valuesOnly else { return Caption(title: "", meaning: "") }
        let receives = words("receives")
        guard let (a, b) = firstEqualRows(z) else { return words.caption("output", ["receives": receives]) }
        let slots = ["a": "\(a + 1)", "b": "\(b + 1)", "ra": "\(a + 2)", "rb": "\(b + 2)", "receives": receives]
        guard output.row(a + 1) != output.row(b + 1) else { return words.caption("output, same", slots) }
        let first = (0..<output.cols).first { output[a + 1, $0] != output[b + 1, $0] } ?? 0
        return words.caption("output, apart", slots.merging(["j": "\(first + 1)", "x": shown(output[a + 1, first]), "y": shown(output[b + 1, first])]) { x, _ in x })
    }

    /// Seed 000's statements on the Vision Transformer and on position, each with its verdict from the values.
    static func slides(_ p: VitPatchesInput, embeddings z: Matrix, output: Matrix) -> [String] {
        var bullets = [words("slides regions", ["N": "\(p.count)", "P": "\(p.patchSize)", "E": "\(z.cols)", "last": "\(p.count + 1)",
                                                "CPP": "\(p.channels * p.patchSize * p.patchSize)"]),
                       words("slides encoder")]
        if let (a, b) = firstEqualRows(z) {
            let slots = ["a": "\(a + 1)", "b": "\(b + 1)", "ra": "\(a + 2)", "rb": "\(b + 2)"]
            bullets.append(words(output.row(a + 1) == output.row(b + 1) ? "slides position, zero" : "slides position", slots))
        }
        if let positions = p.posEmbedding, positions.rows > 1 {
            // The paper's sinusoids for positions 0 … N over E columns: what a pre-defined table would hold.
            let e = positions.cols
            func sinusoid(_ pos: Int, _ j: Int) -> Double {
                let angle = Double(pos) / Foundation.pow(10_000, Double(j / 2 * 2) / Double(e))
                return j % 2 == 0 ? Foundation.sin(angle) : Foundation.cos(angle)
            }
            let fixed = (0..<positions.rows).allSatisfy { r in (0..<e).allSatisfy { abs(positions[r, $0] - sinusoid(r, $0)) <= 1e-9 } }
            let odd = e % 2 == 1 ? words("slides learned, odd", ["E": "\(e)"]) : ""
            bullets.append(fixed ? words("slides learned, sinusoids", ["last": "\(positions.rows - 1)"])
                : words("slides learned", ["row": (0..<e).map { shown(sinusoid(1, $0)) }.joined(separator: ", "), "odd": odd]))
        }
        return bullets
    }
}

extension VitPatches {
    /// Whether E_pos tells every patch's place apart: the patches whose rows of E_pos are equal, by group.
    static func whereEachPatchWas(_ p: VitPatchesInput) -> String {
        guard p.count > 1 else { return words("where, one") }
        guard let positions = p.posEmbedding else { return words("where, none") }
        // The patches by their row of E_pos, in the order of each group's first patch: one pass, as
        // a comparison of every pair takes seconds for the largest images.
        var all: [[Int]] = []
        var group: [[Double]: Int] = [:]
        for a in 0..<p.count {
            let row = positions.row(a + 1).entries
            if let g = group[row] { all[g].append(a) } else { group[row] = all.count; all.append([a]) }
        }
        let groups = all.filter { $0.count > 1 }
        guard !groups.isEmpty else { return words("where, all", ["N": "\(p.count)"]) }
        let named = groups.map { words("where group", ["list": listed($0.map { "\($0 + 1)" })]) }
        return words("where, shared", ["groups": named.prefix(3).joined(separator: "; ") + (named.count > 3 ? "; …" : "")])
    }
}

/// `labels` with the shape of an array of more than two axes (none for a vector or a matrix).
private func shaped(_ labels: Labels, _ shape: [Int]?) -> Labels {
    var labels = labels
    labels.shape = (shape?.count ?? 0) > 2 ? shape : nil
    return labels
}

/// How deeply arrays nest at the start of `json`: 0 for a number, 1 for a row of numbers, 2 for a matrix, ….
private func depth(_ json: JSON?) -> Int {
    guard case .array(let items)? = json else { return 0 }
    return 1 + depth(items.first)
}
