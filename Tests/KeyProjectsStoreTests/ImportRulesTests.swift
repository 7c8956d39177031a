import Foundation
import KeyProjects
import KeyProjectsDemo
@_spi(Testing) import KeyProjectsStore
import Testing

/// Issue 11, after review: the rules the awards, issue and project write paths apply, applied
/// by `import` too; a short row refused like a long one. Each refusal names the file, line and
/// column and leaves the store byte for byte as it was.
@Suite struct ImportRulesTests {
    static let today = WriteRulesTests.today   // 2026-10-31: 2026Q3 has ended, 2026Q4 has not
    static let q3 = Quarter(year: 2026, number: 3)!
    static let q4 = Quarter(year: 2026, number: 4)!
    static let awardsHeader = "季度,环节,奖项,分指挥部,项目编码,名次,理由,记录人,记录日期"

    /// WriteRulesTests' store (LF-A, LF-B of the municipal sub-command, clerk lf-municipal,
    /// 黄宏伟; LF-A has figures for 2026-08), as the office and as the clerk.
    static func stores(_ scratch: Scratch) throws -> (office: SQLiteStore, clerk: SQLiteStore) {
        let office = try WriteRulesTests.store(scratch)
        return (office, try SQLiteStore.open(office.directory, actor: "lf-municipal"))
    }

