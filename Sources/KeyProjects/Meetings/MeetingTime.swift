/// A meeting's time of day: `HH:MM`, 00:00 to 23:59 (or empty).
public enum MeetingTime {
    public static func isValid(_ text: String) -> Bool {
        if text.isEmpty { return true }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]) else { return false }
        return (0...23).contains(h) && (0...59).contains(m)
    }
}
