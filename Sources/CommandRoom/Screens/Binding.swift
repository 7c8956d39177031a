import TerminalKit

/// One key binding of a screen: the keys, the action, the words for `?` help, and the entry in
/// the key bar when it has one. A screen's help and key bar are drawn from its bindings; no
/// other table of keys exists.
public struct Binding: Sendable {
    public let keys: [Key]
    public let action: Action
    /// The help's words (strings-table key); nil: not listed in help.
    public let help: String?
    public var bar: BarEntry?
    /// A screen the key opens over this one: a screen is registered with one binding.
    public var opens: (@Sendable (AppState) -> any Screen)?

    public init(_ keys: [Key], _ action: Action, help: String?, bar: BarEntry? = nil,
                opens: (@Sendable (AppState) -> any Screen)? = nil) {
        self.keys = keys; self.action = action; self.help = help; self.bar = bar; self.opens = opens
    }

    /// Whether the key writes: offered in help and key bar only to an account that may write.
    public var writes: Bool { Action.writes.contains(action) }

    /// The same binding with a place in the key bar.
    public func bar(_ label: String, _ rank: Int, _ shown: BarEntry.Shown = .always, key: Key? = nil) -> Binding {
        var b = self
        b.bar = BarEntry(label: label, rank: rank, shown: shown, key: key)
        return b
    }
}

/// A binding's entry in the key bar: its words, its place (bars are short: the entries of a
/// screen in rank order), and for whom it is shown (a read-only account's bar has room for
/// keys a writer's gives to writes).
public struct BarEntry: Sendable {
    public enum Shown: Sendable { case always, writer, reader }
    public var label: String
    public var rank: Int
    public var shown: Shown
    /// The key shown (nil: the binding's first).
    public var key: Key?
}

extension Array where Element == Binding {
    /// The binding of `action` given a place in the key bar (for the shared bindings, whose
    /// place differs from screen to screen).
    func bar(_ action: Action, _ label: String, _ rank: Int, _ shown: BarEntry.Shown = .always, key: Key? = nil) -> [Binding] {
        map { $0.action == action && $0.bar == nil ? $0.bar(label, rank, shown, key: key) : $0 }
    }

    /// The binding a key triggers.
    func binding(for key: Key) -> Binding? { first { $0.keys.contains(key) } }

    /// The key bar: the entries for this account, in rank order.
    func keyBar(canWrite: Bool) -> [(key: Key, label: String)] {
        filter { b in
            guard let bar = b.bar, canWrite || !b.writes else { return false }
            switch bar.shown {
            case .always: return true
            case .writer: return canWrite
            case .reader: return !canWrite
            }
        }
        .enumerated().sorted { ($0.element.bar!.rank, $0.offset) < ($1.element.bar!.rank, $1.offset) }
        .map { (key: $0.element.bar!.key ?? $0.element.keys[0], label: $0.element.bar!.label) }
    }

    /// The help's entries for this account, in the order bound.
    func helpEntries(canWrite: Bool) -> [Binding] { filter { $0.help != nil && (canWrite || !$0.writes) } }
}
