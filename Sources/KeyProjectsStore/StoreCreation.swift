import Foundation
import Logging
import GRDB
import KeyProjects
#if canImport(Glibc)
import Glibc
#endif

extension SQLiteStore {
    /// Makes a store at `directory` from a locality directory: its `locality.toml` (and any
    /// other .toml it refers to, such as a holiday file) and whichever ledgers it has
    /// (`projects.csv`, `monthly.csv`, ...). Built in a sibling temporary directory and renamed
    /// into place, so a failure leaves nothing behind and no reader sees half a store.
    /// `asOf` (`init --as-of`): the day the store is made for; its meetings are expanded for
    /// that day's year and the next (else the sample's snapshot day's, else the clock's).
    /// `progress`: told of each ledger row checked and written, and each meeting stored.
    @discardableResult
    public static func create(at directory: URL, from locality: URL, asOf: Day? = nil,
                              clock: @escaping @Sendable () -> Date = Date.init,
                              progress: StoreProgressHandler? = nil) throws(StoreError) -> [ImportSummary] {
        let fm = FileManager.default
        if let contents = try? fm.contentsOfDirectory(atPath: directory.path), !contents.isEmpty {
            throw .alreadyExists(path: directory.path)
        }
        _ = try LocalityFile.load(directory: locality)   // refuse a bad locality.toml before any work
        let parent = directory.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(directory.lastPathComponent).init-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .io(path: parent.path, problem: .cannotCreate(detail: error.localizedDescription))
        }
        do {
            let summaries = try populate(staging, from: locality, asOf: asOf, clock: clock, progress: progress)
            // An empty directory the user made gives way to the store.
            if fm.fileExists(atPath: directory.path) {
                StoreLog.logging({ try fm.removeItem(at: directory) }, "cannot remove the empty \(directory.path)")
            }
            guard rename(staging.path, directory.path) == 0 else {
                throw StoreError.io(path: directory.path, problem: .system(String(cString: strerror(errno))))
            }
            return summaries
        } catch {
            StoreLog.logging({ try fm.removeItem(at: staging) }, "cannot remove the half-made \(staging.path)", level: .warning)
            throw SQLiteStore.mapped(error)
        }
    }

    /// The account that makes a store may write all of it: it joins the roster as office
    /// unless the roster names it already.
    static func addCreatorToRoster(_ staging: URL) throws {
        let account = OSAccount.current()
        let config = try LocalityFile.load(directory: staging)
        guard config.roster.entry(for: account) == nil else { return }
        let url = staging.appendingPathComponent(LocalityFile.fileName)
        var text = try String(contentsOf: url, encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        text += "\n# Added by cmdroom init: the account that made this store.\n[[roster]]\naccount = \"\(account)\"\nrole = \"office\"\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        _ = try LocalityFile.load(directory: staging)   // still valid
    }

    /// The roster's files are the owner's alone, whatever the umask (LocalityTrust refuses
    /// them otherwise).
    static func ownerOnly(_ directory: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".toml") {
            let path = directory.appendingPathComponent(name).path
            guard chmod(path, 0o644) == 0 else { throw StoreError.io(path: path, problem: .system(String(cString: strerror(errno)))) }
        }
    }

    /// The local calendar day of a moment.
    static func localDay(of date: Date) -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return Day(year: c.year ?? 2026, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
    }

    static func populate(_ staging: URL, from locality: URL, asOf: Day?, clock: @escaping @Sendable () -> Date,
                         progress: StoreProgressHandler?) throws -> [ImportSummary] {
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: locality.path) where name.hasSuffix(".toml") {
            try fm.copyItem(at: locality.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
        try addCreatorToRoster(staging)
        try ownerOnly(staging)
        let path = staging.appendingPathComponent(DatabaseOpening.fileName).path
        do {
            let queue = try DatabaseOpening.open(path: path, readOnly: false)
            try queue.writeWithoutTransaction { db in
                // Rollback journal, explicitly (see DESIGN.md: the WAL-reset bug).
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            }
            try Schema.migrator.migrate(queue)
            try queue.write { db in
                let info: [(String, String)] = [
                    ("created_at", ChangeRecorder.timestamp(clock())), ("created_by", OSAccount.current()),
                    ("created_from", locality.path), ("schema", String(Schema.version)),
                ]
                for (key, value) in info {
                    try db.execute(sql: "INSERT INTO store_info (key, value) VALUES (?, ?)", arguments: [key, value])
                }
            }
        }
        let store = try SQLiteStore.open(staging, clock: clock)
        var summaries: [ImportSummary] = []
        for kind in LedgerKind.importOrder {
            let file = locality.appendingPathComponent(kind.fileName)
            guard fm.fileExists(atPath: file.path) else { continue }
            summaries.append(try store.importLedger(kind, from: file, today: store.config.sampleAsOf ?? SQLiteStore.localDay(of: clock()),
                                                  progress: progress))
        }
        // The meeting series, from the start of the as-of day's year to the end of the next
        // (what the ledger already has of them is kept): a store made for 2025 names 2025's
        // meetings, whatever the clock says.
        let today = asOf ?? store.config.sampleAsOf ?? SQLiteStore.localDay(of: clock())
        try store.expandCadence(from: Day(year: today.year, month: 1, day: 1)!, to: Day(year: today.year + 1, month: 12, day: 31)!,
                                progress: progress)
        // What the store was made from is its starting point, not a write to undo.
        try store.queue.write { db in
            let last = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM change_log") ?? 0
            try db.execute(sql: "INSERT OR REPLACE INTO store_info (key, value) VALUES ('undo_floor', ?)", arguments: [String(last)])
        }
        return summaries
    }
}
