import Foundation
import KeyProjects

/// Header language of an exported ledger; both import back.
public enum LedgerHeaderLanguage: String, Sendable, CaseIterable {
    case zh, en
}

extension Store {
    /// The ledger of `kind` as CSV text, in key order, with the words an office writes.
    /// Importing it back changes nothing; exporting again gives the same bytes.
    public func exportLedger(_ kind: LedgerKind, headers: LedgerHeaderLanguage = .zh) throws(StoreError) -> String {
        LedgerText.render(kind, of: try loadPortfolio(), organisation: config.organisation, headers: headers)
    }
}

/// Renders ledgers as CSV text: for export, and for the sample and benchmark generators.
public enum LedgerText {
    public static func render(_ kind: LedgerKind, of portfolio: Portfolio, organisation org: Organisation,
                              headers: LedgerHeaderLanguage = .zh) -> String {
        let files = portfolio.files.sorted { $0.project.code < $1.project.code }
        let rows: [[String]]
        switch kind {
        case .projects:
            rows = files.map { LedgerRows.project($0.project, org) }
        case .monthly:
            rows = files.flatMap { $0.records.map(LedgerRows.monthly) }
        case .milestones:
            rows = files.flatMap { file in
                file.milestones.sorted { $0.kind.rawValue < $1.kind.rawValue }.map(LedgerRows.milestone)
            }
        case .reminders:
            rows = files.flatMap { file in
                file.reminders.sorted { ($0.date, $0.by) < ($1.date, $1.by) }.map(LedgerRows.reminder)
            }
        case .issues:
            rows = portfolio.issues.sorted { $0.id < $1.id }.map(LedgerRows.issue)
        case .meetings:
            rows = portfolio.meetings.sorted { ($0.date, $0.time, $0.id) < ($1.date, $1.time, $1.id) }
                .map { LedgerRows.meeting($0, org) }
        case .awards:
            // Nominations first (awards are made from them), each in key order.
            rows = portfolio.awards.proposals.sorted { ($0.quarter, $0.subcommand, $0.kind.rawValue) < ($1.quarter, $1.subcommand, $1.kind.rawValue) }
                .map { LedgerRows.proposal($0, org) }
                + portfolio.awards.picks.sorted { ($0.quarter, $0.kind.rawValue, $0.place) < ($1.quarter, $1.kind.rawValue, $1.place) }
                .map(LedgerRows.pick)
        }
        return CSVText.write(header: LedgerLayout.columns(kind).map { headers == .zh ? $0.header : $0.english }, rows: rows)
    }
}

/// Entity → ledger cells, column for column with LedgerLayout.
enum LedgerRows {
    static func day(_ d: Day?) -> String { d?.iso ?? "" }
    static func money(_ m: Money?) -> String { m?.wanText ?? "" }

    static func project(_ p: Project, _ org: Organisation) -> [String] {
        [p.code, p.name, Words.projectLevel.word(for: p.level), org.subcommand(p.subcommand)?.name ?? p.subcommand,
         org.locality(p.locality)?.name ?? p.locality, p.constructionUnit, Words.nature.word(for: p.nature),
         Words.stage.word(for: p.stage), p.reserveClass.map(Words.reserveClass.word(for:)) ?? "", p.content,
         p.startYear.map(String.init) ?? "", p.endYear.map(String.init) ?? "", money(p.totalInvestment),
         money(p.annualPlan), p.liaisonLeader, p.responsibleUnit, p.responsiblePerson, p.contact]
    }

    static func proposal(_ p: AwardProposal, _ org: Organisation) -> [String] {
        [p.quarter.description, Words.awardStage.word(for: .nomination), Words.awardKind.word(for: p.kind),
         org.subcommand(p.subcommand)?.name ?? p.subcommand, p.project, "", p.reason, p.by, day(p.recordedOn)]
    }

    static func pick(_ p: AwardPick) -> [String] {
        [p.quarter.description, Words.awardStage.word(for: .award), Words.awardKind.word(for: p.kind), "", p.project, String(p.place),
         "", p.by, day(p.recordedOn)]
    }

    static func monthly(_ m: MonthlyRecord) -> [String] {
        [m.project, m.month.iso, money(m.planned), money(m.completed), m.progress]
    }

    static func milestone(_ m: Milestone) -> [String] {
        [m.project, Words.milestone.word(for: m.kind), day(m.planned), day(m.actual)]
    }

    static func reminder(_ r: Reminder) -> [String] { [r.project, r.date.iso, r.by, r.note] }

