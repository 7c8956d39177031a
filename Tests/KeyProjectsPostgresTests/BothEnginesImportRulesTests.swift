import Foundation
import KeyProjects
import KeyProjectsPostgres
@_spi(Testing) import KeyProjectsStore
import Testing

/// Issue 11, after review, on both engines (moved from KeyProjectsStoreTests): the rules the
/// awards, issue and project write paths apply, applied by `import` too; a short row refused
/// like a long one. Each refusal names the file, line and column and leaves the store as it
/// was (on SQLite byte for byte; `EngineFixture.fingerprint`).
@Suite struct BothEnginesImportRulesTests {
    typealias S = BothEnginesScenarios
    static let today = BothEnginesWriteRulesTests.today   // 2026-10-31: 2026Q3 has ended, 2026Q4 has not
    static let q3 = Quarter(year: 2026, number: 3)!
    static let q4 = Quarter(year: 2026, number: 4)!
    static let awardsHeader = "季度,环节,奖项,分指挥部,项目编码,名次,理由,记录人,记录日期"
    static let clerk = BothEnginesWriteRulesTests.clerk

    /// BothEnginesWriteRulesTests' store (LF-A, LF-B of the municipal sub-command, clerk
    /// lf-municipal, 黄宏伟; LF-A has figures for 2026-08), its clerk able to log in.
    static func with(_ engine: Engine, _ body: @escaping @Sendable (EngineFixture, EngineChecks) throws -> Void) async throws {
        try await BothEnginesWriteRulesTests.with(engine, body)
    }

    /// The import's refusal: the first problem, checked to name `ledger.csv`, `line` and
    /// `column`, and the store unchanged.
    static func refusal(_ f: EngineFixture, _ store: any Store, _ check: EngineChecks, _ kind: LedgerKind, _ csv: String, line: Int, column: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> LedgerProblem.Reason? {
        let before = try f.fingerprint()
        let error = S.storeError { _ = try store.importLedger(kind, data: Data(csv.utf8), file: "ledger.csv", today: today) }
        check.that(try f.fingerprint() == before, "the refused import changed the store", sourceLocation: sourceLocation)
        guard case let .ledgerRejected(rejection)? = error else {
            check.that(false, "the import did not refuse: \(String(describing: error))", sourceLocation: sourceLocation)
            return nil
        }
        let first = try S.require(rejection.problems.first)
        check.that(first.file == "ledger.csv" && first.line == line && first.column == column, "\(first)", sourceLocation: sourceLocation)
        return first.reason
    }

    // MARK: - Awards

    @Test(arguments: Engine.allCases)
    func aNominationForAQuarterNotEndedIsRefusedOnBothPaths(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            let clerk = try f.open(as: Self.clerk)
            let before = try f.fingerprint()
            let typed = S.storeError {
                try clerk.proposeAwards(quarter: Self.q4, subcommand: "municipal", best: AwardChoice(project: "LF-A"), worst: nil, on: Self.today)
            }
            guard case let .awards(problems)? = typed else { check.that(false, "not refused: \(String(describing: typed))"); return }
            check.equal(problems, [.quarterNotEnded(Self.q4)])
            check.that(try f.fingerprint() == before, "the refusal changed the store")
            let csv = "\(Self.awardsHeader)\n2026Q4,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,,2026-10-31\n"
            check.equal(try Self.refusal(f, clerk, check, .awards, csv, line: 2, column: "季度"), .award(.quarterNotEnded(Self.q4)))
        }
    }

