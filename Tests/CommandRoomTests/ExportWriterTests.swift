@testable import CommandRoom
import Foundation
import Testing

/// `x`'s two formats (issue 14 §8): CSV as Excel on Windows opens it, Markdown as a pipe table.
@Suite struct ExportWriterTests {
    let table = ExportTable(title: "临汾 · 三色看板, 截至 2026-10-31", headers: ["名称", "原因"],
                            rows: [["甲,乙", "他说\"快\""], ["第一行\n第二行", "=1+1"], ["a|b", "-12.5"]])

    @Test func csvStartsWithTheByteOrderMarkAndEndsEveryRowWithCRLF() {
        let bytes = [UInt8](ExportCSV.data(table))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "\"临汾 · 三色看板, 截至 2026-10-31\"\r\n\r\n名称,原因\r\n"
                + "\"甲,乙\",\"他说\"\"快\"\"\"\r\n\"第一行\n第二行\",'=1+1\r\na|b,-12.5\r\n")
        // Every line end between rows is CRLF; the one inside the quoted cell is the cell's own.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    }

    @Test func csvOfNoRowsIsTheTitleAndTheHeaders() {
        let text = String(decoding: ExportCSV.data(ExportTable(title: "T", headers: ["a", "b"], rows: [])).dropFirst(3), as: UTF8.self)
        #expect(text == "T\r\n\r\na,b\r\n")
    }

    @Test func markdownIsATitleAndAPipeTableWithEachCellOnOneLine() {
        let text = ExportMarkdown.text(table)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "# 临汾 · 三色看板, 截至 2026-10-31")
        #expect(lines[1] == "")
        #expect(lines[2] == "| 名称 | 原因 |")
        #expect(lines[3] == "| --- | --- |")
        #expect(lines[4] == "| 甲,乙 | 他说\"快\" |")
        #expect(lines[5] == "| 第一行<br>第二行 | =1+1 |")
        #expect(lines[6] == "| a\\|b | -12.5 |")
        #expect(lines.count == 8 && lines[7] == "")
    }

    @Test func markdownEscapesPipesMarkupAndEveryKindOfLineEnd() {
        #expect(ExportMarkdown.escape("a|b") == "a\\|b")
        #expect(ExportMarkdown.escape("x\\|y") == "x\\\\\\|y")
        #expect(ExportMarkdown.escape("*建议*_项目_`代码`") == "\\*建议\\*\\_项目\\_\\`代码\\`")
        #expect(ExportMarkdown.escape("<b>[链接]</b>") == "\\<b\\>\\[链接\\]\\</b\\>")
        #expect(ExportMarkdown.escape("一\r\n二\r三\n四") == "一<br>二<br>三<br>四")
        #expect(ExportMarkdown.escape("一\n\n二") == "一<br><br>二")
    }

    @Test func aTextPageIsWrittenAsItsOwnMarkdown() {
        let document = ExportDocument.markdown("# 通报\n\n## 一、总体情况\n")
        #expect(String(decoding: ExportMarkdown.data(document), as: UTF8.self) == "# 通报\n\n## 一、总体情况\n")
    }
}
