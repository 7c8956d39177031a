import Foundation
import KeyProjects
import KeyProjectsStore
import CommandRoom
import TerminalKit

/// The dashboard's figures, measured in their own process: time to the first frame with the
/// board, key-to-frame times for moving, typing in the filter, pasting and switching views,
/// the overview's figures, the monthly grid, and the wall's CPU when idle.
struct DashboardBench {
    let directory: URL
    let runs: Int
    /// How long the wall is left alone for its CPU figure.
    let idleSeconds: Int

    struct Samples {
        var firstFrame: [Double] = [], move: [Double] = [], filter: [Double] = [], switchView: [Double] = [], wallCPU = 0.0
        var openGrid: [Double] = [], gridKey: [Double] = [], commitRow: [Double] = []
        /// Enter's own frame, and the keys' right after it, while the commit is under way.
        var commitKey: [Double] = [], keyDuringCommit: [Double] = []
        /// `b` on the overview: the ranking, investment, targets, awards, bulletin and special
        /// report worked out (every month of the year assessed), then a page turn with them in.
        var figures: [Double] = [], figuresKey: [Double] = [], pageTurn: [Double] = []
        var gridRows = 0
        /// 500 cells pasted into the grid (one column, CRLF as Excel copies), then C-s: from the
        /// paste to the frame saying all are saved.
        var pasteSave: [Double] = []
        var pastedCells = 0
        /// 5,000 characters pasted (arriving at once) into the `:` line and the board's filter:
        /// from the first key to the frame showing the last.
        var pasteCommand: [Double] = [], pasteFilter: [Double] = []
    }

    /// The text pasted: 5,000 characters, Chinese and ASCII mixed.
    static let pasted: String = {
        let unit = "县城项目abc123，"
        return String(String(repeating: unit, count: 5_000 / unit.count + 1).prefix(5_000))
    }()

    func measure() throws -> FigureSection {
        let s = try run()
        let rss = peakRSSMegabytes()
        return FigureSection(
            notes: ["", "medians of \(runs) starts, \(s.move.count) moves, \(s.filter.count) filter keys, \(s.switchView.count) view switches"],
            heading: "dashboard (120×40)",
            figures: [
                .median(.firstFrame, s.firstFrame),
                .median(.keyMove, s.move), .median(.keyFilter, s.filter), .median(.keySwitchView, s.switchView),
                .median(.pasteCommandLine, s.pasteCommand), .median(.pasteFilter, s.pasteFilter),
                .median(.overviewKey, s.figuresKey), .median(.overviewFigures, s.figures), .median(.overviewPageTurn, s.pageTurn),
                .median(.gridOpen, s.openGrid, label: "grid: open (\(s.gridRows) rows of a sub-command)"),
                .median(.gridKey, s.gridKey), .median(.gridCommit, s.commitRow),
                .median(.gridCommitKey, s.commitKey), .median(.gridKeyDuringCommit, s.keyDuringCommit),
                .median(.gridPasteSave, s.pasteSave, label: "grid: \(s.pastedCells) cells pasted, then C-s until all saved"),
                .single(.wallIdleCPU, s.wallCPU, label: "wall (200×60): idle CPU over \(idleSeconds) s"),
                .single(.rssDashboard, rss),
            ])
    }

    func runtime(wall: Bool, screen: BenchScreen, writable: Bool = false) throws -> DashboardRuntime {
        let store = try SQLiteStore.open(directory, readOnly: !writable)
        let options = DashboardOptions(theme: wall ? BuiltinTheme.wall.theme : BuiltinTheme.dark.theme, wall: wall, cycleSeconds: 15,
                                       storePath: directory.path, user: store.actor, role: store.role, actorName: store.actorName,
                                       readOnly: store.isReadOnly)
        let asOf = BenchSetup.asOf(store)
        let state = AppState(options: options, width: screen.size.width, height: screen.size.height, today: asOf)
        return DashboardRuntime(state: state, screen: screen, store: store, today: { asOf })
    }

    /// Milliseconds from a key to its frame: the key handled, its effects done, the frame drawn.
    func keyToFrame(_ key: Key, _ r: DashboardRuntime, _ screen: BenchScreen) -> Double {
        screen.pending = [.key(key)]
        return BenchTime.time { r.step() }
    }

    /// Milliseconds from 5,000 pasted keys (all waiting at once, as a terminal delivers a paste)
    /// to the frame after the last, in the field `open` opens; checks they all arrived.
    func paste(into open: Key, _ r: DashboardRuntime, _ screen: BenchScreen, _ text: (AppState) -> String?) -> Double {
        _ = keyToFrame(open, r, screen)
        screen.pending = DashboardBench.pasted.map { .key(.character($0)) }
        let frames = screen.shown.count
        let t = BenchTime.now()
        while !screen.isIdle || screen.shown.count == frames { r.step() }
        let ms = BenchTime.since(t)
        if text(r.state) != DashboardBench.pasted { BenchConsole.note("the pasted text did not arrive whole") }
        _ = keyToFrame(.escape, r, screen)
        return ms
    }

