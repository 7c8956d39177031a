import KeyProjects
import KeyProjectsReports
import StringTables
import TerminalKit
import TextLayout

/// A key a view's filter knows: coded (its values are an enum's codes, named by the code or by
/// the words the screen draws for them, from the strings tables), a number (`stall:2`,
/// `stall:2+`) or free text (`sub:`, `loc:`, `unit:`, matched as part of a name).
struct FilterKey: Sendable {
    /// `place`: a sub-command or locality, its code whole or part of its name (known once the
    /// organisation is: `FilterSpec.with`).
    enum Kind: Sendable { case coded(prefix: String, codes: [String]), number, text, place(codes: [String], names: [String]) }
    let name: String
    let kind: Kind

    static func coded<T: RawRepresentable & CaseIterable>(_ name: String, _ prefix: String, _ type: T.Type) -> FilterKey
    where T.RawValue == String {
        FilterKey(name: name, kind: .coded(prefix: prefix, codes: T.allCases.map(\.rawValue)))
    }

    /// The values Tab completes and a message lists: the codes, then the words on screen in
    /// both languages (lower-cased), each once.
    var words: [String] {
        if case let .place(codes, names) = kind { return codes + names }
        guard case let .coded(prefix, codes) = kind else { return [] }
        var seen = Set<String>(), out: [String] = []
        for w in codes + codes.map({ Strings.zh["\(prefix).\($0)"] }) + codes.map({ Strings.en["\(prefix).\($0)"].lowercased() })
        where seen.insert(w).inserted { out.append(w) }
        return out
    }
}

/// The keys of one view's filter, and the key a bare word that is exactly one of its words
/// turns into (`红牌` alone filters by card).
struct FilterSpec: Sendable {
    let keys: [FilterKey]
    let bareWordKey: String?
    func key(_ name: String) -> FilterKey? { keys.first { $0.name == name } }
    var names: [String] { keys.map(\.name) }

    /// The same keys, `sub`, `loc` and `county` knowing the organisation's sub-commands and
    /// localities (a name no place has is said, as an unknown value is).
    func with(_ org: Organisation?) -> FilterSpec {
        guard let org else { return self }
        let subs = FilterKey.Kind.place(codes: org.subcommands.map { $0.code.lowercased() }, names: org.subcommands.map { $0.name.lowercased() })
        let locs = FilterKey.Kind.place(codes: org.localities.map { $0.code.lowercased() }, names: org.localities.map { $0.name.lowercased() })
        return FilterSpec(keys: keys.map { k in
            switch k.name {
            case "sub": return FilterKey(name: k.name, kind: subs)
            case "loc", "county": return FilterKey(name: k.name, kind: locs)
            default: return k
            }
        }, bareWordKey: bareWordKey)
    }

    static let board = FilterSpec(keys: [
        .coded("card", "card", CardColour.self), FilterKey(name: "stall", kind: .number),
        FilterKey(name: "sub", kind: .text), FilterKey(name: "loc", kind: .text), FilterKey(name: "county", kind: .text),
        .coded("level", "level", ProjectLevel.self), .coded("stage", "stage", ProjectStage.self),
        .coded("warn", "warning", ForecastWarning.self),   // 预警 (issue 15 §4): warn:yellow
    ], bareWordKey: "card")

    static let queue = FilterSpec(keys: [
        FilterKey(name: "unit", kind: .text), FilterKey(name: "sub", kind: .text),
        .coded("cat", "category", IssueCategory.self), .coded("status", "status", IssueStatus.self),
        .coded("step", "step", ClockStep.self), .coded("light", "light", ClockLight.self),
        .coded("kind", "issueKind", IssueKind.self), .coded("level", "issueLevel", IssueLevel.self),
    ], bareWordKey: nil)
}

/// The `/` filter: words all of which must match; `key:value` matches one field, `!` or `-`
/// in front negates. Values of one key separated by `,` `，` or `、` are alternatives
/// (`card:red,yellow`). Board keys: card, stall, sub, loc (county), level, stage. Queue keys:
/// unit, sub, cat, status, step, light, kind, level. A plain word matches code, name, places,
/// units and people. An unknown key or value is left out (the other words still filter) and
/// `problems` says so: a typo never empties the rows.
struct FilterQuery {
    struct Term {
        var key: String?
        /// The alternatives typed (one for a plain word); empty when a key's value is still to come.
        var values: [String]
        var negated: Bool
        /// A plain word's text, lower-cased UTF-8.
        let bytes: [UInt8]
        /// For a coded key, the codes the values name (worked out once per query).
        var codes: Set<String> = []
        /// An unknown key, or a value none of whose alternatives is known: the term is left out.
        var ignored = false
        var value: String { values.first ?? "" }
    }

