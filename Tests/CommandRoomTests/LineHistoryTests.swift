@testable import CommandRoom
import Foundation
import TerminalKit
import Testing

/// The `/` and `:` histories kept across runs, and Tab on the `:` line (issue 14 §4).
@Suite struct LineHistoryTests {
    func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-history-\(UUID().uuidString)")
    }

    @Test func aHistoryIsKeptWholeAndOnlyItsLastEntries() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = LineHistoryFiles(directory: dir.appendingPathComponent("cmdroom"))
        #expect(files.load(.commands).isEmpty)
        files.save(.commands, ["group county", "as-of 2026-06-30"])
        files.save(.boardFilter, ["card:red,yellow"])
        #expect(files.load(.commands) == ["group county", "as-of 2026-06-30"])
        #expect(files.load(.boardFilter) == ["card:red,yellow"] && files.load(.queueFilter).isEmpty)
        files.save(.commands, (1...250).map { "as-of 2026-01-\($0)" })
        let kept = files.load(.commands)
        #expect(kept.count == LineHistoryFiles.limit && kept.first == "as-of 2026-01-51" && kept.last == "as-of 2026-01-250")
        // No temporary file is left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: files.directory.path)
        #expect(Set(names) == ["history-commands", "history-board-filter"])
    }

    @Test func aHistoryThatCannotBeWrittenCostsNothingElse() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A file where the directory should be.
        try Data("x".utf8).write(to: dir)
        let files = LineHistoryFiles(directory: dir.appendingPathComponent("cmdroom"))
        files.save(.commands, ["q"])
        #expect(files.load(.commands).isEmpty)
    }

    @Test func tabCompletesACommandThenItsArgument() {
        let state = Fixture.state()
        #expect(CommandCompletion.complete("gr", state) == ("group ", []))
        #expect(CommandCompletion.complete("group c", state) == ("group county", []))
        let set = CommandCompletion.complete("set a", state)
        #expect(set.text == "set ambiguous=" && set.candidates == ["ambiguous=wide", "ambiguous=narrow"])
        #expect(CommandCompletion.complete("set m", state) == ("set mouse=o", ["mouse=on", "mouse=off"]))
        let all = CommandCompletion.complete("", state)
        #expect(all.text == "" && all.candidates == Commands.names)
        #expect(CommandCompletion.complete("as-of ", state).candidates == ["today", "2026-10-31"])
        #expect(CommandCompletion.complete("zzz", state) == ("zzz", []))
    }

    @Test func theColonLineCompletesWalksItsHistoryAndAsksToKeepIt() {
        var state = Fixture.state()
        state.commandHistory.entries = ["lang en"]
        state.press(.character(":"))
        state.type("gr")
        state.press(.tab)
        #expect((state.screens.last as? CommandLineScreen)?.input.text == "group ")
        state.type("c")
        state.press(.tab)
        let effects = state.press(.enter)
        #expect(state.options.grouping == .locality)
        #expect(effects.contains(.saveHistory(.commands, ["lang en", "group county"])), "\(effects)")
        state.press(.character(":"))
        state.press(.up)
        #expect((state.screens.last as? CommandLineScreen)?.input.text == "group county")
        state.press(.up)
        #expect((state.screens.last as? CommandLineScreen)?.input.text == "lang en")
        state.press(.down, .down)
        #expect((state.screens.last as? CommandLineScreen)?.input.text == "")
        // Several candidates are shown beside the line.
        state.type("theme ")
        state.press(.tab)
        #expect(state.screen[state.height - 2].contains("可选：dark"), "\(state.screen[state.height - 2])")
    }

    @Test func aFilterEnteredIsKeptForTheNextRun() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("card:red")
        #expect(state.press(.enter) == [.saveHistory(.boardFilter, ["card:red"])])
        state.press(.character("2"), .character("/"))
        state.type("overdue")
        #expect(state.press(.enter) == [.saveHistory(.queueFilter, ["overdue"])])
    }
}
