/// The steps of the 13710 system (seed 002 十四; DOMAIN.md §5, §9), in order.
public enum ClockStep: String, Sendable, CaseIterable, Codable {
    /// The office dispatches it to a unit within 1 day of it entering the ledger.
    case dispatch
    /// "1": the unit studies it and arranges the work the same day.
    case arrange
    /// "3": the unit feeds back within 3 days.
    case feedback
    /// "3"/"7"/"1": an obstruction lifted in 3 days, a general issue solved in 7, a major one in a month.
    case solve
    /// "0": followed to the end; cleared once the enterprise is satisfied.
    case confirm
    /// Cleared (销号).
    case cleared
}

/// The traffic light of an open step.
public enum ClockLight: String, Sendable, CaseIterable, Codable, Comparable {
    case green, yellow, red
    public static func < (a: ClockLight, b: ClockLight) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One step's timing.
public struct StepTiming: Sendable, Hashable {
    public var step: ClockStep
    public var due: Day?
    /// When it happened; nil when not yet, or when a ledger skipped recording it.
    public var done: Day?
    /// True once the issue has gone past this step.
    public var passed: Bool
    /// Met on time: done on or before the due date.
    public var metOnTime: Bool? {
        guard let due, let done else { return nil }
        return done <= due
    }
}

/// Where an issue stands on the 13710 clock on a given day.
public struct ClockReading: Sendable, Hashable {
    public var step: ClockStep
    public var due: Day?
    /// Days from the as-of day to the due date, negative when overdue: working days when the
    /// clock runs on working days (a locality with a holiday file), else calendar days.
    public var daysLeft: Int?
    /// Whether `daysLeft` counts working days.
    public var inWorkingDays = false
    public var light: ClockLight

    public var isOverdue: Bool { (daysLeft ?? 0) < 0 }
    public var daysOverdue: Int { max(0, -(daysLeft ?? 0)) }
}

public enum Clock13710 {
    /// Reads the clock of `issue` on `asOf`.
    public static func reading(of issue: Issue, asOf: Day, rules: ClockRules = ClockRules()) -> ClockReading {
        let current = currentStep(issue.status)
        let due = self.due(of: current, issue, rules)
        let daysLeft = due.map { due in rules.calendar.map { $0.workingDays(from: asOf, to: due) } ?? asOf.days(to: due) }
        let light: ClockLight
        switch daysLeft {
        case nil: light = .green
        case let left? where left < 0: light = .red
        case let left? where left <= rules.yellowWithinDays: light = .yellow
        default: light = .green
        }
        return ClockReading(step: current, due: due, daysLeft: daysLeft, inWorkingDays: rules.calendar != nil, light: light)
    }

    public static func currentStep(_ status: IssueStatus) -> ClockStep {
        switch status {
        case .registered: return .dispatch
        case .dispatched: return .arrange
        case .arranged: return .feedback
        case .fedBack, .reopened: return .solve
        case .solutionClaimed: return .confirm
        case .cleared: return .cleared
        }
    }

    /// Every step's due date and completion (for an issue's timeline).
    public static func timings(of issue: Issue, rules: ClockRules = ClockRules()) -> [StepTiming] {
        let order = ClockStep.allCases
        let currentIndex = order.firstIndex(of: currentStep(issue.status))!
        let done: [ClockStep: Day?] = [.dispatch: issue.dispatchedOn, .arrange: issue.arrangedOn, .feedback: issue.feedbackOn,
                                       .solve: issue.solvedOn, .confirm: issue.clearedOn]
        return order.dropLast().enumerated().map { i, step in
            StepTiming(step: step, due: due(of: step, issue, rules), done: done[step] ?? nil, passed: i < currentIndex)
        }
    }

    /// When `step` is due for `issue`: dispatch a day after it entered the queue, arranging the
    /// day it was dispatched, feedback 3 days after, solving by its kind (or an explicit
    /// deadline), counted from the dispatch or the reopening; nil when not yet timed.
    static func due(of step: ClockStep, _ issue: Issue, _ rules: ClockRules) -> Day? {
        // Referred to the level above: its clock runs there.
        if issue.isReferred { return nil }
        switch step {
        case .dispatch: return add(1, to: issue.queuedOn, rules)
        case .arrange: return issue.dispatchedOn
        case .feedback: return issue.dispatchedOn.map { add(3, to: $0, rules) }
        case .solve:
            if let deadline = issue.deadline { return deadline }
            let start = issue.status == .reopened ? (issue.reopenedOn ?? issue.dispatchedOn) : issue.dispatchedOn
            return start.map { solveDue(kind: issue.kind, from: $0, rules) }
        case .confirm, .cleared: return nil
        }
    }

    /// The default solve date: 3 days for an obstruction, 7 for a general issue, one calendar
    /// month for a major complex issue (same day next month, or that month's last day).
    public static func solveDue(kind: IssueKind, from start: Day, _ rules: ClockRules) -> Day {
        switch kind {
        case .obstruction: return add(3, to: start, rules)
        case .general: return add(7, to: start, rules)
        case .major: return start.adding(months: 1)
        }
    }

    static func add(_ days: Int, to day: Day, _ rules: ClockRules) -> Day {
        if let calendar = rules.calendar { return calendar.adding(workingDays: days, to: day) }
        return day.adding(days: days)
    }
}
