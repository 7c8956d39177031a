@testable import CommandRoom
import Foundation
import TerminalKit
import TextLayout
import Testing

/// Issue 14 §1: how wide the terminal draws ambiguous-width characters, asked at start (against
/// scripted answers of a terminal), overridden by `:set ambiguous=…`, and the screen laid out
/// for it (golden screens board, queue and wall `.wide`).
struct AmbiguousWidthTests {
    /// A scripted terminal: what it answers to the query, in pieces, and what was written.
    final class ScriptedTerminal {
        var pieces: [[UInt8]]
        var written = ""
        var clock = 0.0
        init(_ pieces: [String]) { self.pieces = pieces.map { Array($0.utf8) } }

        func probe() -> AmbiguousWidth? {
            AmbiguousWidthProbe.probe(
                write: { self.written += $0 },
                read: { ms in
                    guard !self.pieces.isEmpty else { self.clock += Double(ms) / 1000; return [] }
                    return self.pieces.removeFirst()
                },
                now: { self.clock })
        }
    }

    @Test func aTerminalThatDrawsTheCircleOneColumnWideIsNarrow() {
        let terminal = ScriptedTerminal(["\u{1B}[12;2R"])
        #expect(terminal.probe() == .narrow)
        // It drew the character, asked, and cleared the line after.
        #expect(terminal.written == AmbiguousWidthProbe.query + AmbiguousWidthProbe.cleanup)
    }

    @Test func aTerminalThatDrawsItTwoColumnsWideIsWide() {
        // The answer in two pieces, after a key the user typed meanwhile.
        #expect(ScriptedTerminal(["x\u{1B}[40;", "3R"]).probe() == .wide)
    }

    @Test func noAnswerIsNothingKnown() {
        let terminal = ScriptedTerminal([])
        #expect(terminal.probe() == nil)
        #expect(terminal.written.hasSuffix(AmbiguousWidthProbe.cleanup))
        // Another answer (not a cursor report, or an odd column) tells nothing either.
        #expect(AmbiguousWidthProbe.width(fromAnswer: Array("\u{1B}[5~".utf8)) == nil)
        #expect(AmbiguousWidthProbe.width(fromAnswer: Array("\u{1B}[3;7R".utf8)) == nil)
    }

    @Test func ambiguousCharactersAreKnown() {
        for c in ["●", "○", "▲", "■", "─", "…", "·", "“", "█", "▒", "┊", "①", "★"] {
            #expect(DisplayWidth.isAmbiguous(c.unicodeScalars.first!), "\(c)")
        }
        for c in ["a", "中", "░", "¥", "✔"] {
            #expect(!DisplayWidth.isAmbiguous(c.unicodeScalars.first!), "\(c)")
        }
    }

    @Test func drawnWideTheScreenHasNoAmbiguousCharacterLeft() {
        var state = Fixture.state()
        #expect(state.screen.joined().contains("●"))
        state.press(.character(":"))
        state.type("set ambiguous=wide")
        state.press(.enter)
        #expect(state.options.ambiguous == .wide)
        for (i, line) in state.screen.enumerated() {
            #expect(!line.unicodeScalars.contains { DisplayWidth.isAmbiguous($0) && DisplayWidth.of($0) == 1 }, "row \(i): \(line)")
        }
        state.press(.character(":"))
        state.type("set ambiguous narrow")
        state.press(.enter)
        #expect(state.options.ambiguous == .narrow)
        state.press(.character(":"))
        state.type("set ambiguous=huge")
        state.press(.enter)
        #expect(state.options.ambiguous == .narrow && state.messageIsError)
    }
}
