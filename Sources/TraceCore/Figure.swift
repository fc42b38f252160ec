// What a figure shows, as data: the lessons describe a figure, TraceRender's SVG draws it.

/// What a figure shows; the lessons describe it, `SVGRenderer` draws it.
public enum Figure: Sendable {
    /// One or more matrices side by side, each cell coloured by its value; `shared` panels use one
    /// colour scale, others one each (layer norm's input and output differ in size).
    case heatmaps(title: String, panels: [Heatmap], scale: ColourScale, shared: Bool = true)
    /// Small panels of lines over time: one panel per quantity, one line per unit.
    case lines(title: String, steps: [String], panels: [LinePanel])

    public var title: String {
        switch self {
        case .heatmaps(let title, _, _, _), .lines(let title, _, _): return title
        }
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
    /// The vertical range marked (0…1 for a gate); nil to fit the values.
    public let range: ClosedRange<Double>?

    public init(title: String, series: [[Double]], range: ClosedRange<Double>?) {
        (self.title, self.series, self.range) = (title, series, range)
    }
}

public enum ColourScale: Sendable {
    /// 0 … 1 (weights, gates): viridis.
    case unit
    /// Symmetric around 0 (scores, encodings, normalized values): blue, white at 0, red.
    case diverging
}
