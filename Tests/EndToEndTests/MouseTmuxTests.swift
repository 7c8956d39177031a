import Foundation
import Testing

/// The mouse through the real binary in tmux (issue 14 §2): reports sent into the pane as a
/// terminal sends them (SGR, and X10 from terminals that ignore 1006), under `TERM=xterm` (as
/// PuTTY and Xshell) and `TERM=tmux-256color`; reporting asked of the terminal while the
/// dashboard runs and given back on exit, on a signal and with `:set mouse=off`.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (CI installs it)"))
struct MouseTmuxTests {
    func dashboard(_ scratch: Scratch, term: String, _ options: String = "") throws -> Tmux {
        let store = scratch.path("store")
        let r = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", "linfen"])
        #expect(r.status == 0, "\(r.stderr)")
        return try Tmux(width: 80, height: 24,
                        command: "env TERM=\(term) \(Binaries.cmdroom.path) --store \(store) \(options); echo CMDROOM-EXITED $?")
    }

    /// Whether the pane's program asked for mouse reports (tmux knows: presses, in SGR form).
    func reporting(_ tmux: Tmux) -> String {
        ((try? tmux.tmux(["display", "-p", "-t", tmux.name, "#{mouse_standard_flag}#{mouse_sgr_flag}"]))?.stdout ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Sends bytes into the pane as the terminal would.
    func sendRaw(_ tmux: Tmux, _ text: String) { _ = try? tmux.tmux(["send-keys", "-t", tmux.name, "-l", text]) }

    /// An SGR press and release at a cell (columns and rows from 0 here, from 1 on the wire).
    func click(_ tmux: Tmux, _ x: Int, _ y: Int) {
        sendRaw(tmux, "\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m")
    }

    /// Where `text` is on the pane: its column (CJK characters two wide) and row.
    func place(_ text: String, _ tmux: Tmux) -> (x: Int, y: Int)? {
        for (y, line) in tmux.screen().enumerated() {
            guard let range = line.range(of: text) else { continue }
            return (line[..<range.lowerBound].reduce(0) { $0 + Self.width($1) }, y)
        }
        return nil
    }

    /// Columns a character takes in the pane: two for CJK and full-width forms (all this
    /// screen's wide characters), one for the rest.
    static func width(_ c: Character) -> Int {
        let v = c.unicodeScalars.first?.value ?? 0
        let wide = (0x2E80...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
        return wide ? 2 : 1
    }

    func screenText(_ tmux: Tmux) -> String { tmux.screen().joined(separator: "\n") }

    @Test(arguments: ["xterm", "tmux-256color"])
    func tabsRowsTheKeyBarAndTheWheelAnswerTheMouse(_ term: String) throws {
        let scratch = Scratch()
        let tmux = try dashboard(scratch, term: term)
        defer { tmux.kill() }
        #expect(tmux.waitFor("● 蓝牌 23"), "\(screenText(tmux))")
        #expect(reporting(tmux) == "11", "\(term): mouse reporting asked for")

        // A click on the tab 2 shows the queue; on 1 the board again.
        let tab = try #require(place("2 问题", tmux))
        click(tmux, tab.x + 1, tab.y)
        #expect(tmux.waitFor("13710环节"), "\(term): \(screenText(tmux))")
        click(tmux, try #require(place("1 看板", tmux)).x + 1, 0)
        #expect(tmux.waitFor("● 蓝牌 23"), "\(term): \(screenText(tmux))")

        // A click selects a board row; Enter opens the project selected.
        let row = try #require(place("隰县至永和公路改建工程", tmux))
        click(tmux, row.x + 2, row.y)
        Thread.sleep(forTimeInterval: 0.3)
        tmux.send("Enter")
        #expect(tmux.waitUntil { $0.count > 1 && $0[1].contains("LF2026-0031") && $0[1].contains("隰县至永和公路改建工程") },
                "\(term): \(screenText(tmux))")
        tmux.send("Escape")
        #expect(tmux.waitFor("● 蓝牌 23"))

        // A double click opens another.
        let other = try #require(place("年产20万吨精细化工项目", tmux))
        click(tmux, other.x + 2, other.y)
        click(tmux, other.x + 2, other.y)
        #expect(tmux.waitUntil { $0.count > 1 && $0[1].contains("年产20万吨精细化工项目") }, "\(term): \(screenText(tmux))")
        tmux.send("Escape")
        #expect(tmux.waitFor("● 蓝牌 23"))

        // The wheel: 20 notches down scroll the board past its first rows.
        let first = tmux.screen()[4]
        for _ in 0..<20 { sendRaw(tmux, "\u{1B}[<65;20;10M") }
        #expect(tmux.waitUntil { $0.count > 4 && $0[4] != first },
                "\(term): \(screenText(tmux))")

        // A key-bar entry is its key: `/` opens the filter line.
        let filter = try #require(place("/ 筛选", tmux))
        click(tmux, filter.x, filter.y)
        #expect(tmux.waitFor("Esc 取消"), "\(term): \(screenText(tmux))")
        tmux.send("Escape")

        // X10's form, from a terminal that ignores 1006, right after the Esc above: tab 2
        // again, no stray keys (the Esc's read-ahead once took the report for letters).
        sendRaw(tmux, "\u{1B}[M " + String(UnicodeScalar(UInt8(33 + tab.x + 1))) + "!" + "\u{1B}[M#" + String(UnicodeScalar(UInt8(33 + tab.x + 1))) + "!")
        #expect(tmux.waitFor("13710环节"), "\(term): \(screenText(tmux))")

        // `:set mouse=off` gives the mouse back to the terminal; `q` leaves it off.
        tmux.send(":set mouse=off", "Enter")
        #expect(tmux.waitUntil { _ in self.reporting(tmux) == "00" }, "\(term): reporting still on after :set mouse=off")
        tmux.send(":set mouse=on", "Enter")
        #expect(tmux.waitUntil { _ in self.reporting(tmux) == "11" })
        tmux.send("q")
        #expect(tmux.waitFor("CMDROOM-EXITED 0"))
        #expect(reporting(tmux) == "00", "\(term): reporting left on after quitting")
    }

    @Test func withNoMouseTheReportsChangeNothing() throws {
        let scratch = Scratch()
        let tmux = try dashboard(scratch, term: "xterm", "--no-mouse")
        defer { tmux.kill() }
        #expect(tmux.waitFor("● 蓝牌 23"))
        #expect(reporting(tmux) == "00", "mouse reporting asked for under --no-mouse")
        let before = tmux.screen()
        let tab = try #require(place("2 问题", tmux))
        click(tmux, tab.x + 1, tab.y)
        let row = try #require(place("隰县至永和公路改建工程", tmux))
        click(tmux, row.x + 2, row.y)
        click(tmux, row.x + 2, row.y)
        for _ in 0..<5 { sendRaw(tmux, "\u{1B}[<65;20;10M") }
        sendRaw(tmux, "\u{1B}[M 5!")
        Thread.sleep(forTimeInterval: 1)
        #expect(tmux.screen() == before, "\(screenText(tmux))")
        tmux.send("q")
        #expect(tmux.waitFor("CMDROOM-EXITED 0"))
    }

    @Test func aStopSignalGivesTheMouseBackToTheTerminal() throws {
        let scratch = Scratch()
        let tmux = try dashboard(scratch, term: "xterm")
        defer { tmux.kill() }
        #expect(tmux.waitFor("● 蓝牌 23"))
        #expect(reporting(tmux) == "11")
        tmux.signal("TERM", to: "cmdroom")
        #expect(tmux.waitFor("CMDROOM-EXITED 143"), "\(screenText(tmux))")
        #expect(reporting(tmux) == "00", "reporting left on after SIGTERM")
    }

    @Test func theWallHoldsOnAClick() throws {
        let scratch = Scratch()
        let store = scratch.path("store")
        #expect(try run(Binaries.cmdroom, ["init", "--store", store, "--locality", "linfen"]).status == 0)
        let tmux = try Tmux(width: 80, height: 24, command: "env TERM=xterm \(Binaries.cmdroom.path) wall --store \(store); echo CMDROOM-EXITED $?")
        defer { tmux.kill() }
        #expect(tmux.waitFor("总览"))
        click(tmux, 40, 12)
        #expect(tmux.waitFor("已暂停"), "\(screenText(tmux))")
        tmux.send("q")
        #expect(tmux.waitFor("CMDROOM-EXITED 0"))
        #expect(reporting(tmux) == "00")
    }
}
