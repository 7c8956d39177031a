@testable import CommandRoom
import Foundation
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import TerminalKit
import Testing

/// The keys that write (issue 4): what each offers to whom, the forms' checks, the grid.
@Suite struct WritingTests {
    static func state(role: Role?, width: Int = 100, height: Int = 30) -> AppState {
        var state = Fixture.state(width: width, height: height)
        state.options.role = role
        state.options.actorName = "张敏"
        return state
    }

    static let law = Role.clerk(subcommands: ["law"])

    /// Selects the board's first project of a sub-command.
    static func select(_ subcommand: String, _ state: inout AppState) {
        let data = state.data!
        state.board.selected = state.board.rows.firstIndex { row in
            if case let .project(i) = row { return data.board.standings[i].project.subcommand == subcommand }
            return false
        }!
    }

    @Test func aClerkRemindsTheirOwnProjectAndIsToldWhoMayRemindAnother() throws {
        var state = Self.state(role: Self.law)
        Self.select("law", &state)
        state.press(.character("c"))
        guard case let .form(form)? = state.overlay else { Issue.record("no form"); return }
        #expect(form.fields.map(\.label) == ["form.date", "form.note"] && form.fields[0].input.text == "2026-10-31")
        state.press(.tab)
        state.type("请加快进度")
        let effects = state.press(.enter)
        guard case let .write(.remind(reminder))? = effects.first else { Issue.record("\(effects)"); return }
        #expect(reminder.by == "张敏" && reminder.note == "请加快进度" && reminder.date == Fixture.asOf)
        // The store's answer closes the form and says what was done.
        #expect(Update.apply(.written("已记录催办", .remind(reminder)), to: &state) == [.reloadBoard])
        #expect(state.overlay == nil && state.message == "已记录催办")

        Self.select("municipal", &state)
        state.press(.character("c"))
        #expect(state.overlay == nil && state.messageIsError)
        #expect(state.message?.contains("lf-office") == true && state.message?.contains("lf-municipal") == true, "\(state.message ?? "")")
    }

    @Test func theStepMenuOffersWhatTheStatusAndTheRoleAllow() throws {
        var state = Self.state(role: .office)
        state.press(.character("2"))
        let registered = try #require(state.queue.rows.firstIndex { state.data!.queue[$0].issue.status == .registered })
        state.queue.selected = registered
        let issue = state.data!.queue[state.queue.rows[registered]].issue
        state.press(.character("a"))
        guard case let .menu(menu)? = state.overlay else { Issue.record("no menu"); return }
        #expect(menu.steps.first == .dispatch && !menu.steps.contains(.arrange) && !menu.steps.contains(.confirm))
        state.press(.character("d"))
        guard case let .form(form)? = state.overlay else { Issue.record("no form"); return }
        let proposed = Fixture.config.organisation.proposedUnit(for: issue.category)!
        #expect(form.fields.first?.code == proposed)
        // The unit is chosen from the list: typing part of a name finds it.
        var finding = state
        finding.type("能源")
        guard case let .form(found)? = finding.overlay else { Issue.record("form closed"); return }
        #expect(found.fields.first?.code == "市能源局")
        let effects = state.press(.enter)
        #expect(effects == [.write(.issue(.dispatch(unit: proposed), id: issue.id, basedOn: issue.version))])

        // A viewer gets no menu, and is told the account only reads.
        var viewer = Self.state(role: .viewer)
        viewer.press(.character("2"))
        viewer.queue.selected = registered
        viewer.press(.character("a"))
        #expect(viewer.overlay == nil && viewer.messageIsError && viewer.message?.contains("只能查看") == true, "\(viewer.message ?? "")")
    }

