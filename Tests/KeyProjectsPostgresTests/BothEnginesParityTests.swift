import Foundation
import KeyProjects
import KeyProjectsPostgres
@_spi(Testing) import KeyProjectsStore
import Testing

/// The two engines side by side on one sample: the SQLite store and its PostgreSQL copy read
/// alike, and the same writes made on each leave them alike. Needs the test server (skipped
/// without it, failing under CI without it, as the other PostgreSQL suites).
@Suite(.enabled(if: TestServer.enabled, TestServer.skipReason))
struct BothEnginesParityTests {
    typealias S = BothEnginesScenarios

    /// Everything a screen, a report or an export reads, from the SQLite source and from its
    /// copy: equal value for value.
    @Test func theCopyReadsAsTheSource() async throws {
        try await EngineFixture.with(.postgres) { f, check in
            let a: any Store = f.sqlite, b = f.store
            let summary = try S.require(f.copySummary)
            check.that(summary.countsMatch, "the copy's counts match")
            check.equal(summary.findings.filter { $0.severity == .error }, [], "the copy's check")
            check.that(summary.rows.contains { $0.table == "change_log" && $0.count > 0 }, "the change log was copied: \(summary.rows)")

            let all = try a.loadPortfolio(.all)
            check.equal(all.files.count, 48, "the sample's projects")
            check.equal(all.issues.count, 40, "the sample's issues")
            check.that(all.files.contains { !$0.reminders.isEmpty } && all.files.allSatisfy { !$0.milestones.isEmpty }, "reminders and milestones")
            check.that(!all.meetings.isEmpty && !all.awards.picks.isEmpty && !all.openIssueCounts.isEmpty, "meetings, awards, open issues")
            let openOn = Day.parse("2026-06-30")!
            for (parts, name) in [(PortfolioParts.all, "all"), (.board, "board"), (.issues, "issues"), (.meetings, "meetings"), (.progressText, "progress text")] {
                check.equal(S.portfolioDifferences(try a.loadPortfolio(parts, issuesOpenOn: nil), try b.loadPortfolio(parts, issuesOpenOn: nil)), [],
                            "loadPortfolio(.\(name))")
                check.equal(S.portfolioDifferences(try a.loadPortfolio(parts, issuesOpenOn: openOn), try b.loadPortfolio(parts, issuesOpenOn: openOn)), [],
                            "loadPortfolio(.\(name), issuesOpenOn: \(openOn.iso))")
            }
            check.that(try b.loadPortfolio(.board, issuesOpenOn: openOn).openIssueCounts != b.loadPortfolio(.board).openIssueCounts,
                       "the counts on a day differ from today's (the comparison means something)")
            check.equal(try a.loadMeetings(), try b.loadMeetings(), "loadMeetings")
            check.equal(try a.loadIssues(), try b.loadIssues(), "loadIssues")
            check.equal(try a.loadHeldFollowUps(), try b.loadHeldFollowUps(), "loadHeldFollowUps")
            check.equal(try a.loadAwards(), try b.loadAwards(), "loadAwards")
            let from = Day.parse("2026-11-01")!, to = Day.parse("2027-01-31")!
            check.equal(try a.meetings(from: from, to: to), try b.meetings(from: from, to: to), "meetings(from:to:)")
            check.equal(try a.meeting("progress-20261109"), try b.meeting("progress-20261109"), "meeting(_:)")
            check.equal(try a.issue(all.issues[7].id), try b.issue(all.issues[7].id), "issue(_:)")
            for code in all.files.map(\.project.code) {
                let x = try a.loadProjectFile(code), y = try b.loadProjectFile(code)
                check.equal(x?.project, y?.project, "\(code)'s project")
                check.equal(x?.records, y?.records, "\(code)'s months")
                check.equal(x?.milestones, y?.milestones, "\(code)'s milestones")
                check.equal(x?.reminders, y?.reminders, "\(code)'s reminders")
            }
            check.equal(try b.loadProjectFile("LF2099-0000") == nil, true, "no such project")
            let october = EngineFixture.october
            check.equal(try a.progressTexts(in: october), try b.progressTexts(in: october), "progressTexts")
            check.equal(try a.progressSheet(month: october, subcommands: nil), try b.progressSheet(month: october, subcommands: nil), "progressSheet")
            check.equal(try a.progressSheet(month: october, subcommands: ["law", "culture"]), try b.progressSheet(month: october, subcommands: ["law", "culture"]),
                        "progressSheet of two sub-commands")
            check.equal(try a.progressSheet(month: october, subcommands: nil, projects: ["LF2026-0003", "LF2026-0040"]),
                        try b.progressSheet(month: october, subcommands: nil, projects: ["LF2026-0003", "LF2026-0040"]), "progressSheet of two projects")
            for month in [YearMonth(year: 2026, month: 9)!, october] {
                check.equal(try a.decisions(in: month), try b.decisions(in: month), "decisions(in: \(month.iso))")
            }
            for kind in LedgerKind.allCases {
                for headers in LedgerHeaderLanguage.allCases {
                    check.equal(try a.exportLedger(kind, headers: headers), try b.exportLedger(kind, headers: headers), "export \(kind) (\(headers))")
                }
            }
            // The change log is copied as it was: ids, times and authors.
            check.equal(try a.changeLogCount(), try b.changeLogCount(), "changeLogCount")
            check.equal(try a.projectHistory("LF2026-0003"), try b.projectHistory("LF2026-0003"), "projectHistory")
            check.equal(try a.history(entity: "project", key: "LF2026-0003"), try b.history(entity: "project", key: "LF2026-0003"), "history")
            check.equal(try a.history(entity: "issue", key: all.issues[0].id), try b.history(entity: "issue", key: all.issues[0].id), "an issue's history")
            let x = try a.counts(), y = try b.counts()
            check.equal([x.projects, x.monthly, x.issues, x.meetings, x.changes], [y.projects, y.monthly, y.issues, y.meetings, y.changes], "counts")
            // The store's own ledgers are below the undo floor on both.
            check.equal(try a.lastUndoable(), [], "nothing undoable in the SQLite store")
            check.equal(try b.lastUndoable(), [], "nothing undoable in the copy")
            check.equal(b.actor, a.actor, "the same account on both")
            check.equal(b.role, .office, "the office on the copy")
        }
    }

