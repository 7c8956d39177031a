import KeyProjects
import Testing

/// DOMAIN.md §9: 序时进度 for month m is the cumulative monthly plan January..m (annual plan ×
/// m/12 without one); completed is cumulative over the same months; on schedule when completed
/// ≥ threshold × planned and no milestone planned by the month's end is unreached.
@Suite struct ScheduleTests {
    @Test func plannedIsTheCumulativeMonthlyPlanFromJanuary() {
        let f = file(records: records(from: "2026-01", completed: [100, 100, 100], planned: 100))
        let s = Schedule.status(of: f, in: month("2026-03"))
        #expect(s.planned == wan(300))
        #expect(s.completed == wan(300))
    }

    @Test func withoutAMonthlyPlanTheAnnualPlanIsSpreadEvenly() {
        let f = file(records: records(from: "2026-01", completed: [50, 50, 50], planned: nil))
        let s = Schedule.status(of: f, in: month("2026-03"))
        #expect(s.planned == wan(300))   // 1200 × 3/12
        #expect(s.ratio == 0.5)
    }

    @Test func completedCountsOnlyTheSameYear() {
        let f = file(records: records(from: "2025-11", completed: [500, 500, 100], planned: 100))
        let s = Schedule.status(of: f, in: month("2026-01"))
        #expect(s.completed == wan(100))
        #expect(s.planned == wan(100))
    }

    @Test func aMilestoneDueAndUnreachedMeansBehindEvenWithMoneyOnPlan() {
        let late = Milestone(project: "P1", kind: .permit, planned: day("2026-03-20"))
        let f = file(records: records(from: "2026-01", completed: [100, 100, 100]), milestones: [late])
        #expect(!Schedule.status(of: f, in: month("2026-03")).isOnSchedule(threshold: 1))
        #expect(Schedule.status(of: f, in: month("2026-02")).isOnSchedule(threshold: 1))
        let reachedOnTime = Milestone(project: "P1", kind: .permit, planned: day("2026-03-20"), actual: day("2026-03-31"))
        let g = file(records: records(from: "2026-01", completed: [100, 100, 100]), milestones: [reachedOnTime])
        #expect(Schedule.status(of: g, in: month("2026-03")).isOnSchedule(threshold: 1))
    }

    @Test func theThresholdIsConfigurable() {
        let f = file(records: records(from: "2026-01", completed: [90]))
        #expect(!Schedule.status(of: f, in: month("2026-01")).isOnSchedule(threshold: 1.0))
        #expect(Schedule.status(of: f, in: month("2026-01")).isOnSchedule(threshold: 0.9))
    }
}

/// DOMAIN.md §3 and §9, sentence by sentence.
@Suite struct CardTests {
    func card(_ f: ProjectFile, _ m: String, _ rules: CardRules = seedRules) -> CardAssessment {
        Cards.card(of: f, in: month(m), rules: rules)
    }

    @Test func blueAtOrAheadOfSchedule() {
        let f = file(records: records(from: "2026-01", completed: [100, 120]))
        #expect(card(f, "2026-01").colour == .blue)
        #expect(card(f, "2026-02").colour == .blue)
        #expect(card(f, "2026-02").followUp == nil)
    }

    @Test func behindAndRemindedLessThanTwiceIsBehindWithItsCount() {
        let f = file(records: records(from: "2026-01", completed: [100, 50]), reminders: reminders(["2026-02-10"]))
        let c = card(f, "2026-02")
        #expect(c.colour == .behind)
        #expect(c.reminders == 1)
        #expect(!c.onSchedule)
        #expect(card(file(records: records(from: "2026-01", completed: [50])), "2026-01").reminders == 0)
    }

    @Test func behindRemindedTwiceInARowAndStillBehindIsYellowWithAnInterview() {
        let f = file(records: records(from: "2026-01", completed: [100, 50]), reminders: reminders(["2026-02-05", "2026-02-20"]))
        let c = card(f, "2026-02")
        #expect(c.colour == .yellow)
        #expect(c.followUp == .interview)
    }

    @Test func remindersCountAcrossMonthBoundariesSinceLastOnSchedule() {
        // Behind from February; reminded once in February and once in March: yellow in March.
        let f = file(records: records(from: "2026-01", completed: [100, 50, 50]),
                     reminders: reminders(["2026-02-25", "2026-03-03"]))
        #expect(card(f, "2026-02").colour == .behind)
        #expect(card(f, "2026-03").colour == .yellow)
        #expect(card(f, "2026-03").reminders == 2)
    }

    @Test func catchingUpGivesBlueAndResetsTheCount() {
        // Reminded in February, on schedule in March, behind again in April with one reminder.
        let f = file(records: records(from: "2026-01", completed: [100, 50, 160, 50]),
                     reminders: reminders(["2026-02-10", "2026-04-10"]))
        #expect(card(f, "2026-03").colour == .blue)
        let april = card(f, "2026-04")
        #expect(april.colour == .behind)
        #expect(april.reminders == 1)
    }

    @Test func aReminderBeforeCatchingUpInTheSameMonthDoesNotCount() {
        let f = file(records: records(from: "2026-01", completed: [50, 160, 50]),
                     reminders: reminders(["2026-01-20", "2026-02-10", "2026-03-10"]))
        #expect(card(f, "2026-02").colour == .blue)
        #expect(card(f, "2026-03").reminders == 1)
        #expect(card(f, "2026-03").colour == .behind)
    }

