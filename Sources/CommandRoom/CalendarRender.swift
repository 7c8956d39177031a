import KeyProjects
import KeyProjectsReports
import TerminalKit
import StringTables
import TextLayout

/// The meeting calendar: a month grid with meeting days marked, the chosen day's meetings, and
/// the meetings of the coming days. A meeting's line is its fields (time or date, kind, title,
/// chair); when a line is cut, `<` `>` scroll the fields after the first sideways.
enum CalendarRender {
    /// The lists right of the month grid.
    static func lists(_ body: Rect) -> Rect { Rect(x: body.x + 32, y: body.y, width: body.maxX - body.x - 33, height: body.height) }

    static func dayFields(_ m: Meeting, _ data: DashboardData, _ s: Strings) -> [String] {
        [m.time.isEmpty ? "     " : m.time, MeetingText.kind(m.kind, data.organisation.names, s), MeetingText.title(m, s), m.chair]
    }
    static func comingFields(_ m: Meeting, _ data: DashboardData, _ s: Strings) -> [String] {
        [m.date.iso, MeetingText.kind(m.kind, data.organisation.names, s), MeetingText.title(m, s)]
    }
    static func weekFields(_ m: Meeting, _ data: DashboardData, _ s: Strings) -> [String] {
        ["  " + (m.time.isEmpty ? "     " : m.time), MeetingText.kind(m.kind, data.organisation.names, s), MeetingText.title(m, s)]
    }

    /// A line of fields scrolled past `offset` fields after the first (each line as far as
    /// its fields go): `2026-11-09 ‹ 民生项目分指挥部11月调度会议`.
    static func line(_ fields: [String], _ offset: Int, ascii: Bool) -> String {
        let k = min(offset, fields.count - 2)
        guard k > 0 else { return fields.joined(separator: "  ") }
        return fields[0] + " " + ScrollMarks.of(ascii: ascii).left + " " + fields[(1 + k)...].joined(separator: "  ")
    }

    /// The lines the lists show now, as fields.
    static func shownFields(_ state: AppState, _ data: DashboardData) -> [[String]] {
        let s = state.strings
        let day = state.calendar.day
        let meetings = data.portfolio.meetings
        if state.calendar.week {
            let monday = day.adding(days: 1 - day.weekday)
            return Meetings.between(meetings, from: monday, to: monday.adding(days: 6)).map { weekFields($0, data, s) }
        }
        return Meetings.between(meetings, from: day, to: day).map { dayFields($0, data, s) }
            + Meetings.between(meetings, from: data.asOf, to: data.asOf.adding(days: 60)).map { comingFields($0, data, s) }
    }

