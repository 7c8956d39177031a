import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsStore
import Testing

/// A working group (作战小组) is a body an issue, a listing or a meeting's decision may be given
/// to where the locality has them (issue 16; seed 003: the 项目前期小组 runs approvals "一口进出",
/// the 督办监督小组 supervises through the 13710 system and 挂牌督办).
@Suite struct WorkingGroupStoreTests {
    @Test func anIssueAListingAndADecisionGoToAWorkingGroup() throws {
        let scratch = Scratch()
        let store = try sampleStore(.lingchuan, in: scratch)
        let day = Day.parse("2026-11-09")!
        let portfolio = try store.loadPortfolio()
        let p = try #require(portfolio.files.first?.project)
        var issue = try store.registerIssue(NewIssue(project: p.code, category: .approval, level: .county, description: "施工许可办理滞后"),
                                            on: day)
        // The duty table proposes the group for approvals.
        #expect(store.config.organisation.proposedUnit(for: .approval) == "项目前期小组")
        issue = try store.apply(.dispatch(unit: "项目前期小组"), toIssue: issue.id, on: day)
        #expect(issue.unit == "项目前期小组" && issue.status == .dispatched)
        issue = try store.apply(.list(SupervisionFive(solution: "一口进出，全程代办", unit: "督办监督小组", leader: "孟书晴", person: "吴丽华",
                                                      deadline: Day.parse("2026-11-30")!)), toIssue: issue.id, on: day)
        #expect(issue.listed && issue.supervision.unit == "督办监督小组")
        // A body the county does not have is refused, naming it.
        let other = try store.registerIssue(NewIssue(project: p.code, category: .other, level: .county, description: "d"), on: day)
        let error = storeError { _ = try store.apply(.dispatch(unit: "综合督查组"), toIssue: other.id, on: day) }
        guard case let .workflow(_, refusal)? = error, case let .unknownUnit(unit) = refusal else {
            Testing.Issue.record("expected unknownUnit, got \(String(describing: error))"); return
        }
        #expect(unit == "综合督查组")
        // A meeting's decision given to a group becomes an issue dispatched to it.
        let meeting = try #require(portfolio.meetings.first { $0.kind == .plenary && $0.date >= day && !$0.cancelled })
        let d = try store.record(DecisionInput(meeting: meeting.id, item: "site-office", project: p.code, kind: .decision,
                                               text: "两周内完成施工许可联审", unit: "项目前期小组", person: "尹卫东",
                                               deadline: Day.parse("2026-11-23")!), on: day)
        let tracked = try #require(try store.issue(d.issue))
        #expect(tracked.unit == "项目前期小组" && tracked.description.hasPrefix(meeting.title))
        #expect(meeting.title.hasSuffix("县项目攻坚指挥部会议"))
    }
}
