@testable import CommandRoom
import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsStore
import TerminalKit
import Testing

/// Issue 11, item 6: a long line typed or pasted into any text field arrives whole, each key
/// edits the text in place (no copy of the line per key), and the runtime applies a paste's
/// keys before drawing one frame for them.
@Suite struct LongInputTests {
    static let long: String = {
        let unit = "县城项目abc123，"
        return String(String(repeating: unit, count: 5_000 / unit.count + 1).prefix(5_000))
    }()

    @Test func fiveThousandKeysIntoTheCommandLine() {
        var state = Fixture.state()
        state.press(.character(":"))
        state.type(Self.long)
        #expect(state.commandLine == Self.long)
        // Editing keys still work on the long line.
        state.press(.home)
        state.press(.delete)
        state.press(.end)
        state.press(.backspace)
        #expect(state.commandLine == String(Self.long.dropFirst().dropLast()))
        // The end of the line is on screen, on the command row.
        let row = state.screen[state.height - 2]
        #expect(row.hasPrefix(":") && Self.long.dropLast().hasSuffix(String(row.dropFirst())), "\(row)")
        state.press(.escape)
        #expect(state.overlay == nil)
    }

    @Test func fiveThousandKeysIntoTheRemindersNote() throws {
        var state = WritingTests.state(role: WritingTests.law)
        WritingTests.select("law", &state)
        state.press(.character("c"))
        state.press(.tab)
        state.type(Self.long)
        guard case let .form(form)? = state.overlay else { Issue.record("no form"); return }
        #expect(form.fields[1].label == "form.note" && form.fields[1].input.text == Self.long)
        // The form draws the long note clipped, the cursor in view.
        #expect(state.screen.contains { $0.contains("，县城项目abc123，") })
        let effects = state.press(.enter)
        if case let .write(.remind(reminder))? = effects.first {
            #expect(reminder.note == Self.long)
        } else {
            // A note this long may be refused by the form's own checks; then it says why.
            guard case let .form(after)? = state.overlay else { Issue.record("\(effects)"); return }
            #expect(after.error != nil && after.fields[1].input.text == Self.long)
        }
    }

    @Test func fiveThousandKeysIntoTheBoardFilter() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type(Self.long)
        #expect(state.board.filter.text == Self.long)
    }

    @Test func keysArrivingTogetherDoWhatTheyDoOneByOne() {
        // Typed into the filter (re-filtered once at the end), then the filter closed and a view
        // switched: the same rows and view as the keys one at a time.
        for text in ["临汾", "县 card:red", Self.long] {
            let keys: [Key] = [.character("/")] + text.map { Key.character($0) } + [.left, .backspace, .enter, .down, .character("2")]
            var one = Fixture.state()
            for key in keys { one.press(key) }
            var together = Fixture.state()
            _ = Update.apply(.keys(keys), to: &together)
            #expect(together.board.filter.text == one.board.filter.text && together.board.rows == one.board.rows)
            // (Which project is selected may differ: the board keeps the selected project when
            // it is still shown, and typed one key at a time the filter passes through others.)
            #expect(together.view == one.view && together.view == .queue, "\(text.prefix(9)): \(together.view) \(one.view)")
        }
    }

    @Test func aPasteIsAppliedWholeBeforeOneFrameIsDrawn() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-paste-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("source")
        try SampleLocality.linfen.write(to: source)
        let dir = root.appendingPathComponent("store")
        try SQLiteStore.create(at: dir, from: source)
        let store = try SQLiteStore.open(dir, readOnly: true)
        let screen = MemoryScreen(width: 80, height: 24)
        var state = Fixture.state()
        state.data = nil
        let runtime = DashboardRuntime(state: state, screen: screen, store: store, clock: { Fixture.now }, today: { Fixture.asOf })
        runtime.start()
        screen.send(.key(.character(":")))
        runtime.step()
        let frames = screen.frames.count
        screen.type(Self.long)
        runtime.step()
        #expect(runtime.state.commandLine == Self.long)
        #expect(screen.frames.count == frames + 1)
        let row = screen.lastFrame?.line(22) ?? ""
        #expect(row.hasPrefix(":") && Self.long.hasSuffix(String(row.dropFirst())), "\(row)")
        // Esc after the paste still closes the line.
        screen.send(.key(.escape))
        runtime.step()
        #expect(runtime.state.overlay == nil)
    }
}
