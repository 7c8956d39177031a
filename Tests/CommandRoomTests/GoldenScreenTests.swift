import CommandRoom
import Foundation
import GoldenFiles
import TerminalKit
import Testing
import TextLayout

/// Golden screens: every scenario's frame as text, one file each in `__Snapshots__/`
/// (`board.zh.80x24.txt`). After a deliberate change: `CMDROOM_RECORD=1 swift test --filter
/// GoldenScreenTests` rewrites the files (and fails), then read `git diff` before committing.
@Suite struct GoldenScreenTests {
    static let directory = GoldenFile.directory(beside: #filePath)
    nonisolated(unsafe) static let scenarios = ScreenScenarios.all()
    static let names = scenarios.map(\.name).sorted()

    @Test func everyScenarioHasItsFileAndEveryFileItsScenario() {
        guard !GoldenFile.recording else { return }
        #expect(Set(Self.names).count == Self.names.count, "two scenarios share a name")
        #expect(Set(Self.names) == GoldenFile.names(in: Self.directory))
    }

    @Test(arguments: names)
    func screenMatchesItsGolden(_ name: String) throws {
        let state = try #require(Self.scenarios.first { $0.name == name }?.state)
        GoldenFile.check(state.screen.joined(separator: "\n") + "\n", named: name, in: Self.directory)
    }
}

/// Layout properties the goldens cannot show on their own.
@Suite struct LayoutTests {
    @Test func noWideCharacterStraddlesAColumnBoundary() {
        // Every table cell starts on a fresh cell: the first cell of each column is never the
        // right half of a wide character, in any view, language or width.
        for (name, state) in ScreenScenarios.all() {
            let canvas = Render.frame(state)
            for y in 0..<canvas.height {
                let row = canvas.row(y)
                let columns = row.reduce(0) { $0 + ($1.isContinuation ? 0 : max(1, DisplayWidth.of($1.text))) }
                #expect(columns == canvas.width, "\(name) row \(y) covers \(columns) columns")
                if let first = row.first { #expect(!first.isContinuation, "\(name) row \(y) starts in a wide character") }
            }
        }
    }

    @Test func theWallLaysItselfOutFrom80x24To300x80() {
        for (w, h) in [(80, 24), (100, 30), (160, 48), (240, 64), (300, 80)] {
            for panel in 0..<4 {
                var state = Fixture.state(width: w, height: h, wall: true)
                state.wall.panel = panel
                let lines = state.screen
                #expect(lines.count == h)
                #expect(lines[0].contains("2026-11-22 08:30:00"), "\(w)x\(h) panel \(panel): no clock")
                #expect(lines[h - 1].contains("2026-10-31"), "\(w)x\(h) panel \(panel): no footer")
                #expect(lines.dropFirst(2).dropLast().contains { !$0.isEmpty }, "\(w)x\(h) panel \(panel): empty")
            }
        }
    }

    @Test func everyViewReadsWithoutColour() {
        var state = Fixture.state(colors: 0)
        let canvas = Render.frame(state)
        #expect(canvas.cells.allSatisfy { $0.style.fg == .default && $0.style.bg == .default })
        #expect(state.screen.joined().contains("■ 红牌"))
        state.options.ascii = true
        #expect(state.screen.joined().contains("R 红牌"))
    }

    @Test func withAsciiEveryNarrowCharacterIsASCII() {
        // Terminals set to draw ambiguous-width characters wide would break on any narrow
        // non-ASCII character; CJK (wide everywhere) is fine.
        for (name, original) in ScreenScenarios.all() {
            var state = original
            state.options.ascii = true
            let canvas = Render.frame(state)
            let bad = canvas.cells.filter { cell in
                guard let scalar = cell.text.unicodeScalars.first else { return false }
                return !scalar.isASCII && DisplayWidth.of(scalar) == 1
            }.map(\.text)
            #expect(bad.isEmpty, "\(name): \(Set(bad).sorted())")
        }
    }

    @Test func withoutColourTheSelectionAndRedCardsStillStandOut() {
        // NO_COLOR with the default theme draws with the mono theme's attributes.
        let state = Fixture.state(colors: 0)
        let canvas = Render.frame(state)
        let selectedRow = 3 + 1 + state.board.selected - state.board.offset
        #expect(canvas[10, selectedRow].style.reverse, "the selection is not reversed")
        let red = canvas.cells.first { $0.text == "■" }
        #expect(red?.style.reverse == true && red?.style.bold == true)
    }

    @Test func belowTheMinimumSizeTheScreenSaysSo() {
        let state = Fixture.state(width: 79, height: 24)
        #expect(state.screen.contains { $0.contains("80×24") && $0.contains("79×24") })
    }
}

@Suite struct ThemeFileTests {
    @Test(arguments: BuiltinTheme.allCases)
    func theBuiltInThemesAreTheFilesInThemes(_ theme: BuiltinTheme) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("themes/\(theme.rawValue).toml")
        let file = try String(contentsOf: url, encoding: .utf8)
        #expect(file == theme.toml + "\n", "themes/\(theme.rawValue).toml differs from BuiltinTheme.\(theme.rawValue)")
        let parsed = try Theme.parse(file, file: url.path)
        #expect(parsed.name == theme.rawValue)
        // Every role the screens draw with is in every theme.
        for role in ["header", "title", "tab", "tab.active", "text", "muted", "table.header", "table.section", "selection", "status",
                     "keybar.key", "keybar.label", "card.blue", "card.behind", "card.yellow", "card.red", "light.green",
                     "light.yellow", "light.red", "stall", "alert", "notice", "modal", "modal.border", "calendar.today",
                     "calendar.meeting", "calendar.selected", "calendar.weekend", "bar", "bar.empty", "wall.clock"] {
            #expect(parsed.styles[role] != nil, "\(theme.rawValue) has no \(role)")
        }
        // Red reads without colour: bold, and reversed or on a background.
        let red = parsed.style("card.red")
        #expect(red.bold && (red.reverse || red.bg != .default))
    }
}
