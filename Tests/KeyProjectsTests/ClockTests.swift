import KeyProjects
import Testing

/// DOMAIN.md §5 and §9: the 13710 clock.
@Suite struct ClockTests {
    func issue(_ status: IssueStatus = .registered, kind: IssueKind = .general, registered: String = "2026-03-02",
               dispatched: String? = nil, arranged: String? = nil, feedback: String? = nil, solved: String? = nil,
               reopened: String? = nil, deadline: String? = nil) -> KeyProjects.Issue {
        KeyProjects.Issue(id: "Q1", project: "P1", category: .land, kind: kind, description: "用地", status: status,
              registeredOn: day(registered), unit: dispatched == nil ? "" : "自然资源局", dispatchedOn: dispatched.map(day),
              arrangedOn: arranged.map(day), feedbackOn: feedback.map(day), solvedOn: solved.map(day),
              reopenedOn: reopened.map(day), deadline: deadline.map(day))
    }

    func reading(_ i: KeyProjects.Issue, _ asOf: String, _ rules: ClockRules = ClockRules()) -> ClockReading {
        Clock13710.reading(of: i, asOf: day(asOf), rules: rules)
    }

    @Test func dispatchIsDueOneDayAfterTheIssueEntersTheLedger() {
        let r = reading(issue(), "2026-03-02")
        #expect(r.step == .dispatch)
        #expect(r.due == day("2026-03-03"))
        #expect(r.daysLeft == 1)
    }

    @Test func arrangingIsDueTheDayItIsDispatched() {
        let r = reading(issue(.dispatched, dispatched: "2026-03-03"), "2026-03-03")
        #expect(r.step == .arrange)
        #expect(r.due == day("2026-03-03"))
        #expect(r.daysLeft == 0)
        #expect(r.light == .yellow)
    }

    @Test func feedbackIsDueThreeDaysAfterDispatch() {
        let r = reading(issue(.arranged, dispatched: "2026-03-03", arranged: "2026-03-03"), "2026-03-04")
        #expect(r.step == .feedback)
        #expect(r.due == day("2026-03-06"))
    }

    @Test(arguments: [(IssueKind.obstruction, "2026-03-06"), (.general, "2026-03-10"), (.major, "2026-04-03")])
    func solvingIsDueByKind(_ kind: IssueKind, _ due: String) {
        let r = reading(issue(.fedBack, kind: kind, dispatched: "2026-03-03", arranged: "2026-03-03", feedback: "2026-03-05"),
                        "2026-03-05")
        #expect(r.step == .solve)
        #expect(r.due == day(due))
    }

    @Test func aMajorIssueDispatchedOnTheLastDayOfJanuaryIsDueOnTheLastDayOfFebruary() {
        let i = issue(.fedBack, kind: .major, registered: "2026-01-30", dispatched: "2026-01-31", arranged: "2026-01-31",
                      feedback: "2026-02-02")
        #expect(reading(i, "2026-02-02").due == day("2026-02-28"))
    }

    @Test func aDueDateIsMetOnOrBeforeItAndOverdueFromTheNextDay() {
        let i = issue(.arranged, dispatched: "2026-03-03", arranged: "2026-03-03")
        #expect(reading(i, "2026-03-06").isOverdue == false)
        #expect(reading(i, "2026-03-06").light == .yellow)
        #expect(reading(i, "2026-03-07").isOverdue)
        #expect(reading(i, "2026-03-07").daysOverdue == 1)
        #expect(reading(i, "2026-03-07").light == .red)
        let timing = Clock13710.timings(of: issue(.fedBack, dispatched: "2026-03-03", arranged: "2026-03-03", feedback: "2026-03-06"))
        #expect(timing.first { $0.step == .feedback }?.metOnTime == true)
        let late = Clock13710.timings(of: issue(.fedBack, dispatched: "2026-03-03", arranged: "2026-03-03", feedback: "2026-03-07"))
        #expect(late.first { $0.step == .feedback }?.metOnTime == false)
    }

