import TerminalKit

/// The themes built into the binary; `themes/NAME.toml` holds the same text (a test keeps them
/// equal) and is where to start a theme of one's own (`--theme path/to/file.toml`).
/// The mono theme, parsed once.
enum BuiltinThemes {
    static let mono = BuiltinTheme.mono.theme
}

public enum BuiltinTheme: String, CaseIterable, Sendable {
    case dark, light, wall, mono

    public var toml: String {
        switch self {
        case .dark: return BuiltinTheme.darkTOML
        case .light: return BuiltinTheme.lightTOML
        case .wall: return BuiltinTheme.wallTOML
        case .mono: return BuiltinTheme.monoTOML
        }
    }

    public var theme: Theme {
        // The built-in texts are checked by the tests; a parse failure would be a build defect.
        (try? Theme.parse(toml, file: "\(rawValue).toml")) ?? Theme(name: rawValue, styles: [:])
    }

    static let darkTOML = #"""
# cmdroom theme: dark (the default). Colours are names, "default" or 0-255; the screen reduces
# 256 colours to 16 or 8 when the terminal has fewer, and drops them under NO_COLOR.
name = "dark"

[roles]
header = { fg = 252, bg = 236 }
title = { fg = "bright-white", bg = 236, bold = true }
tab = { fg = 250, bg = 236 }
"tab.active" = { fg = "black", bg = "cyan", bold = true }
text = { fg = "default" }
muted = { fg = 244 }
"table.header" = { fg = "bright-white", bg = 238, bold = true }
"table.section" = { fg = "cyan", bold = true }
selection = { fg = "bright-white", bg = 24, bold = true }
status = { fg = 252, bg = 236 }
"keybar.key" = { fg = "black", bg = "cyan", bold = true }
"keybar.label" = { fg = 250, bg = 235 }
"card.blue" = { fg = "bright-blue", bold = true }
"card.behind" = { fg = 252 }
"card.yellow" = { fg = "bright-yellow", bold = true }
"card.red" = { fg = "bright-white", bg = "red", bold = true }
"light.green" = { fg = "green" }
"light.yellow" = { fg = "bright-yellow", bold = true }
"light.red" = { fg = "bright-red", bold = true }
stall = { fg = "bright-magenta", bold = true }
alert = { fg = "bright-red", bold = true }
notice = { fg = "bright-green" }
modal = { fg = 252, bg = 237 }
"modal.border" = { fg = "cyan", bg = 237 }
"calendar.today" = { fg = "black", bg = "bright-yellow", bold = true }
"calendar.meeting" = { fg = "bright-cyan", bold = true }
"calendar.selected" = { fg = "bright-white", bg = 24, bold = true }
"calendar.weekend" = { fg = 244 }
bar = { fg = "cyan" }
"bar.empty" = { fg = 238 }
"wall.clock" = { fg = "bright-white", bg = 236, bold = true }
"""#

    static let lightTOML = #"""
# cmdroom theme: light, for terminals with a light background.
name = "light"

[roles]
header = { fg = "black", bg = 254 }
title = { fg = "black", bg = 254, bold = true }
tab = { fg = 238, bg = 254 }
"tab.active" = { fg = "bright-white", bg = "blue", bold = true }
text = { fg = "default" }
muted = { fg = 243 }
"table.header" = { fg = "black", bg = 252, bold = true }
"table.section" = { fg = "blue", bold = true }
selection = { fg = "black", bg = 153, bold = true }
status = { fg = "black", bg = 254 }
"keybar.key" = { fg = "bright-white", bg = "blue", bold = true }
"keybar.label" = { fg = 238, bg = 253 }
"card.blue" = { fg = "blue", bold = true }
"card.behind" = { fg = 238 }
"card.yellow" = { fg = 130, bold = true }
"card.red" = { fg = "bright-white", bg = "red", bold = true }
"light.green" = { fg = "green" }
"light.yellow" = { fg = 130, bold = true }
"light.red" = { fg = "red", bold = true }
stall = { fg = "magenta", bold = true }
alert = { fg = "red", bold = true }
notice = { fg = "green" }
modal = { fg = "black", bg = 255 }
"modal.border" = { fg = "blue", bg = 255 }
"calendar.today" = { fg = "black", bg = 229, bold = true }
"calendar.meeting" = { fg = "blue", bold = true }
"calendar.selected" = { fg = "black", bg = 153, bold = true }
"calendar.weekend" = { fg = 243 }
bar = { fg = "blue" }
"bar.empty" = { fg = 252 }
"wall.clock" = { fg = "black", bg = 254, bold = true }
"""#

    static let wallTOML = #"""
# cmdroom theme: wall, high contrast for the command room's big screen.
name = "wall"

[roles]
header = { fg = "bright-white", bg = "black" }
title = { fg = "bright-white", bg = "black", bold = true }
tab = { fg = "white", bg = "black" }
"tab.active" = { fg = "black", bg = "bright-white", bold = true }
text = { fg = "bright-white", bold = true }
muted = { fg = "white" }
"table.header" = { fg = "black", bg = "bright-white", bold = true }
"table.section" = { fg = "bright-cyan", bold = true, underline = true }
selection = { fg = "black", bg = "bright-cyan", bold = true }
status = { fg = "bright-white", bg = "black" }
"keybar.key" = { fg = "black", bg = "bright-white", bold = true }
"keybar.label" = { fg = "bright-white", bg = "black" }
"card.blue" = { fg = "bright-white", bg = "blue", bold = true }
"card.behind" = { fg = "bright-white", bold = true }
"card.yellow" = { fg = "black", bg = "bright-yellow", bold = true }
"card.red" = { fg = "bright-white", bg = "red", bold = true }
"light.green" = { fg = "bright-green", bold = true }
"light.yellow" = { fg = "bright-yellow", bold = true }
"light.red" = { fg = "bright-white", bg = "red", bold = true }
stall = { fg = "bright-magenta", bold = true }
alert = { fg = "bright-white", bg = "red", bold = true }
notice = { fg = "bright-green", bold = true }
modal = { fg = "bright-white", bg = "black" }
"modal.border" = { fg = "bright-white", bg = "black", bold = true }
"calendar.today" = { fg = "black", bg = "bright-yellow", bold = true }
"calendar.meeting" = { fg = "bright-cyan", bold = true }
"calendar.selected" = { fg = "black", bg = "bright-cyan", bold = true }
"calendar.weekend" = { fg = "white" }
bar = { fg = "bright-cyan", bold = true }
"bar.empty" = { fg = "white" }
"wall.clock" = { fg = "black", bg = "bright-white", bold = true }
"""#

    static let monoTOML = #"""
# cmdroom theme: mono, attributes only — what NO_COLOR and monochrome terminals get. Cards
# still read: each has a glyph and a word, red is bold and reversed.
name = "mono"

[roles]
header = { reverse = true }
title = { reverse = true, bold = true }
tab = { reverse = true }
"tab.active" = { bold = true, underline = true }
text = {}
muted = { dim = true }
"table.header" = { bold = true, underline = true }
"table.section" = { bold = true }
selection = { reverse = true }
status = { reverse = true }
"keybar.key" = { bold = true }
"keybar.label" = {}
"card.blue" = {}
"card.behind" = { dim = true }
"card.yellow" = { bold = true }
"card.red" = { bold = true, reverse = true }
"light.green" = {}
"light.yellow" = { bold = true }
"light.red" = { bold = true, reverse = true }
stall = { bold = true }
alert = { bold = true, reverse = true }
notice = { bold = true }
modal = {}
"modal.border" = { bold = true }
"calendar.today" = { bold = true, underline = true }
"calendar.meeting" = { bold = true }
"calendar.selected" = { reverse = true }
"calendar.weekend" = { dim = true }
bar = { bold = true }
"bar.empty" = { dim = true }
"wall.clock" = { reverse = true, bold = true }
"""#
}
