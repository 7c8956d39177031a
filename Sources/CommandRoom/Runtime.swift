import Foundation
import Logging
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import StringTables
import TerminalKit

/// Runs the dashboard: events from the screen and the clock go through `Update`; effects (store
/// reads and writes) run on a worker off the loop and come back as events; each state is drawn
/// with `Render` and the screen writes only what changed. The loop never waits on the store: a
/// key typed while a write or a reload is under way is drawn at once. Another process's
/// commits are noticed within a second.
public final class DashboardRuntime {
    public internal(set) var state: AppState
    let screen: TerminalScreen
    let loader: DashboardLoader
    let watcher: (any StoreChangeWatch)?
    let clock: () -> Date
    let today: () -> Day
    var lastPoll = Date.distantPast
    var lastTick = Date.distantPast
    /// Whether the state changed since the last frame: an idle dashboard draws nothing, the
    /// wall once a second for its clock.
    var dirty = true
    /// Only the wall's clock changed since the last frame (kept, with the frame it goes on).
    var clockOnly = false
    var lastFrame: Canvas?
    /// Milliseconds `nextEvent` waits when nothing happens.
    public var pollInterval = 200
    /// Milliseconds `nextEvent` waits while the store is asked something: its answer is
    /// taken within this.
    var answerInterval = 10
    /// Events worked out off the loop (the overview's figures: seconds at 20,000 projects, and
    /// the store's answers), handed back to it; and the figures being worked out, so a second
    /// request waits for them.
    let inbox = EventInbox()
    var figuresInFlight: FiguresKey?
    /// Where `x` writes its files: the current directory, else home (tests give their own).
    var exportPlaces: @Sendable () -> [String] = ExportFile.places
    /// Every store read and write, one after another, off the loop.
    let worker: StoreWorker
    /// Requests to the worker not answered yet; of them, full reloads; whether the change watch
    /// is among them.
    var inFlight = 0
    var reloadsInFlight = 0
    var pollInFlight = false
    /// The reloads asked for, numbered: an answer to one since replaced is dropped.
    let reloads = ReloadNumbers()
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
        self.worker = StoreWorker(inbox: inbox)
        // A screen's loop must not stall behind another process's long write: reads wait a
        // moment, then say the store is busy and try again.
        store.setReadWait(0.3)
        var watchProblem: StoreError?
        do throws(StoreError) {
            let watcher = try store.makeChangeWatch()
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

    /// Where the `/` and `:` histories are kept across runs (nil: this run only). Setting it
    /// reads them.
    /// Runs a dashboard on a store one level down on this screen until it quits (`:open`); set
    /// by the command line, which knows how a dashboard is made.
    public var openLowerDashboard: ((any Store) -> Void)?

    public var lineHistory: LineHistoryFiles? {
        didSet {
            guard let files = lineHistory else { return }
            state.board.filterHistory.entries = files.load(.boardFilter)
            state.queue.filterHistory.entries = files.load(.queueFilter)
            state.commandHistory.entries = files.load(.commands)
        }
    }

    /// The as-of day the data is read on.
    var asOf: Day { state.requestedAsOf ?? loader.store.config.sampleAsOf ?? today() }

    /// Runs until the user quits or a stop signal arrives.
    public func run() {
        if !started { start() }
        while !state.quit { step() }
        // A write under way is made before the process ends; reads not begun are dropped.
        worker.finish()
    }

    /// Whether `start` has drawn the first frame (a caller may start, send an event, then run).
    var started = false

    /// The first frame: the screen's size, the board, then the rest of the data. Returns when
    /// the data is loaded (or its load failed, or the user quit), keys handled meanwhile.
    public func start() {
        started = true
        state.now = clock()
        reportMouse()
        let (w, h) = screen.size
        dispatch(.resize(width: w, height: h))
        draw()
        perform([.reload])
        settle()
    }

    /// Steps until every request to the store has been answered and its answers applied (each
    /// answer may ask for more), keys handled and frames drawn meanwhile; or the user quits.
    /// Whether work started by the loop is still under way (store requests, the figures).
    public var isWorking: Bool { inFlight > 0 || figuresInFlight != nil || !inbox.isEmpty }

    public func settle() {
        while inFlight > 0 || !inbox.isEmpty, !state.quit {
            inbox.wait(upTo: Double(answerInterval) / 1000)
            step()
        }
    }

    /// One turn of the loop: wait for an event (at most `pollInterval` ms), handle it, do the
    /// timed work, draw.
    public func step() {
        for message in inbox.take() { receive(message) }
        // A watch that is cheap to ask (PostgreSQL's notices) is asked every frame it allows,
        // so another terminal's commit shows within about 100 ms.
        let idleWait = min(pollInterval, watcher.map { Int($0.pollInterval * 1000) } ?? pollInterval)
        let wait = !inbox.isEmpty ? 0 : inFlight > 0 ? answerInterval : idleWait
        if let event = screen.nextEvent(timeout: wait) {
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
        // One event: the grid fills cells from the cursor, a text field takes it as one line.
        case let .paste(text): dispatch(.paste(text))
        case let .mouse(event): dispatch(.mouse(event, at: clock()))
        case .stop: state.quit = true
        }
    }

    /// One pass of the loop's timed work: the clock tick and the change poll.
    public func idle() {
        let now = clock()
        if now.timeIntervalSince(lastTick) >= 1 {
            lastTick = now
            let before = (state.wall.panel, state.wall.page, state.wall.held, state.figures == nil, state.screens.count)
            perform(Update.apply(.tick(now), to: &state))
            let after = (state.wall.panel, state.wall.page, state.wall.held, state.figures == nil, state.screens.count)
            // Only the wall shows the time; elsewhere a tick changes nothing on screen. On the
            // wall a tick that moved no panel changes the clock alone.
            if before != after { dirty = true } else if state.options.wall && state.screens.count == 1 { clockOnly = true }
        }
        if let watcher, now.timeIntervalSince(lastPoll) >= watcher.pollInterval, !pollInFlight {
            lastPoll = now
            pollInFlight = true
            inFlight += 1
            worker.run(nil) { post in
                do { post(.polled(try watcher.hasChanged())) } catch { post(.polled(nil)) }
            }
        }
        // Once the load under way has answered: a retry every two seconds on top of a slow
        // load would replace it before it answers, again and again.
        if loadFailing && reloadsInFlight == 0 && now.timeIntervalSince(lastRetry) >= retryInterval {
            lastRetry = now
            perform([.reload])
        }
    }

    /// After a load: clears a failure's message once loads work again, and says when this
    /// process rolled back another's interrupted write.
    func loadSucceeded(recovered: Bool) {
        if loadFailing || recovered {
            loadFailing = false
            dispatch(.loadRecovered(recovered ? state.strings["msg.recovered"] : nil))
        }
    }

    func loadFailed(_ error: StoreError) {
        loadFailing = true
        lastRetry = clock()
        // A busy store is read again by itself: the screen says so in its own words.
        if case let .busy(path) = error {
            dispatch(.loadFailed(state.strings.format("msg.busy", ["path": path])))
            return
        }
        dispatch(.loadFailed(ErrorText(strings: state.strings).lines(error).joined(separator: " ")))
    }

    public func dispatch(_ event: AppEvent) {
        dirty = true
        perform(Update.apply(event, to: &state))
        // `:set mouse=off` hands the mouse back to the terminal (text selection without Shift).
        if state.options.mouse != mouseReporting { reportMouse() }
    }

    /// Whether the terminal was asked to report the mouse.
    var mouseReporting = false

    func reportMouse() {
        mouseReporting = state.options.mouse
        screen.setMouse(mouseReporting)
    }

    /// Draws the state when it changed since the last frame.
    public func draw() {
        if !dirty, clockOnly, let last = lastFrame, !state.tooSmall {
            clockOnly = false
            let frame = Render.wallClock(state, over: last)
            lastFrame = frame
            screen.show(frame)
            return
        }
        guard dirty else { return }
        dirty = false
        clockOnly = false
        let frame = Render.frame(state)
        lastFrame = state.options.wall ? frame : nil
        screen.show(frame)
    }
}

/// What the overview's figures are worked out from: the data's generation and the language.
struct FiguresKey: Equatable {
    var generation: UInt64
    var lang: Lang
}
