import Foundation
import KeyProjects
import KeyProjectsPostgres
@_spi(Testing) import KeyProjectsStore
import Testing

/// The scenarios `BothEnginesTests` runs on each engine: each makes its writes through the
/// `Store` protocol, checks what it reads back, and returns a transcript of what it saw in
/// engine-neutral words (no times, no change-log ids, the accounts as `<me>` and `<other>`), so
/// that the same scenario on the two engines can be compared line for line.
///
/// Every scenario writes as the runner's account, the office on both engines (other roster
/// accounts, such as a clerk, write in the `BothEngines…` tests through `EngineFixture`'s
/// `accounts`). "Another account" is `lf-office` on SQLite and a login role of the schema's
/// office group writing plain SQL on PostgreSQL (`EngineSide`).
enum BothEnginesScenarios {
    static let day = EngineFixture.day
    static let october = EngineFixture.october

    /// A change-log entry without its id and time, the accounts named by their part.
    static func line(_ e: ChangeEntry, me: String, other: String? = nil) -> String {
        let who = e.actor == me ? "<me>" : e.actor == other ? "<other>" : e.actor
        return "\(who) \(e.action.rawValue) \(e.entity) \(e.key)\(e.undoes == nil ? "" : " (undo)")"
    }

    static func record(_ store: any Store, _ code: String, _ month: YearMonth) throws -> MonthlyRecord? {
        try store.loadProjectFile(code)?.records.first { $0.month == month }
    }

    // MARK: Progress, stale edits, versions

    /// `recordProgress` raises the version by one per update; an edit based on an older version
    /// is refused as stale, naming whoever changed the row (the same account through a second
    /// store object, then another account); the same values again are `.unchanged` and log
    /// nothing.
    static func progress(_ side: EngineSide, _ check: EngineChecks) throws -> [String] {
        let s = side.store, me = s.actor
        let code = "LF2026-0002", key = "LF2026-0002/2026-10"
        var out: [String] = []
        let original = try require(try record(s, code, october))
        let v0 = original.version
        let n0 = try s.changeLogCount()

        let first = try s.recordProgress(ProgressEntry(project: code, month: october, completed: Money(wan: 1200), progress: "主体封顶"),
                                         on: day, basedOn: ProgressBase(monthly: v0))
        check.equal(first, .updated, "the first update")
        let r1 = try require(try record(s, code, october))
        check.equal(r1.version, v0 + 1, "the version after one update")
        check.equal(r1.completed, Money(wan: 1200))
        check.equal(r1.progress, "主体封顶")
        check.equal(r1.planned, original.planned, "the month's plan is kept")
        check.equal(try s.changeLogCount(), n0 + 1, "one log row per update")
        let logged = try require(try s.history(entity: "monthly", key: key).last)
        check.equal(logged.actor, me, "the log's actor")
        check.equal(logged.action, .update)
        check.that(logged.before?.contains("\"version\":\(v0)") == true, "before holds version \(v0): \(logged.before ?? "nil")")
        check.that(logged.after?.contains("\"version\":\(v0 + 1)") == true && logged.after?.contains("\"completed\":12000000") == true,
                   "after holds version \(v0 + 1) and the figure: \(logged.after ?? "nil")")
        out.append("first: \(first) v+\(r1.version - v0) \(line(logged, me: me))")

        // A second store object of the same account: its update based on the version it read.
        let second = try side.reopen()
        let other = try second.recordProgress(ProgressEntry(project: code, month: october, completed: Money(wan: 1300), progress: "主体封顶"),
                                              on: day, basedOn: ProgressBase(monthly: v0 + 1))
        check.equal(other, .updated, "the second object's update")
        check.equal(try record(s, code, october)?.version, v0 + 2)

        // The first object's edit based on the version before it: stale, naming the account.
        let stale = storeError {
            _ = try s.recordProgress(ProgressEntry(project: code, month: october, completed: Money(wan: 1400), progress: "主体封顶"),
                                 on: day, basedOn: ProgressBase(monthly: v0 + 1))
        }
        if case let .staleEdit(entity, k, by, at)? = stale {
            check.equal(entity, "monthly"); check.equal(k, key); check.equal(by, me, "the stale edit names the account")
            check.that(at.hasPrefix("20") && at.hasSuffix("Z"), "changed at an ISO time: \(at)")
            out.append("stale after second object: \(entity) \(k) by <me>")
        } else {
            check.that(false, "a stale edit was not refused as stale: \(String(describing: stale))")
        }
        check.equal(try record(s, code, october)?.completed, Money(wan: 1300), "the stale edit wrote nothing")
        check.equal(try s.changeLogCount(), n0 + 2)

        // Another account changes the month: an edit based on the version before is refused
        // naming them.
        let who = try side.otherAccountSetsCompleted(code, october, Money(wan: 1350))
        check.that(who != me, "another account: \(who)")
        check.equal(try record(s, code, october)?.version, v0 + 3, "the other account's update raised the version")
        let staleOther = storeError {
            _ = try s.recordProgress(ProgressEntry(project: code, month: october, completed: Money(wan: 1400), progress: "主体封顶"),
                                 on: day, basedOn: ProgressBase(monthly: v0 + 2))
        }
        if case let .staleEdit(entity, k, by, _)? = staleOther {
            check.equal(entity, "monthly"); check.equal(k, key); check.equal(by, who, "the stale edit names the other account")
            out.append("stale after other account: \(entity) \(k) by <other>")
        } else {
            check.that(false, "a stale edit after another account was not refused as stale: \(String(describing: staleOther))")
        }
        check.equal(try s.history(entity: "monthly", key: key).last?.actor, who, "the log names the other account")

        // The same values again: unchanged, no version, no log row.
        let n1 = try s.changeLogCount()
        let same = try s.recordProgress(ProgressEntry(project: code, month: october, completed: Money(wan: 1350), progress: "主体封顶"),
                                        on: day, basedOn: ProgressBase(monthly: v0 + 3))
        check.equal(same, .unchanged, "the same values again")
        check.equal(try s.changeLogCount(), n1, "an unchanged write logs nothing")
        check.equal(try record(s, code, october)?.version, v0 + 3, "an unchanged write keeps the version")
        out.append("same again: \(same); log +\(try s.changeLogCount() - n0); version +\(try record(s, code, october)!.version - v0)")
        out.append(contentsOf: try s.history(entity: "monthly", key: key).map { line($0, me: me, other: who) })
        return out
    }

