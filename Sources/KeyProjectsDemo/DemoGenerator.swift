import Foundation
import KeyProjects

/// Generates a locality's ledgers: projects with a year and more of monthly records,
/// milestones, reminders, issues across every 13710 step, and meetings on the cadence of
/// DOMAIN.md §6. Same settings, same ledgers.
public struct DemoGenerator {
    let settings: DemoSettings
    let month: YearMonth
    let org: Organisation

    /// Monthly share of the annual plan: little in winter, most from spring to autumn.
    static let monthWeights: [Int64] = [4, 4, 8, 9, 10, 10, 9, 9, 10, 10, 9, 8]

    /// The leaders of the headquarters itself (总指挥, deputies, office director, commanders), in
    /// [[leaders]]'s order: they hold projects as 包联领导; department heads listed as
    /// sub-commands' deputies (副指挥长) do not.
    let headquartersLeaders: [Leader]

    public init(_ settings: DemoSettings) {
        self.settings = settings
        self.org = settings.organisation
        self.month = assessedMonth(asOf: settings.asOf)
        let org = settings.organisation
        let ids = Set([org.commander, org.office.director] + org.executiveDeputies + org.deputies + org.subcommands.map(\.commander))
        self.headquartersLeaders = org.leaders.filter { ids.contains($0.id) }
    }

    public func portfolio() -> Portfolio {
        var rng = SeededRandom(seed: settings.seed)
        let staff = (0..<3).map { _ in personName(&rng) }
        var files: [ProjectFile] = []
        files.reserveCapacity(settings.projects)
        for i in 0..<settings.projects {
            files.append(project(i, staff: staff, &rng))
        }
        // Names drawn twice become later phases (二期, 三期 …): a name on the wall must say
        // which project it is.
        var seen: [String: Int] = [:]
        for i in files.indices {
            let name = files[i].project.name
            seen[name, default: 0] += 1
            if let n = seen[name], n > 1 { files[i].project.name = name + "（\(phase(n))）" }
        }
        let issues = IssueGenerator(settings: settings, organisation: org).issues(for: files, &rng)
        let meetings = MeetingGenerator(settings: settings, organisation: org).meetings()
        var portfolio = Portfolio(files: files, issues: issues, meetings: meetings)
        portfolio.awards = AwardGenerator(settings: settings).awards(portfolio)
        return portfolio
    }

    func personName(_ rng: inout SeededRandom) -> String { rng.pick(NamePools.surnames) + rng.pick(NamePools.givenNames) }

    // MARK: one project

    func project(_ i: Int, staff: [String], _ rng: inout SeededRandom) -> ProjectFile {
        let scenario = Scenario.cycle[i % Scenario.cycle.count]
        let generalCommands = org.subcommands.filter { !$0.isSingleProject }
        let named = i < settings.namedProjects.count ? settings.namedProjects[i] : nil
        let subcommand = named.flatMap { n in org.subcommands.first { $0.code == n.subcommand } }
            ?? generalCommands[(i - min(i, settings.namedProjects.count)) % generalCommands.count]
        // A named project is where its name says (太原武宿国际机场… in 太原市); the rest are spread.
        let locality = named.flatMap { n in org.localities.first { n.name.hasPrefix(shortName($0)) } }
            ?? org.localities[(i * 7 + i / org.localities.count) % org.localities.count]
        let code = "\(settings.codePrefix)\(month.year)-\(String(repeating: "0", count: max(0, 4 - String(i + 1).count)))\(i + 1)"

        let total = Money(wan: roundedWan(logUniform(&rng, 8_000, settings.organisation.level == .province ? 1_500_000 : 300_000)))
        let annualShare = scenario == .preparation ? rng.double(0.03...0.08) : rng.double(0.15...0.35)
        let planless = scenario == .reserve || scenario == .planning
        let annual = planless ? Money.zero : Money(wan: roundedWan(total.wan * annualShare))
        // A project in 前期 with this year's plan starts this year (its monthly figures are this
        // year's); reserve and planning projects start next year.
        let startYear = month.year - (scenario.stage == .preparation ? 0 : scenario == .reserve || scenario == .planning ? -1 : rng.int(1...3))
        // Each leader of the headquarters takes one or two projects (包联); the rest have a
        // leader of their locality.
        let liaison = i < headquartersLeaders.count * 2 ? headquartersLeaders[i % headquartersLeaders.count].name
            : "\(personName(&rng))（\(shortName(locality))）"

        let project = Project(
            code: code, name: named?.name ?? projectName(subcommand, locality, &rng), level: projectLevel(i),
            subcommand: subcommand.code, locality: locality.code,
            constructionUnit: constructionUnit(locality, &rng),
            nature: startYear < month.year ? .continuing : .new, stage: scenario.stage,
            reserveClass: scenario == .reserve ? rng.pick([.nearTermSigning, .landing, .readyToStart, .negotiation]) : nil,
            content: "建设内容及规模（示例）：总建筑面积约\(rng.int(2...60))万平方米及配套设施",
            startYear: planless ? nil : startYear, endYear: planless ? nil : max(startYear + rng.int(2...4), month.year + 1),
            totalInvestment: total, annualPlan: annual, liaisonLeader: liaison,
            responsibleUnit: subcommand.leadUnits.first ?? org.office.hostUnit,
            responsiblePerson: personName(&rng), contact: "0357-\(rng.int(2_000_000...8_999_999))")
        // The samples pass every check the write paths make: no month before the start year
        // (generated whole, then cut, so the random draws of the rest stay as they were).
        let records = planless ? [] : monthlyRecords(project, scenario, &rng).filter { $0.month.year >= startYear }
        let milestones = self.milestones(project, scenario, startYear: startYear, &rng)
        let reminders = scenario.reminderMonths.map { back -> Reminder in
            let m = month.adding(months: -back)
            return Reminder(project: code, date: Day(year: m.year, month: m.month, day: rng.int(8...20))!,
                            by: staff[(i + back) % staff.count], note: reminderNote(scenario))
        }
        return ProjectFile(project: project, records: records, milestones: milestones, reminders: reminders)
    }

