import KeyProjects
import KeyProjectsReports

func day(_ s: String) -> Day { Day.parse(s)! }

/// A small locality: two sub-commands, two counties, four projects, one of each card.
enum ReportFixture {
    static let organisation = Organisation(
        code: "demo", name: "示例市重点工程项目总指挥部", level: .city, region: "示例市", commander: "mayor",
        office: Office(name: "总指挥部办公室", director: "vm", hostUnit: "市发展改革委"),
        leaders: [Leader(id: "mayor", name: "甲某", title: "市长"), Leader(id: "vm", name: "乙某", title: "副市长")],
        subcommands: [SubCommand(code: "industry", name: "制造业项目分指挥部", commander: "vm"),
                      SubCommand(code: "transport", name: "交通项目分指挥部", commander: "vm")],
        localities: [Locality(code: "east", name: "东县", kind: .county), Locality(code: "west", name: "西区", kind: .district)],
        units: ["市发展改革委"], dutyTable: [.land: "市规划和自然资源局"])
    static let config = LocalityConfig(organisation: organisation)

    static func records(_ code: String, _ completed: [Int]) -> [MonthlyRecord] {
        completed.enumerated().map { i, c in
            MonthlyRecord(project: code, month: YearMonth(year: 2026, month: 8 + i)!, planned: Money(wan: 100), completed: Money(wan: c))
        }
    }

    static func project(_ code: String, _ name: String, _ sub: String, _ loc: String) -> Project {
        Project(code: code, name: name, level: .city, subcommand: sub, locality: loc, totalInvestment: Money(wan: 50_000),
                annualPlan: Money(wan: 1_200))
    }

    static let portfolio = Portfolio(
        files: [
            ProjectFile(project: project("A1", "东县新材料产业园项目", "industry", "east"), records: records("A1", [100, 100, 110])),
            ProjectFile(project: project("A2", "西区智能装备制造基地建设项目（一期）", "industry", "west"), records: records("A2", [100, 100, 40]),
                        reminders: [Reminder(project: "A2", date: day("2026-10-12"), by: "办公室")]),
            ProjectFile(project: project("B1", "东县至西区公路改建工程", "transport", "east"), records: records("B1", [100, 50, 50]),
                        reminders: [Reminder(project: "B1", date: day("2026-09-10"), by: "办公室"),
                                    Reminder(project: "B1", date: day("2026-10-10"), by: "办公室")]),
            ProjectFile(project: project("B2", "西区物流园项目", "transport", "west"), records: records("B2", [50, 0, 0]),
                        reminders: [Reminder(project: "B2", date: day("2026-08-10"), by: "办公室"),
                                    Reminder(project: "B2", date: day("2026-08-20"), by: "办公室")]),
        ],
        issues: [
            Issue(id: "Q1", project: "B1", category: .land, description: "用地指标未落实", status: .dispatched,
                  registeredOn: day("2026-10-20"), unit: "市规划和自然资源局", dispatchedOn: day("2026-10-21")),
            Issue(id: "Q2", project: "A2", category: .power, kind: .obstruction, description: "施工用电未接入", status: .registered,
                  registeredOn: day("2026-10-31")),
        ],
        meetings: [
            Meeting(id: "M1", date: day("2026-11-05"), time: "10:00", kind: .subcommandDispatch, title: "制造业项目分指挥部11月调度会议",
                    chair: "乙某", scope: .subcommand("industry"), location: "市工信局"),
            Meeting(id: "M2", date: day("2026-12-24"), time: "15:00", kind: .plenary, title: "第四季度总指挥部全体会议", chair: "甲某"),
        ])
}
