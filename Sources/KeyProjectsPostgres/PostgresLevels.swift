import Foundation
import KeyProjects
import KeyProjectsStore

/// Levels in one database (issue 17 §5): a store names the store one level up in
/// `store_info.parent` (`cmdroom migrate --parent`), and the upper store's readers are made
/// readers of it, so a province's hq, office and wall read its cities' boards; the server
/// decides who may read which schema.
extension PostgresStore {
    public static let parentKey = "parent"

    /// The stores whose parent is this one and that this account may read, by name.
    public func lowerStores() throws(StoreError) -> [LowerStore] {
        let me = server.schema
        return try read { db in
            let schemas = try db.values(String.self, sql: """
                SELECT n.nspname::text FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid
                WHERE c.relname = 'store_info' AND c.relkind = 'r' AND n.nspname <> ?
                  AND has_schema_privilege(n.nspname, 'USAGE') AND has_table_privilege(c.oid, 'SELECT')
                ORDER BY 1
                """, arguments: [me])
            var lower: [LowerStore] = []
            for schema in schemas {
                let s = PostgresNames.quoted(schema)
                var info: [String: String] = [:]
                // A store dropped since it was listed is no store: its read is taken back alone
                // (a failed statement would end the whole read) and it is left out.
                try db.execute(sql: "SAVEPOINT lower_store", arguments: [])
                do {
                    for row in try db.rows(sql: "SELECT \"key\", value FROM \(s).store_info") { info[row[0]] = row[1] }
                    try db.execute(sql: "RELEASE SAVEPOINT lower_store", arguments: [])
                } catch let error as PostgresStoreError where error.isGone {
                    try db.execute(sql: "ROLLBACK TO SAVEPOINT lower_store", arguments: [])
                    continue
                }
                guard info[Self.parentKey] == me else { continue }
                let name = info[Self.localityKey].flatMap { text in
                    try? LocalityFile.parse(text, file: schema) { info[Self.filePrefix + $0] }.organisation.name
                } ?? schema
                lower.append(LowerStore(store: schema, name: name))
            }
            return lower
        }
    }

    /// Hands an issue escalated past this store's level to the parent store's queue, in the
    /// write's own transaction (`PostgresReferrals`): the server checks that this account is the
    /// office here and gives the issue its id there.
    public func referToLevelAbove(_ issue: Issue, db: any SQLSession) throws -> Bool {
        guard let parent = try db.value(String.self, sql: "SELECT value FROM store_info WHERE \"key\" = ?",
                                        arguments: [Self.parentKey]), !parent.isEmpty else { return false }
        _ = try db.value(String.self, sql: "SELECT \(PostgresNames.quoted(parent)).refer_issue(?, ?)",
                         arguments: [server.schema.databaseValue, issue.id.databaseValue])
        return true
    }

    /// A lower store on the same server, read-only.
    public func openLower(_ store: String) throws(StoreError) -> any Store {
        guard let found = try lowerStores().first(where: { $0.store == store || $0.name == store }) else {
            throw .notFound(entity: "store", key: store)
        }
        var location = server
        location.schema = found.store
        return try PostgresStore.open(location, readOnly: true)
    }
}

private extension PostgresStoreError {
    /// The schema or its table no longer exists (dropped while being read).
    var isGone: Bool {
        switch self {
        case .noStore: return true
        case let .server(state, _): return state == "42P01" || state == "3F000"
        default: return false
        }
    }
}
