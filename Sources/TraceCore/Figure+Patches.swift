// An image cut into square patches, as vit-patches draws it: one panel per channel, each pixel a
// cell coloured by its value, a line every `patchSize` pixels, and each patch's number.

/// An image and its patches: `channels[c]` is channel c's H × W pixels; patches are numbered from 1
/// in row-major order (along the top row of patches first), as the rows of the patch matrix.
public struct PatchGrid: Sendable {
    public let title: String
    /// One panel per channel, each H × W.
    public let channels: [Heatmap]
    public let patchSize: Int
    /// The number of patches along a row of the image (W / P): patch (r, c) of the grid is number r · across + c + 1.
    public let across: Int

    public init(title: String, channels: [Heatmap], patchSize: Int, across: Int) {
        (self.title, self.channels, self.patchSize, self.across) = (title, channels, patchSize, across)
    }

    /// Within `limits`: the first channels and the last, the first rows and columns of pixels,
    /// cut at a patch's edge where a patch fits (whole patches are drawn, their numbers kept).
    func capped(_ limits: FigureLimits, note: (LeftOut) -> Void) -> PatchGrid {
        var kept = channels
        if channels.count > max(limits.panels, 1) {
            let first = max(limits.panels - 1, 0)
            let dropped = channels[first..<(channels.count - 1)]
            if let a = dropped.first, let b = dropped.last { note(.panels(first: a.title, last: b.title, count: dropped.count)) }
            kept = Array(channels.prefix(first)) + [channels[channels.count - 1]]
        }
        func cut(_ count: Int, _ limit: Int) -> Int {
            guard count > limit else { return count }
            return patchSize <= limit ? limit / patchSize * patchSize : limit
        }
        let drawn = kept.map { panel -> Heatmap in
            let m = panel.values
            let (rows, cols) = (cut(m.rows, limits.rows), cut(m.cols, limits.columns))
            if rows < m.rows { note(.rows(shown: rows, total: m.rows)) }
            if cols < m.cols { note(.columns(shown: cols, total: m.cols)) }
            return panel.topLeft(rows: rows, cols: cols)
        }
        return PatchGrid(title: title, channels: drawn, patchSize: patchSize, across: across)
    }
}

extension Heatmap {
    /// Its first `rows` rows and `cols` columns.
    func topLeft(rows: Int, cols: Int) -> Heatmap {
        let m = values
        guard rows < m.rows || cols < m.cols else { return self }
        let cut = Matrix(rows: rows, cols: cols, entries: (0..<rows).flatMap { r in (0..<cols).map { m[r, $0] } })
        return Heatmap(title: title, rows: Array(self.rows.prefix(rows)), columns: Array(columns.prefix(cols)),
                       values: cut, rowHeader: rowHeader, columnHeader: columnHeader)
    }
}
