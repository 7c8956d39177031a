import KeyProjects
import KeyProjectsStore
import KeyProjectsDemo
import Testing

/// The meeting series of DOMAIN.md §6 expanded over a year for each sample locality.
@Suite struct CadenceTests {
    static let year = (from: Day.parse("2026-01-01")!, to: Day.parse("2026-12-31")!)

    func counts(_ sample: SampleLocality) throws -> [MeetingKind: Int] {
        let config = try sample.config()
        let settings = try sample.generatorSettings()
        let meetings = Cadence.expand(config.cadence, organisation: config.organisation, calendar: settings.workCalendar,
                                      from: Self.year.from, to: Self.year.to)
        #expect(Set(meetings.map(\.id)).count == meetings.count, "ids are unique")
        // On working days: Monday to Friday, or as the locality's holiday file has them
        // (Lingchuan's make-up working days fall on weekends).
        #expect(meetings.allSatisfy { m in
            m.date >= Self.year.from && m.date <= Self.year.to && (settings.workCalendar?.isWorkingDay(m.date) ?? (m.date.weekday <= 5))
        })
        #expect(meetings.allSatisfy { !$0.series.isEmpty && $0.scheduledOn == $0.date && !$0.isMoved })
        return meetings.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }

    @Test func aCityMeetsWeeklyAndEachSubcommandMonthly() throws {
        let c = try counts(.linfen)   // 6 sub-commands; 2026 has 52 Mondays
        #expect(c == [.annualConference: 1, .plenary: 4, .officeDispatch: 6, .subcommandDispatch: 72, .monthlyProgress: 12,
                      .siteReview: 2, .weeklyDispatch: 52])
    }

    @Test func aCountyMeetsEveryTenDays() throws {
        let c = try counts(.lingchuan)   // 7 sub-commands
        #expect(c == [.annualConference: 1, .plenary: 4, .officeDispatch: 6, .subcommandDispatch: 84, .monthlyProgress: 12,
                      .siteReview: 2, .weeklyDispatch: 36])
    }

    @Test func aProvinceHasNoWeeklyDispatch() throws {
        let c = try counts(.shanxi)   // 8 sub-commands
        #expect(c == [.annualConference: 1, .plenary: 4, .officeDispatch: 6, .subcommandDispatch: 96, .monthlyProgress: 12,
                      .siteReview: 2])
    }

    @Test func aHolidayMovesAnOccurrenceToTheNextWorkingDay() throws {
        // Lingchuan works by its holiday file: 2026-10-01 (National Day) is a holiday.
        let config = try SampleLocality.lingchuan.config()
        let calendar = try SampleLocality.lingchuan.generatorSettings().workCalendar
        let october = Cadence.expand(config.cadence, organisation: config.organisation, calendar: calendar,
                                     from: Day.parse("2026-10-01")!, to: Day.parse("2026-10-31")!)
        let first = try #require(october.first { $0.series == "xun" })
        #expect(first.title == "10月上旬项目调度会" && first.date > Day.parse("2026-10-01")! && calendar?.isWorkingDay(first.date) == true)
        // The id names the day it is held; the day the cadence named is an alias (issue 15 §3).
        #expect(first.id == "xun-\(first.date.compact)" && first.id != "xun-20261001")
        #expect(Meetings.find("xun-20261001", in: october, calendar: calendar)?.id == first.id)
        #expect(Meetings.find("xun-20261002", in: october, calendar: calendar) == nil || calendar?.isWorkingDay(Day.parse("2026-10-02")!) == false)
    }

    @Test func titlesNameTheWeekQuarterAndSubcommand() throws {
        let config = try SampleLocality.linfen.config()
        let m = Cadence.expand(config.cadence, organisation: config.organisation, calendar: nil,
                               from: Day.parse("2026-11-01")!, to: Day.parse("2026-11-30")!)
        #expect(m.contains { $0.title == "2026年第45周项目调度会" && $0.date == Day.parse("2026-11-02")! })
        #expect(m.contains { $0.title == "政法项目分指挥部11月调度会议" && $0.scope == .subcommand("law") && $0.chair == "韩正磊" })
        let december = Cadence.expand(config.cadence, organisation: config.organisation, calendar: nil,
                                      from: Day.parse("2026-12-01")!, to: Day.parse("2026-12-31")!)
        #expect(december.contains { $0.title == "2026年第4季度总指挥部全体会议" && $0.date == Day.parse("2026-12-25")! })
    }
}

@Suite struct CadenceFileTests {
    @Test func aLocalityGivesItsOwnSeriesAndMistakesAreNamedByKey() throws {
        let base = SampleLocality.linfen.localityTOML
        let own = try LocalityFile.parse(base + """

            [[cadence]]
            series = "friday"
            kind = "weekly-dispatch"
            every = "week"
            day = 5
            time = "16:00"
            chair = "vm-office"
            scope = "office"
            title = "{isoyear}年第{week}周周五调度会"
            location = "指挥部会议室"
            """, file: "locality.toml")
        #expect(own.cadence.count == 1 && own.cadence[0].every == .week && own.cadence[0].day == 5)
        let fridays = Cadence.expand(own.cadence, organisation: own.organisation, calendar: nil,
                                     from: Day.parse("2026-11-01")!, to: Day.parse("2026-11-30")!)
        #expect(fridays.map(\.date.iso) == ["2026-11-06", "2026-11-13", "2026-11-20", "2026-11-27"])
        #expect(fridays.first?.title == "2026年第45周周五调度会" && fridays.first?.chair == "许慧宁")

        do {
            _ = try LocalityFile.parse(base + """

                [[cadence]]
                series = "月度"
                kind = "party"
                every = "fortnight"
                day = 5
                chair = "nobody"
                title = "x"
                """, file: "locality.toml")
            Issue.record("accepted a bad cadence")
        } catch let error {
            guard case let .configInvalid(_, problems) = error else { Issue.record("\(error)"); return }
            let paths = Set(problems.map(\.path))
            #expect(paths.isSuperset(of: ["cadence[0].series", "cadence[0].kind", "cadence[0].every", "cadence[0].chair"]), "\(problems)")
        }
    }
}

@Suite struct CadenceClashTests {
    @Test func noCommanderChairsTwoMeetingsAtOnce() throws {
        for sample in SampleLocality.allCases {
            let config = try sample.config()
            let meetings = Cadence.expand(config.cadence, organisation: config.organisation,
                                          calendar: try sample.generatorSettings().workCalendar,
                                          from: Day.parse("2026-01-01")!, to: Day.parse("2027-12-31")!)
            let slots = meetings.map { "\($0.chair)|\($0.date.iso)|\($0.time)" }
            #expect(Set(slots).count == slots.count, "\(sample): \(Dictionary(grouping: slots, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted().prefix(3))")
        }
    }
}
