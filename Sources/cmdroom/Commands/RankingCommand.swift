import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

/// `cmdroom ranking`: the month's ranking of the localities or the sub-commands.
struct RankingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ranking",
        abstract: "The monthly ranking of the localities (counties, or cities at province level) or the sub-commands.",
        discussion: "Each is scored on start/resume of work, investment against plan, the card mix and issues solved on time; the change against last month and the ones in the bottom N for M months running ([ranking] in locality.toml) are marked.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: FormatOption

    @Option(help: "Rank the localities (county) or the sub-commands.")
    var by: GroupOption = .county

    @Option(help: ArgumentHelp("The month (default: the last month ended by the as-of day).", valueName: "yyyy-mm"))
    var month: String?

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let asOf = try options.asOfDay(store.config)
        let portfolio = try options.fail { () throws(StoreError) in try store.loadPortfolio() }
        let ranked = try options.reportMonth(month, asOf: asOf, portfolio: portfolio)
        let rows = Ranking.rank(portfolio, rules: store.config.rules, ranking: store.config.ranking, month: ranked, by: by.grouping,
                                organisation: store.config.organisation)
        Console.out(RankingReport(rows: rows, month: ranked, grouping: by.grouping, config: store.config, strings: options.strings)
                        .render(output.format))
    }
}

extension StoreOptions {
    /// The month a report is for: `--month` (checked: ended by the as-of day, not before the
    /// ledger), else the last month ended by the as-of day.
    func reportMonth(_ text: String?, asOf: Day, portfolio: Portfolio) throws -> YearMonth {
        guard let text else { return assessedMonth(asOf: asOf) }
        guard let m = YearMonth.parse(text) else { throw Console.usage(strings.format("error.badMonth", ["text": text])) }
        do throws(BoardMonthRefusal) { try Board.check(month: m, asOf: asOf, portfolio: portfolio) } catch {
            throw Console.usage(ErrorText(strings: strings).line(error))
        }
        return m
    }
}