    @Test func aFormRefusesMissingFieldsAndKeepsItsInputWhenTheStoreRefuses() throws {
        var state = Self.state(role: .office)
        state.press(.character("2"))
        let open = try #require(state.queue.rows.firstIndex { !state.data!.queue[$0].issue.listed && state.data!.queue[$0].issue.status.isOpen })
        state.queue.selected = open
        state.press(.character("a"), .character("l"))
        guard case .form? = state.overlay else { Issue.record("no form"); return }
        #expect(state.press(.enter).isEmpty)
        guard case let .form(checked)? = state.overlay else { Issue.record("form closed"); return }
        #expect(checked.error == "请填写“解决办法”")
        state.type("专班推进")
        for text in ["市规划和自然资源局", "韩正磊", "王建国", "2026-11-30"] {
            state.press(.tab)
            if case let .form(f)? = state.overlay, !f.fields[f.focus].input.text.isEmpty { state.press(.control("u")) }
            state.type(text)
        }
        let effects = state.press(.enter)
        guard case .write(.issue(.list(let five), _, _))? = effects.first else { Issue.record("\(effects)"); return }
        #expect(five.isComplete && five.deadline == Day.parse("2026-11-30"))
        _ = Update.apply(.writeRefused("问题 Q：已被 lf-law 于 … 修改", stale: true), to: &state)
        guard case let .form(kept)? = state.overlay else { Issue.record("form closed on refusal"); return }
        #expect(kept.error?.contains("lf-law") == true && kept.fields[0].input.text == "专班推进" && !kept.saving)
    }

    static func sheet(_ state: AppState) -> [ProgressSheetRow] {
        Fixture.portfolio.files.filter { $0.project.subcommand == "law" }.map { file in
            let record = file.records.first { $0.month == YearMonth(year: 2026, month: 10) }
            return ProgressSheetRow(project: file.project, planned: record?.planned, completed: record?.completed,
                                    progress: record?.progress ?? "", monthlyVersion: 3,
                                    otherMonths: file.records.filter { $0.month != YearMonth(year: 2026, month: 10) }.reduce(.zero) { $0 + $1.completed },
                                    milestones: file.milestones)
        }
    }

    @Test func theGridChecksAsYouTypeCommitsARowAndKeepsARefusedRow() throws {
        var state = Self.state(role: Self.law)
        #expect(state.press(.character("e")) == [.loadGrid])
        let rows = Self.sheet(state)
        _ = Update.apply(.gridLoaded(rows, month: YearMonth(year: 2026, month: 10)!), to: &state)
        #expect(state.screen.joined(separator: "\n").contains("月度填报 2026-10"))
        // Letters are refused as you type, with the reason in the status line.
        state.type("12x")
        #expect(state.screen[state.height - 2].contains("不是数字"))
        #expect(state.press(.enter).isEmpty)
        state.press(.backspace)
        state.press(.tab)
        state.type("主体封顶")
        // Someone else saves the same row meanwhile: the reload shows it, the typed cells stay,
        // and the commit is based on what was loaded when typing began (the store refuses it).
        var changed = rows
        changed[0].monthlyVersion = 4
        _ = Update.apply(.gridLoaded(changed, month: YearMonth(year: 2026, month: 10)!), to: &state)
        #expect(state.grid?.text(changed[0], .progress) == "主体封顶")
        let effects = state.press(.enter)
        guard case let .write(.progress(entry, base))? = effects.first else { Issue.record("\(effects)"); return }
        #expect(entry.project == rows[0].project.code && entry.completed == Money(wan: 12) && entry.progress == "主体封顶")
        #expect(base.monthly == 3)
        // Typed cells are marked until the store answers; a stale refusal keeps them.
        #expect(state.grid?.rowIsPending(rows[0].project.code) == true)
        _ = Update.apply(.writeRefused("月度台账 … 已被 lf-office 于 … 修改", stale: true), to: &state)
        #expect(state.grid?.rowIsPending(rows[0].project.code) == true && state.messageIsError)
        // Applied again: Enter on the row sends it, now based on the version on screen.
        state.press(.up)
        guard case let .write(.progress(_, again))? = state.press(.enter).first else { Issue.record("not sent again"); return }
        #expect(again.monthly == 4)
        #expect(Update.apply(.written("已保存", .progress(entry, basedOn: again)), to: &state) == [.reloadBoard, .loadGridRows([entry.project])])
        #expect(state.grid?.rowIsPending(rows[0].project.code) == false)
        // Beyond the total investment: refused as typed.
        state.press(.up, .home)
        state.type(String(rows[0].project.totalInvestment.wanText) + "9")
        let beyond = state.press(.enter)
        #expect(beyond.isEmpty && state.messageIsError, "\(beyond) \(state.grid!.row) \(state.message ?? "")")
        // The refused row is still pending: Esc asks (save all / discard / stay); `d` leaves.
        state.press(.escape)
        #expect(state.gridQuestion == .leave)
        state.press(.character("d"))
        #expect(state.grid == nil)
    }

