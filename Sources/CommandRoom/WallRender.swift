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
/// for any size from 80×24 to 300×80. Below 160×48 one panel fills the screen at a time; from
/// 160×48 several panels are tiled side by side and the cycle steps through groups of them.
/// From 40 rows the four card counts stand above the panels in large block digits.
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
        let groups = WallLayout.groups(state)
        let group = WallLayout.group(of: panel, state)
        // Where the cycle is: the group's place among the groups, and whether it is held.
        let held = state.wall.held ? " " + s["wall.held"] : ""
        var position = " " + s.format("wall.position", ["n": String(group + 1), "of": String(groups.count)]) + held + " "
        // Every panel's name when they fit; those on screen alone otherwise.
        let names = WallPanel.allCases.map { " " + s["wall.panel.\($0)"] + " " }
        let all = names.reduce(0) { $0 + DisplayWidth.of($1) + 1 }
        let shownNames = zip(WallPanel.allCases, names).filter { groups[group].contains($0.0) }.reduce(0) { $0 + DisplayWidth.of($1.1) + 1 }
        if x + shownNames + DisplayWidth.of(position) + 1 > room {
            position = " \(group + 1)/\(groups.count)" + held + " "
        }
        let positionWidth = DisplayWidth.of(position)
        let everyName = x + all + positionWidth + 1 <= room
        for (p, name) in zip(WallPanel.allCases, names) where everyName || groups[group].contains(p) {
            x += canvas.put(name, x: x + 1, y: 0, limit: max(0, room - x - 1 - positionWidth),
                            style: groups[group].contains(p) ? state.style("tab.active") : state.style("tab")) + 1
        }
        canvas.put(position, x: x + 1, y: 0, limit: max(0, room - x - 1), style: state.wall.held ? state.style("tab.active") : state.style("header"))
        drawClock(state, &canvas)

        guard let data = state.data else {
            let body = Rect(x: 0, y: 2, width: state.width, height: state.height - 3)
            canvas.put(s["msg.loading"], in: body.row(body.height / 2), align: .center, style: state.style("muted"))
            return
        }
        let band = WallLayout.band(state)
        if band.height > 0 { bigCounts(state, data, &canvas, band) }
        let tiles = WallLayout.tiles(group, state)
        for (panel, rect) in tiles {
            // Tiled, each panel is drawn on a layer of its own and clipped to its tile.
            var layer = tiles.count > 1 ? Canvas(width: state.width, height: state.height) : canvas
            drawPanel(panel, state, data, &layer, rect)
            if tiles.count > 1 { canvas.copy(rect, from: layer) } else { canvas = layer }
        }
        let foot = state.wall.held
            ? s.format("wall.footerHeld", ["asOf": data.asOf.iso])
            : s.format("wall.footer", ["asOf": data.asOf.iso, "seconds": String(state.options.cycleSeconds)])
        // A failure (the store cannot be read) is spelt out in full above the footer; a short
        // notice sits at its right.
        let wrapped = state.messageIsError && Render.message(state, &canvas, above: state.height - 1)
        Widgets.statusLine(left: " " + foot, right: (wrapped ? "" : state.message ?? "") + " ", into: &canvas,
                           rect: Rect(x: 0, y: state.height - 1, width: state.width, height: 1), style: state.style("status"))
    }

    static func drawPanel(_ panel: WallPanel, _ state: AppState, _ data: DashboardData, _ canvas: inout Canvas, _ rect: Rect) {
        switch panel {
        case .summary: OverviewRender.draw(state, &canvas, rect, meetings: !WallLayout.tiled(state))
        case .cards: cards(state, data, &canvas, rect)
        case .overdue: overdue(state, data, &canvas, rect)
        case .meetings: meetings(state, data, &canvas, rect)
        case .ranking:
            // The ranking on the left; the targets, if any, on the right when there is room.
            if rect.width >= 160, !(state.figures?.targets.isEmpty ?? true) {
                let (left, right) = rect.splitColumns(rect.width / 2)
                RankingRender.draw(state, &canvas, left)
                RankingRender.targets(state, &canvas, right)
            } else {
                RankingRender.draw(state, &canvas, rect)
            }
        case .investment: InvestmentRender.draw(state, &canvas, rect)
        case .awards: AwardsRender.draw(state, &canvas, rect, selectable: false)
        }
    }

    /// The clock at the header's right.
    static func drawClock(_ state: AppState, _ canvas: inout Canvas) {
        let clock = clockText(state.now, state.options.timeZone)
        canvas.put(" " + clock + " ", x: state.width - DisplayWidth.of(clock) - 2, y: 0, style: state.style("wall.clock"))
    }

    /// The wall's clock: the runtime passes wall-clock time in ticks (tests pass a fixed date).
    static func clockText(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    // MARK: Large figures

    /// The four card counts in block digits, each under its glyph and word, across the band.
    static func bigCounts(_ state: AppState, _ data: DashboardData, _ canvas: inout Canvas, _ band: Rect) {
        let totals = data.board.totals
        let scale = WallLayout.digitScale(state)
        let block = band.width / CardColour.allCases.count
        for (i, colour) in CardColour.allCases.reversed().enumerated() {
            let x = band.x + i * block + 2
            let style = state.style("card.\(colour.rawValue)")
            canvas.put(CardGlyphs.glyph(colour, ascii: state.options.ascii) + " " + state.strings.word("card", colour),
                       x: x, y: band.y, limit: block - 2, style: style)
            let rows = BlockDigits.rows(String(totals[colour]), scale: scale, ink: state.options.ascii ? "#" : "█")
            guard let first = rows.first, DisplayWidth.of(first) <= block - 4 else {
                canvas.put(String(totals[colour]), x: x + DisplayWidth.of(state.strings.word("card", colour)) + 4, y: band.y, style: style)
                continue
            }
            for (r, line) in rows.enumerated() where band.y + 1 + r < band.y + band.height {
                canvas.put(line, x: x, y: band.y + 1 + r, style: style)
            }
        }
    }

    // MARK: Pages of the list panels

    /// Rows of a list panel's table on one page: its tile less the title and the header.
    static func rowsPerPage(_ panel: WallPanel, _ state: AppState) -> Int {
        let group = WallLayout.group(of: panel, state)
        let rect = WallLayout.tiles(group, state).first { $0.panel == panel }?.rect ?? WallLayout.body(state)
        return max(1, rect.height - 2)
    }

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
        let rows = rowsPerPage(panel, state)
        return max(1, (items + rows - 1) / rows)
    }

    /// How many pages the panels on screen with `panel` take: the longest list's.
    static func groupPageCount(_ panel: WallPanel, _ state: AppState) -> Int {
        WallLayout.groups(state)[WallLayout.group(of: panel, state)].map { pageCount($0, state) }.max() ?? 1
    }

    /// The page on screen: the wall's page, or the last one if the list got shorter.
    static func currentPage(_ panel: WallPanel, _ state: AppState) -> Int { min(state.wall.page, pageCount(panel, state) - 1) }

    /// The slice of a list on the current page, and, when the whole list fits with rows to
    /// spare, as many of `more` as fill them (the wall fills its screen).
    static func page<T>(_ items: [T], more: [T] = [], _ panel: WallPanel, _ state: AppState) -> [T] {
        let rows = rowsPerPage(panel, state)
        if items.count < rows { return items + Array(more.prefix(rows - items.count)) }
        return Array(items.dropFirst(currentPage(panel, state) * rows).prefix(rows))
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
        let standings = data.board.standings
        // The red and yellow cards; rows to spare show the next worst (落后, then 蓝牌).
        let flaggedSet = Set(data.stats.flagged)
        let rest = standings.indices.filter { !flaggedSet.contains($0) }.sorted { a, b in
            standings[a].card.colour != standings[b].card.colour ? standings[a].card.colour > standings[b].card.colour
                : standings[a].project.code < standings[b].project.code
        }
        let shown = page(data.stats.flagged, more: rest, .cards, state).map { standings[$0] }
        canvas.put(title(s.format("wall.cardsTitle", ["red": String(data.board.totals.red), "yellow": String(data.board.totals.yellow)]), .cards, state),
                   in: body.row(0), style: state.style("table.section"))
        let wide = body.width >= 120
        let cells = shown.map { st -> [TableCell] in
            var cells = [Render.card(st.card.colour, state), TableCell(st.project.name),
                         TableCell(org.subcommand(st.project.subcommand)?.name ?? ""), TableCell(org.locality(st.project.locality)?.name ?? ""),
                         TableCell(CardText.percent(st.card.schedule.ratio))]
            if wide { cells.append(TableCell(words.reason(st.card, asOf: data.asOf), style: state.style("muted"))) }
            return cells
        }
        var specs = [WallColumn(s["col.card"], min: 6), WallColumn(s["col.name"], min: 16), WallColumn(s["col.subcommand"], min: 10),
                     WallColumn(s["col.locality"], min: 6), WallColumn(s["col.schedule"], min: 8, align: .right)]
        // The reason and the place before the name's tail; the sub-command's name last.
        var priority = [0, 4, 3, 1, 2]
        if wide { specs.append(WallColumn(s["col.reason"], min: 20)); priority = [0, 4, 5, 3, 1, 2] }
        table(specs, cells, priority: priority, state, &canvas, body.inset(top: 1))
    }

    static func overdue(_ state: AppState, _ data: DashboardData, _ canvas: inout Canvas, _ body: Rect) {
        let s = state.strings
        // The queue is in triage order: overdue issues come first; rows to spare show the open
        // issues due next.
        let open = data.queue.filter { $0.issue.status.isOpen }
        let shown = page(open.filter { $0.clock.isOverdue }, more: open.filter { !$0.clock.isOverdue }, .overdue, state)
        canvas.put(title(s.format("wall.overdueTitle", ["n": String(data.stats.overdue)]), .overdue, state), in: body.row(0),
                   style: state.style("table.section"))
        let reader = IssueQueueReport(portfolio: Portfolio(files: []), config: data.config, asOf: data.asOf, strings: s)
        let specs = [WallColumn(s["col.id"], min: 10), WallColumn(s["col.project"], min: 14), WallColumn(s["col.step"], min: 6),
                     WallColumn(s["col.left"], min: 8, align: .right), WallColumn(s["col.unit"], min: 8), WallColumn(s["col.issues"], min: 10)]
        let cells = shown.map { e in
            [TableCell(e.issue.id), TableCell(e.project?.name ?? e.issue.projectLabel), TableCell(s.word("step", e.clock.step)),
             TableCell(reader.daysText(e.clock), style: state.style("light.\(e.clock.light.rawValue)")), TableCell(e.issue.unit.isEmpty ? "—" : e.issue.unit),
             TableCell(e.issue.description, style: state.style("muted"))]
        }
        // The issue (问题) before the project's and the unit's tails.
        table(specs, cells, priority: [0, 3, 2, 5, 1, 4], state, &canvas, body.inset(top: 1))
    }

    static func meetings(_ state: AppState, _ data: DashboardData, _ canvas: inout Canvas, _ body: Rect) {
        let s = state.strings
        let all = comingMeetings(data)
        // Rows to spare show the meetings after the next 30 days.
        let later = Meetings.between(data.portfolio.meetings, from: data.asOf.adding(days: 31), to: data.asOf.adding(days: 366))
        let coming = page(all, more: later, .meetings, state)
        canvas.put(title(s.format("wall.meetingsTitle", ["n": String(all.count)]), .meetings, state), in: body.row(0),
                   style: state.style("table.section"))
        let report = CalendarReport(meetings: [], config: data.config, from: data.asOf, to: data.asOf, strings: s)
        let specs = [WallColumn(s["col.date"], min: 10), WallColumn(s["col.time"], min: 5), WallColumn(s["col.meetingKind"], min: 8),
                     WallColumn(s["col.title"], min: 16), WallColumn(s["col.chair"], min: 6), WallColumn(s["col.scope"], min: 8)]
        let cells = coming.map { m in
            [TableCell(m.date.iso), TableCell(m.time), TableCell(MeetingText.kind(m.kind, data.organisation.names, s)), TableCell(MeetingText.title(m, s)),
             TableCell(m.chair), TableCell(report.scopeText(m.scope), style: state.style("muted"))]
        }
        table(specs, cells, priority: [0, 1, 4, 2, 3, 5], state, &canvas, body.inset(top: 1))
    }

    /// A table whose columns are as wide as their content, within `rect`.
    static func table(_ specs: [WallColumn], _ cells: [[TableCell]], priority: [Int], _ state: AppState, _ canvas: inout Canvas, _ rect: Rect) {
        let natural = specs.indices.map { i in
            max(DisplayWidth.of(specs[i].title), cells.map { i < $0.count ? DisplayWidth.of($0[i].text) : 0 }.max() ?? 0)
        }
        let widths = WallColumn.fit(natural: natural, minimum: specs.map(\.min), priority: priority, total: rect.width)
        let columns = zip(specs, widths).map { TableColumn($0.title, .fixed($1), align: $0.align) }
        TableView(columns: columns, rows: cells.map { TableRow($0) }, headerStyle: state.style("table.header"), rowStyle: state.style("text"))
            .render(into: &canvas, rect: rect)
    }
}

