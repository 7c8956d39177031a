import Foundation
import Testing

/// The real binary, as a user or a script runs it.
@Suite struct CLITests {
    let sample = Binaries.repositoryRoot.appendingPathComponent("sample-data/linfen").path

    func initStore(_ scratch: Scratch) throws -> String {
        let store = scratch.path("store")
        let r = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", sample])
        #expect(r.status == 0, "\(r.stderr)")
        return store
    }

    func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func initThenBoardIssuesAndCalendar() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        let board = try run(Binaries.cmdroom, ["board", "--store", store, "--format", "json"])
        #expect(board.status == 0 && board.stderr.isEmpty)
        let rows = try json(board.stdout)
        #expect(rows.count == 48)
        #expect(Set(rows.compactMap { $0["card"] as? String }) == ["blue", "behind", "yellow", "red"])
        let text = try run(Binaries.cmdroom, ["--store", store, "--group", "county"])
        #expect(text.status == 0 && text.stdout.contains("三色看板") && text.stdout.contains("按属地"))
        let overdue = try run(Binaries.cmdroom, ["issues", "--store", store, "--overdue", "--format", "json"])
        let issues = try json(overdue.stdout)
        #expect(!issues.isEmpty && issues.allSatisfy { $0["overdue"] as? Bool == true })
        let listed = try json(try run(Binaries.cmdroom, ["issues", "--store", store, "--listed", "--format", "json"]).stdout)
        #expect(!listed.isEmpty && listed.allSatisfy { $0["listed"] as? Bool == true })
        let calendar = try json(try run(Binaries.cmdroom, ["calendar", "--store", store, "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json"]).stdout)
        #expect(calendar.contains { $0["kind"] as? String == "plenary" })
        #expect(calendar.allSatisfy { ($0["date"] as? String)?.hasPrefix("2026-03") == true })
        let english = try run(Binaries.cmdroom, ["issues", "--store", store, "--lang", "en"])
        #expect(english.stdout.contains("issue queue"))
        let check = try run(Binaries.cmdroom, ["check", "--store", store])
        #expect(check.status == 0)
    }

    @Test func exportImportRoundTripsThroughFiles() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        for kind in ["projects", "monthly", "issues"] {
            let file = scratch.path("\(kind).csv")
            let export = try run(Binaries.cmdroom, ["export", kind, "--store", store, "--out", file, "--encoding", "gb18030"])
            #expect(export.status == 0, "\(export.stderr)")
            let again = try run(Binaries.cmdroom, ["import", kind, file, "--store", store, "--lang", "en"])
            #expect(again.status == 0 && again.stdout.contains("gb18030") && again.stdout.contains(" 0 new, 0 updated"), "\(again.stdout)")
        }
    }

    @Test func failuresExitNonZeroWithAClearLine() throws {
        let scratch = Scratch()
        let missing = try run(Binaries.cmdroom, ["board", "--store", scratch.path("nowhere")])
        #expect(missing.status == 1)
        #expect(missing.stderr.split(separator: "\n").count == 1 && missing.stderr.contains("nowhere"))
        let store = try initStore(scratch)
        let badDay = try run(Binaries.cmdroom, ["board", "--store", store, "--as-of", "2026-13-01"])
        #expect(badDay.status != 0 && badDay.stderr.contains("2026-13-01"))
        let ledger = scratch.path("bad.csv")
        try Data("项目编码,月份,本月完成投资（万元）\nLF2026-0001,2026-11,-3\n".utf8).write(to: URL(fileURLWithPath: ledger))
        let refused = try run(Binaries.cmdroom, ["import", "monthly", ledger, "--store", store])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("bad.csv 第 2 行") && refused.stderr.contains("本月完成投资"))
        #expect(refused.stdout.isEmpty)
    }

    @Test func theDefaultStoreIsMadeFromTheBundledSampleOnFirstUse() throws {
        let scratch = Scratch()
        let env = ["HOME": scratch.url.path, "XDG_DATA_HOME": ""]
        let first = try run(Binaries.cmdroom, ["board", "--summary"], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains(".local/share/cmdroom") && first.stderr.contains("示例数据"))
        #expect(first.stdout.contains("临汾市重点工程项目总指挥部"))
        let second = try run(Binaries.cmdroom, ["board", "--summary"], environment: env)
        #expect(second.status == 0 && second.stderr.isEmpty && second.stdout == first.stdout)
    }

    @Test func aBundledSampleInitialisesByName() throws {
        let scratch = Scratch()
        let r = try run(Binaries.cmdroom, ["init", "--store", scratch.path("sx"), "--locality", "shanxi"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try json(try run(Binaries.cmdroom, ["board", "--store", scratch.path("sx"), "--format", "json"]).stdout)
        #expect(rows.count == 96)
    }
}

/// Issue 11, item 7: `export` to a terminal shows a project name's escape sequence escaped; to a
/// pipe it writes the exact bytes (so the export imports back).
@Suite struct TerminalOutputTests {
    @Test func exportToATerminalEscapesControlCharactersAndToAPipeKeepsThem() throws {
        let scratch = Scratch()
        let store = scratch.path("store")
        let sample = Binaries.repositoryRoot.appendingPathComponent("sample-data/linfen").path
        #expect(try run(Binaries.cmdroom, ["init", "--store", store, "--locality", sample]).status == 0)
        let exported = try run(Binaries.cmdroom, ["export", "projects", "--store", store])
        var lines = exported.stdout.split(separator: "\n").map(String.init)
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[1] = "清屏\u{1B}[2J项目"
        lines[1] = cells.joined(separator: ",")
        let ledger = scratch.path("p.csv")
        try (lines.joined(separator: "\n") + "\n").write(toFile: ledger, atomically: true, encoding: .utf8)
        let imported = try run(Binaries.cmdroom, ["import", "projects", ledger, "--store", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        // To a pipe: the bytes as stored.
        let piped = try run(Binaries.cmdroom, ["export", "projects", "--store", store])
        #expect(piped.stdout.contains("清屏\u{1B}[2J项目"))
        // To a terminal (script(1) gives the command a pseudo-terminal): escaped.
        let command = "'\(Binaries.cmdroom.path)' export projects --store '\(store)'"
        let tty = try run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
        #expect(tty.status == 0, "\(tty.stderr)")
        #expect(tty.stdout.contains("清屏\\u{1B}[2J项目"), "\(tty.stdout.prefix(400))")
        #expect(!tty.stdout.unicodeScalars.contains("\u{1B}"))
        // The board's text to a terminal, too.
        let board = try run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", "'\(Binaries.cmdroom.path)' board --store '\(store)'", "/dev/null"])
        #expect(board.status == 0 && !board.stdout.unicodeScalars.contains("\u{1B}"))
    }
}
