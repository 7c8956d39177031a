@testable import CommandRoom
import Foundation
import KeyProjects
import TerminalKit
import Testing
import TextLayout

extension AppState {
    /// A left click (press and release) at a cell, `seconds` after the fixture's time.
    @discardableResult
    mutating func click(_ x: Int, _ y: Int, after seconds: Double = 0) -> [AppEffect] {
        let time = Fixture.now.addingTimeInterval(seconds)
        let effects = Update.apply(.mouse(MouseEvent(.press(.left), x: x, y: y), at: time), to: &self)
        return effects + Update.apply(.mouse(MouseEvent(.release, x: x, y: y), at: time), to: &self)
    }

    @discardableResult
    mutating func click(on text: String, after seconds: Double = 0) -> [AppEffect] {
        guard let (x, y) = place(of: text) else {
            Issue.record("\(text) is not on screen:\n\(screen.joined(separator: "\n"))")
            return []
        }
        return click(x, y, after: seconds)
    }

    mutating func wheel(down: Bool, notches: Int = 1) {
        for _ in 0..<notches { _ = Update.apply(.mouse(MouseEvent(down ? .wheelDown : .wheelUp, x: 10, y: 10), at: Fixture.now), to: &self) }
    }

    /// The column and row where `text` is first drawn.
    func place(of text: String) -> (Int, Int)? {
        for (y, line) in screen.enumerated() {
            if let range = line.range(of: text) { return (DisplayWidth.of(String(line[..<range.lowerBound])), y) }
        }
        return nil
    }

    /// The region the frame recorded last for `target` (drawn on top).
    func region(_ target: HitTarget) -> HitRegion? { Render.frame(self).hits.last { $0.target == target } }
}

/// Issue 14 §2: the mouse. Clicks are looked up in the regions the frame recorded and go to the
/// top screen like keys; tabs and key-bar entries act as their keys; the wheel is ↑ ↓.
@Suite struct MouseTests {
    /// The n-th project row of the board whose name is on screen whole and once, and its
    /// project (two projects may share a name's start).
    func projectRow(_ n: Int, _ state: AppState) -> (index: Int, project: Project) {
        let screen = state.screen
        let rows = state.board.rows.indices.compactMap { i -> (Int, Project)? in
            guard case let .project(s) = state.board.rows[i] else { return nil }
            let project = state.data!.board.standings[s].project
            return screen.filter { $0.contains(project.name) }.count == 1 ? (i, project) : nil
        }
        return rows[n]
    }

    @Test func aClickOnATabShowsItsView() {
        var state = Fixture.state()
        state.click(on: "2 问题")
        #expect(state.view == .queue)
        state.click(on: "3 日历")
        #expect(state.view == .calendar)
        state.click(on: "4 概览")
        #expect(state.view == .overview)
        state.click(on: "1 看板")
        #expect(state.view == .board)
    }

    @Test func aClickSelectsABoardRowAndADoubleClickOpensIt() {
        var state = Fixture.state()
        let (index, project) = projectRow(5, state)
        state.click(on: project.name)
        #expect(state.board.selected == index && state.detail == nil)
        // A second press within 400 ms on the same row: Enter.
        state.click(on: project.name, after: 0.3)
        #expect(state.detail == .project(project.code))
    }

    @Test func twoClicksFarApartOrOnDifferentRowsAreNoDoubleClick() {
        var state = Fixture.state()
        let (_, first) = projectRow(3, state), (index, second) = projectRow(4, state)
        state.click(on: first.name)
        state.click(on: first.name, after: 0.5)
        #expect(state.detail == nil)
        state.click(on: second.name, after: 0.6)
        #expect(state.detail == nil && state.board.selected == index)
        // Then Enter opens what the click selected.
        state.press(.enter)
        #expect(state.detail == .project(second.code))
    }

    @Test func aThirdQuickPressIsANewClickNotAnotherDoubleClick() {
        var state = Fixture.state()
        let (_, project) = projectRow(2, state)
        state.click(on: project.name)
        state.click(on: project.name, after: 0.1)
        #expect(state.detail == .project(project.code))
        state.press(.escape)
        let (x, y) = state.place(of: project.name)!
        state.click(x, y, after: 0.2)
        #expect(state.detail == nil)
    }

    @Test func aGroupHeadingTakesNoClick() {
        var state = Fixture.state()
        state.press(.down, .down)
        let selected = state.board.selected
        guard let heading = state.screen.firstIndex(where: { $0.hasPrefix("▌") }) else { Issue.record("no heading"); return }
        state.click(5, heading)
        state.click(5, heading, after: 0.1)
        #expect(state.board.selected == selected && state.detail == nil)
    }

    @Test func aKeyBarEntryActsAsItsKey() {
        var state = Fixture.state()
        state.click(on: "/ 筛选")
        #expect(state.filterTyped == true)
        state.press(.escape)
        state.click(on: "? 帮助")
        #expect(state.overlay == .help)
    }

