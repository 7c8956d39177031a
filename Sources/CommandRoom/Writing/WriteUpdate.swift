import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import TerminalKit

/// The keys that write: the reminder and new-issue forms, the issue's step menu and forms,
/// undo. The screens offer a write only when the roster allows it; the store checks it again.
extension Update {
    static let stepKeys: [IssueActionKind: Character] = [
        .dispatch: "d", .arrange: "a", .feedback: "f", .resolve: "s", .confirm: "y", .reopen: "n", .return: "b",
        .escalate: "e", .list: "l", .unlist: "x", .plan: "w", .deadline: "t",
    ]

    /// Whether the account writes anything here; if not, says why in the status line.
    static func canWriteAnything(_ state: inout AppState) -> Bool {
        if state.options.readOnly {
            state.message = state.options.writeBlocked ?? state.strings["msg.readOnlyStore"]
            state.messageIsError = true
            return false
        }
        guard state.options.role?.writesAnything ?? false else {
            // Reads only: say so, rather than list who may make this one write.
            let role = state.options.role.map { state.strings["role.\($0.code)"] } ?? state.strings["role.none"]
            state.message = state.strings.format("msg.cannotWrite", ["account": state.options.user, "role": role])
            state.messageIsError = true
            return false
        }
        return true
    }

    /// Whether the account may make `action`; if not, says why in the status line.
    static func allow(_ action: WriteAction, target: String, _ state: inout AppState) -> Bool {
        guard canWriteAnything(&state) else { return false }
        guard WritePermission.allows(state.options.role, action) else {
            let roster = state.data?.config.roster ?? Roster()
            let refusal = AccessRefusal(account: state.options.user, role: state.options.role, action: action, target: target,
                                        allowed: roster.accounts(allowedTo: action))
            state.message = ErrorText(strings: state.strings).accessRefused(refusal)
            state.messageIsError = true
            return false
        }
        return true
    }

    /// The project the keys act on: the page's (a project's, or an issue's project), else the
    /// board's selection.
    static func currentProject(_ state: AppState, page: Detail? = nil) -> Project? {
        guard let data = state.data else { return nil }
        if case let .project(code)? = page { return data.project(code) }
        if case let .issue(id)? = page { return data.portfolio.issues.first { $0.id == id }.flatMap { data.project($0.project) } }
        guard page == nil, state.view == .board, state.board.selected < state.board.rows.count,
              case let .project(i) = state.board.rows[state.board.selected] else { return nil }
        return data.board.standings[i].project
    }

    /// The issue the keys act on: the issue page's, the issue link selected (Tab) on a
    /// project's or a meeting's page, or the queue's selection.
    static func currentIssue(_ state: AppState, page: Detail? = nil, link: Int? = nil) -> Issue? {
        guard let data = state.data else { return nil }
        if case let .issue(id)? = page { return data.portfolio.issues.first { $0.id == id } }
        if let page, let k = link,
           case let .issue(id)? = DetailRender.page(page, state, width: state.width).first(where: { $0.linkIndex == k })?.link {
            return data.portfolio.issues.first { $0.id == id }
        }
        guard page == nil, state.view == .queue, state.queue.selected < state.queue.rows.count else { return nil }
        return data.queue[state.queue.rows[state.queue.selected]].issue
    }

    /// The store's answer to a write: what is on screen is read again, as little as the
    /// write can have changed.
    static func written(_ message: String, _ request: WriteRequest, _ state: inout AppState) -> [AppEffect] {
        if state.top is FormScreen { state.screens.removeLast() }
        state.message = message
        state.messageIsError = false
        if case let .progress(entry, _) = request {
            state.grid?.noteCommitted(entry.project)
            // One row of a save-all: the board is read again once, after the last answer.
            // (Its row is read again with the others, once the last answer is in.)
            if state.grid?.saveAll?.waiting.contains(entry.project) == true {
                return saveAllAnswered(entry.project, refusal: nil, &state)
            }
        }
        var effects: [AppEffect]
        switch request {
        case let .progress(entry, _): effects = [.reloadBoard, .loadGridRows([entry.project])]
        case .remind: effects = [.reloadBoard]
        case .newIssue, .issue, .undo, .decision, .proposeAwards, .pickAwards:
            effects = [.reload]
            if state.grid != nil { effects.append(.loadGrid) }
            if let triage = state.triage { effects.append(.loadDecisions(triage.meeting)) }
        }
        if case let .project(code)? = state.detail { effects.append(.loadProject(code)) }
        if case let .history(scope)? = state.detail { effects.append(.loadHistory(scope)) }
        return effects
    }

    /// A refused write: the form stays open with its input, saying why. A grid row's keeps
    /// what was typed, and the words name the row (the cursor may be elsewhere by now).
    static func refused(_ message: String, stale: Bool, request: WriteRequest?, _ state: inout AppState) -> [AppEffect] {
        var gridRow: String? = nil
        if case let .progress(entry, _)? = request { gridRow = entry.project }
        if gridRow == nil, var screen = state.top as? FormScreen {
            var form = screen.form
            form.saving = false
            form.error = message
            // Enter again applies the input to the issue as it stands now.
            if stale, case let .issue(kind, id, _) = form.purpose,
               let current = state.data?.portfolio.issues.first(where: { $0.id == id }) {
                form.rebase = true
                form.purpose = .issue(kind, id: id, version: current.version)
            }
            screen.form = form
            state.screens[state.screens.count - 1] = screen
            return []
        }
        state.message = message
        state.messageIsError = true
        guard let code = gridRow ?? state.grid?.committing.keys.first else { return [] }
        state.grid?.noteRefused(code, stale: stale)
        state.grid?.refusals[code] = message
        if !message.contains(code) {
            let name = state.data?.project(code)?.name ?? ""
            state.message = state.strings.format("grid.rowRefused", ["code": code, "name": name, "reason": message])
        }
        if state.grid?.saveAll?.waiting.contains(code) == true {
            return saveAllAnswered(code, refusal: state.message ?? message, &state)
        }
        return []
    }

    static func undoPrepared(_ summary: [String], _ state: inout AppState) {
        guard !summary.isEmpty else {
            state.message = state.strings.format("error.nothingToUndo", ["account": state.options.user])
            state.messageIsError = true
            return
        }
        state.push(FormScreen(Form(purpose: .undo(summary: summary), title: state.strings["form.undo.title"], fields: [])))
    }
}
