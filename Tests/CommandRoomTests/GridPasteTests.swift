@testable import CommandRoom
import Foundation
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import TerminalKit
import Testing

/// Issue 13 §1–2: a paste fills the grid's cells from the cursor and commits nothing; pending
/// rows are kept until the clerk saves them all (C-s, `:w`) or is asked on every way out.
@Suite struct GridPasteTests {
    static let month = YearMonth(year: 2026, month: 10)!

    /// The clerk of `law` in the grid, its rows loaded.
    static func grid() -> (AppState, [ProgressSheetRow]) {
        var state = WritingTests.state(role: WritingTests.law)
        _ = state.press(.character("e"))
        let rows = WritingTests.sheet(state)
        _ = Update.apply(.gridLoaded(rows, month: month), to: &state)
        return (state, rows)
    }

    @Test func aCRLFColumnFillsDownwardsAndCommitsNothing() throws {
        var (state, rows) = Self.grid()
        try #require(rows.count >= 3)
        let effects = Update.apply(.paste("100\r\n200\r\n300\r\n"), to: &state)
        #expect(effects.isEmpty)
        let grid = try #require(state.grid)
        #expect((0..<3).map { grid.text(rows[$0], .completed) } == ["100", "200", "300"])
        #expect(grid.pendingRows == 3 && grid.committing.isEmpty && grid.row == 0 && grid.column == .completed)
        // The trailing line end added no row; the words say how many and that nothing is saved.
        #expect(state.message?.contains("粘贴了 3 行") == true && !state.messageIsError)
        #expect(rows.count == 3 || !grid.rowIsPending(rows[3].project.code))
        // A lone CR is a line end too.
        _ = Update.apply(.paste("7\r8"), to: &state)
        #expect(state.grid?.text(rows[0], .completed) == "7" && state.grid?.text(rows[1], .completed) == "8")
    }

    @Test func aBlockFillsDownAndRightAndIsCheckedAsTyped() throws {
        var (state, rows) = Self.grid()
        try #require(rows.count >= 2)
        _ = Update.apply(.paste("12\t主体封顶\n1x\t装修\t\textra\n"), to: &state)
        let grid = try #require(state.grid)
        #expect(grid.text(rows[0], .completed) == "12" && grid.text(rows[0], .progress) == "主体封顶")
        #expect(grid.text(rows[1], .completed) == "1x" && grid.text(rows[1], .progress) == "装修")
        // The empty cell leaves the milestone alone; the cell beyond the last column is counted.
        #expect(!grid.isPending(rows[1].project.code, .milestone))
        #expect(state.message?.contains("另有 1 格超出最右一列") == true)
        // Checked like typed: the bad amount is refused in the status line on its row.
        _ = state.press(.down)
        #expect(state.screen[state.height - 2].contains("不是数字"))
    }

    @Test func linesBeyondTheLastRowAreCountedNotDroppedSilently() throws {
        var (state, rows) = Self.grid()
        let lines = (1...(rows.count + 2)).map(String.init).joined(separator: "\n")
        _ = Update.apply(.paste(lines), to: &state)
        #expect(state.grid?.pendingRows == rows.count)
        #expect(state.message == "粘贴了 \(rows.count) 行（未保存，C-s 全部保存），另有 2 行超出表格" && state.messageIsError)
    }

    @Test func pendingRowsStayAcrossMovesAndAreCounted() throws {
        var (state, rows) = Self.grid()
        try #require(rows.count >= 3)
        _ = state.type("1")
        _ = state.press(.down)
        _ = state.type("2")
        _ = state.press(.down, .down, .up, .up, .up)
        let grid = try #require(state.grid)
        #expect(grid.pendingRows == 2 && grid.text(rows[0], .completed) == "1" && grid.text(rows[1], .completed) == "2")
        let screen = state.screen.joined(separator: "\n")
        #expect(screen.contains("2 行未保存"))
        #expect(state.screen[state.height - 2].trimmingCharacters(in: .whitespaces).hasPrefix("2 行未保存"))
    }

    @Test func controlSSavesEveryRowAndListsTheRefusedOne() throws {
        var (state, rows) = Self.grid()
        try #require(rows.count >= 3)
        _ = Update.apply(.paste("5\n6\n7"), to: &state)
        let effects = state.press(.control("s"))
        let sent = effects.compactMap { effect -> ProgressEntry? in
            if case let .write(.progress(entry, _)) = effect { return entry }
            return nil
        }
        #expect(sent.map(\.project) == rows.prefix(3).map(\.project.code))
        #expect(sent.map(\.completed) == [Money(wan: 5), Money(wan: 6), Money(wan: 7)])
        // Two saved, one refused by the store: the words come once all three answered.
        _ = Update.apply(.written("已保存", .progress(sent[0], basedOn: ProgressBase(monthly: 3))), to: &state)
        _ = Update.apply(.writeRefused("月度台账已被 lf-office 修改", stale: true, request: .progress(sent[1], basedOn: ProgressBase(monthly: 3))), to: &state)
        let last = Update.apply(.written("已保存", .progress(sent[2], basedOn: ProgressBase(monthly: 3))), to: &state)
        #expect(last.contains(.reloadBoard))
        let message = try #require(state.message)
        #expect(message.hasPrefix("已保存 2 行；1 行未保存：") && message.contains(rows[1].project.code) && message.contains("lf-office"))
        let grid = try #require(state.grid)
        #expect(grid.pendingRows == 1 && grid.rowIsPending(rows[1].project.code) && grid.saveAll == nil)
        #expect(grid.refusals[rows[1].project.code]?.contains("lf-office") == true)
        // The refused row is marked and says why when the cursor is on it.
        _ = state.press(.down)
        #expect(state.screen[state.height - 2].contains("lf-office"))
        // `:w` sends it again.
        _ = state.press(.character(":"))
        _ = state.press(.character("w"))
        let again = state.press(.enter).filter { if case .saveHistory = $0 { false } else { true } }
        guard case let .write(.progress(entry, _))? = again.first else { Issue.record("\(again)"); return }
        #expect(entry.project == rows[1].project.code && again.count == 1)
    }

