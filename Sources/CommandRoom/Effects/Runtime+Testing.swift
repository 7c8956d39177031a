/// Hooks for tests that act while a store request is under way (not part of the API).
extension DashboardRuntime {
    /// `hold` is called on the worker before each request's first answer is handed to the
    /// loop, with the effect that asked for it: a test holds the answer there (a semaphore)
    /// while it sends keys, then lets it go.
    @_spi(Testing) public func holdAnswers(_ hold: (@Sendable (AppEffect) -> Void)?) { worker.setHold(hold) }

    /// Requests to the store not answered yet.
    @_spi(Testing) public var requestsInFlight: Int { inFlight }
}
