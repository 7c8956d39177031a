import TOMLKit

/// Named styles ("roles") an application draws with, read from a theme's TOML:
///
///     name = "dark"
///     [roles]
///     title = { fg = "bright-white", bg = 24, bold = true }
///     "card.red" = { fg = "red", bold = true, reverse = true }
///
/// Colours are the 16 names (black … white, bright-black … bright-white), "default", or
/// 256-colour numbers; the screen reduces them to what the terminal has.
public struct Theme: Sendable {
    public var name: String
    public var styles: [String: Style]

    public init(name: String, styles: [String: Style]) { self.name = name; self.styles = styles }

    /// The style of `role`: the exact role, else its parent ("card.red" → "card"), else plain.
    public func style(_ role: String) -> Style {
        if let s = styles[role] { return s }
        if let dot = role.lastIndex(of: "."), let s = styles[String(role[..<dot])] { return s }
        return .plain
    }

    /// The theme without colours (attributes kept): for NO_COLOR and monochrome terminals.
    public var monochrome: Theme { Theme(name: name, styles: styles.mapValues(\.monochrome)) }

    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
    }

    public static func parse(_ text: String, file: String) throws(ParseError) -> Theme {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw ParseError(file: file, line: error.source.begin.line, message: error.description)
        } catch {
            throw ParseError(file: file, line: nil, message: "\(error)")
        }
        let name = root["name"]?.string ?? file
        guard let roles = root["roles"]?.table else { throw ParseError(file: file, line: nil, message: "no [roles] table") }
        var styles: [String: Style] = [:]
        for role in roles.keys {
            guard let t = roles[role]?.table else { throw ParseError(file: file, line: nil, message: "roles.\(role) must be a table") }
            var style = Style()
            for key in t.keys {
                let value = t[key]!
                switch key {
                case "fg", "bg":
                    guard let color = color(value) else {
                        throw ParseError(file: file, line: nil, message: "roles.\(role).\(key): not a colour (a name, \"default\" or 0-255)")
                    }
                    if key == "fg" { style.fg = color } else { style.bg = color }
                case "bold", "dim", "underline", "reverse":
                    guard let flag = value.bool else { throw ParseError(file: file, line: nil, message: "roles.\(role).\(key) must be true or false") }
                    switch key {
                    case "bold": style.bold = flag
                    case "dim": style.dim = flag
                    case "underline": style.underline = flag
                    default: style.reverse = flag
                    }
                default:
                    throw ParseError(file: file, line: nil, message: "roles.\(role).\(key): unknown key (fg, bg, bold, dim, underline, reverse)")
                }
            }
            styles[role] = style
        }
        return Theme(name: name, styles: styles)
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func color(_ value: TOMLValueConvertible) -> Color? {
        if let n = value.int { return (0...255).contains(n) ? .indexed(UInt8(n)) : nil }
        guard let s = value.string?.lowercased() else { return nil }
        if s == "default" { return .default }
        if let i = colorNames.firstIndex(of: s) { return .ansi(UInt8(i)) }
        if s.hasPrefix("bright-"), let i = colorNames.firstIndex(of: String(s.dropFirst(7))) { return .ansi(UInt8(i + 8)) }
        return nil
    }
}