    func projectLevel(_ i: Int) -> ProjectLevel {
        switch org.level {
        case .province: return .province
        case .city: return i % 5 == 0 ? .province : .city
        case .county: return i % 10 == 0 ? .province : (i % 4 == 0 ? .city : .county)
        }
    }

    func monthlyRecords(_ project: Project, _ scenario: Scenario, _ rng: inout SeededRandom) -> [MonthlyRecord] {
        let first = month.adding(months: -(settings.historyMonths - 1))
        var records: [MonthlyRecord] = []
        var plannedYTD = Money.zero, completedYTD = Money.zero
        for m in YearMonth.range(first, through: month) {
            if m.month == 1 { plannedYTD = .zero; completedYTD = .zero }
            let back = m.months(to: month)
            // Last year's plan was a little smaller.
            let yearPlan = m.year == month.year ? project.annualPlan.yuan : project.annualPlan.yuan * 9 / 10
            let planned = Money(yuan: yearPlan * DemoGenerator.monthWeights[m.month - 1] / 100 / 1_000 * 1_000)
            var completed: Money
            var text: String
            if let since = scenario.stalledSince, back <= since {
                completed = .zero
                text = rng.pick(NamePools.stalledProgress)
            } else if let since = scenario.behindSince, back <= since, !(scenario == .recovered && back == 0) {
                completed = Money(yuan: planned.yuan * Int64(rng.int(35...55)) / 100 / 1_000 * 1_000)
                text = progressText(&rng)
            } else if scenario == .recovered && back == 0 {
                // Catch up: enough this month to be back on 序时进度.
                let gap = plannedYTD.yuan + planned.yuan - completedYTD.yuan
                completed = Money(yuan: (gap * 102 / 100 / 1_000 + 1) * 1_000)
                text = progressText(&rng)
            } else if scenario == .ahead || scenario == .onTrack {
                completed = Money(yuan: planned.yuan * Int64(rng.int(scenario == .ahead ? 115...130 : 100...110)) / 100 / 1_000 * 1_000 + 1_000)
                text = progressText(&rng)
            } else {
                completed = Money(yuan: planned.yuan + 1_000)
                text = progressText(&rng)
            }
            plannedYTD += planned
            completedYTD += completed
            records.append(MonthlyRecord(project: project.code, month: m, planned: planned, completed: completed, progress: text))
        }
        return records
    }

