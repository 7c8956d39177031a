import Foundation
import KeyProjects

/// What came of an export, for the message line.
public enum ExportOutcome: Equatable, Sendable {
    /// Written: where, how many rows (nil: a text page), and the directories tried before
    /// that could not be written (the current one, when the file went home).
    case written(path: String, rows: Int?, passedOver: [ExportFailure] = [])
    /// Nothing written: each directory tried, and why not.
    case failed(file: String, [ExportFailure])
    /// The data or the overview's figures are still being read or worked out.
    case notReady
}

/// An export from start to end, off the loop: the view's rows from a copy of the state, the
/// file's bytes, the file.
enum ExportJob {
    static func run(_ request: ExportRequest, _ state: AppState, places: [String], decisions: [MeetingDecision] = [],
                    progress: [String: String] = [:]) -> ExportOutcome {
        guard let document = document(request.source, state, decisions: decisions, progress: progress) else { return .notReady }
        let data: Data
        var rows: Int?
        switch (document, request.format) {
        case let (.table(table), .csv):
            data = ExportCSV.data(table)
            rows = table.rows.count
        case let (.table(table), .markdown):
            data = ExportMarkdown.data(document)
            rows = table.rows.count
        case (.markdown, _):
            data = ExportMarkdown.data(document)
        }
        let base = fileBase(request.source, state)
        let ext = document.isText ? "md" : request.format.fileExtension
        let written = ExportFile.write(data, base: base, ext: ext, places: places)
        guard let path = written.path else { return .failed(file: ExportFile.name(base, 1, ext), written.failures) }
        return .written(path: path, rows: rows, passedOver: written.failures)
    }

    /// The view's document; nil while what it needs is not there yet.
    static func document(_ source: ExportSource, _ state: AppState, decisions: [MeetingDecision] = [],
                         progress: [String: String] = [:]) -> ExportDocument? {
        switch source {
        case .board: return BoardExport.table(state).map(ExportDocument.table)
        case .queue: return QueueExport.table(state).map(ExportDocument.table)
        case .calendar: return CalendarExport.table(state).map(ExportDocument.table)
        case .overview(.cards): return CardsExport.table(state).map(ExportDocument.table)
        case .overview(.ranking): return RankingExport.table(state).map(ExportDocument.table)
        case .overview(.investment): return InvestmentExport.table(state).map(ExportDocument.table)
        case .overview(.targets): return TargetsExport.table(state).map(ExportDocument.table)
        case .overview(.awards): return AwardsExport.table(state).map(ExportDocument.table)
        case let .overview(page): return ReportExport.document(page, state, decisions: decisions, progress: progress)
        }
    }

    /// `cmdroom-board-2026-10-31`: the view and the as-of day (the calendar: its month).
    static func fileBase(_ source: ExportSource, _ state: AppState) -> String {
        let day = source == .calendar ? state.calendar.day.yearMonth.iso : (state.data?.asOf.iso ?? "")
        return "cmdroom-\(source.fileWord)-\(day)"
    }
}

extension ExportDocument {
    var isText: Bool { if case .markdown = self { true } else { false } }
}
