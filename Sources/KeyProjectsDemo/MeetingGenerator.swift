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

    func meetings(in year: Int) -> [Meeting] {
        let org = organisation
        func name(_ id: String) -> String { org.leader(id)?.name ?? id }
        let commander = name(org.commander)
        let executive = name(org.executiveDeputies.first ?? org.office.director)
        let director = name(org.office.director)
        let room = "\(org.region)人民政府第一会议室"
        var list: [Meeting] = []
        func add(_ month: Int, _ day: Int, _ time: String, _ kind: MeetingKind, _ title: String, _ chair: String,
                 _ scope: MeetingScope, _ location: String = "") {
            let date = workingDay(year: year, month: month, day: day)
            list.append(Meeting(id: "", date: date, time: time, kind: kind, title: title, chair: chair, scope: scope,
                                location: location.isEmpty ? room : location))
        }
        add(2, 26, "09:00", .annualConference, "\(year)年全\(levelWord)项目建设大会", commander, .headquarters)
        for (q, month) in [3, 6, 9, 12].enumerated() {
            add(month, 25, "15:00", .plenary, "\(year)年第\(q + 1)季度总指挥部全体会议", commander, .headquarters)
        }
        for month in stride(from: 2, through: 12, by: 2) {
            add(month, 15, "09:30", .officeDispatch, "\(year)年\(month)月总指挥部办公室调度会议", executive, .office)
        }
        for month in 1...12 {
            for (i, sub) in org.subcommands.enumerated() {
                add(month, 5 + i % 8, "10:00", .subcommandDispatch, "\(sub.name)\(month)月调度会议", name(sub.commander),
                    .subcommand(sub.code), "\(sub.leadUnits.first ?? org.office.hostUnit)会议室")
            }
            add(month, 8, "15:00", .monthlyProgress, "\(year)年\(month)月重点项目月度推进会", director, .office)
        }
        switch org.level {
        case .county:
            for month in 1...12 { for day in [1, 11, 21] {
                add(month, day, "08:30", .weeklyDispatch, "\(month)月\(day == 1 ? "上" : day == 11 ? "中" : "下")旬项目调度会", director, .office)
            } }
        case .city:
            var d = Day(year: year, month: 1, day: 1)!
            while d.weekday != 1 { d = d.adding(days: 1) }
            while d.year == year {
                // Named by the ISO week (week 1 holds the year's first Thursday); on a holiday
                // Monday the meeting moves to the next working day.
                let (isoYear, week) = isoWeek(d)
                list.append(Meeting(id: "", date: nextWorkingDay(d), time: "08:30", kind: .weeklyDispatch,
                                    title: "\(isoYear)年第\(week)周项目调度会", chair: director, scope: .office, location: room))
                d = d.adding(days: 7)
            }
        case .province:
            break
        }
        add(6, 18, "08:00", .siteReview, "\(year)年上半年重点项目现场观摩（比开工、晾进度）", commander, .headquarters,
            "各\(localityWord)项目现场")
        add(11, 20, "08:00", .siteReview, "\(year)年下半年重点项目现场观摩（晒成果、比投产）", commander, .headquarters,
            "各\(localityWord)项目现场")
        if let sub = org.subcommands.first {
            add(4, 14, "14:30", .siteOffice, "\(name(sub.commander))现场办公会（\(sub.name)）", name(sub.commander),
                .subcommand(sub.code), "项目现场")
        }
        add(9, 9, "14:30", .adHoc, "重点项目要素保障专题会议", executive, .headquarters)
        return list.sorted { ($0.date, $0.time, $0.kind.rawValue, $0.title) < ($1.date, $1.time, $1.kind.rawValue, $1.title) }
            .enumerated().map { index, meeting in
                var m = meeting
                m.id = "M\(year)-\(String(repeating: "0", count: max(0, 3 - String(index + 1).count)))\(index + 1)"
                return m
            }
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

    /// The ISO 8601 week of a Monday, with the year it belongs to.
    func isoWeek(_ monday: Day) -> (year: Int, week: Int) {
        let thursday = monday.adding(days: 3)   // a week belongs to the year of its Thursday
        let first = Day(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, first.days(to: thursday) / 7 + 1)
    }
}
