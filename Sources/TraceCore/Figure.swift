// What a figure shows, as data: the lessons describe a figure, TraceRender's SVG draws it.

/// What a figure shows; the lessons describe it, `SVGRenderer` draws it.
public enum Figure: Sendable {
    /// One or more matrices side by side, each cell coloured by its value; `shared` panels use one
    /// colour scale, others one each (layer norm's input and output differ in size).
    case heatmaps(title: String, panels: [Heatmap], scale: ColourScale, shared: Bool = true)
    /// Small panels of lines over time: one panel per quantity, one line per unit.
    case lines(title: String, steps: [String], panels: [LinePanel])
    /// A sequence read both ways (birnn), drawn as two rows of cells meeting at each position.
    case directions(Directions)
    /// An array of matrices (B sequences of T × D cells) drawn side by side, some cells highlighted.
    case blocks(TensorBlocks)
    /// An image cut into square patches (vit-patches): its pixels, the grid and the patches' numbers.
    case patches(PatchGrid)

    public var title: String {
        switch self {
        case .heatmaps(let title, _, _, _), .lines(let title, _, _): return title
        case .directions(let d): return d.title
        case .blocks(let blocks): return blocks.title
        case .patches(let p): return p.title
        }
    }
}

/// Two rows of cells over the positions: the forward direction's, each passing its state to the
/// right, and the reverse direction's, each passing its state to the left; each cell reads the
/// input at its position below, and the two states meet in the output above. Each state's units
/// are coloured squares on one scale around 0.
public struct Directions: Sendable {
    public let title: String
    /// One label per position (the tokens).
    public let positions: [String]
    /// The states by position: `forward[t]`, `reverse[t]`, H numbers each.
    public let forward: [[Double]]
    public let reverse: [[Double]]
    /// The rows' names, top to bottom: the output, the forward cells, the reverse cells, the input.
    public let rowNames: [String]

    public init(title: String, positions: [String], forward: [[Double]], reverse: [[Double]], rowNames: [String]) {
        (self.title, self.positions, self.forward, self.reverse, self.rowNames) = (title, positions, forward, reverse, rowNames)
    }
}

/// A B × T × D array as B blocks of T rows and D columns, each cell with its number; the cells
/// one statistic is taken over (a feature in every sequence, one token's row, …) highlighted.
public struct TensorBlocks: Sendable {
    public let title: String
    /// One title per block (B).
    public let blocks: [String]
    /// Per block, one label per row (T).
    public let rows: [[String]]
    /// One label per column (D).
    public let columns: [String]
    /// The (B·T) × D numbers, block after block.
    public let values: Matrix
    /// Per entry of `values` (row-major), whether it is highlighted.
    public let highlighted: [Bool]
    public let rowHeader: String
    public let columnHeader: String

    public init(title: String, blocks: [String], rows: [[String]], columns: [String], values: Matrix, highlighted: [Bool],
                rowHeader: String, columnHeader: String) {
        (self.title, self.blocks, self.rows, self.columns, self.values, self.highlighted) = (title, blocks, rows, columns, values, highlighted)
        (self.rowHeader, self.columnHeader) = (rowHeader, columnHeader)
    }
}

public struct Heatmap: Sendable {
    public let title: String
    public let rows: [String]
    public let columns: [String]
    public let values: Matrix
    public let rowHeader: String
    public let columnHeader: String

    public init(title: String, rows: [String], columns: [String], values: Matrix, rowHeader: String, columnHeader: String) {
        (self.title, self.rows, self.columns, self.values) = (title, rows, columns, values)
        (self.rowHeader, self.columnHeader) = (rowHeader, columnHeader)
    }
}

public struct LinePanel: Sendable {
    public let title: String
    /// One series per unit, one value per step.
    public let series: [[Double]]
    /// The vertical range marked (0…1 for a gate); nil to fit the values. On a logarithmic
    /// scale, the range in values (1e-8…1), widened to whole decades; a bound ≤ 0 is ignored.
    public let range: ClosedRange<Double>?
    /// How values are placed up the vertical axis; `.linear` unless said.
    public let scale: LineScale

    public init(title: String, series: [[Double]], range: ClosedRange<Double>?, scale: LineScale = .linear) {
        (self.title, self.series, self.range, self.scale) = (title, series, range, scale)
    }
}

/// The vertical axis of a line panel.
public enum LineScale: Sendable, Equatable {
    /// Equal steps for equal differences; the axis marks its low end, middle and high end.
    case linear
    /// Equal steps for equal ratios (a gradient's size that shrinks step by step): the axis spans
    /// whole decades, 10⁻³ … 10⁰. A value that is 0, negative or not finite has no place on it:
    /// its line has a gap there.
    case logarithmic
}

public enum ColourScale: Sendable {
    /// 0 … 1 (weights, gates): viridis.
    case unit
    /// Symmetric around 0 (scores, encodings, normalized values): blue, white at 0, red.
    case diverging
}

// MARK: What a figure draws at most

/// How much a figure draws at most, so that every figure stays a few hundred kB of SVG and draws
/// at once whatever the input's size. What is left out is always the end: the first rows,
/// columns, steps and units are drawn; of the panels, the first ones and the last (an average
/// drawn after the heads stays).
public struct FigureLimits: Sendable {
    public var rows = 64
    public var columns = 64
    public var steps = 200
    public var units = 8
    public var panels = 9
    /// Positions of a sequence drawn as cells (a bidirectional RNN's), each a column of boxes.
    public var cells = 16

    public init() {}
    public static let standard = FigureLimits()
}

