import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KeyProjects
import KeyProjectsDemo
import CommandRoom
import KeyProjectsReports
import TerminalKit
import TextLayout
@_spi(Bench) import KeyProjectsStore

/// `cmdroom bench`: builds a large generated store once, then measures in a fresh process (so
/// peak RSS is the measuring process's own): open + load, cards, triage, a 20,000-row import,
/// one committed monthly update. Figures are medians of --runs runs.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure load, card, triage, import and write times on a generated store (use a release build).")

    @Option(help: "Projects in the generated store.")
    var projects: Int = 20_000

    @Option(help: "Runs per measurement; medians are printed.")
    var runs: Int = 5

    @Option(help: ArgumentHelp("Keep the generated store here and reuse it next time.", valueName: "dir"))
    var keep: String?

    @Option(name: .customLong("measure"), help: .hidden)
    var measureDirectory: String?

    @Option(name: .customLong("measure-dashboard"), help: .hidden)
    var measureDashboard: String?

    func validate() throws {
        guard projects >= 10 else { throw ValidationError("--projects must be at least 10") }
        guard (1...50).contains(runs) else { throw ValidationError("--runs must be between 1 and 50") }
    }

    func run() throws {
        if let measureDirectory {
            try BenchMeasurement(directory: URL(fileURLWithPath: measureDirectory), runs: runs).run()
            return
        }
        if let measureDashboard {
            try DashboardBench(directory: URL(fileURLWithPath: measureDashboard), runs: runs).report()
            return
        }
        #if DEBUG
        Console.note("this is a debug build; build with `swift build -c release` for meaningful figures")
        #endif
        let dir = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-bench-\(projects)-\(ProcessInfo.processInfo.processIdentifier)")
        defer { if keep == nil { try? FileManager.default.removeItem(at: dir) } }
        let storeDir = dir.appendingPathComponent("store")
        if !FileManager.default.fileExists(atPath: storeDir.appendingPathComponent("cmdroom.sqlite").path) {
            try BenchSetup(projects: projects, directory: dir).build()
        } else {
            Console.out("reusing the store in \(storeDir.path)\n")
            try Store.adoptForBench(storeDir)
        }
        // Measure in fresh processes: the store's figures, then the dashboard's, each with its
        // own peak memory.
        for mode in ["--measure", "--measure-dashboard"] {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            child.arguments = ["bench", mode, storeDir.path, "--runs", String(runs)]
            try child.run()
            child.waitUntilExit()
            if child.terminationStatus != 0 { throw ExitCode(child.terminationStatus) }
        }
    }
}

/// Builds the benchmark store: DESIGN's figures — 12 months of records per project, 2.5
/// issues per project, 5,000 meetings, 1,000,000 change-log rows.
struct BenchSetup {
    let projects: Int
    let directory: URL

    func build() throws {
        var clock = BenchClock()
        var settings = try SampleLocality.linfen.generatorSettings()
        settings.projects = projects
        settings.issues = projects * 5 / 2
        settings.meetingCount = 5_000
        settings.historyMonths = 12
        settings.namedProjects = []
        settings.codePrefix = "B"
        let source = directory.appendingPathComponent("ledgers")
        try? FileManager.default.removeItem(at: directory)
        try DemoWriter.writeGenerated(settings, base: .linfen, to: source)
        Console.out("generated \(projects) projects, \(settings.issues) issues, 5000 meetings in \(clock.lap()) ms\n")
        let storeDir = directory.appendingPathComponent("store")
        try Store.create(at: storeDir, from: source)
        Console.out("imported them into a new store in \(clock.lap()) ms\n")
        let store = try Store.open(storeDir)
        try store.padChangeLog(to: 1_000_000)
        Console.out("padded the change log to \(try store.changeLogCount()) rows in \(clock.lap()) ms\n")
        // A 20,000-row monthly ledger for the import measurement: months after the store's last.
        let files = try store.loadPortfolio(.board).files
        let codes = files.map(\.project.code)
        let last = files.compactMap { $0.records.last?.month }.max() ?? YearMonth(year: 2026, month: 10)!
        var rows: [[String]] = []
        for i in 0..<20_000 {
            let m = last.adding(months: 1 + i / codes.count)
            rows.append([codes[i % codes.count], m.iso, "100", String(50 + i % 90), "基准测试导入"])
        }
        let text = CSVText.write(header: ["项目编码", "月份", "月度计划投资（万元）", "本月完成投资（万元）", "形象进度"], rows: rows)
        try Data(text.utf8).write(to: directory.appendingPathComponent("import-20000.csv"))
    }
}

