import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsStore
import Testing
import TextLayout

@Suite struct LedgerImportTests {
    let projectRow = "LF-X1,临汾测试产业园项目,市级重点工程,市政、制造业、电力项目分指挥部,尧都区,12000,3000"

    @Test func importingTheSameFileAgainUpdatesInPlace() throws {
        let scratch = Scratch()
        let store = try emptyStore(in: scratch)
        let file = scratch.write("p.csv", "\(projectsHeader)\n\(projectRow)\n")
        let first = try store.importLedger(.projects, from: file, today: sampleAsOf)
        #expect(first.inserted == 1 && first.rows == 1)
        let again = try store.importLedger(.projects, from: file, today: sampleAsOf)
        #expect(again.inserted == 0 && again.updated == 0 && again.unchanged == 1)
        let changed = scratch.write("p2.csv", "\(projectsHeader)\n\(projectRow.replacingOccurrences(of: ",3000", with: ",3500"))\n")
        let third = try store.importLedger(.projects, from: changed, today: sampleAsOf)
        #expect(third.updated == 1)
        let projects = try store.loadPortfolio().files.map(\.project)
        #expect(projects.count == 1 && projects[0].annualPlan == Money(wan: 3500) && projects[0].version == 2)
    }

    @Test func namesCodesAndEnglishHeadersAllImport() throws {
        let scratch = Scratch()
        let store = try emptyStore(in: scratch)
        let file = scratch.write("p.csv", """
            code,name,level,subcommand,locality,total investment,annual plan,stage
            E1,English header project,city,municipal,yaodu,"1,200.5",300,construction
            """)
        _ = try store.importLedger(.projects, from: file, today: sampleAsOf)
        let p = try store.loadPortfolio().files[0].project
        #expect(p.subcommand == "municipal" && p.locality == "yaodu" && p.totalInvestment == Money(yuan: 12_005_000))
    }

    @Test func aTitleRowAndARowNumberColumnAreTolerated() throws {
        let scratch = Scratch()
        let store = try emptyStore(in: scratch)
        let file = scratch.write("p.csv", "临汾市2026年重点工程项目台账,,,,,,,\n序号,\(projectsHeader)\n1,\(projectRow)\n\n")
        #expect(try store.importLedger(.projects, from: file, today: sampleAsOf).inserted == 1)
    }

    @Test func gb18030AndUTF8WithABOMAndUTF16AreDetected() throws {
        let scratch = Scratch()
        let store = try emptyStore(in: scratch)
        let text = "\(projectsHeader)\r\n\(projectRow)\r\n"
        let gb = try #require(CSVText.encode(text, as: .gb18030))
        #expect(String(data: gb, encoding: .utf8) == nil)
        #expect(try store.importLedger(.projects, data: gb, file: "gb.csv", today: sampleAsOf).encoding == .gb18030)
        #expect(try store.importLedger(.projects, data: try #require(CSVText.encode(text, as: .utf8BOM)), file: "bom.csv", today: sampleAsOf).encoding == .utf8BOM)
        #expect(try store.importLedger(.projects, data: try #require(CSVText.encode(text, as: .utf16)), file: "u16.csv", today: sampleAsOf).encoding == .utf16)
        #expect(try store.loadPortfolio().files.map(\.project.name) == ["临汾测试产业园项目"])
    }

    @Test func aQuotedFieldMayHoldCommasQuotesAndLineBreaks() throws {
        let scratch = Scratch()
        let store = try emptyStore(in: scratch)
        _ = try store.importLedger(.projects, from: scratch.write("p.csv", "\(projectsHeader)\n\(projectRow)\n"), today: sampleAsOf)
        let monthly = scratch.write("m.csv", """
            项目编码,月份,月度计划投资（万元）,本月完成投资（万元）,形象进度
            LF-X1,2026-06,100,90,"主体施工，完成""地下室""
            第二行说明"
            LF-X1,2026/7,100,0,停工
            """)
        _ = try store.importLedger(.monthly, from: monthly, today: sampleAsOf)
        let records = try store.loadPortfolio().files[0].records
        #expect(records.map(\.progress) == ["主体施工，完成\"地下室\"\n第二行说明", "停工"])
        #expect(records.map(\.month.iso) == ["2026-06", "2026-07"])
    }