    @Test func aReaderCannotOpenTheGridOrUndo() {
        var state = Self.state(role: nil)
        #expect(state.press(.character("e")).isEmpty && state.grid == nil && state.messageIsError)
        #expect(state.press(.character("u")).isEmpty)
        var wall = Fixture.state(wall: true)
        #expect(wall.press(.character("u")).isEmpty && wall.press(.character("e")).isEmpty)
        // --readonly: even the office writes nothing, and is told why.
        var readOnly = Self.state(role: .office)
        readOnly.options.readOnly = true
        #expect(readOnly.press(.character("e")).isEmpty && readOnly.grid == nil)
        #expect(readOnly.message == "只读打开：不能修改")
        #expect(readOnly.press(.character("c")).isEmpty && readOnly.overlay == nil)
        #expect(readOnly.press(.character("u")).isEmpty)
    }

    @Test func undoAsksFirstAndHistoryShowsWhoChangedWhat() throws {
        var state = Self.state(role: .office)
        #expect(state.press(.character("u")) == [.prepareUndo])
        _ = Update.apply(.undoPrepared(["2026-11-22 09:00 的修改，共 1 项：", "月度台账 LF/2026-10"]), to: &state)
        guard case .form? = state.overlay else { Issue.record("no confirmation"); return }
        #expect(state.press(.enter) == [.write(.undo)])

        var page = Self.state(role: .office)
        page.press(.enter)   // the first project's page
        guard case let .project(code)? = page.detail else { Issue.record("no page"); return }
        #expect(page.press(.character("H")).contains(.loadHistory(.project(code))))
        let entry = ChangeEntryFixture.monthly(code)
        _ = Update.apply(.historyLoaded(.project(code), [entry]), to: &page)
        let text = page.screen.joined(separator: "\n")
        #expect(text.contains("lf-law") && text.contains("本月完成投资（万元）：100 → 120"), "\(text)")
        page.press(.escape)
        #expect(page.detail == .project(code))
    }
}

enum ChangeEntryFixture {
    static func monthly(_ code: String) -> ChangeEntry {
        ChangeEntry(id: 9, at: "2026-11-22T01:00:00Z", actor: "lf-law", entity: "monthly", key: "\(code)/2026-10", action: .update,
                    before: #"{"project":"\#(code)","month":202610,"planned":1000000,"completed":1000000,"progress":"","version":2}"#,
                    after: #"{"project":"\#(code)","month":202610,"planned":1000000,"completed":1200000,"progress":"","version":3}"#)
    }
}

@Suite struct ReloadAfterWriteTests {
    @Test func aBoardReloadedAfterAWriteKeepsTheQueueAndFiltersAsBefore() {
        var state = Fixture.state()
        state.press(.character("2"), .character("/"))
        state.type("市能源局")
        state.press(.enter)
        let before = state.queue.rows
        let search = state.queue.search
        // The store's answer to a progress write: the board anew, the issues kept.
        let reloaded = DashboardData(config: Fixture.config, portfolio: Fixture.portfolio, asOf: Fixture.asOf, complete: false)
        _ = Update.apply(.loaded(reloaded.keeping(issuesOf: state.data!)), to: &state)
        #expect(state.data!.complete && state.data!.queueGeneration == Fixture.data.queueGeneration)
        #expect(state.queue.search == search && state.queue.rows == before && !before.isEmpty)
        // A fresh reading of the issues rebuilds what comes from them.
        _ = Update.apply(.loaded(DashboardData(config: Fixture.config, portfolio: Fixture.portfolio, asOf: Fixture.asOf, complete: true)), to: &state)
        #expect(state.queue.rows == before && state.data!.queueGeneration != Fixture.data.queueGeneration)
    }
}

@Suite struct TriageUpdateTests {
    static func started() -> AppState {
        var state = WritingTests.state(role: .office, width: 100, height: 30)
        let effects = Update.apply(.startTriage("progress-20261109"), to: &state)
        #expect(effects.contains(.loadDecisions("progress-20261109")))
        return state
    }

