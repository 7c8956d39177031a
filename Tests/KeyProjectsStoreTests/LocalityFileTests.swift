import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsStore
import Testing

@Suite struct LocalityFileTests {
    @Test(arguments: SampleLocality.allCases)
    func eachSampleLocalityIsValid(_ sample: SampleLocality) throws {
        let config = try sample.config()
        #expect(!config.organisation.subcommands.isEmpty)
        #expect(config.sampleAsOf == Day(year: 2026, month: 10, day: 31))
    }

    @Test func theSeedsOrganisationsAreThere() throws {
        let shanxi = try SampleLocality.shanxi.config().organisation
        #expect(shanxi.level == .province && shanxi.subcommands.count == 8 && shanxi.localities.count == 11)
        #expect(shanxi.subcommands.filter(\.isSingleProject).map(\.code) == ["airport"])
        let linfen = try SampleLocality.linfen.config().organisation
        #expect(linfen.level == .city && linfen.subcommands.count == 6)
        #expect(linfen.localities.contains { $0.kind == .zone })
        let lingchuan = try SampleLocality.lingchuan.config()
        #expect(lingchuan.organisation.level == .county && lingchuan.organisation.subcommands.count == 7)
        #expect(lingchuan.rules.clock.calendar?.holidays.contains(Day(year: 2026, month: 10, day: 1)!) == true)
        #expect(try SampleLocality.shanxi.config().rules.cards.profile == .pointsBehind(yellowFrom: 10, redAbove: 30))
        // One leader heads several sub-commands (seed 003).
        let commanders = lingchuan.organisation.subcommands.map(\.commander)
        #expect(Set(commanders).count < commanders.count)
    }

    func problems(_ toml: String) -> [ConfigProblem] {
        let error = storeError { _ = try LocalityFile.parse(toml, file: "locality.toml") }
        if case let .configInvalid(_, problems)? = error { return problems }
        return error.map { [ConfigProblem(path: "?", message: $0.description)] } ?? []
    }

    @Test func aSyntaxErrorNamesLineAndColumn() {
        #expect(throws: StoreError.self) { try LocalityFile.parse("[headquarters\ncode = 1", file: "x.toml") }
        let error = storeError { _ = try LocalityFile.parse("a = 1\nb = = 2\n", file: "x.toml") }
        guard case let .configSyntax(file, line, _, _)? = error else { Testing.Issue.record("wrong error \(String(describing: error))"); return }
        #expect(file == "x.toml" && line == 2)
    }

    @Test func mistakesAreReportedWithTheirKeyPath() {
        var toml = SampleLocality.linfen.localityTOML
        toml = toml.replacingOccurrences(of: "level = \"city\"", with: "level = \"metropolis\"")
        toml = toml.replacingOccurrences(of: "commander = \"vm-law\"", with: "commander = \"nobody\"")
        toml = toml.replacingOccurrences(of: "obstruction = \"市公安局\"", with: "obstruction = \"市警察局\"")
        toml = toml.replacingOccurrences(of: "threshold = 1.0", with: "threshold = 1.0\nthreshhold = 0.9")
        let found = problems(toml).map(\.path)
        #expect(found.contains("headquarters.level"))
        #expect(found.contains("subcommands[1].commander"))
        #expect(found.contains("duty.obstruction"))
        #expect(found.contains("rules.cards.threshhold"))
    }

    @Test func duplicateCodesAreRefused() {
        let toml = SampleLocality.linfen.localityTOML.replacingOccurrences(of: "code = \"houma\"", with: "code = \"yaodu\"")
        #expect(problems(toml).contains { $0.path == "localities[1].code" && $0.message.contains("repeats localities[0]") })
    }
}
