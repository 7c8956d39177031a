import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

// The steps of an issue's life cycle (DOMAIN.md §5), one subcommand each. The workflow's rules
// are the domain's (IssueWorkflow); a step not allowed from the issue's status exits 1 with
// the reason.

struct IssueDispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "交办: dispatch the issue to a handling unit (default: the duty table's unit for its category).")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption
    @Argument(help: ArgumentHelp("The issue id.", valueName: "id"), completion: Completions.issues) var id: String
    @Option(help: ArgumentHelp("The handling unit.", valueName: "unit")) var unit: String?

    func run() throws {
        try IssueStep.take(options, output.format, id: id) { issue, w in
            let s = w.strings
            if let unit {
                let unit = try w.text("--unit", unit)
                return (.dispatch(unit: unit), s.format("cli.issue.toUnit", ["unit": unit]))
            }
            guard let proposed = w.store.config.organisation.proposedUnit(for: issue.category), !proposed.isEmpty else {
                throw w.badOption("--unit", s.format("cli.noDutyUnit", ["category": s.word("category", issue.category)]))
            }
            return (.dispatch(unit: proposed), s.format("cli.issue.toProposedUnit", ["unit": proposed]))
        }
    }
}

struct IssueArrangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arrange", abstract: "部署: the unit has studied the issue and arranged the work (the same day).")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption
    @Argument(help: ArgumentHelp("The issue id.", valueName: "id"), completion: Completions.issues) var id: String

    func run() throws {
        try IssueStep.take(options, output.format, id: id) { _, _ in (.arrange, "") }
    }
}

struct IssueFeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "反馈: the unit feeds back to the office (within 3 days).")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption
    @Argument(help: ArgumentHelp("The issue id.", valueName: "id"), completion: Completions.issues) var id: String
    @Option(help: ArgumentHelp("What the unit reports.", valueName: "text")) var note: String

    func run() throws {
        try IssueStep.take(options, output.format, id: id) { _, w in (.feedback(note: try w.text("--note", note)), "") }
    }
}

struct IssueResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "办结: the unit claims the issue solved; the enterprise confirms it.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption
    @Argument(help: ArgumentHelp("The issue id.", valueName: "id"), completion: Completions.issues) var id: String
    @Option(help: ArgumentHelp("How it was solved.", valueName: "text")) var note: String?

    func run() throws {
        try IssueStep.take(options, output.format, id: id) { _, _ in (.claimSolved(note: note?.trimmingASCIISpaces() ?? ""), "") }
    }
}

struct IssueConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm", abstract: "满意销号: the enterprise is satisfied; the issue is cleared.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption
    @Argument(help: ArgumentHelp("The issue id.", valueName: "id"), completion: Completions.issues) var id: String

    func run() throws {
        try IssueStep.take(options, output.format, id: id) { _, _ in (.confirmSatisfied, "") }
    }
}

struct IssueReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "不满意重办: the enterprise is not satisfied; the unit works on it again.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption
    @Argument(help: ArgumentHelp("The issue id.", valueName: "id"), completion: Completions.issues) var id: String
    @Option(help: ArgumentHelp("Why the enterprise is not satisfied.", valueName: "text")) var reason: String

    func run() throws {
        try IssueStep.take(options, output.format, id: id) { _, w in (.reopen(reason: try w.text("--reason", reason)), "") }
    }
}

struct IssueReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return", abstract: "退回: the unit returns the issue to the office's queue (not theirs to solve).")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption
    @Argument(help: ArgumentHelp("The issue id.", valueName: "id"), completion: Completions.issues) var id: String
    @Option(help: ArgumentHelp("Why it is returned.", valueName: "text")) var reason: String

    func run() throws {
        try IssueStep.take(options, output.format, id: id) { _, w in (.returnToOffice(reason: try w.text("--reason", reason)), "") }
    }
}

