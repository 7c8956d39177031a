import Foundation
import KeyProjects
import KeyProjectsStore

/// The three sample localities of the seeds, built into the binary: a province, a city and a
/// county. Their ledgers are generated deterministically; `sample-data/NAME` holds the same
/// files, and a test keeps the two identical.
public enum SampleLocality: String, CaseIterable, Sendable {
    case shanxi, linfen, lingchuan

    /// The locality a new user's store is made from.
    public static let defaultLocality = SampleLocality.linfen

    public var localityTOML: String {
        switch self {
        case .shanxi: return Self.shanxiTOML
        case .linfen: return Self.linfenTOML
        case .lingchuan: return Self.lingchuanTOML
        }
    }

    /// Other files beside locality.toml.
    public var extraFiles: [String: String] {
        self == .lingchuan ? ["holidays.toml": Self.lingchuanHolidaysTOML] : [:]
    }

    var projectCount: Int {
        switch self { case .shanxi: return 96; case .linfen: return 48; case .lingchuan: return 42 }
    }
    var issueCount: Int {
        switch self { case .shanxi: return 64; case .linfen: return 40; case .lingchuan: return 34 }
    }
    var codePrefix: String {
        switch self { case .shanxi: return "SX"; case .linfen: return "LF"; case .lingchuan: return "LC" }
    }
    var seed: UInt64 {
        switch self { case .shanxi: return 14; case .linfen: return 1026; case .lingchuan: return 5_005 }
    }

    /// The parsed configuration (the embedded text is known to be valid; a test checks it).
    public func config() throws(StoreError) -> LocalityConfig {
        let extra = extraFiles
        return try LocalityFile.parse(localityTOML, file: "\(rawValue)/locality.toml") { extra[$0] }
    }

    /// The sample's generator settings.
    public func generatorSettings() throws(StoreError) -> DemoSettings {
        let config = try config()
        var settings = DemoSettings(organisation: config.organisation, asOf: config.sampleAsOf ?? Day(year: 2026, month: 10, day: 31)!,
                                    projects: projectCount, issues: issueCount, seed: seed, codePrefix: codePrefix,
                                    meetingYears: 1, historyMonths: 14, namedProjects: self == .shanxi ? ShanxiNamedProjects.all : [],
                                    workCalendar: config.rules.clock.calendar)
        settings.rules = config.rules
        return settings
    }

    /// Writes locality.toml, any extra files and the seven ledgers into `directory`.
    public func write(to directory: URL) throws(StoreError) {
        let settings = try generatorSettings()
        let portfolio = DemoGenerator(settings).portfolio()
        var files = extraFiles
        files[LocalityFile.fileName] = localityTOML
        try DemoWriter.write(files: files, portfolio: portfolio, organisation: settings.organisation, to: directory)
    }
}
