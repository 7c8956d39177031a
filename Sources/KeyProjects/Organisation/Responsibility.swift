/// The 责任清单 of seed 003's "一图三单四制": for every project its 包联领导, 责任单位 and 责任人;
/// for every leader the projects they hold, with the load seed 002 sets ("一个项目，一位领导";
/// "每位市级领导包联 1-2 项市级重点项目", the limit in locality.toml's `[liaison]`).
public struct ResponsibilityList: Sendable {
    /// A leader and the projects they hold as 包联领导.
    public struct Holder: Sendable, Hashable {
        /// The name as the ledger writes it.
        public var name: String
        /// The leader of [[leaders]] of that name, when there is one (a leader of this
        /// headquarters); nil for a leader of a locality below (县级包联领导).
        public var leader: Leader?
        /// Codes of the projects held, in the ledger's order.
        public var projects: [String]
        /// Holds more than the locality's limit; only leaders of this headquarters are held to it.
        public var overLimit: Bool
    }

    public var holders: [Holder]
    /// Projects whose 包联领导 is not filled in, in the ledger's order.
    public var withoutLeader: [String]
    public var limit: Int?

    /// Leaders of the headquarters first, in [[leaders]]'s order (those holding none too), then
    /// the other names the ledger gives, most projects first, then by name.
    public init(projects: [Project], organisation org: Organisation) {
        limit = org.liaisonLimit
        var held: [String: [String]] = [:]
        var order: [String] = []
        var leaderless: [String] = []
        for p in projects {
            let name = p.liaisonLeader.trimmingASCIISpaces()
            if name.isEmpty { leaderless.append(p.code); continue }
            if held[name] == nil { order.append(name) }
            held[name, default: []].append(p.code)
        }
        let own = Set(org.leaders.map(\.name))
        var out: [Holder] = []
        var seen = Set<String>()
        for leader in org.leaders where seen.insert(leader.name).inserted {
            let codes = held[leader.name] ?? []
            out.append(Holder(name: leader.name, leader: leader, projects: codes,
                              overLimit: org.liaisonLimit.map { codes.count > $0 } ?? false))
        }
        let others = order.filter { !own.contains($0) }.sorted {
            (held[$0]!.count, $1) > (held[$1]!.count, $0)
        }
        for name in others { out.append(Holder(name: name, leader: nil, projects: held[name]!, overLimit: false)) }
        holders = out
        withoutLeader = leaderless
    }

    /// The leaders of this headquarters above the limit.
    public var overLimit: [Holder] { holders.filter(\.overLimit) }
}
