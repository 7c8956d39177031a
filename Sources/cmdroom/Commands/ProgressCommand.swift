import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "A project's monthly progress (月度进度), as the clerks' grid records it.",
        subcommands: [ProgressSetCommand.self])
}

struct ProgressSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Record a project's month: completed investment, 形象进度 and milestones reached.",
        discussion: """
            Dated the as-of day; the month's plan is kept. --milestone start=2026-10-12 sets the day \
            开工 was reached (the milestone's code or word: 开工=2026-10-12); start= clears it. Without \
            --progress the month's 形象进度 stays as it is.
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption

    @Argument(help: ArgumentHelp("The project code.", valueName: "project"), completion: Completions.projects)
    var project: String

    @Option(help: ArgumentHelp("The month (default: the as-of day's month).", valueName: "yyyy-mm"))
    var month: String?

    // Unconditional: `--completed -5` reaches the amount check (negative) rather than being read as an option.
    @Option(parsing: .unconditional, help: ArgumentHelp("Investment completed in the month, not cumulative (万元).", valueName: "wan"))
    var completed: String

    @Option(help: ArgumentHelp("形象进度: a sentence on physical progress.", valueName: "text"))
    var progress: String?

    @Option(name: .customLong("milestone"), parsing: .singleValue,
            help: ArgumentHelp("A milestone reached on a day, or cleared with an empty date (repeatable).", valueName: "kind=date"))
    var milestones: [String] = []

    func run() throws {
        let w = try WriteSession(options)
        let s = w.strings
        let file = try w.project("<project>", project)
        let code = file.project.code
        let month = try self.month.map { try w.month("--month", $0) } ?? w.day.yearMonth
        if month.firstDay > w.day {
            throw w.badOption("--month", w.errorText.progressProblem(.monthNotBegun(month, today: w.day)))
        }
        let amount: Money
        switch ProgressValidation.completed(completed) {
        case let .success(m): amount = m
        case let .failure(p): throw w.badValue("--completed", completed, w.errorText.progressProblem(p))
        }
        var reached: [MilestoneKind: Day?] = [:]
        var order: [MilestoneKind] = []
        for text in milestones {
            guard let eq = text.firstIndex(of: "=") else {
                throw w.badValue("--milestone", text, s["cli.milestoneSyntax"])
            }
            let kind = try w.choice("--milestone", String(text[..<eq]), Choices.milestone)
            switch ProgressValidation.reachedDate(String(text[text.index(after: eq)...]), today: w.day) {
            case let .success(day):
                if reached[kind] == nil { order.append(kind) }
                reached.updateValue(day, forKey: kind)
            case let .failure(p):
                throw w.badValue("--milestone", text, w.errorText.progressProblem(p))
            }
        }
        let before = file.records.first { $0.month == month }
        let entry = ProgressEntry(project: code, month: month, completed: amount,
                                  progress: progress?.trimmingASCIISpaces() ?? before?.progress ?? "", milestonesReached: reached)
        var versions: [MilestoneKind: Int] = [:]
        for kind in reached.keys { versions[kind] = file.milestones.first { $0.kind == kind }?.version ?? 0 }
        let base = ProgressBase(monthly: before?.version ?? 0, milestones: versions)
        let outcome: UpsertOutcome
        do throws(StoreError) {
            outcome = try w.store.recordProgress(entry, on: w.day, basedOn: base)
        } catch {
            if case let .progress(_, problem) = error {
                let option: String
                switch problem {
                case .amount, .beyondTotal: option = "--completed"
                case .notADate, .dateAfter: option = "--milestone"
                case .monthNotBegun, .monthTooEarly, .monthAfterEnd: option = "--month"
                case .reminderDate, .reminderAuthor: option = "--date"
                }
                throw w.badOption(option, s.format("error.progress", ["project": code,
                                                                      "problem": w.errorText.progressProblem(problem)]))
            }
            throw options.refuse(error)
        }
        let after = try w.project("<project>", code)
        switch output.format {
        case .json:
            Console.out(jsonText(ProgressResult(after, month: month, outcome: outcome)))
        case .text:
            let label = ["project": code, "name": file.project.name, "month": month.iso]
            guard outcome != .unchanged else { return w.say(s.format("cli.progress.unchanged", label)) }
            var changes: [String] = []
            if let old = before?.completed, old != amount {
                changes.append(s.format("cli.progress.completedFrom", ["old": old.wanText, "amount": amount.wanText]))
            } else {
                changes.append(s.format("cli.progress.completed", ["amount": amount.wanText]))
            }
            if entry.progress != (before?.progress ?? ""), !entry.progress.isEmpty {
                changes.append(s.format("cli.progress.text", ["text": entry.progress]))
            }
            for kind in order {
                let word = s.word("milestone", kind)
                if let day = reached[kind] ?? nil {
                    changes.append(s.format("cli.progress.reached", ["milestone": word, "date": day.iso]))
                } else {
                    changes.append(s.format("cli.progress.cleared", ["milestone": word]))
                }
            }
            w.say(s.format("cli.progress.done", label.merging(["changes": changes.joined(separator: w.separator)]) { $1 }))
        }
    }
}

/// `progress set --format json`: the month as stored after the write, and the project's milestones.
struct ProgressResult: Encodable {
    struct MilestoneRow: Encodable {
        var kind: String
        @NullWhenEmpty var planned: String?
        @NullWhenEmpty var actual: String?
    }
    var project: String
    var projectName: String
    var month: String
    /// 万元, as `board --format json` has its amounts.
    @NullWhenEmpty var planned: Double?
    var completed: Double
    var progress: String
    /// This year's completed investment through the month.
    var completedYearToDate: Double
    var milestones: [MilestoneRow]
    /// inserted, updated or unchanged.
    var outcome: String

    init(_ file: ProjectFile, month: YearMonth, outcome: UpsertOutcome) {
        let record = file.records.first { $0.month == month }
        project = file.project.code
        projectName = file.project.name
        self.month = month.iso
        planned = record?.planned?.wan
        completed = record?.completed.wan ?? 0
        progress = record?.progress ?? ""
        completedYearToDate = file.records.filter { $0.month.year == month.year && $0.month <= month }
            .reduce(Money.zero) { $0 + $1.completed }.wan
        milestones = file.milestones.sorted { $0.kind.order < $1.kind.order }
            .map { MilestoneRow(kind: $0.kind.rawValue, planned: $0.planned?.iso, actual: $0.actual?.iso) }
        self.outcome = outcome.rawValue
    }
}
