import KeyProjects
import Testing

/// The 责任清单's rules (issue 16): one project, one leader; a leader of the headquarters above
/// the locality's limit is flagged (seed 002: 每位市级领导包联 1-2 项市级重点项目); leaders of
/// the localities below are listed but not held to it.
@Suite struct ResponsibilityTests {
    static func organisation(limit: Int?) -> Organisation {
        Organisation(code: "t", name: "测试市重点工程项目总指挥部", level: .city, region: "测试市", commander: "mayor",
                     office: Office(name: "办公室", director: "vm", hostUnit: "市发展改革委"),
                     leaders: [Leader(id: "mayor", name: "甲", title: "市长"), Leader(id: "vm", name: "乙", title: "副市长"),
                               Leader(id: "vm2", name: "丙", title: "副市长")],
                     subcommands: [SubCommand(code: "a", name: "甲分指挥部", commander: "vm")],
                     localities: [Locality(code: "x", name: "某县", kind: .county)], units: ["市发展改革委"], dutyTable: [:],
                     liaisonLimit: limit)
    }

    static func project(_ code: String, _ leader: String) -> Project {
        Project(code: code, name: "项目\(code)", level: .city, subcommand: "a", locality: "x", constructionUnit: "某公司",
                nature: .new, stage: .construction, totalInvestment: Money(wan: 1000), annualPlan: Money(wan: 100),
                liaisonLeader: leader, responsibleUnit: "市发展改革委", responsiblePerson: "某人")
    }

    @Test func aLeaderAboveTheLimitIsFlaggedAndOneAtItIsNot() {
        let projects = [Self.project("P1", "乙"), Self.project("P2", "乙"), Self.project("P3", "乙"),
                        Self.project("P4", "甲"), Self.project("P5", "甲")]
        let list = ResponsibilityList(projects: projects, organisation: Self.organisation(limit: 2))
        #expect(list.holders.map(\.name) == ["甲", "乙", "丙"])
        #expect(list.holders.map(\.projects.count) == [2, 3, 0])
        #expect(list.overLimit.map(\.name) == ["乙"])
        #expect(list.withoutLeader.isEmpty)
    }

    @Test func withoutALimitNobodyIsFlagged() {
        let projects = (1...5).map { Self.project("P\($0)", "乙") }
        let list = ResponsibilityList(projects: projects, organisation: Self.organisation(limit: nil))
        #expect(list.overLimit.isEmpty && list.limit == nil)
        #expect(list.holders.first { $0.name == "乙" }?.projects.count == 5)
    }

    @Test func projectsWithoutALeaderAreListedInTheLedgersOrder() {
        let projects = [Self.project("P1", ""), Self.project("P2", "甲"), Self.project("P3", "  ")]
        let list = ResponsibilityList(projects: projects, organisation: Self.organisation(limit: 2))
        #expect(list.withoutLeader == ["P1", "P3"])
    }

    @Test func localLeadersComeAfterTheHeadquartersAndAreNotHeldToTheLimit() {
        let projects = [Self.project("P1", "丁（某县）"), Self.project("P2", "丁（某县）"), Self.project("P3", "丁（某县）"),
                        Self.project("P4", "戊（某县）")]
        let list = ResponsibilityList(projects: projects, organisation: Self.organisation(limit: 2))
        #expect(list.holders.map(\.name) == ["甲", "乙", "丙", "丁（某县）", "戊（某县）"])
        let local = list.holders[3]
        #expect(local.leader == nil && local.projects == ["P1", "P2", "P3"] && !local.overLimit)
    }
}
