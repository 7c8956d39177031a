extension Strings {
    /// The ledgers' and the write paths' shared rules (issue 11), English.
    static let enLedgerTable: [String: String] = [
        "rule.monthAfterEnd": "{month} is after the project's end year, {end}",
        "rule.reminderAuthor": "the reminder is by \"{by}\", not you ({you}): you record only your own; the office records others'",
    ]
}
