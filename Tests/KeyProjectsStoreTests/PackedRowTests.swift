import GRDB
@testable import KeyProjectsStore
import Testing

/// The server's packed rows (PostgreSQL's board load) read back cell for cell, whatever the
/// text holds: colons, digits, dashes, CJK, empty text, NULLs.
struct PackedRowTests {
    @Test func cellsComeBackAsTheyWere() throws {
        let texts = ["LF2026-0001", "12:30", "-", "", "2026", "临汾市：尧都区", "a-b:c", "😀"]
        // As the server packs them: `<bytes>:<text>`, `-` for NULL; column 2 an integer.
        let packed = "11:LF2026-0001" + "5:12:30" + "4:-128" + "1:-" + "-" + "0:" + "4:2026" + "\(("临汾市：尧都区").utf8.count):临汾市：尧都区"
            + "5:a-b:c" + "4:😀"
        let cells = try #require(PackedRow.cells(packed, count: 10, integers: [2]))
        #expect(cells[0] == "LF2026-0001".databaseValue && cells[1] == "12:30".databaseValue)
        #expect(cells[2] == Int64(-128).databaseValue)
        #expect(cells[3] == "-".databaseValue && cells[4] == .null && cells[5] == "".databaseValue)
        #expect(cells[6] == "2026".databaseValue, "a text column of digits stays text")
        #expect(cells[7] == texts[5].databaseValue && cells[8] == "a-b:c".databaseValue && cells[9] == "😀".databaseValue)
    }

    @Test func aRowThatDoesNotAddUpIsRefused() {
        #expect(PackedRow.cells("3:abc", count: 2, integers: []) == nil)
        #expect(PackedRow.cells("9:abc", count: 1, integers: []) == nil)
        #expect(PackedRow.cells("3:abc", count: 1, integers: [0]) == nil, "an integer column that is not one")
    }
}

extension PackedRow {
    /// The cells of a packed row given as text; nil when it is not `count` cells or an integer
    /// column is not one.
    static func cells(_ packed: String, count: Int, integers: Set<Int>) -> [DatabaseValue]? {
        var packed = packed
        let mask = mask(count: count, integers: Array(integers))
        return packed.withUTF8 { cells($0, count: count, integers: mask) }
    }
}
