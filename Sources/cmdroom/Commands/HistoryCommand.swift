import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Who changed what and when, from the change log, newest first.",
        discussion: """
            --project lists the project's own row, its monthly records, milestones and reminders, \
            and its issues; --issue one issue. Text shows the fields that changed (completed: 120 → 135); \
            json and csv give the same with English codes, ISO dates and amounts in 万元.
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: FormatOption

    @Option(help: ArgumentHelp("A project's code.", valueName: "code"), completion: Completions.projects)
    var project: String?

    @Option(help: ArgumentHelp("An issue's id.", valueName: "id"))
    var issue: String?

    func validate() throws {
        if (project == nil) == (issue == nil) { throw Console.usage(options.strings["cli.history.oneOf"]) }
    }

    func run() throws {
        let w = try WriteSession(options, readOnly: true)
        let s = w.strings
        let store = w.store
        var entries: [ChangeEntry] = []
        func add(_ entity: String, _ key: String) throws {
            entries += try w.run { () throws(StoreError) in try store.history(entity: entity, key: key) }
        }
        let title: String
        if let project {
            let file = try w.project("--project", project)
            let code = file.project.code
            title = s.format("cli.history.title", ["what": "\(s["entity.project"]) \(w.projectLabel(file))"])
            entries = try w.run { () throws(StoreError) in try store.projectHistory(code, limit: 100_000) }
        } else {
            let id = (issue ?? "").trimmingASCIISpaces()
            try add("issue", id)
            if entries.isEmpty { _ = try w.issue("--issue", id) }
            title = s.format("cli.history.title", ["what": "\(s["entity.issue"]) \(id)"])
        }
        var seen = Set<Int64>()
        entries = entries.filter { seen.insert($0.id).inserted }.sorted { $0.id > $1.id }
        let rows = entries.map { ChangeRow($0, roster: store.config.roster) }
        switch output.format {
        case .text:
            var out = title + "\n\n"
            out += rows.isEmpty ? s["cli.history.empty"] + "\n" : ChangeReport.render(rows, .text, s)
            Console.out(out)
        case .json, .csv:
            Console.out(ChangeReport.render(rows, output.format, s))
        }
    }
}
