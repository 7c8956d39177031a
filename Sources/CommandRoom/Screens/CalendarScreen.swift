import KeyProjects
import TerminalKit

/// The meeting calendar (view 3): a month, the chosen day's meetings, the week.
struct CalendarScreen: Screen {
    var view: DashboardView? { .calendar }
    /// The meeting lists scrolled sideways (`<` `>`; ← → move the day).
    var columns = ColumnScroll()

    func bindings(_ state: AppState) -> [Binding] {
        ExportQuestionScreen.bindings([
            Binding([.enter], .open, help: "help.openMeeting").bar("bar.open", 40),
            Binding([.left, .character("h")], .previousDay, help: "help.previousDay"),
            Binding([.right, .character("l")], .nextDay, help: "help.nextDay"),
            Binding([.up, .character("k")], .previousWeek, help: "help.previousWeek"),
            Binding([.down, .character("j")], .nextWeek, help: "help.nextWeek"),
            Binding([.pageUp, .character("[")], .previousMonth, help: "help.previousMonth").bar("bar.month", 10, key: .character("[")),
            Binding([.pageDown, .character("]")], .nextMonth, help: "help.nextMonth"),
            Binding([.character("t")], .today, help: "help.today"),
            Binding([.character("n")], .nextMeeting, help: "help.nextMeeting").bar("bar.meeting", 30),
            Binding([.character("p")], .previousMeeting, help: "help.previousMeeting"),
            Binding([.character("w")], .toggleWeek, help: "help.week").bar("bar.week", 20),
        ] + columns.bindings(maxOffset: CalendarRender.maxColumnOffset(state), arrows: false, rank: 95), then: SharedBindings.global(), state)
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        let day = state.calendar.day
        if columns.move(action, maxOffset: CalendarRender.maxColumnOffset(state)) { return .handled() }
        switch action {
        case .previousDay: Self.moveDay(to: day.adding(days: -1), &state)
        case .nextDay: Self.moveDay(to: day.adding(days: 1), &state)
        case .previousWeek: Self.moveDay(to: day.adding(days: -7), &state)
        case .nextWeek: Self.moveDay(to: day.adding(days: 7), &state)
        case .previousMonth, .nextMonth:
            let wanted = state.calendar.dayOfMonth ?? day.dayOfMonth
            let month = day.yearMonth.adding(months: action == .nextMonth ? 1 : -1)
            Self.moveDay(to: Day(year: month.year, month: month.month, day: min(wanted, month.dayCount))!, &state)
            state.calendar.dayOfMonth = wanted
        case .today: Self.moveDay(to: state.data?.asOf ?? day, &state)
        case .toggleWeek: state.calendar.week.toggle()
        case .nextMeeting, .previousMeeting:
            let count = Self.meetings(on: state.calendar.day, state).count
            guard count > 0 else { break }
            state.calendar.selected = (state.calendar.selected + (action == .nextMeeting ? 1 : count - 1)) % count
        case .open:
            let list = Self.meetings(on: state.calendar.day, state)
            guard state.calendar.selected < list.count, state.data != nil else { break }
            return MeetingPageScreen.open(list[state.calendar.selected].id, &state)
        default:
            return ViewActions.perform(action, &state)
        }
        return .handled()
    }

    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome {
        key == .escape ? ViewActions.escape(&state) : .ignored
    }

    static func moveDay(to day: Day, _ state: inout AppState) {
        state.calendar.day = day
        state.calendar.selected = 0
        state.calendar.dayOfMonth = nil
    }

    static func meetings(on day: Day, _ state: AppState) -> [Meeting] {
        Meetings.between(state.data?.portfolio.meetings ?? [], from: day, to: day)
    }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { CalendarRender.draw(state, &canvas, area, columns: columns) }

    func status(_ state: AppState) -> StatusParts? {
        let s = state.strings
        var left = s.format("status.calendar", ["day": state.calendar.day.iso])
        // The next meeting from the as-of day on (cancelled ones left out).
        if let data = state.data, let next = data.portfolio.meetings.filter({ !$0.cancelled && $0.date >= data.asOf })
            .min(by: { ($0.date, $0.time, $0.id) < ($1.date, $1.time, $1.id) }) {
            left += "  " + s.format("status.nextMeeting", ["date": next.date.iso, "time": next.time, "title": next.title])
        }
        return StatusParts(left)
    }
}
