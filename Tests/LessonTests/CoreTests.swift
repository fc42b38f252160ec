// The tracing core: values, operations that remember their operands, and how a recorded value
// is written out (symbolically, with numbers, entry by entry).

import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonInput
@testable import LessonLibrary
@testable import TraceCore
@testable import TraceRender

@Suite struct TensorTests {
    let m = Matrix(rows: 2, cols: 3, entries: [1, 2, 3, 4, 5, 6])

    @Test func matrixAccessAndSlices() {
        #expect(m[1, 2] == 6)
        #expect(m.row(1) == Vector([4, 5, 6]))
        #expect(m.rowSlice(1..<2) == Matrix(rows: 1, cols: 3, entries: [4, 5, 6]))
        #expect(m.transposed == Matrix(rows: 3, cols: 2, entries: [1, 4, 2, 5, 3, 6]))
        #expect(Vector([1, 2, 3, 4]).slice(2..<4) == Vector([3, 4]))
    }

    @Test func products() {
        #expect(Value.matrix(m).product(.vector(Vector([1, 0, -1]))) == .vector(Vector([-2, -2])))
        let b = Matrix(rows: 3, cols: 1, entries: [1, 1, 1])
        #expect(Value.matrix(m).product(.matrix(b)) == .matrix(Matrix(rows: 2, cols: 1, entries: [6, 15])))
    }

    @Test func shapes() {
        #expect(Value.scalar(1).shape == [])
        #expect(Value.vector(Vector([1, 2])).shape == [2])
        #expect(Value.matrix(m).shape == [2, 3])
    }
}

@Suite struct TracedTests {
    /// A trace with W (2×2), x and b given, and one recorded value.
    func sample() -> (Trace, Traced, Traced, Traced) {
        let tr = Trace(lesson: "test", title: "Test", example: "default")
        let w = tr.input("w", "W", .matrix(Matrix(rows: 2, cols: 2, entries: [0.5, -0.3, 2, 1])), title: "W", meaning: "")
        let x = tr.input("x", "x", .vector(Vector([1, 2])), title: "x", meaning: "")
        let b = tr.input("b", "b", .vector(Vector([0.1, -0.2])), title: "b", meaning: "")
        return (tr, w, x, b)
    }

    @Test func operationsComputeTheirValues() {
        let (_, w, x, b) = sample()
        #expect((w * x + b).value.flat.enumerated().allSatisfy { abs($0.element - [-0.1 + 0.1, 4 - 0.2][$0.offset]) < 1e-15 })
        #expect(hadamard(x, b).value == .vector(Vector([0.1, -0.4])))
        #expect(oneMinus(x).value == .vector(Vector([0, -1])))
        #expect(relu(b).value == .vector(Vector([0.1, 0])))
        #expect(abs(sigmoid(x).value.flat[0] - 0.7310585786300049) < 1e-15)
        #expect((x - b).value == .vector(Vector([0.9, 2.2])))
    }

    @Test func recordingAddsANamedStep() {
        let (tr, w, x, b) = sample()
        let a = tr.record("a[1]", "a_{1}", w * x + b, title: "pre-activation", meaning: "")
        _ = tr.record("h[1]", "h_{1}", tanh(a), title: "hidden", meaning: "")
        #expect(tr.computedSteps.map(\.name) == ["a[1]", "h[1]"])
        #expect(tr["h[1]"]?.value.count == 2)
        #expect(tr["w"] == nil, "inputs are not computed values")
    }

