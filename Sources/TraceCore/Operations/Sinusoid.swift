// The positional encoding's sin/cos of an angle table: column j takes sin where `sines[j]`, else cos.

import Foundation

struct Sinusoid: Operation {
    let angles: Traced
    let sines: [Bool]

    var operands: [Traced] { [angles] }

    func latex(_ w: LaTeXWriter) -> LaTeX {
        LaTeX("\\operatorname{sin/cos}\\left(\(w.plain(angles))\\right)", .atom)
    }

    private func name(_ index: Int, _ result: Value) -> String {
        guard case .matrix(let m) = result else { preconditionFailure("sinusoid of a non-matrix") }
        return sines[index % m.cols] ? "sin" : "cos"
    }

    func writtenOut(_ index: Int, of result: Value, _ w: ArithmeticWriter) -> Arithmetic {
        Arithmetic("\(name(index, result))(\(w.entry(angles, index).text))", .atom)
    }

    func function(at index: Int, of result: Value) -> (name: String, operand: Traced, index: Int)? {
        (name(index, result), angles, index)
    }
}

/// sin of the columns where `sines[j]`, cos of the others.
public func sinusoid(_ angles: Traced, sines: [Bool]) -> Traced {
    guard case .matrix(let m) = angles.value else { preconditionFailure("sinusoid of a non-matrix") }
    var entries = m.entries
    for i in entries.indices { entries[i] = sines[i % m.cols] ? Foundation.sin(entries[i]) : Foundation.cos(entries[i]) }
    return Traced(.matrix(Matrix(rows: m.rows, cols: m.cols, entries: entries)), Sinusoid(angles: angles, sines: sines))
}
