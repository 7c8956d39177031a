import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

/// `cmdroom org`: the organisation of locality.toml and the 责任清单 of the ledger (issue 16).
struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "The organisation (headquarters, office, sub-commands, working groups, member units, duty table) and the responsibility list (责任清单).",
        discussion: "For every project its liaison leader (包联领导), responsible unit and person; for every leader the projects held, flagging a leader of the headquarters above [liaison] max_projects of locality.toml, and the projects without a leader.")

    @OptionGroup var options: StoreOptions
    @Option(help: "Output: text, md (Markdown) or json.") var format: DocumentFormat = .text

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let portfolio = try options.fail { () throws(StoreError) in try store.loadPortfolio() }
        let report = OrganisationReport(organisation: store.config.organisation, projects: portfolio.files.map(\.project),
                                        strings: options.strings)
        switch format {
        case .text: Console.out(report.text())
        case .md: Console.out(report.markdown())
        case .json: Console.out(report.json())
        }
    }
}
