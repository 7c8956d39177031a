@_spi(Testing) import CommandRoom
import Foundation
import Synchronization
import KeyProjects
import KeyProjectsDemo
@_spi(Testing) import KeyProjectsStore
import TerminalKit
import Testing

/// The store's reads and writes off the loop (issue 12 §2): keys are handled and drawn while a
/// request is under way, and a late answer lands where it belongs. The worker's answers are
/// held with semaphores, never waited for by time.
@Suite struct RuntimeEffectsTests {
    /// Holds the answers of the requests it is armed for: `waitUntilHeld` returns once the
    /// worker is holding one (its store work done), `release` lets it go.
    final class Gate: Sendable {
        private let armed: Mutex<(@Sendable (AppEffect) -> Bool)?>
        private let held = DispatchSemaphore(value: 0)
        private let released = DispatchSemaphore(value: 0)

        init(_ holds: (@Sendable (AppEffect) -> Bool)? = nil) { armed = Mutex(holds) }

        func arm(_ holds: (@Sendable (AppEffect) -> Bool)?) { armed.withLock { $0 = holds } }

        var hold: @Sendable (AppEffect) -> Void {
            { [self] effect in
                guard armed.withLock({ $0 })?(effect) == true else { return }
                held.signal()
                released.wait()
            }
        }

        func waitUntilHeld() { held.wait() }
        func release() { released.signal() }
    }

    static func isWrite(_ effect: AppEffect) -> Bool { if case .write = effect { true } else { false } }

    /// The office's dashboard on a writable store of the Linfen sample, loaded.
    func office(_ gate: Gate) throws -> (DashboardRuntime, MemoryScreen, SQLiteStore, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-effects-\(UUID().uuidString)")
        let source = root.appendingPathComponent("source")
        try SampleLocality.linfen.write(to: source)
        let dir = root.appendingPathComponent("store")
        try SQLiteStore.create(at: dir, from: source)
        let store = try SQLiteStore.open(dir)
        let screen = MemoryScreen(width: 80, height: 24)
        var state = Fixture.state()
        state.data = nil
        state.options.user = store.actor
        state.options.role = store.role
        let runtime = DashboardRuntime(state: state, screen: screen, store: store, clock: { Fixture.now }, today: { Fixture.asOf })
        runtime.holdAnswers(gate.hold)
        runtime.start()
        return (runtime, screen, store, root)
    }

    /// Opens the grid and waits for its rows.
    func openGrid(_ runtime: DashboardRuntime, _ screen: MemoryScreen) -> [ProgressSheetRow] {
        screen.send(.key(.character("e")))
        runtime.step()
        runtime.settle()
        return runtime.state.grid?.rows ?? []
    }

    @Test func aKeyTypedWhileACommitIsUnderWayIsAppliedAndDrawnBeforeItsAnswer() throws {
        let gate = Gate(Self.isWrite)
        let (runtime, screen, _, root) = try office(gate)
        defer { try? FileManager.default.removeItem(at: root) }
        let rows = openGrid(runtime, screen)
        try #require(rows.count >= 3)
        let code = rows[0].project.code
        screen.type("12")
        screen.send(.key(.enter))
        runtime.step()
        // The write is made; its answer is held on the worker.
        gate.waitUntilHeld()
        #expect(runtime.state.grid?.committing[code] != nil && runtime.state.grid?.row == 1)
        let frames = screen.frames.count
        screen.send(.key(.down))
        runtime.step()
        // Applied and drawn at once, the commit still under way.
        #expect(runtime.state.grid?.row == 2)
        #expect(screen.frames.count == frames + 1)
        #expect(screen.lastFrame?.lines == Render.frame(runtime.state).lines)
        #expect(screen.lastFrame?.line(22).contains(rows[2].project.code) == true, "\(screen.lastFrame?.line(22) ?? "")")
        #expect(runtime.state.grid?.committing[code] != nil && runtime.state.grid?.rowIsPending(code) == true)
        gate.release()
        runtime.settle()
        #expect(runtime.state.grid?.committing.isEmpty == true && runtime.state.grid?.rowIsPending(code) == false)
        #expect(runtime.state.grid?.rows[0].completed == Money(wan: 12))
        #expect(runtime.state.message?.contains("已保存 \(code)") == true, "\(runtime.state.message ?? "")")
    }

