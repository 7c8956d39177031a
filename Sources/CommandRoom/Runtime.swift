import Foundation
import Logging
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import StringTables
import TerminalKit

/// Runs the dashboard: events from the screen and the clock go through `Update`; effects (store
/// reads) run here and come back as events; each state is drawn with `Render` and the screen
/// writes only what changed. Another process's commits are noticed within a second.
public final class DashboardRuntime {
    public private(set) var state: AppState
    let screen: TerminalScreen
    let loader: DashboardLoader
    let watcher: ChangeWatcher?
    let clock: () -> Date
    let today: () -> Day
    var lastPoll = Date.distantPast
    var lastTick = Date.distantPast
    /// Whether the state changed since the last frame: an idle dashboard draws nothing, the
    /// wall once a second for its clock.
    var dirty = true
    /// Milliseconds `nextEvent` waits when nothing happens.
    public var pollInterval = 200
    /// Events worked out off the loop (the overview's figures: seconds at 20,000 projects),
    /// handed back to it; and what is being worked out, so a second request waits for it.
    let inbox = EventInbox()
    var figuresInFlight: FiguresKey?
    /// Set while reading the store fails (another process's interrupted write that this
    /// account may not roll back, a damaged file): the message stays on screen and the load is
    /// tried again every `retryInterval` seconds until it succeeds.
    var loadFailing = false
    var lastRetry = Date.distantPast
    public var retryInterval: TimeInterval = 2

    public init(state: AppState, screen: TerminalScreen, store: Store, clock: @escaping () -> Date = Date.init,
                today: @escaping () -> Day) {
        self.state = state
        self.screen = screen
        self.loader = DashboardLoader(store: store)
        // A screen's loop must not stall behind another process's long write: reads wait a
        // moment, then say the store is busy and try again.
        store.setReadWait(0.3)
        var watchProblem: StoreError?
        do {
            let watcher = try ChangeWatcher(store: store)
            _ = try watcher.hasChanged()   // the first look only sets the baseline
            self.watcher = watcher
        } catch {
            self.watcher = nil
            watchProblem = error
        }
        self.clock = clock
        self.today = today
        if let watchProblem {
            // Without it, other terminals' changes show only on `r`: say so, in words and in the log.
            DashboardLog.logger.error("live refresh is off: \(watchProblem)")
            self.state.message = state.strings.format("msg.watchOff", ["reason": ErrorText(strings: state.strings).lines(watchProblem).joined(separator: " ")])
            self.state.messageIsError = true
        }
    }

    /// The as-of day the data is read on.
    var asOf: Day { state.requestedAsOf ?? loader.store.config.sampleAsOf ?? today() }

    /// Runs until the user quits or a stop signal arrives.
    public func run() {
        if !started { start() }
        while !state.quit { step() }
    }

    /// Whether `start` has drawn the first frame (a caller may start, send an event, then run).
    var started = false

    /// The first frame: the screen's size, the board, then the rest of the data.
    public func start() {
        started = true
        state.now = clock()
        let (w, h) = screen.size
        dispatch(.resize(width: w, height: h))
        draw()
        perform([.reload])
        draw()
    }

    /// One turn of the loop: wait for an event (at most `pollInterval` ms), handle it, do the
    /// timed work, draw.
    public func step() {
        for event in inbox.take() {
            // The answer to the request in flight: another may be made (one for replaced data
            // leaves the marker to the request that replaced it).
            if case let .figuresComputed(f) = event, figuresInFlight == FiguresKey(generation: f.generation, lang: f.lang) {
                figuresInFlight = nil
            }
            dispatch(event)
        }
        if let event = screen.nextEvent(timeout: inbox.isEmpty ? pollInterval : 0) {
            var keys: [Key] = []
            if case let .key(key) = event { keys.append(key) } else { handle(event) }
            // Then everything already waiting (a paste is thousands of keys at once), applied
            // before the one frame drawn for them all: a frame per key would make a 5,000-key
            // paste 5,000 frames. A read with no wait; ncurses still holds a lone Esc for its
            // 25 ms escdelay, so Esc and Alt keys keep their meaning. A flood longer than
            // `drainLimit` still shows a frame now and then.
            let start = DispatchTime.now().uptimeNanoseconds
            while !state.quit, DispatchTime.now().uptimeNanoseconds - start < drainLimit,
                  let next = screen.nextEvent(timeout: 0) {
                if case let .key(key) = next { keys.append(key); continue }
                if !keys.isEmpty { dispatch(.keys(keys)); keys = [] }
                handle(next)
            }
            if keys.count == 1 { dispatch(.key(keys[0])) } else if !keys.isEmpty { dispatch(.keys(keys)) }
        }
        idle()
        draw()
    }

