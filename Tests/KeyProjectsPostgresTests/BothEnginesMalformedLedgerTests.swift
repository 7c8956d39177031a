import Foundation
import KeyProjects
import KeyProjectsPostgres
@_spi(Testing) import KeyProjectsStore
import Testing

/// Malformed ledgers, on both engines (moved from KeyProjectsStoreTests): each gives a clear
/// error naming where, and leaves the store as it was (on SQLite byte for byte).
@Suite struct BothEnginesMalformedLedgerTests {
    typealias S = BothEnginesScenarios

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var kind: LedgerKind
        var data: Data
        var line: Int?
        var column: String?
        var check: @Sendable (LedgerProblem.Reason) -> Bool
        var testDescription: String { name }
    }

    static let header = "项目编码,项目名称,项目级别,分指挥部,属地,总投资（万元）,年度计划投资（万元）"
    static let good = "LF-N1,新项目,市级重点工程,民生项目分指挥部,尧都区,5000,1000"
    static let monthlyHeader = "项目编码,月份,月度计划投资（万元）,本月完成投资（万元）,形象进度"

    static func text(_ s: String) -> Data { Data(s.utf8) }

    static let cases: [Case] = [
        Case(name: "bad date", kind: .milestones,
             data: text("项目编码,节点,计划日期,实际日期\nLF2026-0001,开工,2026-02-30,\n"), line: 2, column: "计划日期",
             check: { if case .notADate("2026-02-30") = $0 { return true }; return false }),
        Case(name: "bad month", kind: .monthly, data: text("\(monthlyHeader)\nLF2026-0001,2026-13,10,5,\n"), line: 2, column: "月份",
             check: { if case .notAMonth = $0 { return true }; return false }),
        Case(name: "negative money", kind: .monthly, data: text("\(monthlyHeader)\nLF2026-0001,2026-11,10,-5,\n"), line: 2,
             column: "本月完成投资（万元）", check: { $0 == .notMoney("-5", .negative) }),
        Case(name: "non-numeric money", kind: .projects, data: text("\(header)\n\(good.replacingOccurrences(of: "5000", with: "五千"))\n"),
             line: 2, column: "总投资（万元）", check: { $0 == .notMoney("五千", .notANumber) }),
        Case(name: "unknown sub-command", kind: .projects,
             data: text("\(header)\n\(good)\nLF-N2,另一个,市级,宣传项目分指挥部,尧都区,10,1\n"), line: 3, column: "分指挥部",
             check: { $0 == .unknownSubcommand("宣传项目分指挥部") }),
        Case(name: "unknown county", kind: .projects, data: text("\(header)\n\(good.replacingOccurrences(of: "尧都区", with: "太谷区"))\n"),
             line: 2, column: "属地", check: { $0 == .unknownLocality("太谷区") }),
        Case(name: "unknown project", kind: .reminders, data: text("项目编码,催办日期,催办人\nNOPE,2026-11-02,办公室\n"), line: 2,
             column: "项目编码", check: { $0 == .unknownProject("NOPE") }),
        Case(name: "duplicate codes", kind: .projects, data: text("\(header)\n\(good)\n\(good)\n"), line: 3, column: nil,
             check: { $0 == .duplicateKey("LF-N1", firstLine: 2) }),
        Case(name: "unterminated quote", kind: .projects,
             data: text("\(header)\n\(good)\nLF-N3,\"未闭合的名称,市级,民生项目分指挥部,尧都区,10,1\nLF-N4,x,市级,民生项目分指挥部,尧都区,10,1\n"),
             line: 3, column: nil, check: { $0 == .unterminatedQuote }),
        Case(name: "stray quote", kind: .projects, data: text("\(header)\n\(good)\nLF-N3,名称\"x\"y,市级,民生项目分指挥部,尧都区,10,1\n"),
             line: 3, column: nil, check: { $0 == .malformedQuote || $0 == .unterminatedQuote }),
        Case(name: "wrong encoding", kind: .projects, data: Data([0x63, 0x6F, 0x64, 0x65, 0x2C, 0xE9, 0x2C, 0x0A]), line: nil, column: nil,
             check: { if case .notText = $0 { return true }; return false }),
        Case(name: "UTF-16 without a byte-order mark", kind: .projects, data: "\(header)\n".data(using: .utf16LittleEndian)!,
             line: nil, column: nil, check: { if case .notText = $0 { return true }; return false }),
        Case(name: "empty file", kind: .projects, data: Data(), line: nil, column: nil, check: { $0 == .emptyFile }),
        Case(name: "header only blank lines", kind: .projects, data: text("\n\n  \n"), line: nil, column: nil, check: { $0 == .emptyFile }),
        Case(name: "10 MB field", kind: .monthly,
             data: text("\(monthlyHeader)\nLF2026-0001,2026-11,10,5,\"\(String(repeating: "很", count: 3_500_000))\"\n"), line: 2, column: nil,
             check: { if case .lineTooLong = $0 { return true }; if case .fieldTooLong = $0 { return true }; return false }),
        Case(name: "unknown column", kind: .projects, data: text("\(header),审核意见\n\(good),同意\n"), line: 1, column: "审核意见",
             check: { $0 == .unknownColumn("审核意见") }),
        Case(name: "missing required column", kind: .projects,
             data: text("项目编码,项目名称,项目级别,分指挥部,属地,总投资（万元）\nA,b,市级,民生项目分指挥部,尧都区,1\n"), line: 1,
             column: "年度计划投资（万元）", check: { $0 == .missingColumn("年度计划投资（万元）") }),
        Case(name: "annual plan above total", kind: .projects, data: text("\(header)\n\(good.replacingOccurrences(of: ",1000", with: ",9000"))\n"),
             line: 2, column: "年度计划投资（万元）", check: { if case .inconsistent = $0 { return true }; return false }),
        Case(name: "issue status without its date", kind: .issues,
             data: text("问题编号,项目编码,问题类别,问题描述,办理状态,登记日期,承办单位\nQ-9,LF2026-0001,用地,指标,已反馈,2026-10-01,市规划和自然资源局\n"),
             line: 2, column: "交办日期", check: { if case .inconsistent = $0 { return true }; return false }),
        Case(name: "listed without all five", kind: .issues,
             data: text("问题编号,项目编码,问题类别,问题描述,登记日期,挂牌督办,解决办法\nQ-9,LF2026-0001,用地,指标,2026-10-01,是,专班\n"),
             line: 2, column: "挂牌督办", check: { if case .inconsistent = $0 { return true }; return false }),
        // The awards ledger: an award not among the quarter's nominations (the sample's Q3 has
        // none), another sub-command's project nominated, a quarter that is not one, an award
        // without its place.
        Case(name: "award not nominated", kind: .awards,
             data: text("\(awardsHeader)\n2026Q3,评定,羚羊奖,,LF2026-0002,1,,lf-office,2026-10-31\n"), line: 2, column: "项目编码",
             check: { if case .award(.notProposed) = $0 { return true }; return false }),
        Case(name: "nomination of another sub-command's project", kind: .awards,
             data: text("\(awardsHeader)\n2026Q3,提名,羚羊奖,民生项目分指挥部,LF2026-0002,,好,lf-office,2026-10-31\n"), line: 2, column: "项目编码",
             check: { if case .inconsistent = $0 { return true }; return false }),
        Case(name: "not a quarter", kind: .awards,
             data: text("\(awardsHeader)\n2026Q5,提名,羚羊奖,政法项目分指挥部,LF2026-0002,,好,lf-law,2026-10-31\n"), line: 2, column: "季度",
             check: { if case .inconsistent = $0 { return true }; return false }),
        Case(name: "award without its place", kind: .awards,
             data: text("\(awardsHeader)\n2026Q3,提名,羚羊奖,政法项目分指挥部,LF2026-0002,,好,lf-law,2026-10-31\n2026Q3,评定,羚羊奖,,LF2026-0002,,,lf-office,2026-10-31\n"),
             line: 3, column: "名次", check: { $0 == .required }),
    ]

    static let awardsHeader = "季度,环节,奖项,分指挥部,项目编码,名次,理由,记录人,记录日期"

    /// Every case on one store: each refusal leaves it as it was.
    @Test(arguments: Engine.allCases)
    func isRefusedClearlyAndChangesNothing(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let before = try f.fingerprint()
            for c in Self.cases {
                let error = S.storeError { _ = try store.importLedger(c.kind, data: c.data, file: "ledger.csv", today: EngineFixture.day) }
                guard case let .ledgerRejected(rejection)? = error else {
                    check.that(false, "\(c.name): expected a refusal, got \(String(describing: error))")
                    continue
                }
                let problem = try S.require(rejection.problems.first)
                check.equal(problem.file, "ledger.csv", c.name)
                check.equal(problem.line, c.line, "\(c.name): \(problem)")
                if let column = c.column { check.equal(problem.column, column, "\(c.name): \(problem)") }
                check.that(c.check(problem.reason), "\(c.name): \(problem)")
                check.that(!problem.description.isEmpty, "\(c.name): said")
            }
            check.that(try f.fingerprint() == before, "a malformed ledger changed the store")
        }
    }

    @Test(arguments: Engine.allCases)
    func everyProblemIsListedNotOnlyTheFirst(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let data = Data("\(Self.monthlyHeader)\nLF2026-0001,2026-13,x,5,\nLF2026-0002,2026-11,10,-1,\n".utf8)
            let error = S.storeError { _ = try f.store.importLedger(.monthly, data: data, file: "m.csv", today: EngineFixture.day) }
            guard case let .ledgerRejected(rejection)? = error else { check.that(false, "no refusal: \(String(describing: error))"); return }
            check.equal(rejection.problems.map(\.line), [2, 2, 3])
        }
    }
}
