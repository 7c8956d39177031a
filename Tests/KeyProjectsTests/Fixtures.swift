import KeyProjects

/// Builders for rule tests: dates are always given, never "now".
func day(_ s: String) -> Day { Day.parse(s)! }
func month(_ s: String) -> YearMonth { YearMonth.parse(s)! }
func wan(_ n: Int) -> Money { Money(wan: n) }

/// A construction project with an annual plan of 1200 万元 (100 a month when spread evenly).
func project(_ code: String = "P1", stage: ProjectStage = .construction, annual: Int = 1_200, total: Int = 10_000,
             level: ProjectLevel = .city, subcommand: String = "sc1", locality: String = "loc1") -> Project {
    Project(code: code, name: "项目\(code)", level: level, subcommand: subcommand, locality: locality, stage: stage,
            totalInvestment: wan(total), annualPlan: wan(annual))
}

/// Monthly records: `completed` per month from `first`, each with a planned 100.
func records(_ code: String = "P1", from first: String, completed: [Int], planned: Int? = 100) -> [MonthlyRecord] {
    completed.enumerated().map { i, c in
        MonthlyRecord(project: code, month: month(first).adding(months: i), planned: planned.map(wan), completed: wan(c))
    }
}

func reminders(_ days: [String], code: String = "P1") -> [Reminder] {
    days.map { Reminder(project: code, date: day($0), by: "办公室") }
}

func file(_ p: Project = project(), records: [MonthlyRecord] = [], milestones: [Milestone] = [],
          reminders: [Reminder] = []) -> ProjectFile {
    ProjectFile(project: p, records: records, milestones: milestones, reminders: reminders)
}

let seedRules = CardRules.seed003
