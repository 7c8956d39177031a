import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

struct IssuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issues",
        abstract: "The issue queue (问题清单) in triage order, on the 13710 clock.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: FormatOption

    @Flag(help: "Only issues past their 13710 due date.")
    var overdue = false

    @Flag(help: "Only issues under listed supervision (挂牌督办).")
    var listed = false

    @Flag(help: "Include cleared issues.")
    var all = false

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let asOf = try options.asOfDay(store.config)
        let portfolio = try options.fail { () throws(StoreError) in try store.loadPortfolio(.issues) }
        let report = IssueQueueReport(portfolio: portfolio, config: store.config, asOf: asOf, strings: options.strings,
                                      overdueOnly: overdue, listedOnly: listed, includeCleared: all)
        Console.out(report.render(output.format))
    }
}
