import Foundation
import GoldenFiles
import KeyProjects
import KeyProjectsReports
import StringTables
import Testing
import TextLayout

@Suite struct StringsTests {
    @Test func bothTablesHaveTheSameKeys() {
        #expect(Strings.zh.keys.subtracting(Strings.en.keys).isEmpty, "missing in en: \(Strings.zh.keys.subtracting(Strings.en.keys).sorted())")
        #expect(Strings.en.keys.subtracting(Strings.zh.keys).isEmpty, "missing in zh: \(Strings.en.keys.subtracting(Strings.zh.keys).sorted())")
    }

    @Test func noCodeChoosesItsWordsByLanguage() throws {
        // Words, separators and patterns that differ by language live in the tables; code
        // outside StringTables never branches on the language.
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("StringTables/") } ?? []
        #expect(files.count > 100)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for needle in ["lang == .zh", "lang == .en", "lang != .zh", "lang != .en"] {
                #expect(!text.contains(needle), "\(file) chooses by language (\(needle))")
            }
        }
    }

    @Test(arguments: Lang.allCases)
    func everyCodedValueHasAWord(_ lang: Lang) {
        let s = Strings.of(lang)
        var keys: [String] = []
        keys += CardColour.allCases.map { "card.\($0.rawValue)" }
        keys += ProjectLevel.allCases.map { "level.\($0.rawValue)" }
        keys += ProjectNature.allCases.map { "nature.\($0.rawValue)" }
        keys += ProjectStage.allCases.map { "stage.\($0.rawValue)" }
        keys += MilestoneKind.allCases.map { "milestone.\($0.rawValue)" }
        keys += IssueCategory.allCases.map { "category.\($0.rawValue)" }
        keys += IssueKind.allCases.map { "issueKind.\($0.rawValue)" }
        keys += IssueLevel.allCases.map { "issueLevel.\($0.rawValue)" }
        keys += IssueStatus.allCases.map { "status.\($0.rawValue)" }
        keys += ClockStep.allCases.map { "step.\($0.rawValue)" }
        keys += ClockLight.allCases.map { "light.\($0.rawValue)" }
        keys += MeetingKind.allCases.map { "meeting.\($0.rawValue)" }
        keys += StallStep.allCases.map { "stall.\($0.rawValue)" }
        keys += TriageTier.allCases.map { "tier.\($0.rawValue)" }
        keys += HeadquartersLevel.allCases.map { "hq.\($0.rawValue)" }
        for key in keys { #expect(s.keys.contains(key), "\(lang) has no word for \(key)") }
    }
}

@Suite struct GoldenReportTests {
    let asOf = day("2026-10-31")
    var board: Board { Board.assess(ReportFixture.portfolio, rules: ReportFixture.config.rules, asOf: asOf) }

    func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }

    func boardText(_ lang: Lang) -> String {
        BoardReport(board: board, config: ReportFixture.config, grouping: .subcommand, strings: Strings.of(lang),
                    meetings: ReportFixture.portfolio.meetings).render(.text)
    }

    /// Golden files in `__Snapshots__/` (see GoldenFile for recording them).
    static let directory = GoldenFile.directory(beside: #filePath)

    @Test(arguments: Lang.allCases)
    func boardQueueAndCalendar(_ lang: Lang) {
        GoldenFile.check(boardText(lang), named: "board.\(lang)", in: Self.directory)
        let q = IssueQueueReport(portfolio: ReportFixture.portfolio, config: ReportFixture.config, asOf: asOf, strings: Strings.of(lang))
        GoldenFile.check(q.render(.text), named: "queue.\(lang)", in: Self.directory)
        let c = CalendarReport(meetings: ReportFixture.portfolio.meetings, config: ReportFixture.config,
                               from: day("2026-11-01"), to: day("2026-12-31"), strings: Strings.of(lang))
        GoldenFile.check(c.render(.text), named: "calendar.\(lang)", in: Self.directory)
    }

    @Test func tableRowsLineUpByDisplayWidth() {
        // Every row of the project table puts the card column at the same display column.
        let table = lines(boardText(.zh)).drop { !$0.hasPrefix("编码") }
        let header = table.first!
        let cardColumn = DisplayWidth.of(String(header[..<header.range(of: "三色牌")!.lowerBound]))
        for row in table.dropFirst(2) {
            let glyph = row.firstIndex { "●○▲■".contains($0) }!
            #expect(DisplayWidth.of(String(row[..<glyph])) == cardColumn, "\(row)")
        }
    }

    @Test func boardJSONHasTheDocumentedFields() throws {
        let json = BoardReport(board: board, config: ReportFixture.config, grouping: .subcommand, strings: .en,
                               meetings: []).render(.json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.count == 4)
        // Every documented field is in every row; empty ones are null, not left out.
        for key in ["code", "name", "subcommand", "county", "card", "followUp", "reminders", "stall", "scheduleRatio"] {
            #expect(rows.allSatisfy { $0.keys.contains(key) }, "no \(key)")
        }
        #expect(rows.contains { $0["followUp"] is NSNull })
        let b2 = try #require(rows.first { $0["code"] as? String == "B2" })
        #expect(b2["card"] as? String == "red" && b2["stall"] as? Int == 2 && b2["reminders"] as? Int == 2)
        #expect(b2["county"] as? String == "west" && b2["countyName"] as? String == "西区")
        #expect(b2["followUp"] as? String == "statement")
        #expect((b2["scheduleRatio"] as? Double).map { abs($0 - 0.1667) < 0.0001 } == true)
        #expect((b2["history"] as? [String]) == ["yellow", "red", "red"])
    }

    @Test func queueJSONHasTheDocumentedFields() throws {
        let json = IssueQueueReport(portfolio: ReportFixture.portfolio, config: ReportFixture.config, asOf: asOf, strings: .en).render(.json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        for key in ["id", "project", "category", "status", "stage", "due", "daysLeft", "overdue", "light", "listed"] {
            #expect(rows.allSatisfy { $0.keys.contains(key) }, "no \(key)")
        }
        #expect(rows.map { $0["id"] as? String } == ["Q1", "Q2"])
        #expect(rows[0]["overdue"] as? Bool == true && rows[0]["light"] as? String == "red" && rows[0]["stage"] as? String == "arrange")
        #expect(rows[1]["due"] as? String == "2026-11-01" && rows[1]["overdue"] as? Bool == false)
    }

    @Test func calendarJSONHasTheDocumentedFields() throws {
        let json = CalendarReport(meetings: ReportFixture.portfolio.meetings, config: ReportFixture.config, from: day("2026-11-01"),
                                  to: day("2026-11-30"), strings: .zh).render(.json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["date"] as? String == "2026-11-05" && rows[0]["kind"] as? String == "subcommand-dispatch")
        #expect(rows[0]["title"] as? String == "制造业项目分指挥部11月调度会议" && rows[0]["chair"] as? String == "乙某")
    }

    @Test func boardCSVHasAHeaderAndOneRowPerProject() {
        let csv = BoardReport(board: board, config: ReportFixture.config, grouping: .locality, strings: .zh, meetings: []).render(.csv)
        let rows = csv.split(separator: "\n")
        #expect(rows.count == 5)
        #expect(rows[0].hasPrefix("code,name,level,stage,subcommand,county,month,card"))
    }
}
