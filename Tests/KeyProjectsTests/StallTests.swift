import KeyProjects
import Testing

/// DOMAIN.md §4 and §9: the 一二三 ladder.
@Suite struct StallTests {
    let rules = StallRules()

    func step(_ f: ProjectFile, _ m: String, _ rules: StallRules = StallRules()) -> StallStep {
        Stall.step(f, through: month(m), rules: rules)
    }

    @Test func oneTwoThreeMonthsWithoutProgress() {
        let f = file(records: records(from: "2026-01", completed: [100, 100, 0, 0, 0, 0]))
        #expect(step(f, "2026-02") == StallStep.none)
        #expect(step(f, "2026-03") == .report)
        #expect(step(f, "2026-04") == .officeSupervision)
        #expect(step(f, "2026-05") == .governmentSupervision)
        #expect(step(f, "2026-06") == .governmentSupervision)   // capped at 3
    }

    @Test func aMilestoneReachedInTheMonthIsProgress() {
        let reached = Milestone(project: "P1", kind: .permit, planned: day("2026-03-01"), actual: day("2026-03-18"))
        let f = file(records: records(from: "2026-01", completed: [100, 0, 0]), milestones: [reached])
        #expect(step(f, "2026-03") == StallStep.none)
        #expect(step(f, "2026-02") == .report)
    }

    @Test func aMonthMissingFromTheLedgerHasNoProgress() {
        let f = file(records: records(from: "2026-01", completed: [100]))
        #expect(step(f, "2026-03") == .officeSupervision)
    }

    @Test func countedOnlyForProjectsInPreparationOrConstruction() {
        let idle = records(from: "2026-01", completed: [0, 0, 0])
        for stage in [ProjectStage.planning, .reserve, .completed, .production] {
            #expect(step(file(project(stage: stage), records: idle), "2026-03") == StallStep.none)
        }
        #expect(step(file(project(stage: .preparation), records: idle), "2026-03") == .governmentSupervision)
    }

    @Test func countedFromTheStartOfTheYear() {
        let f = file(records: records(from: "2025-11", completed: [0, 0, 0]))
        #expect(step(f, "2026-01") == .report)
        let across = StallRules(countFromYearStart: false)
        #expect(step(f, "2026-01", across) == .governmentSupervision)
    }
}
