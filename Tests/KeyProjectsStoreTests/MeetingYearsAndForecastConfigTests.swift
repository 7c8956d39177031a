// SQLite only or no store: a store made for a day (`SQLiteStore.create(asOf:)`), locality.toml, the agenda's numbering; the meetings moved, numbered and undone in a store run on both engines in KeyProjectsPostgresTests/BothEnginesMeetingTests.
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

/// Issue 15 §3: the agenda's numbers kept when new items come (no store).
@Suite struct AgendaNumberingTests {
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
