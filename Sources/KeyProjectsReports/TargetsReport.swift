import KeyProjects
import KeyProjectsStore
import StringTables
import TextLayout

/// The year's targets with their actuals (issue 6 §4), as text, JSON or CSV.
public struct TargetsReport {
    public struct Row: Encodable, Sendable {
        public var indicator: String
        public var name: String
        public var target: Double
        @NullWhenEmpty public var actual: Double?
        /// Met, not (yet) met, or null when the actual cannot be told.
        @NullWhenEmpty public var met: Bool?
        public var lead: String
    }

    public let rows: [Row]
    public let config: LocalityConfig
    public let asOf: Day
    public let strings: Strings

    public init(portfolio: Portfolio, config: LocalityConfig, asOf: Day, strings: Strings) {
        self.config = config; self.asOf = asOf; self.strings = strings
        rows = config.targets.map { t in
            let actual = AnnualTargets.actual(t, portfolio, asOf: asOf).map { ($0 * 10).rounded() / 10 }
            return Row(indicator: t.indicator.rawValue, name: t.name, target: t.target, actual: actual, met: actual.map { $0 >= t.target },
                       lead: t.lead)
        }
    }

    public static func percent(_ v: Double) -> String { v == v.rounded() ? "\(Int(v))%" : String(format: "%.1f%%", v) }

    public func render(_ format: OutputFormat) -> String {
        let s = strings
        switch format {
        case .json: return jsonText(rows)
        case .csv:
            return CSVText.write(header: ["indicator", "name", "target", "actual", "met", "lead"], rows: rows.map { r in
                [r.indicator, r.name, Self.percent(r.target), r.actual.map(Self.percent) ?? "", r.met.map { $0 ? "yes" : "no" } ?? "", r.lead]
            })
        case .text:
            var out = s.format("targets.title", ["hq": config.organisation.name, "year": String(asOf.year), "asOf": asOf.iso]) + "\n\n"
            if rows.isEmpty { return out + s["targets.none"] + "\n" }
            var table = TextTable(headers: [s["targets.col.name"], s["targets.col.target"], s["targets.col.actual"], s["targets.col.met"],
                                            s["targets.col.lead"]], alignments: [.left, .right, .right, .left, .left])
            for r in rows {
                table.append([r.name, "≥ " + Self.percent(r.target), r.actual.map(Self.percent) ?? "—",
                              r.met.map { $0 ? s["targets.met"] : s["targets.notMet"] } ?? "—", r.lead])
            }
            out += table.render()
            return out
        }
    }
}
