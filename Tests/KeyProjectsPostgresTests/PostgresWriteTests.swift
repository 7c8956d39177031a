import Dispatch
import Foundation
import KeyProjectsPostgres
import PostgresNIO
import Testing

/// Writes through the bridge against a real server: versions, the change log written by the
/// server with the session's account, stale edits, the packed figures, NOTIFY.
@Suite(.enabled(if: TestServer.enabled, TestServer.skipReason))
struct PostgresWriteTests {
    /// Updates one month as the app will: naming the version the edit was based on.
    static func updateMonth(_ bridge: PostgresBridge, schema: String, project: String, month: Int, completed: Int64, basedOn version: Int) throws {
        let s = PostgresNames.quoted(schema)
        try bridge.transaction { connection in
            try await connection.query("""
                UPDATE \(unescaped: s).monthly SET completed = \(completed), version = \(version)
                WHERE project = \(project) AND month = \(month)
                """, logger: bridge.logger)
        }
    }

    @Test func aWriteRaisesTheVersionAndTheServerLogsItWithTheSessionsAccount() async throws {
        try await TestStore.with { store in
            try store.seedTwoProjects()
            let me = try store.texts("SELECT session_user::text").first!!
            #expect(try store.ints("SELECT version FROM \(store.t("monthly")) WHERE project = 'P-LAW'") == [1])

            let inserted = try store.texts("SELECT actor || ' ' || entity || ' ' || \"key\" || ' ' || action || ' ' || after FROM \(store.t("change_log")) WHERE entity = 'monthly' AND \"key\" = 'P-LAW/2026-03'")
            #expect(inserted == [#"\#(me) monthly P-LAW/2026-03 insert {"project":"P-LAW","month":202603,"planned":1000000,"completed":500000,"progress":"","version":1}"#])
            // The seed's rows were written in one transaction: one batch, its first row's id.
            #expect(try store.ints("SELECT count(DISTINCT batch) FROM \(store.t("change_log"))") == [1])
            #expect(try store.ints("SELECT count(*) FROM \(store.t("change_log")) WHERE batch = (SELECT min(id) FROM \(store.t("change_log")))") == [4])

            try Self.updateMonth(store.admin, schema: store.schema, project: "P-LAW", month: 202603, completed: 600000, basedOn: 1)
            #expect(try store.ints("SELECT version FROM \(store.t("monthly")) WHERE project = 'P-LAW'") == [2])
            let update = try store.texts("SELECT actor || '|' || action || '|' || before || '|' || after FROM \(store.t("change_log")) WHERE action = 'update'")
            #expect(update == [#"\#(me)|update|{"project":"P-LAW","month":202603,"planned":1000000,"completed":500000,"progress":"","version":1}|{"project":"P-LAW","month":202603,"planned":1000000,"completed":600000,"progress":"","version":2}"#])
            #expect(try store.ints("SELECT count(*) FROM \(store.t("change_log")) WHERE action = 'update' AND batch = id") == [1])

            // The same values again change nothing: no version, no log row.
            try Self.updateMonth(store.admin, schema: store.schema, project: "P-LAW", month: 202603, completed: 600000, basedOn: 2)
            #expect(try store.ints("SELECT version FROM \(store.t("monthly")) WHERE project = 'P-LAW'") == [2])
            #expect(try store.ints("SELECT count(*) FROM \(store.t("change_log")) WHERE action = 'update'") == [1])

            // psql-style writes without a version are versioned and logged all the same.
            try store.exec("UPDATE \(store.t("monthly")) SET progress = '主体封顶' WHERE project = 'P-LAW'")
            #expect(try store.ints("SELECT version FROM \(store.t("monthly")) WHERE project = 'P-LAW'") == [3])
            #expect(try store.ints("SELECT count(*) FROM \(store.t("change_log")) WHERE action = 'update'") == [2])

            // An undo says which batch it takes back, in a setting local to its transaction.
            try store.admin.execute(["SELECT set_config('cmdroom.undoes', '7', true)",
                                     "UPDATE \(store.t("monthly")) SET progress = '' WHERE project = 'P-LAW'"])
            #expect(try store.ints("SELECT undoes FROM \(store.t("change_log")) WHERE undoes IS NOT NULL") == [7])
            try store.admin.execute(["UPDATE \(store.t("monthly")) SET progress = '主体封顶' WHERE project = 'P-LAW'"])
            #expect(try store.ints("SELECT count(*) FROM \(store.t("change_log")) WHERE undoes IS NOT NULL") == [1])

            // The packed figures follow, in the server's transaction: March is the third month.
            let figures = try store.admin.rows(PostgresQuery(unsafeSQL: "SELECT figures FROM \(store.t("month_figures")) WHERE project = 'P-LAW' AND year = 2026")) { row in
                try row.decode(ByteBuffer.self)
            }
            #expect(figures.count == 1)
            var buffer = figures[0]
            var planned: [Int64] = [], completed: [Int64] = []
            for _ in 0..<12 {
                planned.append(buffer.readInteger(endianness: .big, as: Int64.self) ?? -9)
                completed.append(buffer.readInteger(endianness: .big, as: Int64.self) ?? -9)
            }
            #expect(planned == [-1, -1, 1_000_000, -1, -1, -1, -1, -1, -1, -1, -1, -1])
            #expect(completed == [-1, -1, 600_000, -1, -1, -1, -1, -1, -1, -1, -1, -1])

            // A deleted month takes its packed row with it, logged as a delete.
            try store.exec("DELETE FROM \(store.t("monthly")) WHERE project = 'P-LAW'")
            #expect(try store.ints("SELECT count(*) FROM \(store.t("month_figures")) WHERE project = 'P-LAW'") == [0])
            #expect(try store.texts("SELECT \"key\" || ' ' || action FROM \(store.t("change_log")) WHERE action = 'delete'") == ["P-LAW/2026-03 delete"])
        }
    }

