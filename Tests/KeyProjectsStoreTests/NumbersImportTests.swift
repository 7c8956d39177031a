import Foundation
import KeyProjects
@_spi(Testing) import KeyProjectsStore
import Testing

/// Issue 13 item 4 through a CSV ledger: amounts as typed in Chinese offices import, an Excel
/// date serial number is refused with the accepted forms in the words.
@Suite struct NumbersImportTests {
    @Test func fullWidthAmountsWithTheUnitImport() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let csv = "项目编码,月份,本月完成投资（万元）,形象进度\nLF2026-0008,２０２６－０９,１２．５万元,主体施工\n"
        let summary = try store.importLedger(.monthly, data: Data(csv.utf8), file: "monthly.csv", today: sampleAsOf)
        #expect(summary.inserted + summary.updated == 1)
        let record = try #require(try store.loadProjectFile("LF2026-0008")?.records.first { $0.month == YearMonth(year: 2026, month: 9) })
        #expect(record.completed == Money(yuan: 125_000) && record.progress == "主体施工")
    }

    @Test func anExcelDateSerialIsRefusedWithTheAcceptedForms() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let exported = try store.exportLedger(.milestones).split(whereSeparator: \.isNewline)
        let header = String(exported[0])
        #expect(header.hasPrefix("项目编码,节点,计划日期,实际日期"))
        var cells = exported[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[3] = "46296"
        let before = snapshot(store.directory)
        let error = storeError { _ = try store.importLedger(.milestones, data: Data((header + "\n" + cells.joined(separator: ",") + "\n").utf8),
                                                           file: "m.csv", today: sampleAsOf) }
        guard case let .ledgerRejected(rejection)? = error else { Testing.Issue.record("no refusal: \(String(describing: error))"); return }
        #expect(rejection.problems.first?.reason == .notADate("46296"))
        #expect(snapshot(store.directory) == before)
        // The words in both languages: NumbersTests (CommandRoomTests) through ErrorText.
        #expect(rejection.problems.first?.description.contains("2026-10-05, 2026/10/5 or 2026年10月5日") == true)
    }
}
