import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsPostgres
import KeyProjectsStore
import Testing

/// Issues escalated past a store's level reach the queue of the store above in the same
/// transaction (issue 17 §5): a county (陵川县) whose parent is a city (临汾市), both copied
/// from the samples into schemas of their own.
@Suite(.serialized, .enabled(if: TestServer.enabled, TestServer.skipReason))
struct PostgresReferralTests {
    static let day = Day.parse("2026-11-02")!

    /// The city and the county, copied from the sample stores; dropped after.
    final class Levels: Sendable {
        let scratch: URL
        let city: PostgresLocation
        let county: PostgresLocation
        let admin: PostgresBridge
        let countyAdmin: PostgresBridge

        init() throws {
            scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-levels-\(UUID().uuidString)")
            city = try TestServer.location(schema: TestServer.newSchema())
            county = try TestServer.location(schema: TestServer.newSchema())
            admin = try PostgresBridge(city, timeout: TestServer.patience, requireSchema: false)
            countyAdmin = try PostgresBridge(county, timeout: TestServer.patience, requireSchema: false)
            for (sample, location, parent) in [(SampleLocality.linfen, city, nil), (.lingchuan, county, city.schema)] {
                let source = scratch.appendingPathComponent("\(sample.rawValue)-ledgers"), store = scratch.appendingPathComponent(sample.rawValue)
                try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
                try sample.write(to: source)
                try SQLiteStore.create(at: store, from: source)
                _ = try PostgresStoreCopy.copy(from: store, to: location, parent: parent)
            }
        }

        static func with(_ body: @escaping @Sendable (Levels) throws -> Void) async throws {
            try await offPool {
                try TestServer.gate.wait(); defer { TestServer.gate.signal() }
                let levels = try Levels()
                defer { levels.remove() }
                try body(levels)
            }
        }

        func remove() {
            // The county first: its office holds a grant in the city's schema.
            for bridge in [countyAdmin, admin] {
                try? PostgresMigrations.dropStore(bridge)
                bridge.close()
            }
            try? FileManager.default.removeItem(at: scratch)
        }

        /// A county issue at the county's level that may be escalated.
        func escalatable(_ store: PostgresStore) throws -> KeyProjects.Issue {
            let issues = try store.loadPortfolio().issues
            guard let issue = issues.first(where: { $0.level == .county && [.registered, .dispatched, .arranged].contains($0.status) }) else {
                throw Missing(what: "a county issue to escalate")
            }
            return issue
        }

        func cityIssue(from origin: String) throws -> KeyProjects.Issue? {
            try PostgresStore.open(city).loadPortfolio().issues.first { $0.origin == origin }
        }
    }

    struct Missing: Error { var what: String }

    /// The workflow's refusal `body` threw, if that is what it threw.
    func refusal(_ body: () throws -> Any) -> WorkflowRefusal? {
        do { _ = try body(); return nil } catch let StoreError.workflow(_, refusal) { return refusal } catch { return nil }
    }

