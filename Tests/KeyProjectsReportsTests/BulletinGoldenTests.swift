import Foundation
import GoldenFiles
import KeyProjects
import KeyProjectsReports
import Testing

/// The monthly bulletin and the special report as golden text on ReportFixture (issue 6 §2, §6).
/// The texts are files in `__Snapshots__/` (`CMDROOM_RECORD=1` rewrites them; see GoldenFile).
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

    static let directory = GoldenFile.directory(beside: #filePath)

    func check(_ name: String, _ text: String) {
        GoldenFile.check(text, named: name, in: Self.directory)
    }

    @Test func theBulletinInMarkdownAndText() {
        let report = BulletinReport(portfolio: Self.portfolio, config: ReportFixture.config, month: Self.october, strings: .zh)
        check("bulletin.md.zh", report.markdown())
        check("bulletin.text.zh", report.text())
        check("bulletin.md.en", BulletinReport(portfolio: Self.portfolio, config: ReportFixture.config, month: Self.october, strings: .en).markdown())
    }

    @Test func theSpecialReport() {
        let report = SpecialReport(portfolio: Self.portfolio, config: ReportFixture.config, month: Self.october,
                                   decisions: Self.decisions, strings: .zh)
        check("special.md.zh", report.markdown())
        check("special.md.en", SpecialReport(portfolio: Self.portfolio, config: ReportFixture.config, month: Self.october,
                                             decisions: Self.decisions, strings: .en).markdown())
    }
}
