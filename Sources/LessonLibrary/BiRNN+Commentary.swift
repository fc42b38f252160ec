// birnn's commentary: phrases chosen from the values (what the output's rows hold, where each
// direction's gradient starts), and the slides box, whose verdicts rerun the same module on
// other sequences (x_1 alone; the last input changed) with values only.

import JSONFormat
import TraceCore

extension BiRNN {
    /// The states →h_t and ←h_t by position of the same module reading `x`, values only.
    static func rerun(_ m: BiRNNInput, on x: Matrix) -> (forward: [[Double]], reverse: [[Double]]) {
        let trace = Trace.$valuesOnly.withValue(true) { derive(m.reading(x), example: nil, file: "", backward: false) }
        return ((1...x.rows).map { trace["fwd.h[\($0)]"]?.value.flat ?? [] }, (1...x.rows).map { trace["bwd.h[\($0)]"]?.value.flat ?? [] })
    }

    /// The symbols the words name: «fh1» →h_1, «bh1» ←h_1, «fhT» →h_T, «fht» →h_t, «bht» ←h_t, «T»; «module», the PyTorch module.
    static func symbolSlots(_ m: BiRNNInput) -> [String: String] {
        let (fp, bp, t) = (m.forward, m.reverse, m.steps)
        return ["fh1": fp.symbol("h_{1}"), "bh1": bp.symbol("h_{1}"), "fhT": fp.symbol("h_{\(t)}"), "bhT": bp.symbol("h_{\(t)}"),
                "fht": fp.symbol("h_{t}"), "bht": bp.symbol("h_{t}"), "T": "\(t)", "2H": "\(2 * m.hidden)",
                "module": ["lstm": "nn.LSTM", "gru": "nn.GRU"][m.cell, default: "nn.RNN"]]
    }

    /// The output's caption: what its rows hold, and where PyTorch's h_n is in it.
    static func outputCaption(_ m: BiRNNInput, fhs: [Traced], bhs: [Traced]) -> Caption {
        let caption = words.caption("output", symbolSlots(m))
        let slots = symbolSlots(m).merging(["fT": vectorSaid(fhs[m.steps - 1].value.flat), "b1": vectorSaid(bhs[0].value.flat)]) { a, _ in a }
        return Caption(title: caption.title, meaning: caption.meaning + " " + words(m.steps == 1 ? "h_n, one step" : "h_n", slots))
    }

    /// The seed statements this example's numbers bear on, each with its verdict computed from the values.
    static func slides(_ m: BiRNNInput, fhs: [Traced], bhs: [Traced]) -> [String] {
        let w = words
        let t = m.steps
        let (f1, b1) = (fhs[0].value.flat, bhs[0].value.flat)
        var slots = symbolSlots(m).merging(["f1": vectorSaid(f1), "b1": vectorSaid(b1)]) { a, _ in a }
        var bullets: [String] = []
        // Seed 001: information from the other side. →h_1 has read x_1 alone; ←h_1, every position.
        if t > 1 {
            let alone = rerun(m, on: Matrix(rows: 1, cols: m.inputSize, entries: m.x.row(0).entries))
            slots["b1 alone"] = vectorSaid(alone.reverse[0])
            var said = w("slide other side") + " "
            if alone.reverse[0] != b1 {
                said += w("other side, confirmed", slots)
                // The last input changed (negated) leaves the forward states before it, and changes ←h_1.
                let last = m.x.row(t - 1).entries
                if last.contains(where: { $0 != 0 }) {
                    let negated = Matrix(rows: t, cols: m.inputSize, entries: Array(m.x.entries.dropLast(m.inputSize)) + last.map { -$0 })
                    let other = rerun(m, on: negated)
                    let same = (0..<(t - 1)).allSatisfy { other.forward[$0] == fhs[$0].value.flat }
                    slots["b1 negated"] = vectorSaid(other.reverse[0])
                    if same && other.reverse[0] != b1 { said += " " + w("other side, last input", slots) }
                }
            } else {
                said += w("other side, not here", slots)
            }
            bullets.append(said)
        }
        // Seed 001: two RNNs, each with parameters of its own.
        let (fp, bp) = (m.forward, m.reverse)
        let differ = [(fp.wIh, bp.wIh), (fp.wHh, bp.wHh)].map { a, b in zip(a.entries, b.entries).filter { $0 != $1 }.count }
        let apart = slots.merging(["ih": "\(differ[0])", "ihN": "\(fp.wIh.entries.count)", "hh": "\(differ[1])", "hhN": "\(fp.wHh.entries.count)"]) { a, _ in a }
        bullets.append(w("slide own parameters") + " " + w(differ.contains { $0 > 0 } ? "own parameters, confirmed" : "own parameters, same numbers", apart))
        // Seed 001: the two states concatenated at each position, not merged.
        let sum = zip(f1, b1).map { $0 + $1 }
        bullets.append(w("slide concatenate") + " " + w("concatenate, confirmed", slots.merging(["row1": vectorSaid(f1 + b1), "sum": vectorSaid(sum)]) { a, _ in a }))
        return bullets
    }

    /// After the summary table: PyTorch's h_n, both directions' last states, at the two ends.
    static func summarySaying(_ m: BiRNNInput, fhs: [Traced], bhs: [Traced]) -> String {
        words("summary saying", symbolSlots(m).merging(["fT": vectorSaid(fhs[m.steps - 1].value.flat), "b1": vectorSaid(bhs[0].value.flat)]) { a, _ in a })
    }

    /// Where each direction's way back starts and ends, with its gradient's sizes there.
    static func gradientSizesSaying(_ m: BiRNNInput, _ states: [(p: RecurrentInput, letter: String, norms: [Double])]) -> String {
        let t = m.steps
        var said = states.map { p, letter, norms in
            let (start, end) = p.reversed ? (1, t) : (t, 1)
            return words(t == 1 ? "gradient sizes, one position" : "gradient sizes", ["state": p.symbol("\(letter)_{t}"), "start": "\(start)", "end": "\(end)",
                                            "first": readable(norms[start - 1]), "last": readable(norms[end - 1])])
        }.joined(separator: " ")
        // Every row of G that is not 0 adds its share where it is: not one gradient travelling back alone.
        let g = m.gradOutput
        let rowsWithShare = (0..<t).filter { r in g.map { g in (0..<g.cols).contains { g[r, $0] != 0 } } ?? true }
        if t > 1 && rowsWithShare.count > 1 { said += " " + words("gradient sizes, every position") }
        return said
    }
}
