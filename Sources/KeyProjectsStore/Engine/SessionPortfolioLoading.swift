import Foundation
import GRDB
import KeyProjects

extension SQLBackedStore {
    /// The portfolio read through the session in one snapshot: PostgreSQL's load. (SQLite's is
    /// its own C-API loop on two connections, `loadPortfolio` in PortfolioLoading.swift.) The
    /// board's rows — projects, monthly figures, reminders, milestones, open issues' counts —
    /// are asked for at once and read from their bytes (`BoardRows`); the monthly figures come
    /// packed, as on SQLite, because a row per month is 240,000 rows at 20,000 projects (the
    /// server packs them big-endian, `int8send`). The monthly records in full (with 形象进度),
    /// the issues and the meetings are read after them as any other read.
    public func loadPortfolioThroughSession(_ parts: PortfolioParts, issuesOpenOn: Day?) throws(StoreError) -> Portfolio {
        try read { db in
            guard let reader = db as? RowBytesReading else {
                throw StoreError.database(message: "this engine's session cannot read the board's rows as bytes")
            }
            let board = try BoardRows.read(reader, figures: !parts.contains(.progressText), issuesOpenOn: issuesOpenOn)
            var files = board.files
            board.files = []
            if parts.contains(.progressText) {
                for record in try fetchAll(Codecs.monthly, db, "ORDER BY project, month") {
                    if let i = board.index[record.project] { files[i].records.append(record) }
                }
            }
            let issues = parts.contains(.issues) ? try fetchAll(Codecs.issue, db, "ORDER BY id") : []
            let meetings = try fetchAll(Codecs.meeting, db, parts.contains(.meetings) ? "ORDER BY \"date\", \"time\", id" : PortfolioQueries.plenariesOnly)
            let held = parts.contains(.meetings) ? try Self.heldFollowUps(db) : []
            let awards = parts.contains(.meetings) ? try Self.awards(db) : AwardRecord()
            return Portfolio(files: files, issues: issues, meetings: meetings, openIssueCounts: board.openIssues, heldFollowUps: held,
                             awards: awards)
        }
    }
}

extension MilestoneKind {
    /// The kind whose name these bytes are (without making a String of them).
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        for (name, kind) in Self.names where name.count == bytes.count && name.elementsEqual(bytes) {
            self = kind
            return
        }
        return nil
    }

    private static let names: [([UInt8], MilestoneKind)] = allCases.map { (Array($0.rawValue.utf8), $0) }
}

/// The board's rows read as bytes (`RowBytesReading`), all queries sent at once: the projects
/// (each packed by the server into one text, see `PackedRow`), and a project to a row its packed
/// monthly figures, its reminders (packed) and its milestones, then the open issues' counts
/// in one row. Few rows: each row costs postgres-nio about a microsecond whatever it holds.
/// The rows are taken apart while the server works on the next ones; they come in order, the
/// projects first, so the others find theirs.
///
/// The server is not asked to sort within a project (`string_agg … ORDER BY` sorted each group
/// on its own and was a third of the server's time): the rows are checked here, and a project
/// whose records, reminders or milestones came out of order has them sorted as the server's
/// "C" collation would.
final class BoardRows {
    var files: [ProjectFile] = []
    var openIssues: [String: Int] = [:]
    /// The projects' codes (their UTF-8 one after another, and where each ends), in order.
    private var codeBytes: [UInt8] = []
    private var codeEnds: [Int] = []
    private var codes: [String] = []
    /// Where the rows of the query being read have got to in `files`.
    private var cursor = 0
    private var part: Part? = nil
    private var unsortedRecords: Set<Int> = []
    private var unsortedReminders: Set<Int> = []
    private var lookup: [String: Int]? = nil

    enum Part { case setting, projects, figures, reminders, milestones, openIssues }

    /// Each project's position in `files`, by code.
    var index: [String: Int] {
        if let lookup { return lookup }
        var made: [String: Int] = [:]
        made.reserveCapacity(codes.count)
        for (i, code) in codes.enumerated() { made[code] = i }
        lookup = made
        return made
    }