    @Test func aRowTheChecksRefuseIsNotSentAndSaysWhy() throws {
        var (state, rows) = Self.grid()
        _ = Update.apply(.paste("5\nabc"), to: &state)
        let effects = state.press(.control("s"))
        #expect(effects.filter { if case .write = $0 { return true }; return false }.count == 1)
        #expect(state.grid?.refusals[rows[1].project.code]?.contains("不是数字") == true)
    }

    @Test func escQAndControlCAskBeforeDroppingPendingRows() throws {
        for key in [Key.escape, .character("q"), .control("c")] {
            var (state, rows) = Self.grid()
            _ = state.type("9")
            _ = state.press(.down)
            #expect(state.press(key).isEmpty)
            #expect(state.gridQuestion == (key == .control("c") ? .quit : .leave) && !state.quit, "\(key)")
            #expect(state.screen.joined(separator: "\n").contains("1 行未保存"), "\(key)")
            // Keys do not type meanwhile; Esc stays, with the row still pending.
            _ = state.press(.character("7"))
            #expect(state.grid?.text(rows[0], .completed) == "9")
            _ = state.press(.escape)
            #expect(state.gridQuestion == nil && state.grid?.pendingRows == 1 && !state.quit)
            // Asked again: `d` discards and leaves (C-c: quits).
            _ = state.press(key)
            let out = state.press(.character("d"))
            if key == .control("c") { #expect(state.quit && out == [.quit]) } else { #expect(state.grid == nil && !state.quit) }
            // Asked again: `s` saves, then leaves once the store has answered.
            var (saving, _) = Self.grid()
            _ = saving.type("9")
            _ = saving.press(.down)
            _ = saving.press(key)
            let effects = saving.press(.character("s"))
            guard case let .write(.progress(entry, base))? = effects.first else { Issue.record("\(key) \(effects)"); continue }
            #expect(saving.grid != nil && !saving.quit)
            _ = Update.apply(.written("已保存", .progress(entry, basedOn: base)), to: &saving)
            if key == .control("c") { #expect(saving.quit) } else { #expect(saving.grid == nil && !saving.quit) }
        }
    }

    @Test func escTakesBackOnlyTheTypingUnderWayNeverAPastedOrLeftCell() throws {
        var (state, rows) = Self.grid()
        _ = Update.apply(.paste("5\n6"), to: &state)
        // On a pasted cell Esc does not drop it: it asks.
        _ = state.press(.escape)
        #expect(state.gridQuestion == .leave && state.grid?.text(rows[0], .completed) == "5")
        _ = state.press(.escape)
        // Typing over the pasted cell replaces it (as in Excel); Esc: back to the pasted value.
        _ = state.type("7")
        #expect(state.grid?.text(rows[0], .completed) == "7")
        _ = state.press(.escape)
        #expect(state.grid?.text(rows[0], .completed) == "5" && state.gridQuestion == nil)
        // A cell typed, left and come back to is not taken back by Esc either.
        _ = state.press(.right)
        _ = state.type("新进度")
        _ = state.press(.left, .right, .escape)
        #expect(state.grid?.text(rows[0], .progress) == "新进度" && state.gridQuestion == .leave)
    }

    @Test func withNothingPendingEscQAndControlCGoAtOnce() {
        var (state, _) = Self.grid()
        _ = state.press(.character("q"))
        #expect(state.grid == nil)
        (state, _) = Self.grid()
        #expect(state.press(.control("c")) == [.quit] && state.quit)
    }

    @Test func aMultiLinePasteIntoAFormFieldIsOneLineAndDoesNotSubmit() throws {
        var state = WritingTests.state(role: WritingTests.law)
        WritingTests.select("law", &state)
        _ = state.press(.character("c"))
        _ = state.press(.tab)
        let effects = Update.apply(.paste("请加快进度\r\n第二行\r\n"), to: &state)
        #expect(effects.isEmpty)
        guard case let .form(form)? = state.overlay else { Issue.record("form closed by the paste"); return }
        #expect(form.fields[1].input.text == "请加快进度 第二行")
        // And into the `:` line.
        _ = state.press(.escape)
        _ = state.press(.character(":"))
        _ = Update.apply(.paste("lang\nen"), to: &state)
        #expect(state.commandLine == "lang en")
    }
}
