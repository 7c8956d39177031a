import Foundation
import KeyProjects
import KeyProjectsPostgres
@_spi(Testing) import KeyProjectsStore
import Testing

/// The store's reads and its change log on both engines (moved from KeyProjectsStoreTests'
/// StoreTests; what stays there is SQLite's own: files, journal, the parallel loader).
@Suite struct BothEnginesStoreTests {
    typealias S = BothEnginesScenarios

    @Test(arguments: Engine.allCases)
    func aNewStoreHasTheSampleLedgers(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let portfolio = try f.store.loadPortfolio()
            check.equal(portfolio.files.count, 48)
            check.that(portfolio.files.allSatisfy { $0.records.map(\.month) == $0.records.map(\.month).sorted() }, "months in order")
            check.that(!portfolio.issues.isEmpty && !portfolio.meetings.isEmpty, "issues and meetings")
            if engine == .sqlite {
                check.that(FileManager.default.fileExists(atPath: f.directory.appendingPathComponent("locality.toml").path), "locality.toml")
            }
        }
    }

    /// The board's load reads the packed figures: the same months and amounts as the full
    /// load, without 形象进度; no issues, and only the headquarters' meetings (where red-card
    /// statements are made); the same open-issue counts.
    @Test(arguments: Engine.allCases)
    func theBoardsLoadAgreesWithTheFullLoad(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let full = try f.store.loadPortfolio()
            let board = try f.store.loadPortfolio(.board)
            check.that(full.files.contains { !$0.milestones.isEmpty } && full.files.contains { !$0.reminders.isEmpty }, "milestones and reminders")
            check.equal(full.openIssueCounts.values.reduce(0, +), full.issues.filter { $0.status.isOpen }.count, "open issues")
            check.that(board.files.allSatisfy { $0.records.allSatisfy { $0.progress.isEmpty } }, "no 形象进度 on the board")
            func figures(_ p: Portfolio) -> [[String]] {
                p.files.map { $0.records.map { "\($0.month) \($0.planned?.yuan ?? -1) \($0.completed.yuan)" } }
            }
            check.equal(figures(board), figures(full), "the packed figures")
            check.that(board.issues.isEmpty && board.meetings.allSatisfy { Meetings.headquartersKinds.contains($0.kind) } && !board.meetings.isEmpty,
                       "the board's issues and meetings")
            check.equal(board.openIssueCounts, full.openIssueCounts)
        }
    }

    @Test(arguments: Engine.allCases)
    func openIssueCountsOnADayAgreeWithTheIssuesAsTheyStoodThen(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .sample(.lingchuan)) { f, check in
            let store = f.store
            let issues = try store.loadIssues()
            for text in ["2026-06-30", "2026-09-20", "2026-10-15", "2026-10-31"] {
                let d = Day.parse(text)!
                let counts = try store.loadPortfolio(.board, issuesOpenOn: d).openIssueCounts
                let expected = issues.compactMap { $0.asItStood(on: d) }.filter { $0.status.isOpen }
                    .reduce(into: [String: Int]()) { $0[$1.project, default: 0] += 1 }
                check.equal(counts, expected, "on \(text)")
            }
            check.that(try store.loadPortfolio(.board, issuesOpenOn: Day.parse("2026-06-30")!).openIssueCounts.isEmpty, "none open on 2026-06-30")
            check.that(!(try store.loadPortfolio(.board, issuesOpenOn: Day.parse("2026-10-31")!).openIssueCounts.isEmpty), "some open on 2026-10-31")
        }
    }

    @Test(arguments: Engine.allCases)
    func everyChangeIsLoggedWithTheAccountAndBeforeAndAfter(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let code = try store.loadPortfolio().files[0].project.code
            let before = try store.changeLogCount()
            let record = MonthlyRecord(project: code, month: YearMonth(year: 2026, month: 11)!, planned: Money(wan: 100),
                                       completed: Money(wan: 80), progress: "主体封顶")
            check.equal(try store.recordMonthly(record), .inserted)
            var updated = record
            updated.completed = Money(wan: 95)
            check.equal(try store.recordMonthly(updated, basedOn: 1), .updated)
            check.equal(try store.recordMonthly(updated), .unchanged)
            check.equal(try store.changeLogCount(), before + 2)
            // The board's packed figures follow every write.
            let board = try S.require(try store.loadPortfolio(.board).files.first { $0.project.code == code })
            check.that(board.records.last?.month == record.month && board.records.last?.completed == Money(wan: 95), "\(String(describing: board.records.last))")
            check.that(try store.check().contains { $0.item == .figuresOK }, "the packed figures check")
            let history = try store.history(entity: "monthly", key: "\(code)/2026-11")
            check.equal(history.count, 2)
            check.that(history.allSatisfy { $0.actor == store.actor && !$0.actor.isEmpty }, "\(history.map(\.actor))")
            check.that(history.first?.action == .insert && history.first?.before == nil, "the insert: \(String(describing: history.first))")
            check.that(history.last?.before?.contains("800000") == true && history.last?.after?.contains("950000") == true,
                       "before and after: \(String(describing: history.last))")
            check.that(history.last?.after?.contains("\"version\":2") == true, "the version after: \(history.last?.after ?? "nil")")
        }
    }

    @Test(arguments: Engine.allCases)
    func theChangeLogHoldsValidJSONWhateverTheText(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let code = try store.loadPortfolio().files[0].project.code
            let tricky = "引号\"反斜杠\\换行\n制表\t控制\u{1}结束"
            _ = try store.recordMonthly(MonthlyRecord(project: code, month: YearMonth(year: 2026, month: 12)!, planned: nil,
                                                      completed: Money(wan: 1), progress: tricky))
            let entry = try S.require(try store.history(entity: "monthly", key: "\(code)/2026-12").last)
            let after = try S.require(entry.after)
            let object = try S.require(try JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any])
            check.equal(object["progress"] as? String, tricky)
            check.that(object["completed"] as? Int == 10_000 && object["version"] as? Int == 1, after)
            check.that(object["planned"] is NSNull, "planned is null: \(after)")
        }
    }

    @Test(arguments: Engine.allCases)
    func aStaleMonthlyRecordIsRefusedWithWhoAndWhen(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let file = try store.loadPortfolio().files[0]
            var record = try S.require(file.records.last)
            let loadedVersion = record.version
            record.completed = record.completed + Money(wan: 1)
            _ = try store.recordMonthly(record, basedOn: loadedVersion)          // someone else's edit lands first
            record.completed = record.completed + Money(wan: 1)
            let error = S.storeError { _ = try store.recordMonthly(record, basedOn: loadedVersion) }   // ours, on what we loaded
            guard case let .staleEdit(entity, key, by, at)? = error else {
                check.that(false, "expected a stale-edit refusal, got \(String(describing: error))")
                return
            }
            check.that(entity == "monthly" && key == "\(file.project.code)/\(record.month.iso)", "\(entity) \(key)")
            check.that(by == store.actor && at.hasPrefix("20"), "\(by) \(at)")
        }
    }
}
