/// 序时进度 for one month (DOMAIN.md §9): the cumulative plan and completed investment from
/// January to the end of the month, and the milestones planned by then but not reached.
public struct ScheduleStatus: Sendable, Hashable {
    public var month: YearMonth
    public var planned: Money
    public var completed: Money
    public var lateMilestones: [MilestoneKind]
    /// The year's plan, the measure of the points profile.
    public var annualPlan: Money

    public init(month: YearMonth, planned: Money, completed: Money, lateMilestones: [MilestoneKind], annualPlan: Money = .zero) {
        self.month = month; self.planned = planned; self.completed = completed; self.lateMilestones = lateMilestones
        self.annualPlan = annualPlan
    }

    /// Completed / planned; nil when nothing is planned yet.
    public var ratio: Double? { planned.yuan > 0 ? Double(completed.yuan) / Double(planned.yuan) : nil }

    /// 序时 and completed as percentages of the annual plan ("序时进度 50%，完成 35%"), when
    /// there is one.
    public var plannedShareOfYear: Double? { share(planned) }
    public var completedShareOfYear: Double? { share(completed) }

    func share(_ amount: Money) -> Double? {
        annualPlan.yuan > 0 ? Double(amount.yuan) * 100 / Double(annualPlan.yuan) : nil
    }

    /// Percentage points behind 序时进度, both shares of the **annual plan**, as the localities
    /// that card by "低于序时进度 N 个百分点" read it (DOMAIN.md §3): annual plan 1,200, June
    /// (序时 50 %), completed 420 (35 %): 15 points. 0 when at or ahead. Without an annual plan,
    /// the share of the plan to date.
    public var pointsBehind: Double {
        let base = annualPlan.yuan > 0 ? annualPlan.yuan : planned.yuan
        guard base > 0 else { return 0 }
        return max(0, Double(planned.yuan - completed.yuan) * 100 / Double(base))
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
        var walker = ScheduleWalker(file)
        return walker.status(at: month)
    }
}

/// Walks a project's months in order, keeping the year-to-date sums, so a history of n months
/// costs one pass over the records rather than n.
public struct ScheduleWalker {
    let file: ProjectFile
    let yearsWithMonthlyPlan: Set<Int>
    var next = 0
    var year = Int.min
    var planned = Money.zero
    var completed = Money.zero
    var lastMonth: YearMonth? = nil

    public init(_ file: ProjectFile) {
        self.file = file
        var years = Set<Int>()
        for r in file.records where r.planned != nil { years.insert(r.month.year) }
        yearsWithMonthlyPlan = years
    }

    /// The status at the end of `month`; months must be asked for in increasing order.
    public mutating func status(at month: YearMonth) -> ScheduleStatus {
        if let lastMonth, month <= lastMonth { self = ScheduleWalker(file) }
        lastMonth = month
        if month.year != year {
            year = month.year
            planned = .zero
            completed = .zero
            // Skip records of earlier years.
            while next < file.records.count && file.records[next].month.year < year { next += 1 }
        }
        while next < file.records.count && file.records[next].month <= month {
            let r = file.records[next]
            if r.month.year == year {
                planned += r.planned ?? .zero
                completed += r.completed
            }
            next += 1
        }
        let plannedToDate = yearsWithMonthlyPlan.contains(year)
            ? planned : Money(yuan: file.project.annualPlan.yuan * Int64(month.month) / 12)
        let end = month.lastDay
        var late: [MilestoneKind] = []
        for milestone in file.milestones where milestone.isLate(at: end) { late.append(milestone.kind) }
        if late.count > 1 { late.sort { $0.order < $1.order } }
        return ScheduleStatus(month: month, planned: plannedToDate, completed: completed, lateMilestones: late,
                              annualPlan: file.project.annualPlan)
    }
}
