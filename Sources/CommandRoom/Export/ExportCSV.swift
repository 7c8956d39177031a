import Foundation
import TextLayout

/// CSV as Excel on Windows opens it without asking: UTF-8 with a byte-order mark (without it
/// Chinese Excel reads the bytes as GBK) and CRLF between rows. The title, a blank row, the
/// column headers, then the rows. Cells are quoted as RFC 4180 has it and guarded against
/// being taken for formulas by `CSVText` (line ends inside a quoted cell stay as they are).
enum ExportCSV {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func data(_ table: ExportTable) -> Data {
        var out = ""
        out.reserveCapacity(96 * (table.rows.count + 3))
        out += line([table.title])
        out += "\r\n"
        out += line(table.headers)
        for row in table.rows { out += line(row) }
        return Data(bom + Array(out.utf8))
    }

    /// One row, ended by CRLF: `CSVText` quotes and guards the cells, and ends its row by LF.
    static func line(_ cells: [String]) -> String {
        String(CSVText.write(header: cells, rows: []).dropLast()) + "\r\n"
    }
}
