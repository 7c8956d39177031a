import KeyProjects

/// A year of meetings on the cadence of DOMAIN.md §6: the annual conference, quarterly
/// plenaries, the office's dispatch every two months, each sub-command's monthly dispatch,
/// the weekly (city) or ten-day (county) dispatch, the monthly progress meeting, the two site
/// reviews and a few site offices.
struct MeetingGenerator {
    let settings: DemoSettings
    let organisation: Organisation

    func meetings() -> [Meeting] {
        var all: [Meeting] = []
        var year = settings.asOf.year
        var years = 0
        while years < settings.meetingYears || (settings.meetingCount.map { all.count < $0 } ?? false) {
            all.append(contentsOf: meetings(in: year))
            year -= 1
            years += 1
        }
        all.sort { ($0.date, $0.time, $0.id) < ($1.date, $1.time, $1.id) }
        if let count = settings.meetingCount, all.count > count { all.removeFirst(all.count - count) }
        return all
    }

    /// The year's occurrences of the seeds' series (the same expansion `cmdroom meetings
    /// expand` stores), and two meetings held off-cadence: a site office and an ad-hoc meeting.
    func meetings(in year: Int) -> [Meeting] {
        let org = organisation
        func name(_ id: String) -> String { org.leader(id)?.name ?? id }
        var list = Cadence.expand(Cadence.defaults(for: org), organisation: org, calendar: settings.workCalendar,
                                  from: Day(year: year, month: 1, day: 1)!, to: Day(year: year, month: 12, day: 31)!)
        func once(_ month: Int, _ day: Int, _ time: String, _ kind: MeetingKind, _ title: String, _ chair: String,
                  _ scope: MeetingScope, _ location: String) {
            let date = workingDay(year: year, month: month, day: day)
            list.append(Meeting(id: "adhoc-\(date.compact)-1", date: date, time: time, kind: kind, title: title, chair: chair,
                                scope: scope, location: location))
        }
        if let sub = org.subcommands.first {
            once(4, 14, "14:30", .siteOffice, "\(name(sub.commander))现场办公会（\(sub.name)）", name(sub.commander),
                 .subcommand(sub.code), "项目现场")
        }
        once(9, 9, "14:30", .adHoc, "重点项目要素保障专题会议", name(org.executiveDeputies.first ?? org.office.director), .headquarters,
             "\(org.region)人民政府第一会议室")
        return list.sorted { ($0.date, $0.time, $0.id) < ($1.date, $1.time, $1.id) }
    }

    var levelWord: String {
        switch organisation.level { case .province: return "省"; case .city: return "市"; case .county: return "县" }
    }
    var localityWord: String {
        switch organisation.level { case .province: return "市"; case .city: return "县（市、区）"; case .county: return "乡镇" }
    }

    /// The day itself when it is a working day, else the next one.
    func workingDay(year: Int, month: Int, day: Int) -> Day {
        nextWorkingDay(Day(year: year, month: month, day: min(day, YearMonth(year: year, month: month)!.dayCount))!)
    }

    func nextWorkingDay(_ day: Day) -> Day {
        var d = day
        while !(settings.workCalendar?.isWorkingDay(d) ?? (d.weekday <= 5)) { d = d.adding(days: 1) }
        return d
    }
}
