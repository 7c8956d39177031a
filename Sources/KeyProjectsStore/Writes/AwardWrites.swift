import GRDB
import KeyProjects

/// A sub-command's choice for one award: the project and why.
public struct AwardChoice: Sendable, Hashable {
    public var project: String
    public var reason: String
    public init(project: String, reason: String = "") { self.project = project; self.reason = reason }
}

extension SQLBackedStore {
    /// Every proposal and pick, oldest quarter first.
    public func loadAwards() throws(StoreError) -> AwardRecord {
        try read { db in try Self.awards(db) }
    }

    static func awards(_ db: any SQLSession) throws -> AwardRecord {
        AwardRecord(proposals: try fetchAll(Codecs.awardProposal, db, "ORDER BY quarter, subcommand, kind"),
                    picks: try fetchAll(Codecs.award, db, "ORDER BY quarter, kind, place"))
    }

    /// A sub-command's best and worst project of a quarter (either may be left as it is with
    /// nil); proposing again replaces the earlier proposal. The quarter must have ended by `day`.
    public func proposeAwards(quarter: Quarter, subcommand: String, best: AwardChoice?, worst: AwardChoice?,
                              on day: Day) throws(StoreError) {
        try requireWriteDay(day)
        try write { db, log in
            try log.authorize(.proposeAward(subcommand: subcommand), target: "\(quarter) \(subcommand)")
            var problems: [AwardProblem] = []
            if config.organisation.subcommand(subcommand) == nil { problems.append(.unknownSubcommand(subcommand)) }
            if let p = AwardRules.checkQuarter(quarter, day: day) { problems.append(p) }
            for choice in [best, worst].compactMap({ $0 }) {
                if try self.subcommand(ofProject: choice.project, db) != subcommand { problems.append(.notInSubcommand(project: choice.project, subcommand: subcommand)) }
            }
            // The other kind as already proposed counts too: one project is not both.
            let current = try Self.awards(db)
            let bestCode = best?.project ?? current.proposal(quarter, subcommand: subcommand, kind: .antelope)?.project
            let worstCode = worst?.project ?? current.proposal(quarter, subcommand: subcommand, kind: .snail)?.project
            if let bestCode, bestCode == worstCode { problems.append(.bothKinds(bestCode)) }
            // Once the headquarters has awarded a proposal, it stays (the office changes the awards first).
            for (kind, choice) in [(AwardKind.antelope, best), (.snail, worst)] {
                guard let choice, let old = current.proposal(quarter, subcommand: subcommand, kind: kind), old.project != choice.project,
                      current.picks(quarter, kind).contains(where: { $0.project == old.project }) else { continue }
                problems.append(.alreadyAwarded(kind, old.project))
            }
            guard problems.isEmpty else { throw StoreError.awards(problems) }
            for (kind, choice) in [(AwardKind.antelope, best), (.snail, worst)] {
                guard let choice else { continue }
                let proposal = AwardProposal(quarter: quarter, subcommand: subcommand, kind: kind, project: choice.project,
                                             reason: choice.reason, by: actor, recordedOn: day)
                _ = try upsert(Codecs.awardProposal, proposal, basedOn: nil, db: db, log: log)
            }
        }
    }

    /// The headquarters' picks for a quarter, in order (at most three of each, from the
    /// quarter's proposals): a kind given replaces that kind's earlier picks; nil keeps them.
    public func pickAwards(quarter: Quarter, antelope given: [String]?, snail givenSnail: [String]?, on day: Day) throws(StoreError) {
        try requireWriteDay(day)
        try write { db, log in
            try log.authorize(.pickAwards, target: quarter.description)
            let current = try Self.awards(db)
            let antelope = given ?? current.picks(quarter, .antelope).map(\.project)
            let snail = givenSnail ?? current.picks(quarter, .snail).map(\.project)
            var problems = AwardRules.check(antelope: antelope, snail: snail, proposals: current.proposals(quarter))
            if let p = AwardRules.checkQuarter(quarter, day: day) { problems.insert(p, at: 0) }
            guard problems.isEmpty else { throw StoreError.awards(problems) }
            let keep = Set(antelope.map { "antelope/\($0)" } + snail.map { "snail/\($0)" })
            for old in try fetchAll(Codecs.award, db, "WHERE quarter = ?", [quarter.description])
            where !keep.contains("\(old.kind.rawValue)/\(old.project)") {
                try delete(Codecs.award, key: [quarter.description, old.kind.rawValue, old.project].map(Cells.text), db: db, log: log)
            }
            for (kind, codes) in [(AwardKind.antelope, antelope), (.snail, snail)] {
                for (i, code) in codes.enumerated() {
                    let pick = AwardPick(quarter: quarter, kind: kind, project: code, place: i + 1, by: actor, recordedOn: day)
                    // A pick kept with its place unchanged stays as it was (its day and account).
                    if let old = try fetchAll(Codecs.award, db, "WHERE quarter = ? AND kind = ? AND project = ?",
                                           [quarter.description, kind.rawValue, code]).first, old.place == pick.place { continue }
                    _ = try upsert(Codecs.award, pick, basedOn: nil, db: db, log: log)
                }
            }
        }
    }
}