    @Test func anEscalationPastTheCountyReachesTheCitysQueueInOneTransaction() async throws {
        try await Levels.with { levels in
            let county = try PostgresStore.open(levels.county)
            let before = try levels.escalatable(county)
            let projectName = try county.loadProjectFile(before.project)?.project.name
            let referred = try county.apply(.escalate(reason: "需市级协调用地指标"), toIssue: before.id, on: Self.day)

            // The county's issue: escalated to the city's level, referred there, off its clock.
            #expect(referred.level == .city)
            #expect(referred.referredTo.hasPrefix(levels.city.schema + "/Q2026-"), "\(referred.referredTo)")
            let reading = Clock13710.reading(of: referred, asOf: Day.parse("2026-12-31")!)
            #expect(!reading.isOverdue && reading.due == nil)
            #expect(IssueWorkflow.possibleSteps(for: referred, levels: [.county, .city, .province]).isEmpty)

            // The city's queue has it, with the county's project by name and no project of its own.
            let origin = levels.county.schema + "/" + before.id
            let there = try #require(try levels.cityIssue(from: origin))
            #expect(levels.city.schema + "/" + there.id == referred.referredTo)
            #expect(there.project == "" && there.originProject == projectName && there.projectLabel == projectName)
            #expect(there.level == .city && there.status == .registered && there.queuedOn == Self.day && there.registeredOn == Self.day)
            #expect(there.description == before.description && there.note == "需市级协调用地指标")
            // Both stores logged their own rows, each with the session's account.
            let actor = try levels.admin.rows(.init(unsafeSQL: "SELECT session_user::text")) { try $0.decode(String.self) }.first
            let cityLog = try levels.admin.rows(.init(unsafeSQL: "SELECT actor || '/' || action FROM \(PostgresNames.quoted(levels.city.schema)).change_log WHERE key = '\(there.id)'")) {
                try $0.decode(String.self)
            }
            #expect(cityLog == ["\(actor ?? "?")/insert"], "\(cityLog)")
            let countyBatch = try county.lastUndoable()
            #expect(countyBatch.count == 2 && countyBatch.allSatisfy { $0.key == before.id }, "\(countyBatch)")

            // Its steps are the city's now: the county can neither work it nor undo the referral.
            let expected = WorkflowRefusal.referred(to: referred.referredTo)
            #expect(refusal { try county.apply(.dispatch(unit: "陵川县自然资源局"), toIssue: before.id, on: Self.day) } == expected)
            #expect(refusal { try county.undoLast() } == expected)
            #expect(try levels.cityIssue(from: origin) != nil)
        }
    }