    // MARK: Reminders

    /// A second reminder the same day by the same person joins its note to the first's.
    static func reminders(_ side: EngineSide, _ check: EngineChecks) throws -> [String] {
        let s = side.store, me = s.actor
        let code = "LF2026-0008"
        let outcomes = try [
            s.addReminder(Reminder(project: code, date: day, by: "办公室", note: "请加快竣工前准备"), on: day),
            s.addReminder(Reminder(project: code, date: day, by: "办公室", note: "周五前报进度"), on: day),
            s.addReminder(Reminder(project: code, date: day, by: "办公室", note: "周五前报进度"), on: day),
            s.addReminder(Reminder(project: code, date: day, by: "办公室"), on: day),
        ]
        check.equal(outcomes, [.inserted, .updated, .unchanged, .unchanged], "the reminders' outcomes")
        let today = try require(try s.loadProjectFile(code)).reminders.filter { $0.date == day && $0.by == "办公室" }
        check.equal(today.map(\.note), ["请加快竣工前准备；周五前报进度"], "the notes joined")
        check.equal(today.map(\.version), [2], "inserted then updated once")
        check.equal(today.first?.noteClauses ?? [], ["请加快竣工前准备", "周五前报进度"])
        let history = try s.history(entity: "reminder", key: "\(code)/2026-10-31/办公室")
        check.equal(history.map(\.action), [.insert, .update], "the reminder's log")
        check.that(history.allSatisfy { $0.actor == me }, "logged as the account: \(history.map(\.actor))")
        return ["outcomes: \(outcomes)", "notes: \(today.map(\.note))"] + history.map { line($0, me: me) }
    }

    // MARK: Issues

    /// An issue registered and taken through the workflow, a version per step; a step based on
    /// an older version is refused; the open-issue counts follow.
    static func issues(_ side: EngineSide, _ check: EngineChecks) throws -> [String] {
        let s = side.store, me = s.actor
        let code = "LF2026-0002"
        let openBefore = try s.loadPortfolio(.board).openIssueCounts[code] ?? 0
        var issue = try s.registerIssue(NewIssue(project: code, category: .energy, level: .city, description: "能耗指标不足"), on: day)
        check.that(issue.id.hasPrefix("Q2026-"), "the issue's id: \(issue.id)")
        check.equal(issue.status, .registered); check.equal(issue.version, 1); check.equal(issue.registeredOn, day)
        check.equal(try s.loadPortfolio(.board).openIssueCounts[code] ?? 0, openBefore + 1, "open issues after registering")
        var out = ["registered \(issue.id) \(issue.status.rawValue) v\(issue.version)"]
        let steps: [(IssueAction, Day)] = [
            (.dispatch(unit: "市能源局"), day), (.arrange, day), (.feedback(note: "已协调"), day.adding(days: 1)),
            (.claimSolved(note: "指标已下达"), day.adding(days: 2)), (.confirmSatisfied, day.adding(days: 3)),
        ]
        for (n, (action, on)) in steps.enumerated() {
            let before = issue.version
            issue = try s.apply(action, toIssue: issue.id, on: on, basedOn: before)
            check.equal(issue.version, before + 1, "step \(n + 1)'s version")
            out.append("\(issue.status.rawValue) v\(issue.version)")
            if n == 0 { check.equal(issue.unit, "市能源局"); check.equal(issue.dispatchedOn, day) }
        }
        check.equal(issue.status, .cleared); check.equal(issue.clearedOn, day.adding(days: 3))
        check.equal(try s.issue(issue.id), issue, "read back by id")
        check.equal(try s.loadIssues().first { $0.id == issue.id }, issue, "read back with every issue")
        check.equal(try s.loadPortfolio(.board).openIssueCounts[code] ?? 0, openBefore, "open issues after clearing")

        // A step based on an older version: stale; a step the workflow refuses: said why.
        let stale = storeError { _ = try s.apply(.reopen(reason: "复发"), toIssue: issue.id, on: day.adding(days: 3), basedOn: issue.version - 1) }
        if case let .staleEdit(entity, key, by, _)? = stale {
            check.equal(entity, "issue"); check.equal(key, issue.id); check.equal(by, me)
        } else {
            check.that(false, "a stale step was not refused as stale: \(String(describing: stale))")
        }
        let refused = storeError { _ = try s.apply(.arrange, toIssue: issue.id, on: day.adding(days: 3)) }
        if case .workflow(let id, .notFromStatus)? = refused { check.equal(id, issue.id) } else {
            check.that(false, "arranging a cleared issue: \(String(describing: refused))")
        }
        let history = try s.history(entity: "issue", key: issue.id)
        check.equal(history.map(\.action), [.insert] + Array(repeating: .update, count: 5), "the issue's log")
        check.that(history.allSatisfy { $0.actor == me }, "logged as the account")
        return out + history.map { line($0, me: me) }
    }

