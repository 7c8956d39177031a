@testable import CommandRoom
import Foundation
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import StringTables
import TerminalKit
import Testing

/// Issue 13 items 4 and 6: numbers as typed in Chinese offices, through the grid; the forms
/// show what is there before it is overwritten; "截至日" when the as-of day is not today.
@Suite struct NumbersTests {
    @Test func theGridTakesFullWidthDigitsAndTheUnit() throws {
        var (state, rows) = GridPasteTests.grid()
        try #require(!rows.isEmpty)
        _ = state.type("１２．５万元")
        let grid = try #require(state.grid)
        #expect(grid.text(rows[0], .completed) == "１２．５万元")
        #expect(grid.problem(rows[0], .completed, today: Fixture.asOf) == nil)
        #expect(!state.screen[state.height - 2].contains("不是数字"))
        let effects = state.press(.control("s"))
        let sent = effects.compactMap { effect -> ProgressEntry? in
            if case let .write(.progress(entry, _)) = effect { return entry }
            return nil
        }
        #expect(sent.map(\.completed) == [Money(yuan: 125_000)])
    }

    @Test func theGridRefusesAnExcelDateSerialWithTheAcceptedForms() throws {
        var (state, rows) = GridPasteTests.grid()
        let i = try #require(rows.firstIndex { $0.nextMilestone != nil })
        state.grid?.row = i
        _ = Update.apply(.paste("１\t\t46296"), to: &state)
        let problem = try #require(state.grid?.problem(rows[i], .milestone, today: Fixture.asOf))
        #expect(problem == .notADate("46296"))
        #expect(state.errorText.progressProblem(problem) == "“46296”不是日期（应写作 2026-10-05、2026/10/5 或 2026年10月5日；不收 Excel 日期序号和 2026.10.5）")
    }

    @Test func aBadDateNamesTheAcceptedFormsInBothLanguages() {
        let zh = ErrorText(strings: Strings.of(.zh)), en = ErrorText(strings: Strings.of(.en))
        #expect(zh.progressProblem(.notADate("2026.10.5")).contains("2026-10-05、2026/10/5 或 2026年10月5日"))
        #expect(en.progressProblem(.notADate("2026.10.5")).contains("2026-10-05, 2026/10/5 or 2026年10月5日"))
        let ledger = LedgerProblem(file: "m.csv", line: 2, column: "实际日期", reason: .notADate("46296"))
        #expect(zh.problem(ledger).contains("Excel 日期序号") && en.problem(ledger).contains("Excel date serial number"))
    }

    /// The as-of day is "today" only when it is the real date.
    @Test func theAsOfDayIsNotCalledTodayWhenItIsNot() {
        let asOf = Day.parse("2026-10-31")!, later = Day.parse("2026-11-05")!
        let real = ErrorText(strings: Strings.of(.zh), realToday: asOf)
        let past = ErrorText(strings: Strings.of(.zh), realToday: Day.parse("2026-11-30")!)
        #expect(real.progressProblem(.dateAfter(later, today: asOf)) == "2026-11-05 晚于今天 2026-10-31")
        #expect(past.progressProblem(.dateAfter(later, today: asOf)) == "2026-11-05 晚于截至日 2026-10-31")
        #expect(past.progressProblem(.monthNotBegun(YearMonth(year: 2026, month: 11)!, today: asOf)) == "2026-11 尚未开始（截至日 2026-10-31）")
        #expect(past.progressProblem(.reminderDate(Day.parse("2025-01-01")!, today: asOf)).contains("截至日（2026-10-31）"))
        let en = ErrorText(strings: Strings.of(.en), realToday: Day.parse("2026-11-30")!)
        #expect(en.progressProblem(.dateAfter(later, today: asOf)) == "2026-11-05 is after the as-of day, 2026-10-31")
        // In the dashboard: the state knows the real date.
        var state = WritingTests.state(role: WritingTests.law)
        state.realToday = Day.parse("2026-11-30")!
        #expect(state.errorText.progressProblem(.dateAfter(later, today: asOf)).contains("截至日"))
    }

    @Test func theReminderFormShowsTheDaysEarlierReminders() throws {
        var state = WritingTests.state(role: WritingTests.law)
        WritingTests.select("law", &state)
        let data = try #require(state.data)
        guard case let .project(index) = state.board.rows[state.board.selected] else { Issue.record("no project"); return }
        var file = try #require(data.file(data.board.standings[index].project.code))
        file.reminders.append(Reminder(project: file.project.code, date: Fixture.asOf, by: "张敏", note: "请加快竣工前准备"))
        file.reminders.append(Reminder(project: file.project.code, date: Fixture.asOf.adding(days: -1), by: "李华", note: "昨天的"))
        state.projectFile = file
        state.press(.character("c"))
        guard case let .form(form)? = state.overlay else { Issue.record("no form"); return }
        #expect(form.before == ["2026-10-31 已有 1 条催办（同一人再催办，内容接在其后）：", "  张敏：请加快竣工前准备"])
        let screen = state.screen.joined(separator: "\n")
        #expect(screen.contains("张敏：请加快竣工前准备") && !screen.contains("昨天的"))
    }

    @Test func anIssueStepShowsWhatItWouldOverwrite() throws {
        let state = WritingTests.state(role: .office)
        var issue = try #require(state.data?.queue.first?.issue)
        issue.note = "已协调土地指标"
        issue.deadline = Day.parse("2026-11-15")
        issue.deadlineReason = "待省厅批复"
        #expect(FormCatalog.step(.deadline, issue, state).before == ["现有期限：2026-11-15，理由：待省厅批复（提交后替换）"])
        #expect(FormCatalog.step(.feedback, issue, state).before == ["现有说明：已协调土地指标（提交后替换）"])
        issue.note = ""
        #expect(FormCatalog.step(.feedback, issue, state).before.isEmpty)
    }
}
