import ArgumentParser
import StringTables

/// The words of the help pages, from the strings tables (Strings+zh+CLIHelp.swift and its
/// English twin). Keys, a command's path joined with dots (`meetings.expand`; the root is
/// `cmdroom`):
///   cli.help.cmd.<path>         the command in one line
///   cli.help.more.<path>        what more it needs saying (optional)
///   cli.help.opt.<path>.<name>  an option or flag of that command
///   cli.help.opt.<name>         an option of a shared group (--store, --format …), for every
///                               command that takes it from the group
///   cli.help.arg.<path>.<value> a positional argument, by its value name
///   cli.help.value.<value>      a value name, as `<…>` shows it
struct HelpWords {
    let strings: Strings

    /// The option groups many commands share: an option declared in one of them has one text,
    /// keyed by its name alone. Recognised by name and source help together, so that a command
    /// declaring its own `--group` of another meaning needs (and gets) its own key.
    static let sharedGroups: [any ParsableArguments.Type] = [
        StoreOptions.self, FormatOption.self, EncodingOption.self, WriteFormatOption.self, ScreenOptions.self,
    ]

    /// (name, English source help) of every option of the shared groups; `--help` too.
    static let shared: Set<String> = {
        var set: Set<String> = []
        for group in sharedGroups {
            for argument in HelpNode.of(group).visibleArguments where argument.kind != .positional {
                set.insert(sharedKey(argument))
            }
        }
        return set
    }()

    static func sharedKey(_ argument: HelpArgument) -> String { "\(argument.key)\u{0}\(argument.abstract ?? "")" }

    static func path(_ path: [String]) -> String { path.isEmpty ? "cmdroom" : path.joined(separator: ".") }

    func summary(_ path: [String]) -> String? { text("cli.help.cmd.\(HelpWords.path(path))") }

    func more(_ path: [String]) -> String? { text("cli.help.more.\(HelpWords.path(path))") }

    /// The key an argument's text is read from, whether or not the table has it.
    func key(_ argument: HelpArgument, _ path: [String]) -> String {
        let p = HelpWords.path(path)
        if argument.kind == .positional { return "cli.help.arg.\(p).\(argument.key)" }
        let own = "cli.help.opt.\(p).\(argument.key)"
        if strings.has(own) { return own }
        if argument.key == "help" || HelpWords.shared.contains(HelpWords.sharedKey(argument)) { return "cli.help.opt.\(argument.key)" }
        return own
    }

    func argument(_ argument: HelpArgument, _ path: [String]) -> String? { text(key(argument, path)) }

    /// `<目录>`: a value name in the user's language; values spelt out (`wide|narrow`) stay.
    func valueName(_ name: String) -> String { text("cli.help.value.\(name)") ?? name }

    /// A text with the paths in it filled in (kept out of the tables: a path is not a word).
    func text(_ key: String) -> String? { strings.has(key) ? strings.format(key, HelpWords.paths) : nil }

    static let paths = ["defaultStore": "~/.local/share/cmdroom", "logFile": "$XDG_STATE_HOME/cmdroom/cmdroom.log",
                        "sampleDir": "sample-data/linfen"]

    /// The keys `path`'s page needs that this language's table lacks: the check that no command
    /// or option ships without its words.
    func missing(_ node: HelpNode, _ path: [String]) -> [String] {
        var keys: [String] = []
        if summary(path) == nil { keys.append("cli.help.cmd.\(HelpWords.path(path))") }
        for argument in node.visibleArguments {
            if self.argument(argument, path) == nil { keys.append(key(argument, path)) }
            if let value = argument.valueName, argument.kind != .flag, text("cli.help.value.\(value)") == nil {
                keys.append("cli.help.value.\(value)")
            }
        }
        return keys
    }
}
