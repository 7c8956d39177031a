import KeyProjects
import KeyProjectsReports
import StringTables

/// The bulletin and the special report pages: the report's own Markdown (headings, tables,
/// lists), made from the figures the page shows (the ranking worked out for them).
/// `decisions` and `progress`: what the special report names, read from the store.
enum ReportExport {
    static func document(_ page: OverviewPage, _ state: AppState, decisions: [MeetingDecision] = [],
                         progress: [String: String] = [:]) -> ExportDocument? {
        guard let data = state.data, let figures = state.figures else { return nil }
        let s = state.strings
        let bulletin = BulletinReport(portfolio: data.portfolio, config: data.config, month: figures.month, strings: s, ranking: figures.rows)
        let text = page == .special
            ? SpecialReport(portfolio: data.portfolio, config: data.config, month: figures.month, decisions: decisions, strings: s,
                            bulletin: bulletin, progress: progress).markdown()
            : bulletin.markdown()
        return .markdown(text)
    }
}
