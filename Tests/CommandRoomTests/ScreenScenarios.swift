import CommandRoom
import Foundation
import KeyProjects
import KeyProjectsReports
import StringTables
import TerminalKit
import Testing

/// The screens kept as golden text: each view in Chinese and English, at 80×24 and wider.
enum ScreenScenarios {
    static func all() -> [(name: String, state: AppState)] {
        var list: [(String, AppState)] = []
        func add(_ name: String, _ state: AppState) { list.append((name, state)) }
        for (lang, w, h) in [(Lang.zh, 80, 24), (.en, 80, 24), (.zh, 160, 40), (.en, 160, 40)] {
            add("board.\(lang).\(w)x\(h)", Fixture.state(width: w, height: h, lang: lang))
        }
        for (lang, w, h) in [(Lang.zh, 80, 24), (.en, 160, 40)] {
            var queue = Fixture.state(width: w, height: h, lang: lang)
            queue.press(.character("2"))
            add("queue.\(lang).\(w)x\(h)", queue)
        }
        for (lang, w, h) in [(Lang.zh, 80, 24), (.en, 120, 30)] {
            var calendar = Fixture.state(width: w, height: h, lang: lang)
            calendar.press(.character("3"), .character("]"))
            calendar.calendar.day = Day(year: 2026, month: 11, day: 9)!
            add("calendar.\(lang).\(w)x\(h)", calendar)
            var overview = Fixture.state(width: w, height: h, lang: lang)
            overview.press(.character("4"))
            add("overview.\(lang).\(w)x\(h)", overview)
        }
        for (lang, w, h) in [(Lang.zh, 80, 24), (.en, 120, 40)] {
            var project = Fixture.state(width: w, height: h, lang: lang)
            project.press(.enter)
            if case let .project(code)? = project.detail, let file = Fixture.portfolio.files.first(where: { $0.project.code == code }) {
                _ = Update.apply(.projectLoaded(file), to: &project)
            }
            project.press(.pageDown)
            add("project.\(lang).\(w)x\(h)", project)
            var issue = Fixture.state(width: w, height: h, lang: lang)
            issue.press(.character("2"), .character("L"), .enter)
            add("issue.\(lang).\(w)x\(h)", issue)
        }
        var meeting = Fixture.state(width: 100, height: 30)
        meeting.press(.character("3"))
        meeting.calendar.day = Day(year: 2026, month: 11, day: 9)!
        meeting.press(.character("p"), .enter)   // the day's last meeting: the monthly progress meeting
        add("meeting.zh.100x30", meeting)
        var help = Fixture.state()
        help.press(.character("?"))
        add("help.zh.80x24", help)
        var filter = Fixture.state()
        filter.press(.character("/"))
        filter.type("card:red")
        add("filter.zh.80x24", filter)
        add("board.ascii.80x24", Fixture.state(ascii: true))
        // Replaying June (issue 14 §5): the banner in the header, no sample mark below.
        var replay = Fixture.state()
        replay.realToday = Day(year: 2026, month: 11, day: 30)!
        replay.press(.character(":"))
        replay.type("as-of 2026-06-30")
        replay.press(.enter)
        _ = Update.apply(.loaded(DashboardData(config: Fixture.config, portfolio: Fixture.portfolio,
                                               asOf: Day(year: 2026, month: 6, day: 30)!, complete: true)), to: &replay)
        add("board.replay.zh.80x24", replay)
        add("toosmall.zh.70x20", Fixture.state(width: 70, height: 20))
        for (panel, lang, w, h) in [(0, Lang.zh, 120, 32), (1, .zh, 80, 24), (2, .en, 160, 40), (3, .zh, 100, 30)] {
            var wall = Fixture.state(width: w, height: h, lang: lang, wall: true)
            wall.wall.panel = panel
            add("wall\(panel).\(lang).\(w)x\(h)", wall)
        }
        // Issue 14 §6: the wall for a room. 80×24 one panel; 200×60 and 300×80 tiled, with the
        // card counts in block digits; the second group at 300×80; held at 80×24.
        var wallSummary = Fixture.state(width: 80, height: 24, wall: true)
        wallSummary.press(.character(" "))
        add("wall.held.zh.80x24", wallSummary)
        for (lang, w, h) in [(Lang.zh, 200, 60), (.zh, 300, 80), (.en, 300, 80)] {
            var wall = Fixture.state(width: w, height: h, lang: lang, wall: true)
            _ = Update.apply(.figuresComputed(OverviewFigures.build(wall.data!, strings: wall.strings)), to: &wall)
            add("wall.tiled.\(lang).\(w)x\(h)", wall)
        }
        var wallSecond = Fixture.state(width: 200, height: 60, wall: true)
        wallSecond.press(.right)
        _ = Update.apply(.figuresComputed(OverviewFigures.build(wallSecond.data!, strings: wallSecond.strings)), to: &wallSecond)
        add("wall.tiled2.zh.200x60", wallSecond)
        // Issue 14 §1: laid out for a terminal that draws ambiguous-width characters wide (the
        // narrow ones are board.zh.80x24, queue.zh.80x24 and wall1.zh.80x24).
        var wideBoard = Fixture.state()
        wideBoard.options.ambiguous = .wide
        add("board.wide.zh.80x24", wideBoard)
        var wideQueue = wideBoard
        wideQueue.press(.character("2"))
        add("queue.wide.zh.80x24", wideQueue)
        var wideWall = Fixture.state(width: 80, height: 24, wall: true)
        wideWall.options.ambiguous = .wide
        wideWall.wall.panel = WallPanel.cards.rawValue
        add("wall.wide.zh.80x24", wideWall)
        var wideTiled = Fixture.state(width: 200, height: 60, wall: true)
        wideTiled.options.ambiguous = .wide
        add("wall.wide.zh.200x60", wideTiled)
        // The wall's `?` (issue 12: a screen added as one file and one binding).
        for (lang, w, h) in [(Lang.zh, 80, 24), (.en, 160, 40)] {
            var wallHelp = Fixture.state(width: w, height: h, lang: lang, wall: true)
            wallHelp.wall.panel = WallPanel.overdue.rawValue
            wallHelp.press(.character("?"))
            add("wallhelp.\(lang).\(w)x\(h)", wallHelp)
        }
        // The writing screens (issue 4), as the office and as a clerk of 政法.
        var officeHelp = Fixture.state()
        officeHelp.options.role = .office
        officeHelp.press(.character("?"))
        add("help.office.zh.80x24", officeHelp)
        // The queue's keys for the office at 80×24: the longest help; its last line (how to
        // close it) stays inside the box.
        var queueHelp = Fixture.state()
        queueHelp.options.role = .office
        queueHelp.press(.character("2"), .character("?"))
        add("help.queue.office.zh.80x24", queueHelp)
        for (lang, w, h) in [(Lang.zh, 80, 24), (.en, 120, 30)] {
            var grid = Fixture.state(width: w, height: h, lang: lang)
            grid.options.role = .clerk(subcommands: ["law"])
            grid.press(.character("e"))
            _ = Update.apply(.gridLoaded(WritingTests.sheet(grid), month: YearMonth(year: 2026, month: 10)!), to: &grid)
            grid.type("12x")
            add("grid.\(lang).\(w)x\(h)", grid)
            // Issue 13: a pasted column pending, then C-c asks before quitting.
            var pasted = Fixture.state(width: w, height: h, lang: lang)
            pasted.options.role = .clerk(subcommands: ["law"])
            pasted.press(.character("e"))
            _ = Update.apply(.gridLoaded(WritingTests.sheet(pasted), month: YearMonth(year: 2026, month: 10)!), to: &pasted)
            _ = Update.apply(.paste("100\r\n200\r\n300\r\n"), to: &pasted)
            add("grid.pasted.\(lang).\(w)x\(h)", pasted)
            pasted.press(.control("c"))
            add("grid.quitPrompt.\(lang).\(w)x\(h)", pasted)
        }
        // Issue 13 §3: a 形象进度 edited inside its text (F2), shown whole on the edit line.
        var editing = Fixture.state()
        editing.options.role = .clerk(subcommands: ["law"])
        editing.press(.character("e"))
        _ = Update.apply(.gridLoaded(WritingTests.sheet(editing), month: YearMonth(year: 2026, month: 10)!), to: &editing)
        editing.press(.right)
        editing.type("主体结构封顶，二次结构砌筑完成百分之六十，机电安装已进场")
        editing.press(.enter, .up, .function(2), .home, .right, .right)
        add("grid.editing.zh.80x24", editing)
        // Issue 16: the organisation page.
        for (lang, w, h) in [(Lang.zh, 80, 24), (.en, 120, 40)] {
            var org = Fixture.state(width: w, height: h, lang: lang)
            org.press(.character("5"))
            add("org.\(lang).\(w)x\(h)", org)
        }
        var menu = Fixture.state()
        menu.options.role = .office
        menu.press(.character("2"), .character("a"))
        add("menu.zh.80x24", menu)
        var form = Fixture.state()
        form.options.role = .office
        form.press(.character("2"), .character("a"), .character("l"), .enter)
        add("form.zh.80x24", form)
        var history = Fixture.state(width: 100, height: 24)
        history.press(.enter)
        if case let .project(code)? = history.detail {
            history.press(.character("H"))
            _ = Update.apply(.historyLoaded(.project(code), [ChangeEntryFixture.monthly(code)]), to: &history)
        }
        add("history.zh.100x24", history)
        var triage = Fixture.state(width: 100, height: 30)
        triage.options.role = .office
        _ = Update.apply(.startTriage("progress-20261109"), to: &triage)
        _ = Update.apply(.decisionsLoaded(meeting: "progress-20261109", []), to: &triage)
        add("triage.zh.100x30", triage)
        var week = Fixture.state()
        week.press(.character("3"))
        week.calendar.day = Day(year: 2026, month: 11, day: 9)!
        week.press(.character("w"))
        add("calendar.week.zh.80x24", week)
        var ranking = Fixture.state()
        ranking.press(.character("4"))
        #expect(ranking.press(.character("b")) == [.computeFigures])
        _ = Update.apply(.figuresComputed(OverviewFigures.build(Fixture.data)), to: &ranking)
        add("ranking.zh.80x24", ranking)
        var targets = Fixture.state()
        targets.data!.config.targets = [
            AnnualTarget(indicator: .continuingResumed, name: "6月底前续建项目复工率", target: 100, lead: "各县（市、区）人民政府"),
            AnnualTarget(indicator: .investmentShare, name: "重点工程完成投资占固定资产投资比重", target: 10, lead: "市发展改革委",
                         base: Money(wan: 5_000_000)),
            AnnualTarget(indicator: .other, name: "工业技改投资同比增长", target: 20, lead: "市工信局"),
        ]
        targets.press(.character("4"), .character("b"), .character("b"), .character("b"))
        _ = Update.apply(.figuresComputed(OverviewFigures.build(targets.data!)), to: &targets)
        add("targets.zh.80x24", targets)
        var wallRanking = Fixture.state(width: 120, height: 32, wall: true)
        wallRanking.wall.panel = WallPanel.ranking.rawValue
        _ = Update.apply(.figuresComputed(OverviewFigures.build(Fixture.data)), to: &wallRanking)
        add("wall4.zh.120x32", wallRanking)
        // Issue 6's other pages: investment by locality, the quarter's awards (a proposal and
        // an award recorded), the bulletin and the special report.
        for (lang, w, h) in [(Lang.zh, 80, 24), (.en, 160, 40)] {
            var investment = Fixture.state(width: w, height: h, lang: lang)
            investment.press(.character("4"), .character("b"), .character("b"))
            _ = Update.apply(.figuresComputed(OverviewFigures.build(investment.data!, strings: investment.strings)), to: &investment)
            add("investment.\(lang).\(w)x\(h)", investment)
        }
        var awarded = Fixture.data
        let q3 = Quarter(year: 2026, number: 3)!, day = Day(year: 2026, month: 10, day: 31)!
        let law = awarded.portfolio.files.map(\.project).filter { $0.subcommand == "law" }.map(\.code).sorted()
        awarded.portfolio.awards = AwardRecord(
            proposals: [AwardProposal(quarter: q3, subcommand: "law", kind: .snail, project: law[1], reason: "连续三个月红牌，进度严重滞后", by: "lf-law", recordedOn: day)],
            picks: [AwardPick(quarter: q3, kind: .snail, project: law[1], place: 1, by: "lf-office", recordedOn: day)])
        var awards = Fixture.state(width: 100, height: 30)
        _ = Update.apply(.loaded(awarded), to: &awards)
        awards.options.role = .office
        awards.press(.character("4"), .character("B"), .character("B"), .character("B"), .character("j"))
        _ = Update.apply(.figuresComputed(OverviewFigures.build(awards.data!)), to: &awards)
        add("awards.zh.100x30", awards)
        var propose = awards
        propose.press(.character("p"))
        add("awards.propose.zh.100x30", propose)
        var bulletin = Fixture.state()
        bulletin.press(.character("4"), .character("B"), .character("B"))
        _ = Update.apply(.figuresComputed(OverviewFigures.build(bulletin.data!)), to: &bulletin)
        add("bulletin.zh.80x24", bulletin)
        var special = Fixture.state(width: 100, height: 30)
        special.press(.character("4"), .character("B"), .pageDown)
        _ = Update.apply(.figuresComputed(OverviewFigures.build(special.data!)), to: &special)
        add("special.zh.100x30", special)
        for (panel, lang, w, h) in [(WallPanel.investment, Lang.zh, 120, 32), (.awards, .en, 160, 40)] {
            var wall = Fixture.state(width: w, height: h, lang: lang, wall: true)
            _ = Update.apply(.loaded(awarded), to: &wall)
            wall.wall.panel = panel.rawValue
            _ = Update.apply(.figuresComputed(OverviewFigures.build(wall.data!, strings: wall.strings)), to: &wall)
            add("wall\(panel.rawValue).\(lang).\(w)x\(h)", wall)
        }
        // Issue 14 §8: `x` asks for the format on the status line; the text pages offer
        // Markdown only; the message says where the file went.
        var export = Fixture.state()
        export.press(.character("/"))
        export.type("card:red")
        export.press(.enter, .character("x"))
        add("export.zh.80x24", export)
        var exportText = Fixture.state(width: 120, height: 30, lang: .en)
        exportText.press(.character("4"), .character("B"), .character("B"))
        _ = Update.apply(.figuresComputed(OverviewFigures.build(exportText.data!, strings: exportText.strings)), to: &exportText)
        exportText.press(.character("x"))
        add("export.text.en.120x30", exportText)
        var exported = Fixture.state()
        exported.press(.character("x"), .character("c"))
        _ = Update.apply(.exported(.written(path: "/home/clerk/cmdroom-board-2026-10-31.csv", rows: 48)), to: &exported)
        add("exported.zh.80x24", exported)
        // Issue 14 §7: tables wider than 80 columns scrolled sideways, their first column kept.
        var bulletinRight = bulletin
        bulletinRight.press(.right, .right)
        add("bulletin.scrolled.zh.80x24", bulletinRight)
        for (lang, presses) in [(Lang.zh, 2), (.en, 4)] {
            var queue = Fixture.state(lang: lang)
            queue.press(.character("2"))
            for _ in 0..<presses { queue.press(.character(">")) }
            add("queue.scrolled.\(lang).80x24", queue)
        }
        var calendarRight = Fixture.state()
        calendarRight.press(.character("3"), .character("]"))
        calendarRight.calendar.day = Day(year: 2026, month: 11, day: 9)!
        calendarRight.press(.character(">"))
        add("calendar.scrolled.zh.80x24", calendarRight)
        var investmentRight = Fixture.state(lang: .en)
        investmentRight.press(.character("4"), .character("b"), .character("b"))
        _ = Update.apply(.figuresComputed(OverviewFigures.build(investmentRight.data!, strings: investmentRight.strings)), to: &investmentRight)
        investmentRight.press(.character("g"), .right)
        add("investment.scrolled.en.80x24", investmentRight)
        var awardsRight = Fixture.state()
        _ = Update.apply(.loaded(awarded), to: &awardsRight)
        awardsRight.press(.character("4"), .character("B"), .character("B"), .character("B"), .character("j"))
        _ = Update.apply(.figuresComputed(OverviewFigures.build(awardsRight.data!)), to: &awardsRight)
        awardsRight.press(.right)
        add("awards.scrolled.zh.80x24", awardsRight)
        return list
    }
}