    // MARK: Meetings

    /// A meeting moved (its id follows the day; the old id an alias), one cancelled, two added
    /// off-cadence.
    static func meetings(_ side: EngineSide, _ check: EngineChecks) throws -> [String] {
        let s = side.store, me = s.actor
        let december = (Day.parse("2026-12-01")!, Day.parse("2026-12-31")!)
        let before = try s.meetings(from: december.0, to: december.1)
        let plenary = try require(before.first { $0.kind == .plenary && !$0.cancelled })
        check.equal(plenary.id, "plenary-20261225", "December's plenary")
        let moved = try s.moveMeeting(plenary.id, to: Day.parse("2026-12-28")!, time: "09:00", on: day)
        check.equal(moved.id, "plenary-20261228"); check.equal(moved.date, Day.parse("2026-12-28")!); check.equal(moved.time, "09:00")
        check.that(moved.isMoved, "moved"); check.equal(moved.scheduledOn, plenary.date)
        check.equal(try s.meeting(plenary.id)?.id, moved.id, "the scheduled id is an alias")
        var out = ["moved \(plenary.id) → \(moved.id) \(moved.time) v\(moved.version)"]

        let weekly = try require(before.first { $0.kind == .weeklyDispatch && !$0.cancelled })
        let cancelled = try s.cancelMeeting(weekly.id, reason: "与现场观摩冲突")
        check.that(cancelled.cancelled, "cancelled"); check.that(cancelled.note.hasSuffix("与现场观摩冲突"), "the reason: \(cancelled.note)")
        check.equal(cancelled.version, weekly.version + 1, "the cancelled meeting's version")
        let again = storeError { _ = try s.cancelMeeting(weekly.id, reason: "再次") }
        if case .invalidValue(_, .meetingAlreadyCancelled(let id))? = again { check.equal(id, weekly.id) } else {
            check.that(false, "cancelling twice: \(String(describing: again))")
        }
        let moveCancelled = storeError { _ = try s.moveMeeting(weekly.id, to: Day.parse("2026-12-30")!, on: day) }
        if case .invalidValue(_, .meetingCancelled)? = moveCancelled {} else { check.that(false, "moving a cancelled meeting: \(String(describing: moveCancelled))") }
        out.append("cancelled \(weekly.id) v\(cancelled.version)")

        let adhoc = Meeting(id: "", date: Day.parse("2026-12-03")!, time: "14:30", kind: .adHoc, title: "临时调度会", chair: "许慧宁")
        let a1 = try s.addMeeting(adhoc)
        let a2 = try s.addMeeting(adhoc)
        check.equal([a1.id, a2.id], ["adhoc-20261203-1", "adhoc-20261203-2"], "off-cadence ids")
        check.equal(a1.version, 1)
        let after = try s.meetings(from: december.0, to: december.1)
        check.equal(after.count, before.count + 2, "December's meetings")
        check.that(after.contains { $0.id == moved.id } && !after.contains { $0.id == plenary.id }, "the moved meeting under its new id only")
        check.equal(after.filter { $0.date == Day.parse("2026-12-03")! }.map(\.id).filter { $0.hasPrefix("adhoc") }, [a1.id, a2.id])
        check.equal(try s.history(entity: "meeting", key: plenary.id).last?.action, .delete, "the old id's row went")
        check.equal(try s.history(entity: "meeting", key: moved.id).map(\.action), [.insert], "the new id's row came")
        out.append("added \(a1.id) \(a2.id)")
        out.append(contentsOf: after.map { "\($0.id) \($0.date.iso) \($0.time) \($0.cancelled ? "cancelled" : "") v\($0.version)" })

        // A move undone: the meeting is back under its scheduled id (a delete and an insert taken back).
        let march = (Day.parse("2027-03-01")!, Day.parse("2027-03-31")!)
        let spring = try require(try s.meetings(from: march.0, to: march.1).first { $0.kind == .plenary })
        let springMoved = try s.moveMeeting(spring.id, to: spring.date.adding(days: 1), on: day)
        check.that(springMoved.id != spring.id, "the id follows the day: \(springMoved.id)")
        let undoneMove = try s.undoLast()
        check.equal(Set(undoneMove.map(\.action)), [.insert, .delete], "the move's two rows")
        let back = try s.meetings(from: march.0, to: march.1)
        let restored = back.first { $0.id == spring.id }
        check.equal(restored?.date, spring.date, "the meeting is back on its day")
        check.equal(restored?.version, spring.version + 1, "put back as a new version")
        check.that(!back.contains { $0.id == springMoved.id }, "the moved id is gone")
        out.append("move undone: \(restored?.id ?? "?") v\(restored?.version ?? 0)")

        // The series expanded into a year not there yet; again adds nothing; undo takes all back.
        let january = (Day.parse("2028-01-01")!, Day.parse("2028-01-31")!)
        let expanded = try s.expandCadence(from: january.0, to: january.1)
        check.that(expanded.added > 0 && expanded.kept == 0, "January 2028 expanded: \(expanded)")
        check.equal(try s.meetings(from: january.0, to: january.1).count, expanded.added)
        let n = try s.changeLogCount()
        let again2 = try s.expandCadence(from: january.0, to: january.1)
        check.equal([again2.added, again2.kept], [0, expanded.added], "expanding again")
        check.equal(try s.changeLogCount(), n, "expanding again logs nothing")
        let undoneExpansion = try s.undoLast()
        check.equal(undoneExpansion.count, expanded.added, "the whole expansion is one write")
        check.equal(try s.meetings(from: january.0, to: january.1).count, 0, "the expansion taken back")
        out.append("expanded January 2028: \(expanded.added), undone \(undoneExpansion.count)")
        out.append(contentsOf: try (s.history(entity: "meeting", key: plenary.id) + s.history(entity: "meeting", key: moved.id)).map { line($0, me: me) })
        return out
    }

