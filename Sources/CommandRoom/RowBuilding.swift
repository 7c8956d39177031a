import KeyProjects

/// The rows the board and the queue show, rebuilt when their data, filter, sort or grouping
/// change — never per frame, so a key press on 20,000 projects stays quick.
enum RowBuilding {
    static func boardRows(_ state: AppState) -> [BoardRowRef] {
        guard let data = state.data else { return [] }
        let org = data.organisation
        let query = FilterQuery(state.board.filter.text)
        let standings = data.board.standings
        var indices = Array(standings.indices)
        if !query.isEmpty { indices = indices.filter { BoardFilterMatch.matches(query, standings[$0], org) } }
        let grouping = state.options.grouping
        func group(_ s: ProjectStanding) -> String { grouping == .subcommand ? s.project.subcommand : s.project.locality }

        if state.board.sort == .group {
            let order: [String] = grouping == .subcommand ? org.subcommands.map(\.code) : org.localities.map(\.code)
            let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            indices.sort { a, b in
                let sa = standings[a], sb = standings[b]
                let ga = rank[group(sa)] ?? Int.max, gb = rank[group(sb)] ?? Int.max
                if ga != gb { return ga < gb }
                if sa.card.colour != sb.card.colour { return sa.card.colour > sb.card.colour }
                if sa.stall != sb.stall { return sa.stall > sb.stall }
                return sa.project.code < sb.project.code
            }
            if state.board.descending { indices.reverse() }
            var rows: [BoardRowRef] = []
            var current: String? = nil
            var counts: [String: CardCounts] = [:]
            for i in indices { counts[group(standings[i]), default: CardCounts()][standings[i].card.colour] += 1 }
            for i in indices {
                let g = group(standings[i])
                if g != current {
                    current = g
                    let name = grouping == .subcommand ? (org.subcommand(g)?.name ?? g) : (org.locality(g)?.name ?? g)
                    rows.append(.heading(group: g, name: name, counts: counts[g] ?? CardCounts()))
                }
                rows.append(.project(i))
            }
            return rows
        }
        let key: (ProjectStanding) -> String
        switch state.board.sort {
        case .name: key = { $0.project.name }
        case .locality: key = { org.locality($0.project.locality)?.name ?? $0.project.locality }
        case .code, .group: key = { $0.project.code }
        default: key = { _ in "" }
        }
        indices.sort { a, b in
            let sa = standings[a], sb = standings[b]
            switch state.board.sort {
            case .card:
                if sa.card.colour != sb.card.colour { return sa.card.colour > sb.card.colour }
            case .schedule:
                let ra = sa.card.schedule.ratio ?? 9, rb = sb.card.schedule.ratio ?? 9
                if ra != rb { return ra < rb }
            case .reminders:
                if sa.remindersToDate != sb.remindersToDate { return sa.remindersToDate > sb.remindersToDate }
            case .stall:
                if sa.stall != sb.stall { return sa.stall > sb.stall }
            default:
                let ka = key(sa), kb = key(sb)
                if ka != kb { return ka < kb }
            }
            return sa.project.code < sb.project.code
        }
        if state.board.descending { indices.reverse() }
        return indices.map(BoardRowRef.project)
    }

    static func queueRows(_ state: AppState) -> [Int] {
        guard let data = state.data else { return [] }
        let query = FilterQuery(state.queue.filter.text)
        return data.queue.indices.filter { i in
            let e = data.queue[i]
            if !state.queue.showCleared && e.issue.status == .cleared { return false }
            if state.queue.overdueOnly && !(e.clock.isOverdue && e.issue.status.isOpen) { return false }
            if state.queue.listedOnly && !e.issue.listed { return false }
            return query.isEmpty || QueueFilterMatch.matches(query, e, data.organisation)
        }
    }

    static func refresh(_ state: inout AppState) {
        state.board.rows = boardRows(state)
        state.queue.rows = queueRows(state)
        state.board.selected = clampSelection(state.board.selected, in: state.board.rows)
        state.queue.selected = min(state.queue.selected, max(0, state.queue.rows.count - 1))
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
