import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsStore
import Testing

/// Issue 15 §3–§4 at the store: a store made for a day names that year's meetings; the early
/// warning's pace window from locality.toml.
@Suite struct MeetingYearsAndForecastConfigTests {
    @Test func initAsOfExpandsThatDaysYearAndTheNext() throws {
        let scratch = Scratch()
        let source = scratch.path("source")
        try SampleLocality.lingchuan.write(to: source)
        let dir = scratch.path("store2025")
        try SQLiteStore.create(at: dir, from: source, asOf: Day.parse("2025-06-30")!)
        let store = try SQLiteStore.open(dir)
        let all = try store.loadMeetings()
        #expect(all.first?.date.year == 2025)
        #expect(all.last?.date.year == 2026)
        #expect(all.contains { $0.kind == .plenary && $0.date.year == 2025 })
        #expect(!all.contains { $0.date.year == 2027 })
        // A red card of May 2025 names the 2025 plenary, not one of the clock's year.
        #expect(Meetings.statementMeeting(for: YearMonth(year: 2025, month: 5)!, in: all)?.date.year == 2025)
    }

    @Test func thePaceWindowIsReadFromLocalityToml() throws {
        let base = SampleLocality.linfen.localityTOML
        #expect(try LocalityFile.parse(base, file: "locality.toml").rules.forecast.paceMonths == 3)
        let six = base.replacingOccurrences(of: "[rules.cards]", with: "[rules.forecast]\npace_months = 6\n\n[rules.cards]")
        #expect(six != base)
        #expect(try LocalityFile.parse(six, file: "locality.toml").rules.forecast.paceMonths == 6)
        let bad = base.replacingOccurrences(of: "[rules.cards]", with: "[rules.forecast]\npace_months = 0\n\n[rules.cards]")
        guard case let .configInvalid(_, problems)? = storeError({ _ = try LocalityFile.parse(bad, file: "locality.toml") }) else {
            Issue.record("pace_months = 0 accepted"); return
        }
        #expect(problems.contains { $0.path == "rules.forecast.pace_months" })
    }
}

/// Issue 15 §3: a moved meeting's id and title follow the day it is held, the scheduled id
/// stays an alias, and a weekly meeting moved onto the next one's day is said, not dropped.
@Suite struct MovedMeetingTests {
    let today = Day.parse("2026-10-31")!

    @Test func aWeeklyMeetingMovedTakesTheIdAndWeekOfItsDay() throws {
        let scratch = Scratch()
        let store = try emptyStore(.linfen, in: scratch)
        // Monday 2026-11-02 (week 45) moved to Wednesday 2026-11-04: same week, new id.
        let moved = try store.moveMeeting("weekly-20261102", to: Day.parse("2026-11-04")!, on: today)
        #expect(moved.id == "weekly-20261104" && moved.title == "2026年第45周项目调度会" && moved.scheduledOn == Day.parse("2026-11-02")!)
        // Moved again, into the next week's Sunday: the title names that week.
        let again = try store.moveMeeting("weekly-20261102", to: Day.parse("2026-11-15")!, on: today)
        #expect(again.id == "weekly-20261115" && again.title == "2026年第46周项目调度会")
        #expect(try store.meeting("weekly-20261104") == nil)
        // The scheduled id is accepted wherever a meeting is named.
        #expect(try store.meeting("weekly-20261102")?.id == "weekly-20261115")
        let cancelled = try store.cancelMeeting("weekly-20261102", reason: "并入月度推进会")
        #expect(cancelled.id == "weekly-20261115" && cancelled.cancelled)
    }

    @Test func aWeeklyMeetingMovedOntoTheNextOnesDayIsRefusedWithWhy() throws {
        let scratch = Scratch()
        let store = try emptyStore(.linfen, in: scratch)
        let count = try store.changeLogCount()
        let error = storeError { _ = try store.moveMeeting("weekly-20261102", to: Day.parse("2026-11-09")!, on: today) }
        guard case let .invalidValue(_, .sameDayAsAnother(id, other, date))? = error else {
            Issue.record("not refused as the same day: \(String(describing: error))"); return
        }
        #expect(id == "weekly-20261102" && other == "weekly-20261109" && date == Day.parse("2026-11-09")!)
        #expect(try store.changeLogCount() == count)
        #expect(try store.meeting("weekly-20261102")?.date == Day.parse("2026-11-02")!)
        #expect(try store.meeting("weekly-20261109") != nil)
    }

