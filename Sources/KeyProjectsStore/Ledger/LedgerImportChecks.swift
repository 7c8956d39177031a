import GRDB
import KeyProjects

/// The write paths' rules applied to an import (issue 11 §4), from the same place as
/// `progress set`, the grid and the forms (WriteRules.swift), inside the import's transaction.
/// Each refusal names the file, line and column; a refused import writes nothing.
extension SQLBackedStore {
    /// Per-row rules, before anything is written: months begun and within the project's years
    /// (a ledger carries history: the lower bound is the start year, not January of last
    /// year as for a month typed by hand), reached dates and reminders not after `today`,
    /// reminders in the importer's own name unless the importer is the office; an issue's step
    /// dates not after `today`; nominations and awards as `awards propose|pick` take them (the
    /// quarter ended, recorded on a day not after `today`, in the importer's own name unless
    /// the importer is the office). Returns the rows to write (a reminder's 催办人, an award's
    /// 记录人, as the store records them).
    func checkImportRows(_ parsed: ParsedFile, file: String, today: Day, db: any SQLSession, log: ChangeRecorder) throws -> ParsedLedger {
        var problems: [LedgerProblem] = []
        func problem(_ index: Int, _ key: String, _ p: ProgressProblem) {
            problems.append(LedgerProblem(file: file, line: parsed.lines[index], column: parsed.header(key), reason: .rule(p)))
        }
        var result = parsed.ledger
        switch parsed.ledger {
        case let .monthly(rows):
            let bounds = try Self.projectBounds(db)
            for (i, row) in rows.enumerated() {
                if let p = Self.monthProblem(row.month, of: bounds[row.project], today: today, handTyped: false) { problem(i, "month", p) }
            }
        case let .milestones(rows):
            for (i, row) in rows.enumerated() {
                if let p = ProgressValidation.checkReached(row.actual, today: today) { problem(i, "actual", p) }
            }
        case let .reminders(rows):
            var written = rows
            for (i, row) in rows.enumerated() {
                if let p = ProgressValidation.checkReminder(date: row.date, today: today, handTyped: false) { problem(i, "date", p) }
                switch reminderAuthor(row.by, log: log) {
                case let .success(by): written[i].by = by
                case let .failure(p): problem(i, "by", p)
                }
            }
            result = .reminders(written)
        case let .issues(rows):
            // Each step's date is the day the workflow took it (`IssueWrites`): none after
            // `today`. Deadlines are still to come and are not checked here.
            let stepDates: [(String, (Issue) -> Day?)] = [
                ("queued_on", \.queuedOn), ("dispatched_on", \.dispatchedOn), ("arranged_on", \.arrangedOn),
                ("feedback_on", \.feedbackOn), ("solved_on", \.solvedOn), ("reopened_on", \.reopenedOn),
                ("cleared_on", \.clearedOn), ("plan_submitted_on", \.planSubmittedOn)]
            for (i, row) in rows.enumerated() {
                if let p = ProgressValidation.checkRecorded(row.registeredOn, today: today) { problem(i, "registered_on", p) }
                for (key, path) in stepDates where parsed.present.contains(key) {
                    if let p = ProgressValidation.checkRecorded(path(row), today: today) { problem(i, key, p) }
                }
            }
        case let .awards(rows):
            // As `awards propose|pick`: the quarter has ended, recorded on a day not after
            // `today`, in the importer's own name unless the importer is the office.
            var written = rows
            for (i, row) in rows.enumerated() {
                let quarter: Quarter, date: Day, by: String
                switch row.value {
                case let .proposal(p): (quarter, date, by) = (p.quarter, p.recordedOn, p.by)
                case let .pick(p): (quarter, date, by) = (p.quarter, p.recordedOn, p.by)
                }
                if let p = AwardRules.checkQuarter(quarter, day: today) {
                    problems.append(LedgerProblem(file: file, line: parsed.lines[i], column: parsed.header("quarter"), reason: .award(p)))
                }
                if let p = ProgressValidation.checkRecorded(date, today: today) { problem(i, "recorded_on", p) }
                switch awardRecorder(by, log: log) {
                case let .success(recorder):
                    switch row.value {
                    case var .proposal(p): p.by = recorder; written[i].value = .proposal(p)
                    case var .pick(p): p.by = recorder; written[i].value = .pick(p)
                    }
                case let .failure(p):
                    problems.append(LedgerProblem(file: file, line: parsed.lines[i], column: parsed.header("by"), reason: .award(p)))
                }
            }
            result = .awards(written)
        case .projects, .meetings:
            break
        }
        try Self.refuse(problems, file: file)
        return result
    }

