import Foundation
import KeyProjects
import KeyProjectsDemo
@_spi(Testing) import KeyProjectsStore
import Testing

/// Issue 11 §4–§6, §8: one set of checks for every write path. Each refusal is fed to both the
/// typed path (`recordProgress`, `addReminder`) and `importLedger`; both refuse, the import
/// naming the file, line and column, and neither changes a byte of the store.
@Suite struct WriteRulesTests {
    static let today = Day.parse("2026-10-31")!

    /// A store with two projects of the municipal sub-command (clerk lf-municipal, 黄宏伟):
    /// LF-A runs 2026–2027 with a total of 100 万元 and 60 completed in 2026-08; LF-B ran
    /// 2024–2025.
    static func store(_ scratch: Scratch) throws -> SQLiteStore {
        let store = try emptyStore(.linfen, in: scratch)
        let csv = """
            \(projectsHeader),开工年份,竣工年份
            LF-A,测试项目甲,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,100,80,2026,2027
            LF-B,测试项目乙,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,1000,0,2024,2025
            """
        _ = try store.importLedger(.projects, data: Data(csv.utf8), file: "p.csv", today: today)
        try store.recordProgress(ProgressEntry(project: "LF-A", month: YearMonth(year: 2026, month: 8)!, completed: Money(wan: 60)), on: today)
        return store
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The typed path; `clerk` writes as lf-municipal.
        let typed: @Sendable (Store) throws -> Void
        let kind: LedgerKind
        let csv: String
        let column: String
        var clerk = false
        let check: @Sendable (ProgressProblem) -> Bool
        var testDescription: String { name }
    }

