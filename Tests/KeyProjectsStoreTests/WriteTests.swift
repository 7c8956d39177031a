import Foundation
import KeyProjects
import KeyProjectsDemo
@_spi(Testing) import KeyProjectsStore
import Testing

/// Monthly progress, issues, stale edits and undo at the store layer (issue 4 §2, §4–§6).
@Suite struct WriteTests {
    static let day = Day.parse("2026-10-31")!
    static let october = YearMonth(year: 2026, month: 10)!

    func project(_ store: SQLiteStore, _ sc: String = "law") throws -> Project {
        try store.loadPortfolio(.board).files.map(\.project).first { $0.subcommand == sc }!
    }

    @Test func progressKeepsThePlanAndSetsMilestonesInOneWrite() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let p = try project(store)
        let before = try store.loadProjectFile(p.code)!
        let plan = before.records.first { $0.month == Self.october }?.planned
        try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 12),
                                               progress: "主体封顶", milestonesReached: [.start: Self.day]), on: Self.day)
        let after = try store.loadProjectFile(p.code)!
        let record = try #require(after.records.first { $0.month == Self.october })
        #expect(record.completed == Money(wan: 12) && record.progress == "主体封顶" && record.planned == plan)
        #expect(after.milestones.first { $0.kind == .start }?.actual == Self.day)
        // One write: the undo takes back both rows.
        let batch = try store.lastUndoable()
        #expect(Set(batch.map(\.entity)).isSuperset(of: ["monthly"]) && batch.allSatisfy { $0.actor == store.actor })
    }

    @Test func progressIsRefusedBeyondTheTotalOrInTheFuture() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let p = try project(store)
        let count = try store.changeLogCount()
        #expect(throws: StoreError.self) {
            try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: p.totalInvestment + Money(wan: 1)), on: Self.day)
        }
        #expect(throws: StoreError.self) {
            try store.recordProgress(ProgressEntry(project: p.code, month: YearMonth(year: 2026, month: 11)!, completed: .zero), on: Self.day)
        }
        #expect(throws: StoreError.self) {
            try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: .zero,
                                                   milestonesReached: [.start: Self.day.adding(days: 1)]), on: Self.day)
        }
        #expect(try store.changeLogCount() == count)
    }

    @Test func noWriteIsDatedAfterTheRealDay() throws {
        // --as-of in the future would let every "not after the as-of day" rule through.
        let scratch = Scratch()
        let base = try sampleStore(.linfen, in: scratch)
        let p = try project(base)
        let store = try SQLiteStore.open(base.directory, clock: { Date(timeIntervalSince1970: 1_795_000_000) }, actor: "lf-office")   // 2026-11-18
        let later = Day.parse("2026-11-19")!
        let before = snapshot(base.directory)
        let refusals: [() throws -> Void] = [
            { _ = try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 1)), on: later) },
            { _ = try store.addReminder(Reminder(project: p.code, date: later, by: ""), on: later) },
            { _ = try store.registerIssue(NewIssue(project: p.code, category: .land, level: .city, description: "d"), on: later) },
            { _ = try store.importLedger(.reminders, data: Data("项目编码,催办日期,催办人\n\(p.code),2026-11-19,\n".utf8), file: "r.csv", today: later) },
        ]
        for write in refusals {
            do { try write(); Issue.record("a write dated after the real day went through") } catch {
                guard case let .writeDayAfterToday(day, today)? = error as? StoreError else { Issue.record("\(error)"); continue }
                #expect(day == later && today == Day.parse("2026-11-18")!)
            }
        }
        #expect(snapshot(base.directory) == before)
        // The real day itself, and any day before it, may be written.
        try store.addReminder(Reminder(project: p.code, date: Day.parse("2026-11-18")!, by: ""), on: Day.parse("2026-11-18")!)
    }

    @Test func anUndoThatWouldBreakTheTotalIsRefused() throws {
        // A clerk zeroes a month, the office lowers the total investment to what is left, the
        // clerk's undo would put the month back above the total: refused, nothing changed.
        let scratch = Scratch()
        let base = try sampleStore(.linfen, in: scratch)
        let clerk = try SQLiteStore.open(base.directory, actor: "lf-law")
        let office = try SQLiteStore.open(base.directory, actor: "lf-office")
        let file = try base.loadProjectFile(project(base).code)!
        let record = try #require(file.records.last { $0.completed > .zero && $0.month.year == 2026 })
        try clerk.recordProgress(ProgressEntry(project: file.project.code, month: record.month, completed: .zero), on: Self.day)
        let left = try base.loadProjectFile(file.project.code)!.records.reduce(Money.zero) { $0 + $1.completed }
        let exported = try office.exportLedger(.projects)
        var lines = exported.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let totalColumn = try #require(header.firstIndex { $0.hasPrefix("总投资") })
        let planColumn = try #require(header.firstIndex { $0.hasPrefix("年度计划投资") })
        let row = try #require(lines.firstIndex { $0.hasPrefix(file.project.code + ",") })
        var cells = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[totalColumn] = left.wanText
        if file.project.annualPlan > left { cells[planColumn] = left.wanText }
        lines[row] = cells.joined(separator: ",")
        try office.importLedger(.projects, data: Data(lines.joined(separator: "\n").utf8), file: "p.csv", today: Self.day)
        let before = snapshot(base.directory)
        do {
            try clerk.undoLast()
            Issue.record("an undo above the total went through")
        } catch {
            guard case let .undoBreaksRule(project, .beyondTotal) = error else { Issue.record("\(error)"); return }
            #expect(project == file.project.code)
        }
        #expect(snapshot(base.directory) == before)
    }

    @Test func aStaleEditIsRefusedWithWhoAndWhen() throws {
        let scratch = Scratch()
        let base = try sampleStore(.linfen, in: scratch)
        let p = try project(base)
        let file = try base.loadProjectFile(p.code)!
        let loaded = ProgressBase(monthly: file.records.first { $0.month == Self.october }?.version ?? 0)
        let other = try SQLiteStore.open(base.directory, clock: { Date(timeIntervalSince1970: 1_795_000_000) }, actor: "lf-law")
        try other.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 5)), on: Self.day)
        do {
            try base.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 7)), on: Self.day, basedOn: loaded)
            Issue.record("a stale edit was accepted")
        } catch let error {
            guard case let .staleEdit(entity, key, by, at) = error else { Issue.record("\(error)"); return }
            #expect(entity == "monthly" && key == "\(p.code)/2026-10" && by == "lf-law" && at.hasPrefix("2026-11-18"))
        }
        #expect(try base.loadProjectFile(p.code)!.records.first { $0.month == Self.october }?.completed == Money(wan: 5))
        // An issue step based on an old version is refused the same way.
        let issue = try base.registerIssue(NewIssue(project: p.code, category: .land, level: .city, description: "d"), on: Self.day)
        try other.apply(.dispatch(unit: "市公安局"), toIssue: issue.id, on: Self.day)
        #expect(throws: StoreError.self) { try base.apply(.dispatch(unit: "市能源局"), toIssue: issue.id, on: Self.day, basedOn: issue.version) }
    }

    @Test func theIssueWorkflowRunsThroughTheStoreAndRefusesWithTheReason() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let p = try project(store)
        var issue = try store.registerIssue(NewIssue(project: p.code, category: .energy, level: .city, description: "能耗指标不足"), on: Self.day)
        #expect(issue.id.hasPrefix("Q2026-") && issue.status == .registered && issue.registeredOn == Self.day)
        issue = try store.apply(.dispatch(unit: "市能源局"), toIssue: issue.id, on: Self.day)
        issue = try store.apply(.arrange, toIssue: issue.id, on: Self.day)
        issue = try store.apply(.feedback(note: "已协调"), toIssue: issue.id, on: Self.day.adding(days: 1))
        issue = try store.apply(.claimSolved(note: "指标已下达"), toIssue: issue.id, on: Self.day.adding(days: 2))
        issue = try store.apply(.confirmSatisfied, toIssue: issue.id, on: Self.day.adding(days: 3))
        #expect(issue.status == .cleared && issue.clearedOn == Self.day.adding(days: 3))
        do {
            try store.apply(.arrange, toIssue: issue.id, on: Self.day.adding(days: 3))
            Issue.record("arranging a cleared issue was accepted")
        } catch let error {
            guard case .workflow(_, .notFromStatus) = error else { Issue.record("\(error)"); return }
        }
        let history = try store.history(entity: "issue", key: issue.id)
        #expect(history.count == 6 && history.allSatisfy { $0.actor == store.actor })
    }

    /// A second 催办 the same day by the same person keeps the first one's words (issue 13
    /// item 6): the notes are joined with "；" in one reminder.
    @Test func aSecondReminderTheSameDayKeepsBothNotes() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let p = try project(store)
        #expect(try store.addReminder(Reminder(project: p.code, date: Self.day, by: "办公室", note: "请加快竣工前准备"), on: Self.day) == .inserted)
        #expect(try store.addReminder(Reminder(project: p.code, date: Self.day, by: "办公室", note: "周五前报进度"), on: Self.day) == .updated)
        // Sent again (a retried form), and with no note: nothing is repeated or lost.
        #expect(try store.addReminder(Reminder(project: p.code, date: Self.day, by: "办公室", note: "周五前报进度"), on: Self.day) == .unchanged)
        #expect(try store.addReminder(Reminder(project: p.code, date: Self.day, by: "办公室"), on: Self.day) == .unchanged)
        let today = try store.loadProjectFile(p.code)!.reminders.filter { $0.date == Self.day && $0.by == "办公室" }
        #expect(today.map(\.note) == ["请加快竣工前准备；周五前报进度"])
        #expect(today.first?.noteClauses == ["请加快竣工前准备", "周五前报进度"])
        #expect(Reminder.joiningNotes("a", "b") == "a" + Reminder.noteSeparator + "b")
    }

    @Test func undoTakesBackTheLastOwnWriteAsANewLoggedChange() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let p = try project(store)
        let original = try store.loadProjectFile(p.code)!
        let meetings = try store.loadPortfolio().meetings.count
        try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 3)), on: Self.day)
        try store.addReminder(Reminder(project: p.code, date: Self.day, by: "办公室", note: "请加快"), on: Self.day)
        let logged = try store.changeLogCount()
        // The last write first: the reminder goes.
        let undone = try store.undoLast()
        #expect(undone.map(\.entity) == ["reminder"])
        #expect(try store.loadProjectFile(p.code)!.reminders == original.reminders)
        #expect(try store.changeLogCount() == logged + 1)
        // Then the monthly figures come back as they were, plan and version included in the log.
        try store.undoLast()
        let restored = try store.loadProjectFile(p.code)!
        #expect(restored.records.map(\.completed) == original.records.map(\.completed))
        // The board's packed figures follow.
        let findings = try store.check()
        #expect(findings.allSatisfy { $0.severity == .ok }, "\(findings)")
        // Nothing is left: the ledgers the store was made from are not undoable, and another
        // account has nothing of its own.
        #expect(throws: StoreError.self) { try store.undoLast() }
        #expect(try store.loadPortfolio().meetings.count == meetings && !meetings.isMultiple(of: 1_000_000))
        let other = try SQLiteStore.open(store.directory, actor: "lf-law")
        #expect(throws: StoreError.self) { try other.undoLast() }
    }

    @Test func twoUndosInARowOnOneRowGoBackTwoWrites() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let p = try project(store)
        let original = try store.loadProjectFile(p.code)!.records.first { $0.month == Self.october }
        try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 3)), on: Self.day)
        try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 4)), on: Self.day)
        try store.undoLast()
        #expect(try store.loadProjectFile(p.code)!.records.first { $0.month == Self.october }?.completed == Money(wan: 3))
        try store.undoLast()
        #expect(try store.loadProjectFile(p.code)!.records.first { $0.month == Self.october }?.completed == original?.completed)
    }

    @Test func undoRefusesWhenSomeoneChangedTheRowSince() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let p = try project(store)
        try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 3)), on: Self.day)
        let clerk = try SQLiteStore.open(store.directory, actor: "lf-law")
        try clerk.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 4)), on: Self.day)
        do {
            try store.undoLast()
            Issue.record("undo overwrote someone else's change")
        } catch let error {
            guard case let .undoBlocked(_, _, by, _) = error else { Issue.record("\(error)"); return }
            #expect(by == "lf-law")
        }
        // The clerk undoes their own change; the value is the office's again.
        try clerk.undoLast()
        #expect(try store.loadProjectFile(p.code)!.records.first { $0.month == Self.october }?.completed == Money(wan: 3))
    }
}

