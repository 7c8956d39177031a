import KeyProjects
import KeyProjectsReports
import StringTables
import TerminalKit
import TextLayout

/// The `/` filter: words all of which must match; `key:value` matches one field, `!` or `-`
/// in front negates. Board keys: card, stall, sub, loc, level, stage. Queue keys: unit, sub,
/// cat, status, step, light, kind, level. A plain word matches code, name, places, units and people.
struct FilterQuery {
    struct Term {
        var key: String?
        var value: String
        var negated: Bool
        let bytes: [UInt8]
        /// The codes a coded value names, worked out once per query, not once per row.
        private let resolved = ResolvedCodes()
        init(key: String?, value: String, negated: Bool) {
            self.key = key; self.value = value; self.negated = negated; bytes = Array(value.utf8)
        }

        /// Whether this term's value names `code` (see `FilterQuery.names`).
        func names<T: RawRepresentable & CaseIterable>(_ prefix: String, _ code: T) -> Bool where T.RawValue == String {
            if let codes = resolved.codes[prefix] { return codes.contains(code.rawValue) }
            let codes = Set(T.allCases.filter { FilterQuery.names(value, prefix, $0) }.map(\.rawValue))
            resolved.codes[prefix] = codes
            return codes.contains(code.rawValue)
        }
    }

    final class ResolvedCodes {
        var codes: [String: Set<String>] = [:]
    }
    var terms: [Term]

    /// Whether a keyed value names `code`: exactly a code (`land`) or a word on screen (`用地`,
    /// `land acquisition`) names that one alone; otherwise part of its Chinese word (`征地` for
    /// 征地拆迁), the start of its English word or code (`energy`), or a ledger's longer word
    /// (`重大复杂问题`) names it. An empty value (still being typed) matches everything.
    static func names<T: RawRepresentable & CaseIterable>(_ value: String, _ prefix: String, _ code: T) -> Bool
    where T.RawValue == String {
        if value.isEmpty { return true }
        func words(_ c: T) -> (zh: String, en: String) { (Strings.zh.word(prefix, c), Strings.en.word(prefix, c).lowercased()) }
        if let exact = T.allCases.first(where: { c in c.rawValue == value || words(c).zh == value || words(c).en == value }) {
            return exact.rawValue == code.rawValue
        }
        let (zh, en) = words(code)
        return zh.contains(value) || value.contains(zh) || en.hasPrefix(value) || code.rawValue.hasPrefix(value)
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

    /// Keys typed that the view does not know (`foo:bar` matches nothing; the status line
    /// says so).
    func unknownKeys(known: [String]) -> [String] {
        terms.compactMap { $0.key }.filter { !known.contains($0) }
    }
    /// Whether a plain word needs the search texts.
    var hasPlainWords: Bool { terms.contains { $0.key == nil } }

    /// True when every term holds; `field(key, term)` answers keyed terms (nil: unknown key,
    /// which matches nothing), `text` (lower-cased UTF-8) is what plain words search.
    func matches(text: [UInt8], field: (String, Term) -> Bool?) -> Bool {
        terms.allSatisfy { term in
            let hit: Bool
            if let key = term.key {
                hit = field(key, term) ?? false
            } else {
                hit = ByteSearch.contains(text, term.bytes)
            }
            return hit != term.negated
        }
    }

}

enum BoardFilterMatch {
    /// The keys a board filter knows.
    static let keys = ["card", "stall", "sub", "loc", "county", "level", "stage"]

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
        query.matches(text: search) { key, term in
            let value = term.value
            let s = standings[i]
            let p = s.project
            let sub = org.subcommand(p.subcommand)?.name ?? p.subcommand
            let loc = org.locality(p.locality)?.name ?? p.locality
            switch key {
            case "card": return term.names("card", s.card.colour)
            case "stall":
                if value.hasSuffix("+"), let n = Int(value.dropLast()) { return s.stall.rawValue >= n }
                return Int(value).map { $0 == s.stall.rawValue }
            case "sub": return p.subcommand.lowercased() == value || sub.lowercased().contains(value)
            case "loc", "county": return p.locality.lowercased() == value || loc.lowercased().contains(value)
            case "level": return term.names("level", p.level)
            case "stage": return term.names("stage", p.stage)
            default: return nil
            }
        }
    }
}

enum QueueFilterMatch {
    /// The keys a queue filter knows.
    static let keys = ["unit", "sub", "cat", "status", "step", "light", "kind", "level"]

    static func searchText(_ e: TriageEntry, _ org: Organisation) -> [UInt8] {
        let i = e.issue
        let sub = e.project.flatMap { org.subcommand($0.subcommand)?.name } ?? ""
        return Array([i.id, i.project, e.project?.name ?? "", i.description, i.unit, sub, i.group].joined(separator: "\u{1}").lowercased().utf8)
    }

    static func matches(_ query: FilterQuery, _ e: TriageEntry, search: [UInt8], _ org: Organisation) -> Bool {
        let i = e.issue
        return query.matches(text: search) { key, term in
            let value = term.value
            let sub = e.project.flatMap { org.subcommand($0.subcommand)?.name } ?? ""
            switch key {
            case "unit": return i.unit.lowercased().contains(value)
            case "sub": return (e.project?.subcommand.lowercased() == value) || sub.lowercased().contains(value)
            case "cat": return term.names("category", i.category)
            case "status": return term.names("status", i.status)
            case "step": return term.names("step", e.clock.step)
            case "light": return term.names("light", e.clock.light)
            case "kind": return term.names("issueKind", i.kind)
            case "level": return term.names("issueLevel", i.level)
            default: return nil
            }
        }
    }
}
