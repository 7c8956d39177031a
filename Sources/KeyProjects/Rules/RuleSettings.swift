/// The numbers in the rules, which localities tune (locality.toml). Defaults are the seeds'.
public struct CardRules: Sendable, Hashable {
    public enum Profile: Sendable, Hashable {
        /// Seed 003: behind and reminded `remindersForYellow` times in a row → yellow; yellow
        /// `yellowMonthsForRed` months running → red.
        case reminders(remindersForYellow: Int, yellowMonthsForRed: Int)
        /// Several cities' reading: yellow from `yellowFrom` points behind 序时进度, red above
        /// `redAbove` points (percentage points of the planned amount).
        case pointsBehind(yellowFrom: Double, redAbove: Double)
    }
    public var profile: Profile
    /// Completed / planned at or above this counts as on schedule (1.0 = 100 %).
    public var threshold: Double

    public init(profile: Profile = .reminders(remindersForYellow: 2, yellowMonthsForRed: 2), threshold: Double = 1.0) {
        self.profile = profile; self.threshold = threshold
    }
    public static let seed003 = CardRules()
}

/// The 一二三 ladder (seed 002): months without progress, counted for projects in these stages.
public struct StallRules: Sendable, Hashable {
    public var stages: Set<ProjectStage>
    /// Seed 002 counts "from the start of the year" (从年初开始).
    public var countFromYearStart: Bool
    public var maxStep: Int

    public init(stages: Set<ProjectStage> = [.preparation, .construction], countFromYearStart: Bool = true,
                maxStep: Int = 3) {
        self.stages = stages; self.countFromYearStart = countFromYearStart; self.maxStep = maxStep
    }
}

/// The 13710 clock's settings.
public struct ClockRules: Sendable {
    /// Days left at or below which an open step's light turns yellow.
    public var yellowWithinDays: Int
    /// Calendar days by default; working days with a holiday calendar as an option.
    public var calendar: WorkCalendar?

    public init(yellowWithinDays: Int = 1, calendar: WorkCalendar? = nil) {
        self.yellowWithinDays = yellowWithinDays; self.calendar = calendar
    }
}

/// Official holidays and make-up working days (调休) for counting working days.
public struct WorkCalendar: Sendable, Hashable {
    public var holidays: Set<Day>
    public var workdays: Set<Day>

    public init(holidays: Set<Day> = [], workdays: Set<Day> = []) {
        self.holidays = holidays; self.workdays = workdays
    }

    public func isWorkingDay(_ day: Day) -> Bool {
        if workdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return day.weekday <= 5
    }

    /// Working days from `from` to `to`: those after `from` up to and including `to`, negative
    /// when `to` is earlier (a due Wednesday seen on the Saturday before is 3 working days
    /// away; seen on the Friday after, 2 overdue).
    public func workingDays(from: Day, to: Day) -> Int {
        if to == from { return 0 }
        let (start, end, sign) = from < to ? (from, to, 1) : (to, from, -1)
        var d = start, n = 0
        while d < end {
            d = d.adding(days: 1)
            if isWorkingDay(d) { n += 1 }
        }
        return sign * n
    }

    /// The day `n` working days after `day` (n = 0 gives `day` itself).
    public func adding(workingDays n: Int, to day: Day) -> Day {
        var d = day, left = n
        while left > 0 {
            d = d.adding(days: 1)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }
}

/// All rule settings of a locality.
public struct RuleSettings: Sendable {
    public var cards: CardRules
    public var stall: StallRules
    public var clock: ClockRules
    /// Early warning (预警): the pace window.
    public var forecast: ForecastRules
    public init(cards: CardRules = .seed003, stall: StallRules = StallRules(), clock: ClockRules = ClockRules(),
                forecast: ForecastRules = ForecastRules()) {
        self.cards = cards; self.stall = stall; self.clock = clock; self.forecast = forecast
    }
}
