import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The real binary in a real terminal (tmux): open, switch views, filter, open a detail,
/// resize, quit with the terminal restored; the wall picks up another process's change.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (CI installs it)"))
struct DashboardTmuxTests {
    let sample = Binaries.repositoryRoot.appendingPathComponent("sample-data/linfen").path

    func store(_ scratch: Scratch) throws -> String {
        let store = scratch.path("store")
        let r = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", sample])
        #expect(r.status == 0, "\(r.stderr)")
        return store
    }

    @Test func openSwitchFilterDetailResizeAndQuit() throws {
        let scratch = Scratch()
        let store = try store(scratch)
        let tmux = try Tmux(width: 100, height: 30,
                            command: "\(Binaries.cmdroom.path) --store \(store); echo CMDROOM-EXITED $?")
        defer { tmux.kill() }
        #expect(tmux.waitFor("● 蓝牌 23"), "\(tmux.screen())")
        tmux.send("2")
        #expect(tmux.waitFor("13710环节"), "\(tmux.screen())")
        tmux.send("3")
        #expect(tmux.waitFor("2026年10月"), "\(tmux.screen())")
        // The overview's pages of issue 6, worked out by the real binary: investment, awards,
        // the bulletin.
        tmux.send("4", "b", "b")
        #expect(tmux.waitFor("各县（市、区）完成投资对照序时"), "\(tmux.screen())")
        tmux.send("b", "b")
        #expect(tmux.waitFor("“羚羊奖”“蜗牛奖”"), "\(tmux.screen())")
        tmux.send("b")
        #expect(tmux.waitFor("一、总体情况"), "\(tmux.screen())")
        tmux.send("1", "/", "card:red", "Enter")
        #expect(tmux.waitFor("/card:red") || tmux.waitFor("5/48"), "\(tmux.screen())")
        #expect(tmux.waitUntil { screen in
            let rows = screen.filter { $0.contains("红牌") || $0.contains("黄牌") || $0.contains("蓝牌") || $0.contains("落后") }
            return rows.count == 5 + 1 && !screen.contains { $0.hasPrefix("● 蓝牌") }   // five red rows and the totals line
        }, "\(tmux.screen())")
        tmux.send("Enter")
        #expect(tmux.waitFor("完成序时进度"), "\(tmux.screen())")
        #expect(tmux.waitFor("项目级别"), "\(tmux.screen())")
        tmux.resize(width: 140, height: 40)
        // Laid out again for 40 rows: the key bar on the last one.
        #expect(tmux.waitUntil { $0.count > 39 && $0[39].contains("退出") && !$0[29].contains("退出") }, "\(tmux.screen())")
        tmux.resize(width: 70, height: 20)
        #expect(tmux.waitFor("终端太小"), "\(tmux.screen())")
        tmux.resize(width: 100, height: 30)
        tmux.send("Escape", "q")
        #expect(tmux.waitFor("CMDROOM-EXITED 0"), "\(tmux.screen())")
        // The terminal is back as it was: no dashboard left on it.
        #expect(!tmux.screen().contains { $0.contains("cmdroom  1 看板") })
    }

    @Test func theWallPicksUpAChangeAnotherProcessMade() throws {
        let scratch = Scratch()
        let store = try store(scratch)
        let tmux = try Tmux(width: 120, height: 36,
                            command: "\(Binaries.cmdroom.path) wall --store \(store) --cycle 600; echo CMDROOM-EXITED $?")
        defer { tmux.kill() }
        #expect(tmux.waitFor("指挥大屏"), "\(tmux.screen())")
        #expect(tmux.waitFor("2026年第45周项目调度会"), "\(tmux.screen())")
        let ledger = scratch.path("meetings.csv")
        try Data("会议编号,日期,时间,会议类型,会议名称,主持,范围\nX-1,2026-11-01,09:00,临时会议,要素保障临时调度会,许慧宁,办公室\n".utf8)
            .write(to: URL(fileURLWithPath: ledger))
        let imported = try run(Binaries.cmdroom, ["import", "meetings", ledger, "--store", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        let start = Date()
        #expect(tmux.waitFor("要素保障临时调度会", seconds: 5), "\(tmux.screen())")
        #expect(Date().timeIntervalSince(start) < 2.5)
        // SIGTERM: the terminal is restored and the exit status says which signal.
        tmux.signal("TERM", to: "cmdroom")
        #expect(tmux.waitFor("CMDROOM-EXITED 143"), "\(tmux.screen())")
        #expect(!tmux.screen().contains { $0.contains("指挥大屏") })
    }
}

extension DashboardTmuxTests {
    /// A terminal that goes away without a hangup signal reaching the dashboard (here: run in
    /// its own session, as under runuser or some ssh setups): it ends instead of spinning.
    @Test func theDashboardEndsWhenItsTerminalGoesAway() throws {
        let scratch = Scratch()
        let store = try store(scratch)
        let tmux = try Tmux(width: 100, height: 30, command: "/usr/bin/setsid -w \(Binaries.cmdroom.path) --store \(store)")
        #expect(tmux.waitFor("● 蓝牌 23"), "\(tmux.screen())")
        tmux.kill()
        func running() -> Bool {
            ((try? run(URL(fileURLWithPath: "/usr/bin/pgrep"), ["-f", "--", "--store \(store)"]))?.status ?? 1) == 0
        }
        let deadline = Date().addingTimeInterval(5)
        while running() && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!running(), "the dashboard kept running after its terminal closed")
        if running() { _ = try? run(URL(fileURLWithPath: "/usr/bin/pkill"), ["-f", "--", "--store \(store)"]) }
    }
}

