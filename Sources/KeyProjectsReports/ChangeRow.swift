import Foundation
import Logging
import KeyProjects
import KeyProjectsStore
import StringTables

/// One change-log row as `history` and `undo` print it: who, when, which record, and the
/// fields that differ between before and after, in the ledger's column order.
public struct ChangeRow: Encodable, Sendable {
    public struct Field: Encodable, Sendable {
        /// The store's column name (`completed`, `dispatched_on`).
        public var field: String
        /// Canonical text: ISO dates, 万元 amounts, English codes; null when empty.
        @NullWhenEmpty public var before: String?
        @NullWhenEmpty public var after: String?

        public init(field: String, before: String?, after: String?) {
            self.field = field; self.before = before; self.after = after
        }
    }
    public var id: Int64
    /// UTC, as the change log has it.
    public var at: String
    public var actor: String
    /// The account's name on the roster ("" when it has none).
    public var name: String
    public var entity: String
    public var key: String
    /// insert, update or delete.
    public var action: String
    /// Made by an undo (of an earlier write).
    public var undo: Bool
    public var changes: [Field]

    public init(_ entry: ChangeEntry, roster: Roster) {
        id = entry.id; at = entry.at; actor = entry.actor; name = roster.entry(for: entry.actor)?.name ?? ""
        entity = entry.entity; key = entry.key; action = entry.action.rawValue; undo = entry.undoes != nil
        let before = ChangeRow.object(entry.before), after = ChangeRow.object(entry.after)
        let keys = Set(ChangeFields.keyColumns(entry.entity))
        let known = ChangeFields.columns(entry.entity)
        let others = Set(before.keys).union(after.keys).subtracting(known).subtracting(["version"]).sorted()
        changes = (known + others).filter { !keys.contains($0) }.compactMap { column in
            let b = ChangeRow.canonical(entry.entity, column, before[column])
            let a = ChangeRow.canonical(entry.entity, column, after[column])
            return b == a ? nil : Field(field: column, before: b, after: a)
        }
    }

