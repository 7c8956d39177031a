import Foundation
import Testing

/// Issue 13 §1–2 through the real binary in tmux: an Excel-style CRLF column pasted into the
/// grid (bracketed paste) fills three rows and commits nothing; C-s saves all three; C-c with
/// a row pending asks before quitting.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (CI installs it)"))
struct GridPasteTmuxTests {
    /// This month's completed amount of each project, as `export monthly` writes it.
    func october(_ store: String) throws -> [String: String] {
        let sheet = try run(Binaries.cmdroom, ["export", "monthly", "--store", store])
        var amounts: [String: String] = [:]
        for line in sheet.stdout.split(separator: "\n") where line.contains(",2026-10,") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if fields.count > 3 { amounts[fields[0]] = fields[3] }
        }
        return amounts
    }

    func history(_ store: String, _ code: String) throws -> String {
        try run(Binaries.cmdroom, ["history", "--project", code, "--store", store]).stdout
    }

    func completedToDate(_ store: String) throws -> [String: Double] {
        let board = try run(Binaries.cmdroom, ["board", "--store", store, "--format", "json"])
        let projects = try #require(try JSONSerialization.jsonObject(with: Data(board.stdout.utf8)) as? [[String: Any]])
        var done: [String: Double] = [:]
        for p in projects { done[p["code"] as! String] = p["completedToDate"] as? Double }
        return done
    }

    @Test func aPastedCRLFColumnIsPendingUntilControlSAndControlCAsks() throws {
        let scratch = Scratch()
        let store = scratch.path("store")
        let made = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", "linfen"])
        #expect(made.status == 0, "\(made.stderr)")
        // init put this account on the roster as office; make it the 政法 clerk, whose grid
        // lists the 政法 projects by code.
        let file = URL(fileURLWithPath: store).appendingPathComponent("locality.toml")
        var toml = try String(contentsOf: file, encoding: .utf8)
        let office = try #require(toml.range(of: "role = \"office\"", options: .backwards))
        toml.replaceSubrange(office, with: "role = \"clerk\"\nsubcommands = [\"law\"]")
        try toml.write(to: file, atomically: true, encoding: .utf8)
        let board = try run(Binaries.cmdroom, ["board", "--store", store, "--format", "json"])
        let projects = try #require(try JSONSerialization.jsonObject(with: Data(board.stdout.utf8)) as? [[String: Any]])
        let codes = projects.filter { ($0["subcommand"] as? String) == "law" }.map { $0["code"] as! String }.sorted()
        try #require(codes.count >= 4)
        let before = try october(store)
        let histories = try codes.prefix(4).map { try history(store, $0) }
        let doneBefore = try completedToDate(store)

        let tmux = try Tmux(width: 100, height: 30, command: "env TERM=xterm \(Binaries.cmdroom.path) --store \(store); echo CMDROOM-EXITED $?")
        defer { tmux.kill() }
        #expect(tmux.waitFor("● 蓝牌"), "\(tmux.screen().joined(separator: "\n"))")
        tmux.send("e")
        #expect(tmux.waitFor("月度填报 2026-10 · \(codes.count) 个项目"), "\(tmux.screen().joined(separator: "\n"))")
        let paste = scratch.path("column.txt")
        try Data("1.25\r\n2.5\r\n3.75\r\n".utf8).write(to: URL(fileURLWithPath: paste))
        _ = try tmux.tmux(["load-buffer", paste])
        _ = try tmux.tmux(["paste-buffer", "-p", "-t", tmux.name])
        #expect(tmux.waitFor("粘贴了 3 行"), "\(tmux.screen().joined(separator: "\n"))")
        #expect(tmux.waitFor("3 行未保存"), "\(tmux.screen().joined(separator: "\n"))")
        // Nothing committed by the paste.
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try october(store) == before)
        #expect(try codes.prefix(4).map { try history(store, $0) } == histories)

        _ = try tmux.tmux(["send-keys", "-t", tmux.name, "C-s"])
        #expect(tmux.waitFor("已保存 3 行"), "\(tmux.screen().joined(separator: "\n"))")
        let after = try october(store)
        #expect(codes.prefix(3).map { after[$0].flatMap(Double.init) } == [1.25, 2.5, 3.75], "\(after)")
        #expect(after[codes[3]] == before[codes[3]])
        var others = after
        var othersBefore = before
        for code in codes.prefix(3) { others[code] = nil; othersBefore[code] = nil }
        #expect(others == othersBefore)
        // The board's totals moved by exactly the change on the three rows, and history shows it.
        let doneAfter = try completedToDate(store)
        for (i, code) in codes.prefix(3).enumerated() {
            let old = before[code].flatMap(Double.init) ?? 0
            let delta = (doneAfter[code] ?? 0) - (doneBefore[code] ?? 0)
            #expect(abs(delta - ([1.25, 2.5, 3.75][i] - old)) < 0.0001, "\(code) \(delta)")
            #expect(try history(store, code) != histories[i])
        }
        #expect(try history(store, codes[3]) == histories[3])

        // A row typed and not saved: C-c asks, and `d` then quits.
        tmux.send("9")
        #expect(tmux.waitFor("1 行未保存"), "\(tmux.screen().joined(separator: "\n"))")
        _ = try tmux.tmux(["send-keys", "-t", tmux.name, "C-c"])
        #expect(tmux.waitFor("退出 cmdroom 前"), "\(tmux.screen().joined(separator: "\n"))")
        #expect(!tmux.screen().contains { $0.contains("CMDROOM-EXITED") })
        tmux.send("d")
        #expect(tmux.waitFor("CMDROOM-EXITED 0"), "\(tmux.screen().joined(separator: "\n"))")
        #expect(try october(store) == after)
    }
}
