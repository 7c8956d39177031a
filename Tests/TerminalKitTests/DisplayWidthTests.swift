import TerminalKit
import Testing
import TextLayout

@Suite struct DisplayWidthTests {
    @Test func cjkIsTwoColumnsAndCombiningMarksNone() {
        #expect(DisplayWidth.of("临汾") == 4)
        #expect(DisplayWidth.of("ABC") == 3)
        #expect(DisplayWidth.of("三色看板 ok") == 11)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("（万元）") == 8)
        #expect(DisplayWidth.of("\u{3000}") == 2)
        #expect(DisplayWidth.of("a\tb") == 2)   // a control takes no column; sanitized() shows it as a space
    }

    @Test func fitNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.fit("临汾市重点工程", 5) == "临汾…")
        #expect(DisplayWidth.fit("临汾市重点工程", 6) == "临汾… ")   // 市 would straddle the edge: left out
        #expect(DisplayWidth.of(DisplayWidth.fit("临汾市重点工程", 6)) == 6)
        #expect(DisplayWidth.fit("临汾", 6) == "临汾  ")
        #expect(DisplayWidth.fit("临汾", 6, alignRight: true) == "  临汾")
        #expect(DisplayWidth.prefix("临汾市", fitting: 3).text == "临")
        #expect(DisplayWidth.fit("ab", 1) == "…")
        #expect(DisplayWidth.fit("a\nb", 3) == "a b")
    }

    @Test func textTableAlignsMixedScriptsByWidth() {
        var table = TextTable(headers: ["编码", "名称", "金额"], alignments: [.left, .left, .right])
        table.append(["A1", "临汾产业园", "12"])
        table.append(["B22", "road", "3456"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines == [
            "编码  名称        金额",
            "----  ----------  ----",
            "A1    临汾产业园    12",
            "B22   road        3456",
        ])
        let widths = lines.map { DisplayWidth.of($0) }
        #expect(Set(widths).count == 1)
    }
}
