import GRDB

/// One table's columns, declared once, in the table's order, version left out (every table
/// ends its selects with it). A case's raw value is its position in `SELECT allCases, version`,
/// so the C-API loops read `sqlite3_column_*(s, Column.x.rawValue)` with no lookup; its name is
/// the case name in snake_case (GRDB's `convertToSnakeCase` rule), so no second list of names
/// can drift from the first. `TableColumnsTests` checks both against the schema.
protocol TableColumns: ColumnExpression, CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == Int32 {
    static var tableName: String { get }
}

extension TableColumns {
    /// The column's name: the case name in snake_case (`constructionUnit` → `construction_unit`).
    var name: String { snakeCase(String(describing: self)) }

    /// The column's position in a row selected as the columns then version.
    var position: Int32 { rawValue }

    /// The version column's position in such a row: after the last column.
    static var versionPosition: Int32 { Int32(allCases.count) }
}

/// `startYear` → `start_year`.
private func snakeCase(_ caseName: String) -> String {
    var out = ""
    for character in caseName {
        if character.isUppercase {
            out += "_"
            out += character.lowercased()
        } else {
            out.append(character)
        }
    }
    return out
}
