/// An amount of investment. Ledgers count in 万元 (ten thousand yuan); we keep whole yuan in an
/// integer so sums are exact and an export re-imports to the same value.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    public var yuan: Int64

    public init(yuan: Int64) { self.yuan = yuan }
    public init(wan: Int) { yuan = Int64(wan) * 10_000 }

    public static let zero = Money(yuan: 0)
    public static func + (a: Money, b: Money) -> Money { Money(yuan: a.yuan + b.yuan) }
    public static func - (a: Money, b: Money) -> Money { Money(yuan: a.yuan - b.yuan) }
    public static func < (a: Money, b: Money) -> Bool { a.yuan < b.yuan }

    /// 万元 as a floating value, for ratios and charts only.
    public var wan: Double { Double(yuan) / 10_000 }

    /// 万元 with up to four decimals and no trailing zeros: "1234.5", "80", "0.0125".
    public var wanText: String {
        let sign = yuan < 0 ? "-" : ""
        let magnitude = yuan.magnitude
        let whole = magnitude / 10_000
        var fraction = String(magnitude % 10_000)
        guard fraction != "0" else { return "\(sign)\(whole)" }
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(whole).\(fraction)"
    }
    /// 万元 rounded to one decimal (half away from zero), for sentences: "7886.7", "80".
    public var wanRoundedText: String {
        let tenths = (yuan.magnitude + 500) / 1_000
        let sign = yuan < 0 && tenths > 0 ? "-" : ""
        return tenths % 10 == 0 ? "\(sign)\(tenths / 10)" : "\(sign)\(tenths / 10).\(tenths % 10)"
    }
    public var description: String { wanText + " 万元" }

    public enum ParseError: Error, Equatable, Sendable {
        case empty, notANumber, negative, tooManyDecimals, tooLarge
    }

    /// Parses an amount in 万元: digits, an optional point and at most four decimals (one yuan);
    /// thousands separators are accepted when grouped correctly ("1,234.5"). Foundation's
    /// Decimal(string:) read "1,234.5" as 1, hence this exact reader.
    ///
    /// As typed in Chinese offices (issue 13 item 4): full-width digits, comma, point and signs
    /// (`１，２３４．５`) are folded to ASCII, and a trailing unit `万元` or `万` is dropped — the
    /// amount is in 万元 anyway. `元` alone is refused (yuan, not 万元). The grid, the forms,
    /// `progress set` and the CSV ledgers all read amounts here.
    public static func parseWan(_ raw: String) -> Result<Money, ParseError> {
        var folded = raw.foldingFullWidthASCII().trimmingASCIISpaces()
        for unit in ["万元", "万"] where folded.hasSuffix(unit) {
            folded = String(folded.dropLast(unit.count)).trimmingASCIISpaces()
            guard !folded.isEmpty else { return .failure(.notANumber) }
            break
        }
        var text = Substring(folded)
        guard !text.isEmpty else { return .failure(.empty) }
        if text.first == "-" { return text.count > 1 ? .failure(.negative) : .failure(.notANumber) }
        if text.first == "+" { text = text.dropFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholeText = parts.first, !wholeText.isEmpty else { return .failure(.notANumber) }
        let groups = wholeText.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(.notANumber)
            }
        }
        let digits = groups.joined()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.notANumber) }
        guard digits.count <= 12, let whole = Int64(digits) else { return .failure(.tooLarge) }
        var fractionYuan: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.notANumber) }
            let significant = fraction.count > 4 ? fraction.dropFirst(4) : ""
            guard significant.allSatisfy({ $0 == "0" }) else { return .failure(.tooManyDecimals) }
            let four = String(fraction.prefix(4)) + String(repeating: "0", count: max(0, 4 - fraction.count))
            fractionYuan = Int64(four)!
        }
        return .success(Money(yuan: whole * 10_000 + fractionYuan))
    }
}

extension String {
    /// Full-width digits, `，` `．` `＋` `－` `／` and the full-width hyphen-minus folded to their
    /// ASCII forms, which a Chinese input method gives in full-width mode; other characters
    /// are left as they are. Amounts (`Money.parseWan`) and dates (`Day.parse`) read through it.
    public func foldingFullWidthASCII() -> String {
        guard unicodeScalars.contains(where: { $0.value >= 0xFF0B && $0.value <= 0xFF19 }) else { return self }
        var scalars = String.UnicodeScalarView()
        for u in unicodeScalars {
            switch u.value {
            case 0xFF10...0xFF19, 0xFF0B, 0xFF0C, 0xFF0D, 0xFF0E, 0xFF0F:
                scalars.append(Unicode.Scalar(u.value - 0xFEE0)!)
            default: scalars.append(u)
            }
        }
        return String(scalars)
    }

    /// Trims spaces, tabs and the ideographic space that Chinese spreadsheets leave around cells.
    public func trimmingASCIISpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{00A0}" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
