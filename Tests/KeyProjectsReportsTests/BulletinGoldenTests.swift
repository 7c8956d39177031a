import Foundation
import KeyProjects
import KeyProjectsReports
import Testing

/// The monthly bulletin and the special report as golden text on ReportFixture (issue 6 §2, §6).
/// `CMDROOM_RECORD_REPORTS=1` writes the texts to /tmp/cmdroom-reports/ for review.
@Suite struct BulletinGoldenTests {
    static let october = YearMonth(year: 2026, month: 10)!

    /// The fixture with a month's meeting and its decision, a milestone reached in October and
    /// one due in November.
    static var portfolio: Portfolio {
        var p = ReportFixture.portfolio
        p.meetings.insert(Meeting(id: "M0", date: day("2026-10-09"), time: "15:00", kind: .monthlyProgress,
                                  title: "2026年10月重点项目月度推进会", chair: "乙某", scope: .office), at: 0)
        p.files[0].milestones = [Milestone(project: "A1", kind: .start, planned: day("2026-10-01"), actual: day("2026-10-08"))]
        p.files[1].milestones = [Milestone(project: "A2", kind: .completion, planned: day("2026-11-30"))]
        p.files[0].records[2].progress = "主体结构完成80%"
        return p
    }

    static let decisions = [
        MeetingDecision(id: "M0-d1", meeting: "M0", item: "stalled:B2", project: "B2", kind: .decision, text: "11月15日前完成用地报批",
                        unit: "市规划和自然资源局", person: "丙某", deadline: day("2026-11-15"), issue: "Q3", recordedOn: day("2026-10-09")),
    ]

    func check(_ name: String, _ text: String, _ golden: [String]) {
        if ProcessInfo.processInfo.environment["CMDROOM_RECORD_REPORTS"] == "1" {
            try? FileManager.default.createDirectory(atPath: "/tmp/cmdroom-reports", withIntermediateDirectories: true)
            try? text.write(toFile: "/tmp/cmdroom-reports/\(name).txt", atomically: true, encoding: .utf8)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == golden, "\(name) differs from its golden text")
    }

    @Test func theBulletinInMarkdownAndText() {
        let report = BulletinReport(portfolio: Self.portfolio, config: ReportFixture.config, month: Self.october, strings: .zh)
        check("bulletin_md_zh", report.markdown(), BulletinGolden.markdown_zh)
        check("bulletin_text_zh", report.text(), BulletinGolden.text_zh)
        check("bulletin_md_en", BulletinReport(portfolio: Self.portfolio, config: ReportFixture.config, month: Self.october, strings: .en).markdown(),
              BulletinGolden.markdown_en)
    }

    @Test func theSpecialReport() {
        let report = SpecialReport(portfolio: Self.portfolio, config: ReportFixture.config, month: Self.october,
                                   decisions: Self.decisions, strings: .zh)
        check("special_md_zh", report.markdown(), BulletinGolden.special_zh)
        check("special_md_en", SpecialReport(portfolio: Self.portfolio, config: ReportFixture.config, month: Self.october,
                                             decisions: Self.decisions, strings: .en).markdown(), BulletinGolden.special_en)
    }
}
