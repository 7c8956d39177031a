import KeyProjects

/// The language of everything shown: Chinese by default, English with `--lang en`.
public enum Lang: String, Sendable, CaseIterable {
    case zh, en
}

/// One strings table per language (Strings+zh.swift, Strings+en.swift, and topic files beside
/// them listed in `zhTables`/`enTables`); every word on screen
/// or in text output comes from here. Keys are dotted: `card.red`, `col.code`; an enum's words
/// are `prefix.rawValue`. A test checks both tables have exactly the same keys.
public struct Strings: Sendable {
    public let lang: Lang
    let table: [String: String]

    public init(_ lang: Lang) {
        self.lang = lang
        table = (lang == .zh ? Strings.zhTables : Strings.enTables).reduce(into: [:]) { all, part in
            all.merge(part) { first, _ in first }
        }
    }

    /// Each language's table in parts, one per topic file (Strings+zh.swift is the main one).
    static let zhTables: [[String: String]] = [zhTable, zhPunctuationTable, zhStoreFilesTable, zhLedgerTable, zhGridTable, zhFiltersTable, zhOrganisationTable, zhRulesTable,
                                               zhReplayTable, zhCLIHelpTable, zhMouseTable, zhExportTable, zhLayoutTable, zhPostgresTable]
    static let enTables: [[String: String]] = [enTable, enPunctuationTable, enStoreFilesTable, enLedgerTable, enGridTable, enFiltersTable, enOrganisationTable, enRulesTable,
                                               enReplayTable, enCLIHelpTable, enMouseTable, enExportTable, enLayoutTable, enPostgresTable]

    public static let zh = Strings(.zh)
    public static let en = Strings(.en)
    public static func of(_ lang: Lang) -> Strings { lang == .zh ? zh : en }

    /// The text of `key`; a missing key shows itself, bracketed, so it is seen and fixed.
    public subscript(_ key: String) -> String { table[key] ?? "⟨\(key)⟩" }

    /// The text of `key` with each `{name}` replaced.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The word for a coded value: `word("card", CardColour.red)` → 红牌.
    public func word<T: RawRepresentable>(_ prefix: String, _ value: T) -> String where T.RawValue == String {
        self["\(prefix).\(value.rawValue)"]
    }

    public var keys: Set<String> { Set(table.keys) }
    public func has(_ key: String) -> Bool { table[key] != nil }
}
