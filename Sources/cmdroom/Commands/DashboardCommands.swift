import ArgumentParser
import CommandRoom
import CTerminal
import Foundation
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import StringTables
import TerminalKit

/// Options of the full-screen dashboard.
struct ScreenOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A built-in theme (dark, light, wall, mono) or a theme file.", valueName: "name|path"))
    var theme: String?

    @Flag(help: "ASCII borders, glyphs and bars, for terminals that draw ambiguous-width characters two columns wide.")
    var ascii = false

    @Option(help: ArgumentHelp("How wide the terminal draws ambiguous-width characters (● ○ ▲ ■ ─ …): wide or narrow (default: asked of the terminal at start).", valueName: "wide|narrow"))
    var ambiguous: AmbiguousWidth?

    @Flag(inversion: .prefixedNo, help: "Clicks and the wheel (on by default; --no-mouse leaves the mouse to the terminal, to select text without holding Shift).")
    var mouse = true

    @Option(help: "Group the board by sub-command or by county (locality).")
    var group: GroupOption = .subcommand

    @Flag(name: .customLong("readonly"), help: "Open the store read-only: no key writes, and the store refuses writes from this process.")
    var readOnly = false

    /// The theme and its name: a built-in one, a file, or the default (dark; wall for the wall).
    func loadTheme(default fallback: BuiltinTheme, strings: Strings) throws -> (Theme, String) {
        guard let theme else { return (fallback.theme, fallback.rawValue) }
        if let builtin = BuiltinTheme(rawValue: theme) { return (builtin.theme, builtin.rawValue) }
        let url = URL(fileURLWithPath: theme)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Console.usage(strings.format("error.themeNotFound", ["name": theme,
                                                                      "names": BuiltinTheme.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
        do { return (try Theme.parse(text, file: theme), url.deletingPathExtension().lastPathComponent) } catch {
            throw Console.usage(error.description)
        }
    }
}

enum Dashboard {
    /// Opens the dashboard (or the wall) on the terminal; runs until the user quits.
    static func open(_ options: StoreOptions, _ screenOptions: ScreenOptions, wall: Bool, cycle: Int, triage: String? = nil) throws {
        // What the open has to say (a sample store made on first use, a write rolled back) is
        // shown inside the dashboard: on stderr it would be hidden under the full screen.
        var notes: [String] = []
        let store = try options.openStore(readOnly: wall || screenOptions.readOnly, waiting: true) { notes.append($0) }
        let (theme, themeName) = try screenOptions.loadTheme(default: wall ? .wall : .dark, strings: options.strings)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        var requested: Day? = nil
        if let asOf = options.asOf {
            guard let day = Day.parse(asOf) else { throw Console.usage(options.strings.format("error.badDate", ["text": asOf])) }
            // As `:as-of`: a day to come is refused (there is no board of it yet).
            let today = StoreLocation.today()
            if day > today { throw Console.usage(options.strings.format("replay.future", ["day": day.iso, "today": today.iso])) }
            requested = day == store.config.sampleAsOf ? nil : day
        }
        let screen: NcursesScreen
        do { screen = try NcursesScreen(color: !noColor && themeName != "mono", probeAmbiguous: screenOptions.ambiguous == nil && !screenOptions.ascii) } catch NcursesScreen.StartError.unsupportedTerminal(let term) {
            // A terminal that cannot be driven full screen still gets the board, as text.
            notes.forEach(Console.note)
            Console.note(options.strings.format("error.unsupportedTerminal", ["term": term.isEmpty ? "?" : term]))
            try BoardCommand.print(options, .text, group: screenOptions.group.grouping, month: nil, summary: false,
                                   ascii: screenOptions.ascii)
            return
        } catch {
            notes.forEach(Console.note)
            throw Console.usage(options.strings["error.notATerminal"])
        }
        defer { screen.stop() }
        var dashboardOptions = DashboardOptions(
            lang: options.lang, theme: theme, themeName: themeName, ascii: screenOptions.ascii, colors: screen.colors,
            grouping: screenOptions.group.grouping, wall: wall, cycleSeconds: cycle, storePath: store.location,
            user: store.actor,
            role: store.role, actorName: store.actorName, readOnly: store.isReadOnly,
            writeBlocked: store.notWritable.map { ErrorText(strings: options.strings).notWritable($0) })
        dashboardOptions.ambiguous = screenOptions.ambiguous ?? screen.ambiguous ?? .narrow
        dashboardOptions.mouse = screenOptions.mouse
        // A dashboard's first state on `store`, the options given (this store's, or a lower one's).
        func firstState(_ store: any Store, _ options: DashboardOptions) -> AppState {
            var state = AppState(options: options, width: screen.size.width, height: screen.size.height,
                                 today: requested ?? store.config.sampleAsOf ?? StoreLocation.today())
            state.requestedAsOf = requested
            state.realToday = StoreLocation.today()
            state.hasLowerStores = !((try? store.lowerStores()) ?? []).isEmpty
            return state
        }
        var state = firstState(store, dashboardOptions)
        if !notes.isEmpty && !wall {
            state.message = notes.joined(separator: " ")
            state.messageIsError = false
        }
        // On the roster but unable to write the files: said at once, not at the first write.
        if let blocked = dashboardOptions.writeBlocked, store.role?.writesAnything == true {
            state.message = blocked
            state.messageIsError = true
        }
        let runtime = DashboardRuntime(state: state, screen: screen, store: store, today: StoreLocation.today)
        if !wall { runtime.lineHistory = LineHistoryFiles(directory: URL(fileURLWithPath: LogSetup.stateDirectory())) }
        // `:open NAME`, at every level down (a province, then a city's county).
        func openingLowerStores(_ runtime: DashboardRuntime) {
            runtime.openLowerDashboard = { lower in
                // The lower store's board in a dashboard of its own, read-only, on this screen.
                var options = dashboardOptions
                options.storePath = lower.location
                options.user = lower.actor
                options.role = lower.role
                options.actorName = lower.actorName
                options.readOnly = true
                options.writeBlocked = nil
                var nested = firstState(lower, options)
                nested.message = Strings.of(options.lang).format("levels.viewing", ["name": lower.config.organisation.name])
                nested.messageIsError = false
                let inner = DashboardRuntime(state: nested, screen: screen, store: lower, today: StoreLocation.today)
                inner.lineHistory = runtime.lineHistory
                openingLowerStores(inner)
                inner.start()
                inner.run()
            }
        }
        openingLowerStores(runtime)
        runtime.start()
        if let triage { runtime.dispatch(.startTriage(triage)) }
        runtime.run()
        screen.stop()
        // Kept in the terminal's scrollback once the screen is gone (the wall shows no notes).
        notes.forEach(Console.note)
        // Stopped by a signal: the terminal is restored; exit as the signal would have.
        let signal = cterminal_stop_signal()
        if signal != 0 { throw ExitCode(128 + signal) }
    }

    static var isTerminal: Bool { cterminal_isatty(0) == 1 && cterminal_isatty(1) == 1 }
}

/// `cmdroom` alone: the dashboard on a terminal, the board as text otherwise.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "The full-screen dashboard: board, issue queue, calendar, overview (the default command).",
        discussion: "When standard output is not a terminal, prints the board as text instead.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var screen: ScreenOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        guard Dashboard.isTerminal && output.format == .text else {
            // A theme that does not exist is refused here too, not only on a terminal.
            _ = try screen.loadTheme(default: .dark, strings: options.strings)
            try BoardCommand.print(options, output.format, group: screen.group.grouping, month: nil, summary: false,
                                   ascii: screen.ascii)
            return
        }
        try Dashboard.open(options, screen, wall: false, cycle: 15)
    }
}

