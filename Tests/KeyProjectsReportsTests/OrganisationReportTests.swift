import Foundation
import GoldenFiles
import KeyProjects
import KeyProjectsReports
import StringTables
import TextLayout
import Testing

/// The organisation page and `cmdroom org` (issue 16) on a constructed county: a working group
/// given a duty, a sub-command with two deputies, a leader over the limit, a project without a
/// leader, a local leader. Golden text in both languages, Markdown in Chinese, JSON's fields.
@Suite struct OrganisationReportTests {
    static let directory = GoldenFile.directory(beside: #filePath)

    static let organisation = Organisation(
        code: "demo", name: "示例县项目攻坚指挥部", level: .county, region: "示例县", commander: "head",
        executiveDeputies: ["vc"], deputies: ["vc2", "drc"],
        office: Office(name: "示例县项目攻坚指挥部办公室", director: "vc", hostUnit: "县发展和改革局"),
        leaders: [Leader(id: "head", name: "甲某", title: "县长"), Leader(id: "vc", name: "乙某", title: "副县长"),
                  Leader(id: "vc2", name: "丙某", title: "副县长"), Leader(id: "drc", name: "丁某", title: "县发展和改革局局长"),
                  Leader(id: "agri", name: "戊某", title: "县农业农村局局长")],
        subcommands: [SubCommand(code: "industry", name: "工业领域项目攻坚指挥部", commander: "vc2", deputies: ["drc"],
                                 leadUnits: ["县发展和改革局"]),
                      SubCommand(code: "rural", name: "乡村振兴领域项目攻坚指挥部", commander: "vc2", deputies: ["agri", "drc"],
                                 leadUnits: ["县农业农村局", "县发展和改革局"])],
        localities: [Locality(code: "a", name: "东镇", kind: .township), Locality(code: "z", name: "示范区", kind: .zone)],
        units: ["县农业农村局", "县行政审批局", "县公安局"],
        dutyTable: [.approval: "项目前期小组", .obstruction: "县公安局", .power: "国网示例供电公司"],
        deputyHeadUnits: ["县公安局"], localGovernmentsAreMembers: true, otherUnits: ["县发展和改革局", "国网示例供电公司"],
        workingGroups: [WorkingGroup(code: "preparation", name: "项目前期小组",
                                     duties: ["实行项目前期手续“一口进出”闭环管理", "建立问题定期会商机制"],
                                     leadUnits: ["县发展和改革局", "县行政审批局"], leaders: ["drc"])],
        names: BodyNames(headquarters: "县项目攻坚指挥部", office: "县项目攻坚指挥部办公室", plenary: "县项目攻坚指挥部会议",
                         officeMeeting: "县项目攻坚指挥部办公室会议"),
        liaisonLimit: 2)

    static func project(_ code: String, _ name: String, _ sub: String, _ leader: String, _ unit: String, _ person: String) -> Project {
        Project(code: code, name: name, level: .county, subcommand: sub, locality: "a", totalInvestment: Money(wan: 10_000),
                annualPlan: Money(wan: 1_200), liaisonLeader: leader, responsibleUnit: unit, responsiblePerson: person)
    }

    static let projects = [
        project("C1", "东镇新材料产业园项目", "industry", "乙某", "县发展和改革局", "张一"),
        project("C2", "示范区智能装备制造基地建设项目（一期）", "industry", "乙某", "县发展和改革局", "张二"),
        project("C3", "东镇高标准农田建设项目", "rural", "乙某", "县农业农村局", "张三"),
        project("C4", "东镇冷链物流中心项目", "rural", "甲某", "县农业农村局", "张四"),
        project("C5", "示范区污水处理厂提标改造工程", "rural", "", "县农业农村局", ""),
        project("C6", "东镇全民健身中心建设项目", "industry", "王某（东镇）", "", "张六"),
    ]

    func report(_ lang: Lang) -> OrganisationReport {
        OrganisationReport(organisation: Self.organisation, projects: Self.projects, strings: Strings.of(lang))
    }

    @Test(arguments: Lang.allCases)
    func theTextIsGolden(_ lang: Lang) {
        GoldenFile.check(report(lang).text(), named: "org.\(lang.rawValue)", in: Self.directory)
    }

    /// The page as the dashboard will show it, at 80 columns.
    @Test(arguments: Lang.allCases)
    func thePageAt80ColumnsIsGolden(_ lang: Lang) {
        GoldenFile.check(report(lang).lines(width: 80).joined(separator: "\n") + "\n", named: "org.page.\(lang.rawValue).80",
                         in: Self.directory)
    }

    @Test func theMarkdownIsGolden() {
        GoldenFile.check(report(.zh).markdown(), named: "org.md.zh", in: Self.directory)
    }

    @Test(arguments: [40, 80, 120])
    func thePageFitsItsWidth(_ width: Int) {
        for lang in Lang.allCases {
            let lines = report(lang).lines(width: width)
            for line in lines { #expect(DisplayWidth.of(line) <= width, "\(lang) \(width): [\(line)]") }
            // Nothing is lost by wrapping: each working group's duty is there.
            #expect(lines.joined().contains("一口进出"))
        }
    }

    @Test func theFlagsAreSaid() {
        let text = report(.zh).text()
        #expect(text.contains("1 位领导超过包联上限：乙某。"))
        #expect(text.contains("6 个项目中 1 个没有包联领导"))
        #expect(text.contains("【超过 2 个】"))
        #expect(text.contains("项目前期小组（作战小组）"))
        let en = report(.en).text()
        #expect(en.contains("Leaders over the limit (1): 乙某.") && en.contains("Projects without a liaison leader: 1 of 6"))
    }

    @Test func theJSONHasItsFields() throws {
        let data = Data(report(.zh).json().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["liaisonLimit"] as? Int == 2)
        #expect(object["projectsWithoutLeader"] as? [String] == ["C5"])
        let names = try #require(object["names"] as? [String: String])
        #expect(names["plenary"] == "县项目攻坚指挥部会议" && names["officeMeeting"] == "县项目攻坚指挥部办公室会议")
        let groups = try #require(object["workingGroups"] as? [[String: Any]])
        #expect(groups.count == 1 && groups[0]["name"] as? String == "项目前期小组")
        let duty = try #require(object["duty"] as? [[String: Any]])
        #expect(duty.first { $0["category"] as? String == "approval" }?["workingGroup"] as? Bool == true)
        let leaders = try #require(object["leaders"] as? [[String: Any]])
        let yi = try #require(leaders.first { $0["name"] as? String == "乙某" })
        #expect(yi["overLimit"] as? Bool == true && yi["count"] as? Int == 3 && yi["leader"] as? String == "vc")
        let local = try #require(leaders.first { $0["name"] as? String == "王某（东镇）" })
        #expect(local["leader"] is NSNull && local["overLimit"] as? Bool == false)
        #expect(object["localGovernments"] as? [String] == ["东镇人民政府", "示范区管委会"])
    }
}