    enum Problem: Equatable {
        case unknownKey(String, suggestion: String?)
        case unknownValue(key: String, value: String, suggestion: String?)
    }

    var terms: [Term]
    var problems: [Problem] = []

    /// The alternative separators within one key's value.
    static let separators: Set<Character> = [",", "，", "、"]
    static func isSpace(_ c: Character) -> Bool { c == " " || c == "\u{3000}" }
    static func isColon(_ c: Character) -> Bool { c == ":" || c == "：" }

    init(_ text: String, _ spec: FilterSpec) {
        terms = []
        for raw in text.split(whereSeparator: FilterQuery.isSpace) {
            var word = Substring(raw)
            var negated = false
            if let first = word.first, first == "!" || first == "-" || first == "！" {
                negated = true
                word = word.dropFirst()
            }
            guard !word.isEmpty else { continue }
            guard let colon = word.firstIndex(where: FilterQuery.isColon), colon != word.startIndex else {
                let plain = word.lowercased()
                // A bare word that is exactly a word of the bare-word key (`红牌`).
                if let k = spec.bareWordKey.flatMap(spec.key), case let .coded(prefix, codes) = k.kind,
                   let code = codes.first(where: { Strings.zh["\(prefix).\($0)"] == plain }) {
                    terms.append(Term(key: k.name, values: [plain], negated: negated, bytes: [], codes: [code]))
                    continue
                }
                terms.append(Term(key: nil, values: [plain], negated: negated, bytes: Array(plain.utf8)))
                continue
            }
            let name = word[..<colon].lowercased()
            let values = word[word.index(after: colon)...].split(whereSeparator: { FilterQuery.separators.contains($0) })
                .map { $0.lowercased() }
            var term = Term(key: name, values: values, negated: negated, bytes: [])
            guard let key = spec.key(name) else {
                term.ignored = true
                problems.append(.unknownKey(name, suggestion: FilterQuery.nearest(name, spec.names)))
                terms.append(term)
                continue
            }
            var known: [String] = []
            for v in values {
                let ok: Bool
                switch key.kind {
                case let .coded(prefix, codes):
                    let named = FilterQuery.codesNamed(v, prefix, codes)
                    term.codes.formUnion(named)
                    ok = !named.isEmpty
                case .number: ok = FilterQuery.stallValue(v) != nil
                case .text: ok = true
                case let .place(codes, names): ok = codes.contains(v) || names.contains { $0.contains(v) }
                }
                if ok { known.append(v) } else {
                    problems.append(.unknownValue(key: name, value: v, suggestion: FilterQuery.nearest(v, key.words)))
                }
            }
            if !values.isEmpty && known.isEmpty { term.ignored = true }
            term.values = known
            if values.isEmpty, case let .coded(_, codes) = key.kind { term.codes = Set(codes) }   // `card:` still being typed
            terms.append(term)
        }
    }

    /// `2` (exactly) or `2+` (at least) for `stall:`.
    static func stallValue(_ v: String) -> (n: Int, atLeast: Bool)? {
        if v.hasSuffix("+"), let n = Int(v.dropLast()) { return (n, true) }
        return Int(v).map { ($0, false) }
    }

    /// The codes a keyed value names: exactly a code (`land`) or a word on screen (`用地`,
    /// `land acquisition`, `red`) names that one alone; otherwise part of its Chinese word (`征地`
    /// for 征地拆迁, `红` for 红牌), the start of its English word or code (`energy`), or a
    /// ledger's longer word (`重大复杂问题`) names it. `redcard`/`red-card` are taken as `red`.
    /// None: the value is unknown.
    static func codesNamed(_ value: String, _ prefix: String, _ codes: [String]) -> Set<String> {
        if value.isEmpty { return Set(codes) }
        let words = codes.map { (code: $0, zh: Strings.zh["\(prefix).\($0)"], en: Strings.en["\(prefix).\($0)"].lowercased()) }
        if let exact = words.first(where: { $0.code == value || $0.zh == value || $0.en == value }) { return [exact.code] }
        if prefix == "card", value.hasSuffix("card"), value.count > 4 {
            let stem = String(value.dropLast(4)).trimmingCharacters(in: .init(charactersIn: "-_"))
            return codesNamed(stem, prefix, codes)
        }
        return Set(words.filter { $0.zh.contains(value) || value.contains($0.zh) || $0.en.hasPrefix(value) || $0.code.hasPrefix(value) }
            .map(\.code))
    }

