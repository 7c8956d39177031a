/// Where prose may break, Chinese and English alike: a cut-down UAX #14 with the Chinese rules
/// of W3C's clreq (避头尾). A paragraph becomes units that stay on one line, each with the
/// spaces before it; `DisplayWidth.wrap` fills lines with them.
///
/// - Between two CJK characters a line may break; between a CJK character and a Latin one too.
/// - A run of Latin letters, digits and ASCII punctuation is never broken; spaces are breaks.
/// - A number stays with the measure word or unit after it (`3 个`, `1,200 万元`, `12.5%`).
/// - Closing punctuation (。，、）》 …) never starts a line: it stays with what is before it.
///   Opening punctuation (（《「 …) never ends one: it stays with what follows.
enum LineBreak {
    /// A piece of a paragraph that stays on one line, and the spaces before it (dropped where
    /// the line breaks).
    struct Unit: Equatable {
        var gap: String
        var text: String
        var width: Int
    }

    /// Never at the start of a line (行首禁则): closing brackets and quotes, stops, commas,
    /// colons, the ellipsis and dash (which are not split either), percent signs.
    static let noStart: Set<Character> = [
        "。", "，", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】", "〕", "〗", "〉", "］", "｝",
        "”", "’", "…", "—", "·", "・", "～", "％", "‰", "℃", "．", "﹐", "﹒",
        ")", "]", "}", ",", ".", ";", ":", "!", "?", "%",
    ]
    /// Never at the end of a line (行尾禁则): opening brackets and quotes.
    static let noEnd: Set<Character> = ["（", "《", "「", "『", "【", "〔", "〖", "〈", "［", "｛", "“", "‘", "(", "[", "{"]

    /// The same as scalars: a Character's hash normalises it, a scalar's is a number.
    static let noStartScalars = Set(noStart.map { $0.unicodeScalars.first!.value })
    static let noEndScalars = Set(noEnd.map { $0.unicodeScalars.first!.value })

    /// Measure words and units a number keeps (longest first, so `万元` wins over `万`).
    static let measureWords: [[Character]] = [
        "个", "项", "件", "名", "位", "人", "户", "家", "次", "轮", "批", "期", "届", "处", "座", "条", "所", "台",
        "套", "张", "份", "宗", "类", "种", "级", "层", "栋", "辆", "本", "篇", "号", "倍", "成",
        "年", "月", "日", "天", "周", "季", "季度", "个月", "小时", "分钟", "秒", "岁",
        "元", "万", "亿", "千", "百", "万元", "亿元", "千元", "万人", "万户", "万吨", "吨", "亩", "万亩", "公顷",
        "米", "公里", "千米", "平方米", "平方公里", "立方米", "千瓦", "兆瓦", "万千瓦", "%", "％", "‰",
    ].map(Array.init).sorted { $0.count > $1.count }

    /// What the rules need to know of a character.
    struct Class {
        var width: Int
        var noStart: Bool
        var noEnd: Bool
        var ascii: Bool
        var wide: Bool { width >= 2 }

        init(_ c: Character) {
            width = DisplayWidth.of(c)
            let scalars = c.unicodeScalars
            let single = scalars.index(after: scalars.startIndex) == scalars.endIndex
            let v = scalars.first!.value
            noStart = single && LineBreak.noStartScalars.contains(v)
            noEnd = single && LineBreak.noEndScalars.contains(v)
            ascii = v < 0x80
        }
    }

    /// Two columns: CJK, fullwidth forms.
    static func isWide(_ c: Character) -> Bool { DisplayWidth.of(c) >= 2 }

    /// Whether a line may break between `a` and `b`, with spaces between them or not. ASCII
    /// punctuation binds only to what touches it (`a :b` may break at the space: a command
    /// line's `:month`), CJK punctuation even across spaces (`红牌 · 项目`).
    static func mayBreak(_ a: Class, _ b: Class, spaced: Bool) -> Bool {
        if b.noStart && (!spaced || !b.ascii) { return false }
        if a.noEnd && (!spaced || !a.ascii) { return false }
        return spaced || a.wide || b.wide
    }

    /// Whether the Latin run ends in a number (`3`, `1,200`, `12.5`, `-5`, `(3`), not in a
    /// code or a date (`Q2026-0040`, `2026-10-31`).
    static func endsInNumber(_ run: ArraySlice<Character>) -> Bool {
        func digit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        guard let last = run.last, digit(last) else { return false }
        var start = run.endIndex - 1
        while start > run.startIndex, digit(run[start - 1]) || run[start - 1] == "," || run[start - 1] == "." { start -= 1 }
        while !digit(run[start]) { start += 1 }   // `,5`: the number starts at the digit
        let before = run[..<start]
        if before.count == 1, let sign = before.first, "+-−".contains(sign) { return true }
        return before.allSatisfy { !$0.isLetter && !$0.isNumber && !"-_/:.,".contains($0) }
    }

    /// The first scalars of the measure words: most characters start none.
    static let measureStarts = Set(measureWords.map { $0[0].unicodeScalars.first!.value })

    /// The length of the measure word at `i`, or 0.
    static func measureWord(in chars: [Character], at i: Int) -> Int {
        guard measureStarts.contains(chars[i].unicodeScalars.first!.value) else { return 0 }
        for word in measureWords where i + word.count <= chars.count && chars[i..<(i + word.count)].elementsEqual(word) { return word.count }
        return 0
    }

    /// A paragraph (no line breaks) as its leading spaces and its units.
    static func units(_ paragraph: Substring) -> (lead: String, units: [Unit]) {
        let chars = Array(paragraph)
        // Where each character starts, to cut the units out of the text (not rebuild them).
        let at = Array(paragraph.indices) + [paragraph.endIndex]
        func text(_ range: Range<Int>) -> String { String(paragraph[at[range.lowerBound]..<at[range.upperBound]]) }
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        let lead = text(0..<i)
        var units: [Unit] = []
        // The unit being built: chars[start..<end], the spaces before it chars[gap], its width.
        var start = i, end = i, gap = i..<i, width = 0
        var previous: Class?
        var runStart: Int?            // the Latin run (narrow, no spaces) that ends the unit
        var gluedUntil = 0            // a measure word's characters stay with the number
        while i < chars.count {
            guard chars[i] != " " else { i += 1; continue }
            let c = Class(chars[i])
            let spaced = i > end
            if let a = previous {
                var breaks = i >= gluedUntil && mayBreak(a, c, spaced: spaced)
                if i >= gluedUntil, let r = runStart, chars[end - 1].isASCII, chars[end - 1].isNumber, endsInNumber(chars[r..<end]) {
                    let length = measureWord(in: chars, at: i)
                    if length > 0 { breaks = false; gluedUntil = i + length }
                }
                // An option (`--repair`) stays with the word before it: `check --repair`.
                if breaks, spaced, chars[i] == "-", i + 1 < chars.count, chars[i + 1] == "-", chars[end - 1].isASCII, chars[end - 1].isLetter {
                    breaks = false
                }
                if breaks {
                    units.append(Unit(gap: text(gap), text: text(start..<end), width: width))
                    gap = end..<i; start = i; width = 0
                } else {
                    width += i - end   // the spaces inside the unit
                }
            }
            width += c.width
            if c.wide { runStart = nil } else if spaced || runStart == nil { runStart = i }
            previous = c
            i += 1
            end = i
        }
        if end > start { units.append(Unit(gap: text(gap), text: text(start..<end), width: width)) }
        return (lead, units)
    }
}
