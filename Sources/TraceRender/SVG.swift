// Figures drawn by the project itself as SVG: heatmaps with a labelled colour scale (attention
// weights, scores, the positional-encoding table, layer norm before and after) and line panels
// of values over time (gates, hidden states). Deterministic text: fixed decimals, no randomness.
// Colours stay readable for colour-blind readers: viridis for 0…1, blue–white–red around zero.

import Foundation
import TraceCore

struct SVGRenderer {
    func render(_ figure: Figure) -> String {
        switch figure {
        case .heatmaps(let title, let panels, let scale, let shared): return heatmaps(title, panels, scale, shared: shared)
        case .lines(let title, let steps, let panels): return lines(title, steps, panels)
        }
    }

    // MARK: Heatmaps

    private func heatmaps(_ title: String, _ panels: [Heatmap], _ scale: ColourScale, shared: Bool) -> String {
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
        let cell = max(4.0, min(36.0, 420.0 / Double(maxCells)))
        let showNumbers = cell >= 30 && panels.allSatisfy { $0.values.rows * $0.values.cols <= 64 }
        let labelEvery = max(1, Int((12 / cell).rounded(.up)))
        let rowLabelWidth = Double(min(16, panels.flatMap(\.rows).map(\.count).max() ?? 1)) * 6.5 + 34
        var x = 10.0
        var body: [String] = []
        var bars = 0
        var height = 0.0
        func bar(at barX: Double, _ low: Double, _ high: Double) {
            bars += 1
            let barHeight = 160.0
            var stops: [String] = []
            for i in 0...10 {
                let v = high * (1 - Double(i) / 10) + low * Double(i) / 10
                stops.append(String(format: "<stop offset=\"%.1f\" stop-color=\"%@\"/>", Double(i) / 10, colour(v, low, high, scale)))
            }
            body.append("<defs><linearGradient id=\"scale\(bars)\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">" + stops.joined() + "</linearGradient></defs>")
            body.append(String(format: "<rect x=\"%.1f\" y=\"58\" width=\"14\" height=\"%.1f\" fill=\"url(#scale\(bars))\" stroke=\"#888888\"/>", barX, barHeight))
            for (fraction, v) in [(0.0, high), (0.5, low / 2 + high / 2), (1.0, low)] {
                body.append(text(barX + 18, 58 + barHeight * fraction + 4, String(format: "%.2f", v), size: 10, anchor: "start"))
            }
            height = max(height, 58 + barHeight + 20)
        }
        for panel in panels {
            let m = panel.values
            let (low, high) = shared ? sharedRange : range(m.entries)
            let originX = x + rowLabelWidth
            let originY = 58.0
            body.append(text(originX + Double(m.cols) * cell / 2, 44, panel.title, size: 12, anchor: "middle", weight: "bold"))
            for r in 0..<m.rows {
                for c in 0..<m.cols {
                    let v = m[r, c]
                    let fill = v.isFinite ? colour(v, low, high, scale) : "#d9d9d9"
                    body.append(String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%@\"/>",
                                       originX + Double(c) * cell, originY + Double(r) * cell, cell, cell, fill))
                    if showNumbers {
                        let label = v.isFinite ? String(format: "%.2f", v) : (v < 0 ? "−∞" : "∞")
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
                let cx = originX + (Double(c) + 0.5) * cell
                let cy = originY + Double(m.rows) * cell + 6
                body.append(String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-60 %.1f %.1f)\">%@</text>",
                                   cx + 3, cy + 4, cx + 3, cy + 4, escape(clip(panel.columns[safe: c] ?? "\(c + 1)"))))
            }
            body.append(text(originX + Double(m.cols) * cell / 2, originY + Double(m.rows) * cell + 62, panel.columnHeader, size: 10, anchor: "middle", fill: "#444444"))
            body.append(String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\" fill=\"#444444\" transform=\"rotate(-90 %.1f %.1f)\">%@</text>",
                               x + 8, originY + Double(m.rows) * cell / 2, x + 8, originY + Double(m.rows) * cell / 2, escape(panel.rowHeader)))
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
        return document(width: x, height: height, title: title, body: body)
    }

    // MARK: Lines over time

