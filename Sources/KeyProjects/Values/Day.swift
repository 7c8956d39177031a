/// A calendar day with no time and no time zone: what every rule is a function of.
///
/// Stored as days since 1970-01-01 so arithmetic and comparison are integer operations.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// Nil when the date does not exist (2025-02-30) or the year is outside 1900...2999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(year: year, month: month)).contains(day) else { return nil }
        ordinal = Int32(Day.daysFromCivil(year, month, day))
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var dayOfMonth: Int { components.day }
    public var yearMonth: YearMonth { let c = components; return YearMonth(year: c.year, month: c.month)! }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        let w = (Int(ordinal) + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + Int32(n)) }

    /// Same day `n` months later, or that month's last day when it is shorter.
    public func adding(months n: Int) -> Day {
        let c = components
        let target = YearMonth(year: c.year, month: c.month)!.adding(months: n)
        return Day(year: target.year, month: target.month, day: min(c.day, target.dayCount))!
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { Int(other.ordinal - ordinal) }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public var iso: String {
        let c = components
        return "\(c.year)-\(Day.pad2(c.month))-\(Day.pad2(c.day))"
    }
    public var description: String { iso }

    /// Strict `YYYY-MM-DD`; also `YYYY/M/D` and `YYYY年M月D日`, which spreadsheet exports write;
    /// full-width digits and separators are folded first (`２０２６－１０－０５`). Refused: an
    /// Excel date serial number (`46296`) and `2026.10.5` (a point is a decimal point to Excel:
    /// `2026.10` becomes 2026.1). Foundation's DateFormatter was 36 µs a call and accepted a
    /// leading space, so this is a small exact scanner over digits and one separator kind.
    public static func parse(_ text: String) -> Day? {
        guard let parts = DateText.split(text.foldingFullWidthASCII(), fields: 3) else { return nil }
        return Day(year: parts[0], month: parts[1], day: parts[2])
    }

    // MARK: civil calendar arithmetic (proleptic Gregorian; H. Hinnant's algorithms)

    var components: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// A calendar month, e.g. 2025-06.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// year * 12 + (month - 1): consecutive months differ by one, across year boundaries.
    public let index: Int32

    public init?(year: Int, month: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month) else { return nil }
        index = Int32(year * 12 + month - 1)
    }
    public init(index: Int32) { self.index = index }

    public var year: Int { Int(index) / 12 }
    public var month: Int { Int(index) % 12 + 1 }
    public var dayCount: Int { Day.daysIn(year: year, month: month) }
    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: dayCount)! }
    public var january: YearMonth { YearMonth(year: year, month: 1)! }

    public func adding(months n: Int) -> YearMonth { YearMonth(index: index + Int32(n)) }
    public func months(to other: YearMonth) -> Int { Int(other.index - index) }
    public var previous: YearMonth { adding(months: -1) }
    public var next: YearMonth { adding(months: 1) }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { a.index < b.index }

    public var iso: String { "\(year)-\(Day.pad2(month))" }
    public var description: String { iso }

    /// `YYYY-MM`, `YYYY/M` or `YYYY年M月`, full-width digits folded; not `YYYY.M` (Excel reads
    /// `2026.10` as the number 2026.1).
    public static func parse(_ text: String) -> YearMonth? {
        guard let parts = DateText.split(text.foldingFullWidthASCII(), fields: 2) else { return nil }
        return YearMonth(year: parts[0], month: parts[1])
    }

    /// Months from `from` through `to`, inclusive.
    public static func range(_ from: YearMonth, through to: YearMonth) -> [YearMonth] {
        from <= to ? (from.index...to.index).map(YearMonth.init(index:)) : []
    }
}

/// Splits "2025-06-30" / "2025/6/30" / "2025年6月30日" into numbers; nil on anything else.
enum DateText {
    static func split(_ text: String, fields: Int) -> [Int]? {
        var numbers: [Int] = []
        var current = 0, digits = 0
        var separator: Character?
        var chineseSuffixSeen = false
        for ch in text {
            if let d = ch.wholeNumberValue, ch.isASCII {
                guard !chineseSuffixSeen else { return nil }
                current = current * 10 + d
                digits += 1
                guard digits <= 4 else { return nil }
                continue
            }
            guard digits > 0 else { return nil }
            let chinese: [Character] = ["年", "月", "日"]
            if let i = chinese.firstIndex(of: ch) {
                guard separator == nil || separator == "年", i == numbers.count else { return nil }
                separator = "年"
                if i == fields - 1 { chineseSuffixSeen = true }
            } else if ch == "-" || ch == "/" {
                guard separator == nil || separator == ch else { return nil }
                separator = ch
            } else {
                return nil
            }
            numbers.append(current)
            current = 0
            digits = 0
        }
        if digits > 0 { numbers.append(current) }
        guard numbers.count == fields else { return nil }
        // The year has four digits; month and day one or two.
        guard numbers[0] >= 1000, numbers.dropFirst().allSatisfy({ $0 < 100 }) else { return nil }
        if separator == "年" && !chineseSuffixSeen { return nil }
        if separator != "年" && chineseSuffixSeen { return nil }
        return numbers
    }
}
