import TerminalKit
import Testing
import TextLayout

/// Issue 11, item 7: control characters never reach a terminal as they are.
@Suite struct ControlCharacterTests {
    @Test func theCanvasNeverHoldsAControlCharacter() {
        var canvas = Canvas(width: 20, height: 2)
        let used = canvas.put("名\u{1B}[2J\u{07}\u{9B}1m\tx", x: 0, y: 0)
        #expect(canvas.line(0) == "名?[2J??1m x")
        #expect(used == 12)
        canvas.put("a\u{1B}b\u{7F}c", in: Rect(x: 0, y: 1, width: 20, height: 1))
        #expect(canvas.line(1) == "a?b?c")
        for cell in canvas.cells {
            #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
        }
        #expect(DisplayWidth.sanitized("a\u{1B}\tb\r\n") == "a? b  ")
        #expect(DisplayWidth.fit("\u{1B}[2J", 6) == "?[2J  ")
    }

    @Test func textForATerminalShowsControlCharactersEscaped() {
        #expect(TerminalText.escapingControls("项目\u{1B}[2J") == "项目\\u{1B}[2J")
        #expect(TerminalText.escapingControls("a\u{07}b\u{9B}c\u{7F}\r") == "a\\u{7}b\\u{9B}c\\u{7F}\\u{D}")
        // Bidirectional controls would make a name show other than it is.
        #expect(TerminalText.escapingControls("项目\u{202E}dcba") == "项目\\u{202E}dcba")
        #expect(TerminalText.escapingControls("\u{2066}x\u{2069}") == "\\u{2066}x\\u{2069}")
        // Line feeds and tabs stay: they are how text is laid out.
        #expect(TerminalText.escapingControls("a\tb\nc") == "a\tb\nc")
        #expect(TerminalText.escapingControls("普通文字") == "普通文字")
    }
}