    static func issue(_ i: Issue) -> [String] {
        [i.id, i.project, Words.category.word(for: i.category), Words.issueKind.word(for: i.kind),
         Words.issueLevel.word(for: i.level), i.description, Words.status.word(for: i.status), day(i.registeredOn),
         day(i.queuedOn), i.unit, day(i.dispatchedOn), day(i.arrangedOn), day(i.feedbackOn), day(i.solvedOn),
         day(i.reopenedOn), day(i.clearedOn), day(i.planSubmittedOn), day(i.deadline), i.deadlineReason,
         Words.yesNo.word(for: i.listed ? .yes : .no), i.supervision.solution, i.supervision.unit,
         i.supervision.leader, i.supervision.person, day(i.supervision.deadline), i.group, i.note,
         i.reopenCount == 0 ? "" : String(i.reopenCount)]
    }

    static func meeting(_ m: Meeting, _ org: Organisation) -> [String] {
        [m.id, m.date.iso, m.time, Words.meetingKind.word(for: m.kind), m.title, m.chair,
         LedgerDecoding.scopeWord(m.scope, org), m.location, m.note, m.series, m.scheduledOn?.iso ?? "",
         m.cancelled ? Words.yesNo.word(for: .yes) : ""]
    }
}

/// CSV text as RFC 4180 has it: a field holding a comma, a quote or a line break is quoted,
/// its quotes doubled. (CSV.swift's writer, used before, wrote one byte per stream call: 50 s for
/// the ledgers of 20,000 projects; this builds the text in memory.)
public enum CSVText {
    public static func write(header: [String], rows: [[String]]) -> String {
        var out = ""
        out.reserveCapacity(64 * (rows.count + 1))
        appendRow(header, to: &out)
        for row in rows { appendRow(row, to: &out) }
        return out
    }

    static func appendRow(_ fields: [String], to out: inout String) {
        for (i, cell) in fields.enumerated() {
            if i > 0 { out.append(",") }
            let field = guardingFormula(cell)
            if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out.append("\"")
                out.append(field.replacingOccurrences(of: "\"", with: "\"\""))
                out.append("\"")
            } else {
                out.append(field)
            }
        }
        out.append("\n")
    }

    /// A cell as written into CSV meant for a spreadsheet (OWASP "CSV injection"): text that
    /// begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be taken by Excel for a
    /// formula (`=CMD()`, `+1+1`, `@SUM(A1)`), so it gets a leading `'`, which Excel shows as
    /// text. A number (`-12.5`, `+3`, `-4%`) is left as it is: it is no formula, and money and
    /// days must stay numbers. So that every text reads back as it was, a text that already
    /// begins with `'`s before one of those characters gets one more; `unguardingFormula`
    /// takes exactly one away. Every CSV cmdroom writes passes through here (`write`).
    public static func guardingFormula(_ cell: String) -> String {
        let rest = cell.utf8.drop { $0 == 0x27 }
        guard let first = rest.first, formulaStarts.contains(first) else { return cell }
        if rest.count == cell.utf8.count, isPlainNumber(cell) { return cell }
        return "'" + cell
    }

    /// A cell read from a ledger, with the `'` that `guardingFormula` added taken away: a `'`
    /// followed (after any more `'`s) by `=`, `+`, `-`, `@`, a tab or a carriage return.
    public static func unguardingFormula(_ cell: String) -> String {
        guard cell.utf8.first == 0x27 else { return cell }
        let rest = cell.utf8.drop { $0 == 0x27 }
        guard let first = rest.first, formulaStarts.contains(first) else { return cell }
        return String(cell.dropFirst())
    }

    /// `=`, `+`, `-`, `@`, tab, carriage return.
    static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// `-12.5`, `+3`, `7`, `-4%`: an optional sign, digits, optionally a point and digits, an
    /// optional per cent sign.
    static func isPlainNumber(_ cell: String) -> Bool {
        var bytes = Substring(cell).utf8[...]
        if let f = bytes.first, f == 0x2D || f == 0x2B { bytes = bytes.dropFirst() }
        if bytes.last == 0x25 { bytes = bytes.dropLast() }
        let parts = bytes.split(separator: 0x2E, maxSplits: 1, omittingEmptySubsequences: false)
        guard !bytes.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) else { return false }
        return true
    }

    /// Encodes export text for a file.
    public static func encode(_ text: String, as encoding: LedgerEncoding) -> Data? { TextDecoding.encode(text, as: encoding) }
}
