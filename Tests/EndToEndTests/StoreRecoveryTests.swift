import Foundation
import GRDB
import KeyProjectsStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The store after a crash, a full disk, and damaged files, through the real binary: every
/// read-only command works after a writer dies mid-transaction, nothing is ever taken for a
/// store that is not one, and no read writes.
@Suite(.serialized) struct StoreRecoveryTests {
    static let readCommands: [[String]] = [
        ["board", "--format", "json"], ["check"], ["export", "monthly"], ["history", "--project", "LF2026-0001"], ["issues"],
        ["calendar"], ["ranking"], ["awards"], ["targets"], ["report", "monthly"],
    ]

    func initStore(_ scratch: Scratch, _ name: String = "store") throws -> String {
        let store = scratch.path(name)
        let r = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", "linfen"])
        #expect(r.status == 0, "\(r.stderr)")
        return store
    }

    func database(_ store: String) -> String { store + "/cmdroom.sqlite" }
    func journal(_ store: String) -> String { store + "/cmdroom.sqlite-journal" }
    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
    func size(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1 }

    /// Starts a writer that changes every monthly row and every project's name in one
    /// transaction, with changed pages already in the database file, and kills it there.
    func crashAWriterMidTransaction(_ store: String, journal expected: String? = nil) throws {
        let process = Process()
        process.executableURL = Binaries.stress
        process.arguments = ["hold", store]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // The handshake: "holding" is printed inside the open transaction.
        let line = String(decoding: out.fileHandleForReading.availableDataOrWait(), as: UTF8.self)
        #expect(line.contains("holding"), "the writer did not reach its transaction: \(line)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(size(expected ?? journal(store)) > 0, "a writer killed mid-transaction leaves its journal")
    }

