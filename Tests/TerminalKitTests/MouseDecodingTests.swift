import TerminalKit
import Testing

/// Mouse reports as terminals send them after Esc (SGR, and X10 from terminals that ignore
/// 1006): decoded to events, never left to be read as keys.
@Suite struct MouseDecodingTests {
    func decode(_ text: String) -> EscapeSequence.Decoded { EscapeSequence.decode(Array(text)) }

    @Test(arguments: [
        ("[<0;5;1M", MouseEvent(.press(.left), x: 4, y: 0)),
        ("[<0;5;1m", MouseEvent(.release, x: 4, y: 0)),
        ("[<1;10;20M", MouseEvent(.press(.middle), x: 9, y: 19)),
        ("[<2;80;24M", MouseEvent(.press(.right), x: 79, y: 23)),
        ("[<64;3;7M", MouseEvent(.wheelUp, x: 2, y: 6)),
        ("[<65;3;7M", MouseEvent(.wheelDown, x: 2, y: 6)),
        ("[<4;1;1M", MouseEvent(.press(.left), x: 0, y: 0, modified: true)),     // Shift
        ("[<16;1;1M", MouseEvent(.press(.left), x: 0, y: 0, modified: true)),    // Ctrl
        ("[<0;300;100M", MouseEvent(.press(.left), x: 299, y: 99)),             // beyond X10's 223
    ])
    func anSGRReportIsItsEvent(_ sequence: String, _ event: MouseEvent) {
        #expect(decode(sequence) == .complete(.mouse(event), consumed: sequence.count))
    }

    @Test func anX10ReportIsItsEvent() {
        // ESC [ M, then 32 + the button code, 33 + the column, 33 + the row.
        #expect(decode("[M %!") == .complete(.mouse(MouseEvent(.press(.left), x: 4, y: 0)), consumed: 5))
        #expect(decode("[M#%!") == .complete(.mouse(MouseEvent(.release, x: 4, y: 0)), consumed: 5))
        #expect(decode("[M`!!") == .complete(.mouse(MouseEvent(.wheelUp, x: 0, y: 0)), consumed: 5))
        #expect(decode("[Ma!!") == .complete(.mouse(MouseEvent(.wheelDown, x: 0, y: 0)), consumed: 5))
        // Its bytes may be anything printable, `[` and `~` included: they are not parameters.
        #expect(decode("[M [~") == .complete(.mouse(MouseEvent(.press(.left), x: 58, y: 93)), consumed: 5))
    }

    @Test func aReportArrivingInPiecesIsIncompleteUntilWhole() {
        for whole in ["[<0;12;7M", "[<65;3;7m", "[M %!"] {
            let chars = Array(whole)
            for n in 0..<chars.count { #expect(decode(String(chars[..<n])) == .incomplete, "\(whole) cut at \(n)") }
            if case .complete(.mouse, consumed: chars.count) = decode(whole) {} else { Issue.record("\(whole): \(decode(whole))") }
        }
    }

    @Test func onlyTheReportIsConsumedAndKeysAfterItStay() {
        #expect(decode("[<0;5;1Mjk") == .complete(.mouse(MouseEvent(.press(.left), x: 4, y: 0)), consumed: 8))
        #expect(decode("[M %!q") == .complete(.mouse(MouseEvent(.press(.left), x: 4, y: 0)), consumed: 5))
    }

    @Test(arguments: [
        "[<0;5M",        // a field missing
        "[<0;5;1;2M",    // one too many
        "[<;5;1M",       // a field empty
        "[<0;0;1M",      // column 0: coordinates start at 1
        "[<35;5;1M",     // motion: not asked for
        "[<66;5;1M",     // the wheel tilted sideways
        "[<0;5;1~",      // not M or m
    ])
    func aMalformedOrUnusedReportIsDroppedWhole(_ sequence: String) {
        #expect(decode(sequence) == .complete(.ignored, consumed: sequence.count))
    }

    @Test func garbageInsideAReportIsDroppedNotTyped() {
        // A character that cannot be in a CSI ends it: what came so far goes with it.
        #expect(decode("[<0;5\u{4E2D}") == .complete(.ignored, consumed: 5))
        // An X10 report with a control character where a byte should be is no report.
        #expect(decode("[M\u{7}!!") == .complete(.ignored, consumed: 5))
    }

    @Test func turningReportingOnAsksForPressesInSGRFormAndOffUndoesIt() {
        #expect(MouseReport.on == "\u{1B}[?1000h\u{1B}[?1006h")
        #expect(MouseReport.off == "\u{1B}[?1006l\u{1B}[?1000l")
    }
}

/// The regions a frame records as it is drawn, and which one a click finds.
@Suite struct HitRegionTests {
    @Test func theRegionDrawnLastIsOnTopAndLayersAreKept() {
        var canvas = Canvas(width: 20, height: 5)
        canvas.hit(Rect(x: 0, y: 0, width: 20, height: 5), .row(0))
        canvas.hitLayer = 1
        canvas.hit(Rect(x: 5, y: 1, width: 5, height: 2), .area)
        #expect(canvas.hit(atX: 6, y: 2) == HitRegion(Rect(x: 5, y: 1, width: 5, height: 2), .area, layer: 1))
        #expect(canvas.hit(atX: 10, y: 2)?.target == .row(0))
        #expect(canvas.hit(atX: 10, y: 2)?.layer == 0)
        #expect(canvas.hit(atX: 20, y: 0) == nil)
    }