    static let projectIntegers: [Bool] = {
        typealias P = Project.Columns
        return PackedRow.mask(count: Codecs.project.columns.count + 1,
                              integers: [P.startYear, .endYear, .totalInvestment, .annualPlan].map { Int($0.position) } + [Int(P.versionPosition)])
    }()
    static let reminderIntegers: [Bool] = {
        typealias R = Reminder.Columns
        return PackedRow.mask(count: Codecs.reminder.columns.count + 1, integers: [Int(R.date.position), Int(R.versionPosition)])
    }()

    /// - Parameter figures: read the packed monthly figures (the board's records without 形象进度).
    static func read(_ reader: RowBytesReading, figures: Bool, issuesOpenOn: Day?) throws -> BoardRows {
        var queries: [(sql: String, arguments: [DatabaseValue])] = []
        var parts: [Part] = []
        func add(_ part: Part, _ sql: String, _ arguments: [DatabaseValue] = []) {
            queries.append((sql, arguments)); parts.append(part)
        }
        // Grouped as the rows are sorted (the primary keys' order): rows stream out as each
        // project's group is done, in order within it. A schema whose tables have no statistics
        // yet (just migrated, before autovacuum's ANALYZE) was otherwise hashed: nothing sent
        // until every group was made.
        add(.setting, "SET LOCAL enable_hashagg = off")
        add(.projects, "SELECT \(PackedRow.select(Codecs.project.columns + ["version"])) FROM project ORDER BY code")
        if figures {
            // Each year as its number (int4send: 4 bytes, big-endian) and its 192 bytes of figures.
            add(.figures, "SELECT project, string_agg(int4send(year) || figures, '') FROM month_figures GROUP BY project ORDER BY project")
        }
        add(.reminders, """
            SELECT project, string_agg(\(PackedRow.select(Codecs.reminder.columns + ["version"])), '')
            FROM reminder GROUP BY project ORDER BY project
            """)
        add(.milestones, """
            SELECT project, string_agg(concat(kind, ':', planned, ':', actual, ':', version), ',')
            FROM milestone GROUP BY project ORDER BY project
            """)
        let counts = "SELECT string_agg(\(PackedRow.select(["project", "n"])), '') FROM (SELECT project, count(*) AS n FROM issue"
        if let issuesOpenOn {
            // Open on that day: registered by then, and neither cleared by then nor cleared
            // with no date (as SQLite's load counts them).
            add(.openIssues, counts + """
                 WHERE project IS NOT NULL AND registered_on <= ?
                AND CASE WHEN cleared_on IS NULL THEN status <> 'cleared' ELSE cleared_on > ? END GROUP BY project) c
                """, [Cells.day(issuesOpenOn), Cells.day(issuesOpenOn)])
        } else {
            // An issue a lower store referred here has no project of this store's.
            add(.openIssues, counts + " WHERE project IS NOT NULL AND status <> 'cleared' GROUP BY project) c")
        }
        add(.setting, "RESET enable_hashagg")
        let board = BoardRows()
        try reader.forEachRowBytes(queries) { query, row in try board.take(parts[query], row) }
        board.sortWhereNeeded()
        return board
    }

