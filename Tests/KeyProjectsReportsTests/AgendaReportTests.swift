import GoldenFiles
import KeyProjects
import KeyProjectsReports
import StringTables
import Testing

/// Agendas on constructed data (issue 5 §2): what is due as of the meeting's date, in order,
/// within the meeting's scope; printable as text and Markdown.
@Suite struct AgendaReportTests {
    func report(_ id: String, _ lang: Lang = .zh) -> AgendaReport {
        let meeting = ReportFixture.portfolio.meetings.first { $0.id == id }!
        let agenda = Agenda.build(for: meeting, portfolio: ReportFixture.portfolio, rules: ReportFixture.config.rules)
        return AgendaReport(meeting: meeting, month: agenda.month, items: agenda.items, config: ReportFixture.config, strings: Strings.of(lang))
    }

    @Test func theHeadquartersAgendaInMarkdown() {
        // On 2026-11-05 the cards are October's: B2 red, B1 yellow; Q1 overdue (arranging was due 10-21).
        let md = report("M2").markdown().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // As of 2026-12-24 the cards are November's (no progress was reported after October):
        // both transport projects red, B2 also three months stalled; Q1 and Q2 overdue. With no
        // earlier headquarters meeting known, the statements owed are those of the last three
        // months' red cards, an item naming the months of its cards when they are not just
        // November's (issue 15 §2).
        #expect(md == [
            "# 第四季度总指挥部全体会议 议程",
            "",
            "- 时间：2026-12-24 15:00 · 地点：",
            "- 主持：甲某 · 范围：总指挥部",
            "- 依据：2026年11月三色牌与截至 2026-12-24 的问题清单",
            "",
            "## 一、红牌项目表态发言（2 项）",
            "",
            "1. 红牌 · 东县至西区公路改建工程（交通项目分指挥部）：主管部门主要负责人表态发言  ",
            "   完成序时进度 67%（累计完成 200 / 计划 300 万元）；已连续催办 2 次；连续 2 个月黄（红）牌；主管部门主要负责人须在总指挥部全体会议上表态发言",
            "2. 红牌 · 西区物流园项目（交通项目分指挥部）：主管部门主要负责人表态发言（2026年9月、10月、11月红牌）  ",
            "   完成序时进度 17%（累计完成 50 / 计划 300 万元）；已连续催办 2 次；连续 4 个月黄（红）牌；主管部门主要负责人须在总指挥部全体会议上表态发言",
            "",
            "## 二、停滞项目（一二三督办，1 项）",
            "",
            "3. 停滞 · 西区物流园项目：三月无进展·上报党委政府督办  ",
            "   连续 3 个月无进展；完成序时进度 17%（累计完成 50 / 计划 300 万元）；已连续催办 2 次；连续 4 个月黄（红）牌；主管部门主要负责人须在总指挥部全体会议上表态发言",
            "",
            "## 三、逾期问题（2 项）",
            "",
            "4. 逾期问题 Q1 · 东县至西区公路改建工程：市规划和自然资源局 逾期 64 天  ",
            "   用地指标未落实",
            "5. 逾期问题 Q2 · 西区智能装备制造基地建设项目（一期）：— 逾期 53 天  ",
            "   施工用电未接入",
            "",
        ], "\(md.joined(separator: "\n"))")
        let text = md.joined(separator: "\n")
        // Overdue issues come after the cards; the order of sections is fixed.
        let red = text.range(of: "红牌项目表态发言")!, overdue = text.range(of: "逾期问题")
        #expect(overdue.map { red.lowerBound < $0.lowerBound } ?? true)
    }

    @Test func aSubcommandsAgendaHasOnlyItsOwnProjects() {
        let r = report("M1")
        #expect(!r.items.isEmpty)
        for item in r.items {
            switch item {
            case let .statement(st), let .interview(st), let .stalled(st): #expect(st.project.subcommand == "industry")
            case let .overdueIssue(e), let .listedIssue(e): #expect(e.project?.subcommand == "industry")
            case .lowRanked: Issue.record("a sub-command's meeting is not about localities")
            }
        }
        let hq = report("M2")
        #expect(hq.items.count > r.items.count)
    }

    @Test func textAndJSONCarryTheSameItemsInOrder() {
        let r = report("M2", .en)
        let text = r.text()
        #expect(text.hasPrefix("Agenda: 第四季度总指挥部全体会议\n"))
        let numbers = r.jsonItems.map(\.number)
        #expect(numbers == Array(1...r.items.count))
        for item in r.jsonItems { #expect(text.contains("\(item.number). " + item.text)) }
        #expect(r.jsonItems.first?.section == "statement" && r.jsonItems.first?.project == "B1")
    }
}

@Suite struct MinutesReportTests {
    @Test func minutesListDecisionsWithUnitPersonAndDeadline() {
        let meeting = ReportFixture.portfolio.meetings.first { $0.id == "M2" }!
        let day = Day.parse("2026-12-24")!
        let decisions = [
            MeetingDecision(id: "M2-d1", meeting: "M2", item: "statement:B2", project: "B2", kind: .decision, text: "一个月内完成征地",
                            unit: "市规划和自然资源局", person: "丙某", deadline: Day.parse("2027-01-24")!, issue: "Q3", recordedOn: day),
            MeetingDecision(id: "M2-d2", meeting: "M2", item: "statement:B1", project: "B1", kind: .statementMade, recordedOn: day),
            MeetingDecision(id: "M2-d3", meeting: "M2", item: "overdue:Q1", project: "B1", kind: .escalated, text: "报请省级协调",
                            issue: "Q1", recordedOn: day),
        ]
        let names = ["B1": "东县至西区公路改建工程", "B2": "西区物流园项目"]
        let md = MinutesReport(meeting: meeting, decisions: decisions, projectNames: names, config: ReportFixture.config, strings: .zh).markdown()
        GoldenFile.check(md, named: "minutes.md.zh", in: GoldenFile.directory(beside: #filePath))
        let empty = MinutesReport(meeting: meeting, decisions: [], projectNames: names, config: ReportFixture.config, strings: .en).text()
        #expect(empty.hasSuffix("No decision was recorded at this meeting.\n"))
    }
}