    @Test func everyReadOnlyCommandWorksAfterAWriterIsKilledMidTransaction() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        var before: [String: String] = [:]
        for command in Self.readCommands {
            before[command.joined(separator: " ")] = try run(Binaries.cmdroom, command + ["--store", store]).stdout
        }
        let sizeBefore = size(database(store))
        try crashAWriterMidTransaction(store)
        #expect(size(database(store)) != sizeBefore, "the killed writer's pages reached the file")
        for (i, command) in Self.readCommands.enumerated() {
            let r = try run(Binaries.cmdroom, command + ["--store", store])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(r.stdout == before[command.joined(separator: " ")], "\(command) shows what was there before the crash")
            #expect(!r.stdout.contains("半途写入"))
            // The first reader rolls the write back and says so; the others find nothing to do.
            #expect(r.stderr.contains("已回滚上次中断的写入") == (i == 0), "\(command): \(r.stderr)")
        }
        #expect(size(journal(store)) <= 0)
        #expect(size(database(store)) == sizeBefore)
        // The rollback is logged too (HOME is the test's; XDG_STATE_HOME set here).
        let state = scratch.path("state")
        try crashAWriterMidTransaction(store)
        #expect(try run(Binaries.cmdroom, ["board", "--store", store], environment: ["XDG_STATE_HOME": state]).status == 0)
        let log = (try? String(contentsOfFile: state + "/cmdroom/cmdroom.log", encoding: .utf8)) ?? ""
        #expect(log.contains("notice cmdroom.store: rolled back an interrupted write") && log.contains("bytes="), "\(log)")
        // --readonly dashboard output when not a terminal is the board as text.
        let readonly = try run(Binaries.cmdroom, ["--readonly", "--store", store])
        #expect(readonly.status == 0, "\(readonly.stderr)")
    }

    @Test(.enabled(if: Tmux.available, "needs tmux"))
    func theWallStartsAfterACrashAndShowsTheDataAsBefore() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        try crashAWriterMidTransaction(store)
        let tmux = try Tmux(width: 100, height: 30, command: "\(Binaries.cmdroom.path) wall --store \(store) --cycle 100")
        defer { tmux.kill() }
        #expect(tmux.waitFor("只读"), "\(tmux.screen().joined(separator: "\n"))")
        #expect(!tmux.screen().joined().contains("半途写入"))
        #expect(size(journal(store)) <= 0)
    }

    @Test(.enabled(if: root && Tmux.available && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
                   && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd"),
                   "needs root (useradd, runuser) and tmux to run a wall under another account"))
    func aRunningWallSaysWhenTheStoreCannotBeReadAndRecoversWithoutARestart() throws {
        // A wall account outside the store's group: it may read the store but not roll back.
        let viewer = "cmdroom-wall-t"
        _ = system("/usr/sbin/useradd --no-create-home --shell /bin/sh \(viewer) >/dev/null 2>&1")
        defer { _ = system("/usr/sbin/userdel \(viewer) >/dev/null 2>&1") }
        let scratch = Scratch()
        chmod(scratch.url.path, 0o755)
        let store = try initStore(scratch)
        let tmux = try Tmux(width: 80, height: 24,
                            command: "/usr/sbin/runuser -u \(viewer) -- \(Binaries.cmdroom.path) wall --store \(store) --cycle 100")
        defer { tmux.kill() }
        #expect(tmux.waitFor("只读"), "\(tmux.screen().joined(separator: "\n"))")
        try crashAWriterMidTransaction(store)
        #expect(tmux.waitFor("check --repair"), "the wall says the store must be recovered: \(tmux.screen().joined(separator: "\n"))")
        // The viewer's own commands say the same in one line, and write nothing.
        let hash = bytes(database(store))
        let refused = try run(URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", viewer, "--", Binaries.cmdroom.path, "board", "--store", store])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("check --repair") && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(bytes(database(store)) == hash)
        // A second wall started now, after the crash, waits instead of exiting.
        let late = try Tmux(width: 80, height: 24,
                            command: "/usr/sbin/runuser -u \(viewer) -- \(Binaries.cmdroom.path) wall --store \(store) --cycle 100; echo EXITED $?")
        defer { late.kill() }
        #expect(late.waitFor("等待中"), "\(late.screen().joined(separator: "\n"))")
        let repair = try run(Binaries.cmdroom, ["check", "--repair", "--store", store])
        #expect(repair.status == 0, "\(repair.stderr)")
        #expect(repair.stderr.contains("已回滚上次中断的写入"))
        #expect(tmux.waitUntil(seconds: 8) { !$0.joined().contains("check --repair") }, "the wall clears the message once it reads again")
        #expect(!tmux.screen().joined().contains("半途写入"))
        #expect(late.waitFor("只读", seconds: 8), "the waiting wall comes up by itself: \(late.screen().joined(separator: "\n"))")
        #expect(!late.screen().joined().contains("EXITED"))
    }

    static let root = geteuid() == 0

    /// A store made on a small file system of its own (a tmpfs: mounting needs root), and the
    /// file system's path, to unmount when done.
    func storeOnASmallDisk(_ scratch: Scratch, megabytes: Int) throws -> (disk: String, store: String) {
        let disk = scratch.path("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        #expect(system("mount -t tmpfs -o size=\(megabytes)m tmpfs \(disk) >/dev/null 2>&1") == 0)
        let store = disk + "/store"
        #expect(try run(Binaries.cmdroom, ["init", "--store", store, "--locality", "linfen"]).status == 0)
        return (disk, store)
    }

    func unmount(_ disk: String) { _ = system("umount \(disk) >/dev/null 2>&1") }

    @Test(.enabled(if: root, "mounting a small file system needs root"))
    func anImportThatFillsTheDiskLeavesTheStoreAsItWas() throws {
        let scratch = Scratch()
        let (disk, store) = try storeOnASmallDisk(scratch, megabytes: 3)
        defer { unmount(disk) }
        let ledger = scratch.path("gen")
        #expect(try run(Binaries.cmdroom, ["demo", "generate", "--projects", "3000", "--out", ledger]).status == 0)
        let board = try run(Binaries.cmdroom, ["board", "--format", "json", "--store", store]).stdout
        let sizeBefore = size(database(store))
        // Leave about 200 KB free: the import fails while its journal and pages are on disk.
        var fs = statvfs()
        _ = statvfs(disk, &fs)
        let free = Int(fs.f_bavail) * Int(fs.f_frsize)
        FileManager.default.createFile(atPath: disk + "/filler", contents: Data(count: max(0, free - 200 * 1024)))
        let r = try run(Binaries.cmdroom, ["import", "projects", ledger + "/projects.csv", "--store", store])
        #expect(r.status == 1)
        #expect(r.stderr.contains("磁盘已满") && r.stderr.contains("未写入任何数据"), "\(r.stderr)")
        #expect(size(journal(store)) <= 0, "the failed write rolled itself back")
        #expect(size(database(store)) == sizeBefore, "the file is not left grown")
        let after = try run(Binaries.cmdroom, ["board", "--format", "json", "--store", store])
        #expect(after.status == 0 && after.stdout == board && after.stderr.isEmpty, "\(after.stderr)")
    }

    @Test func anEmptyTruncatedOrForeignFileIsNeverTakenForAStore() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        let good = bytes(database(store))!
        let cases: [(String, Data, String)] = [
            ("empty", Data(), "文件为空"),
            ("truncated", good.prefix(good.count / 2), "文件不完整"),
            ("text", Data("项目编码,项目名称\n".utf8), "不是 SQLite 数据库"),
            ("foreign", try foreignDatabase(scratch), "其他程序的 SQLite 数据库"),
        ]
        for (name, data, words) in cases {
            FileManager.default.createFile(atPath: database(store), contents: data)
            for command in Self.readCommands + [["progress", "set", "LF2026-0001", "--month", "2026-10", "--completed", "1"]] {
                let r = try run(Binaries.cmdroom, command + ["--store", store])
                #expect(r.status == 1, "\(name) \(command): \(r.stdout)")
                #expect(r.stderr.contains(words) && r.stderr.contains("cmdroom init"), "\(name) \(command): \(r.stderr)")
                #expect(bytes(database(store)) == data, "\(name) \(command) wrote to the file")
            }
            if Tmux.available {
                let tmux = try Tmux(width: 80, height: 24, command: "\(Binaries.cmdroom.path) wall --store \(store); echo EXITED $?")
                defer { tmux.kill() }
                #expect(tmux.waitFor("EXITED 1"), "\(name): \(tmux.screen().joined(separator: "\n"))")
                #expect(bytes(database(store)) == data)
            }
        }
    }

    @Test func readCommandsNeverWriteAByte() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        let files = ["cmdroom.sqlite", "locality.toml"]
        let before = files.map { bytes(store + "/" + $0) }
        for command in Self.readCommands + [["agenda", "progress-20261008"], ["minutes", "progress-20261008"]] {
            let r = try run(Binaries.cmdroom, command + ["--store", store])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(files.map { bytes(store + "/" + $0) } == before, "\(command) wrote to the store")
            #expect(!FileManager.default.fileExists(atPath: journal(store)))
        }
    }

    @Test func somethingElseAtTheJournalsPathIsNamedWithWhatToRemove() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        try FileManager.default.createSymbolicLink(atPath: journal(store), withDestinationPath: "/nonexistent")
        let r = try run(Binaries.cmdroom, ["board", "--store", store])
        #expect(r.status == 1)
        #expect(r.stderr.contains("符号链接") && r.stderr.contains("rm \(journal(store))"), "\(r.stderr)")
        try FileManager.default.removeItem(atPath: journal(store))
        try FileManager.default.createDirectory(atPath: journal(store), withIntermediateDirectories: false)
        let en = try run(Binaries.cmdroom, ["board", "--store", store, "--lang", "en"])
        #expect(en.status == 1 && en.stderr.contains("is a directory, not SQLite's rollback journal"), "\(en.stderr)")
    }

    @Test func aDatabaseWithoutItsLocalityFileSaysToRestoreIt() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        try FileManager.default.removeItem(atPath: store + "/locality.toml")
        let r = try run(Binaries.cmdroom, ["board", "--store", store])
        #expect(r.status == 1 && r.stderr.contains("从备份恢复 locality.toml") && !r.stderr.contains("请先运行"), "\(r.stderr)")
    }

    @Test func aSymlinkedDatabaseIsRecoveredBesideItsTarget() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        let elsewhere = scratch.path("data")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: database(store), toPath: elsewhere + "/cmdroom.sqlite")
        try FileManager.default.createSymbolicLink(atPath: database(store), withDestinationPath: elsewhere + "/cmdroom.sqlite")
        let before = try run(Binaries.cmdroom, ["board", "--format", "json", "--store", store]).stdout
        // The journal lies beside the link's target.
        try crashAWriterMidTransaction(store, journal: elsewhere + "/cmdroom.sqlite-journal")
        let r = try run(Binaries.cmdroom, ["board", "--format", "json", "--store", store])
        #expect(r.status == 0 && r.stdout == before, "\(r.stderr)")
        #expect(r.stderr.contains(elsewhere + "/cmdroom.sqlite-journal") && !r.stderr.contains("，0 字节"), "\(r.stderr)")
    }

    @Test func aRosterFileAnyoneElseMayWriteIsRefused() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        let toml = store + "/locality.toml"
        let mode = (try FileManager.default.attributesOfItem(atPath: toml)[.posixPermissions] as? Int) ?? 0
        #expect(mode & 0o022 == 0, "init leaves locality.toml writable by its owner alone")
        chmod(toml, 0o664)
        let writable = try run(Binaries.cmdroom, ["board", "--store", store])
        #expect(writable.status == 1 && writable.stderr.contains("chmod 644 \(toml)"), "\(writable.stderr)")
        chmod(toml, 0o644)
        #expect(try run(Binaries.cmdroom, ["board", "--store", store]).status == 0)
        // A clerk's file renamed over the owner's: owned by someone else.
        guard geteuid() == 0 else { return }
        chown(toml, 65_534, 65_534)
        let foreign = try run(Binaries.cmdroom, ["board", "--store", store])
        #expect(foreign.status == 1 && foreign.stderr.contains("不信任 \(toml)") && foreign.stderr.contains("nobody"), "\(foreign.stderr)")
        chown(toml, 0, 0)
    }

    @Test(.enabled(if: root, "mounting a small file system needs root"))
    func aReadOnlyFileSystemIsNamedAsSuch() throws {
        let scratch = Scratch()
        let (disk, store) = try storeOnASmallDisk(scratch, megabytes: 4)
        defer { unmount(disk) }
        #expect(system("mount -o remount,ro \(disk) >/dev/null 2>&1") == 0)
        let r = try run(Binaries.cmdroom, ["progress", "set", "LF2026-0001", "--month", "2026-10", "--completed", "1", "--store", store])
        #expect(r.status == 1 && r.stderr.contains("只读文件系统"), "\(r.stderr)")
        #expect(!r.stderr.contains("组"), "a read-only file system is not a group's fault: \(r.stderr)")
        #expect(try run(Binaries.cmdroom, ["board", "--store", store]).status == 0)
    }

    /// A SQLite database of another program.
    func foreignDatabase(_ scratch: Scratch) throws -> Data {
        let path = scratch.path("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)") }
        try queue.close()
        return bytes(path) ?? Data()
    }
}