    @Test func lightsGreenYellowRed() {
        let i = issue(.fedBack, dispatched: "2026-03-03", arranged: "2026-03-03", feedback: "2026-03-04")   // due 03-10
        #expect(reading(i, "2026-03-05").light == .green)
        #expect(reading(i, "2026-03-09").light == .yellow)
        #expect(reading(i, "2026-03-10").light == .yellow)
        #expect(reading(i, "2026-03-11").light == .red)
        #expect(reading(i, "2026-03-08", ClockRules(yellowWithinDays: 2)).light == .yellow)
    }

    @Test func anExplicitDeadlineReplacesTheDefault() {
        let i = issue(.fedBack, dispatched: "2026-03-03", arranged: "2026-03-03", feedback: "2026-03-04", deadline: "2026-04-30")
        #expect(reading(i, "2026-03-20").due == day("2026-04-30"))
        #expect(reading(i, "2026-03-20").light == .green)
    }

    @Test func aReopenedIssueIsTimedFromTheReopening() {
        let i = issue(.reopened, dispatched: "2026-03-03", arranged: "2026-03-03", feedback: "2026-03-04", reopened: "2026-03-20")
        #expect(reading(i, "2026-03-21").due == day("2026-03-27"))
    }

    @Test func waitingForTheEnterpriseHasNoDueDateAndClearedIsTheEnd() {
        let claimed = issue(.solutionClaimed, dispatched: "2026-03-03", arranged: "2026-03-03", feedback: "2026-03-04", solved: "2026-03-08")
        #expect(reading(claimed, "2026-04-30").step == .confirm)
        #expect(reading(claimed, "2026-04-30").due == nil)
        #expect(reading(claimed, "2026-04-30").light == .green)
        var cleared = claimed
        cleared.status = .cleared
        #expect(reading(cleared, "2026-04-30").step == .cleared)
    }

    @Test func workingDaysSkipWeekendsAndHolidaysAndCountMakeUpDays() {
        // 2026-10-01..07 National Day; 2026-10-10 (Saturday) a make-up working day.
        let calendar = WorkCalendar(holidays: Set((1...7).map { day("2026-10-0\($0)") }), workdays: [day("2026-10-10")])
        let rules = ClockRules(calendar: calendar)
        let registered = issue(registered: "2026-09-30")
        #expect(reading(registered, "2026-09-30", rules).due == day("2026-10-08"))
        let dispatched = issue(.arranged, registered: "2026-10-08", dispatched: "2026-10-09", arranged: "2026-10-09")
        // Working days after Friday 10-09: Saturday 10-10 (make-up), Monday 10-12, Tuesday 10-13.
        #expect(reading(dispatched, "2026-10-09", rules).due == day("2026-10-13"))
        #expect(calendar.adding(workingDays: 0, to: day("2026-10-03")) == day("2026-10-03"))
    }

    @Test func onAWorkingDayClockTheDaysLeftAreWorkingDays() {
        let calendar = WorkCalendar(holidays: Set((1...7).map { day("2026-10-0\($0)") }), workdays: [day("2026-10-10")])
        let rules = ClockRules(calendar: calendar)
        // Due Tuesday 10-13; seen on Thursday 10-08: Friday, the make-up Saturday, Monday, Tuesday.
        let arranged = issue(.arranged, registered: "2026-10-08", dispatched: "2026-10-09", arranged: "2026-10-09")
        let before = reading(arranged, "2026-10-08", rules)
        #expect(before.due == day("2026-10-13") && before.daysLeft == 4 && before.inWorkingDays)
        // Seen on Friday 10-16: Wednesday, Thursday, Friday past it.
        let after = reading(arranged, "2026-10-16", rules)
        #expect(after.daysLeft == -3 && after.light == .red)
        // On calendar days it was due Monday 10-12: four days late.
        #expect(reading(arranged, "2026-10-16").daysLeft == -4 && !reading(arranged, "2026-10-16").inWorkingDays)
        #expect(calendar.workingDays(from: day("2026-09-30"), to: day("2026-10-08")) == 1)
        #expect(calendar.workingDays(from: day("2026-10-08"), to: day("2026-09-30")) == -1)
    }
}
