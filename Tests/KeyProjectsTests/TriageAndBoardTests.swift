import KeyProjects
import Testing

@Suite struct TriageTests {
    let asOf = day("2026-03-20")
    let projects = [
        "BIG": project("BIG", total: 900_000, level: .province),
        "MID": project("MID", total: 50_000, level: .city),
        "SMALL": project("SMALL", total: 5_000, level: .county),
    ]

    func issue(_ id: String, _ project: String, registered: String = "2026-03-19", kind: IssueKind = .general,
               listed: Bool = false, group: String = "", status: IssueStatus = .registered) -> KeyProjects.Issue {
        KeyProjects.Issue(id: id, project: project, category: .land, kind: kind, description: id, status: status,
              registeredOn: day(registered), listed: listed, group: group)
    }

    func order(_ issues: [KeyProjects.Issue]) -> [String] {
        Triage.order(issues, projects: projects, asOf: asOf).map(\.issue.id)
    }

    @Test func overdueFirstThenImportance() {
        let ids = order([
            issue("fresh-big", "BIG"),                               // due tomorrow
            issue("late-small", "SMALL", registered: "2026-03-10"),  // overdue
            issue("late-big", "BIG", registered: "2026-03-15"),      // overdue
        ])
        #expect(ids == ["late-big", "late-small", "fresh-big"])
    }

    @Test func siteObstructionsAndListedIssuesComeBeforeOrdinaryOnes() {
        let ids = order([
            issue("ordinary", "BIG", registered: "2026-03-20"),
            issue("obstruction", "SMALL", registered: "2026-03-20", kind: .obstruction),
            issue("listed", "SMALL", registered: "2026-03-20", listed: true),
        ])
        #expect(ids == ["listed", "obstruction", "ordinary"] || ids == ["obstruction", "listed", "ordinary"])
        #expect(ids.last == "ordinary")
    }

    @Test func sharedProblemsComeFirstAndStayTogether() {
        let ids = order([
            issue("single-big", "BIG", registered: "2026-03-20"),
            issue("shared-small", "SMALL", registered: "2026-03-20", group: "电力接入"),
            issue("other", "MID", registered: "2026-03-20"),
            issue("shared-mid", "MID", registered: "2026-03-20", group: "电力接入"),
        ])
        #expect(ids == ["shared-mid", "shared-small", "single-big", "other"])
        let entries = Triage.order([issue("a", "BIG", group: "g"), issue("b", "MID", group: "g")], projects: projects, asOf: asOf)
        #expect(entries.allSatisfy { $0.groupSize == 2 })
    }

    @Test func waitingForConfirmationAndClearedComeLast() {
        var waiting = issue("waiting", "BIG", registered: "2026-03-01", status: .solutionClaimed)
        waiting.dispatchedOn = day("2026-03-02")
        var cleared = issue("cleared", "BIG", registered: "2026-03-01", status: .cleared)
        cleared.clearedOn = day("2026-03-10")
        let ids = order([cleared, waiting, issue("open", "SMALL")])
        #expect(ids == ["open", "waiting", "cleared"])
    }
}

@Suite struct BoardTests {
    @Test func countsPerGroupAndAStripOfTwelveMonths() {
        let org = Organisation(code: "t", name: "测试", level: .city, region: "测试市", commander: "m",
                               office: Office(name: "办公室", director: "m", hostUnit: "发改委"),
                               leaders: [Leader(id: "m", name: "某某", title: "市长")],
                               subcommands: [SubCommand(code: "sc1", name: "一", commander: "m"), SubCommand(code: "sc2", name: "二", commander: "m")],
                               localities: [Locality(code: "loc1", name: "甲县", kind: .county)], units: [], dutyTable: [:])
        let onTrack = file(project("A"), records: records("A", from: "2025-01", completed: Array(repeating: 100, count: 22)))
        let behind = file(project("B", subcommand: "sc2"), records: records("B", from: "2026-10", completed: [10]))
        let board = Board.assess(Portfolio(files: [onTrack, behind]), rules: RuleSettings(), asOf: day("2026-10-31"))
        #expect(board.month == month("2026-10"))
        #expect(board.totals.blue == 1 && board.totals.behind == 1)
        let groups = board.groups(by: .subcommand, organisation: org)
        #expect(groups.map(\.code) == ["sc1", "sc2"])
        #expect(groups[0].counts.blue == 1 && groups[1].counts.behind == 1)
        #expect(board.standings[0].strip.count == 12)
        #expect(board.standings[0].strip.last?.month == month("2026-10"))
        #expect(board.standings[1].strip.count == 1)
    }
}
