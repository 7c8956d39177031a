import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import TerminalKit

/// Keys of triage: → (n, Space) and ← (p) between items, an action key opens its small form,
/// Esc back to the meeting's page. Everything recorded is written at once.
extension Update {
    static func openTriage(_ state: inout AppState) -> [AppEffect] {
        guard case let .meeting(id)? = state.detail, let agenda = state.agenda, agenda.meeting == id else { return [] }
        guard allow(.editMeetings, target: id, &state) else { return [] }
        if state.data?.portfolio.meetings.first(where: { $0.id == id })?.cancelled == true {
            state.message = state.strings["triage.cancelled"]
            state.messageIsError = true
            return []
        }
        state.triage = TriageUI(meeting: id, keys: agenda.items.map(\.key))
        return [.loadDecisions(id)]
    }

    static func handleTriage(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard var triage = state.triage else { return [] }
        state.message = nil
        state.messageIsError = false
        switch key {
        case .escape, .character("q"):
            state.triage = nil
            return []
        case .right, .character("n"), .character(" "), .down:
            triage.index = min(max(0, triage.keys.count - 1), triage.index + 1)
        case .left, .character("p"), .up:
            triage.index = max(0, triage.index - 1)
        case .home: triage.index = 0
        case .end: triage.index = max(0, triage.keys.count - 1)
        case let .character(c):
            guard let action = TriageAction(rawValue: c), let data = state.data else { break }
            guard let item = currentAgendaItem(triage, state) else {
                // Nothing on the agenda (a site office): a decision on any project.
                if action == .decision { state.overlay = .form(FormCatalog.triage(.decision, item: nil, issue: nil, meeting: triage.meeting, state)) }
                break
            }
            let issue = item.issueID.flatMap { id in data.portfolio.issues.first { $0.id == id } }
            guard TriageAction.allowed(for: item, issue: issue, levels: data.organisation.issueLevels).contains(action) else {
                state.message = state.strings["triage.notHere"]
                state.messageIsError = true
                break
            }
            state.overlay = .form(FormCatalog.triage(action, item: item, issue: issue, meeting: triage.meeting, state))
        default: break
        }
        state.triage = triage
        return []
    }

    static func currentAgendaItem(_ triage: TriageUI, _ state: AppState) -> AgendaItem? {
        guard let agenda = state.agenda, triage.keys.indices.contains(triage.index) else { return nil }
        return agenda.items.first { $0.key == triage.keys[triage.index] }
    }

    static func decisionsLoaded(_ meeting: String, _ decisions: [MeetingDecision], _ state: inout AppState) {
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
            triage.resume()
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
