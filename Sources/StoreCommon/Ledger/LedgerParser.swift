import Foundation
import KeyProjects

/// A ledger file's rows as domain values, ready to be written in one transaction.
package enum ParsedLedger {
    case projects([Project])
    case monthly([MonthlyRecord])
    case milestones([Milestone])
    case reminders([Reminder])
    case issues([Issue])
    case meetings([Meeting])
    case awards([AwardRow])

    package var kind: LedgerKind {
        switch self {
        case .projects: return .projects
        case .monthly: return .monthly
        case .milestones: return .milestones
        case .reminders: return .reminders
        case .issues: return .issues
        case .meetings: return .meetings
        case .awards: return .awards
        }
    }

    package var count: Int {
        switch self {
        case let .projects(v): return v.count
        case let .monthly(v): return v.count
        case let .milestones(v): return v.count
        case let .reminders(v): return v.count
        case let .issues(v): return v.count
        case let .meetings(v): return v.count
        case let .awards(v): return v.count
        }
    }
}

/// A ledger file read and checked: its rows, the line of each (in the same order), which of
/// the ledger's columns the file has (by key), and each present column's header as written.
package struct ParsedFile {
    package var ledger: ParsedLedger
    package var encoding: LedgerEncoding
    /// Keys of the ledger columns the header names. A column the file leaves out leaves that
    /// field of an existing row as it is; a present column with an empty cell clears it.
    package var present: Set<String>
    /// The physical line of each row of `ledger`, in order.
    package var lines: [Int]
    /// Header as the file writes it, by key; the layout's header for an absent column.
    package var headers: [String: String]

    /// The header naming a column in a refusal.
    package func header(_ key: String) -> String { headers[key] ?? key }
}

/// An awards ledger row with its line (the rules across rows name it).
package struct AwardRow {
    package enum Value { case proposal(AwardProposal), pick(AwardPick) }
    package var value: Value
    package var line: Int
    package var key: String {
        switch value {
        case let .proposal(p): return "\(p.quarter) 提名 \(p.subcommand) \(p.kind.rawValue)"
        case let .pick(p): return "\(p.quarter) 评定 \(p.kind.rawValue) \(p.project)"
        }
    }
}