    @Test func theCitysStepsAreMirroredOntoTheCountysIssueUntilItIsCleared() async throws {
        try await Levels.with { levels in
            let county = try PostgresStore.open(levels.county)
            let issue = try levels.escalatable(county)
            _ = try county.apply(.escalate(reason: "需市级协调"), toIssue: issue.id, on: Self.day)
            let city = try PostgresStore.open(levels.city)
            let there = try #require(try levels.cityIssue(from: levels.county.schema + "/" + issue.id))
            let unit = try #require(city.config.organisation.units.first)
            _ = try city.apply(.dispatch(unit: unit), toIssue: there.id, on: Self.day)
            #expect(try county.issue(issue.id)?.status == .dispatched)
            let next = Day.parse("2026-11-03")!
            for action in [IssueAction.arrange, .feedback(note: "已协调"), .claimSolved(note: "指标已落实"), .confirmSatisfied] {
                _ = try city.apply(action, toIssue: there.id, on: next)
            }
            let cleared = try #require(try county.issue(issue.id))
            #expect(cleared.status == .cleared && cleared.clearedOn == next)
            // The county's board no longer counts it open; its log says who cleared it.
            #expect(try county.loadPortfolio().openIssueCounts[issue.project, default: 0]
                    == (try county.loadPortfolio().issues.filter { $0.project == issue.project && $0.status.isOpen }.count))
            let last = try levels.countyAdmin.rows(.init(unsafeSQL: "SELECT after FROM change_log WHERE key = '\(issue.id)' ORDER BY id DESC LIMIT 1")) {
                try $0.decode(String.self)
            }
            #expect(last.first?.contains("\"status\":\"cleared\"") == true, "\(last)")
        }
    }

    @Test func aFailedReferralLeavesTheCountysIssueAsItWas() async throws {
        try await Levels.with { levels in
            let county = try PostgresStore.open(levels.county)
            let issue = try levels.escalatable(county)
            // The parent's function is gone (a store made before referrals, say): the whole write fails.
            try levels.admin.execute(["DROP FUNCTION \(PostgresNames.quoted(levels.city.schema)).refer_issue(text, text)"])
            #expect(throws: StoreError.self) {
                try county.apply(.escalate(reason: "需市级协调"), toIssue: issue.id, on: Self.day)
            }
            let after = try #require(try county.issue(issue.id))
            #expect(after == issue)
            #expect(try levels.cityIssue(from: levels.county.schema + "/" + issue.id) == nil)
        }
    }

    @Test func onlyThoseWhoMayEscalateItThereMayReferAnIssueAndOnlyOnceAfterAnEscalation() async throws {
        try await Levels.with { levels in
            let county = try PostgresStore.open(levels.county)
            let issue = try levels.escalatable(county)
            let own = try #require(try county.loadProjectFile(issue.project)?.project.subcommand)
            let other = try #require(county.config.organisation.subcommands.first { $0.code != own }?.code)
            let c = PostgresNames.quoted(levels.city.schema)
            let password = "pw-\(UInt32.random(in: 0...UInt32.max))"
            let s = levels.county.schema
            let (otherClerk, ownClerk, office) = ("\(s)_clerk_other", "\(s)_clerk_own", "\(s)_office1")
            try levels.admin.execute([otherClerk, ownClerk, office].map {
                "CREATE ROLE \(PostgresNames.quoted($0)) LOGIN PASSWORD \(PostgresNames.literal(password))"
            } + PostgresRowSecurity.clerkGrants(schema: s, role: otherClerk, subcommands: [other])
              + PostgresRowSecurity.clerkGrants(schema: s, role: ownClerk, subcommands: [own])
              + [PostgresRowSecurity.officeGrant(schema: s, role: office)])
            defer {
                let roles = [otherClerk, ownClerk, office].map(PostgresNames.quoted)
                try? levels.admin.execute(["DROP OWNED BY \(roles.joined(separator: ", "))"] + roles.map { "DROP ROLE \($0)" })
            }
            func login(_ name: String) throws -> PostgresBridge {
                try PostgresBridge(TestServer.location(schema: s, user: name, password: password))
            }
            let (asOtherClerk, asOwnClerk, asOffice) = (try login(otherClerk), try login(ownClerk), try login(office))
            defer { [asOtherClerk, asOwnClerk, asOffice].forEach { $0.close() } }
            let call = "SELECT \(c).refer_issue('\(s)', '\(issue.id)')"

            // Only an issue an escalation left waiting for dispatch.
            if issue.status != .registered {
                #expect(throws: (any Error).self) { try asOffice.execute([call]) }
            }
            try asOffice.execute(["UPDATE issue SET status = 'registered', level = 'city' WHERE id = '\(issue.id)'"])
            // Not by a clerk of another sub-command, by the function or by hand.
            #expect(throws: (any Error).self) { try asOtherClerk.execute([call]) }
            #expect(throws: (any Error).self) { try asOtherClerk.execute(["UPDATE issue SET referred_to = 'x/y' WHERE id = '\(issue.id)'"]) }
            // Not by hand even by the issue's own clerk (the column is the referral's).
            #expect(throws: (any Error).self) { try asOwnClerk.execute(["UPDATE issue SET referred_to = 'x/y' WHERE id = '\(issue.id)'"]) }
            #expect(try county.issue(issue.id)?.referredTo == "")
            // The issue's own clerk may, as the roster lets it escalate its sub-command's issues.
            try asOwnClerk.execute([call])
            #expect(try county.issue(issue.id)?.referredTo.hasPrefix(levels.city.schema + "/") == true)
            // Once only.
            #expect(throws: (any Error).self) { try asOffice.execute([call]) }
            #expect(try levels.ints("SELECT count(*)::integer FROM \(c).issue WHERE origin = '\(s)/\(issue.id)'") == [1])
        }
    }
}

private extension PostgresReferralTests.Levels {
    func ints(_ sql: String) throws -> [Int] {
        try admin.rows(.init(unsafeSQL: sql)) { try $0.decode(Int.self) }
    }
}