    /// The import's refusal: the first problem, checked to name `ledger.csv`, `line` and
    /// `column`, and the store unchanged.
    static func refusal(_ store: SQLiteStore, _ kind: LedgerKind, _ csv: String, line: Int, column: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> LedgerProblem.Reason? {
        let before = snapshot(store.directory)
        let error = storeError { _ = try store.importLedger(kind, data: Data(csv.utf8), file: "ledger.csv", today: today) }
        #expect(snapshot(store.directory) == before, "the refused import changed the store", sourceLocation: sourceLocation)
        guard case let .ledgerRejected(rejection)? = error else {
            Testing.Issue.record("the import did not refuse: \(String(describing: error))", sourceLocation: sourceLocation)
            return nil
        }
        let first = try #require(rejection.problems.first, sourceLocation: sourceLocation)
        #expect(first.file == "ledger.csv" && first.line == line && first.column == column, "\(first)", sourceLocation: sourceLocation)
        return first.reason
    }

    // MARK: - Awards

    @Test func aNominationForAQuarterNotEndedIsRefusedOnBothPaths() throws {
        let scratch = Scratch()
        let (_, clerk) = try Self.stores(scratch)
        let before = snapshot(clerk.directory)
        let typed = storeError {
            try clerk.proposeAwards(quarter: Self.q4, subcommand: "municipal", best: AwardChoice(project: "LF-A"), worst: nil, on: Self.today)
        }
        guard case let .awards(problems)? = typed else { Testing.Issue.record("not refused: \(String(describing: typed))"); return }
        #expect(problems == [.quarterNotEnded(Self.q4)])
        #expect(snapshot(clerk.directory) == before)
        let csv = "\(Self.awardsHeader)\n2026Q4,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,,2026-10-31\n"
        #expect(try Self.refusal(clerk, .awards, csv, line: 2, column: "季度") == .award(.quarterNotEnded(Self.q4)))
    }

    @Test func anAwardForAQuarterNotEndedIsRefusedOnBothPaths() throws {
        let scratch = Scratch()
        let (office, _) = try Self.stores(scratch)
        let before = snapshot(office.directory)
        let typed = storeError { try office.pickAwards(quarter: Self.q4, antelope: [], snail: nil, on: Self.today) }
        guard case let .awards(problems)? = typed else { Testing.Issue.record("not refused: \(String(describing: typed))"); return }
        #expect(problems == [.quarterNotEnded(Self.q4)])
        #expect(snapshot(office.directory) == before)
        let csv = """
            \(Self.awardsHeader)
            2026Q4,评定,羚羊奖,,LF-A,1,,,2026-10-31
            2026Q4,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,,2026-10-31
            """
        #expect(try Self.refusal(office, .awards, csv, line: 2, column: "季度") == .award(.quarterNotEnded(Self.q4)))
    }

    /// The review's file: a clerk's nomination in the office's name, for a quarter not ended,
    /// recorded after the as-of day: three problems on its line.
    @Test func theForgedNominationIsRefusedForEachOfItsProblems() throws {
        let scratch = Scratch()
        let (_, clerk) = try Self.stores(scratch)
        let csv = "\(Self.awardsHeader)\n2026Q4,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,lf-office,2027-01-05\n"
        let before = snapshot(clerk.directory)
        let error = storeError { _ = try clerk.importLedger(.awards, data: Data(csv.utf8), file: "awards.csv", today: Self.today) }
        guard case let .ledgerRejected(rejection)? = error else { Testing.Issue.record("no refusal: \(String(describing: error))"); return }
        #expect(rejection.problems.map { "\($0.file):\($0.line ?? 0):\($0.column ?? "")" }
                == ["awards.csv:2:季度", "awards.csv:2:记录日期", "awards.csv:2:记录人"])
        #expect(rejection.problems.map(\.reason) == [.award(.quarterNotEnded(Self.q4)), .rule(.dateAfter(Day.parse("2027-01-05")!, today: Self.today)),
                                                     .award(.recorder("lf-office", you: "黄宏伟"))])
        #expect(snapshot(clerk.directory) == before)
    }

    @Test(arguments: ["lf-office", "赵丽华", "lf-law"])
    func aClerksNominationInAnotherNameIsRefused(_ other: String) throws {
        let scratch = Scratch()
        let (_, clerk) = try Self.stores(scratch)
        let csv = "\(Self.awardsHeader)\n2026Q3,提名,蜗牛奖,市政、制造业、电力项目分指挥部,LF-B,,慢,\(other),2026-10-20\n"
        #expect(try Self.refusal(clerk, .awards, csv, line: 2, column: "记录人") == .award(.recorder(other, you: "黄宏伟")))
    }

    @Test func aRecordingDayAfterTheAsOfDayIsRefusedForNominationsAndAwards() throws {
        let scratch = Scratch()
        let (office, clerk) = try Self.stores(scratch)
        let late = Day.parse("2026-11-01")!
        let nomination = "\(Self.awardsHeader)\n2026Q3,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,,2026-11-01\n"
        #expect(try Self.refusal(clerk, .awards, nomination, line: 2, column: "记录日期") == .rule(.dateAfter(late, today: Self.today)))
        let award = """
            \(Self.awardsHeader)
            2026Q3,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,,2026-10-20
            2026Q3,评定,羚羊奖,,LF-A,1,,,2026-11-01
            """
        #expect(try Self.refusal(office, .awards, award, line: 3, column: "记录日期") == .rule(.dateAfter(late, today: Self.today)))
    }

    /// Within the rules: the clerk's own name (empty, the account or the roster name) is
    /// recorded as the account, as `awards propose` records it; the office names others.
    @Test func withinTheRulesAwardsImportAndAreRecordedAsTheWritePathRecordsThem() throws {
        let scratch = Scratch()
        let (office, clerk) = try Self.stores(scratch)
        let csv = """
            \(Self.awardsHeader)
            2026Q3,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,,2026-10-20
            2026Q2,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,lf-municipal,2026-07-02
            2026Q1,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-A,,好,黄宏伟,2026-04-02
            """
        #expect(try clerk.importLedger(.awards, data: Data(csv.utf8), file: "a.csv", today: Self.today).inserted == 3)
        try clerk.proposeAwards(quarter: Self.q3, subcommand: "municipal", best: nil, worst: AwardChoice(project: "LF-B"), on: Self.today)
        #expect(try clerk.loadAwards().proposals.map(\.by) == ["lf-municipal", "lf-municipal", "lf-municipal", "lf-municipal"])
        // The office records a nomination in the clerk's name, and its own awards.
        let byOffice = """
            \(Self.awardsHeader)
            2025Q4,提名,羚羊奖,市政、制造业、电力项目分指挥部,LF-B,,好,lf-municipal,2026-01-05
            2025Q4,评定,羚羊奖,,LF-B,1,,,2026-01-06
            """
        #expect(try office.importLedger(.awards, data: Data(byOffice.utf8), file: "a.csv", today: Self.today).inserted == 2)
        let record = try office.loadAwards()
        let q = Quarter(year: 2025, number: 4)!
        #expect(record.proposal(q, subcommand: "municipal", kind: .antelope)?.by == "lf-municipal")
        #expect(record.picks(q, .antelope).first?.by == office.actor)
    }

    // MARK: - Issues

    static let issuesHeader = "问题编号,项目编码,问题类别,问题描述,办理状态,登记日期,承办单位,交办日期,反馈日期,办结日期,销号日期"

    /// (row after the id and project, the column refused, its date)
    @Test(arguments: [
        ("审批手续,d,待交办,2026-11-01,,,,,", "登记日期", "2026-11-01"),
        ("审批手续,d,已销号,2026-10-01,市发展改革委,2026-11-02,2026-11-05,2026-11-09,2026-11-20", "交办日期", "2026-11-02"),
        ("审批手续,d,已销号,2026-10-01,市发展改革委,2026-10-02,2026-10-05,2026-10-09,2026-11-20", "销号日期", "2026-11-20"),
    ])
    func anIssuesDateAfterTheAsOfDayIsRefused(_ row: String, _ column: String, _ late: String) throws {
        let scratch = Scratch()
        let (office, _) = try Self.stores(scratch)
        let csv = "\(Self.issuesHeader)\nQ2026-0001,LF-A,\(row)\n"
        #expect(try Self.refusal(office, .issues, csv, line: 2, column: column) == .rule(.dateAfter(Day.parse(late)!, today: Self.today)))
    }

    @Test func anIssueDatedUpToTheAsOfDayImports() throws {
        let scratch = Scratch()
        let (office, _) = try Self.stores(scratch)
        // The deadline is still to come: allowed, as the workflow sets one.
        let csv = "\(Self.issuesHeader),办结时限\nQ2026-0001,LF-A,审批手续,d,已销号,2026-10-01,市发展改革委,2026-10-02,2026-10-05,2026-10-09,2026-10-31,2026-12-31\n"
        #expect(try office.importLedger(.issues, data: Data(csv.utf8), file: "i.csv", today: Self.today).inserted == 1)
    }

    // MARK: - A project's years and its months

    static let yearsHeader = "\(projectsHeader),开工年份,竣工年份"

    @Test func aStartYearAfterTheProjectsMonthsIsRefused() throws {
        let scratch = Scratch()
        let (office, _) = try Self.stores(scratch)
        let csv = """
            \(Self.yearsHeader)
            LF-B,测试项目乙,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,1000,0,2024,2025
            LF-A,测试项目甲,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,100,80,2027,2027
            """
        #expect(try Self.refusal(office, .projects, csv, line: 3, column: "开工年份")
                == .startYearAfterMonth(startYear: 2027, month: YearMonth(year: 2026, month: 8)!))
    }

    @Test func anEndYearBeforeTheProjectsMonthsIsRefused() throws {
        let scratch = Scratch()
        let (office, _) = try Self.stores(scratch)
        // A file without 开工年份: the end year alone moves.
        let csv = "\(projectsHeader),竣工年份\nLF-A,测试项目甲,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,100,80,2025\n"
        #expect(try Self.refusal(office, .projects, csv, line: 2, column: "竣工年份")
                == .endYearBeforeMonth(endYear: 2025, month: YearMonth(year: 2026, month: 8)!))
    }

    /// The review's case on the sample data: LF2026-0008 (figures from 2025-09) moved to start
    /// in 2027 is refused, so its own `export monthly` still imports.
    @Test func theSamplesProjectCannotBeMovedPastItsMonths() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let exported = try store.exportLedger(.projects)
        let lines = exported.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix("LF2026-0008,") })
        try #require(!lines[index].contains("\"") && !lines[0].contains("\""))
        var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let start = try #require(header.firstIndex(of: "开工年份"))
        cells[start] = "2027"
        cells[start + 1] = "2028"
        let csv = "\(lines[0])\n\(cells.joined(separator: ","))\n"
        let before = snapshot(store.directory)
        let error = storeError { _ = try store.importLedger(.projects, data: Data(csv.utf8), file: "projects.csv", today: sampleAsOf) }
        guard case let .ledgerRejected(rejection)? = error else { Testing.Issue.record("no refusal: \(String(describing: error))"); return }
        #expect(rejection.problems.map(\.line) == [2] && rejection.problems.first?.column == "开工年份")
        #expect(rejection.problems.first?.reason == .startYearAfterMonth(startYear: 2027, month: YearMonth(year: 2025, month: 9)!))
        #expect(snapshot(store.directory) == before)
        let monthly = try store.exportLedger(.monthly)
        #expect(try store.importLedger(.monthly, data: Data(monthly.utf8), file: "monthly.csv", today: sampleAsOf).unchanged > 0)
    }

    @Test func yearsThatStillHoldTheMonthsImport() throws {
        let scratch = Scratch()
        let (office, _) = try Self.stores(scratch)
        let csv = "\(Self.yearsHeader)\nLF-A,测试项目甲,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,100,80,2025,2026\n"
        #expect(try office.importLedger(.projects, data: Data(csv.utf8), file: "p.csv", today: Self.today).updated == 1)
    }

    // MARK: - Rows with too few cells

    static let monthlyHeader = "项目编码,月份,月度计划投资,本月完成投资,形象进度"

    @Test func aRowWithTooFewCellsIsRefusedNotReadAsClearing() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let csv = "\(Self.monthlyHeader)\nLF2026-0008,2026-09,681,0\n"
        let before = snapshot(store.directory)
        let error = storeError { _ = try store.importLedger(.monthly, data: Data(csv.utf8), file: "ledger.csv", today: sampleAsOf) }
        guard case let .ledgerRejected(rejection)? = error else { Testing.Issue.record("no refusal: \(String(describing: error))"); return }
        let first = try #require(rejection.problems.first)
        #expect(first.file == "ledger.csv" && first.line == 2 && first.column == "形象进度", "\(first)")
        #expect(first.reason == .tooFewFields(count: 4, expected: 5))
        #expect(snapshot(store.directory) == before)
    }

    /// What the parser tolerates still imports: title rows above the header, empty trailing
    /// cells written out (`,,`), a completely empty row or line after the data, a row that
    /// leaves off only a trailing header cell that names no column.
    @Test func titleRowsEmptyTrailingCellsAndBlankLinesStillImport() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let csv = """
            临汾市2026年重点工程月度台账,,,,
            （单位：万元）
            \(Self.monthlyHeader),
            LF2026-0008,2026-09,681,0,,
            LF2026-0008,2026-08,,0,停工
            ,,,,

            """
        let summary = try store.importLedger(.monthly, data: Data(csv.utf8), file: "m.csv", today: sampleAsOf)
        #expect(summary.rows == 2)
        let records = try store.loadPortfolio().files.first { $0.project.code == "LF2026-0008" }!.records
        #expect(records.first { $0.month == YearMonth(year: 2026, month: 9)! }?.progress == "")
        let trailing = "项目编码,月份,本月完成投资（万元）,\r\nLF2026-0008,2026-08,0\r\n\r\n"
        #expect(try store.importLedger(.monthly, data: Data(trailing.utf8), file: "m.csv", today: sampleAsOf).rows == 1)
        // Every ledger cmdroom exports imports back (its empty trailing cells are written out).
        for kind in LedgerKind.importOrder {
            let exported = try store.exportLedger(kind)
            let back = try store.importLedger(kind, data: Data(exported.utf8), file: "\(kind.rawValue).csv", today: sampleAsOf)
            #expect(back.unchanged == back.rows, "\(kind.rawValue)")
        }
    }
}
