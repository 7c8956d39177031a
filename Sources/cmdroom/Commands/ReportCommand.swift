import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

/// `cmdroom report monthly`: the monthly bulletin.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports for leaders: the monthly bulletin (月通报) and the special report (专报).",
        subcommands: [MonthlyReportCommand.self, SpecialReportCommand.self])
}

enum BulletinFormat: String, ExpressibleByArgument, CaseIterable { case md, text, csv }
enum SpecialFormat: String, ExpressibleByArgument, CaseIterable { case md, text }

struct MonthlyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly",
        abstract: "The monthly bulletin: the whole picture, each sub-command, the localities' ranking, red and yellow cards, overdue issues.",
        discussion: "Every figure is the board's for that month (board --month) and the issues as they stood at its end.")

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The month (default: the last month ended by the as-of day).", valueName: "yyyy-mm")) var month: String?
    @Option(help: "Output: md (Markdown), text (tables aligned for a terminal) or csv.") var format: BulletinFormat = .md
    @OptionGroup var encoding: EncodingOption

    func run() throws {
        let (store, portfolio, reported) = try options.openForMonthlyReport(month)
        let report = BulletinReport(portfolio: portfolio, config: store.config, month: reported, strings: options.strings)
        switch format {
        case .md: Console.out(report.markdown())
        case .text: Console.out(report.text())
        case .csv: Console.out(report.csv())
        }
    }
}

struct SpecialReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "special",
        abstract: "The monthly special report to leaders (专报): decisions, progress, the month's work, good examples, shortcomings, next month.",
        discussion: "Figures are the bulletin's for that month; decisions are those recorded at the month's meetings (triage).")

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The month (default: the last month ended by the as-of day).", valueName: "yyyy-mm")) var month: String?
    @Option(help: "Output: md (Markdown) or text.") var format: SpecialFormat = .md

    func run() throws {
        let (store, portfolio, reported) = try options.openForMonthlyReport(month)
        let decisions = try options.fail { () throws(StoreError) in try store.decisions(in: reported) }
        let report = SpecialReport(portfolio: portfolio, config: store.config, month: reported, decisions: decisions, strings: options.strings)
        Console.out(format == .md ? report.markdown() : report.text())
    }
}

extension StoreOptions {
    /// The store read-only, everything in it, and the month a monthly report is for.
    func openForMonthlyReport(_ month: String?) throws -> (Store, Portfolio, YearMonth) {
        let store = try openStore(readOnly: true)
        let asOf = try asOfDay(store.config)
        let portfolio = try fail { () throws(StoreError) in try store.loadPortfolio() }
        return (store, portfolio, try reportMonth(month, asOf: asOf, portfolio: portfolio))
    }
}