    @Test func aRegionIsClippedToTheCanvas() {
        var canvas = Canvas(width: 10, height: 3)
        canvas.hit(Rect(x: -2, y: 2, width: 20, height: 5), .row(1))
        #expect(canvas.hits == [HitRegion(Rect(x: 0, y: 2, width: 10, height: 1), .row(1), layer: 0)])
        canvas.hit(Rect(x: 12, y: 0, width: 3, height: 1), .row(2))
        #expect(canvas.hits.count == 1)
    }

    @Test func tabsAndTheKeyBarRecordWhereEachEntryIs() {
        var canvas = Canvas(width: 40, height: 2)
        let width = Widgets.tabs(["看板", "问题"], active: 0, into: &canvas, at: 1, y: 0, style: .plain, activeStyle: .plain)
        // " 1 看板 " is 8 columns wide, then " 2 问题 ".
        #expect(width == 16)
        #expect(canvas.hit(atX: 1, y: 0)?.target == .tab(0))
        #expect(canvas.hit(atX: 8, y: 0)?.target == .tab(0))
        #expect(canvas.hit(atX: 9, y: 0)?.target == .tab(1))
        #expect(canvas.hit(atX: 17, y: 0) == nil)
        let drawn = Widgets.keyBar([(key: "?", label: "帮助"), (key: "q", label: "退出")], into: &canvas,
                                   rect: Rect(x: 0, y: 1, width: 40, height: 1), keyStyle: .plain, labelStyle: .plain)
        #expect(drawn == [Rect(x: 0, y: 1, width: 6, height: 1), Rect(x: 8, y: 1, width: 6, height: 1)])
    }

    @Test func aKeyBarEntryThatDoesNotFitIsNotRecorded() {
        var canvas = Canvas(width: 10, height: 1)
        let drawn = Widgets.keyBar([(key: "?", label: "帮助"), (key: "q", label: "退出")], into: &canvas,
                                   rect: Rect(x: 0, y: 0, width: 10, height: 1), keyStyle: .plain, labelStyle: .plain)
        #expect(drawn.count == 1)
    }

    @Test func aModalCoversWhatIsUnderIt() {
        var canvas = Canvas(width: 40, height: 10)
        canvas.hit(canvas.bounds, .row(3))
        let inner = Widgets.modal(title: "t", lines: ["a", "b"], into: &canvas, within: canvas.bounds, ascii: true,
                                  style: .plain, borderStyle: .plain)
        #expect(canvas.hit(atX: inner.x, y: inner.y)?.target == .area)
        #expect(canvas.hit(atX: 0, y: 0)?.target == .row(3))
    }

    @Test func aTableAndAListRecordTheRowsTheyDraw() {
        var canvas = Canvas(width: 20, height: 6)
        let rows = [TableRow(section: "group"), TableRow([TableCell("a")]), TableRow([TableCell("b")])]
        TableView(columns: [TableColumn("name", .flex(min: 4, weight: 1))], rows: rows).hits { .row(10 + $0) }
            .render(into: &canvas, rect: Rect(x: 0, y: 0, width: 20, height: 4))
        // The header at row 0, the section (not clickable) at 1, then the rows.
        #expect(canvas.hit(atX: 3, y: 1) == nil)
        #expect(canvas.hit(atX: 3, y: 2)?.target == .row(11))
        #expect(canvas.hit(atX: 3, y: 3)?.target == .row(12))
        ListView(items: (0..<5).map { ListItem("line \($0)") }, selected: 4).hits { $0 == 3 ? nil : .row($0, list: 1) }
            .render(into: &canvas, rect: Rect(x: 0, y: 4, width: 20, height: 2))
        // Scrolled to keep the selection in view: lines 3 and 4 show, only 4 recorded.
        #expect(canvas.hit(atX: 0, y: 4) == nil)
        #expect(canvas.hit(atX: 0, y: 5)?.target == .row(4, list: 1))
    }
}