    static let monthlyHeader = "项目编码,月份,本月完成投资（万元）"
    static func month(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m)! }

    static let cases: [Case] = [
        Case(name: "cumulative beyond the total (store rows and file rows together)",
             typed: { try $0.recordProgress(ProgressEntry(project: "LF-A", month: month(2026, 9), completed: Money(wan: 50)), on: today) },
             kind: .monthly, csv: "\(monthlyHeader)\nLF-A,2026-09,50\n", column: "本月完成投资（万元）",
             check: { if case .beyondTotal = $0 { return true }; return false }),
        Case(name: "a month before the start year",
             typed: { try $0.recordProgress(ProgressEntry(project: "LF-A", month: month(2025, 12), completed: Money(wan: 1)), on: today) },
             kind: .monthly, csv: "\(monthlyHeader)\nLF-A,2025-12,1\n", column: "月份",
             check: { if case .monthTooEarly = $0 { return true }; return false }),
        Case(name: "a month after the end year",
             typed: { try $0.recordProgress(ProgressEntry(project: "LF-B", month: month(2026, 1), completed: Money(wan: 1)), on: today) },
             kind: .monthly, csv: "\(monthlyHeader)\nLF-B,2026-01,1\n", column: "月份",
             check: { if case .monthAfterEnd = $0 { return true }; return false }),
        Case(name: "a month not begun on the as-of day",
             typed: { try $0.recordProgress(ProgressEntry(project: "LF-A", month: month(2026, 11), completed: Money(wan: 1)), on: today) },
             kind: .monthly, csv: "\(monthlyHeader)\nLF-A,2026-11,1\n", column: "月份",
             check: { if case .monthNotBegun = $0 { return true }; return false }),
        Case(name: "a milestone reached after the as-of day",
             typed: { try $0.recordProgress(ProgressEntry(project: "LF-A", month: month(2026, 10), completed: Money(wan: 1),
                                                          milestonesReached: [.start: Day.parse("2026-11-02")!]), on: today) },
             kind: .milestones, csv: "项目编码,节点,计划日期,实际日期\nLF-A,开工,2026-10-01,2026-11-02\n", column: "实际日期",
             check: { if case .dateAfter = $0 { return true }; return false }),
        Case(name: "a reminder dated after the as-of day",
             typed: { try $0.addReminder(Reminder(project: "LF-A", date: Day.parse("2026-11-01")!, by: ""), on: today) },
             kind: .reminders, csv: "项目编码,催办日期,催办人\nLF-A,2026-11-01,\n", column: "催办日期",
             check: { if case .dateAfter = $0 { return true }; return false }),
        Case(name: "a clerk's reminder in another person's name",
             typed: { try $0.addReminder(Reminder(project: "LF-A", date: today, by: "赵丽华"), on: today) },
             kind: .reminders, csv: "项目编码,催办日期,催办人,催办内容\nLF-A,2026-10-30,赵丽华,请加快\n", column: "催办人", clerk: true,
             check: { $0 == .reminderAuthor("赵丽华", you: "黄宏伟") }),
    ]

    @Test(arguments: cases)
    func bothPathsRefuse(_ c: Case) throws {
        let scratch = Scratch()
        let office = try Self.store(scratch)
        let store = c.clerk ? try SQLiteStore.open(office.directory, actor: "lf-municipal") : office
        let before = snapshot(store.directory)

        let typed = storeError { try c.typed(store) }
        guard case let .progress(_, problem)? = typed else {
            Testing.Issue.record("\(c.name): the typed path did not refuse: \(String(describing: typed))")
            return
        }
        #expect(c.check(problem), "\(c.name): \(problem)")
        #expect(snapshot(store.directory) == before, "\(c.name): the typed path changed the store")

        let imported = storeError { _ = try store.importLedger(c.kind, data: Data(c.csv.utf8), file: "ledger.csv", today: Self.today) }
        guard case let .ledgerRejected(rejection)? = imported else {
            Testing.Issue.record("\(c.name): the import did not refuse: \(String(describing: imported))")
            return
        }
        let first = try #require(rejection.problems.first)
        #expect(first.file == "ledger.csv" && first.line == 2 && first.column == c.column, "\(c.name): \(first)")
        guard case let .rule(importProblem) = first.reason else {
            Testing.Issue.record("\(c.name): \(first)")
            return
        }
        #expect(c.check(importProblem), "\(c.name): \(importProblem)")
        #expect(snapshot(store.directory) == before, "\(c.name): the refused import changed the store")
    }

    @Test func withinTheRulesBothPathsWrite() throws {
        let scratch = Scratch()
        let store = try Self.store(scratch)
        // 60 + 40 = the total: allowed; an import of older history back to the start year too.
        let csv = "\(Self.monthlyHeader)\nLF-A,2026-01,0\nLF-A,2026-09,40\nLF-B,2024-03,10\n"
        #expect(try store.importLedger(.monthly, data: Data(csv.utf8), file: "m.csv", today: Self.today).inserted == 3)
        #expect(try store.recordProgress(ProgressEntry(project: "LF-A", month: Self.month(2026, 9), completed: Money(wan: 40)), on: Self.today) == .unchanged)
    }

    @Test func aClerksImportedReminderIsTheClerksAndTheOfficeMayImportOthers() throws {
        let scratch = Scratch()
        let office = try Self.store(scratch)
        let clerk = try SQLiteStore.open(office.directory, actor: "lf-municipal")
        // Empty, the account, the roster name: all the clerk's, recorded by name as `remind` does.
        let csv = "项目编码,催办日期,催办人\r\nLF-A,2026-10-10,\r\nLF-A,2026-10-11,lf-municipal\r\nLF-A,2026-10-12,黄宏伟\r\n"
        #expect(try clerk.importLedger(.reminders, data: Data(csv.utf8), file: "r.csv", today: Self.today).inserted == 3)
        try clerk.addReminder(Reminder(project: "LF-A", date: Day.parse("2026-10-13")!, by: "lf-municipal"), on: Self.today)
        let own = try clerk.loadPortfolio().files.first { $0.project.code == "LF-A" }!.reminders
        #expect(own.map(\.by) == ["黄宏伟", "黄宏伟", "黄宏伟", "黄宏伟"])
        // The office records another person's reminder, on both paths.
        let other = "项目编码,催办日期,催办人\nLF-A,2026-10-20,高慧敏\n"
        #expect(try office.importLedger(.reminders, data: Data(other.utf8), file: "r.csv", today: Self.today).inserted == 1)
        try office.addReminder(Reminder(project: "LF-A", date: Day.parse("2026-10-21")!, by: "高慧敏"), on: Self.today)
        let all = try office.loadPortfolio().files.first { $0.project.code == "LF-A" }!.reminders
        #expect(all.filter { $0.by == "高慧敏" }.count == 2)
    }

    /// Issue 11 §8: every sample ledger of every sample locality passes the strict import, on
    /// the sample's own as-of day.
    @Test(arguments: SampleLocality.allCases)
    func theSampleLedgersPassEveryCheck(_ sample: SampleLocality) throws {
        let scratch = Scratch()
        let source = scratch.path("source")
        try sample.write(to: source)
        let store = try emptyStore(sample, in: scratch)
        let asOf = try #require(store.config.sampleAsOf)
        for kind in LedgerKind.importOrder {
            let file = source.appendingPathComponent(kind.fileName)
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            let summary = try store.importLedger(kind, from: file, today: asOf)
            // The meeting series are in the store already (`init` expands them): those rows update.
            #expect(summary.rows > 0 && (kind == .meetings || summary.inserted == summary.rows), "\(sample.rawValue) \(kind.rawValue)")
        }
    }
}
