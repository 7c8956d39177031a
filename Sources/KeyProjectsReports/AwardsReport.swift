import KeyProjects
import KeyProjectsStore
import StringTables
import TextLayout

/// The quarter's 羚羊奖/蜗牛奖 (issue 6 §3): each sub-command's nominations (its proposal, else
/// what the data suggest), the headquarters' picks, and the earlier quarters' awards.
public struct AwardsReport: Sendable {
    public struct Nomination: Encodable, Sendable, Hashable {
        public var subcommand: String
        public var kind: String
        public var project: String
        public var name: String
        public var reason: String
        /// Proposed by the sub-command (false: only suggested from the data).
        public var proposed: Bool
        public var by: String
    }

    public struct Award: Encodable, Sendable, Hashable {
        public var quarter: String
        public var kind: String
        public var place: Int
        public var project: String
        public var name: String
        public var subcommand: String
        public var reason: String
        /// How many quarters the project has had this award, this one included.
        public var times: Int
    }

    public struct Output: Encodable {
        var quarter: String
        var nominations: [Nomination]
        var awards: [Award]
        var earlier: [Award]
    }

    public let quarter: Quarter
    public let nominations: [Nomination]
    public let awards: [Award]
    /// Earlier quarters' awards, latest quarter first.
    public let earlier: [Award]
    /// Every judged project's quarter, by code (the forms word a changed choice's reason).
    public let measures: [String: AwardMeasure]
    public let config: LocalityConfig
    public let strings: Strings

    public init(portfolio: Portfolio, config: LocalityConfig, quarter: Quarter, strings: Strings) {
        self.quarter = quarter; self.config = config; self.strings = strings
        let org = config.organisation
        let record = portfolio.awards
        let projects = portfolio.projectsByCode
        let board = Board.assess(portfolio, rules: config.rules, asOf: quarter.lastDay, month: quarter.lastMonth)
        let all = AwardSuggestions.measures(board, quarter: quarter)
        measures = Dictionary(all.map { ($0.project, $0) }, uniquingKeysWith: { a, _ in a })
        let suggestions = org.subcommands.map { AwardSuggestions.suggest(all, subcommand: $0.code) }
        let text = AwardText(strings: strings)
        var nominations: [Nomination] = []
        for suggestion in suggestions {
            for kind in AwardKind.allCases {
                if let p = record.proposal(quarter, subcommand: suggestion.subcommand, kind: kind) {
                    nominations.append(Nomination(subcommand: p.subcommand, kind: kind.rawValue, project: p.project,
                                                  name: projects[p.project]?.name ?? p.project, reason: p.reason, proposed: true, by: p.by))
                } else if let m = suggestion.measure(kind) {
                    nominations.append(Nomination(subcommand: m.subcommand, kind: kind.rawValue, project: m.project,
                                                  name: projects[m.project]?.name ?? m.project, reason: text.reason(m, kind),
                                                  proposed: false, by: ""))
                }
            }
        }
        self.nominations = nominations
        func awarded(_ q: Quarter) -> [Award] {
            AwardKind.allCases.flatMap { kind in
                record.picks(q, kind).map { pick in
                    let proposal = record.proposals(q).first { $0.kind == kind && $0.project == pick.project }
                    let times = record.picks.filter { $0.kind == kind && $0.project == pick.project && $0.quarter <= q }.count
                    return Award(quarter: q.description, kind: kind.rawValue, place: pick.place, project: pick.project,
                                 name: projects[pick.project]?.name ?? pick.project,
                                 subcommand: proposal?.subcommand ?? projects[pick.project]?.subcommand ?? "",
                                 reason: proposal?.reason ?? "", times: times)
                }
            }
        }
        awards = awarded(quarter)
        earlier = record.pickedQuarters.filter { $0 < quarter }.flatMap(awarded)
    }

    func subcommandName(_ code: String) -> String { config.organisation.subcommand(code)?.name ?? code }

