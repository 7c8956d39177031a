import KeyProjects
import KeyProjectsStore

/// Triage at a meeting (issue 5 §3): the agenda walked item by item, full width; each action
/// is saved as it is made, so the meeting can be resumed where it stopped.
public struct TriageUI: Equatable, Sendable {
    public var meeting: String
    /// The agenda's items, by key, in order (the agenda as of the meeting's date).
    public var keys: [String]
    public var index = 0
    /// What was recorded at the meeting so far (read from the store).
    public var decisions: [MeetingDecision] = []
    public var loaded = false

    public init(meeting: String, keys: [String]) { self.meeting = meeting; self.keys = keys }

    /// Items with at least one thing recorded.
    public var handled: Int { Set(decisions.map(\.item)).intersection(keys).count }

    public func recorded(_ key: String) -> [MeetingDecision] { decisions.filter { $0.item == key } }

    /// Where a resumed meeting goes on: where the user left it this session, else the first
    /// item nothing was recorded for.
    mutating func resume(at place: Int? = nil) {
        if let place, keys.indices.contains(place) { index = place; return }
        let done = Set(decisions.map(\.item))
        index = keys.firstIndex { !done.contains($0) } ?? max(0, keys.count - 1)
    }
}

/// The actions on an agenda item, one key each.
public enum TriageAction: Character, CaseIterable, Sendable {
    case decision = "d", interview = "i", statement = "s", assign = "u", deadline = "t", escalate = "e", list = "L"

    /// The actions an item allows: a decision always; the interview on a yellow card; the
    /// statement on a red one; the issue steps on an issue the workflow allows them on.
    static func allowed(for item: AgendaItem, issue: Issue?, levels: [IssueLevel]) -> [TriageAction] {
        var out: [TriageAction] = [.decision]
        switch item {
        case .interview: out.append(.interview)
        case .statement: out.append(.statement)
        case .stalled: break
        case .lowRanked: return [.interview]   // reminded and interviewed; no project to decide on
        case .overdueIssue, .listedIssue:
            guard let issue else { break }
            let steps = IssueWorkflow.possibleSteps(for: issue, levels: levels)
            // Assign a registered issue, or reassign one a unit has (returned, then dispatched).
            if steps.contains(.dispatch) || steps.contains(.return) { out.append(.assign) }
            if steps.contains(.deadline) { out.append(.deadline) }
            if steps.contains(.escalate) { out.append(.escalate) }
            if steps.contains(.list) { out.append(.list) }
        }
        return out
    }
}

extension TriageAction {
    /// The action key that records a kind of decision (for words about it).
    static func key(for kind: MeetingDecision.Kind) -> Character {
        switch kind {
        case .decision: return "d"
        case .interviewHeld: return "i"
        case .statementMade: return "s"
        case .assigned: return "u"
        case .deadline: return "t"
        case .escalated: return "e"
        case .listed: return "L"
        }
    }
}
