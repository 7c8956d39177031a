import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsStore
import Testing

/// locality.toml's organisation keys of issue 16: [[working_groups]], [names], [units]'s
/// deputy_heads/local_governments/others, [liaison], the 水气暖/电力 split of [duty]. Mistakes
/// are named with their key path.
@Suite struct LocalityOrganisationTests {
    func problems(_ toml: String) -> [ConfigProblem] {
        let error = storeError { _ = try LocalityFile.parse(toml, file: "locality.toml") }
        if case let .configInvalid(_, problems)? = error { return problems }
        return error.map { [ConfigProblem(path: "?", message: $0.description)] } ?? []
    }

    let lingchuan = SampleLocality.lingchuan.localityTOML
    let linfen = SampleLocality.linfen.localityTOML

    @Test func aFileWithoutTheNewKeysKeepsTheStandardNamesAndNoGroups() throws {
        // A locality.toml of before issue 16: no [names], [liaison], [[working_groups]].
        var toml = linfen
        for table in ["[names]", "[liaison]"] {
            let start = try #require(toml.range(of: "\n\(table)\n"))
            let end = toml[start.upperBound...].range(of: "\n\n")!.upperBound
            toml.removeSubrange(start.lowerBound..<end)
        }
        toml = toml.replacingOccurrences(of: "deputy_heads = [\"市公安局\", \"市委党校\"]\nlocal_governments = true\n", with: "")
        let org = try LocalityFile.parse(toml, file: "locality.toml").organisation
        #expect(org.names == .standard && org.liaisonLimit == nil && org.workingGroups.isEmpty)
        #expect(!org.localGovernmentsAreMembers && org.deputyHeadUnits.isEmpty)
        let titles = Cadence.expand(Cadence.defaults(for: org), organisation: org, calendar: nil,
                                    from: Day(year: 2026, month: 12, day: 1)!, to: Day(year: 2026, month: 12, day: 31)!).map(\.title)
        #expect(titles.contains("2026年第4季度总指挥部全体会议") && titles.contains("2026年12月总指挥部办公室调度会议"))
    }

    @Test func aWorkingGroupIsAUnitAnIssueOrADutyMayGoTo() throws {
        let org = try SampleLocality.lingchuan.config().organisation
        #expect(org.units.contains("督办监督小组") && org.units.contains("县发展和改革局"))
        #expect(org.isWorkingGroup("项目前期小组") && !org.isWorkingGroup("县工信局"))
        #expect(org.units.count == Set(org.units).count)
    }

    @Test func aGroupsMistakesAreNamedWithTheirPath() {
        var toml = lingchuan
        toml = toml.replacingOccurrences(of: "lead_units = [\"县投资促进中心\"]\n\n[[working_groups]]",
                                         with: "lead_units = [\"县招商局\"]\n\n[[working_groups]]")
        toml = toml.replacingOccurrences(of: "code = \"planning\"", with: "code = \"coordination\"")
        toml = toml.replacingOccurrences(of: "leaders = [\"ndrc-head\"]\n\n[[working_groups]]\ncode = \"investment\"",
                                         with: "leaders = [\"nobody\"]\n\n[[working_groups]]\ncode = \"investment\"")
        toml = toml.replacingOccurrences(of: "duties = [\n  \"分区域", with: "dutys = [\"x\"]\nduties = [\n  \"分区域")
        let found = problems(toml)
        let paths = found.map(\.path)
        #expect(paths.contains("working_groups[2].lead_units[0]"))
        #expect(found.contains { $0.path == "working_groups[1].code" && $0.message.contains("repeats working_groups[0]") })
        #expect(paths.contains("working_groups[1].leaders[0]"))
        #expect(paths.contains("working_groups[2].dutys"))
    }

    @Test func aDutyToAnUnknownBodyOrAnUnknownCategoryIsRefused() {
        var toml = lingchuan.replacingOccurrences(of: "approval = \"项目前期小组\"", with: "approval = \"项目后期小组\"")
        toml = toml.replacingOccurrences(of: "power = \"国网陵川供电公司\"", with: "electricity = \"国网陵川供电公司\"")
        let found = problems(toml)
        #expect(found.contains { $0.path == "duty.approval" && $0.message.contains("[[working_groups]]") })
        #expect(found.contains { $0.path == "duty.electricity" && $0.message.contains("power") })
    }

    @Test func unitListsAreChecked() {
        var toml = linfen.replacingOccurrences(of: "deputy_heads = [\"市公安局\", \"市委党校\"]", with: "deputy_heads = [\"市公安局\", \"市党校\"]")
        toml = toml.replacingOccurrences(of: "\"临汾职业技术学院\", \"市公安局\", \"市委党校\",", with: "\"临汾职业技术学院\", \"市公安局\", \"市委党校\", \"市公安局\",")
        toml = toml.replacingOccurrences(of: "local_governments = true", with: "local_governments = \"yes\"\nothers = [\"市教育局\"]")
        let found = problems(toml)
        #expect(found.contains { $0.path == "units.deputy_heads[1]" && $0.message.contains("市党校") })
        #expect(found.contains { $0.path == "units.members[33]" && $0.message.contains("repeats") })
        #expect(found.map(\.path).contains("units.local_governments"))
        #expect(found.contains { $0.path == "units.others[0]" && $0.message.contains("members already") })
    }

    @Test func namesAndTheLimitAreRead() {
        var toml = lingchuan.replacingOccurrences(of: "max_projects = 2", with: "max_projects = 0")
        toml = toml.replacingOccurrences(of: "plenary = \"县项目攻坚指挥部会议\"", with: "plenary = \"\"\nmeeting = \"x\"")
        let paths = problems(toml).map(\.path)
        #expect(paths.contains("liaison.max_projects"))
        #expect(paths.contains("names.plenary"))
        #expect(paths.contains("names.meeting"))
    }

    @Test func aCadenceTitleMayNameTheBodies() throws {
        let toml = lingchuan + """

        [[cadence]]
        series = "plenary"
        kind = "plenary"
        every = "quarter"
        months = [3, 6, 9, 12]
        day = 25
        time = "15:00"
        chair = "county-head"
        scope = "hq"
        title = "{year}年第{quarter}季度{plenary}（{headquarters}、{office}、{office_meeting}）"
        location = "县政府第一会议室"
        """
        let config = try LocalityFile.parse(toml, file: "locality.toml") { name in
            name == "holidays.toml" ? SampleLocality.lingchuan.extraFiles[name] : nil
        }
        let rules = try #require(config.cadence)
        let meetings = Cadence.expand(rules, organisation: config.organisation, calendar: nil,
                                      from: Day(year: 2026, month: 3, day: 1)!, to: Day(year: 2026, month: 3, day: 31)!)
        #expect(meetings.map(\.title) == ["2026年第1季度县项目攻坚指挥部会议（县项目攻坚指挥部、县项目攻坚指挥部办公室、县项目攻坚指挥部办公室会议）"])
    }
}
