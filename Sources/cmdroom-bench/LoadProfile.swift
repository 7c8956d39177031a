import Foundation
import KeyProjects
import KeyProjectsPostgres
import KeyProjectsStore

/// `--profile-load DIR --postgres URL` (a developer's loop, not a figure of the report): the
/// store in DIR migrated into URL's schema unless that schema is there already, then open +
/// load + cards timed `runs` times on PostgreSQL, each run printed, so a change to the board's
/// load can be measured (or run under `perf`) without migrating the store every time. The
/// schema is kept; drop it by hand.
struct LoadProfile {
    let directory: URL
    let server: PostgresLocation
    let runs: Int

    func run() throws {
        if (try? PostgresStore.open(server, readOnly: true)) == nil {
            let start = BenchTime.now()
            _ = try PostgresStoreCopy.copy(from: directory, to: server)
            BenchConsole.out("migrated into \(server.schema) in \(Int(BenchTime.since(start))) ms\n")
        }
        var loads: [Double] = [], cards: [Double] = []
        for _ in 0..<runs {
            var store: PostgresStore!
            var portfolio: Portfolio!
            let load = try BenchTime.time {
                store = try PostgresStore.open(server, readOnly: true)
                portfolio = try store.loadPortfolio(.board)
            }
            let asOf = BenchSetup.asOf(store)
            let card = BenchTime.time { _ = Board.assess(portfolio, rules: store.config.rules, asOf: asOf) }
            loads.append(load); cards.append(card)
            BenchConsole.out(String(format: "open + load %.1f ms, cards %.1f ms, total %.1f ms\n", load, card, load + card))
        }
        BenchConsole.out(String(format: "median open + load %.1f ms, cards %.1f ms, total %.1f ms\n", Statistics.median(loads),
                                Statistics.median(cards), Statistics.median(zip(loads, cards).map { $0 + $1 })))
    }
}
