import Foundation
import GRDB
@testable import KeyProjectsPostgres
import PostgresNIO
import Testing

/// An import's writes sent as one `DO` block with the values written in as literals
/// (`PostgresBatch`): every value comes back exactly as it went, quotes, backslashes, dollar
/// signs and all, and a refused row fails the block with its own error.
@Suite struct PostgresBatchTests {
    @Test func valuesBecomeLiteralsThatQuoteEverything() {
        #expect(PostgresBatch.literal(.null) == "NULL")
        #expect(PostgresBatch.literal(42.databaseValue) == "42")
        #expect(PostgresBatch.literal("it's a \\ path".databaseValue) == "E'it''s a \\\\ path'")
        #expect(PostgresBatch.literal(Data([0x00, 0xff]).databaseValue) == "'\\x00ff'::bytea")
        // A ? inside quotes is SQL's, not a placeholder; too few or too many values are refused.
        #expect(PostgresBatch.inlined("SELECT '?', \"a?\", ?", [7.databaseValue]) == "SELECT '?', \"a?\", 7")
        #expect(PostgresBatch.inlined("SELECT ?, ?", [7.databaseValue]) == nil)
        #expect(PostgresBatch.inlined("SELECT ?", [7.databaseValue, 8.databaseValue]) == nil)
    }

    @Test(.enabled(if: TestServer.enabled, TestServer.skipReason))
    func everyValueComesBackAsItWentAndARefusedRowFailsTheBlock() async throws {
        try await TestStore.with { store in
            try store.seedTwoProjects()
            let notes = ["it's", "back\\slash", "$$ dollars $cmdroom_batch_x$", "line\nbreak", "emoji 🏗️ 工程", "", "'; DROP TABLE project; --"]
            let statements = notes.enumerated().map { i, note in
                (sql: "INSERT INTO reminder (project, \"date\", \"by\", note) VALUES (?, ?, ?, ?)",
                 arguments: ["P-LAW".databaseValue, (20261101 + i).databaseValue, "batch".databaseValue, note.databaseValue])
            }
            let block = try #require(PostgresBatch.block(statements))
            try store.admin.execute(["SET LOCAL search_path = \(PostgresNames.quoted(store.schema))", block])
            let back = try store.texts("SELECT note FROM \(store.t("reminder")) WHERE \"by\" = 'batch' ORDER BY \"date\"")
            #expect(back == notes.map { Optional($0) })
            #expect(try store.ints("SELECT count(*)::integer FROM \(store.t("project"))") == [2])
            // A stale version in the middle: the block fails with the trigger's own error, and
            // nothing of it is kept.
            let update = "UPDATE reminder SET note = ?, version = ? WHERE project = ? AND \"date\" = ? AND \"by\" = ?"
            func row(_ note: String, version: Int, date: Int) -> (sql: String, arguments: [DatabaseValue]) {
                (update, [note.databaseValue, version.databaseValue, "P-LAW".databaseValue, date.databaseValue, "batch".databaseValue])
            }
            let stale = [row("first", version: 1, date: 20261101), row("second", version: 9, date: 20261102)]
            let failing = try #require(PostgresBatch.block(stale))
            let error = #expect(throws: PostgresStoreError.self) {
                try store.admin.execute(["SET LOCAL search_path = \(PostgresNames.quoted(store.schema))", failing])
            }
            guard case .staleEdit(entity: "reminder", _, _, _)? = error else {
                Issue.record("not the trigger's stale edit: \(String(describing: error))"); return
            }
            #expect(try store.texts("SELECT note FROM \(store.t("reminder")) WHERE \"by\" = 'batch' ORDER BY \"date\" LIMIT 1") == ["it's"])
        }
    }
}
