import Foundation
import KeyProjects
import KeyProjectsPostgres
@_spi(Testing) import KeyProjectsStore
import Testing

/// Monthly progress, issues, stale edits and undo at the store layer (issue 4 §2, §4–§6), on
/// both engines (moved from KeyProjectsStoreTests' WriteTests): meeting series, triage, held
/// follow-ups and the awards' writes too. Each test has one store of its engine (EngineFixture:
/// the linfen sample, or its organisation alone); accounts other than the runner's (the
/// office) log in as themselves on PostgreSQL, with the rights `roster sync` gives them.
@Suite struct BothEnginesWriteTests {
    typealias S = BothEnginesScenarios
    static let day = EngineFixture.day
    static let october = EngineFixture.october

    static func project(_ store: any Store, _ sc: String = "law") throws -> Project {
        try S.require(try store.loadPortfolio(.board).files.map(\.project).first { $0.subcommand == sc })
    }

    @Test(arguments: Engine.allCases)
    func progressKeepsThePlanAndSetsMilestonesInOneWrite(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let p = try Self.project(store)
            let before = try S.require(try store.loadProjectFile(p.code))
            let plan = before.records.first { $0.month == Self.october }?.planned
            _ = try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 12),
                                                       progress: "主体封顶", milestonesReached: [.start: Self.day]), on: Self.day)
            let after = try S.require(try store.loadProjectFile(p.code))
            let record = try S.require(after.records.first { $0.month == Self.october })
            check.that(record.completed == Money(wan: 12) && record.progress == "主体封顶" && record.planned == plan, "\(record)")
            check.equal(after.milestones.first { $0.kind == .start }?.actual, Self.day, "the start reached")
            // One write: the undo takes back both rows.
            let batch = try store.lastUndoable()
            check.that(Set(batch.map(\.entity)).isSuperset(of: ["monthly", "milestone"]), "one batch: \(batch.map(\.entity))")
            check.that(batch.allSatisfy { $0.actor == store.actor }, "the account's: \(batch.map(\.actor))")
        }
    }

    @Test(arguments: Engine.allCases)
    func progressIsRefusedBeyondTheTotalOrInTheFuture(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let p = try Self.project(store)
            let before = try f.fingerprint()
            let refusals: [(String, () throws -> Void)] = [
                ("beyond the total", { _ = try store.recordProgress(ProgressEntry(project: p.code, month: Self.october,
                                                                                  completed: p.totalInvestment + Money(wan: 1)), on: Self.day) }),
                ("a month not begun", { _ = try store.recordProgress(ProgressEntry(project: p.code, month: YearMonth(year: 2026, month: 11)!,
                                                                                   completed: .zero), on: Self.day) }),
                ("a milestone after the day", { _ = try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: .zero,
                                                                                           milestonesReached: [.start: Self.day.adding(days: 1)]),
                                                                             on: Self.day) }),
            ]
            for (name, write) in refusals {
                let error = S.storeError(write)
                if case .progress(let project, _)? = error { check.equal(project, p.code, name) } else {
                    check.that(false, "\(name): \(String(describing: error))")
                }
            }
            check.that(try f.fingerprint() == before, "the refusals changed the store")
        }
    }

    /// --as-of in the future would let every "not after the as-of day" rule through.
    @Test(arguments: Engine.allCases)
    func noWriteIsDatedAfterTheRealDay(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, accounts: ["lf-office"]) { f, check in
            let p = try Self.project(f.store)
            let store = try f.open(as: "lf-office", clock: { Date(timeIntervalSince1970: 1_795_000_000) })   // 2026-11-18
            let later = Day.parse("2026-11-19")!
            let before = try f.fingerprint()
            let refusals: [() throws -> Void] = [
                { _ = try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 1)), on: later) },
                { _ = try store.addReminder(Reminder(project: p.code, date: later, by: ""), on: later) },
                { _ = try store.registerIssue(NewIssue(project: p.code, category: .land, level: .city, description: "d"), on: later) },
                { _ = try store.importLedger(.reminders, data: Data("项目编码,催办日期,催办人\n\(p.code),2026-11-19,\n".utf8), file: "r.csv", today: later) },
            ]
            for (n, write) in refusals.enumerated() {
                let error = S.storeError(write)
                if case let .writeDayAfterToday(day, today)? = error {
                    check.that(day == later && today == Day.parse("2026-11-18")!, "write \(n): \(day) \(today)")
                } else {
                    check.that(false, "write \(n) dated after the real day: \(String(describing: error))")
                }
            }
            check.that(try f.fingerprint() == before, "the refusals changed the store")
            // The real day itself, and any day before it, may be written.
            check.equal(try store.addReminder(Reminder(project: p.code, date: Day.parse("2026-11-18")!, by: ""), on: Day.parse("2026-11-18")!),
                        .inserted)
        }
    }

    /// A clerk zeroes a month, the office lowers the total investment to what is left, the
    /// clerk's undo would put the month back above the total: refused, nothing changed.
    @Test(arguments: Engine.allCases)
    func anUndoThatWouldBreakTheTotalIsRefused(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, accounts: ["lf-law", "lf-office"]) { f, check in
            let clerk = try f.open(as: "lf-law"), office = try f.open(as: "lf-office")
            let file = try S.require(try f.store.loadProjectFile(Self.project(f.store).code))
            let record = try S.require(file.records.last { $0.completed > .zero && $0.month.year == 2026 })
            _ = try clerk.recordProgress(ProgressEntry(project: file.project.code, month: record.month, completed: .zero), on: Self.day)
            let left = try S.require(try f.store.loadProjectFile(file.project.code)).records.reduce(Money.zero) { $0 + $1.completed }
            let exported = try office.exportLedger(.projects)
            var lines = exported.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            let totalColumn = try S.require(header.firstIndex { $0.hasPrefix("总投资") })
            let planColumn = try S.require(header.firstIndex { $0.hasPrefix("年度计划投资") })
            let row = try S.require(lines.firstIndex { $0.hasPrefix(file.project.code + ",") })
            var cells = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[totalColumn] = left.wanText
            if file.project.annualPlan > left { cells[planColumn] = left.wanText }
            lines[row] = cells.joined(separator: ",")
            check.equal(try office.importLedger(.projects, data: Data(lines.joined(separator: "\n").utf8), file: "p.csv", today: Self.day).updated, 1)
            let before = try f.fingerprint()
            let error = S.storeError { _ = try clerk.undoLast() }
            if case let .undoBreaksRule(project, .beyondTotal)? = error { check.equal(project, file.project.code) } else {
                check.that(false, "an undo above the total: \(String(describing: error))")
            }
            check.that(try f.fingerprint() == before, "the refused undo changed the store")
        }
    }

    @Test(arguments: Engine.allCases)
    func aStaleEditIsRefusedWithWhoAndWhen(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, accounts: ["lf-law"]) { f, check in
            let base = f.store
            let p = try Self.project(base)
            let file = try S.require(try base.loadProjectFile(p.code))
            let loaded = ProgressBase(monthly: file.records.first { $0.month == Self.october }?.version ?? 0)
            let other = try f.open(as: "lf-law", clock: { Date(timeIntervalSince1970: 1_795_000_000) })
            _ = try other.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 5)), on: Self.day)
            let error = S.storeError {
                _ = try base.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 7)), on: Self.day, basedOn: loaded)
            }
            if case let .staleEdit(entity, key, by, at)? = error {
                check.equal(entity, "monthly"); check.equal(key, "\(p.code)/2026-10"); check.equal(by, f.account("lf-law"))
                // The change log's time: the store's clock on SQLite, the server's on PostgreSQL.
                let expected = engine == .sqlite ? "2026-11-18" : String(ISO8601DateFormatter().string(from: Date()).prefix(10))
                check.that(at.hasPrefix(expected), "changed at \(at), expected on \(expected)")
            } else {
                check.that(false, "a stale edit: \(String(describing: error))")
            }
            check.equal(try S.record(base, p.code, Self.october)?.completed, Money(wan: 5), "the other's figure kept")
            // An issue step based on an old version is refused the same way.
            let issue = try base.registerIssue(NewIssue(project: p.code, category: .land, level: .city, description: "d"), on: Self.day)
            _ = try other.apply(.dispatch(unit: "市公安局"), toIssue: issue.id, on: Self.day)
            let step = S.storeError { _ = try base.apply(.dispatch(unit: "市能源局"), toIssue: issue.id, on: Self.day, basedOn: issue.version) }
            if case let .staleEdit(entity, key, by, _)? = step {
                check.equal(entity, "issue"); check.equal(key, issue.id); check.equal(by, f.account("lf-law"))
            } else {
                check.that(false, "a stale issue step: \(String(describing: step))")
            }
        }
    }

    @Test(arguments: Engine.allCases)
    func theIssueWorkflowRunsThroughTheStoreAndRefusesWithTheReason(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let p = try Self.project(store)
            var issue = try store.registerIssue(NewIssue(project: p.code, category: .energy, level: .city, description: "能耗指标不足"), on: Self.day)
            check.that(issue.id.hasPrefix("Q2026-") && issue.status == .registered && issue.registeredOn == Self.day, "\(issue)")
            issue = try store.apply(.dispatch(unit: "市能源局"), toIssue: issue.id, on: Self.day)
            issue = try store.apply(.arrange, toIssue: issue.id, on: Self.day)
            issue = try store.apply(.feedback(note: "已协调"), toIssue: issue.id, on: Self.day.adding(days: 1))
            issue = try store.apply(.claimSolved(note: "指标已下达"), toIssue: issue.id, on: Self.day.adding(days: 2))
            issue = try store.apply(.confirmSatisfied, toIssue: issue.id, on: Self.day.adding(days: 3))
            check.equal(issue.status, .cleared); check.equal(issue.clearedOn, Self.day.adding(days: 3))
            let error = S.storeError { _ = try store.apply(.arrange, toIssue: issue.id, on: Self.day.adding(days: 3)) }
            guard case .workflow(_, .notFromStatus)? = error else { check.that(false, "arranging a cleared issue: \(String(describing: error))"); return }
            let history = try store.history(entity: "issue", key: issue.id)
            check.equal(history.count, 6, "the issue's log")
            check.that(history.allSatisfy { $0.actor == store.actor }, "logged as the account: \(history.map(\.actor))")
        }
    }

    @Test(arguments: Engine.allCases)
    func undoTakesBackTheLastOwnWriteAsANewLoggedChange(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, accounts: ["lf-law"]) { f, check in
            let store = f.store
            let p = try Self.project(store)
            let original = try S.require(try store.loadProjectFile(p.code))
            let meetings = try store.loadPortfolio().meetings.count
            _ = try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 3)), on: Self.day)
            _ = try store.addReminder(Reminder(project: p.code, date: Self.day, by: "办公室", note: "请加快"), on: Self.day)
            let logged = try store.changeLogCount()
            // The last write first: the reminder goes.
            let undone = try store.undoLast()
            check.equal(undone.map(\.entity), ["reminder"])
            check.equal(try store.loadProjectFile(p.code)?.reminders, original.reminders, "the reminders as they were")
            check.equal(try store.changeLogCount(), logged + 1, "the undo is logged")
            // Then the monthly figures come back as they were, plan and version included in the log.
            _ = try store.undoLast()
            check.equal(try store.loadProjectFile(p.code)?.records.map(\.completed), original.records.map(\.completed))
            // The board's packed figures follow.
            let findings = try store.check()
            check.that(findings.allSatisfy { $0.severity == .ok }, "\(findings)")
            // Nothing is left: the ledgers the store was made from are not undoable, and another
            // account has nothing of its own.
            check.that(S.storeError { _ = try store.undoLast() } != nil, "a third undo")
            check.equal(try store.loadPortfolio().meetings.count, meetings)
            let other = try f.open(as: "lf-law")
            check.that(S.storeError { _ = try other.undoLast() } != nil, "another account's undo")
        }
    }

    @Test(arguments: Engine.allCases)
    func twoUndosInARowOnOneRowGoBackTwoWrites(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let p = try Self.project(store)
            let original = try S.record(store, p.code, Self.october)
            _ = try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 3)), on: Self.day)
            _ = try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 4)), on: Self.day)
            _ = try store.undoLast()
            check.equal(try S.record(store, p.code, Self.october)?.completed, Money(wan: 3), "after one undo")
            _ = try store.undoLast()
            check.equal(try S.record(store, p.code, Self.october)?.completed, original?.completed, "after two")
        }
    }

    @Test(arguments: Engine.allCases)
    func undoRefusesWhenSomeoneChangedTheRowSince(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, accounts: ["lf-law"]) { f, check in
            let store = f.store
            let p = try Self.project(store)
            _ = try store.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 3)), on: Self.day)
            let clerk = try f.open(as: "lf-law")
            _ = try clerk.recordProgress(ProgressEntry(project: p.code, month: Self.october, completed: Money(wan: 4)), on: Self.day)
            let error = S.storeError { _ = try store.undoLast() }
            if case let .undoBlocked(_, _, by, _)? = error { check.equal(by, f.account("lf-law")) } else {
                check.that(false, "undo over someone else's change: \(String(describing: error))")
            }
            // The clerk undoes their own change; the value is the office's again.
            _ = try clerk.undoLast()
            check.equal(try S.record(store, p.code, Self.october)?.completed, Money(wan: 3))
        }
    }

    /// Meeting series stored as occurrences (issue 5 §1): moving or cancelling one keeps the
    /// rest, and expanding again brings neither back.
    @Test(arguments: Engine.allCases)
    func meetingSeriesExpandMoveCancelAndExpandAgain(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .organisation(.linfen)) { f, check in
            let store = f.store
            let today = Day.parse("2026-10-31")!
            let (from, to) = (Day.parse("2026-01-01")!, Day.parse("2027-12-31")!)
            // init expanded this year and the next already.
            let first = try store.meetings(from: from, to: to)
            check.equal(first.count, 2 * 149, "a city year: 149 meetings on the seeds' cadence (CadenceTests)")
            let plenary = try S.require(first.first { $0.id == "plenary-20261225" })
            _ = try store.moveMeeting(plenary.id, to: Day.parse("2026-12-28")!, time: "09:00", on: today)
            let weekly = try S.require(first.first { $0.id == "weekly-20261109" })
            _ = try store.cancelMeeting(weekly.id, reason: "与现场观摩冲突")
            let again = try store.expandCadence(from: from, to: to)
            check.that(again.added == 0 && again.kept == first.count, "expanded again: \(again)")
            let after = try store.meetings(from: from, to: to)
            check.equal(after.count, first.count)
            // Its id follows the day it is held; the scheduled id is an alias (issue 15 §3).
            let moved = try S.require(after.first { $0.id == "plenary-20261228" })
            check.that(moved.date == Day.parse("2026-12-28")! && moved.time == "09:00" && moved.isMoved && moved.scheduledOn == plenary.date, "\(moved)")
            check.that(!after.contains { $0.id == plenary.id }, "the scheduled id is gone")
            check.equal(try store.meeting(plenary.id)?.id, moved.id, "the alias")
            check.equal(after.first { $0.id == weekly.id }?.cancelled, true)
            // The next headquarters meeting for red-card statements skips a cancelled one.
            _ = try store.cancelMeeting(plenary.id, reason: "并入年度大会")
            let cancelled = try store.meetings(from: from, to: to)
            check.equal(cancelled.first { $0.id == moved.id }?.cancelled, true)
            check.equal(Meetings.statementMeeting(for: YearMonth(year: 2026, month: 11)!, in: cancelled)?.id, "conference-20270226")
            // Moving into the past is refused.
            check.that(S.storeError { _ = try store.moveMeeting(weekly.id, to: Day.parse("2026-10-01")!, on: today) } != nil, "moved into the past")
        }
    }

    /// Triage at a meeting (issue 5 §3–§4): each action saved at once; a decision becomes an
    /// issue on the 13710 clock; the record is there to resume from and to print the minutes.
    @Test(arguments: Engine.allCases)
    func triageDecisionsAreTrackedAndKeptForTheMinutes(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, accounts: ["lf-law"]) { f, check in
            let store = f.store
            let day = Day.parse("2026-11-09")!
            let meeting = "progress-20261109"   // scheduled on Sunday the 8th, held on the 9th
            let open = try S.require(try store.loadIssues().first { $0.status == .fedBack || $0.status == .arranged })
            // A decision: an issue registered, dispatched to the unit, with the deadline.
            let d = try store.record(DecisionInput(meeting: meeting, item: "statement:LF2026-0001", project: "LF2026-0001", kind: .decision,
                                                   text: "月底前完成管网改造", unit: "市住建局", person: "王建国",
                                                   deadline: Day.parse("2026-11-30")!), on: day)
            let tracked = try S.require(try store.issue(d.issue))
            check.that(tracked.status == .dispatched && tracked.unit == "市住建局" && tracked.deadline == Day.parse("2026-11-30")!, "\(tracked)")
            check.that(tracked.project == "LF2026-0001" && tracked.description.contains("月底前完成管网改造"), "\(tracked)")
            // An interview held, and a deadline set on an overdue issue.
            _ = try store.record(DecisionInput(meeting: meeting, item: "interview:LF2026-0002", project: "LF2026-0002", kind: .interviewHeld,
                                               text: "分指挥长已约谈"), on: day)
            _ = try store.record(DecisionInput(meeting: meeting, item: "overdue:\(open.id)", project: open.project, kind: .deadline,
                                               text: "会上议定", deadline: Day.parse("2026-11-20")!, issue: open.id,
                                               action: .setDeadline(Day.parse("2026-11-20")!, reason: "会上议定")), on: day)
            check.equal(try store.issue(open.id)?.deadline, Day.parse("2026-11-20")!)
            // Reassigned at the meeting: from its unit to another, the clock starting again.
            _ = try store.record(DecisionInput(meeting: meeting, item: "overdue:\(open.id)", project: open.project, kind: .assigned,
                                               unit: "市发展改革委", issue: open.id, action: .dispatch(unit: "市发展改革委")), on: day)
            let reassigned = try S.require(try store.issue(open.id))
            check.that(reassigned.unit == "市发展改革委" && reassigned.status == .dispatched && reassigned.dispatchedOn == day, "\(reassigned)")
            // Read back in order: what triage resumes from and the minutes print.
            let recorded = try store.decisions(meeting: meeting)
            check.equal(recorded.map(\.kind), [.decision, .interviewHeld, .deadline, .assigned])
            check.equal(recorded.map(\.id), ["\(meeting)-d1", "\(meeting)-d2", "\(meeting)-d3", "\(meeting)-d4"])
            // A decision without a deadline, or to a unit not on the list, is refused and writes nothing.
            let before = try f.fingerprint()
            check.that(S.storeError {
                _ = try store.record(DecisionInput(meeting: meeting, item: "x", project: "LF2026-0001", kind: .decision, text: "t", unit: "市住建局"), on: day)
            } != nil, "a decision without a deadline")
            check.that(S.storeError {
                _ = try store.record(DecisionInput(meeting: meeting, item: "x", project: "LF2026-0001", kind: .decision, text: "t", unit: "不存在的局",
                                                   deadline: Day.parse("2026-11-30")!), on: day)
            } != nil, "a decision to a unit not on the list")
            // Only the office records meetings.
            let clerk = try f.open(as: "lf-law")
            let refused = S.storeError {
                _ = try clerk.record(DecisionInput(meeting: meeting, item: "x", project: "LF2026-0002", kind: .interviewHeld), on: day)
            }
            if case .accessRefused? = refused {} else { check.that(false, "a clerk recording a meeting: \(String(describing: refused))") }
            check.that(try f.fingerprint() == before, "the refusals changed the store")
        }
    }

    @Test(arguments: Engine.allCases)
    func anInterviewHeldIsNoLongerDueAtTheMonthsOtherMeetings(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let portfolio = try store.loadPortfolio()
            let sub = try S.require(portfolio.meetings.first { $0.id == "sub-municipal-20261105" })
            let progress = try S.require(portfolio.meetings.first { $0.id == "progress-20261109" })
            let before = Agenda.build(for: progress, portfolio: portfolio, rules: store.config.rules).items
            let interview = try S.require(Agenda.build(for: sub, portfolio: portfolio, rules: store.config.rules).items.first {
                if case .interview = $0 { return true }; return false
            })
            check.that(before.contains { $0.key == interview.key }, "due at the progress meeting before")
            _ = try store.record(DecisionInput(meeting: sub.id, item: interview.key, project: interview.projectCode, kind: .interviewHeld),
                                 on: Day.parse("2026-11-05")!)
            // A second time at the same meeting is refused.
            check.that(S.storeError {
                _ = try store.record(DecisionInput(meeting: sub.id, item: interview.key, project: interview.projectCode, kind: .interviewHeld),
                                     on: Day.parse("2026-11-05")!)
            } != nil, "held twice")
            let after = try store.loadPortfolio()
            check.equal(after.heldFollowUps.count, 1)
            // Not due again at the month's next meeting; still on the agenda of the meeting that held it.
            check.that(!Agenda.build(for: progress, portfolio: after, rules: store.config.rules).items.contains { $0.key == interview.key },
                       "not due again")
            check.that(Agenda.build(for: sub, portfolio: after, rules: store.config.rules).items.contains { $0.key == interview.key },
                       "still on the meeting that held it")
        }
    }

    /// The awards' writes (issue 6 §3): proposals replace, picks come from them and replace the
    /// quarter's earlier picks, the rules' refusals write nothing, undo takes a pick back.
    @Test(arguments: Engine.allCases)
    func awardsProposeThenPickThenReplace(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store, day = Self.day
            let q3 = Quarter(year: 2026, number: 3)!
            let projects = try store.loadPortfolio(.board).files.map(\.project)
            let law = projects.filter { $0.subcommand == "law" }.map(\.code)
            let other = try S.require(projects.first { $0.subcommand != "law" })
            try store.proposeAwards(quarter: q3, subcommand: "law", best: AwardChoice(project: law[0], reason: "好"),
                                    worst: AwardChoice(project: law[1], reason: "差"), on: day)
            // Proposing again replaces one kind and keeps the other.
            try store.proposeAwards(quarter: q3, subcommand: "law", best: AwardChoice(project: law[2], reason: "更好"), worst: nil, on: day)
            var record = try store.loadAwards()
            check.equal(record.proposals(q3).count, 2)
            check.equal(record.proposal(q3, subcommand: "law", kind: .antelope)?.project, law[2])
            check.equal(record.proposal(q3, subcommand: "law", kind: .snail)?.reason, "差")

            // Refusals: another sub-command's project, the same project both ways, a quarter not
            // ended, a pick not proposed. Each writes nothing.
            let before = try f.fingerprint()
            func problems(_ body: () throws -> Void) -> [AwardProblem]? {
                guard case let .awards(p)? = S.storeError(body) else { return nil }
                return p
            }
            check.equal(problems { try store.proposeAwards(quarter: q3, subcommand: "law", best: AwardChoice(project: other.code), worst: nil, on: day) },
                        [.notInSubcommand(project: other.code, subcommand: "law")])
            check.equal(problems { try store.proposeAwards(quarter: q3, subcommand: "law", best: AwardChoice(project: law[1]), worst: nil, on: day) },
                        [.bothKinds(law[1])])
            let q4 = Quarter(year: 2026, number: 4)!
            check.equal(problems { try store.proposeAwards(quarter: q4, subcommand: "law", best: AwardChoice(project: law[0]), worst: nil, on: day) },
                        [.quarterNotEnded(q4)])
            check.equal(problems { try store.pickAwards(quarter: q3, antelope: [law[0]], snail: [], on: day) }, [.notProposed(.antelope, law[0])])
            check.that(try f.fingerprint() == before, "the refusals changed the store")

            try store.pickAwards(quarter: q3, antelope: [law[2]], snail: [law[1]], on: day)
            record = try store.loadAwards()
            check.equal(record.picks(q3, .antelope).map(\.project), [law[2]])
            check.equal(record.picks(q3, .snail).map(\.project), [law[1]])
            // An awarded proposal stays: the office changes the awards first.
            check.equal(problems { try store.proposeAwards(quarter: q3, subcommand: "law", best: nil, worst: AwardChoice(project: law[3]), on: day) },
                        [.alreadyAwarded(.snail, law[1])])
            // Picking one kind leaves the other; an empty list clears a kind.
            try store.pickAwards(quarter: q3, antelope: [law[2]], snail: nil, on: day)
            check.equal(try store.loadAwards().picks(q3, .snail).map(\.project), [law[1]])
            try store.pickAwards(quarter: q3, antelope: nil, snail: [], on: day)
            record = try store.loadAwards()
            check.that(record.picks(q3, .snail).isEmpty && record.picks(q3, .antelope).count == 1, "the snail cleared, the antelope kept")
            // The portfolio carries the record for the screens.
            check.that(try store.loadPortfolio().awards == record, "the portfolio's awards")
            // Undo puts the snail back.
            _ = try store.undoLast()
            check.equal(try store.loadAwards().picks(q3, .snail).map(\.project), [law[1]])
        }
    }

    /// A write the roster does not allow is refused naming the account and who may: the
    /// sub-command's clerk and the office (moved from AccessTests). On PostgreSQL the unit's
    /// account is a login of its own, with a unit's rights.
    @Test(arguments: Engine.allCases)
    func aRefusalSaysWhoMay(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, accounts: ["lf-unit-energy"]) { f, check in
            let own = try Self.project(f.store)
            let registered = try f.store.registerIssue(NewIssue(project: own.code, category: .land, level: .city, description: "test"), on: Self.day)
            let unit = try f.open(as: "lf-unit-energy")
            check.equal(unit.role, .unit(name: "市能源局"), "the unit's role")
            let before = try f.fingerprint()
            let dispatch = S.storeError { _ = try unit.apply(.dispatch(unit: "x"), toIssue: registered.id, on: Self.day) }
            if case .accessRefused(let refusal)? = dispatch { check.equal(refusal.account, f.account("lf-unit-energy")) } else {
                check.that(false, "a unit dispatching: \(String(describing: dispatch))")
            }
            let remind = S.storeError { _ = try unit.addReminder(Reminder(project: own.code, date: Self.day, by: ""), on: Self.day) }
            if case .accessRefused? = remind, let text = remind?.description {
                check.that(text.contains(f.account("lf-unit-energy")) && text.contains("lf-office") && text.contains("lf-law"), text)
            } else {
                check.that(false, "a unit's reminder: \(String(describing: remind))")
            }
            check.that(try f.fingerprint() == before, "the refusals changed the store")
        }
    }
}