    /// Nanoseconds of waiting input applied at most before a frame is drawn.
    var drainLimit: UInt64 = 100_000_000

    func handle(_ event: TerminalEvent) {
        switch event {
        case let .key(key): dispatch(.key(key))
        case let .resize(w, h): dispatch(.resize(width: w, height: h))
        // Until the screens take a paste as one (the grid's cells, issue 13): its keys, one
        // Enter a line whatever the copy's line ends.
        case let .paste(text): dispatch(.keys(text.map { $0 == "\n" ? .enter : $0 == "\t" ? .tab : .character($0) }))
        case .stop: state.quit = true
        }
    }

    /// One pass of the loop's timed work: the clock tick and the change poll.
    public func idle() {
        let now = clock()
        if now.timeIntervalSince(lastTick) >= 1 {
            lastTick = now
            let panel = state.wall.panel
            perform(Update.apply(.tick(now), to: &state))
            // Only the wall shows the time; elsewhere a tick changes nothing on screen.
            if state.options.wall || state.wall.panel != panel { dirty = true }
        }
        if now.timeIntervalSince(lastPoll) >= 1 {
            lastPoll = now
            // A watcher that cannot read (a write cut off since) is a change too: the reload
            // then says what is wrong instead of leaving old data on screen without a word.
            let changed: Bool
            do { changed = try watcher?.hasChanged() ?? false } catch { changed = !loadFailing }
            if changed { dispatch(.storeChanged) }
        }
        if loadFailing && now.timeIntervalSince(lastRetry) >= retryInterval {
            lastRetry = now
            perform([.reload])
        }
    }

    /// After a load: clears a failure's message once loads work again, and says when this
    /// process rolled back another's interrupted write.
    func loadSucceeded() {
        let recovered = !loader.store.takeRecoveries().isEmpty
        if loadFailing || recovered {
            loadFailing = false
            dispatch(.loadRecovered(recovered ? state.strings["msg.recovered"] : nil))
        }
    }

    func loadFailed(_ error: StoreError) {
        loadFailing = true
        lastRetry = clock()
        dispatch(.loadFailed(ErrorText(strings: state.strings).lines(error).joined(separator: " ")))
    }

    public func dispatch(_ event: AppEvent) {
        dirty = true
        perform(Update.apply(event, to: &state))
    }

    /// Draws the state when it changed since the last frame.
    public func draw() {
        guard dirty else { return }
        dirty = false
        screen.show(Render.frame(state))
    }

