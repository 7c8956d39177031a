import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// Triage on screen: the meeting and the progress at the top, the current item full width and
/// large enough to read on a projector, why it is there, what was recorded about it, and the
/// actions it allows.
enum TriageRender {
    static func draw(_ triage: TriageUI, _ state: AppState, _ canvas: inout Canvas, _ body: Rect) {
        let s = state.strings
        guard let data = state.data, let agenda = state.agenda,
              let meeting = data.portfolio.meetings.first(where: { $0.id == triage.meeting }) else { return }
        let report = AgendaReport(meeting: meeting, month: agenda.month, items: agenda.items, config: data.config, strings: s)
        let head = s.format("triage.header", ["title": meeting.title, "i": String(triage.keys.isEmpty ? 0 : triage.index + 1),
                                              "n": String(triage.keys.count), "done": String(triage.handled)])
        canvas.fill(body.row(0), style: state.style("table.header"))
        canvas.put(" " + head, in: body.row(0), style: state.style("table.header"))
        // The progress as a bar: how many items have something recorded.
        let barWidth = max(10, body.width - 4)
        let done = triage.keys.isEmpty ? 0 : triage.handled * barWidth / triage.keys.count
        canvas.put(" " + String(repeating: state.options.ascii ? "#" : "█", count: done)
                   + String(repeating: state.options.ascii ? "-" : "░", count: barWidth - done), in: body.row(1), style: state.style("bar"))
        guard let item = Update.currentAgendaItem(triage, state) else {
            // Nothing on the agenda: decisions can still be recorded, on any project.
            canvas.put("  " + s["agenda.empty"] + " " + s["triage.offAgenda"], in: body.row(3), style: state.style("muted"))
            var y = 5
            let minutes = MinutesReport(meeting: meeting, decisions: triage.decisions, projectNames: [:], config: data.config, strings: s)
            for d in triage.decisions where y < body.height {
                canvas.put("  · " + minutes.line(d), in: body.row(y), style: state.style("text"))
                y += 1
            }
            return
        }
        let issue = item.issueID.flatMap { id in data.portfolio.issues.first { $0.id == id } }
        var lines: [(String, String)] = []
        let role: String = switch item { case .statement: "card.red"; case .interview: "card.yellow"; case .stalled: "stall"; case .overdueIssue: "alert"; case .listedIssue: "text"; case .lowRanked: "alert" }
        lines.append(("\(triage.index + 1). " + report.line(item), role))
        lines.append(("", "text"))
        lines.append((report.detail(item), "text"))
        if let issue {
            lines.append((s.format("triage.issueFacts", ["status": s["status.\(issue.status.rawValue)"], "unit": issue.unit.isEmpty ? "—" : issue.unit,
                                                         "deadline": issue.deadline?.iso ?? "—"]), "muted"))
        }
        let recorded = triage.recorded(item.key)
        lines.append(("", "text"))
        lines.append((s.format("triage.recorded", ["n": String(recorded.count)]), "table.section"))
        let minutes = MinutesReport(meeting: meeting, decisions: recorded, projectNames: [:], config: data.config, strings: s)
        for d in recorded { lines.append(("  · " + minutes.line(d).replacingOccurrences(of: d.project + "：", with: ""), "text")) }
        if recorded.isEmpty { lines.append(("  " + s["none"], "muted")) }
        lines.append(("", "text"))
        let actions = TriageAction.allowed(for: item, issue: issue, levels: data.organisation.issueLevels)
        lines.append((actions.map { "\($0.rawValue) \(s["triage.action.\($0.rawValue)"])" }.joined(separator: "   "), "keybar.label"))
        var y = 3
        for (text, style) in lines {
            for piece in DisplayWidth.wrap(text, columns: max(10, body.width - 4), indent: 0) {
                guard y < body.height else { return }
                canvas.put("  " + piece, in: body.row(y), style: state.style(style))
                y += 1
            }
        }
    }
}
