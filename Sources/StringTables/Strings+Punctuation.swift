/// Punctuation and the small patterns that differ between the languages: a list's separator
/// (、 or a comma), a clause's (；), a colon (：), a note in brackets, printed section numbers.
/// Code joins with these, never with a choice of its own by language.
extension Strings {
    static let zhPunctuationTable: [String: String] = [
        "punct.list": "、", "punct.clause": "；", "punct.colon": "：", "punct.phrase": "，",
        "punct.noted": "{text}（{note}）",
        "section.numerals": "一,二,三,四,五,六,七,八,九,十", "section.prefix": "{n}、",
    ]
    static let enPunctuationTable: [String: String] = [
        "punct.list": ", ", "punct.clause": "; ", "punct.colon": ": ", "punct.phrase": "; ",
        "punct.noted": "{text} ({note})",
        // English documents number their items already: no section numerals.
        "section.numerals": "", "section.prefix": "{n}",
    ]

    /// Items of a list: 甲、乙、丙 or a, b, c.
    public func list<S: Sequence>(_ items: S) -> String where S.Element == String { items.joined(separator: self["punct.list"]) }
    /// Clauses of a sentence: 甲；乙 or a; b.
    public func clauses<S: Sequence>(_ items: S) -> String where S.Element == String { items.joined(separator: self["punct.clause"]) }
    /// The colon after a label.
    public var colon: String { self["punct.colon"] }
    /// The separator between two phrases of one sentence: ，or ; .
    public var phrase: String { self["punct.phrase"] }
    /// `text` with a note in brackets: 张敏（分指挥部填报员）.
    public func noted(_ text: String, _ note: String) -> String { format("punct.noted", ["text": text, "note": note]) }

    /// The number before a printed section (一、 二、 …), or nothing where the language numbers
    /// none.
    public func sectionPrefix(_ index: Int) -> String {
        let numerals = self["section.numerals"].split(separator: ",").map(String.init)
        guard !numerals.isEmpty else { return "" }
        return format("section.prefix", ["n": numerals[min(index, numerals.count - 1)]])
    }
}
