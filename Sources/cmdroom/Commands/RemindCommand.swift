import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Record a reminder (催办) of a project; the card rule counts it.",
        discussion: "The reminder is by you (your name on the roster, else your account), dated the as-of day unless --date says otherwise.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: WriteFormatOption

    @Argument(help: ArgumentHelp("The project code.", valueName: "project"), completion: Completions.projects)
    var project: String

    @Option(help: ArgumentHelp("The day of the reminder (default: the as-of day).", valueName: "yyyy-mm-dd"))
    var date: String?

    @Option(help: ArgumentHelp("催办内容: what was asked.", valueName: "text"))
    var note: String?

    func run() throws {
        let w = try WriteSession(options)
        let s = w.strings
        let file = try w.project("<project>", project)
        let day = try date.map { try w.date("--date", $0) } ?? w.day
        if day > w.day { throw w.badOption("--date", w.errorText.progressProblem(.dateAfter(day, today: w.day))) }
        let by = w.store.actorName
        let existing = file.reminders.first { $0.date == day && $0.by == by }
        let reminder = Reminder(project: file.project.code, date: day, by: by,
                                note: note?.trimmingASCIISpaces() ?? existing?.note ?? "")
        let outcome = try w.run { () throws(StoreError) in try w.store.addReminder(reminder, on: w.day) }
        switch output.format {
        case .json:
            Console.out(jsonText(ReminderResult(project: reminder.project, projectName: file.project.name, date: day.iso,
                                                by: by, note: existing.map { Reminder.joiningNotes($0.note, reminder.note) } ?? reminder.note,
                                                outcome: outcome.rawValue)))
        case .text:
            let key: String
            switch outcome {
            case .inserted: key = "cli.remind.done"
            case .updated: key = "cli.remind.updated"
            case .unchanged: key = "cli.remind.unchanged"
            }
            w.say(s.format(key, ["project": reminder.project, "name": file.project.name, "date": day.iso, "by": by]))
        }
    }
}

/// `remind --format json`.
struct ReminderResult: Encodable {
    var project: String
    var projectName: String
    var date: String
    var by: String
    var note: String
    /// inserted, updated or unchanged.
    var outcome: String
}
