@testable import CommandRoom
import Foundation
import KeyProjects
import TerminalKit
import Testing

/// Issue 15 and 16 on screen: triage's numbers, list and resume; the meeting page's worked
/// items and 预警项目; the board's warning mark; the organisation page.
@Suite struct FollowUpScreensTests {
    static let meeting = "progress-20261109"

    static func triage() -> AppState {
        var state = WritingTests.state(role: .office)
        _ = Update.apply(.startTriage(meeting), to: &state)
        _ = Update.apply(.decisionsLoaded(meeting: meeting, []), to: &state)
        return state
    }

    @Test func gAndANumberGoToThatItemAndABadNumberIsSaid() throws {
        var state = Self.triage()
        let count = try #require(state.triage?.keys.count)
        try #require(count >= 3)
        state.press(.character("g"))
        state.type("３")   // full-width, as an input method gives it
        state.press(.enter)
        #expect(state.triage?.index == 2 && state.top is TriageScreen)
        state.press(.character("g"))
        state.type("\(count + 5)")
        state.press(.enter)
        #expect(state.triage?.index == 2 && state.messageIsError && state.message?.contains("\(count)") == true)
    }

    @Test func lListsTheItemsWithTheWorkedOnesMarkedAndEnterGoesToOne() throws {
        var state = Self.triage()
        let keys = try #require(state.triage?.keys)
        let worked = MeetingDecision(id: "\(Self.meeting)-d1", meeting: Self.meeting, item: keys[1], project: "P",
                                     kind: .statementMade, recordedOn: Fixture.asOf)
        _ = Update.apply(.decisionsLoaded(meeting: Self.meeting, [worked]), to: &state)
        state.press(.character("l"))
        #expect(state.top is TriageListScreen)
        let text = state.screen.joined(separator: "\n")
        #expect(text.contains("2. " + state.strings["agenda.worked"]) && !text.contains("1. " + state.strings["agenda.worked"]))
        state.press(.down, .down, .down, .enter)
        #expect(state.top is TriageScreen && state.triage?.index == 3)
    }

    @Test func triageResumesWhereItWasLeft() throws {
        var state = Self.triage()
        state.press(.right, .right)
        #expect(state.triage?.index == 2)
        state.press(.escape)
        #expect(state.triage == nil && state.detail == .meeting(Self.meeting))
        state.press(.character("T"))
        _ = Update.apply(.decisionsLoaded(meeting: Self.meeting, []), to: &state)
        #expect(state.triage?.index == 2)
    }

    @Test func theMeetingPageMarksWorkedItems() throws {
        var state = Self.triage()
        let keys = try #require(state.triage?.keys)
        state.press(.escape)
        let worked = MeetingDecision(id: "\(Self.meeting)-d1", meeting: Self.meeting, item: keys[0], project: "P",
                                     kind: .statementMade, recordedOn: Fixture.asOf)
        _ = Update.apply(.decisionsLoaded(meeting: Self.meeting, [worked]), to: &state)
        #expect(state.screen.joined(separator: "\n").contains("1. " + state.strings["agenda.worked"]))
    }

    @Test func theBoardMarksAProjectWithAWarningAndTheFilterFindsThem() throws {
        var state = Fixture.state(width: 160, height: 60)
        let warned = Fixture.data.board.standings.filter { $0.forecast?.warning != nil }
        try #require(!warned.isEmpty)
        let line = try #require(state.screen.first { $0.contains(warned[0].project.name) })
        #expect(line.contains("!"))
        state.press(.character("/"))
        state.type("warn:")
        state.press(.enter)
        #expect(state.board.rows.count - state.board.headings == warned.count)
    }

    @Test func fiveOpensTheOrganisationPageAndEscComesBack() throws {
        var state = Fixture.state()
        state.press(.character("2"), .character("5"))
        #expect(state.top is OrganisationPageScreen)
        #expect(state.screen.joined().contains(Fixture.data.organisation.name))
        state.press(.pageDown)
        state.press(.escape)
        #expect(state.screens.count == 1 && state.view == .queue)
        state.press(.character(":"))
        state.type("org")
        state.press(.enter)
        #expect(state.top is OrganisationPageScreen)
    }
}
