import Foundation
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import TerminalKit

/// The grid's work that is not a key: rows loaded, saving every pending row, a paste.
extension Update {
    /// The versions a row's edit is based on: those on screen when its first cell was typed.
    static func noteBase(_ grid: inout GridUI) {
        guard let r = grid.current else { return }
        noteBase(r, &grid)
    }

    static func noteBase(_ r: ProgressSheetRow, _ grid: inout GridUI) {
        guard grid.bases[r.project.code] == nil, !grid.awaitingRow.contains(r.project.code) else { return }
        var base = ProgressBase(monthly: r.monthlyVersion)
        if let m = r.nextMilestone { base.milestones[m.kind] = m.version }
        grid.bases[r.project.code] = base
    }

    /// New rows from the store: keep the cursor on its project and what was typed.
    static func gridLoaded(_ rows: [ProgressSheetRow], month: YearMonth, _ state: inout AppState) {
        guard var grid = state.grid, grid.month == month else { return }
        let code = grid.current?.project.code
        grid.rows = rows
        grid.loaded = true
        if let code, let i = rows.firstIndex(where: { $0.project.code == code }) { grid.row = i }
        grid.row = min(grid.row, max(0, rows.count - 1))
        state.grid = grid
    }

    /// C-s, `:w` and `s` at the question: every pending row committed, each row one write (one
    /// transaction) through the store, based on the versions it was typed on. A row whose
    /// cells are refused by the checks is not sent and stays pending with its reason; a row
    /// whose save is under way is waited for. The words ("已保存 N 行", the refusals by row)
    /// come once every answer is in; then `then` leaves the grid or quits if nothing is left.
    static func saveAllRows(then: GridPrompt?, _ grid: inout GridUI, _ leave: inout Bool, _ state: inout AppState) -> [AppEffect] {
        let today = state.data?.asOf ?? Day(ordinal: 0)
        var batch = grid.saveAll ?? GridSaveAll()
        batch.then = then ?? batch.then
        var effects: [AppEffect] = []
        let byCode = Dictionary(grid.rows.map { ($0.project.code, $0) }, uniquingKeysWith: { a, _ in a })
        for code in grid.pendingCodes {
            guard let r = byCode[code] else { continue }
            if grid.committing[code] != nil { batch.waiting.insert(code); continue }
            switch grid.entry(for: r, today: today) {
            case let .failure(problem):
                let reason = state.errorText.progressProblem(problem)
                grid.refusals[code] = reason
                batch.refused.append(state.strings.format("grid.rowRefused", ["code": code, "name": r.project.name, "reason": reason]))
            case let .success((entry, loadedBase)):
                let base = grid.bases[code] ?? loadedBase
                grid.committing[code] = grid.sentTexts(code)
                batch.waiting.insert(code)
                effects.append(.write(.progress(entry, basedOn: base)))
            }
        }
        grid.saveAll = batch
        if batch.waiting.isEmpty { return finishSaveAll(&grid, &leave, &state) }
        state.message = state.strings.format("grid.saving", ["n": String(batch.waiting.count)])
        state.messageIsError = false
        return effects
    }

    /// Every answer of a save-all is in: its words, and the way out asked for if nothing is
    /// left pending.
    static func finishSaveAll(_ grid: inout GridUI, _ leave: inout Bool, _ state: inout AppState) -> [AppEffect] {
        guard let batch = grid.saveAll, batch.waiting.isEmpty else { return [] }
        grid.saveAll = nil
        let s = state.strings
        var words = s.format("grid.savedRows", ["n": String(batch.saved)])
        if !batch.refused.isEmpty {
            words += s.format("grid.refusedRows", ["n": String(batch.refused.count), "list": batch.refused.joined(separator: s["grid.refusalSeparator"])])
        }
        state.message = words
        state.messageIsError = !batch.refused.isEmpty
        var effects: [AppEffect] = batch.saved > 0 ? [.reloadBoard, .loadGridRows(batch.savedCodes)] : []
        if let then = batch.then, grid.pendingRows == 0 {
            if then == .quit {
                state.quit = true
                effects.append(.quit)
            } else {
                leave = true
            }
        }
        return effects
    }

    /// The store's answer to one row of a save-all (saved, or refused with the words).
    static func saveAllAnswered(_ code: String, refusal: String?, _ state: inout AppState) -> [AppEffect] {
        guard var grid = state.grid, var batch = grid.saveAll, batch.waiting.contains(code) else { return [] }
        batch.waiting.remove(code)
        if let refusal { batch.refused.append(refusal) } else { batch.saved += 1; batch.savedCodes.append(code) }
        grid.saveAll = batch
        var leave = false
        let effects = finishSaveAll(&grid, &leave, &state)
        state.grid = leave ? nil : grid
        return effects
    }

    /// A paste in the grid: from the cursor cell, each line a row downwards and each tab a cell
    /// to the right (a column, or a block as Excel and WPS copy it); CR, LF and CRLF alike, a
    /// last line end adds no row; an empty cell leaves its cell as it is. The cells are
    /// pending and checked as typed ones; nothing is committed. Lines beyond the last row
    /// and cells beyond the last column are counted in the words, not dropped silently.
    static func pasteIntoGrid(_ text: String, _ grid: inout GridUI, _ state: inout AppState) {
        guard grid.loaded, !grid.rows.isEmpty else { return }
        var body = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if body.hasSuffix("\n") { body.removeLast() }
        let lines = body.isEmpty ? [] : body.split(separator: "\n", omittingEmptySubsequences: false)
        let fits = max(0, min(lines.count, grid.rows.count - grid.row))
        var beyondRight = 0
        for (i, line) in lines.prefix(fits).enumerated() {
            let r = grid.rows[grid.row + i]
            let code = r.project.code
            for (j, cell) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                let value = cell.trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { continue }
                guard let column = GridColumn(rawValue: grid.column.rawValue + j) else { beyondRight += 1; continue }
                noteBase(r, &grid)
                grid.pending[GridCell(project: code, column: column)] = value
                grid.refusals[code] = nil
            }
        }
        let s = state.strings
        var words = s.format("grid.pasted", ["n": String(fits)])
        if lines.count > fits { words += s.format("grid.pastedBeyondRows", ["m": String(lines.count - fits)]) }
        if beyondRight > 0 { words += s.format("grid.pastedBeyondColumns", ["m": String(beyondRight)]) }
        state.message = words
        state.messageIsError = lines.count > fits || beyondRight > 0
    }
}
