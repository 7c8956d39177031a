// SQLite only: `SQLiteStore.create` from a locality directory; an import's and an expansion's reports run on both engines in KeyProjectsPostgresTests/BothEnginesLedgerTests.
import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsStore
import Testing

/// Issue 14 §9: the store says how far `init`, `import` and `meetings expand` have got (the
/// command line draws it), row by row, each step from 0 up to its total.
@Suite struct ProgressReportTests {
    /// The reports of each step, in order: the step and the `done` counts seen.
    static func steps(_ reports: [StoreProgress]) -> [(StoreProgress.Step, [Int], Int)] {
        var steps: [(StoreProgress.Step, [Int], Int)] = []
        for r in reports {
            if let last = steps.last, last.0 == r.step { steps[steps.count - 1].1.append(r.done) } else { steps.append((r.step, [r.done], r.total)) }
        }
        return steps
    }

    @Test func creationReportsEveryLedgerRowCheckedAndWrittenThenTheMeetings() throws {
        let scratch = Scratch()
        let source = scratch.path("source")
        try SampleLocality.linfen.write(to: source)
        var reports: [StoreProgress] = []
        let summaries = try SQLiteStore.create(at: scratch.path("store"), from: source, progress: { reports.append($0) })
        let steps = Self.steps(reports)
        var expected: [StoreProgress.Step] = []
        for s in summaries { expected += [.checking(s.kind), .writing(s.kind)] }
        expected.append(.meetings)
        #expect(steps.map(\.0) == expected)
        for (step, done, total) in steps {
            #expect(done == Array(0..<total), "\(step): each row once, in order")
        }
        let monthly = try #require(summaries.first { $0.kind == .monthly })
        #expect(steps.first { $0.0 == .writing(.monthly) }?.2 == monthly.rows)
    }
}
