extension Strings {
    /// The ledgers' and the write paths' shared rules (issue 11), English.
    static let enLedgerTable: [String: String] = [
        "rule.monthAfterEnd": "{month} is after the project's end year, {end}",
        "rule.reminderAuthor": "the reminder is by \"{by}\", not you ({you}): you record only your own; the office records others'",
        "awards.problem.recorder": "recorded by \"{by}\", not you ({you}): you record nominations and awards only in your own name; the office records others'",
        "ledger.tooFewFields": "only {count} cells, but the header has {expected} columns (a missing cell would clear its field; leave a cell empty instead)",
        "ledger.startYearAfterMonth": "the start year {year} is after {month}, a month the project has figures for (deal with that month first)",
        "ledger.endYearBeforeMonth": "the end year {year} is before {month}, a month the project has figures for (deal with that month first)",
    ]
}
