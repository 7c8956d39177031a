import KeyProjects
import KeyProjectsReports
import Testing

/// The monthly ranking on constructed data (issue 6 §1): order, ties, change and the
/// bottom-N-for-M-months flag.
@Suite struct RankingTests {
    /// Three counties, one project each: 东县 and 西区 identical (on plan every month), 南县
    /// behind from September.
    static let organisation = Organisation(
        code: "demo", name: "示例市重点工程项目总指挥部", level: .city, region: "示例市", commander: "mayor",
        office: Office(name: "办公室", director: "vm", hostUnit: "市发展改革委"),
        leaders: [Leader(id: "mayor", name: "甲某", title: "市长"), Leader(id: "vm", name: "乙某", title: "副市长")],
        subcommands: [SubCommand(code: "industry", name: "制造业项目分指挥部", commander: "vm")],
        localities: [Locality(code: "east", name: "东县", kind: .county), Locality(code: "west", name: "西区", kind: .district),
                     Locality(code: "south", name: "南县", kind: .county)],
        units: [], dutyTable: [:])

    static func file(_ code: String, _ locality: String, _ completed: [Int]) -> ProjectFile {
        let project = Project(code: code, name: code, level: .city, subcommand: "industry", locality: locality, nature: .continuing,
                              totalInvestment: Money(wan: 10_000), annualPlan: Money(wan: 1_200))
        return ProjectFile(project: project, records: completed.enumerated().map { i, c in
            MonthlyRecord(project: code, month: YearMonth(year: 2026, month: 1 + i)!, planned: Money(wan: 100), completed: Money(wan: c))
        })
    }

    static let portfolio = Portfolio(files: [
        file("E1", "east", Array(repeating: 100, count: 10)),
        file("W1", "west", Array(repeating: 100, count: 10)),
        file("S1", "south", Array(repeating: 100, count: 7) + [100, 20, 20]),
    ])

    func rows(_ month: Int, bottom: Int = 1, months: Int = 2) -> [RankingRow] {
        Ranking.rank(Self.portfolio, rules: RuleSettings(), ranking: RankingRules(bottom: bottom, months: months),
                     month: YearMonth(year: 2026, month: month)!, by: .locality, organisation: Self.organisation)
    }

    @Test func equalScoresShareARankAndTheWorstIsLast() {
        let october = rows(10)
        #expect(october.map(\.group) == ["east", "west", "south"])
        #expect(october.map(\.rank) == [1, 1, 3])
        let south = october[2]
        #expect(south.score < october[0].score && (south.completion ?? 1) < 1 && south.startRate == 1)
    }

    @Test func theChangeIsAgainstLastMonth() {
        // In August all three were on plan and shared the first place; in September 南县 fell.
        let september = rows(9)
        #expect(september.first { $0.group == "south" }?.previousRank == 1)
        #expect(september.first { $0.group == "south" }?.change == -2)
        #expect(september.first { $0.group == "east" }?.change == 0)
    }

    @Test func theBottomForMonthsRunningIsFlagged() {
        // Last in September and October: two months running.
        let flagged = rows(10, bottom: 1, months: 2)
        #expect(flagged.first { $0.group == "south" }?.monthsLow == 2 && flagged.first { $0.group == "south" }?.flagged == true)
        #expect(flagged.filter(\.flagged).map(\.group) == ["south"])
        // Three months asked for: not yet.
        #expect(rows(10, bottom: 1, months: 3).first { $0.group == "south" }?.flagged == false)
        // One month of it (September) is not two.
        #expect(rows(9, bottom: 1, months: 2).first { $0.group == "south" }?.flagged == false)
    }

