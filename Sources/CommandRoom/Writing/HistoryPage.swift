import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

/// Who changed a project or an issue, and what, from the change log (issue 4 §5): newest
/// first, each change with its fields from → to.
enum HistoryPage {
    static func lines(_ scope: HistoryScope, _ state: AppState) -> [DetailLine] {
        let s = state.strings
        let title: String
        switch scope {
        case let .project(code):
            title = s.format("history.project", ["name": state.data?.project(code)?.name ?? code, "code": code])
        case let .issue(id): title = s.format("history.issue", ["id": id])
        }
        var lines = [DetailLine(title, "table.header"), .blank]
        guard let entries = state.history else { return lines + [DetailLine(s["msg.loading"], "muted")] }
        if entries.isEmpty { return lines + [DetailLine(s["history.none"], "muted")] }
        let roster = state.data?.config.roster ?? Roster()
        for entry in entries {
            let row = ChangeRow(entry, roster: roster)
            let action = row.actionWord(s)
            lines.append(DetailLine("\(row.localTime(in: state.options.timeZone))  \(row.who(s))  \(row.record(s))  \(action)", "text"))
            for change in row.lines(s) {
                var line = DetailLine("    " + change, "muted")
                line.indent = 6
                lines.append(line)
            }
        }
        return lines
    }
}
