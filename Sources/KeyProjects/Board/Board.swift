import Dispatch
import Foundation

/// Results of concurrent chunks, kept in chunk order.
final class ChunkResults<T>: @unchecked Sendable {
    private var parts: [[T]]
    private let lock = NSLock()
    init(_ count: Int) { parts = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [T]) { lock.lock(); parts[i] = value; lock.unlock() }
    func joined() -> [T] { parts.flatMap { $0 } }
}

/// A project's standing on the board for a month.
public struct ProjectStanding: Sendable {
    public var project: Project
    public var card: CardAssessment
    /// Cards of the twelve months ending with the assessed month, oldest first (fewer when the
    /// ledger is younger).
    public var strip: [CardAssessment]
    public var stall: StallStep
    /// Reminders since last on schedule, counting those after the month up to the as-of day.
    public var remindersToDate: Int
    public var openIssues: Int
    /// Early warning (预警): the card expected next month at the project's recent pace.
    public var forecast: CardForecast? = nil
    /// On an agenda item for a follow-up (a statement or an interview): the months of the cards
    /// it answers, oldest first (`card` is then the latest of them).
    public var followUpMonths: [YearMonth] = []
}

/// How the board groups projects.
public enum BoardGrouping: String, Sendable, CaseIterable, Codable {
    case subcommand, locality
}

/// Counts of each card in a group.
public struct CardCounts: Sendable, Hashable {
    public var blue = 0, behind = 0, yellow = 0, red = 0
    public init() {}
    public var total: Int { blue + behind + yellow + red }
    public subscript(colour: CardColour) -> Int {
        get {
            switch colour { case .blue: return blue; case .behind: return behind; case .yellow: return yellow; case .red: return red }
        }
        set {
            switch colour {
            case .blue: blue = newValue
            case .behind: behind = newValue
            case .yellow: yellow = newValue
            case .red: red = newValue
            }
        }
    }
}

public struct BoardGroup: Sendable {
    public var code: String
    public var name: String
    public var counts: CardCounts
}

/// The three-colour board for one month (挂图作战).
public struct Board: Sendable {
    public var month: YearMonth
    public var asOf: Day
    public var standings: [ProjectStanding]
    public var totals: CardCounts

    /// Assesses every project for `month` (by default the month assessed as of `asOf`).
    public static func assess(_ portfolio: Portfolio, rules: RuleSettings, asOf: Day, month: YearMonth? = nil) -> Board {
        let month = month ?? assessedMonth(asOf: asOf)
        let files = portfolio.files
        // The month just ended counts reminders up to the as-of day (what the next card will
        // see); an earlier month, asked for to look back, counts them as of its own end.
        let reminderDay = month == assessedMonth(asOf: asOf) ? max(asOf, month.lastDay) : month.lastDay
        @Sendable func standing(_ file: ProjectFile) -> ProjectStanding {
            let history = Cards.history(of: file, through: month, rules: rules.cards)
            return ProjectStanding(
                project: file.project, card: history.last!, strip: Array(history.suffix(12)),
                stall: Stall.step(file, through: month, rules: rules.stall),
                remindersToDate: Cards.remindersSinceOnSchedule(file, history: history, upTo: reminderDay),
                openIssues: portfolio.openIssueCounts[file.project.code] ?? 0,
                forecast: Forecasts.forecast(file, card: history.last!, rules: rules.cards, forecast: rules.forecast))
        }
        // Cards are independent per project: a large board is assessed in a few chunks at once.
        let chunks = files.count < 2_000 ? 1 : 4
        let size = (files.count + chunks - 1) / max(1, chunks)
        let parts = ChunkResults<ProjectStanding>(chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let range = min(files.count, c * size)..<min(files.count, (c + 1) * size)
            parts.set(c, range.map { standing(files[$0]) })
        }
        let standings = parts.joined()
        var totals = CardCounts()
        for s in standings { totals[s.card.colour] += 1 }
        return Board(month: month, asOf: asOf, standings: standings, totals: totals)
    }

    /// Card counts per sub-command or per locality, in the organisation's order; projects whose
    /// group the organisation does not know come last under their code.
    public func groups(by grouping: BoardGrouping, organisation: Organisation) -> [BoardGroup] {
        let known: [(code: String, name: String)] = grouping == .subcommand
            ? organisation.subcommands.map { ($0.code, $0.name) }
            : organisation.localities.map { ($0.code, $0.name) }
        var counts: [String: CardCounts] = [:]
        for s in standings {
            counts[grouping == .subcommand ? s.project.subcommand : s.project.locality, default: CardCounts()][s.card.colour] += 1
        }
        var result = known.map { BoardGroup(code: $0.code, name: $0.name, counts: counts[$0.code] ?? CardCounts()) }
        let knownCodes = Set(known.map(\.code))
        for code in counts.keys.sorted() where !knownCodes.contains(code) {
            result.append(BoardGroup(code: code, name: code, counts: counts[code]!))
        }
        return result
    }
}
