/// How a project did over a quarter, as the awards judge it: its cards month by month and its
/// investment against 序时 plan at the quarter's end.
public struct AwardMeasure: Sendable, Hashable {
    public var project: String
    public var subcommand: String
    /// The cards of the quarter's months the ledger covers, oldest first.
    public var colours: [CardColour]
    /// Completed ÷ planned to date at the quarter's end.
    public var ratio: Double?

    public init(project: String, subcommand: String, colours: [CardColour], ratio: Double?) {
        self.project = project; self.subcommand = subcommand; self.colours = colours; self.ratio = ratio
    }

    public var blueMonths: Int { colours.filter { $0 == .blue }.count }
    /// Behind 1, yellow 2, red 3 per month: the snail's measure.
    public var badness: Int { colours.reduce(0) { $0 + $1.severity } }
    public var lastColour: CardColour? { colours.last }
}

/// A sub-command's best and worst project of the quarter as the data suggest them; the clerk may
/// propose others.
public struct AwardSuggestion: Sendable, Hashable {
    public var subcommand: String
    public var best: AwardMeasure?
    public var worst: AwardMeasure?

    public init(subcommand: String, best: AwardMeasure? = nil, worst: AwardMeasure? = nil) {
        self.subcommand = subcommand; self.best = best; self.worst = worst
    }

    public func measure(_ kind: AwardKind) -> AwardMeasure? { kind == .antelope ? best : worst }
}

public enum AwardSuggestions {
    /// Each measured project of a board assessed at the quarter's last month (its strip holds
    /// the quarter's cards); projects without a plan to date are not judged.
    public static func measures(_ board: Board, quarter: Quarter) -> [AwardMeasure] {
        board.standings.compactMap { st in
            guard st.card.schedule.planned > .zero else { return nil }
            let colours = st.strip.filter { Quarter(containing: $0.schedule.month) == quarter }.map(\.colour)
            guard !colours.isEmpty else { return nil }
            return AwardMeasure(project: st.project.code, subcommand: st.project.subcommand, colours: colours, ratio: st.card.schedule.ratio)
        }
    }

    /// The best: on schedule at the quarter's end, the most blue months, the furthest ahead.
    /// The worst: the most months behind (red counting most), the furthest behind; never the
    /// best, and only a project that fell behind.
    public static func suggest(_ measures: [AwardMeasure], subcommand: String) -> AwardSuggestion {
        let mine = measures.filter { $0.subcommand == subcommand }
        let best = mine.filter { $0.lastColour == .blue }.min { a, b in
            (-a.blueMonths, a.badness, -(a.ratio ?? 0), a.project) < (-b.blueMonths, b.badness, -(b.ratio ?? 0), b.project)
        }
        let worst = mine.filter { $0.project != best?.project && ($0.badness > 0 || ($0.ratio ?? 1) < 1) }.min { a, b in
            (-a.badness, a.ratio ?? 0, a.project) < (-b.badness, b.ratio ?? 0, b.project)
        }
        return AwardSuggestion(subcommand: subcommand, best: best, worst: worst)
    }

    /// Every sub-command's suggestions for the quarter, in the organisation's order.
    public static func suggest(_ portfolio: Portfolio, rules: RuleSettings, quarter: Quarter,
                               organisation: Organisation) -> [AwardSuggestion] {
        let board = Board.assess(portfolio, rules: rules, asOf: quarter.lastDay, month: quarter.lastMonth)
        let all = measures(board, quarter: quarter)
        return organisation.subcommands.map { suggest(all, subcommand: $0.code) }
    }
}