/// `cmdroom wall`: the command room's read-only wall screen.
struct WallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wall",
        abstract: "The wall screen: read-only, full screen, cycling through the board summary, red and yellow cards, overdue issues and coming meetings.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var screen: ScreenOptions

    // Unconditional: `--cycle -5` is a value (refused below in the user's language), not an option.
    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds each panel stays on screen (2 to 3600).", valueName: "seconds"))
    var cycle: String = "15"

    func validate() throws {
        guard let seconds = Int(cycle), (2...3600).contains(seconds) else {
            throw Console.usage(options.strings.format("error.cycle", ["text": cycle]))
        }
    }

    func run() throws {
        try Dashboard.open(options, screen, wall: true, cycle: Int(cycle) ?? 15)
    }
}

/// `cmdroom triage MEETING`: the dashboard opened on a meeting's agenda, walked item by item.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Triage at a meeting: its agenda walked item by item, full width; each decision, interview, deadline, escalation or listing saved as it is made.",
        discussion: "Resumes at the first item with nothing recorded. The office's write (locality.toml's roster).")

    @OptionGroup var options: StoreOptions
    @OptionGroup var screen: ScreenOptions
    @Argument(help: ArgumentHelp("The meeting's id (cmdroom calendar lists them).", valueName: "meeting"), completion: Completions.meetings) var meeting: String

    func run() throws {
        let id = meeting.trimmingCharacters(in: .whitespaces)
        // An unknown meeting is refused here, as `agenda` and `minutes` refuse it.
        let store = try options.openStore(readOnly: true)
        // By its id, or the id it was scheduled under when held on another day.
        guard let found = try options.fail({ () throws(StoreError) in try store.meeting(id) }) else {
            throw options.unknownMeeting(meeting)
        }
        guard Dashboard.isTerminal else { throw Console.usage(options.strings["error.notATerminal"]) }
        // Triage far from the meeting's day is said (the agenda is as of the meeting's date).
        if let today = try? options.asOfDay(store.config), abs(found.date.days(to: today)) > 7 {
            Console.note(options.strings.format("triage.farFromDate", ["id": found.id, "date": found.date.iso,
                                                                      "n": String(abs(found.date.days(to: today))), "today": today.iso]))
        }
        // The agenda is numbered once, as triage starts, and keeps its numbers (issue 15 §3);
        // an account that may not record at meetings is told so by the dashboard itself.
        if let writer = try? options.openStore(readOnly: false, say: { _ in }) { _ = try? writer.numberAgenda(found.id) }
        try Dashboard.open(options, screen, wall: false, cycle: 15, triage: found.id)
    }
}
