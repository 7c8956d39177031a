import ArgumentParser
import StringTables
import Testing
import TextLayout
@testable import cmdroom

/// Issue 14 §9: help in the user's language, drawn from the parser's own structure.
@Suite struct HelpTests {
    static let tree = HelpNode.of(Cmdroom.self)

    /// Every subcommand and every option of every subcommand, as swift-argument-parser knows
    /// them (the dump `cmdroom --experimental-dump-help` prints), has its words in both
    /// tables: a new option cannot ship without them.
    @Test func everyCommandAndOptionHasItsWordsInBothLanguages() {
        let all = Self.tree.all()
        #expect(all.count > 40, "the walk found the whole tree")
        #expect(all.contains { $0.path == ["meetings", "expand"] } && all.contains { $0.path == ["issue", "deadline"] })
        for lang in Lang.allCases {
            let words = HelpWords(strings: .of(lang))
            for (path, node) in all {
                let missing = words.missing(node, path)
                #expect(missing.isEmpty, "\(lang) lacks, for cmdroom \(path.joined(separator: " ")): \(missing)")
            }
        }
    }

    /// The check itself: a command declaring its own `--group`, of another meaning than the
    /// board's shared one, is not given the shared words; nor is an unknown command.
    @Test func theCheckCatchesAnOptionWithoutItsOwnWords() {
        struct Fake: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "fake")
            @OptionGroup var options: StoreOptions
            @Option(help: "An OS group, not the board's grouping.") var group: String?
            @Option(help: ArgumentHelp("Brand new.", valueName: "thing")) var brandNew: String?
        }
        let node = HelpNode.of(Fake.self)
        let missing = HelpWords(strings: .zh).missing(node, ["fake"])
        #expect(Set(missing) == ["cli.help.cmd.fake", "cli.help.opt.fake.group", "cli.help.opt.fake.brand-new",
                                 "cli.help.value.thing"], "\(missing)")
    }

    /// Every page fits 80 columns, says no ⟨missing key⟩, and in Chinese has Chinese section titles.
    @Test func everyPageFitsEightyColumnsInBothLanguages() {
        for lang in Lang.allCases {
            let page = HelpPage(root: Self.tree, strings: .of(lang))
            for (path, _) in Self.tree.all() {
                guard let text = page.render(path) else { Issue.record("no page for \(path)"); continue }
                #expect(!text.contains("⟨"), "\(path): \(text)")
                for line in text.split(separator: "\n") {
                    #expect(DisplayWidth.of(String(line)) <= 80, "\(lang) \(path): “\(line)” is \(DisplayWidth.of(String(line))) columns")
                }
            }
        }
        let board = HelpPage(root: Self.tree, strings: .zh).render(["board"]) ?? ""
        #expect(board.hasPrefix("cmdroom board — 三色看板"))
        #expect(board.contains("用法：cmdroom board [--format <格式>]") && board.contains("\n选项：\n") && board.contains("\n通用选项"))
        #expect(board.contains("  --store <目录>          数据库目录"))
        #expect(board.contains("（可选 text、json、csv；默认 text）"))
        let root = HelpPage(root: Self.tree, strings: .zh).render([]) ?? ""
        #expect(root.contains("\n子命令：\n") && root.contains("  open（默认）") && root.contains("“cmdroom help <子命令>”"))
        let meetings = HelpPage(root: Self.tree, strings: .en).render(["meetings"]) ?? ""
        #expect(meetings.contains("Usage: cmdroom meetings <subcommand>") && meetings.contains("'cmdroom help meetings <subcommand>'"))
        #expect(HelpPage(root: Self.tree, strings: .zh).render(["nothing"]) == nil)
    }

    @Test func helpIsAskedForAnywhereOnTheLine() {
        func page(_ line: String) -> HelpRequest? { HelpRequest.of(line.split(separator: " ").map(String.init), root: Cmdroom.self) }
        #expect(page("--help") == .page([]))
        #expect(page("-h") == .page([]))
        #expect(page("help") == .page([]))
        #expect(page("help help") == .page([]))
        #expect(page("board --help") == .page(["board"]))
        #expect(page("--lang en board -h") == .page(["board"]))
        #expect(page("--store=/srv/hq issue new --project X --help") == .page(["issue", "new"]))
        #expect(page("agenda plenary-20261225 -h") == .page(["agenda"]))
        #expect(page("help meetings expand") == .page(["meetings", "expand"]))
        #expect(page("--lang=en help board") == .page(["board"]))
        #expect(page("help board --lang en") == .page(["board"]))
        #expect(page("help boad") == .unknownCommand("boad", suggestions: ["board"], parent: []))
        #expect(page("help issue nwe") == .unknownCommand("issue nwe", suggestions: ["issue new"], parent: ["issue"]))
        #expect(page("board --month 2026-09") == nil)
        #expect(page("remind P -- --help") == nil, "after --, --help is a value")
    }

    @Test func theHintAfterAUsageErrorNamesTheCommand() {
        #expect(CommandLineWords.helpHint(["wall", "--cycle"], .zh, root: Cmdroom.self) == "“cmdroom help wall”列出 wall 的用法和选项")
        #expect(CommandLineWords.helpHint(["issue", "new", "--project"], .en, root: Cmdroom.self)
            == "'cmdroom help issue new' shows the usage and options of issue new")
        #expect(CommandLineWords.helpHint(["--theme"], .zh, root: Cmdroom.self) == Strings.zh["cli.helpHint"])
        // The parser's value names, in the user's words.
        #expect(CommandLineWords.translate("Error: Missing value for '--cycle <seconds>'", .zh) == ["选项 --cycle <秒数> 缺少值"])
    }

    /// Chinese breaks between characters, never inside a Latin word or a path, never before
    /// closing punctuation.
    @Test func wrappingKeepsWordsAndPunctuationWhole() {
        let text = "数据库目录（默认为 $CMDROOM_STORE，未设置时为 ~/.local/share/cmdroom），输出格式可选 text、json、csv。"
        for width in 5...60 {
            let lines = HelpWrap.lines(text, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(lines)")
            #expect(lines.joined().replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""), "nothing lost")
            // The path with the punctuation after it is 26 columns: narrower lines must cut it.
            guard width >= 26 else { continue }
            #expect(lines.contains { $0.contains("~/.local/share/cmdroom") }, "\(width): \(lines)")
            #expect(lines.contains { $0.contains("$CMDROOM_STORE") }, "\(width): \(lines)")
            #expect(!lines.contains { $0.first.map { HelpWrap.closing.contains($0) } ?? false }, "\(width): \(lines)")
            #expect(!lines.contains { $0.last.map { HelpWrap.opening.contains($0) } ?? false }, "\(width): \(lines)")
        }
        #expect(HelpWrap.lines("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(HelpWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"], "a word longer than the line is cut")
    }
}
