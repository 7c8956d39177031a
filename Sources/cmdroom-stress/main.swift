// Test helper for the reliability tests: commits reminders to a store one by one and prints
// "ack N" after each commit, so a test can run two writers at once or kill one mid-loop; or
// holds a write half done, for a test to kill it there.
//
//   cmdroom-stress STORE PROJECT TAG COUNT   (STORE a directory, or a postgresql:// address)
//   cmdroom-stress hold STORE      rewrites every monthly row in one transaction, with a cache
//                                  small enough that changed pages reach the database file
//                                  before the commit, prints "holding" and waits to be killed
import Foundation
import GRDB
import KeyProjects
import KeyProjectsPostgres
import KeyProjectsStore

let args = CommandLine.arguments
if args.count == 3, args[1] == "hold" {
    do {
        let queue = try DatabaseQueue(path: URL(fileURLWithPath: args[2]).appendingPathComponent("cmdroom.sqlite").path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = 8")
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE monthly SET progress = progress || '（半途写入）', completed = completed + 1")
            try db.execute(sql: "UPDATE project SET name = name || '（半途写入）'")
            FileHandle.standardOutput.write(Data("holding\n".utf8))
            while true { sleep(60) }
        }
    } catch {
        FileHandle.standardError.write(Data("cmdroom-stress: \(error)\n".utf8))
        exit(1)
    }
}
guard args.count == 5, let count = Int(args[4]) else {
    FileHandle.standardError.write(Data("usage: cmdroom-stress STORE PROJECT TAG COUNT\n".utf8))
    exit(64)
}
let (storePath, project, tag) = (args[1], args[2], args[3])
do {
    let store: any Store = PostgresLocation.looksLikeAddress(storePath)
        ? try PostgresStore.open(PostgresLocation.parse(storePath))
        : try SQLiteStore.open(URL(fileURLWithPath: storePath))
    let date = Day(year: 2026, month: 11, day: 1)!
    for i in 1...count {
        try store.addReminder(Reminder(project: project, date: date, by: "stress-\(tag)-\(i)", note: "并发写入测试"), on: date)
        // Written straight to the pipe (no buffering): an ack is only printed once committed.
        FileHandle.standardOutput.write(Data("ack \(i)\n".utf8))
    }
} catch {
    FileHandle.standardError.write(Data("cmdroom-stress: \(error)\n".utf8))
    exit(1)
}
