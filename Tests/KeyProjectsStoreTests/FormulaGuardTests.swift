import Foundation
import KeyProjects
@testable import KeyProjectsStore
import Testing
import TextLayout

/// Issue 11, item 7: CSV meant for Excel carries no formula (OWASP "CSV injection"): a text
/// cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading
/// `'`, read back without it, and export → import → export stays byte for byte the same.
@Suite struct FormulaGuardTests {
    @Test func textThatLooksLikeAFormulaGetsAnApostropheAndNumbersDoNot() {
        #expect(CSVText.guardingFormula("=CMD()") == "'=CMD()")
        #expect(CSVText.guardingFormula("+1+1") == "'+1+1")
        #expect(CSVText.guardingFormula("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.guardingFormula("-x") == "'-x")
        #expect(CSVText.guardingFormula("\t请加快") == "'\t请加快")
        #expect(CSVText.guardingFormula("\r1") == "'\r1")
        #expect(CSVText.guardingFormula("-1+1") == "'-1+1")
        // Numbers stay numbers: money, days, shares, ranks.
        for number in ["-12.5", "-3", "+3", "-4%", "0", "12000", "3.1416"] { #expect(CSVText.guardingFormula(number) == number) }
        // Text that is no formula is untouched, and so are empty cells.
        for text in ["", "a=b", "临汾=1", "'", "'abc", "2026-10-31", "-", "--", "-.5"] {
            #expect(CSVText.unguardingFormula(CSVText.guardingFormula(text)) == text)
        }
        #expect(CSVText.guardingFormula("-") == "'-" && CSVText.guardingFormula("'abc") == "'abc")
        // A text that already begins with `'` before a formula character gets one more, so it
        // too reads back as it was.
        #expect(CSVText.guardingFormula("'=x") == "''=x" && CSVText.unguardingFormula("''=x") == "'=x")
        #expect(CSVText.guardingFormula("'-5") == "''-5" && CSVText.unguardingFormula("''-5") == "'-5")
        for text in ["=CMD()", "+1+1", "@SUM(A1)", "-x", "\tnote", "'=x", "''@y", "-5", "'-5", "'", "'a"] {
            #expect(CSVText.unguardingFormula(CSVText.guardingFormula(text)) == text, "\(text)")
        }
        // Every CSV written goes through it (the reports' too).
        #expect(CSVText.write(header: ["a", "b"], rows: [["=1+1", "-2"]]) == "a,b\n'=1+1,-2\n")
    }

    @Test func theLedgerReaderTakesTheApostropheAwayInOnePlace() throws {
        let table = try CSVTable.parse("名称,备注\n'=CMD(),'\t请加快\n''=x,'plain\n", file: "x.csv").get()
        #expect(table.records[1].fields == ["=CMD()", "\t请加快"])
        #expect(table.records[2].fields == ["'=x", "'plain"])
    }

    @Test func projectNamesThatLookLikeFormulasRoundTrip() throws {
        let scratch = Scratch()
        let store = try sampleStore(.lingchuan, in: scratch)
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
        _ = try store.importLedger(.projects, data: Data(lines.joined(separator: "\n").utf8), file: "p.csv", today: sampleAsOf)
        let portfolio = try store.loadPortfolio()
        for (code, name) in zip(codes, names) {
            #expect(portfolio.files.first { $0.project.code == code }?.project.name == name)
        }
        // Exported with the apostrophe, the rest as before.
        let exported = try store.exportLedger(.projects)
        for name in names { #expect(exported.contains(",'\(name),")) }
        #expect(exported.split(separator: "\n").count == original.split(separator: "\n").count)
        // Imported back: nothing changes, the names are the originals, and the export is the same.
        let before = try store.changeLogCount()
        let summary = try store.importLedger(.projects, data: Data(exported.utf8), file: "again.csv", today: sampleAsOf)
        #expect(summary.unchanged == summary.rows && summary.rows > 0)
        #expect(try store.changeLogCount() == before)
        let again = try store.loadPortfolio()
        for (code, name) in zip(codes, names) {
            #expect(again.files.first { $0.project.code == code }?.project.name == name)
        }
        #expect(try store.exportLedger(.projects) == exported)
    }

    @Test func aReminderNoteBeginningWithATabIsExportedGuarded() throws {
        let scratch = Scratch()
        let store = try sampleStore(.lingchuan, in: scratch)
        let portfolio = try store.loadPortfolio()
        let code = try #require(portfolio.files.first?.project.code)
        let day = try #require(store.config.sampleAsOf)
        _ = try store.addReminder(Reminder(project: code, date: day, by: "办公室", note: "\t=请加快"), on: day)
        let exported = try store.exportLedger(.reminders)
        #expect(exported.contains(",'\t=请加快\n"))
        // Read back without the apostrophe (the ledger reader then trims spaces and tabs at
        // the ends of every text cell, as it always has).
        let table = try CSVTable.parse(exported, file: "reminders.csv").get()
        #expect(table.records.contains { $0.fields.last == "\t=请加快" })
    }
}
