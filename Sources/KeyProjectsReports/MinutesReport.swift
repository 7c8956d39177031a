import KeyProjects
import StringTables

/// A meeting's minutes (纪要, issue 5 §4), built from what was recorded at it: the decisions,
/// each with its responsible unit, person and deadline and the issue that tracks it; the
/// interviews held and statements made; the steps taken on issues.
public struct MinutesReport {
    public let meeting: Meeting
    public let decisions: [MeetingDecision]
    public let projectNames: [String: String]
    public let config: LocalityConfig
    public let strings: Strings

    public init(meeting: Meeting, decisions: [MeetingDecision], projectNames: [String: String], config: LocalityConfig, strings: Strings) {
        self.meeting = meeting; self.decisions = decisions; self.projectNames = projectNames; self.config = config; self.strings = strings
    }

    var scope: String { CalendarReport(meetings: [], config: config, from: meeting.date, to: meeting.date, strings: strings).scopeText(meeting.scope) }

    func name(_ d: MeetingDecision) -> String { projectNames[d.project] ?? d.project }

    /// A decision in words: what, who, by when, tracked as which issue.
    public func line(_ d: MeetingDecision) -> String {
        let s = strings
        switch d.kind {
        case .decision:
            return s.format("minutes.decision", ["project": name(d), "text": d.text, "unit": d.unit.isEmpty ? "—" : d.unit,
                                                 "person": d.person.isEmpty ? "—" : d.person, "deadline": d.deadline?.iso ?? "—",
                                                 "issue": d.issue])
        case .interviewHeld, .statementMade:
            return s.format("minutes.\(d.kind.rawValue)", ["project": name(d)]) + (d.text.isEmpty ? "" : s.format("minutes.note", ["text": d.text]))
        case .assigned, .deadline, .escalated, .listed:
            let text: String
            switch d.kind {
            case .deadline: text = s.format("minutes.deadlineText", ["date": d.deadline?.iso ?? "—", "reason": d.text])
            case .assigned: text = s.format("minutes.assignedText", ["unit": d.unit])
            case .escalated: text = s.format("minutes.escalatedText", ["reason": d.text])
            default: text = s.format("minutes.listedText", ["solution": d.text, "unit": d.unit, "person": d.person, "date": d.deadline?.iso ?? "—"])
            }
            return s.format("minutes.step", ["issue": d.issue, "project": name(d), "step": s["minutes.kind.\(d.kind.rawValue)"], "text": text])
        }
    }

    enum Part: CaseIterable { case decisions, followUps, steps }

    func part(_ d: MeetingDecision) -> Part {
        switch d.kind {
        case .decision: return .decisions
        case .interviewHeld, .statementMade: return .followUps
        case .assigned, .deadline, .escalated, .listed: return .steps
        }
    }

    func title(_ p: Part, _ n: Int) -> String {
        let key: String = switch p { case .decisions: "minutes.part.decisions"; case .followUps: "minutes.part.followUps"; case .steps: "minutes.part.steps" }
        return strings.format(key, ["n": String(n)])
    }

    public func markdown() -> String { render(markdown: true) }
    public func text() -> String { render(markdown: false) }

    func render(markdown: Bool) -> String {
        let s = strings
        var out = (markdown ? "# " : "") + s.format("minutes.title", ["title": MeetingText.title(meeting, s)]) + "\n" + (markdown ? "\n" : "")
        let facts = [s.format("agenda.when", ["date": meeting.date.iso, "time": meeting.time, "location": meeting.location]),
                     s.format("agenda.who", ["chair": meeting.chair, "scope": scope])]
        out += facts.map { (markdown ? "- " : "") + $0 }.joined(separator: "\n") + "\n"
        if decisions.isEmpty { return out + "\n" + s["minutes.empty"] + "\n" }
        var number = 0
        for p in Part.allCases {
            let mine = decisions.filter { part($0) == p }
            guard !mine.isEmpty else { continue }
            out += "\n" + (markdown ? "## " : "") + SectionNumber.prefix(number, s) + title(p, mine.count) + "\n" + (markdown ? "\n" : "")
            number += 1
            for (i, d) in mine.enumerated() { out += (markdown ? "" : "  ") + "\(i + 1). " + line(d) + "\n" }
        }
        return out
    }
}
