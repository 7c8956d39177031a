import KeyProjects
import KeyProjectsReports
import StringTables
import TerminalKit
import TextLayout

/// One line of a detail page: its role in the theme, how far a wrapped continuation is
/// indented, and the page it opens (Tab moves between such lines, Enter follows one).
struct DetailLine {
    var text: String
    var role: String
    var indent = 2
    var link: Detail?
    init(_ text: String, _ role: String = "text", link: Detail? = nil) { self.text = text; self.role = role; self.link = link }
    static let blank = DetailLine("")
}

/// Project, issue and meeting pages: lines built from the data, scrolled by the user.
enum DetailRender {
    static func draw(_ detail: Detail, _ state: AppState, _ canvas: inout Canvas, _ body: Rect) {
        let lines = page(detail, state, width: body.width)
        let selectedLink = state.detailLink.flatMap { k in lines.firstIndex { $0.linkIndex == k }.map { _ in k } }
        let items = lines.map { line in
            ListItem(line.text, style: line.linkIndex != nil && line.linkIndex == selectedLink ? state.style("selection") : state.style(line.role))
        }
        // The position goes in the status line: at the top right it would cover the title's end.
        ListView(items: items, offset: state.detailScroll, markStyle: state.style("muted"), indent: 1)
            .hits { lines[$0].linkIndex.map { .row($0) } }
            .render(into: &canvas, rect: body, mark: false)
    }

    /// `21-41/83` when the page is longer than the screen.
    static func position(_ detail: Detail, _ state: AppState) -> String? {
        let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 3)
        let lines = page(detail, state, width: body.width)
        return ListView(items: lines.map { ListItem($0.text) }, offset: state.detailScroll).position(height: body.height)
    }

    /// A page's lines wrapped to `width` columns, each with the number of the link it belongs
    /// to (the n-th line that opens a page), for drawing and for scrolling to a link.
    static func page(_ detail: Detail, _ state: AppState, width: Int) -> [(text: String, role: String, linkIndex: Int?, link: Detail?)] {
        guard let data = state.data else { return [] }
        let lines: [DetailLine]
        switch detail {
        case let .project(code): lines = ProjectPage.lines(code, data, state)
        case let .issue(id): lines = IssuePage.lines(id, data, state)
        case let .meeting(id): lines = MeetingPage.lines(id, data, state)
        case let .history(scope): lines = HistoryPage.lines(scope, state)
        }
        var out: [(text: String, role: String, linkIndex: Int?, link: Detail?)] = []
        var links = 0
        for line in lines {
            let index: Int? = line.link == nil ? nil : links
            if line.link != nil { links += 1 }
            for piece in DisplayWidth.wrap(line.text, columns: max(10, width - 2), indent: line.indent) {
                out.append((piece, line.role, index, line.link))
            }
        }
        return out
    }

    /// How many lines open another page.
    static func linkCount(_ detail: Detail, _ state: AppState) -> Int {
        Set(page(detail, state, width: state.width).compactMap(\.linkIndex)).count
    }

    /// `label：value` with labels padded to one width.
    static func fields(_ pairs: [(String, String)], _ state: AppState) -> [DetailLine] {
        let width = pairs.map { DisplayWidth.of($0.0) }.max() ?? 0
        let sep = state.strings.colon
        return pairs.map {
            var line = DetailLine($0.0 + String(repeating: " ", count: width - DisplayWidth.of($0.0)) + sep + ($0.1.isEmpty ? "—" : $0.1))
            line.indent = width + DisplayWidth.of(sep)   // a long value wraps under itself
            return line
        }
    }
}

