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
    @Argument(help: ArgumentHelp("The meeting's id (cmdroom calendar lists them).", valueName: "meeting"), completion: Completions.meetings) var meeting: String
    @Option(help: "Output: text, md (Markdown) or json.") var format: DocumentFormat = .text

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let portfolio = try options.fail { () throws(StoreError) in try store.loadPortfolio() }
        // By its id, or the id it was scheduled under when held on another day.
        guard let m = Meetings.find(meeting.trimmingASCIISpaces(), in: portfolio.meetings, calendar: store.config.rules.clock.calendar) else {
            throw options.unknownMeeting(meeting)
        }
        let agenda = Agenda.build(for: m, portfolio: portfolio, rules: store.config.rules, organisation: store.config.organisation,
                                  ranking: store.config.ranking)
        let report = AgendaReport(meeting: m, agenda: agenda, config: store.config, strings: options.strings)
        switch format {
        case .text: Console.out(report.text())
        case .md: Console.out(report.markdown())
        case .json: Console.out(jsonText(AgendaJSON(meeting: m.id, title: m.title, date: m.date.iso, month: agenda.month.iso, items: report.jsonItems,
                                                 warnings: report.jsonWarnings)))
        }
    }
}

extension StoreOptions {
    /// `cmdroom: <meeting> “x”：没有这场会议` on stderr; exit 2.
    func unknownMeeting(_ text: String) -> ExitCode {
        Console.error(strings.format("cli.badValue", ["option": "<meeting>", "value": text, "problem": strings["cli.noSuchMeeting"]]))
        return ExitCode(2)
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
    /// 预警项目 (a sub-command's monthly dispatch; empty elsewhere).
    var warnings: [AgendaReport.Warning]
}

/// `cmdroom minutes MEETING`: the minutes built from what was recorded at the meeting.
struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "A meeting's minutes (纪要): its decisions with unit, person, deadline and tracking issue; interviews held; issues worked.")

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp("The meeting's id.", valueName: "meeting"), completion: Completions.meetings) var meeting: String
    @Option(help: "Output: text, md (Markdown) or json.") var format: DocumentFormat = .text

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let id = meeting.trimmingASCIISpaces()
        guard let m = try options.fail({ () throws(StoreError) in try store.meeting(id) }) else {
            throw options.unknownMeeting(meeting)
        }
        let decisions = try options.fail { () throws(StoreError) in try store.decisions(meeting: m.id) }
        let names = try options.fail { () throws(StoreError) in try store.loadPortfolio(.board) }
            .files.reduce(into: [String: String]()) { $0[$1.project.code] = $1.project.name }
        let report = MinutesReport(meeting: m, decisions: decisions, projectNames: names, config: store.config, strings: options.strings)
        switch format {
        case .text: Console.out(report.text())
        case .md: Console.out(report.markdown())
        case .json:
            Console.out(jsonText(decisions.map { d in
                DecisionJSON(id: d.id, item: d.item, project: d.project, kind: d.kind.rawValue, text: d.text, unit: d.unit,
                             person: d.person, deadline: d.deadline?.iso, issue: d.issue, recordedOn: d.recordedOn.iso)
            }))
        }
    }
}

/// `minutes --format json`: one object per thing recorded, in order.
struct DecisionJSON: Encodable {
    var id: String
    var item: String
    var project: String
    /// decision, interview-held, statement-made, assigned, deadline, escalated, listed.
    var kind: String
    var text: String
    var unit: String
    var person: String
    @NullWhenEmpty var deadline: String?
    var issue: String
    var recordedOn: String
}
