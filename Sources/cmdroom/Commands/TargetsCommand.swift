import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

/// `cmdroom targets`: the year's targets of locality.toml with their actuals.
struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "The year's targets ([[targets]] in locality.toml) with the actuals the ledgers can tell.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let asOf = try options.asOfDay(store.config)
        let portfolio = try options.fail { () throws(StoreError) in try store.loadPortfolio() }
        Console.out(TargetsReport(portfolio: portfolio, config: store.config, asOf: asOf, strings: options.strings).render(output.format))
    }
}
