/// 序时进度 for one month (DOMAIN.md §9): the cumulative plan and completed investment from
/// January to the end of the month, and the milestones planned by then but not reached.
public struct ScheduleStatus: Sendable, Hashable {
    public var month: YearMonth
    public var planned: Money
    public var completed: Money
    public var lateMilestones: [MilestoneKind]

    /// Completed / planned; nil when nothing is planned yet.
    public var ratio: Double? { planned.yuan > 0 ? Double(completed.yuan) / Double(planned.yuan) : nil }

    /// Percentage points behind the plan (0 when at or ahead).
    public var pointsBehind: Double {
        guard planned.yuan > 0 else { return 0 }
        return max(0, Double(planned.yuan - completed.yuan) * 100 / Double(planned.yuan))
    }

    public func isOnSchedule(threshold: Double) -> Bool {
        guard lateMilestones.isEmpty else { return false }
        guard let ratio else { return true }
        return ratio + 1e-12 >= threshold
    }
}

public enum Schedule {
    /// 序时进度 of `file` at the end of `month`. The year's monthly plans are used when the ledger
    /// gives any for that year; otherwise the annual plan × m/12.
    public static func status(of file: ProjectFile, in month: YearMonth) -> ScheduleStatus {
        let january = month.january
        var planned = Money.zero, completed = Money.zero
        var anyMonthlyPlan = false
        for record in file.records where record.month >= january && record.month <= month.adding(months: 12 - month.month) {
            if record.planned != nil { anyMonthlyPlan = true }
            guard record.month <= month else { continue }
            planned += record.planned ?? .zero
            completed += record.completed
        }
        if !anyMonthlyPlan {
            planned = Money(yuan: file.project.annualPlan.yuan * Int64(month.month) / 12)
        }
        let end = month.lastDay
        var late: [MilestoneKind] = []
        for milestone in file.milestones where milestone.isLate(at: end) { late.append(milestone.kind) }
        if late.count > 1 { late.sort { $0.order < $1.order } }
        return ScheduleStatus(month: month, planned: planned, completed: completed, lateMilestones: late)
    }
}