    // MARK: Decisions

    /// A decision (an issue dispatched with its deadline) and ten interviews held, read back in
    /// the order recorded (d1…d11, not d1, d10, d11, d2…); the first numbers the agenda.
    static func decisions(_ side: EngineSide, _ check: EngineChecks) throws -> [String] {
        let s = side.store
        let meetingDay = Day.parse("2026-11-09")!
        let meeting = "progress-20261109"
        let heldBefore = try s.loadHeldFollowUps().count
        check.equal(try s.meeting(meeting)?.agendaOrder ?? ["?"], [], "not numbered before triage")
        let d1 = try s.record(DecisionInput(meeting: meeting, item: "statement:LF2026-0001", project: "LF2026-0001", kind: .decision,
                                            text: "月底前完成管网改造", unit: "市住建局", person: "王建国",
                                            deadline: Day.parse("2026-11-30")!), on: meetingDay)
        let tracked = try require(try s.issue(d1.issue))
        check.equal(tracked.status, .dispatched); check.equal(tracked.unit, "市住建局"); check.equal(tracked.deadline, Day.parse("2026-11-30")!)
        check.that(tracked.description.contains("月底前完成管网改造"), "the issue's description: \(tracked.description)")
        let agenda = try s.meeting(meeting)?.agendaOrder ?? []
        check.that(!agenda.isEmpty, "the first record numbers the agenda")
        for n in 2...11 {
            let code = String(format: "LF2026-%04d", n)
            _ = try s.record(DecisionInput(meeting: meeting, item: "interview:\(code)", project: code, kind: .interviewHeld, text: "已约谈"),
                         on: meetingDay)
        }
        let recorded = try s.decisions(meeting: meeting)
        check.equal(recorded.map(\.id), (1...11).map { "\(meeting)-d\($0)" }, "decisions in the order recorded")
        check.equal(recorded.map(\.kind), [.decision] + Array(repeating: .interviewHeld, count: 10))
        check.equal(try s.decisions(in: YearMonth(year: 2026, month: 11)!).filter { $0.meeting == meeting }.map(\.id), recorded.map(\.id),
                    "the month's decisions in the same order")
        check.equal(try s.loadHeldFollowUps().count, heldBefore + 10, "ten interviews held")
        let n = try s.changeLogCount()
        let twice = storeError {
            _ = try s.record(DecisionInput(meeting: meeting, item: "interview:LF2026-0002", project: "LF2026-0002", kind: .interviewHeld), on: meetingDay)
        }
        if case .invalidValue(_, .alreadyRecorded)? = twice {} else { check.that(false, "an interview recorded twice: \(String(describing: twice))") }
        check.equal(try s.changeLogCount(), n, "a refused record writes nothing")
        let decisionLog = try s.history(entity: "decision", key: "\(meeting)-d1") + s.history(entity: "meeting", key: meeting).suffix(1)
        check.equal(decisionLog.map(\.action), [.insert, .update], "the decision, and the agenda numbered on its meeting")
        return ["issue \(d1.issue) \(tracked.status.rawValue) \(tracked.unit)", "agenda \(agenda.count) items"]
            + recorded.map { "\($0.id) \($0.kind.rawValue) \($0.project) \($0.issue)" } + decisionLog.map { line($0, me: s.actor) }
    }

