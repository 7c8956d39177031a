import GRDB
import KeyProjects

/// What expanding the meeting series did.
public struct CadenceExpansion: Sendable, Hashable {
    /// Occurrences added.
    public var added: Int
    /// Occurrences already there (moved, cancelled or as they were): left as they are.
    public var kept: Int
}

extension SQLBackedStore {
    /// Stores the occurrences of the locality's meeting series from `from` through `to` (as
    /// khal does): each new one is added; one already there — moved, cancelled, or changed — is
    /// left as it is, so expanding again never undoes a change to one occurrence. `progress`:
    /// told of each occurrence looked at.
    @discardableResult
    public func expandCadence(from: Day, to: Day, progress: StoreProgressHandler? = nil) throws(StoreError) -> CadenceExpansion {
        guard from <= to, from.days(to: to) <= 3 * 366 else {
            throw .invalidValue(field: "window", problem: .windowTooLong(from: from, to: to))
        }
        let occurrences = Cadence.expand(config.cadence, organisation: config.organisation, calendar: config.rules.clock.calendar,
                                         from: from, to: to)
        return try write { db, log in
            try log.authorize(.editMeetings, target: "\(from.iso)…\(to.iso)")
            var result = CadenceExpansion(added: 0, kept: 0)
            for (done, meeting) in occurrences.enumerated() {
                progress?(StoreProgress(.meetings, done: done, total: occurrences.count))
                if try db.value(Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM meeting WHERE (series = ? AND scheduled_on = ?) OR id = ?)",
                                arguments: [meeting.series, Cells.day(meeting.scheduledOn), meeting.id]) ?? false {
                    result.kept += 1
                    continue
                }
                _ = try upsert(Codecs.meeting, meeting, basedOn: nil, db: db, log: log)
                result.added += 1
            }
            return result
        }
    }

    /// One meeting by its id.
    public func meeting(_ id: String) throws(StoreError) -> Meeting? {
        try read { db in try fetchMeeting(id, db) }
    }

    /// By its id, or by the id it was scheduled under (an alias once it is held on another
    /// day: `Meetings.find`).
    func fetchMeeting(_ id: String, _ db: any SQLSession) throws -> Meeting? {
        if let m = try db.row(sql: "SELECT \(Codecs.meeting.selectColumns) FROM meeting WHERE id = ?", arguments: [id]).map(Codecs.meeting.decode) {
            return m
        }
        guard let dash = id.lastIndex(of: "-") else { return nil }
        let series = String(id[..<dash])
        guard !series.isEmpty else { return nil }
        let candidates = try db.rows(sql: "SELECT \(Codecs.meeting.selectColumns) FROM meeting WHERE series = ?", arguments: [series])
            .map(Codecs.meeting.decode)
        return Meetings.find(id, in: candidates, calendar: config.rules.clock.calendar)
    }

    /// Moves one occurrence (its series is untouched; expanding again keeps it where it is).
    /// Its id and title follow the day it is held (`plenary-20261228`, the week of that day);
    /// the id it was scheduled under stays an alias (`fetchMeeting`). Refused onto a day its
    /// series already meets on (a weekly meeting moved onto the next one's day), and for a
    /// meeting with minutes recorded (it was held).
    @discardableResult
    public func moveMeeting(_ id: String, to date: Day, time: String? = nil, on day: Day, basedOn version: Int? = nil) throws(StoreError) -> Meeting {
        try requireWriteDay(day)
        if let time, !MeetingTime.isValid(time) { throw .invalidValue(field: "time", problem: .notATime(time)) }
        return try write { db, log in
            guard var meeting = try fetchMeeting(id, db) else { throw StoreError.notFound(entity: "meeting", key: id) }
            try log.authorize(.editMeetings, target: meeting.id)
            if let version, version != meeting.version { throw try staleEdit(entity: "meeting", key: meeting.id, db) }
            guard date >= day else { throw StoreError.invalidValue(field: "date", problem: .dateBefore(date, day)) }
            guard !meeting.cancelled else { throw StoreError.invalidValue(field: "id", problem: .meetingCancelled(meeting.id)) }
            if try db.value(Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM decision WHERE meeting = ?)", arguments: [meeting.id]) ?? false {
                throw StoreError.invalidValue(field: "id", problem: .meetingHeld(meeting.id))
            }
            let oldID = meeting.id
            meeting.date = date
            if let time { meeting.time = time }
            if !meeting.series.isEmpty {
                meeting.id = "\(meeting.series)-\(date.compact)"
                if let (rule, sub) = Cadence.rule(forSeries: meeting.series, in: config.cadence, organisation: config.organisation) {
                    meeting.title = Cadence.title(rule, period: meeting.scheduledOn ?? date, held: date, subcommand: sub, names: config.organisation.names)
                }
            }
            if meeting.id != oldID {
                // Another occurrence of the series meets that day: said, not overwritten.
                if let other = try db.row(sql: "SELECT \(Codecs.meeting.selectColumns) FROM meeting WHERE id = ?",
                                                arguments: [meeting.id]).map(Codecs.meeting.decode) {
                    throw StoreError.invalidValue(field: "date", problem: .sameDayAsAnother(id: oldID, other: other.id, date: date))
                }
                _ = try delete(Codecs.meeting, key: [oldID.databaseValue], db: db, log: log)
                meeting.version = 0
            }
            _ = try upsert(Codecs.meeting, meeting, basedOn: nil, db: db, log: log)
            return try fetchMeeting(meeting.id, db)!
        }
    }

    /// Cancels one occurrence, with the reason; it stays in the store (marked), so the series is
    /// not expanded into it again. A meeting with minutes recorded was held: refused.
    @discardableResult
    public func cancelMeeting(_ id: String, reason: String, basedOn version: Int? = nil) throws(StoreError) -> Meeting {
        guard !reason.trimmingASCIISpaces().isEmpty else { throw .invalidValue(field: "reason", problem: .reasonRequired) }
        return try changeMeeting(id, basedOn: version) { meeting, db in
            guard !meeting.cancelled else { throw StoreError.invalidValue(field: "id", problem: .meetingAlreadyCancelled(meeting.id)) }
            if try db.value(Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM decision WHERE meeting = ?)", arguments: [meeting.id]) ?? false {
                throw StoreError.invalidValue(field: "id", problem: .meetingHeld(meeting.id))
            }
            meeting.cancelled = true
            meeting.note = meeting.note.isEmpty ? reason : meeting.note + "；" + reason
        }
    }

    /// Adds a meeting held off-cadence (临时会议, 领导现场办公): its id is `adhoc-yyyymmdd-n`.
    @discardableResult
    public func addMeeting(_ meeting: Meeting) throws(StoreError) -> Meeting {
        guard !meeting.title.trimmingASCIISpaces().isEmpty else { throw .invalidValue(field: "title", problem: .titleRequired) }
        guard MeetingTime.isValid(meeting.time) else { throw .invalidValue(field: "time", problem: .notATime(meeting.time)) }
        return try write { db, log in
            try log.authorize(.editMeetings, target: meeting.title)
            let prefix = "adhoc-\(meeting.date.compact)-"
            let taken = try db.values(String.self, sql: "SELECT id FROM meeting WHERE id LIKE ?", arguments: [prefix + "%"])
            var m = meeting
            m.id = prefix + String((taken.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0) + 1)
            m.series = ""
            m.scheduledOn = nil
            _ = try upsert(Codecs.meeting, m, basedOn: nil, db: db, log: log)
            return try fetchMeeting(m.id, db)!
        }
    }

    private func changeMeeting(_ id: String, basedOn version: Int?, _ change: (inout Meeting, any SQLSession) throws -> Void) throws(StoreError) -> Meeting {
        try write { db, log in
            try log.authorize(.editMeetings, target: id)
            guard var meeting = try fetchMeeting(id, db) else { throw StoreError.notFound(entity: "meeting", key: id) }
            if let version, version != meeting.version { throw try staleEdit(entity: "meeting", key: meeting.id, db) }
            try change(&meeting, db)
            _ = try upsert(Codecs.meeting, meeting, basedOn: nil, db: db, log: log)
            return try fetchMeeting(meeting.id, db)!
        }
    }
}