    /// How far the lists scroll sideways: none when every line fits.
    static func maxColumnOffset(_ state: AppState) -> Int {
        guard let data = state.data, data.complete else { return 0 }
        let width = lists(Layout.body(state)).width
        let fields = shownFields(state, data)
        guard fields.contains(where: { DisplayWidth.of($0.joined(separator: "  ")) > width }) else { return 0 }
        return max(0, (fields.map(\.count).max() ?? 0) - 2)
    }

    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect, columns: ColumnScroll = ColumnScroll()) {
        let offset = min(columns.offset, maxColumnOffset(state))
        let ascii = state.options.ascii
        guard let data = Render.completeData(state, &canvas, body) else { return }
        let s = state.strings
        let day = state.calendar.day
        let month = day.yearMonth
        let meetings = data.portfolio.meetings
        let inMonth = Meetings.between(meetings, from: month.firstDay, to: month.lastDay)
        var perDay: [Day: Int] = [:]
        for m in inMonth where !m.cancelled { perDay[m.date, default: 0] += 1 }

        // The month grid: 7 columns of 4, Monday first.
        let grid = Rect(x: body.x + 1, y: body.y, width: 29, height: 9)
        let title = s.format("calendar.month", ["year": String(month.year), "month": String(month.month)])
        canvas.put(title, in: grid.row(0), align: .center, style: state.style("table.section"))
        let weekdays = (1...7).map { s["weekday.\($0)"] }
        for (i, name) in weekdays.enumerated() {
            canvas.put(name, in: Rect(x: grid.x + i * 4, y: grid.y + 1, width: 4, height: 1), align: .right,
                       style: i >= 5 ? state.style("calendar.weekend") : state.style("table.header"))
        }
        let first = month.firstDay
        for d in 0..<month.dayCount {
            let date = first.adding(days: d)
            let cell = d + first.weekday - 1
            let x = grid.x + (cell % 7) * 4, y = grid.y + 2 + cell / 7
            let count = perDay[date] ?? 0
            let mark = count > 0 ? "*" : " "
            var style = date.weekday >= 6 ? state.style("calendar.weekend") : state.style("text")
            if count > 0 { style = state.style("calendar.meeting") }
            if date == data.asOf { style = state.style("calendar.today") }
            if date == day { style = state.style("calendar.selected") }
            canvas.put((date.dayOfMonth < 10 ? " " : "") + String(date.dayOfMonth) + mark, in: Rect(x: x + 1, y: y, width: 3, height: 1), style: style)
            canvas.hit(Rect(x: x, y: y, width: 4, height: 1), .row(d, list: CalendarScreen.daysList))
        }
        canvas.put(s["calendar.legend"], in: Rect(x: grid.x, y: grid.maxY, width: grid.width, height: 1), style: state.style("muted"))

        let right = lists(body)
        if state.calendar.week {
            week(state, data, &canvas, right, offset: offset)
            return
        }
        // The chosen day's meetings.
        let today = Meetings.between(meetings, from: day, to: day)
        canvas.put(s.format("calendar.dayTitle", ["day": day.iso, "weekday": s["weekday.\(day.weekday)"], "n": String(today.count)]),
                   in: right.row(0), style: state.style("table.section"))
        // Half the height for the day, the rest for the coming meetings; the selection stays in view.
        let dayItems = today.map { m in
            ListItem(line(dayFields(m, data, s), offset, ascii: ascii), style: state.style(m.cancelled ? "muted" : "text"))
        }
        let dayRows = max(1, min(dayItems.count, right.height / 2 - 2))
        if today.isEmpty {
            canvas.put(s["calendar.none"], in: right.row(1), style: state.style("muted"))
        } else {
            let list = ListView(items: dayItems, selected: state.calendar.selected, selectionStyle: state.style("selection"))
                .hits { .row($0, list: CalendarScreen.dayMeetingsList) }
            list.render(into: &canvas, rect: Rect(x: right.x, y: right.y + 1, width: right.width, height: dayRows), mark: false)
            Self.titleMark(list.position(height: dayRows), right, state, &canvas)
        }

        // Coming meetings from the as-of day.
        let comingTitle = right.inset(top: dayRows + 2)
        canvas.put(s["calendar.coming"], in: comingTitle.row(0), style: state.style("table.section"))
        let coming = Self.coming(data).map {
            ListItem(line(comingFields($0, data, s), offset, ascii: ascii), style: state.style("muted"))
        }
        let comingList = ListView(items: coming).hits { .row($0, list: CalendarScreen.comingList) }
        comingList.render(into: &canvas, rect: comingTitle.inset(top: 1), mark: false)
        Self.titleMark(comingList.position(height: comingTitle.height - 1), comingTitle, state, &canvas)
    }

    /// The week of the chosen day, Monday to Sunday: each day with its meetings (`w` toggles).
    static func week(_ state: AppState, _ data: DashboardData, _ canvas: inout Canvas, _ rect: Rect, offset: Int) {
        let s = state.strings
        let day = state.calendar.day
        let monday = day.adding(days: 1 - day.weekday)
        let sunday = monday.adding(days: 6)
        let (isoYear, week) = Cadence.isoWeek(monday)
        canvas.put(s.format("calendar.weekTitle", ["year": String(isoYear), "week": String(week), "from": monday.iso, "to": sunday.iso]),
                   in: rect.row(0), style: state.style("table.section"))
        var items: [ListItem] = []
        for weekday in 0..<7 {
            let d = monday.adding(days: weekday)
            let list = Meetings.between(data.portfolio.meetings, from: d, to: d)
            let heading = "\(String(d.iso.dropFirst(5))) \(s["weekday.\(d.weekday)"])" + (list.isEmpty ? "  —" : "")
            items.append(ListItem(heading, style: d == day ? state.style("calendar.selected") : state.style(d.weekday >= 6 ? "calendar.weekend" : "table.header")))
            for m in list {
                items.append(ListItem(line(weekFields(m, data, s), offset, ascii: state.options.ascii),
                                      style: state.style(m.cancelled ? "muted" : "text")))
            }
        }
        let list = ListView(items: items)
        list.render(into: &canvas, rect: rect.inset(top: 1), mark: false)
        Self.titleMark(list.position(height: rect.height - 1), rect, state, &canvas)
    }

    /// The meetings of the 60 days from the as-of day, listed under the chosen day's.
    static func coming(_ data: DashboardData) -> [Meeting] {
        Meetings.between(data.portfolio.meetings, from: data.asOf, to: data.asOf.adding(days: 60))
    }

    /// A list's position, right-aligned on its title row.
    static func titleMark(_ mark: String?, _ rect: Rect, _ state: AppState, _ canvas: inout Canvas) {
        guard let mark else { return }
        canvas.put(mark, x: rect.maxX - DisplayWidth.of(mark) - 1, y: rect.y, style: state.style("muted"))
    }
}
