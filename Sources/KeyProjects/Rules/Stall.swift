/// The 一二三 stall ladder (seed 002 十五; DOMAIN.md §4, §9): consecutive months without
/// progress — no completed investment and no milestone reached in the month — capped at 3.
public enum StallStep: Int, Sendable, CaseIterable, Codable, Comparable {
    /// Progressing.
    case none = 0
    /// One month: the county writes a special report (专题报告) to the office.
    case report = 1
    /// Two months: the office supervises it specially (专项督办).
    case officeSupervision = 2
    /// Three months: reported to the party committee and government, which supervise it.
    case governmentSupervision = 3

    public static func < (a: StallStep, b: StallStep) -> Bool { a.rawValue < b.rawValue }
}

public enum Stall {
    /// Months without progress ending with `month`.
    public static func monthsWithoutProgress(_ file: ProjectFile, through month: YearMonth, rules: StallRules) -> Int {
        guard rules.stages.contains(file.project.stage) else { return 0 }
        let earliest = rules.countFromYearStart ? month.january : month.adding(months: -rules.maxStep + 1)
        var count = 0
        var m = month
        while m >= earliest && count < rules.maxStep {
            if hasProgress(file, in: m) { break }
            count += 1
            m = m.previous
        }
        return count
    }

    public static func step(_ file: ProjectFile, through month: YearMonth, rules: StallRules) -> StallStep {
        StallStep(rawValue: min(monthsWithoutProgress(file, through: month, rules: rules), rules.maxStep, 3))!
    }

    /// Progress in a month: some completed investment, or a milestone reached in it.
    public static func hasProgress(_ file: ProjectFile, in month: YearMonth) -> Bool {
        if file.records.contains(where: { $0.month == month && $0.completed.yuan > 0 }) { return true }
        return file.milestones.contains { $0.actual?.yearMonth == month }
    }
}
