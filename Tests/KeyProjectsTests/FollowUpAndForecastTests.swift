import KeyProjects
import Testing

/// Issue 15 §2 (DOMAIN.md §6): a follow-up is owed to the card, not to one month's board. A red
/// card's statement is due at the first headquarters meeting after the card's month, even if
/// the project has recovered by then; a yellow card's interview at the sub-command's next
/// meeting after the card's month; once recorded, not due again.
@Suite struct FollowUpTests {
    /// Plan 100 a month. Jan–Feb on plan; March and April nothing done; reminded twice in March:
    /// yellow in March, red in April; May catches up (600 against 500): blue.
    static let recovered = file(project("P1", subcommand: "sc1"), records: records("P1", from: "2026-01", completed: [100, 100, 0, 0, 400]),
                                reminders: reminders(["2026-03-05", "2026-03-20"], code: "P1"))
    /// Yellow in April only (reminded twice, behind), blue again in May.
    static let yellowOnce = file(project("P2", subcommand: "sc1"), records: records("P2", from: "2026-01", completed: [100, 100, 100, 50, 250]),
                                 reminders: reminders(["2026-04-08", "2026-04-22"], code: "P2"))

    static func meeting(_ id: String, _ date: String, _ kind: MeetingKind, _ scope: MeetingScope = .headquarters, cancelled: Bool = false) -> Meeting {
        Meeting(id: id, date: day(date), time: "15:00", kind: kind, title: id, chair: "甲某", scope: scope, cancelled: cancelled)
    }

    static let meetings = [
        meeting("conference-20260226", "2026-02-26", .annualConference),
        meeting("plenary-20260325", "2026-03-25", .plenary),
        meeting("sub-sc1-20260405", "2026-04-05", .subcommandDispatch, .subcommand("sc1")),
        meeting("sub-sc1-20260505", "2026-05-05", .subcommandDispatch, .subcommand("sc1"), cancelled: true),
        meeting("sub-sc1-20260605", "2026-06-05", .subcommandDispatch, .subcommand("sc1")),
        meeting("plenary-20260625", "2026-06-25", .plenary),
        meeting("plenary-20260925", "2026-09-25", .plenary),
    ]

    func agenda(_ id: String, files: [ProjectFile] = [recovered, yellowOnce], meetings: [Meeting] = meetings,
                held: Set<HeldFollowUp> = []) -> [AgendaItem] {
        let m = meetings.first { $0.id == id }!
        let portfolio = Portfolio(files: files, meetings: meetings, heldFollowUps: held)
        return Agenda.build(for: m, portfolio: portfolio, rules: RuleSettings()).items
    }

    @Test func theCardsAreAsConstructed() {
        let history = Cards.history(of: Self.recovered, through: month("2026-05"), rules: seedRules).map(\.colour)
        #expect(history == [.blue, .blue, .yellow, .red, .blue])
        let other = Cards.history(of: Self.yellowOnce, through: month("2026-05"), rules: seedRules).map(\.colour)
        #expect(other == [.blue, .blue, .blue, .yellow, .blue])
    }

    @Test func aRedCardOfAprilIsDueAtTheJunePlenaryThoughTheProjectRecoveredInMay() {
        let items = agenda("plenary-20260625")
        guard case let .statement(st)? = items.first else { Issue.record("no statement: \(items.map(\.key))"); return }
        #expect(st.project.code == "P1")
        #expect(st.followUpMonths == [month("2026-04")])
        #expect(st.card.month == month("2026-04") && st.card.colour == .red)
        #expect(items.filter { if case .statement = $0 { return true }; return false }.count == 1)
        // The March plenary read February's cards: nothing red yet.
        #expect(!agenda("plenary-20260325").contains { $0.key == "statement:P1" })
        // The September plenary reads June–August: April's card was the June plenary's.
        #expect(!agenda("plenary-20260925").contains { $0.key == "statement:P1" })
    }

