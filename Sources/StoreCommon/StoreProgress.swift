/// How far a long store operation has got (`init`, `import`, `meetings expand`): the step and
/// the rows done of the rows in it. The store only says it; the command line draws it, so the
/// store stays free of terminals.
public struct StoreProgress: Sendable, Hashable {
    public enum Step: Sendable, Hashable {
        /// Reading a ledger's rows and checking each.
        case checking(LedgerKind)
        /// Writing them, in the import's one transaction.
        case writing(LedgerKind)
        /// Storing the occurrences of the meeting series.
        case meetings
    }

    public var step: Step
    public var done: Int
    public var total: Int

    public init(_ step: Step, done: Int, total: Int) {
        self.step = step
        self.done = done
        self.total = total
    }
}

/// Called often (once a row): it must be cheap, and it decides itself when to draw.
public typealias StoreProgressHandler = (StoreProgress) -> Void