/// Meeting series stored as occurrences (issue 5 §1): moving or cancelling one keeps the rest,
/// and expanding again brings neither back.
@Suite struct MeetingSeriesTests {
    @Test func expandMoveCancelAndExpandAgain() throws {
        let scratch = Scratch()
        let store = try emptyStore(.linfen, in: scratch)
        let today = Day.parse("2026-10-31")!
        // init expanded this year and the next already; the sample's own are kept.
        let first = try store.meetings(from: Day.parse("2026-01-01")!, to: Day.parse("2027-12-31")!)
        #expect(first.count == 2 * 149)   // a city year: 149 meetings on the seeds' cadence (CadenceTests)
        let plenary = try #require(first.first { $0.id == "plenary-20261225" })
        try store.moveMeeting(plenary.id, to: Day.parse("2026-12-28")!, time: "09:00", on: today)
        let weekly = try #require(first.first { $0.id == "weekly-20261109" })
        try store.cancelMeeting(weekly.id, reason: "与现场观摩冲突")
        let again = try store.expandCadence(from: Day.parse("2026-01-01")!, to: Day.parse("2027-12-31")!)
        #expect(again.added == 0 && again.kept == first.count)
        let after = try store.meetings(from: Day.parse("2026-01-01")!, to: Day.parse("2027-12-31")!)
        #expect(after.count == first.count)
        // Its id follows the day it is held; the scheduled id is an alias (issue 15 §3).
        let moved = try #require(after.first { $0.id == "plenary-20261228" })
        #expect(moved.date == Day.parse("2026-12-28")! && moved.time == "09:00" && moved.isMoved && moved.scheduledOn == plenary.date)
        #expect(!after.contains { $0.id == plenary.id })
        #expect(try store.meeting(plenary.id)?.id == moved.id)
        #expect(after.first { $0.id == weekly.id }?.cancelled == true)
        // The next headquarters meeting for red-card statements skips a cancelled one.
        try store.cancelMeeting(plenary.id, reason: "并入年度大会")
        let cancelled = try store.meetings(from: Day.parse("2026-01-01")!, to: Day.parse("2027-12-31")!)
        #expect(cancelled.first { $0.id == moved.id }?.cancelled == true)
        #expect(Meetings.statementMeeting(for: YearMonth(year: 2026, month: 11)!, in: cancelled)?.id == "conference-20270226")
        // Moving into the past is refused.
        #expect(throws: StoreError.self) { try store.moveMeeting(weekly.id, to: Day.parse("2026-10-01")!, on: today) }
    }
}