    @Test func aStaleVersionIsRefusedWithWhoAndWhen() async throws {
        try await TestStore.with { store in
            try store.seedTwoProjects()
            let me = try store.texts("SELECT session_user::text").first!!
            try Self.updateMonth(store.admin, schema: store.schema, project: "P-LAW", month: 202603, completed: 600000, basedOn: 1)
            let at = try store.texts("SELECT at FROM \(store.t("change_log")) WHERE action = 'update'").first!!
            // Another edit based on version 1, which is no longer the row's.
            let error = #expect(throws: PostgresStoreError.self) {
                try Self.updateMonth(store.admin, schema: store.schema, project: "P-LAW", month: 202603, completed: 900000, basedOn: 1)
            }
            #expect(error == .staleEdit(entity: "monthly", key: "P-LAW/2026-03", changedBy: me, changedAt: at))
            #expect(error?.storeError.map { "\($0)" }?.contains(me) == true)
            #expect(error?.text(.zh).contains(me) == true)
            #expect(try store.ints("SELECT completed FROM \(store.t("monthly")) WHERE project = 'P-LAW'") == [600000])
            #expect(try store.ints("SELECT count(*) FROM \(store.t("change_log")) WHERE action = 'update'") == [1])
        }
    }

    @Test func duplicatesAndMissingThingsAreSaidSo() async throws {
        try await TestStore.with { store in
            try store.seedTwoProjects()
            let duplicate = #expect(throws: PostgresStoreError.self) {
                try store.exec("INSERT INTO \(store.t("monthly")) (project, month, completed) VALUES ('P-LAW', 202603, 1)")
            }
            guard case let .duplicate(table, _, _)? = duplicate else { Issue.record("\(String(describing: duplicate))"); return }
            #expect(table == "monthly")

            // No such schema: no such store.
            var elsewhere = store.location
            elsewhere.schema = TestServer.newSchema()
            #expect(throws: PostgresStoreError.noStore(schema: elsewhere.schema)) { _ = try PostgresBridge(elsewhere) }
            // No such database.
            var noDatabase = store.location
            noDatabase.database = "cmdroom_nothing_here"
            #expect(throws: PostgresStoreError.noDatabase(name: "cmdroom_nothing_here", server: store.location.server)) { _ = try PostgresBridge(noDatabase) }
            // A wrong password.
            let login = try store.makeLogin("pw")
            let error = #expect(throws: PostgresStoreError.self) { _ = try store.bridge(as: (login.name, "not-" + login.password)) }
            guard case .authenticationFailed(login.name, _, _)? = error else { Issue.record("\(String(describing: error))"); return }
        }
    }

    /// A serialization failure (40001) runs the transaction again, twice at most; a wait past the
    /// bridge's timeout is given up and said so.
    @Test func serializationFailuresAreRetriedAndSlowAnswersTimedOut() async throws {
        try await TestStore.with { store in
            let fail = "DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'serialization_failure'; END $$"
            let attempts = Locked(0)
            let result = try store.admin.transaction { connection -> String in
                let n = attempts.withLock { $0 += 1; return $0 }
                if n < 3 { try await connection.query(PostgresQuery(unsafeSQL: fail), logger: store.admin.logger) }
                return "done after \(n)"
            }
            #expect(result == "done after 3")
            #expect(throws: PostgresStoreError.serializationFailure(attempts: 3)) {
                try store.admin.transaction { connection in try await connection.query(PostgresQuery(unsafeSQL: fail), logger: store.admin.logger) }
            }

            let impatient = try PostgresBridge(store.location, timeout: .seconds(1))
            defer { impatient.close() }
            let start = DispatchTime.now()
            #expect(throws: PostgresStoreError.timedOut(server: store.location.server, seconds: 1)) {
                try impatient.transaction { connection in try await connection.query("SELECT pg_sleep(5)", logger: impatient.logger) }
            }
            #expect(milliseconds(start, .now()) < 3000)
        }
    }

    /// The server ending a watch's connection turns the watch to `lost` (the runtime will
    /// reconnect and reload; issue 17 §4).
    @Test func aWatchWhoseConnectionIsEndedSaysItIsLost() async throws {
        try await TestStore.with { store in
            let watch = try PostgresChangeWatch(store.location)
            defer { watch.close() }
            #expect(watch.state == .listening)
            let channel = store.location.channel
            #expect(try store.ints("SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE query = 'LISTEN \"\(channel)\";'") == [1])
            let deadline = DispatchTime.now() + .seconds(5)
            while watch.state == .listening && DispatchTime.now() < deadline { usleep(10_000) }
            guard case .lost = watch.state else { Issue.record("still \(watch.state)"); return }
        }
    }

    /// Waiting on one of NIO's event loop threads would hang the bridge: refused instead.
    @Test func aWaitOnAnEventLoopIsRefused() async throws {
        try await TestStore.with { store in
            let loop = MultiThreadedEventLoopGroup.singleton.any()
            let result = try loop.submit { () -> PostgresStoreError? in
                do { try store.exec("SELECT 1"); return nil } catch { return error as? PostgresStoreError }
            }.wait()
            #expect(result == .onEventLoop)
        }
    }

    /// A commit reaches a second connection LISTENing on the store's channel; a rollback does
    /// not. Prints the latency.
    @Test func notifyReachesAListeningConnection() async throws {
        try await TestStore.with { store in
            try store.seedTwoProjects()
            let arrivals = Locked<[(DispatchTime, String)]>([])
            let watch = try PostgresChangeWatch(store.location) { table in arrivals.withLock { $0.append((.now(), table)) } }
            defer { watch.close() }
            #expect(watch.hasChanged() == false)

            var latencies: [Double] = [], writes: [Double] = []
            for i in 0..<30 {
                let before = arrivals.withLock { $0.count }
                let start = DispatchTime.now()
                try Self.updateMonth(store.admin, schema: store.schema, project: "P-LAW", month: 202603, completed: 600000 + Int64(i), basedOn: i + 1)
                let committed = DispatchTime.now()
                let deadline = DispatchTime.now() + .seconds(2)
                while arrivals.withLock({ $0.count }) == before && DispatchTime.now() < deadline { usleep(100) }
                guard let arrival = arrivals.withLock({ $0.count > before ? $0[before] : nil }) else {
                    Issue.record("no notification within 2 s of commit \(i)")
                    return
                }
                #expect(arrival.1 == "monthly")
                latencies.append(milliseconds(start, arrival.0))
                writes.append(milliseconds(start, committed))
            }
            #expect(watch.hasChanged() == true)
            #expect(watch.hasChanged() == false)
            #expect(watch.state == .listening)

            // A rolled-back write announces nothing.
            let before = arrivals.withLock { $0.count }
            _ = try? store.admin.transaction { connection -> Void in
                try await connection.query("UPDATE \(unescaped: store.t("monthly")) SET completed = 1 WHERE project = 'P-LAW'", logger: store.admin.logger)
                throw CancellationError()
            }
            usleep(300_000)
            #expect(arrivals.withLock { $0.count } == before)
            #expect(watch.hasChanged() == false)

            let l = summary(latencies), w = summary(writes)
            print(String(format: "NOTIFY: write start → listener callback: median %.2f ms, p95 %.2f ms, max %.2f ms (the write alone: median %.2f ms) over %d commits",
                         l.median, l.p95, l.max, w.median, latencies.count))
            #expect(l.p95 < 100, "a commit must reach other dashboards within 100 ms")
        }
    }
}
