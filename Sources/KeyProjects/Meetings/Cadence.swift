/// A meeting series on a cadence (DOMAIN.md §6), as locality.toml's `[[cadence]]` gives it or
/// the seeds' defaults for the headquarters' level. Expanded over a window into occurrences
/// that are stored, so one occurrence can be moved or cancelled without touching the series.
public struct CadenceRule: Sendable, Hashable {
    public enum Every: String, Sendable, CaseIterable {
        case year, quarter, twoMonths = "two-months", month, week, tenDays = "ten-days"
    }

    /// Who meets: the headquarters, the office, or each sub-command on its own.
    public enum Attendees: String, Sendable, CaseIterable {
        case headquarters = "hq", office, eachSubcommand = "subcommands"
    }

    /// The series' name, the first part of each occurrence's id (`plenary-20260325`).
    public var series: String
    public var kind: MeetingKind
    public var every: Every
    /// The months it is held in (year, quarter, two-months, month); all twelve when empty.
    public var months: [Int]
    /// The day of the month (moved to the next working day); for `week`, the weekday (1 =
    /// Monday); for `ten-days`, unused (the 1st, 11th and 21st).
    public var day: Int
    public var time: String
    /// A leader's id; for per-sub-command meetings, empty means each sub-command's commander.
    public var chair: String
    public var attendees: Attendees
    /// With `{year}`, `{month}`, `{quarter}`, `{week}` and `{isoyear}` (ISO week), `{xun}`
    /// (上/中/下), `{subcommand}`, and the bodies' names of the locality: `{headquarters}`,
    /// `{office}`, `{plenary}`, `{office_meeting}`.
    public var title: String
    /// With `{unit}`: a sub-command's first lead unit.
    public var location: String

    public init(series: String, kind: MeetingKind, every: Every, months: [Int] = [], day: Int, time: String, chair: String,
                attendees: Attendees, title: String, location: String) {
        self.series = series; self.kind = kind; self.every = every; self.months = months; self.day = day; self.time = time
        self.chair = chair; self.attendees = attendees; self.title = title; self.location = location
    }
}

public enum Cadence {
    /// The seeds' cadence for a headquarters of `org`'s level (DOMAIN.md §6), its meetings titled
    /// with the locality's own names of its bodies (`[names]`): the annual
    /// conference at the start of the year, quarterly plenaries, the office's dispatch every two
    /// months, each sub-command's monthly dispatch, the weekly (city) or ten-day (county)
    /// dispatch, the monthly progress meeting and the two site reviews.
    public static func defaults(for org: Organisation) -> [CadenceRule] {
        let level: String = switch org.level { case .province: "省"; case .city: "市"; case .county: "县" }
        let places: String = switch org.level { case .province: "市"; case .city: "县（市、区）"; case .county: "乡镇" }
        let room = "\(org.region)人民政府第一会议室"
        let executive = org.executiveDeputies.first ?? org.office.director
        var rules = [
            CadenceRule(series: "conference", kind: .annualConference, every: .year, months: [2], day: 26, time: "09:00",
                        chair: org.commander, attendees: .headquarters, title: "{year}年全\(level)项目建设大会", location: room),
            CadenceRule(series: "plenary", kind: .plenary, every: .quarter, months: [3, 6, 9, 12], day: 25, time: "15:00",
                        chair: org.commander, attendees: .headquarters, title: "{year}年第{quarter}季度{plenary}", location: room),
            CadenceRule(series: "office", kind: .officeDispatch, every: .twoMonths, months: [2, 4, 6, 8, 10, 12], day: 15, time: "09:30",
                        chair: executive, attendees: .office, title: "{year}年{month}月{office_meeting}", location: room),
            CadenceRule(series: "sub", kind: .subcommandDispatch, every: .month, day: 5, time: "10:00", chair: "",
                        attendees: .eachSubcommand, title: "{subcommand}{month}月调度会议", location: "{unit}会议室"),
            CadenceRule(series: "progress", kind: .monthlyProgress, every: .month, day: 8, time: "15:00", chair: org.office.director,
                        attendees: .office, title: "{year}年{month}月重点项目月度推进会", location: room),
            CadenceRule(series: "review-h1", kind: .siteReview, every: .year, months: [6], day: 18, time: "08:00", chair: org.commander,
                        attendees: .headquarters, title: "{year}年上半年重点项目现场观摩（比开工、晾进度）", location: "各\(places)项目现场"),
            CadenceRule(series: "review-h2", kind: .siteReview, every: .year, months: [11], day: 20, time: "08:00", chair: org.commander,
                        attendees: .headquarters, title: "{year}年下半年重点项目现场观摩（晒成果、比投产）", location: "各\(places)项目现场"),
        ]
        switch org.level {
        case .city:
            rules.append(CadenceRule(series: "weekly", kind: .weeklyDispatch, every: .week, day: 1, time: "08:30", chair: org.office.director,
                                     attendees: .office, title: "{isoyear}年第{week}周项目调度会", location: room))
        case .county:
            rules.append(CadenceRule(series: "xun", kind: .weeklyDispatch, every: .tenDays, day: 1, time: "08:30", chair: org.office.director,
                                     attendees: .office, title: "{month}月{xun}旬项目调度会", location: room))
        case .province:
            break
        }
        return rules
    }

