import ArgumentParser
import Foundation

/// The commands and their arguments as swift-argument-parser knows them (its JSON dump, the
/// one it prints for `--experimental-dump-help`): the help is drawn from the structure the
/// parser really has, so an option added to a command shows in its help by itself. Only the
/// words come from the strings tables.
struct HelpNode: Decodable {
    var commandName: String
    var abstract: String?
    var defaultSubcommand: String?
    var shouldDisplay: Bool?
    var subcommands: [HelpNode]?
    var arguments: [HelpArgument]?

    /// The subcommands a user sees (not the parser's own `help`).
    var visibleSubcommands: [HelpNode] {
        (subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
    }

    var visibleArguments: [HelpArgument] { (arguments ?? []).filter(\.shouldDisplay) }

    /// The command at `path` below this one (`["meetings", "expand"]`).
    func find(_ path: [String]) -> HelpNode? {
        guard let first = path.first else { return self }
        return (subcommands ?? []).first { $0.commandName == first }?.find(Array(path.dropFirst()))
    }

    /// Every command below this one with its path, depth first, in the order help lists them.
    func all(_ path: [String] = []) -> [(path: [String], command: HelpNode)] {
        [(path, self)] + visibleSubcommands.flatMap { $0.all(path + [$0.commandName]) }
    }

    /// The whole tree of `root`.
    static func of(_ root: any ParsableArguments.Type) -> HelpNode {
        struct Dump: Decodable { var command: HelpNode }
        let json = Data(root._dumpHelp().utf8)
        do { return try JSONDecoder().decode(Dump.self, from: json).command } catch {
            // The dump is the parser's own output for this very binary: a failure is a bug.
            fatalError("cannot read swift-argument-parser's help dump: \(error)")
        }
    }
}

struct HelpArgument: Decodable {
    enum Kind: String, Decodable { case positional, option, flag }
    struct Name: Decodable, Hashable {
        var kind: String   // long, short, longWithSingleDash
        var name: String
        var text: String { kind == "short" || kind == "longWithSingleDash" ? "-\(name)" : "--\(name)" }
    }

    var kind: Kind
    var shouldDisplay: Bool
    var isOptional: Bool
    var isRepeating: Bool
    var names: [Name]?
    var preferredName: Name?
    var valueName: String?
    var defaultValue: String?
    var allValues: [String]?
    /// The English help written beside the option in the source (the completion scripts'
    /// words); the help page takes its words from the strings tables instead.
    var abstract: String?

    /// `store`, `as-of`; a positional's value name (`id`, `meeting`).
    var key: String { preferredName?.name ?? valueName ?? "" }

    /// `-h, --help`, `--store`: short names first, as in man pages.
    var spelled: String {
        let all = names ?? preferredName.map { [$0] } ?? []
        return all.sorted { ($0.kind == "short" ? 0 : 1) < ($1.kind == "short" ? 0 : 1) }.map(\.text).joined(separator: ", ")
    }
}
