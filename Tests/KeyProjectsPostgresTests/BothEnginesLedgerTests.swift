import Foundation
import KeyProjects
import KeyProjectsPostgres
@_spi(Testing) @testable import KeyProjectsStore
import Testing
import TextLayout

/// Ledgers imported into a store and exported from it, on both engines (moved from
/// KeyProjectsStoreTests' PartialLedgerTests, LedgerImportTests and NumbersImportTests).
@Suite struct BothEnginesLedgerTests {
    typealias S = BothEnginesScenarios
    static let asOf = EngineFixture.day
    static let projectsHeader = BothEnginesWriteRulesTests.projectsHeader
    static let projectRow = "LF-X1,临汾测试产业园项目,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,12000,3000"

    // MARK: - Partial ledgers (issue 11 §3)

    /// Every optional column of the seven ledgers, but the awards ledger's 分指挥部 (a
    /// nomination's key) and 名次 (an award's place, required for an award): rows that lack
    /// them are refused, not merged.
    static func optionalColumns(_ kind: LedgerKind) -> [LedgerColumn] {
        LedgerLayout.columns(kind).filter { !$0.required && !(kind == .awards && ["subcommand", "place"].contains($0.key)) }
    }

    /// A value for a column the sample leaves empty in every row.
    static let fillers: [String: String] = ["deadline_reason": "省级审批延后", "note": "示例备注", "cancelled": "是"]

    static func table(_ csv: String) throws -> [[String]] {
        let parsed = try CSVTable.parse(csv, file: "t.csv").get()
        return parsed.records.filter { !$0.isBlank }.map(\.fields)
    }