    @Test func equationsAreWrittenTwoWays() throws {
        let (tr, w, x, b) = sample()
        let a = tr.record("a[1]", "a_{1}", w * x + b, title: "", meaning: "")
        let writer = EquationWriter(style: NumberStyle(precision: 4))
        let computed = try #require(tr["a[1]"]?.computed)
        #expect(writer.symbolic(computed) == "W x + b")
        #expect(writer.writtenOut(computed, 0) == "0.5·1 + (-0.3)·2 + 0.1 = -0.1000 + 0.1")
        #expect(writer.writtenOut(computed, 1) == "2·1 + 1·2 + (-0.2) = 4.0000 + (-0.2)")
        // A function of a compound argument also shows the argument's value.
        let h = sigmoid(a.rows(0..<1, "a^{i}") + b.rows(0..<1, "b^{i}"))
        #expect(writer.symbolic(h) == "\\sigma\\left(a^{i} + b^{i}\\right)")
        #expect(writer.writtenOut(h, 0) == "σ(0.0000 + 0.1) = σ(0.1000)")
        // A function inside a product is written, then evaluated.
        #expect(writer.writtenOut(hadamard(x, tanh(a)), 1) == "2·tanh(3.8000) = 2·0.9990")
        #expect(writer.writtenOut(hadamard(oneMinus(b), x), 1) == "(1 - (-0.2))·2 = 1.2000·2")
        // A function of a sum of products: written, products evaluated, then the argument's value.
        #expect(writer.writtenOut(tanh(w * x + hadamard(x, b)), 0) == "tanh(0.5·1 + (-0.3)·2 + 1·0.1) = tanh(-0.1000 + 0.1000) = tanh(0.0000)")
        #expect(writer.symbolic(hadamard(w * x, b)) == "\\left(W x\\right) \\odot b")
    }

    /// A term with an exact 0 factor, and an added exact 0, carry no information: they are left out.
    @Test func zeroTermsAreLeftOut() {
        let tr = Trace(lesson: "test", title: "Test", example: "default")
        let w = tr.input("w", "W", .matrix(Matrix(rows: 2, cols: 3, entries: [3, -2, 0.5, 0, 1, 0])), title: "W", meaning: "")
        let oneHot = tr.input("x", "x", .vector(Vector([1, 0, 0])), title: "x", meaning: "")
        let zero = tr.input("b", "b", .vector(Vector([0, 0])), title: "b", meaning: "")
        let h = tr.input("h", "h", .vector(Vector([0.25, 0.5, 1])), title: "h", meaning: "")
        let writer = EquationWriter(style: NumberStyle(precision: 4))
        #expect(writer.writtenOut(w * oneHot + zero + w * h, 0) == "3·1 + 3·0.25 + (-2)·0.5 + 0.5·1 = 3.0000 + 0.2500")
        // Every term 0: the entry is written "0".
        #expect(writer.writtenOut(w * oneHot + zero, 1) == "0")
        // A sum that cancels to 0 is work to show.
        let cancel = tr.input("v", "v", .vector(Vector([0.5, 0.75, 0])), title: "v", meaning: "")
        #expect(writer.writtenOut(w * cancel + zero, 0) == "3·0.5 + (-2)·0.75")
        // One term left: a product, written as one.
        #expect(writer.writtenOut(w * h + zero, 1) == "1·0.5")
    }

    /// ⊤ joins a head's superscript (a double superscript is an error) and goes outside a fraction.
    @Test func transposesAreWrittenOnce() {
        #expect(transposed("K^{(2)}") == "K^{(2)\\top}")
        #expect(transposed("K_{1}") == "K_{1}^{\\top}")
        #expect(transposed("\\frac{\\partial L}{\\partial S}") == "\\left(\\frac{\\partial L}{\\partial S}\\right)^{\\top}")
    }

    @Test func largeTablesShowTheirCorners() {
        let writer = EquationWriter(style: NumberStyle(precision: 1))
        #expect(writer.shown(4, limit: 10) == [0, 1, 2, 3])
        #expect(writer.shown(20, limit: 10) == [0, 1, 2, 3, 4, 5, 6, nil, 18, 19])
    }
}

@Suite struct NumberStyleTests {
    let style = NumberStyle(precision: 4)

    @Test func fixedDecimalsWithoutNegativeZero() {
        #expect(style.fixed(0.64566) == "0.6457")
        #expect(style.fixed(-0.00001) == "0.0000")
        #expect(style.fixed(-0.0) == "0.0000")
        #expect(style.fixed(-1.5) == "-1.5000")
        #expect(style.fixed(.infinity) == "inf")
        // A huge value in exponent form, not 309 digits; given or computed alike.
        #expect(style.fixed(9e307) == "9.0000e+307" && style.fixed(-1e15) == "-1.0000e+15" && style.fixed(9.99e14) == "999000000000000.0000")
        #expect(style.given(1.7976931348623157e308) == "1.7976931348623157e+308")
        #expect(NumberStyle(precision: 0).fixed(2.5) == "2")
    }

