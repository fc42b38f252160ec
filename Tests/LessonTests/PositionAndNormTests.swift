// What a student with a pencil checks in the positional-encoding and layer-norm notes: every number
// a sentence states is recomputed here from the trace (distances and dot products of PE rows, the
// first gap that comes nearer than neighbours, periods, the slow pair's angle, ε's effect on s,
// the biased variance of an unbiased run), and each statement keeps its condition (ties, a > 0,
// post-LN and pre-LN, the paper's columns counted from 0).

import Foundation
import Testing
@testable import LessonLibrary
@testable import TraceCore

@Suite struct PositionAndNormTests {
    /// The helpers of the commentary tests: a note's text and trace, an input, a matrix, the slides box.
    let c = AttentionCommentaryTests()

    func shown(_ x: Double) -> String { NumberStyle(precision: 4).fixed(x) }

    func summary(_ text: String) -> Substring {
        let after = text.components(separatedBy: "## Summary\n\n").last ?? ""
        return after.split(separator: "\n").first ?? ""
    }

    // MARK: positional-encoding

    /// Σ_i cos(k ω_i) for the pairs of the default example: d_model 4, base 10000.
    func dot(_ k: Double, omegas: [Double] = [1, 0.01]) -> Double { omegas.reduce(0) { $0 + Foundation.cos(k * $1) } }