/// Triage at a meeting (issue 5 §3–§4): each action saved at once; a decision becomes an issue
/// on the 13710 clock; the record is there to resume from and to print the minutes.
@Suite struct TriageStoreTests {
    @Test func decisionsAreTrackedAndKeptForTheMinutes() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let day = Day.parse("2026-11-09")!
        let meeting = "progress-20261109"   // scheduled on Sunday the 8th, held on the 9th
        let issues = try store.loadIssues()
        let open = try #require(issues.first { $0.status == .fedBack || $0.status == .arranged })
        // A decision: an issue registered, dispatched to the unit, with the deadline.
        let d = try store.record(DecisionInput(meeting: meeting, item: "statement:LF2026-0001", project: "LF2026-0001", kind: .decision,
                                               text: "月底前完成管网改造", unit: "市住建局", person: "王建国",
                                               deadline: Day.parse("2026-11-30")!), on: day)
        let tracked = try #require(try store.issue(d.issue))
        #expect(tracked.status == .dispatched && tracked.unit == "市住建局" && tracked.deadline == Day.parse("2026-11-30")!)
        #expect(tracked.project == "LF2026-0001" && tracked.description.contains("月底前完成管网改造"))
        // An interview held, and a deadline set on an overdue issue.
        try store.record(DecisionInput(meeting: meeting, item: "interview:LF2026-0002", project: "LF2026-0002", kind: .interviewHeld,
                                       text: "分指挥长已约谈"), on: day)
        try store.record(DecisionInput(meeting: meeting, item: "overdue:\(open.id)", project: open.project, kind: .deadline,
                                       text: "会上议定", deadline: Day.parse("2026-11-20")!, issue: open.id,
                                       action: .setDeadline(Day.parse("2026-11-20")!, reason: "会上议定")), on: day)
        #expect(try store.issue(open.id)?.deadline == Day.parse("2026-11-20")!)
        // Reassigned at the meeting: from its unit to another, the clock starting again.
        try store.record(DecisionInput(meeting: meeting, item: "overdue:\(open.id)", project: open.project, kind: .assigned,
                                       unit: "市发展改革委", issue: open.id, action: .dispatch(unit: "市发展改革委")), on: day)
        let reassigned = try #require(try store.issue(open.id))
        #expect(reassigned.unit == "市发展改革委" && reassigned.status == .dispatched && reassigned.dispatchedOn == day)
        // Read back in order: what triage resumes from and the minutes print.
        let recorded = try store.decisions(meeting: meeting)
        #expect(recorded.map(\.kind) == [.decision, .interviewHeld, .deadline, .assigned])
        #expect(recorded.map(\.id) == ["\(meeting)-d1", "\(meeting)-d2", "\(meeting)-d3", "\(meeting)-d4"])
        // A decision without a deadline, or to a unit not on the list, is refused and writes nothing.
        let count = try store.changeLogCount()
        #expect(throws: StoreError.self) {
            try store.record(DecisionInput(meeting: meeting, item: "x", project: "LF2026-0001", kind: .decision, text: "t", unit: "市住建局"), on: day)
        }
        #expect(throws: StoreError.self) {
            try store.record(DecisionInput(meeting: meeting, item: "x", project: "LF2026-0001", kind: .decision, text: "t", unit: "不存在的局",
                                           deadline: Day.parse("2026-11-30")!), on: day)
        }
        #expect(try store.changeLogCount() == count)
        // Only the office records meetings.
        let clerk = try SQLiteStore.open(store.directory, actor: "lf-law")
        #expect(throws: StoreError.self) {
            try clerk.record(DecisionInput(meeting: meeting, item: "x", project: "LF2026-0002", kind: .interviewHeld), on: day)
        }
    }
}

