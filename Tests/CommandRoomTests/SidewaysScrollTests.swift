@testable import CommandRoom
import KeyProjects
import TerminalKit
import Testing

/// Issue 14 §7: tables wider than the screen scroll sideways; ← → keep what they did where
/// they had a use.
@Suite struct SidewaysScrollTests {
    func keys(_ state: AppState) -> [Key] { state.top.bindings(state).filter { $0.action == .left || $0.action == .right }.flatMap(\.keys) }

    @Test func theQueueScrollsWithAngleBracketsAndTheRightArrowStillOpens() {
        var state = Fixture.state()
        state.press(.character("2"))
        #expect(state.screen[3].hasSuffix("挂牌›"))
        #expect(keys(state) == [.character("<"), .character(">")])
        state.press(.character(">"))
        #expect((state.top as? QueueScreen)?.columns.offset == 1)
        #expect(state.screen[3].hasPrefix("灯   编号      ‹类别"))
        state.press(.character("<"), .character("<"))
        #expect((state.top as? QueueScreen)?.columns.offset == 0)
        state.press(.right)
        guard case .issue? = state.detail else { Issue.record("→ no longer opens the issue"); return }
        // Back on the queue, the table is where it was.
        state.press(.character(">"), .escape)
        state.press(.character(">"))
        #expect((state.top as? QueueScreen)?.columns.offset == 1)
    }

    @Test func aTableThatFitsHasNoSidewaysKeys() {
        var state = Fixture.state(width: 200, height: 40)
        state.press(.character("2"))
        #expect(keys(state).isEmpty)
        #expect(!state.screen[3].contains("›"))
        state.press(.character(">"))
        #expect((state.top as? QueueScreen)?.columns.offset == 0)
    }

    @Test func theCalendarKeepsItsArrowsForDays() {
        var state = Fixture.state()
        state.press(.character("3"))
        state.calendar.day = Day(year: 2026, month: 11, day: 9)!
        state.press(.right)
        #expect(state.calendar.day == Day(year: 2026, month: 11, day: 10)!)
        state.press(.left, .character(">"))
        #expect(state.calendar.day == Day(year: 2026, month: 11, day: 9)!)
        #expect(state.screen.contains { $0.contains("08:30 ‹ 2026年第46周项目调度会") })
        #expect(state.screen.last!.contains("> 更多列"))
        // The day's meetings have one field more (the chair): a second step shows it alone.
        state.press(.character(">"))
        #expect(state.screen.contains { $0.contains("08:30 ‹ 许慧宁") })
        #expect(state.screen.last!.contains("< 前面的列"))
    }

    @Test func theBulletinScrollsWithTheArrowsAndANewViewStartsUnscrolled() {
        var state = Fixture.state()
        state.press(.character("4"), .character("B"), .character("B"))
        _ = Update.apply(.figuresComputed(OverviewFigures.build(state.data!)), to: &state)
        #expect(keys(state) == [.left, .character("<"), .right, .character(">")])
        #expect(state.screen.last!.contains("→ 更多列"))
        state.press(.right)
        #expect(state.screen.contains { $0.hasPrefix(" 分指挥部                               ‹蓝牌") })
        // Another view and back: the page starts unscrolled.
        state.press(.character("1"), .character("4"))
        #expect(!state.screen.contains { $0.contains("‹") })
        // Scrolled to the end: the key bar offers the way back.
        for _ in 0..<20 { state.press(.right) }
        #expect(state.screen.last!.contains("← 前面的列"))
        #expect(!state.screen.contains { $0.hasSuffix("›") })
    }

    @Test func theMarksAreASCIIWithAscii() {
        var state = Fixture.state(ascii: true)
        state.press(.character("2"), .character(">"))
        #expect(state.screen[3].contains("<") && state.screen[3].hasSuffix(">"))
    }

    @Test func theWallsArrowsStillStepPanels() {
        var state = Fixture.state(wall: true)
        let panel = state.wall.panel
        state.press(.right)
        #expect(state.wall.panel != panel)
        state.press(.left)
        #expect(state.wall.panel == panel)
    }

    @Test func aColumnScrollStaysWithinItsRange() {
        var scroll = ColumnScroll()
        let moved = scroll.move(.right, maxOffset: 2)
        #expect(moved && scroll.offset == 1)
        scroll.move(.right, maxOffset: 2)
        scroll.move(.right, maxOffset: 2)
        #expect(scroll.offset == 2)
        scroll.move(.left, maxOffset: 1)   // narrower since: from where it is drawn
        #expect(scroll.offset == 0)
        let other = scroll.move(.down, maxOffset: 2)
        #expect(!other)
    }
}
