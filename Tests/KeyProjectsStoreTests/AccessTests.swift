// SQLite only: every role × every write on a fresh copy of the store file per case (147 copies); on PostgreSQL the same matrix is held by the server (PostgresRoleMatrixTests, psql as each role), and a clerk's writes and refusals through the store run on both engines (BothEnginesWriteTests, …ImportRulesTests, …WriteRulesTests; a refusal saying who may: BothEnginesWriteTests).
import Foundation
import KeyProjects
import KeyProjectsDemo
@_spi(Testing) import KeyProjectsStore
import Testing

/// The permission matrix of issue 4 §1 at the store layer: every role × every kind of write,
/// each on a fresh copy of one store, acting as a roster account.
@Suite struct AccessTests {
    /// One write, with the sub-command and issue it touches chosen from the sample.
    enum Write: String, CaseIterable {
        case progressOwn, progressOther, remindOwn, remindOther, issueNewOwn, issueNewOther
        case dispatchOwn, arrangeAssigned, feedbackAssigned, arrangeOtherUnit, escalateOwn, listOwn
        case importProjects, importMeetings, importIssues, importMonthlyOwn
        case awardProposeOwn, awardProposeOther, awardPick, importAwardNominationOwn, importAwardPick
    }

    enum Account: String, CaseIterable {
        case office = "t-office", hq = "t-hq", clerk = "t-clerk", unit = "t-unit", wall = "t-wall", viewer = "t-viewer"
        case stranger = "t-stranger"
    }

    /// Who may: the rule as issue 4 states it, written out case by case.
    static func expected(_ account: Account, _ write: Write) -> Bool {
        switch account {
        case .office: return true
        case .hq, .wall, .viewer, .stranger: return false
        case .clerk:
            return [.progressOwn, .remindOwn, .issueNewOwn, .dispatchOwn, .arrangeAssigned, .feedbackAssigned,
                    .arrangeOtherUnit, .escalateOwn, .listOwn, .importMonthlyOwn, .awardProposeOwn, .importAwardNominationOwn].contains(write)
        case .unit:
            return [.arrangeAssigned, .feedbackAssigned].contains(write)
        }
    }

    struct Fixture {
        let base: URL
        let own: String            // a project of the clerk's sub-command
        let other: String          // a project of another sub-command
        let otherSubcommand: String
        let registered: KeyProjects.Issue      // registered, on an own project
        let assigned: KeyProjects.Issue        // dispatched to the unit account's unit, on an own project
        let otherUnit: KeyProjects.Issue       // dispatched to another unit, on an own project
        let scratch: Scratch
    }