    @Test func aCommitsAnswerAfterTheUserMovedOnLandsOnTheCommittedRowAndSaysWhich() throws {
        let gate = Gate(Self.isWrite)
        let (runtime, screen, store, root) = try office(gate)
        defer { try? FileManager.default.removeItem(at: root) }
        let rows = openGrid(runtime, screen)
        try #require(rows.count >= 5)
        let first = rows[0].project.code, third = rows[2].project.code
        screen.type("12")
        screen.send(.key(.enter))
        runtime.step()
        gate.waitUntilHeld()
        // Moved on: down a row, and typing in another row, before the answer comes.
        screen.send(.key(.down))
        screen.type("7")
        runtime.step()
        gate.release()
        runtime.settle()
        let grid = try #require(runtime.state.grid)
        // The committed row has its stored value and new version; the row typed in meanwhile
        // keeps its text; the cursor stays where the user is.
        #expect(grid.rows[0].completed == Money(wan: 12) && grid.rows[0].monthlyVersion != rows[0].monthlyVersion)
        #expect(!grid.rowIsPending(first) && grid.text(grid.rows[2], .completed) == "7" && grid.rowIsPending(third))
        #expect(grid.row == 2)
        #expect(runtime.state.message?.contains("已保存 \(first)") == true && runtime.state.message?.contains(third) == false,
                "\(runtime.state.message ?? "")")

        // A refusal after the user moved on: someone else saved the fourth row since it was
        // loaded; the refusal names it, its text stays, the cursor stays.
        let fourth = rows[3]
        let other = try SQLiteStore.open(store.directory, actor: "lf-office")
        try other.recordProgress(ProgressEntry(project: fourth.project.code, month: grid.month, completed: Money(wan: 1), progress: "另一终端"),
                                 on: Fixture.asOf)
        screen.send(.key(.down), .key(.character("3")), .key(.enter))
        runtime.step()
        gate.waitUntilHeld()
        screen.send(.key(.up), .key(.up))
        runtime.step()
        gate.release()
        runtime.settle()
        let after = try #require(runtime.state.grid)
        #expect(runtime.state.messageIsError && runtime.state.message?.contains(fourth.project.code) == true, "\(runtime.state.message ?? "")")
        // Who changed it (account and roster name) and what they wrote, so the clerk can judge.
        #expect(runtime.state.message?.contains("lf-office（赵丽华）") == true && runtime.state.message?.contains("另一终端") == true,
                "\(runtime.state.message ?? "")")
        #expect(after.rowIsPending(fourth.project.code) && after.committing.isEmpty)
        #expect(after.row == 2)
    }

    @Test func aReloadsAnswerOlderThanANewerReloadIsDropped() throws {
        let gate = Gate()
        let (runtime, screen, _, root) = try office(gate)
        defer { try? FileManager.default.removeItem(at: root) }
        let shown = try #require(runtime.state.data?.generation)
        gate.arm { $0 == .reload }
        screen.send(.key(.character("r")))
        runtime.step()
        // The first reload has read the store; its answer is held while a second is asked for.
        gate.waitUntilHeld()
        screen.send(.key(.character("r")))
        runtime.step()
        gate.release()
        // The second is held in turn: the first's answers are all in the inbox now.
        gate.waitUntilHeld()
        runtime.step()
        #expect(runtime.state.data?.generation == shown)
        #expect(runtime.requestsInFlight == 1)
        gate.arm(nil)
        gate.release()
        runtime.settle()
        #expect(runtime.state.data?.generation != shown && runtime.state.data?.complete == true)
        #expect(runtime.state.message == nil)
    }
}
