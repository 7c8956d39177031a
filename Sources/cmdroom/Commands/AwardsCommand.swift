import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

/// `cmdroom awards`: the quarter's 羚羊奖/蜗牛奖 — nominations, the headquarters' picks, earlier
/// awards; `awards propose` and `awards pick` record them.
struct AwardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "awards",
        abstract: "The quarterly 羚羊奖 (best) and 蜗牛奖 (worst) projects: nominations, picks, earlier awards.",
        discussion: "Each sub-command proposes its best and worst project of a quarter (the data suggest them); the headquarters picks three of each.",
        subcommands: [AwardsShowCommand.self, AwardsProposeCommand.self, AwardsPickCommand.self],
        defaultSubcommand: AwardsShowCommand.self)
}

extension StoreOptions {
    /// `--quarter` (checked), else the last quarter ended by the as-of day.
    func awardQuarter(_ text: String?, asOf: Day) throws -> Quarter {
        guard let text else { return Quarter.lastEnded(asOf: asOf) }
        guard let q = Quarter.parse(text.trimmingASCIISpaces()) else {
            throw Console.usage(strings.format("error.badQuarter", ["text": text]))
        }
        return q
    }
}

struct AwardsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "The quarter's nominations (proposed, or suggested from the data), awards, and earlier awards.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: FormatOption
    @Option(help: ArgumentHelp("The quarter (default: the last one ended by the as-of day).", valueName: "yyyyQn")) var quarter: String?

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let asOf = try options.asOfDay(store.config)
        let q = try options.awardQuarter(quarter, asOf: asOf)
        let portfolio = try options.fail { () throws(StoreError) in try store.loadPortfolio() }
        Console.out(AwardsReport(portfolio: portfolio, config: store.config, quarter: q, strings: options.strings).render(output.format))
    }
}

struct AwardsProposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "A sub-command's best (羚羊奖) and worst (蜗牛奖) project of the quarter.",
        discussion: "Without --best and --worst, the projects the data suggest are proposed, with the data as the reason; with one of them, that kind only. Proposing again replaces that kind's earlier proposal (not once the headquarters has awarded it). The sub-command's clerk or the office.")

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The sub-command (code or name).", valueName: "code")) var subcommand: String
    @Option(help: ArgumentHelp("The best project (code).", valueName: "code")) var best: String?
    @Option(help: ArgumentHelp("The worst project (code).", valueName: "code")) var worst: String?
    @Option(name: .customLong("best-reason"), help: ArgumentHelp("Why the best.", valueName: "text")) var bestReason: String?
    @Option(name: .customLong("worst-reason"), help: ArgumentHelp("Why the worst.", valueName: "text")) var worstReason: String?
    @Option(help: ArgumentHelp("The quarter (default: the last one ended by the as-of day).", valueName: "yyyyQn")) var quarter: String?

    func run() throws {
        let w = try WriteSession(options)
        let s = w.strings
        let org = w.store.config.organisation
        guard let sc = org.subcommands.first(where: { $0.code == subcommand || $0.name == subcommand }) else {
            throw w.badValue("--subcommand", subcommand, s.format("awards.problem.unknownSubcommand", ["subcommand": subcommand]))
        }
        let q = try options.awardQuarter(quarter, asOf: w.day)
        let portfolio = try w.run { () throws(StoreError) in try w.store.loadPortfolio(.board) }
        let suggestion = AwardSuggestions.suggest(portfolio, rules: w.store.config.rules, quarter: q, organisation: org)
            .first { $0.subcommand == sc.code } ?? AwardSuggestion(subcommand: sc.code)
        let text = AwardText(strings: s)
        // Neither named: the data's suggestions; one named: that one only (the other kind's
        // proposal stays as it is).
        let suggest = best == nil && worst == nil
        func choice(_ kind: AwardKind, _ code: String?, _ reason: String?) -> AwardChoice? {
            if let code { return AwardChoice(project: code.trimmingASCIISpaces(), reason: reason?.trimmingASCIISpaces() ?? "") }
            guard suggest, let m = suggestion.measure(kind) else { return nil }
            return AwardChoice(project: m.project, reason: reason?.trimmingASCIISpaces() ?? text.reason(m, kind))
        }
        let bestChoice = choice(.antelope, best, bestReason)
        let worstChoice = choice(.snail, worst, worstReason)
        guard bestChoice != nil || worstChoice != nil else { throw w.badOption("--best", s["cli.awards.nothing"]) }
        try w.run { () throws(StoreError) in
            try w.store.proposeAwards(quarter: q, subcommand: sc.code, best: bestChoice, worst: worstChoice, on: w.day)
        }
        let names = portfolio.projectsByCode
        for (kind, c) in [(AwardKind.antelope, bestChoice), (.snail, worstChoice)] {
            guard let c else { continue }
            w.say(s.format("cli.awards.proposed", ["subcommand": sc.name, "quarter": text.quarterTitle(q), "award": s["award.\(kind.rawValue)"],
                                                   "code": c.project, "name": names[c.project]?.name ?? c.project]))
        }
    }
}

struct AwardsPickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pick",
        abstract: "The headquarters' 羚羊奖 and 蜗牛奖 of the quarter: up to three of each, in order, from the proposals.",
        discussion: "Each kind given replaces that kind's earlier picks (--snail \"\" clears them); a kind left out stays. The office records them.")

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The 羚羊奖 projects, in order (codes, comma-separated).", valueName: "code,code,code")) var antelope: String?
    @Option(help: ArgumentHelp("The 蜗牛奖 projects, in order (codes, comma-separated).", valueName: "code,code,code")) var snail: String?
    @Option(help: ArgumentHelp("The quarter (default: the last one ended by the as-of day).", valueName: "yyyyQn")) var quarter: String?

    func run() throws {
        let w = try WriteSession(options)
        let s = w.strings
        let q = try options.awardQuarter(quarter, asOf: w.day)
        func codes(_ text: String) -> [String] {
            text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map { String($0).trimmingASCIISpaces() }.filter { !$0.isEmpty }
        }
        let a = antelope.map(codes), b = snail.map(codes)
        guard a != nil || b != nil else { throw w.badOption("--antelope", s["cli.awards.nothingPicked"]) }
        try w.run { () throws(StoreError) in try w.store.pickAwards(quarter: q, antelope: a, snail: b, on: w.day) }
        let text = AwardText(strings: s)
        let record = try w.run { () throws(StoreError) in try w.store.loadAwards() }
        func list(_ kind: AwardKind) -> String {
            let codes = record.picks(q, kind).map(\.project)
            return codes.isEmpty ? "—" : codes.joined(separator: ", ")
        }
        w.say(s.format("cli.awards.picked", ["quarter": text.quarterTitle(q), "antelope": list(.antelope), "snail": list(.snail)]))
    }
}