/// A column of a wall table: its title, the least it is given, its alignment.
struct WallColumn {
    let title: String
    let min: Int
    let align: TextAlign
    init(_ title: String, min: Int, align: TextAlign = .left) { self.title = title; self.min = min; self.align = align }

    /// Widths sized to the content: each column first gets its minimum (or its content, if
    /// narrower), then in `priority` order as much as its widest cell needs; what is left
    /// widens the last column. Too narrow for the minimums: the columns last in priority give
    /// way first.
    static func fit(natural: [Int], minimum: [Int], priority: [Int], total: Int, gap: Int = 1) -> [Int] {
        var widths = zip(natural, minimum).map { Swift.min($0, $1) }
        let available = total - gap * Swift.max(0, natural.count - 1)
        var left = available - widths.reduce(0, +)
        for i in priority where left > 0 {
            let add = Swift.min(left, natural[i] - widths[i])
            if add > 0 { widths[i] += add; left -= add }
        }
        if left > 0, !widths.isEmpty { widths[widths.count - 1] += left }
        for i in priority.reversed() where left < 0 {
            let cut = Swift.min(-left, Swift.max(0, widths[i] - 1))
            widths[i] -= cut
            left += cut
        }
        return widths
    }
}

/// Where the wall's panels go at a size.
enum WallLayout {
    /// Several panels side by side from 160×48.
    static func tiled(_ state: AppState) -> Bool { state.width >= 160 && state.height >= 48 }

