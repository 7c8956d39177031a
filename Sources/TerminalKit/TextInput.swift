import TextLayout
/// A one-line text input: the typed characters and a cursor.
///
/// Every key costs the same however long the line is (a 5,000-character paste must not take
/// minutes): the characters are kept as an array with each one's display width beside it and
/// the total width cached, so inserting at the end, deleting and moving are O(1) (amortised;
/// inserting in the middle moves the tail, a memmove). Drawing measures only what is drawn: it
/// walks back from the cursor for at most the field's width to find the first character
/// shown. Control characters are not taken into the text (a terminal would act on them).
public struct TextInput: Sendable {
    /// The characters typed, in order.
    public private(set) var characters: [Character]
    /// The display width of each character (columns), index for index with `characters`.
    private var widths: [Int]
    /// The total display width of the text (columns).
    public private(set) var width: Int
    /// The cursor: the index of the character it stands before (0...count).
    public var cursor: Int

    public init(_ text: String = "") {
        characters = []
        widths = []
        width = 0
        cursor = 0
        append(contentsOf: text)
    }

    /// The text (built from the characters: O(length); not called per key by the widget).
    public var text: String {
        get { String(characters) }
        set {
            characters = []; widths = []; width = 0
            let keep = cursor
            append(contentsOf: newValue)
            cursor = min(keep, characters.count)
        }
    }

    /// How many characters the text has.
    public var count: Int { characters.count }
    public var isEmpty: Bool { characters.isEmpty }

    private mutating func append(contentsOf text: String) {
        for c in text where TextInput.accepts(c) {
            let w = TextInput.width(of: c)
            characters.append(c); widths.append(w); width += w
        }
        cursor = characters.count
    }

    /// Whether a character may be typed in: not a control character (C0, DEL, C1).
    static func accepts(_ c: Character) -> Bool {
        !c.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }
    }

    static func width(of c: Character) -> Int {
        var w = 0
        for s in c.unicodeScalars { w += DisplayWidth.of(s) }
        return w
    }

    /// Edits for a key; false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        cursor = max(0, min(characters.count, cursor))
        switch key {
        case let .character(c):
            guard TextInput.accepts(c) else { return true }
            let w = TextInput.width(of: c)
            if cursor == characters.count {
                characters.append(c); widths.append(w)
            } else {
                characters.insert(c, at: cursor); widths.insert(w, at: cursor)
            }
            width += w
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            cursor -= 1
            remove(at: cursor)
        case .delete:
            guard cursor < characters.count else { return true }
            remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"):
            if cursor == characters.count {
                characters.removeAll(keepingCapacity: true); widths.removeAll(keepingCapacity: true); width = 0
            } else {
                width -= widths[..<cursor].reduce(0, +)
                characters.removeFirst(cursor); widths.removeFirst(cursor)
            }
            cursor = 0
        default: return false
        }
        return true
    }

    private mutating func remove(at index: Int) {
        width -= widths[index]
        if index == characters.count - 1 {
            characters.removeLast(); widths.removeLast()
        } else {
            characters.remove(at: index); widths.remove(at: index)
        }
    }

    /// The shortest leading part of the text wider than `columns` (the whole text when it is
    /// not): enough to clip it to `columns` with `DisplayWidth.fit`, in O(columns).
    public func leading(beyond columns: Int) -> String {
        var out = ""
        var used = 0
        var i = 0
        while i < characters.count, used <= columns {
            out.append(characters[i])
            used += widths[i]
            i += 1
        }
        return out
    }

    /// The first character shown when `room` columns hold the text before the cursor: the
    /// cursor stays in view, at the right edge on a long line. Walks back from the cursor, so
    /// it costs at most `room` characters (zero-width ones aside).
    func firstShown(room: Int) -> (index: Int, cursorColumn: Int) {
        let cursor = max(0, min(characters.count, self.cursor))
        var start = cursor
        var used = 0
        while start > 0, used + widths[start - 1] <= room {
            start -= 1
            used += widths[start]
        }
        return (start, used)
    }

    /// Draws `prompt` and the text with the cursor shown reversed.
    public func render(prompt: String, into canvas: inout Canvas, rect: Rect, style: Style) {
        canvas.fill(rect.row(0), style: style)
        let used = canvas.put(prompt, x: rect.x, y: rect.y, limit: rect.width, style: style)
        let room = rect.width - used - 1
        guard room > 0 else { return }
        let (start, cursorColumn) = firstShown(room: room)
        // Only what fits (and the one character that would straddle the edge, which `put`
        // blanks rather than splits).
        var visible = ""
        var shown = 0
        var i = start
        while i < characters.count, shown < room {
            visible.append(characters[i])
            shown += widths[i]
            i += 1
        }
        // Zero-width characters right after the last one shown stay with it.
        while i < characters.count, widths[i] == 0 { visible.append(characters[i]); i += 1 }
        canvas.put(visible, x: rect.x + used, y: rect.y, limit: room, style: style)
        canvas.restyle(Rect(x: rect.x + used + cursorColumn, y: rect.y, width: 1, height: 1)) { $0.with(reverse: !$0.reverse) }
    }
}

extension TextInput: Equatable {
    /// Equal when the text and the cursor are (the widths follow from the text).
    public static func == (a: TextInput, b: TextInput) -> Bool {
        a.cursor == b.cursor && a.characters == b.characters
    }
}