    // MARK: Awards

    /// Proposals replace one kind and keep the other; refusals write nothing; picks come from the
    /// proposals; an empty list clears a kind; undo puts it back.
    static func awards(_ side: EngineSide, _ check: EngineChecks) throws -> [String] {
        let s = side.store
        let q3 = Quarter(year: 2026, number: 3)!
        let projects = try s.loadPortfolio(.board).files.map(\.project)
        let law = projects.filter { $0.subcommand == "law" }.map(\.code)
        let other = try require(projects.first { $0.subcommand != "law" })
        try s.proposeAwards(quarter: q3, subcommand: "law", best: AwardChoice(project: law[0], reason: "好"),
                            worst: AwardChoice(project: law[1], reason: "差"), on: day)
        try s.proposeAwards(quarter: q3, subcommand: "law", best: AwardChoice(project: law[2], reason: "更好"), worst: nil, on: day)
        var record = try s.loadAwards()
        check.equal(record.proposals(q3).count, 2, "Q3's proposals")
        check.equal(record.proposal(q3, subcommand: "law", kind: .antelope)?.project, law[2])
        check.equal(record.proposal(q3, subcommand: "law", kind: .snail)?.reason, "差")
        check.equal(record.proposal(q3, subcommand: "law", kind: .antelope)?.by, s.actor, "recorded by the account")
        let n = try s.changeLogCount()
        func problems(_ body: () throws -> Void) -> [AwardProblem]? {
            guard case let .awards(p)? = storeError(body) else { return nil }
            return p
        }
        check.equal(problems { try s.proposeAwards(quarter: q3, subcommand: "law", best: AwardChoice(project: other.code), worst: nil, on: day) },
                    [.notInSubcommand(project: other.code, subcommand: "law")])
        check.equal(problems { try s.proposeAwards(quarter: q3, subcommand: "law", best: AwardChoice(project: law[1]), worst: nil, on: day) },
                    [.bothKinds(law[1])])
        check.equal(problems { try s.pickAwards(quarter: q3, antelope: [law[0]], snail: [], on: day) }, [.notProposed(.antelope, law[0])])
        check.equal(try s.changeLogCount(), n, "refusals write nothing")
        try s.pickAwards(quarter: q3, antelope: [law[2]], snail: [law[1]], on: day)
        record = try s.loadAwards()
        check.equal(record.picks(q3, .antelope).map(\.project), [law[2]])
        check.equal(record.picks(q3, .snail).map(\.project), [law[1]])
        try s.pickAwards(quarter: q3, antelope: nil, snail: [], on: day)
        check.equal(try s.loadAwards().picks(q3, .snail).map(\.project), [], "an empty list clears a kind")
        check.equal(try s.loadAwards().picks(q3, .antelope).map(\.project), [law[2]], "nil keeps a kind")
        let undone = try s.undoLast()
        check.equal(undone.map(\.entity), ["award"], "the undo takes back the cleared pick")
        record = try s.loadAwards()
        check.equal(record.picks(q3, .snail).map(\.project), [law[1]], "the snail is back")
        check.equal(try s.loadPortfolio().awards, record, "the portfolio carries the record")
        let proposalLog = try s.history(entity: "award-proposal", key: "2026Q3/law/antelope")
        check.equal(proposalLog.map(\.action), [.insert, .update], "the best project's proposal, logged under its key")
        let snailLog = try s.history(entity: "award", key: "2026Q3/snail/\(law[1])")
        check.equal(snailLog.map(\.action), [.insert, .delete, .insert], "the snail's pick: made, cleared, undone")
        check.equal(snailLog.map { $0.undoes != nil }, [false, false, true])
        return record.proposals(q3).map { "proposal \($0.subcommand) \($0.kind.rawValue) \($0.project) \($0.reason) v\($0.version)" }
            + record.picks.filter { $0.quarter == q3 }.map { "pick \($0.kind.rawValue) \($0.place) \($0.project) v\($0.version)" }
            + (proposalLog + snailLog).map { line($0, me: s.actor) }
    }

    // MARK: Undo

