import KeyProjects
import KeyProjectsReports
import StringTables

/// The calendar's month: every meeting of the month shown, in date and time order (cancelled
/// ones too, marked as the screen marks them), with the columns the CLI's calendar prints.
enum CalendarExport {
    static func table(_ state: AppState) -> ExportTable? {
        guard let data = state.data, data.complete else { return nil }
        let s = state.strings
        let org = data.organisation
        let month = state.calendar.day.yearMonth
        let meetings = Meetings.between(data.portfolio.meetings, from: month.firstDay, to: month.lastDay)
        let headers = [s["col.date"], s["export.col.weekday"], s["col.time"], s["col.id"], s["col.meetingKind"], s["col.title"],
                       s["col.chair"], s["col.scope"], s["col.location"]]
        let rows = meetings.map { m in
            [m.date.iso, s["weekday.\(m.date.weekday)"], m.time, m.id, MeetingText.kind(m.kind, org.names, s), MeetingText.title(m, s),
             m.chair, MeetingText.scope(m.scope, org, s), m.location]
        }
        let title = ExportTitle.join([
            s.format("calendar.title", ["hq": org.name, "from": month.firstDay.iso, "to": month.lastDay.iso]),
            s.format("export.asOf", ["asOf": data.asOf.iso]),
        ])
        return ExportTable(title: title, headers: headers, rows: rows)
    }
}
