import Foundation
import GRDB
import KeyProjects

/// The reads both engines share (the board's fast load is each engine's own).
extension SQLBackedStore {
    /// Meetings from `from` through `to`, read with the date index.
    public func meetings(from: Day, to: Day) throws(StoreError) -> [Meeting] {
        try read { db in
            try fetchAll(Codecs.meeting, db, "WHERE date BETWEEN ? AND ? ORDER BY date, time, id", [Cells.day(from), Cells.day(to)])
        }
    }

    /// The change log of one entity, oldest first.
    public func history(entity: String, key: String) throws(StoreError) -> [ChangeEntry] {
        try read { db in
            try db.rows(sql: "SELECT id, at, actor, entity, key, action, before, after, undoes FROM change_log WHERE entity = ? AND key = ? ORDER BY id",
                             arguments: [entity, key]).map(ChangeEntry.init(row:))
        }
    }

    public func changeLogCount() throws(StoreError) -> Int {
        try read { db in try db.value(Int.self, sql: "SELECT count(*) FROM change_log") ?? 0 }
    }

    /// One project's whole file: monthly records with 形象进度 and versions, milestones,
    /// reminders (for its detail page); nil when there is no such project.
    public func loadProjectFile(_ code: String) throws(StoreError) -> ProjectFile? {
        try read { db in
            guard let row = try db.row(sql: "SELECT \(Codecs.project.selectColumns) FROM project WHERE code = ?",
                                       arguments: [code]) else { return nil }
            let records = try fetchAll(Codecs.monthly, db, "WHERE project = ? ORDER BY month", [code])
            let milestones = try fetchAll(Codecs.milestone, db, "WHERE project = ? ORDER BY kind", [code])
            let reminders = try fetchAll(Codecs.reminder, db, "WHERE project = ? ORDER BY date, by", [code])
            return ProjectFile(project: Codecs.project.decode(row), records: records, milestones: milestones, reminders: reminders)
        }
    }

    /// Every meeting, by date and time.
    public func loadMeetings() throws(StoreError) -> [Meeting] {
        try read { db in try fetchAll(Codecs.meeting, db, "ORDER BY date, time, id") }
    }

    /// Interviews held and statements made, with the card month each answered.
    public func loadHeldFollowUps() throws(StoreError) -> Set<HeldFollowUp> {
        try read { db in try Self.heldFollowUps(db) }
    }

    static func heldFollowUps(_ db: any SQLSession) throws -> Set<HeldFollowUp> {
        Set(try db.rows(sql: """
            SELECT d.project, d.kind, m.date, m.id FROM decision d JOIN meeting m ON m.id = d.meeting
            WHERE d.kind IN ('interview-held', 'statement-made')
            """).compactMap { row -> HeldFollowUp? in
            guard let date = Cells.day(row, 2) else { return nil }
            return HeldFollowUp(project: row[0], statement: (row[1] as String) == "statement-made", cardMonth: assessedMonth(asOf: date),
                                meeting: row[3], meetingDate: date)
        })
    }

    /// Every issue, in id order.
    public func loadIssues() throws(StoreError) -> [Issue] {
        try read { db in try fetchAll(Codecs.issue, db, "ORDER BY id") }
    }
}

/// The entities of a table, selected with `tail` (a WHERE and ORDER BY), decoded.
func fetchAll<T>(_ codec: EntityCodec<T>, _ db: any SQLSession, _ tail: String, _ arguments: [(any DatabaseValueConvertible)?] = []) throws -> [T] {
    var out: [T] = []
    try db.forEachRow(sql: "SELECT \(codec.selectColumns) FROM \(codec.table) \(tail)", arguments: arguments.map { $0?.databaseValue ?? .null }) {
        out.append(codec.decode($0))
    }
    return out
}

/// Queries both engines' portfolio loads share.
enum PortfolioQueries {
    /// The meetings the board needs without `.meetings`: where red-card statements are made.
    static let plenariesOnly = "WHERE kind IN ('plenary', 'annual-conference') AND cancelled = 0 ORDER BY date, time, id"
}