    /// The candidate nearest `word` within two edits (a near miss: `rde` → red), if any.
    static func nearest(_ word: String, _ candidates: [String]) -> String? {
        let scored = candidates.map { ($0, EditDistance.between(word, $0)) }.filter { $0.1 <= 2 && $0.1 < max(word.count, 1) }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// No term filters (nothing typed, or only words left out).
    var isEmpty: Bool { !terms.contains { !$0.ignored } }

    /// Whether a plain word needs the search texts.
    var hasPlainWords: Bool { terms.contains { $0.key == nil } }

    /// True when every term holds; `field(key, term)` answers keyed terms (nil: an unknown
    /// key), `text` (lower-cased UTF-8) is what plain words search. Terms left out hold.
    func matches(text: [UInt8], field: (String, Term) -> Bool?) -> Bool {
        terms.allSatisfy { term in
            if term.ignored { return true }
            let hit: Bool
            if let key = term.key {
                hit = field(key, term) ?? true
            } else {
                hit = ByteSearch.contains(text, term.bytes)
            }
            return hit != term.negated
        }
    }

    /// What the status line says of the problems: each unknown key or value, with a
    /// did-you-mean and the accepted keys or values; empty when there are none.
    func note(_ spec: FilterSpec, _ s: Strings) -> String {
        problems.map { problem in
            switch problem {
            case let .unknownKey(key, suggestion):
                return s.format("filter.unknownKey", ["key": key, "known": spec.names.joined(separator: " "),
                                                      "mean": suggestion.map { s.format("filter.didYouMean", ["word": $0 + ":"]) } ?? ""])
            case let .unknownValue(key, value, suggestion):
                let accepted: String
                switch spec.key(key)?.kind {
                case let .coded(prefix, codes)?:
                    accepted = codes.map { code in
                        let w = s["\(prefix).\(code)"]
                        return w.lowercased() == code ? code : "\(code)=\(w)"
                    }.joined(separator: " ")
                case let .place(_, names)?: accepted = names.joined(separator: " ")
                default: accepted = s["filter.accepted.stall"]
                }
                return s.format("filter.unknownValue", ["key": key, "value": value, "accepted": accepted,
                                                        "mean": suggestion.map { s.format("filter.didYouMean", ["word": $0]) } ?? ""])
            }
        }.map { "  " + $0 }.joined()
    }

    /// Tab on the word before the cursor: a key (`ca` → `card:`) or a key's value (`card:y` →
    /// `card:yellow`, after a `,` the next alternative). A single candidate is completed; several
    /// are completed as far as they agree and returned to be listed.
    static func complete(_ characters: [Character], cursor: Int, _ spec: FilterSpec) -> (text: [Character], cursor: Int, candidates: [String]) {
        let cursor = max(0, min(characters.count, cursor))
        var start = cursor
        while start > 0, !isSpace(characters[start - 1]) { start -= 1 }
        var wordStart = start
        if wordStart < cursor, "!-！".contains(characters[wordStart]) { wordStart += 1 }
        let word = Array(characters[wordStart..<cursor])
        let partialStart: Int
        let candidates: [String]
        let suffix: String
        if let colon = word.firstIndex(where: isColon) {
            guard let key = spec.key(String(word[..<colon]).lowercased()) else { return (characters, cursor, []) }
            var p = wordStart + colon + 1
            if let sep = word.lastIndex(where: { separators.contains($0) }), sep > colon { p = wordStart + sep + 1 }
            partialStart = p
            let partial = String(characters[p..<cursor]).lowercased()
            candidates = key.words.filter { $0.hasPrefix(partial) }
            suffix = ""
        } else {
            partialStart = wordStart
            let partial = String(word).lowercased()
            candidates = spec.names.filter { $0.hasPrefix(partial) }
            suffix = ":"
        }
        guard !candidates.isEmpty else { return (characters, cursor, []) }
        let replacement: String
        if candidates.count == 1 {
            replacement = candidates[0] + suffix
        } else {
            var common = Array(candidates[0])
            for c in candidates.dropFirst() {
                let other = Array(c)
                var n = 0
                while n < common.count, n < other.count, common[n] == other[n] { n += 1 }
                common = Array(common[..<n])
            }
            replacement = String(common)
        }
        // Only ever lengthens what was typed (its case aside).
        guard replacement.count >= cursor - partialStart else { return (characters, cursor, candidates) }
        let text = Array(characters[..<partialStart]) + Array(replacement) + Array(characters[cursor...])
        return (text, partialStart + replacement.count, candidates.count == 1 ? [] : candidates)
    }
}

/// The filters entered before in this session, for ↑ and ↓ in the filter line.
struct FilterHistory: Sendable {
    var entries: [String] = []
    /// The entry shown, while walking; nil at the line being typed.
    var position: Int?
    /// The line being typed when the walk began.
    var draft = ""

