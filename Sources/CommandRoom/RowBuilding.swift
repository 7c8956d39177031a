import KeyProjects
import TerminalKit

/// The rows the board and the queue show. The sort order and the search texts are rebuilt when
/// the data, the sort or the grouping change; a filter keystroke only walks the sorted order
/// once — a key press on 20,000 projects stays within a frame.
enum RowBuilding {
    /// New data: the sort order, the search texts (once everything is loaded, after the first
    /// frame; until then only when a filter needs them), then the rows.
    static func reindex(_ state: inout AppState, previous: DashboardData? = nil) {
        // Search texts depend only on the projects and the queue: kept when a reload after a
        // write brings the same ones (rebuilding them for 20,000 projects and 50,000 issues
        // took a few hundred milliseconds of each commit).
        let sameProjects = previous.map { old in
            guard let new = state.data, old.board.standings.count == new.board.standings.count else { return false }
            return zip(old.board.standings, new.board.standings).allSatisfy { $0.project == $1.project }
        } ?? false
        let sameQueue = previous.map { $0.complete && $0.queueGeneration == state.data?.queueGeneration } ?? false
        if !sameProjects { state.board.search = [] }
        if !sameQueue { state.queue.search = [] }
        state.board.order = state.data.map { boardOrder(state, $0) } ?? []
        if let data = state.data, data.complete {
            if state.board.search.count != data.board.standings.count {
                state.board.search = data.board.standings.map { BoardFilterMatch.searchText($0, data.organisation) }
            }
            if state.queue.search.count != data.queue.count {
                state.queue.search = data.queue.map { QueueFilterMatch.searchText($0, data.organisation) }
            }
        }
        refresh(&state)
    }

    /// Rebuilds the board's order (the sort or the grouping changed), then its rows.
    static func resort(_ state: inout AppState) {
        if let data = state.data { state.board.order = boardOrder(state, data) }
        refreshBoard(&state)
    }

    /// The search texts, the first time a plain filter word needs them.
    static func ensureSearch(_ state: inout AppState) {
        guard let data = state.data else { return }
        if state.board.search.count != data.board.standings.count, FilterQuery(state.board.filter.text, BoardFilterMatch.spec.with(state.data?.organisation)).hasPlainWords {
            state.board.search = data.board.standings.map { BoardFilterMatch.searchText($0, data.organisation) }
        }
        if state.queue.search.count != data.queue.count, FilterQuery(state.queue.filter.text, QueueFilterMatch.spec.with(state.data?.organisation)).hasPlainWords {
            state.queue.search = data.queue.map { QueueFilterMatch.searchText($0, data.organisation) }
        }
    }

    static func boardOrder(_ state: AppState, _ data: DashboardData) -> [Int] {
        let org = data.organisation
        let standings = data.board.standings
        let grouping = state.options.grouping
        var indices = Array(standings.indices)
        switch state.board.sort {
        case .group:
            let order: [String] = grouping == .subcommand ? org.subcommands.map(\.code) : org.localities.map(\.code)
            let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            let groupRank = standings.map { rank[grouping == .subcommand ? $0.project.subcommand : $0.project.locality] ?? Int.max }
            // The keys taken out once: comparing whole standings copied them (half the first frame).
            let colour = standings.map(\.card.colour.severity), stall = standings.map(\.stall.rawValue), code = standings.map(\.project.code)
            indices.sort { a, b in
                if groupRank[a] != groupRank[b] { return groupRank[a] < groupRank[b] }
                if colour[a] != colour[b] { return colour[a] > colour[b] }
                if stall[a] != stall[b] { return stall[a] > stall[b] }
                return code[a] < code[b]
            }
        case .card, .level, .schedule, .reminders, .stall:
            indices.sort { a, b in
                let sa = standings[a], sb = standings[b]
                switch state.board.sort {
                case .card: if sa.card.colour != sb.card.colour { return sa.card.colour > sb.card.colour }
                case .level: if sa.project.level != sb.project.level { return sa.project.level.rank > sb.project.level.rank }
                case .schedule:
                    let ra = sa.card.schedule.ratio ?? .infinity, rb = sb.card.schedule.ratio ?? .infinity
                    if ra != rb { return ra < rb }
                case .reminders: if sa.remindersToDate != sb.remindersToDate { return sa.remindersToDate > sb.remindersToDate }
                default: if sa.stall != sb.stall { return sa.stall > sb.stall }
                }
                return sa.project.code < sb.project.code
            }
        case .name, .locality, .code:
            let keys: [String] = standings.map { st in
                switch state.board.sort {
                case .name: return st.project.name
                // The place column: the locality, or the sub-command when grouped by county.
                case .locality where grouping == .locality: return org.subcommand(st.project.subcommand)?.name ?? st.project.subcommand
                case .locality: return org.locality(st.project.locality)?.name ?? st.project.locality
                default: return st.project.code
                }
            }
            indices.sort { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : standings[$0].project.code < standings[$1].project.code }
        }
        if state.board.descending {
            // Reversed, but projects with no plan this year (no ratio) stay at the end.
            // (ascending, they are already last.)
            let known = state.board.sort == .schedule
                ? indices.firstIndex { standings[$0].card.schedule.ratio == nil } ?? indices.count : indices.count
            indices[..<known].reverse()
        }
        return indices
    }

