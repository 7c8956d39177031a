import Foundation

/// A figure against its target.
struct Verdict: Sendable {
    let figure: Figure
    let target: Target

    /// The figure over the target: 1 is exactly on it.
    var ratio: Double { target.limit.value == 0 ? .infinity : figure.value / target.limit.value }
    var isOver: Bool { figure.value > target.limit.value }

    /// "open + load + cards: 312.0 ms, over its 300 ms target (1.04)".
    var overLine: String {
        "\(figure.name): \(Format.value(figure.value, figure.measure.unit)), over its \(Format.limit(target.limit)) target (\(Format.ratio(ratio)))"
    }
}

/// `--check`: which figures are over their targets.
enum TargetCheck {
    static func verdicts(_ figures: [Figure]) -> [Verdict] {
        figures.compactMap { figure in Targets.target(for: figure.measure).map { Verdict(figure: figure, target: $0) } }
    }

    static func over(_ sections: [FigureSection]) -> [Verdict] {
        verdicts(sections.flatMap(\.figures)).filter(\.isOver)
    }
}

/// Numbers as the tables print them.
enum Format {
    static func number(_ v: Double, _ unit: Measure.Unit) -> String {
        String(format: unit == .percentOfCore ? "%.2f" : "%.1f", v)
    }
    static func value(_ v: Double, _ unit: Measure.Unit) -> String { "\(number(v, unit)) \(unit.rawValue)" }
    static func limit(_ limit: Target.Limit) -> String {
        let v = limit.value
        let text = v == v.rounded() ? String(Int(v)) : String(v)
        return "\(text) \(limit.unit.rawValue)"
    }
    static func ratio(_ r: Double) -> String { String(format: "%.2f", r) }
    /// 20000 as "20,000".
    static func count(_ n: Int) -> String {
        var digits = Array(String(n)), out = ""
        while digits.count > 3 { out = "," + String(digits.suffix(3)) + out; digits.removeLast(3) }
        return String(digits) + out
    }
}
