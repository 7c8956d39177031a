import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsReports
import KeyProjectsStore
import StringTables
import Testing

/// Issue 15 §3: every message in the user's language. No Chinese message has a run of English
/// words in it, outside names and codes (a command such as `cmdroom check`, filter keys, the
/// values the user typed).
@Suite struct ChineseMessagesTests {
    /// Runs of two or more English words in `text`, leaving out `{placeholders}`, text in
    /// backticks and commands (`cmdroom …`).
    static func englishRuns(_ text: String) -> [String] {
        var t = text.replacingOccurrences(of: #"\{[^}]*\}"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"`[^`]*`"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"cmdroom( [a-z-]+)*"#, with: " ", options: .regularExpression)
        var runs: [String] = []
        let pattern = try! NSRegularExpression(pattern: #"[A-Za-z][A-Za-z'\-]*(?:[ ,;:/]+[A-Za-z][A-Za-z'\-]*)+"#)
        let ns = t as NSString
        for m in pattern.matches(in: t, range: NSRange(location: 0, length: ns.length)) { runs.append(ns.substring(with: m.range)) }
        return runs
    }

    /// Keys whose text is codes by nature: the key bar's commands, the filter's syntax, and the
    /// export's question (its keys and the formats' names, `c CSV  m Markdown  Esc`).
    static let codeKeys: Set<String> = ["help.commands", "help.filterSyntax", "help.filterSyntax.queue", "export.question",
                                        "export.questionText"]

    @Test func theRunFinderFindsTheIssuesExamples() {
        #expect(!Self.englishRuns("挂牌督办 needs all of 五到位; missing: deadline").isEmpty)
        #expect(!Self.englishRuns("status 已部署 needs this date").isEmpty)
        #expect(Self.englishRuns("请运行 cmdroom check --repair 修复").isEmpty)
        #expect(Self.englishRuns("“{text}”不是日期（应写作 2026-10-05）").isEmpty)
    }

    @Test func noChineseStringHasEnglishWords() {
        let zh = Strings.zh
        for key in zh.keys.sorted() where !Self.codeKeys.contains(key) {
            let runs = Self.englishRuns(zh[key])
            #expect(runs.isEmpty, "\(key): \(zh[key]) — \(runs)")
        }
    }

    /// Every reason a ledger row can be refused for, and every value a write refuses, worded in Chinese.
    @Test func importAndWriteRefusalsAreChinese() {
        let text = ErrorText(strings: .zh)
        let d = Day.parse("2026-10-05")!, e = Day.parse("2026-10-01")!
        let inconsistencies: [Inconsistency] = [
            .annualPlanExceedsTotal(annual: Money(wan: 900), total: Money(wan: 800)), .endsBeforeStart(end: 2025, start: 2026),
            .milestoneNeedsDate, .notATime("9点半"), .notAQuarter("三季度"), .notAProjectOf(code: "LF2026-0001", subcommand: "law"),
            .statusNeedsDate(.arranged), .dispatchedNeedsUnit, .statusNotReached(.registered),
            .beforeEarlierStep(date: e, earlier: d, column: "dispatched_on"), .queuedBeforeRegistered,
            .listingIncomplete(missing: ["deadline", "person"]), .planOnlyForMajor,
        ]
        var lines = inconsistencies.map { text.problem(LedgerProblem(file: "issues.csv", line: 2, column: "交办日期", reason: .inconsistent($0))) }
        let reasons: [LedgerProblem.Reason] = [
            .emptyFile, .noHeader(expected: ["项目编码"]), .unknownColumn("x"), .missingColumn("项目编码"), .duplicateColumn("项目编码"),
            .unterminatedQuote, .malformedQuote, .lineTooLong(bytes: 9, limit: 8), .fieldTooLong(bytes: 9, limit: 8),
            .tooManyFields(count: 9, expected: 8), .tooFewFields(count: 7, expected: 8), .required, .notADate("x"), .notAMonth("x"),
            .notMoney("-1", .negative), .notMoney("x", .notANumber), .notMoney("1.00001", .tooManyDecimals), .notMoney("", .empty),
            .notAnInteger("x"), .notAChoice("x", allowed: ["是", "否"]), .unknownSubcommand("x"), .unknownLocality("x"),
            .unknownProject("x"), .duplicateKey("LF2026-0001", firstLine: 2),
            .startYearAfterMonth(startYear: 2027, month: YearMonth(year: 2026, month: 1)!),
            .endYearBeforeMonth(endYear: 2025, month: YearMonth(year: 2026, month: 1)!),
        ]
        lines += reasons.map { text.problem(LedgerProblem(file: "projects.csv", line: 3, column: "总投资（万元）", reason: $0)) }
        let values: [ValueProblem] = [
            .windowTooLong(from: e, to: d), .notATime("9点"), .dateBefore(e, d), .meetingCancelled("plenary-20261225"),
            .meetingAlreadyCancelled("plenary-20261225"), .meetingHeld("plenary-20261225"),
            .sameDayAsAnother(id: "weekly-20261102", other: "weekly-20261109", date: d), .reasonRequired, .titleRequired,
            .decisionTextRequired, .deadlineRequired, .stepNeedsIssue, .alreadyRecorded, .descriptionRequired,
        ]
        lines += values.flatMap { text.lines(.invalidValue(field: "x", problem: $0)) }
        for line in lines {
            #expect(Self.englishRuns(line).isEmpty, "\(line)")
            #expect(!line.contains("⟨"), "a key is missing: \(line)")
        }
        // The step a date is before is named.
        #expect(lines[9].contains("交办"), "\(lines[9])")
        // And in English the negative amount's message is whole.
        #expect(ErrorText(strings: .en).reason(.notMoney("-1", .negative)).hasSuffix("cannot be negative"))
    }

    /// locality.toml's problems are worded by the tables too: each has a key the tables know,
    /// so none falls back to its English.
    @Test func localityTomlProblemsAreWordedByTheTables() {
        var toml = SampleLocality.linfen.localityTOML
        toml = toml.replacingOccurrences(of: "level = \"city\"", with: "level = \"metropolis\"")
        toml = toml.replacingOccurrences(of: "commander = \"vm-law\"", with: "commander = \"nobody\"")
        toml = toml.replacingOccurrences(of: "obstruction = \"市公安局\"", with: "obstruction = \"市警察局\"")
        toml = toml.replacingOccurrences(of: "threshold = 1.0", with: "threshold = 1.0\nthreshhold = 0.9")
        toml = toml.replacingOccurrences(of: "[rules.cards]", with: "[rules.forecast]\npace_months = 0\n\n[rules.cards]")
        guard case let .configInvalid(file, problems)? = { () -> StoreError? in
            do { _ = try LocalityFile.parse(toml, file: "locality.toml"); return nil } catch { return error as? StoreError }
        }() else { Issue.record("the broken locality.toml was accepted"); return }
        #expect(problems.count >= 5)
        for p in problems {
            #expect(Strings.zh.has(p.key), "\(p.path): \(p.message) has no words")
        }
        let lines = ErrorText(strings: .zh).lines(.configInvalid(file: file, problems: problems))
        #expect(lines.contains("  rules.forecast.pace_months：须在 1 与 12 之间"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  rules.cards.threshhold：没有这一项") }, "\(lines)")
    }
}
