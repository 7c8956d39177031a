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

/// 作战小组: a working group across the sub-commands (seed 003's six: 综合协调, 项目谋划,
/// 招商引资, 项目前期, 项目推进, 督办监督), with its duties, the unit(s) whose head leads it
/// (组长) and, where the locality names one, the leader. A group can be given an issue or a
/// decision as its responsible body, like a unit.
public struct WorkingGroup: Hashable, Sendable {
    public var code: String
    public var name: String
    /// What the group does, one duty a line, as the locality's file words it.
    public var duties: [String]
    /// The units whose heads lead the group (组长：县发展和改革局主要负责人).
    public var leadUnits: [String]
    /// Leader ids of the group leaders, where they are among [[leaders]].
    public var leaders: [String]
    public var members: [String]

    public init(code: String, name: String, duties: [String] = [], leadUnits: [String] = [], leaders: [String] = [],
                members: [String] = []) {
        self.code = code; self.name = name; self.duties = duties; self.leadUnits = leadUnits; self.leaders = leaders
        self.members = members
    }
}

/// What a headquarters calls its bodies and meetings: the province's 总指挥部 and its
/// 总指挥部全体会议, the county's 县项目攻坚指挥部 and its 县项目攻坚指挥部会议. Meeting titles,
/// agendas and reports take them from here.
public struct BodyNames: Hashable, Sendable {
    /// The headquarters as meetings and reports name it (总指挥部, 县项目攻坚指挥部).
    public var headquarters: String
    /// Its office (总指挥部办公室, 指挥部办公室).
    public var office: String
    /// The quarterly meeting of the whole headquarters (总指挥部全体会议, 县项目攻坚指挥部会议).
    public var plenary: String
    /// The office's meeting every two months (总指挥部办公室工作例会, 指挥部办公室会议).
    public var officeMeeting: String

    /// The names a headquarters has when its file gives none (the province's, seed 000).
    public static let standard = BodyNames(headquarters: "总指挥部", office: "总指挥部办公室", plenary: "总指挥部全体会议",
                                           officeMeeting: "总指挥部办公室调度会议")

    public init(headquarters: String, office: String, plenary: String, officeMeeting: String) {
        self.headquarters = headquarters; self.office = office; self.plenary = plenary; self.officeMeeting = officeMeeting
    }

    /// `{headquarters}`, `{office}`, `{plenary}` and `{office_meeting}` in a title replaced.
    public func fill(_ text: String) -> String {
        var t = text
        for (key, value) in [("{headquarters}", headquarters), ("{office}", office), ("{plenary}", plenary),
                             ("{office_meeting}", officeMeeting)] {
            t = t.replacingOccurrences(of: key, with: value)
        }
        return t
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
    /// 成员单位, exactly as the locality's founding notice lists them.
    public var memberUnits: [String]
    /// Member units represented by a deputy head (分管负责人) rather than the head (主要负责人).
    public var deputyHeadUnits: [String]
    /// The governments of the localities under the headquarters are members (各县(市、区)人民政府,
    /// 各乡镇政府, a zone's 管委会).
    public var localGovernmentsAreMembers: Bool
    /// Units the notice names elsewhere, not as members: the office's host, a lead unit of a
    /// sub-command or a working group, a unit of the duty table.
    public var otherUnits: [String]
    public var workingGroups: [WorkingGroup]
    public var names: BodyNames
    /// The most projects one leader of this headquarters holds as 包联领导 (seed 002: 每位市级
    /// 领导包联 1-2 项市级重点项目); nil when the locality sets no limit.
    public var liaisonLimit: Int?
    /// Issue category → the unit (or working group) responsible for it (the duty table).
    public var dutyTable: [IssueCategory: String]

    /// Every body an issue or a decision may be given to: the member units, the other units the
    /// file names, and the working groups, each once, in that order.
    public var units: [String] {
        var seen = Set<String>()
        return (memberUnits + otherUnits + workingGroups.map(\.name)).filter { seen.insert($0).inserted }
    }

    public init(code: String, name: String, level: HeadquartersLevel, region: String, commander: String,
                executiveDeputies: [String] = [], deputies: [String] = [], office: Office, leaders: [Leader],
                subcommands: [SubCommand], localities: [Locality], units: [String],
                dutyTable: [IssueCategory: String], deputyHeadUnits: [String] = [], localGovernmentsAreMembers: Bool = false,
                otherUnits: [String] = [], workingGroups: [WorkingGroup] = [], names: BodyNames = .standard,
                liaisonLimit: Int? = nil) {
        self.code = code; self.name = name; self.level = level; self.region = region
        self.commander = commander; self.executiveDeputies = executiveDeputies; self.deputies = deputies
        self.office = office; self.leaders = leaders; self.subcommands = subcommands
        self.localities = localities; self.memberUnits = units; self.dutyTable = dutyTable
        self.deputyHeadUnits = deputyHeadUnits; self.localGovernmentsAreMembers = localGovernmentsAreMembers
        self.otherUnits = otherUnits; self.workingGroups = workingGroups; self.names = names; self.liaisonLimit = liaisonLimit
    }

    public func leader(_ id: String) -> Leader? { leaders.first { $0.id == id } }
    public func subcommand(_ code: String) -> SubCommand? { subcommands.first { $0.code == code } }
    public func locality(_ code: String) -> Locality? { localities.first { $0.code == code } }
    public func workingGroup(_ code: String) -> WorkingGroup? { workingGroups.first { $0.code == code } }
    /// Whether `name` is a working group's (so a body, not a department).
    public func isWorkingGroup(_ name: String) -> Bool { workingGroups.contains { $0.name == name } }

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
