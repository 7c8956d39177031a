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

    /// ASCII punctuation binds only to what touches it: `a .b` may break at the space (a
    /// command line's `:month`), CJK punctuation even across spaces (`红牌 · 项目`).
    static func bindsAcrossSpaces(_ c: Character) -> Bool { !c.isASCII }

    /// Measure words and units a number keeps (longest first, so `万元` wins over `万`).
    static let measureWords: [[Character]] = [
        "个", "项", "件", "名", "位", "人", "户", "家", "次", "轮", "批", "期", "届", "处", "座", "条", "所", "台",
        "套", "张", "份", "宗", "类", "种", "级", "层", "栋", "辆", "本", "篇", "号", "倍", "成",
        "年", "月", "日", "天", "周", "季", "季度", "个月", "小时", "分钟", "秒", "岁",
        "元", "万", "亿", "千", "百", "万元", "亿元", "千元", "万人", "万户", "万吨", "吨", "亩", "万亩", "公顷",
        "米", "公里", "千米", "平方米", "平方公里", "立方米", "千瓦", "兆瓦", "万千瓦", "%", "％", "‰",
    ].map(Array.init).sorted { $0.count > $1.count }

    static func isSpace(_ c: Character) -> Bool { c == " " }

    /// Two columns: CJK, fullwidth forms.
    static func isWide(_ c: Character) -> Bool { DisplayWidth.of(String(c)) >= 2 }

    /// Whether a line may break between `a` and `b`, with spaces between them or not.
    static func mayBreak(_ a: Character, _ b: Character, spaced: Bool) -> Bool {
        if noStart.contains(b) && (!spaced || bindsAcrossSpaces(b)) { return false }
        if noEnd.contains(a) && (!spaced || bindsAcrossSpaces(a)) { return false }
        return spaced || isWide(a) || isWide(b)
    }

    /// Whether the Latin run ends in a number (`3`, `1,200`, `12.5`, `-5`, `(3`), not in a
    /// code or a date (`Q2026-0040`, `2026-10-31`).
    static func endsInNumber(_ run: [Character]) -> Bool {
        func digit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        guard let last = run.last, digit(last) else { return false }
        var start = run.count - 1
        while start > 0, digit(run[start - 1]) || run[start - 1] == "," || run[start - 1] == "." { start -= 1 }
        while !digit(run[start]) { start += 1 }   // `,5`: the number starts at the digit
        let before = run[..<start]
        if before.count == 1, let sign = before.first, "+-−".contains(sign) { return true }
        return before.allSatisfy { !$0.isLetter && !$0.isNumber && !"-_/:.,".contains($0) }
    }

    /// The length of the measure word at `i`, or 0.
    static func measureWord(in chars: [Character], at i: Int) -> Int {
        for word in measureWords where i + word.count <= chars.count && Array(chars[i..<(i + word.count)]) == word { return word.count }
        return 0
    }

    /// A paragraph (no line breaks) as its leading spaces and its units.
    static func units(_ paragraph: Substring) -> (lead: String, units: [Unit]) {
        let chars = Array(paragraph)
        var i = 0
        while i < chars.count, isSpace(chars[i]) { i += 1 }
        let lead = String(chars[..<i])
        var units: [Unit] = []
        var current = "", gap = "", spaces = ""
        var previous: Character?
        var run: [Character] = []      // the Latin run (narrow, no spaces) that ends at `previous`
        var gluedUntil = 0            // a measure word's characters stay with the number
        func close() { if !current.isEmpty { units.append(Unit(gap: gap, text: current, width: DisplayWidth.of(current))) } }
        while i < chars.count {
            let c = chars[i]
            if isSpace(c) { spaces.append(c); i += 1; continue }
            if let a = previous {
                var breaks = i >= gluedUntil && mayBreak(a, c, spaced: !spaces.isEmpty)
                if i >= gluedUntil, endsInNumber(run) {
                    let length = measureWord(in: chars, at: i)
                    if length > 0 { breaks = false; gluedUntil = i + length }
                }
                if breaks {
                    close()
                    gap = spaces; current = String(c)
                } else {
                    current += spaces + String(c)
                }
            } else {
                current = String(c)
            }
            if isWide(c) { run = [] } else if spaces.isEmpty { run.append(c) } else { run = [c] }
            spaces = ""
            previous = c
            i += 1
        }
        close()
        return (lead, units)
    }
}
