/// One measured figure: the median of its samples (or the one value), with their range.
struct Figure: Codable, Sendable, Equatable {
    let measure: Measure
    /// The row's words when they carry a size (the grid's rows, the wall's seconds).
    var label: String?
    let value: Double
    var min: Double?
    var max: Double?

    var name: String { label ?? measure.label }

    /// The median of `samples`, with their range; 0 when there are none.
    static func median(_ measure: Measure, _ samples: [Double], label: String? = nil) -> Figure {
        Figure(measure: measure, label: label, value: Statistics.median(samples), min: samples.min() ?? 0, max: samples.max() ?? 0)
    }

    /// A single value (peak memory, CPU over a period).
    static func single(_ measure: Measure, _ value: Double, label: String? = nil) -> Figure {
        Figure(measure: measure, label: label, value: value)
    }
}

/// What one measuring process found: lines saying what was measured, then its figures.
struct FigureSection: Codable, Sendable, Equatable {
    var notes: [String]
    /// The table's first header ("measure", "dashboard (120×40)").
    var heading: String
    var figures: [Figure]
}

enum Statistics {
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
