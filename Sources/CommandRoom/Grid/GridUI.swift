import KeyProjects
import KeyProjectsStore

/// The editable columns of the monthly progress grid.
public enum GridColumn: Int, CaseIterable, Sendable {
    /// This month's completed investment (万元).
    case completed
    /// 形象进度.
    case progress
    /// The reached date of the project's next milestone.
    case milestone
}

public struct GridCell: Hashable, Sendable {
    public var project: String
    public var column: GridColumn
}

/// The monthly progress grid (issue 4 §2): the account's projects for one month, typed like a
/// spreadsheet. Typed values stay pending (marked) until Enter commits their row; a refused
/// commit keeps them, so they can be applied again after a reload.
public struct GridUI: Equatable, Sendable {
    public var month: YearMonth
    public var rows: [ProgressSheetRow] = []
    public var loaded = false
    public var row = 0
    public var column = GridColumn.completed
    public var offset = 0
    public var pending: [GridCell: String] = [:]
    /// The project whose row is being committed.
    public var committing: String?
    /// Esc with unsaved rows asks once more before leaving.
    public var confirmLeave = false
    /// The sub-commands listed (nil: all).
    public var scope: Set<String>?
    /// Per row being typed in, the versions it was loaded with.
    public var bases: [String: ProgressBase] = [:]

    public init(month: YearMonth) { self.month = month }

    public var current: ProgressSheetRow? { rows.indices.contains(row) ? rows[row] : nil }

    /// The text a cell shows: what was typed, else what is stored.
    public func text(_ r: ProgressSheetRow, _ column: GridColumn) -> String {
        if let typed = pending[GridCell(project: r.project.code, column: column)] { return typed }
        switch column {
        case .completed: return r.completed?.wanText ?? ""
        case .progress: return r.progress
        case .milestone: return r.nextMilestone?.actual?.iso ?? ""
        }
    }

    public func isPending(_ code: String, _ column: GridColumn) -> Bool { pending[GridCell(project: code, column: column)] != nil }
    public func rowIsPending(_ code: String) -> Bool { GridColumn.allCases.contains { isPending(code, $0) } }
    public var pendingRows: Int { Set(pending.keys.map(\.project)).count }

    /// What is wrong with a cell's text, if anything (as you type).
    public func problem(_ r: ProgressSheetRow, _ column: GridColumn, today: Day) -> ProgressProblem? {
        let text = self.text(r, column)
        switch column {
        case .completed:
            if text.isEmpty && !isPending(r.project.code, .completed) { return nil }
            switch ProgressValidation.completed(text) {
            case let .failure(problem): return problem
            case let .success(amount):
                return ProgressValidation.checkTotal(completed: amount, otherMonths: r.otherMonths, total: r.project.totalInvestment)
            }
        case .progress: return nil
        case .milestone:
            guard isPending(r.project.code, .milestone) else { return nil }
            if case let .failure(problem) = ProgressValidation.reachedDate(text, today: today) { return problem }
            return nil
        }
    }

    /// The row's entry and the versions it is based on, or the first problem.
    public func entry(for r: ProgressSheetRow, today: Day) -> Result<(ProgressEntry, ProgressBase), ProgressProblem> {
        for column in GridColumn.allCases {
            if let problem = problem(r, column, today: today) { return .failure(problem) }
        }
        let amount: Money
        switch ProgressValidation.completed(text(r, .completed)) {
        case let .success(m): amount = m
        case let .failure(problem): return .failure(problem)
        }
        var entry = ProgressEntry(project: r.project.code, month: month, completed: amount, progress: text(r, .progress))
        var base = ProgressBase(monthly: r.monthlyVersion)
        if isPending(r.project.code, .milestone), let milestone = r.nextMilestone,
           case let .success(day) = ProgressValidation.reachedDate(text(r, .milestone), today: today) {
            entry.milestonesReached[milestone.kind] = day
            base.milestones[milestone.kind] = milestone.version
        }
        return .success((entry, base))
    }

    /// The committed row's typed values are now stored.
    mutating func noteCommitted() {
        guard let code = committing else { return }
        for column in GridColumn.allCases { pending[GridCell(project: code, column: column)] = nil }
        bases[code] = nil
        committing = nil
    }

    /// A refused commit keeps what was typed. After a stale refusal the row is based on what
    /// is loaded now, so Enter applies the input again, knowingly.
    mutating func noteRefused(stale: Bool) {
        if let code = committing {
            if stale { bases[code] = nil }
            // Back to the refused row: Enter there applies it again.
            if let i = rows.firstIndex(where: { $0.project.code == code }) { row = i }
        }
        committing = nil
    }
}
