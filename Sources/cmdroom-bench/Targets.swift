/// A figure's target: the limit its median (or single value) must not pass.
struct Target: Sendable {
    let measure: Measure
    let limit: Limit

    /// A limit with its unit, so the table below reads as the README does.
    enum Limit: Sendable {
        case ms(Double), mb(Double), percent(Double)

        var unit: Measure.Unit {
            switch self {
            case .ms: .milliseconds
            case .mb: .megabytes
            case .percent: .percentOfCore
            }
        }
        var value: Double {
            switch self {
            case .ms(let v), .mb(let v), .percent(let v): v
            }
        }
    }

    init(_ measure: Measure, _ limit: Limit) { self.measure = measure; self.limit = limit }

    var name: String { measure.label }
    var unit: Measure.Unit { limit.unit }
}

/// The speed and memory targets, in one table: DESIGN's and the issues' figures. A measure not
/// listed has no target (it is printed for information).
enum Targets {
    static let table: [Target] = [
        Target(.openLoadCards, .ms(300)),
        Target(.commitMonthly, .ms(10)),
        Target(.rssBoard, .mb(200)),
        Target(.firstFrame, .ms(500)),
        Target(.keyMove, .ms(16)),
        Target(.keyFilter, .ms(16)),
        Target(.keySwitchView, .ms(16)),
        Target(.pasteCommandLine, .ms(100)),
        Target(.overviewKey, .ms(16)),
        Target(.overviewPageTurn, .ms(16)),
        Target(.gridOpen, .ms(500)),
        Target(.gridKey, .ms(16)),
        // The grid's commit has no target in the issue: the bench holds it to one second.
        Target(.gridCommit, .ms(1000)),
        // The commit runs off the loop: its key and the next are drawn as any other.
        Target(.gridCommitKey, .ms(16)),
        // Issue 13 §8: a clerk's pasted column saved in a few seconds.
        Target(.gridPasteSave, .ms(5000)),
        Target(.gridKeyDuringCommit, .ms(16)),
        Target(.wallIdleCPU, .percent(2)),
    ]

    static func target(for measure: Measure) -> Target? { table.first { $0.measure == measure } }
}