    /// Key-to-frame times on a dashboard that has loaded everything (released afterwards).
    func keys(_ s: inout Samples) throws {
        let screen = BenchScreen(width: 120, height: 40)
        let r = try runtime(wall: false, screen: screen)
        r.start()
        func press(_ key: Key) -> Double { keyToFrame(key, r, screen) }
        for i in 0..<40 { s.move.append(press(i % 10 == 9 ? .pageDown : .down)) }
        _ = press(.character("/"))
        for c in "县项目工程临" { s.filter.append(press(.character(c))) }
        for _ in 0..<6 { s.filter.append(press(.backspace)) }
        _ = press(.escape)
        for _ in 0..<runs {
            s.pasteCommand.append(paste(into: .character(":"), r, screen) { $0.commandLine })
            s.pasteFilter.append(paste(into: .character("/"), r, screen) { $0.board.filter.text })
        }
        for i in 0..<20 { s.switchView.append(press(.character(["2", "3", "4", "1"][i % 4]))) }
        // The overview's pages: the first `b` works the figures out; `r` drops them again.
        _ = press(.character("4"))
        for _ in 0..<runs {
            // Worked out off the loop: the time until they are on screen.
            let t = BenchTime.now()
            let keyFrame = press(.character("b"))
            while r.state.figures == nil { r.step() }
            s.figures.append(BenchTime.since(t))
            s.figuresKey.append(keyFrame)
            for _ in 0..<6 { s.pageTurn.append(press(.character("b"))) }
            // Back on the first page: `r` reads the store again and drops the figures.
            _ = press(.character("r"))
            r.settle()
        }
    }

    /// The monthly grid as the office uses it: open it on a sub-command, type amounts, commit
    /// rows (each commit writes, reloads the board and the grid, and draws the new cards: off
    /// the loop, so Enter's frame and the keys after it come at once; the commit's figure is
    /// the time until its answers are on screen).
    func grid(_ s: inout Samples) throws {
        let screen = BenchScreen(width: 120, height: 40)
        let r = try runtime(wall: false, screen: screen, writable: true)
        r.start()
        func press(_ key: Key) -> Double { keyToFrame(key, r, screen) }
        for _ in 0..<runs {
            let open = BenchTime.now()
            _ = press(.character("e"))
            r.settle()
            s.openGrid.append(BenchTime.since(open))
            s.gridRows = r.state.grid?.rows.count ?? 0
            for i in 0..<3 {
                for c in "\(i + 1)2.5" { s.gridKey.append(press(.character(c))) }
                let commit = BenchTime.now()
                s.commitKey.append(press(.enter))
                s.keyDuringCommit.append(press(.down))
                s.keyDuringCommit.append(press(.up))
                r.settle()
                s.commitRow.append(BenchTime.since(commit))
                if r.state.grid?.committing.isEmpty == false || r.state.messageIsError {
                    BenchConsole.note("a grid commit did not land: \(r.state.message ?? "")")
                }
            }
            _ = press(.escape)
        }
        // 500 cells pasted and saved: the office's grid of every sub-command, from its top.
        for run in 0..<runs {
            _ = press(.character("e"))
            r.settle()
            _ = press(.control("o"))
            _ = press(.home)    // the first choice: every sub-command
            _ = press(.enter)
            r.settle()
            let cells = min(500, r.state.grid?.rows.count ?? 0)
            s.pastedCells = cells
            let text = (0..<cells).map { "\(run + 1).\($0 % 10)" }.joined(separator: "\r\n") + "\r\n"
            let t = BenchTime.now()
            screen.pending = [.paste(text)]
            r.step()
            screen.pending = [.key(.control("s"))]
            r.step()
            r.settle()
            s.pasteSave.append(BenchTime.since(t))
            if r.state.grid?.pendingRows != 0 || r.state.messageIsError {
                BenchConsole.note("a pasted row was not saved: \(r.state.message ?? "")")
            }
            _ = press(.escape)
        }
    }

    func run() throws -> Samples {
        var s = Samples()
        for _ in 0..<runs {
            let screen = BenchScreen(width: 120, height: 40)
            let start = BenchTime.now()
            let r = try runtime(wall: false, screen: screen)
            r.start()
            // The first frame is "reading…"; the second has the board.
            if screen.shown.count > 1 { s.firstFrame.append(BenchTime.milliseconds(start, screen.shown[1])) }
        }
        try keys(&s)
        try grid(&s)

        // The wall left alone: the CPU it uses per second of wall time.
        let wall = try runtime(wall: true, screen: BenchScreen(width: 200, height: 60))
        wall.start()
        // Idle: once the start's work is done (the tiled wall's ranking, investment and awards
        // are worked out once, seconds of CPU at 20,000 projects, off the loop).
        let started = BenchTime.now()
        while wall.isWorking || wall.state.data?.complete != true, BenchTime.since(started) < 60_000 { wall.step() }
        let cpu0 = cpuSeconds()
        let t0 = BenchTime.now()
        while BenchTime.since(t0) < Double(idleSeconds * 1000) { wall.step() }
        s.wallCPU = (cpuSeconds() - cpu0) / (BenchTime.since(t0) / 1000) * 100
        return s
    }
}