/// Reads and checks a whole ledger file before anything is written: every problem is found
/// first, so a refused import changes nothing.
package enum LedgerParser {
    package static let maxListedProblems = 50
    /// Rows above the header that a spreadsheet may carry (a title such as "2025年重点工程台账").
    package static let maxTitleRows = 5

    /// `projectSubcommands` and `storeAwards`: the store's, for the awards ledger's rules.
    /// `progress`: told of each row decoded (`.checking`).
    package static func parse(_ kind: LedgerKind, data: Data, file: String, organisation: Organisation,
                      storeProjects: Set<String>, projectSubcommands: [String: String] = [:],
                      storeAwards: AwardRecord = AwardRecord(),
                      progress: StoreProgressHandler? = nil) -> Result<ParsedFile, LedgerRejection> {
        func reject(_ problems: [LedgerProblem]) -> Result<ParsedFile, LedgerRejection> {
            .failure(LedgerRejection(file: file, problems: Array(problems.prefix(maxListedProblems)),
                                     more: max(0, problems.count - maxListedProblems)))
        }
        let decoded = TextDecoding.decode(data)
        guard let text = decoded.text, let encoding = decoded.encoding else {
            return reject([LedgerProblem(file: file, reason: decoded.problem ?? .emptyFile)])
        }
        let table: CSVTable
        switch CSVTable.parse(text, file: file) {
        case let .success(t): table = t
        case let .failure(p): return reject([p])
        }
        let records = table.records.filter { !$0.isBlank }
        guard !records.isEmpty else { return reject([LedgerProblem(file: file, reason: .emptyFile)]) }

        let columns = LedgerLayout.columns(kind)
        guard let headerIndex = records.prefix(maxTitleRows).firstIndex(where: { looksLikeHeader($0, columns) }) else {
            return reject([LedgerProblem(file: file, line: records[0].line,
                                         reason: .noHeader(expected: columns.filter(\.required).map(\.header)))])
        }
        let header = records[headerIndex]
        var problems: [LedgerProblem] = []
        var mapping: [Int: LedgerColumn] = [:]
        var seen: [String: String] = [:]
        for (i, raw) in header.fields.enumerated() {
            let name = raw.trimmingASCIISpaces()
            let normalized = LedgerColumn.normalize(name)
            if normalized.isEmpty || ignorableColumns.contains(normalized) { continue }
            guard let column = columns.first(where: { $0.matches(normalized) }) else {
                problems.append(LedgerProblem(file: file, line: header.line, column: name, reason: .unknownColumn(name)))
                continue
            }
            if seen[column.key] != nil {
                problems.append(LedgerProblem(file: file, line: header.line, column: name, reason: .duplicateColumn(name)))
                continue
            }
            seen[column.key] = name
            mapping[i] = column
        }
        for column in columns where column.required && seen[column.key] == nil {
            problems.append(LedgerProblem(file: file, line: header.line, column: column.header, reason: .missingColumn(column.header)))
        }
        guard problems.isEmpty else { return reject(problems) }

        let body = Array(records[(headerIndex + 1)...])
        var codes = storeProjects
        if kind == .projects, let codeIndex = mapping.first(where: { $0.value.key == "code" })?.key {
            for record in body where codeIndex < record.fields.count { codes.insert(record.fields[codeIndex].trimmingASCIISpaces()) }
        }
        let context = DecodingContext(organisation: organisation, projectCodes: codes, projectSubcommands: projectSubcommands)
        let layoutHeaders = Dictionary(uniqueKeysWithValues: columns.map { ($0.key, $0.header) })
        // The last cell a column of the ledger is read from: a row that stops before it would
        // clear the fields of the cells it lacks (a trailing header cell that names nothing
        // may be left off).
        let lastMapped = mapping.keys.max() ?? -1
        let readers = body.map { record -> RowReader in
            var cells: [String: (header: String, text: String)] = [:]
            for (i, column) in mapping where i < record.fields.count {
                cells[column.key] = (seen[column.key]!, record.fields[i])
            }
            let reader = RowReader(file: file, line: record.line, cells: cells, layoutHeaders: layoutHeaders)
            for (i, field) in record.fields.enumerated() {
                if field.utf8.count > CSVTable.maxFieldBytes {
                    reader.problem(mapping[i]?.key ?? "#\(i + 1)", .fieldTooLong(bytes: field.utf8.count, limit: CSVTable.maxFieldBytes))
                }
                if i >= header.fields.count && !field.trimmingASCIISpaces().isEmpty {
                    reader.problem("#\(i + 1)", .tooManyFields(count: record.fields.count, expected: header.fields.count))
                    break
                }
            }
            if record.fields.count <= lastMapped, let first = mapping.keys.filter({ $0 >= record.fields.count }).min() {
                reader.problem(mapping[first]!.key, .tooFewFields(count: record.fields.count, expected: header.fields.count))
            }
            return reader
        }
        let parsed: ParsedLedger
        var lines: [Int] = []
        let tell = progress.map { report in { (done: Int) in report(StoreProgress(.checking(kind), done: done, total: readers.count)) } }
        switch kind {
        case .projects: parsed = .projects(decodeAll(readers, context, LedgerDecoding.project, key: { $0.code }, &problems, &lines, tell))
        case .monthly: parsed = .monthly(decodeAll(readers, context, LedgerDecoding.monthly, key: { "\($0.project) \($0.month.iso)" }, &problems, &lines, tell))
        case .milestones: parsed = .milestones(decodeAll(readers, context, LedgerDecoding.milestone, key: { "\($0.project) \($0.kind.rawValue)" }, &problems, &lines, tell))
        case .reminders: parsed = .reminders(decodeAll(readers, context, LedgerDecoding.reminder, key: { "\($0.project) \($0.date.iso) \($0.by)" }, &problems, &lines, tell))
        case .issues: parsed = .issues(decodeAll(readers, context, LedgerDecoding.issue, key: { $0.id }, &problems, &lines, tell))
        case .meetings: parsed = .meetings(decodeAll(readers, context, LedgerDecoding.meeting, key: { $0.id }, &problems, &lines, tell))
        case .awards:
            let rows = decodeAll(readers, context, LedgerDecoding.award, key: \.key, &problems, &lines, tell)
            if problems.isEmpty { problems = LedgerDecoding.awardRules(rows, store: storeAwards, file: file) }
            parsed = .awards(rows)
        }
        guard problems.isEmpty else { return reject(problems) }
        return .success(ParsedFile(ledger: parsed, encoding: encoding, present: Set(seen.keys), lines: lines,
                                   headers: layoutHeaders.merging(seen) { $1 }))
    }

    package static func looksLikeHeader(_ record: CSVTable.Record, _ columns: [LedgerColumn]) -> Bool {
        let matched = record.fields.filter { field in columns.contains { $0.matches(LedgerColumn.normalize(field)) } }
        return matched.count >= min(2, columns.filter(\.required).count)
    }

    /// Decodes every row; a key seen twice is a problem naming both lines.
    package static func decodeAll<T>(_ readers: [RowReader], _ context: DecodingContext,
                             _ decode: (RowReader, DecodingContext) -> T?, key: (T) -> String,
                             _ problems: inout [LedgerProblem], _ lines: inout [Int], _ progress: ((Int) -> Void)? = nil) -> [T] {
        var values: [T] = []
        values.reserveCapacity(readers.count)
        var firstLine: [String: Int] = [:]
        for (done, reader) in readers.enumerated() {
            progress?(done)
            let hadProblems = !reader.problems.isEmpty
            let value = hadProblems ? nil : decode(reader, context)
            if let value {
                let k = key(value)
                if let first = firstLine[k] {
                    problems.append(LedgerProblem(file: reader.file, line: reader.line, column: nil, reason: .duplicateKey(k, firstLine: first)))
                } else {
                    firstLine[k] = reader.line
                    values.append(value)
                    lines.append(reader.line)
                }
            }
            problems.append(contentsOf: reader.problems)
        }
        return values
    }
}