    /// The panels on screen together, in the cycle's order: one each below 160×48; tiled, the
    /// columns of each group and the panels stacked in each. A column's last list fills it
    /// (the coming meetings go on past 30 days, the cards on to the next worst projects).
    static func columns(_ state: AppState) -> [[[WallPanel]]] {
        guard tiled(state) else { return WallPanel.allCases.map { [[$0]] } }
        // From 240 columns every panel at once: nothing waits for its turn.
        if state.width >= 240 {
            return [[[.summary, .meetings], [.cards, .ranking], [.overdue, .investment, .awards]]]
        }
        return [[[.summary, .meetings], [.cards, .overdue]], [[.ranking, .awards], [.investment]]]
    }

    /// The panels of each group, column by column.
    static func groups(_ state: AppState) -> [[WallPanel]] { columns(state).map { $0.flatMap { $0 } } }

    static func group(of panel: WallPanel, _ state: AppState) -> Int {
        groups(state).firstIndex { $0.contains(panel) } ?? 0
    }

    /// Block digits twice as large from 70 rows and 200 columns.
    static func digitScale(_ state: AppState) -> Int { state.height >= 70 && state.width >= 200 ? 2 : 1 }

    /// The band of the four card counts in block digits, from 40 rows (empty below).
    static func band(_ state: AppState) -> Rect {
        guard state.height >= 40, state.data != nil else { return Rect(x: 0, y: 2, width: state.width, height: 0) }
        return Rect(x: 0, y: 2, width: state.width, height: 5 * digitScale(state) + 2)
    }

