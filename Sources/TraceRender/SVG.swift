// Figures drawn by the project itself as SVG: heatmaps with a labelled colour scale (attention
// weights, scores, the positional-encoding table, layer norm before and after) and line panels
// of values over time (gates, hidden states), on a linear or a logarithmic axis (a gradient's size
// per step). Deterministic text: fixed decimals, no randomness.
// Colours stay readable for colour-blind readers: viridis for 0…1, blue–white–red around zero.
// Any Double may arrive (±1.8e308, subnormals, inf, nan): scales are computed in halves so they
// cannot overflow, every coordinate goes through `n`, every number shown through `shown`.

import Foundation
import TraceCore

struct SVGRenderer {
    /// The figure within `FigureLimits.standard`; what that leaves out is said under it.
    func render(_ figure: Figure) -> String {
        let (drawn, leftOut) = figure.capped()
        let notes = figureNotes(leftOut)
        switch drawn {
        case .heatmaps(let title, let panels, let scale, let shared): return heatmaps(title, panels, scale, shared: shared, notes: notes)
        case .lines(let title, let steps, let panels): return lines(title, steps, panels, notes: notes)
        case .directions(let d): return directions(d, notes: notes)
        case .blocks(let t): return blocks(t, notes: notes)
        case .patches(let grid): return patches(grid, notes: notes)
        }
    }

    // MARK: An array of matrices

