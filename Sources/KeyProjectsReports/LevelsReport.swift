import Foundation
import KeyProjects
import StringTables
import TextLayout

/// The lower stores' roll-up (`cmdroom levels`; issue 17 §5): for each city or county store,
/// its cards, its investment against the year's plan and its overdue issues, as text, JSON or CSV.
public struct LevelsReport {
    public let rollups: [LevelRollup]
    public let strings: Strings

    public init(rollups: [LevelRollup], strings: Strings) { self.rollups = rollups; self.strings = strings }

    struct Row: Encodable {
        var store: String
        var name: String
        var month: String
        var projects: Int
        var blue: Int, behind: Int, yellow: Int, red: Int
        /// 万元
        var annualPlan: Double
        var completedThisYear: Double
        @NullWhenEmpty var percentOfPlan: Int?
        var openIssues: Int
        var overdueIssues: Int
    }

    var rows: [Row] {
        rollups.map { r in
            Row(store: r.store, name: r.name, month: r.month.iso, projects: r.projects, blue: r.counts.blue, behind: r.counts.behind,
                yellow: r.counts.yellow, red: r.counts.red, annualPlan: r.annualPlan.wan, completedThisYear: r.completedThisYear.wan,
                percentOfPlan: r.percentOfPlan, openIssues: r.openIssues, overdueIssues: r.overdueIssues)
        }
    }

    public func render(_ format: OutputFormat) -> String {
        let s = strings
        switch format {
        case .json: return jsonText(rows)
        case .csv:
            return CSVText.write(header: ["store", "name", "month", "projects", "blue", "behind", "yellow", "red", "annual_plan",
                                          "completed_this_year", "percent_of_plan", "open_issues", "overdue_issues"],
                                 rows: rows.map { r in
                [r.store, r.name, r.month, String(r.projects), String(r.blue), String(r.behind), String(r.yellow), String(r.red),
                 r.annualPlan.description, r.completedThisYear.description, r.percentOfPlan.map(String.init) ?? "",
                 String(r.openIssues), String(r.overdueIssues)]
            })
        case .text:
            guard !rollups.isEmpty else { return s["levels.none"] + "\n" }
            var table = TextTable(headers: [s["levels.col.name"], s["levels.col.month"], s["levels.col.cards"], s["levels.col.investment"],
                                            s["levels.col.issues"]],
                                  alignments: [.left, .left, .left, .right, .right])
            for r in rollups {
                let cards = s.format("levels.cards", ["blue": String(r.counts.blue), "behind": String(r.counts.behind),
                                                      "yellow": String(r.counts.yellow), "red": String(r.counts.red)])
                let investment = s.format("levels.investment", ["done": r.completedThisYear.wanText, "plan": r.annualPlan.wanText,
                                                                "percent": r.percentOfPlan.map { "\($0)%" } ?? "—"])
                let issues = s.format("levels.issues", ["overdue": String(r.overdueIssues), "open": String(r.openIssues)])
                table.append(["\(r.name)（\(r.store)）", r.month.description, cards, investment, issues])
            }
            return table.render()
        }
    }
}
