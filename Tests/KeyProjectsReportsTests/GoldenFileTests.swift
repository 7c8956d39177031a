import GoldenFiles
import Testing

/// A golden file's failure names the lines that differ, not the whole text.
@Suite struct GoldenFileTests {
    @Test func aDifferenceListsOnlyTheLinesThatDiffer() {
        let golden = (1...40).map { "行 \($0)" }.joined(separator: "\n")
        var lines = (1...40).map { "行 \($0)" }
        lines[4] = "行 five"
        lines.append("extra")
        let report = GoldenFile.differences(expected: golden, actual: lines.joined(separator: "\n"))
        #expect(report == """
            line 5:
              golden: |行 5|
              actual: |行 five|
            line 41:
              golden: (none)
              actual: |extra|
            (40 lines golden, 41 actual)
            """)
    }

    @Test func manyDifferencesAreCountedNotAllPrinted() {
        let report = GoldenFile.differences(expected: (1...30).map(String.init).joined(separator: "\n"),
                                            actual: (1...30).map { "x\($0)" }.joined(separator: "\n"), limit: 3)
        #expect(report.split(separator: "\n").count == 10)
        #expect(report.hasSuffix("… and 27 more lines differ"))
    }
}
