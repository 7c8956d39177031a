import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import TerminalKit

/// Triage's agenda items and what was recorded at the meeting.
extension Update {
    static func currentAgendaItem(_ triage: TriageUI, _ state: AppState) -> AgendaItem? {
        guard let agenda = state.agenda, triage.keys.indices.contains(triage.index) else { return nil }
        return agenda.items.first { $0.key == triage.keys[triage.index] }
    }

    static func decisionsLoaded(_ meeting: String, _ decisions: [MeetingDecision], _ state: inout AppState) {
        state.decisions = (meeting, decisions)
        guard var triage = state.triage, triage.meeting == meeting else { return }
        let first = !triage.loaded
        triage.decisions = decisions
        triage.loaded = true
        if first {
            // Resuming: items worked at this meeting stay on the list even if working them took
            // them off today's agenda (a reassigned issue is no longer overdue).
            if var agenda = state.agenda, let data = state.data {
                for key in decisions.map(\.item) where !triage.keys.contains(key) {
                    guard let item = agendaItem(key, data) else { continue }
                    agenda.items.append(item)
                    triage.keys.append(key)
                }
                state.agenda = agenda
            }
            triage.resume(at: state.triagePlaces[meeting])
        }
        state.triage = triage
    }

    /// An agenda item from its key, as the data stands now.
    static func agendaItem(_ key: String, _ data: DashboardData) -> AgendaItem? {
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "statement": return data.standing(parts[1]).map(AgendaItem.statement)
        case "interview": return data.standing(parts[1]).map(AgendaItem.interview)
        case "stalled": return data.standing(parts[1]).map(AgendaItem.stalled)
        case "overdue": return data.queue.first { $0.issue.id == parts[1] }.map(AgendaItem.overdueIssue)
        case "listed": return data.queue.first { $0.issue.id == parts[1] }.map(AgendaItem.listedIssue)
        default: return nil
        }
    }
}
