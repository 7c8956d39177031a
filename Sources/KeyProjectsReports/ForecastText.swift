import KeyProjects
import StringTables

/// The early warning (预警, issue 15 §4) in words: the card expected next month at the project's
/// pace, and what it must complete next month to stay on schedule.
public struct ForecastText {
    public let strings: Strings
    public let config: LocalityConfig

    public init(strings: Strings, config: LocalityConfig) { self.strings = strings; self.config = config }

    /// "黄牌预警 · 项目：按近 3 个月月均完成 60 万元的进度，预计2026年11月黄牌；2026年11月须完成 250 万元方能达到序时进度（…）".
    public func line(_ st: ProjectStanding) -> String {
        guard let f = st.forecast else { return st.project.name }
        let s = strings
        let words = CardText(strings: s, rules: config.rules.cards)
        let month = words.monthTitle(f.month)
        var parts = [s.format("forecast.line", ["warning": f.warning.map { s.word("warning", $0) } ?? "", "project": st.project.name,
                                                "k": String(f.paceMonths), "pace": f.pace.wanRoundedText, "month": month,
                                                "card": s.word("card", f.card)])]
        if f.needed > .zero || f.milestonesDue.isEmpty {
            parts.append(s.format("forecast.needed", ["month": month, "needed": f.needed.wanRoundedText, "plan": f.plannedToDate.wanRoundedText]))
        }
        if !f.milestonesDue.isEmpty {
            parts.append(s.format("forecast.milestones", ["list": s.list(f.milestonesDue.map { s.word("milestone", $0) }), "month": month]))
        }
        return s.clauses(parts)
    }
}
