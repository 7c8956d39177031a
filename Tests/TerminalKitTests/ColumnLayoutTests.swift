@testable import TerminalKit
import Testing
import TextLayout

/// Tables scrolled sideways: where the columns go, the marks, and the text tables read back.
@Suite struct ColumnLayoutTests {
    func places(_ layout: ColumnLayout) -> [[Int]] { layout.placed.map { [$0.index, $0.x, $0.width] } }

    @Test func aTableThatFitsDoesNotScroll() {
        let layout = ColumnLayout(widths: [3, 4, 5], gap: 1, total: 20, frozen: 1, offset: 2)
        #expect(!layout.overflows && layout.offset == 0 && layout.markerX == nil)
        #expect(places(layout) == [[0, 0, 3], [1, 4, 4], [2, 9, 5]])
    }

    @Test func theFirstColumnStaysAndTheOthersScrollByWholeColumns() {
        // 4 + 6 + 6 + 6 and three gaps: 25 columns in 16, the last for the marker.
        var layout = ColumnLayout(widths: [4, 6, 6, 6], gap: 1, total: 16, frozen: 1, offset: 0)
        #expect(layout.maxOffset == 2 && layout.markerX == 15 && layout.frozenWidth == 5)
        #expect(places(layout) == [[0, 0, 4], [1, 5, 6], [2, 12, 3]])   // the third cut at the edge
        #expect(layout.moreRight && !layout.moreLeft && layout.leftMarkerX == nil)
        layout = ColumnLayout(widths: [4, 6, 6, 6], gap: 1, total: 16, frozen: 1, offset: 1)
        #expect(places(layout) == [[0, 0, 4], [2, 5, 6], [3, 12, 3]])
        #expect(layout.leftMarkerX == 4)
        layout = ColumnLayout(widths: [4, 6, 6, 6], gap: 1, total: 16, frozen: 1, offset: 9)
        #expect(layout.offset == 2 && !layout.moreRight)
        #expect(places(layout) == [[0, 0, 4], [3, 5, 6]])
    }

    @Test func frozenColumnsThatLeaveNoRoomAreNotFrozen() {
        let layout = ColumnLayout(widths: [14, 6, 6], gap: 1, total: 12, frozen: 1, offset: 1)
        #expect(layout.frozenWidth == 0)
        #expect(places(layout) == [[1, 0, 6], [2, 7, 4]])
    }

    @Test func theFirstViewIsFilledByItsFlexibleColumns() {
        let columns = [TableColumn("A", .fixed(4)), TableColumn("B", .flex(min: 6, weight: 1)), TableColumn("C", .fixed(6)),
                       TableColumn("D", .flex(min: 6, weight: 1))]
        #expect(TableView.scrollingWidths(columns, total: 20) == [4, 7, 6, 6])
        // When the least widths fit, as `widths`.
        #expect(TableView.scrollingWidths(columns, total: 40) == TableView.widths(columns, total: 40))
    }

    @Test func aScrolledTableShowsItsMarks() {
        let columns = ["A", "B", "C", "D"].map { TableColumn($0, .fixed($0 == "A" ? 4 : 6)) }
        let rows = [TableRow(["a1", "b1", "c1", "d1"].map { TableCell($0) })]
        func draw(_ offset: Int, _ marks: ScrollMarks = .unicode) -> [String] {
            var canvas = Canvas(width: 16, height: 2)
            var view = TableView(columns: columns, rows: rows)
            view.columnOffset = offset
            view.scrollMarks = marks
            view.render(into: &canvas, rect: canvas.bounds)
            return canvas.lines
        }
        #expect(draw(0) == ["A    B      C  ›", "a1   b1     c1"])
        #expect(draw(1) == ["A   ‹C      D  ›", "a1   c1     d1"])
        #expect(draw(2) == ["A   ‹D", "a1   d1"])
        #expect(draw(1, .ascii) == ["A   <C      D  >", "a1   c1     d1"])
        // Without a column offset a table too wide shrinks as it always did.
        var canvas = Canvas(width: 16, height: 2)
        TableView(columns: columns, rows: rows).render(into: &canvas, rect: canvas.bounds)
        #expect(canvas.lines[1].hasPrefix("a1"))
    }

    @Test func aTextTableIsReadBackFromItsUnderline() {
        #expect(TextTable.columns(ofUnderline: "----  --  ---")!.map { [$0.start, $0.width] } == [[0, 4], [6, 2], [10, 3]])
        #expect(TextTable.columns(ofUnderline: "- 红牌 · 项目") == nil)
        #expect(TextTable.columns(ofUnderline: "") == nil)
        var table = TextTable(headers: ["名称", "n"])
        table.append(["古县", "12"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(TextTable.columns(ofUnderline: lines[1])!.map { [$0.start, $0.width] } == [[0, 4], [6, 2]])
    }

    @Test func aSliceOfTextByColumnsNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.slice("古县ab", from: 1, width: 3) == " 县")
        #expect(DisplayWidth.slice("古县ab", from: 3, width: 2) == " a")
        #expect(DisplayWidth.slice("ab", from: 0, width: 5) == "ab   ")
        #expect(DisplayWidth.slice("古县", from: 4, width: 2) == "  ")
    }
}
