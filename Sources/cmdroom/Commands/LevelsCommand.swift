import ArgumentParser
import Foundation
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore

/// `cmdroom levels`: the stores one level down and their figures, read live (issue 17 §5).
struct LevelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "levels",
        abstract: "The stores one level down (a city's counties) with their cards, investment against plan and overdue issues.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let asOf = try options.asOfDay(store.config)
        let rollups = try options.fail { () throws(StoreError) in try store.lowerRollups(asOf: asOf) }
        Console.out(LevelsReport(rollups: rollups, strings: options.strings).render(output.format))
    }
}
