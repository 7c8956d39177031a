/// Text bound for a terminal: a control character in it (ESC [ 2 J in a project name) would
/// be obeyed by the terminal — clear the screen, move the cursor, retitle the window — so when
/// output goes to a terminal, every C0 control character but line feed and tab, DEL and every
/// C1 control character is written as a visible Swift-style escape, `\u{1B}`. Output to a file
/// or a pipe is left byte for byte as it is (an exported ledger imports back).
public enum TerminalText {
    /// Whether a scalar is a control character a terminal would act on (not LF, not tab), or
    /// a bidirectional control that would make the text show other than it is (U+202E turns
    /// what follows around: "Trojan Source").
    @inline(__always)
    public static func isUnsafeControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || (v >= 0x7F && v < 0xA0)
            || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `text` with each unsafe control character written as `\u{XX}` (hexadecimal, upper case).
    public static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafeControl) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isUnsafeControl(s) {
                out.append(contentsOf: "\\u{\(String(s.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}
