import Foundation
import KeyProjects
import TextLayout

/// Header language of an exported ledger; both import back.
public enum LedgerHeaderLanguage: String, Sendable, CaseIterable {
    case zh, en
}

extension SQLBackedStore {
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

extension CSVText {
    /// Encodes export text for a file.
    public static func encode(_ text: String, as encoding: LedgerEncoding) -> Data? { TextDecoding.encode(text, as: encoding) }
}
