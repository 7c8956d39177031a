import Foundation
import Synchronization

/// Runs the dashboard's store reads and writes off the loop, one after another on a serial
/// queue of their own, in the order they were asked for (a write followed by a reload sees the
/// write). Each request's answers go to the inbox, then a `.finished` for it.
final class StoreWorker: Sendable {
    private let queue = DispatchQueue(label: "cmdroom.store", qos: .userInitiated)
    private let inbox: EventInbox
    /// Set when the dashboard quits: reads not yet begun are skipped, writes still run.
    private let closing = Atomic<Bool>(false)
    /// Called on the worker before a request's first answer is posted (tests hold answers
    /// with it, to act while a request is in flight).
    private let hold = Mutex<(@Sendable (AppEffect) -> Void)?>(nil)

    init(inbox: EventInbox) { self.inbox = inbox }

    func setHold(_ hold: (@Sendable (AppEffect) -> Void)?) { self.hold.withLock { $0 = hold } }

    /// Queues `work`; it posts its answers with the function it is given. `effect`: what asked
    /// for it (nil for the change watch); `writes`: whether it changes the store (run even
    /// when closing).
    func run(_ effect: AppEffect?, writes: Bool = false,
             _ work: @escaping @Sendable (_ post: (StoreAnswer) -> Void) -> Void) {
        queue.async { [self] in
            defer { inbox.post(.finished(effect)) }
            if !writes && closing.load(ordering: .relaxed) { return }
            var held = false
            work { answer in
                if !held, let effect {
                    held = true
                    hold.withLock { $0 }?(effect)
                }
                inbox.post(.answer(answer))
            }
        }
    }

    /// Waits for the writes queued to be made; reads not begun are skipped.
    func finish() {
        closing.store(true, ordering: .relaxed)
        queue.sync {}
    }
}

/// What the worker hands back to the loop.
enum LoopMessage: Sendable {
    /// An event worked out off the loop (the overview's figures).
    case event(AppEvent)
    case answer(StoreAnswer)
    /// A request to the worker is done (its answers came before).
    case finished(AppEffect?)
}

/// Events and answers posted from other threads for the loop to take.
final class EventInbox: Sendable {
    private let messages = Mutex<[LoopMessage]>([])
    private let arrived = NSCondition()

    func post(_ message: LoopMessage) {
        messages.withLock { $0.append(message) }
        arrived.lock(); arrived.broadcast(); arrived.unlock()
    }

    func post(_ event: AppEvent) { post(.event(event)) }

    func take() -> [LoopMessage] { messages.withLock { taken in defer { taken = [] }; return taken } }

    var isEmpty: Bool { messages.withLock { $0.isEmpty } }

    /// Waits until something is posted, at most `seconds`.
    func wait(upTo seconds: TimeInterval) {
        arrived.lock()
        defer { arrived.unlock() }
        if isEmpty { _ = arrived.wait(until: Date().addingTimeInterval(seconds)) }
    }
}
