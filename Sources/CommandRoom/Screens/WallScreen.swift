import Foundation
import KeyProjects
import TerminalKit

/// The command room's wall: read-only, full screen, a clock, panels in turn (the runtime's
/// ticks move them); ← → step through them by hand, Space holds the cycle and resumes it. It has no key bar: its footer
/// says what it shows; `?` lists its keys.
struct WallScreen: Screen {
    var isFramed: Bool { false }

    func bindings(_ state: AppState) -> [Binding] {
        [
            Binding([.character(" ")], .holdPanel, help: "help.holdPanel"),
            Binding([.right, .character("l")], .nextPanel, help: "help.nextPanel"),
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
                let groups = WallLayout.groups(state)
                let group = WallLayout.group(of: WallPanel(rawValue: state.wall.panel) ?? .summary, state)
                state.wall.panel = groups[(group + groups.count - 1) % groups.count][0].rawValue
                state.wall.page = 0
            }
            state.wall.lastSwitch = state.now
        case .holdPanel:
            // Held, the panel stays; resumed, it stays its full time before the next.
            state.wall.held.toggle()
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

    /// The wall's next page, or its next panel (or group of tiled panels) after the last page.
    static func advance(_ state: inout AppState) {
        let panel = WallPanel(rawValue: state.wall.panel) ?? .summary
        if state.wall.page + 1 < WallRender.groupPageCount(panel, state) {
            state.wall.page += 1
        } else {
            let groups = WallLayout.groups(state)
            state.wall.panel = groups[(WallLayout.group(of: panel, state) + 1) % groups.count][0].rawValue
            state.wall.page = 0
        }
    }

    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome { .handled() }

    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect) { WallRender.draw(state, &canvas) }
}