@Suite struct HeldFollowUpTests {
    @Test func anInterviewHeldIsNoLongerDueAtTheMonthsOtherMeetings() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let portfolio = try store.loadPortfolio()
        let sub = try #require(portfolio.meetings.first { $0.id == "sub-municipal-20261105" })
        let progress = try #require(portfolio.meetings.first { $0.id == "progress-20261109" })
        let before = Agenda.build(for: progress, portfolio: portfolio, rules: store.config.rules).items
        let interview = try #require(Agenda.build(for: sub, portfolio: portfolio, rules: store.config.rules).items.first {
            if case .interview = $0 { return true }; return false
        })
        #expect(before.contains { $0.key == interview.key })
        try store.record(DecisionInput(meeting: sub.id, item: interview.key, project: interview.projectCode, kind: .interviewHeld),
                         on: Day.parse("2026-11-05")!)
        // A second time at the same meeting is refused.
        #expect(throws: StoreError.self) {
            try store.record(DecisionInput(meeting: sub.id, item: interview.key, project: interview.projectCode, kind: .interviewHeld),
                             on: Day.parse("2026-11-05")!)
        }
        let after = try store.loadPortfolio()
        #expect(after.heldFollowUps.count == 1)
        // Not due again at the month's next meeting; still on the agenda of the meeting that held it.
        #expect(!Agenda.build(for: progress, portfolio: after, rules: store.config.rules).items.contains { $0.key == interview.key })
        #expect(Agenda.build(for: sub, portfolio: after, rules: store.config.rules).items.contains { $0.key == interview.key })
    }
}