/// A detached tmux session running one command.
final class Tmux {
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }
    static var path: String { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") ? "/usr/bin/tmux" : "/usr/local/bin/tmux" }

    let name = "cmdroom-test-\(UUID().uuidString.prefix(8))"
    let socket = "cmdroom-test-\(UUID().uuidString.prefix(8))"

    init(width: Int, height: Int, command: String) throws {
        let env = "env TERM=xterm-256color LANG=C.UTF-8 HOME=\(FileManager.default.temporaryDirectory.path)"
        // The server this starts lives on and keeps what it inherits: Foundation's Process
        // then never sees the client end. system(3) forks, execs and waits by itself.
        // In double quotes for system's shell: escape `$` so `$?` is the pane's, not that shell's.
        let quoted = command.replacingOccurrences(of: "$", with: "\\$")
        let line = "\(Tmux.path) -L \(socket) new-session -d -s \(name) -x \(width) -y \(height) \"\(env) sh -c '\(quoted); sleep 60'\" </dev/null >/dev/null 2>&1"
        guard system(line) == 0 else { throw TmuxError.cannotStart }
    }

    enum TmuxError: Error { case cannotStart }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> RunResult {
        try run(URL(fileURLWithPath: Tmux.path), ["-L", socket] + arguments)
    }

    func send(_ keys: String...) {
        for key in keys {
            let special = ["Enter", "Escape", "Tab", "Up", "Down", "Left", "Right"].contains(key)
            _ = try? tmux(["send-keys", "-t", name] + (special ? [key] : ["-l", key]))
        }
    }

    func resize(width: Int, height: Int) {
        _ = try? tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    func screen() -> [String] {
        ((try? tmux(["capture-pane", "-t", name, "-p"]))?.stdout ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func waitUntil(seconds: Double = 10, _ condition: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(screen()) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition(screen())
    }

    func waitFor(_ text: String, seconds: Double = 10) -> Bool {
        waitUntil(seconds: seconds) { $0.contains { $0.contains(text) } }
    }

    func kill() { _ = try? tmux(["kill-server"]) }

    /// Sends a signal to the process named `name` running in the session's pane.
    func signal(_ signal: String, to name: String) {
        guard let shell = try? tmux(["list-panes", "-t", self.name, "-F", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines),
              let pids = try? run(URL(fileURLWithPath: "/usr/bin/pgrep"), ["-P", shell, "-x", name]).stdout else { return }
        for pid in pids.split(separator: "\n") { _ = try? run(URL(fileURLWithPath: "/bin/kill"), ["-\(signal)", String(pid)]) }
    }
}