    @Test func triageResumesAtTheFirstItemWithNothingRecordedAndRecordsADecision() throws {
        var state = Self.started()
        let triage = try #require(state.triage)
        #expect(triage.keys.count == state.agenda?.items.count && triage.keys.count > 3)
        let first = MeetingDecision(id: "progress-20261109-d1", meeting: "progress-20261109", item: triage.keys[0], project: "P",
                                    kind: .statementMade, recordedOn: Fixture.asOf)
        _ = Update.apply(.decisionsLoaded(meeting: "progress-20261109", [first]), to: &state)
        #expect(state.triage?.index == 1 && state.triage?.handled == 1)
        #expect(state.screen.joined(separator: "\n").contains("第 2/\(triage.keys.count) 项 · 已处理 1 项"))
        // A decision on the current item: text, unit (found by typing), person, deadline.
        state.press(.character("d"))
        state.type("月底前完成")
        state.press(.tab)
        state.type("住建")
        state.press(.tab)
        // The person comes filled in from the project (its 责任人); replaced here.
        guard case let .form(form)? = state.overlay else { Issue.record("no form"); return }
        #expect(!form.fields[2].input.text.isEmpty)
        state.press(.control("u"), .end)
        state.press(.control("u"))
        state.type("王建国")
        state.press(.tab)
        state.type("2026-11-30")
        let effects = state.press(.enter)
        guard case let .write(.decision(input))? = effects.first else { Issue.record("\(effects)"); return }
        #expect(input.kind == .decision && input.item == triage.keys[1] && input.unit == "市住建局" && input.person == "王建国"
                && input.deadline == Day.parse("2026-11-30") && input.meeting == "progress-20261109")
        #expect(Update.apply(.written("已记录", .decision(input)), to: &state).contains(.loadDecisions("progress-20261109")))
        // An action the item does not allow is refused in words; Esc leaves triage.
        state.press(.character("s"))
        if case .interview? = Update.currentAgendaItem(state.triage!, state) { #expect(state.messageIsError && state.overlay == nil) }
        state.press(.escape)
        #expect(state.triage == nil && state.detail == .meeting("progress-20261109"))
    }

    @Test func aClerkCannotTriage() {
        var state = WritingTests.state(role: .clerk(subcommands: ["law"]))
        _ = Update.apply(.startTriage("progress-20261109"), to: &state)
        #expect(state.triage == nil && state.messageIsError)
    }
}

/// The overview's pages of issue 6 and the awards page's writes.
@Suite struct OverviewPagesTests {
    /// The overview on its awards page with the figures worked out.
    static func awardsPage(role: Role?) -> AppState {
        var state = WritingTests.state(role: role)
        state.press(.character("4"))
        while state.overviewPage != .awards { state.press(.character("b")) }
        _ = Update.apply(.figuresComputed(OverviewFigures.build(state.data!)), to: &state)
        return state
    }

    @Test func bGoesThroughEveryPageAndBBack() {
        var state = WritingTests.state(role: nil)
        state.press(.character("4"))
        var seen: [OverviewPage] = [state.overviewPage]
        let pages = OverviewPage.allCases.filter { $0 != .levels }
        for _ in pages { state.press(.character("b")); seen.append(state.overviewPage) }
        // No stores one level down: no page of them.
        #expect(seen == pages + [.cards])
        state.press(.character("B"))
        #expect(state.overviewPage == .special)
        // With some, their page comes last.
        state.hasLowerStores = true
        state.press(.character("b"))
        #expect(state.overviewPage == .levels)
        state.press(.character("b"))
        #expect(state.overviewPage == .cards)
        state.press(.character("B"))
        #expect(state.overviewPage == .levels)
        #expect(OverviewPages.available(state).count == OverviewPage.allCases.count)
    }

    @Test func aPageNeedingTheFiguresAsksForThemWhenTheOverviewIsShownAgain() {
        var state = WritingTests.state(role: nil)
        state.press(.character("4"), .character("b"))
        _ = Update.apply(.figuresComputed(OverviewFigures.build(state.data!)), to: &state)
        state.press(.character("1"))
        // New data while on the board: the figures are dropped, and worked out again on return.
        #expect(Update.apply(.loaded(Fixture.data), to: &state) == [])
        #expect(state.figures == nil)
        #expect(state.press(.character("4")) == [.computeFigures])
    }

