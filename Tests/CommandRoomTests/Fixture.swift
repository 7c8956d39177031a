import CommandRoom
import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsReports
import StringTables
import TerminalKit

/// The Linfen sample, generated in memory (no store): the dashboard's data as of 2026-10-31.
enum Fixture {
    static let config = try! SampleLocality.linfen.config()
    static let portfolio = DemoGenerator(try! SampleLocality.linfen.generatorSettings()).portfolio()
    static let asOf = config.sampleAsOf!
    static let data = DashboardData(config: config, portfolio: portfolio, asOf: asOf, complete: true)
    /// 2026-11-22 08:30:00 UTC, for the wall's clock.
    static let now = Date(timeIntervalSince1970: 1_795_336_200)

    static func state(width: Int = 80, height: Int = 24, lang: Lang = .zh, wall: Bool = false, ascii: Bool = false,
                      colors: Int = 256) -> AppState {
        let options = DashboardOptions(lang: lang, theme: BuiltinTheme.dark.theme, ascii: ascii, colors: colors, wall: wall,
                                       cycleSeconds: 15, storePath: "/srv/cmdroom", user: "clerk",
                                       timeZone: TimeZone(identifier: "UTC")!)
        var state = AppState(options: options, width: width, height: height, today: asOf, now: now)
        _ = Update.apply(.loaded(data), to: &state)
        return state
    }
}

extension AppState {
    /// Sends keys and returns the effects they asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> [AppEffect] {
        keys.flatMap { Update.apply(.key($0), to: &self) }
    }

    @discardableResult
    mutating func type(_ text: String) -> [AppEffect] {
        text.flatMap { Update.apply(.key(.character($0)), to: &self) }
    }

    var screen: [String] { Render.frame(self).lines }
}
