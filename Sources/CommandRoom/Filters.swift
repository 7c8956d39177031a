import KeyProjects
import KeyProjectsReports
import TerminalKit

/// The `/` filter: words all of which must match; `key:value` matches one field, `!` or `-`
/// in front negates. Board keys: card, stall, sub, loc, level, stage. Queue keys: unit, sub,
/// cat, status, step, light, kind, level. A plain word matches code, name, places, units and people.
struct FilterQuery {
    struct Term {
        var key: String?
        var value: String
        var negated: Bool
        let bytes: [UInt8]
        init(key: String?, value: String, negated: Bool) {
            self.key = key; self.value = value; self.negated = negated; bytes = Array(value.utf8)
        }
    }
    var terms: [Term]

    /// Whether a keyed value names `code`: its code (`land`) or its word on screen in either
    /// language (`用地`, `Land`), so a clerk can type what the table shows.
    static func names<T: RawRepresentable>(_ value: String, _ prefix: String, _ code: T) -> Bool where T.RawValue == String {
        code.rawValue == value || Strings.zh.word(prefix, code) == value || Strings.en.word(prefix, code).lowercased() == value
    }

    init(_ text: String) {
        terms = text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).compactMap { raw in
            var word = Substring(raw)
            var negated = false
            if let first = word.first, first == "!" || first == "-" || first == "！" {
                negated = true
                word = word.dropFirst()
            }
            guard !word.isEmpty else { return nil }
            if let colon = word.firstIndex(where: { $0 == ":" || $0 == "：" }), colon != word.startIndex {
                return Term(key: word[..<colon].lowercased(), value: String(word[word.index(after: colon)...]).lowercased(),
                            negated: negated)
            }
            return Term(key: nil, value: word.lowercased(), negated: negated)
        }
    }

    var isEmpty: Bool { terms.isEmpty }
    /// Whether a plain word needs the search texts.
    var hasPlainWords: Bool { terms.contains { $0.key == nil } }

    /// True when every term holds; `field(key, value)` answers keyed terms (nil: unknown key,
    /// which matches nothing), `text` (lower-cased UTF-8) is what plain words search.
    func matches(text: [UInt8], field: (String, String) -> Bool?) -> Bool {
        terms.allSatisfy { term in
            let hit: Bool
            if let key = term.key {
                hit = field(key, term.value) ?? false
            } else {
                hit = ByteSearch.contains(text, term.bytes)
            }
            return hit != term.negated
        }
    }

}

enum BoardFilterMatch {
    static let cardWords: [String: CardColour] = [
        "blue": .blue, "蓝": .blue, "蓝牌": .blue, "behind": .behind, "落后": .behind,
        "yellow": .yellow, "黄": .yellow, "黄牌": .yellow, "red": .red, "红": .red, "红牌": .red,
    ]

    /// What a plain word searches: code, name, sub-command, locality, units and leader.
    static func searchText(_ s: ProjectStanding, _ org: Organisation) -> [UInt8] {
        let p = s.project
        let sub = org.subcommand(p.subcommand)?.name ?? p.subcommand
        let loc = org.locality(p.locality)?.name ?? p.locality
        return Array([p.code, p.name, sub, loc, p.responsibleUnit, p.constructionUnit, p.liaisonLeader].joined(separator: "\u{1}").lowercased().utf8)
    }

    /// Whether standing `i` matches; the standing is only read for keyed terms (copying
    /// 20,000 standings per keystroke was most of a keystroke's time).
    static func matches(_ query: FilterQuery, _ standings: [ProjectStanding], _ i: Int, search: [UInt8], _ org: Organisation) -> Bool {
        query.matches(text: search) { key, value in
            let s = standings[i]
            let p = s.project
            let sub = org.subcommand(p.subcommand)?.name ?? p.subcommand
            let loc = org.locality(p.locality)?.name ?? p.locality
            switch key {
            case "card": return cardWords[value].map { $0 == s.card.colour }
            case "stall":
                if value.hasSuffix("+"), let n = Int(value.dropLast()) { return s.stall.rawValue >= n }
                return Int(value).map { $0 == s.stall.rawValue }
            case "sub": return p.subcommand.lowercased() == value || sub.lowercased().contains(value)
            case "loc", "county": return p.locality.lowercased() == value || loc.lowercased().contains(value)
            case "level": return p.level.rawValue == value || value.contains(levelWord(p.level))
            case "stage": return FilterQuery.names(value, "stage", p.stage)
            default: return nil
            }
        }
    }

    static func levelWord(_ level: ProjectLevel) -> String {
        switch level { case .province: return "省"; case .city: return "市"; case .county: return "县" }
    }
}

enum QueueFilterMatch {
    static func searchText(_ e: TriageEntry, _ org: Organisation) -> [UInt8] {
        let i = e.issue
        let sub = e.project.flatMap { org.subcommand($0.subcommand)?.name } ?? ""
        return Array([i.id, i.project, e.project?.name ?? "", i.description, i.unit, sub, i.group].joined(separator: "\u{1}").lowercased().utf8)
    }

    static func matches(_ query: FilterQuery, _ e: TriageEntry, search: [UInt8], _ org: Organisation) -> Bool {
        let i = e.issue
        return query.matches(text: search) { key, value in
            let sub = e.project.flatMap { org.subcommand($0.subcommand)?.name } ?? ""
            switch key {
            case "unit": return i.unit.lowercased().contains(value)
            case "sub": return (e.project?.subcommand.lowercased() == value) || sub.lowercased().contains(value)
            case "cat": return FilterQuery.names(value, "category", i.category)
            case "status": return FilterQuery.names(value, "status", i.status)
            case "step": return FilterQuery.names(value, "step", e.clock.step)
            case "light": return FilterQuery.names(value, "light", e.clock.light)
            case "kind": return FilterQuery.names(value, "issueKind", i.kind)
            case "level": return FilterQuery.names(value, "issueLevel", i.level)
            default: return nil
            }
        }
    }
}
