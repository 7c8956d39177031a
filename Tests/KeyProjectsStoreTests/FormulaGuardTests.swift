// No store: the guard and the ledger reader; the store round trips of guarded text run on both engines in KeyProjectsPostgresTests/BothEnginesLedgerTests.
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
}
