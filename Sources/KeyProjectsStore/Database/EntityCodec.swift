import Foundation
import GRDB
import KeyProjects

/// How one kind of entity maps to its table: the columns in order (version last, not listed),
/// which of them form the key, and the change-log name and key. Made from the table's
/// `TableColumns`, so the names, their order and the positions read back are declared once.
struct EntityCodec<Value>: Sendable {
    let table: String
    /// Name in the change log: project, monthly, milestone, reminder, issue, meeting.
    let entity: String
    /// The column names in the table's order: the SQL, the change log's JSON keys, undo.
    let columns: [String]
    let keyColumnCount: Int
    /// Columns holding days (yyyymmdd) and months (yyyymm), shown in ISO form in log keys.
    let dayColumns: Set<String>
    let monthColumns: Set<String>
    /// For monthly records: the project and month a write touches (their packed figures).
    let monthOf: (@Sendable (Value) -> (project: String, month: YearMonth))?
    /// The cells of a value in column order.
    let encode: @Sendable (Value) -> [DatabaseValue]
    /// Decodes a row selected as `selectColumns` (the columns then version).
    let decode: @Sendable (SQLRow) -> Value

    /// - Parameters:
    ///   - key: the key columns; they must be the first columns (upsert and undo split rows so).
    ///   - cell: one column's cell of a value (a switch over the columns: the compiler sees
    ///     that none is left out).
    ///   - decode: the value of a row read by column.
    init<Columns: TableColumns>(_ columnsType: Columns.Type, entity: String, key: [Columns],
                                dayColumns: Set<Columns> = [], monthColumns: Set<Columns> = [],
                                monthOf: (@Sendable (Value) -> (project: String, month: YearMonth))? = nil,
                                cell: @escaping @Sendable (Value, Columns) -> DatabaseValue,
                                decode: @escaping @Sendable (ColumnsRow<Columns>) -> Value) {
        let all = Array(Columns.allCases)
        precondition(Array(all.prefix(key.count)) == key, "\(Columns.tableName): the key columns must come first")
        table = Columns.tableName
        self.entity = entity
        columns = all.map(\.name)
        keyColumnCount = key.count
        self.dayColumns = Set(dayColumns.map(\.name))
        self.monthColumns = Set(monthColumns.map(\.name))
        self.monthOf = monthOf
        encode = { value in all.map { cell(value, $0) } }
        self.decode = { row in decode(ColumnsRow(row: row)) }
    }

    var selectColumns: String { (columns + ["version"]).map { "\"\($0)\"" }.joined(separator: ", ") }
    var keyColumns: ArraySlice<String> { columns.prefix(keyColumnCount) }

    func key(of values: [DatabaseValue]) -> [DatabaseValue] { Array(values.prefix(keyColumnCount)) }

    /// `values` with the `kept` columns (never key columns) as a stored row has them: a
    /// partial ledger leaves those columns as they are.
    func keeping(_ kept: Set<String>, of stored: [DatabaseValue], in values: [DatabaseValue]) -> [DatabaseValue] {
        guard !kept.isEmpty else { return values }
        var merged = values
        for (i, column) in columns.enumerated() where i >= keyColumnCount && kept.contains(column) { merged[i] = stored[i] }
        return merged
    }

    /// The change-log key: key values joined by "/", days and months in ISO form.
    func logKey(_ values: [DatabaseValue]) -> String {
        zip(keyColumns, key(of: values)).map { column, value in
            Cells.display(value, asDay: dayColumns.contains(column), asMonth: monthColumns.contains(column))
        }.joined(separator: "/")
    }
}

/// Conversions between domain values and cells (SQLite's, and PostgreSQL's read as the same).
enum Cells {
    static func day(_ d: Day?) -> DatabaseValue {
        guard let d else { return .null }
        return (d.year * 10_000 + d.month * 100 + d.dayOfMonth).databaseValue
    }
    static func day(_ row: SQLRow, _ i: Int) -> Day? {
        guard let n = row[i] as Int? else { return nil }
        return Day(year: n / 10_000, month: n / 100 % 100, day: n % 100)
    }
    static func month(_ m: YearMonth) -> DatabaseValue { (m.year * 100 + m.month).databaseValue }
    static func month(_ row: SQLRow, _ i: Int) -> YearMonth {
        let n: Int = row[i]
        return YearMonth(year: n / 100, month: n % 100) ?? YearMonth(index: 0)
    }
    static func money(_ m: Money?) -> DatabaseValue { m.map { $0.yuan.databaseValue } ?? .null }
    static func money(_ row: SQLRow, _ i: Int) -> Money? { (row[i] as Int64?).map(Money.init(yuan:)) }
    static func text(_ s: String) -> DatabaseValue { s.databaseValue }
    static func int(_ n: Int?) -> DatabaseValue { n.map { $0.databaseValue } ?? .null }

    static func display(_ value: DatabaseValue, asDay: Bool, asMonth: Bool) -> String {
        switch value.storage {
        case .null: return ""
        case let .int64(n):
            if asMonth { return YearMonth(year: Int(n) / 100, month: Int(n) % 100)?.iso ?? String(n) }
            if asDay { return Day(year: Int(n) / 10_000, month: Int(n) / 100 % 100, day: Int(n) % 100)?.iso ?? String(n) }
            return String(n)
        case let .double(d): return String(d)
        case let .string(s): return s
        case let .blob(b): return b.base64EncodedString()
        }
    }

    /// A JSON object of the named cells in column order, for the change log's before/after.
    /// Written directly: JSONSerialization with sorted keys was 58 % of an import's time.
    static func json(columns: [String], values: [DatabaseValue], version: Int) -> String {
        var out = "{"
        for (column, value) in zip(columns, values) {
            out += "\"\(column)\":"
            switch value.storage {
            case .null: out += "null"
            case let .int64(n): out += String(n)
            case let .double(d): out += d.isFinite ? String(d) : "null"
            case let .string(s): appendJSONString(s, to: &out)
            case let .blob(b): appendJSONString(b.base64EncodedString(), to: &out)
            }
            out += ","
        }
        out += "\"version\":\(version)}"
        return out
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
    static func appendJSONString(_ s: String, to out: inout String) {
        out += "\""
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
