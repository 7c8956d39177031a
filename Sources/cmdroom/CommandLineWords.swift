import ArgumentParser
import Foundation
import StringTables
import TextLayout

/// The command line as an office expects it: global options before or after the subcommand,
/// a did-you-mean for a mistyped subcommand, and swift-argument-parser's usage errors said in
/// the user's language (words from the strings tables).
enum CommandLineWords {
    /// Options every command takes, which may also come before the subcommand.
    static let globals: Set<String> = ["--store", "--as-of", "--lang", "--log-level"]

    /// The language asked for on the command line (`--lang en`, `--lang=en`), else Chinese.
    static func lang(_ arguments: [String]) -> Lang {
        for (i, a) in arguments.enumerated() {
            if a == "--", i > 0 { break }
            if a == "--lang", i + 1 < arguments.count, let lang = Lang(rawValue: arguments[i + 1]) { return lang }
            if a.hasPrefix("--lang="), let lang = Lang(rawValue: String(a.dropFirst(7))) { return lang }
        }
        return .zh
    }

    enum Arrangement: Equatable {
        case arguments([String])
        /// A first word that names no command: the word and the commands it is near.
        case unknownCommand(String, suggestions: [String])
    }

    /// `cmdroom --store X board --month M` → `board --store X --month M`: the global options
    /// before the subcommand are moved after its whole path (`issue new`, `report monthly`).
    static func arrange(_ arguments: [String], root: any ParsableCommand.Type) -> Arrangement {
        var moved: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if globals.contains(a), i + 1 < arguments.count {
                moved += [a, arguments[i + 1]]
                i += 2
            } else if let eq = a.firstIndex(of: "="), globals.contains(String(a[..<eq])) {
                moved.append(a)
                i += 1
            } else {
                break
            }
        }
        guard i < arguments.count else { return .arguments(arguments) }
        let first = arguments[i]
        // An option of the default command (`cmdroom --theme wall`), help, or `--`: as given.
        if first.hasPrefix("-") { return .arguments(arguments) }
        var command: any ParsableCommand.Type = root
        var path: [String] = []
        while i < arguments.count, let sub = command.configuration.subcommands.first(where: { $0._commandName == arguments[i] }) {
            path.append(arguments[i])
            command = sub
            i += 1
        }
        if path.isEmpty {
            let names = root.configuration.subcommands.map { $0._commandName }
            if first == "help" { return .arguments(arguments) }
            return .unknownCommand(first, suggestions: suggestions(first, names))
        }
        return .arguments(path + moved + Array(arguments[i...]))
    }

    /// The names within two edits of `word`, or starting with it, nearest first.
    static func suggestions(_ word: String, _ names: [String]) -> [String] {
        let scored = names.map { ($0, EditDistance.between(word.lowercased(), $0)) }
            .filter { $0.1 <= 2 || ($0.0.hasPrefix(word.lowercased()) && !word.isEmpty) }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
    }

    /// Where help is, after a usage error: the page of the command the line names
    /// (`cmdroom help issue new`), else the list of all.
    static func helpHint(_ arranged: [String], _ s: Strings, root: any ParsableCommand.Type) -> String {
        let path = HelpRequest.path(arranged, root: root)
        return path.isEmpty ? s["cli.helpHint"] : s.format("cli.helpHintCommand", ["command": path.joined(separator: " ")])
    }

    /// swift-argument-parser's English error lines in the user's language. Lines it does not
    /// know (our own refusals, already in the user's language) are kept.
    static func translate(_ message: String, _ s: Strings) -> [String] {
        var lines: [String] = []
        for raw in message.split(separator: "\n").map(String.init) where !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            var line = raw.hasPrefix("Error: ") ? String(raw.dropFirst(7)) : raw
            var suffix: String? = nil
            if let range = line.range(of: ". Did you mean ") ?? line.range(of: "\nDid you mean ") {
                let rest = line[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "?' "))
                suffix = s.format("cli.didYouMean", ["suggestion": rest.replacingOccurrences(of: "'", with: "")])
                line = String(line[..<range.lowerBound])
            }
            if let m = match(line, #"^Missing value for '([^']+)'"#) {
                lines.append(s.format("cli.missingValue", ["option": valueNames(m[0], s)]))
            } else if let m = match(line, #"^Unknown option '([^']+)'"#) {
                lines.append(s.format("cli.unknownOption", ["option": m[0]]))
            } else if let m = match(line, #"^Unexpected arguments? (.+)$"#) {
                lines.append(s.format("cli.unexpected", ["text": m[0].replacingOccurrences(of: "'", with: "")]))
            } else if let m = match(line, #"^The value '([^']*)' is invalid for '([^']+)'"#) {
                lines.append(s.format("cli.invalidValue", ["value": m[0], "option": valueNames(m[1], s)]))
            } else if let m = match(line, #"^Missing expected argument '([^']+)'"#) {
                lines.append(s.format("cli.missingArgument", ["argument": valueNames(m[0], s)]))
            } else if let m = match(line, #"^Please provide one of (.+)\.?$"#) {
                lines.append(s.format("cli.oneOf", ["values": m[0].replacingOccurrences(of: "'", with: "").replacingOccurrences(of: " and ", with: ", ")
                    .trimmingCharacters(in: CharacterSet(charactersIn: "."))]))
            } else if let m = match(line, #"^Did you mean '?([^'?]+)'?\?$"#) {
                lines.append(s.format("cli.didYouMean", ["suggestion": m[0]]))
            } else if line.hasPrefix("Usage: ") || line.hasPrefix("  See '") || line.hasPrefix("Help: ") {
                continue   // the hint below says where help is, in the user's language
            } else {
                lines.append(line)
            }
            if let suffix { lines.append(suffix) }
        }
        return lines
    }

    /// `--cycle <seconds>` → `--cycle <秒数>`: value names as the help page shows them.
    static func valueNames(_ text: String, _ s: Strings) -> String {
        guard let regex = try? NSRegularExpression(pattern: "<([^<>]+)>") else { return text }
        var out = text
        for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let whole = Range(m.range, in: out), let name = Range(m.range(at: 1), in: text) else { continue }
            out.replaceSubrange(whole, with: "<\(HelpWords(strings: s).valueName(String(text[name])))>")
        }
        return out
    }

    static func match(_ text: String, _ pattern: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<m.numberOfRanges).map { i in Range(m.range(at: i), in: text).map { String(text[$0]) } ?? "" }
    }
}
