import KeyProjects

/// Reads typed values from one ledger record, noting each problem with its line and column.
package final class RowReader {
    package let file: String
    package let line: Int
    private let cells: [String: (header: String, text: String)]
    /// Headers of the layout, for naming a column the file does not have.
    private let layoutHeaders: [String: String]
    package private(set) var problems: [LedgerProblem] = []

    package init(file: String, line: Int, cells: [String: (header: String, text: String)], layoutHeaders: [String: String]) {
        self.file = file; self.line = line; self.cells = cells; self.layoutHeaders = layoutHeaders
    }

    package func has(_ key: String) -> Bool { cells[key] != nil }

    package func problem(_ key: String, _ reason: LedgerProblem.Reason) {
        problems.append(LedgerProblem(file: file, line: line, column: cells[key]?.header ?? layoutHeaders[key] ?? key, reason: reason))
    }

    /// The trimmed text of a cell ("" when the column is absent).
    package func text(_ key: String) -> String { cells[key]?.text.trimmingASCIISpaces() ?? "" }

    /// Free text kept as written, apart from surrounding spaces.
    package func required(_ key: String) -> String {
        let value = text(key)
        if value.isEmpty { problem(key, .required) }
        return value
    }

    package func money(_ key: String, required: Bool) -> Money? {
        let raw = text(key)
        if raw.isEmpty {
            if required { problem(key, .notMoney(raw, .empty)) }
            return nil
        }
        switch Money.parseWan(raw) {
        case let .success(m): return m
        case let .failure(e): problem(key, .notMoney(raw, e)); return nil
        }
    }

    package func day(_ key: String, required: Bool = false) -> Day? {
        let raw = text(key)
        if raw.isEmpty {
            if required { problem(key, .required) }
            return nil
        }
        guard let d = Day.parse(raw) else { problem(key, .notADate(raw)); return nil }
        return d
    }

    package func month(_ key: String) -> YearMonth? {
        let raw = text(key)
        guard !raw.isEmpty else { problem(key, .required); return nil }
        guard let m = YearMonth.parse(raw) ?? Day.parse(raw)?.yearMonth else { problem(key, .notAMonth(raw)); return nil }
        return m
    }

    package func int(_ key: String, range: ClosedRange<Int>) -> Int? {
        let raw = text(key)
        guard !raw.isEmpty else { return nil }
        guard let n = Int(raw), range.contains(n) else { problem(key, .notAnInteger(raw)); return nil }
        return n
    }

    package func choice<T>(_ key: String, _ vocabulary: Vocabulary<T>, default value: T? = nil) -> T? {
        let raw = text(key)
        if raw.isEmpty, let value { return value }
        guard let v = vocabulary.value(for: raw) else {
            problem(key, raw.isEmpty ? .required : .notAChoice(raw, allowed: vocabulary.allowed))
            return nil
        }
        return v
    }
}
