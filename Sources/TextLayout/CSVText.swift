import Foundation

/// CSV text as RFC 4180 has it: a field holding a comma, a quote or a line break is quoted,
/// its quotes doubled. (CSV.swift's writer, used before, wrote one byte per stream call: 50 s for
/// the ledgers of 20,000 projects; this builds the text in memory.)
public enum CSVText {
    public static func write(header: [String], rows: [[String]]) -> String {
        var out = ""
        out.reserveCapacity(64 * (rows.count + 1))
        appendRow(header, to: &out)
        for row in rows { appendRow(row, to: &out) }
        return out
    }

    static func appendRow(_ fields: [String], to out: inout String) {
        for (i, cell) in fields.enumerated() {
            if i > 0 { out.append(",") }
            let field = guardingFormula(cell)
            if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out.append("\"")
                out.append(field.replacingOccurrences(of: "\"", with: "\"\""))
                out.append("\"")
            } else {
                out.append(field)
            }
        }
        out.append("\n")
    }

    /// A cell as written into CSV meant for a spreadsheet (OWASP "CSV injection"): text that
    /// begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be taken by Excel for a
    /// formula (`=CMD()`, `+1+1`, `@SUM(A1)`), so it gets a leading `'`, which Excel shows as
    /// text. A number (`-12.5`, `+3`, `-4%`) is left as it is: it is no formula, and money and
    /// days must stay numbers. So that every text reads back as it was, a text that already
    /// begins with `'`s before one of those characters gets one more; `unguardingFormula`
    /// takes exactly one away. Every CSV cmdroom writes passes through here (`write`).
    public static func guardingFormula(_ cell: String) -> String {
        let rest = cell.utf8.drop { $0 == 0x27 }
        guard let first = rest.first, formulaStarts.contains(first) else { return cell }
        if rest.count == cell.utf8.count, isPlainNumber(cell) { return cell }
        return "'" + cell
    }

    /// A cell read from a ledger, with the `'` that `guardingFormula` added taken away: a `'`
    /// followed (after any more `'`s) by `=`, `+`, `-`, `@`, a tab or a carriage return.
    public static func unguardingFormula(_ cell: String) -> String {
        guard cell.utf8.first == 0x27 else { return cell }
        let rest = cell.utf8.drop { $0 == 0x27 }
        guard let first = rest.first, formulaStarts.contains(first) else { return cell }
        return String(cell.dropFirst())
    }

    /// `=`, `+`, `-`, `@`, tab, carriage return.
    static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// `-12.5`, `+3`, `7`, `-4%`: an optional sign, digits, optionally a point and digits, an
    /// optional per cent sign.
    static func isPlainNumber(_ cell: String) -> Bool {
        var bytes = Substring(cell).utf8[...]
        if let f = bytes.first, f == 0x2D || f == 0x2B { bytes = bytes.dropFirst() }
        if bytes.last == 0x25 { bytes = bytes.dropLast() }
        let parts = bytes.split(separator: 0x2E, maxSplits: 1, omittingEmptySubsequences: false)
        guard !bytes.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) else { return false }
        return true
    }
}