    public func render(_ format: OutputFormat) -> String {
        let s = strings
        let text = AwardText(strings: s)
        switch format {
        case .json:
            return jsonText(Output(quarter: quarter.description, nominations: nominations, awards: awards, earlier: earlier))
        case .csv:
            let rows = nominations.map { n in
                ["nomination", quarter.description, n.kind, "", n.project, n.name, subcommandName(n.subcommand), n.reason,
                 n.proposed ? "proposed" : "suggested"]
            } + (awards + earlier).map { a in
                ["award", a.quarter, a.kind, String(a.place), a.project, a.name, subcommandName(a.subcommand), a.reason, String(a.times)]
            }
            return CSVText.write(header: ["row", "quarter", "kind", "place", "project", "name", "subcommand", "reason", "note"], rows: rows)
        case .text:
            var out = text.title(quarter, hq: config.organisation.name) + "\n\n"
            out += s["awards.nominations"] + "\n"
            var table = TextTable(headers: [s["col.subcommand"], s["awards.col.kind"], s["col.project"], s["awards.col.reason"]])
            for n in nominations {
                table.append([subcommandName(n.subcommand), s["award.\(n.kind)"],
                              n.name + (n.proposed ? "" : " " + s["awards.suggested"]), n.reason])
            }
            out += nominations.isEmpty ? s["none"] + "\n" : table.render()
            if nominations.contains(where: { !$0.proposed }) { out += s["awards.suggestedNote"] + "\n" }
            out += "\n" + s["awards.picks"] + "\n"
            out += awards.isEmpty ? s["awards.notPicked"] + "\n" : lines(awards, text)
            if !earlier.isEmpty {
                out += "\n" + s["awards.earlier"] + "\n" + lines(earlier, text, withQuarter: true)
            }
            return out
        }
    }

    func lines(_ awards: [Award], _ text: AwardText, withQuarter: Bool = false) -> String {
        awards.map { a in
            (withQuarter ? text.quarterTitle(a.quarter) + " " : "") + text.line(a, subcommand: subcommandName(a.subcommand))
        }.joined(separator: "\n") + "\n"
    }
}

/// Awards in words: the quarter, a measure as a reason, an award as a line.
public struct AwardText: Sendable {
    public let strings: Strings
    public init(strings: Strings) { self.strings = strings }

    public func quarterTitle(_ q: Quarter) -> String {
        strings.format("awards.quarter", ["year": String(q.year), "quarter": String(q.number)])
    }

    /// A quarter as stored (`2026Q3`) in words; as it is when it is not one.
    public func quarterTitle(_ text: String) -> String { Quarter.parse(text).map(quarterTitle) ?? text }

    public func title(_ q: Quarter, hq: String) -> String {
        strings.format("awards.title", ["hq": hq, "quarter": quarterTitle(q)])
    }

    /// `3 个月蓝牌，完成序时 112%` / `红牌 2 个月、黄牌 1 个月，完成序时 61%`.
    public func reason(_ m: AwardMeasure, _ kind: AwardKind) -> String {
        let ratio = CardText.percent(m.ratio)
        let colours: [CardColour] = kind == .antelope ? [.blue] : [.red, .yellow, .behind]
        let parts = colours.compactMap { c -> String? in
            let n = m.colours.filter { $0 == c }.count
            return n == 0 ? nil : strings.format("awards.months", ["card": strings.word("card", c), "n": String(n)])
        }
        // A worst project never off blue (behind its plan under a threshold below 100 %): the ratio alone.
        guard !parts.isEmpty else { return strings.format("awards.reasonRatio", ["ratio": ratio]) }
        return strings.format("awards.reason", ["cards": strings.list(parts), "ratio": ratio])
    }

    /// `羚羊奖 1. 项目（分指挥部）：理由`, with `第 2 次` when awarded before.
    public func line(_ a: AwardsReport.Award, subcommand: String) -> String {
        var out = strings.format("awards.line", ["award": strings["award.\(a.kind)"], "place": String(a.place), "name": a.name,
                                                 "subcommand": subcommand])
        if !a.reason.isEmpty { out += strings.colon + a.reason }
        if a.times > 1 { out += " " + strings.format("awards.times", ["n": String(a.times)]) }
        return out
    }
}
