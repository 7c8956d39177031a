import KeyProjects
import TerminalKit

// What a click on a row does on each screen that draws a list: the row is selected as the
// arrows would select it, and a double click then does what Enter does there. The rows are
// the ones the renderers recorded (`HitTarget.row`); screens not here ignore clicks.

extension BoardScreen {
    mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome {
        // Group headings are not selectable.
        guard case let .row(i, 0) = target, i < state.board.rows.count, case .project = state.board.rows[i] else { return .handled() }
        state.board.selected = i
        Self.keepInView(&state)
        return double ? perform(.open, &state) : .handled()
    }
}

extension QueueScreen {
    mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome {
        guard case let .row(i, 0) = target, i < state.queue.rows.count else { return .handled() }
        state.queue.selected = i
        Self.keepInView(&state)
        return double ? perform(.open, &state) : .handled()
    }
}

extension CalendarScreen {
    /// The calendar's lists, as its renderer records them.
    static let dayMeetingsList = 0, comingList = 1, daysList = 2

    mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome {
        guard case let .row(i, list) = target, let data = state.data else { return .handled() }
        switch list {
        case Self.dayMeetingsList:
            guard i < Self.meetings(on: state.calendar.day, state).count else { return .handled() }
            state.calendar.selected = i
        case Self.daysList:
            let month = state.calendar.day.yearMonth
            guard i < month.dayCount else { return .handled() }
            Self.moveDay(to: month.firstDay.adding(days: i), &state)
        case Self.comingList:
            // The meeting's day, with the meeting selected among that day's.
            let coming = CalendarRender.coming(data)
            guard i < coming.count else { return .handled() }
            Self.moveDay(to: coming[i].date, &state)
            state.calendar.selected = Self.meetings(on: coming[i].date, state).firstIndex { $0.id == coming[i].id } ?? 0
        default:
            return .handled()
        }
        return double ? perform(.open, &state) : .handled()
    }
}

extension AwardsPageScreen {
    mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome {
        guard case let .row(i, 0) = target else { return .handled() }
        state.awardsSelected = i
        return .handled()
    }
}

extension PageScreen {
    /// Lines of text: the wheel moves three at a notch.
    var wheelStep: Int { 3 }

    /// A click on a link's line selects it (as Tab would); a double click opens it.
    mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome {
        guard case let .row(k, 0) = target else { return .handled() }
        link = k
        return double ? perform(.open, &state) : .handled()
    }
}

extension ReportPageScreen {
    var wheelStep: Int { 3 }
}

extension GridScreen {
    /// A click on an editable cell puts the cursor there (elsewhere on a row: the row); a
    /// double click on a cell edits it, as F2 does.
    mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome {
        let row: Int, column: GridColumn?
        switch target {
        case let .cell(r, c): (row, column) = (r, GridColumn(rawValue: c))
        case let .row(r, 0): (row, column) = (r, nil)
        default: return .handled()
        }
        guard row < grid.rows.count else { return .handled() }
        beginKey(&state)
        finishEdit()   // what was typed stays pending, as when the arrows move away
        grid.row = row
        if let column { grid.column = column }
        grid.list.keepInView(height: max(1, GridRender.tableArea(Layout.body(state)).height - 1), count: grid.rows.count)
        return double && column != nil ? perform(.editCell, &state) : .handled()
    }
}

extension StepMenuScreen {
    mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome {
        guard case let .row(i, 0) = target, menu.steps.indices.contains(i) else { return .handled() }
        menu.selected = i
        return double ? perform(.choose, &state) : .handled()
    }
}

extension TriageListScreen {
    mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome {
        guard case let .row(i, 0) = target, i < state.triage?.keys.count ?? 0 else { return .handled() }
        list.selected = i
        return double ? perform(.choose, &state) : .handled()
    }
}

extension HelpScreen {
    /// Any key closes help; so does a click on it.
    mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome { .pop() }
}

extension WallHelpScreen {
    mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome { .pop() }
}

extension WallScreen {
    /// The wall only reads: a click anywhere holds the cycle or resumes it, as Space does (the
    /// second press of a double click does not undo the first).
    mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome {
        double ? .handled() : perform(.holdPanel, &state)
    }
}
