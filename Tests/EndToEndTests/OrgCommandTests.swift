import Foundation
import Testing

/// `cmdroom org` through the real binary (issue 16): the county's working groups and its own
/// names, the 责任清单 in text, Markdown and JSON, both languages.
@Suite struct OrgCommandTests {
    @Test func theCountysOrganisationAndResponsibilityList() throws {
        let scratch = Scratch()
        let store = scratch.path("lc")
        let made = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", "lingchuan"])
        #expect(made.status == 0, "\(made.stderr)")

        let text = try run(Binaries.cmdroom, ["org", "--store", store])
        #expect(text.status == 0 && text.stderr.isEmpty, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("陵川县项目攻坚指挥部 组织架构与责任清单"))
        for word in ["一、县项目攻坚指挥部", "作战小组（6 个）", "督办监督小组", "项目前期小组（作战小组）", "县城投筹备组",
                     "县项目攻坚指挥部会议（每季度）", "每位领导包联不超过 2 个项目。", "水气暖", "电力"] {
            #expect(text.stdout.contains(word), "missing \(word)")
        }
        #expect(!text.stdout.contains("总指挥部全体会议"))

        let json = try run(Binaries.cmdroom, ["org", "--store", store, "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["workingGroups"] as? [[String: Any]])?.count == 6)
        #expect((object["subcommands"] as? [[String: Any]])?.count == 7)
        #expect((object["projects"] as? [[String: Any]])?.count == 42)
        #expect(object["liaisonLimit"] as? Int == 2)

        let md = try run(Binaries.cmdroom, ["org", "--store", store, "--format", "md", "--lang", "en"])
        #expect(md.status == 0 && md.stdout.hasPrefix("# 陵川县项目攻坚指挥部: organisation and responsibility list"))
        #expect(md.stdout.contains("## Working groups (6)"))

        let calendar = try run(Binaries.cmdroom, ["calendar", "--store", store, "--from", "2026-12-01", "--to", "2026-12-31"])
        #expect(calendar.stdout.contains("2026年第4季度县项目攻坚指挥部会议"))
        #expect(calendar.stdout.contains("2026年12月县项目攻坚指挥部办公室会议"))
    }
}