    private func take(_ part: Part, _ row: RowBytes) throws {
        if part != self.part { self.part = part; cursor = 0 }
        switch part {
        case .setting:
            return
        case .projects:
            guard let packed = row[0],
                  let cells = PackedRow.cells(packed.assumingMemoryBound(to: UInt8.self), count: Codecs.project.columns.count + 1,
                                              integers: Self.projectIntegers) else {
                throw StoreError.database(message: "a project row could not be read")
            }
            let project = Codecs.project.decode(SQLRow(cells))
            codeBytes.append(contentsOf: project.code.utf8)
            codeEnds.append(codeBytes.count)
            codes.append(project.code)
            var file = ProjectFile(project: project)
            // A year and more of monthly records each: one allocation instead of five growths.
            file.records.reserveCapacity(16)
            files.append(file)
        case .figures:
            guard let code = row[0], let i = fileIndex(code), let packed = row[1] else { return }
            guard packed.count % 196 == 0 else { throw StoreError.database(message: "the monthly figures of \(codes[i]) could not be read") }
            var previous = Int.min
            for start in stride(from: 0, to: packed.count, by: 196) {
                let year = Int(Int32(bigEndian: packed.loadUnaligned(fromByteOffset: start, as: Int32.self)))
                guard let figures = MonthFigures(blob: UnsafeRawBufferPointer(rebasing: packed[(start + 4)..<(start + 196)]), bigEndian: true) else { continue }
                if year <= previous { unsortedRecords.insert(i) }
                previous = year
                files[i].records.append(contentsOf: figures.records(project: codes[i], year: year))
            }
        case .reminders:
            guard let code = row[0], let i = fileIndex(code), let packed = row[1] else { return }
            let bytes = packed.assumingMemoryBound(to: UInt8.self)
            var at = 0
            while at < bytes.count {
                guard let cells = PackedRow.cells(bytes, from: &at, count: Codecs.reminder.columns.count + 1, integers: Self.reminderIntegers) else {
                    throw StoreError.database(message: "a reminder of \(codes[i]) could not be read")
                }
                let reminder = Codecs.reminder.decode(SQLRow(cells))
                if let last = files[i].reminders.last, !Self.precedes(last, reminder) { unsortedReminders.insert(i) }
                files[i].reminders.append(reminder)
            }
        case .milestones:
            guard let code = row[0], let i = fileIndex(code), let packed = row[1] else { return }
            files[i].milestones = Self.unpackMilestones(packed.assumingMemoryBound(to: UInt8.self), project: codes[i])
        case .openIssues:
            guard let packed = row[0] else { return }
            let bytes = packed.assumingMemoryBound(to: UInt8.self)
            var at = 0
            while at < bytes.count {
                guard let cells = PackedRow.cells(bytes, from: &at, count: 2, integers: [false, true]),
                      case let .string(project) = cells[0].storage, case let .int64(count) = cells[1].storage else {
                    throw StoreError.database(message: "the open issues' counts could not be read")
                }
                openIssues[project] = Int(count)
            }
        }
    }

    /// The server's order of reminders within a project: by date, then by `by` in "C" collation.
    static func precedes(_ a: Reminder, _ b: Reminder) -> Bool {
        a.date != b.date ? a.date < b.date : a.by.utf8.lexicographicallyPrecedes(b.by.utf8)
    }

    private func sortWhereNeeded() {
        for i in unsortedRecords { files[i].records.sort { $0.month < $1.month } }
        for i in unsortedReminders { files[i].reminders.sort(by: Self.precedes) }
    }

    /// `start:20260301::3,approval:20250901:20250915:1` as milestones, read from the UTF-8
    /// bytes (splitting the String by Character was a third of the whole board's load), in the
    /// order of their kinds' bytes (the server's `ORDER BY kind` in "C" collation; the server
    /// is not asked to sort them: that sort was a third of its time for the query).
    static func unpackMilestones(_ bytes: UnsafeBufferPointer<UInt8>, project: String) -> [Milestone] {
        var out: [Milestone] = []
        var start = 0
        var i = 0
        var inOrder = true
        var previousKind: Range<Int>? = nil
        while start < bytes.count {
            // One item: kind:planned:actual:version, its colons' positions noted.
            var colons = (0, 0, 0)
            var found = 0
            i = start
            while i < bytes.count && bytes[i] != UInt8(ascii: ",") {
                if bytes[i] == UInt8(ascii: ":") {
                    switch found {
                    case 0: colons.0 = i
                    case 1: colons.1 = i
                    case 2: colons.2 = i
                    default: break
                    }
                    found += 1
                }
                i += 1
            }
            if found == 3 {
                func number(_ from: Int, _ to: Int) -> Int? {
                    guard from < to else { return nil }
                    var n = 0
                    for j in from..<to { n = n * 10 + Int(bytes[j] &- 48) }
                    return n
                }
                if let kind = MilestoneKind(bytes: UnsafeBufferPointer(rebasing: bytes[start..<colons.0])) {
                    if let previous = previousKind, !bytes[previous].lexicographicallyPrecedes(bytes[start..<colons.0]) { inOrder = false }
                    previousKind = start..<colons.0
                    func day(_ n: Int?) -> Day? { n.flatMap { Day(year: $0 / 10_000, month: $0 / 100 % 100, day: $0 % 100) } }
                    out.append(Milestone(project: project, kind: kind, planned: day(number(colons.0 + 1, colons.1)),
                                         actual: day(number(colons.1 + 1, colons.2)), version: number(colons.2 + 1, i) ?? 0))
                }
            }
            start = i + 1
        }
        if !inOrder { out.sort { $0.kind.rawValue.utf8.lexicographicallyPrecedes($1.kind.rawValue.utf8) } }
        return out
    }

