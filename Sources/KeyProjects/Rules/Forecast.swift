/// Early warning (预警, DOMAIN.md §10; issue 15 §4): the card a project is expected to get next
/// month if it keeps its recent pace, and the amount it must complete next month to stay on
/// schedule. The county platforms of seed 003 exist "to show trouble before it lands".
public struct ForecastRules: Sendable, Hashable {
    /// The pace is the mean completed investment of the project's last `paceMonths` months with
    /// data (monthly records up to the board's month). locality.toml `[forecast] pace_months`.
    public var paceMonths: Int
    /// Reminders the office is assumed to send next month to a project that is behind (its
    /// "usual reminder", 催办).
    public var assumedReminders: Int

    public init(paceMonths: Int = 3, assumedReminders: Int = 1) {
        self.paceMonths = paceMonths; self.assumedReminders = assumedReminders
    }
}

/// What the forecast warns of.
public enum ForecastWarning: String, Sendable, CaseIterable, Codable, Comparable {
    /// 落后预警: blue now, short of next month's 序时进度 at this pace.
    case behind
    /// 黄牌预警: behind now and still short next month, with the reminder the office sends: yellow.
    case yellow
    /// 红牌预警: yellow now and still short next month: red.
    case red

    public var severity: Int { ForecastWarning.allCases.firstIndex(of: self)! }
    public static func < (a: ForecastWarning, b: ForecastWarning) -> Bool { a.severity < b.severity }
}

/// One project's forecast for the month after the board's.
public struct CardForecast: Sendable, Hashable {
    /// The month forecast (the board's month + 1).
    public var month: YearMonth
    /// The card expected next month at this pace.
    public var card: CardColour
    /// Set when the card expected is worse than this month's in the way the office acts on.
    public var warning: ForecastWarning?
    /// Mean completed investment per month of the last months with data (0 without any).
    public var pace: Money
    /// How many months the pace was taken over (fewer than configured when the ledger is young).
    public var paceMonths: Int
    /// 序时进度 next month: the plan to date at its end.
    public var plannedToDate: Money
    /// Completed to date at the end of next month at this pace.
    public var projected: Money
    /// What must be completed next month to stay on schedule (0 when already enough).
    public var needed: Money
    /// Milestones planned by next month's end and not reached by the end of this month.
    public var milestonesDue: [MilestoneKind]

    public var isOnSchedule: Bool { card == .blue }
}

public enum Forecasts {
    /// The forecast for the month after `card.month`, from what the ledger holds up to the end of
    /// that month: the pace of the last months with data, next month's 序时 plan (the monthly
    /// plan when the ledger gives one for that month, otherwise what is left of the annual plan
    /// spread over the months left), the milestones planned by next month's end not yet
    /// reached, and the card rule with the office's usual reminder added.
    public static func forecast(_ file: ProjectFile, card: CardAssessment, rules: CardRules,
                                forecast settings: ForecastRules = ForecastRules()) -> CardForecast {
        let month = card.month
        let next = month.adding(months: 1)
        // The pace: mean of the last months with data, up to the board's month.
        let window = max(1, settings.paceMonths)
        // Records are by month: walk back from the newest up to the board's month.
        var sum: Int64 = 0, counted = 0, i = file.records.count - 1
        while i >= 0 && counted < window {
            if file.records[i].month <= month { sum += file.records[i].completed.yuan; counted += 1 }
            i -= 1
        }
        let pace = counted == 0 ? Money.zero : Money(yuan: sum / Int64(counted))
        // 序时 next month, and completed so far this year (nothing when next month opens a year).
        var walker = ScheduleWalker(file)
        let now = walker.status(at: month)
        let later = walker.status(at: next)
        let sameYear = next.year == month.year
        var planned = later.planned
        let monthlyPlanGiven = file.records.contains { $0.month == next && $0.planned != nil }
        if walker.yearsWithMonthlyPlan.contains(next.year) && !monthlyPlanGiven {
            // The ledger plans month by month but has not yet got next month's: what is left of
            // the annual plan, spread over the months left.
            let base = sameYear ? now.planned : .zero
            let left = max(0, file.project.annualPlan.yuan - base.yuan)
            planned = base + Money(yuan: left / Int64(13 - next.month))
        }
        let completedSoFar = sameYear ? now.completed : .zero
        let projected = completedSoFar + pace
        let target = Money(yuan: Int64((Double(planned.yuan) * rules.threshold).rounded(.up)))
        let needed = Money(yuan: max(0, target.yuan - completedSoFar.yuan))
        let end = month.lastDay, nextEnd = next.lastDay
        let due = file.milestones.filter { m in
            guard let p = m.planned, p <= nextEnd else { return false }
            return m.actual.map { $0 > end } ?? true
        }.map(\.kind).sorted { $0.order < $1.order }
        let status = ScheduleStatus(month: next, planned: planned, completed: projected, lateMilestones: due,
                                    annualPlan: file.project.annualPlan)
        let colour: CardColour
        if status.isOnSchedule(threshold: rules.threshold) {
            colour = .blue
        } else {
            // Behind next month: the reminders since it was last on schedule, plus the office's
            // usual reminder next month.
            let reminders = (card.colour == .blue ? 0 : card.reminders) + settings.assumedReminders
            colour = Cards.behindColour(schedule: status, reminders: reminders, previous: card, rules: rules)
        }
        let warning: ForecastWarning?
        if colour == .red && card.colour != .red { warning = .red }
        else if colour == .yellow && card.colour < .yellow { warning = .yellow }
        else if card.colour == .blue && colour != .blue { warning = .behind }
        else { warning = nil }
        return CardForecast(month: next, card: colour, warning: warning, pace: pace, paceMonths: counted,
                            plannedToDate: planned, projected: projected, needed: needed, milestonesDue: due)
    }
}