    /// CSV text with CRLF line ends, as a spreadsheet saves it.
    static func csv(_ rows: [[String]]) -> String {
        CSVText.write(header: rows[0], rows: Array(rows.dropFirst())).replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// A ledger that leaves out an optional column leaves that field as it is: each optional
    /// column of the ledger in turn, on one store.
    @Test(arguments: Engine.allCases, LedgerKind.allCases.filter { !optionalColumns($0).isEmpty })
    func aLedgerWithoutAColumnLeavesTheFieldAsItIs(_ engine: Engine, _ kind: LedgerKind) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            for column in Self.optionalColumns(kind) {
                let name = "\(kind.rawValue).\(column.key)"
                // The full ledger first, with the column filled in somewhere.
                var rows = try Self.table(try store.exportLedger(kind))
                let index = try S.require(rows[0].firstIndex { column.matches(LedgerColumn.normalize($0)) }, name)
                if rows.dropFirst().allSatisfy({ $0[index].isEmpty }) {
                    rows[1][index] = try S.require(Self.fillers[column.key], "a value for \(name): no sample row has \(column.header)")
                }
                _ = try store.importLedger(kind, data: Data(Self.csv(rows).utf8), file: "full.csv", today: Self.asOf)
                let full = try store.exportLedger(kind)
                check.that(try Self.table(full).dropFirst().contains { !$0[index].isEmpty }, "\(name) filled in")
                let logged = try store.changeLogCount()

                // The same ledger without the column: nothing changes, nothing is logged.
                let partial = rows.map { row in row.enumerated().filter { $0.offset != index }.map(\.element) }
                let summary = try store.importLedger(kind, data: Data(Self.csv(partial).utf8), file: "partial.csv", today: Self.asOf)
                check.that(summary.updated == 0 && summary.inserted == 0 && summary.unchanged == rows.count - 1, "\(name): \(summary)")
                check.that(try store.exportLedger(kind) == full, "\(column.header) was changed by a ledger without it")
                check.equal(try store.changeLogCount(), logged, "\(name): logged")
            }
        }
    }

    @Test(arguments: Engine.allCases)
    func aPartialMonthlyLedgerUpdatesOnlyWhatItCarriesAndLogsOnlyThat(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let before = try S.require(try store.loadPortfolio().files.first { $0.records.contains { $0.planned != nil && !$0.progress.isEmpty } })
            let record = try S.require(before.records.last { $0.planned != nil && !$0.progress.isEmpty })
            let changed = record.completed == .zero ? Money(wan: 1) : Money(yuan: record.completed.yuan - 10_000)
            let csv = "项目编码,月份,本月完成投资（万元）\r\n\(record.project),\(record.month.iso),\(changed.wanText)\r\n"
            let summary = try store.importLedger(.monthly, data: Data(csv.utf8), file: "m.csv", today: Self.asOf)
            check.equal(summary.updated, 1)
            let after = try S.require(try S.record(store, record.project, record.month))
            check.that(after.completed == changed && after.planned == record.planned && after.progress == record.progress, "\(after)")
            // The change log's before and after differ in the completed investment only.
            let entry = try S.require(try store.lastUndoable().first)
            func object(_ text: String?) throws -> [String: Any] {
                try S.require(try JSONSerialization.jsonObject(with: Data(S.require(text).utf8)) as? [String: Any])
            }
            let old = try object(entry.before), new = try object(entry.after)
            let differing = Set(old.keys).filter { "\(old[$0]!)" != "\(new[$0] ?? "")" }
            check.equal(differing, ["completed", "version"])
        }
    }

    @Test(arguments: Engine.allCases)
    func aPresentColumnWithAnEmptyCellClearsTheField(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let file = try S.require(try store.loadPortfolio().files.first { $0.records.contains { !$0.progress.isEmpty && $0.planned != nil } })
            let record = try S.require(file.records.last { !$0.progress.isEmpty && $0.planned != nil })
            let csv = "项目编码,月份,月度计划投资（万元）,本月完成投资（万元）,形象进度\n\(record.project),\(record.month.iso),,\(record.completed.wanText),\n"
            check.equal(try store.importLedger(.monthly, data: Data(csv.utf8), file: "m.csv", today: Self.asOf).updated, 1)
            let after = try S.require(try S.record(store, record.project, record.month))
            check.that(after.progress.isEmpty && after.planned == nil && after.completed == record.completed, "\(after)")
        }
    }

    @Test(arguments: Engine.allCases)
    func aProjectsLedgerWithoutTheStageKeepsCompletedProjectsCompletedAndNewOnesGetTheDefault(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let completed = try S.require(try store.loadPortfolio().files.map(\.project).first { $0.stage == .completed })
            var rows = try Self.table(try store.exportLedger(.projects))
            let stage = try S.require(rows[0].firstIndex(of: "项目阶段"))
            rows = rows.map { row in row.enumerated().filter { $0.offset != stage }.map(\.element) }
            // A new project in the same file, without a stage: 在建, as documented.
            var added = try S.require(rows.first { $0.first == completed.code })
            added[0] = "LF-NEW1"
            rows.append(added)
            let summary = try store.importLedger(.projects, data: Data(Self.csv(rows).utf8), file: "p.csv", today: Self.asOf)
            check.that(summary.inserted == 1 && summary.updated == 0, "\(summary)")
            let projects = try store.loadPortfolio().files.map(\.project)
            check.equal(projects.first { $0.code == completed.code }?.stage, .completed)
            check.equal(projects.first { $0.code == "LF-NEW1" }?.stage, .construction)
        }
    }

    // MARK: - Importing ledgers

    @Test(arguments: Engine.allCases)
    func importingTheSameFileAgainUpdatesInPlace(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .organisation(.linfen)) { f, check in
            let store = f.store
            let file = try Self.write(f, "p.csv", "\(Self.projectsHeader)\n\(Self.projectRow)\n")
            let first = try store.importLedger(.projects, from: file, today: Self.asOf)
            check.that(first.inserted == 1 && first.rows == 1, "\(first)")
            let again = try store.importLedger(.projects, from: file, today: Self.asOf)
            check.that(again.inserted == 0 && again.updated == 0 && again.unchanged == 1, "\(again)")
            let changed = try Self.write(f, "p2.csv", "\(Self.projectsHeader)\n\(Self.projectRow.replacingOccurrences(of: ",3000", with: ",3500"))\n")
            check.equal(try store.importLedger(.projects, from: changed, today: Self.asOf).updated, 1)
            let projects = try store.loadPortfolio().files.map(\.project)
            check.that(projects.count == 1 && projects.first?.annualPlan == Money(wan: 3500) && projects.first?.version == 2, "\(projects)")
        }
    }

    static func write(_ f: EngineFixture, _ name: String, _ text: String) throws -> URL {
        let url = f.scratch.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test(arguments: Engine.allCases)
    func namesCodesAndEnglishHeadersAllImport(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .organisation(.linfen)) { f, check in
            let file = try Self.write(f, "p.csv", """
                code,name,level,subcommand,locality,total investment,annual plan,stage
                E1,English header project,city,municipal,yaodu,"1,200.5",300,construction
                """)
            _ = try f.store.importLedger(.projects, from: file, today: Self.asOf)
            let p = try S.require(try f.store.loadPortfolio().files.first?.project)
            check.that(p.subcommand == "municipal" && p.locality == "yaodu" && p.totalInvestment == Money(yuan: 12_005_000), "\(p)")
        }
    }

    @Test(arguments: Engine.allCases)
    func aTitleRowAndARowNumberColumnAreTolerated(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .organisation(.linfen)) { f, check in
            let file = try Self.write(f, "p.csv", "临汾市2026年重点工程项目台账,,,,,,,\n序号,\(Self.projectsHeader)\n1,\(Self.projectRow)\n\n")
            check.equal(try f.store.importLedger(.projects, from: file, today: Self.asOf).inserted, 1)
        }
    }

    @Test(arguments: Engine.allCases)
    func gb18030AndUTF8WithABOMAndUTF16AreDetected(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .organisation(.linfen)) { f, check in
            let store = f.store
            let text = "\(Self.projectsHeader)\r\n\(Self.projectRow)\r\n"
            let gb = try S.require(CSVText.encode(text, as: .gb18030))
            check.that(String(data: gb, encoding: .utf8) == nil, "GB18030 is not UTF-8")
            check.equal(try store.importLedger(.projects, data: gb, file: "gb.csv", today: Self.asOf).encoding, .gb18030)
            check.equal(try store.importLedger(.projects, data: try S.require(CSVText.encode(text, as: .utf8BOM)), file: "bom.csv", today: Self.asOf).encoding,
                        .utf8BOM)
            check.equal(try store.importLedger(.projects, data: try S.require(CSVText.encode(text, as: .utf16)), file: "u16.csv", today: Self.asOf).encoding,
                        .utf16)
            check.equal(try store.loadPortfolio().files.map(\.project.name), ["临汾测试产业园项目"])
        }
    }

    @Test(arguments: Engine.allCases)
    func aQuotedFieldMayHoldCommasQuotesAndLineBreaks(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .organisation(.linfen)) { f, check in
            let store = f.store
            _ = try store.importLedger(.projects, from: try Self.write(f, "p.csv", "\(Self.projectsHeader)\n\(Self.projectRow)\n"), today: Self.asOf)
            let monthly = try Self.write(f, "m.csv", """
                项目编码,月份,月度计划投资（万元）,本月完成投资（万元）,形象进度
                LF-X1,2026-06,100,90,"主体施工，完成""地下室""
                第二行说明"
                LF-X1,2026/7,100,0,停工
                """)
            _ = try store.importLedger(.monthly, from: monthly, today: Self.asOf)
            let records = try S.require(try store.loadPortfolio().files.first).records
            check.equal(records.map(\.progress), ["主体施工，完成\"地下室\"\n第二行说明", "停工"])
            check.equal(records.map(\.month.iso), ["2026-06", "2026-07"])
        }
    }

    @Test(arguments: Engine.allCases)
    func anAwardsLedgerTakesChineseQuartersAndRecordsNominationsThenAwards(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            // A nomination and its award in one file, the award first: the rules read the file whole.
            let csv = """
                季度,环节,奖项,分指挥部,项目编码,名次,理由,记录人,记录日期
                2026年第3季度,评定,蜗牛奖,,LF2026-0002,1,,lf-office,2026-10-31
                2026年三季度,提名,蜗牛奖,政法项目分指挥部,LF2026-0002,,进度滞后,lf-law,2026-10-20
                """
            check.equal(try store.importLedger(.awards, data: Data(csv.utf8), file: "awards.csv", today: Self.asOf).inserted, 2)
            let q3 = Quarter(year: 2026, number: 3)!
            let record = try store.loadAwards()
            check.equal(record.picks(q3, .snail).map(\.project), ["LF2026-0002"])
            check.equal(record.proposal(q3, subcommand: "law", kind: .snail)?.reason, "进度滞后")
            // Exported back in key order, nominations first.
            let exported = try store.exportLedger(.awards)
            check.that(exported.contains("2026Q3,提名,蜗牛奖,政法项目分指挥部,LF2026-0002,,进度滞后,lf-law,2026-10-20"), exported)
            check.that(exported.hasSuffix("2026Q3,评定,蜗牛奖,,LF2026-0002,1,,lf-office,2026-10-31\n"), exported)
        }
    }

    /// Every ledger exported and imported back changes nothing, in Chinese and English headers;
    /// imported into a fresh store (the organisation alone, its ledgers in import order), the
    /// export reproduces the same ledger.
    @Test(arguments: Engine.allCases)
    func exportThenImportRoundTripsExactly(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .sample(.lingchuan)) { f, check in
            let store = f.store
            let fresh = try EngineFixture.make(engine, template: .organisation(.lingchuan))
            defer { fresh.remove() }
            for kind in LedgerKind.importOrder {
                let exported = try store.exportLedger(kind)
                let before = try store.changeLogCount()
                let summary = try store.importLedger(kind, data: Data(exported.utf8), file: "\(kind.rawValue).csv", today: Self.asOf)
                check.that(summary.unchanged == summary.rows && summary.rows > 0, "\(kind.rawValue): \(summary)")
                check.equal(try store.changeLogCount(), before, "\(kind.rawValue): logged")
                check.that(try store.exportLedger(kind) == exported, "\(kind.rawValue): exported again differs")
                // English headers import back to the same rows.
                let english = try store.exportLedger(kind, headers: .en)
                check.equal(try store.importLedger(kind, data: Data(english.utf8), file: "en.csv", today: Self.asOf).unchanged, summary.rows,
                            "\(kind.rawValue) in English")
                _ = try fresh.store.importLedger(kind, data: Data(exported.utf8), file: "x.csv", today: Self.asOf)
                check.that(try fresh.store.exportLedger(kind) == exported, "\(kind.rawValue): the fresh store's export differs")
            }
        }
    }

    // MARK: - Numbers (issue 13 item 4)

    @Test(arguments: Engine.allCases)
    func fullWidthAmountsWithTheUnitImport(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let csv = "项目编码,月份,本月完成投资（万元）,形象进度\nLF2026-0008,２０２６－０９,１２．５万元,主体施工\n"
            let summary = try f.store.importLedger(.monthly, data: Data(csv.utf8), file: "monthly.csv", today: Self.asOf)
            check.equal(summary.inserted + summary.updated, 1)
            let record = try S.require(try S.record(f.store, "LF2026-0008", YearMonth(year: 2026, month: 9)!))
            check.that(record.completed == Money(yuan: 125_000) && record.progress == "主体施工", "\(record)")
        }
    }

    @Test(arguments: Engine.allCases)
    func anExcelDateSerialIsRefusedWithTheAcceptedForms(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let exported = try f.store.exportLedger(.milestones).split(whereSeparator: \.isNewline)
            let header = String(exported[0])
            check.that(header.hasPrefix("项目编码,节点,计划日期,实际日期"), header)
            var cells = exported[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[3] = "46296"
            let before = try f.fingerprint()
            let error = S.storeError { _ = try f.store.importLedger(.milestones, data: Data((header + "\n" + cells.joined(separator: ",") + "\n").utf8),
                                                                   file: "m.csv", today: Self.asOf) }
            guard case let .ledgerRejected(rejection)? = error else { check.that(false, "no refusal: \(String(describing: error))"); return }
            check.equal(rejection.problems.first?.reason, .notADate("46296"))
            check.that(try f.fingerprint() == before, "the refusal changed the store")
            // The words in both languages: NumbersTests (CommandRoomTests) through ErrorText.
            check.that(rejection.problems.first?.description.contains("2026-10-05, 2026/10/5 or 2026年10月5日") == true,
                       rejection.problems.first?.description ?? "")
        }
    }

    // MARK: - Text that looks like a formula (issue 11 item 7)

    @Test(arguments: Engine.allCases)
    func projectNamesThatLookLikeFormulasRoundTrip(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .sample(.lingchuan)) { f, check in
            let store = f.store
            let original = try store.exportLedger(.projects)
            var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let names = ["=CMD()", "+1+1", "@SUM(A1)", "-x"]
            var codes: [String] = []
            for (i, name) in names.enumerated() {
                var cells = lines[i + 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                codes.append(cells[0])
                cells[1] = name
                lines[i + 1] = cells.joined(separator: ",")
            }
            // Typed into the ledger as they are (not guarded): stored as they are.
            _ = try store.importLedger(.projects, data: Data(lines.joined(separator: "\n").utf8), file: "p.csv", today: Self.asOf)
            let portfolio = try store.loadPortfolio()
            for (code, name) in zip(codes, names) {
                check.equal(portfolio.files.first { $0.project.code == code }?.project.name, name)
            }
            // Exported with the apostrophe, the rest as before.
            let exported = try store.exportLedger(.projects)
            for name in names { check.that(exported.contains(",'\(name),"), "\(name) guarded") }
            check.equal(exported.split(separator: "\n").count, original.split(separator: "\n").count)
            // Imported back: nothing changes, the names are the originals, and the export is the same.
            let before = try store.changeLogCount()
            let summary = try store.importLedger(.projects, data: Data(exported.utf8), file: "again.csv", today: Self.asOf)
            check.that(summary.unchanged == summary.rows && summary.rows > 0, "\(summary)")
            check.equal(try store.changeLogCount(), before)
            let again = try store.loadPortfolio()
            for (code, name) in zip(codes, names) {
                check.equal(again.files.first { $0.project.code == code }?.project.name, name)
            }
            check.that(try store.exportLedger(.projects) == exported, "exported again differs")
        }
    }

    @Test(arguments: Engine.allCases)
    func aReminderNoteBeginningWithATabIsExportedGuarded(_ engine: Engine) async throws {
        try await EngineFixture.with(engine, template: .sample(.lingchuan)) { f, check in
            let store = f.store
            let code = try S.require(try store.loadPortfolio().files.first?.project.code)
            let day = try S.require(store.config.sampleAsOf)
            _ = try store.addReminder(Reminder(project: code, date: day, by: "办公室", note: "\t=请加快"), on: day)
            let exported = try store.exportLedger(.reminders)
            check.that(exported.contains(",'\t=请加快\n"), "guarded")
            // Read back without the apostrophe (the ledger reader then trims spaces and tabs at
            // the ends of every text cell, as it always has).
            let table = try CSVTable.parse(exported, file: "reminders.csv").get()
            check.that(table.records.contains { $0.fields.last == "\t=请加快" }, "read back")
        }
    }

    // MARK: - Progress reports (issue 14 §9)

    /// An import reports each of its rows checked then written, in order; an expansion of the
    /// meetings one report per meeting.
    @Test(arguments: Engine.allCases)
    func anImportAndAnExpansionReportTheirRows(_ engine: Engine) async throws {
        try await EngineFixture.with(engine) { f, check in
            let store = f.store
            let csv = Data(try store.exportLedger(.monthly).utf8)
            let reports = Locked<[StoreProgress]>([])
            let summary = try store.importLedger(.monthly, data: csv, file: "monthly.csv", today: try S.require(store.config.sampleAsOf)) { p in
                reports.withLock { $0.append(p) }
            }
            let seen = reports.withLock { $0 }
            var steps: [StoreProgress.Step] = []
            for r in seen where steps.last != r.step { steps.append(r.step) }
            check.equal(steps, [.checking(.monthly), .writing(.monthly)])
            check.equal(seen.last, StoreProgress(.writing(.monthly), done: summary.rows - 1, total: summary.rows))
            reports.withLock { $0 = [] }
            let expansion = try store.expandCadence(from: Day.parse("2027-01-01")!, to: Day.parse("2027-12-31")!) { p in reports.withLock { $0.append(p) } }
            let expanded = reports.withLock { $0 }
            check.that(!expanded.isEmpty && expanded.count == expansion.added + expansion.kept && expanded.allSatisfy { $0.step == .meetings },
                       "\(expanded.count) reports for \(expansion)")
        }
    }
}