/// Something a figure leaves out, for the words that say so beside it and inside it.
public enum LeftOut: Sendable, Equatable {
    /// Only the first `shown` of `total` rows (columns, time steps, units) are drawn.
    case rows(shown: Int, total: Int)
    case columns(shown: Int, total: Int)
    case steps(shown: Int, total: Int)
    case units(shown: Int, total: Int)
    /// The panels titled `first` … `last`, `count` of them, are not drawn.
    case panels(first: String, last: String, count: Int)
}

extension Figure {
    /// The figure as drawn within `limits`, and what that leaves out, in the order the words say it.
    public func capped(_ limits: FigureLimits = .standard) -> (figure: Figure, leftOut: [LeftOut]) {
        var leftOut: [LeftOut] = []
        func note(_ item: LeftOut) { if !leftOut.contains(item) { leftOut.append(item) } }
        switch self {
        case .heatmaps(let title, let panels, let scale, let shared):
            let kept = keptPanels(panels, limit: limits.panels, title: \.title, note: note)
            let drawn = kept.map { panel -> Heatmap in
                let m = panel.values
                let (rows, cols) = (min(m.rows, limits.rows), min(m.cols, limits.columns))
                if rows < m.rows { note(.rows(shown: rows, total: m.rows)) }
                if cols < m.cols { note(.columns(shown: cols, total: m.cols)) }
                guard rows < m.rows || cols < m.cols else { return panel }
                let values = Matrix(rows: rows, cols: cols, entries: (0..<rows).flatMap { r in (0..<cols).map { m[r, $0] } })
                return Heatmap(title: panel.title, rows: Array(panel.rows.prefix(rows)), columns: Array(panel.columns.prefix(cols)),
                               values: values, rowHeader: panel.rowHeader, columnHeader: panel.columnHeader)
            }
            return (.heatmaps(title: title, panels: drawn, scale: scale, shared: shared), leftOut)
        case .lines(let title, let steps, let panels):
            let kept = keptPanels(panels, limit: limits.panels, title: \.title, note: note)
            let total = max(steps.count, kept.flatMap(\.series).map(\.count).max() ?? 0)
            let shownSteps = min(total, limits.steps)
            if shownSteps < total { note(.steps(shown: shownSteps, total: total)) }
            let drawn = kept.map { panel -> LinePanel in
                if panel.series.count > limits.units { note(.units(shown: limits.units, total: panel.series.count)) }
                return LinePanel(title: panel.title, series: panel.series.prefix(limits.units).map { Array($0.prefix(shownSteps)) },
                                 range: panel.range, scale: panel.scale)
            }
            return (.lines(title: title, steps: Array(steps.prefix(shownSteps)), panels: drawn), leftOut)
        case .directions(let d):
            let positions = min(d.positions.count, limits.cells)
            if positions < d.positions.count { note(.steps(shown: positions, total: d.positions.count)) }
            let units = d.forward.map(\.count).max() ?? 0
            if units > limits.units { note(.units(shown: limits.units, total: units)) }
            func kept(_ states: [[Double]]) -> [[Double]] { states.prefix(positions).map { Array($0.prefix(limits.units)) } }
            return (.directions(Directions(title: d.title, positions: Array(d.positions.prefix(positions)), forward: kept(d.forward),
                                           reverse: kept(d.reverse), rowNames: d.rowNames)), leftOut)
        case .blocks(let t):
            // The first blocks, and of each its first rows and columns.
            let perBlock = t.values.rows / max(t.blocks.count, 1)
            let (blocks, rows, cols) = (min(t.blocks.count, limits.panels), min(perBlock, limits.rows / 4), min(t.values.cols, limits.columns / 4))
            if blocks < t.blocks.count { note(.panels(first: t.blocks[blocks], last: t.blocks[t.blocks.count - 1], count: t.blocks.count - blocks)) }
            if rows < perBlock { note(.rows(shown: rows, total: perBlock)) }
            if cols < t.values.cols { note(.columns(shown: cols, total: t.values.cols)) }
            guard blocks < t.blocks.count || rows < perBlock || cols < t.values.cols else { return (self, leftOut) }
            let kept = (0..<blocks).flatMap { b in (0..<rows).flatMap { r in (0..<cols).map { (b * perBlock + r) * t.values.cols + $0 } } }
            return (.blocks(TensorBlocks(title: t.title, blocks: Array(t.blocks.prefix(blocks)), rows: t.rows.prefix(blocks).map { Array($0.prefix(rows)) },
                                         columns: Array(t.columns.prefix(cols)), values: Matrix(rows: blocks * rows, cols: cols, entries: kept.map { t.values.entries[$0] }),
                                         highlighted: kept.map { t.highlighted[$0] }, rowHeader: t.rowHeader, columnHeader: t.columnHeader)), leftOut)
        case .patches(let grid):
            let drawn = grid.capped(limits, note: note)
            return (.patches(drawn), leftOut)
        }
    }

    /// The first `limit − 1` panels and the last, when there are more than `limit`.
    private func keptPanels<Panel>(_ panels: [Panel], limit: Int, title: (Panel) -> String, note: (LeftOut) -> Void) -> [Panel] {
        guard panels.count > max(limit, 1) else { return panels }
        let first = max(limit - 1, 0)
        let dropped = panels[first..<(panels.count - 1)]
        if let a = dropped.first, let b = dropped.last { note(.panels(first: title(a), last: title(b), count: dropped.count)) }
        return Array(panels.prefix(first)) + [panels[panels.count - 1]]
    }
}
