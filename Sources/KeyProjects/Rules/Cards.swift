/// The three-colour board's card for a month (seed 003; DOMAIN.md §3, §9). `behind` is not a
/// card of the seed: it is a behind project not yet reminded enough for yellow, shown so the
/// office knows whom to remind.
public enum CardColour: String, Sendable, CaseIterable, Codable, Comparable {
    case blue, behind, yellow, red

    /// Severity order: red is worst.
    public var severity: Int { CardColour.allCases.firstIndex(of: self)! }
    public static func < (a: CardColour, b: CardColour) -> Bool { a.severity < b.severity }
}

/// What a card calls for.
public enum CardFollowUp: String, Sendable, Codable {
    /// Yellow: the sub-commander interviews (约谈) the heads of the competent department and of
    /// the project unit.
    case interview
    /// Red: the head of the competent department makes a statement (表态发言) at the next
    /// headquarters meeting.
    case statement
}

/// A project's card for one month and why.
public struct CardAssessment: Sendable, Hashable {
    public var month: YearMonth
    public var colour: CardColour
    public var schedule: ScheduleStatus
    /// Reminders since the project was last on schedule, up to the end of the month (0 when blue).
    public var reminders: Int
    /// Consecutive months, ending with this one, that were yellow or red.
    public var yellowRun: Int

    public var followUp: CardFollowUp? {
        switch colour {
        case .yellow: return .interview
        case .red: return .statement
        case .blue, .behind: return nil
        }
    }
    public var onSchedule: Bool { colour == .blue }
}

public enum Cards {
    /// How far back a history goes at most: enough for any run of yellow months a locality uses.
    public static let maxHistoryMonths = 36

    /// The card of every month from the first month the ledger knows of the project through
    /// `month`, oldest first. The last element is the card for `month`.
    public static func history(of file: ProjectFile, through month: YearMonth, rules: CardRules) -> [CardAssessment] {
        var start = month
        if let first = file.records.first?.month, first < start { start = first }
        if let first = file.reminders.first?.date.yearMonth, first < start { start = first }
        start = max(start, month.adding(months: -(maxHistoryMonths - 1)))

        var result: [CardAssessment] = []
        result.reserveCapacity(start.months(to: month) + 1)
        var lastOnScheduleEnd: Day? = nil
        var reminderIndex = 0
        var remindersSince = 0
        var previous: CardAssessment? = nil
        var walker = ScheduleWalker(file)
        for m in YearMonth.range(start, through: month) {
            let end = m.lastDay
            while reminderIndex < file.reminders.count, file.reminders[reminderIndex].date <= end {
                let date = file.reminders[reminderIndex].date
                if lastOnScheduleEnd.map({ date > $0 }) ?? true { remindersSince += 1 }
                reminderIndex += 1
            }
            let schedule = walker.status(at: m)
            let colour: CardColour
            var run = 0
            if schedule.isOnSchedule(threshold: rules.threshold) {
                colour = .blue
            } else {
                colour = behindColour(schedule: schedule, reminders: remindersSince, previous: previous, rules: rules)
                if colour == .yellow || colour == .red { run = (previous?.yellowRun ?? 0) + 1 }
            }
            // On schedule answers every reminder so far: a blue card counts none.
            let card = CardAssessment(month: m, colour: colour, schedule: schedule,
                                      reminders: colour == .blue ? 0 : remindersSince, yellowRun: run)
            result.append(card)
            previous = card
            if colour == .blue {
                // Catching up resets the count: reminders so far are answered.
                lastOnScheduleEnd = end
                remindersSince = 0
            }
        }
        return result
    }

    /// The card for `month`.
    public static func card(of file: ProjectFile, in month: YearMonth, rules: CardRules) -> CardAssessment {
        history(of: file, through: month, rules: rules).last!
    }

    static func behindColour(schedule: ScheduleStatus, reminders: Int, previous: CardAssessment?,
                             rules: CardRules) -> CardColour {
        switch rules.profile {
        case let .reminders(needed, redAfter):
            guard reminders >= needed else { return .behind }
            // A month that would be yellow becomes red once it extends a yellow run to `redAfter`.
            let run = (previous.map { $0.colour == .yellow || $0.colour == .red ? $0.yellowRun : 0 } ?? 0) + 1
            return run >= redAfter ? .red : .yellow
        case let .pointsBehind(yellowFrom, redAbove):
            let points = schedule.pointsBehind
            if points > redAbove { return .red }
            if points >= yellowFrom { return .yellow }
            return .behind
        }
    }

    /// Reminders since the project was last on schedule, counting those up to `day` (which may
    /// fall after the card month: the office sees whom it has reminded since).
    public static func remindersSinceOnSchedule(_ file: ProjectFile, history: [CardAssessment], upTo day: Day) -> Int {
        let lastBlueEnd = history.last(where: { $0.colour == .blue })?.month.lastDay
        return file.reminders.reduce(0) { count, r in
            r.date <= day && (lastBlueEnd.map { r.date > $0 } ?? true) ? count + 1 : count
        }
    }
}

/// The month a board assesses as of a day: the last month that has ended by then. Cards are
/// given for whole months (当月贴牌) once their ledger is in; a board read mid-November shows
/// October's cards.
public func assessedMonth(asOf day: Day) -> YearMonth {
    day == day.yearMonth.lastDay ? day.yearMonth : day.yearMonth.previous
}