extension FileHandle {
    /// The first chunk the other end writes, waiting for it.
    func availableDataOrWait() -> Data { availableData }
}

/// A store made by an older cmdroom, and a reader already open when a writer crashes.
@Suite(.serialized) struct StoreUpgradeAndLiveRecoveryTests {
    let recovery = StoreRecoveryTests()

    @Test func aReadOnlyOpenNeverUpgradesAnOlderStoreCheckRepairDoes() throws {
        let scratch = Scratch()
        let store = try recovery.initStore(scratch)
        let db = store + "/cmdroom.sqlite"
        let fresh = try DatabaseQueue(path: db)
        let migrations = try fresh.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") }
        let recorded = try fresh.read { db in try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'schema'") }
        #expect(recorded == migrations.map(String.init), "a new store records as many versions as it has migrations")
        // What a store of the version before the awards (the agenda numbers, the referrals) looked like.
        try fresh.write { db in
            try db.execute(sql: """
                DROP TABLE award; DROP TABLE award_proposal; ALTER TABLE meeting DROP COLUMN agenda;
                ALTER TABLE issue DROP COLUMN origin; ALTER TABLE issue DROP COLUMN origin_project; ALTER TABLE issue DROP COLUMN referred_to
                """)
            try db.execute(sql: """
                DELETE FROM grdb_migrations WHERE identifier IN ('v7 quarterly awards', 'v8 agenda numbers', 'v9 issues referred between levels')
                """)
            try db.execute(sql: "UPDATE store_info SET value = '6' WHERE key = 'schema'")
        }
        try fresh.close()
        let before = recovery.bytes(db)
        let board = try run(Binaries.cmdroom, ["board", "--store", store])
        #expect(board.status == 1 && board.stderr.contains("check --repair") && board.stderr.contains("版本 6"), "\(board.stderr)")
        #expect(recovery.bytes(db) == before, "a read-only open wrote to an older store")
        let repair = try run(Binaries.cmdroom, ["check", "--repair", "--store", store])
        #expect(repair.status == 0 && repair.stderr.contains("从版本 6 升级到版本 9"), "\(repair.stderr)")
        #expect(try run(Binaries.cmdroom, ["board", "--store", store]).status == 0)
        let upgraded = try DatabaseQueue(path: db)
        #expect(try upgraded.read { db in try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'schema'") } == "9")
    }

    @Test func aReaderOpenBeforeTheCrashRollsBackAtItsNextRead() throws {
        let scratch = Scratch()
        let path = try recovery.initStore(scratch)
        let reader = try SQLiteStore.open(URL(fileURLWithPath: path), readOnly: true)
        let before = try reader.loadPortfolio().files.map(\.project.name)
        try recovery.crashAWriterMidTransaction(path)
        #expect(try reader.loadPortfolio().files.map(\.project.name) == before)
        #expect(reader.takeRecoveries().count == 1)
        #expect(recovery.size(recovery.journal(path)) <= 0)
    }
}
