/// What a terminal sends after an Esc, read as one thing: a key, the start of a bracketed paste,
/// or a sequence cmdroom has no use for, consumed whole. ncurses decodes the sequences its
/// terminfo entry lists; the others (PuTTY's Home `ESC[1~` and End `ESC[4~`, F1 `ESC[11~`
/// under `TERM=xterm`, the Linux console's `ESC[[A`, modified arrows `ESC[1;5C`) reach us as
/// Esc and then their characters, which used to act as Esc and then letters. Mouse reports,
/// SGR and X10, are read here too (ncurses is told not to take them: see `NcursesScreen`).
public enum EscapeSequence {
    public enum Outcome: Equatable, Sendable {
        case key(Key)
        /// `ESC[200~`: what follows, up to `ESC[201~`, is pasted text.
        case pasteStart
        /// A mouse report (`ESC[<0;5;1M`, or X10's `ESC[M` and three bytes).
        case mouse(MouseEvent)
        /// A well-formed sequence with no meaning here (Insert, a focus event, a mouse report
        /// of motion or of the wheel tilted sideways, a malformed one).
        case ignored
    }

    public enum Decoded: Equatable, Sendable {
        /// More characters could complete a sequence.
        case incomplete
        /// A sequence of `consumed` characters (after the Esc).
        case complete(Outcome, consumed: Int)
        /// The Esc was a key of its own, followed by other keys.
        case notASequence
    }

    /// Decodes the characters that followed an Esc.
    public static func decode(_ chars: [Character]) -> Decoded {
        guard let first = chars.first else { return .incomplete }
        switch first {
        case "[": return csi(chars)
        case "O":
            guard chars.count >= 2 else { return .incomplete }
            return .complete(ss3(chars[1]), consumed: 2)
        default:
            return .notASequence
        }
    }

    /// `ESC [ parameters intermediates final`, ECMA-48; and the Linux console's `ESC [ [ A`–`E`.
    static func csi(_ chars: [Character]) -> Decoded {
        if chars.count >= 2, chars[1] == "[" {
            guard chars.count >= 3 else { return .incomplete }
            let n = "ABCDE".firstIndex(of: chars[2]).map { "ABCDE".distance(from: "ABCDE".startIndex, to: $0) + 1 }
            return .complete(n.map { .key(.function($0)) } ?? .ignored, consumed: 3)
        }
        // X10's mouse report: three bytes of any value after `ESC [ M`, not a CSI's parameters.
        if chars.count >= 2, chars[1] == "M" {
            guard chars.count >= 5 else { return .incomplete }
            return .complete(MouseReport.x10(Array(chars[2..<5])).map { .mouse($0) } ?? .ignored, consumed: 5)
        }
        var i = 1
        var parameters = ""
        while i < chars.count, let v = chars[i].asciiValue, (0x30...0x3F).contains(v) { parameters.append(chars[i]); i += 1 }
        while i < chars.count, let v = chars[i].asciiValue, (0x20...0x2F).contains(v) { i += 1 }
        guard i < chars.count else { return .incomplete }
        guard let v = chars[i].asciiValue, (0x40...0x7E).contains(v) else {
            // Not a sequence after all: the characters so far are dropped with it.
            return .complete(.ignored, consumed: i)
        }
        return .complete(meaning(final: chars[i], parameters: parameters), consumed: i + 1)
    }

    static func meaning(final: Character, parameters: String) -> Outcome {
        if parameters.first == "<" {
            guard final == "M" || final == "m" else { return .ignored }
            return MouseReport.sgr(parameters.dropFirst(), final: final).map { .mouse($0) } ?? .ignored
        }
        // Modifiers (`1;5C`, Ctrl-Right) are read as the key itself.
        let first = Int(parameters.split(separator: ";").first ?? "") ?? 0
        if let key = letterKeys[final] { return .key(key) }
        switch final {
        case "Z": return .key(.backTab)
        case "P", "Q", "R", "S": return first <= 1 ? .key(.function(Int(final.asciiValue! - 0x50) + 1)) : .ignored
        case "~":
            switch first {
            case 1, 7: return .key(.home)
            case 4, 8: return .key(.end)
            case 3: return .key(.delete)
            case 5: return .key(.pageUp)
            case 6: return .key(.pageDown)
            case 11...15: return .key(.function(first - 10))
            case 17...21: return .key(.function(first - 11))
            case 23, 24: return .key(.function(first - 12))
            case 200: return .pasteStart
            default: return .ignored
            }
        default: return .ignored
        }
    }

    /// The arrows, Home and End: the same final letter after `ESC [` and `ESC O`.
    static let letterKeys: [Character: Key] = ["A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end]

    /// `ESC O x`: the keypad's application mode (xterm's F1–F4, arrows, Home, End).
    static func ss3(_ c: Character) -> Outcome {
        if let key = letterKeys[c] { return .key(key) }
        switch c {
        case "M": return .key(.enter)
        case "P", "Q", "R", "S": return .key(.function(Int(c.asciiValue! - 0x50) + 1))
        default: return .ignored
        }
    }

    /// The end of a bracketed paste.
    public static let pasteEnd: [Character] = ["\u{1B}", "[", "2", "0", "1", "~"]

    /// Pasted text as the screens take it: line ends as one `\n` whether the copy had CRLF
    /// (Excel, WPS), CR or LF.
    ///
    /// One more form: `tmux paste-buffer` (without `-r`) turns each LF into CR, so a CRLF copy
    /// arrives as CR CR. A paste with no LF whose CRs all come in pairs is read that way, one
    /// line end per pair (otherwise every other row of a pasted column would be a blank cell).
    public static func pastedText(_ chars: [Character]) -> String {
        var out = ""
        out.reserveCapacity(chars.count)
        if doubledCR(chars) {
            var skip = false
            for c in chars {
                if c == "\r" {
                    if !skip { out.append("\n") }
                    skip.toggle()
                } else {
                    out.append(c)
                }
            }
            return out
        }
        var afterCR = false
        for c in chars {
            // Read a character at a time, CR and LF come apart; put together, Swift reads them
            // as one Character.
            if c == "\n" && afterCR { afterCR = false; continue }
            afterCR = c == "\r"
            if c == "\r\n" || c == "\r" { out.append("\n") } else { out.append(c) }
        }
        return out
    }

    /// Whether the paste's line ends are CR CR pairs (a CRLF copy through tmux's paste-buffer):
    /// no LF, at least one CR, and every run of CRs of even length.
    static func doubledCR(_ chars: [Character]) -> Bool {
        var run = 0, pairs = 0
        for c in chars {
            if c == "\n" || c == "\r\n" { return false }
            if c == "\r" { run += 1; continue }
            if run % 2 != 0 { return false }
            pairs += run / 2
            run = 0
        }
        if run % 2 != 0 { return false }
        return pairs + run / 2 > 0
    }
}
