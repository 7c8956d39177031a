import Foundation
import KeyProjects
import KeyProjectsPostgres
import KeyProjectsStore

/// Both engines side by side on the same store, in one process and one run (issue 17 §8): the
/// SQLite store is migrated into a fresh PostgreSQL schema, then each engine is timed on open +
/// load + cards, one monthly update committed, the 20,000-row import, and the time from one
/// connection's commit to another's change watch seeing it. The schema is dropped after.
struct EngineBench {
    let directory: URL
    let server: PostgresLocation
    let runs: Int

    func measure() throws -> FigureSection {
        var schemaLocation = server
        schemaLocation.schema = "bench_" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let migrateStart = Date()
        _ = try PostgresStoreCopy.copy(from: directory, to: schemaLocation)
        let migrate = Date().timeIntervalSince(migrateStart) * 1000
        defer {
            if let admin = try? PostgresBridge(schemaLocation) {
                try? PostgresMigrations.dropStore(admin)
                admin.close()
            }
        }
        var figures: [Figure] = [.single(.engineMigrate, migrate, label: "PostgreSQL: migrate the store (COPY, one transaction)")]
        var medians: [String: [Double]] = [:]
        for engine in ["SQLite", "PostgreSQL"] {
            let open: () throws -> any Store = engine == "SQLite"
                ? { try SQLiteStore.open(directory) }
                : { try PostgresStore.open(schemaLocation) }
            var loads: [Double] = []
            var store: (any Store)!
            for _ in 0..<runs {
                loads.append(try BenchTime.time {
                    let s = try open()
                    let p = try s.loadPortfolio(.board)
                    _ = Board.assess(p, rules: s.config.rules, asOf: BenchSetup.asOf(s))
                    store = s
                })
            }
            let file = try store.loadPortfolio(.board).files.first { !$0.records.isEmpty }!
            var record = file.records.last!
            var writes: [Double] = []
            for i in 0..<max(runs, 11) {
                record.completed = Money(wan: 200 + i)
                writes.append(try BenchTime.time { try store.recordMonthly(record) })
            }
            // Commit to another connection's watch: a second store object writes.
            let watch = try store.makeChangeWatch()
            _ = try watch.hasChanged()
            let other = try open()
            var seen: [Double] = []
            for i in 0..<max(runs, 11) {
                record.completed = Money(wan: 300 + i)
                // From the write's start: the notice can arrive before the writer's call returns.
                let committed = Date()
                try other.recordMonthly(record)
                while try !watch.hasChanged() {
                    if Date().timeIntervalSince(committed) > 5 { break }
                    usleep(200)
                }
                seen.append(Date().timeIntervalSince(committed) * 1000)
            }
            let ledger = directory.deletingLastPathComponent().appendingPathComponent(BenchSetup.importLedgerName)
            let original = String(decoding: try Data(contentsOf: ledger), as: UTF8.self)
            let month = original.split(separator: "\n").dropFirst().first
                .flatMap { $0.split(separator: ",").dropFirst().first }.flatMap { YearMonth.parse(String($0)) }
            let importDay = min(month?.lastDay ?? BenchTime.today(), BenchTime.today())
            let data = Data(original.replacingOccurrences(of: ",基准测试导入", with: ",引擎对比导入").utf8)
            let importTime = try BenchTime.time {
                _ = try store.importLedger(.monthly, data: data, file: BenchSetup.importLedgerName, today: importDay)
            }
            figures += [
                .median(.engineOpenLoadCards, loads, label: "\(engine): open + load + cards"),
                .median(.engineCommit, writes, label: "\(engine): one monthly update committed"),
                .median(.engineNotify, seen, label: "\(engine): a write seen by another connection's watch (from its start)"),
                .single(.engineImport, importTime, label: "\(engine): import the 20,000-row ledger (updates)"),
            ]
            medians[engine] = [Statistics.median(loads), Statistics.median(writes), Statistics.median(seen), importTime]
        }
        let names = ["open + load + cards", "one update", "commit seen", "import"]
        let ratios = zip(names, zip(medians["PostgreSQL"] ?? [], medians["SQLite"] ?? [])).map { name, pair in
            "\(name) ×\(String(format: "%.1f", pair.1 > 0 ? pair.0 / pair.1 : 0))"
        }
        return FigureSection(notes: ["", "both engines on the same store (PostgreSQL over its Unix socket; ratio PostgreSQL / SQLite): "
                                         + ratios.joined(separator: ", ")],
                             heading: "engines", figures: figures)
    }
}
