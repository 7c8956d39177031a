import TextLayout
import TerminalKit

/// A section's table: each figure with its range, and beside it its target, the ratio of the
/// figure to the target, and whether it is over.
enum FigureTable {
    static func render(_ section: FigureSection) -> String {
        var table = TextTable(headers: [section.heading, "median", "min", "max", "target", "ratio", ""],
                              alignments: [.left, .right, .right, .right, .right, .right, .left])
        for figure in section.figures {
            let unit = figure.measure.unit
            var row = [figure.name, Format.value(figure.value, unit),
                       figure.min.map { Format.number($0, unit) } ?? "", figure.max.map { Format.number($0, unit) } ?? ""]
            if let target = Targets.target(for: figure.measure) {
                let verdict = Verdict(figure: figure, target: target)
                row += ["≤ \(Format.limit(target.limit))", Format.ratio(verdict.ratio), verdict.isOver ? "OVER" : "ok"]
            } else {
                row += ["", "", ""]
            }
            table.append(row)
        }
        return section.notes.map { $0 + "\n" }.joined() + table.render()
    }
}
