@testable import CommandRoom
import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsStore
import TerminalKit
import Testing

/// The runtime with a real store and a screen in memory.
@Suite struct RuntimeTests {
    final class TestClock: @unchecked Sendable {
        var now = Fixture.now
    }

    func makeStore() throws -> (SQLiteStore, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-runtime-\(UUID().uuidString)")
        let source = root.appendingPathComponent("source")
        try SampleLocality.linfen.write(to: source)
        let dir = root.appendingPathComponent("store")
        try SQLiteStore.create(at: dir, from: source)
        return (try SQLiteStore.open(dir, readOnly: true), root)
    }

    @Test func theFirstFrameShowsTheBoardAndKeysMoveThroughTheViews() throws {
        let (store, root) = try makeStore()
        defer { try? FileManager.default.removeItem(at: root) }
        let screen = MemoryScreen(width: 80, height: 24)
        var state = Fixture.state()
        state.data = nil
        let runtime = DashboardRuntime(state: state, screen: screen, store: store, clock: { Fixture.now }, today: { Fixture.asOf })
        runtime.start()
        #expect(runtime.state.data?.complete == true)
        #expect(screen.lastFrame?.lines.contains { $0.contains("● 蓝牌 23") } == true)
        screen.send(.key(.character("2")))
        runtime.step()
        #expect(screen.lastFrame?.lines.contains { $0.contains("13710环节") } == true)
        screen.send(.resize(width: 120, height: 30))
        runtime.step()
        #expect(screen.lastFrame?.width == 120 && screen.lastFrame?.height == 30)
        screen.send(.key(.character("q")))
        runtime.step()
        #expect(runtime.state.quit)
    }

    @Test func theOverviewsFiguresAreWorkedOutOffTheLoopAndShownWhenDone() throws {
        let (store, root) = try makeStore()
        defer { try? FileManager.default.removeItem(at: root) }
        let screen = MemoryScreen(width: 100, height: 30)
        var state = Fixture.state(width: 100, height: 30)
        state.data = nil
        // A proposal and an award in the store: the dashboard reads them with the rest.
        let office = try SQLiteStore.open(store.directory)
        let q3 = Quarter(year: 2026, number: 3)!
        let law = try office.loadPortfolio(.board).files.map(\.project).filter { $0.subcommand == "law" }.map(\.code).sorted()
        try office.proposeAwards(quarter: q3, subcommand: "law", best: AwardChoice(project: law[0], reason: "进度领先"), worst: nil, on: Fixture.asOf)
        try office.pickAwards(quarter: q3, antelope: [law[0]], snail: nil, on: Fixture.asOf)
        let runtime = DashboardRuntime(state: state, screen: screen, store: store, clock: { Fixture.now }, today: { Fixture.asOf })
        runtime.pollInterval = 10
        runtime.start()
        #expect(runtime.state.data?.portfolio.awards.picks(q3, .antelope).map(\.project) == [law[0]])
        screen.send(.key(.character("4")))
        runtime.step()
        screen.send(.key(.character("b")))
        runtime.step()
        // The key's frame comes at once; the ranking follows when it is worked out.
        #expect(screen.lastFrame?.lines.contains { $0.contains("正在读取") } == true, "\(screen.lastFrame?.lines ?? [])")
        // (The memory screen does not wait: sleep between steps, ten seconds at most.)
        func stepUntil(_ done: () -> Bool) {
            let start = Date()
            while !done() && Date().timeIntervalSince(start) < 10 { runtime.step(); Thread.sleep(forTimeInterval: 0.01) }
        }
        stepUntil { runtime.state.figures != nil }
        #expect(runtime.state.figures != nil)
        #expect(screen.lastFrame?.lines.contains { $0.contains("属地排名") } == true, "\(screen.lastFrame?.lines ?? [])")
        // The language changed meanwhile: worked out again in the new one.
        screen.send(.key(.character(":")))
        runtime.step()
        for c in "lang en" { screen.send(.key(.character(c))); runtime.step() }
        screen.send(.key(.enter))
        runtime.step()
        stepUntil { runtime.state.figures?.lang == .en }
        #expect(runtime.state.figures?.lang == .en)
        #expect(runtime.state.figures?.awards?.awards.map(\.project) == [law[0]])
    }

    @Test func theWallPicksUpAnotherProcesssChangeWithinTwoSeconds() throws {
        let (store, root) = try makeStore()
        defer { try? FileManager.default.removeItem(at: root) }
        let screen = MemoryScreen(width: 120, height: 32)
        let clock = TestClock()
        var state = Fixture.state(width: 120, height: 32, wall: true)
        state.data = nil
        let runtime = DashboardRuntime(state: state, screen: screen, store: store, clock: { clock.now }, today: { Fixture.asOf })
        runtime.start()
        let before = runtime.state.data?.portfolio.meetings.count ?? 0
        // Another connection (as another process would) adds a meeting.
        let other = try SQLiteStore.open(store.directory)
        let csv = "会议编号,日期,时间,会议类型,会议名称,主持,范围\nX-1,2026-11-03,09:00,临时会议,要素保障临时调度会,许慧宁,办公室\n"
        _ = try other.importLedger(.meetings, data: Data(csv.utf8), file: "x.csv", today: Fixture.asOf)
        clock.now = clock.now.addingTimeInterval(1.5)
        runtime.step()
        // The change watch and the reload run off the loop: wait for their answers.
        runtime.settle()
        #expect(runtime.state.data?.portfolio.meetings.count == before + 1)
        #expect(screen.lastFrame?.lines.contains { $0.contains("要素保障临时调度会") } == true)
        // Read-only: the wall's store refuses a write from this process.
        #expect(throws: StoreError.self) {
            try store.addReminder(Reminder(project: "LF2026-0001", date: Fixture.asOf, by: "wall"), on: Fixture.asOf)
        }
    }

    /// A second on the wall redraws its clock on the frame before (not every tile): the frame
    /// shown is the one a full redraw would give, and a panel's turn is still drawn in full.
    @Test func aWallTickRedrawsTheClockAndMatchesAFullFrame() throws {
        let (store, root) = try makeStore()
        defer { try? FileManager.default.removeItem(at: root) }
        let screen = MemoryScreen(width: 200, height: 60)
        let clock = TestClock()
        var state = Fixture.state(width: 200, height: 60, wall: true)
        state.data = nil
        state.options.cycleSeconds = 5
        let runtime = DashboardRuntime(state: state, screen: screen, store: store, clock: { clock.now }, today: { Fixture.asOf })
        runtime.start()
        runtime.settle()
        for _ in 0..<8 {
            clock.now = clock.now.addingTimeInterval(1)
            runtime.step()
            runtime.settle()
            #expect(screen.lastFrame?.lines == Render.frame(runtime.state).lines)
        }
        #expect(screen.lastFrame?.line(0).contains(WallRender.clockText(clock.now, runtime.state.options.timeZone)) == true)
    }
}