    @Test func aCancelledPlenaryPassesItsStatementsToTheNextOne() {
        let meetings = Self.meetings.map { m in m.id == "plenary-20260625" ? { var c = m; c.cancelled = true; return c }() : m }
        let items = agenda("plenary-20260925", meetings: meetings)
        let statement = items.compactMap { item -> ProjectStanding? in if case let .statement(st) = item { return st }; return nil }
        #expect(statement.map(\.project.code) == ["P1"])
        #expect(statement.first?.followUpMonths == [month("2026-04")])
    }

    @Test func aStatementRecordedIsNotDueAgainButStaysOnTheAgendaOfItsMeeting() {
        // Without a previous headquarters meeting the window is the last three months.
        let alone = [Self.meetings[5]]
        #expect(agenda("plenary-20260625", meetings: alone).contains { $0.key == "statement:P1" })
        let earlier = HeldFollowUp(project: "P1", statement: true, cardMonth: month("2026-05"), meeting: "adhoc-20260610-1",
                                   meetingDate: day("2026-06-10"))
        #expect(!agenda("plenary-20260625", meetings: alone, held: [earlier]).contains { $0.key == "statement:P1" })
        // Recorded at this meeting: still listed (triage shows it worked).
        let here = HeldFollowUp(project: "P1", statement: true, cardMonth: month("2026-05"), meeting: "plenary-20260625",
                                meetingDate: day("2026-06-25"))
        #expect(agenda("plenary-20260625", meetings: alone, held: [here]).contains { $0.key == "statement:P1" })
        // Recorded at a later meeting: the agenda as of this meeting's date still owes it.
        let later = HeldFollowUp(project: "P1", statement: true, cardMonth: month("2026-06"), meeting: "adhoc-20260701-1",
                                 meetingDate: day("2026-07-01"))
        #expect(agenda("plenary-20260625", meetings: alone, held: [later]).contains { $0.key == "statement:P1" })
        // An interview held does not answer a red card.
        let interview = HeldFollowUp(project: "P1", statement: false, cardMonth: month("2026-05"), meeting: "x", meetingDate: day("2026-06-10"))
        #expect(agenda("plenary-20260625", meetings: alone, held: [interview]).contains { $0.key == "statement:P1" })
    }

    @Test func aYellowCardsInterviewIsDueAtTheSubcommandsNextMeetingAfterItsMonth() {
        // April 5 reads March: P1 yellow in March.
        let april = agenda("sub-sc1-20260405")
        #expect(april.contains { $0.key == "interview:P1" } && !april.contains { $0.key == "interview:P2" })
        // May 5 was cancelled; June 5 reads May (both blue) and still owes P2's April interview.
        let june = agenda("sub-sc1-20260605")
        let interviews = june.compactMap { item -> ProjectStanding? in if case let .interview(st) = item { return st }; return nil }
        #expect(interviews.map(\.project.code) == ["P2"])
        #expect(interviews.first?.followUpMonths == [month("2026-04")])
        #expect(interviews.first?.card.colour == .yellow)
        // P1's April card was red: a statement, not an interview.
        #expect(!june.contains { $0.key == "interview:P1" })
        // Held at the office's meeting in May: no longer due at the sub-command's.
        let held = HeldFollowUp(project: "P2", statement: false, cardMonth: month("2026-04"), meeting: "office-20260515",
                                meetingDate: day("2026-05-15"))
        #expect(!agenda("sub-sc1-20260605", held: [held]).contains { $0.key == "interview:P2" })
        // The plenary hears statements only.
        #expect(!agenda("plenary-20260625").contains { $0.key.hasPrefix("interview:") })
    }

