// SQLite only: the store's files (reads never write a byte), its journal mode and linked library, creating a store directory, and the parallel loader; the store's behaviour through the Store protocol runs on both engines in KeyProjectsPostgresTests/BothEnginesStoreTests.
import Foundation
import GRDB
import KeyProjects
import KeyProjectsDemo
@_spi(Testing) import KeyProjectsStore
import Testing

@Suite struct StoreTests {
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
        // The board's load against the full one: BothEnginesStoreTests, on both engines.
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
