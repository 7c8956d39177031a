@testable import TerminalKit
import Testing
import TextLayout

@Suite struct CanvasTests {
    @Test func aWideCharacterIsNeverSplitAtTheEdge() {
        var c = Canvas(width: 5, height: 1)
        #expect(c.put("临汾市", x: 0, y: 0) == 5)   // 临汾 take 4 columns; 市 would straddle: a blank instead
        #expect(c.line(0) == "临汾")
        #expect(c[4, 0].text == " ")
        #expect(c[1, 0].isContinuation && c[3, 0].isContinuation)
    }

    @Test func writingOverHalfAWideCharacterBlanksTheOtherHalf() {
        var c = Canvas(width: 6, height: 1)
        c.put("临汾市", x: 0, y: 0)
        c.put("a", x: 1, y: 0)            // the right half of 临
        #expect(c.line(0) == " a汾市")
        c.put("b", x: 2, y: 0)            // the left half of 汾
        #expect(c.line(0) == " ab 市")
        c.put("中", x: 3, y: 0)           // a wide character over a blank and the left half of 市
        #expect(c.line(0) == " ab中")
        #expect((0..<6).map { c[$0, 0].isContinuation } == [false, false, false, false, true, false])
    }

    @Test func everyRowAddsUpToItsWidth() {
        var c = Canvas(width: 9, height: 2)
        c.put("ab临汾cd市", x: 0, y: 0)
        c.put("临汾", in: Rect(x: 1, y: 1, width: 3, height: 1))
        for y in 0..<2 {
            let columns = c.row(y).reduce(0) { $0 + ($1.isContinuation ? 1 : max(1, DisplayWidth.of($1.text))) }
            #expect(columns == 9 + c.row(y).filter { DisplayWidth.of($0.text) == 2 }.count)
        }
        #expect(c.line(1) == " 临…")
    }

    @Test func controlCharactersShowAsSpaces() {
        var c = Canvas(width: 6, height: 1)
        c.put("a\tb\nc", x: 0, y: 0)
        #expect(c.line(0) == "a b c")
    }

    @Test func aBoxCanBeAscii() {
        var c = Canvas(width: 6, height: 3)
        c.box(c.bounds, ascii: true)
        #expect(c.lines == ["+----+", "|    |", "+----+"])
        c.box(c.bounds)
        #expect(c.lines == ["┌────┐", "│    │", "└────┘"])
    }
}

@Suite struct TableTests {
    @Test func columnWidthsShareWhatIsLeftByWeight() {
        let columns = [TableColumn("a", .fixed(4)), TableColumn("b", .flex(min: 5, weight: 3)), TableColumn("c", .flex(min: 5, weight: 1))]
        #expect(TableView.widths(columns, total: 30) == [4, 16, 8])   // 14 left over: 10 and 3 by weight, 1 of rounding to the first
        #expect(TableView.widths(columns, total: 12).reduce(0, +) <= 12 - 2)
    }

    @Test func theSelectionStaysInView() {
        #expect(TableView.visibleOffset(selected: 0, offset: 0, height: 5, count: 20) == 0)
        #expect(TableView.visibleOffset(selected: 7, offset: 0, height: 5, count: 20) == 3)
        #expect(TableView.visibleOffset(selected: 4, offset: 3, height: 5, count: 20) == 3)
        #expect(TableView.visibleOffset(selected: 2, offset: 3, height: 5, count: 20) == 2)
        #expect(TableView.visibleOffset(selected: 19, offset: 0, height: 5, count: 20) == 15)
    }

    @Test func aTableRendersHeaderSectionsAndClippedCells() {
        var c = Canvas(width: 16, height: 4)
        let view = TableView(columns: [TableColumn("名称", .flex(min: 4, weight: 1)), TableColumn("数", .fixed(4), align: .right)],
                             rows: [TableRow(section: "一组"), TableRow([TableCell("临汾市重点工程"), TableCell("12")])], selected: 1)
        view.render(into: &c, rect: c.bounds)
        #expect(c.lines == ["名称          数", "一组", "临汾市重点…   12", ""])
        #expect(c[0, 2].style.reverse)
    }
}

