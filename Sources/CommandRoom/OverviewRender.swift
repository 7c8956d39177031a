import KeyProjects
import KeyProjectsReports
import TerminalKit
import TextLayout

/// The overview: each group's card mix as a stacked bar, the ladder, the queue's lights, and
/// the coming meetings. The wall's first panel draws the same.
enum OverviewRender {
    /// `meetings: false` leaves out the coming meetings (the tiled wall has them in a panel).
    static func draw(_ state: AppState, _ canvas: inout Canvas, _ body: Rect, meetings: Bool = true) {
        guard let data = state.data else { return }
        let s = state.strings
        let groups = data.stats.groups(state.options.grouping)
        let nameWidth = min(36, max(8, groups.map { DisplayWidth.of($0.name) }.max() ?? 8))
        let countsWidth = 26
        let barWidth = max(10, body.width - nameWidth - countsWidth - 6)
        let top = groups.map(\.counts.total).max() ?? 1
        let inner = body.inset(left: 1)
        canvas.put(s[state.options.grouping == .subcommand ? "board.bySubcommand" : "board.byLocality"] + "  " + legend(state),
                   in: inner.row(0), style: state.style("table.section"))
        var y = 1
        for g in groups where y < body.height - (meetings ? 8 : 3) {
            canvas.put(g.name, in: Rect(x: body.x + 1, y: body.y + y, width: nameWidth, height: 1), style: state.style("text"))
            var x = body.x + nameWidth + 2
            // The bar's length is the group's size against the largest group's.
            let length = top == 0 ? 0 : Int((Double(g.counts.total) / Double(top) * Double(barWidth)).rounded())
            let lengths = Widgets.segments(CardColour.allCases.map { g.counts[$0] }, width: length)
            for (colour, width) in zip(CardColour.allCases, lengths) {
                x += canvas.put(String(repeating: fill(colour, state), count: width), x: x, y: body.y + y,
                                limit: max(0, body.x + nameWidth + 2 + barWidth - x), style: state.style("card.\(colour.rawValue)"))
            }
            let counts = CardColour.allCases.map { "\(CardGlyphs.glyph($0, ascii: state.options.ascii))\(g.counts[$0])" }.joined(separator: " ")
            canvas.put(counts, in: Rect(x: body.x + nameWidth + barWidth + 4, y: body.y + y, width: countsWidth, height: 1),
                       style: state.style("muted"))
            y += 1
        }
        y += 1
        let ladder = data.stats.ladder
        canvas.put(s.format("overview.ladder", ["one": String(ladder[1]), "two": String(ladder[2]), "three": String(ladder[3])]),
                   in: inner.row(y), style: state.style("text"))
        y += 1
        if data.complete {
            let lights = ClockLight.allCases.map { light in
                "\(QueueRender.lightGlyph(light, ascii: state.options.ascii)) \(s.word("light", light)) \(data.stats.lights[light] ?? 0)"
            }.joined(separator: "  ")
            canvas.put(s.format("overview.queue", ["n": String(data.stats.open), "lights": lights,
                                                   "listed": String(data.stats.listed)]),
                       in: inner.row(y), style: state.style("text"))
            y += 2
            guard meetings else { return }
            canvas.put(s["calendar.coming"], in: inner.row(y), style: state.style("table.section"))
            y += 1
            for m in Meetings.between(data.portfolio.meetings, from: data.asOf, to: data.asOf.adding(days: 30)) where y < body.height {
                canvas.put("\(m.date.iso) \(m.time)  \(MeetingText.kind(m.kind, data.organisation.names, s))  \(MeetingText.title(m, s))", in: inner.row(y), style: state.style("muted"))
                y += 1
            }
        }
    }

    /// The data and the overview's figures, or "reading…" while they are being worked out
    /// (the pages after the first, and the wall's panels that show them).
    static func figures(_ state: AppState, _ canvas: inout Canvas, _ body: Rect) -> (DashboardData, OverviewFigures)? {
        guard let data = state.data else { return nil }
        guard let figures = state.figures else {
            canvas.put(state.strings["msg.loading"], in: body.inset(left: 1).row(body.height / 2), align: .center, style: state.style("muted"))
            return nil
        }
        return (data, figures)
    }

    static func fill(_ colour: CardColour, _ state: AppState) -> String {
        if state.options.ascii {
            switch colour { case .blue: return "="; case .behind: return "-"; case .yellow: return "+"; case .red: return "#" }
        }
        switch colour { case .blue: return "█"; case .behind: return "░"; case .yellow: return "▓"; case .red: return "▒" }
    }

    static func legend(_ state: AppState) -> String {
        CardColour.allCases.map { "\(fill($0, state))\(state.strings.word("card", $0))" }.joined(separator: " ")
    }
}
