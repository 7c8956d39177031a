@testable import TerminalKit
import Testing
import TextLayout

/// The one-line text input (issue 11): a paste of thousands of characters is taken a key at a
/// time at the same cost per key, and drawn as it always was.
@Suite struct TextInputTests {
    /// 5,000 characters, Chinese and ASCII mixed.
    static let long: String = {
        let unit = "县城项目abc123，"
        return String(String(repeating: unit, count: 5_000 / unit.count + 1).prefix(5_000))
    }()

    /// The drawing as it was before the input kept its widths (re-measured from the start):
    /// the new one must put the same cells.
    static func referenceRender(_ text: String, cursor: Int, prompt: String, into canvas: inout Canvas, rect: Rect) {
        canvas.fill(rect.row(0))
        let used = canvas.put(prompt, x: rect.x, y: rect.y, limit: rect.width)
        let room = rect.width - used - 1
        guard room > 0 else { return }
        let chars = Array(text)
        var start = 0
        while DisplayWidth.of(String(chars[start..<cursor])) > room { start += 1 }
        canvas.put(String(chars[start...]), x: rect.x + used, y: rect.y, limit: room)
        let cursorX = rect.x + used + DisplayWidth.of(String(chars[start..<cursor]))
        canvas.restyle(Rect(x: cursorX, y: rect.y, width: 1, height: 1)) { $0.with(reverse: !$0.reverse) }
    }

    @Test func fiveThousandKeysGiveTheTextExactly() {
        var input = TextInput()
        for c in Self.long { #expect(input.handle(.character(c)) || true) }
        #expect(input.text == Self.long && input.count == 5_000 && input.cursor == 5_000)
        #expect(input.width == DisplayWidth.of(Self.long))
        // Edits in the middle keep the text, the cursor and the width in step.
        for _ in 0..<1_000 { _ = input.handle(.left) }
        _ = input.handle(.character("红"))
        _ = input.handle(.backspace)
        _ = input.handle(.backspace)
        var expected = Array(Self.long)
        expected.remove(at: 3_999)
        #expect(input.text == String(expected) && input.cursor == 3_999)
        _ = input.handle(.delete)
        expected.remove(at: 3_999)
        #expect(input.text == String(expected) && input.width == DisplayWidth.of(String(expected)))
        _ = input.handle(.control("u"))
        #expect(input.text == String(expected[3_999...]) && input.cursor == 0 && input.width == DisplayWidth.of(String(expected[3_999...])))
        _ = input.handle(.control("e"))
        for _ in 0..<input.count { _ = input.handle(.backspace) }
        #expect(input.isEmpty && input.width == 0 && input.cursor == 0)
    }

    @Test func controlCharactersAreNotTakenIn() {
        var input = TextInput("a\u{1B}[2Jb")
        #expect(input.text == "a[2Jb")
        #expect(input.handle(.character("\u{1B}")) && input.handle(.character("\u{9B}")))
        #expect(input.text == "a[2Jb" && input.cursor == 5)
    }

    @Test func drawingIsTheSameAsMeasuringFromTheStart() {
        let text = "项目abc工程" + String(repeating: "县城x", count: 12) + "尾"
        let count = Array(text).count
        for width in [3, 4, 9, 20, 80] {
            for cursor in stride(from: 0, through: count, by: 1) {
                var input = TextInput(text)
                input.cursor = cursor
                let rect = Rect(x: 1, y: 0, width: width, height: 1)
                var mine = Canvas(width: width + 2, height: 1)
                input.render(prompt: ":", into: &mine, rect: rect, style: .plain)
                var reference = Canvas(width: width + 2, height: 1)
                Self.referenceRender(text, cursor: cursor, prompt: ":", into: &reference, rect: rect)
                #expect(mine == reference, "width \(width), cursor \(cursor): \(mine.lines) vs \(reference.lines)")
            }
        }
    }

    @Test func aLongLineKeepsTheCursorInViewAndNeverSplitsAWideCharacter() {
        var input = TextInput()
        for c in Self.long { _ = input.handle(.character(c)) }
        var canvas = Canvas(width: 40, height: 1)
        input.render(prompt: ":", into: &canvas, rect: canvas.bounds, style: .plain)
        // The end of the text, then the cursor in the last column but one.
        let shown = canvas.line(0)
        #expect(shown.hasPrefix(":") && Self.long.hasSuffix(String(shown.dropFirst())), "\(shown)")
        #expect(canvas.cells.firstIndex { $0.style.reverse } == 38 || canvas.cells.firstIndex { $0.style.reverse } == 39)
        // Leading part for clipping: just wider than asked.
        #expect(DisplayWidth.of(input.leading(beyond: 10)) > 10 && DisplayWidth.of(input.leading(beyond: 10)) <= 12)
        #expect(TextInput("ab").leading(beyond: 10) == "ab")
    }
}
