import ArgumentParser
import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsReports
import KeyProjectsStore
import StringTables

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write sample or generated localities.",
        subcommands: [Sample.self, Generate.self])

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a bundled sample locality (shanxi, linfen, lingchuan): what sample-data/ holds.")

        @Argument(help: ArgumentHelp("shanxi, linfen or lingchuan.", valueName: "sample"))
        var name: String

        @Option(help: ArgumentHelp("The directory to write.", valueName: "dir"))
        var out: String

        @Option(help: "Language of messages: zh or en.")
        var lang: Lang = .zh

        func run() throws {
            guard let sample = SampleLocality(rawValue: name) else {
                throw Console.usage(Strings.of(lang).format("error.unknownSample", ["name": name, "names": SampleLocality.allCases.map(\.rawValue).joined(separator: ", ")]))
            }
            let strings = Strings.of(lang)
            do { try sample.write(to: URL(fileURLWithPath: out)) } catch {
                for line in ErrorText(strings: strings).lines(error) { Console.error(line) }
                throw ExitCode.failure
            }
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a generated locality of any size, deterministically from a seed (for benchmarks).")

        @Option(help: "Number of projects.")
        var projects: Int = 1_000

        @Option(help: "Seed of the generator.")
        var seed: UInt64 = 1

        @Option(help: "Number of issues (default: 2.5 per project).")
        var issues: Int?

        @Option(help: "Number of meetings (default: one year's cadence).")
        var meetings: Int?

        @Option(help: ArgumentHelp("The organisation to use: shanxi, linfen or lingchuan.", valueName: "sample"))
        var locality: String = SampleLocality.defaultLocality.rawValue

        @Option(help: ArgumentHelp("The directory to write.", valueName: "dir"))
        var out: String

        @Option(help: "Language of messages: zh or en.")
        var lang: Lang = .zh

        func validate() throws {
            guard projects > 0, projects <= 1_000_000 else { throw ValidationError("--projects must be between 1 and 1000000") }
            guard SampleLocality(rawValue: locality) != nil else { throw ValidationError("--locality must be shanxi, linfen or lingchuan") }
        }

        func run() throws {
            let base = SampleLocality(rawValue: locality)!
            let strings = Strings.of(lang)
            do {
                var settings = try base.generatorSettings()
                settings.projects = projects
                settings.seed = seed
                settings.issues = issues ?? projects * 5 / 2
                settings.meetingCount = meetings
                settings.namedProjects = []
                settings.historyMonths = 12
                settings.codePrefix = "G"
                let written = try DemoWriter.writeGenerated(settings, base: base, to: URL(fileURLWithPath: out))
                Console.note(strings.format("demo.written", ["path": out, "projects": String(written.files.count),
                                                             "issues": String(written.issues.count),
                                                             "meetings": String(written.meetings.count)]))
            } catch {
                for line in ErrorText(strings: strings).lines(error) { Console.error(line) }
                throw ExitCode.failure
            }
        }
    }
}