    @Test func anAwardsLedgerTakesChineseQuartersAndRecordsNominationsThenAwards() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        // A nomination and its award in one file, the award first: the rules read the file whole.
        let csv = """
            季度,环节,奖项,分指挥部,项目编码,名次,理由,记录人,记录日期
            2026年第3季度,评定,蜗牛奖,,LF2026-0002,1,,lf-office,2026-10-31
            2026年三季度,提名,蜗牛奖,政法项目分指挥部,LF2026-0002,,进度滞后,lf-law,2026-10-20
            """
        let summary = try store.importLedger(.awards, data: Data(csv.utf8), file: "awards.csv", today: sampleAsOf)
        #expect(summary.inserted == 2)
        let q3 = Quarter(year: 2026, number: 3)!
        let record = try store.loadAwards()
        #expect(record.picks(q3, .snail).map(\.project) == ["LF2026-0002"])
        #expect(record.proposal(q3, subcommand: "law", kind: .snail)?.reason == "进度滞后")
        // Exported back in key order, nominations first.
        let exported = try store.exportLedger(.awards)
        #expect(exported.contains("2026Q3,提名,蜗牛奖,政法项目分指挥部,LF2026-0002,,进度滞后,lf-law,2026-10-20"))
        #expect(exported.hasSuffix("2026Q3,评定,蜗牛奖,,LF2026-0002,1,,lf-office,2026-10-31\n"))
    }

    @Test(arguments: LedgerKind.allCases)
    func exportThenImportRoundTripsExactly(_ kind: LedgerKind) throws {
        let scratch = Scratch()
        let store = try sampleStore(.lingchuan, in: scratch)
        let exported = try store.exportLedger(kind)
        let before = try store.changeLogCount()
        let summary = try store.importLedger(kind, data: Data(exported.utf8), file: "\(kind.rawValue).csv", today: sampleAsOf)
        #expect(summary.unchanged == summary.rows && summary.rows > 0)
        #expect(try store.changeLogCount() == before)
        #expect(try store.exportLedger(kind) == exported)
        // English headers import back to the same rows.
        let english = try store.exportLedger(kind, headers: .en)
        #expect(try store.importLedger(kind, data: Data(english.utf8), file: "en.csv", today: sampleAsOf).unchanged == summary.rows)
        // Into a fresh store, the export reproduces the same ledger.
        let fresh = try emptyStore(.lingchuan, in: scratch, name: "fresh")
        if kind != .projects && kind != .meetings {
            _ = try fresh.importLedger(.projects, data: Data(try store.exportLedger(.projects).utf8), file: "projects.csv", today: sampleAsOf)
        }
        _ = try fresh.importLedger(kind, data: Data(exported.utf8), file: "x.csv", today: sampleAsOf)
        #expect(try fresh.exportLedger(kind) == exported)
    }

    @Test func theCommittedSampleDataIsWhatTheGeneratorWrites() throws {
        let scratch = Scratch()
        for sample in SampleLocality.allCases {
            let out = scratch.path(sample.rawValue)
            try sample.write(to: out)
            let committed = repositoryRoot.appendingPathComponent("sample-data/\(sample.rawValue)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted() == names)
            for name in names {
                let fresh = try Data(contentsOf: out.appendingPathComponent(name))
                let kept = try Data(contentsOf: committed.appendingPathComponent(name))
                #expect(fresh == kept, "sample-data/\(sample.rawValue)/\(name) differs from the generator: run cmdroom demo sample \(sample.rawValue) --out sample-data/\(sample.rawValue)")
            }
        }
    }
}
