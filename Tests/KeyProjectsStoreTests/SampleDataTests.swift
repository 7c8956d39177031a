// The samples' data, not an engine: each sample loaded into a SQLite store shows everything (the linfen sample's PostgreSQL copy reads as its source: BothEnginesParityTests).
import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsStore
import Testing

/// Each sample locality, loaded into a store, is rich enough to show everything: every card
/// kind, every ladder step, issues on every 13710 step, a year of meetings.
@Suite struct SampleDataTests {
    @Test(arguments: SampleLocality.allCases)
    func loadsAndShowsEverything(_ sample: SampleLocality) throws {
        let scratch = Scratch()
        let store = try sampleStore(sample, in: scratch)
        let config = store.config
        let asOf = try #require(config.sampleAsOf)
        let portfolio = try store.loadPortfolio()
        let org = config.organisation

        #expect(portfolio.files.count >= (org.level == .province ? 80 : 40))
        #expect(Set(portfolio.files.map(\.project.subcommand)) == Set(org.subcommands.map(\.code)))
        let months = Set(portfolio.files.flatMap { $0.records.map(\.month) })
        #expect(months.count >= 12)
        #expect(portfolio.files.contains { !$0.milestones.isEmpty } && portfolio.files.contains { !$0.reminders.isEmpty })

        let board = Board.assess(portfolio, rules: config.rules, asOf: asOf)
        for colour in CardColour.allCases { #expect(board.totals[colour] > 0, "\(sample): no \(colour) card") }
        let steps = Set(board.standings.map(\.stall))
        for step in StallStep.allCases { #expect(steps.contains(step), "\(sample): no ladder step \(step)") }

        #expect(portfolio.issues.count >= 30)
        let readings = portfolio.issues.map { Clock13710.reading(of: $0, asOf: asOf, rules: config.rules.clock) }
        for step in ClockStep.allCases { #expect(readings.contains { $0.step == step }, "\(sample): no issue at \(step)") }
        #expect(readings.contains { $0.isOverdue })
        #expect(portfolio.issues.contains { $0.listed && $0.supervision.isComplete })
        let entries = Triage.order(portfolio.issues, projects: portfolio.projectsByCode, asOf: asOf, rules: config.rules.clock)
        #expect(entries.contains { $0.groupSize > 1 })

        let year = portfolio.meetings.filter { $0.date.year == asOf.year }
        for kind in [MeetingKind.annualConference, .plenary, .officeDispatch, .subcommandDispatch, .monthlyProgress, .siteReview] {
            #expect(year.contains { $0.kind == kind }, "\(sample): no \(kind) meeting")
        }
        #expect(year.filter { $0.kind == .plenary }.count == 4)
        #expect(year.filter { $0.kind == .subcommandDispatch }.count == 12 * org.subcommands.count)
        // Every sub-command's dispatch is chaired by its commander.
        for m in year where m.kind == .subcommandDispatch {
            guard case let .subcommand(code) = m.scope, let sub = org.subcommand(code) else { Testing.Issue.record("scope"); continue }
            #expect(m.chair == org.leader(sub.commander)?.name)
        }
    }

    @Test func theGeneratorIsDeterministicAndScales() throws {
        var settings = try SampleLocality.linfen.generatorSettings()
        settings.projects = 500
        settings.issues = 1_250
        settings.meetingCount = 700
        settings.historyMonths = 12
        let a = DemoGenerator(settings).portfolio(), b = DemoGenerator(settings).portfolio()
        #expect(a.files.count == 500 && a.issues.count == 1_250 && a.meetings.count == 700)
        #expect(a.files.map(\.project) == b.files.map(\.project))
        #expect(a.files.map(\.records) == b.files.map(\.records))
        // Twelve months, or those since January of the start year (a project in 前期 starting
        // this year): no figures before a project's start year (issue 11 §8).
        #expect(a.files.allSatisfy { file in
            file.records.isEmpty || file.records.count == 12
                || (file.records.count < 12 && file.records.first?.month == YearMonth(year: file.project.startYear ?? 0, month: 1))
        })
        #expect(a.files.allSatisfy { file in file.records.allSatisfy { $0.month.year >= (file.project.startYear ?? 0) } })
        settings.seed += 1
        #expect(DemoGenerator(settings).portfolio().files.map(\.project) != a.files.map(\.project))
        #expect(Set(a.files.map(\.project.code)).count == 500)
        #expect(Set(a.meetings.map(\.id)).count == 700)
    }
}