    @Test func theWallWorksTheFiguresOutOnlyForThePanelsThatShowThem() {
        var wall = Fixture.state(width: 120, height: 32, wall: true)
        #expect(wall.figures == nil)
        // New data on the summary panel: nothing worked out.
        #expect(Update.apply(.loaded(Fixture.data), to: &wall) == [])
        // → through the panels (Space holds): the ranking panel asks for them, and only once.
        var asked: [WallPanel] = []
        for _ in WallPanel.allCases {
            if wall.press(.right).contains(.computeFigures) {
                asked.append(WallPanel(rawValue: wall.wall.panel)!)
                _ = Update.apply(.figuresComputed(OverviewFigures.build(wall.data!)), to: &wall)
            }
        }
        #expect(asked == [.ranking])
        // New data while the awards panel is up: worked out again at once.
        wall.wall.panel = WallPanel.awards.rawValue
        #expect(Update.apply(.loaded(Fixture.data), to: &wall) == [.computeFigures])
    }

    @Test func theReportPagesScrollNoFurtherThanTheirEnd() {
        var state = WritingTests.state(role: nil)
        state.press(.character("4"))
        while state.overviewPage != .bulletin { state.press(.character("b")) }
        _ = Update.apply(.figuresComputed(OverviewFigures.build(state.data!)), to: &state)
        state.press(.pageDown)
        #expect(state.overviewScroll == state.height - 5)
        state.press(.end)
        let last = state.reportLines!.lines.count - (state.height - 3)
        #expect(state.overviewScroll == last)
        state.press(.down)
        #expect(state.overviewScroll == last)
        #expect(state.screen.contains { $0.contains("\(last + 1)-") })
        state.press(.home)
        #expect(state.overviewScroll == 0)
        // `b` starts the next page at its top.
        state.press(.pageDown, .character("b"))
        #expect(state.overviewPage == .special && state.overviewScroll == 0)
    }

    @Test func gOnTheInvestmentPageSwitchesItsGroupsNotTheBoards() {
        var state = WritingTests.state(role: nil)
        let grouping = state.options.grouping
        state.press(.character("4"), .character("b"), .character("b"))
        #expect(state.overviewPage == .investment)
        _ = Update.apply(.figuresComputed(OverviewFigures.build(state.data!)), to: &state)
        #expect(state.screen.contains { $0.contains("各县（市、区）完成投资对照序时") })
        state.press(.character("g"))
        #expect(state.investmentBySubcommand && state.options.grouping == grouping)
        #expect(state.screen.contains { $0.contains("各分指挥部完成投资对照序时") })
    }

    @Test func aClerkProposesForTheirSubCommandWithTheSuggestionsFilledIn() throws {
        var state = Self.awardsPage(role: WritingTests.law)
        let subcommands = AwardsRender.subcommands(state.figures!, state.data!).map(\.code)
        // Another sub-command's row: refused, naming who may.
        state.awardsSelected = subcommands.firstIndex(of: "municipal")!
        state.press(.character("p"))
        #expect(state.overlay == nil && state.messageIsError && state.message?.contains("lf-office") == true)
        // Their own: the data's best and worst, with the data's words as reasons.
        state.awardsSelected = subcommands.firstIndex(of: "law")!
        state.press(.character("p"))
        guard case let .form(form)? = state.overlay else { Issue.record("no form"); return }
        let report = state.figures!.awards!
        let best = try #require(report.nominations.first { $0.subcommand == "law" && $0.kind == "antelope" })
        let worst = try #require(report.nominations.first { $0.subcommand == "law" && $0.kind == "snail" })
        #expect(form.value("form.award.antelope") == best.project && form.value("form.award.antelopeReason") == best.reason)
        #expect(form.value("form.award.snail") == worst.project)
        // Another best chosen with ← →: its reason becomes the data's words for it.
        state.press(.right)
        let chosen = try #require({ () -> Form? in if case let .form(f)? = state.overlay { return f }; return nil }())
        let other = chosen.value("form.award.antelope")
        #expect(other != best.project)
        let effects = state.press(.enter)
        guard case let .write(.proposeAwards(quarter, subcommand, b, w))? = effects.first else { Issue.record("\(effects)"); return }
        #expect(quarter == Quarter(year: 2026, number: 3) && subcommand == "law")
        #expect(b?.project == other && w?.project == worst.project && w?.reason == worst.reason)
        if other.isEmpty { #expect(b == nil) } else {
            #expect(b?.reason == report.measures[other].map { AwardText(strings: .zh).reason($0, .antelope) } ?? "")
        }
    }

