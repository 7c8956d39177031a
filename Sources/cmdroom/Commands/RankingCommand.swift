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
        var ranked = assessedMonth(asOf: asOf)
        if let month {
            guard let m = YearMonth.parse(month) else { throw Console.usage(options.strings.format("error.badMonth", ["text": month])) }
            do throws(BoardMonthRefusal) { try Board.check(month: m, asOf: asOf, portfolio: portfolio) } catch {
                throw Console.usage(ErrorText(strings: options.strings).line(error))
            }
            ranked = m
        }
        let rows = Ranking.rank(portfolio, rules: store.config.rules, ranking: store.config.ranking, month: ranked, by: by.grouping,
                                organisation: store.config.organisation)
        Console.out(RankingReport(rows: rows, month: ranked, grouping: by.grouping, config: store.config, strings: options.strings)
                        .render(output.format))
    }
}
