extension Strings {
    /// The mouse (issue 14 §2), English. `{on}`: the `:set` command that turns it on, as typed.
    static let enMouseTable: [String: String] = [
        // In place of "any key closes" at the foot of help: a line more would not fit at 80×24.
        "help.mouse": "a key or a click closes · double-click opens · Shift-drag selects text",
        "help.closeMouse": "any key or a click closes",
        "mouse.on": "mouse on: click tabs, rows and the key bar, the wheel scrolls; Shift-drag selects text",
        "mouse.off": "mouse off: the terminal selects text as usual; {on} turns it back on",
        "mouse.pasteHint": "the right and middle buttons go to cmdroom: to paste, hold Shift as you click, or press Shift+Insert; --no-mouse leaves the mouse alone",
        "wall.help.mouse": "a click holds the cycle or resumes it (as Space).",
    ]
}
