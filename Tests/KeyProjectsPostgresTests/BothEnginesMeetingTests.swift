import Foundation
import KeyProjects
import KeyProjectsPostgres
@_spi(Testing) import KeyProjectsStore
import Testing

/// Meetings and working groups in the store, on both engines (moved from KeyProjectsStoreTests'
/// MeetingYearsAndForecastConfigTests and WorkingGroupStoreTests).
@Suite struct BothEnginesMeetingTests {
    typealias S = BothEnginesScenarios
    static let today = Day.parse("2026-10-31")!

    /// Issue 15 §3: a moved meeting's id and title follow the day it is held, the scheduled id
    /// stays an alias.
    @Test(arguments: Engine.allCases)
    func aWeeklyMeetingMovedTakesTheIdAndWeekOfItsDay(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .organisation(.linfen)) { f, check in
            let store = f.store
            // Monday 2026-11-02 (week 45) moved to Wednesday 2026-11-04: same week, new id.
            let moved = try store.moveMeeting("weekly-20261102", to: Day.parse("2026-11-04")!, on: Self.today)
            check.that(moved.id == "weekly-20261104" && moved.title == "2026年第45周项目调度会" && moved.scheduledOn == Day.parse("2026-11-02")!, "\(moved)")
            // Moved again, into the next week's Sunday: the title names that week.
            let again = try store.moveMeeting("weekly-20261102", to: Day.parse("2026-11-15")!, on: Self.today)
            check.that(again.id == "weekly-20261115" && again.title == "2026年第46周项目调度会", "\(again)")
            check.that(try store.meeting("weekly-20261104") == nil, "the first move's id is gone")
            // The scheduled id is accepted wherever a meeting is named.
            check.equal(try store.meeting("weekly-20261102")?.id, "weekly-20261115")
            let cancelled = try store.cancelMeeting("weekly-20261102", reason: "并入月度推进会")
            check.that(cancelled.id == "weekly-20261115" && cancelled.cancelled, "\(cancelled)")
        }
    }

    /// A weekly meeting moved onto the next one's day is said, not dropped.
    @Test(arguments: Engine.allCases)
    func aWeeklyMeetingMovedOntoTheNextOnesDayIsRefusedWithWhy(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .organisation(.linfen)) { f, check in
            let store = f.store
            let before = try f.fingerprint()
            let error = S.storeError { _ = try store.moveMeeting("weekly-20261102", to: Day.parse("2026-11-09")!, on: Self.today) }
            guard case let .invalidValue(_, .sameDayAsAnother(id, other, date))? = error else {
                check.that(false, "not refused as the same day: \(String(describing: error))"); return
            }
            check.that(id == "weekly-20261102" && other == "weekly-20261109" && date == Day.parse("2026-11-09")!, "\(id) \(other) \(date)")
            check.that(try f.fingerprint() == before, "the refusal changed the store")
            check.equal(try store.meeting("weekly-20261102")?.date, Day.parse("2026-11-02")!)
            check.that(try store.meeting("weekly-20261109") != nil, "the next one is there")
        }
    }

    @Test(arguments: Engine.allCases)
    func aMeetingHeldOnTheNextWorkingDayIsNamedByItAndFoundByItsCadenceDay(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .organisation(.linfen)) { f, check in
            let store = f.store
            // The monthly progress meeting falls on the 8th; 2026-11-08 is a Sunday.
            let held = try S.require(try store.meeting("progress-20261109"))
            check.that(held.date == Day.parse("2026-11-09")! && held.title == "2026年11月重点项目月度推进会", "\(held)")
            check.equal(try store.meeting("progress-20261108")?.id, "progress-20261109")
            // A day that is not a day off before it names nothing.
            check.that(try store.meeting("progress-20261106") == nil, "progress-20261106 names nothing")
        }
    }

    @Test(arguments: Engine.allCases)
    func aMoveIsUndoneWholeAndAHeldMeetingIsNotMoved(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .organisation(.linfen)) { f, check in
            let store = f.store
            _ = try store.moveMeeting("plenary-20261225", to: Day.parse("2026-12-28")!, on: Self.today)
            _ = try store.undoLast()
            check.equal(try store.meeting("plenary-20261225")?.date, Day.parse("2026-12-25")!)
            check.that(try store.meeting("plenary-20261228") == nil, "the moved id is gone")
            _ = try store.record(DecisionInput(meeting: "plenary-20261225", item: "x", project: "", kind: .statementMade), on: Self.today)
            let error = S.storeError { _ = try store.moveMeeting("plenary-20261225", to: Day.parse("2026-12-28")!, on: Self.today) }
            guard case .invalidValue(_, .meetingHeld)? = error else { check.that(false, "moved a held meeting: \(String(describing: error))"); return }
        }
    }

    /// Issue 15 §3: triage numbers the agenda once, when it starts; the numbers are kept while
    /// items are worked.
    @Test(arguments: Engine.allCases)
    func theAgendaKeepsItsNumbersWhileItemsAreWorked(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let day = Day.parse("2026-11-09")!
            let meeting = "progress-20261109"
            let portfolio = try store.loadPortfolio()
            let m = try S.require(Meetings.find(meeting, in: portfolio.meetings))
            check.that(m.agendaOrder.isEmpty, "not numbered yet")
            let before = Agenda.build(for: m, portfolio: portfolio, rules: store.config.rules, organisation: store.config.organisation,
                                      ranking: store.config.ranking).items
            let overdue = try S.require(before.first { if case .overdueIssue = $0 { return true }; return false })
            guard case let .overdueIssue(entry) = overdue else { return }
            // The first thing recorded numbers the agenda, in the same write.
            _ = try store.record(DecisionInput(meeting: meeting, item: overdue.key, project: entry.issue.project, kind: .assigned,
                                               unit: "市发展改革委", issue: entry.issue.id, action: .dispatch(unit: "市发展改革委")), on: day)
            let after = try store.loadPortfolio()
            let numbered = try S.require(Meetings.find(meeting, in: after.meetings))
            check.equal(numbered.agendaOrder, before.map(\.key))
            // Reassigned, the issue is no longer overdue today; the agenda keeps it where it was.
            let rebuilt = Agenda.build(for: numbered, portfolio: after, rules: store.config.rules, organisation: store.config.organisation,
                                       ranking: store.config.ranking).items
            check.equal(rebuilt.map(\.key), before.map(\.key))
            // Numbering again changes nothing, through its scheduled id too.
            check.equal(try store.numberAgenda(meeting), before.map(\.key))
            check.equal(try store.numberAgenda("progress-20261108"), before.map(\.key))
        }
    }

    /// A working group (作战小组) is a body an issue, a listing or a meeting's decision may be
    /// given to where the locality has them (issue 16; seed 003).
    @Test(arguments: Engine.allCases)
    func anIssueAListingAndADecisionGoToAWorkingGroup(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .sample(.lingchuan)) { f, check in
            let store = f.store
            let day = Day.parse("2026-11-09")!
            let portfolio = try store.loadPortfolio()
            let p = try S.require(portfolio.files.first?.project)
            var issue = try store.registerIssue(NewIssue(project: p.code, category: .approval, level: .county, description: "施工许可办理滞后"), on: day)
            // The duty table proposes the group for approvals.
            check.equal(store.config.organisation.proposedUnit(for: .approval), "项目前期小组")
            issue = try store.apply(.dispatch(unit: "项目前期小组"), toIssue: issue.id, on: day)
            check.that(issue.unit == "项目前期小组" && issue.status == .dispatched, "\(issue)")
            issue = try store.apply(.list(SupervisionFive(solution: "一口进出，全程代办", unit: "督办监督小组", leader: "孟书晴", person: "吴丽华",
                                                          deadline: Day.parse("2026-11-30")!)), toIssue: issue.id, on: day)
            check.that(issue.listed && issue.supervision.unit == "督办监督小组", "\(issue)")
            // A body the county does not have is refused, naming it.
            let other = try store.registerIssue(NewIssue(project: p.code, category: .other, level: .county, description: "d"), on: day)
            let error = S.storeError { _ = try store.apply(.dispatch(unit: "综合督查组"), toIssue: other.id, on: day) }
            if case let .workflow(_, refusal)? = error, case let .unknownUnit(unit) = refusal { check.equal(unit, "综合督查组") } else {
                check.that(false, "expected unknownUnit, got \(String(describing: error))")
            }
            // A meeting's decision given to a group becomes an issue dispatched to it.
            let meeting = try S.require(portfolio.meetings.first { $0.kind == .plenary && $0.date >= day && !$0.cancelled })
            let d = try store.record(DecisionInput(meeting: meeting.id, item: "site-office", project: p.code, kind: .decision,
                                                   text: "两周内完成施工许可联审", unit: "项目前期小组", person: "尹卫东",
                                                   deadline: Day.parse("2026-11-23")!), on: day)
            let tracked = try S.require(try store.issue(d.issue))
            check.that(tracked.unit == "项目前期小组" && tracked.description.hasPrefix(meeting.title), "\(tracked)")
            check.that(meeting.title.hasSuffix("县项目攻坚指挥部会议"), meeting.title)
        }
    }
}