    /// The blocks side by side, each titled, its rows labelled on its left and its columns below;
    /// every cell shows its number, the highlighted ones filled and outlined.
    private func blocks(_ t: TensorBlocks, notes: [String]) -> String {
        let cell = 34.0
        let perBlock = t.values.rows / max(t.blocks.count, 1)
        let rowLabelWidth = Double(min(16, t.rows.flatMap { $0 }.map(columns).max() ?? 1)) * 6.5 + 12
        let (top, headerWidth) = (58.0, 24.0)
        var body: [String] = []
        var x = 10.0 + headerWidth
        let (hx, hy) = (18.0, top + Double(perBlock) * cell / 2)
        body.append("<text x=\"\(n(hx))\" y=\"\(n(hy))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#444444\" transform=\"rotate(-90 \(n(hx)) \(n(hy)))\">"
            + xmlText(t.rowHeader) + "</text>")
        for (b, title) in t.blocks.enumerated() {
            let originX = x + rowLabelWidth
            body.append(text(originX + Double(t.values.cols) * cell / 2, 44, title, size: 12, anchor: "middle", weight: "bold"))
            for r in 0..<perBlock {
                let y = top + Double(r) * cell
                body.append(text(originX - 4, y + cell / 2 + 4, clip(t.rows[safe: b]?[safe: r] ?? "\(r + 1)"), size: 10, anchor: "end"))
                for c in 0..<t.values.cols {
                    let i = (b * perBlock + r) * t.values.cols + c
                    let on = t.highlighted[safe: i] ?? false
                    let cx = originX + Double(c) * cell
                    body.append("<rect x=\"\(n(cx))\" y=\"\(n(y))\" width=\"\(n(cell))\" height=\"\(n(cell))\" fill=\"\(on ? "#fdb863" : "#f7f7f7")\" stroke=\"#bbbbbb\"/>")
                    body.append(text(cx + cell / 2, y + cell / 2 + 3.5, shown(t.values.entries[i], inCell: true), size: 9, anchor: "middle"))
                }
            }
            // The highlighted cells outlined on top, so their edges are not covered by their neighbours'.
            for r in 0..<perBlock {
                for c in 0..<t.values.cols where t.highlighted[safe: (b * perBlock + r) * t.values.cols + c] ?? false {
                    body.append("<rect x=\"\(n(originX + Double(c) * cell))\" y=\"\(n(top + Double(r) * cell))\" width=\"\(n(cell))\" height=\"\(n(cell))\" fill=\"none\" stroke=\"#b35806\" stroke-width=\"2\"/>")
                }
            }
            for c in 0..<t.values.cols {
                body.append(text(originX + (Double(c) + 0.5) * cell, top + Double(perBlock) * cell + 14, clip(t.columns[safe: c] ?? "\(c + 1)"), size: 10, anchor: "middle"))
            }
            body.append(text(originX + Double(t.values.cols) * cell / 2, top + Double(perBlock) * cell + 30, t.columnHeader, size: 10, anchor: "middle", fill: "#444444"))
            x = originX + Double(t.values.cols) * cell + 24
        }
        return document(width: x, height: top + Double(perBlock) * cell + 44, title: t.title, body: body, notes: notes)
    }

    // MARK: Heatmaps

    private func heatmaps(_ title: String, _ panels: [Heatmap], _ scale: ColourScale, shared: Bool, notes: [String]) -> String {
        func range(_ values: [Double]) -> (Double, Double) {
            switch scale {
            case .unit: return (0, 1)
            case .diverging:
                let extent = max(values.filter { $0.isFinite }.map(abs).max() ?? 1, 1e-12)
                return (-extent, extent)
            }
        }
        let sharedRange = range(panels.flatMap { $0.values.entries })
        // Cells shrink for large matrices so the picture stays a readable size.
        let maxCells = panels.map { max($0.values.rows, $0.values.cols) }.max() ?? 1
        let cell = max(4.0, min(36.0, 420.0 / Double(max(maxCells, 1))))
        let showNumbers = cell >= 30 && panels.allSatisfy { $0.values.rows * $0.values.cols <= 64 }
        let labelEvery = max(1, Int((12 / cell).rounded(.up)))
        let rowLabelWidth = Double(min(16, panels.flatMap(\.rows).map(columns).max() ?? 1)) * 6.5 + 34
        var x = 10.0
        var body: [String] = []
        var bars = 0
        var height = 0.0
        func bar(at barX: Double, _ low: Double, _ high: Double) {
            bars += 1
            body += colourBar(at: barX, top: 58, low, high, scale, id: "scale\(bars)")
            height = max(height, 58 + 160 + 20)
        }
        for panel in panels {
            let m = panel.values
            let (low, high) = shared ? sharedRange : range(m.entries)
            let originX = x + rowLabelWidth
            let originY = 58.0
            body.append(text(originX + Double(m.cols) * cell / 2, 44, panel.title, size: 12, anchor: "middle", weight: "bold"))
            // Each column's x and each row's y formatted once: thousands of cells stay fast.
            let xs = (0..<m.cols).map { n(originX + Double($0) * cell) }
            let ys = (0..<m.rows).map { n(originY + Double($0) * cell) }
            let size = n(cell)
            for r in 0..<m.rows {
                for c in 0..<m.cols {
                    let v = m[r, c]
                    let fill = v.isFinite ? colour(v, low, high, scale) : "#d9d9d9"
                    body.append("<rect x=\"\(xs[c])\" y=\"\(ys[r])\" width=\"\(size)\" height=\"\(size)\" fill=\"\(fill)\"/>")
                    if showNumbers {
                        let label = shown(v, inCell: true)
                        let dark = v.isFinite && luminance(v, low, high, scale) < 0.5
                        body.append(text(originX + (Double(c) + 0.5) * cell, originY + (Double(r) + 0.5) * cell + 3.5,
                                         label, size: 9, anchor: "middle", fill: dark ? "#ffffff" : "#000000"))
                    }
                }
            }
            for r in stride(from: 0, to: m.rows, by: labelEvery) {
                body.append(text(originX - 4, originY + (Double(r) + 0.5) * cell + 4, clip(panel.rows[safe: r] ?? "\(r + 1)"), size: 10, anchor: "end"))
            }
            for c in stride(from: 0, to: m.cols, by: labelEvery) {
                let (cx, cy) = (originX + (Double(c) + 0.5) * cell + 3, originY + Double(m.rows) * cell + 6 + 4)
                body.append("<text x=\"\(n(cx))\" y=\"\(n(cy))\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-60 \(n(cx)) \(n(cy)))\">"
                    + xmlText(clip(panel.columns[safe: c] ?? "\(c + 1)")) + "</text>")
            }
            body.append(text(originX + Double(m.cols) * cell / 2, originY + Double(m.rows) * cell + 62, panel.columnHeader, size: 10, anchor: "middle", fill: "#444444"))
            let (hx, hy) = (x + 8, originY + Double(m.rows) * cell / 2)
            body.append("<text x=\"\(n(hx))\" y=\"\(n(hy))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#444444\" transform=\"rotate(-90 \(n(hx)) \(n(hy)))\">"
                + xmlText(panel.rowHeader) + "</text>")
            x = originX + Double(m.cols) * cell + 30
            height = max(height, originY + Double(m.rows) * cell + 74)
            // Each panel its own colour bar, or one bar after the last.
            if !shared {
                bar(at: x, low, high)
                x += 70
            }
        }
        if shared {
            bar(at: x + 10, sharedRange.0, sharedRange.1)
            x += 80
        }
        return document(width: x, height: height, title: title, body: body, notes: notes)
    }

    /// A vertical colour bar 160 high from `high` at its top to `low`, its ends and middle labelled.
    private func colourBar(at barX: Double, top: Double, _ low: Double, _ high: Double, _ scale: ColourScale, id: String) -> [String] {
        let barHeight = 160.0
        var stops: [String] = []
        for i in 0...10 {
            // The fraction first: low × i alone would overflow for the largest Doubles.
            let v = high * (1 - Double(i) / 10) + low * (Double(i) / 10)
            stops.append("<stop offset=\"\(n(Double(i) / 10))\" stop-color=\"\(colour(v, low, high, scale))\"/>")
        }
        var body = ["<defs><linearGradient id=\"\(id)\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">" + stops.joined() + "</linearGradient></defs>"]
        body.append("<rect x=\"\(n(barX))\" y=\"\(n0(top))\" width=\"14\" height=\"\(n(barHeight))\" fill=\"url(#\(id))\" stroke=\"#888888\"/>")
        for (fraction, v) in [(0.0, high), (0.5, low / 2 + high / 2), (1.0, low)] {
            body.append(text(barX + 18, top + barHeight * fraction + 4, shown(v), size: 10, anchor: "start"))
        }
        return body
    }

    // MARK: Two rows of cells

    /// Per position a column: the output's squares on top (the forward half, a gap, the reverse
    /// half), the forward cell, the reverse cell, the input's label; arrows between neighbouring
    /// cells, rightwards in the forward row and leftwards in the reverse row; a light line up each
    /// column behind the boxes, from the input through both cells to the output.
    private func directions(_ d: Directions, notes: [String]) -> String {
        let units = max(d.forward.map(\.count).max() ?? 1, 1)
        let square = units <= 4 ? 28.0 : 12.0
        let showNumbers = units <= 4
        let box = Double(units) * square + 8                  // a cell: its squares and a margin
        let outputWidth = 2 * Double(units) * square + 6      // both halves and the gap between them
        let column = max(box, outputWidth) + 34
        let labelWidth = 70.0
        let extent = max((d.forward + d.reverse).flatMap { $0 }.filter(\.isFinite).map(abs).max() ?? 1, 1e-12)
        let (low, high) = (-extent, extent)
        let rowY = [50.0, 50 + square + 40, 50 + 2 * square + 80, 50 + 3 * square + 106]   // output, forward, reverse, input
        var body = ["<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
            + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555555\"/></marker></defs>"]
        for (row, name) in d.rowNames.prefix(4).enumerated() {
            body.append(text(10, rowY[row] + (row == 3 ? 4 : square / 2 + 4), name, size: 11, anchor: "start", weight: "bold"))
        }
        func squares(_ values: [Double], from x: Double, y: Double) {
            for (u, v) in values.enumerated() {
                let fill = v.isFinite ? colour(v, low, high, .diverging) : "#d9d9d9"
                let sx = x + Double(u) * square
                body.append("<rect x=\"\(n(sx))\" y=\"\(n(y))\" width=\"\(n(square))\" height=\"\(n(square))\" fill=\"\(fill)\" stroke=\"#ffffff\"/>")
                if showNumbers {
                    let dark = v.isFinite && luminance(v, low, high, .diverging) < 0.5
                    body.append(text(sx + square / 2, y + square / 2 + 3.5, shown(v, inCell: true), size: 9, anchor: "middle", fill: dark ? "#ffffff" : "#000000"))
                }
            }
        }
        for (t, position) in d.positions.enumerated() {
            let cx = labelWidth + (Double(t) + 0.5) * column
            // The column's line first, so that the boxes are drawn over it.
            body.append("<line x1=\"\(n(cx))\" y1=\"\(n(rowY[3] - 12))\" x2=\"\(n(cx))\" y2=\"\(n(rowY[0] + square))\" stroke=\"#bbbbbb\" stroke-width=\"1.5\"/>")
            let outputX = cx - outputWidth / 2
            squares(d.forward[safe: t] ?? [], from: outputX, y: rowY[0])
            squares(d.reverse[safe: t] ?? [], from: outputX + Double(units) * square + 6, y: rowY[0])
            for (row, states) in [(1, d.forward), (2, d.reverse)] {
                body.append("<rect x=\"\(n(cx - box / 2))\" y=\"\(n(rowY[row] - 4))\" width=\"\(n(box))\" height=\"\(n(square + 8))\" rx=\"4\" fill=\"#ffffff\" stroke=\"#555555\"/>")
                squares(states[safe: t] ?? [], from: cx - box / 2 + 4, y: rowY[row])
            }
            body.append(text(cx, rowY[3] + 4, clip(position), size: 10, anchor: "middle"))
            // The state passed on: to the next position on the right (forward), on the left (reverse).
            guard t + 1 < d.positions.count else { continue }
            let (from, to) = (cx + box / 2 + 2, cx + column - box / 2 - 2)
            let (fy, ry) = (n(rowY[1] + square / 2), n(rowY[2] + square / 2))
            body.append("<line x1=\"\(n(from))\" y1=\"\(fy)\" x2=\"\(n(to))\" y2=\"\(fy)\" stroke=\"#555555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>")
            body.append("<line x1=\"\(n(to))\" y1=\"\(ry)\" x2=\"\(n(from))\" y2=\"\(ry)\" stroke=\"#555555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>")
        }
        let barX = labelWidth + Double(d.positions.count) * column + 10
        body += colourBar(at: barX, top: 50, low, high, .diverging, id: "scale1")
        return document(width: barX + 60, height: max(rowY[3] + 20, 50 + 160 + 20), title: d.title, body: body, notes: notes)
    }

    // MARK: An image cut into patches

    /// Per channel a panel of pixels on one colour scale around 0, a darker line at every patch's
    /// edge, and in each patch's top-left corner its number on a white tag.
    private func patches(_ grid: PatchGrid, notes: [String]) -> String {
        let extent = max(grid.channels.flatMap(\.values.entries).filter(\.isFinite).map(abs).max() ?? 1, 1e-12)
        let (low, high) = (-extent, extent)
        let maxCells = grid.channels.map { max($0.values.rows, $0.values.cols) }.max() ?? 1
        let cell = max(4.0, min(40.0, 320.0 / Double(max(maxCells, 1))))
        let showNumbers = cell >= 30
        let p = max(grid.patchSize, 1)
        // A tag only where a patch is large enough to hold it.
        let tagged = Double(p) * cell >= 18
        var body: [String] = []
        var x = 40.0
        var height = 58.0 + 160 + 20
        for panel in grid.channels {
            let m = panel.values
            let (originX, originY) = (x, 58.0)
            body.append(text(originX + Double(m.cols) * cell / 2, 44, panel.title, size: 12, anchor: "middle", weight: "bold"))
            for r in 0..<m.rows {
                for c in 0..<m.cols {
                    let v = m[r, c]
                    body.append("<rect x=\"\(n(originX + Double(c) * cell))\" y=\"\(n(originY + Double(r) * cell))\" width=\"\(n(cell))\" height=\"\(n(cell))\" fill=\"\(v.isFinite ? colour(v, low, high, .diverging) : "#d9d9d9")\"/>")
                    if showNumbers {
                        let dark = v.isFinite && luminance(v, low, high, .diverging) < 0.5
                        body.append(text(originX + (Double(c) + 0.5) * cell, originY + (Double(r) + 0.6) * cell + 3.5, shown(v, inCell: true),
                                         size: 10, anchor: "middle", fill: dark ? "#ffffff" : "#000000"))
                    }
                }
            }
            // Thin lines between pixels, thick ones between patches.
            let (right, bottom) = (originX + Double(m.cols) * cell, originY + Double(m.rows) * cell)
            for c in 0...m.cols {
                let lx = n(originX + Double(c) * cell)
                let edge = c % p == 0 || c == m.cols
                body.append("<line x1=\"\(lx)\" y1=\"\(n(originY))\" x2=\"\(lx)\" y2=\"\(n(bottom))\" stroke=\"\(edge ? "#222222" : "#bbbbbb")\" stroke-width=\"\(edge ? 2.5 : 0.5)\"/>")
            }
            for r in 0...m.rows {
                let ly = n(originY + Double(r) * cell)
                let edge = r % p == 0 || r == m.rows
                body.append("<line x1=\"\(n(originX))\" y1=\"\(ly)\" x2=\"\(n(right))\" y2=\"\(ly)\" stroke=\"\(edge ? "#222222" : "#bbbbbb")\" stroke-width=\"\(edge ? 2.5 : 0.5)\"/>")
            }
            if tagged {
                for pr in stride(from: 0, to: m.rows, by: p) {
                    for pc in stride(from: 0, to: m.cols, by: p) {
                        let number = "\(pr / p * grid.across + pc / p + 1)"
                        let (tx, ty) = (originX + Double(pc) * cell + 3, originY + Double(pr) * cell + 3)
                        let width = 8 + 7 * Double(number.count)
                        body.append("<rect x=\"\(n(tx))\" y=\"\(n(ty))\" width=\"\(n(width))\" height=\"14\" rx=\"3\" fill=\"#ffffff\" stroke=\"#222222\"/>")
                        body.append(text(tx + width / 2, ty + 11, number, size: 11, anchor: "middle", weight: "bold"))
                    }
                }
            }
            // Every pixel's row and column number, or every patch's first where cells are small.
            let every = cell >= 14 ? 1 : p
            for r in stride(from: 0, to: m.rows, by: every) {
                body.append(text(originX - 4, originY + (Double(r) + 0.5) * cell + 4, clip(panel.rows[safe: r] ?? "\(r + 1)"), size: 10, anchor: "end"))
            }
            for c in stride(from: 0, to: m.cols, by: every) {
                body.append(text(originX + (Double(c) + 0.5) * cell, bottom + 14, clip(panel.columns[safe: c] ?? "\(c + 1)"), size: 10, anchor: "middle"))
            }
            body.append(text(originX + Double(m.cols) * cell / 2, bottom + 30, panel.columnHeader, size: 10, anchor: "middle", fill: "#444444"))
            let (hx, hy) = (originX - 26, originY + Double(m.rows) * cell / 2)
            body.append("<text x=\"\(n(hx))\" y=\"\(n(hy))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#444444\" transform=\"rotate(-90 \(n(hx)) \(n(hy)))\">"
                + xmlText(panel.rowHeader) + "</text>")
            x = right + 56
            height = max(height, bottom + 42)
        }
        body += colourBar(at: x - 20, top: 58, low, high, .diverging, id: "scale1")
        return document(width: x + 40, height: height, title: grid.title, body: body, notes: notes)
    }

    // MARK: Lines over time

    private func lines(_ title: String, _ steps: [String], _ panels: [LinePanel], notes: [String]) -> String {
        let (panelWidth, panelHeight) = (220.0, 150.0)
        let columns = max(1, min(panels.count, 2))
        let palette = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"]
        var body: [String] = []
        let units = panels.map(\.series.count).max() ?? 0
        for (p, panel) in panels.enumerated() {
            let ox = 60 + Double(p % columns) * (panelWidth + 70)
            let oy = 50 + Double(p / columns) * (panelHeight + 70)
            func px(_ t: Int) -> Double { ox + (steps.count <= 1 ? panelWidth / 2 : Double(t) * panelWidth / Double(steps.count - 1)) }
            let title = panel.scale == .logarithmic ? markdownWords("figure log scale", ["title": panel.title]) : panel.title
            body.append(text(ox + panelWidth / 2, oy - 10, title, size: 12, anchor: "middle", weight: "bold"))
            body.append("<rect x=\"\(n(ox))\" y=\"\(n(oy))\" width=\"\(n(panelWidth))\" height=\"\(n(panelHeight))\" fill=\"none\" stroke=\"#888888\"/>")
            if panel.scale == .logarithmic {
                body += logarithmicPanel(panel, steps: steps, origin: (ox, oy), size: (panelWidth, panelHeight), px: px, palette: palette)
                continue
            }
            let values = panel.series.flatMap { $0 }.filter { $0.isFinite }
            let low = panel.range.map { min($0.lowerBound, values.min() ?? $0.lowerBound) } ?? min(values.min() ?? -1, 0)
            let high = panel.range.map { max($0.upperBound, values.max() ?? $0.upperBound) } ?? max(values.max() ?? 1, 0)
            // Halved, so that values as large as the largest Doubles cannot overflow the span.
            let span = high / 2 - low / 2 > 0 ? high / 2 - low / 2 : 1
            func py(_ v: Double) -> Double { oy + panelHeight - (v / 2 - low / 2) / span * panelHeight }
            for v in [low, low / 2 + high / 2, high] {
                body.append("<line x1=\"\(n(ox))\" y1=\"\(n(py(v)))\" x2=\"\(n(ox + panelWidth))\" y2=\"\(n(py(v)))\" stroke=\"#dddddd\"/>")
                body.append(text(ox - 5, py(v) + 4, shown(v), size: 10, anchor: "end"))
            }
            body += stepLabels(steps, origin: (ox, oy), panelHeight: panelHeight, px: px)
            for (u, series) in panel.series.enumerated() {
                let points = series.enumerated().filter { $0.element.isFinite }.map { (x: n(px($0.offset)), y: n(py($0.element))) }
                let colour = palette[u % palette.count]
                if points.count > 1 {
                    body.append("<polyline points=\"\(points.map { "\($0.x),\($0.y)" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
                }
                if steps.count <= 20 {
                    for point in points {
                        body.append("<circle cx=\"\(point.x)\" cy=\"\(point.y)\" r=\"3\" fill=\"\(colour)\"/>")
                    }
                }
            }
        }
        // Legend: one entry per unit (`FigureLimits` draws no more units than there are colours); a
        // single line (one unit, or a norm) is named by its panel's title alone.
        let rowsOfPanels = (panels.count + columns - 1) / columns
        let legendY = 50 + Double(rowsOfPanels) * (panelHeight + 70) - 20
        for u in 0..<(units > 1 ? min(units, palette.count) : 0) {
            let lx = 60 + Double(u) * 80
            body.append("<line x1=\"\(n(lx))\" y1=\"\(n(legendY))\" x2=\"\(n(lx + 20))\" y2=\"\(n(legendY))\" stroke=\"\(palette[u])\" stroke-width=\"3\"/>")
            body.append(text(lx + 24, legendY + 4, markdownWords("figure unit", ["u": "\(u + 1)"]), size: 10, anchor: "start"))
        }
        // Wide enough for the legend too (eight units need more than two panels' width).
        let width = max(60 + Double(columns) * (panelWidth + 70), 60 + Double(min(units, palette.count)) * 80 + 10)
        return document(width: width, height: legendY + 20, title: title, body: body, notes: notes)
    }

    /// The labels under a panel: at most about eight steps.
    private func stepLabels(_ steps: [String], origin: (x: Double, y: Double), panelHeight: Double, px: (Int) -> Double) -> [String] {
        let labelEvery = max(1, steps.count / 8)
        return stride(from: 0, to: steps.count, by: labelEvery).map { t in
            text(px(t), origin.y + panelHeight + 14, clip(steps[t]), size: 10, anchor: "middle")
        }
    }

    /// A panel's gridlines, labels and lines on a logarithmic axis of whole decades. A value with
    /// no place on it (0, negative, not finite) leaves a gap: the line starts a new segment after
    /// it, and a point alone between gaps is drawn as a dot.
    private func logarithmicPanel(_ panel: LinePanel, steps: [String], origin: (x: Double, y: Double), size: (width: Double, height: Double),
                                  px: (Int) -> Double, palette: [String]) -> [String] {
        let (ox, oy) = origin
        let decades = Self.decades(panel.series.flatMap { $0 }, range: panel.range)
        let (low, span) = (Double(decades.lowerBound), Double(decades.upperBound - decades.lowerBound))
        /// The y of 10^`decade`.
        func py(decade: Double) -> Double { oy + size.height - (decade - low) / span * size.height }
        var body: [String] = []
        let every = Self.labelledEvery(decades)
        for e in decades {
            let labelled = e % every == 0
            // Every decade a gridline while they stay 6 px apart or more, else the labelled ones;
            // none over the frame's top and bottom.
            if (labelled || span <= 24) && e != decades.lowerBound && e != decades.upperBound {
                let y = n(py(decade: Double(e)))
                body.append("<line x1=\"\(n(ox))\" y1=\"\(y)\" x2=\"\(n(ox + size.width))\" y2=\"\(y)\" stroke=\"\(labelled ? "#dddddd" : "#f0f0f0")\"/>")
            }
            if labelled { body.append(text(ox - 5, py(decade: Double(e)) + 4, Self.powerOfTen(e), size: 10, anchor: "end")) }
        }
        body += stepLabels(steps, origin: origin, panelHeight: size.height, px: px)
        for (u, series) in panel.series.enumerated() {
            var segments: [[(x: String, y: String)]] = [[]]
            for (t, v) in series.enumerated() {
                if v > 0 && v.isFinite {
                    segments[segments.count - 1].append((x: n(px(t)), y: n(py(decade: Self.decade(v)))))
                } else if !(segments.last?.isEmpty ?? true) {
                    segments.append([])
                }
            }
            segments.removeAll { $0.isEmpty }
            let colour = palette[u % palette.count]
            let drawn = segments.filter { $0.count > 1 }
            if !drawn.isEmpty {
                let d = drawn.map { "M" + $0.map { "\($0.x),\($0.y)" }.joined(separator: " L") }.joined(separator: " ")
                body.append("<path d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
            }
            // Every point a dot on a short axis, as on a linear one; on a long one the points alone.
            for point in steps.count <= 20 ? segments.flatMap({ $0 }) : segments.filter({ $0.count == 1 }).flatMap({ $0 }) {
                body.append("<circle cx=\"\(point.x)\" cy=\"\(point.y)\" r=\"3\" fill=\"\(colour)\"/>")
            }
        }
        return body
    }

    /// The decades a logarithmic axis spans, as powers of ten: from the one at or below the least
    /// positive finite value (or the range's low bound) to the one at or above the greatest, at
    /// least one apart; 10⁰ … 10¹ when there is nothing to place.
    static func decades(_ values: [Double], range: ClosedRange<Double>?) -> ClosedRange<Int> {
        var (least, most) = (Double.infinity, -Double.infinity)
        for v in values + [range?.lowerBound, range?.upperBound].compactMap({ $0 }) where v > 0 && v.isFinite {
            let d = decade(v)
            (least, most) = (min(least, d), max(most, d))
        }
        guard least <= most else { return 0...1 }
        // Between −324 and 309 for any Double: the conversion cannot trap.
        let (low, high) = (Int(least.rounded(.down)), Int(most.rounded(.up)))
        return low...max(high, low + 1)
    }

    /// log₁₀ of a positive finite value, a whole number when it is one up to rounding (log₁₀ 1e-5
    /// may come out as −4.999…, which would add a decade).
    static func decade(_ v: Double) -> Double {
        let x = log10(v)
        return abs(x - x.rounded()) < 1e-9 ? x.rounded() : x
    }

    /// Which decades are labelled: each of up to 8, else every 2nd, 3rd, 5th, 10th … so that at
    /// most about 8 labels stand on the axis (the powers divisible by it: 10⁻⁶, 10⁻³, 10⁰).
    static func labelledEvery(_ decades: ClosedRange<Int>) -> Int {
        let span = decades.upperBound - decades.lowerBound
        return [1, 2, 3, 5, 10, 20, 25, 50, 100].first { span <= 8 * $0 } ?? 100
    }

    /// 10 to a whole power, with superscript digits: "10⁻³", "10⁰", "10²".
    static func powerOfTen(_ exponent: Int) -> String {
        let digits = Array("⁰¹²³⁴⁵⁶⁷⁸⁹")
        return "10" + (exponent < 0 ? "⁻" : "") + String(String(exponent.magnitude).unicodeScalars.map { digits[Int($0.value) - 48] })
    }

    // MARK: Pieces

    /// The document around `body`, with `notes` (what was left out) as lines under the picture.
    private func document(width: Double, height: Double, title: String, body: [String], notes: [String]) -> String {
        let longest = ([columns(title) * 17] + notes.map { columns($0) * 12 }).max() ?? 0
        let width = max(width, Double(longest) / 2 + 20)
        let height = height + Double(notes.count) * 16 + (notes.isEmpty ? 0 : 6)
        // Korean words need a font with Hangul: the common ones of each system before the generic name.
        let hangul = (body + [title] + notes).contains { $0.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }
        let fonts = hangul ? "'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', 'NanumGothic', sans-serif" : "sans-serif"
        var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n0(width))\" height=\"\(n0(height))\" viewBox=\"0 0 \(n0(width)) \(n0(height))\" font-family=\"\(fonts)\">"]
        out.append("<title>\(xmlText(title))</title>")
        out.append("<rect width=\"\(n0(width))\" height=\"\(n0(height))\" fill=\"#ffffff\"/>")
        out.append(text(10, 22, title, size: 14, anchor: "start", weight: "bold"))
        out += body
        for (i, note) in notes.enumerated() {
            out.append(text(10, height - Double(notes.count - i) * 16 + 6, note, size: 11, anchor: "start", fill: "#444444"))
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    private func text(_ x: Double, _ y: Double, _ content: String, size: Int, anchor: String, weight: String = "normal", fill: String = "#000000") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(fill)\">\(xmlText(content))</text>"
    }

    /// The width of `text` in columns of a Latin letter: a Hangul or other wide character takes two.
    private func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ((0x1100...0x11FF).contains($1.value) || (0x2E80...0xA4CF).contains($1.value)
            || (0xAC00...0xD7A3).contains($1.value) || (0xF900...0xFAFF).contains($1.value) || (0xFF00...0xFF60).contains($1.value) ? 2 : 1) }
    }

    /// A label in at most 16 characters, counted as shown (a line break as its escape `\n`).
    private func clip(_ label: String) -> String {
        let label = escaped(label)
        return label.count > 16 ? String(label.prefix(15)) + "…" : label
    }

    /// A coordinate with one decimal; never `nan` or `inf`, never hundreds of digits.
    private func n(_ x: Double) -> String { String(format: "%.1f", x.isFinite ? min(max(x, -1e7), 1e7) : 0) }
    /// A size in whole units, likewise.
    private func n0(_ x: Double) -> String { String(format: "%.0f", x.isFinite ? min(max(x, 0), 1e7) : 0) }

    /// Viridis, sampled at nine stops and interpolated.
    private static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (109, 205, 89), (180, 222, 44), (253, 231, 37),
    ]

    private func rgb(_ v: Double, _ low: Double, _ high: Double, _ scale: ColourScale) -> (Double, Double, Double) {
        // Halved first, so that a range as wide as the largest Doubles cannot overflow to infinity.
        let span = high / 2 - low / 2
        let t = min(max((v / 2 - low / 2) / (span == 0 ? 1 : span), 0), 1)
        guard t.isFinite else { return (136, 136, 136) }
        switch scale {
        case .unit:
            let position = t * Double(Self.viridis.count - 1)
            let i = min(Int(position), Self.viridis.count - 2)
            let f = position - Double(i)
            let (a, b) = (Self.viridis[i], Self.viridis[i + 1])
            return (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
        case .diverging:
            // Blue (33, 102, 172) at the low end, white at 0, red (178, 24, 43) at the high end.
            let s = 2 * t - 1
            let end: (Double, Double, Double) = s < 0 ? (33, 102, 172) : (178, 24, 43)
            let k = abs(s)
            return (255 + (end.0 - 255) * k, 255 + (end.1 - 255) * k, 255 + (end.2 - 255) * k)
        }
    }

    private func colour(_ v: Double, _ low: Double, _ high: Double, _ scale: ColourScale) -> String {
        let (r, g, b) = rgb(v, low, high, scale)
        // Clamped before the conversion: Int(nan) or Int(inf) would trap.
        func byte(_ x: Double) -> Int { x.isFinite ? Int(min(max(x, 0), 255).rounded()) : 136 }
        let digits = Array("0123456789abcdef")
        return String(["#"] + [byte(r), byte(g), byte(b)].flatMap { [digits[$0 >> 4], digits[$0 & 15]] })
    }

    private func luminance(_ v: Double, _ low: Double, _ high: Double, _ scale: ColourScale) -> Double {
        let (r, g, b) = rgb(v, low, high, scale)
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
    }
}

/// A value on an axis or a colour bar: two decimals as usual ("0.70", "-12.50"); a number too
/// large or too small for them in three significant digits ("9e+307", "0.00123"). In a cell
/// (`inCell`) a small number stays "0.00", as the cell's colour says the rest.
func shown(_ v: Double, inCell: Bool = false) -> String {
    guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "−∞" : "∞") }
    let size = abs(v)
    let compact = inCell ? size >= 1e4 : size >= 1e6 || (size < 0.005 && size > 0)
    let text = String(format: compact ? "%.3g" : "%.2f", v)
    // A value that rounds to zero never shows a minus sign ("-0.00"), as in the tables (NumberStyle.fixed).
    return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
}

/// User text (a token, a label) as XML character data or attribute value. XML 1.0 forbids most
/// control characters even as references, so they are written as visible escapes (`\n`), like in
/// error messages; U+FFFE and U+FFFF, not characters in XML either, become U+FFFD.
func xmlText(_ text: String) -> String {
    var out = ""
    for scalar in escaped(text).unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