    private func lines(_ title: String, _ steps: [String], _ panels: [LinePanel]) -> String {
        let (panelWidth, panelHeight) = (220.0, 150.0)
        let columns = max(1, min(panels.count, 2))
        let palette = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"]
        var body: [String] = []
        let units = panels.map(\.series.count).max() ?? 0
        for (p, panel) in panels.enumerated() {
            let values = panel.series.flatMap { $0 }.filter { $0.isFinite }
            let low = panel.range.map { min($0.lowerBound, values.min() ?? $0.lowerBound) } ?? min(values.min() ?? -1, 0)
            let high = panel.range.map { max($0.upperBound, values.max() ?? $0.upperBound) } ?? max(values.max() ?? 1, 0)
            // Halved, so that values as large as the largest Doubles cannot overflow the span.
            let span = high / 2 - low / 2 > 0 ? high / 2 - low / 2 : 1
            let ox = 60 + Double(p % columns) * (panelWidth + 70)
            let oy = 50 + Double(p / columns) * (panelHeight + 70)
            func px(_ t: Int) -> Double { ox + (steps.count <= 1 ? panelWidth / 2 : Double(t) * panelWidth / Double(steps.count - 1)) }
            func py(_ v: Double) -> Double { oy + panelHeight - (v / 2 - low / 2) / span * panelHeight }
            body.append(text(ox + panelWidth / 2, oy - 10, panel.title, size: 12, anchor: "middle", weight: "bold"))
            body.append(String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#888888\"/>", ox, oy, panelWidth, panelHeight))
            for v in [low, low / 2 + high / 2, high] {
                body.append(String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\"/>", ox, py(v), ox + panelWidth, py(v)))
                body.append(text(ox - 5, py(v) + 4, String(format: "%.2f", v), size: 10, anchor: "end"))
            }
            let labelEvery = max(1, steps.count / 8)
            for t in stride(from: 0, to: steps.count, by: labelEvery) {
                body.append(text(px(t), oy + panelHeight + 14, clip(steps[t]), size: 10, anchor: "middle"))
            }
            for (u, series) in panel.series.enumerated() {
                let points = series.enumerated().filter { $0.element.isFinite }
                    .map { String(format: "%.1f,%.1f", px($0.offset), py($0.element)) }
                let colour = palette[u % palette.count]
                if points.count > 1 {
                    body.append("<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
                }
                if steps.count <= 20 {
                    for point in points {
                        let xy = point.split(separator: ",")
                        body.append("<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"\(colour)\"/>")
                    }
                }
            }
        }
        // Legend: one entry per unit.
        let rowsOfPanels = (panels.count + columns - 1) / columns
        let legendY = 50 + Double(rowsOfPanels) * (panelHeight + 70) - 20
        for u in 0..<min(units, palette.count) {
            let lx = 60 + Double(u) * 80
            body.append(String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%@\" stroke-width=\"3\"/>", lx, legendY, lx + 20, legendY, palette[u]))
            body.append(text(lx + 24, legendY + 4, markdownWords("figure unit", ["u": "\(u + 1)"]), size: 10, anchor: "start"))
        }
        if units > palette.count { body.append(text(60 + Double(palette.count) * 80, legendY + 4, markdownWords("figure first units", ["count": "\(palette.count)"]), size: 10, anchor: "start")) }
        let width = 60 + Double(columns) * (panelWidth + 70)
        return document(width: width, height: legendY + 20, title: title, body: body)
    }

    // MARK: Pieces

    private func document(width: Double, height: Double, title: String, body: [String]) -> String {
        let width = max(width, Double(title.count) * 8.5 + 20)
        var out = [String(format: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\">",
                          width, height, width, height)]
        out.append("<title>\(escape(title))</title>")
        out.append(String(format: "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>", width, height))
        out.append(text(10, 22, title, size: 14, anchor: "start", weight: "bold"))
        out += body
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    private func text(_ x: Double, _ y: Double, _ content: String, size: Int, anchor: String, weight: String = "normal", fill: String = "#000000") -> String {
        String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%@\" font-weight=\"%@\" fill=\"%@\">%@</text>",
               x, y, size, anchor, weight, fill, escape(content))
    }

    private func clip(_ label: String) -> String { label.count > 16 ? String(label.prefix(15)) + "…" : label }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

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
        return String(format: "#%02x%02x%02x", Int(r.rounded()), Int(g.rounded()), Int(b.rounded()))
    }

    private func luminance(_ v: Double, _ low: Double, _ high: Double, _ scale: ColourScale) -> Double {
        let (r, g, b) = rgb(v, low, high, scale)
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
