@testable import CommandRoom
import Foundation
import KeyProjects
import KeyProjectsStore
import TerminalKit
import Testing

/// Issue 13 §3 and §5: editing inside a cell on an edit line, as in Excel; finding rows,
/// telling like names apart, the office's sub-command switch; a burst of keys from a terminal
/// without bracketed paste taken as the paste it is.
@Suite struct GridEditingTests {
    static func grid(role: Role = WritingTests.law, width: Int = 80) -> (AppState, [ProgressSheetRow]) {
        var state = WritingTests.state(role: role, width: width, height: 24)
        _ = state.press(.character("e"))
        let rows = WritingTests.sheet(state)
        _ = Update.apply(.gridLoaded(rows, month: GridPasteTests.month), to: &state)
        return (state, rows)
    }

    @Test func f2EditsInsideTheTextWithTheCursor() throws {
        var (state, rows) = Self.grid()
        _ = state.press(.right)
        _ = state.type("主体封顶")
        _ = state.press(.enter)      // commits the row; the cursor goes down
        _ = state.press(.up)
        _ = Update.apply(.gridLoaded(rows, month: GridPasteTests.month), to: &state)
        // A filled cell: F2 edits its text; ← moves the cursor inside it, typing inserts there.
        _ = state.press(.function(2))
        #expect(state.grid?.editing?.inText == true)
        _ = state.press(.left, .left)
        _ = state.type("已")
        #expect(state.grid?.text(rows[0], .progress) == "主体已封顶")
        _ = state.press(.home, .delete)
        #expect(state.grid?.text(rows[0], .progress) == "体已封顶")
        _ = state.press(.end, .backspace)
        #expect(state.grid?.text(rows[0], .progress) == "体已封")
        // Esc takes the whole edit back.
        _ = state.press(.escape)
        #expect(state.grid?.text(rows[0], .progress) == "主体封顶" && state.grid?.editing == nil && state.gridQuestion == nil)
    }

    @Test func enterOnAFilledUnchangedCellEditsItAndTypingReplaces() throws {
        var (state, rows) = Self.grid()
        let stored = state.grid!.text(rows[0], .completed)
        try #require(!stored.isEmpty)
        #expect(state.press(.enter).isEmpty)
        #expect(state.grid?.editing?.inText == true && state.grid?.row == 0)
        // Typing replaces a cell not being edited; ← then ends that edit and moves (Excel's
        // enter mode), keeping the value pending.
        _ = state.press(.escape, .down)
        _ = state.type("88")
        #expect(state.grid?.text(rows[1], .completed) == "88" && state.grid?.editing?.inText == false)
        _ = state.press(.right)
        #expect(state.grid?.editing == nil && state.grid?.column == .progress && state.grid?.rowIsPending(rows[1].project.code) == true)
    }

    @Test func theEditLineShowsTheWholeValueBeingTyped() throws {
        var (state, _) = Self.grid()
        let long = "主体结构封顶，二次结构砌筑完成百分之六十，机电安装进场"
        _ = state.press(.right)
        _ = state.type(long)
        let statusLine = state.screen[state.height - 2]
        #expect(statusLine.contains(long), "\(statusLine)")
        // The cell in the table shows only its start.
        #expect(!state.screen.dropLast(2).contains { $0.contains(long) })
        // A form's text field has the same edit line.
        var form = Fixture.state()
        form.options.role = .office
        _ = form.press(.character("c"))
        _ = form.press(.tab)
        _ = form.type(long)
        #expect(form.screen[form.height - 2].contains(long), "\(form.screen[form.height - 2])")
    }

    @Test func slashFindsARowByNameCodeOrPlaceAndEscGoesBack() throws {
        var (state, rows) = Self.grid()
        try #require(rows.count >= 4)
        let target = rows[3].project
        _ = state.press(.character("/"))
        _ = state.type(target.code)
        #expect(state.grid?.row == 3)
        _ = state.press(.escape)
        #expect(state.grid?.row == 0 && !(state.top is GridSearchScreen))
        let place = Fixture.data.organisation.locality(target.locality)!.name
        _ = state.press(.character("/"))
        _ = state.type(place)
        let first = try #require(state.grid?.row)
        #expect(state.grid?.rows[first].project.locality == target.locality)
        _ = state.press(.down)
        #expect(state.grid.map { $0.rows[$0.row].project.locality == target.locality } == true)
        _ = state.press(.enter)
        #expect(state.top is GridScreen)
    }

    @Test func likeNamesBringThePlaceColumn() throws {
        var (state, rows) = Self.grid()
        let plain = state.screen.joined(separator: "\n")
        #expect(!plain.contains("属地"))
        var twins = rows
        twins[1].project.name = twins[0].project.name
        _ = Update.apply(.gridLoaded(twins, month: GridPasteTests.month), to: &state)
        #expect(state.screen.joined().contains("属地"), "\(state.screen.joined(separator: "\n"))")
    }

    @Test func theOfficeSwitchesSubCommandInsideTheGrid() throws {
        var (state, _) = Self.grid(role: .office)
        _ = state.press(.control("o"))
        #expect(state.top is GridScopeScreen)
        _ = state.press(.down, .down)
        let effects = state.press(.enter)
        #expect(effects == [.loadGrid] && state.grid?.scope?.count == 1 && state.top is GridScreen)
        // Not with rows pending: the clerk saves or reverts them first.
        _ = Update.apply(.gridLoaded(WritingTests.sheet(state), month: GridPasteTests.month), to: &state)
        _ = state.type("5")
        _ = state.press(.control("o"))
        #expect(state.top is GridScreen && state.messageIsError && state.message?.contains("未保存") == true)
        // A clerk of one sub-command is told there is nothing to switch to.
        var (clerk, _) = Self.grid()
        _ = clerk.press(.control("o"))
        #expect(clerk.top is GridScreen && clerk.message == clerk.strings["grid.scope.only"])
    }

    @Test func aBurstOfKeysWithLineEndsIsAPasteNotCommits() throws {
        var (state, rows) = Self.grid()
        // CRLF through a terminal without bracketed paste: CR and LF both come as Enter.
        let keys: [Key] = [.character("1"), .character("0"), .enter, .enter, .character("2"), .character("0"), .enter, .enter]
        let effects = Update.apply(.keys(keys), to: &state)
        #expect(effects.isEmpty)
        #expect(state.grid?.text(rows[0], .completed) == "10" && state.grid?.text(rows[1], .completed) == "20")
        #expect(state.grid?.committing.isEmpty == true && state.grid?.pendingRows == 2)
        // One value and its Enter is typing: it commits its row.
        var (typed, _) = Self.grid()
        let commit = Update.apply(.keys([.character("1"), .character("2"), .enter]), to: &typed)
        guard case .write? = commit.first else { Issue.record("\(commit)"); return }
    }
}
