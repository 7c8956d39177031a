import KeyProjects
import TOMLKit

/// Reads the meeting series of locality.toml; without any, the seeds' for the level:
///
///     [[cadence]]
///     series = "plenary"          # the first part of each occurrence's id
///     kind = "plenary"            # a meeting kind (annual-conference, plenary, office-dispatch, ...)
///     every = "quarter"           # year | quarter | two-months | month | week | ten-days
///     months = [3, 6, 9, 12]      # the months it is held in (all when left out)
///     day = 25                    # day of the month (weekday 1–7 for week); next working day
///     time = "15:00"
///     chair = "mayor"             # a leader's id; left out for each sub-command's commander
///     scope = "hq"                # hq | office | subcommands (one meeting per sub-command)
///     title = "{year}年第{quarter}季度{plenary}"   # {plenary} etc.: the names of [names]
///     location = "市人民政府第一会议室"
package enum CadenceReading {
    package static func read(_ root: TOMLTable, _ r: TOMLReader, _ org: Organisation) -> [CadenceRule]? {
        guard root["cadence"] != nil else { return nil }
        let leaders = Set(org.leaders.map(\.id))
        var seen = Set<String>()
        return r.tables(root, "cadence", at: "").compactMap { path, t -> CadenceRule? in
            r.rejectUnknownKeys(t, known: ["series", "kind", "every", "months", "day", "time", "chair", "scope", "title", "location"], at: path)
            let series = r.string(t, "series", at: path)
            if !series.isEmpty && !seen.insert(series).inserted { r.report("\(path).series", "\"\(series)\" repeats an earlier series", key: "config.seriesRepeats", values: ["series": series]) }
            if series.contains(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
                r.report("\(path).series", "use ASCII letters, digits and '-' (it becomes part of meeting ids)", key: "config.seriesChars")
            }
            let kind = r.choice(t, "kind", at: path, MeetingKind.self)
            let every = r.choice(t, "every", at: path, CadenceRule.Every.self)
            let scope = r.choice(t, "scope", at: path, default: CadenceRule.Attendees.headquarters, CadenceRule.Attendees.self)
            var months: [Int] = []
            if let array = t["months"]?.array {
                for (i, value) in array.enumerated() {
                    if let m = value.int, (1...12).contains(m) { months.append(m) } else { r.report("\(path).months[\(i)]", "must be a month, 1 to 12", key: "config.month") }
                }
            } else if t["months"] != nil {
                r.report("\(path).months", "must be an array of months", key: "config.months")
            }
            let day = r.int(t, "day", at: path, default: 1, range: every == .week ? 1...7 : 1...31)
            let time = r.string(t, "time", at: path, required: false)
            if !MeetingTime.isValid(time) {
                r.report("\(path).time", "\"\(time)\" is not a time like 09:30", key: "config.time", values: ["text": time])
            }
            let chair = r.string(t, "chair", at: path, required: scope != .eachSubcommand)
            if !chair.isEmpty && !leaders.contains(chair) { r.report("\(path).chair", "no leader with id \"\(chair)\" in [[leaders]]", key: "config.noLeader", values: ["id": chair]) }
            let title = r.string(t, "title", at: path)
            guard let kind, let every else { return nil }
            return CadenceRule(series: series, kind: kind, every: every, months: months, day: day, time: time, chair: chair,
                               attendees: scope ?? .headquarters, title: title, location: r.string(t, "location", at: path, required: false))
        }
    }
}
