/// One project's monthly update, as a clerk types it (issue 4 §2): the month's completed
/// investment, 形象进度 and the milestones reached.
public struct ProgressEntry: Sendable, Hashable {
    public var project: String
    public var month: YearMonth
    /// This month's completed investment (not cumulative).
    public var completed: Money
    public var progress: String
    /// Milestones whose reached date (实际日期) is set or cleared (nil) by this entry.
    public var milestonesReached: [MilestoneKind: Day?]

    public init(project: String, month: YearMonth, completed: Money, progress: String = "",
                milestonesReached: [MilestoneKind: Day?] = [:]) {
        self.project = project; self.month = month; self.completed = completed; self.progress = progress
        self.milestonesReached = milestonesReached
    }
}

/// What is wrong with a typed value, for the grid to show as you type and for the store to
/// refuse with.
public enum ProgressProblem: Error, Sendable, Hashable {
    case amount(Money.ParseError)
    /// The project's completed investment over all its months would pass its total.
    case beyondTotal(total: Money, cumulative: Money)
    case notADate(String)
    /// A milestone cannot be reached after the day of the entry.
    case dateAfter(Day, today: Day)
    /// The month has not begun by the day of the entry.
    case monthNotBegun(YearMonth, today: Day)
    /// Too long ago to be entered now: before January of last year, or before the project's
    /// start year.
    case monthTooEarly(YearMonth, earliest: YearMonth)
    /// A reminder typed by hand more than a year before the day it is recorded (one dated after
    /// it is `dateAfter`).
    case reminderDate(Day, today: Day)
    /// A month after the project's end year (竣工年份).
    case monthAfterEnd(YearMonth, endYear: Int)
    /// A reminder recorded in another person's name by someone who may only record their own.
    case reminderAuthor(String, you: String)
}

public enum ProgressValidation {
    /// The month's completed investment from its text (万元).
    public static func completed(_ text: String) -> Result<Money, ProgressProblem> {
        Money.parseWan(text).mapError { .amount($0) }
    }

    /// The completed investment over all the project's months, this month's `completed`
    /// replacing what was there, must stay within the total investment.
    public static func checkTotal(completed: Money, otherMonths: Money, total: Money) -> ProgressProblem? {
        let cumulative = otherMonths + completed
        return total > .zero && cumulative > total ? .beyondTotal(total: total, cumulative: cumulative) : nil
    }

    /// A milestone's reached date from its text; empty means not reached.
    public static func reachedDate(_ text: String, today: Day) -> Result<Day?, ProgressProblem> {
        let trimmed = text.trimmingASCIISpaces()
        if trimmed.isEmpty { return .success(nil) }
        guard let day = Day.parse(trimmed) else { return .failure(.notADate(trimmed)) }
        return day > today ? .failure(.dateAfter(day, today: today)) : .success(day)
    }

    /// The earliest month that can be entered on `today` for a project starting in `startYear`:
    /// January of last year (a late correction), and not before the project's start year.
    public static func earliestMonth(today: Day, startYear: Int? = nil) -> YearMonth {
        let lastYear = YearMonth(year: today.year - 1, month: 1)!
        guard let startYear, let start = YearMonth(year: startYear, month: 1) else { return lastYear }
        return max(lastYear, start)
    }

    /// A reminder is recorded on or after its date, and, typed by hand, within a year of it (a
    /// ledger import carries older reminders: `handTyped` false keeps only the first rule).
    public static func checkReminder(date: Day, today: Day, handTyped: Bool = true) -> ProgressProblem? {
        if date > today { return .dateAfter(date, today: today) }
        return handTyped && date < today.adding(days: -366) ? .reminderDate(date, today: today) : nil
    }

    /// A month's figures may be written on `today`: the month has begun, it is not after the
    /// project's end year, and not before its start year. Typed by hand (`progress set`, the
    /// grid), it is not before January of last year either (a late correction); a ledger
    /// import legitimately carries older history, so for it the lower bound is the start year.
    public static func checkMonth(_ month: YearMonth, today: Day, startYear: Int?, endYear: Int?,
                                  handTyped: Bool) -> ProgressProblem? {
        if month.firstDay > today { return .monthNotBegun(month, today: today) }
        if handTyped {
            let earliest = earliestMonth(today: today, startYear: startYear)
            if month < earliest { return .monthTooEarly(month, earliest: earliest) }
        } else if let startYear, let earliest = YearMonth(year: startYear, month: 1), month < earliest {
            return .monthTooEarly(month, earliest: earliest)
        }
        if let endYear, month.year > endYear { return .monthAfterEnd(month, endYear: endYear) }
        return nil
    }

    /// A milestone's reached date (实际日期) is not after the day it is recorded.
    public static func checkReached(_ day: Day?, today: Day) -> ProgressProblem? {
        checkRecorded(day, today: today)
    }

    /// The date of something that has happened (a step of an issue's workflow, the day a
    /// nomination or award was recorded) is not after the day it is recorded: the write paths
    /// record such a date as the day of the write.
    public static func checkRecorded(_ day: Day?, today: Day) -> ProgressProblem? {
        if let day, day > today { return .dateAfter(day, today: today) }
        return nil
    }

    /// Who a reminder is recorded by (催办人): empty, the writer's account or their roster name
    /// mean the writer, recorded as `name` (else the account), as `cmdroom remind` does. Another
    /// person is named only by those who may (the office).
    public static func reminderAuthor(_ by: String, account: String, name: String,
                                      mayNameOthers: Bool) -> Result<String, ProgressProblem> {
        let trimmed = by.trimmingASCIISpaces()
        let me = name.isEmpty ? account : name
        if trimmed.isEmpty || trimmed == account || trimmed == name { return .success(me) }
        return mayNameOthers ? .success(trimmed) : .failure(.reminderAuthor(trimmed, you: me))
    }

    /// Everything about an entry that does not need the store, on the day it is made.
    public static func check(_ entry: ProgressEntry, today: Day, startYear: Int? = nil, endYear: Int? = nil) -> ProgressProblem? {
        if let problem = checkMonth(entry.month, today: today, startYear: startYear, endYear: endYear, handTyped: true) {
            return problem
        }
        for (_, day) in entry.milestonesReached.sorted(by: { $0.key.order < $1.key.order }) {
            if let problem = checkReached(day, today: today) { return problem }
        }
        return nil
    }
}
