import Foundation
import KeyProjects

/// `x`: the view's rows built from a copy of the state and written to a file on a queue of
/// their own (20,000 projects' reasons take a moment; the loop goes on meanwhile). The
/// special report reads what it names from the store first, as the overview's figures do.
extension DashboardRuntime {
    func export(_ request: ExportRequest) {
        let snapshot = state, store = loader.store, places = exportPlaces(), inbox = inbox
        inFlight += 1
        DispatchQueue.global(qos: .userInitiated).async {
            defer { inbox.post(.finished(.export(request))) }
            var decisions: [MeetingDecision] = [], progress: [String: String] = [:]
            if request.source == .overview(.special), let month = snapshot.figures?.month {
                decisions = DashboardLog.logging({ try store.decisions(in: month) }, "the special report's export goes without the month's decisions") ?? []
                progress = DashboardLog.logging({ try store.progressTexts(in: month) }, "the special report's export goes without 形象进度") ?? [:]
            }
            inbox.post(.exported(ExportJob.run(request, snapshot, places: places, decisions: decisions, progress: progress)))
        }
    }
}