    @Test func aMeetingHeldOnTheNextWorkingDayIsNamedByItAndFoundByItsCadenceDay() throws {
        let scratch = Scratch()
        let store = try emptyStore(.linfen, in: scratch)
        // The monthly progress meeting falls on the 8th; 2026-11-08 is a Sunday.
        let held = try #require(try store.meeting("progress-20261109"))
        #expect(held.date == Day.parse("2026-11-09")! && held.title == "2026年11月重点项目月度推进会")
        #expect(try store.meeting("progress-20261108")?.id == "progress-20261109")
        // A day that is not a day off before it names nothing.
        #expect(try store.meeting("progress-20261106") == nil)
    }

    @Test func aMoveIsUndoneWholeAndAHeldMeetingIsNotMoved() throws {
        let scratch = Scratch()
        let store = try emptyStore(.linfen, in: scratch)
        try store.moveMeeting("plenary-20261225", to: Day.parse("2026-12-28")!, on: today)
        try store.undoLast()
        #expect(try store.meeting("plenary-20261225")?.date == Day.parse("2026-12-25")!)
        #expect(try store.meeting("plenary-20261228") == nil)
        try store.record(DecisionInput(meeting: "plenary-20261225", item: "x", project: "", kind: .statementMade), on: today)
        let error = storeError { _ = try store.moveMeeting("plenary-20261225", to: Day.parse("2026-12-28")!, on: today) }
        guard case .invalidValue(_, .meetingHeld)? = error else { Issue.record("moved a held meeting: \(String(describing: error))"); return }
    }
}

/// Issue 15 §3: triage numbers the agenda once, when it starts; the numbers are kept while
/// items are worked.
@Suite struct AgendaNumberingTests {
    @Test func theAgendaKeepsItsNumbersWhileItemsAreWorked() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let day = Day.parse("2026-11-09")!
        let meeting = "progress-20261109"
        let portfolio = try store.loadPortfolio()
        let m = try #require(Meetings.find(meeting, in: portfolio.meetings))
        #expect(m.agendaOrder.isEmpty)
        let before = Agenda.build(for: m, portfolio: portfolio, rules: store.config.rules, organisation: store.config.organisation,
                                  ranking: store.config.ranking).items
        let overdue = try #require(before.first { if case .overdueIssue = $0 { return true }; return false })
        guard case let .overdueIssue(entry) = overdue else { return }
        // The first thing recorded numbers the agenda, in the same write.
        try store.record(DecisionInput(meeting: meeting, item: overdue.key, project: entry.issue.project, kind: .assigned,
                                       unit: "市发展改革委", issue: entry.issue.id, action: .dispatch(unit: "市发展改革委")), on: day)
        let after = try store.loadPortfolio()
        let numbered = try #require(Meetings.find(meeting, in: after.meetings))
        #expect(numbered.agendaOrder == before.map(\.key))
        // Reassigned, the issue is no longer overdue today; the agenda keeps it where it was.
        let rebuilt = Agenda.build(for: numbered, portfolio: after, rules: store.config.rules, organisation: store.config.organisation,
                                   ranking: store.config.ranking).items
        #expect(rebuilt.map(\.key) == before.map(\.key))
        // Numbering again changes nothing.
        #expect(try store.numberAgenda(meeting) == before.map(\.key))
        // Through its scheduled id too.
        #expect(try store.numberAgenda("progress-20261108") == before.map(\.key))
    }

    @Test func keepingNumbersPutsNewItemsAfterTheNumberedOnes() {
        let p = Project(code: "P1", name: "项目", level: .city, subcommand: "s", locality: "l", totalInvestment: Money(wan: 10), annualPlan: Money(wan: 1))
        let file = ProjectFile(project: p)
        let board = Board.assess(Portfolio(files: [file]), rules: RuleSettings(), asOf: Day.parse("2026-11-09")!)
        let st = board.standings[0]
        let items: [AgendaItem] = [.stalled(st), .interview(st)]
        let kept = Agenda.keepingNumbers(items, order: ["interview:P1", "statement:P1"], board: board, queue: [])
        #expect(kept.map(\.key) == ["interview:P1", "statement:P1", "stalled:P1"])
    }
}
