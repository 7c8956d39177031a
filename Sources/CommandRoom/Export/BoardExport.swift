import KeyProjects
import KeyProjectsReports
import StringTables

/// The board as it is on screen: every project row in the screen's order and filter, the
/// group headings left out and their group given as the first column instead; the code, the
/// level and the card's reason are there even where the screen is too narrow to show them.
enum BoardExport {
    static func table(_ state: AppState) -> ExportTable? {
        guard let data = state.data else { return nil }
        let s = state.strings
        let org = data.organisation
        let words = CardText(strings: s, rules: data.config.rules.cards)
        let bySubcommand = state.options.grouping == .subcommand
        func subcommand(_ p: Project) -> String { org.subcommand(p.subcommand)?.name ?? p.subcommand }
        func locality(_ p: Project) -> String { org.locality(p.locality)?.name ?? p.locality }
        let reminders: String
        if case let .reminders(needed, _) = data.config.rules.cards.profile {
            // A count alone: Excel reads the screen's `1/2` as a date.
            reminders = s.format("export.col.remindersOf", ["n": String(needed)])
        } else {
            reminders = s["col.reminders"]
        }
        let headers = [s[bySubcommand ? "col.subcommand" : "col.locality"], s["col.code"], s["col.card"], s["export.col.warning"],
                       s["col.name"], s[bySubcommand ? "col.locality" : "col.subcommand"], s["col.level"], s["col.schedule"],
                       reminders, s["col.stall"], s["col.strip"], s["col.reason"]]
        let rows = state.board.rows.compactMap { ref -> [String]? in
            guard case let .project(i) = ref, i < data.board.standings.count else { return nil }
            let st = data.board.standings[i]
            let p = st.project
            return [bySubcommand ? subcommand(p) : locality(p), p.code, s.word("card", st.card.colour),
                    st.forecast?.warning.map { s.word("warning", $0) } ?? "", p.name, bySubcommand ? locality(p) : subcommand(p),
                    s.word("level", p.level), CardText.percent(st.card.schedule.ratio), String(st.remindersToDate),
                    st.stall == .none ? "—" : String(st.stall.rawValue),
                    st.strip.map { CardGlyphs.glyph($0.colour, ascii: state.options.ascii) }.joined(),
                    words.reason(st.card, asOf: data.asOf)]
        }
        let title = ExportTitle.join([
            s.format("board.title", ["hq": org.name, "month": words.monthTitle(data.board.month), "asOf": data.asOf.iso]),
            s[bySubcommand ? "board.bySubcommand" : "board.byLocality"],
            s.format("export.sort", ["sort": Render.sortWord(state) + (state.board.descending ? "↓" : "")]),
            ExportTitle.filter(state.board.filter.text, s),
        ])
        return ExportTable(title: title, headers: headers, rows: rows)
    }
}
