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

    /// The project the keys act on: the board's selection, the project page, or the issue
    /// page's project.
    static func currentProject(_ state: AppState) -> Project? {
        guard let data = state.data else { return nil }
        if case let .project(code)? = state.detail { return data.project(code) }
        if case let .issue(id)? = state.detail { return data.portfolio.issues.first { $0.id == id }.flatMap { data.project($0.project) } }
        guard state.detail == nil, state.view == .board, state.board.selected < state.board.rows.count,
              case let .project(i) = state.board.rows[state.board.selected] else { return nil }
        return data.board.standings[i].project
    }

    /// The issue the keys act on: the queue's selection, the issue page, or the issue link
    /// selected (Tab) on a project's or a meeting's page.
    static func currentIssue(_ state: AppState) -> Issue? {
        guard let data = state.data else { return nil }
        if case let .issue(id)? = state.detail { return data.portfolio.issues.first { $0.id == id } }
        if let detail = state.detail, let k = state.detailLink,
           case let .issue(id)? = DetailRender.page(detail, state, width: state.width).first(where: { $0.linkIndex == k })?.link {
            return data.portfolio.issues.first { $0.id == id }
        }
        guard state.detail == nil, state.view == .queue, state.queue.selected < state.queue.rows.count else { return nil }
        return data.queue[state.queue.rows[state.queue.selected]].issue
    }

    static func writeAction(_ action: Action, _ state: inout AppState) -> [AppEffect] {
        switch action {
        case .remind:
            guard let project = currentProject(state),
                  allow(.remind(subcommand: project.subcommand), target: project.name, &state) else { return [] }
            state.overlay = .form(FormCatalog.remind(project, state))
        case .newIssue:
            guard canWriteAnything(&state) else { return [] }
            // The project selected, if this account may register issues on it; else typed in.
            let selected = currentProject(state) ?? currentIssue(state).flatMap { state.data?.project($0.project) }
            let project = selected.flatMap { WritePermission.allows(state.options.role, .registerIssue(subcommand: $0.subcommand)) ? $0 : nil }
            state.overlay = .form(FormCatalog.newIssue(project: project?.code, state))
        case .issueSteps:
            guard let issue = currentIssue(state), let data = state.data else {
                if state.detail != nil {
                    state.message = state.strings["msg.selectIssue"]
                    state.messageIsError = true
                }
                return []
            }
            let sc = data.project(issue.project)?.subcommand ?? ""
            let possible = IssueWorkflow.possibleSteps(for: issue, levels: data.organisation.issueLevels)
            let mine = possible.filter { WritePermission.allows(state.options.role, .workIssue($0, subcommand: sc, assignedUnit: issue.unit)) }
            if state.options.readOnly || mine.isEmpty {
                if possible.isEmpty {
                    state.message = state.strings.format("msg.noSteps", ["id": issue.id, "status": state.strings["status.\(issue.status.rawValue)"]])
                    state.messageIsError = true
                } else if canWriteAnything(&state) {
                    let who = (data.config.roster.accounts(allowedTo: .workIssue(possible[0], subcommand: sc, assignedUnit: issue.unit)))
                        .prefix(6).map(\.account).joined(separator: state.strings["punct.list"])
                    let role = state.options.role.map { state.strings["role.\($0.code)"] } ?? state.strings["role.none"]
                    state.message = state.strings.format("msg.noStepsForYou", ["account": state.options.user, "role": role,
                                                                               "id": issue.id, "who": who])
                    state.messageIsError = true
                }
                return []
            }
            state.overlay = .menu(StepMenu(issue: issue.id, steps: mine))
        case .undo:
            guard canWriteAnything(&state) else { return [] }
            return [.prepareUndo]
        default: break
        }
        return []
    }

    static func handleMenu(_ menu: StepMenu, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        var menu = menu
        var chosen: IssueActionKind? = nil
        switch key {
        case .escape, .character("q"): state.overlay = nil; return []
        case .up, .character("k"): menu.selected = (menu.selected + menu.steps.count - 1) % menu.steps.count
        case .down, .character("j"), .tab: menu.selected = (menu.selected + 1) % menu.steps.count
        case .enter: chosen = menu.steps[menu.selected]
        case let .character(c): chosen = menu.steps.first { stepKeys[$0] == c }
        default: break
        }
        state.overlay = .menu(menu)
        guard let kind = chosen, let issue = state.data?.portfolio.issues.first(where: { $0.id == menu.issue }) else { return [] }
        state.overlay = .form(FormCatalog.step(kind, issue, state))
        return []
    }

    static func handleForm(_ form: Form, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        var form = form
        if form.saving { return [] }   // the store's answer comes first
        switch key {
        case .escape:
            state.overlay = nil
            return []
        case .enter:
            switch FormCatalog.request(form, state) {
            case let .problem(text):
                form.error = text
            case var .request(request):
                // After a stale refusal: based on the issue as loaded now (the reload came in
                // after the refusal).
                if form.rebase, case let .issue(action, id, _) = request,
                   let current = state.data?.portfolio.issues.first(where: { $0.id == id }) {
                    request = .issue(action, id: id, basedOn: current.version)
                }
                form.error = nil
                form.saving = true
                state.overlay = .form(form)
                return [.write(request)]
            }
        case .tab, .down:
            if !form.fields.isEmpty { form.focus = (form.focus + 1) % form.fields.count }
        case .backTab, .up:
            if !form.fields.isEmpty { form.focus = (form.focus + form.fields.count - 1) % form.fields.count }
        default:
            guard form.fields.indices.contains(form.focus) else { break }
            if case let .choice(codes, words) = form.fields[form.focus].kind {
                var field = form.fields[form.focus]
                switch key {
                case .left: field.choice = (field.choice + codes.count - 1) % codes.count; field.input = TextInput()
                case .right, .character(" "): field.choice = (field.choice + 1) % codes.count; field.input = TextInput()
                case .character, .backspace:
                    // Type part of a word to find it: 能源 → 市能源局.
                    _ = field.input.handle(key)
                    if let i = words.firstIndex(where: { !field.input.text.isEmpty && $0.contains(field.input.text) }) { field.choice = i }
                default: break
                }
                form.fields[form.focus] = field
            } else {
                _ = form.fields[form.focus].input.handle(key)
            }
        }
        state.overlay = .form(form)
        return []
    }

    /// The store's answer to a write: what is on screen is read again, as little as the
    /// write can have changed.
    static func written(_ message: String, _ request: WriteRequest, _ state: inout AppState) -> [AppEffect] {
        if case .form? = state.overlay { state.overlay = nil }
        state.message = message
        state.messageIsError = false
        if case let .progress(entry, _) = request {
            state.grid?.noteCommitted(entry.project)
            // One row of a save-all: the board is read again once, after the last answer.
            if state.grid?.saveAll?.waiting.contains(entry.project) == true {
                var effects: [AppEffect] = [.loadGridRows([entry.project])]
                effects += saveAllAnswered(entry.project, refusal: nil, &state)
                return effects
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
        if gridRow == nil, case var .form(form)? = state.overlay {
            form.saving = false
            form.error = message
            // Enter again applies the input to the issue as it stands now.
            if stale, case let .issue(kind, id, _) = form.purpose,
               let current = state.data?.portfolio.issues.first(where: { $0.id == id }) {
                form.rebase = true
                form.purpose = .issue(kind, id: id, version: current.version)
            }
            state.overlay = .form(form)
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
        state.overlay = .form(Form(purpose: .undo(summary: summary), title: state.strings["form.undo.title"], fields: []))
    }
}
