extension Strings {
    /// Tables scrolled sideways (issue 14 §7), English.
    static let enLayoutTable: [String: String] = [
        "bar.moreColumns": "more columns",
        "bar.earlierColumns": "earlier columns",
        "help.columnRight": "table: next column",
        "help.columnLeft": "table: previous column",
    ]
}
