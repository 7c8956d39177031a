import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

/// `cmdroom meetings expand|move|cancel|add`: the meeting series and single meetings (the
/// office's writes; the calendar and `calendar` read them).
struct MeetingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetings",
        abstract: "Expand the meeting series into the calendar; move, cancel or add one meeting.",
        subcommands: [MeetingsExpandCommand.self, MeetingsMoveCommand.self, MeetingsCancelCommand.self, MeetingsAddCommand.self])
}

struct MeetingsExpandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expand",
        abstract: "Store the occurrences of the series in locality.toml ([[cadence]], else the seeds' for the level).",
        discussion: "Occurrences already stored — moved, cancelled or changed — are left as they are. Default window: from the start of the as-of year to the end of the next year.")

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("First day of the window.", valueName: "yyyy-mm-dd")) var from: String?
    @Option(help: ArgumentHelp("Last day of the window.", valueName: "yyyy-mm-dd")) var to: String?

    func run() throws {
        let w = try WriteSession(options)
        let start = try from.map { try w.date("--from", $0) } ?? Day(year: w.day.year, month: 1, day: 1)!
        let end = try to.map { try w.date("--to", $0) } ?? Day(year: w.day.year + 1, month: 12, day: 31)!
        guard start <= end else { throw w.badOption("--to", w.strings.format("cli.meetings.window", ["from": start.iso, "to": end.iso])) }
        let progress = StoreProgressLine("progressLine.expand", strings: w.strings)
        let result = try w.run { () throws(StoreError) in
            defer { progress.finish() }
            return try w.store.expandCadence(from: start, to: end, progress: progress.handler)
        }
        w.say(w.strings.format("cli.meetings.expanded", ["added": String(result.added), "kept": String(result.kept),
                                                         "from": start.iso, "to": end.iso]))
    }
}

struct MeetingsMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move one meeting to another day (its series keeps the rest).")

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp("The meeting's id.", valueName: "id"), completion: Completions.meetings) var id: String
    @Argument(help: ArgumentHelp("The new day.", valueName: "yyyy-mm-dd")) var date: String
    @Option(help: ArgumentHelp("The new time.", valueName: "hh:mm")) var time: String?

    func run() throws {
        let w = try WriteSession(options)
        let day = try w.date("<date>", date)
        if let time, !MeetingTime.isValid(time) {
            throw w.badOption("--time", w.strings.format("cli.meetings.badTime", ["text": time]))
        }
        if day < w.day { throw w.badOption("<date>", w.strings.format("refusal.dateInPast", ["date": day.iso])) }
        let meeting = try w.run { () throws(StoreError) in try w.store.moveMeeting(id, to: day, time: time, on: w.day) }
        w.say(w.strings.format("cli.meetings.moved", ["id": meeting.id, "title": meeting.title, "date": meeting.date.iso,
                                                      "time": meeting.time]))
    }
}

struct MeetingsCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel one meeting, with the reason (it stays in the calendar, marked).")

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp("The meeting's id.", valueName: "id"), completion: Completions.meetings) var id: String
    @Option(help: ArgumentHelp("Why it is cancelled.", valueName: "text")) var reason: String

    func run() throws {
        let w = try WriteSession(options)
        let text = try w.text("--reason", reason)
        let meeting = try w.run { () throws(StoreError) in try w.store.cancelMeeting(id, reason: text) }
        w.say(w.strings.format("cli.meetings.cancelled", ["id": meeting.id, "title": meeting.title, "date": meeting.date.iso]))
    }
}

struct MeetingsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a meeting held off-cadence (临时会议, 领导现场办公).")

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The day.", valueName: "yyyy-mm-dd")) var date: String
    @Option(help: ArgumentHelp("The time.", valueName: "hh:mm")) var time: String = ""
    @Option(help: ArgumentHelp("The kind (code or word; default ad-hoc).", valueName: "kind")) var kind: String = "ad-hoc"
    @Option(help: ArgumentHelp("The title.", valueName: "text")) var title: String
    @Option(help: ArgumentHelp("Who chairs it.", valueName: "name")) var chair: String = ""
    @Option(help: ArgumentHelp("hq, office, or a sub-command's or locality's code or name (default hq).", valueName: "scope")) var scope: String = "hq"
    @Option(help: ArgumentHelp("Where.", valueName: "text")) var location: String = ""

    func run() throws {
        let w = try WriteSession(options)
        let s = w.strings
        let day = try w.date("--date", date)
        if !MeetingTime.isValid(time) { throw w.badOption("--time", s.format("cli.meetings.badTime", ["text": time])) }
        guard let meetingKind = MeetingKind(rawValue: kind) ?? Words.meetingKind.value(for: kind) else {
            throw w.badValue("--kind", kind, s.format("cli.meetings.kinds", ["allowed": MeetingKind.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
        guard let meetingScope = MeetingScopes.parse(scope, w.store.config.organisation) else {
            throw w.badValue("--scope", scope, s["cli.meetings.scope"])
        }
        let titleText = try w.text("--title", title)
        let meeting = try w.run { () throws(StoreError) in
            try w.store.addMeeting(Meeting(id: "", date: day, time: time, kind: meetingKind, title: titleText,
                                           chair: chair, scope: meetingScope, location: location))
        }
        w.say(s.format("cli.meetings.added", ["id": meeting.id, "title": meeting.title, "date": meeting.date.iso]))
    }
}

/// A meeting's scope typed on the command line: `hq`/总指挥部, `office`/办公室, or a sub-command's
/// or locality's code or name.
enum MeetingScopes {
    static func parse(_ text: String, _ org: Organisation) -> MeetingScope? {
        switch text.trimmingASCIISpaces() {
        case "hq", "总指挥部": return .headquarters
        case "office", "办公室": return .office
        case let t:
            if let sc = org.subcommands.first(where: { $0.code == t || $0.name == t }) { return .subcommand(sc.code) }
            if let l = org.localities.first(where: { $0.code == t || $0.name == t }) { return .locality(l.code) }
            return MeetingScope(code: t)
        }
    }
}