    @Test func givenNumbersAsWritten() {
        #expect(style.given(0.5) == "0.5")
        #expect(style.given(-3) == "-3")
        #expect(style.given(-0.0) == "0")
        #expect(style.given(0.123456) == "0.1235")
        #expect(style.given(1e-5) == "1e-05")
        #expect(style.given(0.00012) == "0.0001")
        #expect(style.given(1e20) == "1e+20")
    }
}

/// A function defined outside the core, in one place: all it takes to add an elementwise operation.
struct Square: ElementwiseFunction {
    var name: String { "square" }
    func latex(_ argument: String) -> String { "\\left(\(argument)\\right)^{2}" }
    func callAsFunction(_ x: Double) -> Double { x * x }
    func derivative(_ x: Double, _ y: Double) -> Double { 2 * x }
}

@Suite struct OperationTests {
    @Test func aNewElementwiseFunctionIsWrittenLikeTheOthers() {
        let tr = Trace(lesson: "test", title: "Test", example: "default")
        let x = tr.input("x", "x", .vector(Vector([1.5, -2])), title: "x", meaning: "")
        let b = tr.input("b", "b", .vector(Vector([0.5, 1])), title: "b", meaning: "")
        let y = apply(Square(), x + b)
        let writer = EquationWriter(style: NumberStyle(precision: 4))
        #expect(y.value == .vector(Vector([4, 1])))
        #expect(writer.symbolic(y) == "\\left(x + b\\right)^{2}")
        #expect(writer.writtenOut(y, 1) == "square(-2 + 1) = square(-1.0000)")
    }

    /// Each function's derivative against a central difference, (f(x+h) − f(x−h))/2h.
    @Test func derivativesAgreeWithCentralDifferences() {
        let cases: [(any ElementwiseFunction, [Double])] = [
            (Sigmoid(), [-3, -0.5, 0, 0.7, 4]), (Tanh(), [-2, -0.1, 0, 0.3, 1.5]), (ReLU(), [-1, -0.2, 0.4, 2]),
            (Exp(), [-2, 0, 0.5, 1.5]), (SquareRoot(), [0.01, 0.5, 2, 9]), (Square(), [-2, 0, 3]),
        ]
        let h = 1e-6
        for (f, points) in cases {
            for x in points {
            let numeric = (f(x + h) - f(x - h)) / (2 * h)
            let analytic = f.derivative(x, f(x))
            #expect(abs(numeric - analytic) <= 1e-6 * max(1, abs(analytic)), "\(f.name)′(\(x)): \(analytic) vs \(numeric)")
            }
        }
    }
}

@Suite struct ExactFixedTests {
    /// The fast fixed-decimal writer agrees with printf's %.Nf on every kind of number: ties (0.125 to
    /// two decimals), halves, negatives, tiny and subnormal numbers, large ones, every precision.
    @Test func agreesWithPrintf() {
        var rng = SplitMix64(state: 11)
        var numbers: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-5, 5e-324, 2.2250738585072014e-308,
                                 9.999999999999999e14, 0.045, 1.0005, 123456.78905, -0.00005, 0.00015]
        for _ in 0..<4_000 {
            let bits = rng.next()
            let mantissa = Double(bits >> 11) / Double(1 << 53)
            let scale = [1e-12, 1e-6, 1e-3, 1, 10, 1e3, 1e6, 1e12][Int(bits % 8)]
            numbers.append((bits & 1 == 0 ? 1 : -1) * mantissa * scale)
            numbers.append(Double(Int(bits % 20_001) - 10_000) / 8)        // exact ties at several precisions
        }
        for x in numbers {
            for decimals in 0...15 {
                #expect(exactFixed(x, decimals) == String(format: "%.\(decimals)f", x), "\(x) to \(decimals) decimals")
            }
        }
    }
}
