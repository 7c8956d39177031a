import KeyProjects
import KeyProjectsStore
import StringTables

/// The monthly special report to leaders (重点项目专报, seed 001 §六: "每月梳理全市重大决策部署、
/// 重点项目进展、工作动态等信息，总结典型经验，直揭短板问题"): decisions of the month's meetings,
/// progress, the month's work, good examples, shortcomings, and next month's work. Prose with
/// figures from the board of the month (the bulletin's figures) and the records.
public struct SpecialReport {
    public let month: YearMonth
    public let bulletin: BulletinReport
    public let previous: Board
    public let portfolio: Portfolio
    public let decisions: [MeetingDecision]
    /// The board's projects by code, for names.
    let projects: [String: Project]
    /// The month's 形象进度 by project, when the portfolio was read without it (the dashboard's).
    let progress: [String: String]
    public var strings: Strings { bulletin.strings }
    var config: LocalityConfig { bulletin.config }

    /// `decisions`: what was recorded at meetings (those of the month's meetings are reported).
    /// `bulletin`: the month's bulletin when the caller has it already (its figures are these).
    public init(portfolio: Portfolio, config: LocalityConfig, month: YearMonth, decisions: [MeetingDecision], strings: Strings,
                bulletin: BulletinReport? = nil, progress: [String: String] = [:]) {
        self.month = month; self.portfolio = portfolio; self.decisions = decisions; self.progress = progress
        self.bulletin = bulletin ?? BulletinReport(portfolio: portfolio, config: config, month: month, strings: strings)
        previous = Board.assess(portfolio, rules: config.rules, asOf: month.previous.lastDay, month: month.previous)
        projects = Dictionary(self.bulletin.board.standings.map { ($0.project.code, $0.project) }, uniquingKeysWith: { a, _ in a })
    }

    var board: Board { bulletin.board }
    var sep: String { strings["punct.list"] }


    func inMonth(_ day: Day?) -> Bool { day.map { $0.yearMonth == month } ?? false }

    func names(_ codes: [String], limit: Int = 8) -> String {
        let all = codes.map { projects[$0]?.name ?? $0 }
        return all.prefix(limit).joined(separator: sep) + (all.count > limit ? strings.format("special.andMore", ["n": String(all.count)]) : "")
    }

    public func markdown() -> String { render(markdown: true) }
    public func text() -> String { render(markdown: false) }

