/// Every figure the bench prints: its words in the tables and its unit.
enum Measure: String, Codable, CaseIterable, Sendable {
    // The store, in its own process.
    case openLoad, cards, openLoadCards, loadIssues, triageOrder, importLedger, commitMonthly
    case rssBoard, rssAfterImports
    // The dashboard, in its own process.
    case firstFrame, keyMove, keyFilter, keySwitchView, pasteCommandLine, pasteFilter
    case overviewKey, overviewFigures, overviewPageTurn
    case gridOpen, gridKey, gridCommit, gridCommitKey, gridKeyDuringCommit, gridPasteSave
    case wallIdleCPU, rssDashboard
    // Both engines side by side (`--postgres`).
    case engineMigrate, engineOpenLoadCards, engineCommit, engineNotify, engineImport

    enum Unit: String, Codable, Sendable {
        case milliseconds = "ms", megabytes = "MB", percentOfCore = "%"
    }

    var unit: Unit {
        switch self {
        case .rssBoard, .rssAfterImports, .rssDashboard: .megabytes
        case .wallIdleCPU: .percentOfCore
        default: .milliseconds
        }
    }

    /// The row's words (the grid's row names its size, so it is given when measured).
    var label: String {
        switch self {
        case .openLoad: "open + load"
        case .cards: "compute every card"
        case .openLoadCards: "open + load + cards"
        case .loadIssues: "load every issue"
        case .triageOrder: "issue queue in triage order"
        case .importLedger: "import a 20,000-row ledger"
        case .commitMonthly: "one monthly update committed"
        case .rssBoard: "peak RSS: board and queue loaded"
        case .rssAfterImports: "peak RSS: after the imports"
        case .firstFrame: "time to first frame"
        case .keyMove: "key to frame: move"
        case .keyFilter: "key to frame: type in the filter"
        case .keySwitchView: "key to frame: switch view"
        case .pasteCommandLine: "paste 5,000 characters into the : line (keys to frame)"
        case .pasteFilter: "paste 5,000 characters into the filter (keys to frame)"
        case .overviewKey: "overview: b to its frame (reading…)"
        case .overviewFigures: "overview: b until the figures show"
        case .overviewPageTurn: "overview: b, next page"
        case .gridOpen: "grid: open"
        case .gridKey: "grid: key to frame, typing"
        case .gridCommit: "grid: commit a row to new cards"
        case .gridCommitKey: "grid: Enter to its frame (the commit under way)"
        case .gridPasteSave: "grid: 500 cells pasted, then C-s until all saved"
        case .gridKeyDuringCommit: "grid: key to frame, right after Enter"
        case .wallIdleCPU: "wall (200×60): idle CPU over 10 s"
        case .rssDashboard: "peak RSS of the dashboard process"
        case .engineMigrate: "migrate the store"
        case .engineOpenLoadCards: "open + load + cards"
        case .engineCommit: "one monthly update committed"
        case .engineNotify: "a write seen by another connection"
        case .engineImport: "import the 20,000-row ledger"
        }
    }
}
