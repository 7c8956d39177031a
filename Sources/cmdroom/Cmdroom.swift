import ArgumentParser
import Foundation
import StringTables

@main
struct Cmdroom: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cmdroom",
        abstract: "The terminal dashboard of a key-project command headquarters (重点工程项目指挥部).",
        discussion: """
            With no subcommand, cmdroom opens the full-screen dashboard on the store (the bundled \
            sample data on first use); when its output is not a terminal it prints the board as text. \
            Every command takes --store, --as-of and --lang; those that print take --format text|json|csv. \
            Writes (progress, remind, issue, undo) are dated the as-of day and checked against the roster \
            in locality.toml: exit 1 when refused, 2 for a value that is wrong, 64 for a usage error.
            """,
        subcommands: [OpenCommand.self, WallCommand.self, BoardCommand.self, IssuesCommand.self, CalendarCommand.self, MeetingsCommand.self, AgendaCommand.self, MinutesCommand.self, TriageCommand.self, RankingCommand.self, ReportCommand.self, TargetsCommand.self, AwardsCommand.self, OrgCommand.self,
                      ProgressCommand.self, RemindCommand.self, IssueCommand.self, HistoryCommand.self, UndoCommand.self,
                      InitCommand.self, ImportCommand.self, ExportCommand.self, CheckCommand.self, MigrateCommand.self, LevelsCommand.self, RosterCommand.self, DemoCommand.self],
        defaultSubcommand: OpenCommand.self)

    /// Errors as `cmdroom: …` lines on stderr, like every other error, in the user's language;
    /// help on stdout, in the user's language too (HelpPage, not the parser's English). Global
    /// options may come before the subcommand; a mistyped subcommand gets a did-you-mean.
    static func main() {
        // Before parsing, so that every logger (made on first use) writes to the log file.
        LogSetup.bootstrap(arguments: CommandLine.arguments)
        let given = Array(CommandLine.arguments.dropFirst())
        let strings = Strings.of(CommandLineWords.lang(given))
        let arguments: [String]
        switch CommandLineWords.arrange(given, root: Cmdroom.self) {
        case let .arguments(list): arguments = list
        case let .unknownCommand(word, suggestions):
            Console.error(strings.format("cli.unknownCommand", ["command": word]))
            if !suggestions.isEmpty { Console.error(strings.format("cli.didYouMean", ["suggestion": suggestions.joined(separator: strings["cli.or"])])) }
            Console.error(strings["cli.helpHint"])
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        switch HelpRequest.of(given, root: Cmdroom.self) {
        case let .page(path)?:
            Console.out(HelpPage(root: HelpNode.of(Cmdroom.self), strings: strings).render(path) ?? "")
            Foundation.exit(0)
        case let .unknownCommand(word, suggestions, parent)?:
            Console.error(strings.format("cli.unknownCommand", ["command": word]))
            if !suggestions.isEmpty { Console.error(strings.format("cli.didYouMean", ["suggestion": suggestions.joined(separator: strings["cli.or"])])) }
            Console.error(CommandLineWords.helpHint(parent, strings, root: Cmdroom.self))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        case nil:
            break
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // The parser's other clean exits: completion scripts, --experimental-dump-help.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            for line in CommandLineWords.translate(message(for: error), strings) { Console.error(line) }
            if code == .validationFailure { Console.error(CommandLineWords.helpHint(arguments, strings, root: Cmdroom.self)) }
            Foundation.exit(code.rawValue)
        }
    }
}
