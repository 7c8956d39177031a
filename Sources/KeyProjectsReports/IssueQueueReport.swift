import KeyProjects
import KeyProjectsStore
import StringTables
import TextLayout

/// One issue of the queue, as `cmdroom issues --format json|csv` prints it.
public struct IssueRow: Encodable, Sendable {
    public var id: String
    public var project: String
    public var projectName: String
    public var category: String
    public var kind: String
    public var level: String
    public var status: String
    /// The 13710 step it is in: dispatch, arrange, feedback, solve, confirm, cleared.
    public var stage: String
    @NullWhenEmpty public var due: String?
    @NullWhenEmpty public var daysLeft: Int?
    public var overdue: Bool
    public var light: String
    public var listed: Bool
    public var unit: String
    public var group: String
    public var groupSize: Int
    public var tier: Int
    public var description: String
    /// Referred here from a lower store: that store and its issue (`xiangfen/Q2026-0012`).
    public var origin: String
    /// Referred to the level above: the issue there (`linfen/Q2026-0042`).
    public var referredTo: String
}

/// The issue queue in triage order.
public struct IssueQueueReport {
    public let entries: [TriageEntry]
    public let config: LocalityConfig
    public let asOf: Day
    public let strings: Strings

    public init(portfolio: Portfolio, config: LocalityConfig, asOf: Day, strings: Strings,
                overdueOnly: Bool = false, listedOnly: Bool = false, includeCleared: Bool = false) {
        var entries = Triage.order(portfolio.issues, projects: portfolio.projectsByCode, asOf: asOf, rules: config.rules.clock)
        if !includeCleared { entries.removeAll { $0.issue.status == .cleared } }
        if overdueOnly { entries.removeAll { !$0.clock.isOverdue || !$0.issue.status.isOpen } }
        if listedOnly { entries.removeAll { !$0.issue.listed } }
        self.entries = entries; self.config = config; self.asOf = asOf; self.strings = strings
    }

    public var rows: [IssueRow] {
        entries.map { e in
            IssueRow(id: e.issue.id, project: e.issue.project, projectName: e.projectName, category: e.issue.category.rawValue,
                     kind: e.issue.kind.rawValue, level: e.issue.level.rawValue, status: e.issue.status.rawValue,
                     stage: e.clock.step.rawValue, due: e.clock.due?.iso, daysLeft: e.clock.daysLeft,
                     overdue: e.clock.isOverdue, light: e.clock.light.rawValue, listed: e.issue.listed, unit: e.issue.unit,
                     group: e.issue.group, groupSize: e.groupSize, tier: e.tier.rawValue, description: e.issue.description,
                     origin: e.issue.origin, referredTo: e.issue.referredTo)
        }
    }

    public func daysText(_ clock: ClockReading) -> String {
        guard let left = clock.daysLeft else { return strings["days.none"] }
        let unit = clock.inWorkingDays ? ".working" : ""
        if left < 0 { return strings.format("days.overdue" + unit, ["n": String(-left)]) }
        if left == 0 { return strings["days.today"] }
        return strings.format("days.left" + unit, ["n": String(left)])
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: return JSONText.encode(rows)
        case .csv:
            return CSVText.write(header: ["id", "project", "projectName", "category", "kind", "level", "status", "stage", "due",
                                          "daysLeft", "overdue", "light", "listed", "unit", "group", "groupSize", "tier", "description", "origin", "referredTo"],
                                 rows: rows.map { r in
                                     [r.id, r.project, r.projectName, r.category, r.kind, r.level, r.status, r.stage, r.due ?? "",
                                      r.daysLeft.map(String.init) ?? "", String(r.overdue), r.light, String(r.listed), r.unit,
                                      r.group, String(r.groupSize), String(r.tier), r.description, r.origin, r.referredTo]
                                 })
        case .text: return text()
        }
    }

    func text() -> String {
        let s = strings
        var out = s.format("queue.title", ["hq": config.organisation.name, "asOf": asOf.iso]) + "\n"
        let overdue = entries.filter { $0.clock.isOverdue && $0.issue.status.isOpen }.count
        out += s.format("queue.summary", ["n": String(entries.count), "overdue": String(overdue),
                                          "listed": String(entries.filter { $0.issue.listed }.count),
                                          "waiting": String(entries.filter { $0.issue.status == .solutionClaimed }.count)]) + "\n\n"
        var table = TextTable(headers: [s["col.id"], s["col.project"], s["col.category"], s["col.step"], s["col.due"],
                                        s["col.left"], s["col.light"], s["col.unit"], s["col.listed"], s["col.status"],
                                        s["col.issues"]],
                              alignments: [.left, .left, .left, .left, .left, .right, .left, .left, .left, .left, .left])
        for e in entries {
            let i = e.issue
            let listed = i.listed ? s["yes"] : ""
            var description = i.description
            if e.groupSize > 1 { description = "[\(s.format("shared", ["n": String(e.groupSize)]))] " + description }
            table.append([i.id, e.project?.name ?? i.projectLabel, s.word("category", i.category), s.word("step", e.clock.step),
                          e.clock.due?.iso ?? "—", daysText(e.clock),
                          s.referredMark(i) ?? s.word("light", e.clock.light),
                          i.unit.isEmpty ? "—" : i.unit,
                          listed, s.issueStatus(i), description])
        }
        out += table.render()
        return out
    }
}