    /// The file of the project these bytes name: the rows come in the projects' order, so the
    /// cursor moves on to it; a code it passed is looked up.
    private func fileIndex(_ code: UnsafeRawBufferPointer) -> Int? {
        let wanted = code.assumingMemoryBound(to: UInt8.self)
        while cursor < codeEnds.count {
            let order = codeBytes.withUnsafeBufferPointer { all in
                Self.compare(UnsafeBufferPointer(rebasing: all[(cursor == 0 ? 0 : codeEnds[cursor - 1])..<codeEnds[cursor]]), wanted)
            }
            if order == 0 { return cursor }
            if order > 0 { break }
            cursor += 1
        }
        return index[String(decoding: wanted, as: UTF8.self)]
    }

    /// Byte order (memcmp, then length): -1, 0 or 1.
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let c = memcmp(pa, pb, n)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}

/// A row packed by the server into one text, each cell as `<bytes>:<text>` (its length in UTF-8
/// bytes, so no character needs escaping) or `-` for NULL; the integer columns (by position)
/// are written as text and read back as integers.
enum PackedRow {
    /// The SELECT list packing `columns` (PostgreSQL: `octet_length`, `concat`).
    static func select(_ columns: [String]) -> String {
        "concat(" + columns.map { c in "coalesce(octet_length(\"\(c)\"::text) || ':' || \"\(c)\"::text, '-')" }.joined(separator: ", ") + ")"
    }

    /// Which of `count` columns are integers, by position.
    static func mask(count: Int, integers: [Int]) -> [Bool] {
        var mask = [Bool](repeating: false, count: count)
        for i in integers where i < count { mask[i] = true }
        return mask
    }

    /// The cells of a packed row's UTF-8 bytes; `integers` marks the integer columns by position.
    static func cells(_ bytes: UnsafeBufferPointer<UInt8>, count: Int, integers: [Bool]) -> [DatabaseValue]? {
        var at = 0
        guard let cells = cells(bytes, from: &at, count: count, integers: integers), at == bytes.count else { return nil }
        return cells
    }

    /// The `count` cells of a packed row starting at `at` in `bytes` (packed rows one after
    /// another); `at` is moved past them. Nil when there are fewer or an integer is not one.
    static func cells(_ bytes: UnsafeBufferPointer<UInt8>, from at: inout Int, count: Int, integers: [Bool]) -> [DatabaseValue]? {
        var cells: [DatabaseValue] = []
        cells.reserveCapacity(count)
        var i = at
        while cells.count < count {
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "-") { cells.append(.null); i += 1; continue }
            var length = 0
            while i < bytes.count, bytes[i] != UInt8(ascii: ":") {
                guard bytes[i] >= 48 && bytes[i] <= 57 else { return nil }
                length = length * 10 + Int(bytes[i] - 48)
                i += 1
            }
            i += 1
            guard i + length <= bytes.count else { return nil }
            let cell = UnsafeBufferPointer(rebasing: bytes[i..<(i + length)])
            if integers[cells.count] {
                guard let n = integer(cell) else { return nil }
                cells.append(n.databaseValue)
            } else {
                cells.append(String(decoding: cell, as: UTF8.self).databaseValue)
            }
            i += length
        }
        at = i
        return cells
    }

    /// An integer cell's text (an optional minus, then 1 to 18 digits).
    private static func integer(_ cell: UnsafeBufferPointer<UInt8>) -> Int64? {
        var start = 0
        if cell.first == UInt8(ascii: "-") { start = 1 }
        let digits = cell.count - start
        guard digits >= 1 && digits <= 18 else { return nil }
        var n: Int64 = 0
        for j in start..<cell.count {
            guard cell[j] >= 48 && cell[j] <= 57 else { return nil }
            n = n * 10 + Int64(cell[j] - 48)
        }
        return start == 1 ? -n : n
    }
}
