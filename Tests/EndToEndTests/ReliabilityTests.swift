import Foundation
import KeyProjects
import KeyProjectsStore
import Testing

/// Several processes on one store; a writer killed mid-loop.
@Suite(.serialized) struct ReliabilityTests {
    func makeStore(_ scratch: Scratch) throws -> (path: String, project: String) {
        let store = scratch.path("store")
        let r = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", "lingchuan"])
        #expect(r.status == 0, "\(r.stderr)")
        return (store, "LC2026-0001")
    }

    func stressReminders(_ store: String, tag: String) throws -> Set<Int> {
        let s = try SQLiteStore.open(URL(fileURLWithPath: store), readOnly: true)
        let prefix = "stress-\(tag)-"
        return Set(try s.loadPortfolio().files.flatMap(\.reminders).compactMap { r in
            r.by.hasPrefix(prefix) ? Int(r.by.dropFirst(prefix.count)) : nil
        })
    }

    @Test func twoProcessesEachCommitFiveHundredUpdatesAtOnce() throws {
        let scratch = Scratch()
        let (store, project) = try makeStore(scratch)
        let results = LockedBox<[RunResult?]>([nil, nil])
        let group = DispatchGroup()
        for (i, tag) in ["A", "B"].enumerated() {
            group.enter()
            DispatchQueue.global().async {
                let result = try? run(Binaries.stress, [store, project, tag, "500"])
                results.update { $0[i] = result }
                group.leave()
            }
        }
        group.wait()
        for r in results.get() {
            let r = try #require(r)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
            #expect(r.stdout.split(separator: "\n").count == 500)
        }
        #expect(try stressReminders(store, tag: "A") == Set(1...500))
        #expect(try stressReminders(store, tag: "B") == Set(1...500))
        let check = try SQLiteStore.open(URL(fileURLWithPath: store), readOnly: true).check()
        #expect(check.contains { $0.item == .integrityOK })
    }

    @Test func aWriterKilledMidLoopLosesNoAcknowledgedWrite() throws {
        let scratch = Scratch()
        let (store, project) = try makeStore(scratch)
        let process = Process()
        process.executableURL = Binaries.stress
        process.arguments = [store, project, "K", "100000"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var acknowledged = 0
        var buffer = ""
        while acknowledged < 60 {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            buffer += String(decoding: data, as: UTF8.self)
            let lines = buffer.split(separator: "\n", omittingEmptySubsequences: false)
            buffer = String(lines.last ?? "")
            for line in lines.dropLast() where line.hasPrefix("ack ") { acknowledged = max(acknowledged, Int(line.dropFirst(4)) ?? 0) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // Acks that were already in the pipe when the writer died count too.
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        for line in (buffer + rest).split(separator: "\n") where line.hasPrefix("ack ") {
            acknowledged = max(acknowledged, Int(line.dropFirst(4)) ?? 0)
        }
        #expect(acknowledged >= 60)
        #expect(process.terminationReason == .uncaughtSignal)
        let reopened = try SQLiteStore.open(URL(fileURLWithPath: store))
        let check = try reopened.check()
        #expect(check.contains { $0.item == .integrityOK })
        let present = try stressReminders(store, tag: "K")
        #expect(Set(1...acknowledged).isSubset(of: present))
        // The store still takes writes.
        try reopened.addReminder(Reminder(project: project, date: Day(year: 2026, month: 11, day: 2)!, by: "after-kill"), on: Day(year: 2026, month: 11, day: 2)!)
    }
}