    func milestones(_ project: Project, _ scenario: Scenario, startYear: Int, _ rng: inout SeededRandom) -> [Milestone] {
        func day(_ monthsFromAssessed: Int, _ d: Int) -> Day {
            let m = month.adding(months: monthsFromAssessed)
            return Day(year: m.year, month: m.month, day: min(d, m.dayCount))!
        }
        let kinds = MilestoneKind.allCases
        switch scenario {
        case .reserve, .planning:
            return [Milestone(project: project.code, kind: .approval, planned: day(rng.int(4...9), 15))]
        case .preparation:
            // Approval and planning done; land, environment, energy and the permit to come.
            return kinds.enumerated().map { index, kind in
                let planned = day(index - 1, 10 + index)
                return Milestone(project: project.code, kind: kind, planned: planned, actual: index < 2 ? planned : nil)
            }
        default:
            var result: [Milestone] = []
            let startMonth = YearMonth(year: startYear, month: rng.int(3...5))!
            for (index, kind) in kinds.enumerated() {
                var planned: Day
                var actual: Day?
                switch kind {
                case .completion, .production:
                    let finish = scenario == .completed || scenario == .production
                    planned = finish ? day(kind == .completion ? -2 : (scenario == .production ? 0 : 2), 20) : Day(year: (project.endYear ?? startYear + 3), month: 10 + index - 7, day: 30)!
                    actual = finish && (kind == .completion || scenario == .production) ? planned : nil
                default:
                    let m = startMonth.adding(months: index - 6)
                    planned = Day(year: m.year, month: m.month, day: 10 + index)!
                    actual = planned
                }
                result.append(Milestone(project: project.code, kind: kind, planned: planned, actual: actual))
            }
            if scenario == .lateMilestone || scenario == .lateMilestoneYellow {
                // The completion acceptance of a first phase slipped: a milestone due, not reached.
                let back = scenario == .lateMilestone ? 0 : 1
                result[kinds.firstIndex(of: .completion)!] = Milestone(project: project.code, kind: .completion,
                                                                       planned: day(-back, 5), actual: nil)
            }
            return result
        }
    }

    // MARK: words

    func projectName(_ subcommand: SubCommand, _ locality: Locality, _ rng: inout SeededRandom) -> String {
        let haystack = subcommand.name + subcommand.sectors.joined()
        let pools = NamePools.templates.filter { entry in entry.keywords.contains { haystack.contains($0) } }
        let entry = pools.isEmpty ? nil : rng.pick(pools)
        let names = entry?.names ?? NamePools.fallback.names
        let subjects = (entry?.subjects.isEmpty ?? true) ? NamePools.fallback.subjects : entry!.subjects
        let other = org.localities[rng.int(0...(org.localities.count - 1))]
        return rng.pick(names)
            .replacingOccurrences(of: "{place}", with: shortName(locality))
            .replacingOccurrences(of: "{other}", with: shortName(other))
            .replacingOccurrences(of: "{x}", with: rng.pick(subjects))
            .replacingOccurrences(of: "{n}", with: String(rng.pick([2, 3, 5, 10, 20, 30, 50])))
    }

    /// "尧都区" → "尧都", "侯马市" → "侯马": what names are prefixed with.
    /// "二期" for the second of a name, up to "十期", then "第11期".
    func phase(_ n: Int) -> String {
        let words = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return n < words.count ? "\(words[n])期" : "第\(n)期"
    }

    func shortName(_ locality: Locality) -> String {
        var name = locality.name
        for suffix in ["经济开发区", "示范区", "区", "市", "县", "镇", "乡"] where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
            name.removeLast(suffix.count)
            break
        }
        return name
    }

    func constructionUnit(_ locality: Locality, _ rng: inout SeededRandom) -> String {
        shortName(locality) + rng.pick(["投资建设", "城市建设投资", "新材料科技", "能源发展", "文化旅游开发", "现代农业发展", "交通建设"]) + "有限公司"
    }

    func progressText(_ rng: inout SeededRandom) -> String {
        rng.pick(NamePools.progress)
            .replacingOccurrences(of: "{n}", with: String(rng.int(10...95)))
            .replacingOccurrences(of: "{m}", with: rng.pick(["施工许可", "竣工验收", "用地"]))
    }

    func reminderNote(_ scenario: Scenario) -> String {
        switch scenario {
        case .lateMilestone, .lateMilestoneYellow: return "竣工节点逾期，请抓紧推进"
        case .stall2, .stall3: return "连续无实物工作量，请说明原因并尽快复工"
        default: return "投资完成滞后序时进度，请加快推进"
        }
    }

    func logUniform(_ rng: inout SeededRandom, _ low: Double, _ high: Double) -> Double {
        exp(log(low) + (log(high) - log(low)) * rng.double(0...1))
    }
    func roundedWan(_ wan: Double) -> Int { max(10, Int(wan / 10) * 10) }
}

