import TerminalKit
import Testing

/// Sequences terminals send that a terminfo entry may not list: decoded, or dropped whole.
@Suite struct EscapeSequenceTests {
    func decode(_ text: String) -> EscapeSequence.Decoded { EscapeSequence.decode(Array(text)) }

    @Test(arguments: [
        ("[1~", Key.home), ("[4~", .end), ("[7~", .home), ("[8~", .end),          // PuTTY, rxvt
        ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
        ("[11~", .function(1)), ("[15~", .function(5)), ("[17~", .function(6)), ("[24~", .function(12)),
        ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left), ("[H", .home), ("[F", .end), ("[Z", .backTab),
        ("OP", .function(1)), ("OS", .function(4)), ("OA", .up), ("OH", .home),  // xterm's keypad mode
        ("[[A", .function(1)), ("[[E", .function(5)),                             // the Linux console
        ("[1;5C", .right), ("[5;5~", .pageUp),                                    // with Ctrl: the key itself
    ])
    func aKnownSequenceIsItsKey(_ sequence: String, _ key: Key) {
        #expect(decode(sequence) == .complete(.key(key), consumed: sequence.count))
    }

    @Test(arguments: ["[2~", "[?1;2c", "[I", "[O", "[99~", "[<35;3;4M", "[<0;3M", "Ox"])
    func anUnknownSequenceIsConsumedWhole(_ sequence: String) {
        #expect(decode(sequence) == .complete(.ignored, consumed: sequence.count))
    }

    @Test func aSequenceStillArrivingIsIncomplete() {
        for partial in ["", "[", "[1", "[1;5", "O", "[["] { #expect(decode(partial) == .incomplete, "\(partial)") }
    }

    @Test func anEscFollowedByAnotherKeyIsTheEscKey() {
        #expect(decode("q") == .notASequence)
        #expect(decode("x[") == .notASequence)
    }

    @Test func onlyTheSequenceIsConsumed() {
        #expect(decode("[4~jk") == .complete(.key(.end), consumed: 3))
    }

    @Test func aBracketedPasteStartsWithItsMark() {
        #expect(decode("[200~") == .complete(.pasteStart, consumed: 5))
    }

    @Test func pastedLineEndsBecomeOneNewline() {
        #expect(EscapeSequence.pastedText(Array("100\r\n200\r\n300\r\n")) == "100\n200\n300\n")
        #expect(EscapeSequence.pastedText(["1", "0", "\r", "\n", "2", "\r", "3", "\n", "4"]) == "10\n2\n3\n4")
        #expect(EscapeSequence.pastedText(Array("形象进度\t完成\r\n")) == "形象进度\t完成\n")
        // A CRLF copy through tmux's paste-buffer (each LF made CR): one line end per CR CR.
        #expect(EscapeSequence.pastedText(["1", "\r", "\r", "2", "\r", "\r"]) == "1\n2\n")
        // A CR-only paste with one blank line among single CRs keeps its blank line.
        #expect(EscapeSequence.pastedText(["1", "\r", "\r", "2", "\r", "3"]) == "1\n\n2\n3")
    }
}

/// Colours on terminals with fewer of them never hide text.
@Suite struct ColourReductionTests {
    @Test func aGreyOnEightColoursIsTheDefaultForegroundDimmed() {
        let muted = Style(fg: .indexed(244)).reduced(to: 8)
        #expect(muted.fg == .default && muted.dim)
        #expect(Style(fg: .brightBlack).reduced(to: 8) == Style(fg: .default, dim: true))
        // On 16 and 256 colours the grey stays.
        #expect(Style(fg: .indexed(244)).reduced(to: 16).fg == .brightBlack)
        #expect(Style(fg: .indexed(244)).reduced(to: 256).fg == .indexed(244))
    }

    @Test func textInTheBackgroundsColourIsNeverDrawn() {
        let s = Style(fg: .indexed(196), bg: .red).reduced(to: 8)
        #expect(s.fg == .default && s.bg == .red)
        // Black chosen on purpose, on a coloured background, stays.
        #expect(Style(fg: .black, bg: .yellow).reduced(to: 8) == Style(fg: .black, bg: .yellow))
    }

    @Test func noGreyFallsToBlackOnEightColours() {
        let greys: [UInt8] = Array(232...245) + [8, 59, 102, 240, 244]
        for n in greys {
            let s = Style(fg: .indexed(n)).reduced(to: 8)
            #expect(s.fg != .black, "grey \(n) falls to black")
        }
    }
}