    @Test func aDoubleClickOnAKeyBarEntryActsOnceNotOnWhatTheFirstPressOpened() {
        var state = Fixture.state()
        guard case let .project(i) = state.board.rows[state.board.selected] else { Issue.record("no project selected"); return }
        let code = state.data!.board.standings[i].project.code
        let (x, y) = state.place(of: "Enter 详情")!
        state.click(x + 3, y)
        #expect(state.detail == .project(code) && state.detailLink == nil)
        // The page's key bar has Tab (the next link) where Enter was: the second press of the
        // double click does not act on it.
        #expect(Render.frame(state).hit(atX: x + 3, y: y)?.target == .key(.tab))
        state.click(x + 3, y, after: 0.2)
        #expect(state.detail == .project(code) && state.detailLink == nil)
        // Later, it is a click of its own.
        state.click(x + 3, y, after: 1)
        #expect(state.detailLink == 0)
    }

    @Test func clicksOutsideAnythingDoNothing() {
        var state = Fixture.state()
        let before = state.screen
        state.click(5, 1)        // the totals line
        state.click(70, 22)      // the status line's store and account
        state.click(79, 0)       // the header's date
        #expect(state.screen == before)
    }

    @Test func anOverlayTakesClicksAndNothingFallsThroughToTheScreenBeneath() {
        var state = Fixture.state()
        let selected = state.board.selected
        state.press(.character("?"))
        // The tab, and the board's row under the help's box: neither acts while help is open.
        state.click(on: "2 问题")
        #expect(state.view == .board && state.overlay == .help)
        let y = state.height - 3
        #expect(Render.frame(state).hit(atX: 0, y: y)?.layer == 0)
        state.click(0, y)
        #expect(state.overlay == .help && state.board.selected == selected)
        // A click on help closes it, as any key does.
        state.click(40, 10, after: 1)
        #expect(state.overlay == nil && state.detail == nil && state.board.selected == selected)
    }

    @Test func aFormIgnoresClicksOnTheTabsAndTheBoard() {
        var state = WritingTests.state(role: .office, width: 100, height: 30)
        state.press(.character("c"))
        guard case .form? = state.overlay else { Issue.record("no form"); return }
        state.click(on: "2 问题")
        state.click(2, state.height - 4)
        guard case .form? = state.overlay else { Issue.record("the form closed"); return }
        #expect(state.view == .board)
    }

    @Test func theWheelMovesAListARowAndAPageThreeLines() {
        var state = Fixture.state()
        let selected = state.board.selected
        state.wheel(down: true, notches: 2)
        #expect(state.board.selected > selected)
        state.wheel(down: false, notches: 2)
        #expect(state.board.selected == selected)
        state.press(.enter)
        #expect(state.detail != nil)
        state.wheel(down: true)
        #expect(state.detailScroll == 3)
        state.wheel(down: false)
        #expect(state.detailScroll == 0)
    }