    /// Every scenario of `BothEnginesTests`, in turn, on the SQLite store and on its copy: the
    /// same transcripts, then the same ledgers exported, the same portfolio, the same counts and
    /// the same change log but for times and ids.
    @Test func theSameWritesLeaveBothEnginesAlike() async throws {
        let figures = try await EngineFixture.with(.postgres) { f, check -> [String] in
            let scenarios: [(String, (EngineSide, EngineChecks) throws -> [String])] = [
                ("progress", S.progress), ("reminders", S.reminders), ("issues", S.issues), ("meetings", S.meetings),
                ("decisions", S.decisions), ("awards", S.awards), ("undo", S.undo), ("import", S.importLedger), ("history", S.history),
            ]
            let a = f.sqliteSide, b = f.side
            func ids(_ s: any Store) throws -> Set<Int64> {
                Set(try (1...48).flatMap { try s.projectHistory(String(format: "LF2026-%04d", $0), limit: 100_000) }.map(\.id))
            }
            let knownA = try ids(a.store), knownB = try ids(b.store)
            var timings: [String] = []
            for (name, scenario) in scenarios {
                let t0 = Date()
                let x = try scenario(a, check)
                let t1 = Date()
                let y = try scenario(b, check)
                let t2 = Date()
                timings.append(String(format: "%@ %.0f/%.0f ms", name, t1.timeIntervalSince(t0) * 1000, t2.timeIntervalSince(t1) * 1000))
                check.equal(x.count, y.count, "\(name): transcript length")
                for (i, (p, q)) in zip(x, y).enumerated() where p != q { check.equal(p, q, "\(name) line \(i + 1)") }
            }
            for kind in LedgerKind.allCases {
                check.equal(try a.store.exportLedger(kind), try b.store.exportLedger(kind), "export \(kind) after the same writes")
            }
            for (parts, name) in [(PortfolioParts.all, "all"), (.board, "board")] {
                check.equal(S.portfolioDifferences(try a.store.loadPortfolio(parts), try b.store.loadPortfolio(parts)), [], "loadPortfolio(.\(name)) after the same writes")
            }
            let x = try a.store.counts(), y = try b.store.counts()
            check.equal([x.projects, x.monthly, x.issues, x.meetings, x.changes], [y.projects, y.monthly, y.issues, y.meetings, y.changes], "counts after the same writes")
            check.equal(try a.store.check().filter { $0.severity == .error }, [], "SQLite's check after the writes")
            check.equal(try b.store.check().filter { $0.severity == .error }, [], "PostgreSQL's check after the writes")

            // The change log of the writes to the projects' rows: the same rows, in the same
            // order, with the same before and after (as JSON objects), but for ids and times.
            let codes = (1...48).map { String(format: "LF2026-%04d", $0) }
            func log(_ s: any Store, after known: Set<Int64>) throws -> [ChangeEntry] {
                var seen = known, out: [ChangeEntry] = []
                for code in codes { for e in try s.projectHistory(code, limit: 100_000) where seen.insert(e.id).inserted { out.append(e) } }
                return out.sorted { $0.id < $1.id }
            }
            let la = try log(a.store, after: knownA), lb = try log(b.store, after: knownB)
            check.equal(la.count, lb.count, "the projects' logged changes")
            check.that(la.count >= 25, "the writes were logged: \(la.count)")
            for (i, (p, q)) in zip(la, lb).enumerated() {
                check.equal(BothEnginesScenarios.line(p, me: a.store.actor, other: a.otherAccount),
                            BothEnginesScenarios.line(q, me: b.store.actor, other: b.otherAccount), "change \(i + 1)")
                check.equal(S.jsonObject(p.before), S.jsonObject(q.before), "change \(i + 1) (\(p.entity) \(p.key)): before")
                check.equal(S.jsonObject(p.after), S.jsonObject(q.after), "change \(i + 1) (\(p.entity) \(p.key)): after")
            }
            return timings + ["change log: \(la.count) project changes compared"]
        }
        print("both engines, SQLite/PostgreSQL: " + figures.joined(separator: ", "))
    }

