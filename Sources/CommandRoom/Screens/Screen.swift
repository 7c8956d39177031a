import StringTables
import TerminalKit

/// One screen of the dashboard (tig's `view_ops`, htop's `Panel`): the keys it takes with their
/// words, what an action does, how it draws into the area it is given and what its status line
/// says. The dashboard is a stack of screens (`AppState.screens`): the top one takes the keys;
/// the last one that is not an overlay is drawn with the header, status line and key bar round
/// it, and the overlays above it are drawn over it in order.
public protocol Screen: Sendable {
    /// Drawn over the screens below it (a form, a menu, help, the `:` line, a filter being
    /// typed, the grid's question), which stay as they were.
    var isOverlay: Bool { get }
    /// Drawn with the header, the status line and the key bar (all screens but the wall's).
    var isFramed: Bool { get }
    /// The view a root screen belongs to (its tab in the header).
    var view: DashboardView? { get }
    /// Whether a bound key first clears what the status line said (a notice answers one key;
    /// a failure stays). Screens that say what each key did keep their own words.
    var clearsNoticeOnKey: Bool { get }
    /// Whether keys that arrive together with line ends or tabs are a paste here (a terminal
    /// without bracketed paste sends a paste as keys).
    var readsBurstsAsPaste: Bool { get }
    /// Its keys: each bound to an action, with the words for `?` and, for some, the key bar.
    func bindings(_ state: AppState) -> [Binding]
    /// What a bound key's action does.
    mutating func perform(_ action: Action, _ state: inout AppState) -> Outcome
    /// A key none of its bindings has: text typed into a field, or nothing.
    mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome
    /// Text pasted (line ends as `\n`).
    mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome
    /// Draws into `area` (the body between header and status line for a framed screen, the
    /// whole terminal for an overlay or the wall).
    func draw(_ state: AppState, _ canvas: inout Canvas, _ area: Rect)
    /// The left of the status line (nil: the screen below says it).
    func status(_ state: AppState) -> StatusParts?
    /// Lines under the keys in `?` help (the filter syntax).
    func helpNotes(_ strings: Strings) -> [String]
    /// The screen is on top again after the one above it was closed: data to read again.
    mutating func reappeared(_ state: inout AppState) -> [AppEffect]
    /// A left click on something this screen drew (a row of its list, a grid's cell, its
    /// box); `double`: the second press on it within the double-click time. A row is
    /// selected; a double click opens it as Enter does. Tabs and the key bar act as keys
    /// before this (`MouseUpdate.swift`).
    mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome
    /// How many times a notch of the mouse wheel presses ↑ or ↓ here: a row in a list, three
    /// lines on a page of text.
    var wheelStep: Int { get }
}

extension Screen {
    public var isOverlay: Bool { false }
    public var isFramed: Bool { true }
    public var view: DashboardView? { nil }
    public var clearsNoticeOnKey: Bool { !isOverlay }
    public var readsBurstsAsPaste: Bool { false }
    public mutating func typed(_ key: Key, _ state: inout AppState) -> Outcome { .ignored }
    public mutating func pasted(_ text: String, _ state: inout AppState) -> Outcome {
        state.message = state.strings["msg.pasteIgnored"]
        state.messageIsError = false
        return .handled()
    }
    public func status(_ state: AppState) -> StatusParts? { nil }
    public func helpNotes(_ strings: Strings) -> [String] { [] }
    public mutating func reappeared(_ state: inout AppState) -> [AppEffect] { [] }
    public mutating func clicked(_ target: HitTarget, double: Bool, _ state: inout AppState) -> Outcome { .ignored }
    public var wheelStep: Int { 1 }
}

/// What handling a key leads to (htop's `HandlerResult`, Bubble Tea's returned command).
public enum Outcome: Sendable {
    /// Done; the screen stays, with the effects to run.
    case handled([AppEffect] = [])
    /// A new screen over this one.
    case push(any Screen, [AppEffect] = [])
    /// This screen closes.
    case pop([AppEffect] = [])
    /// This screen gives way to another in its place (the overview's next page).
    case replace(any Screen, [AppEffect] = [])
    /// Every screen closes and a view's screen is shown (keys 1–4, Tab).
    case root(any Screen, [AppEffect] = [])
    case quit
    /// Not this screen's key.
    case ignored
}

/// The left of the status line, and whether the store and account stand at its right; or the
/// edit line: a field being typed in shown whole across the screen (a grid cell, a form's text
/// field), with its name before it.
public struct StatusParts: Sendable {
    public var left: String
    public var showsAccount: Bool
    public var edit: TextInput?
    /// Beside the edit line: what is wrong with the text.
    public var note = ""
    public init(_ left: String, showsAccount: Bool = true) { self.left = left; self.showsAccount = showsAccount }
    public init(editing input: TextInput, label: String) { left = label; showsAccount = false; edit = input }
}

/// Where things go on a framed screen.
enum Layout {
    /// Between the header (row 0) and the status line and key bar (the last two rows).
    static func body(_ state: AppState) -> Rect { Rect(x: 0, y: 1, width: state.width, height: state.height - 3) }
    static func statusRow(_ state: AppState) -> Rect { Rect(x: 0, y: state.height - 2, width: state.width, height: 1) }
    static func keyBarRow(_ state: AppState) -> Rect { Rect(x: 0, y: state.height - 1, width: state.width, height: 1) }
}
