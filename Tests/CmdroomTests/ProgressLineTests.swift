import KeyProjectsStore
import StringTables
import Testing
import TextLayout
@testable import cmdroom

/// The progress line of `init`, `import` and `meetings expand`, on a clock the test moves.
@Suite struct ProgressLineTests {
    final class Fake {
        var now = 100.0
        var written: [String] = []
        func line(enabled: Bool = true) -> ProgressLine {
            ProgressLine(enabled: enabled, clock: { self.now }, write: { self.written.append($0) })
        }
    }

    @Test func nothingIsDrawnInTheFirstSecond() {
        let fake = Fake()
        let line = fake.line()
        for step in 0..<99 {
            fake.now = 100 + Double(step) / 100
            line.update("导入中… \(step)")
        }
        #expect(fake.written.isEmpty)
        line.finish()
        #expect(fake.written.isEmpty, "quick work leaves nothing on the terminal, not even a wipe")
        fake.now = 101
        line.update("导入中… 1,000/20,000 行")
        #expect(fake.written == ["\r导入中… 1,000/20,000 行"])
    }

    @Test func redrawnAtMostTenTimesASecond() {
        let fake = Fake()
        let line = fake.line()
        // Every millisecond for two seconds, from the start.
        for ms in 0...2000 {
            fake.now = 100 + Double(ms) / 1000
            line.update("\(ms)")
        }
        // Drawn from 1.000 s on, once every 0.1 s: 1.0, 1.1, … 2.0 (a step lost to rounding at most).
        #expect((10...11).contains(fake.written.count), "\(fake.written)")
        #expect(fake.written.first == "\r1000")
        // Floating-point steps may land a millisecond late, never early.
        let times = fake.written.compactMap { Int($0.dropFirst().trimmingCharacters(in: .whitespaces)) }
        #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 >= 100 && $1 - $0 <= 101 }, "\(times)")
    }

    @Test func aShorterTextBlanksWhatTheLongerLeftAndFinishWipesTheLine() {
        let fake = Fake()
        let line = fake.line()
        fake.now = 101
        line.update("importing 9/10")   // 14 columns
        fake.now = 101.5
        line.update("ok")               // 2 columns: 12 blanks after it
        #expect(fake.written[1] == "\rok" + String(repeating: " ", count: 12))
        line.finish()
        #expect(fake.written[2] == "\r  \r")
        line.finish()
        #expect(fake.written.count == 3, "wiped once")
    }

    @Test func offWhenNotATerminal() {
        let fake = Fake()
        let line = fake.line(enabled: false)
        var made = 0
        fake.now = 200
        line.update({ made += 1; return "x" }())
        line.finish()
        #expect(fake.written.isEmpty && made == 0, "the text is not even made")
    }

    @Test func storeProgressInTheUsersWords() {
        let fake = Fake()
        let zh = StoreProgressLine("progressLine.import", strings: .zh, fileName: "monthly.csv", line: fake.line())
        #expect(zh.text(StoreProgress(.writing(.monthly), done: 12000, total: 54098)) == "导入中… monthly.csv：已写入 12,000/54,098 行")
        #expect(zh.text(StoreProgress(.checking(.monthly), done: 5, total: 7)) == "导入中… monthly.csv：已检查 5/7 行")
        let en = StoreProgressLine("progressLine.init", strings: .en, line: fake.line())
        #expect(en.text(StoreProgress(.checking(.projects), done: 1234567, total: 2000000)) == "Creating the store… projects.csv: 1,234,567/2,000,000 rows checked")
        #expect(en.text(StoreProgress(.meetings, done: 3, total: 400)) == "Creating the store… 3/400 meetings")
        #expect(StoreProgressLine.grouped(0) == "0" && StoreProgressLine.grouped(999) == "999" && StoreProgressLine.grouped(1000) == "1,000")
        // A long file name is cut: the line must fit one row to be rewritten in place.
        let long = StoreProgressLine("progressLine.import", strings: .zh, fileName: "2026年第三季度各县区重点项目月度进度汇总表（最终版）.csv",
                                     line: fake.line())
        let text = long.text(StoreProgress(.writing(.monthly), done: 120000, total: 120000))
        #expect(text == "导入中… 2026年第三季度各县区重点项目…：已写入 120,000/120,000 行", "\(text)")
        #expect(DisplayWidth.of(text) < 70)
    }
}
