/// Why a month cannot be put on the board.
public enum BoardMonthRefusal: Error, Sendable, Equatable {
    /// Cards are given for whole months: this one has not ended by the as-of day.
    case notEnded(YearMonth, lastEnded: YearMonth)
    /// The ledger starts later: there is nothing to assess the month by.
    case beforeLedger(YearMonth, first: YearMonth)
}

extension Board {
    /// Checks a month asked for by the user: it must have ended by `asOf`, and it must not be
    /// before the year the ledger's first monthly record is in (before that, the plans a card
    /// would be judged by are not in the ledger, and a card would be made up).
    public static func check(month: YearMonth, asOf: Day, portfolio: Portfolio) throws(BoardMonthRefusal) {
        let lastEnded = assessedMonth(asOf: asOf)
        guard month <= lastEnded else { throw .notEnded(month, lastEnded: lastEnded) }
        var first: YearMonth?
        for file in portfolio.files {
            if let m = file.records.first?.month, first == nil || m < first! { first = m }
        }
        let firstYear = YearMonth(year: (first ?? lastEnded).year, month: 1)!
        guard month >= firstYear else { throw .beforeLedger(month, first: firstYear) }
    }
}
