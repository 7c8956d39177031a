import Foundation
import GRDB
import KeyProjects

/// The rules every write path applies, in one place (issue 11 §4): `progress set`, the grid,
/// the forms and `import` call these inside their write transaction, so a rule enforced on one
/// path is enforced on all. The pure rules are the domain's (`ProgressValidation`); here they
/// meet the store's rows.
extension SQLBackedStore {
    /// The day a write is made on may be any day up to the real one (a late entry for last
    /// month), never after it: `--as-of` replays the past, it cannot date records ahead, where
    /// every "not after the as-of day" rule would then let them through.
    func requireWriteDay(_ day: Day) throws(StoreError) {
        let today = WriteDay.headquartersDay(of: now())
        if day > today { throw .writeDayAfterToday(day: day, today: today) }
    }

    static func headquartersDay(of date: Date) -> Day { WriteDay.headquartersDay(of: date) }


    static func projectBounds(_ db: any SQLSession) throws -> [String: ProjectBounds] {
        var bounds: [String: ProjectBounds] = [:]
        for row in try db.rows(sql: "SELECT code, start_year, end_year, total_investment FROM project") {
            bounds[row[0]] = ProjectBounds(startYear: row[1], endYear: row[2], total: Money(yuan: row[3] ?? 0))
        }
        return bounds
    }

    static func projectBounds(_ code: String, _ db: any SQLSession) throws -> ProjectBounds? {
        try db.row(sql: "SELECT start_year, end_year, total_investment FROM project WHERE code = ?", arguments: [code])
            .map { ProjectBounds(startYear: $0[0], endYear: $0[1], total: Money(yuan: $0[2] ?? 0)) }
    }

    /// A month may carry figures on `today`: begun, within the project's years (typed by hand:
    /// not before January of last year either; see `ProgressValidation.checkMonth`).
    static func monthProblem(_ month: YearMonth, of bounds: ProjectBounds?, today: Day, handTyped: Bool) -> ProgressProblem? {
        ProgressValidation.checkMonth(month, today: today, startYear: bounds?.startYear, endYear: bounds?.endYear,
                                      handTyped: handTyped)
    }

    /// The project's completed investment over all its months, as written so far in the
    /// transaction, within its total investment. Called after the write: the merged result
    /// of the store's rows and the new ones is what is checked.
    static func totalProblem(project: String, db: any SQLSession) throws -> ProgressProblem? {
        guard let bounds = try projectBounds(project, db) else { return nil }
        let cumulative = try db.value(Int64.self, sql: "SELECT COALESCE(SUM(completed), 0) FROM monthly WHERE project = ?", arguments: [project]) ?? 0
        return ProgressValidation.checkTotal(completed: Money(yuan: cumulative), otherMonths: .zero, total: bounds.total)
    }

    /// Who a reminder written by this transaction's account is by: the writer unless the
    /// writer is the office (which may record others' reminders).
    func reminderAuthor(_ by: String, log: ChangeRecorder) -> Result<String, ProgressProblem> {
        let name = config.roster.entry(for: log.actor)?.name ?? ""
        let office = log.access.role == .office
        return ProgressValidation.reminderAuthor(by, account: log.actor, name: name, mayNameOthers: office)
    }

    /// Who a nomination or award written by this transaction's account is by: the writer
    /// (recorded as the account, as `awards propose|pick` record it) unless the writer is the
    /// office (which may record others').
    func awardRecorder(_ by: String, log: ChangeRecorder) -> Result<String, AwardProblem> {
        let name = config.roster.entry(for: log.actor)?.name ?? ""
        return AwardRules.recorder(by, account: log.actor, name: name, mayNameOthers: log.access.role == .office)
    }

    /// A project's stored months its years leave out, as the transaction sees them: the first
    /// month before its start year and the first after its end year (each nil when none). Every
    /// stored month stays within the years, so that the project's own `export monthly` imports.
    static func monthsOutsideYears(project: String, db: any SQLSession) throws -> (beforeStart: YearMonth?, afterEnd: YearMonth?) {
        guard let bounds = try projectBounds(project, db) else { return (nil, nil) }
        func first(_ condition: String, _ limit: Int) throws -> YearMonth? {
            try db.value(Int.self, sql: "SELECT MIN(month) FROM monthly WHERE project = ? AND month \(condition) ?", arguments: [project, limit])
                .flatMap { YearMonth(year: $0 / 100, month: $0 % 100) }
        }
        return (try bounds.startYear.map { try first("<", $0 * 100 + 1) } ?? nil,
                try bounds.endYear.map { try first(">", $0 * 100 + 12) } ?? nil)
    }
}

/// A project's start and end years and total investment, as the transaction sees them.
struct ProjectBounds {
    var startYear: Int?
    var endYear: Int?
    var total: Money
}

enum WriteDay {
    /// The day in China (UTC+8, no summer time), where every headquarters of the seeds sits:
    /// the process's `TZ` must not move the write-day cap (`TZ=Etc/GMT-14` would have let a
    /// write be dated tomorrow).
    static func headquartersDay(of date: Date) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: c.year ?? 2026, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
    }
}