    static func fixture() throws -> Fixture {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch, name: "base")
        // Issues made for the test by the store's creator (the office): one registered, two
        // dispatched to different units, all on a project of the clerk's sub-command.
        let projects = try store.loadPortfolio(.board).files.map(\.project)
        let sc = "law"
        let own = projects.first { $0.subcommand == sc }!.code
        let other = projects.first { $0.subcommand != sc }!.code
        func make(_ unit: String?) throws -> KeyProjects.Issue {
            let issue = try store.registerIssue(NewIssue(project: own, category: .land, level: .city, description: "test"), on: Self.day)
            guard let unit else { return issue }
            return try store.apply(.dispatch(unit: unit), toIssue: issue.id, on: Self.day)
        }
        let registered = try make(nil), assigned = try make("市规划和自然资源局"), otherUnit = try make("市能源局")
        // The quarter's proposal the award pick chooses from.
        try store.proposeAwards(quarter: Quarter(year: 2026, number: 3)!, subcommand: sc, best: AwardChoice(project: own), worst: nil, on: Self.day)
        var toml = try String(contentsOf: store.directory.appendingPathComponent("locality.toml"), encoding: .utf8)
        toml += """

            [[roster]]
            account = "t-office"
            role = "office"
            [[roster]]
            account = "t-hq"
            role = "hq"
            [[roster]]
            account = "t-clerk"
            role = "clerk"
            subcommands = ["\(sc)"]
            [[roster]]
            account = "t-unit"
            role = "unit"
            unit = "\(assigned.unit)"
            [[roster]]
            account = "t-wall"
            role = "wall"
            [[roster]]
            account = "t-viewer"
            role = "viewer"

            """
        try toml.write(to: store.directory.appendingPathComponent("locality.toml"), atomically: true, encoding: .utf8)
        return Fixture(base: store.directory, own: own, other: other, otherSubcommand: projects.first { $0.code == other }!.subcommand,
                       registered: registered, assigned: assigned, otherUnit: otherUnit, scratch: scratch)
    }

    static let day = Day.parse("2026-10-31")!

    func perform(_ write: Write, _ f: Fixture, _ store: SQLiteStore) throws(StoreError) {
        let month = YearMonth(year: 2026, month: 10)!
        switch write {
        case .progressOwn: try store.recordProgress(ProgressEntry(project: f.own, month: month, completed: Money(wan: 1)), on: Self.day)
        case .progressOther: try store.recordProgress(ProgressEntry(project: f.other, month: month, completed: Money(wan: 1)), on: Self.day)
        case .remindOwn: try store.addReminder(Reminder(project: f.own, date: Self.day, by: ""), on: Self.day)
        case .remindOther: try store.addReminder(Reminder(project: f.other, date: Self.day, by: ""), on: Self.day)
        case .issueNewOwn: try store.registerIssue(NewIssue(project: f.own, category: .land, level: .city, description: "d"), on: Self.day)
        case .issueNewOther: try store.registerIssue(NewIssue(project: f.other, category: .land, level: .city, description: "d"), on: Self.day)
        case .dispatchOwn: try store.apply(.dispatch(unit: "市能源局"), toIssue: f.registered.id, on: Self.day)
        case .arrangeAssigned: try store.apply(.arrange, toIssue: f.assigned.id, on: Self.day)
        case .feedbackAssigned:
            try store.apply(.feedback(note: "n"), toIssue: f.assigned.id, on: Self.day)
        case .arrangeOtherUnit: try store.apply(.arrange, toIssue: f.otherUnit.id, on: Self.day)
        case .escalateOwn: try store.apply(.escalate(reason: "r"), toIssue: f.assigned.id, on: Self.day)
        case .listOwn:
            try store.apply(.list(SupervisionFive(solution: "s", unit: "市规划和自然资源局", leader: "l", person: "p", deadline: Self.day.adding(days: 9))),
                            toIssue: f.assigned.id, on: Self.day)
        case .importProjects:
            _ = try store.importLedger(.projects, data: Data(try store.exportLedger(.projects).utf8), file: "p.csv", today: sampleAsOf)
        case .importMeetings:
            _ = try store.importLedger(.meetings, data: Data(try store.exportLedger(.meetings).utf8), file: "m.csv", today: sampleAsOf)
        case .importIssues:
            _ = try store.importLedger(.issues, data: Data(try store.exportLedger(.issues).utf8), file: "i.csv", today: sampleAsOf)
        case .importMonthlyOwn:
            let csv = "项目编码,月份,本月完成投资（万元）\n\(f.own),2026-10,3\n"
            _ = try store.importLedger(.monthly, data: Data(csv.utf8), file: "monthly.csv", today: sampleAsOf)
        case .awardProposeOwn:
            try store.proposeAwards(quarter: Quarter(year: 2026, number: 3)!, subcommand: "law", best: AwardChoice(project: f.own, reason: "r"),
                                    worst: nil, on: Self.day)
        case .awardProposeOther:
            try store.proposeAwards(quarter: Quarter(year: 2026, number: 3)!, subcommand: f.otherSubcommand,
                                    best: AwardChoice(project: f.other, reason: "r"), worst: nil, on: Self.day)
        case .awardPick:
            try store.pickAwards(quarter: Quarter(year: 2026, number: 3)!, antelope: [f.own], snail: [], on: Self.day)
        case .importAwardNominationOwn:
            let csv = "季度,环节,奖项,分指挥部,项目编码,理由,记录日期\n2026Q3,提名,羚羊奖,law,\(f.own),导入,2026-10-31\n"
            _ = try store.importLedger(.awards, data: Data(csv.utf8), file: "awards.csv", today: sampleAsOf)
        case .importAwardPick:
            let csv = "季度,环节,奖项,项目编码,名次,记录日期\n2026Q3,评定,羚羊奖,\(f.own),1,2026-10-31\n"
            _ = try store.importLedger(.awards, data: Data(csv.utf8), file: "awards.csv", today: sampleAsOf)
        }
    }

    @Test func everyRoleTimesEveryWrite() throws {
        let f = try Self.fixture()
        var n = 0
        for account in Account.allCases {
            for write in Write.allCases {
                n += 1
                let dir = f.scratch.path("case-\(n)")
                try FileManager.default.copyItem(at: f.base, to: dir)
                if write == .feedbackAssigned {
                    // Feedback follows arranging: the office arranges first.
                    try SQLiteStore.open(dir, actor: "t-office").apply(.arrange, toIssue: f.assigned.id, on: Self.day)
                }
                let store = try SQLiteStore.open(dir, actor: account.rawValue)
                let before = try store.changeLogCount()
                var refusal: AccessRefusal? = nil
                do { try perform(write, f, store) } catch let error {
                    guard case let .accessRefused(r) = error else {
                        Issue.record("\(account) \(write): unexpected \(error)")
                        continue
                    }
                    refusal = r
                }
                let allowed = Self.expected(account, write)
                #expect((refusal == nil) == allowed, "\(account.rawValue) \(write.rawValue)")
                if let refusal {
                    #expect(try store.changeLogCount() == before, "\(account.rawValue) \(write.rawValue) wrote nothing")
                    #expect(refusal.account == account.rawValue)
                    // The refusal names who may: the office account at least.
                    #expect(refusal.allowed.contains { $0.account == "t-office" }, "\(account.rawValue) \(write.rawValue)")
                } else if try store.changeLogCount() > before {   // re-importing exported rows changes nothing
                    let last = try store.lastUndoable()
                    #expect(last.first?.actor == account.rawValue, "the change log records \(account.rawValue)")
                }
            }
        }
    }

    @Test func aRosterMistakeIsNamedByItsKey() throws {
        let base = SampleLocality.linfen.localityTOML
        // The sample's own roster comes first; ours is appended after it.
        let n = base.components(separatedBy: "[[roster]]").count - 1
        for (extra, key) in [
            ("account = \"a\"\nrole = \"boss\"\n", "role"),
            ("account = \"a\"\nrole = \"clerk\"\n", "subcommands"),
            ("account = \"a\"\nrole = \"clerk\"\nsubcommands = [\"nope\"]\n", "subcommands"),
            ("account = \"a\"\nrole = \"unit\"\nunit = \"不存在的局\"\n", "unit"),
            ("account = \"lf-office\"\nrole = \"hq\"\n", "account"),
        ] {
            let text = base + "\n[[roster]]\n" + extra
            let path = key == "account" ? "roster[\(n)].account" : "roster[\(n)].\(key)"
            do {
                _ = try LocalityFile.parse(text, file: "locality.toml")
                Issue.record("accepted \(extra)")
            } catch let error {
                guard case let .configInvalid(_, problems) = error else { Issue.record("\(error)"); continue }
                #expect(problems.contains { $0.path == path }, "\(problems)")
            }
        }
    }
}