    mutating func add(_ text: String) {
        position = nil
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return }
        entries.removeAll { $0 == t }
        entries.append(t)
    }

    /// The entry before the one shown (the last entered, from the line being typed).
    mutating func older(_ current: String) -> String? {
        guard !entries.isEmpty else { return nil }
        if let p = position {
            guard p > 0 else { return nil }
            position = p - 1
        } else {
            draft = current
            position = entries.count - 1
        }
        return entries[position!]
    }

    /// The entry after the one shown, or the line that was being typed.
    mutating func newer() -> String? {
        guard let p = position else { return nil }
        if p + 1 < entries.count { position = p + 1; return entries[p + 1] }
        position = nil
        return draft
    }
}

enum BoardFilterMatch {
    static let spec = FilterSpec.board

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
            let s = standings[i]
            let p = s.project
            switch key {
            case "card": return term.codes.contains(s.card.colour.rawValue)
            case "stall":
                return term.values.isEmpty || term.values.contains { v in
                    guard let (n, atLeast) = FilterQuery.stallValue(v) else { return false }
                    return atLeast ? s.stall.rawValue >= n : s.stall.rawValue == n
                }
            case "sub":
                let sub = (org.subcommand(p.subcommand)?.name ?? p.subcommand).lowercased()
                return term.values.isEmpty || term.values.contains { p.subcommand.lowercased() == $0 || sub.contains($0) }
            case "loc", "county":
                let loc = (org.locality(p.locality)?.name ?? p.locality).lowercased()
                return term.values.isEmpty || term.values.contains { p.locality.lowercased() == $0 || loc.contains($0) }
            case "level": return term.codes.contains(p.level.rawValue)
            case "stage": return term.codes.contains(p.stage.rawValue)
            case "warn": return s.forecast?.warning.map { term.codes.contains($0.rawValue) } ?? false
            default: return nil
            }
        }
    }
}

enum QueueFilterMatch {
    static let spec = FilterSpec.queue

    static func searchText(_ e: TriageEntry, _ org: Organisation) -> [UInt8] {
        let i = e.issue
        let sub = e.project.flatMap { org.subcommand($0.subcommand)?.name } ?? ""
        return Array([i.id, i.project, e.projectName, i.description, i.unit, sub, i.group, i.origin].joined(separator: "\u{1}").lowercased().utf8)
    }

    static func matches(_ query: FilterQuery, _ e: TriageEntry, search: [UInt8], _ org: Organisation) -> Bool {
        let i = e.issue
        return query.matches(text: search) { key, term in
            switch key {
            case "unit":
                let unit = i.unit.lowercased()
                return term.values.isEmpty || term.values.contains { unit.contains($0) }
            case "sub":
                let sub = (e.project.flatMap { org.subcommand($0.subcommand)?.name } ?? "").lowercased()
                return term.values.isEmpty || term.values.contains { e.project?.subcommand.lowercased() == $0 || sub.contains($0) }
            case "cat": return term.codes.contains(i.category.rawValue)
            case "status": return term.codes.contains(i.status.rawValue)
            case "step": return term.codes.contains(e.clock.step.rawValue)
            case "light": return term.codes.contains(e.clock.light.rawValue)
            case "kind": return term.codes.contains(i.kind.rawValue)
            case "level": return term.codes.contains(i.level.rawValue)
            default: return nil
            }
        }
    }
}
