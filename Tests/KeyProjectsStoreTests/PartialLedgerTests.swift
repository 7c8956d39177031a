import Foundation
import KeyProjects
import KeyProjectsDemo
@testable import KeyProjectsStore
import Testing
import TextLayout

/// Issue 11 §3: a ledger that leaves out an optional column leaves that field as it is; a
/// column present with an empty cell clears it; new rows still get the defaults.
@Suite struct PartialLedgerTests {
    /// One optional column of one ledger.
    struct OptionalColumn: Sendable, CustomTestStringConvertible {
        let kind: LedgerKind
        let key: String
        let header: String
        var testDescription: String { "\(kind.rawValue).\(key)" }
    }

    /// Every optional column of the seven ledgers, but the awards ledger's 分指挥部 (a
    /// nomination's key) and 名次 (an award's place, required for an award): rows that lack
    /// them are refused, not merged.
    static let optionalColumns: [OptionalColumn] = LedgerKind.allCases.flatMap { kind in
        LedgerLayout.columns(kind)
            .filter { !$0.required && !(kind == .awards && ["subcommand", "place"].contains($0.key)) }
            .map { OptionalColumn(kind: kind, key: $0.key, header: $0.header) }
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

    @Test(arguments: optionalColumns)
    func aLedgerWithoutTheColumnLeavesTheFieldAsItIs(_ c: OptionalColumn) throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        // The full ledger first, with the column filled in somewhere.
        var rows = try Self.table(try store.exportLedger(c.kind))
        let index = try #require(rows[0].firstIndex { LedgerLayout.columns(c.kind).first { $0.key == c.key }!.matches(LedgerColumn.normalize($0)) })
        if rows.dropFirst().allSatisfy({ $0[index].isEmpty }) {
            rows[1][index] = try #require(Self.fillers[c.key], "no sample row has \(c.header)")
        }
        _ = try store.importLedger(c.kind, data: Data(Self.csv(rows).utf8), file: "full.csv", today: sampleAsOf)
        let full = try store.exportLedger(c.kind)
        #expect(try Self.table(full).dropFirst().contains { !$0[index].isEmpty })
        let logged = try store.changeLogCount()

        // The same ledger without the column: nothing changes, nothing is logged.
        let partial = rows.map { row in row.enumerated().filter { $0.offset != index }.map(\.element) }
        let summary = try store.importLedger(c.kind, data: Data(Self.csv(partial).utf8), file: "partial.csv", today: sampleAsOf)
        #expect(summary.updated == 0 && summary.inserted == 0 && summary.unchanged == rows.count - 1)
        #expect(try store.exportLedger(c.kind) == full, "\(c.header) was changed by a ledger without it")
        #expect(try store.changeLogCount() == logged)
    }

    @Test func aPartialMonthlyLedgerUpdatesOnlyWhatItCarriesAndLogsOnlyThat() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let before = try #require(try store.loadPortfolio().files.first { $0.records.contains { $0.planned != nil && !$0.progress.isEmpty } })
        let record = try #require(before.records.last { $0.planned != nil && !$0.progress.isEmpty })
        let changed = record.completed == .zero ? Money(wan: 1) : Money(yuan: record.completed.yuan - 10_000)
        let csv = "项目编码,月份,本月完成投资（万元）\r\n\(record.project),\(record.month.iso),\(changed.wanText)\r\n"
        let summary = try store.importLedger(.monthly, data: Data(csv.utf8), file: "m.csv", today: sampleAsOf)
        #expect(summary.updated == 1)
        let after = try #require(try store.loadPortfolio().files.first { $0.project.code == record.project }?.records.first { $0.month == record.month })
        #expect(after.completed == changed && after.planned == record.planned && after.progress == record.progress)
        // The change log's before and after differ in the completed investment only.
        let entry = try #require(try store.lastUndoable().first)
        let beforeText = try #require(entry.before), afterText = try #require(entry.after)
        let old = try #require(JSONSerialization.jsonObject(with: Data(beforeText.utf8)) as? [String: Any])
        let new = try #require(JSONSerialization.jsonObject(with: Data(afterText.utf8)) as? [String: Any])
        let differing = Set(old.keys).filter { "\(old[$0]!)" != "\(new[$0] ?? "")" }
        #expect(differing == ["completed", "version"])
    }

    @Test func aPresentColumnWithAnEmptyCellClearsTheField() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let file = try #require(try store.loadPortfolio().files.first { $0.records.contains { !$0.progress.isEmpty && $0.planned != nil } })
        let record = try #require(file.records.last { !$0.progress.isEmpty && $0.planned != nil })
        let csv = "项目编码,月份,月度计划投资（万元）,本月完成投资（万元）,形象进度\n\(record.project),\(record.month.iso),,\(record.completed.wanText),\n"
        #expect(try store.importLedger(.monthly, data: Data(csv.utf8), file: "m.csv", today: sampleAsOf).updated == 1)
        let after = try #require(try store.loadPortfolio().files.first { $0.project.code == record.project }?.records.first { $0.month == record.month })
        #expect(after.progress.isEmpty && after.planned == nil && after.completed == record.completed)
    }

    @Test func aProjectsLedgerWithoutTheStageKeepsCompletedProjectsCompletedAndNewOnesGetTheDefault() throws {
        let scratch = Scratch()
        let store = try sampleStore(.linfen, in: scratch)
        let completed = try #require(try store.loadPortfolio().files.map(\.project).first { $0.stage == .completed })
        var rows = try Self.table(try store.exportLedger(.projects))
        let stage = try #require(rows[0].firstIndex(of: "项目阶段"))
        rows = rows.map { row in row.enumerated().filter { $0.offset != stage }.map(\.element) }
        // A new project in the same file, without a stage: 在建, as documented.
        var added = try #require(rows.first { $0.first == completed.code })
        added[0] = "LF-NEW1"
        rows.append(added)
        let summary = try store.importLedger(.projects, data: Data(Self.csv(rows).utf8), file: "p.csv", today: sampleAsOf)
        #expect(summary.inserted == 1 && summary.updated == 0)
        let projects = try store.loadPortfolio().files.map(\.project)
        #expect(projects.first { $0.code == completed.code }?.stage == .completed)
        #expect(projects.first { $0.code == "LF-NEW1" }?.stage == .construction)
    }
}
