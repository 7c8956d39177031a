@testable import CommandRoom
import Foundation
import KeyProjects
import StringTables
import TerminalKit
import Testing

/// What `x` exports from each view: the rows as filtered and sorted on screen, with every
/// column (issue 14 §8); and the question that asks for the format.
@Suite struct ExportBuilderTests {
    /// The state with the overview's figures worked out.
    static func withFigures(_ state: AppState) -> AppState {
        var state = state
        _ = Update.apply(.figuresComputed(OverviewFigures.build(state.data!, strings: state.strings)), to: &state)
        return state
    }

    /// The codes of the projects the board shows, in its order.
    static func boardCodes(_ state: AppState) -> [String] {
        state.board.rows.compactMap { if case let .project(i) = $0 { return state.data!.board.standings[i].project.code }; return nil }
    }

    @Test func theBoardFilteredByRedAndYellowGivesExactlyThoseProjectsInTheScreensOrder() throws {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("card:red,yellow")
        state.press(.enter)
        let table = try #require(BoardExport.table(state))
        let standings = Fixture.data.board.standings
        let wanted = Set(standings.filter { $0.card.colour == .red || $0.card.colour == .yellow }.map(\.project.code))
        #expect(wanted.count == 14)
        let codes = table.rows.map { $0[1] }
        #expect(Set(codes) == wanted && codes.count == wanted.count)
        #expect(codes == Self.boardCodes(state))
        #expect(Set(table.rows.map { $0[2] }) == ["红牌", "黄牌"])
        // The group headings are a column, not rows: each row names its sub-command.
        let org = Fixture.data.organisation
        for row in table.rows {
            let st = standings.first { $0.project.code == row[1] }!
            #expect(row[0] == org.subcommand(st.project.subcommand)?.name)
            #expect(row[4] == st.project.name)
        }
        #expect(table.title.contains("筛选：card:red,yellow") && table.title.contains("截至 2026-10-31"))
        #expect(table.title.hasPrefix(org.name))
    }

    @Test func theBoardHasTheCodeAndTheReasonEvenWhereTheScreenIsTooNarrowForThem() throws {
        var state = Fixture.state(width: 80, height: 24, lang: .en)
        // Sorted by name, reversed: the export follows.
        state.press(.character("s"), .character("s"), .character("S"))
        #expect(state.board.sort == .name && state.board.descending)
        let table = try #require(BoardExport.table(state))
        #expect(table.headers.count == 12)
        #expect(table.headers[1] == Strings.en["col.code"] && table.headers.last == Strings.en["col.reason"])
        #expect(table.rows.count == 48)
        let names = table.rows.map { $0[4] }
        #expect(names == names.sorted(by: >))
        #expect(table.rows.allSatisfy { !$0[11].isEmpty })
        // Whole cells: a long name the screen cuts with … is whole here.
        #expect(!table.rows.contains { $0.contains { $0.contains("…") } })
        #expect(table.title.contains(Strings.en["sort.name"] + "↓"))
    }

    @Test func theQueueIsExportedAsFilteredAndInTriageOrder() throws {
        var state = Fixture.state()
        state.press(.character("2"), .character("o"))
        let table = try #require(QueueExport.table(state))
        let queue = Fixture.data.queue
        let overdue = queue.filter { $0.clock.isOverdue && $0.issue.status.isOpen }.map(\.issue.id)
        #expect(!overdue.isEmpty)
        #expect(table.rows.map { $0[1] } == state.queue.rows.map { queue[$0].issue.id })
        #expect(Set(table.rows.map { $0[1] }) == Set(overdue))
        #expect(table.headers.contains("13710环节") && table.headers.last == "问题")
        #expect(table.title.contains("逾期"))
    }

    @Test func theCalendarExportsTheMeetingsOfTheMonthShownInDateOrder() throws {
        var state = Fixture.state()
        state.press(.character("3"), .character("]"))
        #expect(state.calendar.day.yearMonth == YearMonth(year: 2026, month: 11))
        let table = try #require(CalendarExport.table(state))
        let november = Fixture.data.portfolio.meetings.filter { $0.date.yearMonth == YearMonth(year: 2026, month: 11) }
        #expect(table.rows.count == november.count && !november.isEmpty)
        #expect(Set(table.rows.map { $0[3] }) == Set(november.map(\.id)))
        let keys = table.rows.map { $0[0] + " " + $0[2] }
        #expect(keys == keys.sorted())
        #expect(table.rows.allSatisfy { $0[0].hasPrefix("2026-11-") })
        #expect(table.title.contains("2026-11-01") && table.title.contains("2026-11-30"))
    }

