import Foundation
import KeyProjectsReports
import KeyProjectsStore

/// `:open NAME` (issue 17 §5): a province's or a city's terminal opens the board of a store one
/// level down, read-only, in a dashboard of its own on the same screen; `q` there comes back.
/// Without a name, the stores one level down are listed on the status line.
extension DashboardRuntime {
    func openLower(_ name: String?) {
        let s = state.strings
        func say(_ text: String, error: Bool) {
            state.message = text
            state.messageIsError = error
            dirty = true
        }
        let store = loader.store
        do throws(StoreError) {
            let lower = try store.lowerStores()
            guard let name else {
                say(lower.isEmpty ? s["levels.none"]
                    : s.format("levels.list", ["stores": lower.map { "\($0.store)（\($0.name)）" }.joined(separator: s["cli.listSep"])]),
                    error: false)
                return
            }
            guard let openDashboard = openLowerDashboard else { return say(s["levels.notHere"], error: true) }
            let opened = try store.openLower(name)
            openDashboard(opened)
            // Back from the lower store: at the size the screen has now (it may have been resized
            // meanwhile; the lower dashboard took that event), everything drawn again, and said
            // where we are.
            let (width, height) = screen.size
            dispatch(.resize(width: width, height: height))
            lastFrame = nil
            say(s.format("levels.back", ["name": store.config.organisation.name]), error: false)
        } catch {
            say(ErrorText(strings: s).lines(error).joined(separator: " "), error: true)
        }
    }
}