    @Test(arguments: Engine.allCases)
    func anAwardForAQuarterNotEndedIsRefusedOnBothPaths(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            let office = f.store
            let before = try f.fingerprint()
            let typed = S.storeError { try office.pickAwards(quarter: Self.q4, antelope: [], snail: nil, on: Self.today) }
            guard case let .awards(problems)? = typed else { check.that(false, "not refused: \(String(describing: typed))"); return }
            check.equal(problems, [.quarterNotEnded(Self.q4)])
            check.that(try f.fingerprint() == before, "the refusal changed the store")
            let csv = """
                \(Self.awardsHeader)
                2026Q4,评定,羚羊奖,,LF-A,1,,,2026-10-31
                2026Q4,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,,2026-10-31
                """
            check.equal(try Self.refusal(f, office, check, .awards, csv, line: 2, column: "季度"), .award(.quarterNotEnded(Self.q4)))
        }
    }

    /// The review's file: a clerk's nomination in the office's name, for a quarter not ended,
    /// recorded after the as-of day: three problems on its line.
    @Test(arguments: Engine.allCases)
    func theForgedNominationIsRefusedForEachOfItsProblems(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            let clerk = try f.open(as: Self.clerk)
            let csv = "\(Self.awardsHeader)\n2026Q4,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,lf-office,2027-01-05\n"
            let before = try f.fingerprint()
            let error = S.storeError { _ = try clerk.importLedger(.awards, data: Data(csv.utf8), file: "awards.csv", today: Self.today) }
            guard case let .ledgerRejected(rejection)? = error else { check.that(false, "no refusal: \(String(describing: error))"); return }
            check.equal(rejection.problems.map { "\($0.file):\($0.line ?? 0):\($0.column ?? "")" },
                        ["awards.csv:2:季度", "awards.csv:2:记录日期", "awards.csv:2:记录人"])
            check.equal(rejection.problems.map(\.reason), [.award(.quarterNotEnded(Self.q4)), .rule(.dateAfter(Day.parse("2027-01-05")!, today: Self.today)),
                                                          .award(.recorder("lf-office", you: "黄宏伟"))])
            check.that(try f.fingerprint() == before, "the refusal changed the store")
        }
    }

    @Test(arguments: Engine.allCases)
    func aClerksNominationInAnotherNameIsRefused(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            let clerk = try f.open(as: Self.clerk)
            for other in ["lf-office", "赵丽华", "lf-law"] {
                let csv = "\(Self.awardsHeader)\n2026Q3,提名,蜗牛奖,市政、制造业、电力项目分指挥部,LF-B,,慢,\(other),2026-10-20\n"
                check.equal(try Self.refusal(f, clerk, check, .awards, csv, line: 2, column: "记录人"), .award(.recorder(other, you: "黄宏伟")), other)
            }
        }
    }

    @Test(arguments: Engine.allCases)
    func aRecordingDayAfterTheAsOfDayIsRefusedForNominationsAndAwards(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            let clerk = try f.open(as: Self.clerk)
            let late = Day.parse("2026-11-01")!
            let nomination = "\(Self.awardsHeader)\n2026Q3,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,,2026-11-01\n"
            check.equal(try Self.refusal(f, clerk, check, .awards, nomination, line: 2, column: "记录日期"), .rule(.dateAfter(late, today: Self.today)))
            let award = """
                \(Self.awardsHeader)
                2026Q3,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,,2026-10-20
                2026Q3,评定,羚羊奖,,LF-A,1,,,2026-11-01
                """
            check.equal(try Self.refusal(f, f.store, check, .awards, award, line: 3, column: "记录日期"), .rule(.dateAfter(late, today: Self.today)))
        }
    }

    /// Within the rules: the clerk's own name (empty, the account or the roster name) is
    /// recorded as the account, as `awards propose` records it; the office names others.
    @Test(arguments: Engine.allCases)
    func withinTheRulesAwardsImportAndAreRecordedAsTheWritePathRecordsThem(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            let office = f.store, clerk = try f.open(as: Self.clerk)
            let account = f.account(Self.clerk)
            let csv = """
                \(Self.awardsHeader)
                2026Q3,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,,2026-10-20
                2026Q2,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,\(account),2026-07-02
                2026Q1,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,黄宏伟,2026-04-02
                """
            check.equal(try clerk.importLedger(.awards, data: Data(csv.utf8), file: "a.csv", today: Self.today).inserted, 3)
            try clerk.proposeAwards(quarter: Self.q3, subcommand: "municipal", best: nil, worst: AwardChoice(project: "LF-B"), on: Self.today)
            check.equal(try clerk.loadAwards().proposals.map(\.by), [account, account, account, account])
            // The office records a nomination in the clerk's name, and its own awards.
            let byOffice = """
                \(Self.awardsHeader)
                2025Q4,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-B,,好,\(account),2026-01-05
                2025Q4,评定,羚羊奖,,LF-B,1,,,2026-01-06
                """
            check.equal(try office.importLedger(.awards, data: Data(byOffice.utf8), file: "a.csv", today: Self.today).inserted, 2)
            let record = try office.loadAwards()
            let q = Quarter(year: 2025, number: 4)!
            check.equal(record.proposal(q, subcommand: "municipal", kind: .antelope)?.by, account)
            check.equal(record.picks(q, .antelope).first?.by, office.actor)
        }
    }

    // MARK: - Issues

    static let issuesHeader = "问题编号,项目编码,问题类别,问题描述,办理状态,登记日期,承办单位,交办日期,反馈日期,办结日期,销号日期"

    @Test(arguments: Engine.allCases)
    func anIssuesDateAfterTheAsOfDayIsRefused(_ engine: Engine) async throws {
        // (row after the id and project, the column refused, its date)
        let cases = [
            ("审批手续,d,待交办,2026-11-01,,,,,", "登记日期", "2026-11-01"),
            ("审批手续,d,已销号,2026-10-01,市发展改革委,2026-11-02,2026-11-05,2026-11-09,2026-11-20", "交办日期", "2026-11-02"),
            ("审批手续,d,已销号,2026-10-01,市发展改革委,2026-10-02,2026-10-05,2026-10-09,2026-11-20", "销号日期", "2026-11-20"),
        ]
        try await Self.with(engine) { f, check in
            for (row, column, late) in cases {
                let csv = "\(Self.issuesHeader)\nQ2026-0001,LF-A,\(row)\n"
                check.equal(try Self.refusal(f, f.store, check, .issues, csv, line: 2, column: column),
                            .rule(.dateAfter(Day.parse(late)!, today: Self.today)), column)
            }
        }
    }

    @Test(arguments: Engine.allCases)
    func anIssueDatedUpToTheAsOfDayImports(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            // The deadline is still to come: allowed, as the workflow sets one.
            let csv = "\(Self.issuesHeader),办结时限\nQ2026-0001,LF-A,审批手续,d,已销号,2026-10-01,市发展改革委,2026-10-02,2026-10-05,2026-10-09,2026-10-31,2026-12-31\n"
            check.equal(try f.store.importLedger(.issues, data: Data(csv.utf8), file: "i.csv", today: Self.today).inserted, 1)
            check.equal(try f.store.issue("Q2026-0001")?.status, .cleared)
        }
    }

    // MARK: - A project's years and its months

    static let yearsHeader = "\(BothEnginesWriteRulesTests.projectsHeader),开工年份,竣工年份"

    @Test(arguments: Engine.allCases)
    func aStartYearAfterTheProjectsMonthsIsRefused(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            let csv = """
                \(Self.yearsHeader)
                LF-B,测试项目乙,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,1000,0,2024,2025
                LF-A,测试项目甲,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,100,80,2027,2027
                """
            check.equal(try Self.refusal(f, f.store, check, .projects, csv, line: 3, column: "开工年份"),
                        .startYearAfterMonth(startYear: 2027, month: YearMonth(year: 2026, month: 8)!))
        }
    }

    @Test(arguments: Engine.allCases)
    func anEndYearBeforeTheProjectsMonthsIsRefused(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            // A file without 开工年份: the end year alone moves.
            let csv = "\(BothEnginesWriteRulesTests.projectsHeader),竣工年份\nLF-A,测试项目甲,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,100,80,2025\n"
            check.equal(try Self.refusal(f, f.store, check, .projects, csv, line: 2, column: "竣工年份"),
                        .endYearBeforeMonth(endYear: 2025, month: YearMonth(year: 2026, month: 8)!))
        }
    }

    /// The review's case on the sample data: LF2026-0008 (figures from 2025-09) moved to start
    /// in 2027 is refused, so its own `export monthly` still imports.
    @Test(arguments: Engine.allCases)
    func theSamplesProjectCannotBeMovedPastItsMonths(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let exported = try store.exportLedger(.projects)
            let lines = exported.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let index = try S.require(lines.firstIndex { $0.hasPrefix("LF2026-0008,") })
            check.that(!lines[index].contains("\"") && !lines[0].contains("\""), "no quoted cells")
            var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            let start = try S.require(header.firstIndex(of: "开工年份"))
            cells[start] = "2027"
            cells[start + 1] = "2028"
            let csv = "\(lines[0])\n\(cells.joined(separator: ","))\n"
            let before = try f.fingerprint()
            let error = S.storeError { _ = try store.importLedger(.projects, data: Data(csv.utf8), file: "projects.csv", today: EngineFixture.day) }
            guard case let .ledgerRejected(rejection)? = error else { check.that(false, "no refusal: \(String(describing: error))"); return }
            check.that(rejection.problems.map(\.line) == [2] && rejection.problems.first?.column == "开工年份", "\(rejection.problems)")
            check.equal(rejection.problems.first?.reason, .startYearAfterMonth(startYear: 2027, month: YearMonth(year: 2025, month: 9)!))
            check.that(try f.fingerprint() == before, "the refusal changed the store")
            let monthly = try store.exportLedger(.monthly)
            check.that(try store.importLedger(.monthly, data: Data(monthly.utf8), file: "monthly.csv", today: EngineFixture.day).unchanged > 0,
                       "its own export imports")
        }
    }

    @Test(arguments: Engine.allCases)
    func yearsThatStillHoldTheMonthsImport(_ engine: Engine) async throws {
        try await Self.with(engine) { f, check in
            let csv = "\(Self.yearsHeader)\nLF-A,测试项目甲,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,100,80,2025,2026\n"
            check.equal(try f.store.importLedger(.projects, data: Data(csv.utf8), file: "p.csv", today: Self.today).updated, 1)
        }
    }

    // MARK: - Rows with too few cells

    static let monthlyHeader = "项目编码,月份,月度计划投资,本月完成投资,形象进度"

    @Test(arguments: Engine.allCases)
    func aRowWithTooFewCellsIsRefusedNotReadAsClearing(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let csv = "\(Self.monthlyHeader)\nLF2026-0008,2026-09,681,0\n"
            let before = try f.fingerprint()
            let error = S.storeError { _ = try f.store.importLedger(.monthly, data: Data(csv.utf8), file: "ledger.csv", today: EngineFixture.day) }
            guard case let .ledgerRejected(rejection)? = error else { check.that(false, "no refusal: \(String(describing: error))"); return }
            let first = try S.require(rejection.problems.first)
            check.that(first.file == "ledger.csv" && first.line == 2 && first.column == "形象进度", "\(first)")
            check.equal(first.reason, .tooFewFields(count: 4, expected: 5))
            check.that(try f.fingerprint() == before, "the refusal changed the store")
        }
    }

    /// What the parser tolerates still imports: title rows above the header, empty trailing
    /// cells written out (`,,`), a completely empty row or line after the data, a row that
    /// leaves off only a trailing header cell that names no column.
    @Test(arguments: Engine.allCases)
    func titleRowsEmptyTrailingCellsAndBlankLinesStillImport(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store, asOf = EngineFixture.day
            let csv = """
                临汾市2026年重点工程月度台账,,,,
                （单位：万元）
                \(Self.monthlyHeader),
                LF2026-0008,2026-09,681,0,,
                LF2026-0008,2026-08,,0,停工
                ,,,,

                """
            let summary = try store.importLedger(.monthly, data: Data(csv.utf8), file: "m.csv", today: asOf)
            check.equal(summary.rows, 2)
            check.equal(try S.record(store, "LF2026-0008", YearMonth(year: 2026, month: 9)!)?.progress, "")
            check.equal(try S.record(store, "LF2026-0008", YearMonth(year: 2026, month: 8)!)?.progress, "停工")
            let trailing = "项目编码,月份,本月完成投资（万元）,\r\nLF2026-0008,2026-08,0\r\n\r\n"
            check.equal(try store.importLedger(.monthly, data: Data(trailing.utf8), file: "m.csv", today: asOf).rows, 1)
            // Every ledger cmdroom exports imports back (its empty trailing cells are written out).
            for kind in LedgerKind.importOrder {
                let exported = try store.exportLedger(kind)
                let back = try store.importLedger(kind, data: Data(exported.utf8), file: "\(kind.rawValue).csv", today: asOf)
                check.equal(back.unchanged, back.rows, kind.rawValue)
            }
        }
    }
}