    @Test func theInvestmentPageExportsEachLocalityFurthestAheadFirstWithItsMonths() throws {
        var state = Self.withFigures(Fixture.state())
        state.press(.character("4"), .character("b"), .character("b"))
        #expect(state.overviewPage == .investment)
        let table = try #require(InvestmentExport.table(state))
        let groups = state.figures!.byLocality
        #expect(table.rows.count == groups.count)
        let ratios = table.rows.map { Int($0[1].dropLast())! }
        #expect(ratios == ratios.sorted(by: >))
        // The name, the ratio, the amounts, four cards, then January to October.
        #expect(table.headers.count == 4 + 4 + 10)
        #expect(table.headers.last == "2026年10月")
    }

    @Test func theRankingPageExportsEveryMeasureWithoutAFormulaForNoChange() throws {
        var state = Self.withFigures(Fixture.state())
        state.press(.character("4"), .character("b"))
        let table = try #require(RankingExport.table(state))
        #expect(table.rows.map { $0[0] } == state.figures!.rows.map { String($0.rank) })
        #expect(!table.rows.contains { $0[1] == "=" })
        #expect(table.headers.count == 10)
    }

    @Test func xAsksForTheFormatAndTheChoiceAsksTheRuntimeToWrite() {
        var state = Fixture.state()
        #expect(state.press(.character("x")).isEmpty)
        #expect(state.top is ExportQuestionScreen)
        #expect(state.screen[22].contains("导出看板：c CSV（Excel 可直接打开）  m Markdown  Esc 取消"))
        #expect(state.screen[23].hasPrefix("c CSV  m Markdown  Esc 取消"))
        // Nothing else is typed meanwhile.
        #expect(state.press(.character("j"), .character("2")).isEmpty)
        #expect(state.top is ExportQuestionScreen && state.view == .board)
        #expect(state.press(.character("c")) == [.export(ExportRequest(source: .board, format: .csv))])
        #expect(state.top is BoardScreen && state.message == "正在导出…")
        state.press(.character("x"))
        #expect(state.press(.escape).isEmpty)
        #expect(state.top is BoardScreen)
        state.press(.character("x"))
        #expect(state.press(.character("m")) == [.export(ExportRequest(source: .board, format: .markdown))])
    }

    @Test func theTextPagesOfferMarkdownOnly() {
        var state = Self.withFigures(Fixture.state())
        state.press(.character("4"), .character("b"), .character("b"), .character("b"), .character("b"), .character("b"))
        #expect(state.overviewPage == .bulletin)
        state.press(.character("x"))
        #expect(state.screen[22].contains("导出月通报：m Markdown（文本页不提供 CSV）"))
        #expect(state.press(.character("c")).isEmpty)
        #expect(state.top is ExportQuestionScreen)
        #expect(state.press(.character("m")) == [.export(ExportRequest(source: .overview(.bulletin), format: .markdown))])
        let document = ExportJob.document(.overview(.bulletin), state)
        guard case let .markdown(text)? = document else { Issue.record("no Markdown"); return }
        #expect(text.hasPrefix("# ") && text.contains("\n## ") && text.contains("|---|"))
    }

    @Test func nothingToExportSaysSoWithoutAsking() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("nosuchprojectanywhere")
        state.press(.enter)
        state.press(.character("x"))
        #expect(state.top is BoardScreen && state.message == "没有可导出的行")
        var overview = Fixture.state()
        overview.press(.character("4"), .character("b"), .character("x"))
        #expect(overview.top is RankingPageScreen && overview.message == "数据尚在读取或计算，请稍后再导出")
        // The sample sets no targets: an empty page is not exported.
        var targets = Self.withFigures(Fixture.state())
        targets.press(.character("4"), .character("b"), .character("b"), .character("b"), .character("x"))
        #expect(targets.overviewPage == .targets && targets.message == "没有可导出的行")
    }

    @Test func theKeyIsInEachViewsHelpAndInTheBarWhereItFits() {
        var board = Fixture.state()
        #expect(board.screen[23].contains("x 导出  q 退出"))
        board.press(.character("?"))
        #expect(board.screen.contains { $0.contains("x") && $0.contains("导出当前所见") })
        // English at 80 columns: no room, and `q` keeps its place.
        let en = Fixture.state(lang: .en)
        #expect(!en.screen[23].contains("x export") && en.screen[23].contains("q quit"))
        #expect(BoardScreen().bindings(en).contains { $0.action == .export })
        let wide = Fixture.state(width: 160, height: 40, lang: .en)
        #expect(wide.screen[39].contains("x export  q quit"))
        for key in ["2", "3", "4"] {
            var state = Fixture.state()
            state.press(.character(Character(key)))
            #expect(state.top.bindings(state).contains { $0.action == .export && $0.help == "help.export" })
        }
        // The wall is read-only and takes no `x`.
        var wall = Fixture.state(wall: true)
        #expect(!wall.top.bindings(wall).contains { $0.action == .export })
        #expect(wall.press(.character("x")).isEmpty)
    }
}
