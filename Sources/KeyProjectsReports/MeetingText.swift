import KeyProjects

/// A meeting's title as lists show it: marked when cancelled or moved off its cadence's day.
public enum MeetingText {
    public static func title(_ m: Meeting, _ s: Strings) -> String {
        if m.cancelled { return m.title + s["meeting.cancelledMark"] }
        if m.isMoved, let planned = m.scheduledOn { return m.title + s.format("meeting.movedMark", ["date": planned.iso]) }
        return m.title
    }
}
