import Testing
@testable import cmdroom_bench

/// The bench's target table and `--check`'s verdicts.
@Suite struct BenchTargetTests {
    @Test func everyTargetIsInItsMeasuresUnitAndListedOnce() {
        for target in Targets.table {
            #expect(target.unit == target.measure.unit, "\(target.name)")
            #expect(target.limit.value > 0, "\(target.name)")
        }
        #expect(Set(Targets.table.map(\.measure)).count == Targets.table.count)
        #expect(Targets.target(for: .openLoadCards)?.limit.value == 300)
        #expect(Targets.target(for: .rssBoard)?.unit == .megabytes)
        #expect(Targets.target(for: .wallIdleCPU)?.limit.value == 2)
        #expect(Targets.target(for: .importLedger) == nil)
    }

    func section(_ figures: [Figure]) -> FigureSection { FigureSection(notes: [], heading: "measure", figures: figures) }

    @Test func onlyFiguresAboveTheirTargetAreOver() {
        let figures: [Figure] = [
            .single(.openLoadCards, 300),         // on the target: within
            .single(.commitMonthly, 10.5),        // over
            .single(.importLedger, 99_999),       // no target
            .single(.wallIdleCPU, 0.2),
            .median(.keyMove, [1, 40, 2]),        // the median counts, not the worst
        ]
        let over = TargetCheck.over([section(figures)])
        #expect(over.map(\.figure.measure) == [.commitMonthly])
        #expect(over.first?.overLine == "one monthly update committed: 10.5 ms, over its 10 ms target (1.05)")
        #expect(TargetCheck.verdicts(figures).count == 4)
    }

    @Test func tablesPrintTheTargetAndRatioBesideTheFigure() {
        let text = FigureTable.render(section([.median(.openLoadCards, [190, 197.2, 310]), .single(.rssBoard, 250),
                                                .single(.rssAfterImports, 180)]))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("target") && lines[0].contains("ratio"))
        let load = lines.first { $0.hasPrefix("open + load + cards") } ?? ""
        #expect(load.contains("197.2 ms") && load.contains("≤ 300 ms") && load.contains("0.66") && load.hasSuffix("ok"))
        let rss = lines.first { $0.hasPrefix("peak RSS: board") } ?? ""
        #expect(rss.contains("250.0 MB") && rss.contains("≤ 200 MB") && rss.contains("1.25") && rss.hasSuffix("OVER"))
        let after = lines.first { $0.hasPrefix("peak RSS: after") } ?? ""
        #expect(!after.contains("≤"))
    }
}
