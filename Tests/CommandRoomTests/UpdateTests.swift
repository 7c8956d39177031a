@testable import CommandRoom
import Foundation
import KeyProjects
import TerminalKit
import Testing

@Suite struct UpdateTests {
    @Test func theBoardStartsOnTheFirstProjectUnderItsHeading() {
        let state = Fixture.state()
        guard case .heading = state.board.rows[0], case .project = state.board.rows[state.board.selected] else {
            Issue.record("rows: \(state.board.rows.prefix(2))"); return
        }
        #expect(state.board.selected == 1)
        #expect(state.board.rows.filter { if case .project = $0 { return true }; return false }.count == 48)
    }

    @Test func movingSkipsGroupHeadings() {
        var state = Fixture.state()
        let firstGroupSize = state.board.rows.dropFirst().prefix { if case .project = $0 { return true }; return false }.count
        for _ in 0..<firstGroupSize { state.press(.down) }
        guard case .project = state.board.rows[state.board.selected] else { Issue.record("on a heading"); return }
        #expect(state.board.selected == firstGroupSize + 2)   // past the second heading
        state.press(.up)
        #expect(state.board.selected == firstGroupSize)
        state.press(.home)
        #expect(state.board.selected == 1)
        state.press(.end)
        #expect(state.board.selected == state.board.rows.count - 1)
    }

