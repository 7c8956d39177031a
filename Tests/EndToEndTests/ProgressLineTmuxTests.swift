import Foundation
import Testing

/// Issue 14 §9: a big `init` shows one self-overwriting progress line on a terminal, wiped at
/// the end; without a terminal, nothing (scripts see no change).
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (CI installs it)"))
struct ProgressLineTmuxTests {
    @Test func aBigInitShowsItsProgressOnATerminalAndWipesIt() throws {
        let scratch = Scratch()
        let locality = scratch.path("big")
        // 2,000 projects: some 80,000 ledger rows, several seconds in a debug build.
        let generated = try run(Binaries.cmdroom, ["demo", "generate", "--projects", "2000", "--out", locality])
        #expect(generated.status == 0, "\(generated.stderr)")
        let store = scratch.path("store")
        let raw = scratch.path("raw.log")
        // script(1) inside the pane keeps the bytes the terminal was sent, \r and all (a file
        // of its own: the pane's command line is quoted twice already).
        let shell = scratch.path("init.sh")
        try "/usr/bin/script -qfec \"'\(Binaries.cmdroom.path)' init --store '\(store)' --locality '\(locality)'\" '\(raw)'\n"
            .write(toFile: shell, atomically: true, encoding: .utf8)
        let started = Date()
        let tmux = try Tmux(width: 100, height: 30, command: "sh \(shell); echo CMDROOM-EXITED $?")
        defer { tmux.kill() }
        let counting = #"建库中… [a-z]+\.csv：已(检查|写入) [0-9,]+/[0-9,]+ 行"#
        #expect(tmux.waitUntil(seconds: 60) { $0.contains { $0.range(of: counting, options: .regularExpression) != nil } }, "\(tmux.screen())")
        #expect(tmux.waitFor("CMDROOM-EXITED 0", seconds: 180), "\(tmux.screen())")
        let elapsed = Date().timeIntervalSince(started)
        let screen = tmux.screen()
        #expect(!screen.contains { $0.contains("建库中") }, "the line is wiped: \(screen)")
        #expect(screen.contains { $0.contains("已建立数据库") })

        // One line, overwritten in place: each draw starts with \r and none ends one.
        let bytes = try String(contentsOfFile: raw, encoding: .utf8)
        let draws = bytes.components(separatedBy: "\r建库中… ").count - 1
        #expect(draws >= 1)
        #expect(bytes.range(of: #"建库中…[^\r]*\n"#, options: .regularExpression) == nil, "the line never ends in a newline")
        // At most ten a second (and the first only after a second).
        #expect(Double(draws) <= (elapsed - 1) * 10 + 2, "\(draws) draws in \(elapsed) s")
        // Wiped with blanks before the summaries are printed.
        #expect(bytes.range(of: #"\r +\r[^\r]*projects\.csv：2000 行"#, options: .regularExpression) != nil)

        // Without a terminal: not a byte of it.
        let piped = try run(Binaries.cmdroom, ["import", "monthly", "\(locality)/monthly.csv", "--store", store])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stderr.isEmpty && !piped.stdout.contains("\r") && !piped.stdout.contains("导入中"))
    }
}
