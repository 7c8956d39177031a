import Foundation
import Testing

/// `x` with the real binary in a real terminal (issue 14 §8): the board filtered by `/card:red`
/// exported as CSV into the current directory, with exactly the red projects, for Excel.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (CI installs it)"))
struct ExportTmuxTests {
    @Test func theFilteredBoardIsExportedAsCSVForExcelIntoTheCurrentDirectory() throws {
        let scratch = Scratch()
        let store = scratch.path("store")
        let sample = Binaries.repositoryRoot.appendingPathComponent("sample-data/linfen").path
        let initialised = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", sample])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let work = scratch.path("work")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let tmux = try Tmux(width: 80, height: 24, command: "cd \(work) && \(Binaries.cmdroom.path) --store \(store)")
        defer { tmux.kill() }
        #expect(tmux.waitFor("● 蓝牌 23"), "\(tmux.screen())")
        tmux.send("/", "card:red", "Enter")
        #expect(tmux.waitFor("5/48"), "\(tmux.screen())")
        tmux.send("x")
        #expect(tmux.waitFor("c CSV（Excel 可直接打开）"), "\(tmux.screen())")
        tmux.send("c")
        let path = work + "/cmdroom-board-2026-10-31.csv"
        // The path is long: the message wraps over the lines above the status line.
        #expect(tmux.waitFor("已导出 5 行到 /"), "\(tmux.screen())")
        #expect(FileManager.default.fileExists(atPath: path))

        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.last == "" && !lines.dropLast().contains { $0.contains("\n") })
        // Title, blank, headers, then the rows: the code is the second column.
        let rows: [String] = Array(lines.dropFirst(3).dropLast())
        let exported = Set(rows.map { String($0.split(separator: ",")[1]) })
        #expect(rows.count == 5 && rows.allSatisfy { $0.contains(",红牌,") })
        // The red projects, as the CLI's board says.
        let board = try run(Binaries.cmdroom, ["board", "--store", store, "--format", "csv"])
        let fields: [[Substring]] = board.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let red = Set(fields.filter { $0[7] == "red" }.map { String($0[0]) })
        #expect(red.count == 5)
        #expect(exported == red)

        // Again: a second file beside the first, never over it.
        tmux.send("x", "c")
        #expect(tmux.waitUntil { $0.joined().contains("-2.csv") }, "\(tmux.screen())")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).sorted()
                == ["cmdroom-board-2026-10-31-2.csv", "cmdroom-board-2026-10-31.csv"])
        tmux.send("q")
    }
}
