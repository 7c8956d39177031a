/// The level a headquarters sits at; it decides what its localities are (cities or counties).
public enum HeadquartersLevel: String, Sendable, CaseIterable, Codable {
    case province, city, county
}

/// A named leader: 总指挥, 指挥长, a liaison leader (包联领导).
public struct Leader: Hashable, Sendable {
    public var id: String
    public var name: String
    public var title: String
    public init(id: String, name: String, title: String) {
        self.id = id; self.name = name; self.title = title
    }
}

/// 分指挥部: a sector command led by a 指挥长, or a single-project command (单体项目专项指挥部).
public struct SubCommand: Hashable, Sendable {
    public var code: String
    public var name: String
    public var sectors: [String]
    /// Leader id of the 指挥长; one leader may head several sub-commands.
    public var commander: String
    public var deputies: [String]
    public var leadUnits: [String]
    public var isSingleProject: Bool

    public init(code: String, name: String, sectors: [String] = [], commander: String, deputies: [String] = [],
                leadUnits: [String] = [], isSingleProject: Bool = false) {
        self.code = code; self.name = name; self.sectors = sectors; self.commander = commander
        self.deputies = deputies; self.leadUnits = leadUnits; self.isSingleProject = isSingleProject
    }
}

/// A place under the headquarters: a city under a province, a county, county-level city,
/// district or development zone under a city, a township under a county.
public struct Locality: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case city, county, countyCity = "county-city", district, zone, township
    }
    public var code: String
    public var name: String
    public var kind: Kind
    public init(code: String, name: String, kind: Kind) { self.code = code; self.name = name; self.kind = kind }
}

/// 总指挥部办公室: where the daily work is done.
public struct Office: Hashable, Sendable {
    public var name: String
    /// Leader id of the office director.
    public var director: String
    public var hostUnit: String
    public init(name: String, director: String, hostUnit: String) {
        self.name = name; self.director = director; self.hostUnit = hostUnit
    }
}

/// The whole command structure of one headquarters (seed 000, 001, 003).
public struct Organisation: Sendable {
    public var code: String
    public var name: String
    public var level: HeadquartersLevel
    public var region: String
    /// Leader id of the 总指挥.
    public var commander: String
    public var executiveDeputies: [String]
    public var deputies: [String]
    public var office: Office
    public var leaders: [Leader]
    public var subcommands: [SubCommand]
    public var localities: [Locality]
    public var units: [String]
    /// Issue category → the unit responsible for it (the department duty table).
    public var dutyTable: [IssueCategory: String]

    public init(code: String, name: String, level: HeadquartersLevel, region: String, commander: String,
                executiveDeputies: [String] = [], deputies: [String] = [], office: Office, leaders: [Leader],
                subcommands: [SubCommand], localities: [Locality], units: [String],
                dutyTable: [IssueCategory: String]) {
        self.code = code; self.name = name; self.level = level; self.region = region
        self.commander = commander; self.executiveDeputies = executiveDeputies; self.deputies = deputies
        self.office = office; self.leaders = leaders; self.subcommands = subcommands
        self.localities = localities; self.units = units; self.dutyTable = dutyTable
    }

    public func leader(_ id: String) -> Leader? { leaders.first { $0.id == id } }
    public func subcommand(_ code: String) -> SubCommand? { subcommands.first { $0.code == code } }
    public func locality(_ code: String) -> Locality? { localities.first { $0.code == code } }

    /// The unit the duty table proposes for an issue category.
    public func proposedUnit(for category: IssueCategory) -> String? { dutyTable[category] }

    /// The issue levels this headquarters deals with, lowest first: a county escalates to the
    /// city and then the province; a province can escalate to the state (国家部委).
    public var issueLevels: [IssueLevel] {
        switch level {
        case .county: return [.county, .city, .province]
        case .city: return [.county, .city, .province]
        case .province: return [.city, .province, .state]
        }
    }
}
