import KeyProjects
import KeyProjectsStore
import TerminalKit

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

/// What was asked for when the grid has pending rows: leaving the grid (Esc, q) or quitting
/// the program (C-c).
public enum GridPrompt: Equatable, Sendable {
    case leave
    case quit
}

/// A cell being edited (typed into, or F2 / Enter on a filled cell): its text with a cursor,
/// and what it held (pending) before, which Esc puts back.
public struct GridEdit: Equatable, Sendable {
    public var cell: GridCell
    public var before: String?
    public var input = TextInput()
    /// Editing inside the text (F2, Enter, Backspace): ← → Home End move the cursor. Typing
    /// over a cell instead replaces it, and the arrows end the edit and move, as in Excel.
    public var inText = false
}

/// A save of every pending row: the rows sent whose answers are not in, the rows saved, the
/// refusals (by row, in words), and what to do once all are saved (leave or quit).
public struct GridSaveAll: Equatable, Sendable {
    public var waiting: Set<String> = []
    public var saved = 0
    /// The rows saved, read again together once every answer is in (not one read per row).
    public var savedCodes: [String] = []
    public var refused: [String] = []
    public var then: GridPrompt?
}

/// The monthly progress grid (issue 4 §2): the account's projects for one month, typed like a
/// spreadsheet. Typed values stay pending (marked) until Enter commits their row; a refused
/// commit keeps them, so they can be applied again after a reload.
public struct GridUI: Equatable, Sendable {
    public var month: YearMonth
    public var rows: [ProgressSheetRow] = []
    public var loaded = false
    public var list = ListState()
    public var row: Int { get { list.selected } set { list.selected = newValue } }
    public var offset: Int { get { list.offset } set { list.offset = newValue } }
    public var column = GridColumn.completed
    public var pending: [GridCell: String] = [:]
    /// The rows being committed (sent to the store, its answer not in), with the texts sent:
    /// the answer may come after the cursor moved on, even after the row was typed in again.
    public var committing: [String: [GridColumn: String]] = [:]
    /// The row committed by the last key, until another key comes: a refusal that answers
    /// before the user moved on brings the cursor back to it.
    public var justCommitted: String?
    /// Rows saved whose new versions are not loaded yet: what is typed in them meanwhile is
    /// based on the row as loaded after the save, not on the versions the save replaced.
    public var awaitingRow: Set<String> = []
    /// The cell being edited, with its pending text before the edit began (nil: it was not
    /// pending): Esc takes the edit back; Enter, Tab and the arrows up and down keep it.
    public var editing: GridEdit?
    /// Rows the store (or the checks) refused at their last commit, with the reason: they stay
    /// pending, marked, the reason in the status line on them.
    public var refusals: [String: String] = [:]
    /// The save of every pending row (C-s, `:w`, `s` at the question) under way.
    public var saveAll: GridSaveAll?
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
    /// The codes of the rows with pending cells, in the grid's order.
    public var pendingCodes: [String] {
        let codes = Set(pending.keys.map(\.project))
        return rows.map(\.project.code).filter { codes.contains($0) }
    }

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

    /// The texts of the row's pending cells, as sent when it is committed.
    func sentTexts(_ code: String) -> [GridColumn: String] {
        var texts: [GridColumn: String] = [:]
        for column in GridColumn.allCases { texts[column] = pending[GridCell(project: code, column: column)] }
        return texts
    }

    /// The row `code` was saved: the texts sent are now stored (a cell typed in again since
    /// stays pending, to commit next). Its new versions come with the row read again.
    mutating func noteCommitted(_ code: String) {
        guard let sent = committing.removeValue(forKey: code) else { return }
        for column in GridColumn.allCases {
            let cell = GridCell(project: code, column: column)
            if let text = sent[column], pending[cell] == text { pending[cell] = nil }
        }
        bases[code] = nil
        refusals[code] = nil
        awaitingRow.insert(code)
        if justCommitted == code { justCommitted = nil }
    }

    /// Rows read again after a save: by project, in this month only.
    mutating func rowsLoaded(_ loaded: [ProgressSheetRow], month: YearMonth) {
        guard month == self.month else { return }
        for row in loaded {
            let code = row.project.code
            if let i = rows.firstIndex(where: { $0.project.code == code }) { rows[i] = row }
            awaitingRow.remove(code)
        }
    }

    /// A refused commit of the row `code` keeps what was typed. After a stale refusal the row
    /// is based on what is loaded now, so Enter applies the input again, knowingly.
    mutating func noteRefused(_ code: String, stale: Bool) {
        committing[code] = nil
        if stale { bases[code] = nil }
        // Answered before another key: back to the refused row, where Enter applies it again.
        // Once the user moved on, the cursor stays where it is (the message names the row).
        if justCommitted == code, let i = rows.firstIndex(where: { $0.project.code == code }) { row = i }
        justCommitted = nil
    }
}
