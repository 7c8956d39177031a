import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

enum GroupOption: String, ExpressibleByArgument, CaseIterable {
    case subcommand, county, locality
    var grouping: BoardGrouping { self == .subcommand ? .subcommand : .locality }
}

struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "The three-colour board: each project's card and why, and counts per group.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: FormatOption

    @Option(help: "Group by sub-command or by county (locality).")
    var group: GroupOption = .subcommand

    @Option(help: ArgumentHelp("The month to assess (default: the last month ended by the as-of day).", valueName: "yyyy-mm"))
    var month: String?

    @Flag(help: "Print only the counts per group.")
    var summary = false

    @Flag(help: "ASCII card glyphs (B ~ Y R) for terminals that draw ● ▲ ■ two columns wide.")
    var ascii = false

    func run() throws {
        try BoardCommand.print(options, output.format, group: group.grouping, month: month, summary: summary, ascii: ascii)
    }

    /// Prints the board of the store as text, JSON or CSV.
    static func print(_ options: StoreOptions, _ format: OutputFormat, group: BoardGrouping, month: String?,
                      summary: Bool, ascii: Bool) throws {
        let store = try options.openStore(readOnly: true)
        let asOf = try options.asOfDay(store.config)
        var assessed: YearMonth? = nil
        if let month {
            guard let m = YearMonth.parse(month) else { throw Console.usage(options.strings.format("error.badMonth", ["text": month])) }
            assessed = m
        }
        let portfolio = try options.fail { () throws(StoreError) in try store.loadPortfolio(.board, issuesOpenOn: asOf) }
        if let assessed {
            do throws(BoardMonthRefusal) {
                try Board.check(month: assessed, asOf: asOf, portfolio: portfolio)
            } catch {
                throw Console.usage(ErrorText(strings: options.strings).line(error))
            }
        }
        let board = Board.assess(portfolio, rules: store.config.rules, asOf: asOf, month: assessed)
        var report = BoardReport(board: board, config: store.config, grouping: group, strings: options.strings,
                                 meetings: portfolio.meetings)
        report.ascii = ascii
        Console.out(report.render(format, summaryOnly: summary))
    }
}
