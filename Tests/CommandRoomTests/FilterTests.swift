@testable import CommandRoom
import Foundation
import KeyProjects
import StringTables
import TerminalKit
import Testing
import TextLayout

/// The `/` filter (issue 14): alternatives within a key, values as the screen shows them,
/// unknown keys and values said rather than emptying the rows, history and Tab completion.
@Suite struct FilterTests {
    func projects(_ state: AppState) -> [ProjectStanding] {
        state.board.rows.compactMap { if case let .project(i) = $0 { return Fixture.data.board.standings[i] }; return nil }
    }

    func filtered(_ text: String, lang: Lang = .zh, width: Int = 80) -> AppState {
        var state = Fixture.state(width: width, lang: lang)
        state.press(.character("/"))
        state.type(text)
        return state
    }

    @Test func alternativesWithinAKeyAreOrAndKeysStillAnd() {
        let red = projects(filtered("card:red")), yellow = projects(filtered("card:yellow"))
        #expect(!red.isEmpty && !yellow.isEmpty)
        for text in ["card:red,yellow", "card:red，yellow", "card:red、yellow", "card:红牌,黄牌", "card:yellow,red"] {
            let both = projects(filtered(text))
            #expect(both.count == red.count + yellow.count, "\(text)")
            #expect(both.allSatisfy { $0.card.colour == .red || $0.card.colour == .yellow }, "\(text)")
        }
        // Another key still narrows (AND), and negation takes out every alternative.
        let cityRedYellow = projects(filtered("card:red,yellow level:city"))
        #expect(cityRedYellow.allSatisfy { ($0.card.colour == .red || $0.card.colour == .yellow) && $0.project.level == .city })
        let notRedYellow = projects(filtered("-card:red,yellow"))
        #expect(notRedYellow.count == 48 - red.count - yellow.count)
        #expect(notRedYellow.allSatisfy { $0.card.colour != .red && $0.card.colour != .yellow })
        #expect(projects(filtered("!card:red")).count == 48 - red.count)
        #expect(projects(filtered("stall:0,3+")).allSatisfy { $0.stall.rawValue == 0 || $0.stall.rawValue >= 3 })
    }

    @Test func warnFiltersByTheEarlyWarning() {
        // Issue 15 §4: warn:yellow keeps the projects at risk of yellow next month.
        let all = Fixture.data.board.standings
        for warning in ForecastWarning.allCases {
            let expected = Set(all.filter { $0.forecast?.warning == warning }.map(\.project.code))
            #expect(Set(projects(filtered("warn:\(warning.rawValue)")).map(\.project.code)) == expected, "\(warning)")
            #expect(Set(projects(filtered("warn:" + Strings.zh.word("warning", warning))).map(\.project.code)) == expected, "\(warning)")
        }
        let any = projects(filtered("warn:"))
        #expect(!any.isEmpty && any.allSatisfy { $0.forecast?.warning != nil })
        #expect(projects(filtered("-warn:red,yellow")).allSatisfy { ($0.forecast?.warning ?? .behind) == .behind })
    }

    @Test func valuesAsTheScreenShowsThemInEitherLanguage() {
        let red = projects(filtered("card:red")).map(\.project.code)
        #expect(red.count == 5)
        for text in ["card:红牌", "card:红", "card:Red", "card:RED", "card:redcard", "card:red-card", "红牌"] {
            #expect(projects(filtered(text)).map(\.project.code) == red, "\(text)")
        }
        #expect(projects(filtered("card:red", lang: .en)).map(\.project.code) == red)
        #expect(projects(filtered("红牌", lang: .en)).map(\.project.code) == red)
        #expect(projects(filtered("-红牌")).count == 48 - red.count)
        // The words come from the strings tables, not a list of their own.
        for colour in CardColour.allCases {
            let codes = FilterQuery.codesNamed(Strings.zh.word("card", colour), "card", CardColour.allCases.map(\.rawValue))
            #expect(codes == [colour.rawValue])
            #expect(FilterQuery.codesNamed(Strings.en.word("card", colour).lowercased(), "card", CardColour.allCases.map(\.rawValue)) == [colour.rawValue])
        }
    }