/// The awards' writes (issue 6 §3): proposals replace, picks come from them and replace the
/// quarter's earlier picks, the rules' refusals write nothing, undo takes a pick back.
@Suite struct AwardWriteTests {
    static let day = Day.parse("2026-10-31")!
    static let q3 = Quarter(year: 2026, number: 3)!

    @Test func proposeThenPickThenReplace() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let projects = try store.loadPortfolio(.board).files.map(\.project)
        let law = projects.filter { $0.subcommand == "law" }.map(\.code)
        let other = projects.first { $0.subcommand != "law" }!
        try store.proposeAwards(quarter: Self.q3, subcommand: "law", best: AwardChoice(project: law[0], reason: "好"),
                                worst: AwardChoice(project: law[1], reason: "差"), on: Self.day)
        // Proposing again replaces one kind and keeps the other.
        try store.proposeAwards(quarter: Self.q3, subcommand: "law", best: AwardChoice(project: law[2], reason: "更好"), worst: nil, on: Self.day)
        var record = try store.loadAwards()
        #expect(record.proposals(Self.q3).count == 2)
        #expect(record.proposal(Self.q3, subcommand: "law", kind: .antelope)?.project == law[2])
        #expect(record.proposal(Self.q3, subcommand: "law", kind: .snail)?.reason == "差")