    /// Undo takes back a whole write (a month and a milestone: two rows), the previous write
    /// next; a row another account changed since is not overwritten.
    static func undo(_ side: EngineSide, _ check: EngineChecks) throws -> [String] {
        let s = side.store, me = s.actor
        let code = "LF2026-0014", key = "LF2026-0014/2026-10"
        let original = try require(try s.loadProjectFile(code))
        let originalRecord = try require(original.records.first { $0.month == october })
        let prior = try s.lastUndoable()
        let n0 = try s.changeLogCount()
        _ = try s.recordProgress(ProgressEntry(project: code, month: october, completed: Money(wan: 33), progress: "撤销测试",
                                           milestonesReached: [.completion: day]), on: day)
        _ = try s.addReminder(Reminder(project: code, date: day, by: "办公室", note: "请加快"), on: day)
        check.equal(try s.changeLogCount(), n0 + 3, "two writes, three rows")

        let last = try s.lastUndoable()
        check.equal(last.map(\.entity), ["reminder"], "the last write: the reminder")
        let undone = try s.undoLast()
        check.equal(undone.map(\.entity), ["reminder"])
        check.equal(try s.loadProjectFile(code)?.reminders ?? [], original.reminders, "the reminder is gone")
        check.equal(try s.changeLogCount(), n0 + 4, "an undo is a logged change")

        let previous = try s.lastUndoable()
        check.equal(Set(previous.map(\.entity)), ["monthly", "milestone"], "the previous write, whole")
        check.equal(previous.count, 2)
        check.that(previous.allSatisfy { $0.actor == me }, "the account's own")
        let undone2 = try s.undoLast()
        check.equal(undone2.map(\.id), previous.map(\.id), "the second undo takes back the previous write")
        let restored = try require(try s.loadProjectFile(code))
        let restoredRecord = try require(restored.records.first { $0.month == october })
        check.equal(restoredRecord.completed, originalRecord.completed, "the month's figure is back")
        check.equal(restoredRecord.progress, originalRecord.progress, "the month's text is back")
        check.equal(restoredRecord.version, originalRecord.version + 2, "updated, then put back as a new version")
        check.equal(restored.milestones.map(\.actual), original.milestones.map(\.actual), "the milestone is back")
        check.equal(try s.changeLogCount(), n0 + 6)
        check.equal(try s.lastUndoable().map(\.id), prior.map(\.id), "what was undoable before is next")
        if prior.isEmpty {
            let nothing = storeError { _ = try s.undoLast() }
            if case .nothingToUndo(let account)? = nothing { check.equal(account, me) } else {
                check.that(false, "nothing left to undo: \(String(describing: nothing))")
            }
        }
        check.that(try s.check().allSatisfy { $0.severity != .error }, "the packed figures follow the undos")
        let undoLog = try s.history(entity: "monthly", key: key).suffix(2)
        check.equal(undoLog.map { $0.undoes != nil }, [false, true], "the undo's row says what it undoes")

        // Another account changes the month since: the undo is refused, naming them.
        _ = try s.recordProgress(ProgressEntry(project: code, month: october, completed: Money(wan: 44), progress: "撤销测试"), on: day)
        let who = try side.otherAccountSetsCompleted(code, october, Money(wan: 45))
        let n1 = try s.changeLogCount()
        let blocked = storeError { _ = try s.undoLast() }
        if case let .undoBlocked(entity, k, by, at)? = blocked {
            check.equal(entity, "monthly"); check.equal(k, key); check.equal(by, who, "the refusal names the other account")
            check.that(at.hasPrefix("20"), "when: \(at)")
        } else {
            check.that(false, "an undo over another's change: \(String(describing: blocked))")
        }
        check.equal(try record(s, code, october)?.completed, Money(wan: 45), "the other account's figure stays")
        check.equal(try s.changeLogCount(), n1, "a refused undo writes nothing")
        return ["undone \(undone.map(\.entity)) then \(undone2.map(\.entity).sorted())",
                "version +\(restoredRecord.version - originalRecord.version)", "blocked by <other>"]
            + (try s.history(entity: "monthly", key: key)).map { line($0, me: me, other: who) }
    }

    // MARK: Import

