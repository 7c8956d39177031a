import Foundation
import Testing

/// `cmdroom-bench` end to end on a small store (its figures are not checked: timings vary).
@Suite struct BenchTests {
    @Test func smallRunPrintsEveryFigureWithTargetsAndChecks() throws {
        let scratch = Scratch()
        let r = try run(Binaries.bench, ["--projects", "200", "--runs", "1", "--idle-seconds", "1", "--check",
                                         "--keep", scratch.path("bench")])
        // A debug build may be over a target; then it says which, and exits 1.
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        for label in ["open + load + cards", "one monthly update committed", "peak RSS: board and queue loaded",
                      "time to first frame", "key to frame: move", "grid: commit a row to new cards",
                      "wall (200×60): idle CPU over 1 s", "peak RSS of the dashboard process"] {
            #expect(r.stdout.contains(label), "\(label)")
        }
        #expect(r.stdout.contains("cmdroom-bench — 200 projects"))
        #expect(r.stdout.contains("ratio"))
        if r.status == 0 {
            #expect(r.stdout.contains("check: all 17 figures with a target are within it"))
        } else {
            #expect(r.stderr.contains("over target: "))
            #expect(r.stderr.contains("figures over their targets"))
        }
        // The kept store is measured again without being rebuilt.
        let again = try run(Binaries.bench, ["--projects", "200", "--runs", "1", "--idle-seconds", "1", "--keep", scratch.path("bench")])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("reusing the store in"))
        #expect(!again.stdout.contains("generated 200 projects"))
    }

    @Test func refusesBadOptions() throws {
        let r = try run(Binaries.bench, ["--runs", "0"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--runs"))
    }

    @Test func benchIsNotACommandOfTheProduct() throws {
        let r = try run(Binaries.cmdroom, ["bench", "--projects", "10"])
        #expect(r.status == 64)
    }
}
