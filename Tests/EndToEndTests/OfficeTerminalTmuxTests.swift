import Foundation
import Testing

/// What an office sees through PuTTY's defaults (issue 14 §11), by the real binary in tmux:
/// every word visible on 8 colours, the meeting's commonest filter, the histories kept for the
/// next run, replaying refused in the future, and the first run's notice on screen.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (CI installs it)"))
struct OfficeTerminalTmuxTests {
    func store(_ scratch: Scratch) throws -> String {
        let store = scratch.path("store")
        let r = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", "linfen"])
        #expect(r.status == 0, "\(r.stderr)")
        return store
    }

    /// The pane with its colours (`capture-pane -e`).
    func coloured(_ tmux: Tmux) -> String {
        (try? tmux.tmux(["capture-pane", "-t", tmux.name, "-p", "-e"]))?.stdout ?? ""
    }

    /// Printable characters drawn in colour 0 (black) on the default background: invisible on
    /// a black terminal. Follows SGR codes through the captured text.
    static func invisibleText(_ captured: String) -> [String] {
        var found: [String] = []
        var blackText = false, defaultBackground = true
        var run = ""
        var chars = Array(captured.unicodeScalars)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "\u{1B}", chars.first == "[" {
                chars = chars.dropFirst()
                var body = ""
                while let d = chars.first, !(d.value >= 0x40 && d.value <= 0x7E) { body.unicodeScalars.append(d); chars = chars.dropFirst() }
                let final = chars.first
                chars = chars.dropFirst()
                guard final == "m" else { continue }
                let codes = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                var i = 0
                while i < codes.count {
                    switch codes[i] {
                    case 0: blackText = false; defaultBackground = true
                    case 30: blackText = true
                    case 31...37, 39, 90...97: blackText = false
                    case 40...47, 100...107: defaultBackground = false
                    case 49: defaultBackground = true
                    case 38 where i + 2 < codes.count && codes[i + 1] == 5: blackText = codes[i + 2] == 0 || codes[i + 2] == 16; i += 2
                    case 48 where i + 2 < codes.count && codes[i + 1] == 5: defaultBackground = false; i += 2
                    default: break
                    }
                    i += 1
                }
                continue
            }
            if blackText && defaultBackground && !CharacterSet.whitespacesAndNewlines.contains(c) { run.unicodeScalars.append(c) }
            else if !run.isEmpty { found.append(run); run = "" }
        }
        if !run.isEmpty { found.append(run) }
        return found
    }

    @Test func theColourScannerFindsBlackTextOnTheDefaultBackground() {
        #expect(Self.invisibleText("\u{1B}[30m属地\u{1B}[39m ok") == ["属地"])
        #expect(Self.invisibleText("\u{1B}[30;47m属地\u{1B}[0m").isEmpty)
        #expect(Self.invisibleText("\u{1B}[38;5;0mx\u{1B}[0m \u{1B}[2mdim\u{1B}[0m") == ["x"])
    }

    @Test func onPuTTYsXtermEveryViewHasNoInvisibleText() throws {
        let scratch = Scratch()
        let store = try store(scratch)
        let tmux = try Tmux(width: 80, height: 24, command: "env TERM=xterm \(Binaries.cmdroom.path) --store \(store)")
        defer { tmux.kill() }
        #expect(tmux.waitFor("● 蓝牌"))
        for (key, mark) in [("1", "属地"), ("2", "13710环节"), ("3", "日"), ("4", "概览")] {
            tmux.send(key)
            #expect(tmux.waitFor(mark), "\(tmux.screen().joined(separator: "\n"))")
            Thread.sleep(forTimeInterval: 0.3)
            let hidden = Self.invisibleText(coloured(tmux))
            #expect(hidden.isEmpty, "view \(key): black on the default background: \(hidden)")
        }
        tmux.send("q")
    }

    @Test func redOrYellowShowsExactlyTheRedAndYellowProjects() throws {
        let scratch = Scratch()
        let store = try store(scratch)
        let board = try run(Binaries.cmdroom, ["board", "--store", store, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(board.stdout.utf8)) as? [[String: Any]])
        let wanted = rows.filter { ["red", "yellow"].contains($0["card"] as? String) }.map { $0["name"] as! String }
        try #require(!wanted.isEmpty)
        let tmux = try Tmux(width: 160, height: 50, command: "env TERM=xterm \(Binaries.cmdroom.path) --store \(store)")
        defer { tmux.kill() }
        #expect(tmux.waitFor("● 蓝牌"))
        tmux.send("/", "card:red,yellow", "Enter")
        #expect(tmux.waitFor("\(wanted.count)/\(rows.count) 个项目"), "\(tmux.screen().joined(separator: "\n"))")
        let shown = tmux.screen().filter { $0.hasPrefix("■ 红牌") || $0.hasPrefix("▲ 黄牌") }
        #expect(shown.count == wanted.count, "\(shown)")
        for name in wanted { #expect(shown.contains { $0.contains(name) }, "\(name) missing") }
        #expect(!tmux.screen().contains { $0.hasPrefix("● 蓝牌 ") || $0.hasPrefix("○ 落后") })
        tmux.send("q")
    }

    @Test func theFiltersAndCommandsOfOneRunAreThereInTheNext() throws {
        let scratch = Scratch()
        let store = try store(scratch)
        let command = "env TERM=xterm XDG_STATE_HOME=\(scratch.path("state")) \(Binaries.cmdroom.path) --store \(store)"
        let first = try Tmux(width: 80, height: 24, command: command + "; echo CMDROOM-EXITED $?")
        defer { first.kill() }
        #expect(first.waitFor("● 蓝牌"))
        first.send("/", "card:red", "Enter", ":", "group county", "Enter")
        // A day to come is refused, and the board stays as it was.
        first.send(":", "as-of 2099-01-01", "Enter")
        #expect(first.waitFor("不能回放 2099-01-01"), "\(first.screen().joined(separator: "\n"))")
        first.send("q")
        #expect(first.waitFor("CMDROOM-EXITED 0"))

        let second = try Tmux(width: 80, height: 24, command: command)
        defer { second.kill() }
        #expect(second.waitFor("● 蓝牌"))
        second.send("/", "Up")
        #expect(second.waitFor("/card:red"), "\(second.screen().joined(separator: "\n"))")
        second.send("Escape", ":", "Up", "Up")
        #expect(second.waitFor(":group county"), "\(second.screen().joined(separator: "\n"))")
        second.send("Escape", ":", "gr", "Tab")
        #expect(second.waitFor(":group"), "\(second.screen().joined(separator: "\n"))")
        second.send("Escape", "q")
    }

    @Test func theFirstRunSaysOnScreenThatASampleWasMadeAndMarksIt() throws {
        let scratch = Scratch()
        let home = scratch.path("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let tmux = try Tmux(width: 100, height: 30, command: "env TERM=xterm HOME=\(home) \(Binaries.cmdroom.path)")
        defer { tmux.kill() }
        // (The message wraps over the lines above the status line, anywhere in its words.)
        #expect(tmux.waitUntil { $0.map { $0.trimmingCharacters(in: .whitespaces) }.joined().contains("用内置示例数据") },
                "\(tmux.screen().joined(separator: "\n"))")
        // The notice answers the first key; the mark stays.
        tmux.send("Down")
        #expect(tmux.waitFor("示例数据 · 截至 2026-10-31"), "\(tmux.screen().joined(separator: "\n"))")
        tmux.send("q")
    }
}
