import KeyProjects
import KeyProjectsReports
import StringTables
import TerminalKit
import TextLayout

/// Draws the whole frame for a state: header with tabs, the view or detail, status line, key
/// bar, overlays. Pure: the same state gives the same canvas.
public enum Render {
    public static func frame(_ state: AppState) -> Canvas {
        var canvas = draw(state)
        if state.options.ascii { canvas.asciiOnly() }
        return canvas
    }

    static func draw(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        if state.tooSmall {
            tooSmall(state, &canvas)
            return canvas
        }
        if state.options.wall {
            WallRender.draw(state, &canvas)
            if state.overlay == .help { help(state, &canvas) }
            return canvas
        }
        header(state, &canvas)
        let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 3)
        if state.data == nil {
            canvas.put(state.strings["msg.loading"], in: body.row(body.height / 2), align: .center, style: state.style("muted"))
        } else if let grid = state.grid {
            GridRender.draw(grid, state, &canvas, body)
        } else if let triage = state.triage {
            TriageRender.draw(triage, state, &canvas, body)
        } else if let detail = state.detail {
            DetailRender.draw(detail, state, &canvas, body)
        } else {
            switch state.view {
            case .board: BoardRender.draw(state, &canvas, body)
            case .queue: QueueRender.draw(state, &canvas, body)
            case .calendar: CalendarRender.draw(state, &canvas, body)
            case .overview:
                switch state.overviewPage {
                case .cards: OverviewRender.draw(state, &canvas, body)
                case .ranking: RankingRender.draw(state, &canvas, body)
                case .targets: RankingRender.targets(state, &canvas, body)
                case .investment: InvestmentRender.draw(state, &canvas, body)
                case .awards: AwardsRender.draw(state, &canvas, body)
                case .bulletin, .special: ReportPageRender.draw(state, &canvas, body)
                }
            }
        }
        statusLine(state, &canvas)
        keyBar(state, &canvas)
        switch state.overlay {
        case .help?: help(state, &canvas)
        case let .command(input)?:
            input.render(prompt: ":", into: &canvas, rect: Rect(x: 0, y: state.height - 2, width: state.width, height: 1),
                         style: state.style("status"))
        case let .menu(menu)?: FormRender.menu(menu, state, &canvas)
        case let .form(form)?: FormRender.form(form, state, &canvas)
        case nil: break
        }
        if let grid = state.grid, let prompt = grid.prompt { GridRender.prompt(prompt, grid, state, &canvas) }
        return canvas
    }

    static func header(_ state: AppState, _ canvas: inout Canvas) {
        let s = state.strings
        let row = Rect(x: 0, y: 0, width: state.width, height: 1)
        canvas.fill(row, style: state.style("header"))
        var x = canvas.put(" cmdroom ", x: 0, y: 0, style: state.style("title"))
        let titles = DashboardView.allCases.map { s["tab.\($0)"] }
        x += Widgets.tabs(titles, active: state.view.rawValue, into: &canvas, at: x, y: 0,
                          style: state.style("tab"), activeStyle: state.style("tab.active"))
        guard let data = state.data else { return }
        let right = s.format("header.asOf", ["asOf": data.asOf.iso, "month": CardText(strings: s, rules: data.config.rules.cards).monthTitle(data.board.month)])
        let width = DisplayWidth.of(right)
        if x + width + 2 <= state.width {
            canvas.put(right, x: state.width - width - 1, y: 0, style: state.style("header"))
        }
    }

    /// Draws the state's message, if any, in the rows ending above row `bottom`: a message
    /// longer than the line (a refusal naming who may) wraps upwards over the view's last rows
    /// rather than being cut off. False when there is none.
    static func message(_ state: AppState, _ canvas: inout Canvas, above bottom: Int) -> Bool {
        guard let message = state.message else { return false }
        let style = state.messageIsError ? state.style("alert") : state.style("notice")
        let lines = DisplayWidth.wrap(message, columns: max(10, state.width - 2), indent: 0).prefix(max(1, state.height / 3))
        for (i, line) in lines.enumerated() {
            let y = bottom - lines.count + i
            Widgets.statusLine(left: " " + line, right: "", into: &canvas, rect: Rect(x: 0, y: y, width: state.width, height: 1),
                               style: style)
        }
        return true
    }

    static func statusLine(_ state: AppState, _ canvas: inout Canvas) {
        let s = state.strings
        let rect = Rect(x: 0, y: state.height - 2, width: state.width, height: 1)
        var left = ""
        // What a filter leaves out (an unknown key or value): said in full, before the store and account.
        var filterNote = ""
        if message(state, &canvas, above: state.height - 1) { return }
        if let grid = state.grid {
            left = GridRender.status(grid, state)
        } else if let triage = state.triage {
            left = state.strings.format("triage.status", ["done": String(triage.handled), "n": String(triage.keys.count)])
        } else if let detail = state.detail {
            left = DetailRender.position(detail, state) ?? ""
        } else {
            switch state.view {
            case .board:
                if state.board.filtering {
                    filterLine(state.board.filter, candidates: state.board.filterCandidates, BoardFilterMatch.spec.with(state.data?.organisation), state, &canvas, rect)
                    return
                }
                let shown = state.board.rows.count - state.board.headings
                left = s.format("status.board", ["shown": String(shown), "total": String(state.data?.board.standings.count ?? 0),
                                                 "sort": Render.sortWord(state) + (state.board.descending ? "↓" : "")])
                if !state.board.filter.text.isEmpty {
                    let spec = BoardFilterMatch.spec.with(state.data?.organisation)
                    filterNote = FilterQuery(state.board.filter.text, spec).note(spec, s)
                    left += "  /" + state.board.filter.text + filterNote
                }
            case .queue:
                if state.queue.filtering {
                    filterLine(state.queue.filter, candidates: state.queue.filterCandidates, QueueFilterMatch.spec.with(state.data?.organisation), state, &canvas, rect)
                    return
                }
                // With the cleared ones shown, the count is of all issues, not the open ones.
                left = state.queue.showCleared
                    ? s.format("status.queueAll", ["shown": String(state.queue.rows.count), "total": String(state.data?.queue.count ?? 0)])
                    : s.format("status.queue", ["shown": String(state.queue.rows.count), "total": String(state.data?.stats.open ?? 0)])
                var flags: [String] = []
                if state.queue.overdueOnly { flags.append(s["flag.overdue"]) }
                if state.queue.listedOnly { flags.append(s["flag.listed"]) }
                if state.queue.showCleared { flags.append(s["flag.cleared"]) }
                if !flags.isEmpty { left += "  [" + flags.joined(separator: " ") + "]" }
                if !state.queue.filter.text.isEmpty {
                    let spec = QueueFilterMatch.spec.with(state.data?.organisation)
                    filterNote = FilterQuery(state.queue.filter.text, spec).note(spec, s)
                    left += "  /" + state.queue.filter.text + filterNote
                }
            case .calendar:
                left = s.format("status.calendar", ["day": state.calendar.day.iso])
                // The next meeting from the as-of day on (cancelled ones left out).
                if let data = state.data, let next = data.portfolio.meetings.filter({ !$0.cancelled && $0.date >= data.asOf })
                    .min(by: { ($0.date, $0.time, $0.id) < ($1.date, $1.time, $1.id) }) {
                    left += "  " + s.format("status.nextMeeting", ["date": next.date.iso, "time": next.time, "title": next.title])
                }
            case .overview:
                let page = state.overviewPage
                left = s["status.overview"] + " · " + s.format("overview.page", ["n": String(page.rawValue + 1), "of": String(OverviewPage.allCases.count),
                                                                                   "name": s["overview.page.\(page)"]])
            }
        }
        // The account and its role on the roster, or that it only reads.
        let canWrite = !state.options.readOnly && (state.options.role?.writesAnything ?? false)
        let role = canWrite ? state.options.role.map { s["role.\($0.code)"] } ?? "" : s["status.readOnly"]
        // In the grid the line is the current project's: the whole name, the place, the sums.
        let right = state.grid != nil || !filterNote.isEmpty ? "" : "\(state.options.storePath) · \(state.options.user) · \(role)"
        Widgets.statusLine(left: " " + left, right: right + " ", into: &canvas, rect: rect, style: state.style("status"))
    }

    static func keyBar(_ state: AppState, _ canvas: inout Canvas) {
        // While a filter or a command is typed, the keys that end it.
        let typing = state.overlay.map { if case .command = $0 { return true }; return false } ?? false
            || (state.detail == nil && ((state.view == .board && state.board.filtering) || (state.view == .queue && state.queue.filtering)))
        let canWrite = !state.options.readOnly && (state.options.role?.writesAnything ?? false)
        let bar: [(Key, String)]
        if typing {
            bar = [(Key.enter, "bar.keep"), (.escape, "bar.cancel"), (.control("u"), "bar.clearLine")]
                // A filter: Tab completes, ↑ the filters entered before.
                + (state.overlay == nil ? [(Key.tab, "bar.complete"), (.up, "bar.filterHistory")] : [])
        } else if case .form? = state.overlay {
            bar = [(Key.enter, "bar.submit"), (.tab, "bar.nextField"), (.left, "bar.choice"), (.escape, "bar.cancel")]
        } else if case .menu? = state.overlay {
            bar = [(Key.enter, "bar.choose"), (.down, "bar.move"), (.escape, "bar.cancel")]
        } else if state.grid != nil {
            bar = state.grid?.prompt != nil
                ? [(Key.character("s"), "bar.saveAll"), (.character("d"), "bar.discard"), (.escape, "bar.stay")]
                : [(Key.enter, "bar.commitRow"), (.control("s"), "bar.saveAll"), (.tab, "bar.nextCell"), (.escape, "bar.revertOrBack"),
                   (.control("n"), "bar.gridMonth")]
        } else if let triage = state.triage {
            // The actions the current item allows, each with its key.
            var keys: [(Key, String)] = [(Key.right, "bar.nextItem"), (.left, "bar.previousItem")]
            if let data = state.data {
                if let item = Update.currentAgendaItem(triage, state) {
                    let issue = item.issueID.flatMap { id in data.portfolio.issues.first { $0.id == id } }
                    keys += TriageAction.allowed(for: item, issue: issue, levels: data.organisation.issueLevels)
                        .map { (Key.character($0.rawValue), "triage.action.\($0.rawValue)") }
                } else {
                    keys.append((Key.character("d"), "triage.action.d"))
                }
            }
            bar = keys + [(.escape, "bar.back")]
        } else {
            bar = Keymap.bar(for: Update.context(state), canWrite: canWrite, detail: state.detail, page: state.overviewPage)
        }
        let items = bar.map { (key: $0.0.label, label: state.strings[$0.1]) }
        Widgets.keyBar(items, into: &canvas, rect: Rect(x: 0, y: state.height - 1, width: state.width, height: 1),
                       keyStyle: state.style("keybar.key"), labelStyle: state.style("keybar.label"))
    }

    /// The help overlay, drawn from the keymap of the current context; in two columns when one
    /// does not fit the height.
    static func help(_ state: AppState, _ canvas: inout Canvas) {
        let s = state.strings
        let bindings = Keymap.help(for: Update.context(state), canWrite: !state.options.readOnly && (state.options.role?.writesAnything ?? false))
        let keyWidth = bindings.map { DisplayWidth.of($0.keys.map(\.label).joined(separator: " ")) }.max() ?? 0
        let entries = bindings.map { b -> String in
            let keys = b.keys.map(\.label).joined(separator: " ")
            return keys + String(repeating: " ", count: keyWidth - DisplayWidth.of(keys) + 2) + s[b.help]
        }
        let context = Update.context(state)
        let filterSyntax: [String] = switch context {
        case .board: [s["help.filterSyntax"]]
        case .queue: [s["help.filterSyntax.queue"]]
        default: []
        }
        let footer = [""] + filterSyntax + [s["help.commands"], "", s["help.close"]]
        var lines = entries
        if entries.count + footer.count > state.height - 4 {
            let half = (entries.count + 1) / 2
            let width = entries.prefix(half).map { DisplayWidth.of($0) }.max() ?? 0
            lines = (0..<half).map { i in
                let left = entries[i]
                let right = i + half < entries.count ? entries[i + half] : ""
                return left + String(repeating: " ", count: width - DisplayWidth.of(left) + 4) + right
            }
        }
        Widgets.modal(title: s["help.title"], lines: lines + footer, into: &canvas, within: canvas.bounds, ascii: state.options.ascii,
                      style: state.style("modal"), borderStyle: state.style("modal.border"))
    }

    static func tooSmall(_ state: AppState, _ canvas: inout Canvas) {
        let text = state.strings.format("msg.tooSmall", ["width": String(state.width), "height": String(state.height),
                                                         "minWidth": String(AppState.minimumWidth),
                                                         "minHeight": String(AppState.minimumHeight)])
        // Centred, wrapped if the terminal is narrower than the sentence.
        let lines = DisplayWidth.wrap(text, columns: max(1, state.width), indent: 0)
        for (i, line) in lines.enumerated() {
            let y = max(0, (state.height - lines.count) / 2) + i
            if y < state.height { canvas.put(line, in: Rect(x: 0, y: y, width: state.width, height: 1), align: .center, style: state.style("alert")) }
        }
    }

    /// The issues and meetings come in a second read after the board; until then a view that
    /// needs them says so. Returns the data once it is complete.
    static func completeData(_ state: AppState, _ canvas: inout Canvas, _ body: Rect) -> DashboardData? {
        guard let data = state.data else { return nil }
        guard data.complete else {
            canvas.put(state.strings["msg.loadingQueue"], in: body.row(body.height / 2), align: .center, style: state.style("muted"))
            return nil
        }
        return data
    }

    /// The filter being typed, and beside it what Tab offered or what the filter leaves out
    /// (an unknown key or value), when there is any.
    static func filterLine(_ input: TextInput, candidates: [String], _ spec: FilterSpec, _ state: AppState, _ canvas: inout Canvas, _ rect: Rect) {
        let style = state.style("status")
        let s = state.strings
        let note = candidates.isEmpty ? FilterQuery(input.text, spec).note(spec, s)
            : "  " + s.format("filter.candidates", ["list": candidates.joined(separator: " ")])
        guard !note.isEmpty, input.width + 3 < rect.width else {
            input.render(prompt: "/", into: &canvas, rect: rect, style: style)
            return
        }
        canvas.fill(rect, style: style)
        let inputWidth = min(rect.width, input.width + 2)
        input.render(prompt: "/", into: &canvas, rect: Rect(x: rect.x, y: rect.y, width: inputWidth, height: 1), style: style)
        canvas.put(note, x: rect.x + inputWidth, y: rect.y, limit: rect.width - inputWidth, style: style)
    }

    /// The board's sort in words; the place column sorts by sub-command when grouped by county.
    static func sortWord(_ state: AppState) -> String {
        let s = state.strings
        if state.board.sort == .locality && state.options.grouping == .locality { return s["sort.subcommand"] }
        return s["sort.\(state.board.sort)"]
    }

    /// `● 蓝牌`, styled by colour.
    static func card(_ colour: CardColour, _ state: AppState) -> TableCell {
        TableCell(CardGlyphs.glyph(colour, ascii: state.options.ascii) + " " + state.strings.word("card", colour),
                  style: state.style("card.\(colour.rawValue)"))
    }
}
