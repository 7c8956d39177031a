import KeyProjects
import StringTables

/// How a card reads without colour: a glyph and a word (DESIGN.md: status never by colour
/// alone), with an ASCII set for terminals that draw ambiguous-width glyphs two columns wide.
public enum CardGlyphs {
    public static func glyph(_ colour: CardColour, ascii: Bool = false) -> String {
        switch colour {
        case .blue: return ascii ? "B" : "●"
        case .behind: return ascii ? "~" : "○"
        case .yellow: return ascii ? "Y" : "▲"
        case .red: return ascii ? "R" : "■"
        }
    }
}

public struct CardText {
    public let strings: Strings
    public let rules: CardRules
    public let meetings: [Meeting]
    /// The locality's name of the meeting where red cards' statements are made (its plenary,
    /// `[names] plenary`), said when no such meeting is on the calendar; nil: the generic words.
    public let plenaryName: String?

    public init(strings: Strings, rules: CardRules, meetings: [Meeting] = [], plenaryName: String? = nil) {
        self.strings = strings; self.rules = rules; self.meetings = meetings; self.plenaryName = plenaryName
    }

    public func label(_ colour: CardColour, ascii: Bool = false) -> String {
        "\(CardGlyphs.glyph(colour, ascii: ascii)) \(strings.word("card", colour))"
    }

    public static func percent(_ ratio: Double?) -> String {
        guard let ratio else { return "—" }
        return "\(Int((ratio * 100).rounded()))%"
    }

    /// Reminders as the office reads them: "1/2" under the reminder rule, a count otherwise.
    public func reminders(_ count: Int) -> String {
        if case let .reminders(needed, _) = rules.profile { return "\(count)/\(needed)" }
        return String(count)
    }

    /// Why the card is what it is, and what it calls for, in words.
    public func reason(_ card: CardAssessment, asOf: Day) -> String {
        let s = card.schedule
        let pct = CardText.percent(s.ratio)
        if card.colour == .blue {
            return s.ratio == nil ? strings["reason.noPlan"] : strings.format("reason.onSchedule", ["pct": pct])
        }
        var parts: [String] = []
        if let ratio = s.ratio, ratio + 1e-12 < rules.threshold {
            parts.append(strings.format("reason.ratio", ["pct": pct, "done": s.completed.wanRoundedText, "plan": s.planned.wanRoundedText]))
            if case .pointsBehind = rules.profile {
                parts.append(strings.format("reason.points", ["n": String(Int(s.pointsBehind.rounded())),
                                                              "plan": CardText.wholePercent(s.plannedShareOfYear),
                                                              "done": CardText.wholePercent(s.completedShareOfYear)]))
            }
        }
        if !s.lateMilestones.isEmpty {
            let names = s.lateMilestones.map { strings.word("milestone", $0) }.joined(separator: strings["punct.list"])
            parts.append(strings.format("reason.milestones", ["list": names]))
        }
        parts.append(card.reminders == 0 ? strings["reason.notReminded"] : strings.format("reason.reminders", ["n": String(card.reminders)]))
        if card.yellowRun >= 2 { parts.append(strings.format("reason.yellowRun", ["n": String(card.yellowRun)])) }
        switch card.followUp {
        case .interview?: parts.append(strings["reason.interview"])
        case .statement?:
            // The first headquarters meeting after the card's month (cancelled ones skipped),
            // whatever day the board is read on: where the agenda lists the statement.
            if let plenary = Meetings.statementMeeting(for: card.month, in: meetings) {
                parts.append(strings.format("reason.statementAt", ["date": plenary.date.iso, "title": plenary.title]))
            } else {
                parts.append(plenaryName.map { strings.format("reason.statementNamed", ["plenary": $0]) } ?? strings["reason.statement"])
            }
        case nil: break
        }
        return strings.clauses(parts)
    }

    /// Months as a list: "2026年4月、5月" ("2026-04, 2026-05" in English).
    public func monthList(_ months: [YearMonth]) -> String {
        var out: [String] = []
        var year: Int? = nil
        for m in months {
            out.append(strings.format(year == m.year ? "months.sameYear" : "board.month",
                                      ["year": String(m.year), "month": String(m.month), "mm": Day.pad(m.month)]))
            year = m.year
        }
        return out.joined(separator: strings["punct.list"])
    }

    public func monthTitle(_ month: YearMonth) -> String {
        strings.format("board.month", ["year": String(month.year), "month": String(month.month), "mm": Day.pad(month.month)])
    }
}

extension Day {
    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension CardText {
    /// A share in whole per cent ("—" when there is none).
    static func wholePercent(_ value: Double?) -> String { value.map { String(Int($0.rounded())) } ?? "—" }
}