    /// The board's rows: the sorted order, filtered, with group headings under the group sort.
    static func boardRows(_ state: AppState) -> [BoardRowRef] {
        guard let data = state.data else { return [] }
        let org = data.organisation
        let standings = data.board.standings
        let query = FilterQuery(state.board.filter.text, BoardFilterMatch.spec.with(state.data?.organisation))
        let search = state.board.search
        let indices = query.isEmpty ? state.board.order
            : state.board.order.filter { BoardFilterMatch.matches(query, standings, $0, search: $0 < search.count ? search[$0] : [], org) }
        guard state.board.sort == .group else { return indices.map(BoardRowRef.project) }
        let grouping = state.options.grouping
        func group(_ i: Int) -> String { grouping == .subcommand ? standings[i].project.subcommand : standings[i].project.locality }
        var counts: [String: CardCounts] = [:]
        for i in indices { counts[group(i), default: CardCounts()][standings[i].card.colour] += 1 }
        var rows: [BoardRowRef] = []
        rows.reserveCapacity(indices.count + counts.count)
        var current: String? = nil
        for i in indices {
            let g = group(i)
            if g != current {
                current = g
                let name = grouping == .subcommand ? (org.subcommand(g)?.name ?? g) : (org.locality(g)?.name ?? g)
                rows.append(.heading(group: g, name: name, counts: counts[g] ?? CardCounts()))
            }
            rows.append(.project(i))
        }
        return rows
    }

    static func queueRows(_ state: AppState) -> [Int] {
        guard let data = state.data else { return [] }
        let query = FilterQuery(state.queue.filter.text, QueueFilterMatch.spec.with(state.data?.organisation))
        return data.queue.indices.filter { i in
            let e = data.queue[i]
            if !state.queue.showCleared && e.issue.status == .cleared { return false }
            if state.queue.overdueOnly && !(e.clock.isOverdue && e.issue.status.isOpen) { return false }
            if state.queue.listedOnly && !e.issue.listed { return false }
            return query.isEmpty || QueueFilterMatch.matches(query, e, search: i < state.queue.search.count ? state.queue.search[i] : [],
                                                             data.organisation)
        }
    }

    /// Rebuilds both views' rows from the current order and filters.
    static func refresh(_ state: inout AppState) {
        refreshBoard(&state)
        refreshQueue(&state)
    }

    static func refreshBoard(_ state: inout AppState) {
        ensureSearch(&state)
        state.board.rows = boardRows(state)
        state.board.headings = state.board.rows.reduce(0) { if case .heading = $1 { return $0 + 1 }; return $0 }
        // The same project if it is still shown, else the first.
        let standings = state.data?.board.standings ?? []
        let kept = state.board.selectedCode.flatMap { code in
            state.board.rows.firstIndex { if case let .project(i) = $0 { return standings[i].project.code == code }; return false }
        }
        state.board.selected = clampSelection(kept ?? 0, in: state.board.rows)
        noteBoardSelection(&state)
    }

    static func refreshQueue(_ state: inout AppState) {
        ensureSearch(&state)
        state.queue.rows = queueRows(state)
        let queue = state.data?.queue ?? []
        let kept = state.queue.selectedID.flatMap { id in state.queue.rows.firstIndex { queue[$0].issue.id == id } }
        state.queue.selected = kept ?? 0
        noteQueueSelection(&state)
    }

    /// Remembers what is selected, by its code or id, for the next rebuild.
    static func noteBoardSelection(_ state: inout AppState) {
        guard let data = state.data, state.board.selected < state.board.rows.count,
              case let .project(i) = state.board.rows[state.board.selected], i < data.board.standings.count else { return }
        state.board.selectedCode = data.board.standings[i].project.code
    }

    static func noteQueueSelection(_ state: inout AppState) {
        guard let data = state.data, state.queue.selected < state.queue.rows.count,
              state.queue.rows[state.queue.selected] < data.queue.count else { return }
        state.queue.selectedID = data.queue[state.queue.rows[state.queue.selected]].issue.id
    }

    /// The board's first visible row: the selection in view, and with it the heading of its
    /// group when it is the group's first project (a heading is never left just off the top).
    static func boardOffset(selected: Int, offset: Int, height: Int, rows: [BoardRowRef]) -> Int {
        var first = TableView.visibleOffset(selected: selected, offset: offset, height: height, count: rows.count)
        if first > 0, first == selected, case .heading = rows[first - 1], height > 1 { first -= 1 }
        return first
    }

    /// The nearest project row at or after `i` (headings are not selectable).
    static func clampSelection(_ i: Int, in rows: [BoardRowRef]) -> Int {
        guard !rows.isEmpty else { return 0 }
        var j = min(max(0, i), rows.count - 1)
        while j < rows.count, case .heading = rows[j] { j += 1 }
        if j >= rows.count {
            j = min(max(0, i), rows.count - 1)
            while j > 0, case .heading = rows[j] { j -= 1 }
        }
        return j
    }
}
