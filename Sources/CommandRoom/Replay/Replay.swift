import KeyProjects
import StringTables

/// Replaying the board as of another day (`:as-of`, `--as-of`). A day after today would show
/// an invented board (every month to come unreported): it is refused. A day well past the
/// ledger's last reported month shows much the same, so it is asked about first. While a
/// replay lasts the header says so, forms still default to today, and a write says the day it
/// will be recorded on before it commits.
enum Replay {
    enum Verdict: Equatable {
        case accepted
        case refused(String)
        /// Lines for the question; Enter replays, Esc does not.
        case confirm([String])
    }

    /// The last month any project reported completed investment or progress in.
    static func lastReportedMonth(_ portfolio: Portfolio) -> YearMonth? {
        var last: YearMonth?
        for file in portfolio.files {
            for record in file.records where record.completed != Money(wan: 0) || !record.progress.isEmpty {
                if last.map({ record.month > $0 }) ?? true { last = record.month }
            }
        }
        return last
    }

    /// Whether `day` may be replayed: `today` is the real day (or the sample's own as-of day),
    /// `lastReported` the ledger's last reported month.
    static func verdict(_ day: Day, today: Day?, lastReported: YearMonth?, strings s: Strings) -> Verdict {
        if let today, day > today {
            return .refused(s.format("replay.future", ["day": day.iso, "today": today.iso]))
        }
        // The month after the last reported one is the usual one to look at (its figures are
        // being typed); beyond that, nothing was reported yet.
        if let last = lastReported, day.yearMonth > last.adding(months: 1) {
            return .confirm([s.format("replay.beyondLedger", ["day": day.iso, "last": last.description]), "",
                             s["replay.confirmHint"]])
        }
        return .accepted
    }

    /// Starts replaying `day` (or stops, when it is the day the dashboard shows anyway).
    static func start(_ day: Day?, _ state: inout AppState) -> [AppEffect] {
        state.requestedAsOf = day == state.naturalToday ? nil : day
        state.requestedMonth = nil
        state.replayWritesConfirmed = nil
        return [.reload]
    }

    /// The line a form shows while replaying: the day its write will be recorded on.
    static func writeNote(_ state: AppState) -> String? {
        guard let day = state.requestedAsOf else { return nil }
        return state.strings.format("replay.writeNote", ["day": day.iso])
    }
}
