import StringTables

/// Tab on the `:` line: a command's name, then its argument (`group county`, `theme wall`,
/// `set ambiguous=wide`); several candidates are shown and their common start typed.
enum CommandCompletion {
    /// The arguments each command takes (as-of: today and the day the dashboard shows).
    static func arguments(_ command: String, _ state: AppState) -> [String] {
        switch command {
        case "group": return ["subcommand", "county"]
        case "theme": return BuiltinTheme.allCases.map(\.rawValue)
        case "lang": return Lang.allCases.map(\.rawValue)
        case "ascii": return ["on", "off"]
        case "set": return ["ambiguous=wide", "ambiguous=narrow", "mouse=on", "mouse=off"]
        case "as-of": return ["today"] + [state.naturalToday?.iso].compactMap { $0 }
        case "month": return ["default"]
        default: return []
        }
    }

    /// The line completed at its end, and what was offered when more than one fits.
    static func complete(_ text: String, _ state: AppState) -> (text: String, candidates: [String]) {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.count <= 1 {
            let (done, candidates) = common(text, Commands.names)
            // One command: a space after it, ready for its argument.
            return (candidates.isEmpty && done != text ? done + " " : done, candidates)
        }
        let command = words[0], partial = words.dropFirst().joined(separator: " ")
        let (done, candidates) = common(partial, arguments(command, state))
        return (command + " " + done, candidates)
    }

    /// The candidates starting with `partial`, and `partial` extended as far as they agree.
    static func common(_ partial: String, _ all: [String]) -> (String, [String]) {
        let candidates = all.filter { $0.hasPrefix(partial) }
        guard var shared = candidates.first.map(Array.init) else { return (partial, []) }
        for c in candidates.dropFirst() {
            let other = Array(c)
            var n = 0
            while n < shared.count, n < other.count, shared[n] == other[n] { n += 1 }
            shared = Array(shared.prefix(n))
        }
        return candidates.count == 1 ? (candidates[0], []) : (String(shared), candidates)
    }
}