    @Test func theStatementMeetingIsTheFirstHeadquartersMeetingAfterTheCardsMonth() {
        #expect(Meetings.statementMeeting(for: month("2026-04"), in: Self.meetings)?.id == "plenary-20260625")
        #expect(Meetings.statementMeeting(for: month("2026-01"), in: Self.meetings)?.id == "conference-20260226")
        let cancelled = Self.meetings.map { m in m.id == "plenary-20260625" ? { var c = m; c.cancelled = true; return c }() : m }
        #expect(Meetings.statementMeeting(for: month("2026-04"), in: cancelled)?.id == "plenary-20260925")
        // A meeting on the month's last day reads that month's cards.
        let lastDay = [Self.meeting("plenary-20260430", "2026-04-30", .plenary)]
        #expect(Meetings.statementMeeting(for: month("2026-04"), in: lastDay)?.id == "plenary-20260430")
        #expect(Meetings.statementMeeting(for: month("2026-05"), in: lastDay) == nil)
    }
}

/// Issue 15 §4 (DOMAIN.md §10): at its recent pace (mean completed of the last three months
/// with data), will the project be on schedule next month? With the amount it must complete.
@Suite struct ForecastTests {
    func forecast(_ f: ProjectFile, _ m: String, rules: CardRules = seedRules, pace: Int = 3) -> CardForecast {
        Forecasts.forecast(f, card: Cards.card(of: f, in: month(m), rules: rules), rules: rules, forecast: ForecastRules(paceMonths: pace))
    }

