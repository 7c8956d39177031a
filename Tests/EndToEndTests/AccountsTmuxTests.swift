import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Two real OS accounts on one store (issue 4 §8): a clerk of 政法 enters a month in the
/// grid under their own account, is refused a reminder on another sub-command's project, and
/// the wall (another process) shows the change. Needs root to make the accounts.
@Suite(.serialized, .enabled(if: OSAccounts.canMake, OSAccounts.whyNot))
struct AccountsTmuxTests {
    static let group = "cmdroom-e2e"
    static let law = "cmdroom-e2e-law"
    static let municipal = "cmdroom-e2e-mun"

    func sh(_ line: String) -> Int32 { system(line + " >/dev/null 2>&1") }

    @Test func aClerkEditsTheirProjectIsRefusedAnotherAndTheWallSeesIt() throws {
        // The accounts and their group, made afresh and removed afterwards.
        for user in [Self.law, Self.municipal] { _ = sh("/usr/sbin/userdel \(user)") }
        _ = sh("/usr/sbin/groupdel \(Self.group)")
        #expect(sh("/usr/sbin/groupadd \(Self.group)") == 0)
        for user in [Self.law, Self.municipal] {
            #expect(sh("/usr/sbin/useradd --no-create-home --shell /bin/sh --groups \(Self.group) \(user)") == 0)
        }
        defer {
            for user in [Self.law, Self.municipal] { _ = sh("/usr/sbin/userdel \(user)") }
            _ = sh("/usr/sbin/groupdel \(Self.group)")
        }
        let scratch = Scratch()
        let store = scratch.path("store")
        let sample = Binaries.repositoryRoot.appendingPathComponent("sample-data/linfen").path
        let made = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", sample, "--group", Self.group])
        #expect(made.status == 0, "\(made.stderr)")
        // Only the group writes the database; the roster is the owner's.
        let attributes = try FileManager.default.attributesOfItem(atPath: store + "/cmdroom.sqlite")
        #expect((attributes[.posixPermissions] as? Int) == 0o664 && (attributes[.groupOwnerAccountName] as? String) == Self.group)
        let written = try String(contentsOfFile: store + "/locality.toml", encoding: .utf8)
        #expect(written.contains("group = \"\(Self.group)\""), "init --group is recorded in [access]")
        let toml = written + """

            [[roster]]
            account = "\(Self.law)"
            role = "clerk"
            subcommands = ["law"]
            name = "政法填报员"

            [[roster]]
            account = "\(Self.municipal)"
            role = "clerk"
            subcommands = ["municipal"]

            """
        try toml.write(toFile: store + "/locality.toml", atomically: true, encoding: .utf8)

        // A 政法 project that is yellow in October with no late milestone: enough completed
        // investment this month puts it on schedule, and its group's counts change on the wall.
        let board = try run(Binaries.cmdroom, ["board", "--store", store, "--format", "json"])
        let projects = try JSONSerialization.jsonObject(with: Data(board.stdout.utf8)) as! [[String: Any]]
        let law = projects.filter { ($0["subcommand"] as? String) == "law" }
        let target = try #require(law.first { ($0["card"] as? String) != "blue" && (($0["lateMilestones"] as? [String]) ?? []).isEmpty
            && ($0["plannedToDate"] as? Double ?? 0) > 0 })
        let code = target["code"] as! String
        let sheet = try run(Binaries.cmdroom, ["export", "monthly", "--store", store])
        let october = sheet.stdout.split(separator: "\n").first { $0.hasPrefix("\(code),2026-10,") }.map(String.init) ?? ""
        let thisMonth = Double(october.split(separator: ",", omittingEmptySubsequences: false).dropFirst(3).first ?? "0") ?? 0
        let shortfall = (target["plannedToDate"] as! Double) - (target["completedToDate"] as! Double)
        let amount = String(Int((thisMonth + shortfall).rounded(.up)) + 1)
        // The grid lists the clerk's projects by code.
        let codes = law.map { $0["code"] as! String }.sorted()
        let rowIndex = try #require(codes.firstIndex(of: code))

        let wall = try Tmux(width: 120, height: 36, command: "\(Binaries.cmdroom.path) wall --store \(store) --cycle 600")
        defer { wall.kill() }
        #expect(wall.waitFor("政法项目分指挥部"), "\(wall.screen())")
        let before = wall.screen().first { $0.contains("政法项目分指挥部") } ?? ""

        let clerk = try Tmux(width: 100, height: 30,
                             command: "/usr/sbin/runuser -u \(Self.law) -- \(Binaries.cmdroom.path) --store \(store); echo CMDROOM-EXITED $?")
        defer { clerk.kill() }
        #expect(clerk.waitFor("\(Self.law)"), "\(clerk.screen())")
        // The board loaded (the account shows on the status line before it does).
        #expect(clerk.waitFor("政法项目分指挥部"), "\(clerk.screen())")
        clerk.send("e")
        #expect(clerk.waitFor("月度填报 2026-10 · \(codes.count) 个项目"), "\(clerk.screen())")
        for _ in 0..<rowIndex { clerk.send("Down") }
        clerk.send(amount, "Enter")
        #expect(clerk.waitFor("已保存 \(code) 2026-10"), "\(clerk.screen())")
        // The wall, another process, shows the group's new counts within two seconds.
        let start = Date()
        #expect(wall.waitUntil(seconds: 5) { screen in
            let line = screen.first { $0.contains("政法项目分指挥部") } ?? before
            return line != before
        }, "\(before) → \(wall.screen())")
        #expect(Date().timeIntervalSince(start) < 2.5)

        // Another sub-command's project: the reminder is refused, naming who may.
        clerk.send("Escape", "/", "sub:municipal", "Enter", "c")
        #expect(clerk.waitFor("无权催办"), "\(clerk.screen())")
        #expect(clerk.waitFor("lf-municipal"), "\(clerk.screen())")
        clerk.send("q")
        #expect(clerk.waitFor("CMDROOM-EXITED 0"), "\(clerk.screen())")

        // The change log records the clerk's account; the other clerk cannot write 政法's month.
        let history = try run(Binaries.cmdroom, ["history", "--project", code, "--store", store])
        #expect(history.stdout.contains(Self.law), "\(history.stdout)\(history.stderr)")
        let refused = try run(URL(fileURLWithPath: "/usr/sbin/runuser"),
                              ["-u", Self.municipal, "--", Binaries.cmdroom.path, "progress", "set", code, "--completed", "1", "--store", store])
        #expect(refused.status == 1 && refused.stderr.contains(Self.law), "\(refused.stderr)")
    }
}

/// Whether this run can make OS accounts, and if not, why the test is skipped.
enum OSAccounts {
    static var canMake: Bool {
        geteuid() == 0 && Tmux.available && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")
            && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
    }
    static var whyNot: Comment {
        geteuid() != 0 ? "making OS accounts (useradd) needs root; run the suite as root to test two accounts"
            : "tmux, useradd or runuser is missing"
    }
}
