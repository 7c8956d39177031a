import KeyProjects
import KeyProjectsReports
import TerminalKit

/// The meeting calendar: a month grid with meeting days marked, the chosen day's meetings, and
/// the meetings of the coming days.
enum CalendarRender {
    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect) {
        guard let data = state.data else { return }
        let s = state.strings
        guard data.complete else {
            canvas.put(s["msg.loadingQueue"], in: body.row(body.height / 2), align: .center, style: state.style("muted"))
            return
        }
        let day = state.calendar.day
        let month = day.yearMonth
        let meetings = data.portfolio.meetings
        let inMonth = Meetings.between(meetings, from: month.firstDay, to: month.lastDay)
        var perDay: [Day: Int] = [:]
        for m in inMonth { perDay[m.date, default: 0] += 1 }

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
        }
        canvas.put(s["calendar.legend"], in: Rect(x: grid.x, y: grid.maxY, width: grid.width, height: 1), style: state.style("muted"))

        // The chosen day's meetings.
        let right = Rect(x: grid.maxX + 2, y: body.y, width: body.maxX - grid.maxX - 3, height: body.height)
        let today = Meetings.between(meetings, from: day, to: day)
        canvas.put(s.format("calendar.dayTitle", ["day": day.iso, "weekday": s["weekday.\(day.weekday)"], "n": String(today.count)]),
                   in: right.row(0), style: state.style("table.section"))
        var y = 1
        for (i, m) in today.enumerated() where y < right.height / 2 {
            let line = "\(m.time.isEmpty ? "     " : m.time)  \(s.word("meeting", m.kind))  \(m.title)  \(m.chair)"
            canvas.put(line, in: right.row(y), style: i == state.calendar.selected ? state.style("selection") : state.style("text"))
            y += 1
        }
        if today.isEmpty { canvas.put(s["calendar.none"], in: right.row(1), style: state.style("muted")); y = 2 }

        // Coming meetings from the as-of day.
        y += 1
        canvas.put(s["calendar.coming"], in: right.row(y), style: state.style("table.section"))
        y += 1
        for m in Meetings.between(meetings, from: data.asOf, to: data.asOf.adding(days: 60)) where y < right.height {
            canvas.put("\(m.date.iso)  \(s.word("meeting", m.kind))  \(m.title)", in: right.row(y), style: state.style("muted"))
            y += 1
        }
    }
}
