import ArgumentParser

/// Whether a command line asks for help, and for which command: `-h`/`--help`/`-help`
/// anywhere before `--` (as swift-argument-parser takes them), or `cmdroom help PATH`. Read
/// before parsing so that the page is ours, in the user's language.
enum HelpRequest: Equatable {
    case page([String])
    /// `cmdroom help issue nwe`: the words that name no command, the commands they are near,
    /// and the command whose subcommands were looked in (`["issue"]`).
    case unknownCommand(String, suggestions: [String], parent: [String])

    static let flags: Set<String> = ["-h", "--help", "-help"]

    /// `arguments`: as given, global options anywhere (`--lang en help board`).
    static func of(_ arguments: [String], root: any ParsableCommand.Type) -> HelpRequest? {
        let words = arguments.prefix { $0 != "--" }
        let plain = withoutGlobalOptions(Array(words))
        if plain.first == "help" {
            var command: any ParsableCommand.Type = root
            var path: [String] = []
            // `help help` is the list of all, as `help` is.
            for word in plain.dropFirst() where !word.hasPrefix("-") && !(path.isEmpty && word == "help") {
                guard let sub = command.configuration.subcommands.first(where: { $0._commandName == word }) else {
                    let names = command.configuration.subcommands.map { $0._commandName }
                    return .unknownCommand((path + [word]).joined(separator: " "),
                                           suggestions: CommandLineWords.suggestions(word, names).map { (path + [$0]).joined(separator: " ") },
                                           parent: path)
                }
                path.append(word)
                command = sub
            }
            return .page(path)
        }
        guard words.contains(where: flags.contains) else { return nil }
        return .page(path(plain, root: root))
    }

    /// The subcommands the line names, from its start (`issue new …` → `["issue", "new"]`).
    static func path(_ words: [String], root: any ParsableCommand.Type) -> [String] {
        var command: any ParsableCommand.Type = root
        var path: [String] = []
        for word in words {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            path.append(word)
            command = sub
        }
        return path
    }

    /// The line without `--store X`, `--lang=en` and the other global options.
    static func withoutGlobalOptions(_ words: [String]) -> [String] {
        var kept: [String] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            if CommandLineWords.globals.contains(w) { i += 2; continue }
            if let eq = w.firstIndex(of: "="), CommandLineWords.globals.contains(String(w[..<eq])) { i += 1; continue }
            kept.append(w)
            i += 1
        }
        return kept
    }
}
