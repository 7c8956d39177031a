import Foundation
import GRDB
import KeyProjects
import KeyProjectsDemo
@_spi(Testing) import KeyProjectsStore
import Testing

@Suite struct StoreTests {
    @Test func aNewStoreHasTheSampleLedgers() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let portfolio = try store.loadPortfolio()
        #expect(portfolio.files.count == 48)
        #expect(portfolio.files.allSatisfy { $0.records.map(\.month) == $0.records.map(\.month).sorted() })
        #expect(!portfolio.issues.isEmpty && !portfolio.meetings.isEmpty)
        #expect(FileManager.default.fileExists(atPath: store.directory.appendingPathComponent("locality.toml").path))
    }

    @Test func parallelAndSingleConnectionLoadsAgree() throws {
        let scratch = Scratch()
        let store = try sampleStore(.shanxi, in: scratch)
        let parallel = try store.loadPortfolio()
        let single = try SQLiteStore.open(store.directory, readOnly: true)
        single.disableParallelLoading()
        let sequential = try single.loadPortfolio()
        #expect(parallel.files.map(\.project) == sequential.files.map(\.project))
        #expect(parallel.files.map(\.records) == sequential.files.map(\.records))
        #expect(parallel.files.map(\.milestones) == sequential.files.map(\.milestones))
        #expect(parallel.files.map(\.reminders) == sequential.files.map(\.reminders))
        #expect(parallel.openIssueCounts == sequential.openIssueCounts)
        #expect(parallel.files.contains { !$0.milestones.isEmpty } && parallel.files.contains { !$0.reminders.isEmpty })
        #expect(parallel.openIssueCounts.values.reduce(0, +) == parallel.issues.filter { $0.status.isOpen }.count)
        // The board's load reads the packed figures: the same months and amounts, without
        // 形象进度; no issues, and only the plenaries.
        let board = try store.loadPortfolio(.board)
        #expect(board.files.allSatisfy { $0.records.allSatisfy { $0.progress.isEmpty } })
        func figures(_ p: Portfolio) -> [[String]] {
            p.files.map { $0.records.map { "\($0.month) \($0.planned?.yuan ?? -1) \($0.completed.yuan)" } }
        }
        #expect(figures(board) == figures(parallel))
        // The board reads the headquarters' meetings only: where red-card statements are made.
        #expect(board.issues.isEmpty && board.meetings.allSatisfy { Meetings.headquartersKinds.contains($0.kind) } && !board.meetings.isEmpty)
        #expect(board.openIssueCounts == parallel.openIssueCounts)
    }

    @Test func openIssueCountsOnADayAgreeWithTheIssuesAsTheyStoodThen() throws {
        let scratch = Scratch()
        let store = try sampleStore(.lingchuan, in: scratch)
        let issues = try store.loadIssues()
        for text in ["2026-06-30", "2026-09-20", "2026-10-15", "2026-10-31"] {
            let d = Day.parse(text)!
            let counts = try store.loadPortfolio(.board, issuesOpenOn: d).openIssueCounts
            let expected = issues.compactMap { $0.asItStood(on: d) }.filter { $0.status.isOpen }
                .reduce(into: [String: Int]()) { $0[$1.project, default: 0] += 1 }
            #expect(counts == expected, "on \(text)")
        }
        #expect(try store.loadPortfolio(.board, issuesOpenOn: Day.parse("2026-06-30")!).openIssueCounts.isEmpty)
    }

    @Test func createRefusesADirectoryThatHoldsAStoreAndLeavesNothingOnFailure() throws {
        let scratch = Scratch()
        let store = try sampleStore(.lingchuan, in: scratch)
        #expect(throws: StoreError.self) { try SQLiteStore.create(at: store.directory, from: scratch.path("source-lingchuan")) }
        // A locality whose ledger is bad: no store, no staging directory left behind.
        let bad = scratch.path("bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try Data(SampleLocality.linfen.localityTOML.utf8).write(to: bad.appendingPathComponent("locality.toml"))
        try Data("\(projectsHeader)\nX1,名称,市级,不存在的分指挥部,尧都区,100,10\n".utf8).write(to: bad.appendingPathComponent("projects.csv"))
        let target = scratch.path("never")
        #expect(throws: StoreError.self) { try SQLiteStore.create(at: target, from: bad) }
        #expect(!FileManager.default.fileExists(atPath: target.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".never") }
        #expect(leftovers.isEmpty)
    }

    @Test func openingSomethingThatIsNotAStoreSaysWhatIsMissing() {
        let scratch = Scratch()
        let error = storeError { _ = try SQLiteStore.open(scratch.url) }
        #expect(error?.description.contains("locality.toml") == true)
    }

    @Test func everyChangeIsLoggedWithTheAccountAndBeforeAndAfter() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let code = try store.loadPortfolio().files[0].project.code
        let before = try store.changeLogCount()
        let record = MonthlyRecord(project: code, month: YearMonth(year: 2026, month: 11)!, planned: Money(wan: 100),
                                   completed: Money(wan: 80), progress: "主体封顶")
        #expect(try store.recordMonthly(record) == .inserted)
        var updated = record
        updated.completed = Money(wan: 95)
        #expect(try store.recordMonthly(updated, basedOn: 1) == .updated)
        #expect(try store.recordMonthly(updated) == .unchanged)
        #expect(try store.changeLogCount() == before + 2)
        // The board's packed figures follow every write.
        let board = try store.loadPortfolio(.board).files.first { $0.project.code == code }!
        #expect(board.records.last?.month == record.month && board.records.last?.completed == Money(wan: 95))
        #expect(try store.check().contains { $0.item == .figuresOK })
        let history = try store.history(entity: "monthly", key: "\(code)/2026-11")
        #expect(history.count == 2)
        #expect(history.allSatisfy { $0.actor == store.actor && !$0.actor.isEmpty })
        #expect(history[0].action == .insert && history[0].before == nil)
        #expect(history[1].before?.contains("800000") == true && history[1].after?.contains("950000") == true)
        #expect(history[1].after?.contains("\"version\":2") == true)
    }

    @Test func theChangeLogHoldsValidJSONWhateverTheText() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let code = try store.loadPortfolio().files[0].project.code
        let tricky = "引号\"反斜杠\\换行\n制表\t控制\u{1}结束"
        try store.recordMonthly(MonthlyRecord(project: code, month: YearMonth(year: 2026, month: 12)!, planned: nil,
                                              completed: Money(wan: 1), progress: tricky))
        let entry = try #require(try store.history(entity: "monthly", key: "\(code)/2026-12").last)
        let after = try #require(entry.after)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any])
        #expect(object["progress"] as? String == tricky)
        #expect(object["completed"] as? Int == 10_000 && object["version"] as? Int == 1)
        #expect(object["planned"] is NSNull)
    }

    @Test func aStaleEditIsRefusedWithWhoAndWhen() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let file = try store.loadPortfolio().files[0]
        var record = file.records.last!
        let loadedVersion = record.version
        record.completed = record.completed + Money(wan: 1)
        try store.recordMonthly(record, basedOn: loadedVersion)          // someone else's edit lands first
        record.completed = record.completed + Money(wan: 1)
        let error = storeError { try store.recordMonthly(record, basedOn: loadedVersion) }   // ours, on what we loaded
        guard case let .staleEdit(entity, key, by, at)? = error else {
            Testing.Issue.record("expected a stale-edit refusal, got \(String(describing: error))")
            return
        }
        #expect(entity == "monthly" && key == "\(file.project.code)/\(record.month.iso)")
        #expect(by == store.actor && at.hasPrefix("20"))
    }

    @Test func aReadOnlyStoreRefusesWritesInSQLiteItself() throws {
        let scratch = Scratch()
        let writable = try sampleStore(.linfen, in: scratch)
        let readOnly = try SQLiteStore.open(writable.directory, readOnly: true)
        let code = try readOnly.loadPortfolio().files[0].project.code
        #expect(throws: StoreError.self) {
            try readOnly.addReminder(Reminder(project: code, date: Day(year: 2026, month: 11, day: 2)!, by: "wall"), on: Day(year: 2026, month: 11, day: 2)!)
        }
        #expect(throws: StoreError.self) {
            try readOnly.importLedger(.reminders, data: Data("项目编码,催办日期,催办人\n\(code),2026-11-02,x\n".utf8), file: "r.csv", today: sampleAsOf)
        }
    }

    @Test func readsNeverWrite() throws {
        let scratch = Scratch()
        let dir = try sampleStore(.linfen, in: scratch).directory
        let before = snapshot(dir)
        let reader = try SQLiteStore.open(dir, readOnly: true)
        _ = try reader.loadPortfolio()
        _ = try reader.check()
        _ = try reader.exportLedger(.projects)
        let writer = try SQLiteStore.open(dir)
        _ = try writer.loadPortfolio()
        #expect(snapshot(dir) == before)
    }

    @Test func theChangeWatcherSeesAnotherConnectionsCommit() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let watcher = try ChangeWatcher(store: store)
        #expect(try watcher.hasChanged() == false)
        #expect(try watcher.hasChanged() == false)
        let other = try SQLiteStore.open(store.directory)
        let code = try other.loadPortfolio().files[0].project.code
        try other.addReminder(Reminder(project: code, date: Day(year: 2026, month: 11, day: 3)!, by: "另一终端"), on: Day(year: 2026, month: 11, day: 3)!)
        #expect(try watcher.hasChanged() == true)
        #expect(try watcher.hasChanged() == false)
    }

    @Test func theLinkedSQLiteIsCheckedAndTheJournalIsNotWAL() throws {
        let linked = try SQLiteVersion.linked()
        #expect(linked >= SQLiteVersion(major: 3, minor: 35, patch: 0))
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let findings = try store.check()
        #expect(findings.allSatisfy { $0.severity != .error })
        #expect(findings.contains { $0.item == .journal(mode: "delete") })
        #expect(findings.contains { $0.item == .integrityOK })
    }
}