    @Test func yellowTwoMonthsInARowIsRedWithAStatement() {
        let f = file(records: records(from: "2026-01", completed: [50, 50, 50]),
                     reminders: reminders(["2026-01-10", "2026-01-20"]))
        #expect(card(f, "2026-01").colour == .yellow)
        let feb = card(f, "2026-02")
        #expect(feb.colour == .red)
        #expect(feb.followUp == .statement)
        #expect(feb.yellowRun == 2)
    }

    @Test func redStaysWhileBehindAndTheFirstMonthOnScheduleIsBlue() {
        let f = file(records: records(from: "2026-01", completed: [50, 50, 50, 50, 600]),
                     reminders: reminders(["2026-01-10", "2026-01-20"]))
        #expect(card(f, "2026-03").colour == .red)
        #expect(card(f, "2026-04").colour == .red)
        #expect(card(f, "2026-05").colour == .blue)
        #expect(card(f, "2026-05").reminders == 0)
    }

    @Test func consecutiveMeansCalendarMonthsAcrossTheYearBoundary() {
        // Yellow in December 2025; still behind (with the same reminders) in January → red.
        let f = file(records: records(from: "2025-11", completed: [100, 10, 10]),
                     reminders: reminders(["2025-12-05", "2025-12-15"]))
        #expect(card(f, "2025-12").colour == .yellow)
        #expect(card(f, "2026-01").colour == .red)
    }

    @Test func aMonthBetweenYellowsBreaksTheRun() {
        // Yellow in January, blue in February, yellow again in March: yellow, not red.
        let f = file(records: records(from: "2026-01", completed: [50, 160, 0]),
                     reminders: reminders(["2026-01-10", "2026-01-20", "2026-03-05", "2026-03-06"]))
        #expect(card(f, "2026-01").colour == .yellow)
        #expect(card(f, "2026-02").colour == .blue)
        #expect(card(f, "2026-03").colour == .yellow)
    }

    @Test func theNumbersAreConfiguration() {
        let rules = CardRules(profile: .reminders(remindersForYellow: 3, yellowMonthsForRed: 3), threshold: 1.0)
        let f = file(records: records(from: "2026-01", completed: [50, 50, 50, 50]),
                     reminders: reminders(["2026-01-10", "2026-01-20", "2026-02-10"]))
        #expect(card(f, "2026-01", rules).colour == .behind)
        #expect(card(f, "2026-02", rules).colour == .yellow)
        #expect(card(f, "2026-03", rules).colour == .yellow)
        #expect(card(f, "2026-04", rules).colour == .red)
    }

    /// The points profile reads both shares as of the annual plan (DOMAIN.md §3, the seeds'
    /// "低于序时进度 N 个百分点"): annual plan 1,200 (the fixture's), no monthly plan, so June's
    /// 序时 is 600 (50 %). Six months of completed investment add up to `total`.
    func june(_ total: Int) -> CardColour {
        let rules = CardRules(profile: .pointsBehind(yellowFrom: 10, redAbove: 30))
        let months = [Int](repeating: total / 6, count: 5) + [total - 5 * (total / 6)]
        return card(file(records: records(from: "2026-01", completed: months, planned: nil)), "2026-06", rules).colour
    }

    @Test func pointsProfileMeasuresPointsOfTheAnnualPlan() {
        let s = Schedule.status(of: file(records: records(from: "2026-01", completed: [70, 70, 70, 70, 70, 70], planned: nil)),
                                in: month("2026-06"))
        #expect(s.plannedShareOfYear == 50 && s.completedShareOfYear == 35)
        #expect(abs(s.pointsBehind - 15) < 1e-9, "420 of 1,200 in June is 15 points behind, not 30")
        #expect(june(420) == .yellow)
        #expect(june(600) == .blue)
        #expect(june(481) == .behind)    // 9.9 points
        #expect(june(480) == .yellow)    // 10 points: yellow from 10
        #expect(june(240) == .yellow)    // 30 points: red only above 30
        #expect(june(239) == .red)       // 30.1 points
    }

    @Test func earlyInTheYearASmallShortfallIsNotRed() {
        // March: 序时 300 of 1,200; 200 done is 8.3 points behind (the plan-to-date reading said 33).
        let rules = CardRules(profile: .pointsBehind(yellowFrom: 10, redAbove: 30))
        let f = file(records: records(from: "2026-01", completed: [70, 70, 60], planned: nil))
        #expect(card(f, "2026-03", rules).colour == .behind)
    }

    @Test func historyGivesACardForEveryMonth() {
        let f = file(records: records(from: "2025-11", completed: [100, 100, 50]), reminders: reminders(["2026-01-10"]))
        let history = Cards.history(of: f, through: month("2026-01"), rules: seedRules)
        #expect(history.map(\.month.iso) == ["2025-11", "2025-12", "2026-01"])
        #expect(history.map(\.colour) == [.blue, .blue, .behind])
    }

    @Test func theBoardAssessesTheLastMonthEndedByTheAsOfDay() {
        #expect(assessedMonth(asOf: day("2026-10-31")) == month("2026-10"))
        #expect(assessedMonth(asOf: day("2026-11-22")) == month("2026-10"))
        #expect(assessedMonth(asOf: day("2026-01-05")) == month("2025-12"))
    }

    @Test func remindersToDateIncludeThoseAfterTheCardMonth() {
        let f = file(records: records(from: "2026-01", completed: [100, 50]), reminders: reminders(["2026-02-10", "2026-03-05"]))
        let history = Cards.history(of: f, through: month("2026-02"), rules: seedRules)
        #expect(history.last!.reminders == 1)
        #expect(Cards.remindersSinceOnSchedule(f, history: history, upTo: day("2026-03-10")) == 2)
    }
}
