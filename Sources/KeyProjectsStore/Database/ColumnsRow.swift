import GRDB
import KeyProjects

/// A row selected as a table's columns then version, read by column rather than by number.
struct ColumnsRow<Columns: TableColumns> {
    let row: SQLRow

    subscript<Value: DatabaseValueConvertible>(_ column: Columns) -> Value { row[Int(column.position)] }

    var version: Int { row[Int(Columns.versionPosition)] }

    func day(_ column: Columns) -> Day? { Cells.day(row, Int(column.position)) }
    func month(_ column: Columns) -> YearMonth { Cells.month(row, Int(column.position)) }
    func money(_ column: Columns) -> Money? { Cells.money(row, Int(column.position)) }
}
