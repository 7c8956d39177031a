@testable import CommandRoom
import Foundation
import KeyProjects
import StringTables
import TerminalKit
import Testing

/// Replaying another day (issue 14 §5): refused in the future, asked about past the ledger,
/// a banner while it lasts, forms on today, writes said before they commit.
@Suite struct ReplayTests {
    static let realToday = Day(year: 2026, month: 11, day: 30)!

    static func state(role: Role? = .office, realToday: Day = realToday) -> AppState {
        var state = Fixture.state()
        state.options.role = role
        state.realToday = realToday
        return state
    }

    /// `:as-of DAY` typed and entered.
    static func asOf(_ day: String, _ state: inout AppState) -> [AppEffect] {
        state.press(.character(":"))
        state.type("as-of \(day)")
        // (The line is kept in the `:` history too: not what these tests look at.)
        return state.press(.enter).filter { if case .saveHistory = $0 { false } else { true } }
    }

    /// The data as the runtime would read it for the replayed day.
    static func reloaded(_ day: Day, _ state: inout AppState) {
        _ = Update.apply(.loaded(DashboardData(config: Fixture.config, portfolio: Fixture.portfolio, asOf: day, complete: true)), to: &state)
    }

    @Test func theVerdictRefusesTheFutureAndAsksPastTheLedger() {
        let s = Strings.zh
        let october = YearMonth(year: 2026, month: 10)!
        #expect(Replay.verdict(Day(year: 2026, month: 6, day: 30)!, today: Self.realToday, lastReported: october, strings: s) == .accepted)
        // The month after the last reported one is the one being typed: no question.
        #expect(Replay.verdict(Self.realToday, today: Self.realToday, lastReported: october, strings: s) == .accepted)
        guard case let .refused(text) = Replay.verdict(Day(year: 2030, month: 1, day: 1)!, today: Self.realToday, lastReported: october, strings: s) else {
            Issue.record("the future was not refused"); return
        }
        #expect(text.contains("2030-01-01") && text.contains("2026-11-30"))
        guard case let .confirm(lines) = Replay.verdict(Day(year: 2027, month: 1, day: 31)!, today: Day(year: 2027, month: 2, day: 1)!,
                                                        lastReported: october, strings: s) else {
            Issue.record("past the ledger was not asked about"); return
        }
        #expect(lines[0].contains("2026-10") && lines[0].contains("2027-01-31"))
        #expect(Replay.lastReportedMonth(Fixture.portfolio) == october)
    }

    @Test func aDayToComeIsRefusedAndTheBoardStaysAsItWas() {
        var state = Self.state()
        let effects = Self.asOf("2030-01-01", &state)
        #expect(effects.isEmpty && state.requestedAsOf == nil)
        #expect(state.messageIsError && state.message?.contains("不能回放 2030-01-01") == true)
        #expect(state.screen[0].contains("截至 2026-10-31") && !state.screen[0].contains("回放"))
    }

    @Test func aDayPastTheLedgerIsAskedAboutAndEscKeepsTheBoard() {
        var state = Self.state(realToday: Day(year: 2027, month: 6, day: 30)!)
        #expect(Self.asOf("2027-03-31", &state).isEmpty)
        #expect(state.screens.last is ConfirmScreen)
        #expect(state.screen.contains { $0.contains("台账最近只报到 2026-10") })
        state.press(.escape)
        #expect(state.requestedAsOf == nil && !(state.screens.last is ConfirmScreen))
        _ = Self.asOf("2027-03-31", &state)
        #expect(state.press(.enter) == [.reload])
        #expect(state.requestedAsOf == Day(year: 2027, month: 3, day: 31)!)
    }

    @Test func whileReplayingTheHeaderSaysSoAndFormsStillDefaultToToday() throws {
        var state = Self.state()
        let june = Day(year: 2026, month: 6, day: 30)!
        #expect(Self.asOf("2026-06-30", &state) == [.reload])
        Self.reloaded(june, &state)
        #expect(state.screen[0].contains("回放 · 截至 2026-06-30") || state.screen[0].contains("回放 · 2026年6月 · 截至 2026-06-30"), "\(state.screen[0])")
        // A reminder's date is today (the sample's own day), not the replayed one; the form
        // says the day the write is recorded on.
        state.press(.character("c"))
        guard case let .form(form)? = state.overlay else { Issue.record("no form"); return }
        #expect(form.fields[0].input.text == "2026-10-31")
        #expect(state.screen.contains { $0.contains("正在回放：这次修改将按 2026-06-30 记入") })
        state.press(.escape)
        // Back to the day the dashboard shows by itself: the banner goes.
        #expect(Self.asOf("today", &state) == [.reload])
        Self.reloaded(Fixture.asOf, &state)
        #expect(state.requestedAsOf == nil && !state.screen[0].contains("回放"))
        // Asking for that day itself is no replay either.
        _ = Self.asOf("2026-10-31", &state)
        #expect(state.requestedAsOf == nil)
    }

    @Test func theGridAsksOnceBeforeTypingIntoAReplayedDay() throws {
        var state = Self.state(role: .clerk(subcommands: ["law"]))
        _ = Self.asOf("2026-09-30", &state)
        Self.reloaded(Day(year: 2026, month: 9, day: 30)!, &state)
        #expect(state.press(.character("e")).isEmpty)
        #expect(state.screens.last is ConfirmScreen && state.grid == nil)
        #expect(state.screen.contains { $0.contains("这次修改将按 2026-09-30 记入") })
        #expect(state.press(.enter) == [.loadGrid])
        #expect(state.grid != nil && state.screens.last is GridScreen)
        // Asked once per replayed day.
        state.screens.removeLast()
        #expect(state.press(.character("e")) == [.loadGrid])
    }
}
