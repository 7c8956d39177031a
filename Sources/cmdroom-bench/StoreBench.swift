import Foundation
import KeyProjects
import KeyProjectsStore

/// The store's figures, measured in their own process: open + load, cards, triage, a 20,000-row
/// import, one committed monthly update, and the peak memory. Medians of `runs` runs.
struct StoreBench {
    /// The store directory; the import ledger is beside it.
    let directory: URL
    let runs: Int

    func measure() throws -> FigureSection {
        var openLoad: [Double] = [], cards: [Double] = [], total: [Double] = [], queueLoad: [Double] = [], triage: [Double] = []
        var imports: [Double] = [], writes: [Double] = []
        var portfolio: Portfolio? = nil
        for _ in 0..<runs {
            var p: Portfolio? = nil
            var store: Store? = nil
            portfolio = nil
            let a = try BenchTime.time {
                store = try SQLiteStore.open(directory, readOnly: true)
                p = try store!.loadPortfolio(.board)
            }
            let asOf = BenchSetup.asOf(store!)
            let b = BenchTime.time { _ = Board.assess(p!, rules: store!.config.rules, asOf: asOf) }
            var issues: [KeyProjects.Issue] = []
            let d = try BenchTime.time { issues = try store!.loadIssues() }
            let c = BenchTime.time { _ = Triage.order(issues, projects: p!.projectsByCode, asOf: asOf, rules: store!.config.rules.clock) }
            openLoad.append(a); cards.append(b); total.append(a + b); queueLoad.append(d); triage.append(c)
            p!.issues = issues
            portfolio = p
        }
        let boardRSS = peakRSSMegabytes()
        let writer = try SQLiteStore.open(directory)
        let ledger = directory.deletingLastPathComponent().appendingPathComponent(BenchSetup.importLedgerName)
        let original = try Data(contentsOf: ledger)
        let importRows = String(decoding: original, as: UTF8.self).split(separator: "\n").count - 1
        // The import is held to the write paths' rules: it is dated in the ledger's own month
        // (which has not begun on the store's sample day), and never after the real day.
        let ledgerMonth = String(decoding: original, as: UTF8.self).split(separator: "\n").dropFirst().first
            .flatMap { $0.split(separator: ",").dropFirst().first }.flatMap { YearMonth.parse(String($0)) }
        let importDay = min(ledgerMonth?.lastDay ?? BenchSetup.lastMonth(portfolio!.files).adding(months: 1).lastDay, BenchTime.today())
        for run in 0..<min(runs, 3) {
            // Each run changes every row's 形象进度: the first inserts the rows, the others update them.
            let text = String(decoding: original, as: UTF8.self).replacingOccurrences(of: ",基准测试导入", with: ",基准测试导入\(run)")
            let data = Data(text.utf8)
            imports.append(try BenchTime.time {
                _ = try writer.importLedger(.monthly, data: data, file: BenchSetup.importLedgerName,
                                            today: importDay)
            })
        }
        let importRSS = peakRSSMegabytes()
        let file = portfolio!.files.first { !$0.records.isEmpty }!
        var record = file.records.last!
        for i in 0..<max(runs, 11) {
            record.completed = Money(wan: 100 + i)
            record.progress = "基准测试更新 \(i)"
            writes.append(try BenchTime.time { try writer.recordMonthly(record) })
        }

        let n = try writer.counts()
        return FigureSection(
            notes: ["",
                    "cmdroom-bench — \(n.projects) projects, \(n.monthly) monthly records, \(n.issues) issues, "
                        + "\(n.meetings) meetings, \(n.changes) change-log rows",
                    "medians of \(runs) runs (import: \(imports.count) runs of \(Format.count(importRows)) rows; write: \(writes.count) commits)"],
            heading: "measure",
            figures: [
                .median(.openLoad, openLoad), .median(.cards, cards), .median(.openLoadCards, total),
                .median(.loadIssues, queueLoad), .median(.triageOrder, triage), .median(.importLedger, imports, label: "import a \(Format.count(importRows))-row ledger"),
                .median(.commitMonthly, writes),
                .single(.rssBoard, boardRSS), .single(.rssAfterImports, importRSS),
            ])
    }
}