    @Test func anUnknownValueIsSaidWithADidYouMeanAndNoRowsAreLost() {
        var state = filtered("card:rde", width: 200)
        #expect(projects(state).count == 48)
        state.press(.enter)
        let status = state.screen[state.height - 2]
        #expect(status.contains("rde") && status.contains("是不是 red") && status.contains("已忽略"), "\(status)")
        // The other words still filter.
        let kept = projects(filtered("card:rde level:city"))
        #expect(!kept.isEmpty && kept.allSatisfy { $0.project.level == .city } && kept.count == projects(filtered("level:city")).count)
        // One unknown alternative is left out, the known one still filters.
        #expect(projects(filtered("card:red,rde")).count == 5)
        // English: the accepted values listed.
        var en = Fixture.state(width: 200, lang: .en)
        en.press(.character("/"))
        en.type("card:purple")
        en.press(.enter)
        let line = en.screen[en.height - 2]
        #expect(line.contains("card has no “purple”") && line.contains("accepted: blue behind yellow red") && !line.contains("did you mean"), "\(line)")
        #expect(projects(en).count == 48)
    }

    @Test func anUnknownKeyIsSaidAndLeftOut() {
        var state = filtered("crad:red", width: 200)
        #expect(projects(state).count == 48)
        state.press(.enter)
        let status = state.screen[state.height - 2]
        #expect(status.contains("没有筛选键 crad") && status.contains("是不是 card:"), "\(status)")
        let query = FilterQuery("crad:red stall:x", BoardFilterMatch.spec)
        #expect(query.problems == [.unknownKey("crad", suggestion: "card"), .unknownValue(key: "stall", value: "x", suggestion: nil)])
        #expect(query.isEmpty)
    }

    @Test func theNoteShowsWhileTyping() {
        let state = filtered("card:rde", width: 200)
        #expect(state.filterTyped == true)
        let line = state.screen[state.height - 2]
        #expect(line.hasPrefix("/card:rde") && line.contains("是不是 red"), "\(line)")
    }

    @Test func queueValuesAlternativesAndUnknowns() {
        var state = Fixture.state()
        state.press(.character("2"), .character("/"))
        state.type("cat:用地，环保")
        #expect(!state.queue.rows.isEmpty && state.queue.rows.allSatisfy { [.land, .environment].contains(Fixture.data.queue[$0].issue.category) })
        let all = Fixture.state().queue.rows.count
        state.press(.escape, .character("/"))
        state.type("light:purple")
        #expect(state.queue.rows.count == all)
    }

    @Test func upAndDownWalkTheFiltersEnteredBefore() {
        var state = Fixture.state()
        for text in ["card:red", "level:city"] {
            state.press(.character("/"), .control("u"))
            state.type(text)
            state.press(.enter)
        }
        state.press(.character("/"), .control("u"))
        state.type("霍")
        state.press(.up)
        #expect(state.board.filter.text == "level:city")
        #expect(projects(state).allSatisfy { $0.project.level == .city })
        state.press(.up)
        #expect(state.board.filter.text == "card:red" && projects(state).count == 5)
        state.press(.up)
        #expect(state.board.filter.text == "card:red")
        state.press(.down)
        #expect(state.board.filter.text == "level:city")
        state.press(.down)
        #expect(state.board.filter.text == "霍")
        // Entering one again moves it to the newest; the queue keeps its own.
        state.press(.control("u"))
        state.type("card:red")
        state.press(.enter, .character("/"), .control("u"), .up)
        #expect(state.board.filter.text == "card:red")
        state.press(.up)
        #expect(state.board.filter.text == "level:city")
        state.press(.escape, .character("2"), .character("/"), .up)
        #expect(state.queue.filter.text.isEmpty)
        // Keys arriving together (a paste-speed burst) walk it too.
        state.press(.escape, .character("1"))
        _ = Update.apply(.keys([.character("/"), .up]), to: &state)
        #expect(state.board.filter.text == "card:red")
    }

