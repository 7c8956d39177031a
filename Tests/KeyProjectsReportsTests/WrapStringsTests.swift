import StringTables
import Testing
@testable import TextLayout

/// The line breaker over every sentence the program has, in both languages.
@Suite struct WrapStringsTests {
    /// Every word of both strings tables at every width: no line wider than the limit (unless
    /// it is one character), nothing lost but the spaces at breaks, and where every unit fits a
    /// line, no line starts with closing or ends with opening punctuation.
    @Test func theStringsTablesWrapWithinTheirWidth() {
        for strings in [Strings.zh, Strings.en] {
            for key in strings.keys.sorted() {
                let text = strings[key]
                for columns in [1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 30, 40] {
                    let lines = DisplayWidth.wrap(text, columns: columns, indent: 2)
                    for line in lines {
                        #expect(DisplayWidth.of(line) <= columns || line.trimmingSpaces().count == 1, "\(key) at \(columns): \(line)")
                    }
                    func visible(_ c: Character) -> Bool { c != " " && c != "\u{00A0}" && !c.isNewline }
                    #expect(lines.joined().filter(visible) == text.filter(visible),
                            "\(key) at \(columns)")
                    let widest = text.split(whereSeparator: \.isNewline).flatMap { LineBreak.units($0).units }.map(\.width).max() ?? 0
                    guard widest <= columns - 2 else { continue }
                    for (i, line) in lines.enumerated() {
                        if i > 0, let first = line.trimmingSpaces().first, text.contains(where: \.isNewline) == false {
                            #expect(!LineBreak.noStart.contains(first) || first.isASCII, "\(key) at \(columns): \(lines)")
                        }
                        if i < lines.count - 1, let last = line.last { #expect(!LineBreak.noEnd.contains(last) || last.isASCII, "\(key) at \(columns): \(lines)") }
                    }
                }
            }
        }
    }
}

extension String {
    func trimmingSpaces() -> Substring {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