        // Refusals: another sub-command's project, the same project both ways, a quarter not
        // ended, a pick not proposed. Each writes nothing.
        let before = try store.changeLogCount()
        func problems(_ body: () throws -> Void) -> [AwardProblem]? {
            guard case let .awards(p)? = storeError(body) else { return nil }
            return p
        }
        #expect(problems { try store.proposeAwards(quarter: Self.q3, subcommand: "law", best: AwardChoice(project: other.code), worst: nil, on: Self.day) }
                == [.notInSubcommand(project: other.code, subcommand: "law")])
        #expect(problems { try store.proposeAwards(quarter: Self.q3, subcommand: "law", best: AwardChoice(project: law[1]), worst: nil, on: Self.day) }
                == [.bothKinds(law[1])])
        #expect(problems { try store.proposeAwards(quarter: Quarter(year: 2026, number: 4)!, subcommand: "law", best: AwardChoice(project: law[0]),
                                                     worst: nil, on: Self.day) }
                == [.quarterNotEnded(Quarter(year: 2026, number: 4)!)])
        #expect(problems { try store.pickAwards(quarter: Self.q3, antelope: [law[0]], snail: [], on: Self.day) }
                == [.notProposed(.antelope, law[0])])
        #expect(try store.changeLogCount() == before)

        try store.pickAwards(quarter: Self.q3, antelope: [law[2]], snail: [law[1]], on: Self.day)
        record = try store.loadAwards()
        #expect(record.picks(Self.q3, .antelope).map(\.project) == [law[2]])
        #expect(record.picks(Self.q3, .snail).map(\.project) == [law[1]])
        // An awarded proposal stays: the office changes the awards first.
        #expect(problems { try store.proposeAwards(quarter: Self.q3, subcommand: "law", best: nil, worst: AwardChoice(project: law[3]), on: Self.day) }
                == [.alreadyAwarded(.snail, law[1])])
        // Picking one kind leaves the other; an empty list clears a kind.
        try store.pickAwards(quarter: Self.q3, antelope: [law[2]], snail: nil, on: Self.day)
        #expect(try store.loadAwards().picks(Self.q3, .snail).map(\.project) == [law[1]])
        try store.pickAwards(quarter: Self.q3, antelope: nil, snail: [], on: Self.day)
        record = try store.loadAwards()
        #expect(record.picks(Self.q3, .snail).isEmpty && record.picks(Self.q3, .antelope).count == 1)
        // The portfolio carries the record for the screens.
        #expect(try store.loadPortfolio().awards == record)
        // Undo puts the snail back.
        _ = try store.undoLast()
        #expect(try store.loadAwards().picks(Self.q3, .snail).map(\.project) == [law[1]])
    }
}
