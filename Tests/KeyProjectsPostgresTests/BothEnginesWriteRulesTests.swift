import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsPostgres
@_spi(Testing) import KeyProjectsStore
import Testing

/// Issue 11 §4–§6, §8 on both engines (moved from KeyProjectsStoreTests): one set of checks for
/// every write path. Each refusal is fed to both the typed path (`recordProgress`,
/// `addReminder`) and `importLedger`; both refuse, the import naming the file, line and column,
/// and neither changes the store (on SQLite not a byte; `EngineFixture.fingerprint`).
@Suite struct BothEnginesWriteRulesTests {
    typealias S = BothEnginesScenarios
    static let today = Day.parse("2026-10-31")!
    static let projectsHeader = "项目编码,项目名称,项目级别,分指挥部,属地,总投资（万元）,年度计划投资（万元）"
    /// The municipal sub-command's clerk (黄宏伟).
    static let clerk = "lf-municipal"

    /// A store of the linfen organisation with two projects of the municipal sub-command: LF-A
    /// runs 2026–2027 with a total of 100 万元 and 60 completed in 2026-08; LF-B ran 2024–2025.
    /// Its clerk (`clerk`) may log in.
    static func with(_ engine: Engine, _ body: @escaping @Sendable (EngineFixture, EngineChecks) throws -> Void) async throws {
        try await EngineFixture.with(engine, template: .organisation(.linfen), accounts: [clerk], beforeCopy: { store in
            let csv = """
                \(projectsHeader),开工年份,竣工年份
                LF-A,测试项目甲,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,100,80,2026,2027
                LF-B,测试项目乙,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,1000,0,2024,2025
                """
            _ = try store.importLedger(.projects, data: Data(csv.utf8), file: "p.csv", today: today)
            _ = try store.recordProgress(ProgressEntry(project: "LF-A", month: YearMonth(year: 2026, month: 8)!, completed: Money(wan: 60)), on: today)
        }, body)
    }

    struct Case: Sendable {
        let name: String
        /// The typed path; `clerk` writes as lf-municipal.
        let typed: @Sendable (any Store) throws -> Void
        let kind: LedgerKind
        let csv: String
        let column: String
        var clerk = false
        let check: @Sendable (ProgressProblem) -> Bool
    }