    /// Writes made on the SQLite store before `cmdroom migrate` are the account's last writes on
    /// the copy too: undone there as on SQLite, to the same rows, versions and log.
    @Test func aWriteMadeBeforeTheMigrationIsUndoneAfterIt() async throws {
        let code = "LF2026-0003", october = EngineFixture.october, day = EngineFixture.day
        try await EngineFixture.with(.postgres, beforeCopy: { sqlite in
            _ = try sqlite.recordProgress(ProgressEntry(project: code, month: october, completed: Money(wan: 50), progress: "迁移前",
                                                        milestonesReached: [.completion: day]), on: day)
            _ = try sqlite.addReminder(Reminder(project: code, date: day, by: "办公室", note: "迁移前"), on: day)
        }) { f, check in
            let a: any Store = f.sqlite, b = f.store
            check.equal(try b.lastUndoable(), try a.lastUndoable(), "the same last write, ids and all")
            check.equal(try b.lastUndoable().map(\.entity), ["reminder"])
            for step in 1...2 {
                let x = try a.undoLast(), y = try b.undoLast()
                check.equal(y, x, "undo \(step): the same entries")
                let p = try a.loadProjectFile(code), q = try b.loadProjectFile(code)
                check.equal(q?.records, p?.records, "undo \(step): the months")
                check.equal(q?.milestones, p?.milestones, "undo \(step): the milestones")
                check.equal(q?.reminders, p?.reminders, "undo \(step): the reminders")
                let ha = try a.projectHistory(code, limit: 3), hb = try b.projectHistory(code, limit: 3)
                check.equal(hb.map { BothEnginesScenarios.line($0, me: b.actor) }, ha.map { BothEnginesScenarios.line($0, me: a.actor) },
                            "undo \(step): the log")
                check.equal(hb.map(\.undoes), ha.map(\.undoes), "undo \(step): what the log says it undoes (the copied ids)")
            }
            check.equal(try b.loadProjectFile(code)?.records.first { $0.month == october }?.progress,
                        try a.loadProjectFile(code)?.records.first { $0.month == october }?.progress)
            check.that(try b.loadProjectFile(code)?.records.first { $0.month == october }?.progress != "迁移前", "the month is as it was made")
            for store in [a, b] {
                if case .nothingToUndo? = S.storeError({ _ = try store.undoLast() }) {} else { check.that(false, "nothing more to undo on \(store.location)") }
            }
            for kind in LedgerKind.allCases { check.equal(try b.exportLedger(kind), try a.exportLedger(kind), "export \(kind)") }
            check.equal(try b.check().filter { $0.severity == .error }, [], "the copy's check")
        }
    }

    /// The server ends the store's connection and the watch's between two looks (a restart, a
    /// failover, an idle timeout): the next read and write open a new connection and go through,
    /// and the watch listens again, saying once that it may have missed changes, then sees the
    /// next commit. (SQLite has no connection to lose.)
    @Test func theStoreAndItsWatchComeBackAfterTheServerEndsTheirConnections() async throws {
        try await EngineFixture.with(.postgres) { f, check in
            let store = try S.require(f.store as? PostgresStore)
            let watch = try store.makeChangeWatch()
            check.equal(try watch.hasChanged(), false)
            let pid = try S.require(try store.read { db in try db.value(Int.self, sql: "SELECT pg_backend_pid()") })
            let channel = try S.require(f.location).channel
            let admin = try PostgresStore.open(S.require(f.location))
            let ended = try admin.read { db in
                try db.value(Int.self, sql: """
                    SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid = ? OR query = ?
                    """, arguments: [pid, "LISTEN \"\(channel)\";"])
            }
            check.equal(ended, 2, "the store's connection and the watch's ended")
            usleep(200_000)
            let read = Result { () throws(StoreError) in try store.loadPortfolio(.board).files.count }
            check.equal(try? read.get(), 48, "the first read after: \(read)")
            let write = Result { () throws(StoreError) in
                try store.addReminder(Reminder(project: "LF2026-0008", date: EngineFixture.day, by: "办公室", note: "重连"), on: EngineFixture.day)
            }
            check.equal(try? write.get(), .inserted, "the first write after: \(write)")
            check.equal(try watch.hasChanged(), true, "the watch listens again and says it may have missed changes")
            check.equal(try watch.hasChanged(), false)
            _ = try admin.addReminder(Reminder(project: "LF2026-0008", date: EngineFixture.day, by: "办公室", note: "重连后"), on: EngineFixture.day)
            check.that(try S.eventually(within: 1) { try watch.hasChanged() }, "the next commit is seen")
        }
    }
}