    /// The occurrences of `rules` from `from` through `to`, each on a working day, by date:
    /// ids `series-yyyymmdd` (`sub-law-20261105` for a sub-command's), the series and the day
    /// the cadence put it on kept with it.
    public static func expand(_ rules: [CadenceRule], organisation org: Organisation, calendar: WorkCalendar?,
                              from: Day, to: Day) -> [Meeting] {
        func working(_ day: Day) -> Day {
            var d = day
            while !(calendar?.isWorkingDay(d) ?? (d.weekday <= 5)) { d = d.adding(days: 1) }
            return d
        }
        func name(_ id: String) -> String { org.leader(id)?.name ?? id }
        var out: [Meeting] = []
        // A commander who heads several sub-commands chairs one meeting at a time: a clash
        // moves the later one to the next working day.
        var busy = Set<String>()
        for rule in rules {
            // The cadence's own days in the window (before moving off weekends and holidays).
            var days: [(day: Day, month: Int)] = []
            switch rule.every {
            case .week:
                var d = from.adding(days: -7)
                while d.weekday != max(1, min(7, rule.day)) { d = d.adding(days: 1) }
                while d <= to { days.append((d, d.month)); d = d.adding(days: 7) }
            case .tenDays, .year, .quarter, .twoMonths, .month:
                var month = from.yearMonth.adding(months: -1)
                while month.firstDay <= to {
                    if rule.months.isEmpty || rule.months.contains(month.month) {
                        let dates = rule.every == .tenDays ? [1, 11, 21] : [rule.day]
                        for d in dates { days.append((Day(year: month.year, month: month.month, day: min(max(1, d), month.dayCount))!, month.month)) }
                    }
                    month = month.adding(months: 1)
                }
            }
            for (scheduled, _) in days {
                let groups: [SubCommand?] = rule.attendees == .eachSubcommand ? org.subcommands.map { $0 } : [nil]
                for (i, sub) in groups.enumerated() {
                    // Each sub-command on its own day: spread over a week from the rule's day.
                    var planned = scheduled
                    if sub != nil, rule.every != .week { planned = Day(year: scheduled.year, month: scheduled.month,
                                                                      day: min(scheduled.dayOfMonth + i % 8, scheduled.yearMonth.dayCount))! }
                    let chair = sub.map { name(rule.chair.isEmpty ? $0.commander : rule.chair) } ?? name(rule.chair)
                    var date = working(planned)
                    if sub != nil {
                        while busy.contains("\(chair)|\(date.iso)|\(rule.time)") { date = working(date.adding(days: 1)) }
                        busy.insert("\(chair)|\(date.iso)|\(rule.time)")
                    }
                    guard date >= from && date <= to else { continue }
                    let series = sub.map { "\(rule.series)-\($0.code)" } ?? rule.series
                    let title = Cadence.title(rule, period: planned, held: date, subcommand: sub, names: org.names)
                    let location = rule.location.replacingOccurrences(of: "{unit}", with: sub?.leadUnits.first ?? org.office.hostUnit)
                    let scope: MeetingScope = sub.map { .subcommand($0.code) } ?? (rule.attendees == .office ? .office : .headquarters)
                    // The id names the day it is held (a Sunday's meeting held on Monday is
                    // `progress-20261109`); the day the cadence named stays an alias.
                    out.append(Meeting(id: "\(series)-\(date.compact)", date: date, time: rule.time, kind: rule.kind, title: title,
                                       chair: chair, scope: scope, location: location, series: series, scheduledOn: date))
                }
            }
        }
        return out.sorted { ($0.date, $0.time, $0.id) < ($1.date, $1.time, $1.id) }
    }

    /// An occurrence's title: `{year}`, `{month}`, `{quarter}` and `{xun}` are those of the
    /// period it is for (`period`, the day the cadence named); `{week}` and `{isoyear}` those of
    /// the day it is held, so a moved weekly meeting is named by the week it meets in.
    public static func title(_ rule: CadenceRule, period: Day, held: Day, subcommand: SubCommand?, names: BodyNames) -> String {
        let (isoYear, week) = isoWeek(held)
        let xun = period.dayOfMonth <= 10 ? "上" : period.dayOfMonth <= 20 ? "中" : "下"
        // The bodies in the locality's own words ({plenary}, {office_meeting}…), then the dates.
        var title = names.fill(rule.title)
        for (key, value) in ["{year}": String(period.year), "{month}": String(period.month),
                             "{quarter}": String((period.month - 1) / 3 + 1), "{week}": String(week),
                             "{isoyear}": String(isoYear), "{xun}": xun, "{subcommand}": subcommand?.name ?? ""] {
            title = title.replacingOccurrences(of: key, with: value)
        }
        return title
    }

    /// The rule a stored occurrence's series comes from (`sub-law` from the per-sub-command rule
    /// `sub`), with its sub-command.
    public static func rule(forSeries series: String, in rules: [CadenceRule], organisation org: Organisation) -> (rule: CadenceRule, subcommand: SubCommand?)? {
        if let rule = rules.first(where: { $0.series == series && $0.attendees != .eachSubcommand }) { return (rule, nil) }
        for rule in rules where rule.attendees == .eachSubcommand {
            if let sub = org.subcommands.first(where: { "\(rule.series)-\($0.code)" == series }) { return (rule, sub) }
        }
        return nil
    }

    /// The ISO 8601 week of a day, with the year it belongs to (the year of its week's Thursday).
    public static func isoWeek(_ day: Day) -> (year: Int, week: Int) {
        let thursday = day.adding(days: 4 - day.weekday)
        let first = Day(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, first.days(to: thursday) / 7 + 1)
    }
}

extension Day {
    /// `20261105`.
    public var compact: String { iso.replacingOccurrences(of: "-", with: "") }

    /// A day written `20261105` (as meeting ids end).
    public static func fromCompact(_ text: String) -> Day? {
        guard text.count == 8, text.allSatisfy(\.isASCII), let n = Int(text) else { return nil }
        return Day(year: n / 10_000, month: n / 100 % 100, day: n % 100)
    }
}