    /// A monthly ledger saved by Excel (UTF-8 with a BOM, CRLF line ends): inserted, then
    /// unchanged when imported again, updated when changed; a file with one bad row writes
    /// nothing.
    static func importLedger(_ side: EngineSide, _ check: EngineChecks) throws -> [String] {
        let s = side.store
        let exported = try s.exportLedger(.monthly).split(separator: "\n").map(String.init)
        let header = exported[0]
        let kept = try require(exported.first { $0.hasPrefix("LF2026-0003,2025-09,") })
        func file(_ rows: [String]) -> Data {
            Data([0xEF, 0xBB, 0xBF]) + Data(([header] + rows).map { $0 + "\r\n" }.joined().utf8)
        }
        let rows = ["LF2026-0001,2025-08,10,10,导入测试", "LF2026-0002,2025-08,20,20,导入测试", "LF2026-0008,2025-08,30,30,导入测试", kept]
        let n0 = try s.changeLogCount(), c0 = try s.counts()
        let first = try s.importLedger(.monthly, data: file(rows), file: "monthly-202508.csv", today: day)
        check.equal(first.encoding, .utf8BOM, "Excel's UTF-8")
        check.equal([first.rows, first.inserted, first.updated, first.unchanged], [4, 3, 0, 1], "the first import")
        check.equal(try s.changeLogCount(), n0 + 3)
        check.equal(try s.counts().monthly, c0.monthly + 3)
        let august = YearMonth(year: 2025, month: 8)!
        let inserted = try require(try record(s, "LF2026-0001", august))
        check.equal(inserted.planned, Money(wan: 10)); check.equal(inserted.completed, Money(wan: 10))
        check.equal(inserted.progress, "导入测试", "no carriage return left in the last cell"); check.equal(inserted.version, 1)

        let again = try s.importLedger(.monthly, data: file(rows), file: "monthly-202508.csv", today: day)
        check.equal([again.inserted, again.updated, again.unchanged], [0, 0, 4], "the same file again")
        check.equal(try s.changeLogCount(), n0 + 3, "an unchanged import logs nothing")

        var changed = rows
        changed[1] = "LF2026-0002,2025-08,20,25.5,导入测试"
        let update = try s.importLedger(.monthly, data: file(changed), file: "monthly-202508.csv", today: day)
        check.equal([update.inserted, update.updated, update.unchanged], [0, 1, 3], "a changed file")
        check.equal(try record(s, "LF2026-0002", august)?.completed, Money(yuan: 255_000))
        check.equal(try record(s, "LF2026-0002", august)?.version, 2)

        // One bad row among good ones (a new month, a changed one): nothing is written.
        let n1 = try s.changeLogCount(), c1 = try s.counts()
        var bad = changed
        bad[0] = "LF2026-0001,2025-08,10,11,导入测试"
        bad.insert("LF2026-0001,2025-07,10,12x,导入测试", at: 2)
        bad.append("LF2026-0014,2025-08,5,5,导入测试")
        let refused = storeError { _ = try s.importLedger(.monthly, data: file(bad), file: "monthly-bad.csv", today: day) }
        var problem = "none"
        if case let .ledgerRejected(rejection)? = refused {
            check.equal(rejection.problems.count, 1, "one problem: \(rejection)")
            check.equal(rejection.problems.first?.line, 4, "the bad row's line (the header is line 1)")
            if case .notMoney("12x", _)? = rejection.problems.first?.reason {} else {
                check.that(false, "the problem: \(String(describing: rejection.problems.first))")
            }
            problem = rejection.problems.map(\.description).joined(separator: "; ")
        } else {
            check.that(false, "a file with a bad row: \(String(describing: refused))")
        }
        let c2 = try s.counts()
        check.equal([c2.projects, c2.monthly, c2.issues, c2.meetings, c2.changes], [c1.projects, c1.monthly, c1.issues, c1.meetings, c1.changes],
                    "a refused file leaves the counts")
        check.equal(try s.changeLogCount(), n1, "a refused file logs nothing")
        check.equal(try record(s, "LF2026-0001", august)?.completed, Money(wan: 10), "the good rows of a refused file are not written")
        check.equal(try record(s, "LF2026-0014", august), nil)

        // Undo takes back the changed file's update, then the first import's three rows.
        check.equal(try s.undoLast().map(\.key), ["LF2026-0002/2025-08"], "the changed file's write")
        check.equal(try record(s, "LF2026-0002", august)?.completed, Money(wan: 20))
        let firstUndone = try s.undoLast()
        check.equal(firstUndone.map(\.key).sorted(), ["LF2026-0001/2025-08", "LF2026-0002/2025-08", "LF2026-0008/2025-08"], "the first import, whole")
        check.that(firstUndone.allSatisfy { $0.action == .insert }, "its inserts")
        check.equal(try s.counts().monthly, c0.monthly, "the months are gone")
        check.equal(try record(s, "LF2026-0001", august), nil)
        check.equal(try s.changeLogCount(), n0 + 8, "3 inserts, 1 update, then 4 rows of undo")
        check.equal(try s.check().filter { $0.severity == .error }, [], "the packed figures follow")
        return ["\(first.rows) rows: +\(first.inserted) ~\(first.updated) =\(first.unchanged)",
                "again: =\(again.unchanged)", "changed: ~\(update.updated) =\(update.unchanged)", "refused: \(problem)"]
    }

    // MARK: History