    @Test func tabCompletesAKeyAndAValue() {
        var state = filtered("ca")
        state.press(.tab)
        #expect(state.board.filter.text == "card:")
        state.type("y")
        state.press(.tab)
        #expect(state.board.filter.text == "card:yellow" && projects(state).allSatisfy { $0.card.colour == .yellow })
        state.type(",r")
        state.press(.tab)
        #expect(state.board.filter.text == "card:yellow,red")
        state.type(" -st")
        state.press(.tab)
        // stall and stage: completed as far as they agree, the two offered.
        #expect(state.board.filter.text == "card:yellow,red -sta" && state.board.filterCandidates == ["stall", "stage"])
        #expect(state.screen[state.height - 2].contains("stall stage"))
        state.type("g")
        state.press(.tab)
        #expect(state.board.filter.text == "card:yellow,red -stage:" && state.board.filterCandidates.isEmpty)
        // A Chinese word completes too, and the cursor stands after the completion.
        var zh = filtered("card:红 x")
        zh.press(.left, .left, .tab)
        #expect(zh.board.filter.text == "card:红牌 x" && zh.board.filter.cursor == 7)
        // Nothing to complete: nothing changes.
        var none = filtered("zz")
        none.press(.tab)
        #expect(none.board.filter.text == "zz")
        var queue = Fixture.state()
        queue.press(.character("2"), .character("/"))
        queue.type("cat:de")
        queue.press(.tab)
        #expect(queue.queue.filter.text == "cat:demolition")
    }

    @Test func editDistance() {
        #expect(EditDistance.between("rde", "red") == 2)
        #expect(FilterQuery.nearest("rde", FilterSpec.board.key("card")!.words) == "red")
        #expect(FilterQuery.nearest("yelow", FilterSpec.board.key("card")!.words) == "yellow")
        #expect(FilterQuery.nearest("purple", FilterSpec.board.key("card")!.words) == nil)
    }
}

extension FilterTests {
    @Test func aPlaceNoSubCommandOrLocalityHasIsSaid() {
        let org = Fixture.data.organisation
        let loc = org.localities[0]
        let here = projects(filtered("loc:\(loc.name)"))
        #expect(!here.isEmpty && here.allSatisfy { $0.project.locality == loc.code })
        #expect(projects(filtered("loc:\(loc.code)")).count == here.count)
        // A name no locality has: left out and said, with a did-you-mean for a near miss.
        let typo = String(loc.name.dropLast()) + "镇"
        var state = filtered("loc:\(typo)", width: 200)
        #expect(projects(state).count == 48)
        state.press(.enter)
        let line = state.screen[state.height - 2]
        #expect(line.contains("loc 没有“\(typo)”") && line.contains("是不是 \(loc.name.lowercased())"), "\(line)")
        // Alternatives: either place.
        let other = org.localities[1]
        #expect(projects(filtered("loc:\(loc.name),\(other.name)")).count == here.count + projects(filtered("loc:\(other.name)")).count)
        // Tab completes a sub-command's code.
        let sub = org.subcommands[0]
        var tab = filtered("sub:\(sub.code.prefix(sub.code.count - 1))")
        tab.press(.tab)
        #expect(tab.board.filter.text.hasPrefix("sub:\(sub.code.prefix(sub.code.count - 1))"))
    }
}

extension FilterTests {
    @Test func atEightyColumnsTheNoteMakesWayForNothingButTheCounts() {
        var state = filtered("card:rde")
        state.press(.enter)
        let line = state.screen[state.height - 2]
        #expect(line.contains("是不是 red") && !line.contains("/srv/cmdroom"), "\(line)")
        var fine = filtered("card:red")
        fine.press(.enter)
        // Room for the sample's mark and the account; the store path gives way first.
        let fineLine = fine.screen[fine.height - 2]
        #expect(fineLine.contains("示例数据 · 截至 2026-10-31") && fineLine.contains("只读") && !fineLine.contains("/srv/cmdroom"), "\(fineLine)")
    }
}
