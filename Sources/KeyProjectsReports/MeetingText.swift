import KeyProjects
import StringTables

/// A meeting's title as lists show it: marked when cancelled or moved off its cadence's day.
public enum MeetingText {
    /// A meeting's kind as lists show it, the plenary and the office's meeting by the locality's
    /// own names (`[names]`) where the language shows them.
    public static func kind(_ kind: MeetingKind, _ names: BodyNames, _ s: Strings) -> String {
        switch kind {
        case .plenary: return s.format("meeting.plenary.named", ["name": names.plenary])
        case .officeDispatch: return s.format("meeting.office-dispatch.named", ["name": names.officeMeeting])
        default: return s.word("meeting", kind)
        }
    }

    /// The body a meeting's scope names: the locality's headquarters or office, a sub-command, a
    /// locality.
    public static func scope(_ scope: MeetingScope, _ org: Organisation, _ s: Strings) -> String {
        switch scope {
        case .headquarters: return s.format("scope.hq.named", ["name": org.names.headquarters])
        case .office: return s.format("scope.office.named", ["name": org.names.office])
        case let .subcommand(code): return org.subcommand(code)?.name ?? code
        case let .locality(code): return org.locality(code)?.name ?? code
        }
    }

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
