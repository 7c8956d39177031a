import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Meetings between two days (default: the as-of month).")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: FormatOption

    @Option(help: ArgumentHelp("First day.", valueName: "yyyy-mm-dd"))
    var from: String?

    @Option(help: ArgumentHelp("Last day.", valueName: "yyyy-mm-dd"))
    var to: String?

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let asOf = try options.asOfDay(store.config)
        func day(_ text: String?, _ fallback: Day) throws -> Day {
            guard let text else { return fallback }
            guard let d = Day.parse(text) else { throw Console.usage(options.strings.format("error.badDate", ["text": text])) }
            return d
        }
        let first = try day(from, asOf.yearMonth.firstDay)
        let last = try day(to, max(first, asOf.yearMonth.lastDay))
        let meetings = try options.fail { () throws(StoreError) in try store.meetings(from: first, to: last) }
        let report = CalendarReport(meetings: meetings, config: store.config, from: first, to: last, strings: options.strings)
        Console.out(report.render(output.format))
    }
}
