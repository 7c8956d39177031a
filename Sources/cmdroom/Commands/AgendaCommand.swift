import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

/// How an agenda or minutes print: text, Markdown or JSON.
enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, json
}

/// `cmdroom agenda MEETING`: the meeting's agenda, built from what is due as of its date.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "A meeting's agenda, built as of its date: red-card statements, yellow-card interviews, stalled projects, overdue and listed issues in its scope.",
        discussion: "The cards are those of the last month ended by the meeting's date; the issues as they stood on it. --format md prints Markdown for the printer or the minutes.")

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp("The meeting's id (cmdroom calendar lists them).", valueName: "meeting")) var meeting: String
    @Option(help: "Output: text, md (Markdown) or json.") var format: DocumentFormat = .text

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let portfolio = try options.fail { () throws(StoreError) in try store.loadPortfolio() }
        guard let m = portfolio.meetings.first(where: { $0.id == meeting.trimmingASCIISpaces() }) else {
            Console.error(options.strings.format("cli.badValue", ["option": "<meeting>", "value": meeting,
                                                                 "problem": options.strings["cli.noSuchMeeting"]]))
            throw ExitCode(2)
        }
        let agenda = Agenda.build(for: m, portfolio: portfolio, rules: store.config.rules)
        let report = AgendaReport(meeting: m, month: agenda.month, items: agenda.items, config: store.config, strings: options.strings)
        switch format {
        case .text: Console.out(report.text())
        case .md: Console.out(report.markdown())
        case .json: Console.out(jsonText(AgendaJSON(meeting: m.id, title: m.title, date: m.date.iso, month: agenda.month.iso, items: report.jsonItems)))
        }
    }
}

/// `agenda --format json`.
struct AgendaJSON: Encodable {
    var meeting: String
    var title: String
    var date: String
    /// The month whose cards the agenda uses.
    var month: String
    var items: [AgendaReport.Item]
}
