import SwiftCSV
import TextLayout

/// A CSV file's records with the physical line each starts on.
package struct CSVTable {
    package struct Record {
        package var line: Int
        package var fields: [String]
        package var isBlank: Bool { fields.allSatisfy { $0.trimmingASCIISpaces().isEmpty } }
    }
    package var records: [Record]
    package var delimiter: Character

    /// A line longer than this is refused before parsing (a runaway field or a binary file).
    package static let maxLineBytes = 1 << 20
    /// A field longer than this is refused: no ledger cell holds 64 KiB of text.
    package static let maxFieldBytes = 64 << 10

    /// Parses `text` with SwiftCSV and adds what it does not report: the line of each record, an
    /// unterminated quote (SwiftCSV reads it to the end of the file), over-long lines and fields.
    /// Line breaks are normalised to LF first, so lines are counted on bytes.
    package static func parse(_ original: String, file: String) -> Result<CSVTable, LedgerProblem> {
        let text = original.contains("\r")
            ? original.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : original
        let rawLines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (i, line) in rawLines.enumerated() where line.count > maxLineBytes {
            return .failure(LedgerProblem(file: file, line: i + 1, reason: .lineTooLong(bytes: line.count, limit: maxLineBytes)))
        }
        let delimiter = guessDelimiter(rawLines.first.map { String(Substring($0)) } ?? "")
        var records: [Record] = []
        var nextLine = 1
        do {
            let csv = try CSV<Enumerated>(string: text, delimiter: CSVDelimiter(unicodeScalarLiteral: delimiter),
                                          loadColumns: false, rowLimit: 1)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { fields in
                // The `'` that export puts before a text Excel would take for a formula is
                // taken away here, the one place ledger cells are read (CSVText.guardingFormula).
                records.append(Record(line: nextLine, fields: fields.map(CSVText.unguardingFormula)))
                nextLine += 1 + fields.reduce(0) { $0 + lineBreaks($1) }
            }
        } catch {
            return .failure(LedgerProblem(file: file, line: nextLine, reason: .malformedQuote))
        }
        // Quotes come in pairs in well-formed CSV; an odd count in a record's lines means a
        // quote left open, which swallowed the rest of the file into that record.
        for record in records {
            let last = min(rawLines.count, record.line + record.fields.reduce(0) { $0 + lineBreaks($1) })
            var quotes = 0
            for line in rawLines[(record.line - 1)..<last] { for byte in line where byte == 0x22 { quotes += 1 } }
            if quotes % 2 == 1 {
                return .failure(LedgerProblem(file: file, line: record.line, reason: .unterminatedQuote))
            }
        }
        return .success(CSVTable(records: records, delimiter: delimiter))
    }

    package static func lineBreaks(_ field: String) -> Int {
        var n = 0
        for byte in field.utf8 where byte == 0x0A { n += 1 }
        return n
    }

    /// Comma, unless the header line is tab-separated (Excel's "Unicode text").
    package static func guessDelimiter(_ header: String) -> Character {
        header.contains("\t") && !header.contains(",") ? "\t" : ","
    }
}
