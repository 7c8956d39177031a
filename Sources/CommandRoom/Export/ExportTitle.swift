import StringTables

/// The title line's parts after what the table is: how it is grouped, sorted and filtered,
/// joined as the screens join theirs (` · `).
enum ExportTitle {
    static func join(_ parts: [String]) -> String { parts.filter { !$0.isEmpty }.joined(separator: " · ") }

    /// `筛选：card:red` (empty without a filter).
    static func filter(_ text: String, _ s: Strings) -> String {
        text.isEmpty ? "" : s.format("export.filter", ["filter": text])
    }
}
