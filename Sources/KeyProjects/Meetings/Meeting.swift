/// The meetings of DOMAIN.md §6.
public enum MeetingKind: String, Sendable, CaseIterable, Codable {
    /// 项目建设大会: once, at the start of the year.
    case annualConference = "annual-conference"
    /// 总指挥部全体会议: quarterly; red-card statements.
    case plenary
    /// 办公室工作例会 / 调度会议: every two months.
    case officeDispatch = "office-dispatch"
    /// 分指挥部调度会议: monthly, one per sub-command.
    case subcommandDispatch = "subcommand-dispatch"
    /// 周(旬)调度: weekly or every ten days.
    case weeklyDispatch = "weekly-dispatch"
    /// 月度推进会: monthly; bulletin and ranking.
    case monthlyProgress = "monthly-progress"
    /// 现场观摩 (比晾晒): first half construction, second half production.
    case siteReview = "site-review"
    /// 领导现场办公: as needed; minutes with a person and a deadline per decision.
    case siteOffice = "site-office"
    /// Held off-cadence.
    case adHoc = "ad-hoc"
}

/// Who a meeting is for.
public enum MeetingScope: Sendable, Hashable {
    case headquarters
    case office
    case subcommand(String)
    case locality(String)

    /// `hq`, `office`, `subcommand:CODE`, `locality:CODE`.
    public var code: String {
        switch self {
        case .headquarters: return "hq"
        case .office: return "office"
        case let .subcommand(c): return "subcommand:\(c)"
        case let .locality(c): return "locality:\(c)"
        }
    }

    public init?(code: String) {
        switch code {
        case "hq": self = .headquarters
        case "office": self = .office
        default:
            let parts = code.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { return nil }
            switch parts[0] {
            case "subcommand": self = .subcommand(parts[1])
            case "locality": self = .locality(parts[1])
            default: return nil
            }
        }
    }
}

public struct Meeting: Sendable, Hashable {
    public var id: String
    public var date: Day
    /// "HH:MM", or empty.
    public var time: String
    public var kind: MeetingKind
    public var title: String
    /// The chair's name.
    public var chair: String
    public var scope: MeetingScope
    public var location: String
    public var note: String
    /// The cadence series it belongs to (empty for a meeting held off-cadence).
    public var series: String
    /// The day the cadence put it on; a moved occurrence keeps it, so expanding the series
    /// again does not bring it back.
    public var scheduledOn: Day?
    /// Cancelled: kept, so the series is not expanded into it again.
    public var cancelled: Bool
    /// The agenda's item keys in the order triage numbered them when it started (issue 15 §3);
    /// empty before. The agenda keeps these numbers (`Agenda.build`).
    public var agendaOrder: [String]
    public var version: Int

    public init(id: String, date: Day, time: String = "", kind: MeetingKind, title: String, chair: String,
                scope: MeetingScope = .headquarters, location: String = "", note: String = "", series: String = "",
                scheduledOn: Day? = nil, cancelled: Bool = false, agendaOrder: [String] = [], version: Int = 0) {
        self.id = id; self.date = date; self.time = time; self.kind = kind; self.title = title; self.chair = chair
        self.scope = scope; self.location = location; self.note = note; self.series = series; self.scheduledOn = scheduledOn
        self.cancelled = cancelled; self.agendaOrder = agendaOrder; self.version = version
    }

    /// Moved off the day its cadence put it on.
    public var isMoved: Bool { scheduledOn.map { $0 != date } ?? false }
}

public enum Meetings {
    /// Meetings on days from `from` through `to`, by date and time.
    public static func between(_ meetings: [Meeting], from: Day, to: Day) -> [Meeting] {
        meetings.filter { $0.date >= from && $0.date <= to }
            .sorted { ($0.date, $0.time, $0.id) < ($1.date, $1.time, $1.id) }
    }

    /// The meeting `text` names: its id; else the id it was scheduled under, `series-yyyymmdd`,
    /// which stays an alias when the meeting is held on another day — moved (its scheduled day
    /// is kept), or put by the cadence on a weekend or holiday and held on the next working day
    /// (the days between are all days off in `calendar`, weekends without one).
    public static func find(_ text: String, in meetings: [Meeting], calendar: WorkCalendar? = nil) -> Meeting? {
        if let m = meetings.first(where: { $0.id == text }) { return m }
        guard let dash = text.lastIndex(of: "-"), let day = Day.fromCompact(String(text[text.index(after: dash)...])) else { return nil }
        let series = String(text[..<dash])
        let mine = meetings.filter { $0.series == series && !series.isEmpty }
        if let m = mine.first(where: { $0.scheduledOn == day }) { return m }
        func off(_ d: Day) -> Bool { !(calendar?.isWorkingDay(d) ?? (d.weekday <= 5)) }
        return mine.filter { m in
            guard let on = m.scheduledOn, day < on, day.days(to: on) <= 14 else { return false }
            var d = day
            while d < on { if !off(d) { return false }; d = d.adding(days: 1) }
            return true
        }.min { ($0.scheduledOn!, $0.id) < ($1.scheduledOn!, $1.id) }
    }

    /// The next headquarters plenary on or after `day`.
    public static func nextPlenary(after day: Day, in meetings: [Meeting]) -> Meeting? {
        meetings.filter { $0.kind == .plenary && !$0.cancelled && $0.date >= day }.min { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// The kinds of meeting that are the headquarters' own (总指挥部会议): the plenary and the
    /// annual conference. Red-card statements are made there (seed 003).
    public static let headquartersKinds: Set<MeetingKind> = [.plenary, .annualConference]

    /// The headquarters meeting where the statement for a red card of `cardMonth` is made: the
    /// first one, not cancelled, after the card's month — one whose agenda reads that month's
    /// cards or later (held on the month's last day or after). It does not depend on the day
    /// the board is read on.
    public static func statementMeeting(for cardMonth: YearMonth, in meetings: [Meeting]) -> Meeting? {
        meetings.filter { headquartersKinds.contains($0.kind) && !$0.cancelled && $0.date >= cardMonth.lastDay }
            .min { ($0.date, $0.time, $0.id) < ($1.date, $1.time, $1.id) }
    }
}