    @Test func theNearestRowsAreATieAndTheDistanceIsTheGapFormula() throws {
        let (text, trace) = try c.note(PositionalEncoding.self)
        let pe = try c.matrix(trace, "PE")
        func distance(_ a: Int, _ b: Int) -> Double { (0..<pe.cols).reduce(0.0) { $0 + (pe[a, $1] - pe[b, $1]) * (pe[a, $1] - pe[b, $1]) }.squareRoot() }
        // ‖PE_p − PE_{p+1}‖ = √(Σ_i (2 − 2cos ω_i)) for every p: three neighbours tie.
        let formula = (2 * 2 - 2 * dot(1)).squareRoot()
        for p in 0..<3 { #expect(abs(distance(p, p + 1) - formula) < 1e-12) }
        let box = try #require(c.bullets(text))
        #expect(box.contains { $0.contains("Confirmed for these 4 positions: the nearest rows, \(shown(formula)) apart")
                && $0.contains("positions 0 and 1, 1 and 2, 2 and 3 (a tie: only the gap counts)") })
        #expect(text.contains(#"\lVert PE_{pos} - PE_{pos+k} \rVert = \sqrt{\textstyle\sum_{i} (2 - 2\cos k\omega_{i})}"#))
    }

    @Test func theDotProductIsSaidWithWhatItCannotTell() throws {
        let (text, _) = try c.note(PositionalEncoding.self)
        // The first gap k > 1 whose dot product beats the neighbours': k = 6.
        let k = try #require((2...100).first { dot(Double($0)) > dot(1) })
        #expect(k == 6)
        let line = summary(text)
        #expect(line.contains(#"$PE_{pos} \cdot PE_{pos+1} = \cos(1.0000) + \cos(0.0100) = \#(shown(dot(1)))$"#))
        #expect(line.contains("cannot tell before from after"))
        #expect(line.contains(#"$PE_{0} \cdot PE_{6} = \#(shown(dot(6)))$ is larger"#))
        #expect(line.contains("only \(shown((4 - 2 * dot(6)).squareRoot())) apart (neighbours: \(shown((4 - 2 * dot(1)).squareRoot())))"))
        #expect(!text.contains("relative position can be read"))
        // Sixteen columns over 50 positions: no nearer gap within the search, so none is named.
        #expect(!summary(try c.note(PositionalEncoding.self, example: "wave").text).contains("near from far"))
    }

    @Test func theColumnsAreCountedAsThePaperCountsThem() throws {
        let (text, trace) = try c.note(PositionalEncoding.self)
        let pe = try c.matrix(trace, "PE")
        // At pos 0 a sine is 0 and a cosine 1: table columns 1 and 3 are sines, the paper's 0 and 2.
        #expect((0..<4).map { pe[0, $0] } == [0, 1, 0, 1])
        #expect(text.contains("Sines in table columns 1 and 3 (the paper's 0 and 2), cosines in 2 and 4."))
        #expect(text.contains("the tables count from 1."))
        let box = try #require(c.bullets(text))
        #expect(box.contains { $0.contains("Refuted (if the missing slide image is the paper's formula)") && $0.contains("table column 3, the paper's $2i = 2$ ($i = 1$), is") })
        // ω_i is defined in the equations, before the rotation uses it.
        let defined = try #require(text.range(of: #"\omega_{i} = \frac{1}{base^{2i/d_{\text{model}}}}"#))
        let used = try #require(text.range(of: "pair by $k \\omega_{i}$"))
        #expect(defined.lowerBound < used.lowerBound)
    }

    @Test func theSlowPairIsSaidToHardlyMoveOnlyWhenItDoes() throws {
        let (text, trace) = try c.note(PositionalEncoding.self)
        let pe = try c.matrix(trace, "PE")
        #expect(text.contains("The slowest pair hardly moves: by $pos = 3$ its angle is only 0.0300 (columns 3 and 4: 0.0000 → \(shown(pe[3, 2])), 1.0000 → \(shown(pe[3, 3])))."))
        // Base 100: the slow pair reaches 0.3 radians, said without "hardly".
        let mastery = try c.note(PositionalEncoding.self, example: "machine-learning-mastery").text
        #expect(!mastery.contains("hardly moves"))
        #expect(mastery.contains("By $pos = 3$ the slowest pair reaches the angle 0.3000"))
    }

    @Test func thePeriodsAndTheOrderAreComputed() throws {
        let (text, trace) = try c.note(PositionalEncoding.self)
        let box = try #require(c.bullets(text))
        #expect(box.contains { $0.contains("different periods.” Confirmed") && $0.contains(NumberStyle(precision: 2).fixed(2 * Double.pi * 100)) })
        // “the” moved from pos 0 to pos 1: its embedding plus row 2 of PE.
        let pe = try c.matrix(trace, "PE"), output = try c.matrix(trace, "output")
        let moved = (0..<4).map { shown(output[0, $0] - pe[0, $0] + pe[1, $0]) }.joined(separator: ", ")
        #expect(box.first?.hasPrefix("- Seed 000:") == true)
        #expect(box.contains { $0.contains("Only when nothing marks the position: “the” at $pos = 1$ would enter as (\(moved))") })
        // No seed is cited for what it does not say.
        #expect(!text.contains("seed notes 000, 001"))
    }

    // MARK: layer-norm

    @Test func theSameOutputIsSaidWithItsCondition() throws {
        let text = try c.note(LayerNorm.self).text
        #expect(text.contains("“cat” and “CAT” are now the same to 4 decimals: a row $a x + b$ with $a > 0$"))
        // a < 0: the rows come out with opposite signs, not the same.
        let flipped = try c.note(LayerNorm.self, try c.input(#"{"input": [[1, 2, 4], [-2, -4, -8]]}"#))
        let xHat = try c.matrix(flipped.trace, "normalized")
        #expect((0..<3).allSatisfy { abs(xHat[0, $0] + xHat[1, $0]) < 1e-4 })
        #expect(!flipped.text.contains("now the same"))
    }

    @Test func bothPlacesOfTheNormAreNamed() throws {
        for name in ["default", "raschka-llm-from-scratch"] {
            let text = try c.note(LayerNorm.self, example: name).text
            #expect(text.contains(#"$\operatorname{LayerNorm}(x + \operatorname{Sublayer}(x))$ (post-LN)"#), "\(name)")
            #expect(text.contains(#"$x + \operatorname{Sublayer}(\operatorname{LayerNorm}(x))$ (pre-LN)"#), "\(name)")
        }
    }

    @Test func oneNotationForTheRowAndItsRoot() throws {
        for (name, backward) in [("default", false), ("default", true), ("raschka-llm-from-scratch", false)] {
            let text = try c.note(LayerNorm.self, example: name, backward: backward).text
            #expect(text.contains("Here $x$ is one row (token) of $X$, $x_{j}$ its feature $j$, $y$ its row of $Y$."))
            // σ is the variance's root only as s; no (x − μ)/(σ + ε), no x₁, x₂ for rows.
            #expect(!text.contains(#"\sigma + \epsilon"#) && !text.contains("x_{2}") && !text.contains(#"\hat{x}_{j} &= \frac"#), "\(name)")
        }
        let outside = try c.note(LayerNorm.self, try c.input(#"{"input": [[1, 2, 3]], "variance": "unbiased", "eps_placement": "outside"}"#)).text
        #expect(outside.contains(#"s &= \sqrt{\sigma^{2}} + \epsilon"#) && outside.contains(#"\tfrac{1}{d_{\text{model}} - 1}"#))
    }

    @Test func theUnbiasedVarianceIsSaidWhereItDiffers() throws {
        let (text, trace) = try c.note(LayerNorm.self, example: "raschka-llm-from-scratch")
        let xHat = try c.matrix(trace, "normalized")
        let d = Double(xHat.cols)
        let biased = (0..<xHat.cols).reduce(0.0) { $0 + xHat[0, $1] * xHat[0, $1] } / d
        #expect(shown(biased) == "0.8333")
        #expect(try #require(c.bullets(text)).contains { $0.contains("variance 1.0000 (÷ 5; 0.8333 ÷ $d_{\\text{model}} = 6$") })
        #expect(text.contains(#"it divides by $d_{\text{model}} - 1$ (the unbiased variance"#))
    }

    @Test func epsilonsShareOfSIsComputed() throws {
        // √(3.5 + 1e-5) − √3.5 ≈ 2.7e-6: the sixth decimal.
        #expect(try c.note(LayerNorm.self).text.contains("At 4 decimals $\\epsilon$ does not show: it changes $s$ only from decimal 6 on."))
        // ε outside the root adds exactly 1e-5: the fifth.
        let outside = try c.note(LayerNorm.self, try c.input(#"{"input": [[1, 2, 3]], "eps_placement": "outside"}"#)).text
        #expect(outside.contains("only from decimal 5 on"))
        // A constant row: s is √ε itself.
        let constant = try c.note(LayerNorm.self, try c.input(#"{"input": [[2, 2, 2]]}"#)).text
        #expect(constant.contains("Here $\\epsilon$ shows: without it, row 1 would have $s = 0.0000$."))
    }

    @Test func theSlidesSayWhatIsAveragedAndWhatIsPerFeature() throws {
        let box = try #require(c.bullets(try c.note(LayerNorm.self).text))
        // Feature 1 over the tokens: (1 + 12)/2.
        #expect(box.contains { $0.contains("Only when the norm is batch norm") && $0.contains("averages each token's own 4 features") && $0.contains("feature 1's mean would be 6.5") })
        #expect(box.contains { $0.contains("per feature, shared by every token") && $0.contains("feature 3 of both is scaled by 2, shifted by 1") })
        #expect(box.count == 3)
    }
}
