import StringTables
import TextLayout

/// A command's help page in the user's language, laid out for 80 columns like a man page:
/// the command in one line, the usage, what more it needs saying, then its arguments, options
/// and subcommands, each with its words from the strings tables.
struct HelpPage {
    let root: HelpNode
    let words: HelpWords
    var width = 80
    /// Where an option's text starts (two spaces, the option, room to spare).
    var column = 26

    init(root: HelpNode, strings: Strings) {
        self.root = root
        words = HelpWords(strings: strings)
    }

    var strings: Strings { words.strings }

    /// The page of the command at `path` (`[]`: cmdroom itself); nil for no such command.
    func render(_ path: [String]) -> String? {
        guard let node = root.find(path) else { return nil }
        var out: [String] = []
        let name = (["cmdroom"] + path).joined(separator: " ")
        out += HelpWrap.lines(strings.format("cli.help.title", ["command": name, "summary": words.summary(path) ?? ""]), width: width)
        out.append("")
        out += usage(node, path)
        if let more = words.more(path) {
            out.append("")
            out += HelpWrap.lines(more, width: width)
        }
        let positionals = node.visibleArguments.filter { $0.kind == .positional }
        if !positionals.isEmpty {
            out += ["", strings["cli.help.section.arguments"]]
            for argument in positionals { out += entry("<\(words.valueName(argument.valueName ?? argument.key))>", argument, path) }
        }
        // The command's own options first; those every command takes after them, once.
        let options = node.visibleArguments.filter { $0.kind != .positional && !isGlobal($0, path) }
        if !options.isEmpty {
            out += ["", strings["cli.help.section.options"]]
            for argument in options { out += entry(label(argument), argument, path) }
        }
        // The root's own only option is --help: the ones every command takes are shown from
        // the default command's, since they are what a newcomer looks for.
        let globalsPath = path.isEmpty ? [root.defaultSubcommand ?? "open"] : path
        let globals = (root.find(globalsPath)?.visibleArguments ?? []).filter { isGlobal($0, globalsPath) }
        if !globals.isEmpty && (path.isEmpty || node.visibleSubcommands.isEmpty) {
            out += ["", strings["cli.help.section.global"]]
            for argument in globals { out += entry(label(argument), argument, globalsPath) }
        }
        let subcommands = node.visibleSubcommands
        if !subcommands.isEmpty {
            out += ["", strings["cli.help.section.subcommands"]]
            for sub in subcommands {
                var label = sub.commandName
                if sub.commandName == node.defaultSubcommand { label += strings["cli.help.defaultMark"] }
                out += item(label, words.summary(path + [sub.commandName]) ?? "")
            }
            out.append("")
            out += HelpWrap.lines(strings.format("cli.help.seeSubcommand", ["help": (["cmdroom", "help"] + path).joined(separator: " ")]), width: width)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `用法：cmdroom board [--store <目录>] …`, continued under the first option.
    func usage(_ node: HelpNode, _ path: [String]) -> [String] {
        let lead = strings.format("cli.help.usage", ["command": (["cmdroom"] + path).joined(separator: " ")])
        var parts: [String] = []
        if !node.visibleSubcommands.isEmpty {
            let sub = "<\(strings["cli.help.placeholder.subcommand"])>"
            parts.append(node.defaultSubcommand == nil ? sub : "[\(sub)]")
            if node.defaultSubcommand != nil { parts.append("[<\(strings["cli.help.placeholder.options"])>]") }
        } else {
            let own = node.visibleArguments.filter { $0.key != "help" && !isGlobal($0, path) }
            parts = own.map(usagePart)
            if own.count + 1 < node.visibleArguments.count { parts.append("[<\(strings["cli.help.placeholder.globals"])>]") }
        }
        let indent = DisplayWidth.of(lead) + 1
        var lines: [String] = []
        var line = lead
        var used = indent - 1
        for part in parts {
            let w = DisplayWidth.of(part)
            if used + 1 + w > width, used > indent - 1 {
                lines.append(line)
                line = String(repeating: " ", count: indent - 1)
                used = indent - 1
            }
            line += " " + part
            used += 1 + w
        }
        lines.append(line)
        return lines
    }

    /// One of the options every command takes (--store, --as-of, --lang, --log-level), with
    /// the shared words: `demo sample --lang` is its own.
    func isGlobal(_ argument: HelpArgument, _ path: [String]) -> Bool {
        CommandLineWords.globals.contains("--\(argument.key)") && words.key(argument, path) == "cli.help.opt.\(argument.key)"
    }

    func usagePart(_ argument: HelpArgument) -> String {
        var text: String
        switch argument.kind {
        case .positional: text = "<\(words.valueName(argument.valueName ?? argument.key))>"
        case .flag: text = argument.preferredName?.text ?? argument.spelled
        case .option: text = "\(argument.preferredName?.text ?? argument.spelled) <\(words.valueName(argument.valueName ?? argument.key))>"
        }
        if argument.isRepeating { text += " …" }
        return argument.isOptional ? "[\(text)]" : text
    }

    func label(_ argument: HelpArgument) -> String {
        argument.kind == .option ? "\(argument.spelled) <\(words.valueName(argument.valueName ?? argument.key))>" : argument.spelled
    }

    /// An argument's lines: its label, its words, the values it takes and its default.
    func entry(_ label: String, _ argument: HelpArgument, _ path: [String]) -> [String] {
        var text = words.argument(argument, path) ?? ""
        var notes: [String] = []
        let shown = words.valueName(argument.valueName ?? "")
        // The values, unless the value name or the words already name every one.
        if let values = argument.allValues, !values.isEmpty, Set(shown.split(separator: "|").map(String.init)) != Set(values),
           !values.allSatisfy({ HelpPage.names(text, $0) }) {
            notes.append(strings.format("cli.help.values", ["values": values.joined(separator: strings["cli.help.valueSep"])]))
        }
        if let value = argument.defaultValue, !value.isEmpty { notes.append(strings.format("cli.help.default", ["value": value])) }
        if argument.isRepeating && argument.kind != .positional { notes.append(strings["cli.help.repeatable"]) }
        if !notes.isEmpty { text += strings.format("cli.help.notes", ["notes": notes.joined(separator: strings["cli.help.noteSep"])]) }
        return item(label, text)
    }

    /// Whether `text` has `word` as a word of its own (`text` in “text 为文字”, not in “context”).
    static func names(_ text: String, _ word: String) -> Bool {
        var rest = text[...]
        while let r = rest.range(of: word) {
            let before = rest[..<r.lowerBound].last, after = rest[r.upperBound...].first
            let isWordChar = { (c: Character?) in c.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } ?? false }
            if !isWordChar(before) && !isWordChar(after) { return true }
            rest = rest[r.upperBound...]
        }
        return false
    }

    /// Two spaces, the label, the text from `column` on (under it when the label is long).
    func item(_ label: String, _ text: String) -> [String] {
        let pad = String(repeating: " ", count: column)
        let body = HelpWrap.lines(text, width: width - column)
        let head = "  " + label
        let headWidth = DisplayWidth.of(head)
        var lines: [String] = []
        if headWidth + 2 <= column {
            lines.append(head + String(repeating: " ", count: column - headWidth) + (body.first ?? ""))
            lines += body.dropFirst().map { pad + $0 }
        } else {
            lines.append(head)
            lines += body.map { pad + $0 }
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }
}
