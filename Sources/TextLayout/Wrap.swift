extension DisplayWidth {
    /// `text` broken into lines of at most `columns`, the one way the program wraps prose: at
    /// spaces in English, between characters in Chinese, never before closing punctuation or
    /// after opening punctuation, never between a number and its measure word (`LineBreak`).
    /// Lines after the first start with `indent` spaces (left out when that would take more
    /// than half the width); a line break in `text` starts a new line. A unit wider than a
    /// line is cut between characters; a line is wider than `columns` only when it holds a
    /// single character wider than that (a CJK character at one column). A no-break space
    /// (U+00A0) keeps two words together (`:lang en`) and comes out as a plain space.
    public static func wrap(_ text: String, columns: Int, indent: Int = 2) -> [String] {
        guard text.contains(where: \.isNewline) || of(text) > columns else { return [plainSpaces(text)] }
        var filler = LineFiller(columns: max(1, columns), indent: indent * 2 <= columns ? indent : 0)
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            filler.add(paragraph)
        }
        return filler.lines.map(plainSpaces)
    }

    /// No-break spaces as spaces: `--ascii` would show them as `?`.
    static func plainSpaces(_ line: String) -> String {
        line.contains("\u{00A0}") ? line.replacingOccurrences(of: "\u{00A0}", with: " ") : line
    }
}

/// Fills lines with a paragraph's units, greedily: a unit goes on the line if it fits, else
/// on the next one; a unit no line can hold is cut between characters. A paragraph's last
/// line is not left with one Chinese character (孤字): the line before gives it a unit.
struct LineFiller {
    /// A line being filled: what starts it (the indent, or the paragraph's own leading spaces)
    /// and its units, each with the spaces before it (not drawn at the line's start). Leads
    /// and gaps are plain spaces: as many columns as bytes.
    struct Row {
        var lead: String
        var units: [LineBreak.Unit] = []
        var text: String {
            var out = lead
            for (i, u) in units.enumerated() { out += (i == 0 ? "" : u.gap) + u.text }
            while out.last == " " { out.removeLast() }
            return out
        }
        var width: Int { lead.utf8.count + units.enumerated().reduce(0) { $0 + ($1.offset == 0 ? 0 : $1.element.gap.utf8.count) + $1.element.width } }
    }

    let columns: Int
    let pad: String
    var lines: [String] = []
    var rows: [Row] = []
    var width = 0

    init(columns: Int, indent: Int) {
        self.columns = columns
        pad = String(repeating: " ", count: max(0, indent))
    }

    mutating func add(_ paragraph: Substring) {
        let (lead, units) = LineBreak.units(paragraph)
        rows = []
        start(lead)
        for unit in units { place(unit) }
        keepNoOrphan()
        lines += rows.map(\.text)
    }

    /// A new line: the paragraph's own leading spaces on the first, the indent on the others.
    mutating func start(_ lead: String) {
        let row = Row(lead: (lines.isEmpty && rows.isEmpty ? "" : pad) + lead)
        width = row.lead.utf8.count
        rows.append(row)
    }

    var filled: Bool { !rows[rows.count - 1].units.isEmpty }

    mutating func append(_ unit: LineBreak.Unit) {
        width += (filled ? unit.gap.utf8.count : 0) + unit.width
        rows[rows.count - 1].units.append(unit)
    }

    mutating func place(_ unit: LineBreak.Unit) {
        if filled {
            if width + unit.gap.utf8.count + unit.width <= columns { append(unit); return }
            // A unit no line can hold (a long path) is cut anyway: it starts where it is when a
            // fair part of it fits there, rather than leaving the line short.
            let tooWide = pad.utf8.count + unit.width > columns
            if !tooWide || columns - width - unit.gap.utf8.count < 8 { start("") }
        }
        if width + (filled ? unit.gap.utf8.count : 0) + unit.width <= columns { append(unit); return }
        // Too wide for any line: cut between characters (spaces inside it end up at the
        // line's end, where they are dropped, or its start, where they are skipped).
        var gap = filled ? unit.gap : ""
        for c in unit.text {
            let w = DisplayWidth.of(c)
            if filled && width + gap.utf8.count + w > columns { start(""); gap = "" }
            if !filled && c == " " { continue }
            // Not even one character fits after the indent: the indent goes.
            if !filled && width + w > columns { rows[rows.count - 1].lead = ""; width = 0 }
            append(LineBreak.Unit(gap: gap, text: String(c), width: w))
            gap = ""
        }
    }

    /// A last line of one Chinese character (with its punctuation) takes the unit before it
    /// down with it, when the line before keeps at least one and the two fit.
    mutating func keepNoOrphan() {
        guard rows.count >= 2, let orphan = rows[rows.count - 1].units.first, rows[rows.count - 1].units.count == 1,
              orphan.gap.isEmpty, orphan.width <= 4, let first = orphan.text.first, LineBreak.isWide(first),
              rows[rows.count - 2].units.count >= 2, let moved = rows[rows.count - 2].units.last else { return }
        var last = rows[rows.count - 1]
        last.units.insert(moved, at: 0)
        guard last.width <= columns else { return }
        rows[rows.count - 2].units.removeLast()
        rows[rows.count - 1] = last
    }
}
