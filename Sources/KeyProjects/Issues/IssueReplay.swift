extension Issue {
    /// The issue as it stood at the end of `day`, for replaying the queue, the board's issue
    /// counts and a meeting's agenda on a past day: nil if it was registered later; otherwise
    /// its life-cycle dates after `day` are undone and its status is the step of the latest
    /// date on or before it. The ledger keeps one date per step, so a step taken twice (a
    /// second claim after a reopen) replays from its latest date; listing, deadlines and notes
    /// are as they stand now.
    public func asItStood(on day: Day) -> Issue? {
        guard registeredOn <= day else { return nil }
        let steps: [(Day?, IssueStatus)] = [(dispatchedOn, .dispatched), (arrangedOn, .arranged), (feedbackOn, .fedBack),
                                             (solvedOn, .solutionClaimed), (reopenedOn, .reopened), (clearedOn, .cleared)]
        // Nothing after the day (or no dates to go by): the issue as it is.
        guard queuedOn > day || steps.contains(where: { $0.0.map { $0 > day } ?? false }) || (planSubmittedOn.map { $0 > day } ?? false)
        else { return self }
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