    static let monthlyHeader = "项目编码,月份,本月完成投资（万元）"
    static func month(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m)! }

    static let cases: [Case] = [
        Case(name: "cumulative beyond the total (store rows and file rows together)",
             typed: { _ = try $0.recordProgress(ProgressEntry(project: "LF-A", month: month(2026, 9), completed: Money(wan: 50)), on: today) },
             kind: .monthly, csv: "\(monthlyHeader)\nLF-A,2026-09,50\n", column: "本月完成投资（万元）",
             check: { if case .beyondTotal = $0 { return true }; return false }),
        Case(name: "a month before the start year",
             typed: { _ = try $0.recordProgress(ProgressEntry(project: "LF-A", month: month(2025, 12), completed: Money(wan: 1)), on: today) },
             kind: .monthly, csv: "\(monthlyHeader)\nLF-A,2025-12,1\n", column: "月份",
             check: { if case .monthTooEarly = $0 { return true }; return false }),
        Case(name: "a month after the end year",
             typed: { _ = try $0.recordProgress(ProgressEntry(project: "LF-B", month: month(2026, 1), completed: Money(wan: 1)), on: today) },
             kind: .monthly, csv: "\(monthlyHeader)\nLF-B,2026-01,1\n", column: "月份",
             check: { if case .monthAfterEnd = $0 { return true }; return false }),
        Case(name: "a month not begun on the as-of day",
             typed: { _ = try $0.recordProgress(ProgressEntry(project: "LF-A", month: month(2026, 11), completed: Money(wan: 1)), on: today) },
             kind: .monthly, csv: "\(monthlyHeader)\nLF-A,2026-11,1\n", column: "月份",
             check: { if case .monthNotBegun = $0 { return true }; return false }),
        Case(name: "a milestone reached after the as-of day",
             typed: { _ = try $0.recordProgress(ProgressEntry(project: "LF-A", month: month(2026, 10), completed: Money(wan: 1),
                                                              milestonesReached: [.start: Day.parse("2026-11-02")!]), on: today) },
             kind: .milestones, csv: "项目编码,节点,计划日期,实际日期\nLF-A,开工,2026-10-01,2026-11-02\n", column: "实际日期",
             check: { if case .dateAfter = $0 { return true }; return false }),
        Case(name: "a reminder dated after the as-of day",
             typed: { _ = try $0.addReminder(Reminder(project: "LF-A", date: Day.parse("2026-11-01")!, by: ""), on: today) },
             kind: .reminders, csv: "项目编码,催办日期,催办人\nLF-A,2026-11-01,\n", column: "催办日期",
             check: { if case .dateAfter = $0 { return true }; return false }),
        Case(name: "a clerk's reminder in another person's name",
             typed: { _ = try $0.addReminder(Reminder(project: "LF-A", date: today, by: "赵丽华"), on: today) },
             kind: .reminders, csv: "项目编码,催办日期,催办人,催办内容\nLF-A,2026-10-30,赵丽华,请加快\n", column: "催办人", clerk: true,
             check: { $0 == .reminderAuthor("赵丽华", you: "黄宏伟") }),
    ]

    /// Every case on one store: each refusal leaves it as it was, so the next starts from the same.
    @Test(arguments: Engine.allCases)
    func bothPathsRefuse(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            let clerk = try f.open(as: Self.clerk)
            for c in Self.cases {
                let store = c.clerk ? clerk : f.store
                let before = try f.fingerprint()
                let typed = S.storeError { try c.typed(store) }
                guard case let .progress(_, problem)? = typed else {
                    check.that(false, "\(c.name): the typed path did not refuse: \(String(describing: typed))")
                    continue
                }
                check.that(c.check(problem), "\(c.name): \(problem)")
                check.that(try f.fingerprint() == before, "\(c.name): the typed path changed the store")

                let imported = S.storeError { _ = try store.importLedger(c.kind, data: Data(c.csv.utf8), file: "ledger.csv", today: Self.today) }
                guard case let .ledgerRejected(rejection)? = imported else {
                    check.that(false, "\(c.name): the import did not refuse: \(String(describing: imported))")
                    continue
                }
                let first = try S.require(rejection.problems.first)
                check.that(first.file == "ledger.csv" && first.line == 2 && first.column == c.column, "\(c.name): \(first)")
                guard case let .rule(importProblem) = first.reason else {
                    check.that(false, "\(c.name): \(first)")
                    continue
                }
                check.that(c.check(importProblem), "\(c.name): \(importProblem)")
                check.that(try f.fingerprint() == before, "\(c.name): the refused import changed the store")
            }
        }
    }

    @Test(arguments: Engine.allCases)
    func withinTheRulesBothPathsWrite(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            // 60 + 40 = the total: allowed; an import of older history back to the start year too.
            let csv = "\(Self.monthlyHeader)\nLF-A,2026-01,0\nLF-A,2026-09,40\nLF-B,2024-03,10\n"
            check.equal(try f.store.importLedger(.monthly, data: Data(csv.utf8), file: "m.csv", today: Self.today).inserted, 3)
            check.equal(try f.store.recordProgress(ProgressEntry(project: "LF-A", month: Self.month(2026, 9), completed: Money(wan: 40)), on: Self.today),
                        .unchanged)
        }
    }

    @Test(arguments: Engine.allCases)
    func aClerksImportedReminderIsTheClerksAndTheOfficeMayImportOthers(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            let office = f.store, clerk = try f.open(as: Self.clerk)
            let account = f.account(Self.clerk)
            // Empty, the account, the roster name: all the clerk's, recorded by name as `remind` does.
            let csv = "项目编码,催办日期,催办人\r\nLF-A,2026-10-10,\r\nLF-A,2026-10-11,\(account)\r\nLF-A,2026-10-12,黄宏伟\r\n"
            check.equal(try clerk.importLedger(.reminders, data: Data(csv.utf8), file: "r.csv", today: Self.today).inserted, 3)
            _ = try clerk.addReminder(Reminder(project: "LF-A", date: Day.parse("2026-10-13")!, by: account), on: Self.today)
            let own = try S.require(try clerk.loadProjectFile("LF-A")).reminders
            check.equal(own.map(\.by), ["黄宏伟", "黄宏伟", "黄宏伟", "黄宏伟"])
            // The office records another person's reminder, on both paths.
            let other = "项目编码,催办日期,催办人\nLF-A,2026-10-20,高慧敏\n"
            check.equal(try office.importLedger(.reminders, data: Data(other.utf8), file: "r.csv", today: Self.today).inserted, 1)
            _ = try office.addReminder(Reminder(project: "LF-A", date: Day.parse("2026-10-21")!, by: "高慧敏"), on: Self.today)
            let all = try S.require(try office.loadProjectFile("LF-A")).reminders
            check.equal(all.filter { $0.by == "高慧敏" }.count, 2)
        }
    }

    /// Issue 11 §8: every sample ledger of every sample locality passes the strict import, on
    /// the sample's own as-of day.
    @Test(arguments: Engine.allCases, SampleLocality.allCases)
    func theSampleLedgersPassEveryCheck(_ engine: Engine, _ sample: SampleLocality) async throws {
        try await EngineFixture.with(engine, template: .organisation(sample)) { f, check in
            let source = f.scratch.appendingPathComponent("source")
            try sample.write(to: source)
            let store = f.store
            let asOf = try S.require(store.config.sampleAsOf)
            var imported = 0
            for kind in LedgerKind.importOrder {
                let file = source.appendingPathComponent(kind.fileName)
                guard FileManager.default.fileExists(atPath: file.path) else { continue }
                let summary = try store.importLedger(kind, from: file, today: asOf)
                // The meeting series are in the store already (`init` expands them): those rows update.
                check.that(summary.rows > 0 && (kind == .meetings || summary.inserted == summary.rows), "\(sample.rawValue) \(kind.rawValue): \(summary)")
                imported += 1
            }
            check.that(imported >= 5, "the sample's ledgers: \(imported)")
        }
    }
}
