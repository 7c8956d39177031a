import Foundation
import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// The wall's panels, cycled every few seconds.
public enum WallPanel: Int, CaseIterable, Sendable {
    case summary, cards, overdue, meetings
    /// The month's ranking of the localities, and the year's targets.
    case ranking
    /// Investment against plan by locality, with card mix and trend; the quarter's awards.
    case investment, awards
}

/// The command room's wall screen: read-only, full screen, a clock, panels in turn, laid out
/// for any size from 80×24 to 300×80.
enum WallRender {
    static func draw(_ state: AppState, _ canvas: inout Canvas) {
        let s = state.strings
        let header = Rect(x: 0, y: 0, width: state.width, height: 1)
        canvas.fill(header, style: state.style("header"))
        let title = state.data?.organisation.name ?? "cmdroom"
        let clock = clockText(state.now, state.options.timeZone)
        let room = state.width - DisplayWidth.of(clock) - 3
        var x = canvas.put(" " + title + " · " + s["wall.title"] + " ", x: 0, y: 0, limit: room, style: state.style("title"))
        let panel = WallPanel(rawValue: state.wall.panel) ?? .summary
        // Every panel's name when they fit; the current one alone otherwise.
        let names = WallPanel.allCases.map { " " + s["wall.panel.\($0)"] + " " }
        let all = names.reduce(0) { $0 + DisplayWidth.of($1) + 1 }
        let everyName = x + all <= room
        for (p, name) in zip(WallPanel.allCases, names) where everyName || p == panel {
            x += canvas.put(name, x: x + 1, y: 0, limit: max(0, room - x - 1), style: p == panel ? state.style("tab.active") : state.style("tab")) + 1
        }
        canvas.put(" " + clock + " ", x: state.width - DisplayWidth.of(clock) - 2, y: 0, style: state.style("wall.clock"))

        let body = Rect(x: 0, y: 2, width: state.width, height: state.height - 3)
        guard let data = state.data else {
            canvas.put(s["msg.loading"], in: body.row(body.height / 2), align: .center, style: state.style("muted"))
            return
        }
        switch panel {
        case .summary: OverviewRender.draw(state, &canvas, body)
        case .cards: cards(state, data, &canvas, body)
        case .overdue: overdue(state, data, &canvas, body)
        case .meetings: meetings(state, data, &canvas, body)
        case .ranking:
            // The ranking on the left; the targets, if any, on the right when the wall is wide.
            if state.width >= 160, !(state.figures?.targets.isEmpty ?? true) {
                let (left, right) = body.splitColumns(body.width / 2)
                RankingRender.draw(state, &canvas, left)
                RankingRender.targets(state, &canvas, right)
            } else {
                RankingRender.draw(state, &canvas, body)
            }
        case .investment: InvestmentRender.draw(state, &canvas, body)
        case .awards: AwardsRender.draw(state, &canvas, body, selectable: false)
        }
        let foot = s.format("wall.footer", ["asOf": data.asOf.iso, "seconds": String(state.options.cycleSeconds)])
        // A failure (the store cannot be read) is spelt out in full above the footer; a short
        // notice sits at its right.
        let wrapped = state.messageIsError && Render.message(state, &canvas, above: state.height - 1)
        Widgets.statusLine(left: " " + foot, right: (wrapped ? "" : state.message ?? "") + " ", into: &canvas,
                           rect: Rect(x: 0, y: state.height - 1, width: state.width, height: 1), style: state.style("status"))
    }

