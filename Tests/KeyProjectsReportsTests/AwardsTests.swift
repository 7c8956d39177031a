import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import Testing

/// The quarterly 羚羊奖/蜗牛奖 on constructed data (issue 6 §3): quarters, what the data
/// suggest, the rules of the picks, and the report.
@Suite struct AwardsTests {
    /// ReportFixture's organisation: 制造业 (industry) and 交通 (transport).
    static let organisation = ReportFixture.organisation

    /// A project planned 100 万元 a month from January, completing `early` a month to June and
    /// `late` a month from July.
    static func file(_ code: String, _ sub: String, early: Int = 100, late: Int) -> ProjectFile {
        let project = Project(code: code, name: "项目\(code)", level: .city, subcommand: sub, locality: "east", nature: .continuing,
                              totalInvestment: Money(wan: 10_000), annualPlan: Money(wan: 1_200))
        return ProjectFile(project: project, records: (1...9).map { m in
            MonthlyRecord(project: code, month: YearMonth(year: 2026, month: m)!, planned: Money(wan: 100),
                          completed: Money(wan: m <= 6 ? early : late))
        })
    }

    static let portfolio = Portfolio(files: [
        file("A", "industry", late: 130),      // ahead all quarter
        file("B", "industry", late: 100),      // on plan
        file("C", "industry", late: 50),       // behind three months, furthest
        file("D", "industry", late: 90),       // behind three months, less far
        file("G1", "transport", late: 100),    // the transport sub-command: all on plan
        file("G2", "transport", early: 120, late: 100),
    ])

    static let q3 = Quarter(year: 2026, number: 3)!

    func suggestions() -> [AwardSuggestion] {
        AwardSuggestions.suggest(Self.portfolio, rules: RuleSettings(), quarter: Self.q3, organisation: Self.organisation)
    }

    @Test func quartersParseAndTheLastEndedIsWhole() {
        #expect(Quarter.parse("2026Q3") == Self.q3 && Quarter.parse("2026-q3") == Self.q3)
        #expect(Quarter.parse("2026Q5") == nil && Quarter.parse("26Q3") == nil && Quarter.parse("2026") == nil)
        #expect(Quarter.lastEnded(asOf: Day.parse("2026-10-31")!) == Self.q3)
        #expect(Quarter.lastEnded(asOf: Day.parse("2026-09-30")!) == Self.q3)
        #expect(Quarter.lastEnded(asOf: Day.parse("2026-09-29")!) == Quarter(year: 2026, number: 2))
        #expect(Quarter(year: 2026, number: 1)!.previous == Quarter(year: 2025, number: 4))
        #expect(Self.q3.months.map(\.month) == [7, 8, 9] && Self.q3.lastDay == Day.parse("2026-09-30"))
    }

    @Test func theBestIsAheadAndTheWorstFurthestBehind() {
        let industry = suggestions().first { $0.subcommand == "industry" }!
        #expect(industry.best?.project == "A")
        #expect(industry.best?.colours == [.blue, .blue, .blue])
        // C and D were behind all three months; C is further behind.
        #expect(industry.worst?.project == "C")
        #expect(industry.worst?.colours == [.behind, .behind, .behind])
        #expect((industry.worst?.ratio ?? 1) < 0.9)
    }

    @Test func aSubCommandWithNobodyBehindHasNoWorst() {
        let transport = suggestions().first { $0.subcommand == "transport" }!
        #expect(transport.best?.project == "G2")   // further ahead than G1
        #expect(transport.worst == nil)
    }

    @Test func picksComeFromTheProposalsThreeAtMost() {
        let day = Day.parse("2026-10-31")!
        let proposals = ["A", "B", "E", "F"].map { AwardProposal(quarter: Self.q3, subcommand: "x\($0)", kind: .antelope, project: $0, recordedOn: day) }
            + [AwardProposal(quarter: Self.q3, subcommand: "xC", kind: .snail, project: "C", recordedOn: day),
               AwardProposal(quarter: Self.q3, subcommand: "xA", kind: .snail, project: "A", recordedOn: day)]
        #expect(AwardRules.check(antelope: ["A", "B", "E"], snail: ["C"], proposals: proposals).isEmpty)
        #expect(AwardRules.check(antelope: ["A", "B", "E", "F"], snail: [], proposals: proposals) == [.tooMany(.antelope, 4)])
        #expect(AwardRules.check(antelope: ["C"], snail: [], proposals: proposals) == [.notProposed(.antelope, "C")])
        #expect(AwardRules.check(antelope: ["A", "A"], snail: [], proposals: proposals) == [.twice("A")])
        #expect(AwardRules.check(antelope: ["A"], snail: ["A"], proposals: proposals) == [.bothKinds("A")])
    }

    @Test func theReportShowsNominationsPicksAndEarlierAwards() {
        let day = Day.parse("2026-10-31")!
        let q2 = Quarter(year: 2026, number: 2)!
        var portfolio = Self.portfolio
        portfolio.awards = AwardRecord(
            proposals: [AwardProposal(quarter: Self.q3, subcommand: "industry", kind: .snail, project: "D", reason: "连续三月进度滞后", by: "clerk", recordedOn: day),
                        AwardProposal(quarter: q2, subcommand: "industry", kind: .snail, project: "D", reason: "二季度滞后", by: "clerk", recordedOn: day)],
            picks: [AwardPick(quarter: Self.q3, kind: .snail, project: "D", place: 1, recordedOn: day),
                    AwardPick(quarter: q2, kind: .snail, project: "D", place: 1, recordedOn: day)])
        let config = LocalityConfig(organisation: Self.organisation)
        let report = AwardsReport(portfolio: portfolio, config: config, quarter: Self.q3, strings: .zh)
        let lines = report.render(.text).split(separator: "\n").map(String.init)
        #expect(lines.first == "示例市重点工程项目总指挥部 · 2026年第3季度“羚羊奖”“蜗牛奖”")
        // The proposal replaces the suggestion (D, not C); the others are marked suggested.
        #expect(lines.contains { $0.contains("制造业项目分指挥部") && $0.contains("蜗牛奖") && $0.contains("项目D") && $0.contains("连续三月进度滞后") && !$0.contains("（建议）") })
        #expect(lines.contains { $0.contains("羚羊奖") && $0.contains("项目A （建议）") && $0.contains("蓝牌 3 个月，完成序时 110%") })
        #expect(lines.contains("蜗牛奖 1. 项目D（制造业项目分指挥部）：连续三月进度滞后 （第 2 次）"))
        #expect(lines.contains("2026年第2季度 蜗牛奖 1. 项目D（制造业项目分指挥部）：二季度滞后"))
        #expect(report.nominations.filter { !$0.proposed }.map(\.project) == ["A", "G2"])
    }
}