/// The process's peak resident set so far: VmHWM, the high-water mark of this process image.
/// (getrusage's ru_maxrss is no good here: Linux carries the parent's peak into a spawned child.)
func peakRSSMegabytes() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kb = Double(line.split(separator: " ").dropFirst().first ?? "") {
        return kb / 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

struct BenchClock {
    private var start = DispatchTime.now().uptimeNanoseconds
    mutating func lap() -> Int {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { start = now }
        return Int((now - start) / 1_000_000)
    }
}

/// The measurements, run in their own process.
struct BenchMeasurement {
    let directory: URL
    let runs: Int

    func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    func run() throws {
        var openLoad: [Double] = [], cards: [Double] = [], total: [Double] = [], queueLoad: [Double] = [], triage: [Double] = []
        var imports: [Double] = [], writes: [Double] = []
        var portfolio: Portfolio? = nil
        for _ in 0..<runs {
            var p: Portfolio? = nil
            var store: Store? = nil
            portfolio = nil
            let a = try time {
                store = try Store.open(directory, readOnly: true)
                p = try store!.loadPortfolio(.board)
            }
            let asOf = store!.config.sampleAsOf!
            let b = time { _ = Board.assess(p!, rules: store!.config.rules, asOf: asOf) }
            var issues: [KeyProjects.Issue] = []
            let d = try time { issues = try store!.loadIssues() }
            let c = time { _ = Triage.order(issues, projects: p!.projectsByCode, asOf: asOf, rules: store!.config.rules.clock) }
            openLoad.append(a); cards.append(b); total.append(a + b); queueLoad.append(d); triage.append(c)
            p!.issues = issues
            portfolio = p
        }
        let boardRSS = peakRSSMegabytes()
        let writer = try Store.open(directory)
        let ledger = directory.deletingLastPathComponent().appendingPathComponent("import-20000.csv")
        let original = try Data(contentsOf: ledger)
        for run in 0..<min(runs, 3) {
            // Each run changes every row's 形象进度: the first inserts 20,000 rows, the others update them.
            let text = String(decoding: original, as: UTF8.self).replacingOccurrences(of: ",基准测试导入", with: ",基准测试导入\(run)")
            let data = Data(text.utf8)
            var summary: ImportSummary? = nil
            imports.append(try time { summary = try writer.importLedger(.monthly, data: data, file: "import-20000.csv",
                                                                            today: writer.config.sampleAsOf ?? StoreLocation.today()) })
            _ = summary
        }
        let importRSS = peakRSSMegabytes()
        let file = portfolio!.files.first { !$0.records.isEmpty }!
        var record = file.records.last!
        for i in 0..<max(runs, 11) {
            record.completed = Money(wan: 100 + i)
            record.progress = "基准测试更新 \(i)"
            writes.append(try time { try writer.recordMonthly(record) })
        }

        let n = try writer.counts()
        var out = "\ncmdroom bench — \(n.projects) projects, \(n.monthly) monthly records, \(n.issues) issues, "
        out += "\(n.meetings) meetings, \(n.changes) change-log rows\n"
        out += "medians of \(runs) runs (import: \(imports.count) runs of 20,000 rows; write: \(writes.count) commits)\n"
        func number(_ v: Double) -> String { String(format: "%.1f", v) }
        var table = TextTable(headers: ["measure", "median", "min", "max", "target"], alignments: [.left, .right, .right, .right, .left])
        func add(_ name: String, _ values: [Double], target: Double?) {
            let m = median(values)
            let verdict = target.map { m <= $0 ? "ok: ≤ \(Int($0)) ms" : "OVER: \(Int($0)) ms" } ?? ""
            table.append([name, "\(number(m)) ms", number(values.min()!), number(values.max()!), verdict])
        }
        add("open + load", openLoad, target: nil)
        add("compute every card", cards, target: nil)
        add("open + load + cards", total, target: 300)
        add("load every issue", queueLoad, target: nil)
        add("issue queue in triage order", triage, target: nil)
        add("import a 20,000-row ledger", imports, target: nil)
        add("one monthly update committed", writes, target: 10)
        table.append(["peak RSS: board and queue loaded", "\(number(boardRSS)) MB", "", "", boardRSS <= 200 ? "ok: ≤ 200 MB" : "OVER: 200 MB"])
        table.append(["peak RSS: after the imports", "\(number(importRSS)) MB", "", "", ""])
        Console.out(out + table.render())
    }
}

/// A screen for the dashboard benchmark: it keeps no frames but the time each was shown, and
/// waits like a terminal does when no key comes.
final class BenchScreen: TerminalScreen {
    let size: (width: Int, height: Int)
    let colors = 256
    var shown: [UInt64] = []
    var pending: [TerminalEvent] = [] { didSet { next = 0 } }
    /// The next of `pending` to hand out (a 5,000-key paste is not taken from the front).
    private var next = 0
    var isIdle: Bool { next >= pending.count }

    init(width: Int, height: Int) { size = (width, height) }

    func show(_ canvas: Canvas) { shown.append(DispatchTime.now().uptimeNanoseconds) }

    func nextEvent(timeout milliseconds: Int) -> TerminalEvent? {
        if next >= pending.count {
            usleep(useconds_t(milliseconds * 1000))
            return nil
        }
        next += 1
        return pending[next - 1]
    }
}

/// The dashboard's figures: time to the first frame with the board, key-to-frame times for
/// moving, typing in the filter and switching views, and the wall's CPU when idle.
struct DashboardBench {
    let directory: URL
    let runs: Int

    struct Figures {
        var firstFrame: [Double] = [], move: [Double] = [], filter: [Double] = [], switchView: [Double] = [], wallCPU = 0.0
        var openGrid: [Double] = [], gridKey: [Double] = [], commitRow: [Double] = []
        /// `b` on the overview: the ranking, investment, targets, awards, bulletin and special
        /// report worked out (every month of the year assessed), then a page turn with them in.
        var figures: [Double] = [], figuresKey: [Double] = [], pageTurn: [Double] = []
        var gridRows = 0
        /// 5,000 characters pasted (arriving at once) into the `:` line and the board's filter:
        /// from the first key to the frame showing the last.
        var pasteCommand: [Double] = [], pasteFilter: [Double] = []
    }

    /// The text pasted: 5,000 characters, Chinese and ASCII mixed.
    static let pasted: String = {
        let unit = "县城项目abc123，"
        return String(String(repeating: unit, count: 5_000 / unit.count + 1).prefix(5_000))
    }()

    func runtime(wall: Bool, screen: BenchScreen, writable: Bool = false) throws -> DashboardRuntime {
        let store = try Store.open(directory, readOnly: !writable)
        let options = DashboardOptions(theme: wall ? BuiltinTheme.wall.theme : BuiltinTheme.dark.theme, wall: wall, cycleSeconds: 15,
                                       storePath: directory.path, user: store.actor, role: store.role, actorName: store.actorName,
                                       readOnly: store.isReadOnly)
        let asOf = store.config.sampleAsOf ?? StoreLocation.today()
        let state = AppState(options: options, width: screen.size.width, height: screen.size.height, today: asOf)
        return DashboardRuntime(state: state, screen: screen, store: store, today: { asOf })
    }

    func milliseconds(_ from: UInt64, _ to: UInt64) -> Double { Double(to - from) / 1_000_000 }

    /// Milliseconds from a key to its frame: the key handled, its effects done, the frame drawn.
    func keyToFrame(_ key: Key, _ r: DashboardRuntime, _ screen: BenchScreen) -> Double {
        screen.pending = [.key(key)]
        let t = DispatchTime.now().uptimeNanoseconds
        r.step()
        return milliseconds(t, DispatchTime.now().uptimeNanoseconds)
    }

    /// Milliseconds from 5,000 pasted keys (all waiting at once, as a terminal delivers a paste)
    /// to the frame after the last, in the field `open` opens; checks they all arrived.
    func paste(into open: Key, _ r: DashboardRuntime, _ screen: BenchScreen, _ text: (AppState) -> String?) -> Double {
        _ = keyToFrame(open, r, screen)
        screen.pending = DashboardBench.pasted.map { .key(.character($0)) }
        let frames = screen.shown.count
        let t = DispatchTime.now().uptimeNanoseconds
        while !screen.isIdle || screen.shown.count == frames { r.step() }
        let ms = milliseconds(t, DispatchTime.now().uptimeNanoseconds)
        if text(r.state) != DashboardBench.pasted { Console.error("bench: the pasted text did not arrive whole") }
        _ = keyToFrame(.escape, r, screen)
        return ms
    }

    /// Key-to-frame times on a dashboard that has loaded everything (released afterwards).
    func keys(_ f: inout Figures) throws {
        let screen = BenchScreen(width: 120, height: 40)
        let r = try runtime(wall: false, screen: screen)
        r.start()
        func press(_ key: Key) -> Double { keyToFrame(key, r, screen) }
        for i in 0..<40 { f.move.append(press(i % 10 == 9 ? .pageDown : .down)) }
        _ = press(.character("/"))
        for c in "县项目工程临" { f.filter.append(press(.character(c))) }
        for _ in 0..<6 { f.filter.append(press(.backspace)) }
        _ = press(.escape)
        for _ in 0..<runs {
            f.pasteCommand.append(paste(into: .character(":"), r, screen) { $0.commandLine })
            f.pasteFilter.append(paste(into: .character("/"), r, screen) { $0.board.filter.text })
        }
        for i in 0..<20 { f.switchView.append(press(.character(["2", "3", "4", "1"][i % 4]))) }
        // The overview's pages: the first `b` works the figures out; `r` drops them again.
        _ = press(.character("4"))
        for _ in 0..<runs {
            // Worked out off the loop: the time until they are on screen.
            let t = DispatchTime.now().uptimeNanoseconds
            let keyFrame = press(.character("b"))
            while r.state.figures == nil { r.step() }
            f.figures.append(milliseconds(t, DispatchTime.now().uptimeNanoseconds))
            f.figuresKey.append(keyFrame)
            for _ in 0..<6 { f.pageTurn.append(press(.character("b"))) }
            // Back on the first page: `r` reads the store again and drops the figures.
            _ = press(.character("r"))
        }
    }

    /// The monthly grid as the office uses it: open it on a sub-command, type amounts, commit
    /// rows (each commit writes, reloads the board and the grid, and draws the new cards).
    func grid(_ f: inout Figures) throws {
        let screen = BenchScreen(width: 120, height: 40)
        let r = try runtime(wall: false, screen: screen, writable: true)
        r.start()
        func press(_ key: Key) -> Double { keyToFrame(key, r, screen) }
        for _ in 0..<runs {
            f.openGrid.append(press(.character("e")))
            f.gridRows = r.state.grid?.rows.count ?? 0
            for i in 0..<3 {
                for c in "\(i + 1)2.5" { f.gridKey.append(press(.character(c))) }
                f.commitRow.append(press(.enter))
            }
            _ = press(.escape)
        }
    }

    /// Measures and prints the dashboard's table.
    func report() throws {
        let f = try run()
        let rss = peakRSSMegabytes()
        func number(_ v: Double) -> String { String(format: "%.1f", v) }
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.isEmpty ? 0 : (sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2)
        }
        var table = TextTable(headers: ["dashboard (120×40)", "median", "min", "max", "target"], alignments: [.left, .right, .right, .right, .left])
        func add(_ name: String, _ values: [Double], target: Double?) {
            let m = median(values)
            table.append([name, "\(number(m)) ms", number(values.min() ?? 0), number(values.max() ?? 0),
                          target.map { m <= $0 ? "ok: ≤ \(Int($0)) ms" : "OVER: \(Int($0)) ms" } ?? ""])
        }
        add("time to first frame", f.firstFrame, target: 500)
        add("key to frame: move", f.move, target: 16)
        add("key to frame: type in the filter", f.filter, target: 16)
        add("key to frame: switch view", f.switchView, target: 16)
        add("paste 5,000 characters into the : line (keys to frame)", f.pasteCommand, target: 100)
        add("paste 5,000 characters into the filter (keys to frame)", f.pasteFilter, target: nil)
        add("overview: b to its frame (reading…)", f.figuresKey, target: 16)
        add("overview: b until the figures show", f.figures, target: nil)
        add("overview: b, next page", f.pageTurn, target: 16)
        add("grid: open (\(f.gridRows) rows of a sub-command)", f.openGrid, target: 500)
        add("grid: key to frame, typing", f.gridKey, target: 16)
        add("grid: commit a row to new cards", f.commitRow, target: 1000)
        table.append(["wall (200×60): idle CPU over 10 s", String(format: "%.2f %%", f.wallCPU), "", "", f.wallCPU <= 2 ? "ok: ≤ 2 %" : "OVER: 2 %"])
        table.append(["peak RSS of the dashboard process", "\(number(rss)) MB", "", "", ""])
        Console.out("\nmedians of \(runs) starts, \(f.move.count) moves, \(f.filter.count) filter keys, \(f.switchView.count) view switches\n" + table.render())
    }

    func run() throws -> Figures {
        var f = Figures()
        for _ in 0..<runs {
            let screen = BenchScreen(width: 120, height: 40)
            let start = DispatchTime.now().uptimeNanoseconds
            let r = try runtime(wall: false, screen: screen)
            r.start()
            // The first frame is "reading…"; the second has the board.
            if screen.shown.count > 1 { f.firstFrame.append(milliseconds(start, screen.shown[1])) }
        }
        try keys(&f)
        try grid(&f)

        // The wall left alone: the CPU it uses per second of wall time.
        let wallScreen = BenchScreen(width: 200, height: 60)
        let wall = try runtime(wall: true, screen: wallScreen)
        wall.start()
        var before = rusage(), after = rusage()
        getrusage(RUSAGE_SELF.rawValue, &before)
        let t0 = DispatchTime.now().uptimeNanoseconds
        while milliseconds(t0, DispatchTime.now().uptimeNanoseconds) < 10_000 { wall.step() }
        getrusage(RUSAGE_SELF.rawValue, &after)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        let cpu = seconds(after.ru_utime) - seconds(before.ru_utime) + seconds(after.ru_stime) - seconds(before.ru_stime)
        f.wallCPU = cpu / (milliseconds(t0, DispatchTime.now().uptimeNanoseconds) / 1000) * 100
        return f
    }
}