    /// The wall's clock: the runtime passes wall-clock time in ticks (tests pass a fixed date).
    static func clockText(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    /// Rows of a list panel's table on one page.
    static func rowsPerPage(_ state: AppState) -> Int { max(1, state.height - 3 - 2) }

    /// How many pages the panel's list takes at this size.
    static func pageCount(_ panel: WallPanel, _ state: AppState) -> Int {
        guard let data = state.data else { return 1 }
        let items: Int
        switch panel {
        case .summary: return 1
        case .cards: items = data.stats.flagged.count
        case .overdue: items = data.stats.overdue
        case .meetings: items = comingMeetings(data).count
        case .ranking, .investment, .awards: return 1
        }
        return max(1, (items + rowsPerPage(state) - 1) / rowsPerPage(state))
    }

    /// The page on screen: the wall's page, or the last one if the list got shorter.
    static func currentPage(_ panel: WallPanel, _ state: AppState) -> Int { min(state.wall.page, pageCount(panel, state) - 1) }

    /// The slice of a list on the current page.
    static func page<T>(_ items: some Sequence<T>, _ panel: WallPanel, _ state: AppState) -> [T] {
        Array(items.dropFirst(currentPage(panel, state) * rowsPerPage(state)).prefix(rowsPerPage(state)))
    }

    /// A panel's title, with the page when there is more than one.
    static func title(_ text: String, _ panel: WallPanel, _ state: AppState) -> String {
        let pages = pageCount(panel, state)
        guard pages > 1 else { return text }
        return text + "  " + state.strings.format("wall.page", ["page": String(currentPage(panel, state) + 1), "pages": String(pages)])
    }

    static func comingMeetings(_ data: DashboardData) -> [Meeting] {
        Meetings.between(data.portfolio.meetings, from: data.asOf, to: data.asOf.adding(days: 30))
    }

    static func cards(_ state: AppState, _ data: DashboardData, _ canvas: inout Canvas, _ body: Rect) {
        let s = state.strings
        let org = data.organisation
        let words = CardText(strings: s, rules: data.config.rules.cards, meetings: data.portfolio.meetings)
        let flagged = page(data.stats.flagged, .cards, state).map { data.board.standings[$0] }
        canvas.put(title(s.format("wall.cardsTitle", ["red": String(data.board.totals.red), "yellow": String(data.board.totals.yellow)]), .cards, state),
                   in: body.row(0), style: state.style("table.section"))
        let wide = body.width >= 120
        var columns = [TableColumn(s["col.card"], .fixed(8)), TableColumn(s["col.name"], .flex(min: 16, weight: 3)),
                       TableColumn(s["col.subcommand"], .flex(min: 10, weight: 2)), TableColumn(s["col.locality"], .flex(min: 6, weight: 1)),
                       TableColumn(s["col.schedule"], .fixed(8), align: .right)]
        if wide { columns.append(TableColumn(s["col.reason"], .flex(min: 20, weight: 4))) }
        let rows = flagged.map { st -> TableRow in
            var cells = [Render.card(st.card.colour, state), TableCell(st.project.name),
                         TableCell(org.subcommand(st.project.subcommand)?.name ?? ""), TableCell(org.locality(st.project.locality)?.name ?? ""),
                         TableCell(CardText.percent(st.card.schedule.ratio))]
            if wide { cells.append(TableCell(words.reason(st.card, asOf: data.asOf), style: state.style("muted"))) }
            return TableRow(cells)
        }
        TableView(columns: columns, rows: rows, headerStyle: state.style("table.header"), rowStyle: state.style("text"))
            .render(into: &canvas, rect: body.inset(top: 1))
    }

    static func overdue(_ state: AppState, _ data: DashboardData, _ canvas: inout Canvas, _ body: Rect) {
        let s = state.strings
        // The queue is in triage order: overdue issues come first, so the first screenful is enough.
        let overdue = page(data.queue.lazy.filter { $0.issue.status.isOpen && $0.clock.isOverdue }, .overdue, state)
        canvas.put(title(s.format("wall.overdueTitle", ["n": String(data.stats.overdue)]), .overdue, state), in: body.row(0),
                   style: state.style("table.section"))
        let reader = IssueQueueReport(portfolio: Portfolio(files: []), config: data.config, asOf: data.asOf, strings: s)
        let columns = [TableColumn(s["col.id"], .fixed(10)), TableColumn(s["col.project"], .flex(min: 14, weight: 3)),
                       TableColumn(s["col.step"], .fixed(max(9, DisplayWidth.of(s["col.step"])))), TableColumn(s["col.left"], .fixed(10), align: .right),
                       TableColumn(s["col.unit"], .flex(min: 10, weight: 2)), TableColumn(s["col.issues"], .flex(min: 10, weight: 3))]
        let rows = overdue.map { e in
            TableRow([TableCell(e.issue.id), TableCell(e.project?.name ?? e.issue.project), TableCell(s.word("step", e.clock.step)),
                      TableCell(reader.daysText(e.clock), style: state.style("light.red")), TableCell(e.issue.unit.isEmpty ? "—" : e.issue.unit),
                      TableCell(e.issue.description, style: state.style("muted"))])
        }
        TableView(columns: columns, rows: rows, headerStyle: state.style("table.header"), rowStyle: state.style("text"))
            .render(into: &canvas, rect: body.inset(top: 1))
    }

    static func meetings(_ state: AppState, _ data: DashboardData, _ canvas: inout Canvas, _ body: Rect) {
        let s = state.strings
        let all = comingMeetings(data)
        let coming = page(all, .meetings, state)
        canvas.put(title(s.format("wall.meetingsTitle", ["n": String(all.count)]), .meetings, state), in: body.row(0),
                   style: state.style("table.section"))
        let report = CalendarReport(meetings: [], config: data.config, from: data.asOf, to: data.asOf, strings: s)
        let columns = [TableColumn(s["col.date"], .fixed(10)), TableColumn(s["col.time"], .fixed(5)),
                       TableColumn(s["col.meetingKind"], .fixed(16)), TableColumn(s["col.title"], .flex(min: 16, weight: 3)),
                       TableColumn(s["col.chair"], .fixed(8)), TableColumn(s["col.scope"], .flex(min: 8, weight: 1))]
        let rows = coming.map { m in
            TableRow([TableCell(m.date.iso), TableCell(m.time), TableCell(MeetingText.kind(m.kind, data.organisation.names, s)), TableCell(MeetingText.title(m, s)),
                      TableCell(m.chair), TableCell(report.scopeText(m.scope), style: state.style("muted"))])
        }
        TableView(columns: columns, rows: rows, headerStyle: state.style("table.header"), rowStyle: state.style("text"))
            .render(into: &canvas, rect: body.inset(top: 1))
    }
}
