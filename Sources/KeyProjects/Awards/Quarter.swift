import Foundation

/// A calendar quarter, the period of the 羚羊奖/蜗牛奖 (seed 003): written `2026Q3`.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1–4.
    public let number: Int

    public init?(year: Int, number: Int) {
        guard (1...4).contains(number), (1900...9999).contains(year) else { return nil }
        self.year = year; self.number = number
    }

    /// The quarter a month falls in.
    public init(containing month: YearMonth) {
        year = month.year; number = (month.month - 1) / 3 + 1
    }

    /// `2026Q3`, `2026-Q3` or `2026q3`.
    public static func parse(_ text: String) -> Quarter? {
        let t = text.uppercased().replacingOccurrences(of: "-", with: "")
        let parts = t.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1, let y = Int(parts[0]), let q = Int(parts[1]) else { return nil }
        return Quarter(year: y, number: q)
    }

    /// `2026年第3季度`, `2026年三季度`, `2026年第三季度`.
    public static func parseChinese(_ text: String) -> Quarter? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let year = t.split(separator: "年").first.flatMap({ Int($0) }), t.hasSuffix("季度") else { return nil }
        let numerals: [Character: Int] = ["1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4]
        let digits = t.dropFirst(String(year).count + 1).filter { numerals[$0] != nil }
        guard digits.count == 1, let n = numerals[digits.first!] else { return nil }
        return Quarter(year: year, number: n)
    }

    public var firstMonth: YearMonth { YearMonth(year: year, month: number * 3 - 2)! }
    public var lastMonth: YearMonth { YearMonth(year: year, month: number * 3)! }
    public var months: [YearMonth] { YearMonth.range(firstMonth, through: lastMonth) }
    public var lastDay: Day { lastMonth.lastDay }
    public var previous: Quarter { Quarter(containing: firstMonth.previous) }

    /// The last quarter that has ended by a day (the awards judge whole quarters).
    public static func lastEnded(asOf day: Day) -> Quarter {
        let current = Quarter(containing: day.yearMonth)
        return day == current.lastDay ? current : current.previous
    }

    public var description: String { "\(year)Q\(number)" }
    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }
}