    static func object(_ json: String?) -> [String: Any] {
        guard let json else { return [:] }
        do {
            guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
                ReportLog.logger.warning("a change-log row is not a JSON object: \(json.prefix(80))")
                return [:]
            }
            return object
        } catch {
            ReportLog.logger.warning("a change-log row is not JSON (\(error)): \(json.prefix(80))")
            return [:]
        }
    }

    /// A logged cell as text: days (yyyymmdd) as ISO, months as yyyy-mm, amounts (yuan) in 万元.
    static func canonical(_ entity: String, _ column: String, _ value: Any?) -> String? {
        switch value {
        case let s as String:
            return s.isEmpty ? nil : s
        case let n as NSNumber:
            let v = n.int64Value
            switch ChangeFields.kind(entity, column) {
            case .money: return Money(yuan: v).wanText
            case .day: return Day(year: Int(v / 10_000), month: Int(v / 100 % 100), day: Int(v % 100))?.iso ?? String(v)
            case .month: return YearMonth(year: Int(v / 100), month: Int(v % 100))?.iso ?? String(v)
            case .flag: return v != 0 ? "true" : "false"
            default: return String(v)
            }
        default:
            return nil
        }
    }

    /// A canonical value in the user's language: coded values by their word.
    static func shown(_ entity: String, _ column: String, _ value: String?, _ s: Strings) -> String {
        guard let value else { return "—" }
        switch ChangeFields.kind(entity, column) {
        case let .coded(prefix): return s.keys.contains("\(prefix).\(value)") ? s["\(prefix).\(value)"] : value
        case .flag: return value == "true" ? s["yes"] : s["no"]
        default: return value
        }
    }

    /// The record changed, in words: `月度台账 LF2026-0001/2026-10`.
    public func record(_ s: Strings) -> String {
        let word = s.keys.contains("entity.\(entity)") ? s["entity.\(entity)"] : entity
        // A milestone's kind in words: LF2026-0008/竣工.
        if entity == "milestone", let slash = key.lastIndex(of: "/"), s.has("milestone.\(key[key.index(after: slash)...])") {
            return "\(word) \(key[..<slash])/\(s["milestone.\(key[key.index(after: slash)...])"])"
        }
        return "\(word) \(key)"
    }

    /// What kind of change, in words: 新增, 修改, 删除, or 撤销 for an undo's.
    public func actionWord(_ s: Strings) -> String {
        undo ? s["history.action.undo"] : s["history.action.\(action)"]
    }

    /// `本月完成投资（万元）：389 → 400；形象进度：…`; for an insertion, the values set (less
    /// the defaults every new row has: not listed, reopened 0 times).
    public func details(_ s: Strings) -> String { lines(s).joined(separator: s["cli.sep"]) }

    /// One line per field changed: `本月完成投资（万元）：389 → 400`.
    public func lines(_ s: Strings) -> [String] {
        let inserted = action == ChangeAction.insert.rawValue
        return changes.filter { f in !(inserted && (f.after == "false" || (f.field == "reopen_count" && f.after == "0"))) }.map { f in
            let label = s["cli.field.\(entity).\(f.field)"]
            let after = ChangeRow.shown(entity, f.field, f.after, s)
            if inserted {
                return s.format("cli.diff.set", ["field": label, "value": after])
            }
            return s.format("cli.diff.changed", ["field": label, "before": ChangeRow.shown(entity, f.field, f.before, s),
                                                 "after": after])
        }
    }

    /// The account with its roster name: `lf-office（赵丽华）`.
    public func who(_ s: Strings) -> String {
        name.isEmpty ? actor : s.format("cli.accountName", ["account": actor, "name": name])
    }

    /// The time in the local time zone, to the second.
    public var localTime: String { localTime(in: .current) }

    public func localTime(in timeZone: TimeZone) -> String { ChangeRow.localTime(at, in: timeZone) }

    /// A change log's UTC time in the local time zone, to the second.
    public static func localTime(_ at: String, in timeZone: TimeZone = .current) -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime]
        guard let date = parser.date(from: at) else { return at }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = timeZone
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.string(from: date)
    }
}

/// The columns of each entity in the change log (the store's tables, keys first), how their
/// values read, and which are the key (shown in the record's name rather than as changes).
public enum ChangeFields {
    enum Kind { case text, money, day, month, flag, coded(String) }

    static func columns(_ entity: String) -> [String] { ChangeLogLayout.columns(entity) ?? [] }
    static func keyColumns(_ entity: String) -> [String] { ChangeLogLayout.keyColumns(entity) }

    static func kind(_ entity: String, _ column: String) -> Kind {
        switch (entity, column) {
        case ("project", "total_investment"), ("project", "annual_plan"), ("monthly", "planned"), ("monthly", "completed"):
            return .money
        case ("monthly", "month"): return .month
        case ("milestone", "planned"), ("milestone", "actual"), ("reminder", "date"), ("meeting", "date"),
             ("issue", "deadline"), ("issue", "supervision_deadline"):
            return .day
        case ("issue", _) where column.hasSuffix("_on"): return .day
        case ("decision", "deadline"), ("decision", "recorded_on"), ("meeting", "scheduled_on"), ("award", "recorded_on"),
             ("award-proposal", "recorded_on"): return .day
        case ("meeting", "cancelled"): return .flag
        case ("issue", "listed"): return .flag
        case ("issue", "category"): return .coded("category")
        case ("issue", "kind"): return .coded("issueKind")
        case ("issue", "level"): return .coded("issueLevel")
        case ("issue", "status"): return .coded("status")
        case ("project", "level"): return .coded("level")
        case ("project", "nature"): return .coded("nature")
        case ("project", "stage"): return .coded("stage")
        case ("milestone", "kind"): return .coded("milestone")
        case ("meeting", "kind"): return .coded("meeting")
        default: return .text
        }
    }
}
