import Foundation
import Testing

/// Issue 14 §9 and §6: the command line as an office expects it — usage errors in the user's
/// language, global options before the subcommand, did-you-mean, `--encoding` on CSV output.
@Suite struct CLIOfficeTests {
    let sample = Binaries.repositoryRoot.appendingPathComponent("sample-data/linfen").path

    func initStore(_ scratch: Scratch) throws -> String {
        let store = scratch.path("store")
        let r = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", sample])
        #expect(r.status == 0, "\(r.stderr)")
        return store
    }

    @Test func usageErrorsAreInTheUsersLanguage() throws {
        let negative = try run(Binaries.cmdroom, ["wall", "--cycle", "-5"])
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("--cycle 应为 2 到 3600 之间的秒数") && negative.stderr.contains("“-5”"), "\(negative.stderr)")
        #expect(!negative.stderr.contains("Missing value"))
        let missing = try run(Binaries.cmdroom, ["wall", "--cycle"])
        #expect(missing.status == 64 && missing.stderr.contains("缺少值") && missing.stderr.contains("cmdroom --help”列出"), "\(missing.stderr)")
        let english = try run(Binaries.cmdroom, ["issues", "--formt", "csv", "--lang", "en"])
        #expect(english.status == 64)
        #expect(english.stderr.contains("unknown option --formt") && english.stderr.contains("did you mean --format?"), "\(english.stderr)")
        let value = try run(Binaries.cmdroom, ["board", "--format", "xml"])
        #expect(value.status == 64 && value.stderr.contains("的值“xml”无效"), "\(value.stderr)")
    }

    @Test func aMistypedCommandGetsADidYouMean() throws {
        let r = try run(Binaries.cmdroom, ["boad"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("没有命令 boad") && r.stderr.contains("是否想用 board？"), "\(r.stderr)")
        let en = try run(Binaries.cmdroom, ["--lang", "en", "wal"])
        #expect(en.stderr.contains("no command wal") && en.stderr.contains("did you mean wall?"), "\(en.stderr)")
    }

    @Test func globalOptionsBeforeOrAfterTheSubcommand() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        let before = try run(Binaries.cmdroom, ["--store", store, "--lang", "en", "board", "--summary"])
        let after = try run(Binaries.cmdroom, ["board", "--summary", "--store", store, "--lang", "en"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout == after.stdout && before.stdout.contains("three-colour board"))
        // Nested: before `issue`'s subcommand path as a whole, and with `=`.
        let nested = try run(Binaries.cmdroom, ["--store=\(store)", "report", "monthly", "--format", "text"])
        #expect(nested.status == 0, "\(nested.stderr)")
    }

    @Test func everyCSVOutputTakesAnEncoding() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        let bom = try runData(["board", "--store", store, "--format", "csv", "--encoding", "utf8-bom"])
        #expect(Array(bom.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let plain = try runData(["ranking", "--store", store, "--format", "csv"])
        #expect(String(data: plain, encoding: .utf8) != nil && plain.first != 0xEF)
        let gbk = try runData(["ranking", "--store", store, "--format", "csv", "--encoding", "gb18030"])
        #expect(String(data: gbk, encoding: .utf8) == nil)   // 侯马市 in GB18030 is not UTF-8
        let report = try runData(["report", "monthly", "--store", store, "--format", "csv", "--encoding", "utf8-bom"])
        #expect(Array(report.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    func runData(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = Binaries.cmdroom
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