    @Test func aProjectWhosePaceKeepsItOnScheduleHasNoWarning() {
        let f = file(records: records(from: "2026-01", completed: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100]))
        let fc = forecast(f, "2026-10")
        #expect(fc.month == month("2026-11") && fc.card == .blue && fc.warning == nil)
        #expect(fc.pace == wan(100) && fc.plannedToDate == wan(1_100) && fc.projected == wan(1_100))
        #expect(fc.needed == wan(100))
    }

    @Test func blueNowAndShortNextMonthIsAtRiskOfFallingBehind() {
        // 7 × 120 + 3 × 60 = 1,020 against 1,000: blue. At 60 a month, 1,080 against 1,100.
        let f = file(records: records(from: "2026-01", completed: [120, 120, 120, 120, 120, 120, 120, 60, 60, 60]))
        #expect(Cards.card(of: f, in: month("2026-10"), rules: seedRules).colour == .blue)
        let fc = forecast(f, "2026-10")
        #expect(fc.card == .behind && fc.warning == .behind)
        #expect(fc.pace == wan(60) && fc.projected == wan(1_080) && fc.needed == wan(80))
    }

    @Test func behindWithAReminderNowAndStillShortIsAtRiskOfYellow() {
        // 900 against 1,000, reminded once: behind (1/2). With the office's usual reminder next
        // month and still short (990 against 1,100): yellow.
        let f = file(records: records(from: "2026-01", completed: Array(repeating: 90, count: 10)), reminders: reminders(["2026-10-10"]))
        #expect(Cards.card(of: f, in: month("2026-10"), rules: seedRules).colour == .behind)
        let fc = forecast(f, "2026-10")
        #expect(fc.card == .yellow && fc.warning == .yellow && fc.needed == wan(200))
        // Not reminded at all yet: one reminder next month is not enough for yellow.
        let unreminded = file(records: records(from: "2026-01", completed: Array(repeating: 90, count: 10)))
        let calm = forecast(unreminded, "2026-10")
        #expect(calm.card == .behind && calm.warning == nil)
    }

    @Test func yellowNowAndStillShortIsAtRiskOfRed() {
        let f = file(records: records(from: "2026-01", completed: Array(repeating: 90, count: 10)),
                     reminders: reminders(["2026-10-05", "2026-10-20"]))
        #expect(Cards.card(of: f, in: month("2026-10"), rules: seedRules).colour == .yellow)
        let fc = forecast(f, "2026-10")
        #expect(fc.card == .red && fc.warning == .red && fc.needed == wan(200))
        // A yellow project whose pace catches it up: blue expected, no warning.
        let catching = file(records: records(from: "2026-01", completed: [90, 90, 90, 90, 90, 90, 90, 170, 150, 40]),
                            reminders: reminders(["2026-10-05", "2026-10-20"]))
        let up = forecast(catching, "2026-10")
        #expect(Cards.card(of: catching, in: month("2026-10"), rules: seedRules).colour == .yellow)
        #expect(up.pace == wan(120) && up.card == .blue && up.warning == nil)
    }

    @Test func thePaceWindowIsConfigurable() {
        // The last month alone (10) says short; the last three (mean 70) say on schedule.
        let f = file(records: records(from: "2026-01", completed: [100, 100, 100, 100, 100, 100, 100, 100, 100, 10]),
                     reminders: reminders(["2026-10-10"]))
        #expect(forecast(f, "2026-10", pace: 3).pace == wan(70))
        #expect(forecast(f, "2026-10", pace: 1).pace == wan(10))
        #expect(forecast(f, "2026-10", pace: 1).projected == wan(920))
    }

    @Test func aMilestoneDueNextMonthAndNotReachedIsShort() {
        let permit = Milestone(project: "P1", kind: .permit, planned: day("2026-11-20"))
        let f = file(records: records(from: "2026-01", completed: Array(repeating: 100, count: 10)), milestones: [permit])
        let fc = forecast(f, "2026-10")
        #expect(fc.milestonesDue == [.permit] && fc.card == .behind && fc.warning == .behind)
        let reached = Milestone(project: "P1", kind: .permit, planned: day("2026-11-20"), actual: day("2026-10-30"))
        #expect(forecast(file(records: records(from: "2026-01", completed: Array(repeating: 100, count: 10)), milestones: [reached]), "2026-10").warning == nil)
    }

    @Test func decemberForecastsJanuaryOfTheNextYear() {
        let f = file(records: records(from: "2026-01", completed: Array(repeating: 100, count: 12), planned: nil))
        let fc = forecast(f, "2026-12")
        // January's 序时 is 1,200 × 1/12; the year starts from nothing, at the pace of 100.
        #expect(fc.month == month("2027-01") && fc.plannedToDate == wan(100) && fc.projected == wan(100) && fc.card == .blue)
    }

    @Test func theBoardCarriesEachProjectsForecast() {
        let f = file(records: records(from: "2026-01", completed: Array(repeating: 90, count: 10)), reminders: reminders(["2026-10-10"]))
        let board = Board.assess(Portfolio(files: [f]), rules: RuleSettings(), asOf: day("2026-11-03"))
        #expect(board.month == month("2026-10"))
        #expect(board.standings.first?.forecast?.warning == .yellow)
    }

    @Test func theSubcommandsMonthlyMeetingListsItsWarnedProjects() {
        let warned = file(project("W1", subcommand: "sc1"), records: records("W1", from: "2026-01", completed: Array(repeating: 90, count: 10)),
                          reminders: reminders(["2026-10-05", "2026-10-20"], code: "W1"))
        let fine = file(project("F1", subcommand: "sc1"), records: records("F1", from: "2026-01", completed: Array(repeating: 100, count: 10)))
        let other = file(project("O1", subcommand: "sc2"), records: records("O1", from: "2026-01", completed: Array(repeating: 90, count: 10)),
                         reminders: reminders(["2026-10-10"], code: "O1"))
        let sub = Meeting(id: "sub-sc1-20261105", date: day("2026-11-05"), kind: .subcommandDispatch, title: "t", chair: "c", scope: .subcommand("sc1"))
        let built = Agenda.build(for: sub, portfolio: Portfolio(files: [warned, fine, other]), rules: RuleSettings())
        #expect(built.warnings.map(\.project.code) == ["W1"])
        let plenary = Meeting(id: "plenary-20261225", date: day("2026-12-25"), kind: .plenary, title: "t", chair: "c")
        #expect(Agenda.build(for: plenary, portfolio: Portfolio(files: [warned, fine, other]), rules: RuleSettings()).warnings.isEmpty)
    }
}
