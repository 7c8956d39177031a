import Foundation
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import StringTables
import TerminalKit
import TextLayout

/// Change rows as text (a table aligned by display width), JSON or CSV (one row per field).
enum ChangeReport {
    static func render(_ rows: [ChangeRow], _ format: OutputFormat, _ s: Strings) -> String {
        switch format {
        case .json:
            return jsonText(rows)
        case .csv:
            var lines: [[String]] = []
            for r in rows {
                let fields = r.changes.isEmpty ? [ChangeRow.Field(field: "", before: nil, after: nil)] : r.changes
                for f in fields {
                    lines.append([String(r.id), r.at, r.actor, r.name, r.entity, r.key, r.action, f.field, f.before ?? "", f.after ?? ""])
                }
            }
            return CSVText.write(header: ["id", "at", "actor", "name", "entity", "key", "action", "field", "before", "after"], rows: lines)
        case .text:
            var table = TextTable(headers: [s["cli.col.at"], s["cli.col.actor"], s["cli.col.record"], s["cli.col.change"],
                                            s["cli.col.details"]])
            for r in rows {
                table.append([r.localTime, r.who(s), r.record(s), (r.undo ? s["history.action.undo"] : s["cli.change.\(r.action)"]), r.details(s)])
            }
            return table.render()
        }
    }
}