    /// What is left for the panels: between the band and the footer.
    static func body(_ state: AppState) -> Rect {
        let band = band(state)
        let top = band.height > 0 ? band.y + band.height : 2
        return Rect(x: 0, y: top, width: state.width, height: max(1, state.height - 1 - top))
    }

    /// The panels of group `index` and where each goes: the columns side by side, the
    /// panels of a column one above the other, sharing its height.
    static func tiles(_ index: Int, _ state: AppState) -> [(panel: WallPanel, rect: Rect)] {
        let body = body(state)
        let all = columns(state)
        let columns = all[min(index, all.count - 1)]
        let gap = 2
        let width = (body.width - gap * (columns.count - 1)) / columns.count
        var result: [(WallPanel, Rect)] = []
        for (c, stacked) in columns.enumerated() {
            let x = body.x + c * (width + gap)
            let w = c == columns.count - 1 ? body.x + body.width - x : width
            let share = (body.height - (stacked.count - 1)) / stacked.count
            var y = body.y
            for (r, panel) in stacked.enumerated() {
                // The summary above a list is as tall as it needs; the lists share the rest.
                let height = panel == .summary && stacked.count > 1 ? min(share, summaryHeight(state)) : share
                let h = r == stacked.count - 1 ? body.y + body.height - y : height
                result.append((panel, Rect(x: x, y: y, width: w, height: h)))
                y += h + 1
            }
        }
        return result
    }
}

extension WallLayout {
    /// The summary's rows without its list of meetings: a title, a row per group, the ladder
    /// and the queue's lights.
    static func summaryHeight(_ state: AppState) -> Int {
        (state.data?.stats.groups(state.options.grouping).count ?? 0) + 4
    }
}

/// Digits 3 cells wide and 5 high, for figures read across a room.
enum BlockDigits {
    static let font: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"], "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"], "3": ["###", "  #", "###", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"], "7": ["###", "  #", "  #", "  #", "  #"],
        "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "###"],
    ]

    /// The rows of `text` (digits) in block digits `scale` times as large, drawn with `ink`.
    static func rows(_ text: String, scale: Int, ink: String) -> [String] {
        let glyphs = text.compactMap { font[$0] }
        return (0..<5 * scale).map { r in
            glyphs.map { glyph in
                glyph[r / scale].map { c in String(repeating: c == "#" ? ink : " ", count: scale) }.joined()
            }.joined(separator: String(repeating: " ", count: scale))
        }
    }
}