    func perform(_ effects: [AppEffect]) {
        for effect in effects {
            switch effect {
            case .quit:
                state.quit = true
            case .reload:
                let day = asOf
                do {
                    let data = try loader.board(asOf: day, month: state.requestedMonth)
                    // Show the board before the rest loads.
                    dirty = true
                    perform(Update.apply(.loaded(data), to: &state).filter { $0 != .completeData })
                    draw()
                    dispatch(.loaded(try loader.complete(data)))
                    loadSucceeded()
                } catch {
                    loadFailed(error)
                }
            case let .loadProject(code):
                do { if let file = try loader.store.loadProjectFile(code) { dispatch(.projectLoaded(file)) } } catch {
                    dispatch(.loadFailed(ErrorText(strings: state.strings).lines(error).joined(separator: " ")))
                }
            case let .loadTheme(path):
                let url = URL(fileURLWithPath: path)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    dispatch(.loadFailed(state.strings.format("error.themeNotFound", ["name": path, "names": BuiltinTheme.allCases.map(\.rawValue).joined(separator: ", ")])))
                    continue
                }
                do { dispatch(.themeLoaded(try Theme.parse(text, file: path), name: url.deletingPathExtension().lastPathComponent)) } catch {
                    dispatch(.loadFailed(error.description))
                }
            case let .write(request):
                let outcome = WriteExecution.run(request, store: loader.store, on: asOf, strings: state.strings)
                switch outcome {
                case let .done(message):
                    // Our own commit: read again below, not a second time when the watcher
                    // notices it.
                    do { _ = try watcher?.hasChanged() } catch {
                        DashboardLog.logger.notice("the change watch cannot read after our own write: \(error)")
                    }
                    dispatch(.written(message, request))
                case let .refused(message, stale): dispatch(.writeRefused(message, stale: stale))
                }
            case .prepareUndo:
                do { dispatch(.undoPrepared(WriteExecution.undoSummary(try loader.store.lastUndoable(), roster: loader.store.config.roster, strings: state.strings))) } catch {
                    dispatch(.writeRefused(ErrorText(strings: state.strings).lines(error).joined(separator: " "), stale: false))
                }
            case .reloadBoard:
                do {
                    let board = try loader.board(asOf: asOf, month: state.requestedMonth)
                    dispatch(.loaded(state.data.map { board.keeping(issuesOf: $0) } ?? board))
                    loadSucceeded()
                } catch {
                    loadFailed(error)
                }
            case let .loadGridRows(codes):
                guard let grid = state.grid else { continue }
                do {
                    let rows = try loader.store.progressSheet(month: grid.month, subcommands: nil, projects: codes)
                    dispatch(.gridRowsLoaded(rows, month: grid.month))
                } catch {
                    dispatch(.loadFailed(ErrorText(strings: state.strings).lines(error).joined(separator: " ")))
                }
            case .loadGrid:
                guard let grid = state.grid else { continue }
                do {
                    let rows = try loader.store.progressSheet(month: grid.month, subcommands: grid.scope)
                    dispatch(.gridLoaded(rows, month: grid.month))
                } catch {
                    dispatch(.loadFailed(ErrorText(strings: state.strings).lines(error).joined(separator: " ")))
                }
            case .computeFigures:
                guard let data = state.data, data.complete else { continue }
                let key = FiguresKey(generation: data.generation, lang: state.options.lang)
                guard figuresInFlight != key else { continue }
                figuresInFlight = key
                let strings = state.strings
                let inbox = inbox, store = loader.store
                DispatchQueue.global(qos: .userInitiated).async {
                    // The special report names what the month's meetings decided and the
                    // projects' 形象进度 (GRDB serialises the reads with the loop's).
                    let decisions = DashboardLog.logging({ try store.decisions(in: data.board.month) },
                                                         "the overview's figures go without the month's decisions") ?? []
                    let progress = DashboardLog.logging({ try store.progressTexts(in: data.board.month) },
                                                        "the overview's figures go without 形象进度") ?? [:]
                    inbox.post(.figuresComputed(OverviewFigures.build(data, strings: strings, decisions: decisions, progress: progress)))
                }
            case let .loadDecisions(meeting):
                do { dispatch(.decisionsLoaded(meeting: meeting, try loader.store.decisions(meeting: meeting))) } catch {
                    dispatch(.loadFailed(ErrorText(strings: state.strings).lines(error).joined(separator: " ")))
                }
            case let .loadHistory(scope):
                do { dispatch(.historyLoaded(scope, try WriteExecution.history(scope, store: loader.store))) } catch {
                    dispatch(.loadFailed(ErrorText(strings: state.strings).lines(error).joined(separator: " ")))
                }
            case .completeData:
                guard let data = state.data else { continue }
                do { dispatch(.loaded(try loader.complete(data))) } catch {
                    dispatch(.loadFailed(ErrorText(strings: state.strings).lines(error).joined(separator: " ")))
                }
            }
        }
    }
}

/// What the overview's figures are worked out from: the data's generation and the language.
struct FiguresKey: Equatable {
    var generation: UInt64
    var lang: Lang
}

/// Events posted from other threads for the loop to take.
final class EventInbox: @unchecked Sendable {
    private var events: [AppEvent] = []
    private let lock = NSLock()

    func post(_ event: AppEvent) { lock.lock(); events.append(event); lock.unlock() }

    func take() -> [AppEvent] {
        lock.lock(); defer { lock.unlock() }
        let taken = events
        events = []
        return taken
    }

    var isEmpty: Bool { lock.lock(); defer { lock.unlock() }; return events.isEmpty }
}
