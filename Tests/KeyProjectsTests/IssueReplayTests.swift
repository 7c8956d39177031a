import KeyProjects
import Testing

/// Replaying the queue on a past day (`--as-of`, a meeting's agenda): an issue as it stood then.
@Suite struct IssueReplayTests {
    let cleared = KeyProjects.Issue(id: "Q1", project: "P1", category: .land, description: "用地", status: .cleared,
                                    registeredOn: day("2026-09-11"), unit: "市规划和自然资源局", dispatchedOn: day("2026-09-12"),
                                    arrangedOn: day("2026-09-12"), feedbackOn: day("2026-09-14"), solvedOn: day("2026-09-18"),
                                    clearedOn: day("2026-09-25"))

    @Test func anIssueRegisteredLaterDidNotExistYet() {
        #expect(cleared.asItStood(on: day("2026-09-10")) == nil)
        #expect(cleared.asItStood(on: day("2026-09-11"))?.status == .registered)
    }

    @Test func eachStepCountsFromItsDateAndLaterStepsAreUndone() {
        let steps: [(String, IssueStatus)] = [("2026-09-11", .registered), ("2026-09-12", .arranged), ("2026-09-13", .arranged),
                                              ("2026-09-14", .fedBack), ("2026-09-20", .solutionClaimed), ("2026-09-25", .cleared)]
        for (date, status) in steps {
            let then = cleared.asItStood(on: day(date))
            #expect(then?.status == status, "on \(date)")
        }
        let onFeedback = cleared.asItStood(on: day("2026-09-14"))!
        #expect(onFeedback.solvedOn == nil && onFeedback.clearedOn == nil && onFeedback.feedbackOn == day("2026-09-14"))
        #expect(cleared.asItStood(on: day("2026-09-11"))!.unit.isEmpty)   // not yet dispatched to anyone
    }

    @Test func withNothingAfterTheDayTheIssueIsAsItIs() {
        #expect(cleared.asItStood(on: day("2026-10-31")) == cleared)
        // Imported without dates: nothing to replay from.
        let undated = KeyProjects.Issue(id: "Q2", project: "P1", category: .land, description: "x", status: .fedBack,
                                        registeredOn: day("2026-09-11"))
        #expect(undated.asItStood(on: day("2026-09-12")) == undated)
    }

    @Test func aReturnAfterTheLastStepPutsItBackInTheQueueAndAReturnLaterIsUndone() {
        var returned = cleared
        returned.status = .registered
        returned.clearedOn = nil; returned.solvedOn = nil; returned.feedbackOn = nil
        returned.queuedOn = day("2026-09-15")
        #expect(returned.asItStood(on: day("2026-09-16"))?.status == .registered)
        let before = returned.asItStood(on: day("2026-09-13"))!
        #expect(before.status == .arranged && before.queuedOn == day("2026-09-11"))
    }

    @Test func theQueueOnAPastDayLeavesOutLaterIssuesAndTimesStepsThen() {
        var later = cleared
        later.id = "Q3"; later.registeredOn = day("2026-10-20"); later.queuedOn = later.registeredOn
        later.status = .registered; later.unit = ""
        later.dispatchedOn = nil; later.arrangedOn = nil; later.feedbackOn = nil; later.solvedOn = nil; later.clearedOn = nil
        let queue = Triage.order([cleared, later], projects: [:], asOf: day("2026-09-16"))
        #expect(queue.map(\.issue.id) == ["Q1"])
        // Fed back on 09-14: the solve step (7 days for a general issue) is running.
        #expect(queue[0].issue.status == .fedBack && queue[0].clock.step == .solve && !queue[0].clock.isOverdue)
    }
}
