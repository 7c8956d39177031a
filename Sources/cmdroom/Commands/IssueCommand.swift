import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

struct IssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Register an issue and take the steps of its life cycle on the 13710 clock.",
        discussion: """
            Every step is dated the as-of day and checked against the roster and the workflow: \
            a refused step exits 1 with the reason. `cmdroom issues` lists the queue.
            """,
        subcommands: [IssueNewCommand.self, IssueDispatchCommand.self, IssueArrangeCommand.self, IssueFeedbackCommand.self,
                      IssueResolveCommand.self, IssueConfirmCommand.self, IssueReopenCommand.self, IssueReturnCommand.self,
                      IssueEscalateCommand.self, IssueListCommand.self, IssueUnlistCommand.self, IssuePlanCommand.self,
                      IssueDeadlineCommand.self])
}

struct IssueNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Register an issue of a project; prints its new id.",
        discussion: """
            Category, kind and level take the English code or the Chinese word, as the ledgers do \
            (--category land or 用地). The level defaults to the headquarters' own.
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption

    @Option(help: ArgumentHelp("The project code.", valueName: "code"))
    var project: String

    @Option(help: ArgumentHelp("approval, land, environment, energy, funding, demolition, obstruction, utilities (水气暖), power (电力), business-environment, other.",
                               valueName: "category"))
    var category: String

    @Option(help: ArgumentHelp("问题描述.", valueName: "text"))
    var description: String

    @Option(help: ArgumentHelp("general, major or obstruction (default: general).", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("Who can solve it: township, county, city, province or state (default: the headquarters' level).",
                               valueName: "level"))
    var level: String?

    @Option(help: ArgumentHelp("A shared problem's key (共性难题): the same on every project that has it.", valueName: "key"))
    var group: String?

    func run() throws {
        let w = try WriteSession(options)
        let s = w.strings
        let org = w.store.config.organisation
        let file = try w.project("--project", project)
        let category = try w.choice("--category", self.category, Choices.category)
        let kind = try kind.map { try w.choice("--kind", $0, Choices.kind) } ?? .general
        let level = try level.map { try w.choice("--level", $0, Choices.level, among: org.issueLevels) }
            ?? IssueLevel(headquarters: org.level)
        let description = try w.text("--description", self.description)
        let new = NewIssue(project: file.project.code, category: category, kind: kind, level: level, description: description,
                           group: group?.trimmingASCIISpaces() ?? "")
        let issue = try w.run { () throws(StoreError) in try w.store.registerIssue(new, on: w.day) }
        switch output.format {
        case .json:
            try IssueStep.printJSON(issue, w)
        case .text:
            w.say(s.format("cli.issue.registered", [
                "id": issue.id, "project": file.project.code, "name": file.project.name,
                "category": s.word("category", category), "kind": s.word("issueKind", kind), "level": s.word("issueLevel", level)]))
        }
    }
}

/// What every workflow step does: read the issue, take the step on the as-of day based on the
/// version read (so a change made meanwhile is refused as a stale edit), print what happened.
enum IssueStep {
    static func take(_ options: StoreOptions, _ format: WriteFormat, id: String,
                     _ action: (Issue, WriteSession) throws -> (IssueAction, detail: String)) throws {
        let w = try WriteSession(options)
        let s = w.strings
        let issue = try w.issue("<id>", id)
        let (step, detail) = try action(issue, w)
        let next = try w.run { () throws(StoreError) in
            try w.store.apply(step, toIssue: issue.id, on: w.day, basedOn: issue.version)
        }
        switch format {
        case .json:
            try printJSON(next, w)
        case .text:
            // Escalated past this store's level: the level above has it now, under its own id.
            let referral = next.isReferred && !issue.isReferred ? s.format("cli.issue.referred", ["where": next.referredTo]) : ""
            var values = ["id": next.id, "action": s["action.\(step.kind.rawValue)"], "detail": detail + referral]
            if issue.status == next.status {
                values["status"] = s.word("status", next.status)
                w.say(s.format("cli.issue.stepSame", values))
            } else {
                values["from"] = s.word("status", issue.status)
                values["to"] = s.word("status", next.status)
                w.say(s.format("cli.issue.step", values))
            }
        }
    }

    /// The issue as `cmdroom issues --format json` has it (its 13710 step, due day, light, tier).
    static func printJSON(_ issue: Issue, _ w: WriteSession) throws {
        let portfolio = try w.run { () throws(StoreError) in try w.store.loadPortfolio(.issues) }
        let report = IssueQueueReport(portfolio: portfolio, config: w.store.config, asOf: w.day, strings: w.strings,
                                      includeCleared: true)
        guard let row = report.rows.first(where: { $0.id == issue.id }) else { return }
        Console.out(jsonText(row))
    }
}
