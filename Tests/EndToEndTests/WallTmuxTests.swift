import Foundation
import Testing

/// The wall for a room (issue 14 §6), by the real binary in tmux at 300×80: the panels fill
/// the screen (at least 90 % of its rows), the card counts in block digits, Space holds.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (CI installs it)"))
struct WallTmuxTests {
    let sample = Binaries.repositoryRoot.appendingPathComponent("sample-data/linfen").path

    @Test func theWallAtThreeHundredByEightyUsesNinetyPercentOfItsRows() throws {
        let scratch = Scratch()
        let store = scratch.path("store")
        let r = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", sample])
        #expect(r.status == 0, "\(r.stderr)")
        let tmux = try Tmux(width: 300, height: 80,
                            command: "\(Binaries.cmdroom.path) wall --store \(store) --cycle 600; echo CMDROOM-EXITED $?")
        defer { tmux.kill() }
        // Every panel at once at this size, the figures' panels included once worked out.
        #expect(tmux.waitFor("各县（市、区）完成投资对照序时"), "\(tmux.screen())")
        #expect(tmux.waitUntil { screen in
            let used = screen.prefix(80).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
            return used * 10 >= 80 * 9
        }, "\(tmux.screen().enumerated().map { "\($0.offset): \($0.element.prefix(120))" }.joined(separator: "\n"))")
        #expect(tmux.screen().contains { $0.contains("██████") })
        tmux.send(" ")
        #expect(tmux.waitFor("已暂停"), "\(tmux.screen())")
        tmux.send("q")
        #expect(tmux.waitFor("CMDROOM-EXITED 0"), "\(tmux.screen())")
    }
}
