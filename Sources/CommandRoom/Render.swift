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
        if state.options.ascii { canvas.asciiOnly() } else if state.options.ambiguous == .wide { canvas.unambiguousOnly() }
        return canvas
    }

    /// The wall's last frame with only its clock drawn anew: a second passing changes nothing
    /// else on it (redrawing every tile each second for the clock cost 8 % of a core at 200×60).
    public static func wallClock(_ state: AppState, over last: Canvas) -> Canvas {
        var canvas = last
        WallRender.drawClock(state, &canvas)
        return canvas
    }

    /// The last screen that is not an overlay is drawn (framed by the header, status line and
    /// key bar unless it is the wall), then the overlays above it in order. Each records what
    /// a click on it means in its own layer, its place in the stack (`MouseUpdate.swift`).
    static func draw(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        if state.tooSmall {
            tooSmall(state, &canvas)
            return canvas
        }
        let base = state.screens.lastIndex { !$0.isOverlay } ?? 0
        let screen = state.screens[base]
        canvas.hitLayer = base
        if screen.isFramed {
            header(state, &canvas)
            let body = Layout.body(state)
            if state.data == nil {
                canvas.put(state.strings["msg.loading"], in: body.row(body.height / 2), align: .center, style: state.style("muted"))
            } else {
                screen.draw(state, &canvas, body)
            }
            statusLine(state, &canvas)
            keyBar(state, &canvas)
        } else {
            // The wall: a click anywhere is a click on it.
            canvas.hit(canvas.bounds, .area)
            screen.draw(state, &canvas, canvas.bounds)
        }
        for (i, overlay) in state.screens.enumerated().dropFirst(base + 1) {
            canvas.hitLayer = i
            overlay.draw(state, &canvas, canvas.bounds)
        }
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
        let values = ["asOf": data.asOf.iso, "month": CardText(strings: s, rules: data.config.rules.cards).monthTitle(data.board.month)]
        // While replaying, the banner takes the as-of's place, in the alert's colours, and
        // stays; shortened to fit beside the tabs.
        let replaying = state.requestedAsOf != nil
        let choices = replaying ? [s.format("header.replay", values), s.format("header.replayShort", values)] : [s.format("header.asOf", values)]
        guard let right = choices.first(where: { x + DisplayWidth.of($0) + 2 <= state.width }) else { return }
        let width = DisplayWidth.of(right)
        canvas.put(right, x: state.width - width - 1, y: 0, style: state.style(replaying ? "alert" : "header"))
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
            canvas.hit(Rect(x: 0, y: y, width: state.width, height: 1), .area)   // not the row under it
            Widgets.statusLine(left: " " + line, right: "", into: &canvas, rect: Rect(x: 0, y: y, width: state.width, height: 1),
                               style: style)
        }
        return true
    }

    /// The message, or the status of the screen nearest the top that has one, with the store
    /// and the account at the right.
    static func statusLine(_ state: AppState, _ canvas: inout Canvas) {
        if message(state, &canvas, above: state.height - 1) { return }
        let parts = state.screens.reversed().lazy.compactMap { $0.status(state) }.first ?? StatusParts("")
        if let input = parts.edit {
            let rect = Layout.statusRow(state), style = state.style("status"), prompt = " " + parts.left + " "
            // The note after the text when both fit; else the text alone, whole as it scrolls.
            let inputWidth = DisplayWidth.of(prompt) + input.width + 2
            guard !parts.note.isEmpty, inputWidth + DisplayWidth.of(parts.note) <= rect.width else {
                input.render(prompt: prompt, into: &canvas, rect: rect, style: style)
                return
            }
            canvas.fill(rect, style: style)
            input.render(prompt: prompt, into: &canvas, rect: Rect(x: rect.x, y: rect.y, width: inputWidth, height: 1), style: style)
            canvas.put(parts.note, x: rect.x + inputWidth, y: rect.y, limit: rect.width - inputWidth, style: state.style("alert"))
            return
        }
        // The account and its role on the roster, or that it only reads.
        let s = state.strings
        let role = state.canWrite ? state.options.role.map { s["role.\($0.code)"] } ?? "" : s["status.readOnly"]
        // What gives way first when the line is short: the store, then the account (the
        // screen's own words, its position and filter, come first).
        // The sample's mark stays longest: its figures are made up, and as of its own day.
        let room = state.width - DisplayWidth.of(parts.left) - 5   // at least three spaces between them
        let sample = state.requestedAsOf == nil ? state.data?.config.sampleAsOf.map { s.format("status.sample", ["asOf": $0.iso]) } : nil
        let right = !parts.showsAccount ? ""
            : [[sample, state.options.storePath, state.options.user, role], [sample, state.options.user, role], [sample, role], [sample]]
                .map { $0.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ") }
                .first { DisplayWidth.of($0) <= room } ?? ""
        Widgets.statusLine(left: " " + parts.left, right: right + " ", into: &canvas, rect: Layout.statusRow(state), style: state.style("status"))
    }

    /// The key bar of the screen nearest the top that has one (help has none: the keys of the
    /// screen under it stay).
    static func keyBar(_ state: AppState, _ canvas: inout Canvas) {
        let owner = state.screens.indices.reversed().lazy
            .map { (index: $0, bar: state.screens[$0].bindings(state).keyBar(canWrite: state.canWrite)) }.first { !$0.bar.isEmpty }
        let bar = owner?.bar ?? []
        let items = bar.map { (key: $0.key.label, label: state.strings[$0.label]) }
        let drawn = Widgets.keyBar(items, into: &canvas, rect: Layout.keyBarRow(state),
                                   keyStyle: state.style("keybar.key"), labelStyle: state.style("keybar.label"))
        // A click on an entry is its key, to the screen whose bar it is (under help, none).
        let layer = canvas.hitLayer
        canvas.hitLayer = owner?.index ?? layer
        for (rect, entry) in zip(drawn, bar) { canvas.hit(rect, .key(entry.key)) }
        canvas.hitLayer = layer
    }

    static func tooSmall(_ state: AppState, _ canvas: inout Canvas) {
        let text = state.strings.format("msg.tooSmall", ["width": String(state.width), "height": String(state.height),
                                                         "minWidth": String(AppState.minimumWidth),
                                                         "minHeight": String(AppState.minimumHeight)])
        // Centred, wrapped if the terminal is narrower than the sentence; only q acts meanwhile.
        let lines = DisplayWidth.wrap(text, columns: max(1, state.width), indent: 0)
            + DisplayWidth.wrap(state.strings["msg.tooSmallKeys"], columns: max(1, state.width), indent: 0)
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
        searchLine(input, note: note, style: style, &canvas, rect)
    }

    /// `/` and what is typed after it, with a note beside it when there is room (what a filter
    /// leaves out, what Tab offered, how many rows a search found).
    static func searchLine(_ input: TextInput, prompt: String = "/", note: String, style: Style, _ canvas: inout Canvas, _ rect: Rect) {
        guard !note.isEmpty, input.width + 3 < rect.width else {
            input.render(prompt: prompt, into: &canvas, rect: rect, style: style)
            return
        }
        canvas.fill(rect, style: style)
        let inputWidth = min(rect.width, input.width + 2)
        input.render(prompt: prompt, into: &canvas, rect: Rect(x: rect.x, y: rect.y, width: inputWidth, height: 1), style: style)
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
