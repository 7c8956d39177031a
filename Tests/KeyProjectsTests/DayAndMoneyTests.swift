import KeyProjects
import Testing

@Suite struct DayTests {
    @Test func parsesTheFormsSpreadsheetsWrite() {
        #expect(Day.parse("2025-06-30") == Day(year: 2025, month: 6, day: 30))
        #expect(Day.parse("2025/6/3") == Day(year: 2025, month: 6, day: 3))
        #expect(Day.parse("2025.06.03") == Day(year: 2025, month: 6, day: 3))
        #expect(Day.parse("2025年6月30日") == Day(year: 2025, month: 6, day: 30))
    }

    @Test(arguments: ["2025-02-30", "2025-13-01", "20250630", "2025-06-30x", " 2025-06-30", "0025-01-01", "2025-6", "2025/06-30",
                      "2025年6月30", "", "abc", "2025-06-30T00:00"])
    func refusesWhatIsNotADay(_ text: String) {
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