    /// `history` and `projectHistory` return the writes with their actor and action, newest
    /// first for a project; the change log grows by one row per row changed.
    static func history(_ side: EngineSide, _ check: EngineChecks) throws -> [String] {
        let s = side.store, me = s.actor
        let code = "LF2026-0011", key = "LF2026-0011/2026-10"
        let n0 = try s.changeLogCount()
        let before = try s.projectHistory(code)
        check.that(!before.isEmpty, "the project's rows were logged when the store was made")
        _ = try s.recordProgress(ProgressEntry(project: code, month: october, completed: Money(wan: 7), progress: "历史测试"), on: day)
        check.equal(try s.changeLogCount(), n0 + 1)
        _ = try s.addReminder(Reminder(project: code, date: day, by: "办公室", note: "历史"), on: day)
        check.equal(try s.changeLogCount(), n0 + 2)
        let issue = try s.registerIssue(NewIssue(project: code, category: .land, level: .city, description: "用地未批"), on: day)
        _ = try s.apply(.dispatch(unit: "市能源局"), toIssue: issue.id, on: day)
        check.equal(try s.changeLogCount(), n0 + 4)

        let recent = Array(try s.projectHistory(code).prefix(4))
        let seen = recent.map { "\($0.entity) \($0.action.rawValue) \($0.key)" }
        check.equal(seen, ["issue update \(issue.id)", "issue insert \(issue.id)", "reminder insert \(code)/2026-10-31/办公室",
                           "monthly update \(key)"], "the project's history, newest first")
        check.that(recent.allSatisfy { $0.actor == me }, "logged as the account: \(recent.map(\.actor))")
        check.equal(try s.projectHistory(code).count, before.count + 4)
        check.equal(try s.projectHistory(code, limit: 2).map(\.id), recent.prefix(2).map(\.id), "the limit")
        check.equal(Array(try s.projectHistory(code).dropFirst(4)), before, "the older history as it was")
        check.that(try s.projectHistory("LF2026-0001").allSatisfy { !$0.key.hasPrefix(code) }, "another project's history holds none of these")
        let monthly = try s.history(entity: "monthly", key: key)
        check.equal(monthly.map(\.action), [.insert, .update], "the month's history, oldest first")
        check.that(monthly.last?.after?.contains("历史测试") == true, "after holds the new text")
        check.equal(monthly.last?.actor, me)
        return seen + ["history \(monthly.map(\.action.rawValue))"]
    }
}

/// What the scenarios and the tests share: refusals, polling, comparisons.
extension BothEnginesScenarios {
    /// Unwraps or throws (the scenarios run off the test's task, where `#require` would record an
    /// issue against no test).
    static func require<T>(_ value: T?, _ what: String = "a value", file: StaticString = #fileID, line: UInt = #line) throws -> T {
        guard let value else { throw Missing(what: "\(what) at \(file):\(line)") }
        return value
    }

    struct Missing: Error, CustomStringConvertible {
        var what: String
        var description: String { "missing: \(what)" }
    }

    /// The StoreError `body` throws, or nil.
    static func storeError(_ body: () throws -> Void) -> StoreError? {
        do { try body(); return nil } catch { return error as? StoreError }
    }

    /// Polls `condition` every 10 ms for up to `seconds`; whether it became true.
    static func eventually(within seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if try condition() { return true }
            usleep(10_000)
        } while Date() < deadline
        return try condition()
    }

    /// The differences between two portfolios, part by part, each with the first differing item
    /// (empty when they are equal): what the board and the screens would show differently.
    static func portfolioDifferences(_ a: Portfolio, _ b: Portfolio) -> [String] {
        var out: [String] = []
        func compare<T: Equatable>(_ name: String, _ x: [T], _ y: [T]) {
            guard x != y else { return }
            if x.count != y.count { out.append("\(name): \(x.count) against \(y.count)"); return }
            if let i = x.indices.first(where: { x[$0] != y[$0] }) { out.append("\(name)[\(i)]: \(x[i]) against \(y[i])") }
        }
        compare("projects", a.files.map(\.project), b.files.map(\.project))
        compare("records", a.files.flatMap(\.records), b.files.flatMap(\.records))
        compare("milestones", a.files.flatMap(\.milestones), b.files.flatMap(\.milestones))
        compare("reminders", a.files.flatMap(\.reminders), b.files.flatMap(\.reminders))
        compare("issues", a.issues, b.issues)
        compare("meetings", a.meetings, b.meetings)
        if a.openIssueCounts != b.openIssueCounts { out.append("open issue counts: \(a.openIssueCounts) against \(b.openIssueCounts)") }
        if a.heldFollowUps != b.heldFollowUps { out.append("held follow-ups: \(a.heldFollowUps) against \(b.heldFollowUps)") }
        compare("award proposals", a.awards.proposals, b.awards.proposals)
        compare("award picks", a.awards.picks, b.awards.picks)
        return out
    }

    /// A logged row (JSON text) as a comparable value: its keys and values, whatever the order or
    /// spacing the engine wrote.
    static func jsonObject(_ text: String?) -> NSDictionary? {
        guard let data = text?.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? NSDictionary
    }
}