    @Test func theFilterNarrowsAsYouTypeWithFieldsAndNegation() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("card:red")
        let red = projects(state)
        #expect(red.count == 5 && red.allSatisfy { $0.card.colour == .red })
        state.press(.enter)
        #expect(state.filterTyped == nil && state.board.filter.text == "card:red")
        state.press(.character("/"))
        state.type(" !霍州")
        #expect(projects(state).count == 4 && projects(state).allSatisfy { $0.project.locality != "huozhou" })
        state.press(.escape)
        #expect(projects(state).count == 48 && state.board.filter.text.isEmpty)
        state.press(.character("/"))
        state.type("stall:2+ 县")
        #expect(projects(state).allSatisfy { $0.stall.rawValue >= 2 } && !projects(state).isEmpty)
    }

    @Test func sortingAndGrouping() {
        var state = Fixture.state()
        state.press(.character("s"))   // by card
        #expect(state.board.sort == .card)
        let cards = projects(state).map(\.card.colour)
        #expect(cards == cards.sorted(by: >))
        #expect(!state.board.rows.contains { if case .heading = $0 { return true }; return false })
        state.press(.character("S"))
        #expect(projects(state).map(\.card.colour) == cards.reversed())
        state.press(.character("s"))   // by name
        let names = projects(state).map(\.project.name)
        #expect(names == names.sorted())
        state.press(.character("s"), .character("s"))   // by locality, by level: provincial first
        #expect(state.board.sort == .level)
        let ranks = projects(state).map(\.project.level.rank)
        #expect(ranks == ranks.sorted(by: >))
        state.board.sort = .stall
        state.press(.character("g"))
        #expect(state.options.grouping == .locality)
    }

    @Test func theSelectionFollowsItsProjectThroughSortGroupAndFilter() {
        var state = Fixture.state()
        state.press(.down, .down, .down)
        let code = selectedCode(state)
        state.press(.character("s"))
        #expect(selectedCode(state) == code)
        state.press(.character("g"))
        #expect(selectedCode(state) == code)
        state.press(.character("/"))
        state.type(String(code!.suffix(4)))
        #expect(selectedCode(state) == code)
        state.press(.escape)
        #expect(selectedCode(state) == code)
    }

    @Test func aGroupsHeadingIsShownAboveItsFirstProject() {
        // (24 rows: while the terminal is too small, keys do nothing.)
        var state = Fixture.state(height: 24)
        state.press(.end, .home)
        #expect(state.board.offset == 0 && state.board.selected == 1)
        // Up from below onto the second group's first project: its heading comes into view with it.
        guard let second = state.board.rows.indices.dropFirst().first(where: { if case .heading = state.board.rows[$0] { return true }; return false })
        else { Issue.record("one group"); return }
        state.board.selected = second + 12
        state.board.offset = second + 5
        while state.board.selected > second + 1 { state.press(.up) }
        #expect(state.board.offset == second)
    }

    @Test func viewsByNumberAndTab() {
        var state = Fixture.state()
        state.press(.character("2"))
        #expect(state.view == .queue)
        state.press(.tab)
        #expect(state.view == .calendar)
        state.press(.tab, .tab)
        #expect(state.view == .board)
        state.press(.backTab)
        #expect(state.view == .overview)
    }

    @Test func enterOpensAProjectAndAsksForItsFileEscGoesBack() {
        var state = Fixture.state(height: 60)
        let effects = state.press(.enter)
        guard case let .project(code)? = state.detail else { Issue.record("no detail"); return }
        #expect(effects == [.loadProject(code)])
        let file = Fixture.portfolio.files.first { $0.project.code == code }!
        _ = Update.apply(.projectLoaded(file), to: &state)
        #expect(state.projectFile?.project.code == code)
        #expect(state.screen.joined().contains(file.records.last!.progress))
        state.press(.escape)
        #expect(state.detail == nil)
    }

    @Test func aMeetingsAgendaItemsOpenTheirPagesAndEscComesBack() {
        var state = Fixture.state(height: 30)
        state.press(.character("3"))
        state.calendar.day = Day(year: 2026, month: 12, day: 25)!   // the fourth quarter's plenary
        state.press(.enter)
        guard case let .meeting(id)? = state.detail, let agenda = state.agenda, !agenda.items.isEmpty else {
            Issue.record("no agenda"); return
        }
        state.press(.tab)
        #expect(state.detailLink == 0)
        let effects = state.press(.enter)
        guard case let .project(code)? = state.detail else { Issue.record("the first item opens no project"); return }
        #expect(effects == [.loadProject(code)])
        #expect(state.screen.joined().contains(code) && state.screens.count == 3)   // calendar, meeting, project
        state.press(.escape)
        #expect(state.detail == .meeting(id) && state.screens.count == 2)
        state.press(.escape)
        #expect(state.detail == nil)
    }

    @Test func anIssuePageOpensItsProject() {
        var state = Fixture.state(height: 30)
        state.press(.character("2"), .enter)
        guard case let .issue(id)? = state.detail else { Issue.record("no issue page"); return }
        let project = Fixture.data.queue.first { $0.issue.id == id }!.issue.project
        state.press(.tab, .enter)
        #expect(state.detail == .project(project))
        state.press(.escape)
        #expect(state.detail == .issue(id))
    }

    @Test func aDetailPageScrollsNoFurtherThanItsEnd() {
        var state = Fixture.state(height: 24)
        state.press(.enter)
        state.press(.end)
        let bottom = state.detailScroll
        #expect(bottom > 0)
        state.press(.down, .down)
        #expect(state.detailScroll == bottom)
        state.press(.up)
        #expect(state.detailScroll == bottom - 1)
    }

    @Test func theQueueFiltersOverdueAndListed() {
        var state = Fixture.state()
        state.press(.character("2"))
        let all = state.queue.rows.count
        state.press(.character("o"))
        #expect(state.queue.rows.count < all && state.queue.rows.allSatisfy { Fixture.data.queue[$0].clock.isOverdue })
        state.press(.character("o"), .character("L"))
        #expect(state.queue.rows.allSatisfy { Fixture.data.queue[$0].issue.listed } && !state.queue.rows.isEmpty)
        state.press(.character("L"), .character("/"))
        state.type("unit:能源")
        #expect(state.queue.rows.allSatisfy { Fixture.data.queue[$0].issue.unit.contains("能源") })
        state.press(.enter, .down, .enter)
        guard case .issue? = state.detail else { Issue.record("no issue page"); return }
    }

    @Test func keyedFilterValuesTakeTheCodeOrTheWordOnScreen() {
        var state = Fixture.state()
        state.press(.character("2"), .character("/"))
        state.type("cat:land")
        let byCode = state.queue.rows
        #expect(!byCode.isEmpty && byCode.allSatisfy { Fixture.data.queue[$0].issue.category == .land })
        state.press(.escape, .character("/"))
        state.type("cat:用地")
        #expect(state.queue.rows == byCode)
        state.press(.escape, .character("/"))
        state.type("step:办结 !light:红")
        #expect(!state.queue.rows.isEmpty && state.queue.rows.allSatisfy {
            Fixture.data.queue[$0].clock.step == .solve && Fixture.data.queue[$0].clock.light != .red
        })
        // Part of a Chinese word, or the ledger's longer word, names it too.
        for text in ["kind:重大", "kind:重大复杂问题", "kind:major"] {
            state.press(.escape, .character("/"))
            state.type(text)
            #expect(!state.queue.rows.isEmpty && state.queue.rows.allSatisfy { Fixture.data.queue[$0].issue.kind == .major }, "\(text)")
        }
        state.press(.escape, .character("/"))
        state.type("cat:征地")
        #expect(!state.queue.rows.isEmpty && state.queue.rows.allSatisfy { Fixture.data.queue[$0].issue.category == .demolition })
        state.press(.escape, .character("1"), .character("/"))
        state.type("stage:在建")
        #expect(!projects(state).isEmpty && projects(state).allSatisfy { $0.project.stage == .construction })
        // The English word the board shows.
        state.press(.escape, .character("/"))
        state.type("level:provincial")
        #expect(!projects(state).isEmpty && projects(state).allSatisfy { $0.project.level == .province })
    }

    @Test func theCalendarMovesByDayWeekAndMonthAndOpensAMeeting() {
        var state = Fixture.state()
        state.press(.character("3"))
        #expect(state.calendar.day == Fixture.asOf)
        state.press(.right)
        #expect(state.calendar.day == Day(year: 2026, month: 11, day: 1))
        state.press(.down)
        #expect(state.calendar.day == Day(year: 2026, month: 11, day: 8))
        state.press(.character("]"))
        #expect(state.calendar.day == Day(year: 2026, month: 12, day: 8))
        state.press(.character("t"))
        state.calendar.day = Day(year: 2026, month: 12, day: 25)!   // the fourth quarter's plenary
        state.press(.enter)
        guard case .meeting? = state.detail, let agenda = state.agenda else { Issue.record("no meeting page"); return }
        #expect(!agenda.items.isEmpty)
    }

    @Test func theCommandLine() {
        var state = Fixture.state()
        // The effects a line asks for, less keeping it in the history.
        func enter() -> [AppEffect] { state.press(.enter).filter { if case .saveHistory = $0 { false } else { true } } }
        state.press(.character(":"))
        state.type("as-of 2026-08-31")
        #expect(enter() == [.reload])
        #expect(state.requestedAsOf == Day(year: 2026, month: 8, day: 31))
        state.press(.character(":"))
        state.type("as-of 2026-13-01")
        state.press(.enter)
        #expect(state.messageIsError && state.message?.contains("2026-13-01") == true)
        state.press(.character(":"))
        state.type("lang en")
        state.press(.enter)
        #expect(state.options.lang == .en && !state.messageIsError)
        state.press(.character(":"))
        state.type("group county")
        state.press(.enter)
        #expect(state.options.grouping == .locality)
        state.press(.character(":"))
        state.type("theme wall")
        state.press(.enter)
        #expect(state.options.themeName == "wall")
        state.press(.character(":"))
        state.type("frobnicate")
        state.press(.enter)
        #expect(state.messageIsError)
        state.press(.character(":"))
        state.type("q")
        #expect(enter() == [.quit] && state.quit)
    }

    @Test func helpOpensAndAnyKeyClosesIt() {
        var state = Fixture.state()
        state.press(.character("?"))
        #expect(state.overlay == .help)
        #expect(state.screen.joined().contains("三色看板"))
        state.press(.character("x"))
        #expect(state.overlay == nil)
    }

    @Test func theWallCyclesItsPanelsAndIgnoresEveryOtherKey() {
        var state = Fixture.state(width: 120, height: 32, wall: true)
        _ = Update.apply(.tick(Fixture.now), to: &state)
        #expect(state.wall.panel == 0)
        _ = Update.apply(.tick(Fixture.now.addingTimeInterval(10)), to: &state)
        #expect(state.wall.panel == 0)
        _ = Update.apply(.tick(Fixture.now.addingTimeInterval(15)), to: &state)
        #expect(state.wall.panel == 1)
        state.press(.right)
        #expect(state.wall.panel == 2)
        for key in [Key.character("2"), .enter, .character("/"), .character(":"), .character("g"), .tab] {
            state.press(key)
        }
        #expect(state.view == .board && state.detail == nil && state.overlay == nil && state.wall.panel == 2)
        #expect(state.press(.character("q")) == [.quit])
    }

    @Test func theWallPagesThroughAListLongerThanTheScreen() {
        var state = Fixture.state(width: 80, height: 24, wall: true)
        let flagged = state.data!.stats.flagged
        state.data!.stats.flagged = flagged + flagged + flagged   // 42 cards: three pages of 19
        state.wall.panel = WallPanel.cards.rawValue
        #expect(WallRender.pageCount(.cards, state) == 3)
        #expect(state.screen[2].contains("第 1/3 页"))
        state.press(.right)
        #expect(state.wall.panel == WallPanel.cards.rawValue && state.wall.page == 1)
        #expect(state.screen[2].contains("第 2/3 页"))
        state.press(.right, .right)
        #expect(state.wall.panel == WallPanel.overdue.rawValue && state.wall.page == 0)
        state.press(.left)
        #expect(state.wall.panel == WallPanel.cards.rawValue)
    }

    @Test func aStoreChangeReloads() {
        var state = Fixture.state()
        #expect(Update.apply(.storeChanged, to: &state) == [.reload])
        state.press(.enter)
        guard case let .project(code)? = state.detail else { return }
        #expect(Update.apply(.storeChanged, to: &state) == [.reload, .loadProject(code)])
    }

    func selectedCode(_ state: AppState) -> String? {
        guard case let .project(i) = state.board.rows[state.board.selected] else { return nil }
        return Fixture.data.board.standings[i].project.code
    }

    func projects(_ state: AppState) -> [ProjectStanding] {
        state.board.rows.compactMap { if case let .project(i) = $0 { return Fixture.data.board.standings[i] }; return nil }
    }
}