    @Test func aProjectsPageListsItsAwardsAndNominations() throws {
        var state = WritingTests.state(role: nil, width: 120, height: 60)
        var data = state.data!
        let law = data.portfolio.files.map(\.project).filter { $0.subcommand == "law" }.map(\.code).sorted()
        let q2 = Quarter(year: 2026, number: 2)!, q3 = Quarter(year: 2026, number: 3)!, day = Fixture.asOf
        data.portfolio.awards = AwardRecord(
            proposals: [AwardProposal(quarter: q2, subcommand: "law", kind: .snail, project: law[0], reason: "二季度滞后", recordedOn: day),
                        AwardProposal(quarter: q3, subcommand: "law", kind: .snail, project: law[0], reason: "三季度仍滞后", recordedOn: day),
                        AwardProposal(quarter: q3, subcommand: "municipal", kind: .snail, project: "X", recordedOn: day)],
            picks: [AwardPick(quarter: q2, kind: .snail, project: law[0], place: 2, recordedOn: day)])
        _ = Update.apply(.loaded(data), to: &state)
        let lines = DetailRender.page(.project(law[0]), state, width: 120).map(\.text).joined(separator: "\n")
        #expect(lines.contains("季度奖项"))
        #expect(lines.contains("2026年第2季度 蜗牛奖（第 2 名）"))
        #expect(lines.contains("2026年第3季度 提名蜗牛奖，待总指挥部评定：三季度仍滞后"))
        // Once the quarter's snails went to others: not awarded.
        data.portfolio.awards.picks.append(AwardPick(quarter: q3, kind: .snail, project: "X", place: 1, recordedOn: day))
        _ = Update.apply(.loaded(data), to: &state)
        #expect(DetailRender.page(.project(law[0]), state, width: 120).contains { $0.text == "2026年第3季度 提名蜗牛奖，未获评定：三季度仍滞后" })
    }

    @Test func theOfficePicksFromTheProposalsBestFirst() throws {
        var state = Self.awardsPage(role: .office)
        // Nothing proposed yet: said so.
        state.press(.character("a"))
        #expect(state.overlay == nil && state.message == state.strings["msg.noProposals"])
        var data = state.data!
        let q3 = Quarter(year: 2026, number: 3)!, day = Fixture.asOf
        let report = state.figures!.awards!
        let antelopes = report.nominations.filter { $0.kind == "antelope" }.map(\.project)
        data.portfolio.awards = AwardRecord(proposals: report.nominations.filter { $0.kind == "antelope" }.map {
            AwardProposal(quarter: q3, subcommand: $0.subcommand, kind: .antelope, project: $0.project, recordedOn: day)
        })
        _ = Update.apply(.loaded(data), to: &state)
        _ = Update.apply(.figuresComputed(OverviewFigures.build(state.data!)), to: &state)
        state.press(.character("a"))
        guard case let .form(form)? = state.overlay else { Issue.record("no form: \(state.message ?? "")"); return }
        let ranked = antelopes.sorted { (report.measures[$0]?.ratio ?? 0, $1) > (report.measures[$1]?.ratio ?? 0, $0) }
        #expect((1...3).map { form.value("form.award.antelope\($0)") } == Array(ranked.prefix(3)))
        #expect((1...3).map { form.value("form.award.snail\($0)") } == ["", "", ""])
        let effects = state.press(.enter)
        guard case let .write(.pickAwards(quarter, a, b))? = effects.first else { Issue.record("\(effects)"); return }
        #expect(quarter == q3 && a == Array(ranked.prefix(3)) && b.isEmpty)
    }
}
