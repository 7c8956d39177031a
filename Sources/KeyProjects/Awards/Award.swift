/// The quarterly 羚羊奖 (antelope: the best project) and 蜗牛奖 (snail: the worst), seed 003 §五:
/// each sub-command proposes its best and worst project of the quarter, and the headquarters
/// picks three of each.
public enum AwardKind: String, Sendable, CaseIterable, Codable {
    case antelope, snail
}

/// A sub-command's proposal of one kind for a quarter (one per sub-command, kind and quarter;
/// proposing again replaces it).
public struct AwardProposal: Sendable, Hashable {
    public var quarter: Quarter
    public var subcommand: String
    public var kind: AwardKind
    public var project: String
    public var reason: String
    /// The account that proposed it.
    public var by: String
    public var recordedOn: Day
    public var version: Int

    public init(quarter: Quarter, subcommand: String, kind: AwardKind, project: String, reason: String = "", by: String = "",
                recordedOn: Day, version: Int = 0) {
        self.quarter = quarter; self.subcommand = subcommand; self.kind = kind; self.project = project; self.reason = reason
        self.by = by; self.recordedOn = recordedOn; self.version = version
    }
}

/// A project the headquarters awarded for a quarter.
public struct AwardPick: Sendable, Hashable {
    public var quarter: Quarter
    public var kind: AwardKind
    public var project: String
    /// 1–3: the order the headquarters gave.
    public var place: Int
    public var by: String
    public var recordedOn: Day
    public var version: Int

    public init(quarter: Quarter, kind: AwardKind, project: String, place: Int, by: String = "", recordedOn: Day, version: Int = 0) {
        self.quarter = quarter; self.kind = kind; self.project = project; self.place = place; self.by = by
        self.recordedOn = recordedOn; self.version = version
    }
}

/// Every proposal and pick kept, for the awards page, the wall and the reports.
public struct AwardRecord: Sendable, Hashable {
    public var proposals: [AwardProposal]
    public var picks: [AwardPick]

    public init(proposals: [AwardProposal] = [], picks: [AwardPick] = []) {
        self.proposals = proposals; self.picks = picks
    }

    public func proposals(_ quarter: Quarter) -> [AwardProposal] { proposals.filter { $0.quarter == quarter } }

    public func proposal(_ quarter: Quarter, subcommand: String, kind: AwardKind) -> AwardProposal? {
        proposals.first { $0.quarter == quarter && $0.subcommand == subcommand && $0.kind == kind }
    }

    /// The quarter's picks of a kind, in the order given.
    public func picks(_ quarter: Quarter, _ kind: AwardKind) -> [AwardPick] {
        picks.filter { $0.quarter == quarter && $0.kind == kind }.sorted { $0.place < $1.place }
    }

    /// The quarters with picks, latest first.
    public var pickedQuarters: [Quarter] { Array(Set(picks.map(\.quarter))).sorted(by: >) }
}

/// Why a proposal or a set of picks cannot be recorded.
public enum AwardProblem: Error, Sendable, Hashable {
    /// More than `AwardRules.picksPerKind` of one kind.
    case tooMany(AwardKind, Int)
    /// The project was not proposed for this kind this quarter.
    case notProposed(AwardKind, String)
    case twice(String)
    /// The same project as best and worst.
    case bothKinds(String)
    /// A proposal of a project of another sub-command.
    case notInSubcommand(project: String, subcommand: String)
    case unknownSubcommand(String)
    /// Awards judge whole quarters: the quarter has not ended by the day of the write.
    case quarterNotEnded(Quarter)
    /// A proposal the headquarters has awarded cannot be replaced.
    case alreadyAwarded(AwardKind, String)
    /// A nomination or award recorded in another person's name (记录人) by someone who may
    /// only record their own.
    case recorder(String, you: String)
}

public enum AwardRules {
    /// Seed 003: the headquarters picks three of each.
    public static let picksPerKind = 3

    /// Awards judge whole quarters: a nomination or an award is recorded once the quarter has
    /// ended (on or after its last day).
    public static func checkQuarter(_ quarter: Quarter, day: Day) -> AwardProblem? {
        day < quarter.lastDay ? .quarterNotEnded(quarter) : nil
    }

    /// Who a nomination or award is recorded by (记录人): empty, the writer's account or their
    /// roster name mean the writer, recorded as the account (as `awards propose|pick` record
    /// it). Another person is named only by those who may (the office).
    public static func recorder(_ by: String, account: String, name: String,
                                mayNameOthers: Bool) -> Result<String, AwardProblem> {
        let trimmed = by.trimmingASCIISpaces()
        if trimmed.isEmpty || trimmed == account || (!name.isEmpty && trimmed == name) { return .success(account) }
        return mayNameOthers ? .success(trimmed) : .failure(.recorder(trimmed, you: name.isEmpty ? account : name))
    }

    /// The problems with picking these projects (in the order given) from the quarter's proposals.
    public static func check(antelope: [String], snail: [String], proposals: [AwardProposal]) -> [AwardProblem] {
        var problems: [AwardProblem] = []
        for (kind, codes) in [(AwardKind.antelope, antelope), (.snail, snail)] {
            if codes.count > picksPerKind { problems.append(.tooMany(kind, codes.count)) }
            var seen = Set<String>()
            for code in codes {
                if !seen.insert(code).inserted { problems.append(.twice(code)) }
                if !proposals.contains(where: { $0.kind == kind && $0.project == code }) { problems.append(.notProposed(kind, code)) }
            }
        }
        for code in Set(antelope).intersection(snail).sorted() { problems.append(.bothKinds(code)) }
        return problems
    }
}