enum ProjectPage {
    static func lines(_ code: String, _ data: DashboardData, _ state: AppState) -> [DetailLine] {
        let s = state.strings
        guard let standing = data.board.standings.first(where: { $0.project.code == code }) else {
            return [DetailLine(s.format("error.notFound", ["entity": s["col.project"], "key": code]), "alert")]
        }
        let p = standing.project
        let org = data.organisation
        let file = state.projectFile.flatMap { $0.project.code == code ? $0 : nil } ?? data.file(code) ?? ProjectFile(project: p)
        let words = CardText(strings: s, rules: data.config.rules.cards, meetings: data.portfolio.meetings)
        var out: [DetailLine] = [DetailLine("\(p.code)  \(p.name)", "table.section")]
        out.append(DetailLine(words.label(standing.card.colour, ascii: state.options.ascii) + "  " + words.reason(standing.card, asOf: data.asOf),
                              "card.\(standing.card.colour.rawValue)"))
        if standing.stall != .none { out.append(DetailLine(s["stall.\(standing.stall.rawValue)"], "stall")) }
        // Early warning (预警): next month's card at its pace and what keeps it on schedule.
        if let forecast = standing.forecast, forecast.warning != nil {
            out.append(DetailLine(ForecastText(strings: s, config: data.config).line(standing), "card.\(forecast.card.rawValue)"))
        }
        out.append(.blank)
        let sub = org.subcommand(p.subcommand)
        let commander = sub.flatMap { org.leader($0.commander) }.map { "\($0.name)（\($0.title)）" } ?? ""
        out += DetailRender.fields([
            (s["field.level"], s.word("level", p.level)), (s["col.subcommand"], sub?.name ?? p.subcommand),
            (s["field.commander"], commander), (s["col.locality"], org.locality(p.locality)?.name ?? p.locality),
            (s["field.constructionUnit"], p.constructionUnit), (s["field.nature"], s.word("nature", p.nature)),
            (s["field.stage"], s.word("stage", p.stage)), (s["field.content"], p.content),
            (s["field.years"], p.startYear == nil && p.endYear == nil ? "—"
                : [p.startYear, p.endYear].map { $0.map(String.init) ?? "?" }.joined(separator: state.options.ascii ? "-" : "–")),
            (s["field.total"], p.totalInvestment.wanText + " " + s["unit.wan"]), (s["field.annual"], p.annualPlan.wanText + " " + s["unit.wan"]),
            (s["field.liaison"], p.liaisonLeader), (s["field.responsibleUnit"], p.responsibleUnit),
            (s["field.leadUnits"], sub.map { s.list($0.leadUnits) } ?? ""),
            (s["field.person"], p.responsiblePerson), (s["field.contact"], p.contact),
        ], state)

        // Plan against completed investment by month, as bars.
        out.append(.blank)
        out.append(DetailLine(s["section.investment"], "table.section"))
        let records = file.records.suffix(12)
        if records.isEmpty { out.append(DetailLine(s["none"], "muted")) }
        let top = records.map { max($0.planned?.wan ?? 0, $0.completed.wan) }.max() ?? 0
        let barWidth = max(10, min(30, (state.width - 40) / 2))
        for r in records {
            let planned = r.planned?.wan ?? 0
            let pBar = Widgets.bar(top > 0 ? planned / top : 0, width: barWidth, ascii: state.options.ascii)
            let cBar = Widgets.bar(top > 0 ? r.completed.wan / top : 0, width: barWidth, ascii: state.options.ascii)
            out.append(DetailLine("\(r.month.iso)  \(s["chart.planned"]) \(pBar) \(pad(r.planned?.wanText ?? "—", 9))  \(s["chart.completed"]) \(cBar) \(r.completed.wanText)"))
            if !r.progress.isEmpty { out.append(DetailLine("         " + r.progress, "muted")) }
        }

        out.append(.blank)
        out.append(DetailLine(s["section.milestones"], "table.section"))
        let end = standing.card.month.lastDay
        let nameWidth = MilestoneKind.allCases.map { DisplayWidth.of(s.word("milestone", $0)) }.max() ?? 8
        for m in file.milestones.sorted(by: { $0.kind.order < $1.kind.order }) {
            let state_ = m.actual != nil ? s["milestone.reached"] : (m.isLate(at: max(end, data.asOf)) ? s["milestone.late"] : s["milestone.pending"])
            let role = m.actual == nil && m.isLate(at: max(end, data.asOf)) ? "alert" : "text"
            out.append(DetailLine("\(pad(s.word("milestone", m.kind), nameWidth))  \(s["field.planned"]) \(m.planned?.iso ?? "—")  \(s["field.actual"]) \(m.actual?.iso ?? "—")  \(state_)", role))
        }

        out.append(.blank)
        out.append(DetailLine(s["section.cards"], "table.section"))
        for card in standing.strip.reversed() {
            out.append(DetailLine("\(card.month.iso)  \(words.label(card.colour, ascii: state.options.ascii))  \(words.reason(card, asOf: card.month.lastDay))",
                                  "card.\(card.colour.rawValue)"))
        }

        // The quarters' 羚羊奖/蜗牛奖 awarded to it, or proposed for it, latest first.
        let awards = data.portfolio.awards
        let mine = awards.picks.filter { $0.project == code }.sorted { ($0.quarter, $0.kind.rawValue) > ($1.quarter, $1.kind.rawValue) }
        let proposed = awards.proposals.filter { p in p.project == code && !mine.contains { $0.quarter == p.quarter && $0.kind == p.kind } }
        if !mine.isEmpty || !proposed.isEmpty {
            let text = AwardText(strings: s)
            out.append(.blank)
            out.append(DetailLine(s["section.awards"], "table.section"))
            for a in mine {
                out.append(DetailLine(s.format("detail.awarded", ["quarter": text.quarterTitle(a.quarter), "award": s["award.\(a.kind.rawValue)"],
                                                                  "place": String(a.place)]), a.kind == .antelope ? "card.blue" : "card.red"))
            }
            for p in proposed.sorted(by: { $0.quarter > $1.quarter }) {
                // Awaiting the headquarters, or the quarter's awards went to others.
                let decided = !awards.picks(p.quarter, p.kind).isEmpty
                out.append(DetailLine(s.format(decided ? "detail.notAwarded" : "detail.nominated",
                                               ["quarter": text.quarterTitle(p.quarter), "award": s["award.\(p.kind.rawValue)"],
                                                "reason": p.reason]), "muted"))
            }
        }

        out.append(.blank)
        out.append(DetailLine(s["section.reminders"], "table.section"))
        if file.reminders.isEmpty { out.append(DetailLine(s["none"], "muted")) }
        for r in file.reminders.reversed() { out.append(DetailLine("\(r.date.iso)  \(r.by)  \(r.note)")) }

        out.append(.blank)
        out.append(DetailLine(s["section.issues"], "table.section"))
        let issues = data.queue.filter { $0.issue.project == code }
        if issues.isEmpty { out.append(DetailLine(data.complete ? s["none"] : s["msg.loadingQueue"], "muted")) }
        for e in issues {
            out.append(DetailLine("\(e.issue.id)  \(s.word("step", e.clock.step))  \(e.clock.due?.iso ?? "—")  \(s.word("status", e.issue.status))  \(e.issue.description)",
                                  e.clock.isOverdue && e.issue.status.isOpen ? "alert" : "text", link: .issue(e.issue.id)))
        }
        return out
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}

enum IssuePage {
    static func lines(_ id: String, _ data: DashboardData, _ state: AppState) -> [DetailLine] {
        let s = state.strings
        guard let e = data.queue.first(where: { $0.issue.id == id }) else {
            return [DetailLine(s.format("error.notFound", ["entity": s["col.id"], "key": id]), "alert")]
        }
        let i = e.issue
        let reader = IssueQueueReport(portfolio: Portfolio(files: []), config: data.config, asOf: data.asOf, strings: s)
        var out: [DetailLine] = [DetailLine("\(i.id)  \(i.description)", "table.section")]
        let project = i.isFromLowerStore
            ? DetailLine("\(s["col.project"])\(s.colon)\(i.originProject)  \(s.format("issue.from", ["origin": i.origin]))")
            : DetailLine("\(s["col.project"])\(s.colon)\(i.project)  \(e.project?.name ?? "")", link: .project(i.project))
        out.append(DetailLine("\(QueueRender.lightGlyph(e.clock.light, ascii: state.options.ascii)) \(s.word("step", e.clock.step))  \(e.clock.due?.iso ?? "—")  \(reader.daysText(e.clock))",
                              "light.\(e.clock.light.rawValue)"))
        out.append(project)
        out.append(.blank)
        out += DetailRender.fields([
            (s["col.category"], s.word("category", i.category)),
            (s["col.kind"], s.word("issueKind", i.kind)), (s["field.issueLevel"], s.word("issueLevel", i.level)),
            (s["col.status"], s.issueStatus(i)), (s["col.unit"], i.unit.isEmpty ? "—" : i.unit),
            (s["field.deadline"], deadline(e, data, s)),
            (s["col.listed"], i.listed ? s["yes"] : s["no"]),
            (s["field.group"], i.group.isEmpty ? "—" : s.format("shared", ["n": String(e.groupSize)]) + "：" + i.group),
            (s["field.note"], i.note), (s["field.reopened"], String(i.reopenCount)),
        ], state)
        if i.listed || !i.supervision.missing.isEmpty && i.supervision != SupervisionFive() {
            out.append(.blank)
            out.append(DetailLine(s["section.five"], "table.section"))
            out += DetailRender.fields([
                (s["five.solution"], i.supervision.solution), (s["five.unit"], i.supervision.unit),
                (s["five.leader"], i.supervision.leader), (s["five.person"], i.supervision.person),
                (s["five.deadline"], i.supervision.deadline?.iso ?? "—"),
            ], state)
        }
        out.append(.blank)
        out.append(DetailLine(s["section.timeline"], "table.section"))
        out.append(DetailLine("\(ProjectPage.pad(s["field.registered"], 10))  \(i.registeredOn.iso)"))
        for t in Clock13710.timings(of: i, rules: data.config.rules.clock) {
            let met: String
            switch t.metOnTime {
            case true?: met = s["timeline.onTime"]
            case false?: met = s["timeline.late"]
            case nil: met = t.passed ? s["timeline.passed"] : (t.step == e.clock.step ? "← " + reader.daysText(e.clock) : "")
            }
            let role = t.metOnTime == false || (t.step == e.clock.step && e.clock.isOverdue) ? "alert" : "text"
            out.append(DetailLine("\(ProjectPage.pad(s.word("step", t.step), 10))  \(s["field.due"]) \(t.due?.iso ?? "—")  \(s["field.done"]) \(t.done?.iso ?? "—")  \(met)", role))
        }
        return out
    }
}

extension IssuePage {
    /// The solve step's deadline: an explicit one with its reason, or the 13710 clock's.
    static func deadline(_ e: TriageEntry, _ data: DashboardData, _ s: Strings) -> String {
        if let d = e.issue.deadline { return "\(d.iso) \(e.issue.deadlineReason)" }
        let solve = Clock13710.timings(of: e.issue, rules: data.config.rules.clock).first { $0.step == .solve }
        return solve?.due.map { s.format("field.deadlineByClock", ["due": $0.iso]) } ?? "—"
    }
}

enum MeetingPage {
    /// Who attends: a sub-command's lead units; the office's host unit and the units of the duty
    /// table; the whole headquarters' member units.
    static func attendees(_ m: Meeting, _ org: Organisation, _ s: Strings) -> String {
        let sep = s["punct.list"]
        switch m.scope {
        case let .subcommand(code): return (org.subcommand(code)?.leadUnits ?? []).joined(separator: sep)
        case .office:
            var units = [org.office.hostUnit]
            for u in org.dutyTable.sorted(by: { $0.key.rawValue < $1.key.rawValue }).map(\.value) where !units.contains(u) { units.append(u) }
            return units.filter { !$0.isEmpty }.joined(separator: sep)
        case let .locality(code): return org.locality(code)?.name ?? code
        case .headquarters: return s.format("meeting.allUnits", ["n": String(org.memberUnits.count), "subs": String(org.subcommands.count)])
        }
    }

