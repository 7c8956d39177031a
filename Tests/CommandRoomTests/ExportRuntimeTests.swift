@testable import CommandRoom
import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsStore
import TerminalKit
import Testing

/// `x` through the runtime: the file is written off the loop and the message names it; a
/// read-only account exports too (exporting writes no store).
@Suite struct ExportRuntimeTests {
    @Test func aReadOnlyAccountExportsTheFilteredBoardAndTheSpecialReport() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-export-runtime-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("source")
        try SampleLocality.linfen.write(to: source)
        try SQLiteStore.create(at: root.appendingPathComponent("store"), from: source)
        let store = try SQLiteStore.open(root.appendingPathComponent("store"), readOnly: true)
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let screen = MemoryScreen(width: 80, height: 24)
        var state = Fixture.state()
        state.data = nil
        let runtime = DashboardRuntime(state: state, screen: screen, store: store, clock: { Fixture.now }, today: { Fixture.asOf })
        runtime.exportPlaces = { [out.path] }
        runtime.start()
        #expect(!runtime.state.canWrite)
        screen.send(.key(.character("/")))
        screen.type("card:red")
        screen.send(.key(.enter))
        screen.send(.key(.character("x")))
        screen.send(.key(.character("c")))
        runtime.step()
        runtime.settle()
        let path = out.appendingPathComponent("cmdroom-board-2026-10-31.csv").path
        #expect(runtime.state.message == "已导出 5 行到 \(path)")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 2 + 5 && lines.dropFirst(2).allSatisfy { $0.contains(",红牌,") })
        #expect(screen.lastFrame?.lines.contains { $0.contains("已导出 5 行到") } == true)

        // The special report's page: its Markdown, with what the month's meetings decided.
        for key in ["4", "b", "b", "b", "b", "b", "b"] { screen.send(.key(.character(Character(key)))) }
        runtime.step()
        runtime.settle()
        let deadline = Date().addingTimeInterval(60)
        while runtime.state.figures == nil, Date() < deadline { runtime.step() }
        #expect(runtime.state.overviewPage == .special)
        screen.send(.key(.character("x")))
        screen.send(.key(.character("m")))
        runtime.step()
        runtime.settle()
        let special = out.appendingPathComponent("cmdroom-special-2026-10-31.md").path
        #expect(runtime.state.message == "已导出到 \(special)")
        let text = try String(contentsOfFile: special, encoding: .utf8)
        #expect(text.hasPrefix("# ") && text.contains("## 一、重大决策部署"))
    }
}
