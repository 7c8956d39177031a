import Foundation
import Testing

/// Keys as PuTTY and Xshell send them under `TERM=xterm`, and a bracketed paste, through the
/// real binary in tmux.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (CI installs it)"))
struct TerminalInputTmuxTests {
    func dashboard(_ scratch: Scratch) throws -> Tmux {
        let store = scratch.path("store")
        let r = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", "linfen"])
        #expect(r.status == 0, "\(r.stderr)")
        return try Tmux(width: 80, height: 24, command: "env TERM=xterm \(Binaries.cmdroom.path) --store \(store); echo CMDROOM-EXITED $?")
    }

    /// Sends raw bytes, as a terminal would.
    func sendRaw(_ tmux: Tmux, _ text: String) { _ = try? tmux.tmux(["send-keys", "-t", tmux.name, "-l", text]) }

    @Test func puttysHomeEndAndF1AreTheirKeysNotEscAndLetters() throws {
        let scratch = Scratch()
        let tmux = try dashboard(scratch)
        defer { tmux.kill() }
        #expect(tmux.waitFor("● 蓝牌"))
        tmux.send("2")
        #expect(tmux.waitFor("13710环节"))
        sendRaw(tmux, "\u{1B}[4~")   // End: the queue's last row, still on the queue
        #expect(tmux.waitUntil { $0.contains { $0.contains("Q2026-0030") } && $0.contains { $0.contains("13710环节") } },
                "\(tmux.screen().joined(separator: "\n"))")
        sendRaw(tmux, "\u{1B}[1~")   // Home: the first row
        #expect(tmux.waitUntil { $0.contains { $0.contains("Q2026-0040") } }, "\(tmux.screen().joined(separator: "\n"))")
        sendRaw(tmux, "\u{1B}[2~\u{1B}[?1;2c\u{1B}[1;5C")   // Insert, a device report, Ctrl-Right: nothing moves
        sendRaw(tmux, "\u{1B}[11~")  // F1: help
        #expect(tmux.waitFor("按键"), "\(tmux.screen().joined(separator: "\n"))")
        tmux.send("Escape")
        #expect(tmux.waitUntil { $0.contains { $0.contains("13710环节") } }, "still on the queue: \(tmux.screen().joined(separator: "\n"))")
        tmux.send("q")
        #expect(tmux.waitFor("CMDROOM-EXITED 0"))
    }

    @Test func aBracketedPasteArrivesAsTypedTextWithOneLineEndPerLine() throws {
        let scratch = Scratch()
        let tmux = try dashboard(scratch)
        defer { tmux.kill() }
        #expect(tmux.waitFor("● 蓝牌"))
        tmux.send("/")
        let file = scratch.path("paste.txt")
        try Data("蒲县".utf8).write(to: URL(fileURLWithPath: file))
        _ = try tmux.tmux(["load-buffer", file])
        _ = try tmux.tmux(["paste-buffer", "-p", "-t", tmux.name])
        #expect(tmux.waitFor("/蒲县"), "\(tmux.screen().joined(separator: "\n"))")
        #expect(tmux.waitFor("蒲县应急指挥中心建设项目"))
        tmux.send("Escape", "Escape", "q")
        #expect(tmux.waitFor("CMDROOM-EXITED 0"))
    }
}

/// Terminals ncurses cannot drive, and those without an alternate screen.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (CI installs it)"))
struct PlainTerminalTests {
    @Test func vt100AndTheLinuxConsoleAreLeftClearAfterQuitting() throws {
        let scratch = Scratch()
        let store = scratch.path("store")
        #expect(try run(Binaries.cmdroom, ["init", "--store", store, "--locality", "linfen"]).status == 0)
        for term in ["vt100", "linux"] {
            let tmux = try Tmux(width: 80, height: 24, command: "env TERM=\(term) \(Binaries.cmdroom.path) --store \(store); echo CMDROOM-EXITED $?")
            defer { tmux.kill() }
            #expect(tmux.waitFor("● 蓝牌"), "\(term): \(tmux.screen().joined(separator: "\n"))")
            tmux.send("q")
            #expect(tmux.waitFor("CMDROOM-EXITED 0"), "\(term)")
            let left = tmux.screen().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(left == ["CMDROOM-EXITED 0"], "\(term) left the dashboard on screen: \(left)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script (util-linux) is not installed"))
    func aDumbTerminalGetsTheBoardAsTextAndAHint() throws {
        let scratch = Scratch()
        let store = scratch.path("store")
        #expect(try run(Binaries.cmdroom, ["init", "--store", store, "--locality", "linfen"]).status == 0)
        // A pseudo-terminal, as a user's: `script` gives the binary one.
        let r = try run(URL(fileURLWithPath: "/usr/bin/script"), ["-qc", "\(Binaries.cmdroom.path) --store \(store); echo EXIT=$?", "/dev/null"],
                        environment: ["TERM": "dumb"])
        #expect(r.stdout.contains("TERM=dumb") && r.stdout.contains("文字版看板"), "\(r.stdout.prefix(400))")
        #expect(r.stdout.contains("三色看板") && r.stdout.contains("EXIT=0"), "\(r.stdout.suffix(200))")
        #expect(!r.stdout.contains("\u{1B}["), "no escape sequences reach a dumb terminal")
    }
}
