import KeyProjects
import TerminalKit

/// Triage at a meeting (`T` on its page): the agenda walked item by item, full width; → (n,
/// Space) and ← (p) between items, an action key opens its small form, Esc back to the
/// meeting's page. Everything recorded is written at once.
struct TriageScreen: Screen {
    var triage: TriageUI
    var clearsNoticeOnKey: Bool { false }

    /// Starts triage over a meeting's page, if the roster allows it and the meeting was held.
    static func open(over page: any PageScreen, _ state: inout AppState) -> Outcome {
        guard case let .meeting(id) = page.detail, let agenda = state.agenda, agenda.meeting == id else { return .handled() }
        guard Update.allow(.editMeetings, target: id, &state) else { return .handled() }
        if state.data?.portfolio.meetings.first(where: { $0.id == id })?.cancelled == true {
            state.message = state.strings["triage.cancelled"]
            state.messageIsError = true
            return .handled()
        }
        // Far from the meeting's day (more than a week from the as-of day): said, not refused.
        if let meeting = state.data?.portfolio.meetings.first(where: { $0.id == id }), let asOf = state.data?.asOf,
           abs(meeting.date.ordinal - asOf.ordinal) > 7 {
            state.message = state.strings.format("triage.farFromDate", ["date": meeting.date.iso, "asOf": asOf.iso])
            state.messageIsError = false
        }
        return .push(TriageScreen(triage: TriageUI(meeting: id, keys: agenda.items.map(\.key))), [.loadDecisions(id)])
    }

    func bindings(_ state: AppState) -> [Binding] {
        var list = [
            Binding([.right, .character("n"), .character(" "), .down], .nextItem, help: nil).bar("bar.nextItem", 0),
            Binding([.left, .character("p"), .up], .previousItem, help: nil).bar("bar.previousItem", 10),
            Binding([.home], .firstItem, help: nil), Binding([.end], .lastItem, help: nil),
            Binding([.escape, .character("q")], .back, help: nil).bar("bar.back", 90),
            Binding([.character("g")], .jump, help: nil).bar("bar.jump", 80),
            Binding([.character("l")], .listItems, help: nil).bar("bar.items", 85),
        ]
        // The actions the current item allows, each with its key (any action key is taken: a
        // key the item does not allow says so).
        var allowed: Set<TriageAction> = []
        if let data = state.data {
            if let item = Update.currentAgendaItem(triage, state) {
                let issue = item.issueID.flatMap { id in data.portfolio.issues.first { $0.id == id } }
                allowed = Set(TriageAction.allowed(for: item, issue: issue, levels: data.organisation.issueLevels))
            } else {
                allowed = [.decision]
            }
        }
        for (i, action) in TriageAction.allCases.enumerated() {
            let binding = Binding([.character(action.rawValue)], .agenda(action), help: nil)
            list.append(allowed.contains(action) ? binding.bar("triage.action.\(action.rawValue)", 20 + i) : binding)
        }
        return list
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        state.message = nil
        state.messageIsError = false
        switch action {
        case .back:
            state.triagePlaces[triage.meeting] = triage.index
            return .pop()
        case .jump: return .push(TriageJumpScreen())
        case .listItems: return .push(TriageListScreen(selected: triage.index))
        case .nextItem: triage.index = min(max(0, triage.keys.count - 1), triage.index + 1)
        case .previousItem: triage.index = max(0, triage.index - 1)
        case .firstItem: triage.index = 0
        case .lastItem: triage.index = max(0, triage.keys.count - 1)
        case let .agenda(action):
            guard let data = state.data else { break }
            guard let item = Update.currentAgendaItem(triage, state) else {
                // Nothing on the agenda (a site office): a decision on any project.
                if action == .decision {
                    return .push(FormScreen(FormCatalog.triage(.decision, item: nil, issue: nil, meeting: triage.meeting, state)))
                }
                break
            }
            let issue = item.issueID.flatMap { id in data.portfolio.issues.first { $0.id == id } }
            guard TriageAction.allowed(for: item, issue: issue, levels: data.organisation.issueLevels).contains(action) else {
                state.message = state.strings["triage.notHere"]
                state.messageIsError = true
                break
            }
            return .push(FormScreen(FormCatalog.triage(action, item: item, issue: issue, meeting: triage.meeting, state)))
        default: break
        }
        return .handled()
    }

    /// The item at a number of the agenda (1-based), if there is one.
    static func go(to number: Int, _ state: inout AppState) -> Bool {
        guard var triage = state.triage, triage.keys.indices.contains(number - 1) else { return false }
        triage.index = number - 1
        state.triage = triage
        return true
    }

    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        state.message = nil
        state.messageIsError = false
        return .handled()
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { TriageRender.draw(triage, state, &canvas, area) }

    /// Back on top after the jump or the list: the item they chose.
    mutating func reappeared(_ state: inout AppState) -> [AppEffect] { [] }

    func status(_ state: AppState) -> StatusParts? {
        StatusParts(state.strings.format("triage.status", ["done": String(triage.handled), "n": String(triage.keys.count)]))
    }
}
