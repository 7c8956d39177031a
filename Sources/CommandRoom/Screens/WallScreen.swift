import Foundation
import KeyProjects
import TerminalKit

/// The command room's wall: read-only, full screen, a clock, panels in turn (the runtime's
/// ticks move them); Space and ← → page through them by hand. It has no key bar: its footer
/// says what it shows; `?` lists its keys.
struct WallScreen: Screen {
    var isFramed: Bool { false }

    func bindings(_ state: AppState) -> [Binding] {
        [
            Binding([.right, .character(" "), .character("l")], .nextPanel, help: "help.nextPanel"),
            Binding([.left, .character("h")], .previousPanel, help: "help.previousPanel"),
            Binding([.character("r"), .function(5)], .refresh, help: "help.refresh"),
            Binding([.character("q"), .control("c")], .quit, help: "help.quit"),
            Binding([.character("?"), .function(1)], .help, help: "help.help", opens: { WallHelpScreen(state: $0) }),
        ]
    }

    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome {
        switch action {
        case .nextPanel:
            Self.advance(&state)
            state.wall.lastSwitch = state.now
        case .previousPanel:
            if state.wall.page > 0 {
                state.wall.page -= 1
            } else {
                state.wall.panel = (state.wall.panel + WallPanel.allCases.count - 1) % WallPanel.allCases.count
                state.wall.page = 0
            }
            state.wall.lastSwitch = state.now
        case .quit:
            return .quit
        case .refresh:
            state.message = state.strings["msg.refreshing"]
            state.messageIsError = false
            return .handled([.reload])
        default: break
        }
        return .handled()
    }

    /// The wall's next page, or its next panel after a panel's last page.
    static func advance(_ state: inout AppState) {
        let panel = WallPanel(rawValue: state.wall.panel) ?? .summary
        if WallRender.currentPage(panel, state) + 1 < WallRender.pageCount(panel, state) {
            state.wall.page += 1
        } else {
            state.wall.panel = (state.wall.panel + 1) % WallPanel.allCases.count
            state.wall.page = 0
        }
    }

    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome { .handled() }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { WallRender.draw(state, &canvas) }
}
