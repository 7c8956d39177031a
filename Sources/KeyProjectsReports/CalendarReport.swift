import KeyProjects
import KeyProjectsStore
import StringTables
import TextLayout

/// One meeting, as `cmdroom calendar --format json|csv` prints it.
public struct MeetingRow: Encodable, Sendable {
    public var id: String
    public var date: String
    public var time: String
    public var kind: String
    public var title: String
    public var chair: String
    public var scope: String
    public var location: String
    /// The cadence series ("" off-cadence) and the day it put the meeting on.
    public var series: String
    @NullWhenEmpty public var scheduledOn: String?
    public var cancelled: Bool
}

public struct CalendarReport {
    public let meetings: [Meeting]
    public let config: LocalityConfig
    public let from: Day, to: Day
    public let strings: Strings

    public init(meetings: [Meeting], config: LocalityConfig, from: Day, to: Day, strings: Strings) {
        self.meetings = Meetings.between(meetings, from: from, to: to)
        self.config = config; self.from = from; self.to = to; self.strings = strings
    }

    public var rows: [MeetingRow] {
        meetings.map { MeetingRow(id: $0.id, date: $0.date.iso, time: $0.time, kind: $0.kind.rawValue, title: $0.title,
                                  chair: $0.chair, scope: $0.scope.code, location: $0.location, series: $0.series,
                                  scheduledOn: $0.scheduledOn?.iso, cancelled: $0.cancelled) }
    }

    public func scopeText(_ scope: MeetingScope) -> String { MeetingText.scope(scope, config.organisation, strings) }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: return JSONText.encode(rows)
        case .csv:
            return CSVText.write(header: ["id", "date", "time", "kind", "title", "chair", "scope", "location"],
                                 rows: rows.map { [$0.id, $0.date, $0.time, $0.kind, $0.title, $0.chair, $0.scope, $0.location] })
        case .text:
            let s = strings
            var out = s.format("calendar.title", ["hq": config.organisation.name, "from": from.iso, "to": to.iso]) + "\n"
            out += s.format("calendar.summary", ["n": String(meetings.count)]) + "\n\n"
            var table = TextTable(headers: [s["col.id"], s["col.date"], s["col.time"], s["col.meetingKind"], s["col.title"], s["col.chair"],
                                            s["col.scope"], s["col.location"]])
            for m in meetings {
                table.append([m.id, m.date.iso, m.time, MeetingText.kind(m.kind, config.organisation.names, s), MeetingText.title(m, s), m.chair, scopeText(m.scope), m.location])
            }
            out += table.render()
            return out
        }
    }
}
