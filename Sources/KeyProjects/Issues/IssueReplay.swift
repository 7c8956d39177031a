extension Issue {
    /// The issue as it stood at the end of `day`, for replaying the queue, the board's issue
    /// counts and a meeting's agenda on a past day: nil if it was registered later; otherwise
    /// its life-cycle dates after `day` are undone and its status is the step of the latest
    /// date on or before it. The ledger keeps one date per step, so a step taken twice (a
    /// second claim after a reopen) replays from its latest date; listing, deadlines and notes
    /// are as they stand now.
    /// Whether nothing of the issue happened after `day`: it stood then as it stands now.
    public func standsAsItIs(on day: Day) -> Bool {
        func before(_ d: Day?) -> Bool { d.map { $0 <= day } ?? true }
        return registeredOn <= day && queuedOn <= day && before(dispatchedOn) && before(arrangedOn) && before(feedbackOn)
            && before(solvedOn) && before(reopenedOn) && before(clearedOn) && before(planSubmittedOn)
    }

    public func asItStood(on day: Day) -> Issue? {
        guard registeredOn <= day else { return nil }
        // Nothing after the day (or no dates to go by): the issue as it is.
        if standsAsItIs(on: day) { return self }
        let steps: [(Day?, IssueStatus)] = [(dispatchedOn, .dispatched), (arrangedOn, .arranged), (feedbackOn, .fedBack),
                                             (solvedOn, .solutionClaimed), (reopenedOn, .reopened), (clearedOn, .cleared)]
        var then = self
        if queuedOn > day {
            // Returned or escalated later: back in the queue it was in.
            then.queuedOn = registeredOn
        }
        if then.dispatchedOn.map({ $0 > day }) ?? false { then.dispatchedOn = nil; then.unit = "" }
        if then.arrangedOn.map({ $0 > day }) ?? false { then.arrangedOn = nil }
        if then.feedbackOn.map({ $0 > day }) ?? false { then.feedbackOn = nil }
        if then.solvedOn.map({ $0 > day }) ?? false { then.solvedOn = nil }
        if then.reopenedOn.map({ $0 > day }) ?? false { then.reopenedOn = nil }
        if then.clearedOn.map({ $0 > day }) ?? false { then.clearedOn = nil }
        if then.planSubmittedOn.map({ $0 > day }) ?? false { then.planSubmittedOn = nil }
        // The latest step on or before the day; on one day, the later step in the life cycle.
        var status = IssueStatus.registered
        var latest: Day?
        for (date, step) in steps {
            guard let date, date <= day else { continue }
            if latest == nil || date >= latest! { latest = date; status = step }
        }
        // A return or an escalation after the last step put it back in the office's queue.
        if let latest, queuedOn > latest, then.queuedOn == queuedOn { status = .registered }
        then.status = status
        return then
    }
}
