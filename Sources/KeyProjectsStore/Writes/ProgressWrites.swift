import GRDB
import KeyProjects

/// The versions a monthly update was based on: 0 for a row that did not exist when it was
/// loaded. A row changed since is refused as a stale edit, naming who changed it and when.
public struct ProgressBase: Sendable, Hashable {
    public var monthly: Int
    public var milestones: [MilestoneKind: Int]
    public init(monthly: Int, milestones: [MilestoneKind: Int] = [:]) { self.monthly = monthly; self.milestones = milestones }
}

extension SQLBackedStore {
    /// Records one project's month (the grid's row, `cmdroom progress set`): completed
    /// investment, 形象进度 and milestones reached, in one transaction. The month's plan is kept.
    @discardableResult
    public func recordProgress(_ entry: ProgressEntry, on day: Day, basedOn base: ProgressBase? = nil) throws(StoreError) -> UpsertOutcome {
        try requireWriteDay(day)
        if let problem = ProgressValidation.check(entry, today: day) {
            throw .progress(project: entry.project, problem)
        }
        return try write { db, log in
            let sc = try subcommand(ofProject: entry.project, db)
            try log.authorize(.recordProgress(subcommand: sc), target: entry.project)
            // The rules every write path shares (WriteRules.swift); import applies them too.
            let bounds = try Self.projectBounds(entry.project, db)
            if let problem = ProgressValidation.check(entry, today: day, startYear: bounds?.startYear, endYear: bounds?.endYear) {
                throw StoreError.progress(project: entry.project, problem)
            }
            let month = Cells.month(entry.month)
            let planned: Int64? = try db.value(Int64.self, sql: "SELECT planned FROM monthly WHERE project = ? AND month = ?",
                                                     arguments: [entry.project, month])
            let record = MonthlyRecord(project: entry.project, month: entry.month, planned: planned.map(Money.init(yuan:)),
                                       completed: entry.completed, progress: entry.progress)
            var outcome = try upsert(Codecs.monthly, record, basedOn: base?.monthly, db: db, log: log)
            if let problem = try Self.totalProblem(project: entry.project, db: db) {
                throw StoreError.progress(project: entry.project, problem)
            }
            for (kind, reached) in entry.milestonesReached.sorted(by: { $0.key.order < $1.key.order }) {
                let existing = try db.row(sql: "SELECT \(Codecs.milestone.selectColumns) FROM milestone WHERE project = ? AND kind = ?",
                                                arguments: [entry.project, kind.rawValue]).map(Codecs.milestone.decode)
                let milestone = Milestone(project: entry.project, kind: kind, planned: existing?.planned, actual: reached)
                if existing == nil && reached == nil { continue }
                let done = try upsert(Codecs.milestone, milestone, basedOn: base?.milestones[kind], db: db, log: log)
                if outcome == .unchanged { outcome = done }
            }
            return outcome
        }
    }

    /// Records a month's row as it stands (plan included): imports and tests.
    @discardableResult
    public func recordMonthly(_ record: MonthlyRecord, basedOn version: Int? = nil) throws(StoreError) -> UpsertOutcome {
        try write { db, log in
            let sc = try subcommand(ofProject: record.project, db)
            try log.authorize(.recordProgress(subcommand: sc), target: record.project)
            return try upsert(Codecs.monthly, record, basedOn: version, db: db, log: log)
        }
    }

    /// Records a reminder (催办) made on `day`; the card rule counts it. One reminder per
    /// project, day and person: a second one that day appends its note to the first's
    /// (`Reminder.joiningNotes`, joined with "；"), so no word is lost. Its 催办人 is the
    /// writer (empty, their account or roster name: recorded as their name); only the office
    /// records another person's.
    @discardableResult
    public func addReminder(_ reminder: Reminder, on day: Day) throws(StoreError) -> UpsertOutcome {
        try requireWriteDay(day)
        return try write { db, log in
            let sc = try subcommand(ofProject: reminder.project, db)
            try log.authorize(.remind(subcommand: sc), target: reminder.project)
            if let problem = ProgressValidation.checkReminder(date: reminder.date, today: day) {
                throw StoreError.progress(project: reminder.project, problem)
            }
            var reminder = reminder
            switch reminderAuthor(reminder.by, log: log) {
            case let .success(by): reminder.by = by
            case let .failure(problem): throw StoreError.progress(project: reminder.project, problem)
            }
            let codec = Codecs.reminder
            let whereClause = codec.keyColumns.map { "\"\($0)\" = ?" }.joined(separator: " AND ")
            if let earlier = try db.value(String.self, sql: "SELECT note FROM \(codec.table) WHERE \(whereClause)",
                                                 arguments: codec.key(of: codec.encode(reminder))) {
                reminder.note = Reminder.joiningNotes(earlier, reminder.note)
            }
            return try upsert(codec, reminder, basedOn: nil, db: db, log: log)
        }
    }
}
