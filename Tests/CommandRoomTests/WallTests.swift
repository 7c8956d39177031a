@testable import CommandRoom
import Foundation
import KeyProjects
import TerminalKit
import Testing

/// The wall for a room (issue 14 §6): hold, step, tiles, block digits, columns sized to their
/// content; and keys while the terminal is too small (§1).
struct WallTests {
    @Test func spaceHoldsTheCycleAndResumesIt() {
        var state = Fixture.state(width: 120, height: 32, wall: true)
        _ = Update.apply(.tick(Fixture.now), to: &state)
        state.press(.character(" "))
        #expect(state.wall.held)
        _ = Update.apply(.tick(Fixture.now.addingTimeInterval(60)), to: &state)
        #expect(state.wall.panel == 0)
        #expect(state.screen[0].contains("已暂停"))
        #expect(state.screen.last!.contains("空格继续"))
        // ← → still step while held.
        state.press(.right)
        #expect(state.wall.panel == 1 && state.wall.held)
        state.press(.left)
        #expect(state.wall.panel == 0)
        // Resumed: the panel gets its full time again before the next.
        state.press(.character(" "))
        #expect(!state.wall.held)
        _ = Update.apply(.tick(Fixture.now.addingTimeInterval(70)), to: &state)
        #expect(state.wall.panel == 0)
        _ = Update.apply(.tick(Fixture.now.addingTimeInterval(76)), to: &state)
        #expect(state.wall.panel == 1)
    }

    @Test func theHeaderSaysWhereTheCycleIs() {
        var state = Fixture.state(width: 80, height: 24, wall: true)
        // At 80 columns in short, beside the panel's name.
        #expect(state.screen[0].contains("总览   第 1/7 屏"))
        state.press(.left)
        #expect(state.screen[0].contains(" 7/7 "))
        #expect(Fixture.state(width: 160, height: 40, wall: true).screen[0].contains("第 1/7 屏"))
        let tiled = Fixture.state(width: 200, height: 60, wall: true)
        #expect(tiled.screen[0].contains("第 1/2 屏"))
        // From 240 columns every panel is on screen at once.
        #expect(Fixture.state(width: 300, height: 80, wall: true).screen[0].contains("第 1/1 屏"))
    }

    @Test func theHelpListsHoldAndMarksThePanelsOnScreen() {
        var state = Fixture.state(width: 200, height: 60, wall: true)
        state.press(.character(" "), .character("?"))
        let text = state.screen.joined(separator: "\n")
        #expect(text.contains("暂停／继续轮播"))
        #expect(text.contains("轮播已暂停"))
        #expect(text.contains("> 总览") && text.contains("> 红黄牌") && text.contains("> 逾期问题") && text.contains("> 近期会议") && text.contains("  投资"))
    }

    @Test func fromOneHundredSixtyByFortyEightPanelsAreTiled() {
        #expect(WallLayout.groups(Fixture.state(width: 159, height: 60, wall: true)).count == WallPanel.allCases.count)
        #expect(WallLayout.groups(Fixture.state(width: 160, height: 47, wall: true)).count == WallPanel.allCases.count)
        let state = Fixture.state(width: 160, height: 48, wall: true)
        #expect(WallLayout.groups(state).count == 2)
        let tiles = WallLayout.tiles(0, state)
        #expect(tiles.map(\.panel) == [.summary, .meetings, .cards, .overdue])
        // Two columns at 160, two panels in each; three columns from 240.
        #expect(tiles[0].rect.x == tiles[1].rect.x && tiles[1].rect.y > tiles[0].rect.y)
        #expect(tiles[2].rect.x == tiles[3].rect.x && tiles[2].rect.x > tiles[0].rect.x)
        let wide = WallLayout.tiles(0, Fixture.state(width: 300, height: 80, wall: true))
        #expect(Set(wide.map(\.rect.x)).count == 3)
        for (_, rect) in wide { #expect(rect.x + rect.width <= 300 && rect.y + rect.height <= 79) }
    }

    @Test func theWallFillsItsRows() {
        for (w, h) in [(200, 60), (300, 80)] {
            var state = Fixture.state(width: w, height: h, wall: true)
            _ = Update.apply(.figuresComputed(OverviewFigures.build(state.data!, strings: state.strings)), to: &state)
            let screen = state.screen
            let used = screen.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
            #expect(used * 10 >= h * 9, "\(w)x\(h): \(used) rows of \(h)")
        }
    }

    @Test func blockDigits() {
        #expect(BlockDigits.rows("10", scale: 1, ink: "#") == [" #  ###", "##  # #", " #  # #", " #  # #", "### ###"])
        let big = BlockDigits.rows("7", scale: 2, ink: "█")
        #expect(big.count == 10 && big[0] == "██████" && big[9] == "    ██")
    }

    @Test func columnsAreSizedToTheirContent() {
        // Room for all: each as wide as its content, the rest to the last column.
        #expect(WallColumn.fit(natural: [6, 20, 30], minimum: [6, 10, 10], priority: [0, 2, 1], total: 70) == [6, 20, 42])
        // Not enough: the reason (priority before the name) gets its content; the name its tail cut.
        #expect(WallColumn.fit(natural: [6, 30, 30], minimum: [6, 16, 10], priority: [0, 2, 1], total: 60) == [6, 22, 30])
        // Narrower than the minimums: the last in priority gives way first.
        #expect(WallColumn.fit(natural: [6, 30, 30], minimum: [6, 16, 20], priority: [0, 2, 1], total: 30) == [6, 2, 20])
    }

    @Test func whileTheTerminalIsTooSmallOnlyQActs() {
        var state = Fixture.state(width: 70, height: 20)
        for key in [Key.character("e"), .character("2"), .enter, .character("/"), .character(":"), .character("?")] {
            #expect(state.press(key).isEmpty)
        }
        _ = Update.apply(.paste("12\r\n"), to: &state)
        #expect(state.screens.count == 1 && state.view == .board && state.detail == nil)
        #expect(state.screen.joined().contains("只有 q 可用"))
        #expect(state.press(.character("q")) == [.quit])
    }
}