    @Test func aSingleGroupOrTwoTiedAreNeverLow() {
        let one = Organisation(code: "demo", name: "示例", level: .city, region: "示例市", commander: "mayor",
                               office: Self.organisation.office, leaders: Self.organisation.leaders, subcommands: Self.organisation.subcommands,
                               localities: [Locality(code: "south", name: "南县", kind: .county)], units: [], dutyTable: [:])
        let single = Ranking.rank(Self.portfolio, rules: RuleSettings(), ranking: RankingRules(bottom: 3, months: 1),
                                month: YearMonth(year: 2026, month: 10)!, by: .locality, organisation: one)
        #expect(single.map(\.group) == ["south"] && single[0].monthsLow == 0 && !single[0].flagged)
        // Three places asked for among three: the first two (tied) are not low, the third is.
        let three = rows(10, bottom: 3, months: 1)
        #expect(three.filter(\.flagged).map(\.group) == ["south"])
    }

    @Test func theReportPrintsRanksChangesAndFlags() {
        let config = LocalityConfig(organisation: Self.organisation, ranking: RankingRules(bottom: 1, months: 2))
        let text = RankingReport(rows: rows(10), month: YearMonth(year: 2026, month: 10)!, grouping: .locality, config: config,
                                 strings: .zh).render(.text)
        #expect(text.contains("南县") && text.contains("连续 2 个月靠后") && text.contains("↓2") == false)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "示例市重点工程项目总指挥部 · 月度排名 · 2026年10月 · 属地")
        #expect(lines.contains { $0.contains("南县") && $0.contains("=") })   // third in September and October
    }
}

@Suite struct LowRankedAgendaTests {
    @Test func aLocalityLowMonthsRunningIsOnTheHeadquartersAgenda() {
        let office = Meeting(id: "P", date: Day.parse("2026-11-09")!, kind: .monthlyProgress, title: "11月推进会", chair: "乙某", scope: .office)
        let config = LocalityConfig(organisation: RankingTests.organisation, ranking: RankingRules(bottom: 1, months: 2))
        let agenda = Agenda.build(for: office, portfolio: RankingTests.portfolio, rules: RuleSettings(),
                                  organisation: config.organisation, ranking: config.ranking)
        let low = agenda.items.filter { if case .lowRanked = $0 { return true }; return false }
        #expect(low.map(\.key) == ["low:south"])
        let text = AgendaReport(meeting: office, month: agenda.month, items: agenda.items, config: config, strings: .zh).text()
        #expect(text.contains("连续排名靠后 · 南县：已连续 2 个月排名靠后，提醒并约谈"), "\(text)")
        // A sub-command's meeting is not about localities.
        let sub = Meeting(id: "S", date: Day.parse("2026-11-09")!, kind: .subcommandDispatch, title: "调度会", chair: "乙某",
                          scope: .subcommand("industry"))
        #expect(!Agenda.build(for: sub, portfolio: RankingTests.portfolio, rules: RuleSettings(), organisation: config.organisation,
                              ranking: config.ranking).items.contains { $0.key == "low:south" })
    }
}

@Suite struct BulletinTests {
    @Test func theBulletinAgreesWithTheBoardOfItsMonth() {
        let month = YearMonth(year: 2026, month: 10)!
        let report = BulletinReport(portfolio: ReportFixture.portfolio, config: ReportFixture.config, month: month, strings: .zh)
        let md = report.markdown()
        let board = Board.assess(ReportFixture.portfolio, rules: ReportFixture.config.rules, asOf: month.lastDay, month: month)
        #expect(md.hasPrefix("# 示例市重点工程项目2026年10月月度通报\n"))
        #expect(md.contains("共 4 个项目：蓝牌 \(board.totals.blue) 个、落后 \(board.totals.behind) 个、黄牌 \(board.totals.yellow) 个、红牌 \(board.totals.red) 个。"))
        // The sub-commands' rows add up to the whole.
        let perGroup = report.subcommandRows.map { Int($0[1])! }
        #expect(perGroup.reduce(0, +) == board.standings.count)
        // Red before yellow, each with its reason; the overdue issue as it stood at the month's end.
        let red = md.range(of: "红牌 · 西区物流园项目")!, yellow = md.range(of: "黄牌 · 东县至西区公路改建工程")!
        #expect(red.lowerBound < yellow.lowerBound)
        #expect(md.contains("## 五、逾期问题（1 项）") && md.contains("- Q1 · 东县至西区公路改建工程：用地指标未落实"))
        let csv = report.csv().split(separator: "\n").map(String.init)
        #expect(csv.first == "kind,name,projects,blue,behind,yellow,red,completed,planned,ratio,rank,flagged")
        #expect(csv.filter { $0.hasPrefix("subcommand,") }.count == 2 && csv.filter { $0.hasPrefix("locality,") }.count == 2)
    }
}