    @Test func theWheelNeverWalksAFiltersHistory() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("红")
        state.press(.enter, .character("/"), .control("u"))
        state.type("黄")
        // ↑ would bring back 红 (the filter entered before); the wheel does not.
        state.wheel(down: false)
        #expect(state.board.filter.text == "黄")
        state.press(.up)
        #expect(state.board.filter.text == "红")
    }

    @Test func aPageLinkIsSelectedByAClickAndOpenedByADoubleClick() {
        var state = Fixture.state(width: 120, height: 40)
        state.press(.character("2"), .enter)
        guard case let .issue(id)? = state.detail else { Issue.record("no issue page"); return }
        let target = DetailRender.page(.issue(id), state, width: state.width).first { $0.linkIndex == 0 }?.link
        guard let link = state.region(.row(0)), let target else { Issue.record("no link recorded"); return }
        state.click(link.rect.x + 2, link.rect.y)
        #expect(state.detailLink == 0 && state.detail == .issue(id))
        state.click(link.rect.x + 2, link.rect.y, after: 0.2)
        #expect(state.detail == target)
    }

    @Test func aClickOnACalendarDayChoosesItAndOnAComingMeetingOpensItTwice() {
        var state = Fixture.state()
        state.press(.character("3"))
        let day = state.calendar.day
        let other = day.dayOfMonth == 1 ? 2 : 1
        // The month's cells, as the text shows them: " 1 " in its week's row.
        guard let cell = state.region(.row(other - 1, list: CalendarScreen.daysList)) else { Issue.record("no day cell"); return }
        #expect(state.screen[cell.rect.y].contains(" \(other)"))
        state.click(cell.rect.x + 1, cell.rect.y)
        #expect(state.calendar.day == Day(year: day.year, month: day.month, day: other))
        // A meeting in the coming list: its day chosen, then opened.
        guard let meeting = CalendarRender.coming(state.data!).first, let row = state.region(.row(0, list: CalendarScreen.comingList)) else {
            Issue.record("no coming meeting")
            return
        }
        #expect(state.screen[row.rect.y].contains(meeting.date.iso))
        state.click(row.rect.x + 1, row.rect.y, after: 1)
        #expect(state.calendar.day == meeting.date && state.detail == nil)
        state.click(row.rect.x + 1, row.rect.y, after: 1.2)
        #expect(state.detail == .meeting(meeting.id))
    }

    @Test func aClickOnAGridCellPutsTheCursorThereAndADoubleClickEditsIt() {
        var (state, _) = GridEditingTests.grid(width: 120)
        let row = 2
        // The 形象进度 column's cell on the third row, as the frame recorded it.
        guard let region = state.region(.cell(row: row, column: GridColumn.progress.rawValue)) else {
            Issue.record("no progress cell recorded")
            return
        }
        #expect(state.screen[region.rect.y].contains(String(state.grid!.rows[row].project.name.prefix(4))))
        state.click(region.rect.x + 1, region.rect.y)
        #expect(state.grid?.row == row && state.grid?.column == .progress && state.grid?.editing == nil)
        state.click(region.rect.x + 1, region.rect.y, after: 0.1)
        #expect(state.grid?.editing != nil)
    }

    @Test func theStepMenuTakesAClickAndADoubleClickChooses() {
        var state = WritingTests.state(role: .office, width: 100, height: 30)
        state.press(.character("2"), .character("a"))
        guard case let .menu(menu)? = state.overlay, menu.steps.count > 1 else { Issue.record("no menu"); return }
        guard let second = state.region(.row(1)), second.layer == state.screens.count - 1 else { Issue.record("no row recorded"); return }
        state.click(second.rect.x, second.rect.y)
        guard case let .menu(after)? = state.overlay else { Issue.record("the menu closed"); return }
        #expect(after.selected == 1)
        state.click(second.rect.x, second.rect.y, after: 0.1)
        guard case .form? = state.overlay else { Issue.record("no form after a double click"); return }
    }

    @Test func withTheMouseOffReportsChangeNothing() {
        var state = Fixture.state()
        state.options.mouse = false
        let before = state.screen
        state.click(on: "2 问题")
        state.wheel(down: true, notches: 3)
        #expect(state.view == .board && state.screen == before)
    }

    @Test func setMouseTurnsItOffAndOnAndSaysSo() {
        var state = Fixture.state()
        state.press(.character(":"))
        state.type("set mouse=off")
        state.press(.enter)
        #expect(!state.options.mouse && state.message?.contains(":set mouse=on") == true)
        state.click(on: "2 问题")
        #expect(state.view == .board)
        state.press(.character(":"))
        state.type("set mouse=on")
        state.press(.enter)
        #expect(state.options.mouse)
        state.click(on: "2 问题")
        #expect(state.view == .queue)
        state.press(.character(":"))
        state.type("set mouse=maybe")
        state.press(.enter)
        #expect(state.messageIsError && state.options.mouse)
    }

    @Test func shiftClicksAreLeftAloneAndTheOtherButtonsSayHowToPaste() {
        var state = Fixture.state()
        let (x, y) = state.place(of: "2 问题")!
        _ = Update.apply(.mouse(MouseEvent(.press(.left), x: x, y: y, modified: true), at: Fixture.now), to: &state)
        #expect(state.view == .board && state.message == nil)
        // PuTTY's paste is the right button: with the mouse on it reaches cmdroom, which says
        // how to paste instead (Shift, or Shift+Insert).
        _ = Update.apply(.mouse(MouseEvent(.press(.right), x: x, y: y), at: Fixture.now), to: &state)
        #expect(state.view == .board && state.message?.contains("Shift+Insert") == true && !state.messageIsError)
        state.press(.down)
        #expect(state.message == nil)
        _ = Update.apply(.mouse(MouseEvent(.press(.middle), x: x, y: y), at: Fixture.now), to: &state)
        #expect(state.view == .board && state.message?.contains("Shift") == true)
    }

    @Test func theWallHoldsOnAClickAndADoubleClickDoesNotUndoIt() {
        var state = Fixture.state(width: 120, height: 32, wall: true)
        state.click(60, 16)
        #expect(state.wall.held)
        state.click(60, 16, after: 0.2)
        #expect(state.wall.held)
        state.click(60, 16, after: 1)
        #expect(!state.wall.held)
        state.wheel(down: true, notches: 3)
        #expect(state.wall.panel == 0 && state.screens.count == 1)
    }

    @Test func whileTheTerminalIsTooSmallClicksDoNothing() {
        var state = Fixture.state()
        _ = Update.apply(.resize(width: 70, height: 20), to: &state)
        state.click(10, 0)
        _ = Update.apply(.resize(width: 80, height: 24), to: &state)
        #expect(state.view == .board)
    }
}
