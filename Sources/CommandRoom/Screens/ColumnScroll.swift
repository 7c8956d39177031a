import TerminalKit

/// A table scrolled sideways on a screen: how many columns are scrolled past. The screen keeps
/// it, so a new view or page starts unscrolled and a page opened over it comes back to it.
public struct ColumnScroll: Equatable, Sendable {
    public var offset = 0
    public init(offset: Int = 0) { self.offset = offset }

    /// One column to the left or the right for `.left`/`.right`, within 0…`maxOffset` (false
    /// for any other action).
    @discardableResult
    public mutating func move(_ action: Action, maxOffset: Int) -> Bool {
        guard action == .left || action == .right else { return false }
        offset = min(max(0, min(offset, maxOffset) + (action == .right ? 1 : -1)), maxOffset)
        return true
    }

    /// The keys of a table that overflows (`maxOffset` > 0; none otherwise, so they are
    /// neither in help nor in the key bar): `<` `>`, and ← → where the screen has no other use
    /// for them. The key bar says which way there is more.
    func bindings(maxOffset: Int, arrows: Bool, rank: Int) -> [Binding] {
        guard maxOffset > 0 else { return [] }
        var left = Binding(arrows ? [.left, .character("<")] : [.character("<")], .left, help: "help.columnLeft")
        var right = Binding(arrows ? [.right, .character(">")] : [.character(">")], .right, help: "help.columnRight")
        if offset < maxOffset { right = right.bar("bar.moreColumns", rank) } else { left = left.bar("bar.earlierColumns", rank) }
        return [left, right]
    }
}
