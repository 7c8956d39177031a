import Foundation
import Testing

/// Issue 14 §9: `--help`, `-h` and `cmdroom help X` in the user's language, on stdout, exit 0;
/// usage errors point at the page of the command they are about.
@Suite struct CLIHelpTests {
    @Test func helpIsChineseByDefault() throws {
        let root = try run(Binaries.cmdroom, ["--help"])
        #expect(root.status == 0 && root.stderr.isEmpty, "\(root.stderr)")
        #expect(root.stdout.hasPrefix("cmdroom — 重点工程项目指挥部的终端看板\n"))
        #expect(root.stdout.contains("用法：cmdroom [<子命令>] [<选项>]") && root.stdout.contains("\n子命令：\n"))
        #expect(root.stdout.contains("  board                   三色看板"))
        #expect(!root.stdout.contains("OVERVIEW") && !root.stdout.contains("USAGE"))
        #expect(try run(Binaries.cmdroom, ["-h"]).stdout == root.stdout)
        #expect(try run(Binaries.cmdroom, ["help"]).stdout == root.stdout)

        let board = try run(Binaries.cmdroom, ["board", "--help"])
        #expect(board.status == 0 && board.stdout.contains("用法：cmdroom board [--format <格式>]"), "\(board.stdout)")
        #expect(board.stdout.contains("\n选项：\n") && board.stdout.contains("  --month <年-月>"))
        #expect(try run(Binaries.cmdroom, ["help", "board"]).stdout == board.stdout)
        #expect(try run(Binaries.cmdroom, ["board", "-h"]).stdout == board.stdout)
        let nested = try run(Binaries.cmdroom, ["help", "meetings", "expand"])
        #expect(nested.status == 0 && nested.stdout.hasPrefix("cmdroom meetings expand — "))
        #expect(try run(Binaries.cmdroom, ["meetings", "expand", "--help"]).stdout == nested.stdout)
    }

    @Test func helpIsEnglishWithLangEnAnywhereOnTheLine() throws {
        let lines: [[String]] = [["--lang", "en", "board", "--help"], ["--lang=en", "board", "--help"], ["board", "--help", "--lang", "en"],
                                 ["board", "--lang=en", "-h"], ["help", "board", "--lang", "en"], ["--lang", "en", "help", "board"]]
        var pages: Set<String> = []
        for line in lines {
            let r = try run(Binaries.cmdroom, line)
            #expect(r.status == 0, "\(line): \(r.stderr)")
            #expect(r.stdout.contains("Usage: cmdroom board [--format <format>]"), "\(line): \(r.stdout)")
            pages.insert(r.stdout)
        }
        #expect(pages.count == 1)
    }

    @Test func aMistypedCommandAfterHelpIsAUsageError() throws {
        let r = try run(Binaries.cmdroom, ["help", "boad"])
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.contains("没有命令 boad") && r.stderr.contains("是否想用 board？"), "\(r.stderr)")
        let en = try run(Binaries.cmdroom, ["help", "issue", "nwe", "--lang", "en"])
        #expect(en.status == 64 && en.stderr.contains("did you mean issue new?") && en.stderr.contains("'cmdroom help issue'"), "\(en.stderr)")
    }

    @Test func aUsageErrorPointsAtTheCommandsPage() throws {
        let zh = try run(Binaries.cmdroom, ["issue", "new", "--project"])
        #expect(zh.status == 64)
        #expect(zh.stderr.contains("选项 --project <编码> 缺少值") && zh.stderr.contains("“cmdroom help issue new”列出 issue new 的用法和选项"), "\(zh.stderr)")
        let en = try run(Binaries.cmdroom, ["--lang", "en", "board", "--format", "xml"])
        #expect(en.status == 64 && en.stderr.contains("'cmdroom help board' shows the usage and options of board"), "\(en.stderr)")
    }

    /// The parser's other clean exits are left as they were: the JSON the coverage test reads,
    /// the completion scripts.
    @Test func theDumpAndCompletionScriptsStillWork() throws {
        let dump = try run(Binaries.cmdroom, ["--experimental-dump-help"])
        #expect(dump.status == 0 && (try? JSONSerialization.jsonObject(with: Data(dump.stdout.utf8))) != nil)
        let bash = try run(Binaries.cmdroom, ["--generate-completion-script", "bash"])
        #expect(bash.status == 0 && bash.stdout.hasPrefix("#!/bin/bash"))
    }
}