@Suite struct AnnualTargetTests {
    func project(_ code: String, nature: ProjectNature = .new, stage: ProjectStage = .construction,
                        reserve: ReserveClass? = nil) -> Project {
        Project(code: code, name: code, level: .city, subcommand: "industry", locality: "east", nature: nature, stage: stage,
                reserveClass: reserve, totalInvestment: Money(wan: 1_000), annualPlan: Money(wan: 120))
    }

    @Test func actualsComputedFromTheLedgers() {
        let day = Day.parse
        let portfolio = Portfolio(files: [
            // Reserve: one converted (in preparation), one still reserve → 50 %.
            ProjectFile(project: project("R1", stage: .preparation, reserve: .landing),
                        milestones: [Milestone(project: "R1", kind: .start, planned: day("2026-05-01"), actual: day("2026-05-03"))]),
            ProjectFile(project: project("R2", stage: .reserve, reserve: .intent)),
            // New projects due to start this year: one by June, one in August → 50 % by June.
            ProjectFile(project: project("N1"), milestones: [Milestone(project: "N1", kind: .start, planned: day("2026-04-01"), actual: day("2026-04-20"))]),
            ProjectFile(project: project("N2"), milestones: [Milestone(project: "N2", kind: .start, planned: day("2026-06-01"), actual: day("2026-08-02"))]),
            // Continuing: resumed in March, and one only in July → 50 % by June.
            ProjectFile(project: project("C1", nature: .continuing), records: [MonthlyRecord(project: "C1", month: YearMonth(year: 2026, month: 3)!,
                                                                                               planned: nil, completed: Money(wan: 50))]),
            ProjectFile(project: project("C2", nature: .continuing), records: [MonthlyRecord(project: "C2", month: YearMonth(year: 2026, month: 7)!,
                                                                                               planned: nil, completed: Money(wan: 150))]),
        ])
        let asOf = day("2026-10-31")!
        func actual(_ indicator: AnnualTarget.Indicator, base: Money? = nil, reported: Double? = nil) -> Double? {
            AnnualTargets.actual(AnnualTarget(indicator: indicator, name: "", target: 30, base: base, reported: reported), portfolio, asOf: asOf)
        }
        #expect(actual(.reserveConversion) == 50)
        #expect(actual(.signedStarted) == 100)          // R1 (landing) started this year
        // New projects due to start this year: R1 and N1 by June, N2 in August → two of three.
        #expect(abs((actual(.newStarted) ?? 0) - 200.0 / 3) < 1e-9)
        #expect(actual(.continuingResumed) == 50)
        #expect(actual(.investmentShare, base: Money(wan: 1_000)) == 20)   // 200 of 1,000
        #expect(actual(.investmentShare) == nil && actual(.other) == nil && actual(.other, reported: 12.5) == 12.5)
        let config = LocalityConfig(organisation: RankingTests.organisation,
                                    targets: [AnnualTarget(indicator: .reserveConversion, name: "储备项目转化率", target: 30, lead: "省发展改革委")])
        let text = TargetsReport(portfolio: portfolio, config: config, asOf: asOf, strings: .zh).render(.text)
        #expect(text.contains("储备项目转化率") && text.contains("≥ 30%") && text.contains("50%") && text.contains("已达标"), "\(text)")
    }
}
