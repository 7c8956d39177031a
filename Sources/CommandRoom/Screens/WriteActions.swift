import KeyProjects
import KeyProjectsReports
import TerminalKit

/// The keys that write from a view or a page: a reminder, a new issue, an issue's steps. Each
/// opens a form or a menu when the roster allows it, else says why.
enum WriteActions {
    static func perform(_ action: Action, _ state: inout AppState, page: (any PageScreen)? = nil) -> Outcome {
        let detail = page?.detail
        switch action {
        case .remind:
            guard let project = Update.currentProject(state, page: detail),
                  Update.allow(.remind(subcommand: project.subcommand), target: project.name, &state) else { return .handled() }
            return .push(FormScreen(FormCatalog.remind(project, state)))
        case .newIssue:
            guard Update.canWriteAnything(&state) else { return .handled() }
            // The project selected, if this account may register issues on it; else typed in.
            let selected = Update.currentProject(state, page: detail)
                ?? Update.currentIssue(state, page: detail, link: page?.link).flatMap { state.data?.project($0.project) }
            let project = selected.flatMap { WritePermission.allows(state.options.role, .registerIssue(subcommand: $0.subcommand)) ? $0 : nil }
            return .push(FormScreen(FormCatalog.newIssue(project: project?.code, state)))
        case .issueSteps:
            guard let issue = Update.currentIssue(state, page: detail, link: page?.link), let data = state.data else {
                if detail != nil {
                    state.message = state.strings["msg.selectIssue"]
                    state.messageIsError = true
                }
                return .handled()
            }
            let sc = data.project(issue.project)?.subcommand ?? ""
            let possible = IssueWorkflow.possibleSteps(for: issue, levels: data.organisation.issueLevels)
            let mine = possible.filter { WritePermission.allows(state.options.role, .workIssue($0, subcommand: sc, assignedUnit: issue.unit)) }
            if state.options.readOnly || mine.isEmpty {
                if possible.isEmpty {
                    state.message = state.strings.format("msg.noSteps", ["id": issue.id, "status": state.strings.issueStatus(issue)])
                    state.messageIsError = true
                } else if Update.canWriteAnything(&state) {
                    let who = (data.config.roster.accounts(allowedTo: .workIssue(possible[0], subcommand: sc, assignedUnit: issue.unit)))
                        .prefix(6).map(\.account).joined(separator: state.strings["punct.list"])
                    let role = state.options.role.map { state.strings["role.\($0.code)"] } ?? state.strings["role.none"]
                    state.message = state.strings.format("msg.noStepsForYou", ["account": state.options.user, "role": role,
                                                                               "id": issue.id, "who": who])
                    state.messageIsError = true
                }
                return .handled()
            }
            return .push(StepMenuScreen(menu: StepMenu(issue: issue.id, steps: mine)))
        default:
            return .ignored
        }
    }
}
