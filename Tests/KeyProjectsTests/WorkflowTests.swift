import KeyProjects
import Testing

/// The issue life cycle: legal transitions, refusals with a reason.
@Suite struct WorkflowTests {
    let levels: [IssueLevel] = [.county, .city, .province]
    let start = KeyProjects.Issue(id: "Q1", project: "P1", category: .land, description: "用地指标", registeredOn: day("2026-03-02"))

    func apply(_ action: IssueAction, _ issue: KeyProjects.Issue, _ on: String = "2026-03-05") throws(WorkflowRefusal) -> KeyProjects.Issue {
        try IssueWorkflow.apply(action, to: issue, on: day(on), levels: levels)
    }

    @Test func theWholeWayToCleared() throws {
        var i = try apply(.dispatch(unit: "县自然资源局"), start, "2026-03-03")
        #expect(i.status == .dispatched && i.unit == "县自然资源局" && i.dispatchedOn == day("2026-03-03"))
        i = try apply(.arrange, i, "2026-03-03")
        #expect(i.status == .arranged)
        i = try apply(.feedback(note: "已对接"), i, "2026-03-05")
        #expect(i.status == .fedBack && i.feedbackOn == day("2026-03-05"))
        i = try apply(.claimSolved(note: "指标已调剂"), i, "2026-03-09")
        #expect(i.status == .solutionClaimed && i.solvedOn == day("2026-03-09"))
        i = try apply(.confirmSatisfied, i, "2026-03-12")
        #expect(i.status == .cleared && i.clearedOn == day("2026-03-12"))
    }

    @Test func notSatisfiedReopensAndTheUnitWorksAgain() throws {
        var i = try apply(.dispatch(unit: "U"), start)
        i = try apply(.arrange, i)
        i = try apply(.claimSolved(note: ""), i)
        #expect(i.feedbackOn == day("2026-03-05"))   // claiming solved is itself feedback
        i = try apply(.reopen(reason: "企业不满意"), i, "2026-03-10")
        #expect(i.status == .reopened && i.reopenCount == 1 && i.solvedOn == nil && i.reopenedOn == day("2026-03-10"))
        i = try apply(.claimSolved(note: ""), i, "2026-03-12")
        #expect(i.status == .solutionClaimed)
    }

    @Test func onlyTheEnterpriseClearsAnIssue() {
        #expect(throws: WorkflowRefusal.notFromStatus(action: "confirm", status: .registered)) {
            try apply(.confirmSatisfied, start)
        }
    }

    @Test func illegalTransitionsAreRefusedWithAReason() throws {
        #expect(throws: WorkflowRefusal.notFromStatus(action: "arrange", status: .registered)) { try apply(.arrange, start) }
        #expect(throws: WorkflowRefusal.notFromStatus(action: "feedback", status: .registered)) { try apply(.feedback(note: ""), start) }
        #expect(throws: WorkflowRefusal.missingUnit) { try apply(.dispatch(unit: "  "), start) }
        let dispatched = try apply(.dispatch(unit: "U"), start)
        #expect(throws: WorkflowRefusal.notFromStatus(action: "dispatch", status: .dispatched)) { try apply(.dispatch(unit: "V"), dispatched) }
        #expect(throws: WorkflowRefusal.missingReason) { try apply(.returnToOffice(reason: ""), dispatched) }
        var cleared = start
        cleared.status = .cleared
        #expect(throws: WorkflowRefusal.notFromStatus(action: "escalate", status: .cleared)) { try apply(.escalate(reason: "x"), cleared) }
    }

    @Test func aReturnGoesBackToTheOfficeForDispatch() throws {
        let dispatched = try apply(.dispatch(unit: "U"), start, "2026-03-03")
        let returned = try apply(.returnToOffice(reason: "非本单位职责"), dispatched, "2026-03-04")
        #expect(returned.status == .registered && returned.unit.isEmpty && returned.dispatchedOn == nil)
        #expect(returned.queuedOn == day("2026-03-04"))
        #expect(Clock13710.reading(of: returned, asOf: day("2026-03-04")).due == day("2026-03-05"))
    }

    @Test func escalationGoesUpOneLevelAndStopsAtTheTop() throws {
        let up = try apply(.escalate(reason: "县级无法解决"), start)
        #expect(up.level == .city && up.status == .registered)
        let top = try apply(.escalate(reason: "需省级协调"), up)
        #expect(top.level == .province)
        #expect(throws: WorkflowRefusal.alreadyTopLevel(.province)) { try apply(.escalate(reason: "x"), top) }
    }

    @Test func listingNeedsAllOfTheFive() throws {
        let partial = SupervisionFive(solution: "专班推进", unit: "U", leader: "", person: "P", deadline: nil)
        #expect(throws: WorkflowRefusal.supervisionIncomplete(missing: [.leader, .deadline])) { try apply(.list(partial), start) }
        let five = SupervisionFive(solution: "专班推进", unit: "U", leader: "副县长", person: "P", deadline: day("2026-04-30"))
        let listed = try apply(.list(five), start)
        #expect(listed.listed && listed.deadline == day("2026-04-30"))
        #expect(throws: WorkflowRefusal.alreadyListed) { try apply(.list(five), listed) }
        let unlisted = try apply(.unlist(reason: "已解决"), listed)
        #expect(!unlisted.listed)
    }

    @Test func aWrittenPlanIsForMajorIssuesAndSetsTheDeadline() throws {
        var major = start
        major.kind = .major
        let dispatched = try apply(.dispatch(unit: "U"), major, "2026-03-03")
        let planned = try apply(.submitPlan(solveBy: day("2026-06-30")), dispatched, "2026-03-30")
        #expect(planned.planSubmittedOn == day("2026-03-30") && planned.deadline == day("2026-06-30"))
        let general = try apply(.dispatch(unit: "U"), start)
        #expect(throws: WorkflowRefusal.onlyForMajorIssues) { try apply(.submitPlan(solveBy: day("2026-06-30")), general) }
        #expect(throws: WorkflowRefusal.dateInPast(day("2026-03-01"))) { try apply(.submitPlan(solveBy: day("2026-03-01")), dispatched) }
    }

    @Test func aDeadlineIsSetOrExtendedWithAReason() throws {
        #expect(throws: WorkflowRefusal.missingReason) { try apply(.setDeadline(day("2026-04-01"), reason: ""), start) }
        let set = try apply(.setDeadline(day("2026-04-01"), reason: "待省厅批复"), start)
        #expect(set.deadline == day("2026-04-01") && set.deadlineReason == "待省厅批复")
    }
}