struct IssueEscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate", abstract: "提级: escalate the issue to the next level up; it goes back to the queue for dispatch.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption
    @Argument(help: ArgumentHelp("The issue id.", valueName: "id"), completion: Completions.issues) var id: String
    @Option(help: ArgumentHelp("Why it is escalated.", valueName: "text")) var reason: String

    func run() throws {
        try IssueStep.take(options, output.format, id: id) { issue, w in
            let levels = w.store.config.organisation.issueLevels
            let next = levels.firstIndex(of: issue.level).flatMap { $0 + 1 < levels.count ? levels[$0 + 1] : nil }
            let detail = next.map { w.strings.format("cli.issue.toLevel", ["level": w.strings.word("issueLevel", $0)]) } ?? ""
            return (.escalate(reason: try w.text("--reason", reason)), detail)
        }
    }
}

struct IssueListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "挂牌督办: list the issue for supervision, with all of 五到位 (solution, unit, leader, person, deadline).")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption
    @Argument(help: ArgumentHelp("The issue id.", valueName: "id"), completion: Completions.issues) var id: String
    @Option(help: ArgumentHelp("解决办法.", valueName: "text")) var solution: String?
    @Option(help: ArgumentHelp("责任单位.", valueName: "unit")) var unit: String?
    @Option(help: ArgumentHelp("责任领导.", valueName: "name")) var leader: String?
    @Option(help: ArgumentHelp("责任人.", valueName: "name")) var person: String?
    @Option(help: ArgumentHelp("解决时限.", valueName: "yyyy-mm-dd")) var deadline: String?

    func run() throws {
        try IssueStep.take(options, output.format, id: id) { _, w in
            let day = try deadline.map { try w.date("--deadline", $0) }
            let five = SupervisionFive(solution: solution?.trimmingASCIISpaces() ?? "", unit: unit?.trimmingASCIISpaces() ?? "",
                                       leader: leader?.trimmingASCIISpaces() ?? "", person: person?.trimmingASCIISpaces() ?? "",
                                       deadline: day)
            return (.list(five), day.map { w.strings.format("cli.issue.due", ["date": $0.iso]) } ?? "")
        }
    }
}

struct IssueUnlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlist", abstract: "撤销挂牌: end listed supervision.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption
    @Argument(help: ArgumentHelp("The issue id.", valueName: "id"), completion: Completions.issues) var id: String
    @Option(help: ArgumentHelp("Why.", valueName: "text")) var reason: String

    func run() throws {
        try IssueStep.take(options, output.format, id: id) { _, w in (.unlist(reason: try w.text("--reason", reason)), "") }
    }
}

struct IssuePlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "书面方案: a major issue's written plan, with the day it will be solved by.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption
    @Argument(help: ArgumentHelp("The issue id.", valueName: "id"), completion: Completions.issues) var id: String
    @Option(name: .customLong("solve-by"), help: ArgumentHelp("The day it will be solved by.", valueName: "yyyy-mm-dd"))
    var solveBy: String

    func run() throws {
        try IssueStep.take(options, output.format, id: id) { _, w in
            let day = try w.date("--solve-by", solveBy)
            return (.submitPlan(solveBy: day), w.strings.format("cli.issue.due", ["date": day.iso]))
        }
    }
}

struct IssueDeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline", abstract: "设定时限: set or extend the issue's deadline, with a reason.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption
    @Argument(help: ArgumentHelp("The issue id.", valueName: "id"), completion: Completions.issues) var id: String
    @Argument(help: ArgumentHelp("The new deadline.", valueName: "date")) var date: String
    @Option(help: ArgumentHelp("Why.", valueName: "text")) var reason: String

    func run() throws {
        try IssueStep.take(options, output.format, id: id) { _, w in
            let day = try w.date("<date>", date)
            return (.setDeadline(day, reason: try w.text("--reason", reason)), w.strings.format("cli.issue.deadlineTo", ["date": day.iso]))
        }
    }
}
