@testable import CommandRoom
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Export files: a free name beside what is there (never over it), written whole, and the home
/// directory when the current one cannot be written.
@Suite struct ExportFileTests {
    final class Directory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-export-\(UUID().uuidString)")
        init() { try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit {
            chmod(url.path, 0o755)
            try? FileManager.default.removeItem(at: url)
        }
        var path: String { url.path }
        var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
        func text(_ name: String) -> String? { try? String(contentsOfFile: path + "/" + name, encoding: .utf8) }
    }

    @Test func aTakenNameGetsTheNextNumberAndTheFileThereIsKept() throws {
        let dir = Directory()
        try Data("old".utf8).write(to: dir.url.appendingPathComponent("cmdroom-board-2026-10-31.csv"))
        let second = ExportFile.write(Data("a".utf8), base: "cmdroom-board-2026-10-31", ext: "csv", in: dir.path)
        let third = ExportFile.write(Data("b".utf8), base: "cmdroom-board-2026-10-31", ext: "csv", in: dir.path)
        #expect(try second.get() == dir.path + "/cmdroom-board-2026-10-31-2.csv")
        #expect(try third.get() == dir.path + "/cmdroom-board-2026-10-31-3.csv")
        #expect(dir.text("cmdroom-board-2026-10-31.csv") == "old")
        #expect(dir.text("cmdroom-board-2026-10-31-2.csv") == "a")
        #expect(dir.text("cmdroom-board-2026-10-31-3.csv") == "b")
        // No temporary file is left behind.
        #expect(dir.names == ["cmdroom-board-2026-10-31-2.csv", "cmdroom-board-2026-10-31-3.csv", "cmdroom-board-2026-10-31.csv"])
    }

    @Test func aDirectoryThatCannotBeWrittenGivesWayToTheNext() throws {
        let home = Directory()
        // A file where a directory should be: nothing can be created under it (root included).
        let notADirectory = home.path + "/plain-file"
        try Data().write(to: URL(fileURLWithPath: notADirectory))
        let written = ExportFile.write(Data("x".utf8), base: "cmdroom-queue-2026-10-31", ext: "md", places: [notADirectory, home.path])
        #expect(written.path == home.path + "/cmdroom-queue-2026-10-31.md")
        #expect(written.failures == [ExportFailure(directory: notADirectory, reason: .missing)])
        #expect(home.text("cmdroom-queue-2026-10-31.md") == "x")
        // The message says where it went, and why not where it was asked for.
        var state = Fixture.state()
        _ = Update.apply(.exported(.written(path: written.path!, rows: 36, passedOver: written.failures)), to: &state)
        #expect(state.message == "已导出 36 行到 \(home.path)/cmdroom-queue-2026-10-31.md（\(notADirectory) 无法写入：目录不存在）")
        #expect(!state.messageIsError)
    }

    @Test func aDirectoryWithoutWritePermissionIsRefusedWithWhy() throws {
        let dir = Directory()
        chmod(dir.path, 0o555)
        let written = ExportFile.write(Data("x".utf8), base: "cmdroom-board-2026-10-31", ext: "csv", in: dir.path)
        if getuid() == 0 {
            // root writes anyway: the permission cannot be tested as root.
            #expect((try? written.get()) != nil)
        } else {
            #expect(throws: ExportFileError.permission) { try written.get() }
            #expect(dir.names.isEmpty)
        }
    }

    @Test func whenNoPlaceCanBeWrittenTheMessageSaysWhereAndWhyInTheUsersLanguage() throws {
        let scratch = Directory()
        let file = scratch.path + "/plain-file"
        try Data().write(to: URL(fileURLWithPath: file))
        let missing = scratch.path + "/gone"
        var state = Fixture.state()
        let outcome = ExportJob.run(ExportRequest(source: .board, format: .csv), state, places: [file, missing])
        #expect(outcome == .failed(file: "cmdroom-board-2026-10-31.csv",
                                   [ExportFailure(directory: file, reason: .missing), ExportFailure(directory: missing, reason: .missing)]))
        _ = Update.apply(.exported(outcome), to: &state)
        #expect(state.messageIsError)
        #expect(state.message == "导出失败：无法写入 \(file)（目录不存在）；无法写入 \(missing)（目录不存在）")
        state.options.lang = .en
        _ = Update.apply(.exported(.failed(file: "f.csv", [ExportFailure(directory: "/srv", reason: .readOnly)])), to: &state)
        #expect(state.message == "export failed: cannot write in /srv (read-only file system)")
        #expect(scratch.names == ["plain-file"])
    }

    @Test func theRunWritesTheViewsRowsAndTheMessageCountsThem() throws {
        let dir = Directory()
        var state = Fixture.state()
        let outcome = ExportJob.run(ExportRequest(source: .board, format: .csv), state, places: [dir.path])
        #expect(outcome == .written(path: dir.path + "/cmdroom-board-2026-10-31.csv", rows: 48))
        _ = Update.apply(.exported(outcome), to: &state)
        #expect(state.message == "已导出 48 行到 \(dir.path)/cmdroom-board-2026-10-31.csv" && !state.messageIsError)
        let again = ExportJob.run(ExportRequest(source: .board, format: .markdown), state, places: [dir.path])
        #expect(again == .written(path: dir.path + "/cmdroom-board-2026-10-31.md", rows: 48))
        #expect(dir.names == ["cmdroom-board-2026-10-31.csv", "cmdroom-board-2026-10-31.md"])
    }
}
