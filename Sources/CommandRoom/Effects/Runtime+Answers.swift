import Foundation
import KeyProjectsReports
import KeyProjectsStore

/// What comes back from off the loop, applied on it: an answer for data since replaced is
/// dropped (a reload superseded by a newer one, issues added to a board since read again);
/// the others name what they are for (a project, a month, a meeting, a write's request) and
/// `Update` lands them there.
extension DashboardRuntime {
    func receive(_ message: LoopMessage) {
        switch message {
        case let .event(event):
            // The figures in flight answered: another may be asked for (an answer for replaced
            // data leaves the marker to the request that replaced it).
            if case let .figuresComputed(f) = event, figuresInFlight == FiguresKey(generation: f.generation, lang: f.lang) {
                figuresInFlight = nil
            }
            dispatch(event)
        case let .answer(answer):
            receive(answer)
        case let .finished(effect):
            inFlight -= 1
            if effect == .reload { reloadsInFlight -= 1 }
            if effect == nil { pollInFlight = false }
        }
    }

    func receive(_ answer: StoreAnswer) {
        switch answer {
        case let .board(data, n):
            guard !reloads.isStale(n, full: true) else { return }
            // Shown before the rest loads (the reload reads it next, without asking).
            dirty = true
            perform(Update.apply(.loaded(data), to: &state).filter { $0 != .completeData })
            draw()
        case let .complete(data, n, recovered):
            guard !reloads.isStale(n, full: true) else { return }
            dispatch(.loaded(data))
            loadSucceeded(recovered: recovered)
        case let .boardOnly(board, n, recovered):
            guard !reloads.isStale(n, full: false) else { return }
            dispatch(.loaded(state.data.map { board.keeping(issuesOf: $0) } ?? board))
            loadSucceeded(recovered: recovered)
        case let .reloadFailed(error, n):
            // A newer reload is under way: it will say so if the store still cannot be read.
            guard !reloads.isStale(n, full: false) else { return }
            loadFailed(error)
        case let .completed(data, generation):
            guard state.data?.generation == generation else { return }
            dispatch(.loaded(data))
        case let .readFailed(error):
            dispatch(.loadFailed(ErrorText(strings: state.strings).lines(error).joined(separator: " ")))
        case let .event(event):
            dispatch(event)
        case let .polled(changed):
            // A watcher that cannot read (a write cut off since) is a change too: the reload
            // then says what is wrong instead of leaving old data on screen without a word.
            if changed ?? !loadFailing { dispatch(.storeChanged) }
        }
    }
}
