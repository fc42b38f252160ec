// vit-patches against the definitions, computed here another way: each patch's row read pixel by
// pixel from the nested image, the embeddings as the stride-P convolution's sums, the image's
// gradient as the patches' gradient put back; the input's errors, torchvision's shapes, the
// sentences computed from the numbers, and the figure's grid.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct VitPatchesTests {
    let c = AttentionCommentaryTests()

    /// C × H × W numbers that are all different: pixel (c, r, w) is c + r/10 + w/100.
    func image(_ channels: Int, _ height: Int, _ width: Int) -> [[[Double]]] {
        func pixel(_ ch: Int, _ r: Int, _ w: Int) -> Double { Double(ch + 1) + Double(r + 1) / 10 + Double(w + 1) / 100 }
        return (0..<channels).map { ch -> [[Double]] in (0..<height).map { r -> [Double] in (0..<width).map { pixel(ch, r, $0) } } }
    }

    /// E × C × P × P weights, each different.
    func weight(_ e: Int, _ channels: Int, _ p: Int) -> [[[[Double]]]] {
        func entry(_ o: Int, _ ch: Int, _ i: Int, _ j: Int) -> Double {
            let k: Int = (7 * o + 5 * ch + 3 * i + j) % 11
            return Double(k) / 4 - 1
        }
        return (0..<e).map { o -> [[[Double]]] in
            (0..<channels).map { ch -> [[Double]] in (0..<p).map { i -> [Double] in (0..<p).map { entry(o, ch, i, $0) } } }
        }
    }

    func input(_ x: [[[Double]]], p: Int, _ w: [[[[Double]]]], bias: [Double]? = nil, extra: [JSONMember] = []) -> JSON {
        var fields = [JSONMember("image", .array(x.map { .rows($0) })), JSONMember("patch_size", .number(Double(p))),
                      JSONMember("conv_proj.weight", .array(w.map { e in .array(e.map { .rows($0) }) }))]
        if let bias { fields.append(JSONMember("conv_proj.bias", .numbers(bias))) }
        return .object(fields + extra)
    }

    @Test func eachPatchIsARowInChannelRowColumnOrder() throws {
        let (x, p) = (image(2, 4, 6), 2)
        let trace = try VitPatches.trace(input(x, p: p, weight(3, 2, p)), file: "x", example: nil)
        let patches = try c.matrix(trace, "patches")
        #expect(patches.rows == 6 && patches.cols == 8)
        // Patch n (row-major over the 2 × 3 grid), column (c, i, j) in that order.
        for n in 0..<6 {
            let (r, s) = (n / 3, n % 3)
            var k = 0
            for ch in 0..<2 { for i in 0..<p { for j in 0..<p {
                #expect(patches[n, k] == x[ch][r * p + i][s * p + j], "patch \(n + 1) column \(k + 1)")
                k += 1
            } } }
        }
    }

    @Test func theEmbeddingsAreTheStridePConvolution() throws {
        let (x, p, w, b) = (image(3, 4, 4), 2, weight(4, 3, 2), [0.5, -1, 0, 2])
        let trace = try VitPatches.trace(input(x, p: p, w, bias: b), file: "x", example: nil)
        let z = try c.matrix(trace, "embeddings")
        for n in 0..<4 {
            let (r, s) = (n / 2, n % 2)
            for e in 0..<4 {
                var conv = b[e]
                for ch in 0..<3 { for i in 0..<p { for j in 0..<p { conv += w[e][ch][i][j] * x[ch][r * p + i][s * p + j] } } }
                #expect(abs(z[n, e] - conv) < 1e-12, "patch \(n + 1), output \(e + 1)")
            }
        }
        // The class token (zeros, left out) first, then the embeddings; no position embeddings: output = tokens.
        let tokens = try c.matrix(trace, "tokens")
        #expect(Array(tokens.entries.prefix(4)) == [0, 0, 0, 0] && Array(tokens.entries.dropFirst(4)) == z.entries)
        #expect(try c.matrix(trace, "output") == tokens)
    }

    @Test func theImageGradientIsThePatchesGradientPutBack() throws {
        let (x, p) = (image(2, 4, 4), 2)
        let g = (0..<5).map { t in (0..<3).map { Double(t * 3 + $0) - 6 } }
        let json = input(x, p: p, weight(3, 2, p), extra: [JSONMember("grad_output", .rows(g))])
        let trace = try VitPatches.run(json, file: "x", example: nil, claims: nil, backward: true)
        let dPatches = try c.matrix(trace, "patches.grad")
        let dImage = try #require(trace["image.grad"]).value.flat
        // Pixel (c, r, w) receives the one entry of its patch's row: nothing is added.
        for ch in 0..<2 { for r in 0..<4 { for w in 0..<4 {
            let n = r / p * 2 + w / p
            #expect(dImage[(ch * 4 + r) * 4 + w] == dPatches[n, ch * 4 + r % p * 2 + w % p])
        } } }
        // No gradient for what was left out (the class token, the position embeddings, the bias);
        // the gradient check passes for every array given.
        #expect(trace["class_token.grad"] == nil && trace["pos_embedding.grad"] == nil && trace["conv_proj.bias.grad"] == nil)
        for check in trace.gradientChecks { #expect(check.relativeDifference < 1e-6, "\(check.name)") }
        #expect(!trace.gradientChecks.isEmpty && trace.backwardProblems.isEmpty)
    }

    @Test func torchvisionsShapesGiveTheSameNumbers() throws {
        let (x, p, w) = (image(1, 2, 4), 2, weight(2, 1, 2))
        let flat = input(x, p: p, w, extra: [JSONMember("class_token", .numbers([1, -1])),
                                             JSONMember("pos_embedding", .rows([[0, 1], [2, 3], [4, 5]]))])
        let torchvision = input(x, p: p, w, extra: [JSONMember("class_token", .array([.array([.numbers([1, -1])])])),
                                                    JSONMember("pos_embedding", .array([.rows([[0, 1], [2, 3], [4, 5]])]))])
        let a = try VitPatches.run(flat, file: "x", example: nil, claims: nil, backward: true)
        let b = try VitPatches.run(torchvision, file: "x", example: nil, claims: nil, backward: true)
        for name in ["output", "class_token.grad", "pos_embedding.grad", "image.grad"] {
            #expect(try #require(a[name]).value.flat == (try #require(b[name])).value.flat, "\(name)")
        }
        #expect(try #require(a["class_token.grad"]).value.flat == (try #require(a["output.grad"])).value.flat.prefix(2).map { $0 })
    }

    @Test func badInputsNameTheFieldAndTheShape() throws {
        func error(_ json: JSON) throws -> String {
            let e = try #require(throws: LessonError.self) { try VitPatches.trace(json, file: "v.json", example: nil) }
            #expect(e.code == .data)
            return e.message
        }
        let w = weight(2, 1, 2)
        #expect(try error(input(image(1, 5, 4), p: 2, w)).hasPrefix("v.json: image is 5 × 4, not a multiple of patch_size 2"))
        #expect(try error(input(image(1, 4, 4), p: 0, w)).hasPrefix("v.json: patch_size must be at least 1, got 0"))
        #expect(try error(input(image(1, 4, 4), p: 2, weight(2, 3, 2))).contains("conv_proj.weight must be E × C × P × P = E × 1 × 2 × 2 (the image's channels, patch_size twice), got 2 × 3 × 2 × 2"))
        #expect(try error(input(image(1, 4, 4), p: 2, w, extra: [JSONMember("pos_embedding", .rows([[0, 0]]))])).contains("pos_embedding must be N + 1 (the class token and the patches) × E (rows of conv_proj.weight) = 5 × 2, got 1 × 2"))
        #expect(try error(input(image(1, 4, 4), p: 2, w, extra: [JSONMember("class_token", .numbers([1]))])).contains("class_token must have E (rows of conv_proj.weight) = 2 numbers, got 1"))
        #expect(try error(input(image(1, 4, 4), p: 2, w, extra: [JSONMember("class_token", .array([.array([.numbers([1, 2, 3])])]))]))
            .contains("class_token must be 1 × 1 × E = 1 × 1 × 2 (torchvision's shape), or E numbers, got 1 × 1 × 3"))
        let ragged = JSON.fields(["image": .array([.rows([[1, 2], [3, 4]]), .rows([[1, 2]])]), "patch_size": .number(1),
                                  "conv_proj.weight": .array([.array([.array([.rows([[1]])])])])])
        #expect(try error(ragged).contains("image must be C × H × W pixels (or H × W for one channel), every array as long as the first of its level: image[2] has 1 row, image[1] has 2"))
        #expect(try error(input(image(1, 2, 2), p: 2, w, extra: [JSONMember("patchsize", .number(2))])).contains("unknown field \"patchsize\" (did you mean 'patch_size'?)"))
        // A patch larger than the image is named so, not as a side that is no multiple of it.
        #expect(try error(input(image(1, 2, 2), p: 4, weight(2, 1, 4))) == "v.json: patch_size must be at most the image's shorter side, got 4: a patch of 4 × 4 pixels is larger than the image (2 × 2)")
        #expect(try error(input(image(1, 8, 2), p: 4, weight(2, 1, 4))).hasSuffix("larger than the image (8 × 2)"))
    }

    @Test func sumsThatOverflowAreRefused() throws {
        func error(_ json: JSON, backward: Bool = false) throws -> String {
            let e = try #require(throws: LessonError.self) { try VitPatches.trace(json, file: "v.json", example: nil, backward: backward) }
            #expect(e.code == .data)
            return e.message
        }
        let ones = [[[[1.0, 1], [1, 1]]]]
        // Pixels of 1e308 with weights 1: the embedding's sum is past float64's largest number.
        #expect(try error(input([[[1e308, 1e308], [1, 1]]], p: 2, ones)).hasPrefix("v.json: image, conv_proj.weight and conv_proj.bias: embeddings[1][1], the patches times conv_proj.weight plus conv_proj.bias, overflows (inf)"))
        // 1e200 × 1e200, a product past it.
        #expect(try error(input([[[1e200, 1], [1, 1]]], p: 2, [[[[1e200, 1], [1, 1]]]])).contains("embeddings[1][1]"))
        // A bias of 1e308 fits in the embedding; the position embedding added to it does not.
        let positions = input([[[1, 1], [1, 1]]], p: 2, ones, bias: [1e308], extra: [JSONMember("pos_embedding", .rows([[1e308], [1e308]]))])
        #expect(try error(positions).hasPrefix("v.json: class_token, conv_proj.bias and pos_embedding: output[2][1], the tokens plus pos_embedding, overflows (inf)"))
        // The forward pass finite, the backward one not.
        let back = input([[[1, 1], [1, 1]]], p: 2, [[[[1e200, 1], [1, 1]]]], extra: [JSONMember("grad_output", .rows([[1e200], [1e200]]))])
        _ = try VitPatches.trace(back, file: "v.json", example: nil)
        #expect(try error(back, backward: true).hasPrefix("v.json: grad_output and conv_proj.weight: patches.grad[1][1] overflows (inf) in the backward pass"))
    }

    @Test func theDefaultNoteSaysWhatItsNumbersShow() throws {
        let (text, trace) = try c.note(VitPatches.self, backward: true)
        let (x, z, out) = (try c.matrix(trace, "patches"), try c.matrix(trace, "embeddings"), try c.matrix(trace, "output"))
        // The two patches of equal pixels, found here: equal embeddings, tokens apart by E_pos alone.
        let pairs = (0..<4).flatMap { a in ((a + 1)..<4).map { (a, $0) } }.filter { x.row($0.0) == x.row($0.1) }
        let (a, b) = try #require(pairs.first)
        #expect(pairs.count == 1 && z.row(a) == z.row(b) && out.row(a + 1) != out.row(b + 1))
        // Neither is the first or the last patch, whose rows the note writes out entry by entry.
        #expect(a != 0 && b != 3)
        #expect(text.contains("Patches \(a + 1) and \(b + 1) hold the same pixels: their rows are equal."))
        let f = { NumberStyle(precision: 4).fixed($0) }
        #expect(text.contains("their rows \(a + 2) and \(b + 2) now differ (entry 1: \(f(out[a + 1, 0])) and \(f(out[b + 1, 0])))"))
        let norms = (0..<4).map { r in z.row(r).entries.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        let largest = try #require(norms.indices.max { norms[$0] < norms[$1] })
        #expect(text.contains("Patch \(largest + 1)'s row is the longest: $\\lVert z_p^{(\(largest + 1))} \\rVert = \(f(norms[largest]))$"))
        // The output has its equation, Z_0 = Z + E_pos, as every step has.
        #expect(text.contains("```math\nZ_{0} = Z + E_{\\text{pos}}\n```"))
        let box = try #require(c.bullets(text))
        #expect(box.count == 4 && box[1].contains("encoder alone") && box[2].contains("only the position embeddings, added to rows \(a + 2) and \(b + 2), make them differ"))
        // E_pos is not the sinusoids: position 1's would be (sin 1, cos 1, sin 10000^(-2/3)); E = 3 is odd.
        let row2 = [Foundation.sin(1.0), Foundation.cos(1.0), Foundation.sin(1 / Foundation.pow(10_000, 2.0 / 3))].map(f)
        #expect(box[3].contains("not in ViT") && box[3].contains("equal to (\(row2.joined(separator: ", ")))") && box[3].contains("With E = 3 odd"))
        // One channel: torchvision's conv_proj needs replacing; E_pos's patch rows all differ.
        #expect(text.contains("so this 1-channel image needs a 1-channel Conv2d in its place"))
        #expect(text.contains("here its 4 patch rows all differ"))
        // The same image without position embeddings: the two patches stay equal, and the note says so.
        let example = try #require(VitPatches.examples.first)
        let (plain, _) = try c.note(VitPatches.self, example.input.removing("pos_embedding"))
        let plainBox = try #require(c.bullets(plain))
        #expect(plain.contains("their rows \(a + 2) and \(b + 2) are still equal") && plainBox[2].contains("stay equal tokens") && plainBox.count == 3)
        #expect(plain.contains("with $E_{\\text{pos}}$ left out, nothing says where each patch was"))
        // With the paper's sinusoids as E_pos, the note says the table is the fixed one.
        let sinusoids = (0..<5).map { pos in (0..<3).map { j in
            let angle = Double(pos) / Foundation.pow(10_000, Double(j / 2 * 2) / 3)
            return j % 2 == 0 ? Foundation.sin(angle) : Foundation.cos(angle)
        } }
        let (fixed, _) = try c.note(VitPatches.self, try #require(example.input.setting("pos_embedding", .rows(sinusoids))))
        #expect(try #require(c.bullets(fixed)).last?.contains("holds Vaswani et al.'s sinusoids for positions 0 … 4") == true)
    }

    @Test func theSummarySaysWhichPlacesPositionsTellApart() throws {
        let rgb = try #require(VitPatches.examples.first { $0.name == "rgb" })
        let (text, trace) = try c.note(VitPatches.self, rgb.input)
        let positions = try #require(trace.steps.first { $0.name == "pos_embedding" }).value.matrix
        #expect(Set((1..<5).map { positions.row($0).entries }).count == 4 && text.contains("here its 4 patch rows all differ"))
        // Three channels: torchvision's conv_proj fits as it is; the figure's colours are values, not channels.
        #expect(!text.contains("needs a") && text.contains("a 1 in the green channel is drawn red"))
        // Patches 1 and 2 on one row of E_pos, 3 and 4 on another: the summary names both pairs.
        let shared = try #require(rgb.input.setting("pos_embedding", .rows([[0, 0.5], [0.1, 0], [0.1, 0], [-0.1, 0], [-0.1, 0]])))
        let (sharedText, _) = try c.note(VitPatches.self, shared)
        #expect(sharedText.contains("it does not tell every place apart: patches 1 and 2; patches 3 and 4 share a row"))
        // E = 2 is even: no sine without its cosine.
        #expect(!text.contains("odd"))
    }

    @Test func theFigureDrawsTheGridAndNumbersEveryPatch() {
        let panel = Heatmap(title: "X", rows: [], columns: [], values: Matrix(rows: 4, cols: 6, entries: (0..<24).map(Double.init)), rowHeader: "", columnHeader: "")
        let svg = SVGRenderer().render(.patches(PatchGrid(title: "Patches", channels: [panel], patchSize: 2, across: 3)))
        // Six tags, numbered row by row; thick lines at columns 0, 2, 4, 6 and rows 0, 2, 4.
        for n in 1...6 { #expect(svg.contains(">\(n)</text>")) }
        #expect(svg.components(separatedBy: "stroke-width=\"2.5\"").count - 1 == 7)
        // Capped at whole patches: 70 × 70 pixels of 3 × 3 patches draw 63 × 63.
        let big = Heatmap(title: "X", rows: [], columns: [], values: Matrix(rows: 70, cols: 70, entries: Array(repeating: 0, count: 4_900)), rowHeader: "", columnHeader: "")
        let (drawn, leftOut) = Figure.patches(PatchGrid(title: "P", channels: [big], patchSize: 3, across: 23)).capped()
        guard case .patches(let grid) = drawn else { Issue.record("not a patch grid"); return }
        #expect(grid.channels[0].values.rows == 63 && leftOut == [.rows(shown: 63, total: 70), .columns(shown: 63, total: 70)])
    }
}
