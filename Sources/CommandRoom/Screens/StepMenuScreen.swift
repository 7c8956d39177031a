import KeyProjects
import TerminalKit

/// The steps an issue's status allows and the account may take, one key each; Enter or the
/// step's key opens its form.
struct StepMenuScreen: Screen {
    var menu: StepMenu
    var isOverlay: Bool { true }

    func bindings(_ state: AppState) -> [Binding] {
        [Binding([.enter], .choose, help: nil).bar("bar.choose", 0),
         Binding([.down, .character("j"), .tab], .down, help: nil).bar("bar.move", 10),
         Binding([.up, .character("k")], .up, help: nil),
         Binding([.escape, .character("q")], .cancel, help: nil).bar("bar.cancel", 20)]
            + menu.steps.compactMap { kind in Update.stepKeys[kind].map { Binding([.character($0)], .chooseStep(kind), help: nil) } }
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        let chosen: IssueActionKind
        switch action {
        case .cancel: return .pop()
        case .up: menu.selected = (menu.selected + menu.steps.count - 1) % menu.steps.count; return .handled()
        case .down: menu.selected = (menu.selected + 1) % menu.steps.count; return .handled()
        case .choose: chosen = menu.steps[menu.selected]
        case let .chooseStep(kind): chosen = kind
        default: return .handled()
        }
        guard let issue = state.data?.portfolio.issues.first(where: { $0.id == menu.issue }) else { return .handled() }
        return .replace(FormScreen(FormCatalog.step(chosen, issue, state)))
    }

    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome { .handled() }
    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome { .handled() }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { FormRender.menu(menu, state, &canvas) }
}
