import KeyProjects
import StringTables

/// A meeting's title as lists show it: marked when cancelled or moved off its cadence's day.
public enum MeetingText {
    public static func title(_ m: Meeting, _ s: Strings) -> String {
        if m.cancelled { return m.title + s["meeting.cancelledMark"] }
        if m.isMoved, let planned = m.scheduledOn { return m.title + s.format("meeting.movedMark", ["date": planned.iso]) }
        return m.title
    }
}

/// Section numbers of printed documents: 一、二、三 in Chinese, none in English (the items are
/// numbered already).
public enum SectionNumber {
    public static func prefix(_ index: Int, _ s: Strings) -> String { s.sectionPrefix(index) }
}
