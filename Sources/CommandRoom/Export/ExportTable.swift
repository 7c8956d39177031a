import KeyProjects

/// What `x` exports, neutral of the file's format: a title that says what and as of when, the
/// columns as the screen names them in the user's language, and every row shown, in the
/// screen's order, each cell's whole text (nothing cut to fit the terminal).
public struct ExportTable: Equatable, Sendable {
    public var title: String
    public var headers: [String]
    public var rows: [[String]]

    public init(title: String, headers: [String], rows: [[String]]) {
        self.title = title; self.headers = headers; self.rows = rows
    }
}

/// A view's export: a table, or a text page's own Markdown (the bulletin, the special report).
public enum ExportDocument: Equatable, Sendable {
    case table(ExportTable)
    case markdown(String)
}

/// The file's format: CSV for Excel, or Markdown.
public enum ExportFormat: String, Equatable, Sendable {
    case csv, markdown

    var fileExtension: String { self == .csv ? "csv" : "md" }
}

/// Which screen's rows are exported.
public enum ExportSource: Equatable, Sendable {
    case board, queue, calendar
    case overview(OverviewPage)

    /// The view shown (`x` is bound on the views alone, so this is the one it was typed on).
    static func of(_ state: AppState) -> ExportSource {
        switch state.view {
        case .board: return .board
        case .queue: return .queue
        case .calendar: return .calendar
        case .overview: return .overview(state.overviewPage)
        }
    }

    /// The text pages are exported as their Markdown only.
    var offersCSV: Bool { self != .overview(.bulletin) && self != .overview(.special) }

    /// The file name's word (ASCII: the name is safe to type and to mail).
    var fileWord: String {
        switch self {
        case .board: return "board"
        case .queue: return "queue"
        case .calendar: return "calendar"
        case let .overview(page): return "\(page)"
        }
    }
}

/// What `x` asks the runtime to write.
public struct ExportRequest: Equatable, Sendable {
    public var source: ExportSource
    public var format: ExportFormat

    public init(source: ExportSource, format: ExportFormat) { self.source = source; self.format = format }
}
