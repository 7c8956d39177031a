import KeyProjects
import Testing

@Suite struct DayTests {
    @Test func parsesTheFormsSpreadsheetsWrite() {
        #expect(Day.parse("2025-06-30") == Day(year: 2025, month: 6, day: 30))
        #expect(Day.parse("2025/6/3") == Day(year: 2025, month: 6, day: 3))
        #expect(Day.parse("2025年6月30日") == Day(year: 2025, month: 6, day: 30))
    }

    @Test(arguments: ["2025-02-30", "2025-13-01", "20250630", "2025-06-30x", " 2025-06-30", "0025-01-01", "2025-6", "2025/06-30",
                      "2025年6月30", "", "abc", "2025-06-30T00:00"])
    func refusesWhatIsNotADay(_ text: String) {
        #expect(Day.parse(text) == nil)
    }

    @Test func fullWidthDigitsAreFolded() {
        #expect(Day.parse("２０２６－１０－０５") == Day(year: 2026, month: 10, day: 5))
        #expect(Day.parse("２０２６年１０月５日") == Day(year: 2026, month: 10, day: 5))
        #expect(Day.parse("２０２６/１０/５") == Day(year: 2026, month: 10, day: 5))
        #expect(Day.parse("2026／10／5") == Day(year: 2026, month: 10, day: 5))
        #expect(YearMonth.parse("２０２６－１０") == YearMonth(year: 2026, month: 10))
    }

    /// An Excel date serial number and a point-separated date are refused (issue 13 item 4):
    /// 46296 is 2026-10-01 to Excel, and 2026.10 is the number 2026.1 to it.
    @Test(arguments: ["46296", "４６２９６", "2026.10.5", "2025.06.03", "２０２６．１０．５", "46296.0"])
    func refusesSerialsAndPoints(_ text: String) {
        #expect(Day.parse(text) == nil)
    }

    @Test func leapYears() {
        #expect(Day.parse("2024-02-29") != nil)
        #expect(Day.parse("2025-02-29") == nil)
        #expect(Day.parse("2000-02-29") != nil)
        #expect(Day.parse("1900-02-29") == nil)
    }

    @Test func arithmetic() {
        #expect(day("2025-12-31").adding(days: 1) == day("2026-01-01"))
        #expect(day("2025-03-01").adding(days: -1) == day("2025-02-28"))
        #expect(day("2025-01-31").adding(months: 1) == day("2025-02-28"))
        #expect(day("2024-01-31").adding(months: 1) == day("2024-02-29"))
        #expect(day("2025-03-15").adding(months: 1) == day("2025-04-15"))
        #expect(day("2025-12-15").adding(months: 1) == day("2026-01-15"))
        #expect(day("2025-06-01").days(to: day("2025-06-30")) == 29)
        #expect(day("2026-10-31").weekday == 6)   // a Saturday
        #expect(day("2026-11-02").weekday == 1)   // a Monday
        #expect(day("2026-10-31").iso == "2026-10-31")
    }

    @Test func months() {
        #expect(YearMonth.parse("2025-06") == YearMonth(year: 2025, month: 6))
        #expect(YearMonth.parse("2025年6月") == YearMonth(year: 2025, month: 6))
        #expect(YearMonth.parse("2025-13") == nil)
        #expect(month("2025-12").next == month("2026-01"))
        #expect(month("2026-01").previous == month("2025-12"))
        #expect(month("2025-11").months(to: month("2026-02")) == 3)
        #expect(month("2024-02").lastDay == day("2024-02-29"))
        #expect(YearMonth.range(month("2025-11"), through: month("2026-01")).map(\.iso) == ["2025-11", "2025-12", "2026-01"])
    }
}

@Suite struct MoneyTests {
    @Test func parsesAmountsInWan() throws {
        #expect(try Money.parseWan("1234.5").get() == Money(yuan: 12_345_000))
        #expect(try Money.parseWan("1,234.5").get() == Money(yuan: 12_345_000))
        #expect(try Money.parseWan("0.0001").get() == Money(yuan: 1))
        #expect(try Money.parseWan(" 80 ").get() == Money(wan: 80))
        #expect(try Money.parseWan("12.30000").get() == Money(yuan: 123_000))
    }

    /// As a Chinese input method types them (issue 13 item 4).
    @Test func foldsFullWidthAndTheUnit() throws {
        #expect(try Money.parseWan("１２３").get() == Money(wan: 123))
        #expect(try Money.parseWan("１，２３４．５").get() == Money(yuan: 12_345_000))
        #expect(try Money.parseWan("1,234.5万元").get() == Money(yuan: 12_345_000))
        #expect(try Money.parseWan("８０ 万元").get() == Money(wan: 80))
        #expect(try Money.parseWan("80万").get() == Money(wan: 80))
        #expect(try Money.parseWan("\u{3000}０．０１２５万元\u{3000}").get() == Money(yuan: 125))
        #expect(try Money.parseWan("＋12").get() == Money(wan: 12))
    }

    @Test func refusesWhatFoldingDoesNotMake() {
        #expect(Money.parseWan("万元") == .failure(.notANumber))
        #expect(Money.parseWan("80元") == .failure(.notANumber))
        #expect(Money.parseWan("80万万") == .failure(.notANumber))
        #expect(Money.parseWan("－５") == .failure(.negative))
        #expect(Money.parseWan("１，２３．５") == .failure(.notANumber))
        #expect(Money.parseWan("1.23456万元") == .failure(.tooManyDecimals))
    }

    @Test func refusesWhatIsNotAnAmount() {
        #expect(Money.parseWan("-5") == .failure(.negative))
        #expect(Money.parseWan("abc") == .failure(.notANumber))
        #expect(Money.parseWan("1,23.5") == .failure(.notANumber))
        #expect(Money.parseWan("1e3") == .failure(.notANumber))
        #expect(Money.parseWan("1.23456") == .failure(.tooManyDecimals))
        #expect(Money.parseWan("") == .failure(.empty))
        #expect(Money.parseWan("12.") == .failure(.notANumber))
        #expect(Money.parseWan("99999999999999") == .failure(.tooLarge))
    }

    @Test func writesBackWhatItRead() throws {
        for text in ["0", "80", "1234.5", "0.0125", "10000000"] {
            #expect(try Money.parseWan(text).get().wanText == text)
        }
    }
}