    static func lines(_ id: String, _ data: DashboardData, _ state: AppState) -> [DetailLine] {
        let s = state.strings
        guard let m = data.portfolio.meetings.first(where: { $0.id == id }) else {
            return [DetailLine(s.format("error.notFound", ["entity": s["col.title"], "key": id]), "alert")]
        }
        let scope = CalendarReport(meetings: [], config: data.config, from: m.date, to: m.date, strings: s).scopeText(m.scope)
        var out: [DetailLine] = [DetailLine("\(m.date.iso) \(m.time)  \(MeetingText.title(m, s))", "table.section"), .blank]
        out += DetailRender.fields([(s["col.id"], m.id), (s["col.meetingKind"], MeetingText.kind(m.kind, data.organisation.names, s)), (s["col.chair"], m.chair),
                                    (s["col.scope"], scope), (s["field.attendees"], attendees(m, data.organisation, s)),
                                    (s["col.location"], m.location), (s["field.remark"], m.note)], state)
        // The agenda, built as of the meeting's date when the page was opened.
        guard let agenda = state.agenda, agenda.meeting == id else { return out }
        let items = agenda.items
        out.append(.blank)
        out.append(DetailLine(s.format("section.agenda", ["month": CardText(strings: s, rules: data.config.rules.cards).monthTitle(agenda.month),
                                                          "n": String(items.count)]), "table.section"))
        if items.isEmpty { out.append(DetailLine(s["none"], "muted")) }
        let report = AgendaReport(meeting: m, month: agenda.month, items: items, config: data.config, strings: s, warnings: agenda.warnings)
        // Items with something recorded at the meeting are marked worked.
        let worked = Set((state.decisions.flatMap { $0.meeting == id ? $0.list : nil } ?? []).map(\.item))
        for (n, item) in items.enumerated() {
            let text = "\(n + 1). " + (worked.contains(item.key) ? s["agenda.worked"] + " " : "") + report.line(item)
            switch item {
            case let .statement(st): out.append(DetailLine(text, "card.red", link: .project(st.project.code)))
            case let .interview(st): out.append(DetailLine(text, "card.yellow", link: .project(st.project.code)))
            case let .stalled(st): out.append(DetailLine(text, "stall", link: .project(st.project.code)))
            case let .overdueIssue(e): out.append(DetailLine(text, "alert", link: .issue(e.issue.id)))
            case let .listedIssue(e): out.append(DetailLine(text, link: .issue(e.issue.id)))
            case .lowRanked: out.append(DetailLine(text, "alert"))
            }
        }
        // 预警项目: who will turn yellow or red next month at their pace (issue 15 §4).
        if !agenda.warnings.isEmpty {
            out.append(.blank)
            out.append(DetailLine(s.format("agenda.section.warnings", ["n": String(agenda.warnings.count)]), "table.section"))
            for st in agenda.warnings {
                out.append(DetailLine("· " + report.warningLine(st), "card.\(st.forecast?.card.rawValue ?? "blue")", link: .project(st.project.code)))
            }
        }
        return out
    }
}
