// birnn's commentary: phrases chosen from the values (what the output's rows hold, where each
// direction's gradient starts), and the slides box, whose verdicts rerun the same module on
// other sequences (x_1 alone; the last input changed) with values only.

import Foundation
import JSONFormat
import TraceCore

extension BiRNN {
    /// The same module's values reading `x`, without words.
    static func valuesRun(_ m: BiRNNInput, on x: Matrix) -> Trace {
        Trace.$valuesOnly.withValue(true) { derive(m.reading(x), example: nil, file: "", backward: false) }
    }

    /// The states →h_t and ←h_t by position of the same module reading `x`, values only.
    static func rerun(_ m: BiRNNInput, on x: Matrix) -> (forward: [[Double]], reverse: [[Double]]) {
        let trace = valuesRun(m, on: x)
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
                said += w("other side, shown", slots)
                // The last input changed (negated) leaves the forward states before it, and changes ←h_1.
                let last = m.x.row(t - 1).entries
                if last.contains(where: { $0 != 0 }) {
                    let negated = Matrix(rows: t, cols: m.inputSize, entries: Array(m.x.entries.dropLast(m.inputSize)) + last.map { -$0 })
                    let other = rerun(m, on: negated)
                    let same = (0..<(t - 1)).allSatisfy { other.forward[$0] == fhs[$0].value.flat }
                    slots["b1 negated"] = vectorSaid(other.reverse[0])
                    if same && other.reverse[0] != b1 {
                        said += " " + w("other side, last input", slots)
                        // Far-away information still passes step by step: x_T's change at ←h_{T−1}, one step away, and at ←h_1.
                        if t > 2 { said += " " + stepByStep(m, bhs: bhs, changed: other.reverse, slots: slots) }
                    }
                }
            } else {
                // Why nothing arrives: no recurrent weights to carry it, or nothing from the right that changes the state.
                said += w(m.reverse.wHh.entries.allSatisfy { $0 == 0 } ? "other side, not here, weights" : "other side, not here", slots)
            }
            bullets.append(said)
        }
        // Seed 001: two RNNs, each with parameters of its own.
        let (fp, bp) = (m.forward, m.reverse)
        let differ = [(fp.wIh, bp.wIh), (fp.wHh, bp.wHh)].map { a, b in zip(a.entries, b.entries).filter { $0 != $1 }.count }
        let apart = slots.merging(["ih": "\(differ[0])", "ihN": "\(fp.wIh.entries.count)", "hh": "\(differ[1])", "hhN": "\(fp.wHh.entries.count)"]) { a, _ in a }
        bullets.append(w("slide own parameters") + " " + w("own parameters, construction") + " "
                       + w(differ.contains { $0 > 0 } ? "own parameters, differ" : "own parameters, same numbers", apart))
        // Seed 001: the two states concatenated at each position, not merged.
        let sum = zip(f1, b1).map { $0 + $1 }
        bullets.append(w("slide concatenate") + " " + w("concatenate, confirmed", slots.merging(["row1": vectorSaid(f1 + b1), "sum": vectorSaid(sum)]) { a, _ in a }))
        return bullets
    }

    /// After the figure: PyTorch's h_n, both directions' last states, at the two ends; and whether the
    /// reverse row keeps the signs of ←h_T all the way to position 1 (what to notice in the figure).
    static func summarySaying(_ m: BiRNNInput, fhs: [Traced], bhs: [Traced]) -> String {
        let t = m.steps
        let (bT, b1) = (bhs[t - 1].value.flat, bhs[0].value.flat)
        let slots = symbolSlots(m).merging(["fT": vectorSaid(fhs[t - 1].value.flat), "b1": vectorSaid(b1), "bT": vectorSaid(bT),
                                            "last": wordAt(m, t), "first": wordAt(m, 1)]) { a, _ in a }
        var said = words("summary saying", slots)
        guard t > 1 else { return said }
        let flipped = (0..<m.hidden).filter { j in bhs.contains { sign($0.value.flat[j]) != sign(bT[j]) } }
        if flipped.isEmpty {
            said += " " + words("summary carried", slots)
        } else {
            // Where the colour changes, said of ←h_1: the units whose sign there is not ←h_T's.
            let atFirst = (0..<m.hidden).filter { sign(b1[$0]) != sign(bT[$0]) }
            if !atFirst.isEmpty {
                said += " " + words("summary not carried", slots.merging(["units": listed(atFirst.map { words("unit", ["j": "\($0 + 1)"]) }),
                                                                          "has": atFirst.count == 1 ? "has" : "have"]) { a, _ in a })
            }
        }
        return said
    }

    /// -1, 0 or 1: the colour a value has in the figure (0 white).
    static func sign(_ x: Double) -> Int { x > 0 ? 1 : x < 0 ? -1 : 0 }

    /// Position t's word in a sentence: “river” with tokens, else $x_{t}$.
    static func wordAt(_ m: BiRNNInput, _ t: Int) -> String {
        m.tokens.map { "“\($0[t - 1])”" } ?? "$x_{\(t)}$"
    }

    /// How much of x_T's change reaches ←h_{T−1}, one step away, and ←h_1, T − 1 steps away: the
    /// distance a recurrent network still has to cross step by step.
    static func stepByStep(_ m: BiRNNInput, bhs: [Traced], changed: [[Double]], slots: [String: String]) -> String {
        let t = m.steps
        func moved(_ position: Int) -> Double {
            sqrt(zip(bhs[position - 1].value.flat, changed[position - 1]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +))
        }
        let (near, far) = (moved(t - 1), moved(1))
        let all = slots.merging(["steps": "\(t - 1)", "bhT-1": m.reverse.symbol("h_{\(t - 1)}"), "near": readable(near), "far": readable(far),
                                 "share": NumberStyle(precision: 0).fixed(100 * far / near)]) { a, _ in a }
        return words(far < near ? "other side, step by step, fades" : "other side, step by step, grows", all)
    }

    /// Where each direction's way back starts and ends, with its gradient's sizes there.
    static func gradientSizesSaying(_ m: BiRNNInput, _ states: [(p: RecurrentInput, letter: String, norms: [Double])]) -> String {
        let t = m.steps
        var said = states.map { p, letter, norms in
            let (start, end) = p.reversed ? (1, t) : (t, 1)
            // Along its way back: larger where it ends than where it began, or smaller (as shown, 4 decimals).
            let (first, last) = (readable(norms[start - 1]), readable(norms[end - 1]))
            let change = first == last ? "gradient sizes, same" : norms[end - 1] > norms[start - 1] ? "gradient sizes, grows" : "gradient sizes, shrinks"
            let way = words(p.reversed ? "way, rightwards" : "way, leftwards")
            return words(t == 1 ? "gradient sizes, one position" : "gradient sizes", ["state": p.symbol("\(letter)_{t}"), "start": "\(start)", "end": "\(end)",
                                            "first": first, "last": last, "change": words(change, ["way": way])])
        }.joined(separator: " ")
        // Every row of G that is not 0 adds its share where it is: not one gradient travelling back alone.
        let g = m.gradOutput
        let rowsWithShare = (0..<t).filter { r in g.map { g in (0..<g.cols).contains { g[r, $0] != 0 } } ?? true }
        if t > 1 && rowsWithShare.count > 1 { said += " " + words("gradient sizes, every position") }
        return said
    }

    // MARK: The examples' stories

    /// The example with its story told from the numbers, where the story speaks of them (the LSTM's
    /// and the GRU's: which of the reverse direction's gates read the input alone or are constant, and
    /// what the gates do on the way from the last word to the first).
    static func told(_ example: Example?, _ m: BiRNNInput) -> Example? {
        guard let example, ["lstm", "gru"].contains(example.name), example.name == m.cell, m.steps > 1 else { return example }
        let run = valuesRun(m, on: m.x)
        func values(_ name: String) -> [Double] { run[name]?.value.flat ?? [] }
        let (w, fp, bp, t, h) = (words, m.forward, m.reverse, m.steps, m.hidden)
        let (last, first) = (wordAt(m, t), wordAt(m, 1))
        func biases(_ p: RecurrentInput, _ k: Int) -> [Double] { (k * h..<(k + 1) * h).map { (p.bIh?.entries[$0] ?? 0) + (p.bHh?.entries[$0] ?? 0) } }
        func zeroRows(_ a: Matrix, _ k: Int) -> Bool { (k * h..<(k + 1) * h).allSatisfy { r in (0..<a.cols).allSatisfy { a[r, $0] == 0 } } }
        var said: [String] = []
        // The gates (not the candidate) whose rows of ←W_hh are all 0 read x_t alone; with ←W_ih's 0 too, their biases alone.
        let gates = bp.gates.enumerated().filter { !["g", "n"].contains($0.element) }
        let alone = gates.filter { zeroRows(bp.wHh, $0.offset) }
        if !alone.isEmpty {
            let one = alone.count == 1
            said.append(w("story input alone", ["gates": listed(alone.map { w("gate \($0.element)") }), "read": one ? "reads" : "read", "their": one ? "its" : "their"]))
            for (k, gate) in alone where zeroRows(bp.wIh, k) {
                let (b, v) = (biases(bp, k), values("bwd.\(gate)[\(t)]"))
                let same = Set(b).count == 1
                said.append(w(same ? "story constant gate" : "story constant gate, units",
                              ["gate": w("gate \(gate)"), "b": same ? numberLabel(b[0]) : givenSaid(b), "v": same ? twoDecimals(v[0]) : twoSaid(v)]))
            }
        }
        var slots = ["last": last, "first": first]
        if m.cell == "lstm" {
            // On the last word: whose input gate opens, so that the word is written into that unit's cell.
            let i = values("bwd.i[\(t)]")
            let state = i.map { $0 >= 0.5 ? "gate opens" : $0 < 0.1 ? "gate shut" : "gate half" }
            let open = i.indices.filter { i[$0] >= 0.5 }
            slots["written"] = open.isEmpty ? "" : w("lstm written", ["last": last, "units": listed(open.map { w("unit", ["j": "\($0 + 1)"]) })])
            slots["units"] = listed(state.indices.map { w("lstm unit gate", ["j": "\($0 + 1)", "state": w(state[$0])]) })
            said.append(w("story lstm last", slots.merging(["i": bp.symbol("i_{\(t)}"), "v": twoSaid(i)]) { a, _ in a }))
            // On the way to the first word: how much of each cell the forget gate keeps, at t = T − 1 … 1.
            let f = (1..<t).flatMap { values("bwd.f[\($0)]") }
            let (low, high) = (twoDecimals(f.min() ?? 0), twoDecimals(f.max() ?? 0))
            said.append(w(low == high ? "story lstm kept, same" : "story lstm kept, range",
                          ["first": first, "f": bp.symbol("f_{t}"), "v": low, "min": low, "max": high]))
            let fb = biases(fp, 1)
            said.append(w("story lstm forward", ["b": Set(fb).count == 1 ? w("forget biases of", ["b": numberLabel(fb[0])]) : givenSaid(fb)]))
        } else {
            // PyTorch's z keeps the old state: on the last word, which units take their candidate.
            let z = values("bwd.z[\(t)]")
            let zeroStart = (m.h0.map { Array($0.entries[h..<(2 * h)]) } ?? [0]).allSatisfy { $0 == 0 }
            let start = w(zeroStart ? "gru start zero" : "gru start")
            slots["units"] = listed(z.indices.map { w(z[$0] < 0.5 ? "gru takes" : "gru keeps", ["j": "\($0 + 1)", "start": start]) })
            said.append(w("story gru last", slots.merging(["z": bp.symbol("z_{\(t)}"), "v": twoSaid(z)]) { a, _ in a }))
            // The words between the two ends: how much of the state each keeps, as percentages.
            if t > 2 {
                let between = Array(2..<t)
                let zs = between.map { values("bwd.z[\($0)]") }
                let percent = { (x: Double) in NumberStyle(precision: 0).fixed(100 * x) }
                said.append(w("story gru between", slots.merging(["words": listed(between.map { wordAt(m, $0) }), "values": listed(zs.map(twoSaid)),
                                                                  "min": percent(zs.joined().min() ?? 0), "max": percent(zs.joined().max() ?? 0)]) { a, _ in a }))
            }
        }
        let zeroH0 = m.h0.map { $0.entries.allSatisfy { $0 == 0 } } ?? false
        var story = Example(name: example.name, summary: example.summary,
                            story: w("\(example.name).story", ["computed": said.joined(separator: " "), "h0": zeroH0 ? w("story h0 zeros") : ""]),
                            input: example.input, claims: example.claims)
        story.backwardStory = example.backwardStory
        return story
    }

    static func twoDecimals(_ x: Double) -> String { NumberStyle(precision: 2).fixed(x) }
    /// `[0.73, 0.05]`: gate values in a sentence, two decimals.
    static func twoSaid(_ v: [Double]) -> String { "[" + v.map(twoDecimals).joined(separator: ", ") + "]" }
    /// `[2, 1.5]`: given numbers in a sentence, as written.
    static func givenSaid(_ v: [Double]) -> String { "[" + v.map(numberLabel).joined(separator: ", ") + "]" }
}
