import KeyProjects
import KeyProjectsReports
import StringTables

/// The issue queue as it is on screen: filtered (`/`, `o`, `L`, `c`) and in triage order, with
/// every column the widest screen has (the level, the due date, the status, the description).
enum QueueExport {
    static func table(_ state: AppState) -> ExportTable? {
        guard let data = state.data, data.complete else { return nil }
        let s = state.strings
        let reader = IssueQueueReport(portfolio: Portfolio(files: []), config: data.config, asOf: data.asOf, strings: s)
        let headers = [s["col.light"], s["col.id"], s["col.code"], s["col.project"], s["col.category"], s["col.step"], s["col.level"],
                       s["col.due"], s["col.left"], s["col.unit"], s["col.listed"], s["col.status"], s["col.issues"]]
        let rows = state.queue.rows.compactMap { index -> [String]? in
            guard index < data.queue.count else { return nil }
            let e = data.queue[index]
            let i = e.issue
            let shared = e.groupSize > 1 ? "[" + s.format("shared", ["n": String(e.groupSize)]) + "] " : ""
            // A cleared issue has no clock running: no light (its status says 已销号).
            return [i.status == .cleared ? "" : s.word("light", e.clock.light), i.id, i.project, e.project?.name ?? i.projectLabel,
                    s.word("category", i.category), s.word("step", e.clock.step), s.word("issueLevel", i.level),
                    e.clock.due?.iso ?? "", reader.daysText(e.clock), i.unit, i.listed ? s["mark.listed"] : "",
                    s.issueStatus(i), shared + i.description]
        }
        var flags: [String] = []
        if state.queue.overdueOnly { flags.append(s["flag.overdue"]) }
        if state.queue.listedOnly { flags.append(s["flag.listed"]) }
        if state.queue.showCleared { flags.append(s["flag.cleared"]) }
        let title = ExportTitle.join([
            s.format("queue.title", ["hq": data.organisation.name, "asOf": data.asOf.iso]),
            s.list(flags),
            ExportTitle.filter(state.queue.filter.text, s),
        ])
        return ExportTable(title: title, headers: headers, rows: rows)
    }
}
