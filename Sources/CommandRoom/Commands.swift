import KeyProjects
import KeyProjectsReports
import StringTables
import TerminalKit

/// The `:` command line: `as-of 2025-06-30`, `month 2025-06`, `group county`, `theme wall`,
/// `lang en`, `ascii on`, `set ambiguous=wide`, `set mouse=off`, `open linfen`, `q`.
enum Commands {
    static let names = ["as-of", "month", "group", "theme", "lang", "ascii", "set", "org", "open", "help", "quit", "w"]

    /// Runs a line typed after `:`; the `:` line closes (or gives way to what the command opens).
    static func run(_ line: String, _ state: inout AppState) -> Outcome {
        var next: (any Screen)? = nil
        let effects = effects(line, &state, opening: &next)
        if let next { return .replace(next, effects) }
        return .pop(effects)
    }

    /// What the command does; `opening`: a screen it opens in the `:` line's place.
    static func effects(_ line: String, _ state: inout AppState, opening: inout (any Screen)?) -> [AppEffect] {
        let words = line.split(separator: " ").map(String.init)
        guard let name = words.first else { return [] }
        let argument = words.dropFirst().joined(separator: " ")
        func fail(_ key: String, _ values: [String: String] = [:]) -> [AppEffect] {
            state.message = state.strings.format(key, values)
            state.messageIsError = true
            return []
        }
        state.message = nil
        state.messageIsError = false
        switch name {
        case "as-of", "asof", "date":
            if argument.isEmpty || argument == "default" || argument == "today" { return Replay.start(nil, &state) }
            guard let day = Day.parse(argument) else { return fail("error.badDate", ["text": argument]) }
            let last = state.data.flatMap { Replay.lastReportedMonth($0.portfolio) }
            switch Replay.verdict(day, today: state.realToday, lastReported: last, strings: state.strings) {
            case .accepted: return Replay.start(day, &state)
            case let .refused(text):
                state.message = text
                state.messageIsError = true
                return []
            case let .confirm(lines):
                opening = ConfirmScreen(title: state.strings["replay.title"], lines: lines, then: .replay(day))
                return []
            }
        case "month":
            if argument.isEmpty || argument == "default" {
                state.requestedMonth = nil
                return [.reload]
            }
            guard let month = YearMonth.parse(argument) else { return fail("error.badMonth", ["text": argument]) }
            if let data = state.data {
                do throws(BoardMonthRefusal) {
                    try Board.check(month: month, asOf: data.asOf, portfolio: data.portfolio)
                } catch {
                    state.message = ErrorText(strings: state.strings).line(error)
                    state.messageIsError = true
                    return []
                }
            }
            state.requestedMonth = month
            return [.reload]
        case "group":
            switch argument {
            case "county", "locality", "属地": state.options.grouping = .locality
            case "subcommand", "sub", "分指挥部": state.options.grouping = .subcommand
            default: return fail("msg.badArgument", ["command": name, "allowed": "subcommand, county"])
            }
            RowBuilding.resort(&state)
        case "theme":
            guard let theme = BuiltinTheme(rawValue: argument) else {
                // Not a built-in name: a theme file, if it looks like a path.
                if argument.contains("/") || argument.hasSuffix(".toml") { return [.loadTheme(path: argument)] }
                return fail("msg.badArgument", ["command": name, "allowed": BuiltinTheme.allCases.map(\.rawValue).joined(separator: ", ") + ", path/to/theme.toml"])
            }
            state.options.theme = theme.theme
            state.options.themeName = theme.rawValue
        case "lang":
            guard let lang = Lang(rawValue: argument) else { return fail("msg.badArgument", ["command": name, "allowed": "zh, en"]) }
            state.options.lang = lang
            // The overview's reports are worded when worked out: again in the new language.
            if state.figures != nil {
                state.figures = nil
                if Update.needsFigures(state) { return [.computeFigures] }
            }
        case "ascii":
            state.options.ascii = argument != "off"
        case "org", "organisation":
            opening = OrganisationPageScreen(state: state)
        case "set":
            // `set ambiguous=wide|narrow` (or `set ambiguous wide`): how wide the terminal draws
            // ambiguous-width characters, when the detection at start got it wrong.
            // `set mouse=off|on`: the mouse to the terminal (selecting text without Shift) or back.
            let parts = argument.split(whereSeparator: { $0 == "=" || $0 == " " }).map(String.init)
            if parts.count == 2, parts[0] == "ambiguous", let width = AmbiguousWidth(rawValue: parts[1]) {
                state.options.ambiguous = width
            } else if parts.count == 2, parts[0] == "mouse", ["on", "off"].contains(parts[1]) {
                state.options.mouse = parts[1] == "on"
                state.message = MouseCommand.words(state.options.mouse ? "mouse.on" : "mouse.off", state.strings)
            } else {
                return fail("msg.badArgument", ["command": name, "allowed": "ambiguous=wide, ambiguous=narrow, mouse=on, mouse=off"])
            }
        case "open":
            return [.openLower(argument.isEmpty ? nil : argument)]
        case "help":
            opening = HelpScreen(below: state)
        case "q", "quit":
            // With grid rows pending: the question first, as for C-c.
            if let grid = state.grid, grid.pendingRows > 0 {
                opening = GridQuestionScreen(prompt: .quit)
                return []
            }
            state.quit = true
            return [.quit]
        case "w", "write":
            guard var grid = state.grid else { return fail("msg.writeOutsideGrid", [:]) }
            var leave = false
            let effects = Update.saveAllRows(then: nil, &grid, &leave, &state)
            state.grid = grid
            if leave { state.grid = nil }
            return effects
        default:
            return fail("msg.unknownCommand", ["command": name, "allowed": names.joined(separator: " ")])
        }
        return []
    }
}