    func render(markdown: Bool) -> String {
        let s = strings
        let words = CardText(strings: s, rules: config.rules.cards)
        let h1 = markdown ? "# " : "", h2 = markdown ? "## " : ""
        var out = h1 + s.format("special.title", ["region": config.organisation.region, "name": config.organisation.name,
                                                 "month": words.monthTitle(month)]) + "\n\n"
        var section = 0
        func heading(_ key: String) {
            out += (section == 0 ? "" : "\n") + h2 + SectionNumber.prefix(section, s) + s[key] + "\n\n"
            section += 1
        }

        // 一、重大决策部署: the month's meetings and what they decided.
        heading("special.decisions")
        let held = portfolio.meetings.filter { !$0.cancelled && $0.date.yearMonth == month && $0.kind != .weeklyDispatch }
        let decided = decisions.filter { d in d.kind == .decision && held.contains { $0.id == d.meeting } }
        if held.isEmpty { out += s["special.noMeetings"] + "\n" }
        // The headquarters' and the office's meetings one by one; the sub-commands' together.
        let dispatches = held.filter { $0.kind == .subcommandDispatch }
        for m in held where m.kind != .subcommandDispatch {
            let mine = decided.filter { $0.meeting == m.id }
            out += "- " + s.format("special.meeting", ["date": m.date.iso, "kind": MeetingText.kind(m.kind, config.organisation.names, s), "title": m.title])
                + (mine.isEmpty ? "" : s.format("special.decided", ["n": String(mine.count)])) + "\n"
            for d in mine.prefix(5) {
                out += "  - " + s.format("special.decision", ["project": projects[d.project]?.name ?? d.project, "text": d.text,
                                                              "unit": d.unit, "deadline": d.deadline?.iso ?? "—"]) + "\n"
            }
        }
        if !dispatches.isEmpty {
            let n = decided.filter { d in dispatches.contains { $0.id == d.meeting } }.count
            out += "- " + s.format("special.dispatches", ["n": String(dispatches.count)])
                + (n == 0 ? "" : s.format("special.decided", ["n": String(n)])) + "\n"
        }

        // 二、重点项目进展: investment, milestones reached, card changes.
        heading("special.progress")
        let inv = bulletin.investment(board.standings)
        let before = bulletin.investment(previous.standings)
        let thisMonth = portfolio.files.reduce(Money.zero) { sum, f in
            sum + (f.records.first { $0.month == month }?.completed ?? .zero)
        }
        out += s.format("special.investment", ["month": thisMonth.wanRoundedText, "done": inv.completed.wanRoundedText,
                                               "ratio": BulletinReport.ratio(inv.completed, inv.planned),
                                               "before": BulletinReport.ratio(before.completed, before.planned)]) + "\n"
        var reached: [MilestoneKind: [String]] = [:]
        for f in portfolio.files { for m in f.milestones where inMonth(m.actual) { reached[m.kind, default: []].append(f.project.code) } }
        let milestoneParts = [MilestoneKind.start, .completion, .production].compactMap { kind -> String? in
            guard let codes = reached[kind], !codes.isEmpty else { return nil }
            return s.format("special.milestone", ["kind": s.word("milestone", kind), "n": String(codes.count), "names": names(codes)])
        }
        out += (milestoneParts.isEmpty ? s["special.noMilestones"] : s.clauses(milestoneParts)) + "\n"
        let was = Dictionary(previous.standings.map { ($0.project.code, $0.card.colour) }, uniquingKeysWith: { a, _ in a })
        func changed(to colour: CardColour, from: Set<CardColour>) -> [String] {
            board.standings.filter { $0.card.colour == colour && was[$0.project.code].map(from.contains) ?? false }.map(\.project.code)
        }
        let better = changed(to: .blue, from: [.yellow, .red]), yellow = changed(to: .yellow, from: [.blue, .behind]),
            red = changed(to: .red, from: [.blue, .behind, .yellow])
        out += s.format("special.cardChanges", ["better": String(better.count), "yellow": String(yellow.count), "red": String(red.count)])
        if !better.isEmpty { out += s.format("special.betterNames", ["names": names(better)]) }
        out += "\n"

        // 三、工作动态: meetings, reminders, issues, interviews and statements.
        heading("special.work")
        let reminders = portfolio.files.reduce(0) { $0 + $1.reminders.filter { inMonth($0.date) }.count }
        let registered = portfolio.issues.filter { inMonth($0.registeredOn) }.count
        let cleared = portfolio.issues.filter { inMonth($0.clearedOn) }.count
        let followUps = portfolio.heldFollowUps.filter { f in portfolio.meetings.contains { $0.id == f.meeting && $0.date.yearMonth == month } }
        let allHeld = portfolio.meetings.filter { !$0.cancelled && $0.date.yearMonth == month }
        out += s.format("special.workText", ["meetings": String(allHeld.count), "reminders": String(reminders), "registered": String(registered),
                                             "cleared": String(cleared), "interviews": String(followUps.filter { !$0.statement }.count),
                                             "statements": String(followUps.filter(\.statement).count)]) + "\n"

        // 四、典型经验: the projects furthest ahead, and the quarter's 羚羊奖 when the month ends one.
        heading("special.examples")
        let ahead = board.standings.filter { $0.card.colour == .blue && ($0.card.schedule.ratio ?? 0) > 1 }
            .sorted { ($0.card.schedule.ratio ?? 0, $1.project.code) > ($1.card.schedule.ratio ?? 0, $0.project.code) }.prefix(3)
        if ahead.isEmpty { out += s["none"] + "\n" }
        for st in ahead {
            let written = portfolio.files.first { $0.project.code == st.project.code }?.records.first { $0.month == month }?.progress ?? ""
            let progress = written.isEmpty ? self.progress[st.project.code] ?? "" : written
            out += "- " + s.format("special.example", ["name": st.project.name, "ratio": CardText.percent(st.card.schedule.ratio)])
                + (progress.isEmpty ? "" : s.phrase + progress) + "\n"
        }
        let quarter = Quarter(containing: month)
        if quarter.lastMonth == month {
            let awarded = portfolio.awards.picks(quarter, .antelope)
            if !awarded.isEmpty {
                out += "- " + s.format("special.antelope", ["quarter": AwardText(strings: s).quarterTitle(quarter),
                                                            "names": names(awarded.map(\.project))]) + "\n"
            }
        }

        // 五、短板问题: red cards, stalled projects, overdue issues, localities low months running.
        heading("special.shortcomings")
        let reds = board.standings.filter { $0.card.colour == .red }.map(\.project.code)
        let stalled = board.standings.filter { $0.stall >= .officeSupervision }.map(\.project.code)
        let overdue = bulletin.queue.filter { $0.issue.status.isOpen && $0.clock.isOverdue }
        var byCategory: [IssueCategory: Int] = [:]
        for e in overdue { byCategory[e.issue.category, default: 0] += 1 }
        let categories = byCategory.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
            .map { s.format("special.category", ["category": s.word("category", $0.key), "n": String($0.value)]) }.joined(separator: sep)
        let flagged = bulletin.ranking.filter(\.flagged).map { row in
            s.format("special.flaggedName", ["name": config.organisation.locality(row.group)?.name ?? row.group, "n": String(row.monthsLow)])
        }
        var short: [String] = []
        if !reds.isEmpty { short.append(s.format("special.reds", ["n": String(reds.count), "names": names(reds)])) }
        if !stalled.isEmpty { short.append(s.format("special.stalled", ["n": String(stalled.count), "names": names(stalled)])) }
        if !overdue.isEmpty { short.append(s.format("special.overdue", ["n": String(overdue.count), "categories": categories])) }
        if !flagged.isEmpty {
            short.append(s.format("special.flagged", ["names": flagged.joined(separator: sep)]))
        }
        out += short.isEmpty ? s["none"] + "\n" : short.map { "- " + $0 + "\n" }.joined()

        // 六、下步工作: next month's plenary and progress meetings, statements due, milestones due.
        heading("special.next")
        let next = month.next
        let coming = portfolio.meetings.filter { !$0.cancelled && $0.date.yearMonth == next
            && [.plenary, .annualConference, .monthlyProgress, .siteReview].contains($0.kind) }
        var plans: [String] = coming.map { s.format("special.nextMeeting", ["date": $0.date.iso, "title": $0.title]) }
        // The statements owed at next month's headquarters meeting: every red card since the
        // previous one not yet answered, as its agenda lists them (issue 15 §2).
        if let hq = coming.first(where: { Meetings.headquartersKinds.contains($0.kind) }) {
            let owed = board.month == assessedMonth(asOf: hq.date)
                ? Agenda.build(for: hq, board: board, queue: [], held: portfolio.heldFollowUps, meetings: portfolio.meetings)
                    .filter { if case .statement = $0 { return true }; return false }.count
                : reds.count
            if owed > 0 { plans.append(s.format("special.statementsDue", ["n": String(owed)])) }
        }
        var due: [MilestoneKind: Int] = [:]
        for f in portfolio.files { for m in f.milestones where m.actual == nil && m.planned.map({ $0.yearMonth == next }) ?? false { due[m.kind, default: 0] += 1 } }
        let dueParts = [MilestoneKind.start, .completion, .production].compactMap { k in
            due[k].map { s.format("special.due", ["kind": s.word("milestone", k), "n": String($0)]) }
        }
        if !dueParts.isEmpty { plans.append(s.format("special.dueLine", ["month": words.monthTitle(next), "items": dueParts.joined(separator: sep)])) }
        out += plans.isEmpty ? s["none"] + "\n" : plans.map { "- " + $0 + "\n" }.joined()
        return out
    }
}
