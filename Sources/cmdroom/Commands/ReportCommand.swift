import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

/// `cmdroom report monthly`: the monthly bulletin.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports for leaders: the monthly bulletin (月通报).",
        subcommands: [MonthlyReportCommand.self])
}

enum BulletinFormat: String, ExpressibleByArgument, CaseIterable { case md, csv }

struct MonthlyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly",
        abstract: "The monthly bulletin: the whole picture, each sub-command, the localities' ranking, red and yellow cards, overdue issues.",
        discussion: "Every figure is the board's for that month (board --month) and the issues as they stood at its end.")

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The month (default: the last month ended by the as-of day).", valueName: "yyyy-mm")) var month: String?
    @Option(help: "Output: md (Markdown) or csv.") var format: BulletinFormat = .md

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let asOf = try options.asOfDay(store.config)
        let portfolio = try options.fail { () throws(StoreError) in try store.loadPortfolio() }
        let reported = try options.reportMonth(month, asOf: asOf, portfolio: portfolio)
        let report = BulletinReport(portfolio: portfolio, config: store.config, month: reported, strings: options.strings)
        Console.out(format == .md ? report.markdown() : report.csv())
    }
}
