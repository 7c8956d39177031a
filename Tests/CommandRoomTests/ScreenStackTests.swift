@testable import CommandRoom
import KeyProjects
import StringTables
import TerminalKit
import Testing

/// The screens as values (issue 12 §1): one stack, keys from each screen's bindings, the key
/// bar and help drawn from them, one list state.
@Suite struct ScreenStackTests {
    /// States with each kind of screen on top, as a user gets there.
    static func states() -> [(String, AppState)] {
        var list: [(String, AppState)] = []
        for role in [Role?.none, .office] {
            func state(_ keys: Key...) -> AppState {
                var s = Fixture.state()
                s.options.role = role
                for k in keys { s.press(k) }
                return s
            }
            let who = role == nil ? "reader" : "office"
            list += [("board.\(who)", state()), ("queue.\(who)", state(.character("2"))), ("calendar.\(who)", state(.character("3"))),
                     ("project.\(who)", state(.enter)), ("issue.\(who)", state(.character("2"), .enter)),
                     ("filter.\(who)", state(.character("/"))), ("command.\(who)", state(.character(":")))]
            for page in 0..<OverviewPage.allCases.count {
                var s = state(.character("4"))
                for _ in 0..<page { s.press(.character("b")) }
                list.append(("overview\(page).\(who)", s))
            }
        }
        list.append(("wall", Fixture.state(wall: true)))
        return list
    }

    @Test func everyKeyInTheKeyBarIsBoundToItsActionOnThatScreen() {
        for (name, state) in Self.states() where state.screens[0].isFramed {
            let bindings = state.screens.reversed().first { !$0.bindings(state).keyBar(canWrite: state.canWrite).isEmpty }?.bindings(state) ?? []
            let bar = bindings.keyBar(canWrite: state.canWrite)
            #expect(!bar.isEmpty, "\(name): no key bar")
            for entry in bar {
                #expect(bindings.binding(for: entry.key) != nil, "\(name): \(entry.key.label) in the bar but not bound")
                #expect(state.strings.has(entry.label), "\(name): no words for \(entry.label)")
            }
            // The bar on screen is the one derived from the bindings.
            let drawn = state.screen.last ?? ""
            for entry in bar.prefix(3) { #expect(drawn.contains(state.strings[entry.label]), "\(name): \(entry.label) not drawn") }
        }
    }

    @Test func helpListsTheBindingsOfTheScreenUnderIt() {
        for (name, var state) in Self.states() where !state.top.isOverlay {
            let expected = state.top.bindings(state).helpEntries(canWrite: state.canWrite)
            state.press(.character("?"))
            let text = state.screen.joined(separator: "\n")
            #expect(state.overlay == .help || state.top is WallHelpScreen, "\(name)")
            // An entry too long for its column wraps: its start is on one line.
            for b in expected.prefix(8) { #expect(text.contains(String(state.strings[b.help!].prefix(6))), "\(name): help lacks \(b.help!)") }
            state.press(.character("x"))
            #expect(!(state.top is HelpScreen) && !(state.top is WallHelpScreen), "\(name): any key closes help")
        }
    }

    @Test func writesAreOfferedOnlyToAnAccountThatMayWrite() {
        let reader = Fixture.state()
        let writer = { var s = Fixture.state(); s.options.role = .office; return s }()
        let readerHelp = reader.top.bindings(reader).helpEntries(canWrite: reader.canWrite).map(\.action)
        let writerHelp = writer.top.bindings(writer).helpEntries(canWrite: writer.canWrite).map(\.action)
        #expect(!readerHelp.contains(.progressGrid) && writerHelp.contains(.progressGrid))
        #expect(!reader.top.bindings(reader).keyBar(canWrite: false).contains { $0.label == "bar.grid" })
        #expect(writer.top.bindings(writer).keyBar(canWrite: true).contains { $0.label == "bar.grid" })
    }

    @Test func theWallsHelpNamesItsPanelsAndCycleAndClosesOnAnyKey() {
        var state = Fixture.state(wall: true)
        state.options.cycleSeconds = 20
        state.press(.character("?"))
        #expect(state.top is WallHelpScreen && state.screens.count == 2)
        let text = state.screen.joined(separator: "\n")
        #expect(text.contains("20") && text.contains(state.strings["wall.panel.meetings"]) && text.contains(state.strings["help.nextPanel"]))
        state.press(.character(" "))
        #expect(state.screens.count == 1 && state.wall.panel == 0, "the key closes the help, it does not page")
    }

    @Test func pagesStackAndEscGoesBackThroughThem() {
        var state = Fixture.state(height: 30)
        state.press(.character("2"), .enter)
        guard case let .issue(id)? = state.detail else { Issue.record("no issue page"); return }
        state.press(.character("H"))
        #expect(state.detail == .history(.issue(id)) && state.screens.count == 3)
        state.press(.escape)
        #expect(state.detail == .issue(id))
        state.press(.character("1"))
        #expect(state.screens.count == 1 && state.view == .board && state.detail == nil)
    }

    @Test func aListPageIsTheHeightOfTheRowsDrawn() {
        for height in [24, 40] {
            var state = Fixture.state(height: height)
            state.press(.character("2"))
            let page = ViewActions.tablePage(state)
            #expect(page == QueueRender.tableArea(Layout.body(state)).height - 1)
            state.press(.pageDown)
            #expect(state.queue.selected == min(page, state.queue.rows.count - 1))
        }
    }

    @Test func listStateSkipsHeadingsAndStopsAtTheEnds() {
        let headings: Set<Int> = [0, 3, 4]
        var list = ListState()
        list.move(.top, count: 8, page: 3) { headings.contains($0) }
        #expect(list.selected == 1)
        list.move(.down, count: 8, page: 3) { headings.contains($0) }
        list.move(.down, count: 8, page: 3) { headings.contains($0) }
        #expect(list.selected == 5, "passes over the two headings")
        list.move(.pageDown, count: 8, page: 10) { headings.contains($0) }
        #expect(list.selected == 7)
        list.move(.up, count: 8, page: 3) { headings.contains($0) }
        list.move(.pageUp, count: 8, page: 3) { headings.contains($0) }
        #expect(list.selected == 2, "6 − 3 = 3 is a heading: the nearest row before it")
        list.keepInView(height: 3, count: 8)
        #expect(list.offset <= 2 && list.offset + 3 > 2)
        var scroll = ScrollState()
        scroll.move(.bottom, lines: 50, height: 20, page: 19)
        #expect(scroll.top == 30)
        scroll.move(.pageDown, lines: 50, height: 20, page: 19)
        #expect(scroll.top == 30)
    }
}