@Suite struct ListTests {
    @Test func aListKeepsItsSelectionInViewAndSaysWhereItIs() {
        var c = Canvas(width: 14, height: 3)
        let items = (1...6).map { ListItem("第\($0)次会议纪要") }
        let list = ListView(items: items, selected: 4, indent: 1)
        list.render(into: &c, rect: c.bounds)
        #expect(list.firstVisible(height: 3) == 2)
        #expect(list.position(height: 3) == "3-5/6")
        // The mark sits at the right of the first row, over the line; no wide character is split.
        #expect(c.lines == [" 第3次  3-5/6", " 第4次会议纪要", " 第5次会议纪要"])
        #expect(c[0, 2].style.reverse && !c[0, 1].style.reverse)
    }

    @Test func aListThatFitsHasNoMarkAndAnOffsetIsClamped() {
        var c = Canvas(width: 10, height: 4)
        let list = ListView(items: [ListItem("甲"), ListItem("乙")], offset: 9)
        list.render(into: &c, rect: c.bounds)
        #expect(list.position(height: 4) == nil && list.firstVisible(height: 4) == 0)
        #expect(c.lines == ["甲", "乙", "", ""])
    }
}

@Suite struct StackedBarTests {
    @Test func aSingleCardIsNeverRoundedAway() {
        // shanxi's 制造业 group at 80 columns: ●5 ○3 ▲2 ■1 over 4 columns.
        let lengths = Widgets.segments([5, 3, 2, 1], width: 4)
        #expect(lengths == [1, 1, 1, 1])
        #expect(Widgets.segments([1, 1, 1, 0], width: 0) == [1, 1, 1, 0])
    }

    @Test func lengthsAddUpAndEqualCountsGiveEqualBars() {
        for width in [7, 20, 33] {
            let a = Widgets.segments([6, 2, 1, 1], width: width), b = Widgets.segments([6, 2, 1, 1], width: width)
            #expect(a == b && a.reduce(0, +) == width && a.allSatisfy { $0 > 0 })
        }
        #expect(Widgets.segments([10, 0, 0, 10], width: 21) == [11, 0, 0, 10])
        #expect(Widgets.segments([0, 0, 0, 0], width: 5) == [0, 0, 0, 0])
    }
}

@Suite struct InputAndThemeTests {
    @Test func textInputEdits() {
        var input = TextInput("card")
        _ = input.handle(.character(":"))
        _ = input.handle(.character("红"))
        #expect(input.text == "card:红" && input.cursor == 6)
        _ = input.handle(.home)
        _ = input.handle(.delete)
        #expect(input.text == "ard:红")
        _ = input.handle(.end)
        _ = input.handle(.backspace)
        #expect(input.text == "ard:")
        _ = input.handle(.control("u"))
        #expect(input.text.isEmpty)
        let handled = input.handle(.up)
        #expect(!handled)
    }

    @Test func themesParseAndRefuseMistakes() throws {
        let theme = try Theme.parse("""
            name = "t"
            [roles]
            "card.red" = { fg = "bright-white", bg = "red", bold = true }
            muted = { fg = 244 }
            """, file: "t.toml")
        #expect(theme.style("card.red") == Style(fg: .brightWhite, bg: .red, bold: true))
        #expect(theme.style("card.red.extra") == theme.style("card.red"))
        #expect(theme.style("muted").fg == .indexed(244))
        #expect(theme.monochrome.style("card.red") == Style(bold: true))
        #expect(throws: Theme.ParseError.self) { try Theme.parse("[roles]\nx = { fg = \"purple\" }", file: "bad.toml") }
        #expect(throws: Theme.ParseError.self) { try Theme.parse("[roles]\nx = { blink = true }", file: "bad.toml") }
        #expect(throws: Theme.ParseError.self) { try Theme.parse("roles = [", file: "bad.toml") }
    }

    @Test func coloursFallBackToWhatTheTerminalHas() {
        #expect(Color.indexed(196).reduced(to: 256) == .indexed(196))
        #expect(Color.indexed(196).reduced(to: 16) == .brightRed)
        #expect(Color.indexed(196).reduced(to: 8) == .red)
        #expect(Color.brightBlue.reduced(to: 8) == .blue)
        #expect(Color.indexed(244).reduced(to: 16) == .brightBlack)
        #expect(Color.default.reduced(to: 8) == .default)
    }

    @Test func keysFromTheTerminal() {
        #expect(NcursesScreen.characterKey(27) == .escape)
        #expect(NcursesScreen.characterKey(13) == .enter)
        #expect(NcursesScreen.characterKey(127) == .backspace)
        #expect(NcursesScreen.characterKey(3) == .control("c"))
        #expect(NcursesScreen.characterKey(0x4E34) == .character("临"))
    }
}
