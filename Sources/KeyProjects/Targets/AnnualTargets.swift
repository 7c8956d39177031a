/// An annual target of a locality (issue 6 §4; seed 004 §二 as the example): an indicator, the
/// percentage to reach, the lead unit, and — where the ledgers can tell — the actual.
public struct AnnualTarget: Sendable, Hashable {
    /// What is measured; `other` is a target the ledgers cannot compute (its actual, if any, is
    /// written in locality.toml).
    public enum Indicator: String, Sendable, CaseIterable {
        /// 储备项目转化率: of the projects with a reserve class, those now in preparation or later.
        case reserveConversion = "reserve-conversion"
        /// 签约项目当年开工率: of the signed projects (reserve class near-term-signing, landing or
        /// ready-to-start), those whose start milestone was reached this year.
        case signedStarted = "signed-started"
        /// 续建项目复工率 by the end of June: continuing projects with investment in January–June.
        case continuingResumed = "continuing-resumed"
        /// 新建项目开工率 by the end of June: new projects due to start this year that started by then.
        case newStarted = "new-started"
        /// 重点工程完成投资占固定资产投资比重: this year's completed investment against `base`.
        case investmentShare = "investment-share"
        case other
    }

    public var indicator: Indicator
    public var name: String
    /// The percentage to reach.
    public var target: Double
    public var lead: String
    /// For `investment-share`: the fixed-asset investment it is a share of.
    public var base: Money?
    /// For `other`: the actual percentage, as reported.
    public var reported: Double?

    public init(indicator: Indicator, name: String, target: Double, lead: String = "", base: Money? = nil, reported: Double? = nil) {
        self.indicator = indicator; self.name = name; self.target = target; self.lead = lead; self.base = base; self.reported = reported
    }
}

public enum AnnualTargets {
    /// The actual percentage as of `asOf` (this year's figures), nil when it cannot be told.
    public static func actual(_ target: AnnualTarget, _ portfolio: Portfolio, asOf: Day) -> Double? {
        let year = asOf.year
        let june = min(asOf, Day(year: year, month: 6, day: 30)!)
        func share(_ done: Int, _ of: Int) -> Double? { of > 0 ? Double(done) / Double(of) * 100 : nil }
        let files = portfolio.files
        switch target.indicator {
        case .reserveConversion:
            let reserve = files.filter { $0.project.reserveClass != nil }
            let converted = reserve.filter { [.preparation, .construction, .completed, .production].contains($0.project.stage) }
            return share(converted.count, reserve.count)
        case .signedStarted:
            let signed = files.filter { [.nearTermSigning, .landing, .readyToStart].contains($0.project.reserveClass) }
            let started = signed.filter { f in f.milestones.contains { $0.kind == .start && ($0.actual.map { $0.year == year && $0 <= asOf } ?? false) } }
            return share(started.count, signed.count)
        case .continuingResumed:
            let continuing = files.filter { $0.project.nature == .continuing }
            let resumed = continuing.filter { f in
                f.records.contains { $0.month.year == year && $0.month <= june.yearMonth && $0.completed > .zero }
            }
            return share(resumed.count, continuing.count)
        case .newStarted:
            let due = files.filter { f in
                f.project.nature == .new && f.milestones.contains { $0.kind == .start && ($0.planned?.year == year || $0.actual?.year == year) }
            }
            let started = due.filter { f in f.milestones.contains { $0.kind == .start && ($0.actual.map { $0 <= june } ?? false) } }
            return share(started.count, due.count)
        case .investmentShare:
            guard let base = target.base, base > .zero else { return nil }
            let done = files.reduce(Money.zero) { sum, f in
                sum + f.records.filter { $0.month.year == year && $0.month <= asOf.yearMonth }.reduce(Money.zero) { $0 + $1.completed }
            }
            return Double(done.yuan) / Double(base.yuan) * 100
        case .other:
            return target.reported
        }
    }
}
