import TerminalKit

/// Where the user is in a list: the row selected and the first row shown. Every list of the
/// dashboard (board, queue, grid, awards, menus) moves with it; a page is as many rows as the
/// screen draws the list in (the screen's layout gives it), never a constant of its own.
public struct ListState: Equatable, Sendable {
    public var selected = 0
    public var offset = 0

    public init(selected: Int = 0, offset: Int = 0) { self.selected = selected; self.offset = offset }

    /// Moves the selection for a movement action over `count` rows, `page` rows to a page,
    /// passing over rows `skip` says are not selectable (group headings). False for an action
    /// that is not a movement.
    @discardableResult
    public mutating func move(_ action: Action, count: Int, page: Int, skip: (Int) -> Bool = { _ in false }) -> Bool {
        let page = max(1, page)
        let delta: Int
        switch action {
        case .up: delta = -1
        case .down: delta = 1
        case .pageUp: delta = -page
        case .pageDown: delta = page
        case .top: selected = Self.selectable(from: 0, direction: 1, count: count, skip: skip) ?? 0; return true
        case .bottom: selected = Self.selectable(from: count - 1, direction: -1, count: count, skip: skip) ?? 0; return true
        default: return false
        }
        selected = step(by: delta, count: count, skip: skip)
        return true
    }

    /// The row `delta` rows on, the nearest selectable one in that direction (or, past the
    /// last, the nearest before it).
    func step(by delta: Int, count: Int, skip: (Int) -> Bool) -> Int {
        guard count > 0 else { return 0 }
        let target = min(max(0, selected + delta), count - 1)
        let direction = delta < 0 ? -1 : 1
        return Self.selectable(from: target, direction: direction, count: count, skip: skip)
            ?? Self.selectable(from: target, direction: -direction, count: count, skip: skip) ?? selected
    }

    static func selectable(from i: Int, direction: Int, count: Int, skip: (Int) -> Bool) -> Int? {
        var j = i
        while j >= 0 && j < count {
            if !skip(j) { return j }
            j += direction
        }
        return nil
    }

    /// Scrolls so the selection is in `height` rows, moving the view only when it must.
    public mutating func keepInView(height: Int, count: Int) {
        offset = TableView.visibleOffset(selected: selected, offset: offset, height: height, count: count)
    }

    /// Clamps the selection to `count` rows.
    public mutating func clamp(count: Int) { selected = min(selected, max(0, count - 1)) }
}

/// A page of lines scrolled without a selection (a project's page, the bulletin).
public struct ScrollState: Equatable, Sendable {
    public var top = 0
    public init(top: Int = 0) { self.top = top }

    /// Scrolls for a movement action over `lines` lines shown `height` at a time (a page is
    /// `page` lines). False for an action that is not a movement.
    @discardableResult
    public mutating func move(_ action: Action, lines: Int, height: Int, page: Int) -> Bool {
        let last = max(0, lines - height)
        switch action {
        case .up: top -= 1
        case .down: top += 1
        case .pageUp: top -= max(1, page)
        case .pageDown: top += max(1, page)
        case .top: top = 0
        case .bottom: top = last
        default: return false
        }
        top = min(max(0, top), last)
        return true
    }
}
