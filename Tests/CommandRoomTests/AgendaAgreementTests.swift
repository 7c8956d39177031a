import CommandRoom
import KeyProjects
import KeyProjectsReports
import StringTables
import Testing

/// Issue 15 §2: `cmdroom agenda` and the meeting page agree — the page's agenda is the domain's
/// agenda builder's, item for item and line for line.
@Suite struct AgendaAgreementTests {
    @Test(arguments: ["plenary-20261225", "progress-20261109", "sub-law-20261106", "office-20261215"])
    func theMeetingPageHasTheAgendaCommandsItems(_ id: String) throws {
        let data = Fixture.data
        let meeting = try #require(Meetings.find(id, in: data.portfolio.meetings), "\(id) is not in the sample")
        let page = MeetingAgenda.build(meeting, data)
        let built = Agenda.build(for: meeting, portfolio: data.portfolio, rules: data.config.rules, organisation: data.organisation,
                                 ranking: data.config.ranking)
        #expect(page.month == built.month)
        #expect(page.items.map(\.key) == built.items.map(\.key))
        let report = AgendaReport(meeting: meeting, agenda: built, config: data.config, strings: .zh)
        let pageReport = AgendaReport(meeting: meeting, month: page.month, items: page.items, config: data.config, strings: .zh)
        #expect(page.items.map(pageReport.line) == built.items.map(report.line))
    }
}