    /// Rules on the merged result, after the rows are written in the transaction (a refusal
    /// rolls it back): each project's completed investment over all its months within its
    /// total investment; a project's years still holding all its stored months; the rules
    /// across columns on the merged rows of a partial file.
    /// `yearsBefore`: the projects' years before the write (a projects ledger), to find the
    /// projects whose years the file changes.
    func checkImportResult(_ parsed: ParsedFile, file: String, yearsBefore: [String: ProjectBounds] = [:], db: any SQLSession) throws {
        var problems: [LedgerProblem] = []
        // The line that names a project: its last row in the file.
        func checkTotals(_ lastLine: [String: Int], column: String) throws {
            for (project, line) in lastLine.sorted(by: { $0.value < $1.value }) {
                if let p = try Self.totalProblem(project: project, db: db) {
                    problems.append(LedgerProblem(file: file, line: line, column: parsed.header(column), reason: .rule(p)))
                }
            }
        }
        switch parsed.ledger {
        case let .monthly(rows):
            var last: [String: (month: YearMonth, line: Int)] = [:]
            for (i, row) in rows.enumerated() where last[row.project].map({ row.month > $0.month }) ?? true {
                last[row.project] = (row.month, parsed.lines[i])
            }
            try checkTotals(last.mapValues(\.line), column: "completed")
        case let .projects(rows):
            var last: [String: Int] = [:]
            for (i, row) in rows.enumerated() { last[row.code] = parsed.lines[i] }
            try checkTotals(last, column: "total_investment")
            // Years moved past the project's stored months: its own `export monthly` would no
            // longer import. Only projects whose years this file changes are checked.
            for (project, line) in last.sorted(by: { $0.value < $1.value }) {
                guard let before = yearsBefore[project], let after = try Self.projectBounds(project, db),
                      before.startYear != after.startYear || before.endYear != after.endYear else { continue }
                let outside = try Self.monthsOutsideYears(project: project, db: db)
                if let month = outside.beforeStart, let year = after.startYear {
                    problems.append(LedgerProblem(file: file, line: line, column: parsed.header("start_year"),
                                                  reason: .startYearAfterMonth(startYear: year, month: month)))
                }
                if let month = outside.afterEnd, let year = after.endYear {
                    problems.append(LedgerProblem(file: file, line: line, column: parsed.header("end_year"),
                                                  reason: .endYearBeforeMonth(endYear: year, month: month)))
                }
            }
        case .milestones, .reminders, .issues, .meetings, .awards:
            break
        }
        problems += try recheckMerged(parsed, file: file, db: db)
        try Self.refuse(problems, file: file)
    }

    /// A file that leaves out optional columns: each of its rows, as merged with the store
    /// (the stored values in the columns left out; the defaults for a new row), is read again
    /// whole, so the rules across columns (an issue's status and its dates, a milestone's
    /// planned or actual date, a series meeting's original date, a project's years) hold on
    /// what is written. The parser checked only the columns the file has.
    func recheckMerged(_ parsed: ParsedFile, file: String, db: any SQLSession) throws -> [LedgerProblem] {
        let kind = parsed.ledger.kind
        let columns = LedgerLayout.columns(kind)
        guard columns.contains(where: { !$0.required && !parsed.present.contains($0.key) }) else { return [] }
        let org = config.organisation
        let layoutHeaders = Dictionary(uniqueKeysWithValues: columns.map { ($0.key, $0.header) })
        let context = DecodingContext(organisation: org, projectCodes: Set(try db.values(String.self, sql: "SELECT code FROM project")))
        var problems: [LedgerProblem] = []
        func check<T>(_ cells: [String], line: Int, _ decode: (RowReader, DecodingContext) -> T?) {
            var byKey: [String: (header: String, text: String)] = [:]
            for (column, text) in zip(columns, cells) { byKey[column.key] = (parsed.header(column.key), text) }
            let reader = RowReader(file: file, line: line, cells: byKey, layoutHeaders: layoutHeaders)
            _ = decode(reader, context)
            problems += reader.problems
        }
        switch parsed.ledger {
        case let .projects(rows):
            for (i, row) in rows.enumerated() {
                for p in try fetchAll(Codecs.project, db, "WHERE code = ?", [row.code]) {
                    check(LedgerRows.project(p, org), line: parsed.lines[i], LedgerDecoding.project)
                }
            }
        case let .milestones(rows):
            for (i, row) in rows.enumerated() {
                for m in try fetchAll(Codecs.milestone, db, "WHERE project = ? AND kind = ?", [row.project, row.kind.rawValue]) {
                    check(LedgerRows.milestone(m), line: parsed.lines[i], LedgerDecoding.milestone)
                }
            }
        case let .issues(rows):
            for (i, row) in rows.enumerated() {
                for issue in try fetchAll(Codecs.issue, db, "WHERE id = ?", [row.id]) {
                    check(LedgerRows.issue(issue), line: parsed.lines[i], LedgerDecoding.issue)
                }
            }
        case let .meetings(rows):
            for (i, row) in rows.enumerated() {
                for m in try fetchAll(Codecs.meeting, db, "WHERE id = ?", [row.id]) {
                    check(LedgerRows.meeting(m, org), line: parsed.lines[i], LedgerDecoding.meeting)
                }
            }
        case .monthly, .reminders, .awards:
            break   // no rule across optional columns
        }
        return problems
    }


    static func refuse(_ problems: [LedgerProblem], file: String) throws {
        guard !problems.isEmpty else { return }
        let sorted = problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        throw StoreError.ledgerRejected(LedgerRejection(file: file, problems: Array(sorted.prefix(LedgerParser.maxListedProblems)),
                                                        more: max(0, sorted.count - LedgerParser.maxListedProblems)))
    }
}
