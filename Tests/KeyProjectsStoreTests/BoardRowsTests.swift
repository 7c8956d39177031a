import Foundation
import GRDB
import KeyProjects
@testable import KeyProjectsStore
import Testing

/// PostgreSQL's board rows (`BoardRows`) taken apart from their bytes, with rows the server
/// could send in another order within a project (it is not asked to sort them there): the
/// board must come out as the server's `ORDER BY` would have given it.
struct BoardRowsTests {
    /// Serves fixed rows for each query, in the order `BoardRows` sends them.
    final class FakeReader: RowBytesReading {
        let rows: [[[[UInt8]?]]]
        init(_ rows: [[[[UInt8]?]]]) { self.rows = rows }
        func forEachRowBytes(_ queries: [(sql: String, arguments: [DatabaseValue])], _ body: (Int, RowBytes) throws -> Void) throws {
            #expect(queries.count == rows.count)
            for (q, queryRows) in rows.enumerated() {
                for cells in queryRows {
                    try Self.with(cells[...], []) { pointers in
                        try body(q, RowBytes(count: pointers.count, pointers.count > 0 ? pointers[0] : nil,
                                             pointers.count > 1 ? pointers[1] : nil, pointers.count > 2 ? pointers[2] : nil))
                    }
                }
            }
        }
        static func with(_ rest: ArraySlice<[UInt8]?>, _ done: [UnsafeRawBufferPointer?], _ body: ([UnsafeRawBufferPointer?]) throws -> Void) throws {
            guard let first = rest.first else { return try body(done) }
            guard let bytes = first else { return try with(rest.dropFirst(), done + [nil], body) }
            try bytes.withUnsafeBytes { try with(rest.dropFirst(), done + [$0], body) }
        }
    }

    /// Cells packed as the server's `PackedRow.select` packs them.
    static func packed(_ cells: [DatabaseValue]) -> String {
        cells.map { cell -> String in
            switch cell.storage {
            case .null: return "-"
            case let .int64(n): return "\(String(n).utf8.count):\(n)"
            case let .string(s): return "\(s.utf8.count):\(s)"
            default: return "?"
            }
        }.joined()
    }

    static func year(_ year: Int32, completed: [Int64]) -> [UInt8] {
        var bytes = withUnsafeBytes(of: year.bigEndian) { Array($0) }
        for month in 0..<12 {
            let planned: Int64 = -1
            let done = month < completed.count ? completed[month] : -1
            bytes += withUnsafeBytes(of: planned.bigEndian) { Array($0) } + withUnsafeBytes(of: done.bigEndian) { Array($0) }
        }
        return bytes
    }

    @Test func rowsOutOfOrderWithinAProjectComeOutInTheServersOrder() throws {
        let projects = ["P1", "P2"].map { Project(code: $0, name: "项目 \($0)", level: .city, subcommand: "s", locality: "l",
                                                   totalInvestment: Money(wan: 10), annualPlan: Money(wan: 1), version: 3) }
        let projectRows: [[[UInt8]?]] = projects.map { [Array(Self.packed(Codecs.project.encode($0) + [Int64(3).databaseValue]).utf8)] }
        // P2's years 2026 then 2025; P1 in order. A project the board does not know (P0) is skipped.
        let figures: [[[UInt8]?]] = [
            [Array("P0".utf8), Self.year(2025, completed: [5])],
            [Array("P1".utf8), Self.year(2025, completed: [1, 2]) + Self.year(2026, completed: [3])],
            [Array("P2".utf8), Self.year(2026, completed: [7]) + Self.year(2025, completed: [6])],
        ]
        let late = Reminder(project: "P2", date: Day(year: 2026, month: 5, day: 1)!, by: "b", note: "二", version: 1)
        let early = Reminder(project: "P2", date: Day(year: 2026, month: 4, day: 1)!, by: "a", note: "一:-", version: 2)
        let sameDay = Reminder(project: "P2", date: Day(year: 2026, month: 5, day: 1)!, by: "a", note: "", version: 1)
        let reminders: [[[UInt8]?]] = [[Array("P2".utf8), Array([late, early, sameDay].map {
            Self.packed(Codecs.reminder.encode($0) + [Int64($0.version).databaseValue])
        }.joined().utf8)]]
        let milestones: [[[UInt8]?]] = [[Array("P1".utf8), Array("start:20260301::3,unknown:1::1,approval:20250901:20250915:1".utf8)]]
        let counts: [[[UInt8]?]] = [[Array((Self.packed(["P1".databaseValue, Int64(2).databaseValue])
                                            + Self.packed(["P2".databaseValue, Int64(11).databaseValue])).utf8)]]
        let board = try BoardRows.read(FakeReader([[], projectRows, figures, reminders, milestones, counts, []]), figures: true, issuesOpenOn: nil)

        #expect(board.files.map(\.project) == projects)
        #expect(board.files[0].records.map { "\($0.month.iso)=\($0.completed.yuan)" } == ["2025-01=1", "2025-02=2", "2026-01=3"])
        #expect(board.files[1].records.map { "\($0.month.iso)=\($0.completed.yuan)" } == ["2025-01=6", "2026-01=7"])
        #expect(board.files[1].reminders == [early, sameDay, late])
        #expect(board.files[0].milestones.map(\.kind) == [.approval, .start])
        #expect(board.files[0].milestones[0].actual == Day(year: 2025, month: 9, day: 15) && board.files[0].milestones[1].planned == Day(year: 2026, month: 3, day: 1))
        #expect(board.files[0].milestones[1].actual == nil && board.files[0].milestones[1].version == 3)
        #expect(board.openIssues == ["P1": 2, "P2": 11])
        #expect(board.index == ["P1": 0, "P2": 1])
    }

    @Test func packedRowsOneAfterAnother() throws {
        let text = "2:P1" + "1:2" + "-" + "5:a:b-c"
        var at = 0
        try Array(text.utf8).withUnsafeBufferPointer { bytes in
            let first = try #require(PackedRow.cells(bytes, from: &at, count: 2, integers: [false, true]))
            #expect(first == ["P1".databaseValue, Int64(2).databaseValue])
            let second = try #require(PackedRow.cells(bytes, from: &at, count: 2, integers: [false, false]))
            #expect(second == [.null, "a:b-c".databaseValue])
            #expect(at == bytes.count)
            #expect(PackedRow.cells(bytes, from: &at, count: 1, integers: [false]) == nil, "nothing left")
        }
    }
}
