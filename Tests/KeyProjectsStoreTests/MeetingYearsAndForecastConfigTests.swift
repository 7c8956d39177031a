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
        try Store.create(at: dir, from: source, asOf: Day.parse("2025-06-30")!)
        let store = try Store.open(dir)
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
