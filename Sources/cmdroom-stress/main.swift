// Test helper for the reliability tests: commits reminders to a store one by one and prints
// "ack N" after each commit, so a test can run two writers at once or kill one mid-loop.
//
//   cmdroom-stress STORE PROJECT TAG COUNT
import Foundation
import KeyProjects
import KeyProjectsStore

let args = CommandLine.arguments
guard args.count == 5, let count = Int(args[4]) else {
    FileHandle.standardError.write(Data("usage: cmdroom-stress STORE PROJECT TAG COUNT\n".utf8))
    exit(64)
}
let (storePath, project, tag) = (args[1], args[2], args[3])
do {
    let store = try Store.open(URL(fileURLWithPath: storePath))
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
